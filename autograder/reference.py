"""Reference implementations, taken from the source notebooks' solution cells.

The solution of a graded exercise exists once, in its source notebook. Hidden tests
that need reference answers get them from here: the notebook's ``imports`` cell and
its solution cells are executed in a fresh namespace, nothing else of the notebook is.
"""

import functools

from autograder import course

IMPORTS_CELL_ID = "imports"


def namespace_from_cells(sources):
    """Execute cell sources in order in a fresh namespace and return it."""
    namespace = {"__name__": "reference_solutions"}
    for source in sources:
        exec(compile(source, "<reference solution>", "exec"), namespace)
    return namespace


def reference_sources(assignment):
    """The sources of the source notebook's imports cell and solution cells, in order."""
    notebook = course.read_source(assignment)
    imports = [c["source"] for c in notebook["cells"] if course.nbgrader_meta(c).get("grade_id") == IMPORTS_CELL_ID]
    return imports + list(course.solution_cells(notebook).values())


@functools.lru_cache(maxsize=None)
def reference_namespace(assignment):
    """The names the reference cells of ``assignment`` define (cached)."""
    return namespace_from_cells(reference_sources(assignment))


def reference(assignment, name):
    """The reference implementation of the graded function ``name`` of ``assignment``."""
    namespace = reference_namespace(assignment)
    if name not in namespace:
        raise KeyError(f"The source notebook of {assignment} defines no {name!r}.")
    return namespace[name]
