"""The student kit holds the helpers, datasets and released notebooks, and nothing of the grader."""

import re
import shutil
import subprocess
import sys

import h5py
import pytest
import tomllib

from autograder import course, held_out, student_kit


@pytest.fixture(scope="module")
def kit(grader, releases, tmp_path_factory):
    return student_kit.build_student_kit(tmp_path_factory.mktemp("kit") / "kit", grader)


def test_the_kit_has_the_helpers_datasets_and_every_released_notebook(kit):
    assert (kit / "helpers" / "checks" / "core.py").is_file()
    assert (kit / "helpers" / "datasets" / "digits.h5").is_file()
    assert sorted(p.parent.name for p in kit.glob("notebooks/*/*.ipynb")) == course.assignments()


def test_the_kit_has_nothing_of_the_grader(kit):
    assert student_kit.kit_leaks(kit) == []
    assert not list(kit.rglob("autograder")) and not list(kit.rglob("*.db"))


def test_the_leak_check_finds_planted_grader_files(kit, tmp_path):
    planted = tmp_path / "planted"
    shutil.copytree(kit, planted)
    shutil.copyfile(course.source_path("06_softmax"), planted / "notebooks" / "source.ipynb")
    solution = course.strip_markers(course.solution_cells(course.read_source("04_optimizers"))["update_parameters_with_adam"])
    (planted / "helpers" / "extra.py").write_text(solution)
    (planted / "autograder").mkdir()
    problems = "\n".join(student_kit.kit_leaks(planted))
    assert "source.ipynb: '### BEGIN SOLUTION'" in problems
    assert "helpers/extra.py: the reference solution of update_parameters_with_adam" in problems
    assert "autograder: a grader file" in problems


def test_the_kit_installs_and_loads_its_datasets_from_any_folder(kit, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(kit)],
                   check=True, capture_output=True)
    assert sorted(p.name for p in site.iterdir() if not p.name.endswith(".dist-info")) == ["helpers"]
    script = (f"import sys; sys.path.insert(0, {str(site)!r}); import helpers.data, helpers.checks.softmax; "
              "print(helpers.data.load_dataset('blobs')['X_train'].shape, helpers.data.__file__)")
    result = subprocess.run([sys.executable, "-I", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                            check=True)
    assert result.stdout.startswith("(2, 300)") and str(site) in result.stdout


def test_a_kit_is_never_written_over_existing_files(grader, tmp_path):
    (tmp_path / "kept.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        student_kit.build_student_kit(tmp_path, grader)


def test_the_kit_installs_only_what_the_notebooks_import(kit):
    project = tomllib.loads((kit / "pyproject.toml").read_text())["project"]
    assert sorted(re.match(r"[\w-]+", requirement).group() for requirement in project["dependencies"]) == [
        "h5py", "matplotlib", "numpy", "tqdm"]
    assert project["optional-dependencies"] == {"lab": ["jupyterlab>=4"]}


def test_the_kit_holds_no_test_label_of_the_capstone(kit, grader, releases):
    with h5py.File(kit / "helpers" / "datasets" / "mnist1d.h5", "r") as file:
        assert sorted(file) == ["X_dev", "X_train", "Y_dev", "Y_train"]
    assert held_out.path_in(grader.work_dir).is_file()  # the grader's work folder has one...
    assert not list(kit.rglob("held_out")) and not list(kit.rglob(held_out.RELATIVE_PATH.name))  # ...the kit none
    release_folder = releases["09_capstone"].parent
    assert [p.name for p in release_folder.iterdir()] == ["09_capstone.ipynb"]
