// Compile a kernel at run time with NVRTC and print the log on failure.
#include <cstdio>
#include <string>
#include <vector>
#include <nvrtc.h>
#include <cuda.h>

#define NVRTC_SAFE_CALL(x) do { nvrtcResult result = (x); if (result != NVRTC_SUCCESS) { \
    fprintf(stderr, "error: %s failed with %s\n", #x, nvrtcGetErrorString(result)); return 1; } } while (0)

static const char* kSource = R"(
extern "C" __global__ void scale(float* x, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] *= 2.0f;
})";

int main() {
    nvrtcProgram prog;
    NVRTC_SAFE_CALL(nvrtcCreateProgram(&prog, kSource, "scale.cu", 0, nullptr, nullptr));
    NVRTC_SAFE_CALL(nvrtcAddNameExpression(prog, "scale"));
    const char* opts[] = {"--std=c++17"};
    nvrtcResult compiled = nvrtcCompileProgram(prog, 1, opts);
    size_t logSize = 0;
    NVRTC_SAFE_CALL(nvrtcGetProgramLogSize(prog, &logSize));
    if (logSize > 1) {
        std::string log(logSize, '\0');
        NVRTC_SAFE_CALL(nvrtcGetProgramLog(prog, &log[0]));
        fprintf(stderr, "%s\n", log.c_str());
    }
    if (compiled != NVRTC_SUCCESS) return 1;
    const char* lowered = nullptr;
    NVRTC_SAFE_CALL(nvrtcGetLoweredName(prog, "scale", &lowered));
    size_t ptxSize = 0;
    NVRTC_SAFE_CALL(nvrtcGetPTXSize(prog, &ptxSize));
    std::vector<char> ptx(ptxSize);
    NVRTC_SAFE_CALL(nvrtcGetPTX(prog, ptx.data()));
    int major = 0, minor = 0;
    nvrtcVersion(&major, &minor);
    NVRTC_SAFE_CALL(nvrtcDestroyProgram(&prog));

    cuInit(0);
    CUdevice dev;
    cuDeviceGet(&dev, 0);
    CUcontext ctx;
    cuDevicePrimaryCtxRetain(&ctx, dev);
    cuCtxSetCurrent(ctx);
    CUmodule mod;
    CUfunction fn;
    cuModuleLoadDataEx(&mod, ptx.data(), 0, nullptr, nullptr);
    cuModuleGetFunction(&fn, mod, lowered);
    cuModuleUnload(mod);
    cuDevicePrimaryCtxRelease(dev);
    printf("NVRTC %d.%d, %zu bytes of PTX\n", major, minor, ptxSize);
    return 0;
}
