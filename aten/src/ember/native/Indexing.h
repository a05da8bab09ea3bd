#pragma once
// Advanced indexing (index, index_put_) and nonzero.
//
// Note [Advanced indexing geometry]
// Indexing.cpp reduces every `self[indices]` to one shape R, the result's shape, and
// hands the per-device loops tensors that all have shape R:
//   - `src` (index) / `dst` (index_put_): a view of self whose strides are self's in the
//     dims that are not indexed and 0 in the dims that come from the index tensors;
//   - `indices[k]`: the k-th int64 index tensor (masks already turned into nonzero()
//     columns, all broadcast together), viewed with stride 0 in the non-indexed dims;
//   - `indexed_sizes[k]`, `indexed_strides[k]` (elements): size and stride of the
//     self dim that index tensor k selects in.
// Element e of R lives at src(e) + sum_k wrap(indices[k](e)) * indexed_strides[k],
// where wrap adds indexed_sizes[k] to negative values. A loop must raise IndexError
// "index 5 is out of bounds for dimension k with size 3" for values outside
// [-size, size) before writing anything.
#include <type_traits>

#include <ember/core/DispatchStub.h>
#include <ember/core/Half.h>
#include <ember/core/Macros.h>
#include <ember/core/Tensor.h>

namespace ember::native {

// out[e] = src[e + offset(e)]; out has shape R and any strides.
using index_fn = void (*)(const Tensor& out, const Tensor& src, TensorList indices,
                          IntArrayRef indexed_sizes, IntArrayRef indexed_strides);
// dst[e + offset(e)] = values[e] (or += with accumulate); values is expanded to R.
// Without accumulate, repeated positions get one of their values.
using index_put_fn = void (*)(const Tensor& dst, const Tensor& values, TensorList indices,
                              IntArrayRef indexed_sizes, IntArrayRef indexed_strides,
                              bool accumulate);
// Resizes out (int64, on self's device) to (n, self.dim()) and writes the coordinates
// of self's n non-zero elements in row-major order.
using nonzero_fn = void (*)(const Tensor& self, Tensor& out);

EMBER_DECLARE_DISPATCH(index_fn, index_stub);
EMBER_DECLARE_DISPATCH(index_put_fn, index_put_stub);
EMBER_DECLARE_DISPATCH(nonzero_fn, nonzero_stub);

// PyTorch's assert_no_internal_overlap: an in-place write into `t` is refused when two of
// its elements share memory (a dim of size > 1 with stride 0, as after expand()).
void check_no_internal_overlap(const Tensor& t);

// The combining rules of index_reduce_stub (scatter_reduce / index_reduce "prod", "amax",
// "amin"; "sum" is index_put_ with accumulate). amax/amin propagate NaN.
enum class IndexReduce { Prod, Max, Min };
// One combining step of an IndexReduce, for the CPU loop and the CUDA kernel alike:
// prod multiplies; amax/amin propagate NaN; bools combine as or (max) / and (prod,
// min); the 16-bit floats compute in float.
template <IndexReduce R, typename T>
EMBER_HOST_DEVICE inline T index_reduce_combine(T d, T s) {
  if constexpr (std::is_same_v<T, bool>) {
    return R == IndexReduce::Max ? (d || s) : (d && s);
  } else if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
    return T(index_reduce_combine<R, float>(static_cast<float>(d), static_cast<float>(s)));
  } else if constexpr (R == IndexReduce::Prod) {
    return static_cast<T>(d * s);
  } else {
    if constexpr (std::is_floating_point_v<T>) {
      if (d != d) return d;
      if (s != s) return s;
    }
    if constexpr (R == IndexReduce::Max) {
      return s > d ? s : d;
    } else {
      return s < d ? s : d;
    }
  }
}
// dst[e + offset(e)] = op(dst[...], values[e]) for every e of R, repeated positions
// combining every one of their values (in an unspecified order).
using index_reduce_fn = void (*)(const Tensor& dst, const Tensor& values, TensorList indices,
                                 IntArrayRef indexed_sizes, IntArrayRef indexed_strides,
                                 IndexReduce op);
EMBER_DECLARE_DISPATCH(index_reduce_fn, index_reduce_stub);

// self[indices] = op(self[indices], values), the device-generic driver of
// index_reduce_stub: the indexing rules and checks of index_put_ (values of self's
// dtype, broadcast to the indexing result). Used by IndexOps.cpp.
Tensor& index_put_reduce_(Tensor& self, ArrayRef<std::optional<Tensor>> indices,
                          const Tensor& values, IndexReduce op);

}  // namespace ember::native
