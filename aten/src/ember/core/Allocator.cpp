#include <ember/core/Allocator.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>

#include <ember/core/Error.h>

namespace ember {

// Note [CPU caching allocator]
// Large tensors come from mmap (glibc hands out big blocks that way), so every fresh
// 40 MB output costs ~10k page faults and a zero-fill by the kernel — at 10^7 floats
// that is slower than the arithmetic itself. We keep freed blocks of at least
// kMinCachedBytes in a size-ordered pool and hand them out again when a request fits
// without wasting more than half the block. The pool is bounded (kMaxCachedBytes);
// beyond that blocks go back to the system. Small blocks go straight to malloc,
// whose own free lists are already fast. All blocks are 64-byte aligned (a cache
// line, and enough for any SIMD load).
namespace {

constexpr size_t kAlignment = 64;
constexpr size_t kMinCachedBytes = size_t(1) << 18;   // 256 KiB
constexpr size_t kMaxCachedBytes = size_t(2) << 30;   // 2 GiB
constexpr size_t kRound = 4096;

struct Block {
  size_t size;
};

class CPUCachingAllocator final : public Allocator {
 public:
  DataPtr allocate(size_t nbytes) override {
    const Device cpu(DeviceType::CPU);
    if (nbytes < kMinCachedBytes) {
      // The hot path for small tensors: no lock, one relaxed atomic.
      void* p = raw_alloc(nbytes == 0 ? kAlignment : nbytes);
      allocated_.fetch_add(nbytes, std::memory_order_relaxed);
      return DataPtr(p, reinterpret_cast<void*>(nbytes), &free_small, cpu);
    }
    const size_t size = (nbytes + kRound - 1) / kRound * kRound;
    {
      std::lock_guard<std::mutex> g(mu_);
      auto it = pool_.lower_bound(size);
      if (it != pool_.end() && it->first <= size + size / 2) {
        void* p = it->second;
        const size_t bsize = it->first;
        pool_.erase(it);
        cached_ -= bsize;
        allocated_ += bsize;
        return DataPtr(p, reinterpret_cast<void*>(bsize), &free_large, cpu);
      }
    }
    void* p = raw_alloc(size);
    allocated_ += size;
    return DataPtr(p, reinterpret_cast<void*>(size), &free_large, cpu);
  }

  void empty_cache() override {
    std::lock_guard<std::mutex> g(mu_);
    for (auto& kv : pool_) std::free(kv.second);
    pool_.clear();
    cached_ = 0;
  }

  CPUAllocatorStats stats() const {
    CPUAllocatorStats s;
    s.allocated_bytes = allocated_.load();
    s.cached_bytes = cached_.load();
    return s;
  }

  static CPUCachingAllocator& instance() {
    static CPUCachingAllocator* a = new CPUCachingAllocator();  // leaked: outlives all tensors
    return *a;
  }

 private:
  static void* raw_alloc(size_t n) {
    void* p = nullptr;
    if (posix_memalign(&p, kAlignment, n) != 0 || p == nullptr) {
      throw Error(str("CPU out of memory: tried to allocate ", n, " bytes"));
    }
    return p;
  }
  static void free_small(void* ctx, void* p) {
    instance().allocated_.fetch_sub(reinterpret_cast<size_t>(ctx), std::memory_order_relaxed);
    std::free(p);
  }
  static void free_large(void* ctx, void* p) {
    auto& a = instance();
    const size_t size = reinterpret_cast<size_t>(ctx);
    a.allocated_ -= size;
    {
      std::lock_guard<std::mutex> g(a.mu_);
      if (a.cached_ + size <= kMaxCachedBytes) {
        a.pool_.emplace(size, p);
        a.cached_ += size;
        return;
      }
    }
    std::free(p);
  }

  std::mutex mu_;
  std::multimap<size_t, void*> pool_;  // guarded by mu_
  std::atomic<size_t> allocated_{0};
  std::atomic<size_t> cached_{0};
};

// Constant-initialised (no dynamic initialiser), so a backend's static registrar that
// calls set_allocator before this file's initialisers run is not overwritten. The CPU
// slot stays null and means the built-in caching allocator.
Allocator* g_allocators[kNumDeviceTypes] = {nullptr, nullptr};

}  // namespace

Allocator* get_allocator(DeviceType t) {
  Allocator* a = g_allocators[static_cast<int>(t)];
  if (a == nullptr && t == DeviceType::CPU) return &CPUCachingAllocator::instance();
  EMBER_CHECK(a != nullptr, "ember was not compiled with ", t == DeviceType::CUDA ? "CUDA" : "CPU",
              " support (no allocator for device type '", to_string(t), "')");
  return a;
}

void set_allocator(DeviceType t, Allocator* alloc) { g_allocators[static_cast<int>(t)] = alloc; }

CPUAllocatorStats cpu_allocator_stats() { return CPUCachingAllocator::instance().stats(); }

}  // namespace ember
