// Vector norms, composed from other operators (one definition for every device):
//   ord = inf / -inf: max / min of |x|;  0: the number of nonzeros;  1: sum |x|;
//   2: sqrt(sum x^2);  other ord: (sum |x|^ord)^(1/ord).
// The 16-bit floats compute in float and round once at the end, as PyTorch's
// reductions do.
#include <cmath>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>

namespace ember::native {

Tensor linalg_vector_norm(const Tensor& self, const Scalar& ord, OptionalIntArrayRef dim,
                          bool keepdim, std::optional<ScalarType> dtype) {
  EMBER_CHECK(is_floating_type(self.dtype()),
              "linalg.vector_norm: Expected a floating point or complex tensor as input. Got ",
              self.dtype());
  if (dtype) {
    EMBER_CHECK(is_floating_type(*dtype),
                "linalg.vector_norm: dtype should be floating point or complex. Got ", *dtype);
  }
  const ScalarType result_dtype = dtype ? *dtype : self.dtype();
  const double p = ord.to_double();
  const int64_t nd = self.dim();
  // An empty reduction has no identity for max/min (inf norms) and negative powers.
  if (self.numel() == 0 && (p < 0 || std::isinf(p))) {
    bool empty_reduced = !dim || dim->empty();
    if (!empty_reduced) {
      for (const int64_t d : *dim) empty_reduced |= self.size(maybe_wrap_dim(d, nd)) == 0;
    }
    EMBER_CHECK(!empty_reduced, "linalg.vector_norm cannot compute the ", ord,
                " norm on an empty tensor because the operation does not have an identity");
  }
  const ScalarType compute = is_reduced_floating_type(result_dtype) ? ScalarType::Float : result_dtype;
  const Tensor x = (self.dtype() == compute ? self : self.to(compute)).abs();
  const IntArrayRef dims = dim ? *dim : IntArrayRef();
  Tensor r;
  if (std::isinf(p)) {
    r = p > 0 ? ember::amax(x, dims, keepdim) : ember::amin(x, dims, keepdim);
  } else if (p == 0) {
    r = ember::sum(x.ne(wrapped_scalar_tensor(Scalar(0.0))), dim, keepdim, compute);
  } else if (p == 1) {
    r = ember::sum(x, dim, keepdim);
  } else if (p == 2) {
    r = ember::sum(ember::mul(x, x), dim, keepdim).sqrt();
  } else {
    r = ember::sum(ember::pow(x, ord), dim, keepdim).pow(Scalar(1.0 / p));
  }
  return r.dtype() == result_dtype ? r : r.to(result_dtype);
}

Tensor norm(const Tensor& self, const Scalar& p) {
  return ember::linalg_vector_norm(self, p, std::nullopt, false, std::nullopt);
}

Tensor norm(const Tensor& self, const std::optional<Scalar>& p, IntArrayRef dim, bool keepdim) {
  return ember::linalg_vector_norm(self, p.value_or(Scalar(2.0)), dim, keepdim, std::nullopt);
}

}  // namespace ember::native
