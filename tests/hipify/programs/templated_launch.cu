// Templated kernels launched with explicit and deduced template arguments.
#include <cuda_runtime.h>

template <typename T, int UNROLL>
__global__ void fill(T* out, T value, int n) {
  int base = (blockIdx.x * blockDim.x + threadIdx.x) * UNROLL;
#pragma unroll
  for (int u = 0; u < UNROLL; ++u)
    if (base + u < n) out[base + u] = value;
}

template <typename T>
__global__ void copy(const T* in, T* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = in[i];
}

template <typename T>
void fill_and_copy(T* a, T* b, int n, cudaStream_t stream) {
  dim3 grid((n + 255) / 256), block(256);
  fill<T, 4><<<grid, block, 0, stream>>>(a, T(1), n);
  copy<<<grid, block, 0, stream>>>(static_cast<const T*>(a), b, n);
  copy<T><<<dim3(1), dim3(32)>>>(a, b, 32);
}

template void fill_and_copy<float>(float*, float*, int, cudaStream_t);
template void fill_and_copy<double>(double*, double*, int, cudaStream_t);
