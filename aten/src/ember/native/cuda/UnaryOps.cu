// CUDA loops of the unary operators (native/UnaryOps.h), through gpu_kernel. The float
// functions see floating dtypes only (UnaryOps.cpp promotes integer inputs) and compute
// the 16-bit floats in float, like the CPU loops.
#include <limits>
#include <optional>
#include <type_traits>

#include <ember/native/UnaryOps.h>
#include <ember/native/cuda/DeviceMath.cuh>
#include <ember/native/cuda/Loops.cuh>

namespace ember::native::cuda {

template <typename T>
struct NegFunctor {
  EMBER_DEVICE T operator()(T x) const { return static_cast<T>(-static_cast<opmath_t<T>>(x)); }
};

template <typename T>
struct AbsFunctor {
  EMBER_DEVICE T operator()(T x) const {
    using A = opmath_t<T>;
    if constexpr (std::is_floating_point_v<A>) {
      return static_cast<T>(math::fabs(static_cast<A>(x)));
    } else if constexpr (std::is_unsigned_v<T>) {
      return x;
    } else {
      return x < 0 ? static_cast<T>(-x) : x;
    }
  }
};

// The float functions, one tag per operator; A is float or double.
struct ExpOp { template <typename A> EMBER_DEVICE static A f(A x) { return math::exp(x); } };
struct LogOp { template <typename A> EMBER_DEVICE static A f(A x) { return math::log(x); } };
struct SqrtOp { template <typename A> EMBER_DEVICE static A f(A x) { return math::sqrt(x); } };
struct RsqrtOp { template <typename A> EMBER_DEVICE static A f(A x) { return A(1) / math::sqrt(x); } };
struct SinOp { template <typename A> EMBER_DEVICE static A f(A x) { return math::sin(x); } };
struct CosOp { template <typename A> EMBER_DEVICE static A f(A x) { return math::cos(x); } };
struct TanhOp { template <typename A> EMBER_DEVICE static A f(A x) { return math::tanh(x); } };
struct SigmoidOp {
  template <typename A>
  EMBER_DEVICE static A f(A x) { return A(1) / (A(1) + math::exp(-x)); }
};

struct ReciprocalOp { template <typename A> EMBER_DEVICE static A f(A x) { return A(1) / x; } };
#define EMBER_CUDA_FLOAT_OP(TAG, FN) \
  struct TAG { template <typename A> EMBER_DEVICE static A f(A x) { return math::FN(x); } };
EMBER_CUDA_FLOAT_OP(Log2Op, log2)
EMBER_CUDA_FLOAT_OP(Log10Op, log10)
EMBER_CUDA_FLOAT_OP(Log1pOp, log1p)
EMBER_CUDA_FLOAT_OP(Expm1Op, expm1)
EMBER_CUDA_FLOAT_OP(TanOp, tan)
EMBER_CUDA_FLOAT_OP(AsinOp, asin)
EMBER_CUDA_FLOAT_OP(AcosOp, acos)
EMBER_CUDA_FLOAT_OP(AtanOp, atan)
EMBER_CUDA_FLOAT_OP(SinhOp, sinh)
EMBER_CUDA_FLOAT_OP(CoshOp, cosh)
EMBER_CUDA_FLOAT_OP(ErfOp, erf)
EMBER_CUDA_FLOAT_OP(ErfcOp, erfc)
EMBER_CUDA_FLOAT_OP(ErfinvOp, erfinv)
EMBER_CUDA_FLOAT_OP(Exp2Op, exp2)
EMBER_CUDA_FLOAT_OP(AsinhOp, asinh)
EMBER_CUDA_FLOAT_OP(AcoshOp, acosh)
EMBER_CUDA_FLOAT_OP(AtanhOp, atanh)
// rounding (integers pass through, see RoundingFunctor); round is half to even
EMBER_CUDA_FLOAT_OP(FloorOp, floor)
EMBER_CUDA_FLOAT_OP(CeilOp, ceil)
EMBER_CUDA_FLOAT_OP(RoundOp, nearbyint)
EMBER_CUDA_FLOAT_OP(TruncOp, trunc)
#undef EMBER_CUDA_FLOAT_OP

// sin(pi x) / (pi x), 1 at 0, in x's precision (as the CPU loop)
struct SincOp {
  template <typename A>
  EMBER_DEVICE static A f(A x) {
    if (x == A(0)) return A(1);
    const A product = static_cast<A>(3.14159265358979323846264338327950288) * x;
    return math::sin(product) / product;
  }
};

template <typename T, typename Op>
struct FloatUnaryFunctor {
  EMBER_DEVICE T operator()(T x) const {
    return static_cast<T>(Op::f(static_cast<opmath_t<T>>(x)));
  }
};

template <typename T, typename Op>
struct RoundingFunctor {
  EMBER_DEVICE T operator()(T x) const {
    if constexpr (std::is_floating_point_v<opmath_t<T>>) {
      return static_cast<T>(Op::f(static_cast<opmath_t<T>>(x)));
    } else {
      return x;
    }
  }
};

// (0 < x) - (x < 0): 0 for NaN and both zeros; bool passes through
template <typename T>
struct SignFunctor {
  EMBER_DEVICE T operator()(T xs) const {
    if constexpr (std::is_same_v<T, bool>) {
      return xs;
    } else if constexpr (std::is_unsigned_v<T>) {
      return static_cast<T>(xs > 0);
    } else {
      using A = opmath_t<T>;
      const A x = static_cast<A>(xs);
      return static_cast<T>(static_cast<A>((A(0) < x) - (x < A(0))));
    }
  }
};

template <typename T>
struct BitwiseNotFunctor {
  EMBER_DEVICE T operator()(T x) const {
    if constexpr (std::is_same_v<T, bool>) {
      return !x;
    } else {
      return static_cast<T>(~x);
    }
  }
};

template <typename T>
struct LogicalNotFunctor {
  EMBER_DEVICE bool operator()(T x) const {
    return !(static_cast<opmath_t<T>>(x) != opmath_t<T>(0));
  }
};

// log(x / (1 - x)), x clamped to [lo, hi] when Clamp (NaN stays NaN)
template <typename T, bool Clamp>
struct LogitFunctor {
  opmath_t<T> lo, hi;
  EMBER_DEVICE T operator()(T xs) const {
    using A = opmath_t<T>;
    A x = static_cast<A>(xs);
    if constexpr (Clamp) x = x < lo ? lo : (x > hi ? hi : x);
    return static_cast<T>(math::log(x / (A(1) - x)));
  }
};

template <typename T>
struct FracFunctor {
  EMBER_DEVICE T operator()(T xs) const {
    using A = opmath_t<T>;
    const A x = static_cast<A>(xs);
    return static_cast<T>(x - math::trunc(x));
  }
};

// NaN, +inf, -inf replaced (floating dtypes; the kernel is not run for the others)
template <typename T>
struct NanToNumFunctor {
  T nan_v, pos_v, neg_v;
  EMBER_DEVICE T operator()(T xs) const {
    using A = opmath_t<T>;
    const A x = static_cast<A>(xs);
    if (x != x) return nan_v;
    if (x > A(0) && x - x != x - x) return pos_v;  // x - x is NaN only for infinities
    if (x < A(0) && x - x != x - x) return neg_v;
    return xs;
  }
};

template <typename T>
struct IdentityFunctor {
  EMBER_DEVICE T operator()(T x) const { return x; }
};

enum class Predicate { SignBit, PosInf, NegInf };

template <typename T, Predicate P>
struct PredicateFunctor {
  EMBER_DEVICE bool operator()(T xs) const {
    using A = opmath_t<T>;
    if constexpr (std::is_floating_point_v<A>) {
      const A x = static_cast<A>(xs);
      if constexpr (P == Predicate::SignBit) return math::copysign(A(1), x) < A(0);  // sees -0.0 and -NaN
      if constexpr (P == Predicate::PosInf) return x > A(0) && x - x != x - x;
      return x < A(0) && x - x != x - x;
    } else if constexpr (P == Predicate::SignBit && std::is_signed_v<T>) {
      return xs < 0;
    } else {
      return false;
    }
  }
};

void neg_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "neg", [&] {
    gpu_kernel(iter, NegFunctor<scalar_t>{}, "neg");
  });
}

void abs_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "abs", [&] {
    gpu_kernel(iter, AbsFunctor<scalar_t>{}, "abs");
  });
}

template <typename Op>
void float_unary_kernel_cuda(TensorIterator& iter, const char* name) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), name, [&] {
    gpu_kernel(iter, FloatUnaryFunctor<scalar_t, Op>{}, name);
  });
}

void exp_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<ExpOp>(iter, "exp"); }
void log_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<LogOp>(iter, "log"); }
void sqrt_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<SqrtOp>(iter, "sqrt"); }
void rsqrt_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<RsqrtOp>(iter, "rsqrt"); }
void sin_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<SinOp>(iter, "sin"); }
void cos_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<CosOp>(iter, "cos"); }
void tanh_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<TanhOp>(iter, "tanh"); }
void sigmoid_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<SigmoidOp>(iter, "sigmoid"); }

void reciprocal_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<ReciprocalOp>(iter, "reciprocal"); }
void log2_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<Log2Op>(iter, "log2"); }
void log10_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<Log10Op>(iter, "log10"); }
void log1p_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<Log1pOp>(iter, "log1p"); }
void expm1_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<Expm1Op>(iter, "expm1"); }
void tan_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<TanOp>(iter, "tan"); }
void asin_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<AsinOp>(iter, "asin"); }
void acos_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<AcosOp>(iter, "acos"); }
void atan_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<AtanOp>(iter, "atan"); }
void sinh_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<SinhOp>(iter, "sinh"); }
void cosh_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<CoshOp>(iter, "cosh"); }
void erf_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<ErfOp>(iter, "erf"); }

void erfc_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<ErfcOp>(iter, "erfc"); }
void erfinv_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<ErfinvOp>(iter, "erfinv"); }
void exp2_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<Exp2Op>(iter, "exp2"); }
void asinh_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<AsinhOp>(iter, "asinh"); }
void acosh_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<AcoshOp>(iter, "acosh"); }
void atanh_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<AtanhOp>(iter, "atanh"); }
void sinc_kernel_cuda(TensorIterator& iter) { float_unary_kernel_cuda<SincOp>(iter, "sinc"); }

void logit_kernel_cuda(TensorIterator& iter, double eps) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "logit", [&] {
    using A = opmath_t<scalar_t>;
    if (eps < 0) {
      gpu_kernel(iter, LogitFunctor<scalar_t, false>{A(0), A(0)}, "logit");
    } else {
      // the bounds in the element type, as the CPU loop
      const A lo = static_cast<A>(static_cast<scalar_t>(eps));
      const A hi = static_cast<A>(static_cast<scalar_t>(A(1) - lo));
      gpu_kernel(iter, LogitFunctor<scalar_t, true>{lo, hi}, "logit");
    }
  });
}

void frac_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "frac", [&] {
    gpu_kernel(iter, FracFunctor<scalar_t>{}, "frac");
  });
}

void nan_to_num_kernel_cuda(TensorIterator& iter, std::optional<double> nan, std::optional<double> posinf,
                            std::optional<double> neginf) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "nan_to_num", [&] {
    if constexpr (std::is_floating_point_v<opmath_t<scalar_t>>) {
      const scalar_t nan_v = static_cast<scalar_t>(nan ? *nan : 0.0);
      const scalar_t pos_v = posinf ? static_cast<scalar_t>(*posinf) : std::numeric_limits<scalar_t>::max();
      const scalar_t neg_v = neginf ? static_cast<scalar_t>(*neginf) : std::numeric_limits<scalar_t>::lowest();
      gpu_kernel(iter, NanToNumFunctor<scalar_t>{nan_v, pos_v, neg_v}, "nan_to_num");
    } else {
      gpu_kernel(iter, IdentityFunctor<scalar_t>{}, "nan_to_num");
    }
  });
}

template <Predicate P>
void predicate_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.input_dtype(0), "signbit", [&] {
    gpu_kernel(iter, PredicateFunctor<scalar_t, P>{}, "signbit");
  });
}

template <typename Op>
void rounding_kernel_cuda(TensorIterator& iter, const char* name) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), name, [&] {
    gpu_kernel(iter, RoundingFunctor<scalar_t, Op>{}, name);
  });
}

void floor_kernel_cuda(TensorIterator& iter) { rounding_kernel_cuda<FloorOp>(iter, "floor"); }
void ceil_kernel_cuda(TensorIterator& iter) { rounding_kernel_cuda<CeilOp>(iter, "ceil"); }
void round_kernel_cuda(TensorIterator& iter) { rounding_kernel_cuda<RoundOp>(iter, "round"); }
void trunc_kernel_cuda(TensorIterator& iter) { rounding_kernel_cuda<TruncOp>(iter, "trunc"); }

void sign_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "sign", [&] {
    gpu_kernel(iter, SignFunctor<scalar_t>{}, "sign");
  });
}

void bitwise_not_kernel_cuda(TensorIterator& iter) {
  if (iter.common_dtype() == ScalarType::Bool) return gpu_kernel(iter, BitwiseNotFunctor<bool>{}, "bitwise_not");
  EMBER_DISPATCH_INTEGRAL_TYPES(iter.common_dtype(), "bitwise_not", [&] {
    gpu_kernel(iter, BitwiseNotFunctor<scalar_t>{}, "bitwise_not");
  });
}

void logical_not_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.input_dtype(0), "logical_not", [&] {
    gpu_kernel(iter, LogicalNotFunctor<scalar_t>{}, "logical_not");
  });
}

EMBER_REGISTER_DISPATCH(neg_stub, CUDA, &neg_kernel_cuda);
EMBER_REGISTER_DISPATCH(abs_stub, CUDA, &abs_kernel_cuda);
EMBER_REGISTER_DISPATCH(exp_stub, CUDA, &exp_kernel_cuda);
EMBER_REGISTER_DISPATCH(log_stub, CUDA, &log_kernel_cuda);
EMBER_REGISTER_DISPATCH(sqrt_stub, CUDA, &sqrt_kernel_cuda);
EMBER_REGISTER_DISPATCH(rsqrt_stub, CUDA, &rsqrt_kernel_cuda);
EMBER_REGISTER_DISPATCH(sin_stub, CUDA, &sin_kernel_cuda);
EMBER_REGISTER_DISPATCH(cos_stub, CUDA, &cos_kernel_cuda);
EMBER_REGISTER_DISPATCH(tanh_stub, CUDA, &tanh_kernel_cuda);
EMBER_REGISTER_DISPATCH(sigmoid_stub, CUDA, &sigmoid_kernel_cuda);
EMBER_REGISTER_DISPATCH(logical_not_stub, CUDA, &logical_not_kernel_cuda);
EMBER_REGISTER_DISPATCH(floor_stub, CUDA, &floor_kernel_cuda);
EMBER_REGISTER_DISPATCH(ceil_stub, CUDA, &ceil_kernel_cuda);
EMBER_REGISTER_DISPATCH(round_stub, CUDA, &round_kernel_cuda);
EMBER_REGISTER_DISPATCH(trunc_stub, CUDA, &trunc_kernel_cuda);
EMBER_REGISTER_DISPATCH(sign_stub, CUDA, &sign_kernel_cuda);
EMBER_REGISTER_DISPATCH(bitwise_not_stub, CUDA, &bitwise_not_kernel_cuda);
EMBER_REGISTER_DISPATCH(reciprocal_stub, CUDA, &reciprocal_kernel_cuda);
EMBER_REGISTER_DISPATCH(log2_stub, CUDA, &log2_kernel_cuda);
EMBER_REGISTER_DISPATCH(log10_stub, CUDA, &log10_kernel_cuda);
EMBER_REGISTER_DISPATCH(log1p_stub, CUDA, &log1p_kernel_cuda);
EMBER_REGISTER_DISPATCH(expm1_stub, CUDA, &expm1_kernel_cuda);
EMBER_REGISTER_DISPATCH(tan_stub, CUDA, &tan_kernel_cuda);
EMBER_REGISTER_DISPATCH(asin_stub, CUDA, &asin_kernel_cuda);
EMBER_REGISTER_DISPATCH(acos_stub, CUDA, &acos_kernel_cuda);
EMBER_REGISTER_DISPATCH(atan_stub, CUDA, &atan_kernel_cuda);
EMBER_REGISTER_DISPATCH(sinh_stub, CUDA, &sinh_kernel_cuda);
EMBER_REGISTER_DISPATCH(cosh_stub, CUDA, &cosh_kernel_cuda);
EMBER_REGISTER_DISPATCH(erf_stub, CUDA, &erf_kernel_cuda);
EMBER_REGISTER_DISPATCH(erfc_stub, CUDA, &erfc_kernel_cuda);
EMBER_REGISTER_DISPATCH(erfinv_stub, CUDA, &erfinv_kernel_cuda);
EMBER_REGISTER_DISPATCH(exp2_stub, CUDA, &exp2_kernel_cuda);
EMBER_REGISTER_DISPATCH(asinh_stub, CUDA, &asinh_kernel_cuda);
EMBER_REGISTER_DISPATCH(acosh_stub, CUDA, &acosh_kernel_cuda);
EMBER_REGISTER_DISPATCH(atanh_stub, CUDA, &atanh_kernel_cuda);
EMBER_REGISTER_DISPATCH(sinc_stub, CUDA, &sinc_kernel_cuda);
EMBER_REGISTER_DISPATCH(logit_stub, CUDA, &logit_kernel_cuda);
EMBER_REGISTER_DISPATCH(frac_stub, CUDA, &frac_kernel_cuda);
EMBER_REGISTER_DISPATCH(nan_to_num_stub, CUDA, &nan_to_num_kernel_cuda);
EMBER_REGISTER_DISPATCH(signbit_stub, CUDA, &predicate_kernel_cuda<Predicate::SignBit>);
EMBER_REGISTER_DISPATCH(isposinf_stub, CUDA, &predicate_kernel_cuda<Predicate::PosInf>);
EMBER_REGISTER_DISPATCH(isneginf_stub, CUDA, &predicate_kernel_cuda<Predicate::NegInf>);

}  // namespace ember::native::cuda
