#include <ember/python/Wrap.h>

#include <map>
#include <string>

#include <ember/python/PyDevice.h>
#include <ember/python/PyDtype.h>

namespace ember::python {

PyObject* wrap(std::vector<Tensor> ts) {
  PyObject* r = check(PyTuple_New(static_cast<Py_ssize_t>(ts.size())));
  for (size_t i = 0; i < ts.size(); ++i) {
    PyObject* item = wrap_tensor(std::move(ts[i]));
    if (!item) {
      Py_DECREF(r);
      throw python_error();
    }
    PyTuple_SET_ITEM(r, static_cast<Py_ssize_t>(i), item);
  }
  return r;
}

PyObject* wrap(const Scalar& s) { return check(scalar_to_py(s)); }

PyObject* wrap(ScalarType t) {
  PyObject* d = dtype_object(t);
  Py_INCREF(d);
  return d;
}

PyObject* wrap(Device d) { return device_object(d); }

namespace {
// PyTorch prints return types one field per line:
//   torch.return_types.max(
//   values=tensor([3., 4.]),
//   indices=tensor([1, 1]))
PyObject* return_type_repr(PyObject* self) {
  PyObject* fields = PyObject_GetAttrString(reinterpret_cast<PyObject*>(Py_TYPE(self)), "__match_args__");
  if (!fields) return nullptr;
  std::string r = std::string(Py_TYPE(self)->tp_name) + "(";
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(fields) && i < PyTuple_GET_SIZE(self); ++i) {
    PyObject* v = PyObject_Repr(PyTuple_GET_ITEM(self, i));
    if (!v) {
      Py_DECREF(fields);
      return nullptr;
    }
    r += std::string(i ? ",\n" : "\n") + PyUnicode_AsUTF8(PyTuple_GET_ITEM(fields, i)) + "=" +
         PyUnicode_AsUTF8(v);
    Py_DECREF(v);
  }
  Py_DECREF(fields);
  r += ")";
  return PyUnicode_FromStringAndSize(r.data(), static_cast<Py_ssize_t>(r.size()));
}
}  // namespace

PyTypeObject* return_type(const char* name, std::initializer_list<const char*> fields) {
  // Types live for the life of the process; the GIL serialises creation.
  static std::map<std::string, PyTypeObject*> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;

  // PyStructSequence keeps pointers to the names: give them static lifetime.
  static std::map<std::string, std::string> type_names;
  static std::map<std::string, std::vector<PyStructSequence_Field>> field_tables;
  std::string& type_name = type_names[name] = std::string("ember.return_types.") + name;
  std::vector<PyStructSequence_Field>& table = field_tables[name];
  for (const char* f : fields) table.push_back({f, nullptr});
  table.push_back({nullptr, nullptr});
  PyStructSequence_Desc desc = {type_name.c_str(), nullptr, table.data(),
                                static_cast<int>(fields.size())};
  PyTypeObject* type = PyStructSequence_NewType(&desc);
  if (!type) throw python_error();
  type->tp_repr = return_type_repr;
  PyType_Modified(type);
  cache.emplace(name, type);
  return type;
}

}  // namespace ember::python
