"""The operator table: one OpInfo per operator, from which tests/ops/test_ops.py
derives value, dtype, method, out=, in-place and error tests against NumPy.

Adding an operator to the tests means adding one entry here:

    OpInfo("exp", ref=np.exp, dtypes=ALL_NUMERIC, samples=unary_samples,
           promotion="unary_float", inplace=True)

* ``ref`` computes the expected values with NumPy from the inputs as NumPy arrays
  (already cast to the dtype the operator computes in, see ``promotion``).
* ``samples(dtype)`` yields SampleInputs: shapes with broadcasting, 0-dim and
  zero-size inputs; every sample runs on contiguous and non-contiguous (transposed
  or strided) copies of its tensors.
* ``promotion`` names PyTorch's rule for the result dtype (computed here from an
  independent statement of PyTorch's promotion table, not from ember).
* ``errors`` lists calls that must raise, with the exception type and a regex.

Tensor inputs are generated as NumPy arrays of a *source* dtype (bfloat16, which
NumPy lacks, is generated as float32 and rounded by ember), turned into ember
tensors, and the reference reads them back, so both sides see the same values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Callable

import ember
import numpy as np

# ---------------------------------------------------------------------------
# dtypes

BOOL = ("bool",)
INTS = ("uint8", "int8", "int16", "int32", "int64")
FLOATS = ("float16", "bfloat16", "float32", "float64")
ALL = BOOL + INTS + FLOATS
ALL_NUMERIC = INTS + FLOATS  # no bool

NP_DTYPE = {
    "bool": np.bool_, "uint8": np.uint8, "int8": np.int8, "int16": np.int16,
    "int32": np.int32, "int64": np.int64, "float16": np.float16,
    "bfloat16": np.float32,  # computed and compared as float32
    "float32": np.float32, "float64": np.float64,
}


def is_float(d: str) -> bool:
    return d in FLOATS


def is_int(d: str) -> bool:
    return d in INTS


# PyTorch's promotion table (c10::promoteTypes) for ember's dtypes, written out
# independently of ember's C++ so the tests can check it.
_ORDER = ["uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64", "bool", "bfloat16"]
_TABLE = """
u1 i2 i2 i4 i8 f2 f4 f8 u1 bf
i2 i1 i2 i4 i8 f2 f4 f8 i1 bf
i2 i2 i2 i4 i8 f2 f4 f8 i2 bf
i4 i4 i4 i4 i8 f2 f4 f8 i4 bf
i8 i8 i8 i8 i8 f2 f4 f8 i8 bf
f2 f2 f2 f2 f2 f2 f4 f8 f2 f4
f4 f4 f4 f4 f4 f4 f4 f8 f4 f4
f8 f8 f8 f8 f8 f8 f8 f8 f8 f8
u1 i1 i2 i4 i8 f2 f4 f8 b1 bf
bf bf bf bf bf f4 f4 f8 bf bf
"""
_ABBR = {"u1": "uint8", "i1": "int8", "i2": "int16", "i4": "int32", "i8": "int64", "f2": "float16",
         "f4": "float32", "f8": "float64", "b1": "bool", "bf": "bfloat16"}
PROMOTE = {
    (_ORDER[i], _ORDER[j]): _ABBR[c]
    for i, row in enumerate(_TABLE.split("\n")[1:-1])
    for j, c in enumerate(row.split())
}


def _kind(d: str) -> int:
    return 0 if d == "bool" else 1 if d in INTS else 2


def result_type(*operands: Any) -> str:
    """torch.result_type over tensors (ember) and Python numbers: dim>0 tensors,
    then 0-dim tensors, then numbers; a lower category only counts when it is of a
    higher kind (bool < int < float); a Python float takes the default dtype."""
    cats: list[str | None] = [None, None, None]

    def upd(i: int, d: str) -> None:
        cats[i] = d if cats[i] is None else PROMOTE[(cats[i], d)]

    for o in operands:
        if isinstance(o, ember.Tensor):
            upd(0 if o.dim() > 0 else 1, str(o.dtype).split(".")[1])
        elif isinstance(o, bool):
            upd(2, "bool")
        elif isinstance(o, int):
            upd(2, "int64")
        else:
            upd(2, str(ember.get_default_dtype()).split(".")[1])

    def combine(higher: str | None, lower: str | None) -> str | None:
        if higher is None:
            return lower
        if lower is None:
            return higher
        if _kind(lower) > _kind(higher):
            return PROMOTE[(higher, lower)]
        return higher

    return combine(cats[0], combine(cats[1], cats[2]))  # type: ignore[return-value]


# ---------------------------------------------------------------------------
# samples

@dataclass
class SampleInput:
    """args[0] is the operator's `self`/input. NumPy arrays become tensors; other
    values (Python numbers, tuples) are passed through."""
    args: tuple
    kwargs: dict = field(default_factory=dict)
    note: str = ""


def make_array(shape: tuple, dtype: str, rng: np.random.Generator, *, low=None, high=None) -> np.ndarray:
    if dtype == "bool":
        return rng.integers(0, 2, size=shape).astype(np.bool_)
    if dtype in INTS:
        info = np.iinfo(NP_DTYPE[dtype])
        lo = max(info.min, -9 if low is None else low)
        hi = min(info.max, 9 if high is None else high)
        return rng.integers(lo, hi + 1, size=shape).astype(NP_DTYPE[dtype])
    lo = -5.0 if low is None else low
    hi = 5.0 if high is None else high
    return rng.uniform(lo, hi, size=shape).astype(NP_DTYPE[dtype])


def to_ember(x: Any, dtype: str | None, noncontig: bool) -> Any:
    """A NumPy array as an ember tensor of `dtype` (non-contiguous on request); a
    list of arrays as a list of tensors; anything else unchanged."""
    if isinstance(x, list) and x and all(isinstance(a, np.ndarray) for a in x):
        return [to_ember(a, dtype, noncontig) for a in x]
    if not isinstance(x, np.ndarray):
        return x
    d = getattr(ember, dtype) if dtype else None
    if noncontig and x.ndim >= 2:
        t = ember.tensor(np.ascontiguousarray(x.swapaxes(-1, -2)), dtype=d).transpose(-1, -2)
    elif noncontig and x.ndim == 1 and x.size > 0:
        t = ember.tensor(np.repeat(x, 2), dtype=d)[::2]
    else:
        t = ember.tensor(x, dtype=d)
    if noncontig and x.ndim >= 1 and x.size > 1:
        assert not t.is_contiguous() or x.ndim >= 2 and min(x.shape[-2:]) <= 1
    return t


def as_numpy(t: Any) -> Any:
    """An ember tensor's values as NumPy (bfloat16 via float32); others unchanged."""
    if isinstance(t, ember.Tensor):
        if t.dtype == ember.bfloat16:
            return t.float().numpy()
        return t.numpy()
    return t


BINARY_SHAPES = [
    ((5,), (5,)), ((3, 4), (3, 4)), ((3, 4), (4,)), ((3, 1), (1, 4)), ((2, 3, 4), (3, 1)),
    ((), ()), ((3,), ()), ((0,), (0,)), ((0, 3), (3,)),
]
UNARY_SHAPES = [(7,), (3, 4), (2, 3, 4), (), (0,), (0, 3)]


def binary_samples(dtype: str, rng, *, low=None, high=None, other_low=None, other_high=None,
                   scalars=True, bool_scalar=True) -> Iterable[SampleInput]:
    for a, b in BINARY_SHAPES:
        yield SampleInput((make_array(a, dtype, rng, low=low, high=high),
                           make_array(b, dtype, rng, low=other_low if other_low is not None else low,
                                      high=other_high if other_high is not None else high)))
    if scalars:
        x = make_array((3, 4), dtype, rng, low=low, high=high)
        yield SampleInput((x, 2), note="int scalar")
        if dtype != "bool":
            yield SampleInput((x, 2.5), note="float scalar")
        if bool_scalar:
            yield SampleInput((x, True), note="bool scalar")


def unary_samples(dtype: str, rng, *, low=None, high=None) -> Iterable[SampleInput]:
    for s in UNARY_SHAPES:
        yield SampleInput((make_array(s, dtype, rng, low=low, high=high),))


def positive_samples(dtype: str, rng) -> Iterable[SampleInput]:
    lo = 1 if dtype in INTS or dtype == "bool" else 0.1
    return unary_samples(dtype, rng, low=lo, high=9)


def reduce_samples(dtype: str, rng, *, dims=True, keepdim=True) -> Iterable[SampleInput]:
    yield SampleInput((make_array((5,), dtype, rng),))
    yield SampleInput((make_array((3, 4), dtype, rng),))
    yield SampleInput((make_array((), dtype, rng),))
    if dims:
        yield SampleInput((make_array((3, 4), dtype, rng), 0))
        yield SampleInput((make_array((3, 4), dtype, rng), 1))
        yield SampleInput((make_array((2, 3, 4), dtype, rng), -1), {"keepdim": True} if keepdim else {})
        yield SampleInput((make_array((2, 3, 4), dtype, rng), 1))


def scan_samples(dtype: str, rng, *, low=None, high=None) -> Iterable[SampleInput]:
    for shape, dim in [((5,), 0), ((3, 4), 0), ((3, 4), 1), ((2, 3, 4), -1), ((2, 3, 4), 1), ((), 0),
                       ((0, 3), 1), ((0,), 0)]:
        yield SampleInput((make_array(shape, dtype, rng, low=low, high=high), dim))


def sort_samples(dtype: str, rng) -> Iterable[SampleInput]:
    for shape, dim in [((7,), 0), ((3, 4), 0), ((3, 4), 1), ((2, 3, 4), -1), ((2, 3, 4), 1), ((), 0),
                       ((0, 3), 1)]:
        x = make_array(shape, dtype, rng)
        yield SampleInput((x,), {"stable": True, "dim": dim})
        yield SampleInput((x,), {"stable": True, "dim": dim, "descending": True})


def topk_samples(dtype: str, rng) -> Iterable[SampleInput]:
    # distinct values: topk's order among equal values is unspecified
    def distinct(shape):
        n = int(np.prod(shape))
        vals = rng.permutation(np.arange(-(n // 2), n - n // 2))
        return vals.reshape(shape).astype(NP_DTYPE[dtype]) if dtype in INTS else \
            (vals.reshape(shape) / 2).astype(NP_DTYPE[dtype])
    yield SampleInput((distinct((7,)), 3))
    yield SampleInput((distinct((3, 4)), 2, 0))
    yield SampleInput((distinct((3, 4)), 4, 1), {"largest": False})
    yield SampleInput((distinct((2, 3, 5)), 1, -1))
    yield SampleInput((distinct((2, 3, 5)), 0, -1))
    yield SampleInput((distinct((70, 3)), 1, 0))  # k * 64 <= n: the partial_sort path
    yield SampleInput((distinct((70, 3)), 5, 0))


def norm_samples(dtype: str, rng) -> Iterable[SampleInput]:
    x = make_array((3, 4), dtype, rng)
    yield SampleInput((x,))
    for p in (1, 2, 3, 0, float("inf"), -float("inf"), 0.5):
        yield SampleInput((x, p))
    yield SampleInput((x, 2, 1))
    yield SampleInput((x, 1, 0), {"keepdim": True})
    yield SampleInput((make_array((2, 3, 4), dtype, rng), float("inf"), (0, 2)))
    yield SampleInput((make_array((5,), dtype, rng), 2, 0))


def matmul_samples(dtype: str, rng) -> Iterable[SampleInput]:
    for a, b in [((3, 4), (4, 5)), ((4,), (4,)), ((3, 4), (4,)), ((4,), (4, 2)), ((2, 3, 4), (4, 5)),
                 ((2, 3, 4), (2, 4, 5)), ((1, 3, 4), (2, 4, 2)), ((0, 4), (4, 3)), ((3, 0), (0, 2))]:
        yield SampleInput((make_array(a, dtype, rng, low=-3, high=3), make_array(b, dtype, rng, low=-3, high=3)))


# ---------------------------------------------------------------------------
# references

def np_cum(fn):
    """cumsum/cumprod along `dim`; a 0-dim input is its own scan."""
    def ref(x, dim, dtype=None):
        return fn(x.reshape(-1), axis=0).reshape(()) if x.ndim == 0 else fn(x, axis=dim)
    return ref


def np_sort_indices(x, dim=-1, descending=False):
    """Stable order along `dim` (equal elements keep their order, descending too)."""
    if x.ndim == 0:
        return np.zeros((), np.int64)
    if not descending:
        return np.argsort(x, axis=dim, kind="stable")
    n = x.shape[dim]
    return n - 1 - np.flip(np.argsort(np.flip(x, axis=dim), axis=dim, kind="stable"), axis=dim)


def np_sort(x, dim=-1, descending=False, stable=True):
    idx = np_sort_indices(x, dim, descending)
    return (x if x.ndim == 0 else np.take_along_axis(x, idx, axis=dim)), idx


def np_topk(x, k, dim=-1, largest=True, sorted=True):
    values, idx = np_sort(x, dim, descending=largest)
    if x.ndim == 0:
        return values, idx
    sl = [slice(None)] * x.ndim
    sl[dim] = slice(0, k)
    return values[tuple(sl)], idx[tuple(sl)]


def np_vector_norm(x, ord=2, dim=None, keepdim=False, dtype=None):
    axis = tuple(dim) if isinstance(dim, (tuple, list)) else dim
    a = np.abs(x)
    if ord == float("inf"):
        return np.max(a, axis=axis, keepdims=keepdim)
    if ord == -float("inf"):
        return np.min(a, axis=axis, keepdims=keepdim)
    if ord == 0:
        return np.sum(a != 0, axis=axis, keepdims=keepdim).astype(x.dtype)
    return np.sum(a ** ord, axis=axis, keepdims=keepdim) ** (1.0 / ord)


def np_norm(x, p=2, dim=None, keepdim=False):
    return np_vector_norm(x, 2 if p is None else p, dim, keepdim)


def np_softmax(x, dim):
    x = x.astype(np.float64)
    m = np.max(x, axis=dim, keepdims=True)
    e = np.exp(x - m)
    return e / np.sum(e, axis=dim, keepdims=True)


def np_log_softmax(x, dim):
    x = x.astype(np.float64)
    m = np.max(x, axis=dim, keepdims=True)
    return x - m - np.log(np.sum(np.exp(x - m), axis=dim, keepdims=True))


def np_reduce(fn):
    def ref(x, dim=None, keepdim=False, **kw):
        if x.ndim == 0:
            return fn(x, axis=None)
        return fn(x, axis=dim, keepdims=keepdim)
    return ref


def np_arg(fn):
    def ref(x, dim=None, keepdim=False):
        if dim is None:
            return np.asarray(fn(x.reshape(-1)), dtype=np.int64)
        if x.ndim == 0:
            return np.asarray(0, dtype=np.int64)
        r = fn(x, axis=dim)
        return np.expand_dims(r, dim) if keepdim else r
    return ref


def np_div_floor(a, b, rounding_mode=None):
    if np.issubdtype(np.asarray(a).dtype, np.integer):
        return np.floor_divide(a, b)
    return np.floor(np.true_divide(a, b))


def np_div_trunc(a, b, rounding_mode=None):
    if np.issubdtype(np.asarray(a).dtype, np.integer):
        b = np.asarray(b).astype(np.asarray(a).dtype)
        q = np.abs(a) // np.abs(b)
        return (q * np.sign(a) * np.sign(b)).astype(np.asarray(a).dtype)
    return np.trunc(np.true_divide(a, b))


def np_relu(x):
    return np.maximum(x, np.zeros((), dtype=x.dtype))


def np_clamp(x, min=None, max=None):
    if min is not None:
        x = np.maximum(x, np.asarray(min).astype(x.dtype))
    if max is not None:
        x = np.minimum(x, np.asarray(max).astype(x.dtype))
    return x


def np_pow(a, b):
    return np.power(a, b)


def special_samples(dtype: str, rng) -> Iterable[SampleInput]:
    """unary_samples plus, for floating dtypes, NaN, infinities and signed zeros."""
    yield from unary_samples(dtype, rng)
    if dtype in FLOATS:
        yield SampleInput((np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1.5, -2.5], dtype=NP_DTYPE[dtype]),),
                          note="special")


def bitwise_samples(dtype: str, rng) -> Iterable[SampleInput]:
    yield from binary_samples(dtype, rng, scalars=False)
    x = make_array((3, 4), dtype, rng)
    if dtype != "bool":
        yield SampleInput((x, 6), note="int scalar")
    yield SampleInput((x, True), note="bool scalar")


def mod_samples(dtype: str, rng) -> Iterable[SampleInput]:
    """Divisors of both signs, never zero (integer modulo by zero raises)."""
    yield from binary_samples(dtype, rng, other_low=1, other_high=9)
    x = make_array((3, 4), dtype, rng)
    if dtype != "uint8":
        yield SampleInput((x, -make_array((4,), dtype, rng, low=1, high=9)), note="negative divisor")
        yield SampleInput((x, -3), note="negative int scalar")


def np_sign(x):
    """PyTorch's sign: 0 for NaN (NumPy's is NaN); bool passes through."""
    if x.dtype == np.bool_:
        return x
    return np.where(np.isnan(x), 0, np.sign(x)) if x.dtype.kind == "f" else np.sign(x)


def np_var(ddof_default: int, sqrt: bool):
    def ref(x, dim=None, keepdim=False, correction=None, unbiased=None):
        ddof = correction if correction is not None else (ddof_default if unbiased is None else int(unbiased))
        r = np.var(x, axis=dim, ddof=ddof, keepdims=keepdim)
        return np.sqrt(r) if sqrt else r
    return ref


def var_samples(dtype: str, rng) -> Iterable[SampleInput]:
    for s in reduce_samples(dtype, rng):
        if s.args[0].ndim > 0:
            yield s
    yield SampleInput((make_array((3, 4), dtype, rng), 1), {"correction": 0})
    yield SampleInput((make_array((3, 4), dtype, rng),), {"dim": (0, 1), "keepdim": True, "correction": 2})
    yield SampleInput((make_array((3, 4), dtype, rng, low=1000, high=1001), 0), note="large mean")


# ---------------------------------------------------------------------------
# the table

@dataclass
class ErrorInput:
    call: Callable[[], Any]
    exc: type
    match: str


@dataclass
class OpInfo:
    name: str
    ref: Callable
    dtypes: tuple
    samples: Callable[[str, Any], Iterable[SampleInput]]
    # result dtype rule: "binary", "true_div", "unary_float", "same", "bool",
    # "sum", "mean", "int64", "softmax", "any" (bool, uint8 for uint8)
    promotion: str = "binary"
    function: bool = True
    method: bool = True
    inplace: bool = False
    out: bool = True
    # Tolerances for float16/bfloat16 results (float32/float64 use tight ones).
    half_rtol: float = 2e-2
    half_atol: float = 2e-2
    float_rtol: float = 1.3e-6
    float_atol: float = 1e-5
    # The reference returns a tuple of (values, indices) ordered like the op.
    returns_tuple: bool = False
    errors: Callable[[], list[ErrorInput]] = list
    # Tensor args that keep their own dtype instead of the tested one (e.g. where's
    # condition): index -> dtype name
    fixed_dtypes: dict = field(default_factory=dict)
    supports_noncontig: bool = True
    # The ember function/method called, when it differs from `name`.
    aten_name: str | None = None

    @property
    def fn_name(self) -> str:
        return self.aten_name or self.name

    def expected_dtype(self, eargs: tuple, kwargs: dict) -> str:
        p = self.promotion
        tensors = [a for a in eargs if isinstance(a, ember.Tensor)] or list(eargs[0])
        first = str(tensors[0].dtype).split(".")[1]
        default = str(ember.get_default_dtype()).split(".")[1]
        if "dtype" in kwargs and kwargs["dtype"] is not None:
            return str(kwargs["dtype"]).split(".")[1]
        if p == "binary":
            return result_type(*[a for a in eargs if isinstance(a, (ember.Tensor, int, float, bool))])
        if p == "true_div":
            r = result_type(*eargs)
            return default if _kind(r) < 2 else r
        if p == "unary_float":
            return default if _kind(first) < 2 else first
        if p == "same":
            return first
        if p == "bool":
            return "bool"
        if p == "any":
            return "uint8" if first == "uint8" else "bool"
        if p == "sum":
            return "int64" if _kind(first) < 2 else first
        if p == "int64":
            return "int64"
        if p == "where":
            return result_type(*eargs[1:])
        if p == "cat":
            return result_type(*eargs[0])
        raise AssertionError(p)


def _e(call, exc, match):
    return ErrorInput(call, exc, match)


def _t(*shape, dtype=None):
    return ember.zeros(*shape, dtype=dtype)


def binary_errors(name, bad_out=True):
    fn = getattr(ember, name)
    return lambda: [
        _e(lambda: fn(_t(3, 4), _t(5)), RuntimeError, r"size of tensor a \(4\) must match the size of tensor b \(5\)"),
        _e(lambda: fn(_t(3), "x"), TypeError, r"received an invalid combination of arguments|must be Tensor"),
    ] + ([_e(lambda: fn(_t(3), _t(3), out=_t(3, dtype=ember.bool)), RuntimeError,
             "can't be cast to the desired output type")] if bad_out else [])


def unary_errors(name):
    fn = getattr(ember, name)
    return lambda: [
        _e(lambda: fn("x"), TypeError, r"must be Tensor|invalid combination"),
    ]


OPS: list[OpInfo] = [
    OpInfo("add", np.add, ALL, binary_samples, inplace=True, errors=binary_errors("add")),
    OpInfo("sub", np.subtract, ALL_NUMERIC, lambda d, rng: binary_samples(d, rng, bool_scalar=False), inplace=True,
           errors=lambda: binary_errors("sub")() + [
               _e(lambda: ember.sub(_t(2, dtype=ember.bool), _t(2, dtype=ember.bool)), RuntimeError,
                  "Subtraction, the `-` operator, with two bool tensors is not supported")]),
    OpInfo("mul", np.multiply, ALL, binary_samples, inplace=True, errors=binary_errors("mul")),
    OpInfo("div", np.true_divide, ALL_NUMERIC,
           lambda d, rng: binary_samples(d, rng, other_low=1, other_high=9), promotion="true_div",
           inplace=True, errors=binary_errors("div")),
    OpInfo("div_floor", np_div_floor, ALL_NUMERIC,
           lambda d, rng: (SampleInput(s.args, {"rounding_mode": "floor"}) for s in
                           binary_samples(d, rng, other_low=1, other_high=9)),
           inplace=False, aten_name="div",
           errors=lambda: [_e(lambda: ember.div(ember.ones(2, dtype=ember.int64), ember.zeros(2, dtype=ember.int64),
                                                rounding_mode="floor"), RuntimeError, "ZeroDivisionError"),
                           _e(lambda: ember.div(_t(2), _t(2), rounding_mode="round"), RuntimeError,
                              "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found 'round'")]),
    OpInfo("div_trunc", np_div_trunc, ALL_NUMERIC,
           lambda d, rng: (SampleInput(s.args, {"rounding_mode": "trunc"}) for s in
                           binary_samples(d, rng, other_low=1, other_high=9)),
           inplace=False, aten_name="div"),
    OpInfo("pow", np_pow, ALL_NUMERIC,
           lambda d, rng: binary_samples(d, rng, low=0 if d in INTS else 0.5, high=4, other_low=0, other_high=3),
           inplace=True, half_rtol=3e-2, float_rtol=1e-5,
           errors=lambda: [_e(lambda: ember.pow(ember.tensor([2, 3]), -1), RuntimeError,
                              "Integers to negative integer powers are not allowed")]),
    OpInfo("maximum", np.maximum, ALL, lambda d, rng: binary_samples(d, rng, scalars=False),
           errors=binary_errors("maximum")),
    OpInfo("minimum", np.minimum, ALL, lambda d, rng: binary_samples(d, rng, scalars=False)),
    OpInfo("eq", np.equal, ALL, binary_samples, promotion="bool", errors=binary_errors("eq", bad_out=False)),
    OpInfo("ne", np.not_equal, ALL, binary_samples, promotion="bool"),
    OpInfo("lt", np.less, ALL, binary_samples, promotion="bool"),
    OpInfo("le", np.less_equal, ALL, binary_samples, promotion="bool"),
    OpInfo("gt", np.greater, ALL, binary_samples, promotion="bool"),
    OpInfo("ge", np.greater_equal, ALL, binary_samples, promotion="bool"),
    OpInfo("logical_and", np.logical_and, ALL, lambda d, rng: binary_samples(d, rng, scalars=False),
           promotion="bool"),
    OpInfo("logical_or", np.logical_or, ALL, lambda d, rng: binary_samples(d, rng, scalars=False),
           promotion="bool"),
    OpInfo("logical_not", np.logical_not, ALL, unary_samples, promotion="bool"),
    OpInfo("neg", np.negative, ALL_NUMERIC, unary_samples, promotion="same", inplace=True,
           errors=lambda: [_e(lambda: ember.neg(_t(2, dtype=ember.bool)), RuntimeError,
                              "Negation, the `-` operator, on a bool tensor is not supported")]),
    OpInfo("abs", np.abs, ALL_NUMERIC, unary_samples, promotion="same", inplace=True),
    OpInfo("exp", np.exp, ALL, lambda d, rng: unary_samples(d, rng, low=-4, high=4), promotion="unary_float",
           inplace=False, errors=unary_errors("exp")),
    OpInfo("log", np.log, ALL, positive_samples, promotion="unary_float"),
    OpInfo("sqrt", np.sqrt, ALL, positive_samples, promotion="unary_float"),
    OpInfo("rsqrt", lambda x: 1 / np.sqrt(x), ALL, positive_samples, promotion="unary_float"),
    OpInfo("sin", np.sin, ALL, unary_samples, promotion="unary_float"),
    OpInfo("cos", np.cos, ALL, unary_samples, promotion="unary_float"),
    OpInfo("tanh", np.tanh, ALL, unary_samples, promotion="unary_float"),
    OpInfo("sigmoid", lambda x: 1 / (1 + np.exp(-x)), ALL, unary_samples, promotion="unary_float"),
    OpInfo("remainder", np.remainder, ALL_NUMERIC, mod_samples, inplace=True,
           errors=lambda: [_e(lambda: ember.remainder(ember.ones(2, dtype=ember.int64), ember.zeros(2, dtype=ember.int64)),
                              RuntimeError, "ZeroDivisionError"),
                           _e(lambda: ember.remainder(_t(2, dtype=ember.bool), _t(2, dtype=ember.bool)),
                              NotImplementedError, "not implemented for 'Bool'")]),
    OpInfo("fmod", np.fmod, ALL_NUMERIC, mod_samples, inplace=True,
           errors=lambda: [_e(lambda: ember.fmod(ember.ones(2, dtype=ember.int32), ember.zeros(2, dtype=ember.int32)),
                              RuntimeError, "ZeroDivisionError")]),
    OpInfo("floor_divide", np_div_floor, ALL_NUMERIC, mod_samples, inplace=True,
           errors=lambda: [_e(lambda: ember.floor_divide(ember.ones(2, dtype=ember.int64), 0), RuntimeError,
                              "ZeroDivisionError")]),
    OpInfo("bitwise_and", np.bitwise_and, BOOL + INTS, bitwise_samples, inplace=True,
           errors=lambda: [_e(lambda: ember.bitwise_and(_t(2), _t(2)), NotImplementedError,
                              "\"bitwise_and_cpu\" not implemented for 'Float'")]),
    OpInfo("bitwise_or", np.bitwise_or, BOOL + INTS, bitwise_samples, inplace=True),
    OpInfo("bitwise_xor", np.bitwise_xor, BOOL + INTS, bitwise_samples, inplace=True),
    OpInfo("bitwise_not", np.invert, BOOL + INTS, unary_samples, promotion="same",
           errors=lambda: [_e(lambda: ember.bitwise_not(_t(2)), NotImplementedError, "not implemented for 'Float'")]),
    OpInfo("floor", np.floor, ALL_NUMERIC, special_samples, promotion="same", inplace=True,
           errors=lambda: [_e(lambda: ember.floor(_t(2, dtype=ember.bool)), NotImplementedError,
                              "not implemented for 'Bool'")]),
    OpInfo("ceil", np.ceil, ALL_NUMERIC, special_samples, promotion="same", inplace=True),
    OpInfo("round", np.round, ALL_NUMERIC,
           lambda d, rng: list(special_samples(d, rng)) + (
               [SampleInput((np.array([0.5, 1.5, 2.5, -0.5, -1.5, 3.5], dtype=NP_DTYPE[d]),), note="halves")]
               if d in FLOATS else []),
           promotion="same", inplace=True),
    OpInfo("trunc", np.trunc, ALL_NUMERIC, special_samples, promotion="same", inplace=True),
    OpInfo("sign", np_sign, ALL, special_samples, promotion="same", inplace=True),
    OpInfo("square", np.square, ALL_NUMERIC, unary_samples, promotion="same", inplace=True),
    OpInfo("reciprocal", lambda x: 1 / x, ALL, positive_samples, promotion="unary_float", inplace=True),
    OpInfo("log2", np.log2, ALL, positive_samples, promotion="unary_float", inplace=True),
    OpInfo("log10", np.log10, ALL, positive_samples, promotion="unary_float"),
    OpInfo("log1p", np.log1p, ALL, positive_samples, promotion="unary_float"),
    OpInfo("expm1", np.expm1, ALL, lambda d, rng: unary_samples(d, rng, low=-4, high=4), promotion="unary_float"),
    OpInfo("tan", np.tan, ALL, lambda d, rng: unary_samples(d, rng, low=-1, high=1), promotion="unary_float"),
    OpInfo("asin", np.arcsin, ALL, lambda d, rng: unary_samples(d, rng, low=-1, high=1), promotion="unary_float"),
    OpInfo("acos", np.arccos, ALL, lambda d, rng: unary_samples(d, rng, low=-1, high=1), promotion="unary_float"),
    OpInfo("atan", np.arctan, ALL, unary_samples, promotion="unary_float"),
    OpInfo("sinh", np.sinh, ALL, lambda d, rng: unary_samples(d, rng, low=-4, high=4), promotion="unary_float"),
    OpInfo("cosh", np.cosh, ALL, lambda d, rng: unary_samples(d, rng, low=-4, high=4), promotion="unary_float"),
    OpInfo("erf", lambda x: np.vectorize(__import__("math").erf, otypes=[np.float64])(x) if x.size else x, ALL,
           unary_samples, promotion="unary_float"),
    OpInfo("isnan", lambda x: np.isnan(x.astype(np.float64)), ALL, special_samples, promotion="bool", out=False),
    OpInfo("isinf", lambda x: np.isinf(x.astype(np.float64)), ALL, special_samples, promotion="bool", out=False),
    OpInfo("isfinite", lambda x: np.isfinite(x.astype(np.float64)), ALL, special_samples, promotion="bool", out=False),
    OpInfo("relu", np_relu, ALL_NUMERIC, unary_samples, promotion="same", out=False, inplace=True),
    OpInfo("clamp", np_clamp, ALL_NUMERIC,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng),), {"min": -2, "max": 3}),
                           SampleInput((make_array((5,), d, rng),), {"min": 0}),
                           SampleInput((make_array((5,), d, rng),), {"max": 1}),
                           SampleInput((make_array((0, 2), d, rng),), {"min": 1})],
           promotion="same", inplace=True,
           errors=lambda: [_e(lambda: ember.clamp(_t(2)), RuntimeError,
                              "At least one of 'min' or 'max' must not be None")]),
    OpInfo("where", lambda c, a, b: np.where(c, a, b), ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), "bool", rng), make_array((3, 4), d, rng),
                                        make_array((4,), d, rng))),
                           SampleInput((make_array((3, 1), "bool", rng), make_array((1, 4), d, rng),
                                        make_array((), d, rng))),
                           SampleInput((make_array((0,), "bool", rng), make_array((0,), d, rng),
                                        make_array((0,), d, rng)))],
           promotion="where", fixed_dtypes={0: "bool"}),
    # Reductions
    OpInfo("sum", np_reduce(np.sum), ALL, reduce_samples, promotion="sum", out=False,
           float_rtol=1e-5, half_rtol=5e-2, half_atol=0.25),
    OpInfo("prod", np_reduce(np.prod), ALL,
           lambda d, rng: (s for s in reduce_samples(d, rng) if len(s.args) > 1 or s.args[0].ndim <= 1),
           promotion="sum", out=False, float_rtol=1e-5, half_rtol=5e-2, half_atol=0.5),
    OpInfo("mean", np_reduce(np.mean), FLOATS, reduce_samples, promotion="same", out=False,
           float_rtol=1e-5, half_rtol=3e-2,
           errors=lambda: [_e(lambda: ember.mean(ember.tensor([1, 2])), RuntimeError,
                              "mean\\(\\): could not infer output dtype")]),
    OpInfo("max_all", lambda x: np.max(x), ALL, lambda d, rng: reduce_samples(d, rng, dims=False),
           promotion="same", out=False, aten_name="max"),
    OpInfo("max_dim", lambda x, dim, keepdim=False: (np_reduce(np.max)(x, dim, keepdim), np_arg(np.argmax)(x, dim, keepdim)),
           ALL, lambda d, rng: (s for s in reduce_samples(d, rng) if len(s.args) > 1),
           promotion="same", out=False, returns_tuple=True, aten_name="max",
           errors=lambda: [_e(lambda: ember.max(ember.zeros(0, 3), 0), IndexError,
                              "Expected reduction dim 0 to have non-zero size")]),
    OpInfo("min_dim", lambda x, dim, keepdim=False: (np_reduce(np.min)(x, dim, keepdim), np_arg(np.argmin)(x, dim, keepdim)),
           ALL, lambda d, rng: (s for s in reduce_samples(d, rng) if len(s.args) > 1),
           promotion="same", out=False, returns_tuple=True, aten_name="min"),
    OpInfo("argmax", np_arg(np.argmax), ALL_NUMERIC, reduce_samples, promotion="int64", out=False),
    OpInfo("argmin", np_arg(np.argmin), ALL_NUMERIC, reduce_samples, promotion="int64", out=False),
    OpInfo("any", np_reduce(np.any), ALL, reduce_samples, promotion="any", out=False),
    OpInfo("all", np_reduce(np.all), ALL, reduce_samples, promotion="any", out=False),
    OpInfo("var", np_var(1, False), FLOATS, var_samples, promotion="same", out=False, float_rtol=1e-5,
           half_rtol=5e-2, half_atol=5e-2,
           errors=lambda: [_e(lambda: ember.var(ember.tensor([1, 2])), RuntimeError,
                              "std and var only support floating point and complex dtypes")]),
    OpInfo("std", np_var(1, True), FLOATS, var_samples, promotion="same", out=False, float_rtol=1e-5,
           half_rtol=5e-2, half_atol=5e-2),
    OpInfo("softmax", np_softmax, ("float32", "float64"),
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), 1)), SampleInput((make_array((3, 4), d, rng), 0)),
                           SampleInput((make_array((2, 3, 4), d, rng), -1))],
           promotion="same", out=False),
    OpInfo("log_softmax", np_log_softmax, ("float32", "float64"),
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), 1)), SampleInput((make_array((2, 3, 4), d, rng), 0))],
           promotion="same", out=False),
    # Scans
    OpInfo("cumsum", np_cum(np.cumsum), ALL_NUMERIC, scan_samples, promotion="sum", inplace=True,
           float_rtol=1e-5, half_rtol=5e-2, half_atol=0.25,
           errors=lambda: [_e(lambda: ember.cumsum(_t(3), 1), IndexError, "Dimension out of range"),
                           _e(lambda: ember.cumsum(_t(3), 0, dtype=ember.float64, out=_t(3, dtype=ember.int64)), RuntimeError,
                              "Expected out tensor to have dtype")]),
    OpInfo("cumprod", np_cum(np.cumprod), ALL_NUMERIC,
           lambda d, rng: scan_samples(d, rng, low=-2, high=2), promotion="sum", inplace=True,
           float_rtol=1e-5, half_rtol=5e-2, half_atol=0.25),
    # Sorting
    OpInfo("sort", np_sort, ALL, sort_samples, promotion="same", out=False, returns_tuple=True),
    OpInfo("argsort", lambda x, **kw: np_sort_indices(x, kw.get("dim", -1), kw.get("descending", False)),
           ALL, sort_samples, promotion="int64", out=False),
    OpInfo("topk", np_topk, ALL_NUMERIC, topk_samples, promotion="same", out=False, returns_tuple=True,
           errors=lambda: [_e(lambda: ember.topk(_t(3), 4), RuntimeError, "selected index k out of range")]),
    # Norms
    OpInfo("norm", np_norm, FLOATS, norm_samples, promotion="same", out=False, float_rtol=1e-5,
           half_rtol=3e-2, errors=lambda: [_e(lambda: ember.norm(ember.tensor([1, 2])), RuntimeError,
                                              "Expected a floating point")]),
    OpInfo("linalg_vector_norm", np_vector_norm, FLOATS,
           lambda d, rng: [SampleInput(s.args[:1], {"ord": s.args[1] if len(s.args) > 1 else 2,
                                                    **({"dim": s.args[2]} if len(s.args) > 2 else {}),
                                                    **s.kwargs}) for s in norm_samples(d, rng)]
           + [SampleInput((make_array((3, 4), d, rng),), {"dtype": ember.float64})],
           promotion="same", out=False, method=False, float_rtol=1e-5, half_rtol=3e-2),
    # Matrix products
    OpInfo("matmul", np.matmul, ("int32", "int64", "float32", "float64"), matmul_samples,
           float_rtol=1e-5, float_atol=1e-4,
           errors=lambda: [_e(lambda: ember.matmul(_t(2, 3), _t(4, 5)), RuntimeError,
                              r"mat1 and mat2 shapes cannot be multiplied \(2x3 and 4x5\)")]),
    OpInfo("mm", np.matmul, ("int64", "float32", "float64"),
           lambda d, rng: (s for s in matmul_samples(d, rng) if s.args[0].ndim == 2 and s.args[1].ndim == 2),
           float_rtol=1e-5, float_atol=1e-4),
    OpInfo("bmm", np.matmul, ("float32", "float64"),
           lambda d, rng: [SampleInput((make_array((2, 3, 4), d, rng), make_array((2, 4, 5), d, rng)))],
           float_rtol=1e-5, float_atol=1e-4),
    # Joining
    OpInfo("cat", lambda ts, dim=0: np.concatenate(ts, axis=dim), ALL,
           lambda d, rng: [SampleInput(([make_array((2, 3), d, rng), make_array((1, 3), d, rng)],)),
                           SampleInput(([make_array((2, 3), d, rng), make_array((2, 1), d, rng)], 1)),
                           SampleInput(([make_array((2, 3), d, rng)] * 3, -1)),
                           SampleInput(([make_array((0, 3), d, rng), make_array((2, 3), d, rng)],))],
           promotion="cat", method=False,
           errors=lambda: [_e(lambda: ember.cat([]), ValueError, "expected a non-empty list of Tensors"),
                           _e(lambda: ember.cat([_t(2, 3), _t(2, 4)]), RuntimeError,
                              "Sizes of tensors must match except in dimension 0")]),
    OpInfo("stack", lambda ts, dim=0: np.stack(ts, axis=dim), ALL,
           lambda d, rng: [SampleInput(([make_array((2, 3), d, rng), make_array((2, 3), d, rng)],)),
                           SampleInput(([make_array((2, 3), d, rng), make_array((2, 3), d, rng)], 2)),
                           SampleInput(([make_array((0,), d, rng)] * 2, 1))],
           promotion="cat", method=False,
           errors=lambda: [_e(lambda: ember.stack([_t(2), _t(3)]), RuntimeError,
                              "stack expects each tensor to be equal size")]),
    # Masking and selection
    OpInfo("masked_fill", lambda x, m, v: np.where(m, np.asarray(v).astype(x.dtype), x), ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), make_array((3, 4), "bool", rng), 1)),
                           SampleInput((make_array((3, 4), d, rng), make_array((4,), "bool", rng), 0)),
                           SampleInput((make_array((0, 2), d, rng), make_array((0, 2), "bool", rng), 1))],
           promotion="same", out=False, inplace=True, fixed_dtypes={1: "bool"}),
    OpInfo("nonzero", lambda x: np.argwhere(x), ALL, unary_samples, promotion="int64"),
    OpInfo("clamp_tensor", lambda x, min=None, max=None: np_clamp(x, min, max), ALL_NUMERIC,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), make_array((4,), d, rng, high=0),
                                        make_array((3, 1), d, rng, low=1)))],
           promotion="same", inplace=True, aten_name="clamp"),
    OpInfo("addmm", lambda c, a, b, beta=1, alpha=1: beta * c + alpha * (a @ b), ("float32", "float64"),
           lambda d, rng: [SampleInput((make_array((3, 5), d, rng), make_array((3, 4), d, rng),
                                        make_array((4, 5), d, rng))),
                           SampleInput((make_array((5,), d, rng), make_array((3, 4), d, rng),
                                        make_array((4, 5), d, rng)), {"beta": 0.5, "alpha": 2})],
           float_rtol=1e-5, float_atol=1e-4),
    # Composites (native/Composites.cpp)
    OpInfo("flip", lambda x, dims: np.flip(x, axis=tuple(dims)) if x.ndim else x.copy(), ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), (0,))), SampleInput((make_array((2, 3, 4), d, rng), (0, -1))),
                           SampleInput((make_array((0, 3), d, rng), (1,)))],
           promotion="same", out=False,
           errors=lambda: [_e(lambda: ember.flip(_t(2, 3), [0, 0]), RuntimeError, "appears multiple times"),
                           _e(lambda: ember.flip(_t(2, 3), [2]), IndexError, "Dimension out of range")]),
    OpInfo("roll", lambda x, shifts, dims=None: np.roll(x, shifts, axis=dims), ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), 1)), SampleInput((make_array((3, 4), d, rng), -5, 1)),
                           SampleInput((make_array((2, 3, 4), d, rng), (1, 2), (0, 2)))],
           promotion="same", out=False),
    OpInfo("tril", lambda x, diagonal=0: np.tril(x, diagonal), ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng),)), SampleInput((make_array((2, 4, 3), d, rng), -1)),
                           SampleInput((make_array((0, 3), d, rng), 1))],
           promotion="same", out=False,
           errors=lambda: [_e(lambda: ember.tril(_t(3)), RuntimeError, "at least 2 dimensions")]),
    OpInfo("triu", lambda x, diagonal=0: np.triu(x, diagonal), ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng),)), SampleInput((make_array((2, 4, 3), d, rng), 2))],
           promotion="same", out=False),
    OpInfo("diag", lambda x, diagonal=0: np.diag(x, diagonal), ALL,
           lambda d, rng: [SampleInput((make_array((3,), d, rng),)), SampleInput((make_array((3,), d, rng), -2)),
                           SampleInput((make_array((3, 4), d, rng), 1)), SampleInput((make_array((3, 4), d, rng), -1)),
                           SampleInput((make_array((3, 4), d, rng), 7))],
           promotion="same", out=False,
           errors=lambda: [_e(lambda: ember.diag(_t(2, 2, 2)), RuntimeError, "Supports 1D or 2D")]),
    OpInfo("movedim", lambda x, s, t: np.moveaxis(x, s, t), ALL,
           lambda d, rng: [SampleInput((make_array((2, 3, 4), d, rng), 0, -1)), SampleInput((make_array((2, 3, 4), d, rng), 2, 0))],
           promotion="same", out=False),
    OpInfo("swapaxes", lambda x, a, b: np.swapaxes(x, a, b), ALL,
           lambda d, rng: [SampleInput((make_array((2, 3, 4), d, rng), 0, -1))], promotion="same", out=False),
    OpInfo("gather", lambda x, dim, i: np.take_along_axis(x, i, dim), ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), 1, make_array((3, 2), "int64", rng, low=0, high=3))),
                           SampleInput((make_array((3, 4), d, rng), 0, make_array((2, 4), "int64", rng, low=0, high=2))),
                           SampleInput((make_array((2, 3, 4), d, rng), -1, make_array((2, 3, 5), "int64", rng, low=0, high=3)))],
           promotion="same", out=False, fixed_dtypes={2: "int64"},
           errors=lambda: [_e(lambda: ember.gather(_t(3, 4), 1, ember.tensor([[4]])), RuntimeError, "out of bounds"),
                           _e(lambda: ember.gather(_t(3, 4), 1, ember.tensor([[-1]])), RuntimeError, "out of bounds"),
                           _e(lambda: ember.gather(_t(3, 4), 1, ember.tensor([1])), RuntimeError, "same number of dimensions")]),
    OpInfo("index_select", lambda x, dim, i: np.take(x, i, axis=dim), ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), 1, make_array((5,), "int64", rng, low=0, high=3))),
                           SampleInput((make_array((3, 4), d, rng), 0, make_array((0,), "int64", rng, low=0, high=2)))],
           promotion="same", out=False, fixed_dtypes={2: "int64"},
           errors=lambda: [_e(lambda: ember.index_select(_t(3, 4), 0, ember.tensor([3])), IndexError, "index out of range")]),
    OpInfo("masked_select", lambda x, m: np.broadcast_to(x, np.broadcast_shapes(x.shape, m.shape))[np.broadcast_to(m, np.broadcast_shapes(x.shape, m.shape))], ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), make_array((3, 4), "bool", rng))),
                           SampleInput((make_array((3, 4), d, rng), make_array((4,), "bool", rng)))],
           promotion="same", out=False, fixed_dtypes={1: "bool"}),
    OpInfo("amax", lambda x, dim=(), keepdim=False: np.max(x, axis=tuple(dim) if len(dim) else None, keepdims=keepdim), ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng),)), SampleInput((make_array((2, 3, 4), d, rng), (0, 2))),
                           SampleInput((make_array((2, 3, 4), d, rng), (1,), True)), SampleInput((make_array((), d, rng),))],
           promotion="same", out=False,
           errors=lambda: [_e(lambda: ember.amax(_t(0, 3), 0), IndexError, "non-zero size")]),
    OpInfo("amin", lambda x, dim=(), keepdim=False: np.min(x, axis=tuple(dim) if len(dim) else None, keepdims=keepdim), ALL,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng),)), SampleInput((make_array((2, 3, 4), d, rng), (-1, 0), True))],
           promotion="same", out=False),
    OpInfo("logsumexp", lambda x, dim, keepdim=False: np.log(np.sum(np.exp(x.astype(np.float64)), axis=tuple(dim), keepdims=keepdim)),
           ("float32", "float64"),
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), (1,))), SampleInput((make_array((2, 3, 4), d, rng), (0, 2), True))],
           promotion="same", out=False, float_rtol=1e-5),
    OpInfo("dot", np.dot, ("int64", "float32", "float64"),
           lambda d, rng: [SampleInput((make_array((5,), d, rng), make_array((5,), d, rng)))],
           promotion="same", out=False, float_rtol=1e-5, float_atol=1e-4),
    OpInfo("outer", np.outer, ALL_NUMERIC,
           lambda d, rng: [SampleInput((make_array((3,), d, rng), make_array((4,), d, rng)))], out=False),
    OpInfo("mv", np.matmul, ("int64", "float32", "float64"),
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), make_array((4,), d, rng)))],
           promotion="same", out=False, float_rtol=1e-5, float_atol=1e-4),
    OpInfo("clamp_min", lambda x, v: np.maximum(x, np.asarray(v).astype(x.dtype)), ALL_NUMERIC,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), 1))], promotion="same", out=False),
    OpInfo("clamp_max", lambda x, v: np.minimum(x, np.asarray(v).astype(x.dtype)), ALL_NUMERIC,
           lambda d, rng: [SampleInput((make_array((3, 4), d, rng), 1))], promotion="same", out=False),
]

BY_NAME = {op.name: op for op in OPS}
