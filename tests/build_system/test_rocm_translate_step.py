"""The ROCm build's translate step (issue 3, section 4; Note [HIP sources are generated]
in cmake/EmberHipify.cmake): every CUDA source becomes its own Ninja step whose only
inputs are that source and the translator, writing into the build tree.

Runs against a configured ROCm build tree: $EMBER_TEST_ROCM_BUILD_DIR (as .ci/run sets
after its USE_ROCM=1 build), else a fresh configure under pytest's tmp directory
(seconds: configure only, nothing is compiled).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cmake_helpers import REPO, build_env, configure

pytestmark = [pytest.mark.build, pytest.mark.hipcc]

CUDA_DIRS = ("aten/src/ember/cuda", "aten/src/ember/native/cuda")


@pytest.fixture(scope="module")
def rocm_tree(tmp_path_factory) -> Path:
    given = os.environ.get("EMBER_TEST_ROCM_BUILD_DIR")
    if given:
        return Path(given).resolve()
    if shutil.which("hipcc") is None:
        pytest.skip("hipcc is not installed (apt-get install hipcc libamdhip64-dev)")
    tree = tmp_path_factory.mktemp("ember-rocm")
    result = configure(tree, build_env(USE_ROCM="1", EMBER_ROCM_ARCH="gfx90a"))
    assert result.returncode == 0, result.stdout + result.stderr
    return tree


def ninja_query(tree: Path, target: str) -> str:
    r = subprocess.run(["ninja", "-C", str(tree), "-t", "query", target], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def cuda_sources() -> list[Path]:
    files: list[Path] = []
    for d in CUDA_DIRS:
        files += sorted((REPO / d).glob("*.cu")) + sorted((REPO / d).glob("*.cpp"))
    return files


def test_each_cuda_source_is_translated_alone(rocm_tree: Path) -> None:
    sources = cuda_sources()
    assert sources, "no CUDA sources"
    for src in sources:
        rel = src.relative_to(REPO / "aten" / "src").as_posix()
        out = rocm_tree / "hipified" / (rel[:-3] + ".hip" if rel.endswith(".cu") else rel)
        query = ninja_query(rocm_tree, str(out))
        inputs = query.split("input:", 1)[1].split("outputs:", 1)[0].split()
        cuda_inputs = [i for i in inputs if i.endswith((".cu", ".cuh", ".cpp", ".h")) and "hipify" not in i]
        assert cuda_inputs == [str(src)], f"{rel}: the translate step reads {cuda_inputs}"
        assert any(i.endswith("hipify/translator.py") for i in inputs), f"{rel}: not re-run when the translator changes"
        assert not str(out).startswith(str(REPO / "aten")), "translated files must live in the build tree"


def test_translated_sources_are_compiled_by_hipcc(rocm_tree: Path) -> None:
    rules = subprocess.run(["ninja", "-C", str(rocm_tree), "-t", "commands", "_C"], capture_output=True, text=True)
    assert rules.returncode == 0, rules.stderr
    hip_compiles = [line for line in rules.stdout.splitlines() if "hipcc" in line and " -x hip " in line]
    assert len(hip_compiles) == len(cuda_sources())
    assert all("--offload-arch=gfx" in line for line in hip_compiles)
