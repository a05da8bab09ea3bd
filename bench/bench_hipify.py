"""Throughput of ember-hipify against PyTorch's hipify_python, in one process run.

    python bench/bench_hipify.py [--repeat N] [--wheel PATH]

Input: every CUDA source under aten/ (when the tree has them), the inputs of
tests/hipify/golden/, and PyTorch's CUDA headers from the 2.13 wheel
(torch/include/**/cuda/*.h|*.cuh, c10/cuda included), concatenated into one text. Each
translator gets the whole text at once, so start-up does not count:

* ember:   ``Translator.translate(text)`` with the default options, and with
           ``hip_kernel_execution_syntax`` (PyTorch rewrites launches by default, so that
           row is the like-for-like one);
* PyTorch: the string-level steps of ``hipify_python.preprocessor()`` in its order
           (identifier trie regex, path mappings, include regexes, kernel launches, math
           functions, header magic), imported from the wheel without importing torch.

Repeats are interleaved and medians reported. Also printed: ember's start-up (``import
hipify``; the CLI on an empty file, tables included) and a no-op re-run of the CLI over an
unchanged tree (Note [Up-to-date cache] in hipify/project.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WHEEL = "/opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl"
HEADER_SUFFIXES = (".h", ".cuh")


def collect_inputs(wheel: zipfile.ZipFile) -> dict[str, bytes]:
    """name -> bytes of every benchmark input."""
    files: dict[str, bytes] = {}
    for pattern in ("aten/**/*.cu", "aten/**/*.cuh"):
        for p in sorted(ROOT.glob(pattern)):
            files[str(p.relative_to(ROOT))] = p.read_bytes()
    for p in sorted((ROOT / "tests/hipify/golden").glob("*.cu")):
        files[str(p.relative_to(ROOT))] = p.read_bytes()
    for name in sorted(wheel.namelist()):
        if name.startswith("torch/include/") and "/cuda/" in name and name.endswith(HEADER_SUFFIXES):
            files[name] = wheel.read(name)
    return files


def load_pytorch_hipify(wheel: zipfile.ZipFile, where: Path):
    """Import torch/utils/hipify from the wheel as a top-level package, without torch."""
    for name in wheel.namelist():
        if name.startswith("torch/utils/hipify/") and name.endswith(".py"):
            wheel.extract(name, where)
    pkg_dir = where / "torch" / "utils"
    sys.path.insert(0, str(pkg_dir))
    try:
        from hipify import hipify_python  # noqa: F401  (a different "hipify": PyTorch's)
    finally:
        sys.path.pop(0)
    mod = sys.modules["hipify.hipify_python"]
    # Put ember's package back under its own name for the rest of the run.
    for key in [k for k in sys.modules if k == "hipify" or k.startswith("hipify.")]:
        sys.modules["_pytorch_" + key] = sys.modules.pop(key)
    return mod


def pytorch_string_pipeline(hp):
    """hipify_python.preprocessor()'s text steps, for a .cu file, not an extension."""

    def pt_repl(m):
        return hp.PYTORCH_MAP[m.group(0)]

    def header_repl(templ):
        def repl(m):
            f = m.group(1)
            if f.startswith(("ATen/cuda", "ATen/native/cuda", "THC/")):
                return templ.format(hp.get_hip_file_path(f, False))
            return m.group(0)

        return repl

    quote, angle = header_repl('#include "{0}"'), header_repl("#include <{0}>")

    def run(text: str) -> str:
        s = hp.RE_PYTORCH_PREPROCESSOR.sub(pt_repl, text)
        for cuda_path, hip_path in hp.CAFFE2_PATH_MAPPINGS.items():
            s = s.replace(cuda_path, hip_path)
        s = hp.RE_QUOTE_HEADER.sub(quote, s)
        s = hp.RE_ANGLE_HEADER.sub(angle, s)
        s = hp.processKernelLaunches(s, {"kernel_launches": []})
        s = hp.replace_math_functions(s)
        return hp.hip_header_magic(s)

    return run


def timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def run_cli(args: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--wheel", default=DEFAULT_WHEEL)
    args = ap.parse_args()

    wheel = zipfile.ZipFile(args.wheel)
    files = collect_inputs(wheel)
    blob = b"\n".join(files.values())
    text = blob.decode("utf-8", "surrogateescape")
    mb = len(blob) / 1e6
    print(f"input: {len(files)} files, {mb:.2f} MB")

    with tempfile.TemporaryDirectory() as tmp:
        hp = load_pytorch_hipify(wheel, Path(tmp))
        pytorch = pytorch_string_pipeline(hp)

        sys.path.insert(0, str(ROOT))
        from hipify.translator import Options, default_translator

        t0 = time.perf_counter()
        tr = default_translator()
        tables_s = time.perf_counter() - t0
        plain, launches = Options(), Options(hip_kernel_execution_syntax=True)

        runs: dict[str, list[float]] = {"ember": [], "ember --hip-kernel-execution-syntax": [], "pytorch": []}
        for _ in range(args.repeat):  # interleaved
            runs["ember"].append(timed(tr.translate, text, "all.cu", plain))
            runs["ember --hip-kernel-execution-syntax"].append(timed(tr.translate, text, "all.cu", launches))
            runs["pytorch"].append(timed(pytorch, text))

        med = {k: statistics.median(v) for k, v in runs.items()}
        width = max(map(len, med))
        for k, v in med.items():
            print(f"{k:<{width}}  {v * 1e3:8.1f} ms  {mb / v:8.1f} MB/s")
        print(f"speed-up, like for like (launch rewriting on): {med['pytorch'] / med['ember --hip-kernel-execution-syntax']:.1f}x")
        print(f"speed-up, defaults:                            {med['pytorch'] / med['ember']:.1f}x")
        print(f"tables load + scanner build (in process): {tables_s * 1e3:.1f} ms")

        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        empty = Path(tmp) / "empty.cu"
        empty.write_bytes(b"")
        imp = statistics.median(run_cli(["-c", "import hipify"], env) for _ in range(5))
        cli = statistics.median(run_cli(["-m", "hipify", str(empty)], env) for _ in range(5))
        base = statistics.median(run_cli(["-c", "pass"], env) for _ in range(5))
        print(f"start-up: python -c 'import hipify' {imp * 1e3:.0f} ms, "
              f"ember-hipify empty.cu {cli * 1e3:.0f} ms (bare interpreter {base * 1e3:.0f} ms)")

        src, out = Path(tmp) / "src", Path(tmp) / "out"
        for name, data in files.items():
            p = src / name.replace("/", "_")
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        first = run_cli(["-m", "hipify", str(src), "-o", str(out), "--quiet-warnings"], env)
        noop = statistics.median(run_cli(["-m", "hipify", str(src), "-o", str(out), "--quiet-warnings"], env) for _ in range(3))
        print(f"tree of {len(files)} files: first run {first:.2f} s, no-op re-run {noop:.2f} s")


if __name__ == "__main__":
    main()
