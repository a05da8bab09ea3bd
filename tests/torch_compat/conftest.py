"""Differential tests against PyTorch: skipped cleanly when torch is not importable.

PyTorch is looked for in the running interpreter first, then in the site-packages
named by EMBER_TORCH_SITE, then in the /tmp/torchenv virtual environment. Its
site-packages is appended to sys.path (after ember's own paths, so NumPy and ember
keep resolving as before).
"""

from __future__ import annotations

import glob
import importlib
import os
import sys

import pytest


def _import_torch():
    try:
        return importlib.import_module("torch")
    except ImportError:
        pass
    candidates = []
    if os.environ.get("EMBER_TORCH_SITE"):
        candidates.append(os.environ["EMBER_TORCH_SITE"])
    candidates += sorted(glob.glob("/tmp/torchenv/lib/python3*/site-packages"))
    for site in candidates:
        if os.path.isdir(os.path.join(site, "torch")) and site not in sys.path:
            sys.path.append(site)
            try:
                return importlib.import_module("torch")
            except ImportError:
                sys.path.remove(site)
    return None


_TORCH = _import_torch()


def pytest_collection_modifyitems(config, items):
    if _TORCH is not None:
        return
    skip = pytest.mark.skip(reason="needs PyTorch (set EMBER_TORCH_SITE to its site-packages)")
    here = os.path.dirname(os.path.abspath(__file__))
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def torch():
    if _TORCH is None:
        pytest.skip("needs PyTorch")
    return _TORCH
