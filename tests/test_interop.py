"""Zero-copy interop: NumPy (from_numpy, Tensor.numpy, __array__,
__array_interface__) and DLPack (__dlpack__, from_dlpack), including lifetimes:
memory stays valid while either side lives, and is released when both are gone."""

from __future__ import annotations

import gc
import sys
import weakref

import ember
import numpy as np
import pytest

NP_TYPES = [np.bool_, np.uint8, np.int8, np.int16, np.int32, np.int64, np.float16, np.float32, np.float64]


@pytest.mark.parametrize("np_type", NP_TYPES)
def test_from_numpy_shares_memory(np_type) -> None:
    a = (np.arange(12) % 3).astype(np_type).reshape(3, 4)
    t = ember.from_numpy(a)
    assert str(t.dtype) == f"ember.{np.dtype(np_type).name}"
    assert t.shape == a.shape and t.data_ptr() == a.ctypes.data
    a[1, 1] = 1
    assert t[1, 1].item() == 1
    back = t.numpy()
    assert back.dtype == a.dtype and np.shares_memory(back, a)


def test_from_numpy_strided_and_lifetime() -> None:
    a = np.arange(20.0).reshape(4, 5)[::2, 1::2]
    t = ember.from_numpy(a)
    assert t.stride() == (10, 2) and t.tolist() == a.tolist()
    base = np.arange(5.0)
    t2 = ember.from_numpy(base)
    refs = sys.getrefcount(base)
    del t2
    gc.collect()
    assert sys.getrefcount(base) == refs - 1  # the storage let go of the array
    keep = ember.from_numpy(np.arange(3.0))
    gc.collect()
    assert keep.tolist() == [0.0, 1.0, 2.0]  # the tensor keeps its array alive


def test_from_numpy_errors() -> None:
    with pytest.raises(TypeError, match="expected np.ndarray \\(got list\\)"):
        ember.from_numpy([1, 2])
    with pytest.raises(ValueError, match="At least one stride in the given numpy array is negative"):
        ember.from_numpy(np.arange(4)[::-1])
    with pytest.raises(TypeError, match="can't convert np.ndarray of type numpy.uint16"):
        ember.from_numpy(np.zeros(2, dtype=np.uint16))
    with pytest.raises(ValueError, match="byte order"):
        ember.from_numpy(np.zeros(2, dtype=">f4"))
    ro = np.arange(3.0)
    ro.flags.writeable = False
    with pytest.warns(UserWarning, match="The given NumPy array is not writable"):
        ember.from_numpy(ro)


def test_numpy_views_and_errors() -> None:
    t = ember.arange(12).reshape(3, 4)
    n = t.T.numpy()
    assert n.shape == (4, 3) and n.strides == (8, 32)
    n[0, 0] = 42
    assert t[0, 0].item() == 42
    assert t.numpy().base is not None
    assert ember.tensor(2.5).numpy().shape == ()
    assert np.asarray(t).dtype == np.int64 and np.array(t, dtype=np.float32).dtype == np.float32
    assert np.add(t, 1).tolist() == (t + 1).tolist()
    with pytest.raises(TypeError, match="Got unsupported ScalarType BFloat16"):
        ember.zeros(2, dtype=ember.bfloat16).numpy()
    assert ember.zeros(2, dtype=ember.bfloat16).numpy(force=True).dtype == np.float32
    # the array keeps the tensor's memory alive
    arr = ember.arange(4.0).numpy()
    gc.collect()
    assert arr.tolist() == [0.0, 1.0, 2.0, 3.0]


def test_dlpack_roundtrip_ember() -> None:
    t = ember.arange(12.0).reshape(3, 4).T
    u = ember.from_dlpack(t)
    assert u.data_ptr() == t.data_ptr() and u.stride() == t.stride() and u.tolist() == t.tolist()
    u[0, 0] = -1.0
    assert t[0, 0].item() == -1.0
    assert t.__dlpack_device__() == (1, 0)
    for dt in [ember.bool, ember.uint8, ember.int8, ember.int16, ember.int32, ember.int64, ember.float16,
               ember.bfloat16, ember.float32, ember.float64]:
        s = ember.ones(3, dtype=dt)
        assert ember.from_dlpack(s).dtype is dt


def test_dlpack_with_numpy() -> None:
    a = np.arange(6, dtype=np.int32).reshape(2, 3)
    t = ember.from_dlpack(a)
    assert t.dtype is ember.int32 and t.data_ptr() == a.ctypes.data
    a[0, 0] = 9
    assert t[0, 0].item() == 9
    n = np.from_dlpack(ember.arange(5.0))
    assert n.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    b = ember.ones(3, dtype=ember.bool)
    assert np.from_dlpack(b).dtype == np.bool_


def test_dlpack_capsule_consumed_once_and_freed() -> None:
    t = ember.arange(3)
    capsule = t.__dlpack__()
    u = ember.from_dlpack(capsule)
    assert u.tolist() == [0, 1, 2]
    with pytest.raises(ValueError, match="DLTensor capsules can be consumed only once"):
        ember.from_dlpack(capsule)
    # An unconsumed capsule frees its export when it dies (no leak, no double free).
    x = ember.arange(4)
    ref = weakref.ref(x)
    cap = x.__dlpack__()
    del x
    gc.collect()
    assert ref() is None  # the capsule holds the C++ tensor, not the Python object
    del cap
    gc.collect()
    with pytest.raises(TypeError, match="expected an object with __dlpack__ or a DLPack capsule"):
        ember.from_dlpack([1, 2])
