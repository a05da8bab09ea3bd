// ember._C.TensorBase: object lifetime, the number protocol, comparisons and the
// hand-written methods and properties (see Note [The Python tensor object]).
#include <ember/python/PyTensor.h>

#include <new>
#include <string>
#include <vector>

#include <ember/generated/Functions.h>
#include <ember/python/ArgParser.h>
#include <ember/python/Exceptions.h>
#include <ember/python/PyDevice.h>
#include <ember/python/PyDtype.h>
#include <ember/python/PyInterop.h>
#include <ember/python/PyNumbers.h>
#include <ember/python/PySize.h>
#include <ember/python/PyTensorNew.h>
#include <ember/python/Wrap.h>

namespace ember::python {

PyTypeObject PyTensorBaseType = {PyVarObject_HEAD_INIT(nullptr, 0) "ember._C.TensorBase"};
PyTypeObject* g_tensor_class = &PyTensorBaseType;

PyObject* wrap_tensor(Tensor t) {
  if (!t.defined()) Py_RETURN_NONE;
  PyObject* obj = g_tensor_class->tp_alloc(g_tensor_class, 0);  // zero-filled
  if (!obj) return nullptr;
  new (&reinterpret_cast<PyTensor*>(obj)->cdata) Tensor(std::move(t));
  return obj;
}

namespace {

const Tensor& self_tensor(PyObject* self) { return tensor_of(self); }

PyObject* return_self(PyObject* self) {
  Py_INCREF(self);
  return self;
}

// ---------------------------------------------------------------------------
// Lifetime

void tensor_dealloc(PyObject* self) {
  PyTensor* t = reinterpret_cast<PyTensor*>(self);
  if (t->weakrefs) PyObject_ClearWeakRefs(self);
  Py_CLEAR(t->dict);
  t->cdata.~Tensor();
  Py_TYPE(self)->tp_free(self);
}

// ember.Tensor(x): a new object sharing x (so subclasses can wrap a tensor);
// ember.Tensor() is an empty float tensor; anything else is ember.tensor's data.
PyObject* tensor_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  EMBER_PY_TRY
  EMBER_CHECK_TYPEERR(!kwargs || PyDict_GET_SIZE(kwargs) == 0,
                      "Tensor() takes no keyword arguments; use ember.tensor(data, dtype=...)");
  Tensor t;
  const Py_ssize_t n = PyTuple_GET_SIZE(args);
  if (n == 0) {
    t = empty_tensor({0}, default_dtype(), Device(DeviceType::CPU));
  } else if (n == 1 && is_tensor(PyTuple_GET_ITEM(args, 0))) {
    t = tensor_of(PyTuple_GET_ITEM(args, 0));
  } else if (n == 1) {
    t = tensor_from_data(PyTuple_GET_ITEM(args, 0), default_dtype(), std::nullopt, true);
  } else {
    throw TypeError("Tensor() takes at most one argument (a tensor or nested sequence data)");
  }
  PyObject* obj = type->tp_alloc(type, 0);
  if (!obj) return nullptr;
  new (&reinterpret_cast<PyTensor*>(obj)->cdata) Tensor(std::move(t));
  return obj;
  EMBER_PY_CATCH
}

// ---------------------------------------------------------------------------
// Operands of the number protocol: a tensor, or a number that becomes a
// wrapped-number 0-dim tensor (so `int_tensor + 2.5` promotes like PyTorch).
struct Operand {
  const Tensor* t = nullptr;
  Tensor holder;
  Operand() = default;
  Operand(const Operand&) = delete;
};

bool operand(PyObject* o, Operand& out) {
  if (is_tensor(o)) {
    out.t = &tensor_of(o);
    return true;
  }
  if (is_number(o)) {
    out.holder = wrapped_scalar_tensor(to_scalar(o));
    out.t = &out.holder;
    return true;
  }
  return false;
}

const Scalar kOne(int64_t(1));

#define EMBER_BINARY_SLOT(fname, EXPR)                                        \
  PyObject* fname(PyObject* a_, PyObject* b_) {                               \
    EMBER_PY_TRY                                                              \
    Operand x, y;                                                             \
    if (!operand(a_, x) || !operand(b_, y)) Py_RETURN_NOTIMPLEMENTED;         \
    const Tensor& a = *x.t;                                                   \
    const Tensor& b = *y.t;                                                   \
    return wrap_tensor(EXPR);                                                 \
    EMBER_PY_CATCH                                                            \
  }

#define EMBER_INPLACE_SLOT(fname, STMT)                                       \
  PyObject* fname(PyObject* self, PyObject* b_) {                             \
    EMBER_PY_TRY                                                              \
    Operand y;                                                                \
    if (!is_tensor(self) || !operand(b_, y)) Py_RETURN_NOTIMPLEMENTED;        \
    const Tensor& a = tensor_of(self);                                        \
    const Tensor& b = *y.t;                                                   \
    STMT;                                                                     \
    return return_self(self);                                                 \
    EMBER_PY_CATCH                                                            \
  }

const std::optional<std::string_view> kFloor = std::string_view("floor");

EMBER_BINARY_SLOT(tensor_add, ember::add(a, b, kOne))
EMBER_BINARY_SLOT(tensor_sub, ember::sub(a, b, kOne))
EMBER_BINARY_SLOT(tensor_mul, ember::mul(a, b))
EMBER_BINARY_SLOT(tensor_truediv, ember::div(a, b))
EMBER_BINARY_SLOT(tensor_floordiv, ember::div(a, b, kFloor))
EMBER_BINARY_SLOT(tensor_mod, ember::remainder(a, b))
EMBER_BINARY_SLOT(tensor_and, ember::bitwise_and(a, b))
EMBER_BINARY_SLOT(tensor_or, ember::bitwise_or(a, b))
EMBER_BINARY_SLOT(tensor_xor, ember::bitwise_xor(a, b))

EMBER_INPLACE_SLOT(tensor_iadd, a.add_(b, kOne))
EMBER_INPLACE_SLOT(tensor_isub, a.sub_(b, kOne))
EMBER_INPLACE_SLOT(tensor_imul, a.mul_(b))
EMBER_INPLACE_SLOT(tensor_itruediv, a.div_(b))
EMBER_INPLACE_SLOT(tensor_ifloordiv, a.div_(b, kFloor))
EMBER_INPLACE_SLOT(tensor_imod, a.remainder_(b))
EMBER_INPLACE_SLOT(tensor_iand, a.bitwise_and_(b))
EMBER_INPLACE_SLOT(tensor_ior, a.bitwise_or_(b))
EMBER_INPLACE_SLOT(tensor_ixor, a.bitwise_xor_(b))

PyObject* tensor_matmul(PyObject* a, PyObject* b) {
  EMBER_PY_TRY
  if (!is_tensor(a) || !is_tensor(b)) Py_RETURN_NOTIMPLEMENTED;
  return wrap_tensor(ember::matmul(tensor_of(a), tensor_of(b)));
  EMBER_PY_CATCH
}

// a ** b: pow(Tensor, Scalar) for a number exponent, pow(Scalar, Tensor) for a
// number base, pow(Tensor, Tensor) otherwise.
PyObject* tensor_pow(PyObject* a, PyObject* b, PyObject* mod) {
  EMBER_PY_TRY
  if (mod != Py_None) Py_RETURN_NOTIMPLEMENTED;
  if (is_tensor(a) && is_tensor(b)) return wrap_tensor(ember::pow(tensor_of(a), tensor_of(b)));
  if (is_tensor(a) && is_number(b)) return wrap_tensor(ember::pow(tensor_of(a), to_scalar(b)));
  if (is_number(a) && is_tensor(b)) return wrap_tensor(ember::pow(to_scalar(a), tensor_of(b)));
  Py_RETURN_NOTIMPLEMENTED;
  EMBER_PY_CATCH
}

PyObject* tensor_ipow(PyObject* self, PyObject* b, PyObject* mod) {
  EMBER_PY_TRY
  if (mod != Py_None || !is_tensor(self)) Py_RETURN_NOTIMPLEMENTED;
  if (is_tensor(b)) {
    tensor_of(self).pow_(tensor_of(b));
  } else if (is_number(b)) {
    tensor_of(self).pow_(to_scalar(b));
  } else {
    Py_RETURN_NOTIMPLEMENTED;
  }
  return return_self(self);
  EMBER_PY_CATCH
}

PyObject* tensor_neg(PyObject* self) {
  EMBER_PY_TRY
  return wrap_tensor(ember::neg(self_tensor(self)));
  EMBER_PY_CATCH
}
PyObject* tensor_abs(PyObject* self) {
  EMBER_PY_TRY
  return wrap_tensor(ember::abs(self_tensor(self)));
  EMBER_PY_CATCH
}
PyObject* tensor_pos(PyObject* self) {
  EMBER_PY_TRY
  EMBER_CHECK(self_tensor(self).dtype() != ScalarType::Bool,
              "The `+` operator, on a bool tensor is not supported.");
  return return_self(self);
  EMBER_PY_CATCH
}
PyObject* tensor_invert(PyObject* self) {
  EMBER_PY_TRY
  const Tensor& t = self_tensor(self);
  EMBER_CHECK_TYPEERR(!is_floating_type(t.dtype()),
                      "~ (operator.invert) is only implemented on integer and Boolean-type tensors");
  return wrap_tensor(ember::bitwise_not(t));
  EMBER_PY_CATCH
}

// bool(t), float(t), int(t), operator.index(t): one element only (PyTorch's errors).
int tensor_bool(PyObject* self) {
  EMBER_PY_TRY
  const Tensor& t = self_tensor(self);
  EMBER_CHECK(t.numel() != 0, "Boolean value of Tensor with no values is ambiguous");
  EMBER_CHECK(t.numel() == 1, "Boolean value of Tensor with more than one value is ambiguous");
  return t.item().to_bool() ? 1 : 0;
  EMBER_PY_CATCH_RET(-1)
}

PyObject* tensor_float(PyObject* self) {
  EMBER_PY_TRY
  const Tensor& t = self_tensor(self);
  EMBER_CHECK_VALUE(t.numel() == 1, "only one element tensors can be converted to Python scalars");
  return PyFloat_FromDouble(t.item().to_double());
  EMBER_PY_CATCH
}

PyObject* tensor_int(PyObject* self) {
  EMBER_PY_TRY
  const Tensor& t = self_tensor(self);
  EMBER_CHECK_VALUE(t.numel() == 1, "only one element tensors can be converted to Python scalars");
  const Scalar s = t.item();
  // PyLong_FromDouble truncates and raises Python's errors for nan/inf.
  if (s.is_floating_point()) return PyLong_FromDouble(s.to_double());
  return PyLong_FromLongLong(s.to_long());
  EMBER_PY_CATCH
}

PyObject* tensor_index(PyObject* self) {
  EMBER_PY_TRY
  const Tensor& t = self_tensor(self);
  EMBER_CHECK_TYPEERR(t.numel() == 1 && is_integral_type(t.dtype(), /*include_bool=*/false),
                      "only integer tensors of a single element can be converted to an index");
  return PyLong_FromLongLong(t.item().to_long());
  EMBER_PY_CATCH
}

PyObject* tensor_richcompare(PyObject* a_, PyObject* b_, int op) {
  EMBER_PY_TRY
  Operand x, y;
  if (!operand(a_, x) || !operand(b_, y)) Py_RETURN_NOTIMPLEMENTED;
  const Tensor& a = *x.t;
  const Tensor& b = *y.t;
  switch (op) {
    case Py_EQ: return wrap_tensor(ember::eq(a, b));
    case Py_NE: return wrap_tensor(ember::ne(a, b));
    case Py_LT: return wrap_tensor(ember::lt(a, b));
    case Py_LE: return wrap_tensor(ember::le(a, b));
    case Py_GT: return wrap_tensor(ember::gt(a, b));
    case Py_GE: return wrap_tensor(ember::ge(a, b));
  }
  Py_RETURN_NOTIMPLEMENTED;
  EMBER_PY_CATCH
}

Py_ssize_t tensor_len(PyObject* self) {
  EMBER_PY_TRY
  const Tensor& t = self_tensor(self);
  EMBER_CHECK_TYPEERR(t.dim() > 0, "len() of a 0-d tensor");
  return static_cast<Py_ssize_t>(t.size(0));
  EMBER_PY_CATCH_RET(-1)
}

// iter(t) yields t[0], t[1], ... (views), like iterating t.unbind(0).
PyObject* tensor_iter(PyObject* self) {
  EMBER_PY_TRY
  const Tensor& t = self_tensor(self);
  EMBER_CHECK_TYPEERR(t.dim() > 0, "iteration over a 0-d tensor");
  const int64_t n = t.size(0);
  PyObject* items = check(PyTuple_New(static_cast<Py_ssize_t>(n)));
  for (int64_t i = 0; i < n; ++i) {
    PyObject* item = wrap_tensor(t.select(0, i));
    if (!item) {
      Py_DECREF(items);
      return nullptr;
    }
    PyTuple_SET_ITEM(items, static_cast<Py_ssize_t>(i), item);
  }
  PyObject* it = PyObject_GetIter(items);
  Py_DECREF(items);
  return it;
  EMBER_PY_CATCH
}

PyNumberMethods tensor_as_number = {};
PyMappingMethods tensor_as_mapping = {};

// ---------------------------------------------------------------------------
// Properties

PyObject* get_shape(PyObject* self, void*) {
  EMBER_PY_TRY
  return size_object(self_tensor(self).sizes());
  EMBER_PY_CATCH
}
PyObject* get_dtype(PyObject* self, void*) {
  EMBER_PY_TRY
  return wrap(self_tensor(self).dtype());
  EMBER_PY_CATCH
}
PyObject* get_device(PyObject* self, void*) {
  EMBER_PY_TRY
  return device_object(self_tensor(self).device());
  EMBER_PY_CATCH
}
PyObject* get_ndim(PyObject* self, void*) { return PyLong_FromLongLong(self_tensor(self).dim()); }
PyObject* get_is_cuda(PyObject* self, void*) { return PyBool_FromLong(self_tensor(self).is_cuda()); }
PyObject* get_is_cpu(PyObject* self, void*) { return PyBool_FromLong(self_tensor(self).is_cpu()); }
PyObject* get_layout(PyObject*, void*) {
  PyObject* l = layout_object(Layout::Strided);
  Py_INCREF(l);
  return l;
}
PyObject* get_itemsize(PyObject* self, void*) {
  return PyLong_FromSize_t(self_tensor(self).element_size());
}
PyObject* get_nbytes(PyObject* self, void*) { return PyLong_FromSize_t(self_tensor(self).nbytes()); }
PyObject* get_false(PyObject*, void*) { Py_RETURN_FALSE; }
PyObject* get_true(PyObject*, void*) { Py_RETURN_TRUE; }
PyObject* get_none(PyObject*, void*) { Py_RETURN_NONE; }

int set_requires_grad(PyObject*, PyObject* value, void*) {
  EMBER_PY_TRY
  EMBER_CHECK_TYPEERR(value && PyBool_Check(value), "requires_grad must be a bool");
  EMBER_CHECK_NOT_IMPLEMENTED(value == Py_False, "ember has no autograd yet: requires_grad=True is not supported");
  return 0;
  EMBER_PY_CATCH_RET(-1)
}

// t.T reverses every dim; t.mT swaps the last two.
PyObject* get_T(PyObject* self, void*) {
  EMBER_PY_TRY
  const Tensor& t = self_tensor(self);
  std::vector<int64_t> dims(static_cast<size_t>(t.dim()));
  for (int64_t d = 0; d < t.dim(); ++d) dims[d] = t.dim() - 1 - d;
  return wrap_tensor(t.permute(dims));
  EMBER_PY_CATCH
}
PyObject* get_mT(PyObject* self, void*) {
  EMBER_PY_TRY
  const Tensor& t = self_tensor(self);
  EMBER_CHECK(t.dim() >= 2, "tensor.mT is only supported on matrices or batches of matrices. Got ",
              t.dim(), "-D tensor.");
  return wrap_tensor(t.transpose(-2, -1));
  EMBER_PY_CATCH
}
PyObject* get_data(PyObject* self, void*) {
  EMBER_PY_TRY
  return wrap_tensor(self_tensor(self).detach());
  EMBER_PY_CATCH
}

PyGetSetDef tensor_getset[] = {
    {"shape", get_shape, nullptr, "The sizes, as an ember.Size.", nullptr},
    {"dtype", get_dtype, nullptr, "The element type.", nullptr},
    {"device", get_device, nullptr, "The device the data lives on.", nullptr},
    {"ndim", get_ndim, nullptr, "The number of dims.", nullptr},
    {"is_cuda", get_is_cuda, nullptr, "Whether the data lives on a CUDA device.", nullptr},
    {"is_cpu", get_is_cpu, nullptr, "Whether the data lives on the CPU.", nullptr},
    {"layout", get_layout, nullptr, "Always ember.strided.", nullptr},
    {"itemsize", get_itemsize, nullptr, "Bytes per element.", nullptr},
    {"nbytes", get_nbytes, nullptr, "Bytes of the elements (numel * itemsize).", nullptr},
    {"T", get_T, nullptr, "The tensor with its dims reversed.", nullptr},
    {"mT", get_mT, nullptr, "The last two dims transposed.", nullptr},
    {"data", get_data, nullptr, "A detached alias.", nullptr},
    {"requires_grad", get_false, set_requires_grad, "Always False until ember has autograd.", nullptr},
    {"grad", get_none, nullptr, "Always None until ember has autograd.", nullptr},
    {"is_leaf", get_true, nullptr, "Always True until ember has autograd.", nullptr},
    {"__array_interface__", tensor_array_interface, nullptr, "NumPy's array interface (CPU only).", nullptr},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------
// Methods

#define EMBER_FASTCALL_KW(fn) reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(fn))

PyObject* m_size(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  static PythonArgParser parser({"size(int dim)", "size()"});
  PyObject* parsed[1];
  PythonArgs r = parser.parse(self, args, nargs, kwnames, parsed);
  const Tensor& t = self_tensor(self);
  if (r.idx == 0) return PyLong_FromLongLong(t.size(r.toint64(0)));
  return size_object(t.sizes());
  EMBER_PY_CATCH
}

PyObject* m_stride(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  static PythonArgParser parser({"stride(int dim)", "stride()"});
  PyObject* parsed[1];
  PythonArgs r = parser.parse(self, args, nargs, kwnames, parsed);
  const Tensor& t = self_tensor(self);
  if (r.idx == 0) return PyLong_FromLongLong(t.stride(r.toint64(0)));
  const IntArrayRef st = t.strides();
  PyObject* tup = check(PyTuple_New(static_cast<Py_ssize_t>(st.size())));
  for (size_t i = 0; i < st.size(); ++i) PyTuple_SET_ITEM(tup, i, PyLong_FromLongLong(st[i]));
  return tup;
  EMBER_PY_CATCH
}

PyObject* m_dim(PyObject* self, PyObject*) { return PyLong_FromLongLong(self_tensor(self).dim()); }
PyObject* m_numel(PyObject* self, PyObject*) { return PyLong_FromLongLong(self_tensor(self).numel()); }
PyObject* m_storage_offset(PyObject* self, PyObject*) {
  return PyLong_FromLongLong(self_tensor(self).storage_offset());
}
PyObject* m_element_size(PyObject* self, PyObject*) {
  return PyLong_FromSize_t(self_tensor(self).element_size());
}
PyObject* m_data_ptr(PyObject* self, PyObject*) {
  return PyLong_FromVoidPtr(self_tensor(self).data_ptr());
}
PyObject* m_is_floating_point(PyObject* self, PyObject*) {
  return PyBool_FromLong(self_tensor(self).is_floating_point());
}
PyObject* m_is_contiguous(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  static PythonArgParser parser({"is_contiguous(*, MemoryFormat memory_format=contiguous_format)"});
  PyObject* parsed[1];
  parser.parse(self, args, nargs, kwnames, parsed);
  return PyBool_FromLong(self_tensor(self).is_contiguous());
  EMBER_PY_CATCH
}
PyObject* m_item(PyObject* self, PyObject*) {
  EMBER_PY_TRY
  return scalar_to_py(self_tensor(self).item());
  EMBER_PY_CATCH
}
PyObject* m_tolist(PyObject* self, PyObject*) {
  EMBER_PY_TRY
  return tensor_tolist(self_tensor(self));
  EMBER_PY_CATCH
}

// Returns `self` itself when the conversion changes nothing (t.to(t.dtype) is t).
PyObject* converted(PyObject* self, Tensor result) {
  if (result.is_same(self_tensor(self))) return return_self(self);
  return wrap_tensor(std::move(result));
}

Tensor convert(const Tensor& t, std::optional<ScalarType> dtype, std::optional<Device> device,
               bool non_blocking, bool copy, std::optional<MemoryFormat> memory_format) {
  return t.to(dtype, std::nullopt, device, std::nullopt, non_blocking, copy, memory_format);
}

// to(device=None, dtype=None, non_blocking=False, copy=False) | to(dtype, ...) | to(other, ...)
PyObject* m_to(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  static PythonArgParser parser({
      "to(Device device=None, ScalarType dtype=None, bool non_blocking=False, bool copy=False, *, MemoryFormat? memory_format=None)",
      "to(ScalarType dtype, bool non_blocking=False, bool copy=False, *, MemoryFormat? memory_format=None)",
      "to(Tensor other, bool non_blocking=False, bool copy=False, *, MemoryFormat? memory_format=None)",
  });
  PyObject* parsed[5];
  PythonArgs r = parser.parse(self, args, nargs, kwnames, parsed);
  const Tensor& t = self_tensor(self);
  switch (r.idx) {
    case 0:
      return converted(self, convert(t, r.scalartype_optional(1), r.device_optional(0), r.toBool(2),
                                     r.toBool(3), r.memoryformat_optional(4)));
    case 1:
      return converted(self, convert(t, r.scalartype(0), std::nullopt, r.toBool(1), r.toBool(2),
                                     r.memoryformat_optional(3)));
    default: {
      const Tensor other = r.tensor(0);
      return converted(self, convert(t, other.dtype(), other.device(), r.toBool(1), r.toBool(2),
                                     r.memoryformat_optional(3)));
    }
  }
  EMBER_PY_CATCH
}

PyObject* m_cuda(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  static PythonArgParser parser({"cuda(Device? device=None, bool non_blocking=False)"});
  PyObject* parsed[2];
  PythonArgs r = parser.parse(self, args, nargs, kwnames, parsed);
  Device d = r.device_optional(0).value_or(Device(DeviceType::CUDA));
  EMBER_CHECK(d.is_cuda(), "Invalid device, must be cuda device");
  return converted(self, convert(self_tensor(self), std::nullopt, d, r.toBool(1), false, std::nullopt));
  EMBER_PY_CATCH
}

PyObject* m_cpu(PyObject* self, PyObject*) {
  EMBER_PY_TRY
  return converted(self, convert(self_tensor(self), std::nullopt, Device(DeviceType::CPU), false,
                                 false, std::nullopt));
  EMBER_PY_CATCH
}

// The legacy type names PyTorch prints ("torch.FloatTensor"), with ember's prefix.
const char* legacy_type_name(ScalarType t) {
  switch (t) {
    case ScalarType::Byte: return "ByteTensor";
    case ScalarType::Char: return "CharTensor";
    case ScalarType::Short: return "ShortTensor";
    case ScalarType::Int: return "IntTensor";
    case ScalarType::Long: return "LongTensor";
    case ScalarType::Half: return "HalfTensor";
    case ScalarType::Float: return "FloatTensor";
    case ScalarType::Double: return "DoubleTensor";
    case ScalarType::Bool: return "BoolTensor";
    case ScalarType::BFloat16: return "BFloat16Tensor";
    default: return "UndefinedTensor";
  }
}

// type() -> "ember.FloatTensor"; type(dtype) -> converted tensor.
PyObject* m_type(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  static PythonArgParser parser({"type(ScalarType dtype=None, bool non_blocking=False)"});
  PyObject* parsed[2];
  PythonArgs r = parser.parse(self, args, nargs, kwnames, parsed);
  const Tensor& t = self_tensor(self);
  if (r.is_none(0)) {
    return PyUnicode_FromFormat("ember.%s%s", t.is_cuda() ? "cuda." : "", legacy_type_name(t.dtype()));
  }
  return converted(self, convert(t, r.scalartype(0), std::nullopt, r.toBool(1), false, std::nullopt));
  EMBER_PY_CATCH
}

// t.float(), t.long(), ...: to(dtype).
template <ScalarType T>
PyObject* m_to_type(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  static PythonArgParser parser({"convert(*, MemoryFormat? memory_format=None)"});
  PyObject* parsed[1];
  PythonArgs r = parser.parse(self, args, nargs, kwnames, parsed);
  return converted(self, convert(self_tensor(self), T, std::nullopt, false, false, r.memoryformat_optional(0)));
  EMBER_PY_CATCH
}

#define EMBER_KW METH_FASTCALL | METH_KEYWORDS
PyMethodDef tensor_methods[] = {
    {"size", EMBER_FASTCALL_KW(m_size), EMBER_KW, "size(dim=None): the sizes (an ember.Size) or one size."},
    {"stride", EMBER_FASTCALL_KW(m_stride), EMBER_KW, "stride(dim=None): the strides, in elements."},
    {"dim", m_dim, METH_NOARGS, "The number of dims."},
    {"ndimension", m_dim, METH_NOARGS, "Same as dim()."},
    {"numel", m_numel, METH_NOARGS, "The number of elements."},
    {"nelement", m_numel, METH_NOARGS, "Same as numel()."},
    {"storage_offset", m_storage_offset, METH_NOARGS, "Offset into the storage, in elements."},
    {"element_size", m_element_size, METH_NOARGS, "Bytes per element."},
    {"data_ptr", m_data_ptr, METH_NOARGS, "Address of the first element."},
    {"is_floating_point", m_is_floating_point, METH_NOARGS, "Whether the dtype is a float type."},
    {"is_contiguous", EMBER_FASTCALL_KW(m_is_contiguous), EMBER_KW, "Whether the elements are dense in row-major order."},
    {"item", m_item, METH_NOARGS, "The one element as a Python number."},
    {"tolist", m_tolist, METH_NOARGS, "The elements as nested lists of Python numbers."},
    {"to", EMBER_FASTCALL_KW(m_to), EMBER_KW, "to(device=None, dtype=None, non_blocking=False, copy=False) | to(dtype) | to(other)"},
    {"cuda", EMBER_FASTCALL_KW(m_cuda), EMBER_KW, "A copy on a CUDA device (self if already there)."},
    {"cpu", m_cpu, METH_NOARGS, "A copy on the CPU (self if already there)."},
    {"type", EMBER_FASTCALL_KW(m_type), EMBER_KW, "type(): the legacy type name; type(dtype): to(dtype)."},
    {"byte", EMBER_FASTCALL_KW(m_to_type<ScalarType::Byte>), EMBER_KW, "to(ember.uint8)"},
    {"char", EMBER_FASTCALL_KW(m_to_type<ScalarType::Char>), EMBER_KW, "to(ember.int8)"},
    {"short", EMBER_FASTCALL_KW(m_to_type<ScalarType::Short>), EMBER_KW, "to(ember.int16)"},
    {"int", EMBER_FASTCALL_KW(m_to_type<ScalarType::Int>), EMBER_KW, "to(ember.int32)"},
    {"long", EMBER_FASTCALL_KW(m_to_type<ScalarType::Long>), EMBER_KW, "to(ember.int64)"},
    {"half", EMBER_FASTCALL_KW(m_to_type<ScalarType::Half>), EMBER_KW, "to(ember.float16)"},
    {"bfloat16", EMBER_FASTCALL_KW(m_to_type<ScalarType::BFloat16>), EMBER_KW, "to(ember.bfloat16)"},
    {"float", EMBER_FASTCALL_KW(m_to_type<ScalarType::Float>), EMBER_KW, "to(ember.float32)"},
    {"double", EMBER_FASTCALL_KW(m_to_type<ScalarType::Double>), EMBER_KW, "to(ember.float64)"},
    {"bool", EMBER_FASTCALL_KW(m_to_type<ScalarType::Bool>), EMBER_KW, "to(ember.bool)"},
    {"__dlpack__", EMBER_FASTCALL_KW(tensor_dlpack), EMBER_KW, "A DLPack capsule sharing this tensor's memory."},
    {"__dlpack_device__", tensor_dlpack_device, METH_NOARGS, "(device_type, device_id) in DLPack's codes."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

// Hand-written methods go in after the generated ones (python_bindings.cpp), so
// that where both exist (to, size) the hand-written, PyTorch-compatible one wins.
void add_hand_written_methods(PyTypeObject* type) {
  PyObject* dict = type->tp_dict;
  for (PyMethodDef* def = tensor_methods; def->ml_name; ++def) {
    PyObject* descr = check(PyDescr_NewMethod(type, def));
    const int rc = PyDict_SetItemString(dict, def->ml_name, descr);
    Py_DECREF(descr);
    if (rc < 0) throw python_error();
  }
  PyType_Modified(type);
}

void init_tensor_type(PyObject* module) {
  PyTypeObject& t = PyTensorBaseType;
  t.tp_basicsize = sizeof(PyTensor);
  t.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE;
  t.tp_doc = "The C++ part of ember.Tensor (see Note [The Python tensor object]).";
  t.tp_new = tensor_new;
  t.tp_dealloc = tensor_dealloc;
  t.tp_dictoffset = offsetof(PyTensor, dict);
  t.tp_weaklistoffset = offsetof(PyTensor, weakrefs);
  t.tp_richcompare = tensor_richcompare;
  t.tp_hash = PyBaseObject_Type.tp_hash;  // identity, like torch.Tensor.__hash__
  t.tp_iter = tensor_iter;
  t.tp_getset = tensor_getset;

  PyNumberMethods& n = tensor_as_number;
  n.nb_add = tensor_add;
  n.nb_subtract = tensor_sub;
  n.nb_multiply = tensor_mul;
  n.nb_true_divide = tensor_truediv;
  n.nb_floor_divide = tensor_floordiv;
  n.nb_power = tensor_pow;
  n.nb_matrix_multiply = tensor_matmul;
  n.nb_remainder = tensor_mod;
  n.nb_and = tensor_and;
  n.nb_or = tensor_or;
  n.nb_xor = tensor_xor;
  n.nb_inplace_add = tensor_iadd;
  n.nb_inplace_subtract = tensor_isub;
  n.nb_inplace_multiply = tensor_imul;
  n.nb_inplace_true_divide = tensor_itruediv;
  n.nb_inplace_floor_divide = tensor_ifloordiv;
  n.nb_inplace_power = tensor_ipow;
  n.nb_inplace_remainder = tensor_imod;
  n.nb_inplace_and = tensor_iand;
  n.nb_inplace_or = tensor_ior;
  n.nb_inplace_xor = tensor_ixor;
  n.nb_negative = tensor_neg;
  n.nb_positive = tensor_pos;
  n.nb_absolute = tensor_abs;
  n.nb_invert = tensor_invert;
  n.nb_bool = tensor_bool;
  n.nb_float = tensor_float;
  n.nb_int = tensor_int;
  n.nb_index = tensor_index;
  t.tp_as_number = &tensor_as_number;

  tensor_as_mapping.mp_length = tensor_len;
  tensor_as_mapping.mp_subscript = tensor_getitem;
  tensor_as_mapping.mp_ass_subscript = tensor_setitem;
  t.tp_as_mapping = &tensor_as_mapping;

  if (PyType_Ready(&t) < 0) throw python_error();
  Py_INCREF(&t);
  if (PyModule_AddObject(module, "TensorBase", reinterpret_cast<PyObject*>(&t)) < 0) {
    Py_DECREF(&t);
    throw python_error();
  }
}

void set_tensor_class(PyObject* cls) {
  EMBER_CHECK_TYPEERR(PyType_Check(cls) &&
                          PyType_IsSubtype(reinterpret_cast<PyTypeObject*>(cls), &PyTensorBaseType),
                      "_set_tensor_class expects a subclass of ember._C.TensorBase");
  PyTypeObject* type = reinterpret_cast<PyTypeObject*>(cls);
  // Instances must stay as small as TensorBase's (Note [The Python tensor object]):
  // ember.Tensor declares __slots__ = ().
  EMBER_CHECK_TYPEERR(type->tp_basicsize == PyTensorBaseType.tp_basicsize,
                      "ember.Tensor must not add instance slots (declare __slots__ = ())");
  Py_INCREF(cls);
  g_tensor_class = type;
}

}  // namespace ember::python
