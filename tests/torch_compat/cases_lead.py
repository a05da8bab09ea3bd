"""Cases for the Python-level functions (ember/functional.py: norm) and the tuple out=."""

from __future__ import annotations

from tests.torch_compat.harness import Case, T


def cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}

    def add(group, name, call, args, **kw):
        out.setdefault(group, []).append(Case(name, call, args, **kw))

    for d in ("float32", "float64", "float16", "bfloat16", "int64", "bool"):
        for lay in ("contig", "t"):
            x = T((3, 4), d, lay)
            rt = {"rtol": 1e-2} if d in ("float16", "bfloat16") else {"rtol": 1e-5}
            add("norm (python)", f"norm() {d} {lay}", lambda lib, a: lib.norm(a), (x,), **rt)
            add("norm (python)", f"norm(dim=1) method {d} {lay}", lambda lib, a: a.norm(dim=1), (x,), **rt)
            add("norm (python)", f"norm(fro, (0, 1), keepdim) {d} {lay}", lambda lib, a: a.norm("fro", (0, 1), True), (x,), **rt)
            for p in (1, 3, float("inf"), -float("inf"), 0, 0.5):
                add("norm (python)", f"norm({p}, -1) {d} {lay}", lambda lib, a, p=p: lib.norm(a, p, -1), (x,), **rt)
            add("norm (python)", f"norm(dtype=float64) {d} {lay}", lambda lib, a: lib.norm(a, dim=0, dtype=lib.float64), (x,), **rt)
            add("norm (python)", f"norm(out=) {d} {lay}", lambda lib, a, o: lib.norm(a, 2, 1, out=o), (x, T((0,), d)), same_object=1, **rt)
    # Two-output operators take out=(values, indices) and return the caller's tensors.
    for name, call in [("cummax", lambda lib, x, v, i: lib.cummax(x, 1, out=(v, i))),
                       ("cummin", lambda lib, x, v, i: lib.cummin(x, 0, out=[v, i])),
                       ("kthvalue", lambda lib, x, v, i: lib.kthvalue(x, 2, 1, out=(v, i))),
                       ("median", lambda lib, x, v, i: lib.median(x, 1, True, out=(v, i))),
                       ("nanmedian", lambda lib, x, v, i: lib.nanmedian(x, 0, out=(v, i))),
                       ("mode", lambda lib, x, v, i: lib.mode(x, 1, out=(v, i))),
                       ("sort", lambda lib, x, v, i: lib.sort(x, stable=True, descending=True, out=(v, i))),
                       ("topk", lambda lib, x, v, i: lib.topk(x, 2, largest=False, out=(v, i))),
                       ("max", lambda lib, x, v, i: lib.max(x, 1, out=(v, i))),
                       ("min", lambda lib, x, v, i: lib.min(x, 0, keepdim=True, out=(v, i)))]:
        for d in ("float32", "int64"):
            add("tuple out=", f"{name}(out=(v, i)) {d}", lambda lib, x, v, i, call=call: tuple(call(lib, x, v, i)),
                (T((3, 5), d), T((0,), d), T((0,), "int64")))
            add("tuple out=", f"{name}(out=(v, i)) wrong index dtype {d}", lambda lib, x, v, i, call=call: tuple(call(lib, x, v, i)),
                (T((3, 5), d), T((0,), d), T((0,), "int32")))
    # PyTorch lets a number stand for a tensor in the arithmetic aliases too.
    for name in ("multiply", "subtract", "divide", "true_divide"):
        for d in ("float32", "int64", "bool"):
            add("number-first aliases", f"{name}(2, t) {d}", lambda lib, a, n=name: getattr(lib, n)(2, a), (T((3,), d),))
            add("number-first aliases", f"{name}(t, 2.5) {d}", lambda lib, a, n=name: getattr(lib, n)(a, 2.5), (T((3,), d),))
    add("number-first aliases", "subtract(3, t, alpha=2)", lambda lib, a: lib.subtract(3, a, alpha=2), (T((3,), "int64"),))
    add("number-first aliases", "divide(1, t, floor)", lambda lib, a: lib.divide(1, a, rounding_mode="floor"), (T((3,), "float32"),))
    # unique / unique_consecutive (ember/functional.py)
    for d in ("float32", "int64", "bool", "float16"):
        for shape in ((), (0,), (7,), (4, 5), (3, 0)):
            x = T(shape, d, low=0, high=3) if d not in ("bool", "float16", "float32") else T(shape, d)
            add("unique", f"unique {d}{shape}", lambda lib, a: lib.unique(a, return_inverse=True, return_counts=True), (x,))
            add("unique", f"unique method sorted=False {d}{shape}", lambda lib, a: a.unique(sorted=False), (x,))
            add("unique", f"unique_consecutive {d}{shape}", lambda lib, a: lib.unique_consecutive(a, return_counts=True, return_inverse=True), (x,))
            if len(shape) == 2:
                for dim in (0, 1, -1):
                    add("unique", f"unique dim={dim} {d}{shape}", lambda lib, a, dim=dim: lib.unique(a.round() if a.is_floating_point() else a, dim=dim, return_inverse=True, return_counts=True), (x,))
                    add("unique", f"unique_consecutive dim={dim} {d}{shape}", lambda lib, a, dim=dim: a.unique_consecutive(dim=dim, return_counts=True), (x,))
    add("unique", "unique specials", lambda lib, a: lib.unique(a, return_counts=True), (T((3, 4), "float32", special=True),))
    add("unique", "unique bad dim", lambda lib, a: lib.unique(a, dim=2), (T((3, 4), "float32"),))
    for d in ("float16", "bfloat16", "float32", "float64", "int64"):
        for lay in ("contig", "t"):
            x = T((3, 4), d, lay, low=-60, high=60)
            for k in (0, 1, 2, -1):
                add("round decimals", f"round(decimals={k}) {d} {lay}", lambda lib, a, k=k: lib.round(a, decimals=k), (x,))
            add("round decimals", f"round_(decimals=1) {d} {lay}", lambda lib, a: a.round_(decimals=1), (x,), same_object=0)
            add("round decimals", f"round(decimals=1, out=) {d} {lay}", lambda lib, a, o: lib.round(a, decimals=1, out=o), (x, T((0,), d)), same_object=1)
    add("round decimals", "round(decimals) specials", lambda lib, a: a.round(decimals=3), (T((3, 4), "float32", special=True),))
    # repeat_interleave
    for d in ("float32", "int64", "bool"):
        for lay in ("contig", "t"):
            x = T((3, 4), d, lay)
            add("repeat_interleave", f"repeat_interleave(2) {d} {lay}", lambda lib, a: a.repeat_interleave(2), (x,))
            add("repeat_interleave", f"repeat_interleave(3, dim=1) {d} {lay}", lambda lib, a: lib.repeat_interleave(a, 3, dim=1), (x,))
            add("repeat_interleave", f"repeat_interleave(tensor, dim=0) {d} {lay}",
                lambda lib, a: lib.repeat_interleave(a, lib.tensor([0, 2, 1]), dim=0), (x,))
            add("repeat_interleave", f"repeat_interleave(tensor(2), dim=-1) {d} {lay}",
                lambda lib, a: a.repeat_interleave(lib.tensor(2), dim=-1, output_size=8), (x,))
    for name, call in [("counts", lambda lib: lib.repeat_interleave(lib.tensor([0, 2, 0, 3]))),
                       ("counts int32", lambda lib: lib.repeat_interleave(lib.tensor([1, 2], dtype=lib.int32))),
                       ("empty", lambda lib: lib.repeat_interleave(lib.tensor([], dtype=lib.int64))),
                       ("negative", lambda lib: lib.repeat_interleave(lib.tensor([1, -1]))),
                       ("float repeats", lambda lib: lib.repeat_interleave(lib.tensor([1.0]))),
                       ("2-d repeats", lambda lib: lib.repeat_interleave(lib.ones(2), lib.tensor([[1]]))),
                       ("size mismatch", lambda lib: lib.repeat_interleave(lib.ones(2), lib.tensor([1, 2, 3]))),
                       ("negative int", lambda lib: lib.repeat_interleave(lib.ones(2), -1)),
                       ("bad dim", lambda lib: lib.repeat_interleave(lib.ones(2), 2, dim=1))]:
        add("repeat_interleave", f"repeat_interleave {name}", call, ())
    # Tensor conveniences written in Python (ember/_tensor.py)
    for d in ("float32", "int64"):
        x = T((2, 3), d)
        add("tensor python methods", f"H {d}", lambda lib, a: a.H, (x,))
        add("tensor python methods", f"H 1-d {d}", lambda lib, a: a[0].H, (x,))
        add("tensor python methods", f"mH {d}", lambda lib, a: a[None].mH, (x,))
        for size in ((1, 3), (3,), (2, 1), (1, 1), (2, 3), (4,), (1, 2, 3)):
            add("tensor python methods", f"sum_to_size{size} {d}", lambda lib, a, size=size: a.sum_to_size(size), (x,))
        add("tensor python methods", f"apply_ {d}", lambda lib, a: a.apply_(lambda v: v * 2 + 1), (x,), same_object=0)
        add("tensor python methods", f"apply_ strided {d}", lambda lib, a: a[:, ::2].apply_(lambda v: -v), (x,))
        add("tensor python methods", f"map_ {d}", lambda lib, a, b: a.map_(b, lambda u, v: u - v), (x, T((3,), d, seed=1)), same_object=0)
        add("tensor python methods", f"is_pinned/is_shared {d}", lambda lib, a: (a.is_pinned(), a.is_shared()), (x,))
    add("norm (python)", "norm 0-dim", lambda lib, a: a.norm(), (T((), "float32"),))
    add("norm (python)", "norm empty", lambda lib, a: lib.norm(a, dim=1), (T((0, 3), "float32"),))
    add("norm (python)", "norm bad dim", lambda lib, a: a.norm(dim=3), (T((2, 3), "float32"),))
    return out
