"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py)."""


def accuracies(name):
    """(train, dev) accuracy after the last epoch of the run called ``name``."""
    return f"capstone.final_accuracies(runs[{name!r}])"


def train(name):
    return f"{accuracies(name)}[0]"


def dev(name):
    return f"{accuracies(name)}[1]"


def gap(name):
    return f"({train(name)} - {dev(name)})"


def near(expression, value, tolerance):
    return f"abs({expression} - {value}) < {tolerance}"


def history(name, key):
    return f"runs[{name!r}]['history'][{key!r}]"


def last_loss(name):
    return f"{history(name, 'loss')}[-1]"


BIG, BN, DROPOUT, L2 = "big network", "big + batch norm", "big + dropout 0.8", "big + L2 0.5"
SLOW, FAST, TOO_FAST, COSINE = ("bn + dropout, lr 0.001", "bn + dropout, lr 0.01", "bn + dropout, lr 0.03",
                                "bn + dropout, lr 0.03, cosine")
DIGIT_COUNTS = "np.bincount(Y_train.ravel())"
LOWEST_RATE = "min(trial['learning_rate'] for trial in trials)"

CLAIMS = [
    # the data
    ("Each digit has about 800 training examples", f"{DIGIT_COUNTS}.min() > 780 and {DIGIT_COUNTS}.max() < 820"),
    ("would be right about 10% of the time", f"abs({DIGIT_COUNTS}.max() / Y_train.size - 0.1) < 0.003"),
    ("The values are standardized (mean about 0, spread about 1)",
     "abs(X_train.mean()) < 0.05 and abs(X_train.std() - 1) < 0.05"),
    # inverted dropout
    ("about 40% of the entries are zero", "abs(np.mean(dropped == 0) - 0.4) < 0.01"),
    ("the largest value, about 3.3, is an entry close to 2 divided by 0.6",
     "abs(dropped.max() - 2 / 0.6) < 0.01 and A.max() < 2"),
    ("the mean stays that of $A$ within 1%", "abs(dropped.mean() / A.mean() - 1) < 0.01"),
    ("At test time `out` is exactly $A$", "np.array_equal(at_test, A)"),
    # the stable softmax
    ("both losses are `nan`", "np.isnan(textbook_losses).all()"),
    ("Yours gives a loss of 0 for the first example",
     "abs(softmax_cross_entropy(Z_large[:, :1], Y_large[:, :1])[0]) < 1e-12"),
    ("a loss of 1000 for the second", "abs(softmax_cross_entropy(Z_large[:, 1:], Y_large[:, 1:])[0] - 1000) < 1e-9"),
    ("zero for the first, and for the second $-1$ on the true class and $+1$ on the class it chose",
     ("np.allclose(softmax_cross_entropy(Z_large[:, :1], Y_large[:, :1])[1], 0)"
      " and np.allclose(softmax_cross_entropy(Z_large[:, 1:], Y_large[:, 1:])[1].ravel(), [-1, 1, 0])")),
    # the bias in front of batch norm
    ("The gradients of $b^{[1]}$ and $b^{[2]}$ are below $10^{-15}$", "largest['b1'] < 1e-15 and largest['b2'] < 1e-15"),
    ("those of the weights are above $10^{-3}$", "min(largest[key] for key in ['W1', 'W2', 'W3']) > 1e-3"),
    ("has a real gradient too", "largest['b3'] > 1e-3"),
    # the numerical gradient check, along directions
    ("the derivatives are between about 0.04 and 0.33 in size",
     "min(abs(exact) for exact, _ in along[:5]) > 0.035 and max(abs(exact) for exact, _ in along[:5]) < 0.34"),
    ("the two ways of computing them agree to about $10^{-11}$",
     "all(abs(exact - estimate) < 1e-9 for exact, estimate in along[:5])"
     " and max(abs(exact - estimate) for exact, estimate in along[:5]) > 1e-13"),
    ("Along $b^{[1]}$ alone both are zero up to rounding", "abs(along[5][0]) < 1e-12 and abs(along[5][1]) < 1e-9"),
    # the baseline
    ("The softmax regression is right about 30% of the time on the dev set", near(dev("softmax regression"), 0.3, 0.01)),
    ("still only about 63% on the training set and 57% on the dev set",
     near(train("small network"), 0.63, 0.01) + " and " + near(dev("small network"), 0.57, 0.01)),
    ("The training error, about 37%", near(f"1 - {train('small network')}", 0.37, 0.01)),
    ("about 7 points, is small", near(gap("small network"), 0.07, 0.01)),
    # the bigger network
    ("fits the training set almost perfectly (above 99%)", f"{train(BIG)} > 0.99"),
    ("to about 72%", near(dev(BIG), 0.72, 0.01)),
    ("now about 28 points", near(gap(BIG), 0.28, 0.01)),
    ("from the first epochs on, the training accuracy climbs faster than the dev accuracy",
     (f"np.all(np.diff(np.array({history(BIG, 'train_accuracy')}) - np.array({history(BIG, 'dev_accuracy')}))[:6] > 0)"
      f" and {gap(BIG)} > 2 * ({history(BIG, 'train_accuracy')}[0] - {history(BIG, 'dev_accuracy')}[0])")),
    # one regularizer at a time
    ("Each regularizer narrows the gap of the plain big network",
     f"max({gap(BN)}, {gap(DROPOUT)}, {gap(L2)}) < {gap(BIG)} - 0.02"),
    ("still fits the training set completely, and gains about 3 points of dev",
     f"{train(BN)} > 0.995 and " + near(f"{dev(BN)} - {dev(BIG)}", 0.03, 0.01)),
    (("lowers the training accuracy to about 93% and gains about 3 points on the dev set as well: the gap falls to "
      "about 18 points"),
     near(train(DROPOUT), 0.93, 0.01) + " and " + near(f"{dev(DROPOUT)} - {dev(BIG)}", 0.03, 0.01) + " and "
     + near(gap(DROPOUT), 0.18, 0.01)),
    (("narrows the gap the most, to about 14 points, but mostly by lowering the training accuracy (to about 86%): the "
      "dev accuracy stays where it was"),
     f"{gap(L2)} < min({gap(BN)}, {gap(DROPOUT)}) and " + near(gap(L2), 0.14, 0.01) + " and "
     + near(train(L2), 0.86, 0.01) + " and " + near(dev(L2), dev(BIG), 0.01)),
    ("its training accuracy is still rising at the last epoch",
     f"{history(DROPOUT, 'train_accuracy')}[-1] > {history(DROPOUT, 'train_accuracy')}[-2]"),
    # the learning rate and a schedule
    ("reach about 76% on the dev set, and their training accuracy, about 92%, is still climbing",
     near(dev(SLOW), 0.76, 0.01) + " and " + near(train(SLOW), 0.92, 0.01)
     + f" and {history(SLOW, 'train_accuracy')}[-1] > {history(SLOW, 'train_accuracy')}[-2]"),
    ("(about 98% on the training set) and reach about 81% on the dev set",
     near(train(FAST), 0.98, 0.01) + " and " + near(dev(FAST), 0.81, 0.012)),
    ("its training loss ends at about 0.52 against 0.36 with 0.01",
     near(last_loss(TOO_FAST), 0.52, 0.03) + " and " + near(last_loss(FAST), 0.36, 0.03)),
    ("its dev accuracy stays about 3 points below", f"0.02 < {dev(FAST)} - {dev(TOO_FAST)} < 0.04"),
    ("its training loss ends at about 0.34 and its dev accuracy within about a point of that of 0.01",
     near(last_loss(COSINE), 0.34, 0.03) + " and " + near(dev(COSINE), dev(FAST), 0.015)),
    # the random search
    ("a uniform draw over that range would put 9 trials in 10 above 0.003",
     "abs((10 ** -1.5 - 0.003) / (10 ** -1.5 - 1e-4) - 0.9) < 0.01"),
    ("the trials with a learning rate near 0.01 are the best three",
     "all(0.005 < trial['learning_rate'] < 0.02 for trial, _ in results[:3])"),
    ("the one with 0.0001 is among the worst",
     f"abs(np.log10({LOWEST_RATE}) + 4) < 0.05 and {LOWEST_RATE} in [trial['learning_rate'] for trial, _ in results[-2:]]"),
    ("`keep_prob` near 0.5, $\\lambda$ near 0.6",
     "results[-1][0]['keep_prob'] < 0.55 and abs(results[-1][0]['lambd'] - 0.6) < 0.05"),
    # all the runs
    ("the dev accuracy climbs from about 30% to about 81%",
     near(dev("softmax regression"), 0.3, 0.01) + " and "
     + near("max(capstone.final_accuracies(run)[1] for run in runs.values())", 0.81, 0.012)),
    ("The gap of about 16 points that remains", near(gap(FAST), 0.16, 0.01)
     + f" and {dev(FAST)} == max(capstone.final_accuracies(run)[1] for run in runs.values())"),
    # the reference diagnosis
    ("reached 63% on the training set and 57% on the dev set",
     near(train("small network"), 0.63, 0.01) + " and " + near(dev("small network"), 0.57, 0.01)),
    ("a training error of 37%", near(f"1 - {train('small network')}", 0.37, 0.01)),
    ("with a gap of only 7 points", near(gap("small network"), 0.07, 0.01)),
    ("fixed the bias (99.6% train) but reached only 72% on the dev set: a gap of 28 points",
     near(train(BIG), 0.996, 0.002) + " and " + near(dev(BIG), 0.72, 0.01) + " and " + near(gap(BIG), 0.28, 0.01)),
    ("both raised the dev accuracy by about 3 points",
     near(f"{dev(BN)} - {dev(BIG)}", 0.03, 0.01) + " and " + near(f"{dev(DROPOUT)} - {dev(BIG)}", 0.03, 0.01)),
    ("and reached 81% on the dev set", near(dev(FAST), 0.81, 0.012)),
    ("reaches 98.8% on the training set and 85.0% on the dev set",
     near("final_train", 0.988, 0.003) + " and " + near("final_dev", 0.85, 0.003)),
    ("The remaining 14-point gap", near("final_train - final_dev", 0.14, 0.006)),
]
