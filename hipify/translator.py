"""The CUDA -> HIP translation engine: one scanner pass, a list of edits, one join.

``Translator`` owns the compiled scanner for one pair of tables (identifiers, headers);
``translate()`` is the library entry point and uses the tables of ``hipify.mappings``.
The pass (see Note [One scanner pass] in ``lexer.py``) records edits as
``(start, end, replacement)`` spans of the input; nothing is rewritten until the end, so
every diagnostic points at the input as written and the join is linear.

Invariant (Note [Idempotent output]): translating the output again changes nothing. It
holds because (1) no HIP name the tables emit is a CUDA key, (2) the runtime include is
only added when no ``hip/hip_runtime.h`` include is present, or when one is but a project
header is included ahead of it (then the added one is the first include of the output),
(3) the special rewrites (``HIP_SYMBOL``, ``reinterpret_cast<const void*>`` of kernel
arguments, ``hipLaunchKernelGGL``, the ``cuGetErrorString`` expression) key on CUDA
spellings that the output no longer contains, and (4) an argument already wrapped in
``HIP_SYMBOL`` is not wrapped again, and a printf argument already cast is no bare
``threadIdx.x`` any more.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping as MappingABC
from dataclasses import asdict, dataclass, field, replace
from operator import itemgetter
from typing import Any

from hipify import lexer
from hipify.report import Diagnostic, Stats

#: Bump when the output for some input changes without a table change; part of the
#: up-to-date key of tree mode (with the tables' version and the options).
TRANSLATOR_VERSION = "2"

RUNTIME_HEADER = "hip/hip_runtime.h"
RUNTIME_API_HEADER = "hip/hip_runtime_api.h"

#: Names whose presence means the text holds device code, whose qualifiers and built-ins on
#: HIP come from hip/hip_runtime.h (hipcc does not pre-include it the way nvcc pre-includes
#: cuda_runtime.h). All start with "__" so that the scanner's first-character set stays
#: small; the built-in variables (threadIdx, dim3, ...) are looked for separately.
KERNEL_MARKERS = frozenset(
    {
        "__global__",
        "__device__",
        "__host__",
        "__shared__",
        "__constant__",
        "__managed__",
        "__forceinline__",
        "__launch_bounds__",
        "__syncthreads",
    }
)

#: HIP headers that only compile after hip/hip_runtime.h (HIP 5.2).
NEEDS_RUNTIME_FIRST = frozenset({"hip/hip_cooperative_groups.h"})

#: Families whose HIP names are declared by hip/hip_runtime.h (or hip_runtime_api.h).
#: In a .cu/.cuh file nvcc provides them implicitly, so their use calls for the include.
RUNTIME_FAMILIES = frozenset({"runtime", "driver", "device"})

#: C and POSIX headers that cannot depend on the CUDA runtime (C++ standard headers, which
#: have no extension, and ``sys/...`` are recognised by their form).
STANDARD_HEADERS = frozenset(
    """assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h limits.h locale.h
    math.h setjmp.h signal.h stdalign.h stdarg.h stdatomic.h stdbool.h stddef.h stdint.h stdio.h
    stdlib.h string.h tgmath.h threads.h time.h uchar.h wchar.h wctype.h unistd.h pthread.h
    omp.h malloc.h memory.h fcntl.h dlfcn.h strings.h getopt.h dirent.h windows.h""".split()
)

#: Extensions nvcc compiles as CUDA, with cuda_runtime.h implicitly included.
CUDA_SOURCE_SUFFIXES = (".cu", ".cuh")

#: CUDA functions that take a device symbol, and which argument it is. HIP takes a symbol's
#: address there, spelled portably as HIP_SYMBOL(sym) (hipify-perl and hipify-clang do the
#: same).
SYMBOL_ARGUMENT = {
    "cudaMemcpyToSymbol": 0,
    "cudaMemcpyToSymbolAsync": 0,
    "cudaMemcpyFromSymbol": 1,
    "cudaMemcpyFromSymbolAsync": 1,
    "cudaGetSymbolAddress": 1,
    "cudaGetSymbolSize": 1,
    "cudaGraphAddMemcpyNodeToSymbol": 4,
    "cudaGraphAddMemcpyNodeFromSymbol": 5,
    "cudaGraphMemcpyNodeSetParamsToSymbol": 1,
    "cudaGraphMemcpyNodeSetParamsFromSymbol": 2,
    "cudaGraphExecMemcpyNodeSetParamsToSymbol": 2,
    "cudaGraphExecMemcpyNodeSetParamsFromSymbol": 3,
}

#: CUDA functions that take a kernel as an argument of any function-pointer type (CUDA's
#: runtime has template overloads for them) and which argument it is. HIP 5.2 declares them
#: with ``const void*`` only, which a function pointer does not convert to implicitly, so
#: the argument is wrapped in ``reinterpret_cast<const void*>(...)`` (as hipify-clang does).
FUNCTION_ARGUMENT = {
    "cudaFuncGetAttributes": 1,
    "cudaFuncSetAttribute": 0,
    "cudaFuncSetCacheConfig": 0,
    "cudaFuncSetSharedMemConfig": 0,
    "cudaLaunchKernel": 0,
}

#: Driver API calls that return a status and store a string through their second argument.
#: HIP 5.2 has no such form (hipDrvGetErrorString arrived in ROCm 5.4), only the runtime's
#: ``const char* hipGetErrorString(hipError_t)`` (CUresult becomes hipError_t), so the call
#: ``cuGetErrorString(e, p)`` becomes the expression ``(*(p) = hipGetErrorString(e), hipSuccess)``.
ERROR_STRING_CALL = {"cuGetErrorString": "hipGetErrorString", "cuGetErrorName": "hipGetErrorName"}

# A built-in coordinate as a whole argument: HIP 5.2's blockIdx.x & co. are objects that
# convert to unsigned int, which a variadic argument does not do ("cannot compile this
# non-scalar arg to printf yet"), so device printf gets them cast.
_COORDINATE_ARGUMENT = re.compile(r"(?:threadIdx|blockIdx|blockDim|gridDim)\s*\.\s*[xyz]")

_VOID_POINTER_CAST = re.compile(
    r"(?:reinterpret_cast|static_cast)\s*<\s*(?:const\s+)?void\s*\*\s*>|\(\s*(?:const\s+)?void\s*\*\s*\)"
)

# Kinds of scanner match, told by the first character (Note [One scanner pass]).
_IDENTIFIER, _COMMENT, _LITERAL, _INCLUDE, _LAUNCH = (object() for _ in range(5))
_KIND_BY_FIRST_CHAR = {"/": _COMMENT, '"': _LITERAL, "'": _LITERAL, "#": _INCLUDE, "<": _LAUNCH}

# hipify-perl's heuristic for a CUDA runtime name the tables do not know.
_LOOKS_LIKE_CUDA_API = re.compile(r"cuda[A-Z]\w*")
_BUILTIN_VARIABLE = re.compile(r"(?<!\w)(?:threadIdx|blockIdx|blockDim|gridDim|warpSize|dim3)(?!\w)")
_WORD = re.compile(r"(?<!\w)[A-Za-z_]\w*")
_SPACE_OR_COMMENT_TOKEN = re.compile(r"\s+|" + lexer.LINE_COMMENT + "|" + lexer.BLOCK_COMMENT)
_PRAGMA_ONCE = re.compile(r"\#[ \t]*pragma[ \t]+once(?!\w)[^\n]*\n?")
_GUARD_OPEN = re.compile(
    r"\#[ \t]*(?:ifndef[ \t]+(\w+)|if[ \t]+![ \t]*defined[ \t]*(?:\([ \t]*(\w+)[ \t]*\)|[ \t]+(\w+)))[^\n]*\n?"
)


@dataclass(frozen=True)
class Options:
    """How to translate. Option names mirror the CLI flags (and hipify-clang's)."""

    #: Rewrite `k<<<g, b, s, st>>>(args)` to `hipLaunchKernelGGL(k, dim3(g), ...)`.
    hip_kernel_execution_syntax: bool = False
    #: Translate CUDA names inside comments / string literals too (off: left as written).
    translate_comments: bool = False
    translate_strings: bool = False
    #: Add `#include <hip/hip_runtime.h>` where the text needs the HIP runtime.
    add_runtime_include: bool = True
    #: Also warn on `cuda[A-Z]*` names that no table knows (hipify-perl's heuristic; off by
    #: default because projects name their own helpers cudaCheck & co).
    warn_unknown: bool = False

    def key(self) -> str:
        """Stable text form, part of the up-to-date key of tree mode."""
        return json.dumps(asdict(self), sort_keys=True)


@dataclass
class Result:
    """A translated text: ``text`` has the type of the input (``str`` or ``bytes``)."""

    text: str | bytes
    stats: Stats
    warnings: list[Diagnostic] = field(default_factory=list)
    changed: bool = False


IncludeRewriter = Callable[[str, str], "str | None"]


class Translator:
    """The engine bound to one pair of tables. Build once, call ``translate`` many times."""

    def __init__(self, identifiers: MappingABC[str, Any], headers: MappingABC[str, Any]):
        self.identifiers = identifiers
        self.headers = headers
        # `cuda` joins the candidate names so that the unknown-name heuristic sees every
        # cuda* identifier even if no table entry starts with "cu".
        # HIP headers the tables emit, and libraries whose headers include the runtime
        # themselves: an early include of these needs no runtime include ahead of it.
        self.hip_headers = frozenset(m.hip for m in headers.values() if m.hip)
        self.scanner = lexer.build_scanner([*identifiers, *KERNEL_MARKERS, "cuda", "printf"])

    # -- public entry ------------------------------------------------------------------

    def translate(
        self,
        text: str | bytes,
        path: str | None = None,
        options: Options | None = None,
        include_rewriter: IncludeRewriter | None = None,
    ) -> Result:
        """Translate ``text``; ``path`` names it in diagnostics and picks the file kind.

        ``include_rewriter(path_as_written, delimiter)`` lets tree mode redirect includes
        of the project's own renamed files; it returns the new path or ``None``.
        """
        options = options or Options()
        if isinstance(text, (bytes, bytearray, memoryview)):
            raw = bytes(text)
            src = raw.decode("utf-8", "surrogateescape")
            out, stats, warnings = self._translate_str(src, path, options, include_rewriter)
            stats.size = len(raw)
            changed = out is not src and out != src
            data = out.encode("utf-8", "surrogateescape") if changed else raw
            return Result(data, stats, warnings, changed)
        if not isinstance(text, str):
            raise TypeError(f"translate(): expected str or bytes, got {type(text).__name__}")
        out, stats, warnings = self._translate_str(text, path, options, include_rewriter)
        stats.size = len(text)
        return Result(out, stats, warnings, out is not text and out != text)

    # -- the pass ----------------------------------------------------------------------

    def _translate_str(
        self,
        text: str,
        path: str | None,
        options: Options,
        include_rewriter: IncludeRewriter | None,
    ) -> tuple[str, Stats, list[Diagnostic]]:
        stats = Stats(files=1, lines=text.count("\n") + (1 if text and text[-1] != "\n" else 0))
        edits: list[tuple[int, int, str]] = []
        unsorted = False
        findings: list[tuple[int, str, str, str]] = []  # (pos, name, kind, message)
        families = stats.replacements
        names = stats.names
        get = self.identifiers.get
        headers = self.headers
        markers = KERNEL_MARKERS
        tr_comments = options.translate_comments
        tr_strings = options.translate_strings
        warn_unknown = options.warn_unknown

        uses_kernel = False
        uses_runtime_api = False
        launches: list[int] = []  # input positions of `<<<` in code
        runtime_includes: list[int] = []  # positions of includes of hip/hip_runtime.h
        dropped_until = -1  # end of the last argument deleted by a warp_sync rewrite
        has_runtime_api_include = False
        printf_calls: list[int] = []  # ends of `printf` tokens in code
        budget = lexer.ScanBudget(len(text))
        # Position of the first include of a project or third-party header seen before any
        # runtime include: such a header may test the runtime's macros (see below).
        early_foreign_include = -1

        for m in self.scanner.finditer(text):
            s = m.group()
            # Identifiers that the tables know come first: they are the common match, and
            # no comment, literal or directive can be a table key.
            mapping = get(s)
            if mapping is not None:
                if m.start() < dropped_until:
                    continue  # inside an argument that a warp_sync rewrite deletes
                hip = mapping.hip
                if hip is None:
                    findings.append((m.start(), s, "unsupported", f"'{s}' has no HIP equivalent"))
                    continue
                kind = mapping.kind
                if kind == "namespace" and not _names_namespace(text, m.start(), m.end()):
                    continue
                if kind == "member" and not _after_member_access(text, m.start()):
                    continue
                if kind == "erase":
                    edits.append(_erase_token(text, m.start(), m.end()))
                    families[mapping.family] = families.get(mapping.family, 0) + 1
                    names[s] = names.get(s, 0) + 1
                    continue
                if s in ERROR_STRING_CALL and _is_free_call(text, m.start(), m.end()):
                    rewritten = self._rewrite_error_string_call(text, m.start(), m.end(), options, budget)
                    if rewritten is None:
                        findings.append(
                            (m.start(), s, "unsupported",
                             f"'{s}' left as written: HIP 5.2 has no status-returning form and "
                             "its two arguments could not be located")
                        )
                        continue
                    edits.append(rewritten)
                    dropped_until = rewritten[1]
                    uses_runtime_api = True
                    families[mapping.family] = families.get(mapping.family, 0) + 1
                    names[s] = names.get(s, 0) + 1
                    continue
                if kind == "warp_sync":
                    dropped = _drop_first_argument(text, m.end(), budget)
                    if dropped is None:
                        findings.append(
                            (m.start(), s, "unsupported",
                             f"'{s}' left as written: its lane-mask argument could not be located")
                        )
                        continue
                    edits.append((m.start(), m.end(), hip))
                    edits.append(dropped)
                    dropped_until = dropped[1]
                else:
                    edits.append((m.start(), m.end(), hip))
                fam = mapping.family
                families[fam] = families.get(fam, 0) + 1
                names[s] = names.get(s, 0) + 1
                if fam in RUNTIME_FAMILIES:
                    uses_runtime_api = True
                arg = SYMBOL_ARGUMENT.get(s)
                if arg is not None and _wrap_symbol_argument(text, m.end(), arg, edits, budget):
                    unsorted = True
                arg = FUNCTION_ARGUMENT.get(s)
                if arg is not None and _wrap_function_argument(text, m.end(), arg, edits, budget):
                    unsorted = True
                continue
            kind = _KIND_BY_FIRST_CHAR.get(s[0], _IDENTIFIER)
            if kind is _IDENTIFIER:
                if len(s) > 1 and s[1] == '"':  # R"(...)", the raw-string prefix
                    if tr_strings:
                        self._translate_words(text, m.start(), s, edits)
                elif s[-1] == ")":  # __has_include(<...>)
                    parts = lexer.HAS_INCLUDE_PARTS.match(s)
                    if parts is not None:
                        self._rewrite_include(text, m.start(), parts, include_rewriter, edits, findings, stats, None)
                elif s == "printf":
                    printf_calls.append(m.end())
                elif s in markers:
                    uses_kernel = True
                elif warn_unknown and _LOOKS_LIKE_CUDA_API.fullmatch(s):
                    findings.append(
                        (m.start(), s, "unknown", f"'{s}' looks like a CUDA API but has no known HIP mapping")
                    )
            elif kind is _COMMENT:
                if tr_comments:
                    self._translate_words(text, m.start(), s, edits)
            elif kind is _LITERAL:
                if tr_strings and s[0] == '"':
                    self._translate_words(text, m.start(), s, edits)
            elif kind is _INCLUDE:
                parts = lexer.INCLUDE_PARTS.match(s)
                if parts is not None:
                    effective = self._rewrite_include(
                        text, m.start(), parts, include_rewriter, edits, findings, stats, runtime_includes
                    )
                    if effective == RUNTIME_HEADER:
                        runtime_includes.append(m.start())
                    elif effective == RUNTIME_API_HEADER:
                        has_runtime_api_include = True
                    elif (
                        early_foreign_include < 0
                        and not runtime_includes
                        and parts.group("path") not in headers
                        and parts.group("path") not in self.hip_headers
                        and not _is_standard_header(parts.group("path"), parts.group("open"))
                    ):
                        early_foreign_include = m.start()
            else:  # _LAUNCH
                launches.append(m.start())

        stats.kernel_launches = len(launches)
        if launches:
            uses_kernel = True
        elif not uses_kernel and not runtime_includes:
            # Built-in variables alone (a device-code fragment without __device__): a
            # separate search, since scanning for them in the main pass would slow it down.
            uses_kernel = _BUILTIN_VARIABLE.search(text) is not None

        if printf_calls and _wrap_printf_coordinates(text, printf_calls, edits, budget):
            unsorted = True

        if options.add_runtime_include and not runtime_includes:
            implicit = path is None or path.endswith(CUDA_SOURCE_SUFFIXES)
            needed = uses_kernel or (uses_runtime_api and implicit and not has_runtime_api_include)
            if needed:
                pos, line = _runtime_include_insertion(text)
                edits.append((pos, pos, line))
                stats.includes_added = 1
                unsorted = True

        elif (
            options.add_runtime_include
            and 0 <= early_foreign_include < runtime_includes[0]
            and (path is None or path.endswith(CUDA_SOURCE_SUFFIXES))
        ):
            # nvcc includes cuda_runtime.h before the first line of a .cu file, so the
            # headers a file includes ahead of its own cuda_runtime.h include still see the
            # runtime (cuda-samples' helper_cuda.h tests __DRIVER_TYPES_H__ to define
            # checkCudaErrors). hipcc does not: the runtime include goes first as well.
            pos, line = _runtime_include_insertion(text)
            if pos <= early_foreign_include:
                edits.append((pos, pos, line))
                stats.includes_added = 1
                unsorted = True

        if unsorted:
            edits.sort(key=itemgetter(0, 1))
        out = _apply(text, edits) if edits else text

        if options.hip_kernel_execution_syntax and launches:
            from hipify import launch

            out, rewritten, failures = launch.rewrite_launches(out, _output_positions(edits, launches))
            stats.launches_rewritten = rewritten
            for i in failures:
                findings.append(
                    (launches[i], "<<<", "launch", "kernel launch left in <<<...>>> form: could not parse it")
                )

        warnings = _locate(text, path, findings) if findings else []
        for w in warnings:
            if w.kind == "unsupported":
                stats.unsupported[w.name] = stats.unsupported.get(w.name, 0) + 1
        return out, stats, warnings

    def _rewrite_include(
        self, text, start, parts, include_rewriter, edits, findings, stats, runtime_includes
    ) -> str:
        """Record the edit for one include path; return the path the output includes."""
        written = parts.group("path")
        new = None
        if include_rewriter is not None:
            new = include_rewriter(written, parts.group("open"))
        if new is None:
            mapping = self.headers.get(written)
            if mapping is not None:
                if mapping.hip is None:
                    findings.append(
                        (start + parts.start("path"), written, "unsupported",
                         f"'{written}' has no HIP equivalent")
                    )
                else:
                    new = mapping.hip
                    stats.replacements["headers"] = stats.replacements.get("headers", 0) + 1
                    stats.names[written] = stats.names.get(written, 0) + 1
        if new is None or new == written:
            return written
        stats.includes_rewritten += 1
        if new in NEEDS_RUNTIME_FIRST and runtime_includes is not None and not runtime_includes:
            # HIP 5.2's header uses macros of hip_runtime.h without including it; CUDA's
            # cooperative_groups.h has no such order requirement, so supply the runtime
            # include right before it. A later runtime include then reads as a duplicate.
            a, b = start + parts.start("path"), start + parts.end("path")
            edits.append((start, start, f"#include <{RUNTIME_HEADER}>{_eol(text)}"))
            edits.append((a, b, new))
            runtime_includes.append(start)
            return new
        if (
            new == RUNTIME_HEADER
            and runtime_includes
            and lexer.CONDITIONAL.search(text, runtime_includes[-1], start) is None
            and _drop_directive_line(text, start, start + parts.end(), edits)
        ):
            # Two CUDA headers (say cuda.h and cuda_runtime.h) both became the HIP runtime
            # header under the same conditionals: keep the first include only.
            return new
        edits.append((start + parts.start("path"), start + parts.end("path"), new))
        return new

    def _rewrite_error_string_call(self, text: str, start: int, name_end: int, options: Options, budget):
        """The edit turning ``cuGetErrorString(e, p)`` into HIP 5.2's expression form.

        The two arguments are translated on their own (they may hold CUDA names), since the
        edit covers them and reorders them.
        """
        p = lexer.skip_space(text, name_end)
        if not text.startswith("(", p):
            return None
        split = lexer.split_args(text, p, budget=budget)
        if split is None or len(split[0]) != 2 or any(a == b for a, b in split[0]):
            return None
        inner = replace(options, add_runtime_include=False, hip_kernel_execution_syntax=False)
        err, out = (self._translate_str(text[a:b], None, inner, None)[0] for a, b in split[0])
        hip = ERROR_STRING_CALL[text[start:name_end]]
        scope = _global_scope_start(text, start)
        return (start if scope is None else scope, split[1], f"(*({out}) = {hip}({err}), hipSuccess)")

    def _translate_words(self, text: str, start: int, body: str, edits) -> None:
        """Opt-in translation of names inside a comment or literal (whole words only)."""
        get = self.identifiers.get

        def repl(m: re.Match[str]) -> str:
            mapping = get(m.group())
            if mapping is None or not mapping.hip or mapping.kind in ("namespace", "member"):
                return m.group()
            return mapping.hip

        new = _WORD.sub(repl, body)
        if new != body:
            edits.append((start, start + len(body), new))


def _names_namespace(text: str, start: int, end: int) -> bool:
    """A `namespace` row applies before `::` or after the keyword `namespace`."""
    after = lexer.skip_space(text, end)
    if text.startswith("::", after):
        return True
    before = text[max(0, start - 64) : start].rstrip()
    return before.endswith("namespace") and (len(before) == 9 or not before[-10].isalnum() and before[-10] != "_")


def _after_member_access(text: str, start: int) -> bool:
    """A ``member`` row applies after ``.`` or ``->`` (``prop.x``, ``p->x``, ``prop . x``)."""
    before = text[max(0, start - 64):start].rstrip()
    return before.endswith((".", "->")) and not before.endswith("..")


def _drop_first_argument(text: str, name_end: int, budget=None) -> tuple[int, int, str] | None:
    """The edit deleting the first argument (and its comma) of the call at ``name_end``."""
    p = lexer.skip_space(text, name_end)
    if not text.startswith("(", p):
        return None
    split = lexer.split_args(text, p, budget=budget)
    if split is None or len(split[0]) < 2:
        return None
    (a, _), (b, _) = split[0][0], split[0][1]
    return (a, b, "")


def _eol(text: str) -> str:
    nl = text.find("\n")
    return "\r\n" if nl > 0 and text[nl - 1] == "\r" else "\n"


def _wrap_symbol_argument(text: str, name_end: int, index: int, edits, budget=None) -> bool:
    """Wrap argument ``index`` of the call whose name ends at ``name_end`` in HIP_SYMBOL()."""
    p = lexer.skip_space(text, name_end)
    if not text.startswith("(", p):
        return False
    split = lexer.split_args(text, p, budget=budget)
    if split is None or index >= len(split[0]):
        return False
    a, b = split[0][index]
    if a == b or text.startswith("HIP_SYMBOL", a):
        return False
    edits.append((a, a, "HIP_SYMBOL("))
    edits.append((b, b, ")"))
    return True


def _is_free_call(text: str, start: int, end: int) -> bool:
    """``name(`` as a call of the free function: not ``obj.name(``/``p->name(``, not a
    mention without a call (``X(name, 12000)`` in an X-macro list)."""
    if not text.startswith("(", lexer.skip_space(text, end)):
        return False
    before = text[max(0, start - 64):start].rstrip()
    if before.endswith("::"):
        return _global_scope_start(text, start) is not None
    return not before.endswith((".", "->"))


def _global_scope_start(text: str, start: int) -> int | None:
    """Where ``::`` starts when the name at ``start`` is written ``::name``; else None."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if not text.startswith("::", i - 2):
        return None
    j = i - 2
    k = j
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k > 0 and (text[k - 1].isalnum() or text[k - 1] in "_>"):
        return None  # ns::name or T<...>::name
    return j


def _wrap_function_argument(text: str, name_end: int, index: int, edits, budget=None) -> bool:
    """Wrap argument ``index`` of the call at ``name_end`` in reinterpret_cast<const void*>()."""
    p = lexer.skip_space(text, name_end)
    if not text.startswith("(", p):
        return False
    split = lexer.split_args(text, p, budget=budget)
    if split is None:
        return False
    spans = _merge_template_arguments(text, split[0])
    if index >= len(spans):
        return False
    a, b = spans[index]
    if a == b or _VOID_POINTER_CAST.match(text, a):
        return False
    edits.append((a, a, "reinterpret_cast<const void*>("))
    edits.append((b, b, ")"))
    return True


def _is_standard_header(path: str, delimiter: str) -> bool:
    """A C/C++ standard or POSIX header, which does not look at the CUDA runtime's macros."""
    if delimiter != "<":
        return False
    return "." not in path or path in STANDARD_HEADERS or path.startswith(_SELF_CONTAINED_PREFIXES)


# Header trees that are system headers, or whose headers include the runtime themselves.
_SELF_CONTAINED_PREFIXES = ("sys/", "hip/", "thrust/", "torch/", "ATen/", "c10/", "pybind11/")


def _wrap_printf_coordinates(text: str, name_ends: list[int], edits, budget=None) -> bool:
    """In ``printf(fmt, ...)`` calls, cast arguments that are just ``threadIdx.x`` & co.

    ``printf("%d", threadIdx.x)`` becomes ``printf("%d", static_cast<unsigned int>(threadIdx.x))``
    (see ``_COORDINATE_ARGUMENT``); expressions such as ``blockIdx.x * blockDim.x`` already
    are unsigned ints and are left alone.
    """
    wrapped = False
    for name_end in name_ends:
        p = lexer.skip_space(text, name_end)
        if not text.startswith("(", p):
            continue
        split = lexer.split_args(text, p, budget=budget)
        if split is None:
            continue
        for a, b in split[0][1:]:
            m = _COORDINATE_ARGUMENT.match(text, a)
            if m is not None and m.end() == b:
                edits.append((a, a, "static_cast<unsigned int>("))
                edits.append((b, b, ")"))
                wrapped = True
    return wrapped


def _merge_template_arguments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin arguments that ``lexer.split_args`` split at a comma inside template brackets.

    ``k<T, 4>`` is one argument: while an argument has more ``<`` than ``>`` (``->``, ``<<``
    and ``>>`` aside), the next one belongs to it. Used where an argument names a kernel,
    whose template arguments are the common case.
    """
    out: list[tuple[int, int]] = []
    open_angles = 0
    for a, b in spans:
        if open_angles > 0 and out:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        piece = text[a:b].replace("->", "").replace("<<", "").replace(">>", "")
        open_angles += piece.count("<") - piece.count(">")
        if open_angles < 0:
            open_angles = 0
    return out


def _erase_token(text: str, start: int, end: int) -> tuple[int, int, str]:
    """The edit deleting the token ``text[start:end]`` and the blanks after it
    (``void CUDART_CB f()`` becomes ``void f()``, ``(CUDAAPI *p)`` becomes ``(*p)``)."""
    while end < len(text) and text[end] in " \t":
        end += 1
    return (start, end, "")


def _drop_directive_line(text: str, start: int, end: int, edits) -> bool:
    """Delete the line holding only the directive ``text[start:end]``; False if shared."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end + 1
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    edits.append((line_start, line_end, ""))
    return True


def _runtime_include_insertion(text: str) -> tuple[int, str]:
    """Where the runtime include goes, and the line to insert there.

    After a leading BOM, comments (the licence header), ``#pragma once`` and an include
    guard's ``#ifndef X`` / ``#define X`` pair; always at the start of a line and never
    inside a comment. The line ending matches the file's.
    """
    eol = _eol(text)
    pos = 1 if text.startswith("\ufeff") else 0
    at = pos
    guarded = False
    n = len(text)
    while pos < n:
        m = _SPACE_OR_COMMENT_TOKEN.match(text, pos)
        if m is not None:
            tok = m.group()
            if tok[0].isspace():
                k = tok.rfind("\n")
                if k >= 0:
                    at = pos + k + 1
            pos = m.end()
            continue
        m = _PRAGMA_ONCE.match(text, pos)
        if m is not None:
            pos = at = m.end()
            continue
        if not guarded:
            m = _GUARD_OPEN.match(text, pos)
            if m is not None:
                name = m.group(1) or m.group(2) or m.group(3)
                p = lexer.skip_space(text, m.end())
                d = re.compile(r"\#[ \t]*define[ \t]+" + re.escape(name) + r"(?!\w)[^\n]*\n?").match(text, p)
                if d is not None:
                    pos = at = d.end()
                    guarded = True
                    continue
        break
    line = f"#include <{RUNTIME_HEADER}>{eol}"
    if at == n and n and text[-1] != "\n":
        line = eol + line
    return at, line


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out = []
    last = 0
    for start, end, new in edits:
        if start < last:  # overlapping edit: keep the first (cannot happen by construction)
            continue
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)


def _output_positions(edits: list[tuple[int, int, str]], positions: list[int]) -> list[int]:
    """Map sorted input positions (outside every edit) to positions in the edited text."""
    out = []
    delta = 0
    i = 0
    n = len(edits)
    for pos in positions:
        while i < n and edits[i][0] <= pos and edits[i][1] <= pos:
            start, end, new = edits[i]
            delta += len(new) - (end - start)
            i += 1
        out.append(pos + delta)
    return out


def _locate(text: str, path: str | None, findings) -> list[Diagnostic]:
    """Turn (position, ...) findings into diagnostics with 1-based line and column.

    Lines are counted incrementally between sorted positions: linear in the text, and
    cheap when there are few findings in a large file.
    """
    file = path if path is not None else "<input>"
    out = []
    line = 1
    line_start = 0
    last = 0
    for pos, name, kind, message in sorted(findings, key=itemgetter(0)):
        newlines = text.count("\n", last, pos)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", last, pos) + 1
        last = pos
        out.append(Diagnostic(file, line, pos - line_start + 1, name, message, kind))
    return out


# -- library entry point ---------------------------------------------------------------

_default: Translator | None = None


def default_translator() -> Translator:
    """The translator over ``hipify.mappings``' tables, built on first use."""
    global _default
    if _default is None:
        from hipify import mappings

        _default = Translator(mappings.identifiers(), mappings.headers())
    return _default


def translate(
    text: str | bytes, path: str | None = None, options: Options | None = None
) -> Result:
    """Translate CUDA source ``text`` to HIP. See ``hipify`` for the full description."""
    return default_translator().translate(text, path, options)
