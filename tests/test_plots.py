"""The plotting helpers draw what they say (Agg backend, no window)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from helpers import plots  # noqa: E402


def test_plot_dataset_draws_one_collection_per_class():
    X = np.array([[0.0, 1.0, 2.0], [0.0, 1.0, 0.0]])
    ax = plots.plot_dataset(X, np.array([[0, 1, 1]]), title="t")
    assert len(ax.collections) == 2 and ax.get_title() == "t"
    plt.close("all")


def test_plot_decision_boundary_shades_the_predicted_regions():
    X = np.array([[-1.0, 1.0], [0.0, 0.0]])
    seen = []

    def predict(points):
        seen.append(points.shape)
        return (points[0] > 0).astype(int)

    ax = plots.plot_decision_boundary(predict, X, np.array([[0, 1]]), resolution=50)
    assert seen == [(2, 2500)]
    assert len(ax.collections) >= 3  # the filled contour and the two classes
    plt.close("all")


def test_plot_decision_boundaries_makes_one_panel_per_model():
    X = np.array([[-1.0, 1.0], [0.0, 1.0]])
    fig = plots.plot_decision_boundaries({"a": lambda P: np.zeros(P.shape[1]), "b": lambda P: np.ones(P.shape[1])},
                                         X, np.array([[0, 1]]))
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]
    plt.close("all")


def test_plot_costs_uses_iterations_on_the_x_axis():
    ax = plots.plot_costs({"a": [3.0, 2.0, 1.0]}, record_every=100)
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [0, 100, 200])
    plt.close("all")


def test_format_table_aligns_columns_and_formats_percentages():
    table = plots.format_table(["model", "accuracy"], [["He", 0.955], ["zeros", 0.5]])
    lines = table.splitlines()
    assert lines[0].startswith("model") and "95.5%" in lines[2] and "50.0%" in lines[3]
    assert len({len(line) for line in lines}) == 1
