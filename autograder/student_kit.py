"""The student kit: what a class installs to do the assignments, and nothing of the grader.

``course student-kit OUT`` writes a folder with the ``helpers`` package (the datasets
inside it), the released notebooks and a ``pyproject.toml`` that installs only those
helpers. It holds no source notebook, no hidden test, no reference answer and no
``autograder`` package; :func:`kit_leaks` checks that before the folder is handed out.
"""

import shutil
from pathlib import Path

import helpers
from autograder import course
from helpers import data

KIT_PYPROJECT = """\
[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "improving-deep-neural-networks-student"
version = "0.1.0"
description = "Improving Deep Neural Networks: the helpers and datasets the course notebooks import"
requires-python = ">=3.10"
license = "MIT"
# What the notebooks import, and nothing else: a JupyterHub image or a browser-based Jupyter brings its own.
dependencies = ["numpy>=1.24", "matplotlib>=3.7", "h5py>=3.8", "tqdm>=4.66"]

[project.optional-dependencies]
# JupyterLab, for a machine that has no Jupyter yet.
lab = ["jupyterlab>=4"]

[tool.setuptools]
packages = ["helpers", "helpers.checks", "helpers.datasets"]

[tool.setuptools.package-data]
"helpers.datasets" = ["*.h5", "README.md"]
"""

KIT_README = """\
# Improving Deep Neural Networks: student kit

The assignment notebooks and the `helpers` package they import (data loading, plots,
the network pieces that are not exercises, and the checks that run after each exercise).

    python3 -m venv .venv
    .venv/bin/pip install ".[lab]"
    .venv/bin/jupyter lab notebooks/

Where Jupyter is already installed (a JupyterHub, a lab image), `pip install .` in the
kernel's environment adds only numpy, matplotlib, h5py and tqdm.

Work through `notebooks/` in order. Each exercise is followed by a check that tells you
at once what is right and what is not; your instructor's grader runs further tests.
"""

#: Names that must not appear among the kit's files or folders.
GRADER_NAMES = {"autograder", "hidden", "edits", "gradebook.db", ".course_work"}


def build_student_kit(target, grader):
    """Write the kit into the new folder ``target`` (released through ``grader``, a Course); return its path.

    Raises FileExistsError if ``target`` exists and is not empty, and ValueError if the
    finished kit would give anything of the grader away.
    """
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} exists and is not empty; give a new folder for the student kit.")
    shutil.copytree(Path(helpers.__file__).parent, target / "helpers",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "datasets"))
    datasets = target / "helpers" / "datasets"
    datasets.mkdir()
    for path in data.data_dir().iterdir():
        if path.suffix == ".h5" or path.name in ("__init__.py", "README.md"):
            shutil.copyfile(path, datasets / path.name)
    for assignment in course.assignments():
        destination = target / "notebooks" / assignment
        destination.mkdir(parents=True)
        shutil.copyfile(grader.release(assignment), destination / f"{assignment}.ipynb")
    (target / "pyproject.toml").write_text(KIT_PYPROJECT, encoding="utf-8")
    (target / "README.md").write_text(KIT_README, encoding="utf-8")
    problems = kit_leaks(target)
    if problems:
        raise ValueError("The student kit would give away:\n  " + "\n  ".join(problems))
    return target


def kit_leaks(folder):
    """What of the grader a kit folder holds: an empty list when nothing.

    Looked for: files or folders named like the grader's, the solution and hidden-test
    markers, an import of the hidden tests, and the code of any reference solution (its
    solution lines, when there are at least two, in a row) in any file.
    """
    solutions = {name: "\n".join(lines) for assignment in course.assignments()
                 for name, source in course.solution_cells(course.read_source(assignment)).items()
                 if len(lines := course.solution_lines(source)) >= 2}
    signs = (course.SOLUTION_BEGIN, course.HIDDEN_BEGIN, "autograder.hidden", "@hidden_test")
    problems = []
    for path in sorted(Path(folder).rglob("*")):
        relative = path.relative_to(folder)
        if GRADER_NAMES & set(relative.parts):
            problems.append(f"{relative}: a grader file or folder")
        if not path.is_file() or path.suffix == ".h5":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += [f"{relative}: {sign!r}" for sign in signs if sign in text]
        stripped = "\n".join(line.strip() for line in text.replace("\\n", "\n").split("\n") if line.strip())
        problems += [f"{relative}: the reference solution of {name}" for name, code in solutions.items()
                     if code in stripped]
    return problems
