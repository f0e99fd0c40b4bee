"""nbgrader's Execute step, with the student's notebook in a confined kernel and its grade cells judged outside it.

:class:`GradingExecute` replaces nbgrader's ``Execute`` in autograding. On top of it:

- the kernel is a :class:`~autograder.sandbox.GradingKernelManager` (memory limit, and
  the bubblewrap sandbox when the course grades isolated);
- grade cells do not run in the kernel: at each one the grader runs the visible check and
  the hidden tests itself (:mod:`autograder.judge`), calling the student's function in the
  kernel over a Unix socket that carries plain data only (:mod:`autograder.wire`), and
  writes the cell's outputs: what the checks printed and, when they failed, the error;
- a check may give part of a cell's points (a :class:`~autograder.judge.Score`), written as
  the cell's result, which nbgrader reads as partial credit;
- the whole notebook has a time budget, not only each cell;
- a cell's recorded output is capped, so a flood of prints cannot exhaust the grader;
  errors and the start of stderr are always kept.
"""

import socket
import time
from pathlib import Path

from jupyter_core.utils import run_sync
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Integer, Unicode

from autograder import course, held_out, judge, wire
from autograder.limits import DEFAULT_WORK_DIR
from autograder.sandbox import GradingKernelManager

#: Marks the lines the grader adds to a cell's output.
NOTE_PREFIX = "[grader] "
#: The type of the result data that carries a Score's measures.
MEASURES_MIME = "application/vnd.course.measures+json"
#: The name under which the kernel keeps the wire module.
WIRE_MODULE = "_course_wire"


class GradingExecute(Execute):
    """nbgrader's Execute with a confined kernel, grade cells judged by the grader, a time budget and capped outputs."""

    notebook_timeout = Integer(900, help="Seconds the whole notebook may run.").tag(config=True)
    max_output_chars = Integer(1_000_000, help="Output kept per cell, in characters.").tag(config=True)
    work_dir = Unicode(str(DEFAULT_WORK_DIR),
                       help="The work folder, whose held-out data the checks read (see autograder.held_out).").tag(config=True)

    def __init__(self, **kwargs):
        kwargs["kernel_manager_class"] = GradingKernelManager
        super().__init__(**kwargs)
        self._deadline = None
        self._output_chars = 0

    # ----- kernel start -------------------------------------------------------------------
    async def async_start_new_kernel_client(self):
        client = await super().async_start_new_kernel_client()
        source = Path(wire.__file__).read_text(encoding="utf-8")
        code = (f"import sys, types\nsys.modules[{WIRE_MODULE!r}] = _wire = types.ModuleType({WIRE_MODULE!r})\n"
                f"exec(compile({source!r}, {wire.__file__!r}, 'exec'), vars(_wire))\ndel _wire, sys, types\n")
        reply = await self._run_silently(code)
        if reply["status"] != "ok":
            raise RuntimeError(f"the grader's wire did not load in the kernel: {reply.get('ename')}: "
                               f"{reply.get('evalue')}")
        self._deadline = time.monotonic() + self.notebook_timeout
        return client

    # nbclient binds its synchronous wrappers to its own coroutines: bind them to ours.
    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    # ----- cells ----------------------------------------------------------------------------
    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        self._output_chars = 0
        if not _is_test_cell(cell) or not cell.source.strip():
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        verdict = await self._judge(course.exercise_name(course.nbgrader_meta(cell)["grade_id"]), cell, cell_index)
        cell.outputs = verdict_outputs(verdict, float(course.nbgrader_meta(cell).get("points", 0)))
        cell.execution_count = None
        return cell

    execute_cell = run_sync(async_execute_cell)

    async def _judge(self, function_name, cell, cell_index):
        """Judge the kernel's ``function_name``: the kernel serves it on a fresh socket while the checks run here."""
        address = str(Path(self.km.socket_dir) / f"judge-{cell_index}")
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
            listener.bind(address)
            listener.listen(1)
            request = self.kc.execute(f"__import__('sys').modules[{WIRE_MODULE!r}].serve({address!r}, "
                                      f"{function_name!r}, globals())", silent=True, store_history=False,
                                      allow_stdin=False, stop_on_error=False)
            with held_out.work_folder(self.work_dir):
                verdict = judge.judge_in_kernel(listener, self.resources["nbgrader"]["assignment"], function_name,
                                                time.monotonic() + self._get_timeout(cell), self._kernel_process_alive)
        Path(address).unlink(missing_ok=True)
        if verdict.error and verdict.error[0] == wire.ChannelTimeout.ename:
            await self.km.interrupt_kernel()
        await self.async_wait_for_reply(request, cell)
        return verdict

    def _kernel_process_alive(self):
        process = getattr(self.km.provisioner, "process", None)
        return process is None or process.poll() is None

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

    async def _run_silently(self, code):
        """Run ``code`` in the kernel without a trace in the notebook; return the reply's content."""
        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)
        reply = await self.async_wait_for_reply(msg_id)
        return reply["content"] if reply else {"status": "error", "ename": "no reply", "evalue": ""}


def verdict_outputs(verdict, points):
    """A grade cell's outputs for a Verdict: what the checks printed, then the error if they failed.

    nbgrader gives the cell's ``points`` when it has no error output, none when it has one,
    and the number of an ``execute_result`` when it has that: the result written here for a
    Verdict with a Score, its measures beside it (see :func:`measures_of`).
    """
    outputs = [NotebookNode(output_type="stream", name="stdout", text=verdict.printed)] if verdict.printed else []
    if verdict.score is not None:
        earned = round(min(max(verdict.score.fraction, 0.0), 1.0) * points, 6)
        outputs.append(NotebookNode(output_type="execute_result", execution_count=None, metadata={},
                                    data={"text/plain": f"{earned:g}",
                                          MEASURES_MIME: {"measures": dict(verdict.score.measures)}}))
    if verdict.error:
        name, text = verdict.error
        outputs.append(NotebookNode(output_type="error", ename=name, evalue=text, traceback=[f"{name}: {text}"]))
    return outputs


def measures_of(cell):
    """The measures a Score gave a graded cell (dict name -> number), read from its outputs; {} if none."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "execute_result":
            measures = output.get("data", {}).get(MEASURES_MIME, {}).get("measures", {})
            if isinstance(measures, dict):
                return {k: float(v) for k, v in measures.items() if isinstance(v, (int, float))}
    return {}


def _is_test_cell(cell):
    meta = course.nbgrader_meta(cell)
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")
