"""Logistic regression, the model of assignment 00: its training, its cost over two weights, and the
simulated second camera of its section on mismatched distributions.

Notation is the lecture's: examples are columns, ``X`` has shape ``(n_x, m)`` and ``Y`` shape
``(1, m)``. The model is the network ``[n_x, 1]`` with a sigmoid output,
``y_hat = sigmoid(W1 x + b1)`` with ``W1`` of shape ``(1, n_x)`` and ``b1`` of shape ``(1, 1)``.
It has no hidden units whose symmetry would need breaking, so training starts from zeros.
"""

import numpy as np

from helpers import nn, plots

_FORWARD, _BACKWARD = nn.sigmoid_network()


def _zeros(layers_dims):
    """``W1 = 0`` of shape (1, n_x) and ``b1 = 0`` of shape (1, 1), for ``layers_dims = [n_x, 1]``."""
    return {"W1": np.zeros((layers_dims[1], layers_dims[0])), "b1": np.zeros((layers_dims[1], 1))}


def train(X, Y, learning_rate, num_iterations=2000, record_every=10, **options):
    """Full-batch gradient descent on the cross-entropy cost, from ``W1 = 0``, ``b1 = 0``.

    Arguments:
        X -- inputs, shape (n_x, m);  Y -- labels 0/1, shape (1, m)
        learning_rate, num_iterations, record_every -- as for :func:`helpers.nn.train`
        options -- further keyword arguments of :func:`helpers.nn.train` (``label``, ``update``, ``callback``)

    Returns ``(parameters, costs)``; ``costs[i]`` is the cost at iteration ``i * record_every``.
    """
    return nn.train(X, Y, [X.shape[0], 1], _zeros, forward=_FORWARD, backward=_BACKWARD,
                    learning_rate=learning_rate, num_iterations=num_iterations, record_every=record_every, **options)


def cost(parameters, X, Y):
    """The cross-entropy cost of the model on the m examples of ``X`` (n_x, m) with labels ``Y`` (1, m)."""
    return nn.compute_cost(_FORWARD(X, parameters)[0], Y)


def error(parameters, X, Y):
    """Fraction of the m examples of ``X`` (n_x, m) whose predicted label differs from ``Y`` (1, m)."""
    return 1 - nn.accuracy(nn.predict(X, parameters, _FORWARD), Y)


def first_iteration_below(costs, level, record_every=10):
    """The first recorded iteration whose cost is below ``level``, or None if the cost never gets there."""
    below = np.flatnonzero(np.asarray(costs) < level)
    return int(below[0]) * record_every if below.size else None


def train_and_track(X, Y, learning_rate, sets, num_iterations=2000):
    """Gradient descent from zeros that measures, after every step, the cost on each set and the length of ``w``.

    Arguments:
        X -- training inputs, shape (n_x, m);  Y -- labels 0/1, shape (1, m)
        sets -- dict name -> ``(X_s, Y_s)`` of shapes (n_x, m_s) and (1, m_s), the sets to measure on
        num_iterations -- the number of steps

    Returns ``(parameters, track)``: ``track`` maps each name of ``sets`` to an array of the costs
    on that set, and ``"length of w"`` to the norm ``||W1||``; element ``t - 1`` is measured after
    step ``t``.
    """
    track = {name: [] for name in [*sets, "length of w"]}

    def measure(iteration, parameters):
        for name, (X_s, Y_s) in sets.items():
            track[name].append(cost(parameters, X_s, Y_s))
        track["length of w"].append(float(np.linalg.norm(parameters["W1"])))

    parameters, _ = train(X, Y, learning_rate, num_iterations, record_every=1, callback=measure)
    return parameters, {name: np.array(values) for name, values in track.items()}


# ----- the cost of two weights, without bias ----------------------------------------------------
def cost_of_two_weights(X2, Y):
    """``J(w1, w2)`` of logistic regression without bias on two features.

    Arguments:
        X2 -- the two features, shape (2, m);  Y -- labels, shape (1, m)

    Returns a function ``cost(w1, w2)`` of two arrays of one shape, giving the cost at every point.
    """
    def cost(w1, w2):
        A, _ = nn.sigmoid(np.outer(w1.ravel(), X2[0]) + np.outer(w2.ravel(), X2[1]))  # (points, m)
        A = np.clip(A, 1e-12, 1 - 1e-12)
        return -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A), axis=1).reshape(np.shape(w1))
    return cost


def _update_weights_only(parameters, grads, learning_rate):
    """Gradient descent on W1 alone: b1 stays 0, so the cost depends on two numbers."""
    return {"W1": parameters["W1"] - learning_rate * grads["dW1"], "b1": parameters["b1"]}


def descent_path(X2, Y, learning_rate, steps=100):
    """The points ``(w1, w2)`` that gradient descent without bias visits from (0, 0), shape (steps + 1, 2)."""
    path = [np.zeros(2)]
    train(X2, Y, learning_rate, num_iterations=steps, update=_update_weights_only, record_every=1,
          callback=lambda epoch, parameters: path.append(parameters["W1"].ravel().copy()))
    return np.array(path)


def curvatures_at_zero(X2):
    """``(lambda_min, lambda_max)``: how steeply the cost of the two weights curves, flattest and steepest direction.

    They are the eigenvalues of the Hessian of the cost at ``w = 0``, ``X2 X2^T / (4 m)`` (the
    sigmoid's slope there is 1/4). ``X2`` has shape (2, m). Along a direction of curvature
    ``lambda``, one step of gradient descent with rate ``alpha`` multiplies the distance to the
    bottom by ``1 - alpha * lambda``: rates above ``2 / lambda_max`` overshoot.
    """
    lambda_min, lambda_max = np.linalg.eigvalsh(X2 @ X2.T / (4 * X2.shape[1]))
    return float(lambda_min), float(lambda_max)


def plot_descent_on_contours(X2, Y, learning_rate, xlim, ylim, ax, title, feature_names, steps=100):
    """The contours of ``J(w1, w2)`` on equal axes, the path of gradient descent, and the picture's lowest point.

    Arguments:
        X2 -- the two features, shape (2, m);  Y -- labels, shape (1, m)
        xlim, ylim -- (low, high) ranges of w1 and w2 to draw
        feature_names -- the names of the two features, for the axis labels
        steps -- the number of gradient-descent steps drawn, from (0, 0)

    Returns a dict: ``path`` (steps + 1, 2), ``cost`` at its last point, ``lowest_cost`` and
    ``lowest_point`` (w1, w2) of the drawn grid (marked with a star).
    """
    cost_at = cost_of_two_weights(X2, Y)
    w1, w2 = np.meshgrid(np.linspace(*xlim, 100), np.linspace(*ylim, 100))
    J = cost_at(w1, w2)
    lowest = np.argmin(J)
    path = descent_path(X2, Y, learning_rate, steps)
    plots.plot_paths_on_contours(cost_at, {f"gradient descent, {steps} steps": path}, xlim, ylim,
                                 levels=np.geomspace(J.min() + 1e-3, J.max(), 20), ax=ax, title=title, resolution=100)
    ax.plot(w1.flat[lowest], w2.flat[lowest], "*", color="black", markersize=10, label="lowest point of the picture")
    ax.set_aspect("equal")
    ax.set_xlabel(f"$w_1$ ({feature_names[0]})")
    ax.set_ylabel(f"$w_2$ ({feature_names[1]})")
    ax.legend(loc="upper right")
    return {"path": path, "cost": float(cost_at(path[-1:, 0], path[-1:, 1])[0]), "lowest_cost": float(J.flat[lowest]),
            "lowest_point": (float(w1.flat[lowest]), float(w2.flat[lowest]))}


# ----- a second camera ----------------------------------------------------------------------------
def size_dimension(feature_name):
    """2 for an area, 1 for a length (radius, perimeter), 0 for any other feature of the breast cancer data."""
    words = feature_name.split()
    return 2 if "area" in words else 1 if ("radius" in words or "perimeter" in words) else 0


def as_seen_by_camera(X, feature_names, magnification):
    """The tumours of ``X`` as measured through a camera that magnifies ``magnification`` times more.

    Every length (radius and perimeter: their mean, standard error and worst value) is
    multiplied by ``magnification`` and every area by its square; the other features, ratios,
    counts and grey-level statistics, are assumed not to change.

    Arguments:
        X -- the measurements, shape (n_x, m);  feature_names -- the n_x names of its rows
    Returns a new array of shape (n_x, m).
    """
    factors = np.array([magnification ** size_dimension(name) for name in feature_names], dtype=float)
    return X * factors.reshape(-1, 1)
