// FFT-based circular convolution: forward R2C, pointwise multiply, inverse C2R.
#include <cstdio>
#include <cuda_runtime.h>
#include <cufft.h>

#define CUFFT_CHECK(x) do { cufftResult r = (x); if (r != CUFFT_SUCCESS) { \
    fprintf(stderr, "cuFFT error %d at line %d\n", (int)r, __LINE__); return 1; } } while (0)

__global__ void complexMulScale(cufftComplex* a, const cufftComplex* b, int n, float scale) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    cufftComplex x = a[i], y = b[i];
    a[i].x = (x.x * y.x - x.y * y.y) * scale;
    a[i].y = (x.x * y.y + x.y * y.x) * scale;
}

int main() {
    const int n = 4096, nc = n / 2 + 1, batch = 4;
    cufftReal *signal, *kernel;
    cufftComplex *sigF, *kerF;
    cudaMalloc(&signal, sizeof(cufftReal) * n * batch);
    cudaMalloc(&kernel, sizeof(cufftReal) * n * batch);
    cudaMalloc(&sigF, sizeof(cufftComplex) * nc * batch);
    cudaMalloc(&kerF, sizeof(cufftComplex) * nc * batch);

    cufftHandle fwd, inv, c2c;
    CUFFT_CHECK(cufftPlan1d(&fwd, n, CUFFT_R2C, batch));
    CUFFT_CHECK(cufftPlan1d(&inv, n, CUFFT_C2R, batch));
    CUFFT_CHECK(cufftPlan2d(&c2c, 64, 64, CUFFT_C2C));
    cudaStream_t s;
    cudaStreamCreate(&s);
    CUFFT_CHECK(cufftSetStream(fwd, s));
    CUFFT_CHECK(cufftExecR2C(fwd, signal, sigF));
    CUFFT_CHECK(cufftExecR2C(fwd, kernel, kerF));
    complexMulScale<<<(nc * batch + 255) / 256, 256, 0, s>>>(sigF, kerF, nc * batch, 1.0f / n);
    CUFFT_CHECK(cufftExecC2R(inv, sigF, signal));
    CUFFT_CHECK(cufftExecC2C(c2c, sigF, sigF, CUFFT_FORWARD));
    CUFFT_CHECK(cufftExecC2C(c2c, sigF, sigF, CUFFT_INVERSE));

    cufftHandle many;
    int dims[1] = {n};
    size_t work = 0;
    CUFFT_CHECK(cufftCreate(&many));
    CUFFT_CHECK(cufftMakePlanMany(many, 1, dims, nullptr, 1, n, nullptr, 1, nc, CUFFT_R2C, batch, &work));
    int version = 0;
    cufftGetVersion(&version);
    cudaStreamSynchronize(s);
    printf("cuFFT %d, workspace %zu\n", version, work);
    cufftDestroy(many);
    cufftDestroy(fwd);
    cufftDestroy(inv);
    cufftDestroy(c2c);
    cudaFree(signal); cudaFree(kernel); cudaFree(sigF); cudaFree(kerF);
    return 0;
}
