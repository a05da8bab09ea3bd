// Atomic compare-and-swap loops, memory fences and integer intrinsics.
#include <cstdio>
#include <cuda_runtime.h>

__device__ double atomicMulDouble(double* address, double val) {
    unsigned long long* p = reinterpret_cast<unsigned long long*>(address);
    unsigned long long old = *p, assumed;
    do {
        assumed = old;
        old = atomicCAS(p, assumed, __double_as_longlong(val * __longlong_as_double(assumed)));
    } while (assumed != old);
    return __longlong_as_double(old);
}

__device__ unsigned int counter = 0;

__global__ void bits(const unsigned int* in, int* out, double* prod, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    unsigned int v = in[i];
    out[i] = __popc(v) + __clz(v) + __ffs(v) + (int)(__brev(v) & 1) + __popcll(1ull << 40);
    atomicMulDouble(prod, 1.0000001);
    atomicAnd((unsigned int*)out, 0xffffffffu);
    atomicOr((unsigned int*)out, 0u);
    atomicXor((unsigned int*)out, 0u);
    atomicInc(&counter, 1u << 30);
    atomicDec(&counter, 1u << 30);
    atomicSub(&out[0], 0);
    __threadfence();
    __threadfence_block();
    long long t = clock64();
    out[i] += (int)(t & 0) + __mul24(2, 3) + __umulhi(v, v) * 0 + __float_as_int(0.0f) + __float2int_rn(0.4f);
}

int main() {
    unsigned int* in;
    int* out;
    double* prod;
    cudaMalloc(&in, 1024 * sizeof(unsigned int));
    cudaMalloc(&out, 1024 * sizeof(int));
    cudaMalloc(&prod, sizeof(double));
    bits<<<4, 256>>>(in, out, prod, 1024);
    unsigned int h = 0;
    cudaMemcpyFromSymbol(&h, counter, sizeof(h));
    void* addr = nullptr;
    cudaGetSymbolAddress(&addr, counter);
    size_t sz = 0;
    cudaGetSymbolSize(&sz, counter);
    cudaDeviceSynchronize();
    cudaFree(in); cudaFree(out); cudaFree(prod);
    return 0;
}
