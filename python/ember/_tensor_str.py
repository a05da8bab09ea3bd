"""repr(tensor), formatted exactly like PyTorch's (torch/_tensor_str.py), with
``ember.`` where PyTorch writes ``torch.``.

The rules, which matter because programs and doctests print tensors:

* Floating values share one format chosen from the non-zero finite values: all
  integral -> ``1.``; otherwise fixed ``1.2346`` (``precision`` digits), or
  scientific ``1.2346e+05`` when max/min > 1000, max > 1e8 or min < 1e-4.
  Every element is right-aligned to the widest one.
* More than ``threshold`` (1000) elements are summarised: ``edgeitems`` (3) at each
  end of every dim, with ``...`` between.
* Rows wrap at ``linewidth`` (80) columns.
* Suffixes: ``device='cuda:0'`` off the CPU; ``dtype=ember.int32`` unless the dtype
  is the default float, int64 or bool; for an empty tensor ``size=(0, 3)`` when
  not 1-D and the dtype unless it is the default float.

Formatting reads elements through ``tolist()`` (float16/bfloat16 as float32, as
PyTorch does), so it needs no tensor operators beyond indexing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import ember


@dataclass
class _PrintOptions:
    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: bool | None = None


PRINT_OPTS = _PrintOptions()


def set_printoptions(
    precision: int | None = None,
    threshold: float | None = None,
    edgeitems: int | None = None,
    linewidth: int | None = None,
    profile: str | None = None,
    sci_mode: bool | None = None,
) -> None:
    """Like torch.set_printoptions: profile is "default", "short" or "full"."""
    if profile is not None:
        if profile == "default":
            PRINT_OPTS.precision, PRINT_OPTS.threshold = 4, 1000
            PRINT_OPTS.edgeitems, PRINT_OPTS.linewidth = 3, 80
        elif profile == "short":
            PRINT_OPTS.precision, PRINT_OPTS.threshold = 2, 1000
            PRINT_OPTS.edgeitems, PRINT_OPTS.linewidth = 2, 80
        elif profile == "full":
            PRINT_OPTS.precision, PRINT_OPTS.threshold = 4, math.inf
            PRINT_OPTS.edgeitems, PRINT_OPTS.linewidth = 3, 80
        else:
            raise ValueError(f"unknown print profile {profile!r}: expected default, short or full")
    if precision is not None:
        PRINT_OPTS.precision = precision
    if threshold is not None:
        PRINT_OPTS.threshold = threshold
    if edgeitems is not None:
        PRINT_OPTS.edgeitems = edgeitems
    if linewidth is not None:
        PRINT_OPTS.linewidth = linewidth
    PRINT_OPTS.sci_mode = sci_mode


def get_printoptions() -> dict[str, Any]:
    return dict(vars(PRINT_OPTS))


def _summarized_values(t: ember.Tensor, summarize: bool) -> list:
    """The elements the formatter sees: all of them, or only the edges when summarising
    (PyTorch's get_summarized_data)."""
    if t.dim() == 0:
        return [t.item()]
    if not summarize:
        return _flatten(t.tolist())
    edge = PRINT_OPTS.edgeitems
    n = t.size(0)
    if t.dim() == 1:
        return t[:edge].tolist() + t[-edge:].tolist() if n > 2 * edge else t.tolist()
    rows = list(range(edge)) + list(range(n - edge, n)) if n > 2 * edge else range(n)
    return [v for i in rows for v in _summarized_values(t[i], True)]


def _flatten(nested) -> list:
    out: list = []
    stack = [nested]
    while stack:
        x = stack.pop()
        if isinstance(x, list):
            stack.extend(reversed(x))
        else:
            out.append(x)
    return out


class _Formatter:
    def __init__(self, values: list, floating: bool):
        self.floating_dtype = floating
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        if not floating:
            for v in values:
                self.max_width = max(self.max_width, len(f"{v}"))
        else:
            nonzero_finite = [v for v in values if math.isfinite(v) and v != 0]
            if nonzero_finite:
                absvals = [abs(v) for v in nonzero_finite]
                vmin, vmax = min(absvals), max(absvals)
                self.int_mode = all(v == math.ceil(v) for v in nonzero_finite)
                p = PRINT_OPTS.precision
                if self.int_mode:
                    # Integral floats print as "1."; the dot is part of the width.
                    if vmax / vmin > 1000.0 or vmax > 1.0e8:
                        self.sci_mode = True
                        widths = (len(f"{v:.{p}e}") for v in nonzero_finite)
                    else:
                        widths = (len(f"{v:.0f}") + 1 for v in nonzero_finite)
                elif vmax / vmin > 1000.0 or vmax > 1.0e8 or vmin < 1.0e-4:
                    self.sci_mode = True
                    widths = (len(f"{v:.{p}e}") for v in nonzero_finite)
                else:
                    widths = (len(f"{v:.{p}f}") for v in nonzero_finite)
                self.max_width = max(self.max_width, max(widths))
        if PRINT_OPTS.sci_mode is not None:
            self.sci_mode = PRINT_OPTS.sci_mode

    def width(self) -> int:
        return self.max_width

    def format(self, value) -> str:
        if self.floating_dtype:
            p = PRINT_OPTS.precision
            if self.sci_mode:
                ret = f"{value:{self.max_width}.{p}e}"
            elif self.int_mode:
                ret = f"{value:.0f}"
                if not (math.isinf(value) or math.isnan(value)):
                    ret += "."
            else:
                ret = f"{value:.{p}f}"
        else:
            ret = f"{value}"
        return (self.max_width - len(ret)) * " " + ret


def _vector_str(t: ember.Tensor, indent: int, summarize: bool, formatter: _Formatter) -> str:
    element_length = formatter.width() + 2
    elements_per_line = max(1, math.floor((PRINT_OPTS.linewidth - indent) / element_length))
    edge = PRINT_OPTS.edgeitems
    if summarize and not edge:
        data = ["..."]
    elif summarize and t.size(0) > 2 * edge:
        data = (
            [formatter.format(v) for v in t[:edge].tolist()]
            + [" ..."]
            + [formatter.format(v) for v in t[-edge:].tolist()]
        )
    else:
        data = [formatter.format(v) for v in t.tolist()]
    lines = [", ".join(data[i : i + elements_per_line]) for i in range(0, len(data), elements_per_line)]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(lines) + "]"


def _tensor_str_with_formatter(t: ember.Tensor, indent: int, summarize: bool, formatter: _Formatter) -> str:
    dim = t.dim()
    if dim == 0:
        return formatter.format(t.item())
    if dim == 1:
        return _vector_str(t, indent, summarize, formatter)
    edge = PRINT_OPTS.edgeitems
    n = t.size(0)
    if summarize and n > 2 * edge:
        slices = (
            [_tensor_str_with_formatter(t[i], indent + 1, summarize, formatter) for i in range(edge)]
            + ["..."]
            + [_tensor_str_with_formatter(t[i], indent + 1, summarize, formatter) for i in range(n - edge, n)]
        )
    else:
        slices = [_tensor_str_with_formatter(t[i], indent + 1, summarize, formatter) for i in range(n)]
    return "[" + ("," + "\n" * (dim - 1) + " " * (indent + 1)).join(slices) + "]"


def _tensor_str(t: ember.Tensor, indent: int) -> str:
    if t.numel() == 0:
        return "[]"
    summarize = t.numel() > PRINT_OPTS.threshold
    if t.dtype in (ember.float16, ember.bfloat16):
        t = t.float()
    if t.device.type != "cpu":
        t = t.cpu()
    if summarize and not PRINT_OPTS.edgeitems:
        values: list = []
    else:
        values = _summarized_values(t, summarize)
    formatter = _Formatter(values, t.dtype.is_floating_point)
    return _tensor_str_with_formatter(t, indent, summarize, formatter)


def _add_suffixes(tensor_str: str, suffixes: list[str], indent: int) -> str:
    parts = [tensor_str]
    last_line_len = len(tensor_str) - tensor_str.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > PRINT_OPTS.linewidth:
            parts.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)


def _str(t: ember.Tensor) -> str:
    prefix = "tensor("
    indent = len(prefix)
    suffixes = []
    if t.device.type != "cpu":
        suffixes.append(f"device='{t.device}'")
    default = ember.get_default_dtype()
    has_default_dtype = t.dtype in (default, ember.int64, ember.bool)
    if t.numel() == 0:
        if t.dim() != 1:
            suffixes.append(f"size={tuple(t.shape)}")
        if t.dtype != default:
            suffixes.append(f"dtype={t.dtype}")
        tensor_str = "[]"
    else:
        if not PRINT_OPTS.edgeitems:
            suffixes.append(f"size={tuple(t.shape)}")
        if not has_default_dtype:
            suffixes.append(f"dtype={t.dtype}")
        tensor_str = _tensor_str(t, indent)
    return _add_suffixes(prefix + tensor_str, suffixes, indent)
