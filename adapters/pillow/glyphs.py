"""Shapes the card marks are built from (trapezoids, leaves, stars, rays, pentagrams), and the marks that
are not suits: the element signs, the court crowns, the gold diamonds and the pip patterns of small cards.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PIL import ImageDraw

from adapters.pillow.styles import RGB
from tarot_domain.model.cards import Element

Point = tuple[float, float]
PEARL: RGB = (250, 246, 236)
GARNET: RGB = (200, 46, 38)


def turn(points: Sequence[Point], angle: float, centre: Point) -> list[Point]:
    """`points` turned by `angle` radians about `centre`."""
    cx, cy = centre
    c, s = math.cos(angle), math.sin(angle)
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def box(cx: float, cy: float, rx: float, ry: float) -> tuple[float, float, float, float]:
    """The bounding box of an ellipse (Pillow's form)."""
    return (cx - rx, cy - ry, cx + rx, cy + ry)


def width_for(s: float, share: float) -> int:
    """A line width in proportion to a glyph's size, never under a pixel."""
    return max(1, round(s * share))


def trapezoid(cx: float, top: float, bottom: float, top_half: float, bottom_half: float) -> list[Point]:
    """A shape symmetric about `cx`, `2·top_half` wide at `top` and `2·bottom_half` at `bottom`."""
    return [
        (cx - top_half, top),
        (cx + top_half, top),
        (cx + bottom_half, bottom),
        (cx - bottom_half, bottom),
    ]


def leaf(x: float, y: float, length: float, width: float, angle: float) -> list[Point]:
    """A leaf (a lens, fuller on one side) centred on (`x`, `y`), turned by `angle`."""
    upper = [(x - length / 2 + length * i / 8, y - width * math.sin(math.pi * i / 8)) for i in range(9)]
    lower = [
        (x - length / 2 + length * i / 8, y + width * 0.6 * math.sin(math.pi * i / 8))
        for i in range(7, 0, -1)
    ]
    return turn(upper + lower, angle, (x, y))


def pentagram(cx: float, cy: float, r: float, *, up: bool) -> list[Point]:
    """The five-pointed star as one closed line, point up (or down)."""
    start = -math.pi / 2 if up else math.pi / 2
    tips = [(cx + r * math.cos(start + k * 2 * math.pi / 5), cy + r * math.sin(start + k * 2 * math.pi / 5))
            for k in range(5)]  # fmt: skip
    return [tips[(k * 2) % 5] for k in range(6)]


def star(draw: ImageDraw.ImageDraw, cx: float, cy: float, outer: float, inner: float, points: int, fill: RGB,
         outline: RGB | None = None, width: int = 1) -> None:  # fmt: skip
    """A star of `points` points, one straight up (a regular polygon when `inner` equals `outer`)."""
    corners: list[Point] = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / points
        corners.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(corners, fill=fill, outline=outline, width=width)


def rays(draw: ImageDraw.ImageDraw, cx: float, cy: float, inner: float, outer: float, count: int, fill: RGB,
         spread: float = 0.16, alternate: float = 0.72) -> None:  # fmt: skip
    """Pointed rays around a centre, every other one shorter by `alternate`."""
    half = spread * math.pi / count * 2
    for i in range(count):
        angle = -math.pi / 2 + i * 2 * math.pi / count
        length = outer if i % 2 == 0 else inner + (outer - inner) * alternate
        base_l = (cx + inner * math.cos(angle - half), cy + inner * math.sin(angle - half))
        base_r = (cx + inner * math.cos(angle + half), cy + inner * math.sin(angle + half))
        tip = (cx + length * math.cos(angle), cy + length * math.sin(angle))
        draw.polygon([base_l, tip, base_r], fill=fill)


def diamond(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: RGB) -> None:
    draw.polygon([(cx, cy - r), (cx + r * 0.62, cy), (cx, cy + r), (cx - r * 0.62, cy)], fill=fill)


def element_sign(draw: ImageDraw.ImageDraw, element: Element, cx: float, cy: float, r: float, colour: RGB,
                 width: int) -> None:  # fmt: skip
    """The alchemical sign: fire ▲, water ▼, air ▲ and earth ▼ crossed by a bar."""
    sign = -1 if element in (Element.FIRE, Element.AIR) else 1
    apex = (cx, cy + sign * r)
    left = (cx - r * 0.9, cy - sign * r * 0.6)
    right = (cx + r * 0.9, cy - sign * r * 0.6)
    draw.line([apex, left, right, apex, left], fill=colour, width=width, joint="curve")
    if element in (Element.AIR, Element.EARTH):
        y = cy + sign * r * 0.1
        draw.line([(cx - r * 0.75, y), (cx + r * 0.75, y)], fill=colour, width=width)


def crown(draw: ImageDraw.ImageDraw, rank: int, cx: float, cy: float, s: float, fill: RGB, ink: RGB) -> None:
    """A court card's headgear, fuller with rank: page (11) a circlet set with pearls, knight (12) three
    low points, queen (13) three tall points tipped with pearls, king (14) five, under a cross."""
    w = width_for(s, 0.03)
    thin = max(1, w // 2)
    half, base_top, base_bottom = s * 0.5, cy + s * 0.05, cy + s * 0.3
    points = {12: 3, 13: 3, 14: 5}.get(rank, 0)
    height = {12: 0.22, 13: 0.42, 14: 0.5}.get(rank, 0.0) * s
    step = 2 * half / points if points else 0.0
    tips = [(cx - half + (k + 0.5) * step, base_top - height) for k in range(points)]
    outline: list[Point] = [(cx - half, base_bottom), (cx - half, base_top)]
    for k, tip in enumerate(tips):
        outline.append(tip)
        if k < points - 1:
            outline.append((cx - half + (k + 1) * step, base_top - height * 0.3))
    outline += [(cx + half, base_top), (cx + half, base_bottom)]
    draw.polygon(outline, fill=fill, outline=ink, width=w)
    pearl = s * 0.05
    if not points:  # the circlet's pearls sit on its rim
        tips = [(cx + k * half * 0.6, base_top - pearl * 0.6) for k in (-1, 0, 1)]
    if rank != 12:
        for tip in tips:
            draw.ellipse(box(*tip, pearl, pearl), fill=PEARL, outline=ink, width=thin)
    if rank == 14:
        top = base_top - height - s * 0.05
        draw.line([(cx, top), (cx, top - s * 0.16)], fill=ink, width=w)
        draw.line([(cx - s * 0.06, top - s * 0.1), (cx + s * 0.06, top - s * 0.1)], fill=ink, width=w)
    draw.ellipse(
        box(cx, (base_top + base_bottom) / 2, s * 0.06, s * 0.06), fill=GARNET, outline=ink, width=thin
    )


def _columns(xs: tuple[float, ...], ys: tuple[float, ...], *middle: float) -> tuple[Point, ...]:
    """Pips in columns at `xs` and rows at `ys`, plus one on the centre line at each of `middle`."""
    return tuple((x, y) for y in ys for x in xs) + tuple((0.5, y) for y in middle)


_PAIR = (0.27, 0.73)
PIPS: dict[int, tuple[tuple[Point, ...], float]] = {
    1: (_columns((0.5,), (0.5,)), 0.62),
    2: (_columns((0.5,), (0.26, 0.74)), 0.4),
    3: (_columns((0.5,), (0.18, 0.5, 0.82)), 0.28),
    4: (_columns((0.3, 0.7), (0.27, 0.73)), 0.36),
    5: (_columns((0.28, 0.72), (0.2, 0.8), 0.5), 0.28),
    6: (_columns((0.3, 0.7), (0.18, 0.5, 0.82)), 0.27),
    7: (_columns((0.26, 0.74), (0.16, 0.5, 0.84), 0.33), 0.25),
    8: (_columns((0.26, 0.74), (0.16, 0.5, 0.84), 0.33, 0.67), 0.25),
    9: (_columns(_PAIR, (0.13, 0.38, 0.62, 0.87), 0.5), 0.21),
    10: (_columns(_PAIR, (0.13, 0.38, 0.62, 0.87), 0.255, 0.745), 0.2),
}
"""Where a small card's pips sit in its panel (shares of its width and height), and their height as a
share of the panel's height."""
