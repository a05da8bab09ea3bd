"""The schema language model: parsing, printing, and derived properties."""

from __future__ import annotations

import dataclasses
import glob
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from codegen.__main__ import main
from codegen.model import (
    Annotation,
    Argument,
    BaseTy,
    BaseType,
    FunctionSchema,
    ListType,
    Location,
    OperatorName,
    OptionalType,
    Return,
    SchemaError,
    SchemaErrors,
    SchemaKind,
    parse_type,
)
from codegen.native_yaml import load_yaml_entries

REPO = Path(__file__).resolve().parents[2]
TORCH_WHEEL_GLOB = os.environ.get("EMBER_TORCH_WHEEL", "/opt/wheels/torch-2.13.0*.whl")
TORCH_YAML = "torchgen/packaged/ATen/native/native_functions.yaml"


@pytest.fixture(scope="module")
def pytorch_yaml(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PyTorch 2.13's native_functions.yaml, extracted from the wheel."""
    wheels = sorted(glob.glob(TORCH_WHEEL_GLOB))
    if not wheels:
        pytest.skip(f"no PyTorch wheel matching {TORCH_WHEEL_GLOB} (set EMBER_TORCH_WHEEL)")
    out = tmp_path_factory.mktemp("pytorch") / "native_functions.yaml"
    with zipfile.ZipFile(wheels[-1]) as z:
        out.write_bytes(z.read(TORCH_YAML))
    return out


def test_pytorch_native_functions_round_trip(pytorch_yaml: Path) -> None:
    entries = load_yaml_entries(pytorch_yaml)
    failures = []
    for entry in entries:
        s = entry["func"]
        try:
            assert str(FunctionSchema.parse(s)) == s
        except SchemaError as e:
            failures.append(f"{pytorch_yaml}:{entry.line}: {e}")
    assert not failures, "\n".join(failures[:20])
    assert len(entries) > 2500


def test_check_schema_cli_on_pytorch(pytorch_yaml: Path) -> None:
    # The real entry point, as a user runs it.
    r = subprocess.run(
        [sys.executable, "-m", "codegen", "check-schema", str(pytorch_yaml)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    n = len(load_yaml_entries(pytorch_yaml))
    assert r.stdout == f"{n} schemas OK\n"


# Strings that exercise each corner of the language; all must round-trip.
TRICKY = [
    "add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
    "add_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)",
    "add.out(Tensor self, Tensor other, *, Scalar alpha=1, Tensor(a!) out) -> Tensor(a!)",
    "__and__.Scalar(Tensor self, Scalar other) -> Tensor",
    "__iand__.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
    "_foo(Tensor self) -> Tensor",
    "linalg__powsum(Tensor self) -> Tensor",
    "view(Tensor(a) self, SymInt[] size) -> Tensor(a)",
    "alias(Tensor(a) self) -> Tensor(a)",
    "unbind.int(Tensor(a -> *) self, int dim=0) -> Tensor(a)[]",
    "f(Tensor(a! -> a|b) x) -> Tensor",
    "f(Tensor(a|b) x) -> Tensor",
    "f(Tensor(a)? x) -> Tensor",
    "_foreach_add_.Scalar(Tensor(a!)[] self, Scalar scalar) -> ()",
    "index.Tensor(Tensor self, Tensor?[] indices) -> Tensor",
    "cat(Tensor[] tensors, int dim=0) -> Tensor",
    "max_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, int[2] dilation=1, bool ceil_mode=False) -> Tensor",
    "f(int[1]? dim=None, SymInt x, SymInt[] s, SymInt[1]? t=None) -> Tensor",
    "f(Scalar? a=None, ScalarType? dtype=None, Device? device=None, Layout? layout=None, MemoryFormat? memory_format=None, Generator? generator=None) -> Tensor",
    "f(Dimname d, Dimname[]? names, str? s=None, str[] ss, bool[3] mask, float[]? scales) -> Tensor",
    "f(Storage s, Stream t, Any a, QScheme q, ConstQuantizerPtr p, DeviceIndex i, SymBool b, DimVector v, GraphModule g) -> SymBool",
    "f(ScalarType[] dtypes, Layout[]? layouts) -> ScalarType[]",
    "f(float eps=1e-05, float m=0.5, int i=-1, bool b=True, Tensor? w=None) -> Tensor",
    "f(int[] dims=[], int[2] d=[0,1], int[] e=[-2,-1]) -> Tensor",
    'f(str reduction="mean", str mode=\'reflect\', str empty="") -> Tensor',
    "f(int reduction=Mean, MemoryFormat memory_format=contiguous_format, ScalarType dtype=long, ScalarType t=int64) -> Tensor",
    "_test_string_default(Tensor dummy, str a=\"\\\"'\\\\\", str b='\"\\'\\\\') -> Tensor",
    'f(str s="a, b) -> c") -> Tensor',
    "zeros(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None) -> Tensor",
    "max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)",
    "max.dim_max(Tensor self, int dim, bool keepdim=False, *, Tensor(a!) max, Tensor(b!) max_values) -> (Tensor(a!) values, Tensor(b!) indices)",
    "sort(Tensor self) -> (Tensor, Tensor)",
    "_backward(Tensor self) -> ()",
    "f() -> Tensor",
    "f() -> Tensor[]",
    "f(Tensor self) -> Tensor grid",
    "_foreach_copy(Tensor[] self, Tensor[] src) -> Tensor[] self_out",
    "qscheme(Tensor self) -> QScheme",
    "f(*, Tensor a) -> Tensor",
    "f(Tensor(a!) x, *, Tensor(b!) out) -> (Tensor(a!), Tensor(b!))",
]


@pytest.mark.parametrize("s", TRICKY)
def test_round_trip(s: str) -> None:
    f = FunctionSchema.parse(s)
    assert str(f) == s
    assert FunctionSchema.parse(str(f)) == f
    hash(f)


def test_parsed_structure() -> None:
    f = FunctionSchema.parse(
        "max.dim_max(Tensor self, int dim, bool keepdim=False, *, Tensor(a!) max, Tensor(b!) max_values)"
        " -> (Tensor(a!) values, Tensor(b!) indices)"
    )
    assert f.name == OperatorName("max", inplace=False, dunder=False, overload_name="dim_max")
    self_, _dim, keepdim = f.arguments.positional
    assert self_ == Argument("self", BaseType(BaseTy.Tensor), None, None)
    assert keepdim.default == "False"
    assert f.arguments.kwarg_only == ()
    assert [a.name for a in f.arguments.out] == ["max", "max_values"]
    assert f.arguments.out[1].annotation == Annotation(("b",), True, ())
    assert f.returns[0] == Return("values", BaseType(BaseTy.Tensor), Annotation(("a",), True, ()))
    assert [a.name for a in f.arguments.flat_non_out] == ["self", "dim", "keepdim"]
    assert len(f.arguments.flat_all) == 5


def test_types() -> None:
    tensor = BaseType(BaseTy.Tensor)
    assert parse_type("Tensor?[]") == ListType(OptionalType(tensor), None)
    assert parse_type("SymInt[1]?") == OptionalType(ListType(BaseType(BaseTy.SymInt), 1))
    assert parse_type("int[2]") == ListType(BaseType(BaseTy.int), 2)
    for s in ["Tensor", "Tensor?", "Tensor[]", "Tensor?[]", "int[2]", "SymInt[1]?", "str[]"]:
        assert str(parse_type(s)) == s
    assert parse_type("Tensor?[]").is_tensor_like()
    assert not parse_type("int[]").is_tensor_like()
    assert parse_type("int?").is_nullable() and not parse_type("Tensor?[]").is_nullable()
    assert parse_type("int[1]?").is_list_like() == ListType(BaseType(BaseTy.int), 1)
    assert parse_type("int").is_list_like() is None
    a = Argument.parse("Tensor(a)[] xs")
    assert a.type == ListType(tensor, None) and a.annotation == Annotation(("a",), False, ())
    assert str(Annotation.parse("a! -> a|b")) == "a! -> a|b"
    assert Annotation.parse("a -> *").alias_set_after == ("*",)


@pytest.mark.parametrize(
    "spelled, base, inplace, dunder",
    [
        ("add", "add", False, False),
        ("add_", "add", True, False),
        ("__and__", "and", False, True),
        ("__iand__", "and", True, True),
        ("__ilshift__", "lshift", True, True),
        ("_foo", "_foo", False, False),
        ("_foo_", "_foo", True, False),
    ],
)
def test_operator_name(spelled: str, base: str, inplace: bool, dunder: bool) -> None:
    for overload in ["", "Tensor"]:
        s = f"{spelled}.{overload}" if overload else spelled
        name = OperatorName.parse(s)
        assert (name.base, name.inplace, name.dunder, name.overload_name) == (base, inplace, dunder, overload)
        assert str(name) == s
        assert name.plain_name == spelled


def test_unambiguous_name() -> None:
    assert OperatorName.parse("add_.Tensor").unambiguous_name() == "add__Tensor"
    assert OperatorName.parse("add.out").unambiguous_name() == "add_out"
    assert OperatorName.parse("add").unambiguous_name() == "add"
    assert OperatorName.parse("__iand__.Scalar").unambiguous_name() == "__iand___Scalar"


@pytest.mark.parametrize(
    "s, kind",
    [
        ("add.Tensor(Tensor self, Tensor other) -> Tensor", SchemaKind.functional),
        ("add_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)", SchemaKind.inplace),
        ("add.out(Tensor self, Tensor other, *, Tensor(a!) out) -> Tensor(a!)", SchemaKind.out),
        ("_amp_update_scale_(Tensor(a!) self, Tensor(b!) growth_tracker) -> Tensor(a!)", SchemaKind.inplace),
        ("bn(Tensor input, Tensor(a!) running_mean, float eps) -> Tensor", SchemaKind.mutable),
        ("f.out(Tensor self, *, Tensor(a!) out, Tensor(b!) _scratch_buf) -> Tensor(a!)", SchemaKind.scratch),
        ("__iand__.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)", SchemaKind.inplace),
    ],
)
def test_kind(s: str, kind: SchemaKind) -> None:
    assert FunctionSchema.parse(s).kind() is kind


def test_arguments_properties() -> None:
    where = FunctionSchema.parse("where.self(Tensor condition, Tensor self, Tensor other) -> Tensor")
    assert where.arguments.self_arg is where.arguments.positional[1]
    assert FunctionSchema.parse("cat(Tensor[] tensors, int dim=0) -> Tensor").arguments.self_arg is None

    zeros = FunctionSchema.parse(
        "zeros(SymInt[] size, *, Dimname[]? names, ScalarType? dtype=None, Layout? layout=None, "
        "Device? device=None, bool? pin_memory=None) -> Tensor"
    )
    opts = zeros.arguments.tensor_options
    assert opts is not None and [a.name for a in opts] == ["dtype", "layout", "device", "pin_memory"]
    assert zeros.arguments.has_tensor_options
    partial = FunctionSchema.parse("to(Tensor self, *, ScalarType? dtype=None, Device? device=None) -> Tensor")
    assert not partial.arguments.has_tensor_options


def test_signature_pairs_functional_inplace_and_out() -> None:
    functional = FunctionSchema.parse("add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor")
    inplace = FunctionSchema.parse("add_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)")
    out = FunctionSchema.parse("add.out(Tensor self, Tensor other, *, Scalar alpha=1, Tensor(a!) out) -> Tensor(a!)")
    sig = functional.signature()
    assert str(sig) == "add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor"
    assert inplace.signature() == sig == out.signature()
    assert FunctionSchema.parse("add.Tensor(Tensor self, Tensor other, *, Scalar alpha=2) -> Tensor").signature(
        strip_default=True
    ) == out.signature(strip_default=True)

    # Named returns and the TensorOptions group are not part of the signature.
    max_dim = FunctionSchema.parse(
        "max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)"
    )
    max_out = FunctionSchema.parse(
        "max.dim_max(Tensor self, int dim, bool keepdim=False, *, Tensor(a!) max, Tensor(b!) max_values)"
        " -> (Tensor(a!) values, Tensor(b!) indices)"
    )
    assert max_dim.signature() == max_out.signature()
    zeros = FunctionSchema.parse(
        "zeros(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, "
        "bool? pin_memory=None) -> Tensor"
    )
    assert (
        zeros.signature()
        == FunctionSchema.parse("zeros.out(SymInt[] size, *, Tensor(a!) out) -> Tensor(a!)").signature()
    )

    # A written argument that is not returned becomes an extra return.
    mutable = FunctionSchema.parse("bn(Tensor input, Tensor(a!) running_mean) -> Tensor")
    assert str(mutable.signature()) == "bn(Tensor input, Tensor running_mean) -> (Tensor, Tensor)"

    # Different functions never share a signature.
    assert FunctionSchema.parse("sub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor").signature() != sig


@pytest.mark.parametrize(
    "s, message",
    [
        ("add(Tensr self) -> Tensor", "unknown type 'Tensr'; did you mean 'Tensor'? (column 5 of"),
        (
            "add(Tensor self,Tensor b) -> Tensor",
            "expected ', ' or ')' after an argument, found ',Tensor b) -' (column 16",
        ),
        ("add(Tensor self, ) -> Tensor", "expected an argument after ', ' (column 18"),
        ("add(Tensor self) ->Tensor", "expected ' -> ' between the arguments and the returns"),
        ("add(Tensor self)", "expected ' -> ' between the arguments and the returns, found the end of the string"),
        ("add Tensor self) -> Tensor", "expected '(' after the operator name, found ' Tensor self'"),
        ("add(Tensor self) -> (Tensor)", "a single return is written without parentheses (column 21"),
        ("add(Tensor self) -> Tensor extra stuff", "unexpected text after the returns, found ' stuff' (column 33"),
        ("add(int(a) self) -> Tensor", "alias annotation on non-Tensor type 'int'"),
        ("add(Tensor(a|b!) self) -> Tensor", "a written alias annotation must name a single alias set"),
        ("add(Tensor(A) self) -> Tensor", "expected an alias name such as 'a'"),
        ("add(Tensor self, *) -> Tensor", "'*' must be followed by keyword-only arguments (column 18"),
        (
            "add(Tensor self, *, int a, *, int b) -> Tensor",
            "'*' (start of keyword-only arguments) given twice (column 28",
        ),
        ("add(Tensor self, Tensor self) -> Tensor", "duplicate argument name 'self' (column 18"),
        ("f() -> (Tensor a, Tensor a)", "duplicate return name 'a'"),
        (
            "f(Tensor x, *, Tensor(a!) out, int y) -> Tensor",
            "keyword-only argument 'y' without a write annotation follows the out= arguments",
        ),
        (
            "f_(Tensor(a!) self, *, Tensor(b!) out) -> Tensor",
            "'f_' is in-place (its name ends in '_') and also has out= arguments",
        ),
        ('f(str s="abc) -> Tensor', "unterminated string default (column 9"),
        ("f(int[] s=[1,2) -> Tensor", "unterminated list default (column 11"),
        ("f(int x=) -> Tensor", "expected a default value, found ') -> Tensor' (column 9"),
        ("f(int[x] a) -> Tensor", "expected a list size"),
        ("f(int?? a) -> Tensor", "'?' given twice (column 7"),
        ("f(int) -> Tensor", "expected ' ' between an argument's type and its name, found ') -> Tensor'"),
        ("f.(int x) -> Tensor", "expected an overload name"),
        ("(int x) -> Tensor", "expected an operator name, found '(int x) -> T' (column 1"),
        ("", "expected an operator name, found the end of the string (column 1 of ''"),
    ],
)
def test_parse_errors(s: str, message: str) -> None:
    with pytest.raises(SchemaError) as info:
        FunctionSchema.parse(s)
    assert message in str(info.value)
    assert repr(s) in str(info.value)


def test_schema_error_location() -> None:
    e = SchemaError("bad thing", Location("native_functions.yaml", 12))
    assert str(e) == "native_functions.yaml:12: bad thing"
    assert str(SchemaError("bad thing")) == "bad thing"
    errors = SchemaErrors([SchemaError("b", Location("f.yaml", 9)), SchemaError("a", Location("f.yaml", 2))])
    assert str(errors) == "f.yaml:2: a\nf.yaml:9: b"
    assert isinstance(errors, SchemaError)


def test_frozen_and_hashable() -> None:
    f = FunctionSchema.parse(TRICKY[2])
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.name = OperatorName.parse("sub")  # type: ignore[misc]
    assert len({f, FunctionSchema.parse(TRICKY[2])}) == 1


def test_check_schema_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = REPO / "tests/codegen/fixtures/good.yaml"
    assert main(["check-schema", str(good), str(good)]) == 0
    assert capsys.readouterr().out == "18 schemas OK\n"

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "- func: relu(Tensor self) -> Tensor\n"
        "  whatever: ignored by check-schema\n"
        "- func: neg(Tensor self) ->Tensor\n"
        "- variants: method\n"
        "- func: abs(Tensr self) -> Tensor\n"
    )
    assert main(["check-schema", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{bad}:3: expected ' -> '")
    assert err[1] == f"{bad}:4: entry has no 'func' schema string"
    assert err[2].startswith(f"{bad}:5: unknown type 'Tensr'")
    assert err[3] == "3 errors"

    assert main(["check-schema", str(tmp_path / "missing.yaml")]) == 1
    assert "cannot read schema file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
