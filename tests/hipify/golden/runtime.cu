// Runtime API: memory, streams, events, errors, device properties.
#include <cstdio>
#include <cuda_runtime.h>

#define CHECK(call)                                                        \
  do {                                                                     \
    cudaError_t err = (call);                                              \
    if (err != cudaSuccess) printf("%s\n", cudaGetErrorString(err));       \
  } while (0)

__constant__ float table[16];

int main() {
  float *d = nullptr, h[16] = {};
  cudaStream_t stream;
  cudaEvent_t start, stop;
  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, 0));
  CHECK(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));
  CHECK(cudaMalloc(&d, sizeof(h)));
  CHECK(cudaEventRecord(start, stream));
  CHECK(cudaMemcpyAsync(d, h, sizeof(h), cudaMemcpyHostToDevice, stream));
  CHECK(cudaMemsetAsync(d, 0, sizeof(h), stream));
  CHECK(cudaMemcpyToSymbol(table, h, sizeof(h)));
  CHECK(cudaMemcpyFromSymbolAsync(h, table, sizeof(h), 0, cudaMemcpyDeviceToHost, stream));
  CHECK(cudaEventRecord(stop, stream));
  CHECK(cudaEventSynchronize(stop));
  float ms = 0;
  CHECK(cudaEventElapsedTime(&ms, start, stop));
  CHECK(cudaStreamSynchronize(stream));
  CHECK(cudaFree(d));
  CHECK(cudaMallocHost((void**)&d, 64));
  CHECK(cudaFreeHost(d));
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  return 0;
}
