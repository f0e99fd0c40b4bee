"""Visible checks of assignment 09, the capstone: a deep network built from its layers.

Each layer function is checked on a small fixed input whose expected output was worked out
once and written down here; a result equal to what a known mistake returns fails with that
mistake named. A cache belongs to the student who wrote it: a backward pass is fed the cache
of the student's own forward pass (the function of that name in the same notebook), and a
cache is inspected only where the notebook fixes its form, (A_prev, W) for the affine step
and Z for the ReLU. Batch norm reuses the 2 x 4 and 3 x 5 batches of assignment 05, whose
expected values are written there.

Dropout must draw its mask exactly as its docstring says, ``rng.random(A.shape) < keep_prob``,
once per call: the checks replay the draws of a seeded rng, here and in the whole network, so
a mask drawn another way (rng.binomial, a transposed draw) fails even when its statistics are
right, and the report says so.

The network functions run on a tiny network [3, 4, 3, 2] with five examples, with and without
batch norm and dropout, in training and at test time; train_epoch runs with stand-ins for
loss_and_grads and update that record every call.
"""

import copy
import functools

import numpy as np

from helpers.checks import batch_norm as bn05
from helpers.checks.core import Checker, _first_difference, sibling, student_check
from helpers.checks.initialization import RNG_HINT, check_reproducible, check_weight_scale, keys_hint
from helpers.checks.regularization import mask_hint
from helpers.data import load_dataset


# ----- shared helpers -----------------------------------------------------------------------------
def expect_naming(c, actual, expected, what, mistakes=(), hint=None, stop=False, rtol=1e-7, atol=1e-10):
    """``c.expect_close``, except that a value equal to what a known mistake returns fails with the mistake named.

    ``mistakes`` are triples (what the mistake returns, what it does, hint).
    """
    try:
        array = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        array = None
    wrong = array is not None and array.shape == np.shape(expected) \
        and not np.allclose(array, expected, rtol=rtol, atol=atol)
    if wrong:
        for value, mistake, mistake_hint in mistakes:
            if np.shape(value) == array.shape and np.allclose(array, value, rtol=rtol, atol=atol):
                c.fail(f"{what}: your result {mistake}.", mistake_hint, stop)
                return False
    return c.expect_close(actual, expected, what, rtol=rtol, atol=atol, hint=hint, stop=stop)


def expect_all(c, body, ok_message):
    """Run ``body(checker)`` on a scratch checker: one ok line if all its verdicts pass, else its FAIL lines."""
    scratch = Checker(c.name)
    scratch.run(body)
    failures = [verdict for verdict in scratch.verdicts if not verdict[0]]
    c.notes += scratch.notes
    if failures:
        c.verdicts += failures
    else:
        c.ok(ok_message)
    return not failures


def same(a, b):
    """True if ``a`` is an array (or number) equal to ``b`` to 1e-12."""
    try:
        a = np.asarray(a, dtype=float)
    except (TypeError, ValueError):
        return False
    return a.shape == np.shape(b) and np.allclose(a, b, rtol=1e-12, atol=1e-12)


def listed(values):
    """Numbers as a short readable list: ``[0.335, -0.735]``."""
    return "[" + ", ".join(f"{v:.3g}" for v in np.ravel(values)) + "]"


def require_tuple(c, result, names, hint=None):
    """Stop unless ``result`` is a tuple (or list) of as many values as ``names`` lists."""
    count = len(names.split(", "))
    if not isinstance(result, (tuple, list)) or len(result) != count:
        got = f"a {type(result).__name__} of {len(result)} values" if isinstance(result, (tuple, list)) \
            else f"a {type(result).__name__}"
        c.fail(f"the result is {got}; expected {count} values, ({names}).", hint or f"End with `return {names}`.",
               stop=True)


def error_hint(*rules):
    """An ``error_hint`` for ``c.call``: the hint of the first rule (texts, hint) whose text the error contains."""
    def hint(error):
        message = f"{type(error).__name__}: {error}"
        return next((text for needles, text in rules if any(n in message for n in needles)), None)
    return hint


SHAPE_ERRORS = ("mismatch in its core dimension", "could not be broadcast", "not aligned", "shapes")


def call_watching(c, function, args, names, mutable, inputs, error_hint=None, **kwargs):
    """Call ``function(*args, **kwargs)`` on copies; return (result, the arguments after the call).

    The arguments named in ``mutable`` may change (batch norm's running averages, an rng);
    a change to any other is a FAIL.
    """
    @functools.wraps(function)
    def watched(*args, **kwargs):
        before = copy.deepcopy(args)
        return function(*args, **kwargs), args, before

    result, after, before = c.call(watched, *args, inputs=inputs, may_modify_inputs=True, error_hint=error_hint,
                                   **kwargs)
    changed = [name for name, old, new in zip(names, before, after)
               if name not in mutable and _first_difference(old, new) is not None]
    if changed:
        c.fail(f"{function.__name__} modified its input {', '.join(changed)} in place.",
               "Build new arrays (`A = A * mask`) instead of changing an input (`A *= mask`).")
    return result, after


# ----- init_network ---------------------------------------------------------------------------------
def init_shapes(layer_dims, batchnorm):
    """Keys and shapes of init_network's params: W and b per layer, gamma and beta per hidden layer with batch norm."""
    shapes = {}
    for l, (n, n_prev) in enumerate(zip(layer_dims[1:], layer_dims[:-1]), 1):
        shapes.update({f"W{l}": (n, n_prev), f"b{l}": (n, 1)})
        if batchnorm and l < len(layer_dims) - 1:
            shapes.update({f"gamma{l}": (n, 1), f"beta{l}": (n, 1)})
    return shapes


INIT_HINT = ("W{l} has shape (n[l], n[l-1]) and b{l} shape (n[l], 1) for every layer l = 1..L; with batch norm the "
             "hidden layers 1..L-1 also get gamma{l} and beta{l}, shape (n[l], 1).")


def check_init_structure(c, params, layer_dims, batchnorm):
    """Keys, shapes and the values of b (zeros), gamma (ones) and beta (zeros); stops at a structural error."""
    L = len(layer_dims) - 1
    shapes = init_shapes(layer_dims, batchnorm)
    what = f"init_network({list(layer_dims)}, batchnorm={batchnorm})"
    c.require_type(params, dict, what, "Return the dict params.")
    norm_keys = sorted(k for k in params if str(k).startswith(("gamma", "beta")))
    if batchnorm and (f"gamma{L}" in params or f"beta{L}" in params):
        c.fail(f"{what} has gamma{L} and beta{L}: the output layer {L} got batch norm.",
               f"Batch norm is for the hidden layers 1..{L - 1} only (l < L): the output layer's scores go to the "
               "softmax as they are.", stop=True)
    if batchnorm and L > 1 and not norm_keys:
        c.fail(f"{what} has no gamma or beta.",
               "With batchnorm=True every hidden layer l = 1..L-1 gets gamma{l} = ones and beta{l} = zeros, of shape "
               "(n[l], 1).", stop=True)
    if not batchnorm and norm_keys:
        c.fail(f"{what} has {', '.join(norm_keys)}, though batchnorm is False.",
               "Add gamma and beta only when batchnorm is True.", stop=True)
    if batchnorm and f"b{L}" in params and any(f"b{l}" not in params for l in range(1, L)):
        c.fail(f"{what} has no b for the hidden layers.",
               "In this network every layer keeps its bias b{l} (zeros, shape (n[l], 1)), with or without batch norm.",
               stop=True)
    c.require_keys(params, list(shapes), what, keys_hint(params, shapes, layer_dims))
    for key, shape in shapes.items():
        got = np.shape(params[key])
        if got != shape and got == shape[::-1]:
            kind = "(n[l-1], n[l]), transposed" if key.startswith("W") else "a row, not a column"
            c.fail(f"{key} has shape {got}, {kind}; expected {shape}.", INIT_HINT, stop=True)
    c.require_shapes(params, shapes, what, INIT_HINT)
    gammas = [k for k in shapes if k.startswith("gamma")]
    zeros = [k for k in shapes if not k.startswith(("W", "gamma"))]
    if gammas and all(np.all(params[k] == 0) for k in gammas) \
            and all(np.all(params[k] == 1) for k in shapes if k.startswith("beta")):
        c.fail(f"{what}: gamma is zeros and beta ones: they got each other's values.",
               "gamma = 1 (np.ones) and beta = 0 (np.zeros): batch norm starts as the plain normalization.")
        return
    wrong = [k for k in gammas if np.any(params[k] != 1)] + [k for k in zeros if np.any(params[k] != 0)]
    c.expect(not wrong, f"{what}: b and beta are zeros" + (", gamma ones" if gammas else ""),
             f"{what}: {', '.join(wrong)} have the wrong values.",
             "The biases b and beta start at 0 (np.zeros), gamma at 1 (np.ones).")


@student_check
def init_network(c, init_network):
    for dims, batchnorm in (([5, 4, 3, 2], False), ([5, 4, 3, 2], True), ([3, 1], True)):
        params = c.call(init_network, dims, batchnorm, np.random.default_rng(0),
                        inputs=f"{dims}, batchnorm={batchnorm}, rng")
        check_init_structure(c, params, dims, batchnorm)
    # Layers of 400, 300, 200 and 10 units: n[l] and n[l-1] differ by a third or more, so a scale from
    # the wrong one shows, and so does Xavier's sqrt(1 / n[l-1]).
    wide = [400, 300, 200, 10]
    params = c.call(init_network, wide, True, np.random.default_rng(1), inputs=f"{wide}, batchnorm=True, rng")
    check_init_structure(c, params, wide, True)
    check_weight_scale(c, params, wide, lambda l: np.sqrt(2 / wide[l - 1]),
                       "He scaling: a standard normal draw times sqrt(2 / n[l-1]), n[l-1] the size of the previous "
                       "layer.", lambda l: f"sqrt(2/{wide[l - 1]})", [
                           (lambda l: np.sqrt(1 / wide[l - 1]),
                            "That is sqrt(1 / n[l-1]), the scale of Xavier's initialization; He's has a 2: "
                            "sqrt(2 / n[l-1])."),
                           (lambda l: np.sqrt(2 / wide[l]),
                            "That is sqrt(2 / n[l]), from the layer's own size; He scaling uses the size of the "
                            "PREVIOUS layer: sqrt(2 / n[l-1])."),
                           (lambda l: 2 / wide[l - 1],
                            "That is 2 / n[l-1], the variance: the standard deviation is its square root, "
                            "np.sqrt(2 / n[l-1])."),
                       ])
    check_reproducible(c, init_network, [5, 4, 3, 2], batchnorm=True)


# ----- affine_forward ---------------------------------------------------------------------------------
# A layer of n[l] = 2 units on n[l-1] = 3 inputs and m = 4 examples (all three sizes differ).
_A_PREV = np.array([[1.0, -2.0, 0.5, 3.0], [0.0, 1.0, -1.0, 2.0], [2.0, 0.5, 1.0, -1.0]])
_W = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]])
_B = np.array([[1.0], [-2.0]])
_Z_AFFINE = np.array([[5.5, 0.0, 4.25, -1.5], [-1.5, -5.25, -1.75, 3.0]])
# One example: four units on two inputs.
_A_ONE = np.array([[2.0], [-1.0]])
_W_ONE = np.array([[1.0, 0.5], [-2.0, 1.0], [0.0, 3.0], [0.5, -0.5]])
_B_ONE = np.array([[0.1], [0.2], [-0.3], [0.0]])
_Z_ONE = np.array([[1.6], [-4.8], [-3.3], [1.5]])

AFFINE_HINT = ("Z = W A_prev + b: W (n[l], n[l-1]) times A_prev (n[l-1], m) is (n[l], m), and b (n[l], 1) is added "
               "to each column.")
AFFINE_ERROR_HINT = ("Check the shapes: " + AFFINE_HINT + " Use W as it is (no .T) and first in the matrix product (@): "
                     "the order of a matrix product matters, and * multiplies entry by entry.")
AFFINE_CACHE_HINT = "The cache is the pair (A_prev, W), in that order: affine_backward's first line unpacks it."


def check_affine_cache(c, cache, Z):
    """The cache is the pair (A_prev, W), in that order."""
    if not isinstance(cache, (tuple, list)) or len(cache) != 2:
        got = f"a {type(cache).__name__} of {len(cache)} entries" if isinstance(cache, (tuple, list)) \
            else f"a {type(cache).__name__}"
        c.fail(f"the cache is {got}; expected the pair (A_prev, W).",
               AFFINE_CACHE_HINT + " It holds exactly two entries: db comes from dZ alone, b is not needed.",
               stop=True)
    first, second = cache
    if same(first, _W) and same(second, _A_PREV):
        c.fail("the cache holds (W, A_prev), in the wrong order.", AFFINE_CACHE_HINT, stop=True)
    if same(first, Z):
        c.fail("the cache holds Z where A_prev is expected.",
               "affine_backward needs the layer's input A_prev (dW = dZ A_prev^T), not its output Z. "
               + AFFINE_CACHE_HINT, stop=True)
    c.expect(same(first, _A_PREV) and same(second, _W), "the cache is the pair (A_prev, W)",
             "the cache does not hold (A_prev, W).", AFFINE_CACHE_HINT)


@student_check
def affine_forward(c, affine_forward):
    hint = error_hint((SHAPE_ERRORS, AFFINE_ERROR_HINT))
    result = c.call(affine_forward, _A_PREV, _W, _B, inputs="A_prev (3, 4), W (2, 3), b (2, 1)", error_hint=hint)
    require_tuple(c, result, "Z, cache")
    Z, cache = result
    if np.shape(Z) == (4, 2):
        c.fail("Z has shape (4, 2), (m, n[l]): it is transposed; expected (2, 4) = (n[l], m).",
               "Z = W A_prev + b: each column of Z is one example, each row one unit.", stop=True)
    c.require_shape(Z, (2, 4), "Z for A_prev (3, 4), W (2, 3)", AFFINE_HINT)
    expect_naming(c, Z, _Z_AFFINE, "Z for A_prev (3, 4), W (2, 3), b (2, 1)",
                  [(_Z_AFFINE - _B, "leaves out the bias b",
                    "Add b: Z = W A_prev + b, where b (n[l], 1) broadcasts over the m columns.")], AFFINE_HINT)
    check_affine_cache(c, cache, Z)
    Z, _ = c.call(affine_forward, _A_ONE, _W_ONE, _B_ONE, inputs="A_prev (2, 1), W (4, 2), b (4, 1)", error_hint=hint)
    c.require_shape(Z, (4, 1), "Z for one example, A_prev (2, 1), W (4, 2)", AFFINE_HINT)
    expect_naming(c, Z, _Z_ONE, "Z for one example, A_prev (2, 1), W (4, 2), b (4, 1)", hint=AFFINE_HINT)


# ----- affine_backward --------------------------------------------------------------------------------
_DZ = np.array([[0.1, -0.2, 0.3, 0.05], [-0.4, 0.25, 0.1, -0.15]])
_DA_PREV = np.array([[-0.55, 0.275, 0.3, -0.19999999999999998],
                     [-0.1, 0.2, -0.3, -0.05],
                     [0.4, -0.525, 0.5499999999999999, 0.175]])
_DW = np.array([[0.8, -0.4, 0.35000000000000003], [-1.3, -0.15, -0.42500000000000004]])
_DB = np.array([[0.25], [-0.2]])

BACKWARD_SHAPES = ("dW = dZ A_prev^T is (n[l], m) times (m, n[l-1]); dA_prev = W^T dZ is (n[l-1], n[l]) times "
                   "(n[l], m); db adds dZ up over the examples (axis 1), keeping a column (keepdims).")
NO_M_HINT = ("dZ already holds the 1/m of the mean cost (softmax_cross_entropy put it there): no further / m, and db "
             "is the sum of dZ over the examples, not its mean.")


@student_check
def affine_backward(c, affine_backward):
    result = c.call(affine_backward, _DZ, (_A_PREV, _W), inputs="dZ (2, 4) and cache = (A_prev (3, 4), W (2, 3))",
                    error_hint=error_hint((SHAPE_ERRORS, "In each product the inner sizes must match: "
                                                         + BACKWARD_SHAPES)))
    require_tuple(c, result, "dA_prev, dW, db")
    dA_prev, dW, db = result
    if np.shape(dW) == (3, 2):
        c.fail("dW has shape (3, 2), the transpose of W's (2, 3).",
               "dW = dZ A_prev^T has the shape of W, (n[l], n[l-1]).", stop=True)
    if np.shape(dA_prev) == (4, 3):
        c.fail("dA_prev has shape (4, 3), the transpose of A_prev's (3, 4).",
               "dA_prev = W^T dZ: W^T on the left, so that it has the shape of A_prev, (n[l-1], m).", stop=True)
    if np.shape(db) == (2,):
        c.fail("db has shape (2,), without keepdims; expected (2, 1) like b.",
               "Keep the summed axis: keepdims=True.", stop=True)
    if np.shape(db) == (1, 4):
        c.fail("db has shape (1, 4): it was summed over axis 0 (the units) instead of axis 1 (the examples).",
               "b has one entry per unit: sum over the examples, axis 1 (keepdims=True).", stop=True)
    if np.ndim(db) == 0:
        c.fail("db is a single number: it sums every entry of dZ.",
               "b has one entry per unit: sum over the examples only (axis 1, keepdims=True).", stop=True)
    c.require_shapes({"dA_prev": dA_prev, "dW": dW, "db": db}, {"dA_prev": (3, 4), "dW": (2, 3), "db": (2, 1)},
                     "dZ (2, 4), A_prev (3, 4), W (2, 3)", BACKWARD_SHAPES)
    expect_naming(c, dW, _DW, "dW", [(_DW / 4, "is divided by m = 4", NO_M_HINT)], "dW = dZ A_prev^T")
    expect_naming(c, db, _DB, "db", [(_DB / 4, "is the mean of dZ over the examples, not its sum", NO_M_HINT)],
                  "db is the sum of dZ over the examples (axis 1), shape (n[l], 1)")
    expect_naming(c, dA_prev, _DA_PREV, "dA_prev", [(_DA_PREV / 4, "is divided by m = 4", NO_M_HINT)],
                  "dA_prev = W^T dZ")


# ----- relu_forward and relu_backward --------------------------------------------------------------------
_Z_RELU = np.array([[1.5, -2.0, 0.0, 0.3], [-0.1, 0.0, 2.5, -3.0], [0.7, -0.2, 0.0, 4.0]])
_A_RELU = np.array([[1.5, 0.0, 0.0, 0.3], [0.0, 0.0, 2.5, 0.0], [0.7, 0.0, 0.0, 4.0]])
_DA_RELU = np.array([[0.5, -1.0, 2.0, 0.25], [1.0, 3.0, -0.5, 2.0], [-2.0, 0.5, 1.0, -1.5]])
_DZ_RELU = np.array([[0.5, 0.0, 0.0, 0.25], [0.0, 0.0, -0.5, 0.0], [-2.0, 0.0, 0.0, -1.5]])

RELU_HINT = "ReLU keeps Z where Z > 0 and gives 0 elsewhere, entry by entry: A = max(0, Z)."


@student_check
def relu_forward(c, relu_forward):
    result = c.call(relu_forward, _Z_RELU, inputs="Z (3, 4) with negative, zero and positive entries")
    require_tuple(c, result, "A, cache")
    A, cache = result
    c.require_shape(A, (3, 4), "A", "A has the shape of Z.")
    expect_naming(c, A, _A_RELU, "A = max(0, Z)", [
        (np.where(_Z_RELU > 0, _Z_RELU, 0.01 * _Z_RELU), "is a leaky ReLU (0.01 Z below 0)",
         "ReLU gives exactly 0 for a negative Z. " + RELU_HINT),
        (np.abs(_Z_RELU), "is |Z|", "A negative Z gives 0, not -Z. " + RELU_HINT),
        (np.minimum(0, _Z_RELU), "is min(0, Z)", "ReLU keeps the positive part: np.maximum, not np.minimum."),
        ((_Z_RELU > 0).astype(float), "is 1 where Z > 0 and 0 elsewhere: the derivative of ReLU, not ReLU",
         RELU_HINT),
    ], RELU_HINT)
    c.expect(same(cache, _Z_RELU), "cache = Z, as given", "the cache is not Z.",
             "relu_backward's first line reads Z = cache: keep the given `return A, Z`, with Z unchanged.")


@student_check
def relu_backward(c, relu_backward):
    dZ = c.call(relu_backward, _DA_RELU, _Z_RELU, inputs="dA (3, 4) and cache Z (3, 4), three entries of Z exactly 0")
    c.require_shape(dZ, (3, 4), "dZ", "dZ has the shape of dA: return the array alone.")
    expect_naming(c, dZ, _DZ_RELU, "dZ (dA where Z > 0, else 0)", [
        (np.where(_Z_RELU >= 0, _DA_RELU, 0.0), "passes dA on where Z == 0 too (Z >= 0)",
         "ReLU is flat for Z <= 0: the derivative is 0 where Z is exactly 0, so multiply by (Z > 0), not (Z >= 0)."),
        (np.where(_DA_RELU > 0, _DA_RELU, 0.0), "keeps dA where dA > 0: the mask comes from dA instead of Z",
         "The gate is set by the forward pass's input: keep dA where Z > 0 (Z is the cache), whatever dA's sign."),
        (_DA_RELU * _Z_RELU, "is dA * Z",
         "ReLU's derivative is 1 where Z > 0 and 0 elsewhere: multiply dA by (Z > 0), not by Z."),
        ((_Z_RELU > 0).astype(float), "is the derivative (Z > 0) without dA",
         "Chain rule: dZ is dA times ReLU's derivative, 1 where Z > 0 and 0 elsewhere."),
    ], "dZ is dA where Z > 0, 0 elsewhere")


# ----- dropout_forward and dropout_backward ----------------------------------------------------------------
_A_DROP = np.array([[1.2, -0.5, 2.0, 0.3], [-1.0, 0.8, 1.5, -2.2], [0.6, 1.1, -0.4, 0.9]])
_KEEP, _DROP_SEED = 0.7, 10
# The draws rng.random((3, 4)) of an rng seeded with 10, and the output of inverted dropout with them.
_DROP_DRAWS = np.array([[0.9560017096289753, 0.20768181007914688, 0.8284448852745308, 0.14928212308202027],
                        [0.5128046164365648, 0.13591960402050662, 0.6890364797811311, 0.841747724312279],
                        [0.4255089974049766, 0.9569260034533662, 0.8253329063847983, 0.338215312471576]])
_DROP_OUT = np.array([[0.0, -0.7142857142857143, 0.0, 0.4285714285714286],
                      [-1.4285714285714286, 1.142857142857143, 2.142857142857143, 0.0],
                      [0.8571428571428572, 0.0, 0.0, 1.2857142857142858]])
_DOUT_DROP = np.array([[0.3, -1.2, 0.5, 2.0], [1.0, 0.4, -0.7, -0.2], [-0.6, 0.9, 1.5, 0.1]])

DROP_HINT = ("Inverted dropout keeps the units whose draw rng.random(A.shape) is below keep_prob, divides them by "
             "keep_prob and sets the others to 0.")
SCALE_HINT = ("Inverted dropout divides the kept units by keep_prob, in training only, so that the expected value of "
              "each unit is the same in training and at test time.")
REPLAY_HINT = ("Draw the mask exactly as the docstring says, once: rng.random(A.shape) < keep_prob. The checks replay "
               "the draws of a seeded rng, here and in network_forward and network_loss.")
TEST_TIME_HINT = "At test time (train=False) dropout does nothing: return A as it is, and draw nothing from rng."


def dropout_mistakes(A, draws, keep_prob, expected):
    """What known mistakes of dropout_forward return for ``A`` and the uniform ``draws`` of a seeded rng."""
    n, m = A.shape
    flat = draws.ravel()
    return [
        (expected * keep_prob, "keeps the right units but does not divide them by keep_prob", SCALE_HINT),
        (expected * keep_prob / (1 - keep_prob), "divides the kept units by 1 - keep_prob",
         "Divide by keep_prob, the probability of keeping a unit. " + SCALE_HINT),
        (expected * keep_prob ** 2, "multiplies the kept units by keep_prob", SCALE_HINT),
        (np.where(draws > keep_prob, A / keep_prob, 0.0), "keeps a unit when its draw is ABOVE keep_prob",
         "Keep a unit when its draw is below keep_prob, which happens with probability keep_prob: "
         "the mask is rng.random(A.shape) < keep_prob."),
        (np.where(draws < 1 - keep_prob, A / keep_prob, 0.0), "keeps a unit when its draw is below 1 - keep_prob",
         "keep_prob is the probability of KEEPING a unit: the mask is rng.random(A.shape) < keep_prob."),
        (np.where(flat[:n, None] < keep_prob, A / keep_prob, 0.0),
         "uses one draw per unit (row), shared by all the examples",
         "Draw one number per unit AND per example: rng.random(A.shape), not rng.random((n, 1))."),
        (np.where(flat[None, :m] < keep_prob, A / keep_prob, 0.0),
         "uses one draw per example (column), shared by all the units",
         "Draw one number per unit AND per example: rng.random(A.shape), not rng.random((1, m))."),
        (A, "is A unchanged: nothing was dropped",
         "In training (train=True) with keep_prob < 1, draw the mask and apply it."),
    ]


@student_check
def dropout_forward(c, dropout_forward):
    seeded = f"rng seeded with {_DROP_SEED}"
    inputs = f"A (3, 4), keep_prob {_KEEP}, {seeded}, train=True"
    result = c.call(dropout_forward, _A_DROP, _KEEP, np.random.default_rng(_DROP_SEED), True, inputs=inputs)
    require_tuple(c, result, "out, cache")
    out = result[0]
    c.require_shape(out, (3, 4), "out", "out has the shape of A.")
    again = c.call(dropout_forward, _A_DROP, _KEEP, np.random.default_rng(_DROP_SEED), True, inputs=inputs)[0]
    c.expect(same(out, again), "the same rng seed gives the same output",
             "Two calls with rng seeded alike gave different outputs.", RNG_HINT, stop=True)
    form_right = bool(np.all((out == 0) | np.isclose(out, _A_DROP / _KEEP, rtol=1e-12, atol=0)))
    expect_naming(c, out, _DROP_OUT, f"out for keep_prob {_KEEP}, {seeded}",
                  dropout_mistakes(_A_DROP, _DROP_DRAWS, _KEEP, _DROP_OUT),
                  ("Each of your units is 0 or A / keep_prob, as it should, but not the ones the documented mask "
                   "keeps. " + REPLAY_HINT) if form_right else DROP_HINT)
    other = c.call(dropout_forward, _A_DROP, _KEEP, np.random.default_rng(_DROP_SEED + 1), True,
                   inputs=f"A (3, 4), keep_prob {_KEEP}, rng seeded with {_DROP_SEED + 1}, train=True")[0]
    c.expect(not same(other, out), "another rng seed drops other units",
             "Two calls with differently seeded rngs gave the same output.",
             "Do not create a generator with a fixed seed inside the function; draw from the `rng` you are given.")

    def twice(A, keep_prob, rng, train):
        return dropout_forward(A, keep_prob, rng, train)[0], dropout_forward(A, keep_prob, rng, train)[0]

    twice.__name__ = dropout_forward.__name__
    first, second = c.call(twice, _A_DROP, _KEEP, np.random.default_rng(_DROP_SEED), True,
                           inputs=f"A (3, 4), keep_prob {_KEEP}, the same rng twice")
    c.expect(not same(first, second), "two calls with the same rng draw two masks",
             "Two calls with the same rng dropped the same units.",
             "Draw a new mask from rng at every call: each mini-batch of training gets its own.")

    # 60,000 units: the share kept is keep_prob to within 1.4% (seven standard deviations).
    A = np.random.default_rng(99).standard_normal((200, 300))
    out = np.asarray(c.call(dropout_forward, A, 0.6, np.random.default_rng(1), True,
                            inputs="A (200, 300), keep_prob 0.6, train=True")[0], dtype=float)
    kept = out != 0
    fraction = float(np.mean(kept))
    c.expect(abs(fraction - 0.6) <= 7 * np.sqrt(0.6 * 0.4 / A.size),
             f"A (200, 300), keep_prob 0.6: {fraction:.1%} of the units kept",
             f"A (200, 300), keep_prob 0.6: {fraction:.1%} of the units kept; expected about 60%.",
             mask_hint(fraction, 0.6))
    c.expect(np.allclose(out[kept], A[kept] / 0.6, rtol=1e-12, atol=0),
             "A (200, 300): every kept unit is A / keep_prob", "A (200, 300): the kept units are not A / keep_prob.",
             SCALE_HINT)

    test_mistakes = [(_DROP_OUT, "applies dropout at test time", TEST_TIME_HINT),
                     (_A_DROP * _KEEP, "scales A by keep_prob at test time",
                      "Inverted dropout scales in training (the division by keep_prob), so at test time A passes "
                      "unchanged.")]
    for rng, name in ((np.random.default_rng(_DROP_SEED), seeded), (None, "rng=None")):
        out = c.call(dropout_forward, _A_DROP, _KEEP, rng, False, inputs=f"A (3, 4), keep_prob {_KEEP}, {name}, "
                     "train=False", error_hint=error_hint((("NoneType",), TEST_TIME_HINT)))[0]
        expect_naming(c, out, _A_DROP, f"train=False, {name}: out (A unchanged)", test_mistakes, TEST_TIME_HINT)
    out = c.call(dropout_forward, _A_DROP, 1.0, np.random.default_rng(_DROP_SEED), True,
                 inputs=f"A (3, 4), keep_prob 1, {seeded}, train=True")[0]
    expect_naming(c, out, _A_DROP, "keep_prob 1: out (A unchanged)", hint="keep_prob 1 keeps every unit.")


NONE_CACHE_HINT = ("dropout_forward returns the cache None when it drops nothing (keep_prob 1, or train=False): then "
                   "return dout as it is.")


def forward_of(c, function, name):
    """The student's ``name`` beside ``function`` (its forward pass); stops if the notebook has none."""
    forward = sibling(function, name)
    if forward is None:
        c.fail(f"this notebook defines no {name}.",
               f"{function.__name__} takes the cache of your {name}: run the cell of {name} first, then this one.",
               stop=True)
    return forward


@student_check(builds_on=("dropout_forward",))
def dropout_backward(c, dropout_backward):
    forward = forward_of(c, dropout_backward, "dropout_forward")
    big = np.random.default_rng(12)
    cases = ((_A_DROP, _DOUT_DROP, _KEEP, _DROP_SEED),
             (big.standard_normal((6, 50)) + 3.0, big.standard_normal((6, 50)), 0.5, 13))
    for A, dout, keep_prob, seed in cases:
        name = f"A {A.shape}, keep_prob {keep_prob}, rng seeded with {seed}"
        out, cache = c.call(forward, A, keep_prob, np.random.default_rng(seed), True, inputs=name)
        c.require_shape(out, A.shape, f"dropout_forward's out for {name}", "out has the shape of A.")
        kept = np.asarray(out) != 0  # A has no zero, so a unit is kept exactly where out is not 0
        dA = c.call(dropout_backward, dout, cache, inputs=f"dout {dout.shape} and the cache of dropout_forward({name})",
                    error_hint=error_hint((("NoneType",), NONE_CACHE_HINT)))
        c.require_shape(dA, A.shape, f"dA for {name}", "dA has the shape of dout.")
        expected = np.where(kept, dout / keep_prob, 0.0)
        expect_naming(c, dA, expected, f"{name}: dA (dout / keep_prob where a unit was kept, 0 elsewhere)", [
            (np.where(kept, dout, 0.0), "lets the gradient through the kept units without dividing by keep_prob",
             "out is A through the mask divided by keep_prob, so dA is dout through the same mask divided by the "
             "same keep_prob."),
            (np.where(kept, dout / (1 - keep_prob), 0.0), "divides by 1 - keep_prob",
             "Divide by keep_prob, as dropout_forward did."),
            (np.where(kept, dout * keep_prob, 0.0), "multiplies by keep_prob",
             "out is A through the mask divided by keep_prob: dA is dout through the mask divided by keep_prob."),
            (dout / keep_prob, "divides every entry by keep_prob, dropped units included",
             "A dropped unit took no part in the output, so its gradient is 0: multiply dout by the mask."),
            (np.where(kept, 0.0, dout / keep_prob), "lets the gradient through the DROPPED units",
             "The mask is True for the units KEPT: the gradient flows through those."),
            (dout, "is dout unchanged",
             "When units were dropped (a cache that is not None), dA is dout through the mask, divided by keep_prob."),
        ], "dA is dout / keep_prob where dropout_forward kept a unit, 0 elsewhere")
    A, dout = _A_DROP, _DOUT_DROP
    for keep_prob, rng, train, name in ((1.0, np.random.default_rng(_DROP_SEED), True, "keep_prob 1, train=True"),
                                        (_KEEP, None, False, f"keep_prob {_KEEP}, train=False")):
        _, cache = c.call(forward, A, keep_prob, rng, train, inputs=f"A (3, 4), {name}")
        dA = c.call(dropout_backward, dout, cache, inputs=f"dout (3, 4) and the cache of dropout_forward(A, {name})",
                    error_hint=error_hint((("NoneType",), NONE_CACHE_HINT)))
        expect_naming(c, dA, dout, f"nothing dropped ({name}): dA (dout unchanged)", hint=NONE_CACHE_HINT)


# ----- batchnorm_forward and batchnorm_backward --------------------------------------------------------------
RUNNING_HINT = ("Update the dict running that you are given: running['mean'] = momentum * running['mean'] + "
                "(1 - momentum) * mu, the same for 'var'. A new dict (running = {...}) or a new name stays inside "
                "the function.")
BN_TEST_HINT = "With train=False normalize with running['mean'] and running['var'], not with the batch's statistics."


def fresh_running(n):
    """Running averages as network_forward starts them: mean zeros, var ones, shape (n, 1)."""
    return {"mean": np.zeros((n, 1)), "var": np.ones((n, 1))}


def call_batchnorm(c, function, Z, gamma, beta, running, train, inputs, **settings):
    """The student's batchnorm_forward on copies: (out, cache, running after the call); stops unless a pair."""
    result, after = call_watching(c, function, (Z, gamma, beta, running, train), ("Z", "gamma", "beta", "running"),
                                  {"running"}, inputs, bn05.broadcast_hint, **settings)
    require_tuple(c, result, "out, cache")
    c.require_shape(result[0], Z.shape, "out", "out has the shape of Z: (n, m).")
    return result[0], result[1], after[3]


def check_running(c, running, mean, var, what, mean_mistakes=(), var_mistakes=()):
    """running["mean"] and running["var"] against the values expected after one batch."""
    if not (isinstance(running, dict) and all(np.shape(running.get(k)) == np.shape(mean) for k in ("mean", "var"))):
        c.fail(f"{what}: running no longer holds 'mean' and 'var' of shape {np.shape(mean)}.", RUNNING_HINT, stop=True)
    expect_naming(c, running["mean"], mean, f"{what}: running['mean']", mean_mistakes, RUNNING_HINT)
    expect_naming(c, running["var"], var, f"{what}: running['var']", var_mistakes, RUNNING_HINT)


@student_check
def batchnorm_forward(c, batchnorm_forward):
    Z, gamma, beta, mu, var = bn05._Z, bn05._GAMMA, bn05._BETA, bn05._MU, bn05._VAR
    unchanged = ("is unchanged: the running averages were not updated", RUNNING_HINT)
    # 1. Training with the default momentum 0.9 and eps 1e-5, from the running averages network_forward starts with.
    out, _, running = call_batchnorm(c, batchnorm_forward, Z, gamma, beta, fresh_running(2), True,
                                     "the 2 x 4 batch, train=True")
    bn05.expect_close_naming(c, out, bn05._TRAIN_OUT, "train=True: out", bn05._FORWARD_MISTAKES, bn05.FORMULA_HINT,
                             stop=True)
    check_running(c, running, 0.1 * mu, 0.9 + 0.1 * var, "after one batch (momentum 0.9, from mean 0 and var 1)",
                  [(np.zeros((2, 1)), *unchanged), (0.9 * mu, "weighs the batch's mu by momentum", bn05.SWAPPED_HINT)],
                  [(np.ones((2, 1)), *unchanged), (0.1 + 0.9 * var, "weighs the batch's var by momentum",
                                                   bn05.SWAPPED_HINT),
                   (0.9 + 0.1 * var * 4 / 3, "averages the unbiased variance (divided by m - 1)",
                    "The running variance averages the same var the batch was normalized with, divided by m.")])
    # 2. The momentum 0.75 and eps 0.25 given as arguments, and running averages that are not 0 and 1.
    running = {"mean": np.array([[1.0], [2.0]]), "var": np.array([[4.0], [1.0]])}
    out, _, after = call_batchnorm(c, batchnorm_forward, Z, gamma, beta, running, True,
                                   "the 2 x 4 batch, train=True, momentum=0.75, eps=0.25", momentum=0.75, eps=0.25)
    expect_naming(c, out, bn05._CUSTOM_OUT, "eps=0.25: out",
                  [(bn05._TRAIN_OUT, "is the one for eps = 1e-5", "Use the argument eps, not the number 1e-5.")],
                  "Add the argument eps to the variance, inside the square root.")
    check_running(c, after, 0.75 * running["mean"] + 0.25 * mu, 0.75 * running["var"] + 0.25 * var,
                  "momentum=0.75", [(running["mean"], *unchanged),
                                    (0.9 * running["mean"] + 0.1 * mu, "uses momentum 0.9, not the argument's 0.75",
                                     "Use the argument momentum, not the number 0.9."),
                                    (0.25 * running["mean"] + 0.75 * mu, "weighs the batch's mu by momentum",
                                     bn05.SWAPPED_HINT)])
    # 3. Test mode normalizes with the running averages and leaves them as they are. (The first running mean is
    #    the batch's own, so the second call, with other running averages, is the one to show an update.)
    for running, expected in (({"mean": bn05._TEST_MEAN, "var": bn05._TEST_VAR}, bn05._TEST_OUT),
                              ({"mean": np.array([[1.0], [2.0]]), "var": np.array([[4.0], [1.0]])}, _TEST_OUT_OTHER)):
        statistics = f"running mean {running['mean'].ravel().tolist()} and var {running['var'].ravel().tolist()}"
        out, _, after = call_batchnorm(c, batchnorm_forward, Z, gamma, beta, running, False,
                                       f"the 2 x 4 batch, train=False, {statistics}")
        expect_naming(c, out, expected, f"train=False, {statistics}: out (normalized with the running averages)",
                      [(bn05._TRAIN_OUT, "is the train-mode one, from the batch's statistics", BN_TEST_HINT)],
                      BN_TEST_HINT)
    c.expect(same(after["mean"], running["mean"]) and same(after["var"], running["var"]),
             "train=False leaves running as it is", "train=False changed the running averages.",
             "Update running in training only; at test time only read it.")


# The 2 x 4 batch at test time with running mean (1, 2) and running var (4, 1).
_TEST_OUT_OTHER = np.array([[1.0, 2.9999975000046875, 4.999995000009375, 6.999992500014062],
                            [-1.7499962500281248, -2.7499912500656247, -0.750001249990625, -0.750001249990625]])


SUM_KEEPDIMS_HINT = ("A sum without keepdims=True has shape (n,), which numpy lines up with the columns of an (n, m) "
                     "array, not with its rows: np.sum(..., axis=1, keepdims=True) keeps the shape (n, 1).")
BN_BACKWARD_HINT = ("dZ = gamma / (m std) (m dout - dbeta - Z_norm dgamma), with dbeta the sum of dout and dgamma the "
                    "sum of dout Z_norm over the examples (keepdims), and std = sqrt(var + eps).")
# The 2 x 4 batch of assignment 05 as dZ comes out if m is taken from dout.shape[0], the units (m = 2).
_DZ_A_M_FROM_UNITS = np.array([[0.9838691945588256, -1.609967244390869, 0.7155409478168024, 0.3577702503022743],
                               [-0.40429860524614525, -0.1370505488756386, -0.8223020598050589, 0.38374112570219715]])


@student_check(builds_on=("batchnorm_forward",))
def batchnorm_backward(c, batchnorm_backward):
    forward = forward_of(c, batchnorm_backward, "batchnorm_forward")
    for name, dout, cache, expected in (("2 x 4 batch, eps 1e-5", bn05._DOUT_A, bn05._CACHE_A, bn05._EXPECTED_A),
                                        ("3 x 5 batch, eps 0.1", bn05._DOUT_B, bn05._CACHE_B, bn05._EXPECTED_B)):
        Z, _, _, _, gamma, eps = cache
        n = dout.shape[0]
        settings = {} if eps == 1e-5 else {"eps": eps}
        _, student_cache, _ = call_batchnorm(c, forward, Z, gamma, np.zeros((n, 1)), fresh_running(n), True,
                                             f"the {name}, train=True", **settings)
        result = c.call(batchnorm_backward, dout, student_cache,
                        inputs=f"dout and the cache of your batchnorm_forward on the {name}",
                        error_hint=error_hint((("could not be broadcast",), SUM_KEEPDIMS_HINT)))
        require_tuple(c, result, "dZ, dgamma, dbeta")
        bn05.judge_backward_result(c, result, dout, cache, expected, name,
                                   (BN_BACKWARD_HINT, bn05.MEAN_TERM_HINT, bn05.VAR_TERM_HINT), _MISTAKES_A)


# What four more mistakes return on the 2 x 4 batch of assignment 05 (what they do, hint).
_MISTAKES_A = [(bn05._DZ_A_VAR_PATH_DROPPED, "lacks the term - Z_norm * dgamma (the path through var)",
                bn05.VAR_TERM_HINT),
               (bn05._DZ_A_DOUT_NOT_TIMES_M, "has dout where the formula has m * dout", bn05.MEAN_TERM_HINT),
               (bn05._DZ_A_SUMS_SWAPPED, "has dbeta and dgamma swapped inside the parentheses",
                "The parentheses hold m * dout - dbeta - Z_norm * dgamma: dbeta alone, dgamma times Z_norm."),
               (_DZ_A_M_FROM_UNITS, "takes m from dout.shape[0], the number of units",
                "m is the number of examples, the columns of dout.")]


# ----- softmax_cross_entropy -----------------------------------------------------------------------------------
# Three classes, four examples (the scores of assignment 06).
_Z_SMALL = np.array([[1.0, -0.5, 2.0, 0.0], [0.5, 1.5, -1.0, 0.0], [-1.0, 0.0, 0.5, 0.0]])
_Y_SMALL = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 1.0]])
_LOSS_SMALL = 1.6753090542991012
_DZ_SMALL = np.array([[-0.10647575175807636, 0.024905912015579575, 0.19639925864731897, 0.08333333333333333],
                      [0.08705185697093372, 0.18403118107814845, -0.24022185668232815, 0.08333333333333333],
                      [0.019423894787142643, -0.20893709309372804, 0.043822598035009167, -0.16666666666666669]])
# Scores near 1000 in every column: np.exp overflows unless each column's largest score is subtracted first.
_Z_HIGH = np.array([[1000.0, 1002.0, 999.0, 1001.0],
                    [999.0, 1000.0, 1001.0, 1001.0],
                    [998.0, 1001.0, 1000.0, 1003.0]])
_Y_HIGH = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 1.0]])
_LOSS_HIGH = 0.6155906648887565
_DZ_HIGH = np.array([[-0.08368976105629455, 0.16631023894370545, 0.02250764329259511, 0.026626744729800186],
                     [0.06118211776369941, 0.02250764329259511, -0.08368976105629455, 0.026626744729800186],
                     [0.02250764329259511, -0.18881788223630058, 0.06118211776369941, -0.05325348945960037]])
# Columns around +800, -800 and 0: subtracting the largest score of the whole matrix (801) sends the second
# column to exp(-1600) = 0.
_Z_APART = np.array([[800.0, -799.0, 1.0], [799.0, -800.0, -1.0], [801.0, -801.0, 0.5]])
_Y_APART = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
_LOSS_APART = 1.1233896161769172
_DZ_APART = np.array([[0.08157615701826589, -0.1115863480750594, 0.19136566432256485],
                      [0.030010191056793478, 0.08157615701826589, -0.3074348069504765],
                      [-0.1115863480750594, 0.030010191056793478, 0.11606914262791161]])
# Scores 2000 apart within a column: some probabilities are exactly 0, and Y * log(0) is 0 * -inf = NaN.
_Z_SPREAD = np.array([[0.0, 5.0, -2.0], [-1000.0, 0.0, 1.0], [1000.0, -3.0, 0.0]])
_Y_SPREAD = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
_LOSS_SPREAD = 0.11868690905975017
_DZ_SPREAD = np.array([[0.0, -0.0023412426407616316, 0.01170634231977991],
                       [0.0, 0.0022302071642030393, -0.0982051624339196],
                       [0.0, 0.00011103547655867667, 0.08649882011413972]])
# Two confident mistakes: the true class gets probability 1.05e-20 and 6.17e-201 (losses 46.0 and 461.0).
_Z_CONFIDENT = np.array([[0.0, -1.0], [46.0, 460.0], [1.0, 0.0]])
_Y_CONFIDENT = np.array([[1.0, 1.0], [0.0, 0.0], [0.0, 0.0]])
_LOSS_CONFIDENT = 253.5
_DZ_CONFIDENT = np.array([[-0.5, -0.5], [0.5, 0.5], [1.4312592902746968e-20, 8.385101593007673e-201]])

LOG_SOFTMAX_HINT = ("log(softmax(Z)) = shifted - log(sum(exp(shifted))), with shifted = Z minus each column's largest "
                    "score (axis=0, keepdims=True); dZ = (softmax(Z) - Y) / m.")
STABLE_CASES = (
    ("scores near 1000", _Z_HIGH, _Y_HIGH, _LOSS_HIGH, _DZ_HIGH,
     "Subtract each column's largest score before np.exp: the result is the same, and no exponent is above 0, so "
     "nothing overflows."),
    ("columns around +800, -800 and 0", _Z_APART, _Y_APART, _LOSS_APART, _DZ_APART,
     "Subtract the largest score of EACH column, Z.max(axis=0, keepdims=True), not of the whole matrix: a column far "
     "below the overall maximum underflows to exp(-1600) = 0."),
    ("scores 2000 apart within a column", _Z_SPREAD, _Y_SPREAD, _LOSS_SPREAD, _DZ_SPREAD,
     "Some probabilities are exactly 0 here, and Y * np.log(0) is 0 * -inf = NaN. Compute the log-probabilities "
     "directly, shifted minus the log of the sum of exp(shifted) over the classes, never as the log of a "
     "probability."),
    ("confident mistakes (true-class probabilities 1e-20 and 6e-201)", _Z_CONFIDENT, _Y_CONFIDENT, _LOSS_CONFIDENT,
     _DZ_CONFIDENT, LOG_SOFTMAX_HINT),
)


def call_loss(c, function, Z, Y, inputs):
    """(loss, dZ) from the student's softmax_cross_entropy, and the warnings it raised; stops unless a pair."""
    before = len(c.notes)
    result = c.call(function, Z, Y, inputs=inputs)
    require_tuple(c, result, "loss, dZ")
    loss, dZ = result
    if np.ndim(loss) != 0:
        c.fail(f"{inputs}: the loss has shape {np.shape(loss)}; expected a single number, the mean over the examples.",
               "Sum Y * log_probs over every entry, then divide by m: one number.", stop=True)
    c.require_shape(dZ, Z.shape, f"{inputs}: dZ", "dZ has the shape of Z: (C, m).")
    return loss, dZ, c.notes[before:]


@student_check
def softmax_cross_entropy(c, softmax_cross_entropy):
    loss, dZ, _ = call_loss(c, softmax_cross_entropy, _Z_SMALL, _Y_SMALL, "Z (3, 4) and Y (3, 4)")
    expect_naming(c, loss, _LOSS_SMALL, "the loss of Z (3, 4)", [
        (_LOSS_SMALL * 4, "is the sum over the 4 examples, not their mean",
         "The loss is the MEAN over the examples: divide the sum by m, the number of columns of Z."),
        (_LOSS_SMALL / 3, "divides by C * m = 12 (a mean over every entry), not by m = 4",
         "Sum Y * log_probs over every entry and divide by m only: np.mean of the whole matrix divides by C * m."),
        (_LOSS_SMALL * 4 / 3, "divides by C = 3, the number of classes, instead of m = 4",
         "m is the number of examples, the columns of Z."),
        (-_LOSS_SMALL, "has the wrong sign", "The loss is MINUS the mean of the log-probabilities of the true classes."),
    ], LOG_SOFTMAX_HINT)
    expect_naming(c, dZ, _DZ_SMALL, "dZ of Z (3, 4)", [
        (_DZ_SMALL * 4, "is m = 4 times too large: softmax(Z) - Y without / m",
         "The loss is a mean over the m examples, so its gradient is (softmax(Z) - Y) / m."),
        (-_DZ_SMALL, "has the wrong sign: (Y - softmax(Z)) / m", "dZ = (softmax(Z) - Y) / m."),
        (_DZ_SMALL * 4 / 3, "divides by C = 3 instead of m = 4", "m is the number of examples, the columns of Z."),
    ], "dZ = (softmax(Z) - Y) / m")
    for name, Z, Y, expected_loss, expected_dZ, hint in STABLE_CASES:
        loss, dZ, warned = call_loss(c, softmax_cross_entropy, Z, Y, f"{name}, Z {Z.shape}")

        def body(c, loss=loss, dZ=dZ, warned=warned, name=name, hint=hint, expected_loss=expected_loss,
                 expected_dZ=expected_dZ):
            c.expect(not warned, "", f"{name}: {warned[0] if warned else ''}", hint)
            finite = bool(np.all(np.isfinite(np.asarray(loss, dtype=float))) and np.all(np.isfinite(dZ)))
            c.expect(finite, "", f"{name}: the loss or dZ holds NaN or infinity.", hint, stop=not finite)
            c.expect_close(loss, expected_loss, f"{name}: the loss", rtol=1e-9, hint=hint)
            c.expect_close(dZ, expected_dZ, f"{name}: dZ", rtol=1e-9, atol=1e-15, hint=hint)

        expect_all(c, body, f"{name}: loss {expected_loss:.6g} and dZ as expected, with no warning")


# ----- the tiny network [3, 4, 3, 2] ----------------------------------------------------------------------------
_NET = {
    "W1": np.array([[-1.1, -0.4, 0.8], [-1.3, -1.3, 1.1], [1.2, 1.7, -0.2], [0.9, 0.5, 0.2]]),
    "b1": np.array([[0.4], [0.2], [0.9], [0.4]]),
    "W2": np.array([[-1.3, 1.3, 1.4, 1.5], [-0.7, -1.0, -0.2, 0.5], [1.0, 0.5, 0.4, 0.0]]),
    "b2": np.array([[-0.2], [0.4], [-0.7]]),
    "W3": np.array([[0.9, -0.3, 0.9], [-0.6, 0.3, -1.4]]),
    "b3": np.array([[-0.3], [-0.1]]),
}
_BN = {
    "gamma1": np.array([[1.0], [0.7], [0.9], [0.6]]),
    "beta1": np.array([[0.2], [0.0], [0.0], [-0.6]]),
    "gamma2": np.array([[0.9], [1.4], [1.0]]),
    "beta2": np.array([[0.2], [0.1], [0.5]]),
}
_X_NET = np.array([[-1.0, 1.1, 2.6, -0.3, -0.5], [-1.7, 0.1, -0.3, 0.0, -1.3], [-0.5, -0.3, 1.5, -1.1, 0.5]])
_Y_NET = np.array([[1.0, 0.0, 1.0, 0.0, 0.0], [0.0, 1.0, 0.0, 1.0, 1.0]])
# Running averages for test mode.
_RUNNING_GIVEN = {1: {"mean": np.array([[0.5], [-1.0], [1.5], [0.0]]), "var": np.array([[2.0], [4.0], [1.0], [0.5]])},
                  2: {"mean": np.array([[1.0], [0.0], [-0.5]]), "var": np.array([[3.0], [0.5], [1.0]])}}
_NET_KEEP, _NET_SEED, _LAMBD = 0.6, 5, 0.7

# The scores of the tiny network: plain; with batch norm in training (then the running averages) and at test time
# (with _RUNNING_GIVEN); with dropout (keep_prob 0.6, rng seeded with 5); with both; and [3, 2] (W3, b3 alone).
_SCORES_PLAIN = np.array([[3.5286000000000013, 4.542, 7.630800000000002, 0.40319999999999995, 3.390900000000002],
                          [-4.7804, -3.492, -5.734100000000001, -0.5439999999999998, -4.732600000000001]])
_SCORES_BN = np.array([[1.2056051128417469, 0.09076153523292074, 0.7375030269738321, -0.6294682177891106, 1.2721950312150079],
                       [-2.4420523977538284, -0.25001280332881115, -0.6606133708428903, 0.25051844612027285, -2.545636715223346]])
_RUNNING_MEAN_AFTER_1 = np.array([[0.025399999999999985],
                                  [0.055999999999999994],
                                  [0.026400000000000007],
                                  [0.04259999999999999]])
_RUNNING_VAR_AFTER_1 = np.array([[1.0770584], [1.3501159999999999], [1.5024784], [1.1363944]])
_RUNNING_MEAN_AFTER_2 = np.array([[0.020841602267711323], [-0.037148618113555625], [0.018660248058483084]])
_RUNNING_VAR_AFTER_2 = np.array([[1.013668939287252], [0.9724936120777403], [0.9574664148880196]])
_SCORES_BN_TEST = np.array([[1.6197768076028796, 0.5213246008559174, 1.814906584855936, -0.15873789582199874, 1.6660270962207626],
                            [-3.086319478493368, -1.0492870892398058, -2.0308000384220346, -0.42451239636328386, -3.158264371898964]])
_SCORES_DROP = np.array([[9.670000000000002, 14.183333333333334, 1.8600000000000005, -0.3, 3.325000000000001],
                         [-6.746666666666667, -10.877777777777778, -3.4600000000000004, -0.1, -5.738888888888889]])
_SCORES_BN_DROP = np.array([[0.6319122772423098, 0.3032253181737688, 0.1746094263374885, -0.3, 3.2794356358734045],
                            [-0.7212748514948731, -0.4581978697836787, -0.8382813298583153, -0.1, -5.668010989136406]])
_SCORES_ONE_LAYER = np.array([[-1.1400000000000001, 0.39000000000000007, 3.4800000000000004, -1.5600000000000003, 0.09000000000000002],
                              [0.69, -0.31000000000000005, -3.85, 1.6199999999999999, -0.8899999999999999]])
# What known mistakes return: no ReLU at all; batch norm after the ReLU; dropout on the output layer too; dropout on
# the inputs X too.
_SCORES_LINEAR = np.array([[-2.2008, 1.3625999999999991, 5.5104000000000015, -1.2426000000000001, 0.49380000000000074],
                           [-0.38329999999999975, 0.4209000000000006, -2.7587000000000006, 1.306, -2.5477000000000007]])
_SCORES_BN_AFTER_RELU = np.array([[1.2999118894265325, -0.8049583385312027, 0.6465556711186315, -1.1349951515968884, 1.493485929582927],
                                  [-2.6146420318246624, 0.5961918049464257, -0.3005112319719211, 0.784718664251434, -2.915757205401276]])
_SCORES_DROP_ON_OUTPUT = np.array([[16.11666666666667, 0.0, 3.100000000000001, -0.5, 0.0],
                                   [-11.244444444444445, 0.0, -5.7666666666666675, -0.16666666666666669, 0.0]])
_SCORES_DROP_ON_INPUT = np.array([[15.825000000000003, -0.06666666666666632, 14.366666666666674, 2.175000000000001, -0.3],
                                  [-14.231481481481485, -0.46296296296296346, -9.17916666666667, -1.7611111111111122, -0.1]])

LOOP_HINT = ("The loop runs over the hidden layers l = 1, 2, ..., L - 1 in order, range(1, L), each taking the A of the "
             "layer before (X for layer 1): affine -> batch norm (if options['batchnorm']) -> ReLU -> dropout. The "
             "output layer L is the one affine step after the loop, with no ReLU and no dropout.")
NONE_RNG_HINT = ("At test time rng is None and nothing may be drawn: pass train on to dropout_forward (and "
                 "batchnorm_forward), which then leave A as it is.")


def options_of(batchnorm, keep_prob, lambd=0.0):
    return {"batchnorm": batchnorm, "keep_prob": keep_prob, "lambd": lambd}


def fresh_network_running():
    return {1: fresh_running(4), 2: fresh_running(3)}


def describe_case(options, train, seed):
    parts = [f"batchnorm={options['batchnorm']}", f"keep_prob={options['keep_prob']:g}"]
    if options["lambd"]:
        parts.append(f"lambd={options['lambd']:g}")
    parts.append(f"train={train}")
    parts.append("rng=None" if seed is None else f"rng seeded with {seed}")
    return ", ".join(parts)


def call_network_forward(c, function, params, options, running, seed, train, X=_X_NET):
    """(scores, running after the call) of the student's network_forward; stops unless scores has shape (n[L], m)."""
    rng = None if seed is None else np.random.default_rng(seed)
    inputs = describe_case(options, train, seed)
    result, after = call_watching(c, function, (params, X, options, running, rng, train),
                                  ("params", "X", "options", "running"), {"running"}, inputs,
                                  error_hint((("NoneType",), NONE_RNG_HINT), (("KeyError",) + SHAPE_ERRORS, LOOP_HINT)))
    require_tuple(c, result, "scores, caches")
    scores = result[0]
    L = sum(str(k).startswith("W") for k in params)
    shape = (params[f"W{L}"].shape[0], X.shape[1])
    hidden = (params[f"W{L - 1}"].shape[0], X.shape[1]) if L > 1 else None
    if hidden and hidden != shape and np.shape(scores) == hidden:
        c.fail(f"{inputs}: scores has shape {np.shape(scores)}, the size of the last hidden layer: the output layer "
               f"W{L}, b{L} is missing.", LOOP_HINT, stop=True)
    c.require_shape(scores, shape, f"{inputs}: scores", "scores = Z[L] has shape (n[L], m). " + LOOP_HINT)
    return scores, after[3]


@student_check(builds_on=("affine_forward", "relu_forward", "dropout_forward", "batchnorm_forward"))
def network_forward(c, network_forward):
    params, with_bn = _NET, {**_NET, **_BN}
    plain, bn = options_of(False, 1.0), options_of(True, 1.0)
    drop, bn_drop = options_of(False, _NET_KEEP), options_of(True, _NET_KEEP)
    # 1. The plain network, then one without hidden layers.
    scores, _ = call_network_forward(c, network_forward, params, plain, fresh_network_running(), 0, True)
    expect_naming(c, scores, _SCORES_PLAIN, "the plain network [3, 4, 3, 2]: scores", [
        (np.maximum(_SCORES_PLAIN, 0), "applies ReLU to the output layer too",
         "The output layer's scores go to the softmax as they are: no ReLU after the last affine step."),
        (_SCORES_LINEAR, "is the network with no ReLU at all", "Each hidden layer applies relu_forward after its "
                                                                 "affine step (and batch norm)."),
    ], LOOP_HINT, stop=True)
    scores, _ = call_network_forward(c, network_forward, {"W1": _NET["W3"], "b1": _NET["b3"]}, plain, {}, 0, True)
    expect_naming(c, scores, _SCORES_ONE_LAYER, "a network [3, 2] with no hidden layer: scores (W1 X + b1)",
                  hint=LOOP_HINT)
    # 2. Batch norm in training updates the running averages; at test time it uses them.
    scores, running = call_network_forward(c, network_forward, with_bn, bn, fresh_network_running(), 0, True)
    expect_naming(c, scores, _SCORES_BN, "with batch norm, train=True: scores", [
        (_SCORES_PLAIN, "ignores options['batchnorm']",
         "When options['batchnorm'] is True, pass each hidden layer's Z through batchnorm_forward with gamma{l}, "
         "beta{l} and running[l], before the ReLU."),
        (_SCORES_BN_AFTER_RELU, "applies batch norm after the ReLU",
         "Batch norm normalizes the pre-activations: affine -> batch norm -> ReLU."),
    ], LOOP_HINT, stop=True)
    for l, (mean, var) in enumerate(((_RUNNING_MEAN_AFTER_1, _RUNNING_VAR_AFTER_1),
                                     (_RUNNING_MEAN_AFTER_2, _RUNNING_VAR_AFTER_2)), 1):
        layer = running.get(l) if isinstance(running, dict) else None
        c.require_type(layer, dict, f"running[{l}] after the call", "Pass running[l], layer l's dict, to "
                                                                   "batchnorm_forward, which updates it in place.")
        check_running(c, layer, mean, var, f"train=True: layer {l}",
                      [(np.zeros_like(mean), "is unchanged: the running averages were not updated",
                        "Pass running[l] itself to batchnorm_forward: it updates that dict in place.")])
    scores, running = call_network_forward(c, network_forward, with_bn, bn, copy.deepcopy(_RUNNING_GIVEN), None, False)
    expect_naming(c, scores, _SCORES_BN_TEST, "with batch norm, train=False: scores", [
        (_SCORES_BN, "normalizes with the batch's statistics at test time",
         "Pass train on to batchnorm_forward: with train=False it normalizes with the running averages."),
    ], LOOP_HINT)
    c.expect(all(same(running[l][k], _RUNNING_GIVEN[l][k]) for l in (1, 2) for k in ("mean", "var")),
             "train=False leaves the running averages as they are", "train=False changed the running averages.",
             "Pass train on to batchnorm_forward: at test time it only reads running.")
    # 3. Dropout in training, and none at test time (with an rng given, then with rng=None).
    scores, _ = call_network_forward(c, network_forward, params, drop, fresh_network_running(), _NET_SEED, True)
    expect_naming(c, scores, _SCORES_DROP, f"with dropout (keep_prob {_NET_KEEP}), train=True: scores", [
        (_SCORES_PLAIN, "ignores options['keep_prob']",
         "After each hidden layer's ReLU, A goes through dropout_forward with options['keep_prob'], rng and "
         "train."),
        (_SCORES_DROP_ON_OUTPUT, "drops units of the output layer too",
         "Dropout is for the hidden layers: the output layer's scores are not dropped."),
        (_SCORES_DROP_ON_INPUT, "drops inputs X too",
         "Dropout comes after each hidden layer's ReLU; X is used as it is."),
    ], "Each hidden layer draws its own mask, in order, from rng: " + REPLAY_HINT)
    test_mistakes = [(_SCORES_DROP, "applies dropout at test time", NONE_RNG_HINT)]
    for seed in (_NET_SEED, None):
        scores, _ = call_network_forward(c, network_forward, params, drop, fresh_network_running(), seed, False)
        expect_naming(c, scores, _SCORES_PLAIN, f"with dropout, train=False, {'rng=None' if seed is None else 'an rng'}:"
                      " scores (the plain network's)", test_mistakes, NONE_RNG_HINT)
    # 4. Both.
    scores, _ = call_network_forward(c, network_forward, with_bn, bn_drop, fresh_network_running(), _NET_SEED, True)
    expect_naming(c, scores, _SCORES_BN_DROP, "with batch norm and dropout, train=True: scores",
                  hint="affine -> batch norm -> ReLU -> dropout in each hidden layer, then the output layer's affine "
                       "step.")


# ----- network_loss ----------------------------------------------------------------------------------------------
_LOSS_PLAIN = 3.486661308684435
_GRADS_PLAIN = {
    "W1": np.array([[-0.03497238988657072, -0.09094372616777568, 0.034998243991057075],
                    [-0.3097554532810551, -0.8055015746288707, 0.30998444677793424],
                    [0.5945960293338112, 0.06277993943733456, -0.5402578730432651],
                    [0.42885935119522384, 0.038987542007261906, -0.1169629932303949]]),
    "b1": np.array([[0.069962015842799], [0.6196635688933629], [0.9477204191289099], [0.3898729720152243]]),
    "W2": np.array([[0.5607022323098717, 0.9264918104115988, 0.899046037052013, 0.4138644440302639],
                    [0.0, 0.0, -0.3596184148208052, -0.16554577761210557],
                    [0.8597434228751365, 1.4206207759644514, 1.1266323730793373, 0.6345921475130714]]),
    "b2": np.array([[0.8159050149985703], [-0.2064271216974869], [0.919600561944629]]),
    "W3": np.array([[1.46120437763383, 0.15570009086814415, 0.5986897246642856],
                    [-1.46120437763383, -0.15570009086814415, -0.5986897246642857]]),
    "b3": np.array([[0.5439366766657135], [-0.5439366766657135]]),
}
# With lambd 0.7 (plain network): the gradients are those of _GRADS_PLAIN plus lambd / m * W.
_LOSS_L2 = 5.374561308684434
# Batch norm and lambd 0.7; then with dropout too (keep_prob 0.6, rng seeded with 5).
_LOSS_BN = 2.9501077057036342
_GRADS_BN = {
    "W1": np.array([[-0.015032787411852072, 0.03955953391939179, 0.3508604723630291],
                    [-0.16051199490288126, -0.16292648763643305, 0.20193617777588524],
                    [0.07771294479540285, 0.2863437255656565, -0.15880054211127273],
                    [0.12122098327832553, 0.08653718751610168, 0.008160767541500025]]),
    "b1": np.array([[0.0], [6.938893903907228e-18], [-1.214306433183765e-17], [1.1926223897340549e-18]]),
    "gamma1": np.array([[0.11163164983732582],
                        [-0.1139088056374418],
                        [-0.01630821087858962],
                        [-0.14490374385436797]]),
    "beta1": np.array([[0.07740689521705574],
                       [-0.0901226164537884],
                       [0.0921088872278313],
                       [-0.09041873226300119]]),
    "W2": np.array([[-0.270791891392885, 0.12756498854573572, 0.19816655526822466, 0.17820198725274253],
                    [-0.09078512710321586, -0.1355592752468116, -0.0004198094963028705, 0.10001202433213217],
                    [0.1567339810977353, 0.06094015139504524, 0.025513677336235593, -0.010505970272730975]]),
    "b2": np.array([[-6.938893903907228e-18], [-1.9949319973733282e-17], [-5.551115123125783e-17]]),
    "gamma2": np.array([[0.012904674819809114], [-0.060155801810396016], [0.547533998615886]]),
    "beta2": np.array([[0.20383319053131949], [-0.08153327621252779], [0.4384290040651502]]),
    "W3": np.array([[0.16092056362939475, 0.11195241692634537, 0.45936891332541785],
                    [-0.11892056362939474, -0.11195241692634537, -0.5293689133254178]]),
    "b3": np.array([[0.326510099802829], [-0.326510099802829]]),
}
_LOSS_BN_DROP = 4.133904708414915
_GRADS_BN_DROP = {
    "W1": np.array([[-0.1037357814448635, -0.03997165317990305, 0.18912873321073315],
                    [-0.1612555767317914, -0.15839809802010116, 0.20640868095031478],
                    [-0.03586282832002899, 0.34472047388547805, -0.34405375699596785],
                    [0.12560969376130002, 0.07135060574883789, 0.02637971351628612]]),
    "b1": np.array([[1.3877787807814457e-17],
                    [-6.938893903907228e-18],
                    [3.8163916471489756e-17],
                    [-2.642742795433417e-19]]),
    "gamma1": np.array([[0.17837493320189343],
                        [-0.4332550985596421],
                        [0.10912941758785205],
                        [-0.011834408316848868]]),
    "beta1": np.array([[0.1468763803482982],
                       [-0.35353551008901496],
                       [0.2661209366180592],
                       [-0.007384572466033884]]),
    "W2": np.array([[-0.18971680832355087, 0.08889469630855246, 0.294671931759078, 0.1919096970774567],
                    [-0.07206265799077798, -0.11036570797445645, -0.14461336501256206, 0.11893110574665179],
                    [0.3558744978573923, -0.23521476433464822, -0.10211725409038691, -0.2855167822210284]]),
    "b2": np.array([[4.7704895589362195e-18], [4.163336342344337e-17], [-1.3877787807814457e-17]]),
    "gamma2": np.array([[0.11325191075741581], [-0.07946886306522184], [1.264778702755391]]),
    "beta2": np.array([[0.23815641991141928], [-0.13633252870324267], [1.0849238653578692]]),
    "W3": np.array([[0.22570533577597204, 0.1661494352693914, 0.9117567980149242],
                    [-0.18370533577597203, -0.1661494352693914, -0.9817567980149241]]),
    "b3": np.array([[0.3319868568487084], [-0.3319868568487083]]),
}
# What two mistakes give: dW2 of the plain network when relu_backward is left out, and the loss of the batch-norm
# case when the forward pass runs in test mode (train=False).
_DW2_NO_RELU_BACKWARD = np.array([[0.5607022323098717, 0.9264918104115988, 0.899046037052013, 0.4138644440302639],
                                  [-0.22428089292394865, -0.3705967241646395, -0.3596184148208052, -0.16554577761210557],
                                  [0.8597434228751365, 1.4206207759644514, 1.3785372568130865, 0.6345921475130714]])
_LOSS_BN_TEST_MODE = 4.69911130492166

LOSS_HINT = "loss = the cross-entropy of the scores + lambd / (2 m) * (sum over l = 1..L of np.sum(W{l} ** 2))."
BACKWARD_HINT = ("Start from softmax_cross_entropy's dZ and the output layer's affine_backward; then go from layer "
                 "L - 1 down to layer 1, undoing each layer's steps in reverse order (dropout, ReLU, batch norm if any, "
                 "affine) with that layer's caches, caches[l - 1]. Finally add lambd / m * W{l} to each dW{l}.")
L2_GRADIENT_HINT = "The L2 term lambd / (2 m) * ||W||^2 adds lambd / m * W{l} to each grads['W{l}'], and nothing to b."


def l2_term(params, lambd, m):
    return lambd / (2 * m) * sum(float(np.sum(params[k] ** 2)) for k in params if k.startswith("W"))


def loss_mistakes(params, lambd, m, expected):
    """Known mistakes of the L2 term, as the loss they give (none when lambd is 0)."""
    if not lambd:
        return []
    term = l2_term(params, lambd, m)
    last = lambd / (2 * m) * float(np.sum(params["W3"] ** 2))
    return [(expected - term, "leaves the L2 term out of the loss", LOSS_HINT),
            (expected + term, "has lambd / m where the L2 term has lambd / (2 m)", LOSS_HINT),
            (expected - last, "leaves the output layer's W3 out of the L2 sum",
             "The L2 sum runs over every layer, l = 1..L, the output layer included: range(1, L + 1).")]


def gradient_mistakes(key, params, lambd, m, expected):
    """Known mistakes of one gradient, as the value they give."""
    value = params[key]
    if key.startswith("W") and lambd:
        reg = lambd / m * value
        return [(expected - reg, "lacks the L2 term's gradient lambd / m * W", L2_GRADIENT_HINT),
                (expected - reg / 2, "has lambd / (2 m) * W: the derivative of W ** 2 is 2 W", L2_GRADIENT_HINT),
                (expected + reg, "adds the L2 gradient twice", L2_GRADIENT_HINT)]
    if lambd and key.startswith(("b", "gamma")):
        return [(expected + lambd / m * value, f"adds an L2 term to {key.rstrip('0123456789')}", L2_GRADIENT_HINT)]
    return []


def call_network_loss(c, function, params, options, seed):
    """(loss, grads) of the student's network_loss on the tiny network; stops unless grads has the keys of params."""
    rng = None if seed is None else np.random.default_rng(seed)
    inputs = describe_case(options, True, seed).replace(", train=True", "")
    result, _ = call_watching(c, function, (params, _X_NET, _Y_NET, options, fresh_network_running(), rng),
                              ("params", "X", "Y", "options", "running"), {"running"}, inputs,
                              error_hint((("not enough values to unpack", "too many values to unpack"),
                                          "caches[l - 1] holds what layer l's steps cached, caches[L - 1] the output "
                                          "layer's. " + BACKWARD_HINT),
                                         (SHAPE_ERRORS, "Go backward: " + BACKWARD_HINT)))
    require_tuple(c, result, "loss, grads")
    loss, grads = result
    if np.ndim(loss) != 0:
        c.fail(f"{inputs}: the loss has shape {np.shape(loss)}; expected a single number.", LOSS_HINT, stop=True)
    c.require_type(grads, dict, f"{inputs}: grads", "grads is a dict with the keys of params.")
    if params.keys() - grads.keys() and any(str(k).startswith("d") for k in grads):
        c.fail(f"{inputs}: grads has the keys {', '.join(map(str, grads))}.",
               "grads has the same keys as params: grads['W1'] = dJ/dW1, not grads['dW1'].", stop=True)
    missing_norm = [k for k in params if k.startswith(("gamma", "beta")) and k not in grads]
    if missing_norm:
        c.fail(f"{inputs}: grads has no {', '.join(missing_norm)}.",
               "With batch norm, each hidden layer goes back through batchnorm_backward, whose dgamma and dbeta are "
               "grads['gamma{l}'] and grads['beta{l}'].", stop=True)
    if set(grads) != set(params):
        c.fail(f"{inputs}: grads has the keys {', '.join(map(str, grads))}; expected those of params, "
               f"{', '.join(params)}.", "grads has the same keys as params: grads['W1'] = dJ/dW1, ...", stop=True)
    return loss, grads


@student_check(builds_on=("network_forward", "softmax_cross_entropy", "affine_backward", "relu_backward",
                          "dropout_backward", "batchnorm_backward"))
def network_loss(c, network_loss):
    m = _X_NET.shape[1]
    with_bn = {**_NET, **_BN}
    plain_l2 = {k: _GRADS_PLAIN[k] + (_LAMBD / m * _NET[k] if k.startswith("W") else 0) for k in _GRADS_PLAIN}
    cases = (
        ("plain network, lambd 0", _NET, options_of(False, 1.0, 0.0), 0, _LOSS_PLAIN, _GRADS_PLAIN, [], BACKWARD_HINT),
        (f"plain network, lambd {_LAMBD}", _NET, options_of(False, 1.0, _LAMBD), 0, _LOSS_L2, plain_l2, [],
         BACKWARD_HINT),
        (f"batch norm, lambd {_LAMBD}", with_bn, options_of(True, 1.0, _LAMBD), 0, _LOSS_BN, _GRADS_BN,
         [(_LOSS_BN_TEST_MODE, "is the loss of the forward pass in test mode",
           "network_loss trains: call network_forward with train=True.")],
         "Your gradients are right without batch norm: with it, each hidden layer goes back through "
         "batchnorm_backward after relu_backward, and its dgamma and dbeta go to grads."),
        (f"batch norm and dropout, lambd {_LAMBD}", with_bn, options_of(True, _NET_KEEP, _LAMBD), _NET_SEED,
         _LOSS_BN_DROP, _GRADS_BN_DROP, [],
         "Your gradients are right without dropout: with it, each hidden layer first goes back through "
         "dropout_backward, before relu_backward."),
    )
    for name, params, options, seed, expected_loss, expected_grads, more_mistakes, hint in cases:
        loss, grads = call_network_loss(c, network_loss, params, options, seed)
        loss_right = expect_naming(c, loss, expected_loss, f"{name}: loss",
                                   loss_mistakes(params, options["lambd"], m, expected_loss) + more_mistakes, LOSS_HINT)

        def body(c, params=params, options=options, grads=grads, expected_grads=expected_grads, name=name, hint=hint):
            for key in params:
                mistakes = gradient_mistakes(key, params, options["lambd"], m, expected_grads[key])
                if not options["lambd"] and not options["batchnorm"]:
                    mistakes.append((expected_grads[key] / m, "is divided by m again",
                                     "softmax_cross_entropy's dZ holds the 1/m of the mean already: do not divide "
                                     "again."))
                if key == "W2" and params is _NET and not options["lambd"]:
                    mistakes.append((_DW2_NO_RELU_BACKWARD, "comes back through layer 2 without relu_backward",
                                     "Each hidden layer's gradient passes back through relu_backward. "
                                     + BACKWARD_HINT))
                expect_naming(c, grads[key], expected_grads[key], f"{name}: grads['{key}']", mistakes, hint,
                              rtol=1e-6, atol=1e-9)

        grads_right = expect_all(c, body, f"{name}: every gradient as expected ({', '.join(params)})")
        if not (loss_right and grads_right):
            return  # the next cases would fail for the same reason


# ----- train_epoch --------------------------------------------------------------------------------------------------
# rng.permutation(m) of the rngs the check passes: m = 10 (seed 7), 8 (seed 3), 5 (seed 2).
_ORDERS = {10: [8, 0, 7, 1, 3, 6, 2, 4, 5, 9], 8: [6, 7, 2, 1, 4, 5, 3, 0], 5: [2, 4, 3, 0, 1]}
_EPOCH_SEEDS = {10: 7, 8: 3, 5: 2}

ORDER_HINT = ("Shuffle with rng.permutation(m) of the rng you are given; the mini-batches are then its first batch_size "
              "entries, the next batch_size, and so on, for X and Y alike.")
EPOCH_HINT = ("Go through the shuffled examples batch_size at a time (the last mini-batch holds what is left); for "
              "each, pass the current params and the same columns of X and Y to loss_and_grads, then keep the params "
              "that update returns.")


WEIGHTED_HINT = "epoch_loss: each mini-batch's loss times its number of examples, added up, divided by m."


class EpochRecorder:
    """Stand-ins for loss_and_grads and update that record how train_epoch calls them.

    X's first row holds each example's index and Y's first row the index plus 1000, so each
    mini-batch tells which examples it holds. params["t"] counts the updates made, and the
    grads of the k-th call of loss_and_grads (from 1) carry k.
    """

    def __init__(self):
        self.batches, self.label_batches, self.seen_steps = [], [], []
        self.updates = []  # (params["t"] given, the number carried by the grads given)
        self.losses = []

        # Plain functions, not bound methods: the checker passes deep copies of the arguments, and a
        # copy of a bound method would record into a copy of the recorder.
        def loss_and_grads(params, X_batch, Y_batch):
            self.batches.append([int(i) for i in np.asarray(X_batch)[0]])
            self.label_batches.append([int(i) - 1000 for i in np.asarray(Y_batch)[0]])
            self.seen_steps.append(int(np.asarray(params["t"])))
            loss = 1.0 + len(self.losses) + 0.1 * float(np.mean(np.asarray(X_batch)[0]))
            self.losses.append(loss)
            return loss, {"W": np.full((1, 1), float(len(self.losses))), "t": np.zeros(())}

        def update(params, grads):
            self.updates.append((int(np.asarray(params["t"])), int(np.asarray(grads["W"])[0, 0])))
            return {"W": params["W"] - grads["W"], "t": params["t"] + 1}

        self.loss_and_grads, self.update = loss_and_grads, update


def epoch_data(m):
    """X (2, m) and Y (3, m) whose first rows name the examples."""
    index = np.arange(m, dtype=float)
    return np.stack([index, index + 0.5]), np.stack([index + 1000, np.zeros(m), np.ones(m)])


def run_epoch(c, function, m, batch_size, seed, recorder=None):
    """Run the student's train_epoch with a fresh recorder; return (recorder, returned params, epoch loss)."""
    recorder = recorder or EpochRecorder()
    X, Y = epoch_data(m)
    params = {"W": np.zeros((1, 1)), "t": np.zeros(())}
    result = c.call(function, params, X, Y, recorder.loss_and_grads, recorder.update, batch_size,
                    np.random.default_rng(seed), inputs=f"m = {m} examples, batch_size {batch_size}",
                    error_hint=error_hint((("IndexError", "out of bounds"), "Examples are the columns of X and Y: "
                                                                           "index their second axis. " + EPOCH_HINT)))
    require_tuple(c, result, "params, epoch_loss")
    return recorder, result[0], result[1]


def check_epoch(c, recorder, params, epoch_loss, m, batch_size, order):
    """Everything train_epoch did, against the order of the examples ``order``; stops at the first difference."""
    what = f"m = {m}, batch_size {batch_size}"
    sizes = [len(batch) for batch in recorder.batches]
    expected_sizes = [len(order[s:s + batch_size]) for s in range(0, m, batch_size)]
    if sum(sizes) == 2 and m > 2:
        c.fail(f"{what}: the mini-batches hold {sum(sizes)} examples in all, X.shape[0], the number of input "
               "features.", "m is the number of examples, the columns of X (axis 1).", stop=True)
    if m % batch_size and sizes == expected_sizes[:-1]:
        c.fail(f"{what}: loss_and_grads got mini-batches of {sizes} examples: the last partial batch of "
               f"{m % batch_size} is missing.",
               "The last mini-batch holds the m % batch_size examples left: the loop must reach them too.",
               stop=True)
    if sum(sizes) == m and len(sizes) == len(expected_sizes) and sizes != expected_sizes:
        c.fail(f"{what}: loss_and_grads got mini-batches of {sizes} examples, the m examples spread evenly; expected "
               f"{expected_sizes}.", "Every mini-batch holds batch_size examples except the last, which holds the "
                                     "m % batch_size left (np.array_split would spread them evenly instead).", stop=True)
    if sizes != expected_sizes:
        c.fail(f"{what}: loss_and_grads got mini-batches of {sizes} examples; expected {expected_sizes}.", EPOCH_HINT,
               stop=True)
    expected_batches = [list(order[s:s + batch_size]) for s in range(0, m, batch_size)]
    unshuffled = [list(range(s, min(s + batch_size, m))) for s in range(0, m, batch_size)]
    if recorder.batches == unshuffled and expected_batches != unshuffled:
        c.fail(f"{what}: the mini-batches are the examples in their order, {unshuffled[0]} first: no shuffling.",
               ORDER_HINT, stop=True)
    if recorder.batches != expected_batches:
        wrong = next(k for k, batch in enumerate(recorder.batches) if batch != expected_batches[k])
        c.fail(f"{what}: mini-batch {wrong + 1} holds the examples {recorder.batches[wrong]}; with rng.permutation(m) "
               f"of the rng given it is {expected_batches[wrong]}.", ORDER_HINT, stop=True)
    if recorder.label_batches != recorder.batches:
        c.fail(f"{what}: the first Y batch holds the labels of the examples {recorder.label_batches[0]}, its X batch "
               f"the examples {recorder.batches[0]}.",
               "Take X and Y's columns with the same indices.", stop=True)
    n = len(expected_sizes)
    steps = recorder.seen_steps
    if n > 1 and steps == [0] * n:
        c.fail(f"{what}: every call of loss_and_grads got the params you started with.",
               "Keep what update returns: the next mini-batch starts from it.",
               stop=True)
    if recorder.updates == [(k, k) for k in range(n)]:
        c.fail(f"{what}: update got the grads of the mini-batch before (none for the first).",
               "Compute a mini-batch's grads, then update with them, not with the grads of the mini-batch before.",
               stop=True)
    if steps != list(range(n)):
        c.fail(f"{what}: loss_and_grads got the params after {steps} updates; expected {list(range(n))}.", EPOCH_HINT,
               stop=True)
    if recorder.updates != [(k, k + 1) for k in range(n)]:
        c.fail(f"{what}: update was called {len(recorder.updates)} times for {n} mini-batches, or with other grads.",
               EPOCH_HINT, stop=True)
    t = int(np.asarray(params["t"])) if isinstance(params, dict) and "t" in params else None
    if t == 0:
        c.fail(f"{what}: the params returned are the ones you started with.",
               "Return the params of the last update, those update returned for the last mini-batch.",
               stop=True)
    if t != n:
        c.fail(f"{what}: the params returned are those after {t} updates; expected {n}.",
               "Return the params of the last update.", stop=True)
    c.ok(f"{what}: mini-batches of {expected_sizes} examples in the order of rng.permutation(m), X and Y alike, one "
         "update each with its own grads, the last update's params returned")
    weighted = sum(loss * size for loss, size in zip(recorder.losses, sizes)) / m
    what_loss = f"{what}: epoch_loss (the mean of the mini-batch losses weighted by their sizes)"
    expect_naming(c, epoch_loss, weighted, what_loss, [
        (np.mean(recorder.losses), "is the plain mean of the mini-batch losses",
         "The last mini-batch is smaller: weigh each loss by its number of examples, add them up, divide by m."),
        (sum(recorder.losses), "is the sum of the mini-batch losses", WEIGHTED_HINT),
        (recorder.losses[-1], "is the loss of the last mini-batch only",
         "Add up every mini-batch's loss times its size, then divide by m."),
        (weighted * m, "is the weighted sum, not divided by m", WEIGHTED_HINT),
    ], WEIGHTED_HINT)


@student_check
def train_epoch(c, train_epoch):
    for m, batch_size in ((10, 4), (8, 4), (5, 8)):
        recorder, params, epoch_loss = run_epoch(c, train_epoch, m, batch_size, _EPOCH_SEEDS[m])
        check_epoch(c, recorder, params, epoch_loss, m, batch_size, _ORDERS[m])



# ----- the final model: a performance grade ------------------------------------------------------------
#: The tiers of the performance grade: (lowest test accuracy, fraction of the points), best first.
TIERS = ((0.80, 1.0), (0.75, 0.75), (0.70, 0.5))


def tier_of(accuracy):
    """The fraction of the performance points an accuracy earns (see TIERS)."""
    return next((fraction for lowest, fraction in TIERS if accuracy >= lowest), 0.0)


def describe_tier(accuracy, examples):
    """One sentence: the accuracy on ``examples`` (words naming them) and the share of the points it earns."""
    fraction = tier_of(accuracy)
    target, minimum = TIERS[0][0], TIERS[-1][0]
    if fraction == 1.0:
        return f"accuracy {accuracy:.1%} on {examples}: at or above the target {target:.0%}, all the points"
    if fraction:
        return (f"accuracy {accuracy:.1%} on {examples}: {fraction:.0%} of the points (the target {target:.0%} "
                f"earns all of them)")
    return f"accuracy {accuracy:.1%} on {examples}: below the minimum {minimum:.0%}, no points"


def predictions_of(c, function, X, what):
    """The student's predictions for the columns of X as an int array of shape (m,); the check stops if they are not."""
    labels = np.asarray(c.call(function, X, inputs=what))
    m = X.shape[1]
    c.expect(labels.shape in ((m,), (1, m)), f"predict_digits({what}) returns {m} labels",
             f"predict_digits({what}) returned shape {labels.shape}; expected ({m},): one digit per column of X.",
             "Take np.argmax of the output layer's scores over axis 0.", stop=True)
    labels = labels.reshape(m)
    whole = labels.dtype.kind in "iub" or (labels.dtype.kind == "f" and np.all(np.isfinite(labels))
                                           and np.array_equal(labels, np.round(labels)))
    c.expect(whole and labels.min() >= 0 and labels.max() <= 9, "every label is a digit 0-9",
             f"predict_digits returned values from {labels.min()} to {labels.max()}, not digits 0-9.",
             "Return the index of the largest score (np.argmax), not the scores or probabilities.", stop=True)
    return labels.astype(np.int64)


@student_check
def predict_digits(c, function):
    data = load_dataset("mnist1d")
    X_dev, Y_dev = data["X_dev"], data["Y_dev"].ravel()
    labels = predictions_of(c, function, X_dev, "X_dev")
    alone = predictions_of(c, function, X_dev[:, :5], "the first 5 dev examples alone")
    c.expect(np.array_equal(alone, labels[:5]), "an example's prediction does not depend on the rest of the batch",
             "The first 5 dev examples get other predictions alone than inside the whole dev set.",
             "Predict in test mode (train=False): batch norm then uses its running averages, not the batch's "
             "statistics, and dropout is off.")
    accuracy = float(np.mean(labels == Y_dev))
    c.ok(describe_tier(accuracy, "the dev set"))
    c.notes.append("the grade comes from the hidden test set, 2,000 new examples that only the grader holds")
