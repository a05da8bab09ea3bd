#pragma once
// Python numbers <-> ember::Scalar.
//
// A "number" is what PyTorch accepts where a Scalar or a wrapped-number tensor is
// expected: bool, int, float, and NumPy's scalar types (numpy.float32, numpy.int64,
// numpy.bool, ...). NumPy scalars are recognised by their type's module name, so
// ember needs neither NumPy's C API nor NumPy itself at build time.
#include <Python.h>

#include <cstdint>
#include <cstring>

#include <ember/core/Scalar.h>

namespace ember::python {

// numpy.<anything> scalar type (not ndarray).
inline bool is_numpy_scalar(PyObject* o) {
  const char* name = Py_TYPE(o)->tp_name;
  return std::strncmp(name, "numpy.", 6) == 0 && std::strcmp(name + 6, "ndarray") != 0;
}
bool is_numpy_bool(PyObject* o);
bool is_numpy_integer(PyObject* o);

inline bool is_number(PyObject* o) {
  return PyFloat_Check(o) || PyLong_Check(o) || (is_numpy_scalar(o) && !PyUnicode_Check(o) &&
                                                 !PyBytes_Check(o) && PyNumber_Check(o));
}

// Raises TypeError for non-numbers and, like PyTorch, OverflowError("int too big to convert")
// for a number argument / ValueError("Overflow when unpacking long long") for an int
// argument, when the int is outside int64.
Scalar to_scalar(PyObject* o);
int64_t unpack_long(PyObject* o);  // Python int (or __index__) -> int64, with the overflow check
// bool -> bool, Int -> int, Double -> float. New reference.
PyObject* scalar_to_py(const Scalar& s);

// ScalarType of a NumPy scalar (numpy.float32 -> Float), or Undefined when it has
// none ember supports. Used by ember.tensor's dtype inference.
ScalarType numpy_scalar_type(PyObject* o);

}  // namespace ember::python
