#pragma once
// The Python objects for ember's enums: ember.dtype (ember.float32, ...),
// ember.layout (ember.strided) and ember.memory_format (ember.contiguous_format,
// ember.preserve_format). Each value is a singleton created at module init, so
// identity comparison (`t.dtype is ember.float32`) works as in PyTorch and the
// argument parser recognises them with one pointer comparison.
#include <Python.h>

#include <ember/core/ScalarType.h>
#include <ember/core/Tensor.h>

namespace ember::python {

struct PyDtype {
  PyObject_HEAD
  ScalarType scalar_type;
};
struct PyLayout {
  PyObject_HEAD
  Layout layout;
};
struct PyMemoryFormat {
  PyObject_HEAD
  MemoryFormat memory_format;
};

extern PyTypeObject PyDtypeType;
extern PyTypeObject PyLayoutType;
extern PyTypeObject PyMemoryFormatType;

inline bool is_dtype(PyObject* o) { return Py_TYPE(o) == &PyDtypeType; }
inline bool is_layout(PyObject* o) { return Py_TYPE(o) == &PyLayoutType; }
inline bool is_memory_format(PyObject* o) { return Py_TYPE(o) == &PyMemoryFormatType; }

// The singleton for a dtype (borrowed reference; lives as long as the module).
PyObject* dtype_object(ScalarType t);
PyObject* layout_object(Layout l);
PyObject* memory_format_object(MemoryFormat m);

// ember.float32 -> Float; the Python types float/int/bool -> Double/Long/Bool
// (PyTorch accepts those wherever a dtype is expected). Raises TypeError otherwise.
ScalarType to_scalar_type(PyObject* o);
// Whether to_scalar_type would accept o.
bool is_dtype_like(PyObject* o);

// Readies the types and adds ember.dtype/layout/memory_format, every dtype under its
// name and its legacy aliases (float, double, half, long, int, short), strided,
// contiguous_format and preserve_format to `module`.
void init_dtypes(PyObject* module);

}  // namespace ember::python
