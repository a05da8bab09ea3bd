#pragma once
// Per-device loops behind sort / topk (Sorting.cpp). CPU loops:
// native/cpu/SortingKernel.cpp. No CUDA loops yet: on a CUDA tensor the stubs raise
// NotImplementedError naming the operator.
//
// Order (PyTorch's, for NumPy compatibility): NaN is greater than every other value,
// so it sorts last ascending and first descending, and topk(largest=True) picks it
// first.
#include <ember/core/DispatchStub.h>
#include <ember/core/Tensor.h>

namespace ember::native {

// Sorts every line of `values` along `dim` (wrapped, values.dim() >= 1) in place and
// writes each element's original position along `dim` to `indices` (int64, same
// shape). `values` holds a copy of the input; neither tensor overlaps the input.
// A stable sort keeps equal elements in their original order.
using sort_fn = void (*)(const Tensor& values, const Tensor& indices, int64_t dim,
                         bool descending, bool stable);
EMBER_DECLARE_DISPATCH(sort_fn, sort_stub);

// The k largest (smallest) elements of each line of `in` along `dim` into `values`
// and their positions into `indices` (both sized k along `dim`, no overlap with
// `in`), in order when `sorted`. in.dim() >= 1, 0 <= k <= in.size(dim).
using topk_fn = void (*)(const Tensor& values, const Tensor& indices, const Tensor& in,
                         int64_t k, int64_t dim, bool largest, bool sorted);
EMBER_DECLARE_DISPATCH(topk_fn, topk_stub);

}  // namespace ember::native
