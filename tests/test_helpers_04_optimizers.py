"""The helpers added for assignment 04: the experiments of helpers/optimizers.py (driven by stand-ins for the
student's functions), optimizer paths drawn on the contours of a cost, and what the visible checks say of the
mistakes the hidden tests catch (mutants of ``autograder/edits/optimizers.py``, judged through the wire as the
grader judges a kernel's function)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from conftest import visible_verdict as verdict_of  # noqa: E402
from helpers import nn, optimizers, plots  # noqa: E402

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


# ----- helpers/optimizers.py: the experiments of the notebook, around stand-ins for the student's functions --------
def recording_update(calls):
    """A stand-in for a student's update with state: it records (state, step) and moves every parameter by -1."""
    def update(parameters, grads, state, learning_rate):
        calls.append(dict(state))
        state["steps"] = state.get("steps", 0) + 1
        return {key: value - 1.0 for key, value in parameters.items()}, state
    return update


def test_momentum_keeps_its_velocity_between_calls_and_each_fresh_update_starts_from_zero():
    calls, initialized = [], []

    def initialize_velocity(parameters):
        initialized.append(sorted(parameters))
        return {}

    def update_with_momentum(parameters, grads, v, beta, learning_rate):
        return recording_update(calls)(parameters, grads, v, learning_rate)

    fresh = optimizers.momentum(initialize_velocity, update_with_momentum, beta=0.5)
    first, second = fresh(), fresh()
    parameters = {"W1": np.zeros((1, 1))}
    for _ in range(3):
        parameters = first(parameters, {"dW1": np.zeros((1, 1))}, 0.1)
    second(parameters, {"dW1": np.zeros((1, 1))}, 0.1)
    assert initialized == [["W1"], ["W1"]]
    assert calls == [{}, {"steps": 1}, {"steps": 2}, {}]
    assert parameters["W1"].item() == -3.0


def test_adam_counts_its_steps_from_one_and_passes_its_hyperparameters_on():
    seen = []

    def update_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon):
        seen.append((t, learning_rate, beta1, beta2, epsilon))
        return parameters, v, s, {}, {}

    update = optimizers.adam(lambda parameters: ({}, {}), update_with_adam, beta2=0.9)()
    for _ in range(2):
        update({"W1": np.zeros((1, 1))}, {"dW1": np.zeros((1, 1))}, 0.01)
    assert seen == [(1, 0.01, 0.9, 0.9, 1e-8), (2, 0.01, 0.9, 0.9, 1e-8)]


def test_bowl_path_starts_at_the_start_and_hands_the_bowl_gradients_to_the_update():
    def half_step(parameters, grads, learning_rate):  # a stand-in rule, not an exercise's
        return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}

    path = optimizers.bowl_path(half_step, 0.5, start=(-4.0, 2.0), steps=2)
    np.testing.assert_allclose(path, [[-4.0, 2.0], [-3.96, 0.0], [-3.9204, 0.0]])
    assert optimizers.bowl_cost(-4.0, 2.0) == 0.5 * (0.02 * 16 + 2 * 4)


def test_final_bowl_cost_is_infinite_for_a_run_that_overflows():
    def exploding(parameters, grads, learning_rate):
        return {key: value * 1e200 for key, value in parameters.items()}

    assert optimizers.final_bowl_cost(exploding, 1.0, steps=3) == np.inf


def test_plot_bowl_paths_colours_each_optimizer_and_marks_the_diverged_run():
    path = np.array([[-9.0, 1.5], [-8.0, 0.5], [0.0, 0.0]])
    escaping = np.array([[-9.0, 1.5], [-8.6, -4.5], [-8.3, 13.5]])
    fig = optimizers.plot_bowl_paths({name: (0.5, path) for name in optimizers.STYLES},
                                     diverged=("gradient descent", 2, escaping))
    first, second = fig.axes[:2]
    assert [line.get_color() for line in second.lines[:1]] == [optimizers.STYLES["momentum"]["color"]]
    labels = [text.get_text() for text in first.get_legend().get_texts()]
    assert labels == ["learning rate 0.5", "learning rate 2: diverged, out of view after step 1"]
    assert len(first.lines[1].get_xdata()) == 2  # drawn up to the first point out of view
    plt.close("all")


def test_plot_cost_against_rate_crosses_out_diverged_rates_and_circles_the_best():
    costs = {"gradient descent": [0.5, 0.2, np.inf], "Adam": [[0.1, 0.3], [0.05, 0.07], [0.2, 0.4]]}
    ax = optimizers.plot_cost_against_rate([0.1, 1, 10], costs, best={"gradient descent": 1, "Adam": 1})
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["gradient descent", "Adam", "diverged (cost above 1000)"]
    gd_line = ax.lines[0]
    assert np.isnan(gd_line.get_ydata()[2]) and gd_line.get_ydata()[1] == 0.2
    crosses = [line for line in ax.lines if line.get_marker() == "x" and len(line.get_xdata())]
    assert len(crosses) == 1 and list(crosses[0].get_xdata()) == [10.0]
    adam_line = next(line for line in ax.lines if line.get_label() == "Adam")
    np.testing.assert_allclose(adam_line.get_ydata(), [0.2, 0.06, 0.3])
    plt.close("all")


def run_with_costs(costs, record_every=1, **fields):
    values = {"final_cost": 0.1, "train_accuracy": 0.9, "test_accuracy": 0.8, "distance": 1.0, **fields}
    return optimizers.Run({}, list(costs), record_every, **values)


def test_run_jitter_is_the_mean_change_between_epochs_over_the_last_ones():
    run = run_with_costs([5.0] * 10 + [1.0, 1.2, 1.0, 1.2, 1.0])
    assert run.jitter(last=4) == pytest.approx(0.2)
    assert run_with_costs(np.linspace(1, 0.9, 201)).jitter() == pytest.approx(0.0005)
    assert run_with_costs([3.0, 2.0, 1.0], record_every=10).cost_at(20) == 1.0


def test_summary_table_gives_the_mean_and_range_of_each_column_over_the_seeds():
    runs = {"a": [run_with_costs([1.0], final_cost=0.1, test_accuracy=0.9),
                  run_with_costs([1.0], final_cost=0.3, test_accuracy=0.8)]}
    table = optimizers.summary_table(runs, columns=("final cost", "test accuracy"))
    assert table.splitlines()[-1].split(None, 1)[1].split() == ["0.200", "(0.100", "to", "0.300)", "85.0%", "(80.0%",
                                                                 "to", "90.0%)"]


def test_train_runs_starts_each_seed_where_starting_point_says_and_evaluates_the_result():
    data = {"X_train": np.array([[0.0, 1.0, 2.0, 3.0], [1.0, 0.0, 1.0, 0.0]]), "Y_train": np.array([[0, 1, 0, 1]])}
    data["X_test"], data["Y_test"] = data["X_train"], data["Y_train"]
    standing_still = optimizers.gradient_descent(lambda parameters, grads, learning_rate: parameters)
    runs = optimizers.train_runs(standing_still, data, 0.1, 3, [4, 5], lambda X, Y, rng: [(X, Y)], record_every=1)
    for seed, run in zip([4, 5], runs):
        start = optimizers.starting_point(seed)
        assert all(np.array_equal(run.parameters[key], start[key]) for key in start) and run.distance == 0.0
        output, _ = nn.forward_propagation(data["X_train"], start)
        assert run.final_cost == pytest.approx(nn.compute_cost(output, data["Y_train"]))
        assert len(run.costs) == 3 and run.costs[0] == pytest.approx(run.final_cost)


def test_plot_decay_runs_keeps_one_colour_per_run_in_all_three_panels():
    schedules = {"constant": lambda epoch: 0.1, "halving": lambda epoch: 0.1 / (1 + epoch)}
    runs = {name: [run_with_costs(np.linspace(1, 0.5, 300))] for name in schedules}
    fig = optimizers.plot_decay_runs(schedules, runs)
    colours = [[line.get_color() for line in ax.lines] for ax in fig.axes]
    assert colours[0] == colours[1] == colours[2] == optimizers.DECAY_COLORS[:2]
    assert [text.get_text() for text in fig.legends[0].get_texts()] == ["constant", "halving"]
    assert all(ax.get_legend() is None for ax in fig.axes)
    plt.close("all")


def test_peak_day_finds_the_highest_day_of_the_year_asked():
    dates = np.array(["2013-07-01", "2014-03-01", "2014-08-11", "2015-07-01"], dtype="datetime64[D]")
    assert optimizers.peak_day(dates, np.array([40.0, 10.0, 30.0, 50.0]), year=2014) == "2014-08-11"


def test_plot_paths_on_contours_applies_the_style_of_each_path():
    paths = {"a": np.zeros((2, 2)), "b": np.ones((2, 2))}
    ax = plots.plot_paths_on_contours(bowl, paths, xlim=(-1, 2), ylim=(-1, 2),
                                      styles={"b": {"color": "black", "linestyle": "--"}})
    lines = {line.get_label(): line for line in ax.lines}
    assert lines["b"].get_color() == "black" and lines["b"].get_linestyle() == "--"
    assert lines["a"].get_linestyle() == "-" and lines["a"].get_marker() == "o"
    plt.close("all")


def test_momentum_without_damping_steps_with_the_sum_of_past_gradients_not_their_average():
    update = optimizers.momentum_without_damping(beta=0.5)()
    parameters = {"W1": np.zeros((1, 1))}
    for _ in range(2):
        parameters = update(parameters, {"dW1": np.ones((1, 1))}, 0.1)
    assert parameters["W1"].item() == pytest.approx(-0.1 * (1 + 1.5))
    fresh = optimizers.momentum_without_damping(beta=0.5)()
    assert fresh({"W1": np.zeros((1, 1))}, {"dW1": np.ones((1, 1))}, 0.1)["W1"].item() == pytest.approx(-0.1)


def test_descent_path_hands_the_gradient_of_the_surface_to_the_update():
    def plain(parameters, grads, learning_rate):  # a stand-in rule, not an exercise's
        return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}

    path = optimizers.descent_path(lambda w1, w2: (w1 - 1.0, 2.0 * w2), plain, 0.5, (3.0, 1.0), steps=2)
    np.testing.assert_allclose(path, [[3.0, 1.0], [2.0, 0.0], [1.5, 0.0]])


def test_saddle_gradient_is_the_derivative_of_the_saddle_cost_and_vanishes_at_the_saddle_and_minima():
    w1, w2, step = 1.3, -0.4, 1e-6
    dw1, dw2 = optimizers.saddle_gradient(w1, w2)
    assert dw1 == pytest.approx((optimizers.saddle_cost(w1 + step, w2) - optimizers.saddle_cost(w1 - step, w2))
                                / (2 * step), rel=1e-6)
    assert dw2 == pytest.approx((optimizers.saddle_cost(w1, w2 + step) - optimizers.saddle_cost(w1, w2 - step))
                                / (2 * step), rel=1e-6)
    for point in ((0.0, 0.0), (4.0, 0.0), (-4.0, 0.0)):
        assert optimizers.saddle_gradient(*point) == (0.0, 0.0)
    assert optimizers.saddle_cost(0.0, 0.0) == optimizers.SADDLE_COST and optimizers.saddle_cost(4.0, 0.0) == 0.0


def test_steps_to_leave_is_the_first_step_below_half_the_saddle_cost_or_none():
    path = np.array([[0.0, 1.0], [0.0, 0.0], [4.0, 0.3], [4.0, 0.0]])
    assert optimizers.steps_to_leave(path) == 2
    assert optimizers.steps_to_leave(path[:2]) is None
    table = optimizers.leave_table({"a": [2, None]}, (0.01, 0.0), 300)
    assert table.splitlines()[-1].split() == ["a", "2", "not", "in", "300"]


def test_plot_saddle_paths_draws_each_optimizer_in_its_colour_with_the_saddle_cost_marked():
    paths = {name: (0.1, np.array([[0.01, 1.5], [0.5, 0.2], [4.0, 0.0]])) for name in optimizers.STYLES}
    fig = optimizers.plot_saddle_paths(paths)
    contours, costs = fig.axes
    labels = [text.get_text() for text in costs.get_legend().get_texts()]
    assert labels == [f"{name}, learning rate 0.1" for name in optimizers.STYLES] + ["the saddle's cost, 1/2"]
    assert [line.get_color() for line in costs.lines[:4]] == [style["color"] for style in optimizers.STYLES.values()]
    np.testing.assert_allclose(costs.lines[0].get_ydata(), optimizers.saddle_cost(*paths["Adam"][1].T))
    assert len(contours.get_legend().get_texts()) == 4
    plt.close("all")


def line_data():
    X = np.array([[-1.0, 0.0, 1.0, 2.0]])
    return X, 3.0 * X + 1.0 + np.array([[0.5, -0.5, -0.5, 0.5]])


def test_temperature_line_normalizes_the_daily_minimum_and_keeps_the_maximum_in_degrees():
    weather = {"temp_min": np.array([0.0, 10.0, 20.0]), "temp_max": np.array([5.0, 15.0, 30.0])}
    X, Y = optimizers.temperature_line(weather)
    assert X.shape == Y.shape == (1, 3)
    assert X.mean() == pytest.approx(0.0) and X.std() == pytest.approx(1.0)
    np.testing.assert_array_equal(Y, [[5.0, 15.0, 30.0]])


def test_line_cost_is_the_half_mean_squared_error_and_line_minimum_its_lowest_point():
    X, Y = line_data()
    cost = optimizers.line_cost(X, Y)
    w, b = np.array([[0.5, 3.0]]), np.array([[2.0, -1.0]])
    expected = [[0.5 * np.mean((wi * X + bi - Y) ** 2) for wi, bi in zip(w[0], b[0])]]
    np.testing.assert_allclose(cost(w, b), expected)
    w_best, b_best = optimizers.line_minimum(X, Y)
    assert (w_best, b_best) == pytest.approx(np.polyfit(X[0], Y[0], 1))
    assert cost(w_best, b_best) < min(cost(w_best + dw, b_best + db) for dw, db in ((0.01, 0), (0, 0.01), (-0.01, 0)))


def test_fit_line_takes_one_step_per_mini_batch_and_records_each_batch_cost():
    X, Y = line_data()
    seen = []

    def record_then_step(parameters, grads, learning_rate):
        seen.append((grads["dW1"].shape, grads["db1"].shape))
        return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}

    def halves(X, Y, rng):
        return [(X[:, :2], Y[:, :2]), (X[:, 2:], Y[:, 2:])]

    run = optimizers.fit_line(record_then_step, halves, X, Y, 0.1, 3, np.random.default_rng(0))
    assert run.steps_per_epoch == 2 and run.path.shape == (7, 2) and run.batch_costs.shape == (6,)
    assert seen == [((1, 1), (1, 1))] * 6 and tuple(run.path[0]) == (0.0, 0.0)
    assert run.batch_costs[0] == pytest.approx(0.5 * np.mean(Y[:, :2] ** 2))
    residual = -Y[:, :2]
    np.testing.assert_allclose(run.path[1], [-0.1 * np.mean(residual * X[:, :2]), -0.1 * np.mean(residual)])


def test_line_run_measures_distances_and_the_path_walked_in_an_epoch():
    run = optimizers.LineRun(np.array([[0.0, 0.0], [3.0, 4.0], [3.0, 0.0], [0.0, 0.0], [0.0, 1.0]]),
                             np.zeros(4), steps_per_epoch=2)
    np.testing.assert_allclose(run.distances((0.0, 0.0)), [0, 5, 3, 0, 1])
    np.testing.assert_array_equal(run.epoch_points(2), [[3.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    assert run.travelled(1) == pytest.approx(9.0) and run.travelled(2) == pytest.approx(4.0)
    assert run.mean_distance((0.0, 0.0), 1) == pytest.approx(4.0)


def test_seconds_per_epoch_is_the_shortest_of_its_repeats():
    X, Y = line_data()
    calls = []

    def counting(parameters, grads, learning_rate):
        calls.append(1)
        return parameters

    seconds = optimizers.seconds_per_epoch(counting, lambda X, Y, rng: [(X, Y)] * 3, X, Y, repeats=4)
    assert len(calls) == 12 and 0 < seconds < 1


def test_line_and_timing_tables_give_a_row_per_run():
    run = optimizers.LineRun(np.array([[0.0, 0.0], [0.0, 1.0], [0.0, 2.0], [0.0, 3.5]]), np.zeros(3), steps_per_epoch=1)
    table = optimizers.line_table({("batch", 0.5): [run, run]}, (0.0, 2.0), last_epoch=3)
    assert table.splitlines()[0].strip().endswith("mean distance, epoch 3  walked in epoch 3")
    assert table.splitlines()[-1].split() == ["batch,", "rate", "0.5", "1", "(1", "to", "1)", "0", "(0", "to", "0)",
                                              "1.5", "(1.5", "to", "1.5)", "1.5", "(1.5", "to", "1.5)"]
    timing = optimizers.timing_table({"batch": 4, "stochastic": 1}, {"batch": 2e-5, "stochastic": 4e-4}, 4)
    assert timing.splitlines()[-1].split() == ["stochastic", "1", "4", "0.4", "ms", "100", "µs"]


def test_plot_line_runs_keeps_one_colour_per_batch_size_in_every_panel():
    X, Y = line_data()
    runs = {name: optimizers.fit_line(optimizers.gradient_descent(nn.gradient_descent)(),
                                      lambda X, Y, rng, size=size: [(X[:, i:i + size], Y[:, i:i + size])
                                                                    for i in range(0, 4, size)],
                                      X, Y, 0.1, 2, np.random.default_rng(0))
            for name, size in (("batch", 4), ("mini-batch", 2), ("stochastic", 1))}
    fig = optimizers.plot_line_runs(runs, optimizers.line_cost(X, Y), optimizers.line_minimum(X, Y), zoom=1.0)
    colours = {name: style["color"] for name, style in optimizers.BATCH_SIZE_STYLES.items()}
    for ax in fig.axes:
        drawn = {line.get_label(): line.get_color() for line in ax.lines if line.get_label() in colours}
        assert drawn == colours
    assert [text.get_text() for text in fig.legends[0].get_texts()][:3] == list(colours)
    plt.close("all")


def test_inverse_sqrt_decay_counting_epochs_from_one_is_named_even_when_it_raises():
    printed = visible_verdict("inverse_sqrt_decay", "epoch counted from 1, with math.sqrt (raises at epoch 0)").printed
    assert "ZeroDivisionError" in printed and "Epochs count from 0 here" in printed
    printed = visible_verdict("inverse_sqrt_decay", "epoch counted from 1: the root of epoch_num").printed
    assert "the epochs are counted from 1" in printed and "FAIL" in printed
