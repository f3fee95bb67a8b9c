"""The tf_keras (Keras 2) twin of :mod:`custom_layers`: ``PositionalScale`` with weights that
matter, for ``.h5`` files written by ``tf_keras``."""

from __future__ import annotations

from typing import Any

from jetx_diag.artifacts.keras_env import import_tf_keras

tf_keras = import_tf_keras()


class PositionalScale(tf_keras.layers.Layer):
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
