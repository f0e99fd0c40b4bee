"""Seconds to autograde one submission: the course's grader against plain nbgrader, in one run.

Usage: ``python benchmarks/grading_speed.py [ASSIGNMENT ...] [--repeats N]``

For each assignment the *perfect* example submission is autograded ``--repeats`` times by
each of:

- **nbgrader**: nbgrader's own autograde with its default steps; the grade cells, hidden
  tests included, run in the student's kernel, unconfined;
- **course**: ``autograder.pipeline.Course`` as ``course grade`` runs it: the kernel in the
  bubblewrap sandbox (when bwrap is installed) under the memory limit, the grade cells judged
  in the grader's process over the wire.

Both autograde the same notebook with the same per-cell timeout and kernel arguments, one
BLAS thread each, in alternation (so a busy moment of the machine hits both); the table
shows the median of each and their ratio. Only the autograde step is timed: intake,
reading the gradebook and feedback are the same work either way.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import nbformat
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from autograder import course, submissions
from autograder.pipeline import DEFAULT_CELL_TIMEOUT, Course, nbgrader_config


def plain_nbgrader(work_dir):
    """nbgrader's API with nbgrader's own autograde steps, in the course's folders."""
    work_dir.mkdir(parents=True, exist_ok=True)
    config = Config()
    course_config = nbgrader_config(work_dir)
    config.CourseDirectory = course_config.CourseDirectory
    config.Execute.timeout = DEFAULT_CELL_TIMEOUT
    config.Execute.extra_arguments = course_config.Execute.extra_arguments
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def timed(autograde):
    started = time.perf_counter()
    outcome = autograde()
    if not outcome["success"]:
        raise RuntimeError(outcome.get("error"))
    return time.perf_counter() - started


def measure(assignment, repeats, work_dir):
    """Dict grader name -> list of autograde seconds for the perfect example of ``assignment``."""
    grader = Course(work_dir / "course")
    vanilla = plain_nbgrader(work_dir / "nbgrader")
    release = grader.release(assignment)
    vanilla.generate_assignment(assignment, force=True, create=True)
    notebook = work_dir / f"perfect_{assignment}.ipynb"
    nbformat.write(submissions.example_notebooks(assignment, release)["perfect"], notebook)
    target = Path(vanilla.coursedir.format_path("submitted", "perfect", assignment))
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(notebook, target / f"{assignment}.ipynb")
    grader.submit("perfect", assignment, notebook)
    times = {"nbgrader": [], "course": []}
    for _ in range(repeats):
        times["nbgrader"].append(timed(lambda: vanilla.autograde(assignment, "perfect", force=True, create=True)))
        times["course"].append(timed(lambda: grader.api.autograde(assignment, "perfect", force=True, create=True)))
    score = grader.read_result("perfect", assignment)
    if score.score != score.max_score - score.to_grade_by_hand:  # answers graded by hand are still pending
        raise RuntimeError(f"{assignment}: the perfect example scored {score.score}/{score.max_score}")
    return times


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("assignments", nargs="*", default=course.assignments())
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", module="nbgrader")  # the gradebook's own session warnings
    print(f"{'assignment':<22} {'nbgrader (s)':>12} {'course (s)':>11} {'ratio':>6}")
    ratios = []
    with tempfile.TemporaryDirectory(prefix="grading-speed-") as folder:
        for assignment in args.assignments:
            times = measure(assignment, args.repeats, Path(folder) / assignment)
            plain, ours = statistics.median(times["nbgrader"]), statistics.median(times["course"])
            ratios.append(ours / plain)
            print(f"{assignment:<22} {plain:>12.2f} {ours:>11.2f} {ours / plain:>6.2f}", flush=True)
    print(f"{'median ratio':<22} {'':>12} {'':>11} {statistics.median(ratios):>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
