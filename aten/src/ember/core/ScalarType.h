#pragma once
// The element types of ember tensors, their properties, PyTorch's promotion lattice,
// and the EMBER_DISPATCH_* macros that turn a runtime ScalarType into a C++ type.
#include <cstdint>
#include <ostream>
#include <string>

#include <ember/core/Error.h>
#include <ember/core/Half.h>

namespace ember {

// Order matters: it is the index into the promotion table and matches the order of
// PyTorch's c10::ScalarType for the types ember supports.
#define EMBER_FORALL_SCALAR_TYPES(_) \
  _(uint8_t, Byte, uint8)            \
  _(int8_t, Char, int8)              \
  _(int16_t, Short, int16)           \
  _(int32_t, Int, int32)             \
  _(int64_t, Long, int64)            \
  _(::ember::Half, Half, float16)    \
  _(float, Float, float32)           \
  _(double, Double, float64)         \
  _(bool, Bool, bool)                \
  _(::ember::BFloat16, BFloat16, bfloat16)

enum class ScalarType : int8_t {
#define EMBER_DEFINE_ENUM(ctype, name, pyname) name,
  EMBER_FORALL_SCALAR_TYPES(EMBER_DEFINE_ENUM)
#undef EMBER_DEFINE_ENUM
  Undefined,
  NumOptions
};

constexpr int kNumScalarTypes = static_cast<int>(ScalarType::Undefined);

// Python-facing name ("float32", "int64", ...).
inline const char* to_string(ScalarType t) {
  switch (t) {
#define EMBER_CASE(ctype, name, pyname) \
  case ScalarType::name:                \
    return #pyname;
    EMBER_FORALL_SCALAR_TYPES(EMBER_CASE)
#undef EMBER_CASE
    default:
      return "undefined";
  }
}
// C++/legacy name ("Float", "Long", ...), used in PyTorch-style error messages.
inline const char* type_name(ScalarType t) {
  switch (t) {
#define EMBER_CASE(ctype, name, pyname) \
  case ScalarType::name:                \
    return #name;
    EMBER_FORALL_SCALAR_TYPES(EMBER_CASE)
#undef EMBER_CASE
    default:
      return "Undefined";
  }
}
inline std::ostream& operator<<(std::ostream& os, ScalarType t) { return os << type_name(t); }
// The C++ element type's name ("long int", "unsigned char", "ember::Half"), which is how
// PyTorch spells dtypes in some messages ("Expected out tensor to have dtype long int").
const char* cpp_type_name(ScalarType t);

inline size_t element_size(ScalarType t) {
  switch (t) {
#define EMBER_CASE(ctype, name, pyname) \
  case ScalarType::name:                \
    return sizeof(ctype);
    EMBER_FORALL_SCALAR_TYPES(EMBER_CASE)
#undef EMBER_CASE
    default:
      throw Error("element_size: undefined dtype");
  }
}

// C++ type -> ScalarType.
template <typename T>
struct CppTypeToScalarType;
#define EMBER_SPECIALIZE(ctype, name, pyname)                       \
  template <>                                                       \
  struct CppTypeToScalarType<ctype> {                               \
    static constexpr ScalarType value = ScalarType::name;           \
  };
EMBER_FORALL_SCALAR_TYPES(EMBER_SPECIALIZE)
#undef EMBER_SPECIALIZE

// ScalarType -> C++ type.
template <ScalarType T>
struct ScalarTypeToCppType;
#define EMBER_SPECIALIZE(ctype, name, pyname)        \
  template <>                                        \
  struct ScalarTypeToCppType<ScalarType::name> {     \
    using type = ctype;                              \
  };
EMBER_FORALL_SCALAR_TYPES(EMBER_SPECIALIZE)
#undef EMBER_SPECIALIZE

inline bool is_floating_type(ScalarType t) {
  return t == ScalarType::Half || t == ScalarType::Float || t == ScalarType::Double ||
         t == ScalarType::BFloat16;
}
inline bool is_integral_type(ScalarType t, bool include_bool) {
  return t == ScalarType::Byte || t == ScalarType::Char || t == ScalarType::Short ||
         t == ScalarType::Int || t == ScalarType::Long || (include_bool && t == ScalarType::Bool);
}
inline bool is_signed_type(ScalarType t) {
  return t != ScalarType::Byte && t != ScalarType::Bool;
}
inline bool is_reduced_floating_type(ScalarType t) {
  return t == ScalarType::Half || t == ScalarType::BFloat16;
}

// PyTorch's promotion lattice (c10::promoteTypes) restricted to ember's types.
ScalarType promote_types(ScalarType a, ScalarType b);

// Whether a value of type `from` may be written into an output of type `to` under
// PyTorch's same-kind rule (c10::canCast): no float -> integral, no integral -> bool.
inline bool can_cast(ScalarType from, ScalarType to) {
  if (is_floating_type(from) && is_integral_type(to, /*include_bool=*/true)) return false;
  if (from != ScalarType::Bool && to == ScalarType::Bool) return false;
  return true;
}

// The default float dtype (float32 unless ember.set_default_dtype changes it).
ScalarType default_dtype();
void set_default_dtype(ScalarType t);

}  // namespace ember

// ---------------------------------------------------------------------------
// Dispatch macros: run a lambda with `scalar_t` bound to the C++ type of a dtype.
//
//   EMBER_DISPATCH_ALL_TYPES(dtype, "add", [&] { kernel<scalar_t>(...); });
//
// The operator name goes into the error for dtypes the kernel does not support,
// so unsupported inputs raise NotImplementedError: "add" not implemented for 'Bool'
// (PyTorch's exception and wording), never undefined behaviour.
// ---------------------------------------------------------------------------
#define EMBER_PRIVATE_CASE(enum_name, ...)                                         \
  case ::ember::ScalarType::enum_name: {                                           \
    using scalar_t [[maybe_unused]] =                                              \
        typename ::ember::ScalarTypeToCppType<::ember::ScalarType::enum_name>::type; \
    return __VA_ARGS__();                                                          \
  }

#define EMBER_PRIVATE_DISPATCH(TYPE, NAME, CASES)                                        \
  [&] {                                                                                  \
    const ::ember::ScalarType _st = (TYPE);                                              \
    switch (_st) {                                                                       \
      CASES                                                                              \
      default:                                                                           \
        throw ::ember::NotImplementedError(::ember::str('"', NAME, "\" not implemented for '", \
                                          ::ember::type_name(_st), "'"));                \
    }                                                                                    \
  }()

#define EMBER_INTEGRAL_CASES(...)              \
  EMBER_PRIVATE_CASE(Byte, __VA_ARGS__)        \
  EMBER_PRIVATE_CASE(Char, __VA_ARGS__)        \
  EMBER_PRIVATE_CASE(Short, __VA_ARGS__)       \
  EMBER_PRIVATE_CASE(Int, __VA_ARGS__)         \
  EMBER_PRIVATE_CASE(Long, __VA_ARGS__)
#define EMBER_FLOATING_CASES(...)              \
  EMBER_PRIVATE_CASE(Float, __VA_ARGS__)       \
  EMBER_PRIVATE_CASE(Double, __VA_ARGS__)
#define EMBER_REDUCED_FLOATING_CASES(...)      \
  EMBER_PRIVATE_CASE(Half, __VA_ARGS__)        \
  EMBER_PRIVATE_CASE(BFloat16, __VA_ARGS__)

// float32/64 + float16/bfloat16
#define EMBER_DISPATCH_FLOATING_TYPES(TYPE, NAME, ...) \
  EMBER_PRIVATE_DISPATCH(TYPE, NAME,                   \
                         EMBER_FLOATING_CASES(__VA_ARGS__) EMBER_REDUCED_FLOATING_CASES(__VA_ARGS__))
// integers + floats, no bool
#define EMBER_DISPATCH_ALL_TYPES(TYPE, NAME, ...)                                    \
  EMBER_PRIVATE_DISPATCH(TYPE, NAME,                                                 \
                         EMBER_INTEGRAL_CASES(__VA_ARGS__) EMBER_FLOATING_CASES(__VA_ARGS__) \
                             EMBER_REDUCED_FLOATING_CASES(__VA_ARGS__))
// every dtype, bool included
#define EMBER_DISPATCH_ALL_TYPES_AND_BOOL(TYPE, NAME, ...)                           \
  EMBER_PRIVATE_DISPATCH(TYPE, NAME,                                                 \
                         EMBER_INTEGRAL_CASES(__VA_ARGS__) EMBER_FLOATING_CASES(__VA_ARGS__) \
                             EMBER_REDUCED_FLOATING_CASES(__VA_ARGS__)                \
                                 EMBER_PRIVATE_CASE(Bool, __VA_ARGS__))
#define EMBER_DISPATCH_INTEGRAL_TYPES(TYPE, NAME, ...) \
  EMBER_PRIVATE_DISPATCH(TYPE, NAME, EMBER_INTEGRAL_CASES(__VA_ARGS__))
