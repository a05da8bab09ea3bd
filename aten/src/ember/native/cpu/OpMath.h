#pragma once
// opmath_t<T>: the type a CPU kernel computes in for element type T. Half and BFloat16
// compute in float and round once on store, as PyTorch's CPU kernels do.
#include <type_traits>

#include <ember/core/Half.h>

namespace ember {
namespace native {

template <typename T>
struct OpMath {
  using type = T;
};
template <>
struct OpMath<Half> {
  using type = float;
};
template <>
struct OpMath<BFloat16> {
  using type = float;
};
template <typename T>
using opmath_t = typename OpMath<T>::type;

}  // namespace native
}  // namespace ember
