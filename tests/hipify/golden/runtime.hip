// Runtime API: memory, streams, events, errors, device properties.
#include <cstdio>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                        \
  do {                                                                     \
    hipError_t err = (call);                                              \
    if (err != hipSuccess) printf("%s\n", hipGetErrorString(err));       \
  } while (0)

__constant__ float table[16];

int main() {
  float *d = nullptr, h[16] = {};
  hipStream_t stream;
  hipEvent_t start, stop;
  hipDeviceProp_t prop;
  CHECK(hipGetDeviceProperties(&prop, 0));
  CHECK(hipStreamCreateWithFlags(&stream, hipStreamNonBlocking));
  CHECK(hipEventCreate(&start));
  CHECK(hipEventCreate(&stop));
  CHECK(hipMalloc(&d, sizeof(h)));
  CHECK(hipEventRecord(start, stream));
  CHECK(hipMemcpyAsync(d, h, sizeof(h), hipMemcpyHostToDevice, stream));
  CHECK(hipMemsetAsync(d, 0, sizeof(h), stream));
  CHECK(hipMemcpyToSymbol(HIP_SYMBOL(table), h, sizeof(h)));
  CHECK(hipMemcpyFromSymbolAsync(h, HIP_SYMBOL(table), sizeof(h), 0, hipMemcpyDeviceToHost, stream));
  CHECK(hipEventRecord(stop, stream));
  CHECK(hipEventSynchronize(stop));
  float ms = 0;
  CHECK(hipEventElapsedTime(&ms, start, stop));
  CHECK(hipStreamSynchronize(stream));
  CHECK(hipFree(d));
  CHECK(hipHostMalloc((void**)&d, 64));
  CHECK(hipHostFree(d));
  CHECK(hipGetLastError());
  CHECK(hipDeviceSynchronize());
  return 0;
}
