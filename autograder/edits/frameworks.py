"""Edits of the solutions of assignment 08: realistic mistakes (mutants) and valid rewrites (variants).

The mutants cover the three ideas the issue asks to be tested: the broadcast reduction
(unbroadcast, and mul_backward without it), the topological order (duplicates, parents after the
node, the backward order, breadth-first search) and the accumulation of gradients (replacing
instead of adding, adding in place into a shared array, a parent listed twice counted once).
"""

from autograder.submissions import Edit

POWER_DA = "return dout * p * a ** (p - 1)"
DA, DB = "dA = dout @ B.T", "dB = A.T @ dout"
LEADING = "while grad.ndim > len(shape):\n        grad = grad.sum(axis=0)"
KEPT = "grad = grad.sum(axis=axis, keepdims=True)"
MUL_DA, MUL_DB = "da = unbroadcast(dout * b, np.shape(a))", "db = unbroadcast(dout * a, np.shape(b))"
VISIT = """    def visit(node):
        if node in visited:
            return
        visited.add(node)
        for parent in parents(node):
            visit(parent)
        order.append(node)"""
SKIP_VISITED = "        if node in visited:\n            return\n"
ADD = "grads[parent] = grads[parent] + grad if parent in grads else grad"
LOOP = "for node in reversed(topological_order(output, parents)):"

BREADTH_FIRST = """    order, seen, queue = [], {output}, [output]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for parent in parents(node):
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return order[::-1]"""

MUTANTS = [
    # power_backward
    Edit("power_backward", "keeps the exponent p instead of lowering it", ((POWER_DA, "return dout * p * a ** p"),),
         named_by="lowers the exponent by one"),
    Edit("power_backward", "forgets dout", ((POWER_DA, "return p * a ** (p - 1)"),),
         named_by="multiply it by dout (chain rule)"),
    Edit("power_backward", "forgets the factor p", ((POWER_DA, "return dout * a ** (p - 1)"),),
         named_by="lacks the factor p"),
    Edit("power_backward", "a ** p - 1 without parentheses", ((POWER_DA, "return dout * p * a ** p - 1"),),
         named_by="the exponent needs parentheses"),
    Edit("power_backward", "raises p * a to the power p - 1", ((POWER_DA, "return dout * (p * a) ** (p - 1)"),),
         named_by="the exponent applies to a alone"),
    Edit("power_backward", "returns dout times the forward value", ((POWER_DA, "return dout * a ** p"),),
         named_by="the forward value"),
    # matmul_backward
    Edit("matmul_backward", "divides by m, as the hand-written dW did",
         ((DA, "dA = dout @ B.T / dout.shape[1]"), (DB, "dB = A.T @ dout / dout.shape[1]")),
         named_by="a matrix product has no 1/m"),
    Edit("matmul_backward", "factors of dA in the wrong order", ((DA, "dA = B.T @ dout"),), named_by="The shapes decide"),
    Edit("matmul_backward", "B not transposed in dA", ((DA, "dA = dout @ B"),), named_by="The shapes decide"),
    Edit("matmul_backward", "returns (dB, dA)", (("return dA, dB", "return dB, dA"),),
         named_by="Return (dA, dB) in this order"),
    Edit("matmul_backward", "dB transposed", ((DB, "dB = dout.T @ A"),), named_by="has the shape of B"),
    # unbroadcast
    Edit("unbroadcast", "sums without keepdims", ((KEPT, "grad = grad.sum(axis=axis)"),),
         named_by="sum with keepdims=True"),
    Edit("unbroadcast", "the mean instead of the sum",
         ((KEPT, "grad = grad.mean(axis=axis, keepdims=True)"), ("grad = grad.sum(axis=0)", "grad = grad.mean(axis=0)")),
         named_by="the mean over the broadcast axes, not the sum"),
    Edit("unbroadcast", "leading axes not summed", ((LEADING, "pass"),), named_by="numpy lines shapes up from the right"),
    Edit("unbroadcast", "sums axis 0 wherever shape has a 1", ((KEPT, "grad = grad.sum(axis=0, keepdims=True)"),),
         named_by="not over another one"),
    Edit("unbroadcast", "keeps the gradient of the first copy", ((KEPT, "grad = grad.take([0], axis=axis)"),),
         named_by="the gradient of the first copy only"),
    Edit("unbroadcast", "sums the extra axes at the end instead of the front",
         (("grad = grad.sum(axis=0)", "grad = grad.sum(axis=-1)"),), named_by="numpy lines shapes up from the right"),
    # mul_backward
    Edit("mul_backward", "each input times its own value", ((MUL_DA, "da = unbroadcast(dout * a, np.shape(a))"),
                                                           (MUL_DB, "db = unbroadcast(dout * b, np.shape(b))")),
         named_by="dout times the OTHER input"),
    Edit("mul_backward", "no unbroadcast", ((MUL_DA, "da = dout * b"), (MUL_DB, "db = dout * a")),
         named_by="bring the product back to the shape of"),
    Edit("mul_backward", "forgets dout", ((MUL_DA, "da = b"), (MUL_DB, "db = a")),
         named_by="the local derivative alone: multiply it by dout"),
    Edit("mul_backward", "db brought back to the shape of a", ((MUL_DB, "db = unbroadcast(dout * a, np.shape(a))"),),
         named_by="bring the product back to the shape of b"),
    # topological_order
    Edit("topological_order", "no set of visited nodes: a node reached twice appears twice", ((SKIP_VISITED, ""),),
         named_by="a node reached along two paths must appear once"),
    Edit("topological_order", "appends a node before visiting its parents",
         (("        for parent in parents(node):\n            visit(parent)\n        order.append(node)",
           "        order.append(node)\n        for parent in parents(node):\n            visit(parent)"),),
         named_by="You append a node before visiting its parents"),
    Edit("topological_order", "returns the backward order, the output first",
         (("    visit(output)\n    return order", "    visit(output)\n    return order[::-1]"),),
         named_by="Your order starts with the output"),
    Edit("topological_order", "breadth-first search from the output, reversed",
         ((VISIT + "\n\n    visit(output)\n    return order", BREADTH_FIRST),),
         named_by="Yours is a breadth-first order, reversed"),
    # backpropagate
    Edit("backpropagate", "replaces a parent's gradient instead of adding to it", ((ADD, "grads[parent] = grad"),),
         named_by="w received only one of its two contributions"),
    Edit("backpropagate", "adds in place with +=, into an array other nodes hold too",
         ((ADD, ("if parent in grads:\n                grads[parent] += grad\n            else:\n"
                "                grads[parent] = grad")),),
         named_by="that changed an array that other nodes hold too"),
    Edit("backpropagate", "visits the nodes in topological order, not reversed",
         ((LOOP, "for node in topological_order(output, parents):"),),
         named_by="A node's gradient was read before any node gave it one"),
    Edit("backpropagate", "starts from 1 instead of dout", (("grads = {output: dout}", "grads = {output: 1.0}"),),
         named_by="The output's gradient is dout, not 1"),
    Edit("backpropagate", "a parent listed twice gets one contribution",
         (("zip(parents(node), local_backward(node, grads[node]))",
           "dict(zip(parents(node), local_backward(node, grads[node]))).items()"),),
         named_by="x * x lists x twice among its parents"),
    Edit("backpropagate", "its own breadth-first order",
         ((LOOP, ("queue, seen = [output], {output}\n"
                 "    while queue:\n"
                 "        node = queue.pop(0)\n"
                 "        queue += [p for p in parents(node) if p not in seen]\n"
                 "        seen.update(parents(node))")),),
         named_by="before u had added its contribution to w"),
]

VARIANTS = [
    # power_backward
    Edit("power_backward", "np.power", ((POWER_DA, "return dout * p * np.power(a, p - 1)"),)),
    Edit("power_backward", "the local derivative in a variable, then np.multiply",
         ((POWER_DA, "local = p * a ** (p - 1.0)\n    return np.multiply(dout, local)"),)),
    Edit("power_backward", "np.float_power, dout last", ((POWER_DA, "return p * np.float_power(a, p - 1) * dout"),)),
    # matmul_backward
    Edit("matmul_backward", "np.dot", ((DA, "dA = np.dot(dout, B.T)"), (DB, "dB = np.dot(A.T, dout)"))),
    Edit("matmul_backward", "transposes of the transposed products",
         ((DA, "dA = (B @ dout.T).T"), (DB, "dB = (dout.T @ A).T"))),
    Edit("matmul_backward", "np.einsum", ((DA, 'dA = np.einsum("nm,km->nk", dout, B)'),
                                          (DB, 'dB = np.einsum("nk,nm->km", A, dout)'))),
    # unbroadcast
    Edit("unbroadcast", "all the axes in one np.sum, then a reshape",
         ((LEADING + "\n    for axis, size in enumerate(shape):\n        if size == 1:\n            " + KEPT
           + "\n    return grad",
           ("lead = grad.ndim - len(shape)\n"
           "    axes = tuple(range(lead)) + tuple(lead + i for i, size in enumerate(shape) if size == 1)\n"
           "    return np.sum(grad, axis=axes).reshape(shape)")),)),
    Edit("unbroadcast", "sums only the axes whose length differs",
         (("        if size == 1:\n", "        if size == 1 and grad.shape[axis] != 1:\n"),)),
    Edit("unbroadcast", "np.sum on the leading axes at once",
         ((LEADING, "grad = np.sum(grad, axis=tuple(range(grad.ndim - len(shape))))"),)),
    # mul_backward
    Edit("mul_backward", "the shapes read from .shape", ((MUL_DA, "da = unbroadcast(b * dout, a.shape)"),
                                                         (MUL_DB, "db = unbroadcast(a * dout, b.shape)"))),
    Edit("mul_backward", "np.multiply", ((MUL_DA, "da = unbroadcast(np.multiply(dout, b), np.shape(a))"),
                                         (MUL_DB, "db = unbroadcast(np.multiply(dout, a), np.shape(b))"))),
    # topological_order
    Edit("topological_order", "marks a node visited after its parents",
         (("        visited.add(node)\n        for parent in parents(node):\n            visit(parent)\n",
           "        for parent in parents(node):\n            visit(parent)\n        visited.add(node)\n"),)),
    Edit("topological_order", "an explicit stack instead of recursion",
         ((VISIT + "\n\n    visit(output)\n    return order",
           ("    stack = [(output, False)]\n"
           "    while stack:\n"
           "        node, parents_done = stack.pop()\n"
           "        if parents_done:\n"
           "            order.append(node)\n"
           "        elif node not in visited:\n"
           "            visited.add(node)\n"
           "            stack.append((node, True))\n"
           "            stack.extend((parent, False) for parent in parents(node))\n"
           "    return order")),)),
    Edit("topological_order", "the order list doubles as the visited set",
         (("    order, visited = [], set()\n", "    order = []\n"), ("if node in visited:", "if node in order:"),
          ("        visited.add(node)\n", ""))),
    # backpropagate
    Edit("backpropagate", "grads.get(parent, 0) + grad", ((ADD, "grads[parent] = grads.get(parent, 0) + grad"),)),
    Edit("backpropagate", "a defaultdict(float) with += (each sum is a new array)",
         (("grads = {output: dout}",
           "from collections import defaultdict\n    grads = defaultdict(float)\n    grads[output] = dout"),
          (ADD, "grads[parent] += grad"))),
    Edit("backpropagate", "copies the first gradient, then adds in place",
         ((ADD, ("if parent in grads:\n                grads[parent] += grad\n            else:\n"
                "                grads[parent] = np.array(grad, dtype=float)")),)),
    Edit("backpropagate", "the order in a variable, visited with [::-1]",
         ((LOOP, "order = topological_order(output, parents)\n    for node in order[::-1]:"),)),
]

#: The mistakes of the example submission "mistakes" (functions no other exercise calls).
EXAMPLE_MISTAKES = [
    next(m for m in MUTANTS if m.description == "keeps the exponent p instead of lowering it"),
    next(m for m in MUTANTS if m.description == "replaces a parent's gradient instead of adding to it"),
]
