"""How well the grader judges: every mutant must lose its points, every variant keep them.

Mutants and variants are the edits of ``autograder/edits/<name>.py`` applied to the source
notebook's solution cells. Each edited set of answers is executed after the notebook's
imports cell, in-process (no kernel, no training), and the visible check and the hidden
tests of the edited function judge it as the grader judges a kernel's: through the wire
(``judge.through_the_wire``), so only plain data reaches the checks.
"""

from dataclasses import dataclass

from autograder import course, held_out, reference, submissions
from autograder.judge import checks_of, run_checks, through_the_wire


@dataclass
class Judgement:
    """What the visible check and the hidden tests said of one version of one function."""

    function: str
    description: str
    visible_passed: bool
    hidden_passed: bool
    #: whether the visible check printed the edit's ``named_by`` (None: the edit declares none)
    named: bool | None = None


def imports_cell(assignment):
    """Source of the source notebook's imports cell (as a one-element list)."""
    return [c["source"] for c in course.read_source(assignment)["cells"]
            if course.nbgrader_meta(c).get("grade_id") == reference.IMPORTS_CELL_ID]


def verdicts(assignment, function, edits=()):
    """The Verdicts of the visible check and of the hidden tests of ``function`` on the solution with ``edits`` made."""
    answers = submissions.student_solutions(assignment, edits)
    namespace = reference.namespace_from_cells(imports_cell(assignment) + list(answers.values()))
    visible, hidden = checks_of(assignment)
    with through_the_wire(namespace[function], namespace) as stand_in:
        return run_checks([getattr(visible, function)], stand_in), run_checks([getattr(hidden, function)], stand_in)


def named_edit(assignment, function, description):
    """The mutant or variant of ``function`` in ``autograder/edits/`` whose description is ``description``."""
    module = submissions.edits(assignment)
    found = [e for e in module.MUTANTS + module.VARIANTS if e.function == function and e.description == description]
    if len(found) != 1:
        raise KeyError(f"{assignment} has {len(found)} edits of {function} described {description!r}")
    return found[0]


def judge(assignment, function, edits=(), description="the solution"):
    """Run the visible check and the hidden tests of ``function`` on the solution with ``edits`` made."""
    visible, hidden = verdicts(assignment, function, edits)
    named_by = [e.named_by for e in edits if e.named_by]
    named = all(text in visible.printed for text in named_by) if named_by else None
    return Judgement(function, description, visible.passed, hidden.passed, named)


def judged_functions(assignment):
    """The graded functions of ``assignment`` that have mutants and variants: those of its grade cells but a
    function graded by its accuracy on the held-out set (the capstone's ``predict_digits``)."""
    return [function for function in map(course.exercise_name, course.grade_cells(course.read_source(assignment)))
            if function != held_out.JUDGED.get(assignment)]


def judge_assignment(assignment):
    """Judgements of the solution, every mutant and every variant of ``assignment``.

    Returns a dict with keys "solutions", "mutants" and "variants", each a list of Judgement.
    A function graded on the held-out set by its accuracy (the capstone's ``predict_digits``) has none:
    the grades of the demo's examples measure it.
    """
    module = submissions.edits(assignment)
    return {
        "solutions": [judge(assignment, f) for f in judged_functions(assignment)],
        "mutants": [judge(assignment, e.function, [e], e.description) for e in module.MUTANTS],
        "variants": [judge(assignment, e.function, [e], e.description) for e in module.VARIANTS],
    }


def report(assignments):
    """The accuracy table, and whether the grader is right on every mutant and variant.

    Returns ``(text, all_right)``: ``all_right`` is True when every solution and variant
    passes both the visible check and the hidden tests, every mutant fails the hidden tests,
    and every mutant that declares a ``named_by`` hint gets it from the visible check. The
    column "named" counts the mutants whose visible check names their mistake.
    """
    header = (f"{'assignment':<22} {'function':<40} {'mutants caught: hidden':>22} {'visible':>17} "
              f"{'named':>17} {'variants at full marks':>22}")
    lines, problems = [header, "-" * len(header)], []
    totals = [0, 0, 0, 0, 0, 0]
    for assignment in assignments:
        judged = judge_assignment(assignment)
        for solution in judged["solutions"]:
            mutants = [j for j in judged["mutants"] if j.function == solution.function]
            variants = [j for j in judged["variants"] if j.function == solution.function]
            hidden = sum(not j.hidden_passed for j in mutants)
            visible = sum(not j.visible_passed for j in mutants)
            full = sum(j.visible_passed and j.hidden_passed for j in variants)
            named = sum(bool(j.named) for j in mutants)
            for value, index in ((len(mutants), 0), (hidden, 1), (visible, 2), (len(variants), 3), (full, 4),
                                 (named, 5)):
                totals[index] += value
            lines.append(f"{assignment:<22} {solution.function:<40} {f'{hidden}/{len(mutants)}':>22} "
                         f"{f'{visible}/{len(mutants)}':>17} {f'{named}/{len(mutants)}':>17} "
                         f"{f'{full}/{len(variants)}':>22}")
            if not (solution.visible_passed and solution.hidden_passed):
                problems.append(f"{assignment} {solution.function}: the solution itself fails its checks")
            problems += [f"{assignment} {j.function}: mutant escapes the hidden tests: {j.description}"
                         for j in mutants if j.hidden_passed]
            problems += [f"{assignment} {j.function}: variant loses points: {j.description}"
                         for j in variants if not (j.visible_passed and j.hidden_passed)]
            problems += [f"{assignment} {j.function}: the visible check no longer names the mistake: {j.description}"
                         for j in mutants if j.named is False]
        if assignment in held_out.JUDGED:
            lines.append(f"{assignment:<22} {held_out.JUDGED[assignment]:<40} graded by its accuracy on the held-out "
                         f"test set: no mutants (the demo grades its examples)")
    lines.append("-" * len(header))
    mutants, hidden, visible, variants, full, named = totals
    lines.append(f"{'total':<63} {_percent(hidden, mutants):>22} {_percent(visible, mutants):>17} "
                 f"{_percent(named, mutants):>17} {_percent(full, variants):>22}")
    lines += [f"! {problem}" for problem in problems]
    return "\n".join(lines), not problems


def _percent(part, whole):
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "-"
