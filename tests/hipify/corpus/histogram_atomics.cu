// 256-bin histogram: privatised in shared memory, merged with global atomics; timed with events.
#include <cstdio>
#include <cstdint>
#include <cuda_runtime.h>

#define NUM_BINS 256

__global__ void histogramShared(const uint8_t* data, unsigned int* bins, size_t n) {
    __shared__ unsigned int local[NUM_BINS];
    for (int i = threadIdx.x; i < NUM_BINS; i += blockDim.x) local[i] = 0;
    __syncthreads();
    for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n; i += (size_t)blockDim.x * gridDim.x)
        atomicAdd(&local[data[i]], 1u);
    __syncthreads();
    for (int i = threadIdx.x; i < NUM_BINS; i += blockDim.x)
        if (local[i]) atomicAdd(&bins[i], local[i]);
}

__global__ void minMax(const int* data, int* mn, int* mx, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        atomicMin(mn, data[i]);
        atomicMax(mx, data[i]);
        atomicExch(mn + 1, i);
    }
}

int main() {
    const size_t n = 64 << 20;
    uint8_t* d_data;
    unsigned int* d_bins;
    cudaMalloc(&d_data, n);
    cudaMalloc(&d_bins, NUM_BINS * sizeof(unsigned int));
    cudaMemset(d_bins, 0, NUM_BINS * sizeof(unsigned int));

    int minGrid = 0, blockSize = 0;
    cudaOccupancyMaxPotentialBlockSize(&minGrid, &blockSize, histogramShared, 0, 0);

    cudaEvent_t start, stop;
    cudaEventCreate(&start);
    cudaEventCreate(&stop);
    cudaEventRecord(start);
    histogramShared<<<minGrid, blockSize>>>(d_data, d_bins, n);
    cudaEventRecord(stop);
    cudaEventSynchronize(stop);
    float ms = 0.0f;
    cudaEventElapsedTime(&ms, start, stop);
    printf("histogram: %.3f ms, %.1f GB/s\n", ms, n / ms / 1e6);

    unsigned int h_bins[NUM_BINS];
    cudaMemcpy(h_bins, d_bins, sizeof(h_bins), cudaMemcpyDeviceToHost);
    cudaEventDestroy(start);
    cudaEventDestroy(stop);
    cudaFree(d_data);
    cudaFree(d_bins);
    return 0;
}
