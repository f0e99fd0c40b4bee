"""Parallel efficiency of ``course grade --jobs N``: a batch graded one by one and N at a time, in one run.

Usage: ``python benchmarks/parallel_grading.py [--submissions 20] [--jobs 2] [--assignment 06_softmax]``

The batch alternates the *perfect* and *mistakes* examples of one assignment. It is graded
twice, with the same limits and feedback pages, into fresh work folders: once with
``--jobs 1`` and once with ``--jobs N``. Printed: both times, the speed-up and the parallel
efficiency, serial time / (N x parallel time) (1.0 would be perfect use of N cores).
"""

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

import nbformat

from autograder import submissions
from autograder.batch import GradesCsv, grade_batch
from autograder.pipeline import Course


def write_batch(folder, assignment, count):
    """``count`` example submissions of ``assignment`` in ``folder``; returns them as Submissions."""
    release = Course(folder / "release_work").release(assignment)
    examples = submissions.example_notebooks(assignment, release)
    found = []
    for number in range(count):
        kind = ("perfect", "mistakes")[number % 2]
        path = folder / f"student{number:02d}_{assignment}.ipynb"
        nbformat.write(examples[kind], path)
        found.append(submissions.Submission(f"student{number:02d}", assignment, path))
    return found


def seconds_to_grade(found, work_dir, jobs):
    grader = Course(work_dir)
    started = time.perf_counter()
    grade_batch(grader, found, GradesCsv(work_dir / "grades.csv", {item.assignment for item in found}), jobs=jobs)
    return time.perf_counter() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--assignment", default="06_softmax")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", module="nbgrader")  # the gradebook's own session warnings
    with tempfile.TemporaryDirectory(prefix="parallel-grading-") as folder:
        folder = Path(folder)
        found = write_batch(folder, args.assignment, args.submissions)
        serial = seconds_to_grade(found, folder / "serial", 1)
        parallel = seconds_to_grade(found, folder / "parallel", args.jobs)
    print(f"{args.submissions} submissions of {args.assignment}: one by one {serial:.1f} s, "
          f"{args.jobs} at a time {parallel:.1f} s; speed-up {serial / parallel:.2f}, "
          f"parallel efficiency {serial / (args.jobs * parallel):.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
