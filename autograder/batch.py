"""A batch of submissions: graded one after another, in parallel on this machine, or on a Dask cluster.

This is the one place that takes the submissions found and yields their results, for
``course grade``, ``course demo`` and the workers alike. With several workers, each worker
process grades in a Course of its own (its own folders and gradebook, so no two processes
ever write one SQLite file) and sends back the result and the files grading left (the
submitted and autograded notebooks, the feedback page). The coordinating process alone
writes them into the course's work folder, saves the grades to its gradebook as nbgrader's
autograde does, and adds the row to the grades CSV: the same files, grades and rows as a
serial run.

A submission whose grading crashes its worker is graded once more, alone; if that crashes
too it gets zero with the reason, and the batch goes on. (A notebook cannot hang a worker:
its cells and the whole notebook have time limits.)
"""

import atexit
import concurrent.futures
import contextlib
import csv
import multiprocessing
import multiprocessing.forkserver
import shutil
import sys
import tempfile
from pathlib import Path

from tqdm.auto import tqdm

from autograder import course, submissions
from autograder.pipeline import Course, SubmissionResult


def grade_batch(grader, found, sheet, feedback=True, jobs=1, scheduler=None):
    """Grade every submission of ``found`` and add its row to ``sheet`` (a GradesCsv) as soon as it is done.

    Arguments:
        grader -- the Course whose work folder, gradebook and limits the batch uses
        found -- a list of submissions.Submission (those with a ``problem`` get it as their reason)
        sheet -- the GradesCsv; its rows of these submissions are replaced
        jobs -- how many submissions to grade at once on this machine
        scheduler -- the address of a Dask scheduler (``tcp://host:8786``), or a Dask cluster
            object: grade on its workers instead

    A failure of one submission never stops the others; KeyboardInterrupt stops the batch, and
    the rows written so far stay. Returns the results, in the order of ``found``.
    """
    sheet.begin(found)
    results = [None] * len(found)
    assignments = sorted({item.assignment for item in found if not item.problem})
    if scheduler is None and jobs > 1:
        _start_forkserver()  # it imports the grader while this process registers the assignments
    for assignment in assignments:
        grader.release(assignment)  # registers the assignment in the gradebook
    with tqdm(total=len(found), desc="grading", unit="notebook", file=sys.stdout, dynamic_ncols=True) as bar:
        def finish(index, result):
            results[index] = result
            sheet.add(result)
            bar.set_postfix_str(f"{result.student} / {result.assignment}", refresh=False)
            bar.update(1)

        pending = []
        for index, item in enumerate(found):
            if item.problem:
                finish(index, SubmissionResult(item.student, item.assignment, error=f"{item.path.name}: {item.problem}"))
            else:
                pending.append(index)
        workers = min(jobs, len(pending))
        if scheduler is None and workers <= 1:
            for index in pending:
                finish(index, grader.grade(found[index].student, found[index].assignment, found[index].path,
                                           feedback=feedback))
            return results
        crashed = _grade_on_workers(grader, found, pending, feedback, finish, workers, scheduler, assignments)
        for index in crashed:  # once more, alone: the first crash may have come from another submission
            for again in _grade_on_workers(grader, found, [index], feedback, finish, 1, scheduler, assignments):
                finish(again, grader.failed_result(found[again].student, found[again].assignment,
                                                   "grading this notebook crashed the grader's worker process twice"))
    return results


def _grade_on_workers(grader, found, indices, feedback, finish, workers, scheduler, assignments):
    """Grade the submissions ``found[i]`` for ``i`` in ``indices`` on workers; return the indices whose worker crashed."""
    crashed = []
    shared = grader.shared_files()
    with _executor(workers, scheduler, grader, assignments) as executor:
        futures = {}
        for index in indices:
            item = found[index]
            try:
                notebook = submissions.notebook_bytes(item.path)
            except submissions.InvalidNotebook as problem:
                finish(index, grader.failed_result(item.student, item.assignment, str(problem)))
                continue
            futures[executor.submit(grade_in_worker, grader.limits, item.student, item.assignment, notebook,
                                    feedback, shared)] = index
        for future in concurrent.futures.as_completed(futures):
            index = futures[future]
            try:
                result, files = future.result()
            except Exception:  # the worker died (killed, out of memory) or could not be reached
                crashed.append(index)
                continue
            try:
                result = _take_in(grader, result, files)
            except Exception as error:  # a surprise of the grader's own: this submission only
                result = grader.failed_result(result.student, result.assignment, f"the grader failed on this "
                                              f"submission ({type(error).__name__}: {str(error)[:200]})")
            finish(index, result)
    return crashed


def _start_forkserver():
    """Start the server the pool's workers fork from, importing the grader once (a fresh interpreter
    each would import nbgrader and numpy again; a fork of this process would copy its open gradebook)."""
    multiprocessing.set_forkserver_preload([__name__])
    multiprocessing.forkserver.ensure_running()


@contextlib.contextmanager
def _executor(workers, scheduler, grader, assignments):
    """A concurrent.futures executor: a pool of ``workers`` processes, or a Dask cluster's workers.

    A pool's workers start from a copy of ``grader``'s gradebook and releases of ``assignments``
    (see ``adopt_course``); a Dask worker, possibly on another machine, releases them itself.
    """
    if scheduler is None:
        _start_forkserver()
        files = {relative: (grader.work_dir / relative).read_bytes()
                 for relative in ["gradebook.db", *(str(grader.release_notebook(a).relative_to(grader.work_dir))
                                                    for a in assignments)]}
        pool = concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("forkserver"), initializer=adopt_course,
            initargs=(grader.limits, files, assignments))
        try:
            yield pool
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        try:
            from distributed import Client
        except ImportError:
            raise ValueError("Grading on a Dask cluster needs Dask's distributed package: "
                             "install the course with its dask extra (pip install '.[dask]').") from None
        with Client(scheduler) as client:
            yield client.get_executor(pure=False)


def _take_in(grader, result, files):
    """The coordinator's side of a result from a worker: its files and grades recorded in ``grader``."""
    if result.error is None:
        grader.record(result.student, result.assignment, files)
        feedback = grader.step_dir(grader.coursedir.feedback_directory, result.assignment, result.student)
        result.feedback = next(feedback.glob("*.html"), None) if feedback.is_dir() else None
    return result


# ----- the worker's side ----------------------------------------------------------------------------------
#: This process's graders, by their limits: (Course, assignments released in it, its folder).
_graders = {}


def _worker_course(limits, files=None):
    """This process's grader with ``limits``: (Course, assignments released in it, its folder).

    ``files`` (relative path -> bytes), given when the grader is made, are written into its work
    folder first: a copy of the coordinator's gradebook and releases saves releasing again here.
    """
    key = tuple(sorted(limits.items()))
    if key not in _graders:
        folder = Path(tempfile.mkdtemp(prefix="course-worker-"))
        atexit.register(shutil.rmtree, folder, True)
        for relative, data in (files or {}).items():
            (folder / "work" / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / "work" / relative).write_bytes(data)
        _graders[key] = (Course(folder / "work", **limits), set(), folder)
    return _graders[key]


def adopt_course(limits, files, assignments):
    """Pool initializer: this worker's grader starts from the coordinator's gradebook and releases."""
    _worker_course(limits, files)[1].update(assignments)


def grade_in_worker(limits, student, assignment, notebook, feedback, shared):
    """Worker side: grade one notebook (its bytes) in this process's own Course.

    ``shared`` (relative path -> bytes) are the coordinator's files every grading reads (the
    capstone's held-out set): the worker's work folder takes them first.

    Returns ``(result, files)``: the SubmissionResult and ``Course.graded_files``. The worker's
    copies are removed, so a long-lived worker does not fill its disk.
    """
    grader, released, folder = _worker_course(limits)
    for relative, data in shared.items():
        path = grader.work_dir / relative
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    if assignment not in released:
        grader.release(assignment)
        released.add(assignment)
    path = folder / "submissions" / student / f"{assignment}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(notebook)
    try:
        result = grader.grade(student, assignment, path, feedback=feedback)
        return result, grader.graded_files(student, assignment)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
        for step in (grader.coursedir.submitted_directory, grader.coursedir.autograded_directory,
                     grader.coursedir.feedback_directory):
            shutil.rmtree(grader.step_dir(step, assignment, student), ignore_errors=True)


# ----- the grades CSV ----------------------------------------------------------------------------------------
class GradesCsv:
    """The grades CSV: one row per submission, each written as soon as its submission is graded.

    The columns: student, assignment, score, max_score, test_accuracy (the capstone's, on the
    held-out test set), the points of every exercise of ``assignments`` (and of those the file
    had already; empty for an answer still to grade by hand), reasons (why each lost point was
    lost) and notes (what the grader put right before grading). The rows the file had stay,
    but for those of submissions graded again (see ``begin``).
    """

    FIRST_COLUMNS = ["student", "assignment", "score", "max_score", "test_accuracy"]
    LAST_COLUMNS = ["reasons", "notes"]

    def __init__(self, path, assignments):
        self.path = Path(path)
        old_columns, self.old_rows = _read_grades_csv(self.path)
        gradable = sorted(set(course.assignments()) & set(assignments))
        exercises = [course.exercise_name(grade_id) for assignment in gradable
                     for grade_id in course.graded_cells(course.read_source(assignment))]
        fixed = self.FIRST_COLUMNS + self.LAST_COLUMNS
        self.columns = [*self.FIRST_COLUMNS, *dict.fromkeys([c for c in old_columns if c not in fixed] + exercises),
                        *self.LAST_COLUMNS]

    def has_row(self, submission):
        """Whether the file had a row of ``submission`` (its student and assignment) before this batch."""
        return any(row["student"] == submission.student and row["assignment"] == submission.assignment
                   for row in self.old_rows)

    def begin(self, to_grade):
        """Write the header and the rows the file had, but for those of the submissions ``to_grade``."""
        regraded = {(item.student, item.assignment) for item in to_grade}
        kept = [row for row in self.old_rows if (row["student"], row["assignment"]) not in regraded]
        partial = self.path.with_name(self.path.name + ".partial")
        with self._open(partial, "w") as file:
            writer = self._writer(file)
            writer.writeheader()
            writer.writerows(kept)
        partial.replace(self.path)  # in one step: a grader killed meanwhile loses no row

    def add(self, result):
        """Append the row of one graded submission; it is on disk when this returns."""
        with self._open(self.path, "a") as file:
            self._writer(file).writerow(grades_row(result))

    def _writer(self, file):
        return csv.DictWriter(file, self.columns, restval="", extrasaction="ignore")

    @staticmethod
    def _open(path, mode):
        return open(path, mode, newline="", encoding="utf-8", errors="backslashreplace")


def _read_grades_csv(path):
    """The columns and the rows (dicts) of an existing grades CSV; none of either when there is none."""
    if not path.is_file() or path.stat().st_size == 0:
        return [], []
    with open(path, newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        rows = list(reader)
    if not {"student", "assignment"} <= set(reader.fieldnames or []):
        raise ValueError(f"{path} is not a grades CSV (it has no student and assignment columns): "
                         f"choose another --csv")
    return reader.fieldnames, rows


def grades_row(result):
    """The CSV row of one result, a dict by column.

    Its reasons say why each lost point was lost, or give the one error that cost them all.
    """
    reasons = [result.error] if result.error else [f"{e.name}: {e.reason}" for e in result.exercises if e.reason]
    accuracy = result.measures.get("test_accuracy")
    return {"student": result.student, "assignment": result.assignment, "score": f"{result.score:g}",
            "max_score": f"{result.max_score:g}", "test_accuracy": "" if accuracy is None else f"{accuracy:.4f}",
            **{e.name: "" if e.pending else f"{e.score:g}" for e in result.exercises},
            "reasons": "; ".join(reasons), "notes": "; ".join(result.notes)}
