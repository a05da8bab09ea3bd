#pragma once
// The dispatcher's keys and the helpers generated operator entry points use.
//
// Note [How an operator call is dispatched]
// Every operator in native_functions.yaml gets a generated struct
// `ember::ops::<unambiguous_name>` holding a table of kernel pointers, one per
// DispatchKey, filled by the generated per-backend registration files
// (RegisterCPU.cpp, RegisterCUDA.cpp, RegisterComposite.cpp). A call computes the key
// from its tensor arguments (key_of) or, for factory functions, from the `device=`
// argument (key_of_device), and jumps through the table. A missing entry raises
// NotImplementedError naming the operator and the backend. The autograd issue adds
// a key that runs before the backend keys; the table has room for it.
#include <cstdint>
#include <optional>

#include <ember/core/Device.h>
#include <ember/core/Macros.h>

namespace ember {

class Tensor;
template <typename T>
class ArrayRef;

enum class DispatchKey : uint8_t { CPU = 0, CUDA = 1 };
constexpr int kNumDispatchKeys = 2;

inline const char* to_string(DispatchKey k) { return k == DispatchKey::CPU ? "CPU" : "CUDA"; }
inline DispatchKey dispatch_key_for(DeviceType t) {
  return t == DeviceType::CUDA ? DispatchKey::CUDA : DispatchKey::CPU;
}

namespace dispatch {

// Accumulates the devices of an operator's tensor arguments. CUDA wins over CPU:
// 0-dim CPU tensors (and Python numbers) may be mixed with CUDA tensors, and the
// CUDA kernel is the one that can check the rest.
struct KeyAccumulator {
  bool cuda = false;
  void add(const Tensor& t);
  void add(const std::optional<Tensor>& t);
  void add(ArrayRef<Tensor> ts);
  void add(const ArrayRef<std::optional<Tensor>>& ts);
  DispatchKey key() const { return cuda ? DispatchKey::CUDA : DispatchKey::CPU; }
};

template <typename... Args>
inline DispatchKey key_of(const Args&... args) {
  KeyAccumulator acc;
  (acc.add(args), ...);
  return acc.key();
}

inline DispatchKey key_of_device(const std::optional<Device>& device) {
  return device && device->is_cuda() ? DispatchKey::CUDA : DispatchKey::CPU;
}

// Raises NotImplementedError:
// "Could not run 'ember::add.Tensor' with arguments from the 'CUDA' backend ..."
[[noreturn]] EMBER_API void missing_kernel(const char* op_name, DispatchKey key);

}  // namespace dispatch
}  // namespace ember
