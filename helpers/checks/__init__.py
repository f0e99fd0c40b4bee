"""Student checks: one module per assignment, each function checks one exercise.

Use in a notebook: ``from helpers.checks import initialization as check`` and then
``check.initialize_parameters_he(initialize_parameters_he)``.
"""

from helpers.checks.core import Checker, CheckFailed, FixTheCheckFirst, require_passing, student_check

__all__ = ["Checker", "CheckFailed", "FixTheCheckFirst", "require_passing", "student_check"]
