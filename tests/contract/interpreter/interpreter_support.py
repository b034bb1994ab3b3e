"""Building interpretation requests and readings for the Interpreter contract tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from attrs import define, field
from fake_openai import FakeOpenAI

from adapters.memory.randomness import SeededRandom
from adapters.openai_http import OpenAIConfig, OpenAIInterpreter
from tarot_domain.model.cards import catalogue
from tarot_domain.model.draw import draw_cards
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.readings import FollowUp, Interpretation, QuestionnaireAnswer, Reading
from tarot_domain.model.spreads import get_spread
from tarot_ports.cache import Cache
from tarot_ports.clock import Clock
from tarot_ports.interpreter import InterpretationRequest, Interpreter

WHEN = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def make_request(
    spread_id: str = "three",
    deck_id: str = "rider-waite",
    language: str = "en",
    question: str = "What should I focus on this month?",
    *,
    seed: int = 7,
    answers: tuple[QuestionnaireAnswer, ...] = (),
) -> InterpretationRequest:
    spread = get_spread(spread_id)
    cards = draw_cards(catalogue().ids, [p.id for p in spread.positions], SeededRandom(seed), reversals=True)
    return InterpretationRequest(
        spread_id=spread_id,
        deck_id=deck_id,
        language=language,
        question=question,
        cards=cards,
        answers=answers,
    )


def names_of(request: InterpretationRequest) -> list[str]:
    return [card_knowledge(c.card_id, request.deck_id, request.language).display_name for c in request.cards]


def reading_from(request: InterpretationRequest, interpretation: Interpretation) -> Reading:
    return Reading(
        id="reading-1",
        user_id="user-1",
        idempotency_key="k1",
        spread_id=request.spread_id,
        deck_id=request.deck_id,
        language=request.language,
        question=request.question,
        cards=request.cards,
        interpretation=interpretation,
        created_at=WHEN,
        answers=request.answers,
    )


def follow_up(question: str, text: str) -> FollowUp:
    return FollowUp(
        question=question, interpretation=Interpretation(text=text, interpreter="test"), created_at=WHEN
    )


@define
class OpenAIHarness:
    """Makes OpenAI interpreters pointed at the fake; every delay they would wait is recorded in `sleeps`."""

    fake: FakeOpenAI
    sleeps: list[float] = field(factory=list)
    made: list[OpenAIInterpreter] = field(factory=list)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def make(
        self,
        *,
        cache: Cache | None = None,
        jitter: Callable[[], float] = lambda: 0.0,
        clock: Clock | None = None,
        **config: Any,
    ) -> OpenAIInterpreter:
        settings: dict[str, Any] = {"api_key": self.fake.api_key, "base_url": self.fake.url, **config}
        interpreter = OpenAIInterpreter(
            OpenAIConfig(**settings), cache=cache, sleep=self.sleep, jitter=jitter, clock=clock
        )
        self.made.append(interpreter)
        return interpreter


def offline_interpreter() -> Interpreter:
    from adapters.offline.interpreter import OfflineInterpreter

    interpreter: Interpreter = OfflineInterpreter()
    return interpreter
