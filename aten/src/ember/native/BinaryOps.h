#pragma once
// Binary pointwise operators: arithmetic, pow, maximum/minimum, comparisons, logical
// and/or. The device-generic out= kernels (BinaryOps.cpp) build the TensorIterator and
// call these stubs; CPU loops: native/cpu/BinaryOpsKernel.cpp.
#include <ember/core/DispatchStub.h>
#include <ember/core/Scalar.h>

namespace ember {

class TensorIterator;

using binary_fn = void (*)(TensorIterator&);
using binary_fn_alpha = void (*)(TensorIterator&, const Scalar& alpha);

// out = a + alpha * b (sub is add with -alpha)
EMBER_DECLARE_DISPATCH(binary_fn_alpha, add_stub);
EMBER_DECLARE_DISPATCH(binary_fn, mul_stub);
// true division (floating dtypes only: the iterator promotes integers)
EMBER_DECLARE_DISPATCH(binary_fn, div_true_stub);
// rounding division; integer division by zero raises "ZeroDivisionError"
EMBER_DECLARE_DISPATCH(binary_fn, div_trunc_stub);
EMBER_DECLARE_DISPATCH(binary_fn, div_floor_stub);
EMBER_DECLARE_DISPATCH(binary_fn, pow_stub);
// modulus: remainder takes the divisor's sign (Python), fmod the dividend's (C); integer
// modulo by zero raises "ZeroDivisionError"
EMBER_DECLARE_DISPATCH(binary_fn, remainder_stub);
EMBER_DECLARE_DISPATCH(binary_fn, fmod_stub);
// integer and bool dtypes only
EMBER_DECLARE_DISPATCH(binary_fn, bitwise_and_stub);
EMBER_DECLARE_DISPATCH(binary_fn, bitwise_or_stub);
EMBER_DECLARE_DISPATCH(binary_fn, bitwise_xor_stub);
// NaN-propagating
EMBER_DECLARE_DISPATCH(binary_fn, maximum_stub);
EMBER_DECLARE_DISPATCH(binary_fn, minimum_stub);
// comparisons: inputs of the common dtype (iter.input_dtype()), bool output
EMBER_DECLARE_DISPATCH(binary_fn, eq_stub);
EMBER_DECLARE_DISPATCH(binary_fn, ne_stub);
EMBER_DECLARE_DISPATCH(binary_fn, lt_stub);
EMBER_DECLARE_DISPATCH(binary_fn, le_stub);
EMBER_DECLARE_DISPATCH(binary_fn, gt_stub);
EMBER_DECLARE_DISPATCH(binary_fn, ge_stub);
// truth values of any-dtype inputs, bool output
EMBER_DECLARE_DISPATCH(binary_fn, logical_and_stub);
EMBER_DECLARE_DISPATCH(binary_fn, logical_or_stub);
// float functions of two arguments; inputs arrive in a floating common dtype (atan2,
// xlogy and copysign promote integers to the default dtype, the others reject them)
EMBER_DECLARE_DISPATCH(binary_fn, atan2_stub);
EMBER_DECLARE_DISPATCH(binary_fn, hypot_stub);
EMBER_DECLARE_DISPATCH(binary_fn, logaddexp_stub);
EMBER_DECLARE_DISPATCH(binary_fn, logaddexp2_stub);
EMBER_DECLARE_DISPATCH(binary_fn, xlogy_stub);
EMBER_DECLARE_DISPATCH(binary_fn, copysign_stub);
EMBER_DECLARE_DISPATCH(binary_fn, nextafter_stub);
// every dtype, bool included: x == 0 ? values : (x > 0)
EMBER_DECLARE_DISPATCH(binary_fn, heaviside_stub);

}  // namespace ember
