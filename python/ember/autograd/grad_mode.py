"""The thread-local grad mode, with PyTorch's switches: no_grad, enable_grad,
set_grad_enabled and inference_mode, each usable as a context manager and as a
decorator (of functions and of generator functions).

Like PyTorch, the mode is per thread and starts enabled in every thread.
"""

from __future__ import annotations

import functools
import inspect
import threading
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_state = threading.local()


def is_grad_enabled() -> bool:
    """Whether gradient recording is on in this thread (the default)."""
    return getattr(_state, "grad_enabled", True)


def is_inference_mode_enabled() -> bool:
    """Whether an inference_mode(True) block is active in this thread."""
    return getattr(_state, "inference", False)


def _set_enabled(mode: bool) -> None:
    _state.grad_enabled = bool(mode)


class _DecoratorContextManager:
    """A context manager that also decorates: the function runs inside a fresh
    instance of the same manager (generators are re-entered for each step, as
    PyTorch does, so the mode holds while the generator body runs)."""

    def clone(self) -> _DecoratorContextManager:
        return self.__class__()

    def __call__(self, func: F) -> F:
        if inspect.isclass(func):
            raise RuntimeError(f"Cannot decorate classes; it is ambiguous which methods to wrap ({func.__name__})")
        if inspect.isgeneratorfunction(func):
            @functools.wraps(func)
            def generator(*args: Any, **kwargs: Any) -> Any:
                gen = func(*args, **kwargs)
                try:
                    with self.clone():
                        response = gen.send(None)
                    while True:
                        try:
                            request = yield response
                        except GeneratorExit:
                            with self.clone():
                                gen.close()
                            raise
                        except BaseException as exc:
                            with self.clone():
                                response = gen.throw(exc)
                        else:
                            with self.clone():
                                response = gen.send(request)
                except StopIteration as stop:
                    return stop.value

            return generator  # type: ignore[return-value]

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self.clone():
                return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    def __enter__(self) -> None:
        raise NotImplementedError

    def __exit__(self, *exc: Any) -> None:
        raise NotImplementedError


class _NoParamDecoratorContextManager(_DecoratorContextManager):
    """Also decorates without parentheses: `@ember.no_grad` as well as `@ember.no_grad()`."""

    def __new__(cls, orig_func: Callable[..., Any] | None = None) -> Any:
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)


class no_grad(_NoParamDecoratorContextManager):
    """Turns gradient recording off in this thread for the block (or the decorated
    function); the previous mode comes back on exit, exceptions included."""

    def __init__(self) -> None:
        self.prev = False

    def __enter__(self) -> None:
        self.prev = is_grad_enabled()
        _set_enabled(False)

    def __exit__(self, *exc: Any) -> None:
        _set_enabled(self.prev)


class enable_grad(_NoParamDecoratorContextManager):
    """Turns gradient recording back on inside a no_grad block."""

    def __init__(self) -> None:
        self.prev = True

    def __enter__(self) -> None:
        self.prev = is_grad_enabled()
        _set_enabled(True)

    def __exit__(self, *exc: Any) -> None:
        _set_enabled(self.prev)


class set_grad_enabled(_DecoratorContextManager):
    """Sets the mode to `mode` at once (so it works as a plain call, too) and, used
    as a context manager, restores the previous mode on exit."""

    def __init__(self, mode: bool) -> None:
        if not isinstance(mode, bool):
            raise TypeError(f"set_grad_enabled(): argument 'enabled' (position 1) must be bool, not {type(mode).__name__}")
        self.prev = is_grad_enabled()
        self.mode = mode
        _set_enabled(mode)

    def __call__(self, func: F) -> F:
        _set_enabled(self.prev)  # as a decorator it only applies while func runs
        return super().__call__(func)

    def __enter__(self) -> None:
        _set_enabled(self.mode)

    def __exit__(self, *exc: Any) -> None:
        _set_enabled(self.prev)

    def clone(self) -> set_grad_enabled:
        return self.__class__(self.mode)


class inference_mode(_DecoratorContextManager):
    """no_grad, and marks the block as inference (is_inference_mode_enabled()).
    inference_mode(False) turns both off for the block (grad enabled), as PyTorch does."""

    def __init__(self, mode: bool = True) -> None:
        self.mode = mode
        self.prev_grad = True
        self.prev_inference = False

    def __new__(cls, mode: Any = True) -> Any:
        # @inference_mode without parentheses decorates the function directly.
        if isinstance(mode, bool):
            return super().__new__(cls)
        return cls()(mode)

    def __enter__(self) -> None:
        self.prev_grad = is_grad_enabled()
        self.prev_inference = is_inference_mode_enabled()
        _set_enabled(not self.mode)
        _state.inference = self.mode

    def __exit__(self, *exc: Any) -> None:
        _set_enabled(self.prev_grad)
        _state.inference = self.prev_inference

    def clone(self) -> inference_mode:
        return self.__class__(self.mode)
