"""The helpers of notebook 02 (Regularization): nn.initialize_he_uniform and helpers/regularization.py; and
what the visible checks of 02 say of the mistakes the hidden tests catch (mutants of
``autograder/edits/regularization.py``, judged through the wire as the grader judges a kernel's function)."""

import matplotlib.pyplot as plt
import numpy as np
from conftest import visible_verdict as verdict_of

from autograder.reference import reference
from helpers import nn, regularization

ASSIGNMENT = "02_regularization"


def visible_verdict(function, description=None):
    return verdict_of(ASSIGNMENT, function, description)


def test_he_uniform_has_the_documented_keys_shapes_and_zero_biases():
    parameters = nn.initialize_he_uniform([2, 20, 3, 1], rng=np.random.default_rng(0))
    assert {k: v.shape for k, v in parameters.items()} == {
        "W1": (20, 2), "b1": (20, 1), "W2": (3, 20), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1)}
    assert all(not np.any(parameters[f"b{l}"]) for l in (1, 2, 3))


def test_he_uniform_weights_are_uniform_with_variance_two_over_fan_in():
    W = nn.initialize_he_uniform([250, 400, 1], rng=np.random.default_rng(1))["W1"]
    limit = np.sqrt(6 / 250)
    assert np.all(np.abs(W) <= limit)
    assert abs(np.var(W) - 2 / 250) < 0.03 * (2 / 250)
    # A uniform distribution puts 57.7% of its mass within one std of its mean (a normal 68.3%).
    assert abs(np.mean(np.abs(W) < np.std(W)) - 1 / np.sqrt(3)) < 0.01


def test_he_uniform_is_repeatable_with_the_same_rng_and_differs_with_another():
    first = nn.initialize_he_uniform([3, 4, 1], rng=np.random.default_rng(5))
    again = nn.initialize_he_uniform([3, 4, 1], rng=np.random.default_rng(5))
    other = nn.initialize_he_uniform([3, 4, 1], rng=np.random.default_rng(6))
    assert all(np.array_equal(first[k], again[k]) for k in first)
    assert not np.array_equal(first["W1"], other["W1"])


def test_lambd_over_2_times_m_is_read_as_a_product_and_named():
    printed = visible_verdict("compute_cost_with_regularization", "lambd / 2 * m: multiplies by m").printed
    assert "FAIL  worked example (m = 4, lambd = 0.1): the cost is 4.299; expected 0.549001" in printed
    assert "Python reads it as (lambd / 2) * m" in printed


def test_lambd_over_m_and_lambd_over_2_get_different_hints_with_m_4():
    over_m = visible_verdict("compute_cost_with_regularization", "1/m instead of 1/(2m)").printed
    over_2 = visible_verdict("compute_cost_with_regularization", "lambd / 2: m left out").printed
    assert "yours is 0.5. You multiplied by lambd / m;" in over_m
    assert "yours is 1. You multiplied by lambd / 2: m, the number of examples" in over_2


def test_l2_gradient_with_twice_the_term_is_named():
    printed = visible_verdict("backward_propagation_with_regularization",
                              "2 lambd / m * W: the 2 of the derivative kept").printed
    assert "You added 2 lambd / m * W: the 2 of the derivative of W**2 cancels" in printed


def test_masks_from_standard_normal_draws_fail_on_their_share_with_a_hint():
    printed = visible_verdict("forward_propagation_with_dropout", "masks from standard normal draws").printed
    assert "FAIL  network [2, 200, 150, 1], keep_prob 0.6: D1 keeps 72.9% and D2 73.5% of the units" in printed
    assert "not with rng.standard_normal" in printed
    assert "The masks keep the wrong share of the units (see the FAIL above)" in printed


def test_masks_that_keep_one_minus_keep_prob_are_named():
    printed = visible_verdict("forward_propagation_with_dropout", "a unit kept with probability 1 - keep_prob").printed
    assert "Hint: That is 1 - keep_prob = 40%: keep a unit when its uniform draw is below keep_prob" in printed


def test_masks_kept_above_one_minus_keep_prob_pass():
    assert visible_verdict("forward_propagation_with_dropout", "a unit kept when its draw is above 1 - keep_prob").passed


def test_early_stopping_pair_reversed_is_named():
    printed = visible_verdict("early_stopping", "returns (stop, best)").printed
    assert "returned (5, 2); expected (2, 5).\n        Hint: Return the pair in the order (best, stop)" in printed


def test_early_stopping_testing_the_patience_before_the_new_best_is_named():
    printed = visible_verdict("early_stopping", "tests the patience before updating the best").printed
    assert "returned (1, 4); expected (4, 7)." in printed
    assert "Hint: Update best before you test the patience" in printed


# ----- helpers/regularization.py: the training loop and the measurements of the notebook -----
def tiny_data(rng):
    """A dataset dict shaped like the notebook's, small enough to train in a moment."""
    data = {}
    for split, m in (("train", 12), ("dev", 9), ("test", 7)):
        data[f"X_{split}"] = rng.uniform(-1, 1, (2, m))
        data[f"Y_{split}"] = (data[f"X_{split}"][1:] > 0).astype(int)
    return data


def always_survived():
    """Parameters of the [2, 20, 3, 1] network that predict y = 1 everywhere."""
    parameters = {key: np.zeros_like(value)
                  for key, value in nn.initialize_he_uniform(regularization.LAYERS_DIMS, np.random.default_rng(0)).items()}
    parameters["b3"] = np.array([[5.0]])
    return parameters


def test_train_model_with_the_same_seed_gives_the_same_network_and_records_every_100_iterations():
    data = tiny_data(np.random.default_rng(0))
    first, history = regularization.train_model(data, num_iterations=300, seed=3)
    again, _ = regularization.train_model(data, num_iterations=300, seed=3)
    other, _ = regularization.train_model(data, num_iterations=300, seed=4)
    assert all(np.array_equal(first[key], again[key]) for key in first)
    assert not np.array_equal(first["W1"], other["W1"])
    assert [len(history[key]) for key in ("train", "dev", "snapshots")] == [3, 3, 3]
    last = history["snapshots"][-1]
    assert history["dev"][-1] == nn.compute_cost(nn.forward_propagation(data["X_dev"], last)[0], data["Y_dev"])


def test_train_model_records_the_training_cost_it_is_given_and_trains_with_the_passes_it_is_given():
    data = tiny_data(np.random.default_rng(1))
    calls = []

    def backward(X, Y, cache):
        calls.append(X.shape)
        return nn.backward_propagation(X, Y, cache)

    _, history = regularization.train_model(data, backward=backward, cost=lambda A3, Y, parameters: 7.0,
                                            num_iterations=200)
    assert history["train"] == [7.0, 7.0]
    assert calls == [(2, 12)] * 200


def test_accuracies_follow_the_order_train_dev_test():
    data = tiny_data(np.random.default_rng(2))
    expected = [data[f"Y_{split}"].mean() for split in regularization.SPLITS]
    np.testing.assert_allclose(regularization.accuracies(always_survived(), data), expected)


def test_exceptions_are_the_saplings_whose_fate_went_against_their_bank():
    X = np.array([[0.0, 0.0, 0.0, 0.0], [0.9, 0.9, -0.9, -0.9]])  # two north of the stream, two south
    Y = np.array([[1, 0, 1, 0]])
    np.testing.assert_array_equal(regularization.exceptions(X, Y), [False, True, True, False])
    assert regularization.exceptions_fitted(always_survived(), X, Y) == 1  # the survivor south of the stream


def test_summary_table_shows_one_run_as_it_is_and_several_as_mean_and_range():
    table = regularization.summary_table({"one": np.array([0.5, 0.25, 1.0]),
                                          "three": np.array([[0.1, 0.2, 0.3], [0.3, 0.2, 0.3], [0.2, 0.2, 0.3]])})
    assert table.splitlines()[0].split() == ["model", "train", "accuracy", "dev", "accuracy", "test", "accuracy"]
    assert table.splitlines()[2].split() == ["one", "50.0%", "25.0%", "100.0%"]
    assert "20.0% (10.0% to 30.0%)" in table.splitlines()[3]


def test_plot_stream_draws_the_stream_of_the_story_across_the_axes():
    _, ax = plt.subplots()
    ax.set_xlim(-1.5, 1.5)
    regularization.plot_stream(ax)
    x1, x2 = ax.lines[0].get_data()
    assert (x1[0], x1[-1]) == (-1.5, 1.5) and ax.lines[0].get_label() == "stream"
    np.testing.assert_allclose(x2, 0.5 * np.sin(2 * x1))
    plt.close("all")


def test_plot_early_stopping_marks_the_best_and_the_stop_record():
    history = {"train": [0.9, 0.5, 0.4, 0.3], "dev": [0.9, 0.6, 0.7, 0.8]}
    ax = regularization.plot_early_stopping(history, 1, 3)
    assert [line.get_label() for line in ax.lines[:2]] == ["training cost", "dev cost"]
    assert [line.get_xdata()[0] for line in ax.lines[2:]] == [100, 300]
    assert [text.get_text().strip() for text in ax.texts] == ["best", "stop"]
    plt.close("all")


def test_plot_dev_costs_draws_each_seed_and_the_mean_of_every_model():
    runs = {"a": [(None, {"dev": [1.0, 0.5]}), (None, {"dev": [1.0, 0.7]})], "b": [(None, {"dev": [0.9, 0.4]})] * 2}
    ax = regularization.plot_dev_costs(runs)
    means = [line for line in ax.lines if line.get_label() in runs]
    np.testing.assert_allclose(means[0].get_ydata(), [1.0, 0.6])
    np.testing.assert_array_equal(means[0].get_xdata(), [0, 100])
    assert len(ax.lines) == 6
    plt.close("all")


def test_train_model_adds_the_extra_gradients_to_those_of_the_backward_pass():
    data = tiny_data(np.random.default_rng(3))
    zero = lambda X, Y, cache: {key: 0.0 for key in ("dW1", "db1", "dW2", "db2", "dW3", "db3")}
    start, _ = regularization.train_model(data, backward=zero, num_iterations=1, seed=5)
    moved, _ = regularization.train_model(data, backward=zero, num_iterations=1, seed=5,
                                          extra_gradients=lambda parameters, m: {"dW2": np.full((3, 20), m)})
    np.testing.assert_allclose(moved["W2"], start["W2"] - regularization.LEARNING_RATE * 12)
    assert all(np.array_equal(moved[key], start[key]) for key in start if key != "W2")


def test_train_model_trains_on_augmented_inputs_drawn_anew_and_records_the_cost_of_the_inputs_as_they_are():
    data = tiny_data(np.random.default_rng(4))
    seen = []

    def backward(X, Y, cache):
        seen.append(X)
        return nn.backward_propagation(X, Y, cache)

    _, history = regularization.train_model(data, backward=backward, num_iterations=101, seed=2,
                                            augment=lambda X, rng: X + rng.standard_normal(X.shape))
    assert not np.array_equal(seen[0], data["X_train"]) and not np.array_equal(seen[0], seen[1])
    last = history["snapshots"][-1]
    assert history["train"][-1] == nn.compute_cost(nn.forward_propagation(data["X_train"], last)[0], data["Y_train"])


def test_train_model_with_tanh_units_trains_and_measures_the_tanh_network():
    data = tiny_data(np.random.default_rng(5))
    parameters, history = regularization.train_model(data, hidden_activation="tanh", num_iterations=100, seed=1)
    tanh_forward, _ = nn.sigmoid_network("tanh")
    assert history["dev"][0] == nn.compute_cost(tanh_forward(data["X_dev"], history["snapshots"][0])[0], data["Y_dev"])
    expected = [nn.accuracy(nn.predict(data[f"X_{split}"], parameters, tanh_forward), data[f"Y_{split}"])
                for split in regularization.SPLITS]
    np.testing.assert_allclose(regularization.accuracies(parameters, data, "tanh"), expected)


def test_iteration_costs_records_the_cost_the_forward_pass_gives_at_every_iteration():
    data = tiny_data(np.random.default_rng(6))
    costs = regularization.iteration_costs(data, nn.forward_propagation, nn.backward_propagation, num_iterations=7, seed=3)
    start = nn.initialize_he_uniform(regularization.LAYERS_DIMS, np.random.default_rng(3))
    assert len(costs) == 7
    assert costs[0] == nn.compute_cost(nn.forward_propagation(data["X_train"], start)[0], data["Y_train"])


def test_l2_part_of_gradients_is_lambda_over_m_times_the_weights_from_a_right_backward_pass():
    backward = reference(ASSIGNMENT, "backward_propagation_with_regularization")
    parameters = nn.initialize_he_uniform([2, 5, 4, 1], np.random.default_rng(7))
    parts = regularization.l2_part_of_gradients(backward, parameters, 0.7, 50)
    assert set(parts) == {"dW1", "dW2", "dW3"}
    for l in (1, 2, 3):
        np.testing.assert_allclose(parts[f"dW{l}"], 0.7 / 50 * parameters[f"W{l}"], rtol=1e-12)


def test_hidden_pre_activations_are_z1_then_z2_of_the_chosen_units():
    parameters = nn.initialize_he_uniform(regularization.LAYERS_DIMS, np.random.default_rng(8))
    X = np.random.default_rng(9).uniform(-1, 1, (2, 6))
    _, cache = nn.forward_propagation(X, parameters)
    z = regularization.hidden_pre_activations(parameters, X)
    np.testing.assert_allclose(z, np.concatenate([cache[0].ravel(), cache[4].ravel()]))
    assert regularization.hidden_pre_activations(parameters, X, "tanh").shape == (23 * 6,)


def test_weight_size_shares_sort_the_103_weights_into_three_groups():
    parameters = nn.initialize_he_uniform(regularization.LAYERS_DIMS, np.random.default_rng(10))
    parameters["W1"][:5] = 1e-4  # 10 weights below 0.001
    parameters["W2"][0] = 0.01  # 20 weights from 0.001 to 0.05
    shares = regularization.weight_size_shares(parameters)
    assert regularization.weights(parameters).shape == (103,)
    assert shares[0] == 10 / 103 and shares.sum() == 1
    assert shares[1] >= 20 / 103


def test_north_of_stream_tells_the_banks_apart():
    X = np.array([[0.0, 0.0, np.pi / 4, np.pi / 4], [0.1, -0.1, 0.6, 0.4]])  # the stream is at x2 = 0, then 0.5
    np.testing.assert_array_equal(regularization.north_of_stream(X), [True, False, True, False])


def test_the_figures_of_sections_7_to_9_draw_every_model_they_name():
    weights_runs = {"L1": [always_survived()], "L2": [nn.initialize_he_uniform(regularization.LAYERS_DIMS,
                                                                                np.random.default_rng(11))]}
    ax = regularization.plot_weight_sizes(weights_runs, {"L1": "C0", "L2": "C1"})
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["L1", "L2"]
    ax = regularization.plot_pre_activations({"a": np.zeros(5), "b": np.ones(5)}, {"a": "C0", "b": "C1"})
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["|z| < 0.5", "a", "b", "tanh(z)", "z"]
    X = np.zeros((2, 4))
    ax = regularization.plot_jitter(X, X + 0.1, np.array([[0, 1, 0, 1]]), class_names=["died", "survived"])
    assert len(ax.lines) == 4 and [text.get_text() for text in ax.get_legend().get_texts()] == ["died", "survived"]
    plt.close("all")


# ----- the check of Exercise 6 (L1) ------------------------------------------------------------------
def test_l1_check_names_the_factor_of_the_l2_term():
    printed = visible_verdict("l1_penalty_and_gradient", "penalty with lambd / (2m), the factor of the L2 term").printed
    assert "FAIL  worked example (m = 4, lambd = 0.1): the penalty is 0.125; expected 0.25" in printed
    assert "You multiplied by lambd / (2m), the factor of the L2 term" in printed


def test_l1_check_names_a_sign_that_is_nan_where_a_weight_is_0():
    printed = visible_verdict("l1_penalty_and_gradient", "W / |W| for the sign: NaN where a weight is 0").printed
    assert "FAIL  worked example (m = 4, lambd = 0.1): where W1 is 0, dW1 holds nan; expected a value from -0.025" in printed
    assert "W / |W| is NaN where W = 0" in printed


def test_l1_check_names_three_layers_fixed_on_a_network_of_two():
    printed = visible_verdict("l1_penalty_and_gradient", "three layers, whatever the network").printed
    assert "raised KeyError: 'W3'" in printed and "This network has 2 weight matrices, W1 and W2" in printed


def test_l1_check_accepts_any_subgradient_where_a_weight_is_0():
    assert visible_verdict("l1_penalty_and_gradient",
                           "+1 at a weight of 0 (np.where(W >= 0, 1, -1)), a valid subgradient").passed
