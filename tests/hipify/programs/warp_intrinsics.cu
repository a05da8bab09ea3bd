// Warp intrinsics: shuffle reductions and ballots.
#include <cuda_runtime.h>

constexpr unsigned kFullMask = 0xffffffffu;

__device__ float warp_sum(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v += __shfl_down_sync(kFullMask, v, offset);
  return v;
}

__device__ float warp_max_all(float v) {
  for (int mask = warpSize / 2; mask > 0; mask /= 2)
    v = fmaxf(v, __shfl_xor_sync(kFullMask, v, mask));
  return __shfl_sync(kFullMask, v, 0);
}

__global__ void reduce(const float* in, float* sums, float* maxes, unsigned long long* votes, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float v = i < n ? in[i] : 0.0f;
  float s = warp_sum(v);
  float m = warp_max_all(v);
  float prev = __shfl_up_sync(kFullMask, v, 1);
  auto positive = __ballot_sync(kFullMask, v > 0.0f);
  bool any = __any_sync(kFullMask, v < 0.0f);
  bool all = __all_sync(kFullMask, v >= prev);
  if ((threadIdx.x % warpSize) == 0) {
    int w = i / warpSize;
    sums[w] = s;
    maxes[w] = m;
    votes[w] = static_cast<unsigned long long>(positive) + (any ? 1ull : 0ull) + (all ? 2ull : 0ull);
  }
}
