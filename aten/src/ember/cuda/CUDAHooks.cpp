// DeviceHooks for DeviceType::CUDA, installed when ember loads (see core/DeviceHooks.h).
#include <ember/cuda/CUDAHooks.h>

#include <cuda_runtime.h>

#include <mutex>

#include <ember/core/DeviceHooks.h>
#include <ember/core/Error.h>
#include <ember/cuda/CUDAGuard.h>
#include <ember/cuda/CUDAStream.h>
#include <ember/cuda/Exceptions.h>

namespace ember::cuda {

int device_count() noexcept {
  static int count = [] {
    int n = 0;
    // No driver (cudaErrorInsufficientDriver), no GPU (cudaErrorNoDevice), a driver too
    // old for the runtime: all mean "no CUDA devices" for an import that must work
    // on a CPU-only machine.
    if (cudaGetDeviceCount(&n) != cudaSuccess) {
      (void)cudaGetLastError();
      n = 0;
    }
    return n;
  }();
  return count;
}

void check_available(const char* what) {
  EMBER_CHECK(device_count() > 0, what,
              ": no CUDA GPU is available (ember was built with CUDA support, but the CUDA "
              "runtime found no usable device or driver)");
}

int resolve_device_index(Device device) {
  check_available("CUDA");
  if (!device.has_index()) return current_device_index();
  EMBER_CHECK(device.index < device_count(), "CUDA error: invalid device ordinal: ", device,
              " was requested but there are only ", device_count(), " CUDA devices");
  return device.index;
}

namespace {

class CUDAHooks final : public DeviceHooks {
 public:
  bool is_available() const override { return device_count() > 0; }
  int device_count() const override { return ::ember::cuda::device_count(); }
  int current_device() const override {
    check_available("CUDA device");
    return current_device_index();
  }
  void set_device(int index) const override {
    check_available("CUDA device");
    EMBER_CHECK(index >= 0 && index < device_count(), "set_device: device index ", index,
                " is out of range: there are ", device_count(), " CUDA devices");
    EMBER_CUDA_CHECK(cudaSetDevice(index));
  }
  void synchronize(int index) const override {
    // Nothing can be pending without a device: a no-op, like an empty queue.
    if (device_count() == 0) return;
    CUDAGuard guard(index < 0 ? -1 : resolve_device_index(Device(DeviceType::CUDA, static_cast<int8_t>(index))));
    EMBER_CUDA_CHECK(cudaDeviceSynchronize());
  }

  void copy_bytes(void* dst, Device dst_device, const void* src, Device src_device, size_t nbytes,
                  bool non_blocking) const override {
    if (nbytes == 0) return;
    if (dst_device.is_cuda() && src_device.is_cuda()) {
      const int di = resolve_device_index(dst_device);
      const int si = resolve_device_index(src_device);
      CUDAGuard guard(di);
      const CUDAStream stream = getCurrentCUDAStream(di);
      if (di == si) {
        EMBER_CUDA_CHECK(
            cudaMemcpyAsync(dst, src, nbytes, cudaMemcpyDeviceToDevice, stream.stream()));
      } else {
        // The source may still be written by work queued on its own device: finish it
        // first, then copy on the destination's stream.
        getCurrentCUDAStream(si).synchronize();
        EMBER_CUDA_CHECK(cudaMemcpyPeerAsync(dst, di, src, si, nbytes, stream.stream()));
      }
      // A copy within one device is ordered on the stream like any kernel: nothing on
      // the host can observe it, so only a peer copy (whose source the other device may
      // reuse once its own stream moves on) is waited for.
      if (!non_blocking && di != si) stream.synchronize();
      return;
    }
    EMBER_CHECK(dst_device.is_cuda() || src_device.is_cuda(),
                "CUDA copy_bytes: neither ", dst_device, " nor ", src_device, " is a CUDA device");
    const bool to_device = dst_device.is_cuda();
    const int index = resolve_device_index(to_device ? dst_device : src_device);
    CUDAGuard guard(index);
    const CUDAStream stream = getCurrentCUDAStream(index);
    EMBER_CUDA_CHECK(cudaMemcpyAsync(dst, src, nbytes,
                                     to_device ? cudaMemcpyHostToDevice : cudaMemcpyDeviceToHost,
                                     stream.stream()));
    // A device-to-host copy is always waited for: the host is about to read the bytes.
    if (!non_blocking || !to_device) stream.synchronize();
  }
};

const CUDAHooks g_cuda_hooks;

// Installed when ember loads; set_device_hooks only stores a pointer into a constant-
// initialised table, so static initialisation order does not matter.
const bool g_registered = [] {
  set_device_hooks(DeviceType::CUDA, &g_cuda_hooks);
  return true;
}();

}  // namespace
}  // namespace ember::cuda
