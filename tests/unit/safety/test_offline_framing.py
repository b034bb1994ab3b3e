"""The offline interpreter honours the screen's flag: the pointer paragraph first, "the cards show the
situation, not the decision", and no lean at all (none of the verdict phrases, none of the directives)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.offline.compose import compose_reading
from adapters.offline.follow_up import compose_follow_up
from tarot_domain.content import registry
from tarot_domain.model.cards import catalogue
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.knowledge import FACE_FIELDS, card_knowledge
from tarot_domain.model.readings import Interpretation, Reading
from tarot_domain.model.safety import FRAMED, SafetyKind, directive_in, pointer_for
from tarot_ports.interpreter import InterpretationRequest

QUESTIONS = {"en": "Should I stop taking my antidepressants?", "uk": "Чи кинути мені антидепресанти?"}


def verdicts(language: str) -> list[str]:
    """Every way the composer can say yes or no in `language` (its verdicts that name a yes or a no)."""
    phrasing = registry.phrasing(language)
    assert phrasing is not None
    found = [v for key, variants in phrasing.frames.items() if key.startswith("verdict.") for v in variants]
    marks = ("yes", "no") if language == "en" else ("«так»", "«ні»", "ні»")
    named = [v for v in found if any(mark in v.split() or mark in v for mark in marks)]
    assert len(named) >= 20
    return named


def yes_no(card_id: str, reversed_: bool, language: str, safety: SafetyKind | None) -> str:
    request = InterpretationRequest(
        "yes-no", "rider-waite", language, QUESTIONS[language], (DrawnCard("answer", card_id, reversed_),),
        safety=safety,
    )  # fmt: skip
    return "\n\n".join(compose_reading(request))


def _without_card_texts(text: str, card_id: str, reversed_: bool, language: str) -> str:
    face = card_knowledge(card_id, "rider-waite", language).face(reversed_)
    for field in FACE_FIELDS[1:]:
        value: str = getattr(face, field)
        text = text.replace(value, "").replace(value[:1].lower() + value[1:], "")
    return text


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_framed_yes_no_reading_never_leans_whatever_the_card(language: str) -> None:
    pointer = pointer_for(SafetyKind.HEALTH, language)
    phrases = verdicts(language)
    for card in catalogue():
        for reversed_ in (False, True):
            text = yes_no(card.id, reversed_, language, SafetyKind.HEALTH)
            assert text.startswith(pointer + "\n\n"), card.id
            ours = _without_card_texts(
                text, card.id, reversed_, language
            )  # "give a clear yes or no" is advice
            assert not any(phrase in ours for phrase in phrases), card.id
            assert directive_in(text) is None, (card.id, directive_in(text))


@pytest.mark.parametrize("language", ["en", "uk"])
def test_an_ordinary_yes_no_reading_still_leans(language: str) -> None:
    # The check above can fail: the same reading without the flag says which way it leans.
    phrases = verdicts(language)
    for reversed_ in (False, True):
        text = yes_no("major-19-sun", reversed_, language, None)
        assert any(phrase in text for phrase in phrases)


def test_every_framed_kind_opens_with_its_own_pointer() -> None:
    cards = (DrawnCard("past", "cups-two"), DrawnCard("present", "major-16-tower", True),
             DrawnCard("future", "pentacles-ace"))  # fmt: skip
    for kind in FRAMED:
        request = InterpretationRequest(
            "three", "rider-waite", "en", "Should I sue or invest?", cards, safety=kind
        )
        chunks = compose_reading(request)
        assert chunks[0] == pointer_for(kind, "en")
        assert (
            "not the decision" in chunks[1]
            or "not make the decision" in chunks[1]
            or "not choose" in chunks[1]
        )
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
    assert not any(phrase in framed for phrase in verdicts(language))
    assert directive_in(framed) is None
    plain = "\n\n".join(compose_follow_up(reading, (), "So is it a yes?"))
    assert any(phrase in plain for phrase in verdicts(language))
