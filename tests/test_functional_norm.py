"""ember.norm / Tensor.norm with torch.norm's Python-level signature (p='fro' default)."""

import ember
import numpy as np
import pytest


def test_default_is_frobenius_over_everything():
    a = ember.tensor([[3.0, 4.0], [0.0, 12.0]])
    assert ember.norm(a).item() == 13.0 and a.norm().item() == 13.0


@pytest.mark.parametrize("p", ["fro", 1, 2, 3.5, float("inf"), 0, None])
def test_dims_keepdim_and_p(p):
    x = np.arange(-12.0, 12.0).reshape(2, 3, 4)
    a = ember.tensor(x)
    got = a.norm(p, dim=(1, 2), keepdim=True) if p is not None else ember.norm(a, p, dim=1)
    ord_ = 2 if p in ("fro", None) else p
    if p is None:
        want = np.linalg.norm(x, ord=2, axis=1)
    elif ord_ == float("inf"):
        want = np.abs(x).max(axis=(1, 2), keepdims=True)
    elif ord_ == 0:
        want = (x != 0).sum(axis=(1, 2), keepdims=True).astype(float)
    else:
        want = (np.abs(x) ** ord_).sum(axis=(1, 2), keepdims=True) ** (1 / ord_)
    np.testing.assert_allclose(got.numpy(), want, rtol=1e-12)


def test_dim_keyword_dtype_and_out():
    a = ember.ones(4, 3)
    assert a.norm(dim=1).tolist() == pytest.approx([3 ** 0.5] * 4)
    assert ember.norm(a, dim=0, dtype=ember.float64).dtype == ember.float64
    out = ember.empty(0)
    r = ember.norm(a, 2, 1, out=out)
    assert r is out and out.shape == (4,)
    with pytest.raises(RuntimeError, match="Expected out tensor to have dtype"):
        ember.norm(a, 2, 1, out=ember.empty(0, dtype=ember.float64))


def test_matrix_norms_go_to_linalg_matrix_norm():
    a = ember.tensor([[3.0, 0.0], [0.0, -4.0]])
    assert a.norm("nuc").item() == 7.0 and ember.norm(a[None], "nuc", dim=(1, 2)).tolist() == [7.0]
    with pytest.raises(RuntimeError, match="dim must be a 2-tuple"):
        ember.norm(ember.ones(2, 2, 2), "fro", dim=(0, 1, 2))
