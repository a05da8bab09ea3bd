// bincount and histc (device-generic): counting is an index_put_ with accumulate into a
// zeroed result, whose CPU loop adds serially in element order, as PyTorch's CPU loops
// do (so float sums round the same way). histc bins each element the way PyTorch's
// histogramdd kernel does over the edges linspace(min, max, bins + 1) in the input's
// dtype: the last edge belongs to the last bin, elements outside [min, max] (and NaN)
// are not counted.
#include <cmath>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorShape.h>

namespace ember::native {
namespace {

Tensor long_tensor(int64_t v, Device device) { return scalar_tensor_of(Scalar(v), ScalarType::Long, device); }

}  // namespace

Tensor bincount(const Tensor& self, const std::optional<Tensor>& weights_opt, int64_t minlength) {
  EMBER_CHECK_NOT_IMPLEMENTED(is_integral_type(self.dtype(), /*include_bool=*/false),
                              "\"bincount_", self.is_cuda() ? "cuda" : "cpu", "\" not implemented for '",
                              type_name(self.dtype()), "'");
  EMBER_CHECK(minlength >= 0, "minlength should be >= 0");
  if (self.dim() == 1 && self.numel() == 0) {
    return ember::zeros({minlength}, ScalarType::Long, std::nullopt, self.device());
  }
  EMBER_CHECK(self.dim() == 1, "bincount only supports 1-d non-negative integral inputs.");
  const int64_t lo = ember::min(self).item().to_long();
  EMBER_CHECK(lo >= 0, "bincount only supports 1-d non-negative integral inputs.");
  const bool has_weights = weights_opt && weights_opt->defined();
  if (has_weights) {
    EMBER_CHECK(weights_opt->dim() == 1 && weights_opt->size(0) == self.size(0),
                "weights should be 1-d and have the same length as input");
  }
  const int64_t nbins = std::max(ember::max(self).item().to_long() + 1, minlength);
  // Weighted counts are float32 for float32 weights, float64 otherwise.
  const ScalarType dtype = !has_weights ? ScalarType::Long
                           : weights_opt->dtype() == ScalarType::Float ? ScalarType::Float
                                                                       : ScalarType::Double;
  Tensor result = ember::zeros({nbins}, dtype, std::nullopt, self.device());
  const Tensor values = has_weights ? weights_opt->to(dtype) : ember::ones({1}, dtype, std::nullopt, self.device());
  const Tensor index = self.dtype() == ScalarType::Long ? self : self.to(ScalarType::Long);
  ember::index_put_(result, {std::optional<Tensor>(index)}, values, /*accumulate=*/true);
  return result;
}

Tensor& histc_out(const Tensor& self, int64_t bins, const Scalar& min, const Scalar& max, Tensor& out) {
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(self.dtype()), "\"histogram_", self.is_cuda() ? "cuda" : "cpu",
                              "\" not implemented for '", type_name(self.dtype()), "'");
  EMBER_CHECK(out.dtype() == self.dtype(), "torch.histogram(): input tensor and hist tensor should have the "
              "same dtype, but got input ", type_name(self.dtype()), " and hist ", type_name(out.dtype()));
  double left = min.to_double(), right = max.to_double();
  if (left == right && self.numel() > 0) {
    left = ember::min(self).item().to_double();
    right = ember::max(self).item().to_double();
  }
  if (left == right) {
    left -= 1;
    right += 1;
  }
  EMBER_CHECK(std::isfinite(left) && std::isfinite(right), "torch.histc: range of [", left, ", ", right,
              "] is not finite");
  EMBER_CHECK(left < right, "torch.histc: max must be larger than min");
  EMBER_CHECK(bins > 0, "torch.histogram(): bins must be > 0, but got ", bins, " for dimension 0");
  const int64_t shape[1] = {bins};
  if (!out.sizes().equals(IntArrayRef(shape, 1))) native::resize_(out, IntArrayRef(shape, 1), std::nullopt);
  out.zero_();
  if (self.numel() == 0) return out;
  const Tensor edges = ember::linspace(Scalar(left), Scalar(right), bins + 1, self.dtype(), std::nullopt,
                                       self.device());
  const Tensor x = self.reshape({-1});
  // Inside the outer edges (as rounded to the dtype); NaN compares false.
  const Tensor first = ember::select(edges, 0, 0), last = ember::select(edges, 0, bins);
  const Tensor inside = ember::logical_and(ember::ge(x, first), ember::le(x, last));
  const Tensor xs = ember::masked_select(x, inside);
  if (xs.numel() == 0) return out;
  // PyTorch's LINEAR_INTERPOLATION_WITH_LOCAL_SEARCH, in the input's arithmetic (so the
  // 16-bit floats round after every operation, as c10::Half / BFloat16 do): the estimate
  // (x - first) * bins / (last - first), then the upper bound among the edges
  // [pos - 1, pos + 2); the last edge belongs to the last bin.
  const Tensor bins_t = scalar_tensor_of(Scalar(bins), self.dtype(), self.device());
  const Tensor estimate =
      ember::div(ember::mul(ember::sub(xs, first), bins_t), ember::sub(last, first)).to(ScalarType::Long);
  const Tensor lo = ember::clamp_min(ember::sub(estimate, long_tensor(1, xs.device())), Scalar(int64_t{0}));
  const Tensor hi = ember::clamp_max(ember::add(estimate, long_tensor(2, xs.device())), Scalar(bins + 1));
  Tensor below = ember::zeros_like(lo);  // edges in [lo, hi) that are <= x
  for (int64_t k = 0; k < 3; ++k) {
    const Tensor j = ember::add(lo, long_tensor(k, xs.device()));
    const Tensor e = ember::index(edges, {std::optional<Tensor>(ember::clamp_max(j, Scalar(bins)))});
    below = ember::add(below, ember::logical_and(ember::lt(j, hi), ember::le(e, xs)).to(ScalarType::Long));
  }
  const Tensor pos = ember::clamp_max(ember::sub(ember::add(lo, below), long_tensor(1, xs.device())),
                                      Scalar(bins - 1));
  const Tensor one = ember::ones({1}, self.dtype(), std::nullopt, self.device());
  ember::index_put_(out, {std::optional<Tensor>(pos)}, one, /*accumulate=*/true);
  return out;
}

Tensor histc(const Tensor& self, int64_t bins, const Scalar& min, const Scalar& max) {
  Tensor out = empty_tensor({0}, self.dtype(), self.device());
  return native::histc_out(self, bins, min, max, out);
}

}  // namespace ember::native
