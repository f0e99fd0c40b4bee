"""The judge: grade cells say what the grader runs, and verdicts come from the grader's own checks."""

import socket
import time

import numpy as np
import pytest

import nbformat
from nbgrader.utils import determine_grade

from autograder import course, judge, wire
from autograder.execute import measures_of, verdict_outputs
from helpers.checks import CheckFailed


@pytest.mark.parametrize("assignment", course.assignments())
def test_every_grade_cell_runs_the_visible_check_then_the_hidden_tests_of_its_function(assignment):
    """The grader judges a grade cell by its function's checks; the cell's text must say exactly that."""
    for cell in course.read_source(assignment)["cells"]:
        if course.is_grade_cell(cell) and not course.is_solution_cell(cell) and course.nbgrader_meta(cell).get("points"):
            function = course.exercise_name(course.nbgrader_meta(cell)["grade_id"])
            assert cell["source"].strip() == judge.grade_cell_source(assignment, function), function


def softmax(Z):
    exp = np.exp(Z - Z.max(axis=0, keepdims=True))
    return exp / exp.sum(axis=0, keepdims=True)


def test_a_right_answer_passes_through_the_wire():
    with judge.through_the_wire(softmax) as stand_in:
        verdict = judge.judge("06_softmax", "softmax", stand_in)
    assert verdict.passed and "checks passed" in verdict.printed


def test_an_answer_that_is_not_data_fails_with_its_type_named():
    class Impostor:
        def __array__(self, dtype=None, copy=None):
            return np.full((3, 4), 0.25)

    with judge.through_the_wire(lambda Z: Impostor()) as stand_in:
        verdict = judge.judge("06_softmax", "softmax", stand_in)
    assert verdict.error[0] == "CheckFailed" and "Impostor" in verdict.printed


def test_a_silent_kernel_is_a_timeout_not_a_students_error():
    def silent(*args, **kwargs):
        raise wire.ChannelTimeout("no answer before the time limit")

    verdict = judge.run_checks([lambda f: f(1)], silent)
    assert verdict.error == ("CellTimeoutError", "the kernel did not answer the grader: no answer before the time limit")


def graded_cell(outputs, points):
    return nbformat.v4.new_code_cell("check.f(f)", outputs=outputs, metadata={"nbgrader": {
        "grade": True, "solution": False, "grade_id": "check_f", "points": points, "locked": True, "schema_version": 3}})


def test_a_verdict_becomes_outputs_that_nbgrader_scores():
    passed = verdict_outputs(judge.Verdict("softmax\n4/4 checks passed\n"), 2)
    assert [o.output_type for o in passed] == ["stream"]
    assert determine_grade(graded_cell(passed, 2)) == (2, 2)
    failed = verdict_outputs(judge.Verdict("  FAIL  x\n", ("CheckFailed", "softmax: 1 of 4 checks failed")), 2)
    assert [o.output_type for o in failed] == ["stream", "error"] and failed[1].ename == "CheckFailed"
    assert determine_grade(graded_cell(failed, 2)) == (0, 2)


def test_a_check_that_returns_a_score_gives_that_part_of_the_points_and_its_measures():
    verdict = judge.run_checks([lambda f: None, lambda f: judge.Score(0.75, {"test_accuracy": 0.78})], None)
    assert verdict.passed and verdict.score == judge.Score(0.75, {"test_accuracy": 0.78})
    cell = graded_cell(verdict_outputs(verdict, 12), 12)
    assert determine_grade(cell) == (9, 12)
    assert measures_of(cell) == {"test_accuracy": 0.78}


def test_a_score_does_not_survive_a_failed_check():
    def fails(f):
        raise CheckFailed("f: 1 of 2 checks failed")

    verdict = judge.run_checks([lambda f: judge.Score(1.0, {"test_accuracy": 0.9}), fails], None)
    assert verdict.score is None
    assert determine_grade(graded_cell(verdict_outputs(verdict, 12), 12)) == (0, 12)


def test_text_that_cannot_be_written_is_escaped():
    verdict = judge.run_checks([lambda f: print("bad \ud800 text")], None)
    assert verdict.printed == "bad \\ud800 text\n"


def test_a_kernel_that_ends_before_it_connects_is_not_waited_for(tmp_path):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(str(tmp_path / "judge"))
        listener.listen(1)
        started = time.monotonic()
        verdict = judge.judge_in_kernel(listener, "06_softmax", "softmax", started + 60, kernel_alive=lambda: False)
    assert verdict.error == ("ChannelError", "the kernel did not answer the grader: its process ended")
    assert time.monotonic() - started < 30
