"""Load ember's native pieces in the right order: OpenBLAS first, then ember._C.

Note [Loading OpenBLAS]
-----------------------
ember's BLAS is the scipy-openblas32 wheel, the OpenBLAS that NumPy and SciPy ship,
so that `pip install` on a fresh machine needs no system BLAS. ember._C is linked
against the library's soname (libscipy_openblas.so) with no RPATH: an absolute path
would point into pip's temporary build environment (gone after the build), and a
relative one would break as soon as ember and scipy-openblas32 live in different
site-packages directories (editable installs, --target installs, relocated venvs).
Instead we ask the installed scipy_openblas32 package where its library is and map
it with RTLD_GLOBAL before importing ember._C; the dynamic linker then resolves
_C's dependency by soname to the already-loaded library. The same order works for
wheels, editable installs and moved virtual environments.
"""

from __future__ import annotations

import ctypes
import importlib
import importlib.util
import os
import sys
from types import ModuleType

_blas_handle: ctypes.CDLL | None = None


def load_blas() -> ctypes.CDLL:
    """Map scipy-openblas32's shared library into the process (once)."""
    global _blas_handle
    if _blas_handle is None:
        try:
            import scipy_openblas32
        except ImportError as e:
            raise ImportError(
                "ember needs the scipy-openblas32 package (its BLAS): "
                "pip install scipy-openblas32"
            ) from e
        path = os.path.join(
            scipy_openblas32.get_lib_dir(), scipy_openblas32.get_library(fullname=True)
        )
        _blas_handle = ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
    return _blas_handle


def load_extension() -> ModuleType:
    """Import and return ember._C, loading what it links against first."""
    load_blas()
    dev_path = os.environ.get("EMBER_C_PATH")
    if dev_path:
        # Developer builds: use the extension from a build directory of your own
        # (cmake -B build/dev-x ...; EMBER_C_PATH=build/dev-x/_C.cpython-*.so).
        spec = importlib.util.spec_from_file_location("ember._C", dev_path)
        if spec is None or spec.loader is None:
            raise ImportError(f"EMBER_C_PATH={dev_path!r} is not a loadable extension module")
        module = importlib.util.module_from_spec(spec)
        sys.modules["ember._C"] = module
        spec.loader.exec_module(module)
        return module
    try:
        return importlib.import_module("ember._C")
    except ImportError as e:
        raise ImportError(
            f"ember's compiled core (ember._C) could not be imported: {e}\n"
            "If you are in a source checkout, build it first: pip install -e . "
            "(README, 'Install'); an import from the repository root picks up the "
            "sources without the build."
        ) from e
