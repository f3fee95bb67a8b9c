"""Figures as the ``plots`` partials print them, for every page that shows PNGs.

A figure arrives as ``(name, caption, png)``; the page needs its file name beside the Markdown
(``<stem>.<name>.png``), a link to it, and a data URI so the HTML stays one self-contained file.
The report, the run report of ``jetx-diag history`` and the comparison page all use this one
shape, so their ``_plots`` partials are alike.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

#: ``(name, caption, png)``: a drawn figure before it becomes part of a page.
Image = tuple[str, str, bytes]


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels from a PNG's header chunk (0, 0 when it is not a PNG)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        return 0, 0
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def image_contexts(images: Iterable[Image], stem: str) -> list[dict[str, Any]]:
    """Each figure with ``filename`` (``<stem>.<name>.png``), ``href``, ``caption``, ``png``,
    ``data_uri`` and its pixel ``width`` and ``height`` (so a page reserves its space)."""
    return [
        {
            "width": png_size(png)[0],
            "height": png_size(png)[1],
            "name": name,
            "filename": f"{stem}.{name}.png",
            "href": quote(f"{stem}.{name}.png"),
            "caption": caption,
            "png": png,
            "data_uri": "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
        }
        for name, caption, png in images
    ]
