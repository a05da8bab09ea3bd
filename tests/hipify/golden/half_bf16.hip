// Half and bfloat16 types and conversions.
#include <hip/hip_runtime.h>
#include <hip/hip_fp16.h>
#include <hip/hip_bfloat16.h>

__global__ void convert(const float* in, __half* h, hip_bfloat16* b, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  __half x = __float2half(in[i]);
  h[i] = __hadd(x, __float2half(1.0f));
  b[i] = __float2bfloat16(in[i]);
  float back = __bfloat162float(b[i]) + __half2float(h[i]);
  (void)back;
}
