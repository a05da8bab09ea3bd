#pragma once
// PyTorch's type promotion (torch.result_type): operands are ranked by category —
// tensors with dim > 0, then 0-dim tensors, then Python numbers (wrapped numbers) —
// and a lower-ranked operand only changes the result when it belongs to a higher
// kind (bool < integral < floating). `int32_tensor + 2.5` is float32 (the default
// dtype), `int32_tensor + int64_0dim` is int32, `uint8_tensor + 300` is uint8.
#include <ember/core/Scalar.h>
#include <ember/core/ScalarType.h>

namespace ember {

class Tensor;
template <typename T>
class ArrayRef;

struct ResultTypeState {
  ScalarType dim_result = ScalarType::Undefined;
  ScalarType zero_result = ScalarType::Undefined;
  ScalarType wrapped_result = ScalarType::Undefined;
};

EMBER_API ResultTypeState update_result_type_state(const Tensor& t, const ResultTypeState& s);
EMBER_API ResultTypeState update_result_type_state(const Scalar& s, const ResultTypeState& st);
EMBER_API ScalarType result_type(const ResultTypeState& s);
EMBER_API ScalarType result_type(ArrayRef<Tensor> tensors);
EMBER_API ScalarType result_type(const Tensor& a, const Tensor& b);
EMBER_API ScalarType result_type(const Tensor& a, const Scalar& b);

}  // namespace ember
