#pragma once
// Overloads of the CUDA math library by precision, so one functor template serves
// float (and, through opmath_t, the 16-bit floats) and double. HIP provides the same
// functions under the same names.
#include <cuda_runtime.h>

#include <ember/core/Macros.h>

namespace ember::native::cuda::math {

#define EMBER_CUDA_MATH_UNARY(NAME, FLOAT_FN, DOUBLE_FN)                       \
  EMBER_DEVICE inline float NAME(float x) { return ::FLOAT_FN(x); }             \
  EMBER_DEVICE inline double NAME(double x) { return ::DOUBLE_FN(x); }
EMBER_CUDA_MATH_UNARY(exp, expf, exp)
EMBER_CUDA_MATH_UNARY(log, logf, log)
EMBER_CUDA_MATH_UNARY(sqrt, sqrtf, sqrt)
EMBER_CUDA_MATH_UNARY(rsqrt, rsqrtf, rsqrt)
EMBER_CUDA_MATH_UNARY(sin, sinf, sin)
EMBER_CUDA_MATH_UNARY(cos, cosf, cos)
EMBER_CUDA_MATH_UNARY(tanh, tanhf, tanh)
EMBER_CUDA_MATH_UNARY(fabs, fabsf, fabs)
EMBER_CUDA_MATH_UNARY(floor, floorf, floor)
EMBER_CUDA_MATH_UNARY(trunc, truncf, trunc)
EMBER_CUDA_MATH_UNARY(ceil, ceilf, ceil)
EMBER_CUDA_MATH_UNARY(nearbyint, nearbyintf, nearbyint)
EMBER_CUDA_MATH_UNARY(log2, log2f, log2)
EMBER_CUDA_MATH_UNARY(log10, log10f, log10)
EMBER_CUDA_MATH_UNARY(log1p, log1pf, log1p)
EMBER_CUDA_MATH_UNARY(expm1, expm1f, expm1)
EMBER_CUDA_MATH_UNARY(tan, tanf, tan)
EMBER_CUDA_MATH_UNARY(asin, asinf, asin)
EMBER_CUDA_MATH_UNARY(acos, acosf, acos)
EMBER_CUDA_MATH_UNARY(atan, atanf, atan)
EMBER_CUDA_MATH_UNARY(sinh, sinhf, sinh)
EMBER_CUDA_MATH_UNARY(cosh, coshf, cosh)
EMBER_CUDA_MATH_UNARY(erf, erff, erf)
EMBER_CUDA_MATH_UNARY(erfc, erfcf, erfc)
EMBER_CUDA_MATH_UNARY(erfinv, erfinvf, erfinv)
EMBER_CUDA_MATH_UNARY(exp2, exp2f, exp2)
EMBER_CUDA_MATH_UNARY(asinh, asinhf, asinh)
EMBER_CUDA_MATH_UNARY(acosh, acoshf, acosh)
EMBER_CUDA_MATH_UNARY(atanh, atanhf, atanh)
#undef EMBER_CUDA_MATH_UNARY

EMBER_DEVICE inline float pow(float a, float b) { return ::powf(a, b); }
EMBER_DEVICE inline double pow(double a, double b) { return ::pow(a, b); }
EMBER_DEVICE inline float fmod(float a, float b) { return ::fmodf(a, b); }
EMBER_DEVICE inline double fmod(double a, double b) { return ::fmod(a, b); }
EMBER_DEVICE inline float copysign(float a, float b) { return ::copysignf(a, b); }
EMBER_DEVICE inline double copysign(double a, double b) { return ::copysign(a, b); }
EMBER_DEVICE inline float atan2(float a, float b) { return ::atan2f(a, b); }
EMBER_DEVICE inline double atan2(double a, double b) { return ::atan2(a, b); }
EMBER_DEVICE inline float hypot(float a, float b) { return ::hypotf(a, b); }
EMBER_DEVICE inline double hypot(double a, double b) { return ::hypot(a, b); }
EMBER_DEVICE inline float nextafter(float a, float b) { return ::nextafterf(a, b); }
EMBER_DEVICE inline double nextafter(double a, double b) { return ::nextafter(a, b); }

}  // namespace ember::native::cuda::math
