// deviceQuery-style report: properties, attributes, versions, occupancy of a kernel.
#include <cstdio>
#include <hip/hip_runtime.h>

__global__ void busy(float* x) { x[threadIdx.x] = sqrtf((float)threadIdx.x); }

int main() {
    int count = 0;
    if (hipGetDeviceCount(&count) != hipSuccess || count == 0) {
        printf("no CUDA device\n");
        return 0;
    }
    int driver = 0, runtime = 0;
    hipDriverGetVersion(&driver);
    hipRuntimeGetVersion(&runtime);
    printf("driver %d.%d, runtime %d.%d\n", driver / 1000, (driver % 100) / 10, runtime / 1000, (runtime % 100) / 10);
    for (int dev = 0; dev < count; ++dev) {
        hipSetDevice(dev);
        hipDeviceProp_t prop;
        hipGetDeviceProperties(&prop, dev);
        printf("Device %d: %s (compute %d.%d)\n", dev, prop.name, prop.major, prop.minor);
        printf("  global memory %zu MB, shared/block %zu, regs/block %d, warp %d\n",
               prop.totalGlobalMem >> 20, prop.sharedMemPerBlock, prop.regsPerBlock, prop.warpSize);
        printf("  SMs %d, max threads/SM %d, max threads/block %d, grid %d x %d x %d\n",
               prop.multiProcessorCount, prop.maxThreadsPerMultiProcessor, prop.maxThreadsPerBlock,
               prop.maxGridSize[0], prop.maxGridSize[1], prop.maxGridSize[2]);
        printf("  L2 %d bytes, bus %d bits, managed %d, ECC %d, concurrent kernels %d\n",
               prop.l2CacheSize, prop.memoryBusWidth, prop.managedMemory, prop.ECCEnabled, prop.concurrentKernels);
        int clockKHz = 0, memClockKHz = 0;
        hipDeviceGetAttribute(&clockKHz, hipDeviceAttributeClockRate, dev);
        hipDeviceGetAttribute(&memClockKHz, hipDeviceAttributeMemoryClockRate, dev);
        int major = 0;
        hipDeviceGetAttribute(&major, hipDeviceAttributeComputeCapabilityMajor, dev);
        int blocks = 0;
        hipOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, busy, 128, 0);
        printf("  clock %d kHz, memory clock %d kHz, occupancy %d blocks/SM\n", clockKHz, memClockKHz, blocks);
        size_t freeMem = 0, totalMem = 0;
        hipMemGetInfo(&freeMem, &totalMem);
        char pci[32];
        hipDeviceGetPCIBusId(pci, sizeof(pci), dev);
        printf("  free %zu of %zu, PCI %s\n", freeMem, totalMem, pci);
    }
    int best = 0;
    hipDeviceProp_t want = {};
    want.major = 7;
    hipChooseDevice(&best, &want);
    hipSetDeviceFlags(hipDeviceScheduleBlockingSync);
    return 0;
}
