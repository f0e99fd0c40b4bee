"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py)."""

RAW_SLOW, RAW_FAST, NORMALIZED = "raw, learning rate 1e-5", "raw, learning rate 1e-4", "normalized, learning rate 1"
RAW_PICTURE, NORMALIZED_PICTURE = "raw inputs, learning rate 0.03", "normalized inputs, learning rate 1"
ONE_FEATURE = "1 feature (mean texture), all training examples"
EIGHT_EXAMPLES = "30 features, 8 training examples"
FULL = "30 features, all training examples"
TABLE_FEATURES = "(0, 1, 3, 4, 9)"
ARCHIVE_DEV, CLINIC_DEV = "the archive's dev set", "the clinic's dev set"
TRAINING_8 = "training cost (8 examples)"

#: Over the notebook's 8 splits, the mistakes of the 30-feature model on the clinic's test set:
#: ``[(benign called malignant, malignant called benign), ...]``, one pair per split.
_CLINIC_MISTAKES = (
    "[(lambda X_tr, Y_tr, X_dv, Y_dv, X_te, Y_te: (lambda X_tr_norm, X_te_clinic: (lambda parameters, benign: "
    "(logistic.error(parameters, X_te_clinic[:, benign], Y_te[:, benign]) * benign.sum(), "
    "logistic.error(parameters, X_te_clinic[:, ~benign], Y_te[:, ~benign]) * (~benign).sum()))"
    "(logistic.train(X_tr_norm, Y_tr, 1.0)[0], Y_te[0] == 0))"
    "(*normalize_inputs(X_tr, logistic.as_seen_by_camera(X_te, feature_names, magnification))[:2]))"
    "(*split_dataset(X, Y, rng=np.random.default_rng(seed))) for seed in seeds]")


def _curvature_ratio(picture):
    return f"curvatures[{picture!r}][1] / curvatures[{picture!r}][0]"


def _largest_rate(picture):
    return f"2 / curvatures[{picture!r}][1]"


def _gap(picture):
    """How far above the star's cost the path ends."""
    return f"(contours[{picture!r}]['cost'] - contours[{picture!r}]['lowest_cost'])"


CLAIMS = [
    # the data
    ("the mean area is in the hundreds, the mean smoothness around 0.1",
     ("100 <= X[feature_names.index('mean area')].mean() < 1000 "
      "and abs(X[feature_names.index('mean smoothness')].mean() - 0.1) < 0.01")),
    ("the averages range from a few thousandths (the fractal dimension error)",
     "0.001 < averages.min() < 0.01 and feature_names[averages.argmin()] == 'fractal dimension error'"),
    ("to close to a thousand (the worst area)",
     "700 < averages.max() < 1000 and feature_names[averages.argmax()] == 'worst area'"),
    ("a factor of more than a hundred thousand", "averages.max() / averages.min() > 1e5"),
    # the split
    ("each set's share is within a few points of the 37% of the whole data",
     "abs(Y.mean() - 0.37) < 0.005 and all(abs(Ys.mean() - Y.mean()) < 0.05 for Ys in (Y_train, Y_dev, Y_test))"),
    ("With 113 dev examples, one malignant case more or less moves the dev share by almost one point",
     "Y_dev.shape[1] == 113 and 0.008 < 1 / Y_dev.shape[1] < 0.01"),
    ("keeps 980,000 examples for training and 10,000 each for dev and test",
     "big[0].shape[1] == 980_000 and big[2].shape[1] == big[4].shape[1] == 10_000"),
    # normalization
    ("every feature now has mean 0 and standard deviation 1, up to round-off",
     "np.allclose(X_train_norm.mean(axis=1), 0, atol=1e-12) and np.allclose(X_train_norm.std(axis=1), 1)"),
    ("the dev means stay within 0.2 of 0",
     f"max(abs(X_dev_norm[j].mean()) for j in {TABLE_FEATURES}) < 0.2"),
    ("the standard deviations lie between about 0.7 and 0.95",
     f"all(0.65 < X_dev_norm[j].std() < 0.95 for j in {TABLE_FEATURES})"),
    ("moves the weighted sum $w^T x$ several thousand times more per unit than a weight on the smoothness",
     "2000 < X[feature_names.index('mean area')].mean() / X[feature_names.index('mean smoothness')].mean() < 10000"),
    # gradient descent on raw and normalized inputs
    ("after a few small wobbles in the first iterations",
     f"np.any(np.diff(costs[{RAW_SLOW!r}][:20]) > 0) and max(costs[{RAW_SLOW!r}]) < 2"),
    ("the cost needs about 650 iterations to fall below 0.25 and ends near 0.2",
     (f"600 <= logistic.first_iteration_below(costs[{RAW_SLOW!r}], 0.25) <= 700 "
      f"and abs(costs[{RAW_SLOW!r}][-1] - 0.2) < 0.01")),
    ("shoots from $\\log 2 \\approx 0.69$ to above 10",
     f"abs(costs[{RAW_FAST!r}][0] - np.log(2)) < 1e-9 and max(costs[{RAW_FAST!r}]) > 10"),
    ("still about 2.6 at iteration 100", f"abs(costs[{RAW_FAST!r}][10] - 2.6) < 0.1"),
    # calm: the first recorded cost below 0.5; the flare: the highest cost after it
    ("calms down, and flares up again a few hundred iterations later, close to 10",
     (f"(lambda c, calm: 7 < c[calm:].max() < 13 and 200 <= 10 * int(np.argmax(c[calm:])) <= 900)"
      f"(np.array(costs[{RAW_FAST!r}]), int(np.flatnonzero(np.array(costs[{RAW_FAST!r}]) < 0.5)[0]))")),
    ("the cost is below 0.25 by iteration 10 and ends near 0.05",
     f"logistic.first_iteration_below(costs[{NORMALIZED!r}], 0.25) <= 10 and abs(costs[{NORMALIZED!r}][-1] - 0.05) < 0.01"),
    ("about four times lower than either raw run",
     (f"3.5 < min(costs[{RAW_SLOW!r}][-1], costs[{RAW_FAST!r}][-1]) / costs[{NORMALIZED!r}][-1] "
      f"and max(costs[{RAW_SLOW!r}][-1], costs[{RAW_FAST!r}][-1]) / costs[{NORMALIZED!r}][-1] < 5")),
    ("the dev accuracy is about 97% instead of the slow raw run's 89%",
     f"abs(accuracies[{NORMALIZED!r}][1] - 0.97) < 0.01 and abs(accuracies[{RAW_SLOW!r}][1] - 0.89) < 0.01"),
    # the contours
    ("the mean radius (values around 14) and the perimeter error (around 3)",
     ("abs(X_train[feature_names.index('mean radius')].mean() - 14) < 1 "
      "and abs(X_train[feature_names.index('perimeter error')].mean() - 3) < 0.5")),
    ("the cost curves about 80 times more steeply across the valley than along it",
     f"70 < {_curvature_ratio(RAW_PICTURE)} < 90"),
    ("rates above about 0.035 overshoot", f"0.033 < {_largest_rate(RAW_PICTURE)} < 0.037"),
    ("With 0.03, just below that limit", f"0.03 < {_largest_rate(RAW_PICTURE)} < 0.04"),
    ("100 steps cover only part of the way along the valley towards the star",
     (f"0.3 < np.linalg.norm(contours[{RAW_PICTURE!r}]['path'][-1]) "
      f"/ np.linalg.norm(contours[{RAW_PICTURE!r}]['lowest_point']) < 0.8")),
    ("the cost is still about 0.01 above the star's", f"0.007 < {_gap(RAW_PICTURE)} < 0.015"),
    ("the curvatures differ about 6 times instead of 80", f"5 < {_curvature_ratio(NORMALIZED_PICTURE)} < 7"),
    ("rates up to about 4.7 are safe", f"4.5 < {_largest_rate(NORMALIZED_PICTURE)} < 4.9"),
    # almost straight: the path is hardly longer than the straight line from its start to its end
    ("the path heads almost straight for the star",
     (f"(lambda path: np.sum(np.linalg.norm(np.diff(path, axis=0), axis=1)) < 1.02 * np.linalg.norm(path[-1]))"
      f"(contours[{NORMALIZED_PICTURE!r}]['path'])")),
    ("after 100 steps the cost is within 0.001 of the star's", f"{_gap(NORMALIZED_PICTURE)} < 0.001"),
    # the bias and variance of real models
    ("misclassifies about 31% of the training set and about 33% of the dev set: high bias, low variance",
     (f"abs(results[{ONE_FEATURE!r}][0] - 0.31) < 0.01 and abs(results[{ONE_FEATURE!r}][1] - 0.33) < 0.01 "
      f"and results[{ONE_FEATURE!r}][2] == 'high bias'")),
    ("makes no training error but about 10% dev error: high variance",
     (f"results[{EIGHT_EXAMPLES!r}][0] == 0 and abs(results[{EIGHT_EXAMPLES!r}][1] - 0.1) < 0.01 "
      f"and results[{EIGHT_EXAMPLES!r}][2] == 'high variance'")),
    ("errs on about 2% of the training set and about 3% of the dev set: low bias and low variance",
     (f"abs(results[{FULL!r}][0] - 0.02) < 0.006 and abs(results[{FULL!r}][1] - 0.03) < 0.006 "
      f"and results[{FULL!r}][2] == 'low bias and low variance'")),
    ("Its test error, about 3.5%, computed once at the very end, is close to its dev error",
     f"abs(test_error - 0.035) < 0.006 and abs(test_error - results[{FULL!r}][1]) < 0.015"),
    # section 7: a dev set from another distribution
    ("would make about 95% of the dev set web pictures", "abs(200_000 / 210_000 - 0.95) < 0.005"),
    ("$1.25^2 \\approx 1.56$ times larger", "abs(1.25 ** 2 - 1.56) < 0.005"),
    ("the other 21 features (ratios, counts, grey-level statistics) do not change",
     "sum(logistic.size_dimension(name) == 0 for name in feature_names) == 21"),
    ("rescales the nine size features", "sum(logistic.size_dimension(name) > 0 for name in feature_names) == 9"),
    ("With 113 dev examples, one or two examples can decide between two close models", "Y_dev.shape[1] == 113"),
    ("On the archive's dev set the two models are close: all 30 features err on about 3% of it, the 21 on about 5%",
     ("abs(errors[0, :, 0].mean() - 0.03) < 0.008 and abs(errors[1, :, 0].mean() - 0.05) < 0.008 "
      "and errors[1, :, 0].mean() - errors[0, :, 0].mean() < 0.03")),
    ("the archive's dev set picks all 30 features in 7 of the 8 splits",
     "len(seeds) == 8 and np.sum(errors[:, :, 0].argmin(axis=0) == 0) == 7"),
    ("the 30-feature model errs on about 13% of the dev and of the test set",
     "all(0.11 < errors[0, :, column].mean() < 0.15 for column in (1, 2))"),
    ("almost all its mistakes there are benign tumours called malignant",
     f"(lambda counts: counts[:, 0].sum() > 0.9 * counts.sum())(np.array({_CLINIC_MISTAKES}))"),
    # the 21 features do not change under the camera: the same dev errors on the archive's and the clinic's dev sets
    ("The 21-feature model does not see the magnification and keeps its 5% on all three sets",
     ("np.array_equal(errors[1, :, 0], errors[1, :, 1]) "
      "and all(0.04 < errors[1, :, column].mean() < 0.065 for column in range(3))")),
    ("a model that errs on about 12% of the clinic's test tumours while its dev error promised about 3%",
     (f"abs(picked[{ARCHIVE_DEV!r}][:, 2].mean() - 0.12) < 0.015 and abs(picked[{ARCHIVE_DEV!r}][:, 0].mean() - 0.03) "
      "< 0.01")),
    ("ships the other model in every split, and its dev error, about 5%, is what its test error turns out to be",
     (f"np.all(errors[:, :, 1].argmin(axis=0) == 1) and abs(picked[{CLINIC_DEV!r}][:, 1].mean() - 0.05) < 0.01 "
      f"and abs(picked[{CLINIC_DEV!r}][:, 1].mean() - picked[{CLINIC_DEV!r}][:, 2].mean()) < 0.005")),
    # section 8: orthogonalization
    ("the training error going from about 31% to about 2%",
     f"abs(results[{ONE_FEATURE!r}][0] - 0.31) < 0.01 and abs(results[{FULL!r}][0] - 0.02) < 0.006"),
    ("all 343 training examples instead of 8", "Y_train.shape[1] == 343"),
    ("the gap between the dev and the training error going from about 10 points to about 1",
     (f"abs(results[{EIGHT_EXAMPLES!r}][1] - results[{EIGHT_EXAMPLES!r}][0] - 0.10) < 0.01 "
      f"and abs(results[{FULL!r}][1] - results[{FULL!r}][0] - 0.01) < 0.006")),
    ("The dev cost is lowest after 6 steps, at about 0.16",
     "stop + 1 == 6 and abs(track['dev cost'][stop] - 0.16) < 0.01"),
    ("by step 2,000 it has risen to about 0.31", "last + 1 == 2000 and abs(track['dev cost'][last] - 0.31) < 0.01"),
    ("while the training cost kept falling, from about 0.09 to below 0.001",
     (f"np.all(np.diff(track[{TRAINING_8!r}]) < 0) and abs(track[{TRAINING_8!r}][stop] - 0.09) < 0.01 "
      f"and track[{TRAINING_8!r}][last] < 0.001")),
    ("fitted a few hundred times worse, in cost", f"100 < track[{TRAINING_8!r}][stop] / track[{TRAINING_8!r}][last] < 1000"),
    ("about four times shorter (about 1.6 instead of 6)",
     ("3.5 < track['length of w'][last] / track['length of w'][stop] < 4.5 "
      "and abs(track['length of w'][stop] - 1.6) < 0.1 and abs(track['length of w'][last] - 6) < 0.3")),
    ("its dev cost is half", "0.45 < track['dev cost'][stop] / track['dev cost'][last] < 0.6"),
]
