// cumsum / cumprod (device-generic): result dtype, the out= contract and the trivial
// shapes; the loops are per device (Scan.h).
#include <ember/native/Scan.h>

#include <ember/generated/NativeFunctions.h>
#include <ember/native/Reduce.h>

namespace ember::native {

EMBER_DEFINE_DISPATCH(cumsum_stub);
EMBER_DEFINE_DISPATCH(cumprod_stub);

namespace {

bool shares_storage_with(const Tensor& a, const Tensor& b) { return a.storage() == b.storage(); }

Tensor& scan_impl(const DispatchStub<scan_fn>& stub, const char* op, const Tensor& self,
                  int64_t dim, std::optional<ScalarType> dtype, Tensor& out) {
  const int64_t d = maybe_wrap_dim(dim, self.dim());
  // PyTorch's rule (cum_ops_meta): `dtype` when given; else an out= (or in-place) keeps
  // its own dtype, and a fresh result is int64 for integer and bool inputs.
  ScalarType result_dtype;
  if (dtype) {
    result_dtype = *dtype;
  } else if (out.defined()) {
    result_dtype = out.dtype();
  } else {
    result_dtype = is_integral_type(self.dtype(), /*include_bool=*/true) ? ScalarType::Long
                                                                          : self.dtype();
  }
  if (!out.defined()) {
    out = empty_tensor(self.sizes(), result_dtype, self.device());
  } else {
    check_out_dtype(out, result_dtype);
    resize_reduction_output(out, self.sizes(), self, op);
  }
  // After the out= checks, as in PyTorch (an in-place call with dtype=bool reports the
  // dtype mismatch).
  EMBER_CHECK_NOT_IMPLEMENTED(result_dtype != ScalarType::Bool, '"', op,
                              "\" not implemented for 'Bool'");
  if (self.dim() == 0) {
    out.copy_(self, false);
    return out;
  }
  if (self.numel() == 0) return out;
  const Tensor in =
      self.dtype() == result_dtype ? self : self.to(result_dtype, false, false, std::nullopt);
  const bool exact_alias = shares_storage_with(out, in) &&
                           out.storage_offset() == in.storage_offset() &&
                           out.strides().equals(in.strides());
  Tensor target = out;
  if (shares_storage_with(out, in) && !exact_alias) {
    target = empty_tensor(self.sizes(), result_dtype, self.device());
  }
  stub(self.device().type, target, in, d);
  if (!target.is_same(out)) out.copy_(target, false);
  return out;
}

}  // namespace

Tensor& cumsum_out(const Tensor& self, int64_t dim, std::optional<ScalarType> dtype, Tensor& out) {
  return scan_impl(cumsum_stub, "cumsum", self, dim, dtype, out);
}

Tensor& cumprod_out(const Tensor& self, int64_t dim, std::optional<ScalarType> dtype,
                    Tensor& out) {
  return scan_impl(cumprod_stub, "cumprod", self, dim, dtype, out);
}

}  // namespace ember::native
