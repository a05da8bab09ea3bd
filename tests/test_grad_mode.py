"""ember.no_grad & co.: the thread-local grad-mode flag PyTorch programs switch
(there is no autograd yet, so the flag is all they change), and the autograd calls
that are absent say so."""

import threading

import ember
import pytest


def test_default_and_nesting():
    assert ember.is_grad_enabled()
    with ember.no_grad():
        assert not ember.is_grad_enabled()
        with ember.enable_grad():
            assert ember.is_grad_enabled()
        assert not ember.is_grad_enabled()
        with ember.set_grad_enabled(True):
            assert ember.is_grad_enabled()
        assert not ember.is_grad_enabled()
    assert ember.is_grad_enabled()


def test_restored_after_exception():
    with pytest.raises(ValueError):
        with ember.no_grad():
            raise ValueError("boom")
    assert ember.is_grad_enabled()


def test_set_grad_enabled_as_a_call_and_errors():
    ember.set_grad_enabled(False)
    try:
        assert not ember.is_grad_enabled()
    finally:
        ember.set_grad_enabled(True)
    assert ember.is_grad_enabled()
    with pytest.raises(TypeError, match="must be bool"):
        ember.set_grad_enabled(1)


def test_decorators_with_and_without_parentheses():
    @ember.no_grad()
    def f():
        return ember.is_grad_enabled()

    @ember.no_grad
    def g():
        return ember.is_grad_enabled()

    @ember.set_grad_enabled(False)
    def h():
        return ember.is_grad_enabled()

    @ember.inference_mode
    def i():
        return ember.is_grad_enabled(), ember.is_inference_mode_enabled()

    assert ember.is_grad_enabled()  # decorating h did not switch the mode
    assert f() is False and g() is False and h() is False and i() == (False, True)
    assert f.__name__ == "f" and ember.is_grad_enabled() and not ember.is_inference_mode_enabled()


def test_generator_runs_under_the_mode_at_each_step():
    @ember.no_grad()
    def gen():
        for _ in range(2):
            yield ember.is_grad_enabled()

    it = gen()
    assert next(it) is False
    assert ember.is_grad_enabled()  # the caller's mode between steps
    assert next(it) is False
    with pytest.raises(StopIteration):
        next(it)


def test_inference_mode_false_enables_grad():
    with ember.no_grad():
        with ember.inference_mode(False):
            assert ember.is_grad_enabled() and not ember.is_inference_mode_enabled()
    with ember.inference_mode():
        assert not ember.is_grad_enabled() and ember.is_inference_mode_enabled()


def test_mode_is_per_thread():
    seen = []
    with ember.no_grad():
        t = threading.Thread(target=lambda: seen.append(ember.is_grad_enabled()))
        t.start()
        t.join()
    assert seen == [True]


def test_ops_run_under_no_grad():
    with ember.no_grad():
        a = ember.ones(2, 3)
        assert (a @ a.T).sum().item() == 12.0


def test_absent_autograd_says_so():
    t = ember.ones(2)
    assert t.grad is None and t.grad_fn is None and t.is_leaf and not t.requires_grad
    assert t.requires_grad_(False) is t and t.detach_() is t
    for call in (lambda: t.requires_grad_(), lambda: t.backward(), lambda: t.retain_grad(),
                 lambda: ember.autograd.grad([t], [t]), lambda: ember.autograd.backward([t])):
        with pytest.raises(NotImplementedError, match="autograd"):
            call()


def test_constants_and_rng_state():
    import math

    assert ember.pi == math.pi and ember.e == math.e and math.isinf(ember.inf) and math.isnan(ember.nan)
    assert tuple(ember.zeros(3)[:, ember.newaxis].shape) == (3, 1)
    state = ember.get_rng_state()
    a = ember.rand(4)
    ember.set_rng_state(state)
    assert (ember.rand(4) == a).all().item()
    assert not ember.is_complex(a) and not a.is_complex()
