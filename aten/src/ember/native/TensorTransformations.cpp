// Composites that rearrange or pick elements into a new tensor: the NumPy-style
// stacks, flipud/fliplr/rot90, tile, take_along_dim and diff. Built from views,
// cat, flip, repeat, gather and advanced indexing, so one definition serves every
// device. Checks and messages follow PyTorch's.
#include <algorithm>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/Reduce.h>
#include <ember/native/TensorIterator.h>
#include <ember/native/TensorShape.h>

namespace ember::native {

namespace {

Tensor& copy_to_out(Tensor& out, const Tensor& result, const Tensor& self, const char* op) {
  check_out_dtype(out, result.dtype());
  resize_reduction_output(out, result.sizes(), self, op);
  out.copy_(result, false);
  return out;
}

void check_nonempty(TensorList tensors, const char* op) {
  EMBER_CHECK(!tensors.empty(), op, " expects a non-empty TensorList");
}

}  // namespace

// ---------------------------------------------------------------------------------
// Stacks: cat after lifting every input to the rank the stack needs
// ---------------------------------------------------------------------------------

Tensor vstack(TensorList tensors) {
  check_nonempty(tensors, "vstack");
  return ember::cat(ember::atleast_2d(tensors), 0);
}

Tensor& vstack_out(TensorList tensors, Tensor& out) {
  check_nonempty(tensors, "vstack");
  return ember::cat_out(ember::atleast_2d(tensors), 0, out);
}

// row_stack is vstack's other name; only the error message names it.
Tensor row_stack(TensorList tensors) {
  check_nonempty(tensors, "row_stack");
  return ember::vstack(tensors);
}

Tensor& row_stack_out(TensorList tensors, Tensor& out) {
  check_nonempty(tensors, "row_stack");
  return ember::vstack_out(tensors, out);
}

Tensor hstack(TensorList tensors) {
  check_nonempty(tensors, "hstack");
  const std::vector<Tensor> parts = ember::atleast_1d(tensors);
  return ember::cat(parts, parts[0].dim() == 1 ? 0 : 1);
}

Tensor& hstack_out(TensorList tensors, Tensor& out) {
  check_nonempty(tensors, "hstack");
  const std::vector<Tensor> parts = ember::atleast_1d(tensors);
  return ember::cat_out(parts, parts[0].dim() == 1 ? 0 : 1, out);
}

Tensor dstack(TensorList tensors) {
  check_nonempty(tensors, "dstack");
  return ember::cat(ember::atleast_3d(tensors), 2);
}

Tensor& dstack_out(TensorList tensors, Tensor& out) {
  check_nonempty(tensors, "dstack");
  return ember::cat_out(ember::atleast_3d(tensors), 2, out);
}

namespace {
// 0-d and 1-d inputs become columns; the rest join along dim 1 as they are.
std::vector<Tensor> as_columns(TensorList tensors) {
  std::vector<Tensor> cols;
  cols.reserve(tensors.size());
  for (const Tensor& t : tensors) cols.push_back(t.dim() <= 1 ? ember::reshape(t, {t.numel(), 1}) : t);
  return cols;
}
}  // namespace

Tensor column_stack(TensorList tensors) {
  check_nonempty(tensors, "column_stack");
  return ember::cat(as_columns(tensors), 1);
}

Tensor& column_stack_out(TensorList tensors, Tensor& out) {
  check_nonempty(tensors, "column_stack");
  return ember::cat_out(as_columns(tensors), 1, out);
}

// ---------------------------------------------------------------------------------
// Flips, rotations, tiling
// ---------------------------------------------------------------------------------

Tensor flipud(const Tensor& self) {
  EMBER_CHECK(self.dim() >= 1, "Input must be >= 1-d.");
  return ember::flip(self, {0});
}

Tensor fliplr(const Tensor& self) {
  EMBER_CHECK(self.dim() >= 2, "Input must be >= 2-d.");
  return ember::flip(self, {1});
}

Tensor rot90(const Tensor& self, int64_t k, IntArrayRef dims) {
  const int64_t nd = self.dim();
  EMBER_CHECK(dims.size() == 2, "expected total rotation dims == 2, but got dims = ", dims.size());
  EMBER_CHECK(nd >= 2, "expected total dims >= 2, but got total dims = ", nd);
  const int64_t d0 = maybe_wrap_dim(dims[0], nd), d1 = maybe_wrap_dim(dims[1], nd);
  EMBER_CHECK(d0 != d1, "expected rotation dims to be different, but got dim0 = ", dims[0], " and dim1 = ",
              dims[1]);
  // A quarter turn from d0 towards d1 is "reverse d1, then swap d0 and d1".
  switch (((k % 4) + 4) % 4) {
    case 1: return ember::transpose(ember::flip(self, {d1}), d0, d1);
    case 2: return ember::flip(self, {d0, d1});
    case 3: return ember::transpose(ember::flip(self, {d0}), d0, d1);
    default: return ember::clone(self, MemoryFormat::Contiguous);
  }
}

Tensor tile(const Tensor& self, IntArrayRef dims) {
  // Fewer reps than dims: the leading dims repeat once (NumPy's tile).
  DimVector reps(std::max<int64_t>(self.dim() - static_cast<int64_t>(dims.size()), 0), 1);
  reps.insert(reps.end(), dims.begin(), dims.end());
  return self.repeat(reps);
}

// ---------------------------------------------------------------------------------
// Picking elements by index
// ---------------------------------------------------------------------------------

Tensor take_along_dim(const Tensor& self, const Tensor& indices, std::optional<int64_t> dim) {
  EMBER_CHECK(indices.dtype() == ScalarType::Long,
              "torch.take_along_dim(): dtype of indices should be Long but got ", indices.dtype());
  if (!dim) return ember::gather(self.view({-1}), 0, indices.view({-1}));
  const int64_t d = maybe_wrap_dim(*dim, self.dim(), /*wrap_scalar=*/false);
  EMBER_CHECK(self.dim() == indices.dim(),
              "torch.take_along_dim(): input and indices should have the same number of dimensions, "
              "but got ", self.dim(), " dimensions for input, and ", indices.dim(), " dimensions for indices");
  // Both broadcast against each other everywhere but along dim.
  DimVector self_sizes(self.sizes().begin(), self.sizes().end());
  DimVector index_sizes(indices.sizes().begin(), indices.sizes().end());
  if (self.dim() > 0) {
    self_sizes[d] = indices.size(d);
    index_sizes[d] = self.size(d);
  }
  const DimVec index_shape = broadcast_shapes(self_sizes, indices.sizes());
  const DimVec self_shape = broadcast_shapes(index_sizes, self.sizes());
  return ember::gather(self.expand(DimVector(self_shape.begin(), self_shape.end())), d,
                       indices.expand(DimVector(index_shape.begin(), index_shape.end())));
}

Tensor& take_along_dim_out(const Tensor& self, const Tensor& indices, std::optional<int64_t> dim,
                           Tensor& out) {
  return copy_to_out(out, native::take_along_dim(self, indices, dim), self, "take_along_dim");
}

// ---------------------------------------------------------------------------------
// diff: n-th forward difference along dim, after prepend/append
// ---------------------------------------------------------------------------------

namespace {

void check_diff_operand(const Tensor& self, const Tensor& other, int64_t dim) {
  EMBER_CHECK(self.dim() == other.dim(), "diff expects prepend or append to be the same dimension as input");
  for (int64_t i = 0; i < other.dim(); ++i) {
    if (i == dim) continue;
    EMBER_CHECK(self.size(i) == other.size(i),
                "diff expects the shape of tensor to prepend or append to match that of input except "
                "along the differencing dimension; input.size(", i, ") = ", self.size(i),
                ", but got tensor.size(", i, ") = ", other.size(i));
  }
}

}  // namespace

Tensor diff(const Tensor& self, int64_t n, int64_t dim, const std::optional<Tensor>& prepend,
            const std::optional<Tensor>& append) {
  EMBER_CHECK(self.dim() >= 1, "diff expects input to be at least one-dimensional");
  EMBER_CHECK(n >= 0, "order must be non-negative but got ", n);
  dim = maybe_wrap_dim(dim, self.dim());
  if (prepend) check_diff_operand(self, *prepend, dim);
  if (append) check_diff_operand(self, *append, dim);
  if (n == 0) return ember::clone(self);
  Tensor x = self;
  if (prepend || append) {
    std::vector<Tensor> parts;
    if (prepend) parts.push_back(*prepend);
    parts.push_back(self);
    if (append) parts.push_back(*append);
    x = ember::cat(parts, dim);
  }
  // Each pass drops one element along dim; bool differences are "not equal" (xor).
  n = std::min(n, x.size(dim));
  for (; n > 0; --n) {
    const int64_t len = x.size(dim) - 1;
    const Tensor hi = ember::narrow(x, dim, 1, len), lo = ember::narrow(x, dim, 0, len);
    x = x.dtype() == ScalarType::Bool ? ember::ne(hi, lo) : ember::sub(hi, lo);
  }
  return x;
}

Tensor& diff_out(const Tensor& self, int64_t n, int64_t dim, const std::optional<Tensor>& prepend,
                 const std::optional<Tensor>& append, Tensor& out) {
  return copy_to_out(out, native::diff(self, n, dim, prepend, append), self, "diff");
}

}  // namespace ember::native
