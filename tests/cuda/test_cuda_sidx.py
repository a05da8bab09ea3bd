"""CUDA checks of the sorting-based, indexing and random operators of brief `sidx`:
the indexing operators (index_add / index_copy / index_fill / index_reduce, put /
take, masked_scatter, scatter_reduce: the atomic index_reduce and accumulate loops of
native/cuda/Indexing.cu), cummax / cummin / logcumsumexp (native/cuda/Scan.cu) against
the CPU results, the random operators on the GPU (shapes, dtypes, statistics), and the
CPU-only selection operators raising NotImplementedError.

Marked `cuda`: skips cleanly without a GPU (tests/conftest.py)."""

from __future__ import annotations

import ember
import numpy as np
import pytest

pytestmark = pytest.mark.cuda

DTYPES = ["float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool"]


def _data(shape, dtype, seed=0, low=-4, high=4):
    rng = np.random.default_rng(seed)
    if dtype == "bool":
        a = rng.integers(0, 2, size=shape).astype(np.bool_)
        return ember.tensor(a)
    if dtype in ("float32", "float64", "float16", "bfloat16"):
        a = np.round(rng.uniform(low, high, size=shape), 2)
        return ember.tensor(a).to(getattr(ember, dtype))
    lo = 0 if dtype == "uint8" else low
    a = rng.integers(lo, high + 1, size=shape)
    return ember.tensor(a).to(getattr(ember, dtype))


def _same(gpu, cpu, rtol=1e-5, atol=1e-6):
    g, c = gpu.cpu(), cpu
    assert g.dtype == c.dtype and tuple(g.shape) == tuple(c.shape)
    if g.dtype in (ember.float16, ember.bfloat16):
        np.testing.assert_allclose(g.float().numpy(), c.float().numpy(), rtol=2e-2, atol=2e-2)
    elif g.dtype in (ember.float32, ember.float64):
        np.testing.assert_allclose(g.numpy(), c.numpy(), rtol=rtol, atol=atol, equal_nan=True)
    else:
        np.testing.assert_array_equal(g.numpy(), c.numpy())


def _both(f, *tensors):
    cpu = f(*[t.clone() for t in tensors])
    gpu = f(*[t.cuda() for t in tensors])
    return gpu, cpu


@pytest.mark.parametrize("dtype", DTYPES)
def test_index_add_copy_fill(dtype):
    x = _data((40, 7), dtype)
    src = _data((100, 7), dtype, seed=1)
    idx = ember.tensor(np.random.default_rng(2).integers(0, 40, size=100))
    if dtype != "bool":
        g, c = _both(lambda a, s, i: a.index_add_(0, i, s, alpha=2), x, src, idx)
        _same(g, c, rtol=1e-4, atol=1e-4)
    g, c = _both(lambda a, s, i: a.index_add(0, i, s), x, src, idx)
    _same(g, c, rtol=1e-4, atol=1e-4)
    perm = ember.tensor(np.random.default_rng(3).permutation(40)[:10])
    g, c = _both(lambda a, s, i: a.index_copy_(0, i, s[:10]), x, src, perm)
    _same(g, c)
    g, c = _both(lambda a, i: a.index_fill_(1, i, 1), x, ember.tensor([0, -1, 3]))
    _same(g, c)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("reduce", ["sum", "prod", "mean", "amax", "amin"])
@pytest.mark.parametrize("include_self", [True, False])
def test_scatter_reduce_matches_cpu(dtype, reduce, include_self):
    if reduce == "mean" and dtype == "bool":
        pytest.skip("mean is not defined for bool (NotImplementedError on both)")
    low, high = (1, 2) if reduce == "prod" else (-4, 4)
    x = _data((6, 50), dtype, low=low, high=high)
    src = _data((300, 50), dtype, seed=1, low=low, high=high)
    # few targets: many collisions on every position (the atomic loops)
    idx = ember.tensor(np.random.default_rng(2).integers(0, 6, size=(300, 50)))
    g, c = _both(lambda a, s, i: a.scatter_reduce_(0, i, s, reduce, include_self=include_self), x, src, idx)
    _same(g, c, rtol=1e-3, atol=1e-3)


@pytest.mark.parametrize("reduce", ["prod", "mean", "amax", "amin"])
def test_index_reduce_matches_cpu(reduce):
    x = _data((5, 64), "float32", low=1, high=2)
    src = _data((200, 64), "float32", seed=1, low=1, high=2)
    idx = ember.tensor(np.random.default_rng(2).integers(0, 5, size=200))
    g, c = _both(lambda a, s, i: a.index_reduce_(0, i, s, reduce, include_self=False), x, src, idx)
    _same(g, c, rtol=1e-3, atol=1e-3)


def test_scatter_reduce_nan_propagates():
    x = ember.zeros(3).cuda()
    src = ember.tensor([1.0, float("nan"), 2.0, -1.0]).cuda()
    idx = ember.tensor([0, 0, 1, 2]).cuda()
    for red in ("amax", "amin"):
        r = x.scatter_reduce(0, idx, src, red).cpu().numpy()
        assert np.isnan(r[0])


@pytest.mark.parametrize("dtype", DTYPES)
def test_put_take_masked_scatter(dtype):
    x = _data((6, 9), dtype)
    src = _data((30,), dtype, seed=1)
    idx = ember.tensor(np.random.default_rng(2).integers(-54, 54, size=30))
    g, c = _both(lambda a, s, i: a.put_(i, s, accumulate=dtype != "bool"), x, src, idx)
    _same(g, c, rtol=1e-4, atol=1e-4)
    g, c = _both(lambda a, i: ember.take(a, i.view(5, 6)), x, idx)
    _same(g, c)
    mask = _data((6, 9), "bool", seed=4)
    g, c = _both(lambda a, m, s: a.masked_scatter_(m, s), x, mask, _data((54,), dtype, seed=5))
    _same(g, c)
    g, c = _both(lambda a, m, s: a.t().masked_scatter(m.t(), s), x, mask, _data((54,), dtype, seed=5))
    _same(g, c)


def test_indexing_errors_on_cuda():
    x = ember.zeros(3, 4).cuda()
    with pytest.raises(RuntimeError):
        x.index_add_(0, ember.tensor([0, 5]).cuda(), ember.ones(2, 4).cuda())
    with pytest.raises(IndexError):
        x.put_(ember.tensor([12]).cuda(), ember.ones(1).cuda())
    with pytest.raises(RuntimeError):
        x.scatter_reduce_(0, ember.tensor([[0, 3]]).cuda(), ember.ones(1, 2).cuda(), "amax")


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("op", ["cummax", "cummin"])
def test_cummax_cummin_matches_cpu(dtype, op):
    x = _data((33, 17, 5), dtype, low=-2, high=2)  # ties
    for dim in (0, 1, 2, -1):
        g, c = _both(lambda a, dim=dim: getattr(ember, op)(a, dim), x)
        _same(g.values, c.values)
        _same(g.indices, c.indices)
    g, c = _both(lambda a: getattr(a.transpose(0, 2), op)(1), x)
    _same(g.values, c.values)
    _same(g.indices, c.indices)


def test_cummax_nan_and_out():
    x = ember.tensor([[1.0, float("nan"), 3.0, float("nan"), -1.0]])
    g, c = _both(lambda a: ember.cummin(a, 1), x)
    _same(g.values, c.values)
    _same(g.indices, c.indices)
    v = ember.empty(0).cuda()
    i = ember.empty(0, dtype=ember.int64).cuda()
    r = ember.cummax(x.cuda(), 1, out=(v, i))
    assert r.values is v and r.indices is i
    ref = ember.cummax(x, 1)
    _same(v, ref.values)
    _same(i, ref.indices)


@pytest.mark.parametrize("dtype", ["float32", "float64", "float16", "bfloat16"])
def test_logcumsumexp_matches_cpu(dtype):
    x = _data((40, 300), dtype, low=-30, high=30)
    for dim in (0, 1):
        g, c = _both(lambda a, dim=dim: ember.logcumsumexp(a, dim), x)
        _same(g, c, rtol=1e-4, atol=1e-4)
    s = ember.tensor([float("-inf"), float("-inf"), 1.0, float("inf"), float("nan"), 2.0]).to(getattr(ember, dtype))
    g, c = _both(lambda a: ember.logcumsumexp(a, 0), s)
    _same(g, c)


@pytest.mark.parametrize("dtype", ["int64", "int32", "uint8"])
def test_bincount_matches_cpu(dtype):
    x = _data((1000,), dtype, low=0, high=30)
    g, c = _both(lambda a: ember.bincount(a, minlength=40), x)
    _same(g, c)
    w = _data((1000,), "float64", seed=1)
    g, c = _both(lambda a, ww: ember.bincount(a, ww), x, w)
    _same(g, c, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("dtype", ["float32", "float64", "float16"])
def test_histc_matches_cpu(dtype):
    x = _data((5000,), dtype, low=-3, high=3)
    for bins, lo, hi in ((100, 0, 0), (7, -2, 2), (16, -4, 4)):
        g, c = _both(lambda a, bins=bins, lo=lo, hi=hi: ember.histc(a, bins, lo, hi), x)
        _same(g, c)


def test_random_ops_on_cuda():
    ember.manual_seed(0)
    n = 100_000
    b = ember.empty(n, device="cuda").bernoulli_(0.25)
    assert b.device.type == "cuda" and b.dtype == ember.float32
    assert abs(b.cpu().numpy().mean() - 0.25) < 0.01
    e = ember.empty(n, device="cuda", dtype=ember.float64).exponential_(2.0).cpu().numpy()
    assert e.min() >= 0 and abs(e.mean() - 0.5) < 0.01
    gm = ember.empty(n, device="cuda", dtype=ember.int64).geometric_(0.5).cpu().numpy()
    assert gm.min() >= 1 and abs(gm.mean() - 2.0) < 0.05
    z = ember.normal(ember.zeros(n, device="cuda"), 3.0)
    assert z.device.type == "cuda" and abs(z.cpu().numpy().std() - 3.0) < 0.05
    p = ember.randperm(1000, device="cuda")
    assert p.device.type == "cuda" and sorted(p.cpu().tolist()) == list(range(1000))
    m = ember.multinomial(ember.tensor([0.0, 1.0, 3.0], device="cuda"), 10_000, True).cpu().numpy()
    counts = np.bincount(m, minlength=3)
    assert counts[0] == 0 and abs(counts[2] / 10_000 - 0.75) < 0.03
    one = ember.multinomial(ember.ones(50, 4, device="cuda"), 1)
    assert tuple(one.shape) == (50, 1) and one.device.type == "cuda"


def test_random_ops_cuda_match_cpu_stream():
    # The same seed gives the same uniforms on both devices, so the transforms agree.
    for draw in (lambda d: ember.empty(1000, device=d).bernoulli_(0.3),
                 lambda d: ember.empty(1000, device=d, dtype=ember.float64).exponential_(),
                 lambda d: ember.randperm(500, device=d)):
        ember.manual_seed(3)
        c = draw("cpu")
        ember.manual_seed(3)
        g = draw("cuda").cpu()
        np.testing.assert_allclose(g.numpy(), c.numpy(), rtol=1e-12)


@pytest.mark.parametrize("call", [
    lambda x: ember.median(x),
    lambda x: ember.median(x, 0),
    lambda x: ember.nanmedian(x, 0),
    lambda x: ember.kthvalue(x, 1),
    lambda x: ember.mode(x),
    lambda x: ember.quantile(x, 0.5),
    lambda x: ember.nanquantile(x, 0.5, 0),
    lambda x: ember.searchsorted(x, x),
    lambda x: ember.bucketize(x, x),
])
def test_cpu_only_selection_raises(call):
    with pytest.raises(NotImplementedError):
        call(ember.ones(5).cuda())
