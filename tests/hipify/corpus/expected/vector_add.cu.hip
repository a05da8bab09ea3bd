// The canonical first CUDA program: allocate, copy, launch, copy back, check.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define CUDA_CHECK(call)                                                        \
    do {                                                                        \
        hipError_t err_ = (call);                                              \
        if (err_ != hipSuccess) {                                              \
            fprintf(stderr, "CUDA error %s at %s:%d: %s\n", hipGetErrorName(err_), \
                    __FILE__, __LINE__, hipGetErrorString(err_));              \
            exit(EXIT_FAILURE);                                                 \
        }                                                                       \
    } while (0)

__global__ void vectorAdd(const float* a, const float* b, float* c, int n) {
    int i = blockDim.x * blockIdx.x + threadIdx.x;
    if (i < n) c[i] = a[i] + b[i];
}

int main() {
    const int n = 1 << 20;
    size_t bytes = n * sizeof(float);
    float *h_a = (float*)malloc(bytes), *h_b = (float*)malloc(bytes), *h_c = (float*)malloc(bytes);
    for (int i = 0; i < n; ++i) { h_a[i] = 1.0f; h_b[i] = 2.0f; }

    float *d_a, *d_b, *d_c;
    CUDA_CHECK(hipMalloc((void**)&d_a, bytes));
    CUDA_CHECK(hipMalloc((void**)&d_b, bytes));
    CUDA_CHECK(hipMalloc((void**)&d_c, bytes));
    CUDA_CHECK(hipMemcpy(d_a, h_a, bytes, hipMemcpyHostToDevice));
    CUDA_CHECK(hipMemcpy(d_b, h_b, bytes, hipMemcpyHostToDevice));

    int threads = 256;
    int blocks = (n + threads - 1) / threads;
    vectorAdd<<<blocks, threads>>>(d_a, d_b, d_c, n);
    CUDA_CHECK(hipGetLastError());
    CUDA_CHECK(hipDeviceSynchronize());
    CUDA_CHECK(hipMemcpy(h_c, d_c, bytes, hipMemcpyDeviceToHost));

    for (int i = 0; i < n; ++i) {
        if (h_c[i] != 3.0f) { fprintf(stderr, "mismatch at %d\n", i); return 1; }
    }
    CUDA_CHECK(hipFree(d_a));
    CUDA_CHECK(hipFree(d_b));
    CUDA_CHECK(hipFree(d_c));
    free(h_a); free(h_b); free(h_c);
    CUDA_CHECK(hipDeviceReset());
    printf("PASSED\n");
    return 0;
}
