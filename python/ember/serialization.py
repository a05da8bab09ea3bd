"""ember.save / ember.load in PyTorch's file format.

A file written by ``ember.save`` is a PyTorch checkpoint: ``torch.load`` reads it
(``weights_only=True`` included), and ``ember.load`` reads files written by
``torch.save``. The format is PyTorch's zip archive (file format version 3)::

    <archive>/data.pkl          the object, pickled (protocol 2); a tensor is the
                                global torch._utils._rebuild_tensor_v2 applied to
                                (storage, storage_offset, size, stride, ...), and a
                                storage is a persistent id ("storage", torch.<T>Storage,
                                key, location, numel)
    <archive>/data/<key>        each storage's bytes, little-endian, 64-byte aligned
    <archive>/byteorder, version, .format_version, .storage_alignment

Decisions (where PyTorch's behaviour rests on features ember does not have yet):
- ember.save writes each tensor's elements as its own storage (a compact copy);
  tensors that are views of one another are stored twice. ember.load keeps the
  sharing a PyTorch file records: tensors built from one storage are views of one
  ember tensor.
- nn.Parameter entries load as plain tensors (ember has no nn or autograd yet).
- ``weights_only=True`` is the default, as in PyTorch >= 2.6: only tensors, dtypes,
  devices, sizes, containers and numbers load; anything else raises
  pickle.UnpicklingError unless the caller passes ``weights_only=False`` for a file
  they trust.
"""

from __future__ import annotations

import collections
import io
import os
import pickle
import struct
import sys
import zipfile
from typing import IO, Any, Callable

import numpy as np

__all__ = ["load", "save"]

_ALIGNMENT = 64
_FORMAT_VERSION = 3

# PyTorch's storage classes by ember dtype name, and the NumPy dtype of the bytes.
_STORAGE_OF = {
    "float32": "FloatStorage", "float64": "DoubleStorage", "float16": "HalfStorage",
    "bfloat16": "BFloat16Storage", "int64": "LongStorage", "int32": "IntStorage",
    "int16": "ShortStorage", "int8": "CharStorage", "uint8": "ByteStorage", "bool": "BoolStorage",
}
_DTYPE_OF_STORAGE = {v: k for k, v in _STORAGE_OF.items()}
_NUMPY_OF = {
    "float32": np.float32, "float64": np.float64, "float16": np.float16, "bfloat16": np.int16,
    "int64": np.int64, "int32": np.int32, "int16": np.int16, "int8": np.int8, "uint8": np.uint8,
    "bool": np.bool_,
}
# dtype names PyTorch pickles as `torch.<name>` globals (aliases included).
_DTYPE_ALIASES = {"float": "float32", "double": "float64", "half": "float16", "long": "int64",
                  "int": "int32", "short": "int16"}


def _ember():
    import ember

    return ember


def _dtype_name(dtype: Any) -> str:
    return str(dtype).rsplit(".", 1)[-1]


# ---------------------------------------------------------------------------------
# save
# ---------------------------------------------------------------------------------


class _Global:
    """A reference to `module.name` written as a pickle GLOBAL, without importing it
    (PyTorch's names must appear in the file even where torch is not installed)."""

    _cache: dict[tuple[str, str], _Global] = {}

    def __new__(cls, module: str, name: str) -> _Global:
        key = (module, name)
        if key not in cls._cache:
            self = super().__new__(cls)
            self.module, self.name = module, name
            cls._cache[key] = self
        return cls._cache[key]

    def __call__(self, *args: Any) -> Any:  # pickle requires a reduce function to be callable
        raise TypeError(f"{self.module}.{self.name} is a name written into a checkpoint, not a function")


class _StorageRef:
    def __init__(self, key: str, dtype_name: str, location: str, numel: int) -> None:
        self.key, self.dtype_name, self.location, self.numel = key, dtype_name, location, numel


class _Pickler(pickle._Pickler):  # the Python pickler: it lets save() write GLOBAL itself
    def __init__(self, file: IO[bytes], protocol: int) -> None:
        super().__init__(file, protocol)
        self.storages: list[tuple[str, bytes]] = []
        self._keys: dict[int, _StorageRef] = {}

    def save(self, obj: Any, save_persistent_id: bool = True) -> None:
        if isinstance(obj, _ember().dtype):
            obj = _Global("torch", _dtype_name(obj))  # torch.float32 is written as a global
        if type(obj) is _Global:
            if id(obj) in self.memo:
                self.write(self.get(self.memo[id(obj)][0]))
                return
            self.write(pickle.GLOBAL + f"{obj.module}\n{obj.name}\n".encode("utf-8"))
            self.memoize(obj)
            return
        super().save(obj, save_persistent_id)

    def persistent_id(self, obj: Any) -> Any:
        if type(obj) is _StorageRef:
            return ("storage", _Global("torch", _STORAGE_OF[obj.dtype_name]), obj.key, obj.location, obj.numel)
        return None

    def reducer_override(self, obj: Any) -> Any:
        ember = _ember()
        if isinstance(obj, ember.Tensor):
            return self._reduce_tensor(obj)
        if isinstance(obj, ember.device):
            return (_Global("torch", "device"), (str(obj),))
        if isinstance(obj, ember.Size):
            return (_Global("torch", "Size"), (tuple(obj),))
        return NotImplemented

    def _reduce_tensor(self, t: Any) -> Any:
        ember = _ember()
        name = _dtype_name(t.dtype)
        if name not in _STORAGE_OF:
            raise RuntimeError(f"save: tensors of dtype {t.dtype} cannot be saved")
        ref = self._keys.get(id(t))  # the same tensor object twice is one storage
        if ref is None:
            src = t.detach().cpu().contiguous()
            if name == "bfloat16":
                src = src.view(ember.int16)
            location = "cpu" if t.device.type == "cpu" else f"{t.device.type}:{t.device.index or 0}"
            ref = _StorageRef(str(len(self.storages)), name, location, t.numel())
            self.storages.append((ref.key, src.numpy().tobytes()))  # native byte order, recorded
            self._keys[id(t)] = ref
        size = tuple(t.shape)
        stride, step = [], 1
        for n in reversed(size):  # contiguous strides of the compact copy
            stride.append(step)
            step *= max(n, 1)
        return (_Global("torch._utils", "_rebuild_tensor_v2"),
                (ref, 0, size, tuple(reversed(stride)), False, collections.OrderedDict()))


def _aligned_record(zf: zipfile.ZipFile, name: str, data: bytes, offset: int) -> int:
    """Writes one stored (uncompressed) record whose bytes start on a 64-byte boundary,
    padding the local header's extra field as PyTorch does ("FB" + length + padding).
    Returns the offset after it."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    header = 30 + len(name.encode("utf-8"))
    pad = (-(offset + header + 4)) % _ALIGNMENT
    info.extra = b"FB" + struct.pack("<H", pad) + b"Z" * pad
    info.external_attr = 0o600 << 16
    zf.writestr(info, data)
    return zf.fp.tell()


def save(obj: Any, f: str | os.PathLike | IO[bytes], pickle_module: Any = pickle, pickle_protocol: int = 2,
         _use_new_zipfile_serialization: bool = True, _disable_byteorder_record: bool = False) -> None:
    """Saves obj (tensors, and containers/numbers holding them) to a file in PyTorch's
    checkpoint format; f is a path or a writable binary file object."""
    if not _use_new_zipfile_serialization:
        raise NotImplementedError("save: the legacy (pre-1.6, non-zip) format is not supported by ember")
    if pickle_protocol < 2:
        raise ValueError(f"save: pickle_protocol must be at least 2, got {pickle_protocol}")
    buf = io.BytesIO()
    pickler = _Pickler(buf, pickle_protocol)
    pickler.dump(obj)
    if isinstance(f, (str, os.PathLike)):
        archive = os.path.splitext(os.path.basename(os.fspath(f)))[0] or "archive"
        with open(f, "wb") as fp:
            _write_archive(fp, archive, buf.getvalue(), pickler.storages, _disable_byteorder_record)
    else:
        if not hasattr(f, "write"):
            raise AttributeError(f"save: expected a path or a file-like object with write(), got {type(f).__name__}")
        _write_archive(f, "archive", buf.getvalue(), pickler.storages, _disable_byteorder_record)


def _write_archive(fp: IO[bytes], archive: str, pkl: bytes, storages: list[tuple[str, bytes]],
                   no_byteorder: bool) -> None:
    try:
        start = fp.tell()
    except (AttributeError, OSError, io.UnsupportedOperation):
        start = None
    if start is None:  # an unseekable stream: build the archive in memory first
        tmp = io.BytesIO()
        _write_archive(tmp, archive, pkl, storages, no_byteorder)
        fp.write(tmp.getvalue())
        return
    with zipfile.ZipFile(fp, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        offset = start
        records = [("data.pkl", pkl), (".format_version", b"1"), (".storage_alignment", str(_ALIGNMENT).encode())]
        if not no_byteorder:
            records.append(("byteorder", sys.byteorder.encode()))
        records += [(f"data/{key}", data) for key, data in storages]
        records.append(("version", f"{_FORMAT_VERSION}\n".encode()))
        for name, data in records:
            offset = _aligned_record(zf, f"{archive}/{name}", data, offset)


# ---------------------------------------------------------------------------------
# load
# ---------------------------------------------------------------------------------


class _StorageType:
    def __init__(self, dtype_name: str) -> None:
        self.dtype_name = dtype_name


def _rebuild_tensor(storage: Any, storage_offset: int, size: Any, stride: Any, *rest: Any) -> Any:
    """torch._utils._rebuild_tensor(_v2/_v3): a view of the storage. The trailing
    arguments (requires_grad, hooks, metadata) are dropped: ember has no autograd yet,
    so a tensor loads as data."""
    ember = _ember()
    return ember.as_strided(storage, tuple(size), tuple(stride), storage_offset)


def _rebuild_parameter(data: Any, requires_grad: bool = False, backward_hooks: Any = None, *rest: Any) -> Any:
    return data  # an nn.Parameter loads as its tensor (ember has no nn yet)


def _rebuild_from_type_v2(func: Callable, new_type: Any, args: Any, state: Any) -> Any:
    return func(*args)  # tensor subclasses load as plain tensors


_SAFE_BUILTINS = {"set", "frozenset", "slice", "range", "complex", "bytearray", "bytes", "list", "dict", "tuple",
                  "int", "float", "bool", "str"}


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: IO[bytes], zf: zipfile.ZipFile, prefix: str, weights_only: bool,
                 restore: Callable[[Any, str], Any], **kwargs: Any) -> None:
        super().__init__(file, **kwargs)
        self.zf, self.prefix, self.weights_only, self.restore = zf, prefix, weights_only, restore
        self.loaded: dict[str, Any] = {}

    def find_class(self, module: str, name: str) -> Any:
        ember = _ember()
        if module == "torch._utils":
            if name in ("_rebuild_tensor", "_rebuild_tensor_v2", "_rebuild_tensor_v3"):
                return _rebuild_tensor
            if name in ("_rebuild_parameter", "_rebuild_parameter_with_state"):
                return _rebuild_parameter
        if module == "torch._tensor" and name == "_rebuild_from_type_v2":
            return _rebuild_from_type_v2
        if module == "torch":
            if name in _DTYPE_OF_STORAGE:
                return _StorageType(_DTYPE_OF_STORAGE[name])
            if name in _NUMPY_OF or name in _DTYPE_ALIASES:
                return getattr(ember, _DTYPE_ALIASES.get(name, name))
            if name == "device":
                return ember.device
            if name == "Size":
                return ember.Size
            if name == "Tensor":
                return ember.Tensor
        if module == "torch.nn.parameter" and name == "Parameter":
            return lambda data=None, requires_grad=True: data
        if module == "collections" and name == "OrderedDict":
            return collections.OrderedDict
        if module in ("builtins", "__builtin__") and name in _SAFE_BUILTINS:  # (protocol 2 spells it __builtin__)
            return getattr(__import__("builtins"), name)
        if module == "_codecs" and name == "encode":  # how protocol 2 writes bytes
            import _codecs

            return _codecs.encode
        if self.weights_only:
            raise pickle.UnpicklingError(
                f"Weights only load failed: unsupported global {module}.{name}. ember.load with "
                "weights_only=True reads tensors, dtypes, devices, sizes, containers and numbers; "
                "pass weights_only=False if you trust the file's source (it can then run arbitrary code).")
        if module.startswith("torch"):
            raise pickle.UnpicklingError(f"load: {module}.{name} has no ember counterpart")
        return super().find_class(module, name)

    def persistent_load(self, pid: Any) -> Any:
        if not (isinstance(pid, tuple) and len(pid) == 5 and pid[0] == "storage"):
            raise pickle.UnpicklingError(f"load: unknown persistent id {pid!r}")
        _, storage_type, key, location, numel = pid
        if not isinstance(storage_type, _StorageType):
            # torch.UntypedStorage and friends: raw bytes.
            storage_type = _StorageType("uint8")
        cache_key = str(key)
        if cache_key not in self.loaded:
            ember = _ember()
            try:
                raw = self.zf.read(f"{self.prefix}data/{key}")
            except KeyError:
                raise RuntimeError(f"load: the archive has no data for storage {key!r}") from None
            np_dtype = np.dtype(_NUMPY_OF[storage_type.dtype_name])
            if len(raw) % np_dtype.itemsize:
                raise RuntimeError(f"load: storage {key!r} holds {len(raw)} bytes, not a whole number of "
                                   f"{storage_type.dtype_name} elements")
            arr = np.frombuffer(raw, dtype=np_dtype).copy()  # ember owns (and may write) its memory
            t = ember.from_numpy(arr)
            if storage_type.dtype_name == "bfloat16":
                t = t.view(ember.bfloat16)
            self.loaded[cache_key] = self.restore(t, str(location))
        return self.loaded[cache_key]


def _restore_location(map_location: Any) -> Callable[[Any, str], Any]:
    ember = _ember()

    def to_device(t: Any, loc: str) -> Any:
        if loc.startswith("cuda") and not ember.cuda.is_available():
            raise RuntimeError(
                "Attempting to deserialize object on a CUDA device but ember.cuda.is_available() is False. "
                "If you are running on a CPU-only machine, please use ember.load with "
                "map_location=ember.device('cpu') to map your storages to the CPU.")
        return t if loc == "cpu" else t.to(loc)

    if map_location is None:
        return to_device
    if isinstance(map_location, (str, ember.device)):
        return lambda t, loc: to_device(t, str(map_location))
    if isinstance(map_location, dict):
        return lambda t, loc: to_device(t, str(map_location.get(loc, loc)))
    if callable(map_location):
        def call(t: Any, loc: str) -> Any:
            r = map_location(t, loc)
            return to_device(t, loc) if r is None else r

        return call
    raise TypeError(f"load: map_location must be None, a str, an ember.device, a dict or a callable, "
                    f"got {type(map_location).__name__}")


def load(f: str | os.PathLike | IO[bytes], map_location: Any = None, pickle_module: Any = None, *,
         weights_only: bool | None = None, mmap: bool | None = None, **pickle_load_args: Any) -> Any:
    """Loads an object saved by ember.save or torch.save (the zip format, PyTorch 1.6+).
    map_location moves storages as torch.load's does (a device, a str, a dict of
    locations, or a callable(storage, location))."""
    weights_only = True if weights_only is None else bool(weights_only)
    pickle_load_args.setdefault("encoding", "utf-8")
    if isinstance(f, (str, os.PathLike)):
        with open(f, "rb") as fp:
            return _load(fp, map_location, weights_only, pickle_load_args)
    if not (hasattr(f, "read") and hasattr(f, "seek")):
        raise AttributeError(f"load: expected a path or a seekable binary file object, got {type(f).__name__}")
    return _load(f, map_location, weights_only, pickle_load_args)


def _load(fp: IO[bytes], map_location: Any, weights_only: bool, pickle_load_args: dict) -> Any:
    start = fp.tell()
    magic = fp.read(4)
    fp.seek(start)
    if magic[:2] != b"PK":
        raise RuntimeError("load: not a PyTorch zip checkpoint (ember reads the zip format that torch.save "
                           "has written since PyTorch 1.6, not the legacy format or TorchScript archives)")
    try:
        zf = zipfile.ZipFile(fp)
    except zipfile.BadZipFile as e:
        raise RuntimeError(f"load: the file is not a valid checkpoint archive ({e})") from None
    with zf:
        pkl = [n for n in zf.namelist() if n.endswith("data.pkl") and n.count("/") == 1]
        if len(pkl) != 1:
            raise RuntimeError("load: the archive has no <archive>/data.pkl record (a TorchScript file? "
                               "those need torch.jit.load)")
        prefix = pkl[0][: -len("data.pkl")]
        if f"{prefix}byteorder" in zf.namelist() and zf.read(f"{prefix}byteorder") != sys.byteorder.encode():
            raise RuntimeError(f"load: the checkpoint's byte order differs from this machine's ({sys.byteorder})")
        data = io.BytesIO(zf.read(pkl[0]))
        unpickler = _Unpickler(data, zf, prefix, weights_only, _restore_location(map_location), **pickle_load_args)
        return unpickler.load()
