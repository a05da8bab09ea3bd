"""ember.version: what this build of ember is, like torch.version.

    __version__   "0.1.0"
    cuda          the CUDA toolkit version ember was compiled with ("13.0"), or None
    hip           the HIP version of a ROCm build, or None
    git_version   the commit the build came from ("unknown" outside a git checkout)
    debug         whether it is a debug build

The values come from ember/_build_config.py, which CMake writes when ember is
configured (cmake/build_config.py.in). A developer build loaded through
EMBER_C_PATH keeps that file in its build tree (<build>/python/ember/); it is
found there.
"""

from __future__ import annotations

import importlib.util
import os
from types import ModuleType


def _load_build_config() -> ModuleType | None:
    try:
        from ember import _build_config

        return _build_config
    except ImportError:
        pass
    dev = os.environ.get("EMBER_C_PATH")
    if dev:
        path = os.path.join(os.path.dirname(os.path.abspath(dev)), "python", "ember", "_build_config.py")
        if os.path.exists(path):
            spec = importlib.util.spec_from_file_location("ember._build_config", path)
            if spec and spec.loader:
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                return module
    return None


_config = _load_build_config()


def _from_extension(name: str) -> str | None:
    from ember import _C

    value = getattr(_C, name, "")
    return value or None


__version__: str = getattr(_config, "__version__", None) or _from_extension("_version") or "0+unknown"
cuda: str | None = getattr(_config, "cuda", None) if _config else _from_extension("_cuda_version")
hip: str | None = getattr(_config, "hip", None) if _config else _from_extension("_hip_version")
git_version: str = getattr(_config, "git_version", None) or "unknown"
debug: bool = bool(getattr(_config, "debug", False))


def build_config() -> dict:
    """Every configured value (what ember.show_config() prints)."""
    if _config is None:
        return {"__version__": __version__, "cuda": cuda, "hip": hip}
    return {k: v for k, v in vars(_config).items() if not k.startswith("_") or k == "__version__"}
