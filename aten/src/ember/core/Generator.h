#pragma once
// Random number generation (see Note [ember's random numbers]).
//
// Note [ember's random numbers]
// ember draws every random number from Philox4x32-10, a counter-based generator
// (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11): the state
// is (seed, offset); element i of a random tensor is a pure function of
// (seed, offset + i), and each call advances offset by the number of 32-bit draws it
// consumed. So results do not depend on thread count, grain size or device: the
// same seed gives the same tensor on the CPU and on CUDA, and manual_seed(s)
// reproduces a program's random stream exactly. (PyTorch's CPU generator is a
// Mersenne Twister, so ember's streams differ from PyTorch's numerically, not in
// distribution.)
#include <cstdint>
#include <memory>
#include <mutex>

#include <ember/core/Device.h>
#include <ember/core/Macros.h>

namespace ember {

struct PhiloxState {
  uint64_t seed;
  uint64_t offset;  // in units of 4x32-bit Philox blocks
};

class EMBER_API GeneratorImpl {
 public:
  explicit GeneratorImpl(Device device, uint64_t seed = 67280421310721ULL)
      : device_(device), seed_(seed) {}
  Device device() const { return device_; }
  void manual_seed(uint64_t seed) {
    std::lock_guard<std::mutex> g(mutex_);
    seed_ = seed;
    offset_ = 0;
  }
  uint64_t initial_seed() const { return seed_; }
  // Reserves `blocks` Philox blocks and returns the state to draw them from.
  PhiloxState reserve(uint64_t blocks) {
    std::lock_guard<std::mutex> g(mutex_);
    PhiloxState s{seed_, offset_};
    offset_ += blocks;
    return s;
  }
  PhiloxState get_state() const { return {seed_, offset_}; }
  void set_state(PhiloxState s) {
    std::lock_guard<std::mutex> g(mutex_);
    seed_ = s.seed;
    offset_ = s.offset;
  }

 private:
  Device device_;
  uint64_t seed_;
  uint64_t offset_ = 0;
  std::mutex mutex_;
};

// A handle, like torch.Generator. Undefined (null) means "the default generator".
class Generator {
 public:
  Generator() = default;
  explicit Generator(std::shared_ptr<GeneratorImpl> impl) : impl_(std::move(impl)) {}
  bool defined() const { return impl_ != nullptr; }
  GeneratorImpl* get() const { return impl_.get(); }
  GeneratorImpl* operator->() const { return impl_.get(); }

 private:
  std::shared_ptr<GeneratorImpl> impl_;
};

// The default generator of a device (created on first use).
EMBER_API Generator default_generator(Device device);
// ember.manual_seed: seeds the CPU default generator and every CUDA one.
EMBER_API void manual_seed(uint64_t seed);

// One Philox4x32-10 block: 4 uniformly distributed 32-bit words for (key, counter).
struct Philox4x32 {
  uint32_t v[4];
};
EMBER_HOST_DEVICE inline Philox4x32 philox4x32(uint64_t key, uint64_t counter_hi,
                                               uint64_t counter_lo) {
  uint32_t c0 = static_cast<uint32_t>(counter_lo), c1 = static_cast<uint32_t>(counter_lo >> 32);
  uint32_t c2 = static_cast<uint32_t>(counter_hi), c3 = static_cast<uint32_t>(counter_hi >> 32);
  uint32_t k0 = static_cast<uint32_t>(key), k1 = static_cast<uint32_t>(key >> 32);
  for (int round = 0; round < 10; ++round) {
    const uint64_t p0 = uint64_t(0xD2511F53u) * c0;
    const uint64_t p1 = uint64_t(0xCD9E8D57u) * c2;
    const uint32_t n0 = static_cast<uint32_t>(p1 >> 32) ^ c1 ^ k0;
    const uint32_t n1 = static_cast<uint32_t>(p1);
    const uint32_t n2 = static_cast<uint32_t>(p0 >> 32) ^ c3 ^ k1;
    const uint32_t n3 = static_cast<uint32_t>(p0);
    c0 = n0; c1 = n1; c2 = n2; c3 = n3;
    k0 += 0x9E3779B9u;
    k1 += 0xBB67AE85u;
  }
  return Philox4x32{{c0, c1, c2, c3}};
}

}  // namespace ember
