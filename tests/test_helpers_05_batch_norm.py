"""helpers.batchnorm wires a batch-norm layer it does not contain into a deep network.

The wiring is tested with a stand-in that is not batch norm: the affine map
``out = gamma * Z + beta`` (an identity when gamma = 1 and beta = 0). With it, the
network must equal a plain network whose weights are ``gamma * W`` and biases ``beta``,
and its backward pass must match numerical gradients of the cost.
"""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from autograder.hidden.common import numerical_gradient, relative_error
from conftest import visible_verdict

from helpers import batchnorm, nn, plots


def affine_forward(Z, gamma, beta, bn_param):
    """Stand-in for batch norm: no normalization, only the scale and shift; records the call."""
    bn_param.setdefault("calls", []).append(bn_param["mode"])
    return gamma * Z + beta, (Z, gamma)


def affine_backward(dout, cache):
    Z, gamma = cache
    return gamma * dout, np.sum(dout * Z, axis=1, keepdims=True), np.sum(dout, axis=1, keepdims=True)


def bn_parameters(layers_dims, rng):
    """Random W, gamma, beta for the hidden layers and W, b for the output layer."""
    L = len(layers_dims) - 1
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * 0.8
        if l < L:
            parameters[f"gamma{l}"] = rng.uniform(0.5, 1.5, (layers_dims[l], 1))
            parameters[f"beta{l}"] = rng.standard_normal((layers_dims[l], 1)) * 0.3
    parameters[f"b{L}"] = rng.standard_normal((layers_dims[L], 1)) * 0.1
    return parameters


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def test_hidden_layer_count_counts_the_gammas(rng):
    assert batchnorm.hidden_layer_count(bn_parameters([3, 4, 4, 2], rng)) == 2
    assert batchnorm.hidden_layer_count(bn_parameters([3, 2], rng)) == 0


def test_forward_with_an_affine_stand_in_equals_the_plain_network(rng):
    parameters = bn_parameters([3, 5, 4, 2], rng)
    X = rng.standard_normal((3, 7))
    AL, caches = batchnorm.forward(X, parameters, [], affine_forward)
    plain = {"W1": parameters["gamma1"] * parameters["W1"], "b1": parameters["beta1"],
             "W2": parameters["gamma2"] * parameters["W2"], "b2": parameters["beta2"],
             "W3": parameters["W3"], "b3": parameters["b3"]}
    np.testing.assert_allclose(AL, nn.l_layer_forward(X, plain)[0], rtol=1e-12)
    assert AL.shape == (2, 7) and len(caches) == 3


def test_forward_keeps_one_bn_param_per_hidden_layer_and_sets_its_mode(rng):
    parameters = bn_parameters([3, 5, 4, 2], rng)
    bn_params = []
    batchnorm.forward(rng.standard_normal((3, 6)), parameters, bn_params, affine_forward)
    batchnorm.forward(rng.standard_normal((3, 1)), parameters, bn_params, affine_forward, mode="test")
    assert len(bn_params) == 2
    assert all(p["calls"] == ["train", "test"] and p["mode"] == "test" for p in bn_params)


def test_backward_matches_the_numerical_gradient_of_the_cost(rng):
    parameters = bn_parameters([4, 5, 3, 3], rng)
    X, Y = rng.standard_normal((4, 6)), (rng.random((3, 6)) > 0.5).astype(float)
    AL, caches = batchnorm.forward(X, parameters, [], affine_forward)
    grads = batchnorm.backward(AL, Y, caches, affine_backward)
    assert set(grads) == {"d" + key for key in parameters}

    def cost():
        return nn.compute_cost(batchnorm.forward(X, parameters, [], affine_forward)[0], Y)

    for key in parameters:
        assert grads["d" + key].shape == parameters[key].shape, key
        assert relative_error(grads["d" + key], numerical_gradient(cost, parameters[key])) < 1e-6, key


def test_network_trains_with_nn_train_in_train_mode(rng):
    X = rng.standard_normal((4, 40))
    Y = (X[:2] > 0).astype(float)
    bn_params = []
    forward, backward = batchnorm.network(affine_forward, affine_backward, bn_params)
    _, costs = nn.train(X, Y, [4, 6, 2], lambda dims, rng: bn_parameters(dims, rng), forward=forward,
                        backward=backward, learning_rate=0.5, num_iterations=60, record_every=10, rng=rng)
    assert costs[-1] < 0.5 * costs[0]
    assert set(bn_params[0]["calls"]) == {"train"} and len(bn_params[0]["calls"]) == 60


def test_plain_parameters_keep_the_weights_and_put_zero_biases_in_the_hidden_layers(rng):
    parameters = bn_parameters([3, 5, 4, 2], rng)
    plain = batchnorm.plain_parameters(parameters)
    assert set(plain) == {"W1", "b1", "W2", "b2", "W3", "b3"}
    for l in (1, 2, 3):
        np.testing.assert_array_equal(plain[f"W{l}"], parameters[f"W{l}"])
    assert not plain["b1"].any() and plain["b2"].shape == (4, 1)
    np.testing.assert_array_equal(plain["b3"], parameters["b3"])
    plain["W1"][0, 0] += 1.0
    assert plain["W1"][0, 0] != parameters["W1"][0, 0]


def test_sample_batches_draws_paired_columns_without_repeats_inside_a_batch(rng):
    X = np.vstack([np.arange(50.0), -np.arange(50.0)])
    Y = np.arange(50.0).reshape(1, 50)
    batches = batchnorm.sample_batches(X, Y, 8, rng)
    assert len(batches) == 50 // 8
    for X_t, Y_t in batches:
        assert X_t.shape == (2, 8) and Y_t.shape == (1, 8)
        np.testing.assert_array_equal(X_t[0], Y_t[0])
        np.testing.assert_array_equal(X_t[1], -Y_t[0])
        assert len(set(Y_t[0])) == 8


def test_sample_batches_are_independent_draws_not_a_partition():
    X = np.arange(40.0).reshape(1, 40)
    batches = batchnorm.sample_batches(X, X, 10, np.random.default_rng(3))
    seen = np.concatenate([Y_t[0] for _, Y_t in batches])
    assert len(seen) == 40 and len(set(seen)) < 40  # some example drawn twice in one epoch


def test_sample_batches_is_reproducible_and_takes_a_number_of_batches():
    X = np.arange(30.0).reshape(1, 30)
    first = batchnorm.sample_batches(X, X, 4, np.random.default_rng(1), num_batches=11)
    again = batchnorm.sample_batches(X, X, 4, np.random.default_rng(1), num_batches=11)
    assert len(first) == 11
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(first, again))
    whole = batchnorm.sample_batches(X, X, 100, np.random.default_rng(1))
    assert len(whole) == 1 and sorted(whole[0][1][0]) == list(range(30))


def initialize_stand_in(layers_dims, rng):
    """Stands in for the student's initialize_parameters_bn: random W, gamma, beta and bL."""
    return bn_parameters(layers_dims, rng)


def train_stand_in(X, Y, **options):
    return batchnorm.train(X, Y, [4, 6, 2], initialize_stand_in, affine_forward, affine_backward, **options)


def test_scale_weights_multiplies_the_weights_only_and_leaves_the_original_alone(rng):
    parameters = bn_parameters([3, 4, 2], rng)
    scaled = batchnorm.scale_weights(parameters, 10.0)
    np.testing.assert_array_equal(scaled["W1"], 10 * parameters["W1"])
    np.testing.assert_array_equal(scaled["gamma1"], parameters["gamma1"])
    np.testing.assert_array_equal(scaled["b2"], parameters["b2"])
    assert scaled["W2"] is not parameters["W2"]


def test_train_with_batch_norm_keeps_running_statistics_and_records_a_cost_per_epoch(rng):
    X = rng.standard_normal((4, 40))
    Y = (X[:2] > 0).astype(float)
    run = train_stand_in(X, Y, batch_size=10, epochs=30, learning_rate=0.5, seed=2)
    assert len(run["costs"]) == 30 and run["costs"][-1] < 0.7 * run["costs"][0]
    assert len(run["bn_params"]) == 1 and set(run["bn_params"][0]["calls"]) == {"train"}
    assert len(run["bn_params"][0]["calls"]) == 30 * (40 // 10)


def test_train_without_batch_norm_starts_from_the_same_scaled_weights_as_with_it(rng):
    X = rng.standard_normal((4, 20))
    Y = (X[:2] > 0).astype(float)
    with_bn = train_stand_in(X, Y, scale=3.0, epochs=0, seed=5)
    plain = train_stand_in(X, Y, batch_norm=False, scale=3.0, epochs=0, seed=5)
    expected = batchnorm.scale_weights(bn_parameters([4, 6, 2], np.random.default_rng(5)), 3.0)
    assert plain["bn_params"] is None and set(plain["parameters"]) == {"W1", "b1", "W2", "b2"}
    for key in ("W1", "W2"):
        np.testing.assert_array_equal(with_bn["parameters"][key], expected[key])
        np.testing.assert_array_equal(plain["parameters"][key], expected[key])


def test_two_runs_with_one_seed_are_identical_and_another_seed_differs(rng):
    X = rng.standard_normal((4, 30))
    Y = (X[:2] > 0).astype(float)
    first, again, other = (train_stand_in(X, Y, batch_size=8, epochs=3, seed=seed) for seed in (1, 1, 2))
    assert first["costs"] == again["costs"] and first["costs"] != other["costs"]


def test_outputs_run_the_plain_network_or_the_batch_norm_one_in_the_mode_asked(rng):
    X = rng.standard_normal((4, 12))
    Y = (X[:2] > 0).astype(float)
    plain = train_stand_in(X, Y, batch_norm=False, epochs=2)
    np.testing.assert_array_equal(batchnorm.outputs(plain, X, affine_forward),
                                  nn.l_layer_forward(X, plain["parameters"])[0])
    with_bn = train_stand_in(X, Y, epochs=2)
    AL = batchnorm.outputs(with_bn, X, affine_forward)
    assert AL.shape == (2, 12) and with_bn["bn_params"][0]["calls"][-1] == "test"


def test_cost_curves_stack_the_costs_of_the_runs_one_row_per_run():
    runs = [{"costs": [3.0, 2.0, 1.0]}, {"costs": [4.0, 2.5, 0.5]}]
    np.testing.assert_array_equal(batchnorm.cost_curves(runs), [[3.0, 2.0, 1.0], [4.0, 2.5, 0.5]])


def test_seconds_per_call_is_the_best_of_the_timings_of_one_call():
    calls = []
    seconds = batchnorm.seconds_per_call(calls.append, 1, calls=4, repeat=3)
    assert len(calls) == 12 and 0 < seconds < 0.01


def test_format_mean_range_gives_the_mean_and_the_extremes_and_counts_diverged_runs():
    assert plots.format_mean_range([0.9, 0.95, 1.0]) == "95.0% (90.0% to 100.0%)"
    assert plots.format_mean_range([3.25, np.nan, 3.27, np.inf], "{:.2f}") == "3.26 (3.25 to 3.27), 2 of 4 diverged"
    assert plots.format_mean_range([np.nan, np.nan], "{:.2f}") == "all 2 diverged"


def test_plot_seed_curves_draws_every_seed_thin_and_the_mean_bold():
    curves = {"a": np.array([[3.0, 2.0, 1.0], [5.0, 4.0, 3.0]]), "b": np.array([[1.0, 1.0, 1.0]])}
    ax = plots.plot_seed_curves(curves, "epoch", "cost", styles={"b": {"linestyle": "--"}})
    lines = ax.get_lines()
    assert len(lines) == 2 + 1 + 1 + 1  # two seeds and the mean of "a", one seed and the mean of "b"
    np.testing.assert_array_equal(lines[2].get_ydata(), [4.0, 3.0, 2.0])
    assert lines[2].get_linewidth() > lines[0].get_linewidth() and lines[4].get_linestyle() == "--"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]
    plt.close("all")


def test_plot_seed_curves_marks_diverged_seeds_and_never_lists_a_curve_it_does_not_draw():
    diverged = np.array([[np.nan, np.nan, np.nan], [9.0, np.inf, np.nan], [3.0, 2.0, 1.0]])
    ax = plots.plot_seed_curves({"some": diverged, "all": diverged[:2]}, "epoch", "cost")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["some: 2 of 3 diverged (x)", "all: 2 of 2 diverged (x)"]
    marks = [line for line in ax.get_lines() if line.get_marker() == "x"]
    assert [list(mark.get_xdata()) for mark in marks] == [[0, 1], [0, 1]]
    means = [line for line in ax.get_lines() if line.get_label() == "some: 2 of 3 diverged (x)"]
    np.testing.assert_array_equal(means[0].get_ydata(), [3.0, 2.0, 1.0])  # the mean of the seed that did not diverge
    plt.close("all")


# ----- the visible checks name the mistakes the hidden tests catch (through the wire) ----------
def test_momentum_weights_swapped_are_named_at_momentum_0_9():
    verdict = visible_verdict("05_batch_norm", "batchnorm_forward", "momentum weights swapped in the running averages")
    assert not verdict.passed
    assert "running_mean after one batch (0.9 * 0 + 0.1 * mu): your result weighs the batch's mu by momentum." \
        in verdict.printed
    assert "momentum weighs the OLD running value" in verdict.printed


def test_the_unbiased_variance_and_the_per_example_statistics_are_named():
    unbiased = visible_verdict("05_batch_norm", "batchnorm_forward", "unbiased variance (divides by m - 1)")
    assert "train mode: out: your result uses the unbiased variance, which divides by m - 1." in unbiased.printed
    per_example = visible_verdict("05_batch_norm", "batchnorm_forward",
                                  "statistics over axis 0 (per example instead of per unit)")
    assert "normalizes each column (example) instead of each row (unit)" in per_example.printed


def test_a_running_variance_kept_unbiased_fails_with_a_hint_naming_it():
    verdict = visible_verdict("05_batch_norm", "batchnorm_forward",
                              "running variance from the unbiased variance (as PyTorch keeps it)")
    assert "your result averages the unbiased variance (divided by m - 1)." in verdict.printed


def test_eps_after_the_square_root_gets_the_eps_hint_although_eps_is_tiny():
    verdict = visible_verdict("05_batch_norm", "batchnorm_forward", "eps added after the square root")
    assert not verdict.passed
    assert "The difference is of the size of eps: eps goes INSIDE the square root" in verdict.printed


def test_momentum_hard_coded_to_0_9_is_named_by_the_momentum_0_75_case():
    verdict = visible_verdict("05_batch_norm", "batchnorm_forward", "0.9 written instead of bn_param's momentum")
    assert "momentum 0.75: running_mean (0.75 * (1, 2) + 0.25 * mu): your result uses momentum 0.9" in verdict.printed


def test_statistics_without_keepdims_get_a_hint_on_keepdims():
    verdict = visible_verdict("05_batch_norm", "batchnorm_forward", "statistics without keepdims (shape (n,))")
    assert "operands could not be broadcast" in verdict.printed and "Hint: mu and var must keep shape (n, 1)" \
        in verdict.printed


def test_a_wrong_variance_path_is_told_from_a_wrong_mean_path():
    variance = visible_verdict("05_batch_norm", "batchnorm_backward", "factor 2 of the square missing in the variance path")
    assert "Check the path through var" in variance.printed and "Check the path through mu" not in variance.printed
    mean = visible_verdict("05_batch_norm", "batchnorm_backward", "the 1/m of the mean path missing")
    assert "Check the path through mu" in mean.printed
    alt = visible_verdict("05_batch_norm", "batchnorm_backward_alt", "the Z_norm * dgamma term is missing")
    assert "the term - Z_norm * dgamma" in alt.printed


def test_he_scale_from_the_layers_own_size_is_named():
    verdict = visible_verdict("05_batch_norm", "initialize_parameters_bn", "He scale from n[l] instead of n[l-1]")
    assert "sqrt(2/300) from n[1] = 300, the layer's own size" in verdict.printed


def test_the_solutions_and_the_new_variants_pass_the_visible_checks():
    for function in ("batchnorm_forward", "batchnorm_backward", "batchnorm_backward_alt", "initialize_parameters_bn"):
        assert visible_verdict("05_batch_norm", function).passed, function
    assert visible_verdict("05_batch_norm", "batchnorm_backward", "dmu with its variance term written out (it is zero)").passed
