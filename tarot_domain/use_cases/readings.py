"""The reading use case (DESIGN §4): hold, draw, interpret, save and capture.

Two short units of work surround the interpreter call, so no database connection waits on the
network. The hold is keyed by the caller's idempotency key: a repeated request returns the first
reading and charges once. When the interpreter fails, the hold is voided and the user gets the
offline reading, marked as such, free of charge.

Every text the querent typed goes through the safety screen first (`screen` for a frontend's intake,
and again here as the backstop): a crisis raises `SupportOnly` before any hold, draw or storage; a
health, legal or money question is read framed (`InterpretationRequest.safety`) and its result carries
the support block and no lean.

A frontend that shows the cards before the text passes `on_drawn`: it is called with the draw (a
`CardsDrawn`) once the cards are on the table and the hold placed, before the interpreter is asked. It is
a courtesy to the person, so a failing callback is logged and the reading goes on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import TypeVar

from attrs import evolve, frozen

from tarot_domain.model.cards import catalogue
from tarot_domain.model.decks import get_deck
from tarot_domain.model.draw import draw_cards
from tarot_domain.model.errors import ErrorKind, TarotError, conflict, not_found, validation
from tarot_domain.model.events import CardsDrawn, ReadingKind, ScreenStage
from tarot_domain.model.lean import Lean
from tarot_domain.model.ledger import (
    REVENUE_READINGS,
    Balance,
    Transfer,
    TransferKind,
    TransferRequest,
    TransferState,
    user_account,
)
from tarot_domain.model.readings import FollowUp, QuestionnaireAnswer, Reading
from tarot_domain.model.safety import SafetyKind, Support, screen_all
from tarot_domain.model.spreads import QUESTIONNAIRE_ANSWER_MAX, Spread, get_spread
from tarot_domain.model.text import clean_answer, clean_question
from tarot_domain.model.users import User, check_language
from tarot_domain.use_cases.admission import Admission
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.outcomes import UNKNOWN_SPREAD, Outcomes
from tarot_domain.use_cases.screening import Screening, texts_of
from tarot_domain.use_cases.users import active_user, load_active_user
from tarot_ports.interpreter import InterpretationRequest, Interpreter, OnDelta
from tarot_ports.storage import UnitOfWork

MAX_KEY_LENGTH = 100
MAX_ATTEMPTS = 5  # fresh holds for one key after earlier attempts died (voided or expired)
SAVE_RETRIES = 3  # the closing unit of work is retried on retryable database errors
DAILY_SPREAD = "single"

T = TypeVar("T")
OnDrawn = Callable[[CardsDrawn], Awaitable[None]]
"""Told the draw before the interpreter runs (a frontend sends the spread's picture meanwhile)."""

log = logging.getLogger("tarot_domain.readings")


@frozen
class ReadingRequest:
    user_id: str
    spread_id: str
    question: str
    idempotency_key: str
    deck_id: str | None = None
    language: str | None = None
    reversals: bool | None = None
    answers: tuple[str, ...] = ()


@frozen
class ReadingResult:
    """`support`: the screen's block when it fired (health, legal, money; a crisis never gets a
    result); `lean`: the answer's lean on a closed question, None for framed questions and spreads
    without an answer position."""

    reading: Reading
    replayed: bool
    available: int
    support: Support | None = None
    lean: Lean | None = None

    @property
    def charged(self) -> int:
        return self.reading.cost


@frozen
class _Prepared:
    spread: Spread
    question: str
    deck_id: str
    language: str
    answers: tuple[QuestionnaireAnswer, ...]
    safety: SafetyKind | None = None
    kind: ReadingKind = ReadingKind.READING


def check_key(key: str) -> str:
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise validation(f"idempotency key must be 1..{MAX_KEY_LENGTH} printable characters", "error.bad_key")
    return key


def _answers(spread: Spread, raw: tuple[str, ...]) -> tuple[QuestionnaireAnswer, ...]:
    if len(raw) > len(spread.questionnaire):
        raise validation(
            f"{spread.id} asks {len(spread.questionnaire)} questions, got {len(raw)} answers",
            "error.too_many_answers",
            expected=len(spread.questionnaire),
        )
    cleaned = (clean_answer(a, max_length=QUESTIONNAIRE_ANSWER_MAX) for a in raw)
    return tuple(
        QuestionnaireAnswer(item.id, answer)
        for item, answer in zip(spread.questionnaire, cleaned, strict=False)
        if answer
    )


class ReadingService:
    """`admission`: the in-flight limit every reading, daily card and follow-up passes before its hold
    (one per process; a fresh default limit when not given)."""

    def __init__(
        self,
        services: Services,
        interpreter: Interpreter,
        fallback: Interpreter,
        admission: Admission | None = None,
    ) -> None:
        self._s = services
        self._interpreter = interpreter
        self._fallback = fallback
        self.admission = admission or Admission()
        self._screening = Screening(services)
        self._outcomes = Outcomes(services)

    # ----------------------------------------------------------------- public operations

    def screen(self, text: str, language: str) -> Support | None:
        """A frontend's intake: call it on every text a user types (question, each questionnaire
        answer, follow-up, plain text) the moment it arrives, before any price, menu or session write.
        Crisis: show `support.message` as the answer, with no buttons to buy or read anyway, and store
        nothing of the text. Health, legal, money: carry on; the reading will be framed by itself."""
        kind = self._screening.check((text,), ScreenStage.INTAKE)
        return self._screening.support(kind, language)

    def framing(self, reading: Reading) -> tuple[Support | None, Lean | None]:
        """The support block and lean a stored reading is shown with (history, replays)."""
        return self._screening.framing_of(reading)

    async def request_reading(
        self, request: ReadingRequest, on_delta: OnDelta | None = None, *, on_drawn: OnDrawn | None = None
    ) -> ReadingResult:
        """Screen, validate, hold the spread's cost, draw, interpret, then save and capture (or void).

        A crisis is answered before any other check: a person who wrote it must not get "unknown
        spread" instead of help. Every outcome is reported as an event (`outcomes.Outcomes`)."""
        started = self._outcomes.now()
        question = clean_question(request.question)
        typed = (a[: QUESTIONNAIRE_ANSWER_MAX + 1] for a in request.answers if isinstance(a, str))
        kind = self._screening.check((question, *typed), ScreenStage.READING)
        if kind is SafetyKind.CRISIS:
            raise await self._screening.refusal(request.language, request.user_id)
        with self._outcomes.refusals(ReadingKind.READING, request.spread_id):
            return await self._reading(request, question, kind, started, on_delta, on_drawn)

    async def _reading(
        self,
        request: ReadingRequest,
        question: str,
        kind: SafetyKind | None,
        started: datetime,
        on_delta: OnDelta | None,
        on_drawn: OnDrawn | None,
    ) -> ReadingResult:
        spread = get_spread(request.spread_id)
        answers = _answers(spread, request.answers)
        key = check_key(request.idempotency_key)
        if request.deck_id is not None:
            get_deck(request.deck_id)
        if request.language is not None:
            check_language(request.language)

        hold_base = f"reading:{request.user_id}:{key}"
        with self.admission.admitted():  # before the hold: a refusal charges nothing
            async with self._s.uow() as uow:
                # Independent reads issued together: a store that can pipelines them into one round trip.
                found, existing, first_hold = await asyncio.gather(
                    uow.users.get(request.user_id),
                    uow.readings.get_by_key(request.user_id, key),
                    uow.ledger.get(f"{hold_base}#1"),
                )
                user = active_user(found, request.user_id)
                self._s.catalog.check_access(user.tier_at(self._s.clock.now()), spread.id)
                if existing is not None:
                    return await self._replayed(uow, user, existing)
                prepared = _Prepared(
                    spread=spread,
                    question=question,
                    deck_id=request.deck_id or user.preferences.deck_id,
                    language=request.language or user.preferences.language,
                    answers=answers,
                    safety=kind,
                )
                reversals = user.preferences.reversals if request.reversals is None else request.reversals
                hold = await self._place_hold(
                    uow, user, hold_base, spread.cost, TransferKind.READING, first=(first_hold,)
                )
                await uow.commit()
            return await self._complete(user, key, prepared, reversals, hold, on_delta, started, on_drawn)

    async def drawn_daily_card(self, user_id: str, today: date) -> ReadingResult | None:
        """Today's card when it was drawn already (showing it again calls no interpreter), else None."""
        async with self._s.uow() as uow:
            user = await load_active_user(uow, user_id)
            return await self._replay(uow, user, f"daily:{today.isoformat()}")

    async def daily_card(
        self,
        user_id: str,
        today: date,
        on_delta: OnDelta | None = None,
        *,
        on_drawn: OnDrawn | None = None,
    ) -> ReadingResult:
        """The free card of the day: one per user per calendar day, never charged."""
        with self._outcomes.refusals(ReadingKind.DAILY, DAILY_SPREAD):
            return await self._daily_card(user_id, today, on_delta, on_drawn)

    async def _daily_card(
        self, user_id: str, today: date, on_delta: OnDelta | None, on_drawn: OnDrawn | None
    ) -> ReadingResult:
        started = self._outcomes.now()
        if not self._s.catalog.promotions.daily_free_card:
            raise TarotError(ErrorKind.FORBIDDEN, "daily card is switched off", message_key="error.daily_off")
        key = f"daily:{today.isoformat()}"
        async with self._s.uow() as uow:
            user = await load_active_user(uow, user_id)
            replay = await self._replay(uow, user, key)
            if replay is not None:
                return replay
        prepared = _Prepared(
            get_spread(DAILY_SPREAD), "", user.preferences.deck_id, user.preferences.language, (),
            kind=ReadingKind.DAILY,
        )  # fmt: skip
        with self.admission.admitted():
            return await self._complete(
                user, key, prepared, user.preferences.reversals, None, on_delta, started, on_drawn
            )

    async def ask_follow_up(
        self,
        user_id: str,
        reading_id: str,
        question: str,
        idempotency_key: str,
        on_delta: OnDelta | None = None,
    ) -> tuple[Reading, FollowUp]:
        """A further question about a reading, charged like a small reading (hold → post or void)."""
        started = self._outcomes.now()
        text = clean_question(question)
        if self._screening.check((text,), ScreenStage.FOLLOW_UP) is SafetyKind.CRISIS:
            raise await self._screening.refusal(None, user_id)
        with self._outcomes.refusals(ReadingKind.FOLLOW_UP, UNKNOWN_SPREAD), self.admission.admitted():
            return await self._follow_up(user_id, reading_id, text, idempotency_key, on_delta, started)

    async def _follow_up(
        self,
        user_id: str,
        reading_id: str,
        text: str,
        idempotency_key: str,
        on_delta: OnDelta | None,
        started: datetime,
    ) -> tuple[Reading, FollowUp]:
        key = check_key(idempotency_key)
        promotions = self._s.catalog.promotions
        async with self._s.uow() as uow:
            user = await load_active_user(uow, user_id)
            reading = await uow.readings.get(reading_id)
            if reading is None or reading.user_id != user.id:
                raise not_found(f"no reading {reading_id} for {user_id}", "error.unknown_reading")
            safety = screen_all((text, *texts_of(reading)))  # a framed reading frames its follow-ups
            if safety is SafetyKind.CRISIS:  # a reading stored before the screen existed
                raise await self._screening.refusal(user.preferences.language, user.id)
            hold_base = f"followup:{reading.id}:{key}"
            for earlier in reading.follow_ups:
                if earlier.hold_id is not None and earlier.hold_id.startswith(f"{hold_base}#"):
                    return reading, earlier
            if len(reading.follow_ups) >= promotions.max_follow_ups:
                raise validation(
                    f"reading {reading.id} already has {len(reading.follow_ups)} follow-ups",
                    "error.follow_up_limit",
                    limit=promotions.max_follow_ups,
                )
            hold = await self._place_hold(
                uow, user, hold_base, promotions.follow_up_cost, TransferKind.FOLLOW_UP
            )
            await uow.commit()

        answer, reason = await self._outcomes.written(
            ReadingKind.FOLLOW_UP,
            self._interpreter,
            self._fallback,
            lambda interpreter: interpreter.follow_up(
                reading, reading.follow_ups, text, on_delta, safety=safety
            ),
        )
        fallback = reason is not None

        async def save(uow: UnitOfWork) -> tuple[Reading, FollowUp]:
            current = await uow.readings.get(reading.id)
            if current is not None and hold is not None:
                for stored in current.follow_ups:
                    if stored.hold_id == hold.id:  # an earlier try committed; its acknowledgement was lost
                        return current, stored
            cost = await self._settle(uow, hold, charge=not fallback)
            follow_up = FollowUp(
                question=text,
                interpretation=answer,
                created_at=self._s.clock.now(),
                cost=cost,
                hold_id=hold.id if hold else None,
            )
            await uow.readings.add_follow_up(reading.id, follow_up)
            return evolve(reading, follow_ups=(*reading.follow_ups, follow_up)), follow_up

        saved, follow_up = await self._with_retries(save)
        self._outcomes.completed(
            ReadingKind.FOLLOW_UP, saved.spread_id, answer, reason, follow_up.cost, started
        )
        return saved, follow_up

    async def history(
        self, user_id: str, limit: int = 5, offset: int = 0, *, before: tuple[datetime, str] | None = None
    ) -> tuple[list[Reading], int]:
        """Newest first, and the user's total; `before` = (created_at, id) continues after that reading."""
        async with self._s.uow() as uow:
            await load_active_user(uow, user_id)
            readings = await uow.readings.list_for_user(user_id, limit, offset, before=before)
            total = await uow.readings.count_for_user(user_id)
        return readings, total

    async def get_reading(self, user_id: str, reading_id: str) -> Reading:
        async with self._s.uow() as uow:
            reading = await uow.readings.get(reading_id)
        if reading is None or reading.user_id != user_id:
            raise not_found(f"no reading {reading_id} for {user_id}", "error.unknown_reading")
        return reading

    # ----------------------------------------------------------------- steps

    async def _replay(self, uow: UnitOfWork, user: User, key: str) -> ReadingResult | None:
        existing = await uow.readings.get_by_key(user.id, key)
        if existing is None:
            return None
        return await self._replayed(uow, user, existing)

    async def _replayed(self, uow: UnitOfWork, user: User, existing: Reading) -> ReadingResult:
        balance = await uow.ledger.balance(user_account(user.id))
        support, lean = self._screening.framing_of(existing)
        return ReadingResult(existing, True, balance.available, support, lean)

    async def _place_hold(
        self,
        uow: UnitOfWork,
        user: User,
        base_id: str,
        cost: int,
        kind: TransferKind,
        *,
        first: tuple[Transfer | None] | None = None,
    ) -> Transfer | None:
        """Hold `cost` credits under `base_id#n`, skipping attempts that died earlier.

        A pending, unexpired hold means the same request is being served right now: refuse rather than
        charge twice. A voided or expired one was a crashed or failed attempt: take the next number.
        `first`: attempt #1 as the caller already read it in this unit of work.
        """
        if cost <= 0:
            return None
        now = self._s.clock.now()
        for attempt in range(1, MAX_ATTEMPTS + 1):
            hold_id = f"{base_id}#{attempt}"
            earlier = first[0] if attempt == 1 and first is not None else await uow.ledger.get(hold_id)
            if earlier is None:
                return await uow.ledger.submit(
                    TransferRequest(
                        id=hold_id,
                        debit=user_account(user.id),
                        credit=REVENUE_READINGS,
                        amount=cost,
                        kind=kind,
                        reference=base_id,
                        pending=True,
                        hold_ttl=self._s.hold_ttl,
                    ),
                    now,
                )
            if earlier.state is TransferState.PENDING and earlier.expires_at and now < earlier.expires_at:
                raise TarotError(
                    ErrorKind.CONFLICT,
                    f"{base_id} is in progress",
                    message_key="error.in_progress",
                    retryable=True,
                )
            if earlier.state is TransferState.POSTED:
                raise conflict(f"{hold_id} was charged but its result is missing", "error.conflict")
        raise conflict(f"{base_id} failed {MAX_ATTEMPTS} times; use a new request", "error.too_many_attempts")

    async def _settle(self, uow: UnitOfWork, hold: Transfer | None, *, charge: bool) -> int:
        """Capture the hold when charging and it is still live; otherwise release it. Returns the charge."""
        if hold is None:
            return 0
        now = self._s.clock.now()
        current = await uow.ledger.get(hold.id)
        if current is None:
            raise not_found(f"hold {hold.id} vanished")
        live = (
            current.state is TransferState.PENDING
            and current.expires_at is not None
            and now < current.expires_at
        )
        if charge and live:
            await uow.ledger.post(hold.id, now)
            return hold.amount
        if current.state is TransferState.PENDING:
            await uow.ledger.void(hold.id, now)
        return 0

    async def _complete(
        self,
        user: User,
        key: str,
        prepared: _Prepared,
        reversals: bool,
        hold: Transfer | None,
        on_delta: OnDelta | None,
        started: datetime,
        on_drawn: OnDrawn | None = None,
    ) -> ReadingResult:
        cards = draw_cards(
            catalogue().ids, [p.id for p in prepared.spread.positions], self._s.random, reversals=reversals
        )
        request = InterpretationRequest(
            spread_id=prepared.spread.id,
            deck_id=prepared.deck_id,
            language=prepared.language,
            question=prepared.question,
            cards=cards,
            answers=prepared.answers,
            safety=prepared.safety,
        )
        self._outcomes.drawn(prepared.kind, request)
        if on_drawn is not None:
            drawn = CardsDrawn(prepared.kind, request.spread_id, request.deck_id, request.language, cards)
            await _tell_drawn(on_drawn, drawn)
        interpretation, reason = await self._outcomes.written(
            prepared.kind,
            self._interpreter,
            self._fallback,
            lambda interpreter: interpreter.interpret(request, on_delta),
        )
        fallback = reason is not None
        reading_id = self._s.new_id()
        tries = 0

        def reading_of(cost: int, now: datetime) -> Reading:
            return Reading(
                id=reading_id,
                user_id=user.id,
                idempotency_key=key,
                spread_id=prepared.spread.id,
                deck_id=prepared.deck_id,
                language=prepared.language,
                question=prepared.question,
                cards=cards,
                interpretation=interpretation,
                created_at=now,
                answers=prepared.answers,
                cost=cost,
                hold_id=hold.id if hold else None,
                fallback=fallback,
            )

        async def save(uow: UnitOfWork) -> ReadingResult:
            nonlocal tries
            tries += 1
            now = self._s.clock.now()
            if tries == 1 and (hold is None or self._live(hold, now)):
                # First try, our own hold still live: nothing can have committed yet, so settle,
                # store and read the balance in one go (one round trip where the store pipelines).
                reading = reading_of(0 if hold is None or fallback else hold.amount, now)
                try:
                    balance = (await asyncio.gather(*self._closing(uow, hold, reading, now)))[-1]
                except TarotError as error:  # the hold moved under us: retry the careful way
                    raise TarotError(ErrorKind.DATABASE, f"closing raced: {error}", retryable=True) from error
                assert isinstance(balance, Balance)
            else:
                saved = await uow.readings.get(reading_id)
                if saved is not None:  # an earlier try committed but its acknowledgement was lost
                    before = await uow.ledger.balance(user_account(user.id))
                    support, lean = self._screening.framing(prepared.safety, saved)
                    return ReadingResult(saved, False, before.available, support, lean)
                cost = await self._settle(uow, hold, charge=not fallback)
                reading = reading_of(cost, now)
                await uow.readings.add(reading)
                balance = await uow.ledger.balance(user_account(user.id))
            support, lean = self._screening.framing(prepared.safety, reading)
            return ReadingResult(reading, False, balance.available, support, lean)

        result = await self._with_retries(save)
        self._outcomes.completed(
            prepared.kind, prepared.spread.id, interpretation, reason, result.reading.cost, started
        )
        return result

    @staticmethod
    def _live(hold: Transfer, now: datetime) -> bool:
        return hold.state is TransferState.PENDING and hold.expires_at is not None and now < hold.expires_at

    def _closing(
        self, uow: UnitOfWork, hold: Transfer | None, reading: Reading, now: datetime
    ) -> list[Awaitable[object]]:
        """The closing writes in order: settle the live hold (post if charged, else void), store the
        reading, then read the balance they leave."""
        steps: list[Awaitable[object]] = []
        if hold is not None:
            steps.append(uow.ledger.post(hold.id, now) if reading.cost else uow.ledger.void(hold.id, now))
        steps.append(uow.readings.add(reading))
        steps.append(uow.ledger.balance(user_account(reading.user_id)))
        return steps

    async def _with_retries(self, work: Callable[[UnitOfWork], Awaitable[T]]) -> T:
        """Run a closing unit of work (served ahead of new arrivals), retrying briefly when the store
        says it is worth it."""
        closing = self._s.closing()
        for attempt in range(SAVE_RETRIES):
            try:
                async with closing() as uow:
                    result = await work(uow)
                    await uow.commit()
                    return result
            except TarotError as error:
                if error.kind is not ErrorKind.DATABASE or not error.retryable or attempt == SAVE_RETRIES - 1:
                    raise
                await asyncio.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")


async def _tell_drawn(on_drawn: OnDrawn, drawn: CardsDrawn) -> None:
    """Show the draw; the hold is placed, so a failure here must not lose the reading or its credits."""
    try:
        await on_drawn(drawn)
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("showing the draw of %s failed; the reading goes on", drawn.spread_id)
