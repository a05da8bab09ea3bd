"""ember.linalg: PyTorch's torch.linalg namespace.

Every generated operator named `linalg_<name>` is ember.linalg.<name> (inv, solve,
det, slogdet, cholesky, qr, eigh, eigvalsh, svd, svdvals, pinv, matrix_rank,
matrix_norm, matrix_power, vector_norm, and any later ones), plus the functions
PyTorch writes in Python (norm). The factorizations run through LAPACK on the CPU,
for float32 and float64; errors a matrix causes (singular, not positive-definite,
no convergence) raise LinAlgError, a RuntimeError.
"""

from __future__ import annotations

from typing import Any, Sequence

from ember import _C
from ember.functional import _copy_to_out

LinAlgError = _C._LinAlgError

_ops = _C._VariableFunctions
for _name in dir(_ops):
    if _name.startswith("linalg_"):
        globals()[_name[len("linalg_"):]] = getattr(_ops, _name)
del _name

__all__ = ["LinAlgError", "norm"] + sorted(n[len("linalg_"):] for n in dir(_ops) if n.startswith("linalg_"))


def norm(A: Any, ord: Any = None, dim: int | Sequence[int] | None = None, keepdim: bool = False, *,
         out: Any = None, dtype: Any = None) -> Any:
    """torch.linalg.norm: a vector norm when dim is an int (or A is 1-D and dim is
    None), a matrix norm when dim is a 2-tuple (or A is 2-D and dim is None); with
    ord=None and dim=None, the 2-norm of A flattened."""
    if dim is not None and not isinstance(dim, int):
        dim = tuple(dim)
    if ord is None and dim is None:
        result = _ops.linalg_vector_norm(A, 2, None, keepdim, dtype=dtype)
    elif isinstance(dim, tuple) and len(dim) == 2 or (dim is None and A.dim() == 2):
        mdim = dim if dim is not None else (-2, -1)
        result = _ops.linalg_matrix_norm(A, "fro" if ord is None else ord, mdim, keepdim, dtype=dtype)
    elif isinstance(ord, str):
        raise RuntimeError(f"linalg.norm: If dim is specified, it must be of length 1 or 2. Got {dim!r}"
                           if dim is not None else f"linalg.norm: If dim is not specified but ord is, the input "
                           f"must be 1D or 2D. Got {A.dim()}D.")
    else:
        if dim is None and A.dim() != 1:
            raise RuntimeError(f"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. "
                               f"Got {A.dim()}D.")
        result = _ops.linalg_vector_norm(A, 2 if ord is None else ord, dim, keepdim, dtype=dtype)
    return _copy_to_out(result, out)
