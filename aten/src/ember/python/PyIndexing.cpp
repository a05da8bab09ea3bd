// Tensor.__getitem__ / __setitem__, with PyTorch's semantics.
//
// Note [How Python indexing maps onto operators]
// ----------------------------------------------
// An index is a tuple of items (a lone item is a 1-tuple; a list that contains a
// slice, None, Ellipsis, a sequence or a tensor is treated as a tuple, NumPy's
// legacy rule that PyTorch keeps). Walking the items left to right over the dims:
//   int        select(dim, i)                      (the dim disappears)
//   slice      slice(dim, start, stop, step)      (a view; step must be > 0)
//   None       unsqueeze(dim)
//   Ellipsis   skips the dims no other item names (PyTorch accepts several)
//   True/False unsqueeze(dim) plus an index of [0] / [] (PyTorch's rule)
//   a bool tensor or list    replaced by its nonzero() columns, one per dim it covers
//   an integer tensor or list  an advanced index for that dim
// Basic items only make views. If any advanced index is present, the view is then
// indexed with index(indices) — indices[k] applies to dim k, None keeps the dim —
// which gathers into a new tensor. Ints select even when advanced indices are
// present; like PyTorch (and unlike NumPy) they never join the broadcast.
//
// Assignment walks the same way, then copies into the view (copy_, broadcasting;
// fill_ for a number) or, with advanced indices, calls index_put_. Leading size-1
// dims of the value are dropped first so `x[0] = y[None]` works, as in PyTorch.
#include <algorithm>
#include <cstring>
#include <string>
#include <optional>
#include <vector>

#include <ember/python/ArgParser.h>
#include <ember/python/Exceptions.h>
#include <ember/python/PyNumbers.h>
#include <ember/python/PyTensor.h>
#include <ember/python/PyTensorNew.h>

namespace ember::python {
namespace {

struct Ref {
  PyObject* p;
  explicit Ref(PyObject* o) : p(o) {}
  Ref(const Ref&) = delete;
  ~Ref() { Py_XDECREF(p); }
};

bool is_int_index(PyObject* o) {
  if (PyLong_Check(o)) return !PyBool_Check(o);
  return is_numpy_integer(o);
}

// NumPy's legacy rule: a non-tuple sequence index counts as a tuple of indices
// when it holds a slice, Ellipsis, None, a sequence or a tensor.
bool treat_sequence_as_tuple(PyObject* index) {
  if (PyTuple_Check(index)) return true;
  if (is_tensor(index) || !PySequence_Check(index) || PyUnicode_Check(index)) return false;
  const Py_ssize_t n = PySequence_Size(index);
  if (n < 0) {
    PyErr_Clear();
    return false;
  }
  if (n >= 32) return false;
  for (Py_ssize_t i = 0; i < n; ++i) {
    Ref item(PySequence_GetItem(index, i));
    if (!item.p) {
      PyErr_Clear();
      return false;
    }
    PyObject* o = item.p;
    if (is_tensor(o) || PySequence_Check(o) || PySlice_Check(o) || o == Py_Ellipsis || o == Py_None) {
      return true;
    }
  }
  return false;
}

// The items of the index as a tuple (new reference).
PyObject* index_items(PyObject* index) {
  if (PyTuple_Check(index)) {
    Py_INCREF(index);
    return index;
  }
  if (treat_sequence_as_tuple(index)) return check(PySequence_Tuple(index));
  return check(PyTuple_Pack(1, index));
}

// [2, 3]: the shape notation of PyTorch's indexing errors.
std::string bracketed(IntArrayRef sizes) {
  std::string r = "[";
  for (size_t i = 0; i < sizes.size(); ++i) r += (i ? ", " : "") + std::to_string(sizes[i]);
  return r + "]";
}

int64_t wrap_index(int64_t i, int64_t size, int64_t dim) {
  EMBER_CHECK_INDEX(i >= -size && i < size, "index ", i, " is out of bounds for dimension ", dim,
                    " with size ", size);
  return i < 0 ? i + size : i;
}

Tensor long_index_tensor(std::vector<int64_t> values, Device device) {
  Tensor t = empty_tensor({static_cast<int64_t>(values.size())}, ScalarType::Long, Device(DeviceType::CPU));
  if (!values.empty()) std::memcpy(t.data_ptr(), values.data(), values.size() * sizeof(int64_t));
  if (device.is_cpu()) return t;
  return t.to(std::nullopt, std::nullopt, device, std::nullopt, false, false, std::nullopt);
}

struct Indexed {
  Tensor view;                                // after the basic items
  std::vector<std::optional<Tensor>> indices; // advanced indices over the dims of `view`
  int64_t covered = 0;                        // dims of `view` the entries of `indices` span
};

// Appends an advanced index for view dims [dim, dim + span), padding the dims before
// it with None. An integer index spans one dim; a bool mask spans its own dims (the
// operator expands it into nonzero() columns, and index_put_ can take it as a
// masked_fill, as PyTorch does).
void record_index(Indexed& r, int64_t dim, Tensor index, int64_t span = 1) {
  while (r.covered < dim) {
    r.indices.emplace_back(std::nullopt);
    ++r.covered;
  }
  r.indices.emplace_back(std::move(index));
  r.covered += span;
}

// A tensor used as an index: integer -> int64 index, bool/uint8 -> its nonzero()
// columns (one per dim it covers, checked against the view's sizes).
int64_t apply_tensor_index(Indexed& r, int64_t dim, const Tensor& idx) {
  const ScalarType st = idx.dtype();
  const Device dev = r.view.device();
  if (st == ScalarType::Bool || st == ScalarType::Byte) {
    EMBER_CHECK_INDEX(dim + idx.dim() <= r.view.dim(), "too many indices for tensor of dimension ",
                      r.view.dim(), " (got a mask of ", idx.dim(), " dims at dim ", dim, ")");
    for (int64_t k = 0; k < idx.dim(); ++k) {
      EMBER_CHECK_INDEX(idx.size(k) == r.view.size(dim + k), "The shape of the mask ",
                        bracketed(idx.sizes()), " at index ", k,
                        " does not match the shape of the indexed tensor ",
                        bracketed(r.view.sizes()), " at index ", dim + k);
    }
    Tensor mask = idx;
    if (idx.dim() == 0) {
      // A 0-dim mask adds a dim of size 1 (kept) or 0 (dropped), as x[True] does.
      r.view = r.view.unsqueeze(dim);
      record_index(r, dim, long_index_tensor(mask.item().to_bool() ? std::vector<int64_t>{0}
                                                                           : std::vector<int64_t>{},
                                                      dev));
      return dim + 1;
    }
    if (st == ScalarType::Byte) {
      mask = mask.to(ScalarType::Bool, false, false, std::nullopt);
    }
    record_index(r, dim, mask, idx.dim());
    return dim + idx.dim();
  }
  EMBER_CHECK_INDEX(is_integral_type(st, false),
                    "tensors used as indices must be long, int, byte or bool tensors");
  if (idx.dim() == 0) {
    // A 0-dim integer tensor behaves like an int (PyTorch's rule).
    EMBER_CHECK_INDEX(dim < r.view.dim(), "too many indices for tensor of dimension ", r.view.dim());
    r.view = r.view.select(dim, wrap_index(idx.item().to_long(), r.view.size(dim), dim));
    return dim;
  }
  // int64 on the indexed tensor's device (CPU index tensors may index CUDA tensors).
  Tensor l = idx.dtype() == ScalarType::Long && idx.device() == dev
                 ? idx
                 : idx.to(ScalarType::Long, std::nullopt, dev, std::nullopt, false, false, std::nullopt);
  record_index(r, dim, std::move(l));
  return dim + 1;
}

Indexed apply_indexing(const Tensor& self, PyObject* index) {
  Indexed r{self, {}};
  // Fast paths: one int, one slice.
  if (is_int_index(index)) {
    EMBER_CHECK_INDEX(self.dim() > 0,
                      "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                      "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
    r.view = self.select(0, wrap_index(unpack_long(index), self.size(0), 0));
    return r;
  }
  Ref items(index_items(index));
  const Py_ssize_t n = PyTuple_GET_SIZE(items.p);

  // Dims named by the items (everything but None and Ellipsis; a bool tensor
  // covers its own dims).
  // Several ellipses are accepted, as PyTorch does: each one skips the unnamed dims
  // again (harmless when every dim is named, an IndexError further on otherwise).
  int64_t specified = 0;
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* o = PyTuple_GET_ITEM(items.p, i);
    if (o == Py_None || PyBool_Check(o) || o == Py_Ellipsis) continue;
    if (is_tensor(o)) {
      const Tensor& t = tensor_of(o);
      const bool mask = t.dtype() == ScalarType::Bool || t.dtype() == ScalarType::Byte;
      specified += mask ? t.dim() : 1;
      continue;
    }
    ++specified;
  }
  EMBER_CHECK_INDEX(specified <= self.dim(), "too many indices for tensor of dimension ", self.dim());

  int64_t dim = 0;       // the next dim of the view to index
  int64_t real_dim = 0;  // the same dim in `self` (for error messages)
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* o = PyTuple_GET_ITEM(items.p, i);
    if (is_int_index(o)) {
      EMBER_CHECK_INDEX(r.view.dim() > 0,
                        "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                        "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
      r.view = r.view.select(dim, wrap_index(unpack_long(o), r.view.size(dim), real_dim));
      ++real_dim;
    } else if (PySlice_Check(o)) {
      Py_ssize_t start, stop, step;
      if (PySlice_Unpack(o, &start, &stop, &step) < 0) throw python_error();
      EMBER_CHECK_VALUE(step > 0, "step must be greater than zero");
      const Py_ssize_t len = static_cast<Py_ssize_t>(r.view.size(dim));
      PySlice_AdjustIndices(len, &start, &stop, step);
      if (!(start == 0 && stop == len && step == 1)) {
        if (stop < start) stop = start;  // an empty slice
        r.view = r.view.slice(dim, static_cast<int64_t>(start), static_cast<int64_t>(stop),
                              static_cast<int64_t>(step));
      }
      ++dim;
      ++real_dim;
    } else if (o == Py_None) {
      // Indices recorded so far sit at dims < dim, so unsqueezing here moves none of them.
      r.view = r.view.unsqueeze(dim);
      ++dim;
    } else if (o == Py_Ellipsis) {
      dim += self.dim() - specified;
      real_dim += self.dim() - specified;
    } else if (PyBool_Check(o)) {
      r.view = r.view.unsqueeze(dim);
      record_index(r, dim,
                   long_index_tensor(o == Py_True ? std::vector<int64_t>{0} : std::vector<int64_t>{},
                                     r.view.device()));
      ++dim;
    } else if (is_tensor(o)) {
      const int64_t next = apply_tensor_index(r, dim, tensor_of(o));
      real_dim += std::max<int64_t>(next - dim, 1);
      dim = next;
    } else if (PyUnicode_Check(o)) {
      // PyTorch tries to make a tensor of it, which fails like this.
      throw TypeError(str("new(): invalid data type '", Py_TYPE(o)->tp_name, "'"));
    } else if (PySequence_Check(o)) {
      // A list (or array) is an index tensor: bool/uint8 stay masks, anything else
      // becomes int64 (so [] is an empty index, as in PyTorch).
      Tensor idx = tensor_from_data(o, std::nullopt, r.view.device(), false);
      if (idx.dtype() != ScalarType::Bool && idx.dtype() != ScalarType::Byte) {
        idx = idx.to(ScalarType::Long, false, false, std::nullopt);
      }
      const int64_t next = apply_tensor_index(r, dim, idx);
      real_dim += std::max<int64_t>(next - dim, 1);
      dim = next;
    } else {
      throw IndexError(
          str("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
              "valid indices (got ",
              Py_TYPE(o)->tp_name, ")"));
    }
  }
  return r;
}

// Drops leading size-1 dims of an assigned value (PyTorch's slicePrefix1sDims).
Tensor strip_leading_ones(Tensor v) {
  while (v.dim() > 0 && v.size(0) == 1) v = v.select(0, 0);
  return v;
}

}  // namespace

PyObject* tensor_getitem(PyObject* self, PyObject* index) {
  EMBER_PY_TRY
  const Tensor& t = tensor_of(self);
  if (index == Py_Ellipsis || (PyTuple_Check(index) && PyTuple_GET_SIZE(index) == 0)) {
    return wrap_tensor(t.alias());
  }
  Indexed r = apply_indexing(t, index);
  if (!r.indices.empty()) return wrap_tensor(r.view.index(r.indices));
  if (r.view.is_same(t)) return wrap_tensor(t.alias());
  return wrap_tensor(std::move(r.view));
  EMBER_PY_CATCH
}

int tensor_setitem(PyObject* self, PyObject* index, PyObject* value) {
  EMBER_PY_TRY
  EMBER_CHECK_TYPEERR(value != nullptr, "Tensor does not support deleting items");
  const Tensor& t = tensor_of(self);
  const bool value_is_tensor = is_tensor(value);
  EMBER_CHECK_TYPEERR(value_is_tensor || is_number(value), "can't assign a ", Py_TYPE(value)->tp_name,
                      " to a tensor of dtype ember.", to_string(t.dtype()));
  // A lone True / None is a plain copy into t (False: nothing), as PyTorch's set_item.
  if (index == Py_False) return 0;
  if (index == Py_True || index == Py_None) {
    Tensor dst = t.unsqueeze(0);
    if (value_is_tensor) {
      dst.copy_(strip_leading_ones(tensor_of(value)), false);
    } else {
      dst.fill_(to_scalar(value));
    }
    return 0;
  }
  Indexed r = apply_indexing(t, index);
  if (r.indices.empty()) {
    if (value_is_tensor) {
      r.view.copy_(strip_leading_ones(tensor_of(value)), false);
    } else {
      r.view.fill_(to_scalar(value));
    }
    return 0;
  }
  const Tensor v = value_is_tensor ? strip_leading_ones(tensor_of(value))
                                   : scalar_tensor_of(to_scalar(value), t.dtype(), t.device());
  r.view.index_put_(r.indices, v, false);
  return 0;
  EMBER_PY_CATCH_RET(-1)
}

}  // namespace ember::python
