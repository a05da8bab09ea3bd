"""ember-hipify: translate CUDA sources to HIP.

Library use::

    import hipify
    result = hipify.translate(source, path="kernel.cu",
                              options=hipify.Options(hip_kernel_execution_syntax=True))
    result.text       # translated text, same type as `source` (str or bytes)
    result.stats      # hipify.Stats: replacements per API family, launches, includes, ...
    result.warnings   # [hipify.Diagnostic]: unsupported CUDA APIs with file:line:col
    result.changed    # whether anything was rewritten

The command line is ``ember-hipify`` (``python -m hipify``); see ``hipify.cli``. The mapping
tables live in ``hipify.mappings`` and load on first translation, so ``import hipify`` stays
cheap: every public name below is imported lazily.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "Options",
    "Result",
    "Stats",
    "Translator",
    "translate",
    "translate_tree",
    "__version__",
]

_LAZY = {
    "Options": "hipify.translator",
    "Result": "hipify.translator",
    "Translator": "hipify.translator",
    "Diagnostic": "hipify.report",
    "Stats": "hipify.report",
    "translate_tree": "hipify.project",
}


def translate(text, path=None, options=None):
    """Translate CUDA source ``text`` (``str`` or ``bytes``) to HIP; returns a ``Result``.

    ``path`` names the text in warnings and tells its kind (a ``.cu``/``.cuh`` file is
    compiled with the CUDA runtime implicitly included, so using it there calls for
    ``#include <hip/hip_runtime.h>``; ``None`` is treated like a ``.cu`` file).
    ``options`` is a ``hipify.Options``. Never raises on any input text.
    """
    from hipify.translator import translate as _translate

    return _translate(text, path, options)


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'hipify' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
