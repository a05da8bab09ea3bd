#pragma once
// Pointwise operators with more than two inputs or optional bounds: clamp, where.
// Device-generic out= kernels: PointwiseOps.cpp; CPU loops: native/cpu/PointwiseOpsKernel.cpp.
#include <ember/core/DispatchStub.h>

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

}  // namespace ember
