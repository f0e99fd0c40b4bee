"""The experiments of assignment 04 (optimization algorithms), built around the student's functions.

The update rules are the notebook's exercises and exist only there: every optimizer here is
wired from the student's functions, passed in as arguments, and only carries their state from
one call to the next. The rest runs and summarizes the experiments: a bowl of two parameters,
the network ``[2, 5, 2, 1]`` trained on the two moons from several seeds, and the figure of
the temperature averages.

Notation is the lecture's: ``W[l]`` has shape ``(n[l], n[l-1])``, ``b[l]`` shape ``(n[l], 1)``,
and the examples are the columns of ``X`` (shape ``(n_x, m)``) and ``Y`` (shape ``(1, m)``).
"""

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
DECAY_COLORS = ["#000000", "0.6", "#E69F00", "#56B4E9", "#CC79A7"]


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


# ----- the elongated bowl ---------------------------------------------------------------------
#: Where every optimizer starts on the bowl, (w1, w2).
BOWL_START = (-9.0, 1.5)


def bowl_cost(w1, w2):
    """The bowl ``J(w1, w2) = (0.02 w1**2 + 2 w2**2) / 2``, elementwise on arrays of one shape."""
    return 0.5 * (0.02 * w1 ** 2 + 2.0 * w2 ** 2)


def bowl_path(update, learning_rate, start=BOWL_START, steps=50):
    """The points ``update`` visits on the bowl, start included: array of shape (steps + 1, 2).

    ``w1`` is stored as the parameter ``"W1"`` and ``w2`` as ``"b1"``, each of shape (1, 1), so
    that the optimizers of the notebook can take them; the gradients ``dW1 = 0.02 w1`` and
    ``db1 = 2 w2`` are the bowl's. A run that overflows ends in infinities, without a warning.
    """
    parameters = {"W1": np.array([[start[0]]]), "b1": np.array([[start[1]]])}
    path = [start]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            grads = {"dW1": 0.02 * parameters["W1"], "db1": 2.0 * parameters["b1"]}
            parameters = update(parameters, grads, learning_rate)
            path.append((parameters["W1"].item(), parameters["b1"].item()))
    return np.array(path)


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
    Returns the list of :class:`Run`, one per seed.
    """
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
                      "epoch", "learning rate", ax=axes[0], title="The learning rates", styles=styles)
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
