"""Hidden tests of assignment 09, the capstone.

Shapes, values, options and seeds are drawn from fixed seeds, so a submission always gets
the same grade. Each function is compared with the source notebook's solution on random
inputs. Every backward pass gets the cache of the student's own forward pass (the function
of that name in the student's notebook) and is also compared with centered differences of
``sum(dout * out)``, ``out`` the reference forward pass. network_loss is compared with the
reference and with the numerical gradient of the student's own loss, on tiny networks with
batch norm and L2, without and with dropout (every call gets an rng with the same seed, so
the masks stay the same). train_epoch runs with recording stand-ins for loss_and_grads and
update, and must call them exactly as the reference does. predict_digits is the performance grade:
its accuracy on the work folder's held-out test set (see autograder.held_out), in tiers.
"""

import copy
import secrets

import numpy as np

from autograder import held_out
from autograder.hidden.common import hidden_test, numerical_gradient, relative_error
from autograder.judge import Score
from autograder.reference import reference
from helpers.checks.capstone import (EpochRecorder, call_batchnorm, call_network_forward, call_watching, check_epoch,
                                     check_init_structure, epoch_data, forward_of, fresh_running, require_tuple,
                                     describe_tier, predictions_of, run_epoch, same, tier_of)
from helpers.checks.core import Checker
from helpers.checks.initialization import check_reproducible, check_weight_scale

ASSIGNMENT = "09_capstone"

#: A backward pass must match the numerical gradient to this relative error (the solution reaches
#: 1e-9 or better; a wrong term gives 1e-3 or worse).
GRADIENT_TOLERANCE = 1e-6


def distinct_sizes(rng, low, high, count):
    """``count`` different integers in [low, high], so that a swapped axis cannot go unnoticed."""
    return [int(n) for n in rng.choice(np.arange(low, high + 1), size=count, replace=False)]


def expect_gradient(c, got, objective, array, what, step=1e-6):
    """``got`` against the centered differences of ``objective()`` with respect to ``array``."""
    numeric = numerical_gradient(objective, array, step)
    error = relative_error(np.asarray(got, dtype=float), numeric)
    c.expect(error < GRADIENT_TOLERANCE, f"{what} matches the numerical gradient ({error:.1e})",
             f"{what} differs from the numerical gradient (relative error {error:.1e}).")


# ----- init_network ---------------------------------------------------------------------------------------
@hidden_test
def init_network(c, function):
    rng = np.random.default_rng(901)
    for case in range(5):
        dims = [int(n) for n in rng.integers(1, 13, size=int(rng.integers(2, 6)))]
        batchnorm = bool(case % 2)
        params = c.call(function, dims, batchnorm, np.random.default_rng(int(rng.integers(1000))))
        check_init_structure(c, params, dims, batchnorm)
    wide = [int(n) for n in rng.integers(150, 400, size=4)]
    params = c.call(function, wide, True, np.random.default_rng(int(rng.integers(1000))))
    check_init_structure(c, params, wide, True)
    check_weight_scale(c, params, wide, lambda l: np.sqrt(2 / wide[l - 1]), None)
    check_reproducible(c, function, [int(n) for n in rng.integers(2, 9, size=4)], batchnorm=True)


# ----- affine_forward and affine_backward --------------------------------------------------------------------
def random_affine(rng, m=None):
    """A_prev (n[l-1], m), W (n[l], n[l-1]), b (n[l], 1) of three different sizes."""
    n, n_prev, m_drawn = distinct_sizes(rng, 1, 9, 3)
    m = m or m_drawn
    return rng.standard_normal((n_prev, m)), rng.standard_normal((n, n_prev)), rng.standard_normal((n, 1))


@hidden_test
def affine_forward(c, function):
    solution = reference(ASSIGNMENT, "affine_forward")
    rng = np.random.default_rng(902)
    for case in range(6):
        A_prev, W, b = random_affine(rng, m=1 if case == 5 else None)
        result = c.call(function, A_prev, W, b)
        require_tuple(c, result, "Z, cache")
        Z, cache = result
        expected = solution(A_prev, W, b)[0]
        c.expect_close(Z, expected, f"Z for A_prev {A_prev.shape}, W {W.shape}", rtol=1e-9, atol=1e-12, stop=True)
        c.expect(isinstance(cache, (tuple, list)) and len(cache) == 2 and same(cache[0], A_prev) and same(cache[1], W),
                 f"the cache is the pair (A_prev, W) for A_prev {A_prev.shape}",
                 f"the cache for A_prev {A_prev.shape} is not the pair (A_prev, W).")


@hidden_test
def affine_backward(c, function):
    forward = reference(ASSIGNMENT, "affine_forward")
    solution = reference(ASSIGNMENT, "affine_backward")
    rng = np.random.default_rng(903)
    for case in range(5):
        A_prev, W, b = random_affine(rng, m=1 if case == 4 else None)
        dZ = rng.standard_normal((W.shape[0], A_prev.shape[1]))
        name = f"dZ {dZ.shape}, A_prev {A_prev.shape}, W {W.shape}"
        result = c.call(function, dZ, (A_prev, W), inputs=name)
        require_tuple(c, result, "dA_prev, dW, db")
        c.require_shapes(dict(zip(("dA_prev", "dW", "db"), result)),
                         {"dA_prev": A_prev.shape, "dW": W.shape, "db": b.shape}, name)
        for what, got, want in zip(("dA_prev", "dW", "db"), result, solution(dZ, (A_prev, W))):
            c.expect_close(got, want, f"{name}: {what}", rtol=1e-9, atol=1e-12)

        def objective():
            return float(np.sum(dZ * forward(A_prev, W, b)[0]))

        for what, got, array in zip(("dA_prev", "dW", "db"), result, (A_prev, W, b)):
            expect_gradient(c, got, objective, array, f"{name}: {what}")


# ----- relu_forward and relu_backward ------------------------------------------------------------------------
def random_pre_activations(rng, zeros=True):
    """Z of a random shape; with ``zeros``, about a fifth of its entries exactly 0."""
    Z = rng.standard_normal(tuple(distinct_sizes(rng, 1, 9, 2)))
    if zeros:
        Z[rng.random(Z.shape) < 0.2] = 0.0
    return Z


@hidden_test
def relu_forward(c, function):
    solution = reference(ASSIGNMENT, "relu_forward")
    rng = np.random.default_rng(904)
    for _ in range(5):
        Z = random_pre_activations(rng)
        result = c.call(function, Z)
        require_tuple(c, result, "A, cache")
        c.expect_close(result[0], solution(Z)[0], f"A for Z {Z.shape}", rtol=0, atol=0, stop=True)
        c.expect(same(result[1], Z), f"cache = Z for Z {Z.shape}", f"the cache for Z {Z.shape} is not Z.")


@hidden_test
def relu_backward(c, function):
    forward = reference(ASSIGNMENT, "relu_forward")
    solution = reference(ASSIGNMENT, "relu_backward")
    rng = np.random.default_rng(905)
    for case in range(6):
        Z = random_pre_activations(rng, zeros=case < 3)
        dA = rng.standard_normal(Z.shape)
        dZ = c.call(function, dA, Z, inputs=f"dA and Z {Z.shape}")
        c.require_shape(dZ, Z.shape, f"dZ for Z {Z.shape}")
        c.expect_close(dZ, solution(dA, Z), f"dZ for Z {Z.shape}", rtol=0, atol=0)
        if case >= 3:  # no Z is 0, where ReLU has no derivative
            expect_gradient(c, dZ, lambda: float(np.sum(dA * forward(Z)[0])), Z, f"dZ for Z {Z.shape}")


# ----- dropout_forward and dropout_backward -------------------------------------------------------------------
def random_dropout_case(rng):
    """A without zeros, keep_prob in [0.3, 0.95], and a seed."""
    A = rng.standard_normal(tuple(distinct_sizes(rng, 2, 40, 2)))
    A[A == 0] = 1.0
    return A, float(rng.uniform(0.3, 0.95)), int(rng.integers(10_000))


def with_next_draw(function):
    """``function`` called as dropout_forward, returning also the rng's next draw after the call (None without rng)."""
    def call(A, keep_prob, rng, train):
        return function(A, keep_prob, rng, train), None if rng is None else float(rng.random())

    call.__name__ = getattr(function, "__name__", "dropout_forward")
    return call


@hidden_test
def dropout_forward(c, function):
    solution = with_next_draw(reference(ASSIGNMENT, "dropout_forward"))
    student = with_next_draw(function)
    rng = np.random.default_rng(906)
    for case in range(8):
        A, keep_prob, seed = random_dropout_case(rng)
        train = case != 6
        if case == 7:
            keep_prob = 1.0
        name = f"A {A.shape}, keep_prob {keep_prob:.3g}, train={train}"
        result, draw = c.call(student, A, keep_prob, np.random.default_rng(seed), train, inputs=name)
        (expected, _), expected_draw = solution(A.copy(), keep_prob, np.random.default_rng(seed), train)
        require_tuple(c, result, "out, cache")
        c.expect_close(result[0], expected, f"{name}: out", rtol=1e-12, atol=0)
        if train and keep_prob < 1:
            c.expect(draw == expected_draw, f"{name}: one draw of A.shape from rng",
                     f"{name}: after the call, rng is not where one draw rng.random(A.shape) leaves it.")
    A, keep_prob, _ = random_dropout_case(rng)
    (out, _), _ = c.call(student, A, keep_prob, None, False, inputs="train=False, rng=None")
    c.expect_close(out, A, "train=False, rng=None: out is A", rtol=0, atol=0)


@hidden_test
def dropout_backward(c, function):
    reference_forward = reference(ASSIGNMENT, "dropout_forward")
    forward = forward_of(c, function, "dropout_forward")
    rng = np.random.default_rng(907)
    for case in range(6):
        A, keep_prob, seed = random_dropout_case(rng)
        dout = rng.standard_normal(A.shape)
        name = f"A {A.shape}, keep_prob {keep_prob:.3g}"
        out, cache = c.call(forward, A, keep_prob, np.random.default_rng(seed), True, inputs=name)
        c.require_shape(out, A.shape, f"dropout_forward's out for {name}")
        kept = np.asarray(out) != 0
        dA = c.call(function, dout, cache, inputs=f"dout and the cache of dropout_forward({name})")
        c.require_shape(dA, A.shape, f"dA for {name}")
        c.expect_close(dA, np.where(kept, dout / keep_prob, 0.0), f"{name}: dA", rtol=1e-12, atol=0)
        if np.array_equal(kept, reference_forward(A, keep_prob, np.random.default_rng(seed), True)[0] != 0):
            def objective():
                return float(np.sum(dout * reference_forward(A, keep_prob, np.random.default_rng(seed), True)[0]))

            expect_gradient(c, dA, objective, A, f"{name}: dA")
    A, keep_prob, seed = random_dropout_case(rng)
    dout = rng.standard_normal(A.shape)
    for keep, train in ((1.0, True), (keep_prob, False)):
        _, cache = c.call(forward, A, keep, None if not train else np.random.default_rng(seed), train)
        dA = c.call(function, dout, cache, inputs=f"the cache of dropout_forward(keep_prob {keep:.3g}, train={train})")
        c.expect_close(dA, dout, f"keep_prob {keep:.3g}, train={train}: dA is dout", rtol=0, atol=0)


# ----- batchnorm_forward and batchnorm_backward ---------------------------------------------------------------------
def random_batch(rng, tiny_variance=False):
    """Z (n, m) of random shape, offset and scale, with gamma and beta."""
    n, m = distinct_sizes(rng, 1, 9, 1)[0], int(rng.integers(3, 40))
    scale = 3e-3 if tiny_variance else 10 ** rng.uniform(-1, 1)
    Z = rng.standard_normal((n, m)) * scale + rng.uniform(-5, 5, (n, 1))
    gamma = rng.uniform(0.3, 2.0, (n, 1)) * rng.choice([-1.0, 1.0], (n, 1))
    return Z, gamma, rng.standard_normal((n, 1))


def random_running(rng, n):
    return {"mean": rng.standard_normal((n, 1)), "var": rng.uniform(0.2, 3.0, (n, 1))}


@hidden_test
def batchnorm_forward(c, function):
    solution = reference(ASSIGNMENT, "batchnorm_forward")
    rng = np.random.default_rng(908)
    for case in range(8):
        Z, gamma, beta = random_batch(rng, tiny_variance=case in (2, 5))
        running = random_running(rng, Z.shape[0])
        train = case % 3 != 2
        settings = {} if case % 2 else {"momentum": float(rng.uniform(0.5, 0.99)), "eps": float(10 ** rng.uniform(-3, -1))}
        name = f"case {case} (Z {Z.shape}, train={train}{', ' + str(settings) if settings else ''})"
        expected_running = copy.deepcopy(running)
        expected = solution(Z.copy(), gamma, beta, expected_running, train, **settings)[0]
        out, _, after = call_batchnorm(c, function, Z, gamma, beta, running, train, name, **settings)
        c.expect_close(out, expected, f"{name}: out", rtol=1e-9, atol=1e-12, stop=True)
        for key in ("mean", "var"):
            c.expect_close(after.get(key), expected_running[key], f"{name}: running['{key}'] after the call",
                           rtol=1e-9, atol=1e-12, stop=True)
    # Several batches in training accumulate in the same running averages.
    n = int(rng.integers(2, 6))
    student_running, expected_running = fresh_running(n), fresh_running(n)
    for step in range(4):
        Z = rng.standard_normal((n, int(rng.integers(5, 30)))) * 2 + 1
        gamma, beta = np.ones((n, 1)), np.zeros((n, 1))
        solution(Z.copy(), gamma, beta, expected_running, True, momentum=0.8)
        _, _, student_running = call_batchnorm(c, function, Z, gamma, beta, student_running, True, f"batch {step}",
                                               momentum=0.8)
    for key in ("mean", "var"):
        c.expect_close(student_running.get(key), expected_running[key], f"running['{key}'] after 4 batches",
                       rtol=1e-9, atol=1e-12)


@hidden_test
def batchnorm_backward(c, function):
    reference_forward = reference(ASSIGNMENT, "batchnorm_forward")
    solution = reference(ASSIGNMENT, "batchnorm_backward")
    forward = forward_of(c, function, "batchnorm_forward")
    rng = np.random.default_rng(909)
    for case in range(6):
        Z, gamma, beta = random_batch(rng, tiny_variance=case == 3)
        eps = [1e-5, 1e-5, 0.05, 1e-5, 0.3, 1e-3][case]
        dout = rng.standard_normal(Z.shape)
        name = f"batch {Z.shape}, eps {eps:g}"
        settings = {} if eps == 1e-5 else {"eps": eps}
        _, cache, _ = call_batchnorm(c, forward, Z, gamma, beta, fresh_running(Z.shape[0]), True, name, **settings)
        result = c.call(function, dout, cache, inputs=f"dout and the cache of your batchnorm_forward on a {name}")
        require_tuple(c, result, "dZ, dgamma, dbeta")
        c.require_shapes(dict(zip(("dZ", "dgamma", "dbeta"), result)),
                         {"dZ": Z.shape, "dgamma": gamma.shape, "dbeta": beta.shape}, name)

        def objective():
            out = reference_forward(Z, gamma, beta, fresh_running(Z.shape[0]), True, eps=eps)[0]
            return float(np.sum(dout * out))

        step = 1e-5 * float(np.sqrt(np.mean(np.var(Z, axis=1)) + eps))
        for what, got, array in zip(("dZ", "dgamma", "dbeta"), result, (Z, gamma, beta)):
            expect_gradient(c, got, objective, array, f"{name}: {what}", step if what == "dZ" else 1e-5)
        expected = solution(dout, reference_forward(Z, gamma, beta, fresh_running(Z.shape[0]), True, eps=eps)[1])
        for what, got, want in zip(("dZ", "dgamma", "dbeta"), result, expected):
            c.expect_close(got, want, f"{name}: {what} (by the reference backward pass)", rtol=1e-6,
                           atol=1e-9 * (1 + np.abs(want).max()))


# ----- softmax_cross_entropy ----------------------------------------------------------------------------------------
def random_labels(rng, C, m):
    return (np.arange(C)[:, None] == rng.integers(0, C, size=m)[None, :]).astype(float)


@hidden_test
def softmax_cross_entropy(c, function):
    solution = reference(ASSIGNMENT, "softmax_cross_entropy")
    rng = np.random.default_rng(910)
    for case in range(7):
        C, m = distinct_sizes(rng, 2, 12, 2)
        Z = rng.standard_normal((C, m)) * rng.uniform(0.5, 6.0)
        Y = random_labels(rng, C, m)
        if case >= 4:
            # Scores of hundreds, far apart within and between columns: some probabilities are exactly 0. The true
            # class stays within 600 of its column's largest score, so its probability (above 1e-261) is not one of
            # them, and the log of the true class's probability is a valid way to the loss.
            Z = Z * 150 + rng.uniform(-2000, 2000, size=(1, m))
            true = np.argmax(Y, axis=0)
            below = Z.max(axis=0) - Z[true, np.arange(m)]
            Z[true, np.arange(m)] += np.maximum(below - 600, 0)
        name = f"Z {Z.shape} with scores up to {np.abs(Z).max():.3g}"
        before = len(c.notes)
        result = c.call(function, Z, Y, inputs=name)
        require_tuple(c, result, "loss, dZ")
        loss, dZ = result
        c.expect(len(c.notes) == before, f"{name}: no warning", f"{name}: {c.notes[before:] and c.notes[before]}")
        c.expect(np.ndim(loss) == 0, "", f"{name}: the loss has shape {np.shape(loss)}; expected a number.", stop=True)
        expected_loss, expected_dZ = solution(Z, Y)
        c.expect_close(loss, expected_loss, f"{name}: loss", rtol=1e-9, atol=1e-12)
        c.expect_close(dZ, expected_dZ, f"{name}: dZ", rtol=1e-9, atol=1e-15)
        if case < 4:
            expect_gradient(c, dZ, lambda: float(solution(Z, Y)[0]), Z, f"{name}: dZ", step=1e-5)


# ----- network_forward and network_loss ---------------------------------------------------------------------------
def random_network(rng, batchnorm, dims=None):
    """Parameters of a random network (uniform weights, nonzero biases), and running averages for its hidden layers."""
    if dims is None:
        dims = [int(n) for n in rng.integers(1, 7, size=int(rng.integers(2, 6)))]
    params, running = {}, {}
    for l, (n, n_prev) in enumerate(zip(dims[1:], dims[:-1]), 1):
        params[f"W{l}"] = rng.uniform(-2, 2, (n, n_prev)) / np.sqrt(n_prev)
        params[f"b{l}"] = rng.uniform(-0.5, 0.5, (n, 1))
        if l < len(dims) - 1:
            running[l] = random_running(rng, n)
            if batchnorm:
                params[f"gamma{l}"] = rng.uniform(0.5, 1.5, (n, 1))
                params[f"beta{l}"] = rng.uniform(-0.5, 0.5, (n, 1))
    return params, running, dims


@hidden_test
def network_forward(c, function):
    solution = reference(ASSIGNMENT, "network_forward")
    rng = np.random.default_rng(911)
    for case in range(10):
        batchnorm, keep_prob = bool(case % 2), [1.0, 1.0, 0.7, 0.5, 0.85][case % 5]
        train = case not in (4, 7)
        params, running, dims = random_network(rng, batchnorm)
        X = rng.standard_normal((dims[0], int(rng.integers(3, 9))))
        options = {"batchnorm": batchnorm, "keep_prob": keep_prob, "lambd": float(rng.uniform(0, 1))}
        seed = int(rng.integers(10_000)) if train else None
        expected_running = copy.deepcopy(running)
        expected = solution(params, X, options, expected_running, None if seed is None else np.random.default_rng(seed),
                            train)[0]
        scores, after = call_network_forward(c, function, params, options, running, seed, train, X=X)
        c.expect_close(scores, expected, f"network {dims}, {options}, train={train}: scores", rtol=1e-9, atol=1e-12,
                       stop=True)
        c.expect(all(same(after[l][k], expected_running[l][k]) for l in expected_running for k in ("mean", "var")),
                 f"network {dims}: running averages as expected", f"network {dims}, {options}, train={train}: the "
                 "running averages after the call differ from the expected ones.")


def random_network_case(rng, batchnorm, keep_prob):
    params, _, dims = random_network(rng, batchnorm, [int(rng.integers(2, 5)), 3, int(rng.integers(2, 4)), 3])
    m = int(rng.integers(4, 7))
    X, Y = rng.standard_normal((dims[0], m)), random_labels(rng, dims[-1], m)
    options = {"batchnorm": batchnorm, "keep_prob": keep_prob, "lambd": float(rng.uniform(0.1, 1.0))}
    return params, X, Y, options, dims, int(rng.integers(10_000))


@hidden_test
def network_loss(c, function):
    solution = reference(ASSIGNMENT, "network_loss")
    rng = np.random.default_rng(912)
    for batchnorm, keep_prob in ((False, 1.0), (True, 1.0), (True, 0.7), (False, 0.6)):
        params, X, Y, options, dims, seed = random_network_case(rng, batchnorm, keep_prob)
        name = f"network {dims}, {options}"

        def loss_and_grads(params=params):
            running = {l: fresh_running(n) for l, n in enumerate(dims[1:-1], 1)}
            result, _ = call_watching(c, function, (params, X, Y, options, running, np.random.default_rng(seed)),
                                      ("params", "X", "Y", "options"), {"running"}, name)
            require_tuple(c, result, "loss, grads")
            return result

        loss, grads = loss_and_grads()
        expected_loss, expected_grads = solution(params, X, Y, options,
                                                 {l: fresh_running(n) for l, n in enumerate(dims[1:-1], 1)},
                                                 np.random.default_rng(seed))
        c.expect(isinstance(grads, dict) and set(grads) == set(params), f"{name}: grads has the keys of params",
                 f"{name}: grads does not have the keys of params.", stop=True)
        c.expect_close(loss, expected_loss, f"{name}: loss", rtol=1e-9, atol=1e-12)
        for key in params:
            c.expect_close(grads[key], expected_grads[key], f"{name}: grads['{key}']", rtol=1e-6,
                           atol=1e-9 * (1 + np.abs(expected_grads[key]).max()))
        # The gradient of the student's own loss, entry by entry (the same rng seed gives the same masks).
        numeric = {key: numerical_gradient(lambda: float(loss_and_grads()[0]), params[key]) for key in params}
        error = relative_error(np.concatenate([np.ravel(grads[k]) for k in params]),
                               np.concatenate([np.ravel(numeric[k]) for k in params]))
        c.expect(error < GRADIENT_TOLERANCE, f"{name}: grads match the numerical gradient of your loss ({error:.1e})",
                 f"{name}: grads differ from the numerical gradient of your own loss (relative error {error:.1e}).")


# ----- train_epoch -----------------------------------------------------------------------------------------------
@hidden_test
def train_epoch(c, function):
    solution = reference(ASSIGNMENT, "train_epoch")
    rng = np.random.default_rng(913)
    cases = [(1, 1), (7, 7), (9, 2), (12, 5), (6, 10), (13, 1)] + \
        [(int(m), int(rng.integers(1, m + 3))) for m in rng.integers(10, 60, size=4)]
    for m, batch_size in cases:
        seed = int(rng.integers(10_000))
        recorder, params, epoch_loss = run_epoch(c, function, m, batch_size, seed)
        check_epoch(c, recorder, params, epoch_loss, m, batch_size, list(np.random.default_rng(seed).permutation(m)))
        expected = EpochRecorder()
        X, Y = epoch_data(m)
        _, expected_loss = solution({"W": np.zeros((1, 1)), "t": np.zeros(())}, X, Y, expected.loss_and_grads,
                                    expected.update, batch_size, np.random.default_rng(seed))
        c.expect(recorder.batches == expected.batches and recorder.updates == expected.updates,
                 f"m = {m}, batch_size {batch_size}: the same calls as the reference",
                 f"m = {m}, batch_size {batch_size}: loss_and_grads and update were not called as the reference calls "
                 "them.")
        c.expect_close(epoch_loss, expected_loss, f"m = {m}, batch_size {batch_size}: epoch_loss", rtol=1e-12)



def predict_digits(function):
    """The performance grade: the student's predictions on the held-out test set, in tiers.

    The test inputs cross to the kernel in an order drawn afresh for this submission, so
    predictions written down in advance cannot match. Returns a judge.Score with the test
    accuracy; a structural mistake (shape, values, an exception) fails as any check does.
    """
    X_test, Y_test = held_out.test_set()
    order = np.random.default_rng(secrets.randbits(64)).permutation(X_test.shape[1])
    checker = Checker("hidden tests of predict_digits", quiet=True)
    found = {}

    def body(c, student_function):
        found["labels"] = predictions_of(c, student_function, X_test[:, order], "the test set")

    checker.run(body, function)
    checker.report()
    accuracy = float(np.mean(found["labels"] == Y_test.ravel()[order]))
    print(describe_tier(accuracy, f"the {X_test.shape[1]:,} held-out test examples"))
    return Score(tier_of(accuracy), {"test_accuracy": accuracy})
