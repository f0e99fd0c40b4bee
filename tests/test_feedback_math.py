"""A feedback page typesets its math with the MathJax inside it: no network, the course's TeX macros
render, and math in a student's markdown cannot link to a script."""

import nbformat
import pytest
from bs4 import BeautifulSoup
from pages import needs_chromium, network_resources, rendered_dom, unrendered_math

from autograder import mathjax

#: An assignment whose text writes code names in TeX: ``\texttt{keep\_prob}``.
ASSIGNMENT = "02_regularization"
#: A student's markdown cell whose math tries to link to a script and to load an image.
HOSTILE_MATH = (r"My notes: $\href{javascript:alert(1)}{x}$ and "
                r"$\style{background-image: url(https://example.com/x.png)}{y}$.")


@pytest.fixture(scope="module")
def feedback_page(grader, tmp_path_factory):
    """The feedback page of a submission that attempts no exercise and adds HOSTILE_MATH."""
    notebook = nbformat.read(grader.release(ASSIGNMENT), as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell(HOSTILE_MATH))
    path = tmp_path_factory.mktemp("submission") / f"{ASSIGNMENT}.ipynb"
    nbformat.write(notebook, path)
    return grader.grade("reads_math", ASSIGNMENT, path).feedback


def test_a_feedback_page_holds_its_mathjax_and_loads_nothing_from_the_network(feedback_page):
    soup = BeautifulSoup(feedback_page.read_text(encoding="utf-8"), "html.parser")
    assert [(script.get("src"), script.string.strip()) for script in soup.find_all("script")] == [
        (None, mathjax.script().strip())]
    assert network_resources(soup) == []


@needs_chromium
def test_a_feedback_page_renders_its_math_and_macros_in_a_browser_with_no_network(feedback_page, tmp_path):
    dom = rendered_dom(feedback_page, tmp_path)
    assert unrendered_math(dom) == []
    shown_math = [node.get_text() for node in BeautifulSoup(dom, "html.parser").find_all("mjx-assistive-mml")]
    assert any("keep_prob" in math for math in shown_math)
    assert not any("\\" in math for math in shown_math)


@needs_chromium
def test_math_in_a_students_markdown_links_to_no_script_and_loads_nothing(feedback_page, tmp_path):
    soup = BeautifulSoup(rendered_dom(feedback_page, tmp_path), "html.parser")
    assert "My notes:" in soup.get_text()
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert "javascript:" not in str(value).lower(), (element.name, name)
            assert not (name == "style" and "url(" in str(value)), element.name
