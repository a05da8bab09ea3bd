"""Checkpoints cross between ember and PyTorch 2.13 in both directions."""

import collections
import io
import pickle

import ember
import numpy as np
import pytest

NAMES = ["bool", "uint8", "int8", "int16", "int32", "int64", "float16", "bfloat16", "float32", "float64"]


def _np(t):
    return t.float().numpy() if str(t.dtype).endswith("bfloat16") else t.numpy()


@pytest.mark.parametrize("name", NAMES)
def test_ember_checkpoint_loads_in_torch(torch, name, tmp_path):
    t = (ember.arange(24) % 7).to(getattr(ember, name)).reshape(2, 3, 4).permute(2, 0, 1)
    path = tmp_path / "e.pt"
    ember.save({"t": t, "epoch": 1, "dtype": t.dtype, "size": t.shape}, path)
    for mmap in (False, True):
        r = torch.load(path, mmap=mmap)  # weights_only=True: only PyTorch's safe globals are used
        assert r["t"].dtype == getattr(torch, name) and r["dtype"] == getattr(torch, name)
        assert tuple(r["t"].shape) == (4, 2, 3) and r["size"] == torch.Size([4, 2, 3])
        np.testing.assert_array_equal(_np(r["t"]), _np(t))


def test_torch_checkpoint_loads_in_ember_with_shared_storage(torch):
    base = torch.arange(12.0).reshape(3, 4)
    sd = collections.OrderedDict(w=base, wt=base.t(), row=base[1], h=torch.ones(2, dtype=torch.bfloat16),
                                 i=torch.tensor([1, 2], dtype=torch.int32), e=torch.empty(0, 2))
    lin = torch.nn.Linear(3, 2)
    buf = io.BytesIO()
    torch.save({"sd": sd, "linear": lin.state_dict(), "step": 5, "dev": torch.device("cpu"),
                "dtype": torch.float64, "size": torch.Size([1, 2])}, buf)
    buf.seek(0)
    r = ember.load(buf)
    for k, v in sd.items():
        assert str(r["sd"][k].dtype).split(".")[-1] == str(v.dtype).split(".")[-1]
        assert r["sd"][k].stride() == v.stride() and tuple(r["sd"][k].shape) == tuple(v.shape)
        np.testing.assert_array_equal(_np(r["sd"][k]), _np(v))
    # w, wt and row are views of one storage in the file, and stay views of one tensor.
    r["sd"]["w"][1, 2] = -1.0
    assert r["sd"]["wt"][2, 1].item() == -1.0 and r["sd"]["row"][2].item() == -1.0
    np.testing.assert_allclose(r["linear"]["weight"].numpy(), lin.weight.detach().numpy())
    assert r["step"] == 5 and r["dev"] == ember.device("cpu") and r["dtype"] is ember.float64
    assert r["size"] == ember.Size([1, 2])


def test_whole_module_pickle_is_refused_by_default(torch):
    buf = io.BytesIO()
    torch.save(torch.nn.Linear(2, 2), buf)
    buf.seek(0)
    with pytest.raises(pickle.UnpicklingError, match="Weights only load failed"):
        ember.load(buf)
