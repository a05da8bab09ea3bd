// Monte Carlo estimate of pi: host-API generator for one pass, device-API states for another.
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hiprand/hiprand.h>
#include <hiprand/hiprand_kernel.h>

#define CURAND_CALL(x) do { if ((x) != HIPRAND_STATUS_SUCCESS) { \
    printf("cuRAND error at %s:%d\n", __FILE__, __LINE__); return EXIT_FAILURE; } } while (0)

__global__ void setupStates(hiprandState* states, unsigned long long seed) {
    int id = blockIdx.x * blockDim.x + threadIdx.x;
    hiprand_init(seed, id, 0, &states[id]);
}

__global__ void countInside(hiprandState* states, unsigned int* hits, int perThread) {
    int id = blockIdx.x * blockDim.x + threadIdx.x;
    hiprandState local = states[id];
    unsigned int inside = 0;
    for (int i = 0; i < perThread; ++i) {
        float x = hiprand_uniform(&local);
        float y = hiprand_uniform(&local);
        if (x * x + y * y <= 1.0f) ++inside;
    }
    states[id] = local;
    atomicAdd(hits, inside);
}

__global__ void philoxNormals(unsigned long long seed, float4* out, int n) {
    int id = blockIdx.x * blockDim.x + threadIdx.x;
    hiprandStatePhilox4_32_10_t st;
    hiprand_init(seed, id, 0, &st);
    if (id < n) out[id] = hiprand_normal4(&st);
    unsigned int bits = hiprand(&st);
    double d = hiprand_uniform_double(&st) + hiprand_log_normal(&st, 0.0f, 1.0f) + bits * 0.0;
    (void)d;
}

int main() {
    const size_t n = 1 << 20;
    float* d_rand;
    hipMalloc(&d_rand, 2 * n * sizeof(float));
    hiprandGenerator_t gen;
    CURAND_CALL(hiprandCreateGenerator(&gen, HIPRAND_RNG_PSEUDO_DEFAULT));
    CURAND_CALL(hiprandSetPseudoRandomGeneratorSeed(gen, 1234ULL));
    CURAND_CALL(hiprandGenerateUniform(gen, d_rand, 2 * n));
    CURAND_CALL(hiprandGenerateNormal(gen, d_rand, n, 0.0f, 1.0f));
    CURAND_CALL(hiprandDestroyGenerator(gen));

    hiprandGenerator_t qrng;
    CURAND_CALL(hiprandCreateGenerator(&qrng, HIPRAND_RNG_QUASI_SOBOL32));
    CURAND_CALL(hiprandSetQuasiRandomGeneratorDimensions(qrng, 2));
    CURAND_CALL(hiprandGenerateUniform(qrng, d_rand, 2 * n));
    CURAND_CALL(hiprandDestroyGenerator(qrng));

    const int blocks = 64, threads = 256;
    hiprandState* states;
    unsigned int* hits;
    hipMalloc(&states, blocks * threads * sizeof(hiprandState));
    hipMalloc(&hits, sizeof(unsigned int));
    hipMemset(hits, 0, sizeof(unsigned int));
    setupStates<<<blocks, threads>>>(states, 42);
    countInside<<<blocks, threads>>>(states, hits, 1000);
    float4* normals;
    hipMalloc(&normals, blocks * threads * sizeof(float4));
    philoxNormals<<<blocks, threads>>>(7, normals, blocks * threads);
    unsigned int h = 0;
    hipMemcpy(&h, hits, sizeof(h), hipMemcpyDeviceToHost);
    printf("pi ~ %f\n", 4.0 * h / (blocks * threads * 1000.0));
    hipFree(d_rand); hipFree(states); hipFree(hits); hipFree(normals);
    return 0;
}
