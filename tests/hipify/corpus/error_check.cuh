// Error-checking helpers shared by several translation units.
#ifndef CORPUS_ERROR_CHECK_CUH
#define CORPUS_ERROR_CHECK_CUH

#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

inline void checkCudaError(cudaError_t result, const char* what, const char* file, int line) {
    if (result != cudaSuccess) {
        fprintf(stderr, "%s:%d: %s returned %s (%d): %s\n", file, line, what, cudaGetErrorName(result),
                static_cast<int>(result), cudaGetErrorString(result));
        cudaDeviceReset();
        exit(EXIT_FAILURE);
    }
}

#define checkCudaErrors(val) checkCudaError((val), #val, __FILE__, __LINE__)
#define getLastCudaError(msg) checkCudaError(cudaGetLastError(), (msg), __FILE__, __LINE__)

inline int gpuDeviceInit(int dev) {
    int count = 0;
    checkCudaErrors(cudaGetDeviceCount(&count));
    if (dev >= count) return -1;
    checkCudaErrors(cudaSetDevice(dev));
    return dev;
}

#endif  // CORPUS_ERROR_CHECK_CUH
