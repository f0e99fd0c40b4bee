"""The helpers added for assignment 07: plots.plot_trials, and the statistics of its checks."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

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
