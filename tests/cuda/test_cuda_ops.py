"""Every operator of the OpInfo table (tests/ops/opinfo.py) on CUDA tensors, checked
against the same NumPy references as the CPU tests: contiguous and non-contiguous
device inputs, Python numbers as CPU scalars, out= and in-place forms. Followed by the
cases the table does not reach: large inputs (the vectorized and multi-block paths),
NaN and tie handling of the extrema, random numbers against the CPU generator,
indexing, factories and matrix products of every dtype.

Marked `cuda`: skips cleanly without a GPU (tests/conftest.py)."""

from __future__ import annotations

from typing import Any

import ember
import numpy as np
import pytest

from tests.ops.opinfo import OPS, OpInfo, SampleInput
from tests.ops.test_ops import _check, _reference, _rng

pytestmark = pytest.mark.cuda

# Operators with CPU loops only (native/Sorting.h): on CUDA they raise
# NotImplementedError, checked by test_cpu_only_ops_raise below.
CPU_ONLY = {"sort", "argsort", "topk"}

CASES = [
    pytest.param(op, d, id=f"{op.name}-{d}")
    for op in OPS
    if op.name not in CPU_ONLY
    for d in op.dtypes
]


def to_cuda(x: Any, dtype: str | None, noncontig: bool) -> Any:
    """Like opinfo.to_ember, but the tensor (and its non-contiguous view) lives on the GPU."""
    if isinstance(x, list) and x and all(isinstance(a, np.ndarray) for a in x):
        return [to_cuda(a, dtype, noncontig) for a in x]
    if not isinstance(x, np.ndarray):
        return x
    d = getattr(ember, dtype) if dtype else None
    if noncontig and x.ndim >= 2:
        return (
            ember.tensor(np.ascontiguousarray(x.swapaxes(-1, -2)), dtype=d)
            .cuda()
            .transpose(-1, -2)
        )
    if noncontig and x.ndim == 1 and x.size > 0:
        return ember.tensor(np.repeat(x, 2), dtype=d).cuda()[::2]
    return ember.tensor(x, dtype=d).cuda()


def cpu_view(a: Any) -> Any:
    if isinstance(a, list):
        return [cpu_view(x) for x in a]
    return a.cpu() if isinstance(a, ember.Tensor) else a


def _cuda_args(op: OpInfo, sample: SampleInput, dtype: str, noncontig: bool) -> tuple:
    return tuple(
        to_cuda(a, op.fixed_dtypes.get(i, dtype), noncontig)
        for i, a in enumerate(sample.args)
    )


def _check_cuda(op: OpInfo, result, ref, expected: str, what: str) -> None:
    if op.returns_tuple:
        values, indices = result
        assert values.is_cuda and indices.is_cuda, what
        _check(op, values.cpu(), ref[0], expected, what + " values")
        _check(op, indices.cpu(), ref[1], "int64", what + " indices")
    else:
        assert isinstance(result, ember.Tensor) and result.is_cuda, (
            f"{what}: result not on CUDA"
        )
        _check(op, result.cpu(), ref, expected, what)


@pytest.mark.parametrize("op,dtype", CASES)
def test_function(op: OpInfo, dtype: str) -> None:
    fn = getattr(ember, op.fn_name)
    for sample in op.samples(dtype, _rng(op, dtype)):
        for noncontig in (False, True) if op.supports_noncontig else (False,):
            gargs = _cuda_args(op, sample, dtype, noncontig)
            cargs = tuple(cpu_view(a) for a in gargs)
            expected = op.expected_dtype(cargs, sample.kwargs)
            ref = _reference(op, cargs, sample.kwargs, expected)
            what = f"cuda {op.name}({[getattr(a, 'shape', a) for a in gargs]}, {sample.kwargs}) noncontig={noncontig}"
            _check_cuda(op, fn(*gargs, **sample.kwargs), ref, expected, what)


@pytest.mark.parametrize("op,dtype", [c for c in CASES if c.values[0].out])
def test_out(op: OpInfo, dtype: str) -> None:
    fn = getattr(ember, op.fn_name)
    for sample in op.samples(dtype, _rng(op, dtype)):
        gargs = _cuda_args(op, sample, dtype, False)
        if not isinstance(gargs[0], ember.Tensor):
            continue
        cargs = tuple(cpu_view(a) for a in gargs)
        expected = op.expected_dtype(cargs, sample.kwargs)
        if op.returns_tuple:
            continue  # (values, indices) out= pairs are covered by the CPU tests
        out = ember.empty(0, dtype=getattr(ember, expected), device="cuda")
        result = fn(*gargs, **sample.kwargs, out=out)
        assert result is out
        _check(
            op,
            out.cpu(),
            _reference(op, cargs, sample.kwargs, expected),
            expected,
            f"cuda {op.name} out=",
        )


@pytest.mark.parametrize("op,dtype", [c for c in CASES if c.values[0].inplace])
def test_inplace(op: OpInfo, dtype: str) -> None:
    for sample in op.samples(dtype, _rng(op, dtype)):
        gargs = _cuda_args(op, sample, dtype, False)
        cargs = tuple(cpu_view(a) for a in gargs)
        expected = op.expected_dtype(cargs, sample.kwargs)
        ref = np.asarray(_reference(op, cargs, sample.kwargs, expected))
        self_t = gargs[0].clone()
        if tuple(self_t.shape) != ref.shape:
            continue
        method = getattr(self_t, op.fn_name + "_")
        if expected != dtype and not ember.can_cast(
            getattr(ember, expected), self_t.dtype
        ):
            with pytest.raises(
                RuntimeError, match="can't be cast to the desired output type"
            ):
                method(*gargs[1:], **sample.kwargs)
            continue
        assert method(*gargs[1:], **sample.kwargs) is self_t
        _check(op, self_t.cpu(), ref, dtype, f"cuda {op.name}_")


# ---------------------------------------------------------------------------
# Beyond the table.


def _np(t: ember.Tensor) -> np.ndarray:
    t = t.cpu()
    return (t.float() if t.dtype == ember.bfloat16 else t).numpy()


@pytest.mark.parametrize("n", [1, 3, 4, 1000, 1 << 20, (1 << 20) + 3])
def test_large_elementwise_matches_cpu(n: int) -> None:
    rng = np.random.default_rng(n)
    a = rng.standard_normal(n).astype(np.float32)
    b = rng.standard_normal(n).astype(np.float32)
    ga, gb = ember.tensor(a).cuda(), ember.tensor(b).cuda()
    np.testing.assert_allclose(_np(ga + gb), a + b, rtol=1e-6)
    np.testing.assert_allclose(_np(ga * 3 - gb), a * 3 - b, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(_np(ember.exp(ga)), np.exp(a), rtol=1e-5)
    # misaligned views take the strided path
    if n > 2:
        np.testing.assert_allclose(_np(ga[1:] + gb[:-1]), a[1:] + b[:-1], rtol=1e-6)


def test_broadcast_3d_strided() -> None:
    rng = np.random.default_rng(0)
    a = rng.standard_normal((4, 1, 6, 5))
    b = rng.standard_normal((3, 5, 1)).swapaxes(1, 2)  # (3, 1, 5), non-contiguous
    ga = ember.tensor(a).cuda()
    gb = (
        ember.tensor(np.ascontiguousarray(rng.standard_normal((3, 5, 1))))
        .cuda()
        .transpose(1, 2)
    )
    bb = _np(gb)
    np.testing.assert_allclose(_np(ember.maximum(ga, gb)), np.maximum(a, bb))
    assert b.shape == bb.shape


@pytest.mark.parametrize(
    "shape,dim",
    [
        ((1 << 20,), None),
        ((1000, 300), 0),
        ((300, 1000), 1),
        ((64, 3, 500), (0, 2)),
        ((7, 1, 9), 1),
        ((5, 2000, 3), 1),
    ],
)
def test_large_reductions_match_cpu(shape, dim) -> None:
    rng = np.random.default_rng(1)
    x = rng.standard_normal(shape).astype(np.float32)
    g = ember.tensor(x).cuda()
    c = ember.tensor(x)
    kw = {} if dim is None else {"dim": dim}
    np.testing.assert_allclose(_np(g.sum(**kw)), _np(c.sum(**kw)), rtol=1e-4, atol=1e-3)
    np.testing.assert_allclose(
        _np(g.mean(**kw)), _np(c.mean(**kw)), rtol=1e-4, atol=1e-5
    )
    if dim is None:
        assert g.max().item() == c.max().item()
        assert g.argmax().item() == c.argmax().item()
    elif isinstance(dim, int):
        gv, gi = g.max(dim)
        cv, ci = c.max(dim)
        np.testing.assert_array_equal(_np(gv), _np(cv))
        np.testing.assert_array_equal(_np(gi), _np(ci))
        np.testing.assert_array_equal(_np(g.argmin(dim)), _np(c.argmin(dim)))


def test_integer_sum_wraps_and_is_exact() -> None:
    x = ember.full((1 << 20,), 3, dtype=ember.int32)
    assert x.cuda().sum().item() == 3 << 20
    big = ember.tensor([2**62, 2**62, 2**62], dtype=ember.int64)
    assert big.cuda().sum().item() == big.sum().item()
    assert ember.ones(10, dtype=ember.bool).cuda().sum().item() == 10


def test_extrema_nan_and_ties() -> None:
    x = ember.tensor([1.0, 5.0, float("nan"), 5.0, float("nan")])
    g = x.cuda()
    assert np.isnan(g.max().item()) and np.isnan(g.min().item())
    assert g.argmax().item() == 2 and g.argmin().item() == 2
    t = ember.tensor([[3, 7, 7, 1], [1, 1, 0, 0]]).cuda()
    v, i = t.max(1)
    assert v.tolist() == [7, 1] and i.tolist() == [1, 0]
    v, i = t.min(1)
    assert v.tolist() == [1, 0] and i.tolist() == [3, 2]
    # ties across the multi-block split of a long reduction: the first index wins
    long = ember.zeros(1 << 20).cuda()
    long[777] = 1.0
    long[900000] = 1.0
    assert long.argmax().item() == 777


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float32", "float64"])
@pytest.mark.parametrize(
    "shape,dim", [((4, 1000), -1), ((1000, 4), 0), ((3, 5, 7), 1), ((2, 5000), 1)]
)
def test_softmax_matches_cpu(dtype, shape, dim) -> None:
    rng = np.random.default_rng(2)
    x = ember.tensor(rng.standard_normal(shape) * 4, dtype=getattr(ember, dtype))
    tol = 2e-2 if dtype in ("float16", "bfloat16") else 1e-5
    for fn in (ember.softmax, ember.log_softmax):
        np.testing.assert_allclose(
            _np(fn(x.cuda(), dim)), _np(fn(x, dim)), rtol=tol, atol=tol
        )


@pytest.mark.parametrize(
    "dtype",
    [
        "uint8",
        "int8",
        "int16",
        "int32",
        "int64",
        "float16",
        "bfloat16",
        "float32",
        "float64",
    ],
)
def test_mm_every_dtype(dtype) -> None:
    d = getattr(ember, dtype)
    rng = np.random.default_rng(3)
    a = ember.tensor(rng.integers(0, 4, (37, 19)), dtype=d)
    b = ember.tensor(rng.integers(0, 4, (19, 23)), dtype=d)
    tol = 1e-2 if dtype in ("float16", "bfloat16") else 1e-6
    ga, gb = a.cuda(), b.cuda()
    np.testing.assert_allclose(_np(ember.mm(ga, gb)), _np(ember.mm(a, b)), rtol=tol)
    # a column-major operand (a transposed view on the GPU) and a transposed product
    ga_t = a.T.contiguous().cuda().T
    assert not ga_t.is_contiguous()
    np.testing.assert_allclose(_np(ember.mm(ga_t, gb)), _np(ember.mm(a, b)), rtol=tol)
    np.testing.assert_allclose(
        _np(ember.mm(gb.T, ga_t.T)), _np(ember.mm(b.T, a.T)), rtol=tol
    )


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_bmm_addmm_layouts(dtype) -> None:
    d = getattr(ember, dtype)
    rng = np.random.default_rng(4)
    a = ember.tensor(rng.standard_normal((5, 64, 33)), dtype=d)
    b = ember.tensor(rng.standard_normal((5, 33, 17)), dtype=d)
    ga, gb = a.cuda(), b.cuda()
    np.testing.assert_allclose(
        _np(ember.bmm(ga, gb)), _np(ember.bmm(a, b)), rtol=1e-5, atol=1e-5
    )
    np.testing.assert_allclose(
        _np(ember.bmm(gb.transpose(1, 2), ga.transpose(1, 2))),
        _np(ember.bmm(b.transpose(1, 2), a.transpose(1, 2))),
        rtol=1e-5,
        atol=1e-5,
    )
    c = ember.tensor(rng.standard_normal((64, 17)), dtype=d)
    np.testing.assert_allclose(
        _np(ember.addmm(c.cuda(), ga[0], gb[0], beta=0.5, alpha=2.0)),
        _np(ember.addmm(c, a[0], b[0], beta=0.5, alpha=2.0)),
        rtol=1e-5,
        atol=1e-5,
    )
    # beta = 0 ignores NaNs in c
    nan_c = ember.full((64, 17), float("nan"), dtype=d).cuda()
    assert not np.isnan(_np(ember.addmm(nan_c, ga[0], gb[0], beta=0))).any()
    big_a = ember.tensor(rng.standard_normal((300, 200)), dtype=d)
    big_b = ember.tensor(rng.standard_normal((200, 100)), dtype=d)
    np.testing.assert_allclose(
        _np(big_a.cuda() @ big_b.cuda()), _np(big_a @ big_b), rtol=1e-4, atol=1e-4
    )


def test_cat_and_stack() -> None:
    a = ember.arange(6).reshape(2, 3)
    b = ember.arange(6, 12).reshape(2, 3)
    np.testing.assert_array_equal(
        _np(ember.cat([a.cuda(), b.cuda()], 1)), _np(ember.cat([a, b], 1))
    )
    np.testing.assert_array_equal(
        _np(ember.stack([a.cuda(), b.cuda()])), _np(ember.stack([a, b]))
    )


@pytest.mark.parametrize("dtype", ["int64", "int32", "float16", "float32", "float64"])
def test_factories_match_cpu(dtype) -> None:
    d = getattr(ember, dtype)
    np.testing.assert_array_equal(
        _np(ember.arange(0, 100, 3, dtype=d, device="cuda")),
        _np(ember.arange(0, 100, 3, dtype=d)),
    )
    if dtype in ("float16", "float32", "float64"):
        np.testing.assert_array_equal(
            _np(ember.arange(-1.0, 1.0, 0.1, dtype=d, device="cuda")),
            _np(ember.arange(-1.0, 1.0, 0.1, dtype=d)),
        )
    np.testing.assert_array_equal(
        _np(ember.linspace(-3, 7, 50, dtype=d, device="cuda")),
        _np(ember.linspace(-3, 7, 50, dtype=d)),
    )
    np.testing.assert_array_equal(
        _np(ember.eye(4, 6, dtype=d, device="cuda")), _np(ember.eye(4, 6, dtype=d))
    )
    np.testing.assert_array_equal(
        _np(ember.full((3, 2), 7, dtype=d, device="cuda")), np.full((3, 2), 7)
    )
    np.testing.assert_array_equal(
        _np(ember.zeros(5, dtype=d, device="cuda")), np.zeros(5)
    )


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float32", "float64"])
def test_random_matches_cpu_stream(dtype) -> None:
    d = getattr(ember, dtype)
    n = 1001  # not a multiple of the elements per Philox block
    for make in (
        lambda dev: ember.rand(n, dtype=d, device=dev),
        lambda dev: ember.randn(n, dtype=d, device=dev),
        lambda dev: ember.empty(n, dtype=d, device=dev).uniform_(-2, 3),
        lambda dev: ember.empty(n, dtype=d, device=dev).normal_(1.5, 0.5),
    ):
        ember.manual_seed(99)
        cpu = make("cpu")
        ember.manual_seed(99)
        gpu = make("cuda")
        # Same Philox elements; one-ulp differences where nvcc fuses a multiply-add.
        rtol = (
            1e-2
            if dtype in ("float16", "bfloat16")
            else (1e-6 if dtype == "float32" else 1e-12)
        )
        np.testing.assert_allclose(_np(gpu), _np(cpu), rtol=rtol, atol=rtol)


@pytest.mark.parametrize(
    "dtype", ["uint8", "int8", "int16", "int32", "int64", "float32"]
)
def test_randint_and_random_match_cpu(dtype) -> None:
    d = getattr(ember, dtype)
    high = 100
    ember.manual_seed(7)
    cpu = ember.randint(0, high, (999,), dtype=d)
    ember.manual_seed(7)
    gpu = ember.randint(0, high, (999,), dtype=d, device="cuda")
    np.testing.assert_array_equal(_np(gpu), _np(cpu))


def test_integer_division_by_zero_raises() -> None:
    a = ember.tensor([4, 5, 6]).cuda()
    b = ember.tensor([1, 0, 2]).cuda()
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        ember.div(a, b, rounding_mode="floor")
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        ember.div(a, b, rounding_mode="trunc")
    np.testing.assert_array_equal(
        _np(ember.div(a, ember.tensor([2, -4, 4]).cuda(), rounding_mode="floor")),
        [2, -2, 1],
    )


def test_advanced_indexing_matches_cpu() -> None:
    x = ember.arange(60).reshape(3, 4, 5)
    g = x.cuda()
    idx = ember.tensor([2, 0, -1])
    np.testing.assert_array_equal(_np(g[idx]), _np(x[idx]))
    np.testing.assert_array_equal(_np(g[:, idx.cuda()]), _np(x[:, idx]))
    np.testing.assert_array_equal(
        _np(g[idx.cuda(), :, ember.tensor([1, 1, 4]).cuda()]),
        _np(x[idx, :, ember.tensor([1, 1, 4])]),
    )
    mask = x > 30
    np.testing.assert_array_equal(_np(g[mask.cuda()]), _np(x[mask]))
    with pytest.raises(IndexError, match="out of bounds"):
        g[ember.tensor([0, 3]).cuda()]
    with pytest.raises(IndexError, match="out of bounds"):
        g[:, ember.tensor([-5])]


def test_index_put_matches_cpu() -> None:
    x = ember.zeros(5, 3)
    g = x.cuda()
    idx = ember.tensor([0, 2, 2, 4])
    vals = ember.tensor([1.0, 2.0, 3.0, 4.0]).reshape(4, 1).expand(4, 3)
    x.index_put_((idx,), vals, accumulate=True)
    g.index_put_((idx.cuda(),), vals.cuda(), accumulate=True)
    np.testing.assert_array_equal(_np(g), _np(x))
    for dtype in (
        "int8",
        "int16",
        "uint8",
        "float16",
        "bfloat16",
        "int64",
        "float64",
        "bool",
    ):
        d = getattr(ember, dtype)
        h = ember.zeros(4, dtype=d, device="cuda")
        h.index_put_(
            (ember.tensor([1, 1, 3, 1]).cuda(),),
            ember.ones(4, dtype=d, device="cuda"),
            accumulate=True,
        )
        expected = [0, 1, 0, 1] if dtype == "bool" else [0, 3, 0, 1]
        np.testing.assert_array_equal(_np(h), expected, err_msg=dtype)
    y = ember.zeros(6, device="cuda")
    y[ember.tensor([1, 3]).cuda()] = 5.0
    assert y.tolist() == [0, 5, 0, 5, 0, 0]
    y[y > 1] = -1.0
    assert y.tolist() == [0, -1, 0, -1, 0, 0]


@pytest.mark.parametrize("shape", [(0,), (7,), (3, 5), (2, 3, 4), (5000,), (70, 300)])
def test_nonzero_matches_cpu(shape) -> None:
    rng = np.random.default_rng(5)
    x = ember.tensor(rng.integers(0, 3, shape) * (rng.random(shape) > 0.3))
    np.testing.assert_array_equal(_np(ember.nonzero(x.cuda())), _np(ember.nonzero(x)))
    np.testing.assert_array_equal(
        _np(ember.nonzero(x.cuda().T if x.dim() == 2 else x.cuda())),
        _np(ember.nonzero(x.T if x.dim() == 2 else x)),
    )


def test_where_with_cpu_scalar_and_clamp_tensor_bounds() -> None:
    x = ember.tensor([-2.0, 0.5, 3.0]).cuda()
    np.testing.assert_array_equal(_np(ember.where(x > 0, x, 0.0)), [0.0, 0.5, 3.0])
    lo = ember.tensor([-1.0, 1.0, 0.0]).cuda()
    np.testing.assert_array_equal(
        _np(ember.clamp(x, min=lo, max=ember.tensor(2.0))), [-1.0, 1.0, 2.0]
    )


def test_half_and_bfloat16_arithmetic() -> None:
    for d in (ember.float16, ember.bfloat16):
        a = ember.tensor([1.5, -2.0, 1000.0], dtype=d)
        b = ember.tensor([0.25, 4.0, 0.5], dtype=d)
        np.testing.assert_array_equal(_np(a.cuda() * b.cuda() + 1), _np(a * b + 1))
        np.testing.assert_array_equal(_np(a.cuda().sum()), _np(a.sum()))


def test_cpu_only_ops_raise() -> None:
    x = ember.ones(3, 4).cuda()
    for call in (lambda: x.sort(), lambda: x.argsort(), lambda: x.topk(2)):
        with pytest.raises(NotImplementedError, match="no CUDA kernel"):
            call()


@pytest.mark.parametrize("dtype", ["int32", "int64", "float16", "float32", "float64"])
@pytest.mark.parametrize("shape,dim", [((4, 3000), -1), ((3000, 4), 0), ((3, 5, 7), 1), ((100000,), 0)])
def test_scan_matches_cpu(dtype, shape, dim) -> None:
    rng = np.random.default_rng(3)
    x = ember.tensor(rng.uniform(0.999, 1.001, size=shape), dtype=getattr(ember, dtype))
    if dtype.startswith("int"):
        x = ember.tensor(rng.integers(-3, 4, size=shape), dtype=getattr(ember, dtype))
    # CUDA accumulates float32 in float, the CPU in double (as in PyTorch)
    tol = {"float16": 2e-2, "float32": 1e-4}.get(dtype, 1e-5)
    np.testing.assert_allclose(_np(x.cuda().cumsum(dim)), _np(x.cumsum(dim)), rtol=tol, atol=tol)
    small = x[..., :7] if dim != 0 or len(shape) == 1 else x[:7]
    np.testing.assert_allclose(_np(small.cuda().cumprod(dim)), _np(small.cumprod(dim)), rtol=tol, atol=tol)
