"""The scanner and bracket scanners: what is code, what is a comment or a literal."""

from __future__ import annotations

import pytest

from hipify import lexer


def translated(tr, text: str) -> str:
    return tr.translate(text, "x.cpp").text


@pytest.mark.parametrize(
    "src",
    [
        "// cudaMalloc(p)\n",
        "/* cudaMalloc */\n",
        "/* multi\n line cudaMalloc\n */",
        "// continued \\\n cudaMalloc\n",
        "// continued crlf \\\r\n cudaMalloc\r\n",
        '"cudaMalloc"',
        '"esc \\" cudaMalloc"',
        "'c' \"cudaMalloc\"",
        'R"(cudaMalloc )" still raw)"',
        'R"x(cudaMalloc )" )x"',
        'u8R"(cudaMalloc)"',
        "/* unterminated cudaMalloc",
        'R"( unterminated raw cudaMalloc',
    ],
)
def test_comments_and_literals_are_left_alone(tr, src):
    assert translated(tr, src) == src


@pytest.mark.parametrize(
    "src, expected",
    [
        ("cudaMalloc(p);", "hipMalloc(p);"),
        ("x=cudaMalloc;y", "x=hipMalloc;y"),
        ("mycudaMalloc cudaMallocX _cudaMalloc cudaMalloc2", "mycudaMalloc cudaMallocX _cudaMalloc cudaMalloc2"),
        ("::cudaMalloc(p)", "::hipMalloc(p)"),
        ('"unterminated cudaMalloc\ncudaMalloc', '"unterminated cudaMalloc\nhipMalloc'),
        ("'x\ncudaFree", "'x\nhipFree"),
        # a digit separator is not a character literal
        ("int n = 1'000'000; cudaFree(p);", "int n = 1'000'000; hipFree(p);"),
        ("L'x' cudaFree u8'y' U'\"' cudaFree", "L'x' hipFree u8'y' U'\"' hipFree"),
        ("a = b / c; cudaFree(d) /2;", "a = b / c; hipFree(d) /2;"),
        ("0x1cudaFree 1e5cudaFree", "0x1cudaFree 1e5cudaFree"),
        # the include path is not scanned as identifiers
        ("#include <cudaMalloc/cudaFree.h>", "#include <cudaMalloc/cudaFree.h>"),
        ("#define X cudaMalloc", "#define X hipMalloc"),
        ("#if defined(__CUDACC__) && CUDART_VERSION >= 11000", "#if defined(__HIPCC__) && HIP_VERSION >= 11000"),
    ],
)
def test_whole_tokens_in_code(tr, src, expected):
    assert translated(tr, src) == expected


def test_nested_template_closers_are_not_a_launch(tr):
    src = "std::vector<std::vector<int>>> x; bool b = a<b<c>>>d;\n"
    r = tr.translate(src, "x.cpp")
    assert r.text == src
    assert r.stats.kernel_launches == 0


def test_split_args_nesting_and_literals():
    text = 'f(a, g(b, c), "x,)", \'(\', {1, 2}, v[i, j] /* , */)'
    spans, end = lexer.split_args(text, 1)
    assert [text[a:b] for a, b in spans] == ["a", "g(b, c)", '"x,)"', "'('", "{1, 2}", "v[i, j] /* , */"]
    assert end == len(text)


def test_split_args_unclosed_and_empty():
    assert lexer.split_args("f(a, b", 1) is None
    assert lexer.split_args("f(a; b)", 1) is None
    assert lexer.split_args("f()", 1) == ([], 3)
    assert lexer.split_args("f(  )", 1) == ([], 5)


def test_launch_config_split():
    text = "k<<<dim3(a, b), 128, sizeof(T) * 2, s>>>(x)"
    spans, end = lexer.split_args(text, 1, close=">>>")
    assert [text[a:b] for a, b in spans] == ["dim3(a, b)", "128", "sizeof(T) * 2", "s"]
    assert text[end:] == "(x)"


def test_qualified_name_and_angles():
    text = "ns::detail::kern<T, std::pair<int, 4>><<<"
    close = text.index("<<<") - 1
    lt = lexer.match_angle_backward(text, close)
    assert text[lt:close + 1] == "<T, std::pair<int, 4>>"
    assert text[lexer.qualified_name_start(text, lt):lt] == "ns::detail::kern"
    assert lexer.qualified_name_start("  ::k", 5) == 2
    assert lexer.qualified_name_start("(", 1) is None


def test_skip_space():
    text = "  /* a */ // b\n  x"
    assert text[lexer.skip_space(text, 0)] == "x"
