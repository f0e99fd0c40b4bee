"""The grader judges right: every mutant loses, every variant and every solution win.

The answers are the source notebook's solution cells, edited by autograder/edits/<name>.py
and judged in-process by autograder.accuracy (fast: no kernel, no training).
"""

import pytest

from autograder import accuracy, cli, course, judge, submissions


def cases(kind):
    return [pytest.param(assignment, edit, id=f"{assignment}-{edit.function}-{edit.description}")
            for assignment in course.assignments() for edit in getattr(submissions.edits(assignment), kind)]


@pytest.mark.parametrize("assignment", course.assignments())
def test_the_solution_passes_visible_and_hidden_tests(assignment):
    for function in accuracy.judged_functions(assignment):
        judged = accuracy.judge(assignment, function)
        assert judged.visible_passed and judged.hidden_passed, function


@pytest.mark.parametrize("assignment, edit", cases("MUTANTS"))
def test_a_mutant_fails_the_hidden_tests_and_gets_the_hint_it_declares(assignment, edit):
    judged = accuracy.judge(assignment, edit.function, [edit])
    assert not judged.hidden_passed
    assert judged.named in (None, True), f"the visible check does not print {edit.named_by!r}"


@pytest.mark.parametrize("assignment, edit", cases("VARIANTS"))
def test_a_variant_passes_visible_and_hidden_tests(assignment, edit):
    judged = accuracy.judge(assignment, edit.function, [edit])
    assert judged.visible_passed and judged.hidden_passed


@pytest.mark.parametrize("assignment", course.assignments())
def test_every_graded_function_has_three_mutants_and_two_variants(assignment):
    module = submissions.edits(assignment)
    for function in accuracy.judged_functions(assignment):
        assert sum(e.function == function for e in module.MUTANTS) >= 3, function
        assert sum(e.function == function for e in module.VARIANTS) >= 2, function


@pytest.mark.parametrize("assignment", course.assignments())
def test_every_graded_function_has_a_visible_check_and_hidden_tests(assignment):
    visible, hidden = judge.checks_of(assignment)
    for function in map(course.exercise_name, course.grade_cells(course.read_source(assignment))):
        assert callable(getattr(visible, function, None)), function
        assert callable(getattr(hidden, function, None)), function


def test_an_edit_that_does_not_fit_the_solution_is_an_error():
    edit = submissions.Edit("initialize_parameters_he", "nonsense", (("no such text", "x"),))
    with pytest.raises(ValueError, match="occurs 0 times"):
        submissions.student_solutions("01_initialization", [edit])


def test_the_report_command_shows_every_function_and_full_accuracy(capsys):
    assert cli.main(["report", "01_initialization"]) == 0
    out = capsys.readouterr().out
    assert "initialize_parameters_he" in out and "activation_stds" in out
    _, hidden, _, _, _, _, _, variants, _ = next(line for line in out.splitlines() if line.startswith("total")).split()
    for caught in (hidden, variants):  # the visible checks' column may be lower
        part, whole = caught.split("/")
        assert part == whole and int(whole) > 0


def test_the_report_flags_a_mutant_that_escapes(monkeypatch):
    harmless = submissions.Edit("activation_stds", "renames a variable", (("stds = []", "stds = list()"),))
    module = submissions.edits("01_initialization")
    monkeypatch.setattr(module, "MUTANTS", [*module.MUTANTS, harmless])
    text, all_right = accuracy.report(["01_initialization"])
    assert not all_right
    assert "mutant escapes the hidden tests: renames a variable" in text


def test_at_least_half_of_the_mutants_are_named_by_their_visible_check():
    """A declared named_by is printed (the mutant test above); at least half the mutants declare one."""
    mutants = [edit for assignment in course.assignments() for edit in submissions.edits(assignment).MUTANTS]
    assert sum(bool(edit.named_by) for edit in mutants) >= len(mutants) / 2
