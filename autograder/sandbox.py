"""The grading kernel's process: a memory limit always, and a bubblewrap sandbox when asked.

The grader (nbgrader and this package) runs outside; the kernel that executes a
student's notebook is started by :class:`GradingKernelManager`. It talks to the grader
over Unix sockets in a private folder (the ``ipc`` transport), so the sandbox can drop
the network entirely. Inside the sandbox the kernel sees only:

- the Python installation and its installed packages, read-only, with this package
  (``autograder``: hidden tests, reference answers) masked by empty folders;
- the ``helpers`` package and its datasets, read-only;
- an empty private ``/tmp`` (256 MiB, in memory), whose folder ``/tmp/work`` is the
  working directory, and the kernel's socket folder;
- a few environment variables (locale, thread counts, nbgrader's), none of the grader's others:
  bubblewrap itself starts with only those, so its own process in the sandbox shows no more.

It runs without capabilities, even when the grader runs as root, so it cannot remount a
read-only folder writable. Not visible: the submission's grading folder (nbgrader writes
the graded notebook there and copies the folder into ``feedback/``), the source
notebooks, the gradebook, other students' folders, the home folder, the network.

Without the sandbox the kernel works in a private temporary folder, removed with the kernel,
so nothing it writes reaches the grading folder either.
"""

import os
import shutil
import site
import sys
import sysconfig
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, Integer

from autograder.limits import DEFAULT_MEMORY_LIMIT_MB

#: Folders under /etc that Python, numpy and matplotlib read; the rest of /etc stays hidden.
ETC_FILES = ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime", "/etc/passwd",
             "/etc/group", "/etc/nsswitch.conf", "/etc/fonts", "/etc/alternatives"]
SYSTEM_FOLDERS = ["/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin"]
#: The only environment variables a sandboxed kernel gets (the grader's may hold secrets).
PASSED_VARIABLES = ["PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "NBGRADER_EXECUTION", "NBGRADER_VALIDATING",
                    "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "MPLBACKEND", "PYTHONHASHSEED"]
#: Variables every sandboxed kernel gets: HOME and matplotlib's cache in the private /tmp, and
#: JPY_PARENT_PID 1 (ipykernel would take the sandbox's pid 1 for a dead parent and quit; told
#: the parent is 1 it skips that watch, and --die-with-parent does the job).
FIXED_VARIABLES = {"HOME": "/tmp", "MPLCONFIGDIR": "/tmp/matplotlib", "JPY_PARENT_PID": "1"}
#: Size of the sandbox's private /tmp, which lives in memory and holds the kernel's working directory.
TMP_SIZE_MB = 256
#: The kernel's working directory in the sandbox, on the private /tmp.
SANDBOX_WORKING_DIR = "/tmp/work"


def bubblewrap():
    """Path of the ``bwrap`` program, or None when it is not installed."""
    return shutil.which("bwrap")


def package_folder(name):
    """The folder a top-level package is imported from, found without importing it."""
    import importlib.util
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"The package {name!r} is not installed.")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


def visible_python_folders():
    """Read-only folders the kernel needs: the interpreter's prefixes and package folders."""
    folders = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    folders.update(sysconfig.get_paths()[key] for key in ("stdlib", "platstdlib", "purelib", "platlib"))
    folders.update(str(package_folder(name)) for name in ("helpers", "helpers.datasets"))
    if site.ENABLE_USER_SITE:
        folders.add(site.getusersitepackages())
    return sorted({str(Path(f).resolve()) for f in folders if f and os.path.isdir(f)})


def sandbox_command(socket_dir, hidden_folders):
    """The ``bwrap`` arguments that confine a kernel (a list to put before the kernel command).

    Start it with :func:`sandbox_environment` as its environment: the sandbox keeps it.

    Arguments:
        socket_dir -- the folder of the kernel's connection file and Unix sockets (writable)
        hidden_folders -- folders inside the visible ones that must appear empty
    """
    command = [bubblewrap(), "--unshare-all", "--die-with-parent", "--cap-drop", "ALL", "--dev", "/dev",
               "--proc", "/proc", "--size", str(TMP_SIZE_MB * 2 ** 20), "--tmpfs", "/tmp",
               "--dir", SANDBOX_WORKING_DIR]
    for folder in SYSTEM_FOLDERS + ETC_FILES:
        command += ["--ro-bind-try", folder, folder]
    for folder in visible_python_folders():
        command += ["--ro-bind", folder, folder]
    for folder in hidden_folders:
        if os.path.isdir(folder):
            command += ["--tmpfs", str(folder), "--remount-ro", str(folder)]
    command += ["--bind", str(socket_dir), str(socket_dir), "--chdir", SANDBOX_WORKING_DIR]
    return command


def sandbox_environment(environment):
    """The environment to start bubblewrap with: the PASSED_VARIABLES of ``environment`` and FIXED_VARIABLES."""
    passed = {name: environment[name] for name in PASSED_VARIABLES if name in environment}
    return {**passed, **FIXED_VARIABLES}


def memory_limit_command(limit_mb):
    """``sh -c 'ulimit -v ...'`` arguments that run the rest of the command under the limit."""
    return ["/bin/sh", "-c", f'ulimit -v {int(limit_mb) * 1024} && exec "$@"', "grading-kernel"]


class GradingKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs under a memory limit and, if ``isolated``, in bubblewrap.

    The connection goes over Unix sockets in a private folder either way, so isolated and
    plain kernels run the same code path apart from the sandbox prefix. The kernel never
    works in the folder nbclient asks for (the submission's grading folder): bubblewrap, or
    the kernel itself without the sandbox, starts in a private scratch folder, removed with
    the kernel.
    """

    isolated = Bool(False, help="Run the kernel in a bubblewrap sandbox.").tag(config=True)
    memory_limit_mb = Integer(DEFAULT_MEMORY_LIMIT_MB, help="Address-space limit of the kernel in MiB.").tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.socket_dir = Path(tempfile.mkdtemp(prefix="course-kernel-"))
        self.scratch_dir = Path(tempfile.mkdtemp(prefix="course-kernel-scratch-"))
        self.transport = "ipc"
        self.ip = str(self.socket_dir / "socket")
        self.connection_file = str(self.socket_dir / "connection.json")

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        prefix = memory_limit_command(self.memory_limit_mb)
        if self.isolated:
            prefix = sandbox_command(self.socket_dir, hidden_folders()) + prefix
        return prefix + command

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        """Start in the scratch folder; bubblewrap with only the sandbox's environment."""
        kw["cwd"] = str(self.scratch_dir)
        if self.isolated:
            # independent: otherwise jupyter_client sets JPY_PARENT_PID to the grader's pid.
            kw.update(env=sandbox_environment(kw["env"]), independent=True)
        await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_interrupt_kernel(self):
        """Interrupt with a message on the control channel: a signal would reach bubblewrap, not the kernel."""
        self._connect_control_socket()
        self.session.send(self._control_socket, self.session.msg("interrupt_request", content={}))

    interrupt_kernel = _async_interrupt_kernel

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self.socket_dir, ignore_errors=True)
            shutil.rmtree(self.scratch_dir, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources


def hidden_folders():
    """Folders the sandbox shows empty: this package (hidden tests and reference answers)."""
    return [package_folder("autograder")]
