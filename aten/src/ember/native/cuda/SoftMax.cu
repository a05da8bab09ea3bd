// CUDA loops of softmax / log_softmax (native/SoftMax.h), computed stably like the CPU:
//   m = max(x) (NaN-propagating);  s = sum(exp(x - m));
//   softmax = exp(x - m) / s;  log_softmax = x - m - log(s)
// in float for the 16-bit floats. Two per-row kernels:
//   - block per row when the softmax dim is contiguous (the usual last-dim softmax):
//     the block's threads stride over the row and combine max and sum with the
//     shared-memory block_reduce of Reduce.cuh;
//   - thread per row otherwise (softmax over an outer dim): each thread walks its row
//     three times; adjacent threads own adjacent rows, so with a contiguous innermost
//     dim the loads coalesce.
// Every row is read completely before it is written, so out may alias in exactly.
#include <cmath>

#include <ember/native/SoftMax.h>
#include <ember/native/cuda/Reduce.cuh>

namespace ember::native::cuda {
namespace {

template <typename A>
EMBER_DEVICE inline A nan_max(A a, A b) {
  if (a != a) return a;
  if (b != b) return b;
  return b > a ? b : a;
}

EMBER_DEVICE inline float exp_(float x) { return ::expf(x); }
EMBER_DEVICE inline double exp_(double x) { return ::exp(x); }
EMBER_DEVICE inline float log_(float x) { return ::logf(x); }
EMBER_DEVICE inline double log_(double x) { return ::log(x); }

template <typename scalar_t, bool Log>
__global__ void softmax_block_per_row(LineIndexer rows, int64_t num_rows, int64_t n, int64_t si,
                                      int64_t so, const scalar_t* in, scalar_t* out) {
  using A = opmath_t<scalar_t>;
  extern __shared__ __align__(16) unsigned char softmax_smem[];
  A* smem = reinterpret_cast<A*>(softmax_smem);
  for (int64_t r = blockIdx.x; r < num_rows; r += gridDim.x) {
    int64_t io, oo;
    rows.offsets(r, io, oo);
    const scalar_t* x = in + io;
    scalar_t* y = out + oo;
    A m = -INFINITY;
    for (int64_t i = threadIdx.x; i < n; i += blockDim.x) m = nan_max(m, static_cast<A>(x[i * si]));
    m = block_reduce(m, smem, [](A a, A b) { return nan_max(a, b); });
    A s = 0;
    for (int64_t i = threadIdx.x; i < n; i += blockDim.x) s += exp_(static_cast<A>(x[i * si]) - m);
    s = block_reduce(s, smem, [](A a, A b) { return a + b; });
    if constexpr (Log) {
      const A shift = m + log_(s);
      for (int64_t i = threadIdx.x; i < n; i += blockDim.x)
        y[i * so] = static_cast<scalar_t>(static_cast<A>(x[i * si]) - shift);
    } else {
      const A inv = A(1) / s;
      for (int64_t i = threadIdx.x; i < n; i += blockDim.x)
        y[i * so] = static_cast<scalar_t>(exp_(static_cast<A>(x[i * si]) - m) * inv);
    }
  }
}

template <typename scalar_t, bool Log>
__global__ void softmax_thread_per_row(LineIndexer rows, int64_t num_rows, int64_t n, int64_t si,
                                       int64_t so, const scalar_t* in, scalar_t* out) {
  using A = opmath_t<scalar_t>;
  const int64_t r = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (r >= num_rows) return;
  int64_t io, oo;
  rows.offsets(r, io, oo);
  const scalar_t* x = in + io;
  scalar_t* y = out + oo;
  A m = -INFINITY;
  for (int64_t i = 0; i < n; ++i) m = nan_max(m, static_cast<A>(x[i * si]));
  A s = 0;
  for (int64_t i = 0; i < n; ++i) s += exp_(static_cast<A>(x[i * si]) - m);
  if constexpr (Log) {
    const A shift = m + log_(s);
    for (int64_t i = 0; i < n; ++i) y[i * so] = static_cast<scalar_t>(static_cast<A>(x[i * si]) - shift);
  } else {
    const A inv = A(1) / s;
    for (int64_t i = 0; i < n; ++i) y[i * so] = static_cast<scalar_t>(exp_(static_cast<A>(x[i * si]) - m) * inv);
  }
}

template <bool Log>
void softmax_kernel_cuda(const Tensor& out, const Tensor& in, int64_t dim) {
  ::ember::cuda::CUDAGuard guard(in.device());
  const int64_t numel = in.numel();
  if (numel == 0) return;
  const int64_t n = in.size(dim);
  EMBER_CHECK(in.dim() <= kMaxLineDims + 1, "softmax: CUDA supports at most ", kMaxLineDims + 1,
              " dims, got ", in.dim());
  LineIndexer rows;
  for (int64_t d = in.dim() - 1; d >= 0; --d) {
    if (d == dim || in.size(d) == 1) continue;
    rows.sizes[rows.ndim] = in.size(d);
    rows.in_strides[rows.ndim] = in.stride(d);
    rows.out_strides[rows.ndim] = out.stride(d);
    ++rows.ndim;
  }
  const int64_t num_rows = numel / n;
  const int64_t si = in.stride(dim), so = out.stride(dim);
  const cudaStream_t stream = current_stream();
  EMBER_DISPATCH_FLOATING_TYPES(in.dtype(), Log ? "log_softmax" : "softmax", [&] {
    using A = opmath_t<scalar_t>;
    const scalar_t* x = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* y = static_cast<scalar_t*>(out.data_ptr());
    // A contiguous softmax dim, or too few rows to keep the GPU busy one thread each.
    if (si == 1 || num_rows < 4 * kBlockThreads) {
      const int threads = std::min(512, std::max(32, next_pow2(n)));
      const unsigned blocks = static_cast<unsigned>(std::min<int64_t>(num_rows, 1 << 30));
      softmax_block_per_row<scalar_t, Log><<<blocks, threads, threads * sizeof(A), stream>>>(
          rows, num_rows, n, si, so, x, y);
    } else {
      const unsigned blocks = static_cast<unsigned>(ceil_div(num_rows, kBlockThreads));
      softmax_thread_per_row<scalar_t, Log><<<blocks, kBlockThreads, 0, stream>>>(
          rows, num_rows, n, si, so, x, y);
    }
    EMBER_CUDA_KERNEL_LAUNCH_CHECK();
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(softmax_stub, CUDA, &softmax_kernel_cuda<false>);
EMBER_REGISTER_DISPATCH(log_softmax_stub, CUDA, &softmax_kernel_cuda<true>);

}  // namespace ember::native::cuda
