"""The CUDA -> HIP mapping tables: loader validation and the header-existence check.

The header-existence test is the tables' contract with HIP: every HIP name a row can emit
is declared by the installed HIP 5.2 headers (Debian's libamdhip64-dev, libhiprand-dev,
libhipsparse-dev, librocprim-dev), or the row says ``missing: ...`` (see Note [Mapping
table format] in hipify/mappings/__init__.py).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from hipify import mappings
from hipify.mappings import Mapping, MappingError, headers, identifiers, load_tables

HIP_INCLUDE = Path("/usr/include")

# Which HIP include directories declare each family's HIP names. A family whose
# directories are all absent is not checkable here (Debian 12 packages no hipBLAS, hipFFT,
# hipSOLVER, hipCUB, RCCL or MIOpen).
FAMILY_ROOTS = {
    "runtime": ["hip"],
    "driver": ["hip"],
    "device": ["hip"],
    "macros": ["hip", "hiprand", "hipsparse"],
    "complex": ["hip"],
    "rtc": ["hip"],
    "rand": ["hiprand"],
    "sparse": ["hipsparse"],
    "blas": ["hipblas"],
    "fft": ["hipfft"],
    "solver": ["hipsolver"],
    "cub": ["hipcub"],
    "dnn": ["miopen"],
}
DEBIAN_PACKAGE = {
    "hip": "libamdhip64-dev",
    "hiprand": "libhiprand-dev",
    "hipsparse": "libhipsparse-dev",
    "rocrand": "librocrand-dev",
    "hipblas": "hipBLAS (not packaged in Debian 12)",
    "hipfft": "hipFFT (not packaged in Debian 12)",
    "hipsolver": "hipSOLVER (not packaged in Debian 12)",
    "hipcub": "hipCUB (not packaged in Debian 12)",
    "rccl": "RCCL (not packaged in Debian 12)",
    "miopen": "MIOpen (not packaged in Debian 12)",
}

_COMMENT_OR_STRING = re.compile(
    r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'", re.S
)
_TOKEN = re.compile(r"(?<![\w.])[A-Za-z_]\w*")


def _nvidia_backend(path: Path) -> bool:
    # HIP's NVIDIA back end spells HIP names as aliases of CUDA ones; those names need
    # not exist for AMD, which is what hipcc compiles for.
    return "nvidia_detail" in path.parts or "nvcc_detail" in path.parts or path.name.endswith("_nvcc.h")


@functools.cache
def declared_names(root: str) -> frozenset[str]:
    """Every identifier in the code (not comments or strings) of HIP's headers under ``root``."""
    names: set[str] = set()
    for path in sorted((HIP_INCLUDE / root).rglob("*")):
        if not path.is_file() or _nvidia_backend(path):
            continue
        text = _COMMENT_OR_STRING.sub(" ", path.read_text(errors="replace"))
        names.update(_TOKEN.findall(text))
    return frozenset(names)


def _installed(roots: list[str]) -> list[str]:
    return [r for r in roots if (HIP_INCLUDE / r).is_dir()]


# ---------------------------------------------------------------------------
# The shipped tables


def test_tables_load_and_are_consistent():
    ids, hdrs = identifiers(), headers()
    assert len(ids) > 5000 and len(hdrs) > 50
    for name, m in ids.items():
        assert isinstance(m, Mapping) and m.cuda == name
        assert m.kind in mappings.KINDS and m.kind != "header"
        assert m.family in FAMILY_ROOTS, f"{name}: family {m.family!r} has no HIP roots in this test"
        if m.hip is None:
            assert not m.known_missing
        assert (m.hip == "") == (m.kind == "erase"), name
    for path, m in hdrs.items():
        assert m.kind == "header" and m.family == "headers" and m.cuda == path
    assert re.fullmatch(r"[0-9a-f]{16}", mappings.TABLES_VERSION)
    assert identifiers() is ids  # cached


@pytest.mark.parametrize(
    "cuda, hip",
    [
        ("cudaMalloc", "hipMalloc"),
        ("cudaMemcpyHostToDevice", "hipMemcpyHostToDevice"),
        ("cudaDeviceProp", "hipDeviceProp_t"),
        ("cudaErrorMemoryAllocation", "hipErrorOutOfMemory"),
        ("cudaStreamNonBlocking", "hipStreamNonBlocking"),
        ("cudaMemcpyAsync", "hipMemcpyAsync"),
        ("cudaDevAttrMaxThreadsPerBlock", "hipDeviceAttributeMaxThreadsPerBlock"),
        ("cudaTextureObject_t", "hipTextureObject_t"),
        ("CUresult", "hipError_t"),
        ("CUDA_SUCCESS", "hipSuccess"),
        ("cuLaunchKernel", "hipModuleLaunchKernel"),
        ("cuMemsetD32_v2", "hipMemsetD32"),
        ("cublasSgemm", "hipblasSgemm"),
        ("cublasSgemm_v2", "hipblasSgemm"),
        ("CUBLAS_OP_N", "HIPBLAS_OP_N"),
        ("curandState", "hiprandState"),
        ("curand_init", "hiprand_init"),
        ("cusparseSpMV", "hipsparseSpMV"),
        ("cufftExecC2C", "hipfftExecC2C"),
        ("cusolverDnCreate", "hipsolverDnCreate"),
        ("__CUDACC__", "__HIPCC__"),
        ("__CUDA_ARCH__", "__HIP_DEVICE_COMPILE__"),
        ("__CUDA_RUNTIME_H__", "HIP_INCLUDE_HIP_HIP_RUNTIME_H"),
        ("__nv_bfloat16", "hip_bfloat16"),
        ("__shfl_down_sync", "__shfl_down"),
        ("cub", "hipcub"),
        ("cuGetErrorString", "hipGetErrorString"),
        ("cuGetErrorName", "hipGetErrorName"),
    ],
)
def test_known_mappings(cuda, hip):
    assert identifiers()[cuda].hip == hip


def test_context_kinds():
    # The translator must treat these kinds specially; see Note [Mapping table format].
    assert identifiers()["cub"].kind == "namespace"
    assert identifiers()["__ballot_sync"].kind == "warp_sync"
    for macro in ("CUDART_CB", "CUDARTAPI", "CUDAAPI"):
        m = identifiers()[macro]
        assert (m.kind, m.hip) == ("erase", "") and m.supported, macro


def test_erase_rows_take_no_hip_name(tmp_path):
    _write(tmp_path, "driver.tsv", "CUDART_CB\t-\terase\tempty on Linux\n")
    m = load_tables(tmp_path).identifiers["CUDART_CB"]
    assert (m.hip, m.kind, m.supported) == ("", "erase", True)
    _write(tmp_path, "driver.tsv", "CUDART_CB\tHIPRT_CB\terase\n")
    with pytest.raises(MappingError, match="'erase' row; its HIP column must be '-'"):
        load_tables(tmp_path)


@pytest.mark.parametrize(
    "cuda, hip",
    [
        ("cuda_runtime.h", "hip/hip_runtime.h"),
        ("cuda.h", "hip/hip_runtime.h"),
        ("cuda_fp16.h", "hip/hip_fp16.h"),
        ("cuda_bf16.h", "hip/hip_bfloat16.h"),
        ("curand_kernel.h", "hiprand/hiprand_kernel.h"),
        ("cusparse.h", "hipsparse/hipsparse.h"),
        ("cublas_v2.h", "hipblas/hipblas.h"),
        ("cub/cub.cuh", "hipcub/hipcub.hpp"),
        ("nccl.h", "rccl/rccl.h"),
        ("cooperative_groups.h", "hip/hip_cooperative_groups.h"),
        ("cooperative_groups/reduce.h", "hip/hip_cooperative_groups.h"),
        ("builtin_types.h", "hip/hip_runtime.h"),
    ],
)
def test_known_headers(cuda, hip):
    assert headers()[cuda].hip == hip


def test_unsupported_rows_say_why():
    for m in identifiers().values():
        if m.hip is None:
            assert m.note, f"{m.family}.tsv: {m.cuda} has no HIP equivalent but no note"


# ---------------------------------------------------------------------------
# Loader validation on fixtures


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body)
    return path


def test_fixture_tables_load(tmp_path):
    _write(tmp_path, "runtime.tsv", "# c\n\ncudaFree\thipFree\tfunction\ncudaFoo\t-\tfunction\tnone\n")
    _write(tmp_path, "headers.tsv", "cuda.h\thip/hip_runtime.h\theader\n")
    tables = load_tables(tmp_path)
    assert tables.identifiers["cudaFree"] == Mapping("cudaFree", "hipFree", "runtime", "function")
    assert tables.identifiers["cudaFoo"].hip is None and tables.identifiers["cudaFoo"].note == "none"
    assert tables.headers["cuda.h"].hip == "hip/hip_runtime.h"
    before = tables.version
    _write(tmp_path, "runtime.tsv", "cudaFree\thipFree\tfunction\n")
    assert load_tables(tmp_path).version != before


def test_crlf_is_accepted(tmp_path):
    _write(tmp_path, "runtime.tsv", "cudaFree\thipFree\tfunction\r\n")
    assert load_tables(tmp_path).identifiers["cudaFree"].hip == "hipFree"


@pytest.mark.parametrize(
    "body, message",
    [
        ("cudaFree\thipFree\n", "expected 3 or 4 tab-separated columns"),
        ("cudaFree\thipFree\tfunction\tnote\textra\n", "got 5"),
        ("cudaFree hipFree function\n", "got 1"),
        ("cudaFree\thipFree\tfunc\n", "unknown kind 'func'"),
        ("cudaFree\tcudaFree\tfunction\n", "maps to itself"),
        ("cudaFree\t\tfunction\n", "empty column"),
        ("cudaFree\t-\tfunction\tmissing: x\n", "no HIP name but its note says"),
        ("cuda.h\thip/hip_runtime.h\theader\n", "kind 'header' belongs in headers.tsv"),
    ],
)
def test_malformed_row_names_file_and_line(tmp_path, body, message):
    path = _write(tmp_path, "runtime.tsv", "# header comment\ncudaMalloc\thipMalloc\tfunction\n" + body)
    with pytest.raises(MappingError) as e:
        load_tables(tmp_path)
    assert str(e.value).startswith(f"{path}:3: ")
    assert message in str(e.value)


def test_duplicate_across_families_names_both_places(tmp_path):
    a = _write(tmp_path, "blas.tsv", "cudaMalloc\thipMalloc\tfunction\n")
    b = _write(tmp_path, "runtime.tsv", "#\n#\ncudaMalloc\thipMalloc\tfunction\n")
    with pytest.raises(MappingError, match="duplicate CUDA name 'cudaMalloc'") as e:
        load_tables(tmp_path)
    assert str(e.value).startswith(f"{b}:3: ") and f"{a}:1" in str(e.value)


def test_non_utf8_table(tmp_path):
    (tmp_path / "runtime.tsv").write_bytes(b"cuda\xff\thip\tfunction\n")
    with pytest.raises(MappingError, match="not UTF-8"):
        load_tables(tmp_path)


# ---------------------------------------------------------------------------
# Header existence (needs Debian's HIP headers; .ci/run installs them)


def _skip_unless_installed(family: str) -> list[str]:
    roots = FAMILY_ROOTS[family]
    present = _installed(roots)
    if not present:
        wanted = ", ".join(DEBIAN_PACKAGE.get(r, r) for r in roots)
        pytest.skip(f"{family}: HIP headers not installed under {HIP_INCLUDE} ({wanted})")
    return present


@pytest.mark.parametrize("family", sorted(FAMILY_ROOTS))
def test_every_hip_name_is_declared(family):
    roots = _skip_unless_installed(family)
    declared = frozenset().union(*(declared_names(r) for r in roots))
    rows = [m for m in identifiers().values() if m.family == family and m.hip]  # not erase rows
    assert rows, f"no supported rows in {family}.tsv"
    undeclared = [m.cuda + " -> " + m.hip for m in rows if m.hip not in declared and not m.known_missing]
    assert not undeclared, (
        f"{len(undeclared)} HIP names in {family}.tsv are not declared by the headers under "
        f"{', '.join(str(HIP_INCLUDE / r) for r in roots)} and carry no 'missing:' note: "
        + ", ".join(undeclared[:20])
    )
    # A stale note is a bug too: a name HIP does declare is not missing.
    stale = [m.cuda for m in rows if m.known_missing and m.hip in declared]
    assert not stale, f"{family}.tsv marks declared HIP names as missing: {stale[:20]}"


def test_every_header_path_exists():
    if not (HIP_INCLUDE / "hip").is_dir():
        pytest.skip(f"HIP headers not installed under {HIP_INCLUDE} (libamdhip64-dev)")
    checked = 0
    bad = []
    for m in headers().values():
        if m.hip is None:
            continue
        root = m.hip.split("/", 1)[0]
        if not (HIP_INCLUDE / root).is_dir():
            continue  # library not packaged here: unchecked (the row says so)
        checked += 1
        exists = (HIP_INCLUDE / m.hip).is_file()
        if exists == m.known_missing:
            bad.append(f"{m.cuda} -> {m.hip} ({'exists but marked missing' if exists else 'no such file'})")
    assert checked > 30
    assert not bad, bad


def test_unchecked_families_are_documented():
    # Rows of families that cannot be checked here must say so in their file header,
    # so that a reader knows which facts were verified.
    for family, roots in FAMILY_ROOTS.items():
        if _installed(roots):
            continue
        path = mappings.TABLES_DIR / f"{family}.tsv"
        text = path.read_text()
        head = "".join(line for line in text.splitlines(keepends=True)[:5] if line.startswith("#"))
        rows = [m for m in identifiers().values() if m.family == family and m.hip is not None]
        if rows and family not in {"cub", "dnn"}:
            assert "NOT checkable" in head, f"{path.name}: header should say its HIP names are unchecked"
