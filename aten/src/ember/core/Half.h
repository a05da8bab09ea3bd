#pragma once
// Storage types for 16-bit floats. Arithmetic happens in float: a Half or BFloat16
// converts to float on load and rounds back (round-to-nearest-even) on store, which is
// what PyTorch's CPU kernels compute as well. The same code runs on host and device.
#include <cstdint>
#include <cstring>
#include <limits>
#include <ostream>

#include <ember/core/Macros.h>

namespace ember {

namespace detail {
// A bit cast that every compiler lowers to a register move: CUDA's intrinsics in
// nvcc device code, the compiler builtin elsewhere (hip-clang device code has no
// device-side std::memcpy; GCC and clang both provide __builtin_memcpy).
EMBER_HOST_DEVICE inline uint32_t float_bits(float f) {
#if defined(__CUDA_ARCH__)
  return __float_as_uint(f);
#else
  uint32_t u;
  __builtin_memcpy(&u, &f, sizeof u);
  return u;
#endif
}
EMBER_HOST_DEVICE inline float bits_float(uint32_t u) {
#if defined(__CUDA_ARCH__)
  return __uint_as_float(u);
#else
  float f;
  __builtin_memcpy(&f, &u, sizeof f);
  return f;
#endif
}

// IEEE binary16 <-> binary32, exact for every half value; NaN stays NaN.
EMBER_HOST_DEVICE inline float half_bits_to_float(uint16_t h) {
  const uint32_t sign = uint32_t(h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1fu;
  uint32_t mant = h & 0x3ffu;
  if (exp == 0x1f) return bits_float(sign | 0x7f800000u | (mant << 13));  // inf / nan
  if (exp == 0) {
    if (mant == 0) return bits_float(sign);
    // subnormal: normalise
    exp = 113;  // 127 - 15 + 1
    while ((mant & 0x400u) == 0) {
      mant <<= 1;
      --exp;
    }
    mant &= 0x3ffu;
    return bits_float(sign | (exp << 23) | (mant << 13));
  }
  return bits_float(sign | ((exp + 112) << 23) | (mant << 13));
}

EMBER_HOST_DEVICE inline uint16_t float_to_half_bits(float f) {
  uint32_t x = float_bits(f);
  const uint32_t sign = (x >> 16) & 0x8000u;
  x &= 0x7fffffffu;
  if (x >= 0x7f800000u) {  // inf or nan
    return uint16_t(sign | 0x7c00u | (x > 0x7f800000u ? 0x200u : 0u));
  }
  if (x >= 0x477ff000u) return uint16_t(sign | 0x7c00u);  // rounds to inf
  if (x < 0x38800000u) {                                   // subnormal half or zero
    // add 0.5 (as float) so the FPU does the round-to-nearest-even for us
    const float v = bits_float(x) + 0.5f;
    return uint16_t(sign | (float_bits(v) - 0x3f000000u));
  }
  const uint32_t mant_odd = (x >> 13) & 1u;
  x += 0xc8000fffu + mant_odd;  // re-bias exponent (-112 << 23) and round to nearest even
  return uint16_t(sign | (x >> 13));
}

EMBER_HOST_DEVICE inline uint16_t float_to_bf16_bits(float f) {
  uint32_t x = float_bits(f);
  if ((x & 0x7fffffffu) > 0x7f800000u) return uint16_t((x >> 16) | 0x40u);  // quiet nan
  x += 0x7fffu + ((x >> 16) & 1u);  // round to nearest even
  return uint16_t(x >> 16);
}
}  // namespace detail

struct alignas(2) Half {
  uint16_t x;
  Half() = default;
  struct from_bits_t {};
  EMBER_HOST_DEVICE constexpr Half(uint16_t bits, from_bits_t) : x(bits) {}
  EMBER_HOST_DEVICE Half(float f) : x(detail::float_to_half_bits(f)) {}  // NOLINT
  EMBER_HOST_DEVICE operator float() const { return detail::half_bits_to_float(x); }  // NOLINT
};

struct alignas(2) BFloat16 {
  uint16_t x;
  BFloat16() = default;
  struct from_bits_t {};
  EMBER_HOST_DEVICE constexpr BFloat16(uint16_t bits, from_bits_t) : x(bits) {}
  EMBER_HOST_DEVICE BFloat16(float f) : x(detail::float_to_bf16_bits(f)) {}  // NOLINT
  EMBER_HOST_DEVICE operator float() const {  // NOLINT
    return detail::bits_float(uint32_t(x) << 16);
  }
};

inline std::ostream& operator<<(std::ostream& os, Half h) { return os << float(h); }
inline std::ostream& operator<<(std::ostream& os, BFloat16 h) { return os << float(h); }

}  // namespace ember

namespace std {
template <>
class numeric_limits<ember::Half> {
 public:
  static constexpr bool is_specialized = true;
  static constexpr bool has_infinity = true;
  static constexpr bool has_quiet_NaN = true;
  static ember::Half lowest() { return ember::Half(0xfbffu, ember::Half::from_bits_t{}); }
  static ember::Half max() { return ember::Half(0x7bffu, ember::Half::from_bits_t{}); }
  static ember::Half min() { return ember::Half(0x0400u, ember::Half::from_bits_t{}); }
  static ember::Half infinity() { return ember::Half(0x7c00u, ember::Half::from_bits_t{}); }
  static ember::Half quiet_NaN() { return ember::Half(0x7e00u, ember::Half::from_bits_t{}); }
  static ember::Half epsilon() { return ember::Half(0x1400u, ember::Half::from_bits_t{}); }
};
template <>
class numeric_limits<ember::BFloat16> {
 public:
  static constexpr bool is_specialized = true;
  static constexpr bool has_infinity = true;
  static constexpr bool has_quiet_NaN = true;
  static ember::BFloat16 lowest() { return ember::BFloat16(0xff7fu, ember::BFloat16::from_bits_t{}); }
  static ember::BFloat16 max() { return ember::BFloat16(0x7f7fu, ember::BFloat16::from_bits_t{}); }
  static ember::BFloat16 min() { return ember::BFloat16(0x0080u, ember::BFloat16::from_bits_t{}); }
  static ember::BFloat16 infinity() { return ember::BFloat16(0x7f80u, ember::BFloat16::from_bits_t{}); }
  static ember::BFloat16 quiet_NaN() { return ember::BFloat16(0x7fc0u, ember::BFloat16::from_bits_t{}); }
  static ember::BFloat16 epsilon() { return ember::BFloat16(0x3c00u, ember::BFloat16::from_bits_t{}); }
};
}  // namespace std
