// CPU loops of sort / topk (Sorting.h): each line along `dim` is gathered into a
// buffer of (value, position) pairs, ordered with the standard algorithms, and
// scattered back; lines are split across threads. NaN compares greater than every
// other value. The algorithms and comparators are the ones PyTorch's CPU kernels use
// (std::stable_sort / std::sort; topk: std::partial_sort when k is small against the
// line, else std::nth_element then std::sort of the first k - 1), so ties come out
// in the same order as PyTorch's on the same standard library.
#include <algorithm>
#include <cmath>
#include <cstdint>
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

void sort_kernel(const Tensor& values, const Tensor& indices, int64_t dim, bool descending,
                 bool stable) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(values.dtype(), "sort", [&] {
    using K = key_t<scalar_t>;
    using elem_t = std::pair<K, int64_t>;
    scalar_t* v = static_cast<scalar_t*>(values.data_ptr());
    int64_t* ix = static_cast<int64_t*>(indices.data_ptr());
    const int64_t n = values.size(dim);
    const int64_t sv = values.stride(dim), si = indices.stride(dim);
    for_each_line(values, indices.strides(), dim, n * 16, "sort", [&](int64_t ov, int64_t oi) {
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
    for_each_line(in, values.strides(), dim, n * 8, "sort", [&](int64_t ox, int64_t ov) {
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

// PyTorch's quick_select_template (ATen/native/SortingUtils.h): partially orders
// vals (and idx alongside) so that vals[k] is the element `gt_or_nan` puts k-th.
template <typename K>
void quick_select(std::vector<K>& vals, std::vector<int64_t>& idx, int64_t k) {
  auto gt_or_nan = [](K x, K y) { return (is_nan_key(x) && !is_nan_key(y)) || (x > y); };
  auto swap_at = [&](int64_t i, int64_t j) {
    std::swap(vals[i], vals[j]);
    std::swap(idx[i], idx[j]);
  };
  int64_t L = 0, R = static_cast<int64_t>(vals.size()) - 1;
  while (true) {
    if (R <= L) return;
    if (R == L + 1) {
      if (gt_or_nan(vals[L], vals[R])) swap_at(L, R);
      return;
    }
    const int64_t P = L + (R - L) / 2;  // median of three
    swap_at(P, L + 1);
    if (gt_or_nan(vals[L + 1], vals[R])) swap_at(L + 1, R);
    if (gt_or_nan(vals[L], vals[R])) swap_at(L, R);
    if (gt_or_nan(vals[L + 1], vals[L])) swap_at(L + 1, L);
    int64_t i = L + 1, j = R;
    const K piv = vals[L];
    while (true) {
      do {
        ++i;
      } while (gt_or_nan(piv, vals[i]));
      do {
        --j;
      } while (gt_or_nan(vals[j], piv));
      if (j < i) break;
      swap_at(i, j);
    }
    swap_at(L, j);
    if (j <= k) L = i;
    if (j >= k) R = j - 1;
  }
}

void select_kernel(const Tensor& values, const Tensor& indices, const Tensor& in, int64_t dim,
                   LineSelect what, int64_t k) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), "select", [&] {
    // (bool lines are held as uint8_t: std::vector<bool> has no element references)
    using K = std::conditional_t<std::is_same_v<scalar_t, bool>, uint8_t, key_t<scalar_t>>;
    const scalar_t* x = static_cast<const scalar_t*>(in.data_ptr());
    scalar_t* v = static_cast<scalar_t*>(values.data_ptr());
    int64_t* ix = static_cast<int64_t*>(indices.data_ptr());
    const int64_t n = in.size(dim);
    const int64_t sx = in.stride(dim);
    // values and indices are contiguous and shaped alike: one offset serves both.
    for_each_line(in, values.strides(), dim, n * 8, "sort", [&](int64_t ox, int64_t ov) {
      std::vector<K> line(n);
      for (int64_t j = 0; j < n; ++j) line[j] = static_cast<K>(x[ox + j * sx]);
      K value{};
      int64_t pos = 0;
      if (what == LineSelect::Kth) {
        std::vector<int64_t> idx(n);
        for (int64_t j = 0; j < n; ++j) idx[j] = j;
        quick_select(line, idx, k - 1);
        value = line[k - 1];
        pos = idx[k - 1];
      } else if (what == LineSelect::Mode) {
        std::vector<std::pair<K, int64_t>> el(n);
        for (int64_t j = 0; j < n; ++j) el[j] = {line[j], j};
        std::sort(el.begin(), el.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        int64_t run = 0, best = 0;
        for (int64_t j = 0; j < n; ++j) {
          ++run;
          if (j == n - 1 || el[j].first != el[j + 1].first) {
            if (run > best) {
              value = el[j].first;
              pos = el[j].second;
              best = run;
            }
            run = 0;
          }
        }
      } else {
        const bool ignore_nan = what == LineSelect::NanMedian;
        int64_t first_nan = -1, num_nan = 0;
        for (int64_t j = 0; j < n; ++j) {
          if (is_nan_key(line[j])) {
            if (first_nan < 0) first_nan = j;
            ++num_nan;
          }
        }
        if (!ignore_nan && first_nan >= 0) {
          value = line[first_nan];
          pos = first_nan;
        } else {
          std::vector<int64_t> idx(n);
          for (int64_t j = 0; j < n; ++j) idx[j] = j;
          // The (value, position) order, NaN last: a strict total order, so the
          // chosen element does not depend on the selection algorithm.
          const int64_t m = (n - num_nan - 1) / 2;
          std::nth_element(idx.begin(), idx.begin() + m, idx.end(), [&](int64_t a, int64_t b) {
            const bool na = is_nan_key(line[a]), nb = is_nan_key(line[b]);
            if (na || nb) return !na && nb ? true : (na && nb ? a < b : false);
            return line[a] < line[b] || (line[a] == line[b] && a < b);
          });
          value = line[idx[m]];
          pos = idx[m];
        }
      }
      v[ov] = static_cast<scalar_t>(value);
      ix[ov] = pos;
    });
  });
}

void searchsorted_kernel(const Tensor& out, const Tensor& values, const Tensor& boundaries,
                         const Tensor& sorter, bool right) {
  const int64_t n = values.numel();
  const int64_t row = boundaries.size(-1);
  const int64_t line = values.dim() > 0 ? values.size(-1) : 1;
  const bool per_row = boundaries.dim() > 1;
  const int64_t* sort = sorter.defined() ? static_cast<const int64_t*>(sorter.data_ptr()) : nullptr;
  EMBER_DISPATCH_ALL_TYPES(values.dtype(), "searchsorted", [&] {
    using K = key_t<scalar_t>;
    const scalar_t* v = static_cast<const scalar_t*>(values.data_ptr());
    const scalar_t* bd = static_cast<const scalar_t*>(boundaries.data_ptr());
    auto search = [&](int64_t i) -> int64_t {
      const int64_t start = per_row ? (i / line) * row : 0;
      const K val = static_cast<K>(v[i]);
      int64_t lo = start, hi = start + row;
      while (lo < hi) {
        const int64_t mid = lo + ((hi - lo) >> 1);
        const K mid_val = static_cast<K>(sort ? bd[sort[mid] + start] : bd[mid]);
        const bool go_right = right ? !(mid_val > val) : !(mid_val >= val);
        if (go_right) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo - start;
    };
    if (out.dtype() == ScalarType::Int) {
      int32_t* o = static_cast<int32_t*>(out.data_ptr());
      parallel_chunks(n, 32, [&](int64_t b, int64_t e) {
        for (int64_t i = b; i < e; ++i) o[i] = static_cast<int32_t>(search(i));
      });
    } else {
      int64_t* o = static_cast<int64_t*>(out.data_ptr());
      parallel_chunks(n, 32, [&](int64_t b, int64_t e) {
        for (int64_t i = b; i < e; ++i) o[i] = search(i);
      });
    }
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(searchsorted_stub, CPU, &searchsorted_kernel);
EMBER_REGISTER_DISPATCH(select_stub, CPU, &select_kernel);
EMBER_REGISTER_DISPATCH(sort_stub, CPU, &sort_kernel);
EMBER_REGISTER_DISPATCH(topk_stub, CPU, &topk_kernel);

}  // namespace ember::native
