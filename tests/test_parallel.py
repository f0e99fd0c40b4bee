"""Grading in parallel, and on a Dask cluster, gives exactly what grading one notebook after another gives:
the same CSV rows and the same grades in the gradebook; a worker that crashes costs one submission only."""

import csv
import os

import nbformat
import pytest
from distributed import LocalCluster
from nbgrader.api import Gradebook

from autograder import batch, cli, submissions
from conftest import TEST_CELL_TIMEOUT
from test_hostile import PATCHES_EVERYTHING, cell_index, with_code

ASSIGNMENT = "06_softmax"


def write_batch(folder, release_path):
    """An honest, a mistaken, a hostile, a hanging and an unreadable submission of 06."""
    examples = submissions.example_notebooks(ASSIGNMENT, release_path)
    hanging = nbformat.from_dict(examples["perfect"])
    hanging.cells[cell_index(hanging, "predict_classes")].source = "while True:\n    pass"
    notebooks = {"honest": examples["perfect"], "mistaken": examples["mistakes"], "hanging": hanging,
                 "hostile": with_code(examples["mistakes"], "one_hot", PATCHES_EVERYTHING)}
    folder.mkdir()
    for student, notebook in notebooks.items():
        nbformat.write(notebook, folder / f"{student}_{ASSIGNMENT}.ipynb")
    (folder / f"unreadable_{ASSIGNMENT}.ipynb").write_text("{")


def grade(folder, work_dir, *options):
    """Grade ``folder`` with ``course grade``; return (sorted CSV rows, grades in the gradebook)."""
    csv_path = work_dir / "grades.csv"
    assert cli.main(["grade", str(folder), "--work-dir", str(work_dir), "--csv", str(csv_path),
                     "--timeout", str(TEST_CELL_TIMEOUT), *options]) == 0
    with open(csv_path, newline="") as file:
        rows = sorted(tuple(row) for row in csv.reader(file))
    grades = {}
    with Gradebook(f"sqlite:///{work_dir / 'gradebook.db'}") as gradebook:
        for submission in gradebook.assignment_submissions(ASSIGNMENT):
            for notebook in submission.notebooks:
                for grade_ in notebook.grades:
                    grades[submission.student.id, grade_.name] = (grade_.auto_score, grade_.max_score)
    return rows, grades


@pytest.fixture(scope="module")
def folder(releases, tmp_path_factory):
    folder = tmp_path_factory.mktemp("parallel") / "submissions"
    write_batch(folder, releases[ASSIGNMENT])
    return folder


@pytest.fixture(scope="module")
def one_by_one(folder, tmp_path_factory):
    return grade(folder, tmp_path_factory.mktemp("serial"), "--jobs", "1")


def test_the_batch_is_graded_as_expected_one_by_one(one_by_one):
    rows, grades = one_by_one
    scores = {row[0]: row[2] for row in rows if row[0] != "student"}
    assert scores == {"honest": "10", "mistaken": "6", "hostile": "6", "hanging": "8", "unreadable": "0"}
    assert len(grades) == 4 * 5


def test_two_jobs_grade_exactly_as_one(folder, one_by_one, tmp_path):
    work_dir = tmp_path / "work"
    assert grade(folder, work_dir, "--jobs", "2") == one_by_one
    feedback = sorted(p.relative_to(work_dir).as_posix() for p in (work_dir / "feedback").rglob("*.html"))
    assert feedback == [f"feedback/{s}/{ASSIGNMENT}/{ASSIGNMENT}.html" for s in ("hanging", "honest", "hostile",
                                                                             "mistaken")]


def test_a_dask_cluster_grades_exactly_as_one_process(folder, one_by_one, tmp_path):
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert grade(folder, tmp_path / "work", "--scheduler", cluster.scheduler_address) == one_by_one


def worker_that_dies_on_the_crasher(limits, student, assignment, notebook, feedback, shared):
    """A worker process that dies while it grades the student "crasher" (as one killed for its memory would)."""
    if student == "crasher":
        os._exit(1)
    return batch.grade_in_worker(limits, student, assignment, notebook, feedback, shared)


def test_a_submission_that_crashes_its_worker_is_retried_alone_then_gets_a_reason(releases, tmp_path, monkeypatch):
    folder = tmp_path / "submissions"
    folder.mkdir()
    perfect = submissions.example_notebooks(ASSIGNMENT, releases[ASSIGNMENT])["perfect"]
    for student in ("crasher", "bystander"):
        nbformat.write(perfect, folder / f"{student}_{ASSIGNMENT}.ipynb")
    monkeypatch.setattr(batch, "grade_in_worker", worker_that_dies_on_the_crasher)
    rows, _ = grade(folder, tmp_path / "work", "--jobs", "2")
    by_student = {row[0]: row for row in rows}
    assert by_student["bystander"][2] == "10"
    assert by_student["crasher"][2] == "0" and "crashed the grader's worker process twice" in by_student["crasher"][-2]
