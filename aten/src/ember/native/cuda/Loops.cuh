#pragma once
// gpu_kernel(iter, f): THE elementwise launcher of the CUDA backend.
//
// Note [CUDA elementwise launcher]
// Every pointwise CUDA kernel (arithmetic, math, comparisons, where, casts, fills,
// random fills with an index) is a device functor `f(args...) -> R` run by this one
// launcher over a TensorIterator built by the device-generic operator (native/*.cpp):
//   - the iterator has already broadcast, promoted and (when asked) cast the inputs, so
//     operand k holds exactly the functor's k-th argument type and the output its
//     result type; the launcher checks that instead of converting on the fly, which
//     keeps one kernel per (functor, dtype) instead of one per dtype combination;
//   - 0-dim CPU tensors in a CUDA computation ("CPU scalars": `cuda_tensor + 2`,
//     `where(mask, x, 0.0)`) are read on the host and passed to the kernel by value;
//   - when every tensor operand is contiguous and aligned to 4 elements, the
//     vectorized kernel moves 4 elements per thread and operand with one aligned load
//     or store each; otherwise the strided kernel turns the linear index into one byte
//     offset per operand with an N-d offset calculator (iteration dims innermost
//     first, as TensorIterator orders and coalesces them);
//   - iterators whose offsets overflow 32 bits are split (TensorIterator::split_32bit)
//     so the kernels index with 32-bit arithmetic.
// Kernels run on the current stream of the iterator's device (Note [ember's CUDA
// streams]).
#include <cstring>
#include <tuple>
#include <type_traits>
#include <utility>

#include <ember/native/TensorIterator.h>
#include <ember/native/cuda/KernelUtils.cuh>

namespace ember::native::cuda {

// ---- functor introspection -------------------------------------------------------
template <typename F>
struct function_traits : function_traits<decltype(&F::operator())> {};
template <typename C, typename R, typename... A>
struct function_traits<R (C::*)(A...) const> {
  using result_type = R;
  using arg_types = std::tuple<A...>;
  static constexpr int arity = sizeof...(A);
  template <int I>
  using arg = std::tuple_element_t<I, std::tuple<A...>>;
};
template <typename C, typename R, typename... A>
struct function_traits<R (C::*)(A...)> : function_traits<R (C::*)(A...) const> {};

// ---- N-d offsets -----------------------------------------------------------------
// The most iteration dims a launch takes: TensorIterator's bound (kMaxReduceDims in
// native/Reduce.h states the same one for reductions).
constexpr int kMaxIterDims = 25;

// Byte offsets of the operands of element `linear` (32-bit: see split_32bit).
template <int NT>
struct OffsetCalculator {
  int ndim = 0;
  uint32_t sizes[kMaxIterDims];
  uint32_t strides[kMaxIterDims][NT];

  EMBER_HOST_DEVICE Array<uint32_t, NT> get(uint32_t linear) const {
    Array<uint32_t, NT> off;
#pragma unroll
    for (int k = 0; k < NT; ++k) off[k] = 0;
#pragma unroll
    for (int d = 0; d < kMaxIterDims; ++d) {
      if (d == ndim) break;
      const uint32_t q = linear / sizes[d];
      const uint32_t i = linear - q * sizes[d];
      linear = q;
#pragma unroll
      for (int k = 0; k < NT; ++k) off[k] += i * strides[d][k];
    }
    return off;
  }
};

template <int NT>
OffsetCalculator<NT> make_offset_calculator(const TensorIterator& iter) {
  EMBER_CHECK(iter.ndim() <= kMaxIterDims, "CUDA kernels support at most ", kMaxIterDims,
              " iteration dimensions, got ", iter.ndim());
  EMBER_CHECK(iter.ntensors() == NT, "CUDA launcher: expected ", NT, " operands, got ",
              iter.ntensors());
  OffsetCalculator<NT> oc;
  oc.ndim = iter.ndim();
  for (int d = 0; d < oc.ndim; ++d) {
    oc.sizes[d] = static_cast<uint32_t>(iter.shape()[d]);
    for (int k = 0; k < NT; ++k) oc.strides[d][k] = static_cast<uint32_t>(iter.strides(k)[d]);
  }
  return oc;
}

// ---- argument packs --------------------------------------------------------------
template <typename T, int VEC>
struct alignas(sizeof(T) * VEC) aligned_vector {
  T val[VEC];
};

// VEC elements of every argument of a functor, loaded before the functor runs.
template <int VEC, typename... A>
struct VecPack;
template <int VEC>
struct VecPack<VEC> {};
template <int VEC, typename H, typename... T>
struct VecPack<VEC, H, T...> {
  aligned_vector<H, VEC> head;
  VecPack<VEC, T...> tail;
};
template <int I>
struct PackGet {
  template <typename P>
  EMBER_DEVICE static auto& get(P& p) { return PackGet<I - 1>::get(p.tail); }
};
template <>
struct PackGet<0> {
  template <typename P>
  EMBER_DEVICE static auto& get(P& p) { return p.head; }
};
template <int VEC, typename Tuple>
struct VecPackOf;
template <int VEC, typename... A>
struct VecPackOf<VEC, std::tuple<A...>> {
  using type = VecPack<VEC, std::decay_t<A>...>;
};

// CPU-scalar arguments travel as raw bytes (every dtype fits in 8).
template <int N>
struct ScalarArgs {
  Array<uint64_t, N> bytes;
  uint32_t mask = 0;  // bit k: argument k is a CPU scalar
};

template <typename T>
EMBER_DEVICE inline T scalar_from_bytes(const uint64_t& bytes) {
  return *reinterpret_cast<const T*>(&bytes);
}

// ---- kernels ---------------------------------------------------------------------
// Loads VEC elements of argument I (or broadcasts its CPU-scalar value).
template <int I, int VEC, typename traits, typename Pack, int NT>
EMBER_DEVICE inline void load_vec_arg(Pack& pack, const Array<char*, NT>& data,
                                      const ScalarArgs<NT - 1>& sc, int64_t v) {
  using A = std::decay_t<typename traits::template arg<I>>;
  auto& slot = PackGet<I>::get(pack);
  if (sc.mask & (1u << I)) {
    const A s = scalar_from_bytes<A>(sc.bytes[I]);
#pragma unroll
    for (int j = 0; j < VEC; ++j) slot.val[j] = s;
  } else {
    slot = reinterpret_cast<const aligned_vector<A, VEC>*>(data[I + 1])[v];
  }
}

template <int VEC, typename F, int NT, size_t... I>
EMBER_DEVICE inline void vectorized_step(const F& f, const Array<char*, NT>& data,
                                         const ScalarArgs<NT - 1>& sc, int64_t v,
                                         std::index_sequence<I...>) {
  using traits = function_traits<F>;
  using R = typename traits::result_type;
  typename VecPackOf<VEC, typename traits::arg_types>::type pack;
  (load_vec_arg<static_cast<int>(I), VEC, traits>(pack, data, sc, v), ...);
  aligned_vector<R, VEC> out;
#pragma unroll
  for (int j = 0; j < VEC; ++j) out.val[j] = f(PackGet<I>::get(pack).val[j]...);
  reinterpret_cast<aligned_vector<R, VEC>*>(data[0])[v] = out;
}

template <typename F, int NT, size_t... I>
EMBER_DEVICE inline void contiguous_step(const F& f, const Array<char*, NT>& data,
                                         const ScalarArgs<NT - 1>& sc, int64_t i,
                                         std::index_sequence<I...>) {
  using traits = function_traits<F>;
  using R = typename traits::result_type;
  reinterpret_cast<R*>(data[0])[i] = f((
      (sc.mask & (1u << I))
          ? scalar_from_bytes<std::decay_t<typename traits::template arg<I>>>(sc.bytes[I])
          : reinterpret_cast<const std::decay_t<typename traits::template arg<I>>*>(data[I + 1])[i])...);
}

template <int VEC, typename F, int NT>
__global__ void vectorized_elementwise_kernel(int64_t n, F f, Array<char*, NT> data,
                                              ScalarArgs<NT - 1> sc) {
  constexpr auto seq = std::make_index_sequence<NT - 1>{};
  const int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
  const int64_t tid = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  const int64_t nvec = n / VEC;
  for (int64_t v = tid; v < nvec; v += stride) vectorized_step<VEC>(f, data, sc, v, seq);
  // The last n % VEC elements, one per thread.
  for (int64_t i = nvec * VEC + tid; i < n; i += stride) contiguous_step(f, data, sc, i, seq);
}

template <typename F, int NT, size_t... I>
EMBER_DEVICE inline void strided_step(const F& f, const Array<char*, NT>& data,
                                      const ScalarArgs<NT - 1>& sc,
                                      const Array<uint32_t, NT>& off, std::index_sequence<I...>) {
  using traits = function_traits<F>;
  using R = typename traits::result_type;
  *reinterpret_cast<R*>(data[0] + off[0]) = f((
      (sc.mask & (1u << I))
          ? scalar_from_bytes<std::decay_t<typename traits::template arg<I>>>(sc.bytes[I])
          : *reinterpret_cast<const std::decay_t<typename traits::template arg<I>>*>(
                data[I + 1] + off[I + 1]))...);
}

template <typename F, int NT>
__global__ void strided_elementwise_kernel(uint32_t n, F f, Array<char*, NT> data,
                                           ScalarArgs<NT - 1> sc, OffsetCalculator<NT> oc) {
  const uint32_t i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  strided_step(f, data, sc, oc.get(i), std::make_index_sequence<NT - 1>{});
}

// ---- host side -------------------------------------------------------------------
namespace detail {

template <typename T>
constexpr ScalarType scalar_type_of() {
  return CppTypeToScalarType<std::decay_t<T>>::value;
}

template <typename traits, size_t... I>
void check_operand_dtypes(const TensorIterator& iter, const char* name, std::index_sequence<I...>) {
  using R = typename traits::result_type;
  EMBER_CHECK(iter.dtype(0) == scalar_type_of<R>(), name, ": CUDA kernel computes ",
              scalar_type_of<R>(), " but the output is ", iter.dtype(0));
  (
      [&] {
        using A = typename traits::template arg<I>;
        // A CPU scalar is converted when it is read; tensors must match exactly.
        EMBER_CHECK(iter.is_cpu_scalar(static_cast<int>(I) + 1) ||
                        iter.dtype(static_cast<int>(I) + 1) == scalar_type_of<A>(),
                    name, ": CUDA kernel expects input ", I, " of dtype ", scalar_type_of<A>(),
                    " but got ", iter.dtype(static_cast<int>(I) + 1));
      }(),
      ...);
}

template <typename traits, int N, size_t... I>
ScalarArgs<N> collect_cpu_scalars(const TensorIterator& iter, std::index_sequence<I...>) {
  ScalarArgs<N> sc;
  for (int k = 0; k < N; ++k) sc.bytes[k] = 0;
  (
      [&] {
        using A = std::decay_t<typename traits::template arg<I>>;
        if (iter.is_cpu_scalar(static_cast<int>(I) + 1)) {
          const A value = iter.scalar_value<A>(static_cast<int>(I) + 1);
          std::memcpy(&sc.bytes[I], &value, sizeof(A));
          sc.mask |= 1u << I;
        }
      }(),
      ...);
  return sc;
}

}  // namespace detail

// Runs f over iter (one output). `name` is for error messages.
template <typename F>
void gpu_kernel(TensorIterator& iter, const F& f, const char* name = "gpu_kernel") {
  using traits = function_traits<F>;
  constexpr int N = traits::arity;
  constexpr int NT = N + 1;
  static_assert(N <= 8, "gpu_kernel: at most 8 inputs");
  EMBER_CHECK(iter.noutputs() == 1 && iter.ntensors() == NT, name,
              ": CUDA launcher expects 1 output and ", N, " inputs, got ", iter.noutputs(),
              " outputs and ", iter.ninputs(), " inputs");
  if (iter.numel() == 0) return;
  EMBER_CHECK(iter.device(0).is_cuda(), name, ": expected a CUDA output, got ", iter.device(0));
  ::ember::cuda::CUDAGuard guard(iter.device(0));
  constexpr auto seq = std::make_index_sequence<N>{};
  detail::check_operand_dtypes<traits>(iter, name, seq);

  if (!iter.can_use_32bit_indexing()) {
    for (TensorIterator& sub : iter.split_32bit()) gpu_kernel(sub, f, name);
    return;
  }

  const ScalarArgs<N> sc = detail::collect_cpu_scalars<traits, N>(iter, seq);
  Array<char*, NT> data;
  for (int k = 0; k < NT; ++k) {
    // A CPU scalar's pointer is a host address: never dereferenced on the device.
    data[k] = (k > 0 && (sc.mask & (1u << (k - 1)))) ? nullptr : static_cast<char*>(iter.data_ptr(k));
  }
  const int64_t n = iter.numel();
  const cudaStream_t stream = current_stream();

  // Contiguous when every tensor operand steps by its element size along a single
  // iteration dim (CPU scalars have stride 0 and do not count).
  constexpr int kVec = 4;
  bool contiguous = iter.ndim() <= 1;
  bool aligned = true;
  for (int k = 0; k < NT && contiguous; ++k) {
    if (k > 0 && (sc.mask & (1u << (k - 1)))) continue;
    const int64_t esize = static_cast<int64_t>(iter.element_size(k));
    if (iter.ndim() == 1 && iter.strides(k)[0] != esize) contiguous = false;
    aligned = aligned && reinterpret_cast<uintptr_t>(data[k]) % (esize * kVec) == 0;
  }
  if (contiguous && aligned) {
    const int64_t blocks = std::max<int64_t>(1, ceil_div(ceil_div(n, kVec), kBlockThreads));
    vectorized_elementwise_kernel<kVec, F, NT>
        <<<static_cast<unsigned>(blocks), kBlockThreads, 0, stream>>>(n, f, data, sc);
  } else {
    const OffsetCalculator<NT> oc = make_offset_calculator<NT>(iter);
    const int64_t blocks = ceil_div(n, kBlockThreads);
    strided_elementwise_kernel<F, NT>
        <<<static_cast<unsigned>(blocks), kBlockThreads, 0, stream>>>(static_cast<uint32_t>(n), f,
                                                                       data, sc, oc);
  }
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

}  // namespace ember::native::cuda
