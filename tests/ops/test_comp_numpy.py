"""The composites-2 operators against NumPy: einsum (random equations over shared
labels, ellipses and repeated labels), tensordot, kron, cross, trace/diagonal,
diff, rot90/tile, take_along_dim, meshgrid, cdist, multi_dot, the NaN-ignoring
reductions and isclose, on larger inputs than the differential cases."""

from __future__ import annotations

import itertools

import ember
import ember.functional as F
import ember.linalg as LA
import numpy as np
import pytest


def _rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


def _e(a: np.ndarray):
    return ember.tensor(np.ascontiguousarray(a))


def _close(e, ref, rtol=1e-5, atol=1e-6) -> None:
    np.testing.assert_allclose(e.numpy(), ref, rtol=rtol, atol=atol)


EQUATIONS = [
    ("ij,jk->ik", [(7, 5), (5, 6)]),
    ("bij,bjk->bik", [(3, 7, 5), (3, 5, 6)]),
    ("ij,ij->i", [(6, 9), (6, 9)]),
    ("ii->i", [(5, 5)]),
    ("iij->j", [(4, 4, 3)]),
    ("ijk->kji", [(2, 3, 4)]),
    ("i,j,k->ijk", [(2,), (3,), (4,)]),
    ("abc,cd,de->abe", [(2, 3, 4), (4, 5), (5, 6)]),
    ("...ij,...jk->...ik", [(2, 3, 4, 5), (3, 5, 2)]),
    ("ab...,b->a...", [(3, 4, 2, 2), (4,)]),
    ("ijkl,jl->ik", [(2, 3, 4, 5), (3, 5)]),
    ("ab,ba->", [(6, 7), (7, 6)]),
    ("aab,bc->ac", [(3, 3, 4), (4, 2)]),
    ("ij,jk,kl,lm->im", [(3, 20), (20, 2), (2, 30), (30, 4)]),
]


@pytest.mark.parametrize("eq,shapes", EQUATIONS, ids=[e for e, _ in EQUATIONS])
@pytest.mark.parametrize("dtype", ["float32", "float64", "int64"])
def test_einsum_matches_numpy(eq: str, shapes: list, dtype: str) -> None:
    rng = _rng(1)
    arrays = [rng.integers(-3, 4, size=s).astype(dtype) for s in shapes]
    ref = np.einsum(eq, *arrays)
    got = F.einsum(eq, *[_e(a) for a in arrays])
    assert tuple(got.shape) == ref.shape
    _close(got, ref, rtol=1e-5)


def test_einsum_random_contractions() -> None:
    # Random two-operand equations over a small alphabet, with broadcasting of size-1 dims.
    rng = _rng(2)
    sizes = {c: int(rng.integers(1, 5)) for c in "abcdef"}
    for _ in range(60):
        la = "".join(rng.choice(list("abcdef"), size=int(rng.integers(1, 4)), replace=False))
        lb = "".join(rng.choice(list("abcdef"), size=int(rng.integers(1, 4)), replace=False))
        both = sorted(set(la) | set(lb))
        out = "".join(c for c in both if rng.random() < 0.5)
        eq = f"{la},{lb}->{out}"
        a = rng.standard_normal([sizes[c] for c in la])
        b = rng.standard_normal([sizes[c] for c in lb])
        _close(F.einsum(eq, _e(a), _e(b)), np.einsum(eq, a, b), rtol=1e-9, atol=1e-12)


def test_einsum_noncontiguous_operands() -> None:
    rng = _rng(3)
    a = rng.standard_normal((6, 5))
    b = rng.standard_normal((6, 4))
    ea = _e(a.T.copy()).t()  # a with transposed strides
    eb = _e(np.repeat(b, 2, axis=0))[::2]
    _close(F.einsum("ij,ik->jk", ea, eb), np.einsum("ij,ik->jk", a, b), rtol=1e-9)


@pytest.mark.parametrize("sa,sb,dims", [((3, 4), (5, 6), 0), ((3, 4, 5), (5, 6), 1), ((3, 4, 5), (4, 5, 6), 2),
                                         ((3, 4, 5), (4, 6, 3), ([1, 0], [0, 2])), ((3, 4, 5), (4, 5, 6), ([2], [1]))])
def test_tensordot(sa, sb, dims) -> None:
    rng = _rng(4)
    a, b = rng.standard_normal(sa), rng.standard_normal(sb)
    axes = dims if isinstance(dims, int) else (dims[0], dims[1])
    _close(F.tensordot(_e(a), _e(b), dims), np.tensordot(a, b, axes=axes), rtol=1e-9)


def test_kron_cross_trace_diagonal() -> None:
    rng = _rng(5)
    a, b = rng.standard_normal((3, 4)), rng.standard_normal((2, 5))
    _close(ember.kron(_e(a), _e(b)), np.kron(a, b), rtol=1e-12)
    _close(ember.kron(_e(a[0]), _e(b)), np.kron(a[0], b), rtol=1e-12)
    u, v = rng.standard_normal((7, 3)), rng.standard_normal((7, 3))
    _close(ember.cross(_e(u), _e(v), dim=1), np.cross(u, v), rtol=1e-12)
    _close(LA.cross(_e(u.T.copy()), _e(v.T.copy()), dim=0), np.cross(u, v).T, rtol=1e-12)
    m = rng.standard_normal((6, 6))
    assert abs(ember.trace(_e(m)).item() - np.trace(m)) < 1e-12
    x = rng.standard_normal((3, 5, 4))
    for off, d1, d2 in itertools.product((-2, 0, 1, 3), (0, 2), (1, -1)):
        if d1 % 3 == d2 % 3:
            continue
        _close(ember.diagonal(_e(x), off, d1, d2), np.diagonal(x, off, d1, d2), rtol=0)


def test_diagonal_is_a_view() -> None:
    x = ember.zeros(4, 5)
    d = x.diagonal(1)
    d.fill_(3.0)
    ref = np.zeros((4, 5))
    ref[np.arange(4), np.arange(1, 5)] = 3.0
    _close(x, ref, rtol=0)
    assert d.data_ptr() == x.data_ptr() + x.element_size()


@pytest.mark.parametrize("n", [1, 2, 3])
def test_diff(n: int) -> None:
    rng = _rng(6)
    a = rng.integers(-9, 10, size=(4, 7))
    p, q = rng.integers(-9, 10, size=(4, 2)), rng.integers(-9, 10, size=(4, 1))
    _close(ember.diff(_e(a), n), np.diff(a, n), rtol=0)
    _close(ember.diff(_e(a), n, 0), np.diff(a, n, axis=0), rtol=0)
    _close(ember.diff(_e(a), n, prepend=_e(p), append=_e(q)), np.diff(a, n, prepend=p, append=q), rtol=0)


def test_rot90_tile_flips_stacks() -> None:
    rng = _rng(7)
    a = rng.standard_normal((3, 4, 2))
    for k in range(-4, 5):
        _close(ember.rot90(_e(a), k, [0, 1]), np.rot90(a, k, (0, 1)), rtol=0)
        _close(ember.rot90(_e(a), k, [2, 0]), np.rot90(a, k, (2, 0)), rtol=0)
    for reps in ((2,), (2, 1, 3), (1, 2, 2, 1)):
        _close(ember.tile(_e(a), reps), np.tile(a, reps), rtol=0)
    _close(ember.flipud(_e(a)), np.flipud(a), rtol=0)
    _close(ember.fliplr(_e(a)), np.fliplr(a), rtol=0)
    b, c = rng.standard_normal(4), rng.standard_normal(4)
    for name in ("vstack", "hstack", "dstack", "column_stack", "row_stack"):
        np_name = "vstack" if name == "row_stack" else name
        _close(getattr(ember, name)([_e(b), _e(c)]), getattr(np, np_name)([b, c]), rtol=0)


def test_take_along_dim_and_meshgrid() -> None:
    rng = _rng(8)
    a = rng.standard_normal((5, 6))
    idx = rng.integers(0, 6, size=(5, 3))
    _close(ember.take_along_dim(_e(a), _e(idx), 1), np.take_along_axis(a, idx, 1), rtol=0)
    flat = rng.integers(0, 30, size=(7,))
    _close(ember.take_along_dim(_e(a), _e(flat)), np.take_along_axis(a.ravel(), flat, 0), rtol=0)
    x, y = rng.standard_normal(3), rng.standard_normal(4)
    for idx_mode in ("ij", "xy"):
        for g, r in zip(F.meshgrid(_e(x), _e(y), indexing=idx_mode), np.meshgrid(x, y, indexing=idx_mode)):
            _close(g, r, rtol=0)


@pytest.mark.parametrize("p", [0.0, 1.0, 2.0, 3.0, float("inf")])
def test_cdist(p: float) -> None:
    rng = _rng(9)
    a, b = rng.standard_normal((40, 5)), rng.standard_normal((30, 5))
    d = np.abs(a[:, None, :] - b[None, :, :])
    if p == 0.0:
        ref = (d != 0).sum(-1).astype(float)
    elif p == float("inf"):
        ref = d.max(-1)
    else:
        ref = (d ** p).sum(-1) ** (1 / p)
    for mode in ("use_mm_for_euclid_dist_if_necessary", "donot_use_mm_for_euclid_dist"):
        _close(F.cdist(_e(a), _e(b), p, compute_mode=mode), ref, rtol=1e-7, atol=1e-7)


def test_multi_dot_and_chain() -> None:
    rng = _rng(10)
    ms = [rng.standard_normal(s) for s in ((5, 40), (40, 3), (3, 50), (50, 2), (2, 6))]
    ref = np.linalg.multi_dot(ms)
    _close(LA.multi_dot([_e(m) for m in ms]), ref, rtol=1e-9)
    _close(F.chain_matmul(*[_e(m) for m in ms]), ref, rtol=1e-9)
    v, w = rng.standard_normal(5), rng.standard_normal(6)
    _close(LA.multi_dot([_e(v)] + [_e(m) for m in ms] + [_e(w)]), np.linalg.multi_dot([v, *ms, w]), rtol=1e-9)


def test_add_products() -> None:
    rng = _rng(11)
    s, b1, b2 = rng.standard_normal((3, 4, 6)), rng.standard_normal((3, 4, 5)), rng.standard_normal((3, 5, 6))
    _close(ember.baddbmm(_e(s), _e(b1), _e(b2), beta=0.5, alpha=2.0), 0.5 * s + 2.0 * (b1 @ b2), rtol=1e-9)
    _close(ember.addbmm(_e(s[0]), _e(b1), _e(b2), beta=-1.0), -s[0] + (b1 @ b2).sum(0), rtol=1e-9)
    m, v = rng.standard_normal((4, 5)), rng.standard_normal(5)
    _close(ember.addmv(_e(s[0, :, 0]), _e(m), _e(v), alpha=3.0), s[0, :, 0] + 3.0 * (m @ v), rtol=1e-9)
    x, y = rng.standard_normal(4), rng.standard_normal(6)
    _close(ember.addr(_e(s[0]), _e(x), _e(y), beta=2.0), 2.0 * s[0] + np.outer(x, y), rtol=1e-9)
    t = _e(s[0])
    assert t.addr_(_e(x), _e(y)) is t
    _close(t, s[0] + np.outer(x, y), rtol=1e-9)


def test_nan_reductions_and_isclose() -> None:
    rng = _rng(12)
    a = rng.standard_normal((50, 40))
    a[rng.random(a.shape) < 0.2] = np.nan
    _close(ember.nansum(_e(a), 1), np.nansum(a, 1), rtol=1e-9)
    _close(ember.nanmean(_e(a), 0), np.nanmean(a, 0), rtol=1e-9)
    var, mean = ember.var_mean(_e(np.nan_to_num(a)), 1, correction=0)
    _close(var, np.var(np.nan_to_num(a), 1), rtol=1e-9)
    _close(mean, np.mean(np.nan_to_num(a), 1), rtol=1e-9)
    std, _ = ember.std_mean(_e(np.nan_to_num(a)), 0)
    _close(std, np.std(np.nan_to_num(a), 0, ddof=1), rtol=1e-9)
    b = a + rng.standard_normal(a.shape) * 1e-6
    for rtol, atol, en in ((1e-5, 1e-8, False), (0.0, 1e-5, True), (1e-3, 0.0, True)):
        got = ember.isclose(_e(a), _e(b), rtol=rtol, atol=atol, equal_nan=en).numpy()
        assert (got == np.isclose(a, b, rtol=rtol, atol=atol, equal_nan=en)).all()
    assert ember.count_nonzero(_e(np.nan_to_num(a))).item() == np.count_nonzero(np.nan_to_num(a))
