// Half and bfloat16 types and conversions.
#include <cuda_fp16.h>
#include <cuda_bf16.h>

__global__ void convert(const float* in, __half* h, __nv_bfloat16* b, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  __half x = __float2half(in[i]);
  h[i] = __hadd(x, __float2half(1.0f));
  b[i] = __float2bfloat16(in[i]);
  float back = __bfloat162float(b[i]) + __half2float(h[i]);
  (void)back;
}
