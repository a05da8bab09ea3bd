// Atomics: histogram with atomicAdd, a max with atomicMax and a float max via atomicCAS.
#include <cuda_runtime.h>

__device__ float atomic_max_float(float* addr, float value) {
  int* as_int = reinterpret_cast<int*>(addr);
  int old = *as_int;
  while (__int_as_float(old) < value) {
    int assumed = old;
    old = atomicCAS(as_int, assumed, __float_as_int(value));
    if (old == assumed) break;
  }
  return __int_as_float(old);
}

__global__ void histogram(const unsigned char* data, int n, unsigned int* bins, int* maxv, float* fmax) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {
    atomicAdd(&bins[data[i]], 1u);
    atomicMax(maxv, static_cast<int>(data[i]));
    atomic_max_float(fmax, static_cast<float>(data[i]) * 0.5f);
  }
  atomicExch(reinterpret_cast<unsigned int*>(maxv) + 1, 7u);
}

int main() {
  unsigned char* data;
  unsigned int* bins;
  int* maxv;
  float* fmax;
  cudaMalloc(&data, 1024);
  cudaMalloc(&bins, 256 * sizeof(unsigned int));
  cudaMalloc(&maxv, 2 * sizeof(int));
  cudaMalloc(&fmax, sizeof(float));
  cudaMemset(bins, 0, 256 * sizeof(unsigned int));
  histogram<<<4, 128>>>(data, 1024, bins, maxv, fmax);
  cudaDeviceSynchronize();
  cudaFree(data);
  cudaFree(bins);
  cudaFree(maxv);
  cudaFree(fmax);
  return 0;
}
