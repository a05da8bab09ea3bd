// Driver API: contexts, modules, launches.
#include <cuda.h>

int load(const char* image) {
  CUdevice dev;
  CUcontext ctx;
  CUmodule mod;
  CUfunction fn;
  CUdeviceptr ptr;
  CUresult r = cuInit(0);
  if (r != CUDA_SUCCESS) return 1;
  cuDeviceGet(&dev, 0);
  cuCtxCreate(&ctx, 0, dev);
  cuModuleLoadData(&mod, image);
  cuModuleGetFunction(&fn, mod, "kernel");
  cuMemAlloc(&ptr, 1024);
  void* args[] = {&ptr};
  cuLaunchKernel(fn, 1, 1, 1, 32, 1, 1, 0, nullptr, args, nullptr);
  cuCtxSynchronize();
  cuMemFree(ptr);
  cuModuleUnload(mod);
  cuCtxDestroy(ctx);
  return 0;
}
