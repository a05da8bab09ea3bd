#pragma once
// PythonArgParser: binds the arguments of a vectorcall (args, nargs, kwnames) to one
// of several schema-language signatures, for the generated bindings
// (python_functions_<k>.cpp, python_methods_<k>.cpp) and the hand-written ones.
//
//   static PythonArgParser parser({
//       "add(Tensor input, Tensor other, *, Scalar alpha=1, Tensor? out=None)",
//   });
//   PyObject* parsed_args[4];
//   PythonArgs _r = parser.parse(self_, args, nargs, kwnames, parsed_args);
//   switch (_r.idx) { case 0: return wrap(ember::add(_r.tensor(0), _r.tensor(1), _r.scalar(2))); }
//
// Note [Overload resolution]
// --------------------------
// Signatures are tried in order, twice. The first, strict pass matches a `Tensor`
// parameter only with a tensor and a `Scalar` only with a Python number; the
// second, lenient pass also lets a number stand for a Tensor (it becomes a
// wrapped-number 0-dim tensor, see TypePromotion.h) and a 0-dim tensor for a
// Scalar. So `pow(t, 2)` picks pow(Tensor, Scalar) and `pow(t, u)` picks
// pow(Tensor, Tensor) whatever order the overloads come in, while `add(t, 2)`
// (which only has a Tensor overload) still works. When nothing binds, TypeError
// lists every signature:
//   add() received an invalid combination of arguments - got (Tensor, str), but
//   expected one of: ...
//
// Binding rules (PyTorch's):
// - Arguments after `*` are keyword-only.
// - A parameter named `self` is bound to the `self_` object the parser is given
//   (method bindings may name it in a signature; usually it is absent and the
//   method uses `self_` directly). It never consumes a positional argument.
// - `int[]`/`SymInt[]` take a list/tuple of ints (or ember.Size); `int[N]` and
//   `int[1]?` also take a single int. When a signature's only positional
//   parameter is an int list, the positional arguments may be spelled out:
//   zeros(2, 3), x.view(2, -1), x.permute(1, 0).
// - None (or an absent argument) selects the default; `T?` and `=None`
//   parameters accept None. Index i of every accessor is the parameter's position
//   in its signature.
#include <Python.h>

#include <initializer_list>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <ember/core/Generator.h>
#include <ember/core/Scalar.h>
#include <ember/core/Tensor.h>

namespace ember::python {

enum class ParameterType : uint8_t {
  Tensor,
  Scalar,
  Int,
  Double,
  Bool,
  String,
  ScalarType,
  Device,
  Layout,
  MemoryFormat,
  Generator,
  TensorList,
  OptionalTensorList,
  IntList,
  Object,  // `PyObject*`: anything (hand-written bindings such as ember.tensor(data))
};

struct FunctionParameter {
  explicit FunctionParameter(const std::string& fmt, bool keyword_only);

  // Whether obj can bind here (see Note [Overload resolution]).
  bool check(PyObject* obj, bool strict) const;
  bool allows_none() const { return optional || default_is_none; }
  std::string type_str() const;  // for error messages: "Tensor", "tuple of ints", ...

  ParameterType type;
  bool optional = false;       // written `T?`
  bool keyword_only = false;
  bool has_default = false;
  bool default_is_none = false;
  int size = 0;                // N of int[N]
  std::string name;
  std::string default_text;    // verbatim from the signature
  PyObject* py_name = nullptr; // interned
  // NumPy-style keyword aliases PyTorch also accepts: axis= for dim, keepdims= for keepdim...
  std::vector<PyObject*> py_aliases;
  // Whether a Python number may stand for this Tensor parameter (see
  // Note [Numbers as tensors] in ArgParser.cpp).
  bool allow_number = false;

  // The parsed default (meaningful when has_default && !default_is_none).
  bool default_bool = false;
  int64_t default_int = 0;
  double default_double = 0.0;
  Scalar default_scalar;
  std::vector<int64_t> default_intlist;
  std::string default_string;
  ember::ScalarType default_scalartype = ember::ScalarType::Undefined;
  ember::MemoryFormat default_memory_format = ember::MemoryFormat::Contiguous;
  std::optional<ember::Device> default_device;
};

struct FunctionSignature {
  FunctionSignature(const std::string& fmt, int index);

  // Binds into dst (one slot per parameter; nullptr = absent or None). On failure
  // returns false, or throws TypeError describing why when raise_errors.
  bool parse(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames,
             PyObject** dst, PyObject** varargs_holder, bool strict, bool raise_errors) const;
  std::string to_string() const;  // "(Tensor input, Tensor other, *, Number alpha = 1)"

  std::string name;
  std::vector<FunctionParameter> params;
  int index;
  size_t max_pos_args = 0;      // positional parameters, self excluded
  int self_index = -1;
  bool allow_varargs_intlist = false;
};

class PythonArgs;

class PythonArgParser {
 public:
  PythonArgParser(std::vector<std::string> fmts);  // NOLINT: braced lists of literals
  PythonArgs parse(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames,
                   PyObject** parsed_args) const;
  const std::string& name() const { return name_; }

 private:
  [[noreturn]] void raise_invalid(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                                  PyObject* kwnames, PyObject** parsed_args) const;
  std::vector<FunctionSignature> signatures_;
  std::string name_;
};

// The bound arguments of one call; accessors convert slot i to its C++ type.
class PythonArgs {
 public:
  PythonArgs(int idx, const FunctionSignature* sig, PyObject** args, PyObject* varargs)
      : idx(idx), signature(sig), args(args), varargs_(varargs) {}
  PythonArgs(const PythonArgs&) = delete;
  PythonArgs& operator=(const PythonArgs&) = delete;
  PythonArgs(PythonArgs&& o) noexcept
      : idx(o.idx), signature(o.signature), args(o.args), varargs_(o.varargs_) {
    o.varargs_ = nullptr;
  }
  ~PythonArgs() { Py_XDECREF(varargs_); }

  const int idx;                        // which signature bound
  const FunctionSignature* signature;
  PyObject** args;

  bool is_none(int i) const { return args[i] == nullptr; }
  // The very object passed (for out=); new reference.
  PyObject* return_object(int i) const {
    PyObject* o = args[i] ? args[i] : Py_None;
    Py_INCREF(o);
    return o;
  }
  PyObject* object(int i) const { return args[i]; }  // borrowed; nullptr when absent/None
  // A tuple out= (max.dim_max: values, indices): its n tensors, TypeError on another
  // length; then the same objects again as a named tuple ember.return_types.<name>.
  std::vector<Tensor> out_tensors(int i, size_t n) const;
  PyObject* return_out_tuple(int i, const char* name, std::initializer_list<const char*> fields) const;

  Tensor tensor(int i) const;
  std::optional<Tensor> optional_tensor(int i) const;
  std::vector<Tensor> tensorlist(int i) const;
  std::vector<std::optional<Tensor>> optional_tensorlist(int i) const;
  Scalar scalar(int i) const;
  std::optional<Scalar> scalar_optional(int i) const;
  int64_t toint64(int i) const;
  std::optional<int64_t> toint64_optional(int i) const;
  std::vector<int64_t> intlist(int i) const;
  std::optional<std::vector<int64_t>> intlist_optional(int i) const;
  double todouble(int i) const;
  std::optional<double> todouble_optional(int i) const;
  bool toBool(int i) const;
  std::optional<bool> toBool_optional(int i) const;
  std::string string(int i) const;
  std::optional<std::string> string_optional(int i) const;
  ScalarType scalartype(int i) const;
  std::optional<ScalarType> scalartype_optional(int i) const;
  Device device(int i) const;
  std::optional<Device> device_optional(int i) const;
  std::optional<Layout> layout_optional(int i) const;
  MemoryFormat memoryformat(int i) const;
  std::optional<MemoryFormat> memoryformat_optional(int i) const;
  std::optional<Generator> generator_optional(int i) const;

 private:
  const FunctionParameter& param(int i) const { return signature->params[i]; }
  PyObject* varargs_;  // owned: the tuple built for varargs int lists
};

// The tensor of a method's `self_` (the Tensor object the method was called on).
const Tensor& unpack_tensor(PyObject* self);

// Conversions shared with the hand-written bindings.
// A Python object the parser accepted for `Tensor`: a tensor, or a number that
// becomes a wrapped-number 0-dim tensor.
Tensor tensor_from_arg(PyObject* obj);
std::vector<int64_t> intlist_from_arg(PyObject* obj, int size, const char* what);

}  // namespace ember::python
