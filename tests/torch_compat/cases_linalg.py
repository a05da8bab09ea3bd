"""ember.linalg vs torch.linalg: outputs that LAPACK determines uniquely (inverses,
solves, determinants, Cholesky and QR factors, eigen/singular values, norms,
powers) over dtypes, batches, layouts and errors."""

from __future__ import annotations

from tests.torch_compat.harness import Case, T


def cases() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}

    def add(group, name, call, args, **kw):
        out.setdefault(group, []).append(Case(name, call, args, **kw))

    for d in ("float32", "float64"):
        tol = {"rtol": 1e-3} if d == "float32" else {"rtol": 1e-8}
        for lay in ("contig", "t"):
            sq = T((3, 4, 4), d, lay, seed=3)
            rect = T((2, 5, 3), d, lay, seed=4)
            add("linalg", f"inv {d} {lay}", lambda lib, a: lib.linalg.inv(a), (sq,), **tol)
            add("linalg", f"inverse method {d} {lay}", lambda lib, a: a.inverse(), (sq,), **tol)
            add("linalg", f"solve {d} {lay}", lambda lib, a, b: lib.linalg.solve(a, b), (sq, T((3, 4, 2), d, seed=5)), **tol)
            add("linalg", f"solve vector {d} {lay}", lambda lib, a, b: lib.linalg.solve(a, b), (sq, T((3, 4), d, seed=5)), **tol)
            add("linalg", f"solve broadcast {d} {lay}", lambda lib, a, b: lib.linalg.solve(a[0], b), (sq, T((2, 4, 1), d, seed=5)), **tol)
            add("linalg", f"solve left=False {d} {lay}", lambda lib, a, b: lib.linalg.solve(a, b, left=False), (sq, T((3, 2, 4), d, seed=5)), **tol)
            add("linalg", f"det {d} {lay}", lambda lib, a: lib.linalg.det(a), (sq,), **tol)
            add("linalg", f"det method {d} {lay}", lambda lib, a: a.det(), (sq,), **tol)
            add("linalg", f"slogdet {d} {lay}", lambda lib, a: tuple(lib.linalg.slogdet(a)), (sq,), **tol)
            add("linalg", f"cholesky {d} {lay}", lambda lib, a: lib.linalg.cholesky(a @ a.mT + 4 * lib.eye(4, dtype=a.dtype)), (sq,), **tol)
            add("linalg", f"cholesky upper {d} {lay}", lambda lib, a: lib.linalg.cholesky(a @ a.mT + lib.eye(4, dtype=a.dtype), upper=True), (sq,), **tol)
            for mode in ("reduced", "complete", "r"):
                add("linalg", f"qr {mode} {d} {lay}", lambda lib, a, m=mode: tuple(lib.linalg.qr(a, mode=m)), (rect,), **tol)
                add("linalg", f"qr {mode} wide {d} {lay}", lambda lib, a, m=mode: tuple(lib.linalg.qr(a.mT, mode=m)), (rect,), **tol)
            add("linalg", f"eigvalsh {d} {lay}", lambda lib, a: lib.linalg.eigvalsh(a + a.mT), (sq,), **tol)
            add("linalg", f"eigvalsh U {d} {lay}", lambda lib, a: lib.linalg.eigvalsh(a, UPLO="U"), (sq,), **tol)
            add("linalg", f"svdvals {d} {lay}", lambda lib, a: lib.linalg.svdvals(a), (rect,), **tol)
            add("linalg", f"pinv {d} {lay}", lambda lib, a: lib.linalg.pinv(a), (rect,), **tol)
            add("linalg", f"matrix_rank {d} {lay}", lambda lib, a: lib.linalg.matrix_rank(a), (rect,))
            for o in ("fro", "nuc", 1, -1, 2, -2, float("inf")):
                add("linalg", f"matrix_norm {o} {d} {lay}", lambda lib, a, o=o: lib.linalg.matrix_norm(a, o), (rect,), **tol)
            add("linalg", f"norm default {d} {lay}", lambda lib, a: lib.linalg.norm(a), (rect,), **tol)
            add("linalg", f"norm 2-d {d} {lay}", lambda lib, a: lib.linalg.norm(a[0], keepdim=True), (rect,), **tol)
            for n in (0, 1, 3, -1, -2):
                add("linalg", f"matrix_power {n} {d} {lay}", lambda lib, a, n=n: lib.linalg.matrix_power(a + 3 * lib.eye(4, dtype=a.dtype), n), (sq,), **tol)
    e = T((3, 3), "float32")
    for name, call in [
        ("inv singular", lambda lib, a: lib.linalg.inv(a * 0)), ("inv int", lambda lib, a: lib.linalg.inv(a.long())),
        ("inv 1-d", lambda lib, a: lib.linalg.inv(a[0])), ("inv rect", lambda lib, a: lib.linalg.inv(a[:2])),
        ("inv empty", lambda lib, a: lib.linalg.inv(a[:0, :0])), ("det singular", lambda lib, a: lib.linalg.det(a * 0)),
        ("slogdet singular", lambda lib, a: tuple(lib.linalg.slogdet(a * 0))),
        ("cholesky not pd", lambda lib, a: lib.linalg.cholesky(-lib.eye(3))),
        ("solve singular", lambda lib, a: lib.linalg.solve(a * 0, a[0])),
        ("solve shapes", lambda lib, a: lib.linalg.solve(a, a[:2])),
        ("solve dtype", lambda lib, a: lib.linalg.solve(a, a.double())),
        ("eigh UPLO", lambda lib, a: lib.linalg.eigh(a, UPLO="X")), ("qr mode", lambda lib, a: lib.linalg.qr(a, mode="q")),
        ("svd empty", lambda lib, a: [x.shape for x in lib.linalg.svd(a[:, :0])]),
        ("matrix_power rect", lambda lib, a: lib.linalg.matrix_power(a[:2], 2)),
    ]:
        add("linalg errors", name, call, (e,))
    return out
