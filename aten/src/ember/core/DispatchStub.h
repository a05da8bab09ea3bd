#pragma once
// DispatchStub: per-device inner loops behind one device-generic kernel.
//
// An out= kernel such as `add_out` is written once (build the TensorIterator, check
// arguments, allocate outputs) and calls `add_stub(iter.device_type(), iter, alpha)`;
// the CPU loops (native/cpu/) and the CUDA loops (native/cuda/) register themselves
// into the stub. A stub without a loop for a device raises NotImplementedError.
//
//   // native/BinaryOps.h
//   using binary_fn_alpha = void (*)(TensorIterator&, const Scalar& alpha);
//   EMBER_DECLARE_DISPATCH(binary_fn_alpha, add_stub);
//   // native/BinaryOps.cpp
//   EMBER_DEFINE_DISPATCH(add_stub);
//   // native/cpu/BinaryOpsKernel.cpp
//   EMBER_REGISTER_DISPATCH(add_stub, CPU, &add_kernel);
#include <type_traits>
#include <utility>

#include <ember/core/Device.h>
#include <ember/core/Error.h>

namespace ember {

template <typename FnPtr>
struct DispatchStub {
  const char* name;
  FnPtr table[kNumDeviceTypes];  // constant-initialised to null; filled at load time

  template <typename... Args>
  auto operator()(DeviceType t, Args&&... args) const {
    FnPtr fn = table[static_cast<int>(t)];
    if (EMBER_UNLIKELY(fn == nullptr)) {
      throw NotImplementedError(
          str(name, ": no ", to_string(t), " kernel in this build of ember"));
    }
    return (*fn)(std::forward<Args>(args)...);
  }
};

template <typename FnPtr>
struct DispatchRegistrar {
  DispatchRegistrar(DispatchStub<FnPtr>& stub, DeviceType t, FnPtr fn) {
    stub.table[static_cast<int>(t)] = fn;
  }
};

}  // namespace ember

#define EMBER_DECLARE_DISPATCH(fn_type, name) \
  extern ::ember::DispatchStub<fn_type> name
#define EMBER_DEFINE_DISPATCH(name) \
  decltype(name) name{#name, {}}
#define EMBER_REGISTER_DISPATCH(name, DEVICE, fn)                                   \
  static ::ember::DispatchRegistrar<std::decay_t<decltype(name.table[0])>> name##_##DEVICE##_reg( \
      name, ::ember::DeviceType::DEVICE, fn)
