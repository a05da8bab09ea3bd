// CPU loops of arange and linspace (contiguous outputs, see native/TensorFactories.h).
// Each element is a closed-form function of its index, so the loops split freely
// across threads and vectorise.
#include <algorithm>
#include <type_traits>

#include <ember/native/Parallel.h>
#include <ember/native/TensorFactories.h>

namespace ember::native {
namespace {

constexpr int64_t kGrain = 32768;

// PyTorch's CPU accumulation types: int64 for integers, double for float and double,
// float for the 16-bit floats.
template <typename T>
using arange_acc_t = std::conditional_t<std::is_integral_v<T>, int64_t,
                                        std::conditional_t<std::is_same_v<T, Half> ||
                                                               std::is_same_v<T, BFloat16>,
                                                           float, double>>;

void arange_kernel(const Tensor& out, const Scalar& start, const Scalar& step) {
  EMBER_DISPATCH_ALL_TYPES(out.dtype(), "arange_cpu", [&] {
    using acc_t = arange_acc_t<scalar_t>;
    const acc_t a = start.to<acc_t>();
    const acc_t d = step.to<acc_t>();
    scalar_t* EMBER_RESTRICT p = static_cast<scalar_t*>(out.data_ptr());
    parallel_for(0, out.numel(), kGrain, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) p[i] = static_cast<scalar_t>(a + d * static_cast<acc_t>(i));
    });
  });
}

void linspace_kernel(const Tensor& out, const Scalar& start, const Scalar& end, int64_t steps) {
  EMBER_DISPATCH_ALL_TYPES(out.dtype(), "linspace_cpu", [&] {
    // Integers step in double (the range may exceed the type, and a fractional step must
    // not truncate); the 16-bit floats step in float; float and double in themselves.
    using step_t = std::conditional_t<std::is_integral_v<scalar_t>, double,
                                      std::conditional_t<std::is_same_v<scalar_t, double>, double, float>>;
    const scalar_t lo_t = start.to<scalar_t>();
    const scalar_t hi_t = end.to<scalar_t>();
    const step_t lo = static_cast<step_t>(lo_t);
    const step_t hi = static_cast<step_t>(hi_t);
    const step_t step = (hi - lo) / static_cast<step_t>(steps - 1);
    const int64_t halfway = steps / 2;
    scalar_t* EMBER_RESTRICT p = static_cast<scalar_t*>(out.data_ptr());
    parallel_for(0, steps, kGrain, [&](int64_t begin, int64_t stop) {
      for (int64_t i = begin; i < stop; ++i) {
        p[i] = i < halfway ? static_cast<scalar_t>(lo + step * static_cast<step_t>(i))
                           : static_cast<scalar_t>(hi - step * static_cast<step_t>(steps - i - 1));
      }
    });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(arange_stub, CPU, &arange_kernel);
EMBER_REGISTER_DISPATCH(linspace_stub, CPU, &linspace_kernel);

}  // namespace ember::native
