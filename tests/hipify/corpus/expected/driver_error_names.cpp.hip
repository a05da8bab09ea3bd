// Driver API host code: error names and strings through the status-returning calls, an
// event created with flags, managed memory, and a function-pointer type with CUDAAPI.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define DRV_CHECK(call)                                                              \
    do {                                                                             \
        hipError_t status_ = (call);                                                   \
        if (status_ != hipSuccess) {                                               \
            const char* name_ = nullptr;                                             \
            const char* text_ = nullptr;                                             \
            (*(&name_) = hipGetErrorName(status_), hipSuccess);                                         \
            (*(&text_) = hipGetErrorString(status_), hipSuccess);                                       \
            fprintf(stderr, "%s: %s (%s)\n", #call, text_ ? text_ : "?", name_ ? name_ : "?"); \
            exit(EXIT_FAILURE);                                                      \
        }                                                                            \
    } while (0)

typedef hipError_t (*DeviceCountFn)(int*);

static const char* describe(hipError_t status) {
    const char* text = nullptr;
    if ((*(&text) = hipGetErrorString(status), hipSuccess) != hipSuccess) return "unknown error";
    return text;
}

int main() {
    DRV_CHECK(hipInit(0));
    DeviceCountFn countDevices = hipGetDeviceCount;
    int count = 0;
    DRV_CHECK(countDevices(&count));
    hipDevice_t dev;
    DRV_CHECK(hipDeviceGet(&dev, 0));
    hipCtx_t ctx;
    DRV_CHECK(hipDevicePrimaryCtxRetain(&ctx, dev));
    DRV_CHECK(hipCtxSetCurrent(ctx));

    hipDeviceptr_t managed;
    DRV_CHECK(hipMallocManaged(&managed, 1 << 20, hipMemAttachGlobal));
    hipStream_t stream;
    DRV_CHECK(hipStreamCreateWithFlags(&stream, hipStreamNonBlocking));
    hipEvent_t start, stop;
    DRV_CHECK(hipEventCreateWithFlags(&start, hipEventDefault));
    DRV_CHECK(hipEventCreateWithFlags(&stop, hipEventBlockingSync));
    DRV_CHECK(hipEventRecord(start, stream));
    DRV_CHECK(hipMemsetD8Async(managed, 0, 1 << 20, stream));
    DRV_CHECK(hipEventRecord(stop, stream));
    DRV_CHECK(hipEventSynchronize(stop));
    float ms = 0.0f;
    DRV_CHECK(hipEventElapsedTime(&ms, start, stop));
    printf("memset took %.3f ms on %d device(s); last status: %s\n", ms, count, describe(hipSuccess));

    float4 corner = make_float4(0.f, 0.f, 1.f, 1.f);
    printf("corner %.1f %.1f\n", corner.z, corner.w);
    DRV_CHECK(hipEventDestroy(start));
    DRV_CHECK(hipEventDestroy(stop));
    DRV_CHECK(hipStreamDestroy(stream));
    DRV_CHECK(hipFree(managed));
    DRV_CHECK(hipDevicePrimaryCtxRelease(dev));
    return 0;
}
