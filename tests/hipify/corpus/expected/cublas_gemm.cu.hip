// SGEMM and a strided batched DGEMM through cuBLAS, on a user stream.
#include <cstdio>
#include <vector>
#include <hip/hip_runtime.h>
#include <hipblas/hipblas.h>

#define CUBLAS_CHECK(call) do { hipblasStatus_t st = (call); if (st != HIPBLAS_STATUS_SUCCESS) { \
    fprintf(stderr, "cuBLAS error %d at %s:%d\n", (int)st, __FILE__, __LINE__); return 1; } } while (0)

int main() {
    const int m = 256, n = 128, k = 64;
    std::vector<float> A(m * k, 1.0f), B(k * n, 2.0f), C(m * n, 0.0f);
    float *dA, *dB, *dC;
    hipMalloc(&dA, A.size() * sizeof(float));
    hipMalloc(&dB, B.size() * sizeof(float));
    hipMalloc(&dC, C.size() * sizeof(float));

    hipblasHandle_t handle;
    CUBLAS_CHECK(hipblasCreate(&handle));
    hipStream_t stream;
    hipStreamCreate(&stream);
    CUBLAS_CHECK(hipblasSetStream(handle, stream));
    CUBLAS_CHECK(hipblasSetPointerMode(handle, HIPBLAS_POINTER_MODE_HOST));
    CUBLAS_CHECK(hipblasSetMatrix(m, k, sizeof(float), A.data(), m, dA, m));
    CUBLAS_CHECK(hipblasSetMatrix(k, n, sizeof(float), B.data(), k, dB, k));

    const float alpha = 1.0f, beta = 0.0f;
    CUBLAS_CHECK(hipblasSgemm(handle, HIPBLAS_OP_N, HIPBLAS_OP_N, m, n, k, &alpha, dA, m, dB, k, &beta, dC, m));
    CUBLAS_CHECK(hipblasSgemm(handle, HIPBLAS_OP_T, HIPBLAS_OP_N, k, n, m, &alpha, dA, m, dC, m, &beta, dB, k));
    float norm = 0.0f;
    CUBLAS_CHECK(hipblasSnrm2(handle, m * n, dC, 1, &norm));
    CUBLAS_CHECK(hipblasSaxpy(handle, m * n, &alpha, dC, 1, dC, 1));
    int idx = 0;
    CUBLAS_CHECK(hipblasIsamax(handle, m * n, dC, 1, &idx));

    double *dX, *dY, *dZ;
    const int batch = 8;
    hipMalloc(&dX, batch * 16 * 16 * sizeof(double));
    hipMalloc(&dY, batch * 16 * 16 * sizeof(double));
    hipMalloc(&dZ, batch * 16 * 16 * sizeof(double));
    const double one = 1.0, zero = 0.0;
    CUBLAS_CHECK(hipblasDgemmStridedBatched(handle, HIPBLAS_OP_N, HIPBLAS_OP_T, 16, 16, 16, &one, dX, 16, 256,
                                           dY, 16, 256, &zero, dZ, 16, 256, batch));
    CUBLAS_CHECK(hipblasGetMatrix(m, n, sizeof(float), dC, m, C.data(), m));
    hipStreamSynchronize(stream);
    printf("C[0] = %f, |C| = %f, argmax = %d\n", C[0], norm, idx);

    CUBLAS_CHECK(hipblasDestroy(handle));
    hipStreamDestroy(stream);
    hipFree(dA); hipFree(dB); hipFree(dC); hipFree(dX); hipFree(dY); hipFree(dZ);
    return 0;
}
