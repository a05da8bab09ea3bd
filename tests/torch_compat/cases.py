"""The differential cases: every Python-visible ember operator and Tensor method,
over dtypes, broadcasting, 0-dim, zero-size and non-contiguous inputs, Python
scalars, keyword forms, out= (right and wrong dtype/shape), in-place forms,
negative dims and keepdim. Deterministic: inputs come from seeded NumPy
generators (tests/torch_compat/harness.py), and the case lists are fixed.

`cases()` returns {group name: [Case, ...]}; a group is usually one operator.
"""

from __future__ import annotations

import itertools
import operator as _op

from tests.torch_compat.harness import ALL, FLOATS, INTS, Case, D, T

LAYOUTS = ("contig", "t", "step", "expand", "offset")
UNARY_SHAPES = [(), (0,), (5,), (3, 4), (2, 3, 4), (0, 3)]
BINARY_SHAPES = [((3, 4), (3, 4)), ((3, 4), (4,)), ((3, 1), (1, 4)), ((2, 3, 4), (3, 1)),
                 ((), ()), ((5,), ()), ((), (5,)), ((0,), (1,)), ((0, 3), (3,)), ((3,), (4,))]
PY_SCALARS = [2, -3, 2.5, True, False, 0.0]


def _f(name):
    return lambda lib, *a, **k: getattr(lib, name)(*a, **k)


def _m(name):
    return lambda lib, self, *a, **k: getattr(self, name)(*a, **k)


def fn(name, **kw):
    return lambda lib, *a: getattr(lib, name)(*a, **{k: _res(lib, v) for k, v in kw.items()})


def meth(name, **kw):
    return lambda lib, self, *a: getattr(self, name)(*a, **{k: _res(lib, v) for k, v in kw.items()})


def _res(lib, v):
    return getattr(lib, v.name) if isinstance(v, D) else v


def fn_out(name, **kw):
    """name(*inputs, out=last arg)."""
    return lambda lib, *a: getattr(lib, name)(*a[:-1], out=a[-1], **kw)


# ---------------------------------------------------------------------------


UNARY_FLOAT = ["exp", "log", "sqrt", "rsqrt", "sin", "cos", "tanh", "sigmoid", "reciprocal", "log2", "log10",
               "log1p", "expm1", "tan", "asin", "acos", "atan", "sinh", "cosh", "erf"]
UNARY_SAME = ["abs", "neg", "relu", "floor", "ceil", "round", "trunc", "sign", "bitwise_not", "square"]


def unary_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for name in UNARY_FLOAT + UNARY_SAME + ["logical_not"]:
        cs = out.setdefault(name, [])
        low = 0.05 if name in ("log", "sqrt", "rsqrt") else None
        for d in ALL:
            for s in UNARY_SHAPES:
                x = T(s, d, low=low)
                cs.append(Case(f"{name}({d}{s})", fn(name), (x,)))
            x = T((3, 4), d, special=True)
            cs.append(Case(f"{name}({d} special)", fn(name), (x,)))
            for lay in LAYOUTS[1:]:
                cs.append(Case(f"{name}({d} {lay})", fn(name), (T((4, 3), d, lay),)))
            cs.append(Case(f"{name} method {d}", meth(name), (T((3, 4), d),)))
            # in-place: method and function forms; in-place on a non-contiguous tensor
            for lay in ("contig", "t", "step", "expand"):
                cs.append(Case(f"{name}_ method {d} {lay}", meth(name + "_"), (T((4, 3), d, lay, low=low),),
                               same_object=0))
            cs.append(Case(f"{name}_ fn {d}", fn(name + "_"), (T((3, 4), d, low=low),), same_object=0))
            # out=: right dtype, other dtypes, wrong shape, non-contiguous out
            for od in ("float32", "int64", "bool", "float64", d):
                cs.append(Case(f"{name}(out={od}) {d}", fn_out(name), (T((3, 4), d, low=low), T((3, 4), od)),
                               same_object=1))
            cs.append(Case(f"{name}(out wrong shape) {d}", fn_out(name),
                           (T((3, 4), d, low=low), T((2,), d)), same_object=1))
            cs.append(Case(f"{name}(out empty) {d}", fn_out(name),
                           (T((3, 4), d, low=low), T((0,), d)), same_object=1))
            cs.append(Case(f"{name}(out t) {d}", fn_out(name),
                           (T((3, 4), d, low=low), T((3, 4), d, "t")), same_object=1, strides=True))
        cs.append(Case(f"{name}(python float)", fn(name), (2.0,)))
        cs.append(Case(f"{name}(input=kw)", lambda lib, x, _n=name: getattr(lib, _n)(input=x),
                       (T((3,)),)))
    return out


def _binop(name):
    return fn(name)


BINARY = ["add", "sub", "mul", "div", "pow", "maximum", "minimum", "eq", "ne", "lt", "le", "gt",
          "ge", "logical_and", "logical_or", "remainder", "fmod", "floor_divide", "bitwise_and", "bitwise_or",
          "bitwise_xor"]


def binary_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for name in BINARY:
        cs = out.setdefault(name, [])
        lo = 0.5 if name == "pow" else None
        for da, db in itertools.product(ALL, ALL):
            cs.append(Case(f"{name}({da},{db})", fn(name), (T((3, 4), da, low=lo, high=3 if lo else None),
                                                            T((4,), db, seed=1, low=0, high=3))))
        for d in ALL:
            for sa, sb in BINARY_SHAPES:
                cs.append(Case(f"{name}({d}{sa},{d}{sb})", fn(name),
                               (T(sa, d, low=lo), T(sb, d, seed=1, low=0 if lo else None, high=3 if lo else None))))
            for s in PY_SCALARS:
                cs.append(Case(f"{name}({d}, {s!r})", fn(name), (T((3, 4), d, low=lo), s)))
                cs.append(Case(f"{name}({d} 0-dim, {s!r})", fn(name), (T((), d, low=lo), s)))
                cs.append(Case(f"{name}({s!r}, {d})", fn(name), (s, T((3, 4), d, low=0 if lo else None,
                                                                        high=3 if lo else None))))
                cs.append(Case(f"{name} method ({d}, {s!r})", meth(name), (T((3, 4), d, low=lo), s)))
            for d0 in ALL:
                # 0-dim tensors take part in promotion only across categories
                cs.append(Case(f"{name}({d}(3,4), 0-dim {d0})", fn(name),
                               (T((3, 4), d, low=lo), T((), d0, seed=2, low=0, high=3))))
            for lay in LAYOUTS[1:]:
                cs.append(Case(f"{name}({d} {lay})", fn(name), (T((4, 3), d, lay, low=lo), T((4, 3), d, lay, seed=3))))
            # in-place (method): same dtype, promotion into self, broadcast into self, self broadcast
            for db in ALL:
                cs.append(Case(f"{name}_({d}, {db})", meth(name + "_"), (T((3, 4), d, low=lo), T((4,), db, seed=1, low=0, high=3)),
                               same_object=0))
            cs.append(Case(f"{name}_({d} (1,4) += (3,4))", meth(name + "_"),
                           (T((1, 4), d, low=lo), T((3, 4), d, seed=1, low=0, high=3))))
            cs.append(Case(f"{name}_({d} t)", meth(name + "_"), (T((4, 3), d, "t", low=lo), T((3,), d, seed=1, low=0, high=3)),
                           same_object=0))
            cs.append(Case(f"{name}_({d} expanded)", meth(name + "_"), (T((4, 3), d, "expand", low=lo), T((3,), d, seed=1))))
            cs.append(Case(f"{name}_({d}, 2.5)", meth(name + "_"), (T((3, 4), d, low=lo), 2.5), same_object=0))
            cs.append(Case(f"{name}_({d}, 2)", meth(name + "_"), (T((3, 4), d, low=lo), 2), same_object=0))
            # out=
            for od in ("float32", "int64", "bool", "float16", d):
                cs.append(Case(f"{name}(out={od}) {d}", fn_out(name),
                               (T((3, 4), d, low=lo), T((4,), d, seed=1, low=0, high=3), T((3, 4), od)), same_object=2))
            cs.append(Case(f"{name}(out wrong shape) {d}", fn_out(name),
                           (T((3, 4), d, low=lo), T((4,), d, seed=1), T((5,), d)), same_object=2))
            cs.append(Case(f"{name}(out=scalar arg) {d}", fn_out(name),
                           (T((3, 4), d, low=lo), 2, T((3, 4), d)), same_object=2))
            cs.append(Case(f"{name}(out is input) {d}", lambda lib, a, b, _n=name: getattr(lib, _n)(a, b, out=a),
                           (T((3, 4), d, low=lo), T((3, 4), d, seed=1, low=0, high=3))))
        cs.append(Case(f"{name}(kw input/other)", lambda lib, a, b, _n=name: getattr(lib, _n)(input=a, other=b)
                       if _n != "pow" else getattr(lib, _n)(a, exponent=b), (T((3,)), T((3,), seed=1))))
        cs.append(Case(f"{name}(scalar, scalar)", fn(name), (2, 3)))
        cs.append(Case(f"{name}(list)", fn(name), (T((3,)), [1.0, 2.0, 3.0])))
        cs.append(Case(f"{name}(str)", fn(name), (T((3,)), "a")))
        cs.append(Case(f"{name}(None)", fn(name), (T((3,)), None)))
    # alpha, rounding_mode
    for name in ("add", "sub"):
        cs = out[name]
        for d in ALL:
            for alpha in (2, 0.5, True, -1):
                cs.append(Case(f"{name}({d}, alpha={alpha})", fn(name, alpha=alpha), (T((3, 4), d), T((4,), d, seed=1))))
                cs.append(Case(f"{name}_({d}, alpha={alpha})", meth(name + "_", alpha=alpha),
                               (T((3, 4), d), T((4,), d, seed=1))))
                cs.append(Case(f"{name}({d}, scalar, alpha={alpha})", fn(name, alpha=alpha), (T((3, 4), d), 3)))
    cs = out["div"]
    for d in ALL:
        for mode in ("trunc", "floor", None, "bad"):
            cs.append(Case(f"div({d}, mode={mode})", fn("div", rounding_mode=mode),
                           (T((3, 4), d, low=-9, high=9), T((4,), d, seed=1, low=1, high=4))))
            cs.append(Case(f"div({d}, zero, mode={mode})", fn("div", rounding_mode=mode),
                           (T((3, 4), d), T((4,), d, seed=1, low=0, high=0))))
            cs.append(Case(f"div_({d}, mode={mode})", meth("div_", rounding_mode=mode),
                           (T((3, 4), d, low=-9, high=9), T((4,), d, seed=1, low=1, high=4))))
            cs.append(Case(f"div({d}, -2.5, mode={mode})", fn("div", rounding_mode=mode), (T((3, 4), d), -2.5)))
            cs.append(Case(f"div({d}, -2, mode={mode})", fn("div", rounding_mode=mode), (T((3, 4), d), -2)))
    cs = out["pow"]
    for d in ALL:
        for e in (0, 1, 2, 3, -1, -2, 0.5, 2.0, -0.5, True):
            cs.append(Case(f"pow({d}, {e})", fn("pow"), (T((3, 4), d, low=1, high=4), e)))
            cs.append(Case(f"pow({e}, {d})", fn("pow"), (e, T((3, 4), d, low=0, high=3))))
            cs.append(Case(f"pow_({d}, {e})", meth("pow_"), (T((3, 4), d, low=1, high=4), e)))
        cs.append(Case(f"pow({d} int, negative)", fn("pow"), (T((3, 4), d, low=-3, high=3), T((4,), d, low=-2, high=3, seed=4))))
        cs.append(Case(f"pow({d}, special)", fn("pow"), (T((3, 4), d, special=True), T((3, 4), d, seed=5))))
    return out


def operator_cases() -> dict[str, list[Case]]:
    """Python operators on tensors: + - * / // % ** @ comparisons, & | ^ ~ on bools,
    unary -, +, abs(), reflected forms, in-place forms."""
    ops = {"+": _op.add, "-": _op.sub, "*": _op.mul, "/": _op.truediv, "//": _op.floordiv,
           "%": _op.mod, "**": _op.pow, "==": _op.eq, "!=": _op.ne, "<": _op.lt, "<=": _op.le,
           ">": _op.gt, ">=": _op.ge, "&": _op.and_, "|": _op.or_, "^": _op.xor}
    iops = {"+=": _op.iadd, "-=": _op.isub, "*=": _op.imul, "/=": _op.itruediv, "//=": _op.ifloordiv,
            "%=": _op.imod, "**=": _op.ipow}
    cs: list[Case] = []
    for sym, f in ops.items():
        for d in ALL:
            hi = 3 if sym == "**" else None
            lo = 1 if sym in ("//", "%") else (0 if sym == "**" else None)
            cs.append(Case(f"t {sym} t ({d})", lambda lib, a, b, f=f: f(a, b), (T((3, 4), d, high=hi), T((4,), d, seed=1, low=lo, high=hi))))
            for s in (2, 2.5, True, -1):
                cs.append(Case(f"t {sym} {s!r} ({d})", lambda lib, a, s=s, f=f: f(a, s), (T((3, 4), d, high=hi, low=0 if hi else None),)))
                cs.append(Case(f"{s!r} {sym} t ({d})", lambda lib, a, s=s, f=f: f(s, a), (T((3, 4), d, low=lo, high=hi),)))
            cs.append(Case(f"t {sym} 0-dim ({d})", lambda lib, a, b, f=f: f(a, b), (T((3, 4), d, high=hi), T((), "float64", low=1, high=2))))
    for sym, f in iops.items():
        for d in ALL:
            cs.append(Case(f"t {sym} t ({d})", lambda lib, a, b, f=f: f(a, b), (T((3, 4), d, high=3), T((4,), d, seed=1, low=1, high=3)),
                           same_object=0))
            cs.append(Case(f"t {sym} 2.5 ({d})", lambda lib, a, f=f: f(a, 2.5), (T((3, 4), d, high=3),), same_object=0))
            cs.append(Case(f"t {sym} 2 ({d})", lambda lib, a, f=f: f(a, 2), (T((3, 4), d, high=3),), same_object=0))
    for d in ALL:
        cs.append(Case(f"-t ({d})", lambda lib, a: -a, (T((3, 4), d),)))
        cs.append(Case(f"+t ({d})", lambda lib, a: +a, (T((3, 4), d),)))
        cs.append(Case(f"~t ({d})", lambda lib, a: ~a, (T((3, 4), d),)))
        cs.append(Case(f"abs(t) ({d})", lambda lib, a: abs(a), (T((3, 4), d),)))
        cs.append(Case(f"t @ t ({d})", lambda lib, a, b: a @ b, (T((3, 4), d), T((4, 2), d, seed=1))))
        for conv in (float, int, bool, complex):
            cs.append(Case(f"{conv.__name__}(t) ({d})", lambda lib, a, c=conv: c(a), (T((), d),)))
            cs.append(Case(f"{conv.__name__}(t 1-elem) ({d})", lambda lib, a, c=conv: c(a), (T((1, 1), d),)))
            cs.append(Case(f"{conv.__name__}(t 3-elem) ({d})", lambda lib, a, c=conv: c(a), (T((3,), d),)))
        cs.append(Case(f"index(t) ({d})", lambda lib, a: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100][a], (T((), d, low=0, high=5),)))
        cs.append(Case(f"bool(empty) ({d})", lambda lib, a: bool(a), (T((0,), d),)))
    cs.append(Case("t == None", lambda lib, a: a == None, (T((3,)),)))
    cs.append(Case("t != None", lambda lib, a: a != None, (T((3,)),)))
    cs.append(Case("t + 'x'", lambda lib, a: a + "x", (T((3,)),)))
    cs.append(Case("t + [1]", lambda lib, a: a + [1], (T((3,)),)))
    cs.append(Case("t < 'x'", lambda lib, a: a < "x", (T((3,)),)))
    return {"operators": cs}


REDUCE_SHAPES = [(), (0,), (5,), (3, 4), (2, 3, 4), (0, 3), (3, 0)]


def reduction_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for name in ("sum", "mean", "prod"):
        cs = out.setdefault(name, [])
        for d in ALL:
            for s in REDUCE_SHAPES:
                x = T(s, d, low=-2 if name == "prod" else None, high=2 if name == "prod" else None)
                cs.append(Case(f"{name}({d}{s})", fn(name), (x,), rtol=1e-4))
                cs.append(Case(f"{name} method ({d}{s})", meth(name), (x,), rtol=1e-4))
                for dim in range(-len(s), len(s)):
                    for kd in (False, True):
                        cs.append(Case(f"{name}({d}{s}, {dim}, keepdim={kd})", fn(name), (x, dim, kd), rtol=1e-4))
                if len(s) == 0:
                    cs.append(Case(f"{name}({d}(), dim=0)", fn(name), (x, 0), rtol=1e-4))
                    cs.append(Case(f"{name}({d}(), dim=-1)", fn(name), (x, -1), rtol=1e-4))
                    cs.append(Case(f"{name}({d}(), dim=1)", fn(name), (x, 1), rtol=1e-4))
                cs.append(Case(f"{name}({d}{s}, dim=len)", fn(name), (x, len(s) + 1)))
            x = T((2, 3, 4), d, low=-2, high=2)
            if name != "prod":
                for dims in ((0, 2), (-1, 0), (1,), [0, 1, 2], (), (0, 0), None):
                    cs.append(Case(f"{name}({d}, dim={dims})", lambda lib, a, _n=name, dims=dims: getattr(lib, _n)(a, dims), (x,), rtol=1e-4))
                    cs.append(Case(f"{name}({d}, dim={dims}, keepdim)",
                                   lambda lib, a, _n=name, dims=dims: getattr(a, _n)(dim=dims, keepdim=True), (x,), rtol=1e-4))
            for od in ("float64", "float32", "int64", "int32", "bool", "float16"):
                cs.append(Case(f"{name}({d}, dtype={od})", fn(name, dtype=D(od)), (x,), rtol=1e-3))
                cs.append(Case(f"{name}({d}, 1, dtype={od})", lambda lib, a, _n=name, od=od: getattr(lib, _n)(a, 1, dtype=getattr(lib, od)),
                               (x,), rtol=1e-3))
                cs.append(Case(f"{name}({d}, 1, out={od})", lambda lib, a, o, _n=name: getattr(lib, _n)(a, 1, out=o),
                               (x, T((2, 4), od)), rtol=1e-3, same_object=1))
            cs.append(Case(f"{name}({d}, 1, out wrong shape)", lambda lib, a, o, _n=name: getattr(lib, _n)(a, 1, out=o),
                           (x, T((7,), d)), rtol=1e-3, same_object=1))
            for lay in LAYOUTS[1:]:
                cs.append(Case(f"{name}({d} {lay})", fn(name), (T((4, 3), d, lay, low=-2, high=2),), rtol=1e-4))
                cs.append(Case(f"{name}({d} {lay}, 1)", fn(name), (T((4, 3), d, lay, low=-2, high=2), 1), rtol=1e-4))
            cs.append(Case(f"{name}({d} special, 1)", fn(name), (T((4, 3), d, special=True), 1), rtol=1e-4))
            cs.append(Case(f"{name}({d}, dim=1, keepdim kw)", lambda lib, a, _n=name: getattr(lib, _n)(a, dim=1, keepdim=True),
                           (x,), rtol=1e-4))
            cs.append(Case(f"{name}({d}, axis=1)", lambda lib, a, _n=name: getattr(lib, _n)(a, axis=1), (x,), rtol=1e-4))
            cs.append(Case(f"{name} method ({d}, axis=1)", lambda lib, a, _n=name: getattr(a, _n)(axis=1), (x,), rtol=1e-4))
        cs.append(Case(f"{name}(big f32)", fn(name), (T((1000, 37), "float32", high=1, low=0),), rtol=1e-4))
        cs.append(Case(f"{name}(big f16)", fn(name), (T((600,), "float16", high=0.1, low=0),), rtol=1e-2))
    # max / min / argmax / argmin
    for name in ("max", "min", "argmax", "argmin"):
        cs = out.setdefault(name, [])
        for d in ALL:
            for s in REDUCE_SHAPES:
                x = T(s, d)
                cs.append(Case(f"{name}({d}{s})", fn(name), (x,)))
                for dim in range(-len(s), len(s)):
                    for kd in (False, True):
                        cs.append(Case(f"{name}({d}{s}, {dim}, {kd})", fn(name), (x, dim, kd)))
                        cs.append(Case(f"{name} method ({d}{s}, dim={dim}, keepdim={kd})",
                                       lambda lib, a, dim=dim, kd=kd, _n=name: getattr(a, _n)(dim=dim, keepdim=kd), (x,)))
                if len(s) == 0:
                    for dim in (0, -1, 1):
                        cs.append(Case(f"{name}({d}(), {dim})", fn(name), (x, dim)))
            for lay in LAYOUTS[1:]:
                cs.append(Case(f"{name}({d} {lay}, 1)", fn(name), (T((4, 3), d, lay), 1)))
                cs.append(Case(f"{name}({d} {lay})", fn(name), (T((4, 3), d, lay),)))
            cs.append(Case(f"{name}({d} special)", fn(name), (T((4, 3), d, special=True),)))
            cs.append(Case(f"{name}({d} special, 1)", fn(name), (T((4, 3), d, special=True), 1)))
            cs.append(Case(f"{name}({d} ties, 1)", fn(name), (T((4, 6), d, low=0, high=1), 1)))
            cs.append(Case(f"{name}({d} ties)", fn(name), (T((4, 6), d, low=0, high=1),)))
            if name in ("max", "min"):
                cs.append(Case(f"{name}({d}, other)", fn(name), (T((3, 4), d), T((4,), d, seed=1))))
                cs.append(Case(f"{name}({d}, dim, out=)", lambda lib, a, v, i, _n=name: getattr(lib, _n)(a, 1, out=(v, i)),
                               (T((3, 4), d), T((3,), d), T((3,), "int64"))))
                cs.append(Case(f"{name}({d}).values", lambda lib, a, _n=name: getattr(a, _n)(1).values, (T((3, 4), d),)))
                cs.append(Case(f"{name}({d}).indices", lambda lib, a, _n=name: getattr(a, _n)(1).indices, (T((3, 4), d),)))
                cs.append(Case(f"{name}({d})[1]", lambda lib, a, _n=name: getattr(a, _n)(1)[1], (T((3, 4), d),)))
                cs.append(Case(f"{name}({d}, 2.0)", fn(name), (T((3, 4), d), 2.0)))
            else:
                cs.append(Case(f"{name}({d}, dim=None, keepdim=True)", fn(name, dim=None, keepdim=True), (T((3, 4), d),)))
                cs.append(Case(f"{name}({d}, out=)", lambda lib, a, o, _n=name: getattr(lib, _n)(a, 1, out=o),
                               (T((3, 4), d), T((3,), "int64")), same_object=1))
                cs.append(Case(f"{name}({d}, out=int32)", lambda lib, a, o, _n=name: getattr(lib, _n)(a, 1, out=o),
                               (T((3, 4), d), T((3,), "int32"))))
    # any / all: truth values, bool results (uint8 for uint8), empty reductions
    for name in ("any", "all"):
        cs = out.setdefault(name, [])
        for d in ALL:
            for s in REDUCE_SHAPES:
                x = T(s, d, low=0, high=1)
                cs.append(Case(f"{name}({d}{s})", fn(name), (x,)))
                cs.append(Case(f"{name} method ({d}{s})", meth(name), (x,)))
                for dim in range(-len(s), len(s)):
                    for kd in (False, True):
                        cs.append(Case(f"{name}({d}{s}, {dim}, keepdim={kd})", fn(name), (x, dim, kd)))
            x = T((2, 3, 4), d, low=0, high=1)
            for dims in ((0, 2), (1,), None):
                cs.append(Case(f"{name}({d}, dim={dims})", lambda lib, a, _n=name, dims=dims: getattr(lib, _n)(a, dim=dims), (x,)))
            cs.append(Case(f"{name}({d} special)", fn(name), (T((4, 3), d, special=True),)))
            for lay in LAYOUTS[1:]:
                cs.append(Case(f"{name}({d} {lay}, 1)", fn(name), (T((4, 3), d, lay, low=0, high=1), 1)))
            for od in ("bool", "uint8", "float32"):
                cs.append(Case(f"{name}({d}, 1, out={od})", lambda lib, a, o, _n=name: getattr(lib, _n)(a, 1, out=o),
                               (x, T((2, 4), od)), same_object=1))
    # var / std: correction, unbiased, dims, keepdim, out=
    for name in ("var", "std"):
        cs = out.setdefault(name, [])
        for d in ALL:
            for s in REDUCE_SHAPES:
                x = T(s, d)
                cs.append(Case(f"{name}({d}{s})", fn(name), (x,), rtol=1e-3))
                for dim in range(-len(s), len(s)):
                    cs.append(Case(f"{name}({d}{s}, {dim})", fn(name), (x, dim), rtol=1e-3))
            x = T((2, 3, 4), d)
            for dims in ((0, 2), (1,), None):
                for kd in (False, True):
                    cs.append(Case(f"{name}({d}, dim={dims}, keepdim={kd})",
                                   lambda lib, a, _n=name, dims=dims, kd=kd: getattr(a, _n)(dim=dims, keepdim=kd), (x,), rtol=1e-3))
            for c in (0, 1, 2, 0.5, 24):
                cs.append(Case(f"{name}({d}, correction={c})", fn(name, correction=c), (x,), rtol=1e-3))
                cs.append(Case(f"{name}({d}, 1, correction={c})", lambda lib, a, _n=name, c=c: getattr(lib, _n)(a, 1, correction=c),
                               (x,), rtol=1e-3))
            for ub in (True, False):
                cs.append(Case(f"{name}({d}, unbiased={ub})", lambda lib, a, _n=name, ub=ub: getattr(lib, _n)(a, unbiased=ub), (x,), rtol=1e-3))
                cs.append(Case(f"{name}({d}, 1, {ub})", fn(name), (x, 1, ub), rtol=1e-3))
            cs.append(Case(f"{name}({d} special, 1)", fn(name), (T((4, 3), d, special=True), 1), rtol=1e-3))
            cs.append(Case(f"{name}({d} t, 1)", fn(name), (T((4, 3), d, "t"), 1), rtol=1e-3))
            for od in ("float32", "float64"):
                cs.append(Case(f"{name}({d}, 1, out={od})", lambda lib, a, o, _n=name: getattr(lib, _n)(a, 1, out=o),
                               (x, T((2, 4), od)), rtol=1e-3, same_object=1))
        cs.append(Case(f"{name}(large mean)", fn(name), (T((1000,), "float32", low=1e4, high=1e4 + 1),), rtol=1e-3))
    # softmax / log_softmax
    for name in ("softmax", "log_softmax"):
        cs = out.setdefault(name, [])
        for d in ALL:
            for s in ((), (0,), (5,), (3, 4), (2, 3, 4), (0, 3)):
                for dim in range(-max(len(s), 1), max(len(s), 1)):
                    cs.append(Case(f"{name}({d}{s}, {dim})", fn(name), (T(s, d), dim), rtol=1e-4))
            cs.append(Case(f"{name}({d}, dim=5)", fn(name), (T((3, 4), d), 5)))
            for od in ("float64", "float32", "float16", "int64"):
                cs.append(Case(f"{name}({d}, 1, dtype={od})", fn(name, dtype=D(od)), (T((3, 4), d), 1), rtol=1e-4))
                cs.append(Case(f"{name}({d}, 1, out={od})", lambda lib, a, o, _n=name: getattr(lib, _n)(a, 1, out=o),
                               (T((3, 4), d), T((3, 4), od)), rtol=1e-4))
            cs.append(Case(f"{name}({d} special)", fn(name), (T((3, 4), d, special=True), 1), rtol=1e-4))
            for lay in LAYOUTS[1:]:
                cs.append(Case(f"{name}({d} {lay})", fn(name), (T((4, 3), d, lay), 0), rtol=1e-4))
            cs.append(Case(f"{name} method({d}, dim=-1)", lambda lib, a, _n=name: getattr(a, _n)(dim=-1), (T((3, 4), d),), rtol=1e-4))
            cs.append(Case(f"{name} method({d}, -1, dtype)", lambda lib, a, _n=name: getattr(a, _n)(-1, lib.float64),
                           (T((3, 4), d),), rtol=1e-4))
            cs.append(Case(f"{name}({d}, large)", fn(name), (T((3, 4), d, low=-80, high=80), 1), rtol=1e-4))
        cs.append(Case(f"{name}(no dim)", lambda lib, a, _n=name: getattr(lib, _n)(a), (T((3, 4)),)))
    return out


def matmul_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    mm_shapes = [((3, 4), (4, 5)), ((0, 4), (4, 5)), ((3, 0), (0, 5)), ((3, 4), (5, 4)), ((4,), (4, 5)),
                 ((1, 1), (1, 1))]
    for d in ALL:
        cs = out.setdefault("mm", [])
        for a, b in mm_shapes:
            cs.append(Case(f"mm({d}{a},{b})", fn("mm"), (T(a, d), T(b, d, seed=1)), rtol=1e-3))
        cs.append(Case(f"mm({d} t, t)", fn("mm"), (T((3, 4), d, "t"), T((4, 5), d, "t", seed=1)), rtol=1e-3))
        cs.append(Case(f"mm({d} step, expand)", fn("mm"), (T((3, 4), d, "step"), T((4, 5), d, "expand", seed=1)), rtol=1e-3))
        cs.append(Case(f"mm({d}, f64)", fn("mm"), (T((3, 4), d), T((4, 5), "float64", seed=1)), rtol=1e-3))
        cs.append(Case(f"mm({d}, out)", fn_out("mm"), (T((3, 4), d), T((4, 5), d, seed=1), T((3, 5), d)), rtol=1e-3, same_object=2))
        cs.append(Case(f"mm({d}, out wrong dtype)", fn_out("mm"), (T((3, 4), d), T((4, 5), d, seed=1), T((3, 5), "float64")), rtol=1e-3))
        cs.append(Case(f"mm({d}, out wrong shape)", fn_out("mm"), (T((3, 4), d), T((4, 5), d, seed=1), T((2,), d)), rtol=1e-3))
        cs = out.setdefault("bmm", [])
        for a, b in [((2, 3, 4), (2, 4, 5)), ((2, 3, 4), (1, 4, 5)), ((0, 3, 4), (0, 4, 5)), ((2, 3, 4), (4, 5)),
                     ((2, 3, 0), (2, 0, 5))]:
            cs.append(Case(f"bmm({d}{a},{b})", fn("bmm"), (T(a, d), T(b, d, seed=1)), rtol=1e-3))
        cs.append(Case(f"bmm({d} t)", fn("bmm"), (T((2, 3, 4), d, "t"), T((2, 4, 5), d, "step", seed=1)), rtol=1e-3))
        cs.append(Case(f"bmm({d}, out)", fn_out("bmm"), (T((2, 3, 4), d), T((2, 4, 5), d, seed=1), T((2, 3, 5), d)), rtol=1e-3))
        cs = out.setdefault("matmul", [])
        for a, b in [((4,), (4,)), ((3, 4), (4,)), ((4,), (4, 5)), ((3, 4), (4, 5)), ((2, 3, 4), (4,)),
                     ((4,), (2, 4, 5)), ((2, 3, 4), (4, 5)), ((3, 4), (2, 4, 5)), ((2, 1, 3, 4), (5, 4, 2)),
                     ((0, 3, 4), (4, 2)), ((3,), (4,)), ((), (3,)), ((2, 3, 4), (3, 4, 5)), ((0,), (0,))]:
            cs.append(Case(f"matmul({d}{a},{b})", fn("matmul"), (T(a, d), T(b, d, seed=1)), rtol=1e-3))
        cs.append(Case(f"matmul({d} t)", fn("matmul"), (T((2, 3, 4), d, "t"), T((4, 5), d, "expand", seed=1)), rtol=1e-3))
        cs.append(Case(f"matmul({d}, out)", fn_out("matmul"), (T((3, 4), d), T((4, 5), d, seed=1), T((3, 5), d)), rtol=1e-3))
        cs.append(Case(f"matmul({d}, int32 other)", fn("matmul"), (T((3, 4), d), T((4, 5), "int32", seed=1)), rtol=1e-3))
        cs.append(Case(f"matmul method({d})", meth("matmul"), (T((3, 4), d), T((4, 5), d, seed=1)), rtol=1e-3))
        cs = out.setdefault("addmm", [])
        for s in ((3, 5), (5,), (), (1, 5), (3, 1), (2, 5)):
            cs.append(Case(f"addmm({d}{s})", fn("addmm"), (T(s, d), T((3, 4), d, seed=1), T((4, 5), d, seed=2)), rtol=1e-3))
        for beta, alpha in ((0, 1), (2, 0.5), (0.5, 2), (1, 0), (True, False)):
            x = T((3, 5), d, special=True)
            cs.append(Case(f"addmm({d}, beta={beta}, alpha={alpha})", fn("addmm", beta=beta, alpha=alpha),
                           (x, T((3, 4), d, seed=1), T((4, 5), d, seed=2)), rtol=1e-3))
        cs.append(Case(f"addmm_({d})", meth("addmm_"), (T((3, 5), d), T((3, 4), d, seed=1), T((4, 5), d, seed=2)), rtol=1e-3,
                       same_object=0))
        cs.append(Case(f"addmm_({d} bcast self)", meth("addmm_"), (T((5,), d), T((3, 4), d, seed=1), T((4, 5), d, seed=2)), rtol=1e-3))
        cs.append(Case(f"addmm({d}, out)", fn_out("addmm"), (T((3, 5), d), T((3, 4), d, seed=1), T((4, 5), d, seed=2), T((3, 5), d)),
                       rtol=1e-3, same_object=3))
    return out


def shape_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}

    def add(group, name, call, args, **kw):
        out.setdefault(group, []).append(Case(name, call, args, strides=True, **kw))

    for d in ("float32", "int64", "bool", "bfloat16"):
        for lay in LAYOUTS:
            x = T((2, 3, 4), d, lay)
            for shp in ((24,), (6, 4), (-1,), (2, -1), (4, 3, 2), (-1, -1), (5, 5), (0,), (2, 3, 4, 1)):
                add("view", f"view({lay}, {shp})", lambda lib, a, shp=shp: a.view(shp), (x,))
                add("view", f"view(*{shp}) {lay}", lambda lib, a, shp=shp: a.view(*shp), (x,))
                add("reshape", f"reshape({lay}, {shp})", lambda lib, a, shp=shp: a.reshape(shp), (x,))
                add("reshape", f"fn reshape({lay}, {shp})", lambda lib, a, shp=shp: lib.reshape(a, shp), (x,))
            for dims in ((0, 1), (-1, 0), (2, 2), (0, 3), (-4, 0)):
                add("transpose", f"transpose({lay}, {dims})", lambda lib, a, dims=dims: a.transpose(*dims), (x,))
                add("transpose", f"transpose_({lay}, {dims})", lambda lib, a, dims=dims: a.transpose_(*dims), (x,), same_object=0)
            for dims in ((0, 1, 2), (2, 0, 1), (-1, 0, 1), (0, 1), (0, 0, 1), (0, 1, 3)):
                add("permute", f"permute({lay}, {dims})", lambda lib, a, dims=dims: a.permute(*dims), (x,))
                add("permute", f"permute(tuple {lay}, {dims})", lambda lib, a, dims=dims: a.permute(dims), (x,))
            for a_, b_ in ((0, -1), (1, 2), (0, 1), (-2, -1), (0, 5), (2, 1)):
                add("flatten", f"flatten({lay}, {a_}, {b_})", lambda lib, a, a_=a_, b_=b_: a.flatten(a_, b_), (x,))
            add("flatten", f"flatten({lay})", lambda lib, a: a.flatten(), (x,))
            add("flatten", "flatten 0-dim", lambda lib, a: a.flatten(), (T((), d),))
            for dim in (0, 1, 2, 3, -1, -4, 4, -5):
                add("unsqueeze", f"unsqueeze({lay}, {dim})", lambda lib, a, dim=dim: a.unsqueeze(dim), (x,))
            add("unsqueeze", f"unsqueeze_({lay})", lambda lib, a: a.unsqueeze_(1), (x,), same_object=0)
            y = T((1, 3, 1, 4), d, lay)
            for dim in (None, 0, 1, 2, -2, 4, (0, 2), (0, 1), ()):
                if dim is None:
                    add("squeeze", f"squeeze({lay})", lambda lib, a: a.squeeze(), (y,))
                else:
                    add("squeeze", f"squeeze({lay}, {dim})", lambda lib, a, dim=dim: a.squeeze(dim), (y,))
                    add("squeeze", f"fn squeeze({lay}, {dim})", lambda lib, a, dim=dim: lib.squeeze(a, dim), (y,))
            add("squeeze", f"squeeze_({lay})", lambda lib, a: a.squeeze_(), (y,), same_object=0)
            add("squeeze", f"squeeze_({lay}, 0)", lambda lib, a: a.squeeze_(0), (y,), same_object=0)
            for args in ((0, 0, 1), (1, 1, 2), (-1, 1, 3), (2, 4, 1), (0, -1, 1), (0, 0, 0), (0, 2, 0), (0, 1, 5)):
                add("narrow", f"narrow({lay}, {args})", lambda lib, a, args=args: a.narrow(*args), (x,))
            for args in ((0, 1), (1, -1), (-1, 3), (0, 2), (2, -5), (3, 0)):
                add("select", f"select({lay}, {args})", lambda lib, a, args=args: a.select(*args), (x,))
            add("select", "select 0-dim", lambda lib, a: a.select(0, 0), (T((), d),))
            for shp in ((2, 3, 4), (3, 2, 3, 4), (-1, -1, 4), (2, -1, 4), (2, 3, 5), (2, 3), (0, 2, 3, 4), (2, 1, 4)):
                add("expand", f"expand({lay}, {shp})", lambda lib, a, shp=shp: a.expand(*shp), (x,))
            z = T((3, 1), d, lay)
            for shp in ((3, 4), (2, 3, 4), (3, -1), (-1, 4), (3, 0), (1, 4)):
                add("expand", f"expand((3,1) {lay}, {shp})", lambda lib, a, shp=shp: a.expand(shp), (z,))
            add("expand_as", f"expand_as({lay})", lambda lib, a, b: a.expand_as(b), (z, T((2, 3, 5), d)))
            add("view_as", f"view_as({lay})", lambda lib, a, b: a.view_as(b), (x, T((6, 4), d)))
            add("reshape_as", f"reshape_as({lay})", lambda lib, a, b: a.reshape_as(b), (x, T((6, 4), d)))
            add("t", f"t({lay} 2d)", lambda lib, a: a.t(), (T((3, 4), d, lay),))
            add("t", "t(1d)", lambda lib, a: a.t(), (T((3,), d),))
            add("t", "t(3d)", lambda lib, a: a.t(), (x,))
            add("t", f"fn t({lay})", lambda lib, a: lib.t(a), (T((3, 4), d, lay),))
            add("T", f"T({lay})", lambda lib, a: a.T, (T((3, 4), d, lay),))
            add("T", "T 1d", lambda lib, a: a.T, (T((3,), d),))
            add("mT", f"mT({lay})", lambda lib, a: a.mT, (x,))
            add("contiguous", f"contiguous({lay})", lambda lib, a: a.contiguous(), (x,))
            add("contiguous", f"is_contiguous({lay})", lambda lib, a: a.is_contiguous(), (x,))
            add("clone", f"clone({lay})", lambda lib, a: a.clone(), (x,))
            add("clone", f"clone({lay} contiguous_format)", lambda lib, a: a.clone(memory_format=lib.contiguous_format), (x,))
            add("clone", f"fn clone({lay})", lambda lib, a: lib.clone(a), (x,))
            add("detach", f"detach({lay})", lambda lib, a: a.detach(), (x,))
            add("as_strided", f"as_strided({lay})", lambda lib, a: a.as_strided((2, 2), (1, 2)), (x,))
            add("as_strided", f"as_strided({lay}, offset)", lambda lib, a: a.as_strided((2, 2), (1, 2), 3), (x,))
            add("as_strided", f"as_strided({lay}, too big)", lambda lib, a: a.as_strided((20, 20), (1, 20)), (x,))
            add("size", f"size({lay})", lambda lib, a: (a.size(), a.size(-1), a.shape, a.dim(), a.ndim, a.numel(), len(a)), (x,))
            add("size", "size(3)", lambda lib, a: a.size(3), (x,))
            add("stride", f"stride({lay})", lambda lib, a: (a.stride(), a.stride(-1), a.storage_offset()), (x,))
            add("stride", "stride(5)", lambda lib, a: a.stride(5), (x,))
        add("view", f"view dtype {d}", lambda lib, a: a.view(lib.int32), (T((2, 4), d),))
        add("view", f"view dtype {d} -> uint8", lambda lib, a: a.view(lib.uint8), (T((2, 4), d),))
        add("view", f"view dtype {d} t -> int16", lambda lib, a: a.view(lib.int16), (T((4, 4), d, "t"),))
        add("view", f"view non-viewable {d}", lambda lib, a: a.view(-1), (T((3, 4), d, "t"),))
        add("view", f"view 0-dim {d}", lambda lib, a: a.view(1, 1), (T((), d),))
        add("view", f"view empty {d}", lambda lib, a: a.view(0, -1), (T((0, 3), d),))
        add("view", f"view empty -1 {d}", lambda lib, a: a.view(-1, 0), (T((0, 3), d),))
        add("reshape", f"reshape 0-dim {d}", lambda lib, a: a.reshape(()), (T((1,), d),))
        add("reshape", f"reshape -1 -1 {d}", lambda lib, a: a.reshape(-1, -1), (T((3, 4), d),))
        add("reshape", f"reshape bad {d}", lambda lib, a: a.reshape(5), (T((3, 4), d),))
        add("reshape", f"reshape float {d}", lambda lib, a: a.reshape(2.0, 6), (T((3, 4), d),))
        add("slice", f"slice fn {d}", lambda lib, a: lib.slice(a, 0, 1, 3) if hasattr(lib, "slice") else a[1:3], (T((4, 3), d),))
    out["resize_"] = [
        Case("resize_ grow", lambda lib, a: a.resize_(4, 4).shape, (T((2, 3)),), values=False),
        Case("resize_ shrink", lambda lib, a: a.resize_(2), (T((2, 3)),), same_object=0),
        Case("resize_ same", lambda lib, a: a.resize_(2, 3), (T((2, 3)),), same_object=0),
        Case("resize_ tuple", lambda lib, a: a.resize_((3, 2)), (T((2, 3)),), same_object=0, strides=True),
        Case("resize_ neg", lambda lib, a: a.resize_(-1), (T((2, 3)),)),
    ]
    return out


def join_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for name in ("cat", "stack"):
        cs = out.setdefault(name, [])
        for d in ALL:
            for dim in (0, 1, -1, -2, 2, -3, 3):
                cs.append(Case(f"{name}({d}, {dim})", fn(name), ([T((2, 3), d), T((2, 3), d, seed=1)], dim)))
            cs.append(Case(f"{name}({d}, dim=kw)", lambda lib, ts, _n=name: getattr(lib, _n)(ts, dim=1),
                           ([T((2, 3), d), T((2, 3), d, seed=1)],)))
            cs.append(Case(f"{name}({d}, tuple)", lambda lib, a, b, _n=name: getattr(lib, _n)((a, b)),
                           (T((2, 3), d), T((2, 3), d, seed=1))))
            cs.append(Case(f"{name}({d}, one)", fn(name), ([T((2, 3), d)],)))
            cs.append(Case(f"{name}({d}, noncontig)", fn(name), ([T((3, 3), d, "t"), T((3, 3), d, "step", seed=1),
                                                                 T((3, 3), d, "expand", seed=2)], 1)))
            cs.append(Case(f"{name}({d}, 0-dim)", fn(name), ([T((), d), T((), d, seed=1)],)))
            for d2 in ALL:
                cs.append(Case(f"{name}({d}, {d2})", fn(name), ([T((2, 3), d), T((2, 3), d2, seed=1)],)))
            cs.append(Case(f"{name}({d}, out)", lambda lib, a, b, o, _n=name: getattr(lib, _n)([a, b], out=o),
                           (T((2, 3), d), T((2, 3), d, seed=1), T((4, 3) if name == "cat" else (2, 2, 3), d)), same_object=2))
            cs.append(Case(f"{name}({d}, out wrong shape)", lambda lib, a, b, o, _n=name: getattr(lib, _n)([a, b], out=o),
                           (T((2, 3), d), T((2, 3), d, seed=1), T((1,), d)), same_object=2))
            cs.append(Case(f"{name}({d}, out f64)", lambda lib, a, b, o, _n=name: getattr(lib, _n)([a, b], out=o),
                           (T((2, 3), d), T((2, 3), d, seed=1), T((4, 3) if name == "cat" else (2, 2, 3), "float64"))))
            cs.append(Case(f"{name}({d}, out int8)", lambda lib, a, b, o, _n=name: getattr(lib, _n)([a, b], out=o),
                           (T((2, 3), d), T((2, 3), d, seed=1), T((4, 3) if name == "cat" else (2, 2, 3), "int8"))))
        cs.append(Case(f"{name}(mismatch)", fn(name), ([T((2, 3)), T((2, 4), seed=1)],)))
        cs.append(Case(f"{name}(mismatch dim1)", fn(name), ([T((2, 3)), T((3, 3), seed=1)], 1)))
        cs.append(Case(f"{name}(ndim mismatch)", fn(name), ([T((2, 3)), T((3,), seed=1)],)))
        cs.append(Case(f"{name}([])", fn(name), ([],)))
        cs.append(Case(f"{name}(empty legacy)", fn(name), ([T((0,)), T((2, 3), seed=1)],)))
        cs.append(Case(f"{name}(empty 2d)", fn(name), ([T((0, 3)), T((2, 3), seed=1)],)))
        cs.append(Case(f"{name}(tensor not list)", fn(name), (T((2, 3)),)))
        cs.append(Case(f"{name}(number in list)", fn(name), ([T((2, 3)), 1],)))
        cs.append(Case(f"{name}(many)", fn(name), ([T((1, 3), seed=i) for i in range(20)], 0)))
        cs.append(Case(f"{name}(big noncontig)", fn(name), ([T((40, 30), "float32", "t"), T((40, 30), "float64", seed=1)], 1)))
    return out


def creation_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}

    def add(group, name, call, args=(), **kw):
        out.setdefault(group, []).append(Case(name, call, args, **kw))

    for f in ("zeros", "ones", "empty"):
        vals = f != "empty"
        for size in ((), (0,), (3,), (2, 3), [2, 3]):
            add(f, f"{f}({size})", lambda lib, f=f, size=size: getattr(lib, f)(size), values=vals, strides=True)
            add(f, f"{f}(*{size})", lambda lib, f=f, size=size: getattr(lib, f)(*size), values=vals)
            for d in ALL:
                add(f, f"{f}({size}, {d})", lambda lib, f=f, size=size, d=d: getattr(lib, f)(size, dtype=getattr(lib, d)), values=vals)
        add(f, f"{f}(-1)", lambda lib, f=f: getattr(lib, f)(-1), values=vals)
        add(f, f"{f}(2.5)", lambda lib, f=f: getattr(lib, f)(2.5), values=vals)
        add(f, f"{f}(size=)", lambda lib, f=f: getattr(lib, f)(size=(2, 3)), values=vals)
        add(f, f"{f}(Size)", lambda lib, f=f: getattr(lib, f)(lib.Size([2, 3])), values=vals)
        add(f, f"{f}(0-dim tensor)", lambda lib, a, f=f: getattr(lib, f)(a), (T((), "int64", low=2, high=3),), values=vals)
        add(f, f"{f}(device=cpu)", lambda lib, f=f: getattr(lib, f)(2, device="cpu"), values=vals)
        add(f, f"{f}(out=)", lambda lib, o, f=f: getattr(lib, f)(2, 3, out=o), (T((4,)),), values=vals)
        add(f, f"{f}(requires_grad)", lambda lib, f=f: getattr(lib, f)(2, requires_grad=False), values=vals)
        like = f + "_like"
        for d in ALL:
            for lay in ("contig", "t", "step", "expand"):
                add(like, f"{like}({d} {lay})", lambda lib, a, like=like: getattr(lib, like)(a), (T((3, 4), d, lay),), values=vals,
                    strides=True, alias=False)
            add(like, f"{like}({d}, dtype=f64)", lambda lib, a, like=like: getattr(lib, like)(a, dtype=lib.float64), (T((3, 4), d),),
                values=vals)
    for d in ALL:
        for v in (2, 2.5, True, -1, 300, float("inf")):
            add("full", f"full({v}, {d})", lambda lib, v=v, d=d: lib.full((2, 3), v, dtype=getattr(lib, d)))
        add("full_like", f"full_like({d}, 2.5)", lambda lib, a: lib.full_like(a, 2.5), (T((2, 3), d),))
        add("full_like", f"full_like({d} t, 7)", lambda lib, a: lib.full_like(a, 7), (T((2, 3), d, "t"),), strides=True)
    for v in (2, 2.5, True, -1, 2**40):
        add("full", f"full({v})", lambda lib, v=v: lib.full((2, 3), v))
        add("full", f"full(size, fill_value=kw {v})", lambda lib, v=v: lib.full(size=(2,), fill_value=v))
        add("scalar_tensor", f"scalar_tensor({v})", lambda lib, v=v: lib.scalar_tensor(v))
    add("full", "full(list size)", lambda lib: lib.full([2], 3.0))
    add("full", "full(int size)", lambda lib: lib.full(2, 3.0))
    # arange
    for args in ((5,), (0,), (2, 7), (2, 7, 2), (7, 2, -2), (0, 1, 0.1), (1, 2.5, 0.5), (-3.5, 3), (0.0, 1.0, 0.3),
                 (5.0,), (True,), (0, 10, 3), (10, 0), (0, 5, 0), (1, 0, 1), (0, 1e-9, 1e-10), (2.5,), (-1,)):
        add("arange", f"arange{args}", lambda lib, args=args: lib.arange(*args))
        for d in ("float32", "int64", "float64", "int32", "uint8", "float16", "bfloat16", "bool"):
            add("arange", f"arange{args} {d}", lambda lib, args=args, d=d: lib.arange(*args, dtype=getattr(lib, d)))
    add("arange", "arange(start=, end=, step=)", lambda lib: lib.arange(start=1, end=10, step=3))
    add("arange", "arange(end=)", lambda lib: lib.arange(end=4))
    add("arange", "arange(0-dim tensor)", lambda lib, a: lib.arange(a), (T((), "int64", low=4, high=4),))
    add("arange", "arange(0-dim float tensor)", lambda lib, a: lib.arange(a), (T((), "float32", low=4, high=4),))
    add("arange", "arange(out=)", lambda lib, o: lib.arange(5, out=o), (T((2,), "int64"),), same_object=0)
    add("arange", "arange(out= float)", lambda lib, o: lib.arange(0, 5, 2, out=o), (T((2,), "float32"),), same_object=0)
    add("arange", "arange(nan)", lambda lib: lib.arange(0, float("nan")))
    add("arange", "arange(inf)", lambda lib: lib.arange(0, float("inf")))
    add("arange", "arange(int64 big)", lambda lib: lib.arange(2**40, 2**40 + 3))
    for args in ((0, 1, 5), (0, 1, 1), (0, 1, 0), (1, 0, 4), (-2, 2, 7), (0, 10, 11), (0, 1, -1), (2, 2, 3), (0.5, 7, 9)):
        add("linspace", f"linspace{args}", lambda lib, args=args: lib.linspace(*args))
        for d in ("float64", "int64", "int32", "float16", "bfloat16", "uint8", "bool"):
            add("linspace", f"linspace{args} {d}", lambda lib, args=args, d=d: lib.linspace(*args, dtype=getattr(lib, d)))
    add("linspace", "linspace(steps=kw)", lambda lib: lib.linspace(0, 1, steps=3))
    add("linspace", "linspace(out=)", lambda lib, o: lib.linspace(0, 1, 3, out=o), (T((3,), "float64"),))
    for args in ((3,), (2, 4), (0,), (3, 0), (-1,), (4, 2)):
        add("eye", f"eye{args}", lambda lib, args=args: lib.eye(*args))
        for d in ("int64", "bool", "float64", "bfloat16"):
            add("eye", f"eye{args} {d}", lambda lib, args=args, d=d: lib.eye(*args, dtype=getattr(lib, d)))
    add("eye", "eye(out=)", lambda lib, o: lib.eye(3, out=o), (T((2,), "int32"),), same_object=0)
    # tensor()
    datas = [1, 2.5, True, [1, 2, 3], [1.0, 2, 3], [True, False], [[1, 2], [3, 4]], [], [[], []], [1, 2.5, True],
             [[1, 2], [3]], [[1, 2], 3], 2**63 - 1, [2**62, 1], (1, 2), [(1, 2), (3, 4)], [True, 2], -0.0, float("nan"),
             [[[1]]], "abc", None, [None], 2**64, [1, "a"], [[]], [[], [1]]]
    for data in datas:
        add("tensor", f"tensor({data!r})", lambda lib, data=data: lib.tensor(data))
        for d in ("float16", "int8", "bool", "uint8", "bfloat16", "float64"):
            add("tensor", f"tensor({data!r}, {d})", lambda lib, data=data, d=d: lib.tensor(data, dtype=getattr(lib, d)))
    add("tensor", "tensor(0-dim tensors)", lambda lib, a, b: lib.tensor([a, b]), (T((), "float32"), T((), "float32", seed=1)))
    add("tensor", "tensor(tensor)", lambda lib, a: lib.tensor(a), (T((2, 3), "float32"),), alias=True)
    add("tensor", "tensor(list of 1-d tensors)", lambda lib, a, b: lib.tensor([a, b]), (T((3,)), T((3,), seed=1)))
    add("tensor", "tensor(np float64)", lambda lib: lib.tensor(__import__("numpy").arange(3.0)))
    add("tensor", "tensor(np int32 scalar)", lambda lib: lib.tensor(__import__("numpy").int32(3)))
    add("tensor", "tensor(np float32 list)", lambda lib: lib.tensor([__import__("numpy").float32(1.5), 2]))
    add("tensor", "tensor(list of np arrays)", lambda lib: lib.tensor([__import__("numpy").ones(2), __import__("numpy").zeros(2)]))
    add("as_tensor", "as_tensor(list)", lambda lib: lib.as_tensor([1, 2]))
    add("as_tensor", "as_tensor(tensor) same", lambda lib, a: lib.as_tensor(a), (T((3,)),), same_object=0)
    add("as_tensor", "as_tensor(tensor, f64)", lambda lib, a: lib.as_tensor(a, dtype=lib.float64), (T((3,)),))
    add("as_tensor", "as_tensor(np) shares", lambda lib: lib.as_tensor(__import__("numpy").arange(3.0)).dtype)
    add("from_numpy", "from_numpy(f16)", lambda lib: lib.from_numpy(__import__("numpy").ones(3, dtype="float16")))
    add("from_numpy", "from_numpy(strided)", lambda lib: lib.from_numpy(__import__("numpy").arange(12.0).reshape(3, 4)[:, ::2]),
        strides=True)
    add("from_numpy", "from_numpy(list)", lambda lib: lib.from_numpy([1, 2]))
    add("from_numpy", "from_numpy(uint16)", lambda lib: lib.from_numpy(__import__("numpy").ones(3, dtype="uint16")))
    add("from_numpy", "from_numpy(0-d)", lambda lib: lib.from_numpy(__import__("numpy").array(2.5)))
    # random: shapes and dtypes
    for f, a in (("rand", ((2, 3),)), ("randn", ((2, 3),)), ("rand", (2, 3)), ("randn", (4,)), ("randint", (5, (3,))),
                 ("randint", (2, 5, (3, 2))), ("randint", (10, (0,))), ("randint", (3, 2, (2,))), ("rand", ()),
                 ("rand", ((),)), ("randn", (0,))):
        add(f, f"{f}{a}", lambda lib, f=f, a=a: getattr(lib, f)(*a), values=False)
        add(f, f"{f}{a} f64", lambda lib, f=f, a=a: getattr(lib, f)(*a, dtype=lib.float64), values=False)
        add(f, f"{f}{a} int", lambda lib, f=f, a=a: getattr(lib, f)(*a, dtype=lib.int32), values=False)
    add("randint", "randint(size=kw)", lambda lib: lib.randint(0, 10, size=(2,)), values=False)
    add("randint", "randint(range)", lambda lib: bool(((lib.randint(3, 7, (1000,)) >= 3) & (lib.randint(3, 7, (1000,)) < 7)).all()
                                                      if hasattr(lib.Tensor, "all") else True))
    for f in ("rand_like", "randn_like"):
        for d in FLOATS + ("int64",):
            add(f, f"{f}({d})", lambda lib, a, f=f: getattr(lib, f)(a), (T((3, 2), d, "t"),), values=False)
    for d in ALL:
        add("randint_like", f"randint_like({d})", lambda lib, a: lib.randint_like(a, 5), (T((3, 2), d),), values=False)
        add("randint_like", f"randint_like({d}, 2, 5)", lambda lib, a: lib.randint_like(a, 2, 5), (T((3, 2), d),), values=False)
        for m, a in (("uniform_", ()), ("normal_", ()), ("random_", (0, 5)), ("uniform_", (2, 3)), ("normal_", (1, 0.5)),
                     ("random_", (3,)), ("random_", ())):
            add(m, f"{m}{a} {d}", lambda lib, x, m=m, a=a: getattr(x, m)(*a), (T((3, 4), d),), values=False, same_object=0)
        add("uniform_", f"uniform_ range {d}", lambda lib, x, d=d: float(x.uniform_(2, 3).min()) >= 2 if d in FLOATS else True,
            (T((300,), d),), values=False)
    add("manual_seed", "manual_seed returns Generator", lambda lib: type(lib.manual_seed(3)).__name__)
    add("manual_seed", "manual_seed reproducible", lambda lib: lib.manual_seed(3) and lib.rand(5).tolist() == (lib.manual_seed(3) and lib.rand(5).tolist()))
    add("manual_seed", "initial_seed", lambda lib: (lib.manual_seed(7), lib.initial_seed())[1])
    add("Generator", "Generator().manual_seed", lambda lib: lib.rand(3, generator=lib.Generator().manual_seed(1)).shape)
    return out


def _finfo_fields(f):
    return (f.bits, f.eps, f.max, f.min, f.tiny, f.smallest_normal, f.resolution, f.dtype, repr(f))


def _iinfo_fields(i):
    return (i.bits, i.max, i.min, i.dtype, repr(i))


def misc_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}

    def add(group, name, call, args=(), **kw):
        out.setdefault(group, []).append(Case(name, call, args, **kw))

    for d in ALL:
        # clamp
        for lo, hi in ((-1, 1), (None, 1), (-1, None), (0.5, 2.5), (2, -2), (True, None), (-1.5, 2)):
            add("clamp", f"clamp({d}, {lo}, {hi})", lambda lib, a, lo=lo, hi=hi: lib.clamp(a, lo, hi), (T((3, 4), d, special=True),))
            add("clamp", f"clamp kw({d}, min={lo}, max={hi})", lambda lib, a, lo=lo, hi=hi: a.clamp(min=lo, max=hi), (T((3, 4), d),))
            add("clamp", f"clamp_({d}, {lo}, {hi})", lambda lib, a, lo=lo, hi=hi: a.clamp_(lo, hi), (T((3, 4), d),), same_object=0)
            add("clamp", f"clamp out({d}, {lo}, {hi})", lambda lib, a, o, lo=lo, hi=hi: lib.clamp(a, lo, hi, out=o),
                (T((3, 4), d), T((3, 4), d)), same_object=1)
        add("clamp", f"clamp({d}, None, None)", lambda lib, a: lib.clamp(a), (T((3, 4), d),))
        add("clamp", f"clamp({d}, tensors)", lambda lib, a, lo, hi: lib.clamp(a, lo, hi), (T((3, 4), d), T((4,), d, seed=1, high=0), T((3, 1), d, seed=2, low=0)))
        add("clamp", f"clamp({d}, min tensor f64)", lambda lib, a, lo: lib.clamp(a, min=lo), (T((3, 4), d), T((4,), "float64", seed=1)))
        add("clamp", f"clamp({d}, max tensor 0-dim)", lambda lib, a, hi: lib.clamp(a, max=hi), (T((3, 4), d), T((), "float32", seed=1)))
        add("clamp", f"clamp_({d}, tensor)", lambda lib, a, lo: a.clamp_(lo), (T((3, 4), d), T((4,), "float64", seed=1)))
        add("clamp", f"clamp({d}, nan)", lambda lib, a: lib.clamp(a, float("nan"), 1), (T((3, 4), d),))
        add("clamp", f"clamp({d} t)", lambda lib, a: lib.clamp(a, -1, 1), (T((4, 3), d, "t"),), strides=True)
        # where
        add("where", f"where({d})", lambda lib, c, a, b: lib.where(c, a, b), (T((3, 4), "bool"), T((3, 4), d, seed=1), T((4,), d, seed=2)))
        for d2 in ALL:
            add("where", f"where({d},{d2})", lambda lib, c, a, b: lib.where(c, a, b), (T((3, 4), "bool"), T((3, 4), d, seed=1), T((4,), d2, seed=2)))
        for s in (0, 2.5, True, -1):
            add("where", f"where({d}, t, {s})", lambda lib, c, a, s=s: lib.where(c, a, s), (T((3, 4), "bool"), T((3, 4), d, seed=1)))
            add("where", f"where({d}, {s}, t)", lambda lib, c, a, s=s: lib.where(c, s, a), (T((3, 4), "bool"), T((3, 4), d, seed=1)))
            add("where", f"t.where({d}, {s})", lambda lib, c, a, s=s: a.where(c, s), (T((3, 4), "bool"), T((3, 4), d, seed=1)))
        add("where", f"where(cond {d})", lambda lib, c, a, b: lib.where(c, a, b), (T((3, 4), d), T((3, 4), "float32", seed=1), T((4,), "float32", seed=2)))
        add("where", f"where(1-arg {d})", lambda lib, c: lib.where(c), (T((3, 4), d),))
        add("where", f"where(1-arg 0-dim {d})", lambda lib, c: lib.where(c), (T((), d, low=1, high=1),))
        add("where", f"where({d}, scalars)", lambda lib, c: lib.where(c, 1.0, 0), (T((3, 4), "bool"),))
        add("where", f"where({d}, int scalars)", lambda lib, c: lib.where(c, 1, 0), (T((3, 4), "bool"),))
        add("where", f"where({d}, out)", lambda lib, c, a, b, o: lib.where(c, a, b, out=o), (T((3, 4), "bool"), T((3, 4), d, seed=1), T((4,), d, seed=2), T((3, 4), d)), same_object=3)
        # nonzero
        for s in ((), (0,), (5,), (3, 4), (2, 3, 4)):
            add("nonzero", f"nonzero({d}{s})", lambda lib, a: lib.nonzero(a), (T(s, d, low=0, high=1),))
        add("nonzero", f"nonzero({d} t)", lambda lib, a: a.nonzero(), (T((4, 3), d, "t", low=0, high=1),))
        add("nonzero", f"nonzero({d}, as_tuple)", lambda lib, a: a.nonzero(as_tuple=True), (T((3, 4), d, low=0, high=1),))
        add("nonzero", f"nonzero({d}, out)", lambda lib, a, o: lib.nonzero(a, out=o), (T((3, 4), d, low=0, high=1), T((1,), "int64")))
        # masked_fill
        for v in (0, 2.5, True, -1, float("-inf")):
            add("masked_fill", f"masked_fill({d}, {v})", lambda lib, a, m, v=v: a.masked_fill(m, v), (T((3, 4), d), T((4,), "bool", seed=1)))
            add("masked_fill", f"masked_fill_({d}, {v})", lambda lib, a, m, v=v: a.masked_fill_(m, v), (T((3, 4), d), T((3, 4), "bool", seed=1)),
                same_object=0)
        add("masked_fill", f"masked_fill({d}, 0-dim value)", lambda lib, a, m, v: a.masked_fill(m, v), (T((3, 4), d), T((4,), "bool", seed=1), T((), "float64")))
        add("masked_fill", f"masked_fill({d}, 1-d value)", lambda lib, a, m, v: a.masked_fill(m, v), (T((3, 4), d), T((4,), "bool", seed=1), T((4,), d)))
        add("masked_fill", f"masked_fill({d}, int mask)", lambda lib, a, m: a.masked_fill(m, 0), (T((3, 4), d), T((4,), "uint8", seed=1)))
        add("masked_fill", f"masked_fill_({d} broadcast self)", lambda lib, a, m: a.masked_fill_(m, 0), (T((4,), d), T((3, 4), "bool", seed=1)))
        add("masked_fill", f"masked_fill fn({d})", lambda lib, a, m: lib.masked_fill(a, m, 1), (T((3, 4), d), T((3, 4), "bool", seed=1)))
        add("masked_fill", f"masked_fill_({d}, 0-dim value)", lambda lib, a, m, v: a.masked_fill_(m, v),
            (T((3, 4), d), T((4,), "bool", seed=1), T((), "float64")), same_object=0)
        # isnan / isinf / isfinite, zero_
        for name in ("isnan", "isinf", "isfinite"):
            add(name, f"{name}({d} special)", lambda lib, a, _n=name: getattr(lib, _n)(a), (T((3, 4), d, special=True),))
            add(name, f"{name} method({d} t)", lambda lib, a, _n=name: getattr(a, _n)(), (T((4, 3), d, "t", special=True),))
            add(name, f"{name}({d} 0-dim)", lambda lib, a, _n=name: getattr(lib, _n)(a), (T((), d),))
        add("zero_", f"zero_({d} t)", lambda lib, a: a.zero_(), (T((4, 3), d, "t"),), same_object=0)
        add("zero_", f"zero_ fn({d})", lambda lib, a: lib.zero_(a), (T((3, 4), d),), same_object=0)
        # fill_, copy_, zero_
        for v in (2, 2.5, True, -1, 1e10):
            add("fill_", f"fill_({d}, {v})", lambda lib, a, v=v: a.fill_(v), (T((3, 4), d, "t"),), same_object=0)
        add("fill_", f"fill_({d}, 0-dim)", lambda lib, a, v: a.fill_(v), (T((3, 4), d), T((), "float64")), same_object=0)
        add("fill_", f"fill_({d}, 1-d)", lambda lib, a, v: a.fill_(v), (T((3, 4), d), T((1,), "float64")))
        add("fill_", f"fill_({d}, expanded)", lambda lib, a: a.fill_(1), (T((3, 4), d, "expand"),))
        add("fill_", f"fill fn({d})", lambda lib, a: lib.fill_(a, 3), (T((3, 4), d),), same_object=0)
        for d2 in ALL:
            add("copy_", f"copy_({d} <- {d2})", lambda lib, a, b: a.copy_(b), (T((3, 4), d), T((3, 4), d2, seed=1, special=True)), same_object=0)
        add("copy_", f"copy_({d} bcast)", lambda lib, a, b: a.copy_(b), (T((3, 4), d, "t"), T((4,), d, seed=1)), same_object=0)
        add("copy_", f"copy_({d} bad shape)", lambda lib, a, b: a.copy_(b), (T((3, 4), d), T((3,), d, seed=1)))
        add("copy_", f"copy_({d} into expanded)", lambda lib, a, b: a.copy_(b), (T((3, 4), d, "expand"), T((3, 4), d, seed=1)))
        add("copy_", f"copy_({d} overlap)", lambda lib, a: a[1:].copy_(a[:-1]), (T((5,), d),))
        add("copy_", f"copy_({d} from t)", lambda lib, a, b: a.copy_(b), (T((3, 4), d), T((3, 4), d, "t", seed=1)))
        # dtype conversions
        for m in ("float", "double", "half", "bfloat16", "int", "long", "short", "char", "byte", "bool"):
            add("conversions", f"{d}.{m}()", lambda lib, a, m=m: getattr(a, m)(), (T((3, 4), d, special=True, low=-300, high=300),))
        for d2 in ALL:
            add("to", f"{d}.to({d2})", lambda lib, a, d2=d2: a.to(getattr(lib, d2)), (T((3, 4), d, low=-200, high=200),))
            add("to", f"{d}.to(dtype={d2}, copy)", lambda lib, a, d2=d2: a.to(dtype=getattr(lib, d2), copy=True), (T((3, 4), d),))
            add("type_as", f"{d}.type_as({d2})", lambda lib, a, b: a.type_as(b), (T((3, 4), d), T((1,), d2)))
        add("to", f"{d}.to(same)", lambda lib, a: a.to(a.dtype), (T((3, 4), d),), same_object=0)
        add("to", f"{d}.to(cpu)", lambda lib, a: a.to("cpu"), (T((3, 4), d),), same_object=0)
        add("to", f"{d}.to(device, dtype)", lambda lib, a: a.to("cpu", lib.float64), (T((3, 4), d),))
        add("to", f"{d}.to(other)", lambda lib, a, b: a.to(b), (T((3, 4), d), T((1,), "float16")))
        add("to", f"{d}.to(t)", lambda lib, a: a.to(lib.float64), (T((3, 4), d, "t"),), strides=True)
        add("to", f"{d}.to(bad)", lambda lib, a: a.to("float"), (T((3, 4), d),))
        add("to", f"{d}.cpu()", lambda lib, a: a.cpu(), (T((3, 4), d),), same_object=0)
        add("type", f"{d}.type()", lambda lib, a: a.type(), (T((3, 4), d),))
        add("item", f"{d}.item()", lambda lib, a: a.item(), (T((), d),))
        add("item", f"{d}.item() 1-elem", lambda lib, a: a.item(), (T((1, 1), d),))
        add("item", f"{d}.item() many", lambda lib, a: a.item(), (T((3,), d),))
        add("item", f"{d}.item() empty", lambda lib, a: a.item(), (T((0,), d),))
        add("tolist", f"{d}.tolist()", lambda lib, a: a.tolist(), (T((2, 3), d, special=True),))
        add("tolist", f"{d}.tolist() t", lambda lib, a: a.tolist(), (T((2, 3), d, "t"),))
        add("tolist", f"{d}.tolist() 0-dim", lambda lib, a: a.tolist(), (T((), d),))
        add("tolist", f"{d}.tolist() empty", lambda lib, a: a.tolist(), (T((0, 2), d),))
        add("numpy", f"{d}.numpy()", lambda lib, a, d=d: a.numpy().dtype.str if d != "bfloat16" else "", (T((2, 3), d),))
        add("numpy", f"{d}.numpy() t", lambda lib, a: a.numpy().strides, (T((2, 3), d, "t"),))
        add("attrs", f"{d} attrs", lambda lib, a: (a.is_floating_point(), a.element_size(), a.itemsize, a.nbytes, a.is_cuda,
                                                      a.is_cpu, str(a.device), a.requires_grad, a.is_leaf, a.grad, a.nelement(),
                                                      a.ndimension(), a.layout == lib.strided), (T((2, 3), d),))
        add("attrs", f"{d} dtype props", lambda lib, d=d: (getattr(lib, d).is_floating_point, getattr(lib, d).itemsize,
                                                      getattr(lib, d).is_signed, str(getattr(lib, d))))
        add("contains", f"{d} in", lambda lib, a: (2 in a, 2.0 in a, True in a), (T((3, 4), d),))
    add("attrs", "finfo", lambda lib: lib.finfo(lib.float32).eps if hasattr(lib, "finfo") else None)
    for d in FLOATS:
        add("attrs", f"finfo({d})", lambda lib, d=d: _finfo_fields(lib.finfo(getattr(lib, d))))
    for d in INTS + ("bool",):
        add("attrs", f"iinfo({d})", lambda lib, d=d: _iinfo_fields(lib.iinfo(getattr(lib, d))))
    add("attrs", "finfo()", lambda lib: repr(lib.finfo()))
    add("attrs", "finfo(int32)", lambda lib: lib.finfo(lib.int32))
    add("attrs", "promote_types", lambda lib: [lib.promote_types(getattr(lib, a), getattr(lib, b)) for a in ALL for b in ALL])
    add("attrs", "can_cast", lambda lib: [lib.can_cast(getattr(lib, a), getattr(lib, b)) for a in ALL for b in ALL])
    add("attrs", "result_type", lambda lib, a: [lib.result_type(a, 2), lib.result_type(a, 2.5), lib.result_type(2, 2.5),
                                                 lib.result_type(a, True)], (T((3,), "int8"),))
    add("attrs", "default dtype", lambda lib: lib.get_default_dtype())
    add("attrs", "is_floating_point fn", lambda lib, a: lib.is_floating_point(a), (T((3,), "int8"),))
    add("attrs", "numel fn", lambda lib, a: lib.numel(a), (T((3, 2), "int8"),))
    add("attrs", "dtype repr", lambda lib: [repr(getattr(lib, d)) for d in ALL])
    add("attrs", "device", lambda lib: (str(lib.device("cpu")), repr(lib.device("cpu")), lib.device("cpu").type,
                                        lib.device("cpu") == lib.device("cpu"), lib.device("cpu", 0).index))
    add("attrs", "Size", lambda lib: (lib.Size([2, 3]) == (2, 3), repr(lib.Size([2, 3])), lib.Size([2, 3]).numel(),
                                      lib.Size([2, 3])[1:], type(lib.Size([2, 3])[1:]).__name__, lib.Size([2]) + (3,)))
    return out


def index_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}

    def key(lib, k):
        if isinstance(k, tuple):
            return tuple(key(lib, x) for x in k)
        if isinstance(k, list) and k and isinstance(k[0], str):
            return k
        return k

    keys = [0, -1, 3, -4, 4, slice(None), slice(1, 3), slice(None, None, 2), slice(None, None, -1), slice(5, 1),
            slice(-10, 10), (0, 1), (0, 1, 2), (slice(None), 1), (Ellipsis, 1), (None, 0), (0, None, slice(None, 2)),
            (Ellipsis,), Ellipsis, None, (1, Ellipsis, 2), (Ellipsis, None), [0, 2], [[0, 1], [2, 3]], (slice(None), [0, 2]),
            ([0, 1], [1, 2]), ([0, 1], slice(None), [1, 2]), [-1, 0], [True, False, True, False], True, False,
            (0, 0, 0, 0), (Ellipsis, Ellipsis), 1.5, "a", (0, [0, 1]), ([0, 2], [0]), [5], [[0]], ()]
    for d in ("float32", "int64", "bool", "float16", "uint8"):
        for lay in ("contig", "t", "step", "offset"):
            x = T((4, 3, 4), d, lay)
            for k in keys:
                out.setdefault("getitem", []).append(Case(f"x[{k!r}] {d} {lay}", lambda lib, a, k=k: a[k], (x,), strides=True))
            # tensor keys
            out["getitem"].append(Case(f"x[bool mask] {d} {lay}", lambda lib, a, m: a[m], (x, T((4, 3, 4), "bool", seed=1))))
            out["getitem"].append(Case(f"x[bool mask 2d] {d} {lay}", lambda lib, a, m: a[m], (x, T((4, 3), "bool", seed=1))))
            out["getitem"].append(Case(f"x[bool mask 1d] {d} {lay}", lambda lib, a, m: a[m], (x, T((4,), "bool", seed=1))))
            out["getitem"].append(Case(f"x[:, bool mask] {d} {lay}", lambda lib, a, m: a[:, m], (x, T((3,), "bool", seed=1))))
            out["getitem"].append(Case(f"x[bad mask] {d} {lay}", lambda lib, a, m: a[m], (x, T((3,), "bool", seed=1))))
            out["getitem"].append(Case(f"x[int tensor] {d} {lay}", lambda lib, a, i: a[i], (x, T((2, 2), "int64", low=-4, high=3))))
            out["getitem"].append(Case(f"x[int32 tensor] {d} {lay}", lambda lib, a, i: a[i], (x, T((2,), "int32", low=0, high=3))))
            out["getitem"].append(Case(f"x[uint8 tensor] {d} {lay}", lambda lib, a, i: a[i], (x, T((4,), "uint8", low=0, high=1))))
            out["getitem"].append(Case(f"x[i, :, j] {d} {lay}", lambda lib, a, i, j: a[i, :, j], (x, T((2,), "int64", low=0, high=3), T((2,), "int64", low=0, high=3, seed=1))))
            out["getitem"].append(Case(f"x[0-dim int tensor] {d} {lay}", lambda lib, a, i: a[i], (x, T((), "int64", low=1, high=1))))
            out["getitem"].append(Case(f"x[float tensor] {d} {lay}", lambda lib, a, i: a[i], (x, T((2,), "float32", low=0, high=1))))
            out["getitem"].append(Case(f"x[oob tensor] {d} {lay}", lambda lib, a, i: a[i], (x, T((2,), "int64", low=4, high=6))))
            out["getitem"].append(Case(f"x[mask, 0] {d} {lay}", lambda lib, a, m: a[m, 0], (x, T((4,), "bool", seed=2))))
            out["getitem"].append(Case(f"x[x > 0] {d} {lay}", lambda lib, a: a[a > 0], (x,)))
            out["getitem"].append(Case(f"0-dim[...] {d}", lambda lib, a: a[...], (T((), d),), strides=True))
            out["getitem"].append(Case(f"0-dim[None] {d}", lambda lib, a: a[None], (T((), d),)))
            out["getitem"].append(Case(f"0-dim[0] {d}", lambda lib, a: a[0], (T((), d),)))
            out["getitem"].append(Case(f"0-dim[True] {d}", lambda lib, a: a[True], (T((), d),)))
            out["getitem"].append(Case(f"0-dim[mask] {d}", lambda lib, a, m: a[m], (T((), d), T((), "bool", low=1, high=1))))
            # setitem
            for k in [0, -1, slice(1, 3), slice(None, None, 2), (slice(None), 1), (Ellipsis, 1), [0, 2], ([0, 1], [1, 2]),
                      (0, 1, 2), None, Ellipsis, 5, (slice(None), [0, 2], slice(1, 3)), [True, False, True, True]]:
                for v in (0, 2.5, True, "t1", "t0", "tbad", "tdt"):
                    def sset(lib, a, *rest, k=k, v=v):
                        if v == "t1":
                            val = rest[0]
                        elif v == "t0":
                            val = rest[0].sum()
                        elif v == "tbad":
                            val = lib.ones(7)
                        elif v == "tdt":
                            val = rest[0].double()
                        else:
                            val = v
                        a[k] = val
                        return a
                    out.setdefault("setitem", []).append(Case(f"x[{k!r}] = {v} {d} {lay}", sset, (T((4, 3, 4), d, lay), T((4,), d, seed=3)),
                                                              same_object=0))
            out["setitem"].append(Case(f"x[mask] = 0 {d} {lay}", lambda lib, a, m: a.__setitem__(m, 0) or a, (T((4, 3, 4), d, lay), T((4, 3, 4), "bool", seed=1))))
            out["setitem"].append(Case(f"x[x > 0] = 0 {d} {lay}", lambda lib, a: a.__setitem__(a > 0, 0) or a, (T((4, 3, 4), d, lay),)))
            out["setitem"].append(Case(f"x[mask] = vals {d} {lay}", lambda lib, a, m: a.__setitem__(m, lib.zeros(int(m.sum().item()), dtype=a.dtype)) or a,
                                       (T((4, 3, 4), d, lay), T((4, 3, 4), "bool", seed=1))))
            out["setitem"].append(Case(f"x[idx] = t dup {d} {lay}", lambda lib, a, i: a.__setitem__(i, 1) or a, (T((4, 3, 4), d, lay), T((3,), "int64", low=0, high=0))))
            out["setitem"].append(Case(f"x[oob] = 1 {d} {lay}", lambda lib, a, i: a.__setitem__(i, 1) or a, (T((4, 3, 4), d, lay), T((3,), "int64", low=7, high=9))))
            out["setitem"].append(Case(f"x[0] = list {d} {lay}", lambda lib, a: a.__setitem__((0, 0), [1, 2, 3, 4]) or a, (T((4, 3, 4), d, lay),)))
            out["setitem"].append(Case(f"x[0] = np {d} {lay}", lambda lib, a: a.__setitem__((0, 0), __import__("numpy").ones(4)) or a, (T((4, 3, 4), d, lay),)))
        out["setitem"].append(Case(f"expanded[0] = 1 {d}", lambda lib, a: a.__setitem__(0, 1) or a, (T((4, 3), d, "expand"),)))
        out["setitem"].append(Case(f"0-dim[...] = 1 {d}", lambda lib, a: a.__setitem__(Ellipsis, 1) or a, (T((), d),)))
        out["setitem"].append(Case(f"0-dim[()] = 1 {d}", lambda lib, a: a.__setitem__((), 1) or a, (T((), d),)))
        out["setitem"].append(Case(f"0-dim[mask] = 1 {d}", lambda lib, a, m: a.__setitem__(m, 1) or a, (T((), d), T((), "bool", low=1, high=1))))
        out.setdefault("index", []).append(Case(f"index fn {d}", lambda lib, a, i: lib.index(a, [i]) if hasattr(lib, "index") else a[i],
                                                (T((4, 3), d), T((2,), "int64", low=0, high=3))))
        for acc in (False, True):
            out.setdefault("index_put_", []).append(Case(f"index_put_ {d} acc={acc}", lambda lib, a, i, v, acc=acc: a.index_put_((i,), v, accumulate=acc),
                                                         (T((4, 3), d), T((5,), "int64", low=0, high=3), T((3,), d, seed=2)), same_object=0))
            out["index_put_"].append(Case(f"index_put_ {d} acc={acc} dt", lambda lib, a, i, v, acc=acc: a.index_put_((i,), v, accumulate=acc),
                                          (T((4, 3), d), T((5,), "int64", low=0, high=3), T((3,), "float64", seed=2))))
            out["index_put_"].append(Case(f"index_put_ mask {d} acc={acc}", lambda lib, a, m, v, acc=acc: a.index_put_((m,), v, accumulate=acc),
                                          (T((4, 3), d), T((4, 3), "bool", seed=1), T((), d, seed=2)), same_object=0))
    # iteration, len
    for d in ("float32", "int64"):
        out.setdefault("iter", []).append(Case(f"list(t) {d}", lambda lib, a: list(a), (T((3, 2), d),)))
        out["iter"].append(Case(f"iter 0-dim {d}", lambda lib, a: list(a), (T((), d),)))
        out["iter"].append(Case(f"len 0-dim {d}", lambda lib, a: len(a), (T((), d),)))
        out["iter"].append(Case(f"for x in t: x.item() {d}", lambda lib, a: [x.item() for x in a], (T((4,), d),)))
        out["iter"].append(Case(f"unpack {d}", lambda lib, a: (lambda p, q: p + q)(*a), (T((2, 3), d),)))
    return out


def repr_cases() -> dict[str, list[Case]]:
    cs: list[Case] = []
    for d in ALL:
        for s in ((), (0,), (3,), (2, 3), (2, 2, 2), (0, 3)):
            cs.append(Case(f"repr({d}{s})", lambda lib, a: repr(a).replace("torch", "ember"), (T(s, d),)))
        cs.append(Case(f"repr({d} special)", lambda lib, a: repr(a).replace("torch", "ember"), (T((2, 3), d, special=True),)))
        cs.append(Case(f"str({d})", lambda lib, a: str(a).replace("torch", "ember"), (T((2, 3), d),)))
        cs.append(Case(f"repr({d} big)", lambda lib, a: repr(a).replace("torch", "ember"), (T((30, 40), d),)))
        cs.append(Case(f"repr({d} 1e5)", lambda lib, a: repr(a * 1000).replace("torch", "ember"), (T((2, 3), d, low=90, high=100),)))
        cs.append(Case(f"format({d})", lambda lib, a, d=d: f"{a:.2f}" if d in FLOATS else f"{a}", (T((), d),)))
    cs.append(Case("repr ints wide", lambda lib, a: repr(a).replace("torch", "ember"), (T((3,), "int64", low=-100000, high=100000),)))
    cs.append(Case("repr small floats", lambda lib, a: repr(a * 1e-5).replace("torch", "ember"), (T((3,), "float32"),)))
    cs.append(Case("repr mixed floats", lambda lib: repr(lib.tensor([1e-8, 1.0, 1e8])).replace("torch", "ember")))
    cs.append(Case("repr integral floats", lambda lib: repr(lib.tensor([1.0, 2.0, -3.0])).replace("torch", "ember")))
    cs.append(Case("repr dtype, repr device", lambda lib: (repr(lib.float32), str(lib.int64))))
    return {"repr": cs}


def composite_cases() -> dict[str, list[Case]]:
    """Operators built from other operators (native/Composites.cpp)."""
    out: dict[str, list[Case]] = {}

    def add(group, name, call, args, **kw):
        out.setdefault(group, []).append(Case(name, call, args, **kw))

    for d in ("float32", "int64", "bool", "float16"):
        for lay in ("contig", "t"):
            x = T((4, 6), d, lay)
            for k in (1, 4, 6, 7):
                add("split", f"split({k}) {d} {lay}", lambda lib, a, k=k: a.split(k), (x,), strides=True)
            add("split", f"split(2, dim=-1) {d} {lay}", lambda lib, a: lib.split(a, 2, dim=-1), (x,), strides=True)
            add("split_with_sizes", f"split_with_sizes([2, 4], 1) {d} {lay}", lambda lib, a: a.split_with_sizes([2, 4], 1), (x,))
            for c in (1, 3, 4, 5):
                add("chunk", f"chunk({c}) {d} {lay}", lambda lib, a, c=c: a.chunk(c), (x,), strides=True)
                add("chunk", f"chunk({c}, 1) {d} {lay}", lambda lib, a, c=c: lib.chunk(a, c, 1), (x,))
            add("unbind", f"unbind {d} {lay}", lambda lib, a: a.unbind(), (x,), strides=True)
            add("unbind", f"unbind(1) {d} {lay}", lambda lib, a: lib.unbind(a, 1), (x,))
            add("movedim", f"movedim {d} {lay}", lambda lib, a: lib.movedim(a, 0, -1), (T((2, 3, 4), d, lay),), strides=True)
            add("swapaxes", f"swapaxes {d} {lay}", lambda lib, a: a.swapaxes(0, 1), (x,), strides=True)
            add("swapdims", f"swapdims {d} {lay}", lambda lib, a: lib.swapdims(a, 0, -1), (x,), strides=True)
            add("unflatten", f"unflatten {d} {lay}", lambda lib, a: a.unflatten(1, (2, 3)), (x,))
            add("unflatten", f"unflatten -1 {d} {lay}", lambda lib, a: lib.unflatten(a, 0, (2, -1)), (x,))
            add("repeat", f"repeat {d} {lay}", lambda lib, a: a.repeat(2, 1, 3), (x,), strides=True)
            add("flip", f"flip {d} {lay}", lambda lib, a: lib.flip(a, [0, 1]), (x,))
            add("flip", f"flip method {d} {lay}", lambda lib, a: a.flip(-1), (x,))
            add("roll", f"roll {d} {lay}", lambda lib, a: lib.roll(a, 3), (x,))
            add("roll", f"roll dims {d} {lay}", lambda lib, a: a.roll((1, -2), (0, 1)), (x,))
            for k in (0, 2, -1, 10):
                add("tril", f"tril({k}) {d} {lay}", lambda lib, a, k=k: lib.tril(a, k), (x,))
                add("triu", f"triu({k}) {d} {lay}", lambda lib, a, k=k: a.triu(k), (x,))
            for k in (0, 1, -2):
                add("diag", f"diag 2d({k}) {d} {lay}", lambda lib, a, k=k: lib.diag(a, k), (x,))
                add("diag", f"diag 1d({k}) {d} {lay}", lambda lib, a, k=k: a.diag(k), (T((4,), d, "step"),))
            add("gather", f"gather {d} {lay}", lambda lib, a, i: lib.gather(a, 1, i), (x, T((4, 3), "int64", low=0, high=5)))
            add("gather", f"gather dim0 method {d} {lay}", lambda lib, a, i: a.gather(0, i), (x, T((2, 6), "int64", low=0, high=3)))
            add("scatter", f"scatter src {d} {lay}", lambda lib, a, s: lib.scatter(a, 1, lib.tensor([[0, 1], [2, 3], [4, 5], [0, 5]]), s),
                (x, T((4, 6), d, seed=2)))
            add("scatter", f"scatter value {d} {lay}", lambda lib, a: a.scatter(0, lib.tensor([[0, 1, 2]]), 1), (x,))
            add("scatter_", f"scatter_ {d} {lay}", lambda lib, a, s: a.scatter_(1, lib.tensor([[5], [3], [1], [0]]), s),
                (x, T((4, 2), d, seed=2)), same_object=0)
            if d != "bool":
                add("scatter_add", f"scatter_add {d} {lay}", lambda lib, a, s: lib.scatter_add(a, 0, lib.tensor([[0, 0, 1], [0, 3, 3]]), s),
                    (x, T((2, 3), d, seed=2)))
                add("scatter_add_", f"scatter_add_ {d} {lay}", lambda lib, a, s: a.scatter_add_(1, lib.tensor([[1, 1, 1]] * 4), s),
                    (x, T((4, 3), d, seed=2)), same_object=0)
                add("amax", f"amax {d} {lay}", lambda lib, a: lib.amax(a), (x,))
                add("amax", f"amax(1, keepdim) {d} {lay}", lambda lib, a: a.amax(1, keepdim=True), (x,))
                add("amin", f"amin((0, 1)) {d} {lay}", lambda lib, a: lib.amin(a, (0, 1)), (x,))
                add("amin", f"amin(-1) {d} {lay}", lambda lib, a: a.amin(-1), (T((2, 3, 4), d, lay),))
                add("clamp_min", f"clamp_min {d} {lay}", lambda lib, a: lib.clamp_min(a, 1), (x,))
                add("clamp_max", f"clamp_max {d} {lay}", lambda lib, a: a.clamp_max(0), (x,))
            add("masked_select", f"masked_select {d} {lay}", lambda lib, a, m: lib.masked_select(a, m), (x, T((4, 6), "bool", seed=1)))
            add("masked_select", f"masked_select bcast {d} {lay}", lambda lib, a, m: a.masked_select(m), (x, T((6,), "bool", seed=1)))
            add("index_select", f"index_select {d} {lay}", lambda lib, a, i: lib.index_select(a, 1, i), (x, T((5,), "int64", low=0, high=5)))
            add("index_select", f"index_select 0 {d} {lay}", lambda lib, a, i: a.index_select(0, i), (x, T((2,), "int32", low=0, high=3)))
            add("new", f"new_zeros {d} {lay}", lambda lib, a: a.new_zeros((2, 3)), (x,))
            add("new", f"new_ones {d} {lay}", lambda lib, a: a.new_ones(2, 3), (x,))
            add("new", f"new_full {d} {lay}", lambda lib, a: a.new_full((2,), 1), (x,))
            add("new", f"new_empty shape {d} {lay}", lambda lib, a: a.new_empty((2, 3)).shape, (x,))
            add("new", f"new_zeros dtype {d} {lay}", lambda lib, a: a.new_zeros(3, dtype=lib.float64), (x,))
    for d in ("float32", "float64"):
        for lay in ("contig", "t"):
            add("logsumexp", f"logsumexp {d} {lay}", lambda lib, a: lib.logsumexp(a, 1), (T((4, 6), d, lay),), rtol=1e-5)
            add("logsumexp", f"logsumexp keepdim {d} {lay}", lambda lib, a: a.logsumexp((0, 1), keepdim=True), (T((4, 6), d, lay),), rtol=1e-5)
            add("logsumexp", f"logsumexp big {d} {lay}", lambda lib, a: lib.logsumexp(a * 1000, 0), (T((4, 6), d, lay),), rtol=1e-5)
        add("logsumexp", f"logsumexp inf {d}", lambda lib, a: lib.logsumexp(a, 0), (T((3, 4), d, special=True),))
        add("dot", f"dot {d}", lambda lib, a, b: lib.dot(a, b), (T((5,), d), T((5,), d, seed=1)), rtol=1e-5)
        add("outer", f"outer {d}", lambda lib, a, b: a.outer(b), (T((3,), d), T((4,), d, seed=1)))
        add("mv", f"mv {d}", lambda lib, a, b: lib.mv(a, b), (T((3, 4), d, "t"), T((4,), d, seed=1)), rtol=1e-5)
    add("logsumexp", "logsumexp int", lambda lib, a: lib.logsumexp(a, 0), (T((3, 4), "int64"),), rtol=1e-5)
    add("outer", "outer int/float", lambda lib, a, b: lib.outer(a, b), (T((3,), "int64"), T((4,), "float32", seed=1)))
    # errors
    z = T((3, 4))
    for name, call in [
        ("split(-1)", lambda lib, a: a.split(-1)), ("split 0-dim", lambda lib, a: a.sum().split(1)),
        ("split_with_sizes bad sum", lambda lib, a: a.split_with_sizes([1, 1])), ("chunk(0)", lambda lib, a: a.chunk(0)),
        ("unbind(2)", lambda lib, a: a.unbind(2)), ("unbind 0-dim", lambda lib, a: a.sum().unbind()),
        ("movedim(3)", lambda lib, a: a.movedim(3, 0)), ("repeat few", lambda lib, a: a.repeat(2)),
        ("flip dup", lambda lib, a: a.flip(0, 0)), ("tril 1-d", lambda lib, a: a[0].tril()),
        ("diag 3-d", lambda lib, a: a[None].diag()), ("gather oob", lambda lib, a: a.gather(1, lib.tensor([[4]]))),
        ("gather neg", lambda lib, a: a.gather(1, lib.tensor([[-1]]))),
        ("gather dims", lambda lib, a: a.gather(1, lib.tensor([1]))),
        ("gather int32", lambda lib, a: a.gather(1, lib.tensor([[1]], dtype=lib.int32))),
        ("gather bad dim", lambda lib, a: a.gather(2, lib.tensor([[1]]))),
        ("scatter dtype", lambda lib, a: a.scatter(1, lib.tensor([[1]]), a.double())),
        ("index_select oob", lambda lib, a: a.index_select(0, lib.tensor([3]))),
        ("index_select 2-d", lambda lib, a: a.index_select(0, lib.tensor([[0]]))),
        ("masked_select float mask", lambda lib, a: a.masked_select(a)),
        ("amax empty", lambda lib, a: a[:0].amax(0)), ("amax dup", lambda lib, a: a.amax((0, 0))),
        ("dot 2-d", lambda lib, a: lib.dot(a, a)), ("dot size", lambda lib, a: lib.dot(a[0], a[:, 0])),
        ("dot dtype", lambda lib, a: lib.dot(a[0], a[0].double())),
        ("mv shapes", lambda lib, a: lib.mv(a, a[:, 0])), ("outer 2-d", lambda lib, a: lib.outer(a, a[0])),
    ]:
        add("composite errors", name, call, (z,))
    return out


def scan_sort_norm_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}

    def add(group, name, call, args, **kw):
        out.setdefault(group, []).append(Case(name, call, args, **kw))

    # cumsum / cumprod
    for name in ("cumsum", "cumprod"):
        for d in ALL:
            for s in UNARY_SHAPES:
                for dim in range(-max(len(s), 1), max(len(s), 1)):
                    add(name, f"{name}({d}{s}, {dim})", fn(name), (T(s, d, low=-2, high=2), dim), rtol=1e-4)
            for lay in LAYOUTS[1:]:
                add(name, f"{name}({d} {lay}, 0)", fn(name), (T((4, 3), d, lay, low=-2, high=2), 0), rtol=1e-4)
                add(name, f"{name}({d} {lay}, 1)", fn(name), (T((4, 3), d, lay, low=-2, high=2), 1), rtol=1e-4)
            add(name, f"{name}({d}, 2)", fn(name), (T((3, 4), d), 2))
            for od in ("float64", "float32", "int32", "int64", "bool"):
                add(name, f"{name}({d}, 1, dtype={od})", fn(name, dtype=D(od)), (T((3, 4), d, low=-2, high=2), 1),
                    rtol=1e-4)
                add(name, f"{name}({d}, 1, out={od})", lambda lib, a, o, _n=name: getattr(lib, _n)(a, 1, out=o),
                    (T((3, 4), d, low=-2, high=2), T((2,), od)), rtol=1e-4, same_object=1)
                add(name, f"{name}_({d}, dtype={od})",
                    lambda lib, a, _n=name, _od=od: getattr(a, _n + "_")(1, dtype=getattr(lib, _od)),
                    (T((3, 4), d, low=-2, high=2),), rtol=1e-4, same_object=0)
            add(name, f"{name}_({d})", lambda lib, a, _n=name: getattr(a, _n + "_")(0), (T((3, 4), d, low=-2, high=2),),
                rtol=1e-4, same_object=0)
            add(name, f"{name} method({d}, dim=-1)", lambda lib, a, _n=name: getattr(a, _n)(dim=-1),
                (T((3, 4), d, low=-2, high=2),), rtol=1e-4)
            if d in FLOATS:
                add(name, f"{name}({d} special)", fn(name), (T((3, 4), d, special=True), 1), rtol=1e-4)
        add(name, f"{name}(big f32)", fn(name), (T((3000,), "float32", low=0, high=1e-3), 0), rtol=1e-5)
        add(name, f"{name}(big 2-d f32, 0)", fn(name), (T((300, 70), "float32", low=0.999, high=1.001), 0), rtol=1e-5)
        add(name, f"{name}(f16 long)", fn(name), (T((500,), "float16", low=0.999, high=1.001), 0), rtol=1e-2)
    # sort / argsort / topk
    for d in ALL:
        for s in UNARY_SHAPES:
            x = T(s, d)
            for dim in range(-max(len(s), 1), max(len(s), 1)):
                for desc in (False, True):
                    add("sort", f"sort({d}{s}, {dim}, {desc}, stable)",
                        lambda lib, a, dim=dim, desc=desc: lib.sort(a, stable=True, dim=dim, descending=desc), (x,))
                    add("argsort", f"argsort({d}{s}, {dim}, {desc}, stable)",
                        lambda lib, a, dim=dim, desc=desc: lib.argsort(a, stable=True, dim=dim, descending=desc), (x,))
        u = T((4, 6), d, low=-100, high=100) if d not in ("bool", "uint8", "int8") else T((4, 6), d, seed=2)
        add("sort", f"sort({d}) values", lambda lib, a: lib.sort(a).values, (u,))
        add("sort", f"sort({d}, 0, True) values", lambda lib, a: lib.sort(a, 0, True)[0], (u,))
        add("sort", f"sort({d}, dim=1, stable=False) values", lambda lib, a: a.sort(dim=1, stable=False).values, (u,))
        for lay in LAYOUTS[1:]:
            add("sort", f"sort({d} {lay}, stable)", lambda lib, a: lib.sort(a, stable=True, dim=0), (T((4, 3), d, lay),))
        add("sort", f"sort({d}, out=)", lambda lib, a, v, i: lib.sort(a, stable=True, dim=1, out=(v, i)),
            (T((3, 4), d), T((2,), d), T((1,), "int64")))
        add("sort", f"sort({d}, out= wrong dtype)", lambda lib, a, v, i: lib.sort(a, 1, out=(v, i)),
            (T((3, 4), d), T((2,), d), T((1,), "int32")))
        if d in FLOATS:
            for desc in (False, True):
                add("sort", f"sort({d} special, {desc}, stable)",
                    lambda lib, a, desc=desc: lib.sort(a, stable=True, dim=1, descending=desc),
                    (T((3, 4), d, special=True),))
        if d == "bool":
            continue
        v = T((5, 7), d, low=-100, high=100) if d not in ("uint8", "int8") else T((5, 7), d, low=0, high=100)
        for k, dim, largest in ((3, 1, True), (3, 1, False), (2, 0, True), (0, 1, True), (7, -1, True), (5, 0, False)):
            add("topk", f"topk({d}, {k}, {dim}, {largest}) values",
                lambda lib, a, k=k, dim=dim, largest=largest: lib.topk(a, k, dim, largest).values, (v,))
        add("topk", f"topk({d}) method", lambda lib, a: a.topk(2, largest=False).values, (v,))
        add("topk", f"topk({d}) k too big", lambda lib, a: lib.topk(a, 8), (v,))
        add("topk", f"topk({d} 0-dim)", lambda lib, a: lib.topk(a, 1), (T((), d),))
        add("topk", f"topk({d}, out=)", lambda lib, a, vv, i: lib.topk(a, 2, out=(vv, i))[0], (v, T((1,), d), T((1,), "int64")))
        if d in FLOATS:
            add("topk", f"topk({d} special)", lambda lib, a: lib.topk(a, 2, 1).values, (T((3, 4), d, special=True),))
    add("topk", "topk(long row, 1)", lambda lib, a: lib.topk(a, 1), (T((1000,), "float64"),))
    add("topk", "topk(long row, 10)", lambda lib, a: lib.topk(a, 10), (T((1000,), "float64"),))
    add("topk", "topk(long row, 10, smallest)", lambda lib, a: lib.topk(a, 10, largest=False), (T((1000,), "float64"),))
    add("sort", "sort(long row)", lambda lib, a: lib.sort(a), (T((1000,), "float64"),))
    # norm / linalg_vector_norm
    inf = float("inf")
    for d in ALL:
        for s in ((), (5,), (3, 4), (2, 3, 4)):
            x = T(s, d)
            for p in (2, 1, inf, -inf, 0, 3, 0.5, 2.0):
                add("norm", f"norm({d}{s}, {p})", lambda lib, a, p=p: lib.norm(a, p), (x,), rtol=1e-3)
                if s:
                    add("norm", f"norm({d}{s}, {p}, -1)", lambda lib, a, p=p: lib.norm(a, p, -1), (x,), rtol=1e-3)
                    add("norm", f"norm({d}{s}, {p}, 0, keepdim)", lambda lib, a, p=p: lib.norm(a, p, 0, True), (x,),
                        rtol=1e-3)
        add("norm", f"norm({d}) method", lambda lib, a: a.norm(), (T((3, 4), d),), rtol=1e-3)
        add("norm", f"norm({d}, dims)", lambda lib, a: a.norm(1, (0, 2)), (T((2, 3, 4), d),), rtol=1e-3)
        add("norm", f"norm({d} t)", lambda lib, a: a.norm(2, 0), (T((4, 3), d, "t"),), rtol=1e-3)
        add("norm", f"norm({d} empty)", lambda lib, a: lib.norm(a), (T((0, 3), d),), rtol=1e-3)
        add("norm", f"norm({d} empty, 2, 1)", lambda lib, a: lib.norm(a, 2, 1), (T((0, 3), d),), rtol=1e-3)
        if d in FLOATS:
            add("norm", f"norm({d} special)", lambda lib, a: lib.norm(a, 2, 1), (T((3, 4), d, special=True),), rtol=1e-3)
    return out


def _more_case_modules():
    """The `cases()` of every tests/torch_compat/cases_*.py module (one per operator family)."""
    import importlib
    import pathlib

    here = pathlib.Path(__file__).parent
    for path in sorted(here.glob("cases_*.py")):
        yield importlib.import_module(f"tests.torch_compat.{path.stem}").cases


def cases() -> dict[str, list[Case]]:
    groups: dict[str, list[Case]] = {}
    for gen in (unary_cases, binary_cases, operator_cases, reduction_cases, matmul_cases, shape_cases, join_cases,
                creation_cases, misc_cases, index_cases, repr_cases, composite_cases, scan_sort_norm_cases,
                *_more_case_modules()):
        for k, v in gen().items():
            groups.setdefault(k, []).extend(v)
    return groups
