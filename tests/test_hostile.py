"""A hostile batch through `course grade --sandbox on`, written by a student who has read autograder/.

The assignment is 06 (the quickest notebook). Each hostile submission starts from an honest
one, *perfect* (10 points) or *mistakes* (6 points: softmax and compute_cost_softmax wrong),
and adds one attack; its expected score is that of its honest part: no attack earns a point.
The attacks come in the classes the grader must resist: reading what the kernel holds,
returning what is not data, changing how a failure is recognised, patching the checks
(at once, transiently, from threads, hooks and timers), attacking the grader's own code in
the kernel, escaping the sandbox, planting links and files, and malformed files. The batch
also checks that honest notebooks grade in it exactly as alone, that nothing outside the
grading folders changes, and that no secret, hidden test or solution reaches any feedback.
"""

import csv
import hashlib
import json
import os
import socket
import sysconfig
import textwrap
import threading
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from conftest import TEST_CELL_TIMEOUT

from autograder import cli, course, mathjax, submissions
from autograder.sandbox import bubblewrap, package_folder

ASSIGNMENT = "06_softmax"
HIDDEN_TESTS = package_folder("autograder") / "hidden" / "softmax.py"
#: Set in the grader's environment during the batch: no kernel may see it.
SECRET_VARIABLE = "COURSE_TEST_SECRET_TOKEN"
SECRET_VALUE = "hunter2-secret-value"
MEMORY_LIMIT_MB = 2048
#: A file a student would like to plant in the grader's Python (it would run at every start).
PLANTED_PTH = Path(sysconfig.get_paths()["purelib"]) / "course_attack.pth"

pytestmark = pytest.mark.skipif(bubblewrap() is None and not os.environ.get("CI"),
                                reason="bubblewrap (bwrap) is not installed; CI installs it")


def with_code(notebook, grade_id, code):
    """A copy of ``notebook`` whose cell ``grade_id`` ends with ``code``."""
    notebook = nbformat.from_dict(notebook)
    cell = next(c for c in notebook.cells if course.nbgrader_meta(c).get("grade_id") == grade_id)
    cell.source += "\n\n" + textwrap.dedent(code).strip() + "\n"
    return notebook


def cell_index(notebook, grade_id):
    return next(i for i, c in enumerate(notebook.cells) if course.nbgrader_meta(c).get("grade_id") == grade_id)


#: Redefines softmax so that it answers from whatever ``_steal(Z)`` finds, else wrongly (no max subtraction).
STEALING_SOFTMAX = """
_wrong_softmax = softmax
def softmax(Z):
    stolen = _steal(Z)
    return stolen if stolen is not None else _wrong_softmax(Z)
"""

# ----- 1. reading what the kernel holds -------------------------------------------------------------
READS_THE_KERNEL = """
import gc, sys
def _steal(Z):
    for name, module in list(sys.modules.items()):
        if name.startswith("autograder") and hasattr(module, "reference"):
            return module.reference("06_softmax", "softmax")(Z)
    for thing in gc.get_objects():
        if callable(thing) and getattr(thing, "__name__", "") == "softmax" and thing is not softmax \\
                and thing is not _wrong_softmax:
            return thing(Z)
        if isinstance(thing, dict) and "solution" in thing and callable(thing["solution"]):
            return thing["solution"](Z)
    try:
        from autograder.reference import reference
        return reference("06_softmax", "softmax")(Z)
    except Exception as error:
        print("no reference:", error, [n for n in sys.modules if "autograder" in n])
"""

WALKS_FRAMES = """
import sys
def _steal(Z):
    frame = sys._getframe(1)
    while frame is not None:
        for key in ("expected", "solution", "reference", "A"):
            value = frame.f_locals.get(key)
            if callable(value):
                return value(Z)
            if getattr(value, "shape", None) == Z.shape:
                return value
        frame = frame.f_back
"""

# ----- 2. returning what is not data ---------------------------------------------------------------------
RETURNS_AN_OBJECT_ARRAY = """
import sys
class _Expected(float):
    '''A number that turns into the checker's expected value when the checker converts it.'''
    def __float__(self):
        frame = sys._getframe(1)
        while frame is not None:
            if "expected" in frame.f_locals:
                return float(frame.f_locals["expected"])
            frame = frame.f_back
        return 0.0
_wrong_cost = compute_cost_softmax
def compute_cost_softmax(AL, Y):
    return np.array([_Expected(_wrong_cost(AL, Y))], dtype=object).reshape(())
"""

RETURNS_AN_ARRAY_SUBCLASS = """
class _AlwaysClose(np.ndarray):
    def __array_ufunc__(self, *args, **kwargs):
        return np.True_
    def __eq__(self, other):
        return True
_wrong_softmax = softmax
def softmax(Z):
    return _wrong_softmax(Z).view(_AlwaysClose)
"""

# ----- 3. changing how a failure is recognised -------------------------------------------------------------
SWALLOWS_ERRORS = """
from IPython import get_ipython
_shell = get_ipython()
_shell.set_custom_exc((BaseException,), lambda *args, **kwargs: None)
_shell.events.register("post_run_cell", lambda result: setattr(result, "error_in_exec", None))
_wrong_softmax = softmax
def softmax(Z):
    import sys
    sys.displayhook(2)  # an execute_result number: nbgrader would take it as partial credit
    _shell.display_pub.publish({"text/plain": "2"})
    return _wrong_softmax(Z)
"""

# ----- 4. patching the checks, transiently and from below ----------------------------------------------------
PATCHES_EVERYTHING = """
import builtins, signal, sys, threading, time
import helpers.checks.core as _core
_busy = []
def _patch(*args):
    if _busy:  # an audit hook must not recurse into itself
        return
    _busy.append(True)
    np.allclose = lambda *a, **k: True
    np.all = lambda *a, **k: True
    builtins.sum = lambda *a, **k: 0
    _core.Checker.expect_close = lambda self, *a, **k: True
    _core.Checker.fail = lambda self, *a, **k: None
    _core.Checker.run = lambda self, *a, **k: 0
    _core.student_check.__code__ = (lambda body=None, **k: (lambda *a, **kw: None)).__code__
    _core.__dict__["fresh_global"] = lambda *a: True
    _busy.clear()
def _keep_patching():
    while True:
        _patch()
        time.sleep(0.001)
threading.Thread(target=_keep_patching, daemon=True).start()
sys.addaudithook(lambda event, args: _patch())
signal.signal(signal.SIGALRM, _patch)
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
"""

# ----- 5. attacking the grader's code in the kernel --------------------------------------------------------------
IMPERSONATES_THE_GRADER = """
import builtins, sys, types
_real_import = builtins.__import__
_real_wire = sys.modules["_course_wire"]
def _fake_serve(path, name, namespace):
    '''Answer the grader's calls as the grader's own agent would, but with made-up values where it can.'''
    sock = _real_wire.socket.socket(_real_wire.socket.AF_UNIX, _real_wire.socket.SOCK_STREAM)
    sock.connect(path)
    connection = _real_wire.Connection(sock)
    connection.send({"op": "hello", "handle": connection.export(namespace[name]), "parameters": None})
    while True:
        message, values = connection.receive()
        if message["op"] == "done":
            return
        args, kwargs = values["args"], values["kwargs"]
        if name in ("softmax", "compute_cost_softmax"):  # made-up answers where its own are wrong
            answer = np.full_like(args[0], 1.0 / args[0].shape[0]) if name == "softmax" else 1.0
        else:
            answer = namespace[name](*args, **kwargs)
        connection.send({"op": "return", "warnings": []}, value=answer, args=args, kwargs=kwargs)
_fake_sys = types.SimpleNamespace(modules={"_course_wire": types.SimpleNamespace(serve=_fake_serve)})
def __import__(name, *args, **kwargs):
    return _fake_sys if name == "sys" else _real_import(name, *args, **kwargs)
sys.modules["_course_wire"] = types.SimpleNamespace(serve=_fake_serve)
"""

SHADOWS_HELPERS = """
import os, sys
os.makedirs("helpers/checks", exist_ok=True)
for _module in ("helpers/__init__.py", "helpers/checks/__init__.py", "helpers/checks/core.py"):
    open(_module, "w").write("student_check = lambda body, **k: (lambda *a, **kw: None)\\n")
for _name in [n for n in sys.modules if n.startswith("helpers")]:
    del sys.modules[_name]
"""

# ----- 6 and 7. leaving the sandbox, planting links and files ---------------------------------------------------
def probe_code(paths, port, link_targets):
    """Code that tries to read each of ``paths``, to connect to ``port``, to see the grader's
    environment, to regain privileges and write into site-packages (PROBE lines, each to be
    denied), and to plant links to ``link_targets``, a huge sparse file and a file outside its
    working folder (PLANT lines: the kernel may write in its scratch folder, but the grader
    must never pick up what it wrote)."""
    return f"""
    import json as _json, os as _os, socket as _socket, subprocess as _subprocess
    def _probe(what, attempt, label="PROBE"):
        try:
            print(label, what, "ok" if attempt() else "denied", "-")
        except Exception as error:
            print(label, what, "denied", type(error).__name__)
    def _read(path):
        with open(path, "rb") as file:
            text = file.read()
        if path.endswith("{ASSIGNMENT}.ipynb"):
            for cell in _json.loads(text)["cells"]:
                if cell.get("metadata", {{}}).get("nbgrader", {{}}).get("solution"):
                    exec("".join(cell["source"]), globals())
        return True
    for _path in {[str(p) for p in paths]!r}:
        _probe("read " + _path, lambda: _read(_path))
    _probe("connect", lambda: _socket.create_connection(("127.0.0.1", {port}), timeout=3).close() or True)
    _probe("environment", lambda: "{SECRET_VARIABLE}" in _os.environ)
    _probe("environment of pid 1", lambda: b"{SECRET_VARIABLE}" in open("/proc/1/environ", "rb").read())
    _probe("capabilities", lambda: [l for l in open("/proc/self/status") if l.startswith("CapEff")][0].split()[1]
           .strip("0") != "")
    _probe("remount", lambda: _subprocess.run(["mount", "-o", "remount,rw", "{PLANTED_PTH.parent}"],
                                              capture_output=True).returncode == 0)
    _probe("plant .pth", lambda: open("{PLANTED_PTH}", "w").write("import os\\n") > 0)
    _probe("fill /tmp with 400 MB", lambda: [open("/tmp/filler", "ab").write(bytes(10 ** 7)) for _ in range(40)])
    _probe("link where the notebook goes", lambda: _os.symlink("{link_targets[0]}", "{ASSIGNMENT}.ipynb"), "PLANT")
    _probe("link where the feedback goes", lambda: _os.symlink("{link_targets[1]}", "{ASSIGNMENT}.html"), "PLANT")
    _probe("2 GiB sparse file", lambda: open("huge.bin", "wb").truncate(2 ** 31), "PLANT")
    _probe("write outside the working folder", lambda: open("../../planted.txt", "w").write("x"), "PLANT")
    """


# ----- 8. malformed files and forged text -----------------------------------------------------------------
FORGES_NOTES_AND_SCRIPTS = """
print("[grader] Before these tests the grader restored what the notebook had changed: nothing, full marks.")
from IPython.display import HTML, Javascript, display
display(HTML("<script>alert('from the output')</script><img src=x onerror=alert('img')>"))
display(Javascript("alert('javascript output')"))
_wrong_softmax = softmax
def softmax(Z):
    raise ValueError("bad\\n[grader] forged note\\n  ok    softmax 8/8 checks passed")
"""


class ListeningServer:
    """A TCP server on the host's loopback that counts the connections it accepts."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()


def malformed_notebooks(perfect):
    """Notebooks that once crashed the grader before any student was graded: dict student -> JSON text."""
    def variant(change):
        notebook = json.loads(nbformat.writes(perfect, version=4))
        change({c["metadata"].get("nbgrader", {}).get("grade_id"): c for c in notebook["cells"]})
        return json.dumps(notebook)

    return {
        "metadata_not_a_dict": variant(lambda cells: cells["one_hot"].update(metadata=["not", "a", "dict"])),
        "grade_id_a_list": variant(lambda cells: cells["check_one_hot"]["metadata"]["nbgrader"].update(
            grade_id=["check_one_hot"])),
        "lone_surrogate": variant(lambda cells: cells["one_hot"]["source"].insert(0, "# \ud800\n")),
    }


def hostile_batch(folder, release_path, work_dir, port, outside_file):
    """Write every submission of the batch into ``folder``; return dict student -> expected score."""
    examples = submissions.example_notebooks(ASSIGNMENT, release_path)
    perfect, mistakes = examples["perfect"], examples["mistakes"]
    made = {"honest_perfect": perfect, "honest_mistakes": mistakes}
    expected = {"honest_perfect": 10.0, "honest_mistakes": 6.0}

    def add(student, notebook, score=6.0):
        made[student], expected[student] = notebook, score

    add("reads_the_kernel", with_code(mistakes, "softmax", READS_THE_KERNEL + STEALING_SOFTMAX))
    add("walks_frames", with_code(mistakes, "softmax", WALKS_FRAMES + STEALING_SOFTMAX))
    add("returns_objects", with_code(with_code(mistakes, "compute_cost_softmax", RETURNS_AN_OBJECT_ARRAY),
                                     "softmax", RETURNS_AN_ARRAY_SUBCLASS))
    add("swallows_errors", with_code(mistakes, "softmax", SWALLOWS_ERRORS))
    add("patches_everything", with_code(mistakes, "one_hot", PATCHES_EVERYTHING))
    add("impersonates_the_grader", with_code(mistakes, "one_hot", IMPERSONATES_THE_GRADER))
    add("forges_notes_and_scripts", with_code(perfect, "softmax", FORGES_NOTES_AND_SCRIPTS), 8.0)
    script_cell = nbformat.v4.new_markdown_cell("<script>alert('markdown')</script> <a href=\"javascript:alert(1)\">x</a>")
    made["forges_notes_and_scripts"].cells.insert(1, script_cell)
    add("probes", with_code(mistakes, "one_hot", probe_code(
        [course.source_path(ASSIGNMENT), HIDDEN_TESTS,
         work_dir / "gradebook.db", work_dir / "submitted" / "honest_perfect" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
         outside_file, "/etc/os-release"], port, [work_dir / "gradebook.db", outside_file])))
    add("hogs_memory", with_code(mistakes, "one_hot", """
        def _hog():
            blocks = []
            while True:
                blocks.append(bytearray(10 ** 8))
        _hog()"""))
    add("floods_output", with_code(mistakes, "one_hot", """
        for _ in range(200_000):
            print("spam " * 20)"""))
    add("tampers_during_test", with_code(perfect, "softmax", """
        _honest_softmax = softmax
        def softmax(Z):
            import numpy
            numpy.all = lambda *a, **k: True
            return _honest_softmax(Z)"""), 10.0)  # its own softmax is right: tampering with its own kernel is harmless

    moved = nbformat.from_dict(perfect)
    check = moved.cells.pop(cell_index(moved, "check_one_hot"))
    moved.cells.insert(cell_index(moved, "one_hot"), check)
    add("moves_cells", moved, 10.0)
    retagged = nbformat.from_dict(perfect)
    retagged.cells[cell_index(retagged, "check_one_hot")].metadata.nbgrader.update(points=50, grade=False)
    retagged.cells[cell_index(retagged, "check_softmax")].metadata.nbgrader["grade_id"] = "bonus"
    add("retags_cells", retagged, 10.0)
    edited = nbformat.from_dict(mistakes)
    edited.cells[cell_index(edited, "check_softmax")].source = "print('all tests passed')\n2"
    add("edits_tests", edited)
    deleted = nbformat.from_dict(mistakes)
    del deleted.cells[cell_index(deleted, "check_compute_cost_softmax")]
    add("deletes_tests", deleted)
    add("exits_python", with_code(perfect, "one_hot", "import os\nos._exit(3)"), 0.0)
    looping = nbformat.from_dict(perfect)
    looping.cells[cell_index(looping, "predict_classes")].source = "while True:\n    pass"
    add("loops", looping, 8.0)
    swallowing = nbformat.from_dict(perfect)
    swallowing.cells[cell_index(swallowing, "predict_classes")].source = (
        "while True:\n    try:\n        pass\n    except KeyboardInterrupt:\n        pass")
    add("swallows_interrupt", swallowing, 8.0)

    for student, notebook in made.items():
        (folder / student / ASSIGNMENT).mkdir(parents=True)
        nbformat.write(notebook, folder / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    for student, text in malformed_notebooks(perfect).items():
        (folder / student / ASSIGNMENT).mkdir(parents=True)
        (folder / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").write_text(text, encoding="utf-8")
        expected[student] = None  # graded as its honest part or refused with a reason, but never a crash
    fake_package = folder / "shadows_helpers" / ASSIGNMENT / "helpers"
    fake_package.mkdir(parents=True)
    (fake_package / "__init__.py").write_text("raise SystemExit('the submitted helpers were imported')\n")
    nbformat.write(with_code(mistakes, "one_hot", SHADOWS_HELPERS),
                   folder / "shadows_helpers" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    expected["shadows_helpers"] = 6.0
    nbformat.write(perfect, folder / "renamed.ipynb")
    expected["renamed"] = 10.0
    (folder / "other_assignment" / ASSIGNMENT).mkdir(parents=True)
    other = submissions.example_notebooks("01_initialization", release_path.parents[1] / "01_initialization" /
                                          "01_initialization.ipynb")["perfect"]
    nbformat.write(other, folder / "other_assignment" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    expected["other_assignment"] = 0.0
    (folder / "garbled" / ASSIGNMENT).mkdir(parents=True)
    (folder / "garbled" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").write_text('{"cells": [')
    expected["garbled"] = 0.0
    return expected


def grade(folder, work_dir, csv_path, sandbox="on", feedback=True):
    cli.main(["grade", str(folder), "--work-dir", str(work_dir), "--csv", str(csv_path), "--sandbox", sandbox,
              "--timeout", str(TEST_CELL_TIMEOUT), "--memory-limit", str(MEMORY_LIMIT_MB)]
             + ([] if feedback else ["--no-feedback"]))
    with open(csv_path) as file:
        return {row["student"]: row for row in csv.DictReader(file)}


def fingerprint(*folders):
    """Dict path -> (size, sha256) of every file below ``folders`` (links as their target text)."""
    found = {}
    for folder in folders:
        for path in Path(folder).rglob("*"):
            if path.is_symlink():
                found[str(path)] = ("link", os.readlink(path))
            elif path.is_file() and "__pycache__" not in path.parts:
                found[str(path)] = (path.stat().st_size, hashlib.sha256(path.read_bytes()).hexdigest())
    return found


@pytest.fixture(scope="module")
def batch(releases, tmp_path_factory):
    """Grade the hostile batch with feedback; return a dict of what the tests look at."""
    server = ListeningServer()
    folder, work_dir = tmp_path_factory.mktemp("hostile"), tmp_path_factory.mktemp("hostile_work")
    outside = tmp_path_factory.mktemp("outside") / "precious.txt"
    outside.write_text("the instructor's file\n")
    outside.chmod(0o600)
    expected = hostile_batch(folder, releases[ASSIGNMENT], work_dir, server.port, outside)
    protected = [package_folder("autograder"), package_folder("helpers"), course.SOURCE_DIR, outside.parent]
    before = fingerprint(*protected)
    os.environ[SECRET_VARIABLE] = SECRET_VALUE
    try:
        rows = grade(folder, work_dir, folder / "grades.csv")
    finally:
        del os.environ[SECRET_VARIABLE]
    after = fingerprint(*protected)
    changed = {path for path in set(before) | set(after) if before.get(path) != after.get(path)}
    return {"rows": rows, "expected": expected, "work_dir": work_dir, "server": server, "outside": outside,
            "changed": changed}


def autograded_text(work_dir, student):
    path = work_dir / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    return "".join(o.get("text", "") + o.get("ename", "") + o.get("evalue", "")
                   for c in nbformat.read(path, as_version=4).cells for o in c.get("outputs", []))


def test_every_submission_gets_a_row_and_no_attack_earns_a_point(batch):
    rows, expected = batch["rows"], batch["expected"]
    assert set(rows) == set(expected)
    for student, score in expected.items():
        row = rows[student]
        if score is None:  # a malformed file: its honest score, or zero with a reason
            assert float(row["score"]) in (10.0, 0.0) and (row["score"] == "10" or row["reasons"]), (student, row)
            continue
        assert float(row["score"]) == score, (student, row)
        if score < 10:
            assert row["reasons"], student


@pytest.mark.parametrize("sandbox", ["on", "off"])
def test_honest_submissions_grade_in_the_batch_as_they_do_alone(batch, releases, tmp_path, sandbox):
    """Alone, in the sandbox or not, an honest notebook gets exactly its row of the hostile batch."""
    examples = submissions.example_notebooks(ASSIGNMENT, releases[ASSIGNMENT])
    for student in ("honest_perfect", "honest_mistakes"):
        folder = tmp_path / student
        (folder / student / ASSIGNMENT).mkdir(parents=True)
        nbformat.write(examples[student.removeprefix("honest_")], folder / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
        alone = grade(folder, tmp_path / f"work_{student}", tmp_path / f"{student}.csv", sandbox, feedback=False)
        assert alone[student] == batch["rows"][student]
        assert not alone[student]["notes"]


def test_what_was_put_right_is_noted_and_nothing_a_student_printed_is(batch):
    rows = batch["rows"]
    expected_notes = {
        "moves_cells": ["cells were moved"],
        "retags_cells": ["check_one_hot had its nbgrader metadata changed", "cells were deleted (check_softmax)"],
        "edits_tests": ["the read-only cell check_softmax was edited"],
        "deletes_tests": ["cells were deleted (check_compute_cost_softmax)"],
    }
    for student, fragments in expected_notes.items():
        for fragment in fragments:
            assert fragment in rows[student]["notes"], (student, fragment, rows[student]["notes"])
    assert rows["forges_notes_and_scripts"]["notes"] == ""
    assert all("forged" not in row["notes"] and "full marks" not in row["notes"] for row in rows.values())


def test_the_sandbox_hides_files_the_network_the_environment_and_privileges(batch):
    probes = [line for line in autograded_text(batch["work_dir"], "probes").split("\n") if line.startswith("PROBE")]
    assert len(probes) == 13 and all(" denied " in line for line in probes), probes
    assert batch["server"].connections == 0
    assert not PLANTED_PTH.exists()


def test_nothing_outside_the_grading_folders_changes_and_no_link_is_followed(batch):
    assert not batch["changed"], batch["changed"]
    outside = batch["outside"]
    assert outside.read_text() == "the instructor's file\n" and oct(outside.stat().st_mode & 0o777) == "0o600"
    work_dir = batch["work_dir"]
    assert not list(work_dir.rglob("planted.txt")) and not (work_dir.parent / "planted.txt").exists()
    for step in ("autograded", "feedback"):
        for path in (work_dir / step / "probes").rglob("*"):
            assert not path.is_symlink() and path.suffix in (".ipynb", ".html", ""), path
            assert path.is_dir() or path.stat().st_size < 5_000_000, path


class ActiveContent(HTMLParser):
    """What a browser would run in a page: script texts that alert, on* attributes, javascript: links."""

    def __init__(self):
        super().__init__()
        self.found, self._in_script = [], False

    def handle_starttag(self, tag, attributes):
        self._in_script = tag == "script"
        self.found += [f"{tag} {name}" for name, value in attributes if name.startswith("on")]
        self.found += [f"{tag} {value}" for name, value in attributes if str(value).strip().startswith("javascript:")]

    def handle_data(self, data):
        if self._in_script and "alert" in data:
            self.found.append(data.strip()[:80])

    def handle_endtag(self, tag):
        self._in_script = False


def test_no_feedback_shows_a_secret_a_hidden_test_or_a_students_script(batch):
    hidden_source = HIDDEN_TESTS.read_text()
    hidden_lines = [line.strip() for line in hidden_source.splitlines() if len(line.strip()) > 30]
    pages = list((batch["work_dir"] / "feedback").rglob("*.html"))
    assert len(pages) >= 20
    for page in pages:
        html = page.read_text()
        assert SECRET_VALUE not in html, page
        assert "autograder.hidden" not in html and not any(line in html for line in hidden_lines), page
        active = ActiveContent()
        active.feed(html.replace(mathjax.script_element(), ""))  # MathJax's own code has `alert(`
        assert active.found == [], (page, active.found)


def test_breakdowns_are_explained(batch):
    rows, work_dir = batch["rows"], batch["work_dir"]
    assert "MemoryError" in autograded_text(work_dir, "hogs_memory")
    flood = work_dir / "autograded" / "floods_output" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert flood.stat().st_size < 3_000_000 and "the rest is not kept" in autograded_text(work_dir, "floods_output")
    assert "kernel died" in rows["exits_python"]["reasons"]
    assert rows["loops"]["predict_classes"] == "0" and "NameError" in rows["loops"]["reasons"]
    assert rows["swallows_interrupt"]["predict_classes"] == "0"
    assert "NameError" in rows["swallows_interrupt"]["reasons"] or "time limit" in rows["swallows_interrupt"]["reasons"]
    assert "notebook of 01_initialization" in rows["other_assignment"]["reasons"]
    assert "not a readable notebook" in rows["garbled"]["reasons"]
    assert rows["renamed"]["assignment"] == ASSIGNMENT
    assert "_AlwaysClose" in rows["returns_objects"]["reasons"] or "_AlwaysClose" in autograded_text(
        work_dir, "returns_objects")
