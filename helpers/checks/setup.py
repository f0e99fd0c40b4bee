"""Visible checks of assignment 00, Setting up a machine-learning application.

``split_dataset`` is random, so it is checked on labelled columns: every column carries
its own id, which shows where each example went, whether its label went with it, and
whether the split was shuffled. ``normalize_inputs`` is checked on a case small enough to
follow by hand and on features of very different scales; ``diagnose_bias_variance`` on
the lecture's four cases, its Bayes-error example and errors whose diagnosis depends on
the ``threshold`` argument.
"""

import math

import numpy as np

from helpers.checks.core import student_check

SPLIT_NAMES = ("X_train", "Y_train", "X_dev", "Y_dev", "X_test", "Y_test")
RNG_HINT = "Draw the shuffle from the `rng` argument (for example `rng.permutation(m)`), not from np.random."


# ----- Exercise 1: split_dataset --------------------------------------------------------------------
def labelled_examples(m, n_x=3):
    """``X`` of shape (n_x, m) whose column j is (j, 2j + 1, j**2, ...) and ``Y`` (1, m) with Y[0, j] = 10 j.

    Row 0 names each example; the other rows show whether a column was moved as a whole and
    Y whether each label stayed with its example.
    """
    ids = np.arange(m, dtype=float)
    X = np.vstack([ids, 2 * ids + 1, ids ** 2, -ids][:n_x])
    return X, 10 * ids[np.newaxis, :]


def expected_sizes(m, fractions):
    """Accepted (train, dev, test) sizes: dev and test get floor(fraction * m), train the rest.

    Returns a set, so that a fraction * m that lands a rounding error below an integer may be
    floored either way.
    """
    sizes = set()
    for wiggle in (-1e-9, 1e-9):
        n_dev = math.floor(fractions[1] * m + wiggle)
        n_test = math.floor(fractions[2] * m + wiggle)
        sizes.add((m - n_dev - n_test, n_dev, n_test))
    return sizes


def sizes_hint(sizes, m, fractions):
    """The hint for wrong split sizes; it names rounding to the nearest integer when that explains them."""
    rounded = [round(fractions[1] * m), round(fractions[2] * m)]
    if sizes[1:] == rounded and rounded != [math.floor(fractions[1] * m), math.floor(fractions[2] * m)]:
        product = next(f * m for f, r in zip(fractions[1:], rounded) if r != math.floor(f * m))
        return (f"The sizes were rounded ({product:.4g} became {round(product)}); dev and test get floor(fraction * m) "
                "examples, rounded down: int(fractions[1] * m) or math.floor(...), not round(...).")
    n_train, n_dev = math.floor(fractions[0] * m), math.floor(fractions[1] * m)
    if sizes == [n_train, n_dev, m - n_train - n_dev] and sizes[2] != math.floor(fractions[2] * m):
        return (f"The test set got the rounding remainder ({sizes[2]} examples, not floor({fractions[2]:g} * {m}) = "
                f"{math.floor(fractions[2] * m)}); it is the training set that gets all the others: "
                "m_train = m - m_dev - m_test.")
    return "m_dev = int(fractions[1] * m) and m_test = int(fractions[2] * m); the training set gets all the others."


def overlap_hint(ids):
    """The hint for a split that is not a partition; it names two splits that share examples."""
    names = ("X_train", "X_dev", "X_test")
    for i, j in ((0, 1), (1, 2), (0, 2)):
        shared = np.intersect1d(ids[i], ids[j]).size
        if shared:
            return (f"{names[i]} and {names[j]} share {shared} example{'s' if shared > 1 else ''}: each split starts "
                    "where the previous one ends, X_shuffled[:, :m_train], [:, m_train:m_train + m_dev], "
                    "[:, m_train + m_dev:].")
    return "Shuffle the column indices once, then cut that one order into three consecutive pieces."


def rows_hint(error):
    """The hint for an IndexError on axis 0: the examples were taken as rows."""
    if isinstance(error, IndexError) and "axis 0" in str(error):
        return ("The example indices were used on axis 0, the rows (the features): examples are the columns, "
                "so m = X.shape[1] and a split selects columns, X[:, indices].")
    return None


def check_split(c, result, X, Y, fractions, what):
    """Shapes, sizes, partition and pairing of one result of split_dataset; returns the id rows."""
    c.require_type(result, (tuple, list), f"{what}: the result",
                   "Return the six arrays as a tuple: X_train, Y_train, X_dev, Y_dev, X_test, Y_test.")
    if len(result) != 6:
        c.fail(f"{what}: returned {len(result)} values; expected 6.",
               "Return X_train, Y_train, X_dev, Y_dev, X_test, Y_test, in this order.", stop=True)
    n_x, m = X.shape
    sizes = []
    for k in range(0, 6, 2):
        Xs, Ys = result[k], result[k + 1]
        for array, name, rows in ((Xs, SPLIT_NAMES[k], n_x), (Ys, SPLIT_NAMES[k + 1], 1)):
            if not isinstance(array, np.ndarray) or array.ndim != 2 or array.shape[0] != rows:
                shape = getattr(array, "shape", type(array).__name__)
                c.fail(f"{what}: {name} has shape {shape}; expected ({rows}, number of examples in the split).",
                       "Examples are columns: select columns, X[:, indices], never rows.", stop=True)
        if Xs.shape[1] != Ys.shape[1]:
            c.fail(f"{what}: {SPLIT_NAMES[k]} has {Xs.shape[1]} examples but {SPLIT_NAMES[k + 1]} has {Ys.shape[1]}.",
                   "Select the same columns from X and from Y.", stop=True)
        sizes.append(Xs.shape[1])
    accepted = expected_sizes(m, fractions)
    train, dev, test = sorted(accepted)[0]
    c.expect(tuple(sizes) in accepted,
             f"{what}: sizes {sizes[0]}/{sizes[1]}/{sizes[2]} (dev and test floor(fraction * m), train the rest)",
             f"{what}: the splits have {sizes[0]}/{sizes[1]}/{sizes[2]} examples; expected {train}/{dev}/{test}.",
             sizes_hint(sizes, m, fractions), stop=True)
    ids = [np.asarray(result[k][0]) for k in range(0, 6, 2)]
    every = np.sort(np.concatenate(ids))
    c.expect(np.array_equal(every, np.arange(m)), f"{what}: every example is in exactly one split",
             f"{what}: some examples appear twice or not at all across the three splits.",
             overlap_hint(ids), stop=True)
    X_all = np.concatenate([result[k] for k in range(0, 6, 2)], axis=1)
    Y_all = np.concatenate([result[k] for k in range(1, 6, 2)], axis=1)
    intact = np.array_equal(X_all, X[:, X_all[0].astype(int)])
    c.expect(intact, f"{what}: columns of X are moved whole",
             f"{what}: the columns of X were taken apart (entries of one example ended up in different columns).",
             "Shuffle whole columns: X[:, permutation].", stop=True)
    paired = np.array_equal(Y_all, Y[:, X_all[0].astype(int)])
    c.expect(paired, f"{what}: every label stays with its example",
             f"{what}: labels no longer match their examples.",
             "Use the SAME permutation for the columns of X and of Y.", stop=True)
    return ids


@student_check
def split_dataset(c, split_dataset):
    # 0.2 * 58 = 11.6 and 0.15 * 99 = 14.85: rounding them to the nearest integer gives other sizes than floor.
    for m, fractions in ((58, (0.6, 0.2, 0.2)), (99, (0.7, 0.15, 0.15)), (1000, (0.98, 0.01, 0.01))):
        X, Y = labelled_examples(m)
        kwargs = {} if fractions == (0.6, 0.2, 0.2) else {"fractions": fractions}
        result = c.call(split_dataset, X, Y, rng=np.random.default_rng(m), error_hint=rows_hint, **kwargs)
        ids = check_split(c, result, X, Y, fractions, f"m = {m}, fractions {fractions}")
        n_train = len(ids[0])
        c.expect(set(ids[0].astype(int)) != set(range(n_train)), f"m = {m}: the examples were shuffled",
                 f"m = {m}: the training set is exactly the first {n_train} columns: nothing was shuffled.",
                 "Shuffle the columns before cutting, so that the order of the file does not decide the split.")
    X, Y = labelled_examples(40)
    first = c.call(split_dataset, X, Y, rng=np.random.default_rng(5))
    again = c.call(split_dataset, X, Y, rng=np.random.default_rng(5))
    other = c.call(split_dataset, X, Y, rng=np.random.default_rng(6))
    c.expect(all(np.array_equal(a, b) for a, b in zip(first, again)), "the same rng seed gives the same split",
             "Two calls with rng seeded alike gave different splits.", RNG_HINT)
    c.expect(not np.array_equal(first[0], other[0]), "another rng seed gives another split",
             "Two calls with differently seeded rngs gave the same training set.",
             "Use the `rng` you are given, as it is: no np.random.seed(...) and no generator with a fixed seed "
             "inside the function (the caller seeds rng).")


# ----- Exercise 2: normalize_inputs ------------------------------------------------------------------
# By hand: feature 0 is [1, 2, 3] (mean 2, std sqrt(2/3)), feature 1 is constant, feature 2 is
# [0, 4, 8] (mean 4, std 4 sqrt(2/3)). The other set is normalized with the TRAINING statistics.
_HAND_TRAIN = np.array([[1.0, 2.0, 3.0], [10.0, 10.0, 10.0], [0.0, 4.0, 8.0]])
_HAND_OTHER = np.array([[2.0, 5.0], [10.0, 10.0], [4.0, 0.0]])
_S = np.sqrt(2 / 3)
_HAND_MU = np.array([[2.0], [10.0], [4.0]])
_HAND_SIGMA = np.array([[_S], [1.0], [4 * _S]])
_HAND_TRAIN_NORM = np.array([[-1, 0, 1], [0, 0, 0], [-1, 0, 1]]) / _S
_HAND_OTHER_NORM = np.array([[0.0, 3.0 / _S], [0.0, 0.0], [0.0, -1.0 / _S]])

MU_HINT = "mu is the mean of each feature (each row) over the training examples: axis=1, keepdims=True."
SIGMA_HINT = ("sigma is the standard deviation of each row of X_train with 1/m, as in the formula above: "
              "np.std(..., axis=1, keepdims=True). Not the variance, and not from X_other.")
OTHER_HINT = "Normalize X_other with mu and sigma of the TRAINING set: (X_other - mu) / sigma."


def mu_hint(mu, X_train, X_other):
    """The hint for a wrong mu; it names the mean over both sets together when that explains it."""
    both = np.mean(np.concatenate([X_train, X_other], axis=1), axis=1, keepdims=True)
    if np.shape(mu) == both.shape and np.allclose(mu, both, rtol=1e-7, atol=1e-9):
        return ("That is the mean over X_train and X_other together: mu and sigma come from the training set "
                "only, np.mean(X_train, axis=1, keepdims=True).")
    return MU_HINT


def sigma_hint(sigma, X_train, rows):
    """The hint for a wrong sigma (compared on ``rows``); it names the variance and the 1/(m-1) std."""
    sigma = np.asarray(sigma, dtype=float)[rows]
    if np.allclose(sigma, np.var(X_train, axis=1, keepdims=True)[rows], rtol=1e-6):
        return ("That is the variance of each row; sigma is the standard deviation, its square root: "
                "np.std(X_train, axis=1, keepdims=True).")
    if np.allclose(sigma, np.std(X_train, axis=1, keepdims=True, ddof=1)[rows], rtol=1e-6):
        return ("That is the sample standard deviation, with 1/(m-1) (ddof=1); the formula divides by m, "
                "np.std's default (ddof=0).")
    return SIGMA_HINT


def other_hint(X_other_norm, X_other, rows):
    """The hint for a wrong X_other_norm; it names normalizing X_other with its own statistics."""
    with np.errstate(divide="ignore", invalid="ignore"):
        own = (X_other - np.mean(X_other, axis=1, keepdims=True)) / np.std(X_other, axis=1, keepdims=True)
    if np.allclose(np.asarray(X_other_norm, dtype=float)[rows], own[rows], rtol=1e-6):
        return ("X_other_norm was normalized with X_other's own mean and standard deviation; use mu and sigma "
                "of the TRAINING set: (X_other - mu) / sigma.")
    return OTHER_HINT


def axis_hint(error):
    """The hint for a broadcasting error from statistics over axis 0 (one per example, not per feature)."""
    if isinstance(error, ValueError) and "broadcast" in str(error):
        return ("mu and sigma must be columns of shape (n_x, 1), one per feature: take the statistics over the "
                "examples, axis=1 (axis=0 gives one per example, over its features).")
    return None


def require_normalize_result(c, result, n_x, m_train, m_other, what):
    """Stop unless the result is (X_train_norm, X_other_norm, mu, sigma) with the right shapes."""
    c.require_type(result, (tuple, list), f"{what}: the result", "Return X_train_norm, X_other_norm, mu, sigma.")
    if len(result) != 4:
        c.fail(f"{what}: returned {len(result)} values; expected 4.",
               "Return X_train_norm, X_other_norm, mu, sigma, in this order.", stop=True)
    names = ("X_train_norm", "X_other_norm", "mu", "sigma")
    shapes = ((n_x, m_train), (n_x, m_other), (n_x, 1), (n_x, 1))
    for array, name, shape in zip(result, names, shapes):
        c.require_shape(array, shape, f"{what}: {name}",
                        "mu and sigma are columns of shape (n_x, 1): use keepdims=True." if name in ("mu", "sigma")
                        else "Normalizing keeps the shape of the data.")


def check_normalized(c, result, X_train, X_other, what, rtol=1e-4, atol=1e-8):
    """Compare a result with the normalization by training statistics (constant features: finite, 0 on train)."""
    X_train_norm, X_other_norm, mu, sigma = result
    expected_mu = np.mean(X_train, axis=1, keepdims=True)
    spread = np.std(X_train, axis=1, keepdims=True)
    varies = spread[:, 0] > 0
    c.expect_close(mu, expected_mu, f"{what}: mu", rtol=1e-7, atol=1e-9, hint=mu_hint(mu, X_train, X_other),
                   stop=True)
    c.expect_close(sigma[varies], spread[varies], f"{what}: sigma of the non-constant features", rtol=rtol,
                   atol=0, hint=sigma_hint(sigma, X_train, varies), stop=True)
    c.expect_close(X_train_norm[varies], ((X_train - expected_mu) / np.where(varies[:, None], spread, 1))[varies],
                   f"{what}: X_train_norm", rtol=rtol, atol=atol * 100,
                   hint="X_train_norm = (X_train - mu) / sigma, row by row (broadcasting does it).", stop=True)
    c.expect_close(X_other_norm[varies], ((X_other - expected_mu) / np.where(varies[:, None], spread, 1))[varies],
                   f"{what}: X_other_norm", rtol=rtol, atol=atol * 100, hint=other_hint(X_other_norm, X_other, varies),
                   stop=True)
    if not varies.all():
        constant = ~varies
        finite = (np.all(np.isfinite(X_train_norm[constant])) and np.all(np.isfinite(X_other_norm[constant]))
                  and np.all(np.isfinite(sigma[constant])) and np.all(sigma[constant] > 0))
        c.expect(finite and np.all(X_train_norm[constant] == 0),
                 f"{what}: a constant feature gives 0 on the training set, no NaN",
                 f"{what}: a constant feature (sigma = 0) gives NaN, infinity or nonzero values.",
                 "Where sigma is 0, divide by 1 instead (np.where(sigma == 0, 1, sigma)).", stop=True)


@student_check
def normalize_inputs(c, normalize_inputs):
    what = "3 features by hand"
    result = c.call(normalize_inputs, _HAND_TRAIN, _HAND_OTHER, error_hint=axis_hint)
    require_normalize_result(c, result, 3, 3, 2, what)
    c.ok(f"{what}: shapes (3, 3), (3, 2), (3, 1), (3, 1)")
    c.expect_close(result[2], _HAND_MU, f"{what}: mu", rtol=1e-9, hint=mu_hint(result[2], _HAND_TRAIN, _HAND_OTHER),
                   stop=True)
    c.expect_close(result[3][[0, 2]], _HAND_SIGMA[[0, 2]], f"{what}: sigma of features 0 and 2", rtol=1e-4,
                   hint=sigma_hint(result[3], _HAND_TRAIN, [0, 2]), stop=True)
    constant_ok = bool(np.all(np.isfinite(result[3][1])) and np.all(result[3][1] > 0))
    c.expect(constant_ok, f"{what}: sigma of the constant feature 1 is positive, not 0",
             f"{what}: sigma of the constant feature 1 is {result[3][1, 0]!r}; dividing by it gives NaN.",
             "Where sigma is 0, divide by 1 instead (np.where(sigma == 0, 1, sigma)).", stop=True)
    c.expect_close(result[0], _HAND_TRAIN_NORM, f"{what}: X_train_norm", rtol=1e-4, atol=1e-7,
                   hint="X_train_norm = (X_train - mu) / sigma, row by row (broadcasting does it).", stop=True)
    c.expect_close(result[1], _HAND_OTHER_NORM, f"{what}: X_other_norm", rtol=1e-4, atol=1e-7, hint=OTHER_HINT)

    # Features with scales from 1e-2 to 1e3, and another set with another distribution.
    rng = np.random.default_rng(0)
    scales = np.array([[1000.0], [1.0], [0.01], [50.0]])
    X_train = rng.standard_normal((4, 30)) * scales + 5 * scales
    X_other = rng.standard_normal((4, 12)) * scales * 3 - 2 * scales
    what = "4 features on scales 1e-2 to 1e3"
    result = c.call(normalize_inputs, X_train, X_other, error_hint=axis_hint)
    require_normalize_result(c, result, 4, 30, 12, what)
    check_normalized(c, result, X_train, X_other, what)
    means, stds = result[0].mean(axis=1), result[0].std(axis=1)
    c.expect(np.allclose(means, 0, atol=1e-9) and np.allclose(stds, 1, rtol=1e-4),
             f"{what}: every feature of X_train_norm has mean 0 and standard deviation 1",
             f"{what}: the rows of X_train_norm have means {np.round(means, 3)} and stds {np.round(stds, 3)}.",
             SIGMA_HINT)


# ----- Exercise 3: diagnose_bias_variance --------------------------------------------------------------
#: The lecture's table (train error, dev error) -> diagnosis, with a base error near 0.
LECTURE_CASES = [
    ((0.01, 0.11), "high variance"),
    ((0.15, 0.16), "high bias"),
    ((0.15, 0.30), "high bias and high variance"),
    ((0.005, 0.01), "low bias and low variance"),
]
DIAGNOSES = ("high bias", "high variance", "high bias and high variance", "low bias and low variance")
DIAGNOSIS_HINT = ("Avoidable bias = train_error - base_error, variance = dev_error - train_error; "
                  "each is high when it is larger than threshold.")
#: Errors whose diagnosis depends on the threshold: ((train, dev), threshold) -> diagnosis.
THRESHOLD_CASES = [
    ((0.04, 0.07), 0.02, "high bias and high variance"),
    ((0.08, 0.15), 0.1, "low bias and low variance"),
    ((0.01, 0.04), 0.02, "high variance"),
]
THRESHOLD_HINT = ("Compare both gaps with the threshold argument: 0.05 is only its default, and the caller may "
                  "pass another.")


#: What the known mistakes answer for each visible case (train, dev, base, threshold), in the order of
#: MISTAKE_HINTS; written out, so that no diagnosis is computed here.
MISTAKEN_DIAGNOSES = {
    (0.01, 0.11, 0.0, 0.05): ('high variance', 'high variance', 'high variance', 'high bias and high variance'),
    (0.15, 0.16, 0.0, 0.05): ('high bias', 'high bias', 'high bias and high variance', 'high bias'),
    (0.15, 0.3, 0.0, 0.05): ('high bias and high variance', 'high bias and high variance', 'high bias and high variance', 'high bias and high variance'),
    (0.005, 0.01, 0.0, 0.05): ('low bias and low variance', 'low bias and low variance', 'low bias and low variance', 'low bias and low variance'),
    (0.15, 0.16, 0.14, 0.05): ('low bias and low variance', 'low bias and low variance', 'low bias and low variance', 'low bias and low variance'),
    (0.04, 0.07, 0.0, 0.02): ('low bias and low variance', 'high bias', 'high bias and high variance', 'high bias and high variance'),
    (0.08, 0.15, 0.0, 0.1): ('high bias and high variance', 'high variance', 'high variance', 'high bias'),
    (0.01, 0.04, 0.0, 0.02): ('low bias and low variance', 'low bias and low variance', 'high variance', 'high bias and high variance'),
}
#: The known mistakes of diagnose_bias_variance, in the order of the answers of MISTAKEN_DIAGNOSES.
MISTAKE_HINTS = (
    "That is the diagnosis for a threshold of 0.05: compare both gaps with the threshold argument (0.05 is only "
    "its default).",
    "That is the diagnosis when the variance is compared with 0.05 instead of the threshold argument.",
    "That is the diagnosis when the variance is measured from the base error; it is dev_error - train_error.",
    "That is the diagnosis when the avoidable bias is measured from the dev error; it is train_error - base_error.",
)


def diagnosis_hint(answer, expected, train, dev, base=0.0, threshold=0.05, hint=DIAGNOSIS_HINT):
    """``hint``, or one naming the mistake whose diagnosis ``answer`` is, when a known one explains it
    (for the visible cases, whose mistaken answers MISTAKEN_DIAGNOSES lists)."""
    mistaken = MISTAKEN_DIAGNOSES.get((train, dev, base, threshold), ())
    for mistaken_answer, mistake_hint in zip(mistaken, MISTAKE_HINTS):
        if answer == mistaken_answer != expected:
            return mistake_hint
    if expected == "high bias and high variance" and answer in ("high bias", "high variance"):
        return ("Both gaps are larger than the threshold here: test for 'high bias and high variance' before "
                "returning one of them alone.")
    return hint


def check_diagnosis(c, function, case, expected, what, hint=DIAGNOSIS_HINT, **kwargs):
    """Call ``function(*case, **kwargs)`` and compare its answer with ``expected``."""
    answer = c.call(function, *case, **kwargs)
    if not isinstance(answer, str) or answer not in DIAGNOSES:
        c.fail(f"{what}: returned {answer!r}; expected one of the four strings {', '.join(map(repr, DIAGNOSES))}.",
               "Return the text exactly as written in the docstring.", stop=True)
    if answer != expected:
        hint = diagnosis_hint(answer, expected, *case, hint=hint, **kwargs)
    c.expect(answer == expected, f"{what} -> {answer!r}", f"{what}: returned {answer!r}; expected {expected!r}.", hint)


@student_check
def diagnose_bias_variance(c, diagnose_bias_variance):
    for (train, dev), expected in LECTURE_CASES:
        check_diagnosis(c, diagnose_bias_variance, (train, dev), expected, f"train {train:.1%}, dev {dev:.1%}")
    check_diagnosis(c, diagnose_bias_variance, (0.15, 0.16, 0.14), "low bias and low variance",
                    "train 15.0%, dev 16.0%, base error 14.0% (blurry images)",
                    "With a base error of 14%, a training error of 15% leaves only 1% of avoidable bias.")
    for (train, dev), threshold, expected in THRESHOLD_CASES:
        check_diagnosis(c, diagnose_bias_variance, (train, dev), expected,
                        f"train {train:.1%}, dev {dev:.1%}, threshold {threshold}", THRESHOLD_HINT,
                        threshold=threshold)
