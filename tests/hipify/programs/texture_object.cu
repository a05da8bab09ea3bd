// Texture objects over linear memory.
#include <cstring>
#include <cuda_runtime.h>

__global__ void gather(cudaTextureObject_t tex, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tex1Dfetch<float>(tex, i) * 2.0f;
}

int run(float* dev_in, float* dev_out, int n) {
  cudaResourceDesc res;
  std::memset(&res, 0, sizeof(res));
  res.resType = cudaResourceTypeLinear;
  res.res.linear.devPtr = dev_in;
  res.res.linear.desc = cudaCreateChannelDesc<float>();
  res.res.linear.sizeInBytes = n * sizeof(float);
  cudaTextureDesc desc;
  std::memset(&desc, 0, sizeof(desc));
  desc.readMode = cudaReadModeElementType;
  desc.addressMode[0] = cudaAddressModeClamp;
  desc.filterMode = cudaFilterModePoint;
  cudaTextureObject_t tex = 0;
  if (cudaCreateTextureObject(&tex, &res, &desc, nullptr) != cudaSuccess) return 1;
  gather<<<(n + 127) / 128, 128>>>(tex, dev_out, n);
  cudaDestroyTextureObject(tex);
  return 0;
}
