"""The emitters: golden files, the fixed output list, and write-only-when-changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen import gen
from codegen.native_yaml import parse_native_yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURE = HERE / "fixtures" / "golden_schema.yaml"
GOLDEN = HERE / "golden"
TEMPLATES = ROOT / "codegen" / "templates"


def _generate(out: Path, yaml: Path = FIXTURE, backends: tuple[str, ...] = ("CPU", "CUDA")):
    nfs = parse_native_yaml(yaml, backends=list(backends))
    return gen.generate(nfs, TEMPLATES, out, list(backends))


def test_golden_files(tmp_path: Path) -> None:
    _generate(tmp_path)
    produced = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert produced == sorted(gen.outputs(["CPU", "CUDA"]))
    if os.environ.get("EMBER_UPDATE_GOLDEN"):
        for rel in produced:
            dst = GOLDEN / (rel.replace("/", "__") + ".golden")
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text((tmp_path / rel).read_text())
    mismatched = []
    for rel in produced:
        golden = GOLDEN / (rel.replace("/", "__") + ".golden")
        assert golden.exists(), f"no golden file for {rel}; run with EMBER_UPDATE_GOLDEN=1 and review it"
        if golden.read_text() != (tmp_path / rel).read_text():
            mismatched.append(rel)
    assert not mismatched, f"generated files differ from their golden copies: {mismatched}"


def test_write_only_when_changed(tmp_path: Path) -> None:
    first = _generate(tmp_path)
    assert first.unchanged == []
    mtimes = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    second = _generate(tmp_path)
    assert second.written == []
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes


def test_editing_one_operator_rewrites_few_files(tmp_path: Path) -> None:
    _generate(tmp_path / "out")
    edited = tmp_path / "edited.yaml"
    edited.write_text(FIXTURE.read_text().replace("CompositeExplicitAutograd: zeros", "CompositeExplicitAutograd: zeros2"))
    w = _generate(tmp_path / "out", edited)
    assert set(w.written) == {
        "ember/generated/NativeFunctions.h",
        "ember/generated/RegisterComposite.cpp",
        "docs/operators.md",
    }


def test_cpu_only_outputs_have_no_cuda_registration(tmp_path: Path) -> None:
    _generate(tmp_path, backends=("CPU",))
    assert not (tmp_path / "ember/generated/RegisterCUDA.cpp").exists()
    reg = (tmp_path / "ember/generated/RegisterCPU.cpp").read_text()
    assert "max_dim_out" in reg and "add_out" in reg


def test_python_signatures_fold_out_into_functional(tmp_path: Path) -> None:
    _generate(tmp_path)
    text = "".join((tmp_path / f"ember/generated/python_functions_{i}.cpp").read_text() for i in range(3))
    assert '"add(Tensor input, Tensor other, *, Scalar alpha=1, Tensor? out=None)"' in text
    # A two-output out= twin (max.dim_max) takes out= as a tuple and returns the
    # caller's tensors as a named tuple, like torch.return_types.max_out.
    assert '"max(Tensor input, int dim, bool keepdim=False, *, Tensor[2]? out=None)"' in text
    assert 'wrap_named(std::move(result_), "max", {"values", "indices"})' in text
    assert 'return _r.return_out_tuple(3, "max_out", {"values", "indices"});' in text


def test_cli_list_outputs_matches_generate(tmp_path: Path) -> None:
    listed = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--yaml", str(FIXTURE), "--out-dir", str(tmp_path),
         "--backends", "CPU;CUDA", "--list-outputs"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout.split()
    assert listed == gen.outputs(["CPU", "CUDA"])
    assert not any(tmp_path.iterdir())  # listing writes nothing


def test_cli_rejects_unknown_backend(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--yaml", str(FIXTURE), "--out-dir", str(tmp_path),
         "--backends", "CPU,TPU"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert r.returncode == 2 and "TPU" in r.stderr


def test_cli_reports_schema_errors_with_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- func: add(Tensor self, Tensor other -> Tensor\n")
    r = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--yaml", str(bad), "--out-dir", str(tmp_path / "o")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert r.returncode == 1 and f"{bad}:1:" in r.stderr


@pytest.mark.parametrize("backends", [("CPU",), ("CPU", "CUDA")])
def test_ember_schema_generates(tmp_path: Path, backends: tuple[str, ...]) -> None:
    w = _generate(tmp_path, ROOT / "native_functions.yaml", backends)
    assert sorted(w.written) == sorted(gen.outputs(backends))
