"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py)."""

BN, PLAIN = "with batch norm", "without batch norm"


def dev(seed_runs):
    """The dev accuracies of the runs of one setting, as the notebook computes them."""
    return f"[accuracy(run, X_dev, Y_dev) for run in {seed_runs}]"


def mean_dev(seed_runs):
    return f"np.mean({dev(seed_runs)})"


def learned(name):
    """The entries of ``name`` (for example "gamma5") of the five batch-norm runs, side by side."""
    return f"np.hstack([run['parameters']['{name}'] for run in runs['{BN}']])"


def last_costs(seed_runs):
    return f"np.array([run['costs'][-1] for run in {seed_runs}])"


CLAIMS = [
    # the forward pass on one batch, then the running statistics
    (("their means are $\\beta = (0, 1, -1, 3)$ and their standard deviations $\\gamma = (1, 2, 0.5, 1)$, up to the "
     "$\\varepsilon$ under the square root"),
     "np.allclose(out.mean(axis=1, keepdims=True), beta) and np.allclose(out.std(axis=1, keepdims=True), gamma, rtol=1e-3)"),
    ("fourth unit is about 10 after one batch", "abs(running[1][0][3, 0] - 10) < 0.5"),
    ("about 65 after ten", "abs(running[10][0][3, 0] - 65) < 1.5 and abs(1 - 0.9 ** 10 - 0.65) < 0.005"),
    ("close to 100 after a hundred", "abs(running[100][0][3, 0] - 100) < 1"),
    ("about 91 instead of 100 for the third unit", "abs(running[100][1][2, 0] - 91) < 1"),
    ("its fourth value, about 101, lies about 0.4 running standard deviations above the running mean",
     "abs(x[3, 0] - 101) < 0.5 and abs((x[3, 0] - running[100][0][3, 0]) / np.sqrt(running[100][1][3, 0]) - 0.4) < 0.05"),
    ("comes out as $3.4 \\approx \\beta + 0.4 \\, \\gamma$", "abs(out_x[3, 0] - 3.4) < 0.05"),
    # batch norm's names against the optimizers'
    ("so its 0.1 is this notebook's 0.9", "abs((1 - 0.1) - 0.9) < 1e-12"),
    # the two backward passes
    ("The largest differences are below $10^{-12}$ or exactly 0", "max(largest_differences) < 1e-12"),
    ("several times so on the larger layer", "speed_ups[1] > 2"),
    # with and without batch norm, five seeds
    ("a cost of about 0.6 in epoch 4", f"abs(costs['{BN}'][:, 4].mean() - 0.6) < 0.05"),
    ("about 0.12 at the end", f"abs(costs['{BN}'][:, -1].mean() - 0.12) < 0.02"),
    ("no epoch raises the cost by more than 10%", f"largest_rise['{BN}'].max() < 1.1"),
    ("between about 1.1 and 1.9 in epoch 4",
     f"costs['{PLAIN}'][:, 4].min() > 1.0 and costs['{PLAIN}'][:, 4].max() < 2.0"),
    ("in four of the five seeds some epoch raises it by more than a quarter, once more than fourfold",
     f"np.sum(largest_rise['{PLAIN}'] > 1.25) == 4 and largest_rise['{PLAIN}'].max() > 4"),
    ("from about 0.2 to about 0.8", f"costs['{PLAIN}'][:, -1].min() < 0.25 and costs['{PLAIN}'][:, -1].max() > 0.75"),
    ("ahead by about two points on average (about 97.8% against 95.8%)",
     f"abs({mean_dev(f'runs[{BN!r}]')} - 0.978) < 0.005 and abs({mean_dev(f'runs[{PLAIN!r}]')} - 0.958) < 0.01"),
    # gamma and beta are learned, momentum is a setting
    ("it is a setting, and stayed 0.9 throughout",
     f"all(bn_param.get('momentum', 0.9) == 0.9 for run in runs['{BN}'] for bn_param in run['bn_params'])"),
    ("the entries of $\\gamma^{[5]}$ now range from about 0.9 to 1.5 and those of $\\beta^{[5]}$ from about $-0.1$ to 0.6",
     (f"abs({learned('gamma5')}.min() - 0.9) < 0.05 and abs({learned('gamma5')}.max() - 1.5) < 0.1"
      f" and abs({learned('beta5')}.min() + 0.1) < 0.05 and abs({learned('beta5')}.max() - 0.6) < 0.1")),
    # the initial scale of the weights
    ("every factor from 0.01 to 1 ends at a similar cost (below 0.2 in every seed) and 97% to 99% on the dev set",
     "all(" + last_costs(f"scale_runs[f, {BN!r}]") + ".max() < 0.2 and 0.965 < min(" + dev(f"scale_runs[f, {BN!r}]")
     + ") and max(" + dev(f"scale_runs[f, {BN!r}]") + ") < 0.995 for f in (0.01, 0.1, 1.0))"),
    ("the cost only falls to 3.25",
     "all(np.allclose(" + last_costs(f"scale_runs[f, {PLAIN!r}]") + ", 3.25, atol=0.01) for f in (0.01, 0.1))"
     " and abs(10 * (-0.1 * np.log(0.1) - 0.9 * np.log(0.9)) - 3.25) < 0.005"),
    ("10% dev accuracy, chance, in every seed",
     "all(np.allclose(" + dev(f"scale_runs[f, {PLAIN!r}]") + ", 0.1, atol=0.01) for f in (0.01, 0.1))"),
    ("in some seeds the numbers overflow and the run diverges: its cost is NaN from the first epoch on",
     (f"any(np.isnan(run['costs'][0]) for run in scale_runs[10.0, {PLAIN!r}])"
     f" and all(np.isnan(run['costs']).all() for run in scale_runs[10.0, {PLAIN!r}] if np.isnan(run['costs'][0]))")),
    ("The other seeds of that factor start at a cost of several dozen and end at chance too",
     (f"all(run['costs'][0] > 24 and abs(run['costs'][-1] - 3.25) < 0.02 and {dev('[run]')}[0] < 0.11"
     f" for run in scale_runs[10.0, {PLAIN!r}] if np.isfinite(run['costs']).all())")),
    ("a cost of about 1 and about 80% on the dev set after 15 epochs",
     f"abs({last_costs(f'scale_runs[10.0, {BN!r}]')}.mean() - 1) < 0.2 and abs({mean_dev(f'scale_runs[10.0, {BN!r}]')} - 0.8) < 0.03"),
    ("a first cost of about 9 to 10, against about 3.7 at the He scale",
     f"all(8.5 < run['costs'][0] < 11 for run in scale_runs[10.0, {BN!r}]) and abs(costs['{BN}'][:, 0].mean() - 3.7) < 0.1"),
    # train mode versus test mode
    ("In test mode the four images are recognized with confidences above 0.99",
     "all(np.argmax(test_outputs[:, :4], axis=0) == Y_test[0, :4]) and test_outputs[:, :4].max(axis=0).min() > 0.99"),
    ("every test image gets exactly the same output (largest difference 0)", "spread_alone == 0"),
    ("right about one time in ten, chance", "abs(rows[2][1] - 0.1) < 0.02"),
    ("the test set is back at the accuracy of test mode", "abs(rows[1][1] - rows[0][1]) <= 0.01"),
    # the batch size
    ("about 20% against about 40% on the dev set",
     f"abs({mean_dev(f'size_runs[2, {BN!r}]')} - 0.2) < 0.05 and abs({mean_dev(f'size_runs[2, {PLAIN!r}]')} - 0.4) < 0.05"),
    ("its training cost stays near the 3.25 of chance",
     f"all(3.0 < cost < 3.6 for cost in {last_costs(f'size_runs[2, {BN!r}]')})"),
    ("the seeds of each spread over more than ten points",
     f"all(np.ptp({dev('size_runs[4, name]')}) > 0.1 for name in ({BN!r}, {PLAIN!r}))"),
    ("about 94% against 76% at 8, 97% against 88% at 16, and at 64 the 98% against 96%",
     (f"abs({mean_dev(f'size_runs[8, {BN!r}]')} - 0.94) < 0.02 and abs({mean_dev(f'size_runs[8, {PLAIN!r}]')} - 0.76) < 0.04"
     f" and abs({mean_dev(f'size_runs[16, {BN!r}]')} - 0.97) < 0.01 and abs({mean_dev(f'size_runs[16, {PLAIN!r}]')} - 0.88) < 0.02"
     f" and abs({mean_dev(f'size_runs[64, {BN!r}]')} - 0.98) < 0.005 and abs({mean_dev(f'size_runs[64, {PLAIN!r}]')} - 0.96) < 0.005")),
    ("with batches of 2 it did worse here than no batch norm at all",
     f"{mean_dev(f'size_runs[2, {BN!r}]')} < {mean_dev(f'size_runs[2, {PLAIN!r}]')} - 0.1"),
    ("Both networks gain from larger batches",
     f"all(np.all(np.diff(dev_by_size[name].mean(axis=0)) > 0) for name in ({BN!r}, {PLAIN!r}))"),
]
