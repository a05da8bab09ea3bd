// CPU loops of the binary pointwise operators (stubs declared in native/BinaryOps.h).
// Inputs arrive in the common dtype (TensorIterator casts them), so each op is
// instantiated once per dtype.
#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include <ember/native/BinaryOps.h>
#include <ember/native/TensorIterator.h>
#include <ember/native/cpu/Loops.h>
#include <ember/native/OpMath.h>
#include <ember/native/PointwiseMath.h>

namespace ember {
namespace native {
namespace {

template <typename T>
constexpr bool is_reduced_v = std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>;

void add_kernel(TensorIterator& iter, const Scalar& alpha) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "add", [&] {
    using op_t = opmath_t<scalar_t>;
    if constexpr (std::is_same_v<scalar_t, bool>) {
      const bool a = alpha.to_bool();
      cpu_kernel(iter, [a](bool x, bool y) -> bool { return x || (a && y); });
    } else {
      const op_t a = alpha.to<op_t>();
      if (a == op_t(1)) {
        cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return op_t(x) + op_t(y); });
      } else if (a == op_t(-1)) {
        cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return op_t(x) - op_t(y); });
      } else {
        cpu_kernel(iter, [a](scalar_t x, scalar_t y) -> scalar_t { return op_t(x) + a * op_t(y); });
      }
    }
  });
}

void mul_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "mul", [&] {
    using op_t = opmath_t<scalar_t>;
    if constexpr (std::is_same_v<scalar_t, bool>) {
      cpu_kernel(iter, [](bool x, bool y) -> bool { return x && y; });
    } else {
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return op_t(x) * op_t(y); });
    }
  });
}

void div_true_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "div", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return op_t(x) / op_t(y); });
  });
}

[[noreturn]] void zero_division() { throw Error("ZeroDivisionError"); }

void div_trunc_kernel(TensorIterator& iter) {
  const ScalarType dt = iter.common_dtype();
  if (is_integral_type(dt, /*include_bool=*/true)) {
    EMBER_CHECK(dt != ScalarType::Bool, "\"div_trunc\" not implemented for 'Bool'");
    EMBER_DISPATCH_INTEGRAL_TYPES(dt, "div_trunc", [&] {
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t {
        if (EMBER_UNLIKELY(y == 0)) zero_division();
        // -MIN / -1 overflows in C++; wrap like two's complement instead
        if constexpr (std::is_signed_v<scalar_t>) {
          if (y == -1) return static_cast<scalar_t>(0 - static_cast<std::make_unsigned_t<scalar_t>>(x));
        }
        return static_cast<scalar_t>(x / y);
      });
    });
    return;
  }
  EMBER_DISPATCH_FLOATING_TYPES(dt, "div_trunc", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return std::trunc(op_t(x) / op_t(y)); });
  });
}

// Python's floor division for floats (what PyTorch's div_floor_floating computes): based
// on fmod so that the quotient is consistent with the remainder.
template <typename T>
inline T div_floor_floating(T a, T b) {
  if (EMBER_UNLIKELY(b == 0)) return a / b;
  T mod = std::fmod(a, b);
  T div = (a - mod) / b;
  if (mod != 0 && ((b < 0) != (mod < 0))) div -= T(1);
  T floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > T(0.5)) floordiv += T(1);
  } else {
    floordiv = std::copysign(T(0), a / b);
  }
  return floordiv;
}

void div_floor_kernel(TensorIterator& iter) {
  const ScalarType dt = iter.common_dtype();
  if (is_integral_type(dt, /*include_bool=*/true)) {
    EMBER_CHECK(dt != ScalarType::Bool, "\"div_floor\" not implemented for 'Bool'");
    EMBER_DISPATCH_INTEGRAL_TYPES(dt, "div_floor", [&] {
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t {
        if (EMBER_UNLIKELY(y == 0)) zero_division();
        if constexpr (std::is_signed_v<scalar_t>) {
          if (y == -1) return static_cast<scalar_t>(0 - static_cast<std::make_unsigned_t<scalar_t>>(x));
          const scalar_t q = static_cast<scalar_t>(x / y);
          const scalar_t r = static_cast<scalar_t>(x % y);
          return (r != 0 && ((r < 0) != (y < 0))) ? static_cast<scalar_t>(q - 1) : q;
        } else {
          return static_cast<scalar_t>(x / y);
        }
      });
    });
    return;
  }
  EMBER_DISPATCH_FLOATING_TYPES(dt, "div_floor", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t {
      return div_floor_floating<op_t>(op_t(x), op_t(y));
    });
  });
}

// Integer modulus: x % -1 is 0 (MIN % -1 overflows in C++); Python's sign convention
// moves a remainder whose sign differs from the divisor's by one divisor.
template <typename T, bool kPython>
inline T mod_int(T x, T y) {
  if (EMBER_UNLIKELY(y == 0)) zero_division();
  if constexpr (std::is_signed_v<T>) {
    if (y == -1) return T(0);
    T r = static_cast<T>(x % y);
    if (kPython && r != 0 && ((r < 0) != (y < 0))) r = static_cast<T>(r + y);
    return r;
  } else {
    return static_cast<T>(x % y);
  }
}

// Floating modulus from fmod, as PyTorch computes it (remainder(-0.0, 2) is -0.0).
template <typename T>
inline T remainder_floating(T a, T b) {
  T mod = std::fmod(a, b);
  if (mod != 0 && ((b < 0) != (mod < 0))) mod += b;
  return mod;
}

template <bool kPython>
void mod_kernel(TensorIterator& iter) {
  const ScalarType dt = iter.common_dtype();
  if (is_integral_type(dt, /*include_bool=*/false)) {
    EMBER_DISPATCH_INTEGRAL_TYPES(dt, kPython ? "remainder" : "fmod", [&] {
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return mod_int<scalar_t, kPython>(x, y); });
    });
    return;
  }
  EMBER_DISPATCH_FLOATING_TYPES(dt, kPython ? "remainder" : "fmod", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t {
      return kPython ? remainder_floating<op_t>(op_t(x), op_t(y)) : std::fmod(op_t(x), op_t(y));
    });
  });
}

#define EMBER_BITWISE_KERNEL(NAME, OP)                                                   \
  void NAME##_kernel(TensorIterator& iter) {                                             \
    if (iter.common_dtype() == ScalarType::Bool) {                                       \
      cpu_kernel(iter, [](bool x, bool y) -> bool { return x OP y; });                   \
      return;                                                                            \
    }                                                                                    \
    EMBER_DISPATCH_INTEGRAL_TYPES(iter.common_dtype(), #NAME, [&] {                      \
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return static_cast<scalar_t>(x OP y); }); \
    });                                                                                  \
  }
EMBER_BITWISE_KERNEL(bitwise_and, &)
EMBER_BITWISE_KERNEL(bitwise_or, |)
EMBER_BITWISE_KERNEL(bitwise_xor, ^)
#undef EMBER_BITWISE_KERNEL

// Integer power by squaring; negative exponents give 0 except for bases 1 and -1
// (what PyTorch computes for integer tensors).
template <typename T>
inline T powi(T base, T exp) {
  if constexpr (std::is_signed_v<T>) {
    if (exp < 0) {
      if (base == 1) return 1;
      if (base == -1) return (exp % 2) ? T(-1) : T(1);
      return 0;
    }
  }
  using U = std::make_unsigned_t<T>;
  U result = 1, b = static_cast<U>(base);
  auto e = static_cast<std::make_unsigned_t<T>>(exp);
  while (e) {
    if (e & 1) result = static_cast<U>(result * b);
    b = static_cast<U>(b * b);
    e >>= 1;
  }
  return static_cast<T>(result);
}

void pow_kernel(TensorIterator& iter) {
  const ScalarType dt = iter.common_dtype();
  if (dt == ScalarType::Bool) {
    // bool ** bool: only 0 ** 1 is false
    cpu_kernel(iter, [](bool x, bool y) -> bool { return x || !y; });
    return;
  }
  if (is_integral_type(dt, false)) {
    EMBER_DISPATCH_INTEGRAL_TYPES(dt, "pow", [&] {
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return powi<scalar_t>(x, y); });
    });
    return;
  }
  EMBER_DISPATCH_FLOATING_TYPES(dt, "pow", [&] {
    using op_t = opmath_t<scalar_t>;
    // common exponents from Python (x ** 2, x ** 0.5) avoid libm's pow
    if (iter.ninputs() == 2 && iter.is_scalar(2)) {
      const op_t e = static_cast<op_t>(iter.scalar_value<double>(2));
      if (e == op_t(2)) {
        cpu_kernel(iter, [](scalar_t x, scalar_t) -> scalar_t { return op_t(x) * op_t(x); });
        return;
      }
      if (e == op_t(3)) {
        cpu_kernel(iter, [](scalar_t x, scalar_t) -> scalar_t { return op_t(x) * op_t(x) * op_t(x); });
        return;
      }
      if (e == op_t(0.5)) {
        cpu_kernel(iter, [](scalar_t x, scalar_t) -> scalar_t { return std::sqrt(op_t(x)); });
        return;
      }
      if (e == op_t(-1)) {
        cpu_kernel(iter, [](scalar_t x, scalar_t) -> scalar_t { return op_t(1) / op_t(x); });
        return;
      }
    }
    cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return std::pow(op_t(x), op_t(y)); });
  });
}

void maximum_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "maximum", [&] {
    using op_t = opmath_t<scalar_t>;
    if constexpr (std::is_floating_point_v<op_t>) {
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t {
        const op_t a = x, b = y;
        return (a != a || a > b) ? a : b;  // NaN in either propagates
      });
    } else {
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return x > y ? x : y; });
    }
  });
}

void minimum_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "minimum", [&] {
    using op_t = opmath_t<scalar_t>;
    if constexpr (std::is_floating_point_v<op_t>) {
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t {
        const op_t a = x, b = y;
        return (a != a || a < b) ? a : b;
      });
    } else {
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> scalar_t { return x < y ? x : y; });
    }
  });
}

// Comparisons: dispatch on the inputs' dtype, write bool.
#define EMBER_COMPARISON_KERNEL(NAME, OP)                                              \
  void NAME##_kernel(TensorIterator& iter) {                                           \
    EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.input_dtype(0), #NAME, [&] {                \
      using op_t = opmath_t<scalar_t>;                                                 \
      cpu_kernel(iter, [](scalar_t x, scalar_t y) -> bool { return op_t(x) OP op_t(y); }); \
    });                                                                                \
  }
EMBER_COMPARISON_KERNEL(eq, ==)
EMBER_COMPARISON_KERNEL(ne, !=)
EMBER_COMPARISON_KERNEL(lt, <)
EMBER_COMPARISON_KERNEL(le, <=)
EMBER_COMPARISON_KERNEL(gt, >)
EMBER_COMPARISON_KERNEL(ge, >=)
#undef EMBER_COMPARISON_KERNEL

template <typename T>
inline bool truth(T v) {
  return static_cast<opmath_t<T>>(v) != opmath_t<T>(0);
}

void logical_and_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.input_dtype(0), "logical_and", [&] {
    cpu_kernel(iter, [](scalar_t x, scalar_t y) -> bool { return truth(x) && truth(y); });
  });
}

void logical_or_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.input_dtype(0), "logical_or", [&] {
    cpu_kernel(iter, [](scalar_t x, scalar_t y) -> bool { return truth(x) || truth(y); });
  });
}

// ---- float functions of two arguments (floating common dtype) ----------------------

template <typename T>
inline T logaddexp_fn(T a, T b) {
  // equal infinities: inf - inf would be NaN
  if (std::isinf(a) && a == b) return a;
  const T m = std::max(a, b);
  return m + std::log1p(std::exp(-std::abs(a - b)));
}

template <typename T>
inline T logaddexp2_fn(T a, T b) {
  constexpr T kInvLog2 = static_cast<T>(1.44269504088896340735992468100189214);
  if (std::isinf(a) && a == b) return a;
  const T m = std::max(a, b);
  return m + std::log1p(std::exp2(-std::abs(a - b))) * kInvLog2;
}

// x * log(y), 0 where x == 0 (unless y is NaN)
template <typename T>
inline T xlogy_fn(T x, T y) {
  if (y != y) return y;
  if (x == T(0)) return T(0);
  return x * std::log(y);
}

#define EMBER_FLOAT_BINARY_KERNEL(NAME, EXPR)                                      \
  void NAME##_kernel(TensorIterator& iter) {                                       \
    EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), #NAME, [&] {                \
      using op_t = opmath_t<scalar_t>;                                             \
      cpu_kernel(iter, [](scalar_t xs, scalar_t ys) -> scalar_t {                  \
        const op_t a = static_cast<op_t>(xs), b = static_cast<op_t>(ys);           \
        return EXPR;                                                               \
      });                                                                          \
    });                                                                            \
  }
EMBER_FLOAT_BINARY_KERNEL(atan2, std::atan2(a, b))
EMBER_FLOAT_BINARY_KERNEL(hypot, std::hypot(a, b))
EMBER_FLOAT_BINARY_KERNEL(logaddexp, logaddexp_fn<op_t>(a, b))
EMBER_FLOAT_BINARY_KERNEL(logaddexp2, logaddexp2_fn<op_t>(a, b))
EMBER_FLOAT_BINARY_KERNEL(xlogy, xlogy_fn<op_t>(a, b))
EMBER_FLOAT_BINARY_KERNEL(copysign, std::copysign(a, b))
#undef EMBER_FLOAT_BINARY_KERNEL

// nextafter steps in the element type itself: float/double through libm, the 16-bit
// floats on their bits (PointwiseMath.h).
template <typename T>
inline T nextafter_fn(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    return std::nextafter(a, b);
  } else {
    return nextafter16(a, b);
  }
}

void nextafter_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "nextafter", [&] {
    cpu_kernel(iter, [](scalar_t a, scalar_t b) -> scalar_t { return nextafter_fn(a, b); });
  });
}

void heaviside_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "heaviside", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t xs, scalar_t v) -> scalar_t {
      const op_t x = static_cast<op_t>(xs);
      return x == op_t(0) ? v : static_cast<scalar_t>(x > op_t(0));
    });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(atan2_stub, CPU, &atan2_kernel);
EMBER_REGISTER_DISPATCH(hypot_stub, CPU, &hypot_kernel);
EMBER_REGISTER_DISPATCH(logaddexp_stub, CPU, &logaddexp_kernel);
EMBER_REGISTER_DISPATCH(logaddexp2_stub, CPU, &logaddexp2_kernel);
EMBER_REGISTER_DISPATCH(xlogy_stub, CPU, &xlogy_kernel);
EMBER_REGISTER_DISPATCH(copysign_stub, CPU, &copysign_kernel);
EMBER_REGISTER_DISPATCH(nextafter_stub, CPU, &nextafter_kernel);
EMBER_REGISTER_DISPATCH(heaviside_stub, CPU, &heaviside_kernel);
EMBER_REGISTER_DISPATCH(add_stub, CPU, &add_kernel);
EMBER_REGISTER_DISPATCH(mul_stub, CPU, &mul_kernel);
EMBER_REGISTER_DISPATCH(div_true_stub, CPU, &div_true_kernel);
EMBER_REGISTER_DISPATCH(div_trunc_stub, CPU, &div_trunc_kernel);
EMBER_REGISTER_DISPATCH(div_floor_stub, CPU, &div_floor_kernel);
EMBER_REGISTER_DISPATCH(pow_stub, CPU, &pow_kernel);
EMBER_REGISTER_DISPATCH(remainder_stub, CPU, &mod_kernel<true>);
EMBER_REGISTER_DISPATCH(fmod_stub, CPU, &mod_kernel<false>);
EMBER_REGISTER_DISPATCH(bitwise_and_stub, CPU, &bitwise_and_kernel);
EMBER_REGISTER_DISPATCH(bitwise_or_stub, CPU, &bitwise_or_kernel);
EMBER_REGISTER_DISPATCH(bitwise_xor_stub, CPU, &bitwise_xor_kernel);
EMBER_REGISTER_DISPATCH(maximum_stub, CPU, &maximum_kernel);
EMBER_REGISTER_DISPATCH(minimum_stub, CPU, &minimum_kernel);
EMBER_REGISTER_DISPATCH(eq_stub, CPU, &eq_kernel);
EMBER_REGISTER_DISPATCH(ne_stub, CPU, &ne_kernel);
EMBER_REGISTER_DISPATCH(lt_stub, CPU, &lt_kernel);
EMBER_REGISTER_DISPATCH(le_stub, CPU, &le_kernel);
EMBER_REGISTER_DISPATCH(gt_stub, CPU, &gt_kernel);
EMBER_REGISTER_DISPATCH(ge_stub, CPU, &ge_kernel);
EMBER_REGISTER_DISPATCH(logical_and_stub, CPU, &logical_and_kernel);
EMBER_REGISTER_DISPATCH(logical_or_stub, CPU, &logical_or_kernel);

}  // namespace native
}  // namespace ember
