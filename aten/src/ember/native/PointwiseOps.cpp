// Device-generic out= kernels of clamp, where, lerp, addcmul and addcdiv (see PointwiseOps.h).
#include <ember/native/PointwiseOps.h>

#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorIterator.h>

namespace ember {

EMBER_DEFINE_DISPATCH(clamp_stub);
EMBER_DEFINE_DISPATCH(clamp_min_stub);
EMBER_DEFINE_DISPATCH(clamp_max_stub);
EMBER_DEFINE_DISPATCH(where_stub);
EMBER_DEFINE_DISPATCH(lerp_scalar_stub);
EMBER_DEFINE_DISPATCH(lerp_tensor_stub);
EMBER_DEFINE_DISPATCH(addcmul_stub);
EMBER_DEFINE_DISPATCH(addcdiv_stub);

namespace native {
namespace {

// clamp promotes like a binary op over (self, min, max): an int tensor clamped to 0.5
// gives floats, as in PyTorch >= 1.13.
Tensor& clamp_impl(const Tensor& self, const Tensor& min_t, const Tensor& max_t, Tensor& out) {
  EMBER_CHECK(min_t.defined() || max_t.defined(),
              "torch.clamp: At least one of 'min' or 'max' must not be None");
  TensorIteratorConfig config;
  config.add_output(out).add_input(self);
  if (min_t.defined()) config.add_input(min_t);
  if (max_t.defined()) config.add_input(max_t);
  TensorIterator iter = config.allow_cpu_scalars(true)
                            .promote_inputs_to_common_dtype(true)
                            .cast_common_dtype_to_outputs(true)
                            .enforce_safe_casting_to_output(true)
                            .name("clamp")
                            .build();
  EMBER_CHECK_NOT_IMPLEMENTED(iter.common_dtype() != ScalarType::Bool,
                              "\"clamp\" not implemented for 'Bool'");
  if (min_t.defined() && max_t.defined()) {
    clamp_stub(iter.device_type(), iter);
  } else if (min_t.defined()) {
    clamp_min_stub(iter.device_type(), iter);
  } else {
    clamp_max_stub(iter.device_type(), iter);
  }
  return iter.finish(out);
}

}  // namespace

Tensor& clamp_out(const Tensor& self, const std::optional<Scalar>& min_,
                  const std::optional<Scalar>& max_, Tensor& out) {
  EMBER_CHECK(min_ || max_, "torch.clamp: At least one of 'min' or 'max' must not be None");
  return clamp_impl(self, min_ ? wrapped_scalar_tensor(*min_) : Tensor(),
                    max_ ? wrapped_scalar_tensor(*max_) : Tensor(), out);
}

Tensor& clamp_Tensor_out(const Tensor& self, const std::optional<Tensor>& min_,
                         const std::optional<Tensor>& max_, Tensor& out) {
  const Tensor lo = min_ ? *min_ : Tensor();
  const Tensor hi = max_ ? *max_ : Tensor();
  // One tensor bound is maximum/minimum in PyTorch, which bool tensors have too.
  if (lo.defined() != hi.defined() && result_type(self, lo.defined() ? lo : hi) == ScalarType::Bool) {
    return lo.defined() ? maximum_out(self, lo, out) : minimum_out(self, hi, out);
  }
  return clamp_impl(self, lo, hi, out);
}

Tensor& where_self_out(const Tensor& condition, const Tensor& self, const Tensor& other,
                       Tensor& out) {
  // uint8 conditions are accepted (deprecated in PyTorch, but still allowed there).
  EMBER_CHECK(condition.dtype() == ScalarType::Bool || condition.dtype() == ScalarType::Byte,
              "where expected condition to be a boolean tensor, but got a tensor with dtype ",
              condition.dtype());
  const Tensor cond = condition.dtype() == ScalarType::Bool ? condition : condition.to(ScalarType::Bool);
  // self/other promote together; the condition keeps its dtype, so cast them here and
  // build the iterator without promotion.
  const ScalarType dtype = result_type(self, other);
  const Tensor a = self.dtype() == dtype ? self : self.to(dtype);
  const Tensor b = other.dtype() == dtype ? other : other.to(dtype);
  TensorIterator iter = TensorIteratorConfig()
                            .add_output(out)
                            .add_input(cond)
                            .add_input(a)
                            .add_input(b)
                            .allow_cpu_scalars(true)
                            .declare_static_dtype(dtype)
                            .cast_common_dtype_to_outputs(true)
                            .enforce_safe_casting_to_output(true)
                            .name("where")
                            .build();
  where_stub(iter.device_type(), iter);
  return iter.finish(out);
}

// ---- lerp ----------------------------------------------------------------------------
// `end` (and a weight tensor of one or more dims) must have self's dtype; a 0-dim weight
// of another dtype is cast, like PyTorch's CPU-scalar weights. The out= tensor may have
// any dtype the result can be cast to.

namespace {

void lerp_check_end(const Tensor& self, const Tensor& end) {
  EMBER_CHECK(self.dtype() == end.dtype(), "expected dtype ", cpp_type_name(self.dtype()),
              " for `end` but got dtype ", cpp_type_name(end.dtype()));
}

TensorIterator lerp_iterator(const Tensor& self, const Tensor& end, const Tensor& weight, Tensor& out) {
  TensorIteratorConfig config;
  config.add_output(out).add_input(self).add_input(end);
  if (weight.defined()) config.add_input(weight);
  TensorIterator iter = config.allow_cpu_scalars(true)
                            .promote_inputs_to_common_dtype(true)
                            .cast_common_dtype_to_outputs(true)
                            .enforce_safe_casting_to_output(true)
                            .name("lerp")
                            .build();
  return iter;
}

}  // namespace

Tensor& lerp_Scalar_out(const Tensor& self, const Tensor& end, const Scalar& weight, Tensor& out) {
  lerp_check_end(self, end);
  TensorIterator iter = lerp_iterator(self, end, Tensor(), out);
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(iter.common_dtype()),
                              "\"lerp_kernel_scalar\" not implemented for '", type_name(iter.common_dtype()),
                              "'");
  lerp_scalar_stub(iter.device_type(), iter, weight);
  return iter.finish(out);
}

Tensor& lerp_Tensor_out(const Tensor& self, const Tensor& end, const Tensor& weight, Tensor& out) {
  lerp_check_end(self, end);
  EMBER_CHECK(weight.dim() == 0 || self.dtype() == weight.dtype(), "expected dtype ",
              cpp_type_name(self.dtype()), " for `weight` but got dtype ", cpp_type_name(weight.dtype()));
  // unlike the number-weight form, an out= tensor must have self's dtype too
  EMBER_CHECK(!out.defined() || out.dtype() == self.dtype(), "Found dtype ", out.dtype(), " but expected ",
              self.dtype());
  TensorIterator iter = lerp_iterator(self, end, weight, out);
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(iter.common_dtype()),
                              "\"lerp_kernel_tensor\" not implemented for '", type_name(iter.common_dtype()),
                              "'");
  lerp_tensor_stub(iter.device_type(), iter);
  return iter.finish(out);
}

// ---- addcmul / addcdiv ----------------------------------------------------------------
// Promote like a ternary op over (self, tensor1, tensor2); `value` is cast to the
// computation dtype (so value=2.5 is 2 for integer tensors, as in PyTorch).

namespace {

TensorIterator ternary_iterator(const char* name, const Tensor& self, const Tensor& t1, const Tensor& t2,
                                Tensor& out) {
  return TensorIteratorConfig()
      .add_output(out)
      .add_input(self)
      .add_input(t1)
      .add_input(t2)
      .allow_cpu_scalars(true)
      .promote_inputs_to_common_dtype(true)
      .cast_common_dtype_to_outputs(true)
      .enforce_safe_casting_to_output(true)
      .name(name)
      .build();
}

}  // namespace

Tensor& addcmul_out(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2, const Scalar& value,
                    Tensor& out) {
  TensorIterator iter = ternary_iterator("addcmul", self, tensor1, tensor2, out);
  EMBER_CHECK_NOT_IMPLEMENTED(iter.common_dtype() != ScalarType::Bool,
                              "\"addcmul_cpu_out\" not implemented for 'Bool'");
  check_scalar_fits(value, iter.common_dtype());  // value is converted to the tensors' dtype
  addcmul_stub(iter.device_type(), iter, value);
  return iter.finish(out);
}

Tensor& addcdiv_out(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2, const Scalar& value,
                    Tensor& out) {
  EMBER_CHECK(!(is_integral_type(tensor1.dtype(), /*include_bool=*/true) &&
                is_integral_type(tensor2.dtype(), /*include_bool=*/true)),
              "Integer division with addcdiv is no longer supported, and in a future  release addcdiv will "
              "perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be "
              "implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer "
              "inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv "
              "behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all "
              "dtypes.");
  TensorIterator iter = ternary_iterator("addcdiv", self, tensor1, tensor2, out);
  check_scalar_fits(value, iter.common_dtype());
  addcdiv_stub(iter.device_type(), iter, value);
  return iter.finish(out);
}

}  // namespace native
}  // namespace ember
