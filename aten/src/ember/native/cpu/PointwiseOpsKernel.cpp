// CPU loops of clamp, where, lerp, addcmul and addcdiv (stubs declared in native/PointwiseOps.h).
#include <type_traits>

#include <ember/native/PointwiseOps.h>
#include <ember/native/TensorIterator.h>
#include <ember/native/cpu/Loops.h>
#include <ember/native/OpMath.h>
#include <ember/native/PointwiseMath.h>

namespace ember {
namespace native {
namespace {

// NaN-propagating max/min (a NaN bound gives NaN, like PyTorch's clamp with tensors).
template <typename T>
inline T max_nan(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    return (a != a || a > b) ? a : b;
  } else {
    return a > b ? a : b;
  }
}
template <typename T>
inline T min_nan(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    return (a != a || a < b) ? a : b;
  } else {
    return a < b ? a : b;
  }
}

void clamp_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "clamp", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x, scalar_t lo, scalar_t hi) -> scalar_t {
      return min_nan<op_t>(max_nan<op_t>(op_t(x), op_t(lo)), op_t(hi));
    });
  });
}

void clamp_min_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "clamp_min", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x, scalar_t lo) -> scalar_t { return max_nan<op_t>(op_t(x), op_t(lo)); });
  });
}

void clamp_max_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "clamp_max", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x, scalar_t hi) -> scalar_t { return min_nan<op_t>(op_t(x), op_t(hi)); });
  });
}

void where_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.dtype(0), "where", [&] {
    cpu_kernel(iter, [](bool c, scalar_t a, scalar_t b) -> scalar_t { return c ? a : b; });
  });
}

void lerp_scalar_kernel(TensorIterator& iter, const Scalar& weight) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "lerp_kernel_scalar", [&] {
    using op_t = opmath_t<scalar_t>;
    const op_t w = weight.to<op_t>();
    cpu_kernel(iter, [w](scalar_t a, scalar_t b) -> scalar_t { return lerp_fn<op_t>(a, b, w); });
  });
}

void lerp_tensor_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "lerp_kernel_tensor", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t a, scalar_t b, scalar_t w) -> scalar_t { return lerp_fn<op_t>(a, b, w); });
  });
}

void addcmul_kernel(TensorIterator& iter, const Scalar& value) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "addcmul", [&] {
    using op_t = opmath_t<scalar_t>;
    // the value in the tensors' dtype first (2.5 is 2 for integers), as PyTorch
    const op_t v = static_cast<op_t>(value.to<scalar_t>());
    cpu_kernel(iter, [v](scalar_t s, scalar_t a, scalar_t b) -> scalar_t {
      return op_t(s) + v * op_t(a) * op_t(b);
    });
  });
}

void addcdiv_kernel(TensorIterator& iter, const Scalar& value) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), "addcdiv", [&] {
    using op_t = opmath_t<scalar_t>;
    const op_t v = value.to<op_t>();
    cpu_kernel(iter, [v](scalar_t s, scalar_t a, scalar_t b) -> scalar_t {
      return op_t(s) + v * op_t(a) / op_t(b);
    });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(lerp_scalar_stub, CPU, &lerp_scalar_kernel);
EMBER_REGISTER_DISPATCH(lerp_tensor_stub, CPU, &lerp_tensor_kernel);
EMBER_REGISTER_DISPATCH(addcmul_stub, CPU, &addcmul_kernel);
EMBER_REGISTER_DISPATCH(addcdiv_stub, CPU, &addcdiv_kernel);
EMBER_REGISTER_DISPATCH(clamp_stub, CPU, &clamp_kernel);
EMBER_REGISTER_DISPATCH(clamp_min_stub, CPU, &clamp_min_kernel);
EMBER_REGISTER_DISPATCH(clamp_max_stub, CPU, &clamp_max_kernel);
EMBER_REGISTER_DISPATCH(where_stub, CPU, &where_kernel);

}  // namespace native
}  // namespace ember
