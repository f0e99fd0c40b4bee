"""The feedback page shows what a student wrote as text, never as a script.

nbgrader's feedback template renders markdown cells with nbconvert's ``markdown2html``,
which passes raw HTML (``<script>``, ``<img onerror=...>``) and ``javascript:`` links
through, and it ignores nbconvert's ``sanitize_html`` for them. The course's
configuration (``pipeline.nbgrader_config``) therefore replaces that filter with
:func:`markdown2html` and turns ``sanitize_html`` on for cell outputs. The course's own
markdown has no raw HTML, so it renders exactly as before: math, tables, code, emphasis.

Its math renders with no network: for the feedback's exporter, the course's templates
(``autograder/templates``, searched before nbgrader's) replace nbconvert's MathJax 2 from a
CDN with the MathJax of :mod:`autograder.mathjax`, inside the page. The Formgrader's pages
keep nbconvert's: their script calls MathJax 2. The course site renders its pages alike.
"""

from html import escape
from pathlib import Path

import nbgrader
from jinja2 import pass_context
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

#: The course's templates: ``base/mathjax.html.j2`` (MathJax from the installed package) and
#: the site's page layout.
TEMPLATES = Path(__file__).with_name("templates")
#: Where nbconvert's HTMLExporter finds the course's pages' templates: the course's own, then
#: nbgrader's (its feedback page), then nbconvert's.
TEMPLATE_BASEDIRS = [str(TEMPLATES),
                     str(Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates")]
#: HTMLExporter's filters for the course's pages: markdown as text, never as a script, and the
#: page's MathJax.
FILTERS = {"markdown2html": "autograder.feedback.markdown2html", "mathjax_script": "autograder.mathjax.script_element"}


class SafeRenderer(IPythonRenderer):
    """nbconvert's markdown renderer with raw HTML escaped and links only to safe protocols."""

    def __init__(self, **kwargs):
        super().__init__(escape=True, allow_harmful_protocols=False, **kwargs)

    def block_mermaidjs(self, code):
        """A mermaid diagram with its source escaped (nbconvert puts it into the page as it is)."""
        return super().block_mermaidjs(escape(code))


@pass_context
def markdown2html(context, source):
    """Markdown to HTML as nbconvert renders it, with raw HTML shown as text and harmful links
    (``javascript:``, ``data:text/html``, ...) replaced by ``#harmful-link``."""
    renderer = SafeRenderer(attachments=context.get("cell", {}).get("attachments", {}))
    return MarkdownWithMath(renderer=renderer).render(source)
