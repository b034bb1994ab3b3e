"""The typeface the picture is set in: Source Serif Pro, from the `font-source-serif-pro` package.

The font files install with the project as that package's data (SIL Open Font License 1.1, its
`LICENSE.txt` beside them), so the picture never depends on a font the system happens to have and
nothing is fetched at run time. Source Serif covers Latin and Cyrillic, Ukrainian і ї є ґ and ʼ included
(a test checks every card and position name against the font's character map).
"""

from __future__ import annotations

import enum
import threading
from importlib import resources
from pathlib import Path

from PIL import ImageFont

FONT_PACKAGE = "font_source_serif_pro"


class Weight(enum.Enum):
    """The upright weights: this release's italics carry Latin only, so the picture never uses them."""

    LIGHT = "SourceSerifPro-Light.ttf"
    REGULAR = "SourceSerifPro-Regular.ttf"
    SEMIBOLD = "SourceSerifPro-Semibold.ttf"
    BOLD = "SourceSerifPro-Bold.ttf"
    BLACK = "SourceSerifPro-Black.ttf"


def font_path(weight: Weight) -> Path:
    """The installed file of `weight` (package data, never a system font)."""
    path = Path(str(resources.files(FONT_PACKAGE).joinpath("files", weight.value)))
    if not path.is_file():
        raise FileNotFoundError(f"{FONT_PACKAGE} lacks {weight.value}; reinstall the project")
    return path


_loaded = threading.local()


def font(weight: Weight, size: int) -> ImageFont.FreeTypeFont:
    """The face at `size` pixels, loaded once per thread: a FreeType face must not be used by two threads
    at once, and pictures are drawn in worker threads."""
    faces: dict[tuple[Weight, int], ImageFont.FreeTypeFont] | None = getattr(_loaded, "faces", None)
    if faces is None:
        faces = _loaded.faces = {}
    face = faces.get((weight, size))
    if face is None:
        face = faces[(weight, size)] = ImageFont.truetype(str(font_path(weight)), size)
    return face
