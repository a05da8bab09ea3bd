"""Differential cases of the second batch of pointwise operators (native_functions.yaml
section pointwise-2): float functions of two arguments (atan2, hypot, logaddexp(2),
xlogy, copysign, nextafter, heaviside, float_power), lerp/addcmul/addcdiv, more unary
functions (exp2, sinc, logit, nan_to_num, signbit, isposinf/isneginf, frac, sgn,
asinh/acosh/atanh, erfc, erfinv, rad2deg/deg2rad) and PyTorch's aliases (arccos...,
absolute, negative, fix, positive, multiply, subtract, divide, true_divide, clip).

Over every dtype (bool and integer promotion), broadcasting, 0-dim and zero-size
inputs, non-contiguous layouts, special values (inf, -inf, nan, -0.0), keyword forms,
out= (right dtype, wrong dtype, wrong shape), in-place forms and errors.

out= of a wider float dtype than the computation is left out of the float functions:
ember computes in out='s dtype where PyTorch computes in the inputs' dtype and casts
(the deliberate difference the KNOWN list of test_diff.py records for the older unary
float functions), so such a case would compare float32 results at float64 tolerance.
"""

from __future__ import annotations

import itertools

from tests.torch_compat.harness import ALL, FLOATS, INTS, Case, T

LAYOUTS = ("t", "step", "expand", "offset")
UNARY_SHAPES = [(), (0,), (5,), (3, 4), (2, 3, 4), (0, 3)]
BINARY_SHAPES = [((3, 4), (3, 4)), ((3, 4), (4,)), ((3, 1), (1, 4)), ((2, 3, 4), (3, 1)),
                 ((), ()), ((5,), ()), ((), (5,)), ((0,), (1,)), ((0, 3), (3,)), ((3,), (4,))]


def fn(name, **kw):
    return lambda lib, *a: getattr(lib, name)(*a, **kw)


def meth(name, **kw):
    return lambda lib, self, *a: getattr(self, name)(*a, **kw)


def fn_out(name, **kw):
    return lambda lib, *a: getattr(lib, name)(*a[:-1], out=a[-1], **kw)


# Cases left out, each for a difference that lies outside these operators:
# - the sign of a bfloat16 NaN: PyTorch's float -> bfloat16 conversion gives a NaN with the
#   sign bit set (0xffff), ember's (core/Half.h) a positive one, and signbit/copysign read
#   that bit; so NaNs are kept out of their bfloat16 sign inputs.
# - absolute_ on an expanded bool tensor: abs_ checks bool before overlap (KNOWN in
#   test_diff.py for abs_), and the alias inherits the order.
def _skip(name: str, d: str, what: str) -> bool:
    if d == "bfloat16" and name in ("signbit", "copysign") and what == "special":
        return True
    return name == "absolute" and d == "bool" and what == "expand"


def _natural_float(d: str) -> str:
    """The dtype a float function of a d tensor returns."""
    return d if d in FLOATS else "float32"


# ---------------------------------------------------------------------------
# Unary


# name -> (value range (low, high) or None, in-place forms: "fn+method" | "method" | "")
UNARY_FLOAT = {
    "exp2": (None, "fn+method"),
    "sinc": (None, "fn+method"),
    "asinh": (None, "fn+method"),
    "acosh": ((1.0, 5.0), "fn+method"),
    "atanh": ((-1.0, 1.0), "fn+method"),
    "erfc": (None, "fn+method"),
    "erfinv": ((-1.0, 1.0), "method"),
    "logit": ((0.0, 1.0), "fn+method"),
    "arccos": ((-1.0, 1.0), "fn+method"),
    "arcsin": ((-1.0, 1.0), "fn+method"),
    "arctan": (None, "fn+method"),
    "arccosh": ((1.0, 5.0), "fn+method"),
    "arcsinh": (None, "fn+method"),
    "arctanh": ((-1.0, 1.0), "fn+method"),
    "deg2rad": (None, "fn+method"),
    "rad2deg": (None, "fn+method"),
}
# same-dtype results
UNARY_SAME = {
    "frac": "fn+method",
    "sgn": "method",
    "fix": "fn+method",
    "negative": "fn+method",
    "absolute": "method",
    "nan_to_num": "fn+method",
}
# bool results, no in-place form
UNARY_BOOL = ("signbit", "isposinf", "isneginf")


def _unary_group(out: dict, name: str, rng, inplace: str, out_dtypes) -> None:
    cs = out.setdefault(name, [])
    low, high = rng if rng else (None, None)
    for d in ALL:
        for s in UNARY_SHAPES:
            cs.append(Case(f"{name}({d}{s})", fn(name), (T(s, d, low=low, high=high),)))
        if not _skip(name, d, "special"):
            cs.append(Case(f"{name}({d} special)", fn(name), (T((3, 4), d, low=low, high=high, special=True),)))
        cs.append(Case(f"{name}({d} wide)", fn(name), (T((4, 5), d, seed=7, low=-30, high=30),)))
        for lay in LAYOUTS:
            cs.append(Case(f"{name}({d} {lay})", fn(name), (T((4, 3), d, lay, low=low, high=high),)))
        cs.append(Case(f"{name} method {d}", meth(name), (T((3, 4), d, low=low, high=high),)))
        if inplace:
            for lay in ("contig", "t", "step", "expand"):
                if _skip(name, d, lay):
                    continue
                cs.append(Case(f"{name}_ method {d} {lay}", meth(name + "_"),
                               (T((4, 3), d, lay, low=low, high=high),), same_object=0))
            if inplace == "fn+method":
                cs.append(Case(f"{name}_ fn {d}", fn(name + "_"), (T((3, 4), d, low=low, high=high),), same_object=0))
        for od in out_dtypes(d):
            cs.append(Case(f"{name}(out={od}) {d}", fn_out(name), (T((3, 4), d, low=low, high=high), T((3, 4), od)),
                           same_object=1))
        nat = out_dtypes(d)[0]
        cs.append(Case(f"{name}(out wrong shape) {d}", fn_out(name), (T((3, 4), d, low=low, high=high), T((2,), nat)),
                       same_object=1))
        cs.append(Case(f"{name}(out t) {d}", fn_out(name), (T((3, 4), d, low=low, high=high), T((3, 4), nat, "t")),
                       same_object=1, strides=True))
        cs.append(Case(f"{name}(out is input) {d}", lambda lib, a, _n=name: getattr(lib, _n)(a, out=a),
                       (T((3, 4), d, low=low, high=high),)))
    cs.append(Case(f"{name}(python float)", fn(name), (0.5,)))
    cs.append(Case(f"{name}(input=kw)", lambda lib, x, _n=name: getattr(lib, _n)(input=x), (T((3,), low=low, high=high),)))


def unary_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for name, (rng, inplace) in UNARY_FLOAT.items():
        _unary_group(out, name, rng, inplace,
                     lambda d: (_natural_float(d), "int64", "bool") + (("float64",) if d == "float64" else ()))
    for name, inplace in UNARY_SAME.items():
        _unary_group(out, name, None, inplace, lambda d: (d, "float32", "int64", "bool"))
    for name in UNARY_BOOL:
        _unary_group(out, name, None, "", lambda d: ("bool", "int64", "float32"))
    # erfinv near +-1, where the tails of the inverse take over
    cs = out["erfinv"]
    for d in ("float32", "float64"):
        cs.append(Case(f"erfinv({d} tails)", lambda lib, a: lib.erfinv(a),
                       (T((64,), d, seed=11, low=0.9, high=1.0),)))
        cs.append(Case(f"erfinv({d} -tails)", lambda lib, a: lib.erfinv(-a),
                       (T((64,), d, seed=12, low=0.99, high=1.0),)))
        cs.append(Case(f"erfinv({d} small)", lambda lib, a: lib.erfinv(a * 1e-3),
                       (T((64,), d, seed=13, low=-1.0, high=1.0),)))
    # logit with eps (None, negative: no clamp)
    cs = out["logit"]
    for d in FLOATS + ("int64", "bool"):
        for eps in (None, 0.0, 1e-6, 0.25, -1.0, 0.5):
            cs.append(Case(f"logit({d}, eps={eps})", fn("logit", eps=eps), (T((3, 4), d, low=-0.5, high=1.5, special=True),)))
            cs.append(Case(f"logit_({d}, eps={eps})", meth("logit_", eps=eps), (T((3, 4), d, low=0.0, high=1.0),)))
        cs.append(Case(f"logit({d}, positional eps)", lambda lib, a: lib.logit(a, 0.1), (T((3, 4), d, low=0, high=1),)))
        cs.append(Case(f"logit({d}, out=, eps)", lambda lib, a, o: lib.logit(a, 0.1, out=o),
                       (T((3, 4), d, low=0, high=1), T((3, 4), _natural_float(d)))))
    # nan_to_num replacements
    cs = out["nan_to_num"]
    for d in ALL:
        x = T((4, 5), d, special=True)
        for kw in ({"nan": 1.5}, {"posinf": 7.0}, {"neginf": -7.0}, {"nan": 0.0, "posinf": 1e10, "neginf": -1e10},
                   {"nan": -2, "posinf": 2, "neginf": 3}):
            cs.append(Case(f"nan_to_num({d}, {kw})", fn("nan_to_num", **kw), (x,)))
            cs.append(Case(f"nan_to_num_({d}, {kw})", meth("nan_to_num_", **kw), (x,), same_object=0))
        cs.append(Case(f"nan_to_num({d}, positional)", lambda lib, a: lib.nan_to_num(a, 1.0, 2.0, 3.0), (x,)))
        cs.append(Case(f"nan_to_num({d}, out=, nan)", lambda lib, a, o: lib.nan_to_num(a, nan=4.0, out=o),
                       (x, T((4, 5), d))))
    # sign bit of zeros and NaNs, infinities of every sign
    for name in UNARY_BOOL + ("sgn", "frac", "fix", "absolute", "negative"):
        for d in FLOATS:
            if _skip(name, d, "special"):
                continue
            out[name].append(Case(f"{name}({d} zeros/infs)", lambda lib, a, _n=name: getattr(lib, _n)(a),
                                  (T((16,), d, seed=5, low=-0.0, high=0.0, special=True),)))
    # positive: the tensor itself, bool raises, no out=
    cs = out.setdefault("positive", [])
    for d in ALL:
        for lay in ("contig",) + LAYOUTS:
            cs.append(Case(f"positive({d} {lay})", fn("positive"), (T((4, 3), d, lay),), strides=True))
        cs.append(Case(f"positive method {d}", meth("positive"), (T((3, 4), d),)))
        cs.append(Case(f"positive 0-dim {d}", fn("positive"), (T((), d),)))
    cs.append(Case("positive(out=)", fn_out("positive"), (T((3,)), T((3,)))))
    cs.append(Case("positive(python float)", fn("positive"), (0.5,)))
    return out


# ---------------------------------------------------------------------------
# Binary

# name -> (in-place forms, value range of the first operand, of the second)
BINARY = {
    "atan2": ("method", None, None),
    "arctan2": ("method", None, None),
    "hypot": ("method", None, None),
    "logaddexp": ("", None, None),
    "logaddexp2": ("", None, None),
    "xlogy": ("fn+method", None, (0.0, 4.0)),
    "copysign": ("method", None, None),
    "nextafter": ("method", None, None),
    "heaviside": ("method", None, None),
    "float_power": ("method", (0.5, 3.0), (-2.0, 2.0)),
}


def _binary_out_dtypes(name: str, d: str) -> tuple:
    if name == "float_power":
        return ("float64", "float32", "int64")
    if name == "heaviside":
        return (d, "float32" if d != "float32" else "int64")
    return (_natural_float(d), "int64", "bool") + (("float64",) if d == "float64" else ())


def binary_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for name, (inplace, ra, rb) in BINARY.items():
        cs = out.setdefault(name, [])
        la, ha = ra or (None, None)
        lb, hb = rb or (None, None)
        for da, db in itertools.product(ALL, ALL):
            cs.append(Case(f"{name}({da},{db})", fn(name), (T((3, 4), da, low=la, high=ha),
                                                            T((4,), db, seed=1, low=lb, high=hb))))
        for d in ALL:
            for sa, sb in BINARY_SHAPES:
                cs.append(Case(f"{name}({d}{sa},{d}{sb})", fn(name),
                               (T(sa, d, low=la, high=ha), T(sb, d, seed=1, low=lb, high=hb))))
            for d0 in ("bool", "int64", "float64", "float16"):
                cs.append(Case(f"{name}({d}(3,4), 0-dim {d0})", fn(name),
                               (T((3, 4), d, low=la, high=ha), T((), d0, seed=2, low=lb if lb else 0, high=hb if hb else 3))))
                cs.append(Case(f"{name}(0-dim {d0}, {d}(3,4))", fn(name),
                               (T((), d0, seed=2, low=la if la else 0, high=ha if ha else 3), T((3, 4), d, low=lb, high=hb))))
            nan_b = not _skip(name, d, "special")  # NaN among the second operand's specials
            cs.append(Case(f"{name}({d} special)", fn(name), (T((4, 5), d, special=True, low=la, high=ha),
                                                               T((4, 5), d, seed=3, special=nan_b, low=lb, high=hb))))
            cs.append(Case(f"{name}({d} special x zeros)", fn(name),
                           (T((16,), d, seed=4, special=True, low=-0.0, high=0.0), T((16,), d, seed=5, special=nan_b))))
            for lay in LAYOUTS:
                cs.append(Case(f"{name}({d} {lay})", fn(name), (T((4, 3), d, lay, low=la, high=ha),
                                                                 T((4, 3), d, lay, seed=3, low=lb, high=hb))))
            cs.append(Case(f"{name} method {d}", meth(name), (T((3, 4), d, low=la, high=ha), T((4,), d, seed=1, low=lb, high=hb))))
            if inplace:
                for db in ALL:
                    cs.append(Case(f"{name}_({d}, {db})", meth(name + "_"), (T((3, 4), d, low=la, high=ha),
                                                                           T((4,), db, seed=1, low=lb, high=hb)),
                                   same_object=0))
                cs.append(Case(f"{name}_({d} (1,4) with (3,4))", meth(name + "_"),
                               (T((1, 4), d, low=la, high=ha), T((3, 4), d, seed=1, low=lb, high=hb))))
                cs.append(Case(f"{name}_({d} t)", meth(name + "_"), (T((4, 3), d, "t", low=la, high=ha),
                                                                    T((3,), d, seed=1, low=lb, high=hb)), same_object=0))
                cs.append(Case(f"{name}_({d} expanded)", meth(name + "_"), (T((4, 3), d, "expand", low=la, high=ha),
                                                                           T((3,), d, seed=1, low=lb, high=hb))))
                if inplace == "fn+method":
                    cs.append(Case(f"{name}_ fn {d}", fn(name + "_"), (T((3, 4), d, low=la, high=ha),
                                                                      T((4,), d, seed=1, low=lb, high=hb)), same_object=0))
            else:
                cs.append(Case(f"{name}_ absent {d}", meth(name + "_"), (T((3, 4), d), T((4,), d, seed=1))))
            for od in _binary_out_dtypes(name, d):
                cs.append(Case(f"{name}(out={od}) {d}", fn_out(name),
                               (T((3, 4), d, low=la, high=ha), T((4,), d, seed=1, low=lb, high=hb), T((3, 4), od)),
                               same_object=2))
            nat = _binary_out_dtypes(name, d)[0]
            cs.append(Case(f"{name}(out wrong shape) {d}", fn_out(name),
                           (T((3, 4), d, low=la, high=ha), T((4,), d, seed=1, low=lb, high=hb), T((5,), nat)), same_object=2))
            cs.append(Case(f"{name}(out is input) {d}", lambda lib, a, b, _n=name: getattr(lib, _n)(a, b, out=a),
                           (T((3, 4), d, low=la, high=ha), T((3, 4), d, seed=1, low=lb, high=hb))))
            # Python numbers: a TypeError unless the schema has a Scalar overload
            for s in (2, -1.5, True):
                cs.append(Case(f"{name}({d}, {s!r})", fn(name), (T((3, 4), d, low=la, high=ha), s)))
                cs.append(Case(f"{name}({s!r}, {d})", fn(name), (s, T((3, 4), d, low=lb, high=hb))))
                cs.append(Case(f"{name} method ({d}, {s!r})", meth(name), (T((3, 4), d, low=la, high=ha), s)))
        second = "exponent" if name == "float_power" else ("values" if name == "heaviside" else "other")
        cs.append(Case(f"{name}(kw input/{second})",
                       lambda lib, a, b, _n=name, _k=second: getattr(lib, _n)(input=a, **{_k: b}),
                       (T((3,), low=0.5, high=2), T((3,), seed=1, low=0.5, high=2))))
        cs.append(Case(f"{name}(scalar, scalar)", fn(name), (2, 3)))
        cs.append(Case(f"{name}(str)", fn(name), (T((3,)), "a")))
        cs.append(Case(f"{name}(None)", fn(name), (T((3,)), None)))
    # Scalar overloads with out= and in-place
    for name in ("xlogy", "copysign", "float_power"):
        cs = out[name]
        for d in ALL:
            for s in (2, -0.0, 0.5):
                nat = "float64" if name == "float_power" else _natural_float(d)
                cs.append(Case(f"{name}({d}, {s!r}, out=)", lambda lib, a, o, _n=name, _s=s: getattr(lib, _n)(a, _s, out=o),
                               (T((3, 4), d, low=0.5, high=3), T((3, 4), nat)), same_object=1))
                cs.append(Case(f"{name}_({d}, {s!r})", meth(name + "_", ), (T((3, 4), d, low=0.5, high=3), s)))
                if name != "copysign":
                    cs.append(Case(f"{name}({s!r}, {d}, out=)",
                                   lambda lib, b, o, _n=name, _s=s: getattr(lib, _n)(_s, b, out=o),
                                   (T((3, 4), d, low=0.5, high=3), T((3, 4), nat)), same_object=1))
    cs = out["xlogy"]
    for d in ALL:
        cs.append(Case(f"xlogy_ fn({d}, 2)", lambda lib, a: lib.xlogy_(a, 2), (T((3, 4), d),)))
    # nextafter: the neighbours themselves (compared exactly through a view as integers)
    cs = out["nextafter"]
    for d, idt in (("float32", "int32"), ("float64", "int64"), ("float16", "int16"), ("bfloat16", "int16")):
        cs.append(Case(f"nextafter({d}) bits", lambda lib, a, b, _i=idt: lib.nextafter(a, b).view(getattr(lib, _i)),
                       (T((5, 6), d, special=True), T((5, 6), d, seed=9, special=True))))
        cs.append(Case(f"nextafter({d} zeros) bits", lambda lib, a, b, _i=idt: lib.nextafter(a * 0, b).view(getattr(lib, _i)),
                       (T((5, 6), d), T((5, 6), d, seed=9))))
        cs.append(Case(f"nextafter({d} equal) bits", lambda lib, a, _i=idt: lib.nextafter(a, a).view(getattr(lib, _i)),
                       (T((5, 6), d),)))
    # heaviside: values of another dtype, out= of another dtype
    cs = out["heaviside"]
    for d in ALL:
        cs.append(Case(f"heaviside({d} zeros)", fn("heaviside"), (T((3, 4), d, low=-1, high=1), T((4,), d, seed=1))))
    return out


# ---------------------------------------------------------------------------
# lerp, addcmul, addcdiv


def ternary_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    cs = out.setdefault("lerp", [])
    for d in ALL:
        a, b = T((3, 4), d), T((3, 4), d, seed=1)
        for w in (0.0, 0.25, 0.5, 1.0, 1.5, -0.75, 2, True):
            cs.append(Case(f"lerp({d}, {w!r})", fn("lerp"), (a, b, w)))
            cs.append(Case(f"lerp_({d}, {w!r})", meth("lerp_"), (a, b, w), same_object=0))
        cs.append(Case(f"lerp({d} special)", fn("lerp"), (T((4, 5), d, special=True), T((4, 5), d, seed=2, special=True), 0.3)))
        cs.append(Case(f"lerp({d} weight tensor)", fn("lerp"), (a, b, T((3, 4), d, seed=3, low=-1, high=2))))
        cs.append(Case(f"lerp({d} weight bcast)", fn("lerp"), (a, T((4,), d, seed=1), T((3, 1), d, seed=3, low=0, high=1))))
        cs.append(Case(f"lerp_({d} weight tensor)", meth("lerp_"), (a, b, T((4,), d, seed=3, low=0, high=1)), same_object=0))
        cs.append(Case(f"lerp method {d}", meth("lerp"), (a, b, 0.3)))
        for dw in ("float64", "int64", "float16", "bool"):
            cs.append(Case(f"lerp({d} weight 0-dim {dw})", fn("lerp"), (a, b, T((), dw, seed=4, low=0, high=1))))
            cs.append(Case(f"lerp({d} weight 1-d {dw})", fn("lerp"), (a, b, T((4,), dw, seed=4, low=0, high=1))))
            cs.append(Case(f"lerp({d} end {dw})", fn("lerp"), (a, T((4,), dw, seed=1), 0.5)))
            cs.append(Case(f"lerp({d} end 0-dim {dw})", fn("lerp"), (a, T((), dw, seed=1), 0.5)))
        for lay in LAYOUTS:
            cs.append(Case(f"lerp({d} {lay})", fn("lerp"), (T((4, 3), d, lay), T((4, 3), d, lay, seed=1), T((4, 3), d, lay, seed=2))))
        for od in (d, "float32", "float64", "float16", "int64", "bool"):
            cs.append(Case(f"lerp(out={od}) {d}", fn_out("lerp"), (a, b, 0.25, T((3, 4), od)), same_object=3))
            cs.append(Case(f"lerp(tensor w, out={od}) {d}", fn_out("lerp"), (a, b, T((4,), d, seed=5), T((3, 4), od)),
                           same_object=3))
        cs.append(Case(f"lerp(out wrong shape) {d}", fn_out("lerp"), (a, b, 0.25, T((2,), d)), same_object=3))
        cs.append(Case(f"lerp_({d} self broadcast)", meth("lerp_"), (T((1, 4), d), b, 0.5)))
        cs.append(Case(f"lerp({d} 0-size)", fn("lerp"), (T((0, 4), d), T((4,), d), 0.5)))
        cs.append(Case(f"lerp({d} 0-dim)", fn("lerp"), (T((), d), T((), d, seed=1), T((), d, seed=2))))
    cs.append(Case("lerp(kw)", lambda lib, a, b: lib.lerp(input=a, end=b, weight=0.5), (T((3,)), T((3,), seed=1))))
    cs.append(Case("lerp(end number)", fn("lerp"), (T((3,)), 2.0, 0.5)))
    cs.append(Case("lerp(missing weight)", fn("lerp"), (T((3,)), T((3,)))))

    for name in ("addcmul", "addcdiv"):
        cs = out.setdefault(name, [])
        for da, db, dc in itertools.product(("bool", "uint8", "int32", "int64", "float16", "bfloat16", "float32", "float64"),
                                            repeat=3):
            cs.append(Case(f"{name}({da},{db},{dc})", fn(name),
                           (T((3, 4), da), T((4,), db, seed=1, low=1, high=4), T((3, 1), dc, seed=2, low=1, high=4))))
        for d in ALL:
            x, t1, t2 = T((3, 4), d), T((3, 4), d, seed=1, low=1, high=4), T((4,), d, seed=2, low=1, high=4)
            f1 = T((3, 4), "float32", seed=3, low=1, high=4)
            for v in (1, 2, 0.5, -1.5, True, 0):
                cs.append(Case(f"{name}({d}, value={v!r})", fn(name, value=v), (x, t1, t2)))
                cs.append(Case(f"{name}({d}, f32, value={v!r})", fn(name, value=v), (x, f1, t2)))
                cs.append(Case(f"{name}_({d}, value={v!r})", meth(name + "_", value=v), (x, t1, t2), same_object=0))
                cs.append(Case(f"{name}_({d}, f32, value={v!r})", meth(name + "_", value=v), (x, f1, t2)))
            cs.append(Case(f"{name} method {d}", meth(name), (x, t1, t2)))
            cs.append(Case(f"{name}({d} special)", fn(name), (T((4, 5), d, special=True), T((4, 5), d, seed=1, special=True),
                                                               T((4, 5), d, seed=2, special=True))))
            for lay in LAYOUTS:
                cs.append(Case(f"{name}({d} {lay})", fn(name), (T((4, 3), d, lay), T((4, 3), d, lay, seed=1, low=1, high=4),
                                                                 T((4, 3), d, lay, seed=2, low=1, high=4))))
            for od in (d, "float32", "float64", "int64", "bool"):
                cs.append(Case(f"{name}(out={od}) {d}", fn_out(name), (x, f1, t2, T((3, 4), od)), same_object=3))
                cs.append(Case(f"{name}(out={od}, same dtype) {d}", fn_out(name), (x, t1, t2, T((3, 4), od)), same_object=3))
            cs.append(Case(f"{name}(out wrong shape) {d}", fn_out(name), (x, f1, t2, T((7,), "float32")), same_object=3))
            cs.append(Case(f"{name}_({d} self broadcast)", meth(name + "_"), (T((1, 4), d), f1, t2)))
            cs.append(Case(f"{name}({d} bcast)", fn(name), (T((4,), d), T((3, 1), d, seed=1, low=1, high=4),
                                                             T((1, 4), d, seed=2, low=1, high=4))))
            cs.append(Case(f"{name}({d} 0-size)", fn(name), (T((0, 4), d), T((4,), d, low=1, high=4), T((1,), d, low=1, high=4))))
            for d0 in ("float64", "int64", "bool"):
                cs.append(Case(f"{name}({d}, 0-dim {d0})", fn(name), (x, T((), d0, seed=6, low=1, high=3), t2)))
        cs.append(Case(f"{name}(kw)", lambda lib, a, b, c, _n=name: getattr(lib, _n)(input=a, tensor1=b, tensor2=c, value=2),
                       (T((3,)), T((3,), seed=1), T((3,), seed=2, low=1, high=3))))
        cs.append(Case(f"{name}(value positional)", lambda lib, a, b, c, _n=name: getattr(lib, _n)(a, b, c, 2),
                       (T((3,)), T((3,), seed=1), T((3,), seed=2, low=1, high=3))))
        cs.append(Case(f"{name}(number tensor1)", fn(name), (T((3,)), 2.0, T((3,)))))
        cs.append(Case(f"{name}(shape mismatch)", fn(name), (T((3,)), T((4,)), T((3,)))))
    return out


# ---------------------------------------------------------------------------
# Aliases with several overloads


def alias_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for name in ("multiply", "subtract", "divide", "true_divide"):
        cs = out.setdefault(name, [])
        for da, db in itertools.product(ALL, ALL):
            cs.append(Case(f"{name}({da},{db})", fn(name), (T((3, 4), da), T((4,), db, seed=1, low=1, high=4))))
        for d in ALL:
            for s in (2, -3, 2.5, True):
                cs.append(Case(f"{name}({d}, {s!r})", fn(name), (T((3, 4), d), s)))
                cs.append(Case(f"{name} method ({d}, {s!r})", meth(name), (T((3, 4), d), s)))
                cs.append(Case(f"{name}_({d}, {s!r})", meth(name + "_"), (T((3, 4), d), s)))
            for db in ALL:
                cs.append(Case(f"{name}_({d}, {db})", meth(name + "_"), (T((3, 4), d), T((4,), db, seed=1, low=1, high=4)),
                               same_object=0))
            for lay in LAYOUTS:
                cs.append(Case(f"{name}({d} {lay})", fn(name), (T((4, 3), d, lay), T((4, 3), d, lay, seed=3, low=1, high=4))))
            for od in ("float32", "int64", "bool", d):
                cs.append(Case(f"{name}(out={od}) {d}", fn_out(name), (T((3, 4), d), T((4,), d, seed=1, low=1, high=4),
                                                                       T((3, 4), od)), same_object=2))
            cs.append(Case(f"{name}(out wrong shape) {d}", fn_out(name), (T((3, 4), d), T((4,), d, seed=1), T((5,), d)),
                           same_object=2))
        cs.append(Case(f"{name}(kw input/other)", lambda lib, a, b, _n=name: getattr(lib, _n)(input=a, other=b),
                       (T((3,)), T((3,), seed=1))))
        cs.append(Case(f"{name}(str)", fn(name), (T((3,)), "a")))
    cs = out["subtract"]
    for d in ALL:
        for alpha in (2, 0.5, True):
            cs.append(Case(f"subtract({d}, alpha={alpha})", fn("subtract", alpha=alpha), (T((3, 4), d), T((4,), d, seed=1))))
            cs.append(Case(f"subtract_({d}, alpha={alpha})", meth("subtract_", alpha=alpha), (T((3, 4), d), T((4,), d, seed=1))))
            cs.append(Case(f"subtract({d}, 3, alpha={alpha})", fn("subtract", alpha=alpha), (T((3, 4), d), 3)))
        cs.append(Case(f"subtract({d}, 3, 2) positional alpha", lambda lib, a: lib.subtract(a, 3, 2), (T((3, 4), d),)))
    for name in ("divide",):
        cs = out[name]
        for d in ALL:
            for mode in ("trunc", "floor", None, "bad"):
                cs.append(Case(f"divide({d}, mode={mode})", fn("divide", rounding_mode=mode),
                               (T((3, 4), d, low=-9, high=9), T((4,), d, seed=1, low=1, high=4))))
                cs.append(Case(f"divide_({d}, mode={mode})", meth("divide_", rounding_mode=mode),
                               (T((3, 4), d, low=-9, high=9), T((4,), d, seed=1, low=1, high=4))))
                cs.append(Case(f"divide({d}, -2.5, mode={mode})", fn("divide", rounding_mode=mode), (T((3, 4), d), -2.5)))
                cs.append(Case(f"divide_({d}, 2, mode={mode})", meth("divide_", rounding_mode=mode), (T((3, 4), d), 2)))
                cs.append(Case(f"divide(out=, mode={mode}) {d}",
                               lambda lib, a, b, o, _m=mode: lib.divide(a, b, rounding_mode=_m, out=o),
                               (T((3, 4), d), T((4,), d, seed=1, low=1, high=4), T((3, 4), "float32")), same_object=2))
    # clip: every overload of clamp under its other name
    cs = out.setdefault("clip", [])
    for d in ALL:
        x = T((3, 4), d, special=True)
        for lo, hi in ((-1, 2), (None, 0.5), (0, None), (None, None), (2.5, -1)):
            cs.append(Case(f"clip({d}, {lo}, {hi})", fn("clip", min=lo, max=hi), (x,)))
            cs.append(Case(f"clip method({d}, {lo}, {hi})", meth("clip", min=lo, max=hi), (x,)))
            cs.append(Case(f"clip_({d}, {lo}, {hi})", meth("clip_", min=lo, max=hi), (x,)))
            cs.append(Case(f"clip_ fn({d}, {lo}, {hi})", fn("clip_", min=lo, max=hi), (x,)))
            cs.append(Case(f"clip(out=, {lo}, {hi}) {d}", lambda lib, a, o, _l=lo, _h=hi: lib.clip(a, _l, _h, out=o),
                           (x, T((3, 4), d)), same_object=1))
        lo_t, hi_t = T((4,), d, seed=1, low=-2, high=0), T((3, 1), d, seed=2, low=0, high=2)
        cs.append(Case(f"clip({d} tensors)", fn("clip"), (x, lo_t, hi_t)))
        cs.append(Case(f"clip({d} min tensor)", lambda lib, a, b: lib.clip(a, min=b), (x, lo_t)))
        cs.append(Case(f"clip({d} max tensor)", lambda lib, a, b: lib.clip(a, max=b), (x, hi_t)))
        cs.append(Case(f"clip_({d} tensors)", meth("clip_"), (x, lo_t, hi_t)))
        cs.append(Case(f"clip_ fn({d} tensors)", fn("clip_"), (x, lo_t, hi_t)))
        cs.append(Case(f"clip(out=, tensors) {d}", fn_out("clip"), (x, lo_t, hi_t, T((3, 4), d)), same_object=3))
        for lay in LAYOUTS:
            cs.append(Case(f"clip({d} {lay})", fn("clip", min=-1, max=1), (T((4, 3), d, lay),)))
    for d in INTS:
        cs.append(Case(f"clip({d}, 0.5) promotes", fn("clip", min=0.5), (T((3, 4), d),)))
    return out


def cases() -> dict[str, list[Case]]:
    groups: dict[str, list[Case]] = {}
    for gen in (unary_cases, binary_cases, ternary_cases, alias_cases):
        for k, v in gen().items():
            groups.setdefault(k, []).extend(v)
    return groups
