// Overlap copies and compute: pinned host memory, non-blocking streams, events between streams.
#include <cstdio>
#include <cuda_runtime.h>

#define checkCuda(expr) do { cudaError_t r = (expr); if (r != cudaSuccess) { \
    fprintf(stderr, "%s failed: %s\n", #expr, cudaGetErrorString(r)); return -1; } } while (0)

__global__ void scale(float* x, float s, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] *= s;
}

int main() {
    const int nStreams = 4, chunk = 1 << 20, n = nStreams * chunk;
    float *h, *h2, *d;
    checkCuda(cudaHostAlloc((void**)&h, n * sizeof(float), cudaHostAllocDefault));
    checkCuda(cudaMallocHost((void**)&h2, n * sizeof(float)));
    checkCuda(cudaMalloc(&d, n * sizeof(float)));

    cudaStream_t streams[nStreams];
    cudaEvent_t done[nStreams];
    for (int i = 0; i < nStreams; ++i) {
        checkCuda(cudaStreamCreateWithFlags(&streams[i], cudaStreamNonBlocking));
        checkCuda(cudaEventCreateWithFlags(&done[i], cudaEventDisableTiming));
    }
    int leastPriority, greatestPriority;
    checkCuda(cudaDeviceGetStreamPriorityRange(&leastPriority, &greatestPriority));
    cudaStream_t urgent;
    checkCuda(cudaStreamCreateWithPriority(&urgent, cudaStreamNonBlocking, greatestPriority));

    for (int i = 0; i < nStreams; ++i) {
        int off = i * chunk;
        cudaMemcpyAsync(d + off, h + off, chunk * sizeof(float), cudaMemcpyHostToDevice, streams[i]);
        scale<<<chunk / 256, 256, 0, streams[i]>>>(d + off, 2.0f, chunk);
        cudaMemcpyAsync(h + off, d + off, chunk * sizeof(float), cudaMemcpyDeviceToHost, streams[i]);
        cudaEventRecord(done[i], streams[i]);
        cudaStreamWaitEvent(urgent, done[i], 0);
    }
    cudaMemcpyAsync(h2, d, n * sizeof(float), cudaMemcpyDefault, urgent);
    if (cudaStreamQuery(urgent) == cudaErrorNotReady) printf("still running\n");
    checkCuda(cudaStreamSynchronize(urgent));

    unsigned int flags = 0;
    cudaHostGetFlags(&flags, h);
    for (int i = 0; i < nStreams; ++i) {
        cudaStreamDestroy(streams[i]);
        cudaEventDestroy(done[i]);
    }
    cudaStreamDestroy(urgent);
    cudaFreeHost(h);
    cudaFreeHost(h2);
    cudaFree(d);
    return 0;
}
