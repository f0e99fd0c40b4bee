"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py)."""

GD, MOMENTUM, RMSPROP, ADAM = "gradient descent", "momentum", "RMSprop", "Adam"
ADAPTIVE = (RMSPROP, ADAM)
FORGETFUL_ADAM = "Adam, beta2 0.9"
CONSTANT, SMALL_CONSTANT = "constant 0.1", "constant 0.02"
SCHEDULES = ("update_lr, decay_rate 0.005", "schedule_lr_decay, decay_rate 1, every 160",
             "exponential_lr_decay, base 0.998")
INVERSE_SQRT = "inverse_sqrt_decay, k 4"
BATCH, MINI, SGD = "batch", "mini-batch", "stochastic"


def _values(runs, field):
    """The list of ``field`` over the runs (seeds) of the expression ``runs``."""
    return f"[run.{field} for run in {runs}]"


def _mean(runs, field):
    return f"np.mean({_values(runs, field)})"


def _between(low, expression, high):
    return f"{low} < {expression} < {high}"


def _bowl(name, rate):
    """The cost after 50 steps on the bowl of optimizer ``name`` at learning rate ``rate`` (both expressions)."""
    return f"bowl_costs[{name}][bowl_rates.index({rate})]"


def _sweep_mean(name, rate):
    """The mean final cost over the seeds of ``name`` at ``rate`` in the learning-rate sweep (both expressions)."""
    return f"sweep_costs[{name}][sweep_rates.index({rate})].mean()"


def _decay_mean(name, field):
    """The mean of ``field`` over the seeds of the decay run ``name`` (an expression)."""
    return _mean(f"decay_runs[{name}]", field)


def _jitter(name):
    """The mean jitter over the seeds of the decay run ``name`` (an expression)."""
    return f"np.mean([run.jitter() for run in decay_runs[{name}]])"


def _line(name, rate, value):
    """The list over the seeds of ``value`` (an expression of ``run``) for the straight-line run ``name`` at ``rate``."""
    return f"[{value} for run in line_runs[({name!r}, {rate})]]"


def _line_mean(name, rate, value):
    return f"np.mean({_line(name, rate, value)})"


def _leave(name, offset_index):
    """The steps optimizer ``name`` (an expression) took to leave the saddle from the start ``offsets[offset_index]``."""
    return f"leave_steps[{name}][{offset_index}]"


CLAIMS = [
    # section 2: mini-batches
    ("with $m = 300$ and size 64 that is four batches of 64 and one of 44",
     "X_train.shape[1] == 300 and [min(64, 300 - start) for start in range(0, 300, 64)] == [64, 64, 64, 64, 44]"),
    ("the sizes stay the same, the examples in each batch change",
     ("[int(Y_t.sum()) for _, Y_t in random_mini_batches(X_train, Y_train, 64, np.random.default_rng(0))] != "
      "[int(Y_t.sum()) for _, Y_t in random_mini_batches(X_train, Y_train, 64, np.random.default_rng(1))]")),
    # section 2: batch, mini-batch and stochastic gradient descent on a straight line
    ("after 10 epochs it has taken only 10 steps and is still about 11 from the minimum",
     (f"all(len(run.path) == 11 for run in line_runs[({BATCH!r}, 0.05)]) and "
      f"{_between(10, _line_mean(BATCH, 0.05, 'run.distances(line_minimum)[-1]'), 11.5)}")),
    ("Mini-batches of 64 take 23 steps per epoch", f"{_line(MINI, 0.05, 'run.steps_per_epoch')} == [23] * 5"),
    ("during epoch 10 the line is on average about 0.04 from the minimum",
     _between(0.03, _line_mean(MINI, 0.05, "run.mean_distance(line_minimum, 10)"), 0.06)),
    ("Stochastic gradient descent takes 1461 steps per epoch",
     f"{_line(SGD, 0.05, 'run.steps_per_epoch')} == [1461] * 5"),
    ("it is near the minimum within the first epoch",
     f"max({_line(SGD, 0.05, 'run.distances(line_minimum)[1461] / run.distances(line_minimum)[0]')}) < 0.15"),
    ("its mean distance from the minimum is about 0.7 during epoch 2 and still about 0.7 during epoch 10",
     (f"{_between(0.6, _line_mean(SGD, 0.05, 'run.mean_distance(line_minimum, 2)'), 0.8)} and "
      f"{_between(0.6, _line_mean(SGD, 0.05, 'run.mean_distance(line_minimum, 10)'), 0.8)}")),
    ("while it walks about 300 in each epoch",
     f"all(270 < run.travelled(epoch) < 330 for run in line_runs[({SGD!r}, 0.05)] for epoch in range(2, 11))"),
    ("in epoch 10 they still walk about 0.6, many times their distance from the minimum",
     (f"{_between(0.5, _line_mean(MINI, 0.05, 'run.travelled(10)'), 0.7)} and "
      f"all(run.travelled(10) > 5 * run.mean_distance(line_minimum, 10) for run in line_runs[({MINI!r}, 0.05)])")),
    ("batch gradient descent halves its distance every epoch and ends 0.017 from the minimum",
     (f"all(np.allclose(run.distances(line_minimum)[1:] / run.distances(line_minimum)[:-1], 0.5) "
      f"and round(run.distances(line_minimum)[-1], 3) == 0.017 for run in line_runs[({BATCH!r}, 0.5)])")),
    ("while the mini-batches wander at about 0.3 and stochastic gradient descent at about 4",
     (f"{_between(0.22, _line_mean(MINI, 0.5, 'run.mean_distance(line_minimum, 10)'), 0.38)} and "
      f"{_between(3, _line_mean(SGD, 0.5, 'run.mean_distance(line_minimum, 10)'), 5)}")),
    (("an epoch of stochastic gradient descent takes far longer than one of batch gradient descent (more than 50 "
      "times here)"), f"epoch_seconds[{SGD!r}] > 50 * epoch_seconds[{BATCH!r}]"),
    ("a step on all 1461 days takes less than ten times as long as a step on a single day",
     f"epoch_seconds[{BATCH!r}] < 10 * epoch_seconds[{SGD!r}] / 1461"),
    ("a whole pass is cheap (here a fraction of a millisecond)", f"epoch_seconds[{BATCH!r}] < 1e-3"),
    # section 3: the temperatures
    ("The daily maxima jump by 2.22 °C from one day to the next on average",
     "round(np.mean(np.abs(np.diff(temperatures))), 2) == 2.22"),
    ("the average still follows most jumps (1.17 °C a day)",
     "round(np.mean(np.abs(np.diff(averages[0.5]))), 2) == 1.17"),
    ("it is much smoother (0.27 °C)", "round(np.mean(np.abs(np.diff(averages[0.9]))), 2) == 0.27"),
    ("it is the smoothest (0.09 °C)", "round(np.mean(np.abs(np.diff(averages[0.98]))), 2) == 0.09"),
    ("its highest point of 2014 comes on 2014-09-15, five weeks after the hottest day, 2014-08-11",
     ("optim.peak_day(dates, averages[0.98]) == '2014-09-15' and optim.peak_day(dates, temperatures) == '2014-08-11' "
      "and (np.datetime64('2014-09-15') - np.datetime64('2014-08-11')).astype(int) == 35")),
    ("for a first day of 12.8 °C, $V_1$ is 6.40, 1.28 and 0.26 °C",
     "temperatures[0] == 12.8 and [round(averages[b][0], 2) for b in betas] == [6.40, 1.28, 0.26]"),
    ("even $V_{10}$ is only 1.69 °C", "round(averages[0.98][9], 2) == 1.69"),
    ("the green curve on the right climbs for weeks", ("np.all(np.diff(averages[0.98][:28]) > -0.1) "
                                                       "and averages[0.98][27] > 2 * averages[0.98][0] + 2")),
    ("every $V_1$ is exactly the first value, 12.80", "all(corrected[b][0] == temperatures[0] for b in betas)"),
    ("$V_{10} = 9.23$ °C sits among the first ten temperatures",
     "round(corrected[0.98][9], 2) == 9.23 and min(temperatures[:10]) < corrected[0.98][9] < max(temperatures[:10])"),
    ("After 60 days the two curves are still apart, because $0.98^{60} \\approx 0.3$",
     "abs(0.98 ** 60 - 0.3) < 0.01 and corrected[0.98][59] - averages[0.98][59] > 2"),
    ("the gap closes over the following months", "corrected[0.98][240] - averages[0.98][240] < 0.2"),
    # sections 5 and 6: the arithmetic of epsilon and of the bias correction
    ("the steps differ by a fifth ($1/1.5$ against $1/\\sqrt{1.5}$)",
     "abs((1 / 1.5) / (1 / np.sqrt(1.5)) - 0.8) < 0.02"),
    ("$\\sqrt{s}$ is only $\\sqrt{0.001} \\approx 3\\%$ of $|dW|$", "abs(np.sqrt(0.001) - 0.03) < 0.002"),
    # section 7: the bowl, each optimizer at its own best rate
    ("Below a learning rate of 1, momentum's curve lies on gradient descent's",
     (f"all(0.75 < {_bowl(repr(MOMENTUM), 'rate')} / {_bowl(repr(GD), 'rate')} < 1.35 "
      f"for rate in bowl_rates if rate < 1)")),
    ("gradient descent diverges from 1.5 on, while momentum still converges up to 15",
     (f"all({_bowl(repr(GD), 'rate')} > 1e3 for rate in bowl_rates if rate >= 1.5) "
      f"and all({_bowl(repr(MOMENTUM), 'rate')} < 0.1 for rate in bowl_rates if 1.5 <= rate <= 15)")),
    ("its best rate, 2, is out of gradient descent's reach",
     f"bowl_best[{MOMENTUM!r}] == 2 and {_bowl(repr(GD), 2)} > 1e3"),
    ("it does best at a small rate, 0.3, where it ends the lowest of all",
     (f"bowl_best[{RMSPROP!r}] == 0.3 and min(bowl_costs[{RMSPROP!r}]) < min(min(c) for n, c in bowl_costs.items() "
      f"if n != {RMSPROP!r})")),
    ("from 7 on it bounces around the bowl, ending above its start",
     (f"[rate for rate in bowl_rates if {_bowl(repr(RMSPROP), 'rate')} > start_cost] == [7, 10, 15, 20] "
      f"and max(bowl_costs[{RMSPROP!r}]) < 1e3")),
    ("at every rate tried, up to 20, it ends far below its start", f"max(bowl_costs[{ADAM!r}]) < 0.2 * start_cost"),
    ("after 50 steps it is still at $w_1 = -4.45$ (cost 0.2)",
     (f"bowl_best[{GD!r}] == 0.7 and round(bowl_paths[{GD!r}][1][-1, 0], 2) == -4.45 "
      f"and round(optim.bowl_cost(*bowl_paths[{GD!r}][1][-1]), 1) == 0.2")),
    ("zigzags across the steep direction $w_2$ for a few steps",
     (f"np.all(np.diff(np.sign(bowl_paths[{GD!r}][1][:6, 1])) != 0) "
      f"and np.all(np.abs(bowl_paths[{GD!r}][1][8:, 1]) < 0.01)")),
    ("at momentum's rate 2 it diverges ($|w_2|$ = 1.1e+24 after 50 steps)", "1e24 < abs(diverged[-1, 1]) < 1.2e24"),
    ("swings across the valley for longer than gradient descent zigzags",
     (f"np.sum(np.abs(bowl_paths[{MOMENTUM!r}][1][:, 1]) > 0.1) "
      f"> 3 * np.sum(np.abs(bowl_paths[{GD!r}][1][:, 1]) > 0.1)")),
    ("gets to $w_1 = -0.61$ (cost 0.0043)",
     (f"round(bowl_paths[{MOMENTUM!r}][1][-1, 0], 2) == -0.61 "
      f"and round(optim.bowl_cost(*bowl_paths[{MOMENTUM!r}][1][-1]), 4) == 0.0043")),
    ("RMSprop goes almost straight to the minimum (cost 8e-06)",
     (f"np.all(np.diff(bowl_paths[{RMSPROP!r}][1][:, 0]) > 0) and np.all(bowl_paths[{RMSPROP!r}][1][:, 1] > -0.01) "
      f"and format(optim.bowl_cost(*bowl_paths[{RMSPROP!r}][1][-1]), '.2g') == '8e-06'")),
    ("carries it past the minimum to $w_1 \\approx 1.3$ before it turns back, ends at 0.00022",
     (f"abs(bowl_paths[{ADAM!r}][1][:, 0].max() - 1.3) < 0.1 "
      f"and format(optim.bowl_cost(*bowl_paths[{ADAM!r}][1][-1]), '.2g') == '0.00022'")),
    # section 7: momentum without the factor 1 - beta
    ("so it is always $1/(1-\\beta)$ times our velocity, 10 times for $\\beta = 0.9$", "round(1 / (1 - 0.9)) == 10"),
    ("your momentum at $\\alpha = 0.2 / (1 - 0.9) = 2$, its best rate above",
     f"round(0.2 / (1 - 0.9), 9) == 2 and bowl_best[{MOMENTUM!r}] == 2"),
    ("The two paths are the same up to rounding (they differ by about 1e-15)",
     "np.abs(without_factor - with_factor).max() < 1e-14"),
    ("at 0.2 the form without $1 - \\beta$ takes steps ten times longer and ends at a cost of 0.0043, ours at 0.59",
     (f"np.isclose(np.hypot(*(without_factor[1] - without_factor[0])), "
      f"10 * np.hypot(*(optim.bowl_path(optimizers[{MOMENTUM!r}](), 0.2)[1] - without_factor[0]))) "
      f"and format(optim.bowl_cost(*without_factor[-1]), '.2g') == '0.0043' "
      f"and format({_bowl(repr(MOMENTUM), 0.2)}, '.2g') == '0.59'")),
    ("At 2, the best rate of our form, the form without $1 - \\beta$ diverges, as ours does at 20",
     f"bowl_best[{MOMENTUM!r}] == 2 and undamped_at_best > 1e3 and {_bowl(repr(MOMENTUM), 20)} > 1e3"),
    ("makes its velocity 100 instead of 10 times the size of a gradient",
     "round(1 / (1 - 0.99)) == 100 and round(1 / (1 - 0.9)) == 10"),
    # section 8: the moons at one small learning rate
    ("a mean final cost of about 0.45, about 81% test accuracy",
     (" and ".join(f"{_between(0.42, _mean(f'same_rate[{n!r}]', 'final_cost'), 0.48)} and "
                  f"{_between(0.79, _mean(f'same_rate[{n!r}]', 'test_accuracy'), 0.83)}" for n in (GD, MOMENTUM)))),
    ("on seed 0 their boundaries misclassify more than twice as many test points as those of RMSprop and Adam",
     f"all(1 - same_rate[slow][0].test_accuracy > 2 * (1 - same_rate[fast][0].test_accuracy) "
     f"for slow in ({GD!r}, {MOMENTUM!r}) for fast in {ADAPTIVE!r})"),
    ("RMSprop and Adam end at a cost of about 0.1, with a test accuracy between 93% and 96% on every seed",
     (" and ".join(f"{_between(0.09, _mean(f'same_rate[{n!r}]', 'final_cost'), 0.12)} and "
                  f"0.925 < min({_values(f'same_rate[{n!r}]', 'test_accuracy')}) and "
                  f"max({_values(f'same_rate[{n!r}]', 'test_accuracy')}) < 0.965" for n in ADAPTIVE))),
    ("lie between about 0.005 and 0.35",
     "0.004 < min(v.min() for v in sizes.values()) < 0.006 and 0.33 < max(v.max() for v in sizes.values()) < 0.36"),
    ("the weights of gradient descent end about 1.2 from their start, those of RMSprop and Adam 6 to 7",
     (f"{_between(1.0, _mean(f'same_rate[{GD!r}]', 'distance'), 1.4)} and "
      + " and ".join(_between(5.8, _mean(f"same_rate[{n!r}]", "distance"), 7.4) for n in ADAPTIVE))),
    ("its final cost is within 0.01 of gradient descent's on every seed",
     f"all(abs(m.final_cost - g.final_cost) < 0.01 for m, g in zip(same_rate[{MOMENTUM!r}], same_rate[{GD!r}]))"),
    ("yet at this rate RMSprop ends a little lower, on every seed",
     f"all(r.final_cost < a.final_cost for r, a in zip(same_rate[{RMSPROP!r}], same_rate[{ADAM!r}]))"),
    (("With $\\beta_2 = 0.9$ Adam travels as far as RMSprop and ends as low, a mean final cost of about 0.10 "
      "instead of 0.11"),
     (f"{_between(0.095, _mean(f'same_rate_beta2[{FORGETFUL_ADAM!r}]', 'final_cost'), 0.105)} and "
      f"{_between(0.105, _mean(f'same_rate[{ADAM!r}]', 'final_cost'), 0.115)} and "
      f"{_mean(f'same_rate_beta2[{FORGETFUL_ADAM!r}]', 'final_cost')} <= "
      f"{_mean(f'same_rate[{RMSPROP!r}]', 'final_cost')} + 0.005 and "
      f"{_mean(f'same_rate_beta2[{FORGETFUL_ADAM!r}]', 'distance')} >= "
      f"{_mean(f'same_rate[{RMSPROP!r}]', 'distance')} - 0.3")),
    # section 8: each at its own learning rate
    ("too small a rate is slow, too large a rate fails",
     (f"all({_sweep_mean('n', 0.001)} > 2 * sweep_costs[n].mean(axis=1).min() and "
      f"{_sweep_mean('n', 10)} > 4 * sweep_costs[n].mean(axis=1).min() for n in sweep_costs)")),
    ("Gradient descent and momentum coincide up to 0.1 and do best between 0.1 and 1",
     (f"all(abs({_sweep_mean(repr(MOMENTUM), 'rate')} - {_sweep_mean(repr(GD), 'rate')}) < 0.01 "
      f"for rate in sweep_rates if rate <= 0.1) and best_rate[{GD!r}] in (0.1, 0.3, 1) "
      f"and best_rate[{MOMENTUM!r}] in (0.1, 0.3, 1)")),
    (("RMSprop and Adam do best between 0.01 and 0.1, and from 1 on they end at a mean cost at least four times their "
      "best"),
     (f"all(best_rate[n] in (0.01, 0.03, 0.1) "
      f"and all({_sweep_mean('n', 'rate')} > 4 * sweep_costs[n].mean(axis=1).min() for rate in (1, 3, 10)) "
      f"for n in {ADAPTIVE!r})")),
    ("each of the four ends with a mean final cost between 0.07 and 0.09 and about 95% test accuracy",
     ("all(0.065 < np.mean([r.final_cost for r in runs]) < 0.095 "
      "and 0.94 < np.mean([r.test_accuracy for r in runs]) < 0.96 for runs in tuned.values())")),
    ("the ranges of the seeds overlap",
     ("max(min(r.final_cost for r in runs) for runs in tuned.values()) "
      "< min(max(r.final_cost for r in runs) for runs in tuned.values())")),
    ("at 0.001 and 0.003, less than half its cost",
     (f"all({_sweep_mean('n', 'rate')} < 0.5 * {_sweep_mean(repr(GD), 'rate')} for n in {ADAPTIVE!r} "
      f"for rate in (0.001, 0.003))")),
    # section 9: learning-rate decay
    ("With $\\alpha_0 = 0.2$ and decay rate 1, the first gives 0.1, 0.067, 0.05, 0.04 in epochs 1 to 4",
     "[round(0.2 / (1 + 1 * epoch), 3) for epoch in (1, 2, 3, 4)] == [0.1, 0.067, 0.05, 0.04]"),
    ("the learning rate halves about every 14 epochs", "abs(0.95 ** 14 - 0.5) < 0.02"),
    ("parameters that make all three end near $\\alpha_0/5 = 0.02$",
     ("all(abs(rate - 0.02) < 0.001 for rate in (update_lr(0.1, 799, 0.005), schedule_lr_decay(0.1, 799, 1.0, 160), "
      "exponential_lr_decay(0.1, 799, 0.998)))")),
    (("the staircase drops to $\\alpha_0/2$ at epoch 160, to $\\alpha_0/3$ at epoch 320, and so on, down to "
      "$\\alpha_0/5$ from epoch 640"),
     ("[schedule_lr_decay(0.1, e, 1.0, 160) for e in (159, 160, 320, 639, 640, 799)] == "
      "[0.1, 0.1 / 2, 0.1 / 3, 0.1 / 4, 0.1 / 5, 0.1 / 5]")),
    ("With $k = 1$ the rate is halved at epoch 3 and down to a tenth at epoch 99",
     "np.isclose(1 / np.sqrt(3 + 1), 0.5) and np.isclose(1 / np.sqrt(99 + 1), 0.1)"),
    ("which starts at $4 \\alpha_0 = 0.4$, is down to $\\alpha_0/5$ at epoch 399 and ends at 0.014",
     ("np.isclose(4 * 0.1 / np.sqrt(0 + 1), 0.4) and np.isclose(4 * 0.1 / np.sqrt(399 + 1), 0.1 / 5) "
      "and round(4 * 0.1 / np.sqrt(799 + 1), 3) == 0.014")),
    ("after 100 epochs its cost is about 0.2, and at the end it still moves by about 0.004 from one epoch to the next",
     (f"{_between(0.17, _decay_mean(repr(CONSTANT), 'cost_at(100)'), 0.23)} and "
      f"{_between(0.003, _jitter(repr(CONSTANT)), 0.005)}")),
    ("(the black curve on the right)",
     f"all(decay_runs[{CONSTANT!r}][0].jitter() > 4 * decay_runs[name][0].jitter() for name in {SCHEDULES!r})"),
    ("with a jitter of about 0.0002, but slow: a cost of about 0.36 after 100 epochs and 0.14 at the end",
     (f"{_between(0.0001, _jitter(repr(SMALL_CONSTANT)), 0.0003)} and "
      f"{_between(0.33, _decay_mean(repr(SMALL_CONSTANT), 'cost_at(100)'), 0.39)} and "
      f"{_between(0.12, _decay_mean(repr(SMALL_CONSTANT), 'final_cost'), 0.16)}")),
    ("they start about as fast as the large rate (the staircase is the constant 0.1 until epoch 160)",
     (f"all({_decay_mean('name', 'cost_at(100)')} < 1.2 * {_decay_mean(repr(CONSTANT), 'cost_at(100)')} "
      f"for name in {SCHEDULES!r}) and all(s.costs[:160] == c.costs[:160] "
      f"for s, c in zip(decay_runs[{SCHEDULES[1]!r}], decay_runs[{CONSTANT!r}]))")),
    (("end with a jitter 5 to 10 times smaller than at the constant 0.1 on average, smaller on every seed, and "
      "within a factor of three of the small rate's"),
     (f"all(5 <= {_jitter(repr(CONSTANT))} / {_jitter('name')} <= 10.5 "
      f"and {_jitter('name')} < 3 * {_jitter(repr(SMALL_CONSTANT))} "
      f"and all(s.jitter() < c.jitter() for s, c in zip(decay_runs[name], decay_runs[{CONSTANT!r}])) "
      f"for name in {SCHEDULES!r})")),
    ("about 0.09 with each of the first three schedules, as at the constant 0.1",
     f"all({_between(0.08, _decay_mean('name', 'final_cost'), 0.1)} for name in {SCHEDULES + (CONSTANT,)!r})"),
    ("its rate, 0.4 at epoch 0, is down to 0.04 at epoch 99 and below 0.02 for the whole second half of the run",
     (f"np.isclose(schedules[{INVERSE_SQRT!r}](99), 0.04) "
      f"and all(schedules[{INVERSE_SQRT!r}](epoch) <= 0.02 + 1e-12 for epoch in range(400, 800))")),
    ("It starts a little slower than the constant 0.1 (a cost of about 0.23 after 100 epochs)",
     (f"{_between(0.2, _decay_mean(repr(INVERSE_SQRT), 'cost_at(100)'), 0.26)} and "
      f"{_decay_mean(repr(INVERSE_SQRT), 'cost_at(100)')} > {_decay_mean(repr(CONSTANT), 'cost_at(100)')}")),
    ("ends the calmest of all on average, but higher, at about 0.11",
     (f"all({_jitter(repr(INVERSE_SQRT))} < {_jitter('name')} for name in decay_runs if name != {INVERSE_SQRT!r}) "
      f"and {_between(0.1, _decay_mean(repr(INVERSE_SQRT), 'final_cost'), 0.125)} "
      f"and all({_decay_mean(repr(INVERSE_SQRT), 'final_cost')} > {_decay_mean('name', 'final_cost')} + 0.01 "
      f"for name in {SCHEDULES + (CONSTANT,)!r})")),
    ("for 400 epochs it stepped more timidly than even the small constant rate",
     f"all(schedules[{INVERSE_SQRT!r}](epoch) < 0.02 for epoch in range(400, 800))"),
    ("nor the test accuracy (about 95%)",
     f"all({_between(0.94, _decay_mean('name', 'test_accuracy'), 0.96)} for name in {SCHEDULES + (CONSTANT,)!r})"),
    # section 10: the saddle
    ("falls below 1/4 only after 66 steps", f"{_leave(repr(GD), 0)} == 66"),
    ("its cost stays at the saddle's 1/2 for dozens of steps",
     (f"np.sum(np.abs(optim.saddle_cost(*saddle_paths[{GD!r}][1].T) - 0.5) < 0.05) >= 24")),
    ("each of its steps multiplies $w_1$ by only about $1 + \\alpha/8 \\approx 1.09$",
     (f"bowl_best[{GD!r}] == 0.7 and round(1 + 0.7 / 8, 2) == 1.09 and "
      f"np.allclose(saddle_paths[{GD!r}][1][6:40, 0] / saddle_paths[{GD!r}][1][5:39, 0], 1 + 0.7 / 8, atol=1e-3)")),
    ("Momentum, at its larger rate, leaves sooner (after 50 steps), swinging across the valley all the while",
     (f"{_leave(repr(MOMENTUM), 0)} == 50 and bowl_best[{MOMENTUM!r}] > bowl_best[{GD!r}] and "
      f"np.sum(np.abs(saddle_paths[{MOMENTUM!r}][1][10:50, 1]) > 0.1) > 10")),
    ("RMSprop (3 steps) and Adam (10 steps)", f"{_leave(repr(RMSPROP), 0)} == 3 and {_leave(repr(ADAM), 0)} == 10"),
    ("their steps along $w_1$ are about $\\alpha$ long or longer from the very first one",
     (f"all(np.all(np.abs(np.diff(saddle_paths[n][1][:4, 0])) > 0.7 * saddle_paths[n][0]) for n in {ADAPTIVE!r})")),
    ("costs gradient descent 55 more steps", f"{_leave(repr(GD), 1)} - {_leave(repr(GD), 0)} == 55"),
    ("$\\ln 100 / \\ln(1 + \\alpha/8) \\approx 55$", "round(np.log(100) / np.log(1 + 0.7 / 8)) == 55"),
    ("and momentum 39 more, but RMSprop and Adam none",
     (f"{_leave(repr(MOMENTUM), 1)} - {_leave(repr(MOMENTUM), 0)} == 39 and "
      f"all({_leave('n', 1)} == {_leave('n', 0)} "
      f"for n in {ADAPTIVE!r})")),
    ("Started exactly on the ridge, no optimizer ever leaves: the gradient has no $w_1$ component there",
     ("offsets[2] == 0 and all(steps[2] is None for steps in leave_steps.values()) and "
      "all(np.all(optim.saddle_path(optimizers[n](), rate, start=(0.0, 1.5), steps=300)[:, 0] == 0) "
      "for n, rate in bowl_best.items())")),
    # section 10 and the summary
    (("after 600 epochs the cost of gradient descent was still above 0.35 on every seed, while RMSprop and Adam were "
      "below 0.15 on every seed"),
     (f"min({_values(f'same_rate[{GD!r}]', 'final_cost')}) > 0.35 and "
      f"all(max({_values('same_rate[n]', 'final_cost')}) < 0.15 for n in {ADAPTIVE!r})")),
    ("on the bowl, up to 15, where gradient descent diverged from 1.5 on",
     f"{_bowl(repr(MOMENTUM), 15)} < 0.1 and {_bowl(repr(GD), 1.5)} > 1e3 and {_bowl(repr(GD), 1)} < 1e3"),
]
