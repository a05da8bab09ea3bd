// Indexing operators built on advanced indexing (device-generic, so they run on every
// backend that has the index / index_put_ / index_reduce loops of Indexing.h):
//   - along one dim with a 1-D index: index_add_, index_copy_, index_fill_, index_reduce_;
//   - over the flattened tensor: put_, take;
//   - by mask: masked_scatter_;
//   - scatter_reduce_ (gather/scatter addressing: one broadcast arange per other dim).
// Each checks its arguments the way PyTorch does (messages and exception types), then
// becomes one index_put_ (copy, or accumulate for sums) or index_put_reduce_ (prod,
// amax, amin) with (None, ..., None, index) or gather-style index tuples.
#include <limits>
#include <string>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/Indexing.h>
#include <ember/native/TensorIterator.h>
#include <ember/native/TensorShape.h>

namespace ember::native {
namespace {

using IndexList = std::vector<std::optional<Tensor>>;

Tensor at_least_1d(const Tensor& t) { return t.dim() == 0 ? t.reshape({1}) : t; }

Tensor long_scalar(int64_t v, Device device) {
  return scalar_tensor_of(Scalar(v), ScalarType::Long, device);
}

// (None,) * dim + (index,): selects `index` along `dim`.
IndexList along(int64_t dim, const Tensor& index) {
  IndexList idx(dim, std::nullopt);
  idx.emplace_back(index);
  return idx;
}

// The first element of `index` outside [lo, size) (lo = -size allows negative indices),
// or nullopt. One device-to-host read.
std::optional<int64_t> first_out_of_range(const Tensor& index, int64_t lo, int64_t size) {
  if (index.numel() == 0) return std::nullopt;
  const Tensor bad = ember::logical_or(ember::lt(index, long_scalar(lo, index.device())),
                                       ember::ge(index, long_scalar(size, index.device())));
  if (!ember::any(bad).item().to_bool()) return std::nullopt;
  return ember::select(ember::masked_select(index, bad), 0, 0).item().to_long();
}

constexpr const char* kReduceNames = "prod, mean, amax or amin";

// Shape rule shared by index_add_ / index_reduce_ / index_copy_: source is self with
// `dim` resized to the number of indices (0-dim counts as 1-D for both).
bool same_slice_shapes(const Tensor& self, const Tensor& source, int64_t dim) {
  if (std::max<int64_t>(self.dim(), 1) != std::max<int64_t>(source.dim(), 1)) return false;
  for (int64_t d = 0; d < self.dim(); ++d) {
    if (d != dim && self.size(d) != source.size(d)) return false;
  }
  return true;
}

// index_add_ / index_reduce_: the checks PyTorch makes (index_func_meta_impl).
void check_index_func(const char* name, const Tensor& self, int64_t dim, const Tensor& index,
                      const Tensor& source) {
  EMBER_CHECK_INDEX(index.dim() <= 1, name, "(): Index is supposed to be a vector, but got dim: ",
                    index.dim(), " with type: ", index.dtype(), " and size: ", shape_str(index.sizes()));
  EMBER_CHECK(index.dtype() == ScalarType::Long || index.dtype() == ScalarType::Int, name,
              "(): Expected dtype int32/int64 for index but got: ", index.dtype());
  EMBER_CHECK(self.dtype() == source.dtype(), name, "(): self (", self.dtype(), ") and source (",
              source.dtype(), ") must have the same scalar type");
  const int64_t n_src = source.dim() == 0 ? 1 : source.size(dim);
  EMBER_CHECK(dim == 0 || dim < source.dim(), name, "(): Indexing dim ", dim,
              " is out of bounds of the source tensor with dim ", source.dim());
  EMBER_CHECK(index.numel() == n_src, name, "(): Number of indices (", index.numel(),
              ") should be equal to source.size(dim): (", n_src, "), for dim: ", dim);
  EMBER_CHECK(same_slice_shapes(self, source, dim),
              "source tensor shape must match self tensor shape, excluding the specified dimension. "
              "Got self.shape = ", shape_str(self.sizes()), " source.shape = ", shape_str(source.sizes()));
  EMBER_CHECK(self.device() == source.device() && self.device() == index.device(), name,
              "(): expected self, index and source on the same device, got ", self.device(), ", ",
              index.device(), " and ", source.device());
}

Tensor long_index(const Tensor& index) {
  return at_least_1d(index.dtype() == ScalarType::Long ? index : index.to(ScalarType::Long));
}

enum class ScatterReduce { Sum, Prod, Mean, Max, Min };

ScatterReduce parse_reduce(std::string_view reduce, bool allow_sum, const char* name) {
  if (allow_sum && reduce == "sum") return ScatterReduce::Sum;
  if (reduce == "prod") return ScatterReduce::Prod;
  if (reduce == "mean") return ScatterReduce::Mean;
  if (reduce == "amax") return ScatterReduce::Max;
  if (reduce == "amin") return ScatterReduce::Min;
  // scatter_reduce also takes "max" / "min" (PyTorch's get_operator_enum).
  if (allow_sum && reduce == "max") return ScatterReduce::Max;
  if (allow_sum && reduce == "min") return ScatterReduce::Min;
  if (allow_sum) {
    throw Error(str("reduce argument must be either sum, ", kReduceNames, ", got ", reduce));
  }
  throw Error(str(name, "(): Expected reduce to be one of ", kReduceNames, " but got ", reduce, "."));
}

// Lowest / highest value of an integer dtype, for the amax / amin identities.
Scalar integer_bound(ScalarType dtype, bool highest) {
  switch (dtype) {
    case ScalarType::Byte: return Scalar(int64_t{highest ? 255 : 0});
    case ScalarType::Char: return Scalar(int64_t{highest ? 127 : -128});
    case ScalarType::Short: return Scalar(int64_t{highest ? 32767 : -32768});
    case ScalarType::Int:
      return Scalar(int64_t{highest ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int32_t>::min()});
    default:
      return Scalar(highest ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min());
  }
}

// The value a position starts from when include_self is false: the reduction's identity
// in `dtype` (amax: false / -inf / the lowest integer; amin: true / inf / the highest).
Scalar identity_of(ScatterReduce op, ScalarType dtype) {
  const double inf = std::numeric_limits<double>::infinity();
  switch (op) {
    case ScatterReduce::Sum:
    case ScatterReduce::Mean:
      return Scalar(int64_t{0});
    case ScatterReduce::Prod:
      return Scalar(int64_t{1});
    case ScatterReduce::Max:
    case ScatterReduce::Min: {
      const bool is_min = op == ScatterReduce::Min;
      if (dtype == ScalarType::Bool) return Scalar(is_min);
      if (is_floating_type(dtype)) return Scalar(is_min ? inf : -inf);
      return integer_bound(dtype, is_min);
    }
  }
  return Scalar(int64_t{0});
}

// Combines `values` into self at `indices` (self 1-D or more; values shaped like the
// indexing result), with the include_self and mean rules of scatter_reduce / index_reduce.
void reduce_into(Tensor& self, const IndexList& indices, const Tensor& values, ScatterReduce op,
                 bool include_self, const char* name) {
  EMBER_CHECK_NOT_IMPLEMENTED(!(op == ScatterReduce::Mean && self.dtype() == ScalarType::Bool),
                              '"', name, "_mean\" not implemented for 'Bool'");
  if (values.numel() == 0) return;
  if (!include_self) {
    const Tensor init = scalar_tensor_of(identity_of(op, self.dtype()), self.dtype(), self.device());
    ember::index_put_(self, indices, init, false);
  }
  switch (op) {
    case ScatterReduce::Sum:
      ember::index_put_(self, indices, values, true);
      return;
    case ScatterReduce::Prod:
      index_put_reduce_(self, indices, values, IndexReduce::Prod);
      return;
    case ScatterReduce::Max:
      index_put_reduce_(self, indices, values, IndexReduce::Max);
      return;
    case ScatterReduce::Min:
      index_put_reduce_(self, indices, values, IndexReduce::Min);
      return;
    case ScatterReduce::Mean: {
      ember::index_put_(self, indices, values, true);
      // count: how many values reached each position (+1 for self when included).
      Tensor count = include_self ? ember::ones_like(self) : ember::zeros_like(self);
      ember::index_put_(count, indices, ember::ones_like(values), true);
      count.masked_fill_(ember::eq(count, scalar_tensor_of(Scalar(int64_t{0}), count.dtype(), count.device())),
                         Scalar(int64_t{1}));
      if (is_floating_type(self.dtype())) {
        self.copy_(ember::div(self, count));
      } else {
        self.copy_(ember::div(self, count, std::string_view("floor")));
      }
      return;
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------------
// index_add_ / index_copy_ / index_fill_ / index_reduce_
// ---------------------------------------------------------------------------------

Tensor& index_add_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& source,
                   const Scalar& alpha) {
  check_no_internal_overlap(self);
  dim = maybe_wrap_dim(dim, self.dim());
  check_index_func("index_add_", self, dim, index, source);
  const Tensor idx = long_index(index);
  const int64_t size = self.dim() == 0 ? 1 : self.size(dim);
  if (auto bad = first_out_of_range(idx, 0, size)) {
    throw Error(str("index ", *bad, " is out of bounds for dimension ", dim, " with size ", size));
  }
  if (idx.numel() == 0) return self;
  Tensor src = at_least_1d(source);
  if (!(alpha.is_integral(/*include_bool=*/true) && alpha.to_long() == 1)) {
    // source * alpha in self's dtype (alpha converted to it first, as PyTorch does).
    src = ember::mul(src, scalar_tensor_of(alpha, self.dtype(), self.device()));
    if (src.dtype() != self.dtype()) src = src.to(self.dtype());
  }
  Tensor target = at_least_1d(self);
  ember::index_put_(target, along(dim, idx), src, true);
  return self;
}

Tensor index_add(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source,
                 const Scalar& alpha) {
  Tensor result = ember::clone(self);
  return native::index_add_(result, dim, index, source, alpha);
}

Tensor& index_add_out(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source,
                      const Scalar& alpha, Tensor& out) {
  EMBER_CHECK(out.dtype() == self.dtype(), "index_add.out: expected out of dtype ", self.dtype(),
              " but got ", out.dtype());
  EMBER_CHECK(out.device() == self.device(), "index_add.out: expected out on ", self.device(),
              " but got ", out.device());
  Tensor result = native::index_add(self, dim, index, source, alpha);
  if (!out.sizes().equals(result.sizes())) native::resize_(out, result.sizes(), std::nullopt);
  out.copy_(result);
  return out;
}

Tensor& index_copy_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& source) {
  check_no_internal_overlap(self);
  dim = maybe_wrap_dim(dim, self.dim());
  EMBER_CHECK_INDEX(index.dim() < 2, "index_copy_(): Index should have dimension 1 or 0 (got ",
                    index.dim(), ")");
  const int64_t num_indices = index.numel();
  if (source.dim() == 0 && num_indices != 1) {
    throw IndexError(str("index_copy_(): When source is scalar, index should have one element (got ",
                         num_indices, ")"));
  }
  if (source.dim() != self.dim() && source.dim() != 0 && self.dim() != 0) {
    throw IndexError(str("index_copy_(): When source and destination are not scalars, their "
                         "dimensionality must match. Source dimensionality (", source.dim(),
                         "), destination dimensionality (", self.dim(), ")"));
  }
  EMBER_CHECK(index.dtype() == ScalarType::Long, "index_copy_(): Expected a long tensor for index, but got ",
              index.dtype());
  EMBER_CHECK(self.dtype() == source.dtype(), "index_copy_(): self and source expected to have the same "
              "dtype, but got (self) ", self.dtype(), " and (source) ", source.dtype());
  for (int64_t d = 0; d < self.dim() && source.dim() == self.dim(); ++d) {
    if (d == dim) continue;
    EMBER_CHECK(self.size(d) == source.size(d), "index_copy_(): Source/destination tensor must have "
                "same slice shapes. Destination slice shape: ", self.size(d), " at dimension ", d,
                " and source slice shape: ", source.size(d), " at dimension ", d, ".");
  }
  const int64_t n_src = source.dim() == 0 ? 1 : source.size(dim);
  EMBER_CHECK_INDEX(num_indices == n_src, "index_copy_(): Number of indices (", num_indices,
                    ") should be equal to source.size(dim) (", n_src, ")");
  const Tensor idx = at_least_1d(index);
  const int64_t size = self.dim() == 0 ? 1 : self.size(dim);
  if (auto bad = first_out_of_range(idx, 0, size)) {
    throw IndexError(str("index_copy_(): index ", *bad, " is out of bounds for dimension ", dim,
                         " with size ", size));
  }
  if (idx.numel() == 0) return self;
  Tensor target = at_least_1d(self);
  ember::index_put_(target, along(dim, idx), at_least_1d(source), false);
  return self;
}

Tensor index_copy(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source) {
  Tensor result = ember::clone(self);
  return native::index_copy_(result, dim, index, source);
}

Tensor& index_fill_(Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
  EMBER_CHECK_INDEX(index.dtype() == ScalarType::Long, "index_fill_(): Expected dtype int64 for index.");
  dim = maybe_wrap_dim(dim, self.dim());
  EMBER_CHECK(index.dim() <= 1, "Index has to be a vector/scalar");
  const Tensor idx = at_least_1d(index);
  const int64_t size = self.dim() == 0 ? 1 : self.size(dim);
  if (auto bad = first_out_of_range(idx, -size, size)) {
    throw IndexError(str("index ", *bad, " is out of bounds for dimension ", dim, " with size ", size));
  }
  if (idx.numel() == 0) return self;
  Tensor target = at_least_1d(self);
  const Tensor v = scalar_tensor_of(value, self.dtype(), self.device());
  ember::index_put_(target, along(dim, idx), v, false);
  return self;
}

Tensor& index_fill__tensor(Tensor& self, int64_t dim, const Tensor& index, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0, "index_fill_ only supports a 0-dimensional value tensor, but got "
              "tensor with ", value.dim(), " dimension(s).");
  return native::index_fill_(self, dim, index, value.item());
}

Tensor index_fill(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
  Tensor result = ember::clone(self);
  return native::index_fill_(result, dim, index, value);
}

Tensor index_fill_tensor(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& value) {
  Tensor result = ember::clone(self);
  return native::index_fill__tensor(result, dim, index, value);
}

Tensor& index_reduce_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& source,
                      std::string_view reduce, bool include_self) {
  check_no_internal_overlap(self);
  dim = maybe_wrap_dim(dim, self.dim());
  check_index_func("index_reduce_", self, dim, index, source);
  const ScatterReduce op = parse_reduce(reduce, /*allow_sum=*/false, "index_reduce");
  const Tensor idx = long_index(index);
  const int64_t size = self.dim() == 0 ? 1 : self.size(dim);
  if (auto bad = first_out_of_range(idx, 0, size)) {
    throw IndexError(str("index out of range in self (index ", *bad, ", size ", size, ")"));
  }
  if (idx.numel() == 0) return self;
  Tensor target = at_least_1d(self);
  reduce_into(target, along(dim, idx), at_least_1d(source), op, include_self, "index_reduce");
  return self;
}

Tensor index_reduce(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source,
                    std::string_view reduce, bool include_self) {
  Tensor result = ember::clone(self);
  return native::index_reduce_(result, dim, index, source, reduce, include_self);
}

// ---------------------------------------------------------------------------------
// put_ / take: the flattened tensor, indices in [-numel, numel)
// ---------------------------------------------------------------------------------

namespace {

void check_flat_range(const Tensor& index, int64_t numel) {
  if (auto bad = first_out_of_range(index, -numel, numel)) {
    throw IndexError(str("out of range: tried to access index ", *bad, " on a tensor of ", numel,
                         " elements."));
  }
}

}  // namespace

Tensor& put_(Tensor& self, const Tensor& index, const Tensor& source, bool accumulate) {
  check_no_internal_overlap(self);
  EMBER_CHECK(index.dtype() == ScalarType::Long, "put_(): Expected a long tensor for index, but got ",
              index.dtype());
  EMBER_CHECK(self.dtype() == source.dtype(), "put_(): self and source expected to have the same dtype, "
              "but got self.dtype = ", self.dtype(), " and source.dtype = ", source.dtype());
  EMBER_CHECK(self.device() == source.device() && self.device() == index.device(),
              "put_(): self, index and source expected to be in the same device, but got self.device = ",
              self.device(), ", index.device = ", index.device(), ", and source.device = ", source.device());
  EMBER_CHECK_INDEX(source.numel() == index.numel(), "put_(): Expected source and index to have the same "
                    "number of elements, but got source.numel() = ", source.numel(), ", index.numel() = ",
                    index.numel());
  if (index.numel() == 0) return self;
  EMBER_CHECK_INDEX(self.numel() > 0, "put_(): Tried to put elements into an empty tensor");
  const Tensor flat_index = index.reshape({-1});
  check_flat_range(flat_index, self.numel());
  // A contiguous self is written through a flat view; any other layout through a
  // contiguous copy that is written back.
  Tensor flat = self.is_contiguous() ? self.view({-1}) : ember::clone(self, MemoryFormat::Contiguous).view({-1});
  ember::index_put_(flat, {std::optional<Tensor>(flat_index)}, source.reshape({-1}), accumulate);
  if (!self.is_contiguous()) self.copy_(flat.view(self.sizes()));
  return self;
}

Tensor put(const Tensor& self, const Tensor& index, const Tensor& source, bool accumulate) {
  Tensor result = ember::clone(self);
  return native::put_(result, index, source, accumulate);
}

Tensor take(const Tensor& self, const Tensor& index) {
  EMBER_CHECK(index.dtype() == ScalarType::Long, "take(): Expected a long tensor for index, but got ",
              index.dtype());
  EMBER_CHECK(self.device() == index.device(), "take(): self and index expected to be on the same "
              "device, but got self.device = ", self.device(), " and index.device = ", index.device());
  if (index.numel() == 0) return ember::empty(index.sizes(), self.dtype(), std::nullopt, self.device());
  EMBER_CHECK_INDEX(self.numel() > 0, "take(): tried to take from an empty tensor");
  check_flat_range(index, self.numel());
  return ember::index(self.reshape({-1}), {std::optional<Tensor>(index)});
}

Tensor& take_out(const Tensor& self, const Tensor& index, Tensor& out) {
  EMBER_CHECK(out.dtype() == self.dtype(), "take(): self and out expected to have the same dtype, but got "
              "self.dtype = ", self.dtype(), " and out.dtype = ", out.dtype());
  EMBER_CHECK(out.device() == self.device(), "take(): self and out expected to be on the same device, "
              "but got self.device = ", self.device(), " and out.device = ", out.device());
  const Tensor result = native::take(self, index);
  if (!out.sizes().equals(result.sizes())) native::resize_(out, result.sizes(), std::nullopt);
  out.copy_(result);
  return out;
}

// ---------------------------------------------------------------------------------
// masked_scatter_
// ---------------------------------------------------------------------------------

Tensor& masked_scatter_(Tensor& self, const Tensor& mask, const Tensor& source) {
  check_no_internal_overlap(self);
  EMBER_CHECK(mask.dtype() == ScalarType::Bool, "masked_scatter_ only supports boolean masks, but got "
              "mask with dtype ", mask.dtype());
  EMBER_CHECK(self.dtype() == source.dtype(), "masked_scatter: expected self and source to have same "
              "dtypes but got", self.dtype(), " and ", source.dtype());
  EMBER_CHECK(self.device() == source.device() && self.device() == mask.device(),
              "masked_scatter_: expected self, mask and source on the same device, got ",
              self.device(), ", ", mask.device(), " and ", source.device());
  const Tensor m = mask.expand(self.sizes());
  const int64_t count = ember::sum(m).item().to_long();
  EMBER_CHECK(source.numel() >= count, "Number of elements of source < number of ones in mask");
  if (count == 0) return self;
  const Tensor values = ember::narrow(source.reshape({-1}), 0, 0, count);
  if (self.dim() == 0) {
    Tensor target = self.reshape({1});
    ember::index_put_(target, {std::optional<Tensor>(m.reshape({1}))}, values, false);
    return self;
  }
  ember::index_put_(self, {std::optional<Tensor>(m)}, values, false);
  return self;
}

Tensor masked_scatter(const Tensor& self, const Tensor& mask, const Tensor& source) {
  EMBER_CHECK(mask.dtype() == ScalarType::Bool, "masked_scatter_ only supports boolean masks, but got "
              "mask with dtype ", mask.dtype());
  const DimVec shape = broadcast_shapes(self.sizes(), mask.sizes());
  const DimVector sizes(shape.begin(), shape.end());
  Tensor result = ember::clone(self.expand(sizes), MemoryFormat::Contiguous);
  return native::masked_scatter_(result, mask, source);
}

// ---------------------------------------------------------------------------------
// scatter_reduce_
// ---------------------------------------------------------------------------------

namespace {

// gather/scatter's shape rule (same number of dims, 0-dim counting as 1-D; index no
// larger than self outside dim and than src everywhere) and range rule ([0, size)).
void check_scatter(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  EMBER_CHECK(index.dtype() == ScalarType::Long || index.dtype() == ScalarType::Int,
              "scatter(): Expected dtype int32/int64 for index");
  const int64_t nd = std::max<int64_t>(self.dim(), 1);
  EMBER_CHECK(std::max<int64_t>(index.dim(), 1) == nd,
              "Index tensor must have the same number of dimensions as self tensor");
  EMBER_CHECK(std::max<int64_t>(src.dim(), 1) == nd,
              "Index tensor must have the same number of dimensions as src tensor");
  EMBER_CHECK(self.dtype() == src.dtype(), "scatter(): Expected self.dtype to be equal to src.dtype");
  EMBER_CHECK(self.device() == src.device() && self.device() == index.device(),
              "scatter(): expected self, index and src on the same device, got ", self.device(), ", ",
              index.device(), " and ", src.device());
  if (index.numel() == 0) return;
  for (int64_t d = 0; d < index.dim(); ++d) {
    if (d != dim) {
      EMBER_CHECK(index.size(d) <= self.size(d), "Size does not match at dimension ", d,
                  " expected index ", shape_str(index.sizes()), " to be no larger than self ",
                  shape_str(self.sizes()), " apart from dimension ", dim);
    }
    EMBER_CHECK(index.size(d) <= src.size(d), "Size does not match at dimension ", d,
                " expected index ", shape_str(index.sizes()), " to be no larger than src ",
                shape_str(src.sizes()), " apart from dimension ", dim);
  }
  const int64_t size = self.dim() == 0 ? 1 : self.size(dim);
  if (auto bad = first_out_of_range(index, 0, size)) {
    throw Error(str("index ", *bad, " is out of bounds for dimension ", dim, " with size ", size));
  }
}

// self addressed at (arange, ..., index along dim, ..., arange), shaped like index.
IndexList scatter_indices(const Tensor& index, int64_t dim) {
  const int64_t nd = index.dim();
  IndexList idx;
  idx.reserve(nd);
  for (int64_t d = 0; d < nd; ++d) {
    if (d == dim) {
      idx.emplace_back(index);
      continue;
    }
    DimVector shape(nd, 1);
    shape[d] = index.size(d);
    idx.emplace_back(ember::arange(Scalar(index.size(d)), ScalarType::Long, std::nullopt, index.device())
                         .view(shape));
  }
  return idx;
}

}  // namespace

Tensor& scatter_reduce__two(Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
                            std::string_view reduce, bool include_self) {
  check_no_internal_overlap(self);
  dim = maybe_wrap_dim(dim, self.dim());
  const ScatterReduce op = parse_reduce(reduce, /*allow_sum=*/true, "scatter_reduce");
  check_scatter(self, dim, index, src);
  EMBER_CHECK_NOT_IMPLEMENTED(!(op == ScatterReduce::Mean && self.dtype() == ScalarType::Bool),
                              "\"scatter_gather_tensor_cpu_reduce_mean\" not implemented for 'Bool'");
  if (index.numel() == 0) return self;
  const Tensor idx = long_index(index);
  Tensor values = at_least_1d(src);
  for (int64_t d = 0; d < idx.dim(); ++d) values = ember::narrow(values, d, 0, idx.size(d));
  Tensor target = at_least_1d(self);
  reduce_into(target, scatter_indices(idx, dim), values, op, include_self, "scatter_reduce");
  return self;
}

Tensor scatter_reduce_two(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
                          std::string_view reduce, bool include_self) {
  Tensor result = ember::clone(self);
  return native::scatter_reduce__two(result, dim, index, src, reduce, include_self);
}

Tensor& scatter_reduce_two_out(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
                               std::string_view reduce, bool include_self, Tensor& out) {
  EMBER_CHECK(out.dtype() == self.dtype(), "scatter_reduce.two_out: expected out of dtype ", self.dtype(),
              " but got ", out.dtype());
  EMBER_CHECK(out.device() == self.device(), "scatter_reduce.two_out: expected out on ", self.device(),
              " but got ", out.device());
  const Tensor result = native::scatter_reduce_two(self, dim, index, src, reduce, include_self);
  if (!out.sizes().equals(result.sizes())) native::resize_(out, result.sizes(), std::nullopt);
  out.copy_(result);
  return out;
}

}  // namespace ember::native
