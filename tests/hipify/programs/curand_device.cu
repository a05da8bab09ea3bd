// cuRAND device API: per-thread states, uniform and normal draws.
#include <cuda_runtime.h>
#include <curand_kernel.h>

__global__ void setup(curandState* states, unsigned long long seed) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curand_init(seed, id, 0, &states[id]);
}

__global__ void draw(curandState* states, float* out, int per_thread) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curandState local = states[id];
  float acc = 0.0f;
  for (int k = 0; k < per_thread; ++k) acc += curand_uniform(&local) + curand_normal(&local);
  unsigned int bits = curand(&local);
  out[id] = acc + static_cast<float>(bits & 1u);
  states[id] = local;
}

void run(float* out, int blocks, int threads) {
  curandState* states;
  cudaMalloc(&states, blocks * threads * sizeof(curandState));
  setup<<<blocks, threads>>>(states, 42ULL);
  draw<<<blocks, threads>>>(states, out, 16);
  cudaFree(states);
}
