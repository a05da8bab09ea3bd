"""Shared test setup.

Tests import ember from python/ (the sources) with the extension that
python/ember/_loader.py finds: an installed build, or a developer build named by
EMBER_C_PATH. CUDA tests are marked `cuda` and skip cleanly without a GPU.
"""

from __future__ import annotations

import os
import sys

import pytest

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)  # `tests.ops.opinfo` imports
_PYTHON = os.path.join(_ROOT, "python")
if os.environ.get("EMBER_C_PATH") and _PYTHON not in sys.path:
    sys.path.insert(0, _PYTHON)


def _cuda_available() -> bool:
    try:
        import ember

        return bool(ember.cuda.is_available())
    except (ImportError, RuntimeError, AttributeError):
        return False  # no usable ember: nothing CUDA can run either


def pytest_collection_modifyitems(config, items):
    if _cuda_available():
        return
    skip = pytest.mark.skip(reason="needs a CUDA device (ember.cuda.is_available() is False)")
    for item in items:
        # The marker, not item.keywords: keywords also hold directory names (tests/cuda/).
        if item.get_closest_marker("cuda") is not None:
            item.add_marker(skip)
