"""Helpers for the tests of the course's HTML pages (feedback, site): what a page loads, and a
real browser, headless Chromium that reaches no host, to see the page as a reader does."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

#: Elements and attributes through which a page loads something.
RESOURCE_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
                       "video": "src", "audio": "src", "embed": "src", "object": "data"}
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: Marks a test that needs Chromium; it is skipped where there is none.
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")


def network_resources(soup):
    """What a page (parsed by BeautifulSoup) would load from the network: elements and styles
    that name an http(s) resource (an empty list when nothing)."""
    found = [str(element)[:120] for tag, attribute in RESOURCE_ATTRIBUTES.items()
             for element in soup.find_all(tag, attrs={attribute: True})
             if re.match(r"\s*(https?:)?//", element[attribute], re.IGNORECASE)]
    found += [style.get_text()[:120] for style in soup.find_all("style")
              if re.search(r"url\(\s*['\"]?\s*(https?:)?//|@import", style.get_text())]
    return found


def rendered_dom(page, profile_dir):
    """The page's DOM once its scripts ran (up to 15 s of page time), in a Chromium that resolves
    no host name, so that anything the page would fetch from the network fails."""
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile_dir}",
               "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=15000", "--dump-dom",
               Path(page).resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True).stdout


def unrendered_math(dom):
    """What a rendered page shows of its math that MathJax did not typeset: TeX errors and ``$``
    left in the text of markdown cells (an empty list when all math rendered)."""
    soup = BeautifulSoup(dom, "html.parser")
    if not soup.find_all("mjx-container"):
        return ["no math was typeset"]
    problems = [f"TeX error: {node.get('data-mjx-error') or node.get_text()}"
                for node in soup.select('[data-mml-node="merror"]')]
    for markdown in soup.select(".jp-RenderedMarkdown, .text_cell_render"):
        for typeset_or_code in markdown.find_all(["mjx-container", "code", "pre"]):
            typeset_or_code.decompose()
        problems += [f"raw TeX: {line.strip()[:100]}" for line in markdown.get_text().splitlines() if "$" in line]
    return problems
