// CUB: device-wide sum and exclusive scan, plus a block-level scan inside a kernel.
#include <cstdio>
#include <hipcub/hipcub.hpp>
#include <hip/hip_runtime.h>

template <int BLOCK_THREADS, int ITEMS>
__global__ void blockPrefixSum(const int* in, int* out) {
    using BlockLoadT = hipcub::BlockLoad<int, BLOCK_THREADS, ITEMS, hipcub::BLOCK_LOAD_WARP_TRANSPOSE>;
    using BlockScanT = hipcub::BlockScan<int, BLOCK_THREADS>;
    using BlockReduceT = hipcub::BlockReduce<int, BLOCK_THREADS>;
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
    hipMalloc(&d_in, n * sizeof(int));
    hipMalloc(&d_out, n * sizeof(int));
    hipMalloc(&d_sum, sizeof(int));

    void* d_temp = nullptr;
    size_t temp_bytes = 0;
    hipcub::DeviceReduce::Sum(d_temp, temp_bytes, d_in, d_sum, n);
    hipMalloc(&d_temp, temp_bytes);
    hipcub::DeviceReduce::Sum(d_temp, temp_bytes, d_in, d_sum, n);
    hipFree(d_temp);

    d_temp = nullptr;
    temp_bytes = 0;
    hipcub::DeviceScan::ExclusiveSum(d_temp, temp_bytes, d_in, d_out, n);
    hipMalloc(&d_temp, temp_bytes);
    hipcub::DeviceScan::ExclusiveSum(d_temp, temp_bytes, d_in, d_out, n);

    blockPrefixSum<128, 4><<<n / 512, 128>>>(d_in, d_out);
    hipDeviceSynchronize();
    hipFree(d_temp); hipFree(d_in); hipFree(d_out); hipFree(d_sum);
    return 0;
}
