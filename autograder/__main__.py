"""``python -m autograder``: the same as the ``course`` command."""

import sys

from autograder.cli import main

if __name__ == "__main__":
    sys.exit(main())
