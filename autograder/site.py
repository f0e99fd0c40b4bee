"""The course site: every assignment as a page to read, with its outputs, figures and math, and no solution.

:func:`build_site` writes a folder that opens from disk or publishes as it is on any static
host: ``index.html`` (the contents: the assignments and their titles), one page per
assignment (``<assignment>.html``, with links to the contents and to its neighbours) and
``mathjax.js``, the MathJax the pages share (:mod:`autograder.mathjax`). Nothing on a page
comes from the network.

A page shows an assignment as its student gets it, nbgrader's release, with the outputs of a
run in which the exercises are solved:

- the notebook that runs is the release with the source's solutions put in its answer cells,
  so the hidden tests never run and no output can show them;
- an answer cell shows the release's stub and no output (its output came from the solution);
- a check cell shows what the visible check printed for the solution;
- every other cell shows its outputs: the figures and numbers of the experiments.

Before a page is written, its cells and their outputs are searched for the solutions' and the
hidden tests' lines, as a release is (``pipeline.release_leaks``); a page that would show one
is not written.
"""

import copy
import os
import tempfile
from pathlib import Path

import nbformat
from jinja2 import Environment, FileSystemLoader
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

from autograder import course, feedback, mathjax
from autograder.pipeline import Course, release_leaks

SITE_TITLE = "Improving Deep Neural Networks"
#: Seconds one cell may run while the site's notebooks run with their solutions.
CELL_TIMEOUT = 600


class SiteError(Exception):
    """A page of the site cannot be built, or would give away a solution or a hidden test."""


def build_site(directory, work_dir, assignments=None):
    """Write the course site into ``directory`` and return the path of its contents page.

    Arguments:
        directory -- the site's folder (made if missing; pages already there are replaced)
        work_dir -- the course work folder where the releases are made (as for ``course release``)
        assignments -- the assignments to put on the site, in order (default: all of them)
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    grader = Course(work_dir)
    assignments = list(assignments or course.assignments())
    notebooks = {name: site_notebook(name, nbformat.read(grader.release(name), as_version=4)) for name in assignments}
    pages = [{"href": f"{name}.html", "title": title(notebooks[name], name)} for name in assignments]
    mathjax.write(directory)
    exporter = page_exporter()
    for position, name in enumerate(assignments):
        neighbours = {"contents": "index.html",
                      "previous": pages[position - 1] if position > 0 else None,
                      "next": pages[position + 1] if position + 1 < len(pages) else None}
        resources = {"metadata": {"name": pages[position]["title"]}, "site": neighbours}
        html, _ = exporter.from_notebook_node(notebooks[name], resources=resources)
        (directory / pages[position]["href"]).write_text(html, encoding="utf-8")
    contents = Environment(loader=FileSystemLoader(feedback.TEMPLATES / "course_site"), autoescape=True)
    index = directory / "index.html"
    index.write_text(contents.get_template("contents.html.j2").render(title=SITE_TITLE, pages=pages),
                     encoding="utf-8")
    return index


def site_notebook(assignment, release):
    """The notebook of ``assignment``'s page: ``release`` (its released notebook, as nbformat
    reads it) with the outputs of a run with the solutions; raises SiteError when the release
    does not match the source cell for cell or the page would show a solution or a hidden test."""
    source = course.read_source(assignment)
    _check_cells_match(assignment, source, release)
    notebook = copy.deepcopy(release)
    answers = [i for i, cell in enumerate(source["cells"]) if _is_answer_cell(cell)]
    for i in answers:
        notebook.cells[i].source = source["cells"][i]["source"]
    _run(notebook)
    for i in answers:
        notebook.cells[i].source = release.cells[i].source
        notebook.cells[i].outputs = []
    problems = page_leaks(source, notebook)
    if problems:
        raise SiteError(f"{assignment}: the page would show\n  " + "\n  ".join(problems))
    return notebook


def page_leaks(source, notebook):
    """What the page of ``notebook`` would show of the solutions or hidden tests of ``source``
    (an empty list when nothing): its cells and their outputs, searched as ``release_leaks``
    searches a release."""
    shown = [{"source": "\n".join([cell.source, *_output_texts(cell)])} for cell in notebook.cells]
    return release_leaks(source, {"cells": shown})


def title(notebook, default):
    """The notebook's title: the text of its first top-level heading (``# ...``), else ``default``."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line.removeprefix("# ").strip()
    return default


def page_exporter():
    """nbconvert's HTMLExporter for the site's pages: the feedback page's markdown filter, the
    site's layout (``templates/course_site``), MathJax from the file beside the page, and a
    cell's printed lines joined as a terminal shows them (a progress bar ends as its last state).

    Outputs are not sanitized: every one comes from the course's own code, and nbconvert's
    sanitizer would also escape the headings and paragraphs of the markdown cells.
    """
    exporter = HTMLExporter(template_name="course_site", extra_template_basedirs=feedback.TEMPLATE_BASEDIRS,
                            filters=feedback.FILTERS, mathjax_url=mathjax.SCRIPT_NAME)
    exporter.register_preprocessor(CoalesceStreamsPreprocessor, enabled=True)
    return exporter


def _is_answer_cell(cell):
    """A code cell a student writes: nbgrader's release replaces its solution by a stub."""
    return cell["cell_type"] == "code" and bool(course.nbgrader_meta(cell).get("solution"))


def _check_cells_match(assignment, source, release):
    """Raise SiteError unless the release has the source's cells, in order: same kinds, same nbgrader ids."""
    def outline(cells):
        return [(cell["cell_type"], course.nbgrader_meta(cell).get("grade_id")) for cell in cells]
    if outline(source["cells"]) != outline(release["cells"]):
        raise SiteError(f"{assignment}: the release's cells do not match the source notebook's one for one")


def _run(notebook):
    """Run ``notebook`` headless in a scratch folder, one BLAS thread, its figures as outputs."""
    environment = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
                   "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    with tempfile.TemporaryDirectory(prefix="course_site_") as folder:
        client = NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3",
                                extra_arguments=["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"],
                                resources={"metadata": {"path": folder}})
        client.execute(env=environment)


def _output_texts(cell):
    """Every text a cell's outputs put on its page: streams, text data, error tracebacks."""
    texts = []
    for output in cell.get("outputs", []):
        texts.append(output.get("text", ""))
        texts += [value for mime, value in output.get("data", {}).items()
                  if mime.startswith("text/") and isinstance(value, str)]
        texts += output.get("traceback", [])
    return texts
