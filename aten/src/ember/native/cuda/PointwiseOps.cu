// CUDA loops of clamp, where, lerp, addcmul and addcdiv (native/PointwiseOps.h), through gpu_kernel. Bounds and
// branches arrive in the common dtype; NaN propagates through clamp like the CPU loop.
#include <type_traits>

#include <ember/native/PointwiseMath.h>
#include <ember/native/PointwiseOps.h>
#include <ember/native/cuda/Loops.cuh>

namespace ember::native::cuda {

template <typename A>
EMBER_DEVICE inline A max_nan(A a, A b) {
  if constexpr (std::is_floating_point_v<A>) {
    return (a != a || a > b) ? a : b;
  } else {
    return a > b ? a : b;
  }
}
template <typename A>
EMBER_DEVICE inline A min_nan(A a, A b) {
  if constexpr (std::is_floating_point_v<A>) {
    return (a != a || a < b) ? a : b;
  } else {
    return a < b ? a : b;
  }
}

template <typename T>
struct ClampFunctor {
  EMBER_DEVICE T operator()(T x, T lo, T hi) const {
    using A = opmath_t<T>;
    return static_cast<T>(min_nan<A>(max_nan<A>(static_cast<A>(x), static_cast<A>(lo)), static_cast<A>(hi)));
  }
};

template <typename T, bool Min>
struct ClampBoundFunctor {
  EMBER_DEVICE T operator()(T x, T bound) const {
    using A = opmath_t<T>;
    return static_cast<T>(Min ? max_nan<A>(static_cast<A>(x), static_cast<A>(bound))
                              : min_nan<A>(static_cast<A>(x), static_cast<A>(bound)));
  }
};

template <typename T>
struct WhereFunctor {
  EMBER_DEVICE T operator()(bool c, T a, T b) const { return c ? a : b; }
};

void clamp_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "clamp", [&] {
    gpu_kernel(iter, ClampFunctor<scalar_t>{}, "clamp");
  });
}

template <bool Min>
void clamp_bound_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), Min ? "clamp_min" : "clamp_max", [&] {
    gpu_kernel(iter, ClampBoundFunctor<scalar_t, Min>{}, Min ? "clamp_min" : "clamp_max");
  });
}

void where_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.dtype(0), "where", [&] {
    gpu_kernel(iter, WhereFunctor<scalar_t>{}, "where");
  });
}

template <typename T>
struct LerpScalarFunctor {
  opmath_t<T> weight;
  EMBER_DEVICE T operator()(T a, T b) const { return lerp_fn<opmath_t<T>>(a, b, weight); }
};

template <typename T>
struct LerpTensorFunctor {
  EMBER_DEVICE T operator()(T a, T b, T w) const { return lerp_fn<opmath_t<T>>(a, b, w); }
};

template <typename T, bool Div>
struct AddcFunctor {
  opmath_t<T> value;
  EMBER_DEVICE T operator()(T s, T a, T b) const {
    using A = opmath_t<T>;
    if constexpr (Div) {
      return static_cast<T>(static_cast<A>(s) + value * static_cast<A>(a) / static_cast<A>(b));
    } else {
      return static_cast<T>(static_cast<A>(s) + value * static_cast<A>(a) * static_cast<A>(b));
    }
  }
};

void lerp_scalar_kernel_cuda(TensorIterator& iter, const Scalar& weight) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "lerp_kernel_scalar", [&] {
    gpu_kernel(iter, LerpScalarFunctor<scalar_t>{weight.to<opmath_t<scalar_t>>()}, "lerp");
  });
}

void lerp_tensor_kernel_cuda(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "lerp_kernel_tensor", [&] {
    gpu_kernel(iter, LerpTensorFunctor<scalar_t>{}, "lerp");
  });
}

void addcmul_kernel_cuda(TensorIterator& iter, const Scalar& value) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "addcmul", [&] {
    // the value in the tensors' dtype first (2.5 is 2 for integers), as the CPU loop
    const auto v = static_cast<opmath_t<scalar_t>>(value.to<scalar_t>());
    gpu_kernel(iter, AddcFunctor<scalar_t, false>{v}, "addcmul");
  });
}

void addcdiv_kernel_cuda(TensorIterator& iter, const Scalar& value) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "addcdiv", [&] {
    gpu_kernel(iter, AddcFunctor<scalar_t, true>{value.to<opmath_t<scalar_t>>()}, "addcdiv");
  });
}

EMBER_REGISTER_DISPATCH(lerp_scalar_stub, CUDA, &lerp_scalar_kernel_cuda);
EMBER_REGISTER_DISPATCH(lerp_tensor_stub, CUDA, &lerp_tensor_kernel_cuda);
EMBER_REGISTER_DISPATCH(addcmul_stub, CUDA, &addcmul_kernel_cuda);
EMBER_REGISTER_DISPATCH(addcdiv_stub, CUDA, &addcdiv_kernel_cuda);
EMBER_REGISTER_DISPATCH(clamp_stub, CUDA, &clamp_kernel_cuda);
EMBER_REGISTER_DISPATCH(clamp_min_stub, CUDA, &clamp_bound_kernel_cuda<true>);
EMBER_REGISTER_DISPATCH(clamp_max_stub, CUDA, &clamp_bound_kernel_cuda<false>);
EMBER_REGISTER_DISPATCH(where_stub, CUDA, &where_kernel_cuda);

}  // namespace ember::native::cuda
