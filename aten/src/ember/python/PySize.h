#pragma once
// ember.Size: the type of Tensor.shape / Tensor.size(), a tuple subclass like
// torch.Size. repr is "ember.Size([2, 3])"; slicing and + keep the type;
// numel() multiplies the sizes.
#include <Python.h>

#include <ember/core/ArrayRef.h>

namespace ember::python {

extern PyTypeObject PySizeType;

// New reference.
PyObject* size_object(IntArrayRef sizes);
void init_size(PyObject* module);

}  // namespace ember::python
