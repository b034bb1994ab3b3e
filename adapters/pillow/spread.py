"""The whole picture: the table, the cards where the spread's layout puts them, their numbers, the legend.

Card faces, number discs and the road are drawn at twice their final size and halved, so Pillow's
unsmoothed lines and ellipses come out smooth; text is smoothed by FreeType and set at the final size.
Card sizes follow the layout, so a single card is large and a fifteen-card path still fits a phone
screen; the legend stands to the right of the cards.
"""

from __future__ import annotations

import io

from attrs import frozen
from PIL import Image, ImageDraw, ImageFilter

from adapters.pillow.face import draw_face
from adapters.pillow.fonts import Weight, font
from adapters.pillow.styles import DeckStyle, Frame, mix, style_for
from adapters.pillow.text import Block, Box, TextMark, Writer, fit
from tarot_domain.content.structure.layouts import LAYOUTS, Layout, Slot
from tarot_domain.model.errors import validation
from tarot_ports.renderer import PictureCard, RenderRequest

SCALE = 2  # drawn at this multiple of the final size
ASPECT = 1.7  # a card's height over its width
PITCH_X = 1.12  # a layout column: one card width and a gap
PITCH_Y = 1.1  # a layout row: one card height and a gap
MARGIN = 48
LEGEND_GAP = 56
LEGEND_WIDTH = 460
MIN_WIDTH = 820
CARD_WIDTHS = (140, 250)  # the smallest and largest card, final pixels
ROOM = (1180, 1300)  # the most the cards may take, across and down, before they shrink


@frozen
class CardPlace:
    """Where a card lies in the final picture, and how far it is turned (degrees, anticlockwise)."""

    position: int
    box: Box
    angle: int


@frozen
class Drawing:
    image: Image.Image
    cards: tuple[CardPlace, ...]
    texts: tuple[TextMark, ...]

    def png(self) -> bytes:
        out = io.BytesIO()
        self.image.save(
            out, format="PNG", compress_level=4
        )  # zlib 4: most of 9's saving at a third of the time
        return out.getvalue()


def layout_for(request: RenderRequest) -> Layout:
    layout = LAYOUTS.get(request.spread_id)
    if layout is None:
        raise validation(
            f"no layout for spread {request.spread_id!r}", "error.unknown_spread", spread=request.spread_id
        )
    ids = [card.position_id for card in request.cards]
    if len(set(ids)) != len(ids) or set(ids) != set(layout.slots):
        raise validation(f"the cards do not fill the positions of {request.spread_id!r}")
    return layout


def draw_spread(request: RenderRequest) -> Drawing:
    """The picture of `request`, with where each card and each line of text went."""
    layout = layout_for(request)
    style = style_for(request.deck_id)
    card_w = _card_width(layout)
    card_h = round(card_w * ASPECT)
    centres = _centres(request.cards, layout, card_w, card_h)
    cards_right = max(
        x + _size(layout.slots[c.position_id], card_w, card_h)[0] / 2
        for c, (x, _) in zip(request.cards, centres, strict=True)
    )
    cards_bottom = max(
        y + _size(layout.slots[c.position_id], card_w, card_h)[1] / 2
        for c, (_, y) in zip(request.cards, centres, strict=True)
    )
    legend_left = cards_right + LEGEND_GAP
    legend = _Legend(request, style, LEGEND_WIDTH)
    width = max(MIN_WIDTH, round(legend_left + LEGEND_WIDTH + MARGIN))
    height = round(max(cards_bottom, MARGIN + legend.height) + MARGIN)
    shift_y = max(0.0, (height - MARGIN - cards_bottom) / 2)  # a short spread sits level with a tall legend
    centres = [(x, y + shift_y) for x, y in centres]

    canvas = _table(style, width, height)
    if layout.path:
        _road(canvas, centres, style, card_w)
    places: list[CardPlace] = []
    marks: list[TextMark] = []
    for card, (x, y) in zip(request.cards, centres, strict=True):
        slot = layout.slots[card.position_id]
        place, card_marks = _lay(canvas, card, slot, style, (x, y), card_w, card_h)
        places.append(place)
        marks += card_marks
    writer = Writer(ImageDraw.Draw(canvas))
    for card, place in zip(request.cards, places, strict=True):
        _badge(canvas, writer, style, place.box[0], place.box[1], card.position, _badge_radius(card_w))
    legend.draw(canvas, writer, legend_left, MARGIN)
    marks += writer.marks
    return Drawing(canvas.convert("RGB"), tuple(places), tuple(marks))


def _card_width(layout: Layout) -> int:
    """As large as the room allows, between the bounds in `CARD_WIDTHS`."""
    xs = [slot.column * PITCH_X for slot in layout.slots.values()]
    ys = [slot.row * PITCH_Y * ASPECT for slot in layout.slots.values()]
    across = max(xs) - min(xs) + max(_size(s, 1, ASPECT)[0] for s in layout.slots.values())
    down = max(ys) - min(ys) + max(_size(s, 1, ASPECT)[1] for s in layout.slots.values())
    width = min(ROOM[0] / across, ROOM[1] / down)
    return round(min(max(width, CARD_WIDTHS[0]), CARD_WIDTHS[1]))


def _size(slot: Slot, card_w: float, card_h: float) -> tuple[float, float]:
    return (card_h, card_w) if slot.turned else (card_w, card_h)


def _centres(
    cards: tuple[PictureCard, ...], layout: Layout, card_w: int, card_h: int
) -> list[tuple[float, float]]:
    """Each card's centre in final pixels, the whole layout moved to start at the margin."""
    raw = [
        (
            layout.slots[c.position_id].column * PITCH_X * card_w,
            layout.slots[c.position_id].row * PITCH_Y * card_h,
        )
        for c in cards
    ]
    lefts = [
        x - _size(layout.slots[c.position_id], card_w, card_h)[0] / 2
        for c, (x, _) in zip(cards, raw, strict=True)
    ]
    tops = [
        y - _size(layout.slots[c.position_id], card_w, card_h)[1] / 2
        for c, (_, y) in zip(cards, raw, strict=True)
    ]
    dx, dy = MARGIN - min(lefts), MARGIN - min(tops)
    return [(x + dx, y + dy) for x, y in raw]


def _table(style: DeckStyle, width: int, height: int) -> Image.Image:
    """The cloth: its colour deepening toward the corners (mixed small, then smoothly enlarged)."""
    small = (max(1, width // 16), max(1, height // 16))
    shade = Image.radial_gradient("L").resize(small, Image.Resampling.BILINEAR)
    cloth = Image.composite(
        Image.new("RGB", small, style.table_edge), Image.new("RGB", small, style.table), shade
    )
    return cloth.resize((width, height), Image.Resampling.BILINEAR).convert("RGBA")


def _road(canvas: Image.Image, centres: list[tuple[float, float]], style: DeckStyle, card_w: int) -> None:
    """The road a path-shaped spread is walked along, under the cards: a broad band with a bright line."""
    points = [(x * SCALE, y * SCALE) for x, y in centres]
    for share, width in ((0.45, 0.16), (0.8, 0.025)):
        mask = Image.new("L", (canvas.width * SCALE, canvas.height * SCALE), 0)
        ImageDraw.Draw(mask).line(points, fill=255, width=round(card_w * width * SCALE), joint="curve")
        paint = Image.new("RGBA", canvas.size, (*mix(style.table, style.path, share), 255))
        canvas.paste(paint, (0, 0), mask.reduce(SCALE))


def _lay(
    canvas: Image.Image,
    card: PictureCard,
    slot: Slot,
    style: DeckStyle,
    centre: tuple[float, float],
    card_w: int,
    card_h: int,
) -> tuple[CardPlace, list[TextMark]]:
    """Draws the face, turns it (a quarter for a crossing card, half for a reversed one), puts down its shadow
    and then the card, centred on `centre`."""
    big, big_marks = draw_face(card, style, card_w * SCALE, card_h * SCALE)
    face = big.reduce(SCALE)
    marks = [_scaled(m, 1 / SCALE) for m in big_marks]
    angle = ((180 if card.reversed else 0) + (270 if slot.turned else 0)) % 360
    if angle:
        marks = [TextMark(m.text, _turn_box(m.box, angle, face.width, face.height), m.card) for m in marks]
        face = face.rotate(angle, expand=True)
    left = round(centre[0] - face.width / 2)
    top = round(centre[1] - face.height / 2)
    _shadow(canvas, face, left, top, card_w)
    canvas.alpha_composite(face, (left, top))
    placed = [TextMark(m.text, _moved(m.box, left, top), m.card) for m in marks]
    return CardPlace(card.position, (left, top, left + face.width, top + face.height), angle), placed


def _shadow(canvas: Image.Image, face: Image.Image, left: int, top: int, card_w: int) -> None:
    """A soft shadow below and to the right, blurred at a quarter size (the same look, far cheaper)."""
    small = face.getchannel("A").reduce(4)
    pad = max(2, round(card_w * 0.04 / 4))
    mask = Image.new("L", (small.width + 2 * pad, small.height + 2 * pad), 0)
    mask.paste(small, (pad, pad))
    mask = mask.filter(ImageFilter.GaussianBlur(pad / 2)).point(lambda v: v * 55 // 100)
    mask = mask.resize((mask.width * 4, mask.height * 4), Image.Resampling.BILINEAR)
    offset = round(card_w * 0.025)
    shade = Image.new("RGBA", mask.size, (0, 0, 0, 255))
    shade.putalpha(mask)
    canvas.alpha_composite(shade, (max(0, left - 4 * pad + offset), max(0, top - 4 * pad + offset)))


def _turn_box(box: Box, angle: int, w: int, h: int) -> Box:
    """`box` on a `w` × `h` image after Pillow's `rotate(angle, expand=True)` (anticlockwise)."""
    corners = [(box[0], box[1]), (box[2], box[3])]
    if angle == 90:
        moved = [(y, w - x) for x, y in corners]
    elif angle == 180:
        moved = [(w - x, h - y) for x, y in corners]
    elif angle == 270:
        moved = [(h - y, x) for x, y in corners]
    else:
        moved = corners
    xs, ys = [p[0] for p in moved], [p[1] for p in moved]
    return (min(xs), min(ys), max(xs), max(ys))


def _moved(box: Box, dx: float, dy: float) -> Box:
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)


def _scaled(mark: TextMark, by: float) -> TextMark:
    b = mark.box
    return TextMark(mark.text, (b[0] * by, b[1] * by, b[2] * by, b[3] * by), mark.card)


def _badge_radius(card_w: int) -> float:
    return max(15.0, card_w * 0.1)


def _badge(
    canvas: Image.Image, writer: Writer, style: DeckStyle, x: float, y: float, number: int, radius: float
) -> None:
    """The position's number in a disc centred on (`x`, `y`), a card's top-left corner (never turned, so
    always readable). The disc is drawn at twice its size and halved, for a smooth edge."""
    r = radius * SCALE
    edge = style.ink if style.frame is Frame.WOODCUT else mix(style.table_edge, style.badge_text, 0.5)
    side = round(2 * r) + 2 * SCALE
    disc = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    ImageDraw.Draw(disc).ellipse(
        (SCALE, SCALE, side - SCALE, side - SCALE),
        fill=style.badge,
        outline=edge,
        width=max(2, round(r * 0.12)),
    )
    disc = disc.reduce(SCALE)
    canvas.alpha_composite(disc, (max(0, round(x - disc.width / 2)), max(0, round(y - disc.height / 2))))
    weight = Weight.BOLD if style.frame is Frame.WOODCUT else Weight.SEMIBOLD
    face = font(weight, round(radius * (1.05 if number < 10 else 0.9)))
    writer.line((x, y + radius * 0.04), str(number), face, style.badge_text)


class _Legend:
    """The spread's title and deck, then one entry per card: its number, its position, the card's name (a
    reversed card's in a warmer colour, with the word for reversed)."""

    TITLE, DECK, POSITION, CARD = 36, 22, 25, 21
    BADGE = 17
    GAP = 13
    RULE = 22

    def __init__(self, request: RenderRequest, style: DeckStyle, width: float) -> None:
        self.style = style
        self.text_left = 2 * self.BADGE + 14
        text_w = width - self.text_left
        self.title = fit(request.title, Weight.SEMIBOLD, width, self.TITLE * 2.4, self.TITLE, 26, 2)
        self.deck = fit(request.deck_name, Weight.REGULAR, width, self.DECK * 1.3, self.DECK, 16, 1)
        self.entries: list[tuple[PictureCard, Block, Block]] = []
        for card in request.cards:
            name = f"{card.name} · {card.subtitle}" if card.subtitle else card.name
            if card.reversed:
                name = f"{name}, {request.reversed_word}"
            position = fit(
                card.position_name, Weight.SEMIBOLD, text_w, self.POSITION * 2.4, self.POSITION, 18, 2
            )
            named = fit(name, Weight.REGULAR, text_w, self.CARD * 2.4, self.CARD, 15, 2)
            self.entries.append((card, position, named))

    @property
    def height(self) -> float:
        total = self.title.height + self.deck.height + self.RULE
        return total + sum(p.height + n.height + self.GAP for _, p, n in self.entries)

    def draw(self, canvas: Image.Image, writer: Writer, left: float, top: float) -> None:
        style = self.style
        y = writer.block(0, top, self.title, style.legend_title, left=left)
        y = writer.block(0, y, self.deck, style.legend_muted, left=left)
        rule_y = y + self.RULE / 2
        writer.draw.line(
            [(left, rule_y), (left + LEGEND_WIDTH * 0.5, rule_y)], fill=style.legend_muted, width=1
        )
        y += self.RULE
        turned = mix(style.legend_muted, style.badge, 0.65)
        for card, position, named in self.entries:
            _badge(
                canvas,
                writer,
                style,
                left + self.BADGE,
                y + position.line_height / 2,
                card.position,
                self.BADGE,
            )
            y = writer.block(0, y, position, style.legend_text, left=left + self.text_left)
            y = writer.block(
                0, y, named, turned if card.reversed else style.legend_muted, left=left + self.text_left
            )
            y += self.GAP
