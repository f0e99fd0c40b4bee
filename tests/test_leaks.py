"""What a graded notebook cannot leak: the grader's environment and capabilities into its kernel,
the files its kernel writes into the grading folder, its scripts into the feedback page."""

import asyncio
import copy
import os
import re

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbgrader.converters import GenerateFeedback
from nbgrader.coursedir import CourseDirectory

from autograder import course, mathjax, pipeline, sandbox

SECRET_VARIABLE = "COURSE_TEST_SECRET_TOKEN"

#: Prints what a kernel can see and do, one ``name: value`` per line (in the sandbox only: the
#: remount would act on the grader's own mounts).
PROBE_SANDBOX = f"""
import ctypes, os, sysconfig
print("environ:", {SECRET_VARIABLE!r} in os.environ)
print("init environ:", b{SECRET_VARIABLE!r} in open("/proc/1/environ", "rb").read())
print("CapEff:", next(l.split()[1] for l in open("/proc/self/status") if l.startswith("CapEff")))
MS_REMOUNT, MS_BIND = 32, 4096
site_packages = sysconfig.get_paths()["purelib"].encode()
print("remount:", ctypes.CDLL(None, use_errno=True).mount(b"none", site_packages, None, MS_REMOUNT | MS_BIND, None))
"""
#: Writes a file in the working directory and prints where that is.
PROBE_WRITE = """
import os
open("written_by_the_kernel.txt", "w").write("x")
print("cwd:", os.getcwd())
"""


def run_in_kernel(isolated, grading_folder, code):
    """Run ``code`` in a grading kernel asked (as nbclient asks) to work in ``grading_folder``;
    return (dict name -> value of what it printed as ``name: value`` lines, the kernel manager)."""
    manager = sandbox.GradingKernelManager(isolated=isolated)
    lines = []

    def keep(message):
        if message["msg_type"] == "stream":
            lines.extend(message["content"]["text"].splitlines())

    async def run():
        await manager.start_kernel(cwd=str(grading_folder))
        client = manager.blocking_client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=30)
            client.execute_interactive(code, output_hook=keep, timeout=30)
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)

    asyncio.run(run())
    return dict(line.split(": ", 1) for line in lines), manager


@pytest.mark.skipif(sandbox.bubblewrap() is None and not os.environ.get("CI"),
                    reason="bubblewrap (bwrap) is not installed; CI installs it")
def test_a_sandboxed_kernel_sees_no_secret_has_no_capability_and_writes_only_its_tmpfs(tmp_path, monkeypatch):
    monkeypatch.setenv(SECRET_VARIABLE, "secret")
    seen, _ = run_in_kernel(True, tmp_path, PROBE_WRITE + PROBE_SANDBOX)
    assert seen["environ"] == seen["init environ"] == "False"
    assert int(seen["CapEff"], 16) == 0
    assert seen["remount"] == "-1"
    assert seen["cwd"] == sandbox.SANDBOX_WORKING_DIR and not any(tmp_path.iterdir())


def test_a_plain_kernel_writes_in_a_scratch_folder_removed_with_it(tmp_path):
    seen, manager = run_in_kernel(False, tmp_path, PROBE_WRITE)
    assert seen["cwd"] == str(manager.scratch_dir) and not manager.scratch_dir.exists()
    assert not any(tmp_path.iterdir())


# ----- feedback ------------------------------------------------------------------------------
@pytest.fixture
def config(tmp_path):
    """The course's nbgrader configuration."""
    return pipeline.nbgrader_config(tmp_path)


def feedback_page(notebook, config):
    """The HTML page nbgrader's GenerateFeedback makes of ``notebook`` with the nbgrader
    configuration ``config``: its exporter and preprocessors, less GetGrades (which needs a gradebook)."""
    converter = GenerateFeedback(coursedir=CourseDirectory(config=config), config=config)
    exporter = converter.exporter_class(parent=converter, config=converter.config)
    for preprocessor in converter.preprocessors:
        if preprocessor != "nbgrader.preprocessors.GetGrades":
            exporter.register_preprocessor(preprocessor)
    resources = {"nbgrader": {"notebook": "feedback", "score": 0, "max_score": 0, "late_penalty": 0}}
    return exporter.from_notebook_node(notebook, resources=resources)[0]


def attacks():
    """A notebook whose markdown and outputs hold scripts in every form a page would run."""
    markdown = ("<script>alert(1)</script> <img src=x onerror=alert(2)> <a href='javascript:alert(3)'>a</a>\n\n"
                "[link](javascript:alert(4)) [ref][r] <javascript:alert(5)> ![image](javascript:alert(6))\n\n"
                "[r]: JaVaScRiPt:alert(7)\n\n"
                "<details open ontoggle=alert(8)>d</details>\n\n```mermaid\n</pre><script>alert(9)</script>\n```\n")
    outputs = [new_output("display_data", data={"text/html": "<b>b</b><script>alert(10)</script>"
                                                             "<img src=x onerror=alert(11)>"}),
               new_output("display_data", data={"application/javascript": "alert(12)"}),
               new_output("display_data", data={"image/svg+xml": "<svg onload='alert(13)'><script>alert(14)</script>"
                                                                 "</svg>"}),
               new_output("display_data", data={"text/markdown": "[m](javascript:alert(15))"
                                                                 "<script>alert(16)</script>"}),
               new_output("execute_result", execution_count=1,
                          data={"text/html": "<table><tr><td onmouseover=alert(17)>t</td></tr></table>"})]
    return new_notebook(cells=[new_markdown_cell(markdown), new_code_cell("show()", outputs=outputs)])


def scripts_in(page):
    """Everything in an HTML page that would run a script, but the page's own MathJax."""
    soup = BeautifulSoup(page.replace(mathjax.script_element(), ""), "html.parser")
    found = [str(s)[:80] for s in soup.find_all("script")]
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"{element.name} {name}")
            elif re.match(r"\s*(javascript|vbscript|data:text)", str(value), re.IGNORECASE):
                found.append(f"{element.name} {name}={value}")
    return found


def test_the_feedback_page_runs_no_script_a_student_wrote(config):
    page = feedback_page(attacks(), config)
    assert scripts_in(page) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text


def test_the_courses_own_notebooks_look_the_same_in_feedback(config):
    """The course's markdown (math with <, > and &, tables, code, emphasis) holds no HTML: its
    feedback page is the one nbconvert makes without sanitizing."""
    unsanitized = copy.deepcopy(config)
    del unsanitized.HTMLExporter.filters["markdown2html"], unsanitized.HTMLExporter["sanitize_html"]
    for assignment in course.assignments():
        notebook = nbformat.from_dict(course.read_source(assignment))
        for cell in notebook.cells:  # what GetGrades would add
            cell.metadata.get("nbgrader", {}).update(score=0, points=0)
        assert feedback_page(notebook, config) == feedback_page(notebook, unsanitized), assignment
