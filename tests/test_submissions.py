"""Finding submissions in a folder or zip, and the example submissions made from the source."""

import zipfile

import nbformat
import pytest

from autograder import cli, course, submissions

A = "01_initialization"


def touch(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{}")
    return path


def found(location, **kwargs):
    return {(s.student, s.assignment, s.problem is None) for s in submissions.find_submissions(location, **kwargs)}


def test_flat_files_are_split_into_student_and_assignment(tmp_path):
    touch(tmp_path / f"ada_lovelace_{A}.ipynb")
    assert found(tmp_path) == {("ada_lovelace", A, True)}


def test_nbgrader_layout_accepts_any_notebook_name(tmp_path):
    touch(tmp_path / "grace" / A / "my work (copy).ipynb")
    assert found(tmp_path) == {("grace", A, True)}


def test_flat_files_without_assignment_need_the_option(tmp_path):
    touch(tmp_path / "alan.ipynb")
    assert found(tmp_path) == {("alan", "?", False)}
    assert found(tmp_path, assignment=A) == {("alan", A, True)}


def test_a_zip_is_read_like_a_folder_and_checkpoints_are_skipped(tmp_path):
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(f"batch/edsger_{A}.ipynb", "{}")
        z.writestr(f"batch/.ipynb_checkpoints/edsger_{A}-checkpoint.ipynb", "{}")
        z.writestr("../escape.ipynb", "{}")
    assert found(archive) == {("edsger", A, True)}


def test_a_student_name_becomes_a_safe_folder_name(tmp_path):
    touch(tmp_path / f"o'brien smith_{A}.ipynb")
    assert found(tmp_path) == {("o_brien_smith", A, True)}


def test_a_missing_location_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        submissions.find_submissions(tmp_path / "nowhere")


def test_the_assignment_is_guessed_from_the_name_or_the_cells(tmp_path, releases):
    renamed = tmp_path / "homework.ipynb"
    renamed.write_bytes(releases[A].read_bytes())
    assert cli.guess_assignment(renamed) == A
    assert cli.guess_assignment(tmp_path / f"x_{A}.ipynb") == A


@pytest.mark.parametrize("assignment", course.assignments())
def test_example_submissions_differ_only_in_answer_cells(assignment, releases):
    examples = submissions.example_notebooks(assignment, releases[assignment])
    release = nbformat.read(releases[assignment], as_version=4)
    for notebook in examples.values():
        for original, cell in zip(release.cells, notebook.cells):
            if not course.is_solution_cell(cell):
                assert cell.source == original.source
    perfect = examples["perfect"]
    assert all("NotImplementedError" not in c.source for c in perfect.cells if course.is_solution_cell(c))


@pytest.mark.parametrize("assignment", course.assignments())
def test_the_mistakes_example_loses_points_but_not_all(assignment):
    scores = submissions.expected_example_scores(assignment)
    assert 0 < scores["mistakes"] < scores["perfect"]
