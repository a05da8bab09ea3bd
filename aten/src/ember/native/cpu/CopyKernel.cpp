// The CPU element loop of copy_: converts between any two dtypes.
//
// This is the one place that instantiates a loop per (source, destination) dtype pair
// (100 of them), so the loops are plain SSE2-vectorizable index loops without the
// AVX clones of Loops.h: conversions are memory-bound and compile time matters more.
#include <cstring>
#include <type_traits>

#include <ember/native/Copy.h>
#include <ember/native/TensorIterator.h>

namespace ember {
namespace native {
namespace {

template <typename D, typename S>
inline D convert(S v) {
  if constexpr (std::is_same_v<D, S>) {
    return v;
  } else if constexpr (std::is_same_v<D, bool>) {
    if constexpr (std::is_same_v<S, Half> || std::is_same_v<S, BFloat16>) {
      return static_cast<float>(v) != 0.0f;
    } else {
      return v != S(0);
    }
  } else if constexpr (std::is_same_v<S, Half> || std::is_same_v<S, BFloat16>) {
    return convert<D>(static_cast<float>(v));
  } else if constexpr (std::is_same_v<D, Half> || std::is_same_v<D, BFloat16>) {
    return D(static_cast<float>(v));
  } else {
    return static_cast<D>(v);
  }
}

template <typename D, typename S>
void convert_loop(char** data, const int64_t* strides, int64_t n) {
  char* out = data[0];
  const char* in = data[1];
  if (strides[0] == sizeof(D) && strides[1] == sizeof(S)) {
    D* EMBER_RESTRICT o = reinterpret_cast<D*>(out);
    const S* EMBER_RESTRICT s = reinterpret_cast<const S*>(in);
    for (int64_t i = 0; i < n; ++i) o[i] = convert<D>(s[i]);
    return;
  }
  if (strides[1] == 0) {  // broadcast source (fill-like)
    S v;
    std::memcpy(&v, in, sizeof(S));
    const D d = convert<D>(v);
    for (int64_t i = 0; i < n; ++i) std::memcpy(out + i * strides[0], &d, sizeof(D));
    return;
  }
  for (int64_t i = 0; i < n; ++i) {
    S v;
    std::memcpy(&v, in + i * strides[1], sizeof(S));
    const D d = convert<D>(v);
    std::memcpy(out + i * strides[0], &d, sizeof(D));
  }
}

void copy_kernel(TensorIterator& iter, bool /*non_blocking*/) {
  const ScalarType dst = iter.dtype(0);
  const ScalarType src = iter.dtype(1);
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(dst, "copy_", [&] {
    using dst_t = scalar_t;
    EMBER_DISPATCH_ALL_TYPES_AND_BOOL(src, "copy_", [&] {
      iter.for_each(convert_loop<dst_t, scalar_t>);
    });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(copy_stub, CPU, &copy_kernel);

}  // namespace native
}  // namespace ember
