// Host functions enqueued on a stream, and a device-side printf and assert.
#include <cassert>
#include <cstdio>
#include <hip/hip_runtime.h>

struct Progress { int step; };

void onHost(void* data) {
    Progress* p = static_cast<Progress*>(data);
    printf("host function after step %d\n", p->step);
}

void onComplete(hipStream_t stream, hipError_t status, void* data) {
    if (status != hipSuccess) printf("stream error: %s\n", hipGetErrorString(status));
    (void)stream; (void)data;
}

__global__ void check(const int* v, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        assert(v[i] >= 0);
        if (i == 0) printf("block %d thread %d sees %d\n", static_cast<unsigned int>(blockIdx.x), static_cast<unsigned int>(threadIdx.x), v[i]);
    }
}

int main() {
    int* v;
    hipMalloc(&v, 1024 * sizeof(int));
    hipMemset(v, 0, 1024 * sizeof(int));
    hipStream_t s;
    hipStreamCreate(&s);
    Progress p{1};
    check<<<4, 256, 0, s>>>(v, 1024);
    hipLaunchHostFunc(s, onHost, &p);
    hipStreamAddCallback(s, onComplete, nullptr, 0);
    hipStreamSynchronize(s);
    hipStreamDestroy(s);
    hipFree(v);
    return 0;
}
