"""Property tests: no input makes the translator fail, and its output is a fixed point."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipify.translator import Options

_FRAGMENTS = [
    "cudaMalloc", "cudaFree(p)", "cudaStream_t", "cudaMemcpyToSymbol(c, h, 4)", "cub::", "cub",
    "cublasSgemm", "__CUDACC__", "CUDART_VERSION", "cudaGraphInstantiateWithParams", "nv_bfloat16",
    "__global__", "threadIdx.x", "k<<<g, b>>>(x)", "k<T, 2><<<1, 2, 0, s>>>(a, (b))", "a<b<c>>>d",
    "#include <cuda.h>\n", "#include <cuda_runtime.h>\n", '#include "cublas_v2.h"\n', "#include <cudnn.h>\n",
    "#ifdef X\n", "#endif\n", "#pragma once\n", "// c cudaFree\n", "/* cudaMalloc", "*/", '"', "'", "R\"(",
    ")\"", "\\\n", "\r\n", "\n", " ", "(", ")", ",", ";", "{", "}", "<", ">", "1'000", "x", "\xff", "é",
]
_OPTIONS = st.builds(
    Options,
    hip_kernel_execution_syntax=st.booleans(),
    translate_comments=st.booleans(),
    translate_strings=st.booleans(),
    add_runtime_include=st.booleans(),
    warn_unknown=st.booleans(),
)
_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(data=st.binary(max_size=400), options=_OPTIONS)
def test_never_fails_on_arbitrary_bytes(tr, data, options):
    r = tr.translate(data, "x.cu", options)
    assert isinstance(r.text, bytes)
    if not r.changed:
        assert r.text == data


@_SETTINGS
@given(text=st.text(max_size=200), options=_OPTIONS)
def test_never_fails_on_arbitrary_text(tr, text, options):
    assert isinstance(tr.translate(text, None, options).text, str)


@_SETTINGS
@given(parts=st.lists(st.sampled_from(_FRAGMENTS), max_size=40), options=_OPTIONS, path=st.sampled_from(["a.cu", "a.cpp", "a.h", None]))
def test_idempotent(tr, parts, options, path):
    """Note [Idempotent output]: translating the output again changes nothing."""
    src = "".join(parts)
    once = tr.translate(src, path, options)
    twice = tr.translate(once.text, path, options)
    assert twice.text == once.text
    assert not twice.changed


@settings(max_examples=100, deadline=None)
@given(parts=st.lists(st.sampled_from(_FRAGMENTS), max_size=30))
def test_idempotent_with_real_tables(parts):
    import hipify

    src = "".join(parts).encode("utf-8", "surrogateescape")
    opts = Options(hip_kernel_execution_syntax=True)
    once = hipify.translate(src, "a.cu", opts).text
    assert hipify.translate(once, "a.cu", opts).text == once
