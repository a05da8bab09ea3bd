// Tiled matrix multiply in the style of the CUDA samples, using a shared error-check header.
#include <cstdio>
#include <cuda_runtime.h>
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
    checkCudaErrors(cudaMallocHost(&hA, memA));
    checkCudaErrors(cudaMallocHost(&hB, memB));
    checkCudaErrors(cudaMallocHost(&hC, memC));
    checkCudaErrors(cudaMalloc(reinterpret_cast<void**>(&dA), memA));
    checkCudaErrors(cudaMalloc(reinterpret_cast<void**>(&dB), memB));
    checkCudaErrors(cudaMalloc(reinterpret_cast<void**>(&dC), memC));
    cudaStream_t stream;
    checkCudaErrors(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));
    checkCudaErrors(cudaMemcpyAsync(dA, hA, memA, cudaMemcpyHostToDevice, stream));
    checkCudaErrors(cudaMemcpyAsync(dB, hB, memB, cudaMemcpyHostToDevice, stream));

    dim3 threads(block, block), grid(dimsB.x / threads.x, dimsA.y / threads.y);
    cudaEvent_t start, stop;
    checkCudaErrors(cudaEventCreate(&start));
    checkCudaErrors(cudaEventCreate(&stop));
    checkCudaErrors(cudaEventRecord(start, stream));
    for (int j = 0; j < 300; j++)
        matrixMulCUDA<block><<<grid, threads, 0, stream>>>(dC, dA, dB, dimsA.x, dimsB.x);
    getLastCudaError("matrixMulCUDA failed");
    checkCudaErrors(cudaEventRecord(stop, stream));
    checkCudaErrors(cudaEventSynchronize(stop));
    float msecTotal = 0.0f;
    checkCudaErrors(cudaEventElapsedTime(&msecTotal, start, stop));
    printf("Time= %.3f msec\n", msecTotal / 300);
    checkCudaErrors(cudaMemcpyAsync(hC, dC, memC, cudaMemcpyDeviceToHost, stream));
    checkCudaErrors(cudaStreamSynchronize(stream));
    checkCudaErrors(cudaFreeHost(hA));
    checkCudaErrors(cudaFreeHost(hB));
    checkCudaErrors(cudaFreeHost(hC));
    checkCudaErrors(cudaFree(dA));
    checkCudaErrors(cudaFree(dB));
    checkCudaErrors(cudaFree(dC));
    checkCudaErrors(cudaEventDestroy(start));
    checkCudaErrors(cudaEventDestroy(stop));
    return 0;
}
