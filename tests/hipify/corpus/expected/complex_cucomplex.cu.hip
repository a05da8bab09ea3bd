// Complex arithmetic with cuComplex.h: a DFT of a short signal.
#include <cstdio>
#include <hip/hip_complex.h>
#include <hip/hip_runtime.h>

__global__ void dft(const hipFloatComplex* in, hipFloatComplex* out, int n) {
    int k = blockIdx.x * blockDim.x + threadIdx.x;
    if (k >= n) return;
    hipFloatComplex acc = make_hipFloatComplex(0.0f, 0.0f);
    for (int t = 0; t < n; ++t) {
        float angle = -2.0f * 3.14159265f * k * t / n;
        hipFloatComplex w = make_hipFloatComplex(cosf(angle), sinf(angle));
        acc = hipCaddf(acc, hipCmulf(in[t], w));
    }
    out[k] = acc;
}

__global__ void magnitude(const hipDoubleComplex* in, double* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = hipCabs(in[i]) + hipCreal(hipConj(in[i])) * 0.0 + hipCimag(in[i]) * 0.0;
}

int main() {
    const int n = 256;
    hipFloatComplex *in, *out;
    hipMalloc(&in, n * sizeof(hipFloatComplex));
    hipMalloc(&out, n * sizeof(hipFloatComplex));
    dft<<<1, n>>>(in, out, n);
    hipFloatComplex h;
    hipMemcpy(&h, out, sizeof(h), hipMemcpyDeviceToHost);
    printf("X[0] = %f + %fi\n", hipCrealf(h), hipCimagf(h));
    hipFree(in); hipFree(out);
    return 0;
}
