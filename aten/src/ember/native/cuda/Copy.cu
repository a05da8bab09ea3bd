// The CUDA same-device copy loop behind copy_ (native/Copy.h): any dtype to any dtype,
// any strides. Copy.cpp takes care of broadcasting, of plain memcpys (same dtype, both
// contiguous) and of CPU <-> GPU transfers (device hooks, cudaMemcpyAsync on the
// current stream: ember/cuda/CUDAHooks.cpp); this loop only converts and relayouts.
//
// One kernel per *source* dtype; the destination dtype is a runtime switch inside the
// kernel (uniform across a launch, so it costs a predictable branch) instead of a
// template parameter: 10 kernels instead of 100, for a loop that is bound by memory
// bandwidth anyway. Conversions follow the CPU loop exactly (16-bit floats go through
// float, anything -> bool is "!= 0").
#include <cstring>
#include <type_traits>

#include <ember/native/Copy.h>
#include <ember/native/cuda/Loops.cuh>

namespace ember::native::cuda {

template <typename D, typename S>
EMBER_DEVICE inline D convert(S v) {
  constexpr bool s_reduced = std::is_same_v<S, Half> || std::is_same_v<S, BFloat16>;
  constexpr bool d_reduced = std::is_same_v<D, Half> || std::is_same_v<D, BFloat16>;
  if constexpr (std::is_same_v<D, S>) {
    return v;
  } else if constexpr (std::is_same_v<D, bool>) {
    if constexpr (s_reduced) {
      return static_cast<float>(v) != 0.0f;
    } else {
      return v != S(0);
    }
  } else if constexpr (s_reduced) {
    return convert<D>(static_cast<float>(v));
  } else if constexpr (d_reduced) {
    return D(static_cast<float>(v));
  } else {
    return static_cast<D>(v);
  }
}

template <typename S>
__global__ void convert_copy_kernel(uint32_t n, ScalarType dst_type, Array<char*, 2> data,
                                    OffsetCalculator<2> oc, bool contiguous, bool src_is_scalar,
                                    uint64_t src_bytes) {
  const uint32_t i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  char* out;
  S v;
  if (contiguous) {
    out = data[0] + static_cast<size_t>(i) * oc.strides[0][0];
    v = src_is_scalar ? scalar_from_bytes<S>(src_bytes) : reinterpret_cast<const S*>(data[1])[i];
  } else {
    const Array<uint32_t, 2> off = oc.get(i);
    out = data[0] + off[0];
    v = src_is_scalar ? scalar_from_bytes<S>(src_bytes)
                      : *reinterpret_cast<const S*>(data[1] + off[1]);
  }
  switch (dst_type) {
#define EMBER_COPY_CASE(ctype, name, pyname)                       \
  case ScalarType::name:                                           \
    *reinterpret_cast<ctype*>(out) = convert<ctype>(v);            \
    break;
    EMBER_FORALL_SCALAR_TYPES(EMBER_COPY_CASE)
#undef EMBER_COPY_CASE
    default:
      break;  // rejected on the host
  }
}

void copy_kernel_cuda(TensorIterator& iter, bool /*non_blocking: kernels are async anyway*/) {
  if (iter.numel() == 0) return;
  EMBER_CHECK(iter.ntensors() == 2, "copy_: CUDA copy expects one output and one input");
  EMBER_CHECK(iter.device(0).is_cuda(), "copy_: CUDA copy loop got a ", iter.device(0),
              " destination");
  ::ember::cuda::CUDAGuard guard(iter.device(0));
  if (!iter.can_use_32bit_indexing()) {
    for (TensorIterator& sub : iter.split_32bit()) copy_kernel_cuda(sub, false);
    return;
  }
  const ScalarType dst = iter.dtype(0);
  const ScalarType src = iter.dtype(1);
  EMBER_CHECK(dst != ScalarType::Undefined && src != ScalarType::Undefined,
              "copy_: undefined dtype");
  const bool src_is_scalar = iter.is_cpu_scalar(1);
  uint64_t src_bytes = 0;
  if (src_is_scalar) std::memcpy(&src_bytes, iter.data_ptr(1), element_size(src));
  Array<char*, 2> data;
  data[0] = static_cast<char*>(iter.data_ptr(0));
  data[1] = src_is_scalar ? nullptr : static_cast<char*>(iter.data_ptr(1));
  OffsetCalculator<2> oc = make_offset_calculator<2>(iter);
  const int64_t dsize = static_cast<int64_t>(element_size(dst));
  const int64_t ssize = static_cast<int64_t>(element_size(src));
  const bool contiguous = iter.ndim() == 1 && iter.strides(0)[0] == dsize &&
                          (src_is_scalar || iter.strides(1)[0] == ssize);
  if (iter.ndim() == 0 || contiguous) {
    // The contiguous path reads the output stride from oc.strides[0][0].
    oc.strides[0][0] = static_cast<uint32_t>(dsize);
  }
  const int64_t n = iter.numel();
  const unsigned blocks = static_cast<unsigned>(ceil_div(n, kBlockThreads));
  const cudaStream_t stream = current_stream();
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(src, "copy_", [&] {
    convert_copy_kernel<scalar_t><<<blocks, kBlockThreads, 0, stream>>>(
        static_cast<uint32_t>(n), dst, data, oc, contiguous || iter.ndim() == 0, src_is_scalar,
        src_bytes);
  });
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

EMBER_REGISTER_DISPATCH(copy_stub, CUDA, &copy_kernel_cuda);

}  // namespace ember::native::cuda
