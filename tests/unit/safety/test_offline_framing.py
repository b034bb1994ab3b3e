"""The offline interpreter honours the screen's flag: the pointer paragraph first, and on the yes-no
spread the situation instead of a yes or a no (none of the lean phrases, none of the directives)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.offline.compose import compose_follow_up, compose_reading
from adapters.offline.phrases import phrases_for
from tarot_domain.model.cards import catalogue
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.readings import Interpretation, Reading
from tarot_domain.model.safety import FRAMED, SafetyKind, directive_in, pointer_for
from tarot_ports.interpreter import InterpretationRequest

QUESTIONS = {"en": "Should I stop taking my antidepressants?", "uk": "Чи кинути мені антидепресанти?"}


def lean_phrases(language: str) -> list[str]:
    p = phrases_for(language)
    return [p.lean_yes, p.lean_no, p.lean_major, p.fu_leaning]


def yes_no(card_id: str, reversed_: bool, language: str, safety: SafetyKind | None) -> str:
    request = InterpretationRequest(
        "yes-no", "rider-waite", language, QUESTIONS[language], (DrawnCard("answer", card_id, reversed_),),
        safety=safety,
    )  # fmt: skip
    return "\n\n".join(compose_reading(request))


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_framed_yes_no_reading_never_leans_whatever_the_card(language: str) -> None:
    pointer = pointer_for(SafetyKind.HEALTH, language)
    for card in catalogue():
        for reversed_ in (False, True):
            text = yes_no(card.id, reversed_, language, SafetyKind.HEALTH)
            assert text.startswith(pointer + "\n\n"), card.id
            assert not any(phrase in text for phrase in lean_phrases(language)), card.id
            assert directive_in(text) is None, (card.id, directive_in(text))


@pytest.mark.parametrize("language", ["en", "uk"])
def test_an_ordinary_yes_no_reading_still_leans(language: str) -> None:
    # The check above can fail: the same reading without the flag says which way it leans.
    p = phrases_for(language)
    assert p.lean_yes in yes_no("major-19-sun", False, language, None)
    assert p.lean_no in yes_no("major-19-sun", True, language, None)
    assert directive_in(yes_no("major-19-sun", False, language, None)) is not None


def test_every_framed_kind_opens_with_its_own_pointer_and_the_caution_is_not_said_twice() -> None:
    cards = (DrawnCard("past", "cups-two"), DrawnCard("present", "major-16-tower", True),
             DrawnCard("future", "pentacles-ace"))  # fmt: skip
    caution = phrases_for("en").caution
    for kind in FRAMED:
        request = InterpretationRequest(
            "three", "rider-waite", "en", "Should I sue or invest?", cards, safety=kind
        )
        chunks = compose_reading(request)
        assert chunks[0] == pointer_for(kind, "en") and caution not in "\n\n".join(chunks)
    plain = InterpretationRequest("three", "rider-waite", "en", "What about my health and money?", cards)
    assert compose_reading(plain)[0] != pointer_for(SafetyKind.HEALTH, "en")


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_framed_follow_up_opens_with_the_pointer_and_gives_no_lean(language: str) -> None:
    reading = Reading(
        id="r1", user_id="u1", idempotency_key="k1", spread_id="yes-no", deck_id="rider-waite",
        language=language, question=QUESTIONS[language], cards=(DrawnCard("answer", "major-19-sun"),),
        interpretation=Interpretation("…", "offline"), created_at=datetime(2026, 12, 1, tzinfo=UTC),
    )  # fmt: skip
    framed = "\n\n".join(compose_follow_up(reading, (), "So is it a yes?", SafetyKind.HEALTH))
    assert framed.startswith(pointer_for(SafetyKind.HEALTH, language))
    assert not any(phrase in framed for phrase in lean_phrases(language))
    assert directive_in(framed) is None
    plain = "\n\n".join(compose_follow_up(reading, (), "So is it a yes?"))
    assert phrases_for(language).lean_yes in plain
