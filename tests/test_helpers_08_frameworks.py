"""Assignment 08: the numbers its visible checks hold, the graphs its hidden tests draw, and its optional PyTorch section."""

import collections
import io
import sys

import numpy as np
import pytest

from autograder import accuracy, course
from autograder.hidden import frameworks as hidden
from autograder.reference import namespace_from_cells, reference
from helpers import frameworks, nn
from helpers.checks import CheckFailed
from helpers.checks import frameworks as check

ASSIGNMENT = "08_frameworks"


# ----- the fixed numbers of the visible checks are the gradients of their operations -------------------------
def test_the_power_gradients_of_the_check_are_numerical_gradients():
    for a, p, dout, da, what in check.POWER_CASES:
        (numerical,) = hidden.numerical_input_gradients(hidden.raised_to(p), dout, a)
        assert np.shape(da) == np.shape(a) == np.shape(dout), what
        np.testing.assert_allclose(da, numerical, rtol=1e-8, atol=1e-9, err_msg=what)


def test_the_power_check_names_a_missing_dout_by_dividing_by_it():
    assert all(np.all(dout != 0) for _, _, dout, _, _ in check.POWER_CASES)


@pytest.mark.parametrize("A, B, dout, dA, dB", [("MATMUL_A", "MATMUL_B", "MATMUL_DOUT", "MATMUL_DA", "MATMUL_DB"),
                                                ("SQUARE_A", "SQUARE_B", "SQUARE_DOUT", "SQUARE_DA", "SQUARE_DB")])
def test_the_matrix_product_gradients_of_the_check_are_numerical_gradients(A, B, dout, dA, dB):
    numerical = hidden.numerical_input_gradients(np.matmul, getattr(check, dout), getattr(check, A), getattr(check, B))
    np.testing.assert_allclose(getattr(check, dA), numerical[0], atol=1e-8)
    np.testing.assert_allclose(getattr(check, dB), numerical[1], atol=1e-8)


def test_the_unbroadcast_values_of_the_check_are_gradients_of_broadcasting():
    cases = [(check.GRAD, shape, expected) for shape, expected, _ in check.UNBROADCAST_CASES]
    for grad, shape, expected in cases + [(check.GRAD_3D, (2, 1), check.UNBROADCAST_3D)]:
        (numerical,) = hidden.numerical_input_gradients(lambda x, grad=grad: np.broadcast_to(x, grad.shape), grad,
                                                        np.zeros(shape))
        assert np.shape(expected) == shape
        np.testing.assert_allclose(expected, numerical, rtol=1e-8)


def test_the_product_gradients_of_the_check_are_numerical_gradients():
    for a, b, dout, da, db, what in check.MUL_CASES:
        numerical = hidden.numerical_input_gradients(np.multiply, dout, a, b)
        assert np.shape(da) == np.shape(a) and np.shape(db) == np.shape(b), what
        np.testing.assert_allclose(da, numerical[0], atol=1e-8, err_msg=what)
        np.testing.assert_allclose(db, numerical[1], atol=1e-8, err_msg=what)


def test_the_graph_gradients_of_the_check_are_derivatives_of_the_formulas():
    def lecture(w):
        return w ** 2 - 10 * w + 25

    def trap(v):  # J = w * u with u = w**2 and w = 2v
        return (2 * v) * (2 * v) ** 2

    assert (lecture(1 + 1e-6) - lecture(1 - 1e-6)) / 2e-6 == pytest.approx(-8)
    assert (trap(1 + 1e-6) - trap(1 - 1e-6)) / 2e-6 == pytest.approx(24)


# ----- the topological-order check accepts every order and names the usual mistakes -----------------------------
def kahn_order(output, parents):
    """A valid order by another algorithm: the ancestors, with nodes released once their parents are placed."""
    nodes, pending = set(), [output]
    while pending:
        node = pending.pop()
        if node not in nodes:
            nodes.add(node)
            pending.extend(parents(node))
    waiting = {node: collections.Counter(parents(node)) for node in nodes}
    order = [node for node in nodes if not waiting[node]]
    for node in order:
        for child in nodes:
            if node in waiting[child]:
                del waiting[child][node]
                if not waiting[child]:
                    order.append(child)
    return order


def test_an_order_by_kahns_algorithm_passes_the_visible_check_and_the_hidden_tests(capsys):
    check.topological_order(kahn_order)
    hidden.topological_order(kahn_order)
    assert "FAIL" not in capsys.readouterr().out


def test_an_order_that_leaves_out_a_shared_parent_fails_with_a_hint(capsys):
    def without_inputs(output, parents):
        return [node for node in kahn_order(output, parents) if parents(node)]

    with pytest.raises(CheckFailed):
        check.topological_order(without_inputs)
    assert "'w' is missing from your order" in capsys.readouterr().out


# ----- the hidden tests draw inputs that exercise what they claim to -----------------------------------------------
def test_the_hidden_power_cases_hold_every_kind_of_exponent_and_positive_bases_where_a_power_needs_them():
    cases = hidden.power_cases()
    exponents = [p for _, p, _, _ in cases]
    assert {0, 1, 2, 3} <= set(exponents)
    assert any(p < 0 for p in exponents) and any(p != int(p) for p in exponents)
    assert all(np.all(a > 0) for a, p, _, _ in cases if p < 0 or p != int(p))
    assert all(any(np.any(a < 0) for a, q, _, _ in cases if q == p) for p in (1, 2, 3))
    assert len({np.shape(a) for a, _, _, _ in cases}) >= 8


def uses(graph, output):
    """How many times each node the output depends on is listed as a parent."""
    needed = check.ancestors(graph, output)
    return collections.Counter(parent for node in needed for parent in graph[node])


def test_the_hidden_graphs_reuse_nodes_list_parents_twice_and_hold_nodes_the_output_ignores():
    graphs = [(graph, output) for graph, output, _ in hidden.order_cases()]
    graphs += [(graph.graph, graph.output) for graph, _, _ in hidden.backpropagation_cases()]
    assert sum(max(uses(graph, output).values()) > 1 for graph, output in graphs) >= len(graphs) // 2
    assert any(len(parents) != len(set(parents)) for graph, _ in graphs for parents in graph.values())
    assert sum(len(check.ancestors(graph, output)) < len(graph) for graph, output in graphs) >= len(graphs) // 3
    assert any(sorted(graph, key=str) != list(graph) for graph, _ in graphs)


def test_the_hidden_array_graphs_end_with_an_addition_that_hands_one_array_to_both_inputs():
    arrays = [graph for graph, dout, _ in hidden.backpropagation_cases() if np.ndim(dout)]
    assert len(arrays) == 4
    for graph in arrays:
        first, second = graph.local_backward_function()(graph.output, np.ones((2, 3)))
        assert first is second


def test_the_hidden_numerical_gradients_of_a_graph_match_the_reference_backpropagation():
    backpropagate = reference(ASSIGNMENT, "backpropagate")
    graph, dout, _ = hidden.backpropagation_cases()[0]
    grads = backpropagate(graph.output, lambda node: graph.graph[node], graph.local_backward_function(), dout)
    numerical = graph.numerical_gradients(dout)
    assert set(grads) == set(numerical)
    for label in grads:
        assert grads[label] == pytest.approx(numerical[label], rel=1e-6, abs=1e-8)


# ----- a wrong earlier exercise is blamed first ------------------------------------------------------------------
@pytest.mark.parametrize("earlier, mistake, function", [
    ("unbroadcast", "sums without keepdims", "mul_backward"),
    ("topological_order", "returns the backward order, the output first", "backpropagate"),
])
def test_a_wrong_earlier_exercise_is_blamed_before_the_one_built_on_it(earlier, mistake, function):
    visible, _ = accuracy.verdicts(ASSIGNMENT, function, [accuracy.named_edit(ASSIGNMENT, earlier, mistake)])
    assert not visible.passed
    assert f"{earlier} fails its own check, and this exercise builds on it: fix {earlier} first." in visible.printed


# ----- the optional PyTorch section ----------------------------------------------------------------------------
def pytorch_section():
    """The sources of the notebook's code cells from the one that imports PyTorch to the end."""
    sources = [cell["source"] for cell in course.read_source(ASSIGNMENT)["cells"] if cell["cell_type"] == "code"]
    start = next(i for i, source in enumerate(sources) if "frameworks.import_torch()" in source)
    return sources[start:]


def test_import_torch_without_pytorch_prints_one_line_naming_the_extra(monkeypatch, capsys):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch raises ImportError
    assert frameworks.import_torch() is None
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "PyTorch is not installed" in lines[0] and frameworks.INSTALL_HINT in lines[0]


def test_import_torch_skips_pytorch_while_autograding(monkeypatch, capsys):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    monkeypatch.setitem(sys.modules, "torch", object())  # would be returned if it were imported
    assert frameworks.import_torch() is None
    assert capsys.readouterr().out == "(autograder run: the PyTorch cells are skipped)\n"


def test_import_torch_returns_pytorch_where_it_is_installed(monkeypatch):
    torch = pytest.importorskip("torch")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert frameworks.import_torch() is torch


def test_without_pytorch_the_notebooks_pytorch_cells_print_one_note_and_run(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setitem(sys.modules, "torch", None)
    printed = io.StringIO()
    monkeypatch.setattr(sys, "stdout", printed)
    namespace = namespace_from_cells(["import numpy as np\nfrom helpers import frameworks", *pytorch_section()])
    assert namespace["torch"] is None
    assert printed.getvalue().count("\n") == 1 and "PyTorch is not installed" in printed.getvalue()


def test_the_notebooks_pytorch_cost_has_the_gradients_of_the_hand_written_backward_pass():
    torch = pytest.importorskip("torch")
    namespace = namespace_from_cells(["import torch", next(s for s in pytorch_section() if s.startswith("def torch_cost"))])
    rng = np.random.default_rng(8)
    parameters = nn.initialize_he_uniform([3, 4, 2, 1], rng)
    X, Y = rng.standard_normal((3, 7)), (rng.random((1, 7)) < 0.5).astype(int)
    tensors = {key: torch.tensor(value, requires_grad=True) for key, value in parameters.items()}
    loss = namespace["torch_cost"](X, Y, tensors)
    loss.backward()
    AL, caches = nn.l_layer_forward(X, parameters)
    assert loss.item() == pytest.approx(nn.compute_cost(AL, Y), rel=1e-12)
    by_hand = nn.l_layer_backward(AL - Y, caches)
    for key, tensor in tensors.items():
        np.testing.assert_allclose(tensor.grad.numpy(), by_hand["d" + key], rtol=1e-10, atol=1e-14)
