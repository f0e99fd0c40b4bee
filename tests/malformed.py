"""Malformed notebook files, one kind of trouble each, for the intake tests (test_submissions, test_batch)."""

import copy
import json


def nested(depth):
    """A JSON list nested ``depth`` levels deep."""
    value = []
    for _ in range(depth):
        value = [value]
    return value


def _changed(change):
    """A maker of a file's bytes: a copy of the notebook with ``change`` made, as JSON (ASCII, escapes kept)."""
    def make(notebook):
        notebook = copy.deepcopy(notebook)
        change(notebook)
        return json.dumps(notebook).encode()
    return make


def _first_cell(**fields):
    return _changed(lambda notebook: notebook["cells"][0].update(fields))


#: name -> (function from a valid notebook dict to the bytes of a broken file, a fragment of the reason)
MALFORMED = {
    "empty": (lambda notebook: b"", "the file is empty"),
    "not_json": (lambda notebook: b"{ this is not json", "not valid JSON (Expecting property name"),
    "json_list": (lambda notebook: b"[]", "the file is JSON but not a notebook"),
    "format_3": (_changed(lambda notebook: notebook.update(nbformat=3)), "not in notebook format 4"),
    "metadata_list": (_changed(lambda notebook: notebook.update(metadata=[])),
                      "at metadata: [] is not of type 'object'"),
    "cell_number": (_changed(lambda notebook: notebook["cells"].append(7)), "7 is not of type 'object'"),
    "source_number": (_first_cell(source=42), "at cells/0/source: 42 is not valid"),
    "lone_surrogate": (_first_cell(source="x = '\ud800'"),
                       "it holds text that is not valid Unicode (surrogates not allowed: '\\ud800')"),
    "not_utf8": (lambda notebook: _first_cell(source="MARK")(notebook).replace(b"MARK", b"caf\xe9"),
                 "the file is not UTF-8 text (byte 0xe9 at position"),
    "nested_200": (_changed(lambda notebook: notebook["metadata"].update(deep=nested(200))),
                   "its JSON nests more than 100 levels deep"),
    "nested_100000": (lambda notebook: b"[" * 100_000 + b"]" * 100_000, "its JSON nests more than 100 levels deep"),
}
