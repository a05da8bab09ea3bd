// CUDA loops of clamp and where (native/PointwiseOps.h), through gpu_kernel. Bounds and
// branches arrive in the common dtype; NaN propagates through clamp like the CPU loop.
#include <type_traits>

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

EMBER_REGISTER_DISPATCH(clamp_stub, CUDA, &clamp_kernel_cuda);
EMBER_REGISTER_DISPATCH(clamp_min_stub, CUDA, &clamp_bound_kernel_cuda<true>);
EMBER_REGISTER_DISPATCH(clamp_max_stub, CUDA, &clamp_bound_kernel_cuda<false>);
EMBER_REGISTER_DISPATCH(where_stub, CUDA, &where_kernel_cuda);

}  // namespace ember::native::cuda
