"""ember.cuda's runtime: availability, devices, the caching allocator, streams,
cross-device copies and device-mismatch errors.

The first group runs everywhere (a CPU-only build, a CUDA build without a GPU): ember.cuda
must answer "no GPU" without crashing. The rest is marked `cuda` and skips cleanly
without a device (tests/conftest.py)."""

from __future__ import annotations

import ember
import numpy as np
import pytest

ALL_DTYPES = [
    "bool",
    "uint8",
    "int8",
    "int16",
    "int32",
    "int64",
    "float16",
    "bfloat16",
    "float32",
    "float64",
]


def _np(t: ember.Tensor) -> np.ndarray:
    t = t.cpu()
    return (t.float() if t.dtype == ember.bfloat16 else t).numpy()


# ---------------------------------------------------------------------------
# Everywhere: the module works without a GPU.


def test_cuda_queries_never_crash() -> None:
    assert isinstance(ember.cuda.is_available(), bool)
    n = ember.cuda.device_count()
    assert isinstance(n, int) and n >= 0
    assert ember.cuda.is_available() == (n > 0)


@pytest.mark.skipif(ember.cuda.is_available(), reason="checks the no-GPU behaviour")
def test_without_gpu_everything_answers_no() -> None:
    assert ember.cuda.device_count() == 0
    assert ember.cuda.memory_allocated() == 0
    assert ember.cuda.memory_reserved() == 0
    assert ember.cuda.max_memory_allocated() == 0
    assert ember.cuda.memory_stats() == {}
    ember.cuda.synchronize()
    ember.cuda.empty_cache()
    ember.cuda.manual_seed(0)
    ember.cuda.manual_seed_all(0)
    ember.cuda.reset_peak_memory_stats()
    ember.manual_seed(0)  # seeds CPU and (no) CUDA generators
    with pytest.raises(RuntimeError):
        ember.cuda.current_device()
    with pytest.raises(RuntimeError):
        ember.cuda.get_device_name()


@pytest.mark.skipif(ember.cuda.is_available(), reason="checks the no-GPU behaviour")
def test_without_gpu_cuda_tensors_raise_cleanly() -> None:
    # NotImplementedError (CPU-only build: no CUDA kernel) and "no CUDA GPU is available"
    # (CUDA build without a device) are both RuntimeErrors, as in PyTorch.
    with pytest.raises(RuntimeError):
        ember.zeros(3, device="cuda")
    with pytest.raises(RuntimeError):
        ember.ones(2).cuda()
    with pytest.raises(RuntimeError):
        ember.tensor([1.0]).to("cuda:0")


# ---------------------------------------------------------------------------
# With a GPU.

cuda = pytest.mark.cuda


@cuda
def test_devices() -> None:
    n = ember.cuda.device_count()
    assert n >= 1
    assert 0 <= ember.cuda.current_device() < n
    assert (
        isinstance(ember.cuda.get_device_name(), str) and ember.cuda.get_device_name()
    )
    major, _minor = ember.cuda.get_device_capability()
    assert major >= 3
    ember.cuda.set_device(0)
    assert ember.cuda.current_device() == 0
    free, total = ember.cuda.mem_get_info()
    assert 0 < free <= total
    with pytest.raises(RuntimeError, match="out of range"):
        ember.cuda.set_device(n + 7)
    ember.cuda.synchronize()
    ember.cuda.synchronize(0)


@cuda
def test_tensor_device_and_index() -> None:
    t = ember.zeros(3, device="cuda")
    assert t.is_cuda and not t.is_cpu
    assert t.device == ember.device("cuda", ember.cuda.current_device())
    assert str(t.device).startswith("cuda:")
    u = ember.ones(2, device="cuda:0")
    assert u.device == ember.device("cuda:0")
    with pytest.raises(RuntimeError):
        ember.zeros(2, device=f"cuda:{ember.cuda.device_count() + 3}")


@cuda
def test_caching_allocator_reuses_blocks() -> None:
    ember.cuda.synchronize()
    ember.cuda.empty_cache()
    base_alloc = ember.cuda.memory_allocated()
    n = 3 * 1024 * 1024  # 12 MiB of float32: a large-pool block
    x = ember.empty(n, device="cuda")
    assert ember.cuda.memory_allocated() >= base_alloc + 4 * n
    reserved = ember.cuda.memory_reserved()
    mallocs = ember.cuda.memory_stats()["num_cuda_mallocs"]
    del x
    assert ember.cuda.memory_allocated() == base_alloc
    assert ember.cuda.memory_reserved() == reserved  # kept in the cache
    y = ember.empty(n, device="cuda")  # served from the cache
    assert ember.cuda.memory_stats()["num_cuda_mallocs"] == mallocs
    assert ember.cuda.memory_reserved() == reserved
    del y
    # Small tensors share one 2 MiB segment.
    before = ember.cuda.memory_stats()["num_cuda_mallocs"]
    smalls = [ember.empty(100, device="cuda") for _ in range(50)]
    assert ember.cuda.memory_stats()["num_cuda_mallocs"] <= before + 1
    del smalls
    assert ember.cuda.max_memory_allocated() >= 4 * n
    ember.cuda.empty_cache()
    assert ember.cuda.memory_reserved() < reserved
    ember.cuda.reset_peak_memory_stats()
    assert ember.cuda.max_memory_allocated() == ember.cuda.memory_allocated()


@cuda
def test_caching_allocator_split_and_merge() -> None:
    ember.cuda.synchronize()
    ember.cuda.empty_cache()
    mallocs = lambda: ember.cuda.memory_stats()["num_cuda_mallocs"]
    start = mallocs()
    # Two 6 MiB tensors are carved out of one 20 MiB segment...
    a = ember.empty(1536 * 1024, device="cuda")
    b = ember.empty(1536 * 1024, device="cuda")
    assert mallocs() == start + 1
    a.fill_(1.0)
    b.fill_(2.0)
    assert float(a.sum().item()) == 1536 * 1024
    assert float(b.sum().item()) == 2 * 1536 * 1024
    after_ab = mallocs()
    # ...and merge back into it when freed: a 16 MiB tensor then needs no new segment.
    del a, b
    big = ember.empty(4 * 1024 * 1024, device="cuda")
    assert mallocs() == after_ab
    big.fill_(3.0)
    assert float(big[-1].item()) == 3.0
    del big


def test_allocator_size_policy() -> None:
    backend = getattr(ember._C, "_cuda", None)
    if backend is None:
        pytest.skip("CPU-only build")
    assert backend._round_size(1) == 512
    assert backend._round_size(512) == 512
    assert backend._round_size(513) == 1024
    assert backend._segment_size(512) == 2 << 20
    assert backend._segment_size(1 << 20) == 2 << 20
    assert backend._segment_size((1 << 20) + 512) == 20 << 20
    assert backend._segment_size(11 << 20) == 12 << 20


@cuda
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_cross_device_copy_roundtrip(dtype: str) -> None:
    d = getattr(ember, dtype)
    src = ember.arange(24).reshape(2, 3, 4).to(d)
    g = src.cuda()
    assert g.is_cuda and g.dtype == d and g.shape == src.shape
    back = g.cpu()
    np.testing.assert_array_equal(_np(back), _np(src))
    # non-contiguous on both sides
    gt = src.transpose(0, 2).cuda()
    np.testing.assert_array_equal(_np(gt), _np(src.transpose(0, 2)))
    dst = ember.zeros(4, 3, 2, dtype=d).transpose(0, 2)
    dst.copy_(g)
    np.testing.assert_array_equal(_np(dst), _np(src))
    gdst = ember.zeros(4, 3, 2, dtype=d, device="cuda").transpose(0, 2)
    gdst.copy_(src)
    np.testing.assert_array_equal(_np(gdst), _np(src))


@cuda
def test_cross_device_copy_converts_dtype_and_broadcasts() -> None:
    src = ember.tensor([[1.5, -2.25, 3.0]])
    g = ember.empty(2, 3, dtype=ember.int32, device="cuda")
    g.copy_(src)
    np.testing.assert_array_equal(_np(g), [[1, -2, 3], [1, -2, 3]])
    h = ember.empty(3, dtype=ember.float64)
    h.copy_(ember.tensor([1, 2, 3], dtype=ember.int16, device="cuda"))
    np.testing.assert_array_equal(h.numpy(), [1.0, 2.0, 3.0])
    nb = src.to("cuda", non_blocking=True)
    ember.cuda.synchronize()
    np.testing.assert_array_equal(_np(nb), _np(src))


@cuda
@pytest.mark.parametrize("src_dtype", ALL_DTYPES)
def test_same_device_dtype_conversion(src_dtype: str) -> None:
    # Values every dtype holds exactly (a negative float into an unsigned type is
    # undefined in C++, so the CPU and the GPU need not agree there).
    values = np.array([0, 1, 3, 7, 100, 127, 2, 0], dtype=np.float64)
    cpu = ember.tensor(values).to(getattr(ember, src_dtype))
    g = cpu.cuda()
    for dst in ALL_DTYPES:
        d = getattr(ember, dst)
        np.testing.assert_array_equal(
            _np(g.to(d)), _np(cpu.to(d)), err_msg=f"{src_dtype}->{dst}"
        )
        # strided destination on the device
        out = ember.zeros(8, 2, dtype=d, device="cuda")[:, 1]
        out.copy_(g)
        np.testing.assert_array_equal(
            _np(out), _np(cpu.to(d)), err_msg=f"{src_dtype}->{dst} strided"
        )


@cuda
def test_item_and_tolist() -> None:
    g = ember.tensor([[1.5, 2.5]], device="cuda")
    assert g[0, 1].item() == 2.5
    assert g.tolist() == [[1.5, 2.5]]
    assert ember.tensor(7, device="cuda").item() == 7


@cuda
def test_device_mismatch_errors() -> None:
    g = ember.ones(3, device="cuda")
    c = ember.ones(3)
    with pytest.raises(
        RuntimeError, match="Expected all tensors to be on the same device"
    ):
        g + c
    with pytest.raises(
        RuntimeError, match="Expected all tensors to be on the same device"
    ):
        ember.add(c, g)
    with pytest.raises(RuntimeError):
        ember.mm(ember.ones(2, 2, device="cuda"), ember.ones(2, 2))
    with pytest.raises(RuntimeError):
        ember.add(g, g, out=ember.empty(3))
    with pytest.raises(RuntimeError):
        ember.where(ember.ones(3, dtype=ember.bool), g, c)
    # 0-dim CPU tensors and Python numbers do join a CUDA computation.
    np.testing.assert_array_equal(_np(g + ember.tensor(2.0)), [3.0, 3.0, 3.0])
    np.testing.assert_array_equal(_np(g * 2), [2.0, 2.0, 2.0])
    np.testing.assert_array_equal(_np(ember.tensor(2.0) - g), [1.0, 1.0, 1.0])


@cuda
def test_zero_size_and_zero_dim() -> None:
    e = ember.empty(0, 3, device="cuda")
    assert (e + 1).shape == (0, 3)
    assert e.sum().item() == 0
    assert e.sum(0).shape == (3,)
    z = ember.tensor(3.0, device="cuda")
    assert (z * z).item() == 9.0
    assert ember.exp(z).cpu().item() == pytest.approx(np.exp(3.0), rel=1e-6)


@cuda
def test_streams() -> None:
    s = ember.cuda.Stream()
    default = ember.cuda.current_stream()
    assert default == ember.cuda.default_stream()
    assert default.cuda_stream == 0
    with ember.cuda.stream(s):
        assert ember.cuda.current_stream() == s
        x = ember.arange(1000, device="cuda", dtype=ember.float32)
        y = (x * 2).sum()
    assert ember.cuda.current_stream() == default
    s.synchronize()
    assert s.query()
    assert y.item() == 999 * 1000
    assert "ember.cuda.Stream" in repr(s)


@cuda
def test_generators_reproducible() -> None:
    ember.manual_seed(1234)
    a = ember.rand(1000, device="cuda")
    ember.manual_seed(1234)
    b = ember.rand(1000, device="cuda")
    np.testing.assert_array_equal(_np(a), _np(b))
    ember.cuda.manual_seed(5)
    c = ember.randn(10, device="cuda")
    ember.cuda.manual_seed_all(5)
    d = ember.randn(10, device="cuda")
    np.testing.assert_array_equal(_np(c), _np(d))
