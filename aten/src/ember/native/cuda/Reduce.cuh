#pragma once
// gpu_reduce(out_kd, in, ops): THE reduction scheme of the CUDA backend.
//
// Note [CUDA reduction scheme]
// The device-generic reduction kernels (native/ReduceOps.cpp) hand the loops a keepdim
// view of the result and the input; make_reduce_layout (native/Reduce.h, Note
// [Reduction geometry]) turns them into kept dims (one per output) and reduced dims
// (the elements of one output). One kernel then covers every reduction:
//   - a block owns a tile of outputs; its threads form a 2-d grid in which one axis
//     walks the reduction and the other the outputs. When the reduced dims are the
//     input's innermost ones (`inner`), threadIdx.x walks the reduction, so a warp reads
//     consecutive elements of one output's run; otherwise the outputs are adjacent in
//     memory (kept[0] is the innermost input dim) and threadIdx.x walks the outputs, so
//     a warp reads one row of many outputs. Either way the loads coalesce.
//   - each thread folds its strided share of the reduction into an accumulator, then the
//     threads of one output combine their accumulators in a shared-memory tree (no warp
//     intrinsics: hipify'd code must not assume 32 lanes).
//   - when there are few outputs and long reductions (a full sum), gridDim.y blocks
//     split each output's reduction into chunks and write partial accumulators to a
//     workspace; a second kernel combines each output's partials in a fixed order.
//     Nothing relies on atomics, so results are deterministic run to run.
// An Ops type says what is reduced:
//   acc_t identity(); acc_t reduce(acc_t, scalar_t x, int64_t r /*index in the
//   reduction*/); acc_t combine(acc_t, acc_t); void write(acc_t, void* out0, void* out1,
//   int64_t out_offset).
// combine must be associative and commutative (arg-reductions break ties by index).
#include <algorithm>

#include <ember/native/Reduce.h>
#include <ember/native/cuda/KernelUtils.cuh>

namespace ember::native::cuda {

struct ReduceConfig {
  bool x_reduces = true;          // threadIdx.x walks the reduction (else the outputs)
  int outputs_per_block = 1;
  int splits = 1;                 // gridDim.y: blocks sharing one output's reduction
  int64_t chunk = 0;              // reduction elements per split
};

inline int next_pow2(int64_t n) {
  int p = 1;
  while (p < n && p < (1 << 30)) p <<= 1;
  return p;
}

// Threads of one output combine through shared memory; the block is a power of two
// along the reduction axis.
template <typename scalar_t, typename Ops>
__global__ void reduce_kernel(ReduceLayout L, ReduceConfig cfg, Ops ops, const scalar_t* in,
                              void* out0, void* out1, typename Ops::acc_t* partials) {
  using acc_t = typename Ops::acc_t;
  extern __shared__ __align__(16) unsigned char reduce_smem[];
  acc_t* smem = reinterpret_cast<acc_t*>(reduce_smem);
  const int tr = cfg.x_reduces ? threadIdx.x : threadIdx.y;  // position along the reduction
  const int nr = cfg.x_reduces ? blockDim.x : blockDim.y;    // threads per output
  const int to = cfg.x_reduces ? threadIdx.y : threadIdx.x;  // output slot in the block
  const int64_t o = static_cast<int64_t>(blockIdx.x) * cfg.outputs_per_block + to;

  acc_t acc = ops.identity();
  int64_t in_off = 0, out_off = 0;
  if (o < L.num_outputs) {
    L.output_offsets(o, in_off, out_off);
    const int64_t r0 = static_cast<int64_t>(blockIdx.y) * cfg.chunk;
    const int64_t r1 = r0 + cfg.chunk < L.reduce_numel ? r0 + cfg.chunk : L.reduce_numel;
    const scalar_t* base = in + in_off;
    if (L.n_red == 1) {
      const int64_t s = L.red_in_stride[0];
      for (int64_t r = r0 + tr; r < r1; r += nr) acc = ops.reduce(acc, base[r * s], r);
    } else {
      for (int64_t r = r0 + tr; r < r1; r += nr) acc = ops.reduce(acc, base[L.reduce_offset(r)], r);
    }
  }

  const int lin = threadIdx.y * blockDim.x + threadIdx.x;
  const int partner_step = cfg.x_reduces ? 1 : blockDim.x;
  smem[lin] = acc;
  __syncthreads();
  for (int step = nr / 2; step > 0; step /= 2) {
    if (tr < step) smem[lin] = ops.combine(smem[lin], smem[lin + step * partner_step]);
    __syncthreads();
  }
  if (tr == 0 && o < L.num_outputs) {
    if (gridDim.y == 1) {
      ops.write(smem[lin], out0, out1, out_off);
    } else {
      partials[o * gridDim.y + blockIdx.y] = smem[lin];
    }
  }
}

// The cross-block pass: one thread per output folds its `splits` partials in order.
template <typename Ops>
__global__ void reduce_partials_kernel(ReduceLayout L, int splits, Ops ops,
                                       const typename Ops::acc_t* partials, void* out0,
                                       void* out1) {
  const int64_t o = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (o >= L.num_outputs) return;
  typename Ops::acc_t acc = partials[o * splits];
  for (int g = 1; g < splits; ++g) acc = ops.combine(acc, partials[o * splits + g]);
  int64_t in_off, out_off;
  L.output_offsets(o, in_off, out_off);
  ops.write(acc, out0, out1, out_off);
}

inline ReduceConfig choose_reduce_config(const ReduceLayout& L, int device, dim3& block,
                                         dim3& grid) {
  constexpr int kThreads = 512;
  ReduceConfig cfg;
  cfg.x_reduces = L.inner || L.n_kept == 0;
  int along_reduction;
  if (cfg.x_reduces) {
    const int bx = std::min(kThreads, next_pow2(std::max<int64_t>(L.reduce_numel, 1)));
    const int by = std::min(kThreads / bx, next_pow2(L.num_outputs));
    block = dim3(bx, by);
    cfg.outputs_per_block = by;
    along_reduction = bx;
  } else {
    const int bx = std::min(32, next_pow2(L.num_outputs));
    const int by = std::min(kThreads / bx, next_pow2(std::max<int64_t>(L.reduce_numel, 1)));
    block = dim3(bx, by);
    cfg.outputs_per_block = bx;
    along_reduction = by;
  }
  const int64_t blocks_x = ceil_div(L.num_outputs, cfg.outputs_per_block);
  const int64_t per_thread = ceil_div(L.reduce_numel, along_reduction);
  // Few blocks with long runs: split the reduction so every multiprocessor has work,
  // keeping at least ~16 elements per thread per split.
  const int64_t target_blocks = 4 * static_cast<int64_t>(multiprocessor_count(device));
  int64_t splits = 1;
  if (blocks_x < target_blocks && per_thread > 32) {
    splits = std::min<int64_t>(ceil_div(target_blocks, blocks_x), ceil_div(per_thread, 16));
    splits = std::min<int64_t>(splits, 65535);
  }
  cfg.chunk = std::max<int64_t>(ceil_div(L.reduce_numel, splits), 1);
  cfg.splits = static_cast<int>(std::max<int64_t>(ceil_div(L.reduce_numel, cfg.chunk), 1));
  grid = dim3(static_cast<unsigned>(blocks_x), static_cast<unsigned>(cfg.splits));
  return cfg;
}

// Reduces `in` (device memory, layout L) with `ops`, writing through out0/out1 at the
// output offsets of L. `device` is the tensors' device; a guard must be active.
template <typename scalar_t, typename Ops>
void gpu_reduce(const ReduceLayout& L, const Ops& ops, const scalar_t* in, void* out0, void* out1,
                int device) {
  using acc_t = typename Ops::acc_t;
  if (L.num_outputs == 0) return;
  EMBER_CHECK(L.num_outputs <= static_cast<int64_t>(0x7fffffff) * 32,
              "CUDA reduction: too many outputs (", L.num_outputs, ")");
  dim3 block, grid;
  const ReduceConfig cfg = choose_reduce_config(L, device, block, grid);
  const cudaStream_t stream = current_stream();
  const size_t smem = static_cast<size_t>(block.x) * block.y * sizeof(acc_t);
  Tensor workspace;
  acc_t* partials = nullptr;
  if (cfg.splits > 1) {
    // Freed when this function returns; the caching allocator only hands the block to
    // later work on the same stream, which runs after these kernels (Note [CUDA caching
    // allocator]).
    const int64_t bytes[1] = {L.num_outputs * cfg.splits * static_cast<int64_t>(sizeof(acc_t))};
    workspace = empty_tensor(IntArrayRef(bytes, 1), ScalarType::Byte,
                             Device(DeviceType::CUDA, static_cast<int8_t>(device)));
    partials = static_cast<acc_t*>(workspace.data_ptr());
  }
  reduce_kernel<scalar_t, Ops><<<grid, block, smem, stream>>>(L, cfg, ops, in, out0, out1, partials);
  EMBER_CUDA_KERNEL_LAUNCH_CHECK();
  if (cfg.splits > 1) {
    const int64_t blocks = ceil_div(L.num_outputs, kBlockThreads);
    reduce_partials_kernel<Ops><<<static_cast<unsigned>(blocks), kBlockThreads, 0, stream>>>(
        L, cfg.splits, ops, partials, out0, out1);
    EMBER_CUDA_KERNEL_LAUNCH_CHECK();
  }
}

// Block-wide reduction of one value per thread over a 1-d block whose size is a power
// of two; `smem` holds blockDim.x values. Every thread gets the result.
template <typename T, typename Combine>
EMBER_DEVICE inline T block_reduce(T v, T* smem, const Combine& combine) {
  smem[threadIdx.x] = v;
  __syncthreads();
  for (int step = blockDim.x / 2; step > 0; step /= 2) {
    if (threadIdx.x < step) smem[threadIdx.x] = combine(smem[threadIdx.x], smem[threadIdx.x + step]);
    __syncthreads();
  }
  const T r = smem[0];
  __syncthreads();  // smem may be reused by the caller's next block_reduce
  return r;
}

}  // namespace ember::native::cuda
