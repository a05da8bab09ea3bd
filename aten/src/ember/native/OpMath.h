#pragma once
// The arithmetic types kernels compute in, shared by the CPU loops and the CUDA/HIP
// kernels (everything here is EMBER_HOST_DEVICE):
//   opmath_t<T>  Half and BFloat16 compute in float and round once on store, as
//                PyTorch's kernels do; every other T computes in itself.
//   acc_t<T>     sums and products accumulate integers in int64 and floats in opmath_t.
//   wrap_add / wrap_mul: integer arithmetic that wraps around (two's complement) like
//                PyTorch's int64 accumulation, without signed-overflow UB.
#include <cstdint>
#include <type_traits>

#include <ember/core/Half.h>
#include <ember/core/Macros.h>

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

template <typename T>
using acc_t = std::conditional_t<std::is_integral_v<T>, int64_t, opmath_t<T>>;

template <typename A>
EMBER_HOST_DEVICE inline A wrap_add(A a, A b) {
  if constexpr (std::is_integral_v<A>) {
    return static_cast<A>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
  } else {
    return a + b;
  }
}
template <typename A>
EMBER_HOST_DEVICE inline A wrap_mul(A a, A b) {
  if constexpr (std::is_integral_v<A>) {
    return static_cast<A>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
  } else {
    return a * b;
  }
}

}  // namespace native
}  // namespace ember
