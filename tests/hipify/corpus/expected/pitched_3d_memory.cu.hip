// Pitched 2D allocations and 3D copies with cudaExtent/cudaPitchedPtr.
#include <cstdio>
#include <hip/hip_runtime.h>

__global__ void fill2d(float* base, size_t pitch, int w, int h) {
    int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x < w && y < h) reinterpret_cast<float*>(reinterpret_cast<char*>(base) + y * pitch)[x] = x + y;
}

__global__ void touch3d(hipPitchedPtr p, hipExtent e) {
    int x = threadIdx.x, y = blockIdx.x, z = blockIdx.y;
    char* slice = (char*)p.ptr + z * p.pitch * e.height;
    float* row = (float*)(slice + y * p.pitch);
    if (x < (int)(e.width / sizeof(float))) row[x] += 1.0f;
}

int main() {
    const int w = 1000, h = 300, d = 16;
    float* img;
    size_t pitch = 0;
    hipMallocPitch((void**)&img, &pitch, w * sizeof(float), h);
    hipMemset2D(img, pitch, 0, w * sizeof(float), h);
    fill2d<<<dim3((w + 31) / 32, (h + 7) / 8), dim3(32, 8)>>>(img, pitch, w, h);
    float* host = new float[w * h];
    hipMemcpy2D(host, w * sizeof(float), img, pitch, w * sizeof(float), h, hipMemcpyDeviceToHost);

    hipExtent extent = make_hipExtent(w * sizeof(float), h, d);
    hipPitchedPtr vol;
    hipMalloc3D(&vol, extent);
    hipMemset3D(vol, 0, extent);
    touch3d<<<dim3(h, d), 1024>>>(vol, extent);

    float* hostVol = new float[w * h * d];
    hipMemcpy3DParms copy = {0};
    copy.srcPtr = vol;
    copy.dstPtr = make_hipPitchedPtr(hostVol, w * sizeof(float), w, h);
    copy.extent = extent;
    copy.kind = hipMemcpyDeviceToHost;
    hipMemcpy3D(&copy);
    copy.srcPos = make_hipPos(0, 0, 0);

    hipArray_t arr3;
    hipChannelFormatDesc ch = hipCreateChannelDesc<float>();
    hipMalloc3DArray(&arr3, &ch, make_hipExtent(64, 64, 8), hipArrayDefault);
    hipFreeArray(arr3);
    hipFree(vol.ptr);
    hipFree(img);
    delete[] host;
    delete[] hostVol;
    return 0;
}
