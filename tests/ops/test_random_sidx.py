"""Statistical checks of the random operators of native/RandomOps.cpp (bernoulli,
exponential_, geometric_, log_normal_, normal overloads, randperm, multinomial): fixed
seeds, large samples and loose bounds (several standard errors), plus reproducibility
(same seed, same values; thread count does not matter). Their shapes, dtypes and
errors are compared with PyTorch in tests/torch_compat/cases_sidx.py."""

from __future__ import annotations

import math

import ember
import numpy as np
import pytest

N = 200_000


def _np(t) -> np.ndarray:
    return t.to(ember.float64).numpy() if t.dtype in (ember.float16, ember.bfloat16) else t.numpy()


def _chi_square(observed: np.ndarray, expected: np.ndarray) -> float:
    return float(((observed - expected) ** 2 / expected).sum())


# 99.9% quantiles of chi-square for small degrees of freedom
CHI2_999 = {1: 10.83, 2: 13.82, 3: 16.27, 4: 18.47, 5: 20.52, 9: 27.88}


@pytest.mark.parametrize("dtype", ["float32", "float64", "int64", "bool", "float16"])
def test_bernoulli_float_mean(dtype):
    ember.manual_seed(1)
    x = ember.empty(N, dtype=getattr(ember, dtype)).bernoulli_(0.3)
    m = _np(x).astype(np.float64).mean()
    assert abs(m - 0.3) < 5 * math.sqrt(0.3 * 0.7 / N)
    assert set(np.unique(_np(x).astype(np.float64))) <= {0.0, 1.0}


def test_bernoulli_tensor_p():
    ember.manual_seed(2)
    p = ember.tensor([0.0, 0.1, 0.5, 0.9, 1.0], dtype=ember.float64)
    x = ember.bernoulli(p.expand(N // 5, 5).contiguous())
    m = x.numpy().mean(axis=0)
    se = np.sqrt(p.numpy() * (1 - p.numpy()) / (N // 5))
    assert np.all(np.abs(m - p.numpy()) <= 5 * se + 1e-12)
    assert m[0] == 0.0 and m[-1] == 1.0


def test_exponential():
    ember.manual_seed(3)
    lam = 2.5
    x = ember.empty(N, dtype=ember.float64).exponential_(lam).numpy()
    assert x.min() >= 0
    assert abs(x.mean() - 1 / lam) < 5 / lam / math.sqrt(N)
    # P(X > t) = exp(-lam t) at a few points
    for t in (0.1, 0.5, 1.0):
        frac = (x > t).mean()
        p = math.exp(-lam * t)
        assert abs(frac - p) < 5 * math.sqrt(p * (1 - p) / N)


def test_geometric_chi_square():
    ember.manual_seed(4)
    p = 0.3
    x = ember.empty(N, dtype=ember.int64).geometric_(p).numpy()
    assert x.min() >= 1
    ks = np.arange(1, 10)
    observed = np.array([(x == k).sum() for k in ks] + [(x >= 10).sum()], dtype=np.float64)
    probs = np.array([(1 - p) ** (k - 1) * p for k in ks] + [(1 - p) ** 9])
    assert _chi_square(observed, probs * N) < CHI2_999[9]


def test_log_normal():
    ember.manual_seed(5)
    x = ember.empty(N, dtype=ember.float64).log_normal_(0.5, 0.25).numpy()
    lx = np.log(x)
    assert abs(lx.mean() - 0.5) < 5 * 0.25 / math.sqrt(N)
    assert abs(lx.std() - 0.25) < 0.01


def test_normal_overloads():
    ember.manual_seed(6)
    mean = ember.tensor([-3.0, 0.0, 10.0], dtype=ember.float64)
    std = ember.tensor([0.5, 1.0, 2.0], dtype=ember.float64)
    n = N // 3
    for x, m, s in (
        (ember.normal(mean.expand(n, 3).contiguous(), 2.0), mean.numpy(), np.full(3, 2.0)),
        (ember.normal(1.5, std.expand(n, 3).contiguous()), np.full(3, 1.5), std.numpy()),
        (ember.normal(mean.expand(n, 3), std), mean.numpy(), std.numpy()),
    ):
        a = x.numpy()
        assert a.shape == (n, 3)
        assert np.all(np.abs(a.mean(0) - m) < 5 * s / math.sqrt(n))
        assert np.all(np.abs(a.std(0) - s) < 0.03 * s)
    x = ember.normal(2.0, 3.0, (N,), dtype=ember.float64).numpy()
    assert abs(x.mean() - 2.0) < 5 * 3.0 / math.sqrt(N)
    assert abs(x.std() - 3.0) < 0.03


def test_randperm_is_permutation_and_uniform():
    ember.manual_seed(7)
    for n in (0, 1, 2, 17, 1000):
        p = ember.randperm(n).numpy()
        assert sorted(p.tolist()) == list(range(n))
    # every permutation of 3 elements about equally often
    counts: dict[tuple, int] = {}
    trials = 6000
    for _ in range(trials):
        key = tuple(ember.randperm(3).tolist())
        counts[key] = counts.get(key, 0) + 1
    assert len(counts) == 6
    observed = np.array(list(counts.values()), dtype=np.float64)
    assert _chi_square(observed, np.full(6, observed.sum() / 6)) < CHI2_999[5]
    # position of element 0 in a longer permutation is uniform
    pos = np.array([int(np.argmax(ember.randperm(5).numpy() == 0)) for _ in range(5000)])
    observed = np.bincount(pos, minlength=5).astype(np.float64)
    assert _chi_square(observed, np.full(5, 1000.0)) < CHI2_999[4]


@pytest.mark.parametrize("replacement", [True, False])
def test_multinomial_one_sample_frequencies(replacement):
    ember.manual_seed(8)
    w = np.array([1.0, 0.0, 3.0, 6.0])
    probs = w / w.sum()
    rows = 20_000
    x = ember.multinomial(ember.tensor(w).expand(rows, 4).contiguous(), 1, replacement).numpy().ravel()
    observed = np.bincount(x, minlength=4).astype(np.float64)
    assert observed[1] == 0
    keep = probs > 0
    assert _chi_square(observed[keep], probs[keep] * rows) < CHI2_999[2]


def test_multinomial_with_replacement_frequencies():
    ember.manual_seed(9)
    w = np.array([0.2, 0.0, 0.5, 0.3, 1.0])
    probs = w / w.sum()
    x = ember.multinomial(ember.tensor(w), N, True).numpy()
    observed = np.bincount(x, minlength=5).astype(np.float64)
    assert observed[1] == 0
    keep = probs > 0
    assert _chi_square(observed[keep], probs[keep] * N) < CHI2_999[3]


def test_multinomial_without_replacement_distinct():
    ember.manual_seed(10)
    p = ember.rand(50, 8, dtype=ember.float64) + 0.01
    x = ember.multinomial(p, 8).numpy()
    for row in x:
        assert sorted(row.tolist()) == list(range(8))
    # the first draw follows the probabilities
    w = np.array([1.0, 2.0, 7.0])
    first = ember.multinomial(ember.tensor(w).expand(20_000, 3).contiguous(), 2).numpy()[:, 0]
    observed = np.bincount(first, minlength=3).astype(np.float64)
    assert _chi_square(observed, w / w.sum() * 20_000) < CHI2_999[2]


@pytest.mark.parametrize(
    "draw",
    [
        lambda: ember.empty(1000).bernoulli_(0.4),
        lambda: ember.empty(1000).exponential_(),
        lambda: ember.empty(1000, dtype=ember.int32).geometric_(0.2),
        lambda: ember.empty(1000).log_normal_(),
        lambda: ember.normal(ember.zeros(1000), 1.0),
        lambda: ember.randperm(1000),
        lambda: ember.multinomial(ember.ones(30, 10), 5),
        lambda: ember.multinomial(ember.ones(30, 10), 5, True),
    ],
)
def test_reproducible_and_thread_independent(draw):
    threads = ember.get_num_threads()
    try:
        ember.manual_seed(11)
        a = draw().numpy()
        ember.set_num_threads(1)
        ember.manual_seed(11)
        b = draw().numpy()
    finally:
        ember.set_num_threads(threads)
    np.testing.assert_array_equal(a, b)
    c = draw().numpy()
    assert not np.array_equal(a, c)


def test_generator_argument():
    g1 = ember.Generator().manual_seed(5)
    g2 = ember.Generator().manual_seed(5)
    np.testing.assert_array_equal(ember.randperm(20, generator=g1).numpy(), ember.randperm(20, generator=g2).numpy())
    a = ember.empty(100).bernoulli_(0.5, generator=g1).numpy()
    b = ember.empty(100).bernoulli_(0.5, generator=g2).numpy()
    np.testing.assert_array_equal(a, b)
