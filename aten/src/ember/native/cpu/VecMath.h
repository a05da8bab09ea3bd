#pragma once
// Branch-free float/double math that GCC auto-vectorizes.
//
// Note [Vectorizable math]
// libm's expf/logf/... are opaque calls, so a loop `out[i] = std::exp(in[i])` runs one
// element at a time. The functions here are plain arithmetic on the value and its bits:
// range reduction, a minimax/Cephes polynomial, reconstruction, and special cases
// (inf, nan, overflow, underflow, subnormals) folded in with selects (`c ? a : b` on
// values both computed) instead of branches. Inlined into the contiguous loops of
// native/cpu/Loops.h, which are compiled for AVX2 and AVX-512 as well as the baseline
// (EMBER_CPU_CLONES), each becomes 8 or 16 lanes per instruction. Accuracy is within
// ~1-2 ulp of the correctly rounded result over the whole float range, like SLEEF's u10
// functions or NumPy's SIMD loops; tests compare against NumPy.
//
// Rounding to integer uses the 1.5 * 2^23 ("magic number") trick instead of rintf: it is
// exact for |x| < 2^22, needs no SSE4.1, and vectorizes everywhere. Bit casts go through
// memcpy, which GCC turns into register moves.
//
// sin/cos reduce by pi/2 in double precision, exact enough for |x| <= kTrigMaxArg;
// above that the caller recomputes with std::sin/std::cos (the
// loops in UnaryOpsKernel.cpp do this in a cheap second pass that only runs when such an
// element exists).
#include <cmath>
#include <cstdint>
#include <cstring>

#include <ember/core/Macros.h>

namespace ember {
namespace vecmath {

EMBER_ALWAYS_INLINE int32_t f2i_bits(float f) {
  int32_t i;
  std::memcpy(&i, &f, sizeof i);
  return i;
}
EMBER_ALWAYS_INLINE float i2f_bits(int32_t i) {
  float f;
  std::memcpy(&f, &i, sizeof f);
  return f;
}
EMBER_ALWAYS_INLINE int64_t d2i_bits(double f) {
  int64_t i;
  std::memcpy(&i, &f, sizeof i);
  return i;
}
EMBER_ALWAYS_INLINE double i2d_bits(int64_t i) {
  double f;
  std::memcpy(&f, &i, sizeof f);
  return f;
}

// Nearest integer (ties to even) for |x| < 2^22, as a float.
EMBER_ALWAYS_INLINE float round_magic(float x) {
  const float magic = 12582912.0f;  // 1.5 * 2^23
  return (x + magic) - magic;
}
EMBER_ALWAYS_INLINE double round_magic(double x) {
  const double magic = 6755399441055744.0;  // 1.5 * 2^52
  return (x + magic) - magic;
}

EMBER_ALWAYS_INLINE float abs(float x) { return i2f_bits(f2i_bits(x) & 0x7fffffff); }
EMBER_ALWAYS_INLINE bool isnan(float x) { return x != x; }  // NOLINT: stays a compare

// 2^n for integer-valued n in [-126, 127], built from the exponent bits.
EMBER_ALWAYS_INLINE float pow2i(float n) {
  return i2f_bits((static_cast<int32_t>(n) + 127) << 23);
}
EMBER_ALWAYS_INLINE double pow2i(double n) {
  return i2d_bits((static_cast<int64_t>(n) + 1023) << 52);
}

// ---- exp ------------------------------------------------------------------------
// exp(x) = 2^n * exp(r), n = round(x / ln2), r = x - n ln2 in [-ln2/2, ln2/2] (ln2 in
// two parts, the first with few enough bits that n * kLn2Hi is exact), exp(r) by a
// degree-6 polynomial in Horner form (a least-squares fit on Chebyshev nodes,
// relative error ~0.03 ulp, so the float rounding dominates: <= 1 ulp overall).
//
// Every step is one vector instruction and nothing is blended afterwards:
//  - x is clamped to [-104, 89] first, a range in which the arithmetic itself
//    produces the special results: exp(89) overflows to inf in the final multiply,
//    exp(-104) < 2^-150 rounds to 0; NaN passes the clamp (its compares are false)
//    and propagates through the arithmetic;
//  - n is rounded with the magic number, and its integer value is read from the
//    low mantissa bits of x / ln2 + 1.5 * 2^23, no float-to-int conversion;
//  - 2^n, n in [-150, 129], does not fit one float exponent, so it is applied as two
//    factors 2^n1 * 2^(n - n1), n1 = round(n / 2) computed the same way, each built
//    by shifting an integer into the exponent field; results in the subnormal range
//    come out correctly rounded from the last multiply instead of flushing to zero.
EMBER_ALWAYS_INLINE float exp(float x) {
  const float magic = 12582912.0f;         // 1.5 * 2^23
  const int32_t magic_bits = 0x4b400000;   // its bits: bits(magic + k) = magic_bits + k
  float xc = x < -104.0f ? -104.0f : x;
  xc = xc > 89.0f ? 89.0f : xc;
  const float t = xc * 1.44269504088896341f + magic;
  const float t1 = xc * 0.721347520444481703f + magic;  // n1 = round(x / (2 ln2))
  const float n = t - magic;
  float r = xc - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  float p = 1.37514085508883e-3f;
  p = p * r + 8.368918672204018e-3f;
  p = p * r + 4.166953265666962e-2f;
  p = p * r + 1.66665181517601e-1f;
  p = p * r + 4.9999988079071045e-1f;
  p = p * r + 1.0f;
  p = p * r + 1.0f;
  // exponent fields of 2^n1 and 2^(n - n1); unsigned so the shifts wrap, not overflow
  const uint32_t n1 = static_cast<uint32_t>(f2i_bits(t1) - magic_bits);
  const uint32_t n2 = static_cast<uint32_t>(f2i_bits(t) - f2i_bits(t1));
  const float s1 = i2f_bits(static_cast<int32_t>((n1 + 127u) << 23));
  const float s2 = i2f_bits(static_cast<int32_t>((n2 + 127u) << 23));
  return p * s1 * s2;
}

// double: n = round(x / ln2), r reduced with a two-part ln2, exp(r) by its degree-13
// Taylor polynomial (|r| <= 0.347: truncation error below 2^-57).
EMBER_ALWAYS_INLINE double exp(double x) {
  const double hi = 709.782712893383973096;
  const double lo = -745.1332191019412076235;
  const double xc = x > hi ? hi : (x < lo ? lo : x);
  const double n = round_magic(xc * 1.4426950408889634074);
  const double r = (xc - n * 6.93147180369123816490e-01) - n * 1.90821492927058770002e-10;
  double p = 1.0 / 6227020800.0;
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  const double n1 = round_magic(n * 0.5);
  const double n2 = n - n1;
  double y = p * pow2i(n1) * pow2i(n2);
  y = x > hi ? __builtin_huge_val() : y;
  y = x < lo ? 0.0 : y;
  return x != x ? x : y;
}

// ---- log ------------------------------------------------------------------------
// x = m * 2^e with m in [sqrt(1/2), sqrt(2)); log(x) = e ln2 + log(m), log(1+f) by the
// Cephes logf polynomial. Subnormal inputs are scaled by 2^23 first.
EMBER_ALWAYS_INLINE float log(float x) {
  const bool sub = x < 1.17549435e-38f;
  const float xs = sub ? x * 8388608.0f : x;
  const int32_t bits = f2i_bits(xs);
  // exponent relative to a mantissa in [sqrt(1/2), sqrt(2)): subtract the bits of
  // sqrt(1/2) so the split happens there instead of at 1.0
  const int32_t adj = bits - 0x3f3504f3;
  const int32_t e = adj >> 23;
  const float m = i2f_bits((adj & 0x007fffff) + 0x3f3504f3);
  const float f = m - 1.0f;
  const float fe = static_cast<float>(e) - (sub ? 23.0f : 0.0f);
  const float z = f * f;
  float p = 7.0376836292e-2f;
  p = p * f - 1.1514610310e-1f;
  p = p * f + 1.1676998740e-1f;
  p = p * f - 1.2420140846e-1f;
  p = p * f + 1.4249322787e-1f;
  p = p * f - 1.6668057665e-1f;
  p = p * f + 2.0000714765e-1f;
  p = p * f - 2.4999993993e-1f;
  p = p * f + 3.3333331174e-1f;
  float y = f * z * p;
  y += -2.12194440e-4f * fe;
  y += -0.5f * z;
  y = f + y;
  y += 0.693359375f * fe;
  // special cases: log(0) = -inf, log(<0) = nan, log(inf) = inf, log(nan) = nan
  y = x == 0.0f ? -__builtin_huge_valf() : y;
  y = x < 0.0f ? __builtin_nanf("") : y;
  y = x == __builtin_huge_valf() ? x : y;
  return x != x ? x : y;
}

// double: same split; log(m) = 2 atanh(s), s = (m-1)/(m+1), |s| <= 0.1716, as an odd
// series in s (enough terms for < 1 ulp).
EMBER_ALWAYS_INLINE double log(double x) {
  const bool sub = x < 2.2250738585072014e-308;
  const double xs = sub ? x * 18014398509481984.0 : x;  // 2^54
  const int64_t bits = d2i_bits(xs);
  const int64_t adj = bits - 0x3fe6a09e667f3bcdLL;  // bits of sqrt(1/2)
  const int64_t e = adj >> 52;
  const double m = i2d_bits((adj & 0x000fffffffffffffLL) + 0x3fe6a09e667f3bcdLL);
  const double fe = static_cast<double>(e) - (sub ? 54.0 : 0.0);
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  double p = 2.0 / 21.0;
  p = p * s2 + 2.0 / 19.0;
  p = p * s2 + 2.0 / 17.0;
  p = p * s2 + 2.0 / 15.0;
  p = p * s2 + 2.0 / 13.0;
  p = p * s2 + 2.0 / 11.0;
  p = p * s2 + 2.0 / 9.0;
  p = p * s2 + 2.0 / 7.0;
  p = p * s2 + 2.0 / 5.0;
  p = p * s2 + 2.0 / 3.0;
  // fdlibm's stable form: log(m) = f - (f^2/2 - s (f^2/2 + R)), R = s^2 p(s^2)
  const double f = m - 1.0;
  const double hfsq = 0.5 * f * f;
  const double R = s2 * p;
  double y = f - (hfsq - s * (hfsq + R));
  y = fe * 1.90821492927058770002e-10 + y;
  y = fe * 6.93147180369123816490e-01 + y;
  y = x == 0.0 ? -__builtin_huge_val() : y;
  y = x < 0.0 ? __builtin_nan("") : y;
  y = x == __builtin_huge_val() ? x : y;
  return x != x ? x : y;
}

// ---- sin / cos --------------------------------------------------------------------
// x = q * pi/2 + r with the reduction done in double: q * kPio2Hi is exact for
// |q| < 2^20 (kPio2Hi has 33 significant bits) and kPio2Lo carries the rest of pi/2, so
// r is accurate to ~1e-16 even next to a zero of sin/cos. The polynomials then run in
// float. Above kTrigMaxArg (q would exceed 2^20) callers fall back to libm.
constexpr float kTrigMaxArg = 1.0e6f;

// sin and cos on [-pi/4, pi/4] (Cephes sinf/cosf polynomials).
EMBER_ALWAYS_INLINE float sin_poly(float r, float r2) {
  float p = -1.9515295891e-4f;
  p = p * r2 + 8.3321608736e-3f;
  p = p * r2 - 1.6666654611e-1f;
  return r + r * r2 * p;
}
EMBER_ALWAYS_INLINE float cos_poly(float r2) {
  float p = 2.443315711809948e-5f;
  p = p * r2 - 1.388731625493765e-3f;
  p = p * r2 + 4.166664568298827e-2f;
  return 1.0f - 0.5f * r2 + r2 * r2 * p;
}

EMBER_ALWAYS_INLINE float reduce_pio2(float x, int32_t& qi) {
  const double xd = x;
  const double q = round_magic(xd * 0.63661977236758134308);
  const double r = (xd - q * 1.57079632673412561417e+00) - q * 6.07710050650619224932e-11;
  qi = static_cast<int32_t>(q);
  return static_cast<float>(r);
}

EMBER_ALWAYS_INLINE float sin(float x) {
  int32_t qi;
  const float r = reduce_pio2(x, qi);
  const float r2 = r * r;
  const float s = sin_poly(r, r2);
  const float c = cos_poly(r2);
  float y = (qi & 1) ? c : s;
  y = (qi & 2) ? -y : y;
  // inf -> nan (nan stays nan through the arithmetic)
  return abs(x) == __builtin_huge_valf() ? __builtin_nanf("") : y;
}

EMBER_ALWAYS_INLINE float cos(float x) {
  int32_t qi;
  const float r = reduce_pio2(x, qi);
  const float r2 = r * r;
  const float s = sin_poly(r, r2);
  const float c = cos_poly(r2);
  float y = (qi & 1) ? s : c;
  y = ((qi + 1) & 2) ? -y : y;
  return abs(x) == __builtin_huge_valf() ? __builtin_nanf("") : y;
}

// ---- tanh, sigmoid ----------------------------------------------------------------
// tanh: for |x| < 0.625 an odd polynomial (Cephes tanhf), else 1 - 2/(exp(2|x|)+1)
// with the sign restored. Both are computed; a select picks one.
EMBER_ALWAYS_INLINE float tanh(float x) {
  const float ax = abs(x);
  const float z = x * x;
  float p = -5.70498872745e-3f;
  p = p * z + 2.06390887954e-2f;
  p = p * z - 5.37397155531e-2f;
  p = p * z + 1.33314422036e-1f;
  p = p * z - 3.33332819422e-1f;
  const float small = x + x * z * p;
  const float big_abs = 1.0f - 2.0f / (exp(2.0f * ax) + 1.0f);
  const float big = x < 0.0f ? -big_abs : big_abs;
  const float y = ax < 0.625f ? small : big;
  return x != x ? x : y;
}

EMBER_ALWAYS_INLINE float sigmoid(float x) { return 1.0f / (1.0f + exp(-x)); }
EMBER_ALWAYS_INLINE double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }

}  // namespace vecmath
}  // namespace ember
