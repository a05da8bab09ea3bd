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

template <typename T, typename Op>
struct FloatUnaryFunctor {
  EMBER_DEVICE T operator()(T x) const {
    return static_cast<T>(Op::f(static_cast<opmath_t<T>>(x)));
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

}  // namespace ember::native::cuda
