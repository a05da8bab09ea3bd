"""Loading ember's ``native_functions.yaml`` into validated NativeFunctions.

Each entry of the file is a mapping; ``func`` is the only required key::

    - func: add.out(Tensor self, Tensor other, *, Scalar alpha=1, Tensor(a!) out) -> Tensor(a!)
      dispatch:
        CPU: add_out
        CUDA: add_out_cuda

    - func: add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor
      variants: function, method
      structured_delegate: add.out

Keys (see ALLOWED_KEYS):

- ``variants``: ``function`` and/or ``method`` (a comma-separated string or a
  list); default ``function``.  ``method`` needs a positional ``self``.
- ``dispatch``: backend key -> kernel name in ``ember::native``.  Keys are
  DISPATCH_KEYS; ``CPU, CUDA: name`` gives both keys the same kernel.  See
  Note [Default dispatch] for an entry without one.
- ``structured_delegate``: the out= op (``add.out``) whose kernels implement
  this functional or in-place op through generated wrappers.  Such an entry
  has no ``dispatch`` of its own.
- ``structured``: on an out= op, its kernels are split into a shared meta
  function (shape/dtype checks, output allocation) and per-backend impls.
- ``python_module``: the Python submodule the binding lives in (``nn``,
  ``linalg``...); ``None`` means the top-level ``ember`` namespace.
- ``python_binding``: ``False`` keeps the op out of the Python bindings.
- ``manual_cpp_binding``: the C++ function/method API is hand-written.
- ``doc``: the docstring of the Python binding and the docs page.
- ``derivatives``: reserved for autograd; kept as a raw str -> str mapping.
- ``tags``: a string or list of strings.

Note [Default dispatch]
~~~~~~~~~~~~~~~~~~~~~~~
An entry with neither ``dispatch`` nor ``structured_delegate`` is a composite
op written once in terms of other ops: it gets ``{CompositeImplicitAutograd:
default_kernel_name(func)}``.  The default kernel name is the C++ function name
PyTorch uses in ``at::native``: the name as spelled without overload
(``add``, ``add_``, ``__iand__``) plus ``_out`` for an out= op.  Overloads
share the name and are told apart by C++ overloading.

Validation collects every problem in a file and raises one SchemaErrors with
``file:line: message`` lines sorted by line.  ``check_kernels_defined`` (a
separate, optional pass, because it needs the kernel sources) checks that each
named kernel is defined in ``namespace ember::native``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from codegen.model import FunctionSchema, Location, OperatorName, SchemaError, SchemaErrors, SchemaKind

__all__ = [
    "ALLOWED_KEYS",
    "BACKEND_KEYS",
    "COMPOSITE_KEYS",
    "DISPATCH_KEYS",
    "FrozenMap",
    "NativeFunction",
    "Variant",
    "YamlMapping",
    "check_kernels_defined",
    "default_kernel_name",
    "kernels_defined_in",
    "load_yaml_entries",
    "parse_native_yaml",
]

BACKEND_KEYS = ("CPU", "CUDA")
COMPOSITE_KEYS = ("CompositeImplicitAutograd", "CompositeExplicitAutograd")
DISPATCH_KEYS = BACKEND_KEYS + COMPOSITE_KEYS

ALLOWED_KEYS = (
    "func",
    "variants",
    "dispatch",
    "structured",
    "structured_delegate",
    "python_module",
    "python_binding",
    "manual_cpp_binding",
    "doc",
    "derivatives",
    "tags",
)

_C_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class Variant(Enum):
    function = "function"
    method = "method"


class FrozenMap(Mapping[str, str]):
    """An immutable, hashable str -> str mapping that keeps insertion order
    (the YAML's order), so NativeFunction stays a frozen, hashable value."""

    __slots__ = ("_d",)

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._d = dict(items)

    def __getitem__(self, key: str) -> str:
        return self._d[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __hash__(self) -> int:
        return hash(frozenset(self._d.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._d) == dict(other)

    def __repr__(self) -> str:
        return f"FrozenMap({self._d!r})"


@dataclass(frozen=True)
class NativeFunction:
    func: FunctionSchema
    loc: Location
    variants: frozenset[Variant] = frozenset({Variant.function})
    dispatch: FrozenMap = field(default_factory=FrozenMap)
    structured: bool = False
    structured_delegate: OperatorName | None = None
    python_module: str | None = None
    doc: str | None = None
    derivatives: FrozenMap | None = None
    tags: frozenset[str] = frozenset()
    manual_cpp_binding: bool = False
    python_binding: bool = True

    @property
    def name(self) -> OperatorName:
        return self.func.name

    @property
    def is_method(self) -> bool:
        return Variant.method in self.variants

    @property
    def is_function(self) -> bool:
        return Variant.function in self.variants


def default_kernel_name(func: FunctionSchema) -> str:
    """See Note [Default dispatch]."""
    suffix = "_out" if func.kind() in (SchemaKind.out, SchemaKind.scratch) else ""
    return func.name.plain_name + suffix


# --------------------------------------------------------------------------
# YAML with line numbers
# --------------------------------------------------------------------------


class YamlMapping(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers its 1-based ``line``, each key's line
    (``key_lines``) and the keys written twice (``duplicate_keys``)."""

    line: int
    key_lines: dict[Any, int]
    duplicate_keys: list[tuple[Any, int]]


_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader (libyaml's when available: PyTorch's file loads in well
    under a second) whose mappings are YamlMappings."""


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> Iterator[YamlMapping]:
    data = YamlMapping()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    data.duplicate_keys = []
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in data.key_lines:
            data.duplicate_keys.append((key, line))
        data.key_lines[key] = line
        data[key] = loader.construct_object(value_node, deep=True)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load_yaml_entries(path: str | Path, errors: list[SchemaError] | None = None) -> list[YamlMapping]:
    """Load a native_functions-style file: a list of mappings, each knowing its
    line.  A file that cannot be read, is not YAML or is not a list raises
    SchemaErrors naming file:line.  Entries that are not mappings (which are
    then left out) and keys repeated within an entry are appended to
    ``errors`` when a list is given, else raised."""
    path = str(path)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise SchemaErrors([SchemaError(f"cannot read schema file: {e.strerror}", Location(path, 1))]) from e
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        message = f"YAML syntax error: {e.problem or e.context}"
        if mark is not None:
            message += f" (column {mark.column + 1})"
        if e.context and e.problem and e.context_mark is not None:
            message += f", {e.context} that starts at line {e.context_mark.line + 1}"
        line = mark.line + 1 if mark is not None else 1
        raise SchemaErrors([SchemaError(message, Location(path, line))]) from e
    if data is None:
        return []
    if not isinstance(data, list):
        raise SchemaErrors(
            [SchemaError(f"expected a list of entries at the top level, got a {_kind(data)}", Location(path, 1))]
        )
    problems: list[SchemaError] = []
    entries: list[YamlMapping] = []
    for i, entry in enumerate(data):
        if not isinstance(entry, YamlMapping):
            problems.append(
                SchemaError(
                    f"expected each entry to be a mapping with a 'func' key, got a {_kind(entry)}",
                    Location(path, _item_line(text, i)),
                )
            )
            continue
        for key, line in entry.duplicate_keys:
            problems.append(SchemaError(f"key '{key}' given twice in one entry", Location(path, line)))
        entries.append(entry)
    if problems and errors is None:
        raise SchemaErrors(problems)
    if errors is not None:
        errors += problems
    return entries


def _kind(value: object) -> str:
    return {dict: "mapping", YamlMapping: "mapping", list: "list", str: "string"}.get(type(value), type(value).__name__)


def _item_line(text: str, index: int) -> int:
    """Line of the index-th top-level '- ' item (for non-mapping entries,
    which carry no line of their own)."""
    node = yaml.compose(text, Loader=_BaseLoader)
    if isinstance(node, yaml.SequenceNode) and index < len(node.value):
        return int(node.value[index].start_mark.line) + 1
    return 1


# --------------------------------------------------------------------------
# Entries -> NativeFunctions
# --------------------------------------------------------------------------


def parse_native_yaml(path: str | Path, *, backends: Iterable[str] | None = None) -> list[NativeFunction]:
    """Load and validate ember's native_functions.yaml.

    ``backends`` selects the backend dispatch keys to keep (e.g. ``["CPU"]``
    for a CPU-only build); kernels for the other BACKEND_KEYS are dropped from
    ``dispatch``.  Composite keys are always kept.  Unknown keys are errors
    either way.  Raises SchemaErrors listing every problem found."""
    path = str(path)
    keep = set(DISPATCH_KEYS if backends is None else (*backends, *COMPOSITE_KEYS))
    unknown = keep - set(DISPATCH_KEYS)
    if unknown:
        raise ValueError(f"parse_native_yaml(): unknown backends {sorted(unknown)}; expected some of {BACKEND_KEYS}")
    errors: list[SchemaError] = []
    functions: list[NativeFunction] = []
    for entry in load_yaml_entries(path, errors):
        nf = _parse_entry(entry, path, errors)
        if nf is not None:
            functions.append(nf)
    _check_file(functions, errors)
    if errors:
        raise SchemaErrors(errors)
    if backends is not None:
        functions = [
            dataclasses.replace(f, dispatch=FrozenMap((k, v) for k, v in f.dispatch.items() if k in keep))
            for f in functions
        ]
    return functions


class _EntryErrors:
    """Error sink for one entry: errors land at the entry's line, or at the
    line of the key they concern."""

    def __init__(self, entry: YamlMapping, path: str, errors: list[SchemaError], name: str) -> None:
        self.entry, self.path, self.errors, self.name = entry, path, errors, name
        self.count = 0

    def __call__(self, message: str, key: str | None = None, subkey: object = None) -> None:
        """Report at the line of ``key`` (or of ``subkey`` within the mapping
        that is ``key``'s value), else at the entry's line."""
        line = self.entry.key_lines.get(key, self.entry.line) if key else self.entry.line
        value = self.entry.get(key) if key else None
        if subkey is not None and isinstance(value, YamlMapping):
            line = value.key_lines.get(subkey, line)
        self.errors.append(SchemaError(f"{self.name}: {message}", Location(self.path, line)))
        self.count += 1


def _parse_entry(entry: YamlMapping, path: str, errors: list[SchemaError]) -> NativeFunction | None:
    loc = Location(path, entry.line)
    if "func" not in entry:
        errors.append(SchemaError("entry has no 'func' key", loc))
        return None
    func_s = entry["func"]
    func_loc = Location(path, entry.key_lines["func"])
    if not isinstance(func_s, str):
        errors.append(SchemaError(f"'func' must be a schema string, got a {_kind(func_s)}", func_loc))
        return None
    try:
        func = FunctionSchema.parse(func_s)
    except SchemaError as e:
        errors.append(SchemaError(f"malformed schema: {e.message}", func_loc))
        return None
    err = _EntryErrors(entry, path, errors, str(func.name))

    for key in entry:
        if key not in ALLOWED_KEYS:
            err(f"unknown key '{key}'; allowed keys are {', '.join(ALLOWED_KEYS)}", key)

    variants = _parse_variants(entry.get("variants", "function"), func, err)
    structured = _parse_bool(entry, "structured", False, err)
    delegate = _parse_delegate(entry.get("structured_delegate"), err)
    if structured and func.kind() is not SchemaKind.out:
        err(
            "'structured: True' is for out= ops; a functional or in-place op names its out= op with "
            "'structured_delegate'",
            "structured",
        )

    if "dispatch" in entry:
        dispatch = _parse_dispatch(entry["dispatch"], err)
        if delegate is not None:
            err(
                "an op with 'structured_delegate' gets its kernels from the delegate; remove its 'dispatch'", "dispatch"
            )
    elif delegate is None:
        dispatch = FrozenMap({"CompositeImplicitAutograd": default_kernel_name(func)})  # Note [Default dispatch]
    else:
        dispatch = FrozenMap()

    derivatives = entry.get("derivatives")
    if derivatives is not None:
        if not isinstance(derivatives, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in derivatives.items()
        ):
            bad = (
                next((k for k, v in derivatives.items() if not isinstance(v, str)), None)
                if isinstance(derivatives, Mapping)
                else None
            )
            err("'derivatives' must map argument names to formula strings", "derivatives", bad)
            derivatives = None
        else:
            derivatives = FrozenMap(derivatives)

    nf = NativeFunction(
        func=func,
        loc=loc,
        variants=variants,
        dispatch=dispatch,
        structured=structured,
        structured_delegate=delegate,
        python_module=_parse_str(entry, "python_module", err),
        doc=_parse_str(entry, "doc", err),
        derivatives=derivatives,
        tags=_parse_tags(entry.get("tags"), err),
        manual_cpp_binding=_parse_bool(entry, "manual_cpp_binding", False, err),
        python_binding=_parse_bool(entry, "python_binding", True, err),
    )
    return None if err.count else nf


def _parse_variants(raw: object, func: FunctionSchema, err: _EntryErrors) -> frozenset[Variant]:
    names = _string_list(raw)
    if names is None:
        err("'variants' must be a comma-separated string or a list of 'function', 'method'", "variants")
        return frozenset({Variant.function})
    allowed = {v.value for v in Variant}
    bad = [n for n in names if n not in allowed]
    if bad:
        err(f"unknown variant(s) {', '.join(map(repr, bad))}; expected a subset of function, method", "variants")
    variants = frozenset(Variant(n) for n in names if n in allowed)
    if not variants and not bad:
        err("'variants' is empty; expected function, method or both", "variants")
    if Variant.method in variants and func.arguments.self_arg is None:
        err("the 'method' variant needs a positional argument named 'self'", "variants")
    return variants


def _parse_dispatch(raw: object, err: _EntryErrors) -> FrozenMap:
    if not isinstance(raw, Mapping):
        err(f"'dispatch' must map dispatch keys to kernel names, got a {_kind(raw)}", "dispatch")
        return FrozenMap()
    out: dict[str, str] = {}
    for keys, kernel in raw.items():
        if not isinstance(kernel, str) or not _C_IDENT.match(kernel):
            err(f"dispatch kernel for '{keys}' must be a C++ identifier, got {kernel!r}", "dispatch", keys)
            continue
        for key in str(keys).split(","):
            key = key.strip()
            if key not in DISPATCH_KEYS:
                err(f"unknown dispatch key '{key}'; expected one of {', '.join(DISPATCH_KEYS)}", "dispatch", keys)
            elif key in out:
                err(f"dispatch key '{key}' given twice", "dispatch", keys)
            else:
                out[key] = kernel
    if "CompositeImplicitAutograd" in out and len(out) > 1:
        err(
            "a CompositeImplicitAutograd kernel serves every backend; it cannot be combined with other dispatch keys",
            "dispatch",
        )
    return FrozenMap(out)


def _parse_delegate(raw: object, err: _EntryErrors) -> OperatorName | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        err(f"'structured_delegate' must name an out= op such as 'add.out', got a {_kind(raw)}", "structured_delegate")
        return None
    try:
        return OperatorName.parse(raw)
    except SchemaError as e:
        err(f"bad 'structured_delegate': {e.message}", "structured_delegate")
        return None


def _parse_tags(raw: object, err: _EntryErrors) -> frozenset[str]:
    if raw is None:
        return frozenset()
    names = _string_list(raw)
    if names is None or not all(_C_IDENT.match(n) for n in names):
        err("'tags' must be a tag name or a list of tag names", "tags")
        return frozenset()
    return frozenset(names)


def _parse_bool(entry: YamlMapping, key: str, default: bool, err: _EntryErrors) -> bool:
    value = entry.get(key, default)
    if not isinstance(value, bool):
        err(f"'{key}' must be True or False, got {value!r}", key)
        return default
    return value


def _parse_str(entry: YamlMapping, key: str, err: _EntryErrors) -> str | None:
    value = entry.get(key)
    if value is not None and not isinstance(value, str):
        err(f"'{key}' must be a string, got a {_kind(value)}", key)
        return None
    return value


def _string_list(raw: object) -> list[str] | None:
    if isinstance(raw, str):
        return [s.strip() for s in raw.split(",") if s.strip()]
    if isinstance(raw, list) and all(isinstance(s, str) for s in raw):
        return [s.strip() for s in raw]
    return None


# --------------------------------------------------------------------------
# Whole-file checks
# --------------------------------------------------------------------------


def _check_file(functions: Sequence[NativeFunction], errors: list[SchemaError]) -> None:
    by_name: dict[OperatorName, NativeFunction] = {}
    by_ident: dict[str, NativeFunction] = {}
    for f in functions:
        first = by_name.get(f.name)
        if first is not None:
            errors.append(SchemaError(f"duplicate overload '{f.name}' (first declared at {first.loc})", f.loc))
            continue
        by_name[f.name] = f
        ident = f.name.unambiguous_name()
        clash = by_ident.get(ident)
        if clash is not None:
            errors.append(
                SchemaError(
                    f"'{f.name}' and '{clash.name}' ({clash.loc}) both map to the C++ name '{ident}'; "
                    "rename an overload",
                    f.loc,
                )
            )
        by_ident.setdefault(ident, f)

    functional: dict[tuple[str, bool], list[NativeFunction]] = {}
    for f in by_name.values():
        if f.func.kind() is SchemaKind.functional:
            functional.setdefault((f.name.base, f.name.dunder), []).append(f)

    for f in by_name.values():
        if f.func.kind() is SchemaKind.out:
            _check_out_twin(f, functional.get((f.name.base, f.name.dunder), []), errors)
        if f.structured_delegate is not None:
            _check_delegate(f, by_name.get(f.structured_delegate), errors)


def _check_out_twin(f: NativeFunction, twins: list[NativeFunction], errors: list[SchemaError]) -> None:
    """An out= op must have the signature of a functional op of the same name
    (its twin), when one exists: ``add.out`` pairs with ``add.Tensor``.  The
    pairing is by signature, not by overload name, as in PyTorch."""
    if not twins:
        return
    sig = f.func.signature()
    if any(t.func.signature() == sig for t in twins):
        return
    listed = "; ".join(f"'{t.func.signature()}' ({t.name}, {t.loc})" for t in twins)
    errors.append(
        SchemaError(
            f"out= variant '{f.name}' does not match its functional twin: its signature is '{sig}', "
            f"expected {'one of ' if len(twins) > 1 else ''}{listed}",
            f.loc,
        )
    )


_KIND_WORDS = {
    SchemaKind.functional: "a functional",
    SchemaKind.inplace: "an in-place",
    SchemaKind.out: "an out=",
    SchemaKind.mutable: "a mutable",
    SchemaKind.scratch: "a scratch out=",
}


def _check_delegate(f: NativeFunction, target: NativeFunction | None, errors: list[SchemaError]) -> None:
    name = f.structured_delegate
    if target is None:
        errors.append(SchemaError(f"{f.name}: structured_delegate '{name}' names no op in this file", f.loc))
    elif target.func.kind() is not SchemaKind.out:
        errors.append(
            SchemaError(
                f"{f.name}: structured_delegate '{name}' ({target.loc}) is {_KIND_WORDS[target.func.kind()]} op, "
                "not an out= op",
                f.loc,
            )
        )
    elif f.func.kind() not in (SchemaKind.functional, SchemaKind.inplace):
        errors.append(
            SchemaError(
                f"{f.name}: only functional and in-place ops can have a structured_delegate, "
                f"this one is {_KIND_WORDS[f.func.kind()]} op",
                f.loc,
            )
        )
    elif f.func.signature() != target.func.signature():
        errors.append(
            SchemaError(
                f"{f.name}: signature '{f.func.signature()}' does not match that of its structured_delegate "
                f"'{name}' ({target.loc}): '{target.func.signature()}'",
                f.loc,
            )
        )


# --------------------------------------------------------------------------
# Kernel definitions
# --------------------------------------------------------------------------

_SOURCE_SUFFIXES = (".cpp", ".cu", ".h", ".cuh")
_COMMENT_OR_STRING = re.compile(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'", re.S)
# `namespace ember::native {`, or `namespace native {` (inside `namespace ember {`, with
# helpers in between or not).
_NATIVE_NAMESPACE = re.compile(r"\bnamespace\s+ember\s*::\s*native\s*\{|\bnamespace\s+native\s*\{")
# A function definition's head at the start of a line: a return type (one or
# more words, maybe qualified, templated, pointer/reference) then the name and '('.
_DEFINITION = re.compile(
    r"^[ \t]*(?:template\s*<[^;{}]*?>\s*)?(?:[A-Za-z_][\w:]*(?:<[^;{}()\n]*>)?[ \t*&]+)+([A-Za-z_]\w*)\s*\(",
    re.M,
)

_UNTIL_BODY = re.compile(r"[^;{]*")


def _native_regions(text: str) -> Iterator[str]:
    """The bodies of every ``namespace ember::native`` block (comments and
    string literals already blanked out)."""
    for m in _NATIVE_NAMESPACE.finditer(text):
        depth = m.group().count("{")
        start = i = m.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        yield text[start:i]


def _blank(m: re.Match[str]) -> str:
    """Blank out a comment (keeping its newlines) or empty a string literal,
    so neither can fake or hide a brace or a definition."""
    t = m.group()
    return re.sub(r"[^\n]", " ", t) if t[0] == "/" else t[0] * 2


def _defined_functions(text: str) -> set[str]:
    text = _COMMENT_OR_STRING.sub(_blank, text)
    names: set[str] = set()
    for region in _native_regions(text):
        for m in _DEFINITION.finditer(region):
            # A definition has a body: the first of '{' or ';' after the
            # parameter list is '{' (past `const`, `noexcept`, `-> T`...).
            depth, i = 0, m.end() - 1
            while i < len(region):
                if region[i] == "(":
                    depth += 1
                elif region[i] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            end = _UNTIL_BODY.match(region, i + 1).end()  # type: ignore[union-attr]
            if end < len(region) and region[end] == "{":
                names.add(m.group(1))
    return names


def kernels_defined_in(source_dirs: Iterable[str | Path]) -> set[str]:
    """Names of the functions defined inside ``namespace ember::native`` in the
    C++/CUDA sources (``*.cpp``, ``*.cu``, ``*.h``, ``*.cuh``) under the dirs."""
    names: set[str] = set()
    for d in source_dirs:
        for p in sorted(Path(d).rglob("*")):
            if p.suffix in _SOURCE_SUFFIXES and p.is_file():
                names |= _defined_functions(p.read_text(encoding="utf-8", errors="replace"))
    return names


def check_kernels_defined(native_functions: Iterable[NativeFunction], source_dirs: Iterable[str | Path]) -> None:
    """Raise SchemaErrors for each kernel named in a ``dispatch`` (explicitly or
    by Note [Default dispatch]) that no source under ``source_dirs`` defines in
    ``namespace ember::native``.  Kernels produced by macros are not seen."""
    defined = kernels_defined_in(source_dirs)
    errors = []
    for f in native_functions:
        missing: dict[str, list[str]] = {}  # kernel -> its keys, so `CPU, CUDA: k` reports once
        for key, kernel in f.dispatch.items():
            if kernel not in defined:
                missing.setdefault(kernel, []).append(key)
        errors += [
            SchemaError(
                f"{f.name}: {', '.join(keys)} kernel '{kernel}' is not defined in namespace ember::native", f.loc
            )
            for kernel, keys in missing.items()
        ]
    if errors:
        raise SchemaErrors(errors)
