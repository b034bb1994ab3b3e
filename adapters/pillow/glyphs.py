"""The marks on a card, drawn from lines, polygons and ellipses: the four suit glyphs (each deck draws its
own wand and pentacle), the element signs, court crowns, rays and the pip patterns of the small cards.

Every function draws into a box given by its centre and height `s` (pixels), so the same glyph serves as
a pip, an ace and a legend mark.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PIL import ImageDraw

from adapters.pillow.styles import RGB, Frame, mix
from tarot_domain.model.cards import Element, Suit

Point = tuple[float, float]

STEEL: RGB = (226, 230, 236)
LEAF: RGB = (86, 150, 70)

ASPECT: dict[Suit, float] = {Suit.WANDS: 0.42, Suit.CUPS: 0.66, Suit.SWORDS: 0.46, Suit.PENTACLES: 0.9}
"""A glyph's width as a share of its height."""


def _turn(points: Sequence[Point], angle: float, centre: Point) -> list[Point]:
    cx, cy = centre
    c, s = math.cos(angle), math.sin(angle)
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> tuple[float, float, float, float]:
    return (cx - rx, cy - ry, cx + rx, cy + ry)


def _lw(s: float, share: float) -> int:
    return max(1, round(s * share))


def star(
    draw: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    outer: float,
    inner: float,
    points: int,
    fill: RGB,
    outline: RGB | None = None,
    width: int = 1,
    turn: float = 0.0,
) -> None:
    """A star of `points` points (a regular polygon when `inner` equals `outer`)."""
    corners: list[Point] = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = turn - math.pi / 2 + i * math.pi / points
        corners.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(corners, fill=fill, outline=outline, width=width)


def rays(
    draw: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    inner: float,
    outer: float,
    count: int,
    fill: RGB,
    spread: float = 0.16,
    alternate: float = 0.72,
) -> None:
    """Pointed rays around a centre, every other one shorter by `alternate`."""
    for i in range(count):
        angle = -math.pi / 2 + i * 2 * math.pi / count
        length = outer if i % 2 == 0 else inner + (outer - inner) * alternate
        half = spread * math.pi / count * 2
        base_l = (cx + inner * math.cos(angle - half), cy + inner * math.sin(angle - half))
        base_r = (cx + inner * math.cos(angle + half), cy + inner * math.sin(angle + half))
        tip = (cx + length * math.cos(angle), cy + length * math.sin(angle))
        draw.polygon([base_l, tip, base_r], fill=fill)


def diamond(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: RGB) -> None:
    draw.polygon([(cx, cy - r), (cx + r * 0.62, cy), (cx, cy + r), (cx - r * 0.62, cy)], fill=fill)


# --- suits ------------------------------------------------------------------------------------------


def suit_glyph(
    draw: ImageDraw.ImageDraw,
    suit: Suit,
    cx: float,
    cy: float,
    s: float,
    colour: RGB,
    ink: RGB,
    frame: Frame,
    accent: RGB,
    tilt: float = 0.0,
) -> None:
    """The suit's glyph in `colour` (its element's), outlined in `ink`, in the deck's manner."""
    if suit is Suit.WANDS:
        _wand(draw, cx, cy, s, colour, ink, frame, accent, tilt)
    elif suit is Suit.CUPS:
        _cup(draw, cx, cy, s, colour, ink, frame, accent)
    elif suit is Suit.SWORDS:
        _sword(draw, cx, cy, s, colour, ink, frame, tilt)
    else:
        _pentacle(draw, cx, cy, s, colour, ink, frame, accent)


def _wand(
    draw: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    s: float,
    colour: RGB,
    ink: RGB,
    frame: Frame,
    accent: RGB,
    tilt: float,
) -> None:
    w = _lw(s, 0.016)
    half = s * (0.075 if frame is Frame.WOODCUT else 0.055)
    top, bottom = cy - s * 0.42, cy + s * 0.5
    if frame is Frame.DECO:
        top = cy - s * 0.26
    staff = [(cx - half, top), (cx + half, top), (cx + half * 1.15, bottom), (cx - half * 1.15, bottom)]
    draw.polygon(_turn(staff, tilt, (cx, cy)), fill=colour, outline=ink, width=w)
    if frame is Frame.CLASSIC:  # a living branch: leaves along the staff and a knot at its head
        for k, (along, side) in enumerate(((-0.3, 1), (-0.05, -1), (0.22, 1))):
            y = cy + s * along
            x = cx + side * half
            leaf = _leaf(x + side * s * 0.1, y - s * 0.03, s * 0.2, s * 0.07, side * (0.5 + 0.1 * k))
            draw.polygon(_turn(leaf, tilt, (cx, cy)), fill=LEAF, outline=ink, width=max(1, w // 2))
        knot = _turn([(cx, top)], tilt, (cx, cy))[0]
        draw.ellipse(_ellipse(knot[0], knot[1], half * 1.5, half * 1.5), fill=colour, outline=ink, width=w)
    elif frame is Frame.DECO:  # a torch: a flame springs from its head
        flame = [
            (cx, cy - s * 0.5),
            (cx + s * 0.13, cy - s * 0.33),
            (cx + s * 0.09, cy - s * 0.22),
            (cx, cy - s * 0.26),
            (cx - s * 0.09, cy - s * 0.22),
            (cx - s * 0.13, cy - s * 0.33),
        ]
        draw.polygon(
            _turn(flame, tilt, (cx, cy)), fill=mix(accent, (255, 240, 190), 0.4), outline=colour, width=w
        )
        collar = [
            (cx - half * 1.8, top),
            (cx + half * 1.8, top),
            (cx + half * 1.3, top + s * 0.06),
            (cx - half * 1.3, top + s * 0.06),
        ]
        draw.polygon(_turn(collar, tilt, (cx, cy)), fill=accent)
    else:  # a cut baton, bound with two bands
        for along in (-0.22, 0.28):
            y = cy + s * along
            band = [
                (cx - half * 1.25, y),
                (cx + half * 1.25, y),
                (cx + half * 1.25, y + s * 0.06),
                (cx - half * 1.25, y + s * 0.06),
            ]
            draw.polygon(_turn(band, tilt, (cx, cy)), fill=accent, outline=ink, width=w)


def _leaf(x: float, y: float, length: float, width: float, angle: float) -> list[Point]:
    points: list[Point] = []
    for i in range(9):
        t = i / 8
        points.append((x - length / 2 + length * t, y - width * math.sin(math.pi * t)))
    for i in range(7, 0, -1):
        t = i / 8
        points.append((x - length / 2 + length * t, y + width * 0.6 * math.sin(math.pi * t)))
    return _turn(points, angle, (x, y))


def _cup(
    draw: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    s: float,
    colour: RGB,
    ink: RGB,
    frame: Frame,
    accent: RGB,
) -> None:
    w = _lw(s, 0.018)
    rim_y, rx = cy - s * 0.42, s * 0.32
    draw.chord(_ellipse(cx, rim_y, rx, s * 0.42), 0, 180, fill=colour, outline=ink, width=w)
    if frame is Frame.WOODCUT:  # a band of colour round the bowl, as the woodblocks have it
        draw.chord(
            _ellipse(cx, rim_y, rx * 0.78, s * 0.3), 20, 160, fill=accent, outline=ink, width=max(1, w // 2)
        )
    draw.ellipse(
        _ellipse(cx, rim_y, rx, s * 0.06), fill=mix(colour, (255, 255, 255), 0.45), outline=ink, width=w
    )
    draw.rectangle(
        (cx - s * 0.045, cy - s * 0.02, cx + s * 0.045, cy + s * 0.34), fill=colour, outline=ink, width=w
    )
    draw.ellipse(_ellipse(cx, cy + s * 0.12, s * 0.08, s * 0.045), fill=accent, outline=ink, width=w)
    draw.chord(_ellipse(cx, cy + s * 0.5, s * 0.24, s * 0.17), 180, 360, fill=colour, outline=ink, width=w)
    if frame is Frame.DECO:  # a lotus rising from the cup
        for k in (-1, 0, 1):
            petal = _leaf(cx + k * s * 0.1, rim_y - s * 0.1, s * 0.22, s * 0.06, -math.pi / 2 + k * 0.5)
            draw.polygon(petal, fill=mix(accent, (255, 255, 255), 0.2), outline=colour, width=max(1, w // 2))


def _sword(
    draw: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    s: float,
    colour: RGB,
    ink: RGB,
    frame: Frame,
    tilt: float,
) -> None:
    w = _lw(s, 0.016)
    blade = s * 0.06
    guard_y = cy + s * 0.2
    shape = [
        (cx - blade, guard_y),
        (cx - blade, cy - s * 0.36),
        (cx, cy - s * 0.5),
        (cx + blade, cy - s * 0.36),
        (cx + blade, guard_y),
    ]
    if frame is Frame.WOODCUT:  # the old curved blade: a scimitar's swell
        shape = [
            (cx - blade, guard_y),
            (cx - blade * 1.6, cy - s * 0.1),
            (cx - blade * 0.4, cy - s * 0.38),
            (cx + blade * 0.6, cy - s * 0.5),
            (cx + blade * 0.9, cy - s * 0.3),
            (cx + blade, guard_y),
        ]
    draw.polygon(_turn(shape, tilt, (cx, cy)), fill=STEEL, outline=ink, width=w)
    fuller = _turn([(cx, guard_y - s * 0.02), (cx, cy - s * 0.34)], tilt, (cx, cy))
    draw.line(fuller, fill=mix(STEEL, ink, 0.35), width=max(1, w // 2))
    guard = [
        (cx - s * 0.22, guard_y),
        (cx + s * 0.22, guard_y),
        (cx + s * 0.22, guard_y + s * 0.07),
        (cx - s * 0.22, guard_y + s * 0.07),
    ]
    if frame is Frame.DECO:  # a crescent guard
        guard = [
            (cx - s * 0.24, guard_y - s * 0.06),
            (cx, guard_y + s * 0.02),
            (cx + s * 0.24, guard_y - s * 0.06),
            (cx + s * 0.2, guard_y + s * 0.05),
            (cx, guard_y + s * 0.09),
            (cx - s * 0.2, guard_y + s * 0.05),
        ]
    draw.polygon(_turn(guard, tilt, (cx, cy)), fill=colour, outline=ink, width=w)
    grip = [
        (cx - s * 0.035, guard_y + s * 0.07),
        (cx + s * 0.035, guard_y + s * 0.07),
        (cx + s * 0.035, cy + s * 0.42),
        (cx - s * 0.035, cy + s * 0.42),
    ]
    draw.polygon(_turn(grip, tilt, (cx, cy)), fill=mix(colour, ink, 0.45), outline=ink, width=w)
    pommel = _turn([(cx, cy + s * 0.45)], tilt, (cx, cy))[0]
    draw.ellipse(_ellipse(pommel[0], pommel[1], s * 0.055, s * 0.055), fill=colour, outline=ink, width=w)


def _pentacle(
    draw: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    s: float,
    colour: RGB,
    ink: RGB,
    frame: Frame,
    accent: RGB,
) -> None:
    w = _lw(s, 0.018)
    r = s * 0.44
    if frame is Frame.CLASSIC:  # a gold coin ringed in the element's green, a pentagram cut in it
        draw.ellipse(_ellipse(cx, cy, r, r), fill=colour, outline=ink, width=w)
        draw.ellipse(_ellipse(cx, cy, r * 0.8, r * 0.8), fill=accent, outline=ink, width=w)
        tips = [
            (
                cx + r * 0.7 * math.cos(-math.pi / 2 + k * 2 * math.pi / 5),
                cy + r * 0.7 * math.sin(-math.pi / 2 + k * 2 * math.pi / 5),
            )
            for k in range(5)
        ]
        pentagram = [tips[(k * 2) % 5] for k in range(6)]
        draw.line(pentagram, fill=ink, width=w, joint="curve")
    elif frame is Frame.DECO:  # a disk turning: a wheel of six spokes round a hub
        draw.ellipse(_ellipse(cx, cy, r, r), fill=colour, outline=accent, width=w * 2)
        for k in range(6):
            angle = k * math.pi / 3 + math.pi / 6
            draw.line(
                [(cx, cy), (cx + r * 0.86 * math.cos(angle), cy + r * 0.86 * math.sin(angle))],
                fill=accent,
                width=w,
            )
        draw.ellipse(_ellipse(cx, cy, r * 0.6, r * 0.6), outline=accent, width=w)
        draw.ellipse(_ellipse(cx, cy, r * 0.2, r * 0.2), fill=accent)
    else:  # a coin: gold, a beaded ring, a four-petalled flower
        draw.ellipse(_ellipse(cx, cy, r, r), fill=accent, outline=ink, width=w)
        draw.ellipse(_ellipse(cx, cy, r * 0.8, r * 0.8), outline=ink, width=max(1, w // 2))
        for k in range(4):
            angle = k * math.pi / 2
            px, py = cx + r * 0.36 * math.cos(angle), cy + r * 0.36 * math.sin(angle)
            draw.ellipse(_ellipse(px, py, r * 0.24, r * 0.24), fill=colour, outline=ink, width=max(1, w // 2))
        draw.ellipse(
            _ellipse(cx, cy, r * 0.14, r * 0.14), fill=(200, 46, 38), outline=ink, width=max(1, w // 2)
        )


# --- elements, courts, patterns -----------------------------------------------------------------------


def element_sign(
    draw: ImageDraw.ImageDraw, element: Element, cx: float, cy: float, r: float, colour: RGB, width: int
) -> None:
    """The alchemical sign: fire ▲, water ▼, air ▲ and earth ▼ crossed by a bar."""
    up = element in (Element.FIRE, Element.AIR)
    sign = -1 if up else 1
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
    w = _lw(s, 0.03)
    half, base_top, base_bottom = s * 0.5, cy + s * 0.05, cy + s * 0.3
    points = {12: 3, 13: 3, 14: 5}.get(rank, 0)
    height = {12: 0.22, 13: 0.42, 14: 0.5}.get(rank, 0.0) * s
    outline: list[Point] = [(cx - half, base_bottom), (cx - half, base_top)]
    for k in range(points):
        x_tip = cx - half + (k + 0.5) * (2 * half / points)
        outline.append((x_tip, base_top - height))
        if k < points - 1:
            outline.append((cx - half + (k + 1) * (2 * half / points), base_top - height * 0.3))
    outline += [(cx + half, base_top), (cx + half, base_bottom)]
    draw.polygon(outline, fill=fill, outline=ink, width=w)
    pearl = s * 0.05
    if points == 0:  # the circlet's pearls sit on its rim
        tips = [(cx + k * half * 0.6, base_top - pearl * 0.6) for k in (-1, 0, 1)]
    else:
        tips = [(cx - half + (k + 0.5) * (2 * half / points), base_top - height) for k in range(points)]
    if rank != 12:
        for x_tip, y_tip in tips:
            draw.ellipse(
                _ellipse(x_tip, y_tip, pearl, pearl), fill=(250, 246, 236), outline=ink, width=max(1, w // 2)
            )
    if rank == 14:
        top = base_top - height - s * 0.05
        draw.line([(cx, top), (cx, top - s * 0.16)], fill=ink, width=w)
        draw.line([(cx - s * 0.06, top - s * 0.1), (cx + s * 0.06, top - s * 0.1)], fill=ink, width=w)
    draw.ellipse(
        _ellipse(cx, (base_top + base_bottom) / 2, s * 0.06, s * 0.06),
        fill=(200, 46, 38),
        outline=ink,
        width=max(1, w // 2),
    )


PIPS: dict[int, tuple[tuple[Point, ...], float]] = {
    1: (((0.5, 0.5),), 0.62),
    2: (((0.5, 0.26), (0.5, 0.74)), 0.4),
    3: (((0.5, 0.18), (0.5, 0.5), (0.5, 0.82)), 0.28),
    4: (((0.3, 0.27), (0.7, 0.27), (0.3, 0.73), (0.7, 0.73)), 0.36),
    5: (((0.28, 0.2), (0.72, 0.2), (0.5, 0.5), (0.28, 0.8), (0.72, 0.8)), 0.28),
    6: (((0.3, 0.18), (0.7, 0.18), (0.3, 0.5), (0.7, 0.5), (0.3, 0.82), (0.7, 0.82)), 0.27),
    7: (
        ((0.26, 0.16), (0.74, 0.16), (0.5, 0.33), (0.26, 0.5), (0.74, 0.5), (0.26, 0.84), (0.74, 0.84)),
        0.25,
    ),
    8: (
        (
            (0.26, 0.16),
            (0.74, 0.16),
            (0.5, 0.33),
            (0.26, 0.5),
            (0.74, 0.5),
            (0.5, 0.67),
            (0.26, 0.84),
            (0.74, 0.84),
        ),
        0.25,
    ),
    9: (
        (
            (0.27, 0.13),
            (0.73, 0.13),
            (0.27, 0.38),
            (0.73, 0.38),
            (0.5, 0.5),
            (0.27, 0.62),
            (0.73, 0.62),
            (0.27, 0.87),
            (0.73, 0.87),
        ),
        0.21,
    ),
    10: (
        (
            (0.27, 0.13),
            (0.73, 0.13),
            (0.5, 0.255),
            (0.27, 0.38),
            (0.73, 0.38),
            (0.27, 0.62),
            (0.73, 0.62),
            (0.5, 0.745),
            (0.27, 0.87),
            (0.73, 0.87),
        ),
        0.2,
    ),
}
"""Where a small card's pips sit in its panel (shares of its width and height), and their height as a
share of the panel's height."""
