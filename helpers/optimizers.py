"""The experiments of assignment 04 (optimization algorithms), built around the student's functions.

The update rules are the notebook's exercises and exist only there: every optimizer here is
wired from the student's functions, passed in as arguments, and only carries their state from
one call to the next (and one other rule, momentum without the factor 1 - beta, is written here
to be compared with the student's). The rest runs and summarizes the experiments: a straight line
fitted with batch, mini-batch and stochastic gradient descent, a bowl and a saddle of two
parameters, the network ``[2, 5, 2, 1]`` trained on the two moons from several seeds, and the
figure of the temperature averages.

Notation is the lecture's: ``W[l]`` has shape ``(n[l], n[l-1])``, ``b[l]`` shape ``(n[l], 1)``,
and the examples are the columns of ``X`` (shape ``(n_x, m)``) and ``Y`` (shape ``(1, m)``).
"""

import time
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np

from helpers import nn, plots

#: How each optimizer is drawn in every figure. Gradient descent is wide and solid and momentum
#: dashed on top of it, so that both stay visible where their curves coincide.
STYLES = {
    "gradient descent": {"color": plots.CLASS_COLORS[0], "linestyle": "-", "linewidth": 3.2},
    "momentum": {"color": plots.CLASS_COLORS[1], "linestyle": "--", "linewidth": 1.6},
    "RMSprop": {"color": plots.CLASS_COLORS[2], "linestyle": "-", "linewidth": 1.6},
    "Adam": {"color": plots.CLASS_COLORS[3], "linestyle": "-.", "linewidth": 1.6},
}
MARKERS = {"gradient descent": "o", "momentum": "s", "RMSprop": "^", "Adam": "D"}

#: Colours of the runs of the learning-rate decay experiment, in the order they are given.
DECAY_COLORS = ["#000000", "0.6", "#E69F00", "#56B4E9", "#CC79A7", "#882255"]


# ----- optimizers wired from the student's functions ------------------------------------------
# Each returns ``fresh``: every call ``fresh()`` gives a new ``update(parameters, grads,
# learning_rate) -> parameters`` (what helpers.nn.train calls once per mini-batch) whose state
# starts at zero when it first sees the parameters.

def gradient_descent(update_parameters_with_gd):
    """Plain gradient descent: it has no state, so every fresh update is the student's function itself."""
    return lambda: update_parameters_with_gd


def momentum(initialize_velocity, update_parameters_with_momentum, beta=0.9):
    """Momentum with weight ``beta`` of the past; each fresh update keeps its own velocity ``v``."""
    def fresh():
        state = {}

        def update(parameters, grads, learning_rate):
            if not state:
                state["v"] = initialize_velocity(parameters)
            parameters, state["v"] = update_parameters_with_momentum(parameters, grads, state["v"], beta,
                                                                     learning_rate)
            return parameters
        return update
    return fresh


def rmsprop(initialize_rmsprop, update_parameters_with_rmsprop, beta2=0.9, epsilon=1e-8):
    """RMSprop with weight ``beta2`` of the past; each fresh update keeps its own average ``s`` of squares."""
    def fresh():
        state = {}

        def update(parameters, grads, learning_rate):
            if not state:
                state["s"] = initialize_rmsprop(parameters)
            parameters, state["s"] = update_parameters_with_rmsprop(parameters, grads, state["s"], beta2,
                                                                    learning_rate, epsilon)
            return parameters
        return update
    return fresh


def adam(initialize_adam, update_parameters_with_adam, beta1=0.9, beta2=0.999, epsilon=1e-8):
    """Adam; each fresh update keeps its own ``v``, ``s`` and step count ``t`` (1 at its first step)."""
    def fresh():
        state = {"t": 0}

        def update(parameters, grads, learning_rate):
            if state["t"] == 0:
                state["v"], state["s"] = initialize_adam(parameters)
            state["t"] += 1
            parameters, state["v"], state["s"], _, _ = update_parameters_with_adam(
                parameters, grads, state["v"], state["s"], state["t"], learning_rate, beta1, beta2, epsilon)
            return parameters
        return update
    return fresh


def momentum_without_damping(beta=0.9):
    """Momentum written without the factor 1 - beta, as PyTorch's SGD with momentum writes it.

    Each fresh update keeps its own velocity, zero at the start, and steps with
    ``v = beta v + dW``, ``W = W - learning_rate v`` for every parameter. It is not the
    notebook's rule (whose velocity is an average of the gradients) but the other common form,
    written here to be compared with it.
    """
    def fresh():
        velocity = {}

        def update(parameters, grads, learning_rate):
            for key in parameters:
                velocity[key] = beta * velocity.get(key, 0.0) + grads["d" + key]
            return {key: value - learning_rate * velocity[key] for key, value in parameters.items()}
        return update
    return fresh


# ----- batch, mini-batch and stochastic gradient descent on a straight line -------------------------
#: How each batch size is drawn in the figure of the straight line: the batch wide and pale, the
#: mini-batch on top of it, the stochastic path thin underneath both.
BATCH_SIZE_STYLES = {
    "batch": {"color": "#000000", "linewidth": 3.0, "marker": "o", "markersize": 5, "alpha": 0.6, "zorder": 2},
    "mini-batch": {"color": "#E69F00", "linewidth": 1.2, "marker": ".", "markersize": 3, "zorder": 3},
    "stochastic": {"color": "#56B4E9", "linewidth": 0.5, "marker": "", "zorder": 1},
}


def temperature_line(weather):
    """The straight line of the batch-size demo: the daily maximum temperature from the daily minimum.

    Returns ``(X, Y)``: X of shape (1, m), the daily minimum normalized to mean 0 and standard
    deviation 1, and Y of shape (1, m), the daily maximum in °C. The model is ``w x + b``, with
    ``w`` stored as the parameter ``"W1"`` and ``b`` as ``"b1"``, each of shape (1, 1).
    """
    x = np.asarray(weather["temp_min"], dtype=float)
    return ((x - x.mean()) / x.std())[np.newaxis, :], np.asarray(weather["temp_max"], dtype=float)[np.newaxis, :]


def line_cost(X, Y):
    """The cost ``J(w, b) = 1/(2m) sum((w x + b - y)**2)`` of the line on (X, Y), as a function of (w, b).

    The function works elementwise on arrays of one shape; it is written with the means of x, y,
    x*x, x*y and y*y, so that a whole grid of (w, b) costs no more than one point.
    """
    x, y = np.ravel(X), np.ravel(Y)
    mx, my, mxx, mxy, myy = x.mean(), y.mean(), np.mean(x * x), np.mean(x * y), np.mean(y * y)
    return lambda w, b: 0.5 * (w ** 2 * mxx + 2 * w * b * mx + b ** 2 - 2 * w * mxy - 2 * b * my + myy)


def line_minimum(X, Y):
    """The least-squares line ``(w, b)`` of (X, Y), where :func:`line_cost` is lowest (by numpy's lstsq)."""
    design = np.column_stack([np.ravel(X), np.ones(X.shape[1])])
    w, b = np.linalg.lstsq(design, np.ravel(Y), rcond=None)[0]
    return float(w), float(b)


def _line_step(update, parameters, X_t, Y_t, learning_rate):
    """One step of ``update`` on the mini-batch (X_t, Y_t): returns (parameters, the cost on that mini-batch)."""
    residual = parameters["W1"] @ X_t + parameters["b1"] - Y_t
    grads = {"dW1": residual @ X_t.T / X_t.shape[1], "db1": np.mean(residual, axis=1, keepdims=True)}
    return update(parameters, grads, learning_rate), 0.5 * float(np.mean(residual ** 2))


@dataclass
class LineRun:
    """One run on the straight line.

    ``path[k]`` is (w, b) after ``k`` steps (``path[0]`` is the start), of shape (steps + 1, 2);
    ``batch_costs[k]`` is the cost of the mini-batch that step ``k + 1`` computed its gradient on,
    before stepping; ``steps_per_epoch`` is the number of mini-batches of one epoch.
    """

    path: np.ndarray
    batch_costs: np.ndarray
    steps_per_epoch: int

    def distances(self, point):
        """The distance of every point of the path from ``point`` (w, b): shape (steps + 1,)."""
        return np.hypot(self.path[:, 0] - point[0], self.path[:, 1] - point[1])

    def epoch_points(self, epoch):
        """The points of epoch ``epoch`` (counted from 1): the one it starts from and those its steps reach."""
        return self.path[(epoch - 1) * self.steps_per_epoch: epoch * self.steps_per_epoch + 1]

    def mean_distance(self, point, epoch):
        """The mean distance from ``point`` of the points that the steps of ``epoch`` reach."""
        return float(np.mean(self.distances(point)[(epoch - 1) * self.steps_per_epoch + 1: epoch * self.steps_per_epoch + 1]))

    def travelled(self, epoch):
        """The length of the path walked during ``epoch``: the sum of the lengths of its steps."""
        return float(np.sum(np.hypot(*np.diff(self.epoch_points(epoch), axis=0).T)))


def fit_line(update, mini_batches, X, Y, learning_rate, epochs, rng):
    """Fit the line ``w x + b`` to (X, Y) with ``update``, from (w, b) = (0, 0), one step per mini-batch.

    Arguments:
        update -- ``update(parameters, grads, learning_rate) -> parameters``
        mini_batches -- ``mini_batches(X, Y, rng)`` -> list of (X_t, Y_t), called once per epoch
        X, Y -- inputs and targets, shape (1, m) each (see :func:`temperature_line`)
        epochs -- number of passes over the data
        rng -- numpy Generator handed to ``mini_batches``
    Returns a :class:`LineRun`.
    """
    parameters = {"W1": np.zeros((1, 1)), "b1": np.zeros((1, 1))}
    path, batch_costs = [(0.0, 0.0)], []
    for _ in range(epochs):
        batches = mini_batches(X, Y, rng)
        for X_t, Y_t in batches:
            parameters, cost = _line_step(update, parameters, X_t, Y_t, learning_rate)
            path.append((parameters["W1"].item(), parameters["b1"].item()))
            batch_costs.append(cost)
    return LineRun(np.array(path), np.array(batch_costs), len(batches))


def seconds_per_epoch(update, mini_batches, X, Y, learning_rate=0.01, repeats=3, rng=None):
    """The time of one epoch of ``update`` on the line, recording nothing: the shortest of ``repeats`` epochs.

    The shortest rather than the mean, because other programs running at the same time can only
    make an epoch longer. Returns seconds.
    """
    rng = rng if rng is not None else np.random.default_rng(0)
    parameters = {"W1": np.zeros((1, 1)), "b1": np.zeros((1, 1))}
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for X_t, Y_t in mini_batches(X, Y, rng):
            parameters, _ = _line_step(update, parameters, X_t, Y_t, learning_rate)
        times.append(time.perf_counter() - start)
    return min(times)


def timing_table(batch_sizes, seconds, m):
    """Per batch size: examples per step, steps per epoch, milliseconds per epoch and microseconds per step.

    Arguments: batch_sizes -- dict name -> size; seconds -- dict name -> seconds per epoch; m -- examples.
    Returns the table as a string.
    """
    rows = []
    for name, size in batch_sizes.items():
        steps = -(-m // size)
        rows.append([name, f"{size}", f"{steps}", f"{1e3 * seconds[name]:.3g} ms", f"{1e6 * seconds[name] / steps:.3g} µs"])
    return plots.format_table(["", "examples per step", "steps per epoch", "time per epoch", "time per step"], rows)


def line_table(runs, minimum, last_epoch):
    """Per run, "mean (lowest to highest)" over its seeds of how far it is from ``minimum`` and how far it walks.

    Arguments:
        runs -- dict (name, learning rate) -> list of :class:`LineRun`, one per seed
        minimum -- (w, b) of the least-squares line
        last_epoch -- the last epoch of the runs
    Columns: the distance after epoch 1, the mean distance during epoch 2 and during the last epoch,
    and the length of the path walked during the last epoch. Returns the table as a string.
    """
    columns = {"distance after epoch 1": lambda run: run.distances(minimum)[run.steps_per_epoch],
               "mean distance, epoch 2": lambda run: run.mean_distance(minimum, 2),
               f"mean distance, epoch {last_epoch}": lambda run: run.mean_distance(minimum, last_epoch),
               f"walked in epoch {last_epoch}": lambda run: run.travelled(last_epoch)}
    rows = [[f"{name}, rate {rate}"] + [_mean_range([value(run) for run in seed_runs]) for value in columns.values()]
            for (name, rate), seed_runs in runs.items()]
    return plots.format_table(["", *columns], rows)


def _mean_range(values):
    """``"mean (lowest to highest)"`` of positive numbers of any size, each with two or three significant digits."""
    def short(value):
        return f"{value:.0f}" if value >= 100 else f"{value:.3g}" if value >= 1 else f"{value:.2g}"
    return f"{short(np.mean(values))} ({short(np.min(values))} to {short(np.max(values))})"


def plot_line_runs(runs, cost, minimum, zoom=2.0):
    """The straight line fitted with each batch size, in four panels, one colour per batch size throughout.

    Arguments:
        runs -- dict name (a key of :data:`BATCH_SIZE_STYLES`) -> :class:`LineRun`
        cost -- ``cost(w, b)``, elementwise (see :func:`line_cost`);  minimum -- its lowest point (w, b)
        zoom -- half the height of the window around the minimum in the second panel
    Both maps use one scale for w and b, so that round contours look round. Returns the figure.
    """
    fig, axes = plt.subplots(2, 2, figsize=(12, 8.5))
    paths = {name: run.path for name, run in runs.items()}
    b_all = np.concatenate([run.path[:, 1] for run in runs.values()] + [[minimum[1]]])
    b_range = (b_all.min() - 1.0, b_all.max() + 1.0)
    half_width = 0.75 * (b_range[1] - b_range[0])
    windows = {"Paths from (w, b) = (0, 0)": ((minimum[0] - half_width, minimum[0] + half_width), b_range, 12),
               f"Near the minimum (within {zoom} of it in b)": (
                   (minimum[0] - 1.5 * zoom, minimum[0] + 1.5 * zoom), (minimum[1] - zoom, minimum[1] + zoom),
                   cost(*minimum) + (cost(minimum[0] + zoom, minimum[1]) - cost(*minimum)) * np.array([0.05, 0.25, 1]))}
    for ax, (title, (wlim, blim, levels)) in zip(axes[0], windows.items()):
        plots.plot_paths_on_contours(cost, paths, xlim=wlim, ylim=blim, levels=levels, minimum=minimum, ax=ax,
                                     styles=BATCH_SIZE_STYLES, title=title)
        ax.get_legend().remove()
        ax.set_xlabel("w (°C per standard deviation of the daily minimum)")
        ax.set_ylabel("b (°C)")
        ax.set_aspect("equal")
    for name, run in runs.items():
        style = {key: value for key, value in BATCH_SIZE_STYLES[name].items() if key not in ("marker", "markersize")}
        epochs = np.arange(len(run.path)) / run.steps_per_epoch
        axes[1, 0].plot(epochs[:-1], run.batch_costs, label=name, **style)
        axes[1, 1].plot(epochs, run.distances(minimum), label=name, **style)
    axes[1, 0].axhline(cost(*minimum), color="0.3", linestyle=":", linewidth=1.2,
                       label=f"lowest cost on all the examples, {cost(*minimum):.2f}")
    axes[1, 0].set_title("Cost of the mini-batch each step computes its gradient on")
    axes[1, 0].set_ylabel("cost")
    axes[1, 1].set_title("Distance from the minimum")
    axes[1, 1].set_ylabel("distance")
    for ax in axes[1]:
        ax.set_xlabel("epoch")
        ax.set_yscale("log")
    fig.legend(*axes[1, 0].get_legend_handles_labels(), loc="lower center", ncol=4)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


# ----- the elongated bowl ---------------------------------------------------------------------
#: Where every optimizer starts on the bowl, (w1, w2).
BOWL_START = (-9.0, 1.5)


def bowl_cost(w1, w2):
    """The bowl ``J(w1, w2) = (0.02 w1**2 + 2 w2**2) / 2``, elementwise on arrays of one shape."""
    return 0.5 * (0.02 * w1 ** 2 + 2.0 * w2 ** 2)


def bowl_gradient(w1, w2):
    """The gradient ``(dJ/dw1, dJ/dw2) = (0.02 w1, 2 w2)`` of :func:`bowl_cost`."""
    return 0.02 * w1, 2.0 * w2


def descent_path(gradient, update, learning_rate, start, steps):
    """The points ``update`` visits on a cost of two parameters, start included: array of shape (steps + 1, 2).

    Arguments:
        gradient -- ``gradient(w1, w2) -> (dJ/dw1, dJ/dw2)``
        update -- ``update(parameters, grads, learning_rate) -> parameters`` (see :func:`momentum`)
        start -- the first point (w1, w2)

    ``w1`` is stored as the parameter ``"W1"`` and ``w2`` as ``"b1"``, each of shape (1, 1), so
    that the optimizers of the notebook can take them, with their gradients as ``"dW1"`` and
    ``"db1"``. A run that overflows ends in infinities, without a warning.
    """
    parameters = {"W1": np.array([[start[0]]], dtype=float), "b1": np.array([[start[1]]], dtype=float)}
    path = [start]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            dw1, dw2 = gradient(parameters["W1"], parameters["b1"])
            parameters = update(parameters, {"dW1": dw1, "db1": dw2}, learning_rate)
            path.append((parameters["W1"].item(), parameters["b1"].item()))
    return np.array(path, dtype=float)


def bowl_path(update, learning_rate, start=BOWL_START, steps=50):
    """The points ``update`` visits on the bowl from ``start``, start included: array of shape (steps + 1, 2)."""
    return descent_path(bowl_gradient, update, learning_rate, start, steps)


def final_bowl_cost(update, learning_rate, steps=50):
    """The bowl's cost after ``steps`` steps of ``update`` from :data:`BOWL_START` (inf if it overflowed)."""
    with np.errstate(over="ignore", invalid="ignore"):
        cost = bowl_cost(*bowl_path(update, learning_rate, steps=steps)[-1])
    return float(cost) if np.isfinite(cost) else np.inf


def plot_bowl_paths(paths, diverged=None, xlim=(-10, 2), ylim=(-2, 2)):
    """One panel per optimizer: its path on the contours of the bowl, in its colour of :data:`STYLES`.

    Arguments:
        paths -- dict optimizer name -> (learning_rate, path), path of shape (k, 2)
        diverged -- optional (name, learning_rate, path): a run drawn dashed in the panel of ``name``
                    and marked as diverged in its legend
    Returns the figure.
    """
    fig, axes = plt.subplots(2, 2, figsize=(12, 6.5))
    for ax, (name, (learning_rate, path)) in zip(axes.ravel(), paths.items()):
        drawn = {f"learning rate {learning_rate}": path}
        styles = {f"learning rate {learning_rate}": {"color": STYLES[name]["color"]}}
        if diverged is not None and diverged[0] == name:
            visible = _until_out_of_view(diverged[2], xlim, ylim)
            label = f"learning rate {diverged[1]}: diverged, out of view after step {len(visible) - 1}"
            drawn[label] = visible
            styles[label] = {"color": STYLES[name]["color"], "linestyle": "--", "linewidth": 2.2, "alpha": 0.6}
        plots.plot_paths_on_contours(bowl_cost, drawn, xlim=xlim, ylim=ylim, levels=np.geomspace(0.005, 5, 10),
                                     minimum=(0, 0), ax=ax, title=f"{name}, learning rate {learning_rate}",
                                     styles=styles)
    fig.tight_layout()
    return fig


def _until_out_of_view(path, xlim, ylim):
    """The first points of ``path`` up to and including the first one outside the drawn window."""
    outside = (path[:, 0] < xlim[0]) | (path[:, 0] > xlim[1]) | (path[:, 1] < ylim[0]) | (path[:, 1] > ylim[1])
    end = int(np.argmax(outside)) + 1 if outside.any() else len(path)
    return path[:end]


# ----- a saddle point and its plateau ----------------------------------------------------------------
#: Where every optimizer starts near the saddle, (w1, w2): a hundredth off the ridge w1 = 0.
SADDLE_START = (0.01, 1.5)
#: The cost at the saddle point (0, 0).
SADDLE_COST = 0.5


def saddle_cost(w1, w2):
    """``J(w1, w2) = w2**2 + (1 - (w1 / 4)**2)**2 / 2``, elementwise on arrays of one shape.

    A saddle at (0, 0), where J = 1/2, between two minima at (-4, 0) and (4, 0), where J = 0.
    Across, along ``w2``, it is as steep as the bowl; along ``w1`` it curves gently down from the
    saddle (second derivative -1/8 there), so that near the saddle the gradient is almost zero.
    """
    return w2 ** 2 + SADDLE_COST * (1 - (w1 / 4) ** 2) ** 2


def saddle_gradient(w1, w2):
    """The gradient ``(dJ/dw1, dJ/dw2) = (-w1 (1 - (w1 / 4)**2) / 8, 2 w2)`` of :func:`saddle_cost`."""
    return -0.125 * w1 * (1 - (w1 / 4) ** 2), 2.0 * w2


def saddle_path(update, learning_rate, start=SADDLE_START, steps=150):
    """The points ``update`` visits near the saddle from ``start``, start included: array of shape (steps + 1, 2)."""
    return descent_path(saddle_gradient, update, learning_rate, start, steps)


def steps_to_leave(path):
    """The number of steps after which the cost of :func:`saddle_cost` is first below half the saddle's, or None."""
    below = saddle_cost(path[:, 0], path[:, 1]) < SADDLE_COST / 2
    return int(np.argmax(below)) if below.any() else None


def leave_table(steps, offsets, max_steps):
    """Per optimizer, the steps it took to leave the saddle from each start.

    Arguments:
        steps -- dict optimizer name -> list of :func:`steps_to_leave` (int or None), one per offset
        offsets -- the distances of the starts from the ridge w1 = 0
        max_steps -- the length of the runs, printed for those that never left
    Returns the table as a string.
    """
    rows = [[name] + [f"{count}" if count is not None else f"not in {max_steps}" for count in counts]
            for name, counts in steps.items()]
    return plots.format_table(["", *(f"from w1 = {offset:g}" for offset in offsets)], rows)


def plot_saddle_paths(paths, xlim=(-5, 5), ylim=(-1.8, 1.8)):
    """Two panels: each optimizer's path on the contours of the saddle, and its cost against the step.

    Arguments: paths -- dict optimizer name -> (learning_rate, path), path of shape (k, 2).
    The cost is drawn on a linear scale up to 1, so that the plateau at the saddle's cost shows
    (the first steps, higher up the steep wall, are cut off). Returns the figure.
    """
    fig, axes = plt.subplots(1, 2, figsize=(13, 4.6))
    labels = {name: f"{name}, learning rate {rate}" for name, (rate, _) in paths.items()}
    styles = {labels[name]: {**STYLES[name], "marker": MARKERS[name], "markersize": 3} for name in paths}
    plots.plot_paths_on_contours(saddle_cost, {labels[name]: path for name, (_, path) in paths.items()}, xlim, ylim,
                                 levels=[0.05, 0.15, 0.3, 0.45, 0.5, 0.55, 0.8, 1.2, 2, 3], minimum=(4, 0),
                                 ax=axes[0], styles=styles, title="Paths near a saddle point")
    axes[0].plot(-4, 0, "*", color="black", markersize=10)
    axes[0].plot(0, 0, "X", color="black", markersize=9)
    axes[0].annotate("saddle", (0, 0), xytext=(-0.9, -0.5))
    axes[0].legend(loc="lower left", fontsize=8)
    curves = {labels[name]: saddle_cost(path[:, 0], path[:, 1]) for name, (_, path) in paths.items()}
    plots.plot_curves(curves, "step", "cost", ax=axes[1], styles=styles,
                      title="Cost against the step: a plateau at the saddle's cost")
    axes[1].axhline(SADDLE_COST, color="0.3", linestyle=":", linewidth=1.2, label="the saddle's cost, 1/2")
    axes[1].set_ylim(0, 1)
    axes[1].legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    return fig


# ----- the moons, from several seeds -------------------------------------------------------------
#: The network of the moons experiments: two ReLU layers of 5 and 2 units, one sigmoid output.
LAYERS_DIMS = [2, 5, 2, 1]


@dataclass
class Run:
    """One training run on the moons and what it reached.

    ``costs[i]`` is the mean mini-batch cost of epoch ``i * record_every``; ``final_cost`` is the
    cost on the whole training set after the last epoch; ``distance`` is how far the parameters
    ended from where they started, all entries taken as one long vector.
    """

    parameters: dict
    costs: list
    record_every: int
    final_cost: float
    train_accuracy: float
    test_accuracy: float
    distance: float

    def cost_at(self, epoch):
        """The recorded cost of ``epoch`` (a multiple of ``record_every``)."""
        return self.costs[epoch // self.record_every]

    def jitter(self, last=100):
        """Mean change of the cost from one recorded epoch to the next over the last ``last`` epochs.

        With ``record_every = 1`` it measures how much the parameters still wander from epoch to
        epoch at the end of training; a slow steady descent adds almost nothing to it.
        """
        recent = np.asarray(self.costs[-(last // self.record_every + 1):])
        return float(np.mean(np.abs(np.diff(recent))))


def starting_point(seed, layers_dims=LAYERS_DIMS):
    """The parameters a run of ``seed`` starts from: He-scaled uniform weights, zero biases.

    helpers.nn.train draws them first from ``np.random.default_rng(seed)``, then the batches.
    """
    return nn.initialize_he_uniform(layers_dims, rng=np.random.default_rng(seed))


def train_runs(fresh, data, learning_rate, epochs, seeds, mini_batches, layers_dims=LAYERS_DIMS, record_every=10,
               label=None):
    """Train ``layers_dims`` on ``data`` once per seed with a fresh optimizer.

    Arguments:
        fresh -- ``fresh()`` gives a new ``update(parameters, grads, learning_rate)`` (see :func:`momentum`)
        data -- dict with X_train (2, m), Y_train (1, m), X_test and Y_test
        learning_rate -- a float, or a function epoch -> learning rate
        epochs -- number of passes over the training set
        seeds -- the seeds; a seed fixes the starting point and the order of the mini-batches
        mini_batches -- ``mini_batches(X, Y, rng)`` -> list of (X_t, Y_t), called once per epoch
    Returns the list of :class:`Run`, one per seed. While nbgrader grades the notebook, only the first
    seed runs: no grade depends on an experiment, and the sweeps would otherwise make grading five times slower.
    """
    if nn.is_autograding():
        seeds = list(seeds)[:1]
    runs = []
    for seed in seeds:
        parameters, costs = nn.train(data["X_train"], data["Y_train"], layers_dims, nn.initialize_he_uniform,
                                     update=fresh(), batches=mini_batches, learning_rate=learning_rate,
                                     num_iterations=epochs, record_every=record_every,
                                     rng=np.random.default_rng(seed), label=label)
        start = starting_point(seed, layers_dims)
        output, _ = nn.forward_propagation(data["X_train"], parameters)
        runs.append(Run(parameters, costs, record_every, nn.compute_cost(output, data["Y_train"]),
                        nn.accuracy(nn.predict(data["X_train"], parameters), data["Y_train"]),
                        nn.accuracy(nn.predict(data["X_test"], parameters), data["Y_test"]),
                        float(np.sqrt(sum(np.sum((parameters[k] - start[k]) ** 2) for k in start)))))
    return runs


def gradient_sizes(data, seeds, layers_dims=LAYERS_DIMS):
    """Mean absolute gradient of each parameter at the starting point of each seed.

    Returns a dict "dW1", "db1", ... -> array of shape (len(seeds),).
    """
    sizes = {}
    for seed in seeds:
        _, cache = nn.forward_propagation(data["X_train"], starting_point(seed, layers_dims))
        grads = nn.backward_propagation(data["X_train"], data["Y_train"], cache)
        for key in ("dW1", "db1", "dW2", "db2", "dW3", "db3"):
            sizes.setdefault(key, []).append(float(np.mean(np.abs(grads[key]))))
    return {key: np.array(values) for key, values in sizes.items()}


#: The columns :func:`summary_table` can show: header -> (value of a run, format).
COLUMNS = {
    "cost at epoch 100": (lambda run: run.cost_at(100), "{:.3f}"),
    "final cost": (lambda run: run.final_cost, "{:.3f}"),
    "train accuracy": (lambda run: run.train_accuracy, "{:.1%}"),
    "test accuracy": (lambda run: run.test_accuracy, "{:.1%}"),
    "distance travelled": (lambda run: run.distance, "{:.2f}"),
    "jitter": (lambda run: run.jitter(), "{:.4f}"),
}


def summary_table(runs, columns=("final cost", "train accuracy", "test accuracy", "distance travelled")):
    """Each column of :data:`COLUMNS` as "mean (lowest to highest)" over the seeds, one row per name.

    Arguments: runs -- dict name -> list of :class:`Run`. Returns the table as a string.
    """
    rows = [[name] + [plots.format_mean_range([COLUMNS[column][0](run) for run in name_runs], COLUMNS[column][1])
                      for column in columns] for name, name_runs in runs.items()]
    return plots.format_table(["", *columns], rows)


def plot_cost_curves(runs, ax=None, title=None, logy=False):
    """The training cost of each optimizer's runs against the epoch: every seed thin, their mean bold.

    Arguments: runs -- dict optimizer name -> list of :class:`Run` (drawn in its :data:`STYLES`).
    """
    curves = {name: np.array([run.costs for run in name_runs]) for name, name_runs in runs.items()}
    first = next(iter(runs.values()))[0]
    epochs = np.arange(len(first.costs)) * first.record_every
    return plots.plot_seed_curves(curves, "epoch", "cost", ax=ax, title=title, x=epochs, logy=logy, styles=STYLES)


def plot_cost_against_rate(rates, costs, ax=None, title=None, ylabel="final cost", best=None, diverged_above=1e3,
                           reference=None):
    """The cost each optimizer reaches against the learning rate (both axes logarithmic).

    Arguments:
        rates -- the learning rates tried, increasing
        costs -- dict optimizer name -> array (len(rates),) or (len(rates), seeds); with several seeds
                 the line is their mean and the lowest to highest is shaded
        best -- optional dict name -> its best rate, circled
        diverged_above -- costs above it, or not finite, are drawn as crosses at the top, marked "diverged"
        reference -- optional (cost, label) drawn as a dotted horizontal line
    """
    ax = ax if ax is not None else plt.subplots(figsize=(7, 4.2))[1]
    rates = np.asarray(rates, dtype=float)
    any_diverged = False
    for name, values in costs.items():
        values = np.asarray(values, dtype=float).reshape(len(rates), -1)
        failed = ~np.all(np.isfinite(values) & (values <= diverged_above), axis=1)
        style = {"color": STYLES[name]["color"], "linestyle": STYLES[name]["linestyle"]}
        mean = np.where(failed, np.nan, values.mean(axis=1))
        ax.plot(rates, mean, marker=MARKERS[name], markersize=5, label=name, **style)
        if values.shape[1] > 1:
            ax.fill_between(rates, np.where(failed, np.nan, values.min(axis=1)),
                            np.where(failed, np.nan, values.max(axis=1)), color=style["color"], alpha=0.12,
                            linewidth=0)
        if failed.any():
            ax.plot(rates[failed], np.full(failed.sum(), diverged_above), "x", color=style["color"], markersize=8,
                    markeredgewidth=2)
            any_diverged = True
        if best is not None:
            at = list(rates).index(best[name])
            ax.plot(best[name], mean[at], "o", markersize=13, markerfacecolor="none", markeredgewidth=1.5,
                    color=style["color"])
    if any_diverged:
        ax.plot([], [], "x", color="black", markeredgewidth=2, label=f"diverged (cost above {diverged_above:g})")
    if reference is not None:
        ax.axhline(reference[0], color="0.4", linestyle=":", linewidth=1, label=reference[1])
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("learning rate")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)
    if title:
        ax.set_title(title)
    return ax


def plot_decay_runs(schedules, runs, seed_index=0, last=200):
    """The learning-rate decay experiment in three panels, one colour per run throughout.

    Arguments:
        schedules -- dict name -> function epoch -> learning rate
        runs -- dict the same names -> list of :class:`Run` recorded every epoch
        seed_index -- which seed's cost curves to draw (a mean over seeds would hide the wandering)
        last -- the number of final epochs the third panel zooms on
    Returns the figure.
    """
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
    styles = {name: {"color": color, "linewidth": 1.4} for name, color in zip(schedules, DECAY_COLORS)}
    epochs = len(next(iter(runs.values()))[seed_index].costs)
    plots.plot_curves({name: [schedule(epoch) for epoch in range(epochs)] for name, schedule in schedules.items()},
                      "epoch", "learning rate", ax=axes[0], title="The learning rates", logy=True, styles=styles)
    curves = {name: name_runs[seed_index].costs for name, name_runs in runs.items()}
    plots.plot_curves(curves, "epoch", "cost", ax=axes[1], logy=True, styles=styles,
                      title=f"Training cost, seed {seed_index}")
    plots.plot_curves({name: costs[-last:] for name, costs in curves.items()}, "epoch", "cost", ax=axes[2],
                      x=np.arange(epochs - last, epochs), styles=styles, title=f"The last {last} epochs, enlarged")
    for ax in axes:
        ax.get_legend().remove()
    fig.legend(*axes[0].get_legend_handles_labels(), loc="lower center", ncol=len(schedules))
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig


# ----- the temperature averages ------------------------------------------------------------------
def plot_temperature_averages(dates, temperatures, averages, corrected, year=2014, first_days=60):
    """Two panels: the averages of each beta over one year, and the start with and without bias correction.

    Arguments:
        dates -- array of numpy datetime64 days, shape (T,);  temperatures -- shape (T,)
        averages, corrected -- dict beta -> array (T,) of the averages, without and with bias correction;
                               the largest beta is the one shown in the second panel
    Returns the figure.
    """
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.4))
    in_year = (dates >= np.datetime64(f"{year}-01-01")) & (dates <= np.datetime64(f"{year}-12-31"))
    axes[0].plot(dates[in_year], temperatures[in_year], ".", markersize=3, color="0.65", label="daily maximum")
    for (beta, values), width, color in zip(averages.items(), (0.9, 1.6, 2.4), plots.CLASS_COLORS):
        axes[0].plot(dates[in_year], values[in_year], color=color, linewidth=width,
                     label=f"beta = {beta} (about {1 / (1 - beta):.0f} days)")
    axes[0].set_title(f"Exponentially weighted averages, {year}")
    largest = max(averages)
    axes[1].plot(dates[:first_days], temperatures[:first_days], "o", markersize=3, color="0.65",
                 label="daily maximum")
    axes[1].plot(dates[:first_days], averages[largest][:first_days], color=plots.CLASS_COLORS[len(averages) - 1],
                 linewidth=2.4, label=f"beta = {largest}, no correction")
    axes[1].plot(dates[:first_days], corrected[largest][:first_days], color="black", linewidth=1.6,
                 linestyle="--", label=f"beta = {largest}, bias-corrected")
    axes[1].set_title(f"The first {first_days} days")
    for ax in axes:
        ax.set_xlabel("date")
        ax.set_ylabel("°C")
        ax.legend(loc="lower center" if ax is axes[0] else "lower right")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def peak_day(dates, values, year=2014):
    """The day of ``year`` on which ``values`` (shape (T,), one per day of ``dates``) is highest, as "YYYY-MM-DD"."""
    in_year = (dates >= np.datetime64(f"{year}-01-01")) & (dates <= np.datetime64(f"{year}-12-31"))
    return str(dates[in_year][np.argmax(values[in_year])])


def temperature_table(dates, temperatures, averages, corrected, year=2014):
    """Per beta: the days averaged, the mean day-to-day change, V_1 and V_10 with and without correction,
    and the day of ``year`` when the average peaks. Returns the table as a string."""
    rows = [[f"{beta}", f"{1 / (1 - beta):.0f}", f"{np.mean(np.abs(np.diff(averages[beta]))):.2f}",
             f"{averages[beta][0]:.2f}", f"{corrected[beta][0]:.2f}", f"{averages[beta][9]:.2f}",
             f"{corrected[beta][9]:.2f}", peak_day(dates, averages[beta], year)] for beta in averages]
    return plots.format_table(["beta", "~days", "day-to-day change", "V_1", "V_1 corrected", "V_10",
                               "V_10 corrected", f"highest in {year}"], rows)
