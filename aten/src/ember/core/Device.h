#pragma once
// Where a tensor's memory lives. ember knows the CPU and CUDA devices; on a ROCm
// build HIP devices are exposed as `cuda`, as PyTorch does.
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include <ember/core/Error.h>

namespace ember {

enum class DeviceType : int8_t { CPU = 0, CUDA = 1 };
constexpr int kNumDeviceTypes = 2;

inline const char* to_string(DeviceType t) { return t == DeviceType::CPU ? "cpu" : "cuda"; }

struct Device {
  DeviceType type = DeviceType::CPU;
  int8_t index = -1;  // -1: "the current device" (always 0 for the CPU)

  constexpr Device() = default;
  constexpr Device(DeviceType t, int8_t i = -1) : type(t), index(t == DeviceType::CPU ? -1 : i) {}  // NOLINT
  // Parses "cpu", "cuda", "cuda:1"; raises RuntimeError like torch.device on anything else.
  explicit Device(const std::string& spec);

  bool is_cpu() const { return type == DeviceType::CPU; }
  bool is_cuda() const { return type == DeviceType::CUDA; }
  bool has_index() const { return index >= 0; }
  bool operator==(const Device& o) const { return type == o.type && index == o.index; }
  bool operator!=(const Device& o) const { return !(*this == o); }
  std::string str() const;
};

inline std::ostream& operator<<(std::ostream& os, const Device& d) { return os << d.str(); }

}  // namespace ember
