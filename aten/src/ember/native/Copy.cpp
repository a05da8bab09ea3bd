#include <ember/native/Copy.h>

#include <ember/core/DeviceHooks.h>
#include <ember/native/TensorIterator.h>

namespace ember {

EMBER_DEFINE_DISPATCH(copy_stub);

namespace native {

Tensor expand_to(const Tensor& t, IntArrayRef sizes, const char* op_name) {
  if (t.sizes() == sizes) return t;
  const int64_t nd = static_cast<int64_t>(sizes.size());
  EMBER_CHECK(t.dim() <= nd, op_name, ": the number of sizes provided (", nd,
              ") must be greater or equal to the number of dimensions in the tensor (", t.dim(),
              ")");
  DimVec strides(nd, 0);
  const int64_t offset = nd - t.dim();
  for (int64_t d = 0; d < t.dim(); ++d) {
    const int64_t s = t.size(d);
    if (s == sizes[offset + d]) {
      strides[offset + d] = t.stride(d);
    } else {
      EMBER_CHECK(s == 1, "The expanded size of the tensor (", sizes[offset + d],
                  ") must match the existing size (", s, ") at non-singleton dimension ",
                  offset + d, ".  Target sizes: ", sizes, ".  Tensor sizes: ", t.sizes());
    }
  }
  auto impl = std::make_shared<TensorImpl>(t.storage(), t.dtype(), sizes, strides.ref(),
                                           t.storage_offset());
  return Tensor(std::move(impl));
}

namespace {

// The same-device copy: one TensorIterator over (self <- src) with any two dtypes.
void copy_same_device(Tensor& self, const Tensor& src, bool non_blocking) {
  // contiguous, same dtype, same shape: a plain memcpy (the hooks know the device)
  if (self.dtype() == src.dtype() && self.is_contiguous() && src.is_contiguous() &&
      self.sizes() == src.sizes()) {
    if (self.data_ptr() != src.data_ptr()) {
      const char* d = static_cast<const char*>(self.data_ptr());
      const char* s = static_cast<const char*>(src.data_ptr());
      EMBER_CHECK(self.storage() != src.storage() || d + self.nbytes() <= s ||
                      s + src.nbytes() <= d,
                  "unsupported operation: some elements of the input tensor and the written-to "
                  "tensor refer to a single memory location. Please clone() the tensor before "
                  "performing the operation.");
      device_hooks(self.device().type)
          .copy_bytes(self.data_ptr(), self.device(), src.data_ptr(), src.device(), self.nbytes(),
                      non_blocking);
    }
    return;
  }
  TensorIterator iter = TensorIteratorConfig()
                            .add_output(self)
                            .add_input(src)
                            .check_all_same_dtype(false)
                            .resize_outputs(false)
                            .allow_cpu_scalars(true)
                            .name("copy_")
                            .build();
  if (iter.numel() == 0) return;
  copy_stub(iter.common_device().type, iter, non_blocking);
}

}  // namespace

Tensor& copy_(Tensor& self, const Tensor& src_in, bool non_blocking) {
  EMBER_CHECK(self.defined(), "copy_(): the destination tensor is undefined");
  EMBER_CHECK(src_in.defined(), "copy_(): the source tensor is undefined");
  if (self.is_same(src_in)) return self;
  const Tensor src = expand_to(src_in, self.sizes(), "copy_");
  if (self.numel() == 0) return self;

  const Device dst_dev = self.device();
  const Device src_dev = src.device();
  if (dst_dev == src_dev || (src.dim() == 0 && src_dev.is_cpu() && src_in.dim() == 0)) {
    if (dst_dev == src_dev) {
      copy_same_device(self, src, non_blocking);
    } else {
      // a 0-dim CPU value into a device tensor: stage it on the device first
      Tensor staged = empty_tensor({}, src.dtype(), dst_dev);
      device_hooks(dst_dev.type)
          .copy_bytes(staged.data_ptr(), dst_dev, src.data_ptr(), src_dev, src.element_size(),
                      false);
      copy_same_device(self, expand_to(staged, self.sizes(), "copy_"), non_blocking);
    }
    return self;
  }

  // Cross-device: move one contiguous buffer of self's dtype and shape with the device
  // hooks; conversions and layout changes happen on one side with copy_stub.
  const DeviceType hook_type = dst_dev.is_cpu() ? src_dev.type : dst_dev.type;
  const DeviceHooks& hooks = device_hooks(hook_type);
  // 1. a contiguous source of self's dtype, on the source device
  Tensor staged_src = src;
  if (!src.is_contiguous() || src.dtype() != self.dtype()) {
    staged_src = empty_tensor(self.sizes(), self.dtype(), src_dev);
    copy_same_device(staged_src, src, false);
  }
  // 2. bytes across (directly into self when it is contiguous)
  if (self.is_contiguous()) {
    hooks.copy_bytes(self.data_ptr(), dst_dev, staged_src.data_ptr(), src_dev, self.nbytes(),
                     non_blocking && !dst_dev.is_cpu() && !src_dev.is_cpu());
    return self;
  }
  Tensor staged_dst = empty_tensor(self.sizes(), self.dtype(), dst_dev);
  hooks.copy_bytes(staged_dst.data_ptr(), dst_dev, staged_src.data_ptr(), src_dev, self.nbytes(),
                   false);
  // 3. into self's layout on its device
  copy_same_device(self, staged_dst, non_blocking);
  return self;
}

}  // namespace native
}  // namespace ember
