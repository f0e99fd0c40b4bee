"""Visible checks of assignment 05, Batch normalization.

The forward pass is checked on a small batch whose statistics are easy to verify by hand
(mean 4 and variance 5 in the first row, mean 1 and variance 2.75 in the second), by the
properties of its output (per-unit mean beta, standard deviation gamma) and by how the
running statistics behave. The backward passes get fixed caches with their expected
gradients, and two properties every correct gradient has.
"""

import functools

import numpy as np

from helpers.checks.core import student_check
from helpers.checks.initialization import check_reproducible, check_weight_scale

# ----- a small batch: n = 2 units, m = 4 examples ------------------------------------------
_Z = np.array([[1.0, 3.0, 5.0, 7.0], [0.5, -1.5, 2.5, 2.5]])
_GAMMA = np.array([[2.0], [0.5]])
_BETA = np.array([[1.0], [-1.0]])
_MU = np.array([[4.0], [1.0]])
_VAR = np.array([[5.0], [2.75]])
_Z_NORM = np.array([[-1.3416394448610998, -0.4472131482870333, 0.4472131482870333, 1.3416394448610998],
                    [-0.301510796376814, -1.50755398188407, 0.904532389130442, 0.904532389130442]])
_TRAIN_OUT = np.array([[-1.6832788897221995, 0.10557370342593342, 1.8944262965740666, 3.6832788897221995],
                       [-1.1507553981884069, -1.7537769909420349, -0.547733805434779, -0.547733805434779]])
# What four known mistakes return on it (eps 1e-5): statistics per example (axis 0), the unbiased
# variance (ddof=1), division by var + eps instead of its square root, gamma and beta swapped.
_OUT_PER_EXAMPLE = np.array([[2.999840019197441, 2.9999980246942846, 2.9999936000307197, 2.9999980246942846],
                             [-1.4999600047993602, -1.4999995061735711, -1.49999840000768, -1.4999995061735711]])
_OUT_UNBIASED = np.array([[-1.323788264883905, 0.225403911705365, 1.774596088294635, 3.323788264883905],
                          [-1.1305580639331712, -1.652790319665856, -0.6083258082004863, -0.6083258082004863]])
_OUT_BY_VARIANCE = np.array([[-0.19999760000480005, 0.6000007999984, 1.3999992000016, 2.1999976000048003],
                             [-1.0909087603317806, -1.454543801658903, -0.7272737190046581, -0.7272737190046581]])
_OUT_SWAPPED = np.array([[0.6583605551389002, 1.5527868517129666, 2.4472131482870334, 3.3416394448610998],
                         [0.801510796376814, 2.0075539818840697, -0.404532389130442, -0.404532389130442]])
# What three more mistakes return on it: eps left out, eps added after the square root, and the batch
# normalized with the running statistics just updated (0.1 * mu and 0.9 + 0.1 * var) instead of its own.
_OUT_NO_EPS = np.array([[-1.6832815729997477, 0.10557280900008414, 1.8944271909999157, 3.6832815729997477],
                        [-1.1507556722888819, -1.7537783614444091, -0.5477329831333546, -0.5477329831333546]])
_OUT_EPS_AFTER = np.array([[-1.6832695730534128, 0.10557680898219568, 1.8944231910178044, 3.683269573053413],
                           [-1.1507547632034547, -1.7537738160172736, -0.5477357103896359, -0.5477357103896359]])
_OUT_RUNNING = np.array([[2.0141814836039607, 5.394786428950497, 8.775391374297032, 12.155996319643569],
                         [-0.8154945435221546, -1.7380218259113818, 0.10703273886707265, 0.10703273886707265]])
# The same batch with eps 0.25, momentum 0.75 and running statistics (1, 2) and (4, 1) given.
_CUSTOM_OUT = np.array([[-1.6186146828319088, 0.12712843905603044, 1.8728715609439694, 3.618614682831909],
                        [-1.1443375672974065, -1.7216878364870323, -0.5669872981077806, -0.5669872981077806]])
# Test mode with running mean (4, 1) and running variance (4, 0.25), then with none given.
_TEST_MEAN, _TEST_VAR = np.array([[4.0], [1.0]]), np.array([[4.0], [0.25]])
_TEST_OUT = np.array([[-1.999996250007031, 1.2499976562718729e-06, 1.9999987500023437, 3.999996250007031],
                      [-1.49999000029999, -3.4999500014999496, 0.4999700008999699, 0.4999700008999699]])
_TEST_ABSENT_OUT = np.array([[2.9999900000749995, 6.999970000224998, 10.999950000374998, 14.999930000524996],
                             [-0.750001249990625, -1.7499962500281248, 0.24999375004687474, 0.24999375004687474]])

FORMULA_HINT = ("Per unit (row), over the m examples (axis=1, keepdims=True): mu = mean, var = mean((Z - mu)**2), "
                "Z_norm = (Z - mu) / sqrt(var + eps), out = gamma * Z_norm + beta.")
RUNNING_HINT = ("In train mode store bn_param['running_mean'] = momentum * running_mean + (1 - momentum) * mu "
                "(the same for the variance), with eps and momentum read from bn_param (defaults 1e-5 and 0.9).")
EPS_HINT = ("The difference is of the size of eps: eps goes INSIDE the square root, np.sqrt(var + eps), with the "
            "eps you are given (not np.sqrt(var) + eps, and not left out).")
KEEPDIMS_HINT = ("mu and var must keep shape (n, 1) to broadcast against Z of shape (n, m): "
                 "np.mean(Z, axis=1, keepdims=True). Without keepdims they have shape (n,), which numpy lines up "
                 "with the columns, not the rows.")
#: Known mistakes of out on the 2 x 4 batch in train mode: (what the mistake returns, message, hint).
_FORWARD_MISTAKES = (
    (_OUT_PER_EXAMPLE, "normalizes each column (example) instead of each row (unit)",
     "The statistics are per unit, over the examples of the batch: axis=1, not axis=0."),
    (_OUT_UNBIASED, "uses the unbiased variance, which divides by m - 1",
     "Batch norm divides by m: np.var(Z, axis=1, keepdims=True) without ddof=1, or np.mean((Z - mu)**2, ...)."),
    (_OUT_BY_VARIANCE, "divides by var + eps instead of its square root",
     "Divide by the standard deviation, np.sqrt(var + eps), not by the variance."),
    (_OUT_SWAPPED, "has gamma and beta swapped", "gamma scales Z_norm and beta shifts it: out = gamma * Z_norm + beta."),
    (_OUT_NO_EPS, "leaves eps out of the square root", EPS_HINT),
    (_OUT_EPS_AFTER, "adds eps after the square root, np.sqrt(var) + eps", EPS_HINT),
    (_OUT_RUNNING, "is normalized with the running statistics just updated, not with the batch's own mu and var",
     "In train mode normalize with the batch's mu and var; the running statistics are only updated there (test mode "
     "uses them)."),
)
SWAPPED_HINT = ("momentum weighs the OLD running value and 1 - momentum the batch's: "
                "running_mean = momentum * running_mean + (1 - momentum) * mu, the same for var.")
TEST_HINT = "In test mode normalize with bn_param['running_mean'] and bn_param['running_var'], not the batch's statistics."


def broadcast_hint(error):
    """``error_hint``: a failed broadcast of (n, m) against (n,) comes from statistics without keepdims."""
    return KEEPDIMS_HINT if "could not be broadcast" in str(error) else None


def expect_close_naming(c, actual, expected, what, mistakes, hint, stop=False, **tolerances):
    """``c.expect_close``, except that a value equal to what a known mistake returns fails with its name.

    ``mistakes`` is a sequence of (value the mistake returns, what it does, hint). A result off by
    less than 1e-4 (relative) while eps is tiny gets the hint on eps.
    """
    actual_array = np.asarray(actual, dtype=float) if np.shape(actual) == np.shape(expected) else None
    if actual_array is not None and not np.allclose(actual_array, expected, rtol=1e-6, atol=1e-9):
        for value, mistake, mistake_hint in mistakes:
            if np.allclose(actual_array, value, rtol=1e-7, atol=1e-9):
                return c.fail(f"{what}: your result {mistake}.", mistake_hint, stop)
        if np.allclose(actual_array, expected, rtol=1e-4, atol=1e-9):
            hint = EPS_HINT
    return c.expect_close(actual, expected, what, hint=hint, stop=stop, **tolerances)


def call_forward(c, batchnorm_forward, Z, gamma, beta, bn_param, inputs):
    """Run the student's forward on copies; return ``(out, cache, bn_param after the call)``.

    ``bn_param`` may change (that is its purpose); ``Z``, ``gamma`` and ``beta`` must not.
    The check stops unless the result is a pair whose ``out`` has the shape of ``Z``.
    """
    @functools.wraps(batchnorm_forward)
    def call_keeping_bn_param(Z, gamma, beta, bn_param):
        before = [a.copy() for a in (Z, gamma, beta)]
        result = batchnorm_forward(Z, gamma, beta, bn_param)
        changed = [name for name, old, new in zip(("Z", "gamma", "beta"), before, (Z, gamma, beta))
                   if not np.array_equal(old, new)]
        return result, bn_param, changed

    result, bn_param_after, changed = c.call(call_keeping_bn_param, Z, gamma, beta, bn_param, inputs=inputs,
                                             may_modify_inputs=True, error_hint=broadcast_hint)
    if changed:
        c.fail(f"batchnorm_forward modified its input {', '.join(changed)} in place.",
               "Build new arrays (`Z_centered = Z - mu`) instead of changing an input (`Z -= mu`).")
    c.require_type(result, tuple, "the result", "Return the pair (out, cache).")
    if len(result) != 2:
        c.fail(f"the result has {len(result)} entries; expected 2, (out, cache).", stop=True)
    out, cache = result
    c.require_shape(out, Z.shape, "out", "out has the shape of Z: (n, m).")
    return out, cache, bn_param_after


def check_cache(c, cache, expected):
    """The train-mode cache ``(Z, Z_norm, mu, var, gamma, eps)`` against the expected entries."""
    c.require_type(cache, (tuple, list), "the cache", "Return cache = (Z, Z_norm, mu, var, gamma, eps) as a tuple.")
    if len(cache) != 6:
        c.fail(f"the cache has {len(cache)} entries; expected 6, (Z, Z_norm, mu, var, gamma, eps).", stop=True)
    names = ("Z", "Z_norm", "mu", "var", "gamma", "eps")
    wrong = [name for name, got, want in zip(names, cache, expected)
             if not (np.shape(got) == np.shape(want) and np.allclose(got, want, rtol=1e-6, atol=1e-9))]
    std = np.sqrt(np.asarray(expected[3]) + expected[5])
    if "var" in wrong and np.shape(cache[3]) == std.shape and np.allclose(cache[3], std, rtol=1e-6, atol=1e-9):
        c.fail(f"the cache holds sqrt(var + eps) = {std.ravel()}, the standard deviation, where var "
               f"{np.asarray(expected[3]).ravel()} is expected.",
               "Cache the variance itself, cache = (Z, Z_norm, mu, var, gamma, eps): the backward pass takes the "
               "square root where it needs one.")
        return
    c.expect(not wrong, "cache = (Z, Z_norm, mu, var, gamma, eps) holds the expected values",
             f"cache entries {', '.join(wrong)} differ from what is expected"
             + (f" (mu should be {expected[2].ravel()}, var {expected[3].ravel()})" if {"mu", "var"} & set(wrong) else "")
             + ".",
             "mu and var have shape (n, 1): use keepdims=True. var is the mean of (Z - mu)**2 (divide by m, not m - 1).")


@student_check
def batchnorm_forward(c, batchnorm_forward):
    # 1. Train mode on a small batch.
    out, cache, bn_param = call_forward(c, batchnorm_forward, _Z, _GAMMA, _BETA, {"mode": "train"},
                                        "the 2 x 4 example, train mode")
    expect_close_naming(c, out, _TRAIN_OUT, "train mode: out", _FORWARD_MISTAKES, FORMULA_HINT, stop=True)
    check_cache(c, cache, (_Z, _Z_NORM, _MU, _VAR, _GAMMA, 1e-5))
    has_stats = all(isinstance(bn_param.get(k), np.ndarray) and bn_param[k].shape == (2, 1)
                    for k in ("running_mean", "running_var"))
    c.expect(has_stats, "bn_param now holds running_mean and running_var of shape (2, 1)",
             "after a train-mode call, bn_param should hold running_mean and running_var arrays of shape (n, 1).",
             "Start from zeros (mean) and ones (variance) when they are absent, update them, and store them "
             "back into bn_param.", stop=True)
    expect_close_naming(c, bn_param["running_mean"], 0.1 * _MU, "running_mean after one batch (0.9 * 0 + 0.1 * mu)",
                        [(0.9 * _MU, "weighs the batch's mu by momentum", SWAPPED_HINT)], RUNNING_HINT)
    expect_close_naming(c, bn_param["running_var"], 0.9 + 0.1 * _VAR, "running_var after one batch (0.9 * 1 + 0.1 * var)",
                        [(0.1 + 0.9 * _VAR, "weighs the batch's var by momentum", SWAPPED_HINT),
                         (0.9 + 0.1 * _VAR * 4 / 3, "averages the unbiased variance (divided by m - 1)",
                          "The running variance averages the same var the batch was normalized with, divided by m "
                          "(some libraries keep an unbiased one; this course does not).")], RUNNING_HINT)

    # 2. eps and momentum come from bn_param, and given running statistics are updated. Momentum 0.75
    #    (not 0.5) tells momentum * old + (1 - momentum) * new from the weights swapped.
    running_mean, running_var = np.array([[1.0], [2.0]]), np.array([[4.0], [1.0]])
    given = {"mode": "train", "eps": 0.25, "momentum": 0.75, "running_mean": running_mean, "running_var": running_var}
    out, _, bn_param = call_forward(c, batchnorm_forward, _Z, _GAMMA, _BETA, given, "eps 0.25, momentum 0.75")
    expect_close_naming(c, out, _CUSTOM_OUT, "eps 0.25 read from bn_param: out",
                        [(_TRAIN_OUT, "is the one for eps = 1e-5",
                          "Read eps from bn_param (bn_param.get('eps', 1e-5)) instead of writing 1e-5.")],
                        "Read eps from bn_param and add it inside the square root: np.sqrt(var + eps).")
    expect_close_naming(c, bn_param["running_mean"], [[1.75], [1.75]],
                        "momentum 0.75: running_mean (0.75 * (1, 2) + 0.25 * mu)",
                        [(0.25 * running_mean + 0.75 * _MU, "weighs the batch's mu by momentum", SWAPPED_HINT),
                         (0.9 * running_mean + 0.1 * _MU, "uses momentum 0.9, not bn_param's 0.75",
                          "Read momentum from bn_param (bn_param.get('momentum', 0.9)) instead of writing 0.9.")],
                        RUNNING_HINT)
    expect_close_naming(c, bn_param["running_var"], [[4.25], [1.4375]],
                        "momentum 0.75: running_var (0.75 * (4, 1) + 0.25 * var)",
                        [(0.25 * running_var + 0.75 * _VAR, "weighs the batch's var by momentum", SWAPPED_HINT),
                         (0.75 * running_var + 0.25 * (_VAR + 0.25), "averages var + eps",
                          "eps only guards the division: the running variance averages var itself.")],
                        RUNNING_HINT)

    # 3. Properties on a larger batch: per-unit mean beta and standard deviation |gamma|.
    rng = np.random.default_rng(5)
    Z = rng.standard_normal((6, 300)) * 4.0 + 3.0
    gamma, beta = rng.uniform(0.5, 2.0, (6, 1)), rng.standard_normal((6, 1))
    out, _, _ = call_forward(c, batchnorm_forward, Z, gamma, beta, {"mode": "train"}, "a 6 x 300 batch, train mode")
    c.expect_close(out.mean(axis=1, keepdims=True), beta, "6 x 300 batch, train mode: the mean of each row of out (beta)",
                   atol=1e-8, hint=FORMULA_HINT)
    c.expect_close(out.std(axis=1, keepdims=True), gamma, "6 x 300 batch, train mode: the std of each row of out (gamma)",
                   rtol=1e-5, hint=FORMULA_HINT)

    # 4. Test mode uses the running statistics only and leaves them alone.
    given = {"mode": "test", "running_mean": _TEST_MEAN.copy(), "running_var": _TEST_VAR.copy()}
    out, _, bn_param = call_forward(c, batchnorm_forward, _Z, _GAMMA, _BETA, given, "test mode")
    expect_close_naming(c, out, _TEST_OUT, "test mode: out (from the running statistics)",
                        [(_TRAIN_OUT, "is the train-mode one, from the batch's statistics", TEST_HINT)], TEST_HINT)
    c.expect(np.array_equal(bn_param["running_mean"], _TEST_MEAN) and np.array_equal(bn_param["running_var"], _TEST_VAR),
             "test mode leaves the running statistics unchanged",
             "test mode changed bn_param's running statistics.", "Only train mode updates them.")
    single, _, _ = call_forward(c, batchnorm_forward, _Z[:, 2:3], _GAMMA, _BETA, dict(given), "one example, test mode")
    c.expect_close(single, _TEST_OUT[:, 2:3], "test mode, one example alone: out (the same as in the batch)",
                   hint=TEST_HINT)
    out, _, _ = call_forward(c, batchnorm_forward, _Z, _GAMMA, _BETA, {"mode": "test"}, "test mode, no running statistics")
    c.expect_close(out, _TEST_ABSENT_OUT, "test mode without running statistics (mean 0, variance 1): out",
                   hint="When bn_param has no running_mean / running_var, start from zeros and ones.")

    # 5. The running statistics follow the data over many batches.
    bn_param = {"mode": "train"}
    for _ in range(60):
        Z = rng.standard_normal((3, 50)) * 2.0 + 5.0
        _, _, bn_param = call_forward(c, batchnorm_forward, Z, np.ones((3, 1)), np.zeros((3, 1)), bn_param,
                                      "batches with mean 5 and variance 4")
    c.expect(np.allclose(bn_param["running_mean"], 5.0, atol=0.5) and np.allclose(bn_param["running_var"], 4.0, atol=1.0),
             "after 60 batches with mean 5 and variance 4 the running statistics are close to 5 and 4",
             f"after 60 batches with mean 5 and variance 4 the running statistics are "
             f"{np.round(bn_param['running_mean'].ravel(), 2)} and {np.round(bn_param['running_var'].ravel(), 2)}.",
             RUNNING_HINT)


# ----- backward: fixed caches from the forward pass in train mode ----------------------------
# A: the batch above (eps 1e-5), gamma (2, 0.5).
_CACHE_A = (_Z, _Z_NORM, _MU, _VAR, _GAMMA, 1e-5)
_DOUT_A = np.array([[1.0, -2.0, 0.5, 0.0], [0.25, 1.0, -1.0, 3.0]])
_EXPECTED_A = (np.array([[0.9391477455664461, -1.699409918769501, 0.5813770480519179, 0.1788851251511372],
                         [-0.16446045307597085, 0.08223012375058775, -0.5619064280909364, 0.6441367574163195]]),
               np.array([[-0.22360657414351653], [0.22613309728261033]]),
               np.array([[-0.5], [3.25]]))
# What known mistakes return as dZ on A (the values, computed once).
_DZ_A_MEAN_PATH_DROPPED = np.array([[0.8273444584946877, -1.8112132058412596, 0.46957376098015957, 0.06708183807937884],
                                    [0.08051706898019051, 0.3272076458067491, -0.316928906034775, 0.8891142794724809]])
_DZ_A_MEAN_PATH_NOT_DIVIDED = np.array([[1.274557606781721, -1.3640000575542262, 0.916786909267193, 0.5142949863664122],
                                        [-0.8993930192444549, -0.6527024424178963, -1.2968389942594205,
                                         -0.09079580875216453]])
_DZ_A_MEAN_PATH_AXIS_0 = np.array([[0.3734136947572486, -1.0692104258240043, 0.3932513335074673, -0.411016220696551],
                                   [-0.3734136947572486, 1.0692104258240045, -0.3932513335074673, 0.411016220696551]])
_DZ_A_VAR_PATH_DROPPED = np.array([[1.0062295836458248, -1.677049306076375, 0.5590164353587916, 0.11180328707175832],
                                   [-0.16959982296195786, 0.05653327432065264, -0.5464883184329754, 0.6595548670742806]])
_DZ_A_VAR_PATH_WITHOUT_2 = np.array([[0.9726886646061356, -1.6882296124229381, 0.5701967417053547, 0.14534420611144774],
                                     [-0.16703013801896435, 0.06938169903562019, -0.5541973732619558, 0.6518458122453001]])
_DZ_A_DVAR_SIGN = np.array([[1.0733114217252038, -1.6546886933832485, 0.5366558226656652, 0.04472144899237945],
                            [-0.17473919284794487, 0.03083642489071753, -0.5310702087750143, 0.6749729767322417]])
_DZ_A_DVAR_POWER = np.array([[0.6708197224305499, -1.7888525931481332, 0.6708197224305499, 0.44721314828703324],
                             [-0.1554665043817947, 0.12719986722146842, -0.5888882741734649, 0.6171549113337911]])
_DZ_A_DS_FROM_Z_NORM = np.array([[0.9762297036454649, -1.6870492660764949, 0.5690163953589116, 0.14180316707211832],
                                 [-0.16650067194755996, 0.07202902939264219, -0.5557857714761691, 0.6502574140310868]])
_DZ_A_DOUT_NOT_TIMES_M = np.array([[0.26832802313589615, -0.3577704739084012, 0.2459671868366429, 0.17888512515113714],
                                   [-0.22099372739662348, -0.1439029735320228, -0.33577333080832594,
                                    -0.03426253443151191]])
_DZ_A_SUMS_SWAPPED = np.array([[0.7944264965736666, -1.7888525931481332, 0.5472129482874333, 0.19999960000079997],
                               [0.13219567430156637, 0.6537822426624638, -0.540146292247738, 0.665896893259518]])
# B: three units, five examples, eps 0.1 (as large as the first unit's variance), a negative gamma.
_Z_B = np.array([[0.2, -0.4, 0.1, 0.3, -0.2], [10.0, 12.0, 9.0, 11.0, 13.0], [-1.0, 0.0, 2.0, 0.0, -1.0]])
_CACHE_B = (_Z_B,
            np.array([[0.4879500364742666, -0.9759000729485332, 0.2439750182371333, 0.7319250547113998, -0.4879500364742666],
                      [-0.6900655593423541, 0.6900655593423541, -1.3801311186847083, 0.0, 1.3801311186847083],
                      [-0.8770580193070292, 0.0, 1.7541160386140584, 0.0, -0.8770580193070292]]),
            np.array([[-5.551115123125783e-18], [11.0], [0.0]]),
            np.array([[0.06800000000000002], [2.0], [1.2]]),
            np.array([[1.5], [-0.5], [0.8]]),
            0.1)
_DOUT_B = np.array([[0.5, -1.0, 2.0, 0.0, 1.0], [1.0, 1.0, -0.5, 0.25, -2.0], [0.0, 3.0, -1.0, 1.0, 0.5]])
_EXPECTED_B = (np.array([[-0.4356696754234519, -4.618098559488595, 5.271603072623773, -2.483317149913678, 2.265482312201952],
                         [-0.263703624462971, -0.46086521284650084, 0.35242633923555944, -0.10350983390135311,
                          0.4756523319752655],
                         [-0.7610164967525608, 1.613786755524934, -0.6530708943763112, 0.210493924633687,
                          -0.4101932890297491]]),
               np.array([[1.2198750911856666], [-2.070196678027062], [-2.192645048267573]]),
               np.array([[2.5], [-0.25], [3.5]]))


SHIFT = "adding a constant to a row of Z changes nothing after the normalization, so the rows of dZ sum to 0"
STRETCH = ("stretching a row of Z around its mean changes the output only through eps, so dZ is almost orthogonal "
           "to each row of Z_norm")
MEAN_PATH_HINT = f"{SHIFT[0].upper()}{SHIFT[1:]}. Check the path through mu: dmu = -sum(dZ_c) over axis 1, and each example gets dmu / m back."
VAR_PATH_HINT = (f"{STRETCH[0].upper()}{STRETCH[1:]}. Check the path through var: dvar = -0.5 * (var + eps)**-1.5 * ds, "
                 "and each example gets 2 * Z_c * dvar / m back.")
MEAN_TERM_HINT = (f"{SHIFT[0].upper()}{SHIFT[1:]}. In the formula, m * dout - dbeta has rows that sum to 0: check that "
                  "term (dout times m, minus dbeta = the sum of dout).")
VAR_TERM_HINT = (f"{STRETCH[0].upper()}{STRETCH[1:]}. In the formula, that is the job of the term - Z_norm * dgamma, "
                 "with dgamma = the sum of dout * Z_norm.")


def check_backward(c, function, dz_hint, mean_hint, var_hint, mistakes_a=()):
    """Shared by both backward forms: fixed caches, expected gradients, and two properties of dZ.

    The properties name the path of the computation graph a wrong dZ got wrong: its rows must sum
    to 0 (the path through mu) and its projection on Z_norm is fixed by eps (the path through var).
    ``mistakes_a`` are (dZ a known mistake returns on case A, what it does, hint).
    """
    for name, dout, cache, expected in (("2 x 4 batch, eps 1e-5", _DOUT_A, _CACHE_A, _EXPECTED_A),
                                        ("3 x 5 batch, eps 0.1", _DOUT_B, _CACHE_B, _EXPECTED_B)):
        result = c.call(function, dout, cache, inputs=f"dout and cache of the {name}")
        c.require_type(result, tuple, "the result", "Return the triple (dZ, dgamma, dbeta).")
        if len(result) != 3:
            c.fail(f"the result has {len(result)} entries; expected 3, (dZ, dgamma, dbeta).", stop=True)
        judge_backward_result(c, result, dout, cache, expected, name, (dz_hint, mean_hint, var_hint), mistakes_a)


def judge_backward_result(c, result, dout, cache, expected, name, hints, mistakes_a=()):
    """The verdicts on one result (dZ, dgamma, dbeta) of a batch norm backward pass, for one case.

    Arguments:
        result -- the function's return value, a triple; dout -- the gradient it was given
        cache -- the case's (Z, Z_norm, mu, var, gamma, eps); expected -- its (dZ, dgamma, dbeta)
        name -- the case's name in messages
        hints -- (dz_hint, mean_hint, var_hint): for a wrong dZ, for rows that do not sum to 0, for a
                 wrong projection on Z_norm
        mistakes_a -- (dZ a known mistake returns on case A, what it does, hint), used on case A only
    """
    dz_hint, mean_hint, var_hint = hints
    dZ, dgamma, dbeta = result
    n, m = dout.shape
    gamma, eps, var, Z_norm = cache[4], cache[5], cache[3], cache[1]
    for what, value in (("dgamma", dgamma), ("dbeta", dbeta)):
        if np.shape(value) == (n,):
            c.fail(f"{name}: {what} has shape ({n},), without keepdims; expected ({n}, 1).",
                   "Keep the summed axis: np.sum(..., axis=1, keepdims=True).", stop=True)
        if np.shape(value) == (1, m) and m != n:
            c.fail(f"{name}: {what} has shape (1, {m}): it was summed over axis 0 (the units) instead of axis 1 "
                   f"(the examples); expected ({n}, 1).",
                   "gamma and beta have one entry per unit: sum over the examples, axis=1, keepdims=True.",
                   stop=True)
    c.require_shapes({"dZ": dZ, "dgamma": dgamma, "dbeta": dbeta},
                     {"dZ": dout.shape, "dgamma": (n, 1), "dbeta": (n, 1)}, name,
                     "dZ has the shape of Z; dgamma and dbeta the shape (n, 1) of gamma and beta (keepdims=True).")
    expect_close_naming(c, dbeta, expected[2], f"{name}: dbeta",
                        [(expected[1], "is dgamma", "dbeta = sum of dout; dgamma = sum of dout * Z_norm."),
                         (expected[2] / m, "is the mean of dout, not its sum",
                          "beta is added to every example, so its gradient adds up: np.sum(dout, axis=1, "
                          "keepdims=True).")],
                        "beta is added to every example: sum dout over axis 1.")
    expect_close_naming(c, dgamma, expected[1], f"{name}: dgamma",
                        [(expected[2], "is dbeta", "dbeta = sum of dout; dgamma = sum of dout * Z_norm.")],
                        "gamma multiplies Z_norm: sum dout * Z_norm over axis 1.")
    dZ = np.asarray(dZ, dtype=float)
    scale = 1 + np.abs(expected[0]).max()
    rows_sum_to_zero = np.allclose(dZ.sum(axis=1), 0, atol=1e-9 * scale)
    # Stretching a row of Z around its mean changes out only through eps: the projection of a
    # correct dZ on each row of Z_norm is gamma * dgamma * eps / (var + eps) ** 1.5.
    projection = np.sum(dZ * Z_norm, axis=1, keepdims=True)
    expected_projection = gamma * expected[1] * eps / (var + eps) ** 1.5
    projection_right = np.allclose(projection, expected_projection, atol=1e-9 * scale * m)
    hint = mean_hint if not rows_sum_to_zero else var_hint if not projection_right else dz_hint
    expect_close_naming(c, dZ, expected[0], f"{name}: dZ",
                        [(expected[0] / gamma, "lacks the factor gamma",
                          "out = gamma * Z_norm + beta: the gradient reaching Z_norm is gamma * dout."),
                         (expected[0] * m, f"is m = {m} times too large",
                          "Every mean over the batch passes back its gradient divided by m: look for a missing / m.")]
                        + (list(mistakes_a) if cache is _CACHE_A else []),
                        hint)
    c.expect(rows_sum_to_zero, f"{name}: every row of dZ sums to 0 (the output ignores a shift of Z)",
             f"{name}: the rows of dZ sum to {np.round(dZ.sum(axis=1), 4)}; they should sum to 0.", mean_hint)
    c.expect(projection_right,
             f"{name}: sum(dZ * Z_norm) per row is gamma * dgamma * eps / (var + eps)^1.5 (the output ignores "
             "a stretch of Z, up to eps)",
             f"{name}: sum(dZ * Z_norm) per row is {np.round(projection.ravel(), 4)}; expected "
             f"{np.round(expected_projection.ravel(), 4)} = gamma * dgamma * eps / (var + eps)^1.5.", var_hint)


@student_check
def batchnorm_backward(c, batchnorm_backward):
    check_backward(c, batchnorm_backward,
                   "Go backward one node at a time: Z_norm = (Z - mu) * inv_std with inv_std = 1 / sqrt(var + eps), "
                   "var = mean((Z - mu)**2), mu = mean(Z). Z reaches the output along three paths (directly, through "
                   "mu, through var): add their contributions.", MEAN_PATH_HINT, VAR_PATH_HINT, [
                       (_DZ_A_MEAN_PATH_DROPPED, "leaves out the path through mu: nothing comes back through dmu",
                        MEAN_PATH_HINT),
                       (_DZ_A_MEAN_PATH_NOT_DIVIDED, "gives every example all of dmu, not dmu / m",
                        "mu is the mean of m examples: each example gets dmu / m back."),
                       (_DZ_A_MEAN_PATH_AXIS_0, "averages the path through mu over axis 0 (the units) instead of the "
                        "examples", "mu is a mean over the examples of each unit: sums and means over axis=1."),
                       (_DZ_A_VAR_PATH_DROPPED, "leaves out the path through var: nothing comes back through dvar",
                        VAR_PATH_HINT),
                       (_DZ_A_VAR_PATH_WITHOUT_2, "lacks the factor 2 of the derivative of (Z - mu)**2 in the path "
                        "through var", "var = mean((Z - mu)**2), whose derivative brings 2 * Z_c * dvar / m back."),
                       (_DZ_A_DVAR_SIGN, "has dvar with the wrong sign",
                        "(var + eps)**-0.5 decreases as var grows: dvar = -0.5 * (var + eps)**-1.5 * ds, with the minus."),
                       (_DZ_A_DVAR_POWER, "has dvar with (var + eps)**-0.5 where the derivative has (var + eps)**-1.5",
                        "The derivative of (var + eps)**-0.5 is -0.5 * (var + eps)**-1.5: the power drops by one."),
                       (_DZ_A_DS_FROM_Z_NORM, "computes ds from Z_norm instead of Z_c = Z - mu",
                        "Z_norm = Z_c * s with s = 1 / sqrt(var + eps), so ds = sum(dZ_norm * Z_c) over axis 1."),
                   ])


@student_check
def batchnorm_backward_alt(c, batchnorm_backward_alt):
    check_backward(c, batchnorm_backward_alt,
                   "dZ = gamma / (m * sqrt(var + eps)) * (m * dout - sum(dout) - Z_norm * sum(dout * Z_norm)), "
                   "sums over axis 1 with keepdims=True.", MEAN_TERM_HINT, VAR_TERM_HINT, [
                       (_DZ_A_VAR_PATH_DROPPED, "lacks the term - Z_norm * dgamma (the path through var)", VAR_TERM_HINT),
                       (_DZ_A_DOUT_NOT_TIMES_M, "has dout where the formula has m * dout", MEAN_TERM_HINT),
                       (_DZ_A_SUMS_SWAPPED, "has dbeta and dgamma swapped inside the parentheses",
                        "The parentheses hold m * dout - dbeta - Z_norm * dgamma: dbeta alone, dgamma times Z_norm."),
                   ])


# ----- initialize_parameters_bn -------------------------------------------------------------
def expected_bn_shapes(layers_dims):
    """Keys and shapes of a batch-norm network's parameters: W, gamma, beta per hidden layer; WL, bL."""
    L = len(layers_dims) - 1
    shapes = {}
    for l in range(1, L + 1):
        shapes[f"W{l}"] = (layers_dims[l], layers_dims[l - 1])
        if l < L:
            shapes[f"gamma{l}"] = (layers_dims[l], 1)
            shapes[f"beta{l}"] = (layers_dims[l], 1)
    shapes[f"b{L}"] = (layers_dims[L], 1)
    return shapes


def check_bn_structure(c, parameters, layers_dims):
    """Keys, shapes and the values of gamma (ones), beta and bL (zeros)."""
    shapes = expected_bn_shapes(layers_dims)
    L = len(layers_dims) - 1
    if isinstance(parameters, dict) and (f"gamma{L}" in parameters or f"beta{L}" in parameters) \
            and f"b{L}" not in parameters:
        c.fail(f"parameters has gamma{L} and beta{L} but no b{L}: the output layer {L} got batch norm.",
               f"Batch norm is for the hidden layers 1 .. {L - 1}; the output layer {L} has W{L} and a bias b{L}.",
               stop=True)
    c.require_keys(parameters, list(shapes), "parameters",
                   f"Hidden layers l = 1 .. {L - 1} have W, gamma, beta and no b; the output layer {L} has W{L} and b{L}.")
    for key, shape in shapes.items():
        got = np.shape(parameters[key])
        if got != shape and got == shape[::-1]:
            kind = "(n[l-1], n[l]), transposed" if key.startswith("W") else "a row, not a column"
            c.fail(f"{key} has shape {got}, {kind}; expected {shape}.",
                   "W[l] has shape (n[l], n[l-1]); gamma[l], beta[l] and b[L] are columns of shape (n[l], 1).",
                   stop=True)
    c.require_shapes(parameters, shapes, f"layers_dims {list(layers_dims)}",
                     "W[l] has shape (n[l], n[l-1]); gamma[l], beta[l] and b[L] have shape (n[l], 1).")
    ones = [k for k in shapes if k.startswith("gamma")]
    zeros = [k for k in shapes if k.startswith("beta")] + [f"b{L}"]
    wrong = [k for k in ones if np.any(parameters[k] != 1)] + [k for k in zeros if np.any(parameters[k] != 0)]
    betas = [k for k in shapes if k.startswith("beta")]
    if ones and all(np.all(parameters[k] == 0) for k in ones) and all(np.all(parameters[k] == 1) for k in betas):
        c.fail(f"{', '.join(ones)} are zeros and {', '.join(betas)} ones: gamma and beta got each other's values.",
               "gamma = 1 (np.ones) and beta = 0 (np.zeros): batch norm starts as the plain normalization.")
        return
    c.expect(not wrong, "gamma is all ones, beta and the output bias all zeros",
             f"{', '.join(wrong)} have the wrong values.",
             "Start batch norm as the plain normalization: gamma = 1 (np.ones) and beta = 0 (np.zeros); b[L] = 0.")


@student_check
def initialize_parameters_bn(c, initialize_parameters_bn):
    for layers_dims in ([5, 4, 3, 2], [3, 1]):
        check_bn_structure(c, c.call(initialize_parameters_bn, layers_dims, rng=np.random.default_rng(0)), layers_dims)
    wide = [400, 300, 200, 1]
    parameters = c.call(initialize_parameters_bn, wide, rng=np.random.default_rng(1))
    check_bn_structure(c, parameters, wide)
    # [400, 300, 200, 1]: n[l] and n[l-1] differ by 25% or more, so a scale from the wrong one shows.
    std = float(np.std(parameters["W1"]))
    if abs(std - np.sqrt(2 / wide[1])) < 0.02 * np.sqrt(2 / wide[1]):
        c.fail(f"std of W1 is {std:.4g}, sqrt(2/{wide[1]}) from n[1] = {wide[1]}, the layer's own size; expected "
               f"sqrt(2/{wide[0]}) = {np.sqrt(2 / wide[0]):.4g}.",
               "He scaling uses the size of the PREVIOUS layer, the number of inputs of each unit: sqrt(2 / n[l-1]).",
               stop=True)
    if abs(std - np.sqrt(1 / wide[0])) < 0.02 * np.sqrt(1 / wide[0]):
        c.fail(f"std of W1 is {std:.4g}, sqrt(1/{wide[0]}), the scale of Xavier's initialization; expected He's "
               f"sqrt(2/{wide[0]}) = {np.sqrt(2 / wide[0]):.4g}.",
               "He scaling, for ReLU, has a 2 where Xavier's has a 1: sqrt(2 / n[l-1]).", stop=True)
    check_weight_scale(c, parameters, wide, lambda l: np.sqrt(2 / wide[l - 1]),
                       "He scaling multiplies a standard normal W[l] by sqrt(2 / n[l-1]).",
                       lambda l: f"sqrt(2/{wide[l - 1]})")
    check_reproducible(c, initialize_parameters_bn, [5, 4, 3, 2])
