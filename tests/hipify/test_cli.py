"""ember-hipify end to end (in process; one subprocess test for `python -m hipify`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KERNEL = b"""// scale
#include <cuda_runtime.h>
__global__ void scale(float* x) { x[threadIdx.x] *= 2; }
void run(float* x, cudaStream_t s) { scale<<<1, 32, 0, s>>>(x); cudaDeviceSynchronize(); }
"""
UNSUPPORTED = b"void f() { cudaGraphInstantiateWithParams(0); }\n"


@pytest.fixture
def kernel(tmp_path) -> Path:
    p = tmp_path / "kernel.cu"
    p.write_bytes(KERNEL)
    return p


def test_stdout(cli, kernel):
    code, out, err = cli(kernel)
    assert code == 0 and err == ""
    assert b"#include <hip/hip_runtime.h>" in out and b"hipStream_t s" in out
    assert b"scale<<<1, 32, 0, s>>>(x)" in out


def test_output_file_and_kernel_syntax(cli, kernel, tmp_path):
    target = tmp_path / "out" / "kernel.hip"
    code, out, _ = cli(kernel, "-o", target, "--hip-kernel-execution-syntax")
    assert code == 0 and out == b""
    assert b"hipLaunchKernelGGL(scale, dim3(1), dim3(32), 0, s, x);" in target.read_bytes()


def test_inplace_keeps_a_backup(cli, kernel):
    assert cli("--inplace", kernel)[0] == 0
    assert kernel.with_name("kernel.cu.prehip").read_bytes() == KERNEL
    once = kernel.read_bytes()
    assert b"hipDeviceSynchronize" in once
    # A second run is a no-op and keeps the original backup.
    assert cli("--inplace", kernel)[0] == 0
    assert kernel.read_bytes() == once
    assert kernel.with_name("kernel.cu.prehip").read_bytes() == KERNEL


def test_inplace_no_backup(cli, kernel):
    assert cli("--inplace", "--no-backup", kernel)[0] == 0
    assert not kernel.with_name("kernel.cu.prehip").exists()


def test_dry_run_writes_nothing(cli, kernel, tmp_path):
    target = tmp_path / "k.hip"
    code, out, _ = cli(kernel, "-o", target, "--dry-run")
    assert code == 0 and not target.exists() and out == b""


def test_diff(cli, kernel):
    code, out, _ = cli(kernel, "--diff")
    text = out.decode()
    assert code == 0
    assert text.startswith(f"--- a/{kernel}\n+++ b/{kernel}\n")
    assert "-#include <cuda_runtime.h>\n+#include <hip/hip_runtime.h>\n" in text


def test_stats_and_json(cli, kernel, tmp_path):
    bad = tmp_path / "bad.cu"
    bad.write_bytes(UNSUPPORTED)
    code, out, err = cli(kernel, bad, "--o-dir", tmp_path / "o", "--stats", "--json", "--o-stats", tmp_path / "r.json")
    assert code == 0
    report = json.loads(out)
    assert report == json.loads((tmp_path / "r.json").read_text())
    assert report["files"] == {"translated": 1, "unchanged": 1}
    assert report["stats"]["replacements"]["runtime"] >= 2
    assert report["stats"]["kernel_launches"] == 1
    unsupported = report["unsupported"]["cudaGraphInstantiateWithParams"]
    assert unsupported == {"count": 1, "locations": [f"{bad}:1:12"]}
    assert "replacements:" in err and "unsupported APIs: 1" in err
    assert f"{bad}:1:12: warning: 'cudaGraphInstantiateWithParams' has no HIP equivalent" in err
    assert (tmp_path / "o" / "kernel.hip").exists()


def test_print_stats_csv_and_quiet(cli, tmp_path):
    bad = tmp_path / "bad.cu"
    bad.write_bytes(UNSUPPORTED)
    code, out, err = cli(bad, "--examine", "--print-stats-csv", "--quiet-warnings")
    assert code == 0 and out == b""
    assert "counter,value\n" in err and "unsupported,1\n" in err
    assert "warning:" not in err


def test_strict_exit_code(cli, kernel, tmp_path):
    bad = tmp_path / "bad.cu"
    bad.write_bytes(UNSUPPORTED)
    assert cli(kernel, "--strict")[0] == 0
    code, out, err = cli(bad, "--strict")
    assert code == 1 and b"cudaGraphInstantiateWithParams" in out


def test_usage_errors(cli, kernel, tmp_path):
    assert cli(tmp_path / "missing.cu")[0] == 2
    assert cli(kernel, kernel, "-o", tmp_path / "x")[0] == 2
    assert cli(tmp_path)[0] == 2  # a directory needs -o
    assert cli(kernel, "--inplace", "-o", tmp_path / "x")[0] == 2
    with pytest.raises(SystemExit):
        cli(kernel, "--hip-kernel-execution-syntax", "--cuda-kernel-execution-syntax")


def test_python_dash_m(kernel):
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root))
    p = subprocess.run([sys.executable, "-m", "hipify", str(kernel)], capture_output=True, env=env, check=True)
    assert b"hipDeviceSynchronize" in p.stdout
    v = subprocess.run([sys.executable, "-m", "hipify", "--version"], capture_output=True, env=env, check=True)
    assert v.stdout.startswith(b"ember-hipify ")
