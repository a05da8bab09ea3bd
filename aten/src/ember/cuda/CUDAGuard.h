#pragma once
// CUDAGuard: makes a device current for a scope and restores the previous one.
//
// Kernels, allocations and copies happen on the runtime's *current* device, so every
// entry point that receives a tensor on `cuda:N` opens a guard on N first. Restoring
// in the destructor cannot report an error (destructors must not throw); a failure
// there would mean the context is already broken, which the next checked call reports.
#include <cuda_runtime.h>

#include <optional>

#include <ember/core/Device.h>
#include <ember/cuda/Exceptions.h>

namespace ember::cuda {

// The current device index of this thread.
inline int current_device_index() {
  int d = 0;
  EMBER_CUDA_CHECK(cudaGetDevice(&d));
  return d;
}

class CUDAGuard {
 public:
  // index < 0 means "the current device": the guard then changes nothing.
  explicit CUDAGuard(int index) {
    original_ = current_device_index();
    if (index >= 0 && index != original_) {
      EMBER_CUDA_CHECK(cudaSetDevice(index));
      changed_ = true;
    }
  }
  explicit CUDAGuard(Device device) : CUDAGuard(static_cast<int>(device.index)) {
    EMBER_CHECK(device.is_cuda(), "CUDAGuard: expected a CUDA device but got ", device);
  }
  ~CUDAGuard() {
    if (changed_) EMBER_CUDA_IGNORE_ERROR(cudaSetDevice(original_));
  }
  CUDAGuard(const CUDAGuard&) = delete;
  CUDAGuard& operator=(const CUDAGuard&) = delete;

  int original_device() const { return original_; }

 private:
  int original_ = 0;
  bool changed_ = false;
};

// A guard for code paths that may run with CPU or CUDA tensors: does nothing for the CPU.
class OptionalCUDAGuard {
 public:
  explicit OptionalCUDAGuard(Device device) {
    if (device.is_cuda()) guard_.emplace(device);
  }

 private:
  std::optional<CUDAGuard> guard_;
};

}  // namespace ember::cuda
