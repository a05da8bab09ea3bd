"""Corpus tests: realistic CUDA programs, translated, compared with reviewed HIP, built with hipcc.

``corpus/`` holds small programs written the way CUDA code is written in the wild (samples-style
error macros, streams and events, cuBLAS/cuSPARSE/cuFFT/cuRAND/CUB/NCCL users, driver API,
NVRTC, a PyTorch extension, ...). Each one is checked three ways:

* golden: its translation equals ``corpus/expected/NAME.hip`` byte for byte (reviewed like
  code; regenerate after a deliberate table change with
  ``EMBER_HIPIFY_REGEN=1 python -m pytest tests/hipify/test_corpus.py`` and read the diff);
* leftovers: no CUDA API identifier survives the translation except the ones listed in
  ``LEFTOVERS`` with the reason HIP 5.2 has no equivalent (so a table regression that drops a
  row fails here, and a new row that covers a leftover asks for the list to shrink);
* hipcc: the translation compiles with ``HIP_PLATFORM=amd hipcc --offload-arch=gfx90a -x hip -c``
  unless it includes a HIP library Debian 12 does not package (skipped) or uses an API HIP 5.2
  lacks (``NOT_IN_HIP_5_2``: a strict xfail, so the day it compiles the entry must go).

The programs were checked with ``nvcc -c`` (CUDA 13, library headers from NVIDIA's wheels).
"""

from __future__ import annotations

import concurrent.futures
import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import hipify

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = CORPUS / "expected"
SOURCES = sorted(p for p in CORPUS.iterdir() if p.suffix in {".cu", ".cuh", ".cpp", ".h"})
HEADER_SUFFIXES = (".cuh", ".h")
HIP_INCLUDE = Path("/usr/include")
OFFLOAD_ARCH = "gfx90a"
JOBS = 2  # the machine is shared; two compiles keep the whole file under a minute
TIMEOUT_S = 300

# CUDA API names that may survive translation, per file, and why. Everything else that looks
# like a CUDA API name (see _CUDA_NAME) must have been renamed.
LEFTOVERS: dict[str, dict[str, str]] = {
    "bf16_convert.cu": {
        "__float2bfloat16": "HIP 5.2's hip_bfloat16 converts with its constructor, not intrinsics",
        "__bfloat162float": "HIP 5.2's hip_bfloat16 converts with operator float, not intrinsics",
    },
    "unified_memory.cu": {
        "CUDART_VERSION": "left alone on purpose: undefined under HIP, so #if picks the pre-13 path",
    },
}

# Translations that cannot compile against HIP 5.2 because they use an API it lacks (the
# translation emits the later ROCm name, marked `missing:` in the tables, or keeps a leftover).
NOT_IN_HIP_5_2: dict[str, str] = {
    "bf16_convert.cu": "bfloat16 conversion intrinsics (see LEFTOVERS)",
    "math_constants_kernel.cu": "hip/hip_math_constants.h (HIPRT_*) arrived after ROCm 5.2",
    "ldg_launch_bounds.cu": "hipDeviceSetLimit arrived in ROCm 5.3",
    "cusparse_spmv_spmm.cu": "hipsparseGetErrorString arrived in ROCm 6.0",
}

# Library names that keep their CUDA spelling in HIP (RCCL keeps nccl*, rocThrust keeps thrust).
_SAME_NAME = re.compile(r"^(?:nccl\w*|NCCL_\w+)$")
_CUDA_NAME = re.compile(
    r"\b(?:cuda[A-Z]\w*|cu[A-Z][a-z]\w*|CU[a-z]\w*|CU_[A-Z]\w*|CUDA_[A-Z]\w*|CUDART_\w+|"
    r"cu(?:blas|sparse|rand|fft|solver|dnn)\w*|CU(?:BLAS|SPARSE|RAND|FFT|SOLVER|DNN)_\w+|"
    r"curand_\w+|nvrtc\w+|NVRTC_\w+|__nv_\w+|__\w*bfloat16\w*|cub::\w+|make_cuda\w+)\b"
)
# Macro names the programs define themselves (CUDA_CHECK, CUBLAS_CHECK, ...) are not APIs.
_DEFINED = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)", re.M)
_COMMENT_OR_STRING = re.compile(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\\n])*\"", re.S)
_INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*[<"]([^>"]+)[>"]', re.M)


@functools.cache
def _translations() -> dict[str, hipify.Result]:
    return {p.name: hipify.translate(p.read_text(), path=str(p)) for p in SOURCES}


def test_corpus_is_there():
    assert len(SOURCES) >= 30, [p.name for p in SOURCES]


@pytest.mark.parametrize("name", [p.name for p in SOURCES])
def test_golden(name):
    text = _translations()[name].text
    expected = EXPECTED / f"{name}.hip"
    if os.environ.get("EMBER_HIPIFY_REGEN"):
        EXPECTED.mkdir(exist_ok=True)
        expected.write_text(text)
    assert expected.exists(), f"{expected} is missing; regenerate with EMBER_HIPIFY_REGEN=1"
    assert text == expected.read_text()


@pytest.mark.parametrize("name", [p.name for p in SOURCES])
def test_idempotent(name):
    text = _translations()[name].text
    assert hipify.translate(text, path=name).text == text


@pytest.mark.parametrize("name", [p.name for p in SOURCES])
def test_leftovers_are_known(name):
    result = _translations()[name]
    own_macros = set(_DEFINED.findall(result.text))
    code = _COMMENT_OR_STRING.sub(" ", result.text)
    left = {
        m for m in _CUDA_NAME.findall(code)
        if m not in own_macros and not _SAME_NAME.match(m)
    }
    allowed = LEFTOVERS.get(name, {})
    assert left <= set(allowed), f"untranslated CUDA names in {name}: {sorted(left - set(allowed))}"
    assert set(allowed) <= left, f"LEFTOVERS lists names {name} no longer leaves: {sorted(set(allowed) - left)}"
    reported = {w.name for w in result.warnings if w.kind == "unsupported"}
    assert reported == set(allowed), "every leftover is reported as unsupported, and nothing else"


# Files whose runtime include is not their first include get a second one on top (nvcc
# includes the runtime before the first line; see the translator), and plain C++ headers
# without device code get none.
RUNTIME_INCLUDES = {"helper_first_callbacks.cu": 2, "sample_helpers.h": 0}


def test_includes_and_runtime_header():
    for name, result in _translations().items():
        includes = _INCLUDE.findall(result.text)
        assert includes.count("hip/hip_runtime.h") == RUNTIME_INCLUDES.get(name, 1), f"{name}: {includes}"
        cuda_headers = [h for h in includes if re.match(r"(?:cuda|cu[a-z]+|nvrtc|nccl|math_constants)", h)]
        assert not cuda_headers, f"{name} still includes {cuda_headers}"


# ---------------------------------------------------------------------------
# hipcc


def _compile(cmd: list[str], env: dict[str, str]) -> tuple[int, str]:
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {TIMEOUT_S}s"
    return p.returncode, p.stdout + p.stderr


def _missing_headers(text: str) -> list[str]:
    """HIP library headers (and third-party ones) the translation includes that are not installed."""
    out = []
    for h in _INCLUDE.findall(text):
        top = h.split("/", 1)[0]
        if top.startswith(("hip", "roc", "rccl", "thrust", "torch", "ATen", "c10")) and not (HIP_INCLUDE / h).is_file():
            out.append(h)
    return out


@pytest.fixture(scope="module")
def hipcc_builds(tmp_path_factory) -> dict[str, tuple[int | None, str]]:
    hipcc = shutil.which("hipcc")
    if hipcc is None:
        pytest.skip("hipcc not on PATH (apt-get install hipcc libamdhip64-dev libhiprand-dev libhipsparse-dev)")
    out = tmp_path_factory.mktemp("corpus_hipcc")
    # Headers keep their names so that #include "error_check.cuh" finds the translated one.
    for name, result in _translations().items():
        (out / name).write_text(result.text)
    builds: dict[str, tuple[int | None, str]] = {}
    jobs = {}
    for name, result in _translations().items():
        if name.endswith(HEADER_SUFFIXES):
            continue
        missing = _missing_headers(result.text)
        if missing:
            builds[name] = (None, f"{', '.join(missing)} not installed here")
            continue
        jobs[name] = [hipcc, f"--offload-arch={OFFLOAD_ARCH}", "-x", "hip", "-c", str(out / name),
                      "-o", str(out / (name + ".o"))]
    env = dict(os.environ, HIP_PLATFORM="amd")
    with concurrent.futures.ThreadPoolExecutor(JOBS) as pool:
        futures = {n: pool.submit(_compile, cmd, env) for n, cmd in jobs.items()}
        for n, f in futures.items():
            builds[n] = f.result()
    return builds


def _hipcc_params():
    for p in SOURCES:
        if p.name.endswith(HEADER_SUFFIXES):
            continue
        marks = [pytest.mark.hipcc]
        if p.name in NOT_IN_HIP_5_2:
            marks.append(pytest.mark.xfail(reason=NOT_IN_HIP_5_2[p.name], strict=True))
        yield pytest.param(p.name, marks=marks, id=p.name)


@pytest.mark.parametrize("name", list(_hipcc_params()))
def test_translation_compiles_with_hipcc(name, hipcc_builds):
    code, output = hipcc_builds[name]
    if code is None:
        pytest.skip(f"{name}: {output}")
    assert code == 0, f"hipcc failed on the translation of {name}:\n{output[-4000:]}"
