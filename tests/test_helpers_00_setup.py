"""The visible checks of assignment 00 name the mistakes the hidden tests catch.

Each mistake is a mutant of ``autograder/edits/setup.py``, judged as the grader judges a
kernel's function: through the wire.
"""

from conftest import visible_verdict as verdict_of

ASSIGNMENT = "00_setup"


def visible_verdict(function, description=None):
    return verdict_of(ASSIGNMENT, function, description)


def test_split_sizes_rounded_to_the_nearest_integer_fail_with_a_hint_on_rounding_down():
    verdict = visible_verdict("split_dataset", "rounds the dev and test sizes to the nearest integer instead of down")
    assert not verdict.passed
    assert "m = 58, fractions (0.6, 0.2, 0.2): the splits have 34/12/12 examples; expected 36/11/11." in verdict.printed
    assert "The sizes were rounded (11.6 became 12)" in verdict.printed and "not round(...)" in verdict.printed


def test_sorting_keys_from_rng_randn_fails_with_a_hint_naming_standard_normal():
    verdict = visible_verdict("split_dataset", "sorts random keys from rng.randn, which a Generator does not have")
    assert "object has no attribute 'randn'" in verdict.printed
    assert "it has no randn; use rng.standard_normal(shape)" in verdict.printed


def test_sorting_keys_from_rng_standard_normal_passes():
    assert visible_verdict("split_dataset", "sorts random keys from rng.standard_normal").passed


def test_seeding_np_random_inside_the_function_fails_with_a_hint_naming_it():
    verdict = visible_verdict("split_dataset",
                              "seeds the global numpy state with np.random.seed and shuffles with np.random")
    assert "Two calls with differently seeded rngs gave the same training set." in verdict.printed
    assert "no np.random.seed(...)" in verdict.printed


def test_a_threshold_hard_coded_to_its_default_fails_where_the_argument_matters():
    verdict = visible_verdict("diagnose_bias_variance", "threshold hard-coded to 5%")
    assert not verdict.passed
    assert ("train 4.0%, dev 7.0%, threshold 0.02: returned 'low bias and low variance'; "
            "expected 'high bias and high variance'.") in verdict.printed
    assert "0.05 is only its default" in verdict.printed


def test_the_solutions_pass_the_new_cases():
    assert visible_verdict("split_dataset").passed and visible_verdict("diagnose_bias_variance").passed
