"""Visible checks of assignment 08, Programming frameworks.

The backward rules are checked on small arrays whose gradients are written out below (worked out
by hand from the rules); what known mistakes return on the same inputs is computed here only to
name them. A topological order is checked by its properties (each node once, after its parents),
never against an order computed here, and backpropagation on small graphs whose gradients are
written out.
"""

import collections

import numpy as np

from helpers.checks.core import student_check

# ----- power_backward: out = a ** p for whole, negative and fractional p, and its da -----------------------
#: (a, p, dout, da, what), da worked out by hand; dout has no zero entry, so that da / dout names a missing dout.
POWER_CASES = [
    (np.array([[1.0, 2.0, -1.0], [0.5, 3.0, -2.0]]), 3, np.array([[1.0, -1.0, 2.0], [4.0, 0.5, -1.0]]),
     np.array([[3.0, -12.0, 6.0], [3.0, 13.5, -12.0]]), "p = 3 on a of shape (2, 3)"),
    (np.array([[4.0, 1.0], [0.25, 9.0]]), 0.5, np.array([[1.0, 2.0], [-1.0, 3.0]]),
     np.array([[0.25, 1.0], [-1.0, 0.5]]), "p = 0.5, the square root, on a positive a of shape (2, 2)"),
    (np.array([0.5, 2.0, -4.0]), -1, np.array([1.0, 4.0, -2.0]), np.array([-4.0, -1.0, 0.125]),
     "p = -1, that is 1/a, on a of shape (3,)"),
    (np.array([[-1.5, 2.0]]), 0, np.array([[2.0, -1.0]]), np.array([[0.0, 0.0]]),
     "p = 0 (a constant, so no gradient) on a of shape (1, 2)"),
    (np.array(1.5), 2, np.array(3.0), np.array(9.0), "p = 2 on a number (shape ()): 3 * 2 * 1.5"),
]

# ----- matmul_backward: A (2, 3) @ B (3, 4), and a square product that tells the transposes apart -----
MATMUL_A = np.array([[1.0, 2.0, 0.0], [-1.0, 3.0, 1.0]])
MATMUL_B = np.array([[1.0, 0.0, 2.0, -1.0], [0.0, 1.0, 1.0, 2.0], [3.0, -2.0, 0.0, 1.0]])
MATMUL_DOUT = np.array([[1.0, -1.0, 0.0, 2.0], [0.5, 1.0, -2.0, 1.0]])
MATMUL_DA = np.array([[-1.0, 3.0, 7.0], [-4.5, 1.0, 0.5]])
MATMUL_DB = np.array([[0.5, -2.0, 2.0, 1.0], [3.5, 1.0, -6.0, 7.0], [0.5, 1.0, -2.0, 1.0]])
SQUARE_A, SQUARE_B = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 1.0], [-1.0, 2.0]])
SQUARE_DOUT = np.array([[1.0, 0.0], [2.0, -1.0]])
SQUARE_DA, SQUARE_DB = np.array([[0.0, -1.0], [-1.0, -4.0]]), np.array([[7.0, -3.0], [10.0, -4.0]])

# ----- unbroadcast: a (2, 3) gradient brought back to every shape that broadcasts to it --------------
GRAD = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
UNBROADCAST_CASES = [
    ((2, 1), np.array([[6.0], [15.0]]), "a bias of shape (2, 1) added to (2, 3): the sums over axis 1"),
    ((1, 3), np.array([[5.0, 7.0, 9.0]]), "a row of shape (1, 3): the sums over axis 0"),
    ((3,), np.array([5.0, 7.0, 9.0]), "a 1-D array of shape (3,): the sums over the added axis 0"),
    ((), np.array(21.0), "a number, shape (): the sum of every entry"),
    ((1, 1), np.array([[21.0]]), "shape (1, 1): the sum of every entry, kept as (1, 1)"),
    ((2, 3), GRAD, "shape (2, 3), nothing broadcast: the gradient as it is"),
]
#: A (4, 2, 3) gradient for an input of shape (2, 1): summed over the added axis 0, then over axis 1.
GRAD_3D = np.arange(1.0, 25.0).reshape(4, 2, 3)
UNBROADCAST_3D = np.array([[132.0], [168.0]])

# ----- mul_backward: same shapes, a (2, 1) column times a (2, 3) array, a number times an array ------
MUL_CASES = [
    # (a, b, dout, da, db, what)
    (np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([[4.0, 1.0], [-1.0, 2.0]]), np.array([[1.0, 2.0], [-1.0, 0.5]]),
     np.array([[4.0, 2.0], [1.0, 1.0]]), np.array([[1.0, -4.0], [-0.5, 1.5]]), "a and b of shape (2, 2)"),
    (np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), np.array([[2.0], [-1.0]]), np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.5]]),
     np.array([[2.0, 0.0, -2.0], [-2.0, -1.0, -0.5]]), np.array([[-2.0], [16.0]]),
     "a of shape (2, 3) times b of shape (2, 1), broadcast over the columns"),
    (np.array(3.0), np.array([[1.0, -2.0], [0.5, 4.0]]), np.array([[1.0, 1.0], [2.0, -1.0]]),
     np.array(-4.0), np.array([[3.0, 3.0], [6.0, -3.0]]), "a number a (shape ()) times b of shape (2, 2)"),
]

# ----- topological_order and backpropagate: small graphs, as dicts node -> list of parents --------------
#: The lecture's J(w) = w**2 - 10 w + 25.
LECTURE_GRAPH = {"w": [], "w^2": ["w"], "-10w": ["w"], "w^2 - 10w": ["w^2", "-10w"], "J": ["w^2 - 10w"]}
SQUARE_GRAPH = {"x": [], "x * x": ["x", "x"]}
#: loss depends on x twice (through a and b) and on y; "unused" depends on x but not the loss on it.
DIAMOND_GRAPH = {"x": [], "y": [], "a": ["x"], "b": ["x", "y"], "loss": ["a", "b"], "unused": ["x"]}
#: J = g(w, u) with u = f(w) and w = h(v): a breadth-first search meets w before u.
BREADTH_FIRST_TRAP = {"v": [], "w": ["v"], "u": ["w"], "J": ["w", "u"]}
#: Integer nodes whose numbers are in no particular order.
NUMBERED_GRAPH = {0: [3, 5], 3: [7], 5: [7, 3], 7: [], 9: [0], 2: [], 4: [2, 7], 6: [4, 0]}
ORDER_CASES = [("the lecture's J(w)", LECTURE_GRAPH, "J"), ("x * x", SQUARE_GRAPH, "x * x"),
               ("two paths from x to the loss", DIAMOND_GRAPH, "loss"), ("u = f(w), J = g(w, u)", BREADTH_FIRST_TRAP, "J"),
               ("numbered nodes", NUMBERED_GRAPH, 6)]

VISITED_HINT = ("Keep a set of the nodes visited so far and skip a node that is in it: a node reached along two "
                "paths must appear once.")
PARENTS_FIRST_HINT = "Visit all the parents of a node first, then append the node: its parents come before it."
ACCUMULATE_HINT = ("Add each gradient to what the parent has received so far (grads[p] = grads[p] + g), rather than "
                   "replacing it: a value used in two places gets the sum of both contributions.")
ORDER_HINT = ("Go through the nodes in reversed(topological_order(output, parents)): the output first, and each "
              "node only once every node that uses it has added its contribution.")


def parents_in(graph):
    """The ``parents`` function of a graph given as a dict node -> list of parents."""
    def parents(node):
        return list(graph[node])
    return parents


def ancestors(graph, output):
    """The set of nodes ``output`` depends on, ``output`` included."""
    found, pending = set(), [output]
    while pending:
        node = pending.pop()
        if node not in found:
            found.add(node)
            pending.extend(graph[node])
    return found


def _is_number(value):
    return isinstance(value, (int, float, np.number)) and not isinstance(value, bool)


def require_shape_of(c, value, shape, what, hint=None):
    """Stop unless ``value`` is an array of ``shape`` (for shape (), a number is welcome too); return it as an array."""
    if shape == () and _is_number(value):
        return np.asarray(value, dtype=float)
    c.require_shape(value, shape, what, hint)
    return value


def _same(value, expected):
    """True if ``value`` is numeric, of the shape of ``expected`` and equal to it (rtol 1e-9)."""
    try:
        value = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return False
    return value.shape == np.shape(expected) and bool(np.allclose(value, expected, rtol=1e-9, atol=1e-12))


def _named_mistake(value, mistakes):
    """The text of the first (value a mistake returns, text) pair whose value equals ``value``, else None.

    A mistake whose value is None (it cannot happen on these inputs) is skipped.
    """
    return next((text for wrong, text in mistakes if wrong is not None and _same(value, wrong)), None)


def _product(X, Y):
    """X @ Y, or None when the shapes do not fit (for mistakes that only some shapes allow)."""
    return X @ Y if np.shape(X)[-1] == np.shape(Y)[0] else None


def _pair(c, result, function_name, names, hint):
    """Stop unless ``result`` is a pair; return it."""
    c.require_type(result, (tuple, list), f"what {function_name} returned", hint)
    if len(result) != 2:
        c.fail(f"{function_name} returned {len(result)} values; expected 2, ({names}).", hint, stop=True)
    return result


# ----- power_backward -----------------------------------------------------------------------------------------
POWER_RULE = "da = dout * p * a ** (p - 1), element by element."


def _power_hint(da, a, p, dout, expected):
    """A hint naming the known mistake that ``da`` equals on these inputs, else the rule."""
    with np.errstate(divide="ignore", invalid="ignore"):  # (p * a) ** (p - 1) is infinite where p = 0
        return _named_mistake(da, [
            (expected * a, "Yours is dout * p * a**p: differentiating lowers the exponent by one. " + POWER_RULE),
            (expected / dout, ("Yours is p * a**(p - 1), the local derivative alone: multiply it by dout "
                               "(chain rule).")),
            (expected / p if p else None, "Yours lacks the factor p: the derivative of a**p is p * a**(p - 1)."),
            (dout * p * a ** p - 1, ("Yours computes a ** p - 1, which Python reads as (a ** p) - 1: the exponent "
                                     "needs parentheses, a ** (p - 1).")),
            (dout * (p * a) ** (p - 1), ("Yours raises p * a to the power p - 1: the exponent applies to a alone, "
                                         "p * a ** (p - 1).")),
            (dout * a ** p, "Yours is dout * a**p, the forward value: multiply dout by the derivative p * a**(p - 1)."),
        ]) or POWER_RULE


@student_check
def power_backward(c, power_backward):
    for a, p, dout, expected, what in POWER_CASES:
        da = c.call(power_backward, dout, a, p)
        da = require_shape_of(c, da, np.shape(a), f"da for {what}",
                              "da has the shape of a and of dout: use element-wise operations only.")
        c.expect_close(da, expected, f"da for {what}", rtol=1e-9, hint=_power_hint(da, a, p, dout, expected),
                       stop=True)


# ----- matmul_backward ----------------------------------------------------------------------------------------
def matmul_error_hint(error):
    """``error_hint``: a matrix product whose shapes do not fit has its factors in the wrong order or untransposed."""
    if "mismatch" in str(error) or "shapes" in str(error) or "aligned" in str(error):
        return ("The shapes decide: dA = dout @ B.T is (n, m) @ (m, k) = (n, k), the shape of A, and dB = A.T @ dout "
                "is (k, n) @ (n, m) = (k, m), the shape of B.")
    return None


def _matmul_hints(dA, dB, A, B, dout):
    """Hints on dA and on dB naming the mistake each equals on these inputs, else the formula."""
    m = dout.shape[1]
    no_m = "a matrix product has no 1/m (the mean of the cost is a node of its own)."
    hint_A = _named_mistake(dA, [
        (dout @ B.T / m, "Your dA is dout @ B.T divided by m: " + no_m),
        (_product(B.T, dout), "Your dA is B.T @ dout: the factors are in the wrong order; dA = dout @ B.T."),
        (_product(dout, B), "Your dA is dout @ B: B must be transposed; dA = dout @ B.T."),
    ]) or "dA = dout @ B.T."
    hint_B = _named_mistake(dB, [
        (A.T @ dout / m, "Your dB is A.T @ dout divided by m: " + no_m),
        (_product(dout, A.T), "Your dB is dout @ A.T: the factors are in the wrong order; dB = A.T @ dout."),
        ((A.T @ dout).T, "Your dB is the transpose of the right one, dout.T @ A: dB = A.T @ dout."),
        (_product(A, dout), "Your dB is A @ dout: A must be transposed; dB = A.T @ dout."),
    ]) or "dB = A.T @ dout."
    return hint_A, hint_B


@student_check
def matmul_backward(c, matmul_backward):
    hint = "Return the pair (dA, dB)."
    result = _pair(c, c.call(matmul_backward, MATMUL_DOUT, MATMUL_A, MATMUL_B, error_hint=matmul_error_hint),
                   "matmul_backward", "dA, dB", hint)
    dA, dB = result
    if np.shape(dA) == MATMUL_B.shape and np.shape(dB) == MATMUL_A.shape:
        c.fail("dA has shape (3, 4), the shape of B, and dB shape (2, 3), the shape of A.",
               "Return (dA, dB) in this order.", stop=True)
    c.require_shape(dA, (2, 3), "dA for A (2, 3) @ B (3, 4)", "dA has the shape of A: dout @ B.T is (2, 4) @ (4, 3).")
    c.require_shape(dB, (3, 4), "dB for A (2, 3) @ B (3, 4)", "dB has the shape of B: A.T @ dout is (3, 2) @ (2, 4).")
    c.ok("A (2, 3) @ B (3, 4): dA has shape (2, 3) and dB (3, 4)")
    hint_A, hint_B = _matmul_hints(dA, dB, MATMUL_A, MATMUL_B, MATMUL_DOUT)
    c.expect_close(dA, MATMUL_DA, "dA = dout @ B.T for A (2, 3) @ B (3, 4)", rtol=1e-9, hint=hint_A)
    c.expect_close(dB, MATMUL_DB, "dB = A.T @ dout for A (2, 3) @ B (3, 4)", rtol=1e-9, hint=hint_B, stop=True)
    dA, dB = _pair(c, c.call(matmul_backward, SQUARE_DOUT, SQUARE_A, SQUARE_B, error_hint=matmul_error_hint),
                   "matmul_backward", "dA, dB", "Return the pair (dA, dB).")
    hint_A, hint_B = _matmul_hints(dA, dB, SQUARE_A, SQUARE_B, SQUARE_DOUT)
    c.expect_close(dA, SQUARE_DA, "dA for square factors A (2, 2) and B (2, 2), which show where the transposes go",
                   rtol=1e-9, hint=hint_A)
    c.expect_close(dB, SQUARE_DB, "dB for square factors A (2, 2) and B (2, 2)", rtol=1e-9, hint=hint_B)


# ----- unbroadcast ------------------------------------------------------------------------------------------
def _unbroadcast_hint(result, grad, shape):
    """A hint naming what ``result`` is, for a known mistake of unbroadcast(grad, shape), else a general one."""
    general = ("Sum over the leading axes that broadcasting added, then (with keepdims=True) over every axis where "
               "shape has a 1.")
    result_shape = np.shape(result)
    if len(shape) < grad.ndim and result_shape == grad.shape[:len(shape)] != tuple(shape):
        return ("numpy lines shapes up from the right and puts the missing axes in front: sum over the leading axes "
                "(axis 0, while grad has more axes than shape), not over the last ones.")
    if result_shape == tuple(s for s in shape if s != 1) and result_shape != tuple(shape):
        return (f"Your result has shape {result_shape}: sum with keepdims=True, so that an axis of length 1 stays "
                f"and the result has the shape {shape}.")
    if result_shape == grad.shape and tuple(shape) != grad.shape:
        if len(shape) < grad.ndim and all(s != 1 for s in shape):
            return ("Your result still has the shape of grad. numpy lines shapes up from the right and puts the "
                    "missing axes in front: sum over the leading axes first, while grad has more axes than shape.")
        return f"Your result still has the shape of grad {grad.shape}: sum over the axes where shape {shape} has a 1."
    if len(result_shape) == len(shape) and result_shape != tuple(shape):
        return (f"Your result has shape {result_shape}: sum over the axis where shape {shape} has a 1 (for a bias of "
                "shape (n, 1), axis 1, the examples), not over another one.")
    lead = grad.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(lead + i for i, s in enumerate(shape) if s == 1)
    return _named_mistake(result, [
        (np.mean(grad, axis=axes).reshape(shape) if axes else grad,
         ("Yours is the mean over the broadcast axes, not the sum: an entry copied m times gets the m gradients of its "
         "copies, added up.")),
        (grad[tuple(0 if axis in axes else slice(None) for axis in range(grad.ndim))].reshape(shape),
         "Yours is the gradient of the first copy only: add up the gradients of all the copies."),
    ]) or general


@student_check
def unbroadcast(c, unbroadcast):
    for shape, expected, what in UNBROADCAST_CASES:
        result = c.call(unbroadcast, GRAD, shape)
        hint = _unbroadcast_hint(result, GRAD, shape)
        result = require_shape_of(c, result, shape, f"unbroadcast(grad of shape (2, 3), {shape})", hint)
        c.expect_close(result, expected, what, rtol=1e-12, hint=hint, stop=True)
    result = c.call(unbroadcast, GRAD_3D, (2, 1))
    hint = _unbroadcast_hint(result, GRAD_3D, (2, 1))
    result = require_shape_of(c, result, (2, 1), "unbroadcast(grad of shape (4, 2, 3), (2, 1))", hint)
    c.expect_close(result, UNBROADCAST_3D, "grad (4, 2, 3) to (2, 1): sums over the added axis 0, then over axis 1",
                   rtol=1e-12, hint=hint)


# ----- mul_backward -------------------------------------------------------------------------------------------
@student_check(builds_on=("unbroadcast",))
def mul_backward(c, mul_backward):
    for a, b, dout, da_expected, db_expected, what in MUL_CASES:
        da, db = _pair(c, c.call(mul_backward, dout, a, b), "mul_backward", "da, db", "Return the pair (da, db).")
        for name, value, expected, own in (("da", da, da_expected, "a"), ("db", db, db_expected, "b")):
            if np.shape(value) != np.shape(expected):
                c.fail(f"{what}: {name} has shape {np.shape(value)}; expected {np.shape(expected)}, the shape of {own}.",
                       f"Each gradient has the shape of its input: bring the product back to the shape of {own} with "
                       f"unbroadcast(..., np.shape({own})).", stop=True)
        mistakes = [(b, "Your da is b, the local derivative alone: multiply it by dout (chain rule).")]
        if a.shape == dout.shape:
            mistakes.append((dout * a, ("Your da is dout times a itself: each input's gradient is dout times the OTHER "
                                       "input (da = dout * b, db = dout * a).")))
        hint = _named_mistake(da, mistakes) or ("da = unbroadcast(dout * b, np.shape(a)) and "
                                                "db = unbroadcast(dout * a, np.shape(b)).")
        c.expect_close(da, da_expected, f"{what}: da", rtol=1e-9, hint=hint, stop=True)
        c.expect_close(db, db_expected, f"{what}: db", rtol=1e-9, hint=hint, stop=True)


# ----- topological_order -----------------------------------------------------------------------------------------
def breadth_first_reversed(graph, output):
    """A known mistake: the nodes in breadth-first order from the output (each once), reversed."""
    order, seen, queue = [], {output}, collections.deque([output])
    while queue:
        node = queue.popleft()
        order.append(node)
        for parent in graph[node]:
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return order[::-1]


def parents_after(graph, output):
    """A known mistake: depth-first, but each node appended before its parents."""
    order = []

    def visit(node):
        if node not in order:
            order.append(node)
            for parent in graph[node]:
                visit(parent)

    visit(output)
    return order


def check_order(c, order, graph, output, what):
    """Verdicts on ``order`` as a topological order of the nodes ``output`` depends on in ``graph``."""
    c.require_type(order, (list, tuple), f"{what}: the order", "Return a list of nodes.")
    needed = ancestors(graph, output)
    counts = collections.Counter(node for node in order if isinstance(node, collections.abc.Hashable))
    twice = [node for node, count in counts.items() if count > 1]
    if twice:
        c.fail(f"{what}: {twice[0]!r} appears {counts[twice[0]]} times in your order {list(order)}.", VISITED_HINT,
               stop=True)
    extra, missing = [node for node in order if node not in needed], [node for node in needed if node not in counts]
    if extra:
        c.fail(f"{what}: your order holds {extra[0]!r}, on which {output!r} does not depend.",
               "Start the search at the output and go to parents only.", stop=True)
    if missing:
        c.fail(f"{what}: {missing[0]!r} is missing from your order {list(order)}.",
               "Visit every parent of every node you visit.", stop=True)
    position = {node: index for index, node in enumerate(order)}
    wrong = next(((node, parent) for node in order for parent in graph[node] if position[parent] > position[node]), None)
    if wrong:
        if list(order) == breadth_first_reversed(graph, output):
            hint = ("Yours is a breadth-first order, reversed; a breadth-first search does not give a topological "
                    "order. Search depth-first: visit all the parents of a node, then append it.")
        elif list(order) == parents_after(graph, output):
            hint = "You append a node before visiting its parents. " + PARENTS_FIRST_HINT
        elif order[0] == output:
            hint = ("Your order starts with the output: that is the backward order. Return the forward order, every "
                    "node after its parents and the output last (backpropagate reverses it).")
        else:
            hint = PARENTS_FIRST_HINT
        c.fail(f"{what}: {wrong[0]!r} comes before its parent {wrong[1]!r} in your order {list(order)}.", hint,
               stop=True)
    c.ok(f"{what}: {len(needed)} nodes, each once, every node after its parents")


@student_check
def topological_order(c, topological_order):
    for what, graph, output in ORDER_CASES:
        order = c.call(topological_order, output, parents_in(graph), inputs=f"{output!r}, parents ({what})")
        check_order(c, order, graph, output, what)


# ----- backpropagate --------------------------------------------------------------------------------------------
def local_backward_of(rules):
    """``local_backward`` of a graph whose backward rules are given as a dict node -> function dout -> gradients."""
    def local_backward(node, dout):
        return rules[node](dout)
    return local_backward


#: The backward rules of LECTURE_GRAPH at w = 1 (the local derivative of w**2 is 2w = 2).
LECTURE_RULES = {"w": lambda dout: [], "w^2": lambda dout: [2.0 * dout], "-10w": lambda dout: [-10.0 * dout],
                 "w^2 - 10w": lambda dout: [dout, dout], "J": lambda dout: [dout]}


#: At v = 1: w = 2v = 2, u = w**2 = 4, J = w * u = 8, so dJ/du = 2, dJ/dw = u + 2w dJ/du = 12, dJ/dv = 24.
TRAP_RULES = {"v": lambda dout: [], "w": lambda dout: [2.0 * dout], "u": lambda dout: [4.0 * dout],
              "J": lambda dout: [4.0 * dout, 2.0 * dout]}
#: out = s + a with s = a + b: each addition hands the same dout array to both of its inputs.
ALIAS_GRAPH = {"a": [], "b": [], "s = a + b": ["a", "b"], "out = s + a": ["s = a + b", "a"]}
ALIAS_RULES = {"a": lambda dout: [], "b": lambda dout: [], "s = a + b": lambda dout: [dout, dout],
               "out = s + a": lambda dout: [dout, dout]}


def backpropagate_error_hint(error):
    """``error_hint``: a KeyError means a node's gradient was read before anyone gave it one."""
    if isinstance(error, KeyError):
        return ("A node's gradient was read before any node gave it one. " + ORDER_HINT)
    return None


def check_gradients(c, grads, expected, what, hints=()):
    """Verdicts on the dict ``grads`` against ``expected`` (node -> gradient); ``hints`` are (node, wrong value, hint)."""
    c.require_type(grads, dict, f"{what}: the result", "Return a dict node -> gradient.")
    missing = [node for node in expected if node not in grads]
    if missing:
        c.fail(f"{what}: no gradient for {missing[0]!r}.",
               "Every node the output depends on gets a gradient, the output included (its gradient is dout).",
               stop=True)
    extra = [node for node in grads if node not in expected]
    if extra:
        c.fail(f"{what}: a gradient for {extra[0]!r}, on which the output does not depend.", stop=True)
    for node, value in expected.items():
        if not _same(grads[node], value):
            hint = next((text for wrong_node, wrong, text in hints if wrong_node == node and _same(grads[node], wrong)),
                        None)
            c.expect_close(grads[node], value, f"{what}: the gradient of {node!r}", rtol=1e-9, hint=hint, stop=True)
    c.ok(f"{what}: the gradients of all {len(expected)} nodes are right")


@student_check(builds_on=("topological_order",))
def backpropagate(c, backpropagate):
    def run(output, graph, rules, dout, what):
        return c.call(backpropagate, output, parents_in(graph), local_backward_of(rules), dout,
                      inputs=f"{output!r}, parents, local_backward, dout ({what})", error_hint=backpropagate_error_hint)

    lecture = {"J": 1.0, "w^2 - 10w": 1.0, "w^2": 1.0, "-10w": 1.0, "w": -8.0}
    one_use = "w received only one of its two contributions (2 from w^2, -10 from -10w). " + ACCUMULATE_HINT
    grads = run("J", LECTURE_GRAPH, LECTURE_RULES, 1.0, "the lecture's J at w = 1")
    check_gradients(c, grads, lecture, "the lecture's J at w = 1", [("w", 2.0, one_use), ("w", -10.0, one_use)])
    grads = run("J", LECTURE_GRAPH, LECTURE_RULES, 3.0, "dout = 3")
    check_gradients(c, grads, {node: 3 * value for node, value in lecture.items()}, "the same graph with dout = 3",
                    [(node, value, "The output's gradient is dout, not 1: start from grads = {output: dout}.")
                     for node, value in lecture.items()])
    grads = run("x * x", SQUARE_GRAPH, {"x": lambda dout: [], "x * x": lambda dout: [3.0 * dout, 3.0 * dout]}, 1.0,
                "x * x at x = 3")
    check_gradients(c, grads, {"x * x": 1.0, "x": 6.0}, "x * x at x = 3",
                    [("x", 3.0, ("x * x lists x twice among its parents, and each listing brings its own contribution: "
                                "go through zip(parents(node), gradients) and add every pair."))])
    grads = run("J", BREADTH_FIRST_TRAP, TRAP_RULES, 1.0, "u = w**2, J = w * u")
    check_gradients(c, grads, {"J": 1.0, "u": 2.0, "w": 12.0, "v": 24.0}, "u = w**2, J = w * u with w = 2v at v = 1",
                    [("v", 8.0, "w handed its gradient to v before u had added its contribution to w. " + ORDER_HINT)])
    ones = np.ones((2, 2))
    grads = run("out = s + a", ALIAS_GRAPH, ALIAS_RULES, ones, "arrays")
    shared = ("If you added with +=, that changed an array that other nodes hold too (an addition hands the same dout "
              "to both of its inputs): add with grads[p] = grads[p] + g, which makes a new array.")
    check_gradients(c, grads, {"out = s + a": ones, "s = a + b": ones, "a": 2 * ones, "b": ones},
                    "out = s + a with s = a + b, on (2, 2) arrays",
                    [(node, 2 * ones, shared) for node in ("out = s + a", "s = a + b", "b")]
                    + [("a", 4 * ones, shared)])
