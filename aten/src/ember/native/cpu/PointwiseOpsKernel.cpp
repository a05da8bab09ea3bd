// CPU loops of clamp and where (stubs declared in native/PointwiseOps.h).
#include <type_traits>

#include <ember/native/PointwiseOps.h>
#include <ember/native/TensorIterator.h>
#include <ember/native/cpu/Loops.h>
#include <ember/native/OpMath.h>

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

}  // namespace

EMBER_REGISTER_DISPATCH(clamp_stub, CPU, &clamp_kernel);
EMBER_REGISTER_DISPATCH(clamp_min_stub, CPU, &clamp_min_kernel);
EMBER_REGISTER_DISPATCH(clamp_max_stub, CPU, &clamp_max_kernel);
EMBER_REGISTER_DISPATCH(where_stub, CPU, &where_kernel);

}  // namespace native
}  // namespace ember
