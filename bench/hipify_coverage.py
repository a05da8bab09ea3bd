"""Coverage of ember-hipify against PyTorch's hipify_python: CUDA API names left untranslated.

    python bench/hipify_coverage.py [--wheel PATH] [--cuda-include DIR ...] [--top N] [--extra DIR ...]

Inputs, reported per group and in total:

* corpus:  tests/hipify/corpus (realistic CUDA programs), tests/hipify/programs, the inputs
           of tests/hipify/golden, and aten's CUDA sources when the tree has them;
* pytorch: PyTorch's own CUDA headers from the 2.13 wheel (torch/include/**/cuda/*.h|*.cuh);
* extra:   with ``--extra DIR``, every .cu/.cuh/.cpp/.h/.hpp under DIR (a checkout of real CUDA
           code kept outside the repository).

A *CUDA API name* is a token, outside comments and string literals, that is a CUDA name in
ember's tables or in PyTorch's CUDA maps (not its PyTorch-specific ones), or that looks like a
CUDA API name (``cuda*``, ``cu[A-Z]*``, ``CU_*``, ``CUDA_*``, ``cublas*``, ``CUSPARSE_*``, ...)
and is declared in the CUDA headers. Names HIP keeps as they are (RCCL's ``nccl*``) and macros
the file defines itself are not counted. Each translator gets each file on its own; the
numbers are the occurrences of CUDA API names that survive, and how many distinct names.
PyTorch's translator is its string pipeline (bench_hipify.pytorch_string_pipeline), imported
from the wheel without torch.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_hipify import DEFAULT_WHEEL, HEADER_SUFFIXES, load_pytorch_hipify, pytorch_string_pipeline  # noqa: E402

# The CUDA toolkit's headers, plus any library headers named in EMBER_CUDA_INCLUDE
# (os.pathsep-separated; e.g. cuBLAS/cuRAND/cuSPARSE headers unpacked from NVIDIA's wheels).
DEFAULT_CUDA_INCLUDES = ["/usr/local/cuda/include", *filter(None, os.environ.get("EMBER_CUDA_INCLUDE", "").split(os.pathsep))]

# Raw string literals first: R"x( ... )x" may hold whole CUDA sources (PyTorch's fuser does).
_COMMENT_OR_STRING = re.compile(
    r'\bR"([^(\s]{0,16})\(.*?\)\1"|//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S
)
_TOKEN = re.compile(r"[A-Za-z_]\w*")
_DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)", re.M)
_INCLUDE_LINE = re.compile(r"^[ \t]*#[ \t]*include[^\n]*", re.M)
_API_LOOK = re.compile(
    r"^(?:cuda[A-Z]\w*|cu[A-Z][a-z]\w*|CU[a-z]\w*|CU_[A-Z]\w*|CUDA_[A-Z]\w*|CUDART_\w+|"
    r"cu(?:blas|sparse|rand|fft|solver|dnn)\w+|CU(?:BLAS|SPARSE|RAND|FFT|SOLVER|DNN)_\w+|"
    r"curand_\w+|nvrtc\w+|NVRTC_\w+|__nv_\w+|make_cu\w+)$"
)
_SAME_IN_HIP = re.compile(r"^(?:nccl\w*|NCCL_\w+)$")


def code_tokens(text: str) -> list[str]:
    """Identifier tokens outside comments, string literals and #include lines."""
    text = _COMMENT_OR_STRING.sub(" ", text)
    text = _INCLUDE_LINE.sub(" ", text)
    return _TOKEN.findall(text)


def cuda_header_names(dirs: list[Path]) -> set[str]:
    names: set[str] = set()
    for d in dirs:
        if not d.is_dir():
            continue
        for p in d.glob("*.h"):
            names.update(t for t in code_tokens(p.read_text(errors="replace")) if _API_LOOK.match(t))
    return names


EXTRA_SUFFIXES = (".cu", ".cuh", ".cpp", ".cc", ".h", ".hpp")


def collect(wheel: zipfile.ZipFile, extra: list[str] = ()) -> dict[str, dict[str, str]]:
    groups: dict[str, dict[str, str]] = {"corpus": {}, "pytorch": {}}
    for d in extra:
        files = groups.setdefault("extra", {})
        for p in sorted(Path(d).rglob("*")):
            if p.is_file() and p.suffix in EXTRA_SUFFIXES:
                files[str(p)] = p.read_bytes().decode("utf-8", "surrogateescape")
    patterns = ["tests/hipify/corpus/*.cu", "tests/hipify/corpus/*.cuh", "tests/hipify/corpus/*.cpp",
                "tests/hipify/programs/*.cu", "tests/hipify/golden/*.cu", "aten/**/*.cu", "aten/**/*.cuh"]
    for pattern in patterns:
        for p in sorted(ROOT.glob(pattern)):
            groups["corpus"][str(p.relative_to(ROOT))] = p.read_text(errors="surrogateescape")
    for name in sorted(wheel.namelist()):
        if name.startswith("torch/include/") and "/cuda/" in name and name.endswith(HEADER_SUFFIXES):
            groups["pytorch"][name] = wheel.read(name).decode("utf-8", "surrogateescape")
    return groups


def leftovers(text: str, api: set[str]) -> collections.Counter:
    own = set(_DEFINE.findall(text))
    return collections.Counter(
        t for t in code_tokens(text) if t in api and t not in own and not _SAME_IN_HIP.match(t)
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", default=DEFAULT_WHEEL)
    ap.add_argument("--cuda-include", action="append", default=None)
    ap.add_argument("--top", type=int, default=15, help="list the N most frequent leftovers of each")
    ap.add_argument("--extra", action="append", default=[], metavar="DIR",
                    help="also count the CUDA sources under DIR (group 'extra')")
    args = ap.parse_args()

    wheel = zipfile.ZipFile(args.wheel)
    groups = collect(wheel, args.extra)
    with tempfile.TemporaryDirectory() as tmp:
        hp = load_pytorch_hipify(wheel, Path(tmp))
        pytorch = pytorch_string_pipeline(hp)
        sys.path.insert(0, str(ROOT))
        import hipify
        from hipify.mappings import identifiers

        pt_maps = hp.CUDA_TO_HIP_MAPPINGS if hasattr(hp, "CUDA_TO_HIP_MAPPINGS") else []
        pt_names = {k for m in pt_maps for k in m if _TOKEN.fullmatch(k)}
        pt_specific = sys.modules["_pytorch_hipify.cuda_to_hip_mappings"].PYTORCH_SPECIFIC_MAPPINGS
        pt_names -= set(pt_specific)
        dirs = [Path(d) for d in (args.cuda_include or DEFAULT_CUDA_INCLUDES)]
        api = set(identifiers()) | {n for n in pt_names if _API_LOOK.match(n) or n in identifiers()}
        api |= cuda_header_names(dirs)

        totals = {k: collections.Counter() for k in ("input", "ember", "pytorch")}
        print(f"{'group':<8} {'files':>5} {'API uses':>9} {'ember left':>11} {'pytorch left':>13}   (distinct names)")
        for group, files in groups.items():
            g = {k: collections.Counter() for k in totals}
            for name, text in files.items():
                g["input"] += leftovers(text, api)
                g["ember"] += leftovers(hipify.translate(text, path=name).text, api)
                g["pytorch"] += leftovers(pytorch(text), api)
            for k in totals:
                totals[k] += g[k]
            print(f"{group:<8} {len(files):>5} {sum(g['input'].values()):>9} "
                  f"{sum(g['ember'].values()):>6} ({len(g['ember']):>3}) {sum(g['pytorch'].values()):>7} ({len(g['pytorch']):>3})")
        n = sum(totals["input"].values())
        e, p = sum(totals["ember"].values()), sum(totals["pytorch"].values())
        print(f"{'total':<8} {sum(map(len, groups.values())):>5} {n:>9} {e:>6} ({len(totals['ember']):>3}) "
              f"{p:>7} ({len(totals['pytorch']):>3})")
        print(f"translated: ember {100 * (n - e) / max(n, 1):.1f}%, pytorch {100 * (n - p) / max(n, 1):.1f}%")
        for who, other in (("ember", "pytorch"), ("pytorch", "ember")):
            only = {k: v for k, v in totals[who].items() if k not in totals[other]}
            top = sorted(only.items(), key=lambda kv: (-kv[1], kv[0]))[: args.top]
            print(f"left by {who} only ({len(only)} names): " + ", ".join(f"{k}x{v}" for k, v in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
