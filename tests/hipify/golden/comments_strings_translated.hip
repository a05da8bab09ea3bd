// hipMalloc in a comment stays by default.
#include <hip/hip_runtime.h>
void f(void** p) {
  /* hipFree(p) */
  const char* msg = "hipMalloc failed";
  const char* raw = R"x(hipFree "quoted" )x";
  char c = 'c';
  int big = 1'000'000;
  hipMalloc(p, big);  // hipMalloc again
}
