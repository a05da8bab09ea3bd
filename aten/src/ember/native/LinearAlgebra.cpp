// Matrix products: mm, bmm, addmm (device-generic, through baddbmm_stub) and matmul
// (composite: NumPy's matmul rules on top of mm/bmm). Argument checks and messages
// follow PyTorch.
#include <ember/native/LinearAlgebra.h>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/Reduce.h>

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

}  // namespace ember::native
