"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py)."""

CLAIMS = [
    # Section 3: the order of the graph of Section 1.
    ("The forward order starts with `w` and ends with `J`, every node after its parents, and lists `w` once",
     "forward_order[0] == 'w' and forward_order[-1] == 'J = c + 25' and len(set(forward_order)) == 5 == len(forward_order)"),
    # Section 4: the plain-data graph of Section 1.
    ("1 for $J$, $c$, $a$ and $b$, and $-8 = 2 - 10$ for $w$",
     "J_gradients['w'] == -8 and all(J_gradients[n] == 1 for n in J_gradients if n != 'w')"),
    # Section 5: three small tests.
    ("`x.grad` is $2x/4$ entry by entry", "np.allclose(x.grad, 2 * x.data / 4, rtol=1e-15)"),
    ("Every entry of `b.grad` is $0.3333$, and `b.grad` has the shape $(3, 1)$",
     "b.grad.shape == (3, 1) and np.allclose(b.grad, 1 / 3, rtol=1e-15)"),
    ("$J = 16$ and $dJ/dw = -8$ at $w = 1$", "J.data == 16 and w.grad == -8"),
    # Section 6: gradient descent on J(w), then with the coefficients as data.
    ("one step takes $w$ from 0 to 1", "path[0] == 0 and path[1] == 1"),
    ("after ten steps $w = 4.463$, which is $5 - 5 \\cdot 0.8^{10}$",
     "abs(path[10] - 4.463) < 5e-4 and abs(path[10] - (5 - 5 * 0.8 ** 10)) < 1e-12"),
    ("after sixty $w = 4.999992$, with $J(w)$ below $10^{-10}$",
     "abs(path[60] - 4.999992) < 1e-6 and J(path[60]) < 1e-10"),
    ("Each run ends at its own minimum, $w^* = 5$, $2$ and $-1$",
     "list(minima.values()) == [5, 2, -1] and all(abs(paths[n][-1] - minima[n]) < 1e-5 for n in paths)"),
    ("the distances to the minimum fall along straight lines",
     ("all(np.allclose(np.diff(np.log(np.abs(np.array(paths[n][:31]) - minima[n]))), "
     "np.log(abs(1 - 0.2 * coefficients[n][0])), atol=1e-3) for n in paths)")),
    ("after 30 steps its distance is far below $10^{-10}$, while the first two are still above $10^{-3}$",
     ("[abs(paths[n][30] - minima[n]) for n in paths][2] < 1e-10 "
     "and min([abs(paths[n][30] - minima[n]) for n in paths][:2]) > 1e-3")),
    # Section 7: gradient checks and training.
    ("82 for the 41 parameters of this network", "sum(value.size for value in initial_parameters.values()) == 41"),
    ("the two slopes agree to about ten digits, with relative gaps around $10^{-11}$, far below $10^{-7}$",
     ("len(directions) == 5 and 1e-12 < np.median(initial_check['rows'][:, 2]) < 1e-10 "
      "and max(initial_check['rows'][:, 2]) < 1e-9")),
    ("ten evaluations of $J$, two per direction, where the per-parameter check of assignment 03 would take 82",
     "2 * len(directions) == 10 and 2 * sum(value.size for value in initial_parameters.values()) == 82"),
    ("pass to about $10^{-16}$ of the largest entry", "initial_check['by hand'] < 1e-15"),
    ("`db1[3]` is about 0.019, so the change is about 0.05% of one entry out of 41",
     ("abs(initial_gradients['db1'][3, 0] - 0.019) < 0.001 "
      "and abs(1e-5 / abs(initial_gradients['db1'][3, 0]) - 5e-4) < 1e-4 "
      "and sum(value.size for value in initial_gradients.values()) == 41")),
    ("lands between a few times $10^{-6}$ and about $2 \\cdot 10^{-4}$, far above $10^{-7}$",
     "2e-6 < min(wrong_gaps) < 1e-5 and 1e-4 < max(wrong_gaps) < 4e-4"),
    ("The five gaps spread over almost two orders of magnitude", "30 < max(wrong_gaps) / min(wrong_gaps) < 100"),
    ("they differ by less than $10^{-12}$", "cost_gap < 1e-12"),
    ("from a cost of 0.46 down to 0.083",
     "abs(autodiff_costs[0] - 0.46) < 0.005 and abs(autodiff_costs[-1] - 0.083) < 0.0015"),
    ("about 97% of the training and 95% of the test points right",
     ("abs(accuracy(trained_parameters, X_train, Y_train) - 0.97) < 0.01 "
     "and abs(accuracy(trained_parameters, X_test, Y_test) - 0.95) < 0.01")),
    ("relative gaps around $10^{-9}$, still more than ten times below $10^{-7}$",
     "1e-10 < np.median(after_training_check['rows'][:, 2]) < 1e-8 and max(after_training_check['rows'][:, 2]) < 1e-8"),
    ("about $10^{-14}$ of the largest entry against the hand-written pass",
     "1e-15 < after_training_check['by hand'] < 5e-14"),
    ("the slopes $d$ are about a hundred times smaller than at the start",
     ("50 < np.median(np.abs(initial_check['rows'][:, 0])) "
      "/ np.median(np.abs(after_training_check['rows'][:, 0])) < 300")),
    ("the absolute error of the centered differences stays about the same",
     ("0.1 < np.median(np.abs(initial_check['rows'][:, 1] - initial_check['rows'][:, 0])) "
      "/ np.median(np.abs(after_training_check['rows'][:, 1] - after_training_check['rows'][:, 0])) < 10")),
    ("takes a few times as long as one of the hand-written pass", "seconds['autodiff'] > 1.5 * seconds['by hand']"),
    # Section 9: PyTorch, when it is installed.
    ("The two costs agree to the printed digits",
     "torch is None or abs(loss.item() - initial_cost) < 1e-13"),
    ("PyTorch's gradients differ from yours by about $10^{-16}$ of the largest entry",
     "torch is None or torch_gradient_gap < 2e-15"),
    ("to within $10^{-12}$ over all the iterations and ends at the same cost",
     "torch is None or (torch_gap < 1e-12 and len(torch_costs) == len(autodiff_costs))"),
]
