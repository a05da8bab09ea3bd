"""ember.finfo / ember.iinfo: the numerical limits of a dtype, with PyTorch's values.

The limits are facts about IEEE formats and two's-complement integers, so they are
written out here rather than asked of the extension (bfloat16 has no NumPy twin).
"""

from __future__ import annotations

import builtins as _builtins

from ember._C import dtype as _dtype
from ember._C import get_default_dtype as _get_default_dtype

# name -> (bits, eps, max, tiny, resolution); min is -max.
_FLOAT_LIMITS = {
    "float16": (16, 2.0**-10, 65504.0, 2.0**-14, 0.001),
    "bfloat16": (16, 2.0**-7, 3.3895313892515355e38, 2.0**-126, 0.01),
    "float32": (32, 2.0**-23, 3.4028234663852886e38, 2.0**-126, 1e-06),
    "float64": (64, 2.0**-52, 1.7976931348623157e308, 2.0**-1022, 1e-15),
}

# name -> (bits, signed)
_INT_LIMITS = {
    "uint8": (8, False),
    "int8": (8, True),
    "int16": (16, True),
    "int32": (32, True),
    "int64": (64, True),
}


def _name(type: _dtype) -> str:
    if not isinstance(type, _dtype):
        raise TypeError(f"expected an ember.dtype, got {_builtins.type(type).__name__}")
    return str(type).split(".")[-1]


class finfo:
    """Machine limits of a floating dtype (the default dtype when none is given):
    bits, eps, max, min, tiny (= smallest_normal), resolution and dtype (a str)."""

    __slots__ = ("bits", "dtype", "eps", "max", "min", "resolution", "smallest_normal", "tiny")

    def __init__(self, type: _dtype | None = None) -> None:
        name = _name(_get_default_dtype() if type is None else type)
        if name not in _FLOAT_LIMITS:
            raise TypeError(
                "ember.finfo() requires a floating point input type. Use ember.iinfo to handle "
                "'ember.finfo'")
        bits, eps, mx, tiny, resolution = _FLOAT_LIMITS[name]
        self.bits = bits
        self.eps = eps
        self.max = mx
        self.min = -mx
        self.tiny = tiny
        self.smallest_normal = tiny
        self.resolution = resolution
        self.dtype = name

    def __repr__(self) -> str:
        return (f"finfo(resolution={self.resolution:g}, min={self.min:g}, max={self.max:g}, "
                f"eps={self.eps:g}, smallest_normal={self.smallest_normal:g}, tiny={self.tiny:g}, "
                f"dtype={self.dtype})")


class iinfo:
    """Machine limits of an integer dtype: bits, max, min and dtype (a str)."""

    __slots__ = ("bits", "dtype", "max", "min")

    def __init__(self, type: _dtype) -> None:
        name = _name(type)
        if name not in _INT_LIMITS:
            raise TypeError(f"ember.{name} is not supported by ember.iinfo")
        bits, signed = _INT_LIMITS[name]
        self.bits = bits
        self.min = -(1 << (bits - 1)) if signed else 0
        self.max = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1
        self.dtype = name

    def __repr__(self) -> str:
        return f"iinfo(min={self.min:g}, max={self.max:g}, dtype={self.dtype})"
