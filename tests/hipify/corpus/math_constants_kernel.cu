// Kernels that use CUDA's math constants and fast-math intrinsics.
#include <cstdio>
#include <math_constants.h>
#include <cuda_runtime.h>

__global__ void gaussian(float* out, int n, float sigma) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float x = (i - n / 2) / sigma;
    float norm = rsqrtf(2.0f * CUDART_PI_F) / sigma;
    out[i] = norm * __expf(-0.5f * x * x);
}

__global__ void phases(float2* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float s, c;
    __sincosf(2.0f * CUDART_PI_F * i / n, &s, &c);
    out[i] = make_float2(c, s);
    if (isinf(out[i].x)) out[i].x = CUDART_INF_F;
    if (isnan(out[i].y)) out[i].y = CUDART_NAN_F;
}

__global__ void logistic(double* x, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] = 1.0 / (1.0 + exp(-x[i])) * CUDART_PI / CUDART_PI;
}

int main() {
    float* g;
    cudaMalloc(&g, 1024 * sizeof(float));
    gaussian<<<4, 256>>>(g, 1024, 10.0f);
    cudaDeviceSynchronize();
    cudaFree(g);
    return 0;
}
