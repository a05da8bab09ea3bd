#include <ember/python/PyNumbers.h>

#include <string_view>

#include <ember/python/Exceptions.h>

namespace ember::python {

namespace {
std::string_view numpy_name(PyObject* o) { return std::string_view(Py_TYPE(o)->tp_name + 6); }
}  // namespace

bool is_numpy_bool(PyObject* o) {
  if (!is_numpy_scalar(o)) return false;
  const auto n = numpy_name(o);
  return n == "bool" || n == "bool_";
}

bool is_numpy_integer(PyObject* o) {
  return is_numpy_scalar(o) && !is_numpy_bool(o) && PyIndex_Check(o);
}

ScalarType numpy_scalar_type(PyObject* o) {
  if (!is_numpy_scalar(o)) return ScalarType::Undefined;
  const auto n = numpy_name(o);
  if (n == "float32") return ScalarType::Float;
  if (n == "float64") return ScalarType::Double;
  if (n == "float16") return ScalarType::Half;
  if (n == "int64" || n == "longlong") return ScalarType::Long;
  if (n == "int32") return ScalarType::Int;
  if (n == "int16") return ScalarType::Short;
  if (n == "int8") return ScalarType::Char;
  if (n == "uint8") return ScalarType::Byte;
  if (n == "bool" || n == "bool_") return ScalarType::Bool;
  return ScalarType::Undefined;
}

int64_t unpack_long(PyObject* o) {
  int overflow = 0;
  long long v;
  if (PyLong_Check(o)) {
    v = PyLong_AsLongLongAndOverflow(o, &overflow);
  } else {
    PyObject* idx = PyNumber_Index(o);
    if (!idx) throw python_error();
    v = PyLong_AsLongLongAndOverflow(idx, &overflow);
    Py_DECREF(idx);
  }
  if (overflow != 0) throw ValueError("Overflow when unpacking long long");
  if (v == -1 && PyErr_Occurred()) throw python_error();
  return static_cast<int64_t>(v);
}

Scalar to_scalar(PyObject* o) {
  if (PyBool_Check(o)) return Scalar(o == Py_True);
  if (PyLong_Check(o)) {
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (overflow != 0) {
      // A number argument (Scalar) that no int64 holds: PyTorch's OverflowError.
      PyErr_SetString(PyExc_OverflowError, "int too big to convert");
      throw python_error();
    }
    if (v == -1 && PyErr_Occurred()) throw python_error();
    return Scalar(static_cast<int64_t>(v));
  }
  if (PyFloat_Check(o)) return Scalar(PyFloat_AS_DOUBLE(o));
  if (is_numpy_scalar(o)) {
    if (is_numpy_bool(o)) {
      const int t = PyObject_IsTrue(o);
      if (t < 0) throw python_error();
      return Scalar(t != 0);
    }
    if (PyIndex_Check(o)) return Scalar(unpack_long(o));
    if (Py_TYPE(o)->tp_as_number && Py_TYPE(o)->tp_as_number->nb_float) {
      const double d = PyFloat_AsDouble(o);
      if (d == -1.0 && PyErr_Occurred()) throw python_error();
      return Scalar(d);
    }
  }
  throw TypeError(str("expected a number (bool, int or float), got ", Py_TYPE(o)->tp_name));
}

PyObject* scalar_to_py(const Scalar& s) {
  switch (s.tag()) {
    case Scalar::Tag::Bool:
      return PyBool_FromLong(s.to_bool());
    case Scalar::Tag::Int:
      return PyLong_FromLongLong(s.to_long());
    default:
      return PyFloat_FromDouble(s.to_double());
  }
}

}  // namespace ember::python
