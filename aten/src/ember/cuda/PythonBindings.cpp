// ember._C._cuda (see PythonBindings.h). Small pybind11 functions: none of these is on
// a hot path, so pybind11's call overhead does not matter here.
#include <ember/cuda/PythonBindings.h>

#include <cuda_runtime.h>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <ember/core/DeviceHooks.h>
#include <ember/core/Generator.h>
#include <ember/cuda/CUDACachingAllocator.h>
#include <ember/cuda/CUDAGuard.h>
#include <ember/cuda/CUDAHooks.h>
#include <ember/cuda/CUDAStream.h>
#include <ember/cuda/Exceptions.h>

namespace py = pybind11;

namespace ember::cuda {
namespace {

// A device argument from Python: None or a negative index means the current device.
int device_arg(std::optional<int> device, const char* what) {
  check_available(what);
  if (!device || *device < 0) return current_device_index();
  EMBER_CHECK(*device < device_count(), what, ": device index ", *device,
              " is out of range: there are ", device_count(), " CUDA devices");
  return *device;
}

py::dict memory_stats(std::optional<int> device) {
  py::dict d;
  if (!is_available()) return d;
  const auto s = CUDACachingAllocator::stats(device_arg(device, "memory_stats"));
  d["allocated_bytes"] = s.allocated_bytes;
  d["reserved_bytes"] = s.reserved_bytes;
  d["peak_allocated_bytes"] = s.peak_allocated_bytes;
  d["peak_reserved_bytes"] = s.peak_reserved_bytes;
  d["num_allocs"] = s.num_allocs;
  d["num_cuda_mallocs"] = s.num_cuda_mallocs;
  d["num_cuda_frees"] = s.num_cuda_frees;
  d["num_alloc_retries"] = s.num_alloc_retries;
  d["num_ooms"] = s.num_ooms;
  d["active_blocks"] = s.active_blocks;
  d["cached_blocks"] = s.cached_blocks;
  return d;
}

void define_functions(py::module_& m) {
  m.def("is_available", [] { return is_available(); });
  m.def("device_count", [] { return device_count(); });
  m.def("current_device", [] {
    check_available("current_device");
    return current_device_index();
  });
  m.def("set_device", [](int index) { device_hooks(DeviceType::CUDA).set_device(index); });
  m.def("synchronize", [](std::optional<int> device) {
    if (!is_available()) return;
    device_hooks(DeviceType::CUDA).synchronize(device_arg(device, "synchronize"));
  }, py::arg("device") = py::none());
  m.def("empty_cache", [] { CUDACachingAllocator::empty_cache(); });
  m.def("memory_stats", &memory_stats, py::arg("device") = py::none());
  m.def("reset_peak_memory_stats", [](std::optional<int> device) {
    if (!is_available()) return;
    CUDACachingAllocator::reset_peak_stats(device_arg(device, "reset_peak_memory_stats"));
  }, py::arg("device") = py::none());
  m.def("mem_get_info", [](std::optional<int> device) {
    CUDAGuard guard(device_arg(device, "mem_get_info"));
    size_t free_bytes = 0, total_bytes = 0;
    EMBER_CUDA_CHECK(cudaMemGetInfo(&free_bytes, &total_bytes));
    return py::make_tuple(free_bytes, total_bytes);
  }, py::arg("device") = py::none());
  m.def("get_device_name", [](std::optional<int> device) {
    cudaDeviceProp prop{};
    EMBER_CUDA_CHECK(cudaGetDeviceProperties(&prop, device_arg(device, "get_device_name")));
    return std::string(prop.name);
  }, py::arg("device") = py::none());
  m.def("get_device_capability", [](std::optional<int> device) {
    cudaDeviceProp prop{};
    EMBER_CUDA_CHECK(cudaGetDeviceProperties(&prop, device_arg(device, "get_device_capability")));
    return py::make_tuple(prop.major, prop.minor);
  }, py::arg("device") = py::none());
  m.def("manual_seed", [](uint64_t seed, std::optional<int> device) {
    // Seeding is lazy in spirit: without a GPU there is no generator to seed.
    if (!is_available()) return;
    const int d = device_arg(device, "manual_seed");
    default_generator(Device(DeviceType::CUDA, static_cast<int8_t>(d)))->manual_seed(seed);
  }, py::arg("seed"), py::arg("device") = py::none());
  m.def("manual_seed_all", [](uint64_t seed) {
    for (int d = 0; d < device_count(); ++d) {
      default_generator(Device(DeviceType::CUDA, static_cast<int8_t>(d)))->manual_seed(seed);
    }
  });

  // Streams (Note [ember's CUDA streams]): Python holds (id, device) pairs.
  m.def("current_stream", [](std::optional<int> device) {
    const CUDAStream s = getCurrentCUDAStream(device_arg(device, "current_stream"));
    return py::make_tuple(s.id(), s.device_index());
  }, py::arg("device") = py::none());
  m.def("default_stream", [](std::optional<int> device) {
    const CUDAStream s = getDefaultCUDAStream(device_arg(device, "default_stream"));
    return py::make_tuple(s.id(), s.device_index());
  }, py::arg("device") = py::none());
  m.def("stream_from_pool", [](std::optional<int> device) {
    const CUDAStream s = getStreamFromPool(device_arg(device, "Stream"));
    return py::make_tuple(s.id(), s.device_index());
  }, py::arg("device") = py::none());
  m.def("set_stream", [](uint64_t id, int device) {
    setCurrentCUDAStream(streamFromId(id, device_arg(device, "set_stream")));
  });
  m.def("stream_synchronize", [](uint64_t id, int device) {
    py::gil_scoped_release no_gil;
    streamFromId(id, device).synchronize();
  });
  m.def("stream_query", [](uint64_t id, int device) { return streamFromId(id, device).query(); });

  // The allocator's size policy, for its tests.
  m.def("_round_size", &CUDACachingAllocator::round_size);
  m.def("_segment_size", &CUDACachingAllocator::segment_size_for);
}

}  // namespace

bool init_python(PyObject* module) {
  try {
    auto m = py::reinterpret_borrow<py::module_>(module);
    py::module_ sub = m.def_submodule("_cuda", "ember's CUDA runtime (see ember.cuda)");
    // ember's errors keep their Python class (ValueError, IndexError, ...) through the
    // module-wide exception translator that python/Module.cpp registers.
    define_functions(sub);
    return true;
  } catch (py::error_already_set& e) {
    e.restore();
    return false;
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_ImportError, e.what());
    return false;
  }
}

}  // namespace ember::cuda
