#include <ember/cuda/CUDACachingAllocator.h>

#include <cuda_runtime.h>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <set>
#include <vector>

#include <ember/core/Error.h>
#include <ember/cuda/CUDAGuard.h>
#include <ember/cuda/CUDAHooks.h>
#include <ember/cuda/CUDAStream.h>
#include <ember/cuda/Exceptions.h>

// Note [CUDA caching allocator]
// Requests are rounded up to a multiple of 512 bytes and served from *segments*
// obtained with cudaMalloc. A segment is a doubly linked list of blocks (address
// order); a free block sits in one of two pools per device, ordered by
// (stream, size, address):
//   - the small pool serves requests of at most 1 MiB from 2 MiB segments,
//   - the large pool serves the rest: requests under 10 MiB from 20 MiB segments,
//     bigger ones from segments of the request rounded up to 2 MiB.
// A request takes the smallest free block of its pool on its stream that fits
// (best fit) and splits off the remainder when the remainder is worth keeping
// (>= 512 bytes in the small pool, > 1 MiB in the large one), so that one big segment
// serves many tensors. Freeing a block merges it with free neighbours of its segment.
//
// Stream order makes reuse safe without events: a block is freed when its tensor dies
// on the host, after every kernel that used it was *enqueued* on the block's stream;
// handing it to the next request on the same stream orders the new kernels after the
// old ones. Blocks are therefore only reused on the stream they were allocated on.
// (A tensor used on another stream must outlive that use; see Note [ember's CUDA
// streams].)
//
// When cudaMalloc fails, the cache's entirely free segments are returned to the driver
// and the allocation is retried once; if it still fails the error says how much was
// asked for, how much ember holds and how much the device has free.
// empty_cache() returns every entirely free segment. Small and large blocks never
// mix, which keeps many small tensors from pinning big segments.
namespace ember::cuda::CUDACachingAllocator {
namespace {

constexpr size_t kMinBlockSize = 512;
constexpr size_t kSmallSize = size_t(1) << 20;         // largest "small" request
constexpr size_t kSmallBuffer = size_t(2) << 20;       // small-pool segment
constexpr size_t kLargeBuffer = size_t(20) << 20;      // large-pool segment for < 10 MiB
constexpr size_t kMinLargeAlloc = size_t(10) << 20;
constexpr size_t kRoundLarge = size_t(2) << 20;

struct Block;
struct BlockComparator {
  bool operator()(const Block* a, const Block* b) const;
};
using BlockPool = std::set<Block*, BlockComparator>;

struct Block {
  int device;
  cudaStream_t stream;
  size_t size;
  char* ptr;
  BlockPool* pool;
  bool allocated = false;
  Block* prev = nullptr;  // neighbours in the same segment, by address
  Block* next = nullptr;
  Block(int d, cudaStream_t s, size_t sz, char* p, BlockPool* pl)
      : device(d), stream(s), size(sz), ptr(p), pool(pl) {}
  bool is_whole_segment() const { return prev == nullptr && next == nullptr; }
};

bool BlockComparator::operator()(const Block* a, const Block* b) const {
  if (a->stream != b->stream) {
    return reinterpret_cast<uintptr_t>(a->stream) < reinterpret_cast<uintptr_t>(b->stream);
  }
  if (a->size != b->size) return a->size < b->size;
  return reinterpret_cast<uintptr_t>(a->ptr) < reinterpret_cast<uintptr_t>(b->ptr);
}

struct DeviceState {
  BlockPool small;
  BlockPool large;
  DeviceStats stats;
};

std::string format_size(size_t bytes) {
  char buf[64];
  if (bytes < (size_t(1) << 10)) {
    std::snprintf(buf, sizeof buf, "%zu bytes", bytes);
  } else if (bytes < (size_t(1) << 20)) {
    std::snprintf(buf, sizeof buf, "%.2f KiB", bytes / 1024.0);
  } else if (bytes < (size_t(1) << 30)) {
    std::snprintf(buf, sizeof buf, "%.2f MiB", bytes / 1048576.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f GiB", bytes / 1073741824.0);
  }
  return buf;
}

class CachingAllocator final : public Allocator {
 public:
  DataPtr allocate(size_t nbytes) override {
    check_available("CUDA allocation");
    const int device = current_device_index();
    EMBER_CHECK(device >= 0 && device < kMaxDevices, "CUDA device index ", device,
                " out of range");
    const Device where(DeviceType::CUDA, static_cast<int8_t>(device));
    // A zero-byte tensor owns no memory; kernels never touch its data pointer.
    if (nbytes == 0) return DataPtr(nullptr, nullptr, nullptr, where);
    const cudaStream_t stream = getCurrentCUDAStream(device).stream();
    Block* block = malloc_block(device, stream, nbytes);
    return DataPtr(block->ptr, block, &CachingAllocator::deleter, where);
  }

  void empty_cache() override {
    std::lock_guard<std::mutex> g(mutex_);
    for (int d = 0; d < kMaxDevices; ++d) {
      if (devices_[d]) release_cached_blocks(d);
    }
  }

  DeviceStats stats(int device) {
    EMBER_CHECK(device >= 0 && device < kMaxDevices, "CUDA device index ", device,
                " out of range");
    std::lock_guard<std::mutex> g(mutex_);
    return devices_[device] ? devices_[device]->stats : DeviceStats{};
  }

  void reset_peak_stats(int device) {
    EMBER_CHECK(device >= 0 && device < kMaxDevices, "CUDA device index ", device,
                " out of range");
    std::lock_guard<std::mutex> g(mutex_);
    if (!devices_[device]) return;
    DeviceStats& s = devices_[device]->stats;
    s.peak_allocated_bytes = s.allocated_bytes;
    s.peak_reserved_bytes = s.reserved_bytes;
  }

  static CachingAllocator& instance() {
    // Leaked: tensors freed during interpreter shutdown still return their blocks.
    static CachingAllocator* a = new CachingAllocator();
    return *a;
  }

 private:
  static void deleter(void* ctx, void*) { instance().free_block(static_cast<Block*>(ctx)); }

  DeviceState& state(int device) {
    if (!devices_[device]) devices_[device] = new DeviceState();
    return *devices_[device];
  }

  Block* malloc_block(int device, cudaStream_t stream, size_t nbytes) {
    const size_t size = round_size(nbytes);
    std::lock_guard<std::mutex> g(mutex_);
    DeviceState& st = state(device);
    BlockPool& pool = size <= kSmallSize ? st.small : st.large;

    Block key(device, stream, size, nullptr, &pool);
    auto it = pool.lower_bound(&key);
    Block* block = nullptr;
    if (it != pool.end() && (*it)->stream == stream) {
      block = *it;
      pool.erase(it);
      --st.stats.cached_blocks;
    } else {
      const size_t seg = segment_size_for(size);
      char* ptr = static_cast<char*>(cuda_malloc(device, seg, nbytes));
      block = new Block(device, stream, seg, ptr, &pool);
      st.stats.reserved_bytes += seg;
      st.stats.peak_reserved_bytes = std::max(st.stats.peak_reserved_bytes, st.stats.reserved_bytes);
      ++st.stats.num_cuda_mallocs;
    }

    const size_t remaining = block->size - size;
    const bool split = &pool == &st.small ? remaining >= kMinBlockSize : remaining > kSmallSize;
    if (split) {
      Block* rest = new Block(device, stream, remaining, block->ptr + size, &pool);
      rest->prev = block;
      rest->next = block->next;
      if (rest->next) rest->next->prev = rest;
      block->next = rest;
      block->size = size;
      pool.insert(rest);
      ++st.stats.cached_blocks;
    }

    block->allocated = true;
    st.stats.allocated_bytes += block->size;
    st.stats.peak_allocated_bytes = std::max(st.stats.peak_allocated_bytes, st.stats.allocated_bytes);
    ++st.stats.num_allocs;
    ++st.stats.active_blocks;
    return block;
  }

  // cudaMalloc with one retry after releasing the cache. Called with mutex_ held.
  void* cuda_malloc(int device, size_t seg, size_t requested) {
    CUDAGuard guard(device);
    void* ptr = nullptr;
    cudaError_t err = cudaMalloc(&ptr, seg);
    if (err == cudaErrorMemoryAllocation) {
      (void)cudaGetLastError();
      DeviceState& st = state(device);
      ++st.stats.num_alloc_retries;
      release_cached_blocks(device);
      err = cudaMalloc(&ptr, seg);
    }
    if (err == cudaErrorMemoryAllocation) {
      (void)cudaGetLastError();
      DeviceState& st = state(device);
      ++st.stats.num_ooms;
      size_t free_bytes = 0, total_bytes = 0;
      EMBER_CUDA_IGNORE_ERROR(cudaMemGetInfo(&free_bytes, &total_bytes));
      throw Error(str("CUDA out of memory. Tried to allocate ", format_size(requested), " (GPU ",
                      device, "; ", format_size(total_bytes), " total capacity; ",
                      format_size(st.stats.allocated_bytes), " already allocated; ",
                      format_size(free_bytes), " free; ", format_size(st.stats.reserved_bytes),
                      " reserved in total by ember)"));
    }
    EMBER_CUDA_CHECK(err);
    return ptr;
  }

  void free_block(Block* block) {
    std::lock_guard<std::mutex> g(mutex_);
    DeviceState& st = state(block->device);
    block->allocated = false;
    st.stats.allocated_bytes -= block->size;
    --st.stats.active_blocks;
    BlockPool& pool = *block->pool;
    // Merge with free neighbours: the merged block keeps the lower address.
    if (Block* prev = block->prev; prev && !prev->allocated) {
      pool.erase(prev);
      --st.stats.cached_blocks;
      prev->size += block->size;
      prev->next = block->next;
      if (prev->next) prev->next->prev = prev;
      delete block;
      block = prev;
    }
    if (Block* next = block->next; next && !next->allocated) {
      pool.erase(next);
      --st.stats.cached_blocks;
      block->size += next->size;
      block->next = next->next;
      if (block->next) block->next->prev = block;
      delete next;
    }
    pool.insert(block);
    ++st.stats.cached_blocks;
  }

  // Returns every entirely free segment of `device` to the driver. mutex_ held.
  void release_cached_blocks(int device) {
    DeviceState& st = state(device);
    std::vector<Block*> victims;
    for (BlockPool* pool : {&st.small, &st.large}) {
      for (Block* b : *pool) {
        if (b->is_whole_segment()) victims.push_back(b);
      }
    }
    if (victims.empty()) return;
    CUDAGuard guard(device);
    // cudaFree synchronizes too, but be explicit: a segment may be released only after
    // every kernel that used it (on any stream) has finished.
    EMBER_CUDA_CHECK(cudaDeviceSynchronize());
    for (Block* b : victims) {
      b->pool->erase(b);
      --st.stats.cached_blocks;
      EMBER_CUDA_CHECK(cudaFree(b->ptr));
      st.stats.reserved_bytes -= b->size;
      ++st.stats.num_cuda_frees;
      delete b;
    }
  }

  std::mutex mutex_;
  DeviceState* devices_[kMaxDevices] = {};
};

// Installed when ember loads. set_allocator only stores a pointer into a constant-
// initialised table, so the order of static initialisers does not matter.
const bool g_registered = [] {
  set_allocator(DeviceType::CUDA, &CachingAllocator::instance());
  return true;
}();

}  // namespace

size_t round_size(size_t nbytes) {
  if (nbytes < kMinBlockSize) return kMinBlockSize;
  return (nbytes + kMinBlockSize - 1) / kMinBlockSize * kMinBlockSize;
}

size_t segment_size_for(size_t rounded) {
  if (rounded <= kSmallSize) return kSmallBuffer;
  if (rounded < kMinLargeAlloc) return kLargeBuffer;
  return (rounded + kRoundLarge - 1) / kRoundLarge * kRoundLarge;
}

Allocator* get() { return &CachingAllocator::instance(); }
DeviceStats stats(int device) { return CachingAllocator::instance().stats(device); }
void reset_peak_stats(int device) { CachingAllocator::instance().reset_peak_stats(device); }
void empty_cache() { CachingAllocator::instance().empty_cache(); }

}  // namespace ember::cuda::CUDACachingAllocator
