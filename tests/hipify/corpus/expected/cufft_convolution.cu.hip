// FFT-based circular convolution: forward R2C, pointwise multiply, inverse C2R.
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hipfft/hipfft.h>

#define CUFFT_CHECK(x) do { hipfftResult r = (x); if (r != HIPFFT_SUCCESS) { \
    fprintf(stderr, "cuFFT error %d at line %d\n", (int)r, __LINE__); return 1; } } while (0)

__global__ void complexMulScale(hipfftComplex* a, const hipfftComplex* b, int n, float scale) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    hipfftComplex x = a[i], y = b[i];
    a[i].x = (x.x * y.x - x.y * y.y) * scale;
    a[i].y = (x.x * y.y + x.y * y.x) * scale;
}

int main() {
    const int n = 4096, nc = n / 2 + 1, batch = 4;
    hipfftReal *signal, *kernel;
    hipfftComplex *sigF, *kerF;
    hipMalloc(&signal, sizeof(hipfftReal) * n * batch);
    hipMalloc(&kernel, sizeof(hipfftReal) * n * batch);
    hipMalloc(&sigF, sizeof(hipfftComplex) * nc * batch);
    hipMalloc(&kerF, sizeof(hipfftComplex) * nc * batch);

    hipfftHandle fwd, inv, c2c;
    CUFFT_CHECK(hipfftPlan1d(&fwd, n, HIPFFT_R2C, batch));
    CUFFT_CHECK(hipfftPlan1d(&inv, n, HIPFFT_C2R, batch));
    CUFFT_CHECK(hipfftPlan2d(&c2c, 64, 64, HIPFFT_C2C));
    hipStream_t s;
    hipStreamCreate(&s);
    CUFFT_CHECK(hipfftSetStream(fwd, s));
    CUFFT_CHECK(hipfftExecR2C(fwd, signal, sigF));
    CUFFT_CHECK(hipfftExecR2C(fwd, kernel, kerF));
    complexMulScale<<<(nc * batch + 255) / 256, 256, 0, s>>>(sigF, kerF, nc * batch, 1.0f / n);
    CUFFT_CHECK(hipfftExecC2R(inv, sigF, signal));
    CUFFT_CHECK(hipfftExecC2C(c2c, sigF, sigF, HIPFFT_FORWARD));
    CUFFT_CHECK(hipfftExecC2C(c2c, sigF, sigF, HIPFFT_BACKWARD));

    hipfftHandle many;
    int dims[1] = {n};
    size_t work = 0;
    CUFFT_CHECK(hipfftCreate(&many));
    CUFFT_CHECK(hipfftMakePlanMany(many, 1, dims, nullptr, 1, n, nullptr, 1, nc, HIPFFT_R2C, batch, &work));
    int version = 0;
    hipfftGetVersion(&version);
    hipStreamSynchronize(s);
    printf("cuFFT %d, workspace %zu\n", version, work);
    hipfftDestroy(many);
    hipfftDestroy(fwd);
    hipfftDestroy(inv);
    hipfftDestroy(c2c);
    hipFree(signal); hipFree(kernel); hipFree(sigF); hipFree(kerF);
    return 0;
}
