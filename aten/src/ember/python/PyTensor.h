#pragma once
// ember._C.TensorBase: the Python object behind every ember.Tensor.
//
// Note [The Python tensor object]
// -------------------------------
// A raw CPython type rather than a pybind11 class, because `a + b` on tiny tensors
// must cost well under a microsecond: the number-protocol slots (nb_add, ...) and
// tp_richcompare call the operators directly, with no argument parsing and no
// pybind11 dispatch. The object is just the C++ handle:
//
//   struct PyTensor { PyObject_HEAD; ember::Tensor cdata; PyObject* dict; PyObject* weakrefs; }
//
// TensorBase itself is not garbage-collected: a tensor references no Python
// objects (a NumPy array backing a storage is held by the storage's deleter, not by
// the object). It has a lazily created __dict__ (so users may attach attributes, as
// on torch tensors) and supports weak references. The collector does not look
// into that __dict__, so a cycle through it (a tensor stored in its own
// attributes) is never freed.
//
// python/ember/_tensor.py defines `class Tensor(_C.TensorBase)` with the
// Python-level methods (repr, numpy, ...) and `__slots__ = ()`, so instances stay
// the size of TensorBase (CPython makes every class statement's instances
// GC-tracked; that costs little). ember._C is told about it at import
// (`_C._set_tensor_class(Tensor)`) and every tensor this module returns is an
// instance of it (like PyTorch's THPVariableClass).
//
// Python object identity is not preserved across the C++ boundary (a tensor
// returned by an operator is a new object) except where the bindings return an
// argument itself: in-place methods return `self`, out= returns the `out` object,
// and `t.to(t.dtype)` returns `t`.
#include <Python.h>

#include <ember/core/Tensor.h>

namespace ember::python {

struct PyTensor {
  PyObject_HEAD
  Tensor cdata;
  PyObject* dict;
  PyObject* weakrefs;
};

extern PyTypeObject PyTensorBaseType;
// ember.Tensor once _set_tensor_class ran (TensorBase before that).
extern PyTypeObject* g_tensor_class;

inline bool is_tensor(PyObject* o) {
  return Py_TYPE(o) == g_tensor_class || PyObject_TypeCheck(o, &PyTensorBaseType);
}
inline const Tensor& tensor_of(PyObject* o) { return reinterpret_cast<PyTensor*>(o)->cdata; }

// A new ember.Tensor object holding t; None for an undefined tensor. New reference.
PyObject* wrap_tensor(Tensor t);

// Python indexing (PyIndexing.cpp): t[index] and t[index] = value.
PyObject* tensor_getitem(PyObject* self, PyObject* index);
int tensor_setitem(PyObject* self, PyObject* index, PyObject* value);

// Nested Python lists of the elements (a number for a 0-dim tensor).
PyObject* tensor_tolist(const Tensor& t);

// Readies TensorBase and adds it to `module`.
void init_tensor_type(PyObject* module);
// Adds the hand-written methods (size, to, item, ...) to the type; called after the
// generated ones so that these win where both exist.
void add_hand_written_methods(PyTypeObject* type);
// Records ember.Tensor (a subclass of TensorBase) as the class of returned tensors.
void set_tensor_class(PyObject* cls);

}  // namespace ember::python
