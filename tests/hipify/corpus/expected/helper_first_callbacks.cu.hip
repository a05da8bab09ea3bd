// A samples-style program: its helper header comes before cuda_runtime.h, a stream callback
// carries CUDART_CB, kernel attributes are queried on template kernels, and the kernel
// prints its coordinates.
#include <hip/hip_runtime.h>
#include <stdio.h>
#include "sample_helpers.h"
#include <hip/hip_runtime.h>

template <typename T, int TILE>
__global__ void scaleTiles(T* data, T factor, int n) {
    extern __shared__ unsigned char smem[];
    T* tile = reinterpret_cast<T*>(smem);
    int i = blockIdx.x * TILE + threadIdx.x;
    if (i < n) tile[threadIdx.x] = data[i] * factor;
    __syncthreads();
    if (i < n) data[i] = tile[threadIdx.x];
    if (i == 0) printf("block %u of %u, thread %u (lane %u)\n", static_cast<unsigned int>(blockIdx.x), static_cast<unsigned int>(gridDim.x), static_cast<unsigned int>(threadIdx.x),
                       threadIdx.x % warpSize);
}

struct Progress { const char* stage; };

void stageDone(hipStream_t stream, hipError_t status, void* user) {
    Progress* p = static_cast<Progress*>(user);
    printf("%s finished: %s\n", p->stage, hipGetErrorString(status));
    (void)stream;
}

int main() {
    pickDevice();
    const int n = 1 << 16;
    float* d = nullptr;
    CHECK_RT(hipMalloc(&d, n * sizeof(float)));
    CHECK_RT(hipMemset(d, 0, n * sizeof(float)));

    hipFuncAttributes attr;
    CHECK_RT(hipFuncGetAttributes(&attr, reinterpret_cast<const void*>(scaleTiles<float, 256>)));
    printf("registers %d, max threads %d\n", attr.numRegs, attr.maxThreadsPerBlock);
    CHECK_RT(hipFuncSetAttribute(reinterpret_cast<const void*>(scaleTiles<float, 256>), hipFuncAttributeMaxDynamicSharedMemorySize,
                                  256 * sizeof(float)));
    CHECK_RT(hipFuncSetCacheConfig(reinterpret_cast<const void*>(scaleTiles<float, 256>), hipFuncCachePreferShared));

    hipStream_t stream;
    CHECK_RT(hipStreamCreateWithFlags(&stream, hipStreamNonBlocking));
    scaleTiles<float, 256><<<n / 256, 256, 256 * sizeof(float), stream>>>(d, 2.0f, n);
    CHECK_RT(hipGetLastError());
    Progress progress = {"scaleTiles"};
    CHECK_RT(hipStreamAddCallback(stream, stageDone, &progress, 0));
    CHECK_RT(hipStreamSynchronize(stream));

    void* args[] = {&d, &progress, (void*)&n};
    float factor = 0.5f;
    args[1] = &factor;
    CHECK_RT(hipLaunchKernel(reinterpret_cast<const void*>(scaleTiles<float, 256>), dim3(n / 256), dim3(256), args, 256 * sizeof(float), stream));
    CHECK_RT(hipStreamSynchronize(stream));
    CHECK_RT(hipStreamDestroy(stream));
    CHECK_RT(hipFree(d));
    return 0;
}
