"""The helpers added for assignment 04: optimizer paths drawn on the contours of a cost, and what the
visible checks say of the mistakes the hidden tests catch (mutants of ``autograder/edits/optimizers.py``,
judged through the wire as the grader judges a kernel's function)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from conftest import visible_verdict as verdict_of  # noqa: E402
from helpers import plots  # noqa: E402

ASSIGNMENT = "04_optimizers"


def visible_verdict(function, description=None):
    return verdict_of(ASSIGNMENT, function, description)


def bowl(w1, w2):
    return 0.5 * (0.1 * w1 ** 2 + w2 ** 2)


def test_plot_paths_on_contours_draws_each_path_through_its_points():
    paths = {"a": np.array([[-3.0, 1.0], [-2.0, -0.5], [0.0, 0.0]]), "b": [(-3.0, 1.0), (-1.0, 0.2)]}
    ax = plots.plot_paths_on_contours(bowl, paths, xlim=(-4, 1), ylim=(-2, 2), title="bowl")
    lines = {line.get_label(): line for line in ax.lines}
    np.testing.assert_array_equal(lines["a"].get_xdata(), [-3.0, -2.0, 0.0])
    np.testing.assert_array_equal(lines["b"].get_ydata(), [1.0, 0.2])
    assert ax.get_title() == "bowl" and ax.get_legend() is not None
    assert ax.get_xlim() == (-4, 1) and ax.get_ylim() == (-2, 2)
    plt.close("all")


def test_plot_paths_on_contours_evaluates_the_cost_on_a_grid_and_marks_the_minimum():
    shapes = []

    def cost(w1, w2):
        shapes.append(w1.shape)
        return bowl(w1, w2)

    ax = plots.plot_paths_on_contours(cost, {"only": np.zeros((1, 2))}, xlim=(-1, 1), ylim=(-1, 1),
                                      levels=[0.1, 0.2], minimum=(0, 0), resolution=30)
    assert shapes == [(30, 30)]
    assert ax.get_legend() is None  # a single path needs no legend
    stars = [line for line in ax.lines if line.get_marker() == "*"]
    assert len(stars) == 1 and list(stars[0].get_xdata()) == [0]
    plt.close("all")


def test_rmsprop_with_epsilon_inside_the_root_shows_the_digits_that_differ_and_names_the_mistake():
    printed = visible_verdict("update_parameters_with_rmsprop", "epsilon inside the square root").printed
    assert "['b1'] at [1, 0] is -0.068377233; expected -0.068377226 (relative error 1.1e-07" in printed
    assert "epsilon = 0.5 are those of W - learning_rate * dW / np.sqrt(s + epsilon)" in printed
    assert "Hint: epsilon is added AFTER the square root" in printed


def test_adam_with_epsilon_inside_the_root_fails_and_after_it_passes():
    verdict = visible_verdict("update_parameters_with_adam", "epsilon inside the square root")
    assert not verdict.passed and "epsilon went inside the square root" in verdict.printed
    assert visible_verdict("update_parameters_with_adam", "epsilon added to s_corrected ** 0.5").passed


def test_adam_returning_three_values_is_told_the_five_it_should_return():
    printed = visible_verdict("update_parameters_with_adam", "returns three values, parameters, v and s").printed
    assert "FAIL  returned 3 values; expected 5: parameters, v, s, v_corrected, s_corrected." in printed
    assert "some versions of this exercise return only parameters, v and s" in printed


def test_mini_batches_reshaping_y_to_one_row_fail_on_three_rows_of_labels_with_a_hint():
    printed = visible_verdict("random_mini_batches", "reshapes Y into one row").printed
    assert "array of shape (3, 128)" in printed and "cannot reshape array of size 384 into shape (1,128)" in printed
    assert "Y has n_y = 3 rows here" in printed and "do not reshape it to (1, m)" in printed
    assert visible_verdict("random_mini_batches", "reshapes the shuffled Y to (n_y, m)").passed


def test_mini_batches_seeding_rng_or_np_random_get_hints_naming_the_seed():
    printed = visible_verdict("random_mini_batches", "seeds rng with rng.seed, which a Generator does not have").printed
    assert "object has no attribute 'seed'" in printed and "rng is a numpy Generator, already seeded" in printed
    printed = visible_verdict("random_mini_batches",
                              "seeds the global numpy state with np.random.seed and shuffles with np.random").printed
    assert "Two calls with differently seeded rngs gave the same batches." in printed
    assert "no np.random.seed(...)" in printed
