// CPU loop of fill_ (stub declared in native/Fill.h).
#include <ember/native/Fill.h>
#include <ember/native/TensorIterator.h>
#include <ember/native/cpu/Loops.h>

namespace ember {
namespace native {
namespace {

void fill_kernel(TensorIterator& iter, const Scalar& value) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(iter.dtype(0), "fill_", [&] {
    const scalar_t v = value.to<scalar_t>();
    cpu_kernel(iter, [v]() -> scalar_t { return v; });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(fill_stub, CPU, &fill_kernel);

}  // namespace native
}  // namespace ember
