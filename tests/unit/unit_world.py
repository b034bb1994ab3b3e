"""Hand-written fakes and a ready-made in-memory world for use-case tests (imported by name: a module
named `conftest` is ambiguous once several test folders have one)."""

from __future__ import annotations

from collections.abc import Callable

from attrs import define, field

from adapters.memory.clock import ManualClock
from adapters.memory.events import RecordedEvents
from adapters.memory.randomness import SeededRandom
from adapters.memory.storage import MemoryStore
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.readings import ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.interpreter import InterpretationRequest, OnDelta


@define
class ScriptedInterpreter:
    """Names every card; can be told to fail with any exception, and records what it was asked."""

    label: str = "scripted"
    fail_with: BaseException | None = None
    requests: list[InterpretationRequest] = field(factory=list)
    follow_up_questions: list[str] = field(factory=list)
    follow_up_safety: list[SafetyKind | None] = field(factory=list)
    before_answer: Callable[[], None] | None = None

    @property
    def name(self) -> str:
        return self.label

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        self.requests.append(request)
        if self.before_answer is not None:
            self.before_answer()
        if self.fail_with is not None:
            raise self.fail_with
        lang = request.language
        names = [card_knowledge(c.card_id, request.deck_id, lang).display_name for c in request.cards]
        text = f"[{self.label}] " + "; ".join(names)
        if on_delta is not None:
            for name in names:
                await on_delta(name)
        return Interpretation(
            text=text, interpreter=self.label, model="test-model", prompt_tokens=10, completion_tokens=5
        )

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        self.follow_up_questions.append(question)
        self.follow_up_safety.append(safety)
        if self.fail_with is not None:
            raise self.fail_with
        return Interpretation(text=f"[{self.label}] about {question}", interpreter=self.label)


@define
class World:
    store: MemoryStore
    clock: ManualClock
    services: Services
    interpreter: ScriptedInterpreter
    fallback: ScriptedInterpreter
    users: UserService
    credits: CreditService
    readings: ReadingService
    events: RecordedEvents

    async def new_user(self, ref: str = "telegram:1", credits: int = 0, tier: str | None = None) -> str:
        user = (await self.users.register(ref, "en")).user
        if credits:
            await self.credits.grant(user.id, credits, "test")
        if tier:
            await self.users.set_tier(user.id, tier, None)
        return user.id

    async def available(self, user_id: str) -> int:
        return (await self.credits.balance(user_id)).available


def build_world() -> World:
    from attrs import evolve

    from tarot_domain.model.products import Promotions, default_catalog

    store = MemoryStore()
    clock = ManualClock()
    catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=0))
    events = RecordedEvents()
    services = Services(uow=store.uow, clock=clock, random=SeededRandom(1), catalog=catalog, events=events)
    interpreter = ScriptedInterpreter("primary")
    fallback = ScriptedInterpreter("offline")
    return World(
        store=store,
        clock=clock,
        services=services,
        interpreter=interpreter,
        fallback=fallback,
        users=UserService(services),
        credits=CreditService(services),
        readings=ReadingService(services, interpreter, fallback),
        events=events,
    )
