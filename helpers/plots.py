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


def _finish(ax, xlabel, ylabel, title=None, logx=False, logy=False, legend=True):
    """Label ``ax``, set its log scales, show its legend when ``legend``; return ``ax``."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if logx:
        ax.set_xscale("log")
    if logy:
        ax.set_yscale("log")
    if legend:
        ax.legend()
    if title:
        ax.set_title(title)
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


def plot_decision_boundary(predict_labels, X, Y, ax=None, title=None, resolution=300, class_names=None):
    """Shade the plane by the class a model predicts, with the data on top.

    Arguments:
        predict_labels -- function mapping points of shape (2, k) to integer labels (k,) or (1, k)
        X -- points, shape (2, m);  Y -- labels, shape (1, m) or (m,)
        class_names -- optional legend names, one per class
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
    plot_dataset(X, Y, ax=ax, title=title, class_names=class_names)
    ax.set_xlim(x1[0], x1[-1])
    ax.set_ylim(x2[0], x2[-1])
    return ax


def plot_decision_boundaries(models, X, Y, titles=None, class_names=None, suptitle=None):
    """Decision boundaries of several models side by side.

    Arguments:
        models -- dict title -> predict_labels function (see :func:`plot_decision_boundary`)
        X, Y -- the points to draw on every panel
        class_names -- optional names of the classes, shown in the legend of the first panel
        suptitle -- optional title above the panels (for example which set the points are)
    Returns the figure.
    """
    fig, axes = plt.subplots(1, len(models), figsize=(4.2 * len(models), 4.0), squeeze=False)
    for i, (ax, (title, predict_labels)) in enumerate(zip(axes[0], models.items())):
        plot_decision_boundary(predict_labels, X, Y, ax=ax, title=title, class_names=class_names)
        if i > 0 or class_names is None:
            ax.get_legend().remove()
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig


def plot_curves(curves, xlabel, ylabel, ax=None, title=None, x=None, logy=False, logx=False, styles=None):
    """Line plot of several named series.

    Arguments:
        curves -- dict label -> sequence of values
        x -- optional shared x values (default 0, 1, 2, ...)
        styles -- optional dict label -> keyword arguments of ``ax.plot`` for that curve (colour,
                  linestyle, marker...), so that curves lying on top of each other stay visible
    """
    ax = _axes(ax)
    styles = styles or {}
    for label, values in curves.items():
        values = np.asarray(values, dtype=float)
        xs = np.arange(len(values)) if x is None else np.asarray(x)[: len(values)]
        ax.plot(xs, values, label=label, **{"linewidth": 1.6, **styles.get(label, {})})
    return _finish(ax, xlabel, ylabel, title, logx, logy, legend=len(curves) > 1)


def plot_costs(costs, record_every=100, ax=None, title="Training cost", logy=False, styles=None):
    """Cost curves recorded by :func:`helpers.nn.train`.

    Arguments:
        costs -- dict label -> list of costs, or one list
        record_every -- iterations between two recorded costs
        styles -- optional dict label -> keyword arguments of ``ax.plot`` (see :func:`plot_curves`)
    """
    if not isinstance(costs, dict):
        costs = {"cost": costs}
    longest = max(len(c) for c in costs.values())
    return plot_curves(costs, "iteration", "cost", ax=ax, title=title, logy=logy,
                       x=np.arange(longest) * record_every, styles=styles)


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


def plot_gradient_components(values, shapes, ax=None, title=None, ylabel="|analytic - numerical|", floor=1e-16):
    """One point per component of a rolled gradient (log scale), grouped and labelled by block.

    Arguments:
        values -- N non-negative numbers (any shape with N entries) in the rolling order, for
                  example the absolute differences between an analytic and a numerical gradient
        shapes -- dict key -> shape of each block, in the rolling order (as for helpers.nn.vector_to_dict)
        floor -- values below it (exact zeros included) are drawn at ``floor``
    """
    values = np.ravel(values)
    sizes = [int(np.prod(shape)) for shape in shapes.values()]
    if sum(sizes) != values.size:
        raise ValueError(f"values has {values.size} entries but the shapes hold {sum(sizes)}.")
    ax = _axes(ax, figsize=(9.0, 3.5))
    start = 0
    for i, (key, size) in enumerate(zip(shapes, sizes)):
        if i % 2:
            ax.axvspan(start - 0.5, start + size - 0.5, color="0.93", linewidth=0)
        ax.plot(np.arange(start, start + size), np.maximum(values[start:start + size], floor), "o", markersize=4,
                color=CLASS_COLORS[i % len(CLASS_COLORS)])
        ax.text(start + (size - 1) / 2, 1.01, key, transform=ax.get_xaxis_transform(), ha="center", va="bottom")
        start += size
    ax.set_yscale("log")
    ax.set_xlim(-0.5, start - 0.5)
    ax.set_xlabel("component of the rolled gradient")
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, pad=18)
    return ax


def plot_paths_on_contours(cost, paths, xlim, ylim, levels=12, minimum=None, ax=None, title=None, resolution=200,
                           styles=None):
    """Contour lines of a cost of two parameters, with the paths of optimizers drawn on top.

    Arguments:
        cost -- function ``cost(w1, w2)`` evaluated elementwise on two arrays of the same shape
        paths -- dict label -> array of shape (k, 2): the points (w1, w2) an optimizer visited, in order
        xlim, ylim -- (low, high) ranges of w1 and w2 to draw
        levels -- number of contour levels, or the levels themselves (increasing)
        minimum -- optional point (w1, w2) marked with a star
        styles -- optional dict label -> keyword arguments of ``ax.plot`` for that path (see :func:`plot_curves`)
    """
    ax = _axes(ax)
    styles = styles or {}
    w1, w2 = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    ax.contour(w1, w2, cost(w1, w2), levels=levels, colors="0.6", linewidths=0.7)
    for i, (label, path) in enumerate(paths.items()):
        path = np.asarray(path, dtype=float)
        ax.plot(path[:, 0], path[:, 1], label=label, **{"marker": "o", "markersize": 2.5, "linewidth": 1.2,
                                                        "color": CLASS_COLORS[i % len(CLASS_COLORS)],
                                                        **styles.get(label, {})})
    if minimum is not None:
        ax.plot(*minimum, "*", color="black", markersize=10)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    if len(paths) > 1:
        ax.legend(loc="best")
    if title:
        ax.set_title(title)
    return ax


def plot_digits(X, titles=None, n_columns=10, image_shape=(8, 8), suptitle=None):
    """Draw examples of image data (one column of ``X`` per image) in a grid, dark ink on white.

    Arguments:
        X -- images as columns, shape (h * w, k), pixel values in [0, 1]
        titles -- optional list of k short texts shown above the images
        n_columns -- images per row
        image_shape -- (h, w) of one image
        suptitle -- optional title above the grid
    Returns the figure.
    """
    k = X.shape[1]
    n_rows = max(1, -(-k // n_columns))
    fig, axes = plt.subplots(n_rows, n_columns, figsize=(1.0 * n_columns, 1.2 * n_rows + (0.3 if suptitle else 0)),
                             squeeze=False)
    for i, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if i >= k:
            continue
        ax.imshow(X[:, i].reshape(image_shape), cmap="gray_r", vmin=0.0, vmax=1.0, interpolation="nearest")
        if titles is not None:
            ax.set_title(titles[i], fontsize=9)
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig


def plot_confusion_matrix(counts, ax=None, title="Confusion matrix", class_names=None):
    """Draw a confusion matrix as a table of shaded cells with their counts.

    Arguments:
        counts -- integer array (C, C): counts[i, j] examples of true class i predicted as j
                  (as returned by :func:`helpers.nn.confusion_matrix`)
        class_names -- optional names of the C classes (default 0 .. C-1)
    """
    counts = np.asarray(counts)
    n_classes = counts.shape[0]
    names = class_names if class_names is not None else [str(c) for c in range(n_classes)]
    ax = _axes(ax, figsize=(5.5, 5.0))
    ax.imshow(counts, cmap="Blues", vmin=0, vmax=max(1, int(counts.max())))
    threshold = counts.max() / 2
    for i in range(n_classes):
        for j in range(n_classes):
            if counts[i, j]:
                ax.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=8,
                        color="white" if counts[i, j] > threshold else ("#D55E00" if i != j else "black"))
    ax.set_xticks(range(n_classes), names)
    ax.set_yticks(range(n_classes), names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.grid(False)
    if title:
        ax.set_title(title)
    return ax


def plot_trials(trials, x, y, ax=None, title=None, logx=True, logy=True, marker="o", label=None,
                score_range=None, colorbar=True, score_label="score"):
    """Hyperparameter trials as points in the plane of two hyperparameters, coloured by score.

    Arguments:
        trials -- list of ``(config, score)`` pairs, ``config`` a dict name -> value
        x, y -- the names of the hyperparameters on the horizontal and vertical axes
        logx, logy -- log-scale axes (the natural scale of learning rates, widths, 1 - beta)
        marker, label -- marker and legend label of these trials (to draw several rounds on one axes)
        score_range -- (low, high) of the colour scale; default: the scores' own range
        colorbar -- draw a colour bar for the score
    Returns the axes.
    """
    ax = _axes(ax)
    xs = [config[x] for config, _ in trials]
    ys = [config[y] for config, _ in trials]
    scores = [float(score) for _, score in trials]
    low, high = score_range if score_range is not None else (min(scores), max(scores))
    points = ax.scatter(xs, ys, c=scores, cmap="viridis", vmin=low, vmax=high, marker=marker, s=46,
                        edgecolors="black", linewidths=0.5, label=label)
    if colorbar:
        ax.figure.colorbar(points, ax=ax, label=score_label)
    return _finish(ax, x, y, title, logx, logy, legend=bool(label))


def format_mean_range(values, float_format="{:.1%}"):
    """``"mean (min to max)"`` of one result repeated over several seeds, for a table cell.

    Arguments:
        values -- one number per seed
        float_format -- format of each of the three numbers (default percent)
    Values that are NaN or infinite (runs that diverged) are left out of the three numbers and
    counted instead: ``"3.26 (3.26 to 3.26), 3 of 5 diverged"``, or ``"all 5 diverged"``.
    """
    values = np.asarray(values, dtype=float).ravel()
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return f"all {values.size} diverged"
    low, mean, high = (float_format.format(v) for v in (finite.min(), finite.mean(), finite.max()))
    text = f"{mean} ({low} to {high})"
    return text if finite.size == values.size else f"{text}, {values.size - finite.size} of {values.size} diverged"


def plot_seed_curves(curves, xlabel, ylabel, ax=None, title=None, x=None, logy=False, logx=False, styles=None):
    """Curves of runs repeated over several seeds: every seed thin and pale, their mean bold.

    Arguments:
        curves -- dict label -> array (n_seeds, k), one row of k values per seed
        x -- optional shared x values (default 0, 1, ..., k - 1)
        styles -- optional dict label -> keyword arguments of ``ax.plot`` for the bold mean
                  (colour, linestyle, marker); the seeds' thin lines take its colour
    A seed whose values become NaN or infinite diverged: its thin line stops, an "x" on the top
    edge of the axes marks where, the label says how many seeds diverged, and the mean is that
    of the other seeds (no mean line when every seed diverged; the x marks carry the label).
    """
    ax = _axes(ax)
    styles = styles or {}
    for i, (label, values) in enumerate(curves.items()):
        values = np.atleast_2d(np.asarray(values, dtype=float))
        values = np.where(np.isfinite(values), values, np.nan)
        xs = np.arange(values.shape[1]) if x is None else np.asarray(x, dtype=float)
        style = {"color": CLASS_COLORS[i % len(CLASS_COLORS)], "linewidth": 2.0, **styles.get(label, {})}
        for row in values:
            ax.plot(xs, row, color=style["color"], linewidth=0.8, alpha=0.35)
        diverged = np.isnan(values).any(axis=1)
        if diverged.any():
            label = f"{label}: {diverged.sum()} of {len(values)} diverged (x)"
            ax.plot(xs[np.argmax(np.isnan(values[diverged]), axis=1)], np.ones(diverged.sum()), "x",
                    color=style["color"], markersize=9, markeredgewidth=2, clip_on=False,
                    transform=ax.get_xaxis_transform(), label=None if (~diverged).any() else label)
        if (~diverged).any():
            ax.plot(xs, values[~diverged].mean(axis=0), label=label, **style)
    return _finish(ax, xlabel, ylabel, title, logx, logy)


def plot_probability_bars(distributions, class_names=None, suptitle=None):
    """Probability distributions over the same classes as bar charts side by side, each bar labelled with its value
    (three decimals, or one significant digit below 0.0005, so that a tiny probability does not read as 0).

    Arguments:
        distributions -- dict title -> C probabilities (any shape with C entries)
        class_names -- optional names of the C classes (default 0 .. C-1)
        suptitle -- optional title above the panels
    Returns the figure.
    """
    fig, axes = plt.subplots(1, len(distributions), figsize=(2.6 * len(distributions), 2.8), sharey=True,
                             squeeze=False)
    for ax, (title, probabilities) in zip(axes[0], distributions.items()):
        probabilities = np.ravel(probabilities)
        names = class_names if class_names is not None else [str(c) for c in range(probabilities.size)]
        bars = ax.bar(names, probabilities, color=CLASS_COLORS[0])
        ax.bar_label(bars, labels=[f"{p:.3f}" if p >= 5e-4 or p == 0 else f"{p:.0e}" for p in probabilities],
                     fontsize=8, padding=2)
        ax.set_ylim(0, 1.15)
        ax.set_xlabel("class")
        ax.set_title(title)
    axes[0][0].set_ylabel("probability")
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig


def plot_seed_points(values, xlabel, ylabel, ax=None, title=None, logy=False):
    """One result of runs repeated over several seeds, at several settings of a hyperparameter, on a log x axis.

    Arguments:
        values -- dict setting (a positive number) -> sequence of one value per seed
    Every seed is a point in the setting's colour (the colours of :func:`plot_seed_curves`, in the
    same order), the seeds of a setting spread a little sideways so that equal values stay
    visible; a black line joins the means of the settings.
    """
    ax = _axes(ax)
    settings = list(values)
    for i, setting in enumerate(settings):
        seed_values = np.asarray(values[setting], dtype=float)
        spread = np.linspace(-0.06, 0.06, seed_values.size) if seed_values.size > 1 else np.zeros(1)
        ax.plot(setting * np.exp(spread), seed_values, "o", color=CLASS_COLORS[i % len(CLASS_COLORS)], markersize=6,
                alpha=0.8, markeredgecolor="black", markeredgewidth=0.5)
    ax.plot(settings, [np.mean(values[setting]) for setting in settings], "-", color="black", linewidth=1.2,
            label="mean over the seeds")
    ax.set_xscale("log")
    ax.set_xticks(settings, [f"{setting:g}" for setting in settings])
    ax.minorticks_off()
    return _finish(ax, xlabel, ylabel, title, logy=logy)


def plot_signals(X, titles=None, n_columns=5, suptitle=None):
    """Draw one-dimensional signals (one column of ``X`` per signal) in a grid, each against its sample index.

    Arguments:
        X -- signals as columns, shape (n, k)
        titles -- optional list of k short texts shown above the signals
        n_columns -- signals per row
        suptitle -- optional title above the grid
    All panels share their axes, so that the signals' sizes compare. Returns the figure.
    """
    n, k = X.shape
    n_rows = max(1, -(-k // n_columns))
    fig, axes = plt.subplots(n_rows, n_columns, figsize=(2.2 * n_columns, 1.9 * n_rows + (0.4 if suptitle else 0)),
                             sharex=True, sharey=True, squeeze=False)
    for i, ax in enumerate(axes.ravel()):
        if i >= k:
            ax.axis("off")
            continue
        ax.plot(np.arange(n), X[:, i], color=CLASS_COLORS[0], linewidth=1.4, marker=".", markersize=3)
        if titles is not None:
            ax.set_title(titles[i], fontsize=10)
    for ax in axes[-1]:
        ax.set_xlabel("sample")
    for ax in axes[:, 0]:
        ax.set_ylabel("value")
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig
