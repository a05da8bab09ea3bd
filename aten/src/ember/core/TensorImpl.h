#pragma once
// TensorImpl: the metadata of one tensor — a view (sizes, strides in elements,
// storage offset in elements) of a StorageImpl, plus dtype and device.
// Invariants: sizes.size() == strides.size(); every size >= 0; numel_ and
// is_contiguous_ are recomputed by every setter that changes the geometry.
#include <cstdint>
#include <memory>
#include <vector>

#include <ember/core/ArrayRef.h>
#include <ember/core/Device.h>
#include <ember/core/ScalarType.h>
#include <ember/core/SmallVector.h>
#include <ember/core/Storage.h>

namespace ember {

using DimVector = std::vector<int64_t>;

// Reserved for the autograd issue: per-tensor autograd state hangs off here.
struct AutogradMeta {
  virtual ~AutogradMeta() = default;
};

class EMBER_API TensorImpl {
 public:
  TensorImpl(Storage storage, ScalarType dtype, IntArrayRef sizes, IntArrayRef strides,
             int64_t storage_offset);
  // Contiguous strides for `sizes`.
  TensorImpl(Storage storage, ScalarType dtype, IntArrayRef sizes, int64_t storage_offset = 0);

  IntArrayRef sizes() const { return sizes_; }
  IntArrayRef strides() const { return strides_; }
  int64_t dim() const { return static_cast<int64_t>(sizes_.size()); }
  int64_t size(int64_t d) const;    // d may be negative; IndexError when out of range
  int64_t stride(int64_t d) const;
  int64_t numel() const { return numel_; }
  int64_t storage_offset() const { return storage_offset_; }
  ScalarType dtype() const { return dtype_; }
  Device device() const { return storage_->device(); }
  size_t itemsize() const { return element_size(dtype_); }
  bool is_contiguous() const { return is_contiguous_; }
  const Storage& storage() const { return storage_; }
  // Address of element [0, 0, ...] (storage data + offset * itemsize).
  void* data() const {
    return static_cast<char*>(storage_->data()) + storage_offset_ * static_cast<int64_t>(itemsize());
  }

  // Geometry setters (used by view ops and resize_); they keep the invariants.
  void set_sizes_and_strides(IntArrayRef sizes, IntArrayRef strides);
  void set_sizes_contiguous(IntArrayRef sizes);
  void set_storage_offset(int64_t offset) { storage_offset_ = offset; }
  void set_storage(Storage s) { storage_ = std::move(s); }

  // A 0-dim tensor made from a Python number by the argument parser: it takes part
  // in type promotion with the lowest priority (see TypePromotion.h).
  bool is_wrapped_number() const { return is_wrapped_number_; }
  void set_wrapped_number(bool v) { is_wrapped_number_ = v; }

  AutogradMeta* autograd_meta() const { return autograd_meta_.get(); }
  void set_autograd_meta(std::unique_ptr<AutogradMeta> m) { autograd_meta_ = std::move(m); }

 private:
  void refresh();  // recompute numel_ and is_contiguous_

  Storage storage_;
  SmallVector<int64_t, 5> sizes_;
  SmallVector<int64_t, 5> strides_;
  int64_t storage_offset_ = 0;
  int64_t numel_ = 1;
  ScalarType dtype_;
  bool is_contiguous_ = true;
  bool is_wrapped_number_ = false;
  std::unique_ptr<AutogradMeta> autograd_meta_;
};

// Contiguous (row-major) strides for sizes.
DimVector contiguous_strides(IntArrayRef sizes);
// Wraps a possibly negative dim into [0, ndim); IndexError like PyTorch otherwise:
// "Dimension out of range (expected to be in range of [-2, 1], but got 2)".
int64_t maybe_wrap_dim(int64_t dim, int64_t ndim, bool wrap_scalar = true);
// Product of sizes, with an overflow check.
int64_t compute_numel(IntArrayRef sizes);
// Bytes a storage needs to hold `numel` elements of `itemsize` after `storage_offset`
// elements: RuntimeError naming `op` and `sizes` when that overflows size_t, instead of
// a wrapped-around count that would allocate too little.
size_t storage_nbytes(const char* op, IntArrayRef sizes, int64_t numel, int64_t storage_offset,
                      size_t itemsize);

}  // namespace ember
