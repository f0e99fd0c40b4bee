"""Every source notebook runs with its solutions; every release runs until its first exercise."""

import re
from pathlib import Path

import claims
import helpers
import nbformat
import pytest
from conftest import execute
from nbclient.exceptions import CellExecutionError

from autograder import course
from autograder.pipeline import release_leaks

#: OpenBLAS kernels the source notebooks run under: this machine's own choice, and Haswell's
#: (a kernel most x86 machines run), so that a result the text quotes holds on either.
BLAS_KERNELS = {"default": None, "haswell": "Haswell"}


@pytest.mark.parametrize("blas", BLAS_KERNELS)
@pytest.mark.parametrize("assignment", course.assignments())
def test_source_notebook_runs_headless_every_check_passes_and_its_text_is_true(assignment, blas, tmp_path, monkeypatch):
    if BLAS_KERNELS[blas] is None:
        monkeypatch.delenv("OPENBLAS_CORETYPE", raising=False)
    else:
        monkeypatch.setenv("OPENBLAS_CORETYPE", BLAS_KERNELS[blas])
    source = nbformat.read(course.source_path(assignment), as_version=4)
    notebook = execute(claims.with_claims(source, claims.claims_of(assignment)), tmp_path)
    for cell in notebook.cells:
        if course.is_grade_cell(cell):
            text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            assert text.count("checks passed") == 2, (course.nbgrader_meta(cell)["grade_id"], text)
            assert "FAIL" not in text
        assert not [o for o in cell.get("outputs", []) if o.get("name") == "stderr"], cell.source[:80]
    assert claims.false_claims(notebook) == []


def test_a_false_claim_and_a_quote_gone_from_the_text_are_reported(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("accuracy = 0.93"),
        nbformat.v4.new_markdown_cell("The network reaches\nabout 93% on the test set, above   90%."),
    ])
    checked = claims.with_claims(notebook, [("about 93% on the test", "abs(accuracy - 0.93) < 0.01"),
                                            ("above 90%", "accuracy > 0.95"), ("above 90%", "undefined_name")])
    assert [cell.cell_type for cell in checked.cells] == ["code", "code", "code", "code", "code", "markdown", "code"]
    assert claims.false_claims(execute(checked, tmp_path)) == [
        ("above 90%", "accuracy > 0.95", False),
        ("above 90%", "undefined_name", "NameError: name 'undefined_name' is not defined")]
    with pytest.raises(ValueError, match="below 80%"):
        claims.with_claims(notebook, [("below 80%", "True")])


@pytest.mark.parametrize("assignment", course.assignments())
def test_release_runs_until_the_first_exercise_then_fails_with_not_implemented_error(assignment, releases, tmp_path):
    notebook = nbformat.read(releases[assignment], as_version=4)
    with pytest.raises(CellExecutionError) as failure:
        execute(notebook, tmp_path)
    assert failure.value.ename == "NotImplementedError"
    failed = [i for i, c in enumerate(notebook.cells) if any(o.output_type == "error" for o in c.get("outputs", []))]
    first_grade_cell = next(i for i, c in enumerate(notebook.cells) if course.is_grade_cell(c))
    assert failed == [first_grade_cell]


@pytest.mark.parametrize("assignment", course.assignments())
def test_release_contains_no_solution_or_hidden_test_text(assignment, releases):
    text = releases[assignment].read_text()
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "autograder.hidden" not in text
    assert release_leaks(course.read_source(assignment), nbformat.read(releases[assignment], as_version=4)) == []


@pytest.mark.parametrize("assignment", course.assignments())
def test_release_tells_students_validate_runs_only_the_visible_checks(assignment, releases):
    introduction = " ".join(next(cell for cell in nbformat.read(releases[assignment], as_version=4).cells
                                 if cell.cell_type == "markdown").source.split())
    assert "all that nbgrader's *Validate* button runs" in introduction and "`course check" in introduction


def test_release_leaks_finds_a_solution_line_left_in_a_release(releases):
    source = course.read_source("01_initialization")
    release = nbformat.read(releases["01_initialization"], as_version=4)
    solution_line = course.solution_lines(next(iter(course.solution_cells(source).values())))[1]
    release.cells[-1].source += "\n" + solution_line
    assert release_leaks(source, release) == [f"the line {solution_line!r}"]


@pytest.mark.parametrize("assignment", course.assignments())
def test_source_notebook_is_committed_without_outputs(assignment):
    for cell in course.read_source(assignment)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


def test_no_provided_code_and_no_helper_defines_a_graded_function():
    """A graded exercise's solution exists once: in its own answer cell, never in the provided code of a notebook
    or in the helpers, where a student could copy it from."""
    graded = {name: assignment for assignment in course.assignments()
              for name in course.solution_cells(course.read_source(assignment))}
    places = {f"{assignment}, a provided cell": cell["source"] for assignment in course.assignments()
              for cell in course.read_source(assignment)["cells"]
              if cell["cell_type"] == "code" and not course.is_solution_cell(cell)}
    places.update({str(path): path.read_text() for path in Path(helpers.__file__).parent.rglob("*.py")
                   if "checks" not in path.parts})
    found = [f"{place} defines {name}, graded in {graded[name]}" for place, source in places.items()
             for name in re.findall(r"^\s*def (\w+)\(", source, flags=re.MULTILINE) if name in graded]
    assert found == []
