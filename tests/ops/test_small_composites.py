"""Operators built from others (zero_, masked_fill with a tensor value, random_() and
random_(to), zeros/ones out=) and the Python operators % & | ^ ~ on integer tensors."""

from __future__ import annotations

import ember
import numpy as np
import pytest


def test_zero_() -> None:
    x = ember.arange(12.0).reshape(3, 4).t()
    assert x.zero_() is x and x.sum().item() == 0
    y = ember.ones(3, dtype=ember.int32)
    assert ember.zero_(y) is y and y.tolist() == [0, 0, 0]


def test_masked_fill_tensor_value() -> None:
    x = ember.arange(4.0)
    m = ember.tensor([True, False, True, False])
    assert x.masked_fill(m, ember.tensor(9)).tolist() == [9.0, 1.0, 9.0, 3.0]
    assert ember.masked_fill(x, m, ember.tensor(-1.5)).tolist() == [-1.5, 1.0, -1.5, 3.0]
    assert x.masked_fill_(m, ember.tensor(7.0)) is x and x.tolist() == [7.0, 1.0, 7.0, 3.0]
    with pytest.raises(RuntimeError, match="only supports a 0-dimensional value tensor"):
        x.masked_fill(m, ember.tensor([1.0]))


def test_random_overloads() -> None:
    g = ember.Generator().manual_seed(1)
    x = ember.empty(1000, dtype=ember.int64).random_(5, generator=g)
    assert x.min().item() >= 0 and x.max().item() == 4
    u = ember.empty(1000, dtype=ember.uint8).random_(generator=g)
    assert u.min().item() >= 0 and u.max().item() > 200
    b = ember.empty(100, dtype=ember.bool).random_()
    assert b.any().item() and not b.all().item()
    f = ember.empty(100).random_()
    assert (f == f.floor()).all().item() and f.max().item() <= 2**24


def test_zeros_ones_out() -> None:
    o = ember.empty(0, dtype=ember.int32)
    assert ember.zeros(2, 3, out=o) is o and o.shape == (2, 3) and o.dtype == ember.int32
    assert o.sum().item() == 0
    assert ember.ones((4,), out=o) is o and o.tolist() == [1, 1, 1, 1]


def test_python_operators_on_integers() -> None:
    a = ember.tensor([-7, -3, 0, 5, 8])
    na = np.array([-7, -3, 0, 5, 8])
    assert (a % 3).tolist() == (na % 3).tolist()
    assert (a % -3).tolist() == (na % -3).tolist()
    assert (17 % ember.tensor([5, -5])).tolist() == [2, -3]
    assert (a & 6).tolist() == (na & 6).tolist()
    assert (a | 6).tolist() == (na | 6).tolist()
    assert (a ^ 6).tolist() == (na ^ 6).tolist()
    assert (~a).tolist() == (~na).tolist()
    b = a.clone()
    b %= 4
    b &= 3
    assert b.tolist() == ((na % 4) & 3).tolist()
    m = ember.tensor([True, False])
    assert (~m).tolist() == [False, True] and (m ^ True).tolist() == [False, True]
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        a % 0
    with pytest.raises(TypeError, match="only implemented on integer and Boolean"):
        ~ember.ones(2)
    assert (ember.tensor([5.5, -5.5]) % 2).tolist() == [1.5, 0.5]


def test_split_with_a_list_of_sizes():
    x = ember.arange(10)
    assert [t.tolist() for t in x.split([3, 7])] == [[0, 1, 2], [3, 4, 5, 6, 7, 8, 9]]
    assert [t.shape[0] for t in ember.split(x, [5, 5])] == [5, 5]
    assert [t.shape[0] for t in x.split(4)] == [4, 4, 2]
    with pytest.raises(RuntimeError):
        x.split([3, 3])  # sizes must add up to the dim's size
