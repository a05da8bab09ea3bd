// CUDA loops of the comparisons and logical and/or (native/BinaryOps.h): inputs in
// their common dtype, bool output (TensorIterator::comparison_op), through gpu_kernel.
#include <ember/native/BinaryOps.h>
#include <ember/native/cuda/Loops.cuh>

namespace ember::native::cuda {

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge, And, Or };

template <typename T, CompareOp Op>
struct CompareFunctor {
  EMBER_DEVICE bool operator()(T x, T y) const {
    using A = opmath_t<T>;
    const A a = static_cast<A>(x), b = static_cast<A>(y);
    if constexpr (Op == CompareOp::Eq) return a == b;
    if constexpr (Op == CompareOp::Ne) return a != b;
    if constexpr (Op == CompareOp::Lt) return a < b;
    if constexpr (Op == CompareOp::Le) return a <= b;
    if constexpr (Op == CompareOp::Gt) return a > b;
    if constexpr (Op == CompareOp::Ge) return a >= b;
    if constexpr (Op == CompareOp::And) return a != A(0) && b != A(0);
    if constexpr (Op == CompareOp::Or) return a != A(0) || b != A(0);
  }
};

template <CompareOp Op>
void compare_kernel_cuda(TensorIterator& iter) {
  static constexpr const char* kNames[] = {"eq", "ne", "lt", "le", "gt", "ge", "logical_and",
                                           "logical_or"};
  const char* name = kNames[static_cast<int>(Op)];
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.input_dtype(0), name, [&] {
    gpu_kernel(iter, CompareFunctor<scalar_t, Op>{}, name);
  });
}

EMBER_REGISTER_DISPATCH(eq_stub, CUDA, &compare_kernel_cuda<CompareOp::Eq>);
EMBER_REGISTER_DISPATCH(ne_stub, CUDA, &compare_kernel_cuda<CompareOp::Ne>);
EMBER_REGISTER_DISPATCH(lt_stub, CUDA, &compare_kernel_cuda<CompareOp::Lt>);
EMBER_REGISTER_DISPATCH(le_stub, CUDA, &compare_kernel_cuda<CompareOp::Le>);
EMBER_REGISTER_DISPATCH(gt_stub, CUDA, &compare_kernel_cuda<CompareOp::Gt>);
EMBER_REGISTER_DISPATCH(ge_stub, CUDA, &compare_kernel_cuda<CompareOp::Ge>);
EMBER_REGISTER_DISPATCH(logical_and_stub, CUDA, &compare_kernel_cuda<CompareOp::And>);
EMBER_REGISTER_DISPATCH(logical_or_stub, CUDA, &compare_kernel_cuda<CompareOp::Or>);

}  // namespace ember::native::cuda
