// Device-generic out= kernels of clamp and where (see PointwiseOps.h).
#include <ember/native/PointwiseOps.h>

#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorIterator.h>

namespace ember {

EMBER_DEFINE_DISPATCH(clamp_stub);
EMBER_DEFINE_DISPATCH(clamp_min_stub);
EMBER_DEFINE_DISPATCH(clamp_max_stub);
EMBER_DEFINE_DISPATCH(where_stub);

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

}  // namespace native
}  // namespace ember
