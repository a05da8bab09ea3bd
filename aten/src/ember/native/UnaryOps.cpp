// Device-generic out= kernels of the unary pointwise operators (see UnaryOps.h).
#include <ember/native/UnaryOps.h>

#include <cmath>
#include <limits>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorIterator.h>

namespace ember {

EMBER_DEFINE_DISPATCH(neg_stub);
EMBER_DEFINE_DISPATCH(abs_stub);
EMBER_DEFINE_DISPATCH(exp_stub);
EMBER_DEFINE_DISPATCH(log_stub);
EMBER_DEFINE_DISPATCH(sqrt_stub);
EMBER_DEFINE_DISPATCH(rsqrt_stub);
EMBER_DEFINE_DISPATCH(sin_stub);
EMBER_DEFINE_DISPATCH(cos_stub);
EMBER_DEFINE_DISPATCH(tanh_stub);
EMBER_DEFINE_DISPATCH(sigmoid_stub);
EMBER_DEFINE_DISPATCH(logical_not_stub);
EMBER_DEFINE_DISPATCH(floor_stub);
EMBER_DEFINE_DISPATCH(ceil_stub);
EMBER_DEFINE_DISPATCH(round_stub);
EMBER_DEFINE_DISPATCH(trunc_stub);
EMBER_DEFINE_DISPATCH(sign_stub);
EMBER_DEFINE_DISPATCH(bitwise_not_stub);
EMBER_DEFINE_DISPATCH(reciprocal_stub);
EMBER_DEFINE_DISPATCH(log2_stub);
EMBER_DEFINE_DISPATCH(log10_stub);
EMBER_DEFINE_DISPATCH(log1p_stub);
EMBER_DEFINE_DISPATCH(expm1_stub);
EMBER_DEFINE_DISPATCH(tan_stub);
EMBER_DEFINE_DISPATCH(asin_stub);
EMBER_DEFINE_DISPATCH(acos_stub);
EMBER_DEFINE_DISPATCH(atan_stub);
EMBER_DEFINE_DISPATCH(sinh_stub);
EMBER_DEFINE_DISPATCH(cosh_stub);
EMBER_DEFINE_DISPATCH(erf_stub);
EMBER_DEFINE_DISPATCH(exp2_stub);
EMBER_DEFINE_DISPATCH(sinc_stub);
EMBER_DEFINE_DISPATCH(asinh_stub);
EMBER_DEFINE_DISPATCH(acosh_stub);
EMBER_DEFINE_DISPATCH(atanh_stub);
EMBER_DEFINE_DISPATCH(erfc_stub);
EMBER_DEFINE_DISPATCH(erfinv_stub);
EMBER_DEFINE_DISPATCH(logit_stub);
EMBER_DEFINE_DISPATCH(frac_stub);
EMBER_DEFINE_DISPATCH(nan_to_num_stub);
EMBER_DEFINE_DISPATCH(signbit_stub);
EMBER_DEFINE_DISPATCH(isposinf_stub);
EMBER_DEFINE_DISPATCH(isneginf_stub);

namespace native {
namespace {

template <typename Stub>
Tensor& unary_out(Stub& stub, const Tensor& self, Tensor& out) {
  TensorIterator iter = TensorIterator::unary_op(out, self);
  stub(iter.device_type(), iter);
  return iter.finish(out);
}

template <typename Stub>
Tensor& unary_float_out(Stub& stub, const Tensor& self, Tensor& out) {
  TensorIterator iter = TensorIterator::unary_float_op(out, self);
  stub(iter.device_type(), iter);
  return iter.finish(out);
}

// PyTorch's neg/abs (and the rounding ops, sign, bitwise_not) do not promote: an
// explicit out= must have self's dtype.
void check_same_dtype_out(const Tensor& self, const Tensor& out) {
  EMBER_CHECK(!out.defined() || out.dtype() == self.dtype(), "Found dtype ", out.dtype(),
              " but expected ", self.dtype());
}

}  // namespace

Tensor& neg_out(const Tensor& self, Tensor& out) {
  EMBER_CHECK(self.dtype() != ScalarType::Bool,
              "Negation, the `-` operator, on a bool tensor is not supported. If you are trying "
              "to invert a mask, use the `~` or `logical_not()` operator instead.");
  check_same_dtype_out(self, out);
  return unary_out(neg_stub, self, out);
}

Tensor& abs_out(const Tensor& self, Tensor& out) {
  check_same_dtype_out(self, out);
  EMBER_CHECK_NOT_IMPLEMENTED(self.dtype() != ScalarType::Bool, "\"abs_cpu\" not implemented for 'Bool'");
  return unary_out(abs_stub, self, out);
}

Tensor& exp_out(const Tensor& self, Tensor& out) { return unary_float_out(exp_stub, self, out); }
Tensor& log_out(const Tensor& self, Tensor& out) { return unary_float_out(log_stub, self, out); }
Tensor& sqrt_out(const Tensor& self, Tensor& out) { return unary_float_out(sqrt_stub, self, out); }
Tensor& rsqrt_out(const Tensor& self, Tensor& out) { return unary_float_out(rsqrt_stub, self, out); }
Tensor& sin_out(const Tensor& self, Tensor& out) { return unary_float_out(sin_stub, self, out); }
Tensor& cos_out(const Tensor& self, Tensor& out) { return unary_float_out(cos_stub, self, out); }
Tensor& tanh_out(const Tensor& self, Tensor& out) { return unary_float_out(tanh_stub, self, out); }
Tensor& sigmoid_out(const Tensor& self, Tensor& out) {
  return unary_float_out(sigmoid_stub, self, out);
}

Tensor& reciprocal_out(const Tensor& self, Tensor& out) { return unary_float_out(reciprocal_stub, self, out); }
Tensor& log2_out(const Tensor& self, Tensor& out) { return unary_float_out(log2_stub, self, out); }
Tensor& log10_out(const Tensor& self, Tensor& out) { return unary_float_out(log10_stub, self, out); }
Tensor& log1p_out(const Tensor& self, Tensor& out) { return unary_float_out(log1p_stub, self, out); }
Tensor& expm1_out(const Tensor& self, Tensor& out) { return unary_float_out(expm1_stub, self, out); }
Tensor& tan_out(const Tensor& self, Tensor& out) { return unary_float_out(tan_stub, self, out); }
Tensor& asin_out(const Tensor& self, Tensor& out) { return unary_float_out(asin_stub, self, out); }
Tensor& acos_out(const Tensor& self, Tensor& out) { return unary_float_out(acos_stub, self, out); }
Tensor& atan_out(const Tensor& self, Tensor& out) { return unary_float_out(atan_stub, self, out); }
Tensor& sinh_out(const Tensor& self, Tensor& out) { return unary_float_out(sinh_stub, self, out); }
Tensor& cosh_out(const Tensor& self, Tensor& out) { return unary_float_out(cosh_stub, self, out); }
Tensor& erf_out(const Tensor& self, Tensor& out) { return unary_float_out(erf_stub, self, out); }

// floor/ceil/round/trunc of an integer tensor copies it (the loops pass integers
// through); bool has no rounding kernel.
// PyTorch's order of checks: out='s dtype, then overlap (the iterator), then bool.
template <typename Stub>
Tensor& rounding_out(Stub& stub, const char* name, const Tensor& self, Tensor& out) {
  check_same_dtype_out(self, out);
  TensorIterator iter = TensorIterator::unary_op(out, self);
  EMBER_CHECK_NOT_IMPLEMENTED(self.dtype() != ScalarType::Bool, '"', name,
                              "_vml_cpu\" not implemented for 'Bool'");
  stub(iter.device_type(), iter);
  return iter.finish(out);
}

Tensor& floor_out(const Tensor& self, Tensor& out) { return rounding_out(floor_stub, "floor", self, out); }
Tensor& ceil_out(const Tensor& self, Tensor& out) { return rounding_out(ceil_stub, "ceil", self, out); }
Tensor& round_out(const Tensor& self, Tensor& out) { return rounding_out(round_stub, "round", self, out); }
Tensor& trunc_out(const Tensor& self, Tensor& out) { return rounding_out(trunc_stub, "trunc", self, out); }

Tensor& sign_out(const Tensor& self, Tensor& out) {
  check_same_dtype_out(self, out);
  return unary_out(sign_stub, self, out);
}

Tensor& bitwise_not_out(const Tensor& self, Tensor& out) {
  check_same_dtype_out(self, out);
  TensorIterator iter = TensorIterator::unary_op(out, self);
  EMBER_CHECK_NOT_IMPLEMENTED(is_integral_type(iter.common_dtype(), /*include_bool=*/true),
                              "\"bitwise_not_cpu\" not implemented for '",
                              type_name(iter.common_dtype()), "'");
  bitwise_not_stub(iter.device_type(), iter);
  return iter.finish(out);
}

// square is pow(self, 2), as in PyTorch: a bool input promotes to int64.
// round(decimals=d): PyTorch's formula, in the input's dtype — round(x * 10^d) / 10^d,
// or for d < 0, round(x / 10^-d) * 10^-d (so values past the dtype's range become inf).
namespace {
Tensor round_decimals_value(const Tensor& self, int64_t decimals) {
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(self.dtype()), "\"round_cpu\" not implemented for '",
                              type_name(self.dtype()), "'");
  if (decimals == 0) return ember::round(self);
  // float16/bfloat16 compute in float and round once at the end, as PyTorch's kernel does.
  const bool reduced = self.dtype() == ScalarType::Half || self.dtype() == ScalarType::BFloat16;
  const Tensor x = reduced ? self.to(ScalarType::Float) : self;
  const Tensor scale = wrapped_scalar_tensor(Scalar(std::pow(10.0, static_cast<double>(std::abs(decimals)))));
  const Tensor r = decimals > 0 ? ember::div(ember::round(ember::mul(x, scale)), scale)
                                : ember::mul(ember::round(ember::div(x, scale)), scale);
  return reduced ? r.to(self.dtype()) : r;
}
}  // namespace

Tensor& round_decimals_out(const Tensor& self, int64_t decimals, Tensor& out) {
  check_same_dtype_out(self, out);
  Tensor r = round_decimals_value(self, decimals);
  if (!out.defined()) {
    out = r;
  } else {
    resize_output(out, r.sizes());
    out.copy_(r);
  }
  return out;
}
Tensor round_decimals(const Tensor& self, int64_t decimals) { return round_decimals_value(self, decimals); }
Tensor& round_decimals_(Tensor& self, int64_t decimals) {
  self.copy_(round_decimals_value(self, decimals));
  return self;
}

Tensor& square_out(const Tensor& self, Tensor& out) {
  return ember::pow_out(self, Scalar(int64_t(2)), out);
}
Tensor square(const Tensor& self) { return ember::pow(self, Scalar(int64_t(2))); }
Tensor& square_(Tensor& self) {
  self.pow_(Scalar(int64_t(2)));
  return self;
}

// isnan/isinf/isfinite from comparisons: only floating dtypes hold NaN or infinity.
Tensor isnan(const Tensor& self) { return ember::ne(self, self); }

Tensor isinf(const Tensor& self) {
  if (!is_floating_type(self.dtype())) return ember::ne(self, self);
  return ember::eq(ember::abs(self), wrapped_scalar_tensor(Scalar(std::numeric_limits<double>::infinity())));
}

Tensor isfinite(const Tensor& self) {
  if (!is_floating_type(self.dtype())) return ember::eq(self, self);
  return ember::logical_and(
      ember::eq(self, self),
      ember::ne(ember::abs(self), wrapped_scalar_tensor(Scalar(std::numeric_limits<double>::infinity()))));
}


Tensor& logical_not_out(const Tensor& self, Tensor& out) {
  // bool result (or out='s dtype); the loop reads any input dtype
  TensorIterator iter = TensorIteratorConfig()
                            .add_output(out)
                            .add_input(self)
                            .declare_static_dtype(ScalarType::Bool)
                            .cast_common_dtype_to_outputs(true)
                            .name("logical_not")
                            .build();
  logical_not_stub(iter.device_type(), iter);
  return iter.finish(out);
}

// relu = clamp(min=0), as in PyTorch; bool has no order to clamp in.
Tensor relu(const Tensor& self) {
  EMBER_CHECK(self.dtype() != ScalarType::Bool, "Boolean inputs not supported for relu");
  return ember::clamp(self, std::optional<Scalar>(Scalar(int64_t(0))), std::optional<Scalar>());
}

Tensor& relu_(Tensor& self) {
  EMBER_CHECK(self.dtype() != ScalarType::Bool, "Boolean inputs not supported for relu");
  return ember::clamp_(self, std::optional<Scalar>(Scalar(int64_t(0))), std::optional<Scalar>());
}

// ---- more float functions ------------------------------------------------------------

Tensor& exp2_out(const Tensor& self, Tensor& out) { return unary_float_out(exp2_stub, self, out); }
Tensor& sinc_out(const Tensor& self, Tensor& out) { return unary_float_out(sinc_stub, self, out); }
Tensor& asinh_out(const Tensor& self, Tensor& out) { return unary_float_out(asinh_stub, self, out); }
Tensor& acosh_out(const Tensor& self, Tensor& out) { return unary_float_out(acosh_stub, self, out); }
Tensor& atanh_out(const Tensor& self, Tensor& out) { return unary_float_out(atanh_stub, self, out); }
Tensor& erfc_out(const Tensor& self, Tensor& out) { return unary_float_out(erfc_stub, self, out); }
Tensor& erfinv_out(const Tensor& self, Tensor& out) { return unary_float_out(erfinv_stub, self, out); }

Tensor& logit_out(const Tensor& self, std::optional<double> eps, Tensor& out) {
  TensorIterator iter = TensorIterator::unary_float_op(out, self);
  logit_stub(iter.device_type(), iter, eps ? *eps : -1.0);
  return iter.finish(out);
}

// frac keeps self's dtype and has floating kernels only.
Tensor& frac_out(const Tensor& self, Tensor& out) {
  check_same_dtype_out(self, out);
  TensorIterator iter = TensorIterator::unary_op(out, self);
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(self.dtype()), "\"frac_cpu\" not implemented for '",
                              type_name(self.dtype()), "'");
  frac_stub(iter.device_type(), iter);
  return iter.finish(out);
}

// sgn of a real tensor is its sign.
Tensor& sgn_out(const Tensor& self, Tensor& out) { return native::sign_out(self, out); }

Tensor& nan_to_num_out(const Tensor& self, std::optional<double> nan, std::optional<double> posinf,
                       std::optional<double> neginf, Tensor& out) {
  EMBER_CHECK(!out.defined() || out.dtype() == self.dtype(), "nan_to_num: dtype of out: ", out.dtype(),
              " should be same as input: ", self.dtype());
  // integers and bool hold no NaN or infinity: a copy, and nothing at all in place
  // (so an in-place call on an expanded integer tensor is fine, as in PyTorch)
  if (!is_floating_type(self.dtype())) {
    if (out.is_same(self)) return out;
    if (!out.defined()) {
      out = self.clone();
      return out;
    }
  }
  TensorIterator iter = TensorIterator::unary_op(out, self);
  nan_to_num_stub(iter.device_type(), iter, nan, posinf, neginf);
  return iter.finish(out);
}

// rad2deg/deg2rad multiply by a number, as PyTorch does: integer inputs give floats.
Tensor& rad2deg_out(const Tensor& self, Tensor& out) {
  return native::mul_out(self, wrapped_scalar_tensor(Scalar(57.295779513082320876798154814105170332405472466564)), out);
}
Tensor& deg2rad_out(const Tensor& self, Tensor& out) {
  return native::mul_out(self, wrapped_scalar_tensor(Scalar(0.017453292519943295769236907684886127134428718885417)), out);
}

// signbit, isposinf, isneginf: a bool result, and only a bool out= tensor.
namespace {
template <typename Stub>
Tensor& bool_predicate_out(Stub& stub, const char* name, const Tensor& self, Tensor& out) {
  EMBER_CHECK(!out.defined() || out.dtype() == ScalarType::Bool, name,
              " does not support non-boolean outputs.");
  TensorIterator iter = TensorIteratorConfig()
                            .add_output(out)
                            .add_input(self)
                            .declare_static_dtype(ScalarType::Bool)
                            .name(name)
                            .build();
  stub(iter.device_type(), iter);
  return iter.finish(out);
}
}  // namespace

Tensor& signbit_out(const Tensor& self, Tensor& out) { return bool_predicate_out(signbit_stub, "signbit", self, out); }
Tensor& isposinf_out(const Tensor& self, Tensor& out) { return bool_predicate_out(isposinf_stub, "isposinf", self, out); }
Tensor& isneginf_out(const Tensor& self, Tensor& out) { return bool_predicate_out(isneginf_stub, "isneginf", self, out); }

}  // namespace native
}  // namespace ember
