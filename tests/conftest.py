"""Fixtures shared by the tests: a temporary course work folder, releases, and a notebook runner."""

import os

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import course
from autograder.pipeline import Course

os.environ.setdefault("MPLBACKEND", "Agg")

#: Seconds a cell may run in the tests' grading runs: ample for honest cells (training is
#: shortened while grading), short enough that an infinite loop costs little.
TEST_CELL_TIMEOUT = 15


def execute(notebook, cwd, timeout=600):
    """Run a notebook headless in ``cwd`` with nbclient; raises CellExecutionError on the first error."""
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return notebook


@pytest.fixture(scope="session")
def grader(tmp_path_factory):
    """A Course whose work folder is temporary, shared by the whole session."""
    return Course(tmp_path_factory.mktemp("course_work"), cell_timeout=TEST_CELL_TIMEOUT)


@pytest.fixture(scope="session")
def releases(grader):
    """Dict assignment -> path of its released notebook."""
    return {assignment: grader.release(assignment) for assignment in course.assignments()}
