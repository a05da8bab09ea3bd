"""ember: a PyTorch-style tensor library whose native core is generated from one
operator schema (native_functions.yaml).

    >>> import ember
    >>> a = ember.tensor([[1., 2.], [3., 4.]])
    >>> (a @ a.T).sum(0)
    tensor([16., 36.])

The operators (ember.add, ember.zeros, Tensor.sum, ...) are generated bindings in
ember._C; this package adds the Tensor class (ember/_tensor.py), printing
(ember/_tensor_str.py), version information (ember.version) and interop helpers.
"""

from __future__ import annotations

import builtins as _builtins
import math as _math
from typing import Any as _Any

from ember._loader import load_extension as _load_extension

_C = _load_extension()

# The enum-like objects and value types, defined in C++.
# dtypes and their legacy aliases (ember.float is ember.float32, as in PyTorch).
# Utilities and tensor creation from data.
from ember._C import (
    Generator,
    Size,
    as_tensor,
    bfloat16,
    bool,
    can_cast,
    contiguous_format,
    default_generator,
    device,
    double,
    dtype,
    float,
    float16,
    float32,
    float64,
    from_numpy,
    get_default_dtype,
    get_num_threads,
    half,
    initial_seed,
    int,
    int8,
    int16,
    int32,
    int64,
    layout,
    long,
    manual_seed,
    memory_format,
    preserve_format,
    promote_types,
    result_type,
    seed,
    set_default_dtype,
    set_num_threads,
    short,
    strided,
    tensor,
    uint8,
)
from ember._dtype_info import finfo, iinfo
from ember._tensor import Tensor
from ember._tensor_str import get_printoptions, set_printoptions

# Every tensor the extension returns is an ember.Tensor.
_C._set_tensor_class(Tensor)

# The generated operator functions (ember.add, ember.zeros, ...).
_generated = [name for name in dir(_C._VariableFunctions) if not name.startswith("_")]
for _name in _generated:
    globals()[_name] = getattr(_C._VariableFunctions, _name)
del _name

from ember import autograd, cuda, linalg, version
from ember import functional
from ember.functional import (atleast_1d, atleast_2d, atleast_3d, broadcast_tensors, cdist, chain_matmul, einsum,
                              meshgrid, norm, tensordot, unique, unique_consecutive)
from ember.serialization import load, save
from ember.autograd import enable_grad, inference_mode, is_grad_enabled, is_inference_mode_enabled, no_grad, set_grad_enabled
from ember.version import __version__

# Constants, as PyTorch exports them (ember.pi, ember.inf, x[:, ember.newaxis]).
e = _math.e
pi = _math.pi
inf = _math.inf
nan = _math.nan
newaxis = None


def is_tensor(obj: _Any) -> _builtins.bool:
    """Whether obj is an ember.Tensor."""
    return isinstance(obj, Tensor)


def is_floating_point(t: Tensor) -> _builtins.bool:
    return t.is_floating_point()


def is_complex(t: Tensor) -> _builtins.bool:
    """Whether t has a complex dtype (ember has none yet, so always False)."""
    return t.is_complex()


def get_rng_state() -> Tensor:
    """The default CPU generator's state, as a uint8 tensor (see Generator.get_state)."""
    return default_generator.get_state()


def set_rng_state(new_state: Tensor) -> None:
    """Restores the default CPU generator from a get_rng_state() tensor."""
    default_generator.set_state(new_state)


def numel(t: Tensor) -> _builtins.int:
    """The number of elements of t."""
    return t.numel()


def nonzero(input: Tensor, *, out: Tensor | None = None, as_tuple: _builtins.bool = False) -> _Any:
    """The indices of the non-zero elements of input: an (n, input.dim()) int64 tensor,
    or with as_tuple=True a tuple of input.dim() 1-d tensors (PyTorch's keyword)."""
    if as_tuple:
        if out is not None:
            raise RuntimeError("nonzero(): as_tuple=True does not support out=")
        return tuple(_C._VariableFunctions.where(input))
    if out is None:
        return _C._VariableFunctions.nonzero(input)
    return _C._VariableFunctions.nonzero(input, out=out)


def from_dlpack(ext: _Any) -> Tensor:
    """A tensor sharing memory with a DLPack producer: any object with __dlpack__
    (an ember tensor, a NumPy array, ...) or a legacy "dltensor" capsule."""
    if hasattr(ext, "__dlpack__"):
        device_type, _ = ext.__dlpack_device__()
        if device_type in (2, 10):  # kDLCUDA, kDLROCM
            # Ask the producer to order its pending work before our use of the memory
            # (stream 1 is the legacy default stream in the DLPack protocol).
            capsule = ext.__dlpack__(stream=1)
        else:
            capsule = ext.__dlpack__()
    else:
        capsule = ext
    return _C._from_dlpack(capsule)


def show_config() -> None:
    """Prints how this ember was built (version, CUDA/HIP, compiler, BLAS, OpenMP...)."""
    print(config_str())


def config_str() -> str:
    cfg = version.build_config()
    # (max, min, abs, ... are ember operators in this module's namespace)
    width = _builtins.max(len(k) for k in cfg)
    lines = [f"ember {__version__}"]
    lines += [f"  {k:<{width}} : {v}" for k, v in cfg.items() if k != "__version__"]
    lines.append(f"  {'threads':<{width}} : {get_num_threads()}")
    return "\n".join(lines)


__all__ = [
    "Generator",
    "Size",
    "Tensor",
    "as_tensor",
    "bfloat16",
    "bool",
    "can_cast",
    "config_str",
    "contiguous_format",
    "cuda",
    "default_generator",
    "device",
    "double",
    "dtype",
    "finfo",
    "float",
    "float16",
    "float32",
    "float64",
    "from_dlpack",
    "from_numpy",
    "get_default_dtype",
    "get_num_threads",
    "get_printoptions",
    "half",
    "iinfo",
    "initial_seed",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "is_floating_point",
    "is_tensor",
    "layout",
    "long",
    "manual_seed",
    "memory_format",
    "numel",
    "preserve_format",
    "promote_types",
    "result_type",
    "seed",
    "set_default_dtype",
    "set_num_threads",
    "set_printoptions",
    "short",
    "show_config",
    "strided",
    "tensor",
    "uint8",
    "version",
]
__all__.extend(_generated)
