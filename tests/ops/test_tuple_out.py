"""out= for operators with two outputs (values, indices): a tuple of the caller's
tensors, resized and filled in place, returned as a named tuple (PyTorch's
torch.return_types.<op>_out)."""

import ember
import numpy as np
import pytest


@pytest.mark.parametrize("op", ["max", "min"])
def test_max_min_dim_out(op):
    a = ember.tensor([[3.0, 1.0, 2.0], [0.0, 5.0, 4.0]])
    v, i = ember.empty(0), ember.empty(0, dtype=ember.int64)
    r = getattr(ember, op)(a, 1, keepdim=True, out=(v, i))
    assert type(r).__name__ == f"{op}_out"
    assert r.values is v and r.indices is i and r[0] is v
    want = getattr(np, op)(a.numpy(), 1, keepdims=True)
    np.testing.assert_array_equal(v.numpy(), want)
    np.testing.assert_array_equal(i.numpy(), getattr(np, "arg" + op)(a.numpy(), 1)[:, None])


def test_sort_topk_out_take_lists_and_tuples():
    a = ember.tensor([[3.0, 1.0, 2.0], [0.0, 5.0, 4.0]])
    v, i = ember.empty(0), ember.empty(0, dtype=ember.int64)
    r = ember.sort(a, descending=True, out=[v, i])
    assert r.values is v and v.tolist() == [[3.0, 2.0, 1.0], [5.0, 4.0, 0.0]] and i.tolist() == [[0, 2, 1], [1, 2, 0]]
    r = ember.topk(a, 1, out=(v, i))
    assert type(r).__name__ == "topk_out" and v.tolist() == [[3.0], [5.0]] and i.tolist() == [[0], [1]]


def test_tuple_out_errors():
    a = ember.rand(2, 3)
    v, i = ember.empty(0), ember.empty(0, dtype=ember.int64)
    with pytest.raises(TypeError, match="expected tuple of 2 elements but got 1"):
        ember.max(a, 0, out=(v,))
    with pytest.raises(TypeError, match="expected tuple of 2 elements but got 3"):
        ember.max(a, 0, out=(v, i, v))
    with pytest.raises(TypeError, match="invalid combination"):
        ember.max(a, 0, out=v)
    with pytest.raises(TypeError):
        ember.max(a, 0, out=(v, None))
    with pytest.raises(RuntimeError, match="dtype"):
        ember.max(a, 0, out=(i, i))
    assert v.numel() == 0  # a failed call leaves the outputs alone
