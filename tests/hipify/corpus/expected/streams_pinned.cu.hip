// Overlap copies and compute: pinned host memory, non-blocking streams, events between streams.
#include <cstdio>
#include <hip/hip_runtime.h>

#define checkCuda(expr) do { hipError_t r = (expr); if (r != hipSuccess) { \
    fprintf(stderr, "%s failed: %s\n", #expr, hipGetErrorString(r)); return -1; } } while (0)

__global__ void scale(float* x, float s, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] *= s;
}

int main() {
    const int nStreams = 4, chunk = 1 << 20, n = nStreams * chunk;
    float *h, *h2, *d;
    checkCuda(hipHostAlloc((void**)&h, n * sizeof(float), hipHostMallocDefault));
    checkCuda(hipHostMalloc((void**)&h2, n * sizeof(float)));
    checkCuda(hipMalloc(&d, n * sizeof(float)));

    hipStream_t streams[nStreams];
    hipEvent_t done[nStreams];
    for (int i = 0; i < nStreams; ++i) {
        checkCuda(hipStreamCreateWithFlags(&streams[i], hipStreamNonBlocking));
        checkCuda(hipEventCreateWithFlags(&done[i], hipEventDisableTiming));
    }
    int leastPriority, greatestPriority;
    checkCuda(hipDeviceGetStreamPriorityRange(&leastPriority, &greatestPriority));
    hipStream_t urgent;
    checkCuda(hipStreamCreateWithPriority(&urgent, hipStreamNonBlocking, greatestPriority));

    for (int i = 0; i < nStreams; ++i) {
        int off = i * chunk;
        hipMemcpyAsync(d + off, h + off, chunk * sizeof(float), hipMemcpyHostToDevice, streams[i]);
        scale<<<chunk / 256, 256, 0, streams[i]>>>(d + off, 2.0f, chunk);
        hipMemcpyAsync(h + off, d + off, chunk * sizeof(float), hipMemcpyDeviceToHost, streams[i]);
        hipEventRecord(done[i], streams[i]);
        hipStreamWaitEvent(urgent, done[i], 0);
    }
    hipMemcpyAsync(h2, d, n * sizeof(float), hipMemcpyDefault, urgent);
    if (hipStreamQuery(urgent) == hipErrorNotReady) printf("still running\n");
    checkCuda(hipStreamSynchronize(urgent));

    unsigned int flags = 0;
    hipHostGetFlags(&flags, h);
    for (int i = 0; i < nStreams; ++i) {
        hipStreamDestroy(streams[i]);
        hipEventDestroy(done[i]);
    }
    hipStreamDestroy(urgent);
    hipHostFree(h);
    hipHostFree(h2);
    hipFree(d);
    return 0;
}
