#include <ember/native/Fill.h>

#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorIterator.h>

namespace ember {

EMBER_DEFINE_DISPATCH(fill_stub);

namespace native {

namespace {

Tensor& fill_unchecked(Tensor& self, const Scalar& value) {
  if (self.numel() == 0) return self;
  // Filling an expanded tensor writes the same value to each location, so overlap is
  // fine (PyTorch does not check it here either).
  TensorIterator iter = TensorIteratorConfig()
                            .add_output(self)
                            .check_mem_overlap(false)
                            .resize_outputs(false)
                            .check_all_same_dtype(false)
                            .name("fill_")
                            .build();
  fill_stub(iter.device_type(), iter, value);
  return self;
}

}  // namespace

Tensor& fill_(Tensor& self, const Scalar& value) {
  check_scalar_fits(value, self.dtype());
  return fill_unchecked(self, value);
}

Tensor& fill_tensor_(Tensor& self, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0, "fill_ only supports 0-dimension value tensor but got tensor with ",
              value.dim(), " dimensions.");
  // A tensor value converts like a copy (no range check), as in PyTorch.
  return fill_unchecked(self, value.item());
}

Tensor& zero_(Tensor& self) { return ember::native::fill_(self, Scalar(int64_t(0))); }

}  // namespace native
}  // namespace ember
