// Joining tensors: cat (device-generic out= kernel), stack and stack_out (composite:
// cat of unsqueezed inputs). PyTorch's rules: inputs promote to a common dtype, and a
// 1-D empty tensor (the legacy "no data" tensor) is skipped whatever the other shapes.
#include <cstring>

#include <ember/core/TypePromotion.h>
#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/Reduce.h>

namespace ember::native {

namespace {

// "[2, 3]": PyTorch prints sizes this way in cat/stack messages.
std::string sizes_str(IntArrayRef s) {
  std::string r = "[";
  for (size_t i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
  return r + "]";
}

bool skipped(const Tensor& t) { return t.dim() == 1 && t.size(0) == 0; }

// CPU fast path: every input and the output contiguous and of the output's dtype, so
// each input contributes one contiguous block per index of the dims before `dim`.
bool cat_contiguous_cpu(TensorList tensors, int64_t dim, const Tensor& out) {
  if (!out.device().is_cpu() || !out.is_contiguous()) return false;
  for (const Tensor& t : tensors) {
    if (skipped(t)) continue;
    if (!t.is_contiguous() || t.dtype() != out.dtype()) return false;
  }
  int64_t outer = 1;
  for (int64_t d = 0; d < dim; ++d) outer *= out.size(d);
  const size_t item = out.element_size();
  const int64_t out_row = out.numel() / std::max<int64_t>(outer, 1);  // elements per outer index
  char* dst = static_cast<char*>(out.data_ptr());
  int64_t col = 0;  // element offset of the current input inside an output row
  for (const Tensor& t : tensors) {
    if (skipped(t) || t.numel() == 0) continue;
    const int64_t block = t.numel() / outer;
    const char* src = static_cast<const char*>(t.data_ptr());
    for (int64_t o = 0; o < outer; ++o) {
      std::memcpy(dst + (o * out_row + col) * item, src + o * block * item, block * item);
    }
    col += block;
  }
  return true;
}

}  // namespace

Tensor& cat_out(TensorList tensors, int64_t dim, Tensor& out) {
  EMBER_CHECK_VALUE(!tensors.empty(), "torch.cat(): expected a non-empty list of Tensors");
  for (size_t i = 0; i < tensors.size(); ++i) {
    EMBER_CHECK(tensors[i].dim() > 0, "zero-dimensional tensor (at position ", i,
                ") cannot be concatenated");
  }
  const ScalarType dtype = result_type(tensors);
  const Device device = tensors[0].device();
  // The reference tensor fixes the rank and the sizes outside `dim`.
  const Tensor* ref = nullptr;
  for (const Tensor& t : tensors) {
    EMBER_CHECK(t.device() == device,
                "Expected all tensors to be on the same device, but found at least two devices, ",
                device, " and ", t.device(), "!");
    if (!ref && !skipped(t)) ref = &t;
  }
  DimVector shape;
  if (ref == nullptr) {
    // Only legacy empty tensors: the result is one as well (after the dim check).
    maybe_wrap_dim(dim, 1);
    shape = {0};
  } else {
    dim = maybe_wrap_dim(dim, ref->dim());
    shape.assign(ref->sizes().begin(), ref->sizes().end());
    shape[dim] = 0;
    for (size_t i = 0; i < tensors.size(); ++i) {
      const Tensor& t = tensors[i];
      if (skipped(t)) continue;
      EMBER_CHECK(t.dim() == ref->dim(), "Tensors must have same number of dimensions: got ",
                  ref->dim(), " and ", t.dim());
      for (int64_t d = 0; d < t.dim(); ++d) {
        if (d == dim) continue;
        EMBER_CHECK(t.size(d) == ref->size(d), "Sizes of tensors must match except in dimension ",
                    dim, ". Expected size ", ref->size(d), " but got size ", t.size(d),
                    " for tensor number ", i, " in the list.");
      }
      shape[dim] += t.size(dim);
    }
  }

  if (!out.defined()) {
    out = empty_tensor(shape, dtype, device);
  } else {
    EMBER_CHECK_TYPEERR(can_cast(dtype, out.dtype()),
                        "torch.cat(): input types can't be cast to the desired output type ",
                        out.dtype());
    EMBER_CHECK(out.device() == device, "torch.cat(): all input tensors and out must be on the ",
                "same device, but inputs are on ", device, " and out is on ", out.device());
    for (const Tensor& t : tensors) {
      EMBER_CHECK(t.numel() == 0 || out.numel() == 0 || t.storage() != out.storage(),
                  "unsupported operation: some elements of the input tensor and the written-to "
                  "tensor refer to a single memory location. Please clone() the tensor before "
                  "performing the operation.");
    }
    if (!out.sizes().equals(shape)) out.resize_(shape, std::nullopt);
  }
  if (out.numel() == 0 || ref == nullptr) return out;
  if (cat_contiguous_cpu(tensors, dim, out)) return out;

  // General path: each input is copied (converting dtype) into its slice of `out`.
  int64_t offset = 0;
  for (const Tensor& t : tensors) {
    if (skipped(t)) continue;
    const int64_t len = t.size(dim);
    if (len > 0) {
      DimVector sizes(out.sizes().begin(), out.sizes().end());
      sizes[dim] = len;
      Tensor slice = strided_view(out, sizes, out.strides());
      slice.impl()->set_storage_offset(out.storage_offset() + offset * out.stride(dim));
      slice.copy_(t, false);
    }
    offset += len;
  }
  return out;
}

namespace {

// The inputs of stack, checked and unsqueezed at `dim` (wrapped against dim() + 1).
std::vector<Tensor> stack_inputs(TensorList tensors, int64_t& dim) {
  EMBER_CHECK(!tensors.empty(), "stack expects a non-empty TensorList");
  dim = maybe_wrap_dim(dim, tensors[0].dim() + 1);
  std::vector<Tensor> parts;
  parts.reserve(tensors.size());
  for (size_t i = 0; i < tensors.size(); ++i) {
    EMBER_CHECK(tensors[i].sizes().equals(tensors[0].sizes()),
                "stack expects each tensor to be equal size, but got ",
                sizes_str(tensors[0].sizes()), " at entry 0 and ", sizes_str(tensors[i].sizes()),
                " at entry ", i);
    parts.push_back(ember::unsqueeze(tensors[i], dim));
  }
  return parts;
}

}  // namespace

Tensor stack(TensorList tensors, int64_t dim) {
  const std::vector<Tensor> parts = stack_inputs(tensors, dim);
  return ember::cat(parts, dim);
}

Tensor& stack_out(TensorList tensors, int64_t dim, Tensor& out) {
  const std::vector<Tensor> parts = stack_inputs(tensors, dim);
  return ember::cat_out(parts, dim, out);
}

}  // namespace ember::native
