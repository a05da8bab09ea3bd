// The CUDA loop behind mm/bmm/addmm (native/LinearAlgebra.h: c = beta*c + alpha*(a @ b)
// over a batch, any strides).
//
// float and double go through cuBLAS (gemm / gemmStridedBatched, which hipify maps to
// hipBLAS) when the build found it (EMBER_USE_CUBLAS, see cmake/EmberCUDA.cmake) and the
// operands have a BLAS layout (one unit stride per matrix; others are packed first).
// Every other case, and every dtype in a build without cuBLAS, runs the tiled kernel
// below: 16x16 output tiles, the matching tiles of a and b staged through shared
// memory, accumulating like the CPU loop (float for the 16-bit floats, wrapping int64
// for integers).
#include <algorithm>
#include <limits>
#include <type_traits>

#if EMBER_USE_CUBLAS
#include <cublas_v2.h>
#endif

#include <ember/generated/Functions.h>
#include <ember/native/LinearAlgebra.h>
#include <ember/native/cuda/KernelUtils.cuh>

namespace ember::native::cuda {
namespace {



struct Strides3 {
  int64_t s0, s1, s2;  // batch, row, column (elements)
};

constexpr int kTile = 16;

template <typename T>
__global__ void gemm_tiled_kernel(int64_t batch, int64_t m, int64_t n, int64_t k, int64_t tiles_n,
                                  acc_t<T> alpha, acc_t<T> beta, bool use_beta,
                                  const T* a, Strides3 sa, const T* b, Strides3 sb, T* c,
                                  Strides3 sc) {
  using A = acc_t<T>;
  __shared__ A as[kTile][kTile + 1];  // +1: no bank conflicts on the column reads
  __shared__ A bs[kTile][kTile + 1];
  const int tx = threadIdx.x, ty = threadIdx.y;
  const int64_t row = (static_cast<int64_t>(blockIdx.x) / tiles_n) * kTile + ty;
  const int64_t col = (static_cast<int64_t>(blockIdx.x) % tiles_n) * kTile + tx;
  for (int64_t bi = blockIdx.y; bi < batch; bi += gridDim.y) {
    const T* ab = a + bi * sa.s0;
    const T* bb = b + bi * sb.s0;
    A acc = A(0);
    for (int64_t p0 = 0; p0 < k; p0 += kTile) {
      as[ty][tx] = (row < m && p0 + tx < k) ? static_cast<A>(ab[row * sa.s1 + (p0 + tx) * sa.s2]) : A(0);
      bs[ty][tx] = (p0 + ty < k && col < n) ? static_cast<A>(bb[(p0 + ty) * sb.s1 + col * sb.s2]) : A(0);
      __syncthreads();
#pragma unroll
      for (int q = 0; q < kTile; ++q) acc = wrap_add(acc, wrap_mul(as[ty][q], bs[q][tx]));
      __syncthreads();
    }
    if (row < m && col < n) {
      T* cp = c + bi * sc.s0 + row * sc.s1 + col * sc.s2;
      A v = wrap_mul(alpha, acc);
      if (use_beta) v = wrap_add(v, wrap_mul(beta, static_cast<A>(*cp)));
      *cp = static_cast<T>(v);
    }
  }
}

void gemm_tiled(const Tensor& c, const Tensor& a, const Tensor& b, const Scalar& beta,
                const Scalar& alpha) {
  const int64_t batch = a.size(0), m = a.size(1), k = a.size(2), n = b.size(2);
  const int64_t tiles_n = ceil_div(n, kTile);
  const int64_t tiles = ceil_div(m, kTile) * tiles_n;
  EMBER_CHECK(tiles <= std::numeric_limits<int32_t>::max(), "mm: matrices too large for CUDA (",
              m, " x ", n, ")");
  const dim3 grid(static_cast<unsigned>(tiles), static_cast<unsigned>(std::min<int64_t>(batch, 65535)));
  const dim3 block(kTile, kTile);
  const Strides3 sa{a.stride(0), a.stride(1), a.stride(2)};
  const Strides3 sb{b.stride(0), b.stride(1), b.stride(2)};
  const Strides3 sc{c.stride(0), c.stride(1), c.stride(2)};
  const bool use_beta = beta.to_double() != 0.0;
  EMBER_DISPATCH_ALL_TYPES(c.dtype(), "addmm_cuda", [&] {
    using A = acc_t<scalar_t>;
    gemm_tiled_kernel<scalar_t><<<grid, block, 0, current_stream()>>>(
        batch, m, n, k, tiles_n, alpha.to<A>(), beta.to<A>(), use_beta,
        static_cast<const scalar_t*>(a.data_ptr()), sa, static_cast<const scalar_t*>(b.data_ptr()),
        sb, static_cast<scalar_t*>(c.data_ptr()), sc);
  });
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

#if EMBER_USE_CUBLAS

[[noreturn]] void throw_cublas_error(cublasStatus_t s, const char* expr) {
  throw Error(str("CUDA error: cuBLAS call ", expr, " failed with status ", static_cast<int>(s)));
}
#define EMBER_CUBLAS_CHECK(EXPR)                                   \
  do {                                                             \
    const cublasStatus_t _s = (EXPR);                              \
    if (_s != CUBLAS_STATUS_SUCCESS) throw_cublas_error(_s, #EXPR); \
  } while (0)

// One handle per device and host thread (a handle is not thread safe), created on first
// use and kept: creating one costs milliseconds.
cublasHandle_t cublas_handle(int device) {
  thread_local cublasHandle_t handles[::ember::cuda::kMaxDevices] = {};
  if (handles[device] == nullptr) EMBER_CUBLAS_CHECK(cublasCreate(&handles[device]));
  EMBER_CUBLAS_CHECK(cublasSetStream(handles[device], current_stream()));
  return handles[device];
}

// How cuBLAS (column-major) sees a row-major-indexed (rows x cols) matrix with strides
// (rs, cs): as itself transposed (cs == 1, "row-major", ld = rs) or as itself (rs == 1,
// "column-major", ld = cs). Unit dims may have any stride.
struct BlasLayout {
  bool ok = false;
  bool col_major = false;
  int64_t ld = 0;
};

BlasLayout blas_layout(int64_t rows, int64_t cols, int64_t rs, int64_t cs) {
  constexpr int64_t kMaxInt = std::numeric_limits<int>::max();
  BlasLayout r;
  const int64_t rs_r = rows == 1 ? std::max<int64_t>(cols, 1) : rs;
  const int64_t cs_r = cols == 1 ? 1 : cs;
  if (cs_r == 1 && rs_r >= std::max<int64_t>(cols, 1) && rs_r <= kMaxInt) return {true, false, rs_r};
  const int64_t rs_c = rows == 1 ? 1 : rs;
  const int64_t cs_c = cols == 1 ? std::max<int64_t>(rows, 1) : cs;
  if (rs_c == 1 && cs_c >= std::max<int64_t>(rows, 1) && cs_c <= kMaxInt) return {true, true, cs_c};
  return r;
}

template <typename T>
void cublas_gemm(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k,
                 const T* alpha, const T* a, int lda, long long sa, const T* b, int ldb,
                 long long sb, const T* beta, T* c, int ldc, long long sc, int batch) {
  if constexpr (std::is_same_v<T, float>) {
    if (batch == 1) {
      EMBER_CUBLAS_CHECK(cublasSgemm(h, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc));
    } else {
      EMBER_CUBLAS_CHECK(cublasSgemmStridedBatched(h, ta, tb, m, n, k, alpha, a, lda, sa, b, ldb,
                                                   sb, beta, c, ldc, sc, batch));
    }
  } else {
    if (batch == 1) {
      EMBER_CUBLAS_CHECK(cublasDgemm(h, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc));
    } else {
      EMBER_CUBLAS_CHECK(cublasDgemmStridedBatched(h, ta, tb, m, n, k, alpha, a, lda, sa, b, ldb,
                                                   sb, beta, c, ldc, sc, batch));
    }
  }
}

// c = beta*c + alpha*(a @ b) with cuBLAS; false when the shapes do not fit its int
// arguments or c has no BLAS layout (the tiled kernel handles those).
template <typename T>
bool gemm_cublas(const Tensor& c, const Tensor& a_in, const Tensor& b_in, const Scalar& beta_s,
                 const Scalar& alpha_s) {
  constexpr int64_t kMaxInt = std::numeric_limits<int>::max();
  const int64_t batch = a_in.size(0), m = a_in.size(1), k = a_in.size(2), n = b_in.size(2);
  if (k == 0 || m > kMaxInt || n > kMaxInt || k > kMaxInt || batch > kMaxInt) return false;
  const BlasLayout lc = blas_layout(m, n, c.stride(1), c.stride(2));
  if (!lc.ok || (batch > 1 && c.stride(0) == 0)) return false;
  // a and b without a BLAS layout are packed into contiguous copies.
  Tensor a = a_in, b = b_in;
  BlasLayout la = blas_layout(m, k, a.stride(1), a.stride(2));
  if (!la.ok) {
    a = ember::clone(a_in, MemoryFormat::Contiguous);
    la = blas_layout(m, k, a.stride(1), a.stride(2));
  }
  BlasLayout lb = blas_layout(k, n, b.stride(1), b.stride(2));
  if (!lb.ok) {
    b = ember::clone(b_in, MemoryFormat::Contiguous);
    lb = blas_layout(k, n, b.stride(1), b.stride(2));
  }
  const T alpha = alpha_s.to<T>(), beta = beta_s.to<T>();
  cublasHandle_t h = cublas_handle(::ember::cuda::current_device_index());
  const T* ap = static_cast<const T*>(a.data_ptr());
  const T* bp = static_cast<const T*>(b.data_ptr());
  T* cp = static_cast<T*>(c.data_ptr());
  const int bt = static_cast<int>(batch);
  if (!lc.col_major) {
    // Row-major c: cuBLAS computes c^T (n x m) = b^T a^T. A row-major operand already
    // is its own transpose in cuBLAS's eyes (no op); a column-major one needs op T.
    cublas_gemm<T>(h, lb.col_major ? CUBLAS_OP_T : CUBLAS_OP_N, la.col_major ? CUBLAS_OP_T : CUBLAS_OP_N,
                   static_cast<int>(n), static_cast<int>(m), static_cast<int>(k), &alpha, bp,
                   static_cast<int>(lb.ld), b.stride(0), ap, static_cast<int>(la.ld), a.stride(0),
                   &beta, cp, static_cast<int>(lc.ld), c.stride(0), bt);
  } else {
    // Column-major c: c (m x n) = a b directly.
    cublas_gemm<T>(h, la.col_major ? CUBLAS_OP_N : CUBLAS_OP_T, lb.col_major ? CUBLAS_OP_N : CUBLAS_OP_T,
                   static_cast<int>(m), static_cast<int>(n), static_cast<int>(k), &alpha, ap,
                   static_cast<int>(la.ld), a.stride(0), bp, static_cast<int>(lb.ld), b.stride(0),
                   &beta, cp, static_cast<int>(lc.ld), c.stride(0), bt);
  }
  return true;
}

#endif  // EMBER_USE_CUBLAS

void baddbmm_kernel_cuda(const Tensor& c, const Tensor& a, const Tensor& b, const Scalar& beta,
                         const Scalar& alpha) {
  const int64_t batch = a.size(0), m = a.size(1), n = b.size(2);
  if (batch == 0 || m == 0 || n == 0) return;
  ::ember::cuda::CUDAGuard guard(c.device());
#if EMBER_USE_CUBLAS
  if (c.dtype() == ScalarType::Float && gemm_cublas<float>(c, a, b, beta, alpha)) return;
  if (c.dtype() == ScalarType::Double && gemm_cublas<double>(c, a, b, beta, alpha)) return;
#endif
  gemm_tiled(c, a, b, beta, alpha);
}

}  // namespace

EMBER_REGISTER_DISPATCH(baddbmm_stub, CUDA, &baddbmm_kernel_cuda);

}  // namespace ember::native::cuda
