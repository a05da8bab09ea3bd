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
    add("norm (python)", "norm 0-dim", lambda lib, a: a.norm(), (T((), "float32"),))
    add("norm (python)", "norm empty", lambda lib, a: lib.norm(a, dim=1), (T((0, 3), "float32"),))
    add("norm (python)", "norm bad dim", lambda lib, a: a.norm(dim=3), (T((2, 3), "float32"),))
    return out
