"""The framework behind every student check.

A check is a function decorated with :func:`student_check`. It receives a
:class:`Checker` and the student's function, calls the function on copies of its
inputs through :meth:`Checker.call`, and records one verdict per property it
verifies. At the end the checker prints one line per verdict, then raises
:class:`CheckFailed` with a one-line summary if anything failed. Everything is
printed to stdout: nbgrader counts any stderr output in a grade cell as a failure.

Inside IPython a failed check shows only its summary line instead of a traceback
through this module, so the student's eye goes to the report above it.
"""

import contextlib
import copy
import functools
import inspect
import io
import os
import re
import sys
import sysconfig
import traceback
import types
import warnings
from pathlib import Path

import numpy as np

_LIBRARY_DIRS = tuple(
    str(Path(p).resolve())
    for p in {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
) + (str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parents[2] / "autograder"))


#: The longest verdict, hint or note a report prints, in characters.
MAX_LINE = 600


class CheckFailed(Exception):
    """Raised at the end of a check that found at least one mistake."""


class _StopCheck(Exception):
    """Raised inside a check when later verdicts would be meaningless."""


class Checker:
    """Collects the verdicts of one check and prints them.

    Arguments:
        name -- the title printed above the verdicts (usually the function's name).
        quiet -- print only failures and the summary (used by hidden tests).
    """

    def __init__(self, name, quiet=False):
        self.name = name
        self.quiet = quiet
        self.verdicts = []  # list of (passed, message, hint)
        self.notes = []  # warnings the student's code raised, shown but not counted

    # ----- recording verdicts -------------------------------------------------
    def ok(self, message):
        """Record a passed verdict."""
        self.verdicts.append((True, message, None))

    def fail(self, message, hint=None, stop=False):
        """Record a failed verdict; with ``stop=True`` end the check here."""
        self.verdicts.append((False, message, hint))
        if stop:
            raise _StopCheck

    def expect(self, condition, ok_message, fail_message, hint=None, stop=False):
        """Record ``ok_message`` if ``condition`` holds, else ``fail_message``."""
        if condition:
            self.ok(ok_message)
        else:
            self.fail(fail_message, hint, stop)
        return bool(condition)

    # ----- calling the student's code -------------------------------------------
    def call(self, function, *args, inputs=None, may_modify_inputs=False, error_hint=None, **kwargs):
        """Call the student's ``function`` on deep copies of its arguments.

        Arguments:
            function -- the student's function.
            *args, **kwargs -- its arguments; the function receives copies.
            inputs -- a short description of the inputs for messages (default: shapes).
            may_modify_inputs -- if False, a function that changes its inputs in place fails.
            error_hint -- the hint shown if the function raises: a string, or a function of
                          the exception that returns one (or None for no particular hint).

        Returns the function's return value. If the function raises, the check records
        the exception with the student's own line and a hint (``error_hint``, else one for
        a known slip such as ``rng.randn`` on a numpy Generator) and stops;
        NotImplementedError (an exercise not attempted yet) propagates with a message
        saying what to do. Warnings the function raises are printed as notes, on stdout.
        """
        inputs = inputs or describe_arguments(args, kwargs)
        work_args, work_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
        try:
            # Warnings would go to stderr, which nbgrader counts as a failure: keep them as notes.
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                result = function(*work_args, **work_kwargs)
            self.notes.extend(f"{w.category.__name__} in {_function_name(function)}({inputs}): {w.message}"
                              for w in caught)
        except NotImplementedError:
            error = NotImplementedError(f"{_function_name(function)} is not written yet: replace "
                                        "`raise NotImplementedError()` in its cell with your code, then run both cells.")
            error.from_check = True
            raise error from None
        except Exception as error:  # the student's code may raise anything
            hint = error_hint(error) if callable(error_hint) else error_hint
            self.fail(f"{_function_name(function)}({inputs}) raised {type(error).__name__}: {error}"
                      f"{student_line(error)}", hint or convention_hint(error), stop=True)
        if not may_modify_inputs:
            changed = _changed_argument(function, args, kwargs, work_args, work_kwargs)
            if changed:
                self.fail(f"{_function_name(function)} modified its input {changed} in place.",
                          "Build new arrays (for example `W = W - ...` or `.copy()`) instead of changing an input.")
        return result

    # ----- common verdicts ------------------------------------------------------
    def require_type(self, value, types, what, hint=None):
        """Stop unless ``value`` is an instance of ``types``."""
        if not isinstance(value, types):
            names = " or ".join(t.__name__ for t in (types if isinstance(types, tuple) else (types,)))
            self.fail(f"{what} is a {type(value).__name__}; expected a {names}.", hint, stop=True)

    def require_keys(self, mapping, keys, what, hint=None, allow_extra=False):
        """Stop unless the dict ``mapping`` has the given keys (and, unless ``allow_extra``, no others)."""
        self.require_type(mapping, dict, what)
        missing = [k for k in keys if k not in mapping]
        extra = [] if allow_extra else [k for k in mapping if k not in keys]
        if missing:
            self.fail(f"{what} is missing the key{'s' if len(missing) > 1 else ''} {', '.join(missing)}.", hint, stop=True)
        if extra:
            self.fail(f"{what} has unexpected key{'s' if len(extra) > 1 else ''} {', '.join(map(str, extra))}.",
                      hint, stop=True)
        self.ok(f"{what} has the keys {_key_range(keys)}")

    def require_shape(self, array, shape, what, hint=None):
        """Stop unless ``array`` is a numpy array of the given shape."""
        if not isinstance(array, np.ndarray):
            self.fail(f"{what} is a {type(array).__name__}; expected a numpy array of shape {shape}.", hint, stop=True)
        if array.shape != tuple(shape):
            self.fail(f"{what} has shape {array.shape}; expected {tuple(shape)}.", hint, stop=True)

    def require_shapes(self, mapping, shapes, what, hint=None):
        """Stop unless every ``mapping[key]`` has shape ``shapes[key]``; one verdict for all."""
        for key, shape in shapes.items():
            self.require_shape(mapping[key], shape, f"{key}", hint)
        self.ok(f"{what}: every shape is right ({_shape_summary(shapes)})")

    def expect_close(self, actual, expected, what, rtol=1e-6, atol=1e-9, hint=None, stop=False):
        """Compare numbers or arrays; on failure report the largest error and where it is.

        Returns True if every entry satisfies ``|actual - expected| <= atol + rtol * |expected|``.
        """
        expected = np.asarray(expected, dtype=float)
        try:
            actual_array = np.asarray(actual, dtype=float)
        except (TypeError, ValueError):
            return self.expect(False, "", f"{what} is a {type(actual).__name__}, not a number or numeric array.",
                               hint, stop)
        if actual_array.shape != expected.shape:
            return self.expect(False, "", f"{what} has shape {actual_array.shape}; expected {expected.shape}.", hint, stop)
        if not np.all(np.isfinite(actual_array)):
            return self.expect(False, "", f"{what} contains NaN or infinity.", hint, stop)
        error = np.abs(actual_array - expected)
        allowed = atol + rtol * np.abs(expected)
        if np.all(error <= allowed):
            return self.expect(True, f"{what} matches the expected value{'s' if expected.size > 1 else ''} "
                                     f"{_format_value(expected)}", "")
        worst = np.unravel_index(np.argmax(error - allowed), error.shape) if error.ndim else ()
        where = f" at [{', '.join(map(str, worst))}]" if worst else ""
        if expected[worst] == 0:
            size = f"absolute error {error[worst]:.1e}"
        else:
            size = f"relative error {error[worst] / abs(expected[worst]):.1e}"
        got, wanted = _format_apart(actual_array[worst], expected[worst])
        return self.expect(False, "", f"{what}{where} is {got}; expected {wanted} "
                                      f"({size}, {np.count_nonzero(error > allowed)} of {error.size} entries differ).",
                           hint, stop)

    def run(self, body, *args, **kwargs):
        """Record the verdicts of ``body(self, *args, **kwargs)``; return how many failed.

        A verdict that stops the check ends ``body`` but not the caller, so a check can try
        an alternative on a fresh Checker and keep the better run.
        """
        try:
            body(self, *args, **kwargs)
        except _StopCheck:
            pass
        return sum(1 for ok, _, _ in self.verdicts if not ok)

    # ----- reporting ------------------------------------------------------------
    def report(self):
        """Print the verdicts and raise :class:`CheckFailed` if any failed."""
        passed = sum(1 for ok, _, _ in self.verdicts if ok)
        total = len(self.verdicts)
        lines = [self.name]
        ok_mark, fail_mark = _marks()
        for ok, message, hint in self.verdicts:
            if ok and not self.quiet:
                lines.append(f"  {ok_mark}    {_shortened(message)}")
            elif not ok:
                lines.append(f"  {fail_mark}  {_shortened(message)}")
                if hint:
                    lines.append(f"        Hint: {_shortened(hint)}")
        lines += [f"  note  {_shortened(note)}" for note in dict.fromkeys(self.notes)]
        if passed == total:
            lines.append(f"{passed}/{total} checks passed")
            print("\n".join(lines))
            return
        lines.append(f"{passed}/{total} checks passed — see the first FAIL above.")
        print("\n".join(lines))
        raise CheckFailed(f"{self.name}: {total - passed} of {total} checks failed — see the first FAIL above.")


#: ANSI colours of the verdict marks: green ``ok``, bold red ``FAIL``.
_GREEN, _BOLD_RED, _RESET = "\x1b[32m", "\x1b[1;31m", "\x1b[0m"


def _marks():
    """``("ok", "FAIL")``, coloured where the output shows colours: a Jupyter kernel's output
    (Jupyter renders ANSI colours) or a terminal, unless the ``NO_COLOR`` variable is set."""
    stream = sys.stdout
    coloured = not os.environ.get("NO_COLOR") and (
        type(stream).__module__.startswith("ipykernel") or (hasattr(stream, "isatty") and stream.isatty()))
    return (f"{_GREEN}ok{_RESET}", f"{_BOLD_RED}FAIL{_RESET}") if coloured else ("ok", "FAIL")


def student_check(body=None, *, name=None, quiet=False, builds_on=()):
    """Turn ``body(checker, student_function, ...)`` into a check ``check(student_function, ...)``.

    The check prints its report, and raises CheckFailed if a verdict failed. ``builds_on``
    names earlier exercises that the checked function usually calls: when the check fails and
    one of them, as the student wrote it, fails its own check (of the same module), the report
    says to fix that one first, since the failure may be its fault.
    """
    if body is None:
        return functools.partial(student_check, name=name, quiet=quiet, builds_on=builds_on)

    @functools.wraps(body)
    def check(student_function, *args, **kwargs):
        checker = Checker(name or body.__name__, quiet=quiet)
        if checker.run(body, student_function, *args, **kwargs):
            checker.notes += [f"{name_} fails its own check, and this exercise builds on it: fix {name_} first."
                              for name_ in builds_on if _fails_its_check(body.__module__, name_, student_function)]
        checker.report()

    return check


def sibling(function, name):
    """The function called ``name`` in the notebook that defined the student's ``function``, or None."""
    if isinstance(function, types.FunctionType):
        found = function.__globals__.get(name)
    else:  # a stand-in for a function in the student's kernel (see autograder.wire)
        lookup = getattr(function, "sibling", None)
        found = lookup(name) if callable(lookup) else None
    return found if callable(found) else None


def _fails_its_check(module_name, name, student_function):
    """Whether the student's ``name`` (found beside ``student_function``) fails the check ``name`` of the module."""
    check, function = getattr(sys.modules[module_name], name, None), sibling(student_function, name)
    if check is None or function is None:
        return False
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            check(function)
        except (CheckFailed, NotImplementedError):
            return True
    return False


class FixTheCheckFirst(CheckFailed):
    """Raised by :func:`require_passing` before an experiment that a failing function would ruin."""


def require_passing(check, student_function):
    """Stop an experiment at once unless ``student_function`` passes its visible ``check``.

    Expensive experiments call it before they use a student's function, so that a wrong
    function stops in seconds with a sentence naming the exercise to fix, rather than after
    minutes of training or by exhausting the machine's memory. The check runs quietly.
    """
    report = io.StringIO()
    with contextlib.redirect_stdout(report):
        try:
            check(student_function)
            return
        except (CheckFailed, NotImplementedError) as error:
            failure = error
    name = _function_name(student_function)
    first_fail = next((line.strip() for line in report.getvalue().splitlines() if line.lstrip().startswith("FAIL")),
                      f"{type(failure).__name__}: {failure}")
    raise FixTheCheckFirst(f"{name} does not pass its check yet ({_shortened(first_fail, 200)}): "
                           f"fix the check of {name} above first, then run this cell again.")


def call_repeatedly(function, times, *args):
    """``[function(*args) for _ in range(times)]``, in one go where ``function`` offers it.

    The grader judges a student's function in another process (``autograder.wire``); its
    stand-in answers all the calls in one message, so thousands of draws of a sampler
    cost one round trip instead of thousands.
    """
    repeat = getattr(function, "call_repeatedly", None)
    return repeat(times, *args) if callable(repeat) else [function(*args) for _ in range(times)]


# ----- describing values -----------------------------------------------------------
def describe_arguments(args, kwargs):
    """Describe call arguments briefly: arrays by shape, dicts by keys, short values as they are."""
    parts = [_describe(a) for a in args] + [f"{k}={_describe(v)}" for k, v in kwargs.items()]
    return ", ".join(parts)


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape}"
    if isinstance(value, dict):
        return f"dict with keys {_key_range(list(value))}"
    if isinstance(value, np.random.Generator):
        return "rng"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _key_range(keys):
    keys = list(keys)
    return ", ".join(map(str, keys)) if len(keys) <= 6 else f"{keys[0]}..{keys[-1]} ({len(keys)} keys)"


def _shape_summary(shapes):
    items = [f"{k} {tuple(v)}" for k, v in shapes.items()]
    return ", ".join(items) if len(items) <= 4 else ", ".join(items[:3]) + f", ... ({len(items)} arrays)"


def _format_value(value):
    value = np.asarray(value)
    if value.size == 1:
        return f"{value.item():.6g}"
    return f"(shape {value.shape})"


def _format_apart(actual, expected):
    """Both numbers with 6 significant digits, or as many more as it takes to tell them apart.

    Beyond 6 digits both keep their trailing zeros, so that they line up digit by digit.
    """
    got, wanted = f"{actual:.6g}", f"{expected:.6g}"
    for digits in range(7, 18):
        if got != wanted:
            break
        got, wanted = f"{actual:#.{digits}g}", f"{expected:#.{digits}g}"
    return got, wanted


#: What a numpy Generator offers in place of the functions of the old np.random API.
_GENERATOR_METHODS = {"randn": "rng.standard_normal(shape), with the shape as one tuple",
                      "rand": "rng.random(shape), with the shape as one tuple",
                      "random_sample": "rng.random(shape)", "randint": "rng.integers(low, high, size)",
                      "random_integers": "rng.integers(low, high, size, endpoint=True)"}


def convention_hint(error):
    """A hint for an exception that a known slip causes, in the student's terms, or None.

    Code ported from the np.random API calls methods a numpy Generator does not have
    (``rng.randn``, ``rng.seed``): the error names the method, the hint its replacement.
    Code copied from elsewhere uses a module its notebook never imported (``math.floor``).
    """
    module = re.fullmatch(r"name '(\w+)' is not defined", str(error))
    if type(error).__name__ == "NameError" and module and module.group(1) in sys.stdlib_module_names:
        return (f"{module.group(1)} is a module that this notebook does not import: add `import {module.group(1)}` "
                "at the top of your cell, or use numpy's own function (np.floor, np.sqrt, ...).")
    if type(error).__name__ != "AttributeError" or "Generator" not in str(error):
        return None
    match = re.search(r"has no attribute '(\w+)'", str(error))
    method = match.group(1) if match else ""
    if method == "seed":
        return ("rng is a numpy Generator, already seeded by whoever made it (np.random.default_rng(seed)): "
                "it has no seed method. Draw from it as it is, and do not call np.random.seed either.")
    if method in _GENERATOR_METHODS:
        return (f"rng is a numpy Generator, not the np.random module: it has no {method}; "
                f"use {_GENERATOR_METHODS[method]}.")
    return f"rng is a numpy Generator: it has no {method or 'such method'} (see the numpy.random.Generator methods)."


def _shortened(text, limit=MAX_LINE):
    """``text`` cut to ``limit`` characters (an error message of a student's can be any length)."""
    text = str(text)
    return text if len(text) <= limit else text[:limit - 30] + f" ... ({len(text) - limit + 30:,} more characters)"


def _function_name(function):
    return getattr(function, "__name__", "your function")


def student_line(error):
    """Return ' at line N of f: `code`' for the deepest frame of the student's own code, or ''.

    An exception raised in another process (see ``autograder.wire``) brings that line along.
    """
    if isinstance(getattr(error, "student_line", None), str):
        return error.student_line
    frames = [f for f in traceback.extract_tb(error.__traceback__) if _is_student_file(f.filename)]
    if not frames:
        return ""
    frame = frames[-1]
    code = f": `{frame.line.strip()}`" if frame.line else ""
    return f"\n        (your line {frame.lineno} in {frame.name}{code})"


def _is_student_file(filename):
    """True for code a student wrote: a notebook cell or a script, not a library's file.

    Compiled extensions (numpy's ``.pyx`` sources) report relative names; libraries live in
    the interpreter's folders or in this course's own packages.
    """
    if filename.startswith("<"):
        return True
    path = Path(filename)
    if not path.is_absolute() or path.suffix in (".pyx", ".pxd"):
        return False
    return not str(path.resolve()).startswith(_LIBRARY_DIRS)


def _changed_argument(function, originals, original_kwargs, copies, copied_kwargs):
    """Return the name (and key path) of the first argument the call modified, or ''."""
    pairs = list(zip(originals, copies)) + [(original_kwargs[k], copied_kwargs[k]) for k in original_kwargs]
    names = _parameter_names(function, len(originals)) + list(original_kwargs)
    for name, (before, after) in zip(names, pairs):
        where = _first_difference(before, after)
        if where is not None:
            return f"{name}{where}"
    return ""


def _parameter_names(function, count):
    """Names of the first ``count`` positional parameters of ``function`` (``#1``... if unknown)."""
    try:
        names = [p.name for p in inspect.signature(function).parameters.values()]
    except (TypeError, ValueError):
        names = []
    return [names[i] if i < len(names) else f"#{i + 1}" for i in range(count)]


def _first_difference(before, after):
    """Return '' if identical, a key path like "['W1']" for the first difference, None if equal."""
    if isinstance(before, np.ndarray):
        same = isinstance(after, np.ndarray) and before.shape == after.shape and np.array_equal(before, after, equal_nan=True)
        return None if same else ""
    if isinstance(before, dict):
        if not isinstance(after, dict) or set(before) != set(after):
            return ""
        for key in before:
            inner = _first_difference(before[key], after[key])
            if inner is not None:
                return f"[{key!r}]{inner}"
        return None
    if isinstance(before, (list, tuple)):
        if type(before) is not type(after) or len(before) != len(after):
            return ""
        for index, (b, a) in enumerate(zip(before, after)):
            inner = _first_difference(b, a)
            if inner is not None:
                return f"[{index}]{inner}"
        return None
    return None


# ----- IPython display ---------------------------------------------------------------
def _show_summary_only(shell, etype, value, tb, tb_offset=None):
    """IPython handler: a check's own failure shows one line (its report is printed above it);
    any other exception gets IPython's usual traceback."""
    if isinstance(value, CheckFailed) or getattr(value, "from_check", False):
        structured = [f"{etype.__name__}: {value}"]
    else:
        structured = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    shell._showtraceback(etype, value, structured)
    return structured


def _install_ipython_handler():
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((CheckFailed, NotImplementedError), _show_summary_only)


_install_ipython_handler()
