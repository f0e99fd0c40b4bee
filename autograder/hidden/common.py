"""What every hidden-test module shares.

A hidden test is a student check run quietly: it prints only its failures and a
summary. The grader runs it in its own process on a stand-in for the student's function
(``autograder.judge``), so neither the release, the feedback nor the student's kernel
holds its code. The numerical-gradient oracle is here, on the grader's side, because
numerical derivatives are themselves an exercise (assignment 03).
"""

import numpy as np

from helpers.checks.core import student_check


def hidden_test(body):
    """Turn ``body(checker, student_function)`` into a quiet check titled "hidden tests"."""
    return student_check(body, name=f"hidden tests of {body.__name__}", quiet=True)


def numerical_gradient(f, array, epsilon=1e-6):
    """Centered differences of the scalar ``f()`` with respect to every entry of ``array``.

    Arguments:
        f -- function of no arguments that reads ``array`` (for example through a closure)
        array -- float array that is perturbed in place, one entry at a time, and restored
        epsilon -- the step

    Returns an array of the shape of ``array``: ``(f(a + e) - f(a - e)) / (2 epsilon)`` per entry.
    """
    gradient = np.zeros_like(array, dtype=float)
    for index in np.ndindex(array.shape):
        original = array[index]
        array[index] = original + epsilon
        plus = f()
        array[index] = original - epsilon
        minus = f()
        array[index] = original
        gradient[index] = (plus - minus) / (2 * epsilon)
    return gradient


def relative_error(a, b):
    """``||a - b|| / (||a|| + ||b||)``, 0 when both are zero."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    total = np.linalg.norm(a) + np.linalg.norm(b)
    return float(np.linalg.norm(a - b) / total) if total > 0 else 0.0
