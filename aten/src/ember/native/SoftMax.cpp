// softmax / log_softmax (device-generic): dtype handling and the out= contract;
// the loops are per device (SoftMax.h).
#include <ember/native/SoftMax.h>

#include <ember/generated/NativeFunctions.h>
#include <ember/native/Reduce.h>

namespace ember::native {

EMBER_DEFINE_DISPATCH(softmax_stub);
EMBER_DEFINE_DISPATCH(log_softmax_stub);

namespace {

Tensor& softmax_impl(const DispatchStub<softmax_fn>& stub, const char* op, const Tensor& self,
                     int64_t dim, std::optional<ScalarType> dtype, Tensor& out) {
  const int64_t d = maybe_wrap_dim(dim, self.dim());
  // The result dtype is `dtype` when given (the input is converted first, which is
  // how half inputs get a float32 softmax), else the input's.
  const ScalarType result_dtype = dtype ? *dtype : self.dtype();
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(result_dtype), '"', op,
                              "\" not implemented for '", result_dtype, "'");
  if (!out.defined()) {
    out = empty_tensor(self.sizes(), result_dtype, self.device());
  } else {
    check_out_dtype(out, result_dtype);
    resize_reduction_output(out, self.sizes(), self, op);
  }
  if (self.numel() == 0) return out;
  const Tensor in =
      self.dtype() == result_dtype ? self : self.to(result_dtype, false, false, std::nullopt);
  // The loops read a whole run before writing it, so out= may be the input itself;
  // any other overlap gets a temporary.
  const bool exact_alias = out.storage() == in.storage() &&
                           out.storage_offset() == in.storage_offset() &&
                           out.strides().equals(in.strides());
  Tensor target = out;
  if (out.storage() == in.storage() && !exact_alias) {
    target = empty_tensor(self.sizes(), result_dtype, self.device());
  }
  // A 0-dim input is a run of one element.
  if (self.dim() == 0) {
    stub(self.device().type, strided_view(target, {1}, {1}), strided_view(in, {1}, {1}), 0);
  } else {
    stub(self.device().type, target, in, d);
  }
  if (!target.is_same(out)) out.copy_(target, false);
  return out;
}

}  // namespace

Tensor& softmax_out(const Tensor& self, int64_t dim, std::optional<ScalarType> dtype,
                    Tensor& out) {
  return softmax_impl(softmax_stub, "softmax", self, dim, dtype, out);
}

Tensor& log_softmax_out(const Tensor& self, int64_t dim, std::optional<ScalarType> dtype,
                        Tensor& out) {
  return softmax_impl(log_softmax_stub, "log_softmax", self, dim, dtype, out);
}

}  // namespace ember::native
