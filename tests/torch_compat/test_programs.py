"""Small "real programs": typical tensor code from PyTorch tutorials and user code,
run once with `torch` bound to PyTorch and once with it bound to ember, and their
results compared (numbers, lists, strings, tensors via the harness's comparison).

Each program takes the module as `torch` and returns what it computed. Random
numbers differ between the libraries by design, so programs that draw them only
return shapes, dtypes or properties of the draws.
"""

from __future__ import annotations

import ember
import numpy as np
import pytest

from tests.torch_compat.harness import Case, compare_values

PROGRAMS = []


def program(f):
    PROGRAMS.append(f)
    return f


@program
def creation_and_indexing(torch):
    x = torch.arange(12).reshape(3, 4)
    y = x.float()
    y[y > 5] = 0
    y[:, 0] = -1
    y[1] = torch.tensor([9.0, 8.0, 7.0, 6.0])
    return x, y, x[1:, ::2], x[..., -1], x[None].shape, x.T, x.t().contiguous().stride()


@program
def classifier_accuracy(torch):
    logits = torch.tensor([[0.1, 2.0, -1.0], [1.5, 0.2, 0.3], [0.0, 0.1, 3.0], [2.0, 2.5, 0.0]])
    labels = torch.tensor([1, 0, 2, 0])
    probs = torch.softmax(logits, dim=1)
    pred = probs.argmax(dim=1)
    correct = (pred == labels).sum().item()
    acc = correct / len(labels)
    _, pred2 = torch.max(logits, 1)
    return probs, pred, correct, acc, pred2, logits.max(dim=1).values, logits.max(1)[1], \
        (pred == labels).float().mean().item()


@program
def flatten_batch(torch):
    x = torch.ones(4, 2, 3, 3)
    flat = x.view(x.size(0), -1)
    w = torch.full((18, 5), 0.5)
    b = torch.zeros(5)
    out = flat @ w + b
    return flat.shape, out, out.shape[0], out.shape == (4, 5), out.size() == torch.Size([4, 5]), len(out)


@program
def normalization(torch):
    x = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4)
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
    xn = (x - mean) / torch.sqrt(var + 1e-5)
    return mean, var, xn, x.sum(dim=(0, 2)), x.sum(1, keepdim=True).shape, x.prod(dim=0)[0]


@program
def attention_scores(torch):
    q = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4) / 10
    k = torch.ones(2, 3, 4) / 3
    v = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4)
    scores = torch.matmul(q, k.transpose(-2, -1)) / (4 ** 0.5)
    mask = torch.ones(3, 3).bool()
    mask[0, 2] = False
    scores = scores.masked_fill(~mask, float("-inf"))
    attn = torch.softmax(scores, dim=-1)
    out = torch.bmm(attn, v)
    return scores, attn, out, attn.sum(-1)


@program
def conversions(torch):
    x = torch.tensor([[1.5, -2.25], [3.0, 4.75]])
    return (x.long(), x.int(), x.to(torch.float64), x.double().dtype, x.half(), x.bool(), x.tolist(),
            x[0, 0].item(), float(x[1, 1]), int(x[1, 0]), x.numpy().tolist(), x.dtype == torch.float32,
            torch.is_tensor(x), torch.is_tensor([1]), x.type(torch.int64) if hasattr(x, "type") else None,
            x.is_floating_point(), x.long().is_floating_point())


@program
def where_and_clamp(torch):
    x = torch.linspace(-2, 2, 9)
    return (torch.where(x > 0, x, torch.zeros_like(x)), torch.where(x > 0, x, 0.0), torch.clamp(x, min=0),
            torch.clamp(x, -1, 1), x.clamp(max=0.5), torch.relu(x), (x > 0).sum(), (x > 0).sum().item(),
            bool((x != 0).sum() > 0), torch.maximum(x, torch.zeros(9)))


@program
def concat_and_stack(torch):
    a = torch.arange(6).reshape(2, 3)
    b = torch.arange(6, 12).reshape(2, 3)
    rows = [torch.tensor([float(i), i * 2.0]) for i in range(3)]
    return (torch.cat([a, b]), torch.cat((a, b), dim=1), torch.stack([a, b]), torch.stack(rows, dim=1),
            torch.cat([a, b], dim=-1).shape, torch.stack(rows).sum(0))


@program
def iteration_and_printing(torch):
    x = torch.arange(6).reshape(3, 2)
    lines = [str(row) for row in x]
    totals = [int(r.sum()) for r in x]
    return lines, totals, repr(x), str(torch.tensor([0.5, 1.25])), repr(torch.zeros(2, dtype=torch.float64)), \
        repr(torch.tensor(3.0)), repr(torch.tensor([True, False])), f"{torch.tensor(2.5):.2f}"


@program
def seeded_random(torch):
    torch.manual_seed(0)
    a = torch.rand(3, 4)
    torch.manual_seed(0)
    b = torch.rand(3, 4)
    n = torch.randn(1000)
    i = torch.randint(0, 10, (5,))
    return (a.shape, a.dtype, bool((a == b).all()) if hasattr(a, "all") else bool((a == b).sum() == 12),
            bool((a >= 0).sum() == 12), abs(float(n.mean())) < 0.2, 0.8 < float(n.std() if hasattr(n, "std") else 1.0) < 1.2,
            i.dtype, bool(((i >= 0) & (i < 10)).sum() == 5))


@program
def inplace_updates(torch):
    w = torch.ones(3, 3)
    g = torch.arange(9, dtype=torch.float32).reshape(3, 3)
    w.sub_(0.1 * g)
    w.mul_(2).add_(1)
    w[w < 0] = 0.0
    w.clamp_(max=2.5)
    m = torch.zeros(2, 3)
    m.fill_(7)
    m[0].zero_() if hasattr(m, "zero_") else m[0].fill_(0)
    return w, m


@program
def reductions_misc(torch):
    x = torch.tensor([[3, 1, 2], [9, 7, 8]])
    vals, idx = x.max(dim=1)
    return (vals, idx, x.min(0), x.argmin(), x.argmax(dim=0, keepdim=True), x.sum(), x.sum().dtype,
            x.float().mean(), x.max(), torch.tensor([True, True, False]).sum(), x.numel(), x.dim(),
            x.nonzero(), torch.nonzero(x > 2, as_tuple=True))


@program
def broadcasting_mix(torch):
    a = torch.arange(3, dtype=torch.int32)
    b = torch.arange(4).reshape(4, 1)
    return (a + b, a * 2.5, a / 2, a // 2, 2 ** a, a - True if False else a + True, (a + b).dtype,
            torch.tensor(2) * a, torch.tensor(2.0) * a, a.double() + torch.ones(1, dtype=torch.float16))


@program
def numpy_roundtrip(torch):
    arr = np.arange(6, dtype=np.float32).reshape(2, 3)
    t = torch.from_numpy(arr)
    t[0, 0] = 100  # shares memory
    back = t.numpy()
    return arr[0, 0], back.shape, torch.tensor(arr).dtype, torch.as_tensor([1, 2]).dtype, t.sum().item()


@pytest.mark.parametrize("prog", PROGRAMS, ids=[p.__name__ for p in PROGRAMS])
def test_program(prog, torch) -> None:
    expected = prog(torch)
    got = prog(ember)
    diffs: list[str] = []
    compare_values(got, expected, prog.__name__, Case(prog.__name__, prog, rtol=1e-5), diffs)
    assert not diffs, "\n".join(diffs)


# Regression tests for the differences this table found (ember-only; no torch needed).


def test_regressions_without_torch() -> None:
    t = ember.tensor([[1.0, 0.0], [0.0, 2.0]])
    assert [x.tolist() for x in ember.nonzero(t, as_tuple=True)] == [[0, 1], [0, 1]]
    assert [x.tolist() for x in t.nonzero(as_tuple=True)] == [[0, 1], [0, 1]]
    assert ember.where(ember.tensor([1, 0], dtype=ember.uint8), 1.0, 2.0).tolist() == [1.0, 2.0]
    assert ember.sum(t, axis=1, keepdims=True).shape == (2, 1)
    assert ember.ones(3).expand(2, 3).fill_(2).tolist() == [[2.0] * 3] * 2
    for call, exc in [
        (lambda: ember.exp(2.0), TypeError),
        (lambda: ember.maximum(t, 2), TypeError),
        (lambda: ember.eq(2, t), TypeError),
        (lambda: ember.abs(ember.ones(2, dtype=ember.bool)), NotImplementedError),
        (lambda: ember.pow(ember.ones(2, dtype=ember.bool), ember.ones(2, dtype=ember.bool)), NotImplementedError),
        (lambda: ember.div(ember.ones(2, dtype=ember.bool), ember.ones(2, dtype=ember.bool), rounding_mode="floor"),
         NotImplementedError),
        (lambda: ember.neg(t, out=ember.empty(2, 2, dtype=ember.float64)), RuntimeError),
        (lambda: ember.full((2,), 300, dtype=ember.uint8), RuntimeError),
        (lambda: ember.zeros(2, dtype=ember.uint8).masked_fill(ember.ones(2, dtype=ember.bool), float("-inf")),
         RuntimeError),
        (lambda: ember.mean(ember.tensor(1), dim=1), RuntimeError),
        (lambda: ember.arange(10, 0, dtype=ember.bool), NotImplementedError),
    ]:
        with pytest.raises(exc):
            call()
    assert ember.eq(t, 0).dtype == ember.bool and ember.add(2, t).shape == (2, 2)
    assert ember.full((2,), -1, dtype=ember.uint8).tolist() == [255, 255]  # wraps, as in PyTorch
