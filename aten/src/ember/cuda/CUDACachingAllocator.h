#pragma once
// The CUDA caching allocator (see Note [CUDA caching allocator] in the .cpp).
//
// cudaMalloc and cudaFree are slow (cudaFree synchronizes the device), so freed tensor
// memory is kept and handed out again. Registered as the Allocator for
// DeviceType::CUDA when ember loads; Python reaches the stats through ember.cuda.
#include <cstddef>
#include <cstdint>

#include <ember/core/Allocator.h>
#include <ember/core/Macros.h>

namespace ember::cuda::CUDACachingAllocator {

struct DeviceStats {
  size_t allocated_bytes = 0;       // bytes in blocks handed out (rounded sizes)
  size_t reserved_bytes = 0;        // bytes obtained from cudaMalloc and not yet released
  size_t peak_allocated_bytes = 0;  // maxima since the start or reset_peak_stats
  size_t peak_reserved_bytes = 0;
  int64_t num_allocs = 0;        // allocate() calls served (cache hits included)
  int64_t num_cuda_mallocs = 0;  // segments obtained from cudaMalloc
  int64_t num_cuda_frees = 0;    // segments returned by empty_cache / OOM recovery
  int64_t num_alloc_retries = 0; // cudaMalloc failures retried after freeing the cache
  int64_t num_ooms = 0;          // allocations that failed for good
  int64_t active_blocks = 0;     // blocks currently handed out
  int64_t cached_blocks = 0;     // free blocks held in the pools
};

// The allocator instance (also installed with set_allocator(DeviceType::CUDA, ...)).
EMBER_API Allocator* get();
// Statistics of one device (index >= 0).
EMBER_API DeviceStats stats(int device);
EMBER_API void reset_peak_stats(int device);
// Returns every cached segment that is entirely free to the driver (all devices).
EMBER_API void empty_cache();

// Size arithmetic, exposed for the tests of the allocator's policy.
EMBER_API size_t round_size(size_t nbytes);
EMBER_API size_t segment_size_for(size_t rounded);

}  // namespace ember::cuda::CUDACachingAllocator
