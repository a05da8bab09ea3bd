// Host functions enqueued on a stream, and a device-side printf and assert.
#include <cassert>
#include <cstdio>
#include <cuda_runtime.h>

struct Progress { int step; };

void CUDART_CB onHost(void* data) {
    Progress* p = static_cast<Progress*>(data);
    printf("host function after step %d\n", p->step);
}

void CUDART_CB onComplete(cudaStream_t stream, cudaError_t status, void* data) {
    if (status != cudaSuccess) printf("stream error: %s\n", cudaGetErrorString(status));
    (void)stream; (void)data;
}

__global__ void check(const int* v, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        assert(v[i] >= 0);
        if (i == 0) printf("block %d thread %d sees %d\n", blockIdx.x, threadIdx.x, v[i]);
    }
}

int main() {
    int* v;
    cudaMalloc(&v, 1024 * sizeof(int));
    cudaMemset(v, 0, 1024 * sizeof(int));
    cudaStream_t s;
    cudaStreamCreate(&s);
    Progress p{1};
    check<<<4, 256, 0, s>>>(v, 1024);
    cudaLaunchHostFunc(s, onHost, &p);
    cudaStreamAddCallback(s, onComplete, nullptr, 0);
    cudaStreamSynchronize(s);
    cudaStreamDestroy(s);
    cudaFree(v);
    return 0;
}
