"""The course datasets, one HDF5 file per dataset.

This folder is installed as the package ``helpers.datasets`` (see ``pyproject.toml``),
so that ``helpers.data.load_dataset`` finds the ``.h5`` files through
``importlib.resources`` from any working directory and for both editable and
regular installs. ``build_datasets.py`` rebuilds the files; ``README.md`` describes them.
"""
