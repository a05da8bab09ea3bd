"""ember.save / ember.load: PyTorch's zip checkpoint format, read back by ember.
(Exchange with PyTorch itself: tests/torch_compat/test_serialization_torch.py.)"""

import collections
import io
import pickle
import zipfile

import ember
import numpy as np
import pytest

DTYPES = [ember.bool, ember.uint8, ember.int8, ember.int16, ember.int32, ember.int64,
          ember.float16, ember.bfloat16, ember.float32, ember.float64]


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
def test_round_trip_every_dtype(tmp_path, dtype):
    t = (ember.arange(12) % 5).to(dtype).reshape(3, 4)
    path = tmp_path / "t.pt"
    ember.save(t, path)
    back = ember.load(path)
    assert back.dtype == dtype and back.shape == t.shape
    assert (back == t).all().item()


def test_round_trip_containers_views_and_metadata():
    base = ember.arange(12.0).reshape(3, 4)
    obj = {
        "sd": collections.OrderedDict(w=base.t(), b=base[1, ::2], e=ember.empty(0, 3), s=ember.tensor(2.5)),
        "epoch": 7, "lr": 1e-3, "name": "run", "dims": (1, [2, 3]), "flags": {True, False},
        "dtype": ember.bfloat16, "device": ember.device("cpu"), "size": ember.Size([2, 3]),
        "same": [base, base],
    }
    buf = io.BytesIO()
    ember.save(obj, buf)
    buf.seek(0)
    back = ember.load(buf)
    assert isinstance(back["sd"], collections.OrderedDict) and list(back["sd"]) == ["w", "b", "e", "s"]
    for k in ("w", "b", "e", "s"):
        np.testing.assert_array_equal(back["sd"][k].numpy(), obj["sd"][k].numpy())
    assert back["sd"]["w"].shape == (4, 3) and back["sd"]["e"].shape == (0, 3) and back["sd"]["s"].dim() == 0
    assert back["epoch"] == 7 and back["lr"] == 1e-3 and back["dims"] == (1, [2, 3]) and back["flags"] == {True, False}
    assert back["dtype"] is ember.bfloat16 and back["device"] == ember.device("cpu") and back["size"] == ember.Size([2, 3])
    a, b = back["same"]
    assert a is b  # one object saved twice loads as one object
    b[0, 0] = 100.0  # and owns writable memory
    assert a[0, 0].item() == 100.0


def test_archive_layout_is_pytorchs(tmp_path):
    path = tmp_path / "model.pt"
    ember.save({"w": ember.ones(3)}, path)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert names[0] == "model/data.pkl" and "model/data/0" in names and "model/byteorder" in names
        assert zf.read("model/version") == b"3\n"
        assert np.frombuffer(zf.read("model/data/0"), np.float32).tolist() == [1.0, 1.0, 1.0]
        assert b"torch._utils\n_rebuild_tensor_v2" in zf.read("model/data.pkl")
        raw = path.read_bytes()
        for info in zf.infolist():  # every record's bytes start 64-byte aligned (mmap-able)
            name_len, extra_len = np.frombuffer(raw[info.header_offset + 26:info.header_offset + 30], "<u2")
            assert (info.header_offset + 30 + name_len + extra_len) % 64 == 0


def test_weights_only_refuses_arbitrary_globals_and_allows_them_on_request():
    buf = io.BytesIO()
    ember.save({"fn": collections.Counter("aab")}, buf)
    buf.seek(0)
    with pytest.raises(pickle.UnpicklingError, match="Weights only load failed: unsupported global collections.Counter"):
        ember.load(buf)
    buf.seek(0)
    assert ember.load(buf, weights_only=False)["fn"] == collections.Counter("aab")


def test_map_location_forms():
    buf = io.BytesIO()
    ember.save([ember.ones(2)], buf)
    for loc in ("cpu", ember.device("cpu"), {"cpu": "cpu"}, lambda storage, loc: storage):
        buf.seek(0)
        assert ember.load(buf, map_location=loc)[0].tolist() == [1.0, 1.0]
    buf.seek(0)
    with pytest.raises(TypeError, match="map_location"):
        ember.load(buf, map_location=3)


def test_bad_files_raise_clear_errors(tmp_path):
    with pytest.raises(RuntimeError, match="not a PyTorch zip checkpoint"):
        ember.load(io.BytesIO(b"definitely not a checkpoint"))
    with pytest.raises(RuntimeError, match="not a valid checkpoint archive"):
        ember.load(io.BytesIO(b"PK\x03\x04 truncated"))
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("x/other", b"")
    empty.seek(0)
    with pytest.raises(RuntimeError, match="no <archive>/data.pkl"):
        ember.load(empty)
    # A storage whose bytes do not fill what the tensor claims: an error, never a read past the end.
    good = io.BytesIO()
    ember.save(ember.arange(4.0), good)
    good.seek(0)
    with zipfile.ZipFile(good) as zin:
        records = {n: zin.read(n) for n in zin.namelist()}
    records["archive/data/0"] = records["archive/data/0"][:8]
    bad = io.BytesIO()
    with zipfile.ZipFile(bad, "w") as zout:
        for n, d in records.items():
            zout.writestr(n, d)
    bad.seek(0)
    with pytest.raises(RuntimeError, match="out of bounds"):
        ember.load(bad)
    with pytest.raises(FileNotFoundError):
        ember.load(tmp_path / "missing.pt")
    with pytest.raises(NotImplementedError, match="legacy"):
        ember.save(ember.ones(1), io.BytesIO(), _use_new_zipfile_serialization=False)
