#pragma once
// Portability macros shared by host C++, CUDA and HIP translation units.
#if defined(__CUDACC__) || defined(__HIPCC__)
#define EMBER_HOST_DEVICE __host__ __device__
#define EMBER_DEVICE __device__
#else
#define EMBER_HOST_DEVICE
#define EMBER_DEVICE
#endif

#if defined(__GNUC__)
#define EMBER_ALWAYS_INLINE inline __attribute__((always_inline))
#define EMBER_RESTRICT __restrict__
#else
#define EMBER_ALWAYS_INLINE inline
#define EMBER_RESTRICT
#endif

#define EMBER_API __attribute__((visibility("default")))
