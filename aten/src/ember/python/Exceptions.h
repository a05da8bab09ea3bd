#pragma once
// C++ exceptions -> Python exceptions at the binding boundary.
//
// Every hand-written and generated binding body is wrapped in
//
//   EMBER_PY_TRY
//     ...
//   EMBER_PY_CATCH
//
// so that nothing thrown by the core escapes into CPython. The mapping (PyTorch's):
//   ember::IndexError -> IndexError, ember::TypeError -> TypeError,
//   ember::ValueError -> ValueError, ember::NotImplementedError -> NotImplementedError,
//   any other ember::Error or std::exception -> RuntimeError,
//   python_error (a Python exception already raised by Python code we called) -> itself.
// EMBER_PY_CATCH ends the function with `return nullptr` on the error path; use
// EMBER_PY_CATCH_RET(value) in slots that signal errors differently (-1 for setitem).
#include <Python.h>

#include <exception>

namespace ember::python {

// Thrown when a CPython call has failed and set the error indicator. The pending
// exception is fetched at construction, so destructors that run while the C++
// exception unwinds (Py_DECREF -> __del__) cannot clobber it; EMBER_PY_CATCH
// restores it.
class python_error : public std::exception {
 public:
  python_error() { PyErr_Fetch(&type_, &value_, &traceback_); }
  python_error(const python_error&) = delete;
  python_error(python_error&& o) noexcept
      : type_(o.type_), value_(o.value_), traceback_(o.traceback_) {
    o.type_ = o.value_ = o.traceback_ = nullptr;
  }
  ~python_error() override {
    if (type_ || value_ || traceback_) {
      // Dropped without restore (only when another error superseded it).
      Py_XDECREF(type_);
      Py_XDECREF(value_);
      Py_XDECREF(traceback_);
    }
  }
  const char* what() const noexcept override { return "python_error"; }
  // Puts the exception back as the interpreter's pending error (once).
  void restore() {
    PyErr_Restore(type_, value_, traceback_);
    type_ = value_ = traceback_ = nullptr;
  }

 private:
  PyObject* type_ = nullptr;
  PyObject* value_ = nullptr;
  PyObject* traceback_ = nullptr;
};

// Sets the Python error indicator from the exception being handled. Call only
// inside a catch block.
// The Python type of ember::LinAlgError (ember.linalg.LinAlgError, a RuntimeError).
PyObject* linalg_error_type();

void set_python_error_from_current_exception() noexcept;

// Throws python_error if a Python exception is pending; convenience for checking
// the result of a CPython call: `check(PyObject_GetAttrString(...))`.
inline PyObject* check(PyObject* result) {
  if (!result) throw python_error();
  return result;
}

}  // namespace ember::python

#define EMBER_PY_TRY try {
#define EMBER_PY_CATCH_RET(retval)                              \
  }                                                             \
  catch (...) {                                                 \
    ::ember::python::set_python_error_from_current_exception(); \
    return retval;                                              \
  }
#define EMBER_PY_CATCH EMBER_PY_CATCH_RET(nullptr)
