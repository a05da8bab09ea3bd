"""The Python layer on CUDA tensors: moves, printing, NumPy/DLPack refusals and
device codes, creation and indexing on the device. Marked `cuda`: skipped
without a GPU (tests/conftest.py)."""

from __future__ import annotations

import ember
import numpy as np
import pytest

pytestmark = pytest.mark.cuda


def test_moves_and_metadata() -> None:
    c = ember.arange(6.0).reshape(2, 3).cuda()
    assert c.is_cuda and c.device == ember.device("cuda", 0) and c.type() == "ember.cuda.FloatTensor"
    assert c.cuda() is c and c.to("cuda:0") is c
    back = c.cpu()
    assert back.is_cpu and back.tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    assert c.to("cpu", ember.int32).dtype is ember.int32
    assert c.sum().item() == 15.0 and c.tolist() == back.tolist()


def test_repr_has_device_suffix() -> None:
    assert repr(ember.tensor([1.0, 2.0], device="cuda")) == "tensor([1., 2.], device='cuda:0')"
    assert repr(ember.tensor([1, 2], dtype=ember.int32, device="cuda")) == (
        "tensor([1, 2], device='cuda:0', dtype=ember.int32)")


def test_numpy_and_dlpack() -> None:
    c = ember.ones(3, device="cuda")
    with pytest.raises(TypeError, match="can't convert cuda:0 device type tensor to numpy"):
        c.numpy()
    assert np.array_equal(c.numpy(force=True), np.ones(3, dtype=np.float32))
    assert c.__dlpack_device__()[0] in (2, 10)
    d = ember.from_dlpack(c)
    assert d.is_cuda and d.data_ptr() == c.data_ptr()


def test_creation_and_indexing_on_device() -> None:
    c = ember.tensor([[1, 2, 3], [4, 5, 6]], device="cuda")
    assert c[1, 2].item() == 6 and c[:, 1].tolist() == [2, 5]
    assert c[ember.tensor([1, 0])].tolist() == [[4, 5, 6], [1, 2, 3]]  # CPU index, CUDA tensor
    assert c[c > 3].tolist() == [4, 5, 6]
    c[0] = 0
    c[c == 5] = -1
    assert c.tolist() == [[0, 0, 0], [4, -1, 6]]
    assert (c + 1).is_cuda and (1 + c).cpu().tolist() == [[1, 1, 1], [5, 0, 7]]
