"""The grading pipeline end to end: a batch of good, wrong and broken submissions through `course grade`."""

import csv

import nbformat
import pytest

from autograder import cli, course, submissions
from conftest import TEST_CELL_TIMEOUT

ASSIGNMENT = "01_initialization"


def answer_cell(notebook, grade_id):
    return next(c for c in notebook.cells if course.nbgrader_meta(c).get("grade_id") == grade_id)


def broken_submissions(release_path):
    """Dict student -> notebook, each perfect but for one kind of trouble."""
    perfect = submissions.example_notebooks(ASSIGNMENT, release_path)["perfect"]
    made = {}

    crash = nbformat.from_dict(perfect)
    cell = answer_cell(crash, "activation_stds")
    cell.source = cell.source.replace("    stds = []", "    raise ZeroDivisionError('student bug')")
    made["raises"] = crash

    loop = nbformat.from_dict(perfect)
    answer_cell(loop, "initialize_parameters_he").source = "while True:\n    pass"
    made["loops"] = loop

    swallow = nbformat.from_dict(perfect)
    answer_cell(swallow, "initialize_parameters_he").source = (
        "while True:\n    try:\n        pass\n    except KeyboardInterrupt:\n        pass")
    made["swallows_interrupt"] = swallow

    tampered = submissions.fill_answers(nbformat.read(release_path, as_version=4), submissions.student_solutions(
        ASSIGNMENT, [e for e in submissions.edits(ASSIGNMENT).MUTANTS if e.function == "initialize_parameters_zeros"][:1]))
    answer_cell(tampered, "check_initialize_parameters_zeros").source = "print('all good')"
    made["tampered"] = tampered

    deleted = nbformat.from_dict(perfect)
    deleted.cells = [c for c in deleted.cells if course.nbgrader_meta(c).get("grade_id") != "check_initialize_parameters_xavier"]
    made["deleted"] = deleted
    return made


@pytest.fixture(scope="module")
def graded(releases, tmp_path_factory):
    """Grade one batch with the command line; return (rows by student, work folder, printed table)."""
    folder = tmp_path_factory.mktemp("submissions")
    examples = submissions.example_notebooks(ASSIGNMENT, releases[ASSIGNMENT])
    for student, notebook in {**examples, **broken_submissions(releases[ASSIGNMENT])}.items():
        nbformat.write(notebook, folder / f"{student}_{ASSIGNMENT}.ipynb")
    (folder / f"garbled_{ASSIGNMENT}.ipynb").write_text("{ this is not json")
    (folder / "who_knows.ipynb").write_text("{}")
    work_dir, grades = tmp_path_factory.mktemp("work"), folder / "grades.csv"
    cli.main(["grade", str(folder), "--work-dir", str(work_dir), "--csv", str(grades),
              "--timeout", str(TEST_CELL_TIMEOUT)])
    with open(grades) as file:
        rows = {row["student"]: row for row in csv.DictReader(file)}
    return rows, work_dir


def full_marks():
    return sum(course.grade_cells(course.read_source(ASSIGNMENT)).values())


def test_every_submission_gets_a_row(graded):
    rows, _ = graded
    assert set(rows) == {"perfect", "untouched", "mistakes", "raises", "loops", "swallows_interrupt", "tampered",
                         "deleted", "garbled", "who_knows"}


def test_the_example_submissions_get_their_expected_scores(graded):
    rows, _ = graded
    for student, expected in submissions.expected_example_scores(ASSIGNMENT).items():
        assert float(rows[student]["score"]) == expected, student
        assert float(rows[student]["max_score"]) == full_marks()


def test_the_untouched_release_is_marked_not_attempted(graded):
    rows, _ = graded
    assert rows["untouched"]["reasons"].count("not attempted (NotImplementedError)") == 5


def test_the_mistakes_lose_exactly_their_exercises_with_a_reason(graded):
    row = graded[0]["mistakes"]
    assert row["initialize_parameters_he"] == "0" and row["activation_stds"] == "0"
    assert row["initialize_parameters_zeros"] == "2"
    assert "initialize_parameters_he: CheckFailed: std of W1 is" in row["reasons"]


def test_an_exception_costs_only_its_exercise(graded):
    row = graded[0]["raises"]
    assert float(row["score"]) == full_marks() - 2 and row["activation_stds"] == "0"
    assert "student bug" in row["reasons"]


def test_an_infinite_loop_is_interrupted_and_costs_only_its_exercise(graded):
    row = graded[0]["loops"]
    assert float(row["score"]) == full_marks() - 2 and row["initialize_parameters_he"] == "0"
    assert "NameError" in row["reasons"]


def test_a_loop_that_swallows_the_interrupt_costs_only_its_exercise(graded):
    row = graded[0]["swallows_interrupt"]
    assert float(row["score"]) == full_marks() - 2 and row["initialize_parameters_he"] == "0"


def test_an_edited_test_cell_is_restored_and_its_tests_run(graded):
    row = graded[0]["tampered"]
    assert row["initialize_parameters_zeros"] == "0"
    assert float(row["score"]) == full_marks() - 2


def test_a_deleted_grade_cell_is_restored_and_graded(graded):
    row = graded[0]["deleted"]
    assert float(row["score"]) == full_marks()


def test_an_unreadable_notebook_gets_zero_with_a_reason(graded):
    row = graded[0]["garbled"]
    assert float(row["score"]) == 0 and "not a readable notebook" in row["reasons"]


def test_a_file_of_unknown_assignment_is_reported_not_graded(graded):
    assert "cannot tell which assignment" in graded[0]["who_knows"]["reasons"]


def test_feedback_shows_results_but_no_hidden_tests_or_solutions(graded):
    _, work_dir = graded
    html = (work_dir / "feedback" / "mistakes" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "initialize_parameters_he" in html and "checks passed" in html
    assert "autograder.hidden" not in html and "HIDDEN TESTS" not in html
    source = course.read_source(ASSIGNMENT)
    he_solution = course.solution_cells(source)["initialize_parameters_he"]
    assert course.solution_lines(he_solution)[2] not in html


def test_check_command_grades_one_notebook_with_hidden_tests(releases, tmp_path, capsys):
    path = tmp_path / "my_attempt.ipynb"
    nbformat.write(submissions.example_notebooks(ASSIGNMENT, releases[ASSIGNMENT])["mistakes"], path)
    exit_code = cli.main(["check", str(path), "--assignment", ASSIGNMENT, "--timeout", str(TEST_CELL_TIMEOUT)])
    out = capsys.readouterr().out
    assert exit_code == 1
    assert "ok    initialize_parameters_zeros" in out
    assert "FAIL  initialize_parameters_he" in out and "std of W1 is" in out
    assert f"Total: {submissions.expected_example_scores(ASSIGNMENT)['mistakes']:g} / {full_marks():g}" in out


# The capstone trains its final model while graded, longer than these tests' cell limit: test_capstone_grading.py
# grades its examples with the default limits.
@pytest.mark.parametrize("assignment", [a for a in course.assignments() if a not in (ASSIGNMENT, "09_capstone")])
def test_the_mistakes_example_of_every_assignment_gets_its_expected_partial_score(assignment, grader, releases, tmp_path):
    path = tmp_path / f"mistakes_{assignment}.ipynb"
    nbformat.write(submissions.example_notebooks(assignment, releases[assignment])["mistakes"], path)
    result = grader.grade("mistakes", assignment, path, feedback=False)
    assert result.score == submissions.expected_example_scores(assignment)["mistakes"], result
    mistaken = {e.function for e in submissions.edits(assignment).EXAMPLE_MISTAKES}
    written = {course.exercise_name(g) for g in course.manual_cells(course.read_source(assignment))}
    assert {e.name for e in result.exercises if e.score < e.max_score} == mistaken | written
    assert result.notes == []  # nothing was put right: an honest notebook keeps its cells as released


def test_a_submission_that_kills_its_kernel_gets_zero_with_a_reason_and_the_next_is_graded(grader, releases, tmp_path):
    perfect = submissions.example_notebooks(ASSIGNMENT, releases[ASSIGNMENT])["perfect"]
    killer = nbformat.from_dict(perfect)
    answer_cell(killer, "initialize_parameters_zeros").source = "import os\nos._exit(1)"
    paths = {}
    for student, notebook in (("killer", killer), ("after_killer", perfect)):
        paths[student] = tmp_path / f"{student}.ipynb"
        nbformat.write(notebook, paths[student])
    dead = grader.grade("killer", ASSIGNMENT, paths["killer"], feedback=False)
    assert dead.score == 0 and "kernel died" in dead.error
    assert grader.grade("after_killer", ASSIGNMENT, paths["after_killer"], feedback=False).score == full_marks()
