// CPU loops for softmax / log_softmax (SoftMax.h), computed stably:
//   m = max(x);  s = sum(exp(x - m));  softmax = exp(x - m) / s;  log_softmax = x - m - log(s)
// The 16-bit floats compute in float. Two shapes:
//  - runs: the softmax dim is the input's innermost (or the layout is irregular):
//    each run along the dim is handled on its own, runs split across threads;
//  - columns: contiguous input and output with dims after the softmax dim: for each
//    outer index the (n x inner) block is processed row by row with per-column
//    max/sum buffers, which keeps the loops contiguous and vectorizable.
#include <ember/native/Reduce.h>
#include <ember/native/SoftMax.h>
#include <ember/native/cpu/ReduceLoops.h>

#include <cmath>
#include <vector>

namespace ember::native {
namespace {

using namespace cpu;

template <typename scalar_t, bool Log>
void softmax_run(const scalar_t* in, int64_t n, int64_t si, scalar_t* out, int64_t so) {
  using A = acc_t<scalar_t>;
  const A m = static_cast<A>(extremum_run<true>(in, n, si));
  // A run whose max is +-inf or nan: x - m is nan for the inf entries, as in PyTorch.
  A s = 0;
  if constexpr (!Log && std::is_same_v<A, scalar_t>) {
    // Keep exp(x - m) in `out` for the final scaling (safe when out aliases in:
    // every element is read before it is written).
    for (int64_t i = 0; i < n; ++i) {
      const A e = std::exp(static_cast<A>(in[i * si]) - m);
      out[i * so] = e;
      s += e;
    }
    const A inv = A(1) / s;
    for (int64_t i = 0; i < n; ++i) out[i * so] = out[i * so] * inv;
  } else {
    for (int64_t i = 0; i < n; ++i) s += std::exp(static_cast<A>(in[i * si]) - m);
    if constexpr (Log) {
      const A shift = m + std::log(s);
      for (int64_t i = 0; i < n; ++i) out[i * so] = static_cast<scalar_t>(static_cast<A>(in[i * si]) - shift);
    } else {
      const A inv = A(1) / s;
      for (int64_t i = 0; i < n; ++i)
        out[i * so] = static_cast<scalar_t>(std::exp(static_cast<A>(in[i * si]) - m) * inv);
    }
  }
}

// Contiguous (outer, n, inner) block, inner > 1, scalar_t float or double.
template <typename scalar_t, bool Log>
void softmax_columns(const scalar_t* in, scalar_t* out, int64_t outer, int64_t n, int64_t inner) {
  parallel_chunks(outer, n * inner, [&](int64_t b, int64_t e) {
    std::vector<scalar_t> mx(inner), sm(inner);
    for (int64_t o = b; o < e; ++o) {
      const scalar_t* x = in + o * n * inner;
      scalar_t* y = out + o * n * inner;
      scalar_t* EMBER_RESTRICT M = mx.data();
      scalar_t* EMBER_RESTRICT S = sm.data();
      for (int64_t j = 0; j < inner; ++j) {
        M[j] = x[j];
        S[j] = 0;
      }
      for (int64_t r = 1; r < n; ++r) {
        const scalar_t* row = x + r * inner;
        for (int64_t j = 0; j < inner; ++j) M[j] = pick<true>(M[j], row[j]);
      }
      for (int64_t r = 0; r < n; ++r) {
        const scalar_t* row = x + r * inner;
        scalar_t* orow = y + r * inner;
        for (int64_t j = 0; j < inner; ++j) {
          const scalar_t ev = std::exp(row[j] - M[j]);
          if constexpr (!Log) orow[j] = ev;
          S[j] += ev;
        }
      }
      if constexpr (Log) {
        for (int64_t j = 0; j < inner; ++j) S[j] = M[j] + std::log(S[j]);
        for (int64_t r = 0; r < n; ++r) {
          const scalar_t* row = x + r * inner;
          scalar_t* orow = y + r * inner;
          for (int64_t j = 0; j < inner; ++j) orow[j] = row[j] - S[j];
        }
      } else {
        for (int64_t j = 0; j < inner; ++j) S[j] = scalar_t(1) / S[j];
        for (int64_t r = 0; r < n; ++r) {
          scalar_t* orow = y + r * inner;
          for (int64_t j = 0; j < inner; ++j) orow[j] *= S[j];
        }
      }
    }
  });
}

template <bool Log>
void softmax_kernel(const Tensor& out, const Tensor& in, int64_t dim) {
  EMBER_DISPATCH_FLOATING_TYPES(in.dtype(), Log ? "log_softmax" : "softmax", [&] {
    const scalar_t* src = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* dst = static_cast<scalar_t*>(out.data_ptr());
    const int64_t nd = in.dim();
    const int64_t n = in.size(dim);
    int64_t inner = 1, outer = 1;
    for (int64_t d = dim + 1; d < nd; ++d) inner *= in.size(d);
    for (int64_t d = 0; d < dim; ++d) outer *= in.size(d);
    if constexpr (std::is_same_v<scalar_t, float> || std::is_same_v<scalar_t, double>) {
      if (inner > 1 && in.is_contiguous() && out.is_contiguous()) {
        softmax_columns<scalar_t, Log>(src, dst, outer, n, inner);
        return;
      }
    }
    // Runs along `dim`: iterate the other dims with an odometer.
    int64_t sizes[kMaxReduceDims], sin[kMaxReduceDims], sout[kMaxReduceDims];
    int k = 0;
    EMBER_CHECK(nd <= kMaxReduceDims + 1, "softmax: too many dims (", nd, ")");
    for (int64_t d = nd - 1; d >= 0; --d) {
      if (d == dim) continue;
      sizes[k] = in.size(d);
      sin[k] = in.stride(d);
      sout[k] = out.stride(d);
      ++k;
    }
    const int64_t runs = outer * inner;
    const int64_t si = in.stride(dim), so = out.stride(dim);
    parallel_chunks(runs, n, [&](int64_t b, int64_t e) {
      OffsetCounter oc(k, sizes, sin, sout);
      oc.seek(b);
      for (int64_t r = b; r < e; ++r) {
        softmax_run<scalar_t, Log>(src + oc.off_a, n, si, dst + oc.off_b, so);
        oc.next();
      }
    });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(softmax_stub, CPU, &softmax_kernel<false>);
EMBER_REGISTER_DISPATCH(log_softmax_stub, CPU, &softmax_kernel<true>);

}  // namespace ember::native
