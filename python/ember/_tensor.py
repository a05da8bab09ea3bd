"""ember.Tensor: the Python class of every tensor.

The C++ base class ember._C.TensorBase holds the tensor and implements the hot
paths (arithmetic operators, indexing, the generated operator methods, to(),
size(), ...); see Note [The Python tensor object] in
aten/src/ember/python/PyTensor.h. What is convenient to write in Python lives
here. ``__slots__ = ()`` keeps instances the size of TensorBase (which has its own
lazily created __dict__), which the C++ side checks.
"""

from __future__ import annotations

from typing import Any

from ember import _C, _tensor_str


def _rebuild_tensor(data: list, dtype: Any, device: str, shape: tuple) -> Tensor:
    import ember

    t = ember.tensor(data, dtype=dtype)
    if tuple(t.shape) != tuple(shape):
        # tolist() loses the trailing sizes of empty tensors ((0, 3) -> [])
        t = ember.empty(shape, dtype=dtype)
    return t.to(device) if device != "cpu" else t


class Tensor(_C.TensorBase):
    __slots__ = ()
    __module__ = "ember"  # <class 'ember.Tensor'>, and pickles of the class find it

    # NumPy defers to our reflected operators (np.float32(2) * t is an ember tensor).
    __array_priority__ = 1000

    def __repr__(self) -> str:
        return _tensor_str._str(self)

    def __format__(self, format_spec: str) -> str:
        if self.dim() == 0:
            return self.item().__format__(format_spec)
        return object.__format__(self, format_spec)

    def __reduce_ex__(self, protocol: int):
        # Pickles by value (nested lists), so a pickle never refers to ember internals.
        src = self.detach()
        dtype = src.dtype
        if dtype in (_C.float16, _C.bfloat16):
            values = src.float().tolist()
        else:
            values = src.tolist()
        return (_rebuild_tensor, (values, dtype, str(src.device), tuple(src.shape)))

    def __deepcopy__(self, memo: dict) -> Tensor:
        if id(self) in memo:
            return memo[id(self)]
        result = self.clone()
        memo[id(self)] = result
        return result

    # Autograd surface. ember has no autograd yet: every tensor is a leaf without a
    # gradient, and asking for one is a NotImplementedError naming the call.
    grad_fn = None

    def requires_grad_(self, requires_grad: bool = True) -> Tensor:
        self.requires_grad = requires_grad  # False is fine; True raises NotImplementedError
        return self

    def detach_(self) -> Tensor:
        return self  # nothing to detach from without autograd

    def retain_grad(self) -> None:
        raise NotImplementedError("Tensor.retain_grad: ember has no autograd yet")

    def register_hook(self, hook: Any) -> Any:
        raise NotImplementedError("Tensor.register_hook: ember has no autograd yet")

    def backward(self, gradient: Any = None, retain_graph: Any = None, create_graph: bool = False,
                 inputs: Any = None) -> None:
        raise NotImplementedError("Tensor.backward: ember has no autograd yet")

    def is_complex(self) -> bool:
        return self.dtype.is_complex

    @property
    def H(self) -> Tensor:
        """The conjugate transpose of a matrix (ember has only real dtypes: the transpose)."""
        if self.dim() != 2:
            raise RuntimeError(f"tensor.H is only supported on matrices (2-D tensors). Got {self.dim()}-D tensor.")
        return self.transpose(0, 1)

    @property
    def mH(self) -> Tensor:
        """The conjugate transpose of the last two dims (for real dtypes, mT)."""
        return self.mT

    def sum_to_size(self, *size: Any) -> Tensor:
        """Sums self down to `size`, which must expand to self's shape (PyTorch's rule)."""
        if len(size) == 1 and isinstance(size[0], (tuple, list)):
            size = tuple(size[0])
        shape = tuple(self.shape)
        lead = len(shape) - len(size)
        if lead < 0 or any(s != 1 and s != shape[lead + i] for i, s in enumerate(size)):
            raise RuntimeError(f"size {{{list(size)}}} is not expandable to size {{{list(shape)}}}.")
        dims = list(range(lead)) + [lead + i for i, s in enumerate(size) if s == 1 and shape[lead + i] != 1]
        result = self.sum(dims, keepdim=True) if dims else self
        return result.reshape(size) if tuple(result.shape) != tuple(size) else result

    def apply_(self, callable: Any) -> Tensor:
        """Replaces each element x by callable(x), in place (CPU tensors; a Python loop, slow)."""
        if self.device.type != "cpu":
            raise TypeError("apply_ is only implemented on CPU tensors")
        values = [callable(v) for v in self.reshape(-1).tolist()]
        self.copy_(_C.tensor(values, dtype=self.dtype).reshape(self.shape))
        return self

    def map_(self, tensor: Tensor, callable: Any) -> Tensor:
        """self[i] = callable(self[i], tensor[i]) in place, tensor broadcast to self (CPU)."""
        if self.device.type != "cpu" or tensor.device.type != "cpu":
            raise TypeError("map_ is only implemented on CPU tensors")
        other = tensor.expand(self.shape).reshape(-1).tolist()
        values = [callable(a, b) for a, b in zip(self.reshape(-1).tolist(), other)]
        self.copy_(_C.tensor(values, dtype=self.dtype).reshape(self.shape))
        return self

    def is_pinned(self, device: Any = None) -> bool:
        return False  # ember has no pinned host memory (yet)

    def is_shared(self) -> bool:
        return False  # nor shared-memory storage

    def unique(self, sorted: bool = True, return_inverse: bool = False, return_counts: bool = False,
               dim: Any = None) -> Any:
        from ember.functional import unique

        return unique(self, sorted, return_inverse, return_counts, dim)

    def unique_consecutive(self, return_inverse: bool = False, return_counts: bool = False, dim: Any = None) -> Any:
        from ember.functional import unique_consecutive

        return unique_consecutive(self, return_inverse, return_counts, dim)

    def norm(self, p: Any = "fro", dim: Any = None, keepdim: bool = False, dtype: Any = None) -> Tensor:
        from ember.functional import norm

        return norm(self, p, dim, keepdim, dtype=dtype)

    def __contains__(self, element: Any) -> bool:
        if not isinstance(element, (Tensor, int, float, bool)):
            raise RuntimeError(  # noqa: TRY004 (PyTorch raises RuntimeError here)
                "Tensor.__contains__ only supports Tensor or scalar, but you passed in a "
                f"{type(element)}."
            )
        return bool((self == element).sum().item() > 0)

    def nonzero(self, *, as_tuple: bool = False):
        """The indices of the non-zero elements: an (n, dim) int64 tensor, or with
        as_tuple=True one 1-d tensor per dim (the same as ember.where(self))."""
        if as_tuple:
            return tuple(_C._VariableFunctions.where(self))
        return _C.TensorBase.nonzero(self)

    # -- NumPy interop (Note in aten/src/ember/python/PyInterop.h) --------------------
    def numpy(self, *, force: bool = False):
        """A NumPy array sharing this tensor's memory (CPU tensors only, unless
        force=True, which copies to the CPU first)."""
        import numpy as np

        t = self
        if force and t.device.type != "cpu":
            t = t.cpu()
        if force and t.dtype == _C.bfloat16:
            t = t.float()
        # __array_interface__ raises PyTorch's TypeError for CUDA and bfloat16 tensors.
        t.__array_interface__  # noqa: B018
        return np.asarray(t)

    def __array__(self, dtype=None, copy=None):
        import numpy as np

        if copy is False and dtype is not None and np.dtype(dtype) != self.numpy().dtype:
            raise ValueError("ember: a dtype conversion needs a copy, but copy=False was given")
        arr = self.numpy()
        if dtype is not None and arr.dtype != np.dtype(dtype):
            return arr.astype(dtype)
        return arr.copy() if copy else arr

    # -- Constructors relative to self (PyTorch's Tensor.new_*) -----------------------
    def new_tensor(self, data, dtype=None, device=None, requires_grad: bool = False) -> Tensor:
        import ember

        return ember.tensor(
            data,
            dtype=self.dtype if dtype is None else dtype,
            device=self.device if device is None else device,
            requires_grad=requires_grad,
        )

    def _new(self, factory, size, dtype, device, *extra):
        if len(size) == 1 and isinstance(size[0], (tuple, list)):
            size = tuple(size[0])
        return factory(
            size,
            *extra,
            dtype=self.dtype if dtype is None else dtype,
            device=self.device if device is None else device,
        )

    def new_empty(self, *size, dtype=None, device=None) -> Tensor:
        import ember

        return self._new(ember.empty, size, dtype, device)

    def new_zeros(self, *size, dtype=None, device=None) -> Tensor:
        import ember

        return self._new(ember.zeros, size, dtype, device)

    def new_ones(self, *size, dtype=None, device=None) -> Tensor:
        import ember

        return self._new(ember.ones, size, dtype, device)

    def new_full(self, size, fill_value, *, dtype=None, device=None) -> Tensor:
        import ember

        return self._new(ember.full, (tuple(size),), dtype, device, fill_value)

