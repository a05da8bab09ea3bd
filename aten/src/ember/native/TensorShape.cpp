// Views and shape operators. Everything here only edits metadata (sizes, strides,
// storage offset) of a tensor that shares its storage, so one device-generic kernel
// serves every backend; the exceptions are reshape/contiguous, which fall back to a
// copy through copy_ when no view exists.
#include <ember/native/TensorShape.h>

#include <algorithm>
#include <limits>
#include <numeric>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorIterator.h>

namespace ember::native {

// ---------------------------------------------------------------------------------
// Shared helpers (TensorShape.h)
// ---------------------------------------------------------------------------------

std::string shape_str(IntArrayRef sizes) {
  std::string s = "[";
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(sizes[i]);
  }
  return s + "]";
}

DimVector infer_size(IntArrayRef shape, int64_t numel) {
  DimVector res(shape.begin(), shape.end());
  int64_t known = 1;
  std::optional<size_t> infer_dim;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      EMBER_CHECK(!infer_dim, "only one dimension can be inferred");
      infer_dim = i;
    } else {
      EMBER_CHECK(shape[i] >= 0, "invalid shape dimension ", shape[i], " at index ", i,
                  " of shape ", shape_str(shape));
      known *= shape[i];
    }
  }
  if (infer_dim) {
    // With zero elements the -1 could be anything: PyTorch refuses to guess.
    EMBER_CHECK(known != 0 || numel != 0, "cannot reshape tensor of 0 elements into shape ",
                shape_str(shape),
                " because the unspecified dimension size -1 can be any value and is ambiguous");
    EMBER_CHECK(known != 0 && numel % known == 0, "shape '", shape_str(shape),
                "' is invalid for input of size ", numel);
    res[*infer_dim] = numel / known;
  } else {
    EMBER_CHECK(known == numel, "shape '", shape_str(shape), "' is invalid for input of size ",
                numel);
  }
  return res;
}

// PyTorch's computeStride: walk the old dims from the innermost outwards, grouping
// them into "chunks" that are contiguous with respect to each other (stride[d-1] ==
// size[d] * stride[d]). A view exists iff every chunk's element count is exactly
// covered by a run of new dims; the new dims of a chunk then get strides that are
// multiples of the chunk's innermost stride. Size-1 dims fit anywhere.
std::optional<DimVector> compute_view_strides(IntArrayRef old_sizes, IntArrayRef old_strides,
                                              IntArrayRef new_sizes) {
  const int64_t new_ndim = static_cast<int64_t>(new_sizes.size());
  if (old_sizes.empty()) return DimVector(new_ndim, 1);  // a scalar views as anything of 1 element
  int64_t numel = 1;
  for (int64_t s : old_sizes) numel *= s;
  if (numel == 0 && old_sizes.equals(new_sizes)) return DimVector(old_strides.begin(), old_strides.end());

  DimVector new_strides(new_ndim);
  if (numel == 0) {
    // Nothing to address: any strides are valid, contiguous ones are the natural choice.
    for (int64_t d = new_ndim - 1; d >= 0; --d) {
      new_strides[d] = d == new_ndim - 1 ? 1 : std::max<int64_t>(new_sizes[d + 1], 1) * new_strides[d + 1];
    }
    return new_strides;
  }

  int64_t view_d = new_ndim - 1;
  int64_t chunk_base_stride = old_strides.back();
  int64_t tensor_numel = 1;
  int64_t view_numel = 1;
  for (int64_t tensor_d = static_cast<int64_t>(old_sizes.size()) - 1; tensor_d >= 0; --tensor_d) {
    tensor_numel *= old_sizes[tensor_d];
    const bool chunk_ends =
        tensor_d == 0 || (old_sizes[tensor_d - 1] != 1 &&
                          old_strides[tensor_d - 1] != tensor_numel * chunk_base_stride);
    if (!chunk_ends) continue;
    while (view_d >= 0 && (view_numel < tensor_numel || new_sizes[view_d] == 1)) {
      new_strides[view_d] = view_numel * chunk_base_stride;
      view_numel *= new_sizes[view_d];
      --view_d;
    }
    if (view_numel != tensor_numel) return std::nullopt;
    if (tensor_d > 0) {
      chunk_base_stride = old_strides[tensor_d - 1];
      tensor_numel = 1;
      view_numel = 1;
    }
  }
  if (view_d != -1) return std::nullopt;
  return new_strides;
}

Tensor make_view(const Tensor& self, IntArrayRef sizes, IntArrayRef strides, int64_t storage_offset) {
  return Tensor(std::make_shared<TensorImpl>(self.storage(), self.dtype(), sizes, strides,
                                             storage_offset));
}

bool is_non_overlapping_and_dense(IntArrayRef sizes, IntArrayRef strides) {
  const size_t nd = sizes.size();
  if (nd == 0) return true;
  for (int64_t s : sizes)
    if (s == 0) return true;
  // Order the dims by stride (size-1 dims last: their stride is irrelevant) and check
  // that each stride is the product of the sizes of the faster-varying dims.
  std::vector<size_t> perm(nd);
  std::iota(perm.begin(), perm.end(), 0);
  std::sort(perm.begin(), perm.end(), [&](size_t a, size_t b) {
    if (sizes[a] < 2 || sizes[b] < 2) return sizes[a] >= 2 && sizes[b] < 2;
    return strides[a] < strides[b];
  });
  int64_t expected = 1;
  for (size_t i = 0; i < nd; ++i) {
    const size_t d = perm[i];
    if (sizes[d] == 1) continue;
    if (strides[d] != expected) return false;
    expected *= sizes[d];
  }
  return true;
}

namespace {

// Unchecked alias with new geometry and self's offset.
Tensor restride(const Tensor& self, IntArrayRef sizes, IntArrayRef strides) {
  return make_view(self, sizes, strides, self.storage_offset());
}

// In-place ops (transpose_, squeeze_, unsqueeze_) change self's own metadata, which
// every handle to this TensorImpl then sees, as in PyTorch.
void set_geometry(const Tensor& self, IntArrayRef sizes, IntArrayRef strides) {
  self.impl()->set_sizes_and_strides(sizes, strides);
}

DimVector squeeze_all_sizes(const Tensor& self, DimVector* strides) {
  DimVector sizes;
  for (int64_t d = 0; d < self.dim(); ++d) {
    if (self.sizes()[d] != 1) {
      sizes.push_back(self.sizes()[d]);
      strides->push_back(self.strides()[d]);
    }
  }
  return sizes;
}

// Geometry of squeezing the listed (already wrapped, distinct) dims that have size 1.
void squeeze_geometry(const Tensor& self, const std::vector<bool>& drop, DimVector& sizes,
                      DimVector& strides) {
  for (int64_t d = 0; d < self.dim(); ++d) {
    if (drop[d] && self.sizes()[d] == 1) continue;
    sizes.push_back(self.sizes()[d]);
    strides.push_back(self.strides()[d]);
  }
}

std::vector<bool> squeeze_mask(const Tensor& self, IntArrayRef dims) {
  const int64_t nd = self.dim();
  std::vector<bool> drop(std::max<int64_t>(nd, 1), false);
  for (int64_t dim : dims) {
    const int64_t d = maybe_wrap_dim(dim, nd);
    EMBER_CHECK(!drop[d], "dim ", d, " appears multiple times in the list of dims");
    drop[d] = true;
  }
  if (nd == 0) drop.clear();
  return drop;
}

void unsqueeze_geometry(const Tensor& self, int64_t dim, DimVector& sizes, DimVector& strides) {
  const int64_t d = maybe_wrap_dim(dim, self.dim() + 1);
  sizes.assign(self.sizes().begin(), self.sizes().end());
  strides.assign(self.strides().begin(), self.strides().end());
  // The new dim's stride does not matter for addressing (size 1); PyTorch picks the one
  // that keeps a contiguous tensor contiguous.
  const int64_t st = d >= self.dim() ? 1 : sizes[d] * strides[d];
  sizes.insert(sizes.begin() + d, 1);
  strides.insert(strides.begin() + d, st);
}

}  // namespace

// ---------------------------------------------------------------------------------
// view / reshape family
// ---------------------------------------------------------------------------------

Tensor view(const Tensor& self, IntArrayRef size) {
  const DimVector shape = infer_size(size, self.numel());
  auto strides = compute_view_strides(self.sizes(), self.strides(), shape);
  EMBER_CHECK(strides.has_value(),
              "view size is not compatible with input tensor's size and stride (at least one "
              "dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
  return restride(self, shape, *strides);
}

Tensor reshape(const Tensor& self, IntArrayRef shape) {
  const DimVector sizes = infer_size(shape, self.numel());
  if (auto strides = compute_view_strides(self.sizes(), self.strides(), sizes)) {
    return restride(self, sizes, *strides);
  }
  // No view exists: copy into a contiguous tensor, which can be viewed as anything.
  Tensor copy = ember::clone(self, MemoryFormat::Contiguous);
  return restride(copy, sizes, contiguous_strides(sizes));
}

Tensor view_as(const Tensor& self, const Tensor& other) { return native::view(self, other.sizes()); }

Tensor reshape_as(const Tensor& self, const Tensor& other) {
  return native::reshape(self, other.sizes());
}

Tensor flatten(const Tensor& self, int64_t start_dim, int64_t end_dim) {
  const int64_t nd = self.dim();
  start_dim = maybe_wrap_dim(start_dim, nd);
  end_dim = maybe_wrap_dim(end_dim, nd);
  EMBER_CHECK(start_dim <= end_dim,
              "flatten() has invalid args: start_dim cannot come after end_dim");
  if (nd == 0) return native::reshape(self, {1});
  if (start_dim == end_dim) return self;
  DimVector shape;
  shape.reserve(nd - (end_dim - start_dim));
  for (int64_t d = 0; d < start_dim; ++d) shape.push_back(self.sizes()[d]);
  int64_t merged = 1;
  for (int64_t d = start_dim; d <= end_dim; ++d) merged *= self.sizes()[d];
  shape.push_back(merged);
  for (int64_t d = end_dim + 1; d < nd; ++d) shape.push_back(self.sizes()[d]);
  return native::reshape(self, shape);
}

Tensor view_dtype(const Tensor& self, ScalarType dtype) {
  const ScalarType from = self.dtype();
  if (from == dtype) return restride(self, self.sizes(), self.strides());
  const int64_t old_size = static_cast<int64_t>(element_size(from));
  const int64_t new_size = static_cast<int64_t>(element_size(dtype));
  auto make = [&](IntArrayRef sizes, IntArrayRef strides, int64_t offset) {
    return Tensor(std::make_shared<TensorImpl>(self.storage(), dtype, sizes, strides, offset));
  };
  if (old_size == new_size) return make(self.sizes(), self.strides(), self.storage_offset());

  EMBER_CHECK(self.dim() > 0, "self.dim() cannot be 0 to view ", type_name(from), " as ",
              type_name(dtype), " (different element sizes)");
  const int64_t last = self.dim() - 1;
  EMBER_CHECK(self.strides()[last] == 1, "self.stride(-1) must be 1 to view ", type_name(from),
              " as ", type_name(dtype), " (different element sizes), but got ",
              self.strides()[last]);
  DimVector sizes(self.sizes().begin(), self.sizes().end());
  DimVector strides(self.strides().begin(), self.strides().end());
  int64_t offset = self.storage_offset();
  if (old_size > new_size) {
    // Each element splits into `ratio` narrower ones along the last dim.
    const int64_t ratio = old_size / new_size;
    sizes[last] *= ratio;
    for (int64_t d = 0; d < last; ++d) strides[d] *= ratio;
    offset *= ratio;
  } else {
    // `ratio` consecutive elements of the last dim fuse into one wider element.
    const int64_t ratio = new_size / old_size;
    EMBER_CHECK(sizes[last] % ratio == 0, "self.size(-1) must be divisible by ", ratio, " to view ",
                type_name(from), " as ", type_name(dtype),
                " (different element sizes), but got ", sizes[last]);
    EMBER_CHECK(offset % ratio == 0, "self.storage_offset() must be divisible by ", ratio,
                " to view ", type_name(from), " as ", type_name(dtype),
                " (different element sizes), but got ", offset);
    for (int64_t d = 0; d < last; ++d) {
      EMBER_CHECK(strides[d] % ratio == 0, "self.stride(", d, ") must be divisible by ", ratio,
                  " to view ", type_name(from), " as ", type_name(dtype),
                  " (different element sizes), but got ", strides[d]);
      strides[d] /= ratio;
    }
    sizes[last] /= ratio;
    offset /= ratio;
  }
  return make(sizes, strides, offset);
}

Tensor as_strided(const Tensor& self, IntArrayRef size, IntArrayRef stride,
                  std::optional<int64_t> storage_offset) {
  EMBER_CHECK(size.size() == stride.size(), "mismatch in length of strides and shape");
  for (int64_t st : stride) {
    EMBER_CHECK(st >= 0, "as_strided: Negative strides are not supported at the moment, got strides: ",
                shape_str(stride));
  }
  for (int64_t s : size) {
    EMBER_CHECK(s >= 0, "Trying to create tensor with negative dimension ", s, ": ", shape_str(size));
  }
  const int64_t offset = storage_offset.value_or(self.storage_offset());
  EMBER_CHECK(offset >= 0, "Tensor: invalid storage offset ", offset);
  // The last element addressed must lie inside the storage.
  const int64_t itemsize = static_cast<int64_t>(self.element_size());
  int64_t extent = 1;
  bool empty = false;
  for (size_t d = 0; d < size.size(); ++d) {
    if (size[d] == 0) empty = true;
    extent += stride[d] * (size[d] - 1);
  }
  const int64_t needed = empty ? 0 : itemsize * (offset + extent);
  EMBER_CHECK(needed <= static_cast<int64_t>(self.storage()->nbytes()), "setStorage: sizes ",
              shape_str(size), ", strides ", shape_str(stride), ", storage offset ", offset,
              ", and itemsize ", itemsize, " requiring a storage size of ", needed,
              " are out of bounds for storage of size ", self.storage()->nbytes());
  return make_view(self, size, stride, offset);
}

Tensor alias(const Tensor& self) { return restride(self, self.sizes(), self.strides()); }

// Until autograd lands there is nothing to detach from: a fresh alias.
Tensor detach(const Tensor& self) { return restride(self, self.sizes(), self.strides()); }

Tensor contiguous(const Tensor& self, MemoryFormat memory_format) {
  if (self.is_contiguous()) return self;  // PyTorch checks this first, whatever the format
  EMBER_CHECK(memory_format != MemoryFormat::Preserve,
              "preserve memory format is unsupported by the contiguous operator");
  return ember::clone(self, MemoryFormat::Contiguous);
}

// ---------------------------------------------------------------------------------
// Dimension reordering
// ---------------------------------------------------------------------------------

Tensor transpose(const Tensor& self, int64_t dim0, int64_t dim1) {
  const int64_t nd = self.dim();
  dim0 = maybe_wrap_dim(dim0, nd);
  dim1 = maybe_wrap_dim(dim1, nd);
  if (nd == 0) return native::alias(self);
  DimVector sizes(self.sizes().begin(), self.sizes().end());
  DimVector strides(self.strides().begin(), self.strides().end());
  std::swap(sizes[dim0], sizes[dim1]);
  std::swap(strides[dim0], strides[dim1]);
  return restride(self, sizes, strides);
}

Tensor& transpose_(Tensor& self, int64_t dim0, int64_t dim1) {
  const int64_t nd = self.dim();
  dim0 = maybe_wrap_dim(dim0, nd);
  dim1 = maybe_wrap_dim(dim1, nd);
  if (nd == 0 || dim0 == dim1) return self;
  DimVector sizes(self.sizes().begin(), self.sizes().end());
  DimVector strides(self.strides().begin(), self.strides().end());
  std::swap(sizes[dim0], sizes[dim1]);
  std::swap(strides[dim0], strides[dim1]);
  set_geometry(self, sizes, strides);
  return self;
}

Tensor t(const Tensor& self) {
  EMBER_CHECK(self.dim() <= 2, "t() expects a tensor with <= 2 dimensions, but self is ", self.dim(),
              "D");
  if (self.dim() < 2) return native::alias(self);
  return native::transpose(self, 0, 1);
}

Tensor permute(const Tensor& self, IntArrayRef dims) {
  const int64_t nd = self.dim();
  EMBER_CHECK(static_cast<int64_t>(dims.size()) == nd,
              "permute(sparse_coo): number of dimensions in the tensor input does not match the "
              "length of the desired ordering of dimensions i.e. input.dim() = ",
              nd, " is not equal to len(dims) = ", dims.size());
  DimVector sizes(nd), strides(nd);
  std::vector<bool> seen(nd, false);
  for (int64_t i = 0; i < nd; ++i) {
    const int64_t d = maybe_wrap_dim(dims[i], nd);
    EMBER_CHECK(!seen[d], "permute(): duplicate dims are not allowed.");
    seen[d] = true;
    sizes[i] = self.sizes()[d];
    strides[i] = self.strides()[d];
  }
  return restride(self, sizes, strides);
}

// ---------------------------------------------------------------------------------
// Broadcasting views
// ---------------------------------------------------------------------------------

Tensor expand(const Tensor& self, IntArrayRef size, bool /*implicit*/) {
  const int64_t ndim = static_cast<int64_t>(size.size());
  const int64_t tdim = self.dim();
  EMBER_CHECK(ndim >= tdim, "expand(", self.is_cuda() ? "ember.cuda." : "ember.", type_name(self.dtype()), "Tensor{", shape_str(self.sizes()),
              "}, size=", shape_str(size), "): the number of sizes provided (", ndim,
              ") must be greater or equal to the number of dimensions in the tensor (", tdim, ")");
  DimVector sizes(ndim), strides(ndim);
  // Right-align the tensor's dims with the target; new leading dims get stride 0, and so
  // do size-1 dims that grow.
  for (int64_t i = ndim - 1; i >= 0; --i) {
    const int64_t dim = tdim - (ndim - i);
    int64_t cur = dim >= 0 ? self.sizes()[dim] : 1;
    int64_t stride = dim >= 0 ? self.strides()[dim] : (i + 1 < ndim ? sizes[i + 1] * strides[i + 1] : 1);
    int64_t target = size[i];
    if (target == -1) {
      EMBER_CHECK(dim >= 0, "The expanded size of the tensor (-1) isn't allowed in a leading, "
                            "non-existing dimension ", i);
      target = cur;
    }
    if (cur != target) {
      EMBER_CHECK(cur == 1, "The expanded size of the tensor (", target,
                  ") must match the existing size (", cur, ") at non-singleton dimension ", i,
                  ".  Target sizes: ", shape_str(size), ".  Tensor sizes: ", shape_str(self.sizes()));
      EMBER_CHECK(target >= 0, "Trying to create tensor with negative dimension ", target, ": ",
                  shape_str(size));
      cur = target;
      stride = 0;
    }
    sizes[i] = cur;
    strides[i] = stride;
  }
  return restride(self, sizes, strides);
}

Tensor expand_as(const Tensor& self, const Tensor& other) {
  return native::expand(self, other.sizes(), false);
}

// ---------------------------------------------------------------------------------
// Adding and removing size-1 dims
// ---------------------------------------------------------------------------------

Tensor squeeze(const Tensor& self) {
  DimVector strides;
  DimVector sizes = squeeze_all_sizes(self, &strides);
  return restride(self, sizes, strides);
}

Tensor squeeze_dim(const Tensor& self, int64_t dim) {
  return native::squeeze_dims(self, IntArrayRef(dim));
}

Tensor squeeze_dims(const Tensor& self, IntArrayRef dims) {
  const std::vector<bool> drop = squeeze_mask(self, dims);
  DimVector sizes, strides;
  squeeze_geometry(self, drop, sizes, strides);
  return restride(self, sizes, strides);
}

Tensor& squeeze_(Tensor& self) {
  DimVector strides;
  DimVector sizes = squeeze_all_sizes(self, &strides);
  set_geometry(self, sizes, strides);
  return self;
}

Tensor& squeeze_dim_(Tensor& self, int64_t dim) {
  const std::vector<bool> drop = squeeze_mask(self, IntArrayRef(dim));
  DimVector sizes, strides;
  squeeze_geometry(self, drop, sizes, strides);
  set_geometry(self, sizes, strides);
  return self;
}

Tensor unsqueeze(const Tensor& self, int64_t dim) {
  DimVector sizes, strides;
  unsqueeze_geometry(self, dim, sizes, strides);
  return restride(self, sizes, strides);
}

Tensor& unsqueeze_(Tensor& self, int64_t dim) {
  DimVector sizes, strides;
  unsqueeze_geometry(self, dim, sizes, strides);
  set_geometry(self, sizes, strides);
  return self;
}

// ---------------------------------------------------------------------------------
// Sub-ranges: narrow, select, slice (the hot path of Python's t[i] and t[a:b])
// ---------------------------------------------------------------------------------

Tensor narrow(const Tensor& self, int64_t dim, int64_t start, int64_t length) {
  EMBER_CHECK(self.dim() > 0, "narrow() cannot be applied to a 0-dim tensor.");
  EMBER_CHECK(length >= 0, "narrow(): length must be non-negative.");
  dim = maybe_wrap_dim(dim, self.dim());
  const int64_t cur = self.sizes()[dim];
  EMBER_CHECK_INDEX(start >= -cur && start <= cur, "start out of range (expected to be in range of [",
                    -cur, ", ", cur, "], but got ", start, ")");
  if (start < 0) start += cur;
  EMBER_CHECK(start <= cur - length, "start (", start, ") + length (", length,
              ") exceeds dimension size (", cur, ").");
  DimVector sizes(self.sizes().begin(), self.sizes().end());
  sizes[dim] = length;
  return make_view(self, sizes, self.strides(), self.storage_offset() + start * self.strides()[dim]);
}

Tensor select(const Tensor& self, int64_t dim, int64_t index) {
  const int64_t nd = self.dim();
  EMBER_CHECK_INDEX(nd > 0, "select() cannot be applied to a 0-dim tensor.");
  dim = maybe_wrap_dim(dim, nd);
  const IntArrayRef in_sizes = self.sizes();
  const IntArrayRef in_strides = self.strides();
  const int64_t size = in_sizes[dim];
  EMBER_CHECK_INDEX(index >= -size && index < size, "select(): index ", index,
                    " out of range for tensor of size ", shape_str(in_sizes), " at dimension ", dim);
  if (index < 0) index += size;
  DimVector sizes, strides;
  sizes.reserve(nd - 1);
  strides.reserve(nd - 1);
  for (int64_t d = 0; d < nd; ++d) {
    if (d == dim) continue;
    sizes.push_back(in_sizes[d]);
    strides.push_back(in_strides[d]);
  }
  return make_view(self, sizes, strides, self.storage_offset() + index * in_strides[dim]);
}

Tensor slice(const Tensor& self, int64_t dim, std::optional<int64_t> start,
             std::optional<int64_t> end, int64_t step) {
  const int64_t nd = self.dim();
  EMBER_CHECK_INDEX(nd > 0, "slice() cannot be applied to a 0-dim tensor.");
  // PyTorch's Python indexing reports a non-positive step as a ValueError with this
  // message; the Python layer forwards t[::k] here unchanged.
  EMBER_CHECK_VALUE(step > 0, "step must be greater than zero");
  dim = maybe_wrap_dim(dim, nd);
  const int64_t size = self.sizes()[dim];
  // Python slice semantics: negative bounds count from the end, then clamp to [0, size].
  int64_t s = start.value_or(0);
  int64_t e = end.value_or(std::numeric_limits<int64_t>::max());
  if (s < 0) s += size;
  if (e < 0) e += size;
  s = std::clamp<int64_t>(s, 0, size);
  e = std::clamp<int64_t>(e, 0, size);
  if (e < s) e = s;
  DimVector sizes(self.sizes().begin(), self.sizes().end());
  DimVector strides(self.strides().begin(), self.strides().end());
  sizes[dim] = (e - s + step - 1) / step;
  const int64_t offset = self.storage_offset() + s * strides[dim];
  strides[dim] *= step;
  return make_view(self, sizes, strides, offset);
}

// ---------------------------------------------------------------------------------
// More views: diagonal, broadcast_to/broadcast_tensors, ravel, moveaxis, atleast_Nd,
// meshgrid. Each result shares self's storage, as in PyTorch.
// ---------------------------------------------------------------------------------

Tensor diagonal(const Tensor& self, int64_t offset, int64_t dim1, int64_t dim2) {
  const int64_t nd = self.dim();
  dim1 = maybe_wrap_dim(dim1, nd);
  dim2 = maybe_wrap_dim(dim2, nd);
  EMBER_CHECK(dim1 != dim2, "diagonal dimensions cannot be identical ", dim1, ", ", dim2);
  const int64_t s1 = self.sizes()[dim1], s2 = self.sizes()[dim2];
  const int64_t length = offset >= 0 ? std::max<int64_t>(std::min(s1, s2 - offset), 0)
                                     : std::max<int64_t>(std::min(s1 + offset, s2), 0);
  int64_t storage_offset = self.storage_offset();
  if (length > 0) {
    storage_offset += offset >= 0 ? offset * self.strides()[dim2] : -offset * self.strides()[dim1];
  }
  DimVector sizes, strides;
  for (int64_t d = 0; d < nd; ++d) {
    if (d == dim1 || d == dim2) continue;
    sizes.push_back(self.sizes()[d]);
    strides.push_back(self.strides()[d]);
  }
  sizes.push_back(length);
  strides.push_back(self.strides()[dim1] + self.strides()[dim2]);
  return make_view(self, sizes, strides, storage_offset);
}

Tensor broadcast_to(const Tensor& self, IntArrayRef size) { return native::expand(self, size, false); }

std::vector<Tensor> broadcast_tensors(TensorList tensors) {
  DimVec shape;
  for (const Tensor& t : tensors) shape = broadcast_shapes(shape, t.sizes());
  std::vector<Tensor> result;
  result.reserve(tensors.size());
  for (const Tensor& t : tensors) result.push_back(native::expand(t, shape, false));
  return result;
}

Tensor ravel(const Tensor& self) { return native::view(native::contiguous(self, MemoryFormat::Contiguous), {-1}); }

Tensor moveaxis_int(const Tensor& self, int64_t source, int64_t destination) {
  return ember::movedim(self, source, destination);
}

Tensor movedim_intlist(const Tensor& self, IntArrayRef source, IntArrayRef destination) {
  EMBER_CHECK(source.size() == destination.size(),
              "movedim: Invalid source or destination dims: source (", shape_str(source),
              " dims) should contain the same number of dims as destination (",
              shape_str(destination), " dims)");
  const int64_t nd = self.dim();
  // order[destination[i]] = source[i]; the remaining dims keep their relative order
  // in the remaining slots.
  DimVector order(std::max<int64_t>(nd, 1), -1);
  std::vector<bool> src_used(std::max<int64_t>(nd, 1), false);
  for (size_t i = 0; i < source.size(); ++i) {
    const int64_t s = maybe_wrap_dim(source[i], nd);
    const int64_t d = maybe_wrap_dim(destination[i], nd);
    EMBER_CHECK(!src_used[s], "movedim: repeated dim in `source` (", shape_str(source), ")");
    EMBER_CHECK(order[d] == -1, "movedim: repeated dim in `destination` (", shape_str(destination), ")");
    src_used[s] = true;
    order[d] = s;
  }
  if (nd == 0) return native::alias(self);
  int64_t next = 0;
  for (int64_t d = 0; d < nd; ++d) {
    if (order[d] != -1) continue;
    while (src_used[next]) ++next;
    order[d] = next++;
  }
  return native::permute(self, order);
}

Tensor moveaxis_intlist(const Tensor& self, IntArrayRef source, IntArrayRef destination) {
  return native::movedim_intlist(self, source, destination);
}

Tensor atleast_1d(const Tensor& self) { return self.dim() == 0 ? native::view(self, {1}) : self; }

Tensor atleast_2d(const Tensor& self) {
  if (self.dim() == 0) return native::view(self, {1, 1});
  if (self.dim() == 1) return native::unsqueeze(self, 0);
  return self;
}

Tensor atleast_3d(const Tensor& self) {
  if (self.dim() == 0) return native::view(self, {1, 1, 1});
  if (self.dim() == 1) return native::unsqueeze(native::unsqueeze(self, 0), -1);
  if (self.dim() == 2) return native::unsqueeze(self, -1);
  return self;
}

namespace {
template <Tensor (*F)(const Tensor&)>
std::vector<Tensor> each(TensorList tensors) {
  std::vector<Tensor> result;
  result.reserve(tensors.size());
  for (const Tensor& t : tensors) result.push_back(F(t));
  return result;
}
}  // namespace

std::vector<Tensor> atleast_1d_Sequence(TensorList tensors) { return each<native::atleast_1d>(tensors); }
std::vector<Tensor> atleast_2d_Sequence(TensorList tensors) { return each<native::atleast_2d>(tensors); }
std::vector<Tensor> atleast_3d_Sequence(TensorList tensors) { return each<native::atleast_3d>(tensors); }

std::vector<Tensor> meshgrid_indexing(TensorList tensors, std::string_view indexing) {
  EMBER_CHECK(!tensors.empty(), "meshgrid expects a non-empty TensorList");
  for (size_t i = 0; i + 1 < tensors.size(); ++i) {
    EMBER_CHECK(tensors[i].dtype() == tensors[i + 1].dtype(),
                "meshgrid expects all tensors to have the same dtype");
    EMBER_CHECK(tensors[i].device() == tensors[i + 1].device(),
                "meshgrid expects all tensors to have the same device");
  }
  const bool xy = indexing == "xy";
  EMBER_CHECK(xy || indexing == "ij",
              "torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: ", indexing);
  for (const Tensor& t : tensors) {
    EMBER_CHECK(t.dim() <= 1, "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got a ",
                t.dim(), "-D tensor");
  }
  // "xy" is "ij" with the first two inputs swapped (their grids come back in the
  // input order): the first two output dims are (len(x1), len(x0)), NumPy's Cartesian
  // indexing.
  std::vector<Tensor> inputs(tensors.begin(), tensors.end());
  const bool swap = xy && inputs.size() >= 2;
  if (swap) std::swap(inputs[0], inputs[1]);
  const int64_t n = static_cast<int64_t>(inputs.size());
  DimVector shape(n);
  for (int64_t i = 0; i < n; ++i) shape[i] = inputs[i].numel();
  std::vector<Tensor> grids;
  grids.reserve(n);
  for (int64_t i = 0; i < n; ++i) {
    DimVector view_shape(n, 1);
    view_shape[i] = -1;
    grids.push_back(native::expand(native::view(inputs[i], view_shape), shape, false));
  }
  if (swap) std::swap(grids[0], grids[1]);
  return grids;
}

std::vector<Tensor> meshgrid(TensorList tensors) { return native::meshgrid_indexing(tensors, "ij"); }

// ---------------------------------------------------------------------------------
// resize_
// ---------------------------------------------------------------------------------

Tensor& resize_(Tensor& self, IntArrayRef size, std::optional<MemoryFormat> memory_format) {
  EMBER_CHECK(!memory_format || *memory_format == MemoryFormat::Contiguous,
              "Unsupported memory format Preserve");
  for (int64_t s : size) {
    EMBER_CHECK(s >= 0, "Trying to create tensor with negative dimension ", s, ": ", shape_str(size));
  }
  TensorImpl* impl = self.impl();
  // Same sizes: PyTorch keeps the tensor as it is, strides included.
  if (impl->sizes().equals(size)) return self;
  const int64_t numel = compute_numel(size);
  if (numel > 0) {
    // The new elements live after the current storage offset; grow() keeps the old bytes.
    const size_t needed =
        storage_nbytes("resize_", size, numel, impl->storage_offset(), impl->itemsize());
    impl->storage()->grow(needed);
  }
  impl->set_sizes_contiguous(size);
  return self;
}

}  // namespace ember::native
