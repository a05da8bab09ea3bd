"""Differential cases for the composite, shape and linear-algebra operators of the
composites-2 section of native_functions.yaml: views (diagonal, broadcast_to,
movedim lists, atleast_Nd, meshgrid), stacks, flips, tile, take_along_dim, diff,
closeness, NaN-ignoring and paired reductions, and the products (baddbmm, addbmm,
addmv, addr, kron, tensordot, cross, cdist, einsum, multi_dot).

PyTorch's Python-level forms (torch.functional, torch.linalg) are reached on the
ember side through ember.functional and ember.linalg.
"""

from __future__ import annotations

import importlib

from tests.torch_compat.harness import ALL, FLOATS, INTS, Case, D, T
from tests.torch_compat.cases import fn, meth

LAYOUTS = ("contig", "t", "step", "expand", "offset")
NUMERIC = INTS + FLOATS
GEMM_DTYPES = ("int32", "int64", "float16", "bfloat16", "float32", "float64")


def _is_torch(lib) -> bool:
    return lib.__name__ == "torch"


def F(lib):
    """torch.functional's entry points: torch itself, or ember.functional."""
    return lib if _is_torch(lib) else importlib.import_module("ember.functional")


def LA(lib):
    return lib.linalg if _is_torch(lib) else importlib.import_module("ember.linalg")


def _rtol(d: str, base: float = 1e-4) -> float:
    return {"float16": 1e-2, "bfloat16": 5e-2}.get(d, base)


# ---------------------------------------------------------------------------
# Views


def view_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    cs = out.setdefault("diagonal", [])
    for shape in ((3, 4), (4, 3), (3, 3), (2, 3, 4), (0, 3), (3, 0), (1, 1)):
        for off in (-4, -2, -1, 0, 1, 2, 5):
            cs.append(Case(f"diagonal({shape}, {off})", fn("diagonal"), (T(shape), off), strides=True))
        for d1, d2 in ((0, 1), (1, 0), (-1, 0), (-2, -1)):
            cs.append(Case(f"diagonal({shape}, 1, {d1}, {d2})", fn("diagonal"), (T(shape), 1, d1, d2), strides=True))
    for d in ALL:
        cs.append(Case(f"diagonal({d})", fn("diagonal"), (T((3, 4), d),), strides=True))
        cs.append(Case(f"diagonal method ({d}, kw)", meth("diagonal", offset=-1, dim1=1, dim2=0), (T((4, 3), d),),
                       strides=True))
    for lay in LAYOUTS:
        cs.append(Case(f"diagonal({lay})", fn("diagonal"), (T((4, 4), "float32", lay),), strides=True))
        cs.append(Case(f"diagonal({lay}, -1)", fn("diagonal"), (T((4, 5), "float32", lay), -1), strides=True))
        cs.append(Case(f"diagonal 3d ({lay}, dims 0 2)", fn("diagonal", dim1=0, dim2=2), (T((4, 3, 4), "float32", lay),),
                       strides=True))
    cs.append(Case("diagonal writes through", lambda lib, a: (a.diagonal(1).fill_(7), a)[1], (T((3, 4)),)))
    cs.append(Case("diagonal(input=kw)", lambda lib, a: lib.diagonal(input=a, offset=1), (T((3, 4)),)))
    for shape, dims in (((5,), ()), ((3, 4), (0, 0)), ((3, 4), (0, 2)), ((), ()), ((3, 4), (1, -1))):
        cs.append(Case(f"diagonal error {shape} {dims}", lambda lib, a, dims=dims: lib.diagonal(a, 0, *dims),
                       (T(shape),)))

    cs = out.setdefault("broadcast_to", [])
    for src, dst in (((3, 1), (2, 3, 4)), ((), (2, 3)), ((4,), (3, 4)), ((1,), (0,)), ((3, 4), (3, 4)),
                     ((3, 1), (-1, 5)), ((0, 1), (2, 0, 3))):
        for d in ("float32", "int64", "bool"):
            cs.append(Case(f"broadcast_to({d}{src}, {dst})", fn("broadcast_to"), (T(src, d), dst), strides=True))
        cs.append(Case(f"broadcast_to method {src}->{dst}", lambda lib, a, dst=dst: a.broadcast_to(dst), (T(src),),
                       strides=True))
    cs.append(Case("broadcast_to(size=kw)", lambda lib, a: lib.broadcast_to(a, size=(2, 3)), (T((3,)),)))
    cs.append(Case("broadcast_to(t layout)", fn("broadcast_to"), (T((1, 3), "float32", "t"), (4, 1, 3)), strides=True))
    for src, dst in (((3,), (4,)), ((2, 3), (3,)), ((3,), (-1, 3)), ((2, 1), (2, -2))):
        cs.append(Case(f"broadcast_to error {src}->{dst}", fn("broadcast_to"), (T(src), dst)))

    cs = out.setdefault("broadcast_tensors", [])
    for shapes in (((3, 1), (1, 4)), ((2, 3, 4), (4,), ()), ((5,),), ((0, 3), (1, 3)), ((3,), (3,))):
        ts = [T(s, "float32", seed=i) for i, s in enumerate(shapes)]
        cs.append(Case(f"broadcast_tensors{shapes}", lambda lib, *a: F(lib).broadcast_tensors(*a), tuple(ts),
                       strides=True))
    cs.append(Case("broadcast_tensors(dtypes kept)", lambda lib, *a: F(lib).broadcast_tensors(*a),
                   (T((3, 1), "int32"), T((4,), "bool")), strides=True))
    cs.append(Case("broadcast_tensors error", lambda lib, *a: F(lib).broadcast_tensors(*a), (T((3,)), T((4,)))))
    cs.append(Case("broadcast_tensors error 2", lambda lib, *a: F(lib).broadcast_tensors(*a),
                   (T((2, 3)), T((1, 3)), T((3, 1, 2)))))

    cs = out.setdefault("ravel", [])
    for d in ("float32", "int8", "bool"):
        for lay in LAYOUTS:
            cs.append(Case(f"ravel({d} {lay})", fn("ravel"), (T((3, 4), d, lay),)))
            cs.append(Case(f"ravel method ({d} {lay})", meth("ravel"), (T((3, 4), d, lay),)))
    for s in ((), (0,), (2, 0, 3), (5,)):
        cs.append(Case(f"ravel({s})", fn("ravel"), (T(s),)))

    for name in ("movedim", "moveaxis"):
        cs = out.setdefault(name, [])
        for src, dst in (([0], [2]), ([0, 1], [2, 0]), ([-1, 0], [0, -1]), ([], []), ([2, 1, 0], [0, 1, 2]),
                         ((0, 2), (1, 0))):
            cs.append(Case(f"{name}({src}, {dst})", fn(name), (T((2, 3, 4)), src, dst), strides=True))
            cs.append(Case(f"{name} method ({src}, {dst})", lambda lib, a, s=src, d=dst, n=name: getattr(a, n)(s, d),
                           (T((2, 3, 4), "int32", "t"),), strides=True))
        cs.append(Case(f"{name}(int)", fn(name), (T((2, 3, 4)), 0, -1), strides=True))
        cs.append(Case(f"{name}(kw)", lambda lib, a, n=name: getattr(lib, n)(a, source=[0], destination=[1]),
                       (T((2, 3)),), strides=True))
        cs.append(Case(f"{name}(0-dim)", fn(name), (T(()), [0], [0])))
        for src, dst in (([0, 0], [0, 1]), ([0], [0, 1]), ([0, 1], [1, 1]), ([3], [0]), ([0], [-4])):
            cs.append(Case(f"{name} error ({src}, {dst})", fn(name), (T((2, 3, 4)), src, dst)))

    for n in (1, 2, 3):
        name = f"atleast_{n}d"
        cs = out.setdefault(name, [])
        for s in ((), (3,), (2, 3), (2, 3, 4), (0,), (2, 0)):
            for d in ("float32", "int64", "bool"):
                cs.append(Case(f"{name}({d}{s})", fn(name), (T(s, d),), strides=True))
            cs.append(Case(f"{name}(F, {s})", lambda lib, a, n=name: getattr(F(lib), n)(a), (T(s),), strides=True))
        cs.append(Case(f"{name}(t layout)", fn(name), (T((3,), "float32", "step"),), strides=True))
        cs.append(Case(f"{name}(list)", fn(name), ([T(()), T((3,), seed=1), T((2, 3), seed=2)],)))
        cs.append(Case(f"{name}(tuple)", lambda lib, a, b, n=name: getattr(lib, n)((a, b)), (T(()), T((2, 3)))))
        cs.append(Case(f"{name}(*args)", lambda lib, a, b, n=name: getattr(F(lib), n)(a, b), (T(()), T((4,)))))
        cs.append(Case(f"{name}(empty list)", lambda lib, n=name: getattr(lib, n)([]), ()))

    cs = out.setdefault("meshgrid", [])
    for idx in ("ij", "xy"):
        for shapes in (((3,), (4,)), ((2,), (3,), (4,)), ((3,),), ((), (4,)), ((0,), (3,)), ((2,), ())):
            ts = tuple(T(s, "float32", seed=i) for i, s in enumerate(shapes))
            cs.append(Case(f"meshgrid({shapes}, {idx})", lambda lib, *a, idx=idx: F(lib).meshgrid(*a, indexing=idx),
                           ts, strides=True))
        cs.append(Case(f"meshgrid(list, {idx})", lambda lib, a, b, idx=idx: F(lib).meshgrid([a, b], indexing=idx),
                       (T((2,), "int64"), T((3,), "int64", seed=1)), strides=True))
        cs.append(Case(f"meshgrid(step, {idx})", lambda lib, a, b, idx=idx: F(lib).meshgrid(a, b, indexing=idx),
                       (T((3,), "float32", "step"), T((2,), "float32", "offset")), strides=True))
    cs.append(Case("meshgrid(native, indexing)", lambda lib, a, b: lib.meshgrid([a, b], indexing="xy"),
                   (T((2,)), T((3,), seed=1))))
    cs.append(Case("meshgrid(writes through)", lambda lib, a, b: (F(lib).meshgrid(a, b, indexing="ij"), a.add_(1))[0],
                   (T((2,)), T((3,), seed=1))))
    for bad_name, args, kw in (("empty", (), {"indexing": "ij"}), ("2-d", (T((2, 3)),), {"indexing": "ij"}),
                               ("dtypes", (T((2,)), T((3,), "float64")), {"indexing": "ij"}),
                               ("indexing", (T((2,)),), {"indexing": "foo"})):
        cs.append(Case(f"meshgrid error {bad_name}", lambda lib, *a, kw=kw: F(lib).meshgrid(*a, **kw), args))
    return out


# ---------------------------------------------------------------------------
# Stacks, flips, tile, take_along_dim, diff


def rearrange_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    stack_shapes = [((3,), (3,)), ((2, 3), (3,)), ((), ()), ((2, 3, 4), (2, 3, 4)), ((2, 3), (4, 3)), ((0, 3), (2, 3)),
                    ((2, 2), (2, 3)), ((1, 3), (2, 3)), ((2,), (3,)), ((), (2,)), ((2, 3, 4), (2, 3, 1))]
    for name in ("vstack", "hstack", "dstack", "column_stack", "row_stack"):
        cs = out.setdefault(name, [])
        for shapes in stack_shapes:
            ts = [T(s, "float32", seed=i) for i, s in enumerate(shapes)]
            cs.append(Case(f"{name}{shapes}", fn(name), (ts,)))
        for da, db in (("float32", "int64"), ("int8", "uint8"), ("bool", "bool"), ("float16", "float64")):
            cs.append(Case(f"{name}({da}, {db})", fn(name), ([T((2, 3), da), T((2, 3), db, seed=1)],)))
        for lay in LAYOUTS[1:]:
            cs.append(Case(f"{name}({lay})", fn(name), ([T((3, 3), "float32", lay), T((3, 3), seed=1)],)))
        cs.append(Case(f"{name}(tuple)", lambda lib, a, b, n=name: getattr(lib, n)((a, b)), (T((3,)), T((3,), seed=1))))
        cs.append(Case(f"{name}(one)", fn(name), ([T((2, 3))],)))
        cs.append(Case(f"{name}(tensors=kw)", lambda lib, a, b, n=name: getattr(lib, n)(tensors=[a, b]),
                       (T((3,)), T((3,), seed=1))))
        cs.append(Case(f"{name}(out=)", lambda lib, a, b, o, n=name: getattr(lib, n)([a, b], out=o),
                       (T((2, 3)), T((2, 3), seed=1), T((0,))), same_object=2))
        cs.append(Case(f"{name}(out= wrong dtype)", lambda lib, a, b, o, n=name: getattr(lib, n)([a, b], out=o),
                       (T((2, 3)), T((2, 3), seed=1), T((0,), "int64"))))
        cs.append(Case(f"{name}(empty)", fn(name), ([],)))
        cs.append(Case(f"{name}(not tensors)", fn(name), ([1, 2],)))

    cs = out.setdefault("flipud", [])
    cs2 = out.setdefault("fliplr", [])
    for d in ALL:
        for s in ((), (4,), (3, 4), (2, 3, 4), (0, 3)):
            cs.append(Case(f"flipud({d}{s})", fn("flipud"), (T(s, d),)))
            cs2.append(Case(f"fliplr({d}{s})", fn("fliplr"), (T(s, d),)))
    for lay in LAYOUTS:
        cs.append(Case(f"flipud method ({lay})", meth("flipud"), (T((4, 3), "float32", lay),)))
        cs2.append(Case(f"fliplr method ({lay})", meth("fliplr"), (T((4, 3), "float32", lay),)))

    cs = out.setdefault("rot90", [])
    for k in range(-5, 6):
        cs.append(Case(f"rot90(k={k})", fn("rot90"), (T((3, 4)), k)))
        cs.append(Case(f"rot90(3d, k={k}, dims=[2, 0])", fn("rot90"), (T((2, 3, 4)), k, [2, 0])))
    for d in ALL:
        cs.append(Case(f"rot90({d})", fn("rot90"), (T((3, 4), d),)))
    for lay in LAYOUTS:
        cs.append(Case(f"rot90 method ({lay})", lambda lib, a: a.rot90(1, [-1, -2]), (T((4, 3), "int32", lay),)))
    cs.append(Case("rot90(kw)", lambda lib, a: lib.rot90(a, k=2, dims=(1, 0)), (T((3, 4)),)))
    cs.append(Case("rot90(zero-size)", fn("rot90"), (T((0, 4)), 1)))
    for k, dims, shape in ((1, [0], (3, 4)), (1, [0, 0], (3, 4)), (1, [0, 1], (3,)), (1, [0, 2], (3, 4)),
                           (1, [0, -2], (3, 4)), (1, [0, 1, 2], (2, 3, 4))):
        cs.append(Case(f"rot90 error {dims} {shape}", fn("rot90"), (T(shape), k, dims)))

    cs = out.setdefault("tile", [])
    for s, reps in (((3,), (2,)), ((2, 3), (2,)), ((2, 3), (2, 1, 3)), ((), (3,)), ((), ()), ((2, 3), ()),
                    ((0, 2), (2, 2)), ((2, 3), (0, 1)), ((2,), (1, 1, 2))):
        for d in ("float32", "int16", "bool"):
            cs.append(Case(f"tile({d}{s}, {reps})", fn("tile"), (T(s, d), reps)))
        cs.append(Case(f"tile method ({s}, {reps})", lambda lib, a, r=reps: a.tile(r), (T(s),)))
    cs.append(Case("tile(varargs method)", lambda lib, a: a.tile(2, 2), (T((2, 3)),)))
    cs.append(Case("tile(t layout)", fn("tile"), (T((2, 3), "float32", "t"), (2, 2))))
    cs.append(Case("tile(dims=kw)", lambda lib, a: lib.tile(a, dims=(2,)), (T((3,)),)))
    cs.append(Case("tile error negative", fn("tile"), (T((2, 3)), (-1,))))

    cs = out.setdefault("take_along_dim", [])
    for d in ALL:
        cs.append(Case(f"take_along_dim({d}, 1)", fn("take_along_dim"),
                       (T((3, 4), d), T((3, 2), "int64", low=0, high=3), 1)))
        cs.append(Case(f"take_along_dim({d}, None)", fn("take_along_dim"),
                       (T((3, 4), d), T((5,), "int64", low=0, high=11))))
    for s, i, dim in (((3, 4), (1, 4), 0), ((3, 4), (3, 1), 1), ((3, 4), (1, 6), 1), ((2, 3, 4), (2, 1, 4), -2),
                      ((3, 1), (3, 5), 1), ((3, 4), (3, 0), 1), ((0, 4), (0, 2), 1), ((), (), 0), ((5,), (2,), 0)):
        hi = (s[dim] if s else 1) - 1
        idx = T(i, "int64", low=0, high=max(hi, 0))
        cs.append(Case(f"take_along_dim({s}, {i}, {dim})", fn("take_along_dim"), (T(s), idx, dim)))
    cs.append(Case("take_along_dim method kw", lambda lib, a, i: a.take_along_dim(i, dim=1),
                   (T((3, 4)), T((3, 2), "int64", low=0, high=3))))
    cs.append(Case("take_along_dim(out=)", lambda lib, a, i, o: lib.take_along_dim(a, i, 1, out=o),
                   (T((3, 4)), T((3, 2), "int64", low=0, high=3), T((0,))), same_object=2))
    for lay in LAYOUTS[1:]:
        cs.append(Case(f"take_along_dim({lay}, 1)", fn("take_along_dim"),
                       (T((4, 4), "float32", lay), T((4, 2), "int64", low=0, high=3), 1)))
    cs.append(Case("take_along_dim(t, None) error", fn("take_along_dim"),
                   (T((3, 4), "float32", "t"), T((2,), "int64", low=0, high=3))))
    cs.append(Case("take_along_dim error int32", fn("take_along_dim"), (T((3, 4)), T((3, 2), "int32", low=0, high=3), 1)))
    cs.append(Case("take_along_dim error ndim", fn("take_along_dim"), (T((3, 4)), T((2,), "int64", low=0, high=3), 1)))
    cs.append(Case("take_along_dim error dim", fn("take_along_dim"), (T((3, 4)), T((3, 2), "int64", low=0, high=3), 2)))
    cs.append(Case("take_along_dim error broadcast", fn("take_along_dim"),
                   (T((3, 4)), T((2, 2), "int64", low=0, high=2), 1)))

    cs = out.setdefault("diff", [])
    for d in ALL:
        for s, dim in (((5,), -1), ((3, 4), 0), ((3, 4), 1), ((2, 3, 4), 1), ((0, 3), 1), ((3, 0), 1)):
            cs.append(Case(f"diff({d}{s}, dim={dim})", lambda lib, a, dim=dim: lib.diff(a, dim=dim), (T(s, d),)))
        cs.append(Case(f"diff({d}, n=2)", lambda lib, a: lib.diff(a, n=2), (T((3, 5), d),)))
    for n in range(7):
        cs.append(Case(f"diff(n={n})", fn("diff"), (T((3, 5)), n)))
        cs.append(Case(f"diff(bool, n={n})", fn("diff"), (T((6,), "bool"), n)))
    for lay in LAYOUTS[1:]:
        cs.append(Case(f"diff({lay})", fn("diff"), (T((4, 3), "float32", lay), 1, 0)))
    cs.append(Case("diff(prepend)", lambda lib, a, p: lib.diff(a, prepend=p), (T((3, 4)), T((3, 2), seed=1))))
    cs.append(Case("diff(append)", lambda lib, a, p: lib.diff(a, dim=0, append=p), (T((3, 4)), T((1, 4), seed=1))))
    cs.append(Case("diff(prepend, append, n=3)", lambda lib, a, p, q: lib.diff(a, 3, 0, p, q),
                   (T((3, 4)), T((2, 4), seed=1), T((1, 4), seed=2))))
    cs.append(Case("diff(prepend promotes)", lambda lib, a, p: lib.diff(a, prepend=p),
                   (T((5,), "uint8"), T((1,), "float32", seed=1))))
    cs.append(Case("diff(prepend, n=0)", lambda lib, a, p: lib.diff(a, n=0, prepend=p), (T((5,)), T((2,), seed=1))))
    cs.append(Case("diff method", lambda lib, a: a.diff(1, 0), (T((3, 4)),)))
    cs.append(Case("diff(out=)", lambda lib, a, o: lib.diff(a, out=o), (T((3, 4)), T((0,))), same_object=1))
    cs.append(Case("diff(out= int)", lambda lib, a, o: lib.diff(a, out=o), (T((3, 4)), T((0,), "int64"))))
    for name, args in (("0-dim", (T(()),)), ("n<0", (T((3,)), -1)), ("prepend ndim", (T((3, 4)), 1, 0, T((4,)))),
                       ("prepend shape", (T((3, 4)), 1, 0, T((1, 5)))), ("append shape", (T((3, 4)), 1, 1, None, T((2, 1)))),
                       ("dim", (T((3, 4)), 1, 2))):
        cs.append(Case(f"diff error {name}", fn("diff"), args))
    return out


# ---------------------------------------------------------------------------
# Closeness, counts, paired and NaN-ignoring reductions


def compare_reduce_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    cs = out.setdefault("isclose", [])
    cs2 = out.setdefault("allclose", [])
    cs3 = out.setdefault("equal", [])
    for d in ALL:
        a, b = T((4, 5), d, special=d in FLOATS), T((4, 5), d, seed=1, special=d in FLOATS)
        cs.append(Case(f"isclose({d})", fn("isclose"), (a, b)))
        cs.append(Case(f"isclose({d}, self)", lambda lib, x: lib.isclose(x, x), (a,)))
        cs.append(Case(f"isclose({d}, equal_nan)", lambda lib, x: lib.isclose(x, x.clone(), equal_nan=True), (a,)))
        cs.append(Case(f"isclose({d}, atol=2)", fn("isclose", atol=2.0), (a, b)))
        cs.append(Case(f"isclose({d}, rtol=0.5, atol=0)", fn("isclose", rtol=0.5, atol=0.0), (a, b)))
        cs.append(Case(f"isclose({d}, rtol=0, atol=0)", fn("isclose", rtol=0.0, atol=0.0), (a, a)))
        cs.append(Case(f"isclose({d} broadcast)", fn("isclose"), (T((4, 5), d), T((5,), d, seed=2))))
        cs2.append(Case(f"allclose({d})", fn("allclose"), (a, b)))
        cs2.append(Case(f"allclose({d}, self)", lambda lib, x: lib.allclose(x, x.clone()), (T((4, 5), d),)))
        cs2.append(Case(f"allclose({d}, equal_nan)", lambda lib, x: lib.allclose(x, x.clone(), equal_nan=True), (a,)))
        cs2.append(Case(f"allclose({d}, atol=9)", fn("allclose", atol=9.0), (T((4, 5), d), T((4, 5), d, seed=1))))
        cs3.append(Case(f"equal({d}, clone)", lambda lib, x: lib.equal(x, x.clone()), (T((4, 5), d),)))
        cs3.append(Case(f"equal({d}, other)", fn("equal"), (T((4, 5), d), T((4, 5), d, seed=1))))
        cs3.append(Case(f"equal({d}, nan)", lambda lib, x: lib.equal(x, x), (a,)))
        cs3.append(Case(f"equal method ({d})", lambda lib, x: x.equal(x.clone()), (T((3,), d),)))
    cs.append(Case("isclose(0.1+0.2, 0.3)", lambda lib: lib.isclose(lib.tensor([0.1 + 0.2, 1e10, 1.0]),
                                                                     lib.tensor([0.3, 1.00001e10, 1.1]))))
    cs.append(Case("isclose(inf, inf)", lambda lib: lib.isclose(lib.tensor([float("inf"), float("-inf"), float("inf")]),
                                                                 lib.tensor([float("inf"), float("inf"), 1e38]))))
    cs.append(Case("isclose(uint8 no wrap)", lambda lib: lib.isclose(lib.tensor([3], dtype=lib.uint8),
                                                                      lib.tensor([5], dtype=lib.uint8), atol=3)))
    cs.append(Case("isclose method kw", lambda lib, x, y: x.isclose(y, rtol=0.1, atol=0.5, equal_nan=True),
                   (T((3, 4), special=True), T((3, 4), seed=1, special=True))))
    for lay in LAYOUTS[1:]:
        cs.append(Case(f"isclose({lay})", fn("isclose"), (T((4, 4), "float32", lay), T((4, 4), "float32", lay))))
    cs.append(Case("isclose(zero-size)", fn("isclose"), (T((0, 3)), T((3,)))))
    for name, args, kw in (("dtypes", (T((3,)), T((3,), "float64")), {}), ("rtol<0", (T((3,)), T((3,))), {"rtol": -1.0}),
                           ("atol<0", (T((3,)), T((3,))), {"atol": -1.0}), ("shape", (T((3,)), T((4,))), {})):
        cs.append(Case(f"isclose error {name}", fn("isclose", **kw), args))
        cs2.append(Case(f"allclose error {name}", fn("allclose", **kw), args))
    cs2.append(Case("allclose method", lambda lib, x, y: x.allclose(y, atol=10.0), (T((3,)), T((3,), seed=1))))
    cs2.append(Case("allclose(zero-size)", fn("allclose"), (T((0,)), T((0,)))))
    cs3.append(Case("equal(shapes differ)", fn("equal"), (T((2, 1)), T((2,)))))
    cs3.append(Case("equal(dtypes differ)", lambda lib, x: lib.equal(x, x.double()), (T((3,)),)))
    cs3.append(Case("equal(1.5, 1)", lambda lib: lib.equal(lib.tensor([1.5]), lib.tensor([1]))))
    cs3.append(Case("equal(zero-size)", fn("equal"), (T((0, 3)), T((0, 3)))))
    cs3.append(Case("equal(layouts)", lambda lib, x: lib.equal(x, x.contiguous()), (T((4, 3), "float32", "t"),)))

    cs = out.setdefault("count_nonzero", [])
    for d in ALL:
        x = T((3, 4), d, low=-1, high=1)
        cs.append(Case(f"count_nonzero({d})", fn("count_nonzero"), (x,)))
        cs.append(Case(f"count_nonzero({d}, 1)", fn("count_nonzero"), (x, 1)))
        cs.append(Case(f"count_nonzero({d}, (0, 1))", fn("count_nonzero"), (x, (0, 1))))
    for s, dim in (((), None), ((), 0), ((0, 3), 0), ((2, 3, 4), [0, 2]), ((2, 3, 4), []), ((2, 3, 4), -1)):
        cs.append(Case(f"count_nonzero({s}, {dim})", lambda lib, a, dim=dim: lib.count_nonzero(a, dim),
                       (T(s, "int32", low=-1, high=1),)))
    cs.append(Case("count_nonzero method kw", lambda lib, a: a.count_nonzero(dim=0), (T((3, 4), "int8", low=-1, high=1),)))
    cs.append(Case("count_nonzero special", fn("count_nonzero"), (T((3, 4), special=True),)))
    cs.append(Case("count_nonzero t", fn("count_nonzero"), (T((3, 4), "int64", "t", low=0, high=1), 0)))
    cs.append(Case("count_nonzero error dup", fn("count_nonzero"), (T((3, 4)), [0, 0])))
    cs.append(Case("count_nonzero error dim", fn("count_nonzero"), (T((3, 4)), 2)))

    cs = out.setdefault("argwhere", [])
    for d in ALL:
        for s in ((), (5,), (3, 4), (0, 3), (2, 3, 4)):
            cs.append(Case(f"argwhere({d}{s})", fn("argwhere"), (T(s, d, low=-1, high=1),)))
    cs.append(Case("argwhere method", meth("argwhere"), (T((3, 4), "int64", "t", low=0, high=1),)))
    cs.append(Case("argwhere special", fn("argwhere"), (T((3, 4), special=True),)))

    for name in ("var_mean", "std_mean"):
        cs = out.setdefault(name, [])
        for d in FLOATS:
            x = T((3, 4, 5), d)
            r = _rtol(d, 1e-4)
            cs.append(Case(f"{name}({d})", fn(name), (x,), rtol=r))
            cs.append(Case(f"{name}({d}, False)", fn(name), (x, False), rtol=r))
            for dim in (0, -1, (0, 2), [], None):
                for kd in (False, True):
                    cs.append(Case(f"{name}({d}, {dim}, keepdim={kd})", lambda lib, a, dim=dim, kd=kd, n=name:
                                   getattr(lib, n)(a, dim, keepdim=kd), (x,), rtol=r))
            for corr in (0, 1, 2, 0.5):
                cs.append(Case(f"{name}({d}, correction={corr})", fn(name, dim=1, correction=corr), (x,), rtol=r))
            cs.append(Case(f"{name}({d}, 1, unbiased=False, keepdim)",
                           lambda lib, a, n=name: getattr(lib, n)(a, 1, False, True), (x,), rtol=r))
        for s in ((), (0,), (1,), (0, 3)):
            cs.append(Case(f"{name}({s})", fn(name), (T(s),)))
            cs.append(Case(f"{name}({s}, dim=0 or None)", lambda lib, a, n=name, s=s: getattr(lib, n)(a, 0 if s else None),
                           (T(s),)))
        cs.append(Case(f"{name}(special)", fn(name, dim=1), (T((3, 4), special=True),)))
        for lay in LAYOUTS[1:]:
            cs.append(Case(f"{name}({lay})", fn(name, dim=0), (T((4, 3), "float32", lay),), rtol=1e-4))
        cs.append(Case(f"{name} error int", fn(name), (T((3,), "int32"),)))
        cs.append(Case(f"{name} error dim", fn(name), (T((3, 4)), 5)))
        cs.append(Case(f"{name}(input=kw)", lambda lib, a, n=name: getattr(lib, n)(input=a, dim=0), (T((3, 4)),)))

    for name in ("nansum", "nanmean"):
        cs = out.setdefault(name, [])
        for d in (ALL if name == "nansum" else FLOATS):
            x = T((3, 4, 5), d, special=True)
            r = _rtol(d, 1e-4)
            cs.append(Case(f"{name}({d})", fn(name), (x,), rtol=r))
            for dim in (0, -1, (0, 2), []):
                for kd in (False, True):
                    cs.append(Case(f"{name}({d}, {dim}, {kd})", lambda lib, a, dim=dim, kd=kd, n=name:
                                   getattr(lib, n)(a, dim, kd), (x,), rtol=r))
            cs.append(Case(f"{name} method ({d})", lambda lib, a, n=name: getattr(a, n)(dim=1), (x,), rtol=r))
        for od in ("float64", "float32", "int64"):
            cs.append(Case(f"{name}(dtype={od})", fn(name, dtype=D(od)), (T((3, 4), special=True),), rtol=1e-4))
            cs.append(Case(f"{name}(out={od})", lambda lib, a, o, n=name: getattr(lib, n)(a, 1, out=o),
                           (T((3, 4), special=True), T((3,), od)), rtol=1e-4, same_object=1))
        for s in ((), (0,), (0, 3)):
            cs.append(Case(f"{name}({s})", fn(name), (T(s),)))
        cs.append(Case(f"{name}(all nan)", lambda lib, n=name: getattr(lib, n)(lib.tensor([[float("nan")] * 3] * 2), 1)))
        for lay in LAYOUTS[1:]:
            cs.append(Case(f"{name}({lay})", fn(name, dim=0), (T((4, 3), "float32", lay, special=True),), rtol=1e-4))
        cs.append(Case(f"{name} error dim", fn(name), (T((3, 4)), 2)))
    out["nansum"].append(Case("nansum(int32, dtype=float32)", fn("nansum", dtype=D("float32")), (T((3, 4), "int32"),)))
    out["nansum"].append(Case("nansum(float, dtype=bool)", fn("nansum", dim=0, dtype=D("bool")), (T((3, 4)),)))
    out["nanmean"].append(Case("nanmean error int", fn("nanmean"), (T((3, 4), "int32"),)))
    out["nanmean"].append(Case("nanmean(out=bool) error", lambda lib, a, o: lib.nanmean(a, 1, out=o), (T((3, 4)), T((3,), "bool"))))
    out["nansum"].append(Case("nansum(float, out=bool) error", lambda lib, a, o: lib.nansum(a, 1, out=o), (T((3, 4)), T((3,), "bool"))))
    out["nansum"].append(Case("nansum(int, out=float)", lambda lib, a, o: lib.nansum(a, 1, out=o), (T((3, 4), "int32"), T((3,)))))
    out["nansum"].append(Case("nansum(float, dtype=int64)", fn("nansum", dtype=D("int64")), (T((3, 4)),)))
    return out


# ---------------------------------------------------------------------------
# Products and distances


def _mats(name, d, self_shape=None, lay="contig"):
    """(self, operand 1, operand 2) of one of the beta * self + alpha * product ops."""
    if name == "baddbmm":
        return (T(self_shape or (2, 3, 5), d, lay), T((2, 3, 4), d, seed=1), T((2, 4, 5), d, seed=2))
    if name == "addbmm":
        return (T(self_shape or (3, 5), d, lay), T((2, 3, 4), d, seed=1), T((2, 4, 5), d, seed=2))
    if name == "addmv":
        return (T(self_shape or (3,), d), T((3, 4), d, lay, seed=1), T((4,), d, seed=2))
    return (T(self_shape or (3, 4), d, lay), T((3,), d, seed=1), T((4,), d, seed=2))


_BROADCAST_SELF = {"baddbmm": [(5,), (3, 1), (1, 1, 5), ()], "addbmm": [(5,), (3, 1), ()],
                   "addmv": [(1,), ()], "addr": [(4,), (3, 1), ()]}


def add_product_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for name in ("baddbmm", "addbmm", "addmv", "addr"):
        cs = out.setdefault(name, [])
        dtypes = ALL if name == "addr" else GEMM_DTYPES
        for d in dtypes:
            r = _rtol(d)
            ints = d in INTS
            beta, alpha = (2, 3) if ints else ((True, False) if d == "bool" else (0.5, -1.5))
            cs.append(Case(f"{name}({d})", fn(name), _mats(name, d), rtol=r))
            cs.append(Case(f"{name}({d}, beta, alpha)", fn(name, beta=beta, alpha=alpha), _mats(name, d), rtol=r))
            cs.append(Case(f"{name}({d}, beta=0)", fn(name, beta=0), _mats(name, d), rtol=r))
            cs.append(Case(f"{name} method ({d})", lambda lib, s, a, b, n=name: getattr(s, n)(a, b, alpha=2),
                           _mats(name, d), rtol=r))
            cs.append(Case(f"{name}_ ({d})", lambda lib, s, a, b, n=name: getattr(s, n + "_")(a, b, beta=2),
                           _mats(name, d), rtol=r, same_object=0))
            cs.append(Case(f"{name}(out=) ({d})", lambda lib, s, a, b, o, n=name: getattr(lib, n)(s, a, b, out=o),
                           (*_mats(name, d), T((0,), d)), rtol=r, same_object=3))
        for ss in _BROADCAST_SELF[name]:
            cs.append(Case(f"{name}(self {ss})", fn(name), _mats(name, "float32", ss), rtol=1e-4))
            # PyTorch's addbmm_ resizes a smaller self and then reads it (uninitialized
            # memory): no reference to compare with.
            if name != "addbmm":
                cs.append(Case(f"{name}_(self {ss}) error", lambda lib, s, a, b, n=name: getattr(s, n + "_")(a, b),
                               _mats(name, "float32", ss), rtol=1e-4))
        for lay in LAYOUTS[1:]:
            cs.append(Case(f"{name}({lay})", fn(name), _mats(name, "float32", lay=lay), rtol=1e-4))
        cs.append(Case(f"{name}(nan self, beta=0)",
                       lambda lib, s, a, b, n=name: getattr(lib, n)(s.fill_(float("nan")), a, b, beta=0.0),
                       _mats(name, "float32"), rtol=1e-4))
        cs.append(Case(f"{name}(out wrong dtype)", lambda lib, s, a, b, o, n=name: getattr(lib, n)(s, a, b, out=o),
                       (*_mats(name, "float32"), T((0,), "int64"))))
        if name != "addr":
            cs.append(Case(f"{name}(dtypes differ)", fn(name), (_mats(name, "float64")[0], *_mats(name, "float32")[1:])))
            cs.append(Case(f"{name}(bool)", fn(name), _mats(name, "bool")))
    out["baddbmm"] += [
        Case("baddbmm(zero batch)", fn("baddbmm"), (T((0, 2, 3)), T((0, 2, 4)), T((0, 4, 3)))),
        Case("baddbmm(k=0)", fn("baddbmm", beta=2), (T((2, 2, 3)), T((2, 2, 0)), T((2, 0, 3)))),
        Case("baddbmm error batch2", fn("baddbmm"), (T((2, 3, 5)), T((2, 3, 4)), T((2, 3, 5)))),
        Case("baddbmm error self", fn("baddbmm"), (T((2, 3)), T((2, 2, 3)), T((2, 3, 5)))),
        Case("baddbmm error 2-d", fn("baddbmm"), (T((3, 5)), T((3, 4)), T((4, 5)))),
        Case("baddbmm(int, float beta)", fn("baddbmm", beta=1.5), _mats("baddbmm", "int64")),
    ]
    out["addbmm"] += [
        Case("addbmm(zero batch)", fn("addbmm", beta=2), (T((2, 3)), T((0, 2, 4)), T((0, 4, 3)))),
        Case("addbmm error batches", fn("addbmm"), (T((2, 2)), T((2, 2, 3)), T((3, 3, 2)))),
        Case("addbmm error sizes", fn("addbmm"), (T((2, 3)), T((2, 2, 3)), T((2, 4, 3)))),
        Case("addbmm(int, float alpha)", fn("addbmm", alpha=0.5), _mats("addbmm", "int32")),
    ]
    out["addmv"] += [
        Case("addmv(zero rows)", fn("addmv"), (T((0,)), T((0, 3)), T((3,)))),
        Case("addmv(k=0)", fn("addmv", beta=3), (T((2,)), T((2, 0)), T((0,)))),
        Case("addmv error size", fn("addmv"), (T((3,)), T((2, 3)), T((3,)))),
        Case("addmv error 2-d self", fn("addmv"), (T((2, 2)), T((2, 3)), T((3,)))),
        Case("addmv error vec", fn("addmv"), (T((2,)), T((2, 3)), T((4,)))),
        Case("addmv fn in-place", lambda lib, s, a, b: lib.addmv_(s, a, b), _mats("addmv", "float32"), rtol=1e-4,
             same_object=0),
    ]
    out["addr"] += [
        Case("addr(promotion)", fn("addr"), (T((3, 4), "int32"), T((3,), "float32", seed=1), T((4,), "float64", seed=2))),
        Case("addr(int, float beta) error", fn("addr", beta=1.5), _mats("addr", "int32")),
        Case("addr(int, float alpha) error", fn("addr", alpha=1.5), _mats("addr", "int64")),
        Case("addr(bool, float beta) error", fn("addr", beta=0.5), _mats("addr", "bool")),
        Case("addr(bool, alpha=0)", fn("addr", beta=2, alpha=0), _mats("addr", "bool")),
        Case("addr_(promotes past self) error", lambda lib, s, a, b: s.addr_(a, b),
             (T((3, 4), "int32"), T((3,), "float32"), T((4,), "float32"))),
        Case("addr(zero-size)", fn("addr"), (T((0, 4)), T((0,)), T((4,)))),
        Case("addr error vec2", fn("addr"), (T((2, 3)), T((2,)), T((3, 1)))),
        Case("addr error shape", fn("addr"), (T((2, 3)), T((3,)), T((3,)))),
    ]
    return out


def product_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}

    cs = out.setdefault("trace", [])
    for d in ALL:
        cs.append(Case(f"trace({d})", fn("trace"), (T((3, 4), d),), rtol=_rtol(d)))
        cs.append(Case(f"trace method ({d})", meth("trace"), (T((4, 3), d, "t"),), rtol=_rtol(d)))
    for s in ((0, 2), (1, 1), (5, 5)):
        cs.append(Case(f"trace({s})", fn("trace"), (T(s),)))
    for s in ((3,), (2, 3, 4), ()):
        cs.append(Case(f"trace error {s}", fn("trace"), (T(s),)))

    cs = out.setdefault("kron", [])
    for sa, sb in (((2, 3), (3, 2)), ((2,), (3,)), ((2, 3), (4,)), ((3,), (2, 2)), ((), (3,)), ((2, 1, 3), (2, 2)),
                   ((0, 2), (2, 3)), ((), ())):
        cs.append(Case(f"kron({sa}, {sb})", fn("kron"), (T(sa), T(sb, seed=1))))
    for d in ALL:
        cs.append(Case(f"kron({d})", fn("kron"), (T((2, 3), d), T((2, 2), d, seed=1))))
    cs.append(Case("kron(int, float)", fn("kron"), (T((2, 2), "int32"), T((2,), "float64", seed=1))))
    cs.append(Case("kron method", lambda lib, a, b: a.kron(b), (T((2, 2)), T((3,), "float32", "step"))))
    cs.append(Case("kron(out=)", lambda lib, a, b, o: lib.kron(a, b, out=o), (T((2, 2)), T((2,), seed=1), T((0,))),
                   same_object=2))

    cs = out.setdefault("tensordot", [])
    for sa, sb, dims in (((3, 4), (4, 5), 1), ((2, 3, 4), (3, 4, 5), 2), ((3, 4), (3, 4), 2), ((3,), (4,), 0),
                         ((2, 3, 4), (4, 3), ([1, 2], [1, 0])), ((3, 4), (4,), ([1], [0])), ((3, 4), (3, 4), ((0,), (0,))),
                         ((2, 1), (3, 2), ([1], [0])), ((0, 3), (3, 2), 1), ((2, 3), (3, 2), [[1], [0]]),
                         ((3, 4), (4, 5), ([-1], [-2]))):
        for d in ("float32", "float64", "int64"):
            cs.append(Case(f"tensordot({d}{sa}, {sb}, {dims})", lambda lib, a, b, dims=dims: F(lib).tensordot(a, b, dims),
                           (T(sa, d), T(sb, d, seed=1)), rtol=1e-4))
    cs.append(Case("tensordot(t layouts)", lambda lib, a, b: F(lib).tensordot(a, b, 1),
                   (T((3, 4), "float32", "t"), T((4, 2), "float32", "step", seed=1)), rtol=1e-4))
    cs.append(Case("tensordot(out=)", lambda lib, a, b, o: F(lib).tensordot(a, b, 1, out=o),
                   (T((3, 4)), T((4, 2), seed=1), T((0,))), rtol=1e-4, same_object=2))
    for name, sa, sb, dims, da in (("mismatch", (3, 4), (5, 2), 1, "float32"), ("len", (3, 4), (4,), ([1, 0], [0]), "float32"),
                                   ("dtype", (3, 4), (4,), 1, "float64"), ("negative", (3, 4), (4,), -1, "float32"),
                                   ("too many", (3, 4), (4,), 3, "float32")):
        cs.append(Case(f"tensordot error {name}", lambda lib, a, b, dims=dims: F(lib).tensordot(a, b, dims),
                       (T(sa), T(sb, da, seed=1))))

    cs = out.setdefault("cross", [])
    cs2 = out.setdefault("linalg_cross", [])
    for d in NUMERIC:
        r = _rtol(d)
        cs.append(Case(f"cross({d})", fn("cross"), (T((4, 3), d), T((4, 3), d, seed=1)), rtol=r))
        cs.append(Case(f"cross({d}, dim=0)", fn("cross", dim=0), (T((3, 4), d), T((3, 4), d, seed=1)), rtol=r))
        cs2.append(Case(f"linalg.cross({d})", lambda lib, a, b: LA(lib).cross(a, b), (T((4, 3), d), T((4, 3), d, seed=1)),
                        rtol=r))
    cs.append(Case("cross(default dim picks first 3)", fn("cross"), (T((3, 3)), T((3, 3), seed=1))))
    cs.append(Case("cross(broadcast)", fn("cross"), (T((2, 1, 3)), T((1, 4, 3), seed=1))))
    cs.append(Case("cross method", lambda lib, a, b: a.cross(b, 1), (T((3, 3), "float32", "t"), T((3, 3), seed=1))))
    cs.append(Case("cross(out=)", lambda lib, a, b, o: lib.cross(a, b, dim=-1, out=o),
                   (T((2, 3)), T((2, 3), seed=1), T((0,))), same_object=2))
    cs.append(Case("cross(zero-size)", fn("cross", dim=1), (T((0, 3)), T((0, 3), seed=1))))
    for name, a, b, kw in (("len", T((3,)), T((2,)), {}), ("dim", T((2, 3)), T((2, 3)), {"dim": 0}),
                           ("dtype", T((3,)), T((3,), "float64"), {}), ("bool", T((3,), "bool"), T((3,), "bool"), {}),
                           ("no 3", T((2, 4)), T((2, 4)), {})):
        cs.append(Case(f"cross error {name}", fn("cross", **kw), (a, b)))
    cs2.append(Case("linalg.cross(broadcast)", lambda lib, a, b: LA(lib).cross(a, b), (T((2, 1, 3)), T((1, 4, 3), seed=1))))
    cs2.append(Case("linalg.cross(dim=0)", lambda lib, a, b: LA(lib).cross(a, b, dim=0), (T((3, 2)), T((3, 2), seed=1))))
    cs2.append(Case("linalg.cross(out=)", lambda lib, a, b, o: LA(lib).cross(a, b, out=o),
                    (T((2, 3)), T((2, 3), seed=1), T((2, 3))), same_object=2))
    cs2.append(Case("linalg.cross error ndim", lambda lib, a, b: LA(lib).cross(a, b), (T((2, 3)), T((3, 2, 3)))))
    cs2.append(Case("linalg.cross error broadcast", lambda lib, a, b: LA(lib).cross(a, b), (T((2, 3)), T((3, 3)))))
    cs2.append(Case("linalg.cross error len", lambda lib, a, b: LA(lib).cross(a, b), (T((2, 4)), T((2, 4)))))

    cs = out.setdefault("dist", [])
    for p in (2, 1, 0, 3, 0.5, float("inf"), float("-inf")):
        cs.append(Case(f"dist(p={p})", fn("dist"), (T((3, 4)), T((4,), seed=1), p), rtol=1e-4))
    for d in FLOATS:
        cs.append(Case(f"dist({d})", fn("dist"), (T((3, 4), d), T((3, 4), d, seed=1)), rtol=_rtol(d)))
    cs.append(Case("dist(promotion)", fn("dist"), (T((3,)), T((3,), "float64", seed=1)), rtol=1e-4))
    cs.append(Case("dist method", lambda lib, a, b: a.dist(b, p=1), (T((3, 4), "float32", "t"), T((3, 4), seed=1))))
    cs.append(Case("dist(zero-size)", fn("dist"), (T((0, 3)), T((3,)))))
    cs.append(Case("dist error int", fn("dist"), (T((3,), "int32"), T((3,), "int32"))))
    cs.append(Case("dist error shape", fn("dist"), (T((3,)), T((4,)))))

    cs = out.setdefault("cdist", [])
    for d in ("float32", "float64"):
        for p in (2.0, 1.0, 0.0, 3.0, 0.5, float("inf")):
            cs.append(Case(f"cdist({d}, p={p})", lambda lib, a, b, p=p: F(lib).cdist(a, b, p=p),
                           (T((4, 3), d), T((5, 3), d, seed=1)), rtol=1e-4))
        for mode in ("use_mm_for_euclid_dist_if_necessary", "use_mm_for_euclid_dist", "donot_use_mm_for_euclid_dist"):
            cs.append(Case(f"cdist({d}, {mode})", lambda lib, a, b, m=mode: F(lib).cdist(a, b, compute_mode=m),
                           (T((30, 3), d), T((5, 3), d, seed=1)), rtol=1e-3))
    for sa, sb in (((2, 4, 3), (5, 3)), ((2, 1, 4, 3), (3, 5, 3)), ((0, 3), (4, 3)), ((2, 0), (4, 0)), ((4, 3), (0, 3))):
        cs.append(Case(f"cdist({sa}, {sb})", lambda lib, a, b: F(lib).cdist(a, b), (T(sa), T(sb, seed=1)), rtol=1e-4))
    cs.append(Case("cdist(layouts)", lambda lib, a, b: F(lib).cdist(a, b, 1.0),
                   (T((3, 3), "float32", "t"), T((4, 3), "float32", "step", seed=1)), rtol=1e-4))
    for name, a, b, kw in (("1-d", T((3,)), T((4, 3)), {}), ("cols", T((2, 3)), T((2, 4)), {}),
                           ("p<0", T((2, 3)), T((2, 3)), {"p": -1.0}), ("int", T((2, 3), "int32"), T((2, 3), "int32"), {}),
                           ("half", T((2, 3), "float16"), T((2, 3), "float16"), {}),
                           ("dtypes", T((2, 3)), T((2, 3), "float64"), {}),
                           ("mode", T((2, 3)), T((2, 3)), {"compute_mode": "x"})):
        cs.append(Case(f"cdist error {name}", lambda lib, a, b, kw=kw: F(lib).cdist(a, b, **kw), (a, b)))
    return out


# ---------------------------------------------------------------------------
# einsum and chains of products


def _einsum_case(eq, *specs, r=1e-4):
    return Case(f"einsum({eq!r}, {[s.shape for s in specs]}, {specs[0].dtype if specs else ''})",
                lambda lib, *a: F(lib).einsum(eq, *a), specs, rtol=r)


_EINSUMS = [
    ("ij,jk->ik", (3, 4), (4, 5)), ("ij,jk", (3, 4), (4, 5)), ("ij->ji", (3, 4)), ("ii->i", (4, 4)), ("ii", (4, 4)),
    ("iij->j", (3, 3, 2)), ("ijj,jk->ik", (2, 3, 3), (3, 4)), ("i,i->", (5,), (5,)), ("i,j->ij", (3,), (4,)),
    ("i,j", (3,), (4,)), ("bij,bjk->bik", (2, 3, 4), (2, 4, 5)), ("bij,bjk->bik", (2, 3, 4), (1, 4, 5)),
    ("bij,bkj->bik", (2, 3, 4), (2, 5, 4)), ("...ij,...jk", (5, 2, 3), (3, 4)),
    ("...ij,...jk->...ik", (2, 1, 2, 3), (4, 3, 4)), ("ij...,jk->...ik", (2, 3, 5, 6), (3, 4)),
    ("...i,...i", (2, 1, 3), (4, 3)), ("...", (2, 3)), ("i...->", (2, 3)), ("...->", (2, 3)), ("i->...", (2,)),
    ("i->i", (5,)), ("i->", (5,)), ("ij->", (3, 4)), ("ij->j", (3, 4)), ("", ()), (",->", (), ()), ("i,->i", (3,), ()),
    ("ab,bc,cd->ad", (2, 3), (3, 4), (4, 5)), ("ij,ij->ij", (3, 4), (3, 4)), ("ij,ij->", (3, 4), (3, 4)),
    ("ijk,ikl->ijl", (0, 2, 3), (0, 3, 4)), ("ij,jk->ik", (3, 0), (0, 4)), ("i,i", (1,), (3,)), ("Ba,ab", (2, 3), (3, 4)),
    ("aB,Ba->aB", (2, 3), (3, 2)), (" i j -> j i ", (2, 3)), ("abc,cba->", (2, 3, 4), (4, 3, 2)),
    ("ij,kl->ijkl", (2, 3), (2, 2)), ("iji->j", (3, 2, 3)), ("ab,bc,ca->", (2, 3), (3, 4), (4, 2)),
]

_EINSUM_ERRORS = [
    ("ij,j", ((2, 3),)), ("ij", ((2, 3), (3,))), ("ij->k", ((2, 3),)), ("ij->ii", ((2, 3),)), ("i.j", ((2, 3),)),
    ("i......", ((2, 3),)), ("ii", ((2, 3),)), ("ij", ((3,),)), ("i1", ((3,),)), ("i->", ((2, 3),)),
    ("i->i->i", ((3,),)), ("bA,ab", ((2, 3), (3, 4))), ("i,i", ((2,), (3,))), ("ijk", ((2, 3),)), ("...ij", ((3,),)),
    ("i->...->", ((3,),)), ("ij->i.", ((2, 3),)), ("...i,...i", ((2, 3), (4, 3))),
]


def einsum_chain_cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    cs = out.setdefault("einsum", [])
    for eq, *shapes in _EINSUMS:
        cs.append(_einsum_case(eq, *(T(s, seed=i) for i, s in enumerate(shapes))))
    cs.append(_einsum_case("ab,bc,cd,de->ae", T((2, 30)), T((30, 3), seed=1), T((3, 40), seed=2), T((40, 2), seed=3),
                           r=1e-3))
    for d in ("float64", "int32", "int64", "float16", "bfloat16"):
        cs.append(_einsum_case("ij,jk->ik", T((3, 4), d), T((4, 5), d, seed=1), r=_rtol(d)))
        cs.append(_einsum_case("ij->i", T((3, 4), d), r=_rtol(d)))
        cs.append(_einsum_case("i,j->ij", T((3,), d), T((4,), d, seed=1), r=_rtol(d)))
        cs.append(_einsum_case("ii->", T((3, 3), d), r=_rtol(d)))
    cs.append(_einsum_case("i,j->ij", T((3,), "float32"), T((4,), "float64", seed=1)))
    for lay in LAYOUTS[1:]:
        cs.append(_einsum_case("ij,jk->ik", T((4, 4), "float32", lay), T((4, 4), "float32", lay, seed=1)))
        cs.append(_einsum_case("ii->i", T((4, 4), "float32", lay)))
    cs.append(Case("einsum(list operands)", lambda lib, a, b: F(lib).einsum("ij,jk", [a, b]), (T((2, 3)), T((3, 2), seed=1)),
                   rtol=1e-4))
    cs.append(Case("einsum(sublist)", lambda lib, a, b: F(lib).einsum(a, [0, 1], b, [1, 2], [0, 2]),
                   (T((2, 3)), T((3, 4), seed=1)), rtol=1e-4))
    cs.append(Case("einsum(sublist ellipsis)", lambda lib, a, b: F(lib).einsum(a, [..., 1], b, [1, ...]),
                   (T((2, 3)), T((3, 2), seed=1)), rtol=1e-4))
    cs.append(Case("einsum(native)", lambda lib, a, b: lib.einsum("ij,jk->ik", [a, b]), (T((2, 3)), T((3, 4), seed=1)),
                   rtol=1e-4))
    cs.append(Case("einsum(view of input)", lambda lib, a: F(lib).einsum("ij->ji", a), (T((2, 3)),), strides=True))
    cs.append(Case("einsum(diagonal view)", lambda lib, a: F(lib).einsum("ii->i", a), (T((3, 3)),), strides=True))
    for eq, shapes in _EINSUM_ERRORS:
        specs = tuple(T(s, seed=i) for i, s in enumerate(shapes))
        cs.append(Case(f"einsum error {eq!r}", lambda lib, *a, eq=eq: F(lib).einsum(eq, *a), specs))
    cs.append(Case("einsum error dtypes", lambda lib, a, b: F(lib).einsum("i,i", a, b), (T((2,)), T((2,), "float64"))))
    cs.append(Case("einsum error bool", lambda lib, a, b: F(lib).einsum("i,i", a, b), (T((2,), "bool"), T((2,), "bool"))))
    cs.append(Case("einsum error no operands", lambda lib: F(lib).einsum("i"), ()))
    cs.append(Case("einsum error sublist range", lambda lib, a: F(lib).einsum(a, [60]), (T((2,)),)))

    cs = out.setdefault("linalg_multi_dot", [])
    for shapes in (((2, 3), (3, 4)), ((3,), (3, 4)), ((2, 3), (3,)), ((3,), (3,)), ((2, 3), (3, 4), (4, 5)),
                   ((10, 2), (2, 30), (30, 3), (3, 20)), ((3,), (3, 4), (4, 5), (5,)), ((0, 3), (3, 2)), ((2, 0), (0, 3))):
        specs = [T(s, seed=i) for i, s in enumerate(shapes)]
        cs.append(Case(f"multi_dot{shapes}", lambda lib, ts: LA(lib).multi_dot(ts), (specs,), rtol=1e-4))
    for d in ("float64", "int64", "float16"):
        cs.append(Case(f"multi_dot({d})", lambda lib, ts: LA(lib).multi_dot(ts),
                       ([T((2, 3), d), T((3, 4), d, seed=1), T((4, 2), d, seed=2)],), rtol=_rtol(d)))
    cs.append(Case("multi_dot(out=)", lambda lib, a, b, o: LA(lib).multi_dot([a, b], out=o),
                   (T((2, 3)), T((3, 4), seed=1), T((0,))), rtol=1e-4, same_object=2))
    for name, shapes, dt in (("one", ((2, 3),), None), ("mismatch", ((2, 3), (2, 3)), None),
                             ("3-d last", ((2, 3), (3, 3, 3)), None), ("3-d first", ((2, 2, 3), (3, 3)), None),
                             ("1-d middle", ((2, 3), (3,), (3, 2)), None), ("dtypes", ((2, 3), (3,)), "float64")):
        specs = [T(s, dt if (dt and i == len(shapes) - 1) else "float32", seed=i) for i, s in enumerate(shapes)]
        cs.append(Case(f"multi_dot error {name}", lambda lib, ts: LA(lib).multi_dot(ts), (specs,)))

    cs = out.setdefault("chain_matmul", [])
    for shapes in (((2, 3),), ((2, 3), (3, 4)), ((2, 3), (3, 4), (4, 5)), ((10, 2), (2, 30), (30, 3), (3, 20))):
        specs = tuple(T(s, seed=i) for i, s in enumerate(shapes))
        cs.append(Case(f"chain_matmul{shapes}", lambda lib, *a: F(lib).chain_matmul(*a), specs, rtol=1e-4))
    cs.append(Case("chain_matmul(out=)", lambda lib, a, b, o: F(lib).chain_matmul(a, b, out=o),
                   (T((2, 3)), T((3, 4), seed=1), T((0,))), rtol=1e-4, same_object=2))
    cs.append(Case("chain_matmul(native list)", lambda lib, a, b: lib.chain_matmul(a, b) if _is_torch(lib)
                   else lib.chain_matmul([a, b]), (T((2, 3)), T((3, 4), seed=1)), rtol=1e-4))
    cs.append(Case("chain_matmul error 1-d", lambda lib, a, b: F(lib).chain_matmul(a, b), (T((3,)), T((3, 4)))))
    cs.append(Case("chain_matmul error none", lambda lib: F(lib).chain_matmul(), ()))
    cs.append(Case("chain_matmul error shapes", lambda lib, a, b: F(lib).chain_matmul(a, b), (T((2, 3)), T((2, 3)))))
    return out


def wiring_cases() -> dict[str, list[Case]]:
    """The public names (ember.einsum(eq, a, b), ember.meshgrid(a, b), ember.linalg.cross, ...)
    are the Python-level forms of ember.functional / ember.linalg."""
    cs = [
        Case("einsum(eq, *ops)", lambda lib, a, b: lib.einsum("ij,jk", a, b), (T((2, 3)), T((3, 4), seed=1)), rtol=1e-4),
        Case("meshgrid(*ts)", lambda lib, a, b: lib.meshgrid(a, b, indexing="xy"), (T((2,)), T((3,), seed=1))),
        Case("broadcast_tensors(*ts)", lambda lib, a, b: lib.broadcast_tensors(a, b), (T((2, 1)), T((3,), seed=1))),
        Case("atleast_2d(*ts)", lambda lib, a, b: lib.atleast_2d(a, b), (T(()), T((3,), seed=1))),
        Case("tensordot(dims=1)", lambda lib, a, b: lib.tensordot(a, b, dims=1), (T((2, 3)), T((3, 4), seed=1)), rtol=1e-4),
        Case("cdist(compute_mode=)", lambda lib, a, b: lib.cdist(a, b, compute_mode="use_mm_for_euclid_dist"),
             (T((2, 3)), T((4, 3), seed=1)), rtol=1e-4),
        Case("chain_matmul(*ms)", lambda lib, a, b: lib.chain_matmul(a, b), (T((2, 3)), T((3, 4), seed=1)), rtol=1e-4),
        Case("linalg.cross", lambda lib, a, b: lib.linalg.cross(a, b), (T((2, 3)), T((2, 3), seed=1))),
        Case("linalg.multi_dot", lambda lib, a, b: lib.linalg.multi_dot([a, b]), (T((2, 3)), T((3, 4), seed=1)), rtol=1e-4),
    ]
    return {"comp_public_names": cs}


def cases() -> dict[str, list[Case]]:
    groups: dict[str, list[Case]] = {}
    for gen in (view_cases, rearrange_cases, compare_reduce_cases, add_product_cases, product_cases,
                einsum_chain_cases, wiring_cases):
        for k, v in gen().items():
            groups.setdefault(k, []).extend(v)
    return groups
