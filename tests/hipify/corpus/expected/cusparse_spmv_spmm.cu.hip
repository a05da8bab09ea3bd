// y = A*x and C = A*B for a CSR matrix with cuSPARSE's generic API.
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hipsparse/hipsparse.h>

#define CHECK_CUSPARSE(func) do { hipsparseStatus_t status = (func); \
    if (status != HIPSPARSE_STATUS_SUCCESS) { \
        printf("cuSPARSE failed at line %d: %s (%d)\n", __LINE__, hipsparseGetErrorString(status), status); \
        return EXIT_FAILURE; } } while (0)

int main() {
    const int rows = 4, cols = 4, nnz = 9, ncolsB = 3;
    int hOffsets[] = {0, 3, 4, 7, 9};
    int hColumns[] = {0, 2, 3, 1, 0, 2, 3, 1, 3};
    float hValues[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    int *dOffsets, *dColumns;
    float *dValues, *dX, *dY, *dB, *dC;
    hipMalloc(&dOffsets, (rows + 1) * sizeof(int));
    hipMalloc(&dColumns, nnz * sizeof(int));
    hipMalloc(&dValues, nnz * sizeof(float));
    hipMalloc(&dX, cols * sizeof(float));
    hipMalloc(&dY, rows * sizeof(float));
    hipMalloc(&dB, cols * ncolsB * sizeof(float));
    hipMalloc(&dC, rows * ncolsB * sizeof(float));
    hipMemcpy(dOffsets, hOffsets, sizeof(hOffsets), hipMemcpyHostToDevice);
    hipMemcpy(dColumns, hColumns, sizeof(hColumns), hipMemcpyHostToDevice);
    hipMemcpy(dValues, hValues, sizeof(hValues), hipMemcpyHostToDevice);

    hipsparseHandle_t handle = nullptr;
    hipsparseSpMatDescr_t matA;
    hipsparseDnVecDescr_t vecX, vecY;
    hipsparseDnMatDescr_t matB, matC;
    CHECK_CUSPARSE(hipsparseCreate(&handle));
    CHECK_CUSPARSE(hipsparseCreateCsr(&matA, rows, cols, nnz, dOffsets, dColumns, dValues,
                                     HIPSPARSE_INDEX_32I, HIPSPARSE_INDEX_32I,
                                     HIPSPARSE_INDEX_BASE_ZERO, HIP_R_32F));
    CHECK_CUSPARSE(hipsparseCreateDnVec(&vecX, cols, dX, HIP_R_32F));
    CHECK_CUSPARSE(hipsparseCreateDnVec(&vecY, rows, dY, HIP_R_32F));
    CHECK_CUSPARSE(hipsparseCreateDnMat(&matB, cols, ncolsB, cols, dB, HIP_R_32F, HIPSPARSE_ORDER_COLUMN));
    CHECK_CUSPARSE(hipsparseCreateDnMat(&matC, rows, ncolsB, rows, dC, HIP_R_32F, HIPSPARSE_ORDER_COLUMN));

    float alpha = 1.0f, beta = 0.0f;
    size_t bufferSize = 0, bufferSize2 = 0;
    CHECK_CUSPARSE(hipsparseSpMV_bufferSize(handle, HIPSPARSE_OPERATION_NON_TRANSPOSE, &alpha, matA, vecX,
                                           &beta, vecY, HIP_R_32F, HIPSPARSE_SPMV_ALG_DEFAULT, &bufferSize));
    CHECK_CUSPARSE(hipsparseSpMM_bufferSize(handle, HIPSPARSE_OPERATION_NON_TRANSPOSE,
                                           HIPSPARSE_OPERATION_NON_TRANSPOSE, &alpha, matA, matB, &beta,
                                           matC, HIP_R_32F, HIPSPARSE_SPMM_ALG_DEFAULT, &bufferSize2));
    void* buffer = nullptr;
    hipMalloc(&buffer, bufferSize > bufferSize2 ? bufferSize : bufferSize2);
    CHECK_CUSPARSE(hipsparseSpMV(handle, HIPSPARSE_OPERATION_NON_TRANSPOSE, &alpha, matA, vecX, &beta, vecY,
                                HIP_R_32F, HIPSPARSE_SPMV_ALG_DEFAULT, buffer));
    CHECK_CUSPARSE(hipsparseSpMM(handle, HIPSPARSE_OPERATION_NON_TRANSPOSE, HIPSPARSE_OPERATION_NON_TRANSPOSE,
                                &alpha, matA, matB, &beta, matC, HIP_R_32F, HIPSPARSE_SPMM_ALG_DEFAULT, buffer));

    CHECK_CUSPARSE(hipsparseDestroySpMat(matA));
    CHECK_CUSPARSE(hipsparseDestroyDnVec(vecX));
    CHECK_CUSPARSE(hipsparseDestroyDnVec(vecY));
    CHECK_CUSPARSE(hipsparseDestroyDnMat(matB));
    CHECK_CUSPARSE(hipsparseDestroyDnMat(matC));
    CHECK_CUSPARSE(hipsparseDestroy(handle));
    hipFree(buffer); hipFree(dOffsets); hipFree(dColumns); hipFree(dValues);
    hipFree(dX); hipFree(dY); hipFree(dB); hipFree(dC);
    return 0;
}
