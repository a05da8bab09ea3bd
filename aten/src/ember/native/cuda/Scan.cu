// CUDA loops of cumsum / cumprod (native/Scan.h): one thread per line along `dim`,
// each walking its line sequentially (a grid-stride loop over the lines). Adjacent
// threads own adjacent lines, so with a contiguous innermost dim other than `dim`
// the loads coalesce. The running value is kept in PyTorch's CUDA accumulation type:
// float for float32 and the 16-bit floats, double for float64, int64 for integers.
// Each element is read before it is written, so out may alias in exactly.
#include <algorithm>
#include <type_traits>

#include <ember/native/Scan.h>
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

}  // namespace

EMBER_REGISTER_DISPATCH(cumsum_stub, CUDA, &scan_kernel_cuda<false>);
EMBER_REGISTER_DISPATCH(cumprod_stub, CUDA, &scan_kernel_cuda<true>);

}  // namespace ember::native::cuda
