#pragma once
// Memory for tensor storage. Each device type has one Allocator; storages created
// from foreign memory (NumPy arrays, DLPack capsules) carry their own deleter instead.
#include <cstddef>
#include <utility>

#include <ember/core/Device.h>
#include <ember/core/Macros.h>

namespace ember {

// Releases memory: deleter(ctx, data). ctx is whatever the owner needs (an allocator
// block handle, a PyObject* to decref, a DLManagedTensor*).
using DeleterFn = void (*)(void* ctx, void* data);

// An owning pointer to device memory. Move-only.
class DataPtr {
 public:
  DataPtr() = default;
  DataPtr(void* data, void* ctx, DeleterFn deleter, Device device)
      : data_(data), ctx_(ctx), deleter_(deleter), device_(device) {}
  DataPtr(DataPtr&& o) noexcept { *this = std::move(o); }
  DataPtr& operator=(DataPtr&& o) noexcept {
    if (this != &o) {
      reset();
      data_ = std::exchange(o.data_, nullptr);
      ctx_ = std::exchange(o.ctx_, nullptr);
      deleter_ = std::exchange(o.deleter_, nullptr);
      device_ = o.device_;
    }
    return *this;
  }
  DataPtr(const DataPtr&) = delete;
  DataPtr& operator=(const DataPtr&) = delete;
  ~DataPtr() { reset(); }

  void reset() {
    if (deleter_) deleter_(ctx_, data_);
    data_ = ctx_ = nullptr;
    deleter_ = nullptr;
  }
  void* get() const { return data_; }
  void* context() const { return ctx_; }
  DeleterFn deleter() const { return deleter_; }
  Device device() const { return device_; }

 private:
  void* data_ = nullptr;
  void* ctx_ = nullptr;
  DeleterFn deleter_ = nullptr;
  Device device_;
};

class Allocator {
 public:
  virtual ~Allocator() = default;
  // Returns memory for nbytes (nbytes may be 0), aligned to at least 64 bytes.
  // Throws ember::Error ("out of memory") on failure; never returns null for nbytes > 0.
  virtual DataPtr allocate(size_t nbytes) = 0;
  // Returns cached, unused blocks to the system.
  virtual void empty_cache() {}
};

// The allocator for a device type. The CPU one is always present; the CUDA one is
// installed by the CUDA backend when ember was built with it (null otherwise).
EMBER_API Allocator* get_allocator(DeviceType t);
EMBER_API void set_allocator(DeviceType t, Allocator* alloc);

// The CPU allocator caches large blocks by size so that repeatedly allocating big
// outputs does not page-fault fresh memory on every call (see Note [CPU caching allocator]).
struct CPUAllocatorStats {
  size_t allocated_bytes = 0;  // live bytes handed out
  size_t cached_bytes = 0;     // bytes held in the cache, free for reuse
};
EMBER_API CPUAllocatorStats cpu_allocator_stats();

}  // namespace ember
