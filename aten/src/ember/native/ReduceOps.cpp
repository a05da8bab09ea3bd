// Device-generic reductions: sum, mean, prod, max/min (all and along a dim), argmax,
// argmin, any/all, var/std. Each kernel settles PyTorch's dtype rules, the result shape and the out=
// contract (docs/contracts.md), then hands a keepdim view of the result to a
// per-device loop (ReduceOps.h; Note [Reduction geometry] in Reduce.h).
#include <ember/native/ReduceOps.h>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/Reduce.h>

#include <algorithm>

namespace ember::native {

EMBER_DEFINE_DISPATCH(sum_stub);
EMBER_DEFINE_DISPATCH(mean_stub);
EMBER_DEFINE_DISPATCH(prod_stub);
EMBER_DEFINE_DISPATCH(max_values_stub);
EMBER_DEFINE_DISPATCH(min_values_stub);
EMBER_DEFINE_DISPATCH(max_dim_stub);
EMBER_DEFINE_DISPATCH(min_dim_stub);

namespace {

// sum/prod of bool and integer tensors accumulate (and return) int64 unless a
// dtype is given, as in PyTorch.
ScalarType promoted_integer_dtype(ScalarType t) {
  return is_integral_type(t, /*include_bool=*/true) ? ScalarType::Long : t;
}

// True when writing `out` could clobber elements of `in` that are still to be read.
bool shares_storage(const Tensor& out, const Tensor& in) {
  return out.defined() && in.defined() && out.storage() == in.storage() && out.numel() > 0;
}

// Runs `loop(out_kd, in)` over `in` reduced by `mask` into `out`, which is allocated
// (undefined) or checked and resized (user out=). `in` already has the dtype the loop
// computes in; the result has `result_dtype`. When they differ (out= of another
// dtype, or an output overlapping the input) the loop writes a temporary that is
// then copied into `out`.
template <typename Loop>
void run_reduction(const Loop& loop, const char* op, const Tensor& self, const Tensor& in,
                   const DimMask& mask, bool keepdim, ScalarType result_dtype, Tensor& out) {
  const DimVector shape = reduced_shape(self.sizes(), mask, keepdim);
  if (!out.defined()) {
    out = empty_tensor(shape, result_dtype, self.device());
  } else {
    resize_reduction_output(out, shape, self, op);
  }
  if (out.numel() == 0) return;
  Tensor target = out;
  if (out.dtype() != in.dtype() || shares_storage(out, self) || shares_storage(out, in)) {
    target = empty_tensor(shape, in.dtype(), self.device());
  }
  loop(keepdim_view(target, self.dim(), mask, keepdim), in);
  if (!target.is_same(out)) out.copy_(target, false);
}

Tensor converted(const Tensor& self, ScalarType dtype) {
  return self.dtype() == dtype ? self : self.to(dtype, false, false, std::nullopt);
}

// sum and prod: the result dtype is the dtype argument, else out='s dtype, else the
// input's with integers promoted to int64. The loop computes in the result dtype.
Tensor& sum_prod_impl(const DispatchStub<reduce_fn>& stub, const char* op, const Tensor& self,
                      const DimMask& mask, bool keepdim, std::optional<ScalarType> dtype,
                      Tensor& out) {
  ScalarType result_dtype;
  if (dtype) {
    result_dtype = *dtype;
    if (out.defined()) check_out_dtype(out, result_dtype);
  } else {
    result_dtype = out.defined() ? out.dtype() : promoted_integer_dtype(self.dtype());
  }
  const DeviceType dev = self.device().type;
  run_reduction([&](const Tensor& o, const Tensor& i) { stub(dev, o, i); }, op, self,
                converted(self, result_dtype), mask, keepdim, result_dtype, out);
  return out;
}

// (The dims are checked after the dtype, as in PyTorch: mean(int_tensor, dim=5) is
// the dtype error.)
Tensor& mean_impl(const Tensor& self, OptionalIntArrayRef dim, bool keepdim,
                  std::optional<ScalarType> dtype, Tensor& out) {
  ScalarType result_dtype;
  if (dtype) {
    EMBER_CHECK(is_floating_type(*dtype),
                "mean(): could not infer output dtype. Optional dtype must be either a "
                "floating point or complex dtype. Got: ",
                *dtype);
    result_dtype = *dtype;
    if (out.defined()) check_out_dtype(out, result_dtype);
  } else {
    EMBER_CHECK(is_floating_type(self.dtype()),
                "mean(): could not infer output dtype. Input dtype must be either a floating "
                "point or complex dtype. Got: ",
                self.dtype());
    result_dtype = self.dtype();
    if (out.defined()) {
      EMBER_CHECK(can_cast(result_dtype, out.dtype()), "result type ", result_dtype,
                  " can't be cast to the desired output type ", out.dtype());
      // can_cast leaves only floating out= dtypes: the mean is computed in that one.
      result_dtype = out.dtype();
    }
  }
  const DimMask mask = make_dim_mask(dim, self.dim());
  const DeviceType dev = self.device().type;
  run_reduction([&](const Tensor& o, const Tensor& i) { mean_stub(dev, o, i); }, "mean", self,
                converted(self, result_dtype), mask, keepdim, result_dtype, out);
  return out;
}

// max()/min() of every element: a 0-dim tensor of self's dtype; NaN propagates.
Tensor extremum_all(const DispatchStub<reduce_fn>& stub, const char* op, const Tensor& self) {
  EMBER_CHECK(self.numel() > 0, op,
              "(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
              "reduction dim with the 'dim' argument.");
  Tensor out;
  const DeviceType dev = self.device().type;
  run_reduction([&](const Tensor& o, const Tensor& i) { stub(dev, o, i); }, op, self, self,
                make_dim_mask(std::nullopt, self.dim()), false, self.dtype(), out);
  return out;
}

// max/min along a dim (values and indices) and argmax/argmin (indices only, `values`
// undefined). `dim` None flattens the input first (argmax/argmin only).
void extremum_dim(const DispatchStub<arg_reduce_fn>& stub, const char* op, const Tensor& self,
                  std::optional<int64_t> dim, bool keepdim, Tensor* values, Tensor& indices) {
  if (values == nullptr) {
    EMBER_CHECK(self.dtype() != ScalarType::Bool, op, "(): does not support bool input");
  }
  // A 0-dim input (dim 0 or -1) and dim=None both reduce the flattened input.
  const bool flatten = !dim || self.dim() == 0;
  DimMask mask;
  int64_t d = 0;
  if (dim) {
    d = maybe_wrap_dim(*dim, self.dim());
    const int64_t n = self.dim() == 0 ? 1 : self.size(d);
    EMBER_CHECK_INDEX(n > 0, op, "(): Expected reduction dim ", d, " to have non-zero size.");
    if (self.dim() > 0) mask.set(d);
  } else {
    EMBER_CHECK_INDEX(self.numel() > 0, op,
                      "(): Expected reduction dim to be specified for input.numel() == 0.");
    for (int64_t i = 0; i < self.dim(); ++i) mask.set(i);
  }
  const Tensor in = flatten ? ember::reshape(self, {-1}) : self;
  if (flatten) d = 0;
  const DimVector shape = reduced_shape(self.sizes(), mask, keepdim);

  auto prepare = [&](Tensor& t, ScalarType dtype) -> Tensor {
    if (!t.defined()) {
      t = empty_tensor(shape, dtype, self.device());
      return t;
    }
    check_out_dtype(t, dtype);
    resize_reduction_output(t, shape, self, op);
    // The loop writes values and indices element by element; an out= that overlaps
    // the input gets a temporary.
    return shares_storage(t, self) ? empty_tensor(shape, dtype, self.device()) : t;
  };
  Tensor idx_target = prepare(indices, ScalarType::Long);
  Tensor val_target;
  if (values) val_target = prepare(*values, self.dtype());
  if (indices.numel() == 0) return;

  // View the targets with `in`'s dimensionality (the flattened input is 1-D).
  auto kd = [&](const Tensor& t) {
    return flatten ? strided_view(t, {1}, {0}) : keepdim_view(t, self.dim(), mask, keepdim);
  };
  stub(self.device().type, values ? kd(val_target) : Tensor(), kd(idx_target), in, d);
  if (!idx_target.is_same(indices)) indices.copy_(idx_target, false);
  if (values && !val_target.is_same(*values)) values->copy_(val_target, false);
}

}  // namespace

// ---- sum ------------------------------------------------------------------------

Tensor& sum_out(const Tensor& self, OptionalIntArrayRef dim, bool keepdim,
                std::optional<ScalarType> dtype, Tensor& out) {
  return sum_prod_impl(sum_stub, "sum", self, make_dim_mask(dim, self.dim()), keepdim, dtype,
                       out);
}

Tensor sum(const Tensor& self, std::optional<ScalarType> dtype) {
  Tensor out;
  sum_prod_impl(sum_stub, "sum", self, make_dim_mask(std::nullopt, self.dim()), false, dtype,
                out);
  return out;
}

// ---- mean -----------------------------------------------------------------------

Tensor& mean_out(const Tensor& self, OptionalIntArrayRef dim, bool keepdim,
                 std::optional<ScalarType> dtype, Tensor& out) {
  return mean_impl(self, dim, keepdim, dtype, out);
}

Tensor mean(const Tensor& self, std::optional<ScalarType> dtype) {
  Tensor out;
  mean_impl(self, std::nullopt, false, dtype, out);
  return out;
}

// ---- prod -----------------------------------------------------------------------

Tensor& prod_out(const Tensor& self, int64_t dim, bool keepdim, std::optional<ScalarType> dtype,
                 Tensor& out) {
  const int64_t d = dim;
  return sum_prod_impl(prod_stub, "prod", self, make_dim_mask(IntArrayRef(&d, 1), self.dim()),
                       keepdim, dtype, out);
}

Tensor prod(const Tensor& self, std::optional<ScalarType> dtype) {
  Tensor out;
  sum_prod_impl(prod_stub, "prod", self, make_dim_mask(std::nullopt, self.dim()), false, dtype,
                out);
  return out;
}

// ---- max / min ------------------------------------------------------------------

Tensor max_all(const Tensor& self) { return extremum_all(max_values_stub, "max", self); }
Tensor min_all(const Tensor& self) { return extremum_all(min_values_stub, "min", self); }

std::tuple<Tensor&, Tensor&> max_dim_out(const Tensor& self, int64_t dim, bool keepdim,
                                         Tensor& max, Tensor& max_values) {
  // Schema names (PyTorch's): `max` receives the values, `max_values` the indices.
  extremum_dim(max_dim_stub, "max", self, dim, keepdim, &max, max_values);
  return std::tuple<Tensor&, Tensor&>(max, max_values);
}

std::tuple<Tensor&, Tensor&> min_dim_out(const Tensor& self, int64_t dim, bool keepdim,
                                         Tensor& min, Tensor& min_indices) {
  extremum_dim(min_dim_stub, "min", self, dim, keepdim, &min, min_indices);
  return std::tuple<Tensor&, Tensor&>(min, min_indices);
}

Tensor& argmax_out(const Tensor& self, std::optional<int64_t> dim, bool keepdim, Tensor& out) {
  extremum_dim(max_dim_stub, "argmax", self, dim, keepdim, nullptr, out);
  return out;
}

Tensor& argmin_out(const Tensor& self, std::optional<int64_t> dim, bool keepdim, Tensor& out) {
  extremum_dim(min_dim_stub, "argmin", self, dim, keepdim, nullptr, out);
  return out;
}

// ---- any / all ------------------------------------------------------------------

namespace {

// any/all are max/min of the input's truth values: the input is cast to bool and the
// max (any) or min (all) loop runs over it; an empty reduction yields the identity
// (False for any, True for all). The result is bool, or uint8 for a uint8 input.
Tensor& any_all_impl(bool is_any, const Tensor& self, const DimMask& mask, bool keepdim,
                     Tensor& out) {
  const char* op = is_any ? "any" : "all";
  const ScalarType result_dtype = self.dtype() == ScalarType::Byte ? ScalarType::Byte : ScalarType::Bool;
  if (out.defined()) {
    EMBER_CHECK(out.dtype() == ScalarType::Bool || out.dtype() == ScalarType::Byte, op,
                " only supports bool tensor for result, got: ", out.dtype());
  }
  const DeviceType dev = self.device().type;
  const auto& stub = is_any ? max_values_stub : min_values_stub;
  run_reduction(
      [&](const Tensor& o, const Tensor& i) {
        if (i.numel() == 0) {
          o.fill_(Scalar(!is_any));
        } else {
          stub(dev, o, i);
        }
      },
      op, self, converted(self, ScalarType::Bool), mask, keepdim, result_dtype, out);
  return out;
}

}  // namespace

Tensor& any_all_out(const Tensor& self, Tensor& out) {
  return any_all_impl(true, self, make_dim_mask(std::nullopt, self.dim()), false, out);
}
Tensor& all_all_out(const Tensor& self, Tensor& out) {
  return any_all_impl(false, self, make_dim_mask(std::nullopt, self.dim()), false, out);
}
Tensor& any_out(const Tensor& self, int64_t dim, bool keepdim, Tensor& out) {
  return any_all_impl(true, self, make_dim_mask(IntArrayRef(&dim, 1), self.dim()), keepdim, out);
}
Tensor& all_out(const Tensor& self, int64_t dim, bool keepdim, Tensor& out) {
  return any_all_impl(false, self, make_dim_mask(IntArrayRef(&dim, 1), self.dim()), keepdim, out);
}
Tensor& any_dims_out(const Tensor& self, OptionalIntArrayRef dim, bool keepdim, Tensor& out) {
  return any_all_impl(true, self, make_dim_mask(dim, self.dim()), keepdim, out);
}
Tensor& all_dims_out(const Tensor& self, OptionalIntArrayRef dim, bool keepdim, Tensor& out) {
  return any_all_impl(false, self, make_dim_mask(dim, self.dim()), keepdim, out);
}

// ---- var / std ------------------------------------------------------------------

namespace {

// Two passes over the input (the mean, then the sum of squared deviations), which
// keeps the result accurate when the mean is large against the spread; the sums run
// in the existing sum/mean loops, in float for 16-bit inputs. Divides by
// max(0, N - correction): N <= correction gives inf or nan, as in PyTorch.
Tensor& var_std_impl(bool take_sqrt, const Tensor& self, OptionalIntArrayRef dim,
                     const std::optional<Scalar>& correction, bool keepdim, Tensor& out) {
  const char* op = take_sqrt ? "std" : "var";
  EMBER_CHECK(is_floating_type(self.dtype()),
              "std and var only support floating point and complex dtypes");
  // out= may be any floating dtype (the result is copied into it).
  if (out.defined() && !is_floating_type(out.dtype())) check_out_dtype(out, self.dtype());
  const DimMask mask = make_dim_mask(dim, self.dim());
  const ScalarType compute = self.dtype() == ScalarType::Half || self.dtype() == ScalarType::BFloat16
                                 ? ScalarType::Float
                                 : self.dtype();
  int64_t n = 1;
  for (int64_t d = 0; d < self.dim(); ++d) {
    if (mask[d]) n *= self.size(d);
  }
  const double c = correction ? correction->to<double>() : 1.0;
  const Tensor x = converted(self, compute);
  const Tensor dev = ember::sub(x, ember::mean(x, dim, /*keepdim=*/true, std::nullopt), Scalar(int64_t(1)));
  Tensor r = ember::div(ember::sum(ember::mul(dev, dev), dim, keepdim, std::nullopt),
                        wrapped_scalar_tensor(Scalar(std::max(0.0, static_cast<double>(n) - c))));
  if (take_sqrt) r = ember::sqrt(r);
  if (!out.defined()) {
    out = converted(r, self.dtype());
  } else {
    resize_reduction_output(out, reduced_shape(self.sizes(), mask, keepdim), self, op);
    out.copy_(r, false);
  }
  return out;
}

std::optional<Scalar> correction_of(bool unbiased) { return Scalar(int64_t(unbiased ? 1 : 0)); }

}  // namespace

Tensor& var_correction_out(const Tensor& self, OptionalIntArrayRef dim,
                           const std::optional<Scalar>& correction, bool keepdim, Tensor& out) {
  return var_std_impl(false, self, dim, correction, keepdim, out);
}
Tensor& std_correction_out(const Tensor& self, OptionalIntArrayRef dim,
                           const std::optional<Scalar>& correction, bool keepdim, Tensor& out) {
  return var_std_impl(true, self, dim, correction, keepdim, out);
}

Tensor var(const Tensor& self, bool unbiased) {
  return ember::var(self, std::nullopt, correction_of(unbiased), false);
}
Tensor std(const Tensor& self, bool unbiased) {
  return ember::std(self, std::nullopt, correction_of(unbiased), false);
}
Tensor var_dim(const Tensor& self, OptionalIntArrayRef dim, bool unbiased, bool keepdim) {
  return ember::var(self, dim, correction_of(unbiased), keepdim);
}
Tensor std_dim(const Tensor& self, OptionalIntArrayRef dim, bool unbiased, bool keepdim) {
  return ember::std(self, dim, correction_of(unbiased), keepdim);
}
Tensor& var_out(const Tensor& self, OptionalIntArrayRef dim, bool unbiased, bool keepdim, Tensor& out) {
  return var_std_impl(false, self, dim, correction_of(unbiased), keepdim, out);
}
Tensor& std_out(const Tensor& self, OptionalIntArrayRef dim, bool unbiased, bool keepdim, Tensor& out) {
  return var_std_impl(true, self, dim, correction_of(unbiased), keepdim, out);
}


// ---- var_mean / std_mean: both statistics of one reduction ---------------------------

namespace {
std::tuple<Tensor, Tensor> stat_mean(bool take_sqrt, const char* op, const Tensor& self,
                                     OptionalIntArrayRef dim, const std::optional<Scalar>& correction,
                                     bool keepdim) {
  EMBER_CHECK(is_floating_type(self.dtype()), op, " only support floating point and complex dtypes");
  Tensor spread = take_sqrt ? ember::std(self, dim, correction, keepdim) : ember::var(self, dim, correction, keepdim);
  return {spread, ember::mean(self, dim, keepdim)};
}
}  // namespace

std::tuple<Tensor, Tensor> var_mean_correction(const Tensor& self, OptionalIntArrayRef dim,
                                               const std::optional<Scalar>& correction, bool keepdim) {
  return stat_mean(false, "var_mean", self, dim, correction, keepdim);
}
std::tuple<Tensor, Tensor> var_mean(const Tensor& self, bool unbiased) {
  return stat_mean(false, "var_mean", self, std::nullopt, correction_of(unbiased), false);
}
std::tuple<Tensor, Tensor> var_mean_dim(const Tensor& self, OptionalIntArrayRef dim, bool unbiased,
                                        bool keepdim) {
  return stat_mean(false, "var_mean", self, dim, correction_of(unbiased), keepdim);
}
std::tuple<Tensor, Tensor> std_mean_correction(const Tensor& self, OptionalIntArrayRef dim,
                                               const std::optional<Scalar>& correction, bool keepdim) {
  return stat_mean(true, "std_mean", self, dim, correction, keepdim);
}
std::tuple<Tensor, Tensor> std_mean(const Tensor& self, bool unbiased) {
  return stat_mean(true, "std_mean", self, std::nullopt, correction_of(unbiased), false);
}
std::tuple<Tensor, Tensor> std_mean_dim(const Tensor& self, OptionalIntArrayRef dim, bool unbiased,
                                        bool keepdim) {
  return stat_mean(true, "std_mean", self, dim, correction_of(unbiased), keepdim);
}

// ---- NaN-ignoring sum/mean, count_nonzero --------------------------------------------

namespace {
// NaNs replaced by 0 (integers cannot hold NaN and pass through).
Tensor without_nan(const Tensor& self) {
  if (!is_floating_type(self.dtype())) return self;
  return ember::masked_fill(self, ember::isnan(self), Scalar(0.0));
}
}  // namespace

Tensor& nansum_out(const Tensor& self, OptionalIntArrayRef dim, bool keepdim,
                   std::optional<ScalarType> dtype, Tensor& out) {
  // PyTorch's NaN-skipping loop runs in out's dtype: a floating input into a
  // non-floating out= (without dtype=) has no kernel.
  EMBER_CHECK_NOT_IMPLEMENTED(dtype || !is_floating_type(self.dtype()) || is_floating_type(out.dtype()),
                              "\"nansum\" not implemented for '", out.dtype(), "'");
  return ember::sum_out(without_nan(self), dim, keepdim, dtype, out);
}

Tensor nansum(const Tensor& self, OptionalIntArrayRef dim, bool keepdim, std::optional<ScalarType> dtype) {
  return ember::sum(without_nan(self), dim, keepdim, dtype);
}

namespace {
Tensor nan_count(const Tensor& self, OptionalIntArrayRef dim, bool keepdim) {
  EMBER_CHECK(is_floating_type(self.dtype()),
              "nanmean(): expected input to have floating point or complex dtype but got ", self.dtype());
  return ember::sum(ember::logical_not(ember::isnan(self)), dim, keepdim);
}
}  // namespace

namespace {
void check_nanmean_dtype(std::optional<ScalarType> dtype) {
  EMBER_CHECK(!dtype || is_floating_type(*dtype),
              "nanmean(): could not infer output dtype. Optional dtype must be either a floating point or "
              "complex dtype. Got: ", *dtype);
}
}  // namespace

Tensor nanmean(const Tensor& self, OptionalIntArrayRef dim, bool keepdim, std::optional<ScalarType> dtype) {
  check_nanmean_dtype(dtype);
  const Tensor count = nan_count(self, dim, keepdim);
  return ember::div(ember::nansum(self, dim, keepdim, dtype), count);
}

Tensor& nanmean_out(const Tensor& self, OptionalIntArrayRef dim, bool keepdim,
                    std::optional<ScalarType> dtype, Tensor& out) {
  check_nanmean_dtype(dtype);
  const Tensor count = nan_count(self, dim, keepdim);
  ember::nansum_out(self, dim, keepdim, dtype, out);
  out.div_(count);
  return out;
}

Tensor count_nonzero_dim_IntList(const Tensor& self, IntArrayRef dim) {
  return ember::sum(ember::ne(self, wrapped_scalar_tensor(Scalar(int64_t(0)))), OptionalIntArrayRef(dim), false,
                    ScalarType::Long);
}

Tensor count_nonzero(const Tensor& self, std::optional<int64_t> dim) {
  if (dim) return native::count_nonzero_dim_IntList(self, IntArrayRef(&*dim, 1));
  return native::count_nonzero_dim_IntList(self, IntArrayRef());
}

}  // namespace ember::native
