"""The helpers added for assignment 04: optimizer paths drawn on the contours of a cost."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from helpers import plots  # noqa: E402


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
