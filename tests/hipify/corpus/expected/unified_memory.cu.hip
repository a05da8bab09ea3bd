// Managed memory with prefetch and advice, as in the unified-memory samples.
#include <cstdio>
#include <hip/hip_runtime.h>

__global__ void saxpy(int n, float a, const float* x, float* y) {
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        y[i] = a * x[i] + y[i];
}

int main() {
    const int n = 1 << 24;
    float *x, *y;
    hipMallocManaged(&x, n * sizeof(float));
    hipMallocManaged(&y, n * sizeof(float), hipMemAttachGlobal);
    for (int i = 0; i < n; ++i) { x[i] = 1.0f; y[i] = 2.0f; }

    int device = -1;
    hipGetDevice(&device);
    int concurrent = 0;
    hipDeviceGetAttribute(&concurrent, hipDeviceAttributeConcurrentManagedAccess, device);
    int smCount = 0;
    hipDeviceGetAttribute(&smCount, hipDeviceAttributeMultiprocessorCount, device);

    hipStream_t stream;
    hipStreamCreate(&stream);
    hipStreamAttachMemAsync(stream, y, 0, hipMemAttachSingle);
    if (concurrent) {
#if CUDART_VERSION >= 13000
        hipMemLocation loc = {};
        loc.type = hipMemLocationTypeDevice;
        loc.id = device;
        hipMemAdvise(x, n * sizeof(float), hipMemAdviseSetReadMostly, loc);
        hipMemPrefetchAsync(x, n * sizeof(float), loc, 0, stream);
        hipMemPrefetchAsync(y, n * sizeof(float), loc, 0, stream);
#else
        hipMemAdvise(x, n * sizeof(float), hipMemAdviseSetReadMostly, device);
        hipMemPrefetchAsync(x, n * sizeof(float), device, stream);
        hipMemPrefetchAsync(y, n * sizeof(float), device, stream);
        hipMemPrefetchAsync(y, n * sizeof(float), hipCpuDeviceId, stream);
#endif
    }
    saxpy<<<32 * smCount, 256, 0, stream>>>(n, 2.0f, x, y);
    hipStreamSynchronize(stream);
    printf("y[0] = %f\n", y[0]);
    hipStreamDestroy(stream);
    hipFree(x);
    hipFree(y);
    return 0;
}
