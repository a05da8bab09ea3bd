// Monte Carlo estimate of pi: host-API generator for one pass, device-API states for another.
#include <cstdio>
#include <cuda_runtime.h>
#include <curand.h>
#include <curand_kernel.h>

#define CURAND_CALL(x) do { if ((x) != CURAND_STATUS_SUCCESS) { \
    printf("cuRAND error at %s:%d\n", __FILE__, __LINE__); return EXIT_FAILURE; } } while (0)

__global__ void setupStates(curandState* states, unsigned long long seed) {
    int id = blockIdx.x * blockDim.x + threadIdx.x;
    curand_init(seed, id, 0, &states[id]);
}

__global__ void countInside(curandState* states, unsigned int* hits, int perThread) {
    int id = blockIdx.x * blockDim.x + threadIdx.x;
    curandState local = states[id];
    unsigned int inside = 0;
    for (int i = 0; i < perThread; ++i) {
        float x = curand_uniform(&local);
        float y = curand_uniform(&local);
        if (x * x + y * y <= 1.0f) ++inside;
    }
    states[id] = local;
    atomicAdd(hits, inside);
}

__global__ void philoxNormals(unsigned long long seed, float4* out, int n) {
    int id = blockIdx.x * blockDim.x + threadIdx.x;
    curandStatePhilox4_32_10_t st;
    curand_init(seed, id, 0, &st);
    if (id < n) out[id] = curand_normal4(&st);
    unsigned int bits = curand(&st);
    double d = curand_uniform_double(&st) + curand_log_normal(&st, 0.0f, 1.0f) + bits * 0.0;
    (void)d;
}

int main() {
    const size_t n = 1 << 20;
    float* d_rand;
    cudaMalloc(&d_rand, 2 * n * sizeof(float));
    curandGenerator_t gen;
    CURAND_CALL(curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_DEFAULT));
    CURAND_CALL(curandSetPseudoRandomGeneratorSeed(gen, 1234ULL));
    CURAND_CALL(curandGenerateUniform(gen, d_rand, 2 * n));
    CURAND_CALL(curandGenerateNormal(gen, d_rand, n, 0.0f, 1.0f));
    CURAND_CALL(curandDestroyGenerator(gen));

    curandGenerator_t qrng;
    CURAND_CALL(curandCreateGenerator(&qrng, CURAND_RNG_QUASI_SOBOL32));
    CURAND_CALL(curandSetQuasiRandomGeneratorDimensions(qrng, 2));
    CURAND_CALL(curandGenerateUniform(qrng, d_rand, 2 * n));
    CURAND_CALL(curandDestroyGenerator(qrng));

    const int blocks = 64, threads = 256;
    curandState* states;
    unsigned int* hits;
    cudaMalloc(&states, blocks * threads * sizeof(curandState));
    cudaMalloc(&hits, sizeof(unsigned int));
    cudaMemset(hits, 0, sizeof(unsigned int));
    setupStates<<<blocks, threads>>>(states, 42);
    countInside<<<blocks, threads>>>(states, hits, 1000);
    float4* normals;
    cudaMalloc(&normals, blocks * threads * sizeof(float4));
    philoxNormals<<<blocks, threads>>>(7, normals, blocks * threads);
    unsigned int h = 0;
    cudaMemcpy(&h, hits, sizeof(h), cudaMemcpyDeviceToHost);
    printf("pi ~ %f\n", 4.0 * h / (blocks * threads * 1000.0));
    cudaFree(d_rand); cudaFree(states); cudaFree(hits); cudaFree(normals);
    return 0;
}
