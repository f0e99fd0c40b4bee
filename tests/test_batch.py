"""A batch that never loses work: malformed files in one run, rows on disk as they are graded, resume and --force."""

import csv
import json

import nbformat
import pytest
from malformed import MALFORMED
from nbgrader.converters.autograde import Autograde

from autograder import cli, course, submissions
from autograder.pipeline import Course
from conftest import TEST_CELL_TIMEOUT

ASSIGNMENT = "06_softmax"

#: student -> a fragment of the reason every file of the malformed batch that is not graded gets
REFUSED = {name: reason for name, (_, reason) in MALFORMED.items()} | {
    "too_big": f"the file is {submissions.MAX_NOTEBOOK_MIB + 1}.0 MiB; the limit is {submissions.MAX_NOTEBOOK_MIB} MiB",
    "linked": "a symbolic link, which the grader does not follow",
    "linked_folder": "a symbolic link, which the grader does not follow",
}


def grade(folder, work_dir, csv_path, *options):
    """Run ``course grade`` on ``folder`` in this process (``--jobs 1``: the tests here patch the
    grader, which worker processes would not see); return its exit code."""
    return cli.main(["grade", str(folder), "--work-dir", str(work_dir), "--csv", str(csv_path),
                     "--timeout", str(TEST_CELL_TIMEOUT), "--jobs", "1", *options])


def read_rows(csv_path):
    """The rows of a grades CSV by student (each student has one row)."""
    with open(csv_path, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert len({row["student"] for row in rows}) == len(rows), rows
    return {row["student"]: row for row in rows}


def with_junk_tags(notebook):
    """A copy of ``notebook`` whose nbgrader metadata is junk in an answer, a test and an extra cell."""
    notebook = nbformat.from_dict(notebook)
    cells = {course.nbgrader_meta(c).get("grade_id"): c for c in notebook.cells}
    cells["softmax"].metadata.nbgrader["grade_id"] = ["softmax"]
    cells["check_one_hot"].metadata.nbgrader = "junk"
    notebook.cells.append(nbformat.v4.new_code_cell("scratch = 1", metadata={"nbgrader": 5}))
    return notebook


def fake_grade(graded):
    """A stand-in for Course.grade that grades nothing, records who it was asked for, and says so."""
    def grade_one(self, student, assignment, notebook_path, feedback=True):
        graded.append(student)
        return self.failed_result(student, assignment, "graded again")
    return grade_one


@pytest.fixture(scope="module")
def batch(releases, tmp_path_factory):
    """Grade the malformed batch in one ``course grade``; return (folder, work folder, CSV path, exit code)."""
    folder, outside = tmp_path_factory.mktemp("malformed"), tmp_path_factory.mktemp("outside")
    examples = submissions.example_notebooks(ASSIGNMENT, releases[ASSIGNMENT])
    for student in ("perfect", "mistakes"):
        nbformat.write(examples[student], folder / f"{student}_{ASSIGNMENT}.ipynb")
    nbformat.write(with_junk_tags(examples["perfect"]), folder / f"junk_tags_{ASSIGNMENT}.ipynb")
    release = json.loads(releases[ASSIGNMENT].read_text())
    for name, (make, _) in MALFORMED.items():
        (folder / f"{name}_{ASSIGNMENT}.ipynb").write_bytes(make(release))
    with open(folder / f"too_big_{ASSIGNMENT}.ipynb", "wb") as file:
        file.truncate((submissions.MAX_NOTEBOOK_MIB + 1) * 2 ** 20)  # a sparse file: no disk used
    nbformat.write(examples["perfect"], outside / "someone_elses.ipynb")
    (folder / f"linked_{ASSIGNMENT}.ipynb").symlink_to(outside / "someone_elses.ipynb")
    (folder / "linked_folder").mkdir()
    (folder / "linked_folder" / ASSIGNMENT).symlink_to(outside)
    work_dir = tmp_path_factory.mktemp("work")
    csv_path = work_dir / "grades.csv"
    return folder, work_dir, csv_path, grade(folder, work_dir, csv_path)


def test_every_file_of_a_malformed_batch_gets_a_row_and_the_batch_finishes(batch):
    _, _, csv_path, exit_code = batch
    assert exit_code == 0
    assert set(read_rows(csv_path)) == {"perfect", "mistakes", "junk_tags", *REFUSED}


def test_a_malformed_file_gets_zero_and_the_reason(batch):
    rows = read_rows(batch[2])
    for student, reason in REFUSED.items():
        assert float(rows[student]["score"]) == 0 and reason in rows[student]["reasons"], (student, rows[student])


def test_honest_notebooks_in_a_malformed_batch_get_their_expected_scores(batch):
    rows = read_rows(batch[2])
    for student in ("perfect", "mistakes"):
        assert float(rows[student]["score"]) == submissions.expected_example_scores(ASSIGNMENT)[student]
        assert rows[student]["notes"] == ""


def test_junk_nbgrader_metadata_is_put_right_and_the_notebook_graded(batch):
    row = read_rows(batch[2])["junk_tags"]
    assert float(row["score"]) == submissions.expected_example_scores(ASSIGNMENT)["perfect"]
    assert "the cell softmax had its nbgrader metadata changed" in row["notes"]
    assert "cells were deleted (check_one_hot)" in row["notes"]


def test_a_second_run_skips_what_is_graded(batch, capsys, monkeypatch):
    folder, work_dir, csv_path, _ = batch
    before = csv_path.read_bytes()
    monkeypatch.setattr(Course, "grade", lambda *args, **kwargs: pytest.fail("graded again"))
    assert grade(folder, work_dir, csv_path) == 0
    total = len(REFUSED) + 3
    assert f"skipped {total} of {total} submissions: {csv_path} has their rows already (--force grades them again)" \
           in capsys.readouterr().out
    assert csv_path.read_bytes() == before


def test_force_grades_everything_again_and_replaces_the_rows(batch, tmp_path, monkeypatch):
    folder, work_dir, csv_path, _ = batch
    forced_csv = tmp_path / "grades.csv"
    forced_csv.write_bytes(csv_path.read_bytes())
    graded = []
    monkeypatch.setattr(Course, "grade", fake_grade(graded))
    assert grade(folder, work_dir, forced_csv, "--force") == 0
    rows = read_rows(forced_csv)
    assert set(rows) == set(read_rows(csv_path))
    links = {"linked", "linked_folder"}
    assert sorted(graded) == sorted(set(rows) - links)  # a link is reported, not graded
    assert all(rows[student]["reasons"] == "graded again" for student in graded)


def test_rows_of_other_submissions_stay_under_the_union_of_the_columns(tmp_path):
    csv_path = tmp_path / "grades.csv"
    csv_path.write_text("student,assignment,score,max_score,initialize_parameters_he,reasons,notes\n"
                        "earlier,01_initialization,2,2,2,,\n")
    (tmp_path / "batch").mkdir()
    (tmp_path / "batch" / f"empty_{ASSIGNMENT}.ipynb").write_bytes(b"")
    assert grade(tmp_path / "batch", tmp_path / "work", csv_path) == 0
    with open(csv_path, newline="") as file:
        header = next(csv.reader(file))
    exercises = [course.exercise_name(g) for g in course.grade_cells(course.read_source(ASSIGNMENT))]
    assert header == ["student", "assignment", "score", "max_score", "test_accuracy", "initialize_parameters_he",
                      *exercises, "reasons", "notes"]
    rows = read_rows(csv_path)
    assert rows["earlier"]["initialize_parameters_he"] == "2" and rows["earlier"]["softmax"] == ""
    assert rows["empty"]["softmax"] == "0" and rows["empty"]["reasons"] == "not a readable notebook: the file is empty"


def test_the_rows_graded_are_on_disk_when_the_batch_is_interrupted_and_a_rerun_grades_the_rest(
        releases, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / f"a_{ASSIGNMENT}.ipynb").write_bytes(b"")  # refused at once, without a kernel
    for student in ("b", "c"):
        (folder / f"{student}_{ASSIGNMENT}.ipynb").write_bytes(releases[ASSIGNMENT].read_bytes())
    csv_path = tmp_path / "grades.csv"

    def interrupt(*args, **kwargs):  # as Ctrl-C would, while nbgrader (which catches it) grades b
        raise KeyboardInterrupt
    monkeypatch.setattr(Autograde, "init_assignment", interrupt)
    assert grade(folder, tmp_path / "work", csv_path) == 130
    assert "interrupted" in capsys.readouterr().out
    assert set(read_rows(csv_path)) == {"a"}

    graded = []
    monkeypatch.setattr(Course, "grade", fake_grade(graded))
    assert grade(folder, tmp_path / "work", csv_path) == 0
    assert "skipped 1 of 3 submissions" in capsys.readouterr().out
    assert graded == ["b", "c"] and set(read_rows(csv_path)) == {"a", "b", "c"}


def test_an_exception_in_any_step_of_one_submission_costs_that_submission_only(releases, tmp_path, monkeypatch):
    folder = tmp_path / "batch"
    folder.mkdir()
    examples = submissions.example_notebooks(ASSIGNMENT, releases[ASSIGNMENT])
    failing = {"submit": "at_submit", "read_result": "at_read_result", "generate_feedback": "at_feedback"}
    for student in ["mistakes", *failing.values()]:
        nbformat.write(examples["mistakes"], folder / f"{student}_{ASSIGNMENT}.ipynb")
    for step, student in failing.items():
        monkeypatch.setattr(Course, step, failing_for(getattr(Course, step), student))
    assert grade(folder, tmp_path / "work", tmp_path / "grades.csv") == 0
    rows = read_rows(tmp_path / "grades.csv")
    assert float(rows["mistakes"]["score"]) == submissions.expected_example_scores(ASSIGNMENT)["mistakes"]
    for step, student in failing.items():
        assert float(rows[student]["score"]) == 0
        assert rows[student]["reasons"] == f"the grader failed on this submission (TypeError: {step} broke)"


def failing_for(method, student):
    """``method`` of Course (whose first argument is a student), raising TypeError for ``student``."""
    def fails_for_one(self, who, *args, **kwargs):
        if who == student:
            raise TypeError(f"{method.__name__} broke")
        return method(self, who, *args, **kwargs)
    return fails_for_one
