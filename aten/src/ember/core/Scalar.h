#pragma once
// Scalar: a Python number on its way into a kernel (the `Scalar` schema type).
// It remembers whether it was a bool, an integer or a float, because that decides
// type promotion (`int_tensor + 2.5` is float, `int_tensor + 2` stays int).
#include <cstdint>
#include <ostream>
#include <type_traits>

#include <ember/core/Error.h>
#include <ember/core/Half.h>
#include <ember/core/ScalarType.h>

namespace ember {

class Scalar {
 public:
  enum class Tag : uint8_t { Bool, Int, Double };

  Scalar() : Scalar(int64_t(0)) {}
  Scalar(bool b) : tag_(Tag::Bool) { v_.i = b; }  // NOLINT
  template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  Scalar(T i) : tag_(Tag::Int) { v_.i = static_cast<int64_t>(i); }  // NOLINT
  template <typename T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
  Scalar(T d) : tag_(Tag::Double) { v_.d = static_cast<double>(d); }  // NOLINT
  Scalar(Half h) : Scalar(static_cast<double>(static_cast<float>(h))) {}  // NOLINT
  Scalar(BFloat16 h) : Scalar(static_cast<double>(static_cast<float>(h))) {}  // NOLINT

  Tag tag() const { return tag_; }
  bool is_bool() const { return tag_ == Tag::Bool; }
  bool is_integral(bool include_bool) const {
    return tag_ == Tag::Int || (include_bool && tag_ == Tag::Bool);
  }
  bool is_floating_point() const { return tag_ == Tag::Double; }

  // The dtype PyTorch gives a tensor made from this number (bool, int64 or float64).
  ScalarType type() const {
    return tag_ == Tag::Bool ? ScalarType::Bool
                             : tag_ == Tag::Int ? ScalarType::Long : ScalarType::Double;
  }

  double to_double() const { return tag_ == Tag::Double ? v_.d : static_cast<double>(v_.i); }
  int64_t to_long() const {
    return tag_ == Tag::Double ? static_cast<int64_t>(v_.d) : v_.i;
  }
  bool to_bool() const { return tag_ == Tag::Double ? v_.d != 0.0 : v_.i != 0; }

  // Converts to a kernel's scalar_t.
  template <typename T>
  T to() const {
    if constexpr (std::is_same_v<T, bool>) {
      return to_bool();
    } else if constexpr (std::is_integral_v<T>) {
      return static_cast<T>(to_long());
    } else {
      return static_cast<T>(to_double());
    }
  }

  Scalar operator-() const {
    if (tag_ == Tag::Double) return Scalar(-v_.d);
    EMBER_CHECK(tag_ != Tag::Bool, "negation of a bool Scalar is not supported");
    return Scalar(-v_.i);
  }

 private:
  Tag tag_;
  union {
    int64_t i;
    double d;
  } v_;
};

inline std::ostream& operator<<(std::ostream& os, const Scalar& s) {
  switch (s.tag()) {
    case Scalar::Tag::Bool: return os << (s.to_bool() ? "True" : "False");
    case Scalar::Tag::Int: return os << s.to_long();
    default: return os << s.to_double();
  }
}

}  // namespace ember
