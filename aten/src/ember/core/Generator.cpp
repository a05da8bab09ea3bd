#include <ember/core/Generator.h>

#include <array>
#include <vector>

#include <ember/core/DeviceHooks.h>
#include <ember/core/Error.h>

namespace ember {
namespace {

constexpr int kMaxDevices = 64;

std::mutex g_mutex;
std::shared_ptr<GeneratorImpl> g_cpu;
std::array<std::shared_ptr<GeneratorImpl>, kMaxDevices> g_cuda;

}  // namespace

Generator default_generator(Device device) {
  std::lock_guard<std::mutex> g(g_mutex);
  if (device.is_cpu()) {
    if (!g_cpu) g_cpu = std::make_shared<GeneratorImpl>(Device(DeviceType::CPU));
    return Generator(g_cpu);
  }
  int index = device.index >= 0 ? device.index : device_hooks(DeviceType::CUDA).current_device();
  EMBER_CHECK(index < kMaxDevices, "default_generator: device index ", index, " out of range");
  auto& slot = g_cuda[index];
  if (!slot) slot = std::make_shared<GeneratorImpl>(Device(DeviceType::CUDA, static_cast<int8_t>(index)));
  return Generator(slot);
}

void manual_seed(uint64_t seed) {
  default_generator(Device(DeviceType::CPU))->manual_seed(seed);
  if (!has_device_hooks(DeviceType::CUDA)) return;
  const int n = device_hooks(DeviceType::CUDA).device_count();
  for (int i = 0; i < n && i < kMaxDevices; ++i) {
    default_generator(Device(DeviceType::CUDA, static_cast<int8_t>(i)))->manual_seed(seed);
  }
}

}  // namespace ember
