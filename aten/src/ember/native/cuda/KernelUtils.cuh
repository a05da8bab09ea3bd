#pragma once
// Small pieces every CUDA kernel file shares: the compute type of 16-bit floats,
// by-value arrays for kernel arguments, launch geometry and NaN tests.
//
// Everything here is plain CUDA runtime + standard device code so that hipify can
// translate it; in particular nothing assumes a warp size (AMD wavefronts have 64
// lanes): block-level cooperation goes through shared memory and __syncthreads.
#include <cuda_runtime.h>

#include <cstdint>
#include <type_traits>

#include <ember/core/Half.h>
#include <ember/core/Macros.h>
#include <ember/native/OpMath.h>
#include <ember/cuda/CUDAGuard.h>
#include <ember/cuda/CUDAStream.h>
#include <ember/cuda/Exceptions.h>

namespace ember::native::cuda {

constexpr int kMaxLineDims = 25;

// Offsets of line `r` of a tensor processed line by line along one dim (a scan, a
// softmax row): the other dims, innermost first.
struct LineIndexer {
  int ndim = 0;
  int64_t sizes[kMaxLineDims];
  int64_t in_strides[kMaxLineDims];
  int64_t out_strides[kMaxLineDims];
  EMBER_HOST_DEVICE void offsets(int64_t r, int64_t& in_off, int64_t& out_off) const {
    in_off = 0;
    out_off = 0;
    for (int d = 0; d < ndim; ++d) {
      const int64_t i = r % sizes[d];
      r /= sizes[d];
      in_off += i * in_strides[d];
      out_off += i * out_strides[d];
    }
  }
};

// A fixed-size array that can be passed to a kernel by value.
template <typename T, int N>
struct Array {
  T v[N > 0 ? N : 1];
  EMBER_HOST_DEVICE T& operator[](int i) { return v[i]; }
  EMBER_HOST_DEVICE const T& operator[](int i) const { return v[i]; }
};

template <typename T>
EMBER_HOST_DEVICE inline bool is_nan(T v) {
  if constexpr (std::is_floating_point_v<T>) {
    return v != v;
  } else if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
    const float f = static_cast<float>(v);
    return f != f;
  } else {
    return false;
  }
}

// Threads per block of the elementwise and reduction kernels: a multiple of any warp
// or wavefront size, and small enough for every register budget we use.
constexpr int kBlockThreads = 256;

inline int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }

// Number of multiprocessors of the current device (cached per device).
int multiprocessor_count(int device);

// The current stream of the device the guard made current.
inline cudaStream_t current_stream() { return ::ember::cuda::getCurrentCUDAStream().stream(); }

}  // namespace ember::native::cuda
