"""The network machinery of helpers.nn, checked against numerical gradients and by its properties."""

import numpy as np
import pytest

from autograder.hidden.common import numerical_gradient, relative_error

from helpers import nn


def random_parameters(layers_dims, rng):
    return {key: value for l in range(1, len(layers_dims)) for key, value in (
        (f"W{l}", rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * 0.7),
        (f"b{l}", rng.standard_normal((layers_dims[l], 1)) * 0.1))}


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def test_sigmoid_is_finite_and_exact_for_large_inputs():
    A, _ = nn.sigmoid(np.array([[-1000.0, 0.0, 1000.0]]))
    np.testing.assert_allclose(A, [[0.0, 0.5, 1.0]])


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh", "linear"])
def test_activation_backward_matches_numerical_gradient(name, rng):
    forward, backward = nn.ACTIVATIONS[name]
    Z = rng.standard_normal((3, 4)) + 0.05  # keep ReLU's kink away from the sample points
    dA = rng.standard_normal((3, 4))
    numeric = numerical_gradient(lambda: np.sum(forward(Z)[0] * dA), Z)
    np.testing.assert_allclose(backward(dA, Z), numeric, rtol=1e-5, atol=1e-8)


def test_linear_backward_matches_numerical_gradient(rng):
    A, W, b = rng.standard_normal((4, 5)), rng.standard_normal((3, 4)), rng.standard_normal((3, 1))
    dZ = rng.standard_normal((3, 5))
    dA, dW, db = nn.linear_backward(dZ, nn.linear_forward(A, W, b)[1])
    # linear_backward averages over the m = 5 examples: compare with the gradient of the mean.
    objective = lambda: np.sum(nn.linear_forward(A, W, b)[0] * dZ) / 5
    assert relative_error(dW, numerical_gradient(objective, W)) < 1e-7
    assert relative_error(db, numerical_gradient(objective, b)) < 1e-7
    assert relative_error(dA / 5, numerical_gradient(objective, A)) < 1e-7


def test_three_layer_backward_matches_numerical_gradient_of_the_cost(rng):
    X, Y = rng.standard_normal((2, 7)), (rng.random((1, 7)) > 0.5).astype(float)
    parameters = random_parameters([2, 4, 3, 1], rng)
    _, cache = nn.forward_propagation(X, parameters)
    grads = nn.backward_propagation(X, Y, cache)
    for key in parameters:
        numeric = numerical_gradient(lambda: nn.compute_cost(nn.forward_propagation(X, parameters)[0], Y), parameters[key])
        assert relative_error(grads["d" + key], numeric) < 1e-6, key


def test_three_layer_cache_has_the_documented_order(rng):
    X = rng.standard_normal((2, 3))
    parameters = random_parameters([2, 4, 3, 1], rng)
    A3, cache = nn.forward_propagation(X, parameters)
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3_cached, W3, b3 = cache
    assert W1 is parameters["W1"] and b3 is parameters["b3"]
    np.testing.assert_array_equal(A1, np.maximum(Z1, 0))
    assert A3_cached is A3 and A3.shape == (1, 3)


@pytest.mark.parametrize("hidden", ["relu", "tanh"])
def test_l_layer_backward_matches_numerical_gradient(hidden, rng):
    X, Y = rng.standard_normal((3, 6)), (rng.random((1, 6)) > 0.5).astype(float)
    parameters = random_parameters([3, 5, 4, 2, 1], rng)
    AL, caches = nn.l_layer_forward(X, parameters, hidden_activation=hidden)
    grads = nn.l_layer_backward(AL - Y, caches, hidden_activation=hidden)
    cost = lambda: nn.compute_cost(nn.l_layer_forward(X, parameters, hidden_activation=hidden)[0], Y)
    for key in parameters:
        assert relative_error(grads["d" + key], numerical_gradient(cost, parameters[key])) < 1e-6, key


def test_l_layer_forward_equals_the_three_layer_network(rng):
    X = rng.standard_normal((2, 5))
    parameters = random_parameters([2, 4, 3, 1], rng)
    np.testing.assert_allclose(nn.l_layer_forward(X, parameters)[0], nn.forward_propagation(X, parameters)[0])


def test_compute_cost_of_a_known_case():
    assert nn.compute_cost(np.array([[0.8, 0.1]]), np.array([[1, 0]])) == pytest.approx(
        -(np.log(0.8) + np.log(0.9)) / 2)


def test_compute_cost_stays_finite_for_saturated_outputs():
    assert np.isfinite(nn.compute_cost(np.array([[0.0, 1.0]]), np.array([[1, 0]])))


def test_predict_and_accuracy(rng):
    parameters = random_parameters([2, 4, 3, 1], rng)
    X = rng.standard_normal((2, 10))
    predictions = nn.predict(X, parameters)
    assert predictions.shape == (1, 10) and set(np.unique(predictions)) <= {0, 1}
    assert nn.accuracy(predictions, predictions) == 1.0
    assert nn.accuracy(np.array([[1, 0, 1, 1]]), np.array([[1, 1, 1, 0]])) == 0.5


def test_dict_and_vector_round_trip(rng):
    parameters = random_parameters([3, 2, 1], rng)
    keys = ["W1", "b1", "W2", "b2"]
    theta = nn.dict_to_vector(parameters, keys)
    assert theta.shape == (3 * 2 + 2 + 2 + 1, 1)
    back = nn.vector_to_dict(theta, {k: parameters[k].shape for k in keys})
    for key in keys:
        np.testing.assert_array_equal(back[key], parameters[key])


def test_vector_to_dict_rejects_a_vector_of_the_wrong_length():
    with pytest.raises(ValueError, match="theta has 5 entries but the shapes need 6"):
        nn.vector_to_dict(np.zeros((5, 1)), {"W1": (2, 3)})


def he_like(layers_dims, rng):
    return {key: value for l in range(1, len(layers_dims)) for key, value in (
        (f"W{l}", rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2 / layers_dims[l - 1])),
        (f"b{l}", np.zeros((layers_dims[l], 1))))}


def blobs(rng, m=60):
    X = rng.standard_normal((2, m))
    return X, (X[0:1] + X[1:2] > 0).astype(int)


def test_train_lowers_the_cost_and_records_it(rng, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    X, Y = blobs(rng)
    parameters, costs = nn.train(X, Y, [2, 4, 3, 1], he_like, learning_rate=0.1, num_iterations=500,
                                 record_every=50, rng=np.random.default_rng(1))
    assert len(costs) == 10
    assert costs[-1] < 0.5 * costs[0]
    assert nn.accuracy(nn.predict(X, parameters), Y) > 0.9


def test_train_is_repeatable_with_the_same_rng(rng, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    X, Y = blobs(rng)
    runs = [nn.train(X, Y, [2, 4, 3, 1], he_like, num_iterations=20, rng=np.random.default_rng(5))[1] for _ in range(2)]
    assert runs[0] == runs[1]


def test_train_passes_rng_only_to_initializers_that_take_it(rng, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    X, Y = blobs(rng)
    zeros = lambda layers_dims: {k: v * 0 for k, v in he_like(layers_dims, np.random.default_rng(0)).items()}
    _, costs = nn.train(X, Y, [2, 4, 3, 1], zeros, num_iterations=10)
    assert costs[0] == pytest.approx(np.log(2))


def test_train_uses_the_given_batches_update_and_schedule(rng, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    X, Y = blobs(rng, m=10)
    seen = []

    def halves(X, Y, rng):
        return [(X[:, :5], Y[:, :5]), (X[:, 5:], Y[:, 5:])]

    def update(parameters, grads, learning_rate):
        seen.append(learning_rate)
        return nn.gradient_descent(parameters, grads, learning_rate)

    nn.train(X, Y, [2, 4, 3, 1], he_like, batches=halves, update=update, learning_rate=lambda epoch: 1.0 / (1 + epoch),
             num_iterations=3, rng=rng)
    assert seen == [1.0, 1.0, 0.5, 0.5, 1 / 3, 1 / 3]


def test_train_is_shortened_and_silent_while_nbgrader_runs(rng, monkeypatch, capsys):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    X, Y = blobs(rng)
    _, costs = nn.train(X, Y, [2, 4, 3, 1], he_like, num_iterations=10 * nn.GRADING_ITERATION_CAP, record_every=1, rng=rng)
    out, err = capsys.readouterr()
    assert len(costs) == nn.GRADING_ITERATION_CAP
    assert "training shortened" in out
    assert err == ""


def test_train_shows_progress_on_stdout_only(rng, monkeypatch, capsys):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    X, Y = blobs(rng)
    nn.train(X, Y, [2, 4, 3, 1], he_like, num_iterations=5, rng=rng, label="demo")
    out, err = capsys.readouterr()
    assert "demo" in out
    assert err == ""


def test_train_calls_the_callback_at_every_recorded_epoch(rng, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    X, Y = blobs(rng)
    seen = []
    nn.train(X, Y, [2, 4, 3, 1], he_like, num_iterations=25, record_every=10, rng=rng,
             callback=lambda epoch, parameters: seen.append((epoch, sorted(parameters))))
    assert [epoch for epoch, _ in seen] == [0, 10, 20]
    assert seen[0][1] == ["W1", "W2", "W3", "b1", "b2", "b3"]


def test_sigmoid_network_trains_a_logistic_regression(rng, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    X, Y = blobs(rng)
    forward, backward = nn.sigmoid_network()
    zeros = lambda dims: {"W1": np.zeros((1, 2)), "b1": np.zeros((1, 1))}
    parameters, costs = nn.train(X, Y, [2, 1], zeros, forward=forward, backward=backward, learning_rate=0.5,
                                 num_iterations=200, record_every=50)
    assert costs[0] == pytest.approx(np.log(2)) and costs[-1] < 0.3
    assert nn.accuracy(nn.predict(X, parameters, forward), Y) >= 0.9


def test_sigmoid_network_backward_matches_numerical_gradient(rng):
    X, Y = rng.standard_normal((3, 5)), (rng.random((2, 5)) > 0.5).astype(float)
    parameters = random_parameters([3, 4, 2], rng)
    forward, backward = nn.sigmoid_network("tanh")
    grads = backward(X, Y, forward(X, parameters)[1])
    cost = lambda: nn.compute_cost(forward(X, parameters)[0], Y)
    for key in parameters:
        assert relative_error(grads["d" + key], numerical_gradient(cost, parameters[key])) < 1e-6, key
