"""The Python-level forms of some operators, as in PyTorch's torch.functional: tensors
given as *args (broadcast_tensors, meshgrid, atleast_Nd, chain_matmul, einsum),
tensordot's `dims` (an int or two lists), einsum's sublist format and cdist's
compute_mode string, and norm (torch.norm's p='fro' default). Each maps its
arguments onto generated operators (native_functions.yaml); nothing is computed here.
"""

from __future__ import annotations

from typing import Any, Sequence

from ember import _C

_VF = _C._VariableFunctions

__all__ = [
    "atleast_1d",
    "atleast_2d",
    "atleast_3d",
    "broadcast_tensors",
    "cdist",
    "chain_matmul",
    "einsum",
    "meshgrid",
    "norm",
    "tensordot",
    "unique",
    "unique_consecutive",
]


def broadcast_tensors(*tensors: Any) -> Any:
    """broadcast_tensors(*tensors): views of the tensors broadcast to one shape."""
    return _VF.broadcast_tensors(tensors)


def _atleast(op: Any, tensors: tuple) -> Any:
    # One argument is either a tensor or a sequence of them (PyTorch's rule).
    return op(tensors[0] if len(tensors) == 1 else tensors)


def atleast_1d(*tensors: Any) -> Any:
    """atleast_1d(t) or atleast_1d(t1, t2, ...) / atleast_1d([t1, t2])."""
    return _atleast(_VF.atleast_1d, tensors)


def atleast_2d(*tensors: Any) -> Any:
    return _atleast(_VF.atleast_2d, tensors)


def atleast_3d(*tensors: Any) -> Any:
    return _atleast(_VF.atleast_3d, tensors)


def meshgrid(*tensors: Any, indexing: str | None = None) -> Any:
    """meshgrid(*tensors, indexing='ij'|'xy'): coordinate grids (views)."""
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    kwargs = {} if indexing is None else {"indexing": indexing}
    return _VF.meshgrid(tensors, **kwargs)


def tensordot(a: Any, b: Any, dims: Any = 2, out: Any = None) -> Any:
    """tensordot(a, b, dims): dims=n contracts a's last n dims with b's first n;
    dims=([a dims], [b dims]) names the pairs."""
    from ember import Tensor

    if not isinstance(dims, (tuple, list, Tensor, int)):
        # PyTorch's type: RuntimeError, not TypeError.
        raise RuntimeError(  # noqa: TRY004
            "tensordot expects dims to be int or tuple[list[int], list[int]] or "
            f"list[list[int]] containing two lists, but got dims={dims}")
    if isinstance(dims, Tensor):
        dims = dims.tolist() if dims.numel() > 1 else int(dims.item())
    if isinstance(dims, int):
        if dims < 0:
            raise RuntimeError(f"tensordot expects dims >= 0, but got dims={dims}")
        if dims > min(a.dim(), b.dim()):
            raise RuntimeError(f"tensordot expects dims < ndim_a or ndim_b, but got dims={dims}")
        dims_a, dims_b = list(range(-dims, 0)), list(range(dims))
    else:
        dims_a, dims_b = dims
        dims_a = [dims_a] if isinstance(dims_a, int) else list(dims_a)
        dims_b = [dims_b] if isinstance(dims_b, int) else list(dims_b)
    if out is None:
        return _VF.tensordot(a, b, dims_a, dims_b)
    return _VF.tensordot(a, b, dims_a, dims_b, out=out)


def _sublist_label(n: Any) -> str:
    if n is Ellipsis:
        return "..."
    if 0 <= n < 26:
        return chr(ord("A") + n)
    if 26 <= n < 52:
        return chr(ord("a") + n - 26)
    raise ValueError("einsum(): subscript in subscript list is not within the valid range [0, 52)")


def einsum(*args: Any) -> Any:
    """einsum(equation, *operands), einsum(equation, [operands]) or the sublist form
    einsum(op1, [labels1], op2, [labels2], ..., [output labels])."""
    from ember import Tensor

    if len(args) < 2:
        raise ValueError("einsum(): must specify the equation string and at least one operand, "
                         "or at least one operand and its subscripts list")
    if isinstance(args[0], Tensor):
        equation = ",".join("".join(_sublist_label(s) for s in labels) for labels in args[1::2])
        if len(args) % 2 == 1:
            equation += "->" + "".join(_sublist_label(s) for s in args[-1])
            operands = args[:-1:2]
        else:
            operands = args[::2]
    else:
        equation, operands = args[0], args[1:]
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    return _VF.einsum(equation, operands)


_CDIST_MODES = {"use_mm_for_euclid_dist_if_necessary": None, "use_mm_for_euclid_dist": 1,
                "donot_use_mm_for_euclid_dist": 2}


def cdist(x1: Any, x2: Any, p: float = 2.0,
          compute_mode: str = "use_mm_for_euclid_dist_if_necessary") -> Any:
    """cdist(x1, x2, p): p-norm distances between the rows of x1 and x2."""
    if compute_mode not in _CDIST_MODES:
        raise ValueError(f"{compute_mode} is not a valid value for compute_mode")
    return _VF.cdist(x1, x2, p, _CDIST_MODES[compute_mode])


def chain_matmul(*matrices: Any, out: Any = None) -> Any:
    """chain_matmul(m1, m2, ...): the product in the cheapest order (a single list or
    tuple of matrices is accepted too, as PyTorch's parser does)."""
    if len(matrices) == 1 and isinstance(matrices[0], (list, tuple)):
        matrices = tuple(matrices[0])
    if out is None:
        return _VF.chain_matmul(matrices)
    return _VF.chain_matmul(matrices, out=out)


def norm(input: Any, p: Any = "fro", dim: int | Sequence[int] | None = None, keepdim: bool = False,
         out: Any = None, dtype: Any = None) -> Any:
    """The norm of input, as torch.norm computes it: p='fro' (the default) or a number
    is a vector norm over `dim` (all elements when None); p='nuc' (or 'fro' over more
    than two dims) is linalg.matrix_norm over `dim`."""
    _dim = [dim] if isinstance(dim, int) else (list(dim) if dim is not None else None)
    if isinstance(p, str):
        if p == "fro" and (dim is None or isinstance(dim, int) or len(dim) <= 2):
            result = _VF.linalg_vector_norm(input, 2, _dim, keepdim, dtype=dtype)
        else:  # 'nuc', or 'fro' over more than two dims: a matrix norm (which checks dim)
            result = _VF.linalg_matrix_norm(input, p, _dim if _dim is not None else list(range(input.dim())),
                                            keepdim, dtype=dtype)
    else:
        result = _VF.linalg_vector_norm(input, 2.0 if p is None else p, _dim, keepdim, dtype=dtype)
    return _copy_to_out(result, out)


def _copy_to_out(result: Any, out: Any) -> Any:
    """out= for a result computed into a fresh tensor: resized and filled (same dtype), as
    PyTorch's out= rules require; the result itself when out is None."""
    if out is None:
        return result
    if out.dtype != result.dtype:
        raise RuntimeError(f"Expected out tensor to have dtype {result.dtype}, but got {out.dtype} instead")
    return out.resize_(result.shape).copy_(result)


def _unique_impl(input: Any, consecutive: bool, return_inverse: bool, return_counts: bool, dim: int | None) -> Any:
    """unique / unique_consecutive from sort, comparisons and cumsum: the groups of
    equal elements (or, with dim, equal slices along dim) become one output each."""
    if dim is None:
        rows = input.reshape(-1, 1)
    else:
        if input.dim() == 0:
            raise IndexError("Dimension specified as 0 but tensor has no dimensions")
        dim = dim + input.dim() if dim < 0 else dim
        if not 0 <= dim < input.dim():
            raise IndexError(f"Dimension out of range (expected to be in range of [{-input.dim()}, "
                             f"{input.dim() - 1}], but got {dim - input.dim() if dim < 0 else dim})")
        if input.numel() == 0 and input.shape[dim] != 0:
            raise RuntimeError("There are 0 sized dimensions, and they aren't selected, so unique cannot be applied")
        moved = _VF.movedim(input, dim, 0)
        width = 1
        for size in moved.shape[1:]:
            width *= size
        rows = moved.reshape(moved.shape[0], width)
    n = rows.shape[0]
    long = _C.int64
    if consecutive:
        perm = None
        ordered = rows
    else:
        # Lexicographic order of the rows: stable sorts from the last column to the first.
        perm = _VF.arange(n, dtype=long, device=input.device)
        for col in range(rows.shape[1] - 1, -1, -1):
            order = rows[perm, col].sort(stable=True).indices
            perm = perm[order]
        ordered = rows[perm]
    if n > 0:
        changed = (ordered[1:] != ordered[:-1])
        changed = changed.any(1) if rows.shape[1] > 0 else _VF.zeros(n - 1, dtype=_C.bool, device=input.device)
        starts = _VF.cat([_VF.ones(1, dtype=_C.bool, device=input.device), changed])
    else:
        starts = _VF.zeros(0, dtype=_C.bool, device=input.device)
    values = ordered[starts]
    if dim is None:
        values = values.reshape(-1)
    else:
        rest = list(_VF.movedim(input, dim, 0).shape[1:])
        values = _VF.movedim(values.reshape([values.shape[0]] + rest), 0, dim)
    result = [values]
    if return_inverse:
        group = starts.cumsum(0) - 1
        inverse = group if perm is None else _VF.empty(n, dtype=long, device=input.device).index_put_((perm,), group)
        result.append(inverse.reshape(input.shape) if dim is None else inverse)
    if return_counts:
        first = starts.nonzero().reshape(-1)
        ends = _VF.cat([first[1:], _VF.full((1,), n, dtype=long, device=input.device)]) if first.numel() else first
        result.append(ends - first)
    return result[0] if len(result) == 1 else tuple(result)


def unique(input: Any, sorted: bool = True, return_inverse: bool = False, return_counts: bool = False,
           dim: int | None = None) -> Any:
    """The distinct elements of input (or distinct slices along dim), sorted, with the
    inverse indices and counts on request (torch.unique; sorted=False returns them
    sorted as well). NaNs are all distinct, as in PyTorch."""
    return _unique_impl(input, False, return_inverse, return_counts, dim)


def unique_consecutive(input: Any, return_inverse: bool = False, return_counts: bool = False,
                       dim: int | None = None) -> Any:
    """Collapses each run of equal consecutive elements (or slices along dim) to one."""
    return _unique_impl(input, True, return_inverse, return_counts, dim)
