"""Build-speed targets of issue 2, measured on this machine.

    python bench/bench_build.py [--build-dir DIR] [--keep]

Configures and builds a CPU-only tree from scratch with CMake + Ninja (what
`pip install -e .` runs underneath), then measures:

  clean build        configure + full build              target <= 5 min (2 cores)
  no-op rebuild      nothing changed                     target <= 10 s, 0 files rewritten
  touch one kernel   one native/cpu/*.cpp touched         target: 1 compile + 1 link
  schema whitespace  native_functions.yaml gains a blank line at the end and loses it
                     again: codegen re-runs, rewrites nothing, compiles nothing

A benchmark, not a test (tests/build_system/ asserts the same properties); the numbers go
in notes and docs. Set MAX_JOBS to cap parallelism; ccache, when present, is
disabled here so a "clean" build is really clean.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}")
    return elapsed, proc.stdout


def steps(output: str) -> list[str]:
    lines = re.findall(r"^\[\d+/\d+\] (.*)$", output, flags=re.M)
    return [s for s in lines if not s.startswith("Re-checking globbed")]


def mtimes(tree: Path) -> dict[Path, int]:
    files = [p for p in (tree / "generated").rglob("*") if p.is_file()] + list(tree.rglob("*.o"))
    return {p: p.stat().st_mtime_ns for p in files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", type=Path, help="build tree (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the build tree")
    args = parser.parse_args()

    env = dict(os.environ, USE_CUDA="0", USE_ROCM="0", EMBER_USE_CCACHE="0")
    tree = args.build_dir or Path(tempfile.mkdtemp(prefix="ember-bench-build-"))
    shutil.rmtree(tree, ignore_errors=True)
    results: list[tuple[str, float, str]] = []

    t_cfg, _ = run(["cmake", "-S", str(REPO), "-B", str(tree), "-G", "Ninja",
                    f"-DPython_EXECUTABLE={sys.executable}"], env)
    t_build, out = run(["cmake", "--build", str(tree)], env)
    results.append(("clean build (configure + build)", t_cfg + t_build,
                    f"configure {t_cfg:.1f}s, {len(steps(out))} steps"))

    before = mtimes(tree)
    t, out = run(["cmake", "--build", str(tree)], env)
    rewritten = sum(1 for p, m in before.items() if mtimes(tree).get(p) != m)
    results.append(("no-op rebuild", t, f"{'no work to do' if 'no work to do' in out else 'DID WORK'}, "
                                        f"{rewritten} files rewritten"))

    kernels = sorted((REPO / "aten/src/ember/native/cpu").glob("*.cpp"))
    if kernels:
        k = kernels[0]
        st = k.stat()
        os.utime(k, ns=(st.st_atime_ns, time.time_ns()))
        try:
            t, out = run(["cmake", "--build", str(tree)], env)
        finally:
            os.utime(k, ns=(st.st_atime_ns, st.st_mtime_ns))
        s = steps(out)
        results.append((f"touch {k.name}", t, f"{sum(x.startswith('Building') for x in s)} compile(s), "
                                              f"{sum(x.startswith('Linking') for x in s)} link(s)"))
        run(["cmake", "--build", str(tree)], env)  # settle the restored mtime

    yaml = REPO / "native_functions.yaml"
    text = yaml.read_bytes()
    st = yaml.stat()
    try:
        yaml.write_bytes(text + b"\n")
        t, out = run(["cmake", "--build", str(tree)], env)
    finally:
        yaml.write_bytes(text)
        os.utime(yaml, ns=(st.st_atime_ns, st.st_mtime_ns))
    s = steps(out)
    results.append(("schema whitespace edit", t, f"{sum(x.startswith('Building') for x in s)} compile(s)"))

    width = max(len(r[0]) for r in results)
    print(f"\nember build timings ({os.cpu_count()} cores, MAX_JOBS={os.environ.get('MAX_JOBS', 'default')}):")
    for name, secs, note in results:
        print(f"  {name:<{width}}  {secs:8.1f} s   {note}")
    if args.keep:
        print(f"build tree kept at {tree}")
    else:
        shutil.rmtree(tree, ignore_errors=True)


if __name__ == "__main__":
    main()
