// 1D stencil with the coefficients in constant memory and a shared-memory halo.
#include <cstdio>
#include <cuda_runtime.h>

#define RADIUS 4
#define BLOCK 256

__constant__ float c_coeff[2 * RADIUS + 1];

__global__ void stencil1d(const float* in, float* out, int n) {
    __shared__ float tile[BLOCK + 2 * RADIUS];
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    int l = threadIdx.x + RADIUS;
    tile[l] = g < n ? in[g] : 0.0f;
    if (threadIdx.x < RADIUS) {
        tile[l - RADIUS] = g >= RADIUS ? in[g - RADIUS] : 0.0f;
        tile[l + BLOCK] = g + BLOCK < n ? in[g + BLOCK] : 0.0f;
    }
    __syncthreads();
    if (g >= n) return;
    float acc = 0.0f;
#pragma unroll
    for (int k = -RADIUS; k <= RADIUS; ++k) acc += c_coeff[k + RADIUS] * tile[l + k];
    out[g] = acc;
}

__global__ void jacobi2d(const float* __restrict__ u, float* __restrict__ v, int nx, int ny) {
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x < 1 || y < 1 || x >= nx - 1 || y >= ny - 1) return;
    v[y * nx + x] = 0.25f * (u[y * nx + x - 1] + u[y * nx + x + 1] + u[(y - 1) * nx + x] + u[(y + 1) * nx + x]);
}

int main() {
    float h_coeff[2 * RADIUS + 1];
    for (int i = 0; i <= 2 * RADIUS; ++i) h_coeff[i] = 1.0f / (2 * RADIUS + 1);
    cudaMemcpyToSymbol(c_coeff, h_coeff, sizeof(h_coeff));
    float readback[2 * RADIUS + 1];
    cudaMemcpyFromSymbol(readback, c_coeff, sizeof(readback), 0, cudaMemcpyDeviceToHost);

    const int n = 1 << 20, nx = 512, ny = 512;
    float *in, *out, *u, *v;
    cudaMalloc(&in, n * sizeof(float));
    cudaMalloc(&out, n * sizeof(float));
    cudaMalloc(&u, nx * ny * sizeof(float));
    cudaMalloc(&v, nx * ny * sizeof(float));
    stencil1d<<<(n + BLOCK - 1) / BLOCK, BLOCK>>>(in, out, n);
    dim3 block(16, 16);
    dim3 grid((nx + block.x - 1) / block.x, (ny + block.y - 1) / block.y);
    for (int it = 0; it < 100; ++it) {
        jacobi2d<<<grid, block>>>(u, v, nx, ny);
        float* t = u; u = v; v = t;
    }
    cudaError_t err = cudaDeviceSynchronize();
    if (err != cudaSuccess) printf("error: %s\n", cudaGetErrorString(err));
    cudaFree(in); cudaFree(out); cudaFree(u); cudaFree(v);
    return 0;
}
