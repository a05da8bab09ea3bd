// Matrix products: mm, bmm, addmm (device-generic, through baddbmm_stub) and matmul
// (composite: NumPy's matmul rules on top of mm/bmm). Argument checks and messages
// follow PyTorch.
#include <ember/native/LinearAlgebra.h>

#include <functional>
#include <limits>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/Reduce.h>
#include <ember/native/TensorIterator.h>
#include <ember/native/TensorShape.h>

namespace ember::native {

EMBER_DEFINE_DISPATCH(baddbmm_stub);

namespace {

// PyTorch spells dtypes as C++ types in these messages ("float != long int").
const char* cpp_name(ScalarType t) {
  switch (t) {
    case ScalarType::Byte: return "unsigned char";
    case ScalarType::Char: return "signed char";
    case ScalarType::Short: return "short int";
    case ScalarType::Int: return "int";
    case ScalarType::Long: return "long int";
    case ScalarType::Float: return "float";
    case ScalarType::Double: return "double";
    case ScalarType::Bool: return "bool";
    default: return type_name(t);
  }
}

void check_same_device(const Tensor& a, const Tensor& b) {
  EMBER_CHECK(a.device() == b.device(),
              "Expected all tensors to be on the same device, but found at least two devices, ",
              a.device(), " and ", b.device(), "!");
}

void check_gemm_dtype(ScalarType t, const char* op) {
  EMBER_CHECK_NOT_IMPLEMENTED(t != ScalarType::Bool, '"', op, "\" not implemented for '", t,
                              "'");
}

// "(2x3 and 4x5)"
std::string shape_x(const Tensor& t) { return str(t.size(0), "x", t.size(1)); }

void check_mm_args(const Tensor& mat1, const Tensor& mat2, const char* name1) {
  EMBER_CHECK(mat1.dim() == 2, name1, " must be a matrix, got ", mat1.dim(), "-D tensor");
  EMBER_CHECK(mat2.dim() == 2, "mat2 must be a matrix, got ", mat2.dim(), "-D tensor");
  EMBER_CHECK(mat1.size(1) == mat2.size(0), "mat1 and mat2 shapes cannot be multiplied (",
              shape_x(mat1), " and ", shape_x(mat2), ")");
  EMBER_CHECK(mat1.dtype() == mat2.dtype(), "expected m1 and m2 to have the same dtype, but got: ",
              cpp_name(mat1.dtype()), " != ", cpp_name(mat2.dtype()));
  check_same_device(mat1, mat2);
}

bool overlaps(const Tensor& out, const Tensor& t) {
  return out.numel() > 0 && t.numel() > 0 && out.storage() == t.storage();
}

// A 2-D tensor viewed as a batch of one matrix.
Tensor as_batch(const Tensor& t) {
  return strided_view(t, {1, t.size(0), t.size(1)}, {0, t.stride(0), t.stride(1)});
}

// Allocates or checks/resizes `out` for a result of `shape` and `dtype`, and returns
// the tensor the product is written to: `out` itself, or a temporary when `out`
// overlaps an operand (the stub's c must not alias a or b).
Tensor prepare_out(Tensor& out, IntArrayRef shape, ScalarType dtype, const Tensor& a,
                   const Tensor& b, const char* op) {
  if (!out.defined()) {
    out = empty_tensor(shape, dtype, a.device());
    return out;
  }
  check_out_dtype(out, dtype);
  resize_reduction_output(out, shape, a, op);
  if (overlaps(out, a) || overlaps(out, b)) return empty_tensor(shape, dtype, a.device());
  return out;
}

void finish_out(Tensor& out, const Tensor& target) {
  if (!target.is_same(out)) out.copy_(target, false);
}

}  // namespace

Tensor& mm_out(const Tensor& self, const Tensor& mat2, Tensor& out) {
  EMBER_CHECK(self.dim() == 2, "self must be a matrix");
  EMBER_CHECK(mat2.dim() == 2, "mat2 must be a matrix");
  check_mm_args(self, mat2, "self");
  check_gemm_dtype(self.dtype(), "mm");
  const int64_t shape[2] = {self.size(0), mat2.size(1)};
  Tensor target = prepare_out(out, IntArrayRef(shape, 2), self.dtype(), self, mat2, "mm");
  if (target.numel() > 0) {
    baddbmm_stub(self.device().type, as_batch(target), as_batch(self), as_batch(mat2), Scalar(0),
                 Scalar(1));
  }
  finish_out(out, target);
  return out;
}

Tensor& bmm_out(const Tensor& self, const Tensor& mat2, Tensor& out) {
  EMBER_CHECK(self.dim() == 3, "batch1 must be a 3D tensor");
  EMBER_CHECK(mat2.dim() == 3, "batch2 must be a 3D tensor");
  const int64_t bs = self.size(0), m = self.size(1), k = self.size(2), n = mat2.size(2);
  EMBER_CHECK(mat2.size(0) == bs && mat2.size(1) == k,
              "Expected size for first two dimensions of batch2 tensor to be: [", bs, ", ", k,
              "] but got: [", mat2.size(0), ", ", mat2.size(1), "].");
  EMBER_CHECK(self.dtype() == mat2.dtype(), "expected scalar type ", self.dtype(),
              " but found ", mat2.dtype());
  check_same_device(self, mat2);
  check_gemm_dtype(self.dtype(), "bmm");
  const int64_t shape[3] = {bs, m, n};
  Tensor target = prepare_out(out, IntArrayRef(shape, 3), self.dtype(), self, mat2, "bmm");
  if (target.numel() > 0) {
    baddbmm_stub(self.device().type, target, self, mat2, Scalar(0), Scalar(1));
  }
  finish_out(out, target);
  return out;
}

Tensor& addmm_out(const Tensor& self, const Tensor& mat1, const Tensor& mat2, const Scalar& beta,
                  const Scalar& alpha, Tensor& out) {
  check_mm_args(mat1, mat2, "mat1");
  EMBER_CHECK(self.dtype() == mat2.dtype(), "self and mat2 must have the same dtype, but got ",
              self.dtype(), " and ", mat2.dtype());
  check_same_device(self, mat1);
  check_gemm_dtype(self.dtype(), "addmm");
  const int64_t m = mat1.size(0), n = mat2.size(1);
  const int64_t shape[2] = {m, n};
  // `self` broadcasts to (m, n), with expand()'s message when it cannot.
  EMBER_CHECK(self.dim() <= 2, "expand: the number of sizes provided (2) must be greater or ",
              "equal to the number of dimensions in the tensor (", self.dim(), ")");
  for (int64_t i = 0; i < self.dim(); ++i) {
    const int64_t d = 2 - self.dim() + i;
    EMBER_CHECK(self.size(i) == 1 || self.size(i) == shape[d], "The expanded size of the tensor (",
                shape[d], ") must match the existing size (", self.size(i),
                ") at non-singleton dimension ", d, ".  Target sizes: [", m, ", ", n,
                "].  Tensor sizes: ", self.sizes());
  }
  const bool inplace = out.defined() && out.is_same(self);
  if (inplace) {
    EMBER_CHECK(self.dim() == 2 && self.size(0) == m && self.size(1) == n,
                "Bad in-place call: input tensor size ", self.sizes(), " and output tensor size [",
                m, ", ", n, "] should match");
  }
  Tensor target = prepare_out(out, IntArrayRef(shape, 2), self.dtype(), mat1, mat2, "addmm");
  if (target.numel() == 0) return out;
  // beta == 0 ignores self entirely (NaNs in it do not propagate), as in BLAS.
  const bool use_self = beta.to_double() != 0.0;
  if (use_self && !target.is_same(self)) target.copy_(self, false);
  baddbmm_stub(self.device().type, as_batch(target), as_batch(mat1), as_batch(mat2),
               use_self ? beta : Scalar(0), alpha);
  finish_out(out, target);
  return out;
}

// ---- matmul -------------------------------------------------------------------------

Tensor matmul(const Tensor& self, const Tensor& other) {
  const int64_t da = self.dim(), db = other.dim();
  EMBER_CHECK(da > 0 && db > 0, "both arguments to matmul need to be at least 1D, but they are ",
              da, "D and ", db, "D");
  if (da == 1 && db == 1) {
    EMBER_CHECK(self.size(0) == other.size(0),
                "inconsistent tensor size, expected tensor [", self.size(0), "] and src [",
                other.size(0), "] to have the same number of elements, but got ", self.size(0),
                " and ", other.size(0), " elements respectively");
    const Tensor r = ember::mm(ember::unsqueeze(self, 0), ember::unsqueeze(other, 1));
    return ember::reshape(r, {});
  }
  if (da == 2 && db == 1) {
    EMBER_CHECK(self.size(1) == other.size(0), "size mismatch, got input (", self.size(0),
                "), mat (", shape_x(self), "), vec (", other.size(0), ")");
    return ember::squeeze(ember::mm(self, ember::unsqueeze(other, 1)), 1);
  }
  if (da == 1 && db == 2) {
    return ember::squeeze(ember::mm(ember::unsqueeze(self, 0), other), 0);
  }
  if (da == 2 && db == 2) return ember::mm(self, other);
  if (da >= 3 && db <= 2) {
    // Fold self's batch dims into its rows: one mm instead of a batch of them.
    const int64_t k = self.size(-1);
    DimVector out_shape(self.sizes().begin(), self.sizes().end() - 1);
    const Tensor a2 = ember::reshape(self, {-1, k});
    const Tensor b2 = db == 1 ? ember::unsqueeze(other, 1) : other;
    const Tensor r = ember::mm(a2, b2);
    if (db == 2) out_shape.push_back(other.size(1));
    return ember::reshape(r, out_shape);
  }
  // Batched: broadcast the batch dims, run one bmm over their product.
  const Tensor a = da == 1 ? ember::unsqueeze(self, 0) : self;
  const Tensor b = db == 1 ? ember::unsqueeze(other, 1) : other;
  const int64_t m = a.size(-2), k = a.size(-1), k2 = b.size(-2), n = b.size(-1);
  EMBER_CHECK(k == k2, "mat1 and mat2 shapes cannot be multiplied (", m, "x", k, " and ", k2, "x",
              n, ")");
  const IntArrayRef ba = a.sizes().slice(0, a.dim() - 2), bb = b.sizes().slice(0, b.dim() - 2);
  const size_t nb = std::max(ba.size(), bb.size());
  DimVector batch(nb);
  int64_t batch_numel = 1;
  for (size_t i = 0; i < nb; ++i) {
    const int64_t ia = static_cast<int64_t>(i) - static_cast<int64_t>(nb - ba.size());
    const int64_t ib = static_cast<int64_t>(i) - static_cast<int64_t>(nb - bb.size());
    const int64_t sa = ia >= 0 ? ba[ia] : 1, sb = ib >= 0 ? bb[ib] : 1;
    EMBER_CHECK(sa == sb || sa == 1 || sb == 1, "The size of tensor a (", sa,
                ") must match the size of tensor b (", sb, ") at non-singleton dimension ", i);
    batch[i] = sa == 1 ? sb : sa;
    batch_numel *= batch[i];
  }
  DimVector ea(batch), eb(batch);
  ea.push_back(m);
  ea.push_back(k);
  eb.push_back(k);
  eb.push_back(n);
  const Tensor a3 = ember::reshape(a.expand(ea, false), {batch_numel, m, k});
  const Tensor b3 = ember::reshape(b.expand(eb, false), {batch_numel, k, n});
  DimVector out_shape(batch);
  if (da > 1) out_shape.push_back(m);
  if (db > 1) out_shape.push_back(n);
  return ember::reshape(ember::bmm(a3, b3), out_shape);
}

Tensor& matmul_out(const Tensor& self, const Tensor& other, Tensor& out) {
  const Tensor r = ember::native::matmul(self, other);
  check_out_dtype(out, r.dtype());
  resize_reduction_output(out, r.sizes(), self, "matmul");
  out.copy_(r, false);
  return out;
}


// ---- products with an added term: baddbmm, addbmm, addmv, addr ------------------
//
// Each is `beta * self + alpha * (product)`, self broadcast to the product's shape.
// The matrix forms run one baddbmm_stub call into a fresh result that starts as the
// broadcast self (skipped when beta == 0, so that NaNs in self do not propagate, as
// in BLAS); in-place and out= forms copy that result back.

namespace {

// expand()'s message when self cannot broadcast to `shape`.
void check_expandable(const Tensor& self, IntArrayRef shape) {
  const int64_t nd = static_cast<int64_t>(shape.size());
  EMBER_CHECK(self.dim() <= nd, "expand(", type_name(self.dtype()), "{", shape_str(self.sizes()),
              "}, size=", shape_str(shape), "): the number of sizes provided (", nd,
              ") must be greater or equal to the number of dimensions in the tensor (", self.dim(), ")");
  for (int64_t i = 0; i < self.dim(); ++i) {
    const int64_t d = nd - self.dim() + i;
    EMBER_CHECK(self.size(i) == 1 || self.size(i) == shape[d], "The expanded size of the tensor (",
                shape[d], ") must match the existing size (", self.size(i),
                ") at non-singleton dimension ", d, ".  Target sizes: ", shape_str(shape),
                ".  Tensor sizes: ", shape_str(self.sizes()));
  }
}

// beta * self + alpha * (a @ b) for batches a (B, m, k), b (B, k, n), self broadcast to
// `shape` (whose element count is B * m * n).
Tensor gemm_with_self(const Tensor& self, const Tensor& a, const Tensor& b, const Scalar& beta,
                      const Scalar& alpha, IntArrayRef shape) {
  Tensor result = empty_tensor(shape, self.dtype(), self.device());
  if (result.numel() == 0) return result;
  const int64_t batch = a.size(0), m = a.size(1), n = b.size(2);
  const Tensor c = result.view({batch, m, n});
  const bool use_self = beta.to_double() != 0.0;
  if (use_self) result.copy_(self.expand(shape), false);
  baddbmm_stub(self.device().type, c, a, b, use_self ? beta : Scalar(0), alpha);
  return result;
}

// In-place: self must already have the result's shape.
Tensor& write_inplace(Tensor& self, const Tensor& result, IntArrayRef shape) {
  EMBER_CHECK(self.sizes() == shape, "Bad in-place call: input tensor size ", shape_str(self.sizes()),
              " and output tensor size ", shape_str(shape), " should match");
  self.copy_(result, false);
  return self;
}

Tensor& write_out(Tensor& out, const Tensor& result, const Tensor& self, const char* op) {
  check_out_dtype(out, result.dtype());
  resize_reduction_output(out, result.sizes(), self, op);
  out.copy_(result, false);
  return out;
}

// PyTorch rejects a floating beta/alpha for integral (and bool) operands.
void check_integral_scalars(ScalarType t, const Scalar& beta, const Scalar& alpha) {
  if (is_floating_type(t)) return;
  EMBER_CHECK(!beta.is_floating_point(),
              "For integral input tensors, argument beta must not be a floating point number.");
  EMBER_CHECK(!alpha.is_floating_point(),
              "For integral input tensors, argument alpha must not be a floating point number.");
}

DimVector baddbmm_shape(const Tensor& self, const Tensor& batch1, const Tensor& batch2) {
  // PyTorch reads size(2) of both operands before checking their rank: a 2-D
  // operand is an IndexError.
  (void)maybe_wrap_dim(2, batch1.dim());
  (void)maybe_wrap_dim(2, batch2.dim());
  EMBER_CHECK(batch1.dim() == 3, "batch1 must be a 3D tensor");
  EMBER_CHECK(batch2.dim() == 3, "batch2 must be a 3D tensor");
  const int64_t bs = batch1.size(0), k = batch1.size(2);
  EMBER_CHECK(batch2.size(0) == bs && batch2.size(1) == k,
              "Expected size for first two dimensions of batch2 tensor to be: [", bs, ", ", k,
              "] but got: [", batch2.size(0), ", ", batch2.size(1), "].");
  EMBER_CHECK(self.dtype() == batch1.dtype() && self.dtype() == batch2.dtype(),
              "Input dtypes must be the same, got: input ", cpp_name(self.dtype()), ", batch1: ",
              cpp_name(batch1.dtype()), ", batch2: ", cpp_name(batch2.dtype()));
  check_same_device(self, batch1);
  check_same_device(self, batch2);
  check_gemm_dtype(self.dtype(), "baddbmm");
  DimVector shape = {bs, batch1.size(1), batch2.size(2)};
  check_expandable(self, shape);
  return shape;
}

DimVector addbmm_shape(const Tensor& self, const Tensor& batch1, const Tensor& batch2) {
  EMBER_CHECK(batch1.dim() == 3, "batch1 must be a 3D tensor");
  EMBER_CHECK(batch2.dim() == 3, "batch2 must be a 3D tensor");
  EMBER_CHECK(batch1.size(0) == batch2.size(0),
              "batch1 and batch2 must have same number of batches, got ", batch1.size(0), " and ",
              batch2.size(0));
  EMBER_CHECK(batch1.size(2) == batch2.size(1), "Incompatible matrix sizes for bmm (",
              batch1.size(1), "x", batch1.size(2), " and ", batch2.size(1), "x", batch2.size(2), ")");
  EMBER_CHECK(batch1.dtype() == batch2.dtype(), "expected m1 and m2 to have the same dtype, but got: ",
              cpp_name(batch1.dtype()), " != ", cpp_name(batch2.dtype()));
  EMBER_CHECK(self.dtype() == batch2.dtype(), "self and mat2 must have the same dtype, but got ",
              self.dtype(), " and ", batch2.dtype());
  check_same_device(self, batch1);
  check_same_device(self, batch2);
  check_gemm_dtype(self.dtype(), "addbmm");
  DimVector shape = {batch1.size(1), batch2.size(2)};
  check_expandable(self, shape);
  return shape;
}

DimVector addmv_shape(const Tensor& self, const Tensor& mat, const Tensor& vec) {
  EMBER_CHECK(mat.dim() == 2 && vec.dim() == 1 && self.dim() <= 1,
              "vector + matrix @ vector expected, got ", self.dim(), ", ", mat.dim(), ", ", vec.dim());
  EMBER_CHECK(mat.size(1) == vec.size(0) && (mat.size(0) == self.numel() || self.numel() == 1),
              "size mismatch, got input (", self.dim() == 0 ? 1 : self.size(0), "), mat (",
              shape_x(mat), "), vec (", vec.size(0), ")");
  EMBER_CHECK(self.dtype() == mat.dtype() && self.dtype() == vec.dtype(),
              "addmv input tensors must have the same dtype, but got ", self.dtype(), ", ",
              mat.dtype(), ", and ", vec.dtype());
  check_same_device(self, mat);
  check_same_device(self, vec);
  check_gemm_dtype(self.dtype(), "addmv");
  return {mat.size(0)};
}

Tensor addbmm_impl(const Tensor& self, const Tensor& batch1, const Tensor& batch2,
                   const Scalar& beta, const Scalar& alpha, IntArrayRef shape) {
  // The sum over the batch is one matrix product over (batch, k) pairs:
  // (m, B*k) @ (B*k, n).
  const int64_t bs = batch1.size(0), m = batch1.size(1), k = batch1.size(2), n = batch2.size(2);
  const Tensor a = ember::reshape(ember::permute(batch1, {1, 0, 2}), {1, m, bs * k});
  const Tensor b = ember::reshape(batch2, {1, bs * k, n});
  return gemm_with_self(self, a, b, beta, alpha, shape);
}

Tensor addmv_impl(const Tensor& self, const Tensor& mat, const Tensor& vec, const Scalar& beta,
                  const Scalar& alpha, IntArrayRef shape) {
  return gemm_with_self(self, as_batch(mat), strided_view(vec, {1, vec.size(0), 1}, {0, vec.stride(0), 1}),
                        beta, alpha, shape);
}

}  // namespace

Tensor baddbmm(const Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
               const Scalar& alpha) {
  const DimVector shape = baddbmm_shape(self, batch1, batch2);
  return gemm_with_self(self, batch1, batch2, beta, alpha, shape);
}

Tensor& baddbmm_(Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
                 const Scalar& alpha) {
  const DimVector shape = baddbmm_shape(self, batch1, batch2);
  return write_inplace(self, gemm_with_self(self, batch1, batch2, beta, alpha, shape), shape);
}

Tensor& baddbmm_out(const Tensor& self, const Tensor& batch1, const Tensor& batch2,
                    const Scalar& beta, const Scalar& alpha, Tensor& out) {
  const DimVector shape = baddbmm_shape(self, batch1, batch2);
  return write_out(out, gemm_with_self(self, batch1, batch2, beta, alpha, shape), self, "baddbmm");
}

Tensor addbmm(const Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
              const Scalar& alpha) {
  const DimVector shape = addbmm_shape(self, batch1, batch2);
  return addbmm_impl(self, batch1, batch2, beta, alpha, shape);
}

Tensor& addbmm_(Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
                const Scalar& alpha) {
  const DimVector shape = addbmm_shape(self, batch1, batch2);
  // Unlike baddbmm_/addmv_, PyTorch's addbmm_ is its out= form with out = self: a
  // self that only broadcasts to the result is resized to it.
  return write_out(self, addbmm_impl(self, batch1, batch2, beta, alpha, shape), self, "addbmm_");
}

Tensor& addbmm_out(const Tensor& self, const Tensor& batch1, const Tensor& batch2,
                   const Scalar& beta, const Scalar& alpha, Tensor& out) {
  const DimVector shape = addbmm_shape(self, batch1, batch2);
  return write_out(out, addbmm_impl(self, batch1, batch2, beta, alpha, shape), self, "addbmm");
}

Tensor addmv(const Tensor& self, const Tensor& mat, const Tensor& vec, const Scalar& beta,
             const Scalar& alpha) {
  const DimVector shape = addmv_shape(self, mat, vec);
  return addmv_impl(self, mat, vec, beta, alpha, shape);
}

Tensor& addmv_(Tensor& self, const Tensor& mat, const Tensor& vec, const Scalar& beta,
               const Scalar& alpha) {
  const DimVector shape = addmv_shape(self, mat, vec);
  return write_inplace(self, addmv_impl(self, mat, vec, beta, alpha, shape), shape);
}

Tensor& addmv_out(const Tensor& self, const Tensor& mat, const Tensor& vec, const Scalar& beta,
                  const Scalar& alpha, Tensor& out) {
  const DimVector shape = addmv_shape(self, mat, vec);
  return write_out(out, addmv_impl(self, mat, vec, beta, alpha, shape), self, "addmv");
}

namespace {

Tensor addr_impl(const Tensor& self, const Tensor& vec1, const Tensor& vec2, const Scalar& beta,
                 const Scalar& alpha) {
  EMBER_CHECK(vec1.dim() == 1, "addr: Expected 1-D argument vec1, but got ", vec1.dim(), "-D");
  EMBER_CHECK(vec2.dim() == 1, "addr: Expected 1-D argument vec2, but got ", vec2.dim(), "-D");
  const ScalarType dtype = promote_types(promote_types(self.dtype(), vec1.dtype()), vec2.dtype());
  check_integral_scalars(dtype, beta, alpha);
  const DimVector shape = {vec1.size(0), vec2.size(0)};
  check_expandable(self, shape);
  const Tensor col = ember::unsqueeze(vec1, 1);
  const Tensor self_e = self.expand(shape);
  if (dtype == ScalarType::Bool) {
    // (beta && self) || (alpha && vec1 && vec2)
    Tensor prod = alpha.to_bool() ? ember::logical_and(col, vec2)
                                  : ember::zeros(shape, ScalarType::Bool, std::nullopt, self.device());
    if (beta.to_bool()) prod = ember::logical_or(prod, self_e);
    return prod.expand(shape).contiguous();
  }
  Tensor result = ember::mul(ember::mul(col, wrapped_scalar_tensor(alpha)), vec2);
  // beta == 0 ignores self (its NaNs do not propagate).
  if (beta.to_double() != 0.0) result = ember::add(ember::mul(self_e, wrapped_scalar_tensor(beta)), result);
  return result.to(dtype);
}

}  // namespace

Tensor addr(const Tensor& self, const Tensor& vec1, const Tensor& vec2, const Scalar& beta,
            const Scalar& alpha) {
  return addr_impl(self, vec1, vec2, beta, alpha);
}

Tensor& addr_(Tensor& self, const Tensor& vec1, const Tensor& vec2, const Scalar& beta,
              const Scalar& alpha) {
  const Tensor result = addr_impl(self, vec1, vec2, beta, alpha);
  EMBER_CHECK(can_cast(result.dtype(), self.dtype()), "result type ", result.dtype(),
              " can't be cast to the desired output type ", self.dtype());
  return write_inplace(self, result, result.sizes());
}

Tensor& addr_out(const Tensor& self, const Tensor& vec1, const Tensor& vec2, const Scalar& beta,
                 const Scalar& alpha, Tensor& out) {
  const Tensor result = addr_impl(self, vec1, vec2, beta, alpha);
  EMBER_CHECK(can_cast(result.dtype(), out.dtype()), "result type ", result.dtype(),
              " can't be cast to the desired output type ", out.dtype());
  resize_reduction_output(out, result.sizes(), self, "addr");
  out.copy_(result, false);
  return out;
}

// ---- trace, kron, tensordot, cross ------------------------------------------------

Tensor trace(const Tensor& self) {
  EMBER_CHECK(self.dim() == 2, "trace: expected a matrix, but got tensor with dim ", self.dim());
  EMBER_CHECK_NOT_IMPLEMENTED(self.dtype() != ScalarType::Bool, "\"trace\" not implemented for 'Bool'");
  return ember::sum(ember::diagonal(self, 0, 0, 1));
}

Tensor kron(const Tensor& self, const Tensor& other) {
  // Interleave the (right-aligned) dims: self as (s0, 1, s1, 1, ...), other as
  // (1, o0, 1, o1, ...); their broadcast product has (s0, o0, s1, o1, ...) and merging
  // each pair gives the Kronecker product.
  const int64_t nd = std::max(self.dim(), other.dim());
  const int64_t pad_self = nd - self.dim(), pad_other = nd - other.dim();
  DimVector a_shape(2 * nd, 1), b_shape(2 * nd, 1), result_shape(nd);
  for (int64_t i = 0; i < nd; ++i) {
    a_shape[2 * i] = i >= pad_self ? self.size(i - pad_self) : 1;
    b_shape[2 * i + 1] = i >= pad_other ? other.size(i - pad_other) : 1;
    result_shape[i] = a_shape[2 * i] * b_shape[2 * i + 1];
  }
  return ember::reshape(ember::mul(ember::reshape(self, a_shape), ember::reshape(other, b_shape)),
                        result_shape);
}

Tensor& kron_out(const Tensor& self, const Tensor& other, Tensor& out) {
  return write_out(out, native::kron(self, other), self, "kron");
}

Tensor tensordot(const Tensor& self, const Tensor& other, IntArrayRef dims_self,
                 IntArrayRef dims_other) {
  EMBER_CHECK(dims_self.size() == dims_other.size(), "both dimension lists should have same length");
  EMBER_CHECK(self.dtype() == other.dtype(), "both inputs should have same dtype");
  Tensor a = self, b = other;
  int64_t contracted = 1;
  std::vector<bool> ca(std::max<int64_t>(self.dim(), 1), false), cb(std::max<int64_t>(other.dim(), 1), false);
  DimVector pa, pb;
  for (size_t i = 0; i < dims_self.size(); ++i) {
    const int64_t da = maybe_wrap_dim(dims_self[i], self.dim());
    const int64_t db = maybe_wrap_dim(dims_other[i], other.dim());
    EMBER_CHECK(!ca[da], "dim ", da, " appears multiple times in the list of dims");
    EMBER_CHECK(!cb[db], "dim ", db, " appears multiple times in the list of dims");
    ca[da] = cb[db] = true;
    const int64_t sa = self.size(da), sb = other.size(db);
    // A size-1 side broadcasts: sum the other side's dim right away.
    if (sb == 1) {
      a = ember::sum(a, IntArrayRef(&da, 1), true, a.dtype());
    } else if (sa == 1) {
      b = ember::sum(b, IntArrayRef(&db, 1), true, b.dtype());
    } else {
      EMBER_CHECK(sa == sb, "contracted dimensions need to match, but first has size ", sa, " in dim ",
                  dims_self[i], " and second has size ", sb, " in dim ", dims_other[i]);
      contracted *= sa;
    }
  }
  // self -> (kept..., contracted...), other -> (contracted..., kept...), one mm.
  DimVector result_shape;
  int64_t rows = 1, cols = 1;
  for (int64_t d = 0; d < self.dim(); ++d) {
    if (ca[d]) continue;
    pa.push_back(d);
    rows *= a.size(d);
    result_shape.push_back(a.size(d));
  }
  for (const int64_t d : dims_self) pa.push_back(maybe_wrap_dim(d, self.dim()));
  for (const int64_t d : dims_other) pb.push_back(maybe_wrap_dim(d, other.dim()));
  for (int64_t d = 0; d < other.dim(); ++d) {
    if (cb[d]) continue;
    pb.push_back(d);
    cols *= b.size(d);
    result_shape.push_back(b.size(d));
  }
  const Tensor a2 = ember::reshape(ember::permute(a, pa), {rows, contracted});
  const Tensor b2 = ember::reshape(ember::permute(b, pb), {contracted, cols});
  return ember::reshape(ember::mm(a2, b2), result_shape);
}

Tensor& tensordot_out(const Tensor& self, const Tensor& other, IntArrayRef dims_self,
                      IntArrayRef dims_other, Tensor& out) {
  return write_out(out, native::tensordot(self, other, dims_self, dims_other), self, "tensordot");
}

Tensor linalg_cross(const Tensor& self, const Tensor& other, int64_t dim) {
  EMBER_CHECK(self.dim() == other.dim(), "linalg.cross: inputs must have the same number of dimensions.");
  dim = maybe_wrap_dim(dim, self.dim());
  EMBER_CHECK(self.size(dim) == 3 && other.size(dim) == 3, "linalg.cross: inputs dimension ", dim,
              " must have length 3. Got ", self.size(dim), " and ", other.size(dim));
  EMBER_CHECK(self.dtype() == other.dtype(), "expected scalar type ", self.dtype(), " but found ",
              other.dtype());
  check_same_device(self, other);
  EMBER_CHECK_NOT_IMPLEMENTED(self.dtype() != ScalarType::Bool, "\"cross\" not implemented for 'Bool'");
  const DimVec shape = broadcast_shapes(self.sizes(), other.sizes());
  // (a x b)_i = a_{i+1} b_{i+2} - a_{i+2} b_{i+1}, indices mod 3: two rotations of each
  // input along dim.
  const auto rotate = [dim](const Tensor& t, int64_t s) {
    return ember::cat({ember::narrow(t, dim, s, 3 - s), ember::narrow(t, dim, 0, s)}, dim);
  };
  const Tensor r = ember::sub(ember::mul(rotate(self, 1), rotate(other, 2)),
                              ember::mul(rotate(self, 2), rotate(other, 1)));
  return r.expand(DimVector(shape.begin(), shape.end())).contiguous();
}

Tensor& linalg_cross_out(const Tensor& self, const Tensor& other, int64_t dim, Tensor& out) {
  return write_out(out, native::linalg_cross(self, other, dim), self, "linalg_cross");
}

namespace {
int64_t default_cross_dim(const Tensor& self, const Tensor& other, std::optional<int64_t> dim) {
  EMBER_CHECK(self.dtype() == other.dtype(), "expected scalar type ", self.dtype(), " but found ",
              other.dtype());
  if (dim) return *dim;
  for (int64_t d = 0; d < self.dim(); ++d)
    if (self.size(d) == 3) return d;
  EMBER_CHECK(false, "no dimension of size 3 in input");
  return 0;
}
}  // namespace

Tensor cross(const Tensor& self, const Tensor& other, std::optional<int64_t> dim) {
  return native::linalg_cross(self, other, default_cross_dim(self, other, dim));
}

Tensor& cross_out(const Tensor& self, const Tensor& other, std::optional<int64_t> dim, Tensor& out) {
  return write_out(out, native::cross(self, other, dim), self, "cross");
}

// ---- distances --------------------------------------------------------------------

Tensor dist(const Tensor& self, const Tensor& other, const Scalar& p) {
  return ember::norm(ember::sub(self, other), p);
}

Tensor cdist(const Tensor& x1, const Tensor& x2, double p, std::optional<int64_t> compute_mode) {
  EMBER_CHECK(x1.dim() >= 2, "cdist only supports at least 2D tensors, X1 got: ", x1.dim(), "D");
  EMBER_CHECK(x2.dim() >= 2, "cdist only supports at least 2D tensors, X2 got: ", x2.dim(), "D");
  EMBER_CHECK(x1.size(-1) == x2.size(-1), "X1 and X2 must have the same number of columns. X1: ",
              x1.size(-1), " X2: ", x2.size(-1));
  const int64_t mode = compute_mode.value_or(0);
  EMBER_CHECK(mode >= 0 && mode <= 2, "possible modes: None, 1, 2, but was: ", mode);
  for (const Tensor* x : {&x1, &x2}) {
    EMBER_CHECK_NOT_IMPLEMENTED(x->dtype() != ScalarType::Half && x->dtype() != ScalarType::BFloat16,
                                "\"cdist\" not implemented for '", x->dtype(), "'");
  }
  EMBER_CHECK(x1.dtype() == ScalarType::Float || x1.dtype() == ScalarType::Double,
              "cdist only supports floating-point dtypes, X1 got: ", x1.dtype());
  EMBER_CHECK(x2.dtype() == ScalarType::Float || x2.dtype() == ScalarType::Double,
              "cdist only supports floating-point dtypes, X2 got: ", x2.dtype());
  EMBER_CHECK(p >= 0, "cdist only supports non-negative p values");
  EMBER_CHECK(x1.dtype() == x2.dtype(), "expected scalar type ", x1.dtype(), " but found ", x2.dtype());
  check_same_device(x1, x2);
  const int64_t r1 = x1.size(-2), r2 = x2.size(-2), c = x1.size(-1);
  // Batch dims broadcast.
  const DimVec batch = broadcast_shapes(x1.sizes().slice(0, x1.dim() - 2), x2.sizes().slice(0, x2.dim() - 2));
  DimVector s1(batch.begin(), batch.end()), s2(batch.begin(), batch.end()), out(batch.begin(), batch.end());
  s1.insert(s1.end(), {r1, c});
  s2.insert(s2.end(), {r2, c});
  out.insert(out.end(), {r1, r2});
  const Tensor a = x1.expand(s1), b = x2.expand(s2);
  if (r1 == 0 || r2 == 0) return ember::empty(out, x1.dtype(), std::nullopt, x1.device());
  if (c == 0) return ember::zeros(out, x1.dtype(), std::nullopt, x1.device());
  // PyTorch's choice of the matrix-product form for p = 2 (mode 0: more than 25 rows
  // on a side; 1: always; 2: never): |x|^2 + |y|^2 - 2 x.y as one matmul of padded
  // operands, clamped at 0 before the square root.
  if (p == 2.0 && (mode == 1 || (mode == 0 && (r1 > 25 || r2 > 25)))) {
    const Tensor n1 = ember::sum(ember::mul(a, a), IntArrayRef({-1}), true);
    const Tensor n2 = ember::sum(ember::mul(b, b), IntArrayRef({-1}), true);
    const Tensor a_ = ember::cat({ember::mul(a, wrapped_scalar_tensor(Scalar(-2.0))), n1, ember::ones_like(n1)}, -1);
    const Tensor b_ = ember::cat({b, ember::ones_like(n2), n2}, -1);
    const Tensor d2 = ember::matmul(a_, ember::transpose(b_, -1, -2));
    return ember::sqrt(ember::clamp(d2, Scalar(0), std::nullopt));
  }
  const Tensor diff = ember::sub(ember::unsqueeze(a, -2), ember::unsqueeze(b, -3));
  const int64_t last = -1;
  return ember::linalg_vector_norm(diff, Scalar(p), IntArrayRef(&last, 1), false);
}

// ---- chains of products -----------------------------------------------------------

namespace {

// The cheapest parenthesization of a chain of matrices (textbook O(n^3) dynamic
// program on the chain's dims) evaluated by recursion.
Tensor multiply_chain(TensorList mats) {
  const int64_t n = static_cast<int64_t>(mats.size());
  if (n == 1) return mats[0];
  if (n == 2) return ember::mm(mats[0], mats[1]);
  std::vector<int64_t> p(n + 1);
  for (int64_t i = 0; i < n; ++i) p[i] = mats[i].size(0);
  p[n] = mats[n - 1].size(1);
  std::vector<std::vector<int64_t>> cost(n, std::vector<int64_t>(n, 0)), split(n, std::vector<int64_t>(n, 0));
  for (int64_t len = 1; len < n; ++len) {
    for (int64_t i = 0; i + len < n; ++i) {
      const int64_t j = i + len;
      cost[i][j] = std::numeric_limits<int64_t>::max();
      for (int64_t k = i; k < j; ++k) {
        const int64_t q = cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1];
        if (q < cost[i][j]) {
          cost[i][j] = q;
          split[i][j] = k;
        }
      }
    }
  }
  std::function<Tensor(int64_t, int64_t)> eval = [&](int64_t i, int64_t j) -> Tensor {
    if (i == j) return mats[i];
    return ember::mm(eval(i, split[i][j]), eval(split[i][j] + 1, j));
  };
  return eval(0, n - 1);
}

}  // namespace

Tensor linalg_multi_dot(TensorList tensors) {
  const size_t n = tensors.size();
  EMBER_CHECK(n >= 2, "multi_dot(): expected at least 2 tensors but got ", n);
  const int64_t first = tensors[0].dim(), last = tensors[n - 1].dim();
  EMBER_CHECK(first == 1 || first == 2, "multi_dot(): the first tensor must be 1D or 2D but got ", first, "D");
  EMBER_CHECK(last == 1 || last == 2, "multi_dot(): the last tensor must be 1D or 2D but got ", last, "D");
  for (size_t i = 1; i + 1 < n; ++i) {
    EMBER_CHECK(tensors[i].dim() == 2, "multi_dot(): tensor ", i, " must be 2D but got ", tensors[i].dim(), "D");
  }
  for (size_t i = 1; i < n; ++i) {
    EMBER_CHECK(tensors[i].dtype() == tensors[0].dtype(),
                "multi_dot(): all tensors must have be the same dtype but tensor 0 is ",
                cpp_name(tensors[0].dtype()), " and tensor ", i, " ", cpp_name(tensors[i].dtype()));
    check_same_device(tensors[0], tensors[i]);
  }
  std::vector<Tensor> mats(tensors.begin(), tensors.end());
  if (first == 1) mats[0] = ember::unsqueeze(mats[0], 0);
  if (last == 1) mats[n - 1] = ember::unsqueeze(mats[n - 1], 1);
  for (size_t i = 1; i < n; ++i) {
    EMBER_CHECK(mats[i - 1].size(1) == mats[i].size(0), "multi_dot(): tensors ", i - 1, " and ", i,
                " with shapes ", shape_str(tensors[i - 1].sizes()), " and ", shape_str(tensors[i].sizes()),
                " cannot be multiplied");
  }
  Tensor result = multiply_chain(mats);
  if (first == 1 && last == 1) return ember::reshape(result, {});
  if (first == 1) return ember::squeeze(result, 0);
  if (last == 1) return ember::squeeze(result, 1);
  return result;
}

Tensor& linalg_multi_dot_out(TensorList tensors, Tensor& out) {
  const Tensor r = native::linalg_multi_dot(tensors);
  return write_out(out, r, tensors[0], "linalg_multi_dot");
}

Tensor chain_matmul(TensorList matrices) {
  EMBER_CHECK(!matrices.empty(), "chain_matmul(): Expected one or more matrices");
  for (const Tensor& m : matrices) {
    EMBER_CHECK(m.dim() == 2, "Tensor dimension is ", m.dim(), ", expected 2 instead.");
  }
  if (matrices.size() == 1) return ember::clone(matrices[0]);
  return native::linalg_multi_dot(matrices);
}

Tensor& chain_matmul_out(TensorList matrices, Tensor& out) {
  const Tensor r = native::chain_matmul(matrices);
  return write_out(out, r, matrices[0], "chain_matmul");
}

}  // namespace ember::native
