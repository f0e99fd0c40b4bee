"""The grading pipeline: nbgrader configured for this course and driven through its API.

All of nbgrader's step folders (``release``, ``submitted``, ``autograded``,
``feedback``) and the SQLite gradebook live in one work folder (by default
``.course_work/`` in the current folder); the source notebooks stay where the course
is installed (``course.SOURCE_DIR``).
"""

import logging
import os
import re
import shutil
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute, SaveAutoGrades
from sqlalchemy.exc import SAWarning
from traitlets.config import Config

from autograder import course, feedback, held_out, submissions
from autograder.execute import GradingExecute, measures_of
from autograder.limits import (
    DEFAULT_CELL_TIMEOUT,
    DEFAULT_MEMORY_LIMIT_MB,
    DEFAULT_NOTEBOOK_TIMEOUT,
    DEFAULT_WORK_DIR,
)
from autograder.sandbox import bubblewrap

#: Names a submitted file or folder may not carry into the grading folder: a module
#: next to the notebook would shadow the library the notebook imports.
IGNORED_SUBMITTED_FILES = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.py", "*.pth", "*.so",
                           "helpers", "autograder", "numpy", "matplotlib", "h5py", "tqdm", "nbgrader", "IPython"]


def nbgrader_config(work_dir, cell_timeout=DEFAULT_CELL_TIMEOUT, isolated=False,
                    memory_limit_mb=DEFAULT_MEMORY_LIMIT_MB, notebook_timeout=DEFAULT_NOTEBOOK_TIMEOUT):
    """The nbgrader configuration of this course, with every generated file under ``work_dir``.

    ``isolated`` runs grading kernels in the bubblewrap sandbox; ``memory_limit_mb`` and
    ``notebook_timeout`` bound one kernel's memory and one notebook's run time.
    """
    work_dir = Path(work_dir).resolve()
    c = Config()
    c.CourseDirectory.root = str(work_dir)
    c.CourseDirectory.source_directory = str(course.SOURCE_DIR)
    c.CourseDirectory.db_url = f"sqlite:///{work_dir / 'gradebook.db'}"
    c.CourseDirectory.ignore = IGNORED_SUBMITTED_FILES
    c.Execute.timeout = cell_timeout
    c.Autograde.autograde_preprocessors = [GradingExecute if step is Execute else step
                                           for step in Autograde().autograde_preprocessors]
    c.GradingExecute.notebook_timeout = notebook_timeout
    c.GradingExecute.work_dir = str(work_dir)
    c.GradingKernelManager.isolated = isolated
    c.GradingKernelManager.memory_limit_mb = memory_limit_mb
    c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"]
    # A cell that swallows the interrupt must not crash the whole run.
    c.Execute.raise_on_iopub_timeout = False
    # A student who deleted a grade cell gets it back (and its tests run) instead of a silent 0.
    c.OverwriteCells.add_missing_cells = True
    # Feedback shows the grade cells without their hidden-test block.
    c.GenerateFeedback.preprocessors = ["nbgrader.preprocessors.GetGrades",
                                        "nbgrader.preprocessors.ClearHiddenTests",
                                        "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor"]
    # Feedback shows what a student wrote as text, never as a script, and typesets its math
    # offline, with the MathJax inside the page (see autograder.feedback). Only the feedback's
    # exporter takes the course's templates: the Formgrader's pages script nbconvert's MathJax 2.
    c.HTMLExporter.filters = feedback.FILTERS
    c.GenerateFeedback.HTMLExporter.extra_template_basedirs = feedback.TEMPLATE_BASEDIRS
    c.HTMLExporter.sanitize_html = True
    return c


#: The ``nbgrader_config.py`` every work folder gets: nbgrader's own tools run in that folder
#: then grade as ``course grade`` does.
NBGRADER_CONFIG_FILE = """\
# nbgrader's configuration for this work folder of the course, written by the `course` command.
# nbgrader's own tools run in this folder (`nbgrader autograde ASSIGNMENT`, `nbgrader
# generate_feedback ASSIGNMENT`, the Formgrader of a `jupyter lab` started here) grade as
# `course grade` does: the judge outside the student's kernel, the course's limits, and the
# bubblewrap sandbox when bubblewrap is installed.
from autograder.pipeline import work_folder_config

c = get_config()  # noqa: F821 (defined by the loader of nbgrader's configuration files)
c.merge(work_folder_config(__file__))  # noqa: F821
"""


def work_folder_config(config_file):
    """The configuration a work folder's ``nbgrader_config.py`` (at ``config_file``) gives nbgrader's tools:
    the course's defaults, the sandbox when bubblewrap is installed."""
    _put_interpreter_on_path()
    _single_threaded_kernels()
    return nbgrader_config(Path(config_file).parent, isolated=bubblewrap() is not None)


class Course:
    """One work folder of the course: release, grading and feedback, through nbgrader's API.

    Arguments:
        work_dir -- the folder that holds nbgrader's step folders and gradebook
        cell_timeout -- seconds one cell may run while grading
        isolated -- run each grading kernel in the bubblewrap sandbox; None: when bubblewrap is installed
        memory_limit_mb, notebook_timeout -- a grading kernel's memory, a notebook's total run time
    """

    def __init__(self, work_dir=DEFAULT_WORK_DIR, cell_timeout=DEFAULT_CELL_TIMEOUT, isolated=None,
                 memory_limit_mb=DEFAULT_MEMORY_LIMIT_MB, notebook_timeout=DEFAULT_NOTEBOOK_TIMEOUT):
        self.work_dir = Path(work_dir).resolve()
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.isolated = bubblewrap() is not None if isolated is None else isolated
        if self.isolated and bubblewrap() is None:
            raise ValueError("Isolated grading needs bubblewrap (the bwrap program): "
                             "install it, for example with 'apt install bubblewrap'.")
        #: The limits of this grader, as keyword arguments: a grader built elsewhere with them grades alike.
        self.limits = dict(cell_timeout=cell_timeout, isolated=self.isolated, memory_limit_mb=memory_limit_mb,
                           notebook_timeout=notebook_timeout)
        _put_interpreter_on_path()
        _single_threaded_kernels()
        config = nbgrader_config(self.work_dir, cell_timeout, self.isolated, memory_limit_mb, notebook_timeout)
        self.coursedir = CourseDirectory(config=config)
        self.api = NbGraderAPI(coursedir=self.coursedir, config=config)
        self.api.log.setLevel(logging.ERROR)
        config_file = self.work_dir / "nbgrader_config.py"
        if not config_file.is_file() or config_file.read_text(encoding="utf-8") != NBGRADER_CONFIG_FILE:
            config_file.write_text(NBGRADER_CONFIG_FILE, encoding="utf-8")

    # ----- folders ------------------------------------------------------------------
    def step_dir(self, step, assignment, student="."):
        """Folder of one step: ``release/<assignment>`` or ``<step>/<student>/<assignment>``."""
        return Path(self.coursedir.format_path(step, student, assignment))

    def release_notebook(self, assignment):
        return self.step_dir(self.coursedir.release_directory, assignment) / f"{assignment}.ipynb"

    def gradebook(self):
        return Gradebook(self.coursedir.db_url)

    # ----- release --------------------------------------------------------------------
    def release(self, assignment):
        """Build the student version of ``assignment`` and verify it gives nothing away.

        Returns the path of the released notebook; raises ReleaseError on any problem. An assignment
        graded on a held-out set (the capstone) gets one in this work folder, if it has none yet.
        """
        if assignment in held_out.JUDGED:
            held_out.ensure(self.work_dir)  # before any worker starts from this folder's files
        result = self.api.generate_assignment(assignment, force=True, create=True)
        if not result["success"]:
            raise ReleaseError(f"{assignment}: nbgrader could not generate the release:\n{result.get('error', '')}")
        path = self.release_notebook(assignment)
        problems = release_leaks(course.read_source(assignment), nbformat.read(path, as_version=4))
        if problems:
            raise ReleaseError(f"{assignment}: the release gives away\n  " + "\n  ".join(problems))
        return path

    # ----- grading ----------------------------------------------------------------------
    def submit(self, student, assignment, notebook_path):
        """Place one student's notebook in ``submitted/``, laid out as the release.

        Only the notebook is copied, never files beside it. Returns the list of what had to
        be put right in it (see ``submissions.rebuild``); raises UngradableSubmission when
        the file is not a notebook that passes ``submissions.read_notebook``'s checks or is
        another assignment's.
        """
        target_dir = self.step_dir(self.coursedir.submitted_directory, assignment, student)
        if target_dir.exists():
            shutil.rmtree(target_dir)
        target_dir.mkdir(parents=True)
        try:
            notebook = submissions.read_notebook(notebook_path)
        except submissions.InvalidNotebook as problem:  # say why, grade nothing
            raise UngradableSubmission(str(problem))
        other = submissions.assignment_of(notebook)
        if other not in (None, assignment):
            raise UngradableSubmission(f"this is the notebook of {other}, not of {assignment}")
        notebook, repairs = submissions.rebuild(notebook, nbformat.read(self.release_notebook(assignment), as_version=4))
        nbformat.write(notebook, target_dir / f"{assignment}.ipynb")
        return [f"put right before grading: {repair}" for repair in repairs]

    def autograde(self, student, assignment):
        """Run nbgrader's autograde for one submission and read back its result."""
        try:
            with warnings.catch_warnings():
                # nbgrader's own gradebook session code warns on first use; it is not ours to fix.
                warnings.simplefilter("ignore", SAWarning)
                outcome = self.api.autograde(assignment, student, force=True, create=True)
        except Exception as error:  # nbgrader itself failed on this submission; the batch goes on
            outcome = {"success": False, "error": f"{type(error).__name__}: {error}"}
        if not outcome["success"]:
            if _last_line(outcome.get("error", "")).startswith("KeyboardInterrupt"):
                raise KeyboardInterrupt  # nbgrader catches even Ctrl-C; it must stop the batch
            return self.failed_result(student, assignment, autograde_failure_reason(outcome))
        return self.read_result(student, assignment)

    def shared_files(self):
        """Dict relative path -> bytes of this folder's files that grading reads (the held-out set, when made)."""
        path = held_out.path_in(self.work_dir)
        return {str(held_out.RELATIVE_PATH): path.read_bytes()} if path.is_file() else {}

    def graded_files(self, student, assignment):
        """Dict relative path -> bytes of what grading one submission left in the step folders
        (the submitted and the autograded notebook, the feedback page when there is one)."""
        files = {}
        for step in (self.coursedir.submitted_directory, self.coursedir.autograded_directory,
                     self.coursedir.feedback_directory):
            folder = self.step_dir(step, assignment, student)
            for path in sorted(folder.glob("*")) if folder.is_dir() else []:
                if path.is_file() and not path.is_symlink():
                    files[str(path.relative_to(self.work_dir))] = path.read_bytes()
        return files

    def record(self, student, assignment, files):
        """Take in one submission graded by another Course: write its ``graded_files`` here and
        save its grades to this gradebook as nbgrader's autograde saves them."""
        for relative, data in files.items():
            path = self.work_dir / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        notebook_path = self.step_dir(self.coursedir.autograded_directory, assignment, student) / f"{assignment}.ipynb"
        resources = {"nbgrader": {"notebook": assignment, "assignment": assignment, "student": student,
                                  "db_url": self.coursedir.db_url}}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SAWarning)  # nbgrader's own gradebook session code, as in autograde
            with self.gradebook() as gradebook:
                gradebook.update_or_create_student(student)
                gradebook.update_or_create_submission(assignment, student)
            SaveAutoGrades().preprocess(nbformat.read(notebook_path, as_version=4), resources)

    def generate_feedback(self, student, assignment):
        """Write the HTML feedback of one graded submission; return its path or None."""
        outcome = self.api.generate_feedback(assignment, student, force=True)
        path = self.step_dir(self.coursedir.feedback_directory, assignment, student) / f"{assignment}.html"
        return path if outcome["success"] and path.is_file() else None

    def read_result(self, student, assignment):
        """Scores of each grade cell from the gradebook, with the reason for every lost point.

        An answer graded by hand that has no grade yet is ``pending``: it counts in the maximum,
        not in the score. The measures the checks gave (the capstone's test accuracy) come along.
        """
        notebook_path = self.step_dir(self.coursedir.autograded_directory, assignment, student) / f"{assignment}.ipynb"
        graded = nbformat.read(notebook_path, as_version=4)
        reasons = failure_reasons(graded)
        source = course.read_source(assignment)
        order = list(course.graded_cells(source))
        result = SubmissionResult(student, assignment)
        written = course.manual_cells(source)
        for cell in graded.cells:
            if course.is_grade_cell(cell):
                result.measures.update(measures_of(cell))
        with self.gradebook() as gradebook:
            submission = gradebook.find_submission_notebook(assignment, assignment, student)
            for grade in sorted(submission.grades, key=lambda g: order.index(g.name) if g.name in order else len(order)):
                pending = bool(grade.needs_manual_grade) and grade.manual_score is None
                score = 0.0 if pending else float(grade.score)
                reason = ("to grade by hand (nbgrader's Formgrader), then course export" if pending else
                          "" if score >= grade.max_score else
                          reasons.get(grade.name, "not answered" if grade.name in written else "lost points"))
                result.exercises.append(ExerciseResult(course.exercise_name(grade.name), score,
                                                       float(grade.max_score), reason, pending))
        return result

    def graded_results(self, assignments):
        """The result of every submission of ``assignments`` this work folder has graded, read from its
        gradebook: the grades given by hand since (in nbgrader's Formgrader) included."""
        results = []
        with self.gradebook() as gradebook:
            graded = [(submission.student_id, assignment) for assignment in assignments
                      if assignment in {a.name for a in gradebook.assignments}
                      for submission in gradebook.assignment_submissions(assignment)]
        for student, assignment in sorted(graded):
            autograded = self.step_dir(self.coursedir.autograded_directory, assignment, student) / f"{assignment}.ipynb"
            if autograded.is_file():
                results.append(self.read_result(student, assignment))
        return results

    def failed_result(self, student, assignment, reason):
        """A zero on every exercise of ``assignment``, each with ``reason``."""
        result = SubmissionResult(student, assignment, error=reason)
        for grade_id, points in course.graded_cells(course.read_source(assignment)).items():
            result.exercises.append(ExerciseResult(course.exercise_name(grade_id), 0.0, points, reason))
        return result

    def grade(self, student, assignment, notebook_path, feedback=True):
        """Submit, autograde and (optionally) write feedback for one notebook.

        Never raises but KeyboardInterrupt: a file that cannot be graded, or a failure of the
        grader itself at any step, gives zero on every exercise and the reason.
        """
        try:
            repairs = self.submit(student, assignment, notebook_path)
            result = self.autograde(student, assignment)
            result.notes[:0] = repairs
            if feedback and result.error is None:
                result.feedback = self.generate_feedback(student, assignment)
            return result
        except UngradableSubmission as problem:
            return self.failed_result(student, assignment, str(problem))
        except Exception as error:  # a bug or a surprise of the grader's: this submission only
            return self.failed_result(student, assignment, f"the grader failed on this submission "
                                                           f"({type(error).__name__}: {_first_line(error)})")


class ReleaseError(Exception):
    """The release could not be built, or it would give away solutions or hidden tests."""


class UngradableSubmission(Exception):
    """A submitted file that cannot be graded as the assignment it was handed in for; says why."""


@dataclass
class ExerciseResult:
    name: str
    score: float
    max_score: float
    reason: str = ""
    #: An answer graded by hand that has no grade yet.
    pending: bool = False


@dataclass
class SubmissionResult:
    student: str
    assignment: str
    error: str | None = None
    exercises: list = field(default_factory=list)
    feedback: Path | None = None
    #: What the grader put right or restored in the submission (for the instructor to review).
    notes: list = field(default_factory=list)
    #: What the checks measured, name -> number (the capstone's ``test_accuracy``).
    measures: dict = field(default_factory=dict)

    @property
    def score(self):
        return sum(e.score for e in self.exercises)

    @property
    def max_score(self):
        return sum(e.max_score for e in self.exercises)

    @property
    def to_grade_by_hand(self):
        """The points of the answers still to grade by hand."""
        return sum(e.max_score for e in self.exercises if e.pending)


def release_leaks(source, release):
    """What the release shows of the solutions or hidden tests (an empty list when nothing).

    Arguments: source, release -- the source and released notebooks (dicts or nbformat nodes).
    A solution line counts when it is long enough to be specific (at least 12 characters).
    """
    text = "\n".join(cell["source"] for cell in release["cells"])
    problems = [f"the marker {marker!r}" for marker in
                (course.SOLUTION_BEGIN, course.SOLUTION_END, course.HIDDEN_BEGIN, course.HIDDEN_END) if marker in text]
    released_lines = {line.strip() for line in text.split("\n")}
    for cell in source["cells"]:
        for line in course.solution_lines(cell["source"]) + course.hidden_test_lines(cell["source"]):
            if len(line) >= 12 and not line.startswith("#") and line in released_lines:
                problems.append(f"the line {line!r}")
    return list(dict.fromkeys(problems))


def failure_reasons(notebook):
    """Dict grade_id -> why that grade cell failed, read from its outputs."""
    reasons = {}
    for cell in notebook.cells:
        if not course.is_grade_cell(cell):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        stderr = [o for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr"]
        if errors:
            name, value = errors[0].get("ename", "Error"), _first_line(errors[0].get("evalue", ""))
            if name == "NotImplementedError" or "NotImplementedError" in value:
                reasons[course.nbgrader_meta(cell)["grade_id"]] = "not attempted (NotImplementedError)"
            elif name == "CellTimeoutError":
                reasons[course.nbgrader_meta(cell)["grade_id"]] = "the cell ran past the time limit"
            else:
                stdout = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stdout")
                first_fail = next((line.strip() for line in stdout.split("\n") if line.strip().startswith("FAIL")), "")
                detail = first_fail.removeprefix("FAIL").strip() if name == "CheckFailed" and first_fail else value
                reasons[course.nbgrader_meta(cell)["grade_id"]] = f"{name}: {detail}" if detail else name
        elif stderr:
            reasons[course.nbgrader_meta(cell)["grade_id"]] = \
                "wrote to stderr (a warning?), which nbgrader counts as a failure: " + _first_line(stderr[0].get("text", ""))
        elif any(o.get("output_type") == "execute_result" for o in cell.get("outputs", [])):  # part of the points
            stdout = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stdout")
            reasons[course.nbgrader_meta(cell)["grade_id"]] = _last_line(stdout) if stdout.strip() else "part of the points"
    return reasons


def autograde_failure_reason(outcome):
    """Why nbgrader could not grade a submission, from its error and log texts, in one line."""
    text = f"{outcome.get('log', '')}\n{outcome.get('error', '')}"
    if "DeadKernelError" in text:
        return "the notebook's kernel died while it ran (the code exited Python, crashed it or ran out of memory)"
    errors = [line.strip() for line in text.split("\n")
              if re.match(r"^\s*[\w.]+(Error|Exception): ", line) and "NbGraderException" not in line]
    return f"autograde failed: {errors[-1][:300] if errors else _last_line(outcome.get('error', ''))}"


def _first_line(text):
    text = str(text).strip()
    return text.split("\n")[0][:200] if text else ""


def _last_line(text):
    lines = [line for line in str(text).strip().split("\n") if line.strip()]
    return lines[-1][:300] if lines else "unknown error"


def _single_threaded_kernels():
    """Grading kernels inherit this environment: one BLAS thread each keeps cell times steady."""
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(variable, "1")


def _put_interpreter_on_path():
    """nbgrader runs alembic as a subprocess: this interpreter's bin/ must be on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
