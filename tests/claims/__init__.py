"""What each notebook's text claims about its own results, and the code that tests it.

``tests/claims/<name>.py`` (``<name>`` as in ``autograder/hidden/``) holds ``CLAIMS``, a list of
``(quote, expression)`` pairs. ``quote`` is words of a markdown cell of the notebook, copied
exactly (line breaks and runs of spaces count as one space); ``expression`` is Python that is
true when what those words say holds, written with the notebook's own variables. The test
inserts each expression as a cell just before the markdown cell that holds its quote, runs
the whole notebook with its solutions, and fails for every claim that is false, raises, or
whose quote is no longer in the text.
"""

import importlib
import json
import re

import nbformat

from autograder import course

#: Printed by the last cell of a notebook with claims; the JSON list of outcomes follows it.
OUTCOMES_MARK = "claims outcomes:"


def claims_of(assignment):
    """The ``(quote, expression)`` pairs of ``assignment``."""
    return importlib.import_module(f"claims.{course.short_name(assignment)}").CLAIMS


def _plain(text):
    return re.sub(r"\s+", " ", text)


def with_claims(notebook, claims):
    """A copy of ``notebook`` with a cell testing each claim before the markdown cell quoting it.

    Raises ValueError naming the quotes that no markdown cell holds.
    """
    notebook = nbformat.from_dict(json.loads(json.dumps(notebook)))
    texts = [_plain(cell.source) if cell.cell_type == "markdown" else "" for cell in notebook.cells]
    missing = [quote for quote, _ in claims if not any(_plain(quote) in text for text in texts)]
    if missing:
        raise ValueError(f"quoted words no longer in the notebook: {missing}")
    before = {}
    for quote, expression in claims:
        index = next(i for i, text in enumerate(texts) if _plain(quote) in text)
        before.setdefault(index, []).append(nbformat.v4.new_code_cell(
            f"try:\n"
            f"    __claim_outcome = bool({expression})\n"
            f"except Exception as __error:\n"
            f"    __claim_outcome = f'{{type(__error).__name__}}: {{__error}}'\n"
            f"__claims_outcomes.append(({quote!r}, {expression!r}, __claim_outcome))"))
    cells = [nbformat.v4.new_code_cell("__claims_outcomes = []")]
    for index, cell in enumerate(notebook.cells):
        cells += before.get(index, []) + [cell]
    cells.append(nbformat.v4.new_code_cell(
        f"import json as __json\nprint({OUTCOMES_MARK!r}, __json.dumps(__claims_outcomes))"))
    notebook.cells = cells
    return notebook


def false_claims(executed):
    """``(quote, expression, outcome)`` of every claim of an executed ``with_claims`` notebook that did not hold."""
    text = "".join(output.get("text", "") for output in executed.cells[-1].outputs)
    outcomes = json.loads(text.split(OUTCOMES_MARK, 1)[1])
    return [tuple(outcome) for outcome in outcomes if outcome[2] is not True]
