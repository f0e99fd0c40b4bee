"""Submissions: finding them in a folder or zip, and generating example ones.

Example submissions are made from the release and the source notebook, never kept
as hand-maintained copies: *perfect* fills every answer cell with the source's
solution, *untouched* is the release as students receive it, and *mistakes* applies
the assignment's typical wrong edits (``autograder/edits/<name>.py``) to a few answers.
"""

import importlib
import json
import os
import re
import shutil
import stat
import tempfile
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.corpus.words import generate_corpus_id
from nbformat.validator import iter_validate, normalize

from autograder import course


@dataclass(frozen=True)
class Edit:
    """A textual edit of one solution cell: a wrong version (mutant) or a valid rewrite (variant).

    Arguments:
        function -- grade_id of the solution cell (the graded function's name)
        description -- what the edit does, in a student's terms
        replacements -- pairs (old, new); each ``old`` must occur exactly once in the cell
        named_by -- for a mutant: a piece of what the visible check prints when it names this
            very mistake (a targeted hint, not a generic FAIL); empty when it does not
    """

    function: str
    description: str
    replacements: tuple
    named_by: str = ""

    def apply(self, source):
        """Return ``source`` with every replacement made; raise ValueError if one does not fit."""
        for old, new in self.replacements:
            count = source.count(old)
            if count != 1:
                raise ValueError(f"Edit {self.description!r} of {self.function}: {old!r} occurs {count} times.")
            source = source.replace(old, new)
        return source


def edits(assignment):
    """The module ``autograder.edits.<name>`` with MUTANTS, VARIANTS and EXAMPLE_MISTAKES."""
    return importlib.import_module(f"autograder.edits.{course.short_name(assignment)}")


def student_solutions(assignment, applied_edits=()):
    """Dict grade_id -> answer cell source as a student would write it, with ``applied_edits`` made."""
    solutions = {grade_id: course.strip_markers(source)
                 for grade_id, source in course.solution_cells(course.read_source(assignment)).items()}
    for edit in applied_edits:
        solutions[edit.function] = edit.apply(solutions[edit.function])
    return solutions


def fill_answers(release, answers):
    """A copy of the release notebook with the answer cells named in ``answers`` replaced."""
    notebook = nbformat.from_dict(release)
    for cell in notebook.cells:
        grade_id = course.nbgrader_meta(cell).get("grade_id")
        if (course.is_solution_cell(cell) or course.is_manual_cell(cell)) and grade_id in answers:
            cell.source = answers[grade_id]
    return notebook


def written_answers(assignment):
    """Dict grade_id -> the source notebook's answer of every cell graded by hand, without markers."""
    notebook = course.read_source(assignment)
    return {course.nbgrader_meta(c)["grade_id"]: course.strip_markers(c["source"]).strip()
            for c in notebook["cells"] if course.is_manual_cell(c)}


def example_notebooks(assignment, release_path):
    """Dict student name -> example submission (nbformat node) for ``assignment``."""
    release = nbformat.read(release_path, as_version=4)
    return {
        "perfect": fill_answers(release, {**student_solutions(assignment), **written_answers(assignment)}),
        "untouched": release,
        "mistakes": fill_answers(release, student_solutions(assignment, edits(assignment).EXAMPLE_MISTAKES)),
    }


def expected_example_scores(assignment):
    """Dict student name -> expected total score of each example submission (answers graded by hand aside).

    The mistakes of an assignment graded on a held-out set (see ``held_out.JUDGED``) are chosen
    so that its model trains as well as the solution's: they lose only their own points.
    """
    points = course.grade_cells(course.read_source(assignment))
    total = sum(points.values())
    lost = sum(points[f"check_{edit.function}"] for edit in {e.function: e for e in edits(assignment).EXAMPLE_MISTAKES}.values())
    return {"perfect": total, "untouched": 0.0, "mistakes": total - lost}


# ----- reading a submitted notebook ------------------------------------------------------------
#: The largest notebook file the grader reads, in MiB; a larger one is not even opened.
MAX_NOTEBOOK_MIB = 32
#: How many levels deep a notebook's JSON may nest (notebooks Jupyter writes need a dozen or so).
MAX_JSON_DEPTH = 100
_MIB = 2 ** 20


class InvalidNotebook(ValueError):
    """A file that is not a notebook the grader can read; the message says why, in one line."""

    def __init__(self, reason):
        super().__init__(f"not a readable notebook: {reason}")


def read_notebook(path):
    """The notebook at ``path`` (an nbformat node of format 4), checked strictly before any use.

    Raises InvalidNotebook when the file is empty or larger than MAX_NOTEBOOK_MIB (then it is
    not read), is not UTF-8 JSON, nests deeper than MAX_JSON_DEPTH, holds text that cannot be
    written as UTF-8 (a lone surrogate such as the escape ``\\ud800``), or does not fit the
    schema of Jupyter's notebook format 4.
    """
    text = _notebook_text(Path(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidNotebook(f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})")
    except RecursionError:
        raise _too_deep()
    _check_values(data)
    return nbformat.reads(json.dumps(_check_format(data)), as_version=4)


def notebook_bytes(path):
    """The bytes of a submitted file; raises InvalidNotebook unless it is a non-empty regular file within the limit."""
    try:
        info = Path(path).stat()
        if not stat.S_ISREG(info.st_mode):
            raise InvalidNotebook("it is not a regular file")
        if info.st_size == 0:
            raise InvalidNotebook("the file is empty")
        if info.st_size > MAX_NOTEBOOK_MIB * _MIB:
            raise InvalidNotebook(f"the file is {info.st_size / _MIB:.1f} MiB; the limit is {MAX_NOTEBOOK_MIB} MiB")
        return Path(path).read_bytes()
    except OSError as error:
        raise InvalidNotebook(f"the file cannot be read ({error.strerror or error})")


def _notebook_text(path):
    """The text of a notebook file; raises InvalidNotebook unless it is a non-empty UTF-8 file within the limit."""
    data = notebook_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidNotebook(f"the file is not UTF-8 text (byte {data[error.start]:#04x} at position {error.start})")


def _check_values(data):
    """Raise InvalidNotebook if parsed JSON nests deeper than MAX_JSON_DEPTH or holds text UTF-8 cannot encode."""
    pending = [(data, 0)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_JSON_DEPTH:
            raise _too_deep()
        if isinstance(value, dict):
            pending += [(item, depth + 1) for pair in value.items() for item in pair]
        elif isinstance(value, list):
            pending += [(item, depth + 1) for item in value]
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                raise InvalidNotebook(f"it holds text that is not valid Unicode ({error.reason}: "
                                      f"{value[error.start]!r})")


def _too_deep():
    return InvalidNotebook(f"its JSON nests more than {MAX_JSON_DEPTH} levels deep")


def _check_format(data):
    """``data`` (parsed JSON) normalized as nbformat does (missing cell ids added, say);
    raises InvalidNotebook unless the result fits the schema of Jupyter's notebook format 4."""
    if not isinstance(data, dict):
        raise InvalidNotebook("the file is JSON but not a notebook")
    major, minor = data.get("nbformat"), data.get("nbformat_minor")
    if not (type(major) is int and major == 4 and type(minor) is int):
        raise InvalidNotebook(f"not in notebook format 4, the one Jupyter writes "
                              f"(its nbformat is {major!r}, its nbformat_minor {minor!r})")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbformat warns about each cell id it adds
        try:
            _, data = normalize(data)
        except Exception:  # nbformat's repairs assume a valid shape; the schema below says what is wrong
            pass
    error = next(iter_validate(data), None)
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the top level"
        message = error.message if len(error.message) <= 150 else error.message[:150] + " ..."
        raise InvalidNotebook(f"not in the notebook format (at {where}: {message})")
    return data


# ----- laying a submission out as its release ---------------------------------------------------
def assignment_of(notebook, known=None):
    """The assignment whose answer cells ``notebook`` holds most of (by grade_id), or None."""
    present = {course.nbgrader_meta(c).get("grade_id") for c in notebook["cells"]}
    overlaps = {name: len(present & set(course.solution_cells(course.read_source(name))))
                for name in known or course.assignments()}
    best = max(overlaps, key=overlaps.get, default=None)
    return best if best and overlaps[best] else None


def rebuild(submitted, release):
    """The submission with its nbgrader cells put back as released; returns (notebook, what was put right).

    The cells nbgrader tracks (by grade_id) take the release's metadata, and all but the
    answer cells the release's source, so an edited, re-tagged or deleted test cell changes
    nothing. Tracked cells that were moved go back into the release's order (the other
    cells keep their places) and deleted ones return after their predecessor. An answer cell
    whose metadata was lost is found by the ``def <name>(`` line of the function it answers.
    Any other cell is kept as the student wrote it, without nbgrader metadata.
    """
    release_cells = {course.nbgrader_meta(c)["grade_id"]: c for c in release.cells if course.nbgrader_meta(c)}
    answer_ids = [gid for gid, c in release_cells.items() if course.nbgrader_meta(c).get("solution")]
    identified = [course.nbgrader_meta(c).get("grade_id") for c in submitted.cells]
    identified = [gid if gid in release_cells and gid not in identified[:i] else None for i, gid in enumerate(identified)]
    for i, cell in enumerate(submitted.cells):
        if identified[i] is None and cell.cell_type == "code":
            identified[i] = next((name for name in answer_ids if name not in identified
                                  and re.search(rf"^def {name}\(", cell.source, flags=re.M)), None)
    found = {gid: cell for gid, cell in zip(identified, submitted.cells) if gid}
    problems = [f"the cell {gid} had its nbgrader metadata changed" for gid, cell in found.items()
                if course.nbgrader_meta(cell) != course.nbgrader_meta(release_cells[gid])]
    problems += [f"the read-only cell {gid} was edited" for gid, cell in found.items()
                 if gid not in answer_ids and cell.source != release_cells[gid].source]
    in_release_order = [gid for gid in release_cells if gid in found]
    if [gid for gid in identified if gid] != in_release_order:
        problems.append("cells were moved")
    missing = [gid for gid in release_cells if gid not in found]
    if missing:
        problems.append(f"cells were deleted ({', '.join(missing)})")

    def released(gid):
        cell = nbformat.from_dict(release_cells[gid])
        if gid in answer_ids and gid in found:
            cell.source = found[gid].source
        return cell

    slots = iter(in_release_order)
    tracked_ids = {c.get("id") for c in release_cells.values()}
    cells = [released(next(slots)) if gid else _without_nbgrader(cell, tracked_ids)
             for gid, cell in zip(identified, submitted.cells)]
    order = list(release_cells)
    for gid in missing:  # in release order, so every cell before it is in place already
        before = order[:order.index(gid)]
        cells.insert(_index_of(cells, before[-1]) + 1 if before else 0, released(gid))
    notebook = nbformat.from_dict(submitted)
    notebook.cells = cells
    return notebook, problems


def _index_of(cells, grade_id):
    return next(i for i, c in enumerate(cells) if course.nbgrader_meta(c).get("grade_id") == grade_id)


def _without_nbgrader(cell, taken_ids):
    """A copy of a student's cell without nbgrader metadata, with a new id if a tracked cell has its id."""
    cell = nbformat.from_dict(cell)
    cell.metadata.pop("nbgrader", None)
    if cell.get("id") in taken_ids:
        cell.id = generate_corpus_id()
    return cell


# ----- finding submissions -------------------------------------------------------------------
@dataclass
class Submission:
    """One notebook to grade, or (``problem`` set) a file that cannot be graded and why."""

    student: str
    assignment: str
    path: Path
    problem: str | None = None


def find_submissions(location, assignment=None, known=None):
    """Find the notebooks to grade in a folder or a zip file.

    Two layouts are understood: nbgrader's ``<student>/<assignment>/<any name>.ipynb``, and
    flat files ``<student>_<assignment>.ipynb`` (with ``assignment`` given, any
    ``<student>.ipynb``; without, a ``<student>.ipynb`` whose answer cells tell). Returns a list of Submission; a file that fits neither gets a
    ``problem``, and so does a symbolic link (a linked notebook or folder), which is never
    followed or read. A zip is extracted into a temporary folder that lives as long as the process.
    """
    location = Path(location)
    known = known or course.assignments()
    if location.is_file() and zipfile.is_zipfile(location):
        location = _extract(location)
    if not location.is_dir():
        raise FileNotFoundError(f"{location} is neither a folder nor a zip file of submissions.")
    found = []
    for path in _notebooks_and_links(location):
        identify = _identify_link if path.is_symlink() else _identify
        found.append(identify(path, path.relative_to(location).parts, assignment, known))
    return found


def _notebooks_and_links(folder):
    """Sorted paths of the ``.ipynb`` files and the linked folders under ``folder``; no link is followed.

    (``Path.rglob`` of Python 3.11 skips the inside of a linked folder without a word, but
    yields a linked notebook as if it were a file.)
    """
    paths = []
    for parent, folders, files in os.walk(folder):  # never descends into a linked folder
        folders[:] = [name for name in folders if name not in (".ipynb_checkpoints", "__MACOSX")]
        paths += [Path(parent, name) for name in folders if Path(parent, name).is_symlink()]
        paths += [Path(parent, name) for name in files if name.endswith(".ipynb")]
    return sorted(paths)


def _identify(path, parts, assignment, known):
    """The Submission a notebook file is: by its name and place, else (a flat file) by its answer cells."""
    named = _named(path, parts, assignment, known)
    if named.problem and len(parts) == 1 and (by_content := _assignment_in_file(path, known)):
        return Submission(_safe_student(path.stem), by_content, path)  # a renamed notebook
    return named


def _identify_link(path, parts, assignment, known):
    """The Submission a symbolic link stands for, named from where it lies, with its problem."""
    if len(parts) >= 2 and parts[-1] in known:  # a linked <student>/<assignment> folder
        named = Submission(parts[-2], parts[-1], path)
    else:
        named = _named(path, parts, assignment, known)
    return Submission(named.student, named.assignment, path,
                      problem="a symbolic link, which the grader does not follow: hand in the notebook itself")


def _named(path, parts, assignment, known):
    """The Submission that ``path`` is by its name and place alone (with a problem when they do not tell)."""
    if len(parts) >= 3 and parts[-2] in known:
        return Submission(parts[-3], parts[-2], path)
    stem = path.stem
    for name in sorted(known, key=len, reverse=True):
        if stem.endswith("_" + name) and len(stem) > len(name) + 1 and assignment in (None, name):
            return Submission(_safe_student(stem[: -len(name) - 1]), name, path)
    if assignment and len(parts) == 1:
        return Submission(_safe_student(stem), assignment, path)
    return Submission(_safe_student(stem), assignment or "?", path,
                      problem="cannot tell which assignment this is: name it <student>_<assignment>.ipynb, "
                              "use nbgrader's <student>/<assignment>/ folders, or pass --assignment")


def _assignment_in_file(path, known):
    try:
        return assignment_of(read_notebook(path), known)
    except Exception:  # a file that cannot tell must not stop the batch; grading it says why
        return None


def _safe_student(name):
    """A student id nbgrader accepts as a folder name."""
    return re.sub(r"[^A-Za-z0-9_.@-]", "_", name) or "student"


def _extract(zip_path):
    target = Path(tempfile.mkdtemp(prefix="submissions-"))
    with zipfile.ZipFile(zip_path) as archive:
        for member in archive.infolist():
            destination = (target / member.filename).resolve()
            if not str(destination).startswith(str(target.resolve())):
                continue  # a path that would escape the folder is skipped
            if member.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
            else:
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, open(destination, "wb") as out:
                    shutil.copyfileobj(source, out)
    return target
