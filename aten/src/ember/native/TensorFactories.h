#pragma once
// Creation operators, device-generic part (TensorFactories.cpp): dtype inference,
// size computation, out= resizing. The loops that write the values of arange and
// linspace are per device; each receives a contiguous output of the final size.
#include <ember/core/DispatchStub.h>
#include <ember/core/Tensor.h>

namespace ember::native {

// out[i] = start + step * i, computed in the output dtype's accumulation type
// (int64 for integers, double for float/double, float for half/bfloat16), as PyTorch.
using arange_fn = void (*)(const Tensor& out, const Scalar& start, const Scalar& step);
// `steps` (>= 2, == out.numel()) evenly spaced values from start to end inclusive; the
// first half counts up from start and the second half down from end, so both end
// points are exact.
using linspace_fn = void (*)(const Tensor& out, const Scalar& start, const Scalar& end, int64_t steps);

EMBER_DECLARE_DISPATCH(arange_fn, arange_stub);
EMBER_DECLARE_DISPATCH(linspace_fn, linspace_stub);

}  // namespace ember::native
