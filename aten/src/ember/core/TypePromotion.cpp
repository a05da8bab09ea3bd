#include <ember/core/TypePromotion.h>

#include <ember/core/Tensor.h>

namespace ember {
namespace {

ScalarType promote_skip_undefined(ScalarType a, ScalarType b) {
  if (a == ScalarType::Undefined) return b;
  if (b == ScalarType::Undefined) return a;
  return promote_types(a, b);
}

// `lower` (a lower-priority category) only matters when it is of a higher kind.
ScalarType combine_categories(ScalarType higher, ScalarType lower) {
  if (is_floating_type(higher)) return higher;
  if (higher == ScalarType::Bool || is_floating_type(lower)) {
    return promote_skip_undefined(higher, lower);
  }
  if (higher != ScalarType::Undefined) return higher;
  return lower;
}

ResultTypeState update(ScalarType current, bool wrapped, bool zero_dim, ResultTypeState s) {
  if (wrapped) {
    // A Python float takes the default dtype, not float64.
    if (is_floating_type(current)) current = default_dtype();
    s.wrapped_result = promote_skip_undefined(s.wrapped_result, current);
  } else if (zero_dim) {
    s.zero_result = promote_skip_undefined(s.zero_result, current);
  } else {
    s.dim_result = promote_skip_undefined(s.dim_result, current);
  }
  return s;
}

}  // namespace

ResultTypeState update_result_type_state(const Tensor& t, const ResultTypeState& s) {
  if (!t.defined()) return s;
  return update(t.dtype(), t.impl()->is_wrapped_number(), t.dim() == 0, s);
}

ResultTypeState update_result_type_state(const Scalar& sc, const ResultTypeState& s) {
  return update(sc.type(), /*wrapped=*/true, true, s);
}

ScalarType result_type(const ResultTypeState& s) {
  return combine_categories(s.dim_result, combine_categories(s.zero_result, s.wrapped_result));
}

ScalarType result_type(ArrayRef<Tensor> tensors) {
  ResultTypeState s;
  for (const Tensor& t : tensors) s = update_result_type_state(t, s);
  return result_type(s);
}

ScalarType result_type(const Tensor& a, const Tensor& b) {
  return result_type(update_result_type_state(b, update_result_type_state(a, {})));
}

ScalarType result_type(const Tensor& a, const Scalar& b) {
  return result_type(update_result_type_state(b, update_result_type_state(a, {})));
}

}  // namespace ember
