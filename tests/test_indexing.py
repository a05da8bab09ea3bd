"""Tensor.__getitem__ / __setitem__ against NumPy (where PyTorch and NumPy agree)
and PyTorch's own rules where they differ (Note [How Python indexing maps onto
operators] in aten/src/ember/python/PyIndexing.cpp)."""

from __future__ import annotations

import ember
import numpy as np
import pytest

A = np.arange(2 * 3 * 4, dtype=np.int64).reshape(2, 3, 4)

# Index expressions (evaluated with `m`, a bool mask over the first two dims, and
# `i`, an index array) on which NumPy's answer is PyTorch's.
AGREE = [
    "0", "-1", "(1, 2)", "(1, 2, 3)", "(-1, -1, -1)", "slice(None)", "slice(1, None)",
    "(slice(None), slice(None, None, 2))", "(Ellipsis, 1)", "(Ellipsis, slice(1, 3))", "(0, Ellipsis)",
    "None", "(None, 0)", "(slice(None), None, 1)", "(0, Ellipsis, None)", "(slice(None), slice(1, 2), None)",
    "([0, 1],)", "([1, 0], [2, 0])", "(slice(None), [0, 2])", "(slice(None), [0, 2], slice(1, 3))",
    "([[0, 1], [1, 0]], [1, 2])", "(Ellipsis, [3, 0, 1])", "m", "(m, 1)", "(m, slice(0, 2))", "m3",
    "(slice(None), slice(None), m2)", "slice(5, 10)", "(slice(None), slice(2, 1))", "(slice(None, None, 3), slice(None, None, 2))",
    "(0, slice(-2, None))", "(slice(-100, 100),)", "(i,)", "(slice(None), i2)",
]


def _env(np_side: bool) -> dict:
    rng = np.random.default_rng(0)
    m = rng.integers(0, 2, size=(2, 3)).astype(bool)
    m2 = np.array([True, False, True, True])
    m3 = A > 11
    i = np.array([1, 0, 1])
    i2 = np.array([[2, 0], [1, 1]])
    if np_side:
        return {"m": m, "m2": m2, "m3": m3, "i": i, "i2": i2}
    return {"m": ember.tensor(m), "m2": ember.tensor(m2), "m3": ember.tensor(m3), "i": ember.tensor(i),
                "i2": ember.tensor(i2)}


@pytest.mark.parametrize("expr", AGREE)
@pytest.mark.parametrize("noncontig", [False, True])
def test_getitem_matches_numpy(expr: str, noncontig: bool) -> None:
    t = ember.tensor(A)
    if noncontig:
        t = ember.tensor(np.ascontiguousarray(A.transpose(2, 1, 0))).permute(2, 1, 0)
        assert not t.is_contiguous()
    expected = A[eval(expr, _env(True))]
    got = t[eval(expr, _env(False))]
    assert isinstance(got, ember.Tensor)
    assert tuple(got.shape) == expected.shape
    np.testing.assert_array_equal(got.numpy(), expected)


@pytest.mark.parametrize("expr", AGREE)
def test_setitem_matches_numpy(expr: str) -> None:
    for value in (7, -1.0):
        expected = A.copy()
        index_np = eval(expr, _env(True))
        expected[index_np] = value
        t = ember.tensor(A)
        t[eval(expr, _env(False))] = value
        np.testing.assert_array_equal(t.numpy(), expected, err_msg=f"{expr} = {value}")


@pytest.mark.parametrize("expr", ["0", "(slice(None), 1)", "(Ellipsis, slice(0, 2))", "([0, 1], 1)", "m"])
def test_setitem_tensor_value_broadcasts(expr: str) -> None:
    env_np, env_e = _env(True), _env(False)
    expected = A.copy()
    target_shape = expected[eval(expr, env_np)].shape
    value = np.arange(target_shape[-1] if target_shape else 1, dtype=np.int64) * 100
    expected[eval(expr, env_np)] = value
    t = ember.tensor(A)
    t[eval(expr, env_e)] = ember.tensor(value)
    np.testing.assert_array_equal(t.numpy(), expected)


def test_basic_indexing_returns_views() -> None:
    t = ember.zeros(3, 4)
    t[1][2] = 5.0
    t[:, 0].fill_(1.0)
    t[..., -1][0] = 9.0
    assert t.tolist() == [[1.0, 0.0, 0.0, 9.0], [1.0, 0.0, 5.0, 0.0], [1.0, 0.0, 0.0, 0.0]]
    v = t[1:, ::2]
    assert v.data_ptr() != t.data_ptr() and v.storage_offset() == 4
    assert v.stride() == (4, 2)


def test_advanced_indexing_copies() -> None:
    t = ember.arange(6)
    u = t[[0, 1]]
    u[0] = 100
    assert t[0].item() == 0


def test_pytorch_rules_differing_from_numpy() -> None:
    t = ember.tensor(A)
    # An int next to an advanced index selects first (PyTorch), NumPy would broadcast it.
    assert tuple(t[0, :, [1, 3]].shape) == (3, 2)
    # x[True] / x[False] add a dim of size 1 / 0.
    assert tuple(t[True].shape) == (1, 2, 3, 4)
    assert tuple(t[False].shape) == (0, 2, 3, 4)
    # A 0-dim integer tensor indexes like an int.
    assert tuple(t[ember.tensor(1)].shape) == (3, 4)
    assert t[()].data_ptr() == t.data_ptr() and t[()] is not t
    assert t[...].shape == t.shape
    # Several ellipses are accepted (PyTorch): each skips the unnamed dims again.
    assert t[..., ...].shape == t.shape and tuple(t[0, ..., ...].shape) == (3, 4)
    with pytest.raises(IndexError):
        t[0, ..., ..., 1]  # the second ellipsis skips one more dim than there is


@pytest.mark.parametrize(
    "index, exc, match",
    [
        (5, IndexError, "index 5 is out of bounds for dimension 0 with size 2"),
        ((0, 3), IndexError, "index 3 is out of bounds for dimension 1 with size 3"),
        ((0, 0, -5), IndexError, "index -5 is out of bounds for dimension 2 with size 4"),
        ((0, 0, 0, 0), IndexError, "too many indices for tensor of dimension 3"),
        ((Ellipsis, 0, 0, 0, 0), IndexError, "too many indices for tensor of dimension 3"),
        (slice(None, None, -1), ValueError, "step must be greater than zero"),
        (1.5, IndexError, "only integers, slices"),
        ("a", TypeError, "invalid data type 'str'"),
        ([True, False, True], IndexError, r"The shape of the mask \[3\] at index 0 does not match the shape of the indexed tensor \[2, 3, 4\] at index 0"),
        (ember.tensor([1.0]), IndexError, "tensors used as indices must be long, int, byte or bool tensors"),
        (ember.tensor([5]), IndexError, "out of bounds"),
    ],
)
def test_index_errors(index, exc, match) -> None:
    t = ember.tensor(A)
    with pytest.raises(exc, match=match):
        t[index]


def test_zero_dim_index_errors() -> None:
    with pytest.raises(IndexError, match="invalid index of a 0-dim tensor"):
        ember.tensor(5)[0]


def test_setitem_errors() -> None:
    t = ember.zeros(3)
    with pytest.raises(TypeError, match="can't assign a list"):
        t[0] = [1, 2]
    with pytest.raises(IndexError):
        t[3] = 1.0
    with pytest.raises(RuntimeError):
        t[:] = ember.ones(4)


def test_setitem_number_converts_to_dtype() -> None:
    t = ember.zeros(3, dtype=ember.int32)
    t[1] = 2.9
    t[[0, 2]] = 7
    assert t.tolist() == [7, 2, 7] and t.dtype == ember.int32


def test_integer_index_dtypes() -> None:
    t = ember.arange(10)
    for dt in (ember.int32, ember.int64, ember.int16, ember.uint8):
        idx = ember.tensor([3, 1], dtype=dt)
        if dt == ember.uint8:
            continue  # uint8 index tensors are masks (legacy), tested below
        assert t[idx].tolist() == [3, 1]
    mask = ember.tensor([1, 0, 1, 0, 0, 0, 0, 0, 0, 1], dtype=ember.uint8)
    assert t[mask].tolist() == [0, 2, 9]


def test_list_indices_become_int64() -> None:
    t = ember.arange(3.0)
    assert t[[]].shape == (0,) and t[[1.7]].tolist() == [1.0]
    x = ember.zeros(2, 3)
    x[[]] = 1.0
    assert x.sum().item() == 0.0


def test_mask_assignment_of_a_one_element_value_converts_like_masked_fill() -> None:
    # PyTorch turns x[mask] = <one-element CPU tensor> into masked_fill_, which converts
    # the value to x's dtype; an integer index keeps index_put_'s same-dtype rule.
    x = ember.zeros(3, 4, dtype=ember.int64)
    x[ember.tensor([True, False, True])] = ember.tensor(7.5)
    assert x.sum(1).tolist() == [28, 0, 28]
    x[:, ember.tensor([True, False, False, True])] = ember.tensor([2.0])
    assert x[1].tolist() == [2, 0, 0, 2]
    with pytest.raises(RuntimeError, match="Index put requires the source and destination dtypes match"):
        x[ember.tensor([0])] = ember.tensor(1.0)
    y = ember.zeros((), dtype=ember.int64)
    y[True] = ember.tensor(3.0)  # a lone True (or None) is a plain copy
    assert y.item() == 3
    y[False] = ember.tensor(9.0)
    assert y.item() == 3


def test_index_into_an_empty_dim_is_out_of_bounds() -> None:
    e = ember.zeros(0, 3)
    with pytest.raises(IndexError, match="index is out of bounds for dimension with size 0"):
        e[ember.tensor([0])]
    with pytest.raises(IndexError, match="index is out of bounds for dimension with size 0"):
        e[[0], None] = 1.0
    # An index list that broadcasts to nothing reads nothing and is fine.
    assert tuple(ember.zeros(3, 0, 2)[ember.tensor([False] * 3), [0]].shape) == (0, 2)
