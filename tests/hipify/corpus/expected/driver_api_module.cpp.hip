// Driver API: load a module image, look up a kernel, launch it with cuLaunchKernel.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define CU_CHECK(call) do { hipError_t r = (call); if (r != hipSuccess) { const char* msg = nullptr; \
    (*(&msg) = hipGetErrorString(r), hipSuccess); fprintf(stderr, "%s failed: %s\n", #call, msg ? msg : "?"); exit(1); } } while (0)

int run(const void* image) {
    CU_CHECK(hipInit(0));
    int count = 0;
    CU_CHECK(hipGetDeviceCount(&count));
    hipDevice_t dev;
    CU_CHECK(hipDeviceGet(&dev, 0));
    char name[128];
    CU_CHECK(hipDeviceGetName(name, sizeof(name), dev));
    int major = 0, minor = 0;
    CU_CHECK(hipDeviceGetAttribute(&major, hipDeviceAttributeComputeCapabilityMajor, dev));
    CU_CHECK(hipDeviceGetAttribute(&minor, hipDeviceAttributeComputeCapabilityMinor, dev));
    size_t total = 0;
    CU_CHECK(hipDeviceTotalMem(&total, dev));
    printf("%s sm_%d%d, %zu MB\n", name, major, minor, total >> 20);

    hipCtx_t ctx;
    CU_CHECK(hipDevicePrimaryCtxRetain(&ctx, dev));
    CU_CHECK(hipCtxSetCurrent(ctx));
    hipModule_t module;
    CU_CHECK(hipModuleLoadData(&module, image));
    hipFunction_t fn;
    CU_CHECK(hipModuleGetFunction(&fn, module, "scale"));

    const int n = 1024;
    hipDeviceptr_t d;
    CU_CHECK(hipMalloc(&d, n * sizeof(float)));
    float host[n];
    for (int i = 0; i < n; ++i) host[i] = float(i);
    CU_CHECK(hipMemcpyHtoD(d, host, sizeof(host)));
    hipStream_t stream;
    CU_CHECK(hipStreamCreateWithFlags(&stream, hipStreamNonBlocking));
    int count_arg = n;
    void* args[] = {&d, &count_arg};
    CU_CHECK(hipModuleLaunchKernel(fn, n / 256, 1, 1, 256, 1, 1, 0, stream, args, nullptr));
    CU_CHECK(hipStreamSynchronize(stream));
    CU_CHECK(hipMemcpyDtoH(host, d, sizeof(host)));
    hipEvent_t ev;
    CU_CHECK(hipEventCreateWithFlags(&ev, hipEventDefault));
    CU_CHECK(hipEventRecord(ev, stream));
    CU_CHECK(hipEventSynchronize(ev));
    CU_CHECK(hipEventDestroy(ev));
    CU_CHECK(hipStreamDestroy(stream));
    CU_CHECK(hipFree(d));
    CU_CHECK(hipModuleUnload(module));
    CU_CHECK(hipDevicePrimaryCtxRelease(dev));
    return 0;
}
