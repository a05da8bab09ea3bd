"""Tree mode: ROCm-style renames, includes between translated files, the up-to-date cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hipify import project


@pytest.mark.parametrize(
    "rel, expected",
    [
        ("a.cu", "a.hip"),
        ("ops/cuda/foo_cuda.cuh", "ops/hip/foo_hip.cuh"),
        ("CUDA/Reduce.cuh", "HIP/Reduce.cuh"),
        ("cuda/impl_cuda.cpp", "hip/impl_hip.cpp"),
        ("cuda/notes_cuda.md", "hip/notes_cuda.md"),  # not a source: only its directory moves
        ("x.cu.in", "x.cu.in"),
    ],
)
def test_output_paths(rel, expected):
    assert project.hip_output_path(rel) == expected


def make_tree(root: Path) -> None:
    files = {
        "src/cuda/foo_cuda.cu": '#include "util_cuda.cuh"\n#include "../cuda/util_cuda.cuh"\n'
                                '#include <cuda/util_cuda.cuh>\n#include "plain.h"\n'
                                "__global__ void k() {}\nvoid f() { cudaFree(0); }\n",
        "src/cuda/util_cuda.cuh": "#pragma once\n__device__ int g();\n",
        "src/cuda/plain.h": "int plain();\n",
        "src/README.md": "cudaMalloc docs\n",
    }
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)


def test_tree_translation(cli, tmp_path):
    make_tree(tmp_path)
    out = tmp_path / "out"
    code, _, err = cli(tmp_path / "src", "-o", out, "-I", "src")
    assert code == 0, err
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    # plain.h needs no translation but moves with its renamed directory, so it is written.
    assert written == [".ember-hipify-cache.json", "hip/foo_hip.hip", "hip/plain.h", "hip/util_hip.cuh"]
    foo = (out / "hip/foo_hip.hip").read_text()
    assert foo.startswith(
        '#include <hip/hip_runtime.h>\n#include "util_hip.cuh"\n#include "../hip/util_hip.cuh"\n'
        '#include <hip/util_hip.cuh>\n#include "plain.h"\n'
    )
    assert "hipFree(0)" in foo


def test_copy_unmodified(cli, tmp_path):
    make_tree(tmp_path)
    out = tmp_path / "out"
    assert cli(tmp_path / "src", "-o", out, "--copy-unmodified")[0] == 0
    assert (out / "hip/plain.h").read_text() == "int plain();\n"
    assert not (out / "hip/README.md").exists()
    assert (out / "README.md").read_text() == "cudaMalloc docs\n"


def test_up_to_date_cache(cli, tmp_path):
    make_tree(tmp_path)
    out = tmp_path / "out"
    assert cli(tmp_path / "src", "-o", out)[0] == 0
    target = out / "hip/foo_hip.hip"
    stamp = target.stat().st_mtime_ns
    code, stdout, _ = cli(tmp_path / "src", "-o", out, "--json")
    assert json.loads(stdout)["files"] == {"cached": 3}
    assert target.stat().st_mtime_ns == stamp
    # Touching the input without changing it: still cached (content, not mtime).
    src = tmp_path / "src/cuda/foo_cuda.cu"
    os.utime(src, None)
    assert json.loads(cli(tmp_path / "src", "-o", out, "--json")[1])["files"] == {"cached": 3}
    # Changing one input re-translates that file only.
    src.write_text(src.read_text() + "cudaStream_t s;\n")
    report = json.loads(cli(tmp_path / "src", "-o", out, "--json")[1])
    assert report["files"] == {"cached": 2, "translated": 1}
    assert "hipStream_t s;" in target.read_text()
    # Other options invalidate everything.
    report = json.loads(cli(tmp_path / "src", "-o", out, "--json", "--hip-kernel-execution-syntax")[1])
    assert "cached" not in report["files"]
    # A deleted output is rewritten.
    target.unlink()
    cli(tmp_path / "src", "-o", out, "--hip-kernel-execution-syntax")
    assert target.exists()


def test_tree_dry_run_inplace_and_jobs(cli, tmp_path):
    make_tree(tmp_path)
    src = tmp_path / "src"
    before = (src / "cuda/foo_cuda.cu").read_text()
    code, out, _ = cli(src, "--dry-run", "--diff")
    assert code == 0 and b"+void f() { hipFree(0); }" in out
    assert (src / "cuda/foo_cuda.cu").read_text() == before
    assert cli(src, "--inplace", "-j", "2")[0] == 0
    assert "hipFree(0)" in (src / "cuda/foo_cuda.cu").read_text()
    assert (src / "cuda/foo_cuda.cu.prehip").read_text() == before
    assert not (src / "hip").exists()  # in place: no renames


def test_parallel_matches_serial(tmp_path):
    for i in range(12):
        p = tmp_path / "src" / f"k{i}_cuda.cu"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"__global__ void k{i}() {{}}\nvoid f() {{ cudaFree(0); }}\n")
    serial = project.translate_tree(tmp_path / "src", tmp_path / "a")
    parallel = project.translate_tree(tmp_path / "src", tmp_path / "b", jobs=2)
    assert serial.stats.to_dict() == parallel.stats.to_dict()
    for p in (tmp_path / "a").glob("*.hip"):
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes()


def test_rename_conflicts_are_errors(cli, tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src/a_cuda.h").write_text("int a;\n")
    (tmp_path / "src/a_hip.h").write_text("int b;\n")
    code, _, err = cli(tmp_path / "src", "-o", tmp_path / "out")
    assert code == 2 and "both map to a_hip.h" in err
