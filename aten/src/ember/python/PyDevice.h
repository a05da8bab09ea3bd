#pragma once
// ember.device: a Python value object wrapping ember::Device, like torch.device.
//   ember.device("cuda:1"), ember.device("cuda", 1), ember.device(1) (== cuda:1)
//   d.type == "cuda", d.index == 1, str(d) == "cuda:1",
//   repr(d) == "device(type='cuda', index=1)"
#include <Python.h>

#include <ember/core/Device.h>

namespace ember::python {

struct PyDevice {
  PyObject_HEAD
  Device device;
};

extern PyTypeObject PyDeviceType;

inline bool is_device(PyObject* o) { return Py_TYPE(o) == &PyDeviceType; }
// New reference.
PyObject* device_object(Device d);
// An ember.device, a string ("cpu", "cuda:0") or an int (a CUDA ordinal), as the
// parser accepts for `Device` arguments. Raises TypeError/RuntimeError otherwise.
Device to_device(PyObject* o);
bool is_device_like(PyObject* o);

void init_device(PyObject* module);

}  // namespace ember::python
