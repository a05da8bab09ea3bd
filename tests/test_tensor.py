"""The Python tensor object: metadata, conversions, the number protocol, object
behaviour (identity, attributes, weak references, pickling) and ember.Size."""

from __future__ import annotations

import copy
import gc
import operator
import pickle
import weakref

import ember
import numpy as np
import pytest


@pytest.fixture
def x() -> ember.Tensor:
    return ember.arange(24).reshape(2, 3, 4)


def test_metadata(x: ember.Tensor) -> None:
    assert isinstance(x, ember.Tensor) and type(x) is ember.Tensor
    assert x.shape == ember.Size([2, 3, 4]) and isinstance(x.shape, ember.Size)
    assert x.size() == (2, 3, 4) and x.size(1) == 3 and x.size(-1) == 4 and x.size(dim=0) == 2
    assert x.stride() == (12, 4, 1) and x.stride(0) == 12
    assert x.dim() == x.ndim == x.ndimension() == 3
    assert x.numel() == x.nelement() == 24
    assert x.dtype is ember.int64 and x.device == ember.device("cpu") and not x.is_cuda and x.is_cpu
    assert x.element_size() == x.itemsize == 8 and x.nbytes == 192
    assert x.is_contiguous() and not x.transpose(0, 2).is_contiguous()
    assert x[1].storage_offset() == 12
    assert x.data_ptr() + 12 * 8 == x[1].data_ptr()
    assert x.layout is ember.strided
    assert not x.requires_grad and x.grad is None and x.is_leaf
    assert not x.is_floating_point() and x.float().is_floating_point()
    with pytest.raises(IndexError, match=r"Dimension out of range \(expected to be in range of \[-3, 2\], but got 3\)"):
        x.size(3)


def test_transposes(x: ember.Tensor) -> None:
    assert x.T.shape == (4, 3, 2)
    assert x.mT.shape == (2, 4, 3)
    assert x.mT[1, 2, 0].item() == x[1, 0, 2].item()
    with pytest.raises(RuntimeError, match="tensor.mT is only supported on matrices or batches of matrices"):
        _ = ember.zeros(3).mT


def test_item_tolist_and_scalars() -> None:
    assert ember.tensor(2.5).item() == 2.5 and isinstance(ember.tensor(2).item(), int)
    assert isinstance(ember.tensor(True).item(), bool)
    assert ember.tensor([[1, 2], [3, 4]]).tolist() == [[1, 2], [3, 4]]
    assert ember.tensor(3).tolist() == 3
    assert ember.tensor([1.5], dtype=ember.float16).tolist() == [1.5]
    assert ember.arange(6).reshape(2, 3).T.tolist() == [[0, 3], [1, 4], [2, 5]]
    assert float(ember.tensor([2])) == 2.0 and int(ember.tensor(2.7)) == 2 and int(ember.tensor(-2.7)) == -2
    assert bool(ember.tensor([1])) and not bool(ember.tensor(0.0))
    assert operator.index(ember.tensor(3)) == 3 and [0, 1, 2, 3][ember.tensor(2)] == 2
    with pytest.raises(ValueError, match="only one element tensors can be converted to Python scalars"):
        float(ember.zeros(2))
    with pytest.raises(ValueError, match="only one element tensors"):
        int(ember.zeros(2))
    with pytest.raises(RuntimeError, match="Boolean value of Tensor with more than one value is ambiguous"):
        bool(ember.zeros(2))
    with pytest.raises(RuntimeError, match="Boolean value of Tensor with no values is ambiguous"):
        bool(ember.zeros(0))
    with pytest.raises(TypeError, match="only integer tensors of a single element can be converted to an index"):
        operator.index(ember.tensor(2.0))
    with pytest.raises(RuntimeError, match="a Tensor with 2 elements cannot be converted to Scalar"):
        ember.zeros(2).item()
    with pytest.raises(ValueError):
        int(ember.tensor(float("nan")))


def test_len_and_iter(x: ember.Tensor) -> None:
    assert len(x) == 2
    rows = list(x)
    assert len(rows) == 2 and rows[1].tolist() == x[1].tolist()
    with pytest.raises(TypeError, match="len\\(\\) of a 0-d tensor"):
        len(ember.tensor(1))
    with pytest.raises(TypeError, match="iteration over a 0-d tensor"):
        iter(ember.tensor(1))
    assert 5 in x and 100 not in x


def _np(t):
    return t.numpy()


BINARY = [
    (operator.add, np.add), (operator.sub, np.subtract), (operator.mul, np.multiply),
    (operator.truediv, np.true_divide), (operator.floordiv, np.floor_divide), (operator.pow, np.power),
    (operator.eq, np.equal), (operator.ne, np.not_equal), (operator.lt, np.less), (operator.le, np.less_equal),
    (operator.gt, np.greater), (operator.ge, np.greater_equal),
]


@pytest.mark.parametrize("op, ref", BINARY, ids=[o.__name__ for o, _ in BINARY])
def test_binary_dunders(op, ref) -> None:
    a_np = np.array([[1.5, -2.0, 3.0], [4.0, 0.5, -1.0]], dtype=np.float32)
    b_np = np.array([2.0, 0.5, 4.0], dtype=np.float32)
    a, b = ember.tensor(a_np), ember.tensor(b_np)
    with np.errstate(all="ignore"):
        for lhs, rhs, el, er in [(a, b, a_np, b_np), (a, 2, a_np, np.float32(2)), (3, b, np.float32(3), b_np),
                                 (a, 2.5, a_np, np.float32(2.5)), (2.5, a, np.float32(2.5), a_np)]:
            if op is operator.pow and isinstance(lhs, ember.Tensor) and isinstance(rhs, ember.Tensor):
                lhs, el = abs(lhs), np.abs(el)
            got = op(lhs, rhs)
            exp = ref(el, er)
            np.testing.assert_allclose(got.numpy().astype(np.float64), exp.astype(np.float64), rtol=1e-6)
            if ref in (np.equal, np.not_equal, np.less, np.less_equal, np.greater, np.greater_equal):
                assert got.dtype is ember.bool
            else:
                assert got.dtype is ember.float32


def test_promotion_through_dunders() -> None:
    i = ember.tensor([1, 2], dtype=ember.int32)
    assert (i + 2).dtype is ember.int32
    assert (i + 2.5).dtype is ember.float32
    assert (i / 2).dtype is ember.float32
    assert (i + ember.tensor(2)).dtype is ember.int32  # 0-dim int64 does not widen
    assert (i + ember.tensor([2])).dtype is ember.int64
    assert (ember.tensor([1], dtype=ember.uint8) + True).dtype is ember.uint8
    assert (i // 2).tolist() == [0, 1] and (-i // 2).tolist() == [-1, -1]
    assert (2 ** ember.tensor([1, 2])).tolist() == [2, 4]


def test_unary_dunders() -> None:
    a = ember.tensor([1.5, -2.0])
    assert (-a).tolist() == [-1.5, 2.0] and abs(a).tolist() == [1.5, 2.0] and (+a) is a
    b = ember.tensor([True, False])
    assert (~b).tolist() == [False, True]
    assert (b & ember.tensor([True, True])).tolist() == [True, False]
    assert (b | False).tolist() == [True, False]
    assert (b ^ True).tolist() == [False, True]
    with pytest.raises(TypeError, match="only implemented on integer and Boolean-type tensors"):
        _ = ~a
    m = ember.tensor([[1.0, 2.0], [3.0, 4.0]])
    assert (m @ m).tolist() == [[7.0, 10.0], [15.0, 22.0]]


def test_inplace_dunders_keep_identity() -> None:
    a = ember.tensor([1.0, 2.0])
    before = id(a)
    a += 1
    a *= ember.tensor([2.0, 3.0])
    a -= 0.5
    a /= 2
    a **= 2
    a //= 1
    assert id(a) == before and a.tolist() == [3.0, 18.0]
    i = ember.tensor([1, 2])
    with pytest.raises(RuntimeError, match="result type Float can't be cast to the desired output type Long"):
        i /= 2
    b = ember.tensor([True, False])
    b &= True
    b |= ember.tensor([False, True])
    assert b.tolist() == [True, True]


def test_not_implemented_operands() -> None:
    a = ember.zeros(2)
    assert (a == None) is False
    assert (a != "x") is True
    with pytest.raises(TypeError):
        a + "x"
    with pytest.raises(TypeError):
        _ = a < None
    with pytest.raises(TypeError):
        a @ 2


def test_numpy_scalars_as_operands() -> None:
    a = ember.tensor([1.0, 2.0])
    r = np.float32(2.0) * a
    assert isinstance(r, ember.Tensor) and r.tolist() == [2.0, 4.0]
    assert (a + np.int64(1)).tolist() == [2.0, 3.0]
    assert (ember.tensor([1, 2], dtype=ember.int16) + np.int64(1)).dtype is ember.int16


def test_to_cpu_type_and_conversions(x: ember.Tensor) -> None:
    assert x.to("cpu") is x and x.cpu() is x and x.to(x) is x and x.to(ember.int64) is x
    f = x.to(ember.float64)
    assert f.dtype is ember.float64 and f.tolist() == [[[float(v) for v in r] for r in p] for p in x.tolist()]
    assert x.to(ember.float64, copy=True).dtype is ember.float64
    assert x.to(dtype=ember.float16).dtype is ember.float16
    assert x.to("cpu", ember.int8).dtype is ember.int8
    c = x.to(ember.int64, copy=True)
    assert c is not x and c.data_ptr() != x.data_ptr()
    assert x.type() == "ember.LongTensor" and x.float().type() == "ember.FloatTensor"
    assert x.type(ember.float32).dtype is ember.float32
    for name, dt in [("byte", ember.uint8), ("char", ember.int8), ("short", ember.int16), ("int", ember.int32),
                     ("long", ember.int64), ("half", ember.float16), ("bfloat16", ember.bfloat16),
                     ("float", ember.float32), ("double", ember.float64), ("bool", ember.bool)]:
        assert getattr(x, name)().dtype is dt
    with pytest.raises(TypeError):
        x.to("cpu", "float")


def test_object_behaviour(x: ember.Tensor) -> None:
    assert hash(x) == hash(x) and hash(x) != hash(x.clone())
    x.note = "hello"
    assert x.note == "hello" and x.__dict__ == {"note": "hello"}
    r = weakref.ref(x)
    assert r() is x
    y = ember.zeros(3)
    ry = weakref.ref(y)
    del y
    gc.collect()
    assert ry() is None
    assert {x: 1}[x] == 1


def test_pickle_and_copy(x: ember.Tensor) -> None:
    for t in [x, x.float().T, ember.zeros(0, 3), ember.tensor(2.5, dtype=ember.float16),
              ember.tensor([1.5], dtype=ember.bfloat16), ember.tensor([True])]:
        u = pickle.loads(pickle.dumps(t))
        assert u.dtype == t.dtype and u.shape == t.shape and u.tolist() == t.tolist()
    d = copy.deepcopy(x)
    assert d.tolist() == x.tolist() and d.data_ptr() != x.data_ptr()
    s = copy.copy(x)
    assert s.tolist() == x.tolist()


def test_views_share_storage(x: ember.Tensor) -> None:
    v = x.view(6, 4)
    v[0, 0] = 100
    assert x[0, 0, 0].item() == 100
    assert x.view(-1, 2).shape == (12, 2) and x.view((4, 6)).shape == (4, 6)
    assert x.permute(2, 0, 1).shape == (4, 2, 3) and x.permute((1, 0, 2)).shape == (3, 2, 4)
    assert x.reshape(4, -1).shape == (4, 6) and x.transpose(0, 1).shape == (3, 2, 4)
    assert x.unsqueeze(0).shape == (1, 2, 3, 4) and x[None].squeeze(0).shape == (2, 3, 4)
    assert x.flatten().shape == (24,) and x.expand(2, 2, 3, 4).shape == (2, 2, 3, 4)
    assert x.narrow(2, 1, 2).shape == (2, 3, 2) and x.select(1, 0).shape == (2, 4)


def test_method_varargs_and_errors(x: ember.Tensor) -> None:
    with pytest.raises(TypeError, match=r"view\(\) received an invalid combination of arguments - got \(float\)"):
        x.view(2.5)
    with pytest.raises(TypeError, match=r"permute\(\): argument 'dims' must be tuple of ints"):
        x.permute(1, 0.5, 2)
    with pytest.raises(TypeError, match="received an invalid combination of arguments"):
        x.sum("a")
    with pytest.raises(TypeError, match="got an unexpected keyword argument 'foo'"):
        x.add(x, foo=1)


def test_size_type() -> None:
    s = ember.Size([2, 3])
    assert isinstance(s, tuple) and s == (2, 3) and repr(s) == "ember.Size([2, 3])" and str(s) == "ember.Size([2, 3])"
    assert isinstance(s[1:], ember.Size) and isinstance(s + (4,), ember.Size) and s[0] == 2
    assert s.numel() == 6 and ember.Size([]).numel() == 1 and ember.Size().numel() == 1
    assert pickle.loads(pickle.dumps(s)) == s and isinstance(pickle.loads(pickle.dumps(s)), ember.Size)
    assert ember.Size([ember.tensor(3)]) == (3,)
    with pytest.raises(TypeError, match=r"ember.Size\(\) takes an iterable of 'int' \(item 0 is 'float'\)"):
        ember.Size([2.5])


def test_dtype_objects() -> None:
    assert ember.float is ember.float32 and ember.double is ember.float64 and ember.half is ember.float16
    assert ember.long is ember.int64 and ember.int is ember.int32 and ember.short is ember.int16
    assert repr(ember.float32) == "ember.float32" and str(ember.bool) == "ember.bool"
    assert ember.float32.is_floating_point and not ember.int8.is_floating_point
    assert ember.float16.itemsize == 2 and ember.int64.itemsize == 8 and ember.bool.itemsize == 1
    assert not ember.uint8.is_signed and ember.int8.is_signed and not ember.float32.is_complex
    assert pickle.loads(pickle.dumps(ember.bfloat16)) is ember.bfloat16
    assert isinstance(ember.float32, ember.dtype)
    with pytest.raises(TypeError):
        ember.dtype()


def test_device_objects() -> None:
    d = ember.device("cuda:1")
    assert d.type == "cuda" and d.index == 1 and str(d) == "cuda:1" and repr(d) == "device(type='cuda', index=1)"
    assert ember.device("cuda", 1) == d and ember.device(1) == d and hash(ember.device("cuda", 1)) == hash(d)
    assert ember.device("cpu").index is None and repr(ember.device("cpu")) == "device(type='cpu')"
    assert ember.device(ember.device("cpu")) == ember.device("cpu") and ember.device("cpu") != d
    assert pickle.loads(pickle.dumps(d)) == d
    with pytest.raises(RuntimeError, match="Expected one of cpu, cuda device type at start of device string: tpu"):
        ember.device("tpu")
    with pytest.raises(RuntimeError, match="Invalid device string"):
        ember.device("cuda:x")
    with pytest.raises(RuntimeError, match="must not include an index"):
        ember.device("cuda:1", 0)
