// CUDA loops of arange and linspace (native/TensorFactories.h): one thread per element
// of a contiguous output, computing exactly what the CPU loop computes. Products and
// sums use the round-to-nearest intrinsics so that nvcc does not contract them into a
// fused multiply-add, which would round differently from the CPU (the same arange on
// both devices gives the same values).
#include <type_traits>

#include <ember/native/TensorFactories.h>
#include <ember/native/cuda/KernelUtils.cuh>

namespace ember::native::cuda {
namespace {

// a + b * c, rounded after the product and after the sum (no FMA).
EMBER_DEVICE inline float mul_add_rn(float a, float b, float c) { return __fadd_rn(a, __fmul_rn(b, c)); }
EMBER_DEVICE inline double mul_add_rn(double a, double b, double c) { return __dadd_rn(a, __dmul_rn(b, c)); }
EMBER_DEVICE inline int64_t mul_add_rn(int64_t a, int64_t b, int64_t c) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b) * static_cast<uint64_t>(c));
}
EMBER_DEVICE inline float mul_sub_rn(float a, float b, float c) { return __fsub_rn(a, __fmul_rn(b, c)); }
EMBER_DEVICE inline double mul_sub_rn(double a, double b, double c) { return __dsub_rn(a, __dmul_rn(b, c)); }

template <typename T, typename A>
__global__ void arange_kernel(T* out, int64_t n, A start, A step) {
  const int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i < n) out[i] = static_cast<T>(mul_add_rn(start, step, static_cast<A>(i)));
}

template <typename T, typename S>
__global__ void linspace_kernel(T* out, int64_t steps, S lo, S hi, S step) {
  const int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= steps) return;
  // The first half counts up from start, the second down from end: both ends exact.
  out[i] = i < steps / 2 ? static_cast<T>(mul_add_rn(lo, step, static_cast<S>(i)))
                         : static_cast<T>(mul_sub_rn(hi, step, static_cast<S>(steps - i - 1)));
}

void arange_kernel_cuda(const Tensor& out, const Scalar& start, const Scalar& step) {
  ::ember::cuda::CUDAGuard guard(out.device());
  const int64_t n = out.numel();
  if (n == 0) return;
  const unsigned blocks = static_cast<unsigned>(ceil_div(n, kBlockThreads));
  EMBER_DISPATCH_ALL_TYPES(out.dtype(), "arange_cuda", [&] {
    using T = scalar_t;
    // int64 for integers, double for float/double, float for the 16-bit floats (the CPU's).
    using A = std::conditional_t<std::is_integral_v<T>, int64_t,
                                 std::conditional_t<std::is_floating_point_v<T>, double, float>>;
    arange_kernel<T, A><<<blocks, kBlockThreads, 0, current_stream()>>>(
        static_cast<T*>(out.data_ptr()), n, start.to<A>(), step.to<A>());
  });
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

void linspace_kernel_cuda(const Tensor& out, const Scalar& start, const Scalar& end, int64_t steps) {
  ::ember::cuda::CUDAGuard guard(out.device());
  if (steps == 0) return;
  const unsigned blocks = static_cast<unsigned>(ceil_div(steps, kBlockThreads));
  EMBER_DISPATCH_ALL_TYPES(out.dtype(), "linspace_cuda", [&] {
    using T = scalar_t;
    using S = std::conditional_t<std::is_integral_v<T>, double,
                                 std::conditional_t<std::is_same_v<T, double>, double, float>>;
    const S lo = static_cast<S>(start.to<T>());
    const S hi = static_cast<S>(end.to<T>());
    const S step = (hi - lo) / static_cast<S>(steps - 1);
    linspace_kernel<T, S><<<blocks, kBlockThreads, 0, current_stream()>>>(
        static_cast<T*>(out.data_ptr()), steps, lo, hi, step);
  });
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

}  // namespace

EMBER_REGISTER_DISPATCH(arange_stub, CUDA, &arange_kernel_cuda);
EMBER_REGISTER_DISPATCH(linspace_stub, CUDA, &linspace_kernel_cuda);

}  // namespace ember::native::cuda
