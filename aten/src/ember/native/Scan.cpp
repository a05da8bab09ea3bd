// cumsum / cumprod / logcumsumexp / cummax / cummin (device-generic): result dtype, the out= contract and the trivial
// shapes; the loops are per device (Scan.h).
#include <ember/native/Scan.h>

#include <ember/generated/NativeFunctions.h>
#include <ember/native/Reduce.h>

namespace ember::native {

EMBER_DEFINE_DISPATCH(cumsum_stub);
EMBER_DEFINE_DISPATCH(cumprod_stub);
EMBER_DEFINE_DISPATCH(logcumsumexp_stub);
EMBER_DEFINE_DISPATCH(cummax_stub);
EMBER_DEFINE_DISPATCH(cummin_stub);

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

Tensor& logcumsumexp_out(const Tensor& self, int64_t dim, Tensor& out) {
  const int64_t d = maybe_wrap_dim(dim, self.dim());
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(self.dtype()), "\"logcumsumexp_out_cpu\" not implemented for '",
                              cpp_type_name(self.dtype()), "'");
  if (!out.defined()) {
    out = empty_tensor(self.sizes(), self.dtype(), self.device());
  } else {
    check_out_dtype(out, self.dtype());
    resize_reduction_output(out, self.sizes(), self, "logcumsumexp");
  }
  if (self.dim() == 0) {
    out.copy_(self, false);
    return out;
  }
  if (self.numel() == 0) return out;
  const bool exact_alias = shares_storage_with(out, self) &&
                           out.storage_offset() == self.storage_offset() &&
                           out.strides().equals(self.strides());
  Tensor target = out;
  if (shares_storage_with(out, self) && !exact_alias) {
    target = empty_tensor(self.sizes(), self.dtype(), self.device());
  }
  logcumsumexp_stub(self.device().type, target, self, d);
  if (!target.is_same(out)) out.copy_(target, false);
  return out;
}

namespace {

// A contiguous tensor of `shape` for the loop to write: `t` itself when it is one and
// does not overlap `self`, else a temporary copied into `t` afterwards.
Tensor loop_target(const Tensor& t, const Tensor& self) {
  if (t.is_contiguous() && !shares_storage_with(t, self)) return t;
  return empty_tensor(t.sizes(), t.dtype(), t.device());
}

void cum_extreme_impl(const DispatchStub<cum_extreme_fn>& stub, const char* op, const Tensor& self,
                      int64_t dim, Tensor& values, Tensor& indices) {
  const int64_t d = maybe_wrap_dim(dim, self.dim());
  for (Tensor* t : {&values, &indices}) {
    const ScalarType dt = t == &values ? self.dtype() : ScalarType::Long;
    if (!t->defined()) {
      *t = empty_tensor(self.sizes(), dt, self.device());
    } else {
      check_out_dtype(*t, dt);
      resize_reduction_output(*t, self.sizes(), self, op);
    }
  }
  if (self.dim() == 0) {
    values.copy_(self, false);
    indices.fill_(Scalar(int64_t{0}));
    return;
  }
  if (self.numel() == 0) return;
  Tensor vt = loop_target(values, self);
  Tensor it = loop_target(indices, self);
  stub(self.device().type, vt, it, self, d);
  if (!vt.is_same(values)) values.copy_(vt, false);
  if (!it.is_same(indices)) indices.copy_(it, false);
}

}  // namespace

std::tuple<Tensor&, Tensor&> cummax_out(const Tensor& self, int64_t dim, Tensor& values, Tensor& indices) {
  cum_extreme_impl(cummax_stub, "cummax", self, dim, values, indices);
  return std::tuple<Tensor&, Tensor&>(values, indices);
}

std::tuple<Tensor&, Tensor&> cummin_out(const Tensor& self, int64_t dim, Tensor& values, Tensor& indices) {
  cum_extreme_impl(cummin_stub, "cummin", self, dim, values, indices);
  return std::tuple<Tensor&, Tensor&>(values, indices);
}

}  // namespace ember::native
