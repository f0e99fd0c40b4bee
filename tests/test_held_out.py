"""The capstone's held-out set: drawn from a secret seed per work folder, read only by the grader."""

import h5py
import numpy as np
import pytest

from autograder import held_out
from helpers.data import data_dir, load_dataset


@pytest.fixture(scope="module")
def public_draw():
    return held_out.mnist1d_examples(42)


def test_the_public_data_is_the_packages_draw_with_seed_42_and_has_no_test_split(public_draw):
    X, Y = public_draw
    public = load_dataset("mnist1d")
    assert np.array_equal(public["X_train"], X[:, :8000]) and np.array_equal(public["Y_train"], Y[:, :8000])
    assert np.array_equal(public["X_dev"], X[:, 8000:]) and np.array_equal(public["Y_dev"], Y[:, 8000:])
    with h5py.File(data_dir() / "mnist1d.h5", "r") as file:
        assert sorted(file) == ["X_dev", "X_train", "Y_dev", "Y_train"]


def test_a_draw_leaves_numpys_global_generator_as_it_was(public_draw):
    np.random.seed(7)
    expected = np.random.random()
    np.random.seed(7)
    held_out.mnist1d_examples(3, count=100)
    assert np.random.random() == expected


def test_a_work_folder_gets_its_own_held_out_set_once(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    path = held_out.ensure(first)
    content = path.read_bytes()
    assert held_out.ensure(first).read_bytes() == content  # made once, then kept
    with held_out.work_folder(first):
        X_a, Y_a = held_out.test_set()
    with held_out.work_folder(second):
        X_b, _ = held_out.test_set()
    assert X_a.shape == (40, held_out.TEST_SIZE) and Y_a.shape == (1, held_out.TEST_SIZE)
    assert not np.array_equal(X_a, X_b)  # another secret seed
    assert set(np.unique(Y_a)) == set(range(10))


def test_the_held_out_examples_share_the_public_examples_scale(tmp_path, public_draw):
    with held_out.work_folder(tmp_path):
        X_test, _ = held_out.test_set()
    X_public, _ = public_draw
    assert abs(X_test.mean() - X_public.mean()) < 0.05 and abs(X_test.std() / X_public.std() - 1) < 0.05


def test_the_held_out_draw_is_seeded_with_624_secret_words_not_a_32_bit_int(tmp_path, monkeypatch):
    """A seed below 2**32 could be found by trying them all against a few leaked test inputs."""
    seeds = []
    monkeypatch.setattr(held_out, "mnist1d_examples", lambda seed: (seeds.append(seed), held_out_arrays())[1])
    held_out.ensure(tmp_path)
    assert len(seeds) == 1 and len(seeds[0]) == 624 and len(set(seeds[0])) > 600


def held_out_arrays():
    return np.zeros((40, held_out.DRAW_SIZE)), np.zeros((1, held_out.DRAW_SIZE), dtype=np.int64)
