// sort / argsort / topk / kthvalue / median / nanmedian / mode / msort / searchsorted /
// bucketize (device-generic): argument checks, result shapes, the out=
// contract; the loops are per device (Sorting.h).
#include <ember/native/Sorting.h>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/Reduce.h>

#include <limits>
#include <string_view>

#include <ember/core/TypePromotion.h>
#include <ember/native/TensorShape.h>

namespace ember::native {

EMBER_DEFINE_DISPATCH(sort_stub);
EMBER_DEFINE_DISPATCH(topk_stub);
EMBER_DEFINE_DISPATCH(select_stub);
EMBER_DEFINE_DISPATCH(searchsorted_stub);

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

namespace {

// kthvalue / median / nanmedian / mode along `dim`: checks, result shapes (keepdim),
// the out= contract; the line loop is select_stub's.
void select_impl(LineSelect what, const char* op, const char* kernel_name, const Tensor& self,
                 int64_t k, int64_t dim, bool keepdim, Tensor& values, Tensor& indices) {
  const int64_t d = maybe_wrap_dim(dim, self.dim());
  EMBER_CHECK_NOT_IMPLEMENTED(self.is_cpu(), op, "(): not implemented for ", self.device(),
                              " tensors in this build of ember (CPU only)");
  EMBER_CHECK_NOT_IMPLEMENTED(what == LineSelect::Mode || self.dtype() != ScalarType::Bool, '"',
                              kernel_name, "\" not implemented for 'Bool'");
  const int64_t n = self.dim() > 0 ? self.size(d) : 1;
  EMBER_CHECK_INDEX(n > 0, op, "(): Expected reduction dim ", d, " to have non-zero size.");
  if (what == LineSelect::Kth) {
    EMBER_CHECK(k >= 1 && k <= n, "kthvalue(): selected number k out of range for dimension ", d);
  }
  DimVector keep(self.sizes().begin(), self.sizes().end());
  DimVector shape;
  for (int64_t i = 0; i < self.dim(); ++i) {
    if (i == d) {
      keep[i] = 1;
      if (keepdim) shape.push_back(1);
    } else {
      shape.push_back(self.size(i));
    }
  }
  Tensor val_target = prepare_result(values, shape, self.dtype(), self, op);
  Tensor idx_target = prepare_result(indices, shape, ScalarType::Long, self, op);
  if (self.dim() == 0) {
    val_target.copy_(self, false);
    idx_target.fill_(Scalar(int64_t(0)));
  } else if (self.numel() > 0) {
    const Tensor vt = empty_tensor(keep, self.dtype(), self.device());
    const Tensor it = empty_tensor(keep, ScalarType::Long, self.device());
    select_stub(self.device().type, vt, it, self, d, what, k);
    val_target.copy_(vt.view(shape), false);
    idx_target.copy_(it.view(shape), false);
  }
  if (!val_target.is_same(values)) values.copy_(val_target, false);
  if (!idx_target.is_same(indices)) indices.copy_(idx_target, false);
}

// median() / nanmedian(): the value of the flattened tensor's median; NaN when empty.
Tensor median_all_impl(const Tensor& self, LineSelect what, const char* op, const char* kernel_name) {
  EMBER_CHECK_NOT_IMPLEMENTED(self.is_cpu(), op, "(): not implemented for ", self.device(),
                              " tensors in this build of ember (CPU only)");
  EMBER_CHECK_NOT_IMPLEMENTED(self.dtype() != ScalarType::Bool, '"', kernel_name,
                              "\" not implemented for 'Bool'");
  if (self.numel() == 0) {
    return ember::full({}, Scalar(std::numeric_limits<double>::quiet_NaN()), self.dtype(),
                       std::nullopt, self.device());
  }
  Tensor values, indices;
  select_impl(what, op, kernel_name, self.reshape({-1}), 1, 0, false, values, indices);
  return values;
}

}  // namespace

std::tuple<Tensor&, Tensor&> kthvalue_out(const Tensor& self, int64_t k, int64_t dim, bool keepdim,
                                          Tensor& values, Tensor& indices) {
  select_impl(LineSelect::Kth, "kthvalue", "kthvalue_cpu", self, k, dim, keepdim, values, indices);
  return std::tuple<Tensor&, Tensor&>(values, indices);
}

std::tuple<Tensor&, Tensor&> median_dim_out(const Tensor& self, int64_t dim, bool keepdim,
                                            Tensor& values, Tensor& indices) {
  select_impl(LineSelect::Median, "median", "median_out", self, 0, dim, keepdim, values, indices);
  return std::tuple<Tensor&, Tensor&>(values, indices);
}

std::tuple<Tensor&, Tensor&> nanmedian_dim_out(const Tensor& self, int64_t dim, bool keepdim,
                                               Tensor& values, Tensor& indices) {
  select_impl(LineSelect::NanMedian, "nanmedian", "nanmedian_out", self, 0, dim, keepdim, values,
              indices);
  return std::tuple<Tensor&, Tensor&>(values, indices);
}

std::tuple<Tensor&, Tensor&> mode_out(const Tensor& self, int64_t dim, bool keepdim, Tensor& values,
                                      Tensor& indices) {
  select_impl(LineSelect::Mode, "mode", "mode_cpu", self, 0, dim, keepdim, values, indices);
  return std::tuple<Tensor&, Tensor&>(values, indices);
}

Tensor median(const Tensor& self) {
  return median_all_impl(self, LineSelect::Median, "median", "median_cpu");
}

Tensor nanmedian(const Tensor& self) {
  return median_all_impl(self, LineSelect::NanMedian, "nanmedian", "nanmedian_cpu");
}

Tensor msort(const Tensor& self) { return std::get<0>(ember::sort(self, 0, false)); }

Tensor& msort_out(const Tensor& self, Tensor& out) {
  Tensor indices = empty_tensor({0}, ScalarType::Long, self.device());
  ember::sort_out(self, 0, false, out, indices);
  return out;
}

// ---------------------------------------------------------------------------------
// searchsorted / bucketize
// ---------------------------------------------------------------------------------

namespace {

// PyTorch's searchsorted_pre_check, then the loop on contiguous operands of one dtype.
Tensor& searchsorted_impl(const Tensor& boundaries, const Tensor& self, bool out_int32, bool right,
                          std::optional<std::string_view> side, const std::optional<Tensor>& sorter_opt,
                          Tensor& out, bool scalar_input) {
  EMBER_CHECK(boundaries.device() == self.device(), "torch.searchsorted(): boundaries and input value tensors "
              "should have same device type, but got boundaries tensor device type ", boundaries.device(),
              " and input value tensor device type ", self.device());
  EMBER_CHECK_NOT_IMPLEMENTED(self.is_cpu(), "searchsorted(): not implemented for ", self.device(),
                              " tensors in this build of ember (CPU only)");
  if (side) {
    EMBER_CHECK(*side == "left" || *side == "right", "torch.searchsorted(): side can only be 'left' or 'right' "
                "but got ", *side);
    EMBER_CHECK(!right || *side == "right", "torch.searchsorted(): side and right can't be set to opposites, "
                "got side of ", *side, " while right was True");
    right = *side == "right";
  }
  Tensor sorter;
  if (sorter_opt && sorter_opt->defined()) {
    sorter = *sorter_opt;
    EMBER_CHECK(sorter.dtype() == ScalarType::Long, "torch.searchsorted(): sorter must be a tensor of long "
                "dtype but got dtype ", type_name(sorter.dtype()));
    EMBER_CHECK(sorter.sizes().equals(boundaries.sizes()), "torch.searchsorted(): boundary and sorter must "
                "have the same size, but got boundary tensor ", shape_str(boundaries.sizes()),
                "and got sorter tensor ", shape_str(sorter.sizes()));
    EMBER_CHECK(sorter.device() == self.device(), "torch.searchsorted(): sorter and input value tensors "
                "should have same device type");
  }
  EMBER_CHECK(boundaries.dim() != 0, "torch.searchsorted(): boundaries tensor should have positive "
              "dimension, but got 0 dimension");
  EMBER_CHECK(!scalar_input || boundaries.dim() == 1, "torch.searchsorted(): input value can be a scalar only "
              "when boundaries tensor dimension is 1, but we got boundaries tensor dim(", boundaries.dim(),
              ") and input value's dim(", self.dim(), ") numel(", self.numel(), ")");
  bool leading_match = boundaries.dim() == 1 || boundaries.dim() == self.dim();
  for (int64_t d = 0; leading_match && boundaries.dim() > 1 && d + 1 < boundaries.dim(); ++d) {
    leading_match = boundaries.size(d) == self.size(d);
  }
  EMBER_CHECK(leading_match, "torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 "
              "dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor ",
              shape_str(boundaries.sizes()), " and input value tensor ", shape_str(self.sizes()));
  if (sorter.defined() && sorter.numel() > 0) {
    const int64_t row = boundaries.size(-1);
    const bool bad = ember::any(ember::logical_or(ember::lt(sorter, scalar_tensor_of(Scalar(int64_t{0}),
                                                                                      ScalarType::Long, sorter.device())),
                                                  ember::ge(sorter, scalar_tensor_of(Scalar(row), ScalarType::Long,
                                                                                     sorter.device()))))
                         .item()
                         .to_bool();
    EMBER_CHECK(!bad, "torch.searchsorted(): sorter index out of range");
  }
  const ScalarType out_dtype = out_int32 ? ScalarType::Int : ScalarType::Long;
  if (!out.defined()) {
    out = empty_tensor(self.sizes(), out_dtype, self.device());
  } else {
    EMBER_CHECK(out.dtype() == out_dtype, "torch.searchsorted(): output tensor's dtype is wrong, it can only "
                "be Int(int32) or Long(int64) depending on whether out_int32 flag is True, but we got output "
                "tensor's dtype ", type_name(out.dtype()), " and out_int32 flag is ",
                out_int32 ? "True" : "False");
    resize_reduction_output(out, self.sizes(), self, "searchsorted");
  }
  if (self.numel() == 0) return out;
  if (boundaries.numel() == 0) {
    out.fill_(Scalar(int64_t{0}));
    return out;
  }
  // torch.result_type's rule (a value given as a Python number counts as a scalar).
  const ScalarType common = scalar_input ? result_type(boundaries, self.item()) : result_type(boundaries, self);
  const Tensor values = self.to(common).contiguous();
  const Tensor bd = boundaries.to(common).contiguous();
  const Tensor st = sorter.defined() ? sorter.contiguous() : sorter;
  Tensor target = out.is_contiguous() ? out : empty_tensor(self.sizes(), out_dtype, self.device());
  searchsorted_stub(self.device().type, target, values, bd, st, right);
  if (!target.is_same(out)) out.copy_(target, false);
  return out;
}

}  // namespace

Tensor& searchsorted_tensor_out(const Tensor& sorted_sequence, const Tensor& self, bool out_int32, bool right,
                                std::optional<std::string_view> side, const std::optional<Tensor>& sorter,
                                Tensor& out) {
  return searchsorted_impl(sorted_sequence, self, out_int32, right, side, sorter, out, false);
}

Tensor searchsorted_tensor(const Tensor& sorted_sequence, const Tensor& self, bool out_int32, bool right,
                           std::optional<std::string_view> side, const std::optional<Tensor>& sorter) {
  Tensor out;
  return searchsorted_impl(sorted_sequence, self, out_int32, right, side, sorter, out, false);
}

namespace {

// A Python number as a 0-dim tensor of its own kind (int64, float64 or bool).
Tensor number_tensor(const Scalar& s, Device device) {
  const ScalarType dt = s.is_floating_point() ? ScalarType::Double : s.is_bool() ? ScalarType::Bool : ScalarType::Long;
  return scalar_tensor_of(s, dt, device);
}

}  // namespace

Tensor& searchsorted_scalar_out(const Tensor& sorted_sequence, const Scalar& self, bool out_int32, bool right,
                                std::optional<std::string_view> side, const std::optional<Tensor>& sorter,
                                Tensor& out) {
  const Tensor value = number_tensor(self, sorted_sequence.device());
  return searchsorted_impl(sorted_sequence, value, out_int32, right, side, sorter, out, true);
}

Tensor searchsorted_scalar(const Tensor& sorted_sequence, const Scalar& self, bool out_int32, bool right,
                           std::optional<std::string_view> side, const std::optional<Tensor>& sorter) {
  Tensor out;
  return native::searchsorted_scalar_out(sorted_sequence, self, out_int32, right, side, sorter, out);
}

Tensor& bucketize_tensor_out(const Tensor& self, const Tensor& boundaries, bool out_int32, bool right,
                             Tensor& out) {
  EMBER_CHECK(boundaries.dim() == 1, "boundaries tensor must be 1 dimension, but got dim(", boundaries.dim(), ")");
  return searchsorted_impl(boundaries, self, out_int32, right, std::nullopt, std::nullopt, out, false);
}

Tensor bucketize_tensor(const Tensor& self, const Tensor& boundaries, bool out_int32, bool right) {
  Tensor out;
  return native::bucketize_tensor_out(self, boundaries, out_int32, right, out);
}

Tensor bucketize_scalar(const Scalar& self, const Tensor& boundaries, bool out_int32, bool right) {
  EMBER_CHECK(boundaries.dim() == 1, "boundaries tensor must be 1 dimension, but got dim(", boundaries.dim(), ")");
  const Tensor value = number_tensor(self, boundaries.device());
  Tensor out;
  return searchsorted_impl(boundaries, value, out_int32, right, std::nullopt, std::nullopt, out, true);
}

// ---------------------------------------------------------------------------------
// quantile / nanquantile: PyTorch's quantile_impl on the sorted lines (CPU: sort is)
// ---------------------------------------------------------------------------------

namespace {

enum class QuantileMode { Linear, Lower, Higher, Midpoint, Nearest };

QuantileMode quantile_mode(std::string_view s) {
  if (s == "linear") return QuantileMode::Linear;
  if (s == "lower") return QuantileMode::Lower;
  if (s == "higher") return QuantileMode::Higher;
  if (s == "midpoint") return QuantileMode::Midpoint;
  if (s == "nearest") return QuantileMode::Nearest;
  throw Error(str("quantile() interpolation must be one of linear, lower, higher, midpoint or nearest. Got ", s));
}

Tensor quantile_impl(const Tensor& self, const Tensor& q, std::optional<int64_t> dim, bool keepdim,
                     std::string_view interpolation, bool ignore_nan, const char* op) {
  EMBER_CHECK(self.numel() > 0, op, "() input tensor must be non-empty");
  EMBER_CHECK(q.dim() <= 1, op, "() q must be a scalar or 1D tensor");
  EMBER_CHECK(self.dtype() == ScalarType::Float || self.dtype() == ScalarType::Double, op,
              "() input tensor must be either float or double dtype");
  EMBER_CHECK(self.dtype() == q.dtype(), op, "() q tensor must be same dtype as the input tensor");
  EMBER_CHECK(self.device() == q.device(), op, "() q tensor must be on the same device as the input tensor");
  EMBER_CHECK_NOT_IMPLEMENTED(self.is_cpu(), op, "(): not implemented for ", self.device(),
                              " tensors in this build of ember (CPU only)");
  const QuantileMode mode = quantile_mode(interpolation);
  EMBER_CHECK(ember::all(ember::logical_and(ember::ge(q, scalar_tensor_of(Scalar(0.0), q.dtype(), q.device())),
                                            ember::le(q, scalar_tensor_of(Scalar(1.0), q.dtype(), q.device()))))
                  .item()
                  .to_bool(),
              op, "() q values must be in the range [0, 1]");
  // Result shape: q's length first, then self reduced over dim (or over everything).
  DimVector out_shape;
  if (dim && self.dim() > 0) {
    const int64_t d = maybe_wrap_dim(*dim, self.dim());
    for (int64_t i = 0; i < self.dim(); ++i) {
      if (i != d) {
        out_shape.push_back(self.size(i));
      } else if (keepdim) {
        out_shape.push_back(1);
      }
    }
  } else if (keepdim) {
    out_shape.assign(self.dim(), 1);
  }
  if (q.dim() > 0) out_shape.insert(out_shape.begin(), q.numel());

  // Each line to reduce, sorted (NaN last), as the rows of a 2-D tensor.
  Tensor sorted;
  if (!dim) {
    sorted = std::get<0>(ember::sort(self.reshape({-1}), -1, false));
  } else {
    const int64_t d = maybe_wrap_dim(*dim, self.dim());
    sorted = std::get<0>(ember::sort(ember::transpose(ember::unsqueeze(self, -1), d, -1), -1, false));
  }
  const int64_t in_size = sorted.size(-1);
  sorted = sorted.reshape({-1, in_size});
  const int64_t last_dim[1] = {-1};
  const IntArrayRef lines_dim(last_dim, 1);
  Tensor ranks;
  if (ignore_nan) {
    // Ranks among the non-NaN values; an all-NaN line gets rank 0 (its value, NaN).
    const Tensor count = ember::sum(ember::logical_not(ember::isnan(sorted)), lines_dim, true);
    ranks = ember::mul(q, ember::sub(count, scalar_tensor_of(Scalar(int64_t{1}), ScalarType::Long, q.device())));
    ranks = ember::masked_fill(ranks, ember::lt(ranks, scalar_tensor_of(Scalar(0.0), ranks.dtype(), q.device())),
                               Scalar(0.0));
  } else {
    // A line holding NaN gets the last rank, where NaN sorted to.
    const Scalar last(static_cast<double>(in_size - 1));
    const Tensor last_t = scalar_tensor_of(last, q.dtype(), q.device());
    ranks = ember::where(ember::any(ember::isnan(sorted), lines_dim, true), last_t, ember::mul(q, last_t));
  }
  if (mode == QuantileMode::Lower) ranks = ember::floor(ranks);
  if (mode == QuantileMode::Higher) ranks = ember::ceil(ranks);
  if (mode == QuantileMode::Nearest) ranks = ember::round(ranks);
  const Tensor ranks_below = ranks.to(ScalarType::Long);
  Tensor values = ember::gather(sorted, -1, ranks_below);
  if (mode == QuantileMode::Linear || mode == QuantileMode::Midpoint) {
    const Tensor weights = mode == QuantileMode::Midpoint ? ember::full_like(ranks, Scalar(0.5))
                                                          : ember::sub(ranks, ranks_below);
    const Tensor above = ember::gather(sorted, -1, ember::ceil(ranks).to(ScalarType::Long));
    // lerp(below, above, w) as PyTorch computes it (from the nearer end).
    const Tensor diff = ember::sub(above, values);
    const Tensor half = scalar_tensor_of(Scalar(0.5), weights.dtype(), weights.device());
    const Tensor one = scalar_tensor_of(Scalar(1.0), weights.dtype(), weights.device());
    values = ember::where(ember::lt(weights, half), ember::add(values, ember::mul(weights, diff)),
                          ember::sub(above, ember::mul(diff, ember::sub(one, weights))));
  }
  // (lines, len(q)) -> (len(q), lines), or (lines,) for a scalar q.
  values = q.dim() == 0 ? ember::squeeze(values, -1) : ember::transpose(values, 0, 1);
  return values.reshape(out_shape);
}

Tensor& quantile_into(const Tensor& result, Tensor& out, const char* op, const Tensor& self) {
  EMBER_CHECK(out.dtype() == self.dtype(), op, "() out tensor must be same dtype as the input tensor");
  EMBER_CHECK(out.device() == self.device(), op, "() out tensor must be on the same device as the input tensor");
  if (!out.sizes().equals(result.sizes())) native::resize_(out, result.sizes(), std::nullopt);
  out.copy_(result);
  return out;
}

Tensor scalar_q(const Tensor& self, double q, const char* op) {
  EMBER_CHECK(q >= 0 && q <= 1, op, "() q must be in the range [0, 1] but got ", q);
  return scalar_tensor_of(Scalar(q), self.dtype(), self.device());
}

}  // namespace

Tensor quantile(const Tensor& self, const Tensor& q, std::optional<int64_t> dim, bool keepdim,
                std::string_view interpolation) {
  return quantile_impl(self, q, dim, keepdim, interpolation, false, "quantile");
}

Tensor& quantile_out(const Tensor& self, const Tensor& q, std::optional<int64_t> dim, bool keepdim,
                     std::string_view interpolation, Tensor& out) {
  return quantile_into(quantile_impl(self, q, dim, keepdim, interpolation, false, "quantile"), out, "quantile",
                       self);
}

Tensor quantile_scalar(const Tensor& self, double q, std::optional<int64_t> dim, bool keepdim,
                       std::string_view interpolation) {
  return quantile_impl(self, scalar_q(self, q, "quantile"), dim, keepdim, interpolation, false, "quantile");
}

Tensor& quantile_scalar_out(const Tensor& self, double q, std::optional<int64_t> dim, bool keepdim,
                            std::string_view interpolation, Tensor& out) {
  return quantile_into(native::quantile_scalar(self, q, dim, keepdim, interpolation), out, "quantile", self);
}

Tensor nanquantile(const Tensor& self, const Tensor& q, std::optional<int64_t> dim, bool keepdim,
                   std::string_view interpolation) {
  return quantile_impl(self, q, dim, keepdim, interpolation, true, "nanquantile");
}

Tensor& nanquantile_out(const Tensor& self, const Tensor& q, std::optional<int64_t> dim, bool keepdim,
                        std::string_view interpolation, Tensor& out) {
  return quantile_into(quantile_impl(self, q, dim, keepdim, interpolation, true, "nanquantile"), out,
                       "nanquantile", self);
}

Tensor nanquantile_scalar(const Tensor& self, double q, std::optional<int64_t> dim, bool keepdim,
                          std::string_view interpolation) {
  return quantile_impl(self, scalar_q(self, q, "nanquantile"), dim, keepdim, interpolation, true, "nanquantile");
}

Tensor& nanquantile_scalar_out(const Tensor& self, double q, std::optional<int64_t> dim, bool keepdim,
                               std::string_view interpolation, Tensor& out) {
  return quantile_into(native::nanquantile_scalar(self, q, dim, keepdim, interpolation), out, "nanquantile",
                       self);
}

}  // namespace ember::native
