"""Setting text into a box: wrap by words, shrink until it fits, and remember where every line went.

Every line drawn is recorded as a `TextMark` (its text and the box its ink covers), so a test can check
that nothing spills off its card or off the picture.
"""

from __future__ import annotations

import re

from attrs import frozen
from PIL import ImageDraw, ImageFont

from adapters.pillow.fonts import Weight, font

Box = tuple[float, float, float, float]  # left, top, right, bottom
LINE_SPACING = 1.14
ONE_LINE_SHRINK = 0.82  # a name keeps to one line while that costs it no more than this share of its size


_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def typeset(text: str) -> str:
    """Text as print sets it: a typewriter apostrophe inside a word becomes the typographic one
    (Кар'єра → Кар’єра, Soul's → Soul’s); the packs keep the plain one."""
    return _APOSTROPHE.sub("’", text)


@frozen
class TextMark:
    """One line of drawn text: `box` in the coordinates of the image it was drawn on; `card` is the
    position number of the card it belongs to, None for the legend."""

    text: str
    box: Box
    card: int | None = None


@frozen
class Block:
    lines: tuple[str, ...]
    face: ImageFont.FreeTypeFont
    size: int

    @property
    def line_height(self) -> float:
        return self.size * LINE_SPACING

    @property
    def height(self) -> float:
        return self.line_height * len(self.lines)


def fit(
    text: str, weight: Weight, width: float, height: float, largest: int, smallest: int, lines: int
) -> Block:
    """`text` set as large as it fits into `width` × `height` (between `smallest` and `largest` pixels, in
    at most `lines` lines), preferring one line while it costs little; cut with an ellipsis only when even
    the smallest size cannot hold it."""
    text = typeset(text)
    sizes = range(max(largest, smallest), smallest - 1, -1)
    for size in sizes:
        if size < largest * ONE_LINE_SHRINK:
            break
        block = _wrap(text, font(weight, size), size, width, 1)
        if block is not None and block.height <= height:
            return block
    for size in sizes:
        block = _wrap(text, font(weight, size), size, width, lines)
        if block is not None and block.height <= height:
            return block
    return _cut(text, weight, smallest, width, max(1, min(lines, int(height // (smallest * LINE_SPACING)))))


def _wrap(text: str, face: ImageFont.FreeTypeFont, size: int, width: float, most: int) -> Block | None:
    words = text.split()
    if not words:
        return Block((), face, size)
    found: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if face.getlength(trial) <= width:
            current = trial
            continue
        if not current or face.getlength(word) > width:
            return None
        found.append(current)
        current = word
    found.append(current)
    return Block(tuple(found), face, size) if len(found) <= most else None


def _cut(text: str, weight: Weight, size: int, width: float, most: int) -> Block:
    face = font(weight, size)
    found: list[str] = []
    rest = text.split()
    while rest and len(found) < most:
        line = rest.pop(0)
        while rest and face.getlength(f"{line} {rest[0]}") <= width:
            line = f"{line} {rest.pop(0)}"
        found.append(line)
    if rest or any(face.getlength(line) > width for line in found):
        last = found[-1] if found else ""
        while last and face.getlength(f"{last}…") > width:
            last = last[:-1].rstrip()
        found[-1:] = [f"{last}…"]
        found = [line if face.getlength(line) <= width else "…" for line in found]
    return Block(tuple(found), face, size)


class Writer:
    """Draws blocks of text and records each line's ink box."""

    def __init__(self, draw: ImageDraw.ImageDraw, card: int | None = None) -> None:
        self.draw = draw
        self.card = card
        self.marks: list[TextMark] = []

    def line(
        self,
        xy: tuple[float, float],
        text: str,
        face: ImageFont.FreeTypeFont,
        fill: tuple[int, ...],
        anchor: str = "mm",
    ) -> Box:
        """One line at `xy` (Pillow's `anchor`: "mm" centres it, "lm" starts it at x); its ink box."""
        self.draw.text(xy, text, font=face, fill=fill, anchor=anchor)
        box = self.draw.textbbox(xy, text, font=face, anchor=anchor)
        self.marks.append(TextMark(text, box, self.card))
        return box

    def block(
        self, centre_x: float, top: float, block: Block, fill: tuple[int, ...], *, left: float | None = None
    ) -> float:
        """Sets the lines from `top` down, centred on `centre_x` (or from `left`); returns the y below."""
        y = top
        for text in block.lines:
            middle = y + block.line_height / 2
            if left is None:
                self.line((centre_x, middle), text, block.face, fill)
            else:
                self.line((left, middle), text, block.face, fill, anchor="lm")
            y += block.line_height
        return y
