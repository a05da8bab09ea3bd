// Preprocessor names that CUDA defines.
#include <hip/hip_runtime.h>

#if defined(__HIPCC__) && CUDART_VERSION >= 11000
#define HAS_NEW_API 1
#endif

#ifdef __HIP_DEVICE_COMPILE__
__device__ int arch() { return __HIP_DEVICE_COMPILE__; }
#endif

#ifndef __HIPCC_RTC__
int version() { return CUDART_VERSION; }
#endif

float inf() { return HIPRT_INF_F; }
