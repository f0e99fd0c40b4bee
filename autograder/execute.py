"""nbgrader's Execute step with the course's protections around a student's notebook.

:class:`GradingExecute` replaces nbgrader's ``Execute`` in autograding. On top of it:

- the kernel is a :class:`~autograder.sandbox.GradingKernelManager` (memory limit, and
  the bubblewrap sandbox when the course grades isolated);
- the whole notebook has a time budget, not only each cell;
- a cell's recorded output is capped, so a flood of prints cannot exhaust the grader;
  errors and the start of stderr are always kept (they decide the score);
- grade cells ignore ``clear_output``, which could otherwise erase a failed test;
- around every grade cell the kernel-side guard (``autograder.guard``) restores what a
  submission replaced and installs the hidden tests, sent from here; what the guard
  reports is written into the cell: a note when something was restored before the
  tests, an error (no points) when something changed while they ran.
"""

import ast
import json
import pkgutil
import re
import time
from pathlib import Path

from jupyter_core.utils import run_sync
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Integer

import helpers
from autograder import course, guard, reference
from autograder.sandbox import GradingKernelManager

GRADER_DIR = Path(__file__).resolve().parent
#: Marks the lines the grader adds to a cell's output.
NOTE_PREFIX = "[grader] "
TAMPERING_ERROR = "TamperingDetected"
GUARD_NAME = "_course_guard"


class GradingExecute(Execute):
    """nbgrader's Execute with a guarded kernel, a notebook time budget and capped outputs."""

    notebook_timeout = Integer(900, help="Seconds the whole notebook may run.").tag(config=True)
    max_output_chars = Integer(1_000_000, help="Output kept per cell, in characters.").tag(config=True)

    def __init__(self, **kwargs):
        kwargs["kernel_manager_class"] = GradingKernelManager
        super().__init__(**kwargs)
        self._deadline = None
        self._output_chars = 0
        self._in_grade_cell = False

    # ----- kernel start -------------------------------------------------------------------
    async def async_start_new_kernel_client(self):
        client = await super().async_start_new_kernel_client()
        preload = ["helpers." + m.name for m in pkgutil.walk_packages(helpers.__path__) if m.name != "datasets"]
        code = (f"import sys, types\n{GUARD_NAME} = types.ModuleType({GUARD_NAME!r})\n"
                f"exec(compile({guard_source()!r}, '<grader: guard>', 'exec'), vars({GUARD_NAME}))\n"
                f"sys.modules[{GUARD_NAME!r}] = {GUARD_NAME}\n"
                f"{GUARD_NAME}.start({['numpy', 'helpers', *preload]!r})\ndel {GUARD_NAME}, sys, types\n")
        content = await self._run_silently(code)
        if content["status"] != "ok":
            raise RuntimeError(f"the grader's guard did not start in the kernel: {content.get('ename')}: "
                               f"{content.get('evalue')}")
        self._deadline = time.monotonic() + self.notebook_timeout
        return client

    # nbclient binds its synchronous wrappers to its own coroutines: bind them to ours.
    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    # ----- cells ----------------------------------------------------------------------------
    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        self._output_chars = 0
        if not _is_test_cell(cell) or not cell.source.strip():
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        prepared, restored = await self._call_guard("prepare_grade_cell", *hidden_test_bundle(cell.source))
        self._in_grade_cell = True
        try:
            cell = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        finally:
            self._in_grade_cell = False
        _, changed = await self._call_guard("finish_grade_cell")
        if not prepared:
            restored, changed = [], restored + changed
        if restored:
            note = (f"{NOTE_PREFIX}Before these tests the grader restored what the notebook had changed: "
                    f"{'; '.join(restored)}.\n")
            cell.outputs.insert(0, NotebookNode(output_type="stream", name="stdout", text=note))
        if changed:
            reason = f"while the tests ran, the submission changed the tools they use: {'; '.join(changed)}"
            cell.outputs.append(NotebookNode(output_type="error", ename=TAMPERING_ERROR, evalue=reason,
                                             traceback=[f"{TAMPERING_ERROR}: {reason}"]))
        return cell

    execute_cell = run_sync(async_execute_cell)

    def _get_timeout(self, cell):
        timeout = super()._get_timeout(cell)
        if self._deadline is None:
            return timeout
        remaining = max(1, int(self._deadline - time.monotonic()))
        return remaining if timeout is None else min(timeout, remaining)

    # ----- outputs ---------------------------------------------------------------------------
    def output(self, outs, msg, display_id, cell_index):
        content = msg["content"]
        if msg["msg_type"] == "error":
            return super().output(outs, msg, display_id, cell_index)
        size = len(content.get("text", "")) + sum(len(str(v)) for v in content.get("data", {}).values())
        over = self._output_chars + size > self.max_output_chars
        was_over = self._output_chars > self.max_output_chars
        self._output_chars += size
        if not over:
            return super().output(outs, msg, display_id, cell_index)
        if content.get("name") == "stderr" and not any(o.get("name") == "stderr" for o in outs):
            outs.append(NotebookNode(output_type="stream", name="stderr", text=content["text"][:1000]))
        if not was_over:  # first in the cell: nbgrader's LimitOutput later keeps only the first lines
            outs.insert(0, NotebookNode(output_type="stream", name="stdout",
                                        text=f"{NOTE_PREFIX}this cell printed more than {self.max_output_chars:,} "
                                             f"characters; the rest is not kept\n"))
        return None

    def clear_output(self, outs, msg, cell_index):
        if not self._in_grade_cell:
            super().clear_output(outs, msg, cell_index)

    # ----- talking to the guard -------------------------------------------------------------
    async def _run_silently(self, code, expressions=None):
        """Run ``code`` in the kernel without a trace in the notebook; return the reply content."""
        msg_id = self.kc.execute(code, silent=True, store_history=False, user_expressions=expressions or {},
                                 allow_stdin=False)
        reply = await self.async_wait_for_reply(msg_id)
        return reply["content"] if reply else {"status": "error", "ename": "no reply", "evalue": ""}

    async def _call_guard(self, function, *arguments):
        """Call ``function`` of the kernel's guard; return (whether it ran, its list of changes).

        When the guard cannot answer (a submission broke the kernel's import system, say)
        the list holds one change that says so, and the grade cell will not count.
        """
        call = f"__import__('json').dumps(__import__('sys').modules[{GUARD_NAME!r}].{function}(*{arguments!r}))"
        content = await self._run_silently("", {"changes": call})
        result = content.get("user_expressions", {}).get("changes", {})
        if content.get("status") != "ok" or result.get("status") != "ok":
            reason = result.get("ename") or content.get("ename") or "no answer"
            return False, [f"the kernel's state, which stopped the grader's guard ({reason})"]
        return True, json.loads(ast.literal_eval(result["data"]["text/plain"]))


def _is_test_cell(cell):
    meta = course.nbgrader_meta(cell)
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


def guard_source():
    return Path(guard.__file__).read_text(encoding="utf-8")


def hidden_test_bundle(cell_source):
    """What a grade cell needs sent into the kernel: (sources, packages, reference sources).

    The sources are the ``autograder`` modules the hidden tests import; the reference
    sources are the solution cells of every assignment whose hidden tests the cell uses.
    """
    modules = {"autograder": GRADER_DIR / "__init__.py", "autograder.course": GRADER_DIR / "course.py",
               "autograder.reference": GRADER_DIR / "reference.py",
               "autograder.hidden": GRADER_DIR / "hidden" / "__init__.py",
               "autograder.hidden.common": GRADER_DIR / "hidden" / "common.py"}
    imported = set(re.findall(r"autograder\.hidden(?:\.| import )(\w+)", cell_source))
    assignments = {}
    for assignment in course.assignments():
        name = course.short_name(assignment)
        if name in imported:
            modules[f"autograder.hidden.{name}"] = GRADER_DIR / "hidden" / f"{name}.py"
            assignments[assignment] = reference.reference_sources(assignment)
    sources = {name: (str(path), path.read_text(encoding="utf-8")) for name, path in modules.items()}
    return sources, ["autograder", "autograder.hidden"], assignments
