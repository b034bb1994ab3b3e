from __future__ import annotations

import pytest

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.localized import Localized
from tarot_domain.model.spreads import (
    DEFAULT_SPREAD_ID,
    QUESTIONNAIRE_ANSWER_MAX,
    Spread,
    all_spreads,
    get_spread,
    spread_ids,
)

# The product plan: id → (card count, cost in credits, has a questionnaire), in catalogue order.
PLAN: dict[str, tuple[int, int, bool]] = {
    "single": (1, 5, False),
    "yes-no": (1, 5, False),
    "three": (3, 12, False),
    "celtic-cross": (10, 15, False),
    "relationship": (5, 12, True),
    "career": (4, 12, True),
    "week-ahead": (7, 20, True),
    "month-ahead": (12, 100, True),
    "year-ahead": (13, 500, True),
    "life-path": (15, 1000, True),
}

SPREADS = all_spreads()


def _texts(spread: Spread) -> list[tuple[str, Localized]]:
    texts: list[tuple[str, Localized]] = [
        (f"{spread.id}.name", spread.name),
        (f"{spread.id}.description", spread.description),
    ]
    for position in spread.positions:
        texts.append((f"{spread.id}.{position.id}.name", position.name))
        texts.append((f"{spread.id}.{position.id}.meaning", position.meaning))
    for item in spread.questionnaire:
        texts.append((f"{spread.id}.{item.id}.prompt", item.prompt))
        texts.append((f"{spread.id}.{item.id}.hint", item.hint))
    return texts


def test_spread_ids_are_unique_and_in_plan_order() -> None:
    ids = spread_ids()
    assert len(set(ids)) == len(ids)
    assert ids == tuple(PLAN)
    assert ids == tuple(spread.id for spread in SPREADS)


@pytest.mark.parametrize("spread", SPREADS, ids=lambda spread: spread.id)
def test_card_count_and_cost_match_the_plan(spread: Spread) -> None:
    card_count, cost, _ = PLAN[spread.id]
    assert spread.card_count == card_count
    assert len(spread.positions) == card_count
    assert spread.cost == cost


@pytest.mark.parametrize("spread", SPREADS, ids=lambda spread: spread.id)
def test_position_ids_are_unique_within_a_spread(spread: Spread) -> None:
    ids = [position.id for position in spread.positions]
    assert len(set(ids)) == len(ids)
    item_ids = [item.id for item in spread.questionnaire]
    assert len(set(item_ids)) == len(item_ids)


@pytest.mark.parametrize("spread", SPREADS, ids=lambda spread: spread.id)
def test_every_text_has_english_and_ukrainian(spread: Spread) -> None:
    for where, text in _texts(spread):
        for language in ("en", "uk"):
            assert text.get(language, "").strip(), f"{where} has no {language!r} text"


@pytest.mark.parametrize("spread", SPREADS, ids=lambda spread: spread.id)
def test_questionnaire_only_where_planned(spread: Spread) -> None:
    _, _, has_questionnaire = PLAN[spread.id]
    assert bool(spread.questionnaire) is has_questionnaire


@pytest.mark.parametrize(
    ("spread_id", "sizes"),
    [("relationship", {2}), ("career", {2}), ("week-ahead", {1, 2}), ("month-ahead", {2}),
     ("year-ahead", {2}), ("life-path", {3})],
)  # fmt: skip
def test_questionnaire_sizes(spread_id: str, sizes: set[int]) -> None:
    assert len(get_spread(spread_id).questionnaire) in sizes


def test_get_spread_returns_each_spread() -> None:
    for spread in SPREADS:
        assert get_spread(spread.id) is spread


def test_default_spread_exists() -> None:
    assert get_spread(DEFAULT_SPREAD_ID).card_count == 3
    assert QUESTIONNAIRE_ANSWER_MAX == 300


def test_unknown_spread_is_a_validation_error() -> None:
    with pytest.raises(TarotError) as caught:
        get_spread("no-such-spread")
    assert caught.value.kind is ErrorKind.VALIDATION
    assert caught.value.message_key == "error.unknown_spread"
    assert caught.value.params["spread"] == "no-such-spread"


def test_position_lookup() -> None:
    three = get_spread("three")
    assert [position.id for position in three.positions] == ["past", "present", "future"]
    assert three.position("present").name["uk"] == "Теперішнє"
    with pytest.raises(KeyError):
        three.position("nowhere")


def test_week_and_year_follow_the_calendar() -> None:
    week = get_spread("week-ahead")
    assert [position.name["uk"] for position in week.positions] == [
        "Понеділок", "Вівторок", "Середа", "Четвер", "П'ятниця", "Субота", "Неділя",
    ]  # fmt: skip
    year = get_spread("year-ahead")
    assert [position.name["en"] for position in year.positions[1:]] == [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]  # fmt: skip
    assert year.positions[0].id == "theme"


def test_spreads_are_hashable_and_immutable() -> None:
    spread = get_spread("celtic-cross")
    assert hash(spread) == hash(get_spread("celtic-cross"))
    with pytest.raises(AttributeError):
        spread.cost = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        spread.name["en"] = "x"  # type: ignore[index]


def test_a_spread_rejects_duplicate_position_ids() -> None:
    position = get_spread("three").positions[0]
    with pytest.raises(ValueError, match="unique"):
        Spread(
            id="bad", name={"en": "Bad"}, description={"en": "Bad"}, cost=1, positions=(position, position)
        )
