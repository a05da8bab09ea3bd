#include <ember/core/Tensor.h>

#include <cstring>
#include <limits>

#include <ember/core/DeviceHooks.h>

namespace ember {

Tensor empty_tensor(IntArrayRef sizes, ScalarType dtype, Device device) {
  const size_t nbytes = storage_nbytes("empty", sizes, compute_numel(sizes), 0, element_size(dtype));
  DeviceGuard guard(device);  // allocate on cuda:N, not on the current device
  auto storage = std::make_shared<StorageImpl>(nbytes, get_allocator(device.type));
  return Tensor(std::make_shared<TensorImpl>(std::move(storage), dtype, sizes));
}

Tensor empty_strided_tensor(IntArrayRef sizes, IntArrayRef strides, ScalarType dtype, Device device) {
  EMBER_CHECK(sizes.size() == strides.size(), "empty_strided: sizes ", sizes, " and strides ",
              strides, " have different lengths");
  // Bytes needed: 1 + sum((size - 1) * stride) elements, or 0 for an empty tensor.
  int64_t extent = 1;
  for (size_t d = 0; d < sizes.size(); ++d) {
    EMBER_CHECK(sizes[d] >= 0 && strides[d] >= 0, "empty_strided: negative size or stride");
    if (sizes[d] == 0) {
      extent = 0;
      break;
    }
    // (size - 1) * stride, checked: a wrapped-around extent would allocate too little.
    const int64_t step = strides[d] == 0 ? 0 : (sizes[d] - 1);
    EMBER_CHECK(strides[d] == 0 || step <= (std::numeric_limits<int64_t>::max() - extent) / strides[d],
                "empty_strided: tensor of sizes ", sizes, " and strides ", strides, " is too large");
    extent += step * strides[d];
  }
  const size_t nbytes = storage_nbytes("empty_strided", sizes, extent, 0, element_size(dtype));
  DeviceGuard guard(device);
  auto storage = std::make_shared<StorageImpl>(nbytes, get_allocator(device.type));
  return Tensor(std::make_shared<TensorImpl>(std::move(storage), dtype, sizes, strides, 0));
}

Tensor scalar_tensor_of(const Scalar& s, ScalarType dtype, Device device) {
  Tensor cpu = empty_tensor({}, dtype, Device(DeviceType::CPU));
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(dtype, "scalar_tensor", [&] {
    *static_cast<scalar_t*>(cpu.data_ptr()) = s.to<scalar_t>();
  });
  if (device.is_cpu()) return cpu;
  Tensor out = empty_tensor({}, dtype, device);
  device_hooks(device.type).copy_bytes(out.data_ptr(), device, cpu.data_ptr(), cpu.device(),
                                       element_size(dtype), false);
  return out;
}

Tensor wrapped_scalar_tensor(const Scalar& s) {
  Tensor t = scalar_tensor_of(s, s.type(), Device(DeviceType::CPU));
  t.impl()->set_wrapped_number(true);
  return t;
}

Scalar Tensor::item() const {
  EMBER_CHECK(defined(), "item(): tensor is undefined");
  EMBER_CHECK(numel() == 1, "a Tensor with ", numel(),
              " elements cannot be converted to Scalar");
  alignas(8) unsigned char buf[8];
  device_hooks(device().type).copy_bytes(buf, Device(DeviceType::CPU), data_ptr(), device(),
                                         element_size(), false);
  return EMBER_DISPATCH_ALL_TYPES_AND_BOOL(dtype(), "item", [&]() -> Scalar {
    scalar_t v;
    std::memcpy(&v, buf, sizeof v);
    return Scalar(v);
  });
}

std::string Tensor::describe() const {
  if (!defined()) return "Tensor(undefined)";
  return str("Tensor(sizes=", sizes(), ", dtype=", to_string(dtype()), ", device=", device(), ")");
}

}  // namespace ember
