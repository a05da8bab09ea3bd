#include <ember/python/PyInterop.h>

#include <cstring>
#include <string>
#include <vector>

#include <ember/core/DeviceHooks.h>
#include <ember/python/ArgParser.h>
#include <ember/python/Exceptions.h>
#include <ember/python/PyTensor.h>
#include <ember/python/dlpack.h>

namespace ember::python {
namespace {

struct Ref {
  PyObject* p;
  explicit Ref(PyObject* o) : p(o) {}
  Ref(const Ref&) = delete;
  ~Ref() { Py_XDECREF(p); }
};

bool interpreter_alive() {
#if PY_VERSION_HEX >= 0x030D0000
  return Py_IsInitialized() && !Py_IsFinalizing();
#else
  return Py_IsInitialized() && !_Py_IsFinalizing();
#endif
}

// Storage deleter for memory owned by a Python object (a NumPy array).
void release_pyobject(void* ctx, void*) {
  if (!interpreter_alive()) return;  // at exit the object is going away anyway
  PyGILState_STATE g = PyGILState_Ensure();
  Py_DECREF(static_cast<PyObject*>(ctx));
  PyGILState_Release(g);
}

// Elements spanned by a strided view: 1 + sum((size - 1) * stride), 0 when empty.
int64_t extent_elements(IntArrayRef sizes, IntArrayRef strides) {
  int64_t extent = 1;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (sizes[d] == 0) return 0;
    extent += (sizes[d] - 1) * strides[d];
  }
  return extent;
}

std::string ndarray_dtype_name(PyObject* arr) {
  Ref dt(PyObject_GetAttrString(arr, "dtype"));
  if (!dt.p) {
    PyErr_Clear();
    return "?";
  }
  Ref s(PyObject_Str(dt.p));
  if (!s.p) {
    PyErr_Clear();
    return "?";
  }
  return PyUnicode_AsUTF8(s.p);
}

ScalarType typestr_scalar_type(const char* ts, PyObject* arr) {
  const char order = ts[0];
  const char kind = ts[1];
  const int bytes = std::atoi(ts + 2);
  EMBER_CHECK_VALUE(order != '>',
                    "given numpy array has byte order different from the native byte order. "
                    "Conversion between byte orders is currently not supported.");
  ScalarType t = ScalarType::Undefined;
  if (kind == 'b' && bytes == 1) t = ScalarType::Bool;
  if (kind == 'u' && bytes == 1) t = ScalarType::Byte;
  if (kind == 'i' && bytes == 1) t = ScalarType::Char;
  if (kind == 'i' && bytes == 2) t = ScalarType::Short;
  if (kind == 'i' && bytes == 4) t = ScalarType::Int;
  if (kind == 'i' && bytes == 8) t = ScalarType::Long;
  if (kind == 'f' && bytes == 2) t = ScalarType::Half;
  if (kind == 'f' && bytes == 4) t = ScalarType::Float;
  if (kind == 'f' && bytes == 8) t = ScalarType::Double;
  EMBER_CHECK_TYPEERR(t != ScalarType::Undefined, "can't convert np.ndarray of type numpy.",
                      ndarray_dtype_name(arr),
                      ". The only supported types are: float64, float32, float16, int64, int32, "
                      "int16, int8, uint8, and bool.");
  return t;
}

struct ArrayInterface {
  ScalarType dtype;
  void* data;
  bool readonly;
  std::vector<int64_t> sizes;
  std::vector<int64_t> byte_strides;  // empty: C-contiguous
};

ArrayInterface read_array_interface(PyObject* arr) {
  Ref iface(PyObject_GetAttrString(arr, "__array_interface__"));
  if (!iface.p) throw python_error();
  EMBER_CHECK_TYPEERR(PyDict_Check(iface.p), "__array_interface__ is not a dict");
  ArrayInterface r;
  PyObject* typestr = PyDict_GetItemString(iface.p, "typestr");
  PyObject* shape = PyDict_GetItemString(iface.p, "shape");
  PyObject* data = PyDict_GetItemString(iface.p, "data");
  PyObject* strides = PyDict_GetItemString(iface.p, "strides");
  EMBER_CHECK_TYPEERR(typestr && PyUnicode_Check(typestr) && shape && PyTuple_Check(shape) && data &&
                          PyTuple_Check(data) && PyTuple_GET_SIZE(data) == 2,
                      "malformed __array_interface__");
  r.dtype = typestr_scalar_type(PyUnicode_AsUTF8(typestr), arr);
  r.data = PyLong_AsVoidPtr(PyTuple_GET_ITEM(data, 0));
  if (!r.data && PyErr_Occurred()) throw python_error();
  r.readonly = PyObject_IsTrue(PyTuple_GET_ITEM(data, 1)) == 1;
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(shape); ++i) {
    r.sizes.push_back(PyLong_AsLongLong(PyTuple_GET_ITEM(shape, i)));
  }
  if (strides && strides != Py_None) {
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(strides); ++i) {
      r.byte_strides.push_back(PyLong_AsLongLong(PyTuple_GET_ITEM(strides, i)));
    }
  }
  if (PyErr_Occurred()) throw python_error();
  return r;
}

}  // namespace

bool is_ndarray(PyObject* o) {
  PyObject* mro = Py_TYPE(o)->tp_mro;
  if (!mro) return false;
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); ++i) {
    if (std::strcmp(reinterpret_cast<PyTypeObject*>(PyTuple_GET_ITEM(mro, i))->tp_name,
                    "numpy.ndarray") == 0) {
      return true;
    }
  }
  return false;
}

ScalarType ndarray_scalar_type(PyObject* arr) { return read_array_interface(arr).dtype; }

Tensor tensor_from_numpy(PyObject* arr, bool warn_if_not_writable) {
  EMBER_CHECK_TYPEERR(is_ndarray(arr), "expected np.ndarray (got ", Py_TYPE(arr)->tp_name, ")");
  ArrayInterface a = read_array_interface(arr);
  const int64_t itemsize = static_cast<int64_t>(element_size(a.dtype));
  std::vector<int64_t> strides;
  if (a.byte_strides.empty()) {
    strides = contiguous_strides(a.sizes);
  } else {
    for (int64_t bs : a.byte_strides) {
      EMBER_CHECK_VALUE(bs >= 0,
                        "At least one stride in the given numpy array is negative, and tensors with "
                        "negative strides are not currently supported. (You can probably work "
                        "around this by making a copy of your array  with array.copy().) ");
      EMBER_CHECK_VALUE(bs % itemsize == 0,
                        "given numpy array strides not a multiple of the element byte size. Copy "
                        "the numpy array to reallocate the memory.");
      strides.push_back(bs / itemsize);
    }
  }
  if (a.readonly && warn_if_not_writable) {
    if (PyErr_WarnEx(PyExc_UserWarning,
                     "The given NumPy array is not writable, and ember does not support "
                     "non-writable tensors. This means writing to this tensor will result in "
                     "undefined behavior. You may want to copy the array to protect its data or "
                     "make it writable before converting it to a tensor.",
                     1) < 0) {
      throw python_error();
    }
  }
  const size_t nbytes = static_cast<size_t>(extent_elements(a.sizes, strides) * itemsize);
  Py_INCREF(arr);  // released by the storage's deleter
  DataPtr ptr(a.data, arr, &release_pyobject, Device(DeviceType::CPU));
  auto storage = std::make_shared<StorageImpl>(std::move(ptr), nbytes);
  return Tensor(std::make_shared<TensorImpl>(std::move(storage), a.dtype, a.sizes, strides, 0));
}

PyObject* py_from_numpy(PyObject*, PyObject* arr) {
  EMBER_PY_TRY
  return wrap_tensor(tensor_from_numpy(arr, /*warn_if_not_writable=*/true));
  EMBER_PY_CATCH
}

// ---------------------------------------------------------------------------
// Tensor -> NumPy

namespace {
const char* typestr_of(ScalarType t) {
  switch (t) {
    case ScalarType::Bool: return "|b1";
    case ScalarType::Byte: return "|u1";
    case ScalarType::Char: return "|i1";
    case ScalarType::Short: return "<i2";
    case ScalarType::Int: return "<i4";
    case ScalarType::Long: return "<i8";
    case ScalarType::Half: return "<f2";
    case ScalarType::Float: return "<f4";
    case ScalarType::Double: return "<f8";
    default: throw TypeError(str("Got unsupported ScalarType ", type_name(t)));
  }
}
}  // namespace

PyObject* tensor_array_interface(PyObject* self, void*) {
  EMBER_PY_TRY
  const Tensor& t = tensor_of(self);
  EMBER_CHECK_TYPEERR(t.is_cpu(), "can't convert ", t.device().str(),
                      " device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host "
                      "memory first.");
  const char* typestr = typestr_of(t.dtype());
  const int64_t itemsize = static_cast<int64_t>(t.element_size());
  Ref shape(check(PyTuple_New(t.dim())));
  Ref strides(check(PyTuple_New(t.dim())));
  for (int64_t d = 0; d < t.dim(); ++d) {
    PyTuple_SET_ITEM(shape.p, d, PyLong_FromLongLong(t.size(d)));
    PyTuple_SET_ITEM(strides.p, d, PyLong_FromLongLong(t.stride(d) * itemsize));
  }
  return check(Py_BuildValue("{s:O,s:s,s:(N,O),s:O,s:i}", "shape", shape.p, "typestr", typestr,
                             "data", PyLong_FromVoidPtr(t.data_ptr()), Py_False, "strides",
                             strides.p, "version", 3));
  EMBER_PY_CATCH
}

// ---------------------------------------------------------------------------
// DLPack

namespace {

using namespace ember::dlpack;

struct ExportedTensor {
  DLManagedTensor managed;
  Tensor tensor;  // keeps the memory alive
  std::vector<int64_t> shape;
  std::vector<int64_t> strides;
};

void delete_exported(DLManagedTensor* m) { delete static_cast<ExportedTensor*>(m->manager_ctx); }

void dlpack_capsule_destructor(PyObject* capsule) {
  if (PyCapsule_IsValid(capsule, "used_dltensor")) return;  // a consumer owns it now
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  auto* m = static_cast<DLManagedTensor*>(PyCapsule_GetPointer(capsule, "dltensor"));
  if (m && m->deleter) {
    m->deleter(m);
  } else {
    PyErr_Clear();
  }
  PyErr_Restore(type, value, tb);
}

DLDataType dl_dtype(ScalarType t) {
  switch (t) {
    case ScalarType::Bool: return {kDLBool, 8, 1};
    case ScalarType::Byte: return {kDLUInt, 8, 1};
    case ScalarType::Char: return {kDLInt, 8, 1};
    case ScalarType::Short: return {kDLInt, 16, 1};
    case ScalarType::Int: return {kDLInt, 32, 1};
    case ScalarType::Long: return {kDLInt, 64, 1};
    case ScalarType::Half: return {kDLFloat, 16, 1};
    case ScalarType::Float: return {kDLFloat, 32, 1};
    case ScalarType::Double: return {kDLFloat, 64, 1};
    case ScalarType::BFloat16: return {kDLBfloat, 16, 1};
    default: throw TypeError(str("DLPack: unsupported dtype ", type_name(t)));
  }
}

ScalarType scalar_type_of(DLDataType t) {
  EMBER_CHECK(t.lanes == 1, "DLPack: vector types (lanes=", t.lanes, ") are not supported");
  switch (t.code) {
    case kDLBool:
      if (t.bits == 8) return ScalarType::Bool;
      break;
    case kDLUInt:
      if (t.bits == 8) return ScalarType::Byte;
      break;
    case kDLInt:
      if (t.bits == 8) return ScalarType::Char;
      if (t.bits == 16) return ScalarType::Short;
      if (t.bits == 32) return ScalarType::Int;
      if (t.bits == 64) return ScalarType::Long;
      break;
    case kDLFloat:
      if (t.bits == 16) return ScalarType::Half;
      if (t.bits == 32) return ScalarType::Float;
      if (t.bits == 64) return ScalarType::Double;
      break;
    case kDLBfloat:
      if (t.bits == 16) return ScalarType::BFloat16;
      break;
    default:
      break;
  }
  throw TypeError(str("DLPack: unsupported data type (code ", int(t.code), ", bits ", int(t.bits), ")"));
}

DLDevice dl_device(Device d) {
#if EMBER_USE_ROCM
  const DLDeviceType gpu = kDLROCM;
#else
  const DLDeviceType gpu = kDLCUDA;
#endif
  if (d.is_cpu()) return {kDLCPU, 0};
  const int idx = d.has_index() ? d.index : device_hooks(DeviceType::CUDA).current_device();
  return {gpu, idx};
}

void release_dlpack(void* ctx, void*) {
  auto* m = static_cast<DLManagedTensor*>(ctx);
  if (m->deleter) m->deleter(m);
}

}  // namespace

PyObject* tensor_dlpack(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  static PythonArgParser parser({
      "__dlpack__(*, PyObject* stream=None, PyObject* max_version=None, PyObject* dl_device=None, PyObject* copy=None)",
  });
  PyObject* parsed[4];
  PythonArgs r = parser.parse(self, args, nargs, kwnames, parsed);
  const Tensor& t = tensor_of(self);
  EMBER_CHECK_TYPEERR(r.is_none(3) || PyObject_Not(r.object(3)) == 1,
                      "__dlpack__: copy=True is not supported by ember");
  if (t.is_cuda() && !r.is_none(0)) {
    // The consumer will use the memory on its stream; finishing our queued work
    // first is the conservative form of the protocol's stream handshake.
    device_hooks(DeviceType::CUDA).synchronize(dl_device(t.device()).device_id);
  }
  auto* e = new ExportedTensor();
  e->tensor = t;
  e->shape.assign(t.sizes().begin(), t.sizes().end());
  e->strides.assign(t.strides().begin(), t.strides().end());
  DLTensor& dl = e->managed.dl_tensor;
  try {
    dl.data = t.data_ptr();
    dl.device = dl_device(t.device());
    dl.dtype = dl_dtype(t.dtype());
  } catch (...) {
    delete e;
    throw;
  }
  dl.ndim = static_cast<int32_t>(t.dim());
  dl.shape = e->shape.data();
  dl.strides = e->strides.data();
  dl.byte_offset = 0;
  e->managed.manager_ctx = e;
  e->managed.deleter = &delete_exported;
  PyObject* capsule = PyCapsule_New(&e->managed, "dltensor", &dlpack_capsule_destructor);
  if (!capsule) {
    delete e;
    return nullptr;
  }
  return capsule;
  EMBER_PY_CATCH
}

PyObject* tensor_dlpack_device(PyObject* self, PyObject*) {
  EMBER_PY_TRY
  const DLDevice d = dl_device(tensor_of(self).device());
  return Py_BuildValue("(ii)", static_cast<int>(d.device_type), static_cast<int>(d.device_id));
  EMBER_PY_CATCH
}

PyObject* py_from_dlpack_capsule(PyObject*, PyObject* capsule) {
  EMBER_PY_TRY
  EMBER_CHECK_TYPEERR(PyCapsule_CheckExact(capsule),
                      "from_dlpack: expected an object with __dlpack__ or a DLPack capsule, got ",
                      Py_TYPE(capsule)->tp_name);
  EMBER_CHECK_VALUE(PyCapsule_IsValid(capsule, "dltensor"),
                    "from_dlpack received an invalid capsule. Note that DLTensor capsules can be "
                    "consumed only once, so you might have already constructed a tensor from it once.");
  auto* m = static_cast<DLManagedTensor*>(PyCapsule_GetPointer(capsule, "dltensor"));
  if (!m) throw python_error();
  const DLTensor& dl = m->dl_tensor;
  const ScalarType dtype = scalar_type_of(dl.dtype);
  Device device(DeviceType::CPU);
  if (dl.device.device_type == kDLCUDA || dl.device.device_type == kDLROCM) {
    device = Device(DeviceType::CUDA, static_cast<int8_t>(dl.device.device_id));
  } else {
    EMBER_CHECK(dl.device.device_type == kDLCPU, "from_dlpack: unsupported device type ",
                int(dl.device.device_type), " (ember supports CPU and CUDA memory)");
  }
  EMBER_CHECK(dl.ndim >= 0, "from_dlpack: negative ndim");
  std::vector<int64_t> sizes(dl.shape, dl.shape + dl.ndim);
  std::vector<int64_t> strides;
  if (dl.strides && dl.ndim > 0) {
    strides.assign(dl.strides, dl.strides + dl.ndim);
    for (int64_t s : strides) EMBER_CHECK_VALUE(s >= 0, "from_dlpack: negative strides are not supported");
  } else {
    strides = contiguous_strides(sizes);
  }
  const size_t nbytes = static_cast<size_t>(extent_elements(sizes, strides)) * element_size(dtype);
  void* data = static_cast<char*>(dl.data) + dl.byte_offset;
  // From here on the tensor owns the DLManagedTensor.
  if (PyCapsule_SetName(capsule, "used_dltensor") < 0) throw python_error();
  DataPtr ptr(data, m, &release_dlpack, device);
  auto storage = std::make_shared<StorageImpl>(std::move(ptr), nbytes);
  return wrap_tensor(Tensor(std::make_shared<TensorImpl>(std::move(storage), dtype, sizes, strides, 0)));
  EMBER_PY_CATCH
}

}  // namespace ember::python
