// Complex arithmetic with cuComplex.h: a DFT of a short signal.
#include <cstdio>
#include <cuComplex.h>
#include <cuda_runtime.h>

__global__ void dft(const cuFloatComplex* in, cuFloatComplex* out, int n) {
    int k = blockIdx.x * blockDim.x + threadIdx.x;
    if (k >= n) return;
    cuFloatComplex acc = make_cuFloatComplex(0.0f, 0.0f);
    for (int t = 0; t < n; ++t) {
        float angle = -2.0f * 3.14159265f * k * t / n;
        cuFloatComplex w = make_cuFloatComplex(cosf(angle), sinf(angle));
        acc = cuCaddf(acc, cuCmulf(in[t], w));
    }
    out[k] = acc;
}

__global__ void magnitude(const cuDoubleComplex* in, double* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = cuCabs(in[i]) + cuCreal(cuConj(in[i])) * 0.0 + cuCimag(in[i]) * 0.0;
}

int main() {
    const int n = 256;
    cuFloatComplex *in, *out;
    cudaMalloc(&in, n * sizeof(cuFloatComplex));
    cudaMalloc(&out, n * sizeof(cuFloatComplex));
    dft<<<1, n>>>(in, out, n);
    cuFloatComplex h;
    cudaMemcpy(&h, out, sizeof(h), cudaMemcpyDeviceToHost);
    printf("X[0] = %f + %fi\n", cuCrealf(h), cuCimagf(h));
    cudaFree(in); cudaFree(out);
    return 0;
}
