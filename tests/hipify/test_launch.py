"""--hip-kernel-execution-syntax: `<<<...>>>` launches to hipLaunchKernelGGL."""

from __future__ import annotations

import pytest

from hipify.translator import Options

HIP = Options(hip_kernel_execution_syntax=True, add_runtime_include=False)


@pytest.mark.parametrize(
    "src, expected",
    [
        ("k<<<g, b>>>(x, y);", "hipLaunchKernelGGL(k, dim3(g), dim3(b), 0, 0, x, y);"),
        ("k<<<g, b, sh>>>(x);", "hipLaunchKernelGGL(k, dim3(g), dim3(b), sh, 0, x);"),
        ("k<<<g, b, sh, s>>>();", "hipLaunchKernelGGL(k, dim3(g), dim3(b), sh, s);"),
        ("k <<< g , b >>> ( x );", "hipLaunchKernelGGL(k, dim3(g), dim3(b), 0, 0, x );"),
        ("k<<<dim3(2, 2), dim3(n)>>>(x);", "hipLaunchKernelGGL(k, dim3(2, 2), dim3(n), 0, 0, x);"),
        (
            "k<T, 4><<<(n + 255) / 256, 256, 0, at::cuda::stream()>>>(f(a, b), c[i]);",
            "hipLaunchKernelGGL(HIP_KERNEL_NAME(k<T, 4>), dim3((n + 255) / 256), dim3(256), 0, "
            "at::cuda::stream(), f(a, b), c[i]);",
        ),
        (
            "ns::detail::k<std::pair<int, float>><<<1, 1>>>(p);",
            "hipLaunchKernelGGL(HIP_KERNEL_NAME(ns::detail::k<std::pair<int, float>>), dim3(1), dim3(1), 0, 0, p);",
        ),
        (
            "k<<<grid, block, 0, stream>>>(\n    a,  // first\n    \"s, )\");",
            "hipLaunchKernelGGL(k, dim3(grid), dim3(block), 0, stream,\n    a,  // first\n    \"s, )\");",
        ),
        ("k<<<g, b>>>([=] __device__ (int i) { return i; }, v);",
         "hipLaunchKernelGGL(k, dim3(g), dim3(b), 0, 0, [=] __device__ (int i) { return i; }, v);"),
        ("// k<<<g, b>>>(x);\n", "// k<<<g, b>>>(x);\n"),
        ('puts("k<<<g, b>>>(x)");', 'puts("k<<<g, b>>>(x)");'),
        ("a<b<c>>>d; k<<<1, 2>>>(a<b<c>>>d);", "a<b<c>>>d; hipLaunchKernelGGL(k, dim3(1), dim3(2), 0, 0, a<b<c>>>d);"),
    ],
)
def test_launch_rewrites(tr, src, expected):
    r = tr.translate(src, "x.cu", HIP)
    assert r.text == expected
    assert tr.translate(r.text, "x.cu", HIP).text == r.text


def test_launch_args_are_translated_too(tr):
    src = "k<<<1, 2, 0, (cudaStream_t)s>>>(cudaMemcpyHostToDevice);"
    assert tr.translate(src, "x.cu", HIP).text == (
        "hipLaunchKernelGGL(k, dim3(1), dim3(2), 0, (hipStream_t)s, hipMemcpyHostToDevice);"
    )


def test_default_keeps_chevrons(tr):
    src = "k<T><<<g, b>>>(x);"
    r = tr.translate(src, "x.cu", Options(add_runtime_include=False))
    assert r.text == src and r.stats.kernel_launches == 1 and r.stats.launches_rewritten == 0


@pytest.mark.parametrize("src", ["k<<<g>>>(x);", "k<<<g, b>>> x;", "k<<<g, b", "<<<g, b>>>(x);", "k<<<g, b>>>(x"])
def test_unparsable_launches_are_left_and_reported(tr, src):
    r = tr.translate(src, "x.cu", HIP)
    assert r.text == src
    assert [w.kind for w in r.warnings] == ["launch"]
    assert (r.warnings[0].line, r.warnings[0].col) == (1, src.index("<<<") + 1)


def test_failure_position_maps_through_earlier_edits(tr):
    src = "cudaMalloc(p); cudaFree(q);\n  k<<<g>>>(x);"
    w = tr.translate(src, "x.cu", HIP).warnings
    assert [(x.line, x.col) for x in w] == [(2, 4)]
