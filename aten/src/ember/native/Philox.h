#pragma once
// The element -> random-bits mapping of ember's random operators, shared by the CPU
// loops (native/cpu/DistributionsKernel.cpp) and the CUDA kernels, so that a seed gives
// the same tensor on every device and with any number of threads.
//
// Note [Philox element mapping]
// A random operator on a tensor of n elements (in row-major logical order) reserves
// ceil(n / E) Philox blocks from its generator (GeneratorImpl::reserve), getting a
// state (seed, offset); block b is philox4x32(key = seed, counter = offset + b), four
// 32-bit words w0..w3. E, the elements per block, is 4 for "narrow" draws and 2 for
// "wide" ones; element i reads slot i % E of block i / E:
//   narrow (E = 4): slot s is word w_s                      (32 bits)
//   wide   (E = 2): slot s is w_{2s} | w_{2s+1} << 32        (64 bits)
// What each operator makes of its bits:
//   uniform_  float/half/bfloat16 narrow, double wide: the low `digits` bits (24, 11, 8,
//             53: the type's mantissa precision, so [0, 1) is exact in the type) scaled
//             by 2^-digits, then x * range + from with from and range = to - from (the
//             difference taken in double) converted to float (double for double).
//   normal_   Box-Muller on pairs: elements 2k and 2k+1 come from one pair (u1, u2);
//             float types read u1, u2 from words (w_{2p}, w_{2p+1}) of the block
//             (2 pairs per block, E = 4), double reads u1 from (w0, w1) and u2 from
//             (w2, w3) (1 pair per block, E = 2). The math is done in double for
//             every dtype with ember's own log and sincos (detail::log_unit,
//             detail::sincos_2pi: +, -, *, /, sqrt only, never a libm call), so normals
//             are bit-identical across devices like uniform_ and random_ (mul_rn/add_rn
//             rule out FMA contraction on the GPU).
//   random_   from + bits % range, narrow when range < 2^32, wide otherwise; the full
//             int64 range takes the 64 bits as they are.
// Every function here is a pure function of (block words, slot, parameters).
#include <cmath>
#include <cstdint>
#include <cstring>

#include <ember/core/Generator.h>
#include <ember/core/Half.h>
#include <ember/core/Macros.h>

namespace ember::philox {

// a * b and a + b rounded separately. nvcc (and hipcc) fuse `a * b + c` into an FMA by
// default while the host build (no -mfma) does not, which would make CPU and GPU
// results differ in the last bit; these keep both sides to the same two roundings.
template <typename T>
EMBER_HOST_DEVICE inline T mul_rn(T a, T b) {
#if defined(__CUDA_ARCH__) || defined(__HIP_DEVICE_COMPILE__)
  if constexpr (sizeof(T) == 4) {
    return __fmul_rn(a, b);
  } else {
    return __dmul_rn(a, b);
  }
#else
  return a * b;
#endif
}
template <typename T>
EMBER_HOST_DEVICE inline T add_rn(T a, T b) {
#if defined(__CUDA_ARCH__) || defined(__HIP_DEVICE_COMPILE__)
  if constexpr (sizeof(T) == 4) {
    return __fadd_rn(a, b);
  } else {
    return __dadd_rn(a, b);
  }
#else
  return a + b;
#endif
}

EMBER_HOST_DEVICE inline Philox4x32 block(uint64_t seed, uint64_t offset, uint64_t b) {
  return philox4x32(seed, /*counter_hi=*/0, offset + b);
}

EMBER_HOST_DEVICE inline uint32_t narrow_bits(const Philox4x32& r, int slot) { return r.v[slot]; }
EMBER_HOST_DEVICE inline uint64_t wide_bits(const Philox4x32& r, int slot) {
  return static_cast<uint64_t>(r.v[2 * slot]) | (static_cast<uint64_t>(r.v[2 * slot + 1]) << 32);
}

// Per-dtype constants of the uniform mapping: mantissa digits and whether one element
// needs 64 bits. Only floating types draw uniforms.
template <typename T>
struct UniformTraits;
template <>
struct UniformTraits<float> {
  static constexpr int digits = 24;
  static constexpr bool wide = false;
  using acc_t = float;
};
template <>
struct UniformTraits<double> {
  static constexpr int digits = 53;
  static constexpr bool wide = true;
  using acc_t = double;
};
template <>
struct UniformTraits<Half> {
  static constexpr int digits = 11;
  static constexpr bool wide = false;
  using acc_t = float;
};
template <>
struct UniformTraits<BFloat16> {
  static constexpr int digits = 8;
  static constexpr bool wide = false;
  using acc_t = float;
};

template <typename T>
EMBER_HOST_DEVICE constexpr int uniform_elements_per_block() {
  return UniformTraits<T>::wide ? 2 : 4;
}

// Element `slot` of block r as U[from, from + range).
template <typename T>
EMBER_HOST_DEVICE inline T uniform_element(const Philox4x32& r, int slot,
                                           typename UniformTraits<T>::acc_t from,
                                           typename UniformTraits<T>::acc_t range) {
  using acc_t = typename UniformTraits<T>::acc_t;
  constexpr int digits = UniformTraits<T>::digits;
  constexpr uint64_t mask = (uint64_t(1) << digits) - 1;
  const uint64_t bits = UniformTraits<T>::wide ? wide_bits(r, slot) : narrow_bits(r, slot);
  const acc_t x = static_cast<acc_t>(bits & mask) * (acc_t(1) / static_cast<acc_t>(uint64_t(1) << digits));
  return static_cast<T>(add_rn(mul_rn(x, range), from));
}

// Pairs of normals: 2 per block for types narrower than double, 1 for double.
template <typename T>
EMBER_HOST_DEVICE constexpr int normal_elements_per_block() {
  return UniformTraits<T>::wide ? 2 : 4;
}

// The two uniforms of pair `pair` (0 or 1; always 0 for double) of block r:
// u1 in (0, 1] (so log(u1) is finite) and u2 in [0, 1), with the dtype's precision.
template <typename T>
EMBER_HOST_DEVICE inline void normal_uniforms(const Philox4x32& r, int pair, double* u1, double* u2) {
  if constexpr (UniformTraits<T>::wide) {
    *u1 = static_cast<double>((wide_bits(r, 0) >> 11) + 1) * 0x1.0p-53;
    *u2 = static_cast<double>(wide_bits(r, 1) >> 11) * 0x1.0p-53;
  } else {
    *u1 = static_cast<double>((r.v[2 * pair] >> 8) + 1) * 0x1.0p-24;
    *u2 = static_cast<double>(r.v[2 * pair + 1] >> 8) * 0x1.0p-24;
  }
}

namespace detail {

EMBER_HOST_DEVICE inline uint64_t double_bits(double d) {
#if defined(__CUDA_ARCH__) || defined(__HIP_DEVICE_COMPILE__)
  return static_cast<uint64_t>(__double_as_longlong(d));
#elif defined(__GNUC__)
  return __builtin_bit_cast(uint64_t, d);  // a register move; memcpy blocks vectorisation
#else
  uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
#endif
}
EMBER_HOST_DEVICE inline double bits_double(uint64_t u) {
#if defined(__CUDA_ARCH__) || defined(__HIP_DEVICE_COMPILE__)
  return __longlong_as_double(static_cast<long long>(u));
#elif defined(__GNUC__)
  return __builtin_bit_cast(double, u);
#else
  double d;
  std::memcpy(&d, &u, sizeof d);
  return d;
#endif
}
// c0 + x * c1, rounded twice (see mul_rn).
EMBER_HOST_DEVICE inline double madd(double x, double c1, double c0) { return add_rn(mul_rn(x, c1), c0); }

// log(u) for u in (0, 1] (normal, as every u1 is >= 2^-53). u = m * 2^e with m in
// [sqrt(1/2), sqrt(2)); log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716, by its
// odd series through s^23 (truncation below 2^-56 relative); e * ln2 in two parts.
// Only +, -, *, / and selects: the same bits on every IEEE device.
EMBER_HOST_DEVICE inline double log_unit(double u) {
  const uint64_t bits = double_bits(u);
  int32_t e = static_cast<int32_t>((bits >> 52) & 0x7ff) - 1023;
  double m = bits_double((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);  // [1, 2)
  const bool big = m > 1.4142135623730951;
  m = big ? m * 0.5 : m;  // exact
  e += big ? 1 : 0;
  const double f = m - 1.0;  // exact (Sterbenz)
  const double sv = f / add_rn(2.0, f);
  const double z = mul_rn(sv, sv);
  // 1 + z/3 + z^2/5 + ... + z^11/23 (Horner)
  double p = 1.0 / 23;
  p = madd(z, p, 1.0 / 21);
  p = madd(z, p, 1.0 / 19);
  p = madd(z, p, 1.0 / 17);
  p = madd(z, p, 1.0 / 15);
  p = madd(z, p, 1.0 / 13);
  p = madd(z, p, 1.0 / 11);
  p = madd(z, p, 1.0 / 9);
  p = madd(z, p, 1.0 / 7);
  p = madd(z, p, 1.0 / 5);
  p = madd(z, p, 1.0 / 3);
  const double log_m = mul_rn(2.0 * sv, madd(z, p, 1.0));
  const double de = static_cast<double>(e);
  constexpr double kLn2Hi = 6.93147180369123816490e-01;  // 32 significant bits: e * hi is exact
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  return add_rn(mul_rn(de, kLn2Hi), madd(de, kLn2Lo, log_m));
}

// sin and cos of 2*pi*u for u in [0, 1). u = q/4 + r exactly (q = nearest quarter,
// |r| <= 1/8), x = 2 pi r in [-pi/4, pi/4]; Taylor series through x^17 / x^18
// (truncation below 2^-55), then the quadrant's sign/swap.
EMBER_HOST_DEVICE inline void sincos_2pi(double u, double* sin_out, double* cos_out) {
  const double q = static_cast<double>(static_cast<int32_t>(u * 4.0 + 0.5));  // u * 4 is exact
  const double r = u - q * 0.25;  // exact: both are multiples of u's ulp
  const double x = mul_rn(r, 6.283185307179586476925286766559);
  const double x2 = mul_rn(x, x);
  double ps = -1.0 / 355687428096000.0;  // -1/17!
  ps = madd(x2, ps, 1.0 / 1307674368000.0);
  ps = madd(x2, ps, -1.0 / 6227020800.0);
  ps = madd(x2, ps, 1.0 / 39916800.0);
  ps = madd(x2, ps, -1.0 / 362880.0);
  ps = madd(x2, ps, 1.0 / 5040.0);
  ps = madd(x2, ps, -1.0 / 120.0);
  ps = madd(x2, ps, 1.0 / 6.0);
  const double sx = add_rn(x, -mul_rn(mul_rn(x, x2), ps));  // x - x^3 (1/3! - ...)
  double pc = 1.0 / 6402373705728000.0;  // 1/18!
  pc = madd(x2, pc, -1.0 / 20922789888000.0);
  pc = madd(x2, pc, 1.0 / 87178291200.0);
  pc = madd(x2, pc, -1.0 / 479001600.0);
  pc = madd(x2, pc, 1.0 / 3628800.0);
  pc = madd(x2, pc, -1.0 / 40320.0);
  pc = madd(x2, pc, 1.0 / 720.0);
  pc = madd(x2, pc, -1.0 / 24.0);
  const double cx = add_rn(add_rn(1.0, -0.5 * x2), mul_rn(mul_rn(x2, x2), -pc));  // 1 - x^2/2 + x^4 (1/4! - ...)
  // Quadrant q (mod 4): angle = q * pi/2 + x.
  const int32_t k = static_cast<int32_t>(q) & 3;
  const double s0 = (k & 1) ? cx : sx;
  const double c0 = (k & 1) ? sx : cx;
  *sin_out = (k & 2) ? -s0 : s0;
  *cos_out = ((k + 1) & 2) ? -c0 : c0;
}

}  // namespace detail

// Box-Muller: (z0, z1) = mean + std * sqrt(-2 log u1) * (cos, sin)(2 pi u2), in double.
EMBER_HOST_DEVICE inline void box_muller(double u1, double u2, double mean, double std, double* z0,
                                         double* z1) {
  const double radius = std::sqrt(-2.0 * detail::log_unit(u1));  // sqrt is correctly rounded everywhere
  double s, c;
  detail::sincos_2pi(u2, &s, &c);
  const double scale = mul_rn(std, radius);
  *z0 = add_rn(mean, mul_rn(scale, c));
  *z1 = add_rn(mean, mul_rn(scale, s));
}

// The two normals of pair `pair` of block r (normal_uniforms + box_muller).
template <typename T>
EMBER_HOST_DEVICE inline void normal_pair(const Philox4x32& r, int pair, double mean, double std,
                                          T* z0, T* z1) {
  double u1, u2, a, b;
  normal_uniforms<T>(r, pair, &u1, &u2);
  box_muller(u1, u2, mean, std, &a, &b);
  *z0 = static_cast<T>(a);
  *z1 = static_cast<T>(b);
}

// random_(from, to): integers uniform in [base, base + range); range == 0 means the
// full 2^64 range (only reachable for int64 with from = INT64_MIN and no `to`).
struct RandomRange {
  uint64_t range;
  int64_t base;
  EMBER_HOST_DEVICE bool wide() const { return range == 0 || range >= (uint64_t(1) << 32); }
  EMBER_HOST_DEVICE int elements_per_block() const { return wide() ? 2 : 4; }
};

EMBER_HOST_DEVICE inline int64_t random_element(const Philox4x32& r, int slot, const RandomRange& rr) {
  if (rr.range == 0) return static_cast<int64_t>(wide_bits(r, slot));
  const uint64_t bits = rr.wide() ? wide_bits(r, slot) : narrow_bits(r, slot);
  // Unsigned arithmetic: base + offset may pass through values an int64 cannot hold.
  return static_cast<int64_t>(static_cast<uint64_t>(rr.base) + bits % rr.range);
}

}  // namespace ember::philox
