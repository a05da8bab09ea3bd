// Preprocessor names that CUDA defines.
#include <cuda_runtime.h>

#if defined(__CUDACC__) && CUDART_VERSION >= 11000
#define HAS_NEW_API 1
#endif

#ifdef __CUDA_ARCH__
__device__ int arch() { return __CUDA_ARCH__; }
#endif

#ifndef __CUDACC_RTC__
int version() { return CUDART_VERSION; }
#endif

float inf() { return CUDART_INF_F; }
