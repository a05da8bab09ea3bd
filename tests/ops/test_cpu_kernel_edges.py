"""Edge cases of the vectorized CPU kernels that the OpInfo samples (a handful of
elements) are too small to reach: the blocked arg-reductions of
native/cpu/ReduceLoops.h (Note [Blocked arg-reductions]) and the branch-free exp of
native/cpu/VecMath.h (Note [Vectorizable math]) on long contiguous runs."""

from __future__ import annotations

import numpy as np
import pytest

import ember

# Lengths around the lane and block widths (16 lanes, blocks of 4 vectors).
LENGTHS = [1, 5, 31, 32, 33, 63, 64, 65, 127, 129, 1000, 1023, 4099]


@pytest.mark.parametrize("dtype", ["float32", "float64", "int32", "int64", "int8", "uint8"])
@pytest.mark.parametrize("n", LENGTHS)
def test_arg_extremum_long_rows(dtype: str, n: int) -> None:
    rng = np.random.default_rng(n)
    rows = [rng.integers(-50, 50, size=n).astype(dtype),  # many ties
            np.zeros(n, dtype=dtype),                       # all equal
            np.arange(n).astype(dtype)]                     # extremum at the ends
    for x in rows:
        for t in (x, x[::-1].copy()):
            a = np.stack([t, t[::-1]])
            e = ember.from_numpy(a)
            np.testing.assert_array_equal(e.argmax(1).numpy(), a.argmax(1))
            np.testing.assert_array_equal(e.argmin(1).numpy(), a.argmin(1))
            v, i = e.max(1)
            np.testing.assert_array_equal(i.numpy(), a.argmax(1))
            np.testing.assert_array_equal(v.numpy(), a.max(1))
            v, i = e.min(1)
            np.testing.assert_array_equal(i.numpy(), a.argmin(1))
            np.testing.assert_array_equal(v.numpy(), a.min(1))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("n", LENGTHS)
def test_arg_extremum_nan_and_inf(dtype: str, n: int) -> None:
    rng = np.random.default_rng(n)
    base = rng.standard_normal(n).astype(dtype)
    positions = sorted({0, n // 3, n // 2, n - 1})
    for pos in positions:
        # one NaN, two NaNs (the first wins), NaN next to +-inf
        for extra in ([], [n - 1], [0]):
            x = base.copy()
            x[pos] = np.nan
            for q in extra:
                x[q] = np.nan
            if n > 2:
                x[(pos + 1) % n] = np.inf
                x[(pos + 2) % n] = -np.inf
            for a in (x[None, :], x[::-1].copy()[None, :]):
                e = ember.from_numpy(a)
                assert e.argmax(1).item() == a.argmax(1)[0]
                assert e.argmin(1).item() == a.argmin(1)[0]
                v, i = e.max(1)
                assert i.item() == a.argmax(1)[0] and np.isnan(v.item())
                assert np.isnan(e.max().item()) and np.isnan(e.min().item())
    # infinities without NaN, repeated: the first occurrence wins
    x = base.copy()
    x[n // 2:] = np.inf
    e = ember.from_numpy(x[None, :])
    assert e.argmax(1).item() == x.argmax()


def test_max_nan_first_small_and_strided() -> None:
    # a leading NaN must stick in short and strided runs as well
    x = np.array([np.nan, 1, 2, 3, 5, 6], dtype=np.float32)
    e = ember.from_numpy(x)
    assert np.isnan(e.max().item()) and np.isnan(e.min().item())
    assert np.isnan(e[::2].max().item()) and np.isnan(e[::2].min().item())
    cols = ember.from_numpy(np.array([[np.nan, 1.0], [2.0, np.nan], [3.0, 4.0]], dtype=np.float32))
    assert np.isnan(cols.max(0)[0].numpy()).all()


def _ulp_error(got: np.ndarray, x: np.ndarray) -> np.ndarray:
    ref = np.exp(x.astype(np.float64))
    spacing = np.spacing(np.abs(ref).astype(np.float32)).astype(np.float64)
    return np.abs(got.astype(np.float64) - ref) / spacing


def test_exp_float32_accuracy_and_specials() -> None:
    # dense over the whole finite range, including the overflow edge and the
    # subnormal results near the underflow edge
    x = np.concatenate([np.linspace(-104.5, 89.5, 400_001, dtype=np.float32),
                        np.float32(88.72283) + np.arange(-8, 8, dtype=np.float32) * np.float32(1e-5),
                        np.float32(-87.5) - np.arange(0, 200, dtype=np.float32) * np.float32(0.08)])
    got = ember.exp(ember.from_numpy(x)).numpy()
    with np.errstate(over="ignore"):
        finite = np.isfinite(np.exp(x.astype(np.float64)).astype(np.float32))
    normal = finite & (np.exp(x.astype(np.float64)) >= np.finfo(np.float32).tiny)
    assert _ulp_error(got[normal], x[normal]).max() <= 2.0
    # subnormal results: within one subnormal step of the exact value
    sub = finite & ~normal
    ref = np.exp(x[sub].astype(np.float64))
    assert (np.abs(got[sub].astype(np.float64) - ref) <= 2.0**-149).all()
    np.testing.assert_array_equal(np.isinf(got), ~finite)
    special = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 89.0, 1e30, -1e30, -104.0, 88.7], dtype=np.float32)
    got = ember.exp(ember.from_numpy(special)).numpy()
    with np.errstate(over="ignore"):
        np.testing.assert_allclose(got, np.exp(special), rtol=2e-7, equal_nan=True)


def test_sigmoid_tanh_float32_long() -> None:
    x = np.linspace(-120, 120, 100_003, dtype=np.float32)
    x[::997] = np.nan
    e = ember.from_numpy(x)
    np.testing.assert_allclose(ember.sigmoid(e).numpy(), 1 / (1 + np.exp(-x.astype(np.float64))),
                               rtol=3e-7, atol=1e-38, equal_nan=True)
    np.testing.assert_allclose(ember.tanh(e).numpy(), np.tanh(x.astype(np.float64)), rtol=3e-7,
                               atol=1e-7, equal_nan=True)
