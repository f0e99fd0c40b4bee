"""Network machinery that is not an exercise.

Notation is the lecture's: examples are columns, ``A[0] = X`` has shape ``(n_x, m)``,
``W[l]`` has shape ``(n[l], n[l-1])`` and ``b[l]`` shape ``(n[l], 1)``. Every forward
function returns ``(output, cache)`` and the matching backward function consumes
exactly that cache.
"""

import inspect
import os
import sys

import numpy as np
from tqdm import tqdm

#: While nbgrader executes a notebook, training runs at most this many iterations.
GRADING_ITERATION_CAP = 300

_COST_CLIP = 1e-12  # keeps log() finite when a saturated sigmoid outputs exactly 0 or 1


# ----- activations ------------------------------------------------------------------
def sigmoid(Z):
    """Sigmoid of ``Z`` (any shape). Returns ``(A, cache)`` with ``cache = Z``."""
    # Written with exp(-|Z|) so that no large positive exponent can overflow.
    E = np.exp(-np.abs(Z))
    A = np.where(Z >= 0, 1 / (1 + E), E / (1 + E))
    return A, Z


def sigmoid_backward(dA, cache):
    """Gradient through a sigmoid: ``dZ = dA * s * (1 - s)``, same shape as ``dA``."""
    s, _ = sigmoid(cache)
    return dA * s * (1 - s)


def relu(Z):
    """ReLU of ``Z`` (any shape). Returns ``(A, cache)`` with ``cache = Z``."""
    return np.maximum(0, Z), Z


def relu_gradient(dA, cache):
    """Gradient through a ReLU: ``dZ = dA`` where ``Z > 0``, else 0."""
    return np.where(cache > 0, dA, 0.0)


def tanh(Z):
    """tanh of ``Z`` (any shape). Returns ``(A, cache)`` with ``cache = Z``."""
    return np.tanh(Z), Z


def tanh_backward(dA, cache):
    """Gradient through tanh: ``dZ = dA * (1 - tanh(Z)**2)``."""
    return dA * (1 - np.tanh(cache) ** 2)


def linear(Z):
    """The identity activation. Returns ``(Z, cache)`` with ``cache = Z``."""
    return Z, Z


def linear_backward_activation(dA, cache):
    """Gradient through the identity: ``dZ = dA``."""
    return dA


ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_backward),
    "relu": (relu, relu_gradient),
    "tanh": (tanh, tanh_backward),
    "linear": (linear, linear_backward_activation),
}


# ----- linear layer -------------------------------------------------------------------
def linear_forward(A_prev, W, b):
    """``Z = W A_prev + b``.

    Arguments:
        A_prev -- activations of the previous layer, shape (n[l-1], m)
        W -- weights, shape (n[l], n[l-1]);  b -- biases, shape (n[l], 1)

    Returns ``(Z, cache)`` with Z of shape (n[l], m) and ``cache = (A_prev, W, b)``.
    """
    return W @ A_prev + b, (A_prev, W, b)


def linear_backward(dZ, cache):
    """Backward step of :func:`linear_forward`.

    Arguments:
        dZ -- gradient of the cost with respect to Z, shape (n[l], m)
        cache -- ``(A_prev, W, b)`` from the forward step

    Returns ``(dA_prev, dW, db)`` with the shapes of A_prev, W and b; the ``1/m``
    of the mean over examples is applied here.
    """
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return W.T @ dZ, dW, db


# ----- cost and evaluation ---------------------------------------------------------------
def compute_cost(AL, Y):
    """Binary cross-entropy ``-1/m * sum(Y log AL + (1 - Y) log(1 - AL))``.

    Arguments: AL -- predicted probabilities, shape (1, m); Y -- labels 0/1, shape (1, m).
    Returns a Python float. Probabilities are clipped to [1e-12, 1 - 1e-12] so that a
    saturated output gives a large finite cost instead of infinity.
    """
    AL = np.clip(AL, _COST_CLIP, 1 - _COST_CLIP)
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def predict(X, parameters, forward=None):
    """Predict 0/1 labels of shape (1, m) by thresholding the network's output at 0.5.

    ``forward(X, parameters) -> (AL, cache)`` defaults to the 3-layer network.
    """
    forward = forward or forward_propagation
    AL, _ = forward(X, parameters)
    return (AL > 0.5).astype(int)


def accuracy(predictions, Y):
    """Fraction of columns where ``predictions`` equals ``Y`` (both of shape (1, m) or (m,))."""
    return float(np.mean(np.ravel(predictions) == np.ravel(Y)))


def confusion_matrix(labels, predictions, n_classes):
    """Count how often each true class was predicted as each class.

    Arguments:
        labels -- true integer labels, shape (m,) or (1, m), values in 0 .. n_classes - 1
        predictions -- predicted integer labels, same number of entries
        n_classes -- the number of classes C

    Returns an integer array ``counts`` of shape (C, C): ``counts[i, j]`` is the number of
    examples of true class ``i`` predicted as class ``j`` (the diagonal holds the correct ones).
    """
    labels, predictions = np.ravel(labels).astype(int), np.ravel(predictions).astype(int)
    if labels.size != predictions.size:
        raise ValueError(f"{labels.size} labels but {predictions.size} predictions.")
    counts = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(counts, (labels, predictions), 1)
    return counts


# ----- the 3-layer network of assignments 01 and 02 ------------------------------------------------
def forward_propagation(X, parameters):
    """LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Arguments:
        X -- inputs, shape (n_x, m)
        parameters -- dict with W1 (n1, n_x), b1 (n1, 1), W2 (n2, n1), b2 (n2, 1), W3 (1, n2), b3 (1, 1)

    Returns ``(A3, cache)``: A3 of shape (1, m) and
    ``cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``.
    """
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1, _ = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2, _ = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3, _ = sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation(X, Y, cache):
    """Gradients of the cross-entropy cost of :func:`forward_propagation`.

    Arguments: X -- (n_x, m); Y -- labels (1, m); cache -- from forward_propagation.
    Returns a dict with dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1.
    """
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = relu_gradient(dA2, Z2)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = relu_gradient(dA1, Z1)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


# ----- a general L-layer network ----------------------------------------------------------------
def layer_count(parameters):
    """Number of layers L of a parameters dict with keys W1..WL."""
    return sum(1 for key in parameters if key.startswith("W"))


def l_layer_forward(X, parameters, hidden_activation="relu", output_activation="sigmoid"):
    """Forward pass of an L-layer network: L-1 hidden layers, then the output layer.

    Arguments:
        X -- inputs, shape (n_x, m)
        parameters -- dict W1, b1, ..., WL, bL
        hidden_activation, output_activation -- names in :data:`ACTIVATIONS`

    Returns ``(AL, caches)``: AL of shape (n[L], m); ``caches[l-1] = (linear_cache, Z)``.
    """
    L = layer_count(parameters)
    A, caches = X, []
    for l in range(1, L + 1):
        name = hidden_activation if l < L else output_activation
        Z, linear_cache = linear_forward(A, parameters[f"W{l}"], parameters[f"b{l}"])
        A, _ = ACTIVATIONS[name][0](Z)
        caches.append((linear_cache, Z))
    return A, caches


def l_layer_backward(dZL, caches, hidden_activation="relu"):
    """Backward pass of :func:`l_layer_forward`, starting from the output layer's ``dZ``.

    Arguments:
        dZL -- gradient of the cost with respect to Z[L], shape (n[L], m) (for sigmoid with
               cross-entropy, and for softmax with its cross-entropy, it is ``AL - Y``)
        caches -- from l_layer_forward

    Returns a dict with dW1, db1, ..., dWL, dbL.
    """
    grads = {}
    L = len(caches)
    dZ = dZL
    for l in range(L, 0, -1):
        linear_cache, _ = caches[l - 1]
        dA_prev, grads[f"dW{l}"], grads[f"db{l}"] = linear_backward(dZ, linear_cache)
        if l > 1:
            dZ = ACTIVATIONS[hidden_activation][1](dA_prev, caches[l - 2][1])
    return grads


def sigmoid_network(hidden_activation="relu"):
    """``(forward, backward)`` for :func:`train`: an L-layer network with sigmoid outputs.

    ``forward(X, parameters) -> (AL, cache)`` and ``backward(X, Y, cache) -> grads`` for the
    cross-entropy cost of every output unit, where ``dZ[L] = AL - Y``. Y has shape (n[L], m).
    """
    def forward(X, parameters):
        AL, caches = l_layer_forward(X, parameters, hidden_activation, "sigmoid")
        return AL, (AL, caches)

    def backward(X, Y, cache):
        AL, caches = cache
        return l_layer_backward(AL - Y, caches, hidden_activation)

    return forward, backward


# ----- rolling parameters into one vector (gradient checking) ------------------------------------
def dict_to_vector(arrays, keys):
    """Stack ``arrays[k]`` for each key in ``keys``, flattened in C order, into a column (N, 1)."""
    return np.concatenate([np.reshape(arrays[k], (-1, 1)) for k in keys], axis=0)


def vector_to_dict(theta, shapes):
    """Inverse of :func:`dict_to_vector`.

    Arguments: theta -- column of shape (N, 1); shapes -- dict key -> shape, in the rolling order.
    Returns a dict of new arrays with those shapes.
    """
    needed = sum(int(np.prod(shape)) for shape in shapes.values())
    if theta.size != needed:
        raise ValueError(f"theta has {theta.size} entries but the shapes need {needed}.")
    arrays, start = {}, 0
    for key, shape in shapes.items():
        size = int(np.prod(shape))
        arrays[key] = theta[start:start + size].reshape(shape)
        start += size
    return arrays


# ----- a starting point for the experiments ------------------------------------------------------
def initialize_he_uniform(layers_dims, rng=None):
    """Uniform weights with He's variance ``2 / n[l-1]``, zero biases (for ReLU networks).

    ``W[l]`` is drawn uniformly from ``[-r, r]`` with ``r = sqrt(6 / n[l-1])``, whose
    variance ``r**2 / 3`` is ``2 / n[l-1]``. Notebooks after 01 start training from it.

    Arguments:
        layers_dims -- list [n_x, n[1], ..., n[L]] of layer sizes
        rng -- numpy.random.Generator to draw from (a fresh one if None)

    Returns a dict with W{l} of shape (n[l], n[l-1]) and b{l} of shape (n[l], 1).
    """
    rng = rng if rng is not None else np.random.default_rng()
    parameters = {}
    for l in range(1, len(layers_dims)):
        limit = np.sqrt(6 / layers_dims[l - 1])
        parameters[f"W{l}"] = rng.uniform(-limit, limit, size=(layers_dims[l], layers_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


# ----- training ---------------------------------------------------------------------------------
def is_autograding():
    """True while nbgrader executes the notebook (autograde or validate)."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def gradient_descent(parameters, grads, learning_rate):
    """The plain update ``p = p - learning_rate * dp`` for every parameter; returns a new dict."""
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def full_batch(X, Y, rng):
    """The batching rule of batch gradient descent: one batch holding every example."""
    return [(X, Y)]


def train(X, Y, layers_dims, initialize, *, forward=forward_propagation, backward=backward_propagation,
          cost=compute_cost, update=gradient_descent, batches=full_batch, learning_rate=0.01,
          num_iterations=15000, record_every=100, rng=None, label=None, callback=None):
    """Train a network and record its cost.

    Arguments:
        X -- training inputs (n_x, m);  Y -- labels (1, m) (or one-hot (C, m))
        layers_dims -- [n_x, n1, ..., nL], handed to ``initialize``
        initialize -- ``initialize(layers_dims[, rng])`` -> parameters (rng passed if accepted)
        forward -- ``forward(X, parameters) -> (AL, cache)``
        backward -- ``backward(X, Y, cache) -> grads`` with keys "d" + parameter name
        cost -- ``cost(AL, Y) -> float``
        update -- ``update(parameters, grads, learning_rate) -> parameters``
        batches -- ``batches(X, Y, rng) -> list of (X_t, Y_t)``, called once per epoch
        learning_rate -- a float, or a function ``epoch -> learning rate``
        num_iterations -- number of epochs (passes over the data)
        record_every -- record the mean cost of one epoch in every ``record_every``
        rng -- numpy Generator used by ``initialize`` and ``batches``
        label -- text shown on the progress bar
        callback -- optional ``callback(epoch, parameters)``, called whenever a cost is recorded
                    (for example to record the cost on a dev set)

    Returns ``(parameters, costs)``; ``costs[i]`` is the cost of epoch ``i * record_every``.

    A progress bar shows in interactive use. While nbgrader executes the notebook,
    training stops after :data:`GRADING_ITERATION_CAP` epochs so grading stays fast.
    """
    rng = rng if rng is not None else np.random.default_rng()
    parameters = _initialize(initialize, layers_dims, rng)
    if is_autograding() and num_iterations > GRADING_ITERATION_CAP:
        print(f"(autograder run: training shortened from {num_iterations} to {GRADING_ITERATION_CAP} iterations)")
        num_iterations = GRADING_ITERATION_CAP
    schedule = learning_rate if callable(learning_rate) else (lambda epoch: learning_rate)
    costs = []
    progress = tqdm(range(num_iterations), desc=label, file=sys.stdout, disable=is_autograding(),
                    mininterval=0.5, leave=False)
    for epoch in progress:
        epoch_cost, seen = 0.0, 0
        for X_batch, Y_batch in batches(X, Y, rng):
            AL, cache = forward(X_batch, parameters)
            m_batch = X_batch.shape[1]
            epoch_cost += cost(AL, Y_batch) * m_batch
            seen += m_batch
            grads = backward(X_batch, Y_batch, cache)
            parameters = update(parameters, grads, schedule(epoch))
        if epoch % record_every == 0:
            costs.append(epoch_cost / seen)
            progress.set_postfix(cost=f"{costs[-1]:.4f}", refresh=False)
            if callback is not None:
                callback(epoch, parameters)
    progress.close()
    return parameters, costs


def _initialize(initialize, layers_dims, rng):
    """Call ``initialize(layers_dims)``, passing ``rng`` when the initializer accepts it."""
    if "rng" in inspect.signature(initialize).parameters:
        return initialize(layers_dims, rng=rng)
    return initialize(layers_dims)
