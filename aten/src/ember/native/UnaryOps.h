#pragma once
// Unary pointwise operators. Device-generic out= kernels: UnaryOps.cpp; CPU loops:
// native/cpu/UnaryOpsKernel.cpp. Float functions (exp, log, sqrt, rsqrt, sin, cos, tanh,
// sigmoid) see floating dtypes only: integer inputs are promoted to the default dtype.
#include <optional>

#include <ember/core/DispatchStub.h>

namespace ember {

class TensorIterator;

using unary_fn = void (*)(TensorIterator&);

EMBER_DECLARE_DISPATCH(unary_fn, neg_stub);
EMBER_DECLARE_DISPATCH(unary_fn, abs_stub);
EMBER_DECLARE_DISPATCH(unary_fn, exp_stub);
EMBER_DECLARE_DISPATCH(unary_fn, log_stub);
EMBER_DECLARE_DISPATCH(unary_fn, sqrt_stub);
EMBER_DECLARE_DISPATCH(unary_fn, rsqrt_stub);
EMBER_DECLARE_DISPATCH(unary_fn, sin_stub);
EMBER_DECLARE_DISPATCH(unary_fn, cos_stub);
EMBER_DECLARE_DISPATCH(unary_fn, tanh_stub);
EMBER_DECLARE_DISPATCH(unary_fn, sigmoid_stub);
// input of any dtype (iter.input_dtype()), bool output
EMBER_DECLARE_DISPATCH(unary_fn, logical_not_stub);
// rounding: integer dtypes pass through unchanged; round is half-to-even
EMBER_DECLARE_DISPATCH(unary_fn, floor_stub);
EMBER_DECLARE_DISPATCH(unary_fn, ceil_stub);
EMBER_DECLARE_DISPATCH(unary_fn, round_stub);
EMBER_DECLARE_DISPATCH(unary_fn, trunc_stub);
// every dtype, bool included; sign(NaN) is 0
EMBER_DECLARE_DISPATCH(unary_fn, sign_stub);
// integer and bool dtypes
EMBER_DECLARE_DISPATCH(unary_fn, bitwise_not_stub);
// more float functions (integer inputs promoted to the default dtype)
EMBER_DECLARE_DISPATCH(unary_fn, reciprocal_stub);
EMBER_DECLARE_DISPATCH(unary_fn, log2_stub);
EMBER_DECLARE_DISPATCH(unary_fn, log10_stub);
EMBER_DECLARE_DISPATCH(unary_fn, log1p_stub);
EMBER_DECLARE_DISPATCH(unary_fn, expm1_stub);
EMBER_DECLARE_DISPATCH(unary_fn, tan_stub);
EMBER_DECLARE_DISPATCH(unary_fn, asin_stub);
EMBER_DECLARE_DISPATCH(unary_fn, acos_stub);
EMBER_DECLARE_DISPATCH(unary_fn, atan_stub);
EMBER_DECLARE_DISPATCH(unary_fn, sinh_stub);
EMBER_DECLARE_DISPATCH(unary_fn, cosh_stub);
EMBER_DECLARE_DISPATCH(unary_fn, erf_stub);
EMBER_DECLARE_DISPATCH(unary_fn, exp2_stub);
EMBER_DECLARE_DISPATCH(unary_fn, sinc_stub);
EMBER_DECLARE_DISPATCH(unary_fn, asinh_stub);
EMBER_DECLARE_DISPATCH(unary_fn, acosh_stub);
EMBER_DECLARE_DISPATCH(unary_fn, atanh_stub);
EMBER_DECLARE_DISPATCH(unary_fn, erfc_stub);
EMBER_DECLARE_DISPATCH(unary_fn, erfinv_stub);
// log(x / (1 - x)) with x clamped to [eps, 1 - eps] when eps >= 0 (a negative eps: no clamp)
using logit_fn = void (*)(TensorIterator&, double eps);
EMBER_DECLARE_DISPATCH(logit_fn, logit_stub);
// floating dtypes only: x - trunc(x)
EMBER_DECLARE_DISPATCH(unary_fn, frac_stub);
// every dtype (integers and bool pass through); NaN, +inf, -inf replaced by the given
// values, else by 0, the dtype's largest and its lowest finite value
using nan_to_num_fn = void (*)(TensorIterator&, std::optional<double> nan, std::optional<double> posinf,
                               std::optional<double> neginf);
EMBER_DECLARE_DISPATCH(nan_to_num_fn, nan_to_num_stub);
// input of any dtype (iter.input_dtype()), bool output; false for integers where it can't hold
EMBER_DECLARE_DISPATCH(unary_fn, signbit_stub);
EMBER_DECLARE_DISPATCH(unary_fn, isposinf_stub);
EMBER_DECLARE_DISPATCH(unary_fn, isneginf_stub);

}  // namespace ember
