"""Visible checks of assignment 04, Optimization algorithms.

The updates are checked on one small two-layer network with fixed numbers (computed once
and written here), with hyperparameters away from their defaults and state that is not
zero, so that a hard-coded default, a missing bias correction or a misplaced epsilon shows.
Optimizers may update their dicts in place and return them, or return new ones: the checks
compare what the function returns. Mini-batches are random, so they are checked by their
properties: sizes, a partition of the examples, pairs kept together, reproducibility.
"""

import numpy as np

from helpers.checks.core import student_check
from helpers.checks.initialization import expected_shapes


def _arrays(mapping):
    return {key: np.array(value, dtype=float) for key, value in mapping.items()}


# A network [2, 2, 1] with its gradients, a velocity v and a running average s of squared gradients.
PARAMETERS = _arrays({"W1": [[1.0, -2.0], [0.5, 0.0]], "b1": [[0.1], [-0.1]], "W2": [[1.5, -0.5]], "b2": [[0.0]]})
GRADS = _arrays({"dW1": [[0.5, -1.0], [2.0, 0.0]], "db1": [[0.2], [-0.4]], "dW2": [[1.0, 3.0]], "db2": [[-0.5]]})
V = _arrays({"dW1": [[0.1, 0.2], [-0.3, 0.4]], "db1": [[0.0], [0.5]], "dW2": [[-1.0, 1.0]], "db2": [[0.25]]})
S = _arrays({"dW1": [[0.04, 0.5], [1.0, 0.01]], "db1": [[0.09], [0.0]], "dW2": [[0.25, 4.0]], "db2": [[0.16]]})

# Gradient descent with learning rate 0.1.
GD_PARAMETERS = _arrays({"W1": [[0.95, -1.9], [0.3, 0.0]], "b1": [[0.08], [-0.06]], "W2": [[1.4, -0.8]],
                         "b2": [[0.05]]})
# Momentum with beta 0.8 and learning rate 0.1.
MOMENTUM_PARAMETERS = _arrays({"W1": [[0.982, -1.996], [0.484, -0.032]], "b1": [[0.096], [-0.132]],
                               "W2": [[1.56, -0.64]], "b2": [[-0.01]]})
MOMENTUM_V = _arrays({"dW1": [[0.18, -0.04], [0.16, 0.32]], "db1": [[0.04], [0.32]], "dW2": [[-0.6, 1.4]],
                      "db2": [[0.1]]})
# RMSprop with beta2 0.9 and learning rate 0.01, with epsilon 1e-8 (the default) and 0.5.
RMSPROP_S = _arrays({"dW1": [[0.061, 0.55], [1.3, 0.009]], "db1": [[0.085], [0.016]], "dW2": [[0.325, 4.5]],
                     "db2": [[0.169]]})
RMSPROP_PARAMETERS = _arrays({"W1": [[0.979755592565, -1.986516002933], [0.482458839768, 0.0]],
                              "b1": [[0.09314005683], [-0.068377225898]],
                              "W2": [[1.482458839922, -0.514142135557]], "b2": [[0.012162606089]]})
RMSPROP_PARAMETERS_EPSILON = _arrays({"W1": [[0.993306396315, -1.991946005043], [0.487806182379, 0.0]],
                                      "b1": [[0.097473304179], [-0.093615232588]],
                                      "W2": [[1.49065497166, -0.51144461419]], "b2": [[0.00548789532]]})
# The same step with epsilon inside the square root, np.sqrt(s + 0.5): what that mistake returns.
RMSPROP_PARAMETERS_EPSILON_INSIDE = _arrays({"W1": [[0.993324426627, -1.990240999271], [0.48509288015, 0.0]],
                                             "b1": [[0.097385118198], [-0.094431539536]],
                                             "W2": [[1.488990362349, -0.513416407865]], "b2": [[0.006113035888]]})
# Adam at step t = 3 with learning rate 0.02, beta1 0.7, beta2 0.95, epsilon 0.01.
ADAM_PARAMETERS = _arrays({"W1": [[0.98893117431, -1.997474513508], [0.495833691874, -0.031794278766]],
                           "b1": [[0.09769749769], [-0.12836511133]],
                           "W2": [[1.50851638641, -0.508906213735]], "b2": [[-0.000702092502]]})
# The same step with epsilon inside the square root, np.sqrt(s_corrected + 0.01): what that mistake returns.
ADAM_PARAMETERS_EPSILON_INSIDE = _arrays({"W1": [[0.988900800549, -1.997464791578], [0.495821609757, -0.030795334058]],
                                          "b1": [[0.097686877059], [-0.127234588264]],
                                          "W2": [[1.508555175947, -0.508921032317]], "b2": [[-0.000705577811]]})
ADAM_V = _arrays({"dW1": [[0.22, -0.16], [0.39, 0.28]], "db1": [[0.06], [0.23]], "dW2": [[-0.4, 1.6]],
                  "db2": [[0.025]]})
ADAM_S = _arrays({"dW1": [[0.0505, 0.525], [1.15, 0.0095]], "db1": [[0.0875], [0.008]], "dW2": [[0.2875, 4.25]],
                  "db2": [[0.1645]]})
ADAM_V_CORRECTED = _arrays({"dW1": [[0.334855403349, -0.243531202435], [0.593607305936, 0.426179604262]],
                            "db1": [[0.091324200913], [0.350076103501]],
                            "dW2": [[-0.608828006088, 2.435312024353]], "db2": [[0.038051750381]]})
ADAM_S_CORRECTED = _arrays({"dW1": [[0.35407537248, 3.680981595092], [8.06310254163, 0.066608238387]],
                            "db1": [[0.613496932515], [0.056091148116]],
                            "dW2": [[2.015775635408, 29.798422436459]], "db2": [[1.153374233129]]})

RETURN_HINT = "Return the updated dict (in place or a new one) with the same keys as the parameters."
ADAM_RETURN_HINT = ("Return this step's corrected moments too, after v and s: `return parameters, v, s, v_corrected, "
                    "s_corrected` (some versions of this exercise return only parameters, v and s).")
EPSILON_INSIDE_HINT = ("epsilon is added AFTER the square root: divide by (np.sqrt(s) + epsilon), not by "
                       "np.sqrt(s + epsilon). The two differ as soon as epsilon is not tiny.")
RNG_HINT = "Draw the permutation from the `rng` argument (rng.permutation(m)), not from np.random."


def random_parameters(layers_dims, rng, prefix=""):
    """Random arrays of the parameters' shapes, under the keys prefix + W1, prefix + b1, ..."""
    return {prefix + key: rng.standard_normal(shape) for key, shape in expected_shapes(layers_dims).items()}


def expect_dict_close(c, actual, expected, what, hint=None, rtol=1e-7, atol=1e-10, stop=True):
    """One verdict: ``actual`` is a dict with the keys and shapes of ``expected`` and close values.

    A wrong type, key or shape always stops the check; wrong values stop it unless ``stop`` is False.
    Returns True if every entry matches.
    """
    c.require_type(actual, dict, what, RETURN_HINT)
    if set(actual) != set(expected):
        c.fail(f"{what} has the keys {sorted(actual)}; expected {sorted(expected)}.", RETURN_HINT, stop=True)
    for key in expected:
        c.require_shape(actual[key], expected[key].shape, f"{what}[{key!r}]", hint)
    wrong = [key for key in expected
             if not np.allclose(np.asarray(actual[key], dtype=float), expected[key], rtol=rtol, atol=atol)]
    if wrong:
        return c.expect_close(actual[wrong[0]], expected[wrong[0]], f"{what}[{wrong[0]!r}]", rtol=rtol, atol=atol,
                              hint=hint, stop=stop)
    c.ok(f"{what}: every entry matches ({', '.join(expected)})")
    return True


def dict_matches(actual, expected, rtol=1e-7, atol=1e-10):
    """True if ``actual`` is a dict with the keys and shapes of ``expected`` and close values (no verdict)."""
    return (isinstance(actual, dict) and set(actual) == set(expected)
            and all(np.shape(actual[key]) == expected[key].shape
                    and np.allclose(np.asarray(actual[key], dtype=float), expected[key], rtol=rtol, atol=atol)
                    for key in expected))


def expect_dict_naming(c, actual, expected, what, mistakes, hint=None, stop=True):
    """``expect_dict_close``, except that a dict equal to what a known mistake returns fails with its name.

    ``mistakes`` is a sequence of (dict the mistake returns, what it does, hint).
    """
    if not dict_matches(actual, expected):
        for value, mistake, mistake_hint in mistakes:
            if dict_matches(actual, value):
                return c.fail(f"{what}: {mistake}", mistake_hint, stop=stop)
    return expect_dict_close(c, actual, expected, what, hint, stop=stop)


def _entrywise(function, *dicts):
    """The dict of function(first[key], second[key], ...) over the keys of the first dict."""
    return {key: function(*(d[key] for d in dicts)) for key in dicts[0]}


def _by_parameter(mapping):
    """A dict of gradients or moments (keys dW1, ...) under the parameters' keys (W1, ...)."""
    return {key[1:]: value for key, value in mapping.items()}


def check_result_tuple(c, result, length, names, hint=None):
    """Stop unless the function returned a tuple (or list) of ``length`` items."""
    c.require_type(result, (tuple, list), "the result", f"Return the tuple ({', '.join(names)}).")
    if len(result) != length:
        c.fail(f"returned {len(result)} value{'s' if len(result) != 1 else ''}; expected {length}: {', '.join(names)}.",
               hint or f"End with `return {', '.join(names)}`, in this order.", stop=True)


# ----- gradient descent ------------------------------------------------------------------
@student_check
def update_parameters_with_gd(c, update_parameters_with_gd):
    result = c.call(update_parameters_with_gd, PARAMETERS, GRADS, 0.1, may_modify_inputs=True)
    grads = _by_parameter(GRADS)
    mistakes = [
        (_entrywise(lambda p, g: p + 0.1 * g, PARAMETERS, grads),
         "every parameter moved WITH its gradient, p + learning_rate * dp.",
         "Gradient descent steps against the gradient: p = p - learning_rate * dp."),
        (_entrywise(lambda p, g: p - 0.01 * g, PARAMETERS, grads),
         "the parameters moved as with learning rate 0.01, not with the learning_rate argument 0.1.",
         "Use the learning_rate argument, not a number written in the function."),
        ({**GD_PARAMETERS, "b1": PARAMETERS["b1"], "b2": PARAMETERS["b2"]},
         "the weights moved but the biases b1 and b2 did not.",
         "Update every parameter, biases included: loop over all the keys of parameters."),
        ({**GD_PARAMETERS, "W2": PARAMETERS["W2"], "b2": PARAMETERS["b2"]},
         "the first layer moved but the last layer (W2, b2) did not.",
         "Update every layer, the last one included: loop over all the keys of parameters."),
    ]
    expect_dict_naming(c, result, GD_PARAMETERS, "learning rate 0.1, network [2, 2, 1]", mistakes,
                       "Each parameter p becomes p - learning_rate * grads['d' + name of p], biases included.")
    # With the gradients equal to the parameters, every parameter shrinks by the factor (1 - learning_rate).
    parameters = random_parameters([4, 3, 2, 1], np.random.default_rng(0))
    grads = {"d" + key: value.copy() for key, value in parameters.items()}
    result = c.call(update_parameters_with_gd, parameters, grads, 0.25, may_modify_inputs=True)
    expect_dict_close(c, result, {key: 0.75 * value for key, value in parameters.items()},
                      "learning rate 0.25, network [4, 3, 2, 1], grads equal to the parameters",
                      "Update every layer (do not assume two layers) and use the learning_rate argument.")


# ----- mini-batches ------------------------------------------------------------------------
def reshape_hint(Y):
    """``error_hint`` for a call with labels ``Y``: a failed reshape of Y (ported from one-row labels) gets a hint."""
    def hint(error):
        if Y.shape[0] > 1 and type(error).__name__ == "ValueError" and "reshape" in str(error):
            return (f"Y has n_y = {Y.shape[0]} rows here. Select its columns like those of X, Y[:, permutation] and "
                    "Y_shuffled[:, start:end], and do not reshape it to (1, m): that works only for one row of labels.")
        return None
    return hint


def check_mini_batches(c, random_mini_batches, X, Y, mini_batch_size, seed):
    """Sizes, shapes, partition and pairing of the mini-batches of (X, Y), whose X[0] holds 0 .. m-1."""
    m = X.shape[1]
    kwargs = {} if mini_batch_size is None else {"mini_batch_size": mini_batch_size}
    size = 64 if mini_batch_size is None else mini_batch_size
    batches = c.call(random_mini_batches, X, Y, rng=np.random.default_rng(seed), error_hint=reshape_hint(Y), **kwargs)
    label = (f"m = {m}, n_y = {Y.shape[0]}, mini_batch_size = {size}"
             f"{' (the default)' if mini_batch_size is None else ''}")
    c.require_type(batches, (list, tuple), "the result", "Return a list of pairs (X_t, Y_t).")
    if not all(isinstance(b, (tuple, list)) and len(b) == 2 for b in batches):
        c.fail("every item of the list should be a pair (X_t, Y_t).", "Append tuples `(X_t, Y_t)`.", stop=True)
    expected_sizes = [size] * (m // size) + ([m % size] if m % size else [])
    sizes = [np.shape(X_t)[1] if np.ndim(X_t) == 2 else None for X_t, _ in batches]
    size_hint = ("Take consecutive slices of mini_batch_size columns; only the last one may be smaller, and no batch "
                 "is empty.")
    if sizes == expected_sizes[:-1] and m % size:
        c.fail(f"{label}: the batches have sizes {sizes}; the last, smaller batch of the {m % size} examples left "
               f"over is missing (expected {expected_sizes}).",
               "Keep the last, smaller batch: let start run over range(0, m, mini_batch_size); the last slice "
               "start:start + mini_batch_size simply holds fewer columns.", stop=True)
    if sizes == expected_sizes + [0]:
        c.fail(f"{label}: the batches have sizes {sizes}; the last batch is empty (m is a multiple of "
               f"mini_batch_size here, so no smaller batch is left over).", size_hint, stop=True)
    if sizes != expected_sizes and sizes == [64] * (m // 64) + ([m % 64] if m % 64 else []):
        c.fail(f"{label}: the batches have sizes {sizes}, those of the default size 64, not of mini_batch_size = "
               f"{size}.", "Slice with the mini_batch_size argument, not with the number 64.", stop=True)
    c.expect(sizes == expected_sizes, f"{label}: batch sizes {sizes}",
             f"{label}: the batches have sizes {sizes}; expected {expected_sizes}.",
             size_hint, stop=True)
    for X_t, Y_t in batches:
        c.require_shape(X_t, (X.shape[0], X_t.shape[1]), f"{label}: X_t",
                        "Slice columns: X_t = X_shuffled[:, start:end].")
        c.require_shape(Y_t, (Y.shape[0], X_t.shape[1]), f"{label}: Y_t",
                        f"Y_t keeps every row of Y (n_y = {Y.shape[0]} here): Y_t = Y_shuffled[:, start:end], "
                        "without reshaping.")
    ids = np.concatenate([X_t[0] for X_t, _ in batches]).astype(int)
    if len(ids) == m and len(set(ids.tolist())) < m:
        c.fail(f"{label}: {m - len(set(ids.tolist()))} examples appear in no batch while others appear more than "
               "once, as when the indices are drawn with replacement.",
               "Shuffle with a permutation, rng.permutation(m), which holds every index 0 .. m-1 exactly once.",
               stop=True)
    c.expect(np.array_equal(np.sort(ids), np.arange(m)), f"{label}: every example is in exactly one batch",
             f"{label}: the batches do not hold every example exactly once.",
             "Shuffle with one permutation of 0 .. m-1, then cut the shuffled data into slices.", stop=True)
    X_all = np.concatenate([X_t for X_t, _ in batches], axis=1)
    Y_all = np.concatenate([Y_t for _, Y_t in batches], axis=1)
    c.expect(np.array_equal(X_all, X[:, ids]) and np.array_equal(Y_all, Y[:, ids]),
             f"{label}: every column of X_t keeps its own label in Y_t",
             f"{label}: some columns of X_t no longer sit next to their labels in Y_t.",
             "Reorder X and Y with the same permutation.", stop=True)
    if m >= 10:
        c.expect(not np.array_equal(ids, np.arange(m)), f"{label}: the examples are shuffled",
                 f"{label}: the examples come out in their original order.",
                 "Shuffle first: X[:, permutation] with permutation = rng.permutation(m).")
    return ids


def numbered_data(n_x, n_y, m, rng):
    """X of shape (n_x, m) whose first row numbers the examples 0 .. m-1, and labels Y (n_y, m)."""
    X = np.vstack([np.arange(m, dtype=float), rng.standard_normal((n_x - 1, m))])
    Y = rng.integers(0, 2, size=(n_y, m))
    return X, Y


def batch_order(c, random_mini_batches, X, Y, mini_batch_size, seed):
    """The example numbers X[0] in the order the batches hold them (structure already checked)."""
    batches = c.call(random_mini_batches, X, Y, mini_batch_size, rng=np.random.default_rng(seed),
                     error_hint=reshape_hint(Y))
    return np.concatenate([X_t[0] for X_t, _ in batches]).astype(int)


@student_check
def random_mini_batches(c, random_mini_batches):
    rng = np.random.default_rng(4)
    X, Y = numbered_data(3, 1, 150, rng)
    first = check_mini_batches(c, random_mini_batches, X, Y, 32, seed=0)
    c.expect(np.array_equal(first, batch_order(c, random_mini_batches, X, Y, 32, seed=0)),
             "the same rng seed gives the same batches", "Two calls with rng seeded alike gave different batches.",
             RNG_HINT)
    c.expect(not np.array_equal(first, batch_order(c, random_mini_batches, X, Y, 32, seed=1)),
             "another rng seed gives another shuffle", "Two calls with differently seeded rngs gave the same batches.",
             "Use the `rng` you are given, as it is: no np.random.seed(...) and no generator with a fixed seed "
             "inside the function (the caller seeds rng).")
    check_mini_batches(c, random_mini_batches, X, Y, None, seed=2)
    X, Y = numbered_data(2, 3, 128, rng)
    check_mini_batches(c, random_mini_batches, X, Y, 32, seed=3)


# ----- exponentially weighted averages ----------------------------------------------------------------
def expect_close_naming(c, actual, expected, what, mistakes, hint):
    """``c.expect_close``, except that a value equal to what a known mistake returns fails with its name.

    ``mistakes`` is a sequence of (value the mistake returns, what it does, hint).
    """
    expected = np.asarray(expected, dtype=float)
    try:
        actual_array = np.asarray(actual, dtype=float) if np.shape(actual) == expected.shape else None
    except (TypeError, ValueError):
        actual_array = None
    if actual_array is not None:
        if not np.allclose(actual_array, expected, rtol=1e-6, atol=1e-9):
            for value, mistake, mistake_hint in mistakes:
                if np.allclose(actual_array, value, rtol=1e-9, atol=1e-12):
                    return c.fail(f"{what}: your averages {mistake}", mistake_hint)
    return c.expect_close(actual, expected, what, hint=hint)


@student_check
def exponentially_weighted_average(c, exponentially_weighted_average):
    values = np.array([10.0, 20.0, 30.0])
    averages = c.call(exponentially_weighted_average, values, 0.5)
    c.require_shape(np.asarray(averages) if isinstance(averages, list) else averages, (3,),
                    "exponentially_weighted_average([10, 20, 30], 0.5)",
                    "Return one average per value, as an array of shape (T,).")
    expect_close_naming(c, averages, [5.0, 12.5, 21.25], "averages of [10, 20, 30] with beta 0.5",
                        [([10.0, 15.0, 22.5], "start from V = 10, the first value, instead of V = 0.",
                          "V starts at 0 (that start is what bias correction makes up for)."),
                         ([10.0, 12.5 / 0.75, 21.25 / 0.875], "are bias-corrected although bias_correction is False.",
                          "Divide by 1 - beta**t only when bias_correction is True.")],
                        "Start from V = 0; then V = beta * V + (1 - beta) * value for each value in turn, "
                        "recording every V.")
    corrected = c.call(exponentially_weighted_average, values, 0.5, bias_correction=True)
    expect_close_naming(c, corrected, [10.0, 12.5 / 0.75, 21.25 / 0.875],
                        "bias-corrected averages of [10, 20, 30] with beta 0.5",
                        [([5.0 / 0.75, 12.5 / 0.875, 21.25 / 0.9375],
                          "are divided by 1 - beta**(t + 1): the exponent is one too large.",
                          "The first value has t = 1: divide V_1 by 1 - beta, V_2 by 1 - beta**2, ..."),
                         ([10.0, 20.0, 25.0 / 0.875],
                          "continue the recursion from the corrected value: V itself was overwritten by "
                          "V / (1 - beta**t).",
                          "Keep the recursion on the uncorrected V; store the corrected value separately.")],
                        "Divide V_t by 1 - beta**t with t = 1 for the first value; keep the recursion "
                        "on the uncorrected V.")
    series = np.random.default_rng(5).standard_normal(12)
    c.expect_close(c.call(exponentially_weighted_average, series, 0.0), series,
                   "averages with beta 0 (the values themselves)", hint="With beta = 0, V_t = theta_t.")
    constant = np.full(40, 7.0)
    c.expect_close(c.call(exponentially_weighted_average, constant, 0.9, bias_correction=True), constant,
                   "bias-corrected averages of a constant 7 (7 from the first value on)",
                   hint="The weights of V_t sum to 1 - beta**t: that is what bias correction divides by.")
    expect_close_naming(c, c.call(exponentially_weighted_average, constant, 0.9), 7.0 * (1 - 0.9 ** np.arange(1, 41)),
                        "uncorrected averages of a constant 7 (7 * (1 - 0.9**t))",
                        [(7.0 * (1 - 0.1 ** np.arange(1, 41)),
                          "are 7 * (1 - 0.1**t): the value got the weight beta and V the weight 1 - beta.",
                          "V = beta * V + (1 - beta) * value: beta weighs the running average, 1 - beta the new "
                          "value.")],
                        "Without correction, return V_t itself.")


# ----- state initializers ---------------------------------------------------------------------
def check_zero_state(c, state, parameters, what):
    """``state`` has a zero array d<key> of the shape of every parameter, sharing no memory with it."""
    expected = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    c.require_type(state, dict, what, "Return a dict.")
    if set(state) == set(parameters):
        c.fail(f"{what} has the keys {sorted(state)}, the parameters' own names; expected {sorted(expected)}, "
               "with the d prefix.", "The entry for parameter W1 is called 'dW1', like its gradient.", stop=True)
    missing = sorted(set(expected) - set(state))
    if set(state) < set(expected) and all(key.startswith("db") for key in missing):
        c.fail(f"{what} has no entries for the biases ({', '.join(missing)}); expected {sorted(expected)}.",
               "Every parameter gets an entry, the biases too: loop over all of parameters.items().", stop=True)
    if set(state) != set(expected):
        c.fail(f"{what} has the keys {sorted(state)}; expected {sorted(expected)}.",
               "The entry for parameter W1 is called 'dW1', like its gradient.", stop=True)
    for key, zeros in expected.items():
        shape, want = np.shape(state[key]), zeros.shape
        known = {want[::-1]: "the transpose of its parameter's shape", (zeros.size,): "a flat vector",
                 (want[0], 1): "the shape (n, 1) of a bias"}
        if shape != want and known.get(shape):
            c.fail(f"{what}[{key!r}] has shape {shape}, {known[shape]}; expected {want}, the shape of {key[1:]}.",
                   "Each entry has the shape of its parameter: np.zeros_like(parameters[key]).", stop=True)
        c.require_shape(state[key], zeros.shape, f"{what}[{key!r}]",
                        "Each entry has the shape of its parameter: np.zeros_like(parameters[key]).")
    nonzero = [key for key in expected if np.any(state[key] != 0)]
    if nonzero and all(np.array_equal(state[key], parameters[key[1:]]) for key in expected):
        c.fail(f"{what}: {', '.join(nonzero)} hold the parameters' values (dW1 equals W1, ...), not zeros.",
               "Start from zeros, np.zeros_like(value), not from the parameters themselves.")
    elif nonzero and all(np.all(state[key] == 1) for key in expected):
        c.fail(f"{what}: {', '.join(nonzero)} are all ones, not zeros.",
               "Start from zeros: np.zeros_like(...), not np.ones.")
    else:
        c.expect(not nonzero, f"{what}: keys {', '.join(expected)}, zeros of the parameters' shapes",
                 f"{what}: {', '.join(nonzero)} should be all zeros.", "Start from zeros: np.zeros_like(...).")
    shared = [key for key in expected if np.shares_memory(state[key], parameters[key[1:]])]
    c.expect(not shared, f"{what}: new arrays, not the parameters' own",
             f"{what}: {', '.join(shared)} is the parameter's own array.",
             "Create new arrays with np.zeros_like; do not reuse the parameters.")


def check_initializer(c, function, returns_pair=False):
    for dims in ([2, 2, 1], [5, 4, 3, 1]):
        parameters = random_parameters(dims, np.random.default_rng(len(dims)))
        result = c.call(function, parameters)
        if returns_pair:
            check_result_tuple(c, result, 2, ("v", "s"))
            check_zero_state(c, result[0], parameters, f"v for {dims}")
            check_zero_state(c, result[1], parameters, f"s for {dims}")
            shared = [key for key in result[0] if np.shares_memory(result[0][key], result[1][key])]
            c.expect(result[0] is not result[1] and not shared,
                     f"{dims}: v and s are separate dicts of separate arrays",
                     f"{dims}: v and s share {', '.join(shared) or 'the same dict'}; an update of one would "
                     "change the other.", "Create two dicts, each with its own np.zeros_like arrays.")
        else:
            check_zero_state(c, result, parameters, f"the result for {dims}")


@student_check
def initialize_velocity(c, initialize_velocity):
    check_initializer(c, initialize_velocity)


@student_check
def initialize_rmsprop(c, initialize_rmsprop):
    check_initializer(c, initialize_rmsprop)


@student_check
def initialize_adam(c, initialize_adam):
    check_initializer(c, initialize_adam, returns_pair=True)


# ----- momentum, RMSprop, Adam ------------------------------------------------------------------------
@student_check
def update_parameters_with_momentum(c, update_parameters_with_momentum):
    result = c.call(update_parameters_with_momentum, PARAMETERS, GRADS, V, 0.8, 0.1, may_modify_inputs=True)
    check_result_tuple(c, result, 2, ("parameters", "v"))
    parameters, v = result
    v_mistakes = [(value, f"is {mistake}", hint) for value, mistake, hint in [
        (_entrywise(lambda v, g: 0.8 * v + g, V, GRADS), "beta * v + grads: the factor 1 - beta of the gradient "
         "is missing.", "v['dW1'] = beta * v['dW1'] + (1 - beta) * grads['dW1']."),
        (_entrywise(lambda v, g: 0.2 * v + 0.8 * g, V, GRADS), "(1 - beta) * v + beta * grads: beta and 1 - beta "
         "are swapped.", "beta weighs the old velocity, 1 - beta the new gradient: v = beta * v + (1 - beta) * dW."),
        (_entrywise(lambda v, g: 0.9 * v + 0.1 * g, V, GRADS), "computed with beta 0.9, not with the beta argument "
         "0.8.", "Use the beta argument, not the number 0.9."),
    ]]
    expect_dict_naming(c, v, MOMENTUM_V, "v after one step (beta 0.8, v not zero)", v_mistakes,
                       "v['dW1'] = beta * v['dW1'] + (1 - beta) * grads['dW1'], and the same for every key.")
    step_mistakes = [
        (GD_PARAMETERS, "they are those of a plain gradient step, W - learning_rate * dW: the velocity is not used.",
         "Step with the new velocity: W = W - learning_rate * v['dW'], not with the gradient."),
        (_entrywise(lambda p, v: p - 0.1 * v, PARAMETERS, _by_parameter(V)),
         "they are those of a step with the OLD velocity, the v passed in.",
         "Update v first, then step with the new v: W = W - learning_rate * v['dW']."),
    ]
    expect_dict_naming(c, parameters, MOMENTUM_PARAMETERS, "parameters after one step (learning rate 0.1)",
                       step_mistakes,
                       "Step with the NEW velocity: W = W - learning_rate * v['dW'] (not with the gradient).")


@student_check
def update_parameters_with_rmsprop(c, update_parameters_with_rmsprop):
    result = c.call(update_parameters_with_rmsprop, PARAMETERS, GRADS, S, 0.9, 0.01, may_modify_inputs=True)
    check_result_tuple(c, result, 2, ("parameters", "s"))
    parameters, s = result
    expect_dict_naming(c, s, RMSPROP_S, "s after one step (beta2 0.9, s not zero)",
                       [(_entrywise(lambda s, g: 0.9 * s + 0.1 * np.abs(g), S, GRADS),
                         "is an average of |dW|, not of dW ** 2.", "Average the SQUARED gradient: grads['dW1'] ** 2.")],
                       "s['dW1'] = beta2 * s['dW1'] + (1 - beta2) * grads['dW1'] ** 2 (the square of the gradient).")
    # Not stopping here: the case with a large epsilon below shows where a small difference comes from.
    grads = _by_parameter(GRADS)
    step_mistakes = [
        (_entrywise(lambda p, g, s: p - 0.01 * g / (s + 1e-8), PARAMETERS, grads, _by_parameter(RMSPROP_S)),
         "they are those of dW divided by s + epsilon: the square root of s is missing.",
         "Divide by the root mean square: np.sqrt(s['dW']) + epsilon."),
        (_entrywise(lambda p, g, s: p - 0.01 * g / (np.sqrt(s) + 1e-8), PARAMETERS, grads, _by_parameter(S)),
         "they are those of a step with the OLD s, the one passed in.", "Update s first, then step with the new s."),
    ]
    expect_dict_naming(c, parameters, RMSPROP_PARAMETERS, "parameters after one step (learning rate 0.01)",
                       step_mistakes,
                       "W = W - learning_rate * dW / (np.sqrt(s['dW']) + epsilon), with the new s and epsilon "
                       "after the square root.", stop=False)
    result = c.call(update_parameters_with_rmsprop, PARAMETERS, GRADS, S, 0.9, 0.01, epsilon=0.5,
                    may_modify_inputs=True)
    check_result_tuple(c, result, 2, ("parameters", "s"))
    if dict_matches(result[0], RMSPROP_PARAMETERS_EPSILON_INSIDE):
        c.fail("parameters with epsilon = 0.5 are those of W - learning_rate * dW / np.sqrt(s + epsilon): "
               "epsilon went inside the square root.", EPSILON_INSIDE_HINT, stop=True)
    if dict_matches(result[0], RMSPROP_PARAMETERS):
        c.fail("parameters with epsilon = 0.5 are those of epsilon = 1e-8: the epsilon argument is not used.",
               "Use the epsilon argument, not the number 1e-8.", stop=True)
    expect_dict_close(c, result[0], RMSPROP_PARAMETERS_EPSILON, "parameters with epsilon = 0.5",
                      "Use the epsilon argument, added after the square root: np.sqrt(s) + epsilon.")


@student_check
def update_parameters_with_adam(c, update_parameters_with_adam):
    result = c.call(update_parameters_with_adam, PARAMETERS, GRADS, V, S, 3, learning_rate=0.02, beta1=0.7,
                    beta2=0.95, epsilon=0.01, may_modify_inputs=True)
    names = ("parameters", "v", "s", "v_corrected", "s_corrected")
    check_result_tuple(c, result, 5, names, ADAM_RETURN_HINT)
    parameters, v, s, v_corrected, s_corrected = result
    setting = "t = 3, beta1 0.7, beta2 0.95"
    expect_dict_naming(c, v, ADAM_V, f"v ({setting})",
                       [(_entrywise(lambda v, g: 0.9 * v + 0.1 * g, V, GRADS),
                         "is computed with beta1 = 0.9, the default, not with the beta1 argument 0.7.",
                         "Use the arguments beta1 and beta2, not their default values written as numbers."),
                        (ADAM_V_CORRECTED, "holds the bias-corrected average v_corrected.",
                         "Keep v (and s) uncorrected: the correction goes into v_corrected and s_corrected only.")],
                       "v = beta1 * v + (1 - beta1) * dW, with the beta1 argument; v itself stays uncorrected.")
    expect_dict_close(c, s, ADAM_S, f"s ({setting})",
                      "s = beta2 * s + (1 - beta2) * dW ** 2, with the beta2 argument; s itself stays uncorrected.")
    expect_dict_naming(c, v_corrected, ADAM_V_CORRECTED, f"v_corrected ({setting})",
                       [(ADAM_V, "equals v: the bias correction is missing.",
                         "v_corrected = v / (1 - beta1 ** t), and s_corrected = s / (1 - beta2 ** t)."),
                        (_entrywise(lambda v: v / (1 - 0.7 ** 4), ADAM_V),
                         "is v / (1 - beta1 ** (t + 1)): the step number is one too large.",
                         "t counts the steps from 1: use t as you are given it, v / (1 - beta1 ** t).")],
                       "v_corrected = v / (1 - beta1 ** t), with the step number t you are given.")
    expect_dict_naming(c, s_corrected, ADAM_S_CORRECTED, f"s_corrected ({setting})",
                       [(_entrywise(lambda s: s / (1 - 0.7 ** 3), ADAM_S),
                         "is s / (1 - beta1 ** t): corrected with beta1 instead of beta2.",
                         "s_corrected = s / (1 - beta2 ** t): beta2 here, not beta1.")],
                       "s_corrected = s / (1 - beta2 ** t): beta2 here, not beta1.")
    if dict_matches(parameters, ADAM_PARAMETERS_EPSILON_INSIDE):
        c.fail("parameters (learning rate 0.02, epsilon 0.01) are those of a step divided by "
               "np.sqrt(s_corrected + epsilon): epsilon went inside the square root.", EPSILON_INSIDE_HINT, stop=True)
    expect_dict_naming(c, parameters, ADAM_PARAMETERS, "parameters (learning rate 0.02, epsilon 0.01)",
                       [(_entrywise(lambda p, v, s: p - 0.02 * v / (np.sqrt(s) + 0.01), PARAMETERS,
                                    _by_parameter(ADAM_V), _by_parameter(ADAM_S_CORRECTED)),
                         "they are those of a step with the uncorrected v (and s_corrected).",
                         "Step with both corrected moments: learning_rate * v_corrected / (np.sqrt(s_corrected) + "
                         "epsilon).")],
                       "W = W - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon).")
    # From zero moments, the first step moves every parameter by almost exactly the learning rate.
    parameters = random_parameters([3, 4, 1], np.random.default_rng(6))
    grads = random_parameters([3, 4, 1], np.random.default_rng(7), prefix="d")
    zeros = {key: np.zeros_like(value) for key, value in grads.items()}
    result = c.call(update_parameters_with_adam, parameters, grads, zeros, {k: z.copy() for k, z in zeros.items()}, 1,
                    may_modify_inputs=True)
    check_result_tuple(c, result, 5, names, ADAM_RETURN_HINT)
    moved = {key: value - 0.01 * np.sign(grads["d" + key]) for key, value in parameters.items()}
    expect_dict_close(c, result[0], moved,
                      "first step from zero moments with the defaults: every parameter moves by 0.01 against its "
                      "gradient", "At t = 1 the bias correction turns v into dW and s into dW ** 2, so the step is "
                                  "learning_rate * dW / |dW|. Check the corrections and the default arguments.",
                      rtol=1e-5, atol=1e-8)


# ----- learning-rate decay ---------------------------------------------------------------------
def expect_rate(c, function, args, expected, hint, mistakes=(), error_hint=None):
    """One verdict: function(*args) returns a number close to ``expected``.

    ``mistakes`` is a sequence of (function of args giving what a known mistake returns, what it does, hint):
    a rate equal to what exactly one of them returns (and not to ``expected``) fails with its name.
    ``error_hint`` is the hint shown if the function raises.
    """
    rate = c.call(function, *args, error_hint=error_hint)
    if np.ndim(rate) != 0 or not isinstance(np.asarray(rate).item(), (int, float)):
        c.fail(f"{function.__name__}{args} returned {rate!r}; expected one number.", "Return a float.", stop=True)
    value = float(np.asarray(rate).item())
    if not np.isclose(value, expected, rtol=1e-9, atol=0):
        matching = [(mistake, mistake_hint) for wrong, mistake, mistake_hint in mistakes
                    if np.isclose(value, wrong(*args), rtol=1e-9, atol=1e-15)]
        if len(matching) == 1:
            return c.fail(f"{function.__name__}{args} is {value:.6g}; expected {expected:.6g}. {matching[0][0]}",
                          matching[0][1])
    c.expect_close(rate, expected, f"{function.__name__}{args}", rtol=1e-9, hint=hint)


@student_check
def update_lr(c, update_lr):
    hint = "learning_rate0 / (1 + decay_rate * epoch_num): mind the parentheses."
    mistakes = [
        (lambda rate, epoch, decay: rate / (1 + decay) * epoch,
         "That is learning_rate0 / (1 + decay_rate) * epoch_num: the epoch multiplies the rate.",
         "The epoch goes into the denominator: learning_rate0 / (1 + decay_rate * epoch_num)."),
        (lambda rate, epoch, decay: rate / (1 + decay) ** epoch,
         "That is learning_rate0 / (1 + decay_rate) ** epoch_num, a division by 1 + decay_rate at every epoch.",
         "Inverse-time decay divides once by 1 + decay_rate * epoch_num, which grows linearly with the epoch."),
        (lambda rate, epoch, decay: rate / (1 + decay * (epoch + 1)),
         "That is the rate of epoch_num + 1: the epochs are counted from 1.",
         "Epoch 0 gives learning_rate0 itself: use epoch_num as it is."),
    ]
    for epoch, expected in ((0, 0.2), (1, 0.1), (2, 0.2 / 3), (3, 0.05), (4, 0.04)):
        expect_rate(c, update_lr, (0.2, epoch, 1.0), expected, hint, mistakes)
    expect_rate(c, update_lr, (0.01, 10, 0.5), 0.01 / 6, hint, mistakes)


@student_check
def schedule_lr_decay(c, schedule_lr_decay):
    hint = "Count the whole intervals completed, floor(epoch_num / time_interval), and use it in place of epoch_num."
    mistakes = [
        (lambda rate, epoch, decay, interval: rate / (1 + decay * epoch / interval),
         "That is learning_rate0 / (1 + decay_rate * epoch_num / time_interval), without the floor: the rate decays "
         "continuously instead of in steps.", hint),
        (lambda rate, epoch, decay, interval: rate / (1 + decay * np.round(epoch / interval)),
         "That is the rate with epoch_num / time_interval rounded to the nearest whole number instead of floored.",
         "Round DOWN: np.floor(epoch_num / time_interval) counts only the intervals completed."),
        (lambda rate, epoch, decay, interval: rate / (1 + decay * np.floor(epoch / 1000)),
         "That is the rate for a time_interval of 1000, not of the time_interval argument.",
         "Use the time_interval argument (1000 is only its default)."),
        (lambda rate, epoch, decay, interval: rate * (1 + decay * np.floor(epoch / interval)),
         "That is learning_rate0 MULTIPLIED by 1 + decay_rate * floor(epoch_num / time_interval): the rate grows.",
         "Divide: learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval))."),
    ]
    for epoch, expected in ((0, 0.5), (99, 0.5), (100, 0.5 / 1.3), (250, 0.5 / 1.6)):
        expect_rate(c, schedule_lr_decay, (0.5, epoch, 0.3, 100), expected, hint, mistakes)
    for epoch, expected in ((999, 0.1), (1000, 0.1 / 3), (2500, 0.1 / 5)):
        expect_rate(c, schedule_lr_decay, (0.1, epoch, 2.0), expected, "The default time_interval is 1000.")


@student_check
def exponential_lr_decay(c, exponential_lr_decay):
    hint = "learning_rate0 * base ** epoch_num, with epoch 0 giving learning_rate0 itself."
    mistakes = [
        (lambda rate, epoch, base=0.95: rate * 0.95 ** epoch,
         "That is the rate for base 0.95, the default, not for the base argument.", "Use the base argument."),
        (lambda rate, epoch, base=0.95: rate * base * epoch,
         "That is learning_rate0 * base * epoch_num: base times the epoch instead of base to the power epoch.",
         "Raise base to the power epoch_num: learning_rate0 * base ** epoch_num."),
        (lambda rate, epoch, base=0.95: rate * base ** (epoch + 1),
         "That is the rate of epoch_num + 1: the epochs are counted from 1.",
         "Epoch 0 gives learning_rate0 itself: learning_rate0 * base ** epoch_num."),
    ]
    for epoch, expected in ((0, 0.1), (1, 0.095), (10, 0.1 * 0.95 ** 10)):
        expect_rate(c, exponential_lr_decay, (0.1, epoch), expected, hint, mistakes)
    expect_rate(c, exponential_lr_decay, (0.4, 3, 0.5), 0.05, "Use the base argument.", mistakes)


@student_check
def inverse_sqrt_decay(c, inverse_sqrt_decay):
    hint = "k * learning_rate0 / sqrt(epoch_num + 1): the root of epoch_num + 1, times k."
    from_one = "Epochs count from 0 here: divide by np.sqrt(epoch_num + 1), so that epoch 0 gives k * learning_rate0."
    mistakes = [
        (lambda rate, epoch, k=1.0: k * rate / np.sqrt(epoch) if epoch else np.inf,
         "That is k * learning_rate0 / sqrt(epoch_num): the epochs are counted from 1.", from_one),
        (lambda rate, epoch, k=1.0: k * rate / (epoch + 1),
         "That is k * learning_rate0 / (epoch_num + 1), without the square root.",
         "Divide by the square root of epoch_num + 1: np.sqrt(epoch_num + 1)."),
        (lambda rate, epoch, k=1.0: k * rate / (np.sqrt(epoch) + 1),
         "That is k * learning_rate0 / (sqrt(epoch_num) + 1): the 1 is added after the root.",
         "Add 1 to the epoch first, then take the root: np.sqrt(epoch_num + 1)."),
        (lambda rate, epoch, k=1.0: rate / np.sqrt(epoch + 1),
         "That is the rate for k = 1, the default, not for the k argument.", "Multiply by the k argument."),
        (lambda rate, epoch, k=1.0: rate / (k * np.sqrt(epoch + 1)),
         "That is learning_rate0 / (k * sqrt(epoch_num + 1)): k divides instead of multiplying.",
         "k multiplies the rate: k * learning_rate0 / sqrt(epoch_num + 1)."),
    ]
    for epoch, expected in ((0, 0.2), (3, 0.1), (99, 0.02)):
        expect_rate(c, inverse_sqrt_decay, (0.2, epoch), expected, hint, mistakes, error_hint=from_one)
    for epoch, expected in ((0, 0.6), (8, 0.2)):
        expect_rate(c, inverse_sqrt_decay, (0.3, epoch, 2.0), expected, hint, mistakes, error_hint=from_one)
