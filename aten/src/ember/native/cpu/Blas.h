#pragma once
// ember's C++ face of BLAS: row-major gemm for float and double through OpenBLAS
// (scipy-openblas32; the configured <ember/config/cblas.h> maps the standard CBLAS
// names to the package's prefixed symbols, see cmake/cblas.h.in). Everything else in
// ember calls blas::gemm<T>, never CBLAS directly.
#include <cstdint>
#include <limits>

#include <ember/config/cblas.h>

namespace ember::native::blas {

// BLAS integers are 32-bit in this build: callers check sizes and leading dims
// against this bound and take another path above it.
constexpr int64_t kMaxInt = std::numeric_limits<int>::max();

template <typename T>
struct Gemm;  // only float and double go through BLAS

// C (m x n, row-major, leading dim ldc) = alpha * op(A) op(B) + beta * C, where
// op(A) is m x k and is A (row-major, lda) or, with trans_a, A^T for a row-major
// k x m A. With beta == 0, C's contents are ignored (NaN included), as BLAS specifies.
template <typename T>
inline void gemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, T alpha,
                 const T* a, int64_t lda, const T* b, int64_t ldb, T beta, T* c, int64_t ldc) {
  Gemm<T>::run(trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
               static_cast<int>(m), static_cast<int>(n), static_cast<int>(k), alpha, a,
               static_cast<int>(lda), b, static_cast<int>(ldb), beta, c, static_cast<int>(ldc));
}

template <>
struct Gemm<float> {
  static void run(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k, float alpha,
                  const float* a, int lda, const float* b, int ldb, float beta, float* c,
                  int ldc) {
    cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  }
};

template <>
struct Gemm<double> {
  static void run(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k, double alpha,
                  const double* a, int lda, const double* b, int ldb, double beta, double* c,
                  int ldc) {
    cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  }
};

}  // namespace ember::native::blas
