#include <ember/native/cuda/KernelUtils.cuh>

#include <array>
#include <atomic>

namespace ember::native::cuda {

int multiprocessor_count(int device) {
  static std::array<std::atomic<int>, ::ember::cuda::kMaxDevices> cache{};
  EMBER_CHECK(device >= 0 && device < ::ember::cuda::kMaxDevices, "CUDA device index ", device,
              " out of range");
  int n = cache[device].load(std::memory_order_relaxed);
  if (n == 0) {
    EMBER_CUDA_CHECK(cudaDeviceGetAttribute(&n, cudaDevAttrMultiProcessorCount, device));
    cache[device].store(n, std::memory_order_relaxed);
  }
  return n;
}

}  // namespace ember::native::cuda
