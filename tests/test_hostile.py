"""A hostile batch through `course grade --sandbox on`: honest work grades as it does alone,
every trick gets the grade its honest work deserves (or zero) with a reason, nothing
outside the submission's folder is readable and no connection leaves the sandbox.

The assignment is 06 (the quickest notebook). Each hostile submission starts from an
honest one, *perfect* (10 points) or *mistakes* (6 points: two exercises wrong), and adds
one trick; its expected score is that of its honest part.
"""

import csv
import os
import socket
import textwrap
import threading

import nbformat
import pytest

from autograder import cli, course, submissions
from autograder.sandbox import bubblewrap
from conftest import TEST_CELL_TIMEOUT

ASSIGNMENT = "06_softmax"
#: Set in the grader's environment during the batch: no kernel may see it.
SECRET_VARIABLE = "COURSE_TEST_SECRET_TOKEN"
MEMORY_LIMIT_MB = 2048

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


def probe_code(paths, port):
    """Code that tries to read each of ``paths`` and to connect to ``port``, printing what happened,
    and that copies the solutions if it can read the source notebook."""
    return f"""
    import json as _json, socket as _socket
    for _path in {[str(p) for p in paths]!r}:
        try:
            with open(_path, "rb") as _file:
                _text = _file.read()
            print("PROBE read", _path, "ok")
            if _path.endswith("{ASSIGNMENT}.ipynb"):
                for _cell in _json.loads(_text)["cells"]:
                    if _cell.get("metadata", {{}}).get("nbgrader", {{}}).get("solution"):
                        exec("".join(_cell["source"]))
        except OSError as _error:
            print("PROBE read", _path, "denied", type(_error).__name__)
    try:
        _socket.create_connection(("127.0.0.1", {port}), timeout=3).close()
        print("PROBE connect ok")
    except OSError as _error:
        print("PROBE connect denied", type(_error).__name__)
    import os as _os
    print("PROBE environment", "ok" if "{SECRET_VARIABLE}" in _os.environ else "denied", "-")
    try:
        with open("/tmp/filler", "wb") as _file:
            for _ in range(40):
                _file.write(bytes(10 ** 7))
        print("PROBE fill /tmp with 400 MB ok")
    except OSError as _error:
        print("PROBE fill /tmp with 400 MB denied", type(_error).__name__)
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


def hostile_batch(folder, release_path, work_dir, port):
    """Write every submission of the batch into ``folder``; return dict student -> expected score."""
    examples = submissions.example_notebooks(ASSIGNMENT, release_path)
    perfect, mistakes = examples["perfect"], examples["mistakes"]
    honest = {"perfect": 10.0, "mistakes": 6.0}
    made, expected = {}, {}

    def add(student, notebook, base):
        made[student], expected[student] = notebook, honest[base]

    add("honest_perfect", perfect, "perfect")
    add("honest_mistakes", mistakes, "mistakes")
    add("patches_numpy", with_code(mistakes, "one_hot", """
        np.allclose = lambda *a, **k: True
        np.all = lambda *a, **k: True"""), "mistakes")
    add("patches_builtins", with_code(mistakes, "one_hot", """
        import builtins
        builtins.sum = lambda *a, **k: 0"""), "mistakes")
    add("patches_checks", with_code(mistakes, "one_hot", """
        import helpers.checks.core as _core
        _core.Checker.expect_close = lambda self, *a, **k: True
        _core.Checker.run = lambda self, *a, **k: 0
        _core.student_check.__code__ = (lambda body, **k: (lambda *a, **kw: None)).__code__"""), "mistakes")
    add("fakes_hidden_tests", with_code(mistakes, "one_hot", """
        import sys, types
        for _name in ("autograder", "autograder.hidden", "autograder.hidden.softmax"):
            sys.modules[_name] = types.ModuleType(_name)
        sys.modules["autograder"].hidden = sys.modules["autograder.hidden"]
        sys.modules["autograder.hidden"].softmax = _fake = sys.modules["autograder.hidden.softmax"]
        _fake.__getattr__ = lambda name: (lambda *a, **k: None)"""), "mistakes")
    add("hooks_ipython", with_code(mistakes, "one_hot", """
        from IPython import get_ipython
        from IPython.display import clear_output
        get_ipython().events.register("pre_run_cell", lambda *a: setattr(np, "all", lambda *b, **k: True))
        get_ipython().events.register("post_run_cell", lambda *a: clear_output())"""), "mistakes")
    add("shadows_helpers", with_code(mistakes, "one_hot", """
        import os, sys
        os.makedirs("helpers/checks", exist_ok=True)
        for _module in ("helpers/__init__.py", "helpers/checks/__init__.py", "helpers/checks/core.py"):
            open(_module, "w").write("student_check = lambda body, **k: (lambda *a, **kw: None)\\n")
        for _name in [n for n in sys.modules if n.startswith("helpers")]:
            del sys.modules[_name]"""), "mistakes")
    add("probes", with_code(mistakes, "one_hot", probe_code(
        [course.source_path(ASSIGNMENT), course.COURSE_ROOT / "autograder" / "hidden" / "softmax.py",
         work_dir / "gradebook.db", work_dir / "submitted" / "honest_perfect" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
         "/etc/os-release"], port)), "mistakes")
    add("hogs_memory", with_code(mistakes, "one_hot", """
        def _hog():
            blocks = []
            while True:
                blocks.append(bytearray(10 ** 8))
        _hog()"""), "mistakes")
    add("floods_output", with_code(mistakes, "one_hot", """
        for _ in range(200_000):
            print("spam " * 20)"""), "mistakes")
    add("tampers_during_test", with_code(perfect, "softmax", """
        _honest_softmax = softmax
        def softmax(Z):
            import numpy
            numpy.all = lambda *a, **k: True
            return _honest_softmax(Z)"""), "perfect")
    expected["tampers_during_test"] = 8.0  # its softmax exercise counts nothing

    moved = nbformat.from_dict(perfect)
    check = moved.cells.pop(cell_index(moved, "check_one_hot"))
    moved.cells.insert(cell_index(moved, "one_hot"), check)
    add("moves_cells", moved, "perfect")
    retagged = nbformat.from_dict(perfect)
    retagged.cells[cell_index(retagged, "check_one_hot")].metadata.nbgrader.update(points=50, grade=False)
    retagged.cells[cell_index(retagged, "check_softmax")].metadata.nbgrader["grade_id"] = "bonus"
    add("retags_cells", retagged, "perfect")
    edited = nbformat.from_dict(mistakes)
    edited.cells[cell_index(edited, "check_softmax")].source = "print('all tests passed')"
    add("edits_tests", edited, "mistakes")
    deleted = nbformat.from_dict(mistakes)
    del deleted.cells[cell_index(deleted, "check_compute_cost_softmax")]
    add("deletes_tests", deleted, "mistakes")
    add("exits_python", with_code(perfect, "one_hot", "import os\nos._exit(3)"), "perfect")
    expected["exits_python"] = 0.0
    looping = nbformat.from_dict(perfect)
    looping.cells[cell_index(looping, "predict_classes")].source = "while True:\n    pass"
    add("loops", looping, "perfect")
    expected["loops"] = 8.0
    swallowing = nbformat.from_dict(perfect)
    swallowing.cells[cell_index(swallowing, "predict_classes")].source = (
        "while True:\n    try:\n        pass\n    except KeyboardInterrupt:\n        pass")
    add("swallows_interrupt", swallowing, "perfect")
    expected["swallows_interrupt"] = 8.0

    for student, notebook in made.items():
        (folder / student / ASSIGNMENT).mkdir(parents=True)
        nbformat.write(notebook, folder / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    fake_package = folder / "shadows_helpers" / ASSIGNMENT / "helpers"
    fake_package.mkdir()
    (fake_package / "__init__.py").write_text("raise SystemExit('the submitted helpers were imported')\n")
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


def grade(folder, work_dir, csv_path, sandbox="on"):
    cli.main(["grade", str(folder), "--work-dir", str(work_dir), "--csv", str(csv_path), "--no-feedback",
              "--sandbox", sandbox, "--timeout", str(TEST_CELL_TIMEOUT), "--memory-limit", str(MEMORY_LIMIT_MB)])
    with open(csv_path) as file:
        return {row["student"]: row for row in csv.DictReader(file)}


@pytest.fixture(scope="module")
def batch(releases, tmp_path_factory):
    """Grade the hostile batch; return (rows by student, expected scores, work folder, server)."""
    server = ListeningServer()
    folder, work_dir = tmp_path_factory.mktemp("hostile"), tmp_path_factory.mktemp("hostile_work")
    expected = hostile_batch(folder, releases[ASSIGNMENT], work_dir, server.port)
    os.environ[SECRET_VARIABLE] = "secret"
    try:
        rows = grade(folder, work_dir, folder / "grades.csv")
    finally:
        del os.environ[SECRET_VARIABLE]
    return rows, expected, work_dir, server


def autograded_text(work_dir, student):
    path = work_dir / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    return "".join(o.get("text", "") + o.get("ename", "")
                   for c in nbformat.read(path, as_version=4).cells for o in c.get("outputs", []))


def test_every_submission_gets_its_honest_score_or_zero_with_a_reason(batch):
    rows, expected, _, _ = batch
    assert set(rows) == set(expected)
    for student, score in expected.items():
        row = rows[student]
        assert float(row["score"]) == score, (student, row)
        if score < 10:
            assert row["reasons"], student


@pytest.mark.parametrize("sandbox", ["on", "off"])
def test_honest_submissions_grade_in_the_batch_as_they_do_alone(batch, releases, tmp_path, sandbox):
    """Alone, in the sandbox or not, an honest notebook gets exactly its row of the hostile batch."""
    rows, _, _, _ = batch
    examples = submissions.example_notebooks(ASSIGNMENT, releases[ASSIGNMENT])
    for student in ("honest_perfect", "honest_mistakes"):
        folder = tmp_path / student
        (folder / student / ASSIGNMENT).mkdir(parents=True)
        nbformat.write(examples[student.removeprefix("honest_")], folder / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
        alone = grade(folder, tmp_path / f"work_{student}", tmp_path / f"{student}.csv", sandbox)[student]
        assert alone == rows[student]
        assert not alone["notes"]


def test_what_was_restored_or_put_right_is_noted_for_the_instructor(batch):
    rows = batch[0]
    expected_notes = {
        "patches_numpy": ["numpy.allclose was replaced", "numpy.all was replaced"],
        "patches_builtins": ["builtins.sum was replaced"],
        "patches_checks": ["Checker.expect_close was replaced", "Checker.run was replaced",
                           "the code of helpers.checks.core.student_check was replaced"],
        "fakes_hidden_tests": ["autograder.hidden.softmax was planted"],
        "hooks_ipython": ["'pre_run_cell' hook was added"],
        "shadows_helpers": ["sys.modules['helpers.checks.core'] was replaced"],
        "moves_cells": ["cells were moved"],
        "retags_cells": ["check_one_hot had its nbgrader metadata changed",
                         "cells were deleted (check_softmax)"],
        "edits_tests": ["the read-only cell check_softmax was edited"],
        "deletes_tests": ["cells were deleted (check_compute_cost_softmax)"],
    }
    for student, fragments in expected_notes.items():
        for fragment in fragments:
            assert fragment in rows[student]["notes"], (student, fragment, rows[student]["notes"])


def test_tampering_while_the_tests_run_costs_that_exercise(batch):
    row = batch[0]["tampers_during_test"]
    assert row["softmax"] == "0" and "TamperingDetected" in row["reasons"] and "numpy.all" in row["reasons"]


def test_the_sandbox_hides_files_the_network_and_the_graders_environment(batch):
    _, _, work_dir, server = batch
    probes = [line for line in autograded_text(work_dir, "probes").split("\n") if line.startswith("PROBE")]
    assert len(probes) == 8 and all(" denied " in line for line in probes), probes
    assert server.connections == 0


def test_breakdowns_are_explained(batch):
    rows, _, work_dir, _ = batch
    assert "MemoryError" in autograded_text(work_dir, "hogs_memory")
    flood = work_dir / "autograded" / "floods_output" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert flood.stat().st_size < 3_000_000 and "the rest is not kept" in autograded_text(work_dir, "floods_output")
    assert "kernel died" in rows["exits_python"]["reasons"]
    for student in ("loops", "swallows_interrupt"):
        assert rows[student]["predict_classes"] == "0" and "NameError" in rows[student]["reasons"]
    assert "notebook of 01_initialization" in rows["other_assignment"]["reasons"]
    assert "not a readable notebook" in rows["garbled"]["reasons"]
    assert rows["renamed"]["assignment"] == ASSIGNMENT
