"""Mistakes students make in assignment 03 (mutants) and valid rewrites (variants).

Each is an edit of the source notebook's solution cell, so that no second copy of a
solution exists: a mutant must lose the exercise's points, a variant must keep them.
"""

from autograder.submissions import Edit

# ----- numerical_derivative ----------------------------------------------------------------------
ND_LOOP = """    grad_approx = np.zeros_like(theta)
    for index in np.ndindex(theta.shape):
        theta_plus = theta.copy()
        theta_plus[index] += epsilon
        if method == "centered":
            theta_minus = theta.copy()
            theta_minus[index] -= epsilon
            grad_approx[index] = (f(theta_plus) - f(theta_minus)) / (2 * epsilon)
        else:
            grad_approx[index] = (f(theta_plus) - f(theta)) / epsilon
"""
ND_IN_PLACE = """    grad_approx = np.zeros_like(theta)
    f_theta = f(theta) if method == "forward" else None
    for index in np.ndindex(theta.shape):
        original = theta[index]
        theta[index] = original + epsilon
        f_plus = f(theta)
        if method == "centered":
            theta[index] = original - epsilon
            grad_approx[index] = (f_plus - f(theta)) / (2 * epsilon)
        else:
            grad_approx[index] = (f_plus - f_theta) / epsilon
        theta[index] = original
"""

# ----- relative_difference -------------------------------------------------------------------------
RD_NUMERATOR = "numerator = np.linalg.norm(np.subtract(grad, grad_approx))"
RD_DENOMINATOR = "denominator = np.linalg.norm(grad) + np.linalg.norm(grad_approx)"
RD_GUARD = """    if denominator == 0:
        return 0.0
"""

# ----- gradient_check ----------------------------------------------------------------------------
GC_GRAD = "grad = 3 * x * theta ** 2"
GC_APPROX = "grad_approx = numerical_derivative(lambda t: x * t ** 3, theta, epsilon)"
GC_RETURN = "return relative_difference(grad, grad_approx)"

# ----- gradient_check_n --------------------------------------------------------------------------
GN_GRAD = 'grad = nn.dict_to_vector(gradients, ["d" + key for key in keys])'
GN_COST = "return forward(X, Y, nn.vector_to_dict(theta, shapes))[0]"
GN_APPROX = "grad_approx = numerical_derivative(cost_of, theta, epsilon)"

# ----- locate_gradient_bug -----------------------------------------------------------------------
LB_DIFFERENCES = 'differences = {"d" + key: relative_difference(gradients["d" + key], numerical[key]) for key in keys}'
LB_RETURN = "return max(differences, key=differences.get)"

# ----- backward_propagation_n_fixed ----------------------------------------------------------------
BP_BODY = """    dZ = A3 - Y
    gradients = {"dW3": dZ @ A2.T / m, "db3": dZ.mean(axis=1, keepdims=True)}
    dZ = (W3.T @ dZ) * (Z2 > 0)
    gradients["dW2"] = dZ @ A1.T / m
    gradients["db2"] = dZ.mean(axis=1, keepdims=True)
    dZ = (W2.T @ dZ) * (1 - A1 ** 2)
    gradients["dW1"] = dZ @ X.T / m
    gradients["db1"] = dZ.mean(axis=1, keepdims=True)
    return gradients"""
BP_PROVIDED_FIXED = """    dZ3 = A3 - Y
    dW3 = 1.0 / m * np.dot(dZ3, A2.T)
    db3 = 1.0 / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (Z2 > 0)
    dW2 = 1.0 / m * np.dot(dZ2, A1.T)
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (1 - A1 ** 2)
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)

    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dZ1": dZ1, "dW1": dW1, "db1": db1}"""

MUTANTS = [
    Edit("numerical_derivative", "centered difference divided by epsilon instead of 2 epsilon",
         (("/ (2 * epsilon)", "/ epsilon"),), named_by="you divided by epsilon, not by 2 * epsilon"),
    Edit("numerical_derivative", "perturbs every entry at once",
         (("theta_plus[index] += epsilon", "theta_plus += epsilon"),
          ("theta_minus[index] -= epsilon", "theta_minus -= epsilon")),
         named_by="you moved the whole theta by epsilon"),
    Edit("numerical_derivative", "forgets .copy(): theta_plus and theta_minus are theta itself",
         (("theta_plus = theta.copy()", "theta_plus = theta"), ("theta_minus = theta.copy()", "theta_minus = theta")),
         named_by="f was evaluated twice at the same point"),
    Edit("numerical_derivative", "misspelled method name: always the forward difference",
         (('if method == "centered":', 'if method == "central":'),), named_by="(check how you spell it)"),
    Edit("numerical_derivative", "forward difference looks backwards",
         (("(f(theta_plus) - f(theta)) / epsilon", "(f(theta) - f(theta - epsilon)) / epsilon"),),
         named_by="the backward difference"),
    Edit("numerical_derivative", "perturbs theta in place and never restores it",
         ((ND_LOOP, ND_IN_PLACE.replace("        theta[index] = original\n", "")),),
         named_by="changing theta in place without restoring it"),
    Edit("numerical_derivative", "loops over the rows of theta only",
         (("for index in np.ndindex(theta.shape):", "for index in range(theta.shape[0]) if theta.ndim else [()]:"),),
         named_by="you moved a row of theta at a time"),
    Edit("relative_difference", "denominator is the norm of the sum", ((RD_DENOMINATOR,
         "denominator = np.linalg.norm(np.add(grad, grad_approx))"),),
         named_by="||grad + grad_approx||, the norm of the sum"),
    Edit("relative_difference", "no guard against 0 / 0", ((RD_GUARD, ""),),
         named_by="when it is 0, return 0.0 before dividing"),
    Edit("relative_difference", "divides by the norm of grad only",
         ((RD_DENOMINATOR, "denominator = np.linalg.norm(grad)"),), named_by="divided by ||grad|| alone, not by"),
    Edit("relative_difference", "squared norms", ((RD_NUMERATOR, "numerator = np.sum(np.subtract(grad, grad_approx) ** 2)"),
                                                   (RD_DENOMINATOR, "denominator = np.sum(np.square(grad)) + np.sum(np.square(grad_approx))")),
         named_by="the same ratio with every norm squared"),
    Edit("relative_difference", "adds 1e-8 to the denominator instead of testing for zero",
         ((RD_GUARD, ""), (RD_DENOMINATOR, RD_DENOMINATOR + " + 1e-8")), named_by="add no constant to the denominator"),
    Edit("relative_difference", "treats a denominator within np.isclose of 0 as zero",
         (("if denominator == 0:", "if np.isclose(denominator, 0):"),), named_by="not np.isclose"),
    Edit("relative_difference", "divides by the larger of the two norms",
         ((RD_DENOMINATOR, "denominator = max(np.linalg.norm(grad), np.linalg.norm(grad_approx))"),),
         named_by="max(||grad||, ||grad_approx||), the larger norm"),
    Edit("gradient_check", "analytic gradient x, as for the linear J(theta) = theta * x", ((GC_GRAD, "grad = x"),),
         named_by="one of your gradients is x, the derivative of x * theta"),
    Edit("gradient_check", "analytic gradient without the input x", ((GC_GRAD, "grad = 3 * theta ** 2"),),
         named_by="one of your two gradients lacks the factor x"),
    Edit("gradient_check", "analytic gradient 3 x theta (power rule applied wrongly)", ((GC_GRAD, "grad = 3 * x * theta"),),
         named_by="the power rule gives 3 * x * theta**2"),
    Edit("gradient_check", "J ignores its argument", (("lambda t: x * t ** 3", "lambda t: x * theta ** 3"),),
         named_by="does J use its argument?"),
    Edit("gradient_check", "returns the numerical derivative", ((GC_RETURN, "return grad_approx"),),
         named_by="Yours is the derivative 3 * x * theta**2 itself"),
    Edit("gradient_check", "J(theta) = theta^3 + x", (("lambda t: x * t ** 3", "lambda t: t ** 3 + x"),),
         named_by="one of your two gradients lacks the factor x"),
    Edit("gradient_check", "one-sided (forward) difference",
         ((GC_APPROX, 'grad_approx = numerical_derivative(lambda t: x * t ** 3, theta, epsilon, method="forward")'),),
         named_by="the error of the one-sided (forward) difference"),
    Edit("gradient_check", "ignores epsilon", ((GC_APPROX, "grad_approx = numerical_derivative(lambda t: x * t ** 3, theta)"),),
         named_by="does not show the step: pass `epsilon` on to numerical_derivative"),
    Edit("gradient_check", "relative difference written inline: nan when both gradients are zero",
         ((GC_RETURN, "return float(np.linalg.norm(grad - grad_approx) / (np.linalg.norm(grad) + np.linalg.norm(grad_approx)))"),),
         named_by="0 / 0 gives nan (or ZeroDivisionError)"),
    Edit("gradient_check", "relative difference written inline with Python floats: ZeroDivisionError at x = 0",
         ((GC_RETURN, "return abs(grad - grad_approx) / (abs(grad) + abs(grad_approx))"),),
         named_by="0 / 0 gives nan (or ZeroDivisionError)"),
    Edit("gradient_check_n", "rolls the gradients in their own key order",
         ((GN_GRAD, "grad = nn.dict_to_vector(gradients, list(gradients))"),),
         named_by="roll the gradients in that same order"),
    Edit("gradient_check_n", "ignores the forward argument",
         ((GN_COST, "return forward_propagation_n(X, Y, nn.vector_to_dict(theta, shapes))[0]"),),
         named_by="not with forward_propagation_n directly"),
    Edit("gradient_check_n", "ignores epsilon", ((GN_APPROX, "grad_approx = numerical_derivative(cost_of, theta)"),),
         named_by="does not show the step: pass `epsilon` on to numerical_derivative"),
    Edit("gradient_check_n", "one-sided differences",
         ((GN_APPROX, 'grad_approx = numerical_derivative(cost_of, theta, epsilon, method="forward")'),),
         named_by="is what one-sided (forward) differences give"),
    Edit("gradient_check_n", "writes out the six keys of the notebook's network",
         (("keys = list(parameters)", 'keys = ["W1", "b1", "W2", "b2", "W3", "b3"]'),),
         named_by="do not write the six keys out"),
    Edit("gradient_check_n", "returns the distance, not the relative difference",
         (("return relative_difference(grad, grad_approx)", "return float(np.linalg.norm(grad - grad_approx))"),),
         named_by="= ||dW2|| = 0.584, the distance"),
    Edit("locate_gradient_bug", "ranks the blocks by the distance ||g - n||, not the relative difference",
         ((LB_DIFFERENCES, 'differences = {"d" + key: np.linalg.norm(gradients["d" + key] - numerical[key]) '
                           'for key in keys}'),), named_by="not by the distance ||g - n|| alone"),
    Edit("locate_gradient_bug", "divides the distance by the norm of the numerical block only",
         ((LB_DIFFERENCES, 'differences = {"d" + key: np.linalg.norm(gradients["d" + key] - numerical[key]) '
                           '/ np.linalg.norm(numerical[key]) for key in keys}'),),
         named_by="did you divide by the norm of the numerical block only?"),
    Edit("locate_gradient_bug", "divides the distance by the norm of the analytic block only",
         ((LB_DIFFERENCES, 'differences = {"d" + key: np.linalg.norm(gradients["d" + key] - numerical[key]) '
                           '/ np.linalg.norm(gradients["d" + key]) for key in keys}'),),
         named_by="did you divide by the norm of the analytic block only?"),
    Edit("locate_gradient_bug", "returns the parameter key instead of the gradient key",
         ((LB_DIFFERENCES, 'differences = {key: relative_difference(gradients["d" + key], numerical[key]) for key in keys}'),),
         named_by="Return the key of the gradient, with its 'd' prefix."),
    Edit("locate_gradient_bug", "the smallest difference instead of the largest",
         ((LB_RETURN, "return min(differences, key=differences.get)"),),
         named_by="did you take the SMALLEST relative difference (min)"),
    Edit("locate_gradient_bug", "stops at the first block above 1e-7",
         ((LB_RETURN, "return next(key for key, value in differences.items() if value > 1e-7)"),),
         named_by="not the first one above 1e-7"),
    Edit("locate_gradient_bug", "pairs the parameter keys with the gradients in their own order",
         ((LB_DIFFERENCES, 'differences = {"d" + key: relative_difference(g, numerical[key]) '
                           'for key, g in zip(keys, gradients.values())}'),),
         named_by="Look each gradient up by its key"),
    Edit("backward_propagation_n_fixed", "fixes db1 only: dW2 keeps its factor 2",
         (('gradients["dW2"] = dZ @ A1.T / m', 'gradients["dW2"] = 2 * dZ @ A1.T / m'),),
         named_by="Your dW2 is 2 times the right value in every entry"),
    Edit("backward_propagation_n_fixed", "fixes dW2 only: db1 keeps the missing 1/m",
         (('gradients["db1"] = dZ.mean(axis=1, keepdims=True)', 'gradients["db1"] = dZ.sum(axis=1, keepdims=True)'),),
         named_by="Your db1 is 3 times the right value in every entry"),
    Edit("backward_propagation_n_fixed", "tanh derivative from Z1 instead of A1",
         (("(1 - A1 ** 2)", "(1 - Z1 ** 2)"),), named_by="what the tanh derivative 1 - Z1**2 gives"),
    Edit("backward_propagation_n_fixed", "ReLU derivative forgotten", ((" * (Z2 > 0)", ""),),
         named_by="a backward pass without the ReLU's derivative"),
    Edit("backward_propagation_n_fixed", "1/m forgotten in db3",
         (('"db3": dZ.mean(axis=1, keepdims=True)', '"db3": dZ.sum(axis=1, keepdims=True)'),),
         named_by="Your db3 is 3 times the right value in every entry"),
]

VARIANTS = [
    Edit("numerical_derivative", "perturbs theta in place and restores the saved value", ((ND_LOOP, ND_IN_PLACE),)),
    Edit("numerical_derivative", "adds a step vector that is zero except at index",
         (("theta_plus = theta.copy()\n        theta_plus[index] += epsilon",
           "step = np.zeros_like(theta)\n        step[index] = epsilon\n        theta_plus = theta + step"),
          ("theta_minus = theta.copy()\n            theta_minus[index] -= epsilon", "theta_minus = theta - step"))),
    Edit("numerical_derivative", "returns a 0-d array for a number",
         (("return float(grad_approx) if grad_approx.ndim == 0 else grad_approx", "return grad_approx"),)),
    Edit("relative_difference", "norms written out as square roots of sums",
         ((RD_NUMERATOR, "numerator = np.sqrt(np.sum((np.asarray(grad) - np.asarray(grad_approx)) ** 2))"),
          (RD_DENOMINATOR, "denominator = np.sqrt(np.sum(np.square(grad))) + np.sqrt(np.sum(np.square(grad_approx)))"))),
    Edit("relative_difference", "returns 0 when the numerator is 0",
         (("if denominator == 0:", "if numerator == 0:"),)),
    Edit("relative_difference", "guard written as a conditional expression",
         ((RD_GUARD, ""), ("return float(numerator / denominator)",
                           "return float(numerator / denominator) if denominator > 0 else 0.0"))),
    Edit("gradient_check", "centered difference written inline",
         ((GC_APPROX, "grad_approx = (x * (theta + epsilon) ** 3 - x * (theta - epsilon) ** 3) / (2 * epsilon)"),)),
    Edit("gradient_check", "J as a named inner function",
         ((GC_APPROX, "def J(t):\n        return x * t ** 3\n    grad_approx = numerical_derivative(J, theta, epsilon)"),)),
    Edit("gradient_check", "relative difference written inline, 0 when both gradients are zero",
         ((GC_RETURN, "denominator = abs(grad) + abs(grad_approx)\n"
                      "    return abs(grad - grad_approx) / denominator if denominator > 0 else 0.0"),)),
    Edit("gradient_check", "relative_difference with its arguments swapped", ((GC_RETURN, "return relative_difference(grad_approx, grad)"),)),
    Edit("gradient_check", "analytic gradient written x * 3 * theta * theta", ((GC_GRAD, "grad = x * 3 * theta * theta"),)),
    Edit("gradient_check_n", "keys in sorted order",
         (("keys = list(parameters)", "keys = sorted(parameters)"),)),
    Edit("gradient_check_n", "own loop of centered differences",
         ((GN_APPROX, "grad_approx = np.zeros_like(theta)\n"
                      "    for i in range(theta.shape[0]):\n"
                      "        plus, minus = theta.copy(), theta.copy()\n"
                      "        plus[i, 0] += epsilon\n"
                      "        minus[i, 0] -= epsilon\n"
                      "        grad_approx[i, 0] = (cost_of(plus) - cost_of(minus)) / (2 * epsilon)"),)),
    Edit("gradient_check_n", "rolls with np.concatenate of raveled arrays",
         ((GN_GRAD, 'grad = np.concatenate([np.ravel(gradients["d" + key]) for key in keys]).reshape(-1, 1)'),)),
    Edit("locate_gradient_bug", "explicit loop keeping the worst block",
         ((LB_DIFFERENCES + "\n    " + LB_RETURN,
           "worst, largest = None, -1.0\n"
           "    for key in keys:\n"
           '        difference = relative_difference(gradients["d" + key], numerical[key])\n'
           "        if difference > largest:\n"
           '            worst, largest = "d" + key, difference\n'
           "    return worst"),)),
    Edit("locate_gradient_bug", "relative difference of each block written out",
         ((LB_DIFFERENCES, 'differences = {}\n'
                           '    for key in keys:\n'
                           '        g, n = gradients["d" + key], numerical[key]\n'
                           '        differences["d" + key] = np.linalg.norm(g - n) / (np.linalg.norm(g) + np.linalg.norm(n))'),)),
    Edit("locate_gradient_bug", "np.argmax over a list",
         ((LB_RETURN, "names = list(differences)\n    return names[int(np.argmax([differences[k] for k in names]))]"),)),
    Edit("backward_propagation_n_fixed", "the provided code with its two bugs fixed", ((BP_BODY, BP_PROVIDED_FIXED),)),
    Edit("backward_propagation_n_fixed", "ReLU mask from A2 and the helpers' tanh_backward",
         ((" * (Z2 > 0)", " * (A2 > 0)"), ("dZ = (W2.T @ dZ) * (1 - A1 ** 2)", "dZ = nn.tanh_backward(W2.T @ dZ, Z1)"))),
    Edit("backward_propagation_n_fixed", "divides dZ3 by m once, and no 1/m after",
         (('dZ = A3 - Y\n    gradients = {"dW3": dZ @ A2.T / m, "db3": dZ.mean(axis=1, keepdims=True)}',
           'dZ = (A3 - Y) / m\n    gradients = {"dW3": dZ @ A2.T, "db3": dZ.sum(axis=1, keepdims=True)}'),
          ('gradients["dW2"] = dZ @ A1.T / m', 'gradients["dW2"] = dZ @ A1.T'),
          ('gradients["db2"] = dZ.mean(axis=1, keepdims=True)', 'gradients["db2"] = dZ.sum(axis=1, keepdims=True)'),
          ('gradients["dW1"] = dZ @ X.T / m', 'gradients["dW1"] = dZ @ X.T'),
          ('gradients["db1"] = dZ.mean(axis=1, keepdims=True)', 'gradients["db1"] = dZ.sum(axis=1, keepdims=True)'))),
    Edit("backward_propagation_n_fixed", "np.sum divided by m for the biases",
         (('"db3": dZ.mean(axis=1, keepdims=True)', '"db3": np.sum(dZ, axis=1, keepdims=True) / m'),
          ('gradients["db2"] = dZ.mean(axis=1, keepdims=True)', 'gradients["db2"] = np.sum(dZ, axis=1, keepdims=True) / m'),
          ('gradients["db1"] = dZ.mean(axis=1, keepdims=True)', 'gradients["db1"] = np.sum(dZ, axis=1, keepdims=True) / m'))),
]

#: The mistakes of the example submission "mistakes" (functions no other exercise calls).
EXAMPLE_MISTAKES = [
    next(m for m in MUTANTS if m.description == "fixes dW2 only: db1 keeps the missing 1/m"),
    next(m for m in MUTANTS if m.description == "the smallest difference instead of the largest"),
]
