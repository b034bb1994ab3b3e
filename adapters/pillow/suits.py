"""The four suit glyphs, drawn from polygons and ellipses, each deck in its own manner: a leafy wand, a
torch or a bound baton; a chalice (with a lotus in Thoth, a painted band in Marseille); a sword (with a
crescent guard in Thoth, the old curved blade in Marseille); a pentacle, a turning disk or a coin.

A glyph fills a box of height `s` about its centre (its width is `ASPECT` of that), so the same glyph
serves as a pip, an ace, a court's sign and a band mark; `tilt` leans it (radians).
"""

from __future__ import annotations

import math

from attrs import frozen
from PIL import ImageDraw

from adapters.pillow.glyphs import Point, box, leaf, pentagram, trapezoid, turn, width_for
from adapters.pillow.styles import RGB, Frame, mix
from tarot_domain.model.cards import Suit

STEEL: RGB = (226, 230, 236)
LEAF: RGB = (86, 150, 70)
WHITE: RGB = (255, 255, 255)
COIN_HEART: RGB = (200, 46, 38)

ASPECT: dict[Suit, float] = {Suit.WANDS: 0.42, Suit.CUPS: 0.66, Suit.SWORDS: 0.46, Suit.PENTACLES: 0.9}
"""A glyph's width as a share of its height."""


@frozen
class Pen:
    """What every glyph on one card is drawn with: the element's `colour`, the outline `ink`, the deck's
    `accent` (gold leaf) and `frame` (its manner)."""

    draw: ImageDraw.ImageDraw
    colour: RGB
    ink: RGB
    accent: RGB
    frame: Frame


def suit_glyph(pen: Pen, suit: Suit, cx: float, cy: float, s: float, tilt: float = 0.0) -> None:
    if suit is Suit.WANDS:
        _wand(pen, cx, cy, s, tilt)
    elif suit is Suit.CUPS:
        _cup(pen, cx, cy, s)
    elif suit is Suit.SWORDS:
        _sword(pen, cx, cy, s, tilt)
    else:
        _pentacle(pen, cx, cy, s)


def _wand(pen: Pen, cx: float, cy: float, s: float, tilt: float) -> None:
    draw, w = pen.draw, width_for(s, 0.016)
    half = s * (0.075 if pen.frame is Frame.WOODCUT else 0.055)
    top, bottom = cy - s * (0.26 if pen.frame is Frame.DECO else 0.42), cy + s * 0.5

    def put(points: list[Point], fill: RGB, outline: RGB | None, line: int = w) -> None:
        draw.polygon(turn(points, tilt, (cx, cy)), fill=fill, outline=outline, width=line)

    put(trapezoid(cx, top, bottom, half, half * 1.15), pen.colour, pen.ink)
    if pen.frame is Frame.CLASSIC:  # a living branch: leaves along the staff and a knot at its head
        for k, (along, side) in enumerate(((-0.3, 1), (-0.05, -1), (0.22, 1))):
            x, y = cx + side * (half + s * 0.1), cy + s * (along - 0.03)
            put(leaf(x, y, s * 0.2, s * 0.07, side * (0.5 + 0.1 * k)), LEAF, pen.ink, max(1, w // 2))
        knot = turn([(cx, top)], tilt, (cx, cy))[0]
        draw.ellipse(box(*knot, half * 1.5, half * 1.5), fill=pen.colour, outline=pen.ink, width=w)
    elif pen.frame is Frame.DECO:  # a torch: a flame springs from its head
        flame = [(0.0, -0.5), (0.13, -0.33), (0.09, -0.22), (0.0, -0.26), (-0.09, -0.22), (-0.13, -0.33)]
        put([(cx + s * x, cy + s * y) for x, y in flame], mix(pen.accent, (255, 240, 190), 0.4), pen.colour)
        put(trapezoid(cx, top, top + s * 0.06, half * 1.8, half * 1.3), pen.accent, None)
    else:  # a cut baton, bound with two bands
        for along in (-0.22, 0.28):
            y = cy + s * along
            put(trapezoid(cx, y, y + s * 0.06, half * 1.25, half * 1.25), pen.accent, pen.ink)


def _cup(pen: Pen, cx: float, cy: float, s: float) -> None:
    draw, w, ink = pen.draw, width_for(s, 0.018), pen.ink
    thin = max(1, w // 2)
    rim_y, rx = cy - s * 0.42, s * 0.32
    draw.chord(box(cx, rim_y, rx, s * 0.42), 0, 180, fill=pen.colour, outline=ink, width=w)
    if pen.frame is Frame.WOODCUT:  # a band of colour round the bowl, as the woodblocks have it
        draw.chord(box(cx, rim_y, rx * 0.78, s * 0.3), 20, 160, fill=pen.accent, outline=ink, width=thin)
    draw.ellipse(box(cx, rim_y, rx, s * 0.06), fill=mix(pen.colour, WHITE, 0.45), outline=ink, width=w)
    stem = trapezoid(cx, cy - s * 0.02, cy + s * 0.34, s * 0.045, s * 0.045)
    draw.polygon(stem, fill=pen.colour, outline=ink, width=w)
    draw.ellipse(box(cx, cy + s * 0.12, s * 0.08, s * 0.045), fill=pen.accent, outline=ink, width=w)
    draw.chord(box(cx, cy + s * 0.5, s * 0.24, s * 0.17), 180, 360, fill=pen.colour, outline=ink, width=w)
    if pen.frame is Frame.DECO:  # a lotus rising from the cup
        for k in (-1, 0, 1):
            petal = leaf(cx + k * s * 0.1, rim_y - s * 0.1, s * 0.22, s * 0.06, -math.pi / 2 + k * 0.5)
            draw.polygon(petal, fill=mix(pen.accent, WHITE, 0.2), outline=pen.colour, width=thin)


_BLADE = ((-1, 0.2), (-1, -0.36), (0, -0.5), (1, -0.36), (1, 0.2))
_SCIMITAR = ((-1, 0.2), (-1.6, -0.1), (-0.4, -0.38), (0.6, -0.5), (0.9, -0.3), (1, 0.2))
_CRESCENT_GUARD = ((-0.24, -0.06), (0, 0.02), (0.24, -0.06), (0.2, 0.05), (0, 0.09), (-0.2, 0.05))


def _sword(pen: Pen, cx: float, cy: float, s: float, tilt: float) -> None:
    draw, w, ink = pen.draw, width_for(s, 0.016), pen.ink
    guard_y, blade = cy + s * 0.2, s * 0.06

    def put(points: list[Point], fill: RGB) -> None:
        draw.polygon(turn(points, tilt, (cx, cy)), fill=fill, outline=ink, width=w)

    shape = _SCIMITAR if pen.frame is Frame.WOODCUT else _BLADE  # Marseille's old curved blade
    put([(cx + blade * x, cy + s * y) for x, y in shape], STEEL)
    fuller = turn([(cx, guard_y - s * 0.02), (cx, cy - s * 0.34)], tilt, (cx, cy))
    draw.line(fuller, fill=mix(STEEL, ink, 0.35), width=max(1, w // 2))
    if pen.frame is Frame.DECO:  # a crescent guard
        put([(cx + s * x, guard_y + s * y) for x, y in _CRESCENT_GUARD], pen.colour)
    else:
        put(trapezoid(cx, guard_y, guard_y + s * 0.07, s * 0.22, s * 0.22), pen.colour)
    put(trapezoid(cx, guard_y + s * 0.07, cy + s * 0.42, s * 0.035, s * 0.035), mix(pen.colour, ink, 0.45))
    pommel = turn([(cx, cy + s * 0.45)], tilt, (cx, cy))[0]
    draw.ellipse(box(*pommel, s * 0.055, s * 0.055), fill=pen.colour, outline=ink, width=w)


def _pentacle(pen: Pen, cx: float, cy: float, s: float) -> None:
    draw, w, ink, accent = pen.draw, width_for(s, 0.018), pen.ink, pen.accent
    r = s * 0.44
    if pen.frame is Frame.CLASSIC:  # a gold coin ringed in the element's green, a pentagram cut in it
        draw.ellipse(box(cx, cy, r, r), fill=pen.colour, outline=ink, width=w)
        draw.ellipse(box(cx, cy, r * 0.8, r * 0.8), fill=accent, outline=ink, width=w)
        draw.line(pentagram(cx, cy, r * 0.7, up=True), fill=ink, width=w, joint="curve")
    elif pen.frame is Frame.DECO:  # a disk turning: a wheel of six spokes round a hub
        draw.ellipse(box(cx, cy, r, r), fill=pen.colour, outline=accent, width=w * 2)
        for k in range(6):
            angle = k * math.pi / 3 + math.pi / 6
            spoke = (cx + r * 0.86 * math.cos(angle), cy + r * 0.86 * math.sin(angle))
            draw.line([(cx, cy), spoke], fill=accent, width=w)
        draw.ellipse(box(cx, cy, r * 0.6, r * 0.6), outline=accent, width=w)
        draw.ellipse(box(cx, cy, r * 0.2, r * 0.2), fill=accent)
    else:  # a coin: gold, an inner ring, a four-petalled flower
        thin = max(1, w // 2)
        draw.ellipse(box(cx, cy, r, r), fill=accent, outline=ink, width=w)
        draw.ellipse(box(cx, cy, r * 0.8, r * 0.8), outline=ink, width=thin)
        for k in range(4):
            angle = k * math.pi / 2
            petal = (cx + r * 0.36 * math.cos(angle), cy + r * 0.36 * math.sin(angle))
            draw.ellipse(box(*petal, r * 0.24, r * 0.24), fill=pen.colour, outline=ink, width=thin)
        draw.ellipse(box(cx, cy, r * 0.14, r * 0.14), fill=COIN_HEART, outline=ink, width=thin)
