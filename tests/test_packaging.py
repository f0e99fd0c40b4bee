"""A regular (non-editable) install is the whole course: helpers, datasets, notebooks and grader, from any folder."""

import csv
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import nbformat
import pytest

from autograder import submissions

REPOSITORY = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A new virtual environment with the course's wheel installed in it, and an empty folder to work in.

    The environment borrows the test environment's dependencies (numpy, nbgrader, ...) through a
    ``.pth`` file, and their data files (nbconvert's templates) through ``JUPYTER_PATH``, instead of
    downloading them; the course itself comes only from the wheel.
    """
    root = tmp_path_factory.mktemp("installed")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(root / "wheel"),
                    str(REPOSITORY)], check=True, capture_output=True)
    environment = root / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True)
    python = environment / "bin" / "python"
    site_packages = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        check=True, capture_output=True, text=True).stdout.strip())
    (site_packages / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    wheel = next((root / "wheel").glob("*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True)
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    return environment / "bin", elsewhere


def run(bin_dir, cwd, *command):
    environment = dict(os.environ, JUPYTER_PATH=str(Path(sys.prefix) / "share" / "jupyter"))
    return subprocess.run([str(bin_dir / command[0]), *command[1:]], cwd=cwd, env=environment,
                          capture_output=True, text=True)


def test_the_installed_course_comes_from_the_wheel_not_the_repository(installed):
    bin_dir, elsewhere = installed
    where = run(bin_dir, elsewhere, "python", "-c", "import autograder, helpers.data as d; from autograder import "
                "course; print(autograder.__file__); print(d.data_dir()); print(course.SOURCE_DIR)")
    for line in where.stdout.split():
        assert Path(line).is_relative_to(bin_dir.parent) and not Path(line).is_relative_to(REPOSITORY)


def test_a_regular_install_releases_grades_and_checks_from_any_folder(installed):
    bin_dir, elsewhere = installed
    released = run(bin_dir, elsewhere, "course", "release", "00_setup")
    assert released.returncode == 0, released.stdout + released.stderr
    release_path = elsewhere / ".course_work" / "release" / "00_setup" / "00_setup.ipynb"
    assert release_path.is_file()
    assert (elsewhere / ".course_work" / "nbgrader_config.py").is_file()

    handed_in = elsewhere / "handed_in"
    handed_in.mkdir()
    for student, notebook in submissions.example_notebooks("00_setup", release_path).items():
        nbformat.write(notebook, handed_in / f"{student}_00_setup.ipynb")
    # The borrowed dependencies lie outside the new environment, where the sandbox shows
    # nothing; an environment that holds its own dependencies grades in the sandbox.
    graded = run(bin_dir, elsewhere, "course", "grade", "handed_in", "--sandbox", "off", "--jobs", "2")
    assert graded.returncode == 0, graded.stdout + graded.stderr
    with open(elsewhere / "grades.csv", newline="") as sheet:
        scores = {row["student"]: float(row["score"]) for row in csv.DictReader(sheet)}
    assert scores["perfect"] == 6 and scores["untouched"] == 0 and 0 < scores["mistakes"] < 6
    assert (elsewhere / ".course_work" / "feedback" / "perfect" / "00_setup" / "00_setup.html").is_file()

    checked = run(bin_dir, elsewhere, "course", "check", "handed_in/perfect_00_setup.ipynb", "--sandbox", "off")
    assert checked.returncode == 0 and "Total: 6 / 6" in checked.stdout, checked.stdout + checked.stderr


def test_a_regular_install_loads_datasets_from_any_folder(installed):
    bin_dir, elsewhere = installed
    loaded = run(bin_dir, elsewhere, "python", "-c", "import json, helpers.data as d; "
                 "print(json.dumps(d.load_dataset('circles')['X_train'].shape))")
    assert json.loads(loaded.stdout) == [2, 300]
