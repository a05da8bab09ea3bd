"""ember.cuda: the CUDA devices, their memory and streams (like torch.cuda).

Every function here works in any build of ember: in a CPU-only build, and in a CUDA
build on a machine without a GPU or driver, ``is_available()`` is False,
``device_count()`` and the memory counters are 0, and ``synchronize()``,
``empty_cache()`` and the seeding functions do nothing. Functions that need a device
to answer (``current_device()``, ``set_device()``, ``get_device_name()``, streams)
raise RuntimeError there, as PyTorch does.

The C++ side is ``ember._C._cuda`` (aten/src/ember/cuda/PythonBindings.cpp), present
only when ember was built with CUDA (or ROCm, whose HIP devices are ember's ``cuda``
devices).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

__all__ = [
    "Stream",
    "current_device",
    "current_stream",
    "default_stream",
    "device_count",
    "empty_cache",
    "get_device_capability",
    "get_device_name",
    "is_available",
    "manual_seed",
    "manual_seed_all",
    "max_memory_allocated",
    "max_memory_reserved",
    "mem_get_info",
    "memory_allocated",
    "memory_reserved",
    "memory_stats",
    "reset_peak_memory_stats",
    "set_device",
    "stream",
    "synchronize",
]


def _backend() -> ModuleType | None:
    """ember._C._cuda, or None in a build without CUDA.

    Looked up at call time (not import time) so that importing ember.cuda never
    depends on the order in which ember's package imports its pieces.
    """
    c = sys.modules.get("ember._C")
    if c is None:
        from ember import _C as c
    return getattr(c, "_cuda", None)


def _require(what: str) -> ModuleType:
    b = _backend()
    if b is None:
        raise RuntimeError(f"{what}: ember was not compiled with CUDA support")
    return b


def _device_index(device: Any) -> int | None:
    """None, an int, 'cuda:1' or an ember.device -> a device index (None = current)."""
    if device is None:
        return None
    if isinstance(device, int):
        return device
    if isinstance(device, str):
        from ember import device as _device_type

        device = _device_type(device)
    kind = getattr(device, "type", None)
    if kind != "cuda":
        raise ValueError(f"Expected a cuda device, but got: {device}")
    index = getattr(device, "index", None)
    return None if index is None else int(index)


def is_available() -> bool:
    """True when ember was built with CUDA and at least one GPU is usable."""
    b = _backend()
    return bool(b is not None and b.is_available())


def device_count() -> int:
    """The number of usable CUDA devices (0 without CUDA support or a GPU)."""
    b = _backend()
    return int(b.device_count()) if b is not None else 0


def current_device() -> int:
    """The index of the current CUDA device."""
    return int(_require("current_device").current_device())


def set_device(device: Any) -> None:
    """Makes `device` (an index, 'cuda:N' or ember.device) the current CUDA device."""
    index = _device_index(device)
    if index is None:
        return
    _require("set_device").set_device(index)


def synchronize(device: Any = None) -> None:
    """Waits for all work queued on a CUDA device (default: the current one)."""
    b = _backend()
    if b is not None:
        b.synchronize(_device_index(device))


def empty_cache() -> None:
    """Returns the caching allocator's unused memory to the driver."""
    b = _backend()
    if b is not None:
        b.empty_cache()


def memory_stats(device: Any = None) -> dict[str, int]:
    """The caching allocator's counters for a device ({} without a GPU)."""
    b = _backend()
    return dict(b.memory_stats(_device_index(device))) if b is not None else {}


def memory_allocated(device: Any = None) -> int:
    """Bytes occupied by tensors on the device (rounded to the allocator's block sizes)."""
    return memory_stats(device).get("allocated_bytes", 0)


def max_memory_allocated(device: Any = None) -> int:
    """Peak of memory_allocated() since the start or reset_peak_memory_stats()."""
    return memory_stats(device).get("peak_allocated_bytes", 0)


def memory_reserved(device: Any = None) -> int:
    """Bytes held by the caching allocator (in use or cached) on the device."""
    return memory_stats(device).get("reserved_bytes", 0)


def max_memory_reserved(device: Any = None) -> int:
    """Peak of memory_reserved() since the start or reset_peak_memory_stats()."""
    return memory_stats(device).get("peak_reserved_bytes", 0)


def reset_peak_memory_stats(device: Any = None) -> None:
    """Restarts the peak counters from the current values."""
    b = _backend()
    if b is not None:
        b.reset_peak_memory_stats(_device_index(device))


def mem_get_info(device: Any = None) -> tuple[int, int]:
    """(free, total) bytes of the device, as the driver reports them."""
    return tuple(_require("mem_get_info").mem_get_info(_device_index(device)))  # type: ignore[return-value]


def get_device_name(device: Any = None) -> str:
    """The device's marketing name ("NVIDIA H100 80GB HBM3")."""
    return str(_require("get_device_name").get_device_name(_device_index(device)))


def get_device_capability(device: Any = None) -> tuple[int, int]:
    """The device's compute capability (major, minor)."""
    return tuple(
        _require("get_device_capability").get_device_capability(_device_index(device))
    )  # type: ignore[return-value]


def manual_seed(seed: int) -> None:
    """Seeds the current CUDA device's default generator (no-op without a GPU)."""
    b = _backend()
    if b is not None:
        b.manual_seed(int(seed), None)


def manual_seed_all(seed: int) -> None:
    """Seeds the default generator of every CUDA device (no-op without a GPU)."""
    b = _backend()
    if b is not None:
        b.manual_seed_all(int(seed))


class Stream:
    """A CUDA stream (see Note [ember's CUDA streams] in aten/src/ember/cuda/CUDAStream.h).

    ``Stream()`` hands out one of a fixed pool of non-blocking streams of the device;
    work queued on different streams runs unordered. Use ``with ember.cuda.stream(s):``
    to make it current.
    """

    __slots__ = ("_device", "_id")

    def __init__(
        self, device: Any = None, *, _handle: tuple[int, int] | None = None
    ) -> None:
        if _handle is None:
            _handle = tuple(_require("Stream").stream_from_pool(_device_index(device)))
        self._id, self._device = int(_handle[0]), int(_handle[1])

    @property
    def device_index(self) -> int:
        return self._device

    @property
    def cuda_stream(self) -> int:
        """The cudaStream_t handle as an integer (0 for the default stream)."""
        return self._id

    def synchronize(self) -> None:
        """Waits until all work queued on the stream is done."""
        _require("Stream.synchronize").stream_synchronize(self._id, self._device)

    def query(self) -> bool:
        """True when all work queued on the stream is done."""
        return bool(_require("Stream.query").stream_query(self._id, self._device))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Stream) and (self._id, self._device) == (
            other._id,
            other._device,
        )

    def __hash__(self) -> int:
        return hash((self._id, self._device))

    def __repr__(self) -> str:
        return (
            f"<ember.cuda.Stream device=cuda:{self._device} cuda_stream={self._id:#x}>"
        )


def current_stream(device: Any = None) -> Stream:
    """The stream work on the device is queued on now."""
    return Stream(
        _handle=tuple(_require("current_stream").current_stream(_device_index(device)))
    )


def default_stream(device: Any = None) -> Stream:
    """The device's default (legacy) stream."""
    return Stream(
        _handle=tuple(_require("default_stream").default_stream(_device_index(device)))
    )


class stream:
    """Context manager making `s` the current stream of its device (None: no change)."""

    def __init__(self, s: Stream | None) -> None:
        self._stream = s
        self._previous: Stream | None = None

    def __enter__(self) -> Stream | None:
        if self._stream is not None:
            self._previous = current_stream(self._stream.device_index)
            _require("stream").set_stream(
                self._stream.cuda_stream, self._stream.device_index
            )
        return self._stream

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            _require("stream").set_stream(
                self._previous.cuda_stream, self._previous.device_index
            )
