"""Visible checks of assignment 03, Gradient checking.

Expected values are closed forms (derivatives of polynomials, relative differences that
follow from a ratio) or fixed numbers computed once for a small network written out
below; no check computes a numerical gradient or a relative difference itself.
"""

import numpy as np

from helpers.checks.core import Checker, student_check
from helpers.gradcheck import GREAT, forward_propagation_n

PARAMETER_KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")
GRADIENT_KEYS = tuple("d" + key for key in PARAMETER_KEYS)

# A network [2, 3, 2, 1] on m = 3 examples, small enough to print, and its exact gradients.
SMALL_X = np.array([[1.0, -0.5, 2.0], [0.5, 1.5, -1.0]])
SMALL_Y = np.array([[1.0, 0.0, 1.0]])
SMALL_PARAMETERS = {
    "W1": np.array([[0.5, -1.0], [1.5, 0.5], [-0.5, 1.0]]), "b1": np.array([[0.1], [-0.2], [0.3]]),
    "W2": np.array([[1.0, -0.5, 0.5], [-1.0, 1.5, 0.5]]), "b2": np.array([[0.2], [0.1]]),
    "W3": np.array([[1.5, -1.0]]), "b3": np.array([[0.2]]),
}
SMALL_GRADIENTS = {
    "dW1": np.array([[-0.3055859291803874, -0.09227880003572843], [0.15280835732448358, -0.1709439916865384],
                     [0.11327774603838159, 0.060093731989558384]]),
    "db1": np.array([[-0.2677326316902549], [-0.05066570722489022], [0.1132297009232928]]),
    "dW2": np.array([[-0.19623755173003507, -0.19818778242009563, 0.1891514447606645],
                     [0.2392946179062946, 0.38981864233284996, -0.13520458642332625]]),
    "db2": np.array([[-0.20221254070019903], [0.30911346726414]]),
    "dW3": np.array([[-0.028673630853129854, -0.3087423991077311]]),
    "db3": np.array([[-0.30911346726414]]),
}
#: The same network with W3 divided by 100, and its exact gradients: the blocks of layers 1 and 2
#: are 20 to 45 times smaller than db3, so a distance and a relative difference rank them differently.
SMALL_W3_PARAMETERS = dict(SMALL_PARAMETERS, W3=SMALL_PARAMETERS["W3"] / 100)
SMALL_W3_GRADIENTS = {
    "dW1": np.array([[-0.002059491285832863, -0.0001556467726148697], [0.0019541231118817147, -0.003887075833646314],
                     [0.0006278710534508518, 0.0003053234611055573]]),
    "db1": np.array([[-0.001466115334500819], [-0.0021201914142099467], [0.0005870265931411816]]),
    "dW2": np.array([[-0.0021820759293265705, -0.002203761643441418, 0.0021032815124874915],
                     [0.0032985859552221906, 0.0032115645925422224, -0.0027247165279566496]]),
    "db2": np.array([[-0.0022485151989507803], [0.0011893487419322316]]),
    "dW3": np.array([[-0.03188382607681812, -0.027533754380604125]]),
    "db3": np.array([[-0.11893487419322317]]),
}
#: Relative difference of SMALL_GRADIENTS with dW2 doubled, and with epsilon = 1e-2 (truncation error only).
SMALL_DW2_DOUBLED = 0.24751744985127563
SMALL_EPSILON_1E_2 = 1.2104096536263503e-05
#: The same with one-sided (forward) differences, a known mistake.
SMALL_FORWARD_EPSILON_1E_2 = 0.0018118174782071035

KEYS_HINT = "Take the keys from `parameters` and roll the gradients in that same order, as 'd' + key."


def scaled(gradients, **factors):
    """A copy of ``gradients`` with the named blocks multiplied by the given factors."""
    return {key: value * factors.get(key, 1.0) for key, value in gradients.items()}


def backward_order(gradients, extra=True):
    """The gradients in the order a backward pass produces them (output layer first), with
    intermediate results such as dZ1 added when ``extra``."""
    keys = sorted(gradients, key=lambda k: (-int(k[-1]), k[1]))  # dW3, db3, dW2, db2, dW1, db1
    result = {}
    for key in keys:
        if extra and key.startswith("dW"):
            result[f"dZ{key[-1]}"] = np.full((gradients[key].shape[0], 3), 0.5)
        result[key] = gradients[key]
    return result


def sum_of_squares(X, Y, parameters):
    """A cost with a known gradient: J = 1/2 * (sum of the squares of all parameters), dJ/dp = p."""
    return 0.5 * sum(float(np.sum(value ** 2)) for value in parameters.values()), None


def require_number(c, value, what, hint):
    """Stop unless ``value`` is one number (a Python or numpy scalar, or an array of one entry); return it."""
    try:
        number = float(np.asarray(value, dtype=float).reshape(()))
    except (TypeError, ValueError):
        c.fail(f"{what} is {value!r}; expected one number.", hint, stop=True)
    if not np.isfinite(number):
        c.fail(f"{what} is {number}; expected a finite number.", hint, stop=True)
    return number


def call_or_hint(c, hint, function, *args, **kwargs):
    """``c.call(function, *args, **kwargs)``; if the function raises, the failure carries ``hint``."""
    trial, results = Checker(c.name, quiet=c.quiet), []
    failures = trial.run(lambda t: results.append(t.call(function, *args, **kwargs)))
    c.notes.extend(trial.notes)
    if failures:
        c.fail(next(message for ok, message, _ in trial.verdicts if not ok), hint, stop=True)
    return results[0]


# ----- numerical_derivative --------------------------------------------------------------------
@student_check
def numerical_derivative(c, numerical_derivative):
    def cube(theta):
        return theta ** 3

    centered = c.call(numerical_derivative, cube, 1.0, epsilon=0.01, method="centered")
    c.expect_close(centered, 3.0001, "lecture example, centered: (1.01^3 - 0.99^3) / 0.02",
                   rtol=1e-9, hint="(f(theta + epsilon) - f(theta - epsilon)) / (2 * epsilon): "
                                   "the two points are 2 * epsilon apart." + _known_value_hint(centered, {
                                       6.0002: " Yours is (1.01^3 - 0.99^3) / 0.01 = 6.0002: you divided by epsilon, "
                                               "not by 2 * epsilon.",
                                       3.0301: " Yours is (1.01^3 - 1) / 0.01 = 3.0301, the forward difference: with "
                                               "method='centered' (check how you spell it) use the centered one.",
                                       0.0: " Yours is 0: f was evaluated twice at the same point. If theta_plus and "
                                            "theta_minus are theta itself (no .copy()), moving one moves the other.",
                                   }), stop=True)
    forward = c.call(numerical_derivative, cube, 1.0, epsilon=0.01, method="forward")
    c.expect_close(forward, 3.0301, "lecture example, forward: (1.01^3 - 1) / 0.01",
                   rtol=1e-9, hint="(f(theta + epsilon) - f(theta)) / epsilon for method='forward'." + _known_value_hint(
                       forward, {2.9701: " Yours is (1 - 0.99^3) / 0.01 = 2.9701, the backward difference (f(theta) - "
                                         "f(theta - epsilon)) / epsilon: the forward one moves to theta + epsilon."}))
    default = c.call(numerical_derivative, cube, 1.0, epsilon=0.01)
    c.expect_close(default, 3.0001, "default method (centered), theta^3 at 1, epsilon 0.01", rtol=1e-9,
                   hint="Without a `method` argument, use the centered difference.")
    sine = c.call(numerical_derivative, np.sin, 0.5)
    c.expect_close(sine, np.cos(0.5), "derivative of sin at 0.5 with the default epsilon 1e-7", rtol=1e-7,
                   hint="Use the `epsilon` argument (default 1e-7) as the step.")

    # f(t) = sum(w * t^2) + t1 * t2 * t3 couples the entries; centered differences are exact for it.
    w = np.array([[1.0], [-2.0], [0.5]])
    theta = np.array([[1.5], [-1.0], [2.0]])

    def coupled(t):
        return float(np.sum(w * t ** 2) + np.prod(t))

    exact = 2 * w * theta + np.prod(theta) / theta
    grad = c.call(numerical_derivative, coupled, theta, epsilon=1e-3)
    c.require_shape(np.asarray(grad), (3, 1), "numerical_derivative(f, theta of shape (3, 1))",
                    "Return one partial derivative per entry of theta, in an array of theta's shape.")
    hint = ("Change one entry of a fresh copy of theta at a time; every other entry must keep "
            "its value (one .copy() per evaluation).")
    if _close(grad, _all_at_once(coupled, theta, 1e-3)):
        hint += (" Every entry of yours is the same number, the derivative along all the entries at once: "
                 "you moved the whole theta by epsilon, not only theta[index].")
    elif _close(grad, _never_restored(coupled, theta, 1e-3)):
        hint += (" Yours is what changing theta in place without restoring it gives: after each index, put the "
                 "original value back (or work on copies), so that the next partial derivative starts from theta.")
    c.expect_close(grad, exact, "partial derivatives of sum(w * t^2) + t1 * t2 * t3 at a column theta (3, 1)", rtol=1e-7,
                   hint=hint)
    grad = c.call(numerical_derivative, coupled, theta, epsilon=0.01, method="forward")
    c.expect_close(grad, exact + 0.01 * w, "forward differences of the same function (exact value + epsilon * w)",
                   rtol=1e-7, hint="The forward difference compares f at theta with one entry moved against f "
                                   "at theta itself.")
    matrix = np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -0.5]])
    grad = c.call(numerical_derivative, lambda t: float(np.sum(t ** 2)), matrix, epsilon=1e-3)
    c.require_shape(np.asarray(grad), (2, 3), "numerical_derivative(f, theta of shape (2, 3))",
                    "Loop over every index of theta (np.ndindex(theta.shape)), not only over rows.")
    rows = np.broadcast_to(2 * matrix.sum(axis=1, keepdims=True), matrix.shape)
    c.expect_close(grad, 2 * matrix, "partial derivatives of sum(t^2) at a matrix theta (2, 3)", rtol=1e-7,
                   hint="Each row of yours holds one value, the derivative along the whole row: you moved a row of "
                        "theta at a time. Loop over every index of theta (np.ndindex(theta.shape)), not only over "
                        "rows." if _close(grad, rows) else None)


def _close(actual, expected, rtol=1e-7):
    """True if ``actual`` is numeric, of the shape of ``expected`` and equal to it within ``rtol``."""
    try:
        actual = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        return False
    return actual.shape == np.shape(expected) and bool(np.allclose(actual, expected, rtol=rtol, atol=1e-12))


def _known_value_hint(value, hints):
    """The text of ``hints`` (known wrong value -> text) whose value ``value`` equals, else ""."""
    return next((text for known, text in hints.items() if _close(value, known, rtol=1e-9)), "")


def _all_at_once(f, theta, epsilon):
    """Centered differences that move every entry of theta at once (a known mistake)."""
    value = (f(theta + epsilon) - f(theta - epsilon)) / (2 * epsilon)
    return np.full(theta.shape, value)


def _never_restored(f, theta, epsilon):
    """Centered differences that move theta in place and never restore it (a known mistake)."""
    theta, result = theta.astype(float), np.zeros(theta.shape)
    for index in np.ndindex(theta.shape):
        original = theta[index]
        theta[index] = original + epsilon
        plus = f(theta)
        theta[index] = original - epsilon
        result[index] = (plus - f(theta)) / (2 * epsilon)
    return result


# ----- relative_difference -----------------------------------------------------------------------
@student_check
def relative_difference(c, relative_difference):
    norms_hint = ("Divide the 2-norm of the difference by the SUM of the two 2-norms, "
                  "np.linalg.norm(grad) + np.linalg.norm(grad_approx).")
    cases = [
        (np.array([[1.0], [2.0], [2.0]]), np.array([[1.0], [2.0], [2.0]]), 0.0, "equal gradients"),
        (np.array([[3.0], [4.0]]), np.zeros((2, 1)), 1.0, "one gradient zero"),
        (np.array([[1.0], [2.0]]), np.array([[-1.0], [-2.0]]), 1.0, "opposite gradients g and -g"),
        (np.array([[2.0], [0.0], [0.0]]), np.array([[1.0], [0.0], [0.0]]), 1 / 3, "g twice g~: (2-1)/(2+1)"),
        (np.array([[3.0], [4.0]]), np.array([[3.0], [4.5]]), 0.5 / (5 + np.sqrt(29.25)), "[3, 4] and [3, 4.5]"),
        (np.array([[1.0, 0.0], [2.0, 2.0]]), np.array([[1.0, 0.0], [2.0, 1.0]]), 1 / (3 + np.sqrt(6)),
         "matrices (2, 2): Frobenius norms"),
        (3.0, 3.0001, 0.0001 / 6.0001, "numbers 3 and 3.0001"),
    ]
    scale_hint = ("The result must not depend on the scale: add no small constant to the denominator and "
                  "compare it with exactly 0 (not np.isclose, whose tolerance 1e-8 swallows tiny gradients).")
    tiny_cases = [
        (np.array([[3e-9], [4e-9]]), np.array([[3e-9], [4.5e-9]]), 0.5 / (5 + np.sqrt(29.25)),
         "[3, 4] and [3, 4.5] times 1e-9 (tiny gradients, the same relative difference)"),
        (np.array([[1e-10], [-2e-10]]), np.array([[-1e-10], [2e-10]]), 1.0, "tiny opposite gradients g and -g"),
    ]
    for index, (grad, grad_approx, expected, what) in enumerate(cases + tiny_cases):
        # A mistake seen only on tiny gradients is a matter of scale.
        tiny_only = index >= len(cases) and all(ok for ok, _, _ in c.verdicts)
        got = c.call(relative_difference, grad, grad_approx)
        got = require_number(c, got, f"relative_difference for {what}", "Return one float. " + norms_hint)
        hint = scale_hint if tiny_only else norms_hint + _relative_difference_hint(got, grad, grad_approx)
        c.expect_close(got, expected, what, rtol=1e-9, atol=1e-15, hint=hint)
    notes_before = len(c.notes)
    got = c.call(relative_difference, np.zeros((4, 1)), np.zeros((4, 1)))
    zero_hint = "Test the denominator: when it is 0, return 0.0 before dividing."
    got = require_number(c, got, "both gradients zero: the result", zero_hint)
    warned = len(c.notes) > notes_before
    c.expect(not warned and got == 0.0, "both gradients zero: 0, without a warning",
             f"both gradients zero gave {got!r}{' with a warning' if warned else ''}; expected 0.", zero_hint)


def _relative_difference_hint(got, grad, grad_approx):
    """What a wrong relative difference equals, among known wrong formulas; "" if none."""
    g, a = np.asarray(grad, dtype=float), np.asarray(grad_approx, dtype=float)
    distance, norm_g, norm_a = np.linalg.norm(g - a), np.linalg.norm(g), np.linalg.norm(a)

    def ratio(numerator, denominator):
        return numerator / denominator if denominator else 0.0

    def equals(value):
        return abs(got - value) <= 1e-9 * abs(value) + 1e-15

    denominators = [(np.linalg.norm(g + a), "||grad + grad_approx||, the norm of the sum"),
                    (norm_g, "||grad|| alone"), (norm_a, "||grad_approx|| alone"),
                    (max(norm_g, norm_a), "max(||grad||, ||grad_approx||), the larger norm")]
    named = [text for denominator, text in denominators if equals(ratio(distance, denominator))]
    if named:
        return (f" Yours equals ||grad - grad_approx|| divided by {' or by '.join(named)}, not by the sum of the "
                "two norms.")
    if equals(ratio(distance ** 2, norm_g ** 2 + norm_a ** 2)):
        return " Yours equals the same ratio with every norm squared: use the norms themselves, not their squares."
    constant = distance / got - (norm_g + norm_a) if got > 0 else 0.0
    if 0 < constant < 1e-3 * (norm_g + norm_a) and equals(distance / (norm_g + norm_a + float(f"{constant:.1g}"))):
        return (f" Yours equals ||grad - grad_approx|| / (||grad|| + ||grad_approx|| + {constant:.1g}): add no constant "
                "to the denominator; test it for 0 instead.")
    return ""


# ----- gradient_check ----------------------------------------------------------------------------
BOTH_ZERO_HINT = ("0 / 0 gives nan (or ZeroDivisionError): when both gradients are zero, return 0. "
                  "relative_difference of Exercise 2 does that: use it.")
X_ZERO_HINT = "At x = 0, J is 0 for every theta: 3 * x * theta**2 and the numerical derivative are both 0."


def cube_check_difference(theta, epsilon):
    """What a correct gradient_check returns, apart from round-off: the centered difference of
    x * theta^3 is 3 x theta^2 + x epsilon^2, so the relative difference is eps^2 / (6 theta^2 + eps^2)."""
    return epsilon ** 2 / (6 * theta ** 2 + epsilon ** 2)


def cube_step_hint(got, theta, epsilon):
    """The likely mistake behind a wrong gradient_check(x, theta, epsilon) at a large step."""
    if got < 1e-3 * cube_check_difference(theta, epsilon):
        return "The result does not show the step: pass `epsilon` on to numerical_derivative."
    if abs(got - epsilon / (2 * abs(theta))) < 0.1 * epsilon / (2 * abs(theta)):
        return ("That is the error of the one-sided (forward) difference, about epsilon / (2 |theta|): "
                "use the centered difference (the default method of numerical_derivative).")
    return "Compare 3 * x * theta**2 with the centered difference of t -> x * t**3 at theta, with step epsilon."


def cube_gradient_hint(got, x, theta):
    """What a wrong gradient_check(x, theta) shows, if it is what exactly one known mistake gives; else ""."""
    right = 3 * x * theta ** 2

    def rd(g, n):
        return abs(g - n) / (abs(g) + abs(n)) if abs(g) + abs(n) else 0.0

    known = [
        (rd(x, right), (" Yours is the relative difference of x and 3 * x * theta**2: one of your gradients is x, the "
                        "derivative of x * theta, not of x * theta**3.")),
        (rd(3 * theta ** 2, right), (" Yours is the relative difference of 3 * theta**2 and 3 * x * theta**2: one of "
                                     "your two gradients lacks the factor x (the analytic gradient, or J itself).")),
        (rd(3 * x * theta, right), (" Yours is the relative difference of 3 * x * theta and 3 * x * theta**2: the power "
                                    "rule gives 3 * x * theta**2 (the exponent drops by one, to 2).")),
        (1.0, (" Yours is exactly 1, as when the numerical derivative is 0: does J use its argument? Write it "
               "t -> x * t**3, with t, not theta.")),
        (right, (" Yours is the derivative 3 * x * theta**2 itself: return the relative difference of the two "
                 "gradients, relative_difference(grad, grad_approx).")),
    ]
    matches = [text for value, text in known if abs(got - value) <= 1e-6 * abs(value)]
    return matches[0] if len(matches) == 1 else ""


@student_check(builds_on=("numerical_derivative", "relative_difference"))
def gradient_check(c, gradient_check):
    hint = ("The analytic gradient of J(theta) = x * theta**3 is 3 * x * theta**2 (not x, not 3 * theta**2); "
            "the numerical one is the centered difference of the function t -> x * t**3 at theta.")
    for x, theta in ((3.0, 2.0), (-0.5, 4.0), (12.0, -1.5)):
        got = require_number(c, c.call(gradient_check, x, theta), f"gradient_check({x}, {theta})",
                             "Return the relative difference, one float.")
        c.expect(0 <= got < GREAT, f"x = {x}, theta = {theta}: relative difference {got:.1e} < 1e-7",
                 f"x = {x}, theta = {theta}: relative difference {got:.3g}; a correct check gives less than 1e-7.",
                 hint + cube_gradient_hint(got, x, theta))
    for x, theta, epsilon in ((3.0, 2.0, 1e-2), (-5.0, 0.5, 1e-3)):
        got = require_number(c, c.call(gradient_check, x, theta, epsilon=epsilon),
                             f"gradient_check({x}, {theta}, epsilon={epsilon:g})", "Return one float.")
        expected = cube_check_difference(theta, epsilon)
        c.expect(abs(got - expected) <= 1e-4 * expected,
                 f"epsilon = {epsilon:g}: relative difference {got:.4g} = eps^2 / (6 theta^2 + eps^2), "
                 "the centered difference's truncation error",
                 f"x = {x}, theta = {theta}, epsilon = {epsilon:g} gave {got:.4g}; expected eps^2 / (6 theta^2 + "
                 f"eps^2) = {expected:.4g} (the centered difference of x theta^3 is off by exactly x eps^2).",
                 cube_step_hint(got, theta, epsilon))
    got = call_or_hint(c, BOTH_ZERO_HINT, gradient_check, 0.0, 3.0)
    try:
        got = float(np.asarray(got, dtype=float).reshape(()))
    except (TypeError, ValueError):
        c.fail(f"gradient_check(0.0, 3.0) is {got!r}; expected one number, 0.", "Return one float.", stop=True)
    c.expect(got == 0.0, "x = 0: both gradients are zero, relative difference 0",
             f"x = 0, theta = 3 gave {got:.3g}; both gradients are zero there, so the relative difference is 0.",
             BOTH_ZERO_HINT if np.isnan(got) else X_ZERO_HINT)


# ----- gradient_check_n --------------------------------------------------------------------------
@student_check(builds_on=("numerical_derivative", "relative_difference"))
def gradient_check_n(c, gradient_check_n):
    P, G, X, Y = SMALL_PARAMETERS, SMALL_GRADIENTS, SMALL_X, SMALL_Y
    got = require_number(c, c.call(gradient_check_n, P, G, X, Y), "the result", "Return the relative difference.")
    c.expect(got < GREAT, f"exact gradients of a [2, 3, 2, 1] network: {got:.1e} < 1e-7",
             f"exact gradients of a [2, 3, 2, 1] network gave {got:.3g}; expected less than 1e-7.",
             "Roll parameters and gradients in the same key order, perturb one entry of theta at a time, and "
             "compute the cost of the unrolled theta with forward(X, Y, parameters)[0].", stop=True)
    got = c.call(gradient_check_n, P, backward_order(G), X, Y, error_hint=KEYS_HINT)
    c.expect(require_number(c, got, "the result", "") < GREAT,
             "gradients given output layer first, with extra entries dZ1..dZ3: still < 1e-7",
             f"the same gradients given in another key order (dW3 first, with dZ entries) gave {got:.3g}.", KEYS_HINT)
    got = c.call(gradient_check_n, P, scaled(G, dW2=2.0), X, Y)
    hint = "Return relative_difference(rolled gradients, numerical gradient)."
    if _close(got, np.linalg.norm(G["dW2"]), rtol=1e-4):
        hint += (f" Yours is ||grad - grad_approx|| = ||dW2|| = {np.linalg.norm(G['dW2']):.4g}, the distance: divide it "
                 "by ||grad|| + ||grad_approx||, as relative_difference does.")
    c.expect_close(got, SMALL_DW2_DOUBLED, "relative difference with dW2 doubled", rtol=1e-4, hint=hint)
    got = c.call(gradient_check_n, P, G, X, Y, epsilon=1e-2)
    hint = "Pass `epsilon` on, and use the centered difference."
    if _close(got, SMALL_FORWARD_EPSILON_1E_2, rtol=1e-2):
        hint += (f" Yours, {SMALL_FORWARD_EPSILON_1E_2:.3g}, is what one-sided (forward) differences give: use the "
                 "centered difference (the default method of numerical_derivative).")
    elif _close(got, 0.0) or (_close(got, got) and 0 <= float(np.asarray(got, dtype=float)) < 1e-3 * SMALL_EPSILON_1E_2):
        hint += " Yours does not show the step: pass `epsilon` on to numerical_derivative."
    c.expect_close(got, SMALL_EPSILON_1E_2, "relative difference with epsilon = 1e-2 (the truncation error shows)", rtol=1e-2,
                   hint=hint)
    exact = {"d" + key: value for key, value in P.items()}
    got = c.call(gradient_check_n, P, exact, X, Y, forward=sum_of_squares)
    c.expect(require_number(c, got, "the result", "") < GREAT,
             "forward=another cost (sum of squares, gradient = parameters): < 1e-7",
             f"with forward=sum_of_squares and its exact gradient the result is {got:.3g}.",
             "Compute the cost with the `forward` argument, not with forward_propagation_n directly.")
    got = c.call(gradient_check_n, P, scaled(exact, dW1=2, db1=2, dW2=2, db2=2, dW3=2, db3=2), X, Y,
                 forward=sum_of_squares)
    c.expect_close(got, 1 / 3, "forward=sum of squares with every gradient doubled, (2-1)/(2+1),", rtol=1e-6)
    two_layers = {key: P[key] for key in ("W1", "b1", "W2", "b2")}
    keys_hint = ("Take the keys from `parameters`, whatever they are (do not write the six keys out), and compute "
                 "the cost with `forward`.")
    got = call_or_hint(c, keys_hint, gradient_check_n, two_layers,
                       {"d" + key: value for key, value in two_layers.items()}, X, Y, forward=sum_of_squares)
    c.expect(require_number(c, got, "the result", "") < GREAT,
             "parameters W1, b1, W2, b2 only (forward = sum of squares, exact gradient): < 1e-7",
             f"with the four parameters W1, b1, W2, b2 (forward = sum of squares) and their exact gradient the "
             f"result is {got:.3g}; expected less than 1e-7.", keys_hint)


# ----- locate_gradient_bug -----------------------------------------------------------------------
LOCATE_HINT = ("Compute relative_difference(gradients['d' + key], numerical block) for every key of parameters "
               "and return the 'd' + key with the LARGEST one.")
SIZES_HINT = ("The blocks differ in size: rank them by relative_difference(block, numerical block), which divides "
              "by the norms of both, not by the distance ||g - n|| alone.")
BOTH_NORMS_HINT = ("Divide by the norms of BOTH blocks, as relative_difference does: a block that is -1 times the "
                   "right one is the worst (difference 1), whatever ||g - n|| / ||g|| or / ||n|| says.")


ORDER_HINT = ("Look each gradient up by its key, gradients['d' + key]: the dict of gradients may list its keys in "
              "another order, and hold extra entries such as dZ1.")
#: Wrong answers of particular cases that show a known mistake, by (case, answer).
LOCATE_MISTAKES = {
    ("db1 tripled", "dW1"): " dW1 is exact here; db1 is the only wrong block: did you take the SMALLEST relative "
                            "difference (min) instead of the largest (max)?",
    ("db1 tripled", "db2"): " db2 is exact here; db1 is the only wrong block: did you take the SMALLEST relative "
                            "difference (min) instead of the largest (max)?",
    ("db1 times 1.5 and dW2 times 5 (the worse one is dW2)", "db1"):
        " db1 is wrong too (relative difference 0.5 / 2.5 = 0.2), but dW2 is worse (4 / 6 = 0.67): compare every "
        "block and return the largest, not the first one above 1e-7.",
    ("dW1 times -1, db2 times 4, dW3 times 1/4 (relative differences 1, 3/5, 3/5)", "db2"):
        " db2 is the block that ||g - n|| / ||n|| ranks first (3 against 2 for dW1): did you divide by the norm of "
        "the numerical block only?",
    ("dW1 times -1, db2 times 4, dW3 times 1/4 (relative differences 1, 3/5, 3/5)", "dW3"):
        " dW3 is the block that ||g - n|| / ||g|| ranks first (3 against 2 for dW1): did you divide by the norm of "
        "the analytic block only?",
}


@student_check(builds_on=("numerical_derivative", "relative_difference"))
def locate_gradient_bug(c, locate_gradient_bug):
    P, G, X, Y = SMALL_PARAMETERS, SMALL_GRADIENTS, SMALL_X, SMALL_Y
    # W3 / 100: the blocks of layers 1 and 2 are 20 to 45 times smaller than db3.
    P100, G100 = SMALL_W3_PARAMETERS, SMALL_W3_GRADIENTS
    shifted_dW3 = dict(G, dW3=G["dW3"] + np.array([[0.05, -0.05]]))
    cases = [
        ("db1 tripled", P, scaled(G, db1=3.0), "db1", LOCATE_HINT),
        ("dW2 doubled", P, scaled(G, dW2=2.0), "dW2", LOCATE_HINT),
        ("dW3 shifted by 0.05", P, shifted_dW3, "dW3", LOCATE_HINT),
        ("db1 times 1.5 and dW2 times 5 (the worse one is dW2)", P, scaled(G, db1=1.5, dW2=5.0), "dW2", LOCATE_HINT),
        ("dW2 doubled, gradients given output layer first with dZ entries", P, backward_order(scaled(G, dW2=2.0)),
         "dW2", ORDER_HINT),
        ("W3 / 100: db1 tripled (a small block) and db3 times 1.2 (a large block, the larger distance)",
         P100, scaled(G100, db1=3.0, db3=1.2), "db1", SIZES_HINT),
        ("W3 / 100: db2 times -1 (a small block) and dW3 times 1.5 (the larger distance)",
         P100, scaled(G100, db2=-1.0, dW3=1.5), "db2", SIZES_HINT),
        # ||g - n|| / ||n|| would give 2, 3, 3/4 and ||g - n|| / ||g|| 2, 3/4, 3.
        ("dW1 times -1, db2 times 4, dW3 times 1/4 (relative differences 1, 3/5, 3/5)",
         P, scaled(G, dW1=-1.0, db2=4.0, dW3=0.25), "dW1", BOTH_NORMS_HINT),
    ]
    for what, parameters, gradients, expected, hint in cases:
        got = c.call(locate_gradient_bug, parameters, gradients, X, Y,
                     error_hint=ORDER_HINT if hint is ORDER_HINT else None)
        c.require_type(got, str, "the result", "Return the gradient key as a string, for example 'dW2'.")
        if got == expected[1:]:
            c.fail(f"{what}: returned {got!r}; expected the gradient key {expected!r}.",
                   "Return the key of the gradient, with its 'd' prefix.", stop=True)
        first_miss = all(ok for ok, _, _ in c.verdicts)  # the case's own hint fits only the first wrong answer
        hint = hint if first_miss else LOCATE_HINT
        c.expect(got == expected, f"{what}: {got}", f"{what}: returned {got!r}; expected {expected!r}.",
                 hint + (LOCATE_MISTAKES.get((what, got), "") if first_miss else ""))


# ----- backward_propagation_n_fixed ----------------------------------------------------------------
@student_check
def backward_propagation_n_fixed(c, backward_propagation_n_fixed):
    _, cache = forward_propagation_n(SMALL_X, SMALL_Y, SMALL_PARAMETERS)
    gradients = c.call(backward_propagation_n_fixed, SMALL_X, SMALL_Y, cache,
                       inputs="X (2, 3), Y (1, 3) and the cache of a [2, 3, 2, 1] network")
    c.require_keys(gradients, list(GRADIENT_KEYS), "the gradients", "Return dW1, db1, dW2, db2, dW3 and db3.",
                   allow_extra=True)
    c.require_shapes({key: gradients[key] for key in GRADIENT_KEYS},
                     {key: value.shape for key, value in SMALL_GRADIENTS.items()}, "[2, 3, 2, 1] network",
                     "Each gradient has the shape of its parameter: dW[l] (n[l], n[l-1]), db[l] (n[l], 1).")
    for key in GRADIENT_KEYS:
        got, expected = np.asarray(gradients[key], dtype=float), SMALL_GRADIENTS[key]
        named = next((text for wrong, text in _BACKWARD_MISTAKES
                      if key in wrong and np.allclose(got, wrong[key], rtol=1e-6, atol=1e-12)), "")
        c.expect_close(got, expected, key, rtol=1e-6, atol=1e-12, hint=_backward_hint(key, got, expected) + named)


#: Gradients of the small network by backward passes with a known mistake (written out: the check
#: holds no backward pass), each with what to say of it.
_BACKWARD_MISTAKES = (
    ({
        "dW1": np.array([[ 2.114517049008157  , -1.5082084729637628 ],
                          [-3.091729082111178  ,  0.8334134062768236 ],
                          [ 0.1760905737706293 ,  0.20884230234209689]]),
        "db1": np.array([[ 0.7364319604496247],
                          [-1.9818034839732392],
                          [ 0.3251286943911303]]),
    }, (" Yours is what the tanh derivative 1 - Z1**2 gives: tanh'(Z1) = 1 - tanh(Z1)**2 = 1 - A1**2, "
        'with A1, not Z1.')),
    ({
        "dW1": np.array([[-0.7050976800134502  , -0.26013057155808034 ],
                          [ 0.21725842193731248 , -0.25043893050510113 ],
                          [-0.069278154795887   , -0.023727225106431087]]),
        "db1": np.array([[-0.639898007756878  ],
                          [-0.08197561786204179],
                          [-0.0629344913499945 ]]),
        "dW2": np.array([[-0.358941926859442  , -0.5847279634992748 ,  0.20280687963498936],
                          [ 0.2392946179062946 ,  0.38981864233284996, -0.13520458642332625]]),
        "db2": np.array([[-0.46367020089620997],
                          [ 0.30911346726414   ]]),
    }, (" Yours is what a backward pass without the ReLU's derivative gives: multiply W3^T dZ3 by (Z2 > "
        '0).')),
)


def _backward_hint(key, got, expected):
    """What a wrong gradient block tells: a constant factor, or a wrong formula."""
    factor = float(np.sum(got * expected) / np.sum(expected ** 2))
    if abs(factor) > 1e-9 and np.allclose(got, factor * expected, rtol=1e-6, atol=1e-12):
        m = SMALL_X.shape[1]
        missing = (f" That is m = {m} times: the 1/m (or the mean) is missing." if np.isclose(factor, m) else
                   f" That is 1/m = 1/{m} times: there is a 1/m too many." if np.isclose(factor, 1 / m) else "")
        return (f"Your {key} is {factor:.4g} times the right value in every entry: the formula is right up to a "
                f"constant factor. Look for a stray number, or a 1/m too many or too few, in its line.{missing}")
    return (f"{key} is wrong beyond a constant factor: check which cached arrays its line uses and, for the hidden "
            f"layers, the activation's derivative (ReLU: Z > 0; tanh: 1 - A**2).")
