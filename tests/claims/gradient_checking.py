"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py).

Round-off differs between machines and numpy builds (numpy's vectorized power and the BLAS kernel
both change its digits), so round-off results are only claimed as bounds with a wide margin.
"""


def _error_at(method, step):
    """The notebook's error of ``method`` at the step of ``epsilons`` closest to ``step``."""
    return f"errors[{method!r}][int(np.argmin(abs(np.log10(epsilons) - np.log10({step!r}))))]"


_OTHER_BLOCKS = "max(block_differences[key] for key in ('W1', 'b2', 'W3', 'b3'))"

CLAIMS = [
    # 1. numerical derivatives: the lecture's example is arithmetic
    ("$(1.01^3 - 0.99^3)/0.02 = 3.0001$, off by $0.0001 = \\varepsilon^2$",
     "abs((1.01 ** 3 - 0.99 ** 3) / 0.02 - 3.0001) < 1e-9"),
    ("$(1.01^3 - 1)/0.01 = 3.0301$, off by $0.0301$ — three hundred times more",
     "abs((1.01 ** 3 - 1) / 0.01 - 3.0301) < 1e-9 and round(0.0301 / 0.0001) == 301"),
    # 2. how small should epsilon be
    ("`np.finfo(float).eps` $\\approx 2.2 \\times 10^{-16}$", "abs(np.finfo(float).eps - 2.2e-16) < 0.05e-16"),
    ("0.31 at $\\varepsilon = 0.1$, 3.0e-04 at 1e-04",
     f"abs({_error_at('forward', 0.1)} - 0.31) < 0.005 and abs({_error_at('forward', 1e-4)} - 3.0e-4) < 0.05e-4"),
    ("(1.0e-02, then 1.0e-08 at 1e-04)",
     f"abs({_error_at('centered', 0.1)} - 1.0e-2) < 0.05e-2 and abs({_error_at('centered', 1e-4)} - 1.0e-8) < 0.05e-8"),
    ("at that step the centered difference is already four decades better",
     f"1e4 < {_error_at('forward', 1e-4)} / {_error_at('centered', 1e-4)} < 1e5"),
    ("climb back along the $10^{-16}/\\varepsilon$ line, scattered around it",
     ("0.03 < np.median(errors['centered'][epsilons < 2e-9] * epsilons[epsilons < 2e-9] / 1e-16) < 30 "
      "and 0.03 < np.median(errors['forward'][epsilons < 2e-10] * epsilons[epsilons < 2e-10] / 1e-16) < 30")),
    ("for the forward difference near $\\varepsilon = 10^{-8}$",
     "1e-9 <= best_step['forward'] <= 1e-7 and errors['forward'].min() < 1e-7"),
    ("for the centered one between $10^{-7}$ and $10^{-4}$, where it drops below $10^{-9}$",
     "1e-7 < best_step['centered'] < 1e-4 and errors['centered'].min() < 1e-9"),
    ("near $10^{-12}$, the centered estimate is worse than it was at $\\varepsilon = 10^{-3}$",
     f"np.median(errors['centered'][epsilons < 2e-12]) > 10 * {_error_at('centered', 1e-3)}"),
    ("sits just past the best step of the centered difference",
     "1e-7 < best_step['centered'] < 1e-5"),
    ("is below $10^{-8}$ on a derivative of 3", f"{_error_at('centered', 1e-7)} < 1e-8"),
    # 3. the relative difference
    ("`gradcheck.report(difference)` prints a number with this reading",
     "gradcheck.GREAT == 1e-7 and gradcheck.WRONG == 1e-3"),
    # 4. the one-dimensional check
    ("about $4 \\times 10^{-6}$ at $\\theta = 2$ with $\\varepsilon = 0.01$",
     "abs(0.01 ** 2 / (6 * 2 ** 2 + 0.01 ** 2) - 4e-6) < 0.2e-6"),
    ("the check reads \"great\", with a relative difference far below $10^{-7}$",
     "difference_small_step < 1e-8"),
    ("reads \"suspicious\" (about 4.2e-06, which is",
     ("gradcheck.verdict(difference_large_step) == 'suspicious' "
      "and abs(difference_large_step - 0.01 ** 2 / (6 * 2 ** 2 + 0.01 ** 2)) < 1e-9")),
    ("reads \"wrong\" (0.5, that is $(3-1)/(3+1)$)", "abs(difference_bug - 0.5) < 1e-6"),
    # 5. the network
    ("47 parameters in all",
     "sum((n_in + 1) * n_out for n_in, n_out in zip(gradcheck.LAYERS_DIMS, gradcheck.LAYERS_DIMS[1:])) == 47"),
    ("here $N = 47$", "nn.dict_to_vector(parameters, list(parameters)).size == 47"),
    # 6. which gradient is wrong
    ("Two blocks stand out, by seven orders of magnitude or more",
     f"min(block_differences['b1'], block_differences['W2']) > 1e7 * {_OTHER_BLOCKS}"),
    ("`b1` (relative difference about 0.78) and `W2` (about 0.33)",
     "abs(block_differences['b1'] - 7 / 9) < 1e-6 and abs(block_differences['W2'] - 1 / 3) < 1e-6"),
    ("agree to better than $10^{-8}$", f"{_OTHER_BLOCKS} < 1e-8"),
    ("the analytic `db1` is **8** times the numerical one and `dW2` **2** times",
     ("abs(norm_ratios['b1'] - 8) < 1e-6 and abs(norm_ratios['W2'] - 2) < 1e-6 "
      "and all(abs(norm_ratios[key] - 1) < 1e-6 for key in ('W1', 'b2', 'W3', 'b3'))")),
    ("it is $m$, the number of examples", "m == X.shape[1] == 8"),
    # 7. the fixed backward pass
    ("still reads \"wrong\" (about 0.62)", "abs(difference - 0.62) < 0.005"),
    ("a relative difference of the order of $10^{-9}$", "1e-10 < difference_fixed < 1e-8"),
    # 8. in practice
    ("94 forward passes, two per parameter", "len(calls) == 94 == 2 * theta.size"),
    ("reads \"wrong\" (about 0.28) against the cost", "abs(difference_without_penalty - 0.28) < 0.005"),
    ("and \"great\" (below $10^{-8}$) against the cost with it", "difference_with_penalty < 1e-8"),
    ("Three calls at the same parameters print three different costs",
     "len(set(three_costs)) == 3 and max(three_costs) - min(three_costs) > 0.05"),
    ("With dropout on, the check reads \"wrong\" (1.00)", "differences_dropout[0.8] > 0.995"),
    ("a cost difference of order 0.1", "0.03 < max(three_costs) - min(three_costs) < 1"),
    ("of order $10^5$ or more", "(max(three_costs) - min(three_costs)) / 2e-7 > 1e5"),
    ("with exactly the relative difference printed without dropout in Section 7",
     "differences_dropout[1.0] == difference_fixed < 1e-7"),
    ("lowers the cost from about 0.76 to about 0.02", "abs(cost - 0.76) < 0.005 and 0.01 < cost_after < 0.03"),
    ("both relative differences below $10^{-8}$", "max(difference_fixed, difference_after) < 1e-8"),
]
