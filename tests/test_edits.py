"""Hidden tests and visible checks judge right: every mutant loses, every variant and the solution win.

The answers are the source notebook's solution cells, edited by autograder/edits/<name>.py,
executed in-process after the notebook's imports cell (fast: no kernel, no training).
"""

import contextlib
import importlib
import io

import pytest

from autograder import course, reference, submissions
from helpers.checks import CheckFailed


def imports_cell(assignment):
    return [c["source"] for c in course.read_source(assignment)["cells"]
            if course.nbgrader_meta(c).get("grade_id") == reference.IMPORTS_CELL_ID]


def passes(check, answers, function, assignment):
    """Run ``check`` on ``function`` as defined by the answer cells; True if it passes."""
    namespace = reference.namespace_from_cells(imports_cell(assignment) + list(answers.values()))
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            check(namespace[function])
        except CheckFailed:
            return False
    return True


def checks_of(assignment):
    name = course.short_name(assignment)
    return importlib.import_module(f"helpers.checks.{name}"), importlib.import_module(f"autograder.hidden.{name}")


def cases(kind):
    return [pytest.param(assignment, edit, id=f"{assignment}-{edit.function}-{edit.description}")
            for assignment in course.assignments() for edit in getattr(submissions.edits(assignment), kind)]


@pytest.mark.parametrize("assignment", course.assignments())
def test_the_solution_passes_visible_and_hidden_tests(assignment):
    visible, hidden = checks_of(assignment)
    answers = submissions.student_solutions(assignment)
    for function in answers:
        assert passes(getattr(visible, function), answers, function, assignment), function
        assert passes(getattr(hidden, function), answers, function, assignment), function


@pytest.mark.parametrize("assignment, edit", cases("MUTANTS"))
def test_a_mutant_fails_the_hidden_tests(assignment, edit):
    _, hidden = checks_of(assignment)
    answers = submissions.student_solutions(assignment, [edit])
    assert not passes(getattr(hidden, edit.function), answers, edit.function, assignment)


@pytest.mark.parametrize("assignment, edit", cases("VARIANTS"))
def test_a_variant_passes_visible_and_hidden_tests(assignment, edit):
    visible, hidden = checks_of(assignment)
    answers = submissions.student_solutions(assignment, [edit])
    assert passes(getattr(visible, edit.function), answers, edit.function, assignment)
    assert passes(getattr(hidden, edit.function), answers, edit.function, assignment)


@pytest.mark.parametrize("assignment", course.assignments())
def test_every_graded_function_has_three_mutants_and_two_variants(assignment):
    module = submissions.edits(assignment)
    for function in course.solution_cells(course.read_source(assignment)):
        assert sum(e.function == function for e in module.MUTANTS) >= 3, function
        assert sum(e.function == function for e in module.VARIANTS) >= 2, function


@pytest.mark.parametrize("assignment", course.assignments())
def test_every_graded_function_has_a_visible_check_and_hidden_tests(assignment):
    visible, hidden = checks_of(assignment)
    for function in course.solution_cells(course.read_source(assignment)):
        assert callable(getattr(visible, function, None)), function
        assert callable(getattr(hidden, function, None)), function


def test_an_edit_that_does_not_fit_the_solution_is_an_error():
    edit = submissions.Edit("initialize_parameters_he", "nonsense", (("no such text", "x"),))
    with pytest.raises(ValueError, match="occurs 0 times"):
        submissions.student_solutions("01_initialization", [edit])
