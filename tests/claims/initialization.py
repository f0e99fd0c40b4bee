"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py)."""

RANDOM, SMALL, LARGE = "random (scale 10)", "random, scale 0.05 (too small)", "random, scale 0.2 (too large)"

#: Parameters of the 3-layer network with every weight drawn with std 10 from ``rng``, written out so
#: that the claim of section 2 does not depend on the student's function.
_SCALE_10 = ("(lambda rng: {key: (10 * rng.standard_normal(shape) if key[0] == 'W' else np.zeros(shape)) "
             "for key, shape in [('W1', (10, 2)), ('b1', (10, 1)), ('W2', (5, 10)), ('b2', (5, 1)), "
             "('W3', (1, 5)), ('b3', (1, 1))]})")


def _first_outputs(initialize):
    """The outputs (1, m) of the network at the start of the training run from ``initialize``."""
    return (f"nn.forward_propagation(X_train, {initialize}(layers_dims, rng=np.random.default_rng(1)))[0]")


def _factor(direction, activation, name):
    """The average factor per layer of a spread: forward from layer 1 to 50, backward from 50 down to 1."""
    stds = f"{direction}[{activation!r}][{name!r}]"
    start, end = (f"{stds}[0]", f"{stds}[-1]") if direction == "forward" else (f"{stds}[-1]", f"{stds}[0]")
    return f"signal_propagation.per_layer_factor({start}, {end}, 49)"


def _both_factors_between(activation, name, low, high):
    return " and ".join(f"{low} < {_factor(direction, activation, name)} < {high}"
                        for direction in ("forward", "backward"))


#: He's parameters of the 3-layer network, drawn with seed 0, for the claims on scaling every weight.
_HE = "initialize_parameters_he(layers_dims, rng=np.random.default_rng(0))"

#: The norm of all weight gradients at the start of the sweep's run with multiplier ``k`` and ``seed``.
_START_GRADIENT = ("(lambda P: np.sqrt(sum(np.sum(g ** 2) for key, g in nn.backward_propagation(X_train, Y_train, "
                   "nn.forward_propagation(X_train, P)[1]).items() if key.startswith('dW'))))"
                   "(he_with_variance_times(k)(layers_dims, np.random.default_rng(seed)))")


def _mean(quantity, k):
    return f"np.mean({quantity}[{k}])"


def _range(direction, activation, name):
    """How many times larger the largest std of a curve is than its smallest."""
    stds = f"{direction}[{activation!r}][{name!r}]"
    return f"(max({stds}) / min({stds}))"


CLAIMS = [
    # section 2: large random weights, before any training
    ("the pre-activation $z^{[3]}$ of the output is huge (on this data, typically hundreds or thousands)",
     (f"all(100 < np.median(np.abs(nn.forward_propagation(X_train, {_SCALE_10}(np.random.default_rng(seed)))[1][8]))"
      f" < 1e4 for seed in range(5))")),
    # section 5: training from three starting points
    ("the cost stays at $\\log 2 \\approx 0.693$", "max(abs(c - np.log(2)) for c in costs['zeros']) < 1e-9"),
    ("the table shows 50%: every prediction is the same class",
     ("accuracies['zeros'] == [0.5, 0.5] and all(np.unique(nn.predict(X, trained['zeros'])).size == 1 "
      "for X in (X_train, X_test))")),
    ("Large random weights start at a cost above 10", f"costs[{RANDOM!r}][0] > 10"),
    ("most outputs are within a hair of 0 or 1",
     f"np.mean(np.abs({_first_outputs('initialize_parameters_random')} - 0.5) > 0.5 - 1e-4) > 0.8"),
    ("The cost falls fast for a few hundred iterations, then crawls and is still above 0.3 at the end",
     (f"costs[{RANDOM!r}][5] < 0.5 and costs[{RANDOM!r}][5] - costs[{RANDOM!r}][-1] < 0.15 "
      f"and costs[{RANDOM!r}][-1] > 0.3")),
    ("both accuracies are far below He's",
     f"all(accuracies['He'][k] - accuracies[{RANDOM!r}][k] > 0.1 for k in (0, 1))"),
    ("He starts at a cost near 0.69 too", "abs(costs['He'][0] - np.log(2)) < 0.01"),
    ("its weights are small enough to leave every output near 0.5",
     f"np.max(np.abs({_first_outputs('initialize_parameters_he')} - 0.5)) < 0.1"),
    ("the cost hardly moves for the first few thousand iterations (still above 0.6 at iteration 5,000)",
     "costs['He'][20] > 0.68 and costs['He'][50] > 0.6"),
    ("then falls steeply to below 0.1", "costs['He'][100] < 0.25 and costs['He'][-1] < 0.1"),
    ("He reaches above 95% on the test set", "accuracies['He'][1] > 0.95"),
    # section 6: the 50-layer network, ReLU
    ("the two rows mirror each other",
     ("all(abs(np.log(signal_propagation.per_layer_factor(forward['relu'][n][0], forward['relu'][n][-1], 49) "
      "/ signal_propagation.per_layer_factor(backward['relu'][n][-1], backward['relu'][n][0], 49))) < 0.05 "
      "for n in deep_parameters)")),
    ("multiplies the spread by about 1.4 (close to $\\sqrt 2$) per layer in both directions",
     _both_factors_between("relu", LARGE, 1.35, 1.45)),
    ("the activations at layer 50 and the gradient at layer 1 are both above ten million",
     f"forward['relu'][{LARGE!r}][-1] > 1e7 and backward['relu'][{LARGE!r}][0] > 1e7"),
    ("shrinks both to about a third per layer, to practically zero (below 1e-20)",
     (_both_factors_between("relu", SMALL, 0.3, 0.4)
      + f" and forward['relu'][{SMALL!r}][-1] < 1e-20 and backward['relu'][{SMALL!r}][0] < 1e-20")),
    ("Xavier shrinks both too, by a factor of about 0.7 per layer", _both_factors_between("relu", "Xavier", 0.65, 0.75)),
    ("Only He keeps both within the same order of magnitude from the first layer to the fiftieth",
     ("all((max(forward['relu'][n]) / min(forward['relu'][n]) < 10 "
      "and max(backward['relu'][n]) / min(backward['relu'][n]) < 10) == (n == 'He') for n in deep_parameters)")),
    # section 6: tanh
    ("the too-small scale halves the spread at every layer, forward and backward",
     _both_factors_between("tanh", SMALL, 0.45, 0.55)),
    ("std about 0.7 at layer 50 for the scale 0.2", f"abs(forward['tanh'][{LARGE!r}][-1] - 0.7) < 0.1"),
    ("only about 7% of the activations are beyond $\\pm 0.99$", f"abs(saturated[{LARGE!r}] - 0.07) < 0.02"),
    ("where the slope of tanh drops below 0.02", "1 - np.tanh(np.arctanh(0.99)) ** 2 < 0.02"),
    ("it grows by about 16% per layer on the way down, over a thousand times from layer 50 to layer 1",
     (f"1.13 < {_factor('backward', 'tanh', LARGE)} < 1.19 "
      f"and backward['tanh'][{LARGE!r}][0] / backward['tanh'][{LARGE!r}][-1] > 1000")),
    ("even He's scale, meant for ReLU, makes it grow about tenfold",
     "6 < backward['tanh']['He'][0] / backward['tanh']['He'][-1] < 15"),
    # dW[1] and dW[50] of the tanh network with the scale 0.2, for the gradient the notebook sends in at the top
    ("The weight gradients $dW^{[l]}$ of the first layers grow with it",
     ("(lambda AL, caches: (lambda grads: np.linalg.norm(grads['dW1']) / np.linalg.norm(grads['dW50']) > 300)("
      "nn.l_layer_backward(nn.tanh_backward(np.random.default_rng(3).standard_normal(AL.shape), caches[-1][1]), "
      f"caches, 'tanh')))(*nn.l_layer_forward(X_deep, deep_parameters[{LARGE!r}], 'tanh', 'tanh'))")),
    ("since the activations they multiply stay about the same size",
     f"all(0.5 < s < 1 for s in forward['tanh'][{LARGE!r}])"),
    ("Xavier keeps the gradient within a factor of about 6 over 50 layers",
     f"4 < {_range('backward', 'tanh', 'Xavier')} < 8"),
    ("its activations slowly shrink to about 0.1 at layer 50",
     "abs(forward['tanh']['Xavier'][-1] - 0.1) < 0.03 and 0.95 < " + _factor("forward", "tanh", "Xavier") + " < 1"),
    # summary
    ("a cost above 10 here", f"costs[{RANDOM!r}][0] > 10"),
    # section 7: the variance as a hyperparameter
    ("multiplies the output's pre-activation $z^{[3]}$ at the start by $\\sqrt{k}^{\\,3}$",
     ("(lambda P: all(np.allclose(nn.forward_propagation(X_train, {key: np.sqrt(k) * v for key, v in P.items()})[1][8], "
      f"np.sqrt(k) ** 3 * nn.forward_propagation(X_train, P)[1][8]) for k in (0.25, 4)))({_HE})")),
    ("$k = 4$ makes $z^{[3]}$ 8 times larger and $k = 1/4$ 8 times smaller", "np.sqrt(4) ** 3 == 8 == 1 / np.sqrt(0.25) ** 3"),
    # with ReLU in every layer and zero biases, doubling every weight of the 50 layers doubles each layer's output
    ("where 50 layers would have turned the factor 2 on the weights into $2^{50}$",
     ("np.isclose(activation_stds(X_deep, {key: 2 * v for key, v in deep_parameters['He'].items()}, 'relu')[-1], "
      "2 ** 50 * forward['relu']['He'][-1], rtol=1e-9)")),
    ("about 11,000 iterations with $k = 1/4$, about 5,900 with He's own variance and about 3,600 with $k = 4$",
     (f"abs({_mean('plateau', 0.25)} - 11000) < 800 and abs({_mean('plateau', 1)} - 5900) < 500 "
      f"and abs({_mean('plateau', 4)} - 3600) < 500")),
    ("each doubling of $k$ shortens the plateau", "np.all(np.diff([np.mean(plateau[k]) for k in multipliers]) < 0)"),
    ("because larger weights give larger gradients",
     f"all(np.all(np.diff([{_START_GRADIENT} for k in multipliers]) > 0) for seed in seeds)"),
    ("with a first cost that grows with $k$ (up to about 6.8 for one seed at $k = 4$)",
     ("np.all(np.diff([np.mean(sweep_costs[k][:, 0]) for k in multipliers]) > 0) "
      "and abs(sweep_costs[4][:, 0].max() - 6.8) < 0.3")),
    ("confident mistakes, as in section 2, on a smaller scale",
     f"sweep_costs[4][:, 0].max() < costs[{RANDOM!r}][0]"),
    ("every run from $k = 1/2$ to $k = 4$ reaches 97% to 99% test accuracy",
     "all(0.965 < a < 0.995 for k in (0.5, 1, 2, 4) for a in sweep_accuracies[k])"),
    ("their means lie within about a point of each other",
     "np.ptp([np.mean(sweep_accuracies[k]) for k in (0.5, 1, 2, 4)]) < 0.0125"),
    ("with 100 test points a point is one example", "Y_test.shape[1] == 100"),
    ("Only $k = 1/4$ is still behind (91% to 97%, a final cost of about 0.16 instead of about 0.04 to 0.06)",
     ("abs(min(sweep_accuracies[0.25]) - 0.91) < 0.015 and abs(max(sweep_accuracies[0.25]) - 0.97) < 0.015 "
      "and np.mean(sweep_accuracies[0.25]) < min(np.mean(sweep_accuracies[k]) for k in (0.5, 1, 2, 4)) "
      "and abs(np.mean(sweep_costs[0.25][:, -1]) - 0.16) < 0.03 "
      "and all(0.03 < np.mean(sweep_costs[k][:, -1]) < 0.07 for k in (0.5, 1, 2, 4))")),
    # summary
    ("$k$ from 1/2 to 4 changed how long the start took, hardly where training ended",
     ("np.ptp([np.mean(plateau[k]) for k in (0.5, 1, 2, 4)]) > 3000 "
      "and np.ptp([np.mean(sweep_accuracies[k]) for k in (0.5, 1, 2, 4)]) < 0.0125")),
    ("$k = 1/4$ was still behind after 15,000 iterations",
     "sweep_costs[0.25].shape[1] == 150 and np.mean(sweep_accuracies[0.25]) < 0.96"),
]
