#pragma once
// The CUDA backend's answers to "is there a GPU?", shared by the DeviceHooks
// implementation (CUDAHooks.cpp), the allocator and the Python module.
#include <ember/core/Device.h>
#include <ember/core/Macros.h>

namespace ember::cuda {

// Number of visible CUDA devices; 0 (never an error) when there is no driver, no GPU
// or the driver is too old for this build's runtime. Asked once per process.
EMBER_API int device_count() noexcept;
inline bool is_available() noexcept { return device_count() > 0; }

// Raises RuntimeError "<what>: no CUDA GPU is available (...)" without a GPU.
EMBER_API void check_available(const char* what);

// `device` with its index filled in (the current device for "cuda"), checked against
// the device count: "CUDA error: invalid device ordinal" style errors become a
// RuntimeError naming the device and the count.
EMBER_API int resolve_device_index(Device device);

}  // namespace ember::cuda
