#pragma once
// ArrayRef<T>: a non-owning view of a contiguous run of T (pointer + length),
// the parameter type for lists in generated operator signatures (int[] -> IntArrayRef,
// Tensor[] -> TensorList). It never owns memory: callers keep the data alive.
#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <vector>

#include <ember/core/Error.h>

namespace ember {

template <typename T>
class ArrayRef {
 public:
  using value_type = T;
  using iterator = const T*;

  constexpr ArrayRef() = default;
  constexpr ArrayRef(const T& one) : data_(&one), size_(1) {}  // NOLINT: implicit like c10
  constexpr ArrayRef(const T* data, size_t size) : data_(data), size_(size) {}
  template <typename A>
  ArrayRef(const std::vector<T, A>& v) : data_(v.data()), size_(v.size()) {}  // NOLINT
  // A braced list lives until the end of the full expression that contains it, which
  // is long enough for a call argument (`t.view({2, -1})`) — the only intended use. An
  // ArrayRef stored from a braced list dangles; GCC warns about that pattern in general
  // (-Winit-list-lifetime), so the warning is silenced for this one constructor.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winit-list-lifetime"
#endif
  constexpr ArrayRef(std::initializer_list<T> il)  // NOLINT
      : data_(il.begin() == il.end() ? nullptr : il.begin()), size_(il.size()) {}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

  constexpr const T* data() const { return data_; }
  constexpr size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr const T* begin() const { return data_; }
  constexpr const T* end() const { return data_ + size_; }
  constexpr const T& operator[](size_t i) const { return data_[i]; }
  const T& at(size_t i) const {
    EMBER_CHECK_INDEX(i < size_, "ArrayRef index ", i, " out of range for size ", size_);
    return data_[i];
  }
  const T& front() const { return data_[0]; }
  const T& back() const { return data_[size_ - 1]; }
  ArrayRef slice(size_t start, size_t n) const { return ArrayRef(data_ + start, n); }
  ArrayRef slice(size_t start) const { return ArrayRef(data_ + start, size_ - start); }
  std::vector<T> vec() const { return std::vector<T>(begin(), end()); }
  bool equals(ArrayRef other) const {
    if (size_ != other.size_) return false;
    for (size_t i = 0; i < size_; ++i)
      if (!(data_[i] == other.data_[i])) return false;
    return true;
  }

 private:
  const T* data_ = nullptr;
  size_t size_ = 0;
};

template <typename T>
bool operator==(ArrayRef<T> a, ArrayRef<T> b) { return a.equals(b); }
template <typename T>
bool operator!=(ArrayRef<T> a, ArrayRef<T> b) { return !a.equals(b); }

using IntArrayRef = ArrayRef<int64_t>;

// Formats like a Python tuple of sizes: (3, 4) and (5,) — the shape notation in error messages.
inline std::ostream& operator<<(std::ostream& os, IntArrayRef a) {
  os << "(";
  for (size_t i = 0; i < a.size(); ++i) os << (i ? ", " : "") << a[i];
  if (a.size() == 1) os << ",";
  return os << ")";
}

}  // namespace ember
