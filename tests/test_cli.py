"""The command line answers --help and --version without importing the grader."""

import subprocess
import sys
from importlib.metadata import version


def run_cli(*arguments):
    script = ("import sys\nfrom autograder.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
              "print('imported:', sorted({'nbgrader', 'nbformat', 'numpy'} & set(sys.modules)))")
    return subprocess.run([sys.executable, "-c", script, *arguments], capture_output=True, text=True, check=True).stdout


def test_help_lists_the_commands_without_importing_the_grader():
    shown = run_cli("--help")
    for command in ("release", "grade", "export", "check", "report", "student-kit", "site", "demo"):
        assert command in shown
    assert "imported: []" in shown


def test_version_is_the_installed_distribution_s():
    assert f"course {version('improving-deep-neural-networks')}" in run_cli("--version")
