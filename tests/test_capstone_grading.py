"""The capstone's grade: its performance points come from a held-out test set only the grader holds.

One batch through ``course grade`` (the real pipeline, in the sandbox): the reference
solution, the untouched release, and students who try to earn the performance points
without a model: by reading the grader's held-out file, by answering from a table, by
forging the result the grader writes, by predicting in train mode. Then the written diagnosis is graded by hand in the gradebook,
as nbgrader's Formgrader does, and ``course export`` writes the CSV again.
"""

import csv
import os
import re

import h5py
import nbformat
import numpy as np
import pytest

from autograder import cli, course, held_out, submissions
from autograder.pipeline import Course
from autograder.sandbox import bubblewrap
from helpers.data import load_dataset

ASSIGNMENT = "09_capstone"

pytestmark = pytest.mark.skipif(bubblewrap() is None and not os.environ.get("CI"),
                                reason="the held-out set is safe from student code only in the sandbox (bwrap)")

#: The answers of students who want the performance points without a model.
CHEATS = {
    # Look for the grader's held-out set on the disk or in its package, and answer from it.
    "reads_the_held_out_set": '''def predict_digits(X):
    import glob
    import h5py
    found = [path for root in ("/tmp", "/root", "/home", "/work", "/srv") for path in
             glob.glob(f"{root}/**/held_out/mnist1d_test.h5", recursive=True)]
    for path in found:
        with h5py.File(path, "r") as file:
            table = {column.tobytes(): label for column, label in zip(file["X_test"][()].T, file["Y_test"][()].ravel())}
        return np.array([table.get(column.tobytes(), 0) for column in X.T])
    from autograder import held_out
    X_test, Y_test = held_out.test_set()
    return Y_test.ravel()''',
    # Labels written down in advance, in the order the student imagines the test set comes in.
    "answers_from_a_table": '''def predict_digits(X):
    return np.arange(X.shape[1]) % 10''',
    # Show the grader a result of 12 points and a test accuracy of 100%, as the grader itself writes them.
    "forges_the_result": '''def predict_digits(X):
    from IPython.display import display
    display({"text/plain": "12", "application/vnd.course.measures+json": {"measures": {"test_accuracy": 1.0}}},
            raw=True)
    return np.zeros(X.shape[1], dtype=int)''',
    # The model in train mode: each prediction depends on the rest of the batch.
    "predicts_in_train_mode": '''def predict_digits(X):
    scores, _ = network_forward(final["params"], X, FINAL["options"], final["running"], np.random.default_rng(0),
                                train=True)
    return np.argmax(scores, axis=0)''',
}


def answer_cell(notebook, grade_id):
    return next(c for c in notebook.cells if course.nbgrader_meta(c).get("grade_id") == grade_id)


def read_rows(path):
    with open(path, newline="") as file:
        return {row["student"]: row for row in csv.DictReader(file)}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade the examples and the cheats in one batch; return (work folder, csv path, rows by student)."""
    work_dir, folder = tmp_path_factory.mktemp("capstone_work"), tmp_path_factory.mktemp("capstone_submissions")
    release = Course(work_dir).release(ASSIGNMENT)
    examples = submissions.example_notebooks(ASSIGNMENT, release)
    for student, source in CHEATS.items():
        cheat = nbformat.from_dict(examples["perfect"])
        answer_cell(cheat, "predict_digits").source = source
        settings = answer_cell(cheat, "final_settings")
        settings.source = re.sub(r"epochs=\d+", "epochs=1", settings.source)  # no model is needed: train briefly
        examples[student] = cheat
    for student, notebook in examples.items():
        nbformat.write(notebook, folder / f"{student}_{ASSIGNMENT}.ipynb")
    grades = folder / "grades.csv"
    assert cli.main(["grade", str(folder), "--work-dir", str(work_dir), "--csv", str(grades), "--jobs", "2",
                     "--no-feedback"]) == 0
    return work_dir, grades, read_rows(grades)


def performance_points():
    return course.grade_cells(course.read_source(ASSIGNMENT))["check_predict_digits"]


def test_the_reference_solution_gets_every_automatic_point_and_its_test_accuracy(graded):
    _, _, rows = graded
    perfect = rows["perfect"]
    assert float(perfect["score"]) == submissions.expected_example_scores(ASSIGNMENT)["perfect"]
    assert float(perfect["predict_digits"]) == performance_points()
    assert float(perfect["test_accuracy"]) >= 0.80


def test_the_written_diagnosis_waits_for_a_grade_by_hand(graded):
    _, _, rows = graded
    assert rows["perfect"]["diagnosis"] == ""
    assert "diagnosis: to grade by hand" in rows["perfect"]["reasons"]
    assert rows["untouched"]["diagnosis"] == "0" and "diagnosis: not answered" in rows["untouched"]["reasons"]
    assert float(rows["perfect"]["max_score"]) == sum(course.grade_cells(course.read_source(ASSIGNMENT)).values()) + \
        sum(course.manual_cells(course.read_source(ASSIGNMENT)).values())


def test_the_mistakes_lose_their_own_points_only(graded):
    _, _, rows = graded
    assert float(rows["mistakes"]["score"]) == submissions.expected_example_scores(ASSIGNMENT)["mistakes"]
    assert float(rows["mistakes"]["predict_digits"]) == performance_points()  # the mistakes do not hurt training


def test_the_untouched_release_gets_nothing(graded):
    _, _, rows = graded
    assert float(rows["untouched"]["score"]) == 0 and rows["untouched"]["test_accuracy"] == ""


@pytest.mark.parametrize("student", CHEATS)
def test_no_performance_point_without_a_model(graded, student):
    _, _, rows = graded
    assert float(rows[student]["predict_digits"]) == 0, rows[student]["reasons"]
    accuracy = rows[student]["test_accuracy"]
    assert accuracy == "" or float(accuracy) < 0.2
    assert float(rows[student]["score"]) == float(rows["perfect"]["score"]) - performance_points()


def test_a_grade_given_by_hand_reaches_the_csv_through_course_export(graded, tmp_path):
    work_dir, grades, rows = graded
    with Course(work_dir).gradebook() as gradebook:
        grade = gradebook.find_grade("diagnosis", ASSIGNMENT, ASSIGNMENT, "perfect")
        grade.manual_score, grade.needs_manual_grade = 5, False  # what the Formgrader's save does
        gradebook.db.commit()
    exported = tmp_path / "exported.csv"
    assert cli.main(["export", ASSIGNMENT, "--work-dir", str(work_dir), "--csv", str(exported)]) == 0
    again = read_rows(exported)
    assert again["perfect"]["diagnosis"] == "5"
    assert float(again["perfect"]["score"]) == float(rows["perfect"]["score"]) + 5
    assert again["perfect"]["test_accuracy"] == rows["perfect"]["test_accuracy"]
    assert "to grade by hand" not in again["perfect"]["reasons"]


def test_the_held_out_set_stays_in_the_work_folder_and_holds_new_examples(graded):
    work_dir, _, _ = graded
    with h5py.File(held_out.path_in(work_dir), "r") as file:
        X_test, Y_test = file["X_test"][()], file["Y_test"][()]
    public = load_dataset("mnist1d")
    assert X_test.shape == (40, held_out.TEST_SIZE) and Y_test.shape == (1, held_out.TEST_SIZE)
    seen = {column.tobytes() for split in ("X_train", "X_dev") for column in public[split].T}
    assert not any(column.tobytes() in seen for column in X_test.T)
    assert np.bincount(Y_test.ravel(), minlength=10).min() > 0.07 * held_out.TEST_SIZE
