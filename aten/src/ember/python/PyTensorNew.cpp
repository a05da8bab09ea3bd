#include <ember/python/PyTensorNew.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include <ember/python/ArgParser.h>
#include <ember/python/Exceptions.h>
#include <ember/python/PyInterop.h>
#include <ember/python/PyNumbers.h>
#include <ember/python/PyTensor.h>

namespace ember::python {
namespace {

constexpr size_t kMaxDims = 64;

// Owning PyObject* for the walks below.
struct Ref {
  PyObject* p = nullptr;
  explicit Ref(PyObject* o = nullptr) : p(o) {}
  Ref(const Ref&) = delete;
  ~Ref() { Py_XDECREF(p); }
  void reset(PyObject* o) {
    Py_XDECREF(p);
    p = o;
  }
};

bool is_string_like(PyObject* o) { return PyUnicode_Check(o) || PyBytes_Check(o); }

// A nested level of the data: a Python sequence that is not a string, a tensor or
// a NumPy scalar.
bool is_data_sequence(PyObject* o) {
  if (PyList_Check(o) || PyTuple_Check(o)) return true;
  if (is_tensor(o) || is_string_like(o) || is_numpy_scalar(o)) return false;
  return PySequence_Check(o);
}

Tensor cpu_contiguous(const Tensor& t, ScalarType dtype) {
  return t.to(dtype, std::nullopt, Device(DeviceType::CPU), std::nullopt, false, false, std::nullopt)
      .contiguous(MemoryFormat::Contiguous);
}

ScalarType infer_scalar_type(PyObject* o) {
  if (PyFloat_CheckExact(o)) return default_dtype();
  if (PyBool_Check(o)) return ScalarType::Bool;
  if (PyLong_CheckExact(o)) return ScalarType::Long;
  if (is_tensor(o)) return tensor_of(o).dtype();
  if (is_numpy_scalar(o)) {
    // NumPy scalars keep their dtype (numpy.float64 too, although it is a float).
    const ScalarType t = numpy_scalar_type(o);
    EMBER_CHECK_TYPEERR(t != ScalarType::Undefined, "can't convert np.ndarray of type ",
                        Py_TYPE(o)->tp_name, ". The only supported types are: float64, float32, "
                        "float16, int64, int32, int16, int8, uint8, and bool.");
    return t;
  }
  if (PyFloat_Check(o)) return default_dtype();
  if (PyLong_Check(o)) return ScalarType::Long;
  EMBER_CHECK_TYPEERR(!is_string_like(o), "new(): invalid data type '", Py_TYPE(o)->tp_name, "'");
  if (is_ndarray(o)) return ndarray_scalar_type(o);
  if (is_data_sequence(o)) {
    Ref seq(PySequence_Fast(o, "not a sequence"));
    if (!seq.p) throw python_error();
    const Py_ssize_t n = PySequence_Fast_GET_SIZE(seq.p);
    if (n == 0) return default_dtype();
    ScalarType result = ScalarType::Undefined;
    for (Py_ssize_t i = 0; i < n; ++i) {
      const ScalarType t = infer_scalar_type(PySequence_Fast_ITEMS(seq.p)[i]);
      result = result == ScalarType::Undefined ? t : promote_types(result, t);
    }
    return result;
  }
  throw Error(str("Could not infer dtype of ", Py_TYPE(o)->tp_name));
}

std::vector<int64_t> compute_sizes(PyObject* data) {
  std::vector<int64_t> sizes;
  Ref holder;
  PyObject* cur = data;
  while (true) {
    // A tensor inside the data is a scalar (PyTorch: tensor([t1, t2]) of one-element
    // tensors has shape (2,) whatever their dims; a bigger one is a ValueError).
    if (is_tensor(cur)) break;
    if (!is_data_sequence(cur)) break;
    const Py_ssize_t n = PySequence_Length(cur);
    if (n < 0) throw python_error();
    sizes.push_back(n);
    EMBER_CHECK_VALUE(sizes.size() <= kMaxDims, "too many dimensions '", Py_TYPE(cur)->tp_name, "'");
    if (n == 0) break;
    PyObject* first = PySequence_GetItem(cur, 0);
    if (!first) throw python_error();
    holder.reset(first);
    cur = first;
  }
  return sizes;
}

// One element of tensor(data) into dst, converted as PyTorch's store_scalar does,
// by the target dtype rather than by the element's own type:
//   floating  float(o): big ints round (to inf in float16), too big for a double is
//             OverflowError, anything without __float__ a TypeError
//   integral  a float (Python float or a subclass such as numpy.float64) truncates
//             after a range check; anything else must have __index__ (so numpy.float32
//             is a TypeError) and fit int64 (ValueError) and the dtype (RuntimeError)
//   bool      a float's, numpy.bool's or int's (any size) truth; anything else needs __index__
void store_scalar(char* dst, ScalarType dtype, PyObject* o) {
  Scalar s;
  if (is_tensor(o)) {
    const Tensor& t = tensor_of(o);
    EMBER_CHECK_VALUE(t.numel() == 1, "only one element tensors can be converted to Python scalars");
    s = t.item();
  } else {
    EMBER_CHECK_TYPEERR(!is_string_like(o), "new(): invalid data type '", Py_TYPE(o)->tp_name, "'");
    if (is_floating_type(dtype)) {
      const double d = PyFloat_AsDouble(o);
      if (d == -1.0 && PyErr_Occurred()) throw python_error();
      s = Scalar(d);
    } else if (PyFloat_Check(o)) {
      s = dtype == ScalarType::Bool ? Scalar(PyFloat_AS_DOUBLE(o) != 0.0) : Scalar(PyFloat_AS_DOUBLE(o));
    } else if (dtype == ScalarType::Bool && is_numpy_bool(o)) {
      s = Scalar(o == Py_True || PyObject_IsTrue(o) == 1);
    } else {
      int overflow = 0;
      const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);  // __index__ for non-ints
      if (v == -1 && PyErr_Occurred()) throw python_error();
      if (dtype == ScalarType::Bool) {
        s = Scalar(overflow != 0 || v != 0);  // an int too big for int64 is still true
      } else {
        EMBER_CHECK_VALUE(overflow == 0, "Overflow when unpacking long long");
        s = Scalar(static_cast<int64_t>(v));
      }
    }
  }
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(dtype, "tensor", [&] {
    if constexpr (std::is_integral_v<scalar_t> && !std::is_same_v<scalar_t, bool>) {
      // Out-of-range values are an error, not a wrap-around (PyTorch's check).
      const double lo = static_cast<double>(std::numeric_limits<scalar_t>::lowest());
      const double hi = static_cast<double>(std::numeric_limits<scalar_t>::max());
      const bool ok = s.is_floating_point()
                          ? !(s.to_double() < lo) && !(s.to_double() > hi) && !std::isnan(s.to_double())
                          : s.to_long() >= static_cast<int64_t>(std::numeric_limits<scalar_t>::lowest()) &&
                                static_cast<uint64_t>(std::max<int64_t>(s.to_long(), 0)) <=
                                    static_cast<uint64_t>(std::numeric_limits<scalar_t>::max());
      EMBER_CHECK(ok, "value cannot be converted to type ", to_string(dtype), " without overflow");
    }
    const scalar_t v = s.to<scalar_t>();
    std::memcpy(dst, &v, sizeof v);
  });
}

void recursive_store(char* data, const std::vector<int64_t>& sizes,
                     const std::vector<int64_t>& byte_strides, size_t dim, ScalarType dtype,
                     size_t itemsize, PyObject* obj) {
  const size_t ndim = sizes.size();
  if (dim == ndim) {
    store_scalar(data, dtype, obj);
    return;
  }
  if (is_tensor(obj)) {
    // A tensor fills the remaining dims (its shape was checked against them).
    const Tensor& t = tensor_of(obj);
    const IntArrayRef want(sizes.data() + dim, ndim - dim);
    EMBER_CHECK_VALUE(t.sizes() == want, "expected a tensor of shape ", want, " at dim ", dim,
                      " (got ", t.sizes(), ")");
    const Tensor c = cpu_contiguous(t, dtype);
    std::memcpy(data, c.data_ptr(), c.nbytes());  // the destination block is contiguous too
    return;
  }
  EMBER_CHECK_TYPEERR(is_data_sequence(obj), "not a sequence");
  Ref seq(PySequence_Fast(obj, "not a sequence"));
  if (!seq.p) throw python_error();
  const Py_ssize_t n = PySequence_Fast_GET_SIZE(seq.p);
  EMBER_CHECK_VALUE(n == sizes[dim], "expected sequence of length ", sizes[dim], " at dim ", dim,
                    " (got ", n, ")");
  PyObject* const* items = PySequence_Fast_ITEMS(seq.p);
  for (Py_ssize_t i = 0; i < n; ++i) {
    recursive_store(data + i * byte_strides[dim], sizes, byte_strides, dim + 1, dtype, itemsize,
                    items[i]);
  }
}

Tensor finish(Tensor t, std::optional<ScalarType> dtype, std::optional<Device> device, bool copy) {
  return t.to(dtype, std::nullopt, device, std::nullopt, false, copy, std::nullopt);
}

}  // namespace

Tensor tensor_from_data(PyObject* data, std::optional<ScalarType> dtype,
                        std::optional<Device> device, bool warn_on_tensor) {
  if (is_tensor(data)) {
    if (warn_on_tensor) {
      if (PyErr_WarnEx(PyExc_UserWarning,
                       "To copy construct from a tensor, it is recommended to use "
                       "sourceTensor.clone().detach() or "
                       "sourceTensor.clone().detach().requires_grad_(True), rather than "
                       "ember.tensor(sourceTensor).",
                       1) < 0) {
        throw python_error();
      }
    }
    return finish(tensor_of(data), dtype, device, /*copy=*/true);
  }
  if (is_ndarray(data)) {
    // Same checks as from_numpy (negative strides raise), but no read-only warning:
    // the data is copied.
    return finish(tensor_from_numpy(data, /*warn_if_not_writable=*/false), dtype, device, /*copy=*/true);
  }
  const ScalarType st = dtype ? *dtype : infer_scalar_type(data);
  const std::vector<int64_t> sizes = compute_sizes(data);
  Tensor t = empty_tensor(sizes, st, Device(DeviceType::CPU));
  const size_t itemsize = element_size(st);
  std::vector<int64_t> byte_strides(sizes.size());
  for (size_t d = 0; d < sizes.size(); ++d) byte_strides[d] = t.stride(static_cast<int64_t>(d)) * itemsize;
  if (t.numel() > 0) {
    recursive_store(static_cast<char*>(t.data_ptr()), sizes, byte_strides, 0, st, itemsize, data);
  }
  if (device && !device->is_cpu()) return finish(std::move(t), std::nullopt, device, false);
  return t;
}

Tensor as_tensor(PyObject* data, std::optional<ScalarType> dtype, std::optional<Device> device) {
  if (is_tensor(data)) return finish(tensor_of(data), dtype, device, false);
  if (is_ndarray(data)) return finish(tensor_from_numpy(data, /*warn_if_not_writable=*/true), dtype, device, false);
  return tensor_from_data(data, dtype, device, false);
}

PyObject* py_tensor(PyObject*, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  static PythonArgParser parser({
      "tensor(PyObject* data, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False, bool pin_memory=False)",
  });
  PyObject* parsed[5];
  PythonArgs r = parser.parse(nullptr, args, nargs, kwnames, parsed);
  EMBER_CHECK_NOT_IMPLEMENTED(!r.toBool(3), "ember has no autograd yet: requires_grad=True is not supported");
  EMBER_CHECK_NOT_IMPLEMENTED(!r.toBool(4), "pin_memory=True is not supported by ember yet");
  return wrap_tensor(tensor_from_data(r.object(0) ? r.object(0) : Py_None, r.scalartype_optional(1),
                                      r.device_optional(2), true));
  EMBER_PY_CATCH
}

PyObject* py_as_tensor(PyObject*, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  static PythonArgParser parser({
      "as_tensor(PyObject* data, ScalarType? dtype=None, Device? device=None)",
  });
  PyObject* parsed[3];
  PythonArgs r = parser.parse(nullptr, args, nargs, kwnames, parsed);
  PyObject* data = r.object(0) ? r.object(0) : Py_None;
  if (is_tensor(data)) {
    Tensor out = as_tensor(data, r.scalartype_optional(1), r.device_optional(2));
    if (out.is_same(tensor_of(data))) {
      Py_INCREF(data);
      return data;
    }
    return wrap_tensor(std::move(out));
  }
  return wrap_tensor(as_tensor(data, r.scalartype_optional(1), r.device_optional(2)));
  EMBER_PY_CATCH
}

// ---------------------------------------------------------------------------
// tolist

namespace {

PyObject* load_element(const char* p, ScalarType dtype) {
  return EMBER_DISPATCH_ALL_TYPES_AND_BOOL(dtype, "tolist", [&]() -> PyObject* {
    scalar_t v;
    std::memcpy(&v, p, sizeof v);
    if constexpr (std::is_same_v<scalar_t, bool>) {
      return PyBool_FromLong(v);
    } else if constexpr (std::is_integral_v<scalar_t>) {
      return PyLong_FromLongLong(static_cast<long long>(v));
    } else {
      return PyFloat_FromDouble(static_cast<double>(v));
    }
  });
}

PyObject* tolist_rec(const char* data, IntArrayRef sizes, IntArrayRef strides, size_t dim,
                     ScalarType dtype, int64_t itemsize) {
  if (dim == sizes.size()) return load_element(data, dtype);
  const int64_t n = sizes[dim];
  PyObject* list = check(PyList_New(static_cast<Py_ssize_t>(n)));
  for (int64_t i = 0; i < n; ++i) {
    PyObject* item = nullptr;
    try {
      item = tolist_rec(data + i * strides[dim] * itemsize, sizes, strides, dim + 1, dtype, itemsize);
    } catch (...) {
      Py_DECREF(list);
      throw;
    }
    if (!item) {
      Py_DECREF(list);
      throw python_error();
    }
    PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), item);
  }
  return list;
}

}  // namespace

PyObject* tensor_tolist(const Tensor& t) {
  const Tensor host = t.is_cpu() ? t : cpu_contiguous(t, t.dtype());
  PyObject* r = tolist_rec(static_cast<const char*>(host.data_ptr()), host.sizes(), host.strides(), 0,
                           host.dtype(), static_cast<int64_t>(host.element_size()));
  return check(r);
}

}  // namespace ember::python
