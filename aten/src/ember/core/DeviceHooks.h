#pragma once
// Per-device-type services the device-generic core needs without depending on a
// backend at compile time: copying raw bytes, device counts, synchronisation.
// The CPU hooks are built in; the CUDA backend installs its hooks when it is compiled
// in (see ember/cuda/CUDAHooks.cpp). Asking for a backend that is absent raises.
#include <cstddef>

#include <ember/core/Device.h>
#include <ember/core/Macros.h>

namespace ember {

class DeviceHooks {
 public:
  virtual ~DeviceHooks() = default;
  virtual bool is_available() const = 0;
  virtual int device_count() const = 0;
  virtual int current_device() const = 0;
  virtual void set_device(int index) const = 0;
  virtual void synchronize(int index) const = 0;
  // Copies nbytes between two buffers, either of which may live on this device type
  // (the other on the CPU). Ordered on the current stream; blocking unless non_blocking.
  virtual void copy_bytes(void* dst, Device dst_device, const void* src, Device src_device,
                          size_t nbytes, bool non_blocking) const = 0;
};

// Hooks for a device type; throws ember::Error naming the missing backend
// ("ember was not compiled with CUDA support") when it is not built in.
EMBER_API const DeviceHooks& device_hooks(DeviceType t);
EMBER_API bool has_device_hooks(DeviceType t);
EMBER_API void set_device_hooks(DeviceType t, const DeviceHooks* hooks);

// Makes `device` its backend's current device for a scope (a no-op for the CPU and for
// a device without an index). Allocators allocate on the current device of their type,
// so everything that allocates for an explicit `cuda:N` opens one of these first.
class DeviceGuard {
 public:
  explicit DeviceGuard(Device device) {
    if (device.is_cpu() || !device.has_index()) return;
    const DeviceHooks& h = device_hooks(device.type);
    const int prev = h.current_device();
    if (prev == device.index) return;
    h.set_device(device.index);
    hooks_ = &h;
    prev_ = prev;
  }
  ~DeviceGuard() {
    if (hooks_ == nullptr) return;
    try {
      hooks_->set_device(prev_);
    } catch (...) {
      // A destructor must not throw; a broken context is reported by the next call.
    }
  }
  DeviceGuard(const DeviceGuard&) = delete;
  DeviceGuard& operator=(const DeviceGuard&) = delete;

 private:
  const DeviceHooks* hooks_ = nullptr;
  int prev_ = 0;
};

}  // namespace ember
