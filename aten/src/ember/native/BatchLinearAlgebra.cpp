// Linear algebra through LAPACK (OpenBLAS's LAPACKE, <ember/config/lapacke.h>):
// inv, solve, det/slogdet, cholesky, qr, eigh, svd, and the operators built on them
// (pinv, matrix_rank, matrix_norm, matrix_power). CPU kernels, float32 and float64;
// a CUDA build registers none of them, so a CUDA tensor gets NotImplementedError.
//
// Note [Column-major batches]
// ---------------------------
// LAPACK wants each matrix column-major. For a row-major batch A (..., m, n),
// A.mT().contiguous() holds, per matrix, exactly A's column-major layout; results
// written column-major the same way come back as views `.mT()` of a (..., n, m)
// buffer, which is also the layout PyTorch returns for these operators. Batches run
// one matrix at a time (matrices here are small enough that LAPACK's own blocking is
// what matters), and a failure names its batch element like PyTorch does.
#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include <ember/config/lapacke.h>
#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>

namespace ember::native {

namespace {

constexpr int64_t kLapackMaxInt = std::numeric_limits<lapack_int>::max();

void check_float_input(const char* op, const Tensor& A, const char* name = "A") {
  EMBER_CHECK(A.dtype() == ScalarType::Float || A.dtype() == ScalarType::Double, op,
              ": Expected a floating point or complex tensor as input. Got ", type_name(A.dtype()));
  EMBER_CHECK(A.dim() >= 2, op, ": The input tensor ", name,
              " must have at least 2 dimensions.");
  EMBER_CHECK(A.size(-1) <= kLapackMaxInt && A.size(-2) <= kLapackMaxInt, op,
              ": matrices larger than ", kLapackMaxInt, " rows or columns are not supported");
}

void check_square(const char* op, const Tensor& A, const char* name = "A") {
  check_float_input(op, A, name);
  EMBER_CHECK(A.size(-1) == A.size(-2), op, ": ", name,
              " must be batches of square matrices, but they are ", A.size(-2), " by ", A.size(-1),
              " matrices");
}

int64_t batch_count(const Tensor& A) {
  int64_t b = 1;
  for (int64_t d = 0; d < A.dim() - 2; ++d) b *= A.size(d);
  return b;
}

DimVector batch_shape(const Tensor& A) {
  DimVector shape;
  for (int64_t d = 0; d < A.dim() - 2; ++d) shape.push_back(A.size(d));
  return shape;
}

Tensor sum_over(const Tensor& t, std::vector<int64_t> dims, bool keepdim,
                std::optional<ScalarType> dtype = std::nullopt) {
  return ember::sum(t, IntArrayRef(dims), keepdim, dtype);
}

// t with dims d0, d1 moved last (in that order), the others kept in order.
Tensor dims_last(const Tensor& t, int64_t d0, int64_t d1) {
  std::vector<int64_t> perm;
  for (int64_t d = 0; d < t.dim(); ++d) {
    if (d != d0 && d != d1) perm.push_back(d);
  }
  perm.push_back(d0);
  perm.push_back(d1);
  return t.permute(perm);
}

// A's matrices column-major (Note [Column-major batches]), as a fresh buffer.
Tensor column_major_copy(const Tensor& A) {
  return A.transpose(-2, -1).contiguous().clone();
}

std::string batch_prefix(const char* op, int64_t batches, int64_t b) {
  return batches > 1 ? str(op, ": (Batch element ", b, "): ") : str(op, ": ");
}

// --- LAPACKE by type ----------------------------------------------------------------

template <typename T> struct Lapack;

#define EMBER_LAPACK_FOR(T, P)                                                                    \
  template <> struct Lapack<T> {                                                                  \
    static lapack_int getrf(lapack_int m, lapack_int n, T* a, lapack_int lda, lapack_int* ipiv) { \
      return LAPACKE_##P##getrf(LAPACK_COL_MAJOR, m, n, a, lda, ipiv);                            \
    }                                                                                             \
    static lapack_int getri(lapack_int n, T* a, lapack_int lda, const lapack_int* ipiv) {         \
      return LAPACKE_##P##getri(LAPACK_COL_MAJOR, n, a, lda, ipiv);                               \
    }                                                                                             \
    static lapack_int gesv(lapack_int n, lapack_int nrhs, T* a, lapack_int lda, lapack_int* ipiv, \
                           T* b, lapack_int ldb) {                                                \
      return LAPACKE_##P##gesv(LAPACK_COL_MAJOR, n, nrhs, a, lda, ipiv, b, ldb);                  \
    }                                                                                             \
    static lapack_int potrf(char uplo, lapack_int n, T* a, lapack_int lda) {                      \
      return LAPACKE_##P##potrf(LAPACK_COL_MAJOR, uplo, n, a, lda);                               \
    }                                                                                             \
    static lapack_int geqrf(lapack_int m, lapack_int n, T* a, lapack_int lda, T* tau) {           \
      return LAPACKE_##P##geqrf(LAPACK_COL_MAJOR, m, n, a, lda, tau);                             \
    }                                                                                             \
    static lapack_int orgqr(lapack_int m, lapack_int n, lapack_int k, T* a, lapack_int lda,       \
                            const T* tau) {                                                       \
      return LAPACKE_##P##orgqr(LAPACK_COL_MAJOR, m, n, k, a, lda, tau);                          \
    }                                                                                             \
    static lapack_int syevd(char jobz, char uplo, lapack_int n, T* a, lapack_int lda, T* w) {     \
      return LAPACKE_##P##syevd(LAPACK_COL_MAJOR, jobz, uplo, n, a, lda, w);                      \
    }                                                                                             \
    static lapack_int gesdd(char jobz, lapack_int m, lapack_int n, T* a, lapack_int lda, T* s,    \
                            T* u, lapack_int ldu, T* vt, lapack_int ldvt) {                       \
      return LAPACKE_##P##gesdd(LAPACK_COL_MAJOR, jobz, m, n, a, lda, s, u, ldu, vt, ldvt);       \
    }                                                                                             \
  };
EMBER_LAPACK_FOR(float, s)
EMBER_LAPACK_FOR(double, d)
#undef EMBER_LAPACK_FOR

template <typename F>
void dispatch_float(const Tensor& A, const char* op, F&& f) {
  // LAPACKE rejects any matrix holding a NaN before LAPACK sees it; PyTorch calls
  // LAPACK itself, so NaNs propagate (or make an iteration fail to converge) instead.
  static std::once_flag no_nan_check;
  std::call_once(no_nan_check, [] { LAPACKE_set_nancheck(0); });
  if (A.dtype() == ScalarType::Float) {
    f(float{});
  } else if (A.dtype() == ScalarType::Double) {
    f(double{});
  } else {
    throw Error(str(op, ": Expected a floating point or complex tensor as input. Got ",
                    type_name(A.dtype())));
  }
}

void check_lapack_argument(const char* op, lapack_int info) {
  // A negative info is an argument LAPACK rejected: a bug here, not a user error.
  EMBER_CHECK(info >= 0, op, ": LAPACK rejected argument ", -info, " (internal error)");
}

lapack_int lapack_dim(int64_t v) { return static_cast<lapack_int>(std::max<int64_t>(v, 1)); }

}  // namespace

// ---------------------------------------------------------------------------------
// inv, solve
// ---------------------------------------------------------------------------------

Tensor linalg_inv(const Tensor& A) {
  check_square("linalg.inv", A);
  const int64_t n = A.size(-1), batches = batch_count(A);
  Tensor work = column_major_copy(A);
  if (work.numel() == 0) return work.transpose(-2, -1);
  dispatch_float(A, "linalg.inv", [&](auto tag) {
    using T = decltype(tag);
    T* data = work.data_ptr<T>();
    std::vector<lapack_int> ipiv(n);
    for (int64_t b = 0; b < batches; ++b) {
      T* a = data + b * n * n;
      lapack_int info = Lapack<T>::getrf(n, n, a, lapack_dim(n), ipiv.data());
      check_lapack_argument("linalg.inv", info);
      if (info > 0) {
        throw LinAlgError(str(batch_prefix("linalg.inv", batches, b), "The diagonal element ", info,
                              " is zero, the inversion could not be completed because the input "
                              "matrix is singular."));
      }
      info = Lapack<T>::getri(n, a, lapack_dim(n), ipiv.data());
      check_lapack_argument("linalg.inv", info);
    }
  });
  return work.transpose(-2, -1);
}

Tensor inverse(const Tensor& self) { return ember::linalg_inv(self); }

Tensor linalg_solve(const Tensor& A, const Tensor& B, bool left) {
  check_square("linalg.solve", A);
  EMBER_CHECK(B.dtype() == A.dtype(), "linalg.solve: Expected A and B to have the same dtype, but found A of type ",
              type_name(A.dtype()), " and B of type ", type_name(B.dtype()), " instead");
  EMBER_CHECK(B.device() == A.device(), "linalg.solve: Expected A and B to be on the same device");
  // B is a batch of vectors when it has one dim less than A and matches A's batch.
  const bool vector_case =
      B.dim() == 1 || (left && B.dim() == A.dim() - 1 &&
                       B.sizes().equals(A.sizes().slice(0, A.dim() - 1)));
  if (!left) {
    EMBER_CHECK(!vector_case || B.dim() != 1, "linalg.solve: Vector broadcasting of the left hand side is not "
                "supported for left=False. In this case linalg.solve is equivalent to B / A.squeeze(-1)");
    return ember::linalg_solve(A.transpose(-2, -1), B.transpose(-2, -1), true).transpose(-2, -1);
  }
  Tensor B2 = vector_case ? B.unsqueeze(-1) : B;
  EMBER_CHECK(B2.dim() >= 2, "linalg.solve: The input tensor B must have at least 2 dimensions.");
  EMBER_CHECK(B2.size(-2) == A.size(-1), "linalg.solve: Incompatible shapes of A and B for the equation AX = B (",
              A.size(-2), "x", A.size(-1), " and ", B2.size(-2), "x", B2.size(-1), ")");
  // Broadcast the batch dims of A and B.
  DimVector batch_a = batch_shape(A), batch_b = batch_shape(B2);
  const size_t nb = std::max(batch_a.size(), batch_b.size());
  DimVector batch(nb, 1);
  for (size_t i = 0; i < nb; ++i) {
    const int64_t sa = i < nb - batch_a.size() ? 1 : batch_a[i - (nb - batch_a.size())];
    const int64_t sb = i < nb - batch_b.size() ? 1 : batch_b[i - (nb - batch_b.size())];
    EMBER_CHECK(sa == sb || sa == 1 || sb == 1, "linalg.solve: The size of tensor a (", sa,
                ") must match the size of tensor b (", sb, ") at non-singleton dimension ", i);
    batch[i] = sa == 1 ? sb : sa;
  }
  const int64_t n = A.size(-1), k = B2.size(-1);
  DimVector a_shape = batch, b_shape = batch;
  a_shape.push_back(n); a_shape.push_back(n);
  b_shape.push_back(n); b_shape.push_back(k);
  Tensor a_work = column_major_copy(A.expand(a_shape));
  Tensor x = column_major_copy(B2.expand(b_shape));
  const int64_t batches = batch_count(x);
  if (x.numel() != 0 && n != 0) {
    dispatch_float(A, "linalg.solve", [&](auto tag) {
      using T = decltype(tag);
      std::vector<lapack_int> ipiv(n);
      for (int64_t b = 0; b < batches; ++b) {
        const lapack_int info = Lapack<T>::gesv(n, k, a_work.data_ptr<T>() + b * n * n, lapack_dim(n), ipiv.data(),
                                                x.data_ptr<T>() + b * n * k, lapack_dim(n));
        check_lapack_argument("linalg.solve", info);
        if (info > 0) {
          throw LinAlgError(str(batch_prefix("torch.linalg.solve", batches, b),
                                "The solver failed because the input matrix is singular."));
        }
      }
    });
  }
  Tensor result = x.transpose(-2, -1);
  return vector_case ? result.squeeze(-1) : result;
}

// ---------------------------------------------------------------------------------
// det, slogdet
// ---------------------------------------------------------------------------------

std::tuple<Tensor, Tensor> linalg_slogdet(const Tensor& A) {
  check_square("linalg.slogdet", A);
  const int64_t n = A.size(-1), batches = batch_count(A);
  Tensor work = column_major_copy(A);
  const DimVector shape = batch_shape(A);
  Tensor sign = ember::empty(shape, A.dtype());
  Tensor logabs = ember::empty(shape, A.dtype());
  dispatch_float(A, "linalg.slogdet", [&](auto tag) {
    using T = decltype(tag);
    std::vector<lapack_int> ipiv(std::max<int64_t>(n, 1));
    for (int64_t b = 0; b < batches; ++b) {
      T s = 1, l = 0;
      if (n > 0) {
        T* a = work.data_ptr<T>() + b * n * n;
        const lapack_int info = Lapack<T>::getrf(n, n, a, lapack_dim(n), ipiv.data());
        check_lapack_argument("linalg.slogdet", info);
        for (int64_t i = 0; i < n; ++i) {
          const T d = a[i * n + i];
          if (ipiv[i] != i + 1) s = -s;
          if (d < 0) s = -s;
          l += std::log(std::abs(d));
        }
        if (info > 0) {  // exactly singular: det 0
          s = 0;
          l = -std::numeric_limits<T>::infinity();
        }
      }
      sign.data_ptr<T>()[b] = s;
      logabs.data_ptr<T>()[b] = l;
    }
  });
  return {sign, logabs};
}

std::tuple<Tensor, Tensor> slogdet(const Tensor& self) { return ember::linalg_slogdet(self); }

Tensor linalg_det(const Tensor& A) {
  check_square("linalg.det", A);
  auto [sign, logabs] = ember::linalg_slogdet(A);
  return ember::mul(sign, ember::exp(logabs));
}

Tensor det(const Tensor& self) { return ember::linalg_det(self); }

Tensor logdet(const Tensor& self) {
  check_square("logdet", self);
  auto [sign, logabs] = ember::linalg_slogdet(self);
  // log(det): nan for a negative determinant, -inf for a zero one (PyTorch's rule).
  Tensor nan = ember::full({}, std::numeric_limits<double>::quiet_NaN(), self.dtype());
  return ember::where(ember::lt(sign, ember::zeros({}, self.dtype())), nan, logabs);
}

// ---------------------------------------------------------------------------------
// cholesky, qr
// ---------------------------------------------------------------------------------

Tensor linalg_cholesky(const Tensor& A, bool upper) {
  check_square("linalg.cholesky", A);
  const int64_t n = A.size(-1), batches = batch_count(A);
  Tensor work = column_major_copy(A);
  if (work.numel() != 0) {
    dispatch_float(A, "linalg.cholesky", [&](auto tag) {
      using T = decltype(tag);
      for (int64_t b = 0; b < batches; ++b) {
        T* a = work.data_ptr<T>() + b * n * n;
        const lapack_int info = Lapack<T>::potrf('L', n, a, lapack_dim(n));
        check_lapack_argument("linalg.cholesky", info);
        if (info > 0) {
          throw LinAlgError(str(batch_prefix("linalg.cholesky", batches, b),
                                "The factorization could not be completed because the input is not "
                                "positive-definite (the leading minor of order ", info,
                                " is not positive-definite)."));
        }
        for (int64_t j = 1; j < n; ++j) {  // zero the strict upper triangle (column-major)
          for (int64_t i = 0; i < j; ++i) a[j * n + i] = 0;
        }
      }
    });
  }
  Tensor L = work.transpose(-2, -1);
  return upper ? L.transpose(-2, -1).contiguous() : L;
}

Tensor cholesky(const Tensor& self, bool upper) { return ember::linalg_cholesky(self, upper); }

std::tuple<Tensor, Tensor> linalg_qr(const Tensor& A, std::string_view mode) {
  check_float_input("linalg.qr", A);
  EMBER_CHECK(mode == "reduced" || mode == "complete" || mode == "r",
              "qr received unrecognized mode '", mode, "' but expected one of 'reduced' (default), 'r', or 'complete'");
  const int64_t m = A.size(-2), n = A.size(-1), k = std::min(m, n), batches = batch_count(A);
  const bool complete = mode == "complete";
  const int64_t qcols = complete ? m : k;
  // Factor a column-major m x max(n, qcols) buffer: R comes from its first n columns,
  // Q from orgqr over the first qcols columns.
  const int64_t cols = std::max(n, qcols);
  DimVector shape = batch_shape(A);
  DimVector buf_shape = shape;
  buf_shape.push_back(cols);
  buf_shape.push_back(m);
  Tensor work = ember::zeros(buf_shape, A.dtype());
  if (n > 0) work.narrow(-2, 0, n).copy_(A.transpose(-2, -1));
  DimVector r_shape = shape;
  r_shape.push_back(n);
  r_shape.push_back(complete ? m : k);
  Tensor r_work = ember::zeros(r_shape, A.dtype());  // R column-major: n columns of (k or m) rows
  dispatch_float(A, "linalg.qr", [&](auto tag) {
    using T = decltype(tag);
    const int64_t rrows = complete ? m : k;
    std::vector<T> tau(std::max<int64_t>(k, 1));
    for (int64_t b = 0; b < batches && m > 0 && cols > 0; ++b) {
      T* a = work.data_ptr<T>() + b * cols * m;
      if (k > 0) check_lapack_argument("linalg.qr", Lapack<T>::geqrf(m, n, a, lapack_dim(m), tau.data()));
      T* r = r_work.data_ptr<T>() + b * n * rrows;
      for (int64_t j = 0; j < n; ++j) {
        for (int64_t i = 0; i <= std::min(j, rrows - 1); ++i) r[j * rrows + i] = a[j * m + i];
      }
      if (mode != "r" && qcols > 0) {
        if (k == 0) {
          for (int64_t j = 0; j < qcols; ++j) a[j * m + j] = 1;  // Q = I when A has no columns
        } else {
          check_lapack_argument("linalg.qr", Lapack<T>::orgqr(m, qcols, k, a, lapack_dim(m), tau.data()));
        }
      }
    }
  });
  Tensor R = r_work.transpose(-2, -1);
  if (mode == "r") return {ember::empty({0}, A.dtype()), R};
  Tensor Q = work.narrow(-2, 0, qcols).transpose(-2, -1);
  return {Q, R};
}

std::tuple<Tensor, Tensor> qr(const Tensor& self, bool some) {
  return ember::linalg_qr(self, some ? "reduced" : "complete");
}

// ---------------------------------------------------------------------------------
// eigh, svd
// ---------------------------------------------------------------------------------

std::tuple<Tensor, Tensor> linalg_eigh(const Tensor& A, std::string_view UPLO) {
  check_square("linalg.eigh", A);
  EMBER_CHECK(UPLO == "L" || UPLO == "U" || UPLO == "l" || UPLO == "u",
              "Expected UPLO argument to be 'L' or 'U', but got ", UPLO);
  const char uplo = static_cast<char>(std::toupper(static_cast<unsigned char>(UPLO[0])));
  const int64_t n = A.size(-1), batches = batch_count(A);
  Tensor work = column_major_copy(A);
  DimVector w_shape = batch_shape(A);
  w_shape.push_back(n);
  Tensor w = ember::empty(w_shape, A.dtype());
  if (work.numel() != 0) {
    dispatch_float(A, "linalg.eigh", [&](auto tag) {
      using T = decltype(tag);
      for (int64_t b = 0; b < batches; ++b) {
        const lapack_int info = Lapack<T>::syevd('V', uplo, n, work.data_ptr<T>() + b * n * n, lapack_dim(n),
                                                 w.data_ptr<T>() + b * n);
        check_lapack_argument("linalg.eigh", info);
        if (info > 0) {
          throw LinAlgError(str(batch_prefix("linalg.eigh", batches, b),
                                "The algorithm failed to converge because the input matrix is ill-conditioned "
                                "or has too many repeated eigenvalues (error code: ", info, ")."));
        }
      }
    });
  }
  return {w, work.transpose(-2, -1)};
}

Tensor linalg_eigvalsh(const Tensor& A, std::string_view UPLO) {
  return std::get<0>(ember::linalg_eigh(A, UPLO));
}

namespace {

// U (m x kU), S (k), Vh (kV x n), all column-major buffers viewed back as matrices.
std::tuple<Tensor, Tensor, Tensor> svd_impl(const char* op, const Tensor& A, bool compute_uv, bool full_matrices) {
  check_float_input(op, A);
  const int64_t m = A.size(-2), n = A.size(-1), k = std::min(m, n), batches = batch_count(A);
  const int64_t ucols = full_matrices ? m : k, vrows = full_matrices ? n : k;
  Tensor work = column_major_copy(A);
  DimVector shape = batch_shape(A);
  DimVector s_shape = shape, u_shape = shape, v_shape = shape;
  s_shape.push_back(k);
  u_shape.push_back(ucols); u_shape.push_back(m);  // column-major m x ucols
  v_shape.push_back(n); v_shape.push_back(vrows);  // column-major vrows x n
  Tensor S = ember::empty(s_shape, A.dtype());
  Tensor U = ember::zeros(compute_uv ? u_shape : DimVector{0}, A.dtype());
  Tensor V = ember::zeros(compute_uv ? v_shape : DimVector{0}, A.dtype());
  if (k > 0) {
    dispatch_float(A, op, [&](auto tag) {
      using T = decltype(tag);
      const char jobz = !compute_uv ? 'N' : (full_matrices ? 'A' : 'S');
      T dummy = 0;
      for (int64_t b = 0; b < batches; ++b) {
        const lapack_int info = Lapack<T>::gesdd(
            jobz, m, n, work.data_ptr<T>() + b * m * n, lapack_dim(m), S.data_ptr<T>() + b * k,
            compute_uv ? U.data_ptr<T>() + b * m * ucols : &dummy, lapack_dim(m),
            compute_uv ? V.data_ptr<T>() + b * vrows * n : &dummy, lapack_dim(vrows));
        if (info == -5) {  // gesdd's check of A (argument 4, 5 through LAPACKE): a NaN
          throw LinAlgError(str(batch_prefix(op, batches, b),
                                "The algorithm failed to converge because the input matrix contained "
                                "non-finite values."));
        }
        check_lapack_argument(op, info);
        if (info > 0) {
          throw LinAlgError(str(batch_prefix(op, batches, b),
                                "The algorithm failed to converge because the input matrix is ill-conditioned "
                                "or has too many repeated singular values (error code: ", info, ")."));
        }
      }
    });
  } else if (compute_uv) {
    // An empty matrix: U and Vh are identities of their (possibly nonzero) sizes.
    if (ucols > 0) U.copy_(ember::eye(m, A.dtype()).expand(u_shape));
    if (vrows > 0) V.copy_(ember::eye(n, A.dtype()).expand(v_shape));
  }
  if (!compute_uv) return {U, S, V};
  return {U.transpose(-2, -1), S, V.transpose(-2, -1)};
}

}  // namespace

std::tuple<Tensor, Tensor, Tensor> linalg_svd(const Tensor& A, bool full_matrices,
                                              std::optional<std::string_view> driver) {
  EMBER_CHECK(!driver, "torch.linalg.svd: keyword argument `driver=` is only supported on CUDA inputs with cuSOLVER backend.");
  return svd_impl("linalg.svd", A, true, full_matrices);
}

Tensor linalg_svdvals(const Tensor& A, std::optional<std::string_view> driver) {
  EMBER_CHECK(!driver, "torch.linalg.svd: keyword argument `driver=` is only supported on CUDA inputs with cuSOLVER backend.");
  return std::get<1>(svd_impl("linalg.svd", A, false, false));
}

std::tuple<Tensor, Tensor, Tensor> svd(const Tensor& self, bool some, bool compute_uv) {
  auto [U, S, Vh] = svd_impl("svd", self, true, !some);
  if (!compute_uv) {  // PyTorch returns zero-filled U and V of the full shapes
    return {ember::zeros_like(U), S, ember::zeros_like(Vh.transpose(-2, -1))};
  }
  return {U, S, Vh.transpose(-2, -1)};
}

// ---------------------------------------------------------------------------------
// Built on the factorizations
// ---------------------------------------------------------------------------------

namespace {

// The singular-value cutoff of pinv/matrix_rank: max(atol, rtol * largest), with
// rtol's default eps(dtype) * max(m, n) when neither tolerance is given.
Tensor svd_cutoff(const Tensor& S, const Tensor& A, std::optional<double> atol, std::optional<double> rtol) {
  const double eps = A.dtype() == ScalarType::Float ? std::numeric_limits<float>::epsilon()
                                                    : std::numeric_limits<double>::epsilon();
  const double r = rtol ? *rtol : ((atol && *atol > 0) ? 0.0 : eps * std::max(A.size(-2), A.size(-1)));
  if (S.size(-1) == 0) return S;  // no singular values: nothing to compare
  Tensor smax = ember::amax(S, {-1}, true);
  return ember::maximum(ember::mul(smax, ember::full({}, r, S.dtype())), ember::full({}, atol.value_or(0.0), S.dtype()));
}

}  // namespace

Tensor linalg_pinv(const Tensor& self, std::optional<double> atol, std::optional<double> rtol, bool hermitian) {
  check_float_input("linalg.pinv", self);
  (void)hermitian;  // the SVD serves symmetric inputs as well
  auto [U, S, Vh] = svd_impl("linalg.pinv", self, true, false);
  Tensor keep = ember::gt(S, svd_cutoff(S, self, atol, rtol));
  Tensor inv_s = ember::where(keep, ember::reciprocal(S), ember::zeros({}, S.dtype()));
  // pinv = V diag(1/s) U^T
  return ember::matmul(ember::mul(Vh.transpose(-2, -1), inv_s.unsqueeze(-2)), U.transpose(-2, -1));
}

Tensor linalg_matrix_rank(const Tensor& self, std::optional<double> atol, std::optional<double> rtol, bool hermitian) {
  check_float_input("linalg.matrix_rank", self);
  (void)hermitian;
  Tensor S = std::get<1>(svd_impl("linalg.matrix_rank", self, false, false));
  return sum_over(ember::gt(S, svd_cutoff(S, self, atol, rtol)), {-1}, false, ScalarType::Long);
}

Tensor linalg_matrix_norm(const Tensor& self, const Scalar& ord, IntArrayRef dim, bool keepdim,
                          std::optional<ScalarType> dtype) {
  check_float_input("linalg.matrix_norm", self);
  EMBER_CHECK(dim.size() == 2, "linalg.matrix_norm: dim must be a 2-tuple. Got ", dim);
  const int64_t d0 = maybe_wrap_dim(dim[0], self.dim()), d1 = maybe_wrap_dim(dim[1], self.dim());
  EMBER_CHECK(d0 != d1, "linalg.matrix_norm: dims must be different. Got (", dim[0], ", ", dim[1], ")");
  const double p = ord.to_double();
  Tensor x = dtype ? self.to(*dtype) : self;
  if (p == 2 || p == -2) {
    Tensor S = ember::linalg_svdvals(dims_last(x, d0, d1), std::nullopt);
    Tensor r = p > 0 ? ember::amax(S, {-1}) : ember::amin(S, {-1});
    if (keepdim) r = r.unsqueeze(std::min(d0, d1)).unsqueeze(std::max(d0, d1));
    return r;
  }
  EMBER_CHECK(p == 1 || p == -1 || std::isinf(p), "linalg.matrix_norm: Order ", ord.to_double(),
              " not supported.");
  // 1: max column sum (sum over rows d0, extreme over d1); inf: max row sum.
  const int64_t sum_dim = std::isinf(p) ? d1 : d0;
  const int64_t ext_dim = std::isinf(p) ? d0 : d1;
  Tensor sums = sum_over(ember::abs(x), {sum_dim}, true);
  Tensor r = p > 0 ? ember::amax(sums, {ext_dim}, true) : ember::amin(sums, {ext_dim}, true);
  if (!keepdim) r = r.squeeze(std::vector<int64_t>{std::min(d0, d1), std::max(d0, d1)});
  return r;
}

Tensor linalg_matrix_norm(const Tensor& self, std::string_view ord, IntArrayRef dim, bool keepdim,
                          std::optional<ScalarType> dtype) {
  check_float_input("linalg.matrix_norm", self);
  EMBER_CHECK(dim.size() == 2, "linalg.matrix_norm: dim must be a 2-tuple. Got ", dim);
  EMBER_CHECK(ord == "fro" || ord == "nuc", "linalg.matrix_norm: Order ", ord, " not supported.");
  const int64_t d0 = maybe_wrap_dim(dim[0], self.dim()), d1 = maybe_wrap_dim(dim[1], self.dim());
  EMBER_CHECK(d0 != d1, "linalg.matrix_norm: dims must be different. Got (", dim[0], ", ", dim[1], ")");
  Tensor x = dtype ? self.to(*dtype) : self;
  if (ord == "fro") return ember::linalg_vector_norm(x, 2, std::vector<int64_t>{d0, d1}, keepdim, std::nullopt);
  Tensor r = sum_over(ember::linalg_svdvals(dims_last(x, d0, d1), std::nullopt), {-1}, false);
  if (keepdim) r = r.unsqueeze(std::min(d0, d1)).unsqueeze(std::max(d0, d1));
  return r;
}

Tensor linalg_matrix_power(const Tensor& self, int64_t n) {
  EMBER_CHECK(self.dim() >= 2 && self.size(-1) == self.size(-2),
              "linalg.matrix_power: A must be batches of square matrices, but they are ",
              self.dim() >= 2 ? self.size(-2) : 0, " by ", self.dim() >= 1 ? self.size(-1) : 0, " matrices");
  if (n == 0) {
    return ember::eye(self.size(-1), self.dtype(), std::nullopt, self.device()).expand(self.sizes()).clone();
  }
  Tensor base = n < 0 ? ember::linalg_inv(self) : self;
  uint64_t e = n < 0 ? static_cast<uint64_t>(-(n + 1)) + 1 : static_cast<uint64_t>(n);
  Tensor result;
  while (e > 0) {  // binary exponentiation
    if (e & 1) result = result.defined() ? ember::matmul(result, base) : base.clone();
    e >>= 1;
    if (e > 0) base = ember::matmul(base, base);
  }
  return result;
}

Tensor matrix_power(const Tensor& self, int64_t n) { return ember::linalg_matrix_power(self, n); }

}  // namespace ember::native
