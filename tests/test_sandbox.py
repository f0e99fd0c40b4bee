"""The grading kernel's sandbox command and launch, without starting a kernel (test_leaks.py
and the hostile batch in test_hostile.py start them for real)."""

import asyncio
from pathlib import Path

import pytest
from jupyter_client.manager import KernelManager

from autograder import course, sandbox

SECRET_VARIABLE = "COURSE_TEST_SECRET_TOKEN"
REPOSITORY = Path(__file__).resolve().parents[1]


def arguments_of(command, option):
    """The values that follow ``option`` in ``command``."""
    return [command[i + 1] for i, arg in enumerate(command) if arg == option]


def test_the_sandbox_shows_the_helpers_but_not_the_course(tmp_path):
    command = sandbox.sandbox_command(tmp_path / "sockets", sandbox.hidden_folders())
    bound = set(arguments_of(command, "--bind") + arguments_of(command, "--ro-bind") +
                arguments_of(command, "--ro-bind-try"))
    assert str(sandbox.package_folder("helpers")) in bound and str(tmp_path / "sockets") in bound
    hidden = arguments_of(command, "--tmpfs")

    def visible(path):
        return any(path.is_relative_to(b) for b in bound) and not any(path.is_relative_to(h) for h in hidden)

    assert str(REPOSITORY) not in bound
    assert str(sandbox.package_folder("autograder")) in hidden
    # The source notebooks: the checkout's (editable install) and the copy inside a regular install's package.
    assert not visible(course.SOURCE_DIR) and not visible(sandbox.package_folder("autograder") / "notebooks")
    assert "--unshare-all" in command  # the network among them


def test_the_sandbox_drops_every_capability_and_sets_no_variable():
    command = sandbox.sandbox_command("/sockets", [])
    assert arguments_of(command, "--cap-drop") == ["ALL"]
    assert "--setenv" not in command and "--clearenv" not in command  # the environment is bwrap's own


def test_the_kernel_works_in_the_bounded_private_tmp():
    command = sandbox.sandbox_command("/sockets", [])
    tmp = command.index("--tmpfs")
    assert command[tmp - 2:tmp + 2] == ["--size", str(sandbox.TMP_SIZE_MB * 2 ** 20), "--tmpfs", "/tmp"]
    assert arguments_of(command, "--chdir") == [sandbox.SANDBOX_WORKING_DIR] == arguments_of(command, "--dir")
    assert sandbox.SANDBOX_WORKING_DIR.startswith("/tmp/")


def test_bubblewraps_environment_holds_only_the_passed_variables():
    grader = {"PATH": "/usr/bin", "LANG": "C.UTF-8", "NBGRADER_EXECUTION": "autograde", "HOME": "/root",
              SECRET_VARIABLE: "secret", "JPY_PARENT_PID": "4242"}
    assert sandbox.sandbox_environment(grader) == {
        "PATH": "/usr/bin", "LANG": "C.UTF-8", "NBGRADER_EXECUTION": "autograde",
        "HOME": "/tmp", "MPLCONFIGDIR": "/tmp/matplotlib", "JPY_PARENT_PID": "1"}


def launch(manager, grading_folder, monkeypatch):
    """What ``manager`` would start its kernel with when nbclient asks for ``grading_folder`` as
    the working directory: dict with the command (``cmd``) and the Popen arguments."""
    launched = {}

    async def record(self, kernel_cmd, **kw):
        launched.update(kw, cmd=kernel_cmd)

    async def start_and_clean_up():
        await manager.start_kernel(cwd=str(grading_folder))
        await manager.cleanup_resources()

    monkeypatch.setattr(KernelManager, "_async_launch_kernel", record)
    asyncio.run(start_and_clean_up())
    return launched


@pytest.mark.parametrize("isolated", [True, False])
def test_the_kernel_starts_in_a_scratch_folder_removed_with_it(tmp_path, monkeypatch, isolated):
    manager = sandbox.GradingKernelManager(isolated=isolated)
    launched = launch(manager, tmp_path, monkeypatch)
    assert launched["cwd"] == str(manager.scratch_dir) and not manager.scratch_dir.exists()
    assert not any(str(tmp_path) in arg for arg in launched["cmd"])


def test_bubblewrap_starts_with_only_the_passed_variables(tmp_path, monkeypatch):
    monkeypatch.setenv(SECRET_VARIABLE, "secret")
    launched = launch(sandbox.GradingKernelManager(isolated=True), tmp_path, monkeypatch)
    assert set(launched["env"]) <= set(sandbox.PASSED_VARIABLES) | set(sandbox.FIXED_VARIABLES)
    assert launched["env"]["JPY_PARENT_PID"] == "1" and launched["independent"]
    assert not any("secret" in arg for arg in launched["cmd"])


def test_the_memory_limit_wraps_the_kernel_command():
    assert sandbox.memory_limit_command(512)[:3] == ["/bin/sh", "-c", 'ulimit -v 524288 && exec "$@"']


def test_a_grading_kernel_talks_over_unix_sockets_in_a_private_folder():
    manager = sandbox.GradingKernelManager()
    assert manager.transport == "ipc" and manager.ip.startswith(str(manager.socket_dir))
    manager.socket_dir.rmdir()
    manager.scratch_dir.rmdir()
