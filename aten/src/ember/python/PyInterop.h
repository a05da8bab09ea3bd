#pragma once
// Zero-copy exchange with NumPy and DLPack.
//
// NumPy: ember.from_numpy(a) and Tensor.numpy() share memory. Both directions go
// through NumPy's __array_interface__ (a dict of shape, strides, typestr and the
// data address), so ember compiles without NumPy's headers and imports NumPy only
// when these are used. A tensor made from an array keeps the array alive through
// its storage's deleter (which takes the GIL to drop the reference).
//
// DLPack (v0.8, dlpack.h): Tensor.__dlpack__ exports a "dltensor" capsule whose
// DLManagedTensor holds a reference to the tensor; ember.from_dlpack consumes a
// capsule (renaming it "used_dltensor", as the protocol requires) and calls the
// producer's deleter when the last tensor using the memory dies.
#include <Python.h>

#include <ember/core/Tensor.h>

namespace ember::python {

// Instances of numpy.ndarray (or subclasses), recognised without importing NumPy.
bool is_ndarray(PyObject* o);
ScalarType ndarray_scalar_type(PyObject* arr);
// Shares the array's memory; ValueError/TypeError like torch.from_numpy for
// negative strides, unsupported dtypes, non-native byte order.
Tensor tensor_from_numpy(PyObject* arr, bool warn_if_not_writable);

// Tensor.__array_interface__ (a getter), Tensor.__dlpack__, Tensor.__dlpack_device__.
PyObject* tensor_array_interface(PyObject* self, void*);
PyObject* tensor_dlpack(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames);
PyObject* tensor_dlpack_device(PyObject* self, PyObject*);

// ember._C.from_numpy(array) and ember._C._from_dlpack(capsule).
PyObject* py_from_numpy(PyObject* module, PyObject* arr);
PyObject* py_from_dlpack_capsule(PyObject* module, PyObject* capsule);

}  // namespace ember::python
