// dtypes: promote_types, result_type (dim tensors, 0-dim tensors, wrapped numbers),
// can_cast, the default dtype, and the 16-bit float types (Half and BFloat16
// checked on every one of their 65536 bit patterns).
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include <ember/core/Half.h>
#include <ember/core/ScalarType.h>
#include <ember/core/TypePromotion.h>
#include <ember/generated/Functions.h>

#include "check.h"

using ember::ScalarType;
using ember::Tensor;

namespace {

constexpr ScalarType u8 = ScalarType::Byte, i8 = ScalarType::Char, i16 = ScalarType::Short,
                     i32 = ScalarType::Int, i64 = ScalarType::Long, f16 = ScalarType::Half,
                     f32 = ScalarType::Float, f64 = ScalarType::Double, b1 = ScalarType::Bool,
                     bf16 = ScalarType::BFloat16;
const ScalarType kAll[] = {u8, i8, i16, i32, i64, f16, f32, f64, b1, bf16};

Tensor dim_tensor(ScalarType t) { return ember::zeros({2}, t); }
Tensor zero_dim(ScalarType t) { return ember::scalar_tensor(1, t); }
Tensor wrapped(const ember::Scalar& s) { return ember::wrapped_scalar_tensor(s); }

uint32_t bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}
float from_bits(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

// The value of an IEEE binary16 bit pattern, computed independently of Half.h.
double half_reference(uint16_t h) {
  const int sign = (h >> 15) ? -1 : 1;
  const int exp = (h >> 10) & 0x1f;
  const int mant = h & 0x3ff;
  if (exp == 0x1f) return mant ? std::nan("") : sign * INFINITY;
  if (exp == 0) return sign * std::ldexp(mant, -24);
  return sign * std::ldexp(1024 + mant, exp - 25);
}

}  // namespace

TEST_CASE(promote_types_table) {
  CHECK_EQ(ember::promote_types(u8, i8), i16);
  CHECK_EQ(ember::promote_types(b1, i8), i8);
  CHECK_EQ(ember::promote_types(b1, u8), u8);
  CHECK_EQ(ember::promote_types(i32, i64), i64);
  CHECK_EQ(ember::promote_types(i64, f16), f16);
  CHECK_EQ(ember::promote_types(i64, bf16), bf16);
  CHECK_EQ(ember::promote_types(f16, bf16), f32);
  CHECK_EQ(ember::promote_types(i32, f64), f64);
  CHECK_EQ(ember::promote_types(f16, f32), f32);
  CHECK_EQ(ember::promote_types(i64, ScalarType::Undefined), ScalarType::Undefined);
  for (ScalarType a : kAll) {
    CHECK_EQ(ember::promote_types(a, a), a);
    for (ScalarType b : kAll) {
      const ScalarType p = ember::promote_types(a, b);
      CHECK_EQ(p, ember::promote_types(b, a));  // symmetric
      // the result holds both operands without changing kind
      CHECK(ember::can_cast(a, p) && ember::can_cast(b, p));
      CHECK_EQ(ember::promote_types(p, a), p);
    }
  }
}

TEST_CASE(result_type_categories) {
  // dim tensors > 0-dim tensors > wrapped numbers, unless the lower one is of a
  // higher kind (bool < integral < floating).
  CHECK_EQ(ember::result_type(dim_tensor(f32), zero_dim(f64)), f32);
  CHECK_EQ(ember::result_type(dim_tensor(i32), zero_dim(i64)), i32);
  CHECK_EQ(ember::result_type(dim_tensor(i32), zero_dim(f64)), f64);
  CHECK_EQ(ember::result_type(dim_tensor(u8), zero_dim(i8)), u8);
  CHECK_EQ(ember::result_type(dim_tensor(b1), zero_dim(u8)), u8);
  CHECK_EQ(ember::result_type(zero_dim(i32), zero_dim(i64)), i64);
  CHECK_EQ(ember::result_type(dim_tensor(i16), dim_tensor(i32)), i32);
  std::vector<Tensor> three{dim_tensor(i8), zero_dim(f16), dim_tensor(u8)};
  CHECK_EQ(ember::result_type(three), f16);
}

TEST_CASE(result_type_wrapped_numbers) {
  Tensor w_int = wrapped(5), w_float = wrapped(2.5), w_bool = wrapped(true);
  CHECK(w_float.impl()->is_wrapped_number());
  CHECK_EQ(w_float.dtype(), f64);
  CHECK_EQ(w_int.dtype(), i64);
  CHECK(!zero_dim(f64).impl()->is_wrapped_number());

  CHECK_EQ(ember::result_type(dim_tensor(i32), w_int), i32);
  CHECK_EQ(ember::result_type(dim_tensor(u8), w_int), u8);
  CHECK_EQ(ember::result_type(dim_tensor(i32), w_float), f32);  // the default dtype
  CHECK_EQ(ember::result_type(dim_tensor(f16), w_float), f16);
  CHECK_EQ(ember::result_type(dim_tensor(bf16), w_float), bf16);
  CHECK_EQ(ember::result_type(dim_tensor(b1), w_int), i64);
  CHECK_EQ(ember::result_type(dim_tensor(b1), w_bool), b1);
  CHECK_EQ(ember::result_type(zero_dim(i64), w_float), f32);
  CHECK_EQ(ember::result_type(zero_dim(f16), w_float), f16);
  // The Scalar overload treats the number as wrapped.
  CHECK_EQ(ember::result_type(dim_tensor(i64), ember::Scalar(2.5)), f32);
  CHECK_EQ(ember::result_type(dim_tensor(i8), ember::Scalar(1000)), i8);

  // Through an operator: the result dtype follows the same rules.
  CHECK_EQ(ember::add(dim_tensor(i32), w_float).dtype(), f32);
  CHECK_EQ(ember::add(dim_tensor(u8), w_int).dtype(), u8);
  CHECK_EQ(ember::mul(dim_tensor(f16), dim_tensor(f32)).dtype(), f32);
  CHECK_EQ(ember::add(dim_tensor(i32), zero_dim(f64)).dtype(), f64);
}

TEST_CASE(default_dtype) {
  CHECK_EQ(ember::default_dtype(), f32);
  ember::set_default_dtype(f64);
  CHECK_EQ(ember::result_type(dim_tensor(i64), wrapped(2.5)), f64);
  CHECK_EQ(ember::arange(0.0, 1.0, 0.5).dtype(), f64);
  ember::set_default_dtype(f32);
  CHECK_EQ(ember::arange(0.0, 1.0, 0.5).dtype(), f32);
  CHECK_THROWS(ember::TypeError, ember::set_default_dtype(i64),
               "only floating-point types are supported as the default type");
  CHECK_EQ(ember::default_dtype(), f32);
}

TEST_CASE(can_cast_rules) {
  CHECK(!ember::can_cast(f32, i64));  // floating -> integral
  CHECK(!ember::can_cast(f16, u8));
  CHECK(!ember::can_cast(f32, b1));   // anything but bool -> bool
  CHECK(!ember::can_cast(i64, b1));
  CHECK(ember::can_cast(b1, b1));
  CHECK(ember::can_cast(b1, i64));
  CHECK(ember::can_cast(i64, f32));
  CHECK(ember::can_cast(f64, f16));  // same kind, narrower: allowed
  CHECK(ember::can_cast(i64, u8));
  CHECK(ember::can_cast(bf16, f64));
}

TEST_CASE(scalar_type_names_and_sizes) {
  CHECK_EQ(std::string(ember::to_string(bf16)), std::string("bfloat16"));
  CHECK_EQ(std::string(ember::type_name(f16)), std::string("Half"));
  CHECK_EQ(ember::element_size(f16), 2u);
  CHECK_EQ(ember::element_size(bf16), 2u);
  CHECK_EQ(ember::element_size(b1), 1u);
  CHECK_EQ(ember::element_size(i64), 8u);
  CHECK(ember::is_reduced_floating_type(bf16));
  CHECK(!ember::is_signed_type(u8));
  CHECK_THROWS(ember::Error, ember::element_size(ScalarType::Undefined), "undefined dtype");
}

TEST_CASE(half_all_bit_patterns) {
  int wrong_value = 0, wrong_round_trip = 0, nan_lost = 0, wrong_rounding = 0;
  for (uint32_t h = 0; h < 0x10000; ++h) {
    const ember::Half x(static_cast<uint16_t>(h), ember::Half::from_bits_t{});
    const float f = x;
    const double ref = half_reference(static_cast<uint16_t>(h));
    if (std::isnan(ref)) {
      // NaN converts to a NaN and back to a NaN of the same sign.
      const uint16_t back = ember::Half(f).x;
      if (!std::isnan(f) || (back & 0x7c00) != 0x7c00 || (back & 0x3ff) == 0 ||
          (back & 0x8000) != (h & 0x8000)) {
        ++nan_lost;
      }
      continue;
    }
    // Exact conversion to float, signed zeros included.
    if (static_cast<double>(f) != ref || std::signbit(f) != std::signbit(ref)) ++wrong_value;
    if (ember::Half(f).x != h) ++wrong_round_trip;

    // Round to nearest, ties to even: the midpoint to the next larger magnitude
    // (exact in float) goes to whichever neighbour has an even significand.
    const uint16_t mag = h & 0x7fff;
    if (mag >= 0x7c00) continue;  // infinity has no next
    const uint16_t sign = h & 0x8000;
    const double next = mag == 0x7bff ? 65536.0 : half_reference(static_cast<uint16_t>(mag + 1));
    const double lo = std::fabs(ref);
    const float mid = static_cast<float>((lo + next) / 2);
    const uint16_t even = (mag & 1) ? mag + 1 : mag;  // 0x7bff's next is infinity, 0x7c00
    const float s = sign ? -1.0f : 1.0f;
    if (ember::Half(s * mid).x != (sign | even)) ++wrong_rounding;
    if (ember::Half(s * std::nextafter(mid, 0.0f)).x != (sign | mag)) ++wrong_rounding;
    if (ember::Half(s * std::nextafter(mid, INFINITY)).x != (sign | (mag + 1))) ++wrong_rounding;
  }
  CHECK_EQ(wrong_value, 0);
  CHECK_EQ(wrong_round_trip, 0);
  CHECK_EQ(nan_lost, 0);
  CHECK_EQ(wrong_rounding, 0);

  // Specials.
  CHECK_EQ(ember::Half(65520.0f).x, 0x7c00);  // the first value that rounds to inf
  CHECK_EQ(ember::Half(1e6f).x, 0x7c00);
  CHECK_EQ(ember::Half(-INFINITY).x, 0xfc00);
  CHECK_EQ(ember::Half(std::ldexp(1.0f, -25)).x, 0x0000);  // tie between 0 and the
  CHECK_EQ(ember::Half(std::ldexp(1.5f, -25)).x, 0x0001);  // smallest subnormal
  CHECK(std::isnan(static_cast<float>(ember::Half(from_bits(0x7f800001u)))));  // payload in low bits
  CHECK_EQ(static_cast<float>(std::numeric_limits<ember::Half>::max()), 65504.0f);
  CHECK_EQ(static_cast<float>(std::numeric_limits<ember::Half>::epsilon()), std::ldexp(1.0f, -10));

#if defined(__FLT16_MAX__)
  // float -> half against the compiler's own _Float16 conversion, on a sweep of
  // float bit patterns (every 251st: all exponents, varied low bits).
  int mismatches = 0;
  for (uint64_t u = 0; u <= 0xffffffffu; u += 251) {
    const float f = from_bits(static_cast<uint32_t>(u));
    if (std::isnan(f)) continue;
    const _Float16 ref = static_cast<_Float16>(f);
    uint16_t ref_bits;
    std::memcpy(&ref_bits, &ref, sizeof ref_bits);
    if (ember::Half(f).x != ref_bits) ++mismatches;
  }
  CHECK_EQ(mismatches, 0);
#endif
}

TEST_CASE(bfloat16_all_bit_patterns) {
  int wrong_value = 0, wrong_round_trip = 0, nan_lost = 0, wrong_rounding = 0;
  for (uint32_t h = 0; h < 0x10000; ++h) {
    const ember::BFloat16 x(static_cast<uint16_t>(h), ember::BFloat16::from_bits_t{});
    const float f = x;
    const float ref = from_bits(h << 16);  // bfloat16 is the top half of a float
    if (std::isnan(ref)) {
      const uint16_t back = ember::BFloat16(f).x;
      if (!std::isnan(f) || (back & 0x7f80) != 0x7f80 || (back & 0x7f) == 0 ||
          (back & 0x8000) != (h & 0x8000)) {
        ++nan_lost;
      }
      continue;
    }
    if (bits(f) != bits(ref)) ++wrong_value;
    if (ember::BFloat16(f).x != h) ++wrong_round_trip;

    const uint16_t mag = h & 0x7fff;
    if (mag >= 0x7f80) continue;
    const uint16_t sign = h & 0x8000;
    const double lo = std::fabs(static_cast<double>(ref));
    const double next = mag == 0x7f7f ? std::ldexp(1.0, 128)
                                      : static_cast<double>(from_bits(uint32_t(mag + 1) << 16));
    const float mid = static_cast<float>((lo + next) / 2);
    const uint16_t even = (mag & 1) ? mag + 1 : mag;
    const float s = sign ? -1.0f : 1.0f;
    if (ember::BFloat16(s * mid).x != (sign | even)) ++wrong_rounding;
    if (ember::BFloat16(s * std::nextafter(mid, 0.0f)).x != (sign | mag)) ++wrong_rounding;
    if (mag != 0x7f7f &&  // above the last midpoint lies only float's own infinity
        ember::BFloat16(s * std::nextafter(mid, INFINITY)).x != (sign | (mag + 1))) {
      ++wrong_rounding;
    }
  }
  CHECK_EQ(wrong_value, 0);
  CHECK_EQ(wrong_round_trip, 0);
  CHECK_EQ(nan_lost, 0);
  CHECK_EQ(wrong_rounding, 0);
  CHECK(std::isnan(static_cast<float>(ember::BFloat16(from_bits(0x7f800001u)))));
  CHECK_EQ(ember::BFloat16(from_bits(0x7f7fffffu)).x, 0x7f80);  // FLT_MAX rounds to inf
}

TEST_CASE(reduced_float_tensors_round_trip) {
  // Every half value survives float16 -> float32 -> float16 through the tensor API.
  Tensor codes = ember::arange(0, 0x10000, 1, ScalarType::Int);
  Tensor halves = ember::empty({0x10000}, f16);
  auto* hp = halves.data_ptr<ember::Half>();
  const int32_t* cp = codes.data_ptr<int32_t>();
  for (int i = 0; i < 0x10000; ++i) hp[i] = ember::Half(static_cast<uint16_t>(cp[i]), ember::Half::from_bits_t{});
  Tensor back = halves.to(f32).to(f16);
  const auto* bp = back.data_ptr<ember::Half>();
  int mismatches = 0;
  for (int i = 0; i < 0x10000; ++i) {
    const bool nan = std::isnan(static_cast<float>(hp[i]));
    if (nan ? !std::isnan(static_cast<float>(bp[i])) : bp[i].x != hp[i].x) ++mismatches;
  }
  CHECK_EQ(mismatches, 0);
  Tensor b = ember::full({3}, 1.00390625, bf16);  // 1 + 2^-8: a tie, rounds to 1
  CHECK_EQ(b.data_ptr<ember::BFloat16>()[0].x, 0x3f80);
}

int main() { return ember_test::run_all(); }
