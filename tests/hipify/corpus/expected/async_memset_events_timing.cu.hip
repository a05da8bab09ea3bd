// Timing with events on the legacy default stream, async memsets, and stream-ordered allocation.
#include <cstdint>
#include <cstdio>
#include <hip/hip_runtime.h>

__global__ void incr(int* x, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i]++;
}

int main() {
    const int n = 1 << 22;
    hipStream_t s;
    hipStreamCreate(&s);
    int* a = nullptr;
    hipMallocAsync((void**)&a, n * sizeof(int), s);
    hipMemsetAsync(a, 0, n * sizeof(int), s);
    hipEvent_t t0, t1;
    hipEventCreateWithFlags(&t0, hipEventBlockingSync);
    hipEventCreate(&t1);
    hipEventRecord(t0, s);
    incr<<<(n + 511) / 512, 512, 0, s>>>(a, n);
    hipEventRecord(t1, s);
    if (hipEventQuery(t1) == hipErrorNotReady) hipEventSynchronize(t1);
    float ms = 0;
    hipEventElapsedTime(&ms, t0, t1);
    hipFreeAsync(a, s);
    hipMemPool_t pool;
    hipDeviceGetDefaultMemPool(&pool, 0);
    uint64_t threshold = UINT64_MAX;
    hipMemPoolSetAttribute(pool, hipMemPoolAttrReleaseThreshold, &threshold);
    hipStreamSynchronize(s);
    hipEventDestroy(t0);
    hipEventDestroy(t1);
    hipStreamDestroy(s);
    printf("%.3f ms\n", ms);
    hipError_t last = hipGetLastError();
    return last == hipSuccess ? 0 : 1;
}
