// Tiled matrix multiply in the style of the CUDA samples, using a shared error-check header.
#include <cstdio>
#include <hip/hip_runtime.h>
#include "error_check.cuh"

template <int BLOCK_SIZE>
__global__ void matrixMulCUDA(float* C, const float* A, const float* B, int wA, int wB) {
    int bx = blockIdx.x, by = blockIdx.y, tx = threadIdx.x, ty = threadIdx.y;
    int aBegin = wA * BLOCK_SIZE * by, aEnd = aBegin + wA - 1, aStep = BLOCK_SIZE;
    int bBegin = BLOCK_SIZE * bx, bStep = BLOCK_SIZE * wB;
    float Csub = 0;
    for (int a = aBegin, b = bBegin; a <= aEnd; a += aStep, b += bStep) {
        __shared__ float As[BLOCK_SIZE][BLOCK_SIZE];
        __shared__ float Bs[BLOCK_SIZE][BLOCK_SIZE];
        As[ty][tx] = A[a + wA * ty + tx];
        Bs[ty][tx] = B[b + wB * ty + tx];
        __syncthreads();
#pragma unroll
        for (int k = 0; k < BLOCK_SIZE; ++k) Csub += As[ty][k] * Bs[k][tx];
        __syncthreads();
    }
    int c = wB * BLOCK_SIZE * by + BLOCK_SIZE * bx;
    C[c + wB * ty + tx] = Csub;
}

int main() {
    gpuDeviceInit(0);
    const int block = 32;
    dim3 dimsA(5 * 2 * block, 5 * 2 * block, 1), dimsB(5 * 4 * block, 5 * 2 * block, 1);
    size_t memA = dimsA.x * dimsA.y * sizeof(float), memB = dimsB.x * dimsB.y * sizeof(float);
    size_t memC = dimsB.x * dimsA.y * sizeof(float);
    float *hA, *hB, *hC, *dA, *dB, *dC;
    checkCudaErrors(hipHostMalloc(&hA, memA));
    checkCudaErrors(hipHostMalloc(&hB, memB));
    checkCudaErrors(hipHostMalloc(&hC, memC));
    checkCudaErrors(hipMalloc(reinterpret_cast<void**>(&dA), memA));
    checkCudaErrors(hipMalloc(reinterpret_cast<void**>(&dB), memB));
    checkCudaErrors(hipMalloc(reinterpret_cast<void**>(&dC), memC));
    hipStream_t stream;
    checkCudaErrors(hipStreamCreateWithFlags(&stream, hipStreamNonBlocking));
    checkCudaErrors(hipMemcpyAsync(dA, hA, memA, hipMemcpyHostToDevice, stream));
    checkCudaErrors(hipMemcpyAsync(dB, hB, memB, hipMemcpyHostToDevice, stream));

    dim3 threads(block, block), grid(dimsB.x / threads.x, dimsA.y / threads.y);
    hipEvent_t start, stop;
    checkCudaErrors(hipEventCreate(&start));
    checkCudaErrors(hipEventCreate(&stop));
    checkCudaErrors(hipEventRecord(start, stream));
    for (int j = 0; j < 300; j++)
        matrixMulCUDA<block><<<grid, threads, 0, stream>>>(dC, dA, dB, dimsA.x, dimsB.x);
    getLastCudaError("matrixMulCUDA failed");
    checkCudaErrors(hipEventRecord(stop, stream));
    checkCudaErrors(hipEventSynchronize(stop));
    float msecTotal = 0.0f;
    checkCudaErrors(hipEventElapsedTime(&msecTotal, start, stop));
    printf("Time= %.3f msec\n", msecTotal / 300);
    checkCudaErrors(hipMemcpyAsync(hC, dC, memC, hipMemcpyDeviceToHost, stream));
    checkCudaErrors(hipStreamSynchronize(stream));
    checkCudaErrors(hipHostFree(hA));
    checkCudaErrors(hipHostFree(hB));
    checkCudaErrors(hipHostFree(hC));
    checkCudaErrors(hipFree(dA));
    checkCudaErrors(hipFree(dB));
    checkCudaErrors(hipFree(dC));
    checkCudaErrors(hipEventDestroy(start));
    checkCudaErrors(hipEventDestroy(stop));
    return 0;
}
