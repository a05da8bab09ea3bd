// CPU loops of the unary pointwise operators (stubs declared in native/UnaryOps.h).
// float (and double exp/log/sigmoid) use the branch-free functions of VecMath.h so the
// contiguous loops vectorize (see Note [Vectorizable math]); Half/BFloat16 compute in
// float; the remaining double functions call libm.
#include <cmath>
#include <type_traits>

#include <ember/native/TensorIterator.h>
#include <ember/native/UnaryOps.h>
#include <ember/native/cpu/Loops.h>
#include <ember/native/OpMath.h>
#include <ember/native/cpu/VecMath.h>

namespace ember {
namespace native {
namespace {

void neg_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "neg", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x) -> scalar_t { return -op_t(x); });
  });
}

void abs_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES(iter.common_dtype(), "abs", [&] {
    using op_t = opmath_t<scalar_t>;
    if constexpr (std::is_floating_point_v<op_t>) {
      cpu_kernel(iter, [](scalar_t x) -> scalar_t { return std::abs(op_t(x)); });
    } else if constexpr (std::is_unsigned_v<scalar_t>) {
      cpu_kernel(iter, [](scalar_t x) -> scalar_t { return x; });
    } else {
      cpu_kernel(iter, [](scalar_t x) -> scalar_t { return x < 0 ? static_cast<scalar_t>(-x) : x; });
    }
  });
}

// A float function F with a vectorizable float/double form V and libm's form L.
// The op structs pick per element type: float -> V, double -> V or L, 16-bit -> V(float).
#define EMBER_UNARY_FLOAT_KERNEL(NAME, FLOAT_EXPR, DOUBLE_EXPR)                    \
  void NAME##_kernel(TensorIterator& iter) {                                       \
    EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), #NAME, [&] {                \
      if constexpr (std::is_same_v<scalar_t, double>) {                            \
        cpu_kernel(iter, [](double x) -> double { return DOUBLE_EXPR; });          \
      } else {                                                                     \
        cpu_kernel(iter, [](scalar_t xs) -> scalar_t {                             \
          const float x = static_cast<float>(xs);                                  \
          return FLOAT_EXPR;                                                       \
        });                                                                        \
      }                                                                            \
    });                                                                            \
  }

EMBER_UNARY_FLOAT_KERNEL(exp, vecmath::exp(x), vecmath::exp(x))
EMBER_UNARY_FLOAT_KERNEL(log, vecmath::log(x), vecmath::log(x))
EMBER_UNARY_FLOAT_KERNEL(sqrt, std::sqrt(x), std::sqrt(x))
EMBER_UNARY_FLOAT_KERNEL(rsqrt, 1.0f / std::sqrt(x), 1.0 / std::sqrt(x))
EMBER_UNARY_FLOAT_KERNEL(tanh, vecmath::tanh(x), std::tanh(x))
EMBER_UNARY_FLOAT_KERNEL(sigmoid, vecmath::sigmoid(x), vecmath::sigmoid(x))
#undef EMBER_UNARY_FLOAT_KERNEL

// sin/cos: the vectorized float form is exact only for |x| <= kTrigMaxArg. Each inner
// row first checks (a vectorizable OR-reduction) whether any element exceeds it; rows
// that do take a per-element loop with a libm fallback. Checking before writing keeps
// in-place calls correct.
template <bool kSin>
void trig_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_FLOATING_TYPES(iter.common_dtype(), kSin ? "sin" : "cos", [&] {
    if constexpr (std::is_same_v<scalar_t, double>) {
      cpu_kernel(iter, [](double x) -> double { return kSin ? std::sin(x) : std::cos(x); });
    } else {
      auto fast = [](scalar_t xs) -> scalar_t {
        const float x = static_cast<float>(xs);
        return kSin ? vecmath::sin(x) : vecmath::cos(x);
      };
      auto safe = [](scalar_t xs) -> scalar_t {
        const float x = static_cast<float>(xs);
        if (std::abs(x) > vecmath::kTrigMaxArg) return kSin ? std::sin(x) : std::cos(x);
        return kSin ? vecmath::sin(x) : vecmath::cos(x);
      };
      iter.for_each([&](char** data, const int64_t* strides, int64_t n) {
        bool large = false;
        const char* in = data[1];
        if (strides[1] == static_cast<int64_t>(sizeof(scalar_t))) {
          const scalar_t* p = reinterpret_cast<const scalar_t*>(in);
          for (int64_t i = 0; i < n; ++i) large |= std::abs(static_cast<float>(p[i])) > vecmath::kTrigMaxArg;
        } else {
          for (int64_t i = 0; i < n; ++i) {
            large |= std::abs(static_cast<float>(loops::load<scalar_t>(in + i * strides[1]))) >
                     vecmath::kTrigMaxArg;
          }
        }
        if (large) {
          cpu_row(data, strides, n, safe);
        } else {
          cpu_row(data, strides, n, fast);
        }
      });
    }
  });
}

void sin_kernel(TensorIterator& iter) { trig_kernel<true>(iter); }
void cos_kernel(TensorIterator& iter) { trig_kernel<false>(iter); }

void logical_not_kernel(TensorIterator& iter) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.input_dtype(0), "logical_not", [&] {
    using op_t = opmath_t<scalar_t>;
    cpu_kernel(iter, [](scalar_t x) -> bool { return !(static_cast<op_t>(x) != op_t(0)); });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(neg_stub, CPU, &neg_kernel);
EMBER_REGISTER_DISPATCH(abs_stub, CPU, &abs_kernel);
EMBER_REGISTER_DISPATCH(exp_stub, CPU, &exp_kernel);
EMBER_REGISTER_DISPATCH(log_stub, CPU, &log_kernel);
EMBER_REGISTER_DISPATCH(sqrt_stub, CPU, &sqrt_kernel);
EMBER_REGISTER_DISPATCH(rsqrt_stub, CPU, &rsqrt_kernel);
EMBER_REGISTER_DISPATCH(sin_stub, CPU, &sin_kernel);
EMBER_REGISTER_DISPATCH(cos_stub, CPU, &cos_kernel);
EMBER_REGISTER_DISPATCH(tanh_stub, CPU, &tanh_kernel);
EMBER_REGISTER_DISPATCH(sigmoid_stub, CPU, &sigmoid_kernel);
EMBER_REGISTER_DISPATCH(logical_not_stub, CPU, &logical_not_kernel);

}  // namespace native
}  // namespace ember
