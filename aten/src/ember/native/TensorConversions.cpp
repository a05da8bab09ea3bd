// Conversions and copies built on copy_: to (dtype/device), type_as, clone,
// masked_fill. Device-generic (CompositeExplicit/ImplicitAutograd kernels).
#include <algorithm>
#include <numeric>

#include <ember/core/DeviceHooks.h>
#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/Copy.h>
#include <ember/native/TensorIterator.h>

namespace ember {
namespace native {
namespace {

// "cuda" means the current CUDA device; compare devices with the index filled in.
Device normalize_device(Device d) {
  if (d.is_cuda() && !d.has_index()) {
    return Device(DeviceType::CUDA, static_cast<int8_t>(device_hooks(DeviceType::CUDA).current_device()));
  }
  return d;
}

// Whether the elements of t exactly fill [data, data + numel) in some dim order: then
// a copy can keep t's strides (memory_format=preserve), as PyTorch does.
bool is_non_overlapping_and_dense(const Tensor& t) {
  const int64_t nd = t.dim();
  if (t.is_contiguous()) return true;
  DimVec perm(static_cast<size_t>(nd));
  for (int64_t i = 0; i < nd; ++i) perm[i] = i;
  std::sort(perm.begin(), perm.end(), [&](int64_t a, int64_t b) {
    if (t.size(a) < 2) return false;
    if (t.size(b) < 2) return true;
    return t.stride(a) < t.stride(b);
  });
  int64_t expected = 1;
  for (int64_t i = 0; i < nd; ++i) {
    const int64_t d = perm[i];
    if (t.size(d) == 1) continue;
    if (t.stride(d) != expected) return false;
    expected *= t.size(d);
  }
  return true;
}

// An uninitialised tensor shaped like self, with self's layout when memory_format is
// preserve (the default) and self is dense, contiguous otherwise.
Tensor empty_like_for_copy(const Tensor& self, ScalarType dtype, Device device,
                           std::optional<MemoryFormat> memory_format) {
  const MemoryFormat mf = memory_format.value_or(MemoryFormat::Preserve);
  if (mf == MemoryFormat::Preserve && !self.is_contiguous() && is_non_overlapping_and_dense(self)) {
    return empty_strided_tensor(self.sizes(), self.strides(), dtype, device);
  }
  return empty_tensor(self.sizes(), dtype, device);
}

Tensor to_impl(const Tensor& self, ScalarType dtype, Device device, bool non_blocking, bool copy,
               std::optional<MemoryFormat> memory_format) {
  device = normalize_device(device);
  const bool same = self.dtype() == dtype && self.device() == device &&
                    (!memory_format || *memory_format == MemoryFormat::Preserve ||
                     self.is_contiguous());
  if (same && !copy) return self;
  Tensor out = empty_like_for_copy(self, dtype, device, memory_format);
  native::copy_(out, self, non_blocking);
  return out;
}

}  // namespace

Tensor to(const Tensor& self, std::optional<ScalarType> dtype, std::optional<Layout> layout,
          std::optional<Device> device, std::optional<bool> pin_memory, bool non_blocking,
          bool copy, std::optional<MemoryFormat> memory_format) {
  EMBER_CHECK(!layout || *layout == Layout::Strided, "to(): only the strided layout is supported");
  EMBER_CHECK(!pin_memory || !*pin_memory, "to(): pin_memory is not supported");
  return to_impl(self, dtype.value_or(self.dtype()), device.value_or(self.device()), non_blocking,
                 copy, memory_format);
}

Tensor to(const Tensor& self, Device device, ScalarType dtype, bool non_blocking, bool copy,
          std::optional<MemoryFormat> memory_format) {
  return to_impl(self, dtype, device, non_blocking, copy, memory_format);
}

Tensor to(const Tensor& self, ScalarType dtype, bool non_blocking, bool copy,
          std::optional<MemoryFormat> memory_format) {
  return to_impl(self, dtype, self.device(), non_blocking, copy, memory_format);
}

Tensor to(const Tensor& self, const Tensor& other, bool non_blocking, bool copy,
          std::optional<MemoryFormat> memory_format) {
  return to_impl(self, other.dtype(), other.device(), non_blocking, copy, memory_format);
}

Tensor type_as(const Tensor& self, const Tensor& other) {
  return to_impl(self, other.dtype(), self.device(), false, false, std::nullopt);
}

Tensor clone(const Tensor& self, std::optional<MemoryFormat> memory_format) {
  Tensor out = empty_like_for_copy(self, self.dtype(), self.device(), memory_format);
  native::copy_(out, self, false);
  return out;
}

// masked_fill_ is where(mask, value, self) written into self, so every backend that
// has a where loop gets it for free. The value is converted to self's dtype first
// (PyTorch allows a float value for an integer tensor: it truncates).
Tensor& masked_fill_(Tensor& self, const Tensor& mask, const Scalar& value) {
  EMBER_CHECK(mask.dtype() == ScalarType::Bool,
              "masked_fill_ only supports boolean masks, but got mask with dtype ",
              to_string(mask.dtype()));
  const Tensor m = expand_to(mask, self.sizes(), "masked_fill_");
  check_scalar_fits(value, self.dtype());
  const Tensor v = scalar_tensor_of(value, self.dtype(), Device(DeviceType::CPU));
  native::where_self_out(m, v, self, self);
  return self;
}

Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value) {
  EMBER_CHECK(mask.dtype() == ScalarType::Bool,
              "masked_fill_ only supports boolean masks, but got mask with dtype ",
              to_string(mask.dtype()));
  const DimVec shape = broadcast_shapes(self.sizes(), mask.sizes());
  Tensor out = empty_tensor(shape, self.dtype(), self.device());
  native::copy_(out, self, false);
  return masked_fill_(out, mask, value);
}

// The .Tensor overloads take a 0-dim value tensor (its value converts like a copy).
Tensor& masked_fill__tensor(Tensor& self, const Tensor& mask, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0, "masked_fill_ only supports a 0-dimensional value tensor, but got "
              "tensor with ", value.dim(), " dimension(s).");
  return native::masked_fill_(self, mask, value.item());
}

Tensor masked_fill_tensor(const Tensor& self, const Tensor& mask, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0, "masked_fill_ only supports a 0-dimensional value tensor, but got "
              "tensor with ", value.dim(), " dimension(s).");
  return native::masked_fill(self, mask, value.item());
}

}  // namespace native
}  // namespace ember
