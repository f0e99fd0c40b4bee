"""Where the course lives: the source notebooks and the cells nbgrader marked in them.

An assignment is a folder ``notebooks/<NN_name>/`` holding one source notebook
``<NN_name>.ipynb``. A regular install puts the ``notebooks`` folder inside the installed
``autograder`` package (``pyproject.toml`` maps it there); an editable install, or a run
from a checkout, uses the repository's own ``notebooks/``. Its hidden tests live in ``autograder/hidden/<name>.py`` and its
wrong and valid example edits in ``autograder/edits/<name>.py``, ``<name>`` being the
folder name without its number.
"""

import json
import re
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
SOURCE_DIR = next(folder for folder in (_PACKAGE_DIR / "notebooks", _PACKAGE_DIR.parent / "notebooks")
                  if folder.is_dir())

SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"


def assignments():
    """Sorted names of the assignments, for example ``["01_initialization", ...]``."""
    return sorted(p.name for p in SOURCE_DIR.iterdir()
                  if p.is_dir() and (p / f"{p.name}.ipynb").is_file())


def short_name(assignment):
    """``"01_initialization"`` -> ``"initialization"`` (the module name of its hidden tests)."""
    return re.sub(r"^\d+_", "", assignment)


def source_path(assignment):
    """Path of the source notebook of ``assignment``; raises ValueError naming the known ones."""
    path = SOURCE_DIR / assignment / f"{assignment}.ipynb"
    if not path.is_file():
        raise ValueError(f"Unknown assignment {assignment!r}. Known assignments: {', '.join(assignments())}.")
    return path


def read_source(assignment):
    """The source notebook of ``assignment`` as a plain dict; each cell's ``source`` is one string."""
    notebook = json.loads(source_path(assignment).read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if isinstance(cell["source"], list):
            cell["source"] = "".join(cell["source"])
    return notebook


def nbgrader_meta(cell):
    """The cell's nbgrader metadata (an empty dict for an ordinary cell).

    Junk counts as none: nbgrader metadata that is not a dict, or whose grade_id is not a string.
    """
    meta = cell.get("metadata", {}).get("nbgrader", {})
    if not isinstance(meta, dict) or not isinstance(meta.get("grade_id", ""), str):
        return {}
    return meta


def is_solution_cell(cell):
    meta = nbgrader_meta(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("solution")) and not meta.get("grade")


def is_grade_cell(cell):
    meta = nbgrader_meta(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade"))


def is_manual_cell(cell):
    """A written answer graded by hand: a markdown cell that is both an answer and a grade cell."""
    meta = nbgrader_meta(cell)
    return cell.get("cell_type") == "markdown" and bool(meta.get("grade")) and bool(meta.get("solution"))


def solution_cells(notebook):
    """Dict grade_id -> source of every autograded answer cell of a notebook (dict or nbformat node)."""
    return {nbgrader_meta(c)["grade_id"]: c["source"] for c in notebook["cells"] if is_solution_cell(c)}


def grade_cells(notebook):
    """Dict grade_id -> points of every autograded test cell."""
    return {nbgrader_meta(c)["grade_id"]: float(nbgrader_meta(c).get("points", 0))
            for c in notebook["cells"] if is_grade_cell(c)}


def manual_cells(notebook):
    """Dict grade_id -> points of every answer graded by hand (see is_manual_cell)."""
    return {nbgrader_meta(c)["grade_id"]: float(nbgrader_meta(c).get("points", 0))
            for c in notebook["cells"] if is_manual_cell(c)}


def graded_cells(notebook):
    """Dict grade_id -> points of every graded cell: the autograded test cells, then the answers graded by hand."""
    return {**grade_cells(notebook), **manual_cells(notebook)}


def exercise_name(grade_id):
    """``"check_initialize_parameters_he"`` -> ``"initialize_parameters_he"``: the function a grade cell judges."""
    return grade_id.removeprefix("check_")


def strip_markers(source):
    """A solution cell as a student would write it: the solution markers removed."""
    return "\n".join(line for line in source.split("\n")
                     if line.strip() not in (SOLUTION_BEGIN, SOLUTION_END))


def solution_lines(source):
    """The lines between the solution markers of one cell (stripped, non-empty)."""
    lines, inside = [], False
    for line in source.split("\n"):
        if line.strip() == SOLUTION_BEGIN:
            inside = True
        elif line.strip() == SOLUTION_END:
            inside = False
        elif inside and line.strip():
            lines.append(line.strip())
    return lines


def hidden_test_lines(source):
    """The lines between the hidden-test markers of one cell (stripped, non-empty)."""
    block = re.findall(re.escape(HIDDEN_BEGIN) + r"(.*?)" + re.escape(HIDDEN_END), source, flags=re.DOTALL)
    return [line.strip() for text in block for line in text.split("\n") if line.strip()]
