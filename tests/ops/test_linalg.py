"""ember.linalg against NumPy: values, batching, broadcasting, empty matrices, the
factorizations' defining identities, and the errors a matrix can cause."""

import ember
import numpy as np
import pytest

rng = np.random.default_rng(7)
FLOATS = [(np.float64, 1e-9), (np.float32, 2e-4)]


def _t(a):
    return ember.from_numpy(np.ascontiguousarray(a))


@pytest.mark.parametrize("dt, tol", FLOATS)
def test_inv_solve_det(dt, tol):
    A = rng.standard_normal((3, 4, 4)).astype(dt) + 4 * np.eye(4, dtype=dt)
    B = rng.standard_normal((3, 4, 2)).astype(dt)
    np.testing.assert_allclose(ember.linalg.inv(_t(A)).numpy(), np.linalg.inv(A), rtol=tol, atol=tol)
    np.testing.assert_allclose(_t(A).inverse().numpy(), np.linalg.inv(A), rtol=tol, atol=tol)
    np.testing.assert_allclose(ember.linalg.solve(_t(A), _t(B)).numpy(), np.linalg.solve(A, B), rtol=tol, atol=tol)
    # a batch of vectors, a broadcast A, and left=False (XA = B)
    np.testing.assert_allclose(ember.linalg.solve(_t(A), _t(B[..., 0])).numpy(),
                               np.linalg.solve(A, B[..., :1])[..., 0], rtol=tol, atol=tol)
    np.testing.assert_allclose(ember.linalg.solve(_t(A[0]), _t(B)).numpy(), np.linalg.solve(A[0], B), rtol=tol, atol=tol)
    X = ember.linalg.solve(_t(A), _t(B.transpose(0, 2, 1)), left=False).numpy()
    np.testing.assert_allclose(X @ A, B.transpose(0, 2, 1), rtol=10 * tol, atol=10 * tol)
    np.testing.assert_allclose(ember.linalg.det(_t(A)).numpy(), np.linalg.det(A), rtol=tol)
    sign, logabs = ember.linalg.slogdet(_t(A))
    ns, nl = np.linalg.slogdet(A)
    np.testing.assert_array_equal(sign.numpy(), ns)
    np.testing.assert_allclose(logabs.numpy(), nl, rtol=tol)
    assert ember.linalg.inv(_t(A)).dtype == getattr(ember, np.dtype(dt).name)


@pytest.mark.parametrize("dt, tol", FLOATS)
def test_factorizations_satisfy_their_identities(dt, tol):
    M = rng.standard_normal((2, 5, 3)).astype(dt)
    S = M.transpose(0, 2, 1) @ M + np.eye(3, dtype=dt)
    L = ember.linalg.cholesky(_t(S)).numpy()
    np.testing.assert_allclose(L, np.linalg.cholesky(S), rtol=tol, atol=tol)
    U = ember.linalg.cholesky(_t(S), upper=True).numpy()
    np.testing.assert_allclose(U, L.transpose(0, 2, 1), rtol=tol, atol=tol)
    for mode in ("reduced", "complete"):
        for X in (M, M.transpose(0, 2, 1)):
            Q, R = (t.numpy() for t in ember.linalg.qr(_t(X), mode=mode))
            np.testing.assert_allclose(Q @ R, X, rtol=10 * tol, atol=10 * tol)
            np.testing.assert_allclose(Q.transpose(0, 2, 1) @ Q, np.broadcast_to(np.eye(Q.shape[-1]), Q.shape[:-2] + (Q.shape[-1],) * 2), atol=10 * tol)
            assert np.allclose(np.tril(R, -1), 0)
    w, V = (t.numpy() for t in ember.linalg.eigh(_t(S)))
    np.testing.assert_allclose(w, np.linalg.eigvalsh(S), rtol=tol, atol=tol)
    np.testing.assert_allclose(V @ (w[..., None] * V.transpose(0, 2, 1)), S, rtol=10 * tol, atol=10 * tol)
    np.testing.assert_allclose(ember.linalg.eigvalsh(_t(S), UPLO="U").numpy(), w, rtol=tol, atol=tol)
    for full in (False, True):
        U_, s, Vh = (t.numpy() for t in ember.linalg.svd(_t(M), full_matrices=full))
        np.testing.assert_allclose(s, np.linalg.svd(M, compute_uv=False), rtol=tol, atol=tol)
        k = s.shape[-1]
        np.testing.assert_allclose((U_[..., :k] * s[..., None, :]) @ Vh[..., :k, :], M, rtol=10 * tol, atol=10 * tol)
        assert U_.shape == ((2, 5, 5) if full else (2, 5, 3)) and Vh.shape == (2, 3, 3)
    np.testing.assert_allclose(ember.linalg.svdvals(_t(M)).numpy(), np.linalg.svd(M, compute_uv=False), rtol=tol, atol=tol)
    U2, s2, V2 = (t.numpy() for t in ember.svd(_t(M)))  # the older API returns V
    np.testing.assert_allclose((U2 * s2[..., None, :]) @ V2.transpose(0, 2, 1), M, rtol=10 * tol, atol=10 * tol)


@pytest.mark.parametrize("dt, tol", FLOATS)
def test_derived_operators(dt, tol):
    M = rng.standard_normal((2, 5, 3)).astype(dt)
    np.testing.assert_allclose(ember.linalg.pinv(_t(M)).numpy(), np.linalg.pinv(M), rtol=100 * tol, atol=100 * tol)
    low_rank = M[0] @ np.diag([1, 1, 0]).astype(dt) @ M[0].T
    assert ember.linalg.matrix_rank(_t(low_rank)).item() == np.linalg.matrix_rank(low_rank) == 2
    assert ember.linalg.matrix_rank(_t(M)).dtype == ember.int64
    for o in ("fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf):
        np.testing.assert_allclose(ember.linalg.matrix_norm(_t(M), o).numpy(), np.linalg.norm(M, o, axis=(-2, -1)),
                                   rtol=10 * tol, atol=10 * tol)
    np.testing.assert_allclose(ember.linalg.matrix_norm(_t(M), 1, dim=(0, 2), keepdim=True).numpy(),
                               np.linalg.norm(M, 1, axis=(0, 2), keepdims=True), rtol=10 * tol)
    np.testing.assert_allclose(ember.linalg.norm(_t(M[0])).numpy(), np.linalg.norm(M[0]), rtol=tol)
    np.testing.assert_allclose(ember.linalg.norm(_t(M), 3, dim=1).numpy(), np.linalg.norm(M, 3, axis=1), rtol=10 * tol)
    A = rng.standard_normal((2, 3, 3)).astype(dt) + 3 * np.eye(3, dtype=dt)
    for n in (0, 1, 2, 5, -1, -2):
        np.testing.assert_allclose(ember.linalg.matrix_power(_t(A), n).numpy(), np.linalg.matrix_power(A, n),
                                   rtol=100 * tol, atol=100 * tol)
    np.testing.assert_allclose(_t(A).matrix_power(3).numpy(), np.linalg.matrix_power(A, 3), rtol=100 * tol)
    np.testing.assert_allclose(ember.logdet(_t(A @ A.transpose(0, 2, 1))).numpy(),
                               np.linalg.slogdet(A @ A.transpose(0, 2, 1))[1], rtol=10 * tol)


def test_empty_and_zero_size_batches():
    assert ember.linalg.inv(ember.ones(0, 0)).shape == (0, 0)
    assert ember.linalg.inv(ember.ones(0, 2, 2)).shape == (0, 2, 2)
    assert ember.linalg.det(ember.ones(3, 0, 0)).tolist() == [1.0, 1.0, 1.0]
    assert [tuple(t.shape) for t in ember.linalg.svd(ember.ones(3, 0))] == [(3, 3), (0,), (0, 0)]
    assert [tuple(t.shape) for t in ember.linalg.qr(ember.ones(0, 3))] == [(0, 0), (0, 3)]
    assert ember.linalg.matrix_power(ember.ones(2, 2), 0).tolist() == [[1.0, 0.0], [0.0, 1.0]]


def test_errors():
    LinAlgError = ember.linalg.LinAlgError
    assert issubclass(LinAlgError, RuntimeError)
    with pytest.raises(LinAlgError, match="The diagonal element 1 is zero"):
        ember.linalg.inv(ember.zeros(2, 2))
    with pytest.raises(LinAlgError, match=r"\(Batch element 1\)"):
        ember.linalg.inv(ember.stack([ember.eye(2), ember.zeros(2, 2)]))
    with pytest.raises(LinAlgError, match="not positive-definite"):
        ember.linalg.cholesky(-ember.eye(2))
    with pytest.raises(LinAlgError, match="singular"):
        ember.linalg.solve(ember.zeros(2, 2), ember.ones(2))
    nan = ember.ones(3, 3)
    nan[1, 1] = float("nan")
    with pytest.raises(LinAlgError, match="non-finite"):
        ember.linalg.svd(nan)
    assert ember.linalg.det(ember.zeros(2, 2)).item() == 0.0
    with pytest.raises(RuntimeError, match="Expected a floating point or complex tensor as input. Got Long"):
        ember.linalg.inv(ember.ones(2, 2, dtype=ember.int64))
    with pytest.raises(RuntimeError, match="must be batches of square matrices, but they are 2 by 3"):
        ember.linalg.inv(ember.ones(2, 3))
    with pytest.raises(RuntimeError, match="at least 2 dimensions"):
        ember.linalg.det(ember.ones(3))
    with pytest.raises(RuntimeError, match="Incompatible shapes"):
        ember.linalg.solve(ember.eye(2), ember.ones(3))
    with pytest.raises(RuntimeError, match="same dtype"):
        ember.linalg.solve(ember.eye(2), ember.ones(2, dtype=ember.float64))
    with pytest.raises(RuntimeError, match="UPLO"):
        ember.linalg.eigh(ember.eye(2), UPLO="X")
    with pytest.raises(RuntimeError, match="unrecognized mode"):
        ember.linalg.qr(ember.eye(2), mode="x")
