#pragma once
// copy_: dtype conversion, broadcasting and cross-device transfer (native/Copy.cpp).
// Devices register the same-device element loop: copy_stub(device, iter) converts
// iter.input(0) (any dtype) into iter.output(0) (any dtype) element by element.
#include <ember/core/DispatchStub.h>
#include <ember/core/Tensor.h>
#include <ember/generated/NativeFunctions.h>

namespace ember {

class TensorIterator;

using copy_fn = void (*)(TensorIterator& iter, bool non_blocking);
EMBER_DECLARE_DISPATCH(copy_fn, copy_stub);

namespace native {
// A view of t with shape `sizes` (broadcast: size-1 and missing leading dims get stride
// 0). RuntimeError when t does not broadcast to sizes.
EMBER_API Tensor expand_to(const Tensor& t, IntArrayRef sizes, const char* op_name);
}  // namespace native

}  // namespace ember
