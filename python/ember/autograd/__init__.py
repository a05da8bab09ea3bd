"""ember.autograd: gradient-mode switches, and what is not there yet.

ember has no automatic differentiation yet (a later issue). The grad-mode context
managers are still real: they keep PyTorch's thread-local "grad enabled" flag, so
`with ember.no_grad():` (the usual way to run a model for inference) and the
decorator forms work, and `is_grad_enabled()` reports the flag. Recording and
running a backward pass is absent and says so: `backward`/`grad` raise
NotImplementedError, as does `requires_grad=True` anywhere.
"""

from __future__ import annotations

from typing import Any

from ember.autograd.grad_mode import (
    enable_grad,
    inference_mode,
    is_grad_enabled,
    is_inference_mode_enabled,
    no_grad,
    set_grad_enabled,
)

__all__ = [
    "backward",
    "enable_grad",
    "grad",
    "inference_mode",
    "is_grad_enabled",
    "is_inference_mode_enabled",
    "no_grad",
    "set_grad_enabled",
]


def backward(tensors: Any, grad_tensors: Any = None, retain_graph: Any = None, create_graph: bool = False,
             inputs: Any = None) -> None:
    raise NotImplementedError("autograd.backward: ember has no autograd yet")


def grad(outputs: Any, inputs: Any, grad_outputs: Any = None, retain_graph: Any = None,
         create_graph: bool = False, allow_unused: Any = None, is_grads_batched: bool = False,
         materialize_grads: bool = False) -> Any:
    raise NotImplementedError("autograd.grad: ember has no autograd yet")
