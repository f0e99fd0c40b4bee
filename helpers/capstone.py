"""Machinery of assignment 09, the capstone: training, measuring and comparing networks built from the student's functions.

Nothing here is an exercise: every function receives the student's functions as arguments
and only wires them together (the pattern of ``helpers.batchnorm.train``). A *run* is the dict
that :func:`fit` returns: the trained ``params``, batch norm's ``running`` averages, the
``settings`` it was trained with, its ``history`` and its ``seconds``.

Notation is the lecture's: examples are columns, ``X`` has shape ``(n_x, m)`` and the labels
``Y`` shape ``(1, m)``, with the digits 0 to 9.
"""

import sys
import time

import matplotlib.pyplot as plt
import numpy as np
from tqdm import tqdm

from helpers import nn, plots


def label_columns(Y, classes=10):
    """Labels of shape (1, m) as columns of 0s with a single 1, shape (classes, m): the Y of the loss."""
    return (np.asarray(Y).reshape(1, -1) == np.arange(classes).reshape(-1, 1)).astype(float)


def new_running_averages(layer_dims):
    """Batch norm's running averages of the hidden layers: {l: {"mean": zeros, "var": ones}}, shape (n[l], 1)."""
    return {l: {"mean": np.zeros((n, 1)), "var": np.ones((n, 1))} for l, n in enumerate(layer_dims[1:-1], 1)}


def fit(X_train, Y_train, X_dev, Y_dev, init_network, network_loss, network_forward, train_epoch, make_update, *,
        layer_dims, options, learning_rate, epochs, batch_size, seed, record_every=1, progress=None):
    """Train a network made of the student's functions, recording its accuracies as it goes.

    Arguments:
        X_train, Y_train, X_dev, Y_dev -- inputs (n_x, m) and labels (1, m)
        init_network, network_loss, network_forward, train_epoch, make_update -- the student's functions
        layer_dims, options, learning_rate, epochs, batch_size, seed -- the settings of the run; ``seed``
            seeds the one generator that draws the initial weights, every epoch's order and dropout's masks
        record_every -- measure the train and dev accuracy after every ``record_every`` epochs (and
            after the last one): each measurement runs the network over both sets
        progress -- show a progress bar (default: yes, except while nbgrader executes the notebook)

    Returns:
        run -- dict with "params", "running", "settings" (the arguments above), "seconds" (wall time
        of the training and its measurements) and "history": lists "epoch", "loss" (the mean training loss of that epoch,
        as train_epoch returned it), "train_accuracy" and "dev_accuracy" (test mode, on the whole sets).
    """
    settings = dict(layer_dims=list(layer_dims), options=dict(options), learning_rate=learning_rate, epochs=epochs,
                    batch_size=batch_size, seed=seed)
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    params = init_network(list(layer_dims), options["batchnorm"], rng)
    running = new_running_averages(layer_dims)
    update = make_update(learning_rate)
    T_train = label_columns(Y_train, layer_dims[-1])

    def loss_and_grads(p, X_batch, T_batch):
        return network_loss(p, X_batch, T_batch, options, running, rng)

    run = {"params": params, "running": running, "settings": settings,
           "history": {"epoch": [], "loss": [], "train_accuracy": [], "dev_accuracy": []}}
    show = not nn.is_autograding() if progress is None else progress
    bar = tqdm(range(1, epochs + 1), desc="epochs", file=sys.stdout, disable=not show, mininterval=0.5, leave=False)
    for epoch in bar:
        run["params"], loss = train_epoch(run["params"], X_train, T_train, loss_and_grads, update, batch_size, rng)
        if epoch % record_every == 0 or epoch == epochs:
            history = run["history"]
            history["epoch"].append(epoch)
            history["loss"].append(float(loss))
            history["train_accuracy"].append(accuracy(run, X_train, Y_train, network_forward))
            history["dev_accuracy"].append(accuracy(run, X_dev, Y_dev, network_forward))
            bar.set_postfix(loss=f"{loss:.3f}", dev=f"{history['dev_accuracy'][-1]:.1%}", refresh=False)
    bar.close()
    run["seconds"] = time.perf_counter() - start
    return run


def predicted_labels(run, X, network_forward):
    """The digits a trained run predicts for the columns of X (test mode): integer array of shape (m,)."""
    scores, _ = network_forward(run["params"], X, run["settings"]["options"], run["running"], None, False)
    return np.argmax(scores, axis=0)


def accuracy(run, X, Y, network_forward):
    """Fraction of the columns of X whose predicted digit is their label in Y (shape (1, m))."""
    return float(np.mean(predicted_labels(run, X, network_forward) == np.ravel(Y)))


def final_accuracies(run):
    """(train accuracy, dev accuracy) of a run after its last epoch."""
    history = run["history"]
    return history["train_accuracy"][-1], history["dev_accuracy"][-1]


def with_schedule(make_update, factor):
    """An optimizer like ``make_update``'s whose every step is multiplied by ``factor(t)``, t = 0, 1, 2, ...

    For gradient descent, momentum, RMSprop and Adam the step is proportional to the learning
    rate, so multiplying the step by ``factor(t)`` is the same as training with the learning
    rate ``learning_rate * factor(t)``: a schedule for any of them, without touching their code.
    Returns a function ``learning_rate -> update``, as ``make_update`` is.
    """
    def make_scheduled_update(learning_rate):
        update = make_update(learning_rate)
        steps = [0]

        def scheduled_update(params, grads):
            scale = factor(steps[0])
            steps[0] += 1
            before = {key: np.array(value, copy=True) for key, value in params.items()}  # update may change params in place
            new_params = update(params, grads)
            return {key: before[key] + scale * (new_params[key] - before[key]) for key in before}

        return scheduled_update

    return make_scheduled_update


def cosine_factor(total_steps, final=0.0):
    """The factor of a cosine schedule: 1 at step 0, falling along half a cosine to ``final`` at ``total_steps``."""
    def factor(t):
        progress = min(t, total_steps) / total_steps
        return final + (1 - final) * 0.5 * (1 + np.cos(np.pi * progress))

    return factor


def directional_derivatives(network_loss, params, X, Y, options, directions, epsilon=1e-5):
    """The derivative of the student's loss along each direction, from its gradient and from the loss alone.

    A direction ``u`` is a dict of arrays shaped like ``params``. From the gradient ``g`` that
    ``network_loss`` returns, the derivative along ``u`` is the sum over every entry of ``g * u``;
    centered differences estimate it with two evaluations of the loss,
    ``(J(params + epsilon u) - J(params - epsilon u)) / (2 epsilon)``. Each evaluation gets fresh
    running averages (in training batch norm uses the batch's statistics, so they do not change
    the loss) and ``rng=None``: use it with ``options["keep_prob"] == 1``, where nothing is random.

    Returns:
        list of (from_gradient, from_loss) floats, one pair per direction
    """
    if options["keep_prob"] != 1:
        raise ValueError("numerical derivatives need a loss without randomness: use keep_prob = 1")

    dims = layer_dims_of(params)

    def loss_along(u, step):
        moved = {key: value + step * u[key] for key, value in params.items()}
        return network_loss(moved, X, Y, options, new_running_averages(dims), None)[0]

    _, grads = network_loss(params, X, Y, options, new_running_averages(dims), None)
    return [(float(sum(np.sum(grads[key] * u[key]) for key in params)),
             float((loss_along(u, epsilon) - loss_along(u, -epsilon)) / (2 * epsilon))) for u in directions]


def layer_dims_of(params):
    """The layer sizes [n_x, n[1], ..., n[L]] of a network's parameters."""
    L = sum(key.startswith("W") for key in params)
    return [params["W1"].shape[1], *(params[f"W{l}"].shape[0] for l in range(1, L + 1))]


def random_direction(params, rng, only=None):
    """A direction of length 1 over all the entries of ``params`` (or over ``params[only]`` alone, zero elsewhere)."""
    u = {key: rng.standard_normal(value.shape) if only in (None, key) else np.zeros(value.shape)
         for key, value in params.items()}
    length = np.sqrt(sum(np.sum(value ** 2) for value in u.values()))
    return {key: value / length for key, value in u.items()}


def directions_table(names, pairs):
    """The pairs of :func:`directional_derivatives` as a table, one row per named direction."""
    rows = [[name, f"{exact:.10f}", f"{estimate:.10f}", f"{abs(exact - estimate):.1e}"]
            for name, (exact, estimate) in zip(names, pairs)]
    return plots.format_table(["direction", "from the gradient", "from the loss", "|difference|"], rows)


def results_table(runs):
    """Text table of named runs: layers, regularization, learning rate, epochs, train and dev accuracy, gap, seconds.

    Arguments:
        runs -- dict name -> run (from :func:`fit`)
    """
    rows = []
    for name, run in runs.items():
        settings, (train, dev) = run["settings"], final_accuracies(run)
        options = settings["options"]
        regularization = [text for text, used in (("batch norm", options["batchnorm"]),
                                                  (f"keep {options['keep_prob']:g}", options["keep_prob"] < 1),
                                                  (f"L2 {options['lambd']:g}", options["lambd"] > 0)) if used]
        rows.append([name, str(settings["layer_dims"][1:-1] or "none"), ", ".join(regularization) or "none",
                     f"{settings['learning_rate']:g}", str(settings["epochs"]), train, dev, train - dev,
                     f"{run['seconds']:.1f}"])
    return plots.format_table(["run", "hidden layers", "regularization", "learning rate", "epochs", "train",
                               "dev", "gap", "seconds"], rows)


def plot_learning_curves(runs, ax=None, title="Accuracy during training (solid: dev, dashed: train)"):
    """Train (dashed) and dev (solid) accuracy of named runs against the epoch, one colour per run.

    Arguments:
        runs -- dict name -> run (from :func:`fit`)
    Returns the axes.
    """
    ax = plots._axes(ax, figsize=(8, 4.5))
    for i, (name, run) in enumerate(runs.items()):
        color = plots.CLASS_COLORS[i % len(plots.CLASS_COLORS)]
        history = run["history"]
        ax.plot(history["epoch"], history["dev_accuracy"], color=color, linewidth=1.8, label=name)
        ax.plot(history["epoch"], history["train_accuracy"], color=color, linewidth=1.2, linestyle="--")
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda value, _: f"{value:.0%}"))
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5))
    return plots._finish(ax, "epoch", "accuracy", title, legend=False)


def search(train_and_measure, trials, progress=None):
    """Run ``train_and_measure(trial)`` for every trial (a dict of settings); return the runs in that order.

    Plumbing only: the trials are drawn beforehand, by the notebook. A progress bar counts the
    trials (not while nbgrader executes the notebook).
    """
    show = not nn.is_autograding() if progress is None else progress
    return [train_and_measure(trial) for trial in tqdm(trials, desc="trials", file=sys.stdout, disable=not show,
                                                       mininterval=0.5, leave=False)]


def plot_search(trials, dev_accuracies, ax=None, title=None):
    """The trials of a random search in the plane (learning rate, lambda), coloured by dev accuracy.

    Arguments:
        trials -- list of dicts with "learning_rate", "lambd" and "keep_prob"
        dev_accuracies -- one dev accuracy per trial
    Both axes are logarithmic; each point is labelled with its keep_prob. Returns the axes.
    """
    ax = plots._axes(ax, figsize=(7, 4.5))
    plots.plot_trials(list(zip(trials, dev_accuracies)), "learning_rate", "lambd", ax=ax, title=title,
                      score_label="dev accuracy")
    for trial in trials:
        ax.annotate(f"keep {trial['keep_prob']:.2f}", (trial["learning_rate"], trial["lambd"]), xytext=(6, 5),
                    textcoords="offset points", fontsize=8)
    rates, lambdas = [t["learning_rate"] for t in trials], [t["lambd"] for t in trials]
    ax.set_xlim(min(rates) / 2, max(rates) * 5)  # room on the right for the labels
    ax.set_ylim(min(lambdas) / 2, max(lambdas) * 2)
    ax.set_xlabel("learning rate")
    ax.set_ylabel("lambda (L2)")
    return ax
