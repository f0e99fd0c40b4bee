"""Hidden tests of assignment 08, Programming frameworks.

Shapes, values and graphs are drawn from fixed seeds. Every backward rule is compared with the
numerical gradient of ``sum(dout * out)`` (centered differences of the forward operation; for the
power, whole exponents on bases of either sign, negative and fractional ones on positive bases), and
unbroadcast with the numerical gradient of ``sum(grad * broadcast_to(x, grad.shape))``, so no
reference answer is needed. Topological orders are judged by their properties on random graphs;
backpropagation on random graphs of scalar and array nodes, against the numerical derivative of
the output with respect to each node (its value moved by epsilon, the nodes after it recomputed).
The graphs have nodes used several times, parents listed twice, nodes the output does not depend
on, labels in no particular order, and additions that hand the same array to both of their inputs.
"""

import functools

import numpy as np

from autograder.hidden.common import hidden_test, numerical_gradient
from helpers.checks.frameworks import (
    ancestors,
    check_order,
    matmul_error_hint,
    parents_in,
    require_shape_of,
)


def expect_gradient(c, actual, expected, what, hint=None):
    """``actual`` has the shape of ``expected`` and matches it (the solutions agree with a numerical
    gradient to about 1e-9; a wrong rule is off by 1e-2 or much more)."""
    actual = require_shape_of(c, actual, np.shape(expected), what, hint)
    return c.expect_close(actual, expected, what, rtol=1e-6, atol=1e-8, hint=hint, stop=True)


def numerical_input_gradients(forward, dout, *inputs):
    """Centered differences of ``sum(dout * forward(*inputs))`` with respect to each input, in a list."""
    copies = [np.array(x, dtype=float) for x in inputs]

    def objective():
        return float(np.sum(dout * forward(*copies)))

    return [numerical_gradient(objective, x) for x in copies]


def random_shape(rng):
    """A shape of 0 to 3 axes of lengths 1 to 4."""
    return tuple(int(n) for n in rng.integers(1, 5, size=int(rng.integers(0, 4))))


#: The exponents of the hidden tests of power_backward: whole ones, then negative and fractional ones.
WHOLE_EXPONENTS, OTHER_EXPONENTS = (0, 1, 2, 3), (-1, -2, 0.5, 1.5, -0.5, 2.5)


def power_cases():
    """The inputs of the hidden tests of power_backward: a list of (a, p, dout, what).

    A whole exponent p >= 0 gets bases of either sign; a negative or fractional one gets bases in
    [0.5, 2], where a ** p is defined and its slope moderate. Each exponent gets two random shapes.
    """
    rng = np.random.default_rng(801)
    cases = []
    for p in WHOLE_EXPONENTS + OTHER_EXPONENTS:
        for _ in range(2):
            shape = random_shape(rng)
            a = 2 * rng.standard_normal(shape) if p in WHOLE_EXPONENTS else rng.uniform(0.5, 2.0, shape)
            cases.append((a, p, rng.standard_normal(shape), f"p = {p}, a of shape {shape}"))
    return cases


def raised_to(p):
    """The forward operation a -> a ** p."""
    return lambda a: a ** p


@hidden_test
def power_backward(c, function):
    for a, p, dout, what in power_cases():
        da = c.call(function, dout, a, p)
        expect_gradient(c, da, numerical_input_gradients(raised_to(p), dout, a)[0], f"da for {what}")


def require_pair(c, result, case, names):
    """Stop the test unless ``result`` is a pair, the gradients ``names`` (for example ``"(dA, dB)"``)."""
    c.require_type(result, (tuple, list), f"case {case}: the result", f"Return the pair {names}.")
    if len(result) != 2:
        c.fail(f"case {case}: {len(result)} values returned; expected 2, {names}.", stop=True)


@hidden_test
def matmul_backward(c, function):
    rng = np.random.default_rng(802)
    for case in range(8):
        n, k, m = (int(size) for size in rng.integers(1, 6, size=3))
        A, B, dout = rng.standard_normal((n, k)), rng.standard_normal((k, m)), rng.standard_normal((n, m))
        result = c.call(function, dout, A, B, error_hint=matmul_error_hint)
        require_pair(c, result, case, "(dA, dB)")
        dA, dB = numerical_input_gradients(np.matmul, dout, A, B)
        expect_gradient(c, result[0], dA, f"case {case}: dA for A {A.shape} @ B {B.shape}")
        expect_gradient(c, result[1], dB, f"case {case}: dB for A {A.shape} @ B {B.shape}")


def random_broadcast(rng, shape):
    """A shape that broadcasts to ``shape``: some leading axes dropped, some axes set to 1."""
    kept = shape[int(rng.integers(0, len(shape) + 1)):]
    return tuple(1 if rng.random() < 0.5 else size for size in kept)


@hidden_test
def unbroadcast(c, function):
    rng = np.random.default_rng(803)
    cases = [((5, 7), (5, 1)), ((3, 4), ()), ((2, 3, 4), (3, 1)), ((4, 6), (4, 6)), ((1, 5), (1, 1))]
    for _ in range(12):
        grad_shape = tuple(int(n) for n in rng.integers(1, 5, size=int(rng.integers(1, 4))))
        cases.append((grad_shape, random_broadcast(rng, grad_shape)))
    for case, (grad_shape, shape) in enumerate(cases):
        grad = rng.standard_normal(grad_shape)
        numerical = numerical_input_gradients(functools.partial(np.broadcast_to, shape=grad_shape), grad,
                                              np.zeros(shape))[0]
        result = c.call(function, grad, shape)
        expect_gradient(c, result, numerical, f"case {case}: grad {grad_shape} to {shape}")


@hidden_test
def mul_backward(c, function):
    rng = np.random.default_rng(804)
    for case in range(12):
        out_shape = tuple(int(n) for n in rng.integers(2, 5, size=int(rng.integers(1, 4))))
        a_shape, b_shape = random_broadcast(rng, out_shape), random_broadcast(rng, out_shape)
        if case < 4:  # one factor always has the full shape, so that dout has it too
            a_shape = out_shape
        out_shape = np.broadcast_shapes(a_shape, b_shape)
        a, b, dout = rng.standard_normal(a_shape), rng.standard_normal(b_shape), rng.standard_normal(out_shape)
        result = c.call(function, dout, a, b)
        require_pair(c, result, case, "(da, db)")
        da, db = numerical_input_gradients(np.multiply, dout, a, b)
        expect_gradient(c, result[0], da, f"case {case}: da for a {a_shape} times b {b_shape}")
        expect_gradient(c, result[1], db, f"case {case}: db for a {a_shape} times b {b_shape}")


# ----- random computation graphs --------------------------------------------------------------------------------
#: Operations of the random graphs: name -> (number of parents, forward, backward given the parents' values).
OPERATIONS = {
    "add": (2, lambda x, y: x + y, lambda dout, x, y: [dout, dout]),
    "mul": (2, lambda x, y: x * y, lambda dout, x, y: [dout * y, dout * x]),
    "sin": (1, np.sin, lambda dout, x: [dout * np.cos(x)]),
    "square": (1, np.square, lambda dout, x: [dout * 2 * x]),
    "half": (1, lambda x: 0.5 * x, lambda dout, x: [0.5 * dout]),
}


class RandomGraph:
    """A random computation graph: nodes 0..size-1, each one computed from earlier ones.

    Nodes carry labels (what the student's functions see), in no particular order. Parents are
    drawn with replacement (x * x), mostly among the last few nodes so that the graph is deep,
    and the output is the last node (computed by ``output_operation`` when one is given); some
    nodes are left out of its ancestors.
    """

    def __init__(self, rng, size, shape=None, operations=tuple(OPERATIONS), output_operation=None):
        self.values = [np.inf]
        while not np.all(np.abs(np.concatenate([np.ravel(v) for v in self.values])) < 50):  # redraw what overflows
            self._draw(rng, size, shape, operations, output_operation)
            self.values = self.forward()
        labels = rng.permutation(size * 3)[:size]
        self.labels = [int(label) if rng.random() < 0.5 else f"n{label}" for label in labels]
        self.index = {label: node for node, label in enumerate(self.labels)}
        self.output = self.labels[-1]
        self.graph = {self.labels[node]: [self.labels[p] for p in parents] for node, parents in enumerate(self.parents)}

    def _draw(self, rng, size, shape, operations, output_operation):
        n_inputs = int(rng.integers(1, 4))
        self.operations, self.parents = [None] * n_inputs, [[] for _ in range(n_inputs)]
        for node in range(n_inputs, size):
            operation = output_operation if node == size - 1 and output_operation else str(rng.choice(operations))
            low = max(0, node - 4) if rng.random() < 0.7 else 0
            self.operations.append(operation)
            self.parents.append([int(p) for p in rng.integers(low, node, size=OPERATIONS[operation][0])])
        self.inputs = [rng.uniform(-1.5, 1.5, shape) for _ in range(n_inputs)]

    def forward(self, moved=None, epsilon=0.0):
        """The value of every node, node ``moved`` shifted by ``epsilon`` (a number, or an array) after it is computed."""
        values = []
        for node, operation in enumerate(self.operations):
            value = self.inputs[node] if operation is None else \
                OPERATIONS[operation][1](*(values[p] for p in self.parents[node]))
            values.append(value + epsilon if node == moved else value)
        return values

    def local_backward_function(self):
        """The ``local_backward(label, dout)`` of this graph, for backpropagate."""
        def local_backward(label, dout):
            node = self.index[label]
            operation = self.operations[node]
            if operation is None:
                return []
            return OPERATIONS[operation][2](dout, *(self.values[p] for p in self.parents[node]))
        return local_backward

    def numerical_gradients(self, dout, epsilon=1e-6):
        """label -> numerical d sum(dout * output) / d(node), for every node the output depends on."""
        gradients = {}
        for label in ancestors(self.graph, self.output):
            node = self.index[label]
            step = np.zeros(np.shape(self.values[node]))
            gradients[label] = numerical_gradient(functools.partial(self._objective, dout, node, step), step, epsilon)
        return gradients

    def _objective(self, dout, moved, step):
        return float(np.sum(dout * self.forward(moved, step)[-1]))


def order_cases():
    """The graphs of the hidden tests of topological_order: a list of (graph, output, what)."""
    rng = np.random.default_rng(805)
    cases = []
    for case in range(12):
        graph = RandomGraph(rng, int(rng.integers(4, 40)))
        cases.append((graph.graph, graph.output, f"random graph {case} ({len(graph.labels)} nodes)"))
    chain = {node: [node - 1] if node else [] for node in range(300)}
    chain[299] = [298, 0, 150]
    cases.append((chain, 299, "a chain of 300 nodes with shortcuts"))
    return cases


def backpropagation_cases():
    """The graphs of the hidden tests of backpropagate: a list of (RandomGraph, dout, what).

    The graphs of arrays end with an addition, which hands the same dout array to both of its inputs.
    """
    rng = np.random.default_rng(806)
    cases = [(RandomGraph(rng, int(rng.integers(4, 25))), float(rng.uniform(0.5, 2.0)), f"random scalar graph {case}")
             for case in range(10)]
    for case in range(4):
        graph = RandomGraph(rng, int(rng.integers(4, 12)), shape=(2, 3), operations=("add", "mul", "half"),
                            output_operation="add")
        cases.append((graph, rng.standard_normal((2, 3)), f"random graph {case} of (2, 3) arrays"))
    return cases


@hidden_test
def topological_order(c, function):
    for graph, output, what in order_cases():
        order = c.call(function, output, parents_in(graph), inputs=what)
        check_order(c, order, graph, output, what)


@hidden_test
def backpropagate(c, function):
    for graph, dout, what in backpropagation_cases():
        grads = c.call(function, graph.output, parents_in(graph.graph), graph.local_backward_function(), dout,
                       inputs=what)
        c.require_type(grads, dict, f"{what}: the result", "Return a dict node -> gradient.")
        expected = graph.numerical_gradients(dout)
        missing = [label for label in expected if label not in grads]
        extra = [label for label in grads if label not in expected]
        if missing or extra:
            c.fail(f"{what}: gradients for the wrong nodes ({len(missing)} missing, {len(extra)} the output does "
                   "not depend on).", stop=True)
        for label, value in expected.items():
            c.expect_close(grads[label], value, f"{what}: the gradient of node {label!r}", rtol=1e-5, atol=1e-6,
                           stop=True)
