// Driver API host code: error names and strings through the status-returning calls, an
// event created with flags, managed memory, and a function-pointer type with CUDAAPI.
#include <cstdio>
#include <cstdlib>
#include <cuda.h>
#include <builtin_types.h>

#define DRV_CHECK(call)                                                              \
    do {                                                                             \
        CUresult status_ = (call);                                                   \
        if (status_ != CUDA_SUCCESS) {                                               \
            const char* name_ = nullptr;                                             \
            const char* text_ = nullptr;                                             \
            cuGetErrorName(status_, &name_);                                         \
            cuGetErrorString(status_, &text_);                                       \
            fprintf(stderr, "%s: %s (%s)\n", #call, text_ ? text_ : "?", name_ ? name_ : "?"); \
            exit(EXIT_FAILURE);                                                      \
        }                                                                            \
    } while (0)

typedef CUresult (CUDAAPI *DeviceCountFn)(int*);

static const char* describe(CUresult status) {
    const char* text = nullptr;
    if (cuGetErrorString(status, &text) != CUDA_SUCCESS) return "unknown error";
    return text;
}

int main() {
    DRV_CHECK(cuInit(0));
    DeviceCountFn countDevices = cuDeviceGetCount;
    int count = 0;
    DRV_CHECK(countDevices(&count));
    CUdevice dev;
    DRV_CHECK(cuDeviceGet(&dev, 0));
    CUcontext ctx;
    DRV_CHECK(cuDevicePrimaryCtxRetain(&ctx, dev));
    DRV_CHECK(cuCtxSetCurrent(ctx));

    CUdeviceptr managed;
    DRV_CHECK(cuMemAllocManaged(&managed, 1 << 20, CU_MEM_ATTACH_GLOBAL));
    CUstream stream;
    DRV_CHECK(cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING));
    CUevent start, stop;
    DRV_CHECK(cuEventCreate(&start, CU_EVENT_DEFAULT));
    DRV_CHECK(cuEventCreate(&stop, CU_EVENT_BLOCKING_SYNC));
    DRV_CHECK(cuEventRecord(start, stream));
    DRV_CHECK(cuMemsetD8Async(managed, 0, 1 << 20, stream));
    DRV_CHECK(cuEventRecord(stop, stream));
    DRV_CHECK(cuEventSynchronize(stop));
    float ms = 0.0f;
    DRV_CHECK(cuEventElapsedTime(&ms, start, stop));
    printf("memset took %.3f ms on %d device(s); last status: %s\n", ms, count, describe(CUDA_SUCCESS));

    float4 corner = make_float4(0.f, 0.f, 1.f, 1.f);
    printf("corner %.1f %.1f\n", corner.z, corner.w);
    DRV_CHECK(cuEventDestroy(start));
    DRV_CHECK(cuEventDestroy(stop));
    DRV_CHECK(cuStreamDestroy(stream));
    DRV_CHECK(cuMemFree(managed));
    DRV_CHECK(cuDevicePrimaryCtxRelease(dev));
    return 0;
}
