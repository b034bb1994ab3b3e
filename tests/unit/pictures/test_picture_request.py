"""`picture_request`: a draw becomes the words its picture shows, in the deck's naming and the user's
language; and every spread's layout is sound."""

from __future__ import annotations

import pytest

from tarot_domain.content.structure.layouts import LAYOUTS
from tarot_domain.content.structure.spreads import SPREADS
from tarot_domain.model.cards import Arcana, Element, Suit
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.use_cases.pictures import picture_request

D = DrawnCard


def three(past: str, present: str, future: str) -> tuple[DrawnCard, ...]:
    return (D("future", future), D("past", past), D("present", present, reversed=True))  # any order


def test_thoth_in_ukrainian_names_small_cards_by_title_and_numbers_its_majors() -> None:
    request = picture_request(
        "three", "thoth", "uk", three("wands-two", "major-08-strength", "pentacles-page")
    )
    past, present, future = request.cards
    assert [c.position for c in request.cards] == [1, 2, 3]
    assert [c.position_id for c in request.cards] == ["past", "present", "future"]
    assert (past.label, past.name, past.subtitle) == ("2", "Панування", "Двійка Жезлів")
    assert (present.label, present.name, present.reversed) == ("XI", "Жага", True)
    assert (future.label, future.name, future.suit, future.rank) == (
        "",
        "Принцеса Дисків",
        Suit.PENTACLES,
        11,
    )
    assert past.position_name == "Минуле" and request.title == "Минуле, теперішнє, майбутнє"
    assert request.reversed_word == "перевернута" and request.deck_name
    assert (present.arcana, present.suit, past.element) == (Arcana.MAJOR, None, Element.FIRE)


def test_marseille_keeps_its_unnumbered_fool_and_justice_eight() -> None:
    request = picture_request(
        "three", "marseille", "en", three("major-00-fool", "major-11-justice", "cups-ace")
    )
    fool, justice, ace = request.cards
    assert (fool.label, fool.name) == ("", "The Fool")
    assert (justice.label, justice.name) == ("VIII", "Justice")
    assert (ace.label, ace.subtitle) == ("", "")
    assert request.reversed_word == "reversed"


def test_rider_waite_uses_the_catalogue_names() -> None:
    request = picture_request(
        "three", "rider-waite", "en", three("major-00-fool", "swords-ten", "cups-queen")
    )
    assert [(c.label, c.name) for c in request.cards] == [
        ("0", "The Fool"),
        ("10", "Ten of Swords"),
        ("", "Queen of Cups"),
    ]


def test_a_draw_that_does_not_fill_the_spread_is_refused() -> None:
    with pytest.raises(TarotError) as short:
        picture_request("three", "thoth", "en", (D("past", "cups-ace"), D("present", "cups-two")))
    assert short.value.kind is ErrorKind.VALIDATION
    with pytest.raises(TarotError) as doubled:
        picture_request("single", "thoth", "en", (D("card", "cups-ace"), D("card", "cups-two")))
    assert doubled.value.kind is ErrorKind.VALIDATION


def test_every_spread_has_a_layout_with_exactly_its_positions() -> None:
    assert set(LAYOUTS) == {shape.id for shape in SPREADS}
    for shape in SPREADS:
        assert set(LAYOUTS[shape.id].slots) == {p.id for p in shape.positions}, shape.id


def _box(slot: object, turned: bool) -> tuple[float, float, float, float]:
    # in card widths: a column is 1.12 wide, a row 1.1 × 1.7 tall; a card 1 × 1.7 (1.7 × 1 across)
    x, y = slot.column * 1.12, slot.row * 1.1 * 1.7  # type: ignore[attr-defined]
    w, h = (1.7, 1.0) if turned else (1.0, 1.7)
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def test_no_two_cards_overlap_but_the_crossing_card() -> None:
    for spread_id, layout in LAYOUTS.items():
        boxes = {pid: _box(slot, slot.turned) for pid, slot in layout.slots.items()}
        for a, box_a in boxes.items():
            for b, box_b in boxes.items():
                if a >= b or {a, b} == {"present", "challenge"}:
                    continue
                apart = (
                    box_a[2] <= box_b[0]
                    or box_b[2] <= box_a[0]
                    or box_a[3] <= box_b[1]
                    or box_b[3] <= box_a[1]
                )
                assert apart, f"{spread_id}: {a} and {b} overlap"
    cross = LAYOUTS["celtic-cross"].slots
    assert cross["challenge"].turned and (cross["challenge"].column, cross["challenge"].row) == (
        cross["present"].column,
        cross["present"].row,
    )


def test_the_year_is_twelve_months_around_its_theme() -> None:
    slots = LAYOUTS["year-ahead"].slots
    theme = slots["theme"]
    months = [slot for pid, slot in slots.items() if pid != "theme"]
    assert len(months) == 12
    assert min(s.column for s in months) < theme.column < max(s.column for s in months)
    assert min(s.row for s in months) < theme.row < max(s.row for s in months)
