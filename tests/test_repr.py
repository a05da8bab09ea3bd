"""repr(tensor) matches PyTorch 2.13 character for character (with ``ember.`` for
``torch.``). tests/golden/tensor_repr.json maps each expression (``L`` is the
library) to PyTorch's repr; regenerate it with PyTorch when adding cases:

    import json, torch as L
    json.dump({c: repr(eval(c)).replace("torch.", "ember.") for c in cases}, f, indent=1)
"""

from __future__ import annotations

import json
import os

import ember
import pytest

GOLDEN = os.path.join(os.path.dirname(__file__), "golden", "tensor_repr.json")
with open(GOLDEN) as f:
    CASES = json.load(f)


@pytest.mark.parametrize("expr", list(CASES))
def test_repr_matches_pytorch(expr: str) -> None:
    assert repr(eval(expr, {"L": ember})) == CASES[expr]


def test_printoptions_roundtrip() -> None:
    old = ember.get_printoptions()
    try:
        ember.set_printoptions(precision=2)
        assert repr(ember.tensor([1.2345, 2.0])) == "tensor([1.23, 2.00])"
        ember.set_printoptions(sci_mode=True)
        assert repr(ember.tensor([1.5])) == "tensor([1.50e+00])"
    finally:
        ember.set_printoptions(**{k: v for k, v in old.items()})


def test_str_and_format() -> None:
    t = ember.tensor(2.5)
    assert str(t) == "tensor(2.5000)"
    assert f"{t:.1f}" == "2.5"
    assert repr(ember.tensor([1, 2], dtype=ember.int8)) == "tensor([1, 2], dtype=ember.int8)"


def test_default_dtype_affects_suffix() -> None:
    ember.set_default_dtype(ember.float64)
    try:
        assert repr(ember.tensor([1.5])) == "tensor([1.5000])"
        assert repr(ember.tensor([1.5], dtype=ember.float32)) == "tensor([1.5000], dtype=ember.float32)"
    finally:
        ember.set_default_dtype(ember.float32)
