#pragma once
// Tensors from Python data and back: ember.tensor, ember.as_tensor, Tensor.tolist.
//
// Note [dtype inference for ember.tensor]
// ---------------------------------------
// PyTorch's rules: a Python float is the default dtype, an int is int64, a bool is
// bool; NumPy scalars keep their dtype except numpy integers (int64, like Python
// ints) and numpy.float64 (a float subclass, so the default dtype); tensors and
// arrays inside the data keep theirs; the dtype of a sequence is the promotion of
// its elements' dtypes (so [1, 2.5] is float32, [True, 1] is int64), and an empty
// sequence is the default dtype. A given `dtype=` skips inference and converts
// each element (floats to ints truncate; ints wrap into uint8 like a C cast).
#include <Python.h>

#include <optional>

#include <ember/core/Tensor.h>

namespace ember::python {

// ember.tensor(data, dtype=None, device=None): always copies. A tensor as `data`
// warns like torch.tensor(tensor) when warn_on_tensor.
Tensor tensor_from_data(PyObject* data, std::optional<ScalarType> dtype,
                        std::optional<Device> device, bool warn_on_tensor);
// ember.as_tensor(data, dtype=None, device=None): shares memory with a tensor or a
// NumPy array when dtype and device already match; otherwise like ember.tensor.
Tensor as_tensor(PyObject* data, std::optional<ScalarType> dtype, std::optional<Device> device);

// Python's callable entry points (METH_FASTCALL | METH_KEYWORDS), added to ember._C.
PyObject* py_tensor(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames);
PyObject* py_as_tensor(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames);

}  // namespace ember::python
