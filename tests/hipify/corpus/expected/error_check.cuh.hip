// Error-checking helpers shared by several translation units.
#ifndef CORPUS_ERROR_CHECK_CUH
#define CORPUS_ERROR_CHECK_CUH

#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

inline void checkCudaError(hipError_t result, const char* what, const char* file, int line) {
    if (result != hipSuccess) {
        fprintf(stderr, "%s:%d: %s returned %s (%d): %s\n", file, line, what, hipGetErrorName(result),
                static_cast<int>(result), hipGetErrorString(result));
        hipDeviceReset();
        exit(EXIT_FAILURE);
    }
}

#define checkCudaErrors(val) checkCudaError((val), #val, __FILE__, __LINE__)
#define getLastCudaError(msg) checkCudaError(hipGetLastError(), (msg), __FILE__, __LINE__)

inline int gpuDeviceInit(int dev) {
    int count = 0;
    checkCudaErrors(hipGetDeviceCount(&count));
    if (dev >= count) return -1;
    checkCudaErrors(hipSetDevice(dev));
    return dev;
}

#endif  // CORPUS_ERROR_CHECK_CUH
