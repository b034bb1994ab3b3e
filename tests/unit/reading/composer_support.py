"""Shared helpers for the composer tests: draws, requests and the text of a reading."""

from __future__ import annotations

import re
from collections.abc import Sequence

from adapters.memory.randomness import SeededRandom
from adapters.offline.compose import compose_reading
from tarot_domain.model.cards import catalogue
from tarot_domain.model.draw import DrawnCard, draw_cards
from tarot_domain.model.markup import plain
from tarot_domain.model.readings import QuestionnaireAnswer
from tarot_domain.model.spreads import get_spread
from tarot_ports.interpreter import InterpretationRequest

QUESTIONS = {
    "en": (
        "Should I change jobs this year?",
        "Will my sister forgive me?",
        "What do I need to know about my love life?",
    ),
    "uk": (
        "Чи варто мені змінити роботу цього року?",
        "Чи пробачить мене сестра?",
        "Що мені треба знати про кохання?",
    ),
}
SENTENCE = re.compile(r"(?<=[.!?…])\s+")
WORD = re.compile(r"[\w'’-]+")


def draw(spread_id: str, seed: int, *, reversals: bool = True) -> tuple[DrawnCard, ...]:
    positions = [position.id for position in get_spread(spread_id).positions]
    return draw_cards(catalogue().ids, positions, SeededRandom(seed), reversals=reversals)


def request(
    spread_id: str,
    deck_id: str = "rider-waite",
    language: str = "en",
    question: str = "",
    cards: Sequence[DrawnCard] | None = None,
    answers: Sequence[tuple[str, str]] = (),
    seed: int = 1,
) -> InterpretationRequest:
    return InterpretationRequest(
        spread_id=spread_id,
        deck_id=deck_id,
        language=language,
        question=question,
        cards=tuple(cards if cards is not None else draw(spread_id, seed)),
        answers=tuple(QuestionnaireAnswer(item, text) for item, text in answers),
    )


def read(req: InterpretationRequest) -> str:
    return "\n\n".join(compose_reading(req))


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for paragraph in plain(text).split("\n\n"):
        out += [s.strip() for s in SENTENCE.split(paragraph) if s.strip()]
    return out


def words(text: str) -> int:
    return len(WORD.findall(plain(text)))
