"""Claims of the text of the notebook, tested against its results (see tests/claims/__init__.py)."""

CLAIMS = []
