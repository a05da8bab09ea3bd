#pragma once
// Pointwise operators with more than two inputs or optional bounds: clamp, where,
// lerp, addcmul, addcdiv.
// Device-generic out= kernels: PointwiseOps.cpp; CPU loops: native/cpu/PointwiseOpsKernel.cpp.
#include <ember/core/DispatchStub.h>
#include <ember/core/Scalar.h>

namespace ember {

class TensorIterator;

using pointwise_fn = void (*)(TensorIterator&);

// inputs (self, min, max) of one dtype: minimum(maximum(self, min), max), NaN-propagating
EMBER_DECLARE_DISPATCH(pointwise_fn, clamp_stub);
// inputs (self, bound)
EMBER_DECLARE_DISPATCH(pointwise_fn, clamp_min_stub);
EMBER_DECLARE_DISPATCH(pointwise_fn, clamp_max_stub);
// inputs (condition: bool, self, other: one dtype) -> condition ? self : other
EMBER_DECLARE_DISPATCH(pointwise_fn, where_stub);

using pointwise_scalar_fn = void (*)(TensorIterator&, const Scalar&);
// floating dtypes; inputs (self, end) and a number weight, or (self, end, weight):
// self + weight * (end - self), computed from `end` when |weight| >= 0.5 (PyTorch's
// formula, exact at weight 0 and 1)
EMBER_DECLARE_DISPATCH(pointwise_scalar_fn, lerp_scalar_stub);
EMBER_DECLARE_DISPATCH(pointwise_fn, lerp_tensor_stub);
// inputs (self, tensor1, tensor2) of one dtype: self + value * tensor1 * tensor2 and
// self + value * tensor1 / tensor2 (addcdiv: never both integral)
EMBER_DECLARE_DISPATCH(pointwise_scalar_fn, addcmul_stub);
EMBER_DECLARE_DISPATCH(pointwise_scalar_fn, addcdiv_stub);

}  // namespace ember
