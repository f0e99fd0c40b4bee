"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py).

The comparisons of Section 5 hold over the five seeds the notebook trains, run by run (each
regularized run against the unregularized run from the same starting point) and on average;
those of Section 8 over its three L1 runs and the five L2 runs of Section 5, and those of
Section 9 over its three runs and the unregularized runs of Section 5 from the same starting points.
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
_DROPOUT_ON, _DROPOUT_OFF = ("debug_costs['dropout on (keep_prob = 0.86)']", "debug_costs['dropout off (keep_prob = 1)']")
_TANH_0, _TANH_L2 = "tanh_z['tanh units, lambda = 0.0']", "tanh_z['tanh units, lambda = 0.7']"
_L1_RUNS, _L2_RUNS = "'L1, lambda = 0.3'", "'L2, lambda = 0.7'"
_DECAY = "(1 - regularization.LEARNING_RATE * 0.7 / X_train.shape[1])"
_AUGMENTED, _PLAIN = "augment_results['data augmentation']", "augment_results['no regularization']"


def _shares(model, column):
    """The shares of the weights of the runs of ``model`` (Section 8) in one column of sizes, one per seed."""
    return f"size_shares[{model}][:, {column}]"


def _one_crossing_per_column(parameters):
    """The prediction of ``parameters`` changes exactly once up every vertical line of the map: one boundary line."""
    return (f"all(np.count_nonzero(np.diff(nn.predict(np.vstack([np.full(200, x1), np.linspace(-1, 1, 200)]), "
            f"{parameters}).ravel())) == 1 for x1 in np.linspace(-1, 1, 41))")


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
    # 3. keep_prob per layer, and the cost curve with and without dropout
    ("which has $3 \\times 20 = 60$ weights, while $A^{[2]}$ has only 3 units", "regularization.LAYERS_DIMS[1:3] == [20, 3]"),
    ("one example in eight ($0.5^3$) would lose all three", "0.5 ** 3 == 1 / 8"),
    ("$J$ falls at every one of the 999 steps", f"len({_DROPOUT_OFF}) == 1000 and np.all(np.diff({_DROPOUT_OFF}) < 0)"),
    ("$J$ goes up at about half of the iterations, by up to about 0.1 at a time",
     f"0.4 < np.mean(np.diff({_DROPOUT_ON}) > 0) < 0.6 and 0.07 < np.diff({_DROPOUT_ON}).max() < 0.14"),
    ("only its trend falls, and more slowly",
     (f"{_DROPOUT_ON}[-100:].mean() < {_DROPOUT_ON}[:100].mean() - 0.1 "
      f"and {_DROPOUT_ON}[-100:].mean() > {_DROPOUT_OFF}[-100:].mean() + 0.05")),
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
    # 7. tanh units with and without L2
    ("for $|z| < 0.5$ the two differ by less than 8%", "1 - np.tanh(0.5) / 0.5 < 0.08"),
    ("its 23 hidden units on the 1,000 dev saplings", "sum(regularization.LAYERS_DIMS[1:3]) == 23 and X_dev.shape[1] == 1000"),
    ("only about a quarter of the hidden pre-activations lie where tanh is nearly linear",
     f"abs(np.mean(np.abs({_TANH_0}) < 0.5) - 0.25) < 0.05"),
    ("their mean size is about 1.5", f"abs(np.mean(np.abs({_TANH_0})) - 1.5) < 0.2"),
    ("With L2, more than 80% of them lie in the linear range", f"np.mean(np.abs({_TANH_L2}) < 0.5) > 0.8"),
    ("their mean size is about 0.3, five times smaller",
     (f"abs(np.mean(np.abs({_TANH_L2})) - 0.3) < 0.05 "
      f"and 4.5 < np.mean(np.abs({_TANH_0})) / np.mean(np.abs({_TANH_L2})) < 5.5")),
    # 8. L1 against L2
    ("compare its weights at the end of training with those of the five L2 runs",
     f"len(runs[{L2!r}]) == 5"),
    ("sorts the 103 weights of each network", "regularization.weights(baseline).size == 103"),
    ("With L1, about 80% of the weights end below 0.001, and almost none",
     f"abs({_shares(_L1_RUNS, 0)}.mean() - 0.8) < 0.06 and {_shares(_L1_RUNS, 1)}.max() < 0.02"),
    ("With L2, about 30% end below 0.001, a share that changes a lot from one starting point to another",
     f"abs({_shares(_L2_RUNS, 0)}.mean() - 0.3) < 0.05 and np.ptp({_shares(_L2_RUNS, 0)}) > 0.2"),
    ("and about as many lie between 0.001 and 0.05",
     f"abs({_shares(_L2_RUNS, 1)}.mean() - {_shares(_L2_RUNS, 0)}.mean()) < 0.05"),
    ("Its smallest weights, at the far left of the histogram",
     f"min(np.abs(regularization.weights(p)).min() for p in sparse_runs[{_L2_RUNS}]) < 1e-6"),
    ("$1 - \\alpha \\frac{\\lambda}{m} = 0.9993$", f"abs({_DECAY} - 0.9993) < 1e-12"),
    ("which leaves about $10^{-6}$ of it after 20,000 steps", f"abs(np.log10({_DECAY} ** 20000) + 6) < 0.3"),
    ("The test accuracies are about the same, about 86%",
     (f"abs(sparse_results[{_L1_RUNS}][:, {TEST}].mean() - 0.86) < 0.01 "
      f"and abs(sparse_results[{_L2_RUNS}][:, {TEST}].mean() - 0.86) < 0.01")),
    ("the two penalties cure the variance equally well",
     f"abs(sparse_results[{_L1_RUNS}][:, {TEST}].mean() - sparse_results[{_L2_RUNS}][:, {TEST}].mean()) < 0.01"),
    ("None of L1's small weights is exactly 0", f"all(np.all(regularization.weights(p) != 0) for p in sparse_runs[{_L1_RUNS}])"),
    ("the step $\\alpha \\frac{\\lambda}{m} = 0.0003$",
     "abs(regularization.LEARNING_RATE * 0.3 / X_train.shape[1] - 0.0003) < 1e-12"),
    # 9. data augmentation, against the unregularized runs from the same three starting points
    ("many mirrored saplings would land on the other bank",
     "np.mean(regularization.north_of_stream(X_train * [[-1], [1]]) != regularization.north_of_stream(X_train)) > 0.25"),
    ("fits fewer training saplings, about 91% against 94%",
     (f"abs({_AUGMENTED}[:, {TRAIN}].mean() - 0.91) < 0.01 and abs({_PLAIN}[:, {TRAIN}].mean() - 0.94) < 0.01 "
      f"and np.all({_AUGMENTED}[:, {TRAIN}] < {_PLAIN}[:, {TRAIN}])")),
    ("and more test saplings, about 85.5% against 81.5%",
     (f"abs({_AUGMENTED}[:, {TEST}].mean() - 0.855) < 0.007 and abs({_PLAIN}[:, {TEST}].mean() - 0.815) < 0.007 "
      f"and np.all({_AUGMENTED}[:, {TEST}] > {_PLAIN}[:, {TEST}])")),
    ("the gap between training and test shrinks from about 13 points to about 5",
     (f"abs(({_PLAIN}[:, {TRAIN}] - {_PLAIN}[:, {TEST}]).mean() - 0.13) < 0.015 "
      f"and abs(({_AUGMENTED}[:, {TRAIN}] - {_AUGMENTED}[:, {TEST}]).mean() - 0.05) < 0.01")),
    ("It fits about 5 of the 12 exceptions instead of 8",
     ("abs(augment_fitted['data augmentation'].mean() - 5) < 0.75 "
      "and abs(augment_fitted['no regularization'].mean() - 8) < 0.75")),
    ("follows the stream in one smooth line",
     f"{_one_crossing_per_column('augmented[0]')} and not {_one_crossing_per_column('baseline')}"),
    ("that did nearly as much as L2 (86% on the test set of Section 5)",
     (f"0 < {_mean(L2, TEST)} - {_AUGMENTED}[:, {TEST}].mean() < 0.015 and abs({_mean(L2, TEST)} - 0.86) < 0.01")),
    ("would have moved about a third of the saplings to the other bank", "abs(mirror_moves - 1 / 3) < 0.05"),
    # 10. early stopping on the dev curve
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
