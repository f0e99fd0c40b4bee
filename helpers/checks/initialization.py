"""Visible checks of assignment 01, Initialization.

The initializers are random, so they are checked by their properties (keys, shapes,
zero biases, the standard deviation, the mean and the shape of the distribution of each W,
reproducibility with the same rng), never by comparing against particular numbers. The
wide network has layers of very different widths, so that a scale computed from the wrong
layer size (fan-out, n_x, or Glorot's average of fan-in and fan-out) shows.
"""

import numpy as np

from helpers.checks.core import student_check

SHAPE_HINT = "W[l] has shape (n[l], n[l-1]) and b[l] has shape (n[l], 1), for l = 1 .. L = len(layers_dims) - 1."
RNG_HINT = ("Draw every random number from the `rng` argument (for example `rng.standard_normal(shape)`), "
            "not from np.random.")
CENTER_HINT = ("The weights are centered at 0: rng.standard_normal(shape) * std, or rng.normal(0.0, std, shape) "
               "(the first argument of rng.normal, loc, is the mean).")


def expected_shapes(layers_dims):
    """Map W1, b1, ..., WL, bL to the shapes the lecture's convention gives them."""
    shapes = {}
    for l in range(1, len(layers_dims)):
        shapes[f"W{l}"] = (layers_dims[l], layers_dims[l - 1])
        shapes[f"b{l}"] = (layers_dims[l], 1)
    return shapes


def keys_hint(parameters, shapes, layers_dims):
    """The hint for wrong keys; it names a loop that stops before the last layer or starts at l = 0."""
    if not isinstance(parameters, dict):
        return None
    keys = set(parameters)
    L = len(layers_dims) - 1
    if keys == set(shapes) - {f"W{L}", f"b{L}"}:
        return (f"The last layer, W{L} and b{L}, is missing: l runs from 1 to L = len(layers_dims) - 1 included, "
                "range(1, len(layers_dims)).")
    if keys == set(shapes) | {"W0", "b0"}:
        return ("W0 and b0 do not exist: the input layer has no parameters, so l starts at 1, "
                "range(1, len(layers_dims)).")
    return "One W and one b per layer: W1, b1, ..., WL, bL."


def shape_hint(parameters, shapes, layers_dims):
    """The hint for wrong shapes; it names the first wrong shape when a known mistake explains it."""
    for key, shape in shapes.items():
        got = getattr(parameters[key], "shape", None)
        if got == shape:
            continue
        l = int(key[1:])
        if key[0] == "W" and got == shape[::-1]:
            return (f"{key} is transposed: W[l] has one row per unit of layer l and one column per input, "
                    "(layers_dims[l], layers_dims[l - 1]).")
        if key[0] == "b" and got == (1, shape[0]):
            return f"{key} is a row; b[l] is a column, one entry per unit of layer l: (layers_dims[l], 1)."
        if key[0] == "b" and got == (layers_dims[l - 1], 1):
            return (f"{key} has n[l-1] = {layers_dims[l - 1]} entries, the size of the previous layer; b[l] has one "
                    "entry per unit of layer l: (layers_dims[l], 1).")
        break
    return SHAPE_HINT


def check_structure(c, parameters, layers_dims):
    """Keys, shapes and zero biases of a parameters dict (stops at the first structural error)."""
    shapes = expected_shapes(layers_dims)
    c.require_keys(parameters, list(shapes), "parameters", keys_hint(parameters, shapes, layers_dims))
    c.require_shapes(parameters, shapes, f"layers_dims {list(layers_dims)}",
                     shape_hint(parameters, shapes, layers_dims))
    nonzero = [k for k in shapes if k.startswith("b") and np.any(parameters[k] != 0)]
    c.expect(not nonzero, "biases are zero", f"{', '.join(nonzero)} should be all zeros.",
             "Biases do not need random values: the random weights already break the symmetry.")


def check_weight_scale(c, parameters, layers_dims, expected_std, hint, formula=None, mistakes=()):
    """The standard deviation, the mean and the normal shape of every W, on layers large enough to measure.

    ``expected_std(l)`` is the target std of W[l]; ``formula(l)``, if given, how it is computed.
    ``mistakes`` are pairs ``(std_of(l), hint)``: a std within 3% of a known mistake's gets that
    mistake's hint instead of ``hint``.
    """
    for l in range(1, len(layers_dims)):
        W = parameters[f"W{l}"]
        if W.size < 2000:
            continue
        std, target = float(np.std(W)), expected_std(l)
        expected = f"{formula(l)} = {target:.4g}" if formula else f"{target:.4g}"
        named = [h for std_of, h in mistakes if abs(std - std_of(l)) <= 0.03 * std_of(l)]
        if np.min(W) >= 0 and np.ptp(W) < 4 * std:
            # A normal draw of 2000 values spans about 7 stds; a uniform one sqrt(12) = 3.46 and is never negative.
            named.insert(0, f"W{l} lies in [0, {np.max(W):.4g}], with no negative entry, like a uniform draw "
                            "(rng.random); use a standard normal draw, rng.standard_normal(shape), times the scale.")
        c.expect(abs(std - target) <= 0.05 * target,
                 f"std of W{l} is {std:.4g}, expected {expected} (within 5%)",
                 f"std of W{l} is {std:.4g}; expected {expected}.", named[0] if named else hint)
        mean = float(np.mean(W))
        if abs(mean) > 0.1 * std:
            c.fail(f"the mean of W{l} is {mean:.4g}; expected about 0 (the std is {std:.4g}).", CENTER_HINT)
            continue
        inside = float(np.mean(np.abs(W) < std))
        c.expect(abs(inside - 0.6827) < 0.03,
                 f"{inside:.1%} of W{l} lies within one std of 0, as for a normal distribution centered at 0 (68.3%)",
                 f"{inside:.1%} of W{l} lies within one std of 0; a normal distribution has 68.3% there.",
                 "Use a standard normal draw (`rng.standard_normal`), not a uniform one (`rng.random`).")


def check_reproducible(c, function, layers_dims, **kwargs):
    """Same seed, same parameters; another seed, other parameters."""
    first = c.call(function, layers_dims, rng=np.random.default_rng(7), **kwargs)
    again = c.call(function, layers_dims, rng=np.random.default_rng(7), **kwargs)
    other = c.call(function, layers_dims, rng=np.random.default_rng(8), **kwargs)
    same = all(np.array_equal(first[k], again[k]) for k in first)
    c.expect(same, "the same rng seed gives the same parameters",
             "Two calls with rng seeded alike gave different parameters.", RNG_HINT)
    differ = not np.array_equal(first["W1"], other["W1"])
    c.expect(differ, "another rng seed gives other weights",
             "Two calls with differently seeded rngs gave the same W1.",
             "Do not create a generator with a fixed seed inside the function; use the `rng` you are given.")


def check_initializer(c, function, expected_std, formula, hint, mistakes=(), **kwargs):
    """Everything a random initializer must satisfy, for ``W[l]`` of std ``expected_std(dims, l)``.

    ``mistakes`` are pairs ``(std_of(dims, l), hint)`` of known wrong scales and what to say of them.
    """
    small = [5, 4, 3, 1]
    check_structure(c, c.call(function, small, rng=np.random.default_rng(0), **kwargs), small)
    # W1 is (100, 400) and W2 (250, 100): fan-in and fan-out differ 4 and 2.5 times, and n[0] is neither.
    wide = [400, 100, 250, 1]
    parameters = c.call(function, wide, rng=np.random.default_rng(1), **kwargs)
    check_structure(c, parameters, wide)
    check_weight_scale(c, parameters, wide, lambda l: expected_std(wide, l), hint, lambda l: formula(wide, l),
                       [(lambda l, std_of=std_of: std_of(wide, l), h) for std_of, h in mistakes])
    check_reproducible(c, function, small, **kwargs)


def scale_mistakes(constant):
    """Known wrong scales of an initializer whose W[l] has std sqrt(constant / n[l-1]) (He 2, Xavier 1)."""
    other, other_name, name = (1, "Xavier's", "He's") if constant == 2 else (2, "He's", "Xavier's")
    return [
        (lambda dims, l: np.sqrt(constant / dims[l]),
         (f"That is sqrt({constant}/n[l]), with the layer's own number of units (fan-out); divide by n[l-1] = "
          "layers_dims[l - 1], the number of inputs of layer l (fan-in).")),
        (lambda dims, l: np.sqrt(constant / dims[0]),
         (f"That is sqrt({constant}/n[0]) with the number of input features for every layer; layer l divides by "
          "its own number of inputs, n[l-1] = layers_dims[l - 1].")),
        (lambda dims, l: np.sqrt(2 / (dims[l - 1] + dims[l])),
         ("That is Glorot's sqrt(2 / (n[l-1] + n[l])), the average of fan-in and fan-out; this exercise uses the "
          f"fan-in only, sqrt({constant} / n[l-1]).")),
        (lambda dims, l: np.sqrt(other / dims[l - 1]),
         f"That is sqrt({other}/n[l-1]), {other_name} scale; {name} has {constant} / n[l-1] under the square root."),
        (lambda dims, l: 1.0, ("That is the std of a standard normal draw alone: multiply it by "
                               f"np.sqrt({constant} / layers_dims[l - 1]).")),
        (lambda dims, l: constant / dims[l - 1],
         (f"That is {constant}/n[l-1], the variance; the standard deviation is its square root, "
          f"np.sqrt({constant} / layers_dims[l - 1]).")),
    ]


@student_check
def initialize_parameters_zeros(c, initialize_parameters_zeros):
    for layers_dims in ([3, 2, 1], [5, 4, 3, 1]):
        parameters = c.call(initialize_parameters_zeros, layers_dims, error_hint=layers_hint)
        check_structure(c, parameters, layers_dims)
        nonzero = [k for k in parameters if k.startswith("W") and np.any(parameters[k] != 0)]
        ones = all(np.all(parameters[k] == 1) for k in nonzero)
        c.expect(not nonzero, "every weight is zero", f"{', '.join(nonzero)} should be all zeros.",
                 "Those weights are ones (np.ones): use np.zeros(shape) for the weights too." if ones
                 else "Use np.zeros(shape) for the weights too.")


def layers_hint(error):
    """The hint for an IndexError on a list: layers_dims read past its end."""
    if isinstance(error, IndexError) and "list index out of range" in str(error):
        return ("An index ran past the end of a list such as layers_dims: the network has len(layers_dims) - 1 "
                "layers, so loop over range(1, len(layers_dims)), not a fixed number of layers.")
    return None


def random_scale_mistakes(scale):
    """Known wrong scales of initialize_parameters_random(..., scale=scale) and what to say of them."""
    return [
        (lambda dims, l: 10.0, "Multiply by `scale`, the argument: 10 is only its default."),
        (lambda dims, l: np.sqrt(scale), (f"That is sqrt({scale:g}): `scale` is the standard deviation itself, "
                                          "not the variance; multiply the standard normal draw by it.")),
        (lambda dims, l: 1.0, "That is the std of a standard normal draw alone: multiply it by `scale`."),
    ]


@student_check
def initialize_parameters_random(c, initialize_parameters_random):
    for scale in (10.0, 0.5):
        check_initializer(c, initialize_parameters_random, lambda dims, l: scale, lambda dims, l: "scale",
                          "Multiply a standard normal draw by `scale` (the argument, not a fixed number).",
                          random_scale_mistakes(scale), scale=scale)


@student_check
def initialize_parameters_he(c, initialize_parameters_he):
    check_initializer(c, initialize_parameters_he, lambda dims, l: np.sqrt(2 / dims[l - 1]),
                      lambda dims, l: f"sqrt(2/{dims[l - 1]})",
                      "He scaling multiplies W[l] by sqrt(2 / n[l-1]): n[l-1] is the number of inputs of layer l.",
                      scale_mistakes(2))


@student_check
def initialize_parameters_xavier(c, initialize_parameters_xavier):
    check_initializer(c, initialize_parameters_xavier, lambda dims, l: np.sqrt(1 / dims[l - 1]),
                      lambda dims, l: f"sqrt(1/{dims[l - 1]})",
                      "Xavier scaling multiplies W[l] by sqrt(1 / n[l-1]): n[l-1] is the number of inputs of layer l.",
                      scale_mistakes(1))


# A two-layer network small enough to follow by hand:
# Z1 = [1 1] X - 1 = [3, -3] and Z2 = 2 A1 + 1, for X = [[1, -2], [3, 0]].
_TINY_X = np.array([[1.0, -2.0], [3.0, 0.0]])
_TINY_PARAMETERS = {"W1": np.array([[1.0, 1.0]]), "b1": np.array([[-1.0]]),
                    "W2": np.array([[2.0]]), "b2": np.array([[1.0]])}
_TINY_EXPECTED = {"relu": [1.5, 3.0], "linear": [3.0, 6.0], "tanh": [0.9950547536867305, 0.8761826108093449]}
# With tanh, Z2 = 2 tanh([3, -3]) + 1 has std 2 tanh(3): what a last layer without its activation gives.
_TINY_TANH_LAST_LINEAR = [0.9950547536867305, 2 * np.tanh(3.0)]
STDS_HINT = ("Each layer computes Z = W A_prev + b, then A = g(Z) with the given activation (also on the last "
             "layer), and records np.std(A) over all its entries.")


#: What known mistakes give on the tiny network, by activation (written out: the check computes no
#: activations): the stds of Z instead of A, the stds without the biases, and the std of the first
#: layer's pair (A, cache) when g(Z) is not unpacked.
_TINY_Z_STDS = {'relu': [3.0, 3.0], 'linear': [3.0, 6.0], 'tanh': [3.0, 1.990109507373461]}
_TINY_NO_BIAS_STDS = {'relu': [2.0, 4.0], 'linear': [3.0, 6.0], 'tanh': [0.981678439907442, 0.9612542982722597]}
_TINY_PAIR_STD = {'relu': 2.48746859276655, 'linear': 3.0, 'tanh': 2.2349646488070634}


def stds_hint(activation, stds):
    """A hint naming the mistake that gives ``stds`` on the tiny network, else the general one."""
    try:
        stds = np.asarray(stds, dtype=float)
    except (TypeError, ValueError):
        return STDS_HINT
    expected = np.asarray(_TINY_EXPECTED[activation])
    if stds.shape != expected.shape:
        return STDS_HINT
    if np.allclose(stds, _TINY_Z_STDS[activation], rtol=1e-6):
        return "Those are the stds of Z, before the activation: record np.std(A), with A = g(Z)."
    if np.allclose(stds, _TINY_NO_BIAS_STDS[activation], rtol=1e-6):
        return "Those are the stds without the biases: each layer computes Z = W A_prev + b."
    pair = _TINY_PAIR_STD[activation]
    if not np.isclose(pair, expected[0], rtol=1e-6) and np.isclose(stds[0], pair, rtol=1e-6):
        return ("The first std is taken over the pair (A, cache) that g returns: unpack it, A, _ = g(Z), and record "
                "np.std(A).")
    if activation == "tanh" and np.allclose(stds, _TINY_TANH_LAST_LINEAR, rtol=1e-6):
        return "Apply g to the last layer too: every layer, the last one included, records np.std(g(Z))."
    if np.allclose(stds, expected ** 2, rtol=1e-6):
        return "Those are variances: record np.std(A), the square root of np.var(A)."
    if np.allclose(stds, expected * np.sqrt(2), rtol=1e-6):
        return "np.std(A) divides by the number of entries (ddof=0); do not pass ddof=1."
    return STDS_HINT


def count_hint(stds, expected):
    """The hint for a wrong number of stds; it names a skipped last layer or a recorded input."""
    try:
        stds = np.asarray(stds, dtype=float).ravel()
    except (TypeError, ValueError):
        stds = None
    if stds is not None and len(stds) == 1 and np.isclose(stds[0], expected[0], rtol=1e-6):
        return "Only the first layer's std: the loop stops before the last layer; l runs from 1 to L included."
    if stds is not None and len(stds) == 3 and np.isclose(stds[0], np.std(_TINY_X), rtol=1e-6):
        return ("The first value is the std of the input X: record the layers' activations only, A1 .. AL, "
                "one per layer.")
    return "Append np.std(A) once per layer, for l = 1 .. L."


@student_check
def activation_stds(c, activation_stds):
    for activation, expected in _TINY_EXPECTED.items():
        stds = c.call(activation_stds, _TINY_X, _TINY_PARAMETERS, activation=activation)
        c.require_type(stds, (list, tuple, np.ndarray), "the result", "Return a list with one std per layer.")
        c.expect(len(stds) == 2, f"{activation}: one std per layer (2 layers)",
                 f"{activation}: got {len(stds)} values for a 2-layer network; expected 2.",
                 count_hint(stds, expected), stop=True)
        c.expect_close(stds, expected, f"{activation}: stds", rtol=1e-6, hint=stds_hint(activation, stds))
    # With identity weights, zero biases and no nonlinearity, every layer repeats X.
    rng = np.random.default_rng(3)
    X = rng.standard_normal((6, 50)) * 2.0
    identity = {key: (np.eye(6) if key[0] == "W" else np.zeros((6, 1))) for key in ("W1", "b1", "W2", "b2", "W3", "b3")}
    stds = c.call(activation_stds, X, identity, activation="linear")
    per_unit = np.std(X, axis=1).mean()
    named = np.size(stds) == 3 and np.allclose(np.asarray(stds, dtype=float).ravel(), per_unit, rtol=1e-6)
    c.expect_close(stds, [np.std(X)] * 3, "linear, identity weights: every std equals std(X)", rtol=1e-6,
                   hint=("That is the mean of the per-unit stds (np.std(A, axis=1).mean()): record one std over all "
                         "the entries of A, np.std(A).") if named
                   else "Pass the activations of one layer on as the input of the next.")
