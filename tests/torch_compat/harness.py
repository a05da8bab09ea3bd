"""Runs one call on ember and on PyTorch with the same arguments and compares the
outcomes: result dtype, shape, values, strides (where PyTorch's are documented),
aliasing, and for errors the exception type.

A case is written once, library-neutral: tensors are `T(...)` specs (shape, dtype,
layout, seed) that each library materializes from the same NumPy data; dtypes are
`D("float32")`; everything else (Python numbers, tuples, strings) is passed as is.
The call itself is a function of the library module and the materialized
arguments, so function, method, operator and in-place forms are all one case kind.
"""

from __future__ import annotations

import math
import warnings
import zlib
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

BOOL = ("bool",)
INTS = ("uint8", "int8", "int16", "int32", "int64")
FLOATS = ("float16", "bfloat16", "float32", "float64")
ALL = BOOL + INTS + FLOATS

_NP = {"bool": np.bool_, "uint8": np.uint8, "int8": np.int8, "int16": np.int16,
       "int32": np.int32, "int64": np.int64, "float16": np.float16,
       "bfloat16": np.float32, "float32": np.float32, "float64": np.float64}

# Exception types compared exactly (a subclass counts as its PyTorch base: torch
# raises e.g. torch.OutOfMemoryError, a RuntimeError, which ember never does).
_ERROR_TYPES = (IndexError, TypeError, ValueError, NotImplementedError, AttributeError,
                RuntimeError)


@dataclass(frozen=True)
class D:
    """A dtype by name, resolved per library."""
    name: str


@dataclass(frozen=True)
class T:
    """A tensor spec. layout: "contig"; "t" (last two dims transposed); "step"
    (every other element of dim 0); "expand" (dim 0 broadcast from size 1);
    "offset" (a narrow()ed view with a storage offset)."""
    shape: tuple
    dtype: str = "float32"
    layout: str = "contig"
    seed: int = 0
    low: float | None = None
    high: float | None = None
    special: bool = False  # floats: mix in inf, -inf, nan, -0.0

    def array(self) -> np.ndarray:
        # (zlib.crc32, not hash(): str hashes change from one process to the next)
        rng = np.random.default_rng(zlib.crc32(repr((self.shape, self.dtype, self.seed)).encode()))
        shape = self.shape
        if self.dtype == "bool":
            return rng.integers(0, 2, size=shape).astype(np.bool_)
        if self.dtype in INTS:
            info = np.iinfo(_NP[self.dtype])
            lo = max(info.min, -9 if self.low is None else int(self.low))
            hi = min(info.max, 9 if self.high is None else int(self.high))
            return rng.integers(lo, hi + 1, size=shape).astype(_NP[self.dtype])
        lo = -4.0 if self.low is None else self.low
        hi = 4.0 if self.high is None else self.high
        a = np.round(rng.uniform(lo, hi, size=shape), 3)
        if self.special and a.size >= 4:
            flat = a.reshape(-1)
            flat[rng.choice(a.size, 4, replace=False)] = [np.inf, -np.inf, np.nan, -0.0]
        return a.astype(_NP[self.dtype])


@dataclass
class Case:
    name: str
    call: Callable[..., Any]        # call(lib, *materialized_args)
    args: tuple = ()
    strides: bool = False           # compare the result's strides
    alias: bool = True              # compare which inputs the result shares memory with
    values: bool = True             # compare values (False for random ops)
    rtol: float | None = None
    same_object: int | None = None  # the result must be args[i] (in-place, out=)
    extra: dict = field(default_factory=dict)


def lib_dtype(lib, name: str):
    return getattr(lib, name)


def materialize(lib, spec: Any) -> Any:
    if isinstance(spec, D):
        return lib_dtype(lib, spec.name)
    if isinstance(spec, list):
        return [materialize(lib, s) for s in spec]
    if isinstance(spec, tuple) and any(isinstance(s, (T, D)) for s in spec):
        return tuple(materialize(lib, s) for s in spec)
    if isinstance(spec, dict):
        return {k: materialize(lib, v) for k, v in spec.items()}
    if not isinstance(spec, T):
        return spec
    a = spec.array()
    src_dtype = lib_dtype(lib, spec.dtype)

    def make(arr: np.ndarray):
        # a copy the library owns (from_numpy storage could not be resized by out=)
        t = lib.tensor(np.array(arr, copy=True, order="C"))
        return t.to(src_dtype) if spec.dtype == "bfloat16" else t

    lay = spec.layout
    if lay == "t" and a.ndim >= 2:
        return make(a.swapaxes(-1, -2)).transpose(-1, -2)
    if lay == "step" and a.ndim >= 1:
        big = np.repeat(a, 2, axis=0)
        return make(big)[::2]
    if lay == "expand" and a.ndim >= 1 and a.shape[0] > 1:
        return make(a[:1]).expand(*a.shape)
    if lay == "offset" and a.ndim >= 1:
        pad = np.concatenate([a[:1], a], axis=0) if a.shape[0] else a
        return make(pad).narrow(0, pad.shape[0] - a.shape[0], a.shape[0])
    return make(a)


# ---------------------------------------------------------------------------
# Outcomes


@dataclass
class Outcome:
    kind: str                 # "value" | "error"
    value: Any = None
    error: BaseException | None = None
    args: tuple = ()


def run(lib, case: Case) -> Outcome:
    args = tuple(materialize(lib, a) for a in case.args)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = case.call(lib, *args)
    except Exception as e:  # noqa: BLE001 (every exception is an outcome to compare)
        return Outcome("error", error=e, args=args)
    return Outcome("value", value=v, args=args)


def _base_type(e: BaseException) -> type:
    for t in _ERROR_TYPES:
        if isinstance(e, t):
            return t
    return type(e)


def _dtype_name(dt) -> str:
    return str(dt).split(".")[-1]


def _is_tensor(x) -> bool:
    return hasattr(x, "dtype") and hasattr(x, "stride") and hasattr(x, "shape") and not isinstance(
        x, np.ndarray)


def _to_numpy(t) -> np.ndarray:
    t = t.detach() if hasattr(t, "detach") else t
    if _dtype_name(t.dtype) == "bfloat16":
        t = t.float()
    return np.array(t.cpu().numpy(), copy=True)


def _storage_base(t) -> int | None:
    if t.numel() == 0:
        return None
    return t.data_ptr() - t.storage_offset() * t.element_size()


def _tolerance(dtype: str, rtol: float | None) -> tuple[float, float]:
    base = {"float16": (2e-3, 2e-3), "bfloat16": (1.6e-2, 1e-2), "float32": (2e-5, 1e-6),
            "float64": (1e-10, 1e-12)}.get(dtype, (0.0, 0.0))
    if rtol is not None and dtype in FLOATS:
        return (max(rtol, base[0]), max(rtol, base[1]))
    return base


def compare_values(e, t, where: str, case: Case, diffs: list[str]) -> None:
    """Appends a line to diffs for each difference between ember's e and torch's t."""
    if _is_tensor(t):
        if not _is_tensor(e):
            diffs.append(f"{where}: torch gives a Tensor, ember a {type(e).__name__}")
            return
        if _dtype_name(e.dtype) != _dtype_name(t.dtype):
            diffs.append(f"{where}: dtype ember {_dtype_name(e.dtype)} torch {_dtype_name(t.dtype)}")
            return
        if tuple(e.shape) != tuple(t.shape):
            diffs.append(f"{where}: shape ember {tuple(e.shape)} torch {tuple(t.shape)}")
            return
        if case.strides and t.numel() > 1 and tuple(e.stride()) != tuple(t.stride()):
            diffs.append(f"{where}: strides ember {tuple(e.stride())} torch {tuple(t.stride())}")
        if not case.values:
            return
        ev, tv = _to_numpy(e), _to_numpy(t)
        dt = _dtype_name(t.dtype)
        if dt in FLOATS:
            rtol, atol = _tolerance(dt, case.rtol)
            ok = np.allclose(ev, tv, rtol=rtol, atol=atol, equal_nan=True)
            # infinities must match exactly (allclose does that), and signs of zero are free
            if not ok:
                bad = ~np.isclose(ev, tv, rtol=rtol, atol=atol, equal_nan=True)
                i = tuple(np.argwhere(bad)[0]) if ev.ndim else ()
                diffs.append(f"{where}: values differ ({int(bad.sum())}/{ev.size}), "
                             f"at {i}: ember {ev[i]!r} torch {tv[i]!r}")
        elif not np.array_equal(ev, tv):
            bad = ev != tv
            i = tuple(np.argwhere(bad)[0]) if ev.ndim else ()
            diffs.append(f"{where}: values differ ({int(bad.sum())}/{ev.size}), "
                         f"at {i}: ember {ev[i]!r} torch {tv[i]!r}")
        return
    if isinstance(t, (tuple, list)):
        if not isinstance(e, (tuple, list)):
            diffs.append(f"{where}: torch gives a {type(t).__name__}, ember a {type(e).__name__}")
            return
        if len(e) != len(t):
            diffs.append(f"{where}: length ember {len(e)} torch {len(t)}")
            return
        if type(t).__name__ == "Size" and type(e).__name__ != "Size":
            diffs.append(f"{where}: torch gives a Size, ember a {type(e).__name__}")
        for k in ("values", "indices"):
            if hasattr(t, k) and not hasattr(e, k):
                diffs.append(f"{where}: ember's result has no .{k}")
        for i, (ei, ti) in enumerate(zip(e, t)):
            compare_values(ei, ti, f"{where}[{i}]", case, diffs)
        return
    if isinstance(t, float) and isinstance(e, float):
        if not (math.isclose(e, t, rel_tol=1e-6, abs_tol=1e-9) or (math.isnan(e) and math.isnan(t))):
            diffs.append(f"{where}: ember {e!r} torch {t!r}")
        return
    if type(t).__name__ in ("dtype",):
        if _dtype_name(e) != _dtype_name(t):
            diffs.append(f"{where}: ember {e} torch {t}")
        return
    if type(t).__name__ == "device":
        if str(e) != str(t):
            diffs.append(f"{where}: ember {e} torch {t}")
        return
    if isinstance(t, str) and isinstance(e, str):
        e = e.replace("ember", "torch")  # ember.float32 / torch.float32, ember.FloatTensor...
        t = t.replace("ember", "torch")
    if isinstance(t, (bool, int, float, str, type(None))):
        if type(e) is not type(t) or e != t:
            diffs.append(f"{where}: ember {e!r} ({type(e).__name__}) torch {t!r} ({type(t).__name__})")
        return
    # anything else: compare by repr of type
    if type(e).__name__ != type(t).__name__:
        diffs.append(f"{where}: type ember {type(e).__name__} torch {type(t).__name__}")


def compare(case: Case, e: Outcome, t: Outcome) -> list[str]:
    diffs: list[str] = []
    if t.kind == "error" or e.kind == "error":
        if t.kind != e.kind:
            if t.kind == "error":
                diffs.append(f"torch raises {type(t.error).__name__}: {str(t.error)[:160]!r}; "
                             f"ember returns {type(e.value).__name__}")
            else:
                diffs.append(f"ember raises {type(e.error).__name__}: {str(e.error)[:160]!r}; "
                             "torch succeeds")
        elif _base_type(e.error) is not _base_type(t.error):
            diffs.append(f"error type ember {type(e.error).__name__}({str(e.error)[:120]!r}) "
                         f"torch {type(t.error).__name__}({str(t.error)[:120]!r})")
        return diffs
    compare_values(e.value, t.value, "result", case, diffs)
    if case.same_object is not None:
        ti = t.value is t.args[case.same_object]
        ei = e.value is e.args[case.same_object]
        if ti != ei:
            diffs.append(f"result is args[{case.same_object}]: ember {ei} torch {ti}")
    # inputs may have been written (in-place, out=): compare them afterwards too
    for i, (ea, ta) in enumerate(zip(e.args, t.args)):
        if _is_tensor(ta) and _is_tensor(ea):
            compare_values(ea, ta, f"args[{i}] after the call", case, diffs)
    if case.alias and _is_tensor(t.value) and _is_tensor(e.value):
        tb, eb = _storage_base(t.value), _storage_base(e.value)
        for i, (ea, ta) in enumerate(zip(e.args, t.args)):
            if _is_tensor(ta) and _is_tensor(ea) and tb is not None and eb is not None:
                ts = _storage_base(ta) == tb
                es = _storage_base(ea) == eb
                if ts != es:
                    diffs.append(f"result shares memory with args[{i}]: ember {es} torch {ts}")
    return diffs


def check(case: Case, ember, torch) -> list[str]:
    return compare(case, run(ember, case), run(torch, case))
