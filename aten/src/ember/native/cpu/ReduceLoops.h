#pragma once
// CPU building blocks for reductions over one run of elements, shared by the
// reduction loops (ReduceOpsKernel.cpp) and softmax (SoftMaxKernel.cpp).
//
// Note [Vectorizable reductions]
// A scalar accumulation `s += p[i]` is a dependency chain the compiler may not
// reorder (it would change the rounding), so it runs at one add per FP latency. The
// loops below keep kLanes independent accumulators that GCC turns into several
// vector registers, and combine them only at the end. For sums this also improves
// accuracy: blocks of kSumBlock elements are summed that way and the blocks are
// combined pairwise (NumPy's pairwise summation), so the rounding error grows like
// O(log n) instead of O(n); summing 10^7 float32 ones is exact. The hot entry points
// are compiled three times (AVX-512, AVX2, the baseline) and picked at load time
// (EMBER_CPU_CLONES), because the build targets the baseline ISA.
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include <ember/core/Half.h>
#include <ember/core/Tensor.h>
#include <ember/native/Parallel.h>
#include <ember/native/Reduce.h>


#if defined(__x86_64__) && defined(__GNUC__) && defined(__linux__)
#define EMBER_CPU_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define EMBER_CPU_CLONES
#endif

namespace ember::native::cpu {

// The type reductions and softmax compute in: float for the 16-bit floats, int64
// for integers and bool (sums and products wrap like PyTorch's), else the type itself.
template <typename T>
struct AccType {
  using type = std::conditional_t<std::is_integral_v<T>, int64_t, T>;
};
template <>
struct AccType<Half> { using type = float; };
template <>
struct AccType<BFloat16> { using type = float; };
template <typename T>
using acc_t = typename AccType<T>::type;

// The type max/min compare in: the type itself, float for the 16-bit floats.
template <typename T>
using compute_t = std::conditional_t<std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>,
                                     float, T>;

template <typename T>
inline bool is_nan(T v) {
  if constexpr (std::is_floating_point_v<T>) {
    return v != v;
  } else {
    return false;
  }
}

// Integer sums and products wrap (two's complement) instead of invoking undefined
// behaviour on overflow.
template <typename A>
inline A wrap_add(A a, A b) {
  if constexpr (std::is_integral_v<A>) {
    return static_cast<A>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
  } else {
    return a + b;
  }
}
template <typename A>
inline A wrap_mul(A a, A b) {
  if constexpr (std::is_integral_v<A>) {
    return static_cast<A>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
  } else {
    return a * b;
  }
}

constexpr int kLanes = 32;          // independent accumulators (Note [Vectorizable reductions])
constexpr int64_t kSumBlock = 512;  // leaf size of the pairwise sum

// Sum of n elements at p, p + stride, ... (stride in elements), pairwise.
template <typename scalar_t>
EMBER_CPU_CLONES acc_t<scalar_t> sum_run(const scalar_t* p, int64_t n, int64_t stride) {
  using A = acc_t<scalar_t>;
  if (n > kSumBlock) {
    // Split at a multiple of the block so the leaves stay full.
    const int64_t half = ((n / kSumBlock + 1) / 2) * kSumBlock;
    return wrap_add(sum_run(p, half, stride), sum_run(p + half * stride, n - half, stride));
  }
  A r[kLanes];
  for (int k = 0; k < kLanes; ++k) r[k] = A(0);
  int64_t i = 0;
  if (stride == 1) {
    for (; i + kLanes <= n; i += kLanes) {
      for (int k = 0; k < kLanes; ++k) r[k] = wrap_add(r[k], static_cast<A>(p[i + k]));
    }
  } else {
    for (; i + kLanes <= n; i += kLanes) {
      for (int k = 0; k < kLanes; ++k) r[k] = wrap_add(r[k], static_cast<A>(p[(i + k) * stride]));
    }
  }
  for (int w = kLanes / 2; w > 0; w /= 2) {
    for (int k = 0; k < w; ++k) r[k] = wrap_add(r[k], r[k + w]);
  }
  A s = r[0];
  for (; i < n; ++i) s = wrap_add(s, static_cast<A>(p[i * stride]));
  return s;
}

// Product of a run (no pairing: products do not lose accuracy the way sums do).
template <typename scalar_t>
EMBER_CPU_CLONES acc_t<scalar_t> prod_run(const scalar_t* p, int64_t n, int64_t stride) {
  using A = acc_t<scalar_t>;
  constexpr int L = 8;
  A r[L];
  for (int k = 0; k < L; ++k) r[k] = A(1);
  int64_t i = 0;
  for (; i + L <= n; i += L) {
    for (int k = 0; k < L; ++k) r[k] = wrap_mul(r[k], static_cast<A>(p[(i + k) * stride]));
  }
  A s = A(1);
  for (int k = 0; k < L; ++k) s = wrap_mul(s, r[k]);
  for (; i < n; ++i) s = wrap_mul(s, static_cast<A>(p[i * stride]));
  return s;
}

// `a` replaced by `x` when x is more extreme, or NaN while `a` is not (so a NaN,
// once taken, sticks: `a == a` is false from then on).
template <bool IsMax, typename C>
inline C pick(C a, C x) {
  // !(x <= a) is true for x > a and for a NaN x; both compares vectorize.
  if constexpr (std::is_floating_point_v<C>) {
    const bool take = (IsMax ? !(x <= a) : !(x >= a)) & (a == a);
    return take ? x : a;
  } else {
    return (IsMax ? x > a : x < a) ? x : a;
  }
}

// Whether `x` replaces the running extremum `a` in an arg-reduction: strictly more
// extreme (so the first occurrence stays), or a NaN arriving while `a` is not NaN
// (so the first NaN stays).
template <bool IsMax, typename C>
inline bool arg_takes(C a, C x) {
  if constexpr (std::is_floating_point_v<C>) {
    return (IsMax ? !(x <= a) : !(x >= a)) & (a == a);
  } else {
    return IsMax ? x > a : x < a;
  }
}

// Max (IsMax) or min of a non-empty contiguous run, NaN-propagating, in compute_t.
template <bool IsMax, typename scalar_t>
EMBER_CPU_CLONES compute_t<scalar_t> extremum_contiguous(const scalar_t* p, int64_t n) {
  using C = compute_t<scalar_t>;
  constexpr int L = kLanes;
  if (n < L) {
    C a = static_cast<C>(p[0]);
    for (int64_t i = 1; i < n; ++i) a = pick<IsMax>(a, static_cast<C>(p[i]));
    return a;
  }
  // Lanes start from the first L elements. NaNs are caught on the side by a second
  // set of lanes that keeps the last NaN seen (a blend of the same width), so the
  // compare stays a plain vector max/min.
  C r[L], nan[L];
  for (int k = 0; k < L; ++k) {
    r[k] = static_cast<C>(p[k]);
    nan[k] = r[k];
  }
  int64_t i = L;
  for (; i + L <= n; i += L) {
    for (int k = 0; k < L; ++k) {
      const C x = static_cast<C>(p[i + k]);
      r[k] = IsMax ? (x > r[k] ? x : r[k]) : (x < r[k] ? x : r[k]);
      nan[k] = is_nan(x) ? x : nan[k];
    }
  }
  C a = r[0];
  bool any_nan = false;
  for (int k = 0; k < L; ++k) {
    a = IsMax ? (r[k] > a ? r[k] : a) : (r[k] < a ? r[k] : a);
    any_nan |= is_nan(nan[k]);
  }
  for (; i < n; ++i) {
    const C x = static_cast<C>(p[i]);
    a = IsMax ? (x > a ? x : a) : (x < a ? x : a);
    any_nan |= is_nan(x);
  }
  if constexpr (std::is_floating_point_v<C>) {
    if (any_nan) return std::numeric_limits<C>::quiet_NaN();
  }
  return a;
}

template <bool IsMax, typename scalar_t>
compute_t<scalar_t> extremum_run(const scalar_t* p, int64_t n, int64_t stride) {
  if (stride == 1) return extremum_contiguous<IsMax>(p, n);
  using C = compute_t<scalar_t>;
  C a = static_cast<C>(p[0]);
  for (int64_t i = 1; i < n; ++i) a = pick<IsMax>(a, static_cast<C>(p[i * stride]));
  return a;
}

// Index of the first max (IsMax) or min of a non-empty run, the first NaN winning;
// stores that element in *value.
//
// Note [Blocked arg-reductions]
// Carrying the index of every lane's best element costs a compare, two blends and an
// index add per vector of input. Instead the lanes track the running extremum and,
// per lane, only the start of the *block* (4 vectors) in which it was
// last improved: inside a block the lanes reduce to a plain vector max/min (NaNs are
// caught on the side by an unordered compare OR-ed into mask lanes), and the lanes
// are updated once per block. Lanes only move on a strict improvement, so the lanes
// holding the final extremum remember the first block where each of them reached it;
// the smallest of those starts is the first block holding the extremum anywhere, and
// the answer is the first element from there equal to it -- a short search, in
// chunks whose "any match" test is itself a vector OR-reduction, over data still in
// L1. A run with a NaN (rare) is answered by searching for its first NaN.
template <bool IsMax, typename scalar_t>
int64_t arg_extremum_scalar(const scalar_t* p, int64_t n, int64_t stride,
                            compute_t<scalar_t>* value) {
  using C = compute_t<scalar_t>;
  C best = static_cast<C>(p[0]);
  int64_t best_i = 0;
  for (int64_t i = 1; i < n; ++i) {
    const C x = static_cast<C>(p[i * stride]);
    if (arg_takes<IsMax>(best, x)) {
      best = x;
      best_i = i;
    }
  }
  *value = best;
  return best_i;
}

// Whether any of p[0..W) equals v (or, for want_nan, is NaN): a vector OR-reduction of
// compare masks as wide as the values.
template <int64_t W, typename C, typename scalar_t>
EMBER_ALWAYS_INLINE bool any_match(const scalar_t* EMBER_RESTRICT p, C v, bool want_nan) {
  using I = std::conditional_t<sizeof(C) == 8, int64_t,
                               std::conditional_t<sizeof(C) == 4, int32_t,
                                                  std::conditional_t<sizeof(C) == 2, int16_t, int8_t>>>;
  I hit = 0;
  if (want_nan) {
    for (int64_t k = 0; k < W; ++k) hit |= -static_cast<I>(is_nan(static_cast<C>(p[k])));
  } else {
    for (int64_t k = 0; k < W; ++k) hit |= -static_cast<I>(static_cast<C>(p[k]) == v);
  }
  return hit != 0;
}

// Index of the first element of p[0..n) equal to v (or, when v is NaN, the first
// NaN); one exists. Narrowed down in chunks of 128, then 16, then one by one.
template <typename C, typename scalar_t>
EMBER_ALWAYS_INLINE int64_t find_first(const scalar_t* EMBER_RESTRICT p, int64_t n, C v) {
  const bool want_nan = is_nan(v);
  int64_t i = 0;
  while (i + 128 <= n && !any_match<128>(p + i, v, want_nan)) i += 128;
  while (i + 16 <= n && !any_match<16>(p + i, v, want_nan)) i += 16;
  for (;; ++i) {
    const C x = static_cast<C>(p[i]);
    if (want_nan ? is_nan(x) : x == v) return i;
  }
}

constexpr int kArgLanes = 16;

template <bool IsMax, typename scalar_t>
EMBER_CPU_CLONES int64_t arg_extremum_contiguous(const scalar_t* EMBER_RESTRICT p, int64_t n,
                                                 compute_t<scalar_t>* value) {
  using C = compute_t<scalar_t>;
  // Masks and block starts as wide as the values, so the selects vectorize.
  using I = std::conditional_t<sizeof(C) == 8, int64_t, int32_t>;
  constexpr int L = kArgLanes;
  C r[L];
  I start[L], nan[L];
  for (int k = 0; k < L; ++k) {
    r[k] = static_cast<C>(p[k]);
    start[k] = 0;
    nan[k] = 0;
  }
  // Blocks of 4 vectors, then single vectors near the end of the run. Each block is
  // one pass of a loop over the lanes (the form GCC vectorizes); the lane update uses
  // an all-ones/all-zeros integer mask, as a bool-driven select of the int lanes next
  // to float lanes is not vectorized.
  auto more = [](C x, C y) { return IsMax ? (x > y ? x : y) : (x < y ? x : y); };
  int64_t i = 0;
  for (; i + 4 * L <= n; i += 4 * L) {
    const I b = static_cast<I>(i);
    for (int k = 0; k < L; ++k) {
      const C x0 = static_cast<C>(p[i + k]), x1 = static_cast<C>(p[i + L + k]);
      const C x2 = static_cast<C>(p[i + 2 * L + k]), x3 = static_cast<C>(p[i + 3 * L + k]);
      const C m = more(more(x0, x1), more(x2, x3));
      nan[k] |= -static_cast<I>(is_nan(x0) | is_nan(x1) | is_nan(x2) | is_nan(x3));
      const I take = -static_cast<I>(IsMax ? m > r[k] : m < r[k]);
      r[k] = take ? m : r[k];
      start[k] = (take & b) | (~take & start[k]);
    }
  }
  for (; i + L <= n; i += L) {
    const I b = static_cast<I>(i);
    for (int k = 0; k < L; ++k) {
      const C m = static_cast<C>(p[i + k]);
      nan[k] |= -static_cast<I>(is_nan(m));
      const I take = -static_cast<I>(IsMax ? m > r[k] : m < r[k]);
      r[k] = take ? m : r[k];
      start[k] = (take & b) | (~take & start[k]);
    }
  }
  // Merge the lanes: the extremum, then the earliest block that holds it.
  C best = r[0];
  I any_nan = 0;
  for (int k = 0; k < L; ++k) {
    best = IsMax ? (r[k] > best ? r[k] : best) : (r[k] < best ? r[k] : best);
    any_nan |= nan[k];
  }
  for (int64_t j = i; j < n; ++j) any_nan |= -static_cast<I>(is_nan(static_cast<C>(p[j])));
  int64_t idx;
  if (any_nan) {
    idx = find_first(p, n, std::numeric_limits<C>::quiet_NaN());
  } else {
    I first = std::numeric_limits<I>::max();
    for (int k = 0; k < L; ++k) first = r[k] == best && start[k] < first ? start[k] : first;
    idx = first + find_first(p + first, n - first, best);
    // The elements after the last full vector, one by one (ties keep the earlier).
    for (int64_t j = i; j < n; ++j) {
      const C x = static_cast<C>(p[j]);
      if (IsMax ? x > best : x < best) {
        best = x;
        idx = j;
      }
    }
  }
  *value = static_cast<C>(p[idx]);
  return idx;
}

template <bool IsMax, typename scalar_t>
int64_t arg_extremum_run(const scalar_t* p, int64_t n, int64_t stride, compute_t<scalar_t>* value) {
  if (stride != 1 || n < 2 * kArgLanes || n > std::numeric_limits<int32_t>::max()) {
    return arg_extremum_scalar<IsMax>(p, n, stride, value);
  }
  return arg_extremum_contiguous<IsMax>(p, n, value);
}

// Outer arg-reduction over a tile of w columns: rows r = 0..rows-1 at base + r * rs,
// columns at stride cs; bv/bi receive each column's extremum and its row.
template <bool IsMax, typename scalar_t, typename I>
EMBER_CPU_CLONES void arg_extremum_rows(const scalar_t* base, int64_t rows, int64_t rs,
                                        int64_t w, int64_t cs, compute_t<scalar_t>* EMBER_RESTRICT bv,
                                        I* EMBER_RESTRICT bi) {
  using C = compute_t<scalar_t>;
  for (int64_t j = 0; j < w; ++j) {
    bv[j] = static_cast<C>(base[j * cs]);
    bi[j] = 0;
  }
  for (int64_t r = 1; r < rows; ++r) {
    const scalar_t* row = base + r * rs;
    const I ri = static_cast<I>(r);
    if (cs == 1) {
      for (int64_t j = 0; j < w; ++j) {
        const C x = static_cast<C>(row[j]);
        const bool take = arg_takes<IsMax>(bv[j], x);
        bv[j] = take ? x : bv[j];
        bi[j] = take ? ri : bi[j];
      }
    } else {
      for (int64_t j = 0; j < w; ++j) {
        const C x = static_cast<C>(row[j * cs]);
        const bool take = arg_takes<IsMax>(bv[j], x);
        bv[j] = take ? x : bv[j];
        bi[j] = take ? ri : bi[j];
      }
    }
  }
}

// acc[j] += rows[0][j] + ... + rows[nr-1][j] (nr <= 4, columns at stride cs): folding
// several rows per pass quarters the accumulator traffic.
template <typename scalar_t>
EMBER_CPU_CLONES void add_rows(acc_t<scalar_t>* EMBER_RESTRICT acc, const scalar_t* const* rows,
                               int nr, int64_t w, int64_t cs) {
  using A = acc_t<scalar_t>;
  if (nr == 4 && cs == 1) {
    const scalar_t* r0 = rows[0];
    const scalar_t* r1 = rows[1];
    const scalar_t* r2 = rows[2];
    const scalar_t* r3 = rows[3];
    for (int64_t j = 0; j < w; ++j) {
      const A s01 = wrap_add(static_cast<A>(r0[j]), static_cast<A>(r1[j]));
      const A s23 = wrap_add(static_cast<A>(r2[j]), static_cast<A>(r3[j]));
      acc[j] = wrap_add(acc[j], wrap_add(s01, s23));
    }
    return;
  }
  for (int q = 0; q < nr; ++q) {
    const scalar_t* r = rows[q];
    if (cs == 1) {
      for (int64_t j = 0; j < w; ++j) acc[j] = wrap_add(acc[j], static_cast<A>(r[j]));
    } else {
      for (int64_t j = 0; j < w; ++j) acc[j] = wrap_add(acc[j], static_cast<A>(r[j * cs]));
    }
  }
}

// acc[j] = extremum(acc[j], row[j]) over one row.
template <bool IsMax, typename scalar_t>
EMBER_CPU_CLONES void extremum_row(compute_t<scalar_t>* EMBER_RESTRICT acc, const scalar_t* row,
                                   int64_t w, int64_t cs) {
  using C = compute_t<scalar_t>;
  if (cs == 1) {
    for (int64_t j = 0; j < w; ++j) acc[j] = pick<IsMax>(acc[j], static_cast<C>(row[j]));
  } else {
    for (int64_t j = 0; j < w; ++j) acc[j] = pick<IsMax>(acc[j], static_cast<C>(row[j * cs]));
  }
}

// ---- threads ----------------------------------------------------------------------

// Below this many elements of work a loop runs on the calling thread: a parallel
// region costs a few microseconds.
constexpr int64_t kGrainSize = 32768;

// Calls f(begin, end) over [0, n) split into contiguous chunks across ember's threads
// (native/Parallel.h) when the total work, n items of `cost` elements each, is worth it.
template <typename F>
void parallel_chunks(int64_t n, int64_t cost, const F& f) {
  const int64_t grain = cost >= kGrainSize ? 1 : kGrainSize / (cost > 0 ? cost : 1);
  parallel_for(0, n, grain, f);
}

// How many threads parallel_chunks uses for `work` elements in total.
inline int num_threads_for(int64_t work) {
  return work >= kGrainSize && !in_parallel_region() ? get_num_threads() : 1;
}

// Calls f(off_a, off_b) for every line of `a` along `dim` — offsets in elements of `a`
// and of a tensor with strides `b_strides` (the same shape apart from dim's size) —
// with the lines split across threads, `cost` elements of work each. `op` names the
// operator in the too-many-dims error.
template <typename F>
void for_each_line(const Tensor& a, IntArrayRef b_strides, int64_t dim, int64_t cost, const char* op,
                   const F& f) {
  const int64_t nd = a.dim();
  int64_t sizes[kMaxReduceDims], sa[kMaxReduceDims], sb[kMaxReduceDims];
  int k = 0;
  int64_t lines = 1;
  EMBER_CHECK(nd <= kMaxReduceDims + 1, op, ": too many dims (", nd, ")");
  for (int64_t d = nd - 1; d >= 0; --d) {
    if (d == dim) continue;
    sizes[k] = a.size(d);
    sa[k] = a.stride(d);
    sb[k] = b_strides[d];
    lines *= sizes[k];
    ++k;
  }
  parallel_chunks(lines, cost, [&](int64_t begin, int64_t end) {
    OffsetCounter oc(k, sizes, sa, sb);
    oc.seek(begin);
    for (int64_t r = begin; r < end; ++r) {
      f(oc.off_a, oc.off_b);
      oc.next();
    }
  });
}

}  // namespace ember::native::cpu
