// CPU loops for the reductions in ReduceOps.h.
//
// Two shapes of work, chosen by make_reduce_layout (Note [Reduction geometry]):
//  - inner: each output reduces runs along the input's innermost reduced dim
//    (contiguous for the common "sum over the last dim" and full reductions); the
//    run reducers in ReduceLoops.h are vectorized across independent lanes, and
//    outputs are split across threads (a single huge run is split into per-thread
//    partials);
//  - outer: the reduced dims are outside the kept ones, so the input is a stack of
//    rows indexed by the reduced dims and each output is a column; rows are folded
//    into a tile of accumulators, which vectorizes over the columns.
#include <ember/native/Reduce.h>
#include <ember/native/ReduceOps.h>
#include <ember/native/cpu/ReduceLoops.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace ember::native {
namespace {

using namespace cpu;

// Columns per tile in the outer shape: the accumulators of a tile (a few levels for
// sums) stay in L1 while the rows stream through.
constexpr int64_t kTile = 4096;

// Scratch lanes (not std::vector: vector<bool> has no data()).
template <typename T>
std::unique_ptr<T[]> lanes(int64_t n) {
  return std::unique_ptr<T[]>(new T[n]);
}

// ---- inner shape -------------------------------------------------------------------

// `run(p, n, stride)` reduces one run to an accumulator, `combine` merges two,
// `store(out_ptr, acc)` writes one result.
template <typename scalar_t, typename A, typename Run, typename Combine, typename Store>
void reduce_inner(const ReduceLayout& L, const scalar_t* in, scalar_t* out, const Run& run,
                  const Combine& combine, const Store& store) {
  const int64_t n0 = L.red_size[0], s0 = L.red_in_stride[0];
  const int64_t outer = L.reduce_numel / n0;
  auto reduce_one = [&](const scalar_t* base) -> A {
    A acc = run(base, n0, s0);
    if (outer > 1) {
      OffsetCounter rc(L.n_red - 1, L.red_size + 1, L.red_in_stride + 1);
      for (int64_t j = 1; j < outer; ++j) {
        rc.next();
        acc = combine(acc, run(base + rc.off_a, n0, s0));
      }
    }
    return acc;
  };
  const int nt = num_threads_for(L.reduce_numel);
  if (L.num_outputs < nt && outer == 1 && n0 >= 2 * kGrainSize) {
    // One (or a few) long runs: per-thread partials over pieces of each run, merged
    // in order so the result does not depend on scheduling.
    const int64_t pieces = nt;
    std::vector<A> partial(pieces);
    OffsetCounter oc(L.n_kept, L.kept_size, L.kept_in_stride, L.kept_out_stride);
    for (int64_t o = 0; o < L.num_outputs; ++o) {
      const scalar_t* base = in + oc.off_a;
      const int64_t chunk = (n0 + pieces - 1) / pieces;
      parallel_chunks(pieces, chunk, [&](int64_t b, int64_t e) {
        for (int64_t t = b; t < e; ++t) {
          const int64_t lo = t * chunk, hi = std::min(n0, lo + chunk);
          if (lo < hi) partial[t] = run(base + lo * s0, hi - lo, s0);
        }
      });
      A acc = partial[0];
      for (int64_t t = 1; t * chunk < n0; ++t) acc = combine(acc, partial[t]);
      store(out + oc.off_b, acc);
      oc.next();
    }
    return;
  }
  parallel_chunks(L.num_outputs, L.reduce_numel, [&](int64_t b, int64_t e) {
    OffsetCounter oc(L.n_kept, L.kept_size, L.kept_in_stride, L.kept_out_stride);
    oc.seek(b);
    for (int64_t o = b; o < e; ++o) {
      store(out + oc.off_b, reduce_one(in + oc.off_a));
      oc.next();
    }
  });
}

// ---- outer shape -------------------------------------------------------------------

// Runs rows.begin(w) / rows.add(row_ptrs, count <= 4, col_stride) for the reduced
// rows in order / rows.finish(out_ptr, out_col_stride, w) over every (group, column
// tile). Tiles are wide so that each row is read as one long contiguous stretch.
template <typename scalar_t, typename MakeRows>
void reduce_outer(const ReduceLayout& L, const scalar_t* in, scalar_t* out,
                  const MakeRows& make_rows) {
  const int64_t m = L.kept_size[0], cs = L.kept_in_stride[0], os = L.kept_out_stride[0];
  const int64_t groups = L.num_outputs / m;
  const int64_t tiles = (m + kTile - 1) / kTile;
  const int64_t rows_n = L.reduce_numel;
  parallel_chunks(groups * tiles, std::max<int64_t>(rows_n, 1) * std::min(m, kTile),
                  [&](int64_t b, int64_t e) {
    auto rows = make_rows();
    OffsetCounter gc(L.n_kept - 1, L.kept_size + 1, L.kept_in_stride + 1, L.kept_out_stride + 1);
    for (int64_t task = b; task < e; ++task) {
      const int64_t g = task / tiles, j0 = (task % tiles) * kTile;
      const int64_t w = std::min(kTile, m - j0);
      gc.seek(g);
      const scalar_t* base = in + gc.off_a + j0 * cs;
      rows.begin(w);
      OffsetCounter rc(L.n_red, L.red_size, L.red_in_stride);
      const scalar_t* block[4];
      for (int64_t r = 0; r < rows_n;) {
        int nr = 0;
        for (; nr < 4 && r < rows_n; ++nr, ++r) {
          block[nr] = base + rc.off_a;
          rc.next();
        }
        rows.add(block, nr, cs);
      }
      rows.finish(out + gc.off_b + j0 * os, os, w);
    }
  });
}

// Cascaded sums of rows: level 0 adds rows, and every kFanIn additions a level is
// folded into the next one up, so each element goes through O(log n) additions of
// similar magnitude instead of one long chain (Note [Vectorizable reductions]).
template <typename scalar_t, bool Mean>
struct SumRows {
  using A = acc_t<scalar_t>;
  static constexpr int kLevels = 8;
  static constexpr int64_t kFanIn = 16;
  std::unique_ptr<A[]> acc = lanes<A>(kLevels * kTile);
  int64_t count[kLevels] = {};
  int64_t w = 0, total = 0;

  void begin(int64_t width) {
    w = width;
    total = 0;
    for (int l = 0; l < kLevels; ++l) std::fill(acc.get() + l * kTile, acc.get() + l * kTile + w, A(0));
    std::fill(count, count + kLevels, 0);
  }
  void add(const scalar_t* const* rows, int nr, int64_t cs) {
    add_rows(acc.get(), rows, nr, w, cs);
    total += nr;
    // Row blocks arrive 4 at a time: level 0 folds up every kFanIn / 4 blocks.
    for (int l = 0; l + 1 < kLevels && ++count[l] == (l == 0 ? kFanIn / 4 : kFanIn); ++l) {
      A* EMBER_RESTRICT lo = acc.get() + l * kTile;
      A* EMBER_RESTRICT hi = lo + kTile;
      for (int64_t j = 0; j < w; ++j) {
        hi[j] = wrap_add(hi[j], lo[j]);
        lo[j] = A(0);
      }
      count[l] = 0;
    }
  }
  void finish(scalar_t* out, int64_t os, int64_t) {
    for (int64_t j = 0; j < w; ++j) {
      A s = acc[j];
      for (int l = 1; l < kLevels; ++l) s = wrap_add(s, acc[l * kTile + j]);
      if constexpr (Mean) s = s / static_cast<A>(total);
      out[j * os] = static_cast<scalar_t>(s);
    }
  }
};

template <typename scalar_t>
struct ProdRows {
  using A = acc_t<scalar_t>;
  std::unique_ptr<A[]> acc = lanes<A>(kTile);
  int64_t w = 0;
  void begin(int64_t width) {
    w = width;
    std::fill(acc.get(), acc.get() + w, A(1));
  }
  void add(const scalar_t* const* rows, int nr, int64_t cs) {
    A* EMBER_RESTRICT a = acc.get();
    for (int q = 0; q < nr; ++q)
      for (int64_t j = 0; j < w; ++j) a[j] = wrap_mul(a[j], static_cast<A>(rows[q][j * cs]));
  }
  void finish(scalar_t* out, int64_t os, int64_t) {
    for (int64_t j = 0; j < w; ++j) out[j * os] = static_cast<scalar_t>(acc[j]);
  }
};

template <typename scalar_t, bool IsMax>
struct ExtremumRows {
  using C = compute_t<scalar_t>;
  std::unique_ptr<C[]> acc = lanes<C>(kTile);
  int64_t w = 0;
  bool first = true;
  void begin(int64_t width) {
    w = width;
    first = true;
  }
  void add(const scalar_t* const* rows, int nr, int64_t cs) {
    int q = 0;
    if (first) {
      for (int64_t j = 0; j < w; ++j) acc[j] = static_cast<C>(rows[0][j * cs]);
      first = false;
      q = 1;
    }
    for (; q < nr; ++q) extremum_row<IsMax>(acc.get(), rows[q], w, cs);
  }
  void finish(scalar_t* out, int64_t os, int64_t) {
    for (int64_t j = 0; j < w; ++j) out[j * os] = static_cast<scalar_t>(acc[j]);
  }
};

// Fills every output with `value` (empty reductions).
template <typename scalar_t>
void fill_outputs(const ReduceLayout& L, scalar_t* out, scalar_t value) {
  OffsetCounter oc(L.n_kept, L.kept_size, L.kept_out_stride);
  for (int64_t o = 0; o < L.num_outputs; ++o) {
    out[oc.off_a] = value;
    oc.next();
  }
}

// ---- the stubs ---------------------------------------------------------------------

template <bool Mean>
void sum_kernel(const Tensor& out_kd, const Tensor& in) {
  const ReduceLayout L = make_reduce_layout(out_kd, in);
  if (L.num_outputs == 0) return;
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), Mean ? "mean" : "sum", [&] {
    using A = acc_t<scalar_t>;
    const scalar_t* src = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* dst = static_cast<scalar_t*>(out_kd.data_ptr());
    const int64_t count = L.reduce_numel;
    if (count == 0) {
      // 0 for sums; 0/0 = nan for means (only floating means reach here).
      fill_outputs(L, dst, static_cast<scalar_t>(Mean ? A(0) / static_cast<A>(count) : A(0)));
      return;
    }
    if (L.inner) {
      reduce_inner<scalar_t, A>(
          L, src, dst, [](const scalar_t* p, int64_t n, int64_t s) { return sum_run(p, n, s); },
          [](A a, A b) { return wrap_add(a, b); },
          [count](scalar_t* o, A acc) {
            if constexpr (Mean) acc = acc / static_cast<A>(count);
            *o = static_cast<scalar_t>(acc);
          });
    } else {
      reduce_outer(L, src, dst, [] { return SumRows<scalar_t, Mean>(); });
    }
  });
}

void prod_kernel(const Tensor& out_kd, const Tensor& in) {
  const ReduceLayout L = make_reduce_layout(out_kd, in);
  if (L.num_outputs == 0) return;
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), "prod", [&] {
    using A = acc_t<scalar_t>;
    const scalar_t* src = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* dst = static_cast<scalar_t*>(out_kd.data_ptr());
    if (L.reduce_numel == 0) return fill_outputs(L, dst, static_cast<scalar_t>(A(1)));
    if (L.inner) {
      reduce_inner<scalar_t, A>(
          L, src, dst, [](const scalar_t* p, int64_t n, int64_t s) { return prod_run(p, n, s); },
          [](A a, A b) { return wrap_mul(a, b); },
          [](scalar_t* o, A acc) { *o = static_cast<scalar_t>(acc); });
    } else {
      reduce_outer(L, src, dst, [] { return ProdRows<scalar_t>(); });
    }
  });
}

template <bool IsMax>
void extremum_values_kernel(const Tensor& out_kd, const Tensor& in) {
  const ReduceLayout L = make_reduce_layout(out_kd, in);
  if (L.num_outputs == 0) return;
  EMBER_CHECK(L.reduce_numel > 0, IsMax ? "max" : "min", "(): cannot reduce an empty tensor");
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), IsMax ? "max" : "min", [&] {
    using C = compute_t<scalar_t>;
    const scalar_t* src = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* dst = static_cast<scalar_t*>(out_kd.data_ptr());
    if (L.inner) {
      reduce_inner<scalar_t, C>(
          L, src, dst,
          [](const scalar_t* p, int64_t n, int64_t s) { return extremum_run<IsMax>(p, n, s); },
          [](C a, C b) { return pick<IsMax>(a, b); },
          [](scalar_t* o, C acc) { *o = static_cast<scalar_t>(acc); });
    } else {
      reduce_outer(L, src, dst, [] { return ExtremumRows<scalar_t, IsMax>(); });
    }
  });
}

// ---- extremum with index along one dim ----------------------------------------------

// Outer shape with indices: per column the best value so far and the row it came
// from. The index lanes have the width of the value lanes (int32 next to 4-byte
// values) so the compare-and-blend vectorizes.
template <typename scalar_t, bool IsMax, typename I>
void arg_outer(const ReduceLayout& L, const scalar_t* in, scalar_t* vals, int64_t* idx) {
  using C = compute_t<scalar_t>;
  const int64_t m = L.kept_size[0], cs = L.kept_in_stride[0], os = L.kept_out_stride[0];
  const int64_t groups = L.num_outputs / m;
  const int64_t tiles = (m + kTile - 1) / kTile;
  const int64_t rows_n = L.red_size[0], rs = L.red_in_stride[0];
  parallel_chunks(groups * tiles, rows_n * std::min(m, kTile), [&](int64_t b, int64_t e) {
    auto best_v = lanes<C>(kTile);
    auto best_i = lanes<I>(kTile);
    OffsetCounter gc(L.n_kept - 1, L.kept_size + 1, L.kept_in_stride + 1, L.kept_out_stride + 1);
    for (int64_t task = b; task < e; ++task) {
      const int64_t g = task / tiles, j0 = (task % tiles) * kTile;
      const int64_t w = std::min(kTile, m - j0);
      gc.seek(g);
      const scalar_t* base = in + gc.off_a + j0 * cs;
      C* bv = best_v.get();
      I* bi = best_i.get();
      arg_extremum_rows<IsMax>(base, rows_n, rs, w, cs, bv, bi);
      int64_t* io = idx + gc.off_b + j0 * os;
      for (int64_t j = 0; j < w; ++j) io[j * os] = bi[j];
      if (vals) {
        scalar_t* vo = vals + gc.off_b + j0 * os;
        for (int64_t j = 0; j < w; ++j) vo[j * os] = static_cast<scalar_t>(bv[j]);
      }
    }
  });
}

template <bool IsMax>
void arg_extremum_kernel(const Tensor& values_kd, const Tensor& indices_kd, const Tensor& in,
                         int64_t dim) {
  (void)dim;  // the layout finds the reduced dim from the keepdim view
  const ReduceLayout L = make_reduce_layout(indices_kd, in);
  if (L.num_outputs == 0) return;
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), IsMax ? "max" : "min", [&] {
    using C = compute_t<scalar_t>;
    const scalar_t* src = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* vals = values_kd.defined() ? static_cast<scalar_t*>(values_kd.data_ptr()) : nullptr;
    int64_t* idx = static_cast<int64_t*>(indices_kd.data_ptr());
    if (L.inner) {
      const int64_t n = L.red_size[0], s = L.red_in_stride[0];
      parallel_chunks(L.num_outputs, n, [&](int64_t b, int64_t e) {
        OffsetCounter oc(L.n_kept, L.kept_size, L.kept_in_stride, L.kept_out_stride);
        oc.seek(b);
        for (int64_t o = b; o < e; ++o) {
          C v;
          idx[oc.off_b] = arg_extremum_run<IsMax>(src + oc.off_a, n, s, &v);
          if (vals) vals[oc.off_b] = static_cast<scalar_t>(v);
          oc.next();
        }
      });
    } else if (sizeof(C) <= 4 && L.red_size[0] <= INT32_MAX) {
      arg_outer<scalar_t, IsMax, int32_t>(L, src, vals, idx);
    } else {
      arg_outer<scalar_t, IsMax, int64_t>(L, src, vals, idx);
    }
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(sum_stub, CPU, &sum_kernel<false>);
EMBER_REGISTER_DISPATCH(mean_stub, CPU, &sum_kernel<true>);
EMBER_REGISTER_DISPATCH(prod_stub, CPU, &prod_kernel);
EMBER_REGISTER_DISPATCH(max_values_stub, CPU, &extremum_values_kernel<true>);
EMBER_REGISTER_DISPATCH(min_values_stub, CPU, &extremum_values_kernel<false>);
EMBER_REGISTER_DISPATCH(max_dim_stub, CPU, &arg_extremum_kernel<true>);
EMBER_REGISTER_DISPATCH(min_dim_stub, CPU, &arg_extremum_kernel<false>);

}  // namespace ember::native
