"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py)."""

#: Distance from test point i to the centre of the training points of class c.
CENTRE_DISTANCE = "(lambda i, c: np.linalg.norm(X_blobs_test[:, i] - X_blobs[:, Y_blobs[0] == c].mean(axis=1)))"
#: (index, predicted class) of every misclassified test point of the blobs.
BLOB_ERRORS = "[(i, p) for i, p in enumerate(predict_labels(X_blobs_test, blob_parameters)) if p != Y_blobs_test[0, i]]"

#: The results of the three networks of "none of the above", one row per seed: accuracy on the test 0-6, shares
#: of the test 7s and 8s and of the 9s called "other", share of the 7-9 called a known digit with p > 0.5.
OTHER_RESULTS = "list(other_results_by_setup.values())"

CLAIMS = [
    # the lecture's example, shifted and scaled
    ("The shifted logits give the same probabilities as the lecture's, 0.842, 0.042, 0.002 and 0.114",
     "np.allclose(softmax(z + 1000), softmax(z)) and np.allclose(np.round(softmax(z).ravel(), 3), [0.842, 0.042, 0.002, 0.114])"),
    ("the first class keeps only about half of the probability", "abs(scaled['softmax(z / 3)'][0, 0] - 0.5) < 0.02"),
    ("multiplied by 3, the first class takes 0.997", "round(float(scaled['softmax(3 z)'][0, 0]), 3) == 0.997"),
    # a probability that underflows
    ("The third probability is exactly 0, the cost from the probabilities is `inf`, and the loss from the logits is 1200",
     "z_far.max() - z_far[2, 0] == 1200 and a_far[2, 0] == 0 and cost_from_probabilities == np.inf and abs(loss_from_logits - 1200) < 1e-9"),
    ("The gradient $A - Y$ takes no logarithm and stays finite", "np.all(np.isfinite(a_far - y_far))"),
    ("it would report 27.6 instead of 1200", "abs(-np.log(1e-12) - 27.6) < 0.05"),
    # softmax regression on the blobs
    ("The cost falls from above 2 to about 0.04", "blob_costs[0] > 2 and abs(blob_costs[-1] - 0.04) < 0.006"),
    ("about 99% of the training points and about 97% of the test points",
     "abs(blob_accuracies[0] - 0.99) < 0.01 and abs(blob_accuracies[1] - 0.97) < 0.01"),
    # every error lies nearer the centre of the predicted cloud than of its own, or at most 10% farther
    ("the few errors are points that lie in a neighbouring cloud or on its edge",
     (f"all({CENTRE_DISTANCE}(i, predicted) <= 1.1 * {CENTRE_DISTANCE}(i, Y_blobs_test[0, i])"
     f" for i, predicted in {BLOB_ERRORS})")),
    # the digits network
    ("100% on the training set, about 99% on the dev set and about 97% on the test set, above the 95%",
     ("accuracies['train'] == 1.0 and abs(accuracies['dev'] - 0.99) < 0.01 and abs(accuracies['test'] - 0.97) < 0.01"
     " and accuracies['test'] > 0.95")),
    ("The dev cost follows the training cost down for the first 100 or so iterations",
     "abs(dev_costs[5] / train_costs[5] - 1) < 0.15"),
    ("then falls more slowly and stays above it while the training cost keeps falling",
     ("dev_costs[-1] < dev_costs[5] and all(d > t for d, t in zip(dev_costs[8:], train_costs[8:]))"
     " and dev_costs[-1] > 2 * train_costs[-1] and np.all(np.diff(train_costs) < 0)")),
    # the mistakes
    ("About 350 of the 359 test images sit on the diagonal",
     "counts.sum() == 359 and abs(np.trace(counts) - 350) <= 5"),
    ("the ten or so mistakes are scattered, at most two for any pair of digits (in this run two 9s read as 5s)",
     "abs(len(wrong) - 10) <= 4 and max(n for n, _, _ in off_diagonal) <= 2 and counts[9, 5] == 2"),
    ("Some wrong predictions come with a probability above 90%",
     "max(AL_test[test_predictions[i], i] for i in wrong) > 0.9"),
    # none of the above
    ("about nine in ten of them with a probability above 0.5",
     f"abs({OTHER_RESULTS}[0][:, 3].mean() - 0.9) < 0.03 and {OTHER_RESULTS}[0][:, 1:3].max() == 0"),
    ("network 2 sends about 97% of the test 7s and 8s and about 95% of the 9s there",
     f"abs({OTHER_RESULTS}[1][:, 1].mean() - 0.97) < 0.015 and abs({OTHER_RESULTS}[1][:, 2].mean() - 0.95) < 0.02"),
    ("calls a known digit with a probability above 0.5 for only about 3% of them",
     f"abs({OTHER_RESULTS}[1][:, 3].mean() - 0.03) < 0.015"),
    ("the known digits hardly suffer, about 98% in all three networks",
     f"all(abs(results[:, 0].mean() - 0.98) < 0.01 for results in {OTHER_RESULTS})"),
    ("network 3, which never saw a 9, still catches the 7s and 8s, yet only about a third of the 9s",
     f"{OTHER_RESULTS}[2][:, 1].mean() > 0.9 and abs({OTHER_RESULTS}[2][:, 2].mean() - 1 / 3) < 0.05"),
    ("reads most of the others as 3s", "nine_counts[3] > nine_counts[:OTHER].sum() / 2"),
    # softmax with two classes
    ("The largest differences are 0 and about $10^{-16}$", "max(differences) < 1e-15"),
]
