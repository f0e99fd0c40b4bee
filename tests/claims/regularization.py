"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py).

The comparisons of Section 5 hold over the five seeds the notebook trains, run by run (each
regularized run against the unregularized run from the same starting point) and on average.
"""

NONE, L2, DROPOUT = "no regularization", "L2, lambda = 0.7", "dropout, keep_prob = 0.86"
TRAIN, DEV, TEST = 0, 1, 2


def _mean(model, split):
    return f"results[{model!r}][:, {split}].mean()"


def _seeds(model, split):
    return f"results[{model!r}][:, {split}]"


def _gain(model):
    """How much higher the mean test accuracy of ``model`` is than that of the unregularized network."""
    return f"({_mean(model, TEST)} - {_mean(NONE, TEST)})"


def _dev_curve(model):
    """The mean over the seeds of the recorded dev costs of ``model``."""
    return f"np.mean([history['dev'] for _, history in runs[{model!r}]], axis=0)"


_STANDARD_ERROR = "np.sqrt(0.85 * 0.15 / 1000)"
_TRAINING_ERROR = "sweep_errors['training error'].mean(axis=0)"
_DEV_ERROR = "sweep_errors['dev error'].mean(axis=0)"
_GAP = f"({_DEV_ERROR} - {_TRAINING_ERROR})"
_SEED_0 = "baseline_runs[0][1]['dev']"

CLAIMS = [
    # the data
    ("a training set of 100 saplings",
     ("[load_dataset('regularization')[f'X_{split}'].shape for split in ('train', 'dev', 'test')] "
      "== [(2, 100), (2, 1000), (2, 1000)]")),
    ("about 2.5 points for an accuracy $p = 0.85$ measured on 200 examples",
     "abs(np.sqrt(0.85 * 0.15 / 200) - 0.025) < 0.001"),
    ("but about 1 point on 1,000", f"abs({_STANDARD_ERROR} - 0.01) < 0.002"),
    # 1. the baseline, seed 0
    ("classifies about 95% of the 100 training saplings", "abs(baseline_accuracies[0] - 0.95) < 0.015"),
    ("only about 83% of the dev saplings and 84% of the test saplings",
     "abs(baseline_accuracies[1] - 0.83) < 0.01 and abs(baseline_accuracies[2] - 0.84) < 0.01"),
    ("A gap of more than ten points between training and test", "baseline_accuracies[0] - baseline_accuracies[2] > 0.10"),
    ("There are 12 such exceptions in the training set, and the network classifies more than half",
     "n_exceptions == 12 and baseline_fitted > n_exceptions / 2"),
    ("gradient descent (learning rate 0.1, 20,000 iterations)",
     "regularization.LEARNING_RATE == 0.1 and regularization.NUM_ITERATIONS == 20000"),
    # 5. three networks over five seeds
    ("the network without regularization fits about 95% of the training saplings but only about 83%",
     f"abs({_mean(NONE, TRAIN)} - 0.95) < 0.015 and abs({_mean(NONE, TEST)} - 0.83) < 0.01"),
    ("about 90% with L2 and 92% with dropout",
     f"abs({_mean(L2, TRAIN)} - 0.90) < 0.01 and abs({_mean(DROPOUT, TRAIN)} - 0.92) < 0.01"),
    ("set better, about 86% each",
     f"abs({_mean(L2, TEST)} - 0.86) < 0.01 and abs({_mean(DROPOUT, TEST)} - 0.86) < 0.01"),
    ("three to four points more, about three times the standard error",
     " and ".join(f"0.025 < {_gain(model)} < 0.045 and 2.5 < {_gain(model)} / {_STANDARD_ERROR} < 4"
                  for model in (L2, DROPOUT))),
    ("in each of the five seeds, the regularized runs fit fewer training saplings and more test saplings",
     "len(seeds) == 5 and " + " and ".join(
         f"np.all({_seeds(NONE, TRAIN)} > {_seeds(model, TRAIN)}) and np.all({_seeds(model, TEST)} > {_seeds(NONE, TEST)})"
         for model in (L2, DROPOUT))),
    ("The unregularized runs spread over several points of test accuracy, the L2 runs over less than one",
     (f"np.ptp({_seeds(NONE, TEST)}) > 0.02 and np.ptp({_seeds(L2, TEST)}) < 0.01 "
      f"and np.ptp({_seeds(DROPOUT, TEST)}) < np.ptp({_seeds(NONE, TEST)})")),
    ("the unregularized network fits about 8 of the 12, L2 about 3 and dropout about 5",
     (f"abs(fitted[{NONE!r}].mean() - 8) < 0.75 and abs(fitted[{L2!r}].mean() - 3) < 0.75 "
      f"and abs(fitted[{DROPOUT!r}].mean() - 5) < 0.75")),
    ("every unregularized run fits more of them than any regularized one",
     f"fitted[{NONE!r}].min() > max(fitted[{L2!r}].max(), fitted[{DROPOUT!r}].max())"),
    ("each matrix ends near a norm of 2.3", f"np.all(abs(norms[{L2!r}] - 2.3) < 0.3)"),
    ("three to five times smaller than without regularization (about 12, 9.5 and 7.5)",
     (f"np.all((3 < norms[{NONE!r}].mean(axis=0) / norms[{L2!r}].mean(axis=0)) "
      f"& (norms[{NONE!r}].mean(axis=0) / norms[{L2!r}].mean(axis=0) < 5.5)) "
      f"and np.all(abs(norms[{NONE!r}].mean(axis=0) - [12, 9.5, 7.5]) < 0.5)")),
    ("Dropout barely shrinks them (about 10, 8 and 8)",
     (f"np.all(norms[{DROPOUT!r}].mean(axis=0) > 0.75 * norms[{NONE!r}].mean(axis=0)) "
      f"and np.all(abs(norms[{DROPOUT!r}].mean(axis=0) - [10, 8, 8]) < 0.6)")),
    ("without regularization it is lowest early, within the first 2,000 iterations, and then climbs above 1",
     (f"all(np.argmin(history['dev']) * 100 < 2000 for _, history in runs[{NONE!r}]) "
      f"and {_dev_curve(NONE)}[-1] > 1")),
    ("with L2 it levels off near 0.4 and stays there",
     f"abs({_dev_curve(L2)}[-1] - 0.4) < 0.03 and np.ptp({_dev_curve(L2)}[20:]) < 0.03"),
    ("with dropout it climbs too, more slowly, and ends between the two",
     (f"{_dev_curve(L2)}[-1] < {_dev_curve(DROPOUT)}[-1] < {_dev_curve(NONE)}[-1] "
      f"and {_dev_curve(DROPOUT)}[-1] > {_dev_curve(DROPOUT)}[20] + 0.2 "
      f"and np.all({_dev_curve(DROPOUT)}[40:] < {_dev_curve(NONE)}[40:])")),
    # 6. the lambda sweep (mean over the seeds)
    ("the training error is below 9% but the dev error 15% to 18%",
     f"{_TRAINING_ERROR}[:2].max() < 0.09 and np.all((0.15 <= {_DEV_ERROR}[:2]) & ({_DEV_ERROR}[:2] <= 0.185))"),
    ("From $\\lambda = 0.3$ to $3$ the dev error is at its lowest, about 14%",
     (f"lambdas[2:5] == [0.3, 1, 3] and np.all(abs({_DEV_ERROR}[2:5] - 0.14) < 0.01) "
      f"and {_DEV_ERROR}[2:5].max() < {_DEV_ERROR}[[0, 1, 5]].min()")),
    ("while the training error creeps up, to about 12% at $\\lambda = 3$",
     f"np.all(np.diff({_TRAINING_ERROR}[1:]) > 0) and abs({_TRAINING_ERROR}[4] - 0.12) < 0.01"),
    ("shrinks from about ten points at $\\lambda = 0.01$ to two or three from $\\lambda = 1$ on",
     f"abs({_GAP}[0] - 0.10) < 0.015 and np.all((0.015 < {_GAP}[3:]) & ({_GAP}[3:] < 0.035))"),
    ("At $\\lambda = 10$ both errors rise",
     f"{_TRAINING_ERROR}[5] > {_TRAINING_ERROR}[4] and {_DEV_ERROR}[5] > {_DEV_ERROR}[4] + 0.02"),
    ("the means differ by less than half a point, less than the spread of the seeds",
     (f"best_lambda in (0.3, 1, 3) and np.ptp({_DEV_ERROR}[2:5]) < 0.005 "
      f"and np.ptp({_DEV_ERROR}[2:5]) < np.ptp(sweep_errors['dev error'][:, 2:5], axis=0).max()")),
    # 7. early stopping
    ("the dev cost falls steeply in the first 100 iterations", f"{_SEED_0}[1] < {_SEED_0}[0] - 0.3"),
    ("is lowest before iteration 1,000, and training stops 20 records (2,000 iterations) later",
     "stops[0][0] * 100 < 1000 and stops[0][1] == stops[0][0] + 20"),
    ("the dev cost climbs past 1", f"{_SEED_0}[-1] > 1"),
    ("In every seed the kept parameters come from the first 1,500 iterations",
     "all(best * 100 <= 1500 for best, _ in stops)"),
    ("about 86% of the test set correctly, against about 83% after 20,000 iterations",
     f"abs(early_results[:, {TEST}].mean() - 0.86) < 0.01 and abs({_mean(NONE, TEST)} - 0.83) < 0.01"),
    ("better in each of the five seeds, and as good as L2 on average, with training stopped",
     (f"np.all(early_results[:, {TEST}] > {_seeds(NONE, TEST)}) "
      f"and abs(early_results[:, {TEST}].mean() - {_mean(L2, TEST)}) < 0.01")),
    ("within the first 4,000 of the 20,000 iterations",
     "max(stop for _, stop in stops) * 100 <= 4000 and len(baseline_runs[0][1]['dev']) * 100 == 20000"),
]
