// CPU loops of the unary pointwise operators (stubs declared in native/UnaryOps.h).
// float (and double exp/log/sigmoid) use the branch-free functions of VecMath.h so the
// contiguous loops vectorize (see Note [Vectorizable math]); Half/BFloat16 compute in
// float; the remaining double functions call libm.
#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>

#include <ember/native/TensorIterator.h>
#include <ember/native/UnaryOps.h>
#include <ember/native/cpu/Loops.h>
#include <ember/native/OpMath.h>
#include <ember/native/cpu/VecMath.h>

namespace ember {
namespace native {
namespace {

// sin(pi x) / (pi x), 1 at 0, computed in x's precision as PyTorch does.
template <typename T>
inline T sinc_fn(T x) {
  if (x == T(0)) return T(1);
  const T product = static_cast<T>(3.14159265358979323846264338327950288) * x;
  return std::sin(product) / product;
}

// Inverse error function in double: Giles' single-precision approximation ("Approximating
// the erfinv function", GPU Computing Gems, 2011) as the start, then Newton steps on
// erf(x) = y -- on erfc(x) = 1 - y for |y| >= 0.5, where 1 - y is exact and erf(x) would
// have lost the low bits. Three steps take the start's ~1e-7 to double precision.
inline double erfinv_fn(double y) {
  const double ay = std::abs(y);
  if (!(ay <= 1.0)) return std::numeric_limits<double>::quiet_NaN();  // |y| > 1 or NaN
  if (ay == 1.0) return std::copysign(std::numeric_limits<double>::infinity(), y);
  if (y == 0.0) return y;  // keeps -0.0
  double w = -std::log((1.0 - ay) * (1.0 + ay));
  double p;
  if (w < 5.0) {
    w -= 2.5;
    p = 2.81022636e-08;
    p = 3.43273939e-07 + p * w;
    p = -3.5233877e-06 + p * w;
    p = -4.39150654e-06 + p * w;
    p = 0.00021858087 + p * w;
    p = -0.00125372503 + p * w;
    p = -0.00417768164 + p * w;
    p = 0.246640727 + p * w;
    p = 1.50140941 + p * w;
  } else {
    w = std::sqrt(w) - 3.0;
    p = -0.000200214257;
    p = 0.000100950558 + p * w;
    p = 0.00134934322 + p * w;
    p = -0.00367342844 + p * w;
    p = 0.00573950773 + p * w;
    p = -0.0076224613 + p * w;
    p = 0.00943887047 + p * w;
    p = 1.00167406 + p * w;
    p = 2.83297682 + p * w;
  }
  double x = p * ay;
  constexpr double kTwoOverSqrtPi = 1.12837916709551257390;
  for (int i = 0; i < 3; ++i) {
    const double d = kTwoOverSqrtPi * std::exp(-x * x);
    const double f = ay < 0.5 ? std::erf(x) - ay : (1.0 - ay) - std::erfc(x);
    x -= f / d;
  }
  return std::copysign(x, y);
}

void neg_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "neg", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x) -> scalar_t { return -op_t(x); });
  });
}

void abs_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "abs", [&] {
    using op_t = opmath_t<scalar_t>;
    if constexpr (std::is_floating_point_v<op_t>) {
      cpu_kernel(iter, [](scalar_t x) -> scalar_t { return std::abs(op_t(x)); });
    } else if constexpr (std::is_unsigned_v<scalar_t>) {
      cpu_kernel(iter, [](scalar_t x) -> scalar_t { return x; });
    } else {
      cpu_kernel(iter, [](scalar_t x) -> scalar_t { return x < 0 ? static_cast<scalar_t>(-x) : x; });
    }
  });
}

// A float function F with a vectorizable float/double form V and libm's form L.
// The op structs pick per element type: float -> V, double -> V or L, 16-bit -> V(float).
#define EMBER_UNARY_FLOAT_KERNEL(NAME, FLOAT_EXPR, DOUBLE_EXPR)                    \
  void NAME##_kernel(TensorIterator& iter) {                                       \
    EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), #NAME, [&] {                \
      if constexpr (std::is_same_v<scalar_t, double>) {                            \
        cpu_kernel(iter, [](double x) -> double { return DOUBLE_EXPR; });          \
      } else {                                                                     \
        cpu_kernel(iter, [](scalar_t xs) -> scalar_t {                             \
          const float x = static_cast<float>(xs);                                  \
          return FLOAT_EXPR;                                                       \
        });                                                                        \
      }                                                                            \
    });                                                                            \
  }

EMBER_UNARY_FLOAT_KERNEL(exp, vecmath::exp(x), vecmath::exp(x))
EMBER_UNARY_FLOAT_KERNEL(log, vecmath::log(x), vecmath::log(x))
EMBER_UNARY_FLOAT_KERNEL(sqrt, std::sqrt(x), std::sqrt(x))
EMBER_UNARY_FLOAT_KERNEL(rsqrt, 1.0f / std::sqrt(x), 1.0 / std::sqrt(x))
EMBER_UNARY_FLOAT_KERNEL(tanh, vecmath::tanh(x), std::tanh(x))
EMBER_UNARY_FLOAT_KERNEL(sigmoid, vecmath::sigmoid(x), vecmath::sigmoid(x))
EMBER_UNARY_FLOAT_KERNEL(reciprocal, 1.0f / x, 1.0 / x)
EMBER_UNARY_FLOAT_KERNEL(log2, std::log2(x), std::log2(x))
EMBER_UNARY_FLOAT_KERNEL(log10, std::log10(x), std::log10(x))
EMBER_UNARY_FLOAT_KERNEL(log1p, std::log1p(x), std::log1p(x))
EMBER_UNARY_FLOAT_KERNEL(expm1, std::expm1(x), std::expm1(x))
EMBER_UNARY_FLOAT_KERNEL(tan, std::tan(x), std::tan(x))
EMBER_UNARY_FLOAT_KERNEL(asin, std::asin(x), std::asin(x))
EMBER_UNARY_FLOAT_KERNEL(acos, std::acos(x), std::acos(x))
EMBER_UNARY_FLOAT_KERNEL(atan, std::atan(x), std::atan(x))
EMBER_UNARY_FLOAT_KERNEL(sinh, std::sinh(x), std::sinh(x))
EMBER_UNARY_FLOAT_KERNEL(cosh, std::cosh(x), std::cosh(x))
EMBER_UNARY_FLOAT_KERNEL(erf, std::erf(x), std::erf(x))
EMBER_UNARY_FLOAT_KERNEL(exp2, std::exp2(x), std::exp2(x))
EMBER_UNARY_FLOAT_KERNEL(asinh, std::asinh(x), std::asinh(x))
EMBER_UNARY_FLOAT_KERNEL(acosh, std::acosh(x), std::acosh(x))
EMBER_UNARY_FLOAT_KERNEL(atanh, std::atanh(x), std::atanh(x))
EMBER_UNARY_FLOAT_KERNEL(erfc, std::erfc(x), std::erfc(x))
EMBER_UNARY_FLOAT_KERNEL(sinc, sinc_fn(x), sinc_fn(x))
EMBER_UNARY_FLOAT_KERNEL(erfinv, static_cast<float>(erfinv_fn(static_cast<double>(x))), erfinv_fn(x))
#undef EMBER_UNARY_FLOAT_KERNEL

void logit_kernel(TensorIterator& iter, double eps) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "logit", [&] {
    using op_t = opmath_t<scalar_t>;
    if (eps < 0) {
      cpu_kernel(iter, [](scalar_t xs) -> scalar_t {
        const op_t x = xs;
        return std::log(x / (op_t(1) - x));
      });
    } else {
      // the bounds in the element type, as PyTorch: 1 - 1e-6 is 1 in float16
      const scalar_t e = static_cast<scalar_t>(eps);
      const op_t lo = static_cast<op_t>(e);
      const op_t hi = static_cast<op_t>(static_cast<scalar_t>(op_t(1) - lo));
      cpu_kernel(iter, [lo, hi](scalar_t xs) -> scalar_t {
        op_t x = xs;
        x = x < lo ? lo : (x > hi ? hi : x);  // NaN stays NaN
        return std::log(x / (op_t(1) - x));
      });
    }
  });
}

void frac_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "frac", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t xs) -> scalar_t {
      const op_t x = xs;
      return x - std::trunc(x);
    });
  });
}

void nan_to_num_kernel(TensorIterator& iter, std::optional<double> nan, std::optional<double> posinf,
                       std::optional<double> neginf) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "nan_to_num", [&] {
    if constexpr (std::is_floating_point_v<opmath_t<scalar_t>>) {
      const scalar_t nan_v = static_cast<scalar_t>(nan ? *nan : 0.0);
      const scalar_t pos_v = posinf ? static_cast<scalar_t>(*posinf) : std::numeric_limits<scalar_t>::max();
      const scalar_t neg_v = neginf ? static_cast<scalar_t>(*neginf) : std::numeric_limits<scalar_t>::lowest();
      cpu_kernel(iter, [=](scalar_t xs) -> scalar_t {
        const opmath_t<scalar_t> x = xs;
        if (x != x) return nan_v;
        if (x == std::numeric_limits<opmath_t<scalar_t>>::infinity()) return pos_v;
        if (x == -std::numeric_limits<opmath_t<scalar_t>>::infinity()) return neg_v;
        return xs;
      });
    } else {
      cpu_kernel(iter, [](scalar_t x) -> scalar_t { return x; });
    }
  });
}

// signbit / isposinf / isneginf: read any dtype, write bool.
enum class Predicate { SignBit, PosInf, NegInf };

template <Predicate P>
void predicate_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.input_dtype(0), "signbit", [&] {
    using op_t = opmath_t<scalar_t>;
    if constexpr (std::is_floating_point_v<op_t>) {
      cpu_kernel(iter, [](scalar_t xs) -> bool {
        const op_t x = xs;
        // the sign bit as a signed-integer compare (GCC 12 ICEs vectorizing std::signbit)
        if constexpr (P == Predicate::SignBit) {
          if constexpr (std::is_same_v<op_t, double>) {
            return vecmath::d2i_bits(x) < 0;
          } else {
            return vecmath::f2i_bits(x) < 0;
          }
        }
        if constexpr (P == Predicate::PosInf) return x == std::numeric_limits<op_t>::infinity();
        return x == -std::numeric_limits<op_t>::infinity();
      });
    } else if constexpr (P == Predicate::SignBit && std::is_signed_v<scalar_t>) {
      cpu_kernel(iter, [](scalar_t x) -> bool { return x < 0; });
    } else {
      cpu_kernel(iter, [](scalar_t) -> bool { return false; });
    }
  });
}

// floor/ceil/round/trunc: integers pass through; round is half to even (nearbyint in
// the default rounding mode), like PyTorch and NumPy.
#define EMBER_ROUNDING_KERNEL(NAME, FN)                                                 \
  void NAME##_kernel(TensorIterator& iter) {                                            \
    EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), #NAME, [&] {                          \
      using op_t = opmath_t<scalar_t>;                                                  \
      if constexpr (std::is_floating_point_v<op_t>) {                                   \
        cpu_kernel(iter, [](scalar_t x) -> scalar_t { return FN(static_cast<op_t>(x)); }); \
      } else {                                                                          \
        cpu_kernel(iter, [](scalar_t x) -> scalar_t { return x; });                     \
      }                                                                                 \
    });                                                                                 \
  }
EMBER_ROUNDING_KERNEL(floor, std::floor)
EMBER_ROUNDING_KERNEL(ceil, std::ceil)
EMBER_ROUNDING_KERNEL(round, std::nearbyint)
EMBER_ROUNDING_KERNEL(trunc, std::trunc)
#undef EMBER_ROUNDING_KERNEL

void sign_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "sign", [&] {
    using op_t = opmath_t<scalar_t>;
    if constexpr (std::is_same_v<scalar_t, bool>) {
      cpu_kernel(iter, [](bool x) -> bool { return x; });
    } else if constexpr (std::is_unsigned_v<scalar_t>) {
      cpu_kernel(iter, [](scalar_t x) -> scalar_t { return static_cast<scalar_t>(x > 0); });
    } else {
      // (0 < x) - (x < 0): 0 for NaN and for both zeros
      cpu_kernel(iter, [](scalar_t xs) -> scalar_t {
        const op_t x = static_cast<op_t>(xs);
        return static_cast<op_t>((op_t(0) < x) - (x < op_t(0)));
      });
    }
  });
}

void bitwise_not_kernel(TensorIterator& iter) {
  if (iter.common_dtype() == ScalarType::Bool) {
    cpu_kernel(iter, [](bool x) -> bool { return !x; });
    return;
  }
  EMBER_DISPATCH_INTEGRAL_TYPES(iter.common_dtype(), "bitwise_not", [&] {
    cpu_kernel(iter, [](scalar_t x) -> scalar_t { return static_cast<scalar_t>(~x); });
  });
}

// sin/cos: the vectorized float form is exact only for |x| <= kTrigMaxArg. Each inner
// row first checks (a vectorizable OR-reduction) whether any element exceeds it; rows
// that do take a per-element loop with a libm fallback. Checking before writing keeps
// in-place calls correct.
template <bool kSin>
void trig_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), kSin ? "sin" : "cos", [&] {
    if constexpr (std::is_same_v<scalar_t, double>) {
      cpu_kernel(iter, [](double x) -> double { return kSin ? std::sin(x) : std::cos(x); });
    } else {
      auto fast = [](scalar_t xs) -> scalar_t {
        const float x = static_cast<float>(xs);
        return kSin ? vecmath::sin(x) : vecmath::cos(x);
      };
      auto safe = [](scalar_t xs) -> scalar_t {
        const float x = static_cast<float>(xs);
        if (std::abs(x) > vecmath::kTrigMaxArg) return kSin ? std::sin(x) : std::cos(x);
        return kSin ? vecmath::sin(x) : vecmath::cos(x);
      };
      iter.for_each([&](char** data, const int64_t* strides, int64_t n) {
        bool large = false;
        const char* in = data[1];
        if (strides[1] == static_cast<int64_t>(sizeof(scalar_t))) {
          const scalar_t* p = reinterpret_cast<const scalar_t*>(in);
          for (int64_t i = 0; i < n; ++i) large |= std::abs(static_cast<float>(p[i])) > vecmath::kTrigMaxArg;
        } else {
          for (int64_t i = 0; i < n; ++i) {
            large |= std::abs(static_cast<float>(loops::load<scalar_t>(in + i * strides[1]))) >
                     vecmath::kTrigMaxArg;
          }
        }
        if (large) {
          cpu_row(data, strides, n, safe);
        } else {
          cpu_row(data, strides, n, fast);
        }
      });
    }
  });
}

void sin_kernel(TensorIterator& iter) { trig_kernel<true>(iter); }
void cos_kernel(TensorIterator& iter) { trig_kernel<false>(iter); }

void logical_not_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.input_dtype(0), "logical_not", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x) -> bool { return !(static_cast<op_t>(x) != op_t(0)); });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(neg_stub, CPU, &neg_kernel);
EMBER_REGISTER_DISPATCH(abs_stub, CPU, &abs_kernel);
EMBER_REGISTER_DISPATCH(exp_stub, CPU, &exp_kernel);
EMBER_REGISTER_DISPATCH(log_stub, CPU, &log_kernel);
EMBER_REGISTER_DISPATCH(sqrt_stub, CPU, &sqrt_kernel);
EMBER_REGISTER_DISPATCH(rsqrt_stub, CPU, &rsqrt_kernel);
EMBER_REGISTER_DISPATCH(sin_stub, CPU, &sin_kernel);
EMBER_REGISTER_DISPATCH(cos_stub, CPU, &cos_kernel);
EMBER_REGISTER_DISPATCH(tanh_stub, CPU, &tanh_kernel);
EMBER_REGISTER_DISPATCH(sigmoid_stub, CPU, &sigmoid_kernel);
EMBER_REGISTER_DISPATCH(logical_not_stub, CPU, &logical_not_kernel);
EMBER_REGISTER_DISPATCH(floor_stub, CPU, &floor_kernel);
EMBER_REGISTER_DISPATCH(ceil_stub, CPU, &ceil_kernel);
EMBER_REGISTER_DISPATCH(round_stub, CPU, &round_kernel);
EMBER_REGISTER_DISPATCH(trunc_stub, CPU, &trunc_kernel);
EMBER_REGISTER_DISPATCH(sign_stub, CPU, &sign_kernel);
EMBER_REGISTER_DISPATCH(bitwise_not_stub, CPU, &bitwise_not_kernel);
EMBER_REGISTER_DISPATCH(reciprocal_stub, CPU, &reciprocal_kernel);
EMBER_REGISTER_DISPATCH(log2_stub, CPU, &log2_kernel);
EMBER_REGISTER_DISPATCH(log10_stub, CPU, &log10_kernel);
EMBER_REGISTER_DISPATCH(log1p_stub, CPU, &log1p_kernel);
EMBER_REGISTER_DISPATCH(expm1_stub, CPU, &expm1_kernel);
EMBER_REGISTER_DISPATCH(tan_stub, CPU, &tan_kernel);
EMBER_REGISTER_DISPATCH(asin_stub, CPU, &asin_kernel);
EMBER_REGISTER_DISPATCH(acos_stub, CPU, &acos_kernel);
EMBER_REGISTER_DISPATCH(atan_stub, CPU, &atan_kernel);
EMBER_REGISTER_DISPATCH(sinh_stub, CPU, &sinh_kernel);
EMBER_REGISTER_DISPATCH(cosh_stub, CPU, &cosh_kernel);
EMBER_REGISTER_DISPATCH(erf_stub, CPU, &erf_kernel);
EMBER_REGISTER_DISPATCH(exp2_stub, CPU, &exp2_kernel);
EMBER_REGISTER_DISPATCH(sinc_stub, CPU, &sinc_kernel);
EMBER_REGISTER_DISPATCH(asinh_stub, CPU, &asinh_kernel);
EMBER_REGISTER_DISPATCH(acosh_stub, CPU, &acosh_kernel);
EMBER_REGISTER_DISPATCH(atanh_stub, CPU, &atanh_kernel);
EMBER_REGISTER_DISPATCH(erfc_stub, CPU, &erfc_kernel);
EMBER_REGISTER_DISPATCH(erfinv_stub, CPU, &erfinv_kernel);
EMBER_REGISTER_DISPATCH(logit_stub, CPU, &logit_kernel);
EMBER_REGISTER_DISPATCH(frac_stub, CPU, &frac_kernel);
EMBER_REGISTER_DISPATCH(nan_to_num_stub, CPU, &nan_to_num_kernel);
EMBER_REGISTER_DISPATCH(signbit_stub, CPU, &predicate_kernel<Predicate::SignBit>);
EMBER_REGISTER_DISPATCH(isposinf_stub, CPU, &predicate_kernel<Predicate::PosInf>);
EMBER_REGISTER_DISPATCH(isneginf_stub, CPU, &predicate_kernel<Predicate::NegInf>);

}  // namespace native
}  // namespace ember
