"""Naming rules: how the schema model maps to C++ names, types and signatures.

This is the second of the generator's four layers (model -> naming rules ->
emitters -> templates).  Nothing here reads YAML or writes files; emitters ask
these functions what a schema looks like in C++.  The type table is documented
for kernel authors in docs/contracts.md; keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.model import (
    Argument,
    BaseTy,
    BaseType,
    FunctionSchema,
    ListType,
    OptionalType,
    Return,
    SchemaError,
    SchemaKind,
    Type,
)
from codegen.native_yaml import NativeFunction

# Base types by value (cheap to copy) and by const reference.
# Note [Fully qualified std]: C++ types name the standard library as `::std::`, because
# the operator structs live in `ember::ops` and one of them is called `std` (std.correction
# is `ember::ops::std_correction`, but plain `std(Tensor self, bool unbiased)` is
# `ember::ops::std`); an unqualified `std::optional` would find that struct.
_BY_VALUE = {
    BaseTy.int: "int64_t",
    BaseTy.SymInt: "int64_t",
    BaseTy.float: "double",
    BaseTy.bool: "bool",
    BaseTy.str: "::std::string_view",
    BaseTy.ScalarType: "ScalarType",
    BaseTy.Device: "Device",
    BaseTy.Layout: "Layout",
    BaseTy.MemoryFormat: "MemoryFormat",
}
_BY_REF = {
    BaseTy.Tensor: "Tensor",
    BaseTy.Scalar: "Scalar",
    BaseTy.Generator: "Generator",
}


def _unsupported(t: Type, where: str) -> SchemaError:
    return SchemaError(f"ember's code generator does not support the type '{t}' ({where})")


def argument_type(a: Argument) -> str:
    """The C++ parameter type of a schema argument."""
    t = a.type
    if a.is_write:
        if t == BaseType(BaseTy.Tensor):
            return "Tensor&"
        raise _unsupported(t, f"written argument '{a.name}'")
    if isinstance(t, BaseType):
        if t.name in _BY_VALUE:
            return _BY_VALUE[t.name]
        if t.name in _BY_REF:
            return f"const {_BY_REF[t.name]}&"
    elif isinstance(t, OptionalType):
        e = t.elem
        if isinstance(e, BaseType):
            if e.name in _BY_VALUE:
                return f"::std::optional<{_BY_VALUE[e.name]}>"
            if e.name in _BY_REF:
                return f"const ::std::optional<{_BY_REF[e.name]}>&"
        if isinstance(e, ListType) and e.elem in (BaseType(BaseTy.int), BaseType(BaseTy.SymInt)):
            return "OptionalIntArrayRef"
    elif isinstance(t, ListType):
        if t.elem in (BaseType(BaseTy.int), BaseType(BaseTy.SymInt)):
            return "IntArrayRef"
        if t.elem == BaseType(BaseTy.Tensor):
            return "TensorList"
        if t.elem == OptionalType(BaseType(BaseTy.Tensor)):
            return "ArrayRef<::std::optional<Tensor>>"
    raise _unsupported(t, f"argument '{a.name}'")


def return_type(r: Return) -> str:
    t = r.type
    if r.is_write:
        return "Tensor&"
    if isinstance(t, BaseType):
        if t.name == BaseTy.Tensor:
            return "Tensor"
        if t.name == BaseTy.Scalar:
            return "Scalar"
        if t.name in _BY_VALUE and t.name != BaseTy.str:
            return _BY_VALUE[t.name]
    if isinstance(t, ListType) and t.elem == BaseType(BaseTy.Tensor):
        return "::std::vector<Tensor>"
    raise _unsupported(t, "return")


def returns_type(func: FunctionSchema) -> str:
    if not func.returns:
        return "void"
    if len(func.returns) == 1:
        return return_type(func.returns[0])
    return f"::std::tuple<{', '.join(return_type(r) for r in func.returns)}>"


# Schema default text -> C++ expression.
_DEFAULTS = {
    "None": "::std::nullopt",
    "True": "true",
    "False": "false",
    "contiguous_format": "MemoryFormat::Contiguous",
    "preserve_format": "MemoryFormat::Preserve",
    "long": "ScalarType::Long",
    "int": "ScalarType::Int",
    "float": "ScalarType::Float",
    "double": "ScalarType::Double",
    "bool": "ScalarType::Bool",
}


def default_value(a: Argument) -> str:
    d = a.default
    assert d is not None
    if d in _DEFAULTS:
        return _DEFAULTS[d]
    if d.startswith("[") and d.endswith("]"):
        return "{" + d[1:-1] + "}"
    if d.startswith(("'", '"')):
        return '"' + d[1:-1] + '"'
    if isinstance(a.type, ListType) and a.type.size:  # int[2] x=1 means {1, 1}
        return "{" + ", ".join([d] * a.type.size) + "}"
    return d


def cpp_name(func: FunctionSchema) -> str:
    """The C++ API name: ``add``, ``add_`` (in-place), ``add_out`` (out=)."""
    base = func.name.base if not func.name.dunder else f"__{func.name.base}__"
    if func.kind() == SchemaKind.inplace:
        return base + "_"
    if func.kind() == SchemaKind.out:
        return base + "_out"
    return base


def op_struct(func: FunctionSchema) -> str:
    """``ember::ops::<this>``: unique across the file (validated by native_yaml)."""
    return func.name.unambiguous_name()


@dataclass(frozen=True)
class CppParam:
    name: str
    type: str
    default: str | None
    arg: Argument


def _param_name(a: Argument) -> str:
    # C++ keywords and names that clash with ember's own identifiers.
    return {"from": "from_", "to": "to_", "default": "default_", "max": "max_", "min": "min_"}.get(a.name, a.name)


def params(
    func: FunctionSchema, *, with_defaults: bool, skip_self: bool = False, min_arity: int = 0
) -> list[CppParam]:
    """Parameters in schema order (out arguments last). Defaults are emitted only
    from position `min_arity` on (see `min_arities`)."""
    out: list[CppParam] = []
    args = func.arguments.flat_all
    # C++ only allows defaults on a trailing run of parameters.
    last_without_default = max((i for i, a in enumerate(args) if a.default is None), default=-1)
    last_without_default = max(last_without_default, min_arity - 1 + (1 if skip_self else 0))
    for i, a in enumerate(args):
        if skip_self and a is func.arguments.self_arg:
            continue
        d = default_value(a) if with_defaults and a.default is not None and i > last_without_default else None
        out.append(CppParam(_param_name(a), argument_type(a), d, a))
    return out


def decl_params(ps: list[CppParam]) -> str:
    return ", ".join(f"{p.type} {p.name}" + (f" = {p.default}" if p.default else "") for p in ps)


def tensor_dispatch_args(func: FunctionSchema) -> list[str]:
    """Arguments whose device decides the dispatch key (Note [How an operator
    call is dispatched] in core/DispatchKey.h)."""
    return [_param_name(a) for a in func.arguments.flat_all if a.type.is_tensor_like()]


def device_arg(func: FunctionSchema) -> str | None:
    for a in func.arguments.flat_all:
        if a.name == "device" and a.type.is_base_ty_like(BaseTy.Device):
            return _param_name(a)
    return None


def param_names(func: FunctionSchema) -> list[str]:
    return [_param_name(a) for a in func.arguments.flat_all]


def kernel_decls(nf: NativeFunction) -> list[tuple[str, str]]:
    """(kernel name, declaration) for each kernel an entry names."""
    ret = returns_type(nf.func)
    ps = decl_params(params(nf.func, with_defaults=False))
    return [(k, f"{ret} {k}({ps});") for k in dict.fromkeys(nf.dispatch.values())]


def min_arities(funcs: list[FunctionSchema], *, skip_self: bool = False) -> dict[FunctionSchema, int]:
    """Fewest arguments each C++ overload may be called with, so that no call is
    ambiguous: C++ overloads share a name (as in ATen), and defaults could make two
    of them accept the same argument list — `arange(start, end)` matches both
    `arange.start` and `arange.start_step` (step=1). A later overload gives up the
    defaults that would collide with an earlier one."""
    sigs = []
    result: dict[FunctionSchema, int] = {}
    for f in funcs:
        ps = params(f, with_defaults=True, skip_self=skip_self)
        types = [p.type for p in ps]
        lo = sum(1 for p in ps if p.default is None)
        for other_types, other_lo in sigs:
            for k in range(max(lo, other_lo), min(len(types), len(other_types)) + 1):
                if types[:k] == other_types[:k]:
                    lo = max(lo, k + 1)
        lo = min(lo, len(types))
        result[f] = lo
        sigs.append((types, lo))
    return result
