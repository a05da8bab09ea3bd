// SGEMM and a strided batched DGEMM through cuBLAS, on a user stream.
#include <cstdio>
#include <vector>
#include <cuda_runtime.h>
#include <cublas_v2.h>

#define CUBLAS_CHECK(call) do { cublasStatus_t st = (call); if (st != CUBLAS_STATUS_SUCCESS) { \
    fprintf(stderr, "cuBLAS error %d at %s:%d\n", (int)st, __FILE__, __LINE__); return 1; } } while (0)

int main() {
    const int m = 256, n = 128, k = 64;
    std::vector<float> A(m * k, 1.0f), B(k * n, 2.0f), C(m * n, 0.0f);
    float *dA, *dB, *dC;
    cudaMalloc(&dA, A.size() * sizeof(float));
    cudaMalloc(&dB, B.size() * sizeof(float));
    cudaMalloc(&dC, C.size() * sizeof(float));

    cublasHandle_t handle;
    CUBLAS_CHECK(cublasCreate(&handle));
    cudaStream_t stream;
    cudaStreamCreate(&stream);
    CUBLAS_CHECK(cublasSetStream(handle, stream));
    CUBLAS_CHECK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_HOST));
    CUBLAS_CHECK(cublasSetMatrix(m, k, sizeof(float), A.data(), m, dA, m));
    CUBLAS_CHECK(cublasSetMatrix(k, n, sizeof(float), B.data(), k, dB, k));

    const float alpha = 1.0f, beta = 0.0f;
    CUBLAS_CHECK(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dA, m, dB, k, &beta, dC, m));
    CUBLAS_CHECK(cublasSgemm(handle, CUBLAS_OP_T, CUBLAS_OP_N, k, n, m, &alpha, dA, m, dC, m, &beta, dB, k));
    float norm = 0.0f;
    CUBLAS_CHECK(cublasSnrm2(handle, m * n, dC, 1, &norm));
    CUBLAS_CHECK(cublasSaxpy(handle, m * n, &alpha, dC, 1, dC, 1));
    int idx = 0;
    CUBLAS_CHECK(cublasIsamax(handle, m * n, dC, 1, &idx));

    double *dX, *dY, *dZ;
    const int batch = 8;
    cudaMalloc(&dX, batch * 16 * 16 * sizeof(double));
    cudaMalloc(&dY, batch * 16 * 16 * sizeof(double));
    cudaMalloc(&dZ, batch * 16 * 16 * sizeof(double));
    const double one = 1.0, zero = 0.0;
    CUBLAS_CHECK(cublasDgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_T, 16, 16, 16, &one, dX, 16, 256,
                                           dY, 16, 256, &zero, dZ, 16, 256, batch));
    CUBLAS_CHECK(cublasGetMatrix(m, n, sizeof(float), dC, m, C.data(), m));
    cudaStreamSynchronize(stream);
    printf("C[0] = %f, |C| = %f, argmax = %d\n", C[0], norm, idx);

    CUBLAS_CHECK(cublasDestroy(handle));
    cudaStreamDestroy(stream);
    cudaFree(dA); cudaFree(dB); cudaFree(dC); cudaFree(dX); cudaFree(dY); cudaFree(dZ);
    return 0;
}
