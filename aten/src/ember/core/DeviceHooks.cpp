#include <ember/core/DeviceHooks.h>

#include <cstring>

#include <ember/core/Error.h>

namespace ember {
namespace {

class CPUHooks final : public DeviceHooks {
 public:
  bool is_available() const override { return true; }
  int device_count() const override { return 1; }
  int current_device() const override { return 0; }
  void set_device(int) const override {}
  void synchronize(int) const override {}
  void copy_bytes(void* dst, Device, const void* src, Device, size_t nbytes, bool) const override {
    if (nbytes) std::memcpy(dst, src, nbytes);
  }
};

const CPUHooks g_cpu_hooks;
const DeviceHooks* g_hooks[kNumDeviceTypes] = {&g_cpu_hooks, nullptr};

}  // namespace

const DeviceHooks& device_hooks(DeviceType t) {
  const DeviceHooks* h = g_hooks[static_cast<int>(t)];
  EMBER_CHECK(h != nullptr, "ember was not compiled with ", t == DeviceType::CUDA ? "CUDA" : "CPU",
              " support");
  return *h;
}

bool has_device_hooks(DeviceType t) { return g_hooks[static_cast<int>(t)] != nullptr; }

void set_device_hooks(DeviceType t, const DeviceHooks* hooks) { g_hooks[static_cast<int>(t)] = hooks; }

}  // namespace ember
