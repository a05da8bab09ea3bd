// Libraries: cuBLAS, cuRAND, cuSPARSE, cuFFT, cuSOLVER, CUB, NCCL; Thrust stays Thrust.
#include <cublas_v2.h>
#include <curand.h>
#include <curand_kernel.h>
#include <cusparse.h>
#include <cufft.h>
#include <cusolverDn.h>
#include <cub/cub.cuh>
#include <nccl.h>
#include <thrust/device_vector.h>

__global__ void init_rng(curandState* states, unsigned long long seed) {
  int i = threadIdx.x;
  curand_init(seed, i, 0, &states[i]);
  float u = curand_uniform(&states[i]);
  (void)u;
}

void host(float* a, float* b, float* c, int n, cudaStream_t s) {
  cublasHandle_t blas;
  cublasCreate(&blas);
  cublasSetStream(blas, s);
  const float one = 1.0f, zero = 0.0f;
  cublasSgemm(blas, CUBLAS_OP_N, CUBLAS_OP_T, n, n, n, &one, a, n, b, n, &zero, c, n);
  cublasDestroy(blas);

  curandGenerator_t gen;
  curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_DEFAULT);
  curandGenerateUniform(gen, a, n);

  cusparseHandle_t sp;
  cusparseCreate(&sp);
  cusparseDestroy(sp);

  cufftHandle plan;
  cufftPlan1d(&plan, n, CUFFT_C2C, 1);
  cufftDestroy(plan);

  cusolverDnHandle_t solver;
  cusolverDnCreate(&solver);
  cusolverDnDestroy(solver);

  size_t bytes = 0;
  cub::DeviceReduce::Sum(nullptr, bytes, a, b, n, s);

  ncclComm_t comm;
  ncclAllReduce(a, b, n, ncclFloat, ncclSum, comm, s);

  thrust::device_vector<float> v(n);
}
