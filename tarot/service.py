"""`tarot.in_memory()`: the whole service in process, ready in one call.

Every port gets its in-memory adapter (or the standard library's clock and randomness, and the offline
interpreter) unless the caller passes their own: the keyword arguments are the ports, by name. The
result holds the use cases (`users`, `credits`, `readings`, `payments`) and the ports they run on, plus
a few short calls for what every embedder does first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from attrs import evolve, frozen

from adapters.memory.idempotency import MemoryIdempotencyStore
from adapters.memory.rate_limit import MemoryRateLimiter
from adapters.memory.storage import MemoryStore
from adapters.offline.interpreter import OfflineInterpreter
from adapters.system.clock import SystemClock
from adapters.system.randomness import SecretsRandom
from tarot_domain.model.ledger import DEFAULT_HOLD_TTL
from tarot_domain.model.products import Catalog, Promotions, default_catalog
from tarot_domain.model.readings import FollowUp, Reading
from tarot_domain.model.safety import Helplines, Support, shipped_helplines
from tarot_domain.model.users import User
from tarot_domain.use_cases.admission import DEFAULT_IN_FLIGHT, Admission
from tarot_domain.use_cases.context import Services, SilentEvents
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.erasure import Erasure, erase_person
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingRequest, ReadingResult, ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.clock import Clock
from tarot_ports.events import EventSink
from tarot_ports.idempotency import IdempotencyStore
from tarot_ports.interpreter import Interpreter, OnDelta
from tarot_ports.payments import PaymentGateway
from tarot_ports.randomness import RandomSource
from tarot_ports.rate_limit import RateLimiter
from tarot_ports.storage import UnitOfWorkFactory


@frozen(kw_only=True)
class Tarot:
    """The use cases and the ports they run on (see `in_memory`)."""

    users: UserService
    credits: CreditService
    readings: ReadingService
    payments: PaymentService
    services: Services
    store: MemoryStore | None
    interpreter: Interpreter
    rate_limiter: RateLimiter
    idempotency: IdempotencyStore

    @property
    def clock(self) -> Clock:
        return self.services.clock

    @property
    def catalog(self) -> Catalog:
        return self.services.catalog

    async def sign_up(
        self, ref: str, *, language: str | None = None, deck: str | None = None, reversals: bool | None = None
    ) -> User:
        """The person behind `ref` (`app:alice`, any `<frontend>:<id>`), signed up on first use with the
        welcome grant (once ever); preferences given here are set for a new person."""
        registration = await self.users.register(ref, language)
        user = registration.user
        if registration.created and (deck is not None or reversals is not None):
            user = await self.users.set_preferences(user.id, deck_id=deck, reversals=reversals)
        return user

    async def read(
        self,
        user_id: str,
        spread: str,
        question: str,
        *,
        key: str,
        deck: str | None = None,
        language: str | None = None,
        reversals: bool | None = None,
        answers: Sequence[str] = (),
        on_delta: OnDelta | None = None,
    ) -> ReadingResult:
        """A reading, charged once per `key` (a retry with the same key returns the first reading).
        A crisis raises `SupportOnly` (its `.support` is the answer); invalid input raises `TarotError`."""
        request = ReadingRequest(user_id, spread, question, key, deck, language, reversals, tuple(answers))
        return await self.readings.request_reading(request, on_delta)

    async def follow_up(
        self, user_id: str, reading_id: str, question: str, *, key: str, on_delta: OnDelta | None = None
    ) -> tuple[Reading, FollowUp]:
        return await self.readings.ask_follow_up(user_id, reading_id, question, key, on_delta)

    async def daily_card(self, user_id: str, today: date | None = None) -> ReadingResult:
        return await self.readings.daily_card(user_id, today or self.clock.now().date())

    async def balance(self, user_id: str) -> int:
        """The credits the person may spend now."""
        return (await self.credits.balance(user_id)).available

    def screen(self, text: str, language: str = "en") -> Support | None:
        """The safety screen's intake for any text a person types (see ReadingService.screen)."""
        return self.readings.screen(text, language)

    async def forget(self, user_id: str) -> Erasure:
        """Stop the person's subscriptions, then erase them (the bot's /forget, the API's DELETE)."""
        return await erase_person(self.users, self.payments, user_id)


def in_memory(
    *,
    uow: UnitOfWorkFactory | None = None,
    clock: Clock | None = None,
    random: RandomSource | None = None,
    interpreter: Interpreter | None = None,
    fallback: Interpreter | None = None,
    payment_gateways: Sequence[PaymentGateway] = (),
    rate_limiter: RateLimiter | None = None,
    idempotency: IdempotencyStore | None = None,
    events: EventSink | None = None,
    catalog: Catalog | None = None,
    promotions: Promotions | None = None,
    helplines: Helplines | None = None,
    hold_ttl: timedelta = DEFAULT_HOLD_TTL,
    in_flight_limit: int = DEFAULT_IN_FLIGHT,
) -> Tarot:
    """A complete service with every port in process; each keyword replaces one port (or setting).
    `in_flight_limit`: readings carried at once before the next is refused as busy (TAROT_MAX_IN_FLIGHT
    of the service; at least 1).

    Defaults: a fresh `MemoryStore`, the system clock, `secrets` randomness, the offline interpreter (also
    the fallback), no payment provider, in-process rate limits and idempotency keys, no event listener,
    the shipped catalog (20 welcome credits, a free daily card), the shipped crisis helplines.
    """
    admission = Admission(in_flight_limit)  # a bad limit is refused before anything is built
    store = MemoryStore() if uow is None else None
    clock = clock or SystemClock()
    chosen = catalog or default_catalog()
    if promotions is not None:
        chosen = evolve(chosen, promotions=promotions)
    services = Services(
        uow=uow or (store.uow if store is not None else MemoryStore().uow),
        clock=clock,
        random=random or SecretsRandom(),
        catalog=chosen,
        hold_ttl=hold_ttl,
        helplines=helplines or shipped_helplines(),
        events=events or SilentEvents(),
    )
    interpreter = interpreter or OfflineInterpreter()
    return Tarot(
        users=UserService(services),
        credits=CreditService(services),
        readings=ReadingService(services, interpreter, fallback or OfflineInterpreter(), admission),
        payments=PaymentService(services, payment_gateways),
        services=services,
        store=store,
        interpreter=interpreter,
        rate_limiter=rate_limiter or MemoryRateLimiter(clock),
        idempotency=idempotency or MemoryIdempotencyStore(clock),
    )
