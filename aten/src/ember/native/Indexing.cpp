// Advanced indexing, device-generic part: turns `self[indices]` (integer tensors,
// bool masks, None) into the geometry of Note [Advanced indexing geometry]
// (native/Indexing.h), following NumPy/PyTorch semantics:
//   - a bool mask of k dims selects over k dims of self and becomes the k columns of
//     its nonzero(); a 0-dim mask adds a dim of size 1 (True) or 0 (False);
//   - all index tensors broadcast together into one index shape B;
//   - when the indexed dims are adjacent, B replaces them in place; when a None (a full
//     slice) separates them, the indexed dims move to the front and B comes first.
#include <ember/native/Indexing.h>

#include <algorithm>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorShape.h>

namespace ember::native {

EMBER_DEFINE_DISPATCH(index_stub);
EMBER_DEFINE_DISPATCH(index_put_stub);
EMBER_DEFINE_DISPATCH(nonzero_stub);
EMBER_DEFINE_DISPATCH(index_reduce_stub);

namespace {

struct IndexPlan {
  DimVector result_shape;
  Tensor base;                  // self viewed as R (see the Note); writes reach self
  std::vector<Tensor> indices;  // int64, viewed as R
  DimVector indexed_sizes;
  DimVector indexed_strides;
  bool has_index = false;       // false: no index tensor at all (only None entries)
};

std::string shapes_str(const std::vector<Tensor>& ts) {
  std::string s;
  for (size_t i = 0; i < ts.size(); ++i) {
    if (i) s += ", ";
    s += shape_str(ts[i].sizes());
  }
  return s;
}

// An int64 copy of an integer index tensor on `device` (int32 indices and CPU index
// tensors used with CUDA tensors are accepted, as in PyTorch).
Tensor as_long_index(const Tensor& idx, Device device) {
  if (idx.dtype() == ScalarType::Long && idx.device() == device) return idx;
  Tensor out = empty_tensor(idx.sizes(), ScalarType::Long, device);
  out.copy_(idx);
  return out;
}

// Broadcast shape of the index tensors, or IndexError.
DimVector broadcast_index_shapes(const std::vector<Tensor>& ts) {
  size_t nd = 0;
  for (const Tensor& t : ts) nd = std::max(nd, static_cast<size_t>(t.dim()));
  DimVector shape(nd, 1);
  for (const Tensor& t : ts) {
    const size_t off = nd - t.dim();
    for (int64_t d = 0; d < t.dim(); ++d) {
      const int64_t s = t.sizes()[d];
      int64_t& r = shape[off + d];
      if (r == s || s == 1) continue;
      EMBER_CHECK_INDEX(r == 1, "shape mismatch: indexing tensors could not be broadcast together "
                                "with shapes ", shapes_str(ts));
      r = s;
    }
  }
  return shape;
}

IndexPlan make_plan(const Tensor& self_in, ArrayRef<std::optional<Tensor>> indices) {
  EMBER_CHECK_INDEX(!indices.empty(), "at least one index must be provided");
  Tensor self = self_in;
  const Device device = self.device();

  // 1. One entry per self dim: masks expand into their nonzero() columns.
  std::vector<Tensor> entries;  // undefined = None
  entries.reserve(indices.size());
  for (const auto& opt : indices) {
    if (!opt || !opt->defined()) {
      entries.emplace_back();
      continue;
    }
    const Tensor& idx = *opt;
    const ScalarType dt = idx.dtype();
    if (dt == ScalarType::Bool || dt == ScalarType::Byte) {
      Tensor mask = idx;
      if (mask.dim() == 0) {
        // A 0-dim mask inserts a new dim of size 1 and selects it (True) or not (False).
        self = native::unsqueeze(self, static_cast<int64_t>(entries.size()));
        mask = native::unsqueeze(mask, 0);
      }
      const int64_t start = static_cast<int64_t>(entries.size());
      EMBER_CHECK_INDEX(start + mask.dim() <= self.dim(), "too many indices for tensor of dimension ",
                        self.dim(), " (got ", start + mask.dim(), ")");
      for (int64_t j = 0; j < mask.dim(); ++j) {
        EMBER_CHECK_INDEX(mask.sizes()[j] == self.sizes()[start + j], "The shape of the mask ",
                          shape_str(mask.sizes()), " at index ", j,
                          " does not match the shape of the indexed tensor ",
                          shape_str(self.sizes()), " at index ", start + j);
      }
      Tensor nz = ember::nonzero(mask);  // (n, mask.dim()), int64, on the mask's device
      for (int64_t j = 0; j < mask.dim(); ++j) {
        entries.push_back(as_long_index(native::select(nz, 1, j), device));
      }
    } else if (dt == ScalarType::Long || dt == ScalarType::Int) {
      entries.push_back(as_long_index(idx, device));
    } else {
      throw IndexError("tensors used as indices must be long, int, byte or bool tensors");
    }
  }
  const int64_t ndim = self.dim();
  EMBER_CHECK_INDEX(static_cast<int64_t>(entries.size()) <= ndim, "too many indices for tensor of dimension ",
                    ndim, " (got ", entries.size(), ")");
  entries.resize(ndim);  // trailing dims are not indexed

  IndexPlan plan;
  std::vector<Tensor> defined;
  for (const Tensor& e : entries)
    if (e.defined()) defined.push_back(e);
  if (defined.empty()) {
    plan.result_shape.assign(self.sizes().begin(), self.sizes().end());
    plan.base = self;
    return plan;
  }
  plan.has_index = true;

  // 2. Broadcast the index tensors together.
  const DimVector bshape = broadcast_index_shapes(defined);
  for (Tensor& e : entries)
    if (e.defined() && !e.sizes().equals(bshape)) e = native::expand(e, bshape, false);

  // 3. Separated indexed dims move to the front (self permuted to match).
  int64_t first = -1, last = -1;
  for (int64_t d = 0; d < ndim; ++d) {
    if (!entries[d].defined()) continue;
    if (first < 0) first = d;
    last = d;
  }
  bool adjacent = true;
  for (int64_t d = first; d <= last; ++d) adjacent = adjacent && entries[d].defined();
  if (!adjacent) {
    DimVector perm;
    std::vector<Tensor> reordered;
    for (int64_t d = 0; d < ndim; ++d)
      if (entries[d].defined()) perm.push_back(d), reordered.push_back(entries[d]);
    for (int64_t d = 0; d < ndim; ++d)
      if (!entries[d].defined()) perm.push_back(d), reordered.emplace_back();
    self = native::permute(self, perm);
    entries = std::move(reordered);
    first = 0;
    last = static_cast<int64_t>(defined.size()) - 1;
  }

  // 4. R = self.sizes[:first] + B + self.sizes[last+1:]; views of self and the indices as R.
  const int64_t nb = static_cast<int64_t>(bshape.size());
  // Indices into an empty dim are out of range even when the rest of R is empty
  // (PyTorch checks the broadcast index count, not the result's).
  int64_t index_count = 1;
  for (const int64_t b : bshape) index_count *= b;
  for (int64_t d = first; d <= last && index_count > 0; ++d) {
    EMBER_CHECK_INDEX(!entries[d].defined() || self.sizes()[d] != 0,
                      "index is out of bounds for dimension with size 0");
  }
  DimVector base_strides;
  for (int64_t d = 0; d < first; ++d) {
    plan.result_shape.push_back(self.sizes()[d]);
    base_strides.push_back(self.strides()[d]);
  }
  for (int64_t b = 0; b < nb; ++b) {
    plan.result_shape.push_back(bshape[b]);
    base_strides.push_back(0);
  }
  for (int64_t d = last + 1; d < ndim; ++d) {
    plan.result_shape.push_back(self.sizes()[d]);
    base_strides.push_back(self.strides()[d]);
  }
  plan.base = make_view(self, plan.result_shape, base_strides, self.storage_offset());
  const int64_t after = ndim - last - 1;
  for (int64_t d = first; d <= last; ++d) {
    const Tensor& e = entries[d];
    DimVector strides(first, 0);
    strides.insert(strides.end(), e.strides().begin(), e.strides().end());
    strides.resize(strides.size() + after, 0);
    plan.indices.push_back(make_view(e, plan.result_shape, strides, e.storage_offset()));
    plan.indexed_sizes.push_back(self.sizes()[d]);
    plan.indexed_strides.push_back(self.strides()[d]);
  }
  return plan;
}

bool shares_storage(const Tensor& a, const Tensor& b) {
  return a.storage().get() == b.storage().get();
}

}  // namespace

Tensor& index_out(const Tensor& self, ArrayRef<std::optional<Tensor>> indices, Tensor& out) {
  IndexPlan plan = make_plan(self, indices);
  if (!out.defined()) {
    out = empty_tensor(plan.result_shape, self.dtype(), self.device());
  } else {
    EMBER_CHECK(out.dtype() == self.dtype(), "index_out: self (", self.dtype(), ") and result (",
                out.dtype(), ") must have the same scalar type");
    EMBER_CHECK(out.device() == self.device(), "index_out: expected out on ", self.device(),
                " but got ", out.device());
    if (!out.sizes().equals(plan.result_shape)) native::resize_(out, plan.result_shape, std::nullopt);
  }
  if (!plan.has_index) {
    // Only None entries: the result is a copy of self.
    out.copy_(plan.base);
    return out;
  }
  // Writing into memory the loop is still reading would corrupt the result.
  if (shares_storage(out, self)) {
    Tensor tmp = empty_tensor(plan.result_shape, self.dtype(), self.device());
    index_stub(self.device().type, tmp, plan.base, plan.indices, plan.indexed_sizes, plan.indexed_strides);
    out.copy_(tmp);
    return out;
  }
  index_stub(self.device().type, out, plan.base, plan.indices, plan.indexed_sizes, plan.indexed_strides);
  return out;
}

namespace {

// index_put_'s value rules: same dtype; a 0-dim CPU value may go to any device.
Tensor checked_put_values(const Tensor& self, const Tensor& values) {
  EMBER_CHECK(values.dtype() == self.dtype(), "Index put requires the source and destination dtypes "
              "match, got ", self.dtype(), " for the destination and ", values.dtype(),
              " for the source.");
  Tensor vals = values;
  if (vals.device() != self.device()) {
    // A 0-dim CPU value (a Python number) may be written into a tensor on any device.
    EMBER_CHECK(vals.dim() == 0 && vals.is_cpu(), "Index put requires the source and destination "
                "to be on the same device, got ", self.device(), " for the destination and ",
                vals.device(), " for the source.");
    Tensor moved = empty_tensor({}, vals.dtype(), self.device());
    moved.copy_(vals);
    vals = moved;
  }
  return vals;
}

void check_broadcast_to_result(const Tensor& vals, IntArrayRef r) {
  bool ok = vals.dim() <= static_cast<int64_t>(r.size());
  for (int64_t d = 0; ok && d < vals.dim(); ++d) {
    const int64_t s = vals.sizes()[vals.dim() - 1 - d];
    ok = s == 1 || s == r[r.size() - 1 - d];
  }
  EMBER_CHECK(ok, "shape mismatch: value tensor of shape ", shape_str(vals.sizes()),
              " cannot be broadcast to indexing result of shape ", shape_str(r));
}

}  // namespace

namespace {

// PyTorch's canDispatchToMaskedFill: one bool/uint8 mask (None entries allowed around
// it) and a one-element CPU value make index_put_ a masked_fill_, which converts the
// value to self's dtype (x[mask] = ember.tensor(7.0) into an int tensor works).
Tensor masked_fill_mask(const Tensor& self, ArrayRef<std::optional<Tensor>> indices, const Tensor& values) {
  if (!(values.numel() == 1 && values.is_cpu())) return Tensor();
  int64_t num_ind = 0;
  Tensor mask;
  for (const auto& opt : indices) {
    if (!opt || !opt->defined()) {
      ++num_ind;
      continue;
    }
    const Tensor& idx = *opt;
    if ((idx.dtype() != ScalarType::Bool && idx.dtype() != ScalarType::Byte) || idx.device() != self.device() ||
        mask.defined()) {
      return Tensor();
    }
    mask = idx;
    for (int64_t j = 0; j < idx.dim(); ++j) {
      const int64_t src = num_ind + j;
      EMBER_CHECK_INDEX(src < self.dim() && idx.size(j) == self.size(src), "The shape of the mask ",
                        shape_str(idx.sizes()), " at index ", j, " does not match the shape of the indexed tensor ",
                        shape_str(self.sizes()), " at index ", src);
    }
    num_ind += idx.dim();
  }
  if (!mask.defined()) return Tensor();
  for (int64_t i = num_ind; i < self.dim(); ++i) mask = native::unsqueeze(mask, -1);
  return mask;
}

}  // namespace

Tensor& index_put_(Tensor& self, ArrayRef<std::optional<Tensor>> indices, const Tensor& values,
                   bool accumulate) {
  if (!accumulate) {
    Tensor mask = masked_fill_mask(self, indices, values);
    if (mask.defined()) {
      self.masked_fill_(mask.dtype() == ScalarType::Bool ? mask : mask.to(ScalarType::Bool), values.item());
      return self;
    }
  }
  IndexPlan plan = make_plan(self, indices);  // index errors come before value errors
  Tensor vals = checked_put_values(self, values);
  // values must broadcast to R.
  const IntArrayRef r = plan.result_shape;
  check_broadcast_to_result(vals, r);
  if (!plan.has_index) {
    Tensor dst = plan.base;
    if (accumulate) {
      dst.copy_(ember::add(dst, vals));
    } else {
      dst.copy_(vals);
    }
    return self;
  }
  // The loop reads values while it writes self: read from a private copy when they overlap.
  if (shares_storage(vals, self)) vals = ember::clone(vals, std::nullopt);
  Tensor expanded = vals.sizes().equals(r) ? vals : native::expand(vals, r, false);
  if (expanded.numel() == 0) return self;
  index_put_stub(self.device().type, plan.base, expanded, plan.indices, plan.indexed_sizes,
                 plan.indexed_strides, accumulate);
  return self;
}

void check_no_internal_overlap(const Tensor& t) {
  for (int64_t d = 0; d < t.dim(); ++d) {
    EMBER_CHECK(!(t.size(d) > 1 && t.stride(d) == 0),
                "unsupported operation: more than one element of the written-to tensor refers to a single "
                "memory location. Please clone() the tensor before performing the operation.");
  }
}

Tensor& index_put_reduce_(Tensor& self, ArrayRef<std::optional<Tensor>> indices,
                          const Tensor& values, IndexReduce op) {
  Tensor vals = checked_put_values(self, values);
  IndexPlan plan = make_plan(self, indices);
  const IntArrayRef r = plan.result_shape;
  check_broadcast_to_result(vals, r);
  // Callers always pass at least one index tensor (scatter_reduce, index_reduce).
  EMBER_CHECK(plan.has_index, "index_put_reduce_: expected an index tensor");
  if (shares_storage(vals, self)) vals = ember::clone(vals, std::nullopt);
  Tensor expanded = vals.sizes().equals(r) ? vals : native::expand(vals, r, false);
  if (expanded.numel() == 0) return self;
  index_reduce_stub(self.device().type, plan.base, expanded, plan.indices, plan.indexed_sizes,
                    plan.indexed_strides, op);
  return self;
}

Tensor& nonzero_out(const Tensor& self, Tensor& out) {
  if (!out.defined()) {
    out = empty_tensor({0}, ScalarType::Long, self.device());  // the kernel sizes and lays it out
  } else {
    EMBER_CHECK(out.dtype() == ScalarType::Long,
                "nonzero: Expected out tensor to have scalar type Long but got scalar type ",
                out.dtype());
    EMBER_CHECK(out.device() == self.device(),
                "nonzero: Expected out tensor to be on the same device as input, but got ",
                out.device(), " and ", self.device());
  }
  // Reading and writing the same memory is not meaningful here.
  EMBER_CHECK(!shares_storage(out, self), "nonzero(): the out tensor must not share memory with the input");
  nonzero_stub(self.device().type, self, out);
  return out;
}

std::vector<Tensor> where_condition(const Tensor& condition) {
  // nonzero(as_tuple=True): one index vector per dim; a 0-dim condition acts as 1-dim.
  const Tensor cond = condition.dim() == 0 ? native::unsqueeze(condition, 0) : condition;
  const Tensor nz = ember::nonzero(cond);
  std::vector<Tensor> out;
  out.reserve(cond.dim());
  for (int64_t j = 0; j < cond.dim(); ++j) out.push_back(native::select(nz, 1, j));
  return out;
}

}  // namespace ember::native
