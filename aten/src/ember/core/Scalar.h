#pragma once
// Scalar: a Python number on its way into a kernel (the `Scalar` schema type).
// It remembers whether it was a bool, an integer or a float, because that decides
// type promotion (`int_tensor + 2.5` is float, `int_tensor + 2` stays int).
#include <cmath>
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

// PyTorch's checked conversion of a fill value to a tensor's dtype (c10::checked_convert,
// used by fill_, full and masked_fill): a value outside the dtype's range is an error,
// except that negative integers wrap around for uint8, infinities and NaN fit every
// floating dtype, and anything fits bool.
inline void check_scalar_fits(const Scalar& s, ScalarType dtype) {
  double lo = 0, hi = 0;
  const char* name = "";
  switch (dtype) {
    case ScalarType::Bool: return;
    case ScalarType::Byte: lo = 0, hi = 255, name = "uint8_t"; break;
    case ScalarType::Char: lo = -128, hi = 127, name = "int8_t"; break;
    case ScalarType::Short: lo = -32768, hi = 32767, name = "int16_t"; break;
    case ScalarType::Int: lo = -2147483648.0, hi = 2147483647.0, name = "int"; break;
    case ScalarType::Long: lo = -9223372036854775808.0, hi = 9223372036854775807.0, name = "int64_t"; break;
    case ScalarType::Half: lo = -65504.0, hi = 65504.0, name = "at::Half"; break;
    case ScalarType::BFloat16: lo = -3.3895313892515355e38, hi = 3.3895313892515355e38, name = "at::BFloat16"; break;
    case ScalarType::Float: lo = -3.4028234663852886e38, hi = 3.4028234663852886e38, name = "float"; break;
    default: return;  // double holds every Scalar
  }
  const bool floating = is_floating_type(dtype);
  bool bad = false;
  if (s.is_floating_point()) {
    const double f = s.to_double();
    bad = std::isnan(f) ? !floating : std::isinf(f) ? !floating : (f < lo || f > hi);
  } else if (dtype != ScalarType::Long) {
    const int64_t v = s.to_long();
    bad = dtype == ScalarType::Byte && v < 0 ? v < -255 : (static_cast<double>(v) < lo || static_cast<double>(v) > hi);
  }
  EMBER_CHECK(!bad, "value cannot be converted to type ", name, " without overflow");
}

inline std::ostream& operator<<(std::ostream& os, const Scalar& s) {
  switch (s.tag()) {
    case Scalar::Tag::Bool: return os << (s.to_bool() ? "True" : "False");
    case Scalar::Tag::Int: return os << s.to_long();
    default: return os << s.to_double();
  }
}

}  // namespace ember
