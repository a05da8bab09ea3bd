#pragma once
// Per-device loops behind cumsum_out / cumprod_out (Scan.cpp). CPU loops:
// native/cpu/ScanKernel.cpp; CUDA: native/cuda/Scan.cu.
#include <ember/core/DispatchStub.h>
#include <ember/core/Tensor.h>

namespace ember::native {

// The inclusive scan of `in` along `dim` (wrapped, in.dim() >= 1) into `out`: same
// shape and dtype (Scan.cpp converts the input to the result dtype first), any
// strides, same device, numel() > 0. Each line along `dim` is read element by element
// ahead of its writes, so `out` may alias `in` exactly.
using scan_fn = void (*)(const Tensor& out, const Tensor& in, int64_t dim);
EMBER_DECLARE_DISPATCH(scan_fn, cumsum_stub);
EMBER_DECLARE_DISPATCH(scan_fn, cumprod_stub);

}  // namespace ember::native
