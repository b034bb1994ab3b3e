"""One card's face, upright, in its deck's style: the numeral band, the picture panel, the name band.

The bands sit in the card's outer fifths (top 17 %, bottom 18 %), so the crossing card of a Celtic Cross,
laid over the middle of the card beneath it, leaves that card's numeral and name in view.
Majors carry a medallion with their element's sign; aces one great glyph in a halo; courts their suit
glyph under a crown; small cards their pips. Everything here draws upright; the spread turns the card.
"""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from adapters.pillow import emblems, glyphs, suits
from adapters.pillow.styles import RGB, DeckStyle, Frame, mix
from adapters.pillow.text import Box, TextMark, Writer, fit
from tarot_domain.model.cards import Arcana, Element, Suit
from tarot_ports.renderer import PictureCard

TOP_BAND = 0.17
BOTTOM_BAND = 0.82
COURTS = range(11, 15)


def draw_face(
    card: PictureCard, style: DeckStyle, width: int, height: int
) -> tuple[Image.Image, list[TextMark]]:
    """The face as an RGBA image of `width` × `height` (transparent outside its rounded corners), with a
    mark for every line of text on it."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    writer = Writer(draw, card.position)
    w, h = width, height
    radius = max(1, round(style.corner * w))
    line = max(1, round(w * (0.024 if style.frame is Frame.WOODCUT else 0.012)))
    outline = style.accent if style.frame is Frame.DECO else style.ink
    draw.rounded_rectangle((0, 0, w - 1, h - 1), radius=radius, fill=style.paper, outline=outline, width=line)
    panel = _panel_box(style, w, h)
    _panel(image, card, style, panel)
    draw = ImageDraw.Draw(image)
    writer.draw = draw
    _frame(draw, card, style, w, h, panel)
    _marks(draw, card, style, panel)
    _numeral(writer, card, style, w, h)
    _name(writer, card, style, w, h)
    return image, writer.marks


def _panel_box(style: DeckStyle, w: int, h: int) -> Box:
    side = 0.07 if style.frame is Frame.WOODCUT else 0.075
    top = 0.16 if style.frame is Frame.WOODCUT else TOP_BAND
    bottom = 0.83 if style.frame is Frame.WOODCUT else BOTTOM_BAND
    return (w * side, h * top, w * (1 - side), h * bottom)


def _panel(image: Image.Image, card: PictureCard, style: DeckStyle, box: Box) -> None:
    """The panel's ground: a sky (classic), a glow of the element (deco) or plain paper (woodcut)."""
    left, top, right, bottom = (round(v) for v in box)
    size = (max(1, right - left), max(1, bottom - top))
    element = style.elements[card.element]
    if style.frame is Frame.WOODCUT:
        ground = Image.new("RGB", size, mix(style.paper, (255, 255, 255), 0.25))
    elif style.frame is Frame.CLASSIC:
        if card.arcana is Arcana.MAJOR:
            upper, lower = style.panel_major
        else:
            upper = mix(style.paper, element, style.panel_tint * 0.6)
            lower = mix(style.paper, element, style.panel_tint)
        ground = Image.composite(
            Image.new("RGB", size, lower),
            Image.new("RGB", size, upper),
            Image.linear_gradient("L").resize(size),
        )
    else:
        inner = mix(style.panel_major[0], element, style.panel_tint)
        ground = Image.composite(
            Image.new("RGB", size, style.panel_major[1]),
            Image.new("RGB", size, inner),
            Image.radial_gradient("L").resize(size),
        )
    image.paste(ground, (left, top))


def _frame(
    draw: ImageDraw.ImageDraw, card: PictureCard, style: DeckStyle, w: int, h: int, panel: Box
) -> None:
    thin = max(1, round(w * 0.006))
    if style.frame is Frame.CLASSIC:
        draw.rectangle(panel, outline=style.ink, width=max(1, round(w * 0.01)))
        if card.arcana is Arcana.MAJOR:  # majors: a gold rule round the panel
            gap = w * 0.022
            draw.rectangle(
                (panel[0] - gap, panel[1] - gap, panel[2] + gap, panel[3] + gap),
                outline=style.accent,
                width=max(1, round(w * 0.008)),
            )
    elif style.frame is Frame.DECO:
        inset = w * 0.035
        draw.rectangle((inset, inset, w - inset, h - inset), outline=style.accent, width=thin)
        draw.rectangle(panel, outline=style.accent, width=thin)
        for x, y in ((inset, inset), (w - inset, inset), (inset, h - inset), (w - inset, h - inset)):
            glyphs.diamond(draw, x, y, w * 0.035, style.accent)
        if card.arcana is Arcana.MAJOR:  # majors: fans of gold lines opening from the panel's corners
            for x, y, sx, sy in (
                (panel[0], panel[1], 1, 1),
                (panel[2], panel[1], -1, 1),
                (panel[0], panel[3], 1, -1),
                (panel[2], panel[3], -1, -1),
            ):
                for k in range(1, 4):
                    r = w * 0.05 * k
                    draw.arc((x - r, y - r, x + r, y + r), *_quarter(sx, sy), fill=style.accent, width=thin)
    else:
        heavy = max(1, round(w * 0.012))
        top_box = (w * 0.07, h * 0.03, w * 0.93, h * 0.145)
        name_box = (w * 0.07, h * 0.845, w * 0.93, h * 0.97)
        band = style.accent if card.arcana is Arcana.MAJOR else style.paper  # majors: a yellow numeral box
        draw.rectangle(top_box, fill=band, outline=style.ink, width=heavy)
        draw.rectangle(name_box, fill=style.paper, outline=style.ink, width=heavy)
        draw.rectangle(panel, outline=style.ink, width=heavy)


def _quarter(sx: int, sy: int) -> tuple[float, float]:
    """The arc angles (Pillow's, clockwise from 3 o'clock) of the quarter that opens into the panel."""
    return {(1, 1): (0.0, 90.0), (-1, 1): (90.0, 180.0), (-1, -1): (180.0, 270.0), (1, -1): (270.0, 360.0)}[
        (sx, sy)
    ]


def _pen(draw: ImageDraw.ImageDraw, card: PictureCard, style: DeckStyle) -> suits.Pen:
    ink = style.accent if style.frame is Frame.DECO else style.ink
    return suits.Pen(draw, style.elements[card.element], ink, style.accent, style.frame)


def _marks(draw: ImageDraw.ImageDraw, card: PictureCard, style: DeckStyle, panel: Box) -> None:
    left, top, right, bottom = panel
    pw, ph = right - left, bottom - top
    cx, cy = (left + right) / 2, (top + bottom) / 2
    if card.arcana is Arcana.MAJOR or card.suit is None:
        r = min(pw, ph) * 0.34
        _medallion(draw, card, style, cx, cy - ph * 0.03, r, bottom - ph * 0.075)
        return
    suit, pen = card.suit, _pen(draw, card, style)
    if card.rank == 1:
        halo = ph * 0.34
        glyphs.rays(draw, cx, cy, halo * 0.62, halo, 24, mix(pen.colour, style.paper, 0.55))
        suits.suit_glyph(pen, suit, cx, cy, ph * 0.56)
    elif card.rank in COURTS:
        suits.suit_glyph(pen, suit, cx, cy + ph * 0.12, ph * 0.5)
        glyphs.crown(draw, card.rank, cx, top + ph * 0.25, pw * 0.44, style.accent, pen.ink)
    else:
        places, share = glyphs.PIPS[card.rank]
        s = min(ph * share, pw * 0.38 / suits.ASPECT[suit])
        tilt = _tilt(suit, style)
        for k, (fx, fy) in enumerate(places):
            lean = tilt if k % 2 == 0 else -tilt
            suits.suit_glyph(pen, suit, left + pw * fx, top + ph * fy, s, lean)


def _tilt(suit: Suit, style: DeckStyle) -> float:
    """Long glyphs lean a little, alternately, so a row of them reads as a bundle, not a fence."""
    if suit not in (Suit.WANDS, Suit.SWORDS):
        return 0.0
    return 0.0 if style.frame is Frame.CLASSIC else 0.12


def _medallion(
    draw: ImageDraw.ImageDraw,
    card: PictureCard,
    style: DeckStyle,
    cx: float,
    cy: float,
    r: float,
    sign_y: float,
) -> None:
    """A major's emblem on a disc of its element's colour inside a ring of gold, in the deck's manner, with
    the element's sign below; the count of rays follows the arcanum's number."""
    colour = style.elements[card.element]
    ring = max(2, round(r * 0.07))
    line = max(2, round(r * 0.075))
    count = 8 + 2 * (card.rank % 8)
    if style.frame is Frame.CLASSIC:
        glyphs.rays(draw, cx, cy, r * 0.95, r * 1.42, count * 2, style.accent)
        draw.ellipse(
            (cx - r, cy - r, cx + r, cy + r), fill=style.accent, outline=style.ink, width=ring // 2 or 1
        )
        inner = r * 0.8
        draw.ellipse(
            (cx - inner, cy - inner, cx + inner, cy + inner),
            fill=colour,
            outline=style.ink,
            width=ring // 2 or 1,
        )
        emblems.emblem(draw, card.rank, cx, cy, inner * 1.02, _on(colour, style.paper, style.ink), line)
        glyphs.element_sign(draw, card.element, cx, sign_y, r * 0.16, style.ink, max(1, line // 2))
    elif style.frame is Frame.DECO:
        for k in range(count):
            angle = k * 2 * math.pi / count
            draw.line(
                [(cx + r * 1.05 * math.cos(angle), cy + r * 1.05 * math.sin(angle)),
                 (cx + r * 1.5 * math.cos(angle), cy + r * 1.5 * math.sin(angle))],
                fill=mix(style.accent, style.paper, 0.35), width=max(1, ring // 3),
            )  # fmt: skip
        draw.ellipse(
            (cx - r, cy - r, cx + r, cy + r),
            fill=mix(colour, style.paper, 0.45),
            outline=style.accent,
            width=max(1, ring // 2),
        )
        inner = r * 0.86
        draw.ellipse(
            (cx - inner, cy - inner, cx + inner, cy + inner), outline=style.accent, width=max(1, ring // 3)
        )
        emblems.emblem(draw, card.rank, cx, cy, inner * 1.02, mix(style.accent, (255, 244, 214), 0.35), line)
        glyphs.element_sign(draw, card.element, cx, sign_y, r * 0.16, style.accent, max(1, line // 2))
    else:
        glyphs.star(draw, cx, cy, r * 1.42, r * 1.02, count, style.accent, style.ink, max(1, ring // 2))
        # the ring in red, or in blue round fire's own red
        band = style.elements[Element.WATER if card.element is Element.FIRE else Element.FIRE]
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=band, outline=style.ink, width=ring)
        inner = r * 0.76
        draw.ellipse(
            (cx - inner, cy - inner, cx + inner, cy + inner),
            fill=colour,
            outline=style.ink,
            width=max(1, ring // 2),
        )
        emblems.emblem(draw, card.rank, cx, cy, inner * 1.02, _on(colour, style.paper, style.ink), line)
        glyphs.element_sign(draw, card.element, cx, sign_y, r * 0.16, style.ink, max(1, line // 2))


def _on(ground: RGB, light: RGB, dark: RGB) -> RGB:
    """Whichever of `light` and `dark` reads better on `ground` (by its luma)."""
    luma = 0.299 * ground[0] + 0.587 * ground[1] + 0.114 * ground[2]
    return dark if luma > 150 else light


def _numeral(writer: Writer, card: PictureCard, style: DeckStyle, w: int, h: int) -> None:
    label = additive(card.label) if style.additive_numerals else card.label
    centre_y = h * 0.088
    if not label:
        if card.suit is not None:  # aces and courts: their suit's glyph stands where a number would
            suits.suit_glyph(_pen(writer.draw, card, style), card.suit, w / 2, centre_y, h * 0.085)
        return
    size = round(w * 0.125)
    block = fit(label, style.numeral_weight, w * 0.6, h * 0.1, size, round(w * 0.07), 1)
    box = writer.line((w / 2, centre_y), block.lines[0], block.face, style.band_text)
    if style.frame is Frame.DECO:  # gold diamonds either side of the number
        for x in (box[0] - w * 0.07, box[2] + w * 0.07):
            glyphs.diamond(writer.draw, x, centre_y, w * 0.03, style.accent)


def _name(writer: Writer, card: PictureCard, style: DeckStyle, w: int, h: int) -> None:
    name = card.name.upper() if style.upper_names else card.name
    band_top = h * (0.853 if style.frame is Frame.WOODCUT else BOTTOM_BAND + 0.012)
    band_bottom = h * (0.962 if style.frame is Frame.WOODCUT else 0.975)
    width = w * (0.8 if style.frame is Frame.WOODCUT else 0.78)
    band = band_bottom - band_top
    sub = None
    if card.subtitle:
        sub = fit(
            card.subtitle, style.subtitle_weight, width, band * 0.36, round(w * 0.068), round(w * 0.05), 1
        )
    room = band - (sub.height if sub else 0)
    block = fit(
        name,
        style.name_weight,
        width,
        room,
        round(w * (0.092 if style.upper_names else 0.108)),
        round(w * 0.056),
        2,
    )
    used = block.height + (sub.height if sub else 0)
    y = band_top + (band - used) / 2
    y = writer.block(w / 2, y, block, style.band_text)
    if sub is not None:
        writer.block(w / 2, y, sub, style.subtitle_text)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def additive(label: str) -> str:
    """A number as the Marseille woodblocks cut it: additive Roman (4 IIII, 9 VIIII, 19 XVIIII), whether
    it came as a Roman numeral or in digits; anything else unchanged."""
    if label.isdigit():
        number = int(label)
    elif label and all(ch in _ROMAN for ch in label):
        values = [_ROMAN[ch] for ch in label]
        number = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    else:
        return label
    if not 0 < number < 90:
        return label
    tens, rest = divmod(number, 10)
    return ("L" if tens >= 5 else "") + "X" * (tens % 5) + ("V" if rest >= 5 else "") + "I" * (rest % 5)
