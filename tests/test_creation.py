"""Tensor creation: ember.tensor's dtype inference and conversions (Note [dtype
inference for ember.tensor]), as_tensor, the factories' Python argument forms,
random numbers and the default dtype."""

from __future__ import annotations

import ember
import numpy as np
import pytest


@pytest.mark.parametrize(
    "data, dtype",
    [
        ([1.0, 2.0], ember.float32), ([1, 2], ember.int64), ([True, False], ember.bool),
        ([1, 2.5], ember.float32), ([True, 1], ember.int64), ([True, 1.5], ember.float32),
        (3.5, ember.float32), (3, ember.int64), (False, ember.bool), ([], ember.float32), ([[], []], ember.float32),
        ((1, 2), ember.int64), ([[1, 2], (3, 4)], ember.int64),
        (np.float32(2.5), ember.float32), (np.float64(2.5), ember.float64), (np.int32(2), ember.int32),
        (np.float16(1.0), ember.float16), (np.bool_(True), ember.bool), ([np.float32(1.0), 2.0], ember.float32),
        (np.array([1, 2], dtype=np.int16), ember.int16), (np.array([1.0, 2.0]), ember.float64),
        ([ember.tensor(1.0), ember.tensor(2.0)], ember.float32),
        ([ember.tensor(1), ember.tensor(3)], ember.int64),
    ],
)
def test_tensor_dtype_inference(data, dtype) -> None:
    t = ember.tensor(data)
    assert t.dtype is dtype
    np.testing.assert_array_equal(np.asarray(t.tolist(), dtype=np.float64),
                                  np.asarray(data if not isinstance(data, list) or not data or not isinstance(data[0], ember.Tensor)
                                             else [d.tolist() for d in data], dtype=np.float64))


def test_tensor_shapes_and_values() -> None:
    assert ember.tensor([[1, 2, 3], [4, 5, 6]]).shape == (2, 3)
    assert ember.tensor([[[1], [2]]]).shape == (1, 2, 1)
    assert ember.tensor([]).shape == (0,) and ember.tensor([[], []]).shape == (2, 0)
    assert ember.tensor(5).shape == ()
    assert ember.tensor(range(4)).tolist() == [0, 1, 2, 3]
    assert ember.tensor([1.7, -1.7], dtype=ember.int64).tolist() == [1, -1]
    assert ember.tensor([1, 2], dtype=ember.float16).dtype is ember.float16
    assert ember.tensor([0.1], dtype=ember.float64).item() == 0.1
    assert ember.tensor([2**62]).item() == 2**62


def test_tensor_copies() -> None:
    a = np.arange(3.0)
    t = ember.tensor(a)
    a[0] = 9
    assert t[0].item() == 0.0
    src = ember.arange(3)
    with pytest.warns(UserWarning, match="To copy construct from a tensor"):
        c = ember.tensor(src)
    assert c.data_ptr() != src.data_ptr() and c.tolist() == src.tolist()


@pytest.mark.parametrize(
    "data, exc, match",
    [
        ([[1, 2], [3]], ValueError, r"expected sequence of length 2 at dim 1 \(got 1\)"),
        ([[1, 2], 3], TypeError, "not a sequence"),
        ("abc", TypeError, "new\\(\\): invalid data type 'str'"),
        ([1, "a"], TypeError, "invalid data type 'str'"),
        ({}, RuntimeError, "Could not infer dtype of dict"),
        ([2**63], ValueError, "Overflow when unpacking long long"),
        # a tensor inside the data is a scalar, as in PyTorch
        ([ember.tensor([1.0, 2.0]), 3.0], ValueError, "only one element tensors"),
        ([ember.tensor([1, 2]), ember.tensor([3, 4])], ValueError, "only one element tensors"),
    ],
)
def test_tensor_errors(data, exc, match) -> None:
    with pytest.raises(exc, match=match):
        ember.tensor(data)


def test_tensor_dtype_overflow() -> None:
    with pytest.raises(RuntimeError, match="value cannot be converted to type uint8 without overflow"):
        ember.tensor([300], dtype=ember.uint8)
    with pytest.raises(RuntimeError, match="without overflow"):
        ember.tensor([1e30], dtype=ember.int64)
    with pytest.raises(NotImplementedError, match="requires_grad"):
        ember.tensor([1.0], requires_grad=True)


def test_as_tensor_shares_when_possible() -> None:
    t = ember.arange(3)
    assert ember.as_tensor(t) is t
    assert ember.as_tensor(t, dtype=ember.float32).dtype is ember.float32
    a = np.arange(3.0)
    s = ember.as_tensor(a)
    a[1] = 7.0
    assert s[1].item() == 7.0 and s.dtype is ember.float64
    assert ember.as_tensor([1, 2]).tolist() == [1, 2]


def test_factories_argument_forms() -> None:
    for t in (ember.zeros(2, 3), ember.zeros((2, 3)), ember.zeros([2, 3]), ember.zeros(ember.Size([2, 3])),
              ember.zeros(size=(2, 3))):
        assert t.shape == (2, 3) and t.dtype is ember.float32 and t.sum().item() == 0
    assert ember.zeros(()).shape == () and ember.zeros(0).shape == (0,)
    assert ember.ones(2, dtype=ember.int32).tolist() == [1, 1]
    assert ember.empty(2, 2).shape == (2, 2)
    assert ember.full((2,), 3).dtype is ember.int64 and ember.full((2,), 3.0).dtype is ember.float32
    assert ember.full((2,), True).dtype is ember.bool
    assert ember.arange(5).tolist() == [0, 1, 2, 3, 4] and ember.arange(5).dtype is ember.int64
    assert ember.arange(1, 4, 0.5).dtype is ember.float32 and len(ember.arange(1, 4, 0.5)) == 6
    assert ember.linspace(0, 1, 5).tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert ember.eye(2, 3).tolist() == [[1, 0, 0], [0, 1, 0]]
    x = ember.arange(6.0).reshape(2, 3)
    assert ember.zeros_like(x).shape == (2, 3) and ember.ones_like(x, dtype=ember.int8).dtype is ember.int8
    assert ember.full_like(x, 7).tolist() == [[7.0] * 3] * 2
    with pytest.raises(TypeError, match="zeros\\(\\): argument 'size' must be tuple of ints"):
        ember.zeros(2, 3.0)
    with pytest.raises(TypeError, match="missing 1 required positional arguments: \"size\""):
        ember.zeros()
    with pytest.raises(RuntimeError):
        ember.zeros(-1)
    with pytest.raises(RuntimeError, match="step must be nonzero"):
        ember.arange(0, 1, 0)


def test_random_reproducible() -> None:
    g = ember.manual_seed(1234)
    assert isinstance(g, ember.Generator) and ember.initial_seed() == 1234
    a = ember.rand(5)
    b = ember.randn(2, 3)
    ember.manual_seed(1234)
    assert ember.rand(5).tolist() == a.tolist() and ember.randn(2, 3).tolist() == b.tolist()
    assert 0.0 <= min(a.tolist()) and max(a.tolist()) < 1.0
    gen = ember.Generator().manual_seed(7)
    c = ember.rand(4, generator=gen)
    gen.manual_seed(7)
    assert ember.rand(4, generator=gen).tolist() == c.tolist()
    r = ember.randint(0, 10, (100,))
    assert r.dtype is ember.int64 and 0 <= min(r.tolist()) and max(r.tolist()) < 10
    state = gen.get_state()
    d = ember.rand(3, generator=gen)
    gen.set_state(state)
    assert ember.rand(3, generator=gen).tolist() == d.tolist()
    assert gen.device == ember.device("cpu") and gen.initial_seed() == 7
    assert ember.manual_seed(-1).initial_seed() == 2**64 - 1


def test_default_dtype() -> None:
    assert ember.get_default_dtype() is ember.float32
    ember.set_default_dtype(ember.float64)
    try:
        assert ember.tensor([1.5]).dtype is ember.float64 and ember.zeros(1).dtype is ember.float64
        assert (ember.tensor([1]) + 0.5).dtype is ember.float64
    finally:
        ember.set_default_dtype(ember.float32)
    with pytest.raises(TypeError, match="only floating-point types are supported as the default type"):
        ember.set_default_dtype(ember.int32)


def test_utilities() -> None:
    i32 = ember.tensor([1], dtype=ember.int32)
    assert ember.result_type(i32, 2.5) is ember.float32
    assert ember.result_type(i32, ember.tensor(2)) is ember.int32
    assert ember.result_type(ember.tensor([1], dtype=ember.uint8), 300) is ember.uint8
    assert ember.result_type(2, 2.5) is ember.float32
    assert ember.promote_types(ember.uint8, ember.int8) is ember.int16
    assert ember.promote_types(ember.bfloat16, ember.float16) is ember.float32
    assert not ember.can_cast(ember.float32, ember.int32) and ember.can_cast(ember.int32, ember.float32)
    assert not ember.can_cast(ember.int32, ember.bool)
    assert ember.is_tensor(i32) and not ember.is_tensor([1]) and ember.numel(ember.zeros(2, 3)) == 6
    n = ember.get_num_threads()
    ember.set_num_threads(1)
    assert ember.get_num_threads() == 1
    ember.set_num_threads(n)
    with pytest.raises(ValueError):
        ember.set_num_threads(0)


def test_version_and_config(capsys) -> None:
    assert isinstance(ember.__version__, str) and ember.__version__ == ember.version.__version__
    assert ember.version.cuda is None or isinstance(ember.version.cuda, str)
    assert ember.version.hip is None or isinstance(ember.version.hip, str)
    assert isinstance(ember.version.git_version, str)
    ember.show_config()
    out = capsys.readouterr().out
    assert out.startswith(f"ember {ember.__version__}") and "threads" in out


def test_tensor_of_one_element_tensors_is_flat() -> None:
    # PyTorch: a tensor inside the data is a scalar, whatever its dims (issue found by
    # tests/torch_compat: ember used to make a (2, 1) tensor here).
    t = ember.tensor([ember.ones(1), ember.tensor([[2.0]])])
    assert t.shape == (2,) and t.tolist() == [1.0, 2.0]
