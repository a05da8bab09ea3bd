// Warp vote functions and an inclusive warp scan with __shfl_up_sync; dynamic shared memory.
#include <cstdio>
#include <cuda_runtime.h>

__device__ __forceinline__ int warpInclusiveScan(int v) {
    const int lane = threadIdx.x & 31;
#pragma unroll
    for (int d = 1; d < 32; d <<= 1) {
        int y = __shfl_up_sync(0xffffffff, v, d);
        if (lane >= d) v += y;
    }
    return v;
}

__global__ void compact(const int* in, int* out, int* count, int n) {
    extern __shared__ int warpTotals[];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int keep = i < n && in[i] > 0;
    unsigned int ballot = __ballot_sync(0xffffffff, keep);
    int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    int before = __popc(ballot & ((1u << lane) - 1));
    if (lane == 0) warpTotals[warp] = __popc(ballot);
    __syncthreads();
    if (warp == 0) {
        int t = lane < blockDim.x / 32 ? warpTotals[lane] : 0;
        t = warpInclusiveScan(t);
        if (lane < blockDim.x / 32) warpTotals[lane] = t;
    }
    __syncthreads();
    int base = warp > 0 ? warpTotals[warp - 1] : 0;
    if (keep) out[blockIdx.x * blockDim.x + base + before] = in[i];
    if (__all_sync(0xffffffff, !keep) && lane == 0) atomicAdd(count, 0);
    if (__any_sync(0xffffffff, keep) && threadIdx.x == 0) atomicAdd(count, warpTotals[blockDim.x / 32 - 1]);
}

int main() {
    const int n = 1 << 16, threads = 256;
    int *in, *out, *count;
    cudaMalloc(&in, n * sizeof(int));
    cudaMalloc(&out, n * sizeof(int));
    cudaMalloc(&count, sizeof(int));
    compact<<<n / threads, threads, (threads / 32) * sizeof(int)>>>(in, out, count, n);
    cudaDeviceSynchronize();
    cudaFree(in); cudaFree(out); cudaFree(count);
    return 0;
}
