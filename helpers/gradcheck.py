"""The small network of assignment 03 (gradient checking): its forward pass and cost.

The network is LINEAR -> TANH -> LINEAR -> RELU -> LINEAR -> SIGMOID with the
cross-entropy cost; the notebook uses ``layers_dims = [4, 5, 3, 1]``, but any sizes
``[n_x, n1, n2, 1]`` work. Unlike :func:`helpers.nn.forward_propagation`, the forward pass
takes the labels and returns the cost: gradient checking needs the cost as a function of
the parameters. Its backward pass is not here: the notebook provides one, with bugs.
The module also draws and tabulates the errors of the numerical derivatives of Section 2.

The thresholds below are the lecture's rules of thumb for the relative difference
``||g - g_approx|| / (||g|| + ||g_approx||)`` of a gradient check run with epsilon = 1e-7.
"""

import numpy as np

from helpers import nn, plots

#: Layer sizes of the network checked in the notebook.
LAYERS_DIMS = [4, 5, 3, 1]

#: A relative difference below this is great: the gradient is right.
GREAT = 1e-7
#: From this relative difference on the gradient is wrong; between the two it is suspicious.
WRONG = 1e-3


def forward_propagation_n(X, Y, parameters):
    """Cost and cache of LINEAR -> TANH -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Arguments:
        X -- inputs, shape (n_x, m)
        Y -- labels 0/1, shape (1, m)
        parameters -- dict W1 (n1, n_x), b1 (n1, 1), W2 (n2, n1), b2 (n2, 1), W3 (1, n2), b3 (1, 1)

    Returns:
        cost -- the cross-entropy cost, a float
        cache -- (Z1, A1, W1, Z2, A2, W2, Z3, A3, W3), every Z and A of shape (n[l], m)
    """
    W1, b1, W2, b2, W3, b3 = (parameters[key] for key in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = np.maximum(0, Z2)
    Z3 = W3 @ A2 + b3
    A3, _ = nn.sigmoid(Z3)
    cost = nn.compute_cost(A3, Y)
    return cost, (Z1, A1, W1, Z2, A2, W2, Z3, A3, W3)


def verdict(difference):
    """The lecture's reading of a relative difference: "great", "suspicious" or "wrong"."""
    if difference < GREAT:
        return "great"
    if difference < WRONG:
        return "suspicious"
    return "wrong"


def report(difference, what="the gradient"):
    """One line that states a relative difference and what it means, for example for printing."""
    meaning = {
        "great": f"{what} is right",
        "suspicious": f"look closely at {what}, component by component",
        "wrong": f"{what} has a bug",
    }
    word = verdict(difference)
    return f"relative difference {difference:.2e} -> {word}: {meaning[word]}"


def plot_step_errors(epsilons, errors, ax=None):
    """Errors of the numerical derivatives of theta**3 at theta = 1 against the step, on log-log axes.

    Arguments:
        epsilons -- the steps, shape (k,), from large to small (drawn left to right)
        errors -- dict method ("forward", "centered") -> |estimate - 3| at each step, shape (k,);
                  exact zeros are drawn at 1e-17, since a log axis has no 0
        ax -- axes to draw on (a new wide figure if None)

    Draws the guides of this function (its f'' and f''' are both 6 at theta = 1): the truncation
    errors 3 epsilon (forward) and epsilon**2 (centered), and the round-off 1e-16 / epsilon.
    Returns the axes.
    """
    ax = ax if ax is not None else plots.plt.subplots(figsize=(9, 4))[1]
    names = {"forward": "forward (one-sided)", "centered": "centered (two-sided)"}
    plots.plot_curves({names[method]: np.maximum(values, 1e-17) for method, values in errors.items()},
                      r"step $\varepsilon$", "|estimate - 3|", ax=ax, x=epsilons, logx=True, logy=True,
                      title=r"Error of the numerical derivative of $\theta^3$ at $\theta = 1$",
                      styles={names["forward"]: {"linewidth": 3.0, "alpha": 0.55}})  # visible under the centered one
    ax.plot(epsilons, 3 * epsilons, "k:", linewidth=1.2, label=r"$\frac{\varepsilon}{2} f'' = 3\varepsilon$ (slope 1)")
    ax.plot(epsilons, epsilons ** 2, "k--", linewidth=1, label=r"$\frac{\varepsilon^2}{6} f''' = \varepsilon^2$ (slope 2)")
    ax.plot(epsilons, 1e-16 / epsilons, "k-.", linewidth=1, label=r"round-off $10^{-16}/\varepsilon$")
    ax.set_ylim(1e-13, 1)
    ax.invert_xaxis()
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))
    ax.figure.tight_layout()
    return ax


def step_error_table(epsilons, errors):
    """The errors of :func:`plot_step_errors` at the steps that are whole powers of ten, as a printable table."""
    methods = list(errors)
    rows = [[f"{epsilon:.0e}", *(errors[method][i] for method in methods)]
            for i, epsilon in enumerate(epsilons) if np.isclose(np.log10(epsilon), np.round(np.log10(epsilon)))]
    return plots.format_table(["epsilon", *(f"{method} error" for method in methods)], rows, float_format="{:.1e}")
