// deviceQuery-style report: properties, attributes, versions, occupancy of a kernel.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void busy(float* x) { x[threadIdx.x] = sqrtf((float)threadIdx.x); }

int main() {
    int count = 0;
    if (cudaGetDeviceCount(&count) != cudaSuccess || count == 0) {
        printf("no CUDA device\n");
        return 0;
    }
    int driver = 0, runtime = 0;
    cudaDriverGetVersion(&driver);
    cudaRuntimeGetVersion(&runtime);
    printf("driver %d.%d, runtime %d.%d\n", driver / 1000, (driver % 100) / 10, runtime / 1000, (runtime % 100) / 10);
    for (int dev = 0; dev < count; ++dev) {
        cudaSetDevice(dev);
        cudaDeviceProp prop;
        cudaGetDeviceProperties(&prop, dev);
        printf("Device %d: %s (compute %d.%d)\n", dev, prop.name, prop.major, prop.minor);
        printf("  global memory %zu MB, shared/block %zu, regs/block %d, warp %d\n",
               prop.totalGlobalMem >> 20, prop.sharedMemPerBlock, prop.regsPerBlock, prop.warpSize);
        printf("  SMs %d, max threads/SM %d, max threads/block %d, grid %d x %d x %d\n",
               prop.multiProcessorCount, prop.maxThreadsPerMultiProcessor, prop.maxThreadsPerBlock,
               prop.maxGridSize[0], prop.maxGridSize[1], prop.maxGridSize[2]);
        printf("  L2 %d bytes, bus %d bits, managed %d, ECC %d, concurrent kernels %d\n",
               prop.l2CacheSize, prop.memoryBusWidth, prop.managedMemory, prop.ECCEnabled, prop.concurrentKernels);
        int clockKHz = 0, memClockKHz = 0;
        cudaDeviceGetAttribute(&clockKHz, cudaDevAttrClockRate, dev);
        cudaDeviceGetAttribute(&memClockKHz, cudaDevAttrMemoryClockRate, dev);
        int major = 0;
        cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, dev);
        int blocks = 0;
        cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, busy, 128, 0);
        printf("  clock %d kHz, memory clock %d kHz, occupancy %d blocks/SM\n", clockKHz, memClockKHz, blocks);
        size_t freeMem = 0, totalMem = 0;
        cudaMemGetInfo(&freeMem, &totalMem);
        char pci[32];
        cudaDeviceGetPCIBusId(pci, sizeof(pci), dev);
        printf("  free %zu of %zu, PCI %s\n", freeMem, totalMem, pci);
    }
    int best = 0;
    cudaDeviceProp want = {};
    want.major = 7;
    cudaChooseDevice(&best, &want);
    cudaSetDeviceFlags(cudaDeviceScheduleBlockingSync);
    return 0;
}
