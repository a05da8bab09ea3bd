"""The pointwise operators of section pointwise-2 on CUDA tensors, checked against the
same call on the CPU (whose results tests/torch_compat/cases_pw.py compares with
PyTorch): every dtype, special values (inf, -inf, nan, -0.0), broadcasting, 0-dim CPU
tensors and Python numbers as scalars, non-contiguous inputs, large inputs (the
vectorized multi-block launch), out= and in-place forms, and the errors raised before
any kernel runs.

Marked `cuda`: skips cleanly without a GPU (tests/conftest.py)."""

from __future__ import annotations

from typing import Any, Callable

import ember
import numpy as np
import pytest

pytestmark = pytest.mark.cuda

ALL = ("bool", "uint8", "int8", "int16", "int32", "int64", "float16", "bfloat16", "float32", "float64")
FLOATS = ("float16", "bfloat16", "float32", "float64")
TOL = {"float16": (2e-3, 2e-3), "bfloat16": (1.6e-2, 1e-2), "float32": (2e-5, 1e-6), "float64": (1e-10, 1e-12)}


def make(shape, dtype: str, seed: int = 0, low: float = -4.0, high: float = 4.0, special: bool = False):
    rng = np.random.default_rng(seed)
    if dtype == "bool":
        a = rng.integers(0, 2, size=shape).astype(np.bool_)
    elif dtype in FLOATS:
        a = np.round(rng.uniform(low, high, size=shape), 3)
        if special and a.size >= 4:
            a.reshape(-1)[rng.choice(a.size, 4, replace=False)] = [np.inf, -np.inf, np.nan, -0.0]
    else:
        a = rng.integers(max(int(low), -9 if dtype != "uint8" else 0), int(high) + 1, size=shape)
    return ember.tensor(np.asarray(a)).to(getattr(ember, dtype))


def same(g, c, what: str) -> None:
    assert isinstance(g, ember.Tensor) and g.is_cuda, f"{what}: result not on CUDA"
    g = g.cpu()
    assert g.dtype == c.dtype, f"{what}: dtype {g.dtype} vs CPU {c.dtype}"
    assert tuple(g.shape) == tuple(c.shape), f"{what}: shape {tuple(g.shape)} vs CPU {tuple(c.shape)}"
    name = str(c.dtype).split(".")[-1]
    gv, cv = (g.float(), c.float()) if name == "bfloat16" else (g, c)
    gv, cv = gv.numpy(), cv.numpy()
    if name in TOL:
        rtol, atol = TOL[name]
        np.testing.assert_allclose(gv, cv, rtol=rtol, atol=atol, equal_nan=True, err_msg=what)
    else:
        np.testing.assert_array_equal(gv, cv, err_msg=what)


def outcome(f: Callable[[], Any]):
    try:
        return f(), None
    except Exception as e:  # noqa: BLE001 (the CPU's error is the expectation)
        return None, e


def check(call: Callable[..., Any], *args, what: str) -> None:
    """call(*args) on CUDA copies of the tensor args (0-dim tensors beside others stay on
    the CPU, as scalars; numbers stay numbers) against call(*args) on the CPU: the same
    result, or the same error."""
    has_dims = any(isinstance(a, ember.Tensor) and a.dim() > 0 for a in args)
    gargs = [a.cuda() if isinstance(a, ember.Tensor) and (a.dim() > 0 or not has_dims) else a for a in args]
    c, ce = outcome(lambda: call(*args))
    g, ge = outcome(lambda: call(*gargs))
    if ce is not None:
        assert ge is not None and type(ge) is type(ce), f"{what}: CPU raises {ce!r}, CUDA gives {g if ge is None else ge!r}"
        return
    assert ge is None, f"{what}: CUDA raises {ge!r}"
    same(g, c, what)


# ---------------------------------------------------------------------------

UNARY = {
    "exp2": None, "sinc": None, "asinh": None, "acosh": (1.0, 5.0), "atanh": (-1.0, 1.0), "erfc": None,
    "erfinv": (-1.0, 1.0), "logit": (0.0, 1.0), "frac": None, "sgn": None, "nan_to_num": None, "signbit": None,
    "isposinf": None, "isneginf": None, "deg2rad": None, "rad2deg": None, "arccos": (-1.0, 1.0), "arcsinh": None,
    "fix": None, "negative": None, "absolute": None, "positive": None,
}


@pytest.mark.parametrize("name", sorted(UNARY))
@pytest.mark.parametrize("dtype", ALL)
def test_unary(name: str, dtype: str) -> None:
    lo, hi = UNARY[name] or (-4.0, 4.0)
    f = getattr(ember, name)
    for shape in ((), (0,), (7,), (3, 5)):
        check(f, make(shape, dtype, low=lo, high=hi), what=f"{name}({dtype}{shape})")
    x = make((6, 5), dtype, 1, lo, hi, special=True)
    check(f, x, what=f"{name}({dtype} special)")
    check(lambda t: f(t.t()), x, what=f"{name}({dtype} transposed)")
    check(lambda t: f(t[::2]), make((40, 3), dtype, 2, lo, hi), what=f"{name}({dtype} strided)")
    check(f, make((70000,), dtype, 3, lo, hi, special=True), what=f"{name}({dtype} large)")


@pytest.mark.parametrize("dtype", FLOATS + ("int64", "bool"))
def test_unary_args(dtype: str) -> None:
    x = make((4, 6), dtype, 4, -0.5, 1.5, special=True)
    for eps in (None, 0.0, 1e-6, 0.25, -1.0):
        check(lambda t, e=eps: ember.logit(t, eps=e), x, what=f"logit({dtype}, eps={eps})")
    for kw in ({"nan": 1.5}, {"posinf": 7.0, "neginf": -7.0}, {"nan": 0.0, "posinf": 1e10, "neginf": -1e10}):
        check(lambda t, k=kw: ember.nan_to_num(t, **k), x, what=f"nan_to_num({dtype}, {kw})")


@pytest.mark.parametrize("name", ["exp2", "erfinv", "logit", "frac", "nan_to_num", "sgn", "fix", "arccos"])
@pytest.mark.parametrize("dtype", ("float32", "float16", "int64"))
def test_unary_out_inplace(name: str, dtype: str) -> None:
    x = make((3, 4), dtype, 5, -1.0, 1.0)
    nat = dtype if name in ("frac", "nan_to_num", "sgn", "fix") or dtype != "int64" else "float32"

    def with_out(t, od):
        o = ember.empty(0, dtype=getattr(ember, od), device=t.device)
        r = getattr(ember, name)(t, out=o)
        assert r is o
        return o

    for od in (nat, "int64", "bool"):
        check(lambda t, od=od: with_out(t, od), x, what=f"{name}(out={od}) {dtype}")

    def inplace(t):
        s = t.clone()
        r = getattr(s, name + "_")()
        assert r is s
        return s

    check(inplace, x, what=f"{name}_ {dtype}")


BINARY = ("atan2", "arctan2", "hypot", "logaddexp", "logaddexp2", "xlogy", "copysign", "nextafter", "heaviside",
          "float_power", "multiply", "subtract", "divide", "true_divide")


@pytest.mark.parametrize("name", BINARY)
@pytest.mark.parametrize("dtype", ALL)
def test_binary(name: str, dtype: str) -> None:
    f = getattr(ember, name)
    a, b = make((3, 4), dtype, 6), make((4,), dtype, 7, 0.5, 3.0)
    check(f, a, b, what=f"{name}({dtype})")
    check(f, make((5, 6), dtype, 8, special=True), make((5, 6), dtype, 9, special=True), what=f"{name}({dtype} special)")
    check(lambda x, y: f(x.t(), y[::2]), make((6, 5), dtype, 10), make((12, 6), dtype, 11, 0.5, 3.0),
          what=f"{name}({dtype} non-contiguous)")
    check(f, make((70000,), dtype, 12, special=True), make((70000,), dtype, 13, special=True), what=f"{name}({dtype} large)")
    for other in ("float64", "int64", "bool", "float16"):
        # a 0-dim CPU tensor joins the CUDA computation as a scalar (it stays on the CPU)
        check(f, a, make((), other, 14, 0.5, 3.0), what=f"{name}({dtype}, 0-dim CPU {other})")
        check(f, make((3, 4), other, 15), b, what=f"{name}({other}, {dtype})")
    if name in ("xlogy", "copysign", "float_power", "multiply", "subtract", "divide", "true_divide"):
        for s in (2, -1.5, True):
            check(lambda x, s=s: f(x, s), a, what=f"{name}({dtype}, {s!r})")


@pytest.mark.parametrize("dtype", ("float32", "float64", "float16", "bfloat16"))
def test_nextafter_bits(dtype: str) -> None:
    idt = {"float32": ember.int32, "float64": ember.int64}.get(dtype, ember.int16)
    a, b = make((50,), dtype, 16, special=True), make((50,), dtype, 17, special=True)
    check(lambda x, y: ember.nextafter(x, y).view(idt), a, b, what=f"nextafter({dtype}) bits")
    check(lambda x, y: ember.nextafter(x * 0, y).view(idt), a, b, what=f"nextafter({dtype} from zeros) bits")


@pytest.mark.parametrize("dtype", ALL)
def test_binary_out_inplace(dtype: str) -> None:
    a, b = make((3, 4), dtype, 18), make((4,), dtype, 19, 0.5, 3.0)
    for name in ("atan2", "hypot", "xlogy", "copysign", "nextafter", "heaviside", "float_power"):
        for od in ("float32", "float64", dtype, "int64"):
            def with_out(x, y, od=od, name=name):
                o = ember.empty(0, dtype=getattr(ember, od), device=x.device)
                assert getattr(ember, name)(x, y, out=o) is o
                return o

            check(with_out, a, b, what=f"{name}(out={od}) {dtype}")
        if name not in ("logaddexp",):
            def inplace(x, y, name=name):
                s = x.clone()
                assert getattr(s, name + "_")(y) is s
                return s

            check(inplace, a, b, what=f"{name}_ {dtype}")


@pytest.mark.parametrize("dtype", ALL)
def test_lerp(dtype: str) -> None:
    a, b = make((3, 4), dtype, 20), make((3, 4), dtype, 21)
    for w in (0.0, 0.25, 0.5, 1.0, -0.75, 2):
        check(lambda x, y, w=w: ember.lerp(x, y, w), a, b, what=f"lerp({dtype}, {w})")
    check(ember.lerp, a, b, make((4,), dtype, 22, 0, 1), what=f"lerp({dtype}, weight tensor)")
    check(ember.lerp, a, b, make((), "float64", 23, 0, 1), what=f"lerp({dtype}, 0-dim CPU weight)")
    check(lambda x, y: ember.lerp(x, y, 0.3), make((5, 6), dtype, 24, special=True),
          make((5, 6), dtype, 25, special=True), what=f"lerp({dtype} special)")
    check(lambda x, y: ember.lerp(x, y, 0.7), make((70000,), dtype, 26), make((70000,), dtype, 27),
          what=f"lerp({dtype} large)")

    def inplace(x, y):
        s = x.clone()
        assert s.lerp_(y, 0.4) is s
        return s

    check(inplace, a, b, what=f"lerp_({dtype})")


@pytest.mark.parametrize("name", ("addcmul", "addcdiv"))
@pytest.mark.parametrize("dtype", ALL)
def test_addc(name: str, dtype: str) -> None:
    f = getattr(ember, name)
    x, t1, t2 = make((3, 4), dtype, 28), make((3, 4), dtype, 29, 1, 4), make((4,), dtype, 30, 1, 4)
    f1 = make((3, 4), "float32", 31, 1, 4)
    for v in (1, 2, 0.5, -1.5):
        check(lambda a, b, c, v=v: f(a, b, c, value=v), x, t1, t2, what=f"{name}({dtype}, value={v})")
        check(lambda a, b, c, v=v: f(a, b, c, value=v), x, f1, t2, what=f"{name}({dtype}, float32, value={v})")
    check(f, x, make((), "float64", 32, 1, 3), t2, what=f"{name}({dtype}, 0-dim CPU tensor1)")
    check(f, make((70000,), dtype, 33), make((70000,), "float32", 34, 1, 4), make((70000,), dtype, 35, 1, 4),
          what=f"{name}({dtype} large)")

    def inplace(a, b, c):
        s = a.clone()
        assert getattr(s, name + "_")(b, c, value=2) is s
        return s

    check(inplace, x, f1, t2, what=f"{name}_({dtype})")


@pytest.mark.parametrize("dtype", ALL)
def test_clip(dtype: str) -> None:
    x = make((4, 5), dtype, 36, special=True)
    for lo, hi in ((-1, 2), (None, 0.5), (0, None), (None, None)):
        check(lambda t, lo=lo, hi=hi: ember.clip(t, lo, hi), x, what=f"clip({dtype}, {lo}, {hi})")
    check(ember.clip, x, make((5,), dtype, 37, -2, 0), make((4, 1), dtype, 38, 0, 2), what=f"clip({dtype} tensors)")
    check(lambda t, m: ember.clip(t, min=m), x, make((5,), dtype, 39, -2, 0), what=f"clip({dtype} min tensor)")


def test_errors_before_launch() -> None:
    f = make((3,), "float32").cuda()
    i = make((3,), "int64").cuda()
    with pytest.raises(NotImplementedError):
        ember.hypot(i, i)
    with pytest.raises(RuntimeError, match="different dtypes"):
        ember.heaviside(f, i)
    with pytest.raises(RuntimeError, match="Integer division with addcdiv"):
        ember.addcdiv(f, i, i)
    with pytest.raises(RuntimeError, match="expected dtype"):
        ember.lerp(f, f.double(), 0.5)
    with pytest.raises(RuntimeError, match="requires dtype Double"):
        ember.float_power(f, f, out=ember.empty(3, device="cuda"))
    with pytest.raises(RuntimeError, match="non-boolean"):
        ember.signbit(f, out=ember.empty(3, device="cuda"))
