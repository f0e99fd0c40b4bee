"""The student check framework: what it prints and when it fails."""

import io
import sys

import numpy as np
import pytest

from helpers.checks import CheckFailed, FixTheCheckFirst, require_passing, student_check


@student_check
def check_double(c, double):
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    result = c.call(double, x)
    c.require_shape(result, (2, 2), "the result", "Keep the input's shape.")
    c.expect_close(result, 2 * x, "2 x", hint="Multiply by two.")


def run_check(function, capsys):
    """Run check_double on ``function``; return (passed, stdout, stderr)."""
    try:
        check_double(function)
        passed = True
    except CheckFailed:
        passed = False
    out, err = capsys.readouterr()
    return passed, out, err


def test_a_correct_function_passes_with_one_line_per_verdict(capsys):
    passed, out, _ = run_check(lambda x: x * 2, capsys)
    assert passed
    assert out.splitlines()[0] == "check_double"
    assert "  ok    2 x matches" in out
    assert out.rstrip().endswith("1/1 checks passed")


def test_a_wrong_value_names_the_entry_and_the_relative_error(capsys):
    passed, out, _ = run_check(lambda x: x * np.array([[2.0, 2.0], [2.0, 3.0]]), capsys)
    assert not passed
    assert "FAIL  2 x at [1, 1] is 12; expected 8 (relative error 5.0e-01, 1 of 4 entries differ)." in out
    assert "Hint: Multiply by two." in out
    assert "see the first FAIL above" in out


def test_a_wrong_shape_stops_the_check_and_says_both_shapes(capsys):
    passed, out, _ = run_check(lambda x: (x * 2).T.reshape(1, 4), capsys)
    assert not passed
    assert "the result has shape (1, 4); expected (2, 2)." in out
    assert "2 x" not in out


def test_an_exception_names_the_input_and_the_students_line(capsys):
    def double(x):
        factor = {"two": 2}
        return x * factor["three"]

    passed, out, _ = run_check(double, capsys)
    assert not passed
    assert "double(array of shape (2, 2)) raised KeyError: 'three'" in out
    assert 'return x * factor["three"]' in out
    assert "core.py" not in out


def test_modifying_an_input_in_place_fails(capsys):
    def double(x):
        x *= 2
        return x

    passed, out, _ = run_check(double, capsys)
    assert not passed
    assert "double modified its input x in place." in out


def test_not_implemented_propagates_as_not_implemented_error(capsys):
    def double(x):
        raise NotImplementedError()

    with pytest.raises(NotImplementedError, match="double is not written yet"):
        check_double(double)


def test_nothing_is_written_to_stderr(capsys):
    _, _, err = run_check(lambda x: x / 0, capsys)
    assert err == ""


def test_a_nan_result_is_reported_as_nan(capsys):
    passed, out, _ = run_check(lambda x: x * np.nan, capsys)
    assert not passed
    assert "2 x contains NaN or infinity." in out


def test_missing_keys_are_listed():
    @student_check
    def check_keys(c, make):
        c.require_keys(make(), ["W1", "b1"], "parameters")

    with pytest.raises(CheckFailed):
        check_keys(lambda: {"W1": 0})


def test_a_warning_in_student_code_becomes_a_note_on_stdout(capsys):
    passed, out, err = run_check(lambda x: x * 2 + np.minimum(np.exp(x * 1000), 0), capsys)
    assert passed
    assert "note  RuntimeWarning" in out
    assert err == ""


def test_an_error_raised_inside_numpy_points_at_the_students_call(capsys):
    def double(x):
        return x * 2 + np.random.default_rng(0).uniform(1.0, 0.0, size=x.shape)

    passed, out, _ = run_check(double, capsys)
    assert not passed
    assert "uniform(1.0, 0.0" in out and ".pyx" not in out and "_common" not in out


def test_a_wrong_value_where_zero_is_expected_reports_the_absolute_error(capsys):
    @student_check
    def check_zero(c, make):
        c.expect_close(c.call(make), np.zeros(3), "the result")

    with pytest.raises(CheckFailed):
        check_zero(lambda: np.array([0.0, 0.5, 0.0]))
    assert "the result at [1] is 0.5; expected 0 (absolute error 5.0e-01, 1 of 3 entries differ)." in capsys.readouterr().out


def test_a_near_miss_shows_as_many_digits_as_it_takes_to_tell_the_numbers_apart(capsys):
    @student_check
    def check_value(c, make):
        c.expect_close(c.call(make), 1.23456789, "the value")

    with pytest.raises(CheckFailed):
        check_value(lambda: 1.2345703)
    assert "the value is 1.234570; expected 1.234568 (relative error 2.0e-06" in capsys.readouterr().out


def test_calling_randn_on_a_generator_gets_a_hint_naming_its_replacement(capsys):
    @student_check
    def check_noise(c, noise):
        c.call(noise, np.random.default_rng(0))

    with pytest.raises(CheckFailed):
        check_noise(lambda rng: rng.randn(3, 2))
    out = capsys.readouterr().out
    assert "raised AttributeError: 'numpy.random._generator.Generator' object has no attribute 'randn'" in out
    assert "Hint: rng is a numpy Generator, not the np.random module: it has no randn; use rng.standard_normal" in out


def test_seeding_a_generator_gets_a_hint_that_it_is_seeded_already(capsys):
    @student_check
    def check_noise(c, noise):
        c.call(noise, np.random.default_rng(0))

    with pytest.raises(CheckFailed):
        check_noise(lambda rng: rng.seed(1))
    assert "Hint: rng is a numpy Generator, already seeded" in capsys.readouterr().out


def test_a_check_can_give_its_own_hint_for_an_exception(capsys):
    @student_check
    def check_reshape(c, flatten):
        c.call(flatten, np.zeros((3, 4)),
               error_hint=lambda error: "Keep every row." if "reshape" in str(error) else None)
        c.call(flatten, np.zeros((3, 4)), error_hint="never shown: the check stopped above")

    with pytest.raises(CheckFailed):
        check_reshape(lambda Y: Y.reshape((1, 4)))
    out = capsys.readouterr().out
    assert "raised ValueError: cannot reshape array of size 12 into shape (1,4)" in out
    assert "Hint: Keep every row." in out and "never shown" not in out


# ----- a check that builds on an earlier exercise ----------------------------------------------------------
@student_check
def double(c, double):
    c.expect_close(c.call(double, 3.0), 6.0, "double(3)")


@student_check(builds_on=("double",))
def quadruple(c, quadruple):
    c.expect_close(c.call(quadruple, 3.0), 12.0, "quadruple(3)")


def notebook(double_source):
    """The functions a student's notebook defines: ``double`` as given, ``quadruple`` built on it."""
    namespace = {}
    exec(double_source + "\ndef quadruple(x):\n    return double(double(x))\n", namespace)
    return namespace


@pytest.mark.parametrize("through_the_wire", [False, True])
def test_a_failure_that_comes_from_an_earlier_exercise_says_to_fix_that_one_first(capsys, through_the_wire):
    namespace = notebook("def double(x):\n    return 3 * x\n")
    if through_the_wire:
        from autograder.judge import through_the_wire as wire
        with wire(namespace["quadruple"], namespace) as stand_in, pytest.raises(CheckFailed):
            quadruple(stand_in)
    else:
        with pytest.raises(CheckFailed):
            quadruple(namespace["quadruple"])
    assert "double fails its own check, and this exercise builds on it: fix double first." in capsys.readouterr().out


def test_a_failure_of_its_own_does_not_blame_a_correct_earlier_exercise(capsys):
    namespace = notebook("def double(x):\n    return 2 * x\n")
    exec("def quadruple(x):\n    return double(x) + 1\n", namespace)
    with pytest.raises(CheckFailed):
        quadruple(namespace["quadruple"])
    assert "fix double first" not in capsys.readouterr().out


def test_a_students_endless_error_message_is_cut_in_the_report(capsys):
    def shouting(x):
        raise ValueError("A" * 100_000)

    with pytest.raises(CheckFailed):
        double(shouting)
    out = capsys.readouterr().out
    assert len(out) < 2_000 and "more characters)" in out


def test_a_module_the_notebook_never_imported_gets_a_hint_that_says_so(capsys):
    namespace = {}
    exec("def double(x):\n    return math.floor(2 * x)\n", namespace)
    with pytest.raises(CheckFailed):
        double(namespace["double"])
    assert "math is a module that this notebook does not import: add `import math`" in capsys.readouterr().out


def test_require_passing_stops_an_experiment_with_the_exercise_to_fix():
    @student_check
    def check_double(checker, function):
        checker.expect_close(checker.call(function, 2.0), 4.0, "double(2)")

    def double(x):
        return 2 * x

    def triple(x):
        return 3 * x

    def unwritten(x):
        raise NotImplementedError()

    require_passing(check_double, double)
    with pytest.raises(FixTheCheckFirst, match=r"triple does not pass its check yet \(FAIL .*double\(2\).*fix the check of triple above first"):
        require_passing(check_double, triple)
    with pytest.raises(FixTheCheckFirst, match="unwritten does not pass its check yet"):
        require_passing(check_double, unwritten)


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_verdict_marks_are_coloured_on_a_terminal_and_plain_elsewhere(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    for stream, expected in ((_Terminal(), "\x1b[32mok\x1b[0m"), (io.StringIO(), "  ok  ")):
        monkeypatch.setattr(sys, "stdout", stream)
        check_double(lambda x: 2 * x)
        assert expected in stream.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys, "stdout", _Terminal())
    check_double(lambda x: 2 * x)
    assert "\x1b[" not in sys.stdout.getvalue()
