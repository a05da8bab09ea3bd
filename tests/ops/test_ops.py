"""Every operator of tests/ops/opinfo.py, over its dtypes, against NumPy: values and
result dtype (function form, contiguous and non-contiguous inputs), the method
form, out=, in-place, and the error cases."""

from __future__ import annotations

import ember
import numpy as np
import pytest

from tests.ops.opinfo import (
    NP_DTYPE,
    OPS,
    OpInfo,
    SampleInput,
    as_numpy,
    is_float,
    result_type,
    to_ember,
)

CASES = [pytest.param(op, d, id=f"{op.name}-{d}") for op in OPS for d in op.dtypes]


def _rng(op: OpInfo, dtype: str) -> np.random.Generator:
    return np.random.default_rng(abs(hash((op.name, dtype))) % (2**32))


def _ember_args(op: OpInfo, sample: SampleInput, dtype: str, noncontig: bool) -> tuple:
    return tuple(
        to_ember(a, op.fixed_dtypes.get(i, dtype), noncontig) for i, a in enumerate(sample.args)
    )


def _compute_dtype(op: OpInfo, eargs: tuple, expected: str) -> np.dtype:
    """The NumPy dtype the reference computes in: the result dtype, widened to
    float64 for floating results (a more accurate reference); for comparisons the
    promoted operand dtype; for argmax the input's own."""
    if op.promotion == "bool":
        operands = [a for a in eargs if isinstance(a, (ember.Tensor, int, float))]
        d = result_type(*operands)
        return np.dtype(np.float64 if is_float(d) else NP_DTYPE[d])
    if op.promotion == "int64":
        d = str(eargs[0].dtype).split(".")[1]
        return np.dtype(np.float64 if is_float(d) else NP_DTYPE[d])
    return np.dtype(np.float64 if is_float(expected) else NP_DTYPE[expected])


def _reference(op: OpInfo, eargs: tuple, kwargs: dict, expected: str):
    cd = _compute_dtype(op, eargs, expected)
    np_args = []
    for i, a in enumerate(eargs):
        if isinstance(a, list):
            np_args.append([as_numpy(x).astype(cd) for x in a])
            continue
        v = as_numpy(a)
        if isinstance(v, np.ndarray) and i not in op.fixed_dtypes:
            v = v.astype(cd)
        np_args.append(v)
    with np.errstate(all="ignore"):
        return op.ref(*np_args, **kwargs)


def _check(op: OpInfo, actual, expected_values, expected_dtype: str, what: str) -> None:
    assert isinstance(actual, ember.Tensor), f"{what}: expected a Tensor, got {type(actual)}"
    assert str(actual.dtype) == f"ember.{expected_dtype}", f"{what}: dtype {actual.dtype} != ember.{expected_dtype}"
    exp = np.asarray(expected_values)
    got = as_numpy(actual)
    assert got.shape == exp.shape, f"{what}: shape {got.shape} != {exp.shape}"
    if is_float(expected_dtype):
        half = expected_dtype in ("float16", "bfloat16")
        np.testing.assert_allclose(
            got.astype(np.float64), exp.astype(np.float64),
            rtol=op.half_rtol if half else op.float_rtol,
            atol=op.half_atol if half else op.float_atol,
            equal_nan=True, err_msg=what,
        )
    else:
        np.testing.assert_array_equal(got, exp.astype(got.dtype), err_msg=what)


def _check_result(op: OpInfo, result, ref, expected: str, what: str) -> None:
    if op.returns_tuple:
        values, indices = result
        assert result.values is values and result.indices is indices
        _check(op, values, ref[0], expected, what + " values")
        _check(op, indices, ref[1], "int64", what + " indices")
    else:
        _check(op, result, ref, expected, what)


def _samples(op: OpInfo, dtype: str):
    return list(op.samples(dtype, _rng(op, dtype)))


@pytest.mark.parametrize("op,dtype", CASES)
def test_function(op: OpInfo, dtype: str) -> None:
    fn = getattr(ember, op.fn_name)
    for sample in _samples(op, dtype):
        for noncontig in (False, True) if op.supports_noncontig else (False,):
            eargs = _ember_args(op, sample, dtype, noncontig)
            expected = op.expected_dtype(eargs, sample.kwargs)
            ref = _reference(op, eargs, sample.kwargs, expected)
            what = f"{op.name}({sample.note or [getattr(a, 'shape', a) for a in eargs]}, {sample.kwargs}) noncontig={noncontig}"
            _check_result(op, fn(*eargs, **sample.kwargs), ref, expected, what)


@pytest.mark.parametrize("op,dtype", [c for c in CASES if c.values[0].method])
def test_method(op: OpInfo, dtype: str) -> None:
    for sample in _samples(op, dtype):
        eargs = _ember_args(op, sample, dtype, False)
        if op.name == "where":
            # Tensor.where(condition, other): the method's self is the second argument.
            result = eargs[1].where(eargs[0], eargs[2])
        else:
            result = getattr(eargs[0], op.fn_name)(*eargs[1:], **sample.kwargs)
        expected = op.expected_dtype(eargs, sample.kwargs)
        _check_result(op, result, _reference(op, eargs, sample.kwargs, expected), expected, f"method {op.name}")


@pytest.mark.parametrize("op,dtype", [c for c in CASES if c.values[0].out])
def test_out(op: OpInfo, dtype: str) -> None:
    fn = getattr(ember, op.fn_name)
    for sample in _samples(op, dtype):
        eargs = _ember_args(op, sample, dtype, False)
        expected = op.expected_dtype(eargs, sample.kwargs)
        out = ember.empty(0, dtype=getattr(ember, expected))
        result = fn(*eargs, **sample.kwargs, out=out)
        assert result is out, "out= must return the very object passed"
        _check(op, out, _reference(op, eargs, sample.kwargs, expected), expected, f"{op.name} out=")


@pytest.mark.parametrize("op,dtype", [c for c in CASES if c.values[0].inplace])
def test_inplace(op: OpInfo, dtype: str) -> None:
    for sample in _samples(op, dtype):
        eargs = _ember_args(op, sample, dtype, False)
        expected = op.expected_dtype(eargs, sample.kwargs)
        ref = np.asarray(_reference(op, eargs, sample.kwargs, expected))
        self_t = eargs[0].clone()
        method = getattr(self_t, op.fn_name + "_")
        if tuple(self_t.shape) != ref.shape:
            continue  # in-place cannot broadcast self
        if expected != dtype and not ember.can_cast(getattr(ember, expected), self_t.dtype):
            with pytest.raises(RuntimeError, match="can't be cast to the desired output type"):
                method(*eargs[1:], **sample.kwargs)
            continue
        result = method(*eargs[1:], **sample.kwargs)
        assert result is self_t, "in-place methods return self"
        _check(op, self_t, ref, dtype, f"{op.name}_")


ERROR_CASES = [
    pytest.param(op, i, id=f"{op.name}-{i}") for op in OPS for i in range(len(op.errors()))
]


@pytest.mark.parametrize("op,i", ERROR_CASES)
def test_errors(op: OpInfo, i: int) -> None:
    e = op.errors()[i]
    with pytest.raises(e.exc, match=e.match):
        e.call()
