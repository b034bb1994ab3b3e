"""The lean of a closed question, weighed from the cards' polarity by position (`model.lean`)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tarot_domain.content.polarity import HEAVY_CARDS, POLARITY, Lean, polarity
from tarot_domain.content.structure.roles import Role
from tarot_domain.model.cards import catalogue
from tarot_domain.model.decks import deck_ids
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.lean import ROLE_WEIGHTS, Band, lean_for, weigh
from tarot_domain.model.spreads import all_spreads, get_spread

HEAVY = sorted(HEAVY_CARDS)
CARD_IDS = catalogue().ids
YES_NO = get_spread("yes-no")
CELTIC = get_spread("celtic-cross")


def _answer(card_id: str, deck_id: str = "rider-waite", *, reversed_: bool = False) -> DrawnCard:
    return DrawnCard("answer", card_id, reversed_)


def test_every_role_has_a_weight_and_the_outcome_outweighs_the_past() -> None:
    assert set(ROLE_WEIGHTS) == set(Role)
    assert ROLE_WEIGHTS[Role.OUTCOME] == ROLE_WEIGHTS[Role.ANSWER] == max(ROLE_WEIGHTS.values())
    assert ROLE_WEIGHTS[Role.OUTCOME] > ROLE_WEIGHTS[Role.NEAR_FUTURE] >= ROLE_WEIGHTS[Role.PRESENT]
    assert ROLE_WEIGHTS[Role.PRESENT] > ROLE_WEIGHTS[Role.PAST] == min(ROLE_WEIGHTS.values())


@pytest.mark.parametrize("deck_id", deck_ids())
@pytest.mark.parametrize("card_id", HEAVY)
def test_no_heavy_card_upright_is_ever_a_yes(card_id: str, deck_id: str) -> None:
    reading = weigh(YES_NO, deck_id, [_answer(card_id)])
    assert reading.lean is not Lean.YES


@pytest.mark.parametrize("deck_id", deck_ids())
def test_with_reversals_off_a_quarter_or_more_of_the_cards_do_not_say_yes(deck_id: str) -> None:
    leans = [weigh(YES_NO, deck_id, [_answer(card_id)]).lean for card_id in CARD_IDS]
    assert sum(lean is not Lean.YES for lean in leans) >= len(leans) / 4


@pytest.mark.parametrize(
    ("card_id", "reversed_"), [("major-19-sun", False), ("swords-ten", False), ("cups-two", True)]
)
def test_a_single_answer_card_reads_as_its_polarity(card_id: str, reversed_: bool) -> None:
    reading = weigh(YES_NO, "rider-waite", [_answer(card_id, reversed_=reversed_)])
    own = polarity(card_id, reversed_, "rider-waite")
    assert reading.lean is own.lean
    assert reading.band is Band(own.strength)
    assert reading.decisive.card_id == card_id


def test_the_deck_tradition_changes_the_lean() -> None:
    # Thoth's Seven of Disks is Failure; the Rider–Waite–Smith card is patient assessment (unclear)
    rws = weigh(YES_NO, "rider-waite", [_answer("pentacles-seven")])
    thoth = weigh(YES_NO, "thoth", [_answer("pentacles-seven")])
    assert rws.lean is Lean.UNCLEAR
    assert thoth.lean is Lean.NO


def _celtic(cards: dict[str, tuple[str, bool]]) -> list[DrawnCard]:
    return [DrawnCard(position, card, reversed_) for position, (card, reversed_) in cards.items()]


GUIDE_DRAW = {
    "present": ("swords-king", False),
    "challenge": ("swords-nine", True),
    "foundation": ("swords-queen", True),
    "recent-past": ("swords-two", False),
    "crown": ("wands-nine", False),
    "near-future": ("major-17-star", True),
    "self": ("pentacles-five", False),
    "environment": ("major-10-wheel-of-fortune", False),
    "hopes-fears": ("swords-eight", False),
    "outcome": ("pentacles-ace", False),
}


def test_the_reading_guides_celtic_cross_is_a_cautious_yes_decided_by_the_outcome() -> None:
    reading = weigh(CELTIC, "rider-waite", _celtic(GUIDE_DRAW))
    assert (reading.lean, reading.band) == (Lean.YES, Band.CAUTIOUS)
    assert reading.decisive.position_id == "outcome"
    assert reading.split is None


def test_cards_that_truly_split_are_named_and_the_lean_stays_cautious() -> None:
    draw = {**GUIDE_DRAW, "present": ("major-16-tower", False), "near-future": ("swords-ten", False)}
    reading = weigh(CELTIC, "rider-waite", _celtic(draw))
    assert reading.split is not None
    towards_yes, towards_no = reading.split
    assert towards_yes.card_id == "pentacles-ace"
    assert towards_no.card_id in ("major-16-tower", "swords-ten")
    assert reading.band in (None, Band.CAUTIOUS)


def test_the_past_weighs_least() -> None:
    three = get_spread("three")
    base = [
        DrawnCard("past", "cups-four"),
        DrawnCard("present", "swords-four"),
        DrawnCard("future", "major-19-sun"),
    ]
    bright_past = [DrawnCard("past", "major-21-world"), *base[1:]]
    bright_present = [base[0], DrawnCard("present", "major-21-world"), base[2]]
    gain_past = weigh(three, "rider-waite", bright_past).balance - weigh(three, "rider-waite", base).balance
    gain_present = (
        weigh(three, "rider-waite", bright_present).balance - weigh(three, "rider-waite", base).balance
    )
    assert 0 < gain_past < gain_present


def test_no_lean_for_an_open_question_or_a_framed_one() -> None:
    cards = _celtic(GUIDE_DRAW)
    assert lean_for(CELTIC, "rider-waite", cards, shape="what", framed=False) is None
    assert lean_for(CELTIC, "rider-waite", cards, shape=None, framed=False) is None
    assert lean_for(CELTIC, "rider-waite", cards, shape="closed", framed=True) is None
    assert lean_for(CELTIC, "rider-waite", cards, shape="should", framed=False) is not None
    assert lean_for(CELTIC, "rider-waite", cards, shape="when", framed=False) is not None
    # the yes-no spread asks a closed question by its layout, whatever the wording
    assert lean_for(YES_NO, "rider-waite", [_answer("major-19-sun")], shape="open", framed=False) is not None
    assert lean_for(YES_NO, "rider-waite", [_answer("major-19-sun")], shape="open", framed=True) is None


def _outcome_id(spread_id: str) -> str:
    spread = get_spread(spread_id)
    decisive = [p.id for p in spread.positions if p.role in (Role.OUTCOME, Role.ANSWER)]
    return decisive[0] if decisive else spread.positions[-1].id


SPREADS_WITH_OUTCOME = [
    s.id for s in all_spreads() if any(p.role in (Role.OUTCOME, Role.ANSWER) for p in s.positions)
]


@settings(max_examples=300, deadline=None)
@given(
    spread_id=st.sampled_from(SPREADS_WITH_OUTCOME),
    deck_id=st.sampled_from(deck_ids()),
    rest=st.lists(st.tuples(st.sampled_from(CARD_IDS), st.booleans()), min_size=15, max_size=15),
    first=st.tuples(st.sampled_from(CARD_IDS), st.booleans()),
    second=st.tuples(st.sampled_from(CARD_IDS), st.booleans()),
)
def test_the_lean_is_monotone_in_the_outcome_cards_polarity(
    spread_id: str,
    deck_id: str,
    rest: list[tuple[str, bool]],
    first: tuple[str, bool],
    second: tuple[str, bool],
) -> None:
    spread = get_spread(spread_id)
    outcome = _outcome_id(spread_id)
    others = [p.id for p in spread.positions if p.id != outcome]

    def reading_with(card: tuple[str, bool]) -> int:
        cards = [DrawnCard(pid, cid, rev) for pid, (cid, rev) in zip(others, rest, strict=False)]
        cards.append(DrawnCard(outcome, card[0], card[1]))
        return weigh(spread, deck_id, cards).rank

    low, high = sorted((first, second), key=lambda c: polarity(c[0], c[1], deck_id).score)
    assert reading_with(low) <= reading_with(high)


def test_polarity_table_covers_the_deck() -> None:
    assert set(POLARITY) == set(CARD_IDS)
