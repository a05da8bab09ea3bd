// CUDA loops of the unary operators (native/UnaryOps.h), through gpu_kernel. The float
// functions see floating dtypes only (UnaryOps.cpp promotes integer inputs) and compute
// the 16-bit floats in float, like the CPU loops.
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
// rounding (integers pass through, see RoundingFunctor); round is half to even
EMBER_CUDA_FLOAT_OP(FloorOp, floor)
EMBER_CUDA_FLOAT_OP(CeilOp, ceil)
EMBER_CUDA_FLOAT_OP(RoundOp, nearbyint)
EMBER_CUDA_FLOAT_OP(TruncOp, trunc)
#undef EMBER_CUDA_FLOAT_OP

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

}  // namespace ember::native::cuda
