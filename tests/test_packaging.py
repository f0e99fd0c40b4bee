"""A regular (non-editable) install ships the helpers with the datasets inside them."""

import subprocess
import sys
from pathlib import Path

from autograder import course


def test_a_regular_install_loads_datasets_from_any_folder(tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                    str(course.COURSE_ROOT)], check=True, capture_output=True)
    assert (site / "helpers" / "datasets" / "circles.h5").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = ("import helpers.data as d; print(d.data_dir()); "
              "print(d.load_dataset('circles')['X_train'].shape)")
    result = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {script}"],
                            cwd=elsewhere, capture_output=True, text=True, check=True)
    data_dir, shape = result.stdout.split("\n")[:2]
    assert Path(data_dir).is_relative_to(site)
    assert shape == "(2, 300)"
