#pragma once
// Turning CUDA runtime and cuBLAS status codes into ember errors.
//
// Every call into the CUDA runtime goes through EMBER_CUDA_CHECK: a failure becomes an
// ember::Error (RuntimeError in Python) naming the call's error string and where it
// happened, never an abort. After a failed call the runtime's "last error" is cleared
// (cudaGetLastError) so that one bad launch is not reported again by the next,
// unrelated check. Sticky errors (an illegal address inside a kernel) poison the
// context for good; they are reported like any other and every later call fails too,
// as in PyTorch.
#include <cuda_runtime.h>

#include <ember/core/Error.h>

namespace ember::cuda {

[[noreturn]] inline void throw_cuda_error(cudaError_t err, const char* expr, const char* file,
                                          int line) {
  (void)cudaGetLastError();  // clear the non-sticky error state
  if (err == cudaErrorMemoryAllocation) {
    throw Error(str("CUDA error: out of memory (", expr, " at ", file, ":", line, ")"));
  }
  throw Error(str("CUDA error: ", cudaGetErrorString(err), " (", cudaGetErrorName(err), " from ",
                  expr, " at ", file, ":", line, ")"));
}

}  // namespace ember::cuda

#define EMBER_CUDA_CHECK(EXPR)                                                 \
  do {                                                                         \
    const cudaError_t _ember_err = (EXPR);                                     \
    if (EMBER_UNLIKELY(_ember_err != cudaSuccess)) {                           \
      ::ember::cuda::throw_cuda_error(_ember_err, #EXPR, __FILE__, __LINE__);  \
    }                                                                          \
  } while (0)

// After every kernel launch: a bad launch configuration (too many threads, too much
// shared memory) is only reported through cudaGetLastError.
#define EMBER_CUDA_KERNEL_LAUNCH_CHECK() EMBER_CUDA_CHECK(cudaGetLastError())

// For destructors and deleters, which must not throw: report nothing, but clear the
// error so that it does not surface at an unrelated later check.
#define EMBER_CUDA_IGNORE_ERROR(EXPR)   \
  do {                                  \
    if ((EXPR) != cudaSuccess) {        \
      (void)cudaGetLastError();         \
    }                                   \
  } while (0)
