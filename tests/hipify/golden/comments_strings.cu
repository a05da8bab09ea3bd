// cudaMalloc in a comment stays by default.
#include <cuda_runtime.h>
void f(void** p) {
  /* cudaFree(p) */
  const char* msg = "cudaMalloc failed";
  const char* raw = R"x(cudaFree "quoted" )x";
  char c = 'c';
  int big = 1'000'000;
  cudaMalloc(p, big);  // cudaMalloc again
}
