"""ember.linalg: PyTorch's torch.linalg names for the linear-algebra operators whose
schemas are spelled linalg_* in native_functions.yaml (PyTorch's python_module:
linalg). Each is the generated operator under its short name.
"""

from __future__ import annotations

from typing import Any

from ember import _C

_VF = _C._VariableFunctions

__all__ = ["cross", "multi_dot", "vector_norm"]


def cross(input: Any, other: Any, *, dim: int = -1, out: Any = None) -> Any:
    """Cross product of 3-vectors along `dim`, batch dims broadcast."""
    if out is None:
        return _VF.linalg_cross(input, other, dim=dim)
    return _VF.linalg_cross(input, other, dim=dim, out=out)


def multi_dot(tensors: Any, *, out: Any = None) -> Any:
    """The product of a chain of matrices (1-D first/last allowed), cheapest order first."""
    if out is None:
        return _VF.linalg_multi_dot(tensors)
    return _VF.linalg_multi_dot(tensors, out=out)


def vector_norm(x: Any, ord: Any = 2, dim: Any = None, keepdim: bool = False, *, dtype: Any = None) -> Any:
    """The vector ord-norm over `dim` (all dims when None)."""
    return _VF.linalg_vector_norm(x, ord, dim, keepdim, dtype=dtype)
