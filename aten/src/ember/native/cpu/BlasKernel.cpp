// CPU matrix products (baddbmm_stub): float and double through BLAS, other dtypes
// (integers, float16, bfloat16) through a plain loop that accumulates in
// int64 / float.
//
// Note [BLAS operands without copies]
// Row-major BLAS takes a matrix with unit column stride and a row stride >= its
// width, or, transposed, unit row stride and a column stride >= its height. ember
// tensors of either layout (contiguous, .t(), slices of rows or columns) therefore
// go to BLAS as they are; dims of size 1 may carry any stride and are normalised
// first. A result laid out column-major is computed as C^T = B^T A^T. Only operands
// with neither layout (both strides > 1, overlapping expanded views) are copied.
#include <ember/native/LinearAlgebra.h>
#include <ember/native/cpu/Blas.h>
#include <ember/native/cpu/ReduceLoops.h>

#include <algorithm>
#include <vector>

namespace ember::native {
namespace {

using namespace cpu;

// A matrix as BLAS sees it: rows x cols, either row-major (trans = false, ld = row
// stride) or column-major (trans = true, ld = column stride).
struct BlasMatrix {
  bool ok = false;
  bool trans = false;
  int64_t ld = 0;
};

BlasMatrix blas_layout(int64_t rows, int64_t cols, int64_t rs, int64_t cs) {
  // Strides of size-1 dims are meaningless: give them the value that makes the
  // layout valid.
  if (cols == 1) cs = 1;
  if (rows == 1) rs = std::max<int64_t>(cols, 1);
  BlasMatrix r;
  if (cs == 1 && rs >= std::max<int64_t>(cols, 1) && rs <= blas::kMaxInt) {
    r.ok = true;
    r.trans = false;
    r.ld = rs;
    return r;
  }
  // Column-major: re-derive the strides without the row-major normalisation.
  if (rows == 1) rs = 1;
  if (cols == 1) cs = std::max<int64_t>(rows, 1);
  if (rs == 1 && cs >= std::max<int64_t>(rows, 1) && cs <= blas::kMaxInt) {
    r.ok = true;
    r.trans = true;
    r.ld = cs;
  }
  return r;
}

// Contiguous row-major copy of a strided matrix.
template <typename T>
void pack(const T* src, int64_t rows, int64_t cols, int64_t rs, int64_t cs, T* dst) {
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j) dst[i * cols + j] = src[i * rs + j * cs];
}

template <typename T>
void gemm_blas(int64_t batch, int64_t m, int64_t n, int64_t k, T alpha, const T* a,
               const int64_t* sa, const T* b, const int64_t* sb, T beta, T* c,
               const int64_t* sc) {
  BlasMatrix la = blas_layout(m, k, sa[1], sa[2]);
  BlasMatrix lb = blas_layout(k, n, sb[1], sb[2]);
  BlasMatrix lc = blas_layout(m, n, sc[1], sc[2]);
  std::vector<T> abuf, bbuf, cbuf;
  if (!la.ok) {
    abuf.resize(m * k);
    la = {true, false, std::max<int64_t>(k, 1)};
  }
  if (!lb.ok) {
    bbuf.resize(k * n);
    lb = {true, false, std::max<int64_t>(n, 1)};
  }
  const bool c_packed = !lc.ok;
  if (c_packed) {
    cbuf.resize(m * n);
    lc = {true, false, std::max<int64_t>(n, 1)};
  }
  for (int64_t i = 0; i < batch; ++i) {
    const T* ap = a + i * sa[0];
    const T* bp = b + i * sb[0];
    T* cp = c + i * sc[0];
    if (!abuf.empty()) {
      pack(ap, m, k, sa[1], sa[2], abuf.data());
      ap = abuf.data();
    }
    if (!bbuf.empty()) {
      pack(bp, k, n, sb[1], sb[2], bbuf.data());
      bp = bbuf.data();
    }
    T* cw = cp;
    if (c_packed) {
      cw = cbuf.data();
      if (beta != T(0)) pack(cp, m, n, sc[1], sc[2], cw);
    }
    if (!lc.trans) {
      blas::gemm<T>(la.trans, lb.trans, m, n, k, alpha, ap, la.ld, bp, lb.ld, beta, cw, lc.ld);
    } else {
      // Column-major C: C^T (n x m, row-major with ld) = B^T A^T; transposing an
      // operand flips its BLAS transpose flag.
      blas::gemm<T>(!lb.trans, !la.trans, n, m, k, alpha, bp, lb.ld, ap, la.ld, beta, cw, lc.ld);
    }
    if (c_packed) {
      for (int64_t r = 0; r < m; ++r)
        for (int64_t j = 0; j < n; ++j) cp[r * sc[1] + j * sc[2]] = cw[r * n + j];
    }
  }
}

// The loop for dtypes BLAS does not cover: for each row of C, accumulate the rows
// of B scaled by A's entries (contiguous over C's columns when B's rows are).
template <typename T>
void gemm_loop(int64_t batch, int64_t m, int64_t n, int64_t k, const Scalar& alpha_s,
               const T* a, const int64_t* sa, const T* b, const int64_t* sb,
               const Scalar& beta_s, T* c, const int64_t* sc) {
  using A = acc_t<T>;
  const A alpha = alpha_s.to<A>(), beta = beta_s.to<A>();
  const bool use_beta = beta_s.to_double() != 0.0;
  parallel_chunks(batch * m, n * std::max<int64_t>(k, 1), [&](int64_t lo, int64_t hi) {
    std::vector<A> row(n);
    for (int64_t t = lo; t < hi; ++t) {
      const int64_t bi = t / m, i = t % m;
      const T* ap = a + bi * sa[0] + i * sa[1];
      const T* bp = b + bi * sb[0];
      T* cp = c + bi * sc[0] + i * sc[1];
      A* EMBER_RESTRICT acc = row.data();
      std::fill(acc, acc + n, A(0));
      for (int64_t p = 0; p < k; ++p) {
        const A av = static_cast<A>(ap[p * sa[2]]);
        const T* brow = bp + p * sb[1];
        if (sb[2] == 1) {
          for (int64_t j = 0; j < n; ++j) acc[j] = wrap_add(acc[j], wrap_mul(av, static_cast<A>(brow[j])));
        } else {
          for (int64_t j = 0; j < n; ++j)
            acc[j] = wrap_add(acc[j], wrap_mul(av, static_cast<A>(brow[j * sb[2]])));
        }
      }
      for (int64_t j = 0; j < n; ++j) {
        A v = wrap_mul(alpha, acc[j]);
        if (use_beta) v = wrap_add(v, wrap_mul(beta, static_cast<A>(cp[j * sc[2]])));
        cp[j * sc[2]] = static_cast<T>(v);
      }
    }
  });
}

void baddbmm_kernel(const Tensor& c, const Tensor& a, const Tensor& b, const Scalar& beta,
                    const Scalar& alpha) {
  const int64_t batch = a.size(0), m = a.size(1), k = a.size(2), n = b.size(2);
  if (batch == 0 || m == 0 || n == 0) return;
  const int64_t sa[3] = {a.stride(0), a.stride(1), a.stride(2)};
  const int64_t sb[3] = {b.stride(0), b.stride(1), b.stride(2)};
  const int64_t sc[3] = {c.stride(0), c.stride(1), c.stride(2)};
  EMBER_DISPATCH_ALL_TYPES(c.dtype(), "addmm", [&] {
    const scalar_t* ap = static_cast<const scalar_t*>(a.data_ptr());
    const scalar_t* bp = static_cast<const scalar_t*>(b.data_ptr());
    scalar_t* cp = static_cast<scalar_t*>(c.data_ptr());
    if constexpr (std::is_same_v<scalar_t, float> || std::is_same_v<scalar_t, double>) {
      // k == 0 (c = beta * c) takes the loop: the operands are empty and may carry
      // strides BLAS would reject.
      if (k > 0 && m <= blas::kMaxInt && n <= blas::kMaxInt && k <= blas::kMaxInt) {
        gemm_blas<scalar_t>(batch, m, n, k, alpha.to<scalar_t>(), ap, sa, bp, sb,
                            beta.to<scalar_t>(), cp, sc);
        return;
      }
    }
    gemm_loop<scalar_t>(batch, m, n, k, alpha, ap, sa, bp, sb, beta, cp, sc);
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(baddbmm_stub, CPU, &baddbmm_kernel);

}  // namespace ember::native
