// Solve A x = b with cuSOLVER's dense LU (getrf + getrs).
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hipsolver/hipsolver.h>

int main() {
    const int n = 3, lda = 3, ldb = 3;
    double hA[] = {1, 4, 7, 2, 5, 8, 3, 6, 10};
    double hB[] = {1, 2, 3};
    double *dA, *dB, *work;
    int *ipiv, *info;
    hipMalloc(&dA, sizeof(hA));
    hipMalloc(&dB, sizeof(hB));
    hipMalloc(&ipiv, n * sizeof(int));
    hipMalloc(&info, sizeof(int));
    hipMemcpy(dA, hA, sizeof(hA), hipMemcpyHostToDevice);
    hipMemcpy(dB, hB, sizeof(hB), hipMemcpyHostToDevice);

    hipsolverHandle_t handle = nullptr;
    hipsolverStatus_t st = hipsolverDnCreate(&handle);
    if (st != HIPSOLVER_STATUS_SUCCESS) return 1;
    hipStream_t stream;
    hipStreamCreateWithFlags(&stream, hipStreamNonBlocking);
    hipsolverDnSetStream(handle, stream);
    int lwork = 0;
    hipsolverDnDgetrf_bufferSize(handle, n, n, dA, lda, &lwork);
    hipMalloc(&work, lwork * sizeof(double));
    hipsolverDnDgetrf(handle, n, n, dA, lda, work, ipiv, info);
    hipsolverDnDgetrs(handle, HIPBLAS_OP_N, n, 1, dA, lda, ipiv, dB, ldb, info);
    int hInfo = 0;
    hipMemcpyAsync(&hInfo, info, sizeof(int), hipMemcpyDeviceToHost, stream);
    hipStreamSynchronize(stream);
    printf("info = %d\n", hInfo);
    hipsolverDnDestroy(handle);
    hipStreamDestroy(stream);
    hipFree(dA); hipFree(dB); hipFree(work); hipFree(ipiv); hipFree(info);
    return 0;
}
