"""The defaults of a grading run: where its files go and how long and large a kernel may get.

Kept apart from the modules that import nbgrader, so that ``course --help`` shows them at once.
"""

from pathlib import Path

#: The work folder, relative to the folder a command runs in.
DEFAULT_WORK_DIR = Path(".course_work")
#: Seconds one cell may run before nbgrader interrupts it.
DEFAULT_CELL_TIMEOUT = 120
#: Seconds a whole notebook may run while graded.
DEFAULT_NOTEBOOK_TIMEOUT = 900
#: Address space of one grading kernel, in MiB: a runaway allocation fails with MemoryError
#: (or kills only that kernel) instead of exhausting the machine.
DEFAULT_MEMORY_LIMIT_MB = 4096
