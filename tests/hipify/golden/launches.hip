// Kernel launches (translated with --hip-kernel-execution-syntax).
#include <hip/hip_runtime.h>

template <typename T, int N>
__global__ void fill(T* out, T value) { out[blockIdx.x * N + threadIdx.x] = value; }

__global__ void plain(float* out) { out[threadIdx.x] = 0; }

void run(float* out, int n, hipStream_t stream) {
  dim3 grid((n + 255) / 256), block(256);
  hipLaunchKernelGGL(plain, dim3(grid), dim3(block), 0, 0, out);
  hipLaunchKernelGGL(plain, dim3(grid), dim3(block), 0, 0, out);
  hipLaunchKernelGGL(HIP_KERNEL_NAME(fill<float, 4>), dim3(grid), dim3(block), 0, stream, out, 1.0f);
  hipLaunchKernelGGL(HIP_KERNEL_NAME(fill<float, 4>), dim3(2, 2), dim3(64), sizeof(float) * 64, stream,
      out,  // multi-line arguments
      static_cast<float>(std::min<int>(n, 3)));
  // plain<<<1, 1>>>(out);   in a comment: untouched
  std::vector<std::vector<int>> v;  // >> is not a launch
}
