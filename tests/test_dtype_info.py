"""ember.finfo / ember.iinfo: PyTorch's values for every dtype (written out here from
IEEE 754 and two's complement, independently of python/ember/_dtype_info.py)."""

from __future__ import annotations

import ember
import pytest

FLOATS = {
    # dtype: (bits, eps, max, tiny, resolution)
    "float16": (16, 2.0**-10, 65504.0, 2.0**-14, 0.001),
    "bfloat16": (16, 2.0**-7, (2 - 2.0**-7) * 2.0**127, 2.0**-126, 0.01),
    "float32": (32, 2.0**-23, (2 - 2.0**-23) * 2.0**127, 2.0**-126, 1e-06),
    "float64": (64, 2.0**-52, (2 - 2.0**-52) * 2.0**1023, 2.0**-1022, 1e-15),
}


@pytest.mark.parametrize("name", sorted(FLOATS))
def test_finfo(name: str) -> None:
    bits, eps, mx, tiny, res = FLOATS[name]
    f = ember.finfo(getattr(ember, name))
    assert (f.bits, f.eps, f.max, f.min, f.tiny, f.smallest_normal, f.resolution, f.dtype) == (
        bits, eps, mx, -mx, tiny, tiny, res, name)
    # eps is the gap above 1 in the dtype: 1 + eps is representable, 1 + eps/2 rounds to 1
    one = ember.ones(1, dtype=getattr(ember, name))
    assert (one + f.eps).item() > 1 and (one + f.eps / 4).item() == 1


def test_finfo_default_dtype_and_errors() -> None:
    assert ember.finfo().dtype == "float32"
    assert ember.finfo(ember.float64).eps == ember.finfo(ember.double).eps
    with pytest.raises(TypeError, match="floating point input type"):
        ember.finfo(ember.int32)
    assert "finfo(resolution=1e-06" in repr(ember.finfo(ember.float32))


@pytest.mark.parametrize("name,bits,lo,hi", [
    ("uint8", 8, 0, 255), ("int8", 8, -128, 127), ("int16", 16, -(2**15), 2**15 - 1),
    ("int32", 32, -(2**31), 2**31 - 1), ("int64", 64, -(2**63), 2**63 - 1)])
def test_iinfo(name: str, bits: int, lo: int, hi: int) -> None:
    i = ember.iinfo(getattr(ember, name))
    assert (i.bits, i.min, i.max, i.dtype) == (bits, lo, hi, name)
    assert ember.tensor([hi], dtype=getattr(ember, name)).item() == hi


def test_iinfo_errors() -> None:
    with pytest.raises(TypeError, match="not supported by ember.iinfo"):
        ember.iinfo(ember.bool)
    with pytest.raises(TypeError, match="not supported by ember.iinfo"):
        ember.iinfo(ember.float32)
