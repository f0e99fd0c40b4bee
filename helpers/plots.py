"""Plots in one consistent style: datasets, decision boundaries, curves and tables.

Every plotting function draws on ``ax`` when given one (so figures can be composed)
and otherwise on a new figure; it returns the axes it drew on.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

#: Colours for classes 0, 1, 2, ... (colour-blind safe).
CLASS_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]

STYLE = {
    "figure.figsize": (6.0, 4.0),
    "figure.dpi": 100,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "axes.prop_cycle": plt.cycler(color=CLASS_COLORS),
}
plt.rcParams.update(STYLE)


def _axes(ax, figsize=None):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_dataset(X, Y, ax=None, title=None, class_names=None):
    """Scatter 2-D points coloured by class.

    Arguments:
        X -- points, shape (2, m);  Y -- integer labels, shape (1, m) or (m,)
        class_names -- optional legend names, one per class
    """
    ax = _axes(ax)
    labels = np.ravel(Y).astype(int)
    for c in np.unique(labels):
        name = class_names[c] if class_names else f"class {c}"
        ax.scatter(X[0, labels == c], X[1, labels == c], s=14, color=CLASS_COLORS[c % len(CLASS_COLORS)],
                   edgecolors="white", linewidths=0.4, label=name)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_aspect("equal", adjustable="box")
    ax.legend(loc="best")
    if title:
        ax.set_title(title)
    return ax


def plot_decision_boundary(predict_labels, X, Y, ax=None, title=None, resolution=300):
    """Shade the plane by the class a model predicts, with the data on top.

    Arguments:
        predict_labels -- function mapping points of shape (2, k) to integer labels (k,) or (1, k)
        X -- points, shape (2, m);  Y -- labels, shape (1, m) or (m,)
    """
    ax = _axes(ax)
    pad = 0.1 * (X.max(axis=1) - X.min(axis=1)) + 0.1
    x1 = np.linspace(X[0].min() - pad[0], X[0].max() + pad[0], resolution)
    x2 = np.linspace(X[1].min() - pad[1], X[1].max() + pad[1], resolution)
    grid1, grid2 = np.meshgrid(x1, x2)
    points = np.vstack([grid1.ravel(), grid2.ravel()])
    regions = np.ravel(predict_labels(points)).reshape(grid1.shape)
    n_classes = max(int(np.max(Y)), int(regions.max())) + 1
    cmap = ListedColormap(CLASS_COLORS[:n_classes])
    ax.contourf(grid1, grid2, regions, levels=np.arange(n_classes + 1) - 0.5, cmap=cmap, alpha=0.25)
    plot_dataset(X, Y, ax=ax, title=title)
    ax.set_xlim(x1[0], x1[-1])
    ax.set_ylim(x2[0], x2[-1])
    return ax


def plot_decision_boundaries(models, X, Y, titles=None):
    """Decision boundaries of several models side by side.

    Arguments:
        models -- dict title -> predict_labels function (see :func:`plot_decision_boundary`)
        X, Y -- the points to draw on every panel
    Returns the figure.
    """
    fig, axes = plt.subplots(1, len(models), figsize=(4.2 * len(models), 4.0), squeeze=False)
    for ax, (title, predict_labels) in zip(axes[0], models.items()):
        plot_decision_boundary(predict_labels, X, Y, ax=ax, title=title)
        ax.get_legend().remove()
    fig.tight_layout()
    return fig


def plot_curves(curves, xlabel, ylabel, ax=None, title=None, x=None, logy=False, logx=False):
    """Line plot of several named series.

    Arguments:
        curves -- dict label -> sequence of values
        x -- optional shared x values (default 0, 1, 2, ...)
    """
    ax = _axes(ax)
    for label, values in curves.items():
        values = np.asarray(values, dtype=float)
        xs = np.arange(len(values)) if x is None else np.asarray(x)[: len(values)]
        ax.plot(xs, values, label=label, linewidth=1.6)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if logy:
        ax.set_yscale("log")
    if logx:
        ax.set_xscale("log")
    if len(curves) > 1:
        ax.legend()
    if title:
        ax.set_title(title)
    return ax


def plot_costs(costs, record_every=100, ax=None, title="Training cost", logy=False):
    """Cost curves recorded by :func:`helpers.nn.train`.

    Arguments:
        costs -- dict label -> list of costs, or one list
        record_every -- iterations between two recorded costs
    """
    if not isinstance(costs, dict):
        costs = {"cost": costs}
    longest = max(len(c) for c in costs.values())
    return plot_curves(costs, "iteration", "cost", ax=ax, title=title, logy=logy,
                       x=np.arange(longest) * record_every)


def format_table(header, rows, float_format="{:.1%}"):
    """Format rows as an aligned text table; floats use ``float_format`` (default percent).

    Arguments:
        header -- column titles;  rows -- list of sequences, one per row
    Returns the table as a string (print it).
    """
    cells = [[c if isinstance(c, str) else float_format.format(c) for c in row] for row in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    line = "  ".join("{:<%d}" % widths[0] if i == 0 else "{:>%d}" % w for i, w in enumerate(widths))
    out = [line.format(*header), "  ".join("-" * w for w in widths)]
    out += [line.format(*row) for row in cells]
    return "\n".join(out)
