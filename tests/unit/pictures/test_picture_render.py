"""The spread picture, drawn for real: every spread in every deck and language is a sound, readable PNG.

Each picture is checked as a person would check it, by measurement: big enough, small enough to send,
not blank, every card where it belongs and visibly different from its neighbours' decks, every line of
text inside its card (or, for the legend, inside the picture), and a reversed card truly upside down.
"""

from __future__ import annotations

import io
from functools import cache

import attrs
import pytest
from picture_support import DECKS, LANGUAGES, SPREAD_IDS, varied_request
from PIL import Image, ImageChops, ImageStat

from adapters.pillow.face import additive, draw_face
from adapters.pillow.renderer import PillowSpreadRenderer, draw_png
from adapters.pillow.spread import ASPECT, Drawing, _card_width, draw_spread
from adapters.pillow.styles import style_for
from adapters.pillow.text import typeset
from tarot_domain.content.structure.layouts import LAYOUTS
from tarot_domain.model.cards import catalogue
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.use_cases.pictures import card_label
from tarot_ports.renderer import RenderRequest

MAX_BYTES = 1024 * 1024
MIN_WIDTH = 800
SLACK = 1.0  # pixels: ink boxes are measured on the supersampled face and rounded


@cache
def drawing(spread_id: str, deck_id: str, language: str) -> Drawing:
    return draw_spread(varied_request(spread_id, deck_id, language))


def pixels(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    return (round(box[0]), round(box[1]), round(box[2]), round(box[3]))


def inside(box: tuple[float, ...], outer: tuple[float, ...]) -> bool:
    return (
        box[0] >= outer[0] - SLACK
        and box[1] >= outer[1] - SLACK
        and box[2] <= outer[2] + SLACK
        and box[3] <= outer[3] + SLACK
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("deck_id", DECKS)
@pytest.mark.parametrize("spread_id", SPREAD_IDS)
def test_every_spread_draws_a_sound_picture(spread_id: str, deck_id: str, language: str) -> None:
    request = varied_request(spread_id, deck_id, language)
    found = drawing(spread_id, deck_id, language)
    png = found.png()
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.width >= MIN_WIDTH
    assert len(png) < MAX_BYTES
    bounds = (0, 0, image.width, image.height)

    grey = ImageStat.Stat(image.convert("L"))
    assert grey.stddev[0] > 20, "the picture is nearly flat"
    assert len(image.convert("RGB").getcolors(1 << 20) or ()) > 500, "too few colours for a drawn spread"

    assert [place.position for place in found.cards] == [card.position for card in request.cards]
    for place in found.cards:
        assert inside(place.box, bounds), f"card {place.position} off the picture"
        crop = image.crop(pixels(place.box))
        assert ImageStat.Stat(crop.convert("L")).stddev[0] > 12, f"card {place.position} is blank"

    boxes = {place.position: place.box for place in found.cards}
    assert found.texts, "no text drawn"
    for mark in found.texts:
        assert inside(mark.box, bounds), f"{mark.text!r} spills off the picture"
        if mark.card is not None:
            assert inside(mark.box, boxes[mark.card]), f"{mark.text!r} spills off card {mark.card}"
        assert "…" not in mark.text, f"{mark.text!r} had to be cut"

    legend = " ".join(mark.text for mark in found.texts if mark.card is None)
    for card in request.cards:
        for word in typeset(f"{card.position_name} {card.name}").split():
            assert word in legend, f"the legend lacks {word!r}"
    assert typeset(request.title).split()[0] in legend


def _inner(image: Image.Image, box: tuple[float, ...]) -> Image.Image:
    """The card's middle, clear of its corners (where the position's disc sits)."""
    left, top, right, bottom = box
    dx, dy = (right - left) * 0.16, (bottom - top) * 0.16
    return image.crop((round(left + dx), round(top + dy), round(right - dx), round(bottom - dy))).convert(
        "RGB"
    )


def _difference(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


@pytest.mark.parametrize("deck_id", DECKS)
@pytest.mark.parametrize(("spread_id", "position_id"), [("three", "present"), ("celtic-cross", "challenge")])
def test_a_reversed_card_is_the_upright_card_turned_half_round(
    deck_id: str, spread_id: str, position_id: str
) -> None:
    base = varied_request(spread_id, deck_id, "uk")
    index = next(k for k, card in enumerate(base.cards) if card.position_id == position_id)

    def with_card(reversed_: bool) -> tuple[Image.Image, tuple[float, ...]]:
        cards = list(base.cards)
        cards[index] = attrs.evolve(cards[index], reversed=reversed_)
        found = draw_spread(attrs.evolve(base, cards=tuple(cards)))
        return found.image, found.cards[index].box

    upright, box = with_card(False)
    turned, turned_box = with_card(True)
    assert turned_box == box  # the same place on the table
    up, down = _inner(upright, box), _inner(turned, box)
    assert _difference(down, up.rotate(180)) < 2.5, "the reversed card is not the upright one upside down"
    assert _difference(down, up) > 8, "the card looks the same either way up"


def test_the_crossing_card_lies_across_the_card_it_crosses() -> None:
    found = drawing("celtic-cross", "rider-waite", "en")
    present, challenge = found.cards[0].box, found.cards[1].box
    assert present[2] - present[0] < present[3] - present[1]  # upright: taller than wide
    assert challenge[2] - challenge[0] > challenge[3] - challenge[1]  # across: wider than tall
    centre = ((present[0] + present[2]) / 2, (present[1] + present[3]) / 2)
    crossing = ((challenge[0] + challenge[2]) / 2, (challenge[1] + challenge[3]) / 2)
    assert abs(centre[0] - crossing[0]) <= 1 and abs(centre[1] - crossing[1]) <= 1
    staff = [found.cards[k].box for k in range(6, 10)]
    assert all(box[0] > found.cards[5].box[2] for box in staff), "the staff stands right of the cross"
    assert [box[1] for box in staff] == sorted((box[1] for box in staff), reverse=True), (
        "the staff reads upward"
    )


def test_the_three_decks_look_different() -> None:
    """The same draw in each deck: the cards' colours differ plainly between every pair of decks."""
    means = {}
    for deck_id in DECKS:
        found = drawing("three", deck_id, "en")
        crops = [found.image.crop(pixels(place.box)).convert("RGB") for place in found.cards]
        means[deck_id] = [ImageStat.Stat(crop).mean for crop in crops]
    for a in DECKS:
        for b in DECKS:
            if a < b:
                gaps = [
                    sum(abs(x - y) for x, y in zip(ma, mb, strict=True))
                    for ma, mb in zip(means[a], means[b], strict=True)
                ]
                assert min(gaps) > 30, f"{a} and {b} look alike"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("deck_id", DECKS)
def test_every_card_name_fits_its_card_uncut_at_the_smallest_size(deck_id: str, language: str) -> None:
    """All 78 cards, drawn at the smallest card any layout uses: every line inside the face, none cut."""
    width = min(_card_width(layout) for layout in LAYOUTS.values()) * 2
    height = round(width * ASPECT)
    style = style_for(deck_id)
    request = varied_request("single", deck_id, language)
    for card in catalogue():
        known = card_knowledge(card.id, deck_id, language)
        face = attrs.evolve(
            request.cards[0],
            card_id=card.id,
            label=card_label(known),
            name=known.epithet or known.display_name,
            subtitle=known.display_name if known.epithet else "",
            arcana=card.arcana,
            suit=card.suit,
            rank=card.rank,
            element=card.element,
        )
        _, marks = draw_face(face, style, width, height)
        for mark in marks:
            assert inside(mark.box, (0, 0, width, height)), f"{card.id}: {mark.text!r} spills off"
            assert "…" not in mark.text, f"{card.id}: {mark.text!r} was cut"


def test_apostrophes_are_set_as_print_sets_them() -> None:
    assert typeset("Кар'єра, П'ЯТІРКА, Soul's Path, 'quoted'") == "Кар’єра, П’ЯТІРКА, Soul’s Path, 'quoted'"


def test_marseille_numerals_are_additive() -> None:
    assert [additive(n) for n in ("IV", "IX", "XIV", "XIX", "XXI", "4", "9", "0", "", "Art")] == [
        "IIII",
        "VIIII",
        "XIIII",
        "XVIIII",
        "XXI",
        "IIII",
        "VIIII",
        "0",
        "",
        "Art",
    ]


def test_an_unknown_spread_or_an_incomplete_draw_is_refused_politely() -> None:
    request = varied_request("three", "thoth", "en")
    with pytest.raises(TarotError) as unknown:
        draw_spread(attrs.evolve(request, spread_id="no-such-spread"))
    assert unknown.value.kind is ErrorKind.VALIDATION
    with pytest.raises(TarotError) as short:
        draw_spread(attrs.evolve(request, cards=request.cards[:2]))
    assert short.value.kind is ErrorKind.VALIDATION


async def test_the_renderer_returns_the_png_it_draws() -> None:
    request = varied_request("career", "marseille", "uk")
    picture = await PillowSpreadRenderer().render(request)
    assert picture == draw_png(request)
    assert picture.startswith(b"\x89PNG\r\n\x1a\n")


def test_a_request_is_plain_data() -> None:
    card = attrs.evolve(
        varied_request("single", "rider-waite", "en").cards[0],
        name="A name long enough to need two lines on a small card",
    )
    request = RenderRequest(
        "single", "rider-waite", "en", "One Card", "Rider–Waite–Smith", "reversed", (card,)
    )
    assert draw_spread(request).image.width >= MIN_WIDTH
