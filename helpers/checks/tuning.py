"""Visible checks of assignment 07, Hyperparameter tuning.

The samplers are random, so they are checked statistically with fixed generators: the
range, the distribution of ``log10`` of the samples (or of ``1 - beta``, or of the samples
themselves on the linear scale) against a uniform one (Kolmogorov-Smirnov distance), the
share of samples per decade or per whole number, and determinism for a given generator. ``random_search`` runs on a made-up score whose samplers record what
they hand out; ``zoom`` on a fixed list of results.
"""

import warnings

import numpy as np

from helpers.checks.core import call_repeatedly, student_check

RNG_HINT = ("Draw every random number from the `rng` argument (for example `rng.uniform(...)`), not from np.random "
            "nor from a generator of your own (np.random.default_rng()).")


# ----- statistics -------------------------------------------------------------------------------
def ks_distance_to_uniform(u):
    """Largest gap between the empirical CDF of ``u`` (values in [0, 1]) and the uniform CDF."""
    u = np.sort(np.ravel(u))
    n = u.size
    steps = np.arange(1, n + 1) / n
    return float(max(np.max(steps - u), np.max(u - (steps - 1 / n))))


def require_samples(c, samples, shape, what, hint):
    """Stop unless ``samples`` is a finite float array of ``shape``; returns it as an array."""
    if not isinstance(samples, np.ndarray):
        if isinstance(samples, (float, int, np.number)):
            hint = ("Pass `size` on to the generator, rng.uniform(a, b, size) or rng.integers(a, b, size): without "
                    "it the generator returns a single number.")
        c.fail(f"{what}: returned a {type(samples).__name__}; expected a numpy array of shape {shape}.", hint, stop=True)
    c.require_shape(samples, shape, what, "Pass `size` on to the generator: `rng.uniform(a, b, size)`.")
    if not np.all(np.isfinite(samples)):
        c.fail(f"{what}: the samples contain NaN or infinity.", hint, stop=True)
    return samples


def check_range(c, samples, low, high, what, hint):
    """All samples in [low, high] (up to rounding), and spread over most of it."""
    slack = 1e-12 * max(abs(low), abs(high))
    inside = bool(np.all(samples >= low - slack) and np.all(samples <= high + slack))
    c.expect(inside, f"{what}: every sample lies in [{low:g}, {high:g}]",
             f"{what}: samples range from {samples.min():.4g} to {samples.max():.4g}, outside [{low:g}, {high:g}].",
             hint, stop=True)


def check_log_uniform(c, u, what, hint, scale="log"):
    """``u`` (the samples mapped to [0, 1] on the ``scale`` scale, "log" or "linear") must look uniform.

    The allowed distance 2.8 / sqrt(n) is exceeded by a truly uniform sample with probability
    below 1e-6, so a correct sampler fails it practically never, whatever its seed.
    """
    distance = ks_distance_to_uniform(u)
    tolerance = round(2.8 / np.sqrt(np.size(u)), 3)
    c.expect(distance < tolerance,
             f"{what}: uniform on the {scale} scale (Kolmogorov-Smirnov distance {distance:.3f} < {tolerance})",
             f"{what}: not uniform on the {scale} scale: the empirical CDF of the "
             f"{'log10 values' if scale == 'log' else 'samples'} is {distance:.3f} away from a uniform one "
             f"(allowed {tolerance}).", hint)


def looks_uniform(values, a, b):
    """True if ``values`` all lie in [a, b] and look uniform there (the tolerance of check_log_uniform)."""
    values = np.ravel(values)
    if not (a < b and values.size > 1 and np.all(values >= a - 1e-12 * abs(a)) and np.all(values <= b + 1e-12 * abs(b))):
        return False
    return ks_distance_to_uniform(np.clip((values - a) / (b - a), 0, 1)) < 2.8 / np.sqrt(values.size)


def decade_shares(samples, edges):
    """Fraction of ``samples`` in each interval [edges[i], edges[i + 1])."""
    counts, _ = np.histogram(samples, bins=edges)
    return counts / samples.size


def order_hint(smaller, larger):
    """``error_hint`` for a call of rng.uniform with its bounds swapped (numpy refuses high < low)."""
    def hint(error):
        if "high - low < 0" in str(error):
            return (f"rng.uniform(a, b) needs a <= b: the smaller bound comes first, {smaller}, then {larger}.")
        return None
    return hint


def check_deterministic(c, function, args, what, hint=None):
    """Same generator seed, same samples; another seed, other samples."""
    first = c.call(function, *args, rng=np.random.default_rng(11))
    again = c.call(function, *args, rng=np.random.default_rng(11))
    other = c.call(function, *args, rng=np.random.default_rng(12))
    c.expect(np.array_equal(first, again), f"{what}: the same rng seed gives the same samples",
             f"{what}: two calls with rng seeded alike gave different samples.", hint or RNG_HINT)
    c.expect(not np.array_equal(first, other), f"{what}: another rng seed gives other samples",
             f"{what}: two calls with differently seeded rngs gave the same samples.",
             "Do not create a generator with a fixed seed inside the function; use the `rng` you are given.")


# ----- Exercise 1: sample_log_uniform -----------------------------------------------------------------
LOG_HINT = "Draw r uniformly in [log10(low), log10(high)] and return 10 ** r."
BASE_HINT = ("The logarithm and the power must have the same base: 10 ** r with r between np.log10(low) and "
             "np.log10(high), or np.exp(r) with np.log; the samples here are those of a mixed pair.")


def mixed_bases(samples, low, high):
    """True if ``samples`` look log-uniform on the range a sampler mixing log10 and e (or ln and 10) gives."""
    samples = np.ravel(samples)
    for a, b in ((np.exp(np.log10(low)), np.exp(np.log10(high))), (10 ** np.log(low), 10 ** np.log(high))):
        if not (a < b and np.all(samples > 0) and np.all(samples >= a * (1 - 1e-9))
                and np.all(samples <= b * (1 + 1e-9))):
            continue
        u = np.clip((np.log(samples) - np.log(a)) / (np.log(b) - np.log(a)), 0, 1)
        if ks_distance_to_uniform(u) < 2.8 / np.sqrt(samples.size):
            return True
    return False


LINEAR_HINT = ("The samples are uniform on the LINEAR scale, so the top decade gets almost all of them: draw the "
               "exponent r uniformly in [log10(low), log10(high)], then return 10 ** r.")
EXPONENT_HINT = ("These are the exponents r, uniform in [log10(low), log10(high)]: return 10 ** r, not r.")
RAW_BOUNDS_HINT = ("The samples lie in [10 ** low, 10 ** high]: the exponent r was drawn between low and high "
                   "themselves; draw it between np.log10(low) and np.log10(high).")
GRID_HINT = ("np.linspace gives a fixed grid of evenly spaced exponents: draw them at random, "
             "rng.uniform(np.log10(low), np.log10(high), size).")


def log_sampler_hint(samples, low, high):
    """The hint for a known mistake of sample_log_uniform that ``samples`` look like, else LOG_HINT."""
    if mixed_bases(samples, low, high):
        return BASE_HINT
    if looks_uniform(samples, low, high) and not looks_uniform(np.log10(np.clip(samples, 1e-300, None)),
                                                                np.log10(low), np.log10(high)):
        return LINEAR_HINT
    if looks_uniform(samples, np.log10(low), np.log10(high)):
        return EXPONENT_HINT
    if np.all(samples > 0) and looks_uniform(np.log10(samples), low, high):
        return RAW_BOUNDS_HINT
    return LOG_HINT


def check_log_sampler(c, function, low, high, n, what):
    """Shape, range and log-uniformity of ``function(low, high, n, rng)``; returns the samples."""
    samples = require_samples(c, c.call(function, low, high, n, rng=np.random.default_rng(n),
                                        error_hint=order_hint("np.log10(low)", "np.log10(high)")), (n,), what, LOG_HINT)
    hint = log_sampler_hint(samples, low, high)
    check_range(c, samples, low, high, what, hint)
    steps = np.diff(np.log10(samples))
    if n > 2 and np.allclose(steps, steps[0], rtol=1e-6, atol=1e-12):
        c.fail(f"{what}: the samples are evenly spaced on the log scale, one fixed grid, not random.", GRID_HINT,
               stop=True)
    u = (np.log10(samples) - np.log10(low)) / (np.log10(high) - np.log10(low))
    check_log_uniform(c, u, what, hint)
    return samples


@student_check
def sample_log_uniform(c, sample_log_uniform):
    samples = check_log_sampler(c, sample_log_uniform, 1e-4, 1.0, 20000, "learning rates in [1e-4, 1]")
    shares = decade_shares(samples, [1e-4, 1e-3, 1e-2, 1e-1, 1.0 + 1e-12])
    c.expect(np.all(np.abs(shares - 0.25) < 0.02),
             "learning rates in [1e-4, 1]: about 25% in each decade (" + ", ".join(f"{s:.1%}" for s in shares) + ")",
             "learning rates in [1e-4, 1]: shares per decade " + ", ".join(f"{s:.1%}" for s in shares)
             + "; expected about 25% each.", LOG_HINT)
    check_log_sampler(c, sample_log_uniform, 0.5, 2.0, 10000, "values in [0.5, 2]")
    grid = c.call(sample_log_uniform, 16, 256, (3, 4), rng=np.random.default_rng(1))
    require_samples(c, grid, (3, 4), "size (3, 4)", LOG_HINT)
    c.ok("size (3, 4) gives an array of shape (3, 4)")
    one = c.call(sample_log_uniform, 1e-3, 1e-1, None, rng=np.random.default_rng(2))
    c.expect(np.ndim(one) == 0 and 1e-3 <= float(one) <= 1e-1, "size None gives a single number",
             f"size None returned {one!r}; expected one number in [0.001, 0.1].",
             "The generator's methods return a single number when size is None: pass size on unchanged.")
    check_deterministic(c, sample_log_uniform, (1e-4, 1.0, 50), "learning rates")


# ----- Exercise 2: sample_beta ------------------------------------------------------------------------
BETA_RNG_HINT = ("Pass your rng on to sample_log_uniform: sample_log_uniform(1 - high, 1 - low, size, rng). Without it, "
                 "sample_log_uniform makes a fresh generator of its own.")
BETA_HINT = "1 - beta is log-uniform in [1 - high, 1 - low]: sample it with sample_log_uniform, then beta = 1 - that."


BETA_UNIFORM_HINT = ("beta looks uniform on the linear scale: it is 1 - beta "
                     "that is log-uniform, in [1 - high, 1 - low]; sample it with sample_log_uniform, then beta = 1 - that.")
BETA_LOG_HINT = ("beta itself looks log-uniform in [low, high]: it is 1 - beta that is log-uniform, in [1 - high, "
                 "1 - low]; sample_log_uniform(1 - high, 1 - low, size, rng), then beta = 1 - that.")
ONE_MINUS_HINT = ("These are values of 1 - beta, log-uniform in [1 - high, 1 - low]: return beta = 1 - "
                  "sample_log_uniform(1 - high, 1 - low, size, rng).")
LOW_HIGH_BOUNDS_HINT = ("1 - beta was drawn log-uniformly between low and high themselves: its bounds are 1 - high "
                        "and 1 - low, sample_log_uniform(1 - high, 1 - low, size, rng).")


FORGOT_ONE_MINUS_HINT = ("The log-uniform draw got beta's own bounds, high and low: the bounds of 1 - beta are "
                         "1 - high and 1 - low, the smaller first: sample_log_uniform(1 - high, 1 - low, size, rng).")


def call_quietly(function, *args, **kwargs):
    """``(returned, error)`` of one call of the student's ``function``, warnings silenced; one of the two is None.

    For the calls a check makes to tell one mistake from another, after a verdict is decided.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return function(*args, **kwargs), None
        except Exception as error:  # the student's code may raise anything
            return None, error


def draws_between_beta_bounds(sample_beta):
    """True if ``sample_beta(0, 0.5, ...)`` fails on log10(0): its log-uniform draw got low and high themselves.

    Tells a sampler that forgot the ``1 -`` of both bounds, ``(high, low)``, from one that swapped
    ``(1 - low, 1 - high)``: both make the generator refuse a reversed range, but only the first
    takes the logarithm of beta's own bound 0.
    """
    _, error = call_quietly(sample_beta, 0.0, 0.5, 3, rng=np.random.default_rng(0))
    return error is not None and "exceeds valid bounds" in str(error)


def beta_order_hint(error, sample_beta):
    """``error_hint`` for sample_beta: bounds in the wrong order, beta's own bounds, or log10(0) of beta's bound 0."""
    if "exceeds valid bounds" in str(error):
        return ("sample_log_uniform got the bound 0, whose log10 is -inf: beta itself was sampled log-uniformly "
                "between low and high. It is 1 - beta that is log-uniform, in [1 - high, 1 - low].")
    if "high - low < 0" in str(error) and draws_between_beta_bounds(sample_beta):
        return FORGOT_ONE_MINUS_HINT
    return order_hint("1 - high", "1 - low (1 - beta is smallest where beta is largest)")(error)


def beta_sampler_hint(samples, low, high):
    """The hint for a known mistake of sample_beta that ``samples`` look like, else BETA_HINT."""
    samples = np.ravel(samples)
    if np.all(samples > 0) and np.all(samples < 1):
        if looks_uniform(np.log10(samples), np.log10(1 - high), np.log10(1 - low)):
            return ONE_MINUS_HINT
        if low > 0 and looks_uniform(np.log10(1 - samples), np.log10(low), np.log10(high)):
            return LOW_HIGH_BOUNDS_HINT
    if looks_uniform(samples, low, high):
        if low <= 0:
            return BETA_UNIFORM_HINT
        linear = ks_distance_to_uniform((samples - low) / (high - low))
        logs = ks_distance_to_uniform((np.log10(samples) - np.log10(low)) / (np.log10(high) - np.log10(low)))
        return BETA_UNIFORM_HINT if linear < logs else BETA_LOG_HINT
    return BETA_HINT


def check_beta_sampler(c, function, low, high, n, what):
    """Shape, range and log-uniformity of ``1 - function(low, high, n, rng)``; returns the samples."""
    samples = require_samples(c, c.call(function, low, high, n, rng=np.random.default_rng(n),
                                        error_hint=lambda error: beta_order_hint(error, function)), (n,), what,
                              BETA_HINT)
    hint = beta_sampler_hint(samples, low, high)
    check_range(c, samples, low, high, what, hint)
    one_minus = np.clip(1 - samples, 1e-300, None)
    u = (np.log10(one_minus) - np.log10(1 - high)) / (np.log10(1 - low) - np.log10(1 - high))
    check_log_uniform(c, u, what + ", 1 - beta", hint)
    return samples


@student_check
def sample_beta(c, sample_beta):
    samples = check_beta_sampler(c, sample_beta, 0.9, 0.999, 20000, "beta in [0.9, 0.999]")
    shares = decade_shares(samples, [0.9, 0.99, 0.999 + 1e-12])
    c.expect(np.all(np.abs(shares - 0.5) < 0.02),
             f"beta in [0.9, 0.999]: {shares[0]:.1%} in [0.9, 0.99] and {shares[1]:.1%} in [0.99, 0.999] (about half each)",
             f"beta in [0.9, 0.999]: {shares[0]:.1%} of the samples in [0.9, 0.99] and {shares[1]:.1%} in "
             "[0.99, 0.999]; expected about half each.", BETA_HINT)
    check_beta_sampler(c, sample_beta, 0.0, 0.99, 10000, "beta in [0, 0.99]")
    grid = c.call(sample_beta, 0.9, 0.99, (2, 5), rng=np.random.default_rng(1))
    require_samples(c, grid, (2, 5), "size (2, 5)", BETA_HINT)
    c.ok("size (2, 5) gives an array of shape (2, 5)")
    one = c.call(sample_beta, 0.9, 0.99, None, rng=np.random.default_rng(2))
    c.expect(np.ndim(one) == 0 and 0.9 <= float(one) <= 0.99, "size None gives a single number",
             f"size None returned {one!r}; expected one number in [0.9, 0.99].",
             "Pass size on to sample_log_uniform unchanged: with size None it returns a single number.")
    check_deterministic(c, sample_beta, (0.9, 0.999, 50), "beta", BETA_RNG_HINT)


# ----- Exercise 3: sample_hyperparameter --------------------------------------------------------------
#: What each scale of sample_hyperparameter calls in the solution, for the hints.
SCALE_CALLS = {"linear": "rng.uniform(low, high, size)", "integer": "rng.integers(low, high + 1, size)",
               "log": "sample_log_uniform(low, high, size, rng)", "1 - beta": "sample_beta(low, high, size, rng)"}
INTEGER_HINT = ("Every whole number from low to high, both included, must be equally likely: "
                "rng.integers(low, high + 1, size).")
NOT_WHOLE_HINT = ("These are not whole numbers: rng.uniform draws real numbers. For the scale \"integer\" draw whole "
                  "numbers, rng.integers(low, high + 1, size).")
HIGH_MISSING_HINT = ("`high` never comes up: rng.integers(low, high) stops before high, as range(low, high) does. "
                     "Ask for rng.integers(low, high + 1, size).")
ENDS_HALF_HINT = ("low and high come up half as often as the numbers between them, which is what rounding a uniform "
                  "number does: only the values between low and low + 0.5 round to low, but all those between "
                  "low + 0.5 and low + 1.5 to low + 1. Draw whole numbers directly: rng.integers(low, high + 1, size).")
SCALE_RNG_HINT = ("Draw every number from the `rng` argument (rng.uniform, rng.integers), not from np.random nor from a "
                  "generator of your own, and pass rng on to sample_log_uniform and sample_beta.")
UNKNOWN_SCALE_HINT = ("End with `raise ValueError(...)` for any other scale, so that a typo such as \"Log\" stops the "
                      "search instead of quietly sampling on some scale.")


def scales_that_fit(samples, low, high):
    """The scales among "linear", "log" and "1 - beta" on which ``samples`` look uniform over [low, high]."""
    samples = np.ravel(samples).astype(float)
    fits = []
    if looks_uniform(samples, low, high):
        fits.append("linear")
    if 0 < low and np.all(samples > 0) and looks_uniform(np.log10(samples), np.log10(low), np.log10(high)):
        fits.append("log")
    if high < 1 and np.all(samples < 1) and looks_uniform(np.log10(1 - samples), np.log10(1 - high), np.log10(1 - low)):
        fits.append("1 - beta")
    return fits


def scale_hint(scale, samples, low, high):
    """The hint for samples of ``scale`` that look drawn on another scale, or are 1 - beta, else a plain reminder."""
    if scale == "1 - beta" and high < 1 and np.all(np.ravel(samples) > 0) and \
            looks_uniform(np.log10(np.ravel(samples)), np.log10(1 - high), np.log10(1 - low)):
        return ("These are values of 1 - beta, in [1 - high, 1 - low]: for the scale \"1 - beta\" return beta "
                "itself, sample_beta(low, high, size, rng).")
    others = [fit for fit in scales_that_fit(samples, low, high) if fit != scale]
    if others:
        return (f"The samples of the scale \"{scale}\" look drawn on the \"{others[0]}\" scale: check which branch "
                f"handles \"{scale}\"; it returns {SCALE_CALLS[scale]}.")
    return f"For the scale \"{scale}\" return {SCALE_CALLS[scale]}."


def integer_hint(samples, low, high):
    """The hint for a known mistake of the scale "integer" that ``samples`` look like, else INTEGER_HINT."""
    samples = np.ravel(samples)
    if not np.all(samples == np.round(samples)):
        return NOT_WHOLE_HINT
    counts = np.array([np.sum(samples == value) for value in range(low, high + 1)])
    if counts[-1] == 0 and np.all(counts[:-1] > 0):
        return HIGH_MISSING_HINT
    if high - low >= 2 and np.all(np.abs(counts[[0, -1]] / counts[1:-1].mean() - 0.5) < 0.15):
        return ENDS_HALF_HINT
    return INTEGER_HINT


def check_integer_sampler(c, function, low, high, n, what):
    """Whole numbers from low to high, each drawn about 1 / (high - low + 1) of the time; returns the samples."""
    samples = require_samples(c, c.call(function, low, high, "integer", n, rng=np.random.default_rng(n)), (n,), what,
                              INTEGER_HINT)
    hint = integer_hint(samples, low, high)
    fractional = samples[samples != np.round(samples)]
    c.expect(fractional.size == 0, f"{what}: whole numbers",
             f"{what}: the samples are not whole numbers (for example {fractional[:1].tolist()}).", hint, stop=True)
    check_range(c, samples, low, high, what, hint)
    values = np.arange(low, high + 1)
    shares = np.array([np.mean(samples == value) for value in values])
    expected = 1 / values.size
    worst = int(np.argmax(np.abs(shares - expected)))
    listed = (", ".join(f"{value}: {share:.1%}" for value, share in zip(values, shares)) if values.size <= 5
              else f"shares from {shares.min():.2%} to {shares.max():.2%}")
    c.expect(abs(shares[worst] - expected) < 5 * np.sqrt(expected * (1 - expected) / n),
             f"{what}: each of the {values.size} numbers from {low} to {high} comes up about 1/{values.size} of the "
             f"time ({listed})",
             f"{what}: {values[worst]} came up in {shares[worst]:.1%} of the draws; expected about {expected:.1%} "
             f"(1 in {values.size}) for every number from {low} to {high}.", hint)
    return samples


def check_scale_sampler(c, function, low, high, scale, n, what):
    """Range and uniformity of ``function(low, high, scale, n, rng)`` on its scale ("linear", "log" or "1 - beta")."""
    samples = require_samples(c, c.call(function, low, high, scale, n, rng=np.random.default_rng(n)), (n,), what,
                              f"For the scale \"{scale}\" return {SCALE_CALLS[scale]}.")
    hint = scale_hint(scale, samples, low, high)
    check_range(c, samples, low, high, what, hint)
    if scale == "linear":
        u = (samples - low) / (high - low)
    elif scale == "log":
        u = (np.log10(samples) - np.log10(low)) / (np.log10(high) - np.log10(low))
    else:
        one_minus = np.clip(1 - samples, 1e-300, None)
        u = (np.log10(one_minus) - np.log10(1 - high)) / (np.log10(1 - low) - np.log10(1 - high))
    check_log_uniform(c, u, what if scale != "1 - beta" else what + ", 1 - beta", hint,
                      scale="linear" if scale == "linear" else "log")
    return samples


def check_unknown_scale(c, function, scale, what):
    """``function`` raises an error for a scale it does not know, instead of returning samples.

    It is asked twice, over [2, 9] and over [0.2, 0.5]: every known scale can draw over one of
    them at least, so a function that hands unknown scales to one of its branches returns samples
    for one of the two ranges, and does not pass for an error that only the range caused.
    """
    for low, high in ((2, 9), (0.2, 0.5)):
        returned, error = call_quietly(function, low, high, scale, 5, rng=np.random.default_rng(0))
        if error is None:  # any error will do: the point is that nothing is returned
            c.fail(f"{what}: the unknown scale \"{scale}\" over [{low}, {high}] returned {returned!r}; expected an "
                   "error.", UNKNOWN_SCALE_HINT)
            return
    c.ok(f"{what}: the unknown scale \"{scale}\" raises an error")


@student_check(builds_on=("sample_log_uniform", "sample_beta"))
def sample_hyperparameter(c, sample_hyperparameter):
    check_integer_sampler(c, sample_hyperparameter, 2, 4, 30000, "layers in [2, 4], \"integer\"")
    check_integer_sampler(c, sample_hyperparameter, 50, 100, 20000, "units in [50, 100], \"integer\"")
    check_scale_sampler(c, sample_hyperparameter, 1.0, 100.0, "linear", 20000, "values in [1, 100], \"linear\"")
    check_scale_sampler(c, sample_hyperparameter, 1e-4, 1.0, "log", 20000, "learning rates in [1e-4, 1], \"log\"")
    check_scale_sampler(c, sample_hyperparameter, 0.9, 0.999, "1 - beta", 20000, "beta in [0.9, 0.999], \"1 - beta\"")
    grid = c.call(sample_hyperparameter, 50, 100, "integer", (3, 4), rng=np.random.default_rng(1))
    require_samples(c, grid, (3, 4), "\"integer\", size (3, 4)", "Pass `size` on to rng.integers.")
    c.ok("\"integer\", size (3, 4): an array of shape (3, 4)")
    for low, high, scale in ((50, 100, "integer"), (0.5, 1.0, "linear")):
        one = c.call(sample_hyperparameter, low, high, scale, None, rng=np.random.default_rng(2))
        c.expect(np.ndim(one) == 0 and low <= float(one) <= high, f"\"{scale}\", size None: a single number",
                 f"\"{scale}\", size None returned {one!r}; expected one number in [{low}, {high}].",
                 "The generator's methods return a single number when size is None: pass size on unchanged.")
    for args in ((50, 100, "integer", 50), (0.5, 1.0, "linear", 50), (1e-4, 1.0, "log", 50),
                 (0.9, 0.999, "1 - beta", 50)):
        check_deterministic(c, sample_hyperparameter, args, f"\"{args[2]}\"", SCALE_RNG_HINT)
    check_unknown_scale(c, sample_hyperparameter, "logarithmic", "a typo")


# ----- Exercise 4: random_search ----------------------------------------------------------------------
class RecordingSampler:
    """A sampler ``sampler(rng)`` that draws ``10 ** uniform(a, b)`` and remembers what it gave and got."""

    def __init__(self, a, b):
        self.a, self.b = a, b
        self.given, self.generators = [], []

    def __deepcopy__(self, memo):
        return self  # the check's copy of the inputs must keep recording here

    def __call__(self, rng):
        self.generators.append(rng)
        value = float(10 ** rng.uniform(self.a, self.b))
        self.given.append(value)
        return value


def made_up_score(config):
    """A score that peaks at learning_rate = 0.1 and prefers more units, a little."""
    return float(-(np.log10(config["learning_rate"]) + 1) ** 2 + 0.01 * np.log10(config["units"]))


def check_search_results(c, results, space, n_trials, score, what):
    """The structure, order and consistency of what random_search returned."""
    c.require_type(results, list, f"{what}: the result", "Return a list of (config, score) pairs.")
    if len(results) != n_trials:
        c.fail(f"{what}: returned {len(results)} results; expected one per trial, {n_trials}.",
               "One trial too few: `for _ in range(n_trials)` already runs n_trials times."
               if len(results) == n_trials - 1 else
               "Run the loop `n_trials` times and keep every (config, score) pair.", stop=True)
    for entry in results:
        if isinstance(entry, (tuple, list)) and len(entry) == 2 and isinstance(entry[1], dict) \
                and not isinstance(entry[0], dict):
            c.fail(f"{what}: an entry of the result is {entry!r}, a pair (score, config); expected (config, score).",
                   "Append `(config, score)`, the config first, and sort by result[1].", stop=True)
        if not (isinstance(entry, (tuple, list)) and len(entry) == 2 and isinstance(entry[0], dict)):
            c.fail(f"{what}: an entry of the result is {entry!r}; expected a pair (config dict, score).",
                   "Append `(config, score)` for each trial.", stop=True)
        if set(entry[0]) != set(space):
            c.fail(f"{what}: a config has the keys {sorted(entry[0])}; expected {sorted(space)}.",
                   "A config holds one value for each name of `space`.", stop=True)
    c.ok(f"{what}: {n_trials} pair{'s' if n_trials > 1 else ''} (config, score), every config with the keys {', '.join(space)}")
    scores = [float(s) for _, s in results]
    increasing = len(scores) > 1 and scores == sorted(scores)
    c.expect(all(a >= b for a, b in zip(scores, scores[1:])), f"{what}: sorted from the best score to the worst",
             f"{what}: the scores are not in decreasing order: {np.round(scores, 3).tolist()}.",
             "They are in INCREASING order, the worst first: sort with reverse=True." if increasing else
             "The results are not sorted at all: sort them by the score, highest first, "
             "`sorted(results, key=lambda result: result[1], reverse=True)`.", stop=True)
    recomputed = [score(config) for config, _ in results]
    c.expect(np.allclose(recomputed, scores), f"{what}: every score belongs to its own config",
             f"{what}: some scores are not the score of the config they are paired with.",
             "Make a NEW dict for every trial, and pair it with the score that train_and_evaluate returned for it.",
             stop=True)


def sampler_call_hint(error):
    """``error_hint`` for random_search: a sampler called with the np.random module instead of the generator."""
    if type(error).__name__ == "AttributeError" and "module" in str(error):
        return "Call each sampler with the generator you are given, `sampler(rng)`, not with the np.random module."
    return None


@student_check
def random_search(c, random_search):
    calls = []

    def train_and_evaluate(config):
        calls.append(dict(config))
        return made_up_score(config)

    space = {"learning_rate": RecordingSampler(-4, 0), "units": RecordingSampler(0.5, 2.5)}
    results = c.call(random_search, train_and_evaluate, space, 12, rng=np.random.default_rng(0),
                     error_hint=sampler_call_hint)
    what = "12 trials"
    check_search_results(c, results, space, 12, made_up_score, what)
    c.expect(len(calls) == 12, f"{what}: train_and_evaluate was called 12 times, once per trial",
             f"{what}: train_and_evaluate was called {len(calls)} times; expected 12.",
             "Call train_and_evaluate(config) once for each trial.")
    given = set(space["learning_rate"].given)
    used = [config["learning_rate"] for config, _ in results]
    calls_made = len(space["learning_rate"].given)
    if calls_made < 12:
        repeat_hint = (f"The sampler was called only {calls_made} time(s) for 12 trials: draw a new config inside the "
                       "loop, at every trial.")
    elif len(given) == 1:
        repeat_hint = ("The sampler was called 12 times but drew the same value each time: it got a generator with the "
                       "same fixed seed at each trial. Pass it the one rng you are given: `space[name](rng)`.")
    else:
        repeat_hint = "Draw a new value from every sampler at every trial, from the one rng you are given: `space[name](rng)`."
    c.expect(set(used) <= given and len(set(used)) == 12,
             f"{what}: 12 different configs, each drawn from the samplers",
             f"{what}: the configs do not hold 12 different values drawn from the samplers "
             f"({len(set(used))} different learning rates).", repeat_hint, stop=True)
    c.expect(all(isinstance(g, np.random.Generator) for g in space["learning_rate"].generators),
             f"{what}: the samplers receive the generator", f"{what}: a sampler was not called with a Generator.",
             "Call each sampler with the generator: `sampler(rng)`.")
    best = max(calls, key=made_up_score)
    c.expect(results[0][0] == best, f"{what}: the best config comes first",
             f"{what}: the first config is not the best of those evaluated.", "Sort from the highest score down.")

    def fresh_space():
        return {"learning_rate": RecordingSampler(-4, 0), "units": RecordingSampler(0.5, 2.5)}

    first = c.call(random_search, made_up_score, fresh_space(), 5, rng=np.random.default_rng(7))
    again = c.call(random_search, made_up_score, fresh_space(), 5, rng=np.random.default_rng(7))
    c.expect([r[0] for r in first] == [r[0] for r in again], "the same rng seed gives the same search",
             "Two searches with rng seeded alike gave different configs.", RNG_HINT)
    one = c.call(random_search, made_up_score, fresh_space(), 1, rng=np.random.default_rng(3))
    check_search_results(c, one, fresh_space(), 1, made_up_score, "1 trial")


# ----- Exercise 5: zoom -------------------------------------------------------------------------------
#: Results of a made-up coarse search, best first. The best three have learning rates in
#: [0.001, 0.1] and widths in [10, 40]; the fourth holds the largest values of all, so that the
#: range of the worst three, [1e-4, 3] and [4, 16], differs from the range of all seven.
COARSE_RESULTS = [
    ({"learning_rate": 0.01, "units": 40}, 0.97),
    ({"learning_rate": 0.1, "units": 10}, 0.95),
    ({"learning_rate": 0.001, "units": 25}, 0.93),
    ({"learning_rate": 5.0, "units": 64}, 0.90),
    ({"learning_rate": 0.5, "units": 16}, 0.80),
    ({"learning_rate": 1e-4, "units": 4}, 0.60),
    ({"learning_rate": 3.0, "units": 8}, 0.10),
]
ZOOM_HINT = ("For each name, take the smallest and the largest value among the configs of results[:top_k], "
             "and sample log-uniformly between them.")


def check_zoomed_space(c, space, results, top_k, what, n=4000):
    """Keys, and for each sampler: scalars, the range of the best top_k, log-uniform, reproducible."""
    names = list(results[0][0])
    c.require_type(space, dict, f"{what}: the result", "Return a dict name -> sampler.")
    if set(space) != set(names):
        c.fail(f"{what}: the space has the keys {sorted(space)}; expected {sorted(names)}.",
               "Return one sampler for every hyperparameter of the configs.", stop=True)
    for name in names:
        sampler = space[name]
        values = [config[name] for config, _ in results[:top_k]]
        if isinstance(sampler, (tuple, list)) and len(sampler) == 2 and list(sampler) == [min(values), max(values)]:
            c.fail(f"{what}: space[{name!r}] is the pair of bounds {tuple(sampler)!r}, not a function of rng that "
                   "samples between them.", "Return samplers: `lambda rng, low=low, high=high: "
                   "sample_log_uniform(low, high, None, rng)`.", stop=True)
        if not callable(sampler):
            c.fail(f"{what}: space[{name!r}] is a {type(sampler).__name__}, not a function of rng.",
                   "Each value of the space is a function `sampler(rng)` that returns one number.", stop=True)
        values = [config[name] for config, _ in results[:top_k]]
        low, high = min(values), max(values)
        rng = np.random.default_rng(5)
        try:
            draws = call_repeatedly(sampler, n, rng)
        except Exception as error:
            c.fail(f"{what}: space[{name!r}](rng) raised {type(error).__name__}: {error}",
                   "sample_log_uniform(low, high, ...) takes the smaller value first." if "high - low < 0" in str(error)
                   else "Each sampler takes the generator as its only argument.", stop=True)
        if not all(np.ndim(d) == 0 for d in draws):
            c.fail(f"{what}: space[{name!r}](rng) returned {draws[0]!r}; expected a single number.",
                   "Ask sample_log_uniform for one number with size=None.", stop=True)
        draws = np.array(draws, dtype=float)
        label = f"{what}: {name}"
        for other in names:
            other_values = [config[other] for config, _ in results[:top_k]]
            if other != name and min(other_values) <= draws.min() and draws.max() <= max(other_values) \
                    and not (low <= draws.min() and draws.max() <= high):
                c.fail(f"{label}: the samples lie in the range of {other!r}, [{min(other_values):g}, "
                       f"{max(other_values):g}], not in [{low:g}, {high:g}].",
                       "A lambda made in a loop reads low and high when it is called, after the loop: freeze "
                       "them with default arguments, `lambda rng, low=low, high=high: ...`.", stop=True)
        worst = [config[name] for config, _ in results[-top_k:]]
        if top_k < len(results) and min(worst) <= draws.min() and draws.max() <= max(worst) \
                and not (low <= draws.min() and draws.max() <= high):
            c.fail(f"{label}: the samples lie in the range of the {top_k} WORST configs, [{min(worst):g}, "
                   f"{max(worst):g}], not in [{low:g}, {high:g}].",
                   "results is sorted best first: zoom on results[:top_k] as it is, without sorting it again.",
                   stop=True)
        for k, whose in ((top_k + 1, f"the best {top_k + 1} configs, one more than top_k = {top_k}"),
                         (len(results), f"ALL {len(results)} configs, not only the best top_k = {top_k}")):
            others = [config[name] for config, _ in results[:k]]
            if top_k < k <= len(results) and min(others) <= draws.min() and draws.max() <= max(others) \
                    and not (low <= draws.min() and draws.max() <= high):
                c.fail(f"{label}: the samples lie in the range of {whose}, [{min(others):g}, {max(others):g}], not in "
                       f"[{low:g}, {high:g}].", "Take the bounds from results[:top_k], exactly the top_k best configs.",
                       stop=True)
        check_range(c, draws, low, high, label, ZOOM_HINT)
        if high > low:
            ends = sorted((values[0], values[-1]))
            c.expect(draws.min() < low * (high / low) ** 0.02 and draws.max() > high / (high / low) ** 0.02,
                     f"{label}: samples reach both ends of [{low:g}, {high:g}]",
                     f"{label}: samples span only [{draws.min():.4g}, {draws.max():.4g}] of [{low:g}, {high:g}].",
                     "The bounds are the smallest and the largest value, min(values) and max(values), not the values "
                     "of the first and the last config: the configs are sorted by score, not by value."
                     if ends != [low, high] and ends[0] <= draws.min() and draws.max() <= ends[1] else ZOOM_HINT)
            u = (np.log10(draws) - np.log10(low)) / (np.log10(high) - np.log10(low))
            check_log_uniform(c, u, label, "The samples are uniform on the LINEAR scale: sample log-uniformly, with "
                              "sample_log_uniform(low, high, None, rng)." if looks_uniform(draws, low, high)
                              else "Sample with sample_log_uniform(low, high, None, rng).")
        again = [sampler(np.random.default_rng(9)) for _ in range(3)]
        again2 = [sampler(np.random.default_rng(9)) for _ in range(3)]
        c.expect(again == again2, f"{label}: reproducible with the same rng",
                 f"{label}: the sampler gives different values for generators seeded alike.",
                 "Each sampler must pass the rng it receives on to sample_log_uniform: "
                 "`lambda rng, low=low, high=high: sample_log_uniform(low, high, None, rng)`.")


@student_check
def zoom(c, zoom):
    space = c.call(zoom, COARSE_RESULTS, 3)
    check_zoomed_space(c, space, COARSE_RESULTS, 3, "top 3 of 7")
    space = c.call(zoom, COARSE_RESULTS, 5)
    check_zoomed_space(c, space, COARSE_RESULTS, 5, "top 5 of 7", n=2000)
    check_top_one(c, c.call(zoom, COARSE_RESULTS, 1), COARSE_RESULTS, "top 1 of 7")


def check_top_one(c, space, results, what):
    """With top_k = 1 the range of every hyperparameter is one value: every sampler returns the best config's."""
    c.require_type(space, dict, f"{what}: the result", "Return a dict name -> sampler.")
    for name, value in results[0][0].items():
        if not callable(space.get(name)):
            c.fail(f"{what}: space[{name!r}] is missing or not a function of rng.",
                   "Return one sampler for every hyperparameter of the configs.", stop=True)
        draws = [float(space[name](np.random.default_rng(seed))) for seed in range(5)]
        c.expect(np.allclose(draws, value, rtol=1e-9), f"{what}: {name} is always the best value, {value:g}",
                 f"{what}: {name} sampled {draws[0]:.6g}; expected always the best config's value {value:g} "
                 f"(the smallest and the largest of one value are that value).", ZOOM_HINT)
