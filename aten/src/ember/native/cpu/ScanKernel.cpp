// CPU loops of cumsum / cumprod / logcumsumexp / cummax / cummin (Scan.h): one sequential scan per line along `dim`,
// lines split across threads. The running value is kept in PyTorch's CPU
// accumulation type (at::acc_type<T, /*is_cuda=*/false>): double for float32 and
// float64, float for the 16-bit floats, int64 for integers; each output element is
// the running value rounded once to the result dtype.
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include <ember/native/PointwiseMath.h>
#include <ember/native/Reduce.h>
#include <ember/native/Scan.h>
#include <ember/native/cpu/ReduceLoops.h>

namespace ember::native {
namespace {

using namespace cpu;

template <typename T>
using scan_acc_t = std::conditional_t<
    std::is_floating_point_v<T>, double,
    std::conditional_t<std::is_integral_v<T>, int64_t, float>>;  // else Half / BFloat16

template <typename scalar_t, bool Prod>
void scan_line(const scalar_t* in, int64_t n, int64_t si, scalar_t* out, int64_t so) {
  using A = scan_acc_t<scalar_t>;
  A acc = Prod ? A(1) : A(0);
  for (int64_t i = 0; i < n; ++i) {
    const A v = static_cast<A>(in[i * si]);
    if constexpr (Prod) {
      acc = acc * v;
    } else {
      acc = acc + v;
    }
    out[i * so] = static_cast<scalar_t>(acc);
  }
}

template <bool Prod>
void scan_kernel(const Tensor& out, const Tensor& in, int64_t dim) {
  EMBER_DISPATCH_ALL_TYPES(in.dtype(), Prod ? "cumprod" : "cumsum", [&] {
    const scalar_t* src = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* dst = static_cast<scalar_t*>(out.data_ptr());
    const int64_t nd = in.dim();
    const int64_t n = in.size(dim);
    // The other dims, innermost first, iterated with an odometer.
    int64_t sizes[kMaxReduceDims], sin[kMaxReduceDims], sout[kMaxReduceDims];
    int k = 0;
    int64_t lines = 1;
    EMBER_CHECK(nd <= kMaxReduceDims + 1, Prod ? "cumprod" : "cumsum", ": too many dims (", nd, ")");
    for (int64_t d = nd - 1; d >= 0; --d) {
      if (d == dim) continue;
      sizes[k] = in.size(d);
      sin[k] = in.stride(d);
      sout[k] = out.stride(d);
      lines *= sizes[k];
      ++k;
    }
    const int64_t si = in.stride(dim), so = out.stride(dim);
    parallel_chunks(lines, n, [&](int64_t b, int64_t e) {
      OffsetCounter oc(k, sizes, sin, sout);
      oc.seek(b);
      for (int64_t r = b; r < e; ++r) {
        scan_line<scalar_t, Prod>(src + oc.off_a, n, si, dst + oc.off_b, so);
        oc.next();
      }
    });
  });
}

// log(exp(x) + exp(y)), PyTorch's _log_add_exp_helper: equal infinities stay as they are.
template <typename A>
A log_add_exp(A x, A y) {
  const A lo = std::isnan(y) ? y : std::min(x, y);
  const A hi = std::isnan(y) ? y : std::max(x, y);
  if (lo != hi || std::isfinite(lo)) return hi + std::log1p(std::exp(lo - hi));
  return x;
}

void logcumsumexp_kernel(const Tensor& out, const Tensor& in, int64_t dim) {
  EMBER_DISPATCH_FLOATING_TYPES(in.dtype(), "logcumsumexp", [&] {
    using A = scan_acc_t<scalar_t>;
    const scalar_t* src = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* dst = static_cast<scalar_t*>(out.data_ptr());
    const int64_t n = in.size(dim), si = in.stride(dim), so = out.stride(dim);
    for_each_line(in, out.strides(), dim, n, "logcumsumexp", [&](int64_t ia, int64_t ob) {
      A acc = -std::numeric_limits<A>::infinity();
      for (int64_t i = 0; i < n; ++i) {
        acc = log_add_exp(acc, static_cast<A>(src[ia + i * si]));
        dst[ob + i * so] = static_cast<scalar_t>(acc);
      }
    });
  });
}

template <bool Max>
void cum_extreme_kernel(const Tensor& values, const Tensor& indices, const Tensor& in, int64_t dim) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), Max ? "cummax" : "cummin", [&] {
    const scalar_t* src = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* vals = static_cast<scalar_t*>(values.data_ptr());
    int64_t* idxs = static_cast<int64_t*>(indices.data_ptr());
    const int64_t n = in.size(dim), si = in.stride(dim), so = values.stride(dim);
    for_each_line(in, values.strides(), dim, n, Max ? "cummax" : "cummin", [&](int64_t ia, int64_t ob) {
      scalar_t best = src[ia];
      int64_t best_i = 0;
      for (int64_t i = 0; i < n; ++i) {
        const scalar_t x = src[ia + i * si];
        if (cum_extreme_takes<Max>(x, best)) {
          best = x;
          best_i = i;
        }
        vals[ob + i * so] = best;
        idxs[ob + i * so] = best_i;
      }
    });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(logcumsumexp_stub, CPU, &logcumsumexp_kernel);
EMBER_REGISTER_DISPATCH(cummax_stub, CPU, &cum_extreme_kernel<true>);
EMBER_REGISTER_DISPATCH(cummin_stub, CPU, &cum_extreme_kernel<false>);
EMBER_REGISTER_DISPATCH(cumsum_stub, CPU, &scan_kernel<false>);
EMBER_REGISTER_DISPATCH(cumprod_stub, CPU, &scan_kernel<true>);

}  // namespace ember::native
