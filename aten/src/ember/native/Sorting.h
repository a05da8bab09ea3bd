#pragma once
// Per-device loops behind sort / topk / kthvalue / median / mode (Sorting.cpp). CPU loops:
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

// One element chosen per line (kthvalue, median, nanmedian, mode), with PyTorch's CPU
// algorithms so that ties resolve the same way:
//   Kth:       PyTorch's quick-select (median-of-three pivot), NaN largest; the k-th
//              smallest (k is 1-based);
//   Median:    NaN if the line has one (its first position), else the lower median of
//              the (value, position) order;
//   NanMedian: the lower median of the non-NaN values (NaN, position 0, if all are NaN);
//   Mode:      the most frequent value (the smallest among equally frequent ones) and
//              the position of its last copy after std::sort of (value, position)
//              pairs by value.
enum class LineSelect { Kth, Median, NanMedian, Mode };
// `values` and `indices` are contiguous, shaped like `in` with `dim` of size 1;
// in.dim() >= 1 and in.size(dim) > 0.
using select_fn = void (*)(const Tensor& values, const Tensor& indices, const Tensor& in,
                           int64_t dim, LineSelect what, int64_t k);
EMBER_DECLARE_DISPATCH(select_fn, select_stub);

// searchsorted: for every element of `values`, the insertion position in its row of
// `boundaries` (PyTorch's lower / upper bound, written with !(>=) and !(>) so that NaN
// sorts last). values and boundaries are contiguous and of one dtype; boundaries is 1-D
// (one row for every value) or has values' leading dims (one row per innermost line of
// values). `sorter` (undefined, or int64 contiguous, boundaries' shape, in range) orders
// each row. `out` is contiguous, values' shape, int32 or int64.
using searchsorted_fn = void (*)(const Tensor& out, const Tensor& values, const Tensor& boundaries,
                                 const Tensor& sorter, bool right);
EMBER_DECLARE_DISPATCH(searchsorted_fn, searchsorted_stub);

}  // namespace ember::native
