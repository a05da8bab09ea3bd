#pragma once
// Per-device loops behind the device-generic reduction kernels in ReduceOps.cpp.
// The CPU loops live in native/cpu/ReduceOpsKernel.cpp, the CUDA ones in native/cuda/.
//
// Every reduce_fn receives the input and the keepdim view of the output (Note
// [Reduction geometry] in native/Reduce.h); both are on the same device, the output
// is allocated and has the dtype the loop computes in (ReduceOps.cpp converts the
// input first when PyTorch's rules ask for it). An empty reduction is only ever
// passed to loops that have an identity (sum, mean, prod).
#include <ember/core/DispatchStub.h>
#include <ember/core/Tensor.h>

namespace ember::native {

using reduce_fn = void (*)(const Tensor& out_kd, const Tensor& in);
EMBER_DECLARE_DISPATCH(reduce_fn, sum_stub);
// sum divided by the number of reduced elements (0/0 = nan for empty reductions).
EMBER_DECLARE_DISPATCH(reduce_fn, mean_stub);
EMBER_DECLARE_DISPATCH(reduce_fn, prod_stub);
// NaN-propagating extrema without indices (max(), min()).
EMBER_DECLARE_DISPATCH(reduce_fn, max_values_stub);
EMBER_DECLARE_DISPATCH(reduce_fn, min_values_stub);

// Extremum along one dim with the index of its first occurrence (a NaN counts as
// larger/smaller than everything, and its first occurrence wins). `values_kd` may be
// undefined (argmax/argmin); `indices_kd` is int64. Both are keepdim views; `dim`
// is the reduced dim (already wrapped), whose size is > 0.
using arg_reduce_fn = void (*)(const Tensor& values_kd, const Tensor& indices_kd,
                               const Tensor& in, int64_t dim);
EMBER_DECLARE_DISPATCH(arg_reduce_fn, max_dim_stub);
EMBER_DECLARE_DISPATCH(arg_reduce_fn, min_dim_stub);

}  // namespace ember::native
