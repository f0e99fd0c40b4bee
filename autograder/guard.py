"""The grader's agent inside a grading kernel: it keeps the tests' tools honest.

The grader sends this file's source into every grading kernel before the first cell
runs (this module imports nothing of ``autograder``, which a sandboxed kernel cannot
see). :func:`start` records the state of numpy, the helpers (the check framework among
them), builtins, the import system and IPython's hooks. Before each grade cell the
grader calls :func:`prepare_grade_cell`: it puts back whatever a submission replaced,
reports it, and installs the hidden tests and reference answers the cell imports, sent
with the call (the kernel cannot read them from disk). After the cell,
:func:`finish_grade_cell` reports what changed while the tests ran, and removes them again.

This is a guard against the usual tricks (``np.allclose = lambda *a, **k: True``, a
replaced builtin or check, a fake hidden-test module in ``sys.modules``, an import hook,
an IPython hook that rewrites the next cell), not a security boundary: student code
shares the kernel's process, and code written against this guard can defeat it. The
sandbox (see ``autograder.sandbox``) is what keeps files and the network out of reach.
"""

import importlib.abc
import importlib.util
import sys
import types

#: Modules (with their submodules) whose functions the tests rely on.
TRUSTED_PACKAGES = ("numpy", "helpers", "builtins", "math", "copy", "functools", "json", "IPython", "ipykernel")
#: Names IPython and ipykernel themselves rebind in builtins around every execution.
VOLATILE_BUILTINS = {"_", "__", "___", "input", "get_ipython", "exit", "quit", "display"}
#: IPython events that run before a cell's code: a hook there could rewrite a grade cell's state.
GUARDED_EVENTS = ("pre_execute", "pre_run_cell")
#: IPython shell lists that can rewrite a cell's code before it runs.
GUARDED_TRANSFORMERS = ("input_transformers_cleanup", "input_transformers_post", "ast_transformers")
#: The package whose modules the grader sends (never read from the kernel's disk).
GRADER_PACKAGE = "autograder"

_state = None


class _Snapshot:
    """What the trusted objects looked like before any student code ran."""

    def __init__(self):
        self.modules = {name: module for name, module in sys.modules.items() if _is_trusted(name)}
        self.module_dicts = {name: dict(vars(module)) for name, module in self.modules.items()}
        self.functions = {}
        self.class_dicts = {}
        for name, namespace in self.module_dicts.items():
            for attribute, value in namespace.items():
                self._record(f"{name}.{attribute}", value, name)
        self.meta_path = list(sys.meta_path)
        self.path_hooks = list(sys.path_hooks)
        self.shell = _shell()
        self.events = {event: list(self.shell.events.callbacks.get(event, [])) for event in GUARDED_EVENTS} \
            if self.shell else {}
        self.transformers = {name: list(getattr(self.shell, name)) for name in GUARDED_TRANSFORMERS} \
            if self.shell else {}
        self.shell_methods = {id(owner): _instance_methods(owner) for owner in _shell_objects(self.shell)}
        self.grader_finder = None

    def _record(self, qualified_name, value, module_name):
        if isinstance(value, types.FunctionType):
            self.functions.setdefault(id(value), (qualified_name, value, value.__code__, value.__defaults__,
                                                  value.__kwdefaults__))
        elif isinstance(value, type) and value.__module__ == module_name and id(value) not in self.class_dicts:
            self.class_dicts[id(value)] = (qualified_name, value, dict(vars(value)))
            for attribute, member in vars(value).items():
                member = getattr(member, "__func__", member)  # staticmethod / classmethod
                self._record(f"{qualified_name}.{attribute}", member, module_name)

    def compare(self, restore):
        """Descriptions of every change since the snapshot; with ``restore``, undo them too."""
        changes = []
        for name, module in self.modules.items():
            if sys.modules.get(name) is not module:
                changes.append(f"sys.modules[{name!r}] was replaced")
                if restore:
                    sys.modules[name] = module
            changes += _compare_namespace(name, vars(module), self.module_dicts[name], restore,
                                          lambda key: name == "builtins" and key in VOLATILE_BUILTINS)
        for qualified_name, cls, original in self.class_dicts.values():
            current = vars(cls)
            for key, value in original.items():
                if current.get(key, _MISSING) is not value:
                    changes.append(f"{qualified_name}.{key} was replaced")
                    if restore:
                        setattr(cls, key, value)
        for qualified_name, function, code, defaults, kwdefaults in self.functions.values():
            if function.__code__ is not code or function.__defaults__ is not defaults \
                    or function.__kwdefaults__ is not kwdefaults:
                changes.append(f"the code of {qualified_name} was replaced")
                if restore:
                    function.__code__, function.__defaults__, function.__kwdefaults__ = code, defaults, kwdefaults
        allowed_finders = self.meta_path + [self.grader_finder]
        if any(finder not in allowed_finders for finder in sys.meta_path) or sys.path_hooks != self.path_hooks:
            changes.append("an import hook was added")
            if restore:
                sys.meta_path[:] = [f for f in sys.meta_path if f in allowed_finders]
                sys.path_hooks[:] = self.path_hooks
        if sys.gettrace() is not None or sys.getprofile() is not None:
            changes.append("a trace or profile function was set")
            if restore:
                sys.settrace(None)
                sys.setprofile(None)
        changes += self._compare_shell(restore)
        return list(dict.fromkeys(changes))

    def _compare_shell(self, restore):
        changes = []
        if not self.shell:
            return changes
        for event, callbacks in self.events.items():
            if self.shell.events.callbacks.get(event, []) != callbacks:
                changes.append(f"an IPython {event!r} hook was added")
                if restore:
                    self.shell.events.callbacks[event][:] = callbacks
        for name, items in self.transformers.items():
            if getattr(self.shell, name) != items:
                changes.append(f"an IPython input transformer ({name}) was added")
                if restore:
                    getattr(self.shell, name)[:] = items
        for owner in _shell_objects(self.shell):
            original = self.shell_methods[id(owner)]
            for key, value in _instance_methods(owner).items():
                if original.get(key, _MISSING) is not value:
                    changes.append(f"the IPython method {type(owner).__name__}.{key} was replaced")
                    if restore:
                        if key in original:
                            owner.__dict__[key] = original[key]
                        else:
                            del owner.__dict__[key]
        return changes


def _shell_objects(shell):
    """The IPython shell and its kernel: the objects that run a cell and report its errors."""
    return [owner for owner in (shell, getattr(shell, "kernel", None)) if owner is not None]


def _instance_methods(owner):
    """Callables set on ``owner`` itself that hide a method of its class."""
    return {key: value for key, value in vars(owner).items()
            if callable(value) and callable(getattr(type(owner), key, None))}


_MISSING = object()


def _compare_namespace(name, current, original, restore, ignored):
    changes = []
    for key, value in original.items():
        if ignored(key):
            continue
        now = current.get(key, _MISSING)
        if now is not value:
            changes.append(f"{name}.{key} was {'deleted' if now is _MISSING else 'replaced'}")
            if restore:
                current[key] = value
    return changes


def _is_trusted(name):
    return any(name == package or name.startswith(package + ".") for package in TRUSTED_PACKAGES)


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


class _SourceFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports modules from source texts held in memory (the grader's hidden tests).

    ``sources`` maps a module name to ``(path, source)``; the path is where the grader read
    it, used as the module's ``__file__`` (the kernel may not be able to read it).
    """

    def __init__(self, sources, packages):
        self.sources, self.packages = sources, packages

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in self.sources:
            return None
        spec = importlib.util.spec_from_loader(fullname, self, origin=self.sources[fullname][0],
                                               is_package=fullname in self.packages)
        spec.has_location = True
        return spec

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        path, source = self.sources[module.__name__]
        code = compile(source, path, "exec")
        exec(code, vars(module))


def start(preload=()):
    """Import ``preload`` modules, then record the trusted state. Call once, before student code."""
    global _state
    for name in preload:
        importlib.import_module(name)
    _state = _Snapshot()


def _is_grader_name(name):
    return name == GRADER_PACKAGE or name.startswith(GRADER_PACKAGE + ".")


def _drop_grader_modules():
    for name in [n for n in sys.modules if _is_grader_name(n)]:
        del sys.modules[name]
    if _state.grader_finder in sys.meta_path:
        sys.meta_path.remove(_state.grader_finder)
    _state.grader_finder = None


def prepare_grade_cell(sources, packages, reference_sources):
    """Restore the trusted state and install the grader's modules; return what had been changed.

    Arguments:
        sources -- dict module name -> (path, source text) of the grader modules the cell imports
        packages -- names among ``sources`` that are packages
        reference_sources -- dict assignment -> list of cell sources that define its reference answers
    """
    changes = _state.compare(restore=True)
    changes += [f"a module {name} was planted in sys.modules" for name in sys.modules if _is_grader_name(name)]
    _drop_grader_modules()
    _state.grader_finder = _SourceFinder(sources, set(packages))
    sys.meta_path.insert(0, _state.grader_finder)
    importlib.import_module(GRADER_PACKAGE + ".reference").PROVIDED_SOURCES.update(reference_sources)
    return changes


def finish_grade_cell():
    """What changed while the grade cell ran; then the grader's modules and answers are removed again."""
    changes = _state.compare(restore=True)
    reference = sys.modules.get(GRADER_PACKAGE + ".reference")
    if reference is not None:
        reference.PROVIDED_SOURCES.clear()
        reference.reference_namespace.cache_clear()
    if _state.shell:
        user_namespace = _state.shell.user_ns
        for name in [n for n, v in user_namespace.items() if _is_grader_module(v)]:
            del user_namespace[name]
    _drop_grader_modules()
    return changes


def _is_grader_module(value):
    return isinstance(value, types.ModuleType) and _is_grader_name(value.__name__)
