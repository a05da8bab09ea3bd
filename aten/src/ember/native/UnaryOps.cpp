// Device-generic out= kernels of the unary pointwise operators (see UnaryOps.h).
#include <ember/native/UnaryOps.h>

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

// PyTorch's neg/abs do not promote: an explicit out= must have self's dtype.
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

}  // namespace native
}  // namespace ember
