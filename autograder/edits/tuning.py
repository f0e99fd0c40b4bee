"""Mistakes students make in assignment 07 (mutants) and valid rewrites (variants).

Each is an edit of the source notebook's solution cell, so that no second copy of a
solution exists: a mutant must lose the exercise's points, a variant must keep them.
"""

from autograder.submissions import Edit

DRAW = "r = rng.uniform(np.log10(low), np.log10(high), size)"
BETA = "return 1 - sample_log_uniform(1 - high, 1 - low, size, rng)"
CONFIG = "config = {name: sampler(rng) for name, sampler in space.items()}"
SORT = "return sorted(results, key=lambda result: result[1], reverse=True)"
BEST = "best = [config for config, _ in results[:top_k]]"
SAMPLER = "space[name] = lambda rng, low=low, high=high: sample_log_uniform(low, high, None, rng)"
LINEAR = "return rng.uniform(low, high, size)"
INTEGER = "return rng.integers(low, high + 1, size)"
LOG = "return sample_log_uniform(low, high, size, rng)"
ONE_MINUS_BETA = "return sample_beta(low, high, size, rng)"
UNKNOWN = "raise ValueError(f\"unknown scale {scale!r}: expected 'linear', 'integer', 'log' or '1 - beta'\")"
#: The whole body of the solution of sample_hyperparameter, from its first test of the scale to its error.
DISPATCH = (f'    if scale == "linear":\n        {LINEAR}\n    if scale == "integer":\n        {INTEGER}\n'
            f'    if scale == "log":\n        {LOG}\n    if scale == "1 - beta":\n        {ONE_MINUS_BETA}\n    {UNKNOWN}')

MUTANTS = [
    # sample_log_uniform
    Edit("sample_log_uniform", "uniform on the linear scale", ((DRAW, "r = np.log10(rng.uniform(low, high, size))"),), named_by="The samples are uniform on the LINEAR scale"),
    Edit("sample_log_uniform", "exponent drawn between low and high themselves", ((DRAW, "r = rng.uniform(low, high, size)"),), named_by="the exponent r was drawn between low and high themselves"),
    Edit("sample_log_uniform", "natural logarithm, but 10 ** r", ((DRAW, "r = rng.uniform(np.log(low), np.log(high), size)"),), named_by="The logarithm and the power must have the same base"),
    Edit("sample_log_uniform", "returns the exponent instead of the value", (("return 10 ** r", "return r"),), named_by="These are the exponents r"),
    Edit("sample_log_uniform", "draws from the global numpy state, ignoring rng",
         ((DRAW, "r = np.random.uniform(np.log10(low), np.log10(high), size)"),), named_by="not from np.random"),
    Edit("sample_log_uniform", "ignores size", ((DRAW, "r = rng.uniform(np.log10(low), np.log10(high))"),), named_by="Pass `size` on to the generator, rng.uniform(a, b, size)"),
    Edit("sample_log_uniform", "log10 for the bounds, but np.exp to return", (("return 10 ** r", "return np.exp(r)"),), named_by="The logarithm and the power must have the same base"),
    Edit("sample_log_uniform", "bounds in the wrong order (the generator refuses low > high)",
         ((DRAW, "r = rng.uniform(np.log10(high), np.log10(low), size)"),), named_by="the smaller bound comes first, np.log10(low)"),
    Edit("sample_log_uniform", "evenly spaced exponents (np.linspace) instead of random ones",
         ((DRAW, "r = np.linspace(np.log10(low), np.log10(high), size)"),), named_by="evenly spaced on the log scale"),
    Edit("sample_log_uniform", "a fresh generator instead of rng",
         ((DRAW, "rng = np.random.default_rng()\n    " + DRAW),), named_by="nor from a generator of your own"),
    # sample_beta
    Edit("sample_beta", "beta uniform", ((BETA, "return rng.uniform(low, high, size)"),), named_by="beta looks uniform on the linear scale"),
    Edit("sample_beta", "beta itself log-uniform", ((BETA, "return sample_log_uniform(low, high, size, rng)"),), named_by="beta itself looks log-uniform"),
    Edit("sample_beta", "returns 1 - beta", ((BETA, "return sample_log_uniform(1 - high, 1 - low, size, rng)"),), named_by="These are values of 1 - beta"),
    Edit("sample_beta", "forgets the 1 - on the bounds",
         ((BETA, "return 1 - sample_log_uniform(high, low, size, rng)"),), named_by="The log-uniform draw got beta's own bounds"),
    Edit("sample_beta", "bounds of 1 - beta in the wrong order (the generator refuses low > high)",
         ((BETA, "return 1 - sample_log_uniform(1 - low, 1 - high, size, rng)"),), named_by="the smaller bound comes first, 1 - high, then 1 - low"),
    Edit("sample_beta", "a fresh generator instead of rng",
         ((BETA, "return 1 - sample_log_uniform(1 - high, 1 - low, size, np.random.default_rng())"),), named_by="Pass your rng on to sample_log_uniform"),
    Edit("sample_beta", "rng not passed on to sample_log_uniform",
         ((BETA, "return 1 - sample_log_uniform(1 - high, 1 - low, size)"),), named_by="Pass your rng on to sample_log_uniform"),
    Edit("sample_beta", "1 - taken of the result only, bounds low and high",
         ((BETA, "return 1 - sample_log_uniform(low, high, size, rng)"),), named_by="1 - beta was drawn log-uniformly between low and high themselves"),
    # sample_hyperparameter
    Edit("sample_hyperparameter", "rng.integers(low, high): high is never drawn",
         ((INTEGER, "return rng.integers(low, high, size)"),), named_by="`high` never comes up"),
    Edit("sample_hyperparameter", "rounds a uniform number: the ends come up half as often",
         ((INTEGER, "return np.round(rng.uniform(low, high, size)).astype(int)"),), named_by="half as often"),
    Edit("sample_hyperparameter", "integer scale truncates a uniform number between low and high",
         ((INTEGER, "return rng.uniform(low, high, size).astype(int)"),), named_by="`high` never comes up"),
    Edit("sample_hyperparameter", "integer scale draws real numbers", ((INTEGER, LINEAR),),
         named_by="These are not whole numbers"),
    Edit("sample_hyperparameter", "linear scale drawn log-uniformly", ((LINEAR, LOG),),
         named_by="look drawn on the \"log\" scale"),
    Edit("sample_hyperparameter", "log scale drawn uniformly", ((LOG, LINEAR),),
         named_by="look drawn on the \"linear\" scale"),
    Edit("sample_hyperparameter", "1 - beta scale returns 1 - beta",
         ((ONE_MINUS_BETA, "return sample_log_uniform(1 - high, 1 - low, size, rng)"),),
         named_by="These are values of 1 - beta"),
    Edit("sample_hyperparameter", "linear scale from the global numpy state",
         ((LINEAR, "return np.random.uniform(low, high, size)"),), named_by="not from np.random"),
    Edit("sample_hyperparameter", "rng not passed on to sample_log_uniform",
         ((LOG, "return sample_log_uniform(low, high, size)"),), named_by="pass rng on to sample_log_uniform"),
    Edit("sample_hyperparameter", "integer scale ignores size", ((INTEGER, "return rng.integers(low, high + 1)"),),
         named_by="Pass `size` on to the generator"),
    Edit("sample_hyperparameter", "an unknown scale returns None", ((UNKNOWN, "return None"),),
         named_by="End with `raise ValueError(...)` for any other scale"),
    Edit("sample_hyperparameter", "the last branch takes every other scale as \"1 - beta\"",
         (('if scale == "1 - beta":\n        ' + ONE_MINUS_BETA + "\n    " + UNKNOWN, ONE_MINUS_BETA),),
         named_by="End with `raise ValueError(...)` for any other scale"),
    # random_search
    Edit("random_search", "sorted from the worst to the best", ((SORT, "return sorted(results, key=lambda result: result[1])"),), named_by="They are in INCREASING order, the worst first"),
    Edit("random_search", "results not sorted", ((SORT, "return results"),), named_by="The results are not sorted at all"),
    Edit("random_search", "one config drawn before the loop and reused",
         (("    results = []\n    for _ in range(n_trials):\n        " + CONFIG,
           "    results = []\n    " + CONFIG + "\n    for _ in range(n_trials):"),), named_by="draw a new config inside the loop"),
    Edit("random_search", "one dict updated in place at every trial",
         (("    results = []\n", "    results = []\n    config = {}\n"),
          (CONFIG, "for name, sampler in space.items():\n            config[name] = sampler(rng)")), named_by="Make a NEW dict for every trial"),
    Edit("random_search", "a new generator for each sampler call",
         ((CONFIG, "config = {name: sampler(np.random.default_rng()) for name, sampler in space.items()}"),), named_by="nor from a generator of your own"),
    Edit("random_search", "one trial too few", (("for _ in range(n_trials):", "for _ in range(n_trials - 1):"),), named_by="One trial too few"),
    Edit("random_search", "pairs in the order (score, config)",
         (("results.append((config, train_and_evaluate(config)))", "results.append((train_and_evaluate(config), config))"),
          (SORT, "return sorted(results, key=lambda result: result[0], reverse=True)")), named_by="a pair (score, config); expected (config, score)"),
    Edit("random_search", "samplers called with the np.random module",
         ((CONFIG, "config = {name: sampler(np.random) for name, sampler in space.items()}"),), named_by="not with the np.random module"),
    Edit("random_search", "a generator with a fixed seed for every trial",
         ((CONFIG, "config = {name: sampler(np.random.default_rng(0)) for name, sampler in space.items()}"),), named_by="the same fixed seed at each trial"),
    # zoom
    Edit("zoom", "late-binding lambda: every sampler uses the last bounds",
         ((SAMPLER, "space[name] = lambda rng: sample_log_uniform(low, high, None, rng)"),), named_by="A lambda made in a loop reads low and high when it is called"),
    Edit("zoom", "zooms on the worst configurations", ((BEST, "best = [config for config, _ in results[-top_k:]]"),), named_by="the range of the 3 WORST configs"),
    Edit("zoom", "ignores top_k", ((BEST, "best = [config for config, _ in results]"),), named_by="ALL 7 configs, not only the best top_k"),
    Edit("zoom", "one configuration too many", ((BEST, "best = [config for config, _ in results[:top_k + 1]]"),), named_by="one more than top_k"),
    Edit("zoom", "uniform instead of log-uniform",
         ((SAMPLER, "space[name] = lambda rng, low=low, high=high: rng.uniform(low, high)"),), named_by="The samples are uniform on the LINEAR scale"),
    Edit("zoom", "returns the bounds instead of samplers", ((SAMPLER, "space[name] = (low, high)"),), named_by="is the pair of bounds"),
    Edit("zoom", "bounds passed as (high, low)",
         ((SAMPLER, "space[name] = lambda rng, low=low, high=high: sample_log_uniform(high, low, None, rng)"),), named_by="takes the smaller value first"),
    Edit("zoom", "bounds from the first and the last of the best, not their min and max",
         (("low, high = min(values), max(values)", "low, high = values[-1], values[0]"),), named_by="not the values of the first and the last config"),
    Edit("zoom", "re-sorts the results from the worst up before taking top_k",
         ((BEST, "ranked = sorted(results, key=lambda result: result[1])\n    best = [config for config, _ in ranked[:top_k]]"),), named_by="without sorting it again"),
    Edit("zoom", "samplers ignore the rng they are given",
         ((SAMPLER, "space[name] = lambda rng, low=low, high=high: sample_log_uniform(low, high, None)"),), named_by="Each sampler must pass the rng it receives on"),
    Edit("zoom", "samplers return an array of one value (size=1)",
         ((SAMPLER, "space[name] = lambda rng, low=low, high=high: sample_log_uniform(low, high, 1, rng)"),), named_by="Ask sample_log_uniform for one number with size=None"),
]

VARIANTS = [
    # sample_log_uniform
    Edit("sample_log_uniform", "natural log and exp", ((DRAW, "r = rng.uniform(np.log(low), np.log(high), size)"),
                                                       ("return 10 ** r", "return np.exp(r)"))),
    Edit("sample_log_uniform", "low times a power of the ratio",
         ((DRAW, "r = rng.random(size)"), ("return 10 ** r", "return low * (high / low) ** r"))),
    Edit("sample_log_uniform", "np.power and keyword arguments",
         ((DRAW, "r = rng.uniform(low=np.log10(low), high=np.log10(high), size=size)"),
          ("return 10 ** r", "return np.power(10.0, r)"))),
    Edit("sample_log_uniform", "base 2", ((DRAW, "r = rng.uniform(np.log2(low), np.log2(high), size)"),
                                          ("return 10 ** r", "return 2.0 ** r"))),
    # sample_beta
    Edit("sample_beta", "exponent drawn directly", ((BETA, "r = rng.uniform(np.log10(1 - high), np.log10(1 - low), size)\n"
                                                           "    return 1 - 10 ** r"),)),
    Edit("sample_beta", "natural logarithm", ((BETA, "gap = np.exp(rng.uniform(np.log(1 - high), np.log(1 - low), size))\n"
                                                     "    return 1.0 - gap"),)),
    # sample_hyperparameter
    Edit("sample_hyperparameter", "rng.integers with endpoint=True",
         ((INTEGER, "return rng.integers(low, high, size, endpoint=True)"),)),
    Edit("sample_hyperparameter", "the floor of a uniform number up to high + 1",
         ((INTEGER, "return np.floor(rng.uniform(low, high + 1, size)).astype(int)"),)),
    Edit("sample_hyperparameter", "rng.choice among the whole numbers, and the linear scale from rng.random",
         ((INTEGER, "return rng.choice(np.arange(low, high + 1), size)"),
          (LINEAR, "return low + (high - low) * rng.random(size)"))),
    Edit("sample_hyperparameter", "a dict of samplers",
         ((DISPATCH, ('    samplers = {"linear": lambda: rng.uniform(low, high, size),\n'
                      '                "integer": lambda: rng.integers(low, high, size, endpoint=True),\n'
                      '                "log": lambda: sample_log_uniform(low, high, size, rng),\n'
                      '                "1 - beta": lambda: sample_beta(low, high, size, rng)}\n'
                      '    if scale not in samplers:\n'
                      '        raise ValueError(f"unknown scale {scale!r}")\n'
                      '    return samplers[scale]()')),)),
    Edit("sample_hyperparameter", "a match statement, and 1 - beta drawn directly",
         ((DISPATCH, ('    match scale:\n'
                      '        case "linear":\n            return rng.uniform(low, high, size)\n'
                      '        case "integer":\n            return rng.integers(low, high + 1, size)\n'
                      '        case "log":\n            return sample_log_uniform(low, high, size, rng)\n'
                      '        case "1 - beta":\n'
                      '            return 1 - 10 ** rng.uniform(np.log10(1 - high), np.log10(1 - low), size)\n'
                      '        case _:\n            raise ValueError(scale)')),)),
    # random_search
    Edit("random_search", "sorts in place by the negative score",
         ((SORT, "results.sort(key=lambda result: -result[1])\n    return results"),)),
    Edit("random_search", "draws every hyperparameter for all trials first",
         (("    results = []\n    for _ in range(n_trials):\n        " + CONFIG,
           "    draws = {name: [sampler(rng) for _ in range(n_trials)] for name, sampler in space.items()}\n"
           "    results = []\n    for i in range(n_trials):\n        config = {name: draws[name][i] for name in space}"),)),
    Edit("random_search", "separate lists of configs and scores, ordered with np.argsort",
         (("    results = []\n    for _ in range(n_trials):\n        " + CONFIG + "\n        results.append((config, train_and_evaluate(config)))\n    " + SORT,
           "    configs = [{name: sampler(rng) for name, sampler in space.items()} for _ in range(n_trials)]\n"
           "    scores = [train_and_evaluate(config) for config in configs]\n"
           "    order = np.argsort(scores)[::-1]\n"
           "    return [(configs[i], scores[i]) for i in order]"),)),
    Edit("random_search", "sorted ascending, then reversed",
         ((SORT, "return sorted(results, key=lambda result: result[1])[::-1]"),)),
    # zoom
    Edit("zoom", "functools.partial", ((SAMPLER, "import functools\n        space[name] = functools.partial(_draw_between, low, high)"),
                                       ("    return space",
                                        "    return space\n\n\ndef _draw_between(low, high, rng):\n"
                                        "    return sample_log_uniform(low, high, None, rng)"))),
    Edit("zoom", "a sampler factory, natural logs, and its own sorting",
         ((BEST, "ranked = sorted(results, key=lambda result: result[1], reverse=True)\n"
                 "    best = [config for config, _ in ranked[:top_k]]"),
          (SAMPLER, "space[name] = make_sampler(low, high)"),
          ("    return space", "    return space\n\n\ndef make_sampler(low, high):\n"
                                "    return lambda rng: float(np.exp(rng.uniform(np.log(low), np.log(high))))"))),
    Edit("zoom", "bounds with numpy", (("low, high = min(values), max(values)", "low, high = np.min(values), np.max(values)"),)),
]

#: The mistakes of the example submission "mistakes".
EXAMPLE_MISTAKES = [
    next(m for m in MUTANTS if m.description == "beta uniform"),
    next(m for m in MUTANTS if m.description == "rng.integers(low, high): high is never drawn"),
    next(m for m in MUTANTS if m.description == "late-binding lambda: every sampler uses the last bounds"),
]
