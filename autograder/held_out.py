"""The capstone's held-out test set: MNIST-1D examples that only the grader ever holds.

MNIST-1D (Greydanus and Kobak, 2020, https://github.com/greydanus/mnist1d) is generated
procedurally by the ``mnist1d`` package: every seed gives new examples of the same
distribution. The public training and development sets in ``data/mnist1d.h5`` come from
the package's default seed. The test set of a work folder comes from a seed of 624 words
drawn with :mod:`secrets` the first time it is needed, and only its examples are kept, in
``held_out/mnist1d_test.h5`` inside the work folder, never in the repository. The
grader alone reads it: the kernel never sees it (the sandbox shows no work folder) and
``course grade`` gives the kernel only the test inputs, in an order drawn afresh for
every submission, so a student who has read this file still cannot know a test label.
"""

import contextlib
import contextvars
import secrets
from pathlib import Path

import numpy as np

from autograder.limits import DEFAULT_WORK_DIR

#: The graded function of each assignment whose grade is its accuracy on the held-out set.
JUDGED = {"09_capstone": "predict_digits"}
#: The held-out file, relative to the work folder.
RELATIVE_PATH = Path("held_out") / "mnist1d_test.h5"
#: How many 32-bit words of secret seed the held-out draw gets (all that numpy's legacy generator takes).
SECRET_WORDS = 624
#: How many test examples a work folder holds (200 of each digit).
TEST_SIZE = 2000
#: How many examples one draw generates: the package standardizes every draw by its own mean and
#: standard deviation, so each draw is as large as the public one to share its statistics.
DRAW_SIZE = 10_000

_work_dir = contextvars.ContextVar("held_out_work_dir", default=None)


def mnist1d_examples(seed, count=DRAW_SIZE):
    """``count`` MNIST-1D examples drawn with ``seed``: X of shape (40, count), Y of shape (1, count), int64.

    The package's default settings (40 samples per signal, its noise and shear), examples
    in a shuffled order, balanced over the ten digits. ``seed`` is an int, or a list of up to
    624 32-bit words: the package would seed numpy's global generator with an int below 2**32,
    few enough to try them all against a handful of leaked test inputs, so the draw here seeds
    it directly, with as many words as numpy's generator takes.
    """
    from mnist1d import data

    settings = data.get_dataset_args()
    settings.num_samples, settings.train_split = count, 1.0
    state, package_seeding = np.random.get_state(), data.set_seed
    data.set_seed = lambda _: np.random.seed(seed)  # the package draws from numpy's global generator only
    try:
        examples = data.make_dataset(settings)
    finally:
        data.set_seed = package_seeding
        np.random.set_state(state)  # leave numpy's global generator as it was
    return np.asarray(examples["x"], dtype=np.float64).T, np.asarray(examples["y"], dtype=np.int64).reshape(1, -1)


@contextlib.contextmanager
def work_folder(path):
    """Within this block, :func:`test_set` reads the held-out set of the work folder ``path``."""
    token = _work_dir.set(Path(path))
    try:
        yield
    finally:
        _work_dir.reset(token)


def path_in(work_dir):
    """Where the held-out set of ``work_dir`` lives."""
    return Path(work_dir) / RELATIVE_PATH


def ensure(work_dir):
    """Create the held-out set of ``work_dir`` from a new secret seed unless it has one; return its path."""
    import h5py

    path = path_in(work_dir)
    if not path.is_file():
        X, Y = mnist1d_examples([secrets.randbits(32) for _ in range(SECRET_WORDS)])
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        with h5py.File(partial, "w") as file:
            file.create_dataset("X_test", data=X[:, :TEST_SIZE])
            file.create_dataset("Y_test", data=Y[:, :TEST_SIZE])
        partial.replace(path)
    return path


def test_set():
    """The held-out ``(X_test, Y_test)`` of the current work folder, made when it has none yet.

    X_test has shape (40, 2000), Y_test (1, 2000). The current work folder is the one of the
    innermost :func:`work_folder` block, else ``.course_work`` in the current folder.
    """
    import h5py

    with h5py.File(ensure(_work_dir.get() or DEFAULT_WORK_DIR), "r") as file:
        return file["X_test"][()], file["Y_test"][()]
