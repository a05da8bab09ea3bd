// CUB: device-wide sum and exclusive scan, plus a block-level scan inside a kernel.
#include <cstdio>
#include <cub/cub.cuh>
#include <cuda_runtime.h>

template <int BLOCK_THREADS, int ITEMS>
__global__ void blockPrefixSum(const int* in, int* out) {
    using BlockLoadT = cub::BlockLoad<int, BLOCK_THREADS, ITEMS, cub::BLOCK_LOAD_WARP_TRANSPOSE>;
    using BlockScanT = cub::BlockScan<int, BLOCK_THREADS>;
    using BlockReduceT = cub::BlockReduce<int, BLOCK_THREADS>;
    __shared__ union {
        typename BlockLoadT::TempStorage load;
        typename BlockScanT::TempStorage scan;
        typename BlockReduceT::TempStorage reduce;
    } temp;
    int items[ITEMS];
    int offset = blockIdx.x * BLOCK_THREADS * ITEMS;
    BlockLoadT(temp.load).Load(in + offset, items);
    __syncthreads();
    int aggregate;
    BlockScanT(temp.scan).ExclusiveSum(items, items, aggregate);
    __syncthreads();
    int total = BlockReduceT(temp.reduce).Sum(items[0]);
    for (int i = 0; i < ITEMS; ++i) out[offset + threadIdx.x * ITEMS + i] = items[i];
    if (threadIdx.x == 0) out[offset] += total - total;
}

int main() {
    const int n = 1 << 20;
    int *d_in, *d_out, *d_sum;
    cudaMalloc(&d_in, n * sizeof(int));
    cudaMalloc(&d_out, n * sizeof(int));
    cudaMalloc(&d_sum, sizeof(int));

    void* d_temp = nullptr;
    size_t temp_bytes = 0;
    cub::DeviceReduce::Sum(d_temp, temp_bytes, d_in, d_sum, n);
    cudaMalloc(&d_temp, temp_bytes);
    cub::DeviceReduce::Sum(d_temp, temp_bytes, d_in, d_sum, n);
    cudaFree(d_temp);

    d_temp = nullptr;
    temp_bytes = 0;
    cub::DeviceScan::ExclusiveSum(d_temp, temp_bytes, d_in, d_out, n);
    cudaMalloc(&d_temp, temp_bytes);
    cub::DeviceScan::ExclusiveSum(d_temp, temp_bytes, d_in, d_out, n);

    blockPrefixSum<128, 4><<<n / 512, 128>>>(d_in, d_out);
    cudaDeviceSynchronize();
    cudaFree(d_temp); cudaFree(d_in); cudaFree(d_out); cudaFree(d_sum);
    return 0;
}
