#include <ember/core/DispatchKey.h>

#include <ember/core/Tensor.h>

namespace ember {
namespace dispatch {

void KeyAccumulator::add(const Tensor& t) {
  if (t.defined() && t.is_cuda()) cuda = true;
}
void KeyAccumulator::add(const std::optional<Tensor>& t) {
  if (t) add(*t);
}
void KeyAccumulator::add(ArrayRef<Tensor> ts) {
  for (const Tensor& t : ts) add(t);
}
void KeyAccumulator::add(const ArrayRef<std::optional<Tensor>>& ts) {
  for (const auto& t : ts) add(t);
}

void missing_kernel(const char* op_name, DispatchKey key) {
  throw NotImplementedError(str("Could not run '", op_name, "' with arguments from the '",
                                to_string(key), "' backend: ember has no ", to_string(key),
                                " kernel for this operator",
                                key == DispatchKey::CUDA ? " (or was built without CUDA)" : ""));
}

}  // namespace dispatch
}  // namespace ember
