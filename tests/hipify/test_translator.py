"""The engine's rules: renames, includes, special rewrites, diagnostics, statistics."""

from __future__ import annotations

import pytest

import hipify
from hipify.translator import Options


def test_public_api_types():
    r = hipify.translate("cudaMalloc(&p, n);", "k.cu")
    assert isinstance(r.text, str)
    assert r.changed
    assert "hipMalloc(&p, n);" in r.text
    rb = hipify.translate(b"cudaMalloc(&p, n);", "k.cu")
    assert isinstance(rb.text, bytes)
    assert rb.text == r.text.encode()
    with pytest.raises(TypeError):
        hipify.translate(42)  # type: ignore[arg-type]


def test_well_known_names_from_the_real_tables():
    src = "cudaStream_t s; cublasSgemm(h); __shfl_down_sync(m, v, 1); cudaMalloc(&p, 4);"
    out = hipify.translate(src, "k.cpp").text
    for name in ("hipStream_t", "hipblasSgemm", "hipMalloc"):
        assert name in out
    assert "cudaStream_t" not in out and "cudaMalloc" not in out


def test_unchanged_input_is_returned_as_is(tr):
    src = b"int main() { return 0; }\n"
    r = tr.translate(src, "x.cpp")
    assert r.text is src and not r.changed
    assert tr.translate("", "x.cu").text == ""
    assert tr.translate(b"", "x.cu").text == b""


def test_comments_and_strings_are_opt_in(tr):
    src = 'cudaFree(p); // cudaFree\nputs("cudaMalloc failed"); /* cudaStream_t */\n'
    assert tr.translate(src, "x.cpp").text == (
        'hipFree(p); // cudaFree\nputs("cudaMalloc failed"); /* cudaStream_t */\n'
    )
    both = Options(translate_comments=True, translate_strings=True)
    assert tr.translate(src, "x.cpp", both).text == (
        'hipFree(p); // hipFree\nputs("hipMalloc failed"); /* hipStream_t */\n'
    )


def test_namespace_rows_need_scope_operator(tr):
    src = "cub::BlockReduce<T, 128> r; int cub = 1; using namespace cub; cub :: X; a.cub;"
    assert tr.translate(src, "x.cpp").text == (
        "hipcub::BlockReduce<T, 128> r; int cub = 1; using namespace hipcub; hipcub :: X; a.cub;"
    )


@pytest.mark.parametrize(
    "src, expected",
    [
        ("cudaMemcpyToSymbol(c, h, n);", "hipMemcpyToSymbol(HIP_SYMBOL(c), h, n);"),
        ("cudaMemcpyToSymbol( ns::c , &h[0], sizeof(float) * 4, 0, cudaMemcpyHostToDevice);",
         "hipMemcpyToSymbol( HIP_SYMBOL(ns::c) , &h[0], sizeof(float) * 4, 0, hipMemcpyHostToDevice);"),
        ("cudaMemcpyFromSymbol(&h, c, 4);", "hipMemcpyFromSymbol(&h, HIP_SYMBOL(c), 4);"),
        ("cudaGetSymbolAddress((void**)&p, cudaSym);", "hipGetSymbolAddress((void**)&p, HIP_SYMBOL(cudaSym));"),
        ("cudaMemcpyToSymbol(HIP_SYMBOL(c), h, n);", "hipMemcpyToSymbol(HIP_SYMBOL(c), h, n);"),
        ("auto f = cudaMemcpyToSymbol;", "auto f = hipMemcpyToSymbol;"),
        ("cudaMemcpyToSymbol(\n    table,\n    h, n);", "hipMemcpyToSymbol(\n    HIP_SYMBOL(table),\n    h, n);"),
    ],
)
def test_symbol_arguments_are_wrapped(tr, src, expected):
    assert tr.translate(src, "x.cpp").text == expected


def test_unsupported_names_are_reported_and_left(tr):
    src = "int a;\n  cudaGraphInstantiateWithParams(g);\n#include <cudnn.h>\n"
    r = tr.translate(src, "dir/k.cu")
    assert "cudaGraphInstantiateWithParams(g)" in r.text
    assert [str(w) for w in r.warnings] == [
        "dir/k.cu:2:3: warning: 'cudaGraphInstantiateWithParams' has no HIP equivalent",
        "dir/k.cu:3:11: warning: 'cudnn.h' has no HIP equivalent",
    ]
    w = r.warnings[0]
    assert (w.file, w.line, w.col, w.name, w.kind) == ("dir/k.cu", 2, 3, "cudaGraphInstantiateWithParams", "unsupported")
    assert r.stats.unsupported == {"cudaGraphInstantiateWithParams": 1, "cudnn.h": 1}
    assert tr.translate(src).warnings[0].file == "<input>"


def test_unknown_cuda_names_heuristic_is_opt_in(tr):
    src = "cudaFooBar(x); cudaCheck(y); cuda_thing(); cudaMalloc(p);"
    assert tr.translate(src, "x.cpp").warnings == []
    r = tr.translate(src, "x.cpp", Options(warn_unknown=True))
    assert [(w.name, w.kind) for w in r.warnings] == [("cudaFooBar", "unknown"), ("cudaCheck", "unknown")]


def test_stats(tr):
    src = "#include <cuda_runtime.h>\ncudaMalloc(p); cudaFree(p); cublasSgemm(h);\nk<<<1, 2>>>(p);\n"
    s = tr.translate(src, "x.cu").stats
    assert s.replacements == {"headers": 1, "runtime": 2, "blas": 1}
    assert s.total_replacements == 4
    assert s.names["cudaMalloc"] == 1
    assert (s.kernel_launches, s.launches_rewritten, s.includes_rewritten, s.includes_added) == (1, 0, 1, 0)
    assert s.lines == 3 and s.files == 1


# -- includes ------------------------------------------------------------------------------


def test_headers_are_rewritten_keeping_delimiters(tr):
    src = '#include <cuda_runtime.h>\n#include "cublas_v2.h"\n#  include   <cub/cub.cuh>\n#include <vector>\n'
    assert tr.translate(src, "x.cu").text == (
        '#include <hip/hip_runtime.h>\n#include "hipblas/hipblas.h"\n#  include   <hipcub/hipcub.hpp>\n#include <vector>\n'
    )


def test_has_include_is_rewritten(tr):
    src = "#if __has_include(<cublas_v2.h>)\n#endif\n"
    assert tr.translate(src, "x.cpp").text == "#if __has_include(<hipblas/hipblas.h>)\n#endif\n"


def test_two_cuda_headers_give_one_runtime_include(tr):
    src = "#include <cuda.h>\n#include <cuda_runtime.h>\n#include <vector>\n"
    out = tr.translate(src, "x.cu").text
    assert out == "#include <hip/hip_runtime.h>\n#include <vector>\n"


def test_runtime_includes_under_different_conditions_are_kept(tr):
    src = "#ifdef DRV\n#include <cuda.h>\n#else\n#include <cuda_runtime.h>\n#endif\n"
    out = tr.translate(src, "x.cu").text
    assert out.count("#include <hip/hip_runtime.h>") == 2


def test_existing_hip_includes_are_never_removed(tr):
    src = "#include <hip/hip_runtime.h>\n#include <hip/hip_runtime.h>\n__global__ void k() {}\n"
    assert tr.translate(src, "x.cu").text == src


@pytest.mark.parametrize(
    "src, expected",
    [
        ("__global__ void k() {}\n", "#include <hip/hip_runtime.h>\n__global__ void k() {}\n"),
        (
            "// Copyright\n// more\n\n#pragma once\n#include <vector>\n__device__ int f();\n",
            "// Copyright\n// more\n\n#pragma once\n#include <hip/hip_runtime.h>\n#include <vector>\n__device__ int f();\n",
        ),
        (
            "/* licence\n * text */\n#ifndef FOO_H\n#define FOO_H\n__device__ int f();\n#endif\n",
            "/* licence\n * text */\n#ifndef FOO_H\n#define FOO_H\n#include <hip/hip_runtime.h>\n__device__ int f();\n#endif\n",
        ),
        (
            "#if !defined(FOO_H)\n#define FOO_H 1\nvoid h() { k<<<1, 1>>>(); }\n#endif\n",
            "#if !defined(FOO_H)\n#define FOO_H 1\n#include <hip/hip_runtime.h>\nvoid h() { k<<<1, 1>>>(); }\n#endif\n",
        ),
        ("/* a */ int x = threadIdx.x;", "#include <hip/hip_runtime.h>\n/* a */ int x = threadIdx.x;"),
        ("#pragma once", "#pragma once\n#include <hip/hip_runtime.h>\n") ,
        ("\ufeff__global__ void k();", "\ufeff#include <hip/hip_runtime.h>\n__global__ void k();"),
        ("// c\r\n__global__ void k();\r\n", "// c\r\n#include <hip/hip_runtime.h>\r\n__global__ void k();\r\n"),
    ],
)
def test_runtime_include_insertion(tr, src, expected):
    if src == "#pragma once":  # only a pragma: no device code, nothing to add ...
        assert tr.translate(src, "x.cu").text == src
        src = "#pragma once\n__device__ int f();"  # ... until there is some
        expected = "#pragma once\n#include <hip/hip_runtime.h>\n__device__ int f();"
    assert tr.translate(src, "x.cu").text == expected


def test_runtime_include_rules_by_file_kind(tr):
    api_only = "void f() { cudaFree(p); }\n"
    # A .cu file gets cuda_runtime.h from nvcc implicitly; a .cpp file must have included it.
    assert tr.translate(api_only, "x.cu").text.startswith("#include <hip/hip_runtime.h>\n")
    assert tr.translate(api_only, "x.cuh").stats.includes_added == 1
    assert tr.translate(api_only, "x.cpp").stats.includes_added == 0
    assert tr.translate(api_only, None).stats.includes_added == 1
    # Device code needs it anywhere.
    assert tr.translate("__device__ int f();\n", "x.h").stats.includes_added == 1
    # An API-only file that includes the runtime API header is fine.
    assert tr.translate("#include <cuda_runtime_api.h>\n" + api_only, "x.cu").stats.includes_added == 0
    # No CUDA at all: nothing added.
    assert tr.translate("int main() {}\n", "x.cu").stats.includes_added == 0
    # Opt-out.
    assert tr.translate(api_only, "x.cu", Options(add_runtime_include=False)).stats.includes_added == 0


def test_include_rewriter_hook(tr):
    def rewrite(path, delim):
        return "ops/foo_hip.cuh" if path == "ops/foo_cuda.cuh" else None

    src = '#include "ops/foo_cuda.cuh"\n#include <cuda_runtime.h>\n'
    out = tr.translate(src, "a.cu", include_rewriter=rewrite).text
    assert out == '#include "ops/foo_hip.cuh"\n#include <hip/hip_runtime.h>\n'


# -- robustness ----------------------------------------------------------------------------


def test_crlf_and_non_utf8_are_preserved(tr):
    src = b"// \xff\xfe latin-1 \xe9\r\n__global__ void k(float* \xc3\xa9) { cudaFree(0); }\r\n\"\x80\"\r\n"
    out = tr.translate(src, "x.cu").text
    assert out == (
        b"// \xff\xfe latin-1 \xe9\r\n#include <hip/hip_runtime.h>\r\n"
        b"__global__ void k(float* \xc3\xa9) { hipFree(0); }\r\n\"\x80\"\r\n"
    )


def test_idempotent_on_a_mixed_file(tr):
    src = (
        "#include <cuda.h>\n#include <cuda_runtime.h>\n__constant__ float c[4];\n"
        "void f(cudaStream_t s) { cudaMemcpyToSymbol(c, h, 16); k<T, 2><<<g, b, 0, s>>>(x, y); cub::Sum(); }\n"
    )
    for opts in (Options(), Options(hip_kernel_execution_syntax=True, translate_comments=True, translate_strings=True)):
        once = tr.translate(src, "x.cu", opts).text
        twice = tr.translate(once, "x.cu", opts)
        assert twice.text == once and not twice.changed


def test_hip_names_are_never_cuda_keys():
    """Note [Idempotent output] (1), over the real tables."""
    from hipify import mappings

    ids = mappings.identifiers()
    emitted = {m.hip for m in ids.values() if m.hip}
    assert not emitted & set(ids)
    hdr = mappings.headers()
    assert not {m.hip for m in hdr.values() if m.hip} & set(hdr)


def test_huge_input_is_linear(tr):
    import time

    unit = "/* c */ cudaFree(p); // x\n\"s\" k<<<1, 2>>>(a);\n"
    small, big = unit * 2000, unit * 20000
    t0 = time.perf_counter()
    tr.translate(small, "x.cu")
    t1 = time.perf_counter()
    r = tr.translate(big, "x.cu", Options(hip_kernel_execution_syntax=True))
    t2 = time.perf_counter()
    assert r.stats.launches_rewritten == 20000
    assert (t2 - t1) < 40 * (t1 - t0) + 0.5  # 10x the input, nowhere near 100x the time
