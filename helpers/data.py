"""Loading the course datasets.

Every dataset is one HDF5 file in the repository's ``data/`` folder, installed as
the package ``helpers.datasets`` so that the same call works from any working
directory, in a released notebook, in nbgrader's grading folders, and for both an
editable and a regular ``pip install``.

Arrays follow the lecture's convention: examples are columns, so ``X`` has shape
``(n_x, m)`` and labels ``Y`` have shape ``(1, m)``.
"""

from importlib.resources import files
from pathlib import Path

import h5py
import numpy as np


def data_dir():
    """Return the folder that holds the ``.h5`` dataset files."""
    return Path(str(files("helpers.datasets")))


def available_datasets():
    """Return the sorted names of the datasets that can be loaded."""
    return sorted(path.stem for path in data_dir().glob("*.h5"))


def load_dataset(name):
    """Load a dataset by name.

    Arguments:
        name -- the file name without ``.h5``, for example ``"circles"``.

    Returns:
        dict mapping each array's name to a numpy array (for example ``X_train`` of
        shape ``(n_x, m_train)`` and ``Y_train`` of shape ``(1, m_train)``); byte
        strings are decoded to ``str``. The file's attributes (``description``,
        ``source``, ``license``) are under the key ``"info"`` as a dict of strings.

    Raises:
        FileNotFoundError naming the available datasets when ``name`` is unknown.
    """
    path = data_dir() / f"{name}.h5"
    if not path.is_file():
        raise FileNotFoundError(
            f"No dataset called {name!r} in {data_dir()}. "
            f"Available datasets: {', '.join(available_datasets()) or 'none'}."
        )
    with h5py.File(path, "r") as file:
        dataset = {key: _decode(file[key][()]) for key in file.keys()}
        dataset["info"] = {key: str(value) for key, value in file.attrs.items()}
    return dataset


def _decode(array):
    """Turn HDF5 byte strings into Python strings; leave numbers untouched."""
    if isinstance(array, np.ndarray) and array.dtype.kind in ("S", "O"):
        return np.array([item.decode() if isinstance(item, bytes) else item for item in array.ravel()]).reshape(array.shape)
    if isinstance(array, bytes):
        return array.decode()
    return array
