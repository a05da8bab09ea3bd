"""Kernel launches: `k<<<grid, block, shmem, stream>>>(args)` -> `hipLaunchKernelGGL(...)`.

HIP accepts the triple-chevron syntax, so this rewrite only runs on request
(``--hip-kernel-execution-syntax``, hipify-clang's name). It is a second pass over the
already-translated text: the launch is parsed with the bracket scanners of ``lexer`` (which
skip comments and literals), so nested parentheses, templates and commas in the
configuration and the arguments are kept intact. ``>>>`` is only ever looked for after a
``<<<``; ``a<b<c>>>`` elsewhere is three template closers.

Output shape, as hipify-clang writes it::

    hipLaunchKernelGGL(kernel, dim3(grid), dim3(block), shmem, stream, args...)
    hipLaunchKernelGGL(HIP_KERNEL_NAME(kernel<T, 4>), dim3(grid), dim3(block), 0, 0, args...)

A missing shared-memory size or stream becomes ``0``; a configuration already spelled
``dim3(...)`` is not wrapped twice.
"""

from __future__ import annotations

import re

from hipify import lexer

_DIM3_CALL = re.compile(r"dim3\s*\(")


def rewrite_launches(text: str, positions: list[int]) -> tuple[str, int, list[int]]:
    """Rewrite the launches whose ``<<<`` is at ``positions`` (sorted, all in code).

    Returns the new text, the number rewritten, and the indices into ``positions`` of the
    launches that could not be parsed (left as written).
    """
    out: list[str] = []
    last = 0
    failures: list[int] = []
    budget = lexer.ScanBudget(len(text))
    for i, pos in enumerate(positions):
        parsed = _parse_launch(text, pos, budget) if pos >= last else None
        if parsed is None or parsed[0] < last:
            failures.append(i)
            continue
        start, end, replacement = parsed
        out.append(text[last:start])
        out.append(replacement)
        last = end
    if not out:
        return text, 0, failures
    out.append(text[last:])
    return "".join(out), len(positions) - len(failures), failures


def _parse_launch(text: str, open_pos: int, budget: lexer.ScanBudget | None = None) -> tuple[int, int, str] | None:
    """(start, end, replacement) for the launch whose `<<<` is at ``open_pos``."""
    # The kernel: a possibly qualified name, possibly with template arguments.
    e = open_pos
    while e > 0 and text[e - 1].isspace():
        e -= 1
    name_end = e
    templated = False
    if e > 0 and text[e - 1] == ">":
        lt = lexer.match_angle_backward(text, e - 1)
        if lt is None:
            return None
        e = lt
        while e > 0 and text[e - 1] in " \t":
            e -= 1
        templated = True
    start = lexer.qualified_name_start(text, e)
    if start is None:
        return None
    config = lexer.split_args(text, open_pos, close=">>>", budget=budget)
    if config is None:
        return None
    spans, after = config
    if not 2 <= len(spans) <= 4 or any(a == b for a, b in spans):
        return None
    p = lexer.skip_space(text, after)
    if not text.startswith("(", p):
        return None
    call = lexer.split_args(text, p, budget=budget)
    if call is None:
        return None
    end = call[1]

    kernel = text[start:name_end]
    if templated:
        kernel = f"HIP_KERNEL_NAME({kernel})"
    grid, block = (_dim3(text, a, b) for a, b in spans[:2])
    shmem = text[slice(*spans[2])] if len(spans) > 2 else "0"
    stream = text[slice(*spans[3])] if len(spans) > 3 else "0"
    head = f"hipLaunchKernelGGL({kernel}, {grid}, {block}, {shmem}, {stream}"
    inner = text[p + 1 : end - 1]
    if not inner.strip():
        return start, end, head + ")"
    inner = inner.lstrip(" \t")
    sep = "," if inner[0] in "\r\n" else ", "
    return start, end, f"{head}{sep}{inner})"


def _dim3(text: str, a: int, b: int) -> str:
    expr = text[a:b]
    m = _DIM3_CALL.match(text, a)
    if m is not None:
        split = lexer.split_args(text, m.end() - 1)
        if split is not None and split[1] == b:
            return expr  # already a dim3
    return f"dim3({expr})"
