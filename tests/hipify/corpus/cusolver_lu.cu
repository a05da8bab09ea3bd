// Solve A x = b with cuSOLVER's dense LU (getrf + getrs).
#include <cstdio>
#include <cuda_runtime.h>
#include <cusolverDn.h>

int main() {
    const int n = 3, lda = 3, ldb = 3;
    double hA[] = {1, 4, 7, 2, 5, 8, 3, 6, 10};
    double hB[] = {1, 2, 3};
    double *dA, *dB, *work;
    int *ipiv, *info;
    cudaMalloc(&dA, sizeof(hA));
    cudaMalloc(&dB, sizeof(hB));
    cudaMalloc(&ipiv, n * sizeof(int));
    cudaMalloc(&info, sizeof(int));
    cudaMemcpy(dA, hA, sizeof(hA), cudaMemcpyHostToDevice);
    cudaMemcpy(dB, hB, sizeof(hB), cudaMemcpyHostToDevice);

    cusolverDnHandle_t handle = nullptr;
    cusolverStatus_t st = cusolverDnCreate(&handle);
    if (st != CUSOLVER_STATUS_SUCCESS) return 1;
    cudaStream_t stream;
    cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking);
    cusolverDnSetStream(handle, stream);
    int lwork = 0;
    cusolverDnDgetrf_bufferSize(handle, n, n, dA, lda, &lwork);
    cudaMalloc(&work, lwork * sizeof(double));
    cusolverDnDgetrf(handle, n, n, dA, lda, work, ipiv, info);
    cusolverDnDgetrs(handle, CUBLAS_OP_N, n, 1, dA, lda, ipiv, dB, ldb, info);
    int hInfo = 0;
    cudaMemcpyAsync(&hInfo, info, sizeof(int), cudaMemcpyDeviceToHost, stream);
    cudaStreamSynchronize(stream);
    printf("info = %d\n", hInfo);
    cusolverDnDestroy(handle);
    cudaStreamDestroy(stream);
    cudaFree(dA); cudaFree(dB); cudaFree(work); cudaFree(ipiv); cudaFree(info);
    return 0;
}
