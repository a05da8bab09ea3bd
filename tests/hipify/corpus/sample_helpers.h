// Error-check helpers in the style of a samples "helper" header: they test the CUDA
// runtime's include guards, which nvcc defines before the first line of every .cu file.
#pragma once
#include <stdio.h>
#include <stdlib.h>

#ifdef __DRIVER_TYPES_H__
inline void reportFailure(cudaError_t status, const char* what, const char* file, int line) {
    if (status != cudaSuccess) {
        fprintf(stderr, "%s:%d: %s failed: %s (%s)\n", file, line, what, cudaGetErrorName(status),
                cudaGetErrorString(status));
        exit(EXIT_FAILURE);
    }
}
#define CHECK_RT(call) reportFailure((call), #call, __FILE__, __LINE__)
#endif

#ifdef __CUDA_RUNTIME_H__
inline int pickDevice() {
    int count = 0;
    CHECK_RT(cudaGetDeviceCount(&count));
    int best = 0, bestSms = -1;
    for (int d = 0; d < count; ++d) {
        int sms = 0;
        CHECK_RT(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, d));
        if (sms > bestSms) { bestSms = sms; best = d; }
    }
    CHECK_RT(cudaSetDevice(best));
    return best;
}
#endif
