// A samples-style program: its helper header comes before cuda_runtime.h, a stream callback
// carries CUDART_CB, kernel attributes are queried on template kernels, and the kernel
// prints its coordinates.
#include <stdio.h>
#include "sample_helpers.h"
#include <cuda_runtime.h>

template <typename T, int TILE>
__global__ void scaleTiles(T* data, T factor, int n) {
    extern __shared__ unsigned char smem[];
    T* tile = reinterpret_cast<T*>(smem);
    int i = blockIdx.x * TILE + threadIdx.x;
    if (i < n) tile[threadIdx.x] = data[i] * factor;
    __syncthreads();
    if (i < n) data[i] = tile[threadIdx.x];
    if (i == 0) printf("block %u of %u, thread %u (lane %u)\n", blockIdx.x, gridDim.x, threadIdx.x,
                       threadIdx.x % warpSize);
}

struct Progress { const char* stage; };

void CUDART_CB stageDone(cudaStream_t stream, cudaError_t status, void* user) {
    Progress* p = static_cast<Progress*>(user);
    printf("%s finished: %s\n", p->stage, cudaGetErrorString(status));
    (void)stream;
}

int main() {
    pickDevice();
    const int n = 1 << 16;
    float* d = nullptr;
    CHECK_RT(cudaMalloc(&d, n * sizeof(float)));
    CHECK_RT(cudaMemset(d, 0, n * sizeof(float)));

    cudaFuncAttributes attr;
    CHECK_RT(cudaFuncGetAttributes(&attr, scaleTiles<float, 256>));
    printf("registers %d, max threads %d\n", attr.numRegs, attr.maxThreadsPerBlock);
    CHECK_RT(cudaFuncSetAttribute(scaleTiles<float, 256>, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                  256 * sizeof(float)));
    CHECK_RT(cudaFuncSetCacheConfig(scaleTiles<float, 256>, cudaFuncCachePreferShared));

    cudaStream_t stream;
    CHECK_RT(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));
    scaleTiles<float, 256><<<n / 256, 256, 256 * sizeof(float), stream>>>(d, 2.0f, n);
    CHECK_RT(cudaGetLastError());
    Progress progress = {"scaleTiles"};
    CHECK_RT(cudaStreamAddCallback(stream, stageDone, &progress, 0));
    CHECK_RT(cudaStreamSynchronize(stream));

    void* args[] = {&d, &progress, (void*)&n};
    float factor = 0.5f;
    args[1] = &factor;
    CHECK_RT(cudaLaunchKernel(scaleTiles<float, 256>, dim3(n / 256), dim3(256), args, 256 * sizeof(float), stream));
    CHECK_RT(cudaStreamSynchronize(stream));
    CHECK_RT(cudaStreamDestroy(stream));
    CHECK_RT(cudaFree(d));
    return 0;
}
