#pragma once
// Per-device loops behind softmax_out / log_softmax_out (SoftMax.cpp). CPU loops:
// native/cpu/SoftMaxKernel.cpp.
#include <ember/core/DispatchStub.h>
#include <ember/core/Tensor.h>

namespace ember::native {

// softmax / log_softmax of `in` along `dim` (wrapped) into `out`: same shape and
// dtype as `in` (SoftMax.cpp converts the input to the requested dtype first), any
// strides, same device. Computed stably: x - max(x) before exp.
using softmax_fn = void (*)(const Tensor& out, const Tensor& in, int64_t dim);
EMBER_DECLARE_DISPATCH(softmax_fn, softmax_stub);
EMBER_DECLARE_DISPATCH(softmax_fn, log_softmax_stub);

}  // namespace ember::native
