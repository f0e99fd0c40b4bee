"""The datasets in data/, loaded through helpers.data.load_dataset, match data/README.md."""

import functools

import numpy as np
import pytest

from helpers.data import load_dataset

F, I, S = np.float64, np.int64, "str"

#: dataset -> array name -> (shape, dtype), as documented in data/README.md.
ARRAYS = {
    "breast_cancer": {"X": ((30, 569), F), "Y": ((1, 569), I), "feature_names": ((30,), S)},
    "circles": {"X_train": ((2, 300), F), "Y_train": ((1, 300), I), "X_test": ((2, 100), F), "Y_test": ((1, 100), I)},
    "regularization": {
        "X_train": ((2, 100), F), "Y_train": ((1, 100), I),
        "X_dev": ((2, 1000), F), "Y_dev": ((1, 1000), I),
        "X_test": ((2, 1000), F), "Y_test": ((1, 1000), I),
    },
    "moons": {"X_train": ((2, 300), F), "Y_train": ((1, 300), I), "X_test": ((2, 300), F), "Y_test": ((1, 300), I)},
    "blobs": {"X_train": ((2, 300), F), "Y_train": ((1, 300), I), "X_test": ((2, 150), F), "Y_test": ((1, 150), I)},
    "digits": {
        "X_train": ((64, 1079), F), "Y_train": ((1, 1079), I),
        "X_dev": ((64, 359), F), "Y_dev": ((1, 359), I),
        "X_test": ((64, 359), F), "Y_test": ((1, 359), I),
    },
    "mnist1d": {"X_train": ((40, 8000), F), "Y_train": ((1, 8000), I), "X_dev": ((40, 2000), F), "Y_dev": ((1, 2000), I)},
    "seattle_weather": {
        "date": ((1461,), S), "temp_max": ((1461,), F), "temp_min": ((1461,), F), "precipitation": ((1461,), F),
    },
}

#: dataset -> the label values every one of its Y arrays takes.
CLASSES = {
    "breast_cancer": [0, 1],
    "circles": [0, 1],
    "regularization": [0, 1],
    "moons": [0, 1],
    "blobs": [0, 1, 2],
    "digits": list(range(10)),
    "mnist1d": list(range(10)),
}

#: Synthetic datasets generated with exactly as many examples of each class in every split.
BALANCED = ["circles", "moons", "blobs"]

ALL_ARRAYS = [(name, key) for name, arrays in ARRAYS.items() for key in arrays]
LABELS = [(name, key) for name, key in ALL_ARRAYS if key.startswith("Y")]
FEATURES = [(name, key) for name, key in ALL_ARRAYS if key.startswith("X") or (name == "seattle_weather" and key != "date")]


@functools.cache
def dataset(name):
    """Load a dataset once per test session (the tests only read it)."""
    return load_dataset(name)


@pytest.mark.parametrize("name", ARRAYS)
def test_dataset_holds_exactly_the_documented_arrays(name):
    assert set(dataset(name)) - {"info"} == set(ARRAYS[name])


@pytest.mark.parametrize("name", ARRAYS)
def test_dataset_info_has_description_source_and_license(name):
    info = dataset(name)["info"]
    for key in ("description", "source", "license"):
        assert isinstance(info[key], str) and info[key].strip()


@pytest.mark.parametrize(("name", "key"), ALL_ARRAYS)
def test_array_has_the_documented_shape(name, key):
    assert dataset(name)[key].shape == ARRAYS[name][key][0]


@pytest.mark.parametrize(("name", "key"), ALL_ARRAYS)
def test_array_has_the_documented_dtype(name, key):
    array, dtype = dataset(name)[key], ARRAYS[name][key][1]
    if dtype == S:
        assert array.dtype.kind == "U"
    else:
        assert array.dtype == dtype


@pytest.mark.parametrize(("name", "key"), LABELS)
def test_labels_take_exactly_the_documented_values(name, key):
    assert np.unique(dataset(name)[key]).tolist() == CLASSES[name]


@pytest.mark.parametrize(("name", "key"), FEATURES)
def test_features_are_finite(name, key):
    assert np.all(np.isfinite(dataset(name)[key]))


@pytest.mark.parametrize(("name", "key"), [(name, key) for name, key in LABELS if name in BALANCED])
def test_synthetic_classes_are_balanced_in_every_split(name, key):
    counts = np.unique(dataset(name)[key], return_counts=True)[1]
    assert counts.min() == counts.max()


def test_breast_cancer_labels_malignant_as_one():
    # The data set has 212 malignant and 357 benign tumours; scikit-learn codes malignant as 0.
    assert int(dataset("breast_cancer")["Y"].sum()) == 212


def test_digits_pixels_are_scaled_to_the_unit_interval():
    X = np.concatenate([dataset("digits")[key] for key in ("X_train", "X_dev", "X_test")], axis=1)
    assert X.min() == 0.0 and X.max() == 1.0


def test_digits_splits_keep_every_class_in_proportion():
    shares = [np.bincount(dataset("digits")[key].ravel(), minlength=10) / dataset("digits")[key].size
              for key in ("Y_train", "Y_dev", "Y_test")]
    np.testing.assert_allclose(shares[1], shares[0], atol=0.01)
    np.testing.assert_allclose(shares[2], shares[0], atol=0.01)


def test_seattle_weather_has_one_entry_per_day_in_order():
    dates = dataset("seattle_weather")["date"].astype("datetime64[D]")
    assert dates[0] == np.datetime64("2012-01-01") and dates[-1] == np.datetime64("2015-12-31")
    assert np.all(np.diff(dates) == np.timedelta64(1, "D"))


def test_seattle_weather_minimum_never_exceeds_maximum():
    weather = dataset("seattle_weather")
    assert np.all(weather["temp_min"] <= weather["temp_max"])


def test_unknown_name_raises_file_not_found_listing_the_datasets():
    with pytest.raises(FileNotFoundError) as error:
        load_dataset("no_such_dataset")
    for name in ARRAYS:
        assert name in str(error.value)
