#pragma once
// TensorIterator: the shared machinery behind every pointwise kernel.
//
// Given outputs and inputs it
//   1. checks devices (0-dim CPU tensors may join a CUDA computation as "CPU scalars"),
//   2. broadcasts the input shapes (PyTorch's rules and error message),
//   3. computes the common dtype with core/TypePromotion.h and, when asked, casts the
//      inputs to it and computes into a temporary when an out= tensor has another dtype
//      (see cast_outputs()),
//   4. allocates undefined outputs (following the inputs' memory layout), resizes out=
//      tensors of the wrong shape, rejects in-place results that would need a broadcast
//      of `self` and outputs that partially overlap an input,
//   5. orders the dimensions so the innermost one has the smallest strides, and merges
//      ("coalesces") dimensions that are contiguous with each other, so a contiguous
//      N-d problem becomes a single 1-d loop,
//   6. runs a caller-supplied inner loop over the iteration space, in parallel (OpenMP)
//      above a grain size.
//
// Kernels never see tensors: they see `char* data[ntensors]` and byte strides, outputs
// first. A typical device-generic out= kernel:
//
//   Tensor& add_out(const Tensor& self, const Tensor& other, const Scalar& alpha, Tensor& out) {
//     TensorIterator iter = TensorIterator::binary_op(out, self, other);
//     add_stub(iter.device_type(), iter, alpha);   // CPU: native/cpu/BinaryOpsKernel.cpp
//     return iter.finish(out);   // cast_outputs() (out= of another dtype), out = output(0)
//   }
//
// and the CPU loop (native/cpu/Loops.h):
//
//   cpu_kernel(iter, [](float a, float b) { return a + b; });
//
// Iteration order: dimension 0 of the iterator is the *innermost* (fastest varying) one,
// the reverse of a tensor's dim order. shape() and strides(arg) are in that order.
// Strides are in bytes. Broadcast dimensions have stride 0.
//
// Note [TensorIterator fast path]
// `a + b` on small tensors is dominated by fixed costs, so build() first checks the
// common case -- every input defined, contiguous, of one shape, dtype and device, no
// wrapped numbers, outputs undefined or matching -- and then skips broadcasting,
// promotion, dimension sorting and coalescing: the iteration space is one dimension of
// numel() elements. Shapes and strides live in inline arrays (SmallVec) so that building
// an iterator for tensors of up to kInlineDims dims does not touch the heap.
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

#include <ember/core/Tensor.h>
#include <ember/core/TypePromotion.h>

namespace ember {

// ------------------------------------------------------------------------------------
// SmallVec<T, N>: a vector of trivially copyable T with N elements stored inline; it
// moves to the heap only beyond N. Used for shapes and strides.
// ------------------------------------------------------------------------------------
template <typename T, int N>
class SmallVec {
  static_assert(std::is_trivially_copyable_v<T>, "SmallVec holds trivially copyable types");

 public:
  SmallVec() = default;
  explicit SmallVec(size_t n, T value = T()) { resize(n, value); }
  SmallVec(const T* first, size_t n) { assign(first, n); }
  SmallVec(ArrayRef<T> a) { assign(a.data(), a.size()); }  // NOLINT
  SmallVec(const SmallVec& o) { assign(o.data(), o.size()); }
  SmallVec& operator=(const SmallVec& o) {
    if (this != &o) assign(o.data(), o.size());
    return *this;
  }
  ~SmallVec() { delete[] heap_; }

  void assign(const T* first, size_t n) {
    reserve(n);
    if (n) std::memmove(data(), first, n * sizeof(T));
    size_ = n;
  }
  void resize(size_t n, T value = T()) {
    reserve(n);
    for (size_t i = size_; i < n; ++i) data()[i] = value;
    size_ = n;
  }
  void push_back(T v) {
    reserve(size_ + 1);
    data()[size_++] = v;
  }
  void clear() { size_ = 0; }

  T* data() { return heap_ ? heap_ : inline_; }
  const T* data() const { return heap_ ? heap_ : inline_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return data()[i]; }
  const T& operator[](size_t i) const { return data()[i]; }
  T* begin() { return data(); }
  T* end() { return data() + size_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }
  T& back() { return data()[size_ - 1]; }
  operator ArrayRef<T>() const { return ArrayRef<T>(data(), size_); }  // NOLINT
  ArrayRef<T> ref() const { return ArrayRef<T>(data(), size_); }

 private:
  void reserve(size_t n) {
    if (n <= capacity_) return;
    size_t cap = capacity_ * 2 > n ? capacity_ * 2 : n;
    T* fresh = new T[cap];
    if (size_) std::memcpy(fresh, data(), size_ * sizeof(T));
    delete[] heap_;
    heap_ = fresh;
    capacity_ = cap;
  }

  T inline_[N];
  T* heap_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = N;
};

constexpr int kInlineDims = 6;
using DimVec = SmallVec<int64_t, kInlineDims>;

// ------------------------------------------------------------------------------------
// FunctionRef: a non-owning reference to a callable (pointer + trampoline). The loop
// argument of for_each; unlike std::function it never allocates and costs one
// indirect call per inner loop, not per element.
// ------------------------------------------------------------------------------------
template <typename Fn>
class FunctionRef;

template <typename R, typename... Args>
class FunctionRef<R(Args...)> {
 public:
  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FunctionRef>>>
  FunctionRef(F&& f)  // NOLINT: implicit, like a function pointer
      : obj_(const_cast<void*>(static_cast<const void*>(&f))),
        call_([](void* obj, Args... args) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(obj))(std::forward<Args>(args)...);
        }) {}
  R operator()(Args... args) const { return call_(obj_, std::forward<Args>(args)...); }

 private:
  void* obj_;
  R (*call_)(void*, Args...);
};

// ------------------------------------------------------------------------------------
// Operands
// ------------------------------------------------------------------------------------
struct OperandInfo {
  // The tensor the loops read or write. For an input cast to the common dtype it is the
  // cast copy; for an out= tensor of another dtype it is a temporary of the computation
  // dtype, and `original` is the user's tensor (see TensorIterator::cast_outputs()).
  Tensor tensor;
  Tensor original;
  DimVec stride_bytes;  // per iteration dimension, innermost first
  char* data = nullptr;
  ScalarType dtype = ScalarType::Undefined;  // dtype of `tensor`
  Device device;
  bool is_output = false;
  bool is_read_write = false;  // an output that is also an input (in-place)
  bool will_resize = false;    // output to be allocated or resized by build()
  bool is_cpu_scalar = false;  // 0-dim CPU input of a non-CPU computation
};

class TensorIterator;

// The most operands (outputs + inputs) one iterator takes.
constexpr int kMaxOperands = 8;

// ------------------------------------------------------------------------------------
// TensorIteratorConfig: how to build a TensorIterator. Add outputs first, then inputs.
// ------------------------------------------------------------------------------------
class EMBER_API TensorIteratorConfig {
 public:
  // An output; an undefined tensor is allocated by build().
  TensorIteratorConfig& add_output(const Tensor& t);
  TensorIteratorConfig& add_input(const Tensor& t);
  TensorIteratorConfig& add_const_input(const Tensor& t) { return add_input(t); }

  // Require every operand to have one dtype ("Found dtype Long but expected Float").
  // Default true; turned off by promote_inputs_to_common_dtype and declare_static_dtype.
  TensorIteratorConfig& check_all_same_dtype(bool v) { check_all_same_dtype_ = v; return *this; }
  // Cast inputs to the common dtype (result_type of the inputs) before the loops run.
  TensorIteratorConfig& promote_inputs_to_common_dtype(bool v) {
    promote_inputs_ = v;
    if (v) check_all_same_dtype_ = false;
    return *this;
  }
  // Integer and bool inputs compute in the default float dtype (true division, exp...).
  TensorIteratorConfig& promote_integer_inputs_to_float(bool v) { promote_int_to_float_ = v; return *this; }
  // An out= tensor whose dtype differs from the computation dtype gets a temporary that
  // cast_outputs() copies back.
  TensorIteratorConfig& cast_common_dtype_to_outputs(bool v) {
    cast_to_outputs_ = v;
    if (v) check_all_same_dtype_ = false;
    return *this;
  }
  // Reject out= tensors the computation dtype can't be cast to (can_cast).
  TensorIteratorConfig& enforce_safe_casting_to_output(bool v) { safe_cast_ = v; return *this; }
  // Outputs compute in this dtype whatever the inputs are (bool for comparisons).
  TensorIteratorConfig& declare_static_dtype(ScalarType t) {
    static_dtype_ = t;
    check_all_same_dtype_ = false;
    return *this;
  }
  // Allow 0-dim CPU inputs in a CUDA computation (binary ops with a Python number).
  TensorIteratorConfig& allow_cpu_scalars(bool v) { allow_cpu_scalars_ = v; return *this; }
  // When false, defined outputs must already have the broadcast shape.
  TensorIteratorConfig& resize_outputs(bool v) { resize_outputs_ = v; return *this; }
  // Reject outputs that partially overlap an input or have stride-0 (expanded) dims.
  TensorIteratorConfig& check_mem_overlap(bool v) { check_mem_overlap_ = v; return *this; }
  // Name used in error messages ("add", "where"...); optional.
  TensorIteratorConfig& name(const char* n) { name_ = n; return *this; }

  TensorIterator build();

 private:
  friend class TensorIterator;
  Tensor tensors_[kMaxOperands];
  int num_outputs_ = 0;
  int num_inputs_ = 0;
  bool check_all_same_dtype_ = true;
  bool promote_inputs_ = false;
  bool promote_int_to_float_ = false;
  bool cast_to_outputs_ = false;
  bool safe_cast_ = false;
  bool allow_cpu_scalars_ = false;
  bool resize_outputs_ = true;
  bool check_mem_overlap_ = true;
  ScalarType static_dtype_ = ScalarType::Undefined;
  const char* name_ = nullptr;
};

// Elements per thread below which a loop is not worth splitting across threads.
constexpr int64_t kGrainSize = 32768;

// ------------------------------------------------------------------------------------
// TensorIterator
// ------------------------------------------------------------------------------------
class EMBER_API TensorIterator {
 public:
  // A 2-d inner loop: `data[k]` points at operand k's first element, `strides[k]` is its
  // byte stride along the inner dimension (size0 elements) and `strides[ntensors + k]`
  // along the outer one (size1 rows).
  using loop2d_t = FunctionRef<void(char** data, const int64_t* strides, int64_t size0, int64_t size1)>;

  TensorIterator() = default;

  // ---- builders for the common op families ---------------------------------------
  // out = f(a, b): inputs promoted to the common dtype, computed in it, cast to out=.
  static TensorIterator binary_op(const Tensor& out, const Tensor& a, const Tensor& b);
  // Like binary_op, but integer/bool inputs compute in the default float dtype (div).
  static TensorIterator binary_float_op(const Tensor& out, const Tensor& a, const Tensor& b);
  // Bool output (or the out= dtype); inputs compared in their common dtype.
  static TensorIterator comparison_op(const Tensor& out, const Tensor& a, const Tensor& b);
  // out = f(a) in a's dtype.
  static TensorIterator unary_op(const Tensor& out, const Tensor& a);
  // out = f(a); integer/bool inputs compute in the default float dtype (exp, sin...).
  static TensorIterator unary_float_op(const Tensor& out, const Tensor& a);
  // Only an output (fill_).
  static TensorIterator nullary_op(const Tensor& out);

  // ---- geometry -------------------------------------------------------------------
  int ndim() const { return static_cast<int>(shape_.size()); }
  IntArrayRef shape() const { return shape_; }  // iteration order: innermost first
  int64_t numel() const { return numel_; }
  int ntensors() const { return num_operands_; }
  int noutputs() const { return num_outputs_; }
  int ninputs() const { return num_operands_ - num_outputs_; }
  // The broadcast shape in tensor dim order (what the outputs have).
  IntArrayRef output_shape() const { return out_shape_; }

  // ---- operands (arg indexes: outputs first, then inputs) ---------------------------
  ScalarType dtype(int arg = 0) const { return op(arg).dtype; }
  ScalarType input_dtype(int i = 0) const { return op(num_outputs_ + i).dtype; }
  // The dtype the computation runs in (result_type of the inputs, after promotion).
  ScalarType common_dtype() const { return common_dtype_; }
  Device device(int arg = 0) const { return op(arg).device; }
  // The device the computation runs on (the outputs' device).
  Device common_device() const { return common_device_; }
  // The device type the computation runs on (what a DispatchStub is called with).
  DeviceType device_type() const { return common_device_.type; }
  DeviceType device_type(int arg) const { return op(arg).device.type; }
  void* data_ptr(int arg) const { return op(arg).data; }
  IntArrayRef strides(int arg) const { return op(arg).stride_bytes; }
  size_t element_size(int arg) const { return ember::element_size(op(arg).dtype); }
  const Tensor& tensor(int arg) const { return op(arg).tensor; }
  // The user-visible output (the allocated result, or the out= tensor itself).
  const Tensor& output(int i = 0) const {
    const OperandInfo& o = op(i);
    return o.original.defined() ? o.original : o.tensor;
  }
  const Tensor& input(int i = 0) const { return op(num_outputs_ + i).tensor; }
  const OperandInfo& operand(int arg) const { return op(arg); }

  // True when the iteration space is one dimension and every operand is contiguous in
  // it (element strides == element size).
  bool is_contiguous() const;
  // True when input `arg` is a 0-dim CPU tensor in a computation on another device: the
  // device kernel must read it on the host with scalar_value<T>() (and may then
  // remove_operand() it).
  bool is_cpu_scalar(int arg) const { return op(arg).is_cpu_scalar; }
  // True for any single-element input (broadcast along every dimension).
  bool is_scalar(int arg) const;
  template <typename T>
  T scalar_value(int arg) const {
    const OperandInfo& o = op(arg);
    EMBER_CHECK(o.device.is_cpu(), "scalar_value(): operand ", arg, " is not on the CPU");
    return EMBER_DISPATCH_ALL_TYPES_AND_BOOL(o.dtype, "scalar_value", [&]() -> T {
      return static_cast<T>(*reinterpret_cast<const scalar_t*>(o.data));
    });
  }
  // Drops an input (after its value was read with scalar_value).
  void remove_operand(int arg);

  // ---- running loops --------------------------------------------------------------
  // Runs `loop` over the whole iteration space; split across OpenMP threads when
  // numel() >= grain_size. The loop may be 2-d (see loop2d_t) or 1-d:
  // loop(char** data, const int64_t* strides, int64_t n).
  template <typename Loop>
  void for_each(Loop&& loop, int64_t grain_size = kGrainSize) {
    if constexpr (std::is_invocable_v<Loop&, char**, const int64_t*, int64_t>) {
      auto loop2d = loop_2d_from_1d(loop, num_operands_);
      for_each_impl(loop2d_t(loop2d), grain_size);
    } else {
      for_each_impl(loop2d_t(loop), grain_size);
    }
  }
  // Runs `loop` over the linear range [begin, end) of the iteration space, on this thread.
  template <typename Loop>
  void serial_for_each(Loop&& loop, int64_t begin, int64_t end) const {
    if constexpr (std::is_invocable_v<Loop&, char**, const int64_t*, int64_t>) {
      auto loop2d = loop_2d_from_1d(loop, num_operands_);
      serial_for_each_impl(loop2d_t(loop2d), begin, end);
    } else {
      serial_for_each_impl(loop2d_t(loop), begin, end);
    }
  }

  // Copies outputs that were computed into a temporary (out= of another dtype than the
  // computation) back into the user's tensors. Call once after the kernel ran.
  void cast_outputs();
  // The end of an out= kernel: cast_outputs(), then hand output 0 to `out` (which the
  // functional/in-place wrappers pass undefined or aliased, see docs/contracts.md).
  Tensor& finish(Tensor& out) {
    cast_outputs();
    if (!out.defined()) out = output(0);
    return out;
  }

  // ---- support for device (CUDA) launchers ----------------------------------------
  // Whether every element offset of every operand fits in int32.
  bool can_use_32bit_indexing() const;
  // Splits into sub-iterators that each satisfy can_use_32bit_indexing(); one (a copy
  // of *this) when it already does.
  std::vector<TensorIterator> split_32bit() const;
  // Halves the iteration space along iteration dimension `dim`: *this keeps the first
  // part, the returned iterator covers the rest.
  TensorIterator split(int dim);

  // Wraps a 1-d loop over `ntensors` operands into a 2-d one.
  template <typename Loop1d>
  static auto loop_2d_from_1d(Loop1d& loop, int ntensors) {
    return [&loop, ntensors](char** base, const int64_t* strides, int64_t size0, int64_t size1) {
      if (size1 == 1) {
        loop(base, strides, size0);
        return;
      }
      char* ptrs[kMaxOperands];
      for (int k = 0; k < ntensors; ++k) ptrs[k] = base[k];
      for (int64_t j = 0; j < size1; ++j) {
        if (j) {
          for (int k = 0; k < ntensors; ++k) ptrs[k] += strides[ntensors + k];
        }
        loop(ptrs, strides, size0);
      }
    };
  }

 private:
  friend class TensorIteratorConfig;

  const OperandInfo& op(int arg) const {
    EMBER_CHECK(arg >= 0 && arg < num_operands_, "TensorIterator: operand index ", arg,
                " out of range for ", num_operands_, " operands");
    return operands_[arg];
  }

  void build(TensorIteratorConfig& config);
  bool try_fast_setup(TensorIteratorConfig& config);
  void compute_devices(TensorIteratorConfig& config);
  void compute_shape(TensorIteratorConfig& config);
  void compute_types(TensorIteratorConfig& config);
  void compute_strides();
  void reorder_dimensions();
  void allocate_or_resize_outputs(TensorIteratorConfig& config);
  void check_mem_overlap();
  void coalesce_dimensions();
  void set_data_ptrs();

  void for_each_impl(loop2d_t loop, int64_t grain_size);
  void serial_for_each_impl(loop2d_t loop, int64_t begin, int64_t end) const;

  OperandInfo operands_[kMaxOperands];
  int num_operands_ = 0;
  int num_outputs_ = 0;
  DimVec shape_;       // iteration order
  DimVec out_shape_;   // tensor dim order
  DimVec perm_;        // perm_[i] = tensor dim of iteration dim i (before coalescing)
  int64_t numel_ = 0;
  ScalarType common_dtype_ = ScalarType::Undefined;
  Device common_device_;
  const char* name_ = nullptr;
};

inline TensorIterator TensorIteratorConfig::build() {
  TensorIterator it;
  it.build(*this);
  return it;
}

// Resizes an out= tensor to `shape` (contiguous), growing its storage if needed. A no-op
// when it already has that shape. Shared by every out= kernel.
EMBER_API void resize_output(const Tensor& out, IntArrayRef shape);

// Broadcasts two shapes; RuntimeError "The size of tensor a (3) must match the size of
// tensor b (4) at non-singleton dimension 1" when they don't broadcast.
EMBER_API DimVec broadcast_shapes(IntArrayRef a, IntArrayRef b);

}  // namespace ember
