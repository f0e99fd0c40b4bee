"""Hidden tests of assignment 07, Hyperparameter tuning.

Ranges, sizes, search spaces and results are drawn at random from fixed seeds. Samplers
are judged statistically (range, Kolmogorov-Smirnov distance of the log values, or of the
values on the linear scale, to a uniform distribution, share per decade or per whole number)
and by determinism for one generator, never by comparing draws with the reference: any
correct way of drawing passes.
"""

import numpy as np

from autograder.hidden.common import hidden_test
from helpers.checks.tuning import (BETA_HINT, LOG_HINT, SCALE_RNG_HINT, RecordingSampler, check_beta_sampler,
                                   check_deterministic, check_integer_sampler, check_log_sampler, check_scale_sampler,
                                   check_search_results, check_top_one, check_unknown_scale, check_zoomed_space,
                                   decade_shares, require_samples)


@hidden_test
def sample_log_uniform(c, function):
    rng = np.random.default_rng(7001)
    for _ in range(4):
        low = float(10 ** rng.uniform(-8, 2))
        high = float(low * 10 ** rng.uniform(0.3, 6))
        samples = check_log_sampler(c, function, low, high, 20000, f"[{low:.3g}, {high:.3g}]")
        middle = np.sqrt(low * high)  # half of the samples lie below the geometric mean
        below = float(np.mean(samples < middle))
        c.expect(abs(below - 0.5) < 0.02, "median", f"[{low:.3g}, {high:.3g}]: {below:.1%} below the geometric "
                                                    f"mean {middle:.3g}; expected 50%.", LOG_HINT)
    shape = tuple(int(n) for n in rng.integers(1, 6, size=3))
    require_samples(c, c.call(function, 2.0, 50.0, shape, rng=np.random.default_rng(4)), shape, f"size {shape}", LOG_HINT)
    samples = check_log_sampler(c, function, 1e-6, 1e-1, 20000, "[1e-6, 0.1]")
    shares = decade_shares(samples, [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1 + 1e-12])
    c.expect(np.all(np.abs(shares - 0.2) < 0.02), "decades", f"shares per decade {np.round(shares, 3)}", LOG_HINT)
    check_deterministic(c, function, (3e-5, 0.3, 40), "[3e-5, 0.3]")
    one = c.call(function, 5.0, 7.0, None, rng=np.random.default_rng(1))
    c.expect(np.ndim(one) == 0 and 5.0 <= float(one) <= 7.0, "scalar", f"size None returned {one!r}")
    default = c.call(function, 1e-3, 1.0, 100)
    require_samples(c, default, (100,), "without rng", LOG_HINT)


@hidden_test
def sample_beta(c, function):
    rng = np.random.default_rng(7002)
    for _ in range(4):
        low = float(rng.uniform(0, 0.95))
        high = float(1 - (1 - low) * 10 ** -rng.uniform(0.5, 4))
        check_beta_sampler(c, function, low, high, 20000, f"[{low:.4f}, {high:.6f}]")
    samples = check_beta_sampler(c, function, 0.9, 0.9999, 20000, "[0.9, 0.9999]")
    shares = decade_shares(samples, [0.9, 0.99, 0.999, 0.9999 + 1e-12])
    c.expect(np.all(np.abs(shares - 1 / 3) < 0.02), "thirds", f"shares {np.round(shares, 3)}; expected a third each",
             BETA_HINT)
    shape = tuple(int(n) for n in rng.integers(1, 5, size=2))
    require_samples(c, c.call(function, 0.5, 0.99, shape, rng=np.random.default_rng(2)), shape, f"size {shape}",
                    BETA_HINT)
    one = c.call(function, 0.3, 0.6, None, rng=np.random.default_rng(3))
    c.expect(np.ndim(one) == 0 and 0.3 <= float(one) <= 0.6, "scalar", f"size None returned {one!r}")
    check_deterministic(c, function, (0.8, 0.9995, 30), "[0.8, 0.9995]")
    default = c.call(function, 0.9, 0.999, 100)
    require_samples(c, default, (100,), "without rng", BETA_HINT)


def random_range(rng, scale):
    """A random range [low, high] that suits ``scale``: whole numbers, any reals, positive or in [0, 1)."""
    if scale == "integer":
        low = int(rng.integers(0, 60))
        return low, low + int(rng.integers(2, 40))
    if scale == "linear":
        low = float(rng.uniform(-5, 5))
        return low, low + float(10 ** rng.uniform(-1, 2))
    if scale == "log":
        low = float(10 ** rng.uniform(-8, 2))
        return low, float(low * 10 ** rng.uniform(0.3, 6))
    low = float(rng.uniform(0, 0.95))
    return low, float(1 - (1 - low) * 10 ** -rng.uniform(0.5, 4))


@hidden_test
def sample_hyperparameter(c, function):
    rng = np.random.default_rng(7005)
    scales = ("integer", "linear", "log", "1 - beta")
    for scale in scales:
        for _ in range(2):
            low, high = random_range(rng, scale)
            what = f"{scale} [{low:.4g}, {high:.4g}]"
            if scale == "integer":
                check_integer_sampler(c, function, low, high, 20000, what)
            else:
                check_scale_sampler(c, function, low, high, scale, 20000, what)
    for scale in scales:
        low, high = random_range(rng, scale)
        shape = tuple(int(n) for n in rng.integers(1, 5, size=2))
        require_samples(c, c.call(function, low, high, scale, shape, rng=np.random.default_rng(3)), shape,
                        f"{scale}, size {shape}", SCALE_RNG_HINT)
        one = c.call(function, low, high, scale, None, rng=np.random.default_rng(4))
        c.expect(np.ndim(one) == 0 and low <= float(one) <= high, "scalar", f"{scale}: size None returned {one!r}")
        check_deterministic(c, function, (low, high, scale, 40), scale, SCALE_RNG_HINT)
    check_unknown_scale(c, function, str(rng.choice(["Log", "uniform", "beta", "exponential"])), "an unknown scale")
    require_samples(c, c.call(function, 3, 9, "integer", 100), (100,), "without rng", SCALE_RNG_HINT)


def random_space(rng):
    """A search space of 1 to 3 named hyperparameters: log-uniform ones and, sometimes, a categorical one."""
    names = ["alpha", "width", "decay", "keep_prob"][: int(rng.integers(1, 4))]
    space = {name: RecordingSampler(float(rng.uniform(-5, 0)), float(rng.uniform(0.5, 3))) for name in names}
    if rng.random() < 0.5:
        space["activation"] = lambda r: str(r.choice(["relu", "tanh", "sigmoid"]))
    return space


def random_score(rng):
    """A deterministic score of a config: a random quadratic in the log of every numeric value."""
    centre, weight = float(rng.uniform(-3, 1)), float(rng.uniform(0.5, 2))
    bonus = {"relu": 0.3, "tanh": 0.1, "sigmoid": 0.0}

    def score(config):
        total = 0.0
        for name, value in config.items():
            if isinstance(value, str):
                total += bonus[value]
            else:
                total -= weight * (np.log10(value) - centre) ** 2
        return float(total)

    return score


@hidden_test
def random_search(c, function):
    rng = np.random.default_rng(7003)
    for case in range(4):
        space, score, n_trials = random_space(rng), random_score(rng), int(rng.integers(2, 25))
        calls = []

        def train_and_evaluate(config, score=score, calls=calls):
            calls.append(dict(config))
            return score(config)

        what = f"{n_trials} trials over {', '.join(space)}"
        results = c.call(function, train_and_evaluate, space, n_trials, rng=np.random.default_rng(case))
        check_search_results(c, results, space, n_trials, score, what)
        c.expect(len(calls) == n_trials, "calls", f"{what}: train_and_evaluate called {len(calls)} times")
        first_name = next(iter(space))
        used = [config[first_name] for config, _ in results]
        c.expect(set(used) <= set(space[first_name].given) and len(set(used)) == n_trials, "fresh draws",
                 f"{what}: the configs do not hold {n_trials} different draws of {first_name}")
        c.expect(results[0][0] == max(calls, key=score), "best first", f"{what}: the best config is not first")
    # Reproducible for a seeded generator, different for another seed.
    space_args = np.random.default_rng(5)
    score = random_score(space_args)
    runs = [c.call(function, score, random_space(np.random.default_rng(9)), 6, rng=np.random.default_rng(seed))
            for seed in (4, 4, 8)]
    configs = [[r[0] for r in run] for run in runs]
    c.expect(configs[0] == configs[1], "same seed", "two searches with rng seeded alike gave different configs")
    c.expect(configs[0] != configs[2], "other seed", "two searches with different seeds gave the same configs")
    results = c.call(function, score, random_space(np.random.default_rng(9)), 3)
    check_search_results(c, results, random_space(np.random.default_rng(9)), 3, score, "without rng")


def random_results(rng):
    """Made-up search results over 2 or 3 positive hyperparameters, sorted best first."""
    names = ["learning_rate", "units", "beta_gap"][: int(rng.integers(2, 4))]
    n = int(rng.integers(4, 15))
    results = []
    for _ in range(n):
        config = {name: float(10 ** rng.uniform(-5, 3)) for name in names}
        results.append((config, float(rng.uniform(0, 1))))
    return sorted(results, key=lambda result: result[1], reverse=True)


@hidden_test
def zoom(c, function):
    rng = np.random.default_rng(7004)
    for _ in range(4):
        results = random_results(rng)
        top_k = int(rng.integers(2, len(results)))
        space = c.call(function, results, top_k)
        check_zoomed_space(c, space, results, top_k, f"top {top_k} of {len(results)}", n=3000)
    # top_k = 1: every sampler returns the best value.
    results = random_results(rng)
    check_top_one(c, c.call(function, results, 1), results, "top 1")
