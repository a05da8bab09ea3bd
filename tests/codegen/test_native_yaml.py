"""Loading and validating ember's native_functions.yaml.

Each ``fixtures/bad_*.yaml`` states the errors it must produce in comments::

    # expect: LINE: text the error message at that line contains

and must produce no other error.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from codegen.__main__ import main
from codegen.model import FunctionSchema, Location, OperatorName, SchemaError, SchemaErrors
from codegen.native_yaml import (
    FrozenMap,
    NativeFunction,
    Variant,
    check_kernels_defined,
    default_kernel_name,
    kernels_defined_in,
    parse_native_yaml,
)

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good.yaml"
BAD = sorted(FIXTURES.glob("bad_*.yaml"))


@pytest.fixture(scope="module")
def good() -> dict[str, NativeFunction]:
    return {str(f.name): f for f in parse_native_yaml(GOOD)}


def test_good_fixture(good: dict[str, NativeFunction]) -> None:
    assert list(good) == [
        "add.out",
        "add.Tensor",
        "add_.Tensor",
        "zeros",
        "zeros.out",
        "max.dim",
        "max.dim_max",
        "relu",
        "_internal_helper",
    ]
    add_out, add, add_ = good["add.out"], good["add.Tensor"], good["add_.Tensor"]
    assert add_out.loc == Location(str(GOOD), 2)
    assert add.loc.line == 9
    assert dict(add_out.dispatch) == {"CPU": "add_out", "CUDA": "add_out_cuda"}
    assert add_out.structured and not add.structured
    assert add_out.variants == frozenset({Variant.function})
    assert add.variants == frozenset({Variant.function, Variant.method})
    assert add.is_method and add.is_function and not add_.is_function
    assert add.structured_delegate == add_.structured_delegate == OperatorName.parse("add.out")
    assert add.dispatch == {}  # kernels come from the delegate
    assert add.doc == "Adds ``other``, scaled by ``alpha``, to ``self``.\n"
    assert add.derivatives == {"self": "grad", "other": "maybe_multiply(grad, alpha)"}
    assert add.tags == frozenset({"pointwise", "core"}) and add_out.tags == frozenset({"pointwise"})
    assert dict(good["zeros.out"].dispatch) == {"CPU": "zeros_out", "CUDA": "zeros_out"}
    assert good["relu"].python_module == "nn"
    helper = good["_internal_helper"]
    assert not helper.python_binding and helper.manual_cpp_binding
    assert good["relu"].python_binding and not good["relu"].manual_cpp_binding


def test_default_dispatch(good: dict[str, NativeFunction]) -> None:
    # Note [Default dispatch]
    assert dict(good["relu"].dispatch) == {"CompositeImplicitAutograd": "relu"}
    parse = FunctionSchema.parse
    assert default_kernel_name(parse("add_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)")) == "add_"
    assert default_kernel_name(parse("add.out(Tensor self, *, Tensor(a!) out) -> Tensor(a!)")) == "add_out"
    assert default_kernel_name(parse("__iand__.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)")) == "__iand__"


def test_native_functions_are_frozen_values(good: dict[str, NativeFunction]) -> None:
    again = {str(f.name): f for f in parse_native_yaml(GOOD)}
    assert again == good
    assert len(set(good.values()) | set(again.values())) == len(good)
    m = FrozenMap({"CPU": "a"})
    assert hash(m) == hash(FrozenMap([("CPU", "a")])) and m == {"CPU": "a"}
    with pytest.raises(TypeError):
        m["CUDA"] = "b"  # type: ignore[index]


def test_backends_filter() -> None:
    cpu_only = {str(f.name): f for f in parse_native_yaml(GOOD, backends=["CPU"])}
    assert dict(cpu_only["add.out"].dispatch) == {"CPU": "add_out"}
    assert dict(cpu_only["zeros"].dispatch) == {"CompositeExplicitAutograd": "zeros"}
    with pytest.raises(ValueError, match="unknown backends"):
        parse_native_yaml(GOOD, backends=["TPU"])


def _expectations(path: Path) -> list[tuple[int, str]]:
    return [(int(m[1]), m[2]) for m in re.finditer(r"^# expect: (\d+): (.*)$", path.read_text(), re.M)]


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_fixture(path: Path) -> None:
    expected = _expectations(path)
    assert expected, f"{path.name} states no '# expect: LINE: message' comments"
    with pytest.raises(SchemaErrors) as info:
        parse_native_yaml(path)
    errors = info.value.errors
    got = [(e.loc.line if e.loc else 0, str(e)) for e in errors]
    assert [line for line, _ in got] == sorted(line for line, _ in got), "errors are sorted by line"
    for e in errors:
        assert e.loc is not None and e.loc.file == str(path)
        assert str(e).startswith(f"{path}:{e.loc.line}: ")
    for line, text in expected:
        assert any(gl == line and text in gs for gl, gs in got), f"no error at line {line} with {text!r}: {got}"
    for gl, gs in got:
        assert any(gl == line and text in gs for line, text in expected), f"unexpected error {gs}"


def test_duplicate_overload_cites_both_lines() -> None:
    path = FIXTURES / "bad_duplicate_overload.yaml"
    with pytest.raises(SchemaErrors) as info:
        parse_native_yaml(path)
    assert str(info.value) == f"{path}:6: duplicate overload 'add.Tensor' (first declared at {path}:2)"


def test_unambiguous_name_collision(tmp_path: Path) -> None:
    p = tmp_path / "n.yaml"
    p.write_text(
        "- func: add_out(Tensor self) -> Tensor\n- func: add.out(Tensor self, *, Tensor(a!) out) -> Tensor(a!)\n"
    )
    with pytest.raises(
        SchemaErrors, match=r"n.yaml:2: 'add.out' and 'add_out' \(.*n.yaml:1\) both map to the C\+\+ name 'add_out'"
    ):
        parse_native_yaml(p)


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.yaml"
    p.write_text("# nothing yet\n")
    assert parse_native_yaml(p) == []


KERNELS_CPP = """\
#include "ember/native/ops.h"
// Tensor commented_out(const Tensor& self) { return self; }
/* Tensor block_commented(const Tensor& self) {
     return self; } */
namespace ember::native {

Tensor& add_out(const Tensor& self, const Tensor& other, const Scalar& alpha, Tensor& out) {
  const char* s = "}";  // a brace in a string does not end the namespace
  return out;
}

static inline std::tuple<Tensor, Tensor>
max_dim_helper(const Tensor& self);  // declared only, defined nowhere

template <typename T>
Tensor relu(const Tensor& self)
    noexcept {
  if (self.defined()) {
    return relu_impl<T>(self);
  }
}

}  // namespace ember::native

Tensor outside_namespace(const Tensor& self) { return self; }
"""

KERNELS_CU = """\
namespace ember {
namespace native {
std::tuple<Tensor, Tensor> max_dim_cuda(const Tensor& self, int64_t dim, bool keepdim) {
  return {};
}
}  // namespace native
}  // namespace ember
"""


def test_kernels_defined_in(tmp_path: Path) -> None:
    (tmp_path / "cpu").mkdir()
    (tmp_path / "cpu" / "add.cpp").write_text(KERNELS_CPP)
    (tmp_path / "cuda").mkdir()
    (tmp_path / "cuda" / "max.cu").write_text(KERNELS_CU)
    (tmp_path / "notes.txt").write_text("namespace ember::native { Tensor not_a_source(int x) {} }")
    found = kernels_defined_in([tmp_path])
    assert {"add_out", "relu", "max_dim_cuda"} <= found
    for missing in ["commented_out", "block_commented", "max_dim_helper", "outside_namespace", "not_a_source"]:
        assert missing not in found


def test_check_kernels_defined(tmp_path: Path) -> None:
    (tmp_path / "add.cpp").write_text(KERNELS_CPP)
    functions = parse_native_yaml(GOOD)
    with pytest.raises(SchemaErrors) as info:
        check_kernels_defined(functions, [tmp_path])
    lines = str(info.value).splitlines()
    assert f"{GOOD}:2: add.out: CUDA kernel 'add_out_cuda' is not defined in namespace ember::native" in lines
    assert not any("'add_out'" in line or "'relu'" in line for line in lines)
    assert f"{GOOD}:27: zeros.out: CPU, CUDA kernel 'zeros_out' is not defined in namespace ember::native" in lines
    assert len(lines) == len(info.value.errors) == 7
    (tmp_path / "rest.cu").write_text(
        "namespace ember::native {\n"
        + "".join(
            f"Tensor {k}(const Tensor& self) {{ return self; }}\n"
            for k in [
                "add_out_cuda",
                "zeros",
                "zeros_out",
                "max_dim",
                "max_dim_cuda",
                "max_dim_out",
                "_internal_helper",
            ]
        )
        + "}\n"
    )
    check_kernels_defined(functions, [tmp_path])


def test_check_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(GOOD)]) == 0
    assert capsys.readouterr().out == "9 native functions OK\n"

    bad = FIXTURES / "bad_many.yaml"
    assert main(["check", str(GOOD), str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == len(_expectations(bad)) + 1 and err[-1] == f"{len(err) - 1} errors"
    assert all(line.startswith(f"{bad}:") for line in err[:-1])

    (tmp_path / "k.cpp").write_text(KERNELS_CPP)
    assert main(["check", str(GOOD), "--kernels", str(tmp_path)]) == 1
    assert "kernel 'add_out_cuda' is not defined" in capsys.readouterr().err


def test_schema_errors_is_a_schema_error() -> None:
    with pytest.raises(SchemaError):
        parse_native_yaml(FIXTURES / "bad_top_level.yaml")
