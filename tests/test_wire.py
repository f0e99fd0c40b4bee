"""The wire between the grader and a kernel: what crosses, what comes back, what is refused.

Each test runs a "kernel" end in a thread of this process (``judge.through_the_wire``), the
same code the grading kernel runs, and calls it from the grader's end.
"""

import json
import socket
import struct
import threading
import time
import warnings

import numpy as np
import pytest

from autograder import judge, wire


def across(value):
    """``value`` after a trip to the kernel's end and back (the identity function over there)."""
    with judge.through_the_wire(lambda x: x) as identity:
        return identity(value)


def test_plain_data_crosses_with_its_types():
    value = {"a": [1, 2.5, None, True, "text", 3 + 4j], ("t", 1): (np.float64(0.25), np.int32(-3), np.bool_(True)),
             7: {"nested": [[1.0]]}, "nan": float("nan")}
    back = across(value)
    assert back["a"] == [1, 2.5, None, True, "text", 3 + 4j]
    assert type(back[("t", 1)]) is tuple and type(back[("t", 1)][0]) is np.float64
    assert back[("t", 1)][1].dtype == np.int32 and back[("t", 1)][2] is np.bool_(True)
    assert back[7] == {"nested": [[1.0]]} and np.isnan(back["nan"])


@pytest.mark.parametrize("array", [np.arange(12.0).reshape(3, 4), np.array([[True, False]]), np.zeros((0, 3)),
                                   np.arange(6, dtype=np.int16).reshape(2, 3).T, np.array(2.5), np.ones(3, ">f4")])
def test_numeric_arrays_cross_as_their_bytes(array):
    back = across(array)
    assert type(back) is np.ndarray and back.dtype == array.dtype and back.shape == array.shape
    assert np.array_equal(back, array) and back.flags.writeable


def test_identity_within_one_message_survives():
    shared = np.ones((2, 2))
    back = across({"v": shared, "s": shared, "pair": [{"k": 1}] * 2})
    assert back["v"] is back["s"] and back["pair"][0] is back["pair"][1]


def test_what_is_not_data_arrives_as_a_named_placeholder():
    class Sneaky(np.ndarray):
        pass

    back = across([np.array([object()], dtype=object), np.zeros(2).view(Sneaky), object(), np.array(["a"]), b"bytes"])
    assert [type(v).__name__ for v in back] == ["numpy array of dtype object", "Sneaky", "object",
                                                "numpy array of dtype <U1", "bytes"]
    assert all(isinstance(v, wire.Foreign) for v in back)


def test_a_generator_crosses_as_its_state_and_comes_back_advanced():
    rng = np.random.default_rng(5)
    expected_rng = np.random.default_rng(5)
    with judge.through_the_wire(lambda r: r.standard_normal(3)) as draw:
        first = draw(rng)
        second = draw(rng)
    assert np.array_equal(first, expected_rng.standard_normal(3))
    assert np.array_equal(second, expected_rng.standard_normal(3))


def test_changes_to_arguments_come_back_into_the_callers_objects():
    def update(parameters, X):
        parameters["W"] -= 1
        parameters["new"] = 5
        del parameters["old"]
        X.shape = (1, -1)
        return None

    parameters, X = {"W": np.ones(2), "old": 1}, np.zeros((2, 2))
    W = parameters["W"]
    with judge.through_the_wire(update) as remote:
        remote(parameters, X)
    assert parameters == {"W": W, "new": 5} and np.array_equal(W, [0.0, 0.0]) and X.shape == (1, 4)


def test_callables_are_called_back_where_they_live():
    calls = []

    def score(config):
        calls.append(config)
        return config["x"] ** 2

    def search(objective, values):
        return max(values, key=lambda v: objective({"x": v}))

    def make_sampler(low):
        return lambda rng: low + rng.uniform()

    with judge.through_the_wire(search) as remote:
        assert remote(score, [1, -3, 2]) == -3
    assert calls == [{"x": 1}, {"x": -3}, {"x": 2}]
    with judge.through_the_wire(make_sampler) as remote:
        sampler = remote(10.0)
        assert isinstance(sampler, wire.RemoteCallable) and 10 <= sampler(np.random.default_rng(0)) < 11


def test_exceptions_keep_their_type_text_and_the_students_line():
    def broken(x):
        return {}["missing"] + x

    with judge.through_the_wire(broken) as remote:
        with pytest.raises(KeyError) as raised:
            remote(1)
    assert str(raised.value) == "'missing'" and "return {}[\"missing\"] + x" in raised.value.student_line
    with judge.through_the_wire(lambda: (_ for _ in ()).throw(NotImplementedError())) as remote:
        with pytest.raises(NotImplementedError):
            remote()


def test_a_custom_exception_becomes_a_remote_error_of_its_name():
    class StudentTrouble(Exception):
        pass

    def troubled():
        raise StudentTrouble("oops")

    with judge.through_the_wire(troubled) as remote:
        with pytest.raises(wire.RemoteError) as raised:
            remote()
    assert type(raised.value).__name__ == "StudentTrouble" and str(raised.value) == "oops"


def test_warnings_are_raised_again_at_the_caller():
    with judge.through_the_wire(lambda z: np.exp(z)) as remote:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            remote(np.array([1000.0]))
    assert [w.category for w in caught] == [RuntimeWarning] and "overflow" in str(caught[0].message)


def test_a_missing_function_raises_name_error():
    grader_end, kernel_end = socket.socketpair()
    threading.Thread(target=wire.serve_on, args=(kernel_end, "softmax", {}), daemon=True).start()
    connection, softmax = wire.open_function(grader_end, "softmax")
    with pytest.raises(NameError, match="'softmax' is not defined"):
        softmax(1)
    connection.send({"op": "done"})


# ----- a hostile other end -------------------------------------------------------------------------
def raw_message(header, buffers=()):
    parts = [json.dumps(header).encode(), *buffers]
    return struct.pack(f"!I{len(parts)}Q", len(parts), *(len(p) for p in parts)) + b"".join(parts)


def answer_with(raw, deadline=None):
    """What the grader's end makes of ``raw`` bytes sent in answer to a call."""
    grader_end, kernel_end = socket.socketpair()
    with grader_end, kernel_end:
        kernel_end.sendall(raw_message({"op": "hello", "handle": 0, "parameters": ["x"]}))
        connection, function = wire.open_function(grader_end, "f", deadline)
        kernel_end.sendall(raw)
        return function(1)


@pytest.mark.parametrize("values, problem", [
    ({"value": ["array", "|O", [1], 0]}, "not numbers"),
    ({"value": ["array", "<f8", [3], 0]}, "do not fit"),
    ({"value": ["pickle", "..."]}, "unknown kind"),
    ({"value": ["ref", 5]}, "not there"),
    ({"value": ["rng", "Evil", {}]}, "unknown kind"),
    ({"value": ["yours", 99]}, "never sent"),
    ({"value": ["dict", [[["list", []], 1]]]}, "malformed"),
    ({"value": json.loads('["list", [' * 150 + "]]" * 150)}, "nested"),
])
def test_a_malformed_answer_ends_the_conversation(values, problem):
    with pytest.raises(wire.ChannelError, match=problem):
        answer_with(raw_message({"op": "return", "values": values}, [b"\x00" * 8]))


def test_an_oversized_or_broken_frame_is_refused():
    too_big = struct.pack("!IQ", 1, wire.MAX_MESSAGE_BYTES + 1)
    with pytest.raises(wire.ChannelError, match="the limit is 256 MiB"):
        answer_with(too_big)
    with pytest.raises(wire.ChannelError, match="not JSON"):
        answer_with(struct.pack("!IQ", 1, 3) + b"{x}")


def test_silence_past_the_deadline_is_a_timeout():
    started = time.monotonic()
    with pytest.raises(wire.ChannelTimeout):
        answer_with(b"", deadline=time.monotonic() + 0.5)
    assert time.monotonic() - started < 5


def test_a_channel_error_is_not_an_exception_a_check_would_swallow():
    assert not issubclass(wire.ChannelError, Exception)


def test_repeated_calls_take_one_round_trip_and_advance_the_arguments_as_calls_one_by_one_would():
    rng, expected_rng = np.random.default_rng(3), np.random.default_rng(3)
    with judge.through_the_wire(lambda r: float(r.uniform())) as sampler:
        draws = sampler.call_repeatedly(1000, rng)
        after = sampler(rng)
    assert draws == [float(expected_rng.uniform()) for _ in range(1000)] and after == float(expected_rng.uniform())
