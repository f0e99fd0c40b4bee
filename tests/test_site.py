"""The course site: a page per assignment with its outputs and rendered math, no solution or hidden
test, nothing loaded from the network, and every link leading somewhere."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup
from pages import needs_chromium, network_resources, rendered_dom, unrendered_math

from autograder import course, mathjax
from autograder.pipeline import release_leaks
from autograder.site import SiteError, build_site, page_leaks, site_notebook

#: The assignments the tests put on a site: the shortest, to keep the run fast.
ASSIGNMENTS = ["00_setup"]


@pytest.fixture(scope="module")
def site(grader, tmp_path_factory):
    """The folder of a site built for ASSIGNMENTS."""
    directory = tmp_path_factory.mktemp("site")
    build_site(directory, grader.work_dir, ASSIGNMENTS)
    return directory


def soup_of(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def page_text(path):
    """What a reader sees of a page: its text, without scripts and styles."""
    soup = soup_of(path)
    for element in soup.find_all(["script", "style"]):
        element.decompose()
    return soup.get_text()


def test_the_site_has_a_page_per_assignment_listed_with_its_title_on_the_contents_page(site):
    assert sorted(path.name for path in site.glob("*.html")) == sorted(["index.html", *(f"{a}.html" for a in ASSIGNMENTS)])
    links = {a["href"]: a.get_text() for a in soup_of(site / "index.html").find_all("a")}
    assert links == {"00_setup.html": "Assignment 00 — Setting up a machine-learning application"}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_a_page_shows_no_solution_and_no_hidden_test(site, assignment):
    text = page_text(site / f"{assignment}.html")
    assert release_leaks(course.read_source(assignment), {"cells": [{"source": text}]}) == []
    assert "autograder.hidden" not in text


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_a_page_shows_the_released_code_the_checks_results_and_the_figures(site, grader, assignment):
    page = site / f"{assignment}.html"
    lines = {line.strip() for line in page_text(page).splitlines()}
    release = nbformat.read(grader.release_notebook(assignment), as_version=4)
    for cell in release.cells:
        if cell.cell_type == "code":
            assert {line.strip() for line in cell.source.splitlines()} <= lines, cell.source[:80]
    checks = [cell for cell in release.cells if course.is_grade_cell(cell)]
    assert len(re.findall(r"\d+/\d+ checks passed", page_text(page))) == len(checks)
    assert soup_of(page).find_all("img", src=re.compile("^data:image/png;base64,"))


def test_the_site_loads_nothing_from_the_network(site):
    for page in site.glob("*.html"):
        soup = soup_of(page)
        assert network_resources(soup) == [], page.name
        assert [script.get("src") for script in soup.find_all("script")] in ([], [mathjax.SCRIPT_NAME]), page.name


def test_every_relative_link_leads_to_a_file_of_the_site_and_an_anchor_in_it(site):
    ids = {page.name: {unquote(element["id"]) for element in soup_of(page).find_all(id=True)}
           for page in site.glob("*.html")}
    for page in site.glob("*.html"):
        for element in soup_of(page).find_all(["a", "link", "script", "img"]):
            target = element.get("href") or element.get("src")
            if not target or urlsplit(target).scheme:  # data: images, links to other sites
                continue
            path, fragment = urlsplit(target).path, unquote(urlsplit(target).fragment)
            assert (site / (path or page.name)).is_file(), (page.name, target)
            if fragment:
                assert fragment in ids[path or page.name], (page.name, target)


def test_page_leaks_finds_a_solution_line_in_an_output(grader):
    source = course.read_source("00_setup")
    notebook = nbformat.read(grader.release("00_setup"), as_version=4)
    assert page_leaks(source, notebook) == []
    solution_line = course.solution_lines(course.solution_cells(source)["split_dataset"])[-1]
    notebook.cells[-1].outputs = [nbformat.v4.new_output("error", ename="ValueError", evalue="",
                                                         traceback=["Traceback", f"    {solution_line}"])]
    assert page_leaks(source, notebook) == [f"the line {solution_line!r}"]


def test_a_release_whose_cells_do_not_match_the_source_is_refused(grader):
    release = nbformat.read(grader.release("00_setup"), as_version=4)
    del release.cells[3]
    with pytest.raises(SiteError, match="one for one"):
        site_notebook("00_setup", release)


@needs_chromium
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_a_page_renders_its_math_in_a_browser_with_no_network(site, assignment, tmp_path):
    assert unrendered_math(rendered_dom(site / f"{assignment}.html", tmp_path)) == []
