#pragma once
// Reduction geometry shared by the CPU and CUDA reduction loops.
//
// Note [Reduction geometry]
// A device-generic reduction kernel (ReduceOps.cpp) hands its loops two tensors of
// the same dimensionality: the input and a "keepdim view" of the result, in which
// every reduced dim has size 1 and stride 0. A dim is reduced exactly when the
// output's size there is 1 and the input's is not, so no separate dim list travels
// with the tensors. `make_reduce_layout` turns that pair into a `ReduceLayout`:
//   - size-1 dims are dropped (they change nothing),
//   - the kept (output) dims and the reduced dims are each sorted innermost first
//     by input stride and adjacent dims that describe one longer run are merged,
//   - `inner` says whether the reduced dims are the input's innermost ones (each
//     output reduces a run that is contiguous or nearly so: reduce along the run,
//     outputs in parallel) or not (each output is a column across the reduced
//     dims: accumulate whole rows of outputs at once, vectorized over kept[0]).
// All strides are in elements. The struct is plain data so a CUDA launch can take
// it by value.
#include <bitset>
#include <cstdint>
#include <optional>

#include <ember/core/ArrayRef.h>
#include <ember/core/Error.h>
#include <ember/core/Macros.h>
#include <ember/core/Tensor.h>

namespace ember::native {

// Tensors with more dims than this cannot be reduced; ember's TensorIterator has
// the same bound for pointwise ops.
constexpr int kMaxReduceDims = 25;

// Bit d is set when dim d is reduced.
using DimMask = std::bitset<64>;

// The dims a reduction over `dims` covers in an `ndim`-dim tensor. None or an empty
// list means every dim (PyTorch's rule for sum/mean). Negative dims wrap; duplicates
// raise "dim 0 appears multiple times in the list of dims".
DimMask make_dim_mask(OptionalIntArrayRef dims, int64_t ndim);

// The result's shape: reduced dims dropped, or kept with size 1 when keepdim.
DimVector reduced_shape(IntArrayRef sizes, const DimMask& mask, bool keepdim);

// `result` (shaped by reduced_shape) viewed with the input's dimensionality: the
// reduced dims reappear with size 1 and stride 0 when they were dropped.
Tensor keepdim_view(const Tensor& result, int64_t input_ndim, const DimMask& mask, bool keepdim);

// A view of `base`'s storage at base's offset with the given sizes and strides (the
// loops' private views; no bounds checks beyond the caller's reasoning).
Tensor strided_view(const Tensor& base, IntArrayRef sizes, IntArrayRef strides);

// An out= tensor whose dtype is fixed by the operator (indices, max values, mm):
// "Expected out tensor to have dtype long int, but got float instead" (PyTorch's
// wording, which spells dtypes as C++ types).
void check_out_dtype(const Tensor& out, ScalarType expected);

// Checks an out= tensor against the computed result: same device as the input,
// resized to `shape` when it differs. PyTorch-style messages.
void resize_reduction_output(const Tensor& out, IntArrayRef shape, const Tensor& self,
                             const char* op);

struct ReduceLayout {
  // Kept dims: iterate the outputs. Innermost (smallest input stride) first.
  int n_kept = 0;
  int64_t kept_size[kMaxReduceDims];
  int64_t kept_in_stride[kMaxReduceDims];
  int64_t kept_out_stride[kMaxReduceDims];
  // Reduced dims: iterate the elements of one output. Innermost first. Always at
  // least one entry (a dummy {size 1, stride 0} when nothing is reduced), so every
  // loop can read red_size[0].
  int n_red = 0;
  int64_t red_size[kMaxReduceDims];
  int64_t red_in_stride[kMaxReduceDims];

  int64_t num_outputs = 1;   // product of kept sizes
  int64_t reduce_numel = 1;  // product of reduced sizes (0 for an empty reduction)
  bool inner = true;         // see Note [Reduction geometry]

  // Input/output element offsets of output number `o` (row-major over the kept dims,
  // innermost fastest).
  EMBER_HOST_DEVICE void output_offsets(int64_t o, int64_t& in_off, int64_t& out_off) const {
    in_off = 0;
    out_off = 0;
    for (int d = 0; d < n_kept; ++d) {
      const int64_t i = o % kept_size[d];
      o /= kept_size[d];
      in_off += i * kept_in_stride[d];
      out_off += i * kept_out_stride[d];
    }
  }
  // Input offset of the r-th element of one output's reduction (over all reduced dims).
  EMBER_HOST_DEVICE int64_t reduce_offset(int64_t r) const {
    int64_t off = 0;
    for (int d = 0; d < n_red; ++d) {
      const int64_t i = r % red_size[d];
      r /= red_size[d];
      off += i * red_in_stride[d];
    }
    return off;
  }
};

// `out_kd` is the keepdim view (Note [Reduction geometry]); both tensors have the
// same dim(). Strides are read from the tensors; data pointers are not touched.
ReduceLayout make_reduce_layout(const Tensor& out_kd, const Tensor& in);

// An odometer over the first `n` dims of (sizes, stride sets): walks multi-indices
// innermost-first and keeps up to two running offsets. Used by the CPU loops for the
// reduced dims above the innermost run and for the kept dims above kept[0].
struct OffsetCounter {
  int n = 0;
  const int64_t* sizes = nullptr;
  const int64_t* stride_a = nullptr;
  const int64_t* stride_b = nullptr;  // may be null
  int64_t idx[kMaxReduceDims] = {};
  int64_t off_a = 0, off_b = 0;

  OffsetCounter(int n_, const int64_t* sizes_, const int64_t* sa, const int64_t* sb = nullptr)
      : n(n_), sizes(sizes_), stride_a(sa), stride_b(sb) {}
  // Jumps to linear index `lin` (innermost fastest).
  void seek(int64_t lin) {
    off_a = off_b = 0;
    for (int d = 0; d < n; ++d) {
      idx[d] = lin % sizes[d];
      lin /= sizes[d];
      off_a += idx[d] * stride_a[d];
      if (stride_b) off_b += idx[d] * stride_b[d];
    }
  }
  void next() {
    for (int d = 0; d < n; ++d) {
      if (++idx[d] < sizes[d]) {
        off_a += stride_a[d];
        if (stride_b) off_b += stride_b[d];
        return;
      }
      off_a -= (sizes[d] - 1) * stride_a[d];
      if (stride_b) off_b -= (sizes[d] - 1) * stride_b[d];
      idx[d] = 0;
    }
  }
};

}  // namespace ember::native
