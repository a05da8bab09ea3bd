#pragma once
// Shape arithmetic shared by the view operators (TensorShape.cpp), the factories and
// the indexing kernels: size inference for view/reshape, PyTorch's view-stride rule,
// and the "[2, 3]" shape notation PyTorch uses in these operators' messages.
#include <cstdint>
#include <optional>
#include <string>

#include <ember/core/Tensor.h>

namespace ember::native {

// "[2, 3]" (PyTorch prints sizes this way in view/expand/index messages; ArrayRef's own
// operator<< prints the Python tuple "(2, 3)" used by the broadcasting messages).
std::string shape_str(IntArrayRef sizes);

// Resolves a view/reshape target shape against numel: at most one -1, which becomes
// whatever makes the element counts agree. Errors like PyTorch:
// "only one dimension can be inferred", "invalid shape dimension -2",
// "shape '[2, 5]' is invalid for input of size 6".
DimVector infer_size(IntArrayRef shape, int64_t numel);

// The strides that let a tensor with (old_sizes, old_strides) be viewed as new_sizes
// without copying, or nullopt when some new dimension would have to span two
// non-contiguous chunks of the old one (PyTorch's computeStride, see the definition).
std::optional<DimVector> compute_view_strides(IntArrayRef old_sizes, IntArrayRef old_strides,
                                              IntArrayRef new_sizes);

// A new tensor sharing self's storage and dtype with the given geometry. No bounds
// checking: callers derive the geometry from self's, so it stays inside the storage.
Tensor make_view(const Tensor& self, IntArrayRef sizes, IntArrayRef strides, int64_t storage_offset);

// True when the elements occupy a gap-free block of memory in some order of the dims
// (a permutation of a contiguous tensor), so a copy may keep the strides (*_like,
// clone with preserve_format). Zero-size tensors count as dense.
bool is_non_overlapping_and_dense(IntArrayRef sizes, IntArrayRef strides);

}  // namespace ember::native
