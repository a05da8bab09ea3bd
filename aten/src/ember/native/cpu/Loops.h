#pragma once
// CPU inner loops over a TensorIterator.
//
//   cpu_kernel(iter, [](float a, float b) -> float { return a + b; });
//
// The op takes one argument per input (in the inputs' C++ types) and returns the
// output's C++ type; arity 0 to 3. cpu_kernel picks, per inner row:
//   - all operands contiguous:            out[i] = op(a[i], b[i])
//   - one input of a binary op is a scalar (stride 0, e.g. a Python number):
//                                         out[i] = op(a[i], bval)
//   - otherwise a strided loop over byte pointers.
// The first two are separate functions on __restrict__ pointers with a plain index
// loop, so GCC vectorizes them; for float and double, EMBER_CPU_CLONES compiles each of
// them for AVX-512, AVX2+FMA and the x86-64 baseline and picks one at load time (GCC
// function multiversioning), so one binary runs well on any x86-64 machine. Inline ops
// (and the branch-free functions of VecMath.h) are inlined into every clone.
//
// The loops run through TensorIterator::for_each, i.e. in parallel above kGrainSize.
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

#include <ember/core/Macros.h>
#include <ember/native/TensorIterator.h>

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) && \
    !defined(EMBER_NO_CPU_CLONES)
#define EMBER_CPU_CLONES \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"), noinline))
#else
#define EMBER_CPU_CLONES
#endif

namespace ember {
namespace native {

// ---- function traits -----------------------------------------------------------
template <typename F>
struct function_traits : function_traits<decltype(&std::decay_t<F>::operator())> {};
template <typename C, typename R, typename... A>
struct function_traits<R (C::*)(A...) const> {
  using result_type = R;
  using args = std::tuple<std::decay_t<A>...>;
  static constexpr int arity = sizeof...(A);
  template <int I>
  using arg = std::tuple_element_t<I, args>;
};
template <typename C, typename R, typename... A>
struct function_traits<R (C::*)(A...)> : function_traits<R (C::*)(A...) const> {};

// ---- contiguous / scalar-operand fast loops (vectorized) ---------------------------
// Defined twice: `loops::` compiled for several ISAs (EMBER_CPU_CLONES) and `loops_base::`
// for the baseline only. Only float and double use the clones -- they are what the
// transcendental functions and the benchmarks run on -- so the integer and 16-bit
// instantiations don't triple the compile time.
//
// When the output aliases an input exactly (in-place ops), the __restrict__ promise is
// broken only for out[i] vs in[i]; each out[i] is computed from the inputs at i alone,
// so no ordering the compiler may pick can observe the difference.
#define EMBER_DEFINE_FAST_LOOPS(NS, ATTR)                                                    \
  namespace NS {                                                                            \
  template <typename R, typename Op>                                                        \
  ATTR void fill(R* EMBER_RESTRICT out, int64_t n, Op op) {                                 \
    for (int64_t i = 0; i < n; ++i) out[i] = op();                                          \
  }                                                                                         \
  template <typename R, typename A, typename Op>                                            \
  ATTR void unary(R* EMBER_RESTRICT out, const A* EMBER_RESTRICT a, int64_t n, Op op) {     \
    for (int64_t i = 0; i < n; ++i) out[i] = op(a[i]);                                      \
  }                                                                                         \
  template <typename R, typename A, typename B, typename Op>                                \
  ATTR void binary(R* EMBER_RESTRICT out, const A* EMBER_RESTRICT a,                        \
                   const B* EMBER_RESTRICT b, int64_t n, Op op) {                           \
    for (int64_t i = 0; i < n; ++i) out[i] = op(a[i], b[i]);                                \
  }                                                                                         \
  template <typename R, typename A, typename B, typename Op>                                \
  ATTR void binary_scalar_b(R* EMBER_RESTRICT out, const A* EMBER_RESTRICT a, B b,          \
                            int64_t n, Op op) {                                             \
    for (int64_t i = 0; i < n; ++i) out[i] = op(a[i], b);                                   \
  }                                                                                         \
  template <typename R, typename A, typename B, typename Op>                                \
  ATTR void binary_scalar_a(R* EMBER_RESTRICT out, A a, const B* EMBER_RESTRICT b,          \
                            int64_t n, Op op) {                                             \
    for (int64_t i = 0; i < n; ++i) out[i] = op(a, b[i]);                                   \
  }                                                                                         \
  template <typename R, typename A, typename B, typename C, typename Op>                    \
  ATTR void ternary(R* EMBER_RESTRICT out, const A* EMBER_RESTRICT a,                       \
                    const B* EMBER_RESTRICT b, const C* EMBER_RESTRICT c, int64_t n, Op op) { \
    for (int64_t i = 0; i < n; ++i) out[i] = op(a[i], b[i], c[i]);                          \
  }                                                                                         \
  }

EMBER_DEFINE_FAST_LOOPS(loops_multi, EMBER_CPU_CLONES)
EMBER_DEFINE_FAST_LOOPS(loops_base, inline)
#undef EMBER_DEFINE_FAST_LOOPS

namespace loops {
template <typename T>
EMBER_ALWAYS_INLINE T load(const char* p) {
  T v;
  __builtin_memcpy(&v, p, sizeof(T));
  return v;
}
template <typename T>
EMBER_ALWAYS_INLINE void store(char* p, T v) {
  __builtin_memcpy(p, &v, sizeof(T));
}
}  // namespace loops

// Whether the contiguous loops for element type T are multi-ISA clones.
template <typename T>
constexpr bool kMultiIsa = std::is_same_v<T, float> || std::is_same_v<T, double>;

// One inner row of n elements: pick the fastest loop the strides allow.
template <typename Op>
EMBER_ALWAYS_INLINE void cpu_row(char** data, const int64_t* strides, int64_t n, Op& op) {
  using traits = function_traits<Op>;
  using R = typename traits::result_type;
  constexpr int arity = traits::arity;
  static_assert(arity <= 3, "cpu_kernel supports at most 3 inputs");
  char* out = data[0];
  const bool out_contig = strides[0] == static_cast<int64_t>(sizeof(R));
#define EMBER_FAST(fn, ...)                                   \
  do {                                                        \
    if constexpr (kMultiIsa<R>) {                             \
      loops_multi::fn(__VA_ARGS__);                           \
    } else {                                                  \
      loops_base::fn(__VA_ARGS__);                            \
    }                                                         \
    return;                                                   \
  } while (0)
  if constexpr (arity == 0) {
    if (out_contig) EMBER_FAST(fill, reinterpret_cast<R*>(out), n, op);
    for (int64_t i = 0; i < n; ++i) loops::store<R>(out + i * strides[0], op());
  } else if constexpr (arity == 1) {
    using A = typename traits::template arg<0>;
    if (out_contig && strides[1] == static_cast<int64_t>(sizeof(A))) {
      EMBER_FAST(unary, reinterpret_cast<R*>(out), reinterpret_cast<const A*>(data[1]), n, op);
    }
    for (int64_t i = 0; i < n; ++i) {
      loops::store<R>(out + i * strides[0], op(loops::load<A>(data[1] + i * strides[1])));
    }
  } else if constexpr (arity == 2) {
    using A = typename traits::template arg<0>;
    using B = typename traits::template arg<1>;
    if (out_contig) {
      const bool a_contig = strides[1] == static_cast<int64_t>(sizeof(A));
      const bool b_contig = strides[2] == static_cast<int64_t>(sizeof(B));
      if (a_contig && b_contig) {
        EMBER_FAST(binary, reinterpret_cast<R*>(out), reinterpret_cast<const A*>(data[1]),
                   reinterpret_cast<const B*>(data[2]), n, op);
      }
      if (a_contig && strides[2] == 0) {
        EMBER_FAST(binary_scalar_b, reinterpret_cast<R*>(out),
                   reinterpret_cast<const A*>(data[1]), loops::load<B>(data[2]), n, op);
      }
      if (strides[1] == 0 && b_contig) {
        EMBER_FAST(binary_scalar_a, reinterpret_cast<R*>(out), loops::load<A>(data[1]),
                   reinterpret_cast<const B*>(data[2]), n, op);
      }
    }
    for (int64_t i = 0; i < n; ++i) {
      loops::store<R>(out + i * strides[0], op(loops::load<A>(data[1] + i * strides[1]),
                                                 loops::load<B>(data[2] + i * strides[2])));
    }
  } else {
    using A = typename traits::template arg<0>;
    using B = typename traits::template arg<1>;
    using C = typename traits::template arg<2>;
    if (out_contig && strides[1] == static_cast<int64_t>(sizeof(A)) &&
        strides[2] == static_cast<int64_t>(sizeof(B)) &&
        strides[3] == static_cast<int64_t>(sizeof(C))) {
      EMBER_FAST(ternary, reinterpret_cast<R*>(out), reinterpret_cast<const A*>(data[1]),
                 reinterpret_cast<const B*>(data[2]), reinterpret_cast<const C*>(data[3]), n, op);
    }
    for (int64_t i = 0; i < n; ++i) {
      loops::store<R>(out + i * strides[0], op(loops::load<A>(data[1] + i * strides[1]),
                                                 loops::load<B>(data[2] + i * strides[2]),
                                                 loops::load<C>(data[3] + i * strides[3])));
    }
  }
#undef EMBER_FAST
}

// Runs op over every element of iter (see the file comment). The output is operand 0.
template <typename Op>
void cpu_kernel(TensorIterator& iter, Op op, int64_t grain_size = kGrainSize) {
  using traits = function_traits<Op>;
  EMBER_CHECK(iter.ntensors() == traits::arity + 1, "cpu_kernel: the op takes ", traits::arity,
              " inputs but the iterator has ", iter.ninputs());
  // Small problems (one element from Python, say) skip the 2-d/parallel machinery.
  if (iter.numel() == 1) {
    char* data[kMaxOperands];
    int64_t strides[kMaxOperands] = {};
    for (int k = 0; k < iter.ntensors(); ++k) data[k] = static_cast<char*>(iter.data_ptr(k));
    cpu_row(data, strides, 1, op);
    return;
  }
  iter.for_each([&op](char** data, const int64_t* strides, int64_t n) { cpu_row(data, strides, n, op); },
                grain_size);
}

}  // namespace native
}  // namespace ember
