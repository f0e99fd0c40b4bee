r"""The MathJax of the course's pages, from an installed package: math renders with no network.

MathJax 3.2.2 comes from the PyPI package ``django-static-mathjax`` (MathJax's own build,
no dependencies; it installs as the importable package ``mathjax``). The pages use its
``tex-svg-full`` component: its SVG output draws the glyphs from data inside the script, so
one file is all a page needs. A feedback page holds that file inline and travels alone (by
mail, or through nbgrader's exchange, which copies only the ``.html``); the course site
keeps one copy beside its pages.

The configuration typesets ``$...$`` and ``$$...$$`` as Jupyter does, with the TeX packages
JupyterLab has (``textmacros`` makes ``\texttt{keep\_prob}`` show an underscore), less
``require`` and ``autoload``, which fetch code. The context menu is off: its speech and
explorer options fetch code too. MathJax's ``ui/safe`` filter keeps what math in a student's
markdown could put into the page in check (``\href{javascript:...}``, styles, ids).
"""

import re
import shutil
from functools import cache
from html import escape
from importlib.resources import files
from pathlib import Path

#: MathJax's configuration, read by the script when it starts.
CONFIGURATION = r"""window.MathJax = {
  tex: {
    inlineMath: [["$", "$"], ["\\(", "\\)"]],
    displayMath: [["$$", "$$"], ["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
    packages: {"[-]": ["require", "autoload"]}
  },
  svg: {fontCache: "global"},
  options: {enableMenu: false}
};"""
#: The name of the script in a folder made by :func:`write`.
SCRIPT_NAME = "mathjax.js"


def _distribution():
    """The folder of MathJax's files in the installed ``mathjax`` package."""
    return files("mathjax") / "static" / "mathjax"


@cache
def script():
    """The JavaScript that typesets a page's math: the configuration, MathJax, its safe filter.

    The safe filter runs in the same script as MathJax, so it is in place before MathJax
    typesets anything (MathJax starts once the script has run).
    """
    es5 = _distribution() / "es5"
    text = "\n".join([CONFIGURATION, (es5 / "tex-svg-full.js").read_text(encoding="utf-8"),
                      (es5 / "ui" / "safe.js").read_text(encoding="utf-8")])
    if re.search(r"</?script", text, flags=re.IGNORECASE):
        raise RuntimeError("this MathJax cannot go inside a <script> element: it contains a script tag")
    return text


def script_element(src=""):
    """The page's MathJax as one ``<script>`` element: loading ``src`` (a relative URL of the
    script :func:`write` made) or, when ``src`` is empty, with the script inside."""
    if src:
        return f'<script src="{escape(src)}"></script>'
    return f"<script>\n{script()}\n</script>"


def write(directory):
    """Put the script and MathJax's licence into ``directory``; return the script's path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / SCRIPT_NAME
    path.write_text(script(), encoding="utf-8")
    with (_distribution() / "LICENSE").open("rb") as licence, open(directory / "MATHJAX-LICENSE", "wb") as copy:
        shutil.copyfileobj(licence, copy)
    return path
