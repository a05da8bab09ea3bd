"""Views, creation, random numbers and advanced indexing: the behaviour the OpInfo
table does not express (view-vs-copy and strides, size inference rules, PyTorch's
error messages, generator reproducibility, NumPy's advanced-indexing result shapes).
NumPy is the reference for values; PyTorch 2.13's wording for errors."""

from __future__ import annotations

import numpy as np
import pytest

ember = pytest.importorskip("ember")


def arange_np(*shape, dtype=np.float32):
    return np.arange(int(np.prod(shape)), dtype=dtype).reshape(shape)


def t(a):
    return ember.tensor(np.array(a, order="C"))


def same_storage(a, b):
    return a.data_ptr() - a.storage_offset() * a.element_size() == (
        b.data_ptr() - b.storage_offset() * b.element_size()
    )


# ---------------------------------------------------------------------------------
# views
# ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "shape,new",
    [((3, 4), (4, 3)), ((3, 4), (-1,)), ((2, 3, 4), (6, -1)), ((2, 3, 4), (2, 1, 12)), ((), (1, 1)),
     ((0, 3), (3, 0)), ((1,), ())],
)
def test_view_contiguous(shape, new):
    a = arange_np(*shape)
    x = t(a)
    v = x.view(new)
    np.testing.assert_array_equal(v.numpy(), a.reshape(new))
    assert same_storage(v, x)


def test_view_of_transposed_follows_compute_stride():
    x = t(arange_np(2, 3, 4)).permute(1, 0, 2)  # (3, 2, 4), strides (4, 12, 1)
    v = x.view(3, 2, 2, 2)  # splitting the contiguous last dim is fine
    assert v.stride() == (4, 12, 2, 1)
    np.testing.assert_array_equal(v.numpy(), x.numpy().reshape(3, 2, 2, 2))
    with pytest.raises(RuntimeError, match="view size is not compatible with input tensor's size and stride"):
        x.view(6, 4)


def test_view_errors():
    x = t(arange_np(2, 3))
    with pytest.raises(RuntimeError, match=r"shape '\[2, 5\]' is invalid for input of size 6"):
        x.view(2, 5)
    with pytest.raises(RuntimeError, match="only one dimension can be inferred"):
        x.view(-1, -1)
    with pytest.raises(RuntimeError, match=r"invalid shape dimension -2"):
        x.view(-2, 3)


def test_reshape_views_when_possible_copies_otherwise():
    x = t(arange_np(3, 4))
    r = x.reshape(2, 6)
    assert same_storage(r, x)
    xt = x.t()
    r2 = xt.reshape(12)
    np.testing.assert_array_equal(r2.numpy(), arange_np(3, 4).T.reshape(12))
    assert not same_storage(r2, x)
    e = t(arange_np(1, 3)).expand(4, 3).reshape(12)
    np.testing.assert_array_equal(e.numpy(), np.tile(np.arange(3, dtype=np.float32), 4))


def test_flatten_and_view_as():
    a = arange_np(2, 3, 4)
    x = t(a)
    np.testing.assert_array_equal(x.flatten(1).numpy(), a.reshape(2, 12))
    np.testing.assert_array_equal(x.flatten(0, 1).numpy(), a.reshape(6, 4))
    assert ember.flatten(t(np.float32(5))).shape == (1,)
    with pytest.raises(RuntimeError, match="start_dim cannot come after end_dim"):
        x.flatten(2, 1)
    y = t(arange_np(6, 4))
    np.testing.assert_array_equal(x.view_as(y).numpy(), a.reshape(6, 4))
    np.testing.assert_array_equal(x.reshape_as(y).numpy(), a.reshape(6, 4))


def test_transpose_permute_t():
    a = arange_np(2, 3, 4)
    x = t(a)
    np.testing.assert_array_equal(x.transpose(0, 2).numpy(), a.transpose(2, 1, 0))
    np.testing.assert_array_equal(x.permute(2, 0, 1).numpy(), a.transpose(2, 0, 1))
    np.testing.assert_array_equal(x.permute(-1, 0, 1).numpy(), a.transpose(2, 0, 1))
    with pytest.raises(RuntimeError, match="duplicate dims are not allowed"):
        x.permute(0, 0, 1)
    with pytest.raises(RuntimeError, match=r"input.dim\(\) = 3 is not equal to len\(dims\) = 2"):
        x.permute(0, 1)
    with pytest.raises(RuntimeError, match=r"t\(\) expects a tensor with <= 2 dimensions, but self is 3D"):
        x.t()
    y = t(arange_np(2, 3))
    y.transpose_(0, 1)
    assert y.shape == (3, 2) and y.stride() == (1, 3)


def test_expand():
    a = np.arange(3, dtype=np.float32)
    x = t(a)
    e = x.expand(2, 3)
    assert e.stride() == (0, 1)
    np.testing.assert_array_equal(e.numpy(), np.broadcast_to(a, (2, 3)))
    np.testing.assert_array_equal(x.expand(4, -1).numpy(), np.broadcast_to(a, (4, 3)))
    with pytest.raises(RuntimeError, match=r"The expanded size of the tensor \(4\) must match the existing "
                       r"size \(3\) at non-singleton dimension 1.  Target sizes: \[2, 4\].  Tensor sizes: \[3\]"):
        x.expand(2, 4)
    with pytest.raises(RuntimeError, match="isn't allowed in a leading, non-existing dimension 0"):
        x.expand(-1, 3)
    np.testing.assert_array_equal(x.expand_as(t(np.zeros((2, 3), np.float32))).numpy(), np.broadcast_to(a, (2, 3)))


def test_squeeze_unsqueeze():
    x = t(arange_np(1, 3, 1))
    assert x.squeeze().shape == (3,)
    assert x.squeeze(0).shape == (3, 1)
    assert x.squeeze(1).shape == (1, 3, 1)
    assert x.squeeze((0, 2)).shape == (3,)
    with pytest.raises(RuntimeError, match="dim 0 appears multiple times in the list of dims"):
        x.squeeze((0, 0))
    assert x.unsqueeze(-1).shape == (1, 3, 1, 1)
    assert x.unsqueeze(0).shape == (1, 1, 3, 1)
    with pytest.raises(IndexError, match=r"Dimension out of range \(expected to be in range of \[-4, 3\], but got 4\)"):
        x.unsqueeze(4)
    y = t(arange_np(1, 3))
    y.squeeze_()
    assert y.shape == (3,)
    y.unsqueeze_(1)
    assert y.shape == (3, 1)
    y.squeeze_(1)
    assert y.shape == (3,)


def test_select_slice_narrow():
    a = arange_np(4, 5)
    x = t(a)
    np.testing.assert_array_equal(x.select(1, -1).numpy(), a[:, -1])
    with pytest.raises(IndexError, match=r"select\(\): index 5 out of range for tensor of size \[4, 5\] at dimension 1"):
        x.select(1, 5)
    with pytest.raises(IndexError, match=r"select\(\) cannot be applied to a 0-dim tensor."):
        t(np.float32(1)).select(0, 0)
    for start, end, step in [(None, None, 1), (1, None, 2), (-3, -1, 1), (-10, 10, 3), (3, 1, 1), (7, 9, 1)]:
        np.testing.assert_array_equal(ember.slice(x, 1, start, end, step).numpy() if hasattr(ember, "slice")
                                      else x[:, start:end:step].numpy(), a[:, start:end:step])
    np.testing.assert_array_equal(x.narrow(0, 1, 2).numpy(), a[1:3])
    np.testing.assert_array_equal(x.narrow(0, -2, 2).numpy(), a[2:4])
    with pytest.raises(RuntimeError, match=r"start \(3\) \+ length \(2\) exceeds dimension size \(4\)."):
        x.narrow(0, 3, 2)
    with pytest.raises(IndexError, match=r"start out of range \(expected to be in range of \[-4, 4\], but got 5\)"):
        x.narrow(0, 5, 0)
    with pytest.raises(ValueError, match="step must be greater than zero"):
        x[::-1]


def test_as_strided_and_view_dtype():
    x = t(np.arange(6, dtype=np.float32))
    np.testing.assert_array_equal(x.as_strided((2, 2), (1, 2), 1).numpy(), np.array([[1, 3], [2, 4]], np.float32))
    with pytest.raises(RuntimeError, match="out of bounds for storage of size 24"):
        x.as_strided((4,), (2,))
    with pytest.raises(RuntimeError, match="Negative strides are not supported"):
        x.as_strided((2,), (-1,))
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    np.testing.assert_array_equal(t(a).view(ember.int32).numpy(), a.view(np.int32))
    np.testing.assert_array_equal(t(a).view(ember.float16).numpy(), a.view(np.float16))
    b = np.arange(8, dtype=np.uint8).reshape(2, 4)
    np.testing.assert_array_equal(t(b).view(ember.int16).numpy(), b.view(np.int16))
    with pytest.raises(RuntimeError, match=r"self.size\(-1\) must be divisible by 2 to view Byte as Short"):
        t(np.zeros((2, 3), np.uint8)).view(ember.int16)


def test_contiguous_and_resize():
    x = t(arange_np(3, 4)).t()
    c = x.contiguous()
    assert c.is_contiguous() and not same_storage(c, x)
    np.testing.assert_array_equal(c.numpy(), arange_np(3, 4).T)
    y = t(arange_np(2, 3))
    assert y.contiguous() is y or same_storage(y.contiguous(), y)
    y.resize_(4, 4)
    assert y.shape == (4, 4) and y.stride() == (4, 1)
    np.testing.assert_array_equal(y.numpy().reshape(-1)[:6], np.arange(6, dtype=np.float32))
    y.resize_(2)
    assert y.shape == (2,)


# ---------------------------------------------------------------------------------
# creation
# ---------------------------------------------------------------------------------


def test_full_dtype_inference_and_like():
    assert ember.full((2,), True).dtype == ember.bool
    assert ember.full((2,), 3).dtype == ember.int64
    assert ember.full((2,), 3.5).dtype == ember.get_default_dtype()
    np.testing.assert_array_equal(ember.zeros(2, 3).numpy(), np.zeros((2, 3), np.float32))
    np.testing.assert_array_equal(ember.ones(2, dtype=ember.int32).numpy(), np.ones(2, np.int32))
    xt = t(arange_np(2, 3)).t()
    assert ember.empty_like(xt).stride() == (1, 3)  # dense permutation: strides kept
    assert ember.zeros_like(xt, memory_format=ember.contiguous_format).stride() == (2, 1)
    assert ember.ones_like(t(arange_np(2, 4))[:, ::2]).stride() == (2, 1)  # gaps: contiguous
    assert ember.full_like(xt, 7).dtype == ember.float32
    with pytest.raises(RuntimeError, match=r"Trying to create tensor with negative dimension -1: \[2, -1\]"):
        ember.empty(2, -1)


@pytest.mark.parametrize(
    "args,kwargs",
    [((5,), {}), ((1, 10, 3), {}), ((0, 1, 0.1), {}), ((10, 0, -3), {}), ((-1.5, 2.5, 0.5), {}),
     ((0.5, 5), {"dtype": "int64"}), ((1, 2.5, 0.5), {"dtype": "int32"}), ((5,), {"dtype": "float16"}),
     ((-3, 5, 3), {"dtype": "int8"}), ((0, 0), {})],
)
def test_arange(args, kwargs):
    # References computed by PyTorch 2.13 (the size rule differs from NumPy's for ints).
    expected = {
        ((5,), ()): (np.arange(5), "int64"),
        ((1, 10, 3), ()): (np.array([1, 4, 7]), "int64"),
        ((0, 1, 0.1), ()): (np.arange(10) * 0.1, "float32"),
        ((10, 0, -3), ()): (np.array([10, 7, 4, 1]), "int64"),
        ((-1.5, 2.5, 0.5), ()): (np.arange(8) * 0.5 - 1.5, "float32"),
        ((0.5, 5), (("dtype", "int64"),)): (np.arange(5), "int64"),
        ((1, 2.5, 0.5), (("dtype", "int32"),)): (np.array([1, 1, 1]), "int32"),
        ((5,), (("dtype", "float16"),)): (np.arange(5), "float16"),
        ((-3, 5, 3), (("dtype", "int8"),)): (np.array([-3, 0, 3]), "int8"),
        ((0, 0), ()): (np.zeros(0), "int64"),
    }[(args, tuple(kwargs.items()))]
    kw = {k: getattr(ember, v) for k, v in kwargs.items()}
    r = ember.arange(*args, **kw)
    assert r.dtype == getattr(ember, expected[1])
    np.testing.assert_allclose(r.numpy().astype(np.float64), expected[0], rtol=1e-6, atol=1e-6)


def test_arange_errors_and_out():
    with pytest.raises(RuntimeError, match="step must be nonzero"):
        ember.arange(0, 10, 0)
    with pytest.raises(RuntimeError, match="upper bound and lower bound inconsistent with step sign"):
        ember.arange(0, -10, 1)
    with pytest.raises(RuntimeError, match=r"unsupported range: 0 -> inf"):
        ember.arange(0, float("inf"))
    out = ember.empty(0, dtype=ember.int32)
    r = ember.arange(0, 6, 2, out=out)
    assert r.dtype == ember.int32
    np.testing.assert_array_equal(out.numpy(), np.array([0, 2, 4], np.int32))
    ember.arange(4, out=out)  # arange.out(end)
    np.testing.assert_array_equal(out.numpy(), np.arange(4, dtype=np.int32))


def test_linspace_eye():
    np.testing.assert_allclose(ember.linspace(0, 1, 7).numpy(), np.linspace(0, 1, 7, dtype=np.float32), rtol=1e-6)
    np.testing.assert_array_equal(ember.linspace(0, 10, 4, dtype=ember.int64).numpy(), [0, 3, 6, 10])
    np.testing.assert_array_equal(ember.linspace(10, 0, 4, dtype=ember.int64).numpy(), [10, 6, 3, 0])
    np.testing.assert_array_equal(ember.linspace(-1, 7, 6, dtype=ember.int32).numpy(), [-1, 0, 2, 3, 5, 7])
    assert ember.linspace(3, 5, 1).numpy().tolist() == [3.0]
    assert ember.linspace(3, 5, 0).shape == (0,)
    with pytest.raises(RuntimeError, match="number of steps must be non-negative"):
        ember.linspace(0, 1, -1)
    np.testing.assert_array_equal(ember.eye(3).numpy(), np.eye(3, dtype=np.float32))
    np.testing.assert_array_equal(ember.eye(2, 4, dtype=ember.int64).numpy(), np.eye(2, 4, dtype=np.int64))
    np.testing.assert_array_equal(ember.eye(2, dtype=ember.bool).numpy(), np.eye(2, dtype=bool))
    out = ember.zeros(5, 5)
    ember.eye(3, 2, out=out)
    assert out.shape == (3, 2)
    np.testing.assert_array_equal(out.numpy(), np.eye(3, 2, dtype=np.float32))
    ember.eye(2, out=out)  # eye.out(n)
    np.testing.assert_array_equal(out.numpy(), np.eye(2, dtype=np.float32))
    with pytest.raises(RuntimeError, match="n must be greater or equal to 0, got -1"):
        ember.eye(-1)


# ---------------------------------------------------------------------------------
# random numbers
# ---------------------------------------------------------------------------------


def test_manual_seed_reproduces_and_streams_advance():
    ember.manual_seed(123)
    a = ember.rand(1000)
    b = ember.rand(1000)
    ember.manual_seed(123)
    a2 = ember.rand(1000)
    np.testing.assert_array_equal(a.numpy(), a2.numpy())
    assert not np.array_equal(a.numpy(), b.numpy())


def test_values_do_not_depend_on_layout():
    # Element i of the logical (row-major) order gets the same value whatever the strides.
    ember.manual_seed(7)
    c = ember.empty(40, 30).uniform_()
    ember.manual_seed(7)
    nc = ember.empty(30, 40).t()
    nc.uniform_()
    np.testing.assert_array_equal(c.numpy(), nc.numpy())


@pytest.mark.parametrize("dtype", ["float32", "float64", "float16", "bfloat16"])
def test_uniform_and_normal_statistics(dtype):
    dt = getattr(ember, dtype)
    u = ember.rand(200_000, dtype=dt).float().numpy()
    assert u.min() >= 0.0 and u.max() < 1.0
    assert abs(u.mean() - 0.5) < 0.01 and abs(u.var() - 1 / 12) < 0.01
    n = ember.randn(200_000, dtype=dt).float().numpy()
    assert abs(n.mean()) < 0.02 and abs(n.std() - 1) < 0.02
    x = ember.empty(100_000, dtype=dt).uniform_(-3, 5).float().numpy()
    assert x.min() >= -3 and x.max() <= 5 and abs(x.mean() - 1) < 0.05
    y = ember.empty(100_000, dtype=dt).normal_(2, 0.5).float().numpy()
    assert abs(y.mean() - 2) < 0.02 and abs(y.std() - 0.5) < 0.02


def test_randint_and_random_():
    r = ember.randint(3, 10, (10_000,))
    assert r.dtype == ember.int64
    v = r.numpy()
    assert v.min() == 3 and v.max() == 9
    assert set(np.unique(ember.randint(2, (1000,), dtype=ember.bool).numpy())) == {False, True}
    big = ember.randint(0, 2**40, (1000,)).numpy()
    assert big.max() > 2**32  # wide draws reach beyond 32 bits
    x = ember.empty(1000, dtype=ember.uint8).random_(0, None)
    assert x.numpy().max() > 200
    assert ember.randint_like(t(np.zeros(5, np.float32)), 4).dtype == ember.float32
    with pytest.raises(RuntimeError, match="random_ expects 'from' to be less than 'to', but got from=5 >= to=3"):
        ember.randint(5, 3, (2,))
    with pytest.raises(RuntimeError, match="to - 1 is out of bounds for unsigned char"):
        ember.randint(300, (2,), dtype=ember.uint8)
    with pytest.raises(RuntimeError, match="normal expects std >= 0.0"):
        ember.empty(3).normal_(0, -1)
    with pytest.raises(RuntimeError, match=r"uniform_ expects to return a \[from, to\) range, but found from=1 > to=0"):
        ember.empty(3).uniform_(1, 0)
    with pytest.raises(RuntimeError, match="not implemented for 'Long'"):
        ember.rand(3, dtype=ember.int64)


def test_generator_argument():
    g = ember.Generator()
    g.manual_seed(5)
    a = ember.randn(10, generator=g)
    g.manual_seed(5)
    b = ember.randn(10, generator=g)
    np.testing.assert_array_equal(a.numpy(), b.numpy())


# ---------------------------------------------------------------------------------
# advanced indexing (through ember.Tensor.index / index_put_ and Python __getitem__)
# ---------------------------------------------------------------------------------


INDEX_CASES = [
    lambda: (np.array([0, 2, -1]),),
    lambda: (slice(None), np.array([[0, 1], [3, 3]])),
    lambda: (np.array([0, 1]), slice(None), np.array([1, 0])),      # separated: advanced dims first
    lambda: (slice(None), np.array([0, 2]), np.array([1, 3])),      # adjacent: stay in place
    lambda: (np.array([[0], [1]]), np.array([0, 1, 2])),             # broadcasting index tensors
    lambda: (arange_np(3, 4, 5) % 3 == 0,),                           # full mask
    lambda: (slice(None), np.array([True, False, True, True])),       # mask on a middle dim
    lambda: (slice(None), arange_np(4, 5) % 2 == 0),                  # 2-d mask after a slice
    lambda: (np.array([], dtype=np.int64),),
]


@pytest.mark.parametrize("case", range(len(INDEX_CASES)))
def test_index_matches_numpy(case):
    a = arange_np(3, 4, 5)
    idx = INDEX_CASES[case]()
    expected = a[idx]
    eidx = tuple(t(i) if isinstance(i, np.ndarray) else i for i in idx)
    got = t(a)[eidx]
    assert got.shape == expected.shape
    np.testing.assert_array_equal(got.numpy(), expected)


def test_index_on_noncontiguous_and_int32():
    a = arange_np(5, 6)
    x = t(a).t()
    i = t(np.array([4, 0, 2], np.int32))
    np.testing.assert_array_equal(x[i].numpy(), a.T[[4, 0, 2]])
    np.testing.assert_array_equal(x[:, i].numpy(), a.T[:, [4, 0, 2]])


def test_index_errors():
    x = t(arange_np(3, 4))
    with pytest.raises(IndexError, match="index 5 is out of bounds for dimension 0 with size 3"):
        x[t(np.array([5]))]
    with pytest.raises(IndexError, match="index -4 is out of bounds for dimension 0 with size 3"):
        x[t(np.array([-4]))]
    with pytest.raises(IndexError, match=r"The shape of the mask \[2\] at index 0 does not match the shape of "
                       r"the indexed tensor \[3, 4\] at index 0"):
        x.index([t(np.array([True, False]))])
    with pytest.raises(IndexError, match=r"shape mismatch: indexing tensors could not be broadcast together "
                       r"with shapes \[2\], \[3\]"):
        x[t(np.array([0, 1])), t(np.array([0, 1, 2]))]
    with pytest.raises(IndexError, match="tensors used as indices must be long, int, byte or bool tensors"):
        x[t(np.array([0.0], np.float32))]


def test_index_put():
    a = np.zeros((3, 4), np.float32)
    x = t(a)
    idx = t(np.array([0, 2, 0]))
    x.index_put_((idx,), t(np.ones(4, np.float32)), accumulate=True)
    np.add.at(a, [0, 2, 0], 1)
    np.testing.assert_array_equal(x.numpy(), a)
    x.index_put_((None, t(np.array([1, 3]))), t(np.float32(7)))
    a[:, [1, 3]] = 7
    np.testing.assert_array_equal(x.numpy(), a)
    m = x.numpy() > 1
    x.index_put_((t(m),), t(np.float32(-1)))
    a[m] = -1
    np.testing.assert_array_equal(x.numpy(), a)
    with pytest.raises(RuntimeError, match="Index put requires the source and destination dtypes match, got Float "
                       "for the destination and Long for the source."):
        x.index_put_((idx,), t(np.array([1, 2, 3])))
    with pytest.raises(RuntimeError, match=r"shape mismatch: value tensor of shape \[3\] cannot be broadcast to "
                       r"indexing result of shape \[2\]"):
        ember.zeros(3).index_put_((t(np.array([0, 1])),), t(np.ones(3, np.float32)))
    b = ember.zeros(3, dtype=ember.bool)
    b.index_put_((t(np.array([0, 0])),), t(np.array([True, True])), accumulate=True)
    assert b.numpy().tolist() == [True, False, False]


def test_setitem_advanced():
    a = arange_np(4, 5)
    x = t(a)
    x[t(np.array([0, 3])), 1:3] = 0.5
    a[[0, 3], 1:3] = 0.5
    np.testing.assert_array_equal(x.numpy(), a)


def test_nonzero_and_where():
    a = np.array([[0, 1.5, 0], [np.nan, 0, 2]], np.float32)
    nz = ember.nonzero(t(a))
    assert nz.dtype == ember.int64
    np.testing.assert_array_equal(nz.numpy(), np.argwhere(a))
    assert ember.nonzero(t(np.float32(3))).shape == (1, 0)
    assert ember.nonzero(t(np.float32(0))).shape == (0, 0)
    parts = ember.where(t(a))
    for p, e in zip(parts, np.nonzero(a)):
        np.testing.assert_array_equal(p.numpy(), e)
    (z,) = ember.where(t(np.int64(1)))
    assert z.numpy().tolist() == [0]
    with pytest.raises(RuntimeError, match="Expected out tensor to have scalar type Long"):
        ember.nonzero(t(a), out=ember.zeros(2))
