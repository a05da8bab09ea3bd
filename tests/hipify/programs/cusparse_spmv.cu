// cuSPARSE generic API: y = alpha * A * x + beta * y with A in CSR.
#include <cuda_runtime.h>
#include <cusparse.h>

int spmv(int rows, int cols, int nnz, int* row_ptr, int* col_ind, float* values, float* x, float* y) {
  cusparseHandle_t handle;
  if (cusparseCreate(&handle) != CUSPARSE_STATUS_SUCCESS) return 1;
  cusparseSpMatDescr_t mat;
  cusparseDnVecDescr_t vx, vy;
  cusparseCreateCsr(&mat, rows, cols, nnz, row_ptr, col_ind, values, CUSPARSE_INDEX_32I,
                    CUSPARSE_INDEX_32I, CUSPARSE_INDEX_BASE_ZERO, CUDA_R_32F);
  cusparseCreateDnVec(&vx, cols, x, CUDA_R_32F);
  cusparseCreateDnVec(&vy, rows, y, CUDA_R_32F);
  float alpha = 1.0f, beta = 0.0f;
  size_t bytes = 0;
  cusparseSpMV_bufferSize(handle, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, mat, vx, &beta, vy,
                          CUDA_R_32F, CUSPARSE_SPMV_ALG_DEFAULT, &bytes);
  void* work = nullptr;
  cudaMalloc(&work, bytes);
  cusparseStatus_t status = cusparseSpMV(handle, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, mat, vx,
                                         &beta, vy, CUDA_R_32F, CUSPARSE_SPMV_ALG_DEFAULT, work);
  cudaFree(work);
  cusparseDestroySpMat(mat);
  cusparseDestroyDnVec(vx);
  cusparseDestroyDnVec(vy);
  cusparseDestroy(handle);
  return status == CUSPARSE_STATUS_SUCCESS ? 0 : 1;
}
