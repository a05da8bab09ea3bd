"""Emitters: one function per generated file family.

Each emitter turns the model into plain lists and strings (through the naming
rules in codegen/cpp.py and codegen/python.py) and hands them to a Jinja
template that only loops and prints.  `outputs()` is the complete, fixed list of
files for a set of backends, known before anything is generated, so CMake can
declare them at configure time (`python -m codegen generate --list-outputs`).

Note [Sharding generated sources]
Per-operator C++ (operator entry points, Python bindings) is spread over a fixed
number of shards by a stable hash of the operator's name (crc32, not Python's
salted hash), so adding or editing one operator rewrites one shard, and the
number of translation units never depends on the schema.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from pathlib import Path

import jinja2

from codegen import cpp, python
from codegen.model import SchemaKind
from codegen.native_yaml import COMPOSITE_KEYS, NativeFunction, Variant
from codegen.writer import OutputWriter

OP_SHARDS = 4
PY_FUNCTION_SHARDS = 3
PY_METHOD_SHARDS = 3
GEN = "ember/generated"



def _c_string_body(text: str) -> str:
    """text escaped for the inside of a C++ string literal (a schema default such as
    `str UPLO="L"` carries double quotes)."""
    return text.replace("\\", "\\\\").replace('"', '\\"')

def outputs(backends: Iterable[str]) -> list[str]:
    backends = list(backends)
    files = [
        f"{GEN}/TensorMethodDecls.inc",
        f"{GEN}/TensorMethods.h",
        f"{GEN}/Operators.h",
        f"{GEN}/Functions.h",
        f"{GEN}/NativeFunctions.h",
        *(f"{GEN}/Operators_{i}.cpp" for i in range(OP_SHARDS)),
        *(f"{GEN}/Register{b}.cpp" for b in backends),
        f"{GEN}/RegisterComposite.cpp",
        *(f"{GEN}/python_functions_{i}.cpp" for i in range(PY_FUNCTION_SHARDS)),
        *(f"{GEN}/python_methods_{i}.cpp" for i in range(PY_METHOD_SHARDS)),
        f"{GEN}/python_bindings.cpp",
        "ember/_C.pyi",
        "docs/operators.md",
    ]
    return files


def _shard(name: str, n: int) -> int:
    return zlib.crc32(name.encode()) % n


def _env(templates: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


# ---------------------------------------------------------------------------
# C++ operator plumbing
# ---------------------------------------------------------------------------


def _op_info(nf: NativeFunction) -> dict[str, object]:
    f = nf.func
    ps = cpp.params(f, with_defaults=False)
    tensors = cpp.tensor_dispatch_args(f)
    device = cpp.device_arg(f)
    if tensors:
        key = f"dispatch::key_of({', '.join(tensors)})"
    elif device:
        key = f"dispatch::key_of_device({device})"
    else:
        key = "DispatchKey::CPU"
    return {
        "struct": cpp.op_struct(f),
        "name": f"ember::{f.name}",
        "schema": str(f),
        "ret": cpp.returns_type(f),
        "params": cpp.decl_params(ps),
        "types": ", ".join(p.type for p in ps),
        "args": ", ".join(p.name for p in ps),
        "key": key,
    }


def _arities(nfs: list[NativeFunction], variant: Variant) -> dict[object, int]:
    """Per C++ name, the overloads' min arities (cpp.min_arities)."""
    groups: dict[str, list[object]] = {}
    for nf in nfs:
        if variant in nf.variants and (variant is Variant.function or nf.func.arguments.self_arg):
            groups.setdefault(cpp.cpp_name(nf.func), []).append(nf.func)
    out: dict[object, int] = {}
    for funcs in groups.values():
        out.update(cpp.min_arities(funcs, skip_self=variant is Variant.method))  # type: ignore[arg-type]
    return out


def _method_info(nf: NativeFunction, arity: int = 0) -> dict[str, object]:
    f = nf.func
    inplace = f.kind() == SchemaKind.inplace
    ret = "const Tensor&" if inplace else cpp.returns_type(f)
    args = []
    for p in cpp.params(f, with_defaults=False):
        if p.arg is f.arguments.self_arg:
            args.append("const_cast<Tensor&>(*this)" if p.arg.is_write else "*this")
        else:
            args.append(p.name)
    return {
        "ret": ret,
        "name": cpp.cpp_name(f),
        "decl_params": cpp.decl_params(cpp.params(f, with_defaults=True, skip_self=True, min_arity=arity)),
        "def_params": cpp.decl_params(cpp.params(f, with_defaults=False, skip_self=True)),
        "struct": cpp.op_struct(f),
        "args": ", ".join(args),
    }


def _function_info(nf: NativeFunction, arity: int = 0) -> dict[str, object]:
    f = nf.func
    return {
        "ret": cpp.returns_type(f),
        "name": cpp.cpp_name(f),
        "params": cpp.decl_params(cpp.params(f, with_defaults=True, min_arity=arity)),
        "struct": cpp.op_struct(f),
        "args": ", ".join(cpp.param_names(f)),
    }


def _delegate_info(nf: NativeFunction, by_name: dict[str, NativeFunction]) -> dict[str, object]:
    """The generated kernel of a structured_delegate op: call the out= op with
    fresh (undefined) outputs, or with self for an in-place op."""
    f = nf.func
    assert nf.structured_delegate is not None
    target = by_name[str(nf.structured_delegate)].func
    names = {a.name: cpp._param_name(a) for a in f.arguments.flat_all}
    outs = target.arguments.out
    inplace = f.kind() == SchemaKind.inplace
    prelude: list[str] = []
    call_args = [names[a.name] for a in target.arguments.flat_non_out]
    if inplace:
        call_args += ["self"] * len(outs)
        result = "return self;"
    else:
        for i, _ in enumerate(outs):
            prelude.append(f"Tensor out{i};  // undefined: the out= kernel allocates it")
            call_args.append(f"out{i}")
        if len(outs) == 1:
            result = "return out0;"
        else:
            result = f"return ::std::make_tuple({', '.join(f'out{i}' for i in range(len(outs)))});"
    return {
        "fn": f"{cpp.op_struct(f)}_delegate",
        "ret": cpp.returns_type(f),
        "params": cpp.decl_params(cpp.params(f, with_defaults=False)),
        "prelude": prelude,
        "call": f"ops::{cpp.op_struct(target)}::call({', '.join(call_args)});",
        "result": result,
        "struct": cpp.op_struct(f),
    }


def _registrations(nfs: list[NativeFunction], key: str) -> list[dict[str, str]]:
    regs = []
    for nf in nfs:
        if key in nf.dispatch:
            regs.append({"struct": cpp.op_struct(nf.func), "kernel": nf.dispatch[key]})
    return regs


def emit_cpp(env: jinja2.Environment, w: OutputWriter, nfs: list[NativeFunction], backends: list[str]) -> None:
    ops = [_op_info(nf) for nf in nfs]
    shards: list[list[dict[str, object]]] = [[] for _ in range(OP_SHARDS)]
    for nf, op in zip(nfs, ops, strict=True):
        shards[_shard(str(nf.func.name), OP_SHARDS)].append(op)

    m_arity = _arities(nfs, Variant.method)
    f_arity = _arities(nfs, Variant.function)
    methods = [
        _method_info(nf, m_arity[nf.func])
        for nf in nfs
        if Variant.method in nf.variants and nf.func.arguments.self_arg
    ]
    functions = [_function_info(nf, f_arity[nf.func]) for nf in nfs if Variant.function in nf.variants]

    kernels: dict[str, str] = {}
    for nf in nfs:
        for _, decl in cpp.kernel_decls(nf):
            kernels.setdefault(decl, decl)

    w.write(f"{GEN}/TensorMethodDecls.inc", env.get_template("TensorMethodDecls.inc.j2").render(methods=methods))
    w.write(f"{GEN}/TensorMethods.h", env.get_template("TensorMethods.h.j2").render(methods=methods))
    w.write(f"{GEN}/Operators.h", env.get_template("Operators.h.j2").render(ops=ops))
    for i, shard in enumerate(shards):
        w.write(f"{GEN}/Operators_{i}.cpp", env.get_template("Operators.cpp.j2").render(ops=shard, shard=i))
    w.write(f"{GEN}/Functions.h", env.get_template("Functions.h.j2").render(functions=functions))
    w.write(f"{GEN}/NativeFunctions.h", env.get_template("NativeFunctions.h.j2").render(decls=list(kernels)))

    register = env.get_template("Register.cpp.j2")
    for b in backends:
        w.write(
            f"{GEN}/Register{b}.cpp",
            register.render(backend=b, keys=[b], regs=_registrations(nfs, b), delegates=[]),
        )
    by_name = {str(nf.func.name): nf for nf in nfs}
    composite = [r for k in COMPOSITE_KEYS for r in _registrations(nfs, k)]
    delegates = [_delegate_info(nf, by_name) for nf in nfs if nf.structured_delegate is not None]
    w.write(
        f"{GEN}/RegisterComposite.cpp",
        register.render(backend="Composite", keys=["CPU", "CUDA"], regs=composite, delegates=delegates),
    )


# ---------------------------------------------------------------------------
# Python bindings
# ---------------------------------------------------------------------------


def _binding_info(b: python.Binding) -> dict[str, object]:
    cases = []
    for i, o in enumerate(b.overloads):
        plain, with_out = python.plan_call(o, b)
        cases.append({"index": i, "plain": plain, "out": with_out, "out_index": o.out_index})
    return {
        "fn": ("meth_" if b.method else "fn_") + b.name,
        "name": b.name,
        "signatures": [_c_string_body(o.signature(b.name)) for o in b.overloads],
        "max_args": max(b.max_args, 1),
        "method": b.method,
        "cases": cases,
    }


def emit_python(env: jinja2.Environment, w: OutputWriter, nfs: list[NativeFunction]) -> None:
    funcs, methods = python.bindings(nfs)
    tpl = env.get_template("python_functions.cpp.j2")
    for kind, bs, n in (("functions", funcs, PY_FUNCTION_SHARDS), ("methods", methods, PY_METHOD_SHARDS)):
        shards: list[list[dict[str, object]]] = [[] for _ in range(n)]
        for b in bs:
            shards[_shard(b.name, n)].append(_binding_info(b))
        for i, shard in enumerate(shards):
            w.write(f"{GEN}/python_{kind}_{i}.cpp", tpl.render(bindings=shard, kind=kind, shard=i))
    w.write(
        f"{GEN}/python_bindings.cpp",
        env.get_template("python_bindings.cpp.j2").render(
            function_shards=range(PY_FUNCTION_SHARDS), method_shards=range(PY_METHOD_SHARDS)
        ),
    )
    w.write("ember/_C.pyi", env.get_template("_C.pyi.j2").render(functions=_pyi(funcs), methods=_pyi(methods)))


_PYI_TYPES = {
    "Tensor": "Tensor",
    "Scalar": "Number",
    "int": "int",
    "SymInt": "int",
    "float": "float",
    "bool": "bool",
    "str": "str",
    "ScalarType": "dtype",
    "Device": "Device",
    "Layout": "layout",
    "MemoryFormat": "memory_format",
    "Generator": "Generator",
}


def _pyi_type(t: object) -> str:
    from codegen.model import BaseType, ListType, OptionalType

    if isinstance(t, OptionalType):
        return f"{_pyi_type(t.elem)} | None"
    if isinstance(t, ListType):
        inner = _pyi_type(t.elem)
        return f"Sequence[{inner}]" + (" | int" if inner == "int" else "")
    assert isinstance(t, BaseType)
    name = _PYI_TYPES.get(t.name.name, "Any")
    return "Tensor | Number" if name == "Tensor" else name


def _pyi(bs: list[python.Binding]) -> list[dict[str, object]]:
    out = []
    for b in bs:
        sigs = []
        for o in b.overloads:
            parts = ["self"] if b.method else []
            kw_started = False
            args = o.nf.func.arguments
            for a in o.py_args():
                if a in args.kwarg_only and not kw_started:
                    parts.append("*")
                    kw_started = True
                name = "input" if (not b.method and a.name == "self") else a.name
                default = " = ..." if a.default is not None else ""
                parts.append(f"{name}: {_pyi_type(a.type)}{default}")
            if o.out is not None:
                if not kw_started:
                    parts.append("*")
                n = o.num_outs
                parts.append("out: Tensor | None = None" if n == 1 else
                             f"out: tuple[{', '.join(['Tensor'] * n)}] | None = None")
            rets = o.nf.func.returns
            ret = "None" if not rets else ("Tensor" if len(rets) == 1 and rets[0].type.is_tensor_like() else "Any")
            sigs.append(f"def {b.name}({', '.join(parts)}) -> {ret}: ...")
        out.append({"name": b.name, "sigs": sigs, "overloaded": len(sigs) > 1})
    return out


# ---------------------------------------------------------------------------
# Docs
# ---------------------------------------------------------------------------


def emit_docs(env: jinja2.Environment, w: OutputWriter, nfs: list[NativeFunction]) -> None:
    rows = []
    for nf in nfs:
        backends = sorted(nf.dispatch) if nf.dispatch else [f"via {nf.structured_delegate}"]
        rows.append(
            {
                "name": str(nf.func.name),
                "schema": str(nf.func),
                "variants": ", ".join(sorted(v.name for v in nf.variants)),
                "backends": ", ".join(backends),
                "doc": nf.doc or "",
                "loc": f"{Path(nf.loc.file).name}:{nf.loc.line}",
            }
        )
    w.write("docs/operators.md", env.get_template("operators.md.j2").render(rows=rows))


def generate(nfs: list[NativeFunction], templates: Path, out_dir: Path, backends: list[str]) -> OutputWriter:
    env = _env(templates)
    w = OutputWriter(out_dir)
    emit_cpp(env, w, nfs, backends)
    emit_python(env, w, nfs)
    emit_docs(env, w, nfs)
    expected = set(outputs(backends))
    produced = set(w.written) | set(w.unchanged)
    assert produced == expected, f"outputs() is out of date: {sorted(produced ^ expected)}"
    return w
