// Kernel launches (translated with --hip-kernel-execution-syntax).
#include <cuda_runtime.h>

template <typename T, int N>
__global__ void fill(T* out, T value) { out[blockIdx.x * N + threadIdx.x] = value; }

__global__ void plain(float* out) { out[threadIdx.x] = 0; }

void run(float* out, int n, cudaStream_t stream) {
  dim3 grid((n + 255) / 256), block(256);
  plain<<<grid, block>>>(out);
  plain<<<grid, block, 0>>>(out);
  fill<float, 4><<<grid, block, 0, stream>>>(out, 1.0f);
  fill<float, 4> <<< dim3(2, 2), 64, sizeof(float) * 64, stream >>> (
      out,  // multi-line arguments
      static_cast<float>(std::min<int>(n, 3)));
  // plain<<<1, 1>>>(out);   in a comment: untouched
  std::vector<std::vector<int>> v;  // >> is not a launch
}
