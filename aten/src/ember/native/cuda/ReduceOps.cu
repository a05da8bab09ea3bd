// CUDA loops of the reductions declared in native/ReduceOps.h, all through gpu_reduce
// (Note [CUDA reduction scheme] in Reduce.cuh). Accumulation types follow the CPU
// loops: float for the 16-bit floats, int64 (wrapping) for integers and bool.
#include <limits>

#include <ember/native/ReduceOps.h>
#include <ember/native/cuda/Reduce.cuh>

namespace ember::native::cuda {



// sum (divisor 0) and mean (divisor = number of reduced elements; 0/0 = nan).
template <typename scalar_t>
struct SumOps {
  using acc_t = native::acc_t<scalar_t>;
  bool mean;
  int64_t count;
  EMBER_DEVICE acc_t identity() const { return acc_t(0); }
  EMBER_DEVICE acc_t reduce(acc_t a, scalar_t x, int64_t) const {
    return wrap_add(a, static_cast<acc_t>(x));
  }
  EMBER_DEVICE acc_t combine(acc_t a, acc_t b) const { return wrap_add(a, b); }
  EMBER_DEVICE void write(acc_t a, void* out, void*, int64_t off) const {
    if constexpr (!std::is_integral_v<acc_t>) {
      if (mean) a = a / static_cast<acc_t>(count);
    }
    static_cast<scalar_t*>(out)[off] = static_cast<scalar_t>(a);
  }
};

template <typename scalar_t>
struct ProdOps {
  using acc_t = native::acc_t<scalar_t>;
  EMBER_DEVICE acc_t identity() const { return acc_t(1); }
  EMBER_DEVICE acc_t reduce(acc_t a, scalar_t x, int64_t) const {
    return wrap_mul(a, static_cast<acc_t>(x));
  }
  EMBER_DEVICE acc_t combine(acc_t a, acc_t b) const { return wrap_mul(a, b); }
  EMBER_DEVICE void write(acc_t a, void* out, void*, int64_t off) const {
    static_cast<scalar_t*>(out)[off] = static_cast<scalar_t>(a);
  }
};

// The identity of max (lowest value) / min (highest value) in compute type C.
template <typename C, bool IsMax>
EMBER_DEVICE inline C extremum_identity() {
  if constexpr (std::is_same_v<C, bool>) {
    return !IsMax;
  } else if constexpr (std::is_floating_point_v<C>) {
    return IsMax ? -std::numeric_limits<C>::infinity() : std::numeric_limits<C>::infinity();
  } else {
    return IsMax ? std::numeric_limits<C>::lowest() : std::numeric_limits<C>::max();
  }
}

// NaN-propagating max/min of all values.
template <typename scalar_t, bool IsMax>
struct ExtremumOps {
  using acc_t = opmath_t<scalar_t>;
  EMBER_DEVICE acc_t identity() const { return extremum_identity<acc_t, IsMax>(); }
  EMBER_DEVICE acc_t combine(acc_t a, acc_t b) const {
    if (is_nan(a)) return a;
    if (is_nan(b)) return b;
    return (IsMax ? b > a : b < a) ? b : a;
  }
  EMBER_DEVICE acc_t reduce(acc_t a, scalar_t x, int64_t) const {
    return combine(a, static_cast<acc_t>(x));
  }
  EMBER_DEVICE void write(acc_t a, void* out, void*, int64_t off) const {
    static_cast<scalar_t*>(out)[off] = static_cast<scalar_t>(a);
  }
};

template <typename C>
struct ValueIndex {
  C value;
  int64_t index;
};

// Extremum with the index of its first occurrence; a NaN beats every number and the
// first NaN wins. Ties go to the smaller index, which makes combine order-free.
template <typename scalar_t, bool IsMax>
struct ArgExtremumOps {
  using C = opmath_t<scalar_t>;
  using acc_t = ValueIndex<C>;
  EMBER_DEVICE acc_t identity() const {
    return {extremum_identity<C, IsMax>(), std::numeric_limits<int64_t>::max()};
  }
  EMBER_DEVICE acc_t combine(acc_t a, acc_t b) const {
    const bool an = is_nan(a.value), bn = is_nan(b.value);
    if (an || bn) {
      if (an && bn) return a.index <= b.index ? a : b;
      return an ? a : b;
    }
    if (a.value == b.value) return a.index <= b.index ? a : b;
    return (IsMax ? b.value > a.value : b.value < a.value) ? b : a;
  }
  EMBER_DEVICE acc_t reduce(acc_t a, scalar_t x, int64_t r) const {
    return combine(a, acc_t{static_cast<C>(x), r});
  }
  EMBER_DEVICE void write(acc_t a, void* values, void* indices, int64_t off) const {
    if (values) static_cast<scalar_t*>(values)[off] = static_cast<scalar_t>(a.value);
    static_cast<int64_t*>(indices)[off] = a.index;
  }
};

namespace {

// The device the guard made current (the tensors' device).
int device_of(const Tensor&) { return ::ember::cuda::current_device_index(); }

template <bool Mean>
void sum_kernel_cuda(const Tensor& out_kd, const Tensor& in) {
  ::ember::cuda::CUDAGuard guard(in.device());
  const ReduceLayout L = make_reduce_layout(out_kd, in);
  const int device = device_of(in);
  auto run = [&](auto tag) {
    using scalar_t = decltype(tag);
    gpu_reduce(L, SumOps<scalar_t>{Mean, L.reduce_numel},
               static_cast<const scalar_t*>(in.data_ptr()), out_kd.data_ptr(), nullptr, device);
  };
  if constexpr (Mean) {
    EMBER_DISPATCH_FLOATING_TYPES(in.dtype(), "mean", [&] { run(scalar_t{}); });
  } else {
    EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), "sum", [&] { run(scalar_t{}); });
  }
}

void prod_kernel_cuda(const Tensor& out_kd, const Tensor& in) {
  ::ember::cuda::CUDAGuard guard(in.device());
  const ReduceLayout L = make_reduce_layout(out_kd, in);
  const int device = device_of(in);
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), "prod", [&] {
    gpu_reduce(L, ProdOps<scalar_t>{}, static_cast<const scalar_t*>(in.data_ptr()),
               out_kd.data_ptr(), nullptr, device);
  });
}

template <bool IsMax>
void extremum_values_kernel_cuda(const Tensor& out_kd, const Tensor& in) {
  ::ember::cuda::CUDAGuard guard(in.device());
  const ReduceLayout L = make_reduce_layout(out_kd, in);
  if (L.num_outputs == 0) return;
  EMBER_CHECK(L.reduce_numel > 0, IsMax ? "max" : "min", "(): cannot reduce an empty tensor");
  const int device = device_of(in);
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), IsMax ? "max" : "min", [&] {
    gpu_reduce(L, ExtremumOps<scalar_t, IsMax>{}, static_cast<const scalar_t*>(in.data_ptr()),
               out_kd.data_ptr(), nullptr, device);
  });
}

template <bool IsMax>
void arg_extremum_kernel_cuda(const Tensor& values_kd, const Tensor& indices_kd, const Tensor& in,
                              int64_t /*dim: the layout finds it from the keepdim view*/) {
  ::ember::cuda::CUDAGuard guard(in.device());
  const ReduceLayout L = make_reduce_layout(indices_kd, in);
  if (L.num_outputs == 0) return;
  // The kernel writes values and indices at the same offsets (the indices' layout).
  // A values tensor laid out differently (an odd out=) gets a twin of the indices'
  // geometry that is copied over afterwards.
  Tensor values = values_kd;
  if (values_kd.defined() && !values_kd.strides().equals(indices_kd.strides())) {
    values = empty_strided_tensor(indices_kd.sizes(), indices_kd.strides(), values_kd.dtype(),
                                  values_kd.device());
  }
  const int device = device_of(in);
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(in.dtype(), IsMax ? "max" : "min", [&] {
    gpu_reduce(L, ArgExtremumOps<scalar_t, IsMax>{}, static_cast<const scalar_t*>(in.data_ptr()),
               values.defined() ? values.data_ptr() : nullptr, indices_kd.data_ptr(), device);
  });
  if (values.defined() && !values.is_same(values_kd)) {
    values_kd.copy_(values, false);
  }
}

}  // namespace

EMBER_REGISTER_DISPATCH(sum_stub, CUDA, &sum_kernel_cuda<false>);
EMBER_REGISTER_DISPATCH(mean_stub, CUDA, &sum_kernel_cuda<true>);
EMBER_REGISTER_DISPATCH(prod_stub, CUDA, &prod_kernel_cuda);
EMBER_REGISTER_DISPATCH(max_values_stub, CUDA, &extremum_values_kernel_cuda<true>);
EMBER_REGISTER_DISPATCH(min_values_stub, CUDA, &extremum_values_kernel_cuda<false>);
EMBER_REGISTER_DISPATCH(max_dim_stub, CUDA, &arg_extremum_kernel_cuda<true>);
EMBER_REGISTER_DISPATCH(min_dim_stub, CUDA, &arg_extremum_kernel_cuda<false>);

}  // namespace ember::native::cuda
