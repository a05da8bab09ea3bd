// Cooperative groups.
#include <cooperative_groups.h>
#include <cuda_runtime.h>

namespace cg = cooperative_groups;

__global__ void tiles(int* out) {
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);
  int v = tile.thread_rank();
  for (int i = tile.size() / 2; i > 0; i /= 2) v += tile.shfl_down(v, i);
  block.sync();
  if (block.thread_rank() == 0) out[blockIdx.x] = v;
}
