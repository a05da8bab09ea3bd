// Driver API: contexts, modules, launches.
#include <hip/hip_runtime.h>

int load(const char* image) {
  hipDevice_t dev;
  hipCtx_t ctx;
  hipModule_t mod;
  hipFunction_t fn;
  hipDeviceptr_t ptr;
  hipError_t r = hipInit(0);
  if (r != hipSuccess) return 1;
  hipDeviceGet(&dev, 0);
  hipCtxCreate(&ctx, 0, dev);
  hipModuleLoadData(&mod, image);
  hipModuleGetFunction(&fn, mod, "kernel");
  hipMalloc(&ptr, 1024);
  void* args[] = {&ptr};
  hipModuleLaunchKernel(fn, 1, 1, 1, 32, 1, 1, 0, nullptr, args, nullptr);
  hipCtxSynchronize();
  hipFree(ptr);
  hipModuleUnload(mod);
  hipCtxDestroy(ctx);
  return 0;
}
