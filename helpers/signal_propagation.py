"""Signals through a deep network at initialization, forward and backward (assignment 01).

Notation is the lecture's: ``A[0] = X`` has shape ``(n_x, m)``, and every layer ``l = 1 .. L``,
the last one included, computes ``Z[l] = W[l] A[l-1] + b[l]`` and ``A[l] = g(Z[l])`` with one
activation ``g``. The spread of the activations going forward is an exercise of 01
(``activation_stds``); this module measures the gradients going backward, and how many tanh
units sit where tanh is flat.
"""

import matplotlib.pyplot as plt
import numpy as np

from helpers import nn, plots

#: Line styles and markers of the curves, in the order of the initializations, so that curves
#: lying on top of each other stay visible.
_LINESTYLES = ["-", "--", "-.", ":"]
_MARKERS = ["o", "s", "^", "D"]


def backward_stds(X, parameters, activation, rng=None):
    """The standard deviation of the gradient ``dZ[l]`` of every layer, for one gradient sent in at the top.

    The backward pass starts from ``dA[L]`` with independent standard normal entries, the same
    size whatever the weights, and applies each layer's backward step,
    ``dZ[l] = dA[l] * g'(Z[l])`` and ``dA[l-1] = W[l]^T dZ[l]``.

    Arguments:
        X -- inputs, shape (n_x, m)
        parameters -- dict W1, b1, ..., WL, bL with W{l} of shape (n[l], n[l-1])
        activation -- "relu", "tanh" or "linear", used by every layer
        rng -- numpy.random.Generator that draws dA[L] (a fresh one if None)

    Returns a list of L floats: element ``l - 1`` is the std of all entries of ``dZ[l]`` (shape (n[l], m)).
    """
    rng = rng if rng is not None else np.random.default_rng()
    AL, caches = nn.l_layer_forward(X, parameters, activation, activation)
    activation_backward = nn.ACTIVATIONS[activation][1]
    dA = rng.standard_normal(AL.shape)
    stds = []
    for linear_cache, Z in reversed(caches):
        dZ = activation_backward(dA, Z)
        stds.append(float(np.std(dZ)))
        dA, _, _ = nn.linear_backward(dZ, linear_cache)
    return stds[::-1]


def saturated_share(X, parameters, threshold=0.99):
    """The fraction of tanh activations ``|a| > threshold`` over all layers and examples of a tanh network.

    There the slope of tanh, ``1 - a**2``, is below ``1 - threshold**2`` (0.02 for 0.99).

    Arguments:
        X -- inputs, shape (n_x, m)
        parameters -- dict W1, b1, ..., WL, bL; every layer uses tanh
    """
    _, caches = nn.l_layer_forward(X, parameters, "tanh", "tanh")
    return float(np.mean([np.mean(np.abs(np.tanh(Z)) > threshold) for _, Z in caches]))


def per_layer_factor(start, end, layers):
    """The factor by which a spread changes per layer, on average, from ``start`` to ``end`` ``layers`` layers away."""
    return (end / start) ** (1 / layers)


def spread_table(forward, backward, title):
    """A text table of the forward and backward spreads of several initializations.

    Arguments:
        forward, backward -- dict initialization name -> list of L stds, layer 1 first (the stds
                             of A[l] and of dZ[l])
        title -- the heading of the first column
    Returns the table as a string (print it): for each initialization the std of A[1] and A[L]
    and the factor per layer between them, the std of dZ[L] and dZ[1] and the factor per layer
    on the way down.
    """
    rows = []
    for name, stds in forward.items():
        gradient_stds, L = backward[name], len(stds)
        rows.append([name, f"{stds[0]:.2g}", f"{stds[-1]:.2g}", f"{per_layer_factor(stds[0], stds[-1], L - 1):.3f}",
                     f"{gradient_stds[-1]:.2g}", f"{gradient_stds[0]:.2g}",
                     f"{per_layer_factor(gradient_stds[-1], gradient_stds[0], L - 1):.3f}"])
    L = len(next(iter(forward.values())))
    return plots.format_table([title, "std A[1]", f"std A[{L}]", "per layer", f"std dZ[{L}]", "std dZ[1]",
                               "per layer down"], rows)


def plot_forward_and_backward(forward, backward):
    """The forward spread (std of ``A[l]``) above the backward one (std of ``dZ[l]``), one column per activation.

    Arguments:
        forward, backward -- dict activation -> dict initialization name -> list of L stds, layer 1 first
    Returns the figure. Each initialization keeps one colour, line style and marker in every panel.
    """
    activations = list(forward)
    names = list(forward[activations[0]])
    styles = {name: {"color": plots.CLASS_COLORS[i], "linestyle": _LINESTYLES[i % 4], "marker": _MARKERS[i % 4],
                     "markevery": (i, 5), "markersize": 4} for i, name in enumerate(names)}
    fig, axes = plt.subplots(2, len(activations), figsize=(5.6 * len(activations), 7.6), sharex=True, squeeze=False)
    rows = [(forward, "forward: std of $A^{[l]}$"), (backward, "backward: std of $dZ^{[l]}$")]
    for row, (curves, ylabel) in enumerate(rows):
        for column, activation in enumerate(activations):
            ax = axes[row, column]
            layers = np.arange(1, len(curves[activation][names[0]]) + 1)
            plots.plot_curves(curves[activation], "layer $l$", ylabel, ax=ax, logy=True, x=layers, styles=styles,
                              title=f"{activation} in every layer, {ylabel.split(':')[0]}")
            if (row, column) != (0, 0):
                ax.get_legend().remove()
    fig.tight_layout()
    return fig
