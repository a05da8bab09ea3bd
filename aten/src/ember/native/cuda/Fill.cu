// The CUDA loop of fill_ (native/Fill.h): a nullary functor through gpu_kernel, which
// takes the vectorized path for contiguous tensors.
#include <ember/native/Fill.h>
#include <ember/native/cuda/Loops.cuh>

namespace ember::native::cuda {

template <typename T>
struct FillFunctor {
  T value;
  EMBER_DEVICE T operator()() const { return value; }
};

void fill_kernel_cuda(TensorIterator& iter, const Scalar& value) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.dtype(0), "fill_", [&] {
    gpu_kernel(iter, FillFunctor<scalar_t>{value.to<scalar_t>()}, "fill_");
  });
}

EMBER_REGISTER_DISPATCH(fill_stub, CUDA, &fill_kernel_cuda);

}  // namespace ember::native::cuda
