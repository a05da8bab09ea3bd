// Peer-to-peer copies between devices and IPC handles for sharing memory with another process.
#include <cstdio>
#include <hip/hip_runtime.h>

int main() {
    int n = 0;
    hipGetDeviceCount(&n);
    const size_t bytes = 64 << 20;
    if (n >= 2) {
        int canAccess01 = 0, canAccess10 = 0;
        hipDeviceCanAccessPeer(&canAccess01, 0, 1);
        hipDeviceCanAccessPeer(&canAccess10, 1, 0);
        float *d0, *d1;
        hipSetDevice(0);
        hipMalloc(&d0, bytes);
        if (canAccess01) hipDeviceEnablePeerAccess(1, 0);
        hipSetDevice(1);
        hipMalloc(&d1, bytes);
        if (canAccess10) hipDeviceEnablePeerAccess(0, 0);
        hipStream_t s;
        hipStreamCreate(&s);
        hipMemcpyPeerAsync(d1, 1, d0, 0, bytes, s);
        hipMemcpyPeer(d0, 0, d1, 1, bytes);
        hipStreamSynchronize(s);
        int rank = 0;
        hipDeviceGetP2PAttribute(&rank, hipDevP2PAttrPerformanceRank, 0, 1);
        if (canAccess10) hipDeviceDisablePeerAccess(0);
        hipStreamDestroy(s);
        hipFree(d1);
        hipSetDevice(0);
        hipFree(d0);
    }

    float* shared;
    hipMalloc(&shared, bytes);
    hipIpcMemHandle_t memHandle;
    hipIpcGetMemHandle(&memHandle, shared);
    hipEvent_t ev;
    hipEventCreateWithFlags(&ev, hipEventDisableTiming | hipEventInterprocess);
    hipIpcEventHandle_t evHandle;
    hipIpcGetEventHandle(&evHandle, ev);
    // A second process would do:
    void* mapped = nullptr;
    if (hipIpcOpenMemHandle(&mapped, memHandle, hipIpcMemLazyEnablePeerAccess) == hipSuccess)
        hipIpcCloseMemHandle(mapped);
    hipEvent_t opened;
    hipIpcOpenEventHandle(&opened, evHandle);
    hipEventDestroy(ev);
    hipFree(shared);
    return 0;
}
