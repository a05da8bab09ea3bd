#pragma once
// C++ results -> new Python references, for the generated bindings.
//
//   wrap(Tensor)                    ember.Tensor (None when undefined)
//   wrap(std::tuple<Tensor, Tensor>) a plain tuple
//   wrap_named(tuple, "max", {"values", "indices"})
//                                   a named tuple like torch.return_types.max,
//                                   of type ember.return_types.max
//   wrap(std::vector<Tensor>)       a tuple of tensors
//   wrap(Scalar / int64_t / double / bool / ScalarType / Device)
// Each returns a new reference, or throws python_error when CPython fails.
#include <Python.h>

#include <cstdint>
#include <initializer_list>
#include <tuple>
#include <vector>

#include <ember/core/Tensor.h>
#include <ember/python/Exceptions.h>
#include <ember/python/PyNumbers.h>
#include <ember/python/PyTensor.h>

namespace ember::python {

inline PyObject* wrap(Tensor t) { return check(wrap_tensor(std::move(t))); }
PyObject* wrap(std::vector<Tensor> ts);
PyObject* wrap(const Scalar& s);
PyObject* wrap(ScalarType t);
PyObject* wrap(Device d);
inline PyObject* wrap(bool b) { return PyBool_FromLong(b); }
inline PyObject* wrap(int64_t v) { return check(PyLong_FromLongLong(v)); }
inline PyObject* wrap(double v) { return check(PyFloat_FromDouble(v)); }
inline PyObject* wrap(int v) { return wrap(static_cast<int64_t>(v)); }

template <typename... Ts>
PyObject* wrap(const std::tuple<Ts...>& t) {
  PyObject* r = check(PyTuple_New(sizeof...(Ts)));
  try {
    std::apply(
        [&](const auto&... xs) {
          Py_ssize_t i = 0;
          ((PyTuple_SET_ITEM(r, i++, wrap(Tensor(xs)))), ...);
        },
        t);
  } catch (...) {
    Py_DECREF(r);
    throw;
  }
  return r;
}

// The named-tuple type ember.return_types.<name> with the given fields (created on
// first use, then cached).
PyTypeObject* return_type(const char* name, std::initializer_list<const char*> fields);

template <typename... Ts>
PyObject* wrap_named(const std::tuple<Ts...>& t, const char* name,
                     std::initializer_list<const char*> fields) {
  PyTypeObject* type = return_type(name, fields);
  PyObject* r = check(PyStructSequence_New(type));
  try {
    std::apply(
        [&](const auto&... xs) {
          Py_ssize_t i = 0;
          ((PyStructSequence_SET_ITEM(r, i++, wrap(Tensor(xs)))), ...);
        },
        t);
  } catch (...) {
    Py_DECREF(r);
    throw;
  }
  return r;
}

}  // namespace ember::python
