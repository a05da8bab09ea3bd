#pragma once
// Per-device loops behind mm/bmm/addmm (LinearAlgebra.cpp). CPU: BLAS for float and
// double, a plain loop for the other dtypes (native/cpu/BlasKernel.cpp).
#include <ember/core/DispatchStub.h>
#include <ember/core/Scalar.h>
#include <ember/core/Tensor.h>

namespace ember::native {

// c = beta * c + alpha * (a @ b) for a batch of matrices: a (B, m, k), b (B, k, n),
// c (B, m, n), one dtype, one device, any strides (a batch stride may be 0 for a
// broadcast operand; c's must not alias a or b). With beta == 0 c's contents are
// ignored. LinearAlgebra.cpp calls it with 2-D operands viewed as B = 1.
using gemm_fn = void (*)(const Tensor& c, const Tensor& a, const Tensor& b, const Scalar& beta,
                         const Scalar& alpha);
EMBER_DECLARE_DISPATCH(gemm_fn, baddbmm_stub);

}  // namespace ember::native
