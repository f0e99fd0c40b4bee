"""Mistakes students make in assignment 02 (mutants) and valid rewrites (variants).

Each is an edit of the source notebook's solution cell, so that no second copy of a
solution exists: a mutant must lose the exercise's points, a variant must keep them.
"""

from autograder.submissions import Edit

# ----- Exercise 1: compute_cost_with_regularization ---------------------------------------------
SQUARED = 'np.sum(np.square(parameters[f"W{l}"]))'
SQUARED_LINE = f'squared_weights = sum({SQUARED} for l in (1, 2, 3))'

COST_MUTANTS = [
    Edit("compute_cost_with_regularization", "1/m instead of 1/(2m)", (("lambd / (2 * m)", "lambd / m"),),
         named_by="You multiplied by lambd / m;"),
    Edit("compute_cost_with_regularization", "absolute values (L1) instead of squares", (("np.square(", "np.abs("),),
         named_by="the sum of the ABSOLUTE values"),
    Edit("compute_cost_with_regularization", "Frobenius norm not squared",
         ((SQUARED, 'np.linalg.norm(parameters[f"W{l}"])'),), named_by="the L2 term uses the SQUARED norms"),
    Edit("compute_cost_with_regularization", "W3 left out", (("for l in (1, 2, 3)", "for l in (1, 2)"),),
         named_by="the squares of W3 (4) are missing"),
    Edit("compute_cost_with_regularization", "biases penalized too",
         (("* squared_weights", '* (squared_weights + sum(np.sum(np.square(parameters[f"b{l}"])) for l in (1, 2, 3)))'),),
         named_by="the squared biases (b1, b2, b3: 100) are in your sum"),
    Edit("compute_cost_with_regularization", "returns the L2 term only",
         (("cost = cross_entropy_cost + L2_regularization_cost", "cost = L2_regularization_cost"),),
         named_by="Your cost is the L2 term alone"),
    Edit("compute_cost_with_regularization", "m read from the wrong axis", (("m = Y.shape[1]", "m = Y.shape[0]"),),
         named_by="(Y.shape[1], the columns), is missing"),
    Edit("compute_cost_with_regularization", "lambd / 2 * m: multiplies by m", (("lambd / (2 * m)", "lambd / 2 * m"),),
         named_by="Python reads it as (lambd / 2) * m"),
    Edit("compute_cost_with_regularization", "lambd / 2: m left out", (("lambd / (2 * m)", "lambd / 2"),),
         named_by="You multiplied by lambd / 2: m"),
    Edit("compute_cost_with_regularization", "square of the sum instead of the sum of the squares",
         ((SQUARED, 'np.square(np.sum(parameters[f"W{l}"]))'),), named_by="the squares of the SUMS of the entries"),
    Edit("compute_cost_with_regularization", "mean of the squares instead of their sum",
         ((SQUARED, 'np.mean(np.square(parameters[f"W{l}"]))'),), named_by="the MEANS of the squared entries"),
]

COST_VARIANTS = [
    Edit("compute_cost_with_regularization", "np.linalg.norm squared",
         ((SQUARED, 'np.linalg.norm(parameters[f"W{l}"]) ** 2'),)),
    Edit("compute_cost_with_regularization", "three explicit terms with W * W",
         ((SQUARED_LINE, 'W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]\n'
                         '    squared_weights = np.sum(W1 * W1) + np.sum(W2 * W2) + np.sum(W3 * W3)'),)),
    Edit("compute_cost_with_regularization", "every key that starts with W, m from A3",
         ((SQUARED_LINE, 'squared_weights = sum(np.sum(value ** 2) for key, value in parameters.items() if key.startswith("W"))'),
          ("m = Y.shape[1]", "m = A3.shape[1]"))),
    Edit("compute_cost_with_regularization", "returns a numpy float", (("return float(cost)", "return cost"),)),
]

# ----- Exercise 2: backward_propagation_with_regularization ---------------------------------------
L2_LINES = [f'gradients["dW{l}"] = gradients["dW{l}"] + lambd / m * W{l}' for l in (1, 2, 3)]
MANUAL_L2_BACKWARD = """dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / m + lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dZ2 = np.dot(W3.T, dZ3) * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / m + lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / m + lambd / m * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    gradients = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}"""

L2_BACKWARD_MUTANTS = [
    Edit("backward_propagation_with_regularization", "lambd * W without the 1/m",
         tuple((f"lambd / m * W{l}", f"lambd * W{l}") for l in (1, 2, 3)), named_by="You added lambd * W: divide by m"),
    Edit("backward_propagation_with_regularization", "lambd / (2m) * W: the 2 of the derivative forgotten",
         tuple((f"lambd / m * W{l}", f"lambd / (2 * m) * W{l}") for l in (1, 2, 3)),
         named_by="You added lambd / (2m) * W"),
    Edit("backward_propagation_with_regularization", "dW1 left without the L2 term", ((L2_LINES[0] + "\n    ", ""),),
         named_by="Your dW is the cross-entropy gradient alone"),
    Edit("backward_propagation_with_regularization", "the L2 term added to db as well",
         (("    return gradients", "".join(f'    gradients["db{l}"] = gradients["db{l}"] + lambd / m * b{l}\n'
                                            for l in (1, 2, 3)) + "    return gradients"),),
         named_by="You added lambd / m * b1 to db1"),
    Edit("backward_propagation_with_regularization", "the L2 term subtracted",
         tuple((f"+ lambd / m * W{l}", f"- lambd / m * W{l}") for l in (1, 2, 3)),
         named_by="You subtracted lambd / m * W"),
    Edit("backward_propagation_with_regularization", "W squared in the gradient",
         tuple((f"lambd / m * W{l}", f"lambd / m * W{l} ** 2") for l in (1, 2, 3)),
         named_by="You added lambd / m * W**2"),
    Edit("backward_propagation_with_regularization", "2 lambd / m * W: the 2 of the derivative kept",
         tuple((f"lambd / m * W{l}", f"2 * lambd / m * W{l}") for l in (1, 2, 3)),
         named_by="You added 2 lambd / m * W"),
]

L2_BACKWARD_VARIANTS = [
    Edit("backward_propagation_with_regularization", "+= on the arrays the helper returned",
         tuple((line, f'gradients["dW{l}"] += lambd / m * W{l}') for l, line in zip((1, 2, 3), L2_LINES))),
    Edit("backward_propagation_with_regularization", "a loop over the layers",
         ((L2_LINES[0], 'for l, W in ((1, W1), (2, W2), (3, W3)):\n'
                        '        gradients[f"dW{l}"] = gradients[f"dW{l}"] + lambd / m * W'),
          ("\n    " + L2_LINES[1], ""), ("\n    " + L2_LINES[2], ""))),
    Edit("backward_propagation_with_regularization", "the whole backward pass written out",
         (("gradients = nn.backward_propagation(X, Y, cache)", MANUAL_L2_BACKWARD),
          ("\n    " + L2_LINES[0], ""), ("\n    " + L2_LINES[1], ""), ("\n    " + L2_LINES[2], ""))),
]

# ----- Exercise 3: forward_propagation_with_dropout -------------------------------------------------
DRAW1, DRAW2 = "rng.random(A1.shape) < keep_prob", "rng.random(A2.shape) < keep_prob"
APPLY1, APPLY2 = "A1 = A1 * D1 / keep_prob", "A2 = A2 * D2 / keep_prob"

FORWARD_MUTANTS = [
    Edit("forward_propagation_with_dropout", "kept units not scaled by 1/keep_prob",
         ((APPLY1, "A1 = A1 * D1"), (APPLY2, "A2 = A2 * D2")), named_by="the kept units not scaled"),
    Edit("forward_propagation_with_dropout", "a unit kept with probability 1 - keep_prob",
         ((DRAW1, "rng.random(A1.shape) > keep_prob"), (DRAW2, "rng.random(A2.shape) > keep_prob")),
         named_by="That is 1 - keep_prob"),
    Edit("forward_propagation_with_dropout", "masks drawn from the global numpy state",
         (("rng.random(A1.shape)", "np.random.rand(*A1.shape)"), ("rng.random(A2.shape)", "np.random.rand(*A2.shape)")),
         named_by="not from np.random"),
    Edit("forward_propagation_with_dropout", "a generator with a fixed seed inside the function",
         (("    Z1 = W1 @ X + b1", "    rng = np.random.default_rng(0)\n    Z1 = W1 @ X + b1"),),
         named_by="Do not create a generator with a fixed seed inside the function"),
    Edit("forward_propagation_with_dropout", "one mask per unit, shared by all examples",
         (("rng.random(A1.shape)", "rng.random((A1.shape[0], 1))"), ("rng.random(A2.shape)", "rng.random((A2.shape[0], 1))")),
         named_by="Yours has one draw per unit, shared by all the examples"),
    Edit("forward_propagation_with_dropout", "dropout on the output layer too",
         (("A3, _ = nn.sigmoid(Z3)", "A3, _ = nn.sigmoid(Z3)\n    A3 = A3 * (rng.random(A3.shape) < keep_prob) / keep_prob"),),
         named_by="Your A3 has dropout applied"),
    Edit("forward_propagation_with_dropout", "divided by 1 - keep_prob",
         ((APPLY1, "A1 = A1 * D1 / (1 - keep_prob)"), (APPLY2, "A2 = A2 * D2 / (1 - keep_prob)")),
         named_by="/ (1 - keep_prob): divide by keep_prob"),
    Edit("forward_propagation_with_dropout", "the cache keeps the activations before dropout",
         ((APPLY1 + "\n    Z2 = W2 @ A1 + b2", "Z2 = W2 @ (A1 * D1 / keep_prob) + b2"),
          (APPLY2 + "\n    Z3 = W3 @ A2 + b3", "Z3 = W3 @ (A2 * D2 / keep_prob) + b3")),
         named_by="in the cache is relu(Z1) before dropout"),
    Edit("forward_propagation_with_dropout", "masks from standard normal draws",
         (("rng.random(A1.shape)", "rng.standard_normal(A1.shape)"), ("rng.random(A2.shape)", "rng.standard_normal(A2.shape)")),
         named_by="not with rng.standard_normal"),
    Edit("forward_propagation_with_dropout", "one mask per example, shared by all units",
         (("rng.random(A1.shape)", "rng.random((1, A1.shape[1]))"), ("rng.random(A2.shape)", "rng.random((1, A2.shape[1]))")),
         named_by="Yours has one draw per example, shared by all the units"),
    Edit("forward_propagation_with_dropout", "the division by keep_prob folded into the masks",
         ((f"D1 = {DRAW1}\n    {APPLY1}", f"D1 = ({DRAW1}) / keep_prob\n    A1 = A1 * D1"),
          (f"D2 = {DRAW2}\n    {APPLY2}", f"D2 = ({DRAW2}) / keep_prob\n    A2 = A2 * D2")),
         named_by="you folded the division by keep_prob into the mask"),
]

FORWARD_VARIANTS = [
    Edit("forward_propagation_with_dropout", "binomial 0/1 integer masks",
         ((DRAW1, "rng.binomial(1, keep_prob, size=A1.shape)"), (DRAW2, "rng.binomial(1, keep_prob, size=A2.shape)"))),
    Edit("forward_propagation_with_dropout", "0/1 float masks",
         ((f"D1 = {DRAW1}", f"D1 = ({DRAW1}).astype(float)"), (f"D2 = {DRAW2}", f"D2 = ({DRAW2}).astype(float)"))),
    Edit("forward_propagation_with_dropout", "the mask applied to Z before the ReLU",
         ((f"A1, _ = nn.relu(Z1)\n    D1 = {DRAW1}\n    {APPLY1}",
           "D1 = rng.random(Z1.shape) < keep_prob\n    A1 = np.maximum(0, Z1 * D1) / keep_prob"),
          (f"A2, _ = nn.relu(Z2)\n    D2 = {DRAW2}\n    {APPLY2}",
           "D2 = rng.random(Z2.shape) < keep_prob\n    A2 = np.maximum(0, Z2 * D2) / keep_prob"))),
    Edit("forward_propagation_with_dropout", "np.where and np.dot",
         ((APPLY1, "A1 = np.where(D1, A1 / keep_prob, 0)"), (APPLY2, "A2 = np.where(D2, A2 / keep_prob, 0)"),
          ("Z2 = W2 @ A1 + b2", "Z2 = np.dot(W2, A1) + b2"))),
    Edit("forward_propagation_with_dropout", "a unit kept when its draw is above 1 - keep_prob",
         ((DRAW1, "rng.random(A1.shape) > 1 - keep_prob"), (DRAW2, "rng.random(A2.shape) > 1 - keep_prob"))),
    Edit("forward_propagation_with_dropout", "rng.uniform draws",
         (("rng.random(A1.shape)", "rng.uniform(0, 1, A1.shape)"), ("rng.random(A2.shape)", "rng.uniform(0, 1, A2.shape)"))),
]

# ----- Exercise 4: backward_propagation_with_dropout ------------------------------------------------
MASK2, MASK1 = "dA2 = dA2 * D2 / keep_prob", "dA1 = dA1 * D1 / keep_prob"

BACKWARD_MUTANTS = [
    Edit("backward_propagation_with_dropout", "not divided by keep_prob", ((MASK2, "dA2 = dA2 * D2"), (MASK1, "dA1 = dA1 * D1")),
         named_by="a dropout step without the division by keep_prob"),
    Edit("backward_propagation_with_dropout", "divided by keep_prob without the masks",
         ((MASK2, "dA2 = dA2 / keep_prob"), (MASK1, "dA1 = dA1 / keep_prob")),
         named_by="those of dA / keep_prob without the masks"),
    Edit("backward_propagation_with_dropout", "new masks drawn in the backward pass",
         ((MASK2, "dA2 = dA2 * (np.random.rand(*dA2.shape) < keep_prob) / keep_prob"),
          (MASK1, "dA1 = dA1 * (np.random.rand(*dA1.shape) < keep_prob) / keep_prob"))),
    Edit("backward_propagation_with_dropout", "multiplied by keep_prob instead of divided",
         ((MASK2, "dA2 = dA2 * D2 * keep_prob"), (MASK1, "dA1 = dA1 * D1 * keep_prob")),
         named_by="a dropout step that multiplies by keep_prob"),
    Edit("backward_propagation_with_dropout", "no dropout step in layer 2", (("    " + MASK2 + "\n", ""),),
         named_by="without the dropout step of layer 2"),
    Edit("backward_propagation_with_dropout", "no dropout step at all", (("    " + MASK2 + "\n", ""), ("    " + MASK1 + "\n", "")),
         named_by="without any dropout step"),
    Edit("backward_propagation_with_dropout", "the ReLU derivative left out (the mask taken for it)",
         (("nn.relu_gradient(dA2, Z2)", "dA2"), ("nn.relu_gradient(dA1, Z1)", "dA1")),
         named_by="without the ReLU's derivative"),
]

BACKWARD_VARIANTS = [
    Edit("backward_propagation_with_dropout", "ReLU derivative from the cached A (A > 0)",
         (("nn.relu_gradient(dA2, Z2)", "dA2 * (A2 > 0)"), ("nn.relu_gradient(dA1, Z1)", "dA1 * (A1 > 0)"))),
    Edit("backward_propagation_with_dropout", "mask applied after the ReLU derivative",
         ((MASK2 + "\n    dZ2 = nn.relu_gradient(dA2, Z2)", "dZ2 = nn.relu_gradient(dA2, Z2) * D2 / keep_prob"),
          (MASK1 + "\n    dZ1 = nn.relu_gradient(dA1, Z1)", "dZ1 = nn.relu_gradient(dA1, Z1) * D1 / keep_prob"))),
    Edit("backward_propagation_with_dropout", "np.dot, np.multiply and np.where",
         (("dA2 = W3.T @ dZ3", "dA2 = np.dot(W3.T, dZ3)"), (MASK2, "dA2 = np.multiply(dA2, D2) / keep_prob"),
          (MASK1, "dA1 = np.where(D1, dA1, 0) / keep_prob"))),
]

# ----- Exercise 5: early_stopping ----------------------------------------------------------------------
LOOP = "    for i in range(len(dev_costs)):\n        if dev_costs[i] < dev_costs[best]:\n            best = i\n"
CONSECUTIVE_INCREASES = """    increases = 0
    for i in range(1, len(dev_costs)):
        if dev_costs[i] < dev_costs[best]:
            best = i
        increases = increases + 1 if dev_costs[i] > dev_costs[i - 1] else 0
        if increases == patience:
            return best, i
"""
SINCE_BEST_COUNTER = """    since_best = 0
    for i, cost in enumerate(dev_costs):
        if cost < dev_costs[best]:
            best, since_best = i, 0
        elif i > 0:
            since_best += 1
        if since_best == patience:
            return best, i
"""
PREFIX_ARGMIN = """    for i in range(len(dev_costs)):
        best = int(np.argmin(dev_costs[: i + 1]))
"""

EARLY_STOPPING_MUTANTS = [
    Edit("early_stopping", "a tie replaces the best", (("dev_costs[i] < dev_costs[best]", "dev_costs[i] <= dev_costs[best]"),),
         named_by="Only a strictly lower cost (<) makes a new best"),
    Edit("early_stopping", "stops one record late", (("if i - best == patience:", "if i - best > patience:"),),
         named_by="You stopped one record late"),
    Edit("early_stopping", "stops one record early", (("if i - best == patience:", "if i - best == patience - 1:"),),
         named_by="You stopped one record early"),
    Edit("early_stopping", "counts increases in a row instead of records since the best",
         ((LOOP + "        if i - best == patience:\n            return best, i\n", CONSECUTIVE_INCREASES),),
         named_by="not the number of increases in a row"),
    Edit("early_stopping", "keeps the lowest cost of the whole curve", (("return best, i", "return int(np.argmin(dev_costs)), i"),),
         named_by="not the lowest of the whole curve"),
    Edit("early_stopping", "stop = len(dev_costs) when it never stops",
         (("return best, len(dev_costs) - 1", "return best, len(dev_costs)"),), named_by="is past the last record"),
    Edit("early_stopping", "returns (stop, best)",
         (("return best, i", "return i, best"), ("return best, len(dev_costs) - 1", "return len(dev_costs) - 1, best")),
         named_by="Return the pair in the order (best, stop)"),
    Edit("early_stopping", "tests the patience before updating the best",
         ((LOOP + "        if i - best == patience:\n            return best, i\n",
           ("    for i in range(len(dev_costs)):\n        if i - best == patience:\n            return best, i\n"
            "        if dev_costs[i] < dev_costs[best]:\n            best = i\n")),),
         named_by="Update best before you test the patience"),
    Edit("early_stopping", "list.index of the lowest cost (fails on a numpy array)",
         ((LOOP, "    for i in range(len(dev_costs)):\n        best = dev_costs.index(min(dev_costs[: i + 1]))\n"),),
         named_by="A numpy array has no .index method"),
]

EARLY_STOPPING_VARIANTS = [
    Edit("early_stopping", "a counter of records since the best",
         ((LOOP + "        if i - best == patience:\n            return best, i\n", SINCE_BEST_COUNTER),)),
    Edit("early_stopping", "argmin of the costs so far", ((LOOP, PREFIX_ARGMIN),)),
    Edit("early_stopping", "i - best >= patience", (("if i - best == patience:", "if i - best >= patience:"),)),
    Edit("early_stopping", "enumerate over the costs",
         (("for i in range(len(dev_costs)):\n        if dev_costs[i] < dev_costs[best]:",
           "for i, cost in enumerate(dev_costs):\n        if cost < dev_costs[best]:"),)),
]

# ----- Exercise 6: l1_penalty_and_gradient -----------------------------------------------------------
LAYERS_LINE = "L = nn.layer_count(parameters)"
ABS_SUM = 'np.sum(np.abs(parameters[f"W{l}"]))'
SIGN = 'np.sign(parameters[f"W{l}"])'
PENALTY_FACTOR, GRADIENT_FACTOR = "penalty = lambd / m *", '"dW{l}": lambd / m *'
PENALTY_LINE = f"penalty = lambd / m * sum({ABS_SUM} for l in range(1, L + 1))"
GRADIENT_LINE = f'gradients = {{f"dW{{l}}": lambd / m * {SIGN} for l in range(1, L + 1)}}'
L1_LOOP = """penalty, gradients = 0.0, {}
    for key, W in parameters.items():
        if key.startswith("W"):
            penalty += lambd / m * np.abs(W).sum()
            gradients["d" + key] = lambd / m * np.sign(W)"""

L1_MUTANTS = [
    Edit("l1_penalty_and_gradient", "penalty with lambd / (2m), the factor of the L2 term",
         ((PENALTY_FACTOR, "penalty = lambd / (2 * m) *"),), named_by="the factor of the L2 term"),
    Edit("l1_penalty_and_gradient", "lambd / (2m) in the penalty and the gradient",
         ((PENALTY_FACTOR, "penalty = lambd / (2 * m) *"), (GRADIENT_FACTOR, '"dW{l}": lambd / (2 * m) *')),
         named_by="You used lambd / (2m) * sign(W)"),
    Edit("l1_penalty_and_gradient", "squares (L2) in the penalty", ((ABS_SUM, 'np.sum(np.square(parameters[f"W{l}"]))'),),
         named_by="the sum of the SQUARES"),
    Edit("l1_penalty_and_gradient", "gradient lambd / m * W, that of L2", ((SIGN, 'parameters[f"W{l}"]'),),
         named_by="That is L2's gradient"),
    Edit("l1_penalty_and_gradient", "gradient lambd / m * |W|", ((SIGN, 'np.abs(parameters[f"W{l}"])'),),
         named_by="not |w|"),
    Edit("l1_penalty_and_gradient", "gradient without the 1/m", ((GRADIENT_FACTOR, '"dW{l}": lambd *'),),
         named_by="You used lambd * sign(W): divide by m"),
    Edit("l1_penalty_and_gradient", "penalty without the 1/m", ((PENALTY_FACTOR, "penalty = lambd *"),),
         named_by="You multiplied by lambd alone"),
    Edit("l1_penalty_and_gradient", "three layers, whatever the network", ((LAYERS_LINE, "L = 3"),),
         named_by="not a fixed three layers"),
    Edit("l1_penalty_and_gradient", "biases penalized too",
         ((ABS_SUM, ABS_SUM + ' + np.sum(np.abs(parameters[f"b{l}"]))'),), named_by="penalize the weights W only"),
    Edit("l1_penalty_and_gradient", "np.linalg.norm(W, 1), the largest column sum",
         ((ABS_SUM, 'np.linalg.norm(parameters[f"W{l}"], 1)'),), named_by="is its largest column sum"),
    Edit("l1_penalty_and_gradient", "absolute value of the sum of each matrix",
         ((ABS_SUM, 'np.abs(np.sum(parameters[f"W{l}"]))'),), named_by="take the absolute value of each entry first"),
    Edit("l1_penalty_and_gradient", "W / |W| for the sign: NaN where a weight is 0",
         ((SIGN, 'parameters[f"W{l}"] / np.abs(parameters[f"W{l}"])'),), named_by="is NaN where W = 0"),
    Edit("l1_penalty_and_gradient", "gradients named W1 .. WL instead of dW1 .. dWL", (('f"dW{l}":', 'f"W{l}":'),),
         named_by="Name the keys dW1 .. dWL"),
]

L1_VARIANTS = [
    Edit("l1_penalty_and_gradient", "a loop over the keys that start with W",
         ((f"{LAYERS_LINE}\n    {PENALTY_LINE}\n    {GRADIENT_LINE}", L1_LOOP),)),
    Edit("l1_penalty_and_gradient", "+1 at a weight of 0 (np.where(W >= 0, 1, -1)), a valid subgradient",
         ((SIGN, 'np.where(parameters[f"W{l}"] >= 0, 1.0, -1.0)'),)),
    Edit("l1_penalty_and_gradient", "1-norm of the flattened matrix",
         ((ABS_SUM, 'np.linalg.norm(parameters[f"W{l}"].ravel(), ord=1)'),)),
    Edit("l1_penalty_and_gradient", "L from the number of keys, a numpy float",
         ((LAYERS_LINE, "L = len(parameters) // 2"), ("return float(penalty), gradients", "return penalty, gradients"))),
]

MUTANTS = COST_MUTANTS + L2_BACKWARD_MUTANTS + FORWARD_MUTANTS + BACKWARD_MUTANTS + EARLY_STOPPING_MUTANTS + L1_MUTANTS
VARIANTS = COST_VARIANTS + L2_BACKWARD_VARIANTS + FORWARD_VARIANTS + BACKWARD_VARIANTS + EARLY_STOPPING_VARIANTS + L1_VARIANTS

#: The mistakes of the example submission "mistakes".
EXAMPLE_MISTAKES = [
    next(m for m in MUTANTS if m.description == "lambd / (2m) * W: the 2 of the derivative forgotten"),
    next(m for m in MUTANTS if m.description == "kept units not scaled by 1/keep_prob"),
    next(m for m in MUTANTS if m.description == "gradient lambd / m * W, that of L2"),
]
