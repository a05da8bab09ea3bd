#pragma once
// pybind11 type casters for ember's core types, so utility functions written with
// pybind11 (Module.cpp, ember/cuda/PythonBindings.cpp) can take and return them:
//   ember::Tensor       <-> ember.Tensor (load: tensors only; cast: a new ember.Tensor)
//   ember::ScalarType   <-> ember.dtype (load also accepts float/int/bool types)
//   ember::Device       <-> ember.device (load also accepts "cuda:0" and ints)
#include <pybind11/pybind11.h>

#include <ember/core/Tensor.h>
#include <ember/python/PyDevice.h>
#include <ember/python/PyDtype.h>
#include <ember/python/PyTensor.h>

namespace pybind11::detail {

template <>
struct type_caster<ember::Tensor> {
  PYBIND11_TYPE_CASTER(ember::Tensor, const_name("ember.Tensor"));
  bool load(handle src, bool) {
    if (!ember::python::is_tensor(src.ptr())) return false;
    value = ember::python::tensor_of(src.ptr());
    return true;
  }
  static handle cast(const ember::Tensor& t, return_value_policy, handle) {
    return ember::python::wrap_tensor(t);
  }
};

template <>
struct type_caster<ember::ScalarType> {
  PYBIND11_TYPE_CASTER(ember::ScalarType, const_name("ember.dtype"));
  bool load(handle src, bool) {
    if (!ember::python::is_dtype_like(src.ptr())) return false;
    value = ember::python::to_scalar_type(src.ptr());
    return true;
  }
  static handle cast(ember::ScalarType t, return_value_policy, handle) {
    PyObject* d = ember::python::dtype_object(t);
    Py_INCREF(d);
    return d;
  }
};

template <>
struct type_caster<ember::Device> {
  PYBIND11_TYPE_CASTER(ember::Device, const_name("ember.device"));
  bool load(handle src, bool) {
    if (!ember::python::is_device_like(src.ptr())) return false;
    value = ember::python::to_device(src.ptr());
    return true;
  }
  static handle cast(ember::Device d, return_value_policy, handle) {
    return ember::python::device_object(d);
  }
};

}  // namespace pybind11::detail
