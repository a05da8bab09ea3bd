// Compile a kernel at run time with NVRTC and print the log on failure.
#include <cstdio>
#include <string>
#include <vector>
#include <hip/hiprtc.h>
#include <hip/hip_runtime.h>

#define NVRTC_SAFE_CALL(x) do { hiprtcResult result = (x); if (result != HIPRTC_SUCCESS) { \
    fprintf(stderr, "error: %s failed with %s\n", #x, hiprtcGetErrorString(result)); return 1; } } while (0)

static const char* kSource = R"(
extern "C" __global__ void scale(float* x, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] *= 2.0f;
})";

int main() {
    hiprtcProgram prog;
    NVRTC_SAFE_CALL(hiprtcCreateProgram(&prog, kSource, "scale.cu", 0, nullptr, nullptr));
    NVRTC_SAFE_CALL(hiprtcAddNameExpression(prog, "scale"));
    const char* opts[] = {"--std=c++17"};
    hiprtcResult compiled = hiprtcCompileProgram(prog, 1, opts);
    size_t logSize = 0;
    NVRTC_SAFE_CALL(hiprtcGetProgramLogSize(prog, &logSize));
    if (logSize > 1) {
        std::string log(logSize, '\0');
        NVRTC_SAFE_CALL(hiprtcGetProgramLog(prog, &log[0]));
        fprintf(stderr, "%s\n", log.c_str());
    }
    if (compiled != HIPRTC_SUCCESS) return 1;
    const char* lowered = nullptr;
    NVRTC_SAFE_CALL(hiprtcGetLoweredName(prog, "scale", &lowered));
    size_t ptxSize = 0;
    NVRTC_SAFE_CALL(hiprtcGetCodeSize(prog, &ptxSize));
    std::vector<char> ptx(ptxSize);
    NVRTC_SAFE_CALL(hiprtcGetCode(prog, ptx.data()));
    int major = 0, minor = 0;
    hiprtcVersion(&major, &minor);
    NVRTC_SAFE_CALL(hiprtcDestroyProgram(&prog));

    hipInit(0);
    hipDevice_t dev;
    hipDeviceGet(&dev, 0);
    hipCtx_t ctx;
    hipDevicePrimaryCtxRetain(&ctx, dev);
    hipCtxSetCurrent(ctx);
    hipModule_t mod;
    hipFunction_t fn;
    hipModuleLoadDataEx(&mod, ptx.data(), 0, nullptr, nullptr);
    hipModuleGetFunction(&fn, mod, lowered);
    hipModuleUnload(mod);
    hipDevicePrimaryCtxRelease(dev);
    printf("NVRTC %d.%d, %zu bytes of PTX\n", major, minor, ptxSize);
    return 0;
}
