// Composite operators: each is written only in terms of other ember operators (views,
// advanced indexing, reductions, matmul), so one definition serves every device and
// none of them owns a DispatchStub or a device loop. Argument checks and messages
// follow PyTorch's, since the operator is otherwise invisible behind its parts.
#include <algorithm>
#include <numeric>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorIterator.h>
#include <ember/native/TensorShape.h>

namespace ember::native {

namespace {

// The dims of `dims` wrapped against ndim, rejecting repeats like PyTorch's dim bitset.
std::vector<bool> dim_mask(IntArrayRef dims, int64_t ndim) {
  std::vector<bool> seen(std::max<int64_t>(ndim, 1), false);
  for (const int64_t d : dims) {
    const int64_t w = maybe_wrap_dim(d, ndim);
    EMBER_CHECK(!seen[w], "dim ", w, " appears multiple times in the list of dims");
    seen[w] = true;
  }
  return seen;
}

Tensor long_arange(int64_t n, Device device) {
  return ember::arange(n, ScalarType::Long, std::nullopt, device);
}

// arange(n) shaped to broadcast along dim d of an ndim-dim tensor.
Tensor arange_along(int64_t n, int64_t d, int64_t ndim, Device device) {
  DimVector shape(ndim, 1);
  shape[d] = n;
  return long_arange(n, device).view(shape);
}

Tensor long_scalar(int64_t v) { return wrapped_scalar_tensor(Scalar(v)); }

}  // namespace

// ---------------------------------------------------------------------------------
// Splitting into views
// ---------------------------------------------------------------------------------

std::vector<Tensor> split(const Tensor& self, int64_t split_size, int64_t dim) {
  EMBER_CHECK(self.dim() != 0, "split expects at least a 1-dimensional tensor");
  EMBER_CHECK(split_size >= 0, "split expects split_size be non-negative, but got split_size=",
              split_size);
  dim = maybe_wrap_dim(dim, self.dim());
  const int64_t dim_size = self.size(dim);
  EMBER_CHECK(split_size > 0 || dim_size == 0,
              "split_size can only be 0 if dimension size is 0, but got dimension size of ",
              dim_size);
  int64_t num_splits = 1;
  if (split_size != 0) num_splits = std::max<int64_t>((dim_size + split_size - 1) / split_size, 1);
  std::vector<Tensor> parts;
  parts.reserve(num_splits);
  const int64_t last = split_size - (split_size * num_splits - dim_size);
  for (int64_t i = 0; i < num_splits; ++i) {
    const int64_t length = i < num_splits - 1 ? split_size : last;
    parts.push_back(ember::narrow(self, dim, i * split_size, length));
  }
  return parts;
}

std::vector<Tensor> split_with_sizes(const Tensor& self, IntArrayRef split_sizes, int64_t dim) {
  EMBER_CHECK(self.dim() != 0, "split expects at least a 1-dimensional tensor");
  dim = maybe_wrap_dim(dim, self.dim());
  const int64_t dim_size = self.size(dim);
  int64_t start = 0;
  std::vector<Tensor> parts;
  parts.reserve(split_sizes.size());
  for (const int64_t length : split_sizes) {
    EMBER_CHECK(length >= 0, "split_with_sizes expects split_sizes have only non-negative entries, "
                             "but got split_sizes=", shape_str(split_sizes));
    start += length;
  }
  EMBER_CHECK(start == dim_size, "split_with_sizes expects split_sizes to sum exactly to ", dim_size,
              " (input tensor's size at dimension ", dim, "), but got split_sizes=",
              shape_str(split_sizes));
  start = 0;
  for (const int64_t length : split_sizes) {
    parts.push_back(ember::narrow(self, dim, start, length));
    start += length;
  }
  return parts;
}

std::vector<Tensor> split_sizes(const Tensor& self, IntArrayRef split_size, int64_t dim) {
  return ember::split_with_sizes(self, split_size, dim);
}

std::vector<Tensor> chunk(const Tensor& self, int64_t chunks, int64_t dim) {
  EMBER_CHECK(self.dim() > 0, "chunk expects at least a 1-dimensional tensor");
  EMBER_CHECK(chunks > 0, "chunk expects `chunks` to be greater than 0, got: ", chunks);
  dim = maybe_wrap_dim(dim, self.dim());
  const int64_t dim_size = self.size(dim);
  const int64_t split_size = (dim_size + chunks - 1) / chunks;
  if (split_size == 0 && dim_size == 0) {
    // PyTorch keeps the number of chunks for an empty dim: `chunks` empty views.
    const DimVector sizes(chunks, 0);
    return ember::split_with_sizes(self, sizes, dim);
  }
  return ember::split(self, split_size, dim);
}

std::vector<Tensor> unbind(const Tensor& self, int64_t dim) {
  dim = maybe_wrap_dim(dim, self.dim(), /*wrap_scalar=*/false);
  const int64_t n = self.size(dim);
  std::vector<Tensor> parts;
  parts.reserve(n);
  for (int64_t i = 0; i < n; ++i) parts.push_back(ember::select(self, dim, i));
  return parts;
}

// ---------------------------------------------------------------------------------
// Reordering and reshaping views
// ---------------------------------------------------------------------------------

Tensor movedim(const Tensor& self, int64_t source, int64_t destination) {
  const int64_t nd = self.dim();
  source = maybe_wrap_dim(source, nd);
  destination = maybe_wrap_dim(destination, nd);
  if (nd == 0) return ember::alias(self);
  DimVector order;
  for (int64_t d = 0; d < nd; ++d)
    if (d != source) order.push_back(d);
  order.insert(order.begin() + destination, source);
  return ember::permute(self, order);
}

Tensor swapaxes(const Tensor& self, int64_t axis0, int64_t axis1) {
  return ember::transpose(self, axis0, axis1);
}

Tensor swapdims(const Tensor& self, int64_t dim0, int64_t dim1) {
  return ember::transpose(self, dim0, dim1);
}

Tensor unflatten(const Tensor& self, int64_t dim, IntArrayRef sizes) {
  dim = maybe_wrap_dim(dim, self.dim());
  EMBER_CHECK(!sizes.empty(), "unflatten: sizes must be non-empty");
  const int64_t dim_size = self.dim() == 0 ? 1 : self.size(dim);
  int64_t known = 1;
  int64_t inferred = 0;
  for (const int64_t s : sizes) {
    if (s == -1) {
      ++inferred;
    } else {
      known *= s;
    }
  }
  EMBER_CHECK(inferred <= 1, "only one dimension can be inferred");
  EMBER_CHECK(inferred == 1 ? (known != 0 && dim_size % known == 0) || (known == 0 && dim_size == 0)
                            : known == dim_size,
              "unflatten: Provided sizes ", shape_str(sizes), " don't multiply up to the size of dim ",
              dim, " (", dim_size, ") in the input tensor");
  DimVector shape(self.sizes().begin(), self.sizes().end());
  if (self.dim() == 0) shape.push_back(1);
  shape.erase(shape.begin() + dim);
  shape.insert(shape.begin() + dim, sizes.begin(), sizes.end());
  return self.view(shape);
}

// ---------------------------------------------------------------------------------
// Copies that rearrange elements
// ---------------------------------------------------------------------------------

Tensor repeat(const Tensor& self, IntArrayRef repeats) {
  const int64_t nr = static_cast<int64_t>(repeats.size());
  EMBER_CHECK(nr >= self.dim(), "Number of dimensions of repeat dims can not be smaller than number "
                                "of dimensions of tensor");
  // Pad self with leading 1s, give every dim a size-1 partner in front, broadcast the
  // partners to the repeat counts and let reshape copy the (r0, s0, r1, s1, ...) block.
  DimVector padded(nr - self.dim(), 1);
  padded.insert(padded.end(), self.sizes().begin(), self.sizes().end());
  DimVector interleaved, expanded, result;
  for (int64_t i = 0; i < nr; ++i) {
    EMBER_CHECK(repeats[i] >= 0, "Trying to create tensor with negative dimension ", repeats[i], ": ",
                shape_str(repeats));
    interleaved.insert(interleaved.end(), {1, padded[i]});
    expanded.insert(expanded.end(), {repeats[i], padded[i]});
    result.push_back(repeats[i] * padded[i]);
  }
  // reshape copies unless every repeat is 1; then the result would still be a view of
  // self, and repeat always returns a new tensor.
  const Tensor r = ember::reshape(self.reshape(interleaved).expand(expanded), result);
  if (r.numel() > 0 && r.storage() == self.storage()) return ember::clone(r, MemoryFormat::Contiguous);
  return r.contiguous();
}

Tensor flip(const Tensor& self, IntArrayRef dims) {
  const int64_t nd = self.dim();
  const std::vector<bool> mask = dim_mask(dims, nd);
  Tensor result = self;
  bool copied = false;
  for (int64_t d = 0; d < nd; ++d) {
    if (!mask[d] || self.size(d) <= 1) continue;
    const int64_t n = self.size(d);
    std::vector<std::optional<Tensor>> idx(d, std::nullopt);
    idx.push_back(ember::arange(n - 1, -1, -1, ScalarType::Long, std::nullopt, self.device()));
    result = ember::index(result, idx);
    copied = true;
  }
  return copied ? result : ember::clone(self);
}

namespace {
Tensor roll_dim(const Tensor& self, int64_t shift, int64_t dim) {
  const int64_t n = self.size(dim);
  if (n == 0) return ember::clone(self);
  const int64_t s = ((shift % n) + n) % n;
  if (s == 0) return ember::clone(self);
  const std::vector<Tensor> parts = {ember::narrow(self, dim, n - s, s), ember::narrow(self, dim, 0, n - s)};
  return ember::cat(parts, dim);
}
}  // namespace

Tensor roll(const Tensor& self, IntArrayRef shifts, IntArrayRef dims) {
  EMBER_CHECK(!shifts.empty(), "`shifts` required");
  if (dims.empty() && shifts.size() == 1) {
    return roll_dim(ember::flatten(self, 0, -1), shifts[0], 0).view(self.sizes());
  }
  EMBER_CHECK(shifts.size() == dims.size(), "shifts and dimensions must align. shifts: ",
              shifts.size(), ", dims:", dims.size());
  Tensor result = self;
  for (size_t i = 0; i < dims.size(); ++i) {
    result = roll_dim(result, shifts[i], maybe_wrap_dim(dims[i], self.dim()));
  }
  return dims.empty() ? ember::clone(self) : result;
}

namespace {
// Keeps the elements whose column - row lies on the kept side of `diagonal`.
Tensor triangle(const Tensor& self, int64_t diagonal, bool lower, const char* name) {
  EMBER_CHECK(self.dim() >= 2, name, ": input tensor must have at least 2 dimensions");
  const int64_t rows = self.size(-2), cols = self.size(-1);
  const Tensor offset = ember::sub(long_arange(cols, self.device()),
                                   long_arange(rows, self.device()).unsqueeze(1));
  const Tensor keep = lower ? ember::le(offset, long_scalar(diagonal))
                            : ember::ge(offset, long_scalar(diagonal));
  return ember::where(keep, self, scalar_tensor_of(Scalar(int64_t(0)), self.dtype(), self.device()));
}
}  // namespace

Tensor tril(const Tensor& self, int64_t diagonal) { return triangle(self, diagonal, true, "tril"); }

Tensor triu(const Tensor& self, int64_t diagonal) { return triangle(self, diagonal, false, "triu"); }

Tensor diag(const Tensor& self, int64_t diagonal) {
  EMBER_CHECK(self.dim() == 1 || self.dim() == 2, "diag(): Supports 1D or 2D tensors. Got ",
              self.dim(), "D");
  if (self.dim() == 1) {
    const int64_t n = self.size(0);
    const int64_t side = n + std::abs(diagonal);
    Tensor result = ember::zeros({side, side}, self.dtype(), std::nullopt, self.device());
    const Tensor i = long_arange(n, self.device());
    const Tensor row = diagonal >= 0 ? i : ember::add(i, long_scalar(-diagonal));
    const Tensor col = diagonal >= 0 ? ember::add(i, long_scalar(diagonal)) : i;
    const std::vector<std::optional<Tensor>> idx = {row, col};
    ember::index_put_(result, idx, self);
    return result;
  }
  const int64_t rows = self.size(0), cols = self.size(1);
  int64_t length = 0;
  int64_t offset = self.storage_offset();
  if (diagonal >= 0) {
    length = std::max<int64_t>(0, std::min(rows, cols - diagonal));
    if (length > 0) offset += diagonal * self.stride(1);
  } else {
    length = std::max<int64_t>(0, std::min(rows + diagonal, cols));
    if (length > 0) offset -= diagonal * self.stride(0);
  }
  return ember::clone(
      ember::as_strided(self, {length}, {self.stride(0) + self.stride(1)}, offset));
}

// ---------------------------------------------------------------------------------
// new_* factories: self's dtype and device unless given
// ---------------------------------------------------------------------------------

Tensor new_empty(const Tensor& self, IntArrayRef size, std::optional<ScalarType> dtype,
                 std::optional<Layout> layout, std::optional<Device> device,
                 std::optional<bool> pin_memory) {
  return ember::empty(size, dtype.value_or(self.dtype()), layout, device.value_or(self.device()),
                      pin_memory);
}

Tensor new_full(const Tensor& self, IntArrayRef size, const Scalar& fill_value,
                std::optional<ScalarType> dtype, std::optional<Layout> layout,
                std::optional<Device> device, std::optional<bool> pin_memory) {
  return ember::full(size, fill_value, dtype.value_or(self.dtype()), layout,
                     device.value_or(self.device()), pin_memory);
}

Tensor new_zeros(const Tensor& self, IntArrayRef size, std::optional<ScalarType> dtype,
                 std::optional<Layout> layout, std::optional<Device> device,
                 std::optional<bool> pin_memory) {
  return ember::zeros(size, dtype.value_or(self.dtype()), layout, device.value_or(self.device()),
                      pin_memory);
}

Tensor new_ones(const Tensor& self, IntArrayRef size, std::optional<ScalarType> dtype,
                std::optional<Layout> layout, std::optional<Device> device,
                std::optional<bool> pin_memory) {
  return ember::ones(size, dtype.value_or(self.dtype()), layout, device.value_or(self.device()),
                     pin_memory);
}

// ---------------------------------------------------------------------------------
// gather / scatter: advanced indexing with one broadcast arange per other dim
// ---------------------------------------------------------------------------------

namespace {

// PyTorch's gather/scatter shape rule: same number of dims (0-dim counts as 1-D), and
// index no larger than self (and src, for scatter) outside `dim`. Also rejects indices
// outside [0, size): unlike advanced indexing, gather/scatter do not wrap negatives.
void check_gather_scatter(const char* name, const Tensor& self, int64_t dim, const Tensor& index,
                          const Tensor* src) {
  EMBER_CHECK(index.dtype() == ScalarType::Long || (src == nullptr && index.dtype() == ScalarType::Int),
              name, "(): Expected dtype int64 for index");
  const int64_t nd = std::max<int64_t>(self.dim(), 1);
  EMBER_CHECK(std::max<int64_t>(index.dim(), 1) == nd,
              "Index tensor must have the same number of dimensions as ",
              src ? "self tensor" : "input tensor");
  if (src) {
    EMBER_CHECK(std::max<int64_t>(src->dim(), 1) == nd,
                "Index tensor must have the same number of dimensions as src tensor");
  }
  if (index.numel() == 0) return;
  for (int64_t d = 0; d < index.dim(); ++d) {
    if (d != dim) {
      EMBER_CHECK(index.size(d) <= self.size(d), "Size does not match at dimension ", d,
                  " expected index ", shape_str(index.sizes()), " to be no larger than self ",
                  shape_str(self.sizes()), " apart from dimension ", dim);
    }
    if (src) {
      EMBER_CHECK(index.size(d) <= src->size(d), "Size does not match at dimension ", d,
                  " expected index ", shape_str(index.sizes()), " to be no larger than src ",
                  shape_str(src->sizes()), " apart from dimension ", dim);
    }
  }
  const int64_t size = self.dim() == 0 ? 1 : self.size(dim);
  const Tensor bad = ember::logical_or(ember::lt(index, long_scalar(0)),
                                       ember::ge(index, long_scalar(size)));
  if (ember::any(bad).item().to_bool()) {
    const int64_t v = ember::select(ember::masked_select(index, bad), 0, 0).item().to_long();
    EMBER_CHECK(false, "index ", v, " is out of bounds for dimension ", dim, " with size ", size);
  }
}

// The index tuple addressing self at (arange..., index along dim, arange...), shaped like
// `index`; self and index are at least 1-D here.
std::vector<std::optional<Tensor>> gather_indices(const Tensor& index, int64_t dim) {
  const int64_t nd = index.dim();
  std::vector<std::optional<Tensor>> idx;
  idx.reserve(nd);
  for (int64_t d = 0; d < nd; ++d) {
    idx.emplace_back(d == dim ? index : arange_along(index.size(d), d, nd, index.device()));
  }
  return idx;
}

Tensor at_least_1d(const Tensor& t) { return t.dim() == 0 ? t.reshape({1}) : t; }

Tensor& scatter_impl(const char* name, Tensor& self, int64_t dim, const Tensor& index,
                     const Tensor& src, bool accumulate) {
  dim = maybe_wrap_dim(dim, self.dim());
  check_gather_scatter(name, self, dim, index, &src);
  EMBER_CHECK(self.dtype() == src.dtype(), name, "(): Expected self.dtype to be equal to src.dtype");
  if (index.numel() == 0) return self;
  Tensor index1 = at_least_1d(index);
  Tensor values = at_least_1d(src);
  for (int64_t d = 0; d < index1.dim(); ++d) values = ember::narrow(values, d, 0, index1.size(d));
  Tensor target = at_least_1d(self);
  ember::index_put_(target, gather_indices(index1, dim), values, accumulate);
  return self;
}

}  // namespace

Tensor gather(const Tensor& self, int64_t dim, const Tensor& index, bool /*sparse_grad*/) {
  dim = maybe_wrap_dim(dim, self.dim());
  check_gather_scatter("gather", self, dim, index, nullptr);
  if (index.numel() == 0) return ember::empty(index.sizes(), self.dtype(), std::nullopt, self.device());
  const Tensor index1 = at_least_1d(index).to(ScalarType::Long);
  const Tensor result = ember::index(at_least_1d(self), gather_indices(index1, dim));
  return result.view(index.sizes());
}

Tensor& scatter_src_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  return scatter_impl("scatter", self, dim, index, src, false);
}

Tensor scatter_src(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  Tensor result = ember::clone(self);
  return scatter_impl("scatter", result, dim, index, src, false);
}

Tensor& scatter_value_(Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
  const Tensor src = scalar_tensor_of(value, self.dtype(), self.device()).expand(index.sizes());
  return scatter_impl("scatter", self, dim, index, src, false);
}

Tensor scatter_value(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
  Tensor result = ember::clone(self);
  return native::scatter_value_(result, dim, index, value);
}

Tensor& scatter_add_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  return scatter_impl("scatter_add", self, dim, index, src, true);
}

Tensor scatter_add(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  Tensor result = ember::clone(self);
  return scatter_impl("scatter_add", result, dim, index, src, true);
}

Tensor masked_select(const Tensor& self, const Tensor& mask) {
  EMBER_CHECK(mask.dtype() == ScalarType::Bool, "masked_select: expected BoolTensor for mask");
  const DimVec shape = broadcast_shapes(self.sizes(), mask.sizes());
  const DimVector sizes(shape.begin(), shape.end());
  const std::vector<std::optional<Tensor>> idx = {mask.expand(sizes)};
  return ember::index(self.expand(sizes), idx);
}

Tensor index_select(const Tensor& self, int64_t dim, const Tensor& index) {
  EMBER_CHECK_INDEX(index.dim() <= 1, "index_select(): Index is supposed to be a vector");
  EMBER_CHECK(index.dtype() == ScalarType::Long || index.dtype() == ScalarType::Int,
              "index_select(): Expected dtype int32 or int64 for index");
  dim = maybe_wrap_dim(dim, self.dim());
  const Tensor self1 = at_least_1d(self);
  const Tensor index1 = at_least_1d(index).to(ScalarType::Long);
  const int64_t size = self1.size(dim);
  if (index1.numel() > 0) {
    const Tensor bad = ember::logical_or(ember::lt(index1, long_scalar(0)),
                                         ember::ge(index1, long_scalar(size)));
    EMBER_CHECK_INDEX(!ember::any(bad).item().to_bool(), "index out of range in self");
  }
  std::vector<std::optional<Tensor>> idx(dim, std::nullopt);
  idx.emplace_back(index1);
  const Tensor result = ember::index(self1, idx);
  return self.dim() == 0 ? result.reshape({}) : result;
}

// ---------------------------------------------------------------------------------
// Reductions over several dims
// ---------------------------------------------------------------------------------

namespace {

// max/min over `dims` (all when empty): the reduced dims move to the end, collapse into
// one, and max.dim/min.dim reduce it.
Tensor extremum(const char* name, const Tensor& self, IntArrayRef dims, bool keepdim, bool is_max) {
  const int64_t nd = self.dim();
  std::vector<bool> reduce = dim_mask(dims, nd);
  if (dims.empty()) std::fill(reduce.begin(), reduce.end(), true);
  DimVector order, kept_sizes;
  int64_t reduced = 1;
  for (int64_t d = 0; d < nd; ++d) {
    if (!reduce[d]) {
      order.push_back(d);
      kept_sizes.push_back(self.size(d));
    }
  }
  for (int64_t d = 0; d < nd; ++d) {
    if (reduce[d]) {
      EMBER_CHECK_INDEX(self.size(d) != 0, name, "(): Expected reduction dim ", d,
                  " to have non-zero size.");
      order.push_back(d);
      reduced *= self.size(d);
    }
  }
  if (nd == 0) {
    return ember::clone(self);
  }
  DimVector flat = kept_sizes;
  flat.push_back(reduced);
  const Tensor collapsed = ember::permute(self, order).reshape(flat);
  Tensor result = std::get<0>(is_max ? ember::max(collapsed, -1, false) : ember::min(collapsed, -1, false));
  if (keepdim) {
    DimVector shape(self.sizes().begin(), self.sizes().end());
    for (int64_t d = 0; d < nd; ++d)
      if (reduce[d]) shape[d] = 1;
    result = result.view(shape);
  }
  return result;
}

}  // namespace

Tensor amax(const Tensor& self, IntArrayRef dim, bool keepdim) {
  return extremum("amax", self, dim, keepdim, true);
}

Tensor amin(const Tensor& self, IntArrayRef dim, bool keepdim) {
  return extremum("amin", self, dim, keepdim, false);
}

Tensor logsumexp(const Tensor& self, IntArrayRef dim, bool keepdim) {
  const Tensor x = is_floating_type(self.dtype()) ? self : self.to(default_dtype());
  const OptionalIntArrayRef dims(dim);
  if (x.numel() == 0) return ember::log(ember::sum(ember::exp(x), dims, keepdim));
  // Subtract the (finite) maximum so exp cannot overflow; an infinite maximum is
  // replaced by 0 so that inf - inf does not turn a +/-inf result into nan.
  Tensor m = ember::amax(x, dim, true);
  m = ember::masked_fill(m, ember::isinf(m), Scalar(0.0));
  Tensor result = ember::add(ember::log(ember::sum(ember::exp(ember::sub(x, m)), dims, true)), m);
  if (!keepdim && x.dim() > 0) {
    result = ember::squeeze(result, dim.empty() ? IntArrayRef() : dim);
    if (dim.empty()) result = result.reshape({});
  }
  return result;
}

// ---------------------------------------------------------------------------------
// Vector products
// ---------------------------------------------------------------------------------

Tensor dot(const Tensor& self, const Tensor& tensor) {
  EMBER_CHECK(self.dim() == 1 && tensor.dim() == 1, "1D tensors expected, but got ", self.dim(),
              "D and ", tensor.dim(), "D tensors");
  EMBER_CHECK(self.dtype() == tensor.dtype(), "dot : expected both vectors to have same dtype, but found ",
              type_name(self.dtype()), " and ", type_name(tensor.dtype()));
  EMBER_CHECK(self.numel() == tensor.numel(), "inconsistent tensor size, expected tensor [",
              self.numel(), "] and src [", tensor.numel(),
              "] to have the same number of elements, but got ", self.numel(), " and ",
              tensor.numel(), " elements respectively");
  return ember::matmul(self, tensor);
}

Tensor outer(const Tensor& self, const Tensor& vec2) {
  EMBER_CHECK(self.dim() == 1, "outer: Expected 1-D argument self, but got ", self.dim(), "-D");
  EMBER_CHECK(vec2.dim() == 1, "outer: Expected 1-D argument vec2, but got ", vec2.dim(), "-D");
  return ember::mul(self.reshape({self.size(0), 1}), vec2);
}

Tensor mv(const Tensor& self, const Tensor& vec) {
  EMBER_CHECK(self.dim() == 2 && vec.dim() == 1, "vector + matrix @ vector expected, got 1, ",
              self.dim(), ", ", vec.dim());
  EMBER_CHECK(self.size(1) == vec.size(0), "size mismatch, got input (", self.size(0), "), mat (",
              self.size(0), "x", self.size(1), "), vec (", vec.size(0), ")");
  return ember::matmul(self, vec);
}

// ---------------------------------------------------------------------------------
// Closeness and equality
// ---------------------------------------------------------------------------------

Tensor isclose(const Tensor& self, const Tensor& other, double rtol, double atol, bool equal_nan) {
  EMBER_CHECK(self.dtype() == other.dtype(), self.dtype(), " did not match ", other.dtype());
  EMBER_CHECK(rtol >= 0, "rtol must be greater than or equal to zero, but got ", rtol);
  EMBER_CHECK(atol >= 0, "atol must be greater than or equal to zero, but got ", atol);
  Tensor close = ember::eq(self, other);
  if (equal_nan && self.is_floating_point()) {
    close = ember::logical_or(close, ember::logical_and(ember::isnan(self), ember::isnan(other)));
  }
  if (rtol == 0 && atol == 0) return close;
  // |self - other| <= atol + rtol * |other|, in floating point (integers would wrap);
  // an infinite or NaN error never counts as close (equal infinities are caught above).
  const Tensor a = self.is_floating_point() ? self : self.to(default_dtype());
  const Tensor b = other.is_floating_point() ? other : other.to(default_dtype());
  const Tensor allowed = ember::add(wrapped_scalar_tensor(Scalar(atol)),
                                    ember::abs(ember::mul(b, wrapped_scalar_tensor(Scalar(rtol)))));
  const Tensor actual = ember::abs(ember::sub(a, b));
  return ember::logical_or(close, ember::logical_and(ember::isfinite(actual), ember::le(actual, allowed)));
}

bool allclose(const Tensor& self, const Tensor& other, double rtol, double atol, bool equal_nan) {
  return ember::all(ember::isclose(self, other, rtol, atol, equal_nan)).item().to_bool();
}

bool equal(const Tensor& self, const Tensor& other) {
  EMBER_CHECK(self.device() == other.device(), "Cannot compare two tensors on different devices. Got: ",
              self.device(), " and ", other.device());
  if (self.sizes() != other.sizes()) return false;
  return ember::all(ember::eq(self, other)).item().to_bool();
}

Tensor argwhere(const Tensor& self) { return ember::nonzero(self); }

// ---------------------------------------------------------------------------------
// repeat_interleave
// ---------------------------------------------------------------------------------

// repeat_interleave(repeats): index i repeated repeats[i] times. Group starts are
// marked (+1 at each cumulative offset, several for empty groups) and a cumsum turns
// the marks into group ids.
Tensor repeat_interleave(const Tensor& repeats, std::optional<int64_t> output_size) {
  EMBER_CHECK(repeats.dim() == 1, "repeat_interleave only accept 1D vector as repeat");
  EMBER_CHECK_NOT_IMPLEMENTED(repeats.dtype() == ScalarType::Long || repeats.dtype() == ScalarType::Int,
                              "\"repeat_interleave_cpu\" not implemented for '", type_name(repeats.dtype()), "'");
  const Tensor counts = repeats.to(ScalarType::Long);
  if (counts.numel() > 0) {
    EMBER_CHECK(ember::amin(counts).item().to_long() >= 0, "repeats can not be negative");
  }
  const Tensor ends = ember::cumsum(counts, 0);
  const int64_t total = counts.numel() > 0 ? ends.select(0, -1).item().to_long() : 0;
  EMBER_CHECK(!output_size || *output_size == total, "allocated size does not match required size");
  Tensor marks = ember::zeros({total}, ScalarType::Long, std::nullopt, repeats.device());
  if (total == 0) return marks.to(repeats.dtype());  // the indices take repeats' dtype
  const Tensor starts = ends.narrow(0, 0, counts.numel() - 1);
  const Tensor inside = ember::masked_select(starts, ember::lt(starts, long_scalar(total)));
  marks.index_add_(0, inside, ember::ones({inside.numel()}, ScalarType::Long, std::nullopt, repeats.device()));
  return ember::cumsum(marks, 0).to(repeats.dtype());
}

Tensor repeat_interleave(const Tensor& self, const Tensor& repeats, std::optional<int64_t> dim,
                         std::optional<int64_t> output_size) {
  Tensor input = self;
  int64_t d = 0;
  if (dim) {
    d = maybe_wrap_dim(*dim, self.dim());
  } else {
    input = self.reshape({-1});
  }
  EMBER_CHECK(repeats.dim() <= 1, "repeats must be 0-dim or 1-dim tensor");
  Tensor reps = repeats;
  if (reps.dim() == 0 || reps.numel() == 1) {
    reps = reps.reshape({1}).expand({input.size(d)});
  } else {
    EMBER_CHECK(reps.size(0) == input.size(d), "repeats must have the same size as input along dim, but got "
                "repeats.size(0) = ", reps.size(0), " and input.size(", d, ") = ", input.size(d));
  }
  return ember::index_select(input, d, ember::repeat_interleave(reps.contiguous(), output_size));
}

Tensor repeat_interleave(const Tensor& self, int64_t repeats, std::optional<int64_t> dim,
                         std::optional<int64_t> output_size) {
  EMBER_CHECK(repeats >= 0, "Repeats must be non-negative");
  return ember::repeat_interleave(self, ember::full({}, repeats, ScalarType::Long, std::nullopt, self.device()),
                                  dim, output_size);
}

Tensor clamp_min(const Tensor& self, const Scalar& min) { return ember::clamp(self, min, std::nullopt); }

Tensor clamp_max(const Tensor& self, const Scalar& max) { return ember::clamp(self, std::nullopt, max); }

}  // namespace ember::native
