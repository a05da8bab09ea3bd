// Bilinear image resampling through a 2D texture object backed by a CUDA array.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void resample(cudaTextureObject_t tex, float* out, int w, int h, float sx, float sy) {
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= w || y >= h) return;
    out[y * w + x] = tex2D<float>(tex, (x + 0.5f) * sx, (y + 0.5f) * sy);
}

__global__ void fetchLinear(cudaTextureObject_t tex, float* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = tex1Dfetch<float>(tex, i);
}

int main() {
    const int w = 640, h = 480;
    cudaChannelFormatDesc desc = cudaCreateChannelDesc(32, 0, 0, 0, cudaChannelFormatKindFloat);
    cudaChannelFormatDesc desc2 = cudaCreateChannelDesc<float>();
    (void)desc2;
    cudaArray_t array;
    cudaMallocArray(&array, &desc, w, h);
    float* host = new float[w * h]();
    cudaMemcpy2DToArray(array, 0, 0, host, w * sizeof(float), w * sizeof(float), h, cudaMemcpyHostToDevice);

    cudaResourceDesc res;
    memset(&res, 0, sizeof(res));
    res.resType = cudaResourceTypeArray;
    res.res.array.array = array;
    cudaTextureDesc td;
    memset(&td, 0, sizeof(td));
    td.addressMode[0] = cudaAddressModeClamp;
    td.addressMode[1] = cudaAddressModeWrap;
    td.filterMode = cudaFilterModeLinear;
    td.readMode = cudaReadModeElementType;
    td.normalizedCoords = 0;
    cudaTextureObject_t tex = 0;
    cudaCreateTextureObject(&tex, &res, &td, nullptr);

    float* out;
    cudaMalloc(&out, w * h * sizeof(float));
    dim3 block(16, 16), grid((w + 15) / 16, (h + 15) / 16);
    resample<<<grid, block>>>(tex, out, w, h, 1.0f, 1.0f);

    cudaResourceDesc lin = {};
    lin.resType = cudaResourceTypeLinear;
    lin.res.linear.devPtr = out;
    lin.res.linear.desc = cudaCreateChannelDesc<float>();
    lin.res.linear.sizeInBytes = w * h * sizeof(float);
    cudaTextureDesc ltd = {};
    ltd.readMode = cudaReadModeElementType;
    cudaTextureObject_t linTex;
    cudaCreateTextureObject(&linTex, &lin, &ltd, nullptr);
    fetchLinear<<<(w * h + 255) / 256, 256>>>(linTex, out, w * h);
    cudaDeviceSynchronize();

    cudaDestroyTextureObject(linTex);
    cudaDestroyTextureObject(tex);
    cudaFreeArray(array);
    cudaFree(out);
    delete[] host;
    return 0;
}
