"""A sign for each of the 22 major arcana, drawn in line inside its medallion: our own plain emblems of
what each arcanum is commonly known by (the Magician's lemniscate, the Priestess's pillars and moon, the
Wheel, the scales, the Tower struck by lightning…), not a copy of any deck's picture.

`emblem(draw, rank, cx, cy, r, ink, width)` draws the arcanum of canonical `rank` (0–21, Rider–Waite
order) within a circle of radius `r`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PIL import ImageDraw

from adapters.pillow.glyphs import pentagram, star, trapezoid
from adapters.pillow.styles import RGB

Draw = ImageDraw.ImageDraw
Painter = Callable[[Draw, float, float, float, RGB, int], None]


def _circle(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int, fill: RGB | None = None) -> None:
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ink, width=w, fill=fill)


def _arc_points(
    cx: float, cy: float, rx: float, ry: float, start: float, end: float, n: int = 24
) -> list[tuple[float, float]]:
    return [
        (cx + rx * math.cos(start + (end - start) * k / n), cy + ry * math.sin(start + (end - start) * k / n))
        for k in range(n + 1)
    ]


def _fool(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The zero, open, and a small star rising from it."""
    _circle(d, cx - r * 0.08, cy + r * 0.08, r * 0.52, ink, w)
    star(d, cx + r * 0.45, cy - r * 0.5, r * 0.2, r * 0.08, 4, ink)


def _magician(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The lemniscate over the wand raised between heaven and earth."""
    points = [
        (
            cx + r * 0.55 * math.cos(t) / (1 + math.sin(t) ** 2),
            cy - r * 0.45 + r * 0.55 * math.sin(t) * math.cos(t) / (1 + math.sin(t) ** 2),
        )
        for t in (k * 2 * math.pi / 48 for k in range(49))
    ]
    d.line(points, fill=ink, width=w, joint="curve")
    d.line([(cx, cy - r * 0.15), (cx, cy + r * 0.7)], fill=ink, width=w)
    _circle(d, cx, cy - r * 0.15, r * 0.07, ink, w, ink)
    _circle(d, cx, cy + r * 0.7, r * 0.07, ink, w, ink)


def _priestess(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """Two pillars and the moon between them."""
    for x in (cx - r * 0.45, cx + r * 0.45):
        d.rectangle((x - r * 0.1, cy - r * 0.6, x + r * 0.1, cy + r * 0.65), outline=ink, width=w)
    _crescent(d, cx, cy - r * 0.05, r * 0.26, ink, w)


def _crescent(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """A waxing crescent: the disc less a disc moved to its right."""
    r1, shift = r * 0.82, r * 0.42
    theta = math.acos((shift**2 + r**2 - r1**2) / (2 * shift * r))
    phi = math.atan2(r * math.sin(theta), r * math.cos(theta) - shift)
    outer = _arc_points(cx, cy, r, r, theta, 2 * math.pi - theta)
    inner = _arc_points(cx + shift, cy, r1, r1, 2 * math.pi - phi, phi)
    d.polygon(outer + inner, fill=ink)
    del w


def _empress(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """Venus's sign."""
    _circle(d, cx, cy - r * 0.22, r * 0.36, ink, w)
    d.line([(cx, cy + r * 0.14), (cx, cy + r * 0.78)], fill=ink, width=w)
    d.line([(cx - r * 0.26, cy + r * 0.46), (cx + r * 0.26, cy + r * 0.46)], fill=ink, width=w)


def _emperor(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The ram's sign: two horns curling out from one stem."""
    arc = _arc_points(cx - r * 0.27, cy - r * 0.2, r * 0.27, r * 0.32, math.pi, 2 * math.pi)
    left = [(cx - r * 0.46, cy + r * 0.1), *arc]
    for horn in (left, [(2 * cx - x, y) for x, y in left]):
        d.line(horn, fill=ink, width=w, joint="curve")
    d.line([(cx, cy - r * 0.2), (cx, cy + r * 0.68)], fill=ink, width=w)


def _hierophant(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The triple cross."""
    d.line([(cx, cy - r * 0.75), (cx, cy + r * 0.75)], fill=ink, width=w)
    for k, half in enumerate((0.2, 0.3, 0.4)):
        y = cy - r * 0.55 + k * r * 0.28
        d.line([(cx - r * half, y), (cx + r * half, y)], fill=ink, width=w)


def _lovers(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """Two rings joined."""
    for dx in (-0.2, 0.2):
        _circle(d, cx + r * dx, cy + r * 0.05, r * 0.36, ink, w)
    star(d, cx, cy - r * 0.62, r * 0.13, r * 0.06, 4, ink)


def _chariot(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The car on its two wheels, a star on its canopy."""
    d.rectangle((cx - r * 0.45, cy - r * 0.3, cx + r * 0.45, cy + r * 0.25), outline=ink, width=w)
    for x in (cx - r * 0.3, cx + r * 0.3):
        _circle(d, x, cy + r * 0.45, r * 0.2, ink, w)
    star(d, cx, cy - r * 0.55, r * 0.15, r * 0.06, 5, ink)


def _strength(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The lion's sign: a loop with its tail."""
    _circle(d, cx - r * 0.22, cy + r * 0.1, r * 0.24, ink, w)
    tail = _arc_points(cx + r * 0.12, cy - r * 0.15, r * 0.32, r * 0.4, math.pi, math.pi * 2.15)
    d.line(
        [*tail, (cx + r * 0.3, cy + r * 0.55), (cx + r * 0.55, cy + r * 0.5)],
        fill=ink,
        width=w,
        joint="curve",
    )


def _hermit(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The lantern with its star."""
    d.line([(cx, cy - r * 0.75), (cx, cy - r * 0.5)], fill=ink, width=w)
    d.polygon(trapezoid(cx, cy - r * 0.5, cy + r * 0.5, r * 0.25, r * 0.34), outline=ink, width=w)
    star(d, cx, cy + r * 0.02, r * 0.2, r * 0.2 * 0.5, 6, ink)


def _wheel(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The wheel of eight spokes."""
    _circle(d, cx, cy, r * 0.68, ink, w)
    _circle(d, cx, cy, r * 0.16, ink, w)
    for k in range(8):
        a = k * math.pi / 4
        d.line(
            [
                (cx + r * 0.16 * math.cos(a), cy + r * 0.16 * math.sin(a)),
                (cx + r * 0.68 * math.cos(a), cy + r * 0.68 * math.sin(a)),
            ],
            fill=ink,
            width=w,
        )


def _justice(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The scales."""
    d.line([(cx, cy - r * 0.7), (cx, cy + r * 0.65)], fill=ink, width=w)
    d.line([(cx - r * 0.62, cy - r * 0.45), (cx + r * 0.62, cy - r * 0.45)], fill=ink, width=w)
    d.line([(cx - r * 0.3, cy + r * 0.65), (cx + r * 0.3, cy + r * 0.65)], fill=ink, width=w)
    for x in (cx - r * 0.52, cx + r * 0.52):
        d.line([(x, cy - r * 0.45), (x - r * 0.2, cy + r * 0.05)], fill=ink, width=max(1, w // 2))
        d.line([(x, cy - r * 0.45), (x + r * 0.2, cy + r * 0.05)], fill=ink, width=max(1, w // 2))
        d.chord((x - r * 0.24, cy - r * 0.2, x + r * 0.24, cy + r * 0.22), 0, 180, outline=ink, width=w)


def _hanged(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The living tree in the shape of a tau, and the triangle turned downward beneath it."""
    d.line([(cx - r * 0.55, cy - r * 0.6), (cx + r * 0.55, cy - r * 0.6)], fill=ink, width=w)
    d.line([(cx, cy - r * 0.6), (cx, cy - r * 0.2)], fill=ink, width=w)
    d.polygon(
        [(cx - r * 0.32, cy - r * 0.1), (cx + r * 0.32, cy - r * 0.1), (cx, cy + r * 0.5)],
        outline=ink,
        width=w,
    )
    _circle(d, cx, cy + r * 0.62, r * 0.1, ink, w)


def _death(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The five-petalled rose."""
    for k in range(5):
        a = -math.pi / 2 + k * 2 * math.pi / 5
        _circle(d, cx + r * 0.3 * math.cos(a), cy + r * 0.3 * math.sin(a), r * 0.26, ink, w)
    _circle(d, cx, cy, r * 0.12, ink, w, ink)


def _temperance(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """Two cups, one above the other, and the stream poured from the upper into the lower."""
    for x, y in ((cx - r * 0.36, cy - r * 0.32), (cx + r * 0.36, cy + r * 0.3)):
        d.polygon(trapezoid(x, y - r * 0.18, y + r * 0.06, r * 0.2, r * 0.1), outline=ink, width=w)
        d.line([(x, y + r * 0.06), (x, y + r * 0.2)], fill=ink, width=w)
        d.line([(x - r * 0.1, y + r * 0.22), (x + r * 0.1, y + r * 0.22)], fill=ink, width=w)
    stream = _arc_points(cx - r * 0.02, cy - r * 0.12, r * 0.2, r * 0.3, -math.pi * 0.55, math.pi * 0.45)
    d.line(stream, fill=ink, width=max(1, w * 2 // 3), joint="curve")


def _devil(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The pentagram turned point-down."""
    d.line(pentagram(cx, cy, r * 0.66, up=False), fill=ink, width=w, joint="curve")


def _tower(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The tower, its crown knocked off, and the lightning."""
    d.rectangle((cx - r * 0.22, cy - r * 0.3, cx + r * 0.22, cy + r * 0.72), outline=ink, width=w)
    for k in range(3):
        x = cx - r * 0.22 + k * r * 0.22
        d.rectangle((x - r * 0.05, cy - r * 0.44, x + r * 0.05, cy - r * 0.3), fill=ink)
    d.line(
        [
            (cx + r * 0.66, cy - r * 0.74),
            (cx + r * 0.26, cy - r * 0.36),
            (cx + r * 0.46, cy - r * 0.34),
            (cx + r * 0.12, cy + r * 0.02),
        ],
        fill=ink,
        width=w,
        joint="curve",
    )


def _star(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The great star of eight points among seven small ones."""
    star(d, cx, cy - r * 0.08, r * 0.48, r * 0.2, 8, ink)
    for k in range(7):
        a = math.pi * (0.15 + 0.7 * k / 6)
        star(
            d,
            cx + r * 0.66 * math.cos(a + math.pi),
            cy + r * 0.52 + r * 0.08 * math.sin(k),
            r * 0.08,
            r * 0.035,
            4,
            ink,
        )
    del w


def _moon(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The crescent over the path between two towers."""
    _crescent(d, cx + r * 0.05, cy - r * 0.22, r * 0.4, ink, w)
    for x in (cx - r * 0.55, cx + r * 0.45):
        d.rectangle((x, cy + r * 0.25, x + r * 0.1, cy + r * 0.68), outline=ink, width=max(1, w // 2))
    d.line(
        [(cx, cy + r * 0.75), (cx - r * 0.05, cy + r * 0.45), (cx + r * 0.05, cy + r * 0.2)],
        fill=ink,
        width=max(1, w // 2),
    )


def _sun(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The sun: a disc and its straight and wavy rays."""
    _circle(d, cx, cy, r * 0.3, ink, w, ink)
    for k in range(12):
        a = k * math.pi / 6
        inner, outer = r * 0.42, r * (0.75 if k % 2 == 0 else 0.62)
        d.line(
            [
                (cx + inner * math.cos(a), cy + inner * math.sin(a)),
                (cx + outer * math.cos(a), cy + outer * math.sin(a)),
            ],
            fill=ink,
            width=w,
        )


def _judgement(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The trumpet's call, with its banner's cross."""
    d.polygon(
        [(cx - r * 0.6, cy - r * 0.05), (cx + r * 0.35, cy - r * 0.28), (cx + r * 0.35, cy + r * 0.18)],
        outline=ink,
        width=w,
    )
    d.line([(cx + r * 0.35, cy - r * 0.05), (cx + r * 0.62, cy - r * 0.05)], fill=ink, width=w)
    d.line([(cx - r * 0.05, cy + r * 0.3), (cx - r * 0.05, cy + r * 0.72)], fill=ink, width=w)
    d.line([(cx - r * 0.25, cy + r * 0.48), (cx + r * 0.15, cy + r * 0.48)], fill=ink, width=w)


def _world(d: Draw, cx: float, cy: float, r: float, ink: RGB, w: int) -> None:
    """The wreath, and the four that watch from its corners."""
    d.ellipse((cx - r * 0.36, cy - r * 0.6, cx + r * 0.36, cy + r * 0.6), outline=ink, width=w)
    d.ellipse((cx - r * 0.26, cy - r * 0.5, cx + r * 0.26, cy + r * 0.5), outline=ink, width=max(1, w // 2))
    for sx, sy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
        _circle(d, cx + sx * r * 0.62, cy + sy * r * 0.55, r * 0.09, ink, w, ink)


EMBLEMS: tuple[Painter, ...] = (
    _fool, _magician, _priestess, _empress, _emperor, _hierophant, _lovers, _chariot, _strength, _hermit,
    _wheel, _justice, _hanged, _death, _temperance, _devil, _tower, _star, _moon, _sun, _judgement, _world,
)  # fmt: skip
"""By canonical rank: 8 is Strength, 11 Justice, whatever number a deck prints on them."""


def emblem(draw: Draw, rank: int, cx: float, cy: float, r: float, ink: RGB, width: int) -> None:
    EMBLEMS[rank % len(EMBLEMS)](draw, cx, cy, r, ink, width)
