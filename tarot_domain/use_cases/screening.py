"""The safety screen as the reading use case applies it: at a frontend's intake and as the backstop.

Every screening is reported as a `Screened` event (kind and stage, never the text). A crisis becomes
`SupportOnly`, raised before anything is held, drawn or stored; a framed kind travels with the reading
(its interpretation opens with the pointer, and it has no lean).
"""

from __future__ import annotations

from collections.abc import Iterable

from tarot_domain.model.errors import TarotError
from tarot_domain.model.events import Screened, ScreenStage
from tarot_domain.model.lean import Lean, lean_of
from tarot_domain.model.localized import DEFAULT_LANGUAGE
from tarot_domain.model.readings import Reading
from tarot_domain.model.safety import SafetyKind, Support, SupportOnly, screen_all, support_for
from tarot_domain.use_cases.context import Services


def texts_of(reading: Reading) -> tuple[str, ...]:
    """What the querent wrote for `reading`: the question and each questionnaire answer."""
    return (reading.question, *(answer.answer for answer in reading.answers))


class Screening:
    def __init__(self, services: Services) -> None:
        self._s = services

    def check(self, texts: Iterable[str], stage: ScreenStage) -> SafetyKind | None:
        """The verdict on a request's texts (crisis if any is), reported once."""
        kind = screen_all(texts)
        self._s.events.emit(Screened(kind, stage))
        return kind

    def support(self, kind: SafetyKind | None, language: str) -> Support | None:
        return None if kind is None else support_for(kind, language, self._s.helplines)

    def framing(self, kind: SafetyKind | None, reading: Reading) -> tuple[Support | None, Lean | None]:
        """What a result carries besides the reading: the support block when the screen fired, and
        the lean of a closed question when it did not."""
        if kind is None:
            found = lean_of(
                reading.spread_id, reading.deck_id, reading.cards, reading.question, reading.language
            )
            return None, None if found is None else found.lean
        return self.support(kind, reading.language), None

    def framing_of(self, reading: Reading) -> tuple[Support | None, Lean | None]:
        """`framing` for a stored reading, screened again (no event: nobody typed anything now)."""
        return self.framing(screen_all(texts_of(reading)), reading)

    async def refusal(self, language: str | None, user_id: str) -> SupportOnly:
        """The crisis answer, in the request's language, else the user's, else English."""
        if language is None:
            try:
                async with self._s.uow() as uow:
                    user = await uow.users.get(user_id)
                language = user.preferences.language if user is not None else None
            except TarotError:
                language = None  # the store is down: the support message matters more than its language
        support = support_for(SafetyKind.CRISIS, language or DEFAULT_LANGUAGE, self._s.helplines)
        return SupportOnly(support)
