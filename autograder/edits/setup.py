"""Mistakes students make in assignment 00 (mutants) and valid rewrites (variants).

Each is an edit of the source notebook's solution cell, so that no second copy of a
solution exists: a mutant must lose the exercise's points, a variant must keep them.
"""

from autograder.submissions import Edit

PERMUTATION = "permutation = rng.permutation(m)"
SHUFFLE = "X_shuffled, Y_shuffled = X[:, permutation], Y[:, permutation]"
MU = "mu = np.mean(X_train, axis=1, keepdims=True)"
SIGMA = "sigma = np.std(X_train, axis=1, keepdims=True)"
GUARD = "sigma = np.where(sigma == 0, 1.0, sigma)"
TRAIN_NORM = "X_train_norm = (X_train - mu) / sigma"
OTHER_NORM = "X_other_norm = (X_other - mu) / sigma"
BIAS = "avoidable_bias = train_error - base_error"
VARIANCE = "variance = dev_error - train_error"

MUTANTS = [
    # split_dataset
    Edit("split_dataset", "uses math.floor without importing math",
         (("m_dev = int(fractions[1] * m)", "m_dev = math.floor(fractions[1] * m)"),),
         named_by="math is a module that this notebook does not import"),
    Edit("split_dataset", "no shuffle: the first columns become the training set",
         ((PERMUTATION, "permutation = np.arange(m)"),), named_by="nothing was shuffled"),
    Edit("split_dataset", "X and Y shuffled with two different permutations",
         ((SHUFFLE, "X_shuffled, Y_shuffled = X[:, permutation], Y[:, rng.permutation(m)]"),),
         named_by="Use the SAME permutation"),
    Edit("split_dataset", "the rounding remainder goes to the test set",
         (("m_train = m - m_dev - m_test", "m_train = int(fractions[0] * m)"),
          ("m_test = int(fractions[2] * m)", "m_test = m - int(fractions[0] * m) - m_dev")),
         named_by="The test set got the rounding remainder"),
    Edit("split_dataset", "shuffles with the global numpy state, ignoring rng",
         ((PERMUTATION, "permutation = np.random.permutation(m)"),), named_by="not from np.random"),
    Edit("split_dataset", "examples taken as rows", ((SHUFFLE, "X_shuffled, Y_shuffled = X[permutation], Y[permutation]"),
                                                     ("m = X.shape[1]", "m = X.shape[0]")),
         named_by="The example indices were used on axis 0"),
    Edit("split_dataset", "rounds the dev and test sizes to the nearest integer instead of down",
         (("m_dev = int(fractions[1] * m)", "m_dev = round(fractions[1] * m)"),
          ("m_test = int(fractions[2] * m)", "m_test = round(fractions[2] * m)")), named_by="The sizes were rounded"),
    Edit("split_dataset", "seeds the global numpy state with np.random.seed and shuffles with np.random",
         ((PERMUTATION, "np.random.seed(0)\n    permutation = np.random.permutation(m)"),),
         named_by="no np.random.seed(...)"),
    Edit("split_dataset", "sorts random keys from rng.randn, which a Generator does not have",
         ((PERMUTATION, "permutation = np.argsort(rng.randn(m))"),), named_by="it has no randn"),
    Edit("split_dataset", "dev and test overlap by one example",
         (("X_test, Y_test = X_shuffled[:, m_train + m_dev:], Y_shuffled[:, m_train + m_dev:]",
           "X_test, Y_test = X_shuffled[:, m_train + m_dev - 1:-1], Y_shuffled[:, m_train + m_dev - 1:-1]"),),
         named_by="X_dev and X_test share"),
    # normalize_inputs
    Edit("normalize_inputs", "statistics of the training and the other set together",
         ((MU, "X_all = np.concatenate([X_train, X_other], axis=1)\n    mu = np.mean(X_all, axis=1, keepdims=True)"),
          (SIGMA, "sigma = np.std(X_all, axis=1, keepdims=True)")),
         named_by="the mean over X_train and X_other together"),
    Edit("normalize_inputs", "the other set normalized with its own statistics",
         ((OTHER_NORM, "X_other_norm = (X_other - np.mean(X_other, axis=1, keepdims=True)) / "
                       "np.std(X_other, axis=1, keepdims=True)"),),
         named_by="X_other's own mean and standard deviation"),
    Edit("normalize_inputs", "statistics over the features of each example (axis 0)",
         ((MU, "mu = np.mean(X_train, axis=0, keepdims=True)"), (SIGMA, "sigma = np.std(X_train, axis=0, keepdims=True)")),
         named_by="axis=0 gives one per example"),
    Edit("normalize_inputs", "no guard against a constant feature", ((GUARD, ""),),
         named_by="Where sigma is 0, divide by 1 instead"),
    Edit("normalize_inputs", "divides by the variance", ((SIGMA, "sigma = np.var(X_train, axis=1, keepdims=True)"),),
         named_by="That is the variance of each row"),
    Edit("normalize_inputs", "sample standard deviation (1/(m-1))",
         ((SIGMA, "sigma = np.std(X_train, axis=1, keepdims=True, ddof=1)"),),
         named_by="the sample standard deviation, with 1/(m-1)"),
    Edit("normalize_inputs", "normalizes X_train in place",
         ((TRAIN_NORM, "X_train -= mu\n    X_train /= sigma\n    X_train_norm = X_train"),),
         named_by="modified its input X_train in place"),
    # diagnose_bias_variance
    Edit("diagnose_bias_variance", "ignores the base error", ((BIAS, "avoidable_bias = train_error"),),
         named_by="leaves only 1% of avoidable bias"),
    Edit("diagnose_bias_variance", "variance measured from the base error",
         ((VARIANCE, "variance = dev_error - base_error"),), named_by="the variance is measured from the base error"),
    Edit("diagnose_bias_variance", "never reports both",
         (("if high_bias and high_variance:\n        return \"high bias and high variance\"\n    ", ""),),
         named_by="test for 'high bias and high variance' before"),
    Edit("diagnose_bias_variance", "threshold hard-coded to 5%",
         (("avoidable_bias > threshold", "avoidable_bias > 0.05"), ("variance > threshold", "variance > 0.05")),
         named_by="the diagnosis for a threshold of 0.05"),
    Edit("diagnose_bias_variance", "bias judged from the dev error", ((BIAS, "avoidable_bias = dev_error - base_error"),),
         named_by="the avoidable bias is measured from the dev error"),
    Edit("diagnose_bias_variance", "threshold hard-coded to 5% in the variance test only",
         (("variance > threshold", "variance > 0.05"),),
         named_by="the variance is compared with 0.05 instead of the threshold"),
]

VARIANTS = [
    # split_dataset
    Edit("split_dataset", "shuffles an index array in place",
         ((PERMUTATION, "permutation = np.arange(m)\n    rng.shuffle(permutation)"),)),
    Edit("split_dataset", "cuts the permutation with np.split and uses take",
         ((SHUFFLE, "train_idx, dev_idx, test_idx = np.split(permutation, [m_train, m_train + m_dev])"),
          ("X_train, Y_train = X_shuffled[:, :m_train], Y_shuffled[:, :m_train]",
           "X_train, Y_train = np.take(X, train_idx, axis=1), np.take(Y, train_idx, axis=1)"),
          ("X_dev, Y_dev = X_shuffled[:, m_train:m_train + m_dev], Y_shuffled[:, m_train:m_train + m_dev]",
           "X_dev, Y_dev = np.take(X, dev_idx, axis=1), np.take(Y, dev_idx, axis=1)"),
          ("X_test, Y_test = X_shuffled[:, m_train + m_dev:], Y_shuffled[:, m_train + m_dev:]",
           "X_test, Y_test = np.take(X, test_idx, axis=1), np.take(Y, test_idx, axis=1)"))),
    Edit("split_dataset", "sorts random keys from rng.standard_normal",
         ((PERMUTATION, "permutation = np.argsort(rng.standard_normal(m))"),)),
    Edit("split_dataset", "math.floor and the test set first",
         (("m_dev = int(fractions[1] * m)", "import math\n    m_dev = math.floor(m * fractions[1])"),
          ("m_test = int(fractions[2] * m)", "m_test = math.floor(m * fractions[2])"),
          ("X_train, Y_train = X_shuffled[:, :m_train], Y_shuffled[:, :m_train]",
           "X_train, Y_train = X_shuffled[:, m - m_train:], Y_shuffled[:, m - m_train:]"),
          ("X_dev, Y_dev = X_shuffled[:, m_train:m_train + m_dev], Y_shuffled[:, m_train:m_train + m_dev]",
           "X_dev, Y_dev = X_shuffled[:, m_test:m_test + m_dev], Y_shuffled[:, m_test:m_test + m_dev]"),
          ("X_test, Y_test = X_shuffled[:, m_train + m_dev:], Y_shuffled[:, m_train + m_dev:]",
           "X_test, Y_test = X_shuffled[:, :m_test], Y_shuffled[:, :m_test]"))),
    # normalize_inputs
    Edit("normalize_inputs", "a small epsilon instead of replacing zeros",
         ((SIGMA, "sigma = np.std(X_train, axis=1, keepdims=True) + 1e-8"), (GUARD, ""))),
    Edit("normalize_inputs", "mean and std written out, reshaped into columns",
         ((MU, "mu = X_train.mean(axis=1).reshape(-1, 1)"),
          (SIGMA, "sigma = np.sqrt(np.sum((X_train - mu) ** 2, axis=1) / X_train.shape[1]).reshape(-1, 1)"))),
    Edit("normalize_inputs", "zeros replaced by boolean indexing on a copy",
         ((GUARD, "sigma = sigma.copy()\n    sigma[sigma == 0] = 1"),)),
    Edit("normalize_inputs", "centres first, then scales by multiplying with 1/sigma",
         ((TRAIN_NORM, "X_train_norm = (X_train - mu) * (1 / sigma)"), (OTHER_NORM, "X_other_norm = (X_other - mu) * (1 / sigma)"))),
    # diagnose_bias_variance
    Edit("diagnose_bias_variance", "looks the answer up in a dict",
         (("if high_bias and high_variance:\n        return \"high bias and high variance\"\n    if high_bias:\n"
           "        return \"high bias\"\n    if high_variance:\n        return \"high variance\"\n"
           "    return \"low bias and low variance\"",
           "answers = {(True, True): \"high bias and high variance\", (True, False): \"high bias\",\n"
           "               (False, True): \"high variance\", (False, False): \"low bias and low variance\"}\n"
           "    return answers[(bool(high_bias), bool(high_variance))]"),)),
    Edit("diagnose_bias_variance", "compares the errors with shifted thresholds",
         (("high_bias = avoidable_bias > threshold", "high_bias = train_error > base_error + threshold"),
          ("high_variance = variance > threshold", "high_variance = dev_error > train_error + threshold"))),
    Edit("diagnose_bias_variance", "builds the answer from parts",
         (("if high_bias and high_variance:\n        return \"high bias and high variance\"\n    if high_bias:\n"
           "        return \"high bias\"\n    if high_variance:\n        return \"high variance\"\n"
           "    return \"low bias and low variance\"",
           "parts = [\"high bias\"] * int(high_bias) + [\"high variance\"] * int(high_variance)\n"
           "    return \" and \".join(parts) or \"low bias and low variance\""),)),
]

#: The mistakes of the example submission "mistakes".
EXAMPLE_MISTAKES = [
    next(m for m in MUTANTS if m.description == "the other set normalized with its own statistics"),
    next(m for m in MUTANTS if m.description == "ignores the base error"),
]
