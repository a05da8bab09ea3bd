#pragma once
// ember._C._cuda: the CUDA runtime functions behind python/ember/cuda/__init__.py.
// Called once from the module init (python/Module.cpp) in CUDA and ROCm builds; a
// CPU-only build has no _C._cuda and ember.cuda answers "not available" by itself.
#include <Python.h>

namespace ember::cuda {

// Adds the `_cuda` submodule to `module`. Returns false with a Python error set on failure.
bool init_python(PyObject* module);

}  // namespace ember::cuda
