// Random operators built on the Philox fills of Distributions.cpp (uniform_, normal_,
// random_), so that they inherit their properties: one reservation per fill, values
// independent of thread count and of the tensor's strides, the same streams on every
// device (Note [ember's random numbers] in core/Generator.h). Each draws into a
// contiguous scratch tensor and transforms it with ordinary operators:
//   bernoulli:   u < p, u ~ U[0, 1) in float64;
//   exponential: -log1p(-u) / lambda;
//   geometric:   ceil(log1p(-u) / log1p(-p)), at least 1;
//   log_normal:  exp(normal(mean, std));
//   normal(mean, std tensors): mean + std * N(0, 1);
//   randperm:    the stable argsort of n uniform 63-bit keys (sorted on the CPU);
//   multinomial: without replacement (or one sample) PyTorch's argmax/topk of p / q with
//                q ~ Exp(1); with replacement, the category whose cumulative-probability
//                interval holds u * total.
// Argument checks and messages follow PyTorch's.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/Distributions.h>
#include <ember/native/Indexing.h>
#include <ember/native/TensorIterator.h>

namespace ember::native {
namespace {

// u ~ U[0, 1) in float64, shaped `sizes`, on `device`.
Tensor uniform_double(IntArrayRef sizes, Device device, const std::optional<Generator>& generator) {
  Tensor u = empty_tensor(sizes, ScalarType::Double, device);
  if (u.numel() > 0) native::uniform_(u, 0.0, 1.0, generator);
  return u;
}

Tensor double_scalar(double v, Device device) {
  return scalar_tensor_of(Scalar(v), ScalarType::Double, device);
}

// Writes `values` (any dtype, self's shape) into self.
Tensor& assign(Tensor& self, const Tensor& values) {
  self.copy_(values);
  return self;
}

}  // namespace

// ---------------------------------------------------------------------------------
// bernoulli
// ---------------------------------------------------------------------------------

Tensor& bernoulli__float(Tensor& self, double p, const std::optional<Generator>& generator) {
  check_no_internal_overlap(self);
  EMBER_CHECK(0 <= p && p <= 1, "bernoulli_ expects p to be in [0, 1], but got p=", p);
  if (self.numel() == 0) return self;
  const Tensor u = uniform_double(self.sizes(), self.device(), generator);
  return assign(self, ember::lt(u, double_scalar(p, self.device())));
}

Tensor& bernoulli__tensor(Tensor& self, const Tensor& p, const std::optional<Generator>& generator) {
  check_no_internal_overlap(self);
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(p.dtype()), "\"bernoulli_tensor_cpu_p_\" not implemented for '",
                              type_name(p.dtype()), "'");
  EMBER_CHECK(p.device() == self.device(), "bernoulli_: expected p on ", self.device(), " but got ",
              p.device());
  const Tensor pe = p.expand(self.sizes());
  if (p.numel() > 0) {
    const Tensor bad = ember::logical_or(ember::lt(p, double_scalar(0, p.device())),
                                         ember::gt(p, double_scalar(1, p.device())));
    EMBER_CHECK(!ember::any(ember::logical_or(bad, ember::isnan(p))).item().to_bool(),
                "Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
  }
  if (self.numel() == 0) return self;
  const Tensor u = uniform_double(self.sizes(), self.device(), generator);
  return assign(self, ember::lt(u, pe));
}

Tensor bernoulli(const Tensor& self, const std::optional<Generator>& generator) {
  Tensor result = ember::empty(self.sizes(), self.dtype(), std::nullopt, self.device());
  return native::bernoulli__tensor(result, self, generator);
}

Tensor& bernoulli_out(const Tensor& self, const std::optional<Generator>& generator, Tensor& out) {
  EMBER_CHECK(out.device() == self.device(), "bernoulli: expected out on ", self.device(), " but got ",
              out.device());
  if (!out.sizes().equals(self.sizes())) native::resize_(out, self.sizes(), std::nullopt);
  return native::bernoulli__tensor(out, self, generator);
}

Tensor bernoulli_p(const Tensor& self, double p, const std::optional<Generator>& generator) {
  Tensor result = ember::empty(self.sizes(), self.dtype(), std::nullopt, self.device());
  return native::bernoulli__float(result, p, generator);
}

// ---------------------------------------------------------------------------------
// exponential_ / geometric_ / log_normal_
// ---------------------------------------------------------------------------------

Tensor& exponential_(Tensor& self, double lambd, const std::optional<Generator>& generator) {
  check_no_internal_overlap(self);
  EMBER_CHECK(lambd > 0.0, "exponential_ expects lambda > 0.0, but found lambda=", lambd);
  EMBER_CHECK(is_floating_type(self.dtype()), "Exponential distribution is a continuous probability "
              "distribution. dtype must be a floating point but you specified ", type_name(self.dtype()));
  if (self.numel() == 0) return self;
  const Tensor u = uniform_double(self.sizes(), self.device(), generator);
  // u < 1, so 1 - u > 0 and the result is finite and >= 0.
  const Tensor x = ember::div(ember::neg(ember::log1p(ember::neg(u))), double_scalar(lambd, self.device()));
  return assign(self, x);
}

Tensor& geometric_(Tensor& self, double p, const std::optional<Generator>& generator) {
  check_no_internal_overlap(self);
  EMBER_CHECK(0 < p && p < 1, "geometric_ expects p to be in (0, 1), but got p=", p);
  EMBER_CHECK_NOT_IMPLEMENTED(self.dtype() != ScalarType::Bool,
                              "\"geometric_cpu\" not implemented for 'Bool'");
  if (self.numel() == 0) return self;
  const Tensor u = uniform_double(self.sizes(), self.device(), generator);
  // The number of Bernoulli(p) trials up to the first success: ceil(log(1 - u) / log(1 - p)).
  const Tensor k = ember::ceil(ember::div(ember::log1p(ember::neg(u)), double_scalar(std::log1p(-p), self.device())));
  return assign(self, ember::clamp_min(k, Scalar(1.0)));
}

Tensor& log_normal_(Tensor& self, double mean, double std, const std::optional<Generator>& generator) {
  check_no_internal_overlap(self);
  EMBER_CHECK(std > 0.0, "log_normal_ expects std > 0.0, but found std=", std);
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(self.dtype()), "\"log_normal_cpu\" not implemented for '",
                              type_name(self.dtype()), "'");
  if (self.numel() == 0) return self;
  Tensor n = empty_tensor(self.sizes(), ScalarType::Double, self.device());
  native::normal_(n, mean, std, generator);
  return assign(self, ember::exp(n));
}

// ---------------------------------------------------------------------------------
// normal (functional overloads)
// ---------------------------------------------------------------------------------

namespace {

void check_normal_float_dtype(ScalarType dtype, const Tensor& t) {
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(dtype), "\"normal_kernel_", t.is_cuda() ? "cuda" : "cpu",
                              "\" not implemented for '", type_name(dtype), "'");
}

void check_std_tensor(const Tensor& std) {
  if (std.numel() == 0) return;
  EMBER_CHECK(!ember::any(ember::lt(std, double_scalar(0.0, std.device()))).item().to_bool(),
              "normal expects all elements of std >= 0.0");
}

// N(0, 1) samples of `dtype` shaped `sizes`.
Tensor standard_normal(IntArrayRef sizes, ScalarType dtype, Device device,
                       const std::optional<Generator>& generator) {
  Tensor z = empty_tensor(sizes, dtype, device);
  if (z.numel() > 0) native::normal_(z, 0.0, 1.0, generator);
  return z;
}

}  // namespace

Tensor normal_tensor_float(const Tensor& mean, double std, const std::optional<Generator>& generator) {
  EMBER_CHECK(std >= 0.0, "normal expects std >= 0.0, but found std ", std);
  check_normal_float_dtype(mean.dtype(), mean);
  Tensor out = empty_tensor(mean.sizes(), mean.dtype(), mean.device());
  if (out.numel() == 0) return out;
  native::normal_(out, 0.0, std, generator);
  return assign(out, ember::add(out, mean));
}

Tensor normal_float_tensor(double mean, const Tensor& std, const std::optional<Generator>& generator) {
  check_normal_float_dtype(std.dtype(), std);
  check_std_tensor(std);
  Tensor out = standard_normal(std.sizes(), std.dtype(), std.device(), generator);
  if (out.numel() == 0) return out;
  return assign(out, ember::add(ember::mul(out, std), double_scalar(mean, std.device())));
}

Tensor normal_tensor_tensor(const Tensor& mean, const Tensor& std, const std::optional<Generator>& generator) {
  check_normal_float_dtype(mean.dtype(), mean);
  check_normal_float_dtype(std.dtype(), std);
  EMBER_CHECK(mean.device() == std.device(), "normal: expected mean and std on the same device, got ",
              mean.device(), " and ", std.device());
  const DimVec shape = broadcast_shapes(mean.sizes(), std.sizes());
  check_std_tensor(std);
  const DimVector sizes(shape.begin(), shape.end());
  Tensor out = standard_normal(sizes, mean.dtype(), mean.device(), generator);
  if (out.numel() == 0) return out;
  return assign(out, ember::add(ember::mul(out, std), mean));
}

Tensor normal_float_float(double mean, double std, IntArrayRef size, const std::optional<Generator>& generator,
                          std::optional<ScalarType> dtype, std::optional<Layout> /*layout*/,
                          std::optional<Device> device, std::optional<bool> /*pin_memory*/) {
  const ScalarType dt = dtype.value_or(default_dtype());
  Tensor out = empty_tensor(size, dt, device.value_or(Device(DeviceType::CPU)));
  EMBER_CHECK(std >= 0.0, "normal expects std >= 0.0, but found std ", std);
  check_normal_float_dtype(dt, out);
  if (out.numel() == 0) return out;
  return native::normal_(out, mean, std, generator);
}

Tensor& normal_float_float_out(double mean, double std, IntArrayRef size,
                               const std::optional<Generator>& generator, Tensor& out) {
  EMBER_CHECK(std >= 0.0, "normal expects std >= 0.0, but found std ", std);
  check_normal_float_dtype(out.dtype(), out);
  if (!out.sizes().equals(size)) native::resize_(out, size, std::nullopt);
  if (out.numel() == 0) return out;
  return native::normal_(out, mean, std, generator);
}

// ---------------------------------------------------------------------------------
// randperm
// ---------------------------------------------------------------------------------

namespace {

// n - 1 must be representable in dtype (PyTorch's check_supported_max_int_with_precision
// for floats, the integer range otherwise).
void check_randperm_range(int64_t n, ScalarType dtype) {
  EMBER_CHECK_NOT_IMPLEMENTED(dtype != ScalarType::Bool, "\"randperm\" not implemented for 'Bool'");
  if (n <= 1) return;
  if (is_floating_type(dtype)) {
    int digits = 53;
    if (dtype == ScalarType::Half) digits = 11;
    if (dtype == ScalarType::BFloat16) digits = 8;
    if (dtype == ScalarType::Float) digits = 24;
    EMBER_CHECK(digits >= 63 || n <= (int64_t(1) << digits) + 1, "n cannot be greater than 2^",
                digits, "+1 for ", type_name(dtype), ".");
    return;
  }
  int64_t hi = std::numeric_limits<int64_t>::max();
  switch (dtype) {
    case ScalarType::Byte: hi = 255; break;
    case ScalarType::Char: hi = 127; break;
    case ScalarType::Short: hi = 32767; break;
    case ScalarType::Int: hi = std::numeric_limits<int32_t>::max(); break;
    default: break;
  }
  EMBER_CHECK(n - 1 <= hi, "value cannot be converted to type ", cpp_type_name(dtype), " without overflow");
}

Tensor randperm_impl(int64_t n, const std::optional<Generator>& generator, ScalarType dtype, Device device) {
  EMBER_CHECK(n >= 0, "Trying to create tensor with negative dimension ", n, ": [", n, "]");
  check_randperm_range(n, dtype);
  const int64_t shape[1] = {n};
  Tensor result = empty_tensor(IntArrayRef(shape, 1), dtype, device);
  if (n == 0) return result;
  // Keys from the generator of `device`; the sort runs on the CPU.
  Tensor keys = empty_tensor(IntArrayRef(shape, 1), ScalarType::Long, device);
  native::random_(keys, generator);
  if (!keys.is_cpu()) keys = keys.to(Device(DeviceType::CPU), ScalarType::Long);
  const Tensor perm = std::get<1>(ember::sort(keys, std::optional<bool>(true), 0, false));
  result.copy_(perm);
  return result;
}

}  // namespace

Tensor randperm(int64_t n, std::optional<ScalarType> dtype, std::optional<Layout> /*layout*/,
                std::optional<Device> device, std::optional<bool> /*pin_memory*/) {
  return randperm_impl(n, std::nullopt, dtype.value_or(ScalarType::Long), device.value_or(Device(DeviceType::CPU)));
}

Tensor randperm_generator(int64_t n, const std::optional<Generator>& generator, std::optional<ScalarType> dtype,
                          std::optional<Layout> /*layout*/, std::optional<Device> device,
                          std::optional<bool> /*pin_memory*/) {
  return randperm_impl(n, generator, dtype.value_or(ScalarType::Long), device.value_or(Device(DeviceType::CPU)));
}

Tensor& randperm_generator_out(int64_t n, const std::optional<Generator>& generator, Tensor& out) {
  const Tensor r = randperm_impl(n, generator, out.dtype(), out.device());
  if (!out.sizes().equals(r.sizes())) native::resize_(out, r.sizes(), std::nullopt);
  out.copy_(r);
  return out;
}

Tensor& randperm_out(int64_t n, Tensor& out) { return native::randperm_generator_out(n, std::nullopt, out); }

// ---------------------------------------------------------------------------------
// multinomial
// ---------------------------------------------------------------------------------

Tensor& multinomial_out(const Tensor& self, int64_t n_sample, bool replacement,
                        const std::optional<Generator>& generator, Tensor& result) {
  if (!result.defined()) result = empty_tensor({0}, ScalarType::Long, self.device());
  EMBER_CHECK(result.device() == self.device(), "multinomial arguments must have the same device");
  EMBER_CHECK(self.dim() > 0 && self.dim() <= 2, "prob_dist must be 1 or 2 dim");
  EMBER_CHECK(is_floating_type(self.dtype()), "multinomial only supports floating-point dtypes for input, got: ",
              type_name(self.dtype()));
  EMBER_CHECK(result.dtype() == ScalarType::Long, "multinomial expects Long tensor out, got: ",
              type_name(result.dtype()));
  EMBER_CHECK(n_sample > 0, "cannot sample n_sample <= 0 samples");
  const int64_t n_categories = self.size(-1);
  EMBER_CHECK(replacement || n_sample <= n_categories,
              "cannot sample n_sample > prob_dist.size(-1) samples without replacement");
  EMBER_CHECK(n_categories <= (int64_t(1) << 24), "number of categories cannot exceed 2^24");
  DimVector shape;
  if (self.dim() == 2) shape.push_back(self.size(0));
  shape.push_back(n_sample);
  if (!result.sizes().equals(shape)) native::resize_(result, shape, std::nullopt);
  if (self.numel() == 0) return result;

  // Valid distributions only: finite, non-negative, with a positive sum per row.
  const Tensor p = self.dim() == 1 ? self.reshape({1, n_categories}) : self;
  const Tensor pd = p.to(ScalarType::Double);
  const bool valid = ember::all(ember::logical_and(ember::isfinite(pd), ember::ge(pd, double_scalar(0, pd.device()))))
                         .item()
                         .to_bool();
  EMBER_CHECK(valid, "probability tensor contains either `inf`, `nan` or element < 0");
  const int64_t last_dim[1] = {1};
  const Tensor sums = ember::sum(pd, IntArrayRef(last_dim, 1), true);
  EMBER_CHECK(!ember::any(ember::le(sums, double_scalar(0, pd.device()))).item().to_bool(),
              "invalid multinomial distribution (sum of probabilities <= 0)");

  Tensor samples;
  if (!replacement || n_sample == 1) {
    // argmax / topk of p / q, q ~ Exp(1) (the Gumbel-max trick, exponentiated).
    Tensor q = empty_tensor(pd.sizes(), ScalarType::Double, pd.device());
    native::exponential_(q, 1.0, generator);
    const Tensor keys = ember::div(pd, q);
    samples = n_sample == 1 ? ember::argmax(keys, -1, true) : std::get<1>(ember::topk(keys, n_sample, -1));
  } else {
    // The category j with cdf[j - 1] <= u * total < cdf[j]: the number of cdf entries
    // at or below u * total (zero-probability categories have empty intervals).
    const Tensor cdf = ember::cumsum(pd, -1);
    const Tensor u = uniform_double({p.size(0), n_sample}, pd.device(), generator);
    const Tensor target = ember::mul(u, sums);  // (rows, n_sample)
    const Tensor below = ember::le(ember::unsqueeze(cdf, 1), ember::unsqueeze(target, 2));
    const int64_t category_dim[1] = {2};
    samples = ember::sum(below, IntArrayRef(category_dim, 1), false, ScalarType::Long);
    // u * total can round up to total: keep the index inside the last positive category.
    samples = ember::clamp_max(samples, Scalar(n_categories - 1));
  }
  result.copy_(self.dim() == 1 ? samples.reshape({n_sample}) : samples);
  return result;
}

Tensor multinomial(const Tensor& self, int64_t n_sample, bool replacement,
                   const std::optional<Generator>& generator) {
  Tensor result;
  return native::multinomial_out(self, n_sample, replacement, generator, result);
}

// ---------------------------------------------------------------------------------
// logspace
// ---------------------------------------------------------------------------------

namespace {

// `s` rounded to `dtype` and read back as a double (PyTorch converts start and end to
// the result's scalar type before computing).
double as_dtype(const Scalar& s, ScalarType dtype) {
  return scalar_tensor_of(s, dtype, Device(DeviceType::CPU)).to(ScalarType::Double).item().to_double();
}

}  // namespace

Tensor& logspace_out(const Scalar& start, const Scalar& end, int64_t steps, double base, Tensor& out) {
  EMBER_CHECK(steps >= 0, "number of steps must be non-negative");
  const int64_t shape[1] = {steps};
  if (!out.sizes().equals(IntArrayRef(shape, 1))) native::resize_(out, IntArrayRef(shape, 1), std::nullopt);
  EMBER_CHECK_NOT_IMPLEMENTED(out.dtype() != ScalarType::Bool, "\"logspace_cpu\" not implemented for 'Bool'");
  if (steps == 0) return out;
  // PyTorch's CPU loop: exponents from both ends towards the middle, pow in double,
  // rounded once to the result dtype.
  const double s = as_dtype(start, out.dtype());
  const double e = as_dtype(end, out.dtype());
  std::vector<double> v(steps);
  if (steps == 1) {
    v[0] = std::pow(base, s);
  } else {
    const double step = (e - s) / static_cast<double>(steps - 1);
    const int64_t halfway = steps / 2;
    for (int64_t i = 0; i < steps; ++i) {
      v[i] = i < halfway ? std::pow(base, s + step * static_cast<double>(i))
                         : std::pow(base, e - step * static_cast<double>(steps - i - 1));
    }
  }
  Tensor host = empty_tensor(IntArrayRef(shape, 1), ScalarType::Double, Device(DeviceType::CPU));
  std::copy(v.begin(), v.end(), static_cast<double*>(host.data_ptr()));
  out.copy_(host);
  return out;
}

Tensor logspace(const Scalar& start, const Scalar& end, int64_t steps, double base,
                std::optional<ScalarType> dtype, std::optional<Layout> /*layout*/, std::optional<Device> device,
                std::optional<bool> /*pin_memory*/) {
  EMBER_CHECK(steps >= 0, "number of steps must be non-negative");
  const int64_t shape[1] = {steps};
  Tensor out = empty_tensor(IntArrayRef(shape, 1), dtype.value_or(default_dtype()),
                            device.value_or(Device(DeviceType::CPU)));
  return native::logspace_out(start, end, steps, base, out);
}

}  // namespace ember::native
