#include <ember/python/PyDevice.h>

#include <string>

#include <ember/python/Exceptions.h>

namespace ember::python {
namespace {

std::string unicode_to_string(PyObject* o) {
  Py_ssize_t n = 0;
  const char* s = PyUnicode_AsUTF8AndSize(o, &n);
  if (!s) throw python_error();
  return std::string(s, static_cast<size_t>(n));
}

Device device_from_index(long long index) {
  EMBER_CHECK(index >= 0, "Device index must not be negative");
  EMBER_CHECK(index < 128, "Device index ", index, " is too large");
  return Device(DeviceType::CUDA, static_cast<int8_t>(index));
}

// device(str type_or_spec, int? index=None) | device(int index) | device(device)
PyObject* device_new(PyTypeObject*, PyObject* args, PyObject* kwargs) {
  EMBER_PY_TRY
  static const char* kwlist[] = {"type", "index", nullptr};
  PyObject* spec = nullptr;
  PyObject* index = Py_None;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O:device", const_cast<char**>(kwlist), &spec,
                                   &index)) {
    return nullptr;
  }
  Device d;
  if (is_device(spec)) {
    d = reinterpret_cast<PyDevice*>(spec)->device;
  } else if (PyLong_Check(spec) && !PyBool_Check(spec)) {
    d = device_from_index(PyLong_AsLongLong(spec));
  } else if (PyUnicode_Check(spec)) {
    d = Device(unicode_to_string(spec));
  } else {
    throw TypeError(str("device() received an invalid combination of arguments - got (",
                        Py_TYPE(spec)->tp_name, "), but expected one of:\n * (str type, int? index)\n"
                        " * (int index)\n * (ember.device device)"));
  }
  if (index != Py_None) {
    EMBER_CHECK_TYPEERR(PyLong_Check(index) && !PyBool_Check(index),
                        "device(): argument 'index' must be int, not ", Py_TYPE(index)->tp_name);
    EMBER_CHECK(PyUnicode_Check(spec) && !d.has_index(),
                "type (string) must not include an index because index was passed explicitly: ",
                d.str());
    const long long i = PyLong_AsLongLong(index);
    if (d.is_cpu()) {
      EMBER_CHECK(i == 0, "CPU device index must be -1 or zero, got ", i);
    } else {
      d = device_from_index(i);
    }
  }
  return device_object(d);
  EMBER_PY_CATCH
}

PyObject* device_repr(PyObject* self) {
  const Device d = reinterpret_cast<PyDevice*>(self)->device;
  if (d.has_index()) return PyUnicode_FromFormat("device(type='%s', index=%d)", to_string(d.type), d.index);
  return PyUnicode_FromFormat("device(type='%s')", to_string(d.type));
}
PyObject* device_str(PyObject* self) {
  return PyUnicode_FromString(reinterpret_cast<PyDevice*>(self)->device.str().c_str());
}
Py_hash_t device_hash(PyObject* self) {
  const Device d = reinterpret_cast<PyDevice*>(self)->device;
  Py_hash_t h = static_cast<Py_hash_t>(d.type) * 1000003 + d.index + 2;
  return h == -1 ? -2 : h;
}
PyObject* device_richcompare(PyObject* a, PyObject* b, int op) {
  if (!is_device(a) || !is_device(b) || (op != Py_EQ && op != Py_NE)) Py_RETURN_NOTIMPLEMENTED;
  const bool eq = reinterpret_cast<PyDevice*>(a)->device == reinterpret_cast<PyDevice*>(b)->device;
  return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}
PyObject* device_type(PyObject* self, void*) {
  return PyUnicode_FromString(to_string(reinterpret_cast<PyDevice*>(self)->device.type));
}
PyObject* device_index(PyObject* self, void*) {
  const Device d = reinterpret_cast<PyDevice*>(self)->device;
  if (!d.has_index()) Py_RETURN_NONE;
  return PyLong_FromLong(d.index);
}
PyObject* device_reduce(PyObject* self, PyObject*) {
  const Device d = reinterpret_cast<PyDevice*>(self)->device;
  PyObject* args = d.has_index() ? Py_BuildValue("(si)", to_string(d.type), int(d.index))
                                 : Py_BuildValue("(s)", to_string(d.type));
  if (!args) return nullptr;
  PyObject* r = PyTuple_Pack(2, reinterpret_cast<PyObject*>(&PyDeviceType), args);
  Py_DECREF(args);
  return r;
}

PyGetSetDef device_getset[] = {
    {"type", device_type, nullptr, "'cpu' or 'cuda'", nullptr},
    {"index", device_index, nullptr, "the device ordinal, or None", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
PyMethodDef device_methods[] = {
    {"__reduce__", device_reduce, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

PyTypeObject PyDeviceType = {PyVarObject_HEAD_INIT(nullptr, 0) "ember.device"};

PyObject* device_object(Device d) {
  PyDevice* obj = PyObject_New(PyDevice, &PyDeviceType);
  if (!obj) throw python_error();
  obj->device = d;
  return reinterpret_cast<PyObject*>(obj);
}

bool is_device_like(PyObject* o) {
  return is_device(o) || PyUnicode_Check(o) || (PyLong_Check(o) && !PyBool_Check(o));
}

Device to_device(PyObject* o) {
  if (is_device(o)) return reinterpret_cast<PyDevice*>(o)->device;
  if (PyUnicode_Check(o)) return Device(unicode_to_string(o));
  if (PyLong_Check(o) && !PyBool_Check(o)) {
    const long long i = PyLong_AsLongLong(o);
    if (i == -1 && PyErr_Occurred()) throw python_error();
    return device_from_index(i);
  }
  throw TypeError(str("expected an ember.device, a string or an int, got ", Py_TYPE(o)->tp_name));
}

void init_device(PyObject* module) {
  PyDeviceType.tp_basicsize = sizeof(PyDevice);
  PyDeviceType.tp_flags = Py_TPFLAGS_DEFAULT;
  PyDeviceType.tp_doc = "Where a tensor lives: ember.device('cpu'), ember.device('cuda', 0).";
  PyDeviceType.tp_new = device_new;
  PyDeviceType.tp_repr = device_repr;
  PyDeviceType.tp_str = device_str;
  PyDeviceType.tp_hash = device_hash;
  PyDeviceType.tp_richcompare = device_richcompare;
  PyDeviceType.tp_getset = device_getset;
  PyDeviceType.tp_methods = device_methods;
  if (PyType_Ready(&PyDeviceType) < 0) throw python_error();
  Py_INCREF(&PyDeviceType);
  if (PyModule_AddObject(module, "device", reinterpret_cast<PyObject*>(&PyDeviceType)) < 0) {
    Py_DECREF(&PyDeviceType);
    throw python_error();
  }
}

}  // namespace ember::python
