// Libraries: cuBLAS, cuRAND, cuSPARSE, cuFFT, cuSOLVER, CUB, NCCL; Thrust stays Thrust.
#include <hip/hip_runtime.h>
#include <hipblas/hipblas.h>
#include <hiprand/hiprand.h>
#include <hiprand/hiprand_kernel.h>
#include <hipsparse/hipsparse.h>
#include <hipfft/hipfft.h>
#include <hipsolver/hipsolver.h>
#include <hipcub/hipcub.hpp>
#include <rccl/rccl.h>
#include <thrust/device_vector.h>

__global__ void init_rng(hiprandState* states, unsigned long long seed) {
  int i = threadIdx.x;
  hiprand_init(seed, i, 0, &states[i]);
  float u = hiprand_uniform(&states[i]);
  (void)u;
}

void host(float* a, float* b, float* c, int n, hipStream_t s) {
  hipblasHandle_t blas;
  hipblasCreate(&blas);
  hipblasSetStream(blas, s);
  const float one = 1.0f, zero = 0.0f;
  hipblasSgemm(blas, HIPBLAS_OP_N, HIPBLAS_OP_T, n, n, n, &one, a, n, b, n, &zero, c, n);
  hipblasDestroy(blas);

  hiprandGenerator_t gen;
  hiprandCreateGenerator(&gen, HIPRAND_RNG_PSEUDO_DEFAULT);
  hiprandGenerateUniform(gen, a, n);

  hipsparseHandle_t sp;
  hipsparseCreate(&sp);
  hipsparseDestroy(sp);

  hipfftHandle plan;
  hipfftPlan1d(&plan, n, HIPFFT_C2C, 1);
  hipfftDestroy(plan);

  hipsolverHandle_t solver;
  hipsolverDnCreate(&solver);
  hipsolverDnDestroy(solver);

  size_t bytes = 0;
  hipcub::DeviceReduce::Sum(nullptr, bytes, a, b, n, s);

  ncclComm_t comm;
  ncclAllReduce(a, b, n, ncclFloat, ncclSum, comm, s);

  thrust::device_vector<float> v(n);
}
