"""The judge: the score of a grade cell is decided here, in the grader's process.

The grade cell of a graded function ``F`` of assignment ``NN_name`` runs the visible check
``helpers.checks.name.F`` and then the hidden tests ``autograder.hidden.name.F`` (see
:func:`grade_cell_source`). While grading, the grader does not run that cell in the
student's kernel: it runs both checks itself, on a stand-in for the student's ``F`` that
calls the real one in the kernel over the wire (:mod:`autograder.wire`). Only plain data
crosses, so the student's code never sees a check, a hidden test, a reference answer or
an expected value, and nothing it does in its kernel can change how its results are judged.
"""

import contextlib
import importlib
import io
import socket
import threading
import time
import warnings
from dataclasses import dataclass

from autograder import course, wire
from helpers.checks import CheckFailed

#: The most characters of check output a grade cell keeps.
MAX_PRINTED = 100_000


@dataclass
class Score:
    """What a check returns to give part of a grade cell's points, with the measures it was given for.

    ``fraction`` (0 to 1) of the cell's points; ``measures`` a dict name -> number that the
    grades CSV reports (for example ``{"test_accuracy": 0.853}``).
    """

    fraction: float
    measures: dict


@dataclass
class Verdict:
    """What the checks of one graded function printed, and why they failed (None: they passed).

    ``error`` is ``(name, text)``: ``("CheckFailed", ...)``, ``("NotImplementedError", ...)``,
    ``("CellTimeoutError", ...)``, or the exception a check met on what the function returned.
    ``score`` is the Score a check returned, when one did and none failed: the cell earns that
    fraction of its points instead of all of them.
    """

    printed: str
    error: tuple | None = None
    score: Score | None = None

    @property
    def passed(self):
        return self.error is None


def grade_cell_source(assignment, function):
    """The source of the grade cell of ``function``: the visible check, then the hidden tests."""
    return (f"check.{function}({function})\n{course.HIDDEN_BEGIN}\n"
            f"from autograder.hidden import {course.short_name(assignment)} as hidden\n"
            f"hidden.{function}({function})\n{course.HIDDEN_END}")


def checks_of(assignment):
    """The visible-check module and the hidden-test module of ``assignment``."""
    name = course.short_name(assignment)
    return importlib.import_module(f"helpers.checks.{name}"), importlib.import_module(f"autograder.hidden.{name}")


def run_checks(checks, function):
    """Run each of ``checks`` on ``function`` until one fails; return the Verdict."""
    printed = io.StringIO()
    error = score = None
    with contextlib.redirect_stdout(printed), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a check records the warnings of the calls it makes; others are noise
        try:
            for check in checks:
                returned = check(function)
                score = returned if isinstance(returned, Score) else score
        except CheckFailed as failure:
            error = ("CheckFailed", str(failure))
        except NotImplementedError as failure:
            error = ("NotImplementedError", str(failure))
        except wire.ChannelError as failure:
            error = (failure.ename, f"the kernel did not answer the grader: {failure}")
        except Exception as failure:  # a check met a value it cannot use: the answer is wrong
            error = (type(failure).__name__, f"the checks could not use what the function returned ({failure})")
    return Verdict(_printable(printed.getvalue())[:MAX_PRINTED], error and tuple(map(_printable, error)),
                   None if error else score)


def judge(assignment, function_name, function):
    """The grade cell's verdict: the visible check of ``function_name``, then its hidden tests."""
    visible, hidden = checks_of(assignment)
    return run_checks([getattr(visible, function_name), getattr(hidden, function_name)], function)


def judge_in_kernel(listener, assignment, function_name, deadline, kernel_alive):
    """Judge the kernel's ``function_name`` once its kernel connects to ``listener``.

    Arguments:
        listener -- a listening Unix socket; the kernel runs ``wire.serve`` on its address
        assignment, function_name -- what to judge
        deadline -- ``time.monotonic()`` value by which everything must be done
        kernel_alive -- function of no arguments: False once the kernel's process has ended
    """
    try:
        sock = _accept(listener, deadline, kernel_alive)
        with sock:
            connection, function = wire.open_function(sock, function_name, deadline)
            verdict = judge(assignment, function_name, function)
            with contextlib.suppress(wire.ChannelError):
                connection.send({"op": "done"})
        return verdict
    except wire.ChannelError as failure:
        return Verdict("", (failure.ename, f"the kernel did not answer the grader: {failure}"))


def _accept(listener, deadline, kernel_alive):
    """The kernel's connection to ``listener``; a ChannelError if it dies or the deadline passes first."""
    while (remaining := deadline - time.monotonic()) > 0:
        listener.settimeout(min(1.0, remaining))
        try:
            return listener.accept()[0]
        except socket.timeout:
            if not kernel_alive():
                raise wire.ChannelError("its process ended") from None
    raise wire.ChannelTimeout("it did not start the tests before the time limit (an earlier cell may still be running)")


@contextlib.contextmanager
def through_the_wire(function, namespace=None):
    """``function`` as the judge meets a kernel's: a stand-in that calls it over the wire.

    The function runs in another thread of this process, so that a judgement here (``course
    report``, the tests) goes through exactly the conversion the grader applies to a kernel.
    ``namespace`` plays the notebook's globals (default: the function alone).
    """
    grader_end, kernel_end = socket.socketpair()
    name = getattr(function, "__name__", "function")
    namespace = {name: function} if namespace is None else namespace
    kernel = threading.Thread(target=wire.serve_on, args=(kernel_end, name, namespace), daemon=True)
    kernel.start()
    with grader_end, kernel_end:
        connection, stand_in = wire.open_function(grader_end, name)
        try:
            yield stand_in
        finally:
            connection.send({"op": "done"})
            kernel.join()


def _printable(text):
    """``text`` with anything that cannot be written as UTF-8 (a lone surrogate) escaped."""
    return str(text).encode("utf-8", "backslashreplace").decode("utf-8")
