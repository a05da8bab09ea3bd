"""The typed model of ember's schema language.

ember declares every operator once, in ``native_functions.yaml``, with a
function-schema string in PyTorch's schema language::

    add.out(Tensor self, Tensor other, *, Scalar alpha=1, Tensor(a!) out) -> Tensor(a!)

This module turns such strings into frozen, hashable dataclasses and back.
Invariant: for every string ``s`` that parses, ``str(FunctionSchema.parse(s)) == s``
(see Note [Schema round trip]).  Everything downstream (naming rules, emitters,
templates) reads these objects and never re-parses text.

Note [Schema round trip]
~~~~~~~~~~~~~~~~~~~~~~~~
The parser is strict about layout rather than lenient: arguments are separated
by exactly ``", "``, the arrow is exactly ``" -> "``, a single return is written
without parentheses, and defaults are kept as their verbatim source text.
Accepting only the canonical spelling means printing never has to remember how
the input was laid out, and a non-canonical schema fails with a message that
says where, instead of silently changing on output.  ``FunctionSchema.parse``
still checks the round trip as a final guard.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from enum import Enum

__all__ = [
    "Annotation",
    "Argument",
    "Arguments",
    "BaseTy",
    "BaseType",
    "FunctionSchema",
    "ListType",
    "Location",
    "OperatorName",
    "OptionalType",
    "Return",
    "SchemaError",
    "SchemaErrors",
    "SchemaKind",
    "Type",
    "parse_type",
]


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Location:
    """Where something was written: a file and a 1-based line number."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class SchemaError(Exception):
    """Bad schema input.  ``str()`` reads ``file:line: message`` when the
    location is known, else just the message."""

    def __init__(self, message: str, loc: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.loc = loc

    def at(self, loc: Location) -> SchemaError:
        """The same error, located at ``loc`` (used when a schema string that
        was parsed on its own turns out to come from a YAML entry)."""
        return SchemaError(self.message, loc)

    def __str__(self) -> str:
        return f"{self.loc}: {self.message}" if self.loc else self.message


class SchemaErrors(SchemaError):
    """Several schema errors reported together, sorted by location.

    Raised by validators that collect every problem in a file instead of
    stopping at the first; ``errors`` holds the individual errors and ``str()``
    gives one ``file:line: message`` line per error."""

    def __init__(self, errors: list[SchemaError]) -> None:
        def key(e: SchemaError) -> tuple[str, int]:
            return (e.loc.file, e.loc.line) if e.loc else ("", 0)

        self.errors: tuple[SchemaError, ...] = tuple(sorted(errors, key=key))
        super().__init__("\n".join(str(e) for e in self.errors))

    def __str__(self) -> str:
        return self.message


# --------------------------------------------------------------------------
# Types
# --------------------------------------------------------------------------


class BaseTy(Enum):
    """The base type names of the schema language.  An unknown name is a
    SchemaError, so adding a type to the language means adding it here."""

    Tensor = "Tensor"
    int = "int"
    float = "float"
    bool = "bool"
    str = "str"
    Scalar = "Scalar"
    ScalarType = "ScalarType"
    Device = "Device"
    DeviceIndex = "DeviceIndex"
    Layout = "Layout"
    MemoryFormat = "MemoryFormat"
    Generator = "Generator"
    SymInt = "SymInt"
    SymBool = "SymBool"
    Dimname = "Dimname"
    DimVector = "DimVector"
    Storage = "Storage"
    Stream = "Stream"
    QScheme = "QScheme"
    ConstQuantizerPtr = "ConstQuantizerPtr"
    GraphModule = "GraphModule"
    Any = "Any"


_BASE_TYS = {t.value: t for t in BaseTy}


@dataclass(frozen=True)
class BaseType:
    name: BaseTy

    def __str__(self) -> str:
        return self.name.value

    def is_tensor_like(self) -> bool:
        return self.name is BaseTy.Tensor

    def is_nullable(self) -> bool:
        return False

    def is_list_like(self) -> ListType | None:
        return None

    def is_base_ty_like(self, ty: BaseTy) -> bool:
        return self.name is ty


@dataclass(frozen=True)
class OptionalType:
    elem: Type

    def __str__(self) -> str:
        return f"{self.elem}?"

    def is_tensor_like(self) -> bool:
        return self.elem.is_tensor_like()

    def is_nullable(self) -> bool:
        return True

    def is_list_like(self) -> ListType | None:
        return self.elem.is_list_like()

    def is_base_ty_like(self, ty: BaseTy) -> bool:
        return self.elem.is_base_ty_like(ty)


@dataclass(frozen=True)
class ListType:
    """``T[]`` (``size`` None) or a fixed-size ``T[N]`` such as ``int[2]``."""

    elem: Type
    size: int | None

    def __str__(self) -> str:
        return f"{self.elem}[{'' if self.size is None else self.size}]"

    def is_tensor_like(self) -> bool:
        return self.elem.is_tensor_like()

    def is_nullable(self) -> bool:
        # A list is never None itself; ``Tensor?[]`` is a list whose
        # *elements* may be None (ask ``.elem``).
        return False

    def is_list_like(self) -> ListType | None:
        return self

    def is_base_ty_like(self, ty: BaseTy) -> bool:
        return self.elem.is_base_ty_like(ty)


Type = BaseType | OptionalType | ListType


def _type_str(t: Type, annotation: Annotation | None) -> str:
    """Spell a type with its alias annotation right after the base name, as
    the language writes it: ``Tensor(a!)``, ``Tensor(a)[]``, ``Tensor(a)?``."""
    if annotation is None:
        return str(t)
    if isinstance(t, BaseType):
        return f"{t}({annotation})"
    if isinstance(t, OptionalType):
        return f"{_type_str(t.elem, annotation)}?"
    size = "" if t.size is None else t.size
    return f"{_type_str(t.elem, annotation)}[{size}]"


# --------------------------------------------------------------------------
# Annotations, arguments, returns, names
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Annotation:
    """An alias annotation: ``a``, ``a!`` (written), ``a -> *`` (aliases ``a``
    on entry and anything afterwards), ``a! -> a|b``."""

    alias_set: tuple[str, ...]
    is_write: bool
    alias_set_after: tuple[str, ...]

    @classmethod
    def parse(cls, s: str) -> Annotation:
        p = _Parser(s)
        ann = p.annotation_body()
        p.expect_end("alias annotation")
        return ann

    def __str__(self) -> str:
        s = "|".join(self.alias_set) + ("!" if self.is_write else "")
        if self.alias_set_after:
            s += " -> " + "|".join(self.alias_set_after)
        return s


@dataclass(frozen=True)
class Argument:
    name: str
    type: Type
    default: str | None  # verbatim source text, e.g. '1e-05', '"mean"', '[0,1]'
    annotation: Annotation | None

    @property
    def is_write(self) -> bool:
        return self.annotation is not None and self.annotation.is_write

    @classmethod
    def parse(cls, s: str) -> Argument:
        p = _Parser(s)
        arg = p.argument()
        p.expect_end("argument")
        return arg

    def __str__(self) -> str:
        s = f"{_type_str(self.type, self.annotation)} {self.name}"
        return s if self.default is None else f"{s}={self.default}"


@dataclass(frozen=True)
class Return:
    name: str | None
    type: Type
    annotation: Annotation | None

    @property
    def is_write(self) -> bool:
        return self.annotation is not None and self.annotation.is_write

    @classmethod
    def parse(cls, s: str) -> Return:
        p = _Parser(s)
        ret = p.return_()
        p.expect_end("return")
        return ret

    def __str__(self) -> str:
        s = _type_str(self.type, self.annotation)
        return s if self.name is None else f"{s} {self.name}"


# PyTorch's in-place dunders: ``__iadd__`` is the in-place ``__add__``.
_AUGMENTED_ASSIGNMENT = frozenset(["add", "sub", "mul", "div", "mod", "pow", "lshift", "rshift", "and", "xor", "or"])


@dataclass(frozen=True)
class OperatorName:
    """``add_.Tensor`` is base ``add``, inplace, overload ``Tensor``;
    ``__iand__.Scalar`` is base ``and``, inplace, dunder, overload ``Scalar``."""

    base: str
    inplace: bool
    dunder: bool
    overload_name: str

    @classmethod
    def parse(cls, s: str) -> OperatorName:
        p = _Parser(s)
        name = p.operator_name()
        p.expect_end("operator name")
        return name

    @classmethod
    def from_parts(cls, name: str, overload_name: str = "") -> OperatorName:
        """Split a spelled name such as ``add_`` or ``__iand__`` into base,
        in-place and dunder parts."""
        if len(name) > 4 and name.startswith("__") and name.endswith("__"):
            base = name[2:-2]
            inplace = base.startswith("i") and base[1:] in _AUGMENTED_ASSIGNMENT
            return cls(base[1:] if inplace else base, inplace, True, overload_name)
        if name.endswith("_") and len(name) > 1:
            return cls(name[:-1], True, False, overload_name)
        return cls(name, False, False, overload_name)

    @property
    def plain_name(self) -> str:
        """The name as spelled, without the overload: ``add_``, ``__iand__``."""
        if self.dunder:
            return f"__{'i' if self.inplace else ''}{self.base}__"
        return f"{self.base}_" if self.inplace else self.base

    def unambiguous_name(self) -> str:
        """A C identifier naming this overload: ``add__Tensor`` for
        ``add_.Tensor``, ``add`` for ``add``."""
        if not self.overload_name:
            return self.plain_name
        return f"{self.plain_name}_{self.overload_name}"

    def __str__(self) -> str:
        if self.overload_name:
            return f"{self.plain_name}.{self.overload_name}"
        return self.plain_name


# The kwarg-only group that C++ folds into one TensorOptions argument, in order.
_TENSOR_OPTIONS = (
    ("dtype", BaseTy.ScalarType),
    ("layout", BaseTy.Layout),
    ("device", BaseTy.Device),
    ("pin_memory", BaseTy.bool),
)


def _is_option(arg: Argument, name: str, ty: BaseTy) -> bool:
    t = arg.type.elem if isinstance(arg.type, OptionalType) else arg.type
    return arg.name == name and t == BaseType(ty)


@dataclass(frozen=True)
class Arguments:
    """Arguments in three groups, printed in this order::

        positional..., *, kwarg_only..., out...

    ``out`` holds the trailing keyword-only arguments that carry a write
    annotation (``*, Tensor(a!) out``); a keyword-only argument without one may
    not follow them.  A write-annotated *positional* argument (``self`` of an
    in-place op, or a mutable op's buffers) stays positional.
    """

    positional: tuple[Argument, ...]
    kwarg_only: tuple[Argument, ...]
    out: tuple[Argument, ...]

    @property
    def flat_non_out(self) -> tuple[Argument, ...]:
        return self.positional + self.kwarg_only

    @property
    def flat_all(self) -> tuple[Argument, ...]:
        return self.positional + self.kwarg_only + self.out

    @property
    def self_arg(self) -> Argument | None:
        """The positional argument named ``self`` (not always the first one:
        ``where.self(Tensor condition, Tensor self, Tensor other)``)."""
        return next((a for a in self.positional if a.name == "self"), None)

    @property
    def tensor_options(self) -> tuple[Argument, Argument, Argument, Argument] | None:
        """The consecutive keyword-only ``dtype, layout, device, pin_memory``
        group (each optionally ``?``) that C++ passes as one TensorOptions."""
        kw = self.kwarg_only
        for i in range(len(kw) - len(_TENSOR_OPTIONS) + 1):
            group = kw[i : i + len(_TENSOR_OPTIONS)]
            if all(_is_option(a, n, t) for a, (n, t) in zip(group, _TENSOR_OPTIONS, strict=True)):
                return (group[0], group[1], group[2], group[3])
        return None

    @property
    def has_tensor_options(self) -> bool:
        return self.tensor_options is not None

    def signature(self, *, strip_default: bool = False) -> Arguments:
        """Arguments with out arguments, the TensorOptions group and all alias
        annotations removed (see FunctionSchema.signature)."""
        options = self.tensor_options or ()

        def strip(a: Argument) -> Argument:
            return replace(a, annotation=None, default=None if strip_default else a.default)

        return Arguments(
            positional=tuple(strip(a) for a in self.positional),
            kwarg_only=tuple(strip(a) for a in self.kwarg_only if a not in options),
            out=(),
        )

    def __str__(self) -> str:
        parts = [str(a) for a in self.positional]
        if self.kwarg_only or self.out:
            parts.append("*")
        parts += [str(a) for a in self.kwarg_only]
        parts += [str(a) for a in self.out]
        return ", ".join(parts)


class SchemaKind(Enum):
    functional = "functional"  # returns fresh outputs, mutates nothing
    inplace = "inplace"  # name ends in '_': writes into self
    out = "out"  # writes into keyword-only out= arguments
    mutable = "mutable"  # writes into some other positional argument
    scratch = "scratch"  # an out op with `_scratch_*` workspace outputs


@dataclass(frozen=True)
class FunctionSchema:
    name: OperatorName
    arguments: Arguments
    returns: tuple[Return, ...]

    @classmethod
    def parse(cls, s: str) -> FunctionSchema:
        """Parse a schema string; SchemaError (with the column) if malformed."""
        p = _Parser(s)
        schema = p.function_schema()
        printed = str(schema)
        if printed != s:  # Note [Schema round trip]: a guard, should not fire
            raise SchemaError(f"schema does not round-trip: {s!r} prints as {printed!r}")
        return schema

    def kind(self) -> SchemaKind:
        """In-place and out= take precedence over a mutable positional argument
        (PyTorch's classification, so the two files agree)."""
        if self.name.inplace:
            return SchemaKind.inplace
        if self.arguments.out:
            if any(a.name.startswith("_scratch_") for a in self.arguments.out):
                return SchemaKind.scratch
            return SchemaKind.out
        if any(a.is_write for a in self.arguments.positional):
            return SchemaKind.mutable
        return SchemaKind.functional

    def is_out_fn(self) -> bool:
        return bool(self.arguments.out)

    def signature(self, *, strip_default: bool = False) -> FunctionSchema:
        """The functional twin signature shared by an op's functional, in-place
        and out= forms, so they can be paired and checked against each other:

        - the overload name is dropped and in-place-ness cleared (``add_.Tensor``
          and ``add.out`` both become ``add``);
        - out= arguments and the dtype/layout/device/pin_memory group are
          dropped (``zeros.out`` has no TensorOptions, ``zeros`` does);
        - alias annotations and return names are dropped;
        - a written argument that no return aliases becomes an extra unnamed
          return, so a mutable op lines up with its functional form.
        """
        returned = {r.annotation for r in self.returns if r.annotation is not None}
        self_arg = self.arguments.self_arg
        written = ([self_arg] if self_arg is not None else []) + [
            *self.arguments.out,
            *(a for a in self.arguments.positional if a is not self_arg),
        ]
        extra = tuple(
            Return(None, a.type, None)
            for a in written
            if a.annotation is not None and a.annotation.is_write and a.annotation not in returned
        )
        name = OperatorName(self.name.base, False, self.name.dunder, "")
        returns = tuple(Return(None, r.type, None) for r in self.returns) + extra
        return FunctionSchema(name, self.arguments.signature(strip_default=strip_default), returns)

    def __str__(self) -> str:
        # A single return is never parenthesized: Note [Schema round trip].
        rets = str(self.returns[0]) if len(self.returns) == 1 else f"({', '.join(map(str, self.returns))})"
        return f"{self.name}({self.arguments}) -> {rets}"


def parse_type(s: str) -> Type:
    """Parse a bare type such as ``SymInt[1]?`` or ``Tensor?[]``."""
    p = _Parser(s)
    t, ann = p.type_and_annotation()
    if ann is not None:
        raise p.error("an alias annotation is not part of a type", p.pos)
    p.expect_end("type")
    return t


# --------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OVERLOAD = re.compile(r"[A-Za-z0-9_]+")
_ALIAS = re.compile(r"[a-z][a-z0-9_]*|\*")
_SIZE = re.compile(r"[0-9]+")
_SIMPLE_DEFAULT = re.compile(r"[^,()\[\]\"' ]+")


class _Parser:
    """Recursive descent over one schema string.  Positions are 0-based
    internally and reported 1-based as columns."""

    def __init__(self, s: str) -> None:
        self.s = s
        self.pos = 0

    # -- helpers ---------------------------------------------------------

    def error(self, what: str, pos: int | None = None) -> SchemaError:
        pos = self.pos if pos is None else pos
        return SchemaError(f"{what} (column {pos + 1} of {self.s!r})")

    def found(self) -> str:
        rest = self.s[self.pos : self.pos + 12]
        return f"found {rest!r}" if rest else "found the end of the string"

    def peek(self, lit: str) -> bool:
        return self.s.startswith(lit, self.pos)

    def accept(self, lit: str) -> bool:
        if self.s.startswith(lit, self.pos):
            self.pos += len(lit)
            return True
        return False

    def expect(self, lit: str, what: str) -> None:
        if not self.accept(lit):
            raise self.error(f"expected {lit!r} {what}, {self.found()}")

    def match(self, pattern: re.Pattern[str], what: str) -> str:
        m = pattern.match(self.s, self.pos)
        if m is None:
            raise self.error(f"expected {what}, {self.found()}")
        self.pos = m.end()
        return m.group()

    def expect_end(self, what: str) -> None:
        if self.pos != len(self.s):
            raise self.error(f"unexpected text after {what}, {self.found()}")

    # -- grammar ---------------------------------------------------------

    def function_schema(self) -> FunctionSchema:
        name = self.operator_name()
        self.expect("(", "after the operator name")
        arguments = self.arguments()
        self.expect(")", "after the arguments")
        self.expect(" -> ", "between the arguments and the returns")
        returns = self.returns()
        self.expect_end("the returns")
        if name.inplace and arguments.out:
            raise self.error(f"'{name}' is in-place (its name ends in '_') and also has out= arguments", 0)
        return FunctionSchema(name, arguments, returns)

    def operator_name(self) -> OperatorName:
        name = self.match(_IDENT, "an operator name")
        overload = self.match(_OVERLOAD, "an overload name") if self.accept(".") else ""
        return OperatorName.from_parts(name, overload)

    def arguments(self) -> Arguments:
        positional: list[Argument] = []
        kwarg_only: list[Argument] = []
        out: list[Argument] = []
        seen: set[str] = set()
        star_pos: int | None = None
        while not self.peek(")") and self.pos < len(self.s):
            start = self.pos
            if self.accept("*"):
                if star_pos is not None:
                    raise self.error("'*' (start of keyword-only arguments) given twice", start)
                star_pos = start
            else:
                arg = self.argument()
                if arg.name in seen:
                    raise self.error(f"duplicate argument name '{arg.name}'", start)
                seen.add(arg.name)
                if star_pos is None:
                    positional.append(arg)
                elif arg.is_write:
                    out.append(arg)
                elif out:
                    raise self.error(
                        f"keyword-only argument '{arg.name}' without a write annotation "
                        "follows the out= arguments; out= arguments must come last",
                        start,
                    )
                else:
                    kwarg_only.append(arg)
            if not self.accept(", "):
                if not self.peek(")"):
                    raise self.error(f"expected ', ' or ')' after an argument, {self.found()}")
                break
            if self.peek(")"):
                raise self.error("expected an argument after ', '")
        if star_pos is not None and not kwarg_only and not out:
            raise self.error("'*' must be followed by keyword-only arguments", star_pos)
        return Arguments(tuple(positional), tuple(kwarg_only), tuple(out))

    def argument(self) -> Argument:
        t, ann = self.type_and_annotation()
        self.expect(" ", "between an argument's type and its name")
        name = self.match(_IDENT, "an argument name")
        default = self.default() if self.accept("=") else None
        return Argument(name, t, default, ann)

    def default(self) -> str:
        """A default value's verbatim text: a quoted string (with backslash
        escapes), a bracketed list, or a bare token (``-1``, ``1e-05``,
        ``None``, ``Mean``, ``contiguous_format``)."""
        start = self.pos
        c = self.s[self.pos : self.pos + 1]
        if c in ("'", '"'):
            self.skip_string()
        elif c == "[":
            self.pos += 1
            while not self.accept("]"):
                if self.pos >= len(self.s):
                    raise self.error("unterminated list default", start)
                if self.s[self.pos] in "'\"":
                    self.skip_string()
                else:
                    self.pos += 1
        else:
            self.match(_SIMPLE_DEFAULT, "a default value")
        return self.s[start : self.pos]

    def skip_string(self) -> None:
        start, quote = self.pos, self.s[self.pos]
        self.pos += 1
        while self.pos < len(self.s):
            c = self.s[self.pos]
            if c == "\\":
                self.pos += 2
            elif c == quote:
                self.pos += 1
                return
            else:
                self.pos += 1
        raise self.error("unterminated string default", start)

    def type_and_annotation(self) -> tuple[Type, Annotation | None]:
        start = self.pos
        name = self.match(_IDENT, "a type name")
        base = _BASE_TYS.get(name)
        if base is None:
            close = difflib.get_close_matches(name, _BASE_TYS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise self.error(f"unknown type '{name}'{hint}", start)
        t: Type = BaseType(base)
        ann = None
        if self.peek("("):
            if base is not BaseTy.Tensor:
                raise self.error(f"alias annotation on non-Tensor type '{name}'")
            self.pos += 1
            ann = self.annotation_body()
            self.expect(")", "to close the alias annotation")
        while True:
            if self.accept("?"):
                if isinstance(t, OptionalType):
                    raise self.error("'?' given twice", self.pos - 1)
                t = OptionalType(t)
            elif self.accept("["):
                size = int(self.match(_SIZE, "a list size")) if not self.peek("]") else None
                self.expect("]", "to close the list type")
                t = ListType(t, size)
            else:
                return t, ann

    def annotation_body(self) -> Annotation:
        before = self.alias_set()
        is_write = self.accept("!")
        after = self.alias_set() if self.accept(" -> ") else ()
        if is_write and len(before) > 1:
            raise self.error("a written alias annotation must name a single alias set")
        return Annotation(before, is_write, after)

    def alias_set(self) -> tuple[str, ...]:
        names = [self.match(_ALIAS, "an alias name such as 'a'")]
        while self.accept("|"):
            names.append(self.match(_ALIAS, "an alias name such as 'a'"))
        return tuple(names)

    def returns(self) -> tuple[Return, ...]:
        start = self.pos
        if not self.accept("("):
            return (self.return_(),)
        rets: list[Return] = []
        if not self.peek(")"):
            rets.append(self.return_())
            while self.accept(", "):
                rets.append(self.return_())
        self.expect(")", "after the returns")
        if len(rets) == 1:
            raise self.error("a single return is written without parentheses", start)
        names = [r.name for r in rets if r.name is not None]
        dup = next((n for n in names if names.count(n) > 1), None)
        if dup is not None:
            raise self.error(f"duplicate return name '{dup}'", start)
        return tuple(rets)

    def return_(self) -> Return:
        t, ann = self.type_and_annotation()
        name = self.match(_IDENT, "a return name") if self.accept(" ") else None
        return Return(name, t, ann)
