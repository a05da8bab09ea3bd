// CUDA loops of cumsum / cumprod / logcumsumexp / cummax / cummin (native/Scan.h): one thread per line along `dim`,
// each walking its line sequentially (a grid-stride loop over the lines). Adjacent
// threads own adjacent lines, so with a contiguous innermost dim other than `dim`
// the loads coalesce. The running value is kept in PyTorch's CUDA accumulation type:
// float for float32 and the 16-bit floats, double for float64, int64 for integers.
// Each element is read before it is written, so out may alias in exactly.
#include <algorithm>
#include <type_traits>

#include <ember/native/PointwiseMath.h>
#include <ember/native/Scan.h>
#include <ember/native/cuda/DeviceMath.cuh>
#include <ember/native/cuda/KernelUtils.cuh>

namespace ember::native::cuda {
namespace {

template <typename scalar_t, bool Prod>
__global__ void scan_thread_per_line(LineIndexer lines, int64_t num_lines, int64_t n, int64_t si,
                                     int64_t so, const scalar_t* in, scalar_t* out) {
  using A = acc_t<scalar_t>;
  const int64_t step = static_cast<int64_t>(gridDim.x) * blockDim.x;
  for (int64_t r = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; r < num_lines;
       r += step) {
    int64_t io, oo;
    lines.offsets(r, io, oo);
    const scalar_t* x = in + io;
    scalar_t* y = out + oo;
    A acc = Prod ? A(1) : A(0);
    for (int64_t i = 0; i < n; ++i) {
      const A v = static_cast<A>(x[i * si]);
      if constexpr (Prod) {
        acc = acc * v;
      } else {
        acc = acc + v;
      }
      y[i * so] = static_cast<scalar_t>(acc);
    }
  }
}

template <bool Prod>
void scan_kernel_cuda(const Tensor& out, const Tensor& in, int64_t dim) {
  ::ember::cuda::CUDAGuard guard(in.device());
  const int64_t numel = in.numel();
  if (numel == 0) return;
  const char* op = Prod ? "cumprod" : "cumsum";
  EMBER_CHECK(in.dim() <= kMaxLineDims + 1, op, ": CUDA supports at most ", kMaxLineDims + 1,
              " dims, got ", in.dim());
  LineIndexer lines;
  for (int64_t d = in.dim() - 1; d >= 0; --d) {
    if (d == dim || in.size(d) == 1) continue;
    lines.sizes[lines.ndim] = in.size(d);
    lines.in_strides[lines.ndim] = in.stride(d);
    lines.out_strides[lines.ndim] = out.stride(d);
    ++lines.ndim;
  }
  const int64_t n = in.size(dim);
  const int64_t num_lines = numel / n;
  const int64_t si = in.stride(dim), so = out.stride(dim);
  const cudaStream_t stream = current_stream();
  const unsigned blocks =
      static_cast<unsigned>(std::min<int64_t>(ceil_div(num_lines, kBlockThreads), 1 << 30));
  EMBER_DISPATCH_ALL_TYPES(in.dtype(), op, [&] {
    scan_thread_per_line<scalar_t, Prod><<<blocks, kBlockThreads, 0, stream>>>(
        lines, num_lines, n, si, so, static_cast<const scalar_t*>(in.data_ptr()),
        static_cast<scalar_t*>(out.data_ptr()));
    EMBER_CUDA_KERNEL_LAUNCH_CHECK();
  });
}

// The lines along `dim` of `in`, with out_strides those of the written tensor(s).
LineIndexer line_indexer(const Tensor& in, IntArrayRef out_strides, int64_t dim, const char* op) {
  EMBER_CHECK(in.dim() <= kMaxLineDims + 1, op, ": CUDA supports at most ", kMaxLineDims + 1,
              " dims, got ", in.dim());
  LineIndexer lines;
  for (int64_t d = in.dim() - 1; d >= 0; --d) {
    if (d == dim || in.size(d) == 1) continue;
    lines.sizes[lines.ndim] = in.size(d);
    lines.in_strides[lines.ndim] = in.stride(d);
    lines.out_strides[lines.ndim] = out_strides[d];
    ++lines.ndim;
  }
  return lines;
}

unsigned blocks_for_lines(int64_t num_lines) {
  return static_cast<unsigned>(std::min<int64_t>(ceil_div(num_lines, kBlockThreads), 1 << 30));
}

// log(exp(x) + exp(y)) as PyTorch's _log_add_exp_helper: equal infinities stay.
template <typename A>
EMBER_DEVICE inline A log_add_exp(A x, A y) {
  const bool y_nan = y != y;
  const A lo = y_nan ? y : (x < y ? x : y);
  const A hi = y_nan ? y : (x < y ? y : x);
  const bool lo_finite = lo - lo == A(0);
  if (lo != hi || lo_finite) return hi + math::log1p(math::exp(lo - hi));
  return x;
}

template <typename scalar_t>
__global__ void logcumsumexp_thread_per_line(LineIndexer lines, int64_t num_lines, int64_t n,
                                             int64_t si, int64_t so, const scalar_t* in,
                                             scalar_t* out) {
  using A = acc_t<scalar_t>;
  const int64_t step = static_cast<int64_t>(gridDim.x) * blockDim.x;
  for (int64_t r = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; r < num_lines;
       r += step) {
    int64_t io, oo;
    lines.offsets(r, io, oo);
    A acc = -A(INFINITY);
    for (int64_t i = 0; i < n; ++i) {
      acc = log_add_exp(acc, static_cast<A>(in[io + i * si]));
      out[oo + i * so] = static_cast<scalar_t>(acc);
    }
  }
}

void logcumsumexp_kernel_cuda(const Tensor& out, const Tensor& in, int64_t dim) {
  ::ember::cuda::CUDAGuard guard(in.device());
  const int64_t numel = in.numel();
  if (numel == 0) return;
  const LineIndexer lines = line_indexer(in, out.strides(), dim, "logcumsumexp");
  const int64_t n = in.size(dim);
  const int64_t num_lines = numel / n;
  EMBER_DISPATCH_FLOATING_TYPES(in.dtype(), "logcumsumexp", [&] {
    logcumsumexp_thread_per_line<scalar_t><<<blocks_for_lines(num_lines), kBlockThreads, 0, current_stream()>>>(
        lines, num_lines, n, in.stride(dim), out.stride(dim), static_cast<const scalar_t*>(in.data_ptr()),
        static_cast<scalar_t*>(out.data_ptr()));
    EMBER_CUDA_KERNEL_LAUNCH_CHECK();
  });
}

// values and indices share their (contiguous) strides: LineIndexer's out_strides.
template <typename scalar_t, bool Max>
__global__ void cum_extreme_thread_per_line(LineIndexer lines, int64_t num_lines, int64_t n,
                                            int64_t si, int64_t so, const scalar_t* in,
                                            scalar_t* values, int64_t* indices) {
  const int64_t step = static_cast<int64_t>(gridDim.x) * blockDim.x;
  for (int64_t r = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; r < num_lines;
       r += step) {
    int64_t io, oo;
    lines.offsets(r, io, oo);
    scalar_t best = in[io];
    int64_t best_i = 0;
    for (int64_t i = 0; i < n; ++i) {
      const scalar_t x = in[io + i * si];
      if (cum_extreme_takes<Max>(x, best)) {
        best = x;
        best_i = i;
      }
      values[oo + i * so] = best;
      indices[oo + i * so] = best_i;
    }
  }
}

template <bool Max>
void cum_extreme_kernel_cuda(const Tensor& values, const Tensor& indices, const Tensor& in, int64_t dim) {
  ::ember::cuda::CUDAGuard guard(in.device());
  const int64_t numel = in.numel();
  if (numel == 0) return;
  const char* op = Max ? "cummax" : "cummin";
  const LineIndexer lines = line_indexer(in, values.strides(), dim, op);
  const int64_t n = in.size(dim);
  const int64_t num_lines = numel / n;
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), op, [&] {
    cum_extreme_thread_per_line<scalar_t, Max><<<blocks_for_lines(num_lines), kBlockThreads, 0, current_stream()>>>(
        lines, num_lines, n, in.stride(dim), values.stride(dim), static_cast<const scalar_t*>(in.data_ptr()),
        static_cast<scalar_t*>(values.data_ptr()), static_cast<int64_t*>(indices.data_ptr()));
    EMBER_CUDA_KERNEL_LAUNCH_CHECK();
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(logcumsumexp_stub, CUDA, &logcumsumexp_kernel_cuda);
EMBER_REGISTER_DISPATCH(cummax_stub, CUDA, &cum_extreme_kernel_cuda<true>);
EMBER_REGISTER_DISPATCH(cummin_stub, CUDA, &cum_extreme_kernel_cuda<false>);
EMBER_REGISTER_DISPATCH(cumsum_stub, CUDA, &scan_kernel_cuda<false>);
EMBER_REGISTER_DISPATCH(cumprod_stub, CUDA, &scan_kernel_cuda<true>);

}  // namespace ember::native::cuda
