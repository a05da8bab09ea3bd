// cuRAND host API: a generator filling device memory.
#include <cstdio>
#include <cuda_runtime.h>
#include <curand.h>

int main() {
  const size_t n = 4096;
  float* dev;
  double* dev2;
  cudaMalloc(&dev, n * sizeof(float));
  cudaMalloc(&dev2, n * sizeof(double));
  curandGenerator_t gen;
  if (curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_DEFAULT) != CURAND_STATUS_SUCCESS) return 1;
  curandSetPseudoRandomGeneratorSeed(gen, 1234ULL);
  curandGenerateUniform(gen, dev, n);
  curandGenerateNormal(gen, dev, n, 0.0f, 1.0f);
  curandGenerateUniformDouble(gen, dev2, n);
  curandDestroyGenerator(gen);
  cudaFree(dev);
  cudaFree(dev2);
  return 0;
}
