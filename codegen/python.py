"""Naming rules for the Python bindings: which operators Python sees, under
which names, with which argument-parser signatures, and how each parsed
argument and each result crosses into and out of C++.

Grouping follows PyTorch: all overloads of one Python name share one binding
whose parser tries their signatures in order; an out= operator is folded into
its functional twin as a keyword-only ``out=None`` argument instead of getting
a name of its own.  The argument parser itself is hand-written C++
(aten/src/ember/python/ArgParser.h); the signature strings emitted here are its
input.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from codegen import cpp
from codegen.model import Argument, BaseTy, BaseType, ListType, OptionalType, SchemaKind
from codegen.native_yaml import NativeFunction, Variant


@dataclass
class Overload:
    """One signature of a Python binding: a functional/in-place op, maybe with
    the out= twin that ``out=`` selects."""

    nf: NativeFunction
    out: NativeFunction | None
    method: bool

    def py_args(self) -> list[Argument]:
        """The parser's arguments in order (the bound ``self`` of a method is not
        among them)."""
        args = self.nf.func.arguments
        pos = [a for a in args.positional if not (self.method and a is args.self_arg)]
        return pos + list(args.kwarg_only)

    def signature(self, py_name: str) -> str:
        parts: list[str] = []
        args = self.nf.func.arguments
        for a in args.positional:
            if self.method and a is args.self_arg:
                continue
            parts.append(_py_arg(a, rename_self=not self.method))
        kw = [_py_arg(a, rename_self=False) for a in args.kwarg_only]
        if self.out is not None:
            n = self.num_outs
            kw.append("Tensor? out=None" if n == 1 else f"Tensor[{n}]? out=None")
        if kw:
            parts.append("*")
            parts += kw
        return f"{py_name}({', '.join(parts)})"

    @property
    def out_index(self) -> int | None:
        return len(self.py_args()) if self.out is not None else None

    @property
    def num_outs(self) -> int:
        """How many tensors ``out=`` takes: 1, or a tuple's length (``max.dim_max``)."""
        return len(self.out.func.arguments.out) if self.out is not None else 0


def _py_arg(a: Argument, *, rename_self: bool) -> str:
    name = "input" if rename_self and a.name == "self" else a.name
    default = f"={a.default}" if a.default is not None else ""
    return f"{a.type} {name}{default}"


@dataclass
class Binding:
    name: str
    method: bool
    overloads: list[Overload] = field(default_factory=list)

    @property
    def max_args(self) -> int:
        return max(len(o.py_args()) + (1 if o.out is not None else 0) for o in self.overloads)


def _out_twins(nfs: list[NativeFunction]) -> dict[NativeFunction, NativeFunction]:
    """functional op -> its out= twin (same base name and functional signature);
    a twin with several outputs takes ``out=`` as a tuple, as in PyTorch."""
    by_sig: dict[object, NativeFunction] = {}
    for nf in nfs:
        if nf.func.kind() == SchemaKind.out:
            by_sig.setdefault(nf.func.signature(strip_default=True), nf)
    twins = {}
    for nf in nfs:
        if nf.func.kind() == SchemaKind.functional:
            twin = by_sig.get(nf.func.signature(strip_default=True))
            if twin is not None:
                twins[nf] = twin
    return twins


def bindings(nfs: list[NativeFunction]) -> tuple[list[Binding], list[Binding]]:
    """(module functions, Tensor methods), each sorted by name."""
    visible = [nf for nf in nfs if nf.python_binding]
    twins = _out_twins(visible)
    funcs: dict[str, Binding] = {}
    methods: dict[str, Binding] = {}
    for nf in visible:
        kind = nf.func.kind()
        if kind == SchemaKind.out:
            continue  # reachable through its functional twin's out=
        name = nf.func.name.plain_name
        if Variant.function in nf.variants:
            b = funcs.setdefault(name, Binding(name, method=False))
            b.overloads.append(Overload(nf, twins.get(nf), method=False))
        if Variant.method in nf.variants and nf.func.arguments.self_arg is not None:
            b = methods.setdefault(name, Binding(name, method=True))
            b.overloads.append(Overload(nf, None, method=True))
    return sorted(funcs.values(), key=lambda b: b.name), sorted(methods.values(), key=lambda b: b.name)


# How a parsed argument reaches a C++ parameter: an expression on the parser's
# result `_r`; `{i}` is the argument's index in the signature.
def _accessor(a: Argument) -> str:
    t = a.type
    opt = isinstance(t, OptionalType)
    base = t.elem if opt else t
    if isinstance(base, ListType):
        if base.elem == BaseType(BaseTy.Tensor):
            return "_r.tensorlist({i})"
        if base.elem == OptionalType(BaseType(BaseTy.Tensor)):
            return "_r.optional_tensorlist({i})"
        return "as_ref(_r.intlist_optional({i}))" if opt else "_r.intlist({i})"
    assert isinstance(base, BaseType)
    simple = {
        BaseTy.Tensor: ("tensor", "optional_tensor"),
        BaseTy.Scalar: ("scalar", "scalar_optional"),
        BaseTy.int: ("toint64", "toint64_optional"),
        BaseTy.SymInt: ("toint64", "toint64_optional"),
        BaseTy.float: ("todouble", "todouble_optional"),
        BaseTy.bool: ("toBool", "toBool_optional"),
        BaseTy.ScalarType: ("scalartype", "scalartype_optional"),
        BaseTy.Device: ("device", "device_optional"),
        BaseTy.Layout: ("layout", "layout_optional"),
        BaseTy.MemoryFormat: ("memoryformat", "memoryformat_optional"),
        BaseTy.Generator: ("generator", "generator_optional"),
    }
    if base.name == BaseTy.str:
        return "as_view(_r.string_optional({i}))" if opt else "_r.string({i})"
    return f"_r.{simple[base.name][1 if opt else 0]}({{i}})"


@dataclass
class CallPlan:
    """The C++ statements that call one overload and return its result."""

    prelude: list[str]
    call: str
    result: str  # a statement returning a PyObject*


def plan_call(o: Overload, binding: Binding) -> tuple[CallPlan, CallPlan | None]:
    """(call without out=, call with out=) for an overload."""
    return _plan(o, o.nf, binding, use_out=False), (_plan(o, o.out, binding, use_out=True) if o.out else None)


def _plan(o: Overload, target: NativeFunction, binding: Binding, *, use_out: bool) -> CallPlan:
    func = target.func
    index = {a.name: i for i, a in enumerate(o.py_args())}
    prelude: list[str] = []
    args: list[str] = []
    self_arg = func.arguments.self_arg
    outs = func.arguments.out
    if len(outs) > 1:
        prelude.append(f"auto outs_ = _r.out_tensors({o.out_index}, {len(outs)});")
    for a in func.arguments.flat_all:
        if o.method and self_arg is not None and a is self_arg:
            continue  # the method's receiver
        if a in outs:
            assert o.out_index is not None
            if len(outs) == 1:
                prelude.append(f"Tensor out_ = _r.tensor({o.out_index});")
                args.append("out_")
            else:
                args.append(f"outs_[{outs.index(a)}]")
            continue
        i = index[a.name]
        expr = _accessor(a).format(i=i)
        if a.is_write:  # a written positional argument (in-place function variant: self)
            prelude.append(f"Tensor {a.name}_mut = {expr};")
            args.append(f"{a.name}_mut")
        else:
            args.append(expr)
    callee = f"self.{cpp.cpp_name(func)}" if o.method else f"ember::{cpp.cpp_name(func)}"
    call = f"{callee}({', '.join(args)})"
    ret = cpp.returns_type(func)
    if use_out and len(outs) > 1:
        # The caller's own tensors, in a named tuple like torch.return_types.max_out.
        fields = ", ".join(f'"{r.name}"' for r in func.returns)
        result = f'return _r.return_out_tuple({o.out_index}, "{binding.name}_out", {{{fields}}});'
    elif use_out:
        result = f"return _r.return_object({o.out_index});"
    elif func.kind() == SchemaKind.inplace:
        result = "Py_INCREF(self_); return self_;" if o.method else "return _r.return_object(0);"
    elif ret == "void":
        result = "Py_RETURN_NONE;"
    elif len(func.returns) > 1 and all(r.name for r in func.returns):
        fields = ", ".join(f'"{r.name}"' for r in func.returns)
        result = f'return wrap_named(std::move(result_), "{binding.name}", {{{fields}}});'
    else:
        result = "return wrap(std::move(result_));"
    if not (use_out or func.kind() == SchemaKind.inplace or ret == "void"):
        call = f"auto result_ = {call};"
    else:
        call = f"{call};"
    return CallPlan(prelude, call, result)

