// Reduction geometry: see Note [Reduction geometry] in native/Reduce.h.
#include <ember/native/Reduce.h>

#include <algorithm>
#include <memory>

namespace ember::native {

DimMask make_dim_mask(OptionalIntArrayRef dims, int64_t ndim) {
  EMBER_CHECK(ndim <= 64, "reductions support tensors with at most 64 dims, got ", ndim);
  DimMask mask;
  if (!dims || dims->empty()) {
    for (int64_t d = 0; d < ndim; ++d) mask.set(d);
    return mask;
  }
  for (int64_t d : *dims) {
    const int64_t w = maybe_wrap_dim(d, ndim);
    // A 0-dim tensor accepts dim 0/-1 but has no bit to set: nothing is reduced.
    if (ndim == 0) {
      EMBER_CHECK(!mask.test(0), "dim ", w, " appears multiple times in the list of dims");
      mask.set(0);
      continue;
    }
    EMBER_CHECK(!mask.test(w), "dim ", w, " appears multiple times in the list of dims");
    mask.set(w);
  }
  if (ndim == 0) mask.reset();
  return mask;
}

DimVector reduced_shape(IntArrayRef sizes, const DimMask& mask, bool keepdim) {
  DimVector shape;
  shape.reserve(sizes.size());
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (!mask.test(d)) {
      shape.push_back(sizes[d]);
    } else if (keepdim) {
      shape.push_back(1);
    }
  }
  return shape;
}

Tensor keepdim_view(const Tensor& result, int64_t input_ndim, const DimMask& mask, bool keepdim) {
  DimVector sizes, strides;
  sizes.reserve(input_ndim);
  strides.reserve(input_ndim);
  int64_t r = 0;
  for (int64_t d = 0; d < input_ndim; ++d) {
    if (mask.test(d)) {
      sizes.push_back(1);
      strides.push_back(0);
      if (keepdim) ++r;
    } else {
      sizes.push_back(result.size(r));
      strides.push_back(result.stride(r));
      ++r;
    }
  }
  return strided_view(result, sizes, strides);
}

Tensor strided_view(const Tensor& base, IntArrayRef sizes, IntArrayRef strides) {
  return Tensor(std::make_shared<TensorImpl>(base.storage(), base.dtype(), sizes, strides,
                                             base.storage_offset()));
}


void check_out_dtype(const Tensor& out, ScalarType expected) {
  EMBER_CHECK(out.dtype() == expected, "Expected out tensor to have dtype ",
              cpp_type_name(expected), ", but got ", cpp_type_name(out.dtype()), " instead");
}

void resize_reduction_output(const Tensor& out, IntArrayRef shape, const Tensor& self,
                             const char* op) {
  EMBER_CHECK(out.device() == self.device(), op, ": Expected out tensor to have device ",
              self.device(), ", but got ", out.device(), " instead");
  if (!out.sizes().equals(shape)) out.resize_(shape, std::nullopt);
}

namespace {
struct DimInfo {
  int64_t size, in_stride, out_stride;
};

// Sorts innermost first (smallest input stride; ties keep the later dim inner, as in
// row-major order) and merges dims that continue each other's run.
int coalesce(std::vector<DimInfo>& dims, bool check_out) {
  std::stable_sort(dims.begin(), dims.end(), [](const DimInfo& a, const DimInfo& b) {
    return a.in_stride < b.in_stride;
  });
  int n = 0;
  for (const DimInfo& d : dims) {
    if (n > 0) {
      DimInfo& prev = dims[n - 1];
      const bool in_ok = d.in_stride == prev.in_stride * prev.size;
      const bool out_ok = !check_out || d.out_stride == prev.out_stride * prev.size;
      if (in_ok && out_ok) {
        prev.size *= d.size;
        continue;
      }
    }
    dims[n++] = d;
  }
  dims.resize(n);
  return n;
}
}  // namespace

ReduceLayout make_reduce_layout(const Tensor& out_kd, const Tensor& in) {
  const int64_t nd = in.dim();
  EMBER_CHECK(out_kd.dim() == nd, "reduction: output view has ", out_kd.dim(),
              " dims but the input has ", nd);
  ReduceLayout L;
  std::vector<DimInfo> kept, red;
  bool empty_input = false;
  for (int64_t d = 0; d < nd; ++d) {
    const int64_t n = in.size(d);
    if (n == 0) empty_input = true;
    if (n == 1) continue;
    // Size-0 kept dims make the output empty; size-0 reduced dims make every
    // reduction empty. Both are recorded as counts below and need no strides.
    const bool reduced = out_kd.size(d) == 1;
    (reduced ? red : kept).push_back({n, in.stride(d), out_kd.stride(d)});
  }
  // Strides are non-negative for every tensor ember creates except through as_strided
  // with negative steps, which it rejects; sorting by stride is therefore sound.
  coalesce(kept, /*check_out=*/true);
  coalesce(red, /*check_out=*/false);
  EMBER_CHECK(kept.size() <= static_cast<size_t>(kMaxReduceDims) &&
                  red.size() <= static_cast<size_t>(kMaxReduceDims),
              "reduction: tensors with more than ", kMaxReduceDims,
              " non-trivial dims are not supported");
  L.num_outputs = 1;
  for (const DimInfo& d : kept) L.num_outputs *= d.size;
  L.reduce_numel = 1;
  for (const DimInfo& d : red) L.reduce_numel *= d.size;
  if (empty_input && L.num_outputs != 0) L.reduce_numel = 0;
  L.n_kept = static_cast<int>(kept.size());
  for (int i = 0; i < L.n_kept; ++i) {
    L.kept_size[i] = kept[i].size;
    L.kept_in_stride[i] = kept[i].in_stride;
    L.kept_out_stride[i] = kept[i].out_stride;
  }
  if (red.empty()) red.push_back({1, 0, 0});
  L.n_red = static_cast<int>(red.size());
  for (int i = 0; i < L.n_red; ++i) {
    L.red_size[i] = red[i].size;
    L.red_in_stride[i] = red[i].in_stride;
  }
  // Inner when the reduced run is at least as tight as the tightest kept dim, or
  // when nothing is kept. A dummy reduced dim (nothing reduced) goes the outer way:
  // each output is then one input element and the row loop copies whole rows.
  const bool nothing_reduced = L.n_red == 1 && L.red_size[0] == 1;
  L.inner = L.n_kept == 0 || (!nothing_reduced && L.red_in_stride[0] <= L.kept_in_stride[0]);
  return L;
}

}  // namespace ember::native
