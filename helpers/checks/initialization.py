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
RNG_HINT = "Draw every random number from the `rng` argument (for example `rng.standard_normal(shape)`)."
CENTER_HINT = ("The weights are centered at 0: rng.standard_normal(shape) * std, or rng.normal(0.0, std, shape) "
               "(the first argument of rng.normal, loc, is the mean).")


def expected_shapes(layers_dims):
    """Map W1, b1, ..., WL, bL to the shapes the lecture's convention gives them."""
    shapes = {}
    for l in range(1, len(layers_dims)):
        shapes[f"W{l}"] = (layers_dims[l], layers_dims[l - 1])
        shapes[f"b{l}"] = (layers_dims[l], 1)
    return shapes


def check_structure(c, parameters, layers_dims):
    """Keys, shapes and zero biases of a parameters dict (stops at the first structural error)."""
    shapes = expected_shapes(layers_dims)
    c.require_keys(parameters, list(shapes), "parameters", "One W and one b per layer: W1, b1, ..., WL, bL.")
    c.require_shapes(parameters, shapes, f"layers_dims {list(layers_dims)}", SHAPE_HINT)
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
        (lambda dims, l: constant / dims[l - 1],
         (f"That is {constant}/n[l-1], the variance; the standard deviation is its square root, "
          f"np.sqrt({constant} / layers_dims[l - 1]).")),
    ]


@student_check
def initialize_parameters_zeros(c, initialize_parameters_zeros):
    for layers_dims in ([3, 2, 1], [5, 4, 3, 1]):
        parameters = c.call(initialize_parameters_zeros, layers_dims)
        check_structure(c, parameters, layers_dims)
        nonzero = [k for k in parameters if k.startswith("W") and np.any(parameters[k] != 0)]
        c.expect(not nonzero, "every weight is zero", f"{', '.join(nonzero)} should be all zeros.",
                 "Use np.zeros(shape) for the weights too.")


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


def stds_hint(activation, stds):
    """A hint naming the mistake that gives ``stds`` on the tiny network, else the general one."""
    try:
        stds = np.asarray(stds, dtype=float)
    except (TypeError, ValueError):
        return STDS_HINT
    expected = np.asarray(_TINY_EXPECTED[activation])
    if stds.shape != expected.shape:
        return STDS_HINT
    if activation == "tanh" and np.allclose(stds, _TINY_TANH_LAST_LINEAR, rtol=1e-6):
        return "Apply g to the last layer too: every layer, the last one included, records np.std(g(Z))."
    if np.allclose(stds, expected ** 2, rtol=1e-6):
        return "Those are variances: record np.std(A), the square root of np.var(A)."
    if np.allclose(stds, expected * np.sqrt(2), rtol=1e-6):
        return "np.std(A) divides by the number of entries (ddof=0); do not pass ddof=1."
    return STDS_HINT


@student_check
def activation_stds(c, activation_stds):
    for activation, expected in _TINY_EXPECTED.items():
        stds = c.call(activation_stds, _TINY_X, _TINY_PARAMETERS, activation=activation)
        c.require_type(stds, (list, tuple, np.ndarray), "the result", "Return a list with one std per layer.")
        c.expect(len(stds) == 2, f"{activation}: one std per layer (2 layers)",
                 f"{activation}: got {len(stds)} values for a 2-layer network; expected 2.",
                 "Append np.std(A) once per layer, for l = 1 .. L.", stop=True)
        c.expect_close(stds, expected, f"{activation}: stds", rtol=1e-6, hint=stds_hint(activation, stds))
    # With identity weights, zero biases and no nonlinearity, every layer repeats X.
    rng = np.random.default_rng(3)
    X = rng.standard_normal((6, 50)) * 2.0
    identity = {key: (np.eye(6) if key[0] == "W" else np.zeros((6, 1))) for key in ("W1", "b1", "W2", "b2", "W3", "b3")}
    stds = c.call(activation_stds, X, identity, activation="linear")
    c.expect_close(stds, [np.std(X)] * 3, "linear, identity weights: every std equals std(X)", rtol=1e-6,
                   hint="Pass the activations of one layer on as the input of the next.")
