// In-place random fills (uniform_, normal_, random_.from): PyTorch's argument checks,
// then one Philox reservation per call and a per-device loop (see Note [ember's random
// numbers] in core/Generator.h and Note [Philox element mapping] in native/Philox.h).
#include <ember/native/Distributions.h>

#include <cmath>
#include <limits>
#include <type_traits>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>

namespace ember::native {

EMBER_DEFINE_DISPATCH(uniform_stub);
EMBER_DEFINE_DISPATCH(normal_stub);
EMBER_DEFINE_DISPATCH(random_from_to_stub);

GeneratorImpl* generator_for(const std::optional<Generator>& generator, Device device) {
  if (generator && generator->defined()) {
    GeneratorImpl* g = generator->get();
    EMBER_CHECK(g->device().type == device.type, "Expected a '", to_string(device.type),
                "' device type for generator but found '", to_string(g->device().type), "'");
    return g;
  }
  // Default generators live for the whole process, so the raw pointer stays valid.
  return default_generator(device).get();
}

namespace {

// The tensor a loop writes: self when contiguous, else a contiguous scratch tensor that
// is copied back, so the element order (and hence the values) does not depend on
// self's strides.
template <typename Fill>
Tensor& fill_random(Tensor& self, Fill&& fill) {
  if (self.is_contiguous()) {
    fill(self);
    return self;
  }
  Tensor tmp = empty_tensor(self.sizes(), self.dtype(), self.device());
  fill(tmp);
  self.copy_(tmp);
  return self;
}


int float_digits(ScalarType t) {
  switch (t) {
    case ScalarType::Half: return philox::UniformTraits<Half>::digits;
    case ScalarType::BFloat16: return philox::UniformTraits<BFloat16>::digits;
    case ScalarType::Float: return philox::UniformTraits<float>::digits;
    default: return philox::UniformTraits<double>::digits;
  }
}

// Largest finite value of a floating dtype.
double float_max(ScalarType t) {
  return EMBER_DISPATCH_FLOATING_TYPES(t, "float_max", [&]() -> double {
    if constexpr (std::is_same_v<scalar_t, double>) {
      return std::numeric_limits<double>::max();
    } else {
      return static_cast<float>(std::numeric_limits<scalar_t>::max());
    }
  });
}

// Integers above 2^digits are not all representable in a floating dtype; these move the
// bounds of random_ inward to the nearest representable values, so that every drawn
// integer converts to a value in [from, to).
int64_t round_from_up(int64_t from, ScalarType t) {
  // Out-of-range bounds are left for check_from_to_in_range to report.
  if (std::fabs(static_cast<double>(from) + 1) > float_max(t)) return from;
  const int digits = float_digits(t);
  const double as_float = EMBER_DISPATCH_FLOATING_TYPES(t, "random_update_from", [&] {
    return static_cast<double>(static_cast<scalar_t>(static_cast<double>(from + 1)));
  });
  const int64_t from_plus_1 = static_cast<int64_t>(as_float);
  if (from_plus_1 < from) {
    uint64_t mag = static_cast<uint64_t>(std::llabs(from + 1));
    int n = 0;
    while (mag >>= 1) ++n;
    from = from_plus_1 + (int64_t(1) << (n - digits + 1));
  }
  return from;
}

int64_t round_to_down(int64_t to, ScalarType t) {
  if (std::fabs(static_cast<double>(to) - 1) > float_max(t)) return to;
  const int digits = float_digits(t);
  const double as_float = EMBER_DISPATCH_FLOATING_TYPES(t, "random_update_to", [&] {
    return static_cast<double>(static_cast<scalar_t>(static_cast<double>(to - 1)));
  });
  const int64_t to_minus_1 = static_cast<int64_t>(as_float);
  if (to_minus_1 >= to) {
    uint64_t mag = static_cast<uint64_t>(std::llabs(to - 1));
    int n = 0;
    while (mag >>= 1) ++n;
    to = to_minus_1 - (int64_t(1) << (n - digits + 1));
  }
  return to;
}

// [from, to_inc] must fit the dtype.
void check_from_to_in_range(int64_t from, int64_t to_inc, ScalarType t) {
  const char* name = cpp_type_name(t);
  if (is_floating_type(t)) {
    const double hi = float_max(t);
    EMBER_CHECK(from >= -hi && from <= hi, "from is out of bounds for ", name);
    EMBER_CHECK(to_inc >= -hi && to_inc <= hi, "to - 1 is out of bounds for ", name);
    return;
  }
  int64_t lo = 0, hi = 1;
  if (t != ScalarType::Bool) {
    EMBER_DISPATCH_INTEGRAL_TYPES(t, "random_from_to_range_calc", [&] {
      lo = static_cast<int64_t>(std::numeric_limits<scalar_t>::lowest());
      hi = static_cast<int64_t>(std::numeric_limits<scalar_t>::max());
    });
  }
  EMBER_CHECK(from >= lo && from <= hi, "from is out of bounds for ", name);
  EMBER_CHECK(to_inc >= lo && to_inc <= hi, "to - 1 is out of bounds for ", name);
}

}  // namespace

Tensor& uniform_(Tensor& self, double from, double to, const std::optional<Generator>& generator) {
  const ScalarType dtype = self.dtype();
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(dtype), "\"check_uniform_bounds\" not implemented for '",
                              type_name(dtype), "'");
  const int per_block = EMBER_DISPATCH_FLOATING_TYPES(dtype, "check_uniform_bounds", [&] {
    return philox::uniform_elements_per_block<scalar_t>();
  });
  const double hi = float_max(dtype);
  EMBER_CHECK(from >= -hi && from <= hi, "from is out of bounds for ", cpp_type_name(dtype));
  EMBER_CHECK(to >= -hi && to <= hi, "to is out of bounds for ", cpp_type_name(dtype));
  EMBER_CHECK(from <= to, "uniform_ expects to return a [from, to) range, but found from=", from,
              " > to=", to);
  EMBER_CHECK(to - from <= hi, "uniform_ expects to-from <= std::numeric_limits<",
              type_name(dtype), ">::max(), but found to=", to, " and from=", from,
              " which result in to-from to exceed the limit");
  if (self.numel() == 0) return self;
  GeneratorImpl* gen = generator_for(generator, self.device());
  return fill_random(self, [&](const Tensor& t) {
    const PhiloxState st = gen->reserve(philox_blocks(t.numel(), per_block));
    uniform_stub(t.device().type, t, st, from, to);
  });
}

Tensor& normal_(Tensor& self, double mean, double std, const std::optional<Generator>& generator) {
  EMBER_CHECK_NOT_IMPLEMENTED(is_floating_type(self.dtype()), "\"normal_kernel_",
                              self.is_cuda() ? "cuda" : "cpu", "\" not implemented for '",
                              type_name(self.dtype()), "'");
  const int per_block = EMBER_DISPATCH_FLOATING_TYPES(self.dtype(), "normal_kernel_cpu", [&] {
    return philox::normal_elements_per_block<scalar_t>();
  });
  EMBER_CHECK(std >= 0.0, "normal expects std >= 0.0, but found std ", std);
  if (self.numel() == 0) return self;
  GeneratorImpl* gen = generator_for(generator, self.device());
  return fill_random(self, [&](const Tensor& t) {
    const PhiloxState st = gen->reserve(philox_blocks(t.numel(), per_block));
    normal_stub(t.device().type, t, st, mean, std);
  });
}

Tensor& random_from_(Tensor& self, int64_t from, std::optional<int64_t> to,
                     const std::optional<Generator>& generator) {
  const ScalarType dtype = self.dtype();
  EMBER_CHECK(is_floating_type(dtype) || is_integral_type(dtype, /*include_bool=*/true),
              "random_from_to_impl handles only integral, floating-point and boolean types");
  philox::RandomRange rr{0, from};
  if (to) {
    int64_t hi = *to;
    EMBER_CHECK(from < hi, "random_ expects 'from' to be less than 'to', but got from=", from,
                " >= to=", hi);
    if (is_floating_type(dtype)) {
      from = round_from_up(from, dtype);
      hi = round_to_down(hi, dtype);
      EMBER_CHECK(from < hi, "random_ expects 'from' casted to dtype to be less than 'to' casted "
                             "to dtype, but got from=", from, " >= to=", hi);
    }
    check_from_to_in_range(from, hi - 1, dtype);
    rr = {static_cast<uint64_t>(hi) - static_cast<uint64_t>(from), from};
  } else if (from != std::numeric_limits<int64_t>::lowest()) {
    // [from, largest value of the dtype] (for floats: the largest integer below which
    // all integers are exact, 2^digits).
    int64_t to_inc = 0;
    if (is_floating_type(dtype)) {
      const int digits = float_digits(dtype);
      to_inc = digits >= 63 ? std::numeric_limits<int64_t>::max() : (int64_t(1) << digits);
      from = round_from_up(from, dtype);
      EMBER_CHECK(from < to_inc, "random_ expects 'from' casted to dtype to be less than or equal "
                                 "to 'to_inc' casted to dtype, but got from=", from,
                  " > to_inc=", to_inc);
    } else if (dtype == ScalarType::Bool) {
      to_inc = 1;
    } else {
      EMBER_DISPATCH_INTEGRAL_TYPES(dtype, "random_from_to_range_calc", [&] {
        to_inc = static_cast<int64_t>(std::numeric_limits<scalar_t>::max());
      });
    }
    check_from_to_in_range(from, to_inc, dtype);
    rr = {static_cast<uint64_t>(to_inc) - static_cast<uint64_t>(from) + 1, from};
  }
  // else: the full int64 range, rr.range == 0.
  if (self.numel() == 0) return self;
  GeneratorImpl* gen = generator_for(generator, self.device());
  return fill_random(self, [&](const Tensor& t) {
    const PhiloxState st = gen->reserve(philox_blocks(t.numel(), rr.elements_per_block()));
    random_from_to_stub(t.device().type, t, st, rr);
  });
}

Tensor& random_to_(Tensor& self, int64_t to, const std::optional<Generator>& generator) {
  return random_from_(self, 0, to, generator);
}

// random_() is random_(0, None): [0, the dtype's largest value] (2^digits for floats).
Tensor& random_(Tensor& self, const std::optional<Generator>& generator) {
  return random_from_(self, 0, std::nullopt, generator);
}

}  // namespace ember::native
