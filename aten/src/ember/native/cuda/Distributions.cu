// CUDA loops of uniform_, normal_ and random_ (native/Distributions.h). Each thread
// owns one Philox block and writes the elements that block maps to, using the same
// element mapping as the CPU (Note [Philox element mapping] in native/Philox.h), so a
// seed gives the same tensor on both devices. (The CPU may round `x * range + from`
// separately where nvcc fuses it into one FMA; the default parameters (0, 1) and
// (mean 0, std 1) are exact either way, other ranges agree to the last bit or one ulp.)
#include <algorithm>

#include <ember/native/Distributions.h>
#include <ember/native/cuda/KernelUtils.cuh>

namespace ember::native::cuda {
namespace {

template <typename T>
__global__ void uniform_kernel(T* out, int64_t n, PhiloxState st,
                               typename philox::UniformTraits<T>::acc_t lo,
                               typename philox::UniformTraits<T>::acc_t range) {
  constexpr int per_block = philox::uniform_elements_per_block<T>();
  const int64_t b = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  const int64_t base = b * per_block;
  if (base >= n) return;
  const Philox4x32 r = philox::block(st.seed, st.offset, static_cast<uint64_t>(b));
  const int count = static_cast<int>(n - base < per_block ? n - base : per_block);
  for (int s = 0; s < count; ++s) out[base + s] = philox::uniform_element<T>(r, s, lo, range);
}

template <typename T>
__global__ void normal_kernel(T* out, int64_t n, PhiloxState st, double mean, double std) {
  constexpr int per_block = philox::normal_elements_per_block<T>();
  const int64_t b = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (b * per_block >= n) return;
  const Philox4x32 r = philox::block(st.seed, st.offset, static_cast<uint64_t>(b));
  for (int pair = 0; pair < per_block / 2; ++pair) {
    const int64_t i = b * per_block + 2 * pair;
    if (i >= n) break;
    T z0, z1;
    philox::normal_pair<T>(r, pair, mean, std, &z0, &z1);
    out[i] = z0;
    if (i + 1 < n) out[i + 1] = z1;
  }
}

template <typename T>
__global__ void random_kernel(T* out, int64_t n, PhiloxState st, philox::RandomRange rr) {
  const int per_block = rr.elements_per_block();
  const int64_t b = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  const int64_t base = b * per_block;
  if (base >= n) return;
  const Philox4x32 r = philox::block(st.seed, st.offset, static_cast<uint64_t>(b));
  const int count = static_cast<int>(n - base < per_block ? n - base : per_block);
  for (int s = 0; s < count; ++s) out[base + s] = static_cast<T>(philox::random_element(r, s, rr));
}

unsigned blocks_for(int64_t n, int per_block) {
  return static_cast<unsigned>(ceil_div(ceil_div(n, per_block), kBlockThreads));
}

void uniform_kernel_cuda(const Tensor& self, PhiloxState st, double from, double to) {
  ::ember::cuda::CUDAGuard guard(self.device());
  const int64_t n = self.numel();
  if (n == 0) return;
  EMBER_DISPATCH_FLOATING_TYPES(self.dtype(), "uniform_cuda", [&] {
    using acc_t = typename philox::UniformTraits<scalar_t>::acc_t;
    uniform_kernel<scalar_t>
        <<<blocks_for(n, philox::uniform_elements_per_block<scalar_t>()), kBlockThreads, 0,
           current_stream()>>>(static_cast<scalar_t*>(self.data_ptr()), n, st,
                               static_cast<acc_t>(from), static_cast<acc_t>(to - from));
  });
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

void normal_kernel_cuda(const Tensor& self, PhiloxState st, double mean, double std) {
  ::ember::cuda::CUDAGuard guard(self.device());
  const int64_t n = self.numel();
  if (n == 0) return;
  EMBER_DISPATCH_FLOATING_TYPES(self.dtype(), "normal_cuda", [&] {
    normal_kernel<scalar_t>
        <<<blocks_for(n, philox::normal_elements_per_block<scalar_t>()), kBlockThreads, 0,
           current_stream()>>>(static_cast<scalar_t*>(self.data_ptr()), n, st, mean, std);
  });
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

void random_from_to_kernel_cuda(const Tensor& self, PhiloxState st, philox::RandomRange rr) {
  ::ember::cuda::CUDAGuard guard(self.device());
  const int64_t n = self.numel();
  if (n == 0) return;
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(self.dtype(), "random_from_to_cuda", [&] {
    random_kernel<scalar_t><<<blocks_for(n, rr.elements_per_block()), kBlockThreads, 0,
                              current_stream()>>>(static_cast<scalar_t*>(self.data_ptr()), n, st, rr);
  });
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

}  // namespace

EMBER_REGISTER_DISPATCH(uniform_stub, CUDA, &uniform_kernel_cuda);
EMBER_REGISTER_DISPATCH(normal_stub, CUDA, &normal_kernel_cuda);
EMBER_REGISTER_DISPATCH(random_from_to_stub, CUDA, &random_from_to_kernel_cuda);

}  // namespace ember::native::cuda
