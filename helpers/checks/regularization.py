"""Visible checks of assignment 02, Regularization.

The L2 functions are checked on small worked examples and against the plain network of
``helpers.nn`` (with lambda = 0 they must agree with it). Dropout is random, so its forward
pass is checked through the masks it returns: their statistics, how they were applied,
and whether they are new at every call; the backward pass gets fixed masks in a cache
written out by hand, and must work with boolean or with 0/1 masks.
"""

import math

import numpy as np

from helpers import nn
from helpers.checks.core import Checker, student_check

GRADIENT_KEYS = ("dW1", "db1", "dW2", "db2", "dW3", "db3")
PARAMETER_KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")
RNG_HINT = "Draw the masks from the `rng` argument (for example `rng.random(shape)`), not from np.random."


def close(actual, expected, rtol, atol):
    """True if ``actual`` is numeric, has the shape of ``expected`` and matches it within the tolerances."""
    expected = np.asarray(expected, dtype=float)
    try:
        actual = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        return False
    return (actual.shape == expected.shape and bool(np.all(np.isfinite(actual)))
            and bool(np.all(np.abs(actual - expected) <= atol + rtol * np.abs(expected))))


def expect_all_close(c, comparisons, ok_message, rtol=1e-7, atol=1e-10):
    """One verdict for several comparisons ``(actual, expected, what, hint)``: ok if all match,
    otherwise the detailed failure of the first one that does not."""
    for actual, expected, what, hint in comparisons:
        if not close(actual, expected, rtol, atol):
            c.expect_close(actual, expected, what, rtol=rtol, atol=atol, hint=hint)
            return False
    c.ok(ok_message)
    return True


def require(c, condition, message, hint=None):
    """Stop the check with ``message`` unless ``condition`` holds (records nothing when it does)."""
    if not condition:
        c.fail(message, hint, stop=True)


def random_network(layers_dims, rng, scale=1.0):
    """Parameters of a 3-layer network with normal weights and biases (biases not zero, on purpose)."""
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * scale / np.sqrt(layers_dims[l - 1])
        parameters[f"b{l}"] = rng.standard_normal((layers_dims[l], 1)) * 0.5
    return parameters


def parameter_shapes(parameters):
    return {"d" + key: parameters[key].shape for key in PARAMETER_KEYS}


def require_gradients(c, gradients, shapes, what, announce=False):
    """Stop unless ``gradients`` is a dict with dW1..db3 of the given shapes (extra keys allowed).

    Records one ok verdict only if ``announce``."""
    require(c, isinstance(gradients, dict), f"{what}: returned a {type(gradients).__name__}; expected a dict.",
            "Return a dict with the keys dW1, db1, dW2, db2, dW3, db3.")
    missing = [key for key in GRADIENT_KEYS if key not in gradients]
    require(c, not missing, f"{what}: the gradients lack {', '.join(missing)}.",
            "Return a dict with the keys dW1, db1, dW2, db2, dW3, db3.")
    for key, shape in shapes.items():
        c.require_shape(np.asarray(gradients[key]), shape, f"{what}: {key}",
                        "Each gradient has the shape of its parameter: dW1 like W1, db1 like b1.")
    if announce:
        c.ok(f"{what}: returns dW1, db1, ..., db3 with the shapes of W1, b1, ..., b3")


# ----- Exercise 1 ---------------------------------------------------------------------------------
# A case to follow by hand: ||W1||^2 = 1 + 1 + 4 + 0 = 6, ||W2||^2 = 9 + 1 = 10, ||W3||^2 = 4,
# so with lambd = 0.1 and m = 4 the L2 term is 0.1 / (2 * 4) * 20 = 0.25. The biases are large
# so that penalizing them by mistake shows; m = 4 (not 2) tells lambd / m from lambd / 2, and
# differs from n_x = 2.
_TINY_A3 = np.array([[0.8, 0.4, 0.3, 0.9]])
_TINY_Y = np.array([[1.0, 0.0, 0.0, 1.0]])
_TINY_NETWORK = {"W1": np.array([[1.0, -1.0], [2.0, 0.0]]), "b1": np.array([[5.0], [5.0]]),
                 "W2": np.array([[3.0, -1.0]]), "b2": np.array([[5.0]]),
                 "W3": np.array([[2.0]]), "b3": np.array([[5.0]])}
_TINY_COST = 0.5490011586691899  # cross-entropy 0.2990011586691898 + L2 term 0.25
#: Factors that multiply the sum of the squared weights in known mistakes, with lambd = 0.1 and m = 4,
#: and what to say of them.
_L2_FACTOR_HINTS = (
    (0.1 / 4, "You multiplied by lambd / m; the L2 term is lambd / (2m) times the sum of the squares."),
    (0.1 / 2, "You multiplied by lambd / 2: m, the number of examples (Y.shape[1], the columns), is missing."),
    (0.1 / 2 * 4, "lambd / 2 * m multiplies by m (Python reads it as (lambd / 2) * m): write lambd / (2 * m)."),
)
#: What known mistakes put in place of the sum of the squared weights (20) in the worked example,
#: and what to say of them: with lambd / (2m) = 0.0125 the L2 term is 0.0125 times that.
_SQUARES_HINTS = (
    (4 + 4 + 2, ("That is lambd / (2m) times the sum of the ABSOLUTE values (4 + 4 + 2 = 10, the L1 norm): "
                 "square the entries (np.square), do not take np.abs.")),
    (np.sqrt(6) + np.sqrt(10) + 2, ("That is lambd / (2m) times the norms ||W1|| + ||W2|| + ||W3|| (sqrt(6) + sqrt(10) "
                                    "+ 2): the L2 term uses the SQUARED norms, the sums of the squared entries.")),
    (6 + 10, ("That is lambd / (2m) times 6 + 10 = 16: the squares of W3 (4) are missing; the sum runs over W1, W2 "
              "AND W3.")),
    (20 + 25 + 25 + 25 + 25, ("That is lambd / (2m) times 120 = 20 + 100: the squared biases (b1, b2, b3: 100) "
                              "are in your sum; penalize the weights W only, not the biases.")),
    (2 ** 2 + 2 ** 2 + 2 ** 2, ("That is lambd / (2m) times 12 = 2^2 + 2^2 + 2^2, the squares of the SUMS of the "
                                "entries of W1, W2, W3: square each entry first, then add (np.sum(np.square(W))).")),
    (6 / 4 + 10 / 2 + 4 / 1, ("That is lambd / (2m) times 10.5 = 6/4 + 10/2 + 4/1, the MEANS of the squared entries: "
                              "add them up with np.sum, not np.mean.")),
)


def _seeded_cost_case():
    """A [3, 5, 4, 1] network on 7 examples, numbers rounded to 2 decimals."""
    rng = np.random.default_rng(20)
    dims, parameters = [3, 5, 4, 1], {}
    for l in range(1, 4):
        parameters[f"W{l}"] = np.round(rng.standard_normal((dims[l], dims[l - 1])), 2)
        parameters[f"b{l}"] = np.round(rng.standard_normal((dims[l], 1)), 2)
    X = np.round(rng.standard_normal((3, 7)), 2)
    Y = (rng.random((1, 7)) < 0.5).astype(float)
    return nn.forward_propagation(X, parameters)[0], Y, parameters


_SEEDED_COST = 3.044393137142566  # with lambd = 0.3; the cross-entropy alone is 1.9611552799997092


def is_number(value):
    return isinstance(value, (int, float, np.integer, np.floating)) or (isinstance(value, np.ndarray) and value.shape == ())


@student_check
def compute_cost_with_regularization(c, compute_cost_with_regularization):
    cross_entropy = nn.compute_cost(_TINY_A3, _TINY_Y)
    cost = c.call(compute_cost_with_regularization, _TINY_A3, _TINY_Y, _TINY_NETWORK, 0.1)
    require(c, is_number(cost), f"returned a {type(cost).__name__} {getattr(cost, 'shape', '')}; expected a float.",
            "Return float(cost).")
    if close(cost, _TINY_COST, 1e-7, 0):
        c.ok(f"worked example (m = 4, lambd = 0.1): cost {_TINY_COST:.6f} = cross-entropy {cross_entropy:.6f} "
             "+ L2 term 0.25")
    else:
        term = float(np.asarray(cost, dtype=float)) - cross_entropy
        named = [hint for factor, hint in _L2_FACTOR_HINTS if np.isclose(term, factor * 20, rtol=1e-6)]
        named += [hint for squares, hint in _SQUARES_HINTS if np.isclose(term, 0.1 / 8 * squares, rtol=1e-6)]
        if np.isclose(float(np.asarray(cost, dtype=float)), 0.25, rtol=1e-6):
            named.append("Your cost is the L2 term alone (0.25): return the cross-entropy PLUS the L2 term.")
        c.expect_close(cost, _TINY_COST, "worked example (m = 4, lambd = 0.1): the cost", rtol=1e-7,
                       hint=f"Here the L2 term is 0.1 / (2 * 4) * (6 + 10 + 4) = 0.25 (the squared entries of W1, "
                            f"W2 and W3 add up to 20; the biases are not penalized); yours is {term:.6g}."
                            + (f" {named[0]}" if named else ""))
    cost = c.call(compute_cost_with_regularization, _TINY_A3, _TINY_Y, _TINY_NETWORK, 0.0)
    expect_all_close(c, [(cost, cross_entropy, "lambd = 0: the cost",
                          "With lambd = 0 the L2 term vanishes and the cost is the cross-entropy.")],
                     f"lambd = 0: the cost is the cross-entropy alone, {cross_entropy:.6f}")
    A3, Y, parameters = _seeded_cost_case()
    cost = c.call(compute_cost_with_regularization, A3, Y, parameters, 0.3)
    expect_all_close(c, [(cost, _SEEDED_COST, "network [3, 5, 4, 1], m = 7, lambd = 0.3: the cost",
                          "m is the number of examples, Y.shape[1]; the sum runs over every entry of W1, W2 and W3.")],
                     f"network [3, 5, 4, 1], m = 7, lambd = 0.3: cost {_SEEDED_COST:.6f}")


# ----- Exercise 2 ---------------------------------------------------------------------------------
def _l2_case(seed, layers_dims, m):
    rng = np.random.default_rng(seed)
    parameters = random_network(layers_dims, rng, scale=1.5)
    X = rng.standard_normal((layers_dims[0], m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return X, Y, parameters


def check_l2_gradients(c, gradients, plain, parameters, lambd, m, what):
    """dW[l] must be the cross-entropy gradient plus lambd / m * W[l]; db[l] must be unchanged."""
    comparisons = []
    for l in (1, 2, 3):
        W = parameters[f"W{l}"]
        hint = f"dW{l} = (cross-entropy gradient) + lambd / m * W{l}."
        added = np.asarray(gradients[f"dW{l}"], dtype=float) - plain[f"dW{l}"]
        factor = float(np.sum(added * W) / np.sum(W * W)) if np.any(W) else 0.0
        if lambd and np.isclose(factor, lambd / (2 * m), rtol=1e-3):
            hint += " You added lambd / (2m) * W: the derivative of W**2 is 2 W, which cancels the 2."
        elif lambd and np.isclose(factor, 2 * lambd / m, rtol=1e-3):
            hint += " You added 2 lambd / m * W: the 2 of the derivative of W**2 cancels the 2 of lambd / (2m)."
        elif lambd and m != 1 and np.isclose(factor, lambd, rtol=1e-3):
            hint += " You added lambd * W: divide by m, the number of examples."
        elif lambd and np.isclose(factor, -lambd / m, rtol=1e-3):
            hint += " You subtracted lambd / m * W: the L2 term is added to the cost, so its gradient is added too."
        elif lambd and np.isclose(factor, 0.0, atol=1e-12):
            hint += " Your dW is the cross-entropy gradient alone."
        elif lambd and np.allclose(added, lambd / m * W ** 2, rtol=1e-6, atol=1e-12):
            hint += (" You added lambd / m * W**2: the derivative of W**2 is 2 W, so the term to add is lambd / m * W "
                     "(W itself, not squared).")
        comparisons.append((gradients[f"dW{l}"], plain[f"dW{l}"] + lambd / m * W, f"{what}: dW{l}", hint))
    expect_all_close(c, comparisons, f"{what}: dW1, dW2, dW3 are the cross-entropy gradients + lambd / m * W",
                     rtol=1e-6)
    def db_hint(l):
        hint = "The biases are not in the L2 term, so db is the cross-entropy gradient."
        b = parameters[f"b{l}"]
        added = np.asarray(gradients[f"db{l}"], dtype=float) - plain[f"db{l}"]
        if lambd and np.any(b) and np.allclose(added, lambd / m * b, rtol=1e-6, atol=1e-12):
            hint += f" You added lambd / m * b{l} to db{l}: only the weights are penalized."
        return hint

    expect_all_close(c, [(gradients[f"db{l}"], plain[f"db{l}"], f"{what}: db{l}", db_hint(l)) for l in (1, 2, 3)],
                     f"{what}: db1, db2, db3 are unchanged (the biases are not penalized)", rtol=1e-6)


@student_check
def backward_propagation_with_regularization(c, backward_propagation_with_regularization):
    for seed, layers_dims, m, lambd in ((1, [2, 4, 3, 1], 5, 0.7), (2, [3, 6, 2, 1], 8, 0.0), (3, [2, 5, 4, 1], 10, 2.5)):
        X, Y, parameters = _l2_case(seed, layers_dims, m)
        _, cache = nn.forward_propagation(X, parameters)
        gradients = c.call(backward_propagation_with_regularization, X, Y, cache, lambd)
        require_gradients(c, gradients, parameter_shapes(parameters), f"network {layers_dims}", announce=seed == 1)
        plain = nn.backward_propagation(X, Y, cache)
        check_l2_gradients(c, gradients, plain, parameters, lambd, m, f"lambd = {lambd}, m = {m}")


# ----- Exercise 3 ---------------------------------------------------------------------------------
CACHE_NAMES = ("Z1", "D1", "A1", "W1", "b1", "Z2", "D2", "A2", "W2", "b2", "Z3", "A3", "W3", "b3")
CACHE_HINT = "Return the pair (A3, cache) with cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)."


def is_mask(D):
    """True if D holds only 0 and 1 (boolean or numeric)."""
    D = np.asarray(D)
    return D.dtype == bool or (np.issubdtype(D.dtype, np.number) and bool(np.all((D == 0) | (D == 1))))


def kept(D):
    """A mask as a boolean array (True = kept)."""
    return np.asarray(D).astype(bool)


def call_dropout_forward(c, function, X, parameters, keep_prob, rng, what, inputs=None):
    """Call the student's forward pass; stop unless it returns (A3, cache) with the documented shapes.

    Returns A3 and a dict of the cache entries by name.
    """
    result = c.call(function, X, parameters, keep_prob, rng, inputs=inputs)
    require(c, isinstance(result, tuple) and len(result) == 2,
            f"{what}: returned a {type(result).__name__}, not a pair (A3, cache).", CACHE_HINT)
    A3, cache = result
    require(c, isinstance(cache, (tuple, list)) and len(cache) == 14,
            f"{what}: the cache has {len(cache) if isinstance(cache, (tuple, list)) else 'no'} entries; expected 14.",
            CACHE_HINT)
    m, n1, n2 = X.shape[1], parameters["W1"].shape[0], parameters["W2"].shape[0]
    shapes = {"Z1": (n1, m), "D1": (n1, m), "A1": (n1, m), "Z2": (n2, m), "D2": (n2, m), "A2": (n2, m),
              "Z3": (1, m), "A3": (1, m)}
    shapes.update({key: parameters[key].shape for key in PARAMETER_KEYS})
    entries = dict(zip(CACHE_NAMES, cache))
    c.require_shape(A3, (1, m), f"{what}: A3", "A3 has one row and one column per example.")
    for name in CACHE_NAMES:
        c.require_shape(np.asarray(entries[name]), shapes[name], f"{what}: the cache entry {name}",
                        mask_shape_hint(np.shape(entries[name]), shapes[name]) if name[0] == "D" else CACHE_HINT)
    return A3, entries


def mask_shape_hint(shape, expected):
    """The hint for a mask of the wrong ``shape``, naming a mask shared along one axis."""
    hint = "A mask has the shape of the activations it multiplies, (n[l], m): one draw per unit and per example."
    if tuple(shape) == (expected[0], 1):
        hint += (" Yours has one draw per unit, shared by all the examples: draw rng.random(A.shape), not "
                 "rng.random((n, 1)).")
    elif tuple(shape) == (1, expected[1]):
        hint += (" Yours has one draw per example, shared by all the units of the layer: draw rng.random(A.shape), not "
                 "rng.random((1, m)).")
    return hint


def check_dropout_consistency(c, X, parameters, keep_prob, A3, entries, what):
    """Every cache entry follows from X, the parameters and the returned masks (three verdicts)."""
    for key in PARAMETER_KEYS:
        require(c, np.array_equal(entries[key], parameters[key]), f"{what}: the cache entry {key} is not the parameter {key}.",
                "Keep the cache order (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3).")
    for name in ("D1", "D2"):
        hint = "A mask is boolean (True = keep) or 0/1; the division by keep_prob belongs to A, not to the mask."
        values = np.asarray(entries[name], dtype=float) if np.issubdtype(np.asarray(entries[name]).dtype, np.number) \
            else None
        if values is not None and np.all(np.isclose(values, 0) | np.isclose(values, 1 / keep_prob)):
            hint = (f"Your {name} holds 0 and 1 / keep_prob = {1 / keep_prob:.4g}: you folded the division by keep_prob "
                    "into the mask. Keep the mask 0/1 (or boolean) and divide A by keep_prob.")
        require(c, is_mask(entries[name]), f"{what}: {name} holds values other than 0 and 1.", hint)
    previous = X
    for l in (1, 2):
        Z, D, A = entries[f"Z{l}"], kept(entries[f"D{l}"]), np.asarray(entries[f"A{l}"], dtype=float)
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        source = "X" if l == 1 else "A1"
        relu = np.maximum(Z, 0)
        if np.all(A[~D] == 0):
            hint = "Inverted dropout divides the kept activations by keep_prob (not by 1 - keep_prob)."
            if close(A, np.where(D, relu, 0.0), 1e-7, 1e-10):
                hint = (f"Your A{l} is D{l} * relu(Z{l}), the kept units not scaled: inverted dropout divides them "
                        "by keep_prob, so that the expected value of A does not change.")
            elif close(A, np.where(D, relu / (1 - keep_prob), 0.0), 1e-7, 1e-10):
                hint = (f"Your A{l} is D{l} * relu(Z{l}) / (1 - keep_prob): divide by keep_prob, the probability of "
                        "keeping a unit, not by 1 - keep_prob.")
        elif close(A, relu, 1e-7, 1e-10) and not np.all(D):
            hint = (f"Your A{l} in the cache is relu(Z{l}) before dropout: keep A{l} after dropout "
                    f"(D{l} * A{l} / keep_prob) in the cache, and use that same A{l} as the next layer's input.")
        else:
            hint = f"A dropped unit outputs 0: multiply A{l} by the mask D{l}, after the ReLU."
        expect_all_close(c, [
            (Z, W @ previous + b, f"{what}: Z{l} = W{l} {source} + b{l}",
             "Layer 2 takes A1 after dropout as its input." if l == 2 else None),
            (A, np.where(D, np.maximum(Z, 0) / keep_prob, 0.0), f"{what}: A{l} = D{l} * relu(Z{l}) / keep_prob", hint),
        ], f"{what}: Z{l} = W{l} {source} + b{l}; A{l} is relu(Z{l}) / keep_prob where D{l} keeps a unit, 0 elsewhere")
        previous = A
    expect_all_close(c, [
        (entries["Z3"], parameters["W3"] @ previous + parameters["b3"], f"{what}: Z3 = W3 A2 + b3", None),
        (A3, nn.sigmoid(entries["Z3"])[0], f"{what}: A3 = sigmoid(Z3)", output_hint(A3, entries["Z3"], keep_prob)),
        (entries["A3"], A3, f"{what}: the A3 in the cache", "Put the A3 you return into the cache."),
    ], f"{what}: Z3 = W3 A2 + b3 and A3 = sigmoid(Z3), no dropout on the output")


def output_hint(A3, Z3, keep_prob):
    """The hint for a wrong A3, naming dropout applied to the output layer."""
    hint = "Dropout is applied to hidden layers 1 and 2 only."
    try:
        A3, sigmoid = np.asarray(A3, dtype=float), nn.sigmoid(np.asarray(Z3, dtype=float))[0]
    except (TypeError, ValueError):
        return hint
    if A3.shape == sigmoid.shape and np.all(np.isclose(A3, 0, atol=1e-12)
                                            | np.isclose(A3, sigmoid / keep_prob, rtol=1e-7, atol=0)):
        hint += " Your A3 has dropout applied (each entry 0 or sigmoid(Z3) / keep_prob): A3 = sigmoid(Z3), no mask."
    return hint


def mask_hint(fraction, keep_prob):
    """A hint naming the mistake that keeps ``fraction`` of the units instead of ``keep_prob``."""
    if abs(fraction - (1 - keep_prob)) < 0.02:
        return (f"That is 1 - keep_prob = {1 - keep_prob:.0%}: keep a unit when its uniform draw is below keep_prob "
                "(rng.random(shape) < keep_prob), not above it.")
    if abs(fraction - 0.5 * (1 + math.erf(keep_prob / math.sqrt(2)))) < 0.02:
        return ("That is how often a standard normal draw is below keep_prob: draw the masks uniformly in [0, 1) "
                "with rng.random(shape), not with rng.standard_normal.")
    return "A unit is kept when its uniform draw is below keep_prob, which happens with probability keep_prob."


def check_mask_statistics(c, entries, keep_prob, what):
    """The fraction of kept units is keep_prob, within 7 binomial standard deviations; returns True if so."""
    fractions = {name: float(np.mean(kept(entries[name]))) for name in ("D1", "D2")}
    size = np.asarray(entries["D1"]).size, np.asarray(entries["D2"]).size
    off = [name for name, n in zip(fractions, size)
           if abs(fractions[name] - keep_prob) > 7 * np.sqrt(keep_prob * (1 - keep_prob) / n)]
    return c.expect(not off, f"{what}: D1 keeps {fractions['D1']:.1%} and D2 {fractions['D2']:.1%} of the units",
                    f"{what}: D1 keeps {fractions['D1']:.1%} and D2 {fractions['D2']:.1%} of the units; expected "
                    f"about {keep_prob:.0%} each.", mask_hint(fractions[off[0]], keep_prob) if off else None)


def check_fresh_masks(c, function, X, parameters, keep_prob, seeds):
    """Same seed, same masks; another seed, a second call with the same generator, or rng=None: other masks."""
    def masks(rng, inputs):
        entries = call_dropout_forward(c, function, X, parameters, keep_prob, rng, inputs, inputs=inputs)[1]
        return kept(entries["D1"]), kept(entries["D2"])

    first = masks(np.random.default_rng(seeds[0]), "rng seeded with 1")
    again = masks(np.random.default_rng(seeds[0]), "rng seeded with 1")
    other = masks(np.random.default_rng(seeds[1]), "rng seeded with 2")
    c.expect(all(np.array_equal(a, b) for a, b in zip(first, again)), "the same rng seed gives the same masks",
             "Two calls with rngs seeded alike gave different masks.", RNG_HINT)
    c.expect(not np.array_equal(first[0], other[0]), "another rng seed gives other masks",
             "Two calls with differently seeded rngs gave the same mask D1.",
             "Do not create a generator with a fixed seed inside the function; use the `rng` you are given.")

    def two_calls(X, parameters, keep_prob, rng):
        return function(X, parameters, keep_prob, rng), function(X, parameters, keep_prob, rng)

    two_calls.__name__ = getattr(function, "__name__", "your function")
    (_, cache1), (_, cache2) = c.call(two_calls, X, parameters, keep_prob, np.random.default_rng(seeds[2]),
                                      inputs="the same rng, twice")
    c.expect(not np.array_equal(kept(cache1[1]), kept(cache2[1])), "two calls with the same generator draw new masks",
             "Two calls with the same generator gave the same mask D1.",
             "Draw the masks from the generator at every call: each training iteration needs new masks.")
    no_rng = [masks(None, "rng=None")[0] for _ in range(2)]
    c.expect(not np.array_equal(no_rng[0], no_rng[1]), "with rng=None, two calls draw different masks",
             "Two calls with rng=None gave the same mask D1.",
             "When rng is None the given line creates a fresh, unseeded generator; do not seed it.")


def check_no_dropout_when_keeping_all(c, function, X, parameters, what):
    """keep_prob = 1 gives the plain network and masks of ones."""
    A3, entries = call_dropout_forward(c, function, X, parameters, 1.0, np.random.default_rng(0), what)
    require(c, all(np.all(kept(entries[n])) for n in ("D1", "D2")), f"{what}: some units were dropped.",
            "Keep a unit when its draw is below keep_prob: with keep_prob = 1, always.")
    expect_all_close(c, [(A3, nn.forward_propagation(X, parameters)[0], f"{what}: A3", None)],
                     f"{what}: every unit is kept and A3 is the output of the network without dropout", atol=1e-12)


@student_check
def forward_propagation_with_dropout(c, forward_propagation_with_dropout):
    rng = np.random.default_rng(4)
    X, parameters = rng.standard_normal((2, 6)), random_network([2, 5, 4, 1], rng, scale=2.0)
    what = "network [2, 5, 4, 1], keep_prob 0.7"
    A3, entries = call_dropout_forward(c, forward_propagation_with_dropout, X, parameters, 0.7, np.random.default_rng(0),
                                       what)
    c.ok(f"{what}: returns A3 (1, 6) and a cache of 14 entries with the documented shapes")
    check_dropout_consistency(c, X, parameters, 0.7, A3, entries, "keep_prob 0.7")

    # keep_prob 0.6, not 0.5 (where 1 - keep_prob = keep_prob) nor 0.8 (where 79% of standard normal draws
    # are below it): masks kept above keep_prob keep 40% here, masks of standard normal draws 73%. The
    # hidden layers differ in width, so that one mask used for both layers does not fit.
    X, parameters = rng.standard_normal((2, 100)), random_network([2, 200, 150, 1], rng, scale=2.0)
    what = "network [2, 200, 150, 1], keep_prob 0.6"
    A3, entries = call_dropout_forward(c, forward_propagation_with_dropout, X, parameters, 0.6, np.random.default_rng(1),
                                       what)
    masks_right = check_mask_statistics(c, entries, 0.6, what)
    with_dropout = float(np.mean(entries["A1"]))
    without = float(np.mean(np.maximum(entries["Z1"], 0)))
    c.expect(abs(with_dropout - without) <= 0.05 * without,
             f"mean of A1 with dropout {with_dropout:.3f}, without {without:.3f}: the expected value is kept",
             f"the mean of A1 with dropout is {with_dropout:.3f}, without dropout {without:.3f}.",
             "Divide the kept activations by keep_prob so that their expected value does not change." if masks_right
             else "The masks keep the wrong share of the units (see the FAIL above): with that fixed, dividing by "
                  "keep_prob keeps the expected value.")
    check_fresh_masks(c, forward_propagation_with_dropout, X[:, :20], parameters, 0.6, (5, 6, 7))
    check_no_dropout_when_keeping_all(c, forward_propagation_with_dropout, X[:, :20], parameters, "keep_prob 1")


# ----- Exercise 4 ---------------------------------------------------------------------------------
# A network [2, 3, 2, 1] on m = 4 examples with keep_prob = 0.8, to follow by hand. Unit 2 of
# layer 1 is dropped for every example, so it must get no gradient at all.
_KEEP = 0.8
_X = np.array([[1.0, -1.0, 2.0, 1.0], [0.0, 2.0, 1.0, -1.0]])
_Y = np.array([[1.0, 0.0, 1.0, 0.0]])
_W1 = np.array([[1.0, 1.0], [-1.0, 2.0], [2.0, -1.0]])
_b1 = np.array([[1.0], [2.0], [-1.0]])
_W2 = np.array([[1.0, -1.0, 2.0], [-1.0, 1.0, 1.0]])
_b2 = np.array([[-1.0], [1.0]])
_W3 = np.array([[0.5, -1.0]])
_b3 = np.array([[-1.0]])
_D1 = np.array([[1, 1, 0, 1], [0, 0, 0, 0], [1, 0, 1, 1]])
_D2 = np.array([[1, 0, 1, 1], [1, 1, 1, 0]])
_Z1 = np.array([[2.0, 2.0, 4.0, 1.0], [1.0, 7.0, 2.0, -1.0], [1.0, -5.0, 2.0, 2.0]])  # W1 X + b1
_A1 = np.array([[2.5, 2.5, 0.0, 1.25], [0.0, 0.0, 0.0, 0.0], [1.25, 0.0, 2.5, 2.5]])  # D1 * relu(Z1) / 0.8
_Z2 = np.array([[4.0, 1.5, 4.0, 5.25], [-0.25, -1.5, 3.5, 2.25]])  # W2 A1 + b2
_A2 = np.array([[5.0, 0.0, 5.0, 6.5625], [0.0, 0.0, 4.375, 0.0]])  # D2 * relu(Z2) / 0.8
_Z3 = np.array([[1.5, -1.0, -2.875, 2.28125]])  # W3 A2 + b3
_EXPECTED_DROPOUT_GRADIENTS = {
    "dW1": [[0.141579433116, -0.177209418234], [0.0, 0.0], [0.283158866232, -0.354418836469]],
    "db1": [[0.141579433116], [0.0], [0.283158866232]],
    "dW2": [[0.105949447998, 0.0, -0.050975472946], [0.0, 0.0, 0.739528648594]],
    "db2": [[-0.034642183226], [0.295811459438]],
    "dW3": [[0.077281370662, -1.035340108031]],
    "db3": [[0.011807862181]],
}


#: Known wrong dropout steps of the backward pass: the layer-1 and layer-2 gradients each gives on the
#: worked example (computed once; the check holds no backward pass), and what to say of it.
_DROPOUT_BACKWARD_MISTAKES = (
    ({
        "dW1": np.array([[ 0.09061083719428346, -0.11341402767007801],
                         [ 0.                 ,  0.                 ],
                         [ 0.18122167438856693, -0.22682805534015602]]),
        "db1": np.array([[0.09061083719428346],
                         [0.                 ],
                         [0.18122167438856693]]),
        "dW2": np.array([[ 0.08475955839811115,  0.                 , -0.04078037835710311],
                         [ 0.                 ,  0.                 ,  0.5916229188751099 ]]),
        "db2": np.array([[-0.02771374658073851],
                         [ 0.23664916755004395]]),
    }, ('Your gradients are those of a dropout step without the division by keep_prob: after multiplying dA '
        'by the mask, divide by keep_prob, as in the forward pass.')),
    ({
        "dW1": np.array([[-0.6658223246670966 , -0.9812194984262518 ],
                         [ 1.1974505793705872 ,  0.44959124372276116],
                         [-0.07125997023685796,  0.                 ]]),
        "db1": np.array([[-0.00612059549902666],
                         [ 0.5377488502025173 ],
                         [-0.07125997023685796]]),
        "dW2": np.array([[ 0.21100469072029326 ,  0.                  , -0.050975472946378886],
                         [-0.35441883646899375 ,  0.                  ,  0.030690975655899844]]),
        "db2": np.array([[0.007379913863138576],
                         [0.012276390262359937]]),
    }, ('Your gradients are those of dA / keep_prob without the masks: multiply dA2 by D2 and dA1 by D1, the '
        'masks of the cache, before dividing by keep_prob.')),
    ({
        "dW1": np.array([[ 0.05799093580434142, -0.07258497770884993],
                         [ 0.                 ,  0.                 ],
                         [ 0.11598187160868284, -0.14516995541769986]]),
        "db1": np.array([[0.05799093580434142],
                         [0.                 ],
                         [0.11598187160868284]]),
        "dW2": np.array([[ 0.06780764671848893,  0.                 , -0.03262430268568246],
                         [ 0.                 ,  0.                 ,  0.47329833510008795]]),
        "db2": np.array([[-0.02217099726459082],
                         [ 0.18931933404003518]]),
    }, ('Your gradients are those of a dropout step that multiplies by keep_prob: divide by it, as in the '
        'forward pass.')),
    ({
        "dW1": np.array([[ 0.35477651857898757, -0.341258409584669  ],
                         [ 0.                 ,  0.                 ],
                         [-0.05700797618948636,  0.                 ]]),
        "db1": np.array([[ 0.43882071275711104],
                         [ 0.                 ],
                         [-0.05700797618948636]]),
        "dW2": np.array([[ 0.16880375257623462 ,  0.                  , -0.04078037835710311 ],
                         [-0.283535069175195   ,  0.                  ,  0.024552780524719833]]),
        "db2": np.array([[0.005903931090510878],
                         [0.009821112209887933]]),
    }, ('Your gradients are those of a backward pass without the dropout step of layer 2: multiply dA2 by D2 '
        'and divide by keep_prob, as for dA1.')),
    ({
        "dW1": np.array([[-0.4261262877869418 , -0.6279804789928012 ],
                         [ 0.7663683707971758 ,  0.2877383959825671 ],
                         [-0.04560638095158909,  0.                 ]]),
        "db1": np.array([[-0.003917181119377056],
                         [ 0.34415926412961106 ],
                         [-0.04560638095158909 ]]),
        "dW2": np.array([[ 0.16880375257623462 ,  0.                  , -0.04078037835710311 ],
                         [-0.283535069175195   ,  0.                  ,  0.024552780524719833]]),
        "db2": np.array([[0.005903931090510878],
                         [0.009821112209887933]]),
    }, ('Your gradients are those of a backward pass without any dropout step: multiply dA2 by D2 and dA1 by '
        'D1, and divide each by keep_prob.')),
    ({
        "dW1": np.array([[-0.03473577984344439,  0.03290106721081182],
                         [ 0.                 ,  0.                 ],
                         [ 0.35441883646899375, -0.35441883646899375]]),
        "db1": np.array([[0.1753747056018643 ],
                         [0.                 ],
                         [0.35441883646899375]]),
        "dW2": np.array([[ 0.10594944799763892 ,  0.                  , -0.050975472946378886],
                         [-0.06759054497159278 ,  0.                  ,  0.8107886188307453  ]]),
        "db2": np.array([[-0.03464218322592316],
                         [ 0.26877524144891785]]),
    }, ("Your gradients are those of a backward pass without the ReLU's derivative: the mask does not replace it; after the dropout step, dZ = nn.relu_gradient(dA, Z).")),
)


def dropout_backward_mistake(gradients):
    """What to say of ``gradients`` of the worked example if they are those of a known mistake, else None."""
    for wrong, hint in _DROPOUT_BACKWARD_MISTAKES:
        if all(close(gradients[key], value, 1e-9, 1e-12) for key, value in wrong.items()):
            return hint
    return None


def worked_dropout_cache(mask_type):
    """The cache of the worked example, with masks of ``mask_type`` (bool or float)."""
    A3 = nn.sigmoid(_Z3)[0]
    return (_Z1, _D1.astype(mask_type), _A1, _W1, _b1, _Z2, _D2.astype(mask_type), _A2, _W2, _b2, _Z3, A3, _W3, _b3)


def with_masks(cache, mask_type):
    """A copy of a dropout cache whose masks D1, D2 have ``mask_type`` (bool or float)."""
    cache = list(cache)
    cache[1], cache[6] = np.asarray(cache[1]).astype(mask_type), np.asarray(cache[6]).astype(mask_type)
    return tuple(cache)


def with_either_mask_type(c, body):
    """Run ``body(checker, mask_type)`` with boolean masks and, if that fails, with 0/1 float masks.

    The contract allows either kind of mask, so a backward pass passes if it handles the
    kind its own forward pass could produce. The verdicts of the better run are kept.
    """
    runs = []
    for mask_type in (bool, float):
        trial = Checker(c.name, quiet=c.quiet)
        failures = trial.run(body, mask_type)
        runs.append((failures, mask_type, trial))
        if failures == 0:
            break
    failures, mask_type, best = min(runs, key=lambda run: run[0])
    c.verdicts.extend(best.verdicts)
    c.notes.extend(best.notes)
    if failures == 0 and mask_type is float:
        c.notes.append("your backward pass was checked with 0/1 float masks; it fails with boolean masks.")


def plain_dropout_case(seed):
    """With keep_prob = 1 and masks of ones, dropout's backward pass is the plain one."""
    rng = np.random.default_rng(seed)
    X, parameters = rng.standard_normal((3, 9)), random_network([3, 5, 4, 1], rng, scale=1.5)
    Y = (rng.random((1, 9)) < 0.5).astype(float)
    _, plain_cache = nn.forward_propagation(X, parameters)
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = plain_cache
    cache = (Z1, np.ones_like(Z1), A1, W1, b1, Z2, np.ones_like(Z2), A2, W2, b2, Z3, A3, W3, b3)
    return X, Y, parameters, cache, nn.backward_propagation(X, Y, plain_cache)


@student_check
def backward_propagation_with_dropout(c, backward_propagation_with_dropout):
    def body(c, mask_type):
        what = "worked example [2, 3, 2, 1], keep_prob 0.8"
        gradients = c.call(backward_propagation_with_dropout, _X, _Y, worked_dropout_cache(mask_type), _KEEP,
                           inputs=f"the worked example with {mask_type.__name__} masks")
        shapes = {"dW1": (3, 2), "db1": (3, 1), "dW2": (2, 3), "db2": (2, 1), "dW3": (1, 2), "db3": (1, 1)}
        require_gradients(c, gradients, shapes, what, announce=True)
        mistake = dropout_backward_mistake(gradients)
        named = f" {mistake}" if mistake else ""
        c.expect(np.all(np.asarray(gradients["dW1"])[1] == 0) and np.all(np.asarray(gradients["db1"])[1] == 0),
                 f"{what}: unit 2 of layer 1, dropped for every example, gets no gradient",
                 f"{what}: unit 2 of layer 1 is dropped for every example (row 2 of D1 is 0), yet row 2 of dW1 "
                 "or db1 is not 0.", "Multiply dA1 by the cached mask D1 before going through the ReLU." + named)
        hints = {3: "dZ3 = A3 - Y and dW3 = dZ3 A2^T / m, with A2 from the cache (it is already after dropout).",
                 2: "dA2 = W3^T dZ3, then multiply by D2 and divide by keep_prob, then go through the ReLU." + named,
                 1: "dA1 = W2^T dZ2, then multiply by D1 and divide by keep_prob, then go through the ReLU." + named}
        for l in (3, 2, 1):
            expect_all_close(c, [(gradients[key], _EXPECTED_DROPOUT_GRADIENTS[key], f"{what}: {key}", hints[l])
                                 for key in (f"dW{l}", f"db{l}")],
                             f"{what}: dW{l} and db{l} match the values worked out by hand", atol=1e-11)
        X, Y, _, cache, plain = plain_dropout_case(8)
        what = "keep_prob 1, masks of ones"
        gradients = c.call(backward_propagation_with_dropout, X, Y, with_masks(cache, mask_type), 1.0, inputs=what)
        require_gradients(c, gradients, {k: plain[k].shape for k in GRADIENT_KEYS}, what)
        expect_all_close(c, [(gradients[key], plain[key], f"{what}: {key}", None) for key in GRADIENT_KEYS],
                         f"{what}: the gradients are those of the network without dropout", atol=1e-11)

    with_either_mask_type(c, body)


# ----- Exercise 5 ---------------------------------------------------------------------------------
#: (description, dev_costs, patience, (best, stop)), each case worked out by hand.
EARLY_STOPPING_CASES = [
    ("the example of the notebook", [0.9, 0.7, 0.6, 0.65, 0.62, 0.66, 0.7], 3, (2, 5)),
    ("a curve that falls, then rises", [0.9, 0.7, 0.6, 0.55, 0.56, 0.58, 0.6, 0.61, 0.65], 3, (3, 6)),
    ("costs that keep falling: no stop before the end", [5.0, 4.0, 3.0, 2.0, 1.0], 2, (4, 4)),
    ("a tie with the best keeps the earlier index", [1.0, 0.5, 0.5, 0.6, 0.7], 3, (1, 4)),
    ("a noisy plateau above the best, never a new low", [1.0, 2.0, 1.5, 1.8, 1.7, 1.9], 3, (0, 3)),
    ("a new low after a bump restarts the count", [3.0, 2.0, 2.5, 2.6, 1.0, 1.5, 1.6, 1.7, 0.5], 3, (4, 7)),
    ("patience longer than the curve", [0.3, 0.2, 0.4], 10, (1, 2)),
]

EARLY_STOPPING_HINTS = {
    "a tie with the best keeps the earlier index": "Only a strictly lower cost (<) makes a new best.",
    "a noisy plateau above the best, never a new low": "Count the records since the best one, not the number of "
                                                      "increases in a row: a cost that falls but stays above the best "
                                                      "is no improvement.",
    "costs that keep falling: no stop before the end": "If i - best never reaches patience, stop is the last index, "
                                                       "len(dev_costs) - 1.",
    "patience longer than the curve": "If i - best never reaches patience, stop is the last index, len(dev_costs) - 1.",
}


#: Wrong answers of particular cases and what they show, by case description and answer.
EARLY_STOPPING_MISTAKES = {
    "a curve that falls, then rises": {
        (3, 7): "You stopped one record late: at index 6, 6 - 3 = 3 = patience records have passed since the best "
                "(index 3), so training stops there (stop when i - best == patience, not when it exceeds it).",
        (3, 5): "You stopped one record early: at index 5 only 5 - 3 = 2 records have passed since the best (index 3); "
                "stop when i - best reaches patience, 3."},
    "a tie with the best keeps the earlier index": {
        (1, 3): "You stopped one record early: at index 3 only 3 - 1 = 2 records have passed since the best (index 1); "
                "stop when i - best reaches patience, 3."},
    "a noisy plateau above the best, never a new low": {
        (0, 4): "You stopped one record late: at index 3, 3 - 0 = 3 = patience records have passed since the best "
                "(index 0), so training stops there.",
        (0, 2): "You stopped one record early: at index 2 only 2 - 0 = 2 records have passed since the best (index 0); "
                "stop when i - best reaches patience, 3."},
    "costs that keep falling: no stop before the end": {
        (4, 5): "stop = 5 = len(dev_costs) is past the last record: when i - best never reaches patience, stop is the "
                "last index, len(dev_costs) - 1 = 4."},
    "a new low after a bump restarts the count": {
        (1, 4): "Update best before you test the patience: at index 4, 4 - 1 = 3 = patience, but 1.0 is a new low, "
                "so best becomes 4 and training goes on.",
        (8, 7): "best = 8 comes after the stop, 7: best is the lowest cost up to where training stops, not the lowest "
                "of the whole curve (0.5 at index 8 is never reached)."},
}


def check_early_stopping_case(c, function, dev_costs, patience, expected, what, hint=None, mistakes=None):
    """Compare ``function(dev_costs, patience)`` with the expected pair of indices.

    ``mistakes`` maps known wrong answers to what to say of them; an answer that is the
    expected pair reversed is named in any case."""
    result = c.call(function, dev_costs, patience, error_hint=_early_stopping_error_hint)
    if not (isinstance(result, (tuple, list)) and len(result) == 2
            and all(isinstance(i, (int, np.integer)) and not isinstance(i, bool) for i in result)):
        c.fail(f"{what}: returned {result!r}; expected a pair of integer indices (best, stop).",
               "Return best, stop as two integers (0-based indices into dev_costs).", stop=True)
    best, stop = (int(i) for i in result)
    if (stop, best) == tuple(expected) and best != stop:
        hint = "Return the pair in the order (best, stop): the index of the lowest cost first, then where training stops."
    hint = (mistakes or {}).get((best, stop), hint)
    c.expect((best, stop) == tuple(expected), f"{what}: (best, stop) = {expected}",
             f"{what}: early_stopping({_short(dev_costs)}, {patience}) returned ({best}, {stop}); "
             f"expected {tuple(expected)}.",
             hint or "best is the index of the lowest cost so far; stop is the first i with i - best == patience.")


def _early_stopping_error_hint(error):
    if type(error).__name__ == "AttributeError" and "'index'" in str(error):
        return ("A numpy array has no .index method (that is list.index): find the lowest cost so far with the "
                "loop's comparison or np.argmin, which work on lists and arrays alike.")
    return None


def _short(values):
    values = [round(float(v), 3) for v in values]
    return str(values) if len(values) <= 12 else str(values[:10])[:-1] + f", ... ({len(values)} values)]"


@student_check
def early_stopping(c, early_stopping):
    for what, dev_costs, patience, expected in EARLY_STOPPING_CASES:
        check_early_stopping_case(c, early_stopping, dev_costs, patience, expected, what, EARLY_STOPPING_HINTS.get(what),
                                  EARLY_STOPPING_MISTAKES.get(what))
    costs = np.array([0.8, 0.5, 0.4, 0.45, 0.41, 0.39, 0.42, 0.43, 0.44, 0.5])
    check_early_stopping_case(c, early_stopping, costs, 3, (5, 8), "a numpy array of dev costs")
    check_early_stopping_case(c, early_stopping, costs, 2, (2, 4), "the same array, patience 2")


# ----- Exercise 6 ---------------------------------------------------------------------------------
# The network of the worked example of Exercise 1 again: the |entries| of W1, W2 and W3 add up to
# (1 + 1 + 2 + 0) + (3 + 1) + 2 = 10, so with lambd = 0.1 and m = 4 the L1 penalty is 0.1 / 4 * 10 =
# 0.25, and every gradient entry is +-0.025, except at W1[1, 1] = 0, where any value from -0.025 to
# 0.025 is a subgradient. Its squared entries add up to 20, the sums of its matrices are 2, 2 and 2,
# their largest column sums 3, 3 and 2, and its |biases| add up to 20: each known mistake below
# gives a penalty of its own.
_TINY_L1_PENALTY = 0.25
_TINY_L1_GRADIENTS = {"dW1": np.array([[0.025, -0.025], [0.025, 0.0]]), "dW2": np.array([[0.025, -0.025]]),
                      "dW3": np.array([[0.025]])}
#: The penalties known mistakes return for the worked example, and what to say of them.
_L1_PENALTY_HINTS = (
    (0.125, ("You multiplied by lambd / (2m), the factor of the L2 term: the L1 term here is lambd / m * sum |W| "
             "(L2's 1/2 is there to cancel the 2 of the derivative of w**2; |w| has no square).")),
    (0.5, ("That is lambd / m times the sum of the SQUARES (6 + 10 + 4 = 20), as in L2: the L1 term takes the "
           "absolute values, np.abs, not the squares.")),
    (0.15, ("That is lambd / m times |sum of W1| + |sum of W2| + |sum of W3| = 2 + 2 + 2: take the absolute value "
            "of each entry first, then add them up (np.sum(np.abs(W))).")),
    (0.2, ("np.linalg.norm(W, 1) of a matrix is its largest column sum (3 + 3 + 2 = 8 here), not the sum of all its "
           "|entries|: use np.sum(np.abs(W)).")),
    (1.0, "You multiplied by lambd alone: divide by m, the number of examples, too."),
    (0.75, "That is lambd / m times 10 + 20: the |biases| (20) are in your sum; penalize the weights W only."),
)
_L1_HINT = "The penalty is lambd / m times the sum of |entries| of every W (np.sum(np.abs(W))); the biases are not in it."
#: Networks of other depths, worked out by hand: (what, parameters, lambd, m, penalty, gradients,
#: the penalty of W1, W2 and W3 alone).
_L1_OTHER_DEPTHS = (
    ("network with W1, W2 (L = 2), lambd = 0.6, m = 3",
     {"W1": np.array([[0.5, -2.0, 1.0], [0.0, 1.5, -0.5]]), "b1": np.array([[1.0], [-1.0]]),
      "W2": np.array([[-1.0, 3.0]]), "b2": np.array([[2.0]])}, 0.6, 3, 1.9,
     {"dW1": np.array([[0.2, -0.2, 0.2], [0.0, 0.2, -0.2]]), "dW2": np.array([[-0.2, 0.2]])}, None),
    ("network with W1 .. W4 (L = 4), lambd = 2, m = 8",
     {"W1": np.array([[1.0, -0.5], [0.25, 2.0]]), "b1": np.array([[0.5], [-0.5]]),
      "W2": np.array([[-1.0, 0.0], [0.5, 0.5]]), "b2": np.array([[1.0], [1.0]]),
      "W3": np.array([[2.0, -1.5]]), "b3": np.array([[-1.0]]), "W4": np.array([[-0.75]]), "b4": np.array([[0.5]])},
     2.0, 8, 2.5, {"dW1": np.array([[0.25, -0.25], [0.25, 0.25]]), "dW2": np.array([[-0.25, 0.0], [0.25, 0.25]]),
                   "dW3": np.array([[0.25, -0.25]]), "dW4": np.array([[-0.25]])}, 2.3125),
)


def _keys(prefix, L):
    """"W1", "W1 and W2" or "W1 .. WL" for ``prefix`` "W" and ``L`` layers."""
    return f"{prefix}1" if L == 1 else f"{prefix}1 and {prefix}2" if L == 2 else f"{prefix}1 .. {prefix}{L}"


def _layers_hint(L):
    matrices = "matrix" if L == 1 else "matrices"
    return (f"This network has {L} weight {matrices}, {_keys('W', L)}: take them from parameters "
            "(L = nn.layer_count(parameters)), not a fixed three layers.")


def _l1_error_hint(L):
    """The hint for an exception raised on a network of ``L`` layers: a KeyError for a layer it does not have."""
    def hint(error):
        if type(error).__name__ == "KeyError" and str(error).strip("'\"")[:1] in ("W", "b"):
            return _layers_hint(L)
        return None
    return hint


def call_l1_penalty_and_gradient(c, function, parameters, lambd, m, what, announce=False):
    """Call the student's function; stop unless it returns (penalty, gradients): a number and a dict with
    dW1 .. dWL of the shapes of W1 .. WL (a db key, if any, must be zero). Returns the pair."""
    L = nn.layer_count(parameters)
    result = c.call(function, parameters, lambd, m, inputs=what, error_hint=_l1_error_hint(L))
    pair_hint = "Return the pair penalty, gradients: a float and a dict with dW1 .. dWL."
    require(c, isinstance(result, (tuple, list)) and len(result) == 2,
            f"{what}: returned a {type(result).__name__}; expected the pair (penalty, gradients).", pair_hint)
    penalty, gradients = result
    require(c, is_number(penalty), f"{what}: the penalty is a {type(penalty).__name__}; expected a float.",
            "The penalty is one number: return float(penalty).")
    require(c, isinstance(gradients, dict), f"{what}: the gradients are a {type(gradients).__name__}; expected a dict.",
            pair_hint)
    missing = [f"dW{l}" for l in range(1, L + 1) if f"dW{l}" not in gradients]
    if missing:
        named = "Name the keys dW1 .. dWL, like the gradients of the backward pass." if "W1" in gradients \
            else _layers_hint(L)
        c.fail(f"{what}: the gradients lack {', '.join(missing)}.", named, stop=True)
    for l in range(1, L + 1):
        c.require_shape(np.asarray(gradients[f"dW{l}"]), parameters[f"W{l}"].shape, f"{what}: dW{l}",
                        f"dW{l} has the shape of W{l}.")
    biases = [key for key in gradients if str(key).startswith("db") and np.any(np.asarray(gradients[key]) != 0)]
    if biases:
        c.fail(f"{what}: the gradients hold a nonzero {biases[0]}.",
               "Only the weights are penalized: return dW1 .. dWL (a db, if you return one, is 0).", stop=True)
    if announce:
        c.ok(f"{what}: returns a number and {_keys('dW', L)} of the shapes of {_keys('W', L)}")
    return penalty, gradients


def check_l1_penalty(c, penalty, expected, what, hints=()):
    """The penalty matches ``expected``; a known wrong value among ``hints`` ((value, hint) pairs) is named."""
    named = [hint for value, hint in hints if np.isclose(float(np.asarray(penalty, dtype=float)), value, rtol=1e-6)]
    c.expect_close(penalty, expected, f"{what}: the penalty", rtol=1e-7, atol=1e-12,
                   hint=named[0] if named else _L1_HINT)


def l1_gradient_hint(gradient, W, lambd, m, l):
    """What to say of a wrong dW{l} (``gradient``) of the weights ``W``, naming a known mistake when it is one."""
    hint = f"dW{l} = lambd / m * np.sign(W{l}): +lambd/m where a weight is positive, -lambd/m where it is negative."
    gradient = np.asarray(gradient, dtype=float)
    nonzero = W != 0
    known = (
        (lambd / (2 * m) * np.sign(W), (" You used lambd / (2m) * sign(W): the L1 term here is lambd / m * sum |W|, "
                                        "and its derivative lambd / m * sign(W).")),
        (lambd * np.sign(W), " You used lambd * sign(W): divide by m, the number of examples."),
        (lambd / m * W, (" That is L2's gradient, lambd / m * W: the derivative of |w| is sign(w), +1 or -1 whatever "
                         "the size of w.")),
        (lambd / m * np.abs(W), " You used lambd / m * |W|: the derivative of |w| is sign(w), not |w|."),
        (-lambd / m * np.sign(W), " You subtracted: the penalty is added to the cost, so its gradient is added too."),
    )
    for wrong, named in known:
        if lambd and np.allclose(gradient[nonzero], wrong[nonzero], rtol=1e-6, atol=1e-12):
            return hint + named
    return hint


def check_l1_gradients(c, gradients, parameters, expected, lambd, m, what):
    """dW[l] matches ``expected`` where W[l] is not 0, and is a subgradient, between -lambd/m and lambd/m, where it is."""
    L = nn.layer_count(parameters)
    comparisons = []
    for l in range(1, L + 1):
        W = parameters[f"W{l}"]
        gradient = np.asarray(gradients[f"dW{l}"], dtype=float)
        # The entries where W is 0 are judged below; here both sides hold 0 there.
        comparisons.append((np.where(W == 0, 0.0, gradient), np.where(W == 0, 0.0, expected[f"dW{l}"]),
                            f"{what}: dW{l} (where W{l} is not 0)", l1_gradient_hint(gradient, W, lambd, m, l)))
    expect_all_close(c, comparisons, f"{what}: {_keys('dW', L)} are lambd / m * sign(W) wherever W is not 0",
                     rtol=1e-7, atol=1e-12)
    at_zero = {l: np.asarray(gradients[f"dW{l}"], dtype=float)[parameters[f"W{l}"] == 0] for l in range(1, L + 1)}
    if not any(values.size for values in at_zero.values()):
        return
    bound = lambd / m * (1 + 1e-9) + 1e-12
    wrong = [(l, values) for l, values in at_zero.items() if not np.all(np.abs(values) <= bound)]
    if not wrong:
        c.ok(f"{what}: where a weight is 0, dW is a subgradient between -lambd/m and lambd/m")
        return
    l, values = wrong[0]
    hint = "At w = 0, |w| has no derivative: any value from -lambd/m to lambd/m is a subgradient; np.sign(0) is 0."
    if not np.all(np.isfinite(values)):
        hint = "W / |W| is NaN where W = 0 (0 / 0): np.sign(W) gives the sign, and 0 where the weight is 0. " + hint
    c.fail(f"{what}: where W{l} is 0, dW{l} holds {values.ravel()[0]:.4g}; expected a value from {-lambd / m:.4g} to "
           f"{lambd / m:.4g}.", hint)


@student_check
def l1_penalty_and_gradient(c, l1_penalty_and_gradient):
    what = "worked example (m = 4, lambd = 0.1)"
    penalty, gradients = call_l1_penalty_and_gradient(c, l1_penalty_and_gradient, _TINY_NETWORK, 0.1, 4, what,
                                                      announce=True)
    check_l1_penalty(c, penalty, _TINY_L1_PENALTY, what, _L1_PENALTY_HINTS)
    check_l1_gradients(c, gradients, _TINY_NETWORK, _TINY_L1_GRADIENTS, 0.1, 4, what)
    for what, parameters, lambd, m, expected_penalty, expected_gradients, first_three in _L1_OTHER_DEPTHS:
        penalty, gradients = call_l1_penalty_and_gradient(c, l1_penalty_and_gradient, parameters, lambd, m, what)
        hints = ((first_three, _layers_hint(nn.layer_count(parameters))),) if first_three else ()
        check_l1_penalty(c, penalty, expected_penalty, what, hints)
        check_l1_gradients(c, gradients, parameters, expected_gradients, lambd, m, what)
    what = "worked example with lambd = 0"
    penalty, gradients = call_l1_penalty_and_gradient(c, l1_penalty_and_gradient, _TINY_NETWORK, 0.0, 4, what)
    expect_all_close(c, [(penalty, 0.0, f"{what}: the penalty", "With lambd = 0 there is no penalty.")]
                     + [(gradients[f"dW{l}"], np.zeros(_TINY_NETWORK[f"W{l}"].shape), f"{what}: dW{l}",
                         "With lambd = 0 the gradients are 0.") for l in (1, 2, 3)],
                     f"{what}: the penalty and the gradients are 0", atol=1e-15)
