// Half-precision AXPY and dot product with packed __half2 arithmetic.
#include <cstdio>
#include <hip/hip_fp16.h>
#include <hip/hip_runtime.h>

__global__ void haxpy(int n2, __half2 a, const __half2* x, __half2* y) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n2) y[i] = __hfma2(a, x[i], y[i]);
}

__global__ void hdot(int n2, const __half2* x, const __half2* y, float* out) {
    __shared__ float partial[256];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float acc = 0.0f;
    if (i < n2) {
        __half2 p = __hmul2(x[i], y[i]);
        float2 f = __half22float2(p);
        acc = f.x + f.y;
        acc += __low2float(p) - __high2float(p) + __high2float(p) - __low2float(p);
    }
    partial[threadIdx.x] = acc;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) partial[threadIdx.x] += partial[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x == 0) atomicAdd(out, partial[0]);
}

__global__ void convert(const float* in, __half* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        __half h = __float2half(in[i]);
        h = __hadd(h, __float2half_rn(0.5f));
        if (__hlt(h, __float2half(0.0f))) h = __hneg(h);
        out[i] = __hmul(h, __int2half_rn(2));
    }
}

__global__ void pack(const float* lo, const float* hi, __half2* out, int n2) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n2) out[i] = __floats2half2_rn(lo[i], hi[i]) + __float2half2_rn(1.0f);
}

int main() {
    const int n2 = 1 << 18;
    __half2 *x, *y;
    float* out;
    hipMalloc(&x, n2 * sizeof(__half2));
    hipMalloc(&y, n2 * sizeof(__half2));
    hipMalloc(&out, sizeof(float));
    haxpy<<<n2 / 256, 256>>>(n2, __float2half2_rn(2.0f), x, y);
    hdot<<<n2 / 256, 256>>>(n2, x, y, out);
    hipDeviceSynchronize();
    hipFree(x); hipFree(y); hipFree(out);
    return 0;
}
