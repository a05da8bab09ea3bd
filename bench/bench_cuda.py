"""ember vs PyTorch on the GPU: the operator families of issue 2 on CUDA tensors.

    python bench/bench_cuda.py [--reps 9]

Meant for a machine with an NVIDIA GPU and a CUDA build of ember (.ci/gpu runs
it). PyTorch, when importable there, is measured alongside in the same process,
interleaved; without it the torch column says "-". Each number is the median over
--reps repetitions of a batch of calls closed by a device synchronize. The ratio
is ember's time over PyTorch's (below 1.0: ember is faster); for matmul it is
ember's TFLOP/s over PyTorch's.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any, Callable

import ember


def timed(fn: Callable[[], Any], sync: Callable[[], None], batch: int) -> float:
    fn()
    sync()
    t0 = time.perf_counter()
    for _ in range(batch):
        fn()
    sync()
    return (time.perf_counter() - t0) / batch


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=9)
    args = ap.parse_args()
    if not ember.cuda.is_available():
        raise SystemExit("bench_cuda: no CUDA device visible to ember (ember.cuda.is_available() is False)")
    try:
        import torch

        if not torch.cuda.is_available():
            torch = None
    except ImportError:
        torch = None
    print(f"ember {ember.__version__} (CUDA {ember.version.cuda}); "
          f"PyTorch {torch.__version__ if torch else 'not measured'}")

    def pair(make):  # the same data on both sides
        import numpy as np

        arrays = make(np.random.default_rng(0))
        e = [ember.from_numpy(a).cuda() for a in arrays]
        t = [torch.from_numpy(a).cuda() for a in arrays] if torch else None
        return e, t

    import numpy as np

    cases: list[tuple[str, Callable, Callable, int, float]] = []
    for n in (10**6, 10**8):
        mk = lambda r, n=n: [r.standard_normal(n, dtype=np.float32), r.standard_normal(n, dtype=np.float32)]
        cases.append((f"add {n:.0e}", mk, lambda L, a, b: L.add(a, b), 50, 0.0))
        cases.append((f"exp {n:.0e}", mk, lambda L, a, b: L.exp(a), 50, 0.0))
        cases.append((f"sum {n:.0e}", mk, lambda L, a, b: a.sum(), 50, 0.0))
    mk2 = lambda r: [r.standard_normal((4096, 4096), dtype=np.float32)]
    cases.append(("sum dim 0 4096²", mk2, lambda L, a: a.sum(0), 50, 0.0))
    cases.append(("sum dim 1 4096²", mk2, lambda L, a: a.sum(1), 50, 0.0))
    cases.append(("max dim 1 4096²", mk2, lambda L, a: a.max(1), 50, 0.0))
    cases.append(("softmax dim 1 4096²", mk2, lambda L, a: L.softmax(a, 1), 50, 0.0))
    cases.append(("a + b 1 element", lambda r: [np.ones(1, np.float32), np.ones(1, np.float32)],
                  lambda L, a, b: a + b, 2000, 0.0))
    mkm = lambda r: [r.standard_normal((4096, 4096), dtype=np.float32)] * 2
    cases.append(("matmul 4096² float32", mkm, lambda L, a, b: L.matmul(a, b), 10, 2 * 4096**3))

    print(f"{'case':24} {'ember':>12} {'torch':>12} {'ratio':>7}")
    for name, make, call, batch, flops in cases:
        e, t = pair(make)
        te, tt = [], []
        for _ in range(args.reps):
            te.append(timed(lambda: call(ember, *e), ember.cuda.synchronize, batch))
            if torch:
                tt.append(timed(lambda: call(torch, *t), torch.cuda.synchronize, batch))
        me = statistics.median(te)
        mt = statistics.median(tt) if tt else None
        if flops:
            fe, ft = flops / me / 1e12, (flops / mt / 1e12 if mt else None)
            print(f"{name:24} {fe:9.1f} TF {(f'{ft:9.1f} TF' if ft else '-'):>12} {(fe / ft if ft else float('nan')):7.2f}")
        else:
            print(f"{name:24} {me * 1e6:9.1f} us {(f'{mt * 1e6:9.1f} us' if mt else '-'):>12} "
                  f"{(me / mt if mt else float('nan')):7.2f}")


if __name__ == "__main__":
    main()
