"""ember vs PyTorch vs NumPy on the operator targets of issue 2 (section 5).

    python bench/bench_ops.py [--torch-site DIR] [--reps 7] [--quick] [--json FILE]

All libraries run in this one process, one thread each, and the measurements are
interleaved (ember, torch, numpy, ember, ...) so a noisy neighbour slows all three
alike. Each number is the median over --reps repetitions of a timed batch of
calls. The ratio column is ember's time over the faster of the other two (below
1.0 means ember is faster); for matmul the GFLOP/s ratio is ember over the better
one (above 1.0 means ember is faster).

PyTorch is optional and never an ember dependency: it is imported from a
separate environment, e.g. a venv made with
``python -m venv /tmp/torchenv && /tmp/torchenv/bin/pip install torch numpy``:
``--torch-site /tmp/torchenv/lib/python3.11/site-packages`` or the environment
variable EMBER_BENCH_TORCH_SITE. Without it the torch column says "-" and the
ratios compare with NumPy alone.
"""

from __future__ import annotations

import argparse
import functools
import glob
import json
import os
import statistics
import sys
import time
from typing import Any, Callable

# One thread for every library, set before any of them loads its thread pool.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import ember
import numpy as np


def load_torch(site: str | None) -> tuple[Any, str]:
    site = site or os.environ.get("EMBER_BENCH_TORCH_SITE")
    if not site:
        return None, "PyTorch not measured (pass --torch-site or set EMBER_BENCH_TORCH_SITE)"
    if not os.path.isdir(site):
        # Accept a venv root too.
        found = glob.glob(os.path.join(site, "lib", "python3*", "site-packages"))
        if not found:
            return None, f"PyTorch not measured: {site} is not a site-packages directory"
        site = found[0]
    elif os.path.isdir(os.path.join(site, "lib")) and not os.path.isdir(os.path.join(site, "torch")):
        found = glob.glob(os.path.join(site, "lib", "python3*", "site-packages"))
        site = found[0] if found else site
    sys.path.append(site)
    try:
        import torch
    except ImportError as e:
        return None, f"PyTorch not measured: import from {site} failed ({e})"
    torch.set_num_threads(1)
    return torch, f"PyTorch {torch.__version__} from {site}"


def time_batch(fn: Callable[[], Any], number: int) -> float:
    t0 = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - t0) / number


def calibrate(fn: Callable[[], Any], target_s: float) -> int:
    fn()
    n = 1
    while True:
        t = time_batch(fn, n)
        if t * n >= target_s / 4 or n >= 1 << 20:
            return max(1, int(target_s / max(t, 1e-9)))
        n *= 4


class Case:
    def __init__(self, name: str, unit: str, fns: dict[str, Callable[[], Any]], flops: float = 0.0):
        self.name, self.unit, self.fns, self.flops = name, unit, fns, flops


def _max_dim(lib: Any, t: Any, dim: int) -> Any:
    # values and indices, as ember.max(t, dim) and torch.max(t, dim) return
    return (t.max(dim), t.argmax(dim)) if lib is np else t.max(dim)


def _relu(lib: Any, a: Any) -> Any:
    return np.maximum(a, np.float32(0)) if lib is np else lib.relu(a)


_NP_NAMES = {"add": "add", "mul": "multiply", "exp": "exp"}


def _pointwise(op: str) -> Callable[..., Any]:
    if op == "relu":
        return _relu
    return lambda lib, *xs: getattr(lib, _NP_NAMES[op] if lib is np else op)(*xs)


def build_cases(torch: Any, quick: bool) -> list[Case]:
    """Each case is one call shape run on each library's own copy of the operands
    (ember and torch share the NumPy arrays' memory, zero-copy)."""
    rng = np.random.default_rng(0)
    libs = {"ember": ember, "torch": torch, "numpy": np}
    cases: list[Case] = []

    def operands(*arrays: np.ndarray) -> dict[str, tuple]:
        out = {"ember": tuple(ember.from_numpy(a) for a in arrays), "numpy": arrays}
        if torch is not None:
            out["torch"] = tuple(torch.from_numpy(a) for a in arrays)
        return out

    def add_case(name: str, unit: str, call: Callable[..., Any], ops: dict[str, tuple], flops: float = 0.0,
                 *extra: Any) -> None:
        fns = {lib: functools.partial(call, libs[lib], *ops[lib], *extra)
               for lib in ("ember", "torch", "numpy") if lib in ops}
        cases.append(Case(name, unit, fns, flops))

    # a + b on 1-element tensors: the per-call overhead.
    add_case("a + b, 1 element", "us", lambda lib, a, b: a + b,
             operands(np.array([1.0], dtype=np.float32), np.array([2.0], dtype=np.float32)))

    for n in [10**6] if quick else [10**6, 10**7]:
        ops = operands(rng.standard_normal(n, dtype=np.float32), rng.standard_normal(n, dtype=np.float32))
        tag = f"1e{len(str(n)) - 1}"
        for op in ("add", "mul"):
            add_case(f"{op} {tag} float32", "ms", _pointwise(op), ops)
        one = {lib: xs[:1] for lib, xs in ops.items()}
        for op in ("exp", "relu"):
            add_case(f"{op} {tag} float32", "ms", _pointwise(op), one)

    for rows, cols in [(1000, 1000)] + ([] if quick else [(10000, 1000)]):
        ops = operands(rng.standard_normal((rows, cols), dtype=np.float32))
        tag = f"{rows}x{cols}"
        add_case(f"sum all {tag}", "ms", lambda lib, t: t.sum(), ops)
        for dim in (0, 1):
            add_case(f"sum dim={dim} {tag}", "ms", lambda lib, t, d: t.sum(d), ops, 0.0, dim)
        for dim in (1, 0):
            add_case(f"max dim={dim} {tag}", "ms", _max_dim, ops, 0.0, dim)
        add_case(f"argmax dim=1 {tag}", "ms", lambda lib, t: t.argmax(1), ops)

    k = 1024
    ops = operands(rng.standard_normal((k, k), dtype=np.float32), rng.standard_normal((k, k), dtype=np.float32))
    add_case("matmul 1024x1024 float32", "GFLOP/s", lambda lib, a, b: a @ b, ops, 2.0 * k**3)
    return cases


def run(cases: list[Case], reps: int, target_s: float) -> list[dict]:
    results = []
    for case in cases:
        numbers = {lib: calibrate(fn, target_s) for lib, fn in case.fns.items()}
        samples: dict[str, list[float]] = {lib: [] for lib in case.fns}
        for _ in range(reps):
            for lib, fn in case.fns.items():  # interleaved
                samples[lib].append(time_batch(fn, numbers[lib]))
        med = {lib: statistics.median(v) for lib, v in samples.items()}
        row: dict[str, Any] = {"case": case.name, "unit": case.unit}
        for lib, sec in med.items():
            if case.flops:
                row[lib] = case.flops / sec / 1e9
            else:
                row[lib] = sec * (1e6 if case.unit == "us" else 1e3)
        others = [row[lib] for lib in ("torch", "numpy") if lib in row]
        if case.flops:
            row["ratio"] = row["ember"] / max(others)
        else:
            row["ratio"] = row["ember"] / min(others)
        results.append(row)
        print(format_row(row), flush=True)
    return results


def format_row(row: dict) -> str:
    def cell(lib: str) -> str:
        return f"{row[lib]:10.3f}" if lib in row else f"{'-':>10}"

    return f"{row['case']:<28} {row['unit']:>8} {cell('ember')} {cell('torch')} {cell('numpy')} {row['ratio']:8.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--torch-site", help="site-packages (or venv) holding PyTorch")
    parser.add_argument("--reps", type=int, default=7, help="interleaved repetitions per case (median)")
    parser.add_argument("--target", type=float, default=0.05, help="seconds per timed batch")
    parser.add_argument("--quick", action="store_true", help="only the 1e6 sizes")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    ember.set_num_threads(1)
    torch, note = load_torch(args.torch_site)
    print(f"ember {ember.__version__} | NumPy {np.__version__} | {note} | 1 thread")
    print(f"{'case':<28} {'unit':>8} {'ember':>10} {'torch':>10} {'numpy':>10} {'ratio':>8}")
    results = run(build_cases(torch, args.quick), args.reps, args.target)
    print("ratio: ember time / faster of torch and numpy (GFLOP/s: ember / better); "
          "targets: a+b <= 1.0 us, elementwise <= 1.1x, sums and max/argmax <= 1.2x, matmul >= 0.9x")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"note": note, "results": results}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
