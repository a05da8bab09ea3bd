#include <ember/python/PyGenerator.h>

#include <cstring>
#include <new>
#include <random>

#include <ember/core/Tensor.h>
#include <ember/python/Exceptions.h>
#include <ember/python/PyDevice.h>
#include <ember/python/PyTensor.h>

namespace ember::python {
namespace {

GeneratorImpl* impl_of(PyObject* self) { return reinterpret_cast<PyGenerator*>(self)->gen.get(); }

// Python ints in [-2**63, 2**64) are seeds; negative ones wrap modulo 2**64 as in
// PyTorch (torch.manual_seed(-1) is allowed).
uint64_t seed_from(PyObject* o) {
  EMBER_CHECK_TYPEERR(PyLong_Check(o) && !PyBool_Check(o), "manual_seed expected an int, got ",
                      Py_TYPE(o)->tp_name);
  const unsigned long long u = PyLong_AsUnsignedLongLong(o);
  if (!(u == static_cast<unsigned long long>(-1) && PyErr_Occurred())) return u;
  PyErr_Clear();
  const long long s = PyLong_AsLongLong(o);
  if (s == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    throw ValueError("Overflow when unpacking long long: seeds must lie in [-0x8000_0000_0000_0000, "
                "0xffff_ffff_ffff_ffff]");
  }
  return static_cast<uint64_t>(s);
}

PyObject* generator_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  EMBER_PY_TRY
  static const char* kwlist[] = {"device", nullptr};
  PyObject* dev = nullptr;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:Generator", const_cast<char**>(kwlist), &dev)) {
    return nullptr;
  }
  const Device device = dev && dev != Py_None ? to_device(dev) : Device(DeviceType::CPU);
  PyObject* self = type->tp_alloc(type, 0);
  if (!self) return nullptr;
  new (&reinterpret_cast<PyGenerator*>(self)->gen) Generator(std::make_shared<GeneratorImpl>(device));
  return self;
  EMBER_PY_CATCH
}

void generator_dealloc(PyObject* self) {
  reinterpret_cast<PyGenerator*>(self)->gen.~Generator();
  Py_TYPE(self)->tp_free(self);
}

PyObject* generator_manual_seed(PyObject* self, PyObject* seed) {
  EMBER_PY_TRY
  impl_of(self)->manual_seed(seed_from(seed));
  Py_INCREF(self);
  return self;
  EMBER_PY_CATCH
}

PyObject* generator_initial_seed(PyObject* self, PyObject*) {
  return PyLong_FromUnsignedLongLong(impl_of(self)->initial_seed());
}

// A fresh non-deterministic seed, installed and returned (torch.Generator.seed()).
PyObject* generator_seed(PyObject* self, PyObject*) {
  EMBER_PY_TRY
  std::random_device rd;
  const uint64_t s = (uint64_t(rd()) << 32) ^ rd();
  impl_of(self)->manual_seed(s);
  return PyLong_FromUnsignedLongLong(s);
  EMBER_PY_CATCH
}

// The state as a uint8 tensor of 16 bytes: seed then offset, little-endian words.
PyObject* generator_get_state(PyObject* self, PyObject*) {
  EMBER_PY_TRY
  const PhiloxState s = impl_of(self)->get_state();
  Tensor t = empty_tensor({16}, ScalarType::Byte, Device(DeviceType::CPU));
  std::memcpy(t.data_ptr(), &s.seed, 8);
  std::memcpy(static_cast<char*>(t.data_ptr()) + 8, &s.offset, 8);
  return wrap_tensor(std::move(t));
  EMBER_PY_CATCH
}

PyObject* generator_set_state(PyObject* self, PyObject* state) {
  EMBER_PY_TRY
  EMBER_CHECK_TYPEERR(is_tensor(state), "set_state expected an ember.uint8 tensor, got ",
                      Py_TYPE(state)->tp_name);
  const Tensor& t = tensor_of(state);
  EMBER_CHECK(t.dtype() == ScalarType::Byte && t.numel() == 16 && t.is_cpu() && t.is_contiguous(),
              "set_state: expected a contiguous CPU uint8 tensor of 16 elements (from get_state()), got ",
              t.describe());
  PhiloxState s;
  std::memcpy(&s.seed, t.data_ptr(), 8);
  std::memcpy(&s.offset, static_cast<const char*>(t.data_ptr()) + 8, 8);
  impl_of(self)->set_state(s);
  Py_INCREF(self);
  return self;
  EMBER_PY_CATCH
}

PyObject* generator_device(PyObject* self, void*) {
  EMBER_PY_TRY
  return device_object(impl_of(self)->device());
  EMBER_PY_CATCH
}

PyMethodDef generator_methods[] = {
    {"manual_seed", generator_manual_seed, METH_O, "Seeds the generator; returns it."},
    {"initial_seed", generator_initial_seed, METH_NOARGS, "The seed last set."},
    {"seed", generator_seed, METH_NOARGS, "Seeds from a non-deterministic source; returns the seed."},
    {"get_state", generator_get_state, METH_NOARGS, "The state as a uint8 tensor."},
    {"set_state", generator_set_state, METH_O, "Restores a state from get_state()."},
    {nullptr, nullptr, 0, nullptr},
};
PyGetSetDef generator_getset[] = {
    {"device", generator_device, nullptr, "the device the generator draws for", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

PyTypeObject PyGeneratorType = {PyVarObject_HEAD_INIT(nullptr, 0) "ember.Generator"};

PyObject* generator_object(const Generator& g) {
  PyObject* self = PyGeneratorType.tp_alloc(&PyGeneratorType, 0);
  if (!self) throw python_error();
  new (&reinterpret_cast<PyGenerator*>(self)->gen) Generator(g);
  return self;
}

void init_generator(PyObject* module) {
  PyGeneratorType.tp_basicsize = sizeof(PyGenerator);
  PyGeneratorType.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE;
  PyGeneratorType.tp_doc = "A random number generator (Philox4x32-10), like torch.Generator.";
  PyGeneratorType.tp_new = generator_new;
  PyGeneratorType.tp_dealloc = generator_dealloc;
  PyGeneratorType.tp_methods = generator_methods;
  PyGeneratorType.tp_getset = generator_getset;
  if (PyType_Ready(&PyGeneratorType) < 0) throw python_error();
  Py_INCREF(&PyGeneratorType);
  if (PyModule_AddObject(module, "Generator", reinterpret_cast<PyObject*>(&PyGeneratorType)) < 0) {
    Py_DECREF(&PyGeneratorType);
    throw python_error();
  }
}

}  // namespace ember::python
