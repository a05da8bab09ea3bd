// Timing with events on the legacy default stream, async memsets, and stream-ordered allocation.
#include <cstdint>
#include <cstdio>
#include <cuda_runtime.h>

__global__ void incr(int* x, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i]++;
}

int main() {
    const int n = 1 << 22;
    cudaStream_t s;
    cudaStreamCreate(&s);
    int* a = nullptr;
    cudaMallocAsync((void**)&a, n * sizeof(int), s);
    cudaMemsetAsync(a, 0, n * sizeof(int), s);
    cudaEvent_t t0, t1;
    cudaEventCreateWithFlags(&t0, cudaEventBlockingSync);
    cudaEventCreate(&t1);
    cudaEventRecord(t0, s);
    incr<<<(n + 511) / 512, 512, 0, s>>>(a, n);
    cudaEventRecord(t1, s);
    if (cudaEventQuery(t1) == cudaErrorNotReady) cudaEventSynchronize(t1);
    float ms = 0;
    cudaEventElapsedTime(&ms, t0, t1);
    cudaFreeAsync(a, s);
    cudaMemPool_t pool;
    cudaDeviceGetDefaultMemPool(&pool, 0);
    uint64_t threshold = UINT64_MAX;
    cudaMemPoolSetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &threshold);
    cudaStreamSynchronize(s);
    cudaEventDestroy(t0);
    cudaEventDestroy(t1);
    cudaStreamDestroy(s);
    printf("%.3f ms\n", ms);
    cudaError_t last = cudaGetLastError();
    return last == cudaSuccess ? 0 : 1;
}
