// Block sum reduction: warp shuffles inside a warp, shared memory across warps.
#include <cstdio>
#include <hip/hip_runtime.h>

#define CHECK(x) do { hipError_t e = (x); if (e != hipSuccess) { \
    printf("%s:%d: %s\n", __FILE__, __LINE__, hipGetErrorString(e)); return 1; } } while (0)

constexpr unsigned FULL_MASK = 0xffffffffu;

__inline__ __device__ float warpReduceSum(float val) {
    for (int offset = warpSize / 2; offset > 0; offset /= 2)
        val += __shfl_down(val, offset);
    return val;
}

__inline__ __device__ float blockReduceSum(float val) {
    static __shared__ float shared[32];
    int lane = threadIdx.x % warpSize;
    int wid = threadIdx.x / warpSize;
    val = warpReduceSum(val);
    if (lane == 0) shared[wid] = val;
    __syncthreads();
    val = (threadIdx.x < blockDim.x / warpSize) ? shared[lane] : 0.0f;
    if (wid == 0) val = warpReduceSum(val);
    return val;
}

__global__ void reduceKernel(const float* __restrict__ in, float* out, int n) {
    float sum = 0.0f;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        sum += in[i];
    sum = blockReduceSum(sum);
    if (threadIdx.x == 0) atomicAdd(out, sum);
}

__global__ void maxAbsKernel(const float* in, float* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float v = i < n ? fabsf(in[i]) : 0.0f;
    for (int offset = 16; offset > 0; offset >>= 1)
        v = fmaxf(v, __shfl_xor(v, offset));
    int lane = threadIdx.x & 31;
    float first = __shfl(v, 0);
    if (lane == 0) out[blockIdx.x] = first;
}

int main() {
    const int n = 1 << 22;
    float *d_in, *d_out, *d_max;
    CHECK(hipMalloc(&d_in, n * sizeof(float)));
    CHECK(hipMalloc(&d_out, sizeof(float)));
    CHECK(hipMalloc(&d_max, 1024 * sizeof(float)));
    CHECK(hipMemset(d_in, 0, n * sizeof(float)));
    CHECK(hipMemset(d_out, 0, sizeof(float)));
    reduceKernel<<<1024, 256>>>(d_in, d_out, n);
    maxAbsKernel<<<1024, 256>>>(d_in, d_max, 1024 * 256);
    CHECK(hipPeekAtLastError());
    float result = 0.0f;
    CHECK(hipMemcpy(&result, d_out, sizeof(float), hipMemcpyDeviceToHost));
    printf("sum = %f\n", result);
    hipFree(d_in);
    hipFree(d_out);
    hipFree(d_max);
    return 0;
}
