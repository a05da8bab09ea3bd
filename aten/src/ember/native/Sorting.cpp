// sort / argsort / topk (device-generic): argument checks, result shapes, the out=
// contract; the loops are per device (Sorting.h).
#include <ember/native/Sorting.h>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/Reduce.h>

namespace ember::native {

EMBER_DEFINE_DISPATCH(sort_stub);
EMBER_DEFINE_DISPATCH(topk_stub);

namespace {

// `t` (an out= or an undefined result) checked and sized to `shape`; returns the
// tensor the loop writes: `t` itself, or a temporary when `t` overlaps the input.
Tensor prepare_result(Tensor& t, IntArrayRef shape, ScalarType dtype, const Tensor& self,
                      const char* op) {
  if (!t.defined()) {
    t = empty_tensor(shape, dtype, self.device());
    return t;
  }
  check_out_dtype(t, dtype);
  resize_reduction_output(t, shape, self, op);
  return t.storage() == self.storage() ? empty_tensor(shape, dtype, self.device()) : t;
}

void sort_impl(const Tensor& self, bool stable, int64_t dim, bool descending, Tensor& values,
               Tensor& indices) {
  const int64_t d = maybe_wrap_dim(dim, self.dim());
  Tensor val_target = prepare_result(values, self.sizes(), self.dtype(), self, "sort");
  Tensor idx_target = prepare_result(indices, self.sizes(), ScalarType::Long, self, "sort");
  if (self.dim() == 0) {
    val_target.copy_(self, false);
    idx_target.fill_(Scalar(int64_t(0)));
  } else if (self.numel() > 0) {
    val_target.copy_(self, false);
    sort_stub(self.device().type, val_target, idx_target, d, descending, stable);
  }
  if (!val_target.is_same(values)) values.copy_(val_target, false);
  if (!idx_target.is_same(indices)) indices.copy_(idx_target, false);
}

}  // namespace

std::tuple<Tensor&, Tensor&> sort_values_out(const Tensor& self, int64_t dim, bool descending,
                                             Tensor& values, Tensor& indices) {
  sort_impl(self, /*stable=*/false, dim, descending, values, indices);
  return std::tuple<Tensor&, Tensor&>(values, indices);
}

std::tuple<Tensor&, Tensor&> sort_values_stable_out(const Tensor& self, std::optional<bool> stable,
                                                    int64_t dim, bool descending, Tensor& values,
                                                    Tensor& indices) {
  sort_impl(self, stable.value_or(false), dim, descending, values, indices);
  return std::tuple<Tensor&, Tensor&>(values, indices);
}

Tensor argsort(const Tensor& self, int64_t dim, bool descending) {
  return std::get<1>(ember::sort(self, dim, descending));
}

Tensor argsort_stable(const Tensor& self, bool stable, int64_t dim, bool descending) {
  return std::get<1>(ember::sort(self, stable, dim, descending));
}

std::tuple<Tensor&, Tensor&> topk_out(const Tensor& self, int64_t k, int64_t dim, bool largest,
                                      bool sorted, Tensor& values, Tensor& indices) {
  const int64_t d = maybe_wrap_dim(dim, self.dim());
  const int64_t n = self.dim() > 0 ? self.size(d) : 1;
  EMBER_CHECK(k >= 0 && k <= n, "selected index k out of range");
  DimVector shape(self.sizes().begin(), self.sizes().end());
  if (self.dim() > 0) shape[d] = k;
  Tensor val_target = prepare_result(values, shape, self.dtype(), self, "topk");
  Tensor idx_target = prepare_result(indices, shape, ScalarType::Long, self, "topk");
  // The loop addresses values and indices with one offset: both contiguous.
  if (!val_target.is_contiguous()) val_target = empty_tensor(shape, self.dtype(), self.device());
  if (!idx_target.is_contiguous()) idx_target = empty_tensor(shape, ScalarType::Long, self.device());
  if (self.dim() == 0) {
    if (k == 1) {
      val_target.copy_(self, false);
      idx_target.fill_(Scalar(int64_t(0)));
    }
  } else if (val_target.numel() > 0) {
    topk_stub(self.device().type, val_target, idx_target, self, k, d, largest, sorted);
  }
  if (!val_target.is_same(values)) values.copy_(val_target, false);
  if (!idx_target.is_same(indices)) indices.copy_(idx_target, false);
  return std::tuple<Tensor&, Tensor&>(values, indices);
}

}  // namespace ember::native
