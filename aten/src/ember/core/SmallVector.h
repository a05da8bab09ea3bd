#pragma once
// SmallVector<T, N>: a vector of trivially copyable T that keeps up to N elements
// inline. TensorImpl stores sizes and strides in it: nearly every tensor has at most
// five dims, so creating a tensor costs no heap allocation for its geometry (two
// fewer mallocs per operator result, which matters for small-tensor overhead).
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>

#include <ember/core/ArrayRef.h>

namespace ember {

template <typename T, size_t N>
class SmallVector {
  static_assert(std::is_trivially_copyable_v<T>, "SmallVector holds trivially copyable types");

 public:
  SmallVector() = default;
  SmallVector(const SmallVector& o) { assign(o.begin(), o.end()); }
  SmallVector& operator=(const SmallVector& o) {
    if (this != &o) assign(o.begin(), o.end());
    return *this;
  }
  ~SmallVector() {
    if (data_ != inline_) std::free(data_);
  }

  // Safe when [first, last) lies inside this vector.
  void assign(const T* first, const T* last) {
    const size_t n = static_cast<size_t>(last - first);
    if (n <= capacity_) {
      if (n) std::memmove(data_, first, n * sizeof(T));
    } else {
      T* fresh = static_cast<T*>(std::malloc(n * sizeof(T)));
      if (fresh == nullptr) throw std::bad_alloc();
      std::memcpy(fresh, first, n * sizeof(T));
      if (data_ != inline_) std::free(data_);
      data_ = fresh;
      capacity_ = n;
    }
    size_ = n;
  }
  void resize_uninitialized(size_t n) {
    if (n > capacity_) {
      T* fresh = static_cast<T*>(std::malloc(n * sizeof(T)));
      if (fresh == nullptr) throw std::bad_alloc();
      std::memcpy(fresh, data_, size_ * sizeof(T));
      if (data_ != inline_) std::free(data_);
      data_ = fresh;
      capacity_ = n;
    }
    size_ = n;
  }

  T* data() { return data_; }
  const T* data() const { return data_; }
  size_t size() const { return size_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  operator ArrayRef<T>() const { return ArrayRef<T>(data_, size_); }  // NOLINT

 private:
  T inline_[N];
  T* data_ = inline_;
  size_t size_ = 0;
  size_t capacity_ = N;
};

}  // namespace ember
