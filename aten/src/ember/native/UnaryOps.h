#pragma once
// Unary pointwise operators. Device-generic out= kernels: UnaryOps.cpp; CPU loops:
// native/cpu/UnaryOpsKernel.cpp. Float functions (exp, log, sqrt, rsqrt, sin, cos, tanh,
// sigmoid) see floating dtypes only: integer inputs are promoted to the default dtype.
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

}  // namespace ember
