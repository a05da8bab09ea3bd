"""Compile tests: standalone CUDA programs, translated by ``hipify.translate``, build with hipcc.

Each program under ``programs/`` is real CUDA (checked with ``nvcc -c`` where nvcc and the
library headers it includes are available) written to exercise one API family. Its
translation must compile with Debian's hipcc for an AMD target
(``HIP_PLATFORM=amd hipcc --offload-arch=gfx90a -x hip -c``). Programs that include a HIP
library Debian does not package (hipBLAS, hipCUB) are skipped with the reason.

Compiles are slow on a small machine, so each compiler builds every program once, in a
small thread pool, and the per-program tests read the results.
"""

from __future__ import annotations

import concurrent.futures
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import hipify

PROGRAMS_DIR = Path(__file__).parent / "programs"
PROGRAMS = sorted(PROGRAMS_DIR.glob("*.cu"))
HIP_INCLUDE = Path("/usr/include")
OFFLOAD_ARCH = "gfx90a"
JOBS = max(1, min(4, os.cpu_count() or 1))
TIMEOUT_S = 600

_INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*[<"]([^>"]+)[>"]', re.M)


@dataclass(frozen=True)
class Build:
    returncode: int | None  # None: not built (see skip)
    output: str = ""
    skip: str = ""


def _includes(text: str) -> list[str]:
    return _INCLUDE.findall(text)


def _compile_all(jobs: dict[str, list[str] | str], env: dict[str, str]) -> dict[str, Build]:
    """Run each command (or keep each skip reason) with a small pool; name -> Build."""

    def run(cmd: list[str]) -> Build:
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return Build(-1, f"timed out after {TIMEOUT_S}s: {' '.join(cmd)}")
        return Build(p.returncode, p.stdout + p.stderr)

    results: dict[str, Build] = {n: Build(None, skip=j) for n, j in jobs.items() if isinstance(j, str)}
    with concurrent.futures.ThreadPoolExecutor(JOBS) as pool:
        futures = {n: pool.submit(run, j) for n, j in jobs.items() if not isinstance(j, str)}
        for n, f in futures.items():
            results[n] = f.result()
    return results


# ---------------------------------------------------------------------------
# hipcc on the translations


@functools.cache
def _translations() -> dict[str, hipify.Result]:
    return {p.name: hipify.translate(p.read_text(), path=str(p)) for p in PROGRAMS}


@pytest.fixture(scope="module")
def hipcc_builds(tmp_path_factory):
    hipcc = shutil.which("hipcc")
    if hipcc is None:
        pytest.skip("hipcc not on PATH (apt-get install hipcc libamdhip64-dev libhiprand-dev libhipsparse-dev)")
    out = tmp_path_factory.mktemp("hipcc")
    jobs: dict[str, list[str] | str] = {}
    for name, result in _translations().items():
        hip_text = result.text
        missing = [
            h for h in _includes(hip_text)
            if h.split("/", 1)[0].startswith(("hip", "roc")) and not (HIP_INCLUDE / h).is_file()
        ]
        if missing:
            jobs[name] = f"{', '.join(missing)} not installed (not packaged in Debian 12)"
            continue
        src = out / (Path(name).stem + ".hip")
        src.write_text(hip_text)
        jobs[name] = [hipcc, f"--offload-arch={OFFLOAD_ARCH}", "-x", "hip", "-c", str(src),
                      "-o", str(out / (src.stem + ".o"))]
    env = dict(os.environ, HIP_PLATFORM="amd")
    return _compile_all(jobs, env)


@pytest.mark.parametrize("program", [p.name for p in PROGRAMS])
def test_translation_is_clean(program):
    """Every API these programs use has a HIP 5.2 equivalent, so nothing is reported."""
    result = _translations()[program]
    assert result.text != (PROGRAMS_DIR / program).read_text()
    assert not result.warnings, "\n".join(str(w) for w in result.warnings)
    assert not re.search(r"\bcuda[A-Z]\w*|\bcu(?:blas|rand|sparse)[A-Z]\w*|\bcurand_\w+", result.text)


@pytest.mark.hipcc
@pytest.mark.parametrize("program", [p.name for p in PROGRAMS])
def test_translation_compiles_with_hipcc(program, hipcc_builds):
    build = hipcc_builds[program]
    if build.returncode is None:
        pytest.skip(f"{program}: {build.skip}")
    assert build.returncode == 0, f"hipcc failed on the translation of {program}:\n{build.output[-4000:]}"


# ---------------------------------------------------------------------------
# nvcc on the originals (the programs are real CUDA)


# The CUDA libraries' headers; the toolkit's own (cuda_runtime.h, cub/, ...) nvcc finds itself.
_LIBRARY_HEADER = re.compile(r"^(?:cublas|curand|cusparse|cufft|cusolver|nccl|cudnn)")


def _cuda_include_dirs(nvcc: str) -> list[Path]:
    """Where the CUDA libraries' headers may be: the toolkit, NVIDIA's pip wheels, $EMBER_CUDA_INCLUDE."""
    dirs = [Path(nvcc).resolve().parent.parent / "include"]
    dirs += [Path(os.environ[v]) / "include" for v in ("CUDA_HOME", "CUDA_PATH") if v in os.environ]
    dirs += [Path("/usr/local/cuda/include")]
    for entry in sys.path:
        dirs += sorted(Path(entry).glob("nvidia/*/include")) if entry else []
    dirs += [Path(p) for p in os.environ.get("EMBER_CUDA_INCLUDE", "").split(os.pathsep) if p]
    return [d for d in dirs if d.is_dir()]


@pytest.fixture(scope="module")
def nvcc_builds(tmp_path_factory):
    nvcc = shutil.which("nvcc")
    if nvcc is None:
        pytest.skip("nvcc not on PATH (the CUDA toolkit checks that the programs are real CUDA)")
    dirs = _cuda_include_dirs(nvcc)
    out = tmp_path_factory.mktemp("nvcc")
    jobs: dict[str, list[str] | str] = {}
    for p in PROGRAMS:
        missing = [
            h for h in _includes(p.read_text())
            if _LIBRARY_HEADER.match(h) and not any((d / h).is_file() for d in dirs)
        ]
        if missing:
            jobs[p.name] = (
                f"{', '.join(missing)} not found in {', '.join(map(str, dirs))}; "
                "set EMBER_CUDA_INCLUDE or pip-install the NVIDIA library wheels"
            )
            continue
        jobs[p.name] = [nvcc, "-c", str(p), "-o", str(out / (p.stem + ".o"))] + [f"-I{d}" for d in dirs]
    return _compile_all(jobs, dict(os.environ))


@pytest.mark.build
@pytest.mark.parametrize("program", [p.name for p in PROGRAMS])
def test_original_compiles_with_nvcc(program, nvcc_builds):
    build = nvcc_builds[program]
    if build.returncode is None:
        pytest.skip(f"{program}: {build.skip}")
    assert build.returncode == 0, f"nvcc failed on {program}:\n{build.output[-4000:]}"


def test_programs_exist():
    assert len(PROGRAMS) >= 12, PROGRAMS
