#pragma once
// ember.Generator: a Python handle on an ember::Generator (Philox state, see
// Note [ember's random numbers] in core/Generator.h), like torch.Generator.
//   g = ember.Generator(); g.manual_seed(0); ember.rand(3, generator=g)
// The default generators are exposed as ember.default_generator (CPU) and
// returned by ember.manual_seed.
#include <Python.h>

#include <ember/core/Generator.h>

namespace ember::python {

struct PyGenerator {
  PyObject_HEAD
  Generator gen;
};

extern PyTypeObject PyGeneratorType;

inline bool is_generator(PyObject* o) { return PyObject_TypeCheck(o, &PyGeneratorType); }
// New reference to a Python object sharing g.
PyObject* generator_object(const Generator& g);
inline const Generator& generator_of(PyObject* o) { return reinterpret_cast<PyGenerator*>(o)->gen; }

void init_generator(PyObject* module);

}  // namespace ember::python
