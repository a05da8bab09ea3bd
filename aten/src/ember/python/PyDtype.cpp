#include <ember/python/PyDtype.h>

#include <string>

#include <ember/python/Exceptions.h>

namespace ember::python {
namespace {

PyDtype* g_dtypes[kNumScalarTypes] = {};
PyLayout* g_strided = nullptr;
PyMemoryFormat* g_memory_formats[2] = {};

// Legacy aliases, as in PyTorch (torch.float is torch.float32, ...).
struct Alias {
  const char* name;
  ScalarType type;
};
constexpr Alias kAliases[] = {
    {"float", ScalarType::Float}, {"double", ScalarType::Double}, {"half", ScalarType::Half},
    {"long", ScalarType::Long},   {"int", ScalarType::Int},       {"short", ScalarType::Short},
};

PyObject* dtype_repr(PyObject* self) {
  return PyUnicode_FromFormat("ember.%s", to_string(reinterpret_cast<PyDtype*>(self)->scalar_type));
}
// Pickling: a string names a module-level global (ember.float32).
PyObject* dtype_reduce(PyObject* self, PyObject*) {
  return PyUnicode_FromString(to_string(reinterpret_cast<PyDtype*>(self)->scalar_type));
}
PyObject* dtype_is_floating_point(PyObject* self, void*) {
  return PyBool_FromLong(is_floating_type(reinterpret_cast<PyDtype*>(self)->scalar_type));
}
PyObject* dtype_is_signed(PyObject* self, void*) {
  return PyBool_FromLong(is_signed_type(reinterpret_cast<PyDtype*>(self)->scalar_type));
}
PyObject* dtype_is_complex(PyObject*, void*) { Py_RETURN_FALSE; }
PyObject* dtype_itemsize(PyObject* self, void*) {
  return PyLong_FromSize_t(element_size(reinterpret_cast<PyDtype*>(self)->scalar_type));
}

PyMethodDef dtype_methods[] = {
    {"__reduce__", dtype_reduce, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
PyGetSetDef dtype_getset[] = {
    {"is_floating_point", dtype_is_floating_point, nullptr, "True for float16/bfloat16/float32/float64", nullptr},
    {"is_signed", dtype_is_signed, nullptr, "False for uint8 and bool", nullptr},
    {"is_complex", dtype_is_complex, nullptr, "always False: ember has no complex dtypes", nullptr},
    {"itemsize", dtype_itemsize, nullptr, "bytes per element", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyObject* layout_repr(PyObject*) { return PyUnicode_FromString("ember.strided"); }
PyObject* layout_reduce(PyObject*, PyObject*) { return PyUnicode_FromString("strided"); }
PyMethodDef layout_methods[] = {
    {"__reduce__", layout_reduce, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const char* memory_format_name(MemoryFormat m) {
  return m == MemoryFormat::Contiguous ? "contiguous_format" : "preserve_format";
}
PyObject* memory_format_repr(PyObject* self) {
  return PyUnicode_FromFormat(
      "ember.%s", memory_format_name(reinterpret_cast<PyMemoryFormat*>(self)->memory_format));
}
PyObject* memory_format_reduce(PyObject* self, PyObject*) {
  return PyUnicode_FromString(
      memory_format_name(reinterpret_cast<PyMemoryFormat*>(self)->memory_format));
}
PyMethodDef memory_format_methods[] = {
    {"__reduce__", memory_format_reduce, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// Instances are created only here; the types refuse construction from Python
// (tp_new stays NULL), like torch.dtype.
template <typename T>
T* make_singleton(PyTypeObject* type) {
  T* obj = PyObject_New(T, type);
  if (!obj) throw python_error();
  return obj;
}

void add_object(PyObject* module, const char* name, PyObject* obj) {
  Py_INCREF(obj);
  if (PyModule_AddObject(module, name, obj) < 0) {
    Py_DECREF(obj);
    throw python_error();
  }
}

}  // namespace

PyTypeObject PyDtypeType = {PyVarObject_HEAD_INIT(nullptr, 0) "ember.dtype"};
PyTypeObject PyLayoutType = {PyVarObject_HEAD_INIT(nullptr, 0) "ember.layout"};
PyTypeObject PyMemoryFormatType = {PyVarObject_HEAD_INIT(nullptr, 0) "ember.memory_format"};

PyObject* dtype_object(ScalarType t) {
  const int i = static_cast<int>(t);
  if (i < 0 || i >= kNumScalarTypes) throw Error("dtype_object: undefined dtype");
  return reinterpret_cast<PyObject*>(g_dtypes[i]);
}
PyObject* layout_object(Layout) { return reinterpret_cast<PyObject*>(g_strided); }
PyObject* memory_format_object(MemoryFormat m) {
  return reinterpret_cast<PyObject*>(g_memory_formats[static_cast<int>(m)]);
}

bool is_dtype_like(PyObject* o) {
  return is_dtype(o) || o == reinterpret_cast<PyObject*>(&PyFloat_Type) ||
         o == reinterpret_cast<PyObject*>(&PyLong_Type) ||
         o == reinterpret_cast<PyObject*>(&PyBool_Type);
}

ScalarType to_scalar_type(PyObject* o) {
  if (is_dtype(o)) return reinterpret_cast<PyDtype*>(o)->scalar_type;
  if (o == reinterpret_cast<PyObject*>(&PyFloat_Type)) return ScalarType::Double;
  if (o == reinterpret_cast<PyObject*>(&PyLong_Type)) return ScalarType::Long;
  if (o == reinterpret_cast<PyObject*>(&PyBool_Type)) return ScalarType::Bool;
  throw TypeError(str("expected an ember.dtype (e.g. ember.float32), got ", Py_TYPE(o)->tp_name));
}

void init_dtypes(PyObject* module) {
  PyDtypeType.tp_basicsize = sizeof(PyDtype);
  PyDtypeType.tp_flags = Py_TPFLAGS_DEFAULT;
  PyDtypeType.tp_doc = "The element type of a tensor (ember.float32, ember.int64, ...).";
  PyDtypeType.tp_repr = dtype_repr;
  PyDtypeType.tp_methods = dtype_methods;
  PyDtypeType.tp_getset = dtype_getset;
  PyLayoutType.tp_basicsize = sizeof(PyLayout);
  PyLayoutType.tp_flags = Py_TPFLAGS_DEFAULT;
  PyLayoutType.tp_doc = "A tensor's memory layout (only ember.strided).";
  PyLayoutType.tp_repr = layout_repr;
  PyLayoutType.tp_methods = layout_methods;
  PyMemoryFormatType.tp_basicsize = sizeof(PyMemoryFormat);
  PyMemoryFormatType.tp_flags = Py_TPFLAGS_DEFAULT;
  PyMemoryFormatType.tp_doc = "How a new tensor's strides are chosen.";
  PyMemoryFormatType.tp_repr = memory_format_repr;
  PyMemoryFormatType.tp_methods = memory_format_methods;
  for (PyTypeObject* t : {&PyDtypeType, &PyLayoutType, &PyMemoryFormatType}) {
    if (PyType_Ready(t) < 0) throw python_error();
  }
  add_object(module, "dtype", reinterpret_cast<PyObject*>(&PyDtypeType));
  add_object(module, "layout", reinterpret_cast<PyObject*>(&PyLayoutType));
  add_object(module, "memory_format", reinterpret_cast<PyObject*>(&PyMemoryFormatType));

  for (int i = 0; i < kNumScalarTypes; ++i) {
    PyDtype* d = make_singleton<PyDtype>(&PyDtypeType);
    d->scalar_type = static_cast<ScalarType>(i);
    g_dtypes[i] = d;  // owned by this table for the life of the process
    add_object(module, to_string(d->scalar_type), reinterpret_cast<PyObject*>(d));
  }
  for (const Alias& a : kAliases) add_object(module, a.name, dtype_object(a.type));

  g_strided = make_singleton<PyLayout>(&PyLayoutType);
  g_strided->layout = Layout::Strided;
  add_object(module, "strided", reinterpret_cast<PyObject*>(g_strided));
  for (MemoryFormat m : {MemoryFormat::Contiguous, MemoryFormat::Preserve}) {
    PyMemoryFormat* f = make_singleton<PyMemoryFormat>(&PyMemoryFormatType);
    f->memory_format = m;
    g_memory_formats[static_cast<int>(m)] = f;
    add_object(module, memory_format_name(m), reinterpret_cast<PyObject*>(f));
  }
}

}  // namespace ember::python
