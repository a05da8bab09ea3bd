"""Asking for a backend that cannot be built is a configure error that names the
missing piece, never a silent CPU-only build (README, "Build toggles")."""

from __future__ import annotations

import pytest

from cmake_helpers import build_env, configure


@pytest.mark.parametrize(
    ("toggles", "expected"),
    [
        ({"USE_CUDA": "1", "CUDACXX": "/nonexistent/bin/nvcc"}, "nvcc"),
        ({"USE_ROCM": "1", "HIPCC": "/nonexistent/bin/hipcc"}, "apt-get install hipcc"),
        ({"USE_CUDA": "1", "USE_ROCM": "1"}, "USE_CUDA=1 and USE_ROCM=1"),
        ({"USE_CUDA": "maybe"}, "USE_CUDA: expected auto, 0 or 1, but got 'maybe'"),
        ({"USE_CUDA": "1", "CUDACXX": "/nonexistent", "MAX_JOBS": "many"}, "MAX_JOBS"),
        ({"DEBUG": "1", "REL_WITH_DEB_INFO": "1"}, "pick one build type"),
    ],
    ids=["cuda-without-nvcc", "rocm-without-hipcc", "cuda-and-rocm", "bad-tristate",
         "bad-max-jobs", "two-build-types"],
)
def test_configure_error(cmake_tools, tmp_path, toggles, expected):
    result = configure(tmp_path / "build", build_env(**toggles))
    assert result.returncode != 0, result.stdout
    message = " ".join((result.stdout + result.stderr).split())
    assert expected in message, message
