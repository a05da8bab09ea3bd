#pragma once
// Tensor: a reference-counted handle to a TensorImpl. Copying a Tensor shares the
// tensor (like a Python reference); an undefined Tensor holds no TensorImpl and
// stands for "None" in optional arguments and for "allocate me" in out= kernels.
//
// Operator methods (t.add(u), t.sum(), ...) are generated from native_functions.yaml:
// their declarations are included into the class body below and their inline
// definitions come from ember/generated/TensorMethods.h at the end of this file.
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include <ember/core/ArrayRef.h>
#include <ember/core/Device.h>
#include <ember/core/Generator.h>
#include <ember/core/Scalar.h>
#include <ember/core/ScalarType.h>
#include <ember/core/TensorImpl.h>

namespace ember {

class Tensor;
using TensorList = ArrayRef<Tensor>;
using OptionalIntArrayRef = std::optional<IntArrayRef>;

enum class Layout : int8_t { Strided = 0 };
enum class MemoryFormat : int8_t { Contiguous = 0, Preserve = 1 };

class EMBER_API Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  bool defined() const { return impl_ != nullptr; }
  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl_ptr() const { return impl_; }
  bool is_same(const Tensor& other) const { return impl_ == other.impl_; }
  long use_count() const { return impl_.use_count(); }

  // Metadata (no dispatch). All of these require defined().
  IntArrayRef sizes() const { return impl_->sizes(); }
  IntArrayRef strides() const { return impl_->strides(); }
  int64_t size(int64_t d) const { return impl_->size(d); }
  int64_t stride(int64_t d) const { return impl_->stride(d); }
  int64_t dim() const { return impl_->dim(); }
  int64_t ndimension() const { return impl_->dim(); }
  int64_t numel() const { return impl_->numel(); }
  int64_t storage_offset() const { return impl_->storage_offset(); }
  ScalarType scalar_type() const { return impl_->dtype(); }
  ScalarType dtype() const { return impl_->dtype(); }
  Device device() const { return impl_->device(); }
  bool is_cuda() const { return impl_->device().is_cuda(); }
  bool is_cpu() const { return impl_->device().is_cpu(); }
  size_t element_size() const { return impl_->itemsize(); }
  size_t nbytes() const { return static_cast<size_t>(numel()) * element_size(); }
  bool is_contiguous() const { return impl_->is_contiguous(); }
  bool is_floating_point() const { return is_floating_type(dtype()); }
  const Storage& storage() const { return impl_->storage(); }
  void* data_ptr() const { return impl_->data(); }
  template <typename T>
  T* data_ptr() const {
    EMBER_CHECK(CppTypeToScalarType<T>::value == dtype(), "expected scalar type ",
                CppTypeToScalarType<T>::value, " but found ", dtype());
    return static_cast<T*>(impl_->data());
  }
  template <typename T>
  T* mutable_data_ptr() const { return data_ptr<T>(); }

  // The one element of a one-element tensor, copied to the host.
  Scalar item() const;
  // "Tensor(sizes=(2, 3), dtype=float32, device=cpu)" — for error messages.
  std::string describe() const;

// ---- generated operator methods (from native_functions.yaml) -------------------
#include <ember/generated/TensorMethodDecls.inc>

 private:
  std::shared_ptr<TensorImpl> impl_;
};

// Allocates an uninitialised contiguous tensor (no dispatch; the `empty` kernels
// and TensorIterator use it).
EMBER_API Tensor empty_tensor(IntArrayRef sizes, ScalarType dtype, Device device);
// Allocates with the given strides (used for "preserve the input's layout" outputs).
EMBER_API Tensor empty_strided_tensor(IntArrayRef sizes, IntArrayRef strides, ScalarType dtype,
                                      Device device);
// A 0-dim CPU tensor holding s, flagged as a wrapped number (Python scalar).
EMBER_API Tensor wrapped_scalar_tensor(const Scalar& s);
// A 0-dim tensor of dtype on device holding s (not a wrapped number).
EMBER_API Tensor scalar_tensor_of(const Scalar& s, ScalarType dtype, Device device);

}  // namespace ember

#include <ember/generated/TensorMethods.h>
