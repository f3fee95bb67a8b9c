"""``--custom-objects``: the user's own layer classes, given to Keras by explicit opt-in.

A checkpoint names its custom classes but cannot hold their code. The user who has that code
names the module that defines it (``module``, or ``module:Name,Name`` for chosen names); we import
it, as ``--features`` imports an extractor, and collect what Keras needs to rebuild the model:
``Layer`` and ``Model`` subclasses (of Keras 3 or tf_keras) defined there, and everything the
import registered with ``register_keras_serializable``. Importing a module the user named is their
choice; it does not lift safe mode (a ``Lambda`` still needs ``--trust-code``).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import inspect
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jetx_diag.errors import InputError, UsageError
from jetx_diag.i18n.messages import record

OPTION = "--custom-objects"


@dataclass(frozen=True)
class CustomObjects:
    """Classes and functions by the names a checkpoint may use for them, and where they came
    from (the modules named, for messages)."""

    objects: dict[str, Any] = field(default_factory=dict)
    modules: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.objects)

    def where(self) -> str:
        """Where Keras looked for a class, for the refusal message."""
        if not self.modules:
            return record("error.custom_objects.keras_looked_none_given", option=OPTION)
        return record(
            "error.custom_objects.keras_looked", option=OPTION, modules=", ".join(self.modules)
        )


def parse_spec(spec: str) -> tuple[str, tuple[str, ...]]:
    """``module`` or ``module:Name,Name`` → (module, names); no names means "everything"."""
    module, _, names_text = spec.strip().partition(":")
    names = tuple(n.strip() for n in names_text.split(",") if n.strip())
    if (
        not module
        or (":" in spec and not names)
        or not all(part.isidentifier() for part in module.split("."))
    ):
        raise UsageError(
            record(
                "error.custom_objects.must_look_like_module_module", option=OPTION, spec=f"{spec!r}"
            ),
            hint=record("error.custom_objects.hint_module_defines_model_s_custom"),
        )
    for name in names:
        if not name.isidentifier():
            raise UsageError(
                record(
                    "error.custom_objects.not_python_name",
                    option=OPTION,
                    spec=f"{spec!r}",
                    name=f"{name!r}",
                )
            )
    return module, names


def custom_objects_fingerprint(specs: Iterable[str]) -> str | None:
    """SHA-256 of the modules named and their source files, ``None`` when none is named.

    A custom layer's ``call`` is the user's code: a model's outputs change when it changes, so
    cached predictions are keyed by it. The source is found without importing the module.
    """
    specs = sorted(s.strip() for s in specs if s and s.strip())
    if not specs:
        return None
    digest = hashlib.sha256()
    for spec in specs:
        digest.update(spec.encode())
        module, _ = parse_spec(spec)
        with contextlib.suppress(ImportError, ValueError, OSError, AttributeError):
            found = importlib.util.find_spec(module)
            if found is not None and found.origin and found.has_location:
                with open(found.origin, "rb") as source:
                    digest.update(source.read())
    return digest.hexdigest()


def load_custom_objects(specs: Iterable[str]) -> CustomObjects:
    """Import every module named and collect its custom classes (see the module docstring)."""
    specs = [s for s in specs if s and s.strip()]
    if not specs:
        return CustomObjects()
    parsed = [parse_spec(s) for s in specs]
    from jetx_diag.artifacts.keras_env import import_keras

    import_keras()  # first, quietly: the registries below are compared before/after the import
    registries_before = {id(r): dict(r) for r in _registries()}
    objects: dict[str, Any] = {}
    for (module_name, names), spec in zip(parsed, specs, strict=True):
        module = _import(module_name, spec)
        chosen = _chosen(module, module_name, names, spec) if names else _layer_classes(module)
        for name, obj in chosen.items():
            objects[name] = obj
            registered = _registered_name(obj)
            if registered:
                objects[registered] = obj
    # What the imports registered (``register_keras_serializable``) under "package>Name".
    for registry in _registries():
        before = registries_before.get(id(registry), {})
        for key, obj in registry.items():
            if key not in before or before[key] is not obj:
                objects.setdefault(key, obj)
                objects.setdefault(getattr(obj, "__name__", key.split(">")[-1]), obj)
    if not objects:
        modules = ", ".join(m for m, _ in parsed)
        raise InputError(
            record(
                "error.custom_objects.no_keras_layer_model_subclass", option=OPTION, modules=modules
            ),
            hint=record("error.custom_objects.hint_name_classes_module_name_name", option=OPTION),
        )
    return CustomObjects(objects, tuple(dict.fromkeys(m for m, _ in parsed)))


def _import(module_name: str, spec: str) -> Any:
    try:
        return importlib.import_module(module_name)
    except BaseException as error:  # the user's code: SystemExit and KeyboardInterrupt too
        if isinstance(error, KeyboardInterrupt):
            raise
        what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        first = " ".join(what.splitlines())[:300]
        raise InputError(
            record(
                "error.custom_objects.importing_module_failed",
                option=OPTION,
                spec=f"{spec!r}",
                module_name=f"{module_name!r}",
                first=first,
            ),
            hint=record("error.custom_objects.hint_module_must_importable_here_e"),
        ) from None


def _chosen(module: Any, module_name: str, names: tuple[str, ...], spec: str) -> dict[str, Any]:
    chosen = {}
    for name in names:
        obj = getattr(module, name, None)
        if obj is None:
            raise InputError(
                record(
                    "error.custom_objects.module_no",
                    option=OPTION,
                    spec=f"{spec!r}",
                    module_name=f"{module_name!r}",
                    name=f"{name!r}",
                )
            )
        if not callable(obj):
            raise InputError(
                record(
                    "error.custom_objects.not_class_function",
                    option=OPTION,
                    spec=f"{spec!r}",
                    module_name=module_name,
                    name=name,
                )
            )
        chosen[name] = obj
    return chosen


def _keras_bases() -> tuple[type, ...]:
    """Layer and Model of Keras 3 and of tf_keras, where they are imported already (the user's
    module imported whichever it uses)."""
    bases: list[type] = []
    for module_name in ("keras", "tf_keras"):
        module = sys.modules.get(module_name)
        if module is None:
            continue
        for path in ("layers.Layer", "Model", "losses.Loss", "metrics.Metric"):
            target: Any = module
            try:
                for part in path.split("."):
                    target = getattr(target, part)
            except AttributeError:
                continue
            if isinstance(target, type):
                bases.append(target)
    return tuple(bases)


def _layer_classes(module: Any) -> dict[str, Any]:
    bases = _keras_bases()
    found = {}
    for name, obj in vars(module).items():
        if (
            inspect.isclass(obj)
            and bases
            and issubclass(obj, bases)
            and obj not in bases
            and getattr(obj, "__module__", None) == module.__name__
        ):
            found[name] = obj
    return found


def _registries() -> list[dict[str, Any]]:
    """The global custom-object registries of the Keras versions already imported."""
    found: list[dict[str, Any]] = []
    keras = sys.modules.get("keras")
    if keras is not None:
        with contextlib.suppress(AttributeError):
            found.append(keras.saving.get_custom_objects())
    tf_keras = sys.modules.get("tf_keras")
    if tf_keras is not None:
        with contextlib.suppress(AttributeError):
            found.append(tf_keras.utils.get_custom_objects())
    return found


def _registered_name(obj: Any) -> str | None:
    keras = sys.modules.get("keras")
    if keras is None:
        return None
    try:
        name = keras.saving.get_registered_name(obj)
    except (AttributeError, TypeError, ValueError):
        return None
    return name if isinstance(name, str) and ">" in name else None
