"""What assignment 08 needs of a real framework: PyTorch, when it is there.

The notebook builds its own automatic differentiation; this module holds none of it. Its
closing section compares the result with PyTorch, which is optional: it is installed with
``pip install -e .[frameworks]``, and without it the section prints one line and moves on.
"""

import importlib

from helpers import nn

#: The install command the notebook names when PyTorch is missing.
INSTALL_HINT = 'pip install -e ".[frameworks]"'


def import_torch():
    """The ``torch`` module, or None with a one-line note saying why the PyTorch cells are skipped.

    PyTorch is skipped where it is not installed, and while nbgrader grades the notebook
    (importing it would slow every submission down, and nothing graded needs it).
    """
    if nn.is_autograding():
        print("(autograder run: the PyTorch cells are skipped)")
        return None
    try:
        return importlib.import_module("torch")
    except ImportError:
        print(f"PyTorch is not installed, so the PyTorch cells below are skipped ({INSTALL_HINT} installs it).")
        return None
