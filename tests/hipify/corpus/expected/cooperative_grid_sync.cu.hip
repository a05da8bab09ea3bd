// Cooperative groups: a grid-wide barrier between two phases, tiled warp partitions for the reduction.
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hip/hip_cooperative_groups.h>

namespace cg = cooperative_groups;

__device__ float tileSum(cg::thread_block_tile<32> tile, float v) {
    for (int offset = tile.size() / 2; offset > 0; offset /= 2) v += tile.shfl_down(v, offset);
    return v;
}

__global__ void twoPhase(float* data, float* partial, float* result, int n) {
    cg::grid_group grid = cg::this_grid();
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
    float v = 0.0f;
    for (int i = grid.thread_rank(); i < n; i += grid.size()) v += data[i];
    v = tileSum(warp, v);
    if (warp.thread_rank() == 0) atomicAdd(&partial[blockIdx.x], v);
    grid.sync();
    if (grid.thread_rank() == 0) {
        float total = 0.0f;
        for (int b = 0; b < gridDim.x; ++b) total += partial[b];
        *result = total;
    }
    block.sync();
}

int main() {
    int dev = 0, supportsCoop = 0, numSms = 0, blocksPerSm = 0;
    hipSetDevice(dev);
    hipDeviceGetAttribute(&supportsCoop, hipDeviceAttributeCooperativeLaunch, dev);
    hipDeviceGetAttribute(&numSms, hipDeviceAttributeMultiprocessorCount, dev);
    if (!supportsCoop) { printf("no cooperative launch\n"); return 0; }
    const int threads = 256;
    hipOccupancyMaxActiveBlocksPerMultiprocessor(&blocksPerSm, twoPhase, threads, 0);
    int blocks = numSms * blocksPerSm;

    int n = 1 << 20;
    float *data, *partial, *result;
    hipMalloc(&data, n * sizeof(float));
    hipMalloc(&partial, blocks * sizeof(float));
    hipMalloc(&result, sizeof(float));
    hipMemset(partial, 0, blocks * sizeof(float));
    void* args[] = {&data, &partial, &result, &n};
    hipError_t err = hipLaunchCooperativeKernel((void*)twoPhase, dim3(blocks), dim3(threads), args, 0, 0);
    if (err != hipSuccess) printf("launch failed: %s\n", hipGetErrorString(err));
    hipDeviceSynchronize();
    hipFree(data); hipFree(partial); hipFree(result);
    return 0;
}
