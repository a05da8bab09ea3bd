// Runtime API: device properties, attributes, allocation, copies and error handling.
#include <cstdio>
#include <cuda_runtime.h>

#define CHECK(expr)                                                              \
  do {                                                                           \
    cudaError_t err_ = (expr);                                                   \
    if (err_ != cudaSuccess) {                                                   \
      std::fprintf(stderr, "%s failed: %s\n", #expr, cudaGetErrorString(err_)); \
      return 1;                                                                  \
    }                                                                            \
  } while (0)

__global__ void scale(float* x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= a;
}

int main() {
  int count = 0;
  CHECK(cudaGetDeviceCount(&count));
  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, 0));
  int sms = 0;
  CHECK(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, 0));
  std::printf("%s: %d SMs, %zu bytes shared/block\n", prop.name, sms, prop.sharedMemPerBlock);

  const int n = 1 << 16;
  float* host = nullptr;
  CHECK(cudaMallocHost(&host, n * sizeof(float)));
  for (int i = 0; i < n; ++i) host[i] = 1.0f;
  float* dev = nullptr;
  CHECK(cudaMalloc(&dev, n * sizeof(float)));
  CHECK(cudaMemcpy(dev, host, n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemset(dev, 0, sizeof(float)));
  scale<<<(n + 255) / 256, 256>>>(dev, 2.0f, n);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  CHECK(cudaMemcpy(host, dev, n * sizeof(float), cudaMemcpyDeviceToHost));
  cudaError_t bad = cudaFree(reinterpret_cast<void*>(0x1));
  if (bad == cudaErrorInvalidValue || bad == cudaErrorInvalidDevicePointer) (void)cudaGetLastError();
  CHECK(cudaFree(dev));
  CHECK(cudaFreeHost(host));
  return host == nullptr;
}
