"""Fixtures shared by the tests: a temporary course work folder, releases, and a notebook runner."""

import os

# One BLAS thread per process: the test process and the notebook kernels it starts would
# otherwise fight over the machine's cores and make cell times swing widely.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import pytest  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from autograder import accuracy, course  # noqa: E402
from autograder.pipeline import Course  # noqa: E402

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


def visible_verdict(assignment, function, description=None):
    """The visible check's Verdict on the solution of ``function``, or on its mutant or variant ``description``,
    judged through the wire as the grader judges a kernel's function."""
    edits = [accuracy.named_edit(assignment, function, description)] if description else []
    return accuracy.verdicts(assignment, function, edits)[0]
