#include <ember/native/Parallel.h>

#include <ember/core/Error.h>

namespace ember {

int get_num_threads() {
#if EMBER_USE_OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}

void set_num_threads(int n) {
  EMBER_CHECK_VALUE(n > 0, "set_num_threads expects a positive integer, but got ", n);
#if EMBER_USE_OPENMP
  omp_set_num_threads(n);
#endif
}

bool in_parallel_region() {
#if EMBER_USE_OPENMP
  return omp_in_parallel();
#else
  return false;
#endif
}

}  // namespace ember
