"""Finding submissions in a folder or zip, and the example submissions made from the source."""

import copy
import json
import re
import zipfile
from pathlib import Path

import nbformat
import pytest
from malformed import MALFORMED

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
            if not (course.is_solution_cell(cell) or course.is_manual_cell(cell)):
                assert cell.source == original.source
    perfect = examples["perfect"]
    assert all("NotImplementedError" not in c.source for c in perfect.cells if course.is_solution_cell(c))
    assert all("YOUR ANSWER HERE" not in c.source for c in perfect.cells if course.is_manual_cell(c))


@pytest.mark.parametrize("assignment", course.assignments())
def test_the_mistakes_example_loses_points_but_not_all(assignment):
    scores = submissions.expected_example_scores(assignment)
    assert 0 < scores["mistakes"] < scores["perfect"]


def test_a_renamed_notebook_is_found_by_its_cells(tmp_path, releases):
    (tmp_path / "my homework.ipynb").write_bytes(releases[A].read_bytes())
    assert found(tmp_path) == {("my_homework", A, True)}


def test_a_linked_notebook_is_reported_and_never_read(tmp_path, monkeypatch):
    target = touch(tmp_path / "elsewhere" / f"ada_{A}.ipynb")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / f"ada_{A}.ipynb").symlink_to(target)
    (batch / "renamed.ipynb").symlink_to(target)  # unnamed: a file would be read to find its assignment
    (batch / f"gone_{A}.ipynb").symlink_to(tmp_path / "nowhere")
    monkeypatch.setattr(submissions, "read_notebook", lambda path: pytest.fail(f"{path} was read"))
    found_here = submissions.find_submissions(batch)
    assert {(s.student, s.assignment) for s in found_here} == {("ada", A), ("renamed", "?"), ("gone", A)}
    assert all(s.problem.startswith("a symbolic link, which the grader does not follow") for s in found_here)


def test_a_linked_folder_is_reported_and_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    touch(elsewhere / A / f"ada_{A}.ipynb")
    batch = tmp_path / "batch"
    touch(batch / "grace" / A / "work.ipynb")
    (batch / "linus").symlink_to(elsewhere)  # a linked <student> folder
    (batch / "ken").mkdir()
    (batch / "ken" / A).symlink_to(elsewhere / A)  # a linked <student>/<assignment> folder
    assert found(batch) == {("grace", A, True), ("linus", "?", False), ("ken", A, False)}
    assert found(batch, assignment=A) == {("grace", A, True), ("linus", A, False), ("ken", A, False)}
    assert all("symbolic link" in s.problem for s in submissions.find_submissions(batch) if s.problem)


# ----- reading a submitted notebook strictly ---------------------------------------------------
@pytest.fixture(scope="module")
def source_json():
    return json.loads(course.source_path(A).read_text())


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_notebook_is_refused_with_a_one_line_reason(name, source_json, tmp_path):
    make, reason = MALFORMED[name]
    path = tmp_path / f"{name}.ipynb"
    path.write_bytes(make(source_json))
    with pytest.raises(submissions.InvalidNotebook, match=re.escape(reason)) as refused:
        submissions.read_notebook(path)
    assert str(refused.value).startswith("not a readable notebook: ") and "\n" not in str(refused.value)


def test_a_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.ipynb"
    with open(path, "wb") as file:
        file.truncate(33 * 2 ** 20)  # a sparse file: no disk used
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    with pytest.raises(submissions.InvalidNotebook, match="the file is 33.0 MiB; the limit is 32 MiB"):
        submissions.read_notebook(path)


def test_a_huge_cell_counts_against_the_size_limit(source_json, tmp_path, monkeypatch):
    monkeypatch.setattr(submissions, "MAX_NOTEBOOK_MIB", 1)
    notebook = copy.deepcopy(source_json)
    notebook["cells"][0]["source"] = "x" * 2 ** 21
    path = tmp_path / "huge_cell.ipynb"
    path.write_text(json.dumps(notebook))
    with pytest.raises(submissions.InvalidNotebook, match=r"the file is 2\.\d MiB; the limit is 1 MiB"):
        submissions.read_notebook(path)


def test_a_valid_notebook_reads_as_nbformat_reads_it(releases):
    assert submissions.read_notebook(releases[A]) == nbformat.read(releases[A], as_version=4)


def test_cells_without_ids_get_them_as_nbformat_would_add_them(releases, tmp_path):
    """Older tools write format 4.5 without cell ids; the schema asks for them, nbformat adds them."""
    notebook = json.loads(releases[A].read_text())
    for cell in notebook["cells"]:
        del cell["id"]
    path = tmp_path / "no_ids.ipynb"
    path.write_text(json.dumps(notebook))
    read = submissions.read_notebook(path)
    assert all(cell.get("id") for cell in read.cells) and len(read.cells) == len(notebook["cells"])


@pytest.mark.parametrize("junk", ["junk", 5, ["grade_id"], {"grade_id": ["check_x"], "grade": True}, {"grade_id": 3}])
def test_junk_nbgrader_metadata_counts_as_none(junk):
    cell = nbformat.v4.new_code_cell("x = 1", metadata={"nbgrader": junk})
    assert course.nbgrader_meta(cell) == {} and not course.is_grade_cell(cell)


# ----- laying a submission out as its release -------------------------------------------------
def ids(notebook):
    return [course.nbgrader_meta(c).get("grade_id") for c in notebook.cells]


@pytest.fixture
def release_and_perfect(releases):
    return nbformat.read(releases[A], as_version=4), submissions.example_notebooks(A, releases[A])["perfect"]


def test_an_honest_submission_is_left_as_it_is(release_and_perfect):
    release, perfect = release_and_perfect
    scratch = nbformat.v4.new_code_cell("print('trying things')")
    perfect.cells.insert(5, scratch)
    rebuilt, repairs = submissions.rebuild(perfect, release)
    assert repairs == [] and rebuilt.cells == perfect.cells


def test_moved_tests_go_back_and_the_students_cells_keep_their_places(release_and_perfect):
    release, perfect = release_and_perfect
    moved = nbformat.from_dict(perfect)
    check = moved.cells.pop(ids(moved).index("check_initialize_parameters_he"))
    moved.cells.insert(0, check)
    moved.cells.insert(3, nbformat.v4.new_code_cell("x = 1"))
    rebuilt, repairs = submissions.rebuild(moved, release)
    assert repairs == ["cells were moved"]
    assert [i for i in ids(rebuilt) if i] == [i for i in ids(release) if i] and rebuilt.cells[3].source == "x = 1"


def test_retagged_edited_and_deleted_cells_come_back_from_the_release(release_and_perfect):
    release, perfect = release_and_perfect
    tampered = nbformat.from_dict(perfect)
    position = ids(tampered).index("check_initialize_parameters_zeros")
    tampered.cells[position].metadata.nbgrader["points"] = 99
    tampered.cells[position].source = "pass"
    del tampered.cells[ids(tampered).index("check_activation_stds")]
    rebuilt, repairs = submissions.rebuild(tampered, release)
    assert repairs == ["the cell check_initialize_parameters_zeros had its nbgrader metadata changed",
                       "the read-only cell check_initialize_parameters_zeros was edited",
                       "cells were deleted (check_activation_stds)"]
    assert [(c.source, c.metadata.get("nbgrader")) for c in rebuilt.cells if course.nbgrader_meta(c)] == \
           [(c.source, c.metadata.get("nbgrader")) for c in perfect.cells if course.nbgrader_meta(c)]


def test_an_answer_that_lost_its_metadata_is_found_by_its_def_line(release_and_perfect):
    release, perfect = release_and_perfect
    stripped = nbformat.from_dict(perfect)
    position = ids(stripped).index("initialize_parameters_he")
    stripped.cells[position].metadata.pop("nbgrader")
    rebuilt, repairs = submissions.rebuild(stripped, release)
    assert repairs == ["the cell initialize_parameters_he had its nbgrader metadata changed"]
    assert rebuilt.cells == perfect.cells


def test_cells_with_junk_nbgrader_metadata_come_back_from_the_release(release_and_perfect):
    release, perfect = release_and_perfect
    junk = nbformat.from_dict(perfect)
    answer, check = ids(junk).index("initialize_parameters_he"), ids(junk).index("check_initialize_parameters_zeros")
    junk.cells[answer].metadata.nbgrader["grade_id"] = ["initialize_parameters_he"]
    junk.cells[check].metadata.nbgrader = "junk"
    junk.cells.append(nbformat.v4.new_code_cell("y = 2", metadata={"nbgrader": 5}))
    rebuilt, repairs = submissions.rebuild(junk, release)
    assert repairs == ["the cell initialize_parameters_he had its nbgrader metadata changed",
                       "cells were deleted (check_initialize_parameters_zeros)"]
    assert [(c.source, c.metadata.nbgrader) for c in rebuilt.cells if course.nbgrader_meta(c)] == \
           [(c.source, c.metadata.nbgrader) for c in perfect.cells if course.nbgrader_meta(c)]
    assert all(course.nbgrader_meta(c) or "nbgrader" not in c.metadata for c in rebuilt.cells)
    assert len({cell.id for cell in rebuilt.cells}) == len(rebuilt.cells)


def test_a_duplicated_grade_cell_loses_its_tag(release_and_perfect):
    release, perfect = release_and_perfect
    doubled = nbformat.from_dict(perfect)
    doubled.cells.append(nbformat.from_dict(doubled.cells[ids(doubled).index("check_initialize_parameters_he")]))
    rebuilt, _ = submissions.rebuild(doubled, release)
    assert ids(rebuilt).count("check_initialize_parameters_he") == 1 and len(rebuilt.cells) == len(doubled.cells)
    assert len({cell.id for cell in rebuilt.cells}) == len(rebuilt.cells)


def test_the_assignment_of_a_notebook_is_read_from_its_answer_cells(releases):
    for assignment, path in releases.items():
        assert submissions.assignment_of(nbformat.read(path, as_version=4)) == assignment
    assert submissions.assignment_of(nbformat.v4.new_notebook()) is None
