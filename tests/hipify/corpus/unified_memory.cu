// Managed memory with prefetch and advice, as in the unified-memory samples.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void saxpy(int n, float a, const float* x, float* y) {
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        y[i] = a * x[i] + y[i];
}

int main() {
    const int n = 1 << 24;
    float *x, *y;
    cudaMallocManaged(&x, n * sizeof(float));
    cudaMallocManaged(&y, n * sizeof(float), cudaMemAttachGlobal);
    for (int i = 0; i < n; ++i) { x[i] = 1.0f; y[i] = 2.0f; }

    int device = -1;
    cudaGetDevice(&device);
    int concurrent = 0;
    cudaDeviceGetAttribute(&concurrent, cudaDevAttrConcurrentManagedAccess, device);
    int smCount = 0;
    cudaDeviceGetAttribute(&smCount, cudaDevAttrMultiProcessorCount, device);

    cudaStream_t stream;
    cudaStreamCreate(&stream);
    cudaStreamAttachMemAsync(stream, y, 0, cudaMemAttachSingle);
    if (concurrent) {
#if CUDART_VERSION >= 13000
        cudaMemLocation loc = {};
        loc.type = cudaMemLocationTypeDevice;
        loc.id = device;
        cudaMemAdvise(x, n * sizeof(float), cudaMemAdviseSetReadMostly, loc);
        cudaMemPrefetchAsync(x, n * sizeof(float), loc, 0, stream);
        cudaMemPrefetchAsync(y, n * sizeof(float), loc, 0, stream);
#else
        cudaMemAdvise(x, n * sizeof(float), cudaMemAdviseSetReadMostly, device);
        cudaMemPrefetchAsync(x, n * sizeof(float), device, stream);
        cudaMemPrefetchAsync(y, n * sizeof(float), device, stream);
        cudaMemPrefetchAsync(y, n * sizeof(float), cudaCpuDeviceId, stream);
#endif
    }
    saxpy<<<32 * smCount, 256, 0, stream>>>(n, 2.0f, x, y);
    cudaStreamSynchronize(stream);
    printf("y[0] = %f\n", y[0]);
    cudaStreamDestroy(stream);
    cudaFree(x);
    cudaFree(y);
    return 0;
}
