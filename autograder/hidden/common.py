"""What every hidden-test module shares.

A hidden test is a student check run quietly: it prints only its failures and a
summary, and it lives in a module the grade cell imports, so neither the release nor
the feedback shows its code.
"""

from helpers.checks.core import student_check


def hidden_test(body):
    """Turn ``body(checker, student_function)`` into a quiet check titled "hidden tests"."""
    return student_check(body, name=f"hidden tests of {body.__name__}", quiet=True)
