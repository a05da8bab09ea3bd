#include <ember/native/Fill.h>

#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorIterator.h>

namespace ember {

EMBER_DEFINE_DISPATCH(fill_stub);

namespace native {

Tensor& fill_(Tensor& self, const Scalar& value) {
  if (self.numel() == 0) return self;
  TensorIterator iter = TensorIteratorConfig()
                            .add_output(self)
                            .resize_outputs(false)
                            .check_all_same_dtype(false)
                            .name("fill_")
                            .build();
  fill_stub(iter.device_type(), iter, value);
  return self;
}

Tensor& fill_tensor_(Tensor& self, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0, "fill_ only supports 0-dimension value tensor but got tensor with ",
              value.dim(), " dimensions.");
  return fill_(self, value.item());
}

}  // namespace native
}  // namespace ember
