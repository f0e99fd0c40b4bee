"""Training and measuring the network of assignment 02 (Regularization).

The network is :func:`helpers.nn.forward_propagation`'s LINEAR -> RELU -> LINEAR -> RELU ->
LINEAR -> SIGMOID with ``layers_dims = [2, 20, 3, 1]``, trained by full-batch gradient descent
from :func:`helpers.nn.initialize_he_uniform`. The functions here take the pieces that
regularization changes (a forward pass, a backward pass, a cost) as arguments: the notebook
passes the student's own functions, and nothing here computes an exercise's answer.

``data`` is the dict that ``load_dataset("regularization")`` returns: ``X_train`` of shape
``(2, m_train)`` with ``Y_train`` of shape ``(1, m_train)``, and the same for ``dev`` and ``test``.
"""

import numpy as np

from helpers import nn, plots

#: Layer sizes of the network of the notebook.
LAYERS_DIMS = [2, 20, 3, 1]
#: The splits of the dataset, in the order every table and array of accuracies uses.
SPLITS = ("train", "dev", "test")
#: Column titles of a table of accuracies, one per split.
ACCURACY_COLUMNS = [f"{split} accuracy" for split in SPLITS]
#: Iterations between two records of the costs (and snapshots of the parameters).
RECORD_EVERY = 100
#: The stream of the dataset's story, x2 = amplitude * sin(frequency * x1) (see data/build_datasets.py).
STREAM_AMPLITUDE, STREAM_FREQUENCY = 0.5, 2.0
#: Gradient descent of every run of the notebook: the learning rate and the number of iterations.
LEARNING_RATE = 0.1
NUM_ITERATIONS = 20000


def cross_entropy(A3, Y, parameters):
    """The plain cross-entropy :func:`helpers.nn.compute_cost`, with the arguments of a regularized cost.

    Arguments: A3 -- outputs (1, m); Y -- labels (1, m); parameters -- not used. Returns a float.
    """
    return nn.compute_cost(A3, Y)


def train_model(data, forward=nn.forward_propagation, backward=nn.backward_propagation, cost=cross_entropy,
                learning_rate=LEARNING_RATE, num_iterations=NUM_ITERATIONS, seed=0, label=None):
    """Train the [2, 20, 3, 1] network on the training set of ``data`` by gradient descent.

    Arguments:
        data -- the dataset dict (X_train (2, m), Y_train (1, m), X_dev, Y_dev, ...)
        forward -- forward(X, parameters) -> (A3, cache), used for training only
        backward -- backward(X, Y, cache) -> grads with dW1, db1, ..., db3
        cost -- cost(A3, Y, parameters) -> float, the training cost that is recorded
        learning_rate, num_iterations -- of gradient descent
        seed -- seeds the generator of the starting point: the same seed, the same start
        label -- text of the progress bar

    Returns:
        parameters -- the trained W1 (20, 2), b1 (20, 1), W2 (3, 20), b2 (3, 1), W3 (1, 3), b3 (1, 1)
        history -- dict of lists, one entry every RECORD_EVERY iterations: "train" the training cost
                   by ``cost``, "dev" the dev cross-entropy of the full network (no dropout), and
                   "snapshots" the parameters at that moment
    """
    history = {"train": [], "dev": [], "snapshots": []}

    def record(iteration, parameters):
        history["train"].append(cost(nn.forward_propagation(data["X_train"], parameters)[0], data["Y_train"],
                                     parameters))
        history["dev"].append(nn.compute_cost(nn.forward_propagation(data["X_dev"], parameters)[0], data["Y_dev"]))
        history["snapshots"].append(parameters)

    parameters, _ = nn.train(data["X_train"], data["Y_train"], LAYERS_DIMS, nn.initialize_he_uniform,
                             forward=forward, backward=backward, learning_rate=learning_rate,
                             num_iterations=num_iterations, record_every=RECORD_EVERY,
                             rng=np.random.default_rng(seed), label=label, callback=record)
    return parameters, history


def accuracies(parameters, data):
    """Accuracy of the full network (no dropout) on each split: an array (3,) in the order of SPLITS."""
    return np.array([nn.accuracy(nn.predict(data[f"X_{split}"], parameters), data[f"Y_{split}"])
                     for split in SPLITS])


def exceptions(X, Y):
    """The saplings whose fate went against their bank: survived south of the stream, or died north of it.

    Arguments: X -- positions (2, m); Y -- labels (1, m), 1 = survived.
    Returns a boolean array (m,).
    """
    north = X[1] > STREAM_AMPLITUDE * np.sin(STREAM_FREQUENCY * X[0])
    return north != (np.ravel(Y) == 1)


def exceptions_fitted(parameters, X, Y):
    """How many of the exceptions among the saplings (X (2, m), Y (1, m)) the network classifies as they turned out."""
    against = exceptions(X, Y)
    return int(np.sum(np.ravel(nn.predict(X, parameters))[against] == np.ravel(Y)[against]))


def plot_stream(ax):
    """Draw the stream of the dataset's story on ``ax``, a dashed black line labelled "stream", across its x range."""
    x1 = np.linspace(*ax.get_xlim(), 200)
    ax.plot(x1, STREAM_AMPLITUDE * np.sin(STREAM_FREQUENCY * x1), "k--", linewidth=1, label="stream")


def weight_norms(parameters):
    """The Frobenius norms of W1, W2 and W3: an array (3,)."""
    return np.array([np.linalg.norm(parameters[f"W{l}"]) for l in (1, 2, 3)])


def summary_table(values_by_model, columns=ACCURACY_COLUMNS, float_format="{:.1%}"):
    """A printable table with one row per model.

    Arguments:
        values_by_model -- dict model name -> array (k,) of one run, or (n_seeds, k) of runs from
                           several seeds, whose cells then read "mean (lowest to highest)"
        columns -- the titles of the k columns (default: accuracy on each split)
        float_format -- format of each number (default percent)
    """
    rows = []
    for name, values in values_by_model.items():
        values = np.atleast_2d(values)
        rows.append([name, *(plots.format_mean_range(column, float_format) if len(values) > 1
                             else float_format.format(column[0]) for column in values.T)])
    return plots.format_table(["model", *columns], rows)


def plot_early_stopping(history, best, stop, ax=None, title=None):
    """The training and dev costs of one run, with the record early stopping keeps and the one it stops at.

    Arguments:
        history -- a history of :func:`train_model`
        best, stop -- indices into ``history["dev"]`` (as returned by early stopping)
    Returns the axes.
    """
    ax = plots.plot_costs({"training cost": history["train"], "dev cost": history["dev"]}, record_every=RECORD_EVERY,
                          ax=ax, title=title)
    for index, linestyle, word in ((best, "--", "best"), (stop, ":", "stop")):
        ax.axvline(index * RECORD_EVERY, color="gray", linestyle=linestyle, linewidth=1)
        ax.text(index * RECORD_EVERY, ax.get_ylim()[1], f" {word}", va="top", fontsize=9)
    return ax


def plot_dev_costs(runs, ax=None, title="Dev cost during training"):
    """The dev cost of every run against the iteration: each seed thin, the mean of the seeds bold.

    Arguments:
        runs -- dict model name -> list of (parameters, history) pairs of :func:`train_model`, one per seed
    Returns the axes.
    """
    curves = {name: [history["dev"] for _, history in model_runs] for name, model_runs in runs.items()}
    records = len(next(iter(curves.values()))[0])
    return plots.plot_seed_curves(curves, "iteration", "dev cost (cross-entropy)", ax=ax, title=title,
                                  x=np.arange(records) * RECORD_EVERY)
