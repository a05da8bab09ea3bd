// bfloat16 storage with float accumulation.
#include <cstdio>
#include <cuda_bf16.h>
#include <cuda_runtime.h>

__global__ void toBf16(const float* in, __nv_bfloat16* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = __float2bfloat16(in[i]);
}

__global__ void sumBf16(const __nv_bfloat16* in, float* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) atomicAdd(out, __bfloat162float(in[i]));
}

int main() {
    const int n = 4096;
    float *f, *sum;
    __nv_bfloat16* b;
    cudaMalloc(&f, n * sizeof(float));
    cudaMalloc(&sum, sizeof(float));
    cudaMalloc(&b, n * sizeof(__nv_bfloat16));
    toBf16<<<n / 256, 256>>>(f, b, n);
    sumBf16<<<n / 256, 256>>>(b, sum, n);
    cudaDeviceSynchronize();
    cudaFree(f); cudaFree(sum); cudaFree(b);
    return 0;
}
