"""What the visible checks of assignment 01 say of the mistakes the hidden tests catch (mutants of
``autograder/edits/initialization.py``, judged through the wire as the grader judges a kernel's function)."""

from conftest import visible_verdict as verdict_of

ASSIGNMENT = "01_initialization"


def visible_verdict(function, description=None):
    return verdict_of(ASSIGNMENT, function, description)


def test_weights_centered_at_the_scale_fail_on_their_mean_with_a_hint_on_rng_normal():
    printed = visible_verdict("initialize_parameters_random",
                              "rng.normal(scale, scale): weights centered at scale, not 0").printed
    assert "ok    std of W1 is 9.938, expected scale = 10 (within 5%)" in printed
    assert "FAIL  the mean of W1 is 9.908; expected about 0 (the std is 9.938)." in printed
    assert "the first argument of rng.normal, loc, is the mean" in printed


def test_a_scale_hard_coded_to_10_is_named_when_the_check_asks_for_0_5():
    printed = visible_verdict("initialize_parameters_random", "scale hard-coded to 10").printed
    assert "FAIL  std of W1 is 9.938; expected scale = 0.5." in printed
    assert "Hint: Multiply by `scale`, the argument: 10 is only its default." in printed


def test_the_scale_as_a_variance_is_named():
    printed = visible_verdict("initialize_parameters_random", "scale used as the variance (times sqrt(scale))").printed
    assert "Hint: That is sqrt(10): `scale` is the standard deviation itself, not the variance" in printed


def test_he_with_the_fan_out_is_named_on_layers_of_different_widths():
    printed = visible_verdict("initialize_parameters_he", "fan-out n[l] instead of fan-in n[l-1]").printed
    assert "FAIL  std of W1 is 0.1405; expected sqrt(2/400) = 0.07071." in printed
    assert "Hint: That is sqrt(2/n[l]), with the layer's own number of units (fan-out)" in printed


def test_he_with_n_x_for_every_layer_passes_w1_and_is_named_at_w2():
    printed = visible_verdict("initialize_parameters_he", "n_x for every layer instead of n[l-1]").printed
    assert "ok    std of W1 is" in printed
    assert "FAIL  std of W2 is" in printed and "expected sqrt(2/100)" in printed
    assert "Hint: That is sqrt(2/n[0]) with the number of input features for every layer" in printed


def test_glorot_average_for_xavier_is_named():
    printed = visible_verdict("initialize_parameters_xavier",
                              "Glorot's sqrt(2 / (n[l-1] + n[l])) instead of the fan-in version").printed
    assert "FAIL  std of W1 is 0.06285; expected sqrt(1/400) = 0.05." in printed
    assert "Hint: That is Glorot's sqrt(2 / (n[l-1] + n[l])), the average of fan-in and fan-out" in printed


def test_xavier_without_the_square_root_is_named_as_the_variance():
    printed = visible_verdict("initialize_parameters_xavier", "divides by n[l-1] without the square root").printed
    assert "Hint: That is 1/n[l-1], the variance; the standard deviation is its square root" in printed


def test_activation_stds_without_g_on_the_last_layer_fails_on_tanh_with_a_hint():
    printed = visible_verdict("activation_stds", "no activation on the last layer").printed
    assert "ok    relu: stds matches" in printed  # relu's last layer is positive here: relu(Z2) = Z2
    assert "FAIL  tanh: stds at [1] is 1.99011; expected 0.876183" in printed
    assert "Hint: Apply g to the last layer too" in printed


def test_activation_stds_with_variances_or_ddof_1_is_named():
    assert "Hint: Those are variances: record np.std(A)" in visible_verdict("activation_stds",
                                                                            "np.var instead of np.std").printed
    assert "Hint: np.std(A) divides by the number of entries (ddof=0)" in visible_verdict(
        "activation_stds", "sample std (ddof=1)").printed


def test_activations_written_out_pass():
    assert visible_verdict("activation_stds", "the activations written out with np.maximum and np.tanh").passed
