// Read-only cache loads, launch bounds and per-function cache configuration.
#include <cstdio>
#include <hip/hip_runtime.h>

#define THREADS 256

__global__ void __launch_bounds__(THREADS, 2)
gatherScale(const float* __restrict__ src, const int* __restrict__ index, float* __restrict__ dst, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) dst[i] = 2.0f * __ldg(&src[__ldg(&index[i])]);
}

__global__ void __launch_bounds__(1024) copy4(const float4* __restrict__ in, float4* out, int n4) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n4) {
        float4 v = __ldg(in + i);
        out[i] = make_float4(v.w, v.z, v.y, v.x);
    }
}

int main() {
    hipFuncSetCacheConfig(reinterpret_cast<const void*>(gatherScale), hipFuncCachePreferL1);
    hipDeviceSetCacheConfig(hipFuncCachePreferShared);
    hipFuncAttributes attr;
    hipFuncGetAttributes(&attr, reinterpret_cast<const void*>(gatherScale));
    printf("regs %d, max threads %d, shared %zu, local %zu\n", attr.numRegs, attr.maxThreadsPerBlock,
           attr.sharedSizeBytes, attr.localSizeBytes);
    hipFuncSetAttribute(reinterpret_cast<const void*>(copy4), hipFuncAttributeMaxDynamicSharedMemorySize, 48 * 1024);
    hipDeviceSetLimit(hipLimitPrintfFifoSize, 1 << 20);
    size_t stack = 0;
    hipDeviceGetLimit(&stack, hipLimitStackSize);

    const int n = 1 << 20;
    float *src, *dst;
    int* index;
    hipMalloc(&src, n * sizeof(float));
    hipMalloc(&dst, n * sizeof(float));
    hipMalloc(&index, n * sizeof(int));
    gatherScale<<<(n + THREADS - 1) / THREADS, THREADS>>>(src, index, dst, n);
    copy4<<<n / 4 / 1024, 1024>>>((const float4*)src, (float4*)dst, n / 4);
    hipDeviceSynchronize();
    hipFree(src); hipFree(dst); hipFree(index);
    return 0;
}
