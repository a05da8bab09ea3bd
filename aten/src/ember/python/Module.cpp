// ember._C: the extension module. pybind11 builds the module and the utility
// functions that are not on a hot path; the tensor type, its number protocol and
// the operator bindings are raw CPython (see Note [The Python tensor object]).
#include <Python.h>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <thread>

#include <ember/config/cblas.h>
#include <ember/core/Allocator.h>
#include <ember/core/Generator.h>
#include <ember/core/TypePromotion.h>
#include <ember/native/Parallel.h>
#include <ember/python/Exceptions.h>
#include <ember/python/PyDevice.h>
#include <ember/python/PyDtype.h>
#include <ember/python/PyGenerator.h>
#include <ember/python/PyInterop.h>
#include <ember/python/PyNumbers.h>
#include <ember/python/PySize.h>
#include <ember/python/PyTensor.h>
#include <ember/python/PyTensorNew.h>
#include <ember/python/pybind.h>
#if EMBER_USE_CUDA || EMBER_USE_ROCM
#include <ember/cuda/PythonBindings.h>
#endif


namespace py = pybind11;

// Emitted by the code generator into python_bindings.cpp.
// Each returns false with a Python error set on failure.
namespace ember::python::generated {
bool init_functions(PyObject* module);
bool init_methods(PyTypeObject* tensor_type);
}  // namespace ember::python::generated

namespace ember::python {
namespace {

#define EMBER_FASTCALL_KW(fn) reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(fn))

// Raw CPython functions: called often enough that pybind11's dispatch would show.
PyMethodDef raw_functions[] = {
    {"tensor", EMBER_FASTCALL_KW(py_tensor), METH_FASTCALL | METH_KEYWORDS,
     "tensor(data, *, dtype=None, device=None, requires_grad=False) -> Tensor\n\n"
     "A new tensor holding a copy of `data` (nested lists/tuples of numbers, NumPy "
     "arrays, tensors); the dtype is inferred like PyTorch's when not given."},
    {"as_tensor", EMBER_FASTCALL_KW(py_as_tensor), METH_FASTCALL | METH_KEYWORDS,
     "as_tensor(data, dtype=None, device=None) -> Tensor\n\n"
     "Like tensor(), but shares memory with a tensor or NumPy array when possible."},
    {"from_numpy", py_from_numpy, METH_O,
     "from_numpy(ndarray) -> Tensor\n\nA tensor sharing the array's memory (no copy)."},
    {"_from_dlpack", py_from_dlpack_capsule, METH_O,
     "_from_dlpack(capsule) -> Tensor\n\nConsumes a DLPack 'dltensor' capsule (zero-copy)."},
    {nullptr, nullptr, 0, nullptr},
};

// A result_type operand: a tensor, or a number (a wrapped scalar).
ResultTypeState add_operand(py::handle o, const ResultTypeState& s) {
  if (is_tensor(o.ptr())) return update_result_type_state(tensor_of(o.ptr()), s);
  if (is_number(o.ptr())) return update_result_type_state(to_scalar(o.ptr()), s);
  throw TypeError(str("result_type(): expected a Tensor or a Number, got ", Py_TYPE(o.ptr())->tp_name));
}

// Kernels and BLAS share one thread budget.
void set_num_threads(int n) {
  ember::set_num_threads(n);
  openblas_set_num_threads(n);
}

void init_module(py::module_& m) {
  PyObject* mod = m.ptr();
  init_dtypes(mod);
  init_device(mod);
  init_size(mod);
  init_generator(mod);
  init_tensor_type(mod);

  // Generated operators: functions in _C._VariableFunctions (re-exported by
  // ember/__init__.py), methods on TensorBase; then the hand-written methods, which
  // win where both exist.
  py::module_ vf = m.def_submodule("_VariableFunctions", "ember's generated operator functions");
  if (!generated::init_functions(vf.ptr()) || !generated::init_methods(&PyTensorBaseType)) {
    throw py::error_already_set();
  }
  add_hand_written_methods(&PyTensorBaseType);

  if (PyModule_AddFunctions(mod, raw_functions) < 0) throw py::error_already_set();

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (...) {
      set_python_error_from_current_exception();
    }
  });

  m.attr("_LinAlgError") = py::handle(linalg_error_type());
  m.def("_set_tensor_class", [](py::handle cls) { set_tensor_class(cls.ptr()); },
        "Records ember.Tensor as the class of every tensor _C returns.");

  m.def("get_default_dtype", [] { return default_dtype(); },
        "The dtype of Python floats in new tensors (ember.float32 unless changed).");
  m.def("set_default_dtype", [](ScalarType t) { set_default_dtype(t); }, py::arg("d"),
        "Sets the default floating-point dtype (float16, bfloat16, float32 or float64).");

  m.def("promote_types", [](ScalarType a, ScalarType b) { return promote_types(a, b); },
        py::arg("type1"), py::arg("type2"), "The smallest dtype both can be converted to.");
  m.def("can_cast", [](ScalarType from, ScalarType to) { return can_cast(from, to); },
        py::arg("from_"), py::arg("to"),
        "Whether PyTorch's casting rules allow writing `from_` values into `to` outputs.");
  m.def("result_type",
        [](py::handle a, py::handle b) { return result_type(add_operand(b, add_operand(a, {}))); },
        py::arg("tensor1"), py::arg("tensor2"),
        "The dtype an arithmetic operation on the two operands produces.");

  m.def("manual_seed",
        [](py::handle seed) {
          // Validate and convert like Generator.manual_seed, then seed every default generator.
          py::object g = py::reinterpret_steal<py::object>(
              generator_object(default_generator(Device(DeviceType::CPU))));
          py::object r = g.attr("manual_seed")(seed);
          manual_seed(generator_of(g.ptr())->initial_seed());
          return g;
        },
        py::arg("seed"), "Seeds every default generator; returns the CPU one.");
  m.def("initial_seed", [] { return default_generator(Device(DeviceType::CPU))->initial_seed(); },
        "The seed of the default CPU generator.");
  m.def("seed",
        [] {
          py::object g = py::reinterpret_steal<py::object>(
              generator_object(default_generator(Device(DeviceType::CPU))));
          py::object s = g.attr("seed")();
          manual_seed(s.cast<uint64_t>());
          return s;
        },
        "Seeds every default generator non-deterministically; returns the seed.");
  m.attr("default_generator") = py::reinterpret_steal<py::object>(
      generator_object(default_generator(Device(DeviceType::CPU))));

  m.def("set_num_threads", &set_num_threads, py::arg("n"),
        "Threads used by ember's CPU kernels (OpenMP) and by BLAS.");
  m.def("get_num_threads", [] { return ember::get_num_threads(); }, "Threads used by ember's CPU kernels.");

  m.def("_cpu_allocator_stats",
        [] {
          const CPUAllocatorStats s = cpu_allocator_stats();
          py::dict d;
          d["allocated_bytes"] = s.allocated_bytes;
          d["cached_bytes"] = s.cached_bytes;
          return d;
        },
        "Bytes handed out and bytes cached by the CPU caching allocator.");
  m.def("_cpu_empty_cache", [] { get_allocator(DeviceType::CPU)->empty_cache(); },
        "Returns the CPU allocator's cached blocks to the system.");
  m.attr("_blas") = EMBER_BLAS_DESCRIPTION;
  // ember.version falls back on these when _build_config.py is not importable.
  m.attr("_version") = EMBER_VERSION_STR;
  m.attr("_cuda_version") = EMBER_CUDA_VERSION_STR;
  m.attr("_hip_version") = EMBER_HIP_VERSION_STR;
  m.attr("_has_openmp") = static_cast<bool>(EMBER_USE_OPENMP);
#if EMBER_USE_CUDA || EMBER_USE_ROCM
  // _C._cuda (ember.cuda's runtime functions); absent in CPU-only builds.
  if (!ember::cuda::init_python(mod)) throw py::error_already_set();
#endif
}

}  // namespace
}  // namespace ember::python

PYBIND11_MODULE(_C, m) {
  try {
    ember::python::init_module(m);
  } catch (ember::python::python_error& e) {
    e.restore();
    throw pybind11::error_already_set();
  }
}
