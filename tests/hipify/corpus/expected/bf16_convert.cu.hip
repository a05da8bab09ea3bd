// bfloat16 storage with float accumulation.
#include <cstdio>
#include <hip/hip_bfloat16.h>
#include <hip/hip_runtime.h>

__global__ void toBf16(const float* in, hip_bfloat16* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = __float2bfloat16(in[i]);
}

__global__ void sumBf16(const hip_bfloat16* in, float* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) atomicAdd(out, __bfloat162float(in[i]));
}

int main() {
    const int n = 4096;
    float *f, *sum;
    hip_bfloat16* b;
    hipMalloc(&f, n * sizeof(float));
    hipMalloc(&sum, sizeof(float));
    hipMalloc(&b, n * sizeof(hip_bfloat16));
    toBf16<<<n / 256, 256>>>(f, b, n);
    sumBf16<<<n / 256, 256>>>(b, sum, n);
    hipDeviceSynchronize();
    hipFree(f); hipFree(sum); hipFree(b);
    return 0;
}
