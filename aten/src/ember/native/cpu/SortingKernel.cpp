// CPU loops of sort / topk (Sorting.h): each line along `dim` is gathered into a
// buffer of (value, position) pairs, ordered with the standard algorithms, and
// scattered back; lines are split across threads. NaN compares greater than every
// other value. The algorithms and comparators are the ones PyTorch's CPU kernels use
// (std::stable_sort / std::sort; topk: std::partial_sort when k is small against the
// line, else std::nth_element then std::sort of the first k - 1), so ties come out
// in the same order as PyTorch's on the same standard library.
#include <algorithm>
#include <cmath>
#include <type_traits>
#include <utility>
#include <vector>

#include <ember/native/Reduce.h>
#include <ember/native/Sorting.h>
#include <ember/native/cpu/ReduceLoops.h>

namespace ember::native {
namespace {

using namespace cpu;

// The type values are compared in: the 16-bit floats as float, the rest as is.
template <typename T>
using key_t = std::conditional_t<std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>, float, T>;

template <typename K>
inline bool is_nan_key(K v) {
  if constexpr (std::is_floating_point_v<K>) {
    return std::isnan(v);
  } else {
    return false;
  }
}

// a before b in ascending order (NaN last).
struct LessNanLast {
  template <typename P>
  bool operator()(const P& a, const P& b) const {
    return (!is_nan_key(a.first) && is_nan_key(b.first)) || (a.first < b.first);
  }
};

// a before b in descending order (NaN first).
struct GreaterNanFirst {
  template <typename P>
  bool operator()(const P& a, const P& b) const {
    return (is_nan_key(a.first) && !is_nan_key(b.first)) || (a.first > b.first);
  }
};

// Calls f(off_a, off_b) for every line of `a` along `dim` (offsets in elements of a
// and b, which share a's shape apart from dim's size), lines split across threads.
template <typename F>
void for_each_line(const Tensor& a, const Tensor& b, int64_t dim, int64_t cost, const F& f) {
  const int64_t nd = a.dim();
  int64_t sizes[kMaxReduceDims], sa[kMaxReduceDims], sb[kMaxReduceDims];
  int k = 0;
  int64_t lines = 1;
  EMBER_CHECK(nd <= kMaxReduceDims + 1, "sort: too many dims (", nd, ")");
  for (int64_t d = nd - 1; d >= 0; --d) {
    if (d == dim) continue;
    sizes[k] = a.size(d);
    sa[k] = a.stride(d);
    sb[k] = b.stride(d);
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

void sort_kernel(const Tensor& values, const Tensor& indices, int64_t dim, bool descending,
                 bool stable) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(values.dtype(), "sort", [&] {
    using K = key_t<scalar_t>;
    using elem_t = std::pair<K, int64_t>;
    scalar_t* v = static_cast<scalar_t*>(values.data_ptr());
    int64_t* ix = static_cast<int64_t*>(indices.data_ptr());
    const int64_t n = values.size(dim);
    const int64_t sv = values.stride(dim), si = indices.stride(dim);
    for_each_line(values, indices, dim, n * 16, [&](int64_t ov, int64_t oi) {
      std::vector<elem_t> line(n);
      for (int64_t j = 0; j < n; ++j) line[j] = elem_t(static_cast<K>(v[ov + j * sv]), j);
      auto order = [&](auto cmp) {
        if (stable) {
          std::stable_sort(line.begin(), line.end(), cmp);
        } else {
          std::sort(line.begin(), line.end(), cmp);
        }
      };
      if (descending) {
        order(GreaterNanFirst{});
      } else {
        order(LessNanLast{});
      }
      for (int64_t j = 0; j < n; ++j) {
        v[ov + j * sv] = static_cast<scalar_t>(line[j].first);
        ix[oi + j * si] = line[j].second;
      }
    });
  });
}

void topk_kernel(const Tensor& values, const Tensor& indices, const Tensor& in, int64_t k,
                 int64_t dim, bool largest, bool sorted) {
  EMBER_DISPATCH_ALL_TYPES(in.dtype(), "topk", [&] {
    using K = key_t<scalar_t>;
    using elem_t = std::pair<K, int64_t>;
    const scalar_t* x = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* v = static_cast<scalar_t*>(values.data_ptr());
    int64_t* ix = static_cast<int64_t*>(indices.data_ptr());
    const int64_t n = in.size(dim);
    const int64_t sx = in.stride(dim), sv = values.stride(dim), si = indices.stride(dim);
    // values and indices are contiguous and shaped alike (Sorting.cpp), so one offset
    // serves both.
    for_each_line(in, values, dim, n * 8, [&](int64_t ox, int64_t ov) {
      std::vector<elem_t> line(n);
      for (int64_t j = 0; j < n; ++j) line[j] = elem_t(static_cast<K>(x[ox + j * sx]), j);
      auto select = [&](auto cmp) {
        if (k * 64 <= n) {
          std::partial_sort(line.begin(), line.begin() + k, line.end(), cmp);
        } else {
          std::nth_element(line.begin(), line.begin() + k - 1, line.end(), cmp);
          if (sorted) std::sort(line.begin(), line.begin() + k - 1, cmp);
        }
      };
      if (largest) {
        select(GreaterNanFirst{});
      } else {
        select(LessNanLast{});
      }
      for (int64_t j = 0; j < k; ++j) {
        v[ov + j * sv] = static_cast<scalar_t>(line[j].first);
        ix[ov + j * si] = line[j].second;
      }
    });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(sort_stub, CPU, &sort_kernel);
EMBER_REGISTER_DISPATCH(topk_stub, CPU, &topk_kernel);

}  // namespace ember::native
