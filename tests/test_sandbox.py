"""The grading kernel's sandbox command and the in-kernel guard, without starting a kernel
(the hostile batch in test_hostile.py runs both for real)."""

import sys

import numpy as np
import pytest

import helpers.checks.core
import helpers.nn
from autograder import course, guard, sandbox


def test_the_sandbox_shows_the_helpers_and_the_submission_but_not_the_course(tmp_path):
    command = sandbox.sandbox_command(tmp_path / "work", tmp_path / "sockets", sandbox.hidden_folders(),
                                      {"NBGRADER_EXECUTION": "autograde", "AWS_SECRET_ACCESS_KEY": "secret"})
    bound = {command[i + 1] for i, arg in enumerate(command) if arg in ("--bind", "--ro-bind", "--ro-bind-try")}
    assert str(sandbox.package_folder("helpers")) in bound
    assert str(tmp_path / "work") in bound and str(tmp_path / "sockets") in bound
    assert not any(course.COURSE_ROOT == type(course.COURSE_ROOT)(path) or course.SOURCE_DIR.is_relative_to(path)
                   for path in bound)
    assert "--unshare-all" in command  # the network among them
    masked = {command[i + 1] for i, arg in enumerate(command) if arg == "--tmpfs"}
    assert str(sandbox.package_folder("autograder")) in masked
    assert "--clearenv" in command and "autograde" in command and "secret" not in command


def test_the_memory_limit_wraps_the_kernel_command():
    assert sandbox.memory_limit_command(512)[:3] == ["/bin/sh", "-c", 'ulimit -v 524288 && exec "$@"']


def test_a_grading_kernel_talks_over_unix_sockets_in_a_private_folder():
    manager = sandbox.GradingKernelManager()
    assert manager.transport == "ipc" and manager.ip.startswith(str(manager.socket_dir))
    manager.socket_dir.rmdir()


@pytest.fixture
def snapshot():
    guard.start(preload=["helpers.checks.core", "helpers.nn"])
    yield guard._state
    assert guard._state.compare(restore=True) == []


def test_the_guard_sees_nothing_in_an_untouched_process(snapshot):
    assert snapshot.compare(restore=False) == []


def test_the_guard_restores_replaced_functions_methods_and_builtins(snapshot):
    original_allclose, original_expect = np.allclose, helpers.checks.core.Checker.expect_close
    relu_code = helpers.nn.relu.__code__
    np.allclose = lambda *a, **k: True
    helpers.checks.core.Checker.expect_close = lambda self, *a, **k: True
    helpers.nn.relu.__code__ = (lambda Z: Z).__code__
    import builtins
    original_sum, builtins.sum = builtins.sum, lambda *a: 0
    changes = snapshot.compare(restore=True)
    assert "numpy.allclose was replaced" in changes and "builtins.sum was replaced" in changes
    assert "helpers.checks.core.Checker.expect_close was replaced" in changes
    assert "the code of helpers.nn.relu was replaced" in changes
    assert np.allclose is original_allclose and helpers.checks.core.Checker.expect_close is original_expect
    assert helpers.nn.relu.__code__ is relu_code and builtins.sum is original_sum


def test_the_guard_removes_import_hooks_and_puts_modules_back(snapshot):
    real = sys.modules["helpers.checks.core"]
    sys.modules["helpers.checks.core"] = type(sys)("fake")
    hook = type("Hook", (), {"find_spec": staticmethod(lambda *a, **k: None)})()
    sys.meta_path.insert(0, hook)
    changes = snapshot.compare(restore=True)
    assert "sys.modules['helpers.checks.core'] was replaced" in changes and "an import hook was added" in changes
    assert sys.modules["helpers.checks.core"] is real and hook not in sys.meta_path
