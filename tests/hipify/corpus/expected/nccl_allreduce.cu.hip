// Single-process all-reduce across every visible GPU with NCCL.
#include <cstdio>
#include <vector>
#include <hip/hip_runtime.h>
#include <rccl/rccl.h>

#define NCCLCHECK(cmd) do { ncclResult_t r = (cmd); if (r != ncclSuccess) { \
    printf("NCCL failure %s:%d '%s'\n", __FILE__, __LINE__, ncclGetErrorString(r)); return 1; } } while (0)

int main() {
    int nDev = 0;
    hipGetDeviceCount(&nDev);
    const size_t count = 32 << 20;
    std::vector<ncclComm_t> comms(nDev);
    std::vector<float*> send(nDev), recv(nDev);
    std::vector<hipStream_t> streams(nDev);
    std::vector<int> devs(nDev);
    for (int i = 0; i < nDev; ++i) {
        devs[i] = i;
        hipSetDevice(i);
        hipMalloc(&send[i], count * sizeof(float));
        hipMalloc(&recv[i], count * sizeof(float));
        hipStreamCreate(&streams[i]);
    }
    NCCLCHECK(ncclCommInitAll(comms.data(), nDev, devs.data()));
    int version = 0;
    NCCLCHECK(ncclGetVersion(&version));
    NCCLCHECK(ncclGroupStart());
    for (int i = 0; i < nDev; ++i)
        NCCLCHECK(ncclAllReduce(send[i], recv[i], count, ncclFloat, ncclSum, comms[i], streams[i]));
    NCCLCHECK(ncclGroupEnd());
    for (int i = 0; i < nDev; ++i) {
        hipSetDevice(i);
        hipStreamSynchronize(streams[i]);
        NCCLCHECK(ncclBroadcast(recv[i], recv[i], count, ncclFloat, 0, comms[i], streams[i]));
    }
    for (int i = 0; i < nDev; ++i) {
        hipFree(send[i]);
        hipFree(recv[i]);
        ncclCommDestroy(comms[i]);
    }
    printf("NCCL %d done\n", version);
    return 0;
}
