"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py)."""

#: Share of the uniform draws in [low, high).
UNIFORM_SHARE = "(lambda low, high: np.mean((uniform_rates >= low) & (uniform_rates < high)))"
#: The configs of the coarse round whose learning rate lies in [low, high].
COARSE_BETWEEN = "(lambda low, high: [(c, s) for c, s in coarse if low <= c['learning_rate'] <= high])"

CLAIMS = [
    # the scale of a learning rate
    ("90% of the draws land between 0.1 and 1, and less than 0.1% between $10^{-4}$ and $10^{-3}$",
     "abs((1 - 0.1) / (1 - 1e-4) - 0.9) < 0.001 and (1e-3 - 1e-4) / (1 - 1e-4) < 0.001"),
    ("The uniform draws put about 90% of the learning rates in the top decade and about 0.1% in the lowest one",
     f"abs({UNIFORM_SHARE}(0.1, 1) - 0.9) < 0.01 and {UNIFORM_SHARE}(1e-4, 1e-3) < 0.003"),
    ("the log-uniform draws give each of the four decades about a quarter",
     "all(abs(np.mean((log_rates >= low) & (log_rates < 10 * low)) - 0.25) < 0.015 for low in (1e-4, 1e-3, 1e-2, 1e-1))"),
    # the scale of an averaging parameter
    (("going from 0.9 to 0.9005 changes the window from 10 to 10.05 values, while going from 0.999 to 0.9995 "
     "doubles it from 1,000 to 2,000"),
     "abs(1 / (1 - 0.9005) - 10.05) < 0.001 and abs(1 / (1 - 0.9995) - 2 / (1 - 0.999)) < 1e-6"),
    ("instead of 91% and 9% for a uniform $\\beta$", "round((0.99 - 0.9) / (0.999 - 0.9), 2) == 0.91"),
    ("about nine in ten average over fewer than 100 values",
     "abs(np.mean(uniform_betas < 0.99) - 0.9) < 0.02"),
    ("The draws of `sample_beta` spread evenly over the log axis, half on each side of 100",
     "abs(np.mean(log_betas < 0.99) - 0.5) < 0.03"),
    # which scale for which hyperparameter
    ("Your sampler gives each number of layers about a third of the draws",
     "all(abs(np.mean(layer_draws[\"sample_hyperparameter(2, 4, 'integer')\"] == n) - 1 / 3) < 0.01 for n in (2, 3, 4))"),
    ("Rounding gives 2 and 4 only about a quarter each and 3 about half",
     ("all(abs(np.mean(layer_draws['np.round(rng.uniform(2, 4))'] == n) - share) < 0.01"
     " for n, share in ((2, 0.25), (3, 0.5), (4, 0.25)))")),
    ("`rng.integers(2, 4)` never draws 4 at all", "not np.any(layer_draws['rng.integers(2, 4)'] == 4)"),
    ("the two scales put 50% and nearly 60% of the draws below 75",
     "abs(below_middle[(50, 100)][0] - 0.5) < 0.01 and 0.57 < below_middle[(50, 100)][1] < 0.6"),
    ("they put 50% and more than 90% below 0.5",
     "abs(below_middle[(1e-4, 1.0)][0] - 0.5) < 0.01 and below_middle[(1e-4, 1.0)][1] > 0.9"),
    # grid versus random search
    ("the best of them, 1, is four times the ideal 0.25",
     ("max(grid_results, key=lambda r: r[1])[0]['learning_rate'] == 1.0"
     " and len({c['learning_rate'] for c, _ in grid_results}) == 3")),
    ("nine learning rates, several close to the line, and the printed accuracy of the best is higher",
     ("len({c['learning_rate'] for c, _ in random_results}) == 9"
     " and sum(0.125 <= c['learning_rate'] <= 0.5 for c, _ in random_results) >= 3"
     " and random_results[0][1] > best_of_grid")),
    ("Over 500 seeds random search wins in about 96%", "abs(random_wins - 0.96) < 0.02"),
    # coarse to fine on the digits
    ("between 30 and 50, a log-uniform draw lands below the middle, 40, in 56% of the cases",
     "round(np.log(40 / 30) / np.log(50 / 30), 2) == 0.56"),
    ("the four runs with $\\alpha$ above 2 fail",
     f"len({COARSE_BETWEEN}(2, 10)) == 4 and all(s < 0.11 for _, s in {COARSE_BETWEEN}(2, 10))"),
    ("the three with $\\alpha$ near $10^{-3}$ have barely started learning",
     f"len({COARSE_BETWEEN}(1e-3, 2e-3)) == 3 and all(s < 0.2 for _, s in {COARSE_BETWEEN}(1e-3, 2e-3))"),
    ("only the three with $\\alpha$ between about 0.05 and 1.3 do well, from 87% to 97%",
     ("sorted(round(s, 2) for _, s in coarse if s > 0.5) == [0.87, 0.94, 0.97]"
     f" and all(s > 0.85 for _, s in {COARSE_BETWEEN}(0.05, 1.3)) and len({COARSE_BETWEEN}(0.05, 1.3)) == 3")),
    ("The median dev accuracy of the round is about 11%", "abs(median_scores[0] - 0.11) < 0.01"),
    ("the failures have from 13 to 62 units, the successes from 21 to 49",
     ("[min(c['hidden_units'] for c, s in coarse if s < 0.5), max(c['hidden_units'] for c, s in coarse if s < 0.5),"
     " min(c['hidden_units'] for c, s in coarse if s > 0.5), max(c['hidden_units'] for c, s in coarse if s > 0.5)]"
     " == [13, 62, 21, 49]")),
    ("$\\alpha$ from about 0.06 to 1.3 and 21 to 49 hidden units",
     ("abs(zoomed['learning_rate'][0] - 0.06) < 0.005 and abs(zoomed['learning_rate'][1] - 1.3) < 0.02"
     " and round(zoomed['hidden_units'][0]) == 21 and round(zoomed['hidden_units'][1]) == 49")),
    ("their median is about 97%, and the best reaches about 98%, above the coarse round's best, about 97%",
     ("abs(median_scores[1] - 0.97) < 0.005 and abs(fine[0][1] - 0.98) < 0.005 and fine[0][1] > coarse[0][1]"
     " and abs(coarse[0][1] - 0.97) < 0.005")),
    ("Inside the box the five best runs all have $\\alpha$ between 0.5 and 1",
     "all(0.5 <= c['learning_rate'] <= 1 for c, _ in fine[:5])"),
    ("the two runs nearest its left and right edges drop to about 91%",
     ("all(abs(s - 0.91) < 0.01 for s in (min(fine, key=lambda r: r[0]['learning_rate'])[1],"
     " max(fine, key=lambda r: r[0]['learning_rate'])[1]))")),
    # the test set, once
    ("The repeated run gives the search's best dev accuracy again, about 98%, and a test accuracy of about 95%",
     "final_dev == best_score and abs(final_dev - 0.98) < 0.005 and abs(final_test - 0.95) < 0.01"),
    ("one test image is 0.3%", "round(1 / digits['X_test'].shape[1], 3) == 0.003"),
]
