// Kernel-side code: built-ins, shared memory, atomics, warp intrinsics, math.
#include <hip/hip_runtime.h>
#define FULL_MASK 0xffffffffu

__device__ float warp_sum(float v) {
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down(v, offset);
  return v;
}

__global__ void reduce(const float* __restrict__ in, float* out, int n) {
  __shared__ float partial[32];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float v = i < n ? __ldg(&in[i]) : 0.0f;
  v = warp_sum(v);
  if (threadIdx.x % warpSize == 0) partial[threadIdx.x / warpSize] = v;
  __syncthreads();
  if (threadIdx.x == 0) {
    float s = 0;
    for (int w = 0; w < blockDim.x / warpSize; ++w) s += partial[w];
    atomicAdd(out, __expf(s) + rsqrtf(s) + __fdividef(s, 2.0f));
  }
  unsigned ballot = __ballot(v > 0);
  if (__any(ballot == 0)) __threadfence();
}
