#include <ember/core/Device.h>

#include <cctype>

namespace ember {

Device::Device(const std::string& spec) {
  const auto colon = spec.find(':');
  const std::string kind = spec.substr(0, colon);
  if (kind == "cpu") {
    type = DeviceType::CPU;
  } else if (kind == "cuda") {
    type = DeviceType::CUDA;
  } else {
    throw Error(::ember::str("Expected one of cpu, cuda device type at start of device string: ", spec));
  }
  if (colon == std::string::npos) return;
  const std::string idx = spec.substr(colon + 1);
  bool digits = !idx.empty() && idx.size() <= 3;
  for (char c : idx) digits = digits && std::isdigit(static_cast<unsigned char>(c));
  EMBER_CHECK(digits && std::stoi(idx) < 128, "Invalid device string: '", spec, "'");
  EMBER_CHECK(type != DeviceType::CPU || std::stoi(idx) == 0,
              "CPU device index must be -1 or zero, got ", idx);
  if (type == DeviceType::CUDA) index = static_cast<int8_t>(std::stoi(idx));
}

std::string Device::str() const {
  if (type == DeviceType::CPU || index < 0) return to_string(type);
  return std::string(to_string(type)) + ":" + std::to_string(index);
}

}  // namespace ember
