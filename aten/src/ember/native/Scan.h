#pragma once
// Per-device loops behind cumsum_out / cumprod_out / logcumsumexp_out / cummax_out /
// cummin_out (Scan.cpp). CPU loops:
// native/cpu/ScanKernel.cpp; CUDA: native/cuda/Scan.cu.
#include <ember/core/DispatchStub.h>
#include <ember/core/Tensor.h>

namespace ember::native {

// The inclusive scan of `in` along `dim` (wrapped, in.dim() >= 1) into `out`: same
// shape and dtype (Scan.cpp converts the input to the result dtype first), any
// strides, same device, numel() > 0. Each line along `dim` is read element by element
// ahead of its writes, so `out` may alias `in` exactly.
using scan_fn = void (*)(const Tensor& out, const Tensor& in, int64_t dim);
EMBER_DECLARE_DISPATCH(scan_fn, cumsum_stub);
EMBER_DECLARE_DISPATCH(scan_fn, cumprod_stub);
// log(cumsum(exp(in))) computed stably (floating dtypes only), with PyTorch's handling
// of infinities: log(exp(-inf) + exp(-inf)) = -inf, log(exp(inf) + exp(inf)) = inf.
EMBER_DECLARE_DISPATCH(scan_fn, logcumsumexp_stub);

// cummax / cummin: values[i] = the running max (min) of in[0..i] along `dim`, indices[i]
// (int64) its position. Ties move the index to the newest element (>= / <=, as PyTorch
// does), and NaN wins: once seen it stays, each further NaN taking the index.
// `values` and `indices` are contiguous with the same shape as `in` (so one set of
// element strides addresses both) and do not overlap `in`; in.numel() > 0, in.dim() >= 1.
using cum_extreme_fn = void (*)(const Tensor& values, const Tensor& indices, const Tensor& in,
                                int64_t dim);
EMBER_DECLARE_DISPATCH(cum_extreme_fn, cummax_stub);
EMBER_DECLARE_DISPATCH(cum_extreme_fn, cummin_stub);

}  // namespace ember::native
