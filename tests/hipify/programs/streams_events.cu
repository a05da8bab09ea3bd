// Streams and events: overlapping copies and kernels, timing with events.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void add_one(int* x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] += 1;
}

int main() {
  const int n = 1 << 20, chunks = 4, chunk = n / chunks;
  int* host;
  int* dev;
  cudaHostAlloc(reinterpret_cast<void**>(&host), n * sizeof(int), cudaHostAllocDefault);
  cudaMalloc(&dev, n * sizeof(int));
  cudaStream_t streams[chunks];
  for (auto& s : streams) cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
  cudaEvent_t start, stop;
  cudaEventCreate(&start);
  cudaEventCreateWithFlags(&stop, cudaEventBlockingSync);
  cudaEventRecord(start, streams[0]);
  for (int c = 0; c < chunks; ++c) {
    int* d = dev + c * chunk;
    cudaMemcpyAsync(d, host + c * chunk, chunk * sizeof(int), cudaMemcpyHostToDevice, streams[c]);
    add_one<<<chunk / 256, 256, 0, streams[c]>>>(d, chunk);
    cudaMemcpyAsync(host + c * chunk, d, chunk * sizeof(int), cudaMemcpyDeviceToHost, streams[c]);
  }
  cudaEvent_t done;
  cudaEventCreateWithFlags(&done, cudaEventDisableTiming);
  cudaEventRecord(done, streams[chunks - 1]);
  cudaStreamWaitEvent(streams[0], done, 0);
  cudaEventRecord(stop, streams[0]);
  cudaEventSynchronize(stop);
  float ms = 0.0f;
  cudaEventElapsedTime(&ms, start, stop);
  if (cudaStreamQuery(streams[0]) == cudaErrorNotReady) cudaStreamSynchronize(streams[0]);
  std::printf("%.3f ms\n", ms);
  for (auto& s : streams) cudaStreamDestroy(s);
  cudaEventDestroy(start);
  cudaEventDestroy(stop);
  cudaEventDestroy(done);
  cudaFree(dev);
  cudaFreeHost(host);
  return 0;
}
