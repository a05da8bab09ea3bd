// Cooperative groups: block handles, dynamic tiles and group sync.
#include <cooperative_groups.h>
#include <cuda_runtime.h>

namespace cg = cooperative_groups;

__global__ void tile_sums(const int* in, int* out) {
  cg::thread_block block = cg::this_thread_block();
  __shared__ int buf[256];
  buf[block.thread_rank()] = in[blockIdx.x * blockDim.x + block.thread_rank()];
  block.sync();
  cg::thread_group tile = cg::tiled_partition(block, 32);
  if (tile.thread_rank() == 0) {
    int s = 0;
    unsigned base = block.thread_rank();
    for (unsigned j = 0; j < tile.size(); ++j) s += buf[base + j];
    out[blockIdx.x * (blockDim.x / 32) + base / 32] = s;
  }
  cg::sync(block);
}
