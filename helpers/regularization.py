"""Training and measuring the network of assignment 02 (Regularization).

The network is :func:`helpers.nn.forward_propagation`'s LINEAR -> RELU -> LINEAR -> RELU ->
LINEAR -> SIGMOID with ``layers_dims = [2, 20, 3, 1]``, trained by full-batch gradient descent
from :func:`helpers.nn.initialize_he_uniform` (or the same network with tanh hidden units). The
functions here take the pieces that regularization changes (a forward pass, a backward pass, a
cost, the gradients of a penalty, a transformation of the inputs) as arguments: the notebook
passes the student's own functions, and nothing here computes an exercise's answer.

``data`` is the dict that ``load_dataset("regularization")`` returns: ``X_train`` of shape
``(2, m_train)`` with ``Y_train`` of shape ``(1, m_train)``, and the same for ``dev`` and ``test``.
"""

import matplotlib.pyplot as plt
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


def network(hidden_activation="relu"):
    """``(forward, backward)`` of the plain network (no regularization) with ReLU or tanh hidden units.

    With ``"relu"`` they are :func:`helpers.nn.forward_propagation` and
    :func:`helpers.nn.backward_propagation`, whose cache ``(Z1, A1, W1, b1, ..., A3, W3, b3)`` the
    exercises use; with ``"tanh"`` those of :func:`helpers.nn.sigmoid_network` (another cache).
    """
    if hidden_activation == "relu":
        return nn.forward_propagation, nn.backward_propagation
    return nn.sigmoid_network(hidden_activation)


def train_model(data, forward=None, backward=None, cost=cross_entropy, extra_gradients=None, augment=None,
                hidden_activation="relu", learning_rate=LEARNING_RATE, num_iterations=NUM_ITERATIONS, seed=0,
                label=None):
    """Train the [2, 20, 3, 1] network on the training set of ``data`` by gradient descent.

    Arguments:
        data -- the dataset dict (X_train (2, m), Y_train (1, m), X_dev, Y_dev, ...)
        forward -- forward(X, parameters) -> (A3, cache), used for training only (default: the plain network's)
        backward -- backward(X, Y, cache) -> grads with dW1, db1, ..., db3 (default: the plain network's)
        cost -- cost(A3, Y, parameters) -> float, the training cost that is recorded
        extra_gradients -- optional extra_gradients(parameters, m) -> dict of gradients (such as dW1, dW2,
                           dW3) added to those of ``backward`` before each step: the gradients of a penalty
                           on the parameters
        augment -- optional augment(X, rng) -> X of the same shape: a random transformation of the
                   training inputs, drawn anew at every iteration (data augmentation)
        hidden_activation -- "relu" or "tanh": the units of the hidden layers (see :func:`network`)
        learning_rate, num_iterations -- of gradient descent
        seed -- seeds the generator of the starting point (and of ``augment``): the same seed, the same start
        label -- text of the progress bar

    Returns:
        parameters -- the trained W1 (20, 2), b1 (20, 1), W2 (3, 20), b2 (3, 1), W3 (1, 3), b3 (1, 1)
        history -- dict of lists, one entry every RECORD_EVERY iterations: "train" the training cost
                   by ``cost`` on the training set as it is, "dev" the dev cross-entropy of the full
                   network (no dropout), and "snapshots" the parameters at that moment
    """
    full_forward, full_backward = network(hidden_activation)
    m = data["X_train"].shape[1]
    history = {"train": [], "dev": [], "snapshots": []}

    def record(iteration, parameters):
        history["train"].append(cost(full_forward(data["X_train"], parameters)[0], data["Y_train"], parameters))
        history["dev"].append(nn.compute_cost(full_forward(data["X_dev"], parameters)[0], data["Y_dev"]))
        history["snapshots"].append(parameters)

    def update(parameters, grads, learning_rate):
        if extra_gradients is not None:
            extra = extra_gradients(parameters, m)
            grads = {key: grads[key] + extra.get(key, 0.0) for key in grads}
        return nn.gradient_descent(parameters, grads, learning_rate)

    def batches(X, Y, rng):
        return [(X if augment is None else augment(X, rng), Y)]

    parameters, _ = nn.train(data["X_train"], data["Y_train"], LAYERS_DIMS, nn.initialize_he_uniform,
                             forward=forward or full_forward, backward=backward or full_backward, update=update,
                             batches=batches, learning_rate=learning_rate, num_iterations=num_iterations,
                             record_every=RECORD_EVERY, rng=np.random.default_rng(seed), label=label, callback=record)
    return parameters, history


def iteration_costs(data, forward, backward, num_iterations, seed=0, label=None):
    """The cost J of every iteration of gradient descent, as the training loop computes it.

    J is the cross-entropy of what ``forward(X, parameters) -> (A3, cache)`` outputs on the training
    set at that iteration: with dropout, that of the thinned network drawn for that iteration.
    ``backward``, ``seed`` and ``label`` are those of :func:`train_model`. Returns a list of
    ``num_iterations`` floats.
    """
    _, costs = nn.train(data["X_train"], data["Y_train"], LAYERS_DIMS, nn.initialize_he_uniform, forward=forward,
                        backward=backward, learning_rate=LEARNING_RATE, num_iterations=num_iterations, record_every=1,
                        rng=np.random.default_rng(seed), label=label)
    return costs


def l2_part_of_gradients(backward_with_regularization, parameters, lambd, m):
    """The L2 part ``lambd / m * W[l]`` of the gradients, as ``backward_with_regularization`` computes it.

    ``backward_with_regularization(X, Y, cache, lambd)`` is the L2-regularized backward pass of the
    ReLU network. It is called here on a cache of m examples whose output A3 equals the labels
    Y: the cross-entropy then has no gradient at all, so what it returns is the L2 part alone.
    That part depends on the weights only, so it holds for a network with other hidden units too.

    Arguments:
        parameters -- dict with W1 (n1, n_x), b1, W2 (n2, n1), b2, W3 (1, n2), b3
        lambd -- the regularization strength;  m -- the number of training examples
    Returns a dict with dW1, dW2, dW3 of the shapes of W1, W2, W3.
    """
    W1, b1, W2, b2, W3, b3 = (parameters[key] for key in ("W1", "b1", "W2", "b2", "W3", "b3"))
    X, Z1, Z2, Z3 = (np.zeros((n, m)) for n in (W1.shape[1], W1.shape[0], W2.shape[0], W3.shape[0]))
    A3 = np.full((W3.shape[0], m), 0.5)
    gradients = backward_with_regularization(X, A3, (Z1, Z1, W1, b1, Z2, Z2, W2, b2, Z3, A3, W3, b3), lambd)
    return {key: gradients[key] for key in ("dW1", "dW2", "dW3")}


def accuracies(parameters, data, hidden_activation="relu"):
    """Accuracy of the full network (no dropout) on each split: an array (3,) in the order of SPLITS."""
    forward, _ = network(hidden_activation)
    return np.array([nn.accuracy(nn.predict(data[f"X_{split}"], parameters, forward), data[f"Y_{split}"])
                     for split in SPLITS])


def hidden_pre_activations(parameters, X, hidden_activation="relu"):
    """The pre-activations Z1 (n1, m) and Z2 (n2, m) of the hidden layers for the inputs X (2, m),
    all in one flat array (n1 * m + n2 * m,)."""
    _, caches = nn.l_layer_forward(X, parameters, hidden_activation)
    return np.concatenate([Z.ravel() for _, Z in caches[:-1]])


def weights(parameters):
    """Every entry of W1, W2 and W3 in one flat array (103,) for the [2, 20, 3, 1] network."""
    return np.concatenate([parameters[f"W{l}"].ravel() for l in (1, 2, 3)])


def north_of_stream(X):
    """Which of the saplings at X (2, m) grew on the north bank of the stream: a boolean array (m,)."""
    return X[1] > STREAM_AMPLITUDE * np.sin(STREAM_FREQUENCY * X[0])


def exceptions(X, Y):
    """The saplings whose fate went against their bank: survived south of the stream, or died north of it.

    Arguments: X -- positions (2, m); Y -- labels (1, m), 1 = survived.
    Returns a boolean array (m,).
    """
    return north_of_stream(X) != (np.ravel(Y) == 1)


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


#: The colour of each kind of model in every figure of the notebook (those of :func:`plot_dev_costs`
#: for the three models it compares first).
COLORS = {"none": plots.CLASS_COLORS[0], "L2": plots.CLASS_COLORS[1], "dropout": plots.CLASS_COLORS[2],
          "L1": plots.CLASS_COLORS[3]}


def weight_size_shares(parameters, bounds=(1e-3, 0.05)):
    """The shares of the weights of W1, W2, W3 with |w| below ``bounds[0]``, between the bounds, and above: an array (3,)."""
    sizes = np.abs(weights(parameters))
    return np.array([np.mean(sizes < bounds[0]), np.mean((sizes >= bounds[0]) & (sizes < bounds[1])),
                     np.mean(sizes >= bounds[1])])


def plot_weight_sizes(networks, colors, bounds=(1e-3, 0.05), ax=None, title=None):
    """Histograms of the sizes |w| of the weights of several networks, on a log scale, pooled over seeds.

    Arguments:
        networks -- dict model name -> list of parameters dicts (one per seed)
        colors -- dict model name -> colour
        bounds -- |w| where dashed vertical lines are drawn (the columns of :func:`weight_size_shares`)
    Each bar height is a share of that model's weights; an exact 0 would be counted in the first bin.
    Returns the axes.
    """
    ax = ax if ax is not None else plt.subplots(figsize=(7.5, 3.8))[1]
    edges = np.logspace(-10, 1, 45)
    for (name, parameters_list), filled in zip(networks.items(), (True, False, False)):
        sizes = np.clip(np.abs(np.concatenate([weights(p) for p in parameters_list])), edges[0], edges[-1])
        ax.hist(sizes, bins=edges, weights=np.full(sizes.size, 1 / sizes.size), histtype="stepfilled" if filled
                else "step", alpha=0.45 if filled else 1.0, color=colors[name], linewidth=2, label=name)
    for bound in bounds:
        ax.axvline(bound, color="gray", linestyle="--", linewidth=1)
    ax.set_xscale("log")
    ax.set_xlabel("size of a weight, |w|")
    ax.set_ylabel("share of the weights")
    ax.legend(loc="upper left")
    if title:
        ax.set_title(title)
    return ax


def plot_pre_activations(pre_activations, colors, linear_range=0.5, ax=None, title=None):
    """Histograms of hidden pre-activations z of several networks, under the curve tanh(z).

    Arguments:
        pre_activations -- dict name -> flat array of z (see :func:`hidden_pre_activations`)
        colors -- dict name -> colour
        linear_range -- the band |z| < linear_range is shaded, where tanh(z) is close to z
    Returns the axes of the histograms (tanh is drawn on a twin axis, on the right).
    """
    ax = ax if ax is not None else plt.subplots(figsize=(7.5, 3.8))[1]
    edges = np.linspace(-4, 4, 81)
    ax.axvspan(-linear_range, linear_range, color="gray", alpha=0.15, label=f"|z| < {linear_range}")
    for (name, z), filled in zip(pre_activations.items(), (False, True)):
        z = np.clip(z, edges[0], edges[-1])
        ax.hist(z, bins=edges, weights=np.full(z.size, 1 / z.size), histtype="stepfilled" if filled else "step",
                alpha=0.45 if filled else 1.0, color=colors[name], linewidth=2, label=name)
    ax.set_xlabel("pre-activation z of a hidden unit (beyond ±4: counted at ±4)")
    ax.set_ylabel("share of the z")
    curve = ax.twinx()
    zs = np.linspace(edges[0], edges[-1], 200)
    curve.plot(zs, np.tanh(zs), color="black", linewidth=1.2, label="tanh(z)")
    curve.plot(zs, zs, color="black", linestyle=":", linewidth=1, label="z")
    curve.set_ylim(-1.6, 1.6)
    curve.set_ylabel("tanh(z)")
    curve.grid(False)
    handles = ax.get_legend_handles_labels()
    curve_handles = curve.get_legend_handles_labels()
    ax.legend(handles[0] + curve_handles[0], handles[1] + curve_handles[1], loc="upper left")
    if title:
        ax.set_title(title)
    return ax


def plot_jitter(X, X_moved, Y, ax=None, title=None, class_names=None):
    """The points X (2, m) moved to X_moved (2, m): each moved point in its class colour, a thin line to where it was."""
    ax = ax if ax is not None else plt.subplots()[1]
    ax.plot(np.vstack([X[0], X_moved[0]]), np.vstack([X[1], X_moved[1]]), color="gray", linewidth=0.6)
    return plots.plot_dataset(X_moved, Y, ax=ax, title=title, class_names=class_names)
