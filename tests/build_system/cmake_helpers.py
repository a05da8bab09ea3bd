"""Driving CMake from the build tests: configure and build ember in a given tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# A CPU-only build unless a test says otherwise; the toggles come from the
# environment (cmake/EmberOptions.cmake), so clear the ones a caller may have set.
_TOGGLES = ("USE_CUDA", "USE_ROCM", "USE_OPENMP", "DEBUG", "REL_WITH_DEB_INFO", "MAX_JOBS",
            "EMBER_CUDA_ARCH_LIST", "EMBER_ROCM_ARCH", "BUILD_TEST", "VERBOSE", "CUDACXX", "HIPCC")


def build_env(**toggles: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _TOGGLES}
    env.update({"USE_CUDA": "0", "USE_ROCM": "0"})
    env.update(toggles)
    return env


def configure(build_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    cmd = ["cmake", "-S", str(REPO), "-B", str(build_dir), "-G", "Ninja",
           f"-DPython_EXECUTABLE={sys.executable}"]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=REPO)


def build(build_dir: Path, *ninja_args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    cmd = ["cmake", "--build", str(build_dir)]
    if ninja_args:
        cmd += ["--", *ninja_args]
    return subprocess.run(cmd, env=env or build_env(), capture_output=True, text=True, cwd=REPO)
