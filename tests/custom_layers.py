"""A training script's own Keras 3 layers, as ``--custom-objects custom_layers`` imports them.

``PositionalScale`` has weights that matter to the output (a per-feature scale and offset);
``Doubler`` is registered with ``register_keras_serializable`` under the package
``jetx_tests``. Neither is known to Keras unless this module is given to the loader: an
unregistered class is looked up only in what the caller passes, and the registry entry is removed
by :func:`forget_doubler` to act like a fresh process.
"""

from __future__ import annotations

from typing import Any

from jetx_diag.artifacts.keras_env import import_keras

keras = import_keras()


class PositionalScale(keras.layers.Layer):
    """``x * scale + offset``, one trained scale and offset per feature."""

    def __init__(self, units: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape: Any) -> None:
        self.scale = self.add_weight(shape=(self.units,), initializer="ones", name="scale")
        self.offset = self.add_weight(shape=(self.units,), initializer="zeros", name="offset")

    def call(self, x: Any) -> Any:
        return x * self.scale + self.offset

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "units": self.units}


@keras.saving.register_keras_serializable(package="jetx_tests")
class Doubler(keras.layers.Layer):
    """``2 x``: a registered serializable without weights."""

    def call(self, x: Any) -> Any:
        return x * 2.0


def forget_doubler() -> None:
    """Unregister :class:`Doubler`, as in a process that never imported this module."""
    keras.saving.get_custom_objects().pop("jetx_tests>Doubler", None)


def register_doubler() -> None:
    keras.saving.get_custom_objects()["jetx_tests>Doubler"] = Doubler
