// Static and dynamic shared memory: a block-wide sum.
#include <cuda_runtime.h>

constexpr int kBlock = 256;

__global__ void block_sum_static(const float* in, float* out, int n) {
  __shared__ float buf[kBlock];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  buf[threadIdx.x] = i < n ? in[i] : 0.0f;
  __syncthreads();
  for (int s = blockDim.x / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s) buf[threadIdx.x] += buf[threadIdx.x + s];
    __syncthreads();
  }
  if (threadIdx.x == 0) out[blockIdx.x] = buf[0];
}

__global__ void block_sum_dynamic(const float* in, float* out, int n) {
  extern __shared__ float dyn[];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  dyn[threadIdx.x] = i < n ? in[i] : 0.0f;
  __syncthreads();
  for (int s = blockDim.x / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s) dyn[threadIdx.x] += dyn[threadIdx.x + s];
    __syncthreads();
  }
  if (threadIdx.x == 0) out[blockIdx.x] = dyn[0];
}

void launch(const float* in, float* out, int n, cudaStream_t stream) {
  int blocks = (n + kBlock - 1) / kBlock;
  block_sum_static<<<blocks, kBlock, 0, stream>>>(in, out, n);
  block_sum_dynamic<<<blocks, kBlock, kBlock * sizeof(float), stream>>>(in, out, n);
}
