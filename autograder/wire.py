"""The wire between the grader and a student's kernel: calls that carry plain data only.

The grader judges a student's function in its own process while the function runs in
the student's kernel. Each call crosses a Unix socket as one message, and only plain
data travels, in both directions: ``None``, booleans, numbers, strings, numeric and
boolean numpy arrays and scalars (rebuilt from dtype, shape and bytes, never unpickled),
lists, tuples and dicts of these, and a ``numpy.random.Generator`` as its bit generator's
state. A callable travels as a handle: the receiver gets a :class:`RemoteCallable` that
calls it back where it lives. Anything else arrives as a :class:`Foreign` value that
carries only its type's name, so a check can say "returned an object of type X".

A call's arguments come back with its result, and the caller copies their new state
into its own objects: a function that changes an input in place is still seen doing it.
Warnings the callee raised are raised again at the caller; an exception crosses as its
type's name, its text and the line of student code it came from.

Both ends run this same module: the grader imports it; the grading kernel, which cannot
see the ``autograder`` package, receives its source when it starts (see
``autograder.execute``). Nothing here trusts the other end: a message that is not valid,
too large or late ends the conversation with :class:`ChannelError`.
"""

import builtins
import inspect
import json
import socket
import struct
import time
import warnings

import numpy as np

#: The largest message either end accepts, in bytes (all arrays of one call together).
MAX_MESSAGE_BYTES = 256 * 2 ** 20
#: The deepest nesting of lists, tuples and dicts in one value.
MAX_DEPTH = 100
#: The most parts (header and array buffers) of one message.
MAX_PARTS = 100_000
#: Longest type or function name that crosses, in characters.
MAX_NAME = 100
#: The most calls one request may ask for (see RemoteCallable.call_repeatedly).
MAX_REPEATS = 1_000_000
#: Messages up to this size are sent in one piece; larger ones part by part, without a copy.
SMALL_MESSAGE = 2 ** 16
#: numpy dtype kinds that cross as data: booleans, integers, floats, complex numbers.
NUMERIC_KINDS = "biufc"
BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")


class ChannelError(BaseException):
    """The other end broke the conversation: it closed, sent an invalid message or did not answer in time.

    A BaseException, like KeyboardInterrupt, so that a check's ``except Exception`` (which
    records a student's error) cannot mistake it for an exception of the student's code.
    """

    ename = "ChannelError"


class ChannelTimeout(ChannelError):
    """The other end did not answer before the deadline."""

    ename = "CellTimeoutError"


class RemoteError(Exception):
    """An exception raised at the other end: its type's name, its text and the student's line."""

    def __init__(self, text, student_line=""):
        super().__init__(text)
        self.text, self.student_line = text, student_line

    def __str__(self):
        return self.text


class Foreign:
    """A value that is not data: only the name of its type crossed (see :func:`foreign`)."""

    def __repr__(self):
        return f"<{type(self).__name__} object>"


class RemoteCallable:
    """A callable that lives at the other end of ``connection``; calling it is a call over the wire."""

    def __init__(self, connection, handle, name, parameters=None, lookup=None):
        self._connection, self._handle, self._lookup = connection, handle, lookup
        self.__name__ = self.__qualname__ = name
        if parameters is not None:
            self.__signature__ = inspect.Signature(
                [inspect.Parameter(p, inspect.Parameter.POSITIONAL_OR_KEYWORD) for p in parameters])

    def __call__(self, *args, **kwargs):
        return self._connection.call(self._handle, args, kwargs)

    def sibling(self, name):
        """What the kernel's notebook calls ``name`` (the function offered beside this one), or None."""
        if self._lookup is None:
            return None
        found = self._connection.call(self._lookup, [name], {})
        if isinstance(found, RemoteCallable) and found._lookup is None:
            found._lookup = self._lookup  # a sibling finds its own siblings too (a check of what it builds on)
        return found

    def call_repeatedly(self, times, *args, **kwargs):
        """``[self(*args, **kwargs) for _ in range(times)]`` in one round trip over the wire."""
        return self._connection.call(self._handle, args, kwargs, times)

    def __deepcopy__(self, memo):
        return self  # a copy of a call's arguments still calls the same function

    def __repr__(self):
        return f"<function {self.__name__}>"


def _named_class(name, bases):
    """A new class called ``name`` (at most MAX_NAME characters) derived from ``bases``.

    Not cached: the other end chooses the names, and a cache would grow with every new one.
    """
    try:
        return type(name[:MAX_NAME], bases, {"__module__": "the other end"})
    except TypeError:  # bases whose layouts cannot be combined
        return type(name[:MAX_NAME], bases[:1], {"__module__": "the other end"})


def foreign(type_name):
    """A placeholder whose type is called ``type_name``, for a value that is not data."""
    return _named_class(type_name, (Foreign,))()


def rebuild_exception(type_name, text, student_line=""):
    """An exception to raise for one raised at the other end.

    Built-in exception types keep their type (``except KeyError`` still catches it), so a
    NotImplementedError stays one; any other type becomes a RemoteError of that name.
    """
    builtin = getattr(builtins, type_name, None)
    bases = (RemoteError,)
    if isinstance(builtin, type) and issubclass(builtin, Exception) and builtin is not Exception:
        bases = (RemoteError, builtin)
    return _named_class(type_name, bases)(text, student_line)


def rebuild_warning_category(type_name):
    """The warning class called ``type_name``: a built-in one, or a UserWarning of that name."""
    builtin = getattr(builtins, type_name, None)
    if isinstance(builtin, type) and issubclass(builtin, Warning):
        return builtin
    return _named_class(type_name, (UserWarning,))


def _name_of(value):
    name = getattr(value, "__name__", None)
    return (name if isinstance(name, str) else type(value).__name__)[:MAX_NAME]


# ----- values -> JSON and buffers ----------------------------------------------------------------
class _Encoder:
    """Turns one message's values into JSON-ready nodes and a list of byte buffers.

    ``export(callable)`` returns the handle under which the sender keeps a callable. Lists,
    tuples, dicts and arrays met twice in one message become references to the first, so
    identity within a message survives (``v is s``).
    """

    def __init__(self, export):
        self.export, self.buffers, self.memo = export, [], {}

    def encode(self, value, depth=0):
        if depth > MAX_DEPTH:
            raise ValueError(f"a value is nested more than {MAX_DEPTH} levels deep")
        if value is None or type(value) in (bool, int, float, str):
            return value
        if id(value) in self.memo:
            return ["ref", self.memo[id(value)][0]]
        if isinstance(value, RemoteCallable):
            return ["yours", value._handle]
        if isinstance(value, np.generic):
            if value.dtype.kind in NUMERIC_KINDS:
                return ["scalar", value.dtype.str, self._buffer(np.asarray(value).tobytes())]
            return str(value) if isinstance(value, str) else ["foreign", type(value).__name__[:MAX_NAME]]
        if isinstance(value, bool):
            return bool(value)
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            return float(value)
        if isinstance(value, complex):
            return ["complex", value.real, value.imag]
        if isinstance(value, str):
            return str.__str__(value)
        if isinstance(value, np.random.Generator):
            return ["rng", type(value.bit_generator).__name__, self.encode(value.bit_generator.state, depth + 1)]
        if isinstance(value, np.ndarray):
            return self._array(value)
        if isinstance(value, (list, tuple, dict)):
            self.memo[id(value)] = (len(self.memo), value)  # keeps value alive, so its id stays unique
            if isinstance(value, dict):
                return ["dict", [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items()]]
            return ["tuple" if isinstance(value, tuple) else "list", [self.encode(v, depth + 1) for v in value]]
        if callable(value) and not isinstance(value, type):
            return ["callable", self.export(value), _name_of(value)]
        return ["foreign", type(value).__name__[:MAX_NAME]]

    def _array(self, array):
        dtype = array.dtype
        if type(array) is not np.ndarray or dtype.kind not in NUMERIC_KINDS or dtype.fields or dtype.subdtype:
            name = type(array).__name__ if type(array) is not np.ndarray else f"numpy array of dtype {dtype}"
            return ["foreign", name[:MAX_NAME]]
        self.memo[id(array)] = (len(self.memo), array)
        return ["array", dtype.str, list(array.shape), self._buffer(array.tobytes())]

    def _buffer(self, data):
        self.buffers.append(data)
        return len(self.buffers) - 1


# ----- JSON and buffers -> values ----------------------------------------------------------------
_PENDING = object()


class _Decoder:
    """Rebuilds values from one message, checking every node; anything malformed is a ChannelError."""

    def __init__(self, connection, buffers):
        self.connection, self.buffers, self.memo = connection, buffers, []

    def decode(self, node, depth=0):
        if depth > MAX_DEPTH:
            raise ChannelError(f"a value is nested more than {MAX_DEPTH} levels deep")
        if node is None or type(node) in (bool, int, float, str):
            return node
        if not (type(node) is list and node and type(node[0]) is str):
            raise ChannelError(f"a value that is not one the wire knows: {str(node)[:80]}")
        tag, rest = node[0], node[1:]
        decoder = getattr(self, f"_decode_{tag}", None) if tag.isidentifier() else None
        if decoder is None:
            raise ChannelError(f"a value of the unknown kind {tag[:40]!r}")
        try:
            return decoder(depth, *rest)
        except ChannelError:
            raise
        except (TypeError, ValueError, KeyError, IndexError, OverflowError) as error:
            raise ChannelError(f"a malformed {tag!r} value ({type(error).__name__}: {error})") from None

    def _decode_list(self, depth, items):
        _require_list(items)
        value = self._remember([])
        value.extend(self.decode(item, depth + 1) for item in items)
        return value

    def _decode_tuple(self, depth, items):
        _require_list(items)
        slot = len(self.memo)
        self.memo.append(_PENDING)
        self.memo[slot] = value = tuple(self.decode(item, depth + 1) for item in items)
        return value

    def _decode_dict(self, depth, items):
        _require_list(items)
        value = self._remember({})
        for key, item in items:
            key = self.decode(key, depth + 1)
            hash(key)  # a TypeError for an unhashable key
            value[key] = self.decode(item, depth + 1)
        return value

    def _decode_ref(self, depth, index):
        if type(index) is not int or not 0 <= index < len(self.memo) or self.memo[index] is _PENDING:
            raise ChannelError("a reference to a value that is not there")
        return self.memo[index]

    def _decode_complex(self, depth, real, imag):
        return complex(float(real), float(imag))

    def _decode_array(self, depth, dtype, shape, buffer):
        dtype = self._dtype(dtype)
        if type(shape) is not list or len(shape) > 32 or not all(type(n) is int and n >= 0 for n in shape):
            raise ChannelError(f"an array with the shape {str(shape)[:80]}")
        data = self._buffer(buffer)
        if len(data) != int(np.prod(shape, dtype=object)) * dtype.itemsize:
            raise ChannelError("an array whose bytes do not fit its shape")
        return self._remember(np.frombuffer(data, dtype=dtype).reshape(shape))

    def _decode_scalar(self, depth, dtype, buffer):
        dtype, data = self._dtype(dtype), self._buffer(buffer)
        if len(data) != dtype.itemsize:
            raise ChannelError("a number whose bytes do not fit its type")
        return np.frombuffer(data, dtype=dtype)[0]

    def _decode_rng(self, depth, name, state):
        if name not in BIT_GENERATORS:
            raise ChannelError(f"a random generator of the unknown kind {str(name)[:40]}")
        bit_generator = getattr(np.random, name)()
        bit_generator.state = self.decode(state, depth + 1)
        return np.random.Generator(bit_generator)

    def _decode_callable(self, depth, handle, name):
        if type(handle) is not int or type(name) is not str:
            raise ChannelError("a malformed function handle")
        return RemoteCallable(self.connection, handle, name[:MAX_NAME])

    def _decode_yours(self, depth, handle):
        if handle not in self.connection.exported:
            raise ChannelError("a handle of a function this end never sent")
        return self.connection.exported[handle]

    def _decode_foreign(self, depth, type_name):
        return foreign(str(type_name)[:MAX_NAME])

    def _dtype(self, text):
        dtype = np.dtype(str(text)[:16])
        if dtype.kind not in NUMERIC_KINDS or dtype.fields or dtype.subdtype:
            raise ChannelError(f"an array of dtype {dtype}, which is not numbers")
        return dtype

    def _buffer(self, index):
        if type(index) is not int or not 0 <= index < len(self.buffers):
            raise ChannelError("a buffer that is not there")
        return self.buffers[index]

    def _remember(self, value):
        self.memo.append(value)
        return value


def _require_list(items):
    if type(items) is not list:
        raise ChannelError("a container whose items are not a list")


# ----- copying a call's effect on its arguments back ------------------------------------------------
def merge_into(target, source):
    """Change ``target`` in place to equal ``source`` where it can change in place; ignore the rest.

    Arrays take the new values (and shape, when only the shape of the same data changed),
    dicts and lists their new items, a Generator its new state.
    """
    if isinstance(target, np.ndarray) and isinstance(source, np.ndarray):
        if target.shape != source.shape and target.size == source.size:
            try:
                target.shape = source.shape
            except (AttributeError, ValueError):
                return
        if target.shape == source.shape and target.flags.writeable:
            np.copyto(target, source, casting="unsafe")
    elif isinstance(target, dict) and isinstance(source, dict):
        for key in [k for k in target if k not in source]:
            del target[key]
        for key, value in source.items():
            if key in target and _mergeable(target[key], value):
                merge_into(target[key], value)
            else:
                target[key] = value
    elif isinstance(target, list) and isinstance(source, list):
        if len(target) != len(source):
            target[:] = source
            return
        for index, value in enumerate(source):
            if _mergeable(target[index], value):
                merge_into(target[index], value)
            else:
                target[index] = value
    elif isinstance(target, tuple) and isinstance(source, tuple) and len(target) == len(source):
        for item, value in zip(target, source):
            merge_into(item, value)
    elif isinstance(target, np.random.Generator) and isinstance(source, np.random.Generator):
        if type(target.bit_generator) is type(source.bit_generator):
            target.bit_generator.state = source.bit_generator.state


def _mergeable(target, source):
    kinds = (np.ndarray, dict, list, tuple, np.random.Generator)
    return any(isinstance(target, kind) and isinstance(source, kind) for kind in kinds)


# ----- the conversation ----------------------------------------------------------------------------
class Connection:
    """One end of the wire: calls the other end's callables and answers its calls of ours.

    Arguments:
        sock -- a connected stream socket (Unix or a socketpair)
        deadline -- ``time.monotonic()`` value after which waiting for the other end fails
            with ChannelTimeout; None: wait for ever
    """

    def __init__(self, sock, deadline=None):
        self.sock, self.deadline = sock, deadline
        #: handle -> the callable of this end that the other end may call
        self.exported = {}
        #: bytes received beyond the message read last (reads take whole chunks)
        self._received = bytearray()

    def export(self, function):
        """Keep ``function`` callable from the other end; return its handle."""
        handle = len(self.exported)
        self.exported[handle] = function
        return handle

    # ----- calls ---------------------------------------------------------------------------------
    def call(self, handle, args, kwargs, times=None):
        """Call the other end's callable ``handle``; answer its calls back until it returns.

        With ``times``, the other end calls it that many times on the same arguments and
        returns the list of results (or the first exception).
        """
        self.send({"op": "call", "handle": handle, "times": times}, args=list(args), kwargs=dict(kwargs))
        while True:
            message, values = self.receive()
            if message["op"] == "call":
                self.answer(message, values)
                continue
            if message["op"] not in ("return", "raise"):
                raise ChannelError(f"the answer {message['op']!r} to a call")
            for category, text in _warning_list(message.get("warnings")):
                warnings.warn(text, rebuild_warning_category(category), stacklevel=3)
            if message["op"] == "raise":
                raise rebuild_exception(*_strings(message, "type", "text", "line"))
            new_args, new_kwargs = values.get("args"), values.get("kwargs")
            if isinstance(new_args, list) and len(new_args) == len(args):
                for target, source in zip(args, new_args):
                    merge_into(target, source)
            if isinstance(new_kwargs, dict):
                for key, target in kwargs.items():
                    merge_into(target, new_kwargs.get(key))
            return values.get("value")

    def answer(self, message, values):
        """Run the call the other end asked for and send its result, or the exception it raised."""
        function = self.exported.get(message.get("handle"))
        args, kwargs, times = values.get("args"), values.get("kwargs"), message.get("times")
        if function is None or not isinstance(args, list) or not isinstance(kwargs, dict) \
                or not all(isinstance(k, str) for k in kwargs) \
                or not (times is None or (type(times) is int and 0 <= times <= MAX_REPEATS)):
            raise ChannelError("a call of an unknown function, or with malformed arguments")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                if times is None:
                    result = function(*args, **kwargs)
                else:
                    result = [function(*args, **kwargs) for _ in range(times)]
            except Exception as error:  # the callee's exception goes back to the caller
                error_message = {"op": "raise", "type": type(error).__name__[:MAX_NAME], "text": str(error)[:10_000],
                                 "line": _student_line(error)}
            else:
                error_message = None
        raised = [[w.category.__name__[:MAX_NAME], str(w.message)[:2_000]] for w in caught[:100]]
        if error_message:
            self.send(dict(error_message, warnings=raised))
        else:
            self.send({"op": "return", "warnings": raised}, value=result, args=args, kwargs=kwargs)

    # ----- messages ------------------------------------------------------------------------------
    def send(self, message, **values):
        """Send ``message`` (a dict of JSON data) with ``values`` encoded under the key "values"."""
        encoder = _Encoder(self.export)
        header = dict(message, values={name: encoder.encode(value) for name, value in values.items()})
        parts = [json.dumps(header, separators=(",", ":")).encode("utf-8"), *encoder.buffers]
        parts.insert(0, struct.pack(f"!I{len(parts)}Q", len(parts), *(len(p) for p in parts)))
        if sum(len(p) for p in parts) <= SMALL_MESSAGE:
            parts = [b"".join(parts)]
        try:
            self._wait_at_most_until_deadline()
            for part in parts:
                self.sock.sendall(part)
        except socket.timeout:
            raise ChannelTimeout("the other end took no more data before the time limit") from None
        except OSError as error:
            raise ChannelError(f"the other end is gone ({type(error).__name__})") from None

    def receive(self):
        """The next message, as (header dict, dict of decoded values)."""
        (count,) = struct.unpack("!I", self._read(4))
        if not 1 <= count <= MAX_PARTS:
            raise ChannelError(f"a message of {count} parts")
        lengths = struct.unpack(f"!{count}Q", self._read(8 * count))
        if sum(lengths) > MAX_MESSAGE_BYTES:
            raise ChannelError(f"a message of {sum(lengths) / 2 ** 20:.0f} MiB; "
                               f"the limit is {MAX_MESSAGE_BYTES // 2 ** 20} MiB")
        header_bytes, *buffers = [self._read(length) for length in lengths]
        try:
            header = json.loads(header_bytes.decode("utf-8"))
        except (ValueError, RecursionError) as error:
            raise ChannelError(f"a message that is not JSON ({type(error).__name__})") from None
        if not isinstance(header, dict) or not isinstance(header.get("op"), str) \
                or not isinstance(header.get("values", {}), dict):
            raise ChannelError("a message without an operation")
        decoder = _Decoder(self, buffers)
        try:
            values = {name: decoder.decode(node) for name, node in header.get("values", {}).items()}
        except RecursionError:
            raise ChannelError("a value nested too deeply") from None
        return header, values

    def _read(self, size):
        """The next ``size`` bytes (as a bytearray): from what was received already, then the socket."""
        data = bytearray(size)
        view = memoryview(data)
        filled = min(size, len(self._received))
        view[:filled] = self._received[:filled]
        del self._received[:filled]
        while filled < size:
            try:
                self._wait_at_most_until_deadline()
                chunk = self.sock.recv(max(SMALL_MESSAGE, size - filled))
            except socket.timeout:
                raise ChannelTimeout("no answer before the time limit") from None
            except OSError as error:
                raise ChannelError(f"the other end is gone ({type(error).__name__})") from None
            if not chunk:
                raise ChannelError("the other end closed the connection")
            used = min(len(chunk), size - filled)
            view[filled:filled + used] = chunk[:used]
            self._received += chunk[used:]
            filled += used
        return data

    def _wait_at_most_until_deadline(self):
        if self.deadline is not None:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise ChannelTimeout("no answer before the time limit")
            self.sock.settimeout(remaining)


def _warning_list(value):
    if not isinstance(value, list):
        return []
    return [(w[0], w[1]) for w in value[:100] if isinstance(w, list) and len(w) == 2
            and all(isinstance(part, str) for part in w)]


def _strings(message, *keys):
    return [str(message.get(key, ""))[:10_000] for key in keys]


def _student_line(error):
    """The line of student code an exception came from, as the checks show it ('' if none)."""
    from helpers.checks.core import student_line
    return student_line(error)


# ----- the kernel's end --------------------------------------------------------------------------------
def serve(path, name, namespace):
    """Kernel side: connect to the grader's socket at ``path`` and answer its calls of ``namespace[name]``."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(path)
    with sock:
        serve_on(sock, name, namespace)


def serve_on(sock, name, namespace):
    """Offer ``namespace[name]`` on the connected ``sock`` and answer calls until the grader is done."""
    connection = Connection(sock)
    function = namespace.get(name, _Undefined(name))
    lookup = connection.export(lambda other: namespace.get(other) if isinstance(other, str) else None)
    connection.send({"op": "hello", "handle": connection.export(function), "lookup": lookup,
                     "parameters": _parameter_names(function)})
    while True:
        message, values = connection.receive()
        if message["op"] == "done":
            return
        if message["op"] != "call":
            raise ChannelError(f"the request {message['op']!r}")
        connection.answer(message, values)


def open_function(sock, name, deadline=None):
    """Grader side: the kernel's ``name`` (what the kernel at the other end of ``sock`` offers).

    Returns ``(connection, function)``; ``function`` is a RemoteCallable called ``name``.
    Send ``{"op": "done"}`` on the connection when the judgement is over.
    """
    connection = Connection(sock, deadline)
    message, _ = connection.receive()
    if message["op"] != "hello" or type(message.get("handle")) is not int:
        raise ChannelError("the kernel did not offer the function")
    parameters = message.get("parameters")
    if not (isinstance(parameters, list) and all(isinstance(p, str) and p.isidentifier() for p in parameters[:50])):
        parameters = None
    lookup = message.get("lookup") if type(message.get("lookup")) is int else None
    return connection, RemoteCallable(connection, message["handle"], name, parameters and parameters[:50], lookup)


class _Undefined:
    """What the kernel offers for a name its notebook never defined: calling it raises NameError."""

    def __init__(self, name):
        self.__name__ = name

    def __call__(self, *args, **kwargs):
        raise NameError(f"name {self.__name__!r} is not defined")


def _parameter_names(function):
    try:
        return [p.name for p in inspect.signature(function).parameters.values()][:50]
    except (TypeError, ValueError):
        return None
