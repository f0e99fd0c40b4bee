"""The helpers added for assignment 07: plots.plot_trials, helpers.tuning, and the statistics of its checks."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from conftest import visible_verdict  # noqa: E402
from helpers import plots  # noqa: E402
from helpers import tuning as helpers_tuning  # noqa: E402
from helpers.checks import tuning  # noqa: E402

TRIALS = [({"learning_rate": 0.1, "units": 32}, 0.9), ({"learning_rate": 0.001, "units": 8}, 0.4),
          ({"learning_rate": 3.0, "units": 64}, 0.1)]
TRIALS_EPSILON = [({"learning_rate": 0.2, "epsilon": 1e-9}, 0.97), ({"learning_rate": 0.01, "epsilon": 1e-7}, 0.85)]


def test_plot_trials_draws_one_point_per_trial_at_its_hyperparameters():
    ax = plots.plot_trials(TRIALS, "learning_rate", "units", colorbar=False)
    offsets = ax.collections[0].get_offsets()
    np.testing.assert_allclose(offsets, [[0.1, 32], [0.001, 8], [3.0, 64]])
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert ax.get_xlabel() == "learning_rate" and ax.get_ylabel() == "units"
    plt.close("all")


def test_plot_trials_colours_by_score_within_the_given_range():
    ax = plots.plot_trials(TRIALS, "learning_rate", "units", score_range=(0.0, 1.0))
    points = ax.collections[0]
    np.testing.assert_allclose(points.get_array(), [0.9, 0.4, 0.1])
    assert points.get_clim() == (0.0, 1.0)
    assert len(ax.figure.axes) == 2  # the axes and its colour bar
    plt.close("all")


def test_plot_trials_can_draw_two_rounds_on_one_axes_with_a_legend():
    ax = plots.plot_trials(TRIALS, "learning_rate", "units", label="coarse", colorbar=False)
    plots.plot_trials(TRIALS[:1], "learning_rate", "units", ax=ax, marker="s", label="fine", colorbar=False,
                      logx=False, logy=False)
    assert len(ax.collections) == 2
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["coarse", "fine"]
    plt.close("all")


def test_ks_distance_is_small_for_uniform_samples_and_large_for_others():
    rng = np.random.default_rng(0)
    assert tuning.ks_distance_to_uniform(rng.random(20000)) < 0.02
    assert tuning.ks_distance_to_uniform(rng.random(20000) ** 2) > 0.2
    assert tuning.ks_distance_to_uniform(np.array([0.5])) == 0.5


def test_recording_sampler_survives_the_checks_deep_copy_and_records_its_draws():
    import copy

    sampler = tuning.RecordingSampler(-2, 0)
    assert copy.deepcopy({"a": sampler})["a"] is sampler
    value = sampler(np.random.default_rng(1))
    assert sampler.given == [value] and 0.01 <= value <= 1.0


# ----- the visible checks name the mistakes the hidden tests catch (through the wire) ----------
def test_bounds_in_the_wrong_order_get_a_hint_on_their_order():
    verdict = visible_verdict("07_tuning", "sample_log_uniform",
                              "bounds in the wrong order (the generator refuses low > high)")
    assert "raised ValueError: high - low < 0" in verdict.printed
    assert "Hint: rng.uniform(a, b) needs a <= b: the smaller bound comes first, np.log10(low)" in verdict.printed
    beta = visible_verdict("07_tuning", "sample_beta", "bounds of 1 - beta in the wrong order (the generator refuses low > high)")
    assert "the smaller bound comes first, 1 - high, then 1 - low" in beta.printed
    assert "beta's own bounds" not in beta.printed


def test_sample_beta_given_beta_s_own_bounds_is_told_apart_from_swapped_bounds():
    verdict = visible_verdict("07_tuning", "sample_beta", "forgets the 1 - on the bounds")
    assert "raised ValueError: high - low < 0" in verdict.printed
    assert "The log-uniform draw got beta's own bounds, high and low" in verdict.printed


def test_mixing_log10_and_exp_gets_a_hint_on_the_bases():
    verdict = visible_verdict("07_tuning", "sample_log_uniform", "log10 for the bounds, but np.exp to return")
    assert not verdict.passed and "The logarithm and the power must have the same base" in verdict.printed
    linear = visible_verdict("07_tuning", "sample_log_uniform", "uniform on the linear scale")
    assert "same base" not in linear.printed


def test_sample_beta_without_rng_passed_on_is_named():
    verdict = visible_verdict("07_tuning", "sample_beta", "rng not passed on to sample_log_uniform")
    assert "beta: two calls with rng seeded alike gave different samples." in verdict.printed
    assert "Pass your rng on to sample_log_uniform" in verdict.printed


def test_pairs_in_the_order_score_config_are_named():
    verdict = visible_verdict("07_tuning", "random_search", "pairs in the order (score, config)")
    assert "a pair (score, config); expected (config, score)." in verdict.printed


def test_samplers_called_with_np_random_get_a_hint():
    verdict = visible_verdict("07_tuning", "random_search", "samplers called with the np.random module")
    assert "not with the np.random module" in verdict.printed


def test_zoom_tells_the_worst_configs_from_all_of_them():
    worst = visible_verdict("07_tuning", "zoom", "re-sorts the results from the worst up before taking top_k")
    assert "the samples lie in the range of the 3 WORST configs, [0.0001, 3]" in worst.printed
    everything = visible_verdict("07_tuning", "zoom", "ignores top_k")
    assert not everything.passed and "WORST" not in everything.printed


def test_zoom_bounds_from_the_first_and_last_config_and_swapped_bounds_are_named():
    ends = visible_verdict("07_tuning", "zoom", "bounds from the first and the last of the best, not their min and max")
    assert "not the values of the first and the last config" in ends.printed
    swapped = visible_verdict("07_tuning", "zoom", "bounds passed as (high, low)")
    assert "takes the smaller value first" in swapped.printed


def test_the_solutions_pass_the_new_cases_size_none_and_top_one():
    for function in ("sample_log_uniform", "sample_beta", "sample_hyperparameter", "random_search", "zoom"):
        verdict = visible_verdict("07_tuning", function)
        assert verdict.passed, function
    assert "size None gives a single number" in visible_verdict("07_tuning", "sample_beta").printed
    assert "top 1 of 7: learning_rate is always the best value, 0.01" in visible_verdict("07_tuning", "zoom").printed


# ----- sample_hyperparameter: the scales, whole numbers and unknown scales ----------------------
def test_integer_hint_names_a_missing_upper_end_rounded_ends_and_real_numbers():
    rng = np.random.default_rng(0)
    assert tuning.integer_hint(rng.integers(2, 5, 3000), 2, 4) == tuning.INTEGER_HINT
    assert tuning.integer_hint(rng.integers(2, 4, 3000), 2, 4) == tuning.HIGH_MISSING_HINT
    assert tuning.integer_hint(np.round(rng.uniform(2, 4, 3000)), 2, 4) == tuning.ENDS_HALF_HINT
    assert tuning.integer_hint(rng.uniform(2, 4, 3000), 2, 4) == tuning.NOT_WHOLE_HINT


def test_scales_that_fit_tells_linear_log_and_one_minus_beta_samples_apart():
    rng = np.random.default_rng(1)
    assert tuning.scales_that_fit(rng.uniform(1, 100, 5000), 1, 100) == ["linear"]
    assert tuning.scales_that_fit(10 ** rng.uniform(0, 2, 5000), 1, 100) == ["log"]
    assert tuning.scales_that_fit(1 - 10 ** rng.uniform(-3, -1, 5000), 0.9, 0.999) == ["1 - beta"]


def test_an_unknown_scale_handed_to_the_beta_branch_is_caught_by_the_second_range():
    # over [2, 9] sample_beta raises by itself, so only the range [0.2, 0.5] shows the fall-through
    verdict = visible_verdict("07_tuning", "sample_hyperparameter",
                              "the last branch takes every other scale as \"1 - beta\"")
    assert "the unknown scale \"logarithmic\" over [0.2, 0.5] returned" in verdict.printed
    assert "End with `raise ValueError(...)` for any other scale" in verdict.printed


def test_the_integer_check_lists_the_share_of_every_number_of_layers():
    printed = visible_verdict("07_tuning", "sample_hyperparameter").printed
    assert "each of the 3 numbers from 2 to 4 comes up about 1/3 of the time (2: " in printed
    assert "a typo: the unknown scale \"logarithmic\" raises an error" in printed


# ----- helpers.tuning: the digit classifier and the pictures of a search -------------------------
def test_train_digit_network_rounds_the_units_and_learns_a_separable_problem():
    rng = np.random.default_rng(0)
    labels = np.repeat(np.arange(10), 6).reshape(1, 60)
    Y = np.eye(10)[:, labels[0]]
    X = np.vstack([Y, rng.random((2, 60))])
    parameters = helpers_tuning.train_digit_network(X, Y, {"learning_rate": 1.0, "hidden_units": 7.6}, 200)
    assert parameters["W1"].shape == (8, 12) and parameters["W2"].shape == (10, 8)
    assert helpers_tuning.digit_accuracy(parameters, X, labels) == 1.0
    again = helpers_tuning.train_digit_network(X, Y, {"learning_rate": 1.0, "hidden_units": 8}, 200)
    np.testing.assert_array_equal(again["W1"], parameters["W1"])  # one initial seed for every config


def test_sampled_ranges_are_the_extremes_of_the_draws_of_each_sampler():
    space = {"a": lambda rng: rng.uniform(2.0, 3.0), "b": lambda rng: float(rng.integers(5, 7))}
    ranges = helpers_tuning.sampled_ranges(space, np.random.default_rng(0), draws=500)
    assert 2.0 <= ranges["a"][0] < 2.02 and 2.98 < ranges["a"][1] <= 3.0
    assert ranges["b"] == (5.0, 6.0)


def test_print_results_shows_the_best_results_first_with_rounded_units(capsys):
    results = [({"learning_rate": 0.5, "hidden_units": 27.4}, 0.98), ({"learning_rate": 0.01, "hidden_units": 9}, 0.5)]
    helpers_tuning.print_results(results, "Round", count=1)
    printed = capsys.readouterr().out
    assert printed.startswith("Round, best 1 of 2:") and "0.5" in printed and "27" in printed and "98.0%" in printed
    assert "0.01" not in printed


def test_plot_grid_and_random_marks_the_best_learning_rate_in_both_panels():
    fig = helpers_tuning.plot_grid_and_random(
        [({"learning_rate": a, "epsilon": 1e-8}, 0.9) for a in (1e-3, 1e-1)], TRIALS_EPSILON, 0.25, (0.8, 1.0))
    panels = [ax for ax in fig.axes if ax.get_title()]
    assert [len(ax.collections[0].get_offsets()) for ax in panels] == [2, 2]
    assert all(ax.get_lines()[0].get_xdata()[0] == 0.25 for ax in panels)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["the best learning rate, 0.25"]
    plt.close("all")


def test_plot_coarse_and_fine_draws_both_rounds_and_the_zoomed_box_on_a_linear_units_axis():
    coarse = [({"learning_rate": 0.1, "hidden_units": 30}, 0.9), ({"learning_rate": 3.0, "hidden_units": 60}, 0.1)]
    fine = [({"learning_rate": 0.2, "hidden_units": 35.5}, 0.95)]
    ax = helpers_tuning.plot_coarse_and_fine(coarse, fine, {"learning_rate": (0.1, 0.3), "hidden_units": (30, 40)})
    assert len(ax.collections) == 2 and ax.get_xscale() == "log" and ax.get_yscale() == "linear"
    box = ax.patches[0]
    assert (box.get_x(), box.get_y(), box.get_width(), box.get_height()) == (0.1, 30, 0.3 - 0.1, 10)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["coarse round", "fine round", "zoomed space"]
    plt.close("all")


def test_plot_averaging_windows_draws_one_histogram_per_set_of_betas():
    ax = helpers_tuning.plot_averaging_windows({"u": [0.9, 0.95, 0.99], "v": [0.995]}, bins=4)
    assert len(ax.containers) == 2 and ax.get_xscale() == "log"
    assert sum(patch.get_height() for patch in ax.containers[0]) == 3
    plt.close("all")
