// y = A*x and C = A*B for a CSR matrix with cuSPARSE's generic API.
#include <cstdio>
#include <cuda_runtime.h>
#include <cusparse.h>

#define CHECK_CUSPARSE(func) do { cusparseStatus_t status = (func); \
    if (status != CUSPARSE_STATUS_SUCCESS) { \
        printf("cuSPARSE failed at line %d: %s (%d)\n", __LINE__, cusparseGetErrorString(status), status); \
        return EXIT_FAILURE; } } while (0)

int main() {
    const int rows = 4, cols = 4, nnz = 9, ncolsB = 3;
    int hOffsets[] = {0, 3, 4, 7, 9};
    int hColumns[] = {0, 2, 3, 1, 0, 2, 3, 1, 3};
    float hValues[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    int *dOffsets, *dColumns;
    float *dValues, *dX, *dY, *dB, *dC;
    cudaMalloc(&dOffsets, (rows + 1) * sizeof(int));
    cudaMalloc(&dColumns, nnz * sizeof(int));
    cudaMalloc(&dValues, nnz * sizeof(float));
    cudaMalloc(&dX, cols * sizeof(float));
    cudaMalloc(&dY, rows * sizeof(float));
    cudaMalloc(&dB, cols * ncolsB * sizeof(float));
    cudaMalloc(&dC, rows * ncolsB * sizeof(float));
    cudaMemcpy(dOffsets, hOffsets, sizeof(hOffsets), cudaMemcpyHostToDevice);
    cudaMemcpy(dColumns, hColumns, sizeof(hColumns), cudaMemcpyHostToDevice);
    cudaMemcpy(dValues, hValues, sizeof(hValues), cudaMemcpyHostToDevice);

    cusparseHandle_t handle = nullptr;
    cusparseSpMatDescr_t matA;
    cusparseDnVecDescr_t vecX, vecY;
    cusparseDnMatDescr_t matB, matC;
    CHECK_CUSPARSE(cusparseCreate(&handle));
    CHECK_CUSPARSE(cusparseCreateCsr(&matA, rows, cols, nnz, dOffsets, dColumns, dValues,
                                     CUSPARSE_INDEX_32I, CUSPARSE_INDEX_32I,
                                     CUSPARSE_INDEX_BASE_ZERO, CUDA_R_32F));
    CHECK_CUSPARSE(cusparseCreateDnVec(&vecX, cols, dX, CUDA_R_32F));
    CHECK_CUSPARSE(cusparseCreateDnVec(&vecY, rows, dY, CUDA_R_32F));
    CHECK_CUSPARSE(cusparseCreateDnMat(&matB, cols, ncolsB, cols, dB, CUDA_R_32F, CUSPARSE_ORDER_COL));
    CHECK_CUSPARSE(cusparseCreateDnMat(&matC, rows, ncolsB, rows, dC, CUDA_R_32F, CUSPARSE_ORDER_COL));

    float alpha = 1.0f, beta = 0.0f;
    size_t bufferSize = 0, bufferSize2 = 0;
    CHECK_CUSPARSE(cusparseSpMV_bufferSize(handle, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, matA, vecX,
                                           &beta, vecY, CUDA_R_32F, CUSPARSE_SPMV_ALG_DEFAULT, &bufferSize));
    CHECK_CUSPARSE(cusparseSpMM_bufferSize(handle, CUSPARSE_OPERATION_NON_TRANSPOSE,
                                           CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, matA, matB, &beta,
                                           matC, CUDA_R_32F, CUSPARSE_SPMM_ALG_DEFAULT, &bufferSize2));
    void* buffer = nullptr;
    cudaMalloc(&buffer, bufferSize > bufferSize2 ? bufferSize : bufferSize2);
    CHECK_CUSPARSE(cusparseSpMV(handle, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, matA, vecX, &beta, vecY,
                                CUDA_R_32F, CUSPARSE_SPMV_ALG_DEFAULT, buffer));
    CHECK_CUSPARSE(cusparseSpMM(handle, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE,
                                &alpha, matA, matB, &beta, matC, CUDA_R_32F, CUSPARSE_SPMM_ALG_DEFAULT, buffer));

    CHECK_CUSPARSE(cusparseDestroySpMat(matA));
    CHECK_CUSPARSE(cusparseDestroyDnVec(vecX));
    CHECK_CUSPARSE(cusparseDestroyDnVec(vecY));
    CHECK_CUSPARSE(cusparseDestroyDnMat(matB));
    CHECK_CUSPARSE(cusparseDestroyDnMat(matC));
    CHECK_CUSPARSE(cusparseDestroy(handle));
    cudaFree(buffer); cudaFree(dOffsets); cudaFree(dColumns); cudaFree(dValues);
    cudaFree(dX); cudaFree(dY); cudaFree(dB); cudaFree(dC);
    return 0;
}
