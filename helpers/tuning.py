"""The experiments of assignment 07: a digit classifier to tune, and the tables and figures of a search.

The samplers, the random search and the zoom are the exercises, so this module never draws
a hyperparameter, ranks results or narrows a space: it trains one configuration, evaluates
it, and shows results that the student's functions produced. Nor does it one-hot encode
labels (an exercise of assignment 06): the notebook passes its targets in.

A configuration is a dict name -> value; a result is a pair ``(config, score)`` and a list of
results is sorted best first, as ``random_search`` returns it.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from helpers import nn, plots


def train_digit_network(X, Y, config, num_iterations, seed=0):
    """Train the network [n_x, n_h, C] (ReLU hidden layer, C sigmoid outputs) by full-batch gradient descent.

    Arguments:
        X -- images as columns, shape (n_x, m);  Y -- 0/1 targets, shape (C, m), one 1 per column
        config -- dict with "learning_rate" and "hidden_units" (n_h, rounded to the nearest integer)
        num_iterations -- gradient-descent steps
        seed -- seeds the initial weights (nn.initialize_he_uniform), the same for every config

    Returns the trained parameters W1, b1, W2, b2.
    """
    forward, backward = nn.sigmoid_network()
    units = round(config["hidden_units"])
    parameters, _ = nn.train(X, Y, [X.shape[0], units, Y.shape[0]], nn.initialize_he_uniform,
                             forward=forward, backward=backward, learning_rate=config["learning_rate"],
                             num_iterations=num_iterations, record_every=num_iterations,
                             rng=np.random.default_rng(seed))
    return parameters


def digit_accuracy(parameters, X, labels):
    """Fraction of the images X (n_x, m) whose most confident output unit is their label (shape (1, m))."""
    AL, _ = nn.l_layer_forward(X, parameters)
    return nn.accuracy(np.argmax(AL, axis=0), labels)


def sampled_ranges(space, rng, draws=1000):
    """Dict name -> (smallest, largest) of ``draws`` values of each sampler of ``space``.

    Shows the space a zoom produced without reading its samplers' code: with enough draws
    the extremes come close to the bounds each sampler was given.
    """
    return {name: (min(values), max(values))
            for name, values in ((name, [sampler(rng) for _ in range(draws)]) for name, sampler in space.items())}


def print_results(results, title, count=5):
    """Print the ``count`` best results (learning rate, hidden units, dev accuracy) as a table."""
    rows = [[f"{config['learning_rate']:.3g}", str(round(config["hidden_units"])), score]
            for config, score in results[:count]]
    print(f"{title}, best {len(rows)} of {len(results)}:")
    print(plots.format_table(["learning rate", "hidden units", "dev accuracy"], rows))


def plot_averaging_windows(betas, bins=30):
    """Histograms of the window ``1 / (1 - beta)`` that each beta averages over, on a log axis from 10 to 1,000.

    Arguments:
        betas -- dict label -> array of beta values in [0.9, 0.999]
        bins -- number of bins, of equal width on the log axis
    Returns the axes.
    """
    _, ax = plt.subplots(figsize=(7, 3.8))
    edges = np.geomspace(10, 1000, bins + 1)
    for label, values in betas.items():
        ax.hist(1 / (1 - np.asarray(values)), bins=edges, alpha=0.6, label=label)
    ax.set_xscale("log")
    ax.set_xlabel("values averaged over, 1 / (1 - beta)")
    ax.set_ylabel("number of samples")
    ax.legend()
    return ax


def plot_grid_and_random(grid_results, random_results, best_learning_rate, score_range):
    """Two panels: the trials of a grid search and of a random search over (learning_rate, epsilon).

    A dashed vertical line marks ``best_learning_rate``; both panels share the colour scale
    ``score_range`` (low, high). Returns the figure.
    """
    fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
    for ax, (title, results) in zip(axes, ((f"Grid search, {len(grid_results)} trials", grid_results),
                                           (f"Random search, {len(random_results)} trials", random_results))):
        plots.plot_trials(results, "learning_rate", "epsilon", ax=ax, title=title, score_range=score_range,
                          colorbar=ax is axes[1], score_label="made-up dev accuracy")
        line = ax.axvline(best_learning_rate, color="black", linestyle="--", linewidth=1)
    fig.legend([line], [f"the best learning rate, {best_learning_rate:g}"], loc="lower center")
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


def plot_coarse_and_fine(coarse, fine, zoomed, score_range=(0.0, 1.0)):
    """The trials of a coarse and a fine round in the plane (learning rate, hidden units), and the zoomed space.

    Arguments:
        coarse, fine -- lists of results with "learning_rate" and "hidden_units" in every config
        zoomed -- dict name -> (low, high) of the fine round's space (see :func:`sampled_ranges`),
                  drawn as a dashed box
        score_range -- (low, high) of the colour scale of the dev accuracy
    The learning rate is on a log axis, the number of hidden units on a linear one. Returns the axes.
    """
    fig, ax = plt.subplots(figsize=(7.5, 5))
    plots.plot_trials(coarse, "learning_rate", "hidden_units", ax=ax, marker="o", label="coarse round", logy=False,
                      score_range=score_range, score_label="dev accuracy")
    plots.plot_trials(fine, "learning_rate", "hidden_units", ax=ax, marker="s", label="fine round", logy=False,
                      score_range=score_range, colorbar=False, title="Random search, coarse then fine")
    (low_rate, high_rate), (low_units, high_units) = zoomed["learning_rate"], zoomed["hidden_units"]
    ax.add_patch(Rectangle((low_rate, low_units), high_rate - low_rate, high_units - low_units, fill=False,
                           linestyle="--", edgecolor="black", label="zoomed space"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3)
    fig.tight_layout()
    return ax
