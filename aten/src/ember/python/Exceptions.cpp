#include <ember/python/Exceptions.h>

#include <new>

#include <pybind11/pybind11.h>

#include <ember/core/Error.h>

namespace ember::python {

PyObject* linalg_error_type() {
  // ember.linalg.LinAlgError: a RuntimeError subclass, like torch.linalg.LinAlgError.
  // Created on first use and kept for the life of the process.
  static PyObject* type = PyErr_NewExceptionWithDoc(
      "ember.linalg.LinAlgError",
      "Raised when a linear-algebra function cannot complete (a singular matrix, a matrix "
      "that is not positive-definite, an algorithm that did not converge).",
      PyExc_RuntimeError, nullptr);
  return type ? type : PyExc_RuntimeError;
}

void set_python_error_from_current_exception() noexcept {
  // Order matters: the most derived classes first.
  try {
    throw;
  } catch (python_error& e) {
    e.restore();
  } catch (pybind11::error_already_set& e) {
    e.restore();
  } catch (const pybind11::builtin_exception& e) {
    e.set_error();
  } catch (const IndexError& e) {
    PyErr_SetString(PyExc_IndexError, e.what());
  } catch (const TypeError& e) {
    PyErr_SetString(PyExc_TypeError, e.what());
  } catch (const ValueError& e) {
    PyErr_SetString(PyExc_ValueError, e.what());
  } catch (const NotImplementedError& e) {
    PyErr_SetString(PyExc_NotImplementedError, e.what());
  } catch (const LinAlgError& e) {
    PyErr_SetString(linalg_error_type(), e.what());
  } catch (const std::bad_alloc&) {
    PyErr_NoMemory();
  } catch (const std::exception& e) {
    // ember::Error and anything else from the standard library (or a backend).
    PyErr_SetString(PyExc_RuntimeError, e.what());
  } catch (...) {
    PyErr_SetString(PyExc_RuntimeError, "ember: unknown C++ exception");
  }
}

}  // namespace ember::python
