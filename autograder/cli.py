"""The instructor's command line: ``course release | grade | export | check | report | student-kit | site | demo``.

Run ``course --help`` (or ``python -m autograder --help``) for the options. Each command
imports the grader (nbgrader and its dependencies take seconds to import) when it runs,
so that ``--help`` and ``--version`` answer at once.
"""

import argparse
import os
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from autograder.limits import (
    DEFAULT_CELL_TIMEOUT,
    DEFAULT_MEMORY_LIMIT_MB,
    DEFAULT_NOTEBOOK_TIMEOUT,
    DEFAULT_WORK_DIR,
)

DISTRIBUTION = "improving-deep-neural-networks"


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    from autograder.pipeline import ReleaseError
    from autograder.site import SiteError
    try:
        return args.run(args) or 0
    except (ValueError, FileNotFoundError, FileExistsError, ReleaseError, SiteError) as error:
        print(f"error: {error}")
        return 2


def build_parser():
    parser = argparse.ArgumentParser(
        prog="course", description="Release, grade and check the notebooks of Improving Deep Neural Networks.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version(DISTRIBUTION)}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def add(name, run, help_text):
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(run=run)
        if name not in ("check", "report"):
            command.add_argument("--work-dir", type=Path, default=DEFAULT_WORK_DIR,
                                 help="folder for nbgrader's release, submitted, autograded and feedback folders "
                                      "and the gradebook (default: %(default)s)")
        if name in ("grade", "check", "demo"):
            command.add_argument("--timeout", type=int, default=DEFAULT_CELL_TIMEOUT,
                                 help="seconds one cell may run while grading (default: %(default)s)")
            command.add_argument("--notebook-timeout", type=int, default=DEFAULT_NOTEBOOK_TIMEOUT,
                                 help="seconds a whole notebook may run while grading (default: %(default)s)")
            command.add_argument("--memory-limit", type=int, default=DEFAULT_MEMORY_LIMIT_MB, metavar="MB",
                                 help="address space of one grading kernel (default: %(default)s)")
            command.add_argument("--sandbox", choices=["auto", "on", "off"], default="auto",
                                 help="run grading kernels in a bubblewrap sandbox: no network, no files but "
                                      "the submission's, the Python packages and the helpers; 'auto' uses it "
                                      "when bwrap is installed (default: %(default)s)")
        if name in ("grade", "demo"):
            command.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                                 help="notebooks graded at once on this machine, each in its own sandboxed "
                                      "kernel (default: the number of cores, %(default)s)")
            command.add_argument("--scheduler", metavar="ADDRESS",
                                 help="grade on the workers of a Dask cluster instead, for example "
                                      "tcp://host:8786 (see the README)")
        return command

    release = add("release", run_release, "Build the student notebooks and verify they give nothing away.")
    release.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: every assignment")

    grade = add("grade", run_grade, "Grade a folder or zip of submissions; write a grades CSV and feedback.")
    grade.add_argument("submissions", type=Path, help="folder or .zip: <student>/<assignment>/*.ipynb "
                                                      "or flat <student>_<assignment>.ipynb files")
    grade.add_argument("--assignment", help="the assignment of every flat <student>.ipynb file")
    grade.add_argument("--csv", type=Path, default=Path("grades.csv"),
                       help="where to write grades, a row as each submission is graded; the submissions it has "
                            "rows of already are skipped (default: %(default)s)")
    grade.add_argument("--force", action="store_true",
                       help="grade again the submissions the CSV has rows of, replacing those rows")
    grade.add_argument("--no-feedback", action="store_true", help="skip the HTML feedback")

    export = add("export", run_export, "Write the grades CSV again from the gradebook, with the answers graded "
                                       "by hand since (in nbgrader's Formgrader) counted.")
    export.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: every assignment")
    export.add_argument("--csv", type=Path, default=Path("grades.csv"),
                        help="the grades CSV whose rows of these submissions are replaced (default: %(default)s)")

    check = add("check", run_check, "Grade your own notebook locally, with the hidden tests, and see each exercise.")
    check.add_argument("notebook", type=Path)
    check.add_argument("--assignment", help="default: guessed from the notebook's file name and cells")

    report = add("report", run_report, "Measure the grader: do the known-wrong versions of every graded "
                                       "function lose points, and the valid rewrites keep them?")
    report.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: every assignment")

    kit = add("student-kit", run_student_kit, "Write the student kit: the helpers, the datasets and the released "
                                              "notebooks, without anything of the grader.")
    kit.add_argument("target", type=Path, help="a new folder")

    site = add("site", run_site, "Build the course site: every assignment as a page with its outputs, figures "
                                 "and math, without solutions or hidden tests; it needs no network.")
    site.add_argument("directory", type=Path, help="the site's folder")
    site.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: every assignment")

    demo = add("demo", run_demo, "Release every assignment, grade generated example submissions, print the table.")
    demo.add_argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: every assignment")
    return parser


# ----- release ------------------------------------------------------------------------
def run_release(args):
    from autograder import course
    from autograder.pipeline import Course
    grader = Course(args.work_dir)
    for assignment in args.assignments or course.assignments():
        path = grader.release(assignment)
        print(f"released {assignment}: {path} (no solution or hidden test text found)")


# ----- grade ----------------------------------------------------------------------------
def run_grade(args):
    from autograder import submissions
    from autograder.batch import GradesCsv, grade_batch
    found = submissions.find_submissions(args.submissions, args.assignment)
    if not found:
        raise FileNotFoundError(f"No .ipynb files in {args.submissions}.")
    sheet = GradesCsv(args.csv, {item.assignment for item in found})
    to_grade = found if args.force else [item for item in found if not sheet.has_row(item)]
    if len(to_grade) < len(found):
        print(f"skipped {len(found) - len(to_grade)} of {len(found)} submissions: {args.csv} has their rows "
              f"already (--force grades them again)")
    if not to_grade:
        return
    grader = grading_course(args, args.work_dir)
    try:
        results = grade_batch(grader, to_grade, sheet, feedback=not args.no_feedback, jobs=args.jobs,
                              scheduler=args.scheduler)
    except KeyboardInterrupt:
        print(f"\ninterrupted: {args.csv} has the rows of the submissions graded so far; "
              f"the same command grades the rest")
        return 130
    print(format_results(results))
    print(f"\ngrades: {args.csv}")
    if not args.no_feedback:
        print(f"feedback: {grader.work_dir / 'feedback'}/<student>/<assignment>/<assignment>.html")


# ----- export ---------------------------------------------------------------------------------
def run_export(args):
    from autograder import course
    from autograder.batch import GradesCsv
    from autograder.pipeline import Course
    results = Course(args.work_dir).graded_results(args.assignments or course.assignments())
    if not results:
        raise FileNotFoundError(f"{args.work_dir} has no graded submission of {', '.join(args.assignments or ['any assignment'])}.")
    sheet = GradesCsv(args.csv, {result.assignment for result in results})
    sheet.begin(results)
    for result in results:
        sheet.add(result)
    print(format_results(results))
    print(f"\ngrades: {args.csv}")


def grading_course(args, work_dir, others_code=True):
    """The Course that grades with the command's limits and sandbox choice.

    When it grades ``others_code`` (students' work, not one's own) without the sandbox, it says so.
    """
    from autograder.pipeline import Course
    grader = Course(work_dir, cell_timeout=args.timeout, isolated={"auto": None, "on": True, "off": False}[args.sandbox],
                    memory_limit_mb=args.memory_limit, notebook_timeout=args.notebook_timeout)
    if others_code and not grader.isolated:
        print("note: grading without the sandbox: student code can read this machine's files and use the "
              "network (install bubblewrap, or see the README)")
    return grader


def format_results(results):
    """The grade table printed after grading: one line per submission, then its lost points."""
    width = max([len(r.student) for r in results] + [7])
    lines = [f"{'student':<{width}}  {'assignment':<22} {'score':>11}", "-" * (width + 36)]
    for r in results:
        by_hand = f"  ({r.to_grade_by_hand:g} to grade by hand)" if r.to_grade_by_hand else ""
        lines.append(f"{r.student:<{width}}  {r.assignment:<22} {r.score:>5g} / {r.max_score:<3g}{by_hand}")
        if r.error:
            lines.append(f"{'':<{width}}    ! {r.error}")
        else:
            for e in r.exercises:
                if e.reason:
                    score = "?" if e.pending else f"{e.score:g}"
                    lines.append(f"{'':<{width}}    - {e.name} ({score}/{e.max_score:g}): {e.reason}")
        lines += [f"{'':<{width}}    * {note}" for note in r.notes]
    return "\n".join(lines)


# ----- check ---------------------------------------------------------------------------------
def run_check(args):
    assignment = args.assignment or guess_assignment(args.notebook)
    with tempfile.TemporaryDirectory(prefix="course-check-") as work_dir:
        grader = grading_course(args, work_dir, others_code=False)
        grader.release(assignment)
        print(f"Grading {args.notebook} as {assignment} (this runs the whole notebook) ...")
        result = grader.grade("me", assignment, args.notebook, feedback=False)
    for e in result.exercises:
        mark = "ok  " if not e.reason else "todo" if e.pending else "FAIL"
        print(f"  {mark}  {e.name:<34} {e.score:g}/{e.max_score:g}  {e.reason}")
    if result.error and not result.exercises:
        print(f"  {result.error}")
    if "test_accuracy" in result.measures:
        print(f"  test accuracy on a held-out set drawn for this check: {result.measures['test_accuracy']:.1%}")
    by_hand = f" ({result.to_grade_by_hand:g} more to grade by hand)" if result.to_grade_by_hand else ""
    print(f"Total: {result.score:g} / {result.max_score - result.to_grade_by_hand:g}{by_hand}")
    full = result.score == result.max_score - result.to_grade_by_hand
    return 0 if full and result.max_score > 0 else 1


def guess_assignment(path):
    """The assignment whose name the file carries, else the one whose answer cells it holds."""
    from autograder import course, submissions
    known = course.assignments()
    for name in sorted(known, key=len, reverse=True):
        if name in Path(path).stem:
            return name
    found = submissions.assignment_of(submissions.read_notebook(path), known)
    if found:
        return found
    raise ValueError(f"Cannot tell which assignment {path} is; pass --assignment (one of {', '.join(known)}).")


# ----- report ---------------------------------------------------------------------------------
def run_report(args):
    from autograder import accuracy, course
    text, all_right = accuracy.report(args.assignments or course.assignments())
    print(text)
    return 0 if all_right else 1


# ----- student kit ---------------------------------------------------------------------------
def run_student_kit(args):
    from autograder import student_kit
    from autograder.pipeline import Course
    path = student_kit.build_student_kit(args.target, Course(args.work_dir))
    print(f"student kit: {path} (helpers, datasets and released notebooks; checked: no solution, hidden test "
          f"or grader file)\ninstall it with: pip install {path}")


# ----- site --------------------------------------------------------------------------------
def run_site(args):
    from autograder.site import build_site
    print(f"site: {build_site(args.directory, args.work_dir, args.assignments or None)}")


# ----- demo --------------------------------------------------------------------------------
def run_demo(args):
    import nbformat

    from autograder import course, submissions
    from autograder.batch import GradesCsv, grade_batch
    grader = grading_course(args, args.work_dir)
    examples_dir = grader.work_dir / "examples"
    examples_dir.mkdir(exist_ok=True)
    found = []
    for assignment in args.assignments or course.assignments():
        release_path = grader.release(assignment)
        print(f"released {assignment}")
        for student, notebook in submissions.example_notebooks(assignment, release_path).items():
            path = examples_dir / f"{student}_{assignment}.ipynb"
            nbformat.write(notebook, path)
            found.append(submissions.Submission(student, assignment, path))
    grades = grader.work_dir / "demo_grades.csv"
    results = grade_batch(grader, found, GradesCsv(grades, {item.assignment for item in found}), jobs=args.jobs,
                          scheduler=args.scheduler)
    print()
    print(format_results(results))
    print(f"\ngrades: {grades}")
    print(f"feedback: {grader.work_dir / 'feedback'}")


if __name__ == "__main__":
    sys.exit(main())
