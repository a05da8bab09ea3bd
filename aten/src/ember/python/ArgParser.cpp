#include <ember/python/ArgParser.h>

#include <cstdlib>
#include <sstream>

#include <ember/python/Exceptions.h>
#include <ember/python/PyDevice.h>
#include <ember/python/PyDtype.h>
#include <ember/python/PyGenerator.h>
#include <ember/python/PyNumbers.h>
#include <ember/python/PyTensor.h>
#include <ember/python/Wrap.h>

namespace ember::python {
namespace {

std::string strip(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// Splits "a, int[] b=[0,1], str c=\"x,y\"" at top-level commas.
std::vector<std::string> split_params(const std::string& s) {
  std::vector<std::string> out;
  int depth = 0;
  bool in_string = false;
  std::string cur;
  for (char c : s) {
    if (in_string) {
      if (c == '"' || c == '\'') in_string = false;
    } else if (c == '"' || c == '\'') {
      in_string = true;
    } else if (c == '[' || c == '(') {
      ++depth;
    } else if (c == ']' || c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      out.push_back(strip(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!strip(cur).empty()) out.push_back(strip(cur));
  return out;
}

[[noreturn]] void bad_signature(const std::string& fmt, const std::string& why) {
  throw Error(str("PythonArgParser: invalid signature '", fmt, "': ", why));
}

int64_t parse_int_text(const std::string& text, const std::string& fmt) {
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') bad_signature(fmt, "bad integer default '" + text + "'");
  return v;
}

bool is_bool_like(PyObject* o) { return PyBool_Check(o) || is_numpy_bool(o); }

// An integer for `int` parameters: int (not bool), numpy integer, or a 0-dim
// integral tensor (via __index__).
bool is_int_like(PyObject* o) {
  if (PyLong_Check(o)) return !PyBool_Check(o);
  if (is_tensor(o)) {
    const Tensor& t = tensor_of(o);
    return t.dim() == 0 && is_integral_type(t.dtype(), /*include_bool=*/false);
  }
  return is_numpy_integer(o);
}

bool is_float_like(PyObject* o) {
  if (PyFloat_Check(o) || PyLong_Check(o)) return true;
  if (is_tensor(o)) return tensor_of(o).dim() == 0;
  return is_number(o);
}

bool is_intlist_like(PyObject* o) {
  if (!PyTuple_Check(o) && !PyList_Check(o)) return false;
  PyObject* const* items = PySequence_Fast_ITEMS(o);
  const Py_ssize_t n = PySequence_Fast_GET_SIZE(o);
  for (Py_ssize_t i = 0; i < n; ++i) {
    if (!is_int_like(items[i])) return false;
  }
  return true;
}

// kwnames holds the keyword names of a vectorcall; the values follow the positional
// arguments. Interned names compare by pointer; fall back to string equality.
PyObject* find_kwarg(PyObject* kwnames, PyObject* const* kwvalues, PyObject* name);

// The parameter's value among the keywords, by its name or one of its NumPy aliases.
PyObject* find_kwarg(PyObject* kwnames, PyObject* const* kwvalues, const FunctionParameter& p) {
  if (PyObject* v = find_kwarg(kwnames, kwvalues, p.py_name)) return v;
  for (PyObject* alias : p.py_aliases) {
    if (PyObject* v = find_kwarg(kwnames, kwvalues, alias)) return v;
  }
  return nullptr;
}

bool names_parameter(PyObject* kname, const FunctionParameter& p) {
  if (PyUnicode_Compare(kname, p.py_name) == 0) return true;
  for (PyObject* alias : p.py_aliases) {
    if (PyUnicode_Compare(kname, alias) == 0) return true;
  }
  return false;
}

// Note [Numbers as tensors]
// PyTorch binds a Python number to a Tensor parameter only for the arithmetic
// operators of its should_allow_numbers_as_tensors() list (add, sub, mul, div,
// floor_divide, to, copy_ and their in-place forms), and where its schema has a
// Scalar overload that ember's folds into the Tensor one (eq(Tensor, Scalar other),
// where(cond, Scalar, Scalar), remainder/fmod/bitwise_*(Tensor, Scalar other)).
// Elsewhere (torch.exp(2.0), torch.maximum(t, 2), torch.eq(2, t)) a number is a
// TypeError, and so it is here.
bool allows_number_for(std::string fn, const std::string& param) {
  if (!fn.empty() && fn.back() == '_' && fn != "copy_") fn.pop_back();
  if (fn == "add" || fn == "sub" || fn == "mul" || fn == "div" || fn == "floor_divide" || fn == "to" ||
      fn == "copy_" || fn == "multiply" || fn == "subtract" || fn == "divide" || fn == "true_divide") {
    return true;
  }
  if (fn == "eq" || fn == "ne" || fn == "lt" || fn == "le" || fn == "gt" || fn == "ge") {
    return param == "other";
  }
  if (fn == "where") return param == "other" || param == "input" || param == "self";
  // remainder.Scalar / .Scalar_Tensor, bitwise_*.Scalar / .Scalar_Tensor, fmod.Scalar
  if (fn == "remainder" || fn == "bitwise_and" || fn == "bitwise_or" || fn == "bitwise_xor") {
    return param == "other" || param == "self" || param == "input";
  }
  if (fn == "fmod") return param == "other";
  return false;
}

PyObject* find_kwarg(PyObject* kwnames, PyObject* const* kwvalues, PyObject* name) {
  const Py_ssize_t n = PyTuple_GET_SIZE(kwnames);
  for (Py_ssize_t i = 0; i < n; ++i) {
    if (PyTuple_GET_ITEM(kwnames, i) == name) return kwvalues[i];
  }
  for (Py_ssize_t i = 0; i < n; ++i) {
    if (PyUnicode_Compare(PyTuple_GET_ITEM(kwnames, i), name) == 0) return kwvalues[i];
  }
  return nullptr;
}

std::string py_type_name(PyObject* o) {
  if (is_tensor(o)) return "Tensor";
  if (PyTuple_Check(o) || PyList_Check(o)) {
    const bool tuple = PyTuple_Check(o);
    std::string r = tuple ? "tuple of (" : "list of [";
    const Py_ssize_t n = PySequence_Fast_GET_SIZE(o);
    for (Py_ssize_t i = 0; i < n; ++i) {
      if (i) r += ", ";
      r += py_type_name(PySequence_Fast_ITEMS(o)[i]);
    }
    return r + (tuple ? ")" : "]");
  }
  return Py_TYPE(o)->tp_name;
}

}  // namespace

// ---------------------------------------------------------------------------
// Signatures

FunctionParameter::FunctionParameter(const std::string& fmt, bool kw_only) : keyword_only(kw_only) {
  const size_t space = fmt.find_last_of(' ', fmt.find('=') == std::string::npos ? std::string::npos
                                                                                  : fmt.find('='));
  if (space == std::string::npos) bad_signature(fmt, "expected 'Type name'");
  std::string type_text = strip(fmt.substr(0, space));
  std::string rest = strip(fmt.substr(space + 1));
  const size_t eq = rest.find('=');
  if (eq != std::string::npos) {
    name = strip(rest.substr(0, eq));
    default_text = strip(rest.substr(eq + 1));
    has_default = true;
  } else {
    name = rest;
  }
  // Alias annotations (Tensor(a!)) carry no meaning for binding.
  const size_t paren = type_text.find('(');
  if (paren != std::string::npos) {
    const size_t close = type_text.find(')', paren);
    type_text.erase(paren, close == std::string::npos ? std::string::npos : close - paren + 1);
  }
  if (!type_text.empty() && type_text.back() == '?') {
    optional = true;
    type_text.pop_back();
  }
  bool list = false;
  const size_t bracket = type_text.find('[');
  if (bracket != std::string::npos) {
    list = true;
    const std::string n = type_text.substr(bracket + 1, type_text.find(']') - bracket - 1);
    size = n.empty() ? 0 : static_cast<int>(parse_int_text(n, fmt));
    type_text = type_text.substr(0, bracket);
  }
  // `Tensor?[]`: optional elements of a list
  bool optional_elements = false;
  if (!type_text.empty() && type_text.back() == '?') {
    optional_elements = true;
    type_text.pop_back();
  }
  if (list) {
    if (type_text == "Tensor") {
      type = optional_elements ? ParameterType::OptionalTensorList : ParameterType::TensorList;
    } else if (type_text == "int" || type_text == "SymInt") {
      type = ParameterType::IntList;
    } else {
      bad_signature(fmt, "unsupported list type '" + type_text + "[]'");
    }
  } else if (type_text == "Tensor") {
    type = ParameterType::Tensor;
  } else if (type_text == "Scalar") {
    type = ParameterType::Scalar;
  } else if (type_text == "int" || type_text == "SymInt") {
    type = ParameterType::Int;
  } else if (type_text == "float") {
    type = ParameterType::Double;
  } else if (type_text == "bool") {
    type = ParameterType::Bool;
  } else if (type_text == "str") {
    type = ParameterType::String;
  } else if (type_text == "ScalarType") {
    type = ParameterType::ScalarType;
  } else if (type_text == "Device") {
    type = ParameterType::Device;
  } else if (type_text == "Layout") {
    type = ParameterType::Layout;
  } else if (type_text == "MemoryFormat") {
    type = ParameterType::MemoryFormat;
  } else if (type_text == "Generator") {
    type = ParameterType::Generator;
  } else if (type_text == "PyObject*") {
    type = ParameterType::Object;
  } else {
    bad_signature(fmt, "unknown type '" + type_text + "'");
  }
  py_name = PyUnicode_InternFromString(name.c_str());  // immortal for the parser's life
  if (!py_name) throw python_error();
  // PyTorch's numpy_compatibility_arg_names
  static const std::pair<const char*, std::vector<const char*>> aliases[] = {
      {"dim", {"axis"}}, {"keepdim", {"keepdims"}}, {"input", {"x", "a", "x1"}}, {"other", {"x2"}}};
  for (const auto& [param, names] : aliases) {
    if (name != param) continue;
    for (const char* a : names) {
      PyObject* alias = PyUnicode_InternFromString(a);
      if (!alias) throw python_error();
      py_aliases.push_back(alias);
    }
  }
  if (!has_default) return;

  const std::string& d = default_text;
  if (d == "None") {
    default_is_none = true;
    return;
  }
  switch (type) {
    case ParameterType::Bool:
      if (d != "True" && d != "False") bad_signature(fmt, "bad bool default");
      default_bool = d == "True";
      break;
    case ParameterType::Int:
      default_int = parse_int_text(d, fmt);
      break;
    case ParameterType::Double:
      default_double = std::strtod(d.c_str(), nullptr);
      break;
    case ParameterType::Scalar:
      if (d == "True" || d == "False") {
        default_scalar = Scalar(d == "True");
      } else if (d.find_first_of(".eE") != std::string::npos || d == "inf" || d == "-inf") {
        default_scalar = Scalar(std::strtod(d.c_str(), nullptr));
      } else {
        default_scalar = Scalar(parse_int_text(d, fmt));
      }
      break;
    case ParameterType::IntList: {
      std::string inner = d;
      if (!inner.empty() && inner.front() == '[') inner = inner.substr(1, inner.size() - 2);
      std::stringstream ss(inner);
      std::string item;
      while (std::getline(ss, item, ',')) {
        if (!strip(item).empty()) default_intlist.push_back(parse_int_text(strip(item), fmt));
      }
      if (d.front() != '[' && size > 1) default_intlist.assign(size, default_intlist.at(0));
      break;
    }
    case ParameterType::String:
      default_string = d.size() >= 2 && (d.front() == '"' || d.front() == '\'')
                           ? d.substr(1, d.size() - 2)
                           : d;
      break;
    case ParameterType::ScalarType: {
      // `long`, `float`, `int`... (ScalarType defaults are written as dtype names)
      static const std::pair<const char*, ember::ScalarType> names[] = {
          {"long", ember::ScalarType::Long},     {"int", ember::ScalarType::Int},
          {"float", ember::ScalarType::Float},   {"double", ember::ScalarType::Double},
          {"bool", ember::ScalarType::Bool},     {"half", ember::ScalarType::Half},
          {"uint8", ember::ScalarType::Byte},    {"int64", ember::ScalarType::Long},
          {"float32", ember::ScalarType::Float}, {"float64", ember::ScalarType::Double},
      };
      bool found = false;
      for (const auto& n : names) {
        if (d == n.first) {
          default_scalartype = n.second;
          found = true;
        }
      }
      if (!found) bad_signature(fmt, "unknown ScalarType default '" + d + "'");
      break;
    }
    case ParameterType::MemoryFormat:
      if (d == "contiguous_format") {
        default_memory_format = ember::MemoryFormat::Contiguous;
      } else if (d == "preserve_format") {
        default_memory_format = ember::MemoryFormat::Preserve;
      } else {
        bad_signature(fmt, "unknown MemoryFormat default '" + d + "'");
      }
      break;
    case ParameterType::Device:
      default_device = ember::Device(d.size() >= 2 && d.front() == '"' ? d.substr(1, d.size() - 2) : d);
      break;
    case ParameterType::Layout:
      if (d != "strided") bad_signature(fmt, "unknown Layout default '" + d + "'");
      break;
    default:
      bad_signature(fmt, "a default is not supported for this type");
  }
}

bool FunctionParameter::check(PyObject* obj, bool strict) const {
  switch (type) {
    case ParameterType::Tensor:
      if (is_tensor(obj)) return true;
      // A number may stand for a tensor operand, never for an output.
      return !strict && allow_number && name != "out" && is_number(obj);
    case ParameterType::Scalar:
      if (is_number(obj)) return true;
      return !strict && is_tensor(obj) && tensor_of(obj).dim() == 0;
    case ParameterType::Int:
      return is_int_like(obj);
    case ParameterType::Double:
      return !PyBool_Check(obj) && is_float_like(obj);
    case ParameterType::Bool:
      return is_bool_like(obj);
    case ParameterType::String:
      return PyUnicode_Check(obj);
    case ParameterType::ScalarType:
      return is_dtype_like(obj);
    case ParameterType::Device:
      return is_device_like(obj);
    case ParameterType::Layout:
      return is_layout(obj);
    case ParameterType::MemoryFormat:
      return is_memory_format(obj);
    case ParameterType::Generator:
      return is_generator(obj);
    case ParameterType::TensorList:
    case ParameterType::OptionalTensorList: {
      if (!PyTuple_Check(obj) && !PyList_Check(obj)) return false;
      const Py_ssize_t n = PySequence_Fast_GET_SIZE(obj);
      PyObject* const* items = PySequence_Fast_ITEMS(obj);
      for (Py_ssize_t i = 0; i < n; ++i) {
        if (is_tensor(items[i])) continue;
        if (type == ParameterType::OptionalTensorList && items[i] == Py_None) continue;
        return false;
      }
      return true;
    }
    case ParameterType::IntList:
      return is_intlist_like(obj) || (size > 0 && is_int_like(obj));
    case ParameterType::Object:
      return true;
  }
  return false;
}

std::string FunctionParameter::type_str() const {
  switch (type) {
    case ParameterType::Tensor: return "Tensor";
    case ParameterType::Scalar: return "Number";
    case ParameterType::Int: return "int";
    case ParameterType::Double: return "float";
    case ParameterType::Bool: return "bool";
    case ParameterType::String: return "str";
    case ParameterType::ScalarType: return "ember.dtype";
    case ParameterType::Device: return "ember.device";
    case ParameterType::Layout: return "ember.layout";
    case ParameterType::MemoryFormat: return "ember.memory_format";
    case ParameterType::Generator: return "ember.Generator";
    case ParameterType::TensorList: return "tuple of Tensors";
    case ParameterType::OptionalTensorList: return "tuple of Tensors (or None)";
    case ParameterType::IntList: return size > 0 ? "tuple of ints (or int)" : "tuple of ints";
    case ParameterType::Object: return "object";
  }
  return "?";
}

FunctionSignature::FunctionSignature(const std::string& fmt, int idx) : index(idx) {
  const size_t open = fmt.find('(');
  const size_t close = fmt.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) {
    bad_signature(fmt, "expected name(params)");
  }
  name = strip(fmt.substr(0, open));
  bool kw_only = false;
  for (const std::string& p : split_params(fmt.substr(open + 1, close - open - 1))) {
    if (p == "*") {
      kw_only = true;
      continue;
    }
    params.emplace_back(p, kw_only);
    FunctionParameter& fp = params.back();
    fp.allow_number = allows_number_for(name, fp.name);
    if (fp.name == "self") {
      self_index = static_cast<int>(params.size()) - 1;
    } else if (!kw_only) {
      ++max_pos_args;
    }
  }
  // zeros(2, 3) / x.view(2, -1): see the binding rules in ArgParser.h.
  for (size_t i = 0; i < params.size(); ++i) {
    if (static_cast<int>(i) == self_index) continue;
    allow_varargs_intlist = max_pos_args == 1 && params[i].type == ParameterType::IntList;
    break;
  }
}

std::string FunctionSignature::to_string() const {
  std::string r = "(";
  bool first = true, kw_marked = false;
  for (size_t i = 0; i < params.size(); ++i) {
    const FunctionParameter& p = params[i];
    if (static_cast<int>(i) == self_index) continue;
    if (!first) r += ", ";
    if (p.keyword_only && !kw_marked) {
      r += "*, ";
      kw_marked = true;
    }
    r += p.type_str() + " " + p.name;
    if (p.has_default) r += " = " + p.default_text;
    first = false;
  }
  return r + ")";
}

bool FunctionSignature::parse(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                              PyObject* kwnames, PyObject** dst, PyObject** varargs_holder,
                              bool strict, bool raise_errors) const {
  const Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
  PyObject* const* kwvalues = args + nargs;
  if (nargs > static_cast<Py_ssize_t>(max_pos_args) && !allow_varargs_intlist) {
    if (raise_errors) {
      throw TypeError(str(name, "() takes ", max_pos_args, " positional argument",
                          max_pos_args == 1 ? "" : "s", " but ", nargs, " ",
                          nargs == 1 ? "was" : "were", " given"));
    }
    return false;
  }
  Py_ssize_t arg_pos = 0;
  Py_ssize_t kw_used = 0;
  for (size_t i = 0; i < params.size(); ++i) {
    const FunctionParameter& p = params[i];
    if (static_cast<int>(i) == self_index) {
      dst[i] = self;
      continue;
    }
    PyObject* obj = nullptr;
    bool from_kw = false;
    if (arg_pos < nargs && !p.keyword_only) {
      obj = args[arg_pos];
      if (allow_varargs_intlist && arg_pos == 0 && (nargs > 1 || is_int_like(obj))) {
        // Every positional argument is an element of this list.
        for (Py_ssize_t k = 0; k < nargs; ++k) {
          if (!is_int_like(args[k])) {
            if (raise_errors) {
              throw TypeError(str(name, "(): argument '", p.name, "' must be ", p.type_str(),
                                  ", but found element of type ", py_type_name(args[k]),
                                  " at pos ", k));
            }
            return false;
          }
        }
        PyObject* tuple = PyTuple_New(nargs);
        if (!tuple) throw python_error();
        for (Py_ssize_t k = 0; k < nargs; ++k) {
          Py_INCREF(args[k]);
          PyTuple_SET_ITEM(tuple, k, args[k]);
        }
        Py_XDECREF(*varargs_holder);
        *varargs_holder = tuple;
        dst[i] = tuple;
        arg_pos = nargs;
        continue;
      }
      ++arg_pos;
      if (nkw && find_kwarg(kwnames, kwvalues, p)) {
        if (raise_errors) throw TypeError(str(name, "() got multiple values for argument '", p.name, "'"));
        return false;
      }
    } else if (nkw) {
      obj = find_kwarg(kwnames, kwvalues, p);
      from_kw = obj != nullptr;
      kw_used += from_kw;
    }
    if (obj == nullptr) {
      if (!p.has_default) {
        if (raise_errors) {
          // (sic: PyTorch's wording)
          throw TypeError(str(name, "() missing 1 required ", p.keyword_only ? "keyword" : "positional",
                              " arguments: \"", p.name, "\""));
        }
        return false;
      }
      dst[i] = nullptr;
    } else if (obj == Py_None && p.allows_none()) {
      dst[i] = nullptr;
    } else if (p.check(obj, strict)) {
      dst[i] = obj;
    } else {
      if (raise_errors) {
        if (from_kw) {
          throw TypeError(str(name, "(): argument '", p.name, "' must be ", p.type_str(), ", not ",
                              py_type_name(obj)));
        }
        throw TypeError(str(name, "(): argument '", p.name, "' (position ", arg_pos, ") must be ",
                            p.type_str(), ", not ", py_type_name(obj)));
      }
      return false;
    }
  }
  if (kw_used < nkw) {
    if (raise_errors) {
      for (Py_ssize_t k = 0; k < nkw; ++k) {
        PyObject* kname = PyTuple_GET_ITEM(kwnames, k);
        bool known = false;
        for (const FunctionParameter& p : params) {
          known = known || (names_parameter(kname, p) && p.name != "self");
        }
        if (!known) {
          throw TypeError(str(name, "() got an unexpected keyword argument '",
                              PyUnicode_AsUTF8(kname), "'"));
        }
      }
      throw TypeError(str(name, "() got an unexpected keyword argument"));
    }
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// The parser

PythonArgParser::PythonArgParser(std::vector<std::string> fmts) {
  int i = 0;
  for (const std::string& f : fmts) signatures_.emplace_back(f, i++);
  if (signatures_.empty()) throw Error("PythonArgParser: no signatures");
  name_ = signatures_[0].name;
}

PythonArgs PythonArgParser::parse(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                                  PyObject* kwnames, PyObject** parsed_args) const {
  PyObject* varargs = nullptr;
  for (bool strict : {true, false}) {
    for (const FunctionSignature& sig : signatures_) {
      if (sig.parse(self, args, nargs, kwnames, parsed_args, &varargs, strict, false)) {
        return PythonArgs(sig.index, &sig, parsed_args, varargs);
      }
    }
  }
  Py_XDECREF(varargs);
  raise_invalid(self, args, nargs, kwnames, parsed_args);
}

void PythonArgParser::raise_invalid(PyObject* self, PyObject* const* args, Py_ssize_t nargs,
                                    PyObject* kwnames, PyObject** parsed_args) const {
  if (signatures_.size() == 1) {
    PyObject* varargs = nullptr;
    try {
      signatures_[0].parse(self, args, nargs, kwnames, parsed_args, &varargs, false, true);
    } catch (...) {
      Py_XDECREF(varargs);
      throw;
    }
    Py_XDECREF(varargs);
  }
  std::string got = "(";
  for (Py_ssize_t i = 0; i < nargs; ++i) got += (i ? ", " : "") + py_type_name(args[i]);
  const Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; ++k) {
    got += (nargs + k ? ", " : "") + std::string(PyUnicode_AsUTF8(PyTuple_GET_ITEM(kwnames, k))) +
           "=" + py_type_name(args[nargs + k]);
  }
  got += ")";
  std::string msg = str(name_, "() received an invalid combination of arguments - got ", got,
                        ", but expected one of:\n");
  for (const FunctionSignature& sig : signatures_) msg += " * " + sig.to_string() + "\n";
  throw TypeError(msg);
}

// ---------------------------------------------------------------------------
// Accessors

const Tensor& unpack_tensor(PyObject* self) { return tensor_of(self); }

Tensor tensor_from_arg(PyObject* obj) {
  if (is_tensor(obj)) return tensor_of(obj);
  return wrapped_scalar_tensor(to_scalar(obj));
}

std::vector<int64_t> intlist_from_arg(PyObject* obj, int size, const char* what) {
  if (!PyTuple_Check(obj) && !PyList_Check(obj)) {
    EMBER_CHECK_TYPEERR(is_int_like(obj), what, " must be a tuple of ints, not ", py_type_name(obj));
    const int64_t v = is_tensor(obj) ? tensor_of(obj).item().to_long() : unpack_long(obj);
    return std::vector<int64_t>(size > 0 ? size : 1, v);
  }
  const Py_ssize_t n = PySequence_Fast_GET_SIZE(obj);
  PyObject* const* items = PySequence_Fast_ITEMS(obj);
  std::vector<int64_t> out(static_cast<size_t>(n));
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* it = items[i];
    if (PyLong_CheckExact(it)) {
      out[i] = unpack_long(it);
    } else if (is_tensor(it)) {
      out[i] = tensor_of(it).item().to_long();
    } else {
      EMBER_CHECK_TYPEERR(is_int_like(it), what, " must be a tuple of ints, but found element of type ",
                          py_type_name(it), " at pos ", i);
      out[i] = unpack_long(it);
    }
  }
  return out;
}

Tensor PythonArgs::tensor(int i) const {
  PyObject* o = args[i];
  if (!o) return Tensor();
  return tensor_from_arg(o);
}

std::optional<Tensor> PythonArgs::optional_tensor(int i) const {
  if (!args[i]) return std::nullopt;
  return tensor_from_arg(args[i]);
}

std::vector<Tensor> PythonArgs::tensorlist(int i) const {
  PyObject* o = args[i];
  if (!o) return {};
  const Py_ssize_t n = PySequence_Fast_GET_SIZE(o);
  std::vector<Tensor> out;
  out.reserve(n);
  for (Py_ssize_t k = 0; k < n; ++k) out.push_back(tensor_of(PySequence_Fast_ITEMS(o)[k]));
  return out;
}

std::vector<Tensor> PythonArgs::out_tensors(int i, size_t n) const {
  PyObject* o = args[i];
  if (!o) return std::vector<Tensor>(n);  // out=None: the kernel allocates every output
  const size_t got = static_cast<size_t>(PySequence_Fast_GET_SIZE(o));
  if (got != n) throw TypeError(str("expected tuple of ", n, " elements but got ", got));
  return tensorlist(i);
}

PyObject* PythonArgs::return_out_tuple(int i, const char* name,
                                       std::initializer_list<const char*> fields) const {
  PyObject* r = check(PyStructSequence_New(return_type(name, fields)));
  for (Py_ssize_t k = 0; k < static_cast<Py_ssize_t>(fields.size()); ++k) {
    PyObject* item = PySequence_Fast_ITEMS(args[i])[k];
    Py_INCREF(item);
    PyStructSequence_SET_ITEM(r, k, item);
  }
  return r;
}

std::vector<std::optional<Tensor>> PythonArgs::optional_tensorlist(int i) const {
  PyObject* o = args[i];
  if (!o) return {};
  const Py_ssize_t n = PySequence_Fast_GET_SIZE(o);
  std::vector<std::optional<Tensor>> out;
  out.reserve(n);
  for (Py_ssize_t k = 0; k < n; ++k) {
    PyObject* it = PySequence_Fast_ITEMS(o)[k];
    if (it == Py_None) {
      out.emplace_back(std::nullopt);
    } else {
      out.emplace_back(tensor_of(it));
    }
  }
  return out;
}

Scalar PythonArgs::scalar(int i) const {
  PyObject* o = args[i];
  if (!o) return param(i).default_scalar;
  if (is_tensor(o)) return tensor_of(o).item();
  return to_scalar(o);
}

std::optional<Scalar> PythonArgs::scalar_optional(int i) const {
  if (!args[i]) {
    if (param(i).has_default && !param(i).default_is_none) return param(i).default_scalar;
    return std::nullopt;
  }
  return scalar(i);
}

int64_t PythonArgs::toint64(int i) const {
  PyObject* o = args[i];
  if (!o) return param(i).default_int;
  if (is_tensor(o)) return tensor_of(o).item().to_long();
  return unpack_long(o);
}

std::optional<int64_t> PythonArgs::toint64_optional(int i) const {
  if (!args[i]) {
    if (param(i).has_default && !param(i).default_is_none) return param(i).default_int;
    return std::nullopt;
  }
  return toint64(i);
}

std::vector<int64_t> PythonArgs::intlist(int i) const {
  PyObject* o = args[i];
  if (!o) return param(i).default_intlist;
  return intlist_from_arg(o, param(i).size, (signature->name + "(): argument '" + param(i).name + "'").c_str());
}

std::optional<std::vector<int64_t>> PythonArgs::intlist_optional(int i) const {
  if (!args[i]) {
    if (param(i).has_default && !param(i).default_is_none) return param(i).default_intlist;
    return std::nullopt;
  }
  return intlist(i);
}

double PythonArgs::todouble(int i) const {
  PyObject* o = args[i];
  if (!o) return param(i).default_double;
  if (PyFloat_CheckExact(o)) return PyFloat_AS_DOUBLE(o);
  if (is_tensor(o)) return tensor_of(o).item().to_double();
  const double d = PyFloat_AsDouble(o);
  if (d == -1.0 && PyErr_Occurred()) throw python_error();
  return d;
}

std::optional<double> PythonArgs::todouble_optional(int i) const {
  if (!args[i]) {
    if (param(i).has_default && !param(i).default_is_none) return param(i).default_double;
    return std::nullopt;
  }
  return todouble(i);
}

bool PythonArgs::toBool(int i) const {
  PyObject* o = args[i];
  if (!o) return param(i).default_bool;
  if (PyBool_Check(o)) return o == Py_True;
  const int t = PyObject_IsTrue(o);
  if (t < 0) throw python_error();
  return t != 0;
}

std::optional<bool> PythonArgs::toBool_optional(int i) const {
  if (!args[i]) {
    if (param(i).has_default && !param(i).default_is_none) return param(i).default_bool;
    return std::nullopt;
  }
  return toBool(i);
}

std::string PythonArgs::string(int i) const {
  PyObject* o = args[i];
  if (!o) return param(i).default_string;
  Py_ssize_t n = 0;
  const char* s = PyUnicode_AsUTF8AndSize(o, &n);
  if (!s) throw python_error();
  return std::string(s, static_cast<size_t>(n));
}

std::optional<std::string> PythonArgs::string_optional(int i) const {
  if (!args[i]) {
    if (param(i).has_default && !param(i).default_is_none) return param(i).default_string;
    return std::nullopt;
  }
  return string(i);
}

ScalarType PythonArgs::scalartype(int i) const {
  PyObject* o = args[i];
  if (!o) {
    const ScalarType d = param(i).default_scalartype;
    return d == ScalarType::Undefined ? default_dtype() : d;
  }
  return to_scalar_type(o);
}

std::optional<ScalarType> PythonArgs::scalartype_optional(int i) const {
  if (!args[i]) {
    const ScalarType d = param(i).default_scalartype;
    if (d == ScalarType::Undefined) return std::nullopt;
    return d;
  }
  return to_scalar_type(args[i]);
}

Device PythonArgs::device(int i) const {
  PyObject* o = args[i];
  if (!o) return param(i).default_device.value_or(Device(DeviceType::CPU));
  return to_device(o);
}

std::optional<Device> PythonArgs::device_optional(int i) const {
  if (!args[i]) return param(i).default_device;
  return to_device(args[i]);
}

std::optional<Layout> PythonArgs::layout_optional(int i) const {
  if (!args[i]) {
    if (param(i).has_default && !param(i).default_is_none) return Layout::Strided;
    return std::nullopt;
  }
  return reinterpret_cast<PyLayout*>(args[i])->layout;
}

MemoryFormat PythonArgs::memoryformat(int i) const {
  if (!args[i]) return param(i).default_memory_format;
  return reinterpret_cast<PyMemoryFormat*>(args[i])->memory_format;
}

std::optional<MemoryFormat> PythonArgs::memoryformat_optional(int i) const {
  if (!args[i]) {
    if (param(i).has_default && !param(i).default_is_none) return param(i).default_memory_format;
    return std::nullopt;
  }
  return reinterpret_cast<PyMemoryFormat*>(args[i])->memory_format;
}

std::optional<Generator> PythonArgs::generator_optional(int i) const {
  if (!args[i]) return std::nullopt;
  return generator_of(args[i]);
}

}  // namespace ember::python
