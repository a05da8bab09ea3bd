// Pitched 2D allocations and 3D copies with cudaExtent/cudaPitchedPtr.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void fill2d(float* base, size_t pitch, int w, int h) {
    int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x < w && y < h) reinterpret_cast<float*>(reinterpret_cast<char*>(base) + y * pitch)[x] = x + y;
}

__global__ void touch3d(cudaPitchedPtr p, cudaExtent e) {
    int x = threadIdx.x, y = blockIdx.x, z = blockIdx.y;
    char* slice = (char*)p.ptr + z * p.pitch * e.height;
    float* row = (float*)(slice + y * p.pitch);
    if (x < (int)(e.width / sizeof(float))) row[x] += 1.0f;
}

int main() {
    const int w = 1000, h = 300, d = 16;
    float* img;
    size_t pitch = 0;
    cudaMallocPitch((void**)&img, &pitch, w * sizeof(float), h);
    cudaMemset2D(img, pitch, 0, w * sizeof(float), h);
    fill2d<<<dim3((w + 31) / 32, (h + 7) / 8), dim3(32, 8)>>>(img, pitch, w, h);
    float* host = new float[w * h];
    cudaMemcpy2D(host, w * sizeof(float), img, pitch, w * sizeof(float), h, cudaMemcpyDeviceToHost);

    cudaExtent extent = make_cudaExtent(w * sizeof(float), h, d);
    cudaPitchedPtr vol;
    cudaMalloc3D(&vol, extent);
    cudaMemset3D(vol, 0, extent);
    touch3d<<<dim3(h, d), 1024>>>(vol, extent);

    float* hostVol = new float[w * h * d];
    cudaMemcpy3DParms copy = {0};
    copy.srcPtr = vol;
    copy.dstPtr = make_cudaPitchedPtr(hostVol, w * sizeof(float), w, h);
    copy.extent = extent;
    copy.kind = cudaMemcpyDeviceToHost;
    cudaMemcpy3D(&copy);
    copy.srcPos = make_cudaPos(0, 0, 0);

    cudaArray_t arr3;
    cudaChannelFormatDesc ch = cudaCreateChannelDesc<float>();
    cudaMalloc3DArray(&arr3, &ch, make_cudaExtent(64, 64, 8), cudaArrayDefault);
    cudaFreeArray(arr3);
    cudaFree(vol.ptr);
    cudaFree(img);
    delete[] host;
    delete[] hostVol;
    return 0;
}
