// Peer-to-peer copies between devices and IPC handles for sharing memory with another process.
#include <cstdio>
#include <cuda_runtime.h>

int main() {
    int n = 0;
    cudaGetDeviceCount(&n);
    const size_t bytes = 64 << 20;
    if (n >= 2) {
        int canAccess01 = 0, canAccess10 = 0;
        cudaDeviceCanAccessPeer(&canAccess01, 0, 1);
        cudaDeviceCanAccessPeer(&canAccess10, 1, 0);
        float *d0, *d1;
        cudaSetDevice(0);
        cudaMalloc(&d0, bytes);
        if (canAccess01) cudaDeviceEnablePeerAccess(1, 0);
        cudaSetDevice(1);
        cudaMalloc(&d1, bytes);
        if (canAccess10) cudaDeviceEnablePeerAccess(0, 0);
        cudaStream_t s;
        cudaStreamCreate(&s);
        cudaMemcpyPeerAsync(d1, 1, d0, 0, bytes, s);
        cudaMemcpyPeer(d0, 0, d1, 1, bytes);
        cudaStreamSynchronize(s);
        int rank = 0;
        cudaDeviceGetP2PAttribute(&rank, cudaDevP2PAttrPerformanceRank, 0, 1);
        if (canAccess10) cudaDeviceDisablePeerAccess(0);
        cudaStreamDestroy(s);
        cudaFree(d1);
        cudaSetDevice(0);
        cudaFree(d0);
    }

    float* shared;
    cudaMalloc(&shared, bytes);
    cudaIpcMemHandle_t memHandle;
    cudaIpcGetMemHandle(&memHandle, shared);
    cudaEvent_t ev;
    cudaEventCreateWithFlags(&ev, cudaEventDisableTiming | cudaEventInterprocess);
    cudaIpcEventHandle_t evHandle;
    cudaIpcGetEventHandle(&evHandle, ev);
    // A second process would do:
    void* mapped = nullptr;
    if (cudaIpcOpenMemHandle(&mapped, memHandle, cudaIpcMemLazyEnablePeerAccess) == cudaSuccess)
        cudaIpcCloseMemHandle(mapped);
    cudaEvent_t opened;
    cudaIpcOpenEventHandle(&opened, evHandle);
    cudaEventDestroy(ev);
    cudaFree(shared);
    return 0;
}
