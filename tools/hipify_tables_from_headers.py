#!/usr/bin/env python3
"""Regenerate the generated families of ``hipify/mappings/*.tsv`` from facts on disk.

A one-off generator, kept so the tables can be refreshed and audited; the checked-in
``.tsv`` files are the source of truth the translator reads. Hand-curated families
(``headers``, ``macros``, ``device``, ``cub``) are not written by this tool.

Facts, in the order they win:

1. ``OVERRIDES`` below: decisions a human made (with a note saying why).
2. HIP's own NVIDIA back end (``hip/nvidia_detail/*.h``, ``hiprand/*_nvcc.h``): every
   ``#define hipX cudaY``, ``typedef cudaY hipX;``, enum conversion ``case`` and
   ``hipX(...) { ... cudaY(...) }`` wrapper is a HIP<->CUDA pair by construction.
3. PyTorch's ``torch/utils/hipify/cuda_to_hip_mappings.py`` (read from the wheel, never
   imported): names only.
4. Prefix correspondences (``hipsparseX`` <-> ``cusparseX``, ``hipX`` <-> ``cudaX``, ...),
   accepted only when the HIP name is declared by the installed AMD headers *and* the
   CUDA name by the CUDA headers given with ``--cuda-include``.

A HIP name that the installed (AMD-side) headers do not declare is kept only from
sources 1-3, with a ``missing:`` note (see Note [Mapping table format] in
``hipify/mappings/__init__.py``); families whose HIP library is not installed at all
(hipBLAS, hipFFT, hipSOLVER, MIOpen on Debian 12) cannot be checked and say so in their
file header.

Usage::

    python tools/hipify_tables_from_headers.py \\
        --torch-wheel /opt/wheels/torch-*.whl \\
        --cuda-include /usr/local/cuda/include --cuda-include <dir of the CUDA library headers, e.g. unpacked from nvidia-*-cu13 wheels>
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TABLES = REPO / "hipify" / "mappings"

IDENT = re.compile(r"^[A-Za-z_]\w*$")
_COMMENT_OR_STRING = re.compile(
    r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'", re.S
)
_TOKEN = re.compile(r"(?<![\w.])[A-Za-z_]\w*")


def strip_comments(text: str) -> str:
    return _COMMENT_OR_STRING.sub(lambda m: " " if m.group(0)[0] == "/" else '""', text)


def is_nvidia_backend(path: Path) -> bool:
    s = str(path)
    return "nvidia_detail" in s or "nvcc_detail" in s or path.name.endswith("_nvcc.h")


# Parts of a CUDA include tree that are not the C APIs the tables cover: libcu++/CUB/
# Thrust (namespaced C++, kept as is), NVTX, CUPTI and profiler internals.
_SKIP_DIRS = {"cccl", "nv", "nvtx3", "Openacc", "Openmp", "nccl_device"}
_SKIP_FILE_PREFIXES = ("cupti", "nvperf", "generated_", "nvvm")


def header_files(roots: list[Path]) -> list[Path]:
    out = []
    for root in roots:
        for p in sorted(root.rglob("*")):
            rel = p.relative_to(root).parts
            if _SKIP_DIRS.intersection(rel[:-1]) or p.name.startswith(_SKIP_FILE_PREFIXES):
                continue
            if p.suffix in {".h", ".hpp", ".cuh", ".inl", ""} and p.is_file():
                out.append(p)
    return out


# ---------------------------------------------------------------------------
# Declared names and their kinds

_DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)", re.M)
_TAGGED = re.compile(r"\b(?:struct|union|class|enum(?:\s+class)?)\s+([A-Za-z_]\w*)")
_TYPEDEF = re.compile(r"\btypedef\b[^;{]*?\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*;")
_TYPEDEF_BODY_END = re.compile(r"\}\s*([A-Za-z_]\w*)\s*;")
_USING = re.compile(r"\busing\s+([A-Za-z_]\w*)\s*=")
_ENUM_BODY = re.compile(r"\benum\b[^{;]*\{([^}]*)\}", re.S)
_ENUMERATOR = re.compile(r"(?:^|,)\s*([A-Za-z_]\w*)\s*(?==|,|$)", re.S)
_CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")


def scan_kinds(files: list[Path]) -> dict[str, str]:
    """Identifier -> kind for every name in ``files`` (comments and strings removed)."""
    kinds: dict[str, str] = {}
    # A name that is both #defined and declared (CUDA's per-thread-stream API macros,
    # `#define cublasSgemm cublasSgemm_v2`) is reported by what it is declared as.
    rank = {"type": 4, "function": 3, "enum": 2, "macro": 1, "variable": 0}

    def put(name: str, kind: str) -> None:
        old = kinds.get(name)
        if old is None or rank[kind] > rank[old]:
            kinds[name] = kind

    for path in files:
        try:
            text = strip_comments(path.read_text(errors="replace"))
        except OSError:
            continue
        for tok in _TOKEN.findall(text):
            kinds.setdefault(tok, "variable")
        for m in _CALL.finditer(text):
            put(m.group(1), "function")
        for body in _ENUM_BODY.findall(text):
            for m in _ENUMERATOR.finditer(body):
                put(m.group(1), "enum")
        for rx in (_TAGGED, _TYPEDEF, _TYPEDEF_BODY_END, _USING):
            for m in rx.finditer(text):
                put(m.group(1), "type")
        for m in _DEFINE.finditer(text):
            put(m.group(1), "macro")
    return kinds


# ---------------------------------------------------------------------------
# Pairs from HIP's NVIDIA back end

_NV_DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(hip\w+|HIP\w+)[ \t]+([A-Za-z_]\w*)[ \t]*$", re.M)
_NV_TYPEDEF = re.compile(
    r"\btypedef\s+(?:const\s+)?(?:struct\s+|enum\s+|union\s+)?(cu\w+|CU\w+)\s*(\*?)\s*(hip\w+|HIP\w+)\s*;"
)
_NV_CASE = re.compile(r"\bcase\s+(\w+)\s*:\s*return\s+(\w+)\s*;")
_NV_FUNC = re.compile(
    r"(?:inline|static|__host__|__device__|\s)+[\w:<>\s\*&]+?\b(hip\w+)\s*\(([^;{]*?)\)\s*\{", re.S
)
_NV_CALLEE = re.compile(r"\b(cuda\w+|cu[A-Z]\w*|curand\w*|cusparse\w*|cublas\w*)\s*\(")


def _matching_brace(text: str, open_at: int) -> int:
    depth = 0
    for i in range(open_at, len(text)):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


def nvidia_pairs(files: list[Path]) -> list[tuple[str, str]]:
    """(cuda, hip) pairs stated by HIP's NVIDIA back-end headers."""
    pairs: list[tuple[str, str]] = []
    for path in files:
        text = strip_comments(path.read_text(errors="replace"))
        for hip, cuda in _NV_DEFINE.findall(text):
            if cuda.startswith(("cu", "CU", "__nv")) or cuda in {"libraryPropertyType"}:
                pairs.append((cuda, hip))
        for cuda, star, hip in _NV_TYPEDEF.findall(text):
            if not star:
                pairs.append((cuda, hip))
        for a, b in _NV_CASE.findall(text):
            if a.startswith(("cu", "CU")) and b.startswith(("hip", "HIP")):
                pairs.append((a, b))
            elif b.startswith(("cu", "CU")) and a.startswith(("hip", "HIP")):
                pairs.append((b, a))
        for m in _NV_FUNC.finditer(text):
            hip = m.group(1)
            if "To" in hip and ("hip" in hip[3:] or "CU" in hip or "cuda" in hip):
                continue  # a conversion helper, not an API wrapper
            end = _matching_brace(text, m.end() - 1)
            body = text[m.end() : end]
            callees = [c for c in _NV_CALLEE.findall(body)]
            if not callees:
                continue
            # A wrapper forwards to one CUDA API; the name closest to the HIP name wins.
            stem = hip[3:].lower()
            best = min(callees, key=lambda c: (0 if c.lower().endswith(stem) else 1, len(c)))
            pairs.append((best, hip))
    return pairs


# ---------------------------------------------------------------------------
# Pairs from PyTorch's table (read as data)

_TORCH_DICTS = ("CUDA_TYPE_NAME_MAP", "CUDA_IDENTIFIER_MAP", "CUDA_SPECIAL_MAP")


def torch_pairs(wheel: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(wheel) as z:
        src = z.read("torch/utils/hipify/cuda_to_hip_mappings.py").decode()
    pairs = []
    for node in ast.parse(src).body:
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        if node.targets[0].id not in _TORCH_DICTS:
            continue
        for t in ast.walk(node.value):
            if isinstance(t, ast.Tuple) and len(t.elts) >= 2:
                a, b = t.elts[0], t.elts[1]
                if isinstance(a, ast.Constant) and isinstance(b, ast.Constant):
                    if isinstance(a.value, str) and isinstance(b.value, str):
                        pairs.append((a.value, b.value))
    return pairs


# ---------------------------------------------------------------------------
# Prefix correspondences (checked on both sides)

PREFIXES = [  # (hip prefix, cuda prefix)
    ("hipsparse", "cusparse"),
    ("HIPSPARSE_", "CUSPARSE_"),
    ("hiprand", "curand"),
    ("HIPRAND_", "CURAND_"),
    ("hipError", "cudaError"),
    ("hipDevAttr", "cudaDevAttr"),
    ("hipGraph", "cudaGraph"),
    ("hipStream", "cudaStream"),
    ("hipEvent", "cudaEvent"),
    ("hipMem", "cudaMem"),
    ("hipDevice", "cudaDevice"),
    ("hipFunc", "cudaFunc"),
    ("hipOccupancy", "cudaOccupancy"),
    ("hipIpc", "cudaIpc"),
    ("hipPointer", "cudaPointer"),
    ("hipArray", "cudaArray"),
    ("hipTex", "cudaTex"),
    ("hipResource", "cudaResource"),
    ("hipSurface", "cudaSurface"),
    ("hipKernelNode", "cudaKernelNode"),
    ("hipMemcpy", "cudaMemcpy"),
    ("hipMemset", "cudaMemset"),
    ("hipHost", "cudaHost"),
    ("hipExternal", "cudaExternal"),
    ("hipGraphics", "cudaGraphics"),
    ("hipUserObject", "cudaUserObject"),
    ("hipLaunch", "cudaLaunch"),
    ("hipChannel", "cudaChannel"),
    ("hipCreate", "cudaCreate"),
    ("hipDestroy", "cudaDestroy"),
    ("hipGet", "cudaGet"),
    ("hipSet", "cudaSet"),
    ("hipMalloc", "cudaMalloc"),
    ("hipFree", "cudaFree"),
    ("hipPeek", "cudaPeek"),
    ("hipProfiler", "cudaProfiler"),
    ("hipThreadExchange", "cudaThreadExchange"),
    ("hip", "cuda"),
    ("hipModule", "cuModule"),
    ("hipCtx", "cuCtx"),
    ("hipDevicePrimaryCtx", "cuDevicePrimaryCtx"),
    ("hipFuncGetAttribute", "cuFuncGetAttribute"),
    ("HIP_AD_FORMAT_", "CU_AD_FORMAT_"),
    ("HIP_TR_", "CU_TR_"),
    ("HIP_RESOURCE_", "CU_RESOURCE_"),
    ("HIP_POINTER_ATTRIBUTE_", "CU_POINTER_ATTRIBUTE_"),
    ("HIP_FUNC_ATTRIBUTE_", "CU_FUNC_ATTRIBUTE_"),
    ("HIP_LAUNCH_PARAM_", "CU_LAUNCH_PARAM_"),
    ("HIP_R_", "CUDA_R_"),
    ("HIP_C_", "CUDA_C_"),
    ("HIP_", "CUDA_"),
]


def prefix_pairs(hip_kinds: dict[str, str], cuda_kinds: dict[str, str]) -> list[tuple[str, str]]:
    pairs = []
    for hip in hip_kinds:
        for hp, cp in PREFIXES:
            if hip.startswith(hp):
                cuda = cp + hip[len(hp) :]
                if cuda in cuda_kinds:
                    pairs.append((cuda, hip))
    return pairs


# ---------------------------------------------------------------------------
# Families

FAMILY_PREFIXES = [  # first match wins
    ("cublas", "blas"), ("CUBLAS", "blas"),
    ("curand", "rand"), ("CURAND", "rand"),
    ("cusparse", "sparse"), ("CUSPARSE", "sparse"),
    ("cufft", "fft"), ("CUFFT", "fft"),
    ("cusolver", "solver"), ("CUSOLVER", "solver"), ("cusolverDn", "solver"),
    ("cudnn", "dnn"), ("CUDNN", "dnn"),
    ("nvrtc", "rtc"), ("NVRTC", "rtc"),
    ("cuCreal", "complex"), ("cuCimag", "complex"), ("cuComplex", "complex"),
    ("cuDoubleComplex", "complex"), ("cuFloatComplex", "complex"), ("cuC", "complex"),
    ("make_cuComplex", "complex"), ("make_cuDoubleComplex", "complex"),
    ("make_cuFloatComplex", "complex"),
    ("make_cudaExtent", "runtime"), ("make_cudaPitchedPtr", "runtime"), ("make_cudaPos", "runtime"),
    ("cudaProfiler", "runtime"), ("cuda", "runtime"),
    ("CUDA_R_", "runtime"), ("CUDA_C_", "runtime"),
    ("cu", "driver"), ("CU", "driver"),
]


def family_of(cuda: str) -> str | None:
    for prefix, fam in FAMILY_PREFIXES:
        if cuda.startswith(prefix):
            if fam == "runtime" and cuda.startswith("cuda") and not cuda[4:5].isupper():
                return None
            if fam == "driver" and not (cuda[2:3].isupper() or cuda[2:3] == "_" or cuda.startswith("CU")):
                return None
            return fam
    return None


# Which installed HIP include roots back each family; a family not listed here (or whose
# roots are absent) cannot be checked against headers.
FAMILY_ROOTS = {
    "runtime": ["hip"],
    "driver": ["hip"],
    "complex": ["hip"],
    "rtc": ["hip"],
    "rand": ["hiprand"],
    "sparse": ["hipsparse"],
    "blas": ["hipblas"],
    "fft": ["hipfft"],
    "solver": ["hipsolver"],
    "dnn": ["miopen"],
}

FAMILY_TITLES = {
    "runtime": "CUDA runtime API (cuda*) -> HIP runtime API",
    "driver": "CUDA driver API (cu*, CU*) -> HIP runtime/driver API",
    "complex": "cuComplex.h -> hip/hip_complex.h",
    "rtc": "NVRTC -> hipRTC",
    "rand": "cuRAND (host and device API) -> hipRAND",
    "sparse": "cuSPARSE -> hipSPARSE",
    "blas": "cuBLAS -> hipBLAS",
    "fft": "cuFFT -> hipFFT",
    "solver": "cuSOLVER -> hipSOLVER",
    "dnn": "cuDNN -> MIOpen (only where one-to-one)",
}

# Human decisions. cuda -> (hip or "-", kind or "", note)
OVERRIDES: dict[str, tuple[str, str, str]] = {}


def load_overrides(path: Path) -> None:
    if not path.exists():
        return
    for line in path.read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        cols += [""] * (4 - len(cols))
        OVERRIDES[cols[0]] = (cols[1], cols[2], cols[3])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hip-include", type=Path, default=Path("/usr/include"))
    ap.add_argument("--cuda-include", type=Path, action="append", default=[])
    ap.add_argument("--torch-wheel", type=Path, required=True)
    ap.add_argument("--overrides", type=Path, default=REPO / "tools" / "hipify_overrides.tsv")
    ap.add_argument("--out", type=Path, default=TABLES)
    ap.add_argument("--skip-existing", action="store_true",
                    help="leave out CUDA names already defined in hand-curated tables")
    args = ap.parse_args(argv)
    load_overrides(args.overrides)

    inc = args.hip_include
    roots = {name: inc / name for fam in FAMILY_ROOTS.values() for name in fam}
    installed = {fam: any(roots[r].is_dir() for r in rs) for fam, rs in FAMILY_ROOTS.items()}
    all_files = header_files([p for p in roots.values() if p.is_dir()])
    amd_files = [p for p in all_files if not is_nvidia_backend(p)]
    nv_files = [p for p in all_files if is_nvidia_backend(p)]
    hip_kinds = scan_kinds(amd_files)
    cuda_kinds = scan_kinds(header_files(args.cuda_include))
    print(f"HIP names: {len(hip_kinds)}; CUDA names: {len(cuda_kinds)}", file=sys.stderr)

    sources: list[tuple[str, list[tuple[str, str]]]] = [
        ("nvidia", nvidia_pairs(nv_files)),
        ("torch", torch_pairs(args.torch_wheel)),
        ("prefix", prefix_pairs(hip_kinds, cuda_kinds)),
    ]
    # Names owned by hand-curated tables are not regenerated here.
    curated: set[str] = set()
    generated = set(FAMILY_TITLES)
    for p in args.out.glob("*.tsv"):
        if p.stem in generated or p.stem == "headers":
            continue
        for line in p.read_text().splitlines():
            if line and not line.startswith("#"):
                curated.add(line.split("\t", 1)[0])

    candidates: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for src, pairs in sources:
        for cuda, hip in pairs:
            if IDENT.match(cuda) and IDENT.match(hip) and cuda != hip:
                candidates[cuda].append((src, hip))

    rows: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    stats: dict[str, int] = defaultdict(int)
    unsupported_pool = api_names(cuda_kinds)
    for cuda in sorted(set(candidates) | set(OVERRIDES) | unsupported_pool):
        if cuda in curated:
            continue
        fam = family_of(cuda)
        if fam is None:
            stats["no family"] += 1
            continue
        checkable = installed.get(fam, False)
        if cuda in OVERRIDES:
            hip, kind, note = OVERRIDES[cuda]
            kind = kind or _kind(cuda_kinds.get(cuda)) or _kind(hip_kinds.get(hip)) or guess_kind(cuda)
            rows[fam].append((cuda, hip, kind, note))
            stats["override"] += 1
            continue
        cands = candidates.get(cuda, [])
        if (base := re.sub(r"_v\d$", "", cuda)) != cuda:
            # cuMemsetD32_v2 is cuMemsetD32 and cublasSgemm_v2 is cublasSgemm (hipBLAS's
            # own *_v2 names are ROCm 6 additions).
            cands = candidates.get(base, []) + cands
        cands = [(s, h) for s, h in cands if not h.endswith("__")]
        # Several HIP wrappers may forward to one CUDA API (hipMemcpyWithStream and
        # hipMemcpyAsync both call cudaMemcpyAsync): the one with the same stem wins.
        cands.sort(key=lambda sh: stem(sh[1]) != stem(cuda))
        kind = _kind(cuda_kinds.get(cuda))
        chosen = next(((s, h) for s, h in cands if h in hip_kinds), None)
        if chosen is not None:
            hip, note = chosen[1], ""
            stats[chosen[0]] += 1
        elif not checkable and (trusted := [(s, h) for s, h in cands if s != "prefix"]):
            hip, note = trusted[0][1], ""
            stats[trusted[0][0] + " (unchecked)"] += 1
        else:
            hip = "-"
            spelled = sorted({h for s, h in cands if s != "prefix"})
            if spelled:
                note = f"HIP 5.2 declares no {' or '.join(spelled)}"
            elif checkable or fam == "dnn":
                note = "no HIP equivalent"
            else:
                note = "no known HIP equivalent"
            stats["unsupported"] += 1
        if fam == "blas" and hip.endswith("_v2"):
            hip = hip[:-3]  # hipBLAS 5.2 has no *_v2 names (they are ROCm 6's hipComplex API)
        kind = kind or _kind(hip_kinds.get(hip)) or guess_kind(cuda)
        rows[fam].append((cuda, hip, kind, note))

    for fam, fam_rows in sorted(rows.items()):
        path = args.out / f"{fam}.tsv"
        checked = "checked against" if installed.get(fam) else "NOT checkable: not installed at"
        roots_txt = ", ".join(str(inc / r) for r in FAMILY_ROOTS[fam])
        lines = [
            f"# {FAMILY_TITLES[fam]}.",
            "# Generated by tools/hipify_tables_from_headers.py, then reviewed; HIP names "
            f"{checked} {roots_txt}.",
            "# Columns: cuda<TAB>hip or -<TAB>kind[<TAB>note]; see Note [Mapping table format]"
            " in hipify/mappings/__init__.py.",
        ]
        lines += ["\t".join(r if r[3] else r[:3]) for r in sorted(fam_rows)]
        path.write_text("\n".join(lines) + "\n")
        print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: {len(fam_rows)} rows",
              file=sys.stderr)
    print(dict(stats), file=sys.stderr)
    return 0


_API_NAME = re.compile(
    r"^(?:cuda[A-Z]\w*|cu[A-Z]\w*|CU_\w+|CUDA_[A-Z]\w*|CU[a-z]\w*|"
    r"cublas\w+|CUBLAS_\w+|curand\w+|CURAND_\w+|cusparse\w+|CUSPARSE_\w+|"
    r"cufft\w+|CUFFT_\w+|cusolver\w+|CUSOLVER_\w+|cudnn\w+|CUDNN_\w+|nvrtc\w+|NVRTC_\w+)$"
)
_INTERNAL = re.compile(r"_pt[sd][sz]$|__|_v\d+_\w*$|Lt|Xt|Mg")


def api_names(cuda_kinds: dict[str, str]) -> set[str]:
    """Public CUDA API names (functions, types, enumerators) from the CUDA headers."""
    return {
        n for n, k in cuda_kinds.items()
        if k in {"function", "type", "enum"} and _API_NAME.match(n) and not _INTERNAL.search(n)
    }


_STEM_PREFIX = re.compile(
    r"^(?:hipsparse|cusparse|hiprand|curand|hipblas|cublas|hipfft|cufft|hipsolver|cusolver|"
    r"hiprtc|nvrtc|cuda|hip|cu|HIPSPARSE_|CUSPARSE_|HIPRAND_|CURAND_|HIPBLAS_|CUBLAS_|"
    r"HIPFFT_|CUFFT_|HIPSOLVER_|CUSOLVER_|CUDA_|HIP_|CU_)"
)


def stem(name: str) -> str:
    """``cudaMemcpyAsync``/``hipMemcpyAsync`` -> ``memcpyasync``: the name without its API prefix."""
    return re.sub(r"_v\d$", "", _STEM_PREFIX.sub("", name)).replace("_", "").lower()


def _kind(k: str | None) -> str | None:
    return None if k in (None, "variable") else k


def guess_kind(cuda: str) -> str:
    if cuda.isupper() or cuda[:3] in {"CU_", "CUD"} and "_" in cuda:
        return "enum"
    if cuda.endswith("_t") or cuda.endswith("_st"):
        return "type"
    return "function"


if __name__ == "__main__":
    sys.exit(main())
