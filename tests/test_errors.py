"""Bad input raises Python exceptions with PyTorch's types and wording: the
argument parser's TypeErrors (ArgParser.h, Note [Overload resolution]) and the
translation of ember's C++ errors (Exceptions.h)."""

from __future__ import annotations

import ember
import pytest


@pytest.fixture
def t() -> ember.Tensor:
    return ember.arange(6.0).reshape(2, 3)


def test_invalid_combination_lists_signatures(t) -> None:
    with pytest.raises(TypeError) as e:
        ember.max(t, "a")
    msg = str(e.value)
    assert msg.startswith("max() received an invalid combination of arguments - got (Tensor, str), but expected one of:")
    assert " * (Tensor input, int dim, bool keepdim = False, *, tuple of Tensors out = None)" in msg


def test_single_signature_errors(t) -> None:
    with pytest.raises(TypeError, match=r"exp\(\): argument 'input' \(position 1\) must be Tensor, not str"):
        ember.exp("x")
    with pytest.raises(TypeError, match=r"add\(\) missing 1 required positional arguments: \"other\""):
        ember.add(t)
    with pytest.raises(TypeError, match=r"add\(\) takes 2 positional arguments but 3 were given"):
        ember.add(t, t, t)
    with pytest.raises(TypeError, match=r"add\(\) got an unexpected keyword argument 'foo'"):
        ember.add(t, t, foo=1)
    with pytest.raises(TypeError, match=r"add\(\) got multiple values for argument 'input'"):
        ember.add(t, other=t, input=t)
    with pytest.raises(TypeError, match=r"argument 'alpha' must be Number, not str"):
        ember.add(t, t, alpha="a")
    with pytest.raises(TypeError, match=r"argument 'dtype' must be ember.dtype, not str"):
        ember.zeros(2, dtype="float32")


def test_keyword_arguments_and_defaults(t) -> None:
    assert ember.add(input=t, other=t, alpha=2).tolist() == (t * 3).tolist()
    assert ember.sum(t, dim=1, keepdim=True).shape == (2, 1)
    assert ember.sum(t, 1).shape == (2,) and ember.sum(t, (0, 1)).item() == 15.0
    assert ember.sum(t, dtype=ember.float64).dtype is ember.float64
    assert t.max(dim=0).values.tolist() == [3.0, 4.0, 5.0]
    assert ember.div(t, 2, rounding_mode=None).tolist() == (t / 2).tolist()
    assert ember.clamp(t, min=None, max=2).max().item() == 2.0
    assert ember.zeros(2, dtype=None).dtype is ember.float32
    assert ember.zeros(2, dtype=float).dtype is ember.float64 and ember.zeros(2, dtype=int).dtype is ember.int64
    assert ember.zeros(2, device="cpu").device == ember.device("cpu")


def test_overload_resolution_prefers_exact_types(t) -> None:
    # pow(Tensor, Scalar) for a number exponent, pow(Tensor, Tensor) for a tensor one.
    assert ember.pow(t, 2).tolist() == (t * t).tolist()
    assert ember.pow(t, ember.tensor(2.0)).tolist() == (t * t).tolist()
    assert ember.pow(2, ember.tensor([1.0, 2.0])).tolist() == [2.0, 4.0]
    # clamp(Scalar) vs clamp(Tensor)
    assert ember.clamp(t, 1, 3).tolist() == [[1.0, 1.0, 2.0], [3.0, 3.0, 3.0]]
    assert ember.clamp(t, ember.tensor(1.0)).min().item() == 1.0
    # numbers where only a Tensor parameter exists become wrapped numbers
    assert ember.add(t, 1).dtype is ember.float32 and ember.add(1, 2).item() == 3
    assert ember.where(t > 2, t, 0.0).tolist() == [[0.0, 0.0, 0.0], [3.0, 4.0, 5.0]]


def test_out_argument(t) -> None:
    out = ember.empty(0)
    r = ember.add(t, 1, out=out)
    assert r is out and out.shape == (2, 3) and out.tolist() == (t + 1).tolist()
    with pytest.raises(RuntimeError, match="result type Float can't be cast to the desired output type Long"):
        ember.add(t, 1, out=ember.empty(0, dtype=ember.int64))
    with pytest.raises(TypeError):
        ember.add(t, 1, out=3)


def test_cpp_errors_map_to_python_types(t) -> None:
    with pytest.raises(RuntimeError, match=r"size of tensor a \(3\) must match the size of tensor b \(4\)"):
        t + ember.zeros(4)
    with pytest.raises(IndexError, match=r"Dimension out of range"):
        t.sum(5)
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        ember.tensor([1]) // 0
    with pytest.raises(RuntimeError, match=r"mat1 and mat2 shapes cannot be multiplied \(2x3 and 2x3\)"):
        t @ t
    with pytest.raises(RuntimeError, match="shape '\\[4, 2\\]' is invalid for input of size 6"):
        t.view(4, 2)
    with pytest.raises(ValueError, match="set_num_threads"):
        ember.set_num_threads(-1)
    with pytest.raises(OverflowError, match="int too big to convert"):
        t + 2**64
    with pytest.raises(ValueError, match="Overflow when unpacking long long"):
        t.sum(2**70)


def test_errors_leave_interpreter_usable(t) -> None:
    for _ in range(100):
        with pytest.raises(TypeError):
            ember.add(t, "x")
    assert (t + 1).sum().item() == 21.0
