"""The helpers added for assignment 07: plots.plot_trials, and the statistics of its checks."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from conftest import visible_verdict  # noqa: E402
from helpers import plots  # noqa: E402
from helpers.checks import tuning  # noqa: E402

TRIALS = [({"learning_rate": 0.1, "units": 32}, 0.9), ({"learning_rate": 0.001, "units": 8}, 0.4),
          ({"learning_rate": 3.0, "units": 64}, 0.1)]


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
    beta = visible_verdict("07_tuning", "sample_beta", "forgets the 1 - on the bounds")
    assert "the smaller bound comes first, 1 - high, then 1 - low" in beta.printed


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
    for function in ("sample_log_uniform", "sample_beta", "random_search", "zoom"):
        verdict = visible_verdict("07_tuning", function)
        assert verdict.passed, function
    assert "size None gives a single number" in visible_verdict("07_tuning", "sample_beta").printed
    assert "top 1 of 7: learning_rate is always the best value, 0.01" in visible_verdict("07_tuning", "zoom").printed
