// Error-check helpers in the style of a samples "helper" header: they test the CUDA
// runtime's include guards, which nvcc defines before the first line of every .cu file.
#pragma once
#include <stdio.h>
#include <stdlib.h>

#ifdef HIP_INCLUDE_HIP_DRIVER_TYPES_H
inline void reportFailure(hipError_t status, const char* what, const char* file, int line) {
    if (status != hipSuccess) {
        fprintf(stderr, "%s:%d: %s failed: %s (%s)\n", file, line, what, hipGetErrorName(status),
                hipGetErrorString(status));
        exit(EXIT_FAILURE);
    }
}
#define CHECK_RT(call) reportFailure((call), #call, __FILE__, __LINE__)
#endif

#ifdef HIP_INCLUDE_HIP_HIP_RUNTIME_H
inline int pickDevice() {
    int count = 0;
    CHECK_RT(hipGetDeviceCount(&count));
    int best = 0, bestSms = -1;
    for (int d = 0; d < count; ++d) {
        int sms = 0;
        CHECK_RT(hipDeviceGetAttribute(&sms, hipDeviceAttributeMultiprocessorCount, d));
        if (sms > bestSms) { bestSms = sms; best = d; }
    }
    CHECK_RT(hipSetDevice(best));
    return best;
}
#endif
