"""nbgrader's own tools, run in a work folder, grade through the course's configuration as `course grade` does."""

import subprocess
import sys
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from traitlets.config.loader import PyFileConfigLoader

from autograder import submissions
from autograder.execute import GradingExecute
from autograder.pipeline import Course
from autograder.sandbox import bubblewrap

ASSIGNMENT = "00_setup"


def test_a_work_folder_config_turns_on_the_judge_and_the_sandbox_where_bubblewrap_is(tmp_path):
    Course(tmp_path)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(tmp_path)).load_config()
    assert config.CourseDirectory.root == str(tmp_path.resolve())
    assert GradingExecute in config.Autograde.autograde_preprocessors
    assert config.GradingKernelManager.isolated == (bubblewrap() is not None)


def test_nbgrader_autograde_in_the_work_folder_gives_the_scores_of_course_grade(tmp_path):
    work = tmp_path / "work"
    release_path = Course(work).release(ASSIGNMENT)
    examples = submissions.example_notebooks(ASSIGNMENT, release_path)
    for student, notebook in examples.items():
        folder = work / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
    nbgrader = Path(sys.executable).parent / "nbgrader"
    for step in ("autograde", "generate_feedback"):
        done = subprocess.run([str(nbgrader), step, ASSIGNMENT], cwd=work, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
    with Gradebook(f"sqlite:///{work / 'gradebook.db'}") as gradebook:
        by_nbgrader = {student: gradebook.find_submission(ASSIGNMENT, student).score for student in examples}
    assert (work / "feedback" / "perfect" / ASSIGNMENT / f"{ASSIGNMENT}.html").is_file()

    by_course = {}
    grader = Course(tmp_path / "course_grade")
    grader.release(ASSIGNMENT)
    for student in examples:
        path = work / "submitted" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        by_course[student] = grader.grade(student, ASSIGNMENT, path, feedback=False).score
    assert by_nbgrader == by_course
    assert by_course["perfect"] == 6 and by_course["untouched"] == 0 and 0 < by_course["mistakes"] < 6
