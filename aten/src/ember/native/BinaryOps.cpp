// Device-generic out= kernels of the binary pointwise operators (see BinaryOps.h and
// the out= contract in docs/contracts.md).
#include <ember/native/BinaryOps.h>

#include <string_view>

#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorIterator.h>

namespace ember {

EMBER_DEFINE_DISPATCH(add_stub);
EMBER_DEFINE_DISPATCH(mul_stub);
EMBER_DEFINE_DISPATCH(div_true_stub);
EMBER_DEFINE_DISPATCH(div_trunc_stub);
EMBER_DEFINE_DISPATCH(div_floor_stub);
EMBER_DEFINE_DISPATCH(pow_stub);
EMBER_DEFINE_DISPATCH(remainder_stub);
EMBER_DEFINE_DISPATCH(fmod_stub);
EMBER_DEFINE_DISPATCH(bitwise_and_stub);
EMBER_DEFINE_DISPATCH(bitwise_or_stub);
EMBER_DEFINE_DISPATCH(bitwise_xor_stub);
EMBER_DEFINE_DISPATCH(maximum_stub);
EMBER_DEFINE_DISPATCH(minimum_stub);
EMBER_DEFINE_DISPATCH(eq_stub);
EMBER_DEFINE_DISPATCH(ne_stub);
EMBER_DEFINE_DISPATCH(lt_stub);
EMBER_DEFINE_DISPATCH(le_stub);
EMBER_DEFINE_DISPATCH(gt_stub);
EMBER_DEFINE_DISPATCH(ge_stub);
EMBER_DEFINE_DISPATCH(logical_and_stub);
EMBER_DEFINE_DISPATCH(logical_or_stub);
EMBER_DEFINE_DISPATCH(atan2_stub);
EMBER_DEFINE_DISPATCH(hypot_stub);
EMBER_DEFINE_DISPATCH(logaddexp_stub);
EMBER_DEFINE_DISPATCH(logaddexp2_stub);
EMBER_DEFINE_DISPATCH(xlogy_stub);
EMBER_DEFINE_DISPATCH(copysign_stub);
EMBER_DEFINE_DISPATCH(nextafter_stub);
EMBER_DEFINE_DISPATCH(heaviside_stub);

namespace native {
namespace {

// PyTorch's alpha_check: alpha must fit the computation's kind.
void alpha_check(ScalarType dtype, const Scalar& alpha) {
  EMBER_CHECK(!alpha.is_bool() || dtype == ScalarType::Bool,
              "Boolean alpha only supported for Boolean results.");
  EMBER_CHECK(is_floating_type(dtype) || alpha.is_integral(/*include_bool=*/true),
              "For integral input tensors, argument alpha must not be a floating point number.");
}

void sub_check(const Tensor& self, const Tensor& other) {
  EMBER_CHECK(self.dtype() != ScalarType::Bool || other.dtype() != ScalarType::Bool,
              "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` "
              "or `logical_xor()` operator instead.");
  EMBER_CHECK(self.dtype() != ScalarType::Bool && other.dtype() != ScalarType::Bool,
              "Subtraction, the `-` operator, with a bool tensor is not supported. If you are "
              "trying to invert a mask, use the `~` or `logical_not()` operator instead.");
}

template <typename Stub>
Tensor& binary_out(Stub& stub, const Tensor& self, const Tensor& other, Tensor& out) {
  TensorIterator iter = TensorIterator::binary_op(out, self, other);
  stub(iter.device_type(), iter);
  return iter.finish(out);
}

template <typename Stub>
Tensor& comparison_out(Stub& stub, const Tensor& self, const Tensor& other, Tensor& out) {
  TensorIterator iter = TensorIterator::comparison_op(out, self, other);
  stub(iter.device_type(), iter);
  return iter.finish(out);
}

}  // namespace

Tensor& add_out(const Tensor& self, const Tensor& other, const Scalar& alpha, Tensor& out) {
  TensorIterator iter = TensorIterator::binary_op(out, self, other);
  alpha_check(iter.common_dtype(), alpha);
  add_stub(iter.device_type(), iter, alpha);
  return iter.finish(out);
}

Tensor& sub_out(const Tensor& self, const Tensor& other, const Scalar& alpha, Tensor& out) {
  sub_check(self, other);
  TensorIterator iter = TensorIterator::binary_op(out, self, other);
  alpha_check(iter.common_dtype(), alpha);
  add_stub(iter.device_type(), iter, -alpha);
  return iter.finish(out);
}

Tensor& mul_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return binary_out(mul_stub, self, other, out);
}

Tensor& div_out(const Tensor& self, const Tensor& other, Tensor& out) {
  TensorIterator iter = TensorIterator::binary_float_op(out, self, other);
  div_true_stub(iter.device_type(), iter);
  return iter.finish(out);
}

Tensor& div_out_mode(const Tensor& self, const Tensor& other,
                     std::optional<std::string_view> rounding_mode, Tensor& out) {
  if (!rounding_mode) return div_out(self, other, out);
  const std::string_view mode = *rounding_mode;
  EMBER_CHECK(mode == "trunc" || mode == "floor",
              "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '",
              mode, "'");
  TensorIterator iter = TensorIterator::binary_op(out, self, other);
  EMBER_CHECK_NOT_IMPLEMENTED(iter.common_dtype() != ScalarType::Bool, "\"div_", mode,
                              "_cpu\" not implemented for 'Bool'");
  if (mode == "trunc") {
    div_trunc_stub(iter.device_type(), iter);
  } else {
    div_floor_stub(iter.device_type(), iter);
  }
  return iter.finish(out);
}

Tensor& pow_Tensor_Tensor_out(const Tensor& self, const Tensor& exponent, Tensor& out) {
  TensorIterator iter = TensorIterator::binary_op(out, self, exponent);
  EMBER_CHECK_NOT_IMPLEMENTED(iter.common_dtype() != ScalarType::Bool,
                              "\"pow\" not implemented for 'Bool'");
  pow_stub(iter.device_type(), iter);
  return iter.finish(out);
}

Tensor& pow_Tensor_Scalar_out(const Tensor& self, const Scalar& exponent, Tensor& out) {
  EMBER_CHECK(!(is_integral_type(self.dtype(), true) && exponent.is_integral(true) &&
                exponent.to_long() < 0),
              "Integers to negative integer powers are not allowed.");
  return binary_out(pow_stub, self, wrapped_scalar_tensor(exponent), out);
}

Tensor& pow_Scalar_out(const Scalar& self, const Tensor& exponent, Tensor& out) {
  return pow_Tensor_Tensor_out(wrapped_scalar_tensor(self), exponent, out);
}

// remainder/fmod/floor_divide: numeric dtypes; bool raises like PyTorch's missing kernel.
template <typename Stub>
Tensor& numeric_binary_out(Stub& stub, const char* name, const Tensor& self, const Tensor& other,
                           Tensor& out) {
  TensorIterator iter = TensorIterator::binary_op(out, self, other);
  EMBER_CHECK_NOT_IMPLEMENTED(iter.common_dtype() != ScalarType::Bool, '"', name,
                              "_cpu\" not implemented for 'Bool'");
  stub(iter.device_type(), iter);
  return iter.finish(out);
}

Tensor& remainder_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return numeric_binary_out(remainder_stub, "remainder", self, other, out);
}

Tensor& fmod_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return numeric_binary_out(fmod_stub, "fmod", self, other, out);
}

Tensor& floor_divide_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return numeric_binary_out(div_floor_stub, "div_floor", self, other, out);
}

// bitwise and/or/xor: integer and bool dtypes only.
template <typename Stub>
Tensor& bitwise_out(Stub& stub, const char* name, const Tensor& self, const Tensor& other,
                    Tensor& out) {
  TensorIterator iter = TensorIterator::binary_op(out, self, other);
  EMBER_CHECK_NOT_IMPLEMENTED(is_integral_type(iter.common_dtype(), /*include_bool=*/true), '"',
                              name, "_cpu\" not implemented for '", type_name(iter.common_dtype()),
                              "'");
  stub(iter.device_type(), iter);
  return iter.finish(out);
}

Tensor& bitwise_and_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return bitwise_out(bitwise_and_stub, "bitwise_and", self, other, out);
}
Tensor& bitwise_or_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return bitwise_out(bitwise_or_stub, "bitwise_or", self, other, out);
}
Tensor& bitwise_xor_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return bitwise_out(bitwise_xor_stub, "bitwise_xor", self, other, out);
}

Tensor& maximum_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return binary_out(maximum_stub, self, other, out);
}

Tensor& minimum_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return binary_out(minimum_stub, self, other, out);
}

Tensor& eq_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return comparison_out(eq_stub, self, other, out);
}
Tensor& ne_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return comparison_out(ne_stub, self, other, out);
}
Tensor& lt_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return comparison_out(lt_stub, self, other, out);
}
Tensor& le_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return comparison_out(le_stub, self, other, out);
}
Tensor& gt_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return comparison_out(gt_stub, self, other, out);
}
Tensor& ge_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return comparison_out(ge_stub, self, other, out);
}
Tensor& logical_and_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return comparison_out(logical_and_stub, self, other, out);
}
Tensor& logical_or_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return comparison_out(logical_or_stub, self, other, out);
}

// ---- float functions of two arguments ---------------------------------------------

namespace {

template <typename Stub>
Tensor& binary_float_out(Stub& stub, const Tensor& self, const Tensor& other, Tensor& out) {
  TensorIterator iter = TensorIterator::binary_float_op(out, self, other);
  stub(iter.device_type(), iter);
  return iter.finish(out);
}

// hypot, logaddexp(2), nextafter: PyTorch builds a plain binary op and has kernels for
// the floating dtypes only, so integer and bool inputs raise instead of promoting.
template <typename Stub>
Tensor& floating_binary_out(Stub& stub, const char* name, const Tensor& self, const Tensor& other,
                            Tensor& out) {
  TensorIterator iter = TensorIterator::binary_op(out, self, other);
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(iter.common_dtype()), '"', name,
                              "_cpu\" not implemented for '", type_name(iter.common_dtype()), "'");
  stub(iter.device_type(), iter);
  return iter.finish(out);
}

}  // namespace

Tensor& atan2_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return binary_float_out(atan2_stub, self, other, out);
}

Tensor& hypot_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return floating_binary_out(hypot_stub, "hypot", self, other, out);
}

Tensor& logaddexp_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return floating_binary_out(logaddexp_stub, "logaddexp", self, other, out);
}

Tensor& logaddexp2_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return floating_binary_out(logaddexp2_stub, "logaddexp2", self, other, out);
}

Tensor& nextafter_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return floating_binary_out(nextafter_stub, "nextafter", self, other, out);
}

Tensor& xlogy_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return binary_float_out(xlogy_stub, self, other, out);
}

Tensor& xlogy_Scalar_Self_out(const Scalar& self, const Tensor& other, Tensor& out) {
  return binary_float_out(xlogy_stub, wrapped_scalar_tensor(self), other, out);
}

Tensor& xlogy_Scalar_Other_out(const Tensor& self, const Scalar& other, Tensor& out) {
  return binary_float_out(xlogy_stub, self, wrapped_scalar_tensor(other), out);
}

Tensor& copysign_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return binary_float_out(copysign_stub, self, other, out);
}

Tensor& copysign_Scalar_out(const Tensor& self, const Scalar& other, Tensor& out) {
  return binary_float_out(copysign_stub, self, wrapped_scalar_tensor(other), out);
}

// heaviside does not promote: self, values and an out= tensor share one dtype.
Tensor& heaviside_out(const Tensor& self, const Tensor& values, Tensor& out) {
  EMBER_CHECK(self.dtype() == values.dtype() && (!out.defined() || out.dtype() == self.dtype()),
              "heaviside is not yet implemented for tensors with different dtypes.");
  return binary_out(heaviside_stub, self, values, out);
}

// float_power: pow computed in float64 whatever the inputs, into a float64 result.
namespace {
void check_float_power_out(const Tensor& out) {
  EMBER_CHECK(!out.defined() || out.dtype() == ScalarType::Double,
              "the output given to float_power has dtype ", out.dtype(),
              " but the operation's result requires dtype Double");
}
Tensor as_double(const Tensor& t) { return t.dtype() == ScalarType::Double ? t : t.to(ScalarType::Double); }
}  // namespace

Tensor& float_power_Tensor_Tensor_out(const Tensor& self, const Tensor& exponent, Tensor& out) {
  check_float_power_out(out);
  return pow_Tensor_Tensor_out(as_double(self), as_double(exponent), out);
}

Tensor& float_power_Scalar_out(const Scalar& self, const Tensor& exponent, Tensor& out) {
  check_float_power_out(out);
  return pow_Tensor_Tensor_out(wrapped_scalar_tensor(Scalar(self.to<double>())), as_double(exponent), out);
}

Tensor& float_power_Tensor_Scalar_out(const Tensor& self, const Scalar& exponent, Tensor& out) {
  check_float_power_out(out);
  return pow_Tensor_Tensor_out(as_double(self), wrapped_scalar_tensor(Scalar(exponent.to<double>())), out);
}

}  // namespace native
}  // namespace ember
