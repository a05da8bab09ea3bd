#pragma once
// Intra-op parallelism for CPU kernels: OpenMP when ember is built with it
// (EMBER_USE_OPENMP), a plain serial loop otherwise. One thread pool, sized by
// set_num_threads (ember.set_num_threads in Python), as in PyTorch.
#include <cstdint>
#include <exception>

#if EMBER_USE_OPENMP
#include <omp.h>
#endif

#include <ember/core/Macros.h>

namespace ember {

EMBER_API int get_num_threads();
// n >= 1; raises ValueError otherwise.
EMBER_API void set_num_threads(int n);
// True inside a parallel region (nested parallel_for calls then run serially).
EMBER_API bool in_parallel_region();

// Calls f(begin_i, end_i) on disjoint chunks covering [begin, end). Chunks hold at least
// grain_size elements, so a range below the grain size runs on the calling thread
// without touching the thread pool. An exception thrown by f on any thread is rethrown
// on the caller (the first one wins).
template <typename F>
void parallel_for(int64_t begin, int64_t end, int64_t grain_size, const F& f) {
  const int64_t n = end - begin;
  if (n <= 0) return;
#if EMBER_USE_OPENMP
  if (grain_size < 1) grain_size = 1;
  int64_t max_chunks = (n + grain_size - 1) / grain_size;
  const int nthreads = get_num_threads();
  if (max_chunks > nthreads) max_chunks = nthreads;
  if (max_chunks > 1 && !in_parallel_region()) {
    std::exception_ptr error;
#pragma omp parallel num_threads(static_cast<int>(max_chunks))
    {
      const int64_t nt = omp_get_num_threads();
      const int64_t tid = omp_get_thread_num();
      const int64_t chunk = (n + nt - 1) / nt;
      const int64_t b = begin + tid * chunk;
      const int64_t e = b + chunk < end ? b + chunk : end;
      if (b < e) {
        try {
          f(b, e);
        } catch (...) {
#pragma omp critical(ember_parallel_for_error)
          if (!error) error = std::current_exception();
        }
      }
    }
    if (error) std::rethrow_exception(error);
    return;
  }
#else
  (void)grain_size;
#endif
  f(begin, end);
}

}  // namespace ember
