// PyTorch's alternative names of pointwise operators (NumPy spellings and the like):
// each is a CompositeImplicitAutograd kernel that calls the original operator, so the
// alias has the original's dtypes, promotion, errors and devices by construction.
// A Scalar overload (multiply.Scalar, ...) wraps the number as PyTorch does.
#include <optional>
#include <string_view>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>

namespace ember::native {

// ---- unary: arc* trigonometry, absolute, negative, fix -----------------------------
#define EMBER_UNARY_ALIAS(ALIAS, ORIG)                                                   \
  Tensor ALIAS(const Tensor& self) { return ember::ORIG(self); }                         \
  Tensor& ALIAS##_(Tensor& self) {                                                       \
    self.ORIG##_();                                                                      \
    return self;                                                                         \
  }                                                                                      \
  Tensor& ALIAS##_out(const Tensor& self, Tensor& out) { return ember::ORIG##_out(self, out); }
EMBER_UNARY_ALIAS(arccos, acos)
EMBER_UNARY_ALIAS(arcsin, asin)
EMBER_UNARY_ALIAS(arctan, atan)
EMBER_UNARY_ALIAS(arccosh, acosh)
EMBER_UNARY_ALIAS(arcsinh, asinh)
EMBER_UNARY_ALIAS(arctanh, atanh)
EMBER_UNARY_ALIAS(absolute, abs)
EMBER_UNARY_ALIAS(negative, neg)
EMBER_UNARY_ALIAS(fix, trunc)
#undef EMBER_UNARY_ALIAS

// +self: the tensor itself; bool has no unary plus in PyTorch.
Tensor positive(const Tensor& self) {
  EMBER_CHECK(self.dtype() != ScalarType::Bool, "The `+` operator, on a bool tensor is not supported.");
  return self;
}

// ---- binary ------------------------------------------------------------------------
Tensor arctan2(const Tensor& self, const Tensor& other) { return ember::atan2(self, other); }
Tensor& arctan2_(Tensor& self, const Tensor& other) {
  self.atan2_(other);
  return self;
}
Tensor& arctan2_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return ember::atan2_out(self, other, out);
}

Tensor multiply(const Tensor& self, const Tensor& other) { return ember::mul(self, other); }
Tensor& multiply_(Tensor& self, const Tensor& other) {
  self.mul_(other);
  return self;
}
Tensor& multiply_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return ember::mul_out(self, other, out);
}
Tensor multiply_Scalar(const Tensor& self, const Scalar& other) {
  return ember::mul(self, wrapped_scalar_tensor(other));
}
Tensor& multiply__Scalar(Tensor& self, const Scalar& other) {
  self.mul_(wrapped_scalar_tensor(other));
  return self;
}

Tensor subtract(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  return ember::sub(self, other, alpha);
}
Tensor& subtract_(Tensor& self, const Tensor& other, const Scalar& alpha) {
  self.sub_(other, alpha);
  return self;
}
Tensor& subtract_out(const Tensor& self, const Tensor& other, const Scalar& alpha, Tensor& out) {
  return ember::sub_out(self, other, alpha, out);
}
Tensor subtract_Scalar(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return ember::sub(self, wrapped_scalar_tensor(other), alpha);
}
Tensor& subtract__Scalar(Tensor& self, const Scalar& other, const Scalar& alpha) {
  self.sub_(wrapped_scalar_tensor(other), alpha);
  return self;
}

// divide and true_divide: div (true division) and div with a rounding mode.
Tensor divide(const Tensor& self, const Tensor& other) { return ember::div(self, other); }
Tensor& divide_(Tensor& self, const Tensor& other) {
  self.div_(other);
  return self;
}
Tensor& divide_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return ember::div_out(self, other, out);
}
Tensor divide_Scalar(const Tensor& self, const Scalar& other) {
  return ember::div(self, wrapped_scalar_tensor(other));
}
Tensor& divide__Scalar(Tensor& self, const Scalar& other) {
  self.div_(wrapped_scalar_tensor(other));
  return self;
}
Tensor divide_mode(const Tensor& self, const Tensor& other, std::optional<std::string_view> rounding_mode) {
  return ember::div(self, other, rounding_mode);
}
Tensor& divide__mode(Tensor& self, const Tensor& other, std::optional<std::string_view> rounding_mode) {
  self.div_(other, rounding_mode);
  return self;
}
Tensor& divide_out_mode(const Tensor& self, const Tensor& other, std::optional<std::string_view> rounding_mode,
                        Tensor& out) {
  return ember::div_out(self, other, rounding_mode, out);
}
Tensor divide_Scalar_mode(const Tensor& self, const Scalar& other,
                          std::optional<std::string_view> rounding_mode) {
  return ember::div(self, wrapped_scalar_tensor(other), rounding_mode);
}
Tensor& divide__Scalar_mode(Tensor& self, const Scalar& other, std::optional<std::string_view> rounding_mode) {
  self.div_(wrapped_scalar_tensor(other), rounding_mode);
  return self;
}

Tensor true_divide(const Tensor& self, const Tensor& other) { return ember::div(self, other); }
Tensor& true_divide_(Tensor& self, const Tensor& other) {
  self.div_(other);
  return self;
}
Tensor& true_divide_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return ember::div_out(self, other, out);
}
Tensor true_divide_Scalar(const Tensor& self, const Scalar& other) {
  return ember::div(self, wrapped_scalar_tensor(other));
}
Tensor& true_divide__Scalar(Tensor& self, const Scalar& other) {
  self.div_(wrapped_scalar_tensor(other));
  return self;
}

// ---- clip: clamp under NumPy's name ---------------------------------------------------
Tensor clip(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  return ember::clamp(self, min, max);
}
Tensor& clip_(Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  return ember::clamp_(self, min, max);
}
Tensor& clip_out(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max,
                 Tensor& out) {
  return ember::clamp_out(self, min, max, out);
}
Tensor clip_Tensor(const Tensor& self, const std::optional<Tensor>& min, const std::optional<Tensor>& max) {
  return ember::clamp(self, min, max);
}
Tensor& clip__Tensor(Tensor& self, const std::optional<Tensor>& min, const std::optional<Tensor>& max) {
  return ember::clamp_(self, min, max);
}
Tensor& clip_Tensor_out(const Tensor& self, const std::optional<Tensor>& min, const std::optional<Tensor>& max,
                        Tensor& out) {
  return ember::clamp_out(self, min, max, out);
}

}  // namespace ember::native
