#pragma once
// StorageImpl: a flat buffer of bytes on one device. Tensors are views onto a storage
// (sizes, strides, offset); views share it through std::shared_ptr.
#include <cstddef>
#include <memory>

#include <ember/core/Allocator.h>

namespace ember {

class StorageImpl {
 public:
  // Allocates nbytes with `allocator`.
  StorageImpl(size_t nbytes, Allocator* allocator)
      : data_(allocator->allocate(nbytes)), nbytes_(nbytes), allocator_(allocator) {}
  // Wraps memory owned by someone else (NumPy, DLPack); not resizable.
  StorageImpl(DataPtr data, size_t nbytes)
      : data_(std::move(data)), nbytes_(nbytes), allocator_(nullptr) {}

  void* data() const { return data_.get(); }
  size_t nbytes() const { return nbytes_; }
  Device device() const { return data_.device(); }
  Allocator* allocator() const { return allocator_; }
  bool resizable() const { return allocator_ != nullptr; }
  const DataPtr& data_ptr() const { return data_; }

  // Grows the buffer to at least nbytes, keeping the existing contents
  // (used by resize_ for out= arguments).
  void grow(size_t nbytes);

 private:
  DataPtr data_;
  size_t nbytes_;
  Allocator* allocator_;
};

using Storage = std::shared_ptr<StorageImpl>;

}  // namespace ember
