"""What the visible checks of assignment 01 say of the mistakes the hidden tests catch (mutants of
``autograder/edits/initialization.py``, judged through the wire as the grader judges a kernel's function),
how the 50-layer demo protects itself from one of them, and the helpers of its experiments
(``helpers.signal_propagation`` and the figures)."""

import time

import matplotlib.pyplot as plt
import numpy as np
import pytest
from conftest import visible_verdict as verdict_of

from autograder import accuracy, reference, submissions
from helpers import plots, signal_propagation
from helpers.checks import FixTheCheckFirst, require_passing
from helpers.checks import initialization as check

ASSIGNMENT = "01_initialization"
NOT_UNPACKED = "g(Z) not unpacked: A is the pair (A, cache)"


def visible_verdict(function, description=None):
    return verdict_of(ASSIGNMENT, function, description)


def test_weights_centered_at_the_scale_fail_on_their_mean_with_a_hint_on_rng_normal():
    printed = visible_verdict("initialize_parameters_random",
                              "rng.normal(scale, scale): weights centered at scale, not 0").printed
    assert "ok    std of W1 is 9.938, expected scale = 10 (within 5%)" in printed
    assert "FAIL  the mean of W1 is 9.908; expected about 0 (the std is 9.938)." in printed
    assert "the first argument of rng.normal, loc, is the mean" in printed


def test_a_scale_hard_coded_to_10_is_named_when_the_check_asks_for_0_5():
    printed = visible_verdict("initialize_parameters_random", "scale hard-coded to 10").printed
    assert "FAIL  std of W1 is 9.938; expected scale = 0.5." in printed
    assert "Hint: Multiply by `scale`, the argument: 10 is only its default." in printed


def test_the_scale_as_a_variance_is_named():
    printed = visible_verdict("initialize_parameters_random", "scale used as the variance (times sqrt(scale))").printed
    assert "Hint: That is sqrt(10): `scale` is the standard deviation itself, not the variance" in printed


def test_he_with_the_fan_out_is_named_on_layers_of_different_widths():
    printed = visible_verdict("initialize_parameters_he", "fan-out n[l] instead of fan-in n[l-1]").printed
    assert "FAIL  std of W1 is 0.1405; expected sqrt(2/400) = 0.07071." in printed
    assert "Hint: That is sqrt(2/n[l]), with the layer's own number of units (fan-out)" in printed


def test_he_with_n_x_for_every_layer_passes_w1_and_is_named_at_w2():
    printed = visible_verdict("initialize_parameters_he", "n_x for every layer instead of n[l-1]").printed
    assert "ok    std of W1 is" in printed
    assert "FAIL  std of W2 is" in printed and "expected sqrt(2/100)" in printed
    assert "Hint: That is sqrt(2/n[0]) with the number of input features for every layer" in printed


def test_glorot_average_for_xavier_is_named():
    printed = visible_verdict("initialize_parameters_xavier",
                              "Glorot's sqrt(2 / (n[l-1] + n[l])) instead of the fan-in version").printed
    assert "FAIL  std of W1 is 0.06285; expected sqrt(1/400) = 0.05." in printed
    assert "Hint: That is Glorot's sqrt(2 / (n[l-1] + n[l])), the average of fan-in and fan-out" in printed


def test_xavier_without_the_square_root_is_named_as_the_variance():
    printed = visible_verdict("initialize_parameters_xavier", "divides by n[l-1] without the square root").printed
    assert "Hint: That is 1/n[l-1], the variance; the standard deviation is its square root" in printed


def test_activation_stds_without_g_on_the_last_layer_fails_on_tanh_with_a_hint():
    printed = visible_verdict("activation_stds", "no activation on the last layer").printed
    assert "ok    relu: stds matches" in printed  # relu's last layer is positive here: relu(Z2) = Z2
    assert "FAIL  tanh: stds at [1] is 1.99011; expected 0.876183" in printed
    assert "Hint: Apply g to the last layer too" in printed


def test_activation_stds_with_variances_or_ddof_1_is_named():
    assert "Hint: Those are variances: record np.std(A)" in visible_verdict("activation_stds",
                                                                            "np.var instead of np.std").printed
    assert "Hint: np.std(A) divides by the number of entries (ddof=0)" in visible_verdict(
        "activation_stds", "sample std (ddof=1)").printed


def test_activations_written_out_pass():
    assert visible_verdict("activation_stds", "the activations written out with np.maximum and np.tanh").passed


def test_g_of_z_not_unpacked_stops_the_50_layer_demo_at_once_naming_the_check_to_fix():
    # The mistake doubles the memory of A at every layer: 50 layers would exhaust the machine.
    answers = submissions.student_solutions(ASSIGNMENT, [accuracy.named_edit(ASSIGNMENT, "activation_stds",
                                                                             NOT_UNPACKED)])
    namespace = reference.namespace_from_cells(accuracy.imports_cell(ASSIGNMENT) + list(answers.values()))
    start = time.process_time()
    with pytest.raises(FixTheCheckFirst, match="fix the check of activation_stds above first"):
        require_passing(check.activation_stds, namespace["activation_stds"])
    assert time.process_time() - start < 5


# ----- helpers.signal_propagation: the backward pass of the 50-layer demo -------------------------
def _square_network(weight, layers, width=3):
    return {key: (weight * np.eye(width) if key[0] == "W" else np.zeros((width, 1)))
            for l in range(1, layers + 1) for key in (f"W{l}", f"b{l}")}


def test_backward_stds_of_a_linear_network_grow_by_the_weight_at_every_layer_on_the_way_down():
    X = np.random.default_rng(0).standard_normal((3, 40))
    stds = signal_propagation.backward_stds(X, _square_network(2.0, 4), "linear", rng=np.random.default_rng(5))
    top = np.std(np.random.default_rng(5).standard_normal((3, 40)))  # dA[4] = dZ[4], the gradient sent in
    np.testing.assert_allclose(stds, [8 * top, 4 * top, 2 * top, top])


def test_backward_stds_through_relu_keep_only_the_active_units():
    X = np.array([[1.0, -1.0], [2.0, -2.0], [3.0, -3.0]])  # the second example is negative everywhere
    stds = signal_propagation.backward_stds(X, _square_network(1.0, 2), "relu", rng=np.random.default_rng(1))
    dA = np.random.default_rng(1).standard_normal((3, 2))
    np.testing.assert_allclose(stds, [np.std(dA * [1, 0])] * 2)


def test_saturated_share_counts_the_tanh_activations_beyond_the_threshold():
    X = np.array([[0.001, 10.0]])  # tanh(10) = 1 - 4e-9
    assert signal_propagation.saturated_share(X, _square_network(1.0, 1, width=1)) == 0.5
    assert signal_propagation.saturated_share(X, _square_network(1.0, 1, width=1), threshold=1 - 1e-10) == 0.0


def test_per_layer_factor_is_the_geometric_mean_of_the_changes():
    assert signal_propagation.per_layer_factor(1.0, 8.0, 3) == pytest.approx(2.0)
    assert signal_propagation.per_layer_factor(8.0, 1.0, 3) == pytest.approx(0.5)


def test_spread_table_lists_each_initialization_with_its_factors_per_layer():
    table = signal_propagation.spread_table({"He": [1.0, 2.0, 4.0]}, {"He": [9.0, 3.0, 1.0]}, "relu")
    header, _, row = table.splitlines()
    assert header.split() == ["relu", "std", "A[1]", "std", "A[3]", "per", "layer", "std", "dZ[3]", "std", "dZ[1]",
                              "per", "layer", "down"]
    assert row.split() == ["He", "1", "4", "2.000", "1", "9", "3.000"]


def test_forward_and_backward_panels_share_one_legend_and_one_style_per_initialization():
    curves = {"tanh": {"a": [1.0, 0.5], "b": [1.0, 2.0]}, "relu": {"a": [1.0, 0.4], "b": [1.0, 3.0]}}
    fig = signal_propagation.plot_forward_and_backward(curves, curves)
    assert len(fig.axes) == 4 and [ax.get_legend() is not None for ax in fig.axes] == [True, False, False, False]
    styles = {(line.get_color(), line.get_linestyle(), line.get_marker()) for ax in fig.axes for line in ax.lines}
    assert len(styles) == 2
    plt.close("all")


# ----- the figures of the training experiment ----------------------------------------------------
def test_styled_curves_stay_visible_where_they_overlap():
    ax = plots.plot_costs({"zeros": [0.69, 0.69], "He": [0.69, 0.1]}, styles={"zeros": {"linestyle": ":"}})
    assert [line.get_linestyle() for line in ax.lines] == [":", "-"]
    plt.close("all")


def test_decision_boundaries_name_the_classes_once_and_say_which_points_are_drawn():
    X = np.array([[-1.0, 1.0], [0.0, 1.0]])
    fig = plots.plot_decision_boundaries({"a": lambda P: np.zeros(P.shape[1]), "b": lambda P: np.ones(P.shape[1])},
                                         X, np.array([[0, 1]]), class_names=["outer ring", "inner circle"],
                                         suptitle="points = the test set")
    legends = [ax.get_legend() for ax in fig.axes]
    assert [text.get_text() for text in legends[0].get_texts()] == ["outer ring", "inner circle"]
    assert legends[1] is None and fig._suptitle.get_text() == "points = the test set"
    plt.close("all")


def test_seed_points_keep_equal_values_apart_and_join_the_means_of_the_settings():
    ax = plots.plot_seed_points({0.5: [0.9, 0.9, 0.8], 2: [0.7, 0.7, 0.7]}, "k", "test accuracy")
    points = [line for line in ax.lines if line.get_marker() == "o"]
    assert [len(set(line.get_xdata())) for line in points] == [3, 3]
    assert points[0].get_color() != points[1].get_color()
    means = next(line for line in ax.lines if line.get_label() == "mean over the seeds")
    np.testing.assert_allclose(means.get_ydata(), [np.mean([0.9, 0.9, 0.8]), 0.7])
    assert [label.get_text() for label in ax.get_xticklabels()] == ["0.5", "2"]
    plt.close("all")
