// Driver API: load a module image, look up a kernel, launch it with cuLaunchKernel.
#include <cstdio>
#include <cstdlib>
#include <cuda.h>

#define CU_CHECK(call) do { CUresult r = (call); if (r != CUDA_SUCCESS) { const char* msg = nullptr; \
    cuGetErrorString(r, &msg); fprintf(stderr, "%s failed: %s\n", #call, msg ? msg : "?"); exit(1); } } while (0)

int run(const void* image) {
    CU_CHECK(cuInit(0));
    int count = 0;
    CU_CHECK(cuDeviceGetCount(&count));
    CUdevice dev;
    CU_CHECK(cuDeviceGet(&dev, 0));
    char name[128];
    CU_CHECK(cuDeviceGetName(name, sizeof(name), dev));
    int major = 0, minor = 0;
    CU_CHECK(cuDeviceGetAttribute(&major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev));
    CU_CHECK(cuDeviceGetAttribute(&minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev));
    size_t total = 0;
    CU_CHECK(cuDeviceTotalMem(&total, dev));
    printf("%s sm_%d%d, %zu MB\n", name, major, minor, total >> 20);

    CUcontext ctx;
    CU_CHECK(cuDevicePrimaryCtxRetain(&ctx, dev));
    CU_CHECK(cuCtxSetCurrent(ctx));
    CUmodule module;
    CU_CHECK(cuModuleLoadData(&module, image));
    CUfunction fn;
    CU_CHECK(cuModuleGetFunction(&fn, module, "scale"));

    const int n = 1024;
    CUdeviceptr d;
    CU_CHECK(cuMemAlloc(&d, n * sizeof(float)));
    float host[n];
    for (int i = 0; i < n; ++i) host[i] = float(i);
    CU_CHECK(cuMemcpyHtoD(d, host, sizeof(host)));
    CUstream stream;
    CU_CHECK(cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING));
    int count_arg = n;
    void* args[] = {&d, &count_arg};
    CU_CHECK(cuLaunchKernel(fn, n / 256, 1, 1, 256, 1, 1, 0, stream, args, nullptr));
    CU_CHECK(cuStreamSynchronize(stream));
    CU_CHECK(cuMemcpyDtoH(host, d, sizeof(host)));
    CUevent ev;
    CU_CHECK(cuEventCreate(&ev, CU_EVENT_DEFAULT));
    CU_CHECK(cuEventRecord(ev, stream));
    CU_CHECK(cuEventSynchronize(ev));
    CU_CHECK(cuEventDestroy(ev));
    CU_CHECK(cuStreamDestroy(stream));
    CU_CHECK(cuMemFree(d));
    CU_CHECK(cuModuleUnload(module));
    CU_CHECK(cuDevicePrimaryCtxRelease(dev));
    return 0;
}
