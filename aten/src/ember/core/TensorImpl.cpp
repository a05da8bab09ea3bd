#include <ember/core/TensorImpl.h>

#include <algorithm>
#include <limits>

namespace ember {

TensorImpl::TensorImpl(Storage storage, ScalarType dtype, IntArrayRef sizes, IntArrayRef strides,
                       int64_t storage_offset)
    : storage_(std::move(storage)), storage_offset_(storage_offset), dtype_(dtype) {
  set_sizes_and_strides(sizes, strides);
}

TensorImpl::TensorImpl(Storage storage, ScalarType dtype, IntArrayRef sizes, int64_t storage_offset)
    : storage_(std::move(storage)), storage_offset_(storage_offset), dtype_(dtype) {
  set_sizes_contiguous(sizes);
}

int64_t TensorImpl::size(int64_t d) const { return sizes_[maybe_wrap_dim(d, dim(), false)]; }
int64_t TensorImpl::stride(int64_t d) const { return strides_[maybe_wrap_dim(d, dim(), false)]; }

void TensorImpl::set_sizes_and_strides(IntArrayRef sizes, IntArrayRef strides) {
  EMBER_CHECK(sizes.size() == strides.size(), "dimensionality of sizes (", sizes.size(),
              ") must match dimensionality of strides (", strides.size(), ")");
  sizes_.assign(sizes.begin(), sizes.end());  // (safe when sizes aliases sizes_)
  strides_.assign(strides.begin(), strides.end());
  refresh();
}

void TensorImpl::set_sizes_contiguous(IntArrayRef sizes) {
  sizes_.assign(sizes.begin(), sizes.end());
  strides_.resize_uninitialized(sizes_.size());
  int64_t s = 1;
  for (int64_t d = dim() - 1; d >= 0; --d) {
    strides_[d] = s;
    s *= std::max<int64_t>(sizes_[d], 1);
  }
  refresh();
}

void TensorImpl::refresh() {
  numel_ = compute_numel(sizes_);
  // Contiguous means row-major order with no gaps; dims of size 1 may have any stride
  // and an empty tensor is always contiguous (as in PyTorch).
  is_contiguous_ = true;
  if (numel_ == 0) return;
  int64_t expected = 1;
  for (int64_t d = dim() - 1; d >= 0; --d) {
    if (sizes_[d] == 1) continue;
    if (strides_[d] != expected) {
      is_contiguous_ = false;
      return;
    }
    expected *= sizes_[d];
  }
}

DimVector contiguous_strides(IntArrayRef sizes) {
  DimVector strides(sizes.size());
  int64_t s = 1;
  for (int64_t d = static_cast<int64_t>(sizes.size()) - 1; d >= 0; --d) {
    strides[d] = s;
    s *= std::max<int64_t>(sizes[d], 1);
  }
  return strides;
}

int64_t maybe_wrap_dim(int64_t dim, int64_t ndim, bool wrap_scalar) {
  if (ndim <= 0) {
    EMBER_CHECK_INDEX(wrap_scalar, "dimension specified as ", dim, " but tensor has no dimensions");
    ndim = 1;  // a 0-dim tensor accepts dim 0 and -1
  }
  const int64_t lo = -ndim, hi = ndim - 1;
  EMBER_CHECK_INDEX(dim >= lo && dim <= hi, "Dimension out of range (expected to be in range of [",
                    lo, ", ", hi, "], but got ", dim, ")");
  return dim < 0 ? dim + ndim : dim;
}

int64_t compute_numel(IntArrayRef sizes) {
  int64_t n = 1;
  for (int64_t s : sizes) {
    EMBER_CHECK(s >= 0, "Trying to create tensor with negative dimension ", s, ": ", sizes);
    if (s != 0 && n > std::numeric_limits<int64_t>::max() / s) {
      throw Error(str("numel: integer multiplication overflow for sizes ", sizes));
    }
    n *= s;
  }
  return n;
}

size_t storage_nbytes(const char* op, IntArrayRef sizes, int64_t numel, int64_t storage_offset,
                      size_t itemsize) {
  if (numel == 0) return 0;
  const uint64_t elements = static_cast<uint64_t>(numel) + static_cast<uint64_t>(storage_offset);
  EMBER_CHECK(elements >= static_cast<uint64_t>(numel) && elements <= SIZE_MAX / itemsize, op,
              ": tensor of sizes ", sizes, " is too large");
  return static_cast<size_t>(elements) * itemsize;
}

}  // namespace ember
