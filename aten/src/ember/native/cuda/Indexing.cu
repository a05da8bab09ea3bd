// CUDA loops of advanced indexing and nonzero (native/Indexing.h; Note [Advanced
// indexing geometry]).
//
// index / index_put_: one thread per element e of the result shape R. Offsets of the
// data operand(s) and of every index tensor come from one 64-bit N-d offset table over
// R (size-1 dims dropped, contiguous dims merged, as the CPU loop does). Out-of-range
// indices must raise IndexError before anything is written: a check kernel records the
// first offending (dim, value) in a small device buffer, the host reads it back (one
// synchronization, the price of reporting the error instead of corrupting memory or
// killing the context with a device-side assert) and raises.
// index_put_ with accumulate adds with atomics (compare-and-swap on the aligned 32-bit
// or 64-bit word for the types CUDA has no atomicAdd for), so the order of additions to
// a repeated position, and therefore float rounding, may vary between runs.
//
// nonzero: the output's size depends on the data, so the count has to reach the host:
// (1) each block counts the non-zeros of its chunk, (2) one block scans the chunk
// counts into chunk offsets and the total, (3) the host reads the total and sizes the
// output, (4) each block rescans its chunk and writes the coordinates of its non-zeros
// at their offsets, preserving row-major order.
#include <algorithm>
#include <type_traits>

#include <ember/generated/Functions.h>
#include <ember/native/Indexing.h>
#include <ember/native/cuda/Reduce.cuh>

namespace ember::native::cuda {
namespace {

constexpr int kMaxIndices = 8;
constexpr int kMaxIndexDims = 25;
constexpr int kIndexOperands = 2 + kMaxIndices;

// Byte offsets of operands over R: operand 0 and 1 are the data tensors (out/src or
// values/dst), 2 + k the k-th index tensor.
struct IndexGeometry {
  int ndim = 0;
  int nidx = 0;
  int64_t sizes[kMaxIndexDims];
  int64_t strides[kMaxIndexDims][kIndexOperands];
  int64_t indexed_sizes[kMaxIndices];
  int64_t indexed_strides[kMaxIndices];  // bytes in self

  EMBER_DEVICE void offsets(int64_t e, int64_t* off) const {
    for (int k = 0; k < 2 + nidx; ++k) off[k] = 0;
    for (int d = ndim - 1; d >= 0; --d) {
      const int64_t i = e % sizes[d];
      e /= sizes[d];
      for (int k = 0; k < 2 + nidx; ++k) off[k] += i * strides[d][k];
    }
  }
};

IndexGeometry make_index_geometry(const Tensor& a, const Tensor& b, TensorList indices,
                                  IntArrayRef indexed_sizes, IntArrayRef indexed_strides) {
  EMBER_CHECK_NOT_IMPLEMENTED(indices.size() <= static_cast<size_t>(kMaxIndices),
                              "CUDA indexing supports at most ", kMaxIndices,
                              " index tensors, got ", indices.size());
  IndexGeometry g;
  g.nidx = static_cast<int>(indices.size());
  const int nops = 2 + g.nidx;
  const Tensor* ops[kIndexOperands] = {&a, &b};
  for (int k = 0; k < g.nidx; ++k) ops[2 + k] = &indices[k];
  const IntArrayRef shape = a.sizes();
  // Walk R's dims innermost first, dropping size-1 dims and merging a dim into the
  // one inside it when every operand's strides allow it; then restore outer-first order.
  int64_t cur_size = 0;
  int64_t cur[kIndexOperands] = {};
  int n = 0;
  int64_t sizes[kMaxIndexDims * 2];
  int64_t strides[kMaxIndexDims * 2][kIndexOperands];
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
    if (shape[d] == 1) continue;
    bool merge = cur_size > 0;
    for (int k = 0; k < nops && merge; ++k) {
      merge = ops[k]->stride(d) * static_cast<int64_t>(ops[k]->element_size()) == cur[k] * cur_size;
    }
    if (merge) {
      cur_size *= shape[d];
      continue;
    }
    if (cur_size > 0) {
      sizes[n] = cur_size;
      for (int k = 0; k < nops; ++k) strides[n][k] = cur[k];
      ++n;
    }
    cur_size = shape[d];
    for (int k = 0; k < nops; ++k) cur[k] = ops[k]->stride(d) * static_cast<int64_t>(ops[k]->element_size());
  }
  if (cur_size > 0) {
    sizes[n] = cur_size;
    for (int k = 0; k < nops; ++k) strides[n][k] = cur[k];
    ++n;
  }
  EMBER_CHECK(n <= kMaxIndexDims, "CUDA indexing: too many dimensions (", n, ")");
  g.ndim = n;
  for (int d = 0; d < n; ++d) {  // reverse: outermost first
    g.sizes[d] = sizes[n - 1 - d];
    for (int k = 0; k < nops; ++k) g.strides[d][k] = strides[n - 1 - d][k];
  }
  const int64_t item = static_cast<int64_t>(b.element_size());
  for (int k = 0; k < g.nidx; ++k) {
    g.indexed_sizes[k] = indexed_sizes[k];
    g.indexed_strides[k] = indexed_strides[k] * item;
  }
  return g;
}

// Offset in bytes into self of element e (indices already checked).
EMBER_DEVICE inline int64_t indexed_offset(const IndexGeometry& g, char* const* idx_base,
                                           const int64_t* off) {
  int64_t r = 0;
  for (int k = 0; k < g.nidx; ++k) {
    int64_t v = *reinterpret_cast<const int64_t*>(idx_base[k] + off[2 + k]);
    if (v < 0) v += g.indexed_sizes[k];
    r += v * g.indexed_strides[k];
  }
  return r;
}

struct IndexPointers {
  char* data[2];
  char* idx[kMaxIndices];
};

// err[0]: flag (0 = fine), err[1]: index tensor, err[2]: value.
__global__ void check_indices_kernel(IndexGeometry g, IndexPointers p, int64_t n,
                                     unsigned long long* err) {
  const int64_t e = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (e >= n) return;
  int64_t off[kIndexOperands];
  g.offsets(e, off);
  for (int k = 0; k < g.nidx; ++k) {
    const int64_t v = *reinterpret_cast<const int64_t*>(p.idx[k] + off[2 + k]);
    if (v < -g.indexed_sizes[k] || v >= g.indexed_sizes[k]) {
      if (atomicCAS(err, 0ull, 1ull) == 0ull) {
        err[1] = static_cast<unsigned long long>(k);
        err[2] = static_cast<unsigned long long>(v);
      }
      return;
    }
  }
}

// Raises IndexError like the CPU loop when an index is out of range.
void check_indices_cuda(const IndexGeometry& g, const IndexPointers& p, int64_t n, Device device) {
  if (g.nidx == 0 || n == 0) return;
  const int64_t err_size[1] = {3};
  const Tensor err_t = empty_tensor(IntArrayRef(err_size, 1), ScalarType::Long, device);
  auto* err = static_cast<unsigned long long*>(err_t.data_ptr());
  const cudaStream_t stream = current_stream();
  EMBER_CUDA_CHECK(cudaMemsetAsync(err, 0, 3 * sizeof(unsigned long long), stream));
  check_indices_kernel<<<static_cast<unsigned>(ceil_div(n, kBlockThreads)), kBlockThreads, 0, stream>>>(
      g, p, n, err);
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
  unsigned long long host[3];
  EMBER_CUDA_CHECK(cudaMemcpyAsync(host, err, sizeof host, cudaMemcpyDeviceToHost, stream));
  EMBER_CUDA_CHECK(cudaStreamSynchronize(stream));
  if (host[0] != 0) {
    const int k = static_cast<int>(host[1]);
    throw IndexError(str("index ", static_cast<int64_t>(host[2]), " is out of bounds for dimension ",
                         k, " with size ", g.indexed_sizes[k]));
  }
}

template <typename E>
__global__ void index_kernel(IndexGeometry g, IndexPointers p, int64_t n) {
  const int64_t e = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (e >= n) return;
  int64_t off[kIndexOperands];
  g.offsets(e, off);
  // data[0] = out, data[1] = src (self's view)
  *reinterpret_cast<E*>(p.data[0] + off[0]) =
      *reinterpret_cast<const E*>(p.data[1] + off[1] + indexed_offset(g, p.idx, off));
}

template <typename E>
__global__ void index_put_kernel(IndexGeometry g, IndexPointers p, int64_t n) {
  const int64_t e = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (e >= n) return;
  int64_t off[kIndexOperands];
  g.offsets(e, off);
  // data[0] = values, data[1] = dst (self's view)
  *reinterpret_cast<E*>(p.data[1] + off[1] + indexed_offset(g, p.idx, off)) =
      *reinterpret_cast<const E*>(p.data[0] + off[0]);
}

// *addr += v for any dtype, by compare-and-swap on the aligned word holding *addr.
template <typename T>
EMBER_DEVICE inline T add_values(T a, T b) {
  if constexpr (std::is_same_v<T, bool>) {
    return a || b;
  } else if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
    return T(static_cast<float>(a) + static_cast<float>(b));
  } else {
    return static_cast<T>(a + b);
  }
}

template <typename T>
struct AddCombine {
  EMBER_DEVICE T operator()(T a, T b) const { return add_values(a, b); }
};

template <IndexReduce R>
struct ReduceCombine {
  template <typename T>
  EMBER_DEVICE T operator()(T a, T b) const { return index_reduce_combine<R>(a, b); }
};

// *addr = combine(*addr, v) for any dtype, by compare-and-swap on the aligned word
// holding *addr.
template <typename T, typename Combine>
EMBER_DEVICE inline void atomic_combine_any(T* addr, T v, Combine combine) {
  if constexpr (sizeof(T) == 8) {
    auto* word = reinterpret_cast<unsigned long long*>(addr);
    unsigned long long old = *word, assumed;
    do {
      assumed = old;
      T cur;
      memcpy(&cur, &assumed, sizeof(T));
      const T next = combine(cur, v);
      unsigned long long next_bits;
      memcpy(&next_bits, &next, sizeof(T));
      old = atomicCAS(word, assumed, next_bits);
    } while (old != assumed);
  } else {
    // The aligned 32-bit word containing *addr, and where *addr sits in it.
    const uintptr_t a = reinterpret_cast<uintptr_t>(addr);
    auto* word = reinterpret_cast<unsigned int*>(a & ~uintptr_t(3));
    const unsigned shift = static_cast<unsigned>(a & 3) * 8;
    const unsigned mask = sizeof(T) == 4 ? 0xffffffffu : ((1u << (sizeof(T) * 8)) - 1u) << shift;
    unsigned int old = *word, assumed;
    do {
      assumed = old;
      const unsigned int bits = sizeof(T) == 4 ? assumed : (assumed & mask) >> shift;
      T cur;
      memcpy(&cur, &bits, sizeof(T));
      const T next = combine(cur, v);
      unsigned int next_bits = 0;
      memcpy(&next_bits, &next, sizeof(T));
      const unsigned int merged =
          sizeof(T) == 4 ? next_bits : (assumed & ~mask) | ((next_bits << shift) & mask);
      old = atomicCAS(word, assumed, merged);
    } while (old != assumed);
  }
}

template <typename T>
EMBER_DEVICE inline void atomic_add_any(T* addr, T v) {
  atomic_combine_any(addr, v, AddCombine<T>{});
}

template <typename T>
__global__ void index_put_accumulate_kernel(IndexGeometry g, IndexPointers p, int64_t n) {
  const int64_t e = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (e >= n) return;
  int64_t off[kIndexOperands];
  g.offsets(e, off);
  T* dst = reinterpret_cast<T*>(p.data[1] + off[1] + indexed_offset(g, p.idx, off));
  atomic_add_any(dst, *reinterpret_cast<const T*>(p.data[0] + off[0]));
}

template <typename T, IndexReduce R>
__global__ void index_reduce_kernel(IndexGeometry g, IndexPointers p, int64_t n) {
  const int64_t e = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (e >= n) return;
  int64_t off[kIndexOperands];
  g.offsets(e, off);
  T* dst = reinterpret_cast<T*>(p.data[1] + off[1] + indexed_offset(g, p.idx, off));
  atomic_combine_any(dst, *reinterpret_cast<const T*>(p.data[0] + off[0]), ReduceCombine<R>{});
}

IndexPointers pointers_of(const Tensor& a, const Tensor& b, TensorList indices) {
  IndexPointers p{};
  p.data[0] = static_cast<char*>(a.data_ptr());
  p.data[1] = static_cast<char*>(b.data_ptr());
  for (size_t k = 0; k < indices.size(); ++k) p.idx[k] = static_cast<char*>(indices[k].data_ptr());
  return p;
}

template <typename F>
void with_element_type(size_t itemsize, const F& f) {
  switch (itemsize) {
    case 1: return f(uint8_t{});
    case 2: return f(uint16_t{});
    case 4: return f(uint32_t{});
    case 8: return f(uint64_t{});
    default: throw Error(str("index: unsupported element size ", itemsize));
  }
}

void index_kernel_cuda(const Tensor& out, const Tensor& src, TensorList indices,
                       IntArrayRef indexed_sizes, IntArrayRef indexed_strides) {
  const int64_t n = out.numel();
  if (n == 0) return;
  ::ember::cuda::CUDAGuard guard(out.device());
  const IndexGeometry g = make_index_geometry(out, src, indices, indexed_sizes, indexed_strides);
  const IndexPointers p = pointers_of(out, src, indices);
  check_indices_cuda(g, p, n, out.device());
  const unsigned blocks = static_cast<unsigned>(ceil_div(n, kBlockThreads));
  with_element_type(out.element_size(), [&](auto tag) {
    using E = decltype(tag);
    index_kernel<E><<<blocks, kBlockThreads, 0, current_stream()>>>(g, p, n);
  });
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

void index_put_kernel_cuda(const Tensor& dst, const Tensor& values, TensorList indices,
                           IntArrayRef indexed_sizes, IntArrayRef indexed_strides, bool accumulate) {
  const int64_t n = values.numel();
  if (n == 0) return;
  ::ember::cuda::CUDAGuard guard(dst.device());
  const IndexGeometry g = make_index_geometry(values, dst, indices, indexed_sizes, indexed_strides);
  const IndexPointers p = pointers_of(values, dst, indices);
  check_indices_cuda(g, p, n, dst.device());
  const unsigned blocks = static_cast<unsigned>(ceil_div(n, kBlockThreads));
  const cudaStream_t stream = current_stream();
  if (!accumulate) {
    with_element_type(dst.element_size(), [&](auto tag) {
      using E = decltype(tag);
      index_put_kernel<E><<<blocks, kBlockThreads, 0, stream>>>(g, p, n);
    });
  } else {
    EMBER_DISPATCH_ALL_TYPES_AND_BOOL(dst.dtype(), "index_put_ (accumulate)", [&] {
      index_put_accumulate_kernel<scalar_t><<<blocks, kBlockThreads, 0, stream>>>(g, p, n);
    });
  }
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

void index_reduce_kernel_cuda(const Tensor& dst, const Tensor& values, TensorList indices,
                              IntArrayRef indexed_sizes, IntArrayRef indexed_strides,
                              IndexReduce op) {
  const int64_t n = values.numel();
  if (n == 0) return;
  ::ember::cuda::CUDAGuard guard(dst.device());
  const IndexGeometry g = make_index_geometry(values, dst, indices, indexed_sizes, indexed_strides);
  const IndexPointers p = pointers_of(values, dst, indices);
  check_indices_cuda(g, p, n, dst.device());
  const unsigned blocks = static_cast<unsigned>(ceil_div(n, kBlockThreads));
  const cudaStream_t stream = current_stream();
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(dst.dtype(), "index_reduce", [&] {
    switch (op) {
      case IndexReduce::Prod:
        index_reduce_kernel<scalar_t, IndexReduce::Prod><<<blocks, kBlockThreads, 0, stream>>>(g, p, n);
        break;
      case IndexReduce::Max:
        index_reduce_kernel<scalar_t, IndexReduce::Max><<<blocks, kBlockThreads, 0, stream>>>(g, p, n);
        break;
      case IndexReduce::Min:
        index_reduce_kernel<scalar_t, IndexReduce::Min><<<blocks, kBlockThreads, 0, stream>>>(g, p, n);
        break;
    }
  });
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
}

// ---- nonzero ----------------------------------------------------------------------

constexpr int kNzThreads = 256;
constexpr int kNzPerThread = 16;
constexpr int64_t kNzChunk = static_cast<int64_t>(kNzThreads) * kNzPerThread;
constexpr int kNzScanThreads = 1024;

template <typename T>
EMBER_DEVICE inline bool is_nonzero(T v) {
  if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
    return static_cast<float>(v) != 0.0f;  // NaN counts as non-zero
  } else {
    return v != T(0);
  }
}

// Number of non-zeros among this thread's kNzPerThread consecutive elements.
template <typename T>
EMBER_DEVICE inline int64_t thread_count(const T* p, int64_t n, int64_t begin) {
  int64_t c = 0;
  for (int j = 0; j < kNzPerThread; ++j) {
    const int64_t i = begin + j;
    if (i < n && is_nonzero(p[i])) ++c;
  }
  return c;
}

template <typename T>
__global__ void nonzero_count_kernel(const T* p, int64_t n, int64_t* chunk_counts) {
  __shared__ int64_t smem[kNzThreads];
  const int64_t begin = static_cast<int64_t>(blockIdx.x) * kNzChunk + threadIdx.x * kNzPerThread;
  const int64_t c = block_reduce(thread_count(p, n, begin), smem,
                                 [](int64_t a, int64_t b) { return a + b; });
  if (threadIdx.x == 0) chunk_counts[blockIdx.x] = c;
}

// Exclusive scan of v over a 1-d block (Hillis-Steele in shared memory); returns the
// sum of the values of the threads before this one. *total gets the block's sum.
EMBER_DEVICE inline int64_t block_exclusive_scan(int64_t v, int64_t* smem, int64_t* total) {
  smem[threadIdx.x] = v;
  __syncthreads();
  for (int step = 1; step < static_cast<int>(blockDim.x); step *= 2) {
    const int64_t add = threadIdx.x >= static_cast<unsigned>(step) ? smem[threadIdx.x - step] : 0;
    __syncthreads();
    smem[threadIdx.x] += add;
    __syncthreads();
  }
  const int64_t inclusive = smem[threadIdx.x];
  *total = smem[blockDim.x - 1];
  __syncthreads();
  return inclusive - v;
}

// One block: chunk_counts -> exclusive offsets in place; total at *total.
__global__ void nonzero_scan_kernel(int64_t* chunk_counts, int64_t nchunks, int64_t* total) {
  __shared__ int64_t smem[kNzScanThreads];
  const int64_t per = (nchunks + kNzScanThreads - 1) / kNzScanThreads;
  const int64_t b = threadIdx.x * per;
  const int64_t e = b + per < nchunks ? b + per : nchunks;
  int64_t sum = 0;
  for (int64_t i = b; i < e; ++i) sum += chunk_counts[i];
  int64_t all;
  int64_t run = block_exclusive_scan(sum, smem, &all);
  for (int64_t i = b; i < e; ++i) {
    const int64_t c = chunk_counts[i];
    chunk_counts[i] = run;
    run += c;
  }
  if (threadIdx.x == 0) *total = all;
}

struct NonzeroShape {
  int nd;
  int64_t sizes[kMaxIndexDims];
};

template <typename T>
__global__ void nonzero_write_kernel(const T* p, int64_t n, const int64_t* chunk_offsets,
                                     NonzeroShape shape, int64_t* out, int64_t s0, int64_t s1) {
  __shared__ int64_t smem[kNzThreads];
  const int64_t begin = static_cast<int64_t>(blockIdx.x) * kNzChunk + threadIdx.x * kNzPerThread;
  int64_t ignored;
  int64_t row = chunk_offsets[blockIdx.x] +
                block_exclusive_scan(thread_count(p, n, begin), smem, &ignored);
  for (int j = 0; j < kNzPerThread; ++j) {
    const int64_t i = begin + j;
    if (i >= n || !is_nonzero(p[i])) continue;
    int64_t rest = i;
    for (int d = shape.nd - 1; d >= 0; --d) {
      out[row * s0 + d * s1] = rest % shape.sizes[d];
      rest /= shape.sizes[d];
    }
    ++row;
  }
}

void nonzero_kernel_cuda(const Tensor& self, Tensor& out) {
  ::ember::cuda::CUDAGuard guard(self.device());
  const Tensor src = self.is_contiguous() ? self : ember::clone(self, MemoryFormat::Contiguous);
  const int64_t n = src.numel();
  const int64_t nd = src.dim();
  EMBER_CHECK(nd <= kMaxIndexDims, "nonzero: CUDA supports at most ", kMaxIndexDims, " dims");
  const int64_t nchunks = std::max<int64_t>(ceil_div(n, kNzChunk), 1);
  const int64_t sizes_buf[1] = {nchunks + 1};
  const Tensor scratch = empty_tensor(IntArrayRef(sizes_buf, 1), ScalarType::Long, self.device());
  int64_t* counts = static_cast<int64_t*>(scratch.data_ptr());
  int64_t* total_dev = counts + nchunks;
  const cudaStream_t stream = current_stream();
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(src.dtype(), "nonzero_cuda", [&] {
    const scalar_t* p = static_cast<const scalar_t*>(src.data_ptr());
    nonzero_count_kernel<scalar_t><<<static_cast<unsigned>(nchunks), kNzThreads, 0, stream>>>(p, n, counts);
    EMBER_CUDA_KERNEL_LAUNCH_CHECK();
    nonzero_scan_kernel<<<1, kNzScanThreads, 0, stream>>>(counts, nchunks, total_dev);
    EMBER_CUDA_KERNEL_LAUNCH_CHECK();
    int64_t total = 0;
    EMBER_CUDA_CHECK(cudaMemcpyAsync(&total, total_dev, sizeof total, cudaMemcpyDeviceToHost, stream));
    EMBER_CUDA_CHECK(cudaStreamSynchronize(stream));
    const int64_t shape[2] = {total, nd};
    if (!out.sizes().equals(IntArrayRef(shape, 2))) out.resize_(IntArrayRef(shape, 2));
    if (total == 0 || nd == 0) return;
    NonzeroShape ns{};
    ns.nd = static_cast<int>(nd);
    for (int64_t d = 0; d < nd; ++d) ns.sizes[d] = src.size(d);
    nonzero_write_kernel<scalar_t><<<static_cast<unsigned>(nchunks), kNzThreads, 0, stream>>>(
        p, n, counts, ns, static_cast<int64_t*>(out.data_ptr()), out.stride(0), out.stride(1));
    EMBER_CUDA_KERNEL_LAUNCH_CHECK();
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(index_stub, CUDA, &index_kernel_cuda);
EMBER_REGISTER_DISPATCH(index_put_stub, CUDA, &index_put_kernel_cuda);
EMBER_REGISTER_DISPATCH(nonzero_stub, CUDA, &nonzero_kernel_cuda);
EMBER_REGISTER_DISPATCH(index_reduce_stub, CUDA, &index_reduce_kernel_cuda);

}  // namespace ember::native::cuda
