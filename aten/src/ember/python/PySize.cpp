#include <ember/python/PySize.h>

#include <string>

#include <ember/python/Exceptions.h>

namespace ember::python {
namespace {

PyMappingMethods size_as_mapping;
PySequenceMethods size_as_sequence;

// Re-types a plain tuple result (from slicing, +, *) as an ember.Size.
PyObject* as_size(PyObject* tuple) {
  if (!tuple || !PyTuple_CheckExact(tuple)) return tuple;
  const Py_ssize_t n = PyTuple_GET_SIZE(tuple);
  PyObject* s = PySizeType.tp_alloc(&PySizeType, n);
  if (!s) {
    Py_DECREF(tuple);
    return nullptr;
  }
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* item = PyTuple_GET_ITEM(tuple, i);
    Py_INCREF(item);
    PyTuple_SET_ITEM(s, i, item);
  }
  Py_DECREF(tuple);
  return s;
}

PyObject* size_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  EMBER_PY_TRY
  PyObject* seq = nullptr;
  if (!PyArg_ParseTuple(args, "|O:Size", &seq)) return nullptr;
  EMBER_CHECK_TYPEERR(!kwargs || PyDict_GET_SIZE(kwargs) == 0, "Size() takes no keyword arguments");
  PyObject* items = seq ? check(PySequence_Tuple(seq)) : PyTuple_New(0);
  const Py_ssize_t n = PyTuple_GET_SIZE(items);
  PyObject* s = type->tp_alloc(type, n);
  if (!s) {
    Py_DECREF(items);
    return nullptr;
  }
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* item = PyTuple_GET_ITEM(items, i);
    // Every element must be an integer (ints, numpy ints, 0-dim integer tensors).
    PyObject* as_int = PyIndex_Check(item) && !PyBool_Check(item) ? PyNumber_Index(item) : nullptr;
    if (!as_int) {
      PyErr_Clear();
      const std::string tn = Py_TYPE(item)->tp_name;
      Py_DECREF(items);
      Py_DECREF(s);
      throw TypeError(str("ember.Size() takes an iterable of 'int' (item ", i, " is '", tn, "')"));
    }
    PyTuple_SET_ITEM(s, i, as_int);
  }
  Py_DECREF(items);
  return s;
  EMBER_PY_CATCH
}

PyObject* size_repr(PyObject* self) {
  std::string r = "ember.Size([";
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(self); ++i) {
    if (i) r += ", ";
    PyObject* s = PyObject_Str(PyTuple_GET_ITEM(self, i));
    if (!s) return nullptr;
    r += PyUnicode_AsUTF8(s);
    Py_DECREF(s);
  }
  r += "])";
  return PyUnicode_FromStringAndSize(r.data(), static_cast<Py_ssize_t>(r.size()));
}

PyObject* size_subscript(PyObject* self, PyObject* key) {
  return as_size(PyTuple_Type.tp_as_mapping->mp_subscript(self, key));
}
PyObject* size_concat(PyObject* a, PyObject* b) {
  return as_size(PyTuple_Type.tp_as_sequence->sq_concat(a, b));
}
PyObject* size_repeat(PyObject* a, Py_ssize_t n) {
  return as_size(PyTuple_Type.tp_as_sequence->sq_repeat(a, n));
}

PyObject* size_numel(PyObject* self, PyObject*) {
  EMBER_PY_TRY
  long long n = 1;
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(self); ++i) {
    const long long v = PyLong_AsLongLong(PyTuple_GET_ITEM(self, i));
    if (v == -1 && PyErr_Occurred()) throw python_error();
    n *= v;
  }
  return PyLong_FromLongLong(n);
  EMBER_PY_CATCH
}

PyObject* size_reduce(PyObject* self, PyObject*) {
  PyObject* t = PyTuple_GetSlice(self, 0, PyTuple_GET_SIZE(self));  // a plain tuple
  if (!t) return nullptr;
  PyObject* r = Py_BuildValue("(O(N))", reinterpret_cast<PyObject*>(&PySizeType), t);
  return r;
}

PyMethodDef size_methods[] = {
    {"numel", size_numel, METH_NOARGS, "The number of elements a tensor of this size has."},
    {"__reduce__", size_reduce, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

PyTypeObject PySizeType = {PyVarObject_HEAD_INIT(nullptr, 0) "ember.Size"};

PyObject* size_object(IntArrayRef sizes) {
  PyObject* s = PySizeType.tp_alloc(&PySizeType, static_cast<Py_ssize_t>(sizes.size()));
  if (!s) throw python_error();
  for (size_t i = 0; i < sizes.size(); ++i) {
    PyObject* v = PyLong_FromLongLong(sizes[i]);
    if (!v) {
      Py_DECREF(s);
      throw python_error();
    }
    PyTuple_SET_ITEM(s, static_cast<Py_ssize_t>(i), v);
  }
  return s;
}

void init_size(PyObject* module) {
  size_as_mapping = *PyTuple_Type.tp_as_mapping;
  size_as_mapping.mp_subscript = size_subscript;
  size_as_sequence = *PyTuple_Type.tp_as_sequence;
  size_as_sequence.sq_concat = size_concat;
  size_as_sequence.sq_repeat = size_repeat;
  PySizeType.tp_base = &PyTuple_Type;
  PySizeType.tp_basicsize = PyTuple_Type.tp_basicsize;
  PySizeType.tp_itemsize = PyTuple_Type.tp_itemsize;
  PySizeType.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_TUPLE_SUBCLASS;
  PySizeType.tp_doc = "The shape of a tensor: a tuple of ints.";
  PySizeType.tp_new = size_new;
  PySizeType.tp_repr = size_repr;
  PySizeType.tp_as_mapping = &size_as_mapping;
  PySizeType.tp_as_sequence = &size_as_sequence;
  PySizeType.tp_methods = size_methods;
  if (PyType_Ready(&PySizeType) < 0) throw python_error();
  Py_INCREF(&PySizeType);
  if (PyModule_AddObject(module, "Size", reinterpret_cast<PyObject*>(&PySizeType)) < 0) {
    Py_DECREF(&PySizeType);
    throw python_error();
  }
}

}  // namespace ember::python
