// CPU loops of advanced indexing and nonzero (see Note [Advanced indexing geometry] in
// native/Indexing.h). Gathers and scatters only move bytes, so they are instantiated
// per element size (1, 2, 4, 8 bytes), not per dtype; only accumulation does arithmetic.
#include <algorithm>
#include <cstring>
#include <type_traits>

#include <ember/generated/Functions.h>
#include <ember/native/Indexing.h>

#if EMBER_USE_OPENMP
#include <omp.h>
#endif

namespace ember::native {
namespace {

// Several operands iterated over one shape, with byte strides. Size-1 dims are dropped
// and neighbouring dims merged where every operand is contiguous across them, so that
// `x[idx]` on a contiguous (N, D) tensor runs as rows of D elements.
struct Geometry {
  DimVector shape;                 // at least one dim
  std::vector<DimVector> strides;  // [operand][dim], bytes

  int64_t ndim() const { return static_cast<int64_t>(shape.size()); }
  int64_t inner() const { return shape.back(); }
  int64_t rows() const {
    int64_t r = 1;
    for (int64_t d = 0; d + 1 < ndim(); ++d) r *= shape[d];
    return r;
  }
};

// drop_broadcast: also drop dims in which every operand has stride 0 (repeats), used
// when only the distinct elements matter (bounds checking).
Geometry make_geometry(IntArrayRef shape, const std::vector<DimVector>& op_strides,
                       bool drop_broadcast = false) {
  const size_t nops = op_strides.size();
  Geometry g;
  g.strides.resize(nops);
  for (size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] == 1) continue;
    if (drop_broadcast) {
      bool all_zero = true;
      for (size_t op = 0; op < nops; ++op) all_zero = all_zero && op_strides[op][d] == 0;
      if (all_zero) continue;
    }
    g.shape.push_back(shape[d]);
    for (size_t op = 0; op < nops; ++op) g.strides[op].push_back(op_strides[op][d]);
  }
  if (g.shape.empty()) {
    g.shape.push_back(1);
    for (auto& s : g.strides) s.push_back(0);
    return g;
  }
  // Merge dim d into the (already merged) dim to its right when contiguous for all.
  Geometry m;
  m.strides.resize(nops);
  int64_t cur_size = g.shape.back();
  std::vector<int64_t> cur_stride(nops);
  for (size_t op = 0; op < nops; ++op) cur_stride[op] = g.strides[op].back();
  auto push = [&] {
    m.shape.push_back(cur_size);
    for (size_t op = 0; op < nops; ++op) m.strides[op].push_back(cur_stride[op]);
  };
  for (int64_t d = g.ndim() - 2; d >= 0; --d) {
    bool mergeable = true;
    for (size_t op = 0; op < nops && mergeable; ++op)
      mergeable = g.strides[op][d] == cur_stride[op] * cur_size;
    if (mergeable) {
      cur_size *= g.shape[d];
    } else {
      push();
      cur_size = g.shape[d];
      for (size_t op = 0; op < nops; ++op) cur_stride[op] = g.strides[op][d];
    }
  }
  push();
  std::reverse(m.shape.begin(), m.shape.end());
  for (auto& s : m.strides) std::reverse(s.begin(), s.end());
  return m;
}

// Calls row(ptrs) for the outer positions [begin, end) (all dims but the innermost),
// where ptrs[op] addresses the first element of that row of operand op.
template <typename Row>
void for_each_row(const Geometry& g, char* const* base, int64_t begin, int64_t end, const Row& row) {
  const int64_t nouter = g.ndim() - 1;
  const size_t nops = g.strides.size();
  DimVector coord(std::max<int64_t>(nouter, 1), 0);
  std::vector<char*> ptrs(base, base + nops);
  // Starting coordinate of `begin` (row-major over the outer dims).
  int64_t rem = begin;
  for (int64_t d = nouter - 1; d >= 0; --d) {
    coord[d] = rem % g.shape[d];
    rem /= g.shape[d];
    for (size_t op = 0; op < nops; ++op) ptrs[op] += coord[d] * g.strides[op][d];
  }
  for (int64_t r = begin; r < end; ++r) {
    row(ptrs.data());
    // Odometer step over the outer dims.
    for (int64_t d = nouter - 1; d >= 0; --d) {
      for (size_t op = 0; op < nops; ++op) ptrs[op] += g.strides[op][d];
      if (++coord[d] < g.shape[d]) break;
      for (size_t op = 0; op < nops; ++op) ptrs[op] -= coord[d] * g.strides[op][d];
      coord[d] = 0;
    }
  }
}

// Splits the rows across threads when the whole job is large enough.
template <typename Row>
void parallel_rows(const Geometry& g, char* const* base, bool allow_parallel, const Row& row) {
  const int64_t rows = g.rows();
#if EMBER_USE_OPENMP
  constexpr int64_t kGrain = 32768;  // elements per task
  const int64_t rows_per_task = std::max<int64_t>(1, kGrain / std::max<int64_t>(g.inner(), 1));
  if (allow_parallel && rows > rows_per_task && omp_get_max_threads() > 1 && !omp_in_parallel()) {
    const int64_t ntasks = (rows + rows_per_task - 1) / rows_per_task;
#pragma omp parallel for schedule(static)
    for (int64_t t = 0; t < ntasks; ++t) {
      for_each_row(g, base, t * rows_per_task, std::min(rows, (t + 1) * rows_per_task), row);
    }
    return;
  }
#else
  (void)allow_parallel;
#endif
  for_each_row(g, base, 0, rows, row);
}

DimVector byte_strides(const Tensor& t) {
  DimVector s(t.strides().begin(), t.strides().end());
  const int64_t item = static_cast<int64_t>(t.element_size());
  for (auto& x : s) x *= item;
  return s;
}

// Raises IndexError for the first index outside [-size, size) (before any write).
void check_indices(TensorList indices, IntArrayRef indexed_sizes) {
  for (size_t k = 0; k < indices.size(); ++k) {
    const Tensor& idx = indices[k];
    const int64_t size = indexed_sizes[k];
    const Geometry g = make_geometry(idx.sizes(), {byte_strides(idx)}, /*drop_broadcast=*/true);
    char* base[1] = {static_cast<char*>(idx.data_ptr())};
    const int64_t inner = g.inner();
    const int64_t stride = g.strides[0].back();
    for_each_row(g, base, 0, g.rows(), [&](char* const* p) {
      for (int64_t i = 0; i < inner; ++i) {
        int64_t v;
        std::memcpy(&v, p[0] + i * stride, sizeof v);
        if (EMBER_UNLIKELY(v < -size || v >= size)) {
          throw IndexError(str("index ", v, " is out of bounds for dimension ", k, " with size ", size));
        }
      }
    });
  }
}

// The gather/scatter driver. Operand 0 is the side without offsets (out for index,
// values for index_put_), operand 1 the view of self that the index offsets apply to,
// operands 2.. the index tensors. Op provides
//   run(a, b, n, stride_a, stride_b): n elements whose self-side offset is the same
//                                     (b already includes it), and
//   elem(a, b):                       one element.
template <typename Op>
void index_loop(const Tensor& a, const Tensor& b, TensorList indices, IntArrayRef indexed_sizes,
                IntArrayRef indexed_strides, bool allow_parallel, const Op& op) {
  std::vector<DimVector> strides{byte_strides(a), byte_strides(b)};
  std::vector<char*> base{static_cast<char*>(a.data_ptr()), static_cast<char*>(b.data_ptr())};
  for (const Tensor& idx : indices) {
    strides.push_back(byte_strides(idx));
    base.push_back(static_cast<char*>(idx.data_ptr()));
  }
  const Geometry g = make_geometry(a.sizes(), strides);
  const int64_t nidx = static_cast<int64_t>(indices.size());
  const int64_t item = static_cast<int64_t>(b.element_size());
  // Per index tensor: size of the selected dim, its stride in self (bytes), and the
  // index tensor's own stride along the innermost loop dim (bytes).
  DimVector sizes(indexed_sizes.begin(), indexed_sizes.end());
  DimVector self_strides(indexed_strides.begin(), indexed_strides.end());
  for (auto& s : self_strides) s *= item;
  DimVector inner_strides(nidx);
  bool inner_indexed = false;
  for (int64_t k = 0; k < nidx; ++k) {
    inner_strides[k] = g.strides[2 + k].back();
    inner_indexed = inner_indexed || inner_strides[k] != 0;
  }
  const int64_t inner = g.inner();
  const int64_t sa = g.strides[0].back(), sb = g.strides[1].back();
  const int64_t* sz = sizes.data();
  const int64_t* ss = self_strides.data();
  const int64_t* is = inner_strides.data();

  auto load = [](const char* p) {
    int64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  auto offset_at = [&](char* const* p, int64_t i) {
    int64_t off = 0;
    for (int64_t k = 0; k < nidx; ++k) {
      int64_t v = load(p[2 + k] + i * is[k]);
      v += v < 0 ? sz[k] : 0;
      off += v * ss[k];
    }
    return off;
  };

  if (!inner_indexed) {
    // Whole rows share one offset: x[idx] on rows, masks over leading dims.
    parallel_rows(g, base.data(), allow_parallel,
                  [&](char* const* p) { op.run(p[0], p[1] + offset_at(p, 0), inner, sa, sb); });
  } else if (nidx == 1) {
    // One index tensor varying along the inner loop: a plain gather/scatter.
    const int64_t size0 = sz[0], stride0 = ss[0], istride0 = is[0];
    parallel_rows(g, base.data(), allow_parallel, [&](char* const* p) {
      char* pa = p[0];
      char* pb = p[1];
      const char* pi = p[2];
      for (int64_t i = 0; i < inner; ++i) {
        int64_t v = load(pi + i * istride0);
        v += v < 0 ? size0 : 0;
        op.elem(pa + i * sa, pb + i * sb + v * stride0);
      }
    });
  } else {
    parallel_rows(g, base.data(), allow_parallel, [&](char* const* p) {
      for (int64_t i = 0; i < inner; ++i) op.elem(p[0] + i * sa, p[1] + i * sb + offset_at(p, i));
    });
  }
}

// Gather (index): a = out, b = self. Elements move as opaque E-sized words.
template <typename E>
struct GatherOp {
  static void run(char* a, char* b, int64_t n, int64_t sa, int64_t sb) {
    if (sa == static_cast<int64_t>(sizeof(E)) && sb == static_cast<int64_t>(sizeof(E))) {
      std::memcpy(a, b, n * sizeof(E));
      return;
    }
    for (int64_t i = 0; i < n; ++i) std::memcpy(a + i * sa, b + i * sb, sizeof(E));
  }
  static void elem(char* a, char* b) { std::memcpy(a, b, sizeof(E)); }
};

// Scatter (index_put_): a = values, b = self.
template <typename E>
struct ScatterOp {
  static void run(char* a, char* b, int64_t n, int64_t sa, int64_t sb) { GatherOp<E>::run(b, a, n, sb, sa); }
  static void elem(char* a, char* b) { std::memcpy(b, a, sizeof(E)); }
};

// Scatter-add (index_put_ with accumulate): self[...] += values.
template <typename T>
struct AccumulateOp {
  static void elem(char* a, char* b) {
    T d, s;
    std::memcpy(&d, b, sizeof(T));
    std::memcpy(&s, a, sizeof(T));
    if constexpr (std::is_same_v<T, bool>) {
      d = d || s;
    } else if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
      d = T(static_cast<float>(d) + static_cast<float>(s));
    } else {
      d = static_cast<T>(d + s);
    }
    std::memcpy(b, &d, sizeof(T));
  }
  static void run(char* a, char* b, int64_t n, int64_t sa, int64_t sb) {
    for (int64_t i = 0; i < n; ++i) elem(a + i * sa, b + i * sb);
  }
};

// scatter_reduce / index_reduce (prod, amax, amin): self[...] = op(self[...], values),
// in the float opmath type for the 16-bit floats; amax/amin propagate NaN.
template <typename T, IndexReduce R>
struct ReduceIntoOp {
  static T combine(T d, T s) { return index_reduce_combine<R>(d, s); }
  static void elem(char* a, char* b) {
    T d, s;
    std::memcpy(&d, b, sizeof(T));
    std::memcpy(&s, a, sizeof(T));
    d = combine(d, s);
    std::memcpy(b, &d, sizeof(T));
  }
  static void run(char* a, char* b, int64_t n, int64_t sa, int64_t sb) {
    for (int64_t i = 0; i < n; ++i) elem(a + i * sa, b + i * sb);
  }
};

template <template <typename> class Op, typename F>
void with_element_type(size_t itemsize, const F& f) {
  switch (itemsize) {
    case 1: return f(Op<uint8_t>{});
    case 2: return f(Op<uint16_t>{});
    case 4: return f(Op<uint32_t>{});
    case 8: return f(Op<uint64_t>{});
    default: throw Error(str("index: unsupported element size ", itemsize));
  }
}

void index_kernel(const Tensor& out, const Tensor& src, TensorList indices, IntArrayRef indexed_sizes,
                  IntArrayRef indexed_strides) {
  if (out.numel() == 0) return;
  check_indices(indices, indexed_sizes);
  with_element_type<GatherOp>(out.element_size(), [&](auto op) {
    index_loop(out, src, indices, indexed_sizes, indexed_strides, /*allow_parallel=*/true, op);
  });
}

void index_put_kernel(const Tensor& dst, const Tensor& values, TensorList indices,
                      IntArrayRef indexed_sizes, IntArrayRef indexed_strides, bool accumulate) {
  if (values.numel() == 0) return;
  check_indices(indices, indexed_sizes);
  if (!accumulate) {
    // Repeated positions race between threads; any one of their values may win, as
    // PyTorch documents for index_put_ without accumulate.
    with_element_type<ScatterOp>(dst.element_size(), [&](auto op) {
      index_loop(values, dst, indices, indexed_sizes, indexed_strides, /*allow_parallel=*/true, op);
    });
    return;
  }
  // Accumulation runs serially: repeated indices must all add up.
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(dst.dtype(), "index_put_ (accumulate)", [&] {
    index_loop(values, dst, indices, indexed_sizes, indexed_strides, /*allow_parallel=*/false,
               AccumulateOp<scalar_t>{});
  });
}

void index_reduce_kernel(const Tensor& dst, const Tensor& values, TensorList indices,
                         IntArrayRef indexed_sizes, IntArrayRef indexed_strides, IndexReduce op) {
  if (values.numel() == 0) return;
  check_indices(indices, indexed_sizes);
  // Serial, like accumulation: repeated positions must all combine.
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(dst.dtype(), "index_reduce", [&] {
    auto run = [&](auto reduce_op) {
      index_loop(values, dst, indices, indexed_sizes, indexed_strides, /*allow_parallel=*/false,
                 reduce_op);
    };
    switch (op) {
      case IndexReduce::Prod: return run(ReduceIntoOp<scalar_t, IndexReduce::Prod>{});
      case IndexReduce::Max: return run(ReduceIntoOp<scalar_t, IndexReduce::Max>{});
      case IndexReduce::Min: return run(ReduceIntoOp<scalar_t, IndexReduce::Min>{});
    }
  });
}

template <typename T>
bool is_nonzero(T v) {
  if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
    return static_cast<float>(v) != 0.0f;  // NaN counts as non-zero
  } else {
    return v != T(0);
  }
}

void nonzero_kernel(const Tensor& self, Tensor& out) {
  const Tensor src = self.is_contiguous() ? self : ember::clone(self, MemoryFormat::Contiguous);
  const int64_t n = src.numel();
  const int64_t nd = src.dim();
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(src.dtype(), "nonzero_cpu", [&] {
    const scalar_t* p = static_cast<const scalar_t*>(src.data_ptr());
    int64_t count = 0;
    for (int64_t i = 0; i < n; ++i) count += is_nonzero(p[i]) ? 1 : 0;
    const int64_t shape[2] = {count, nd};
    if (!out.sizes().equals(IntArrayRef(shape, 2))) {
      // PyTorch's layout: column-major (strides (1, n)), so that where()'s per-dim
      // index vectors are contiguous.
      const int64_t transposed[2] = {nd, count};
      out.resize_(IntArrayRef(transposed, 2));
      out.transpose_(0, 1);
    }
    if (count == 0 || nd == 0) return;
    int64_t* o = static_cast<int64_t*>(out.data_ptr());
    const int64_t s0 = out.strides()[0], s1 = out.strides()[1];
    const IntArrayRef sizes = src.sizes();
    const int64_t inner = sizes[nd - 1];
    const int64_t rows = n / inner;  // n > 0 here, so inner > 0
    DimVector coord(nd, 0);  // of the current row; coord[nd - 1] unused
    int64_t row = 0;
    for (int64_t r = 0; r < rows; ++r) {
      const scalar_t* rp = p + r * inner;
      for (int64_t j = 0; j < inner; ++j) {
        // Branch-free on the data (about half the elements of a random mask are set):
        // every element writes its coordinates into the next free row, and only
        // non-zero ones advance it. The guard is false only past the last non-zero.
        const bool set = is_nonzero(rp[j]);
        if (EMBER_LIKELY(row < count)) {
          int64_t* orow = o + row * s0;
          for (int64_t d = 0; d + 1 < nd; ++d) orow[d * s1] = coord[d];
          orow[(nd - 1) * s1] = j;
        }
        row += set;
      }
      for (int64_t d = nd - 2; d >= 0; --d) {
        if (++coord[d] < sizes[d]) break;
        coord[d] = 0;
      }
    }
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(index_stub, CPU, &index_kernel);
EMBER_REGISTER_DISPATCH(index_put_stub, CPU, &index_put_kernel);
EMBER_REGISTER_DISPATCH(nonzero_stub, CPU, &nonzero_kernel);
EMBER_REGISTER_DISPATCH(index_reduce_stub, CPU, &index_reduce_kernel);

}  // namespace ember::native
