#include <ember/native/TensorIterator.h>

#include <algorithm>
#include <limits>

#include <ember/native/Copy.h>
#include <ember/native/Parallel.h>

namespace ember {

// ------------------------------------------------------------------------------------
// Free helpers
// ------------------------------------------------------------------------------------

namespace {

// "[2, 3]" -- the list notation PyTorch uses in the in-place broadcast error.
std::string list_str(IntArrayRef a) {
  std::string s = "[";
  for (size_t i = 0; i < a.size(); ++i) s += (i ? ", " : "") + std::to_string(a[i]);
  return s + "]";
}

}  // namespace

DimVec broadcast_shapes(IntArrayRef a, IntArrayRef b) {
  const size_t n = std::max(a.size(), b.size());
  DimVec out(n);
  for (size_t i = 0; i < n; ++i) {
    // i counts from the right; dims missing on one side act as size 1
    const int64_t sa = i < a.size() ? a[a.size() - 1 - i] : 1;
    const int64_t sb = i < b.size() ? b[b.size() - 1 - i] : 1;
    if (sa != sb && sa != 1 && sb != 1) {
      throw Error(str("The size of tensor a (", sa, ") must match the size of tensor b (", sb,
                      ") at non-singleton dimension ", n - 1 - i));
    }
    out[n - 1 - i] = sa == 1 ? sb : sa;
  }
  return out;
}

void resize_output(const Tensor& out, IntArrayRef shape) {
  if (out.sizes() == shape) return;
  TensorImpl* impl = out.impl();
  const int64_t numel = compute_numel(shape);
  const size_t needed =
      storage_nbytes("resize", shape, numel, impl->storage_offset(), impl->itemsize());
  if (numel > 0) impl->storage()->grow(needed);
  impl->set_sizes_contiguous(shape);
}

// ------------------------------------------------------------------------------------
// Config
// ------------------------------------------------------------------------------------

TensorIteratorConfig& TensorIteratorConfig::add_output(const Tensor& t) {
  EMBER_CHECK(num_inputs_ == 0, "TensorIteratorConfig: add outputs before inputs");
  EMBER_CHECK(num_outputs_ < kMaxOperands, "TensorIteratorConfig: too many operands (max ",
              kMaxOperands, ")");
  tensors_[num_outputs_++] = t;
  return *this;
}

TensorIteratorConfig& TensorIteratorConfig::add_input(const Tensor& t) {
  EMBER_CHECK(num_outputs_ + num_inputs_ < kMaxOperands,
              "TensorIteratorConfig: too many operands (max ", kMaxOperands, ")");
  EMBER_CHECK(t.defined(), name_ ? name_ : "TensorIterator", ": input ", num_inputs_,
              " is an undefined tensor");
  tensors_[num_outputs_ + num_inputs_++] = t;
  return *this;
}

// ------------------------------------------------------------------------------------
// Builders
// ------------------------------------------------------------------------------------

TensorIterator TensorIterator::binary_op(const Tensor& out, const Tensor& a, const Tensor& b) {
  return TensorIteratorConfig()
      .add_output(out)
      .add_input(a)
      .add_input(b)
      .allow_cpu_scalars(true)
      .promote_inputs_to_common_dtype(true)
      .cast_common_dtype_to_outputs(true)
      .enforce_safe_casting_to_output(true)
      .build();
}

TensorIterator TensorIterator::binary_float_op(const Tensor& out, const Tensor& a, const Tensor& b) {
  return TensorIteratorConfig()
      .add_output(out)
      .add_input(a)
      .add_input(b)
      .allow_cpu_scalars(true)
      .promote_inputs_to_common_dtype(true)
      .promote_integer_inputs_to_float(true)
      .cast_common_dtype_to_outputs(true)
      .enforce_safe_casting_to_output(true)
      .build();
}

TensorIterator TensorIterator::comparison_op(const Tensor& out, const Tensor& a, const Tensor& b) {
  // The loops write bool; an out= of another dtype gets a bool temporary cast back
  // (PyTorch writes 0/1 in the out dtype, which is the same values).
  return TensorIteratorConfig()
      .add_output(out)
      .add_input(a)
      .add_input(b)
      .allow_cpu_scalars(true)
      .promote_inputs_to_common_dtype(true)
      .cast_common_dtype_to_outputs(true)
      .declare_static_dtype(ScalarType::Bool)
      .build();
}

TensorIterator TensorIterator::unary_op(const Tensor& out, const Tensor& a) {
  return TensorIteratorConfig()
      .add_output(out)
      .add_input(a)
      .cast_common_dtype_to_outputs(true)
      .enforce_safe_casting_to_output(true)
      .build();
}

TensorIterator TensorIterator::unary_float_op(const Tensor& out, const Tensor& a) {
  return TensorIteratorConfig()
      .add_output(out)
      .add_input(a)
      .promote_inputs_to_common_dtype(true)
      .promote_integer_inputs_to_float(true)
      .cast_common_dtype_to_outputs(true)
      .enforce_safe_casting_to_output(true)
      .build();
}

TensorIterator TensorIterator::nullary_op(const Tensor& out) {
  return TensorIteratorConfig().add_output(out).resize_outputs(false).build();
}

// ------------------------------------------------------------------------------------
// build()
// ------------------------------------------------------------------------------------

void TensorIterator::build(TensorIteratorConfig& config) {
  name_ = config.name_;
  num_outputs_ = config.num_outputs_;
  num_operands_ = config.num_outputs_ + config.num_inputs_;
  for (int i = 0; i < num_operands_; ++i) {
    OperandInfo& o = operands_[i];
    o.tensor = std::move(config.tensors_[i]);
    o.is_output = i < num_outputs_;
    if (o.tensor.defined()) {
      o.dtype = o.tensor.dtype();
      o.device = o.tensor.device();
    }
  }
  // in-place: an output that is also one of the inputs
  for (int i = 0; i < num_outputs_; ++i) {
    OperandInfo& o = operands_[i];
    if (!o.tensor.defined()) continue;
    for (int j = num_outputs_; j < num_operands_; ++j) {
      if (operands_[j].tensor.is_same(o.tensor)) o.is_read_write = true;
    }
  }

  if (try_fast_setup(config)) return;

  compute_devices(config);
  compute_shape(config);
  compute_types(config);
  compute_strides();
  reorder_dimensions();
  allocate_or_resize_outputs(config);
  if (config.check_mem_overlap_) check_mem_overlap();
  coalesce_dimensions();
  set_data_ptrs();
}

// See Note [TensorIterator fast path].
bool TensorIterator::try_fast_setup(TensorIteratorConfig& config) {
  if (num_operands_ == num_outputs_) return false;  // nullary: shape comes from the output
  const OperandInfo& first = operands_[num_outputs_];
  const Tensor& t0 = first.tensor;
  if (!t0.is_contiguous() || t0.impl()->is_wrapped_number()) return false;
  const IntArrayRef sizes = t0.sizes();
  for (int i = num_outputs_ + 1; i < num_operands_; ++i) {
    const Tensor& t = operands_[i].tensor;
    if (t.dtype() != first.dtype || t.device() != first.device || !t.is_contiguous() ||
        t.impl()->is_wrapped_number() || t.sizes() != sizes) {
      return false;
    }
  }
  ScalarType out_dtype = first.dtype;
  if (config.promote_int_to_float_ && !is_floating_type(out_dtype)) return false;
  if (config.static_dtype_ != ScalarType::Undefined) out_dtype = config.static_dtype_;
  for (int i = 0; i < num_outputs_; ++i) {
    const Tensor& t = operands_[i].tensor;
    if (!t.defined()) continue;
    if (t.dtype() != out_dtype || t.device() != first.device || !t.is_contiguous() ||
        t.sizes() != sizes) {
      return false;
    }
    // an out= that shares memory with an input must be exactly that input
    for (int j = num_outputs_; j < num_operands_; ++j) {
      const Tensor& in = operands_[j].tensor;
      if (in.storage() == t.storage() && in.data_ptr() != t.data_ptr()) return false;
    }
  }

  common_dtype_ = first.dtype;
  common_device_ = first.device;
  numel_ = t0.numel();
  out_shape_.assign(sizes.data(), sizes.size());
  for (int i = 0; i < num_outputs_; ++i) {
    OperandInfo& o = operands_[i];
    if (!o.tensor.defined()) {
      o.tensor = empty_tensor(sizes, out_dtype, first.device);
      o.dtype = out_dtype;
      o.device = first.device;
    }
  }
  // One dimension of numel elements (none for a 0-dim problem).
  if (sizes.empty()) {
    shape_.clear();
  } else {
    shape_.assign(&numel_, 1);
  }
  for (int i = 0; i < num_operands_; ++i) {
    OperandInfo& o = operands_[i];
    o.stride_bytes.clear();
    if (!sizes.empty()) o.stride_bytes.push_back(static_cast<int64_t>(ember::element_size(o.dtype)));
    o.data = static_cast<char*>(o.tensor.data_ptr());
  }
  return true;
}

void TensorIterator::compute_devices(TensorIteratorConfig& config) {
  // The computation runs where the first non-scalar input lives; 0-dim CPU inputs may
  // join a CUDA computation when allow_cpu_scalars (Python numbers become such tensors).
  bool found = false;
  for (int i = num_outputs_; i < num_operands_ && !found; ++i) {
    const OperandInfo& o = operands_[i];
    if (!(o.device.is_cpu() && o.tensor.dim() == 0)) {
      common_device_ = o.device;
      found = true;
    }
  }
  for (int i = 0; i < num_outputs_ && !found; ++i) {
    if (operands_[i].tensor.defined()) {
      common_device_ = operands_[i].device;
      found = true;
    }
  }
  if (!found) {
    // only 0-dim CPU inputs: a CUDA one wins over a CPU one
    common_device_ = Device(DeviceType::CPU);
    for (int i = num_outputs_; i < num_operands_; ++i) {
      if (!operands_[i].device.is_cpu()) common_device_ = operands_[i].device;
    }
  }
  for (int i = 0; i < num_operands_; ++i) {
    OperandInfo& o = operands_[i];
    if (!o.tensor.defined() || o.device == common_device_) continue;
    if (!o.is_output && config.allow_cpu_scalars_ && o.device.is_cpu() && o.tensor.dim() == 0) {
      o.is_cpu_scalar = true;
      continue;
    }
    throw Error(str("Expected all tensors to be on the same device, but found at least two "
                    "devices, ",
                    common_device_, " and ", o.device, "!"));
  }
}

void TensorIterator::compute_shape(TensorIteratorConfig& config) {
  bool have_shape = false;
  DimVec shape;
  for (int i = num_outputs_; i < num_operands_; ++i) {
    const IntArrayRef s = operands_[i].tensor.sizes();
    if (!have_shape) {
      shape.assign(s.data(), s.size());
      have_shape = true;
    } else if (!(shape.ref() == s)) {
      shape = broadcast_shapes(shape, s);
    }
  }
  for (int i = 0; i < num_outputs_; ++i) {
    OperandInfo& o = operands_[i];
    if (!o.tensor.defined()) {
      EMBER_CHECK(have_shape, "TensorIterator: cannot infer the shape of an undefined output "
                              "without inputs");
      o.will_resize = true;
      continue;
    }
    if (!have_shape) {  // nullary: the output defines the iteration space
      const IntArrayRef s = o.tensor.sizes();
      shape.assign(s.data(), s.size());
      have_shape = true;
      continue;
    }
    const IntArrayRef s = o.tensor.sizes();
    if (s == shape.ref()) continue;
    if (o.is_read_write || !config.resize_outputs_) {
      throw Error(str("output with shape ", list_str(s), " doesn't match the broadcast shape ",
                      list_str(shape)));
    }
    o.will_resize = true;
  }
  out_shape_ = shape;
  numel_ = 1;
  for (int64_t s : out_shape_) numel_ *= s;
}

void TensorIterator::compute_types(TensorIteratorConfig& config) {
  // The common dtype: promotion over the inputs (wrapped numbers rank lowest).
  ResultTypeState state;
  for (int i = num_outputs_; i < num_operands_; ++i) {
    state = update_result_type_state(operands_[i].tensor, state);
  }
  common_dtype_ = result_type(state);
  if (common_dtype_ == ScalarType::Undefined) {  // nullary
    common_dtype_ = operands_[0].dtype;
  }
  if (config.promote_int_to_float_ && is_integral_type(common_dtype_, /*include_bool=*/true)) {
    common_dtype_ = default_dtype();
  }

  if (config.check_all_same_dtype_) {
    // every defined operand must already have the first input's (or output's) dtype
    ScalarType expected = ScalarType::Undefined;
    for (int i = num_outputs_; i < num_operands_ && expected == ScalarType::Undefined; ++i) {
      expected = operands_[i].dtype;
    }
    for (int i = 0; i < num_operands_; ++i) {
      const OperandInfo& o = operands_[i];
      if (!o.tensor.defined()) continue;
      if (expected == ScalarType::Undefined) expected = o.dtype;
      EMBER_CHECK(o.dtype == expected, "Found dtype ", o.dtype, " but expected ", expected);
    }
    if (expected != ScalarType::Undefined) common_dtype_ = expected;
  }

  const ScalarType out_compute =
      config.static_dtype_ != ScalarType::Undefined ? config.static_dtype_ : common_dtype_;

  for (int i = 0; i < num_operands_; ++i) {
    OperandInfo& o = operands_[i];
    if (o.is_output) {
      if (!o.tensor.defined()) {
        o.dtype = out_compute;
        o.device = common_device_;
        continue;
      }
      if (config.safe_cast_ && !can_cast(out_compute, o.dtype)) {
        throw Error(str("result type ", out_compute, " can't be cast to the desired output type ",
                        o.dtype));
      }
      if (o.dtype != out_compute && config.cast_to_outputs_) {
        // computed into a temporary of out_compute, created once the geometry is known
        // (allocate_or_resize_outputs) and copied back by cast_outputs()
        o.original = o.tensor;
        o.dtype = out_compute;
      }
      continue;
    }
    if (config.promote_inputs_ && o.dtype != common_dtype_) {
      // Cast copies: the CPU loops then only ever see one dtype per op, which keeps the
      // number of template instantiations (and compile time) at one per dtype. The extra
      // pass only happens for mixed-dtype inputs; a Python number is a 1-element copy.
      Tensor cast = empty_tensor(o.tensor.sizes(), common_dtype_, o.device);
      native::copy_(cast, o.tensor, false);
      if (o.tensor.impl()->is_wrapped_number()) cast.impl()->set_wrapped_number(true);
      o.tensor = std::move(cast);
      o.dtype = common_dtype_;
    }
  }
  // A read-write operand cast separately would lose the in-place write: in-place ops
  // whose `self` is not of the result dtype must be rejected by can_cast (PyTorch's
  // "result type Float can't be cast to the desired output type Long") or cast back
  // through the output temporary, which the code above does.
}

void TensorIterator::compute_strides() {
  const size_t nd = out_shape_.size();
  for (int i = 0; i < num_operands_; ++i) {
    OperandInfo& o = operands_[i];
    o.stride_bytes.clear();
    o.stride_bytes.resize(nd, 0);
    if (!o.tensor.defined() || o.will_resize || o.original.defined()) continue;
    const IntArrayRef sizes = o.tensor.sizes();
    const IntArrayRef strides = o.tensor.strides();
    const int64_t item = static_cast<int64_t>(o.tensor.element_size());
    const size_t offset = nd - sizes.size();
    for (size_t d = 0; d < sizes.size(); ++d) {
      // broadcast dims (size 1 in the operand, larger in the result) get stride 0
      o.stride_bytes[offset + d] = (sizes[d] == 1 && out_shape_[offset + d] != 1) ? 0 : strides[d] * item;
    }
  }
}

void TensorIterator::reorder_dimensions() {
  // Iteration dim 0 is the innermost: start from the reversed tensor order and insertion-
  // sort so that dims with smaller strides come first. Outputs being allocated don't vote
  // (they take whatever order the inputs prefer); broadcast dims (stride 0) don't either.
  const int nd = static_cast<int>(out_shape_.size());
  perm_.resize(nd);
  for (int i = 0; i < nd; ++i) perm_[i] = nd - 1 - i;
  auto should_swap = [&](int64_t d0, int64_t d1) {
    for (int k = 0; k < num_operands_; ++k) {
      const OperandInfo& o = operands_[k];
      if (o.will_resize || o.original.defined() || !o.tensor.defined()) continue;
      const int64_t s0 = o.stride_bytes[d0], s1 = o.stride_bytes[d1];
      if (s0 == 0 || s1 == 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (out_shape_[d0] > out_shape_[d1]) return 1;
    }
    return 0;
  };
  bool identity = true;
  for (int i = 1; i < nd; ++i) {
    int d1 = i;
    for (int d0 = i - 1; d0 >= 0; --d0) {
      const int cmp = should_swap(perm_[d0], perm_[d1]);
      if (cmp > 0) {
        std::swap(perm_[d0], perm_[d1]);
        d1 = d0;
        identity = false;
      } else if (cmp < 0) {
        break;
      }
    }
  }
  (void)identity;
  // apply: shape_ and every operand's strides into iteration order
  shape_.resize(nd);
  for (int i = 0; i < nd; ++i) shape_[i] = out_shape_[perm_[i]];
  DimVec tmp;
  for (int k = 0; k < num_operands_; ++k) {
    OperandInfo& o = operands_[k];
    tmp = o.stride_bytes;
    for (int i = 0; i < nd; ++i) o.stride_bytes[i] = tmp[perm_[i]];
  }
}

void TensorIterator::allocate_or_resize_outputs(TensorIteratorConfig& config) {
  (void)config;
  const int nd = static_cast<int>(shape_.size());
  for (int k = 0; k < num_outputs_; ++k) {
    OperandInfo& o = operands_[k];
    const bool need_new = !o.tensor.defined() || o.original.defined();
    if (need_new) {
      // Allocate contiguous in iteration order, so the output follows the inputs' layout
      // (a transposed input gives a transposed-strided output, as in PyTorch).
      const int64_t item = static_cast<int64_t>(ember::element_size(o.dtype));
      DimVec strides(nd);  // tensor dim order, in elements
      int64_t s = 1;
      bool natural = true;
      for (int i = 0; i < nd; ++i) {
        if (perm_[i] != nd - 1 - i) natural = false;
        strides[perm_[i]] = s;
        s *= std::max<int64_t>(shape_[i], 1);
      }
      o.tensor = natural ? empty_tensor(out_shape_, o.dtype, common_device_)
                         : empty_strided_tensor(out_shape_, strides, o.dtype, common_device_);
      o.device = common_device_;
      for (int i = 0; i < nd; ++i) o.stride_bytes[i] = strides[perm_[i]] * item;
      if (o.original.defined() && o.will_resize) resize_output(o.original, out_shape_);
      o.will_resize = false;
      continue;
    }
    if (o.will_resize) {
      resize_output(o.tensor, out_shape_);
      o.will_resize = false;
      const IntArrayRef st = o.tensor.strides();
      const int64_t item = static_cast<int64_t>(o.tensor.element_size());
      for (int i = 0; i < nd; ++i) o.stride_bytes[i] = st[perm_[i]] * item;
    }
  }
}

void TensorIterator::check_mem_overlap() {
  for (int k = 0; k < num_outputs_; ++k) {
    const OperandInfo& o = operands_[k];
    const Tensor& t = o.tensor;
    if (t.numel() <= 1) continue;
    // internal overlap: an expanded output writes one element several times
    for (int64_t d = 0; d < t.dim(); ++d) {
      EMBER_CHECK(!(t.stride(d) == 0 && t.size(d) > 1),
                  "unsupported operation: more than one element of the written-to tensor refers "
                  "to a single memory location. Please clone() the tensor before performing the "
                  "operation.");
    }
    // partial overlap with an input: same memory but not the same elements in order
    const char* lo = static_cast<const char*>(t.data_ptr());
    int64_t extent = 1;
    for (int64_t d = 0; d < t.dim(); ++d) extent += (t.size(d) - 1) * t.stride(d);
    const char* hi = lo + extent * static_cast<int64_t>(t.element_size());
    for (int j = num_outputs_; j < num_operands_; ++j) {
      const Tensor& in = operands_[j].tensor;
      if (in.numel() == 0 || in.storage() != t.storage()) continue;
      if (in.data_ptr() == t.data_ptr() && in.strides() == t.strides() &&
          in.dtype() == t.dtype()) {
        continue;  // exactly the same elements: in-place is fine
      }
      const char* ilo = static_cast<const char*>(in.data_ptr());
      int64_t iext = 1;
      for (int64_t d = 0; d < in.dim(); ++d) iext += (in.size(d) - 1) * in.stride(d);
      const char* ihi = ilo + iext * static_cast<int64_t>(in.element_size());
      EMBER_CHECK(ihi <= lo || hi <= ilo,
                  "unsupported operation: some elements of the input tensor and the written-to "
                  "tensor refer to a single memory location. Please clone() the tensor before "
                  "performing the operation.");
    }
  }
}

void TensorIterator::coalesce_dimensions() {
  const int nd = static_cast<int>(shape_.size());
  if (nd <= 1) return;
  auto can_coalesce = [&](int d0, int d1) {
    if (shape_[d0] == 1 || shape_[d1] == 1) return true;
    for (int k = 0; k < num_operands_; ++k) {
      const DimVec& st = operands_[k].stride_bytes;
      if (shape_[d0] * st[d0] != st[d1]) return false;
    }
    return true;
  };
  int prev = 0;
  for (int d = 1; d < nd; ++d) {
    if (can_coalesce(prev, d)) {
      if (shape_[prev] == 1) {
        for (int k = 0; k < num_operands_; ++k) {
          operands_[k].stride_bytes[prev] = operands_[k].stride_bytes[d];
        }
      }
      shape_[prev] *= shape_[d];
    } else {
      ++prev;
      if (prev != d) {
        shape_[prev] = shape_[d];
        for (int k = 0; k < num_operands_; ++k) {
          operands_[k].stride_bytes[prev] = operands_[k].stride_bytes[d];
        }
      }
    }
  }
  shape_.resize(prev + 1);
  for (int k = 0; k < num_operands_; ++k) operands_[k].stride_bytes.resize(prev + 1);
}

void TensorIterator::set_data_ptrs() {
  for (int k = 0; k < num_operands_; ++k) {
    OperandInfo& o = operands_[k];
    o.data = static_cast<char*>(o.tensor.data_ptr());
  }
}

// ------------------------------------------------------------------------------------
// Queries
// ------------------------------------------------------------------------------------

bool TensorIterator::is_contiguous() const {
  if (numel_ == 1) return true;
  if (shape_.size() != 1) return false;
  for (int k = 0; k < num_operands_; ++k) {
    const OperandInfo& o = operands_[k];
    if (o.stride_bytes[0] != static_cast<int64_t>(ember::element_size(o.dtype))) return false;
  }
  return true;
}

bool TensorIterator::is_scalar(int arg) const {
  const OperandInfo& o = op(arg);
  for (int64_t s : o.stride_bytes) {
    if (s != 0) return false;
  }
  return true;
}

void TensorIterator::remove_operand(int arg) {
  EMBER_CHECK(arg >= num_outputs_ && arg < num_operands_,
              "TensorIterator::remove_operand: ", arg, " is not an input");
  for (int k = arg; k + 1 < num_operands_; ++k) operands_[k] = std::move(operands_[k + 1]);
  operands_[num_operands_ - 1] = OperandInfo();
  --num_operands_;
}

bool TensorIterator::can_use_32bit_indexing() const {
  constexpr int64_t kMax = std::numeric_limits<int32_t>::max();
  if (numel_ > kMax) return false;
  for (int k = 0; k < num_operands_; ++k) {
    const OperandInfo& o = operands_[k];
    int64_t max_offset = 1;
    for (size_t d = 0; d < shape_.size(); ++d) max_offset += (shape_[d] - 1) * o.stride_bytes[d];
    if (max_offset > kMax) return false;
  }
  return true;
}

TensorIterator TensorIterator::split(int dim) {
  EMBER_CHECK(dim >= 0 && dim < ndim() && shape_[dim] >= 2, "TensorIterator::split: dim ", dim,
              " cannot be split");
  TensorIterator rest = *this;
  const int64_t first = shape_[dim] / 2;
  shape_[dim] = first;
  rest.shape_[dim] -= first;
  for (int k = 0; k < num_operands_; ++k) {
    rest.operands_[k].data += first * operands_[k].stride_bytes[dim];
  }
  numel_ = 1;
  for (int64_t s : shape_) numel_ *= s;
  rest.numel_ = 1;
  for (int64_t s : rest.shape_) rest.numel_ *= s;
  // the halves no longer describe whole tensors: outputs were already cast-managed by the
  // parent, so the pieces must not cast again
  for (int k = 0; k < num_outputs_; ++k) rest.operands_[k].original = Tensor();
  return rest;
}

std::vector<TensorIterator> TensorIterator::split_32bit() const {
  std::vector<TensorIterator> done;
  std::vector<TensorIterator> todo{*this};
  for (int k = 0; k < num_outputs_; ++k) todo[0].operands_[k].original = Tensor();
  while (!todo.empty()) {
    TensorIterator it = std::move(todo.back());
    todo.pop_back();
    if (it.can_use_32bit_indexing() || it.numel_ == 0) {
      done.push_back(std::move(it));
      continue;
    }
    // split the dimension that spans the most bytes
    int best = -1;
    int64_t best_extent = -1;
    for (int d = 0; d < it.ndim(); ++d) {
      if (it.shape_[d] < 2) continue;
      int64_t ext = 0;
      for (int k = 0; k < it.num_operands_; ++k) {
        ext = std::max(ext, it.shape_[d] * it.operands_[k].stride_bytes[d]);
      }
      if (ext > best_extent) {
        best_extent = ext;
        best = d;
      }
    }
    EMBER_CHECK(best >= 0, "TensorIterator::split_32bit: cannot split further");
    TensorIterator rest = it.split(best);
    todo.push_back(std::move(it));
    todo.push_back(std::move(rest));
  }
  return done;
}

// ------------------------------------------------------------------------------------
// Loops
// ------------------------------------------------------------------------------------

void TensorIterator::serial_for_each_impl(loop2d_t loop, int64_t begin, int64_t end) const {
  if (begin >= end) return;
  const int nt = num_operands_;
  const int nd = static_cast<int>(shape_.size());
  char* ptrs[kMaxOperands];
  int64_t strides[2 * kMaxOperands];
  if (nd == 0) {
    for (int k = 0; k < nt; ++k) {
      ptrs[k] = operands_[k].data;
      strides[k] = strides[nt + k] = 0;
    }
    loop(ptrs, strides, 1, 1);
    return;
  }
  for (int k = 0; k < nt; ++k) {
    strides[k] = operands_[k].stride_bytes[0];
    strides[nt + k] = nd > 1 ? operands_[k].stride_bytes[1] : 0;
  }
  if (nd == 1) {
    for (int k = 0; k < nt; ++k) ptrs[k] = operands_[k].data + begin * strides[k];
    loop(ptrs, strides, end - begin, 1);
    return;
  }
  // N-d: walk a multi-index; each step covers the rest of the current inner row, or as
  // many whole rows of dim 1 as fit in the range (a 2-d call).
  DimVec idx(nd, 0);
  {
    int64_t rem = begin;
    for (int d = 0; d < nd; ++d) {
      idx[d] = rem % shape_[d];
      rem /= shape_[d];
    }
  }
  int64_t pos = begin;
  const int64_t size0 = shape_[0], size1 = shape_[1];
  while (pos < end) {
    for (int k = 0; k < nt; ++k) {
      int64_t off = 0;
      const DimVec& st = operands_[k].stride_bytes;
      for (int d = 0; d < nd; ++d) off += idx[d] * st[d];
      ptrs[k] = operands_[k].data + off;
    }
    int64_t n0, n1;
    if (idx[0] == 0 && end - pos >= size0) {
      n0 = size0;
      n1 = std::min<int64_t>(size1 - idx[1], (end - pos) / size0);
    } else {
      n0 = std::min<int64_t>(size0 - idx[0], end - pos);
      n1 = 1;
    }
    loop(ptrs, strides, n0, n1);
    pos += n0 * n1;
    // advance the multi-index
    if (n1 > 1 || n0 == size0) {
      idx[0] = 0;
      idx[1] += n1;
    } else {
      idx[0] += n0;
      if (idx[0] == size0) {
        idx[0] = 0;
        idx[1] += 1;
      }
    }
    for (int d = 1; d < nd - 1 && idx[d] >= shape_[d]; ++d) {
      idx[d] = 0;
      idx[d + 1] += 1;
    }
  }
}

void TensorIterator::for_each_impl(loop2d_t loop, int64_t grain_size) {
  if (numel_ == 0) return;
  if (numel_ < grain_size || get_num_threads() == 1) {
    serial_for_each_impl(loop, 0, numel_);
    return;
  }
  parallel_for(0, numel_, grain_size,
               [&](int64_t b, int64_t e) { serial_for_each_impl(loop, b, e); });
}

void TensorIterator::cast_outputs() {
  for (int k = 0; k < num_outputs_; ++k) {
    OperandInfo& o = operands_[k];
    if (!o.original.defined()) continue;
    native::copy_(o.original, o.tensor, false);
  }
}

}  // namespace ember
