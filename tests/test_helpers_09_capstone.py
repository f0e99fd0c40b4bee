"""helpers.capstone wires the student's functions into training runs, measurements and tables it does not contain.

The wiring is tested with stand-ins that are not the exercises: a "network" whose scores are
``W1 @ X`` and whose loss is a made-up function with a known gradient, a train_epoch that
records its calls, and plain gradient descent as the optimizer.
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import capstone, plots  # noqa: E402

NO_REGULARIZATION = dict(batchnorm=False, keep_prob=1.0, lambd=0.0)


def stand_in_init(layer_dims, batchnorm, rng):
    """W1 of shape (classes, n_x) drawn from rng; records the first number the rng gave."""
    W1 = rng.standard_normal((layer_dims[-1], layer_dims[0]))
    return {"W1": W1, "first_draw": np.array([W1[0, 0]])}


def stand_in_forward(params, X, options, running, rng, train):
    return params["W1"] @ X, None


def stand_in_loss(params, X, Y, options, running, rng):
    return 0.0, {key: np.zeros_like(value) for key, value in params.items()}


class RecordingEpoch:
    """A train_epoch that adds 1 to W1 and returns the epoch's number as its loss."""

    def __init__(self):
        self.calls = []

    def __call__(self, params, X, Y, loss_and_grads, update, batch_size, rng):
        self.calls.append((X.shape, Y.shape, batch_size))
        loss_and_grads(params, X[:, :batch_size], Y[:, :batch_size])
        return {**params, "W1": params["W1"] + 1}, float(len(self.calls))


def gradient_descent(learning_rate):
    def update(params, grads):
        return {key: value - learning_rate * grads[key] for key, value in params.items()}
    return update


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    X_train, X_dev = rng.standard_normal((4, 30)), rng.standard_normal((4, 12))
    return X_train, rng.integers(0, 3, (1, 30)), X_dev, rng.integers(0, 3, (1, 12))


def fit(data, epoch=None, **settings):
    settings = {"layer_dims": [4, 5, 3], "options": NO_REGULARIZATION, "learning_rate": 0.1, "epochs": 5,
                "batch_size": 8, "seed": 7, "progress": False, **settings}
    return capstone.fit(*data, stand_in_init, stand_in_loss, stand_in_forward, epoch or RecordingEpoch(),
                        gradient_descent, **settings)


def test_label_columns_puts_a_single_one_in_the_row_of_each_label():
    columns = capstone.label_columns(np.array([[2, 0, 1, 2]]), classes=3)
    np.testing.assert_array_equal(columns, [[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 1]])


def test_new_running_averages_start_at_zero_mean_and_unit_variance_for_the_hidden_layers_only():
    running = capstone.new_running_averages([40, 6, 5, 10])
    assert sorted(running) == [1, 2]
    assert running[1]["mean"].shape == (6, 1) and running[2]["var"].shape == (5, 1)
    assert np.all(running[2]["mean"] == 0) and np.all(running[1]["var"] == 1)


def test_fit_runs_the_epochs_and_records_every_few_epochs_and_the_last(data):
    epoch = RecordingEpoch()
    run = fit(data, epoch, epochs=7, record_every=3)
    assert len(epoch.calls) == 7 and epoch.calls[0] == ((4, 30), (3, 30), 8)
    assert run["history"]["epoch"] == [3, 6, 7]
    assert run["history"]["loss"] == [3.0, 6.0, 7.0]
    assert run["settings"] == {"layer_dims": [4, 5, 3], "options": NO_REGULARIZATION, "learning_rate": 0.1,
                               "epochs": 7, "batch_size": 8, "seed": 7}
    assert run["seconds"] >= 0 and sorted(run["running"]) == [1]


def test_fit_measures_the_accuracies_of_the_trained_parameters_in_test_mode(data):
    run = fit(data)
    X_train, Y_train, X_dev, Y_dev = data
    expected = [float(np.mean(np.argmax(run["params"]["W1"] @ X, axis=0) == Y.ravel()))
                for X, Y in ((X_train, Y_train), (X_dev, Y_dev))]
    assert [run["history"]["train_accuracy"][-1], run["history"]["dev_accuracy"][-1]] == expected
    assert capstone.final_accuracies(run) == tuple(expected)


def test_fit_draws_the_initial_weights_from_its_seed(data):
    first = fit(data, seed=3)["params"]["first_draw"][0]
    assert first == np.random.default_rng(3).standard_normal()
    assert fit(data, seed=4)["params"]["first_draw"][0] != first


def test_fit_shows_no_progress_bar_while_nbgrader_executes_the_notebook(data, capsys, monkeypatch):
    fit(data, progress=True)
    assert "epochs" in capsys.readouterr().out
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    fit(data, progress=None)
    assert capsys.readouterr().out == ""


def test_predicted_labels_run_the_network_in_test_mode_with_the_runs_options():
    seen = []

    def forward(params, X, options, running, rng, train):
        seen.append((options, running, rng, train))
        return np.array([[0.0, 2.0], [1.0, 0.0]]), None

    run = {"params": {}, "running": {1: "averages"}, "settings": {"options": {"batchnorm": True}}}
    np.testing.assert_array_equal(capstone.predicted_labels(run, np.zeros((4, 2)), forward), [1, 0])
    assert seen == [({"batchnorm": True}, {1: "averages"}, None, False)]
    assert capstone.accuracy(run, np.zeros((4, 2)), np.array([[1, 1]]), forward) == 0.5


def test_with_schedule_multiplies_every_step_by_the_factor_of_its_step_number():
    update = capstone.with_schedule(gradient_descent, lambda t: 0.5 ** t)(0.1)
    params = {"W1": np.array([1.0])}
    for t in range(3):
        params = update(params, {"W1": np.array([1.0])})
    np.testing.assert_allclose(params["W1"], [1 - 0.1 * (1 + 0.5 + 0.25)])


def test_with_schedule_also_scales_an_optimizer_that_changes_the_parameters_in_place():
    def make_in_place_update(learning_rate):
        def update(params, grads):
            for key in params:
                params[key] -= learning_rate * grads[key]
            return params
        return update

    update = capstone.with_schedule(make_in_place_update, lambda t: 0.5)(0.1)
    np.testing.assert_allclose(update({"W1": np.array([1.0])}, {"W1": np.array([1.0])})["W1"], [0.95])


def test_cosine_factor_falls_from_one_to_its_final_value_and_stays_there():
    factor = capstone.cosine_factor(100, final=0.1)
    assert factor(0) == 1.0
    assert factor(50) == pytest.approx(0.55)
    assert factor(100) == pytest.approx(0.1) and factor(150) == pytest.approx(0.1)


def cubic_loss(params, X, Y, options, running, rng):
    """A loss with the known gradient W1 ** 2, 2 * b1 and 2 * W2, plus a term that grows with every call on the same
    running averages (so that the derivatives are only right if each evaluation gets fresh ones)."""
    running[1]["mean"] += 1.0
    loss = np.sum(params["W1"] ** 3) / 3 + np.sum(2 * params["b1"]) + np.sum(params["W2"] ** 2)
    grads = {"W1": params["W1"] ** 2, "b1": np.full_like(params["b1"], 2.0), "W2": 2 * params["W2"],
             "b2": np.zeros_like(params["b2"])}
    return loss + float(np.sum(running[1]["mean"])), grads


CUBIC_PARAMS = {"W1": np.array([[1.0, -2.0], [0.5, 3.0]]), "b1": np.array([[0.3], [0.1]]),
                "W2": np.array([[1.5, -0.5]]), "b2": np.array([[0.2]])}


def test_directional_derivatives_agree_for_a_right_gradient_and_not_for_a_wrong_one():
    rng = np.random.default_rng(0)
    directions = [capstone.random_direction(CUBIC_PARAMS, rng) for _ in range(3)]
    right = capstone.directional_derivatives(cubic_loss, CUBIC_PARAMS, np.zeros((2, 3)), np.zeros((1, 3)),
                                             NO_REGULARIZATION, directions)
    assert all(abs(exact - estimate) < 1e-8 for exact, estimate in right)

    def wrong_loss(*args):
        loss, grads = cubic_loss(*args)
        return loss, {**grads, "W2": 3 * args[0]["W2"]}  # dW2 should be 2 W2

    wrong = capstone.directional_derivatives(wrong_loss, CUBIC_PARAMS, np.zeros((2, 3)), np.zeros((1, 3)),
                                             NO_REGULARIZATION, directions)
    assert all(abs(exact - estimate) > 1e-3 for exact, estimate in wrong)
    table = capstone.directions_table(["a", "b", "c"], right)
    assert [line.split()[0] for line in table.splitlines()[2:]] == ["a", "b", "c"]


def test_a_random_direction_has_length_one_and_can_move_one_parameter_only():
    rng = np.random.default_rng(1)
    u = capstone.random_direction(CUBIC_PARAMS, rng)
    assert sum(np.sum(v ** 2) for v in u.values()) == pytest.approx(1.0)
    only = capstone.random_direction(CUBIC_PARAMS, rng, only="b1")
    assert np.sum(only["b1"] ** 2) == pytest.approx(1.0)
    assert all(not np.any(only[key]) for key in ("W1", "W2", "b2"))
    assert capstone.layer_dims_of(CUBIC_PARAMS) == [2, 2, 1]


def test_directional_derivatives_refuse_dropout():
    with pytest.raises(ValueError, match="keep_prob"):
        capstone.directional_derivatives(cubic_loss, CUBIC_PARAMS, np.zeros((2, 2)), np.zeros((1, 2)),
                                         dict(NO_REGULARIZATION, keep_prob=0.5), [])


def test_results_table_gives_one_row_per_run_with_its_regularization_and_gap(data):
    runs = {"plain": fit(data), "regularized": fit(data, options=dict(batchnorm=True, keep_prob=0.8, lambd=0.5))}
    lines = capstone.results_table(runs).splitlines()
    assert len(lines) == 4 and lines[2].split()[:2] == ["plain", "[5]"]
    assert "batch norm, keep 0.8, L2 0.5" in lines[3] and "none" in lines[2]
    train, dev = capstone.final_accuracies(runs["plain"])
    assert f"{train - dev:.1%}" in lines[2]


def test_search_runs_every_trial_in_order():
    assert capstone.search(lambda trial: trial["x"] * 2, [{"x": 1}, {"x": 3}], progress=False) == [2, 6]


def test_plot_learning_curves_draws_a_dev_and_a_train_line_per_run(data):
    ax = capstone.plot_learning_curves({"a": fit(data), "b": fit(data, seed=1)})
    assert len(ax.lines) == 4 and ax.lines[1].get_linestyle() == "--"
    plt.close("all")


def test_plot_search_labels_every_trial_with_its_keep_prob():
    trials = [{"learning_rate": 1e-3, "lambd": 0.1, "keep_prob": 0.5}, {"learning_rate": 1e-2, "lambd": 0.01, "keep_prob": 0.9}]
    ax = capstone.plot_search(trials, [0.6, 0.7])
    assert [text.get_text() for text in ax.texts] == ["keep 0.50", "keep 0.90"]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    plt.close("all")


def test_plot_signals_draws_one_panel_per_signal_and_hides_the_rest():
    fig = plots.plot_signals(np.arange(12.0).reshape(4, 3), titles=["a", "b", "c"], n_columns=2)
    visible = [ax for ax in fig.axes if ax.axison]
    assert [ax.get_title() for ax in visible] == ["a", "b", "c"] and len(fig.axes) == 4
    np.testing.assert_array_equal(visible[1].lines[0].get_ydata(), [1.0, 4.0, 7.0, 10.0])
    plt.close("all")
