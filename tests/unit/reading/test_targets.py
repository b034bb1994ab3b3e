"""The reading targets a reader would hold us to (issue 17): the subject taken up in the body, decks read in
their own words, choices answered as choices, follow-ups answered from the reading's own cards."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from composer_support import draw, read, request, sentences
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.offline.follow_up import compose_follow_up
from tarot_domain.content import registry
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.lean import weigh
from tarot_domain.model.markup import plain
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.spreads import get_spread

PEOPLE = {
    "en": ("Will my sister forgive me?", ("your sister",)),
    "uk": (
        "Чи пробачить мене сестра?",
        ("ваша сестра", "вашої сестри", "вашій сестрі", "вашу сестру", "вашою сестрою"),
    ),
}


def _body(text: str) -> str:
    return "\n\n".join(plain(text).split("\n\n")[1:])


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize(
    "spread_id", ["single", "three", "celtic-cross", "relationship", "career", "year-ahead"]
)
def test_the_person_asked_about_is_taken_up_in_the_body(language: str, spread_id: str) -> None:
    question, forms = PEOPLE[language]
    for seed in range(3):
        body = _body(read(request(spread_id, language=language, question=question, seed=seed)))
        assert any(form in body for form in forms), body


@pytest.mark.parametrize(
    ("question", "language", "named"),
    [
        ("Will my bakery survive the winter?", "en", "your bakery"),
        ("Should I move to Lisbon?", "en", "Lisbon"),
        ("Чи варто мені переїжджати до Львова?", "uk", "до Львова"),
        (
            "Чи отримаю я цю роботу?",
            "uk",
            "ваш",
        ),  # a thing in Ukrainian is named by its topic: «вашої роботи»
    ],
)
def test_things_and_places_are_named_back(question: str, language: str, named: str) -> None:
    for seed in range(3):
        assert named in _body(read(request("three", language=language, question=question, seed=seed)))


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    spread_id=st.sampled_from(["three", "celtic-cross", "relationship", "single"]),
    language=st.sampled_from(["en", "uk"]),
)
def test_thoth_and_marseille_read_in_their_own_words(seed: int, spread_id: str, language: str) -> None:
    cards = draw(spread_id, seed)
    question = "What do I need to know?" if language == "en" else "Що мені треба знати?"
    rws = set(sentences(read(request(spread_id, "rider-waite", language, question, cards))))
    for deck_id in ("thoth", "marseille"):
        if not all(card_knowledge(c.card_id, deck_id, language).overridden(c.reversed) for c in cards):
            continue  # where a deck reads a card as Rider–Waite–Smith does, it says the same, on purpose
        own = sentences(read(request(spread_id, deck_id, language, question, cards)))
        assert sum(1 for s in own if s in rws) <= len(own) / 2


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_choice_is_answered_with_one_of_its_options(language: str) -> None:
    question, options = {
        "en": ("Should I move to Lisbon or stay in Kyiv?", ("move to Lisbon", "stay in Kyiv")),
        "uk": (
            "Чи варто мені переїхати до Львова чи лишитися в Києві?",
            ("переїхати до Львова", "лишитися в Києві"),
        ),
    }[language]
    phrasing = registry.phrasing(language)
    assert phrasing is not None
    verdicts = [v for key, vs in phrasing.frames.items() if key.startswith("verdict.") for v in vs]
    for seed in range(6):
        req = request("three", language=language, question=question, seed=seed)
        opening = read(req).split("\n\n")[0]
        assert (
            all(option in opening for option in options)
            or weigh(get_spread("three"), "rider-waite", req.cards).band is not None
        )
        assert not any(v in opening for v in verdicts if "yes" in v or "«так»" in v)


def _reading(question: str, cards: tuple[DrawnCard, ...], spread_id: str = "celtic-cross") -> Reading:
    req = request(spread_id, question=question, cards=cards)
    return Reading(
        id="r1",
        user_id="u1",
        idempotency_key="k1",
        spread_id=spread_id,
        deck_id="rider-waite",
        language="en",
        question=question,
        cards=req.cards,
        interpretation=Interpretation(read(req), "offline"),
        created_at=datetime(2026, 12, 1, tzinfo=UTC),
    )


def test_a_timing_follow_up_answers_from_the_near_future_and_the_outcome() -> None:
    cards = draw("celtic-cross", 6)
    reading = _reading("Should I change jobs this year?", cards)
    text = "\n\n".join(compose_follow_up(reading, (), "When will things move?"))
    ahead = [c for c in cards if c.position_id in ("near-future", "outcome")]
    assert any(card_knowledge(c.card_id).named_in(text.split("\n\n")[0]) for c in ahead)


def test_a_closed_follow_up_keeps_the_readings_lean() -> None:
    cards = draw("celtic-cross", 6)
    reading = _reading("Should I change jobs this year?", cards)
    lean = weigh(get_spread("celtic-cross"), "rider-waite", cards)
    text = "\n\n".join(compose_follow_up(reading, (), "So is it a yes?"))
    phrasing = registry.phrasing("en")
    assert phrasing is not None
    band = {1: "cautious", 2: "on-balance", 3: "clear"}[lean.band.value] if lean.band else None
    family = f"verdict.{lean.lean.value}.{band}" if band else "verdict.unclear"
    assert any(v in text for v in phrasing.frames[family])


def test_a_new_follow_up_takes_a_new_angle() -> None:
    cards = draw("three", 2)
    reading = _reading("What should I know about my work?", cards, "three")
    first = "\n\n".join(compose_follow_up(reading, (), "And my love life?"))
    earlier = (
        FollowUp("And my love life?", Interpretation(first, "offline"), datetime(2026, 12, 1, tzinfo=UTC)),
    )
    second = "\n\n".join(compose_follow_up(reading, earlier, "And my love life?"))
    assert first != second
    assert not set(sentences(second)) & set(sentences(first)) - {""}
