"""Functions PyTorch writes in Python on top of its operators (torch/functional.py),
with the same signatures and dispatch rules."""

from __future__ import annotations

from typing import Any, Sequence

from ember import _C

__all__ = ["norm"]


def norm(input: Any, p: Any = "fro", dim: int | Sequence[int] | None = None, keepdim: bool = False,
         out: Any = None, dtype: Any = None) -> Any:
    """The norm of input, as torch.norm computes it: p='fro' (the default) or a number
    is a vector norm over `dim` (all elements when None); p='nuc' (or 'fro' over more
    than two dims) is a matrix norm, which ember does not have yet."""
    _dim = [dim] if isinstance(dim, int) else (list(dim) if dim is not None else None)
    if isinstance(p, str):
        if not (p == "fro" and (dim is None or isinstance(dim, int) or len(dim) <= 2)):
            raise NotImplementedError(f"norm: p={p!r} needs linalg.matrix_norm, which ember does not have yet")
        p = 2
    result = _C._VariableFunctions.linalg_vector_norm(input, 2.0 if p is None else p, _dim, keepdim, dtype=dtype)
    if out is None:
        return result
    if out.dtype != result.dtype:
        raise RuntimeError(f"Expected out tensor to have dtype {result.dtype}, but got {out.dtype} instead")
    return out.resize_(result.shape).copy_(result)
