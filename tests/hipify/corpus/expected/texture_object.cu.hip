// Bilinear image resampling through a 2D texture object backed by a CUDA array.
#include <cstdio>
#include <hip/hip_runtime.h>

__global__ void resample(hipTextureObject_t tex, float* out, int w, int h, float sx, float sy) {
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= w || y >= h) return;
    out[y * w + x] = tex2D<float>(tex, (x + 0.5f) * sx, (y + 0.5f) * sy);
}

__global__ void fetchLinear(hipTextureObject_t tex, float* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = tex1Dfetch<float>(tex, i);
}

int main() {
    const int w = 640, h = 480;
    hipChannelFormatDesc desc = hipCreateChannelDesc(32, 0, 0, 0, hipChannelFormatKindFloat);
    hipChannelFormatDesc desc2 = hipCreateChannelDesc<float>();
    (void)desc2;
    hipArray_t array;
    hipMallocArray(&array, &desc, w, h);
    float* host = new float[w * h]();
    hipMemcpy2DToArray(array, 0, 0, host, w * sizeof(float), w * sizeof(float), h, hipMemcpyHostToDevice);

    hipResourceDesc res;
    memset(&res, 0, sizeof(res));
    res.resType = hipResourceTypeArray;
    res.res.array.array = array;
    hipTextureDesc td;
    memset(&td, 0, sizeof(td));
    td.addressMode[0] = hipAddressModeClamp;
    td.addressMode[1] = hipAddressModeWrap;
    td.filterMode = hipFilterModeLinear;
    td.readMode = hipReadModeElementType;
    td.normalizedCoords = 0;
    hipTextureObject_t tex = 0;
    hipCreateTextureObject(&tex, &res, &td, nullptr);

    float* out;
    hipMalloc(&out, w * h * sizeof(float));
    dim3 block(16, 16), grid((w + 15) / 16, (h + 15) / 16);
    resample<<<grid, block>>>(tex, out, w, h, 1.0f, 1.0f);

    hipResourceDesc lin = {};
    lin.resType = hipResourceTypeLinear;
    lin.res.linear.devPtr = out;
    lin.res.linear.desc = hipCreateChannelDesc<float>();
    lin.res.linear.sizeInBytes = w * h * sizeof(float);
    hipTextureDesc ltd = {};
    ltd.readMode = hipReadModeElementType;
    hipTextureObject_t linTex;
    hipCreateTextureObject(&linTex, &lin, &ltd, nullptr);
    fetchLinear<<<(w * h + 255) / 256, 256>>>(linTex, out, w * h);
    hipDeviceSynchronize();

    hipDestroyTextureObject(linTex);
    hipDestroyTextureObject(tex);
    hipFreeArray(array);
    hipFree(out);
    delete[] host;
    return 0;
}
