#pragma once
// Element functions shared by the CPU loops and the CUDA/HIP kernels that have no
// library form for every dtype (EMBER_HOST_DEVICE, integer and comparison arithmetic
// only, so no math library is involved).
#include <cstdint>
#include <type_traits>

#include <ember/core/Half.h>
#include <ember/core/Macros.h>

namespace ember {
namespace native {

// nextafter for Half and BFloat16 on their bit patterns: from a nonzero value one ulp
// towards `to` is +-1 on the sign-magnitude bits; from zero it is the smallest
// subnormal with `to`'s sign; NaN in either gives NaN; equal values give `to`.
template <typename T>
EMBER_HOST_DEVICE inline T nextafter16(T from, T to) {
  const float f = static_cast<float>(from), t = static_cast<float>(to);
  if (f != f || t != t) return T(f + t);
  if (f == t) return to;
  uint16_t bits;
  if (f == 0.0f) {
    bits = static_cast<uint16_t>((to.x & 0x8000u) | 1u);
  } else if ((f < t) == (f > 0.0f)) {
    bits = static_cast<uint16_t>(from.x + 1u);
  } else {
    bits = static_cast<uint16_t>(from.x - 1u);
  }
  return T(bits, typename T::from_bits_t{});
}

// lerp as PyTorch computes it: from `self` for small weights, from `end` for large
// ones, so that weight 0 gives self and weight 1 gives end exactly. A is the opmath type.
template <typename A, typename T, typename W>
EMBER_HOST_DEVICE inline T lerp_fn(T self_, T end_, W weight_) {
  const A self = static_cast<A>(self_), end = static_cast<A>(end_), weight = static_cast<A>(weight_);
  const bool small = (weight < A(0) ? -weight : weight) < A(0.5);
  return static_cast<T>(small ? self + weight * (end - self) : end - (end - self) * (A(1) - weight));
}

// NaN test for any element type (false for integers and bool; 16-bit floats via float).
template <typename T>
EMBER_HOST_DEVICE inline bool is_nan_value(T v) {
  if constexpr (std::is_integral_v<T>) {
    return false;
  } else {
    return static_cast<float>(v) != static_cast<float>(v);
  }
}

// cummax/cummin: whether x replaces the running extreme `best` (a NaN wins and stays;
// ties move the index forward, as PyTorch's kernels do).
template <bool Max, typename T>
EMBER_HOST_DEVICE inline bool cum_extreme_takes(T x, T best) {
  if constexpr (Max) {
    return is_nan_value(x) || (!is_nan_value(best) && x >= best);
  } else {
    return is_nan_value(x) || (!is_nan_value(best) && x <= best);
  }
}

}  // namespace native
}  // namespace ember
