"""CUDA -> HIP mapping tables: the data layer of ``hipify``.

Every fact the translator knows about names lives in the ``*.tsv`` files next to this
module, one file per API family (``runtime.tsv``, ``blas.tsv``, ``headers.tsv``, ...).
This module only reads and validates them; it holds no translation logic.

File format (see Note [Mapping table format])::

    # comment
    cudaMalloc<TAB>hipMalloc<TAB>function
    cudaGraphInstantiateWithParams<TAB>-<TAB>function<TAB>no HIP equivalent in HIP 5.2

Note [Mapping table format]
~~~~~~~~~~~~~~~~~~~~~~~~~~~
* Lines starting with ``#`` and blank lines are ignored.
* A row is ``cuda<TAB>hip<TAB>kind`` or ``cuda<TAB>hip<TAB>kind<TAB>note``.
* ``hip`` is ``-`` when HIP has no equivalent: the translator leaves the name alone and
  reports it, so such rows should say why in the note.
* ``kind`` is one of ``KINDS``. Every identifier kind is a whole-token rename, except four
  that need context from the translator:
  - ``namespace`` (``cub`` -> ``hipcub``): rename only where the token is followed by
    ``::`` (``cub`` alone is a common variable name).
  - ``warp_sync`` (``__shfl_down_sync`` -> ``__shfl_down``): a call whose CUDA form takes a
    leading lane-mask argument that HIP 5.2's form lacks; rename and drop the first
    argument of the call.
  - ``member`` (``sharedMemPerMultiprocessor`` -> ``maxSharedMemoryPerMultiProcessor``): a
    field of a CUDA struct whose HIP struct spells it differently; renamed only after ``.``
    or ``->`` (as a plain name it is the program's own).
  - ``erase`` (``CUDART_CB``): a calling-convention macro that is empty on every platform HIP
    runs on; the token is deleted. Its ``hip`` column is ``-`` (there is no name to emit),
    and the row is supported: ``Mapping.hip`` is the empty string.
* A note starting with ``missing:`` marks a HIP name that HIP 5.2's headers do not declare
  (it exists in later ROCm releases). The translator still emits it, because that is what
  current HIP code spells; the header-existence test accepts it only with this note.
* A CUDA name appears at most once across all identifier tables, and at most once in
  ``headers.tsv``; a row never maps a name to itself.

The family of a row is its file's stem. ``headers.tsv`` holds include paths as written
between ``<>`` or ``""``; all other files hold identifiers.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "KINDS",
    "TABLES_DIR",
    "TABLES_VERSION",
    "Mapping",
    "MappingError",
    "Tables",
    "headers",
    "identifiers",
    "load_tables",
]

TABLES_DIR = Path(__file__).resolve().parent

#: Kinds a row may declare; see Note [Mapping table format] for the two that need context.
KINDS = frozenset(
    {"function", "type", "enum", "macro", "variable", "namespace", "warp_sync", "member", "erase", "header"}
)

#: Prefix of a note that marks a HIP name absent from HIP 5.2's headers.
MISSING_PREFIX = "missing:"

_HEADERS_FAMILY = "headers"


class MappingError(ValueError):
    """A malformed mapping table; the message starts with ``file:line``."""


@dataclass(frozen=True, slots=True)
class Mapping:
    cuda: str  # CUDA identifier, or include path as written inside <> / ""
    hip: str | None  # None: no HIP equivalent (left untouched and reported); "": erased
    family: str  # table file stem: "runtime", "blas", "headers", ...
    kind: str  # one of KINDS
    note: str = ""

    @property
    def supported(self) -> bool:
        return self.hip is not None

    @property
    def known_missing(self) -> bool:
        """True if ``hip`` is a name HIP 5.2's headers do not declare."""
        return self.note.startswith(MISSING_PREFIX)


@dataclass(frozen=True, slots=True)
class Tables:
    identifiers: dict[str, Mapping]
    headers: dict[str, Mapping]
    version: str


def _parse_file(
    path: Path, data: bytes, family: str, seen: dict[str, str], out: dict[str, Mapping]
) -> None:
    is_headers = family == _HEADERS_FAMILY
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise MappingError(f"{path}: not UTF-8 ({e})") from None
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line or line[0] == "#" or line.isspace():
            continue
        where = f"{path}:{lineno}"
        cols = line.split("\t")
        if len(cols) == 3:
            cuda, hip, kind = cols
            note = ""
        elif len(cols) == 4:
            cuda, hip, kind, note = cols
        else:
            raise MappingError(
                f"{where}: expected 3 or 4 tab-separated columns "
                f"(cuda, hip or -, kind[, note]), got {len(cols)}: {line!r}"
            )
        if not cuda or cuda != cuda.strip() or not hip or hip != hip.strip():
            raise MappingError(f"{where}: empty column or stray whitespace in {line!r}")
        if kind not in KINDS:
            raise MappingError(
                f"{where}: unknown kind {kind!r} for {cuda!r}; expected one of {sorted(KINDS)}"
            )
        if (kind == "header") != is_headers:
            raise MappingError(
                f"{where}: kind 'header' belongs in {_HEADERS_FAMILY}.tsv and only there "
                f"(got kind {kind!r} for {cuda!r} in {path.name})"
            )
        if hip == cuda:
            raise MappingError(f"{where}: {cuda!r} maps to itself; drop the row")
        if note.startswith(MISSING_PREFIX) and hip == "-":
            raise MappingError(
                f"{where}: {cuda!r} has no HIP name but its note says {MISSING_PREFIX!r}"
            )
        previous = seen.get(cuda)
        if previous is not None:
            raise MappingError(f"{where}: duplicate CUDA name {cuda!r}, first defined at {previous}")
        seen[cuda] = where
        if kind == "erase":
            if hip != "-":
                raise MappingError(f"{where}: {cuda!r} is an 'erase' row; its HIP column must be '-'")
            out[cuda] = Mapping(cuda, "", family, kind, note)
            continue
        out[cuda] = Mapping(cuda, None if hip == "-" else hip, family, kind, note)


def load_tables(directory: Path | str = TABLES_DIR) -> Tables:
    """Read and validate every ``*.tsv`` under ``directory`` (in file-name order)."""
    directory = Path(directory)
    files = sorted(directory.glob("*.tsv"))
    ids: dict[str, Mapping] = {}
    hdrs: dict[str, Mapping] = {}
    seen_ids: dict[str, str] = {}
    seen_hdrs: dict[str, str] = {}
    digest = hashlib.sha256()
    for path in files:
        family = path.stem
        data = path.read_bytes()
        if family == _HEADERS_FAMILY:
            _parse_file(path, data, family, seen_hdrs, hdrs)
        else:
            _parse_file(path, data, family, seen_ids, ids)
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(data)
        digest.update(b"\0")
    return Tables(ids, hdrs, digest.hexdigest()[:16])


@functools.cache
def _tables() -> Tables:
    return load_tables(TABLES_DIR)


def identifiers() -> dict[str, Mapping]:
    """Whole-token identifier table: CUDA name -> Mapping, every family but headers.

    The dict is shared; callers must not mutate it.
    """
    return _tables().identifiers


def headers() -> dict[str, Mapping]:
    """Include path (as written between ``<>``/``""``) -> Mapping."""
    return _tables().headers


def __getattr__(name: str) -> str:
    # TABLES_VERSION is computed lazily so that importing the package stays cheap.
    if name == "TABLES_VERSION":
        return _tables().version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
