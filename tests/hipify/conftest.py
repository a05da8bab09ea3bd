"""Fixtures for the translator's tests.

Engine tests use ``tr``, a Translator over a small synthetic table, so that they check the
engine's rules and not the completeness of ``hipify/mappings`` (whose own tests live in
test_mappings*.py). Tests that name well-known APIs use the real tables.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest

from hipify.translator import Translator


@dataclass(frozen=True)
class Row:
    cuda: str
    hip: str | None
    family: str
    kind: str = "function"
    note: str = ""


_IDS = [
    Row("cudaMalloc", "hipMalloc", "runtime"),
    Row("cudaFree", "hipFree", "runtime"),
    Row("cudaStream_t", "hipStream_t", "runtime", "type"),
    Row("cudaMemcpyToSymbol", "hipMemcpyToSymbol", "runtime"),
    Row("cudaMemcpyFromSymbol", "hipMemcpyFromSymbol", "runtime"),
    Row("cudaGetSymbolAddress", "hipGetSymbolAddress", "runtime"),
    Row("cudaMemcpyHostToDevice", "hipMemcpyHostToDevice", "runtime", "enum"),
    Row("cudaGraphInstantiateWithParams", None, "runtime", note="not in HIP"),
    Row("cublasSgemm", "hipblasSgemm", "blas"),
    Row("curandState", "hiprandState", "rand", "type"),
    Row("CUDART_VERSION", "HIP_VERSION", "macros", "macro"),
    Row("__CUDACC__", "__HIPCC__", "macros", "macro"),
    Row("cub", "hipcub", "cub", "namespace"),
    Row("nv_bfloat16", "hip_bfloat16", "device", "type"),
]
_HEADERS = [
    Row("cuda_runtime.h", "hip/hip_runtime.h", "headers", "header"),
    Row("cuda.h", "hip/hip_runtime.h", "headers", "header"),
    Row("cuda_runtime_api.h", "hip/hip_runtime_api.h", "headers", "header"),
    Row("cublas_v2.h", "hipblas/hipblas.h", "headers", "header"),
    Row("cub/cub.cuh", "hipcub/hipcub.hpp", "headers", "header"),
    Row("cudnn.h", None, "headers", "header"),
]


@pytest.fixture(scope="session")
def tr() -> Translator:
    return Translator({r.cuda: r for r in _IDS}, {r.cuda: r for r in _HEADERS})


@pytest.fixture
def cli(capsysbinary, monkeypatch):
    """Run ember-hipify in process: returns (exit code, stdout bytes, stderr text)."""
    from hipify.cli import main

    def run(*argv: str, stdin: bytes = b"") -> tuple[int, bytes, str]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = main([str(a) for a in argv])
        out, err = capsysbinary.readouterr()
        return code, out, err.decode()

    return run
