// CUDA loops of the arithmetic binary operators (native/BinaryOps.h): add/sub, mul,
// div (true, trunc, floor), remainder/fmod, bitwise and/or/xor, pow, maximum/minimum,
// atan2, hypot, logaddexp(2), xlogy, copysign, nextafter, heaviside.
// Inputs arrive in the common dtype (TensorIterator casts them), so each functor is
// instantiated once per dtype and run by gpu_kernel (Note [CUDA elementwise launcher]).
// The arithmetic matches the CPU loops (native/cpu/BinaryOpsKernel.cpp) operation for
// operation.
#include <type_traits>

#include <ember/native/BinaryOps.h>
#include <ember/native/PointwiseMath.h>
#include <ember/native/cuda/DeviceMath.cuh>
#include <ember/native/cuda/Loops.cuh>

namespace ember::native::cuda {

template <typename T>
struct AddFunctor {
  opmath_t<T> alpha;
  EMBER_DEVICE T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>) {
      return a || (alpha && b);
    } else {
      return static_cast<T>(static_cast<opmath_t<T>>(a) + alpha * static_cast<opmath_t<T>>(b));
    }
  }
};

template <typename T>
struct MulFunctor {
  EMBER_DEVICE T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>) {
      return a && b;
    } else {
      return static_cast<T>(static_cast<opmath_t<T>>(a) * static_cast<opmath_t<T>>(b));
    }
  }
};

template <typename T>
struct DivTrueFunctor {
  EMBER_DEVICE T operator()(T a, T b) const {
    return static_cast<T>(static_cast<opmath_t<T>>(a) / static_cast<opmath_t<T>>(b));
  }
};

// Integer division: a zero divisor sets *zero_flag (checked on the host after the
// kernel: CUDA kernels cannot raise) and yields 0; x / -1 wraps like two's complement.
template <typename T, bool Floor>
struct DivIntFunctor {
  int* zero_flag;
  EMBER_DEVICE T operator()(T a, T b) const {
    if (b == 0) {
      *zero_flag = 1;
      return T(0);
    }
    if constexpr (std::is_signed_v<T>) {
      if (b == -1) return static_cast<T>(0 - static_cast<std::make_unsigned_t<T>>(a));
      if constexpr (Floor) {
        const T q = static_cast<T>(a / b);
        const T r = static_cast<T>(a % b);
        return (r != 0 && ((r < 0) != (b < 0))) ? static_cast<T>(q - 1) : q;
      }
    }
    return static_cast<T>(a / b);
  }
};

template <typename T>
struct DivTruncFloatFunctor {
  EMBER_DEVICE T operator()(T a, T b) const {
    using A = opmath_t<T>;
    return static_cast<T>(math::trunc(static_cast<A>(a) / static_cast<A>(b)));
  }
};

// Python's floor division for floats, consistent with fmod (as the CPU loop).
template <typename T>
struct DivFloorFloatFunctor {
  EMBER_DEVICE T operator()(T x, T y) const {
    using A = opmath_t<T>;
    const A a = static_cast<A>(x), b = static_cast<A>(y);
    if (b == 0) return static_cast<T>(a / b);
    const A mod = math::fmod(a, b);
    A div = (a - mod) / b;
    if (mod != 0 && ((b < 0) != (mod < 0))) div -= A(1);
    A floordiv;
    if (div != 0) {
      floordiv = math::floor(div);
      if (div - floordiv > A(0.5)) floordiv += A(1);
    } else {
      floordiv = math::copysign(A(0), a / b);
    }
    return static_cast<T>(floordiv);
  }
};

// Integer modulus (remainder: Python's sign convention; fmod: C's). A zero divisor sets
// *zero_flag like DivIntFunctor; x % -1 is 0.
template <typename T, bool Python>
struct ModIntFunctor {
  int* zero_flag;
  EMBER_DEVICE T operator()(T a, T b) const {
    if (b == 0) {
      *zero_flag = 1;
      return T(0);
    }
    if constexpr (std::is_signed_v<T>) {
      if (b == -1) return T(0);
      T r = static_cast<T>(a % b);
      if (Python && r != 0 && ((r < 0) != (b < 0))) r = static_cast<T>(r + b);
      return r;
    } else {
      return static_cast<T>(a % b);
    }
  }
};

template <typename T, bool Python>
struct ModFloatFunctor {
  EMBER_DEVICE T operator()(T x, T y) const {
    using A = opmath_t<T>;
    const A a = static_cast<A>(x), b = static_cast<A>(y);
    A mod = math::fmod(a, b);
    if (Python && mod != 0 && ((b < 0) != (mod < 0))) mod += b;
    return static_cast<T>(mod);
  }
};

template <typename T, int Op>  // 0: and, 1: or, 2: xor
struct BitwiseFunctor {
  EMBER_DEVICE T operator()(T a, T b) const {
    if constexpr (Op == 0) return static_cast<T>(a & b);
    if constexpr (Op == 1) return static_cast<T>(a | b);
    return static_cast<T>(a ^ b);
  }
};

// Integer power by squaring; negative exponents give 0 except for bases 1 and -1.
template <typename T>
struct PowIntFunctor {
  EMBER_DEVICE T operator()(T base, T exp) const {
    if constexpr (std::is_signed_v<T>) {
      if (exp < 0) {
        if (base == 1) return T(1);
        if (base == -1) return (exp % 2) ? T(-1) : T(1);
        return T(0);
      }
    }
    using U = std::make_unsigned_t<T>;
    U result = 1, b = static_cast<U>(base);
    U e = static_cast<U>(exp);
    while (e) {
      if (e & 1) result = static_cast<U>(result * b);
      b = static_cast<U>(b * b);
      e >>= 1;
    }
    return static_cast<T>(result);
  }
};

template <typename T>
struct PowFloatFunctor {
  EMBER_DEVICE T operator()(T a, T b) const {
    using A = opmath_t<T>;
    return static_cast<T>(math::pow(static_cast<A>(a), static_cast<A>(b)));
  }
};

struct PowBoolFunctor {
  // bool ** bool: only 0 ** 1 is false
  EMBER_DEVICE bool operator()(bool a, bool b) const { return a || !b; }
};

template <typename T, bool IsMax>
struct ExtremumFunctor {
  EMBER_DEVICE T operator()(T x, T y) const {
    using A = opmath_t<T>;
    const A a = static_cast<A>(x), b = static_cast<A>(y);
    if constexpr (std::is_floating_point_v<A>) {
      return static_cast<T>((a != a || (IsMax ? a > b : a < b)) ? a : b);  // NaN propagates
    } else {
      return (IsMax ? a > b : a < b) ? x : y;
    }
  }
};

// ---- float functions of two arguments (floating common dtype; as the CPU loops) -------
enum class FloatBinary { Atan2, Hypot, LogAddExp, LogAddExp2, Xlogy, Copysign };

template <typename T, FloatBinary Op>
struct FloatBinaryFunctor {
  EMBER_DEVICE T operator()(T x, T y) const {
    using A = opmath_t<T>;
    const A a = static_cast<A>(x), b = static_cast<A>(y);
    if constexpr (Op == FloatBinary::Atan2) return static_cast<T>(math::atan2(a, b));
    if constexpr (Op == FloatBinary::Hypot) return static_cast<T>(math::hypot(a, b));
    if constexpr (Op == FloatBinary::Copysign) return static_cast<T>(math::copysign(a, b));
    if constexpr (Op == FloatBinary::Xlogy) {
      if (b != b) return static_cast<T>(b);
      if (a == A(0)) return static_cast<T>(A(0));
      return static_cast<T>(a * math::log(b));
    }
    if constexpr (Op == FloatBinary::LogAddExp || Op == FloatBinary::LogAddExp2) {
      if (a == b && a - a != a - a) return static_cast<T>(a);  // equal infinities
      const A m = a > b ? a : b;
      const A d = -math::fabs(a - b);
      if constexpr (Op == FloatBinary::LogAddExp) {
        return static_cast<T>(m + math::log1p(math::exp(d)));
      } else {
        return static_cast<T>(m + math::log1p(math::exp2(d)) * A(1.44269504088896340735992468100189214));
      }
    }
  }
};

template <FloatBinary Op>
void float_binary_kernel_cuda(TensorIterator& iter) {
  static constexpr const char* kNames[] = {"atan2", "hypot", "logaddexp", "logaddexp2", "xlogy", "copysign"};
  const char* name = kNames[static_cast<int>(Op)];
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), name, [&] {
    gpu_kernel(iter, FloatBinaryFunctor<scalar_t, Op>{}, name);
  });
}

template <typename T>
struct NextafterFunctor {
  EMBER_DEVICE T operator()(T a, T b) const {
    if constexpr (std::is_floating_point_v<T>) {
      return math::nextafter(a, b);
    } else {
      return nextafter16(a, b);
    }
  }
};

void nextafter_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "nextafter", [&] {
    gpu_kernel(iter, NextafterFunctor<scalar_t>{}, "nextafter");
  });
}

template <typename T>
struct HeavisideFunctor {
  EMBER_DEVICE T operator()(T xs, T v) const {
    using A = opmath_t<T>;
    const A x = static_cast<A>(xs);
    return x == A(0) ? v : static_cast<T>(x > A(0));
  }
};

void heaviside_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "heaviside", [&] {
    gpu_kernel(iter, HeavisideFunctor<scalar_t>{}, "heaviside");
  });
}

void add_kernel_cuda(TensorIterator& iter, const Scalar& alpha) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "add", [&] {
    gpu_kernel(iter, AddFunctor<scalar_t>{alpha.to<opmath_t<scalar_t>>()}, "add");
  });
}

void mul_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), "mul", [&] {
    gpu_kernel(iter, MulFunctor<scalar_t>{}, "mul");
  });
}

void div_true_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "div", [&] {
    gpu_kernel(iter, DivTrueFunctor<scalar_t>{}, "div");
  });
}

// Runs an integer division or modulus (Functor<scalar_t>{flag}) and raises
// ZeroDivisionError (like the CPU loop) when a divisor was zero.
template <template <typename> class Functor>
void int_zero_checked_cuda(TensorIterator& iter, const char* name) {
  const ScalarType dt = iter.common_dtype();
  EMBER_CHECK(dt != ScalarType::Bool, '"', name, "\" not implemented for 'Bool'");
  if (iter.numel() == 0) return;
  ::ember::cuda::CUDAGuard guard(iter.device(0));
  const Tensor flag = empty_tensor({}, ScalarType::Int, iter.device(0));
  int* flag_ptr = static_cast<int*>(flag.data_ptr());
  const cudaStream_t stream = current_stream();
  EMBER_CUDA_CHECK(cudaMemsetAsync(flag_ptr, 0, sizeof(int), stream));
  EMBER_DISPATCH_INTEGRAL_TYPES(dt, name, [&] {
    gpu_kernel(iter, Functor<scalar_t>{flag_ptr}, name);
  });
  int hit = 0;
  EMBER_CUDA_CHECK(cudaMemcpyAsync(&hit, flag_ptr, sizeof(int), cudaMemcpyDeviceToHost, stream));
  EMBER_CUDA_CHECK(cudaStreamSynchronize(stream));
  EMBER_CHECK(hit == 0, "ZeroDivisionError");
}

template <typename T> using DivTruncInt = DivIntFunctor<T, false>;
template <typename T> using DivFloorInt = DivIntFunctor<T, true>;
template <typename T> using RemainderInt = ModIntFunctor<T, true>;
template <typename T> using FmodInt = ModIntFunctor<T, false>;

template <bool Python>
void mod_kernel_cuda(TensorIterator& iter) {
  const char* name = Python ? "remainder" : "fmod";
  const ScalarType dt = iter.common_dtype();
  if (is_integral_type(dt, /*include_bool=*/true)) {
    if constexpr (Python) {
      return int_zero_checked_cuda<RemainderInt>(iter, name);
    } else {
      return int_zero_checked_cuda<FmodInt>(iter, name);
    }
  }
  EMBER_DISPATCH_FLOATING_TYPES(dt, name, [&] {
    gpu_kernel(iter, ModFloatFunctor<scalar_t, Python>{}, name);
  });
}

template <int Op>
void bitwise_kernel_cuda(TensorIterator& iter) {
  const char* name = Op == 0 ? "bitwise_and" : Op == 1 ? "bitwise_or" : "bitwise_xor";
  if (iter.common_dtype() == ScalarType::Bool) return gpu_kernel(iter, BitwiseFunctor<bool, Op>{}, name);
  EMBER_DISPATCH_INTEGRAL_TYPES(iter.common_dtype(), name, [&] {
    gpu_kernel(iter, BitwiseFunctor<scalar_t, Op>{}, name);
  });
}

void div_trunc_kernel_cuda(TensorIterator& iter) {
  const ScalarType dt = iter.common_dtype();
  if (is_integral_type(dt, /*include_bool=*/true)) return int_zero_checked_cuda<DivTruncInt>(iter, "div_trunc");
  EMBER_DISPATCH_FLOATING_TYPES(dt, "div_trunc", [&] {
    gpu_kernel(iter, DivTruncFloatFunctor<scalar_t>{}, "div_trunc");
  });
}

void div_floor_kernel_cuda(TensorIterator& iter) {
  const ScalarType dt = iter.common_dtype();
  if (is_integral_type(dt, /*include_bool=*/true)) return int_zero_checked_cuda<DivFloorInt>(iter, "div_floor");
  EMBER_DISPATCH_FLOATING_TYPES(dt, "div_floor", [&] {
    gpu_kernel(iter, DivFloorFloatFunctor<scalar_t>{}, "div_floor");
  });
}

void pow_kernel_cuda(TensorIterator& iter) {
  const ScalarType dt = iter.common_dtype();
  if (dt == ScalarType::Bool) return gpu_kernel(iter, PowBoolFunctor{}, "pow");
  if (is_integral_type(dt, false)) {
    EMBER_DISPATCH_INTEGRAL_TYPES(dt, "pow", [&] { gpu_kernel(iter, PowIntFunctor<scalar_t>{}, "pow"); });
    return;
  }
  EMBER_DISPATCH_FLOATING_TYPES(dt, "pow", [&] { gpu_kernel(iter, PowFloatFunctor<scalar_t>{}, "pow"); });
}

template <bool IsMax>
void extremum_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.common_dtype(), IsMax ? "maximum" : "minimum", [&] {
    gpu_kernel(iter, ExtremumFunctor<scalar_t, IsMax>{}, IsMax ? "maximum" : "minimum");
  });
}

EMBER_REGISTER_DISPATCH(atan2_stub, CUDA, &float_binary_kernel_cuda<FloatBinary::Atan2>);
EMBER_REGISTER_DISPATCH(hypot_stub, CUDA, &float_binary_kernel_cuda<FloatBinary::Hypot>);
EMBER_REGISTER_DISPATCH(logaddexp_stub, CUDA, &float_binary_kernel_cuda<FloatBinary::LogAddExp>);
EMBER_REGISTER_DISPATCH(logaddexp2_stub, CUDA, &float_binary_kernel_cuda<FloatBinary::LogAddExp2>);
EMBER_REGISTER_DISPATCH(xlogy_stub, CUDA, &float_binary_kernel_cuda<FloatBinary::Xlogy>);
EMBER_REGISTER_DISPATCH(copysign_stub, CUDA, &float_binary_kernel_cuda<FloatBinary::Copysign>);
EMBER_REGISTER_DISPATCH(nextafter_stub, CUDA, &nextafter_kernel_cuda);
EMBER_REGISTER_DISPATCH(heaviside_stub, CUDA, &heaviside_kernel_cuda);
EMBER_REGISTER_DISPATCH(add_stub, CUDA, &add_kernel_cuda);
EMBER_REGISTER_DISPATCH(mul_stub, CUDA, &mul_kernel_cuda);
EMBER_REGISTER_DISPATCH(div_true_stub, CUDA, &div_true_kernel_cuda);
EMBER_REGISTER_DISPATCH(div_trunc_stub, CUDA, &div_trunc_kernel_cuda);
EMBER_REGISTER_DISPATCH(div_floor_stub, CUDA, &div_floor_kernel_cuda);
EMBER_REGISTER_DISPATCH(pow_stub, CUDA, &pow_kernel_cuda);
EMBER_REGISTER_DISPATCH(remainder_stub, CUDA, &mod_kernel_cuda<true>);
EMBER_REGISTER_DISPATCH(fmod_stub, CUDA, &mod_kernel_cuda<false>);
EMBER_REGISTER_DISPATCH(bitwise_and_stub, CUDA, &bitwise_kernel_cuda<0>);
EMBER_REGISTER_DISPATCH(bitwise_or_stub, CUDA, &bitwise_kernel_cuda<1>);
EMBER_REGISTER_DISPATCH(bitwise_xor_stub, CUDA, &bitwise_kernel_cuda<2>);
EMBER_REGISTER_DISPATCH(maximum_stub, CUDA, &extremum_kernel_cuda<true>);
EMBER_REGISTER_DISPATCH(minimum_stub, CUDA, &extremum_kernel_cuda<false>);

}  // namespace ember::native::cuda
