"""The deep network of assignment 05, with batch normalization wired in from outside.

Every hidden layer computes LINEAR (no bias) -> BATCH NORM -> RELU and the output layer
LINEAR -> SIGMOID. The batch-norm step itself is an exercise, so this module never
computes it: :func:`forward` and :func:`backward` take the student's
``batchnorm_forward(Z, gamma, beta, bn_param) -> (out, cache)`` and
``batchnorm_backward(dout, cache) -> (dZ, dgamma, dbeta)`` as arguments and only call them.

Notation is the lecture's: examples are columns, ``W[l]`` has shape ``(n[l], n[l-1])``,
``gamma[l]`` and ``beta[l]`` shape ``(n[l], 1)``. The parameters dict has the keys
``W1, gamma1, beta1, ..., W[L-1], gamma[L-1], beta[L-1], WL, bL``.

One dict ``bn_param`` per hidden layer (a list ``bn_params``, ``bn_params[l - 1]`` for
layer ``l``) carries the mode and the running statistics between calls.

:func:`train` trains this network (or its plain twin without batch norm) for the notebook's
experiments, and :func:`outputs` runs a trained one; both take the student's functions as
arguments as well.
"""

import timeit

import numpy as np

from helpers import nn


def hidden_layer_count(parameters):
    """Number of batch-normalized hidden layers (keys gamma1, gamma2, ...) of a parameters dict."""
    return sum(1 for key in parameters if key.startswith("gamma"))


def forward(X, parameters, bn_params, batchnorm_forward, mode="train"):
    """Forward pass: (LINEAR -> BN -> RELU) for each hidden layer, then LINEAR -> SIGMOID.

    Arguments:
        X -- inputs, shape (n_x, m)
        parameters -- dict W1, gamma1, beta1, ..., WL, bL (hidden layers have no b)
        bn_params -- list with one dict per hidden layer; missing dicts are appended as ``{}``.
                     ``bn_params[l - 1]["mode"]`` is set to ``mode`` before layer l runs, and
                     ``batchnorm_forward`` keeps its running statistics in that dict.
        batchnorm_forward -- ``batchnorm_forward(Z, gamma, beta, bn_param) -> (out, cache)``
        mode -- "train" (batch statistics, running statistics updated) or "test" (running statistics)

    Returns ``(AL, caches)``: AL of shape (n[L], m); ``caches[l - 1]`` is
    ``(A_prev, W, bn_cache, Z_tilde)`` for a hidden layer and ``(A_prev, W, b, Z)`` for the output layer.
    """
    hidden = hidden_layer_count(parameters)
    while len(bn_params) < hidden:
        bn_params.append({})
    A, caches = X, []
    for l in range(1, hidden + 1):
        W = parameters[f"W{l}"]
        Z = W @ A
        bn_params[l - 1]["mode"] = mode
        Z_tilde, bn_cache = batchnorm_forward(Z, parameters[f"gamma{l}"], parameters[f"beta{l}"], bn_params[l - 1])
        caches.append((A, W, bn_cache, Z_tilde))
        A, _ = nn.relu(Z_tilde)
    L = hidden + 1
    Z, (A_prev, W, b) = nn.linear_forward(A, parameters[f"W{L}"], parameters[f"b{L}"])
    AL, _ = nn.sigmoid(Z)
    caches.append((A_prev, W, b, Z))
    return AL, caches


def backward(AL, Y, caches, batchnorm_backward):
    """Gradients of the cross-entropy cost ``nn.compute_cost(AL, Y)`` of :func:`forward`.

    Arguments:
        AL -- sigmoid outputs, shape (n[L], m);  Y -- 0/1 targets, shape (n[L], m)
        caches -- from :func:`forward` in train mode
        batchnorm_backward -- ``batchnorm_backward(dout, cache) -> (dZ, dgamma, dbeta)``

    Returns a dict with dW1, dgamma1, dbeta1, ..., dWL, dbL (the shapes of the parameters).

    As everywhere in ``helpers.nn``, the backward pass carries ``m`` times the gradient
    (``dZ[L] = AL - Y``) and divides by ``m`` when it produces a parameter's gradient. The
    student's batch-norm backward is linear in ``dout``, so its ``dgamma`` and ``dbeta`` are
    divided by ``m`` here, like ``dW``.
    """
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    A_prev, W, b, _ = caches[L - 1]
    dA, grads[f"dW{L}"], grads[f"db{L}"] = nn.linear_backward(AL - Y, (A_prev, W, b))
    for l in range(L - 1, 0, -1):
        A_prev, W, bn_cache, Z_tilde = caches[l - 1]
        dZ_tilde = nn.relu_gradient(dA, Z_tilde)
        dZ, dgamma, dbeta = batchnorm_backward(dZ_tilde, bn_cache)
        grads[f"dgamma{l}"] = dgamma / m
        grads[f"dbeta{l}"] = dbeta / m
        dA, grads[f"dW{l}"], _ = nn.linear_backward(dZ, (A_prev, W, None))
    return grads


def network(batchnorm_forward, batchnorm_backward, bn_params):
    """``(forward, backward)`` in the form :func:`helpers.nn.train` expects, in train mode.

    ``forward(X, parameters) -> (AL, cache)`` and ``backward(X, Y, cache) -> grads`` call
    :func:`forward` and :func:`backward` with the given batch-norm functions; every training
    step updates the running statistics kept in ``bn_params`` (a list, filled on first use).
    """
    def train_forward(X, parameters):
        AL, caches = forward(X, parameters, bn_params, batchnorm_forward, mode="train")
        return AL, (AL, caches)

    def train_backward(X, Y, cache):
        AL, caches = cache
        return backward(AL, Y, caches, batchnorm_backward)

    return train_forward, train_backward


def plain_parameters(parameters):
    """The same weights without batch norm: a parameters dict W1, b1, ..., WL, bL for ``helpers.nn``.

    Each hidden layer keeps its ``W`` and gets a zero bias of shape (n[l], 1) in place of
    ``gamma`` and ``beta``; the output layer is copied. The result works with
    ``nn.l_layer_forward`` and ``nn.sigmoid_network("relu")``, so both networks can start
    from the same weights.
    """
    plain = {}
    L = hidden_layer_count(parameters) + 1
    for l in range(1, L + 1):
        plain[f"W{l}"] = parameters[f"W{l}"].copy()
        plain[f"b{l}"] = parameters[f"b{l}"].copy() if l == L else np.zeros((parameters[f"W{l}"].shape[0], 1))
    return plain


def sample_batches(X, Y, batch_size, rng, num_batches=None):
    """Mini-batches drawn independently at random: ``num_batches`` of them (default ``m // batch_size``).

    Arguments:
        X -- inputs, shape (n_x, m);  Y -- labels, shape (n_y, m)
        batch_size -- examples per batch (at most m)
        rng -- numpy.random.Generator
        num_batches -- how many batches to draw; the default makes one epoch see about m examples

    Returns a list of ``(X_t, Y_t)`` of shapes (n_x, batch_size) and (n_y, batch_size).

    Each batch is a sample without replacement from the whole training set, independent of
    the other batches, so an epoch may repeat some examples and skip others. This is not the
    shuffle-and-partition of assignment 04, on purpose: it keeps that exercise yours, and it
    matches what batch norm assumes, that every batch is a fresh random sample whose mean and
    variance estimate those of the whole data. ``num_batches`` lets runs with different batch
    sizes make the same number of updates.
    """
    m = X.shape[1]
    batch_size = min(batch_size, m)
    if num_batches is None:
        num_batches = max(m // batch_size, 1)
    batches = []
    for _ in range(num_batches):
        columns = rng.choice(m, size=batch_size, replace=False)
        batches.append((X[:, columns], Y[:, columns]))
    return batches


def scale_weights(parameters, scale):
    """A copy of ``parameters`` whose weight matrices ``W[l]`` are multiplied by ``scale``; other arrays are kept."""
    return {key: value * scale if key.startswith("W") else value for key, value in parameters.items()}


def train(X, Y, layers_dims, initialize_parameters_bn, batchnorm_forward, batchnorm_backward, *, batch_norm=True,
          scale=1.0, batch_size=64, num_batches=None, epochs=15, learning_rate=0.1, seed=1):
    """Train the deep network by mini-batch gradient descent, with or without batch norm.

    Arguments:
        X -- inputs, shape (n_x, m);  Y -- 0/1 targets, shape (n[L], m)
        layers_dims -- list [n_x, n[1], ..., n[L]]
        initialize_parameters_bn -- ``initialize_parameters_bn(layers_dims, rng) -> parameters`` (W, gamma, beta, bL)
        batchnorm_forward, batchnorm_backward -- the batch-norm layer, as :func:`forward` and :func:`backward` take it
        batch_norm -- False trains the plain network of ``nn.sigmoid_network("relu")`` instead, from the
                      same weights (:func:`plain_parameters`)
        scale -- every initial weight matrix is multiplied by it
        batch_size, num_batches -- the mini-batches of every epoch (see :func:`sample_batches`)
        epochs, learning_rate -- of plain gradient descent
        seed -- seeds the one generator of the initial weights and of the batches, so that the two
                networks trained with the same seed start alike and see the same batches

    Returns a dict with ``"parameters"``, ``"bn_params"`` (the running statistics of every hidden
    layer; None without batch norm) and ``"costs"`` (the training cost of every epoch).
    """
    def initialize(dims, rng):
        parameters = scale_weights(initialize_parameters_bn(dims, rng=rng), scale)
        return parameters if batch_norm else plain_parameters(parameters)

    bn_params = [] if batch_norm else None
    forward_pass, backward_pass = (network(batchnorm_forward, batchnorm_backward, bn_params) if batch_norm
                                   else nn.sigmoid_network("relu"))
    parameters, costs = nn.train(
        X, Y, layers_dims, initialize, forward=forward_pass, backward=backward_pass,
        batches=lambda X, Y, rng: sample_batches(X, Y, batch_size, rng, num_batches),
        learning_rate=learning_rate, num_iterations=epochs, record_every=1, rng=np.random.default_rng(seed),
        label=f"{'with' if batch_norm else 'without'} batch norm, seed {seed}")
    return {"parameters": parameters, "bn_params": bn_params, "costs": costs}


def outputs(run, X, batchnorm_forward, mode="test"):
    """``A[L]`` of shape (n[L], m) of a network trained by :func:`train`, for the examples X of shape (n_x, m).

    A batch-norm network runs in ``mode`` ("test": the running statistics; "train": the statistics
    of X itself, which also updates the running statistics in ``run["bn_params"]``).
    """
    if run["bn_params"] is None:
        return nn.l_layer_forward(X, run["parameters"])[0]
    return forward(X, run["parameters"], run["bn_params"], batchnorm_forward, mode=mode)[0]


def seconds_per_call(function, *args, calls=100, repeat=25):
    """Seconds one call ``function(*args)`` takes: the best of ``repeat`` timings of ``calls`` calls each."""
    return min(timeit.repeat(lambda: function(*args), number=calls, repeat=repeat)) / calls


def cost_curves(runs):
    """The training costs of several runs of :func:`train` (one per seed) as an array (number of runs, epochs)."""
    return np.array([run["costs"] for run in runs])
