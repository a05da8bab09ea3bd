"""The composites-2 operators on CUDA tensors, compared with the same call on the CPU:
views (diagonal, broadcast_to, movedim, meshgrid), stacks, flips, tile,
take_along_dim, diff, closeness and NaN-ignoring reductions, the add-products,
tensordot, cross, cdist, einsum and multi_dot. Composite operators reach the GPU only
through the operators they are built from, so this checks that every part they use
has a CUDA path and that device placement is kept.

Marked `cuda`: skips cleanly without a GPU (tests/conftest.py)."""

from __future__ import annotations

from typing import Any, Callable

import ember
import ember.functional as F
import ember.linalg as LA
import numpy as np
import pytest

pytestmark = pytest.mark.cuda


def _inputs(seed: int, *shapes: tuple, dtype: str = "float32") -> list:
    rng = np.random.default_rng(seed)
    out = []
    for s in shapes:
        if dtype == "int64":
            out.append(ember.tensor(rng.integers(-5, 6, size=s)))
        else:
            out.append(ember.tensor(rng.standard_normal(s)).to(getattr(ember, dtype)))
    return out


def _index(seed: int, shape: tuple, high: int) -> Any:
    return ember.tensor(np.random.default_rng(seed).integers(0, high, size=shape))


CASES: list[tuple[str, Callable[..., Any], Callable[[], list]]] = [
    ("diagonal", lambda a: a.diagonal(1, 0, 2), lambda: _inputs(0, (4, 3, 5))),
    ("broadcast_to", lambda a: a.broadcast_to((2, 3, 4)), lambda: _inputs(1, (3, 1))),
    ("broadcast_tensors", lambda a, b: F.broadcast_tensors(a, b), lambda: _inputs(2, (3, 1), (4,))),
    ("movedim_list", lambda a: ember.movedim(a, [0, 2], [2, 0]), lambda: _inputs(3, (2, 3, 4))),
    ("ravel", lambda a: a.t().ravel(), lambda: _inputs(4, (3, 4))),
    ("atleast_3d", lambda a, b: ember.atleast_3d([a, b]), lambda: _inputs(5, (), (3,))),
    ("meshgrid_xy", lambda a, b: F.meshgrid(a, b, indexing="xy"), lambda: _inputs(6, (3,), (4,))),
    ("vstack", lambda a, b: ember.vstack([a, b]), lambda: _inputs(7, (3,), (2, 3))),
    ("hstack", lambda a, b: ember.hstack([a, b]), lambda: _inputs(8, (2, 3), (2, 1))),
    ("dstack", lambda a, b: ember.dstack([a, b]), lambda: _inputs(9, (2, 3), (2, 3))),
    ("column_stack", lambda a, b: ember.column_stack([a, b]), lambda: _inputs(10, (3,), (3, 2))),
    ("rot90", lambda a: ember.rot90(a, 3, [1, 2]), lambda: _inputs(11, (2, 3, 4))),
    ("flipud_fliplr", lambda a: (ember.flipud(a), ember.fliplr(a)), lambda: _inputs(12, (3, 4))),
    ("tile", lambda a: a.tile((2, 1, 3)), lambda: _inputs(13, (2, 3))),
    ("take_along_dim", lambda a, i: ember.take_along_dim(a, i, 1), lambda: [*_inputs(14, (4, 5)), _index(14, (4, 3), 5)]),
    ("take_along_dim_flat", lambda a, i: ember.take_along_dim(a, i), lambda: [*_inputs(15, (4, 5)), _index(15, (7,), 20)]),
    ("diff", lambda a, p: ember.diff(a, 2, 0, prepend=p), lambda: _inputs(16, (5, 3), (2, 3))),
    ("diff_bool", lambda a: ember.diff(a > 0), lambda: _inputs(17, (9,))),
    ("isclose", lambda a, b: ember.isclose(a, b, rtol=0.1, atol=0.5), lambda: _inputs(18, (5, 6), (5, 6))),
    ("allclose_equal", lambda a: (ember.allclose(a, a.clone()), ember.equal(a, a + 1)), lambda: _inputs(19, (5,))),
    ("count_nonzero", lambda a: ember.count_nonzero(a, (0, 1)), lambda: _inputs(20, (4, 5, 6), dtype="int64")),
    ("argwhere", lambda a: ember.argwhere(a), lambda: _inputs(21, (4, 5), dtype="int64")),
    ("var_mean", lambda a: ember.var_mean(a, 1, keepdim=True), lambda: _inputs(22, (6, 7))),
    ("std_mean", lambda a: ember.std_mean(a, (0, 1), correction=0), lambda: _inputs(23, (6, 7, 2))),
    ("nansum_nanmean", lambda a: (ember.nansum(a.log(), 1), ember.nanmean(a.log(), 0)), lambda: _inputs(24, (6, 7))),
    ("trace", lambda a: ember.trace(a), lambda: _inputs(25, (5, 4))),
    ("kron", lambda a, b: ember.kron(a, b), lambda: _inputs(26, (2, 3), (3, 2))),
    ("tensordot", lambda a, b: F.tensordot(a, b, ([1, 2], [0, 1])), lambda: _inputs(27, (3, 4, 5), (4, 5, 2))),
    ("cross", lambda a, b: ember.cross(a, b, dim=1), lambda: _inputs(28, (5, 3), (5, 3))),
    ("linalg_cross", lambda a, b: LA.cross(a, b), lambda: _inputs(29, (2, 1, 3), (1, 4, 3))),
    ("baddbmm", lambda s, a, b: ember.baddbmm(s, a, b, beta=0.5, alpha=2), lambda: _inputs(30, (2, 3, 5), (2, 3, 4), (2, 4, 5))),
    ("addbmm", lambda s, a, b: ember.addbmm(s, a, b), lambda: _inputs(31, (3, 5), (2, 3, 4), (2, 4, 5))),
    ("addmv", lambda s, a, b: ember.addmv(s, a, b, alpha=-1), lambda: _inputs(32, (3,), (3, 4), (4,))),
    ("addr", lambda s, a, b: ember.addr(s, a, b, beta=2), lambda: _inputs(33, (3, 4), (3,), (4,))),
    ("addmm_int", lambda s, a, b: ember.baddbmm(s, a, b), lambda: _inputs(34, (2, 3, 5), (2, 3, 4), (2, 4, 5), dtype="int64")),
    ("dist", lambda a, b: ember.dist(a, b, 3), lambda: _inputs(35, (4, 5), (5,))),
    ("cdist", lambda a, b: F.cdist(a, b), lambda: _inputs(36, (30, 4), (20, 4))),
    ("cdist_p1", lambda a, b: F.cdist(a, b, 1.0), lambda: _inputs(37, (2, 6, 4), (5, 4))),
    ("einsum_bmm", lambda a, b: F.einsum("bij,bjk->bik", a, b), lambda: _inputs(38, (2, 3, 4), (2, 4, 5))),
    ("einsum_ellipsis", lambda a, b: F.einsum("...ij,jk->...ik", a, b), lambda: _inputs(39, (2, 3, 4), (4, 5))),
    ("einsum_diag", lambda a: F.einsum("iij->ji", a), lambda: _inputs(40, (3, 3, 2))),
    ("einsum_three", lambda a, b, c: F.einsum("ab,bc,cd->ad", a, b, c), lambda: _inputs(41, (2, 3), (3, 4), (4, 5))),
    ("multi_dot", lambda a, b, c: LA.multi_dot([a, b, c]), lambda: _inputs(42, (3,), (3, 4), (4, 5))),
]


def _flatten(x: Any) -> list:
    if isinstance(x, (list, tuple)):
        return [y for item in x for y in _flatten(item)]
    return [x]


@pytest.mark.parametrize("name,call,make", CASES, ids=[c[0] for c in CASES])
def test_matches_cpu(name: str, call: Callable[..., Any], make: Callable[[], list]) -> None:
    cpu_inputs = make()
    cuda_inputs = [t.cuda() for t in cpu_inputs]
    ref = _flatten(call(*cpu_inputs))
    got = _flatten(call(*cuda_inputs))
    assert len(ref) == len(got)
    for r, g in zip(ref, got):
        if isinstance(r, bool):
            assert g is r
            continue
        assert g.device.type == "cuda", name
        assert g.dtype == r.dtype and tuple(g.shape) == tuple(r.shape), name
        np.testing.assert_allclose(g.cpu().float().numpy(), r.float().numpy(), rtol=1e-4, atol=1e-5)


def test_diagonal_view_on_cuda() -> None:
    x = ember.zeros(3, 4, device="cuda")
    x.diagonal(-1).fill_(2.0)
    ref = np.zeros((3, 4), dtype=np.float32)
    ref[np.arange(1, 3), np.arange(2)] = 2.0
    np.testing.assert_array_equal(x.cpu().numpy(), ref)
