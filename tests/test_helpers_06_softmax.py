"""Helpers added for assignment 06: the confusion matrix and the digit and confusion-matrix plots; and
what the visible checks say of the mistakes the hidden tests catch (mutants of
``autograder/edits/softmax.py``, judged through the wire as the grader judges a kernel's function)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from conftest import visible_verdict as verdict_of  # noqa: E402
from helpers import nn, plots  # noqa: E402

ASSIGNMENT = "06_softmax"


def visible_verdict(function, description=None):
    return verdict_of(ASSIGNMENT, function, description)


def test_confusion_matrix_counts_true_classes_in_rows_and_predictions_in_columns():
    labels = np.array([[0, 0, 1, 2, 2, 2]])
    predictions = np.array([0, 1, 1, 2, 0, 2])
    counts = nn.confusion_matrix(labels, predictions, 4)
    expected = np.zeros((4, 4), dtype=int)
    expected[0, 0], expected[0, 1], expected[1, 1], expected[2, 2], expected[2, 0] = 1, 1, 1, 2, 1
    np.testing.assert_array_equal(counts, expected)
    assert counts.sum() == 6 and np.trace(counts) == 4


def test_confusion_matrix_rejects_labels_and_predictions_of_different_lengths():
    with pytest.raises(ValueError, match="3 labels but 2 predictions"):
        nn.confusion_matrix(np.array([0, 1, 1]), np.array([0, 1]), 2)


def test_plot_digits_draws_one_image_per_column_with_its_title():
    X = np.random.default_rng(0).random((64, 7))
    fig = plots.plot_digits(X, titles=[str(i) for i in range(7)], n_columns=4)
    images = [ax for ax in fig.axes if ax.images]
    assert len(fig.axes) == 8 and len(images) == 7
    assert images[2].images[0].get_array().shape == (8, 8) and images[2].get_title() == "2"
    np.testing.assert_allclose(images[2].images[0].get_array(), X[:, 2].reshape(8, 8))
    plt.close("all")


def test_plot_confusion_matrix_writes_every_nonzero_count_in_its_cell():
    counts = np.array([[5, 0], [2, 3]])
    ax = plots.plot_confusion_matrix(counts, title="t")
    texts = {(t.get_position(), t.get_text()) for t in ax.texts}
    assert texts == {((0, 0), "5"), ((0, 1), "2"), ((1, 1), "3")}
    assert ax.get_xlabel() == "predicted class" and ax.get_title() == "t"
    plt.close("all")


def test_plot_probability_bars_draws_one_panel_per_distribution_with_readable_values():
    fig = plots.plot_probability_bars({"p": [0.5, 0.25, 0.25], "q": [0.9997, 0.0001, 0.0002]}, suptitle="s")
    assert len(fig.axes) == 2 and [ax.get_title() for ax in fig.axes] == ["p", "q"]
    assert [patch.get_height() for patch in fig.axes[0].patches] == [0.5, 0.25, 0.25]
    assert [text.get_text() for text in fig.axes[1].texts] == ["1.000", "1e-04", "2e-04"]
    assert fig._suptitle.get_text() == "s"
    plt.close("all")


def test_a_cost_clipped_before_the_log_fails_on_confident_mistakes_with_a_hint():
    printed = visible_verdict("compute_cost_softmax", "clips AL to [1e-12, 1] before the log").printed
    assert "cost of two confident mistakes (true-class probabilities 1.1e-20 and 6.2e-201) is 27.631; expected 253.5" \
        in printed
    assert "Hint: Take the log of AL as it is: np.clip(AL, 1e-12, 1) or AL + 1e-8" in printed


def test_a_cost_with_1e_8_added_shows_the_digits_that_differ_from_the_first_case_on():
    printed = visible_verdict("compute_cost_softmax", "adds 1e-8 to AL before the log").printed
    first_fail = next(line for line in printed.splitlines() if "FAIL" in line)
    assert "cost of the lecture's example, true class 0 (-log 0.842) is 0.17193538; expected 0.17193539" in first_fail
    assert printed.count("Hint: Take the log of AL as it is") == 4


def test_a_cost_that_takes_the_log_only_where_y_is_1_passes():
    assert visible_verdict("compute_cost_softmax", "takes the log only where Y is 1 (np.log with where=)").passed


def test_predictions_of_the_wrong_shape_are_reported_in_a_sentence_that_reads():
    printed = visible_verdict("predict_classes", "returns a (1, m) row").printed
    assert "FAIL  predict_classes(AL of shape (3, 5)) has shape (1, 5); expected (5,)." in printed
