"""A recording Outbox and a ready-made bot over the memory adapters, for the dialog tests.

Imported by name (not a conftest), so it never clashes with another folder's conftest module.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from attrs import define, evolve, field

from adapters.memory.clock import ManualClock
from adapters.memory.dedup import MemoryDeduplicator
from adapters.memory.randomness import SeededRandom
from adapters.memory.rate_limit import MemoryRateLimiter
from adapters.memory.sessions import MemorySessionStore
from adapters.memory.storage import MemoryStore
from adapters.telegram.dialog import Dialog, DialogConfig
from adapters.telegram.dialog.help import command_of
from adapters.telegram.events import (
    Button,
    IncomingCallback,
    IncomingMessage,
    Invoice,
    PreCheckoutQuery,
    RefundedPayment,
    Reply,
    Sender,
    SuccessfulPayment,
)
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.products import Promotions, default_catalog
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind
from tarot_domain.model.users import User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.interpreter import InterpretationRequest, OnDelta
from tarot_ports.payments import PaymentGateway
from tarot_ports.rate_limit import DEFAULT_LIMITS, RateLimit
from tarot_ports.renderer import SpreadRenderer
from tarot_ports.storage import UnitOfWork

USER = 111
OTHER = 222
ADMIN = 999
READ_FOR = ("Read for ", "Розкласти за ")  # the offer's first button, in English and Ukrainian
GENEROUS: Mapping[str, RateLimit] = {
    name: RateLimit(rate=1000, period=1, burst=1000) for name in DEFAULT_LIMITS
}


def listed(text: str) -> dict[str, str]:
    """The commands a /help text lists, each with its line."""
    return {name: line for line in text.split("\n") if (name := command_of(line)) is not None}


def long_reading(label: str, names: list[str], sections: int) -> str:
    """A reading in the markup as an LLM writes a long one: `## ` sections of paragraphs, names in bold."""
    blocks = []
    for number in range(sections):
        name = names[number % len(names)]
        paragraph = f"[{label}] **{name}** " + "stands for a long stretch of patient work. " * 16
        blocks.append(f"## Part {number + 1}\n\n{paragraph.strip()}\n\n{paragraph.strip()}")
    return "\n\n".join(blocks)


@define
class StreamingInterpreter:
    """Names every card, streaming each name; can be told to fail."""

    label: str = "scripted"
    fail: bool = False
    requests: list[InterpretationRequest] = field(factory=list)
    follow_ups: list[str] = field(factory=list)
    sections: int = 0  # > 0: write that many long `## ` sections (about 1,500 characters each) instead
    pauses: int = 0  # event-loop turns to yield before each streamed piece (a slower writer)

    @property
    def name(self) -> str:
        return self.label

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        self.requests.append(request)
        if self.fail:
            raise RuntimeError("the reader is down")
        lang = request.language
        names = [card_knowledge(c.card_id, request.deck_id, lang).display_name for c in request.cards]
        if on_delta is not None:
            for name in names:
                for _ in range(self.pauses):
                    await asyncio.sleep(0)
                await on_delta(name + " ")
        if self.sections:
            return Interpretation(text=long_reading(self.label, names, self.sections), interpreter=self.label)
        return Interpretation(text=f"[{self.label}] " + "; ".join(names), interpreter=self.label)

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        self.follow_ups.append(question)
        if self.fail:
            raise RuntimeError("the reader is down")
        if on_delta is not None:
            await on_delta("about ")
        return Interpretation(text=f"[{self.label}] about {question}", interpreter=self.label)


@define
class Message:
    chat_id: int
    message_id: int
    reply: Reply
    edits: int = 0


class RecordingOutbox:
    """The Outbox port, recording everything; message ids count up from 100."""

    def __init__(self) -> None:
        self.messages: dict[int, Message] = {}
        self.callback_answers: list[tuple[int, str | None, bool]] = []
        self.pre_checkout_answers: list[tuple[int, bool, str | None]] = []
        self.invoices: list[tuple[int, Invoice, int]] = []
        self.links: list[Invoice] = []  # subscription invoices exported as links
        self.unreachable: set[int] = set()  # chats that blocked the bot
        self.typed: list[int] = []
        self.deltas: dict[int, list[str]] = {}
        self.refunds: list[tuple[int, str]] = []
        self.stars_subscriptions: set[str] = set()  # charges that started a renewing Stars subscription
        self.cancelled_subscriptions: list[tuple[int, str]] = []
        self.fail_cancel: Exception | None = None
        self.fail_refund: Exception | None = None
        self.deleted: list[Message] = []
        self._next = 100

    def _new_id(self) -> int:
        self._next += 1
        return self._next

    async def send(self, chat_id: int, reply: Reply) -> int:
        message_id = self._new_id()
        self.messages[message_id] = Message(chat_id, message_id, reply)
        return message_id

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        message = self.messages[message_id]
        assert message.chat_id == chat_id
        message.reply, message.edits = reply, message.edits + 1

    async def delete(self, chat_id: int, message_id: int) -> None:
        message = self.messages.pop(message_id)
        assert message.chat_id == chat_id
        self.deleted.append(message)

    async def answer_callback(self, query_id: int, text: str | None = None, alert: bool = False) -> None:
        self.callback_answers.append((query_id, text, alert))

    async def answer_pre_checkout(self, query_id: int, ok: bool, error: str | None = None) -> None:
        self.pre_checkout_answers.append((query_id, ok, error))

    async def send_invoice(self, chat_id: int, invoice: Invoice) -> int:
        message_id = self._new_id()
        self.invoices.append((chat_id, invoice, message_id))
        return message_id

    async def invoice_link(self, invoice: Invoice) -> str:
        self.links.append(invoice)
        return f"https://t.me/$stars-invoice-{len(self.links)}"

    async def notify(self, chat_id: int, reply: Reply) -> bool:
        if chat_id in self.unreachable:
            return False
        await self.send(chat_id, reply)
        return True

    async def typing(self, chat_id: int) -> None:
        self.typed.append(chat_id)

    def streamer(self, chat_id: int, message_id: int) -> OnDelta:
        async def on_delta(text: str) -> None:
            assert message_id in self.messages
            self.deltas.setdefault(message_id, []).append(text)

        return on_delta

    async def refund_stars(self, user_id: int, telegram_payment_charge_id: str) -> None:
        if self.fail_refund is not None:
            raise self.fail_refund
        self.refunds.append((user_id, telegram_payment_charge_id))

    async def cancel_stars_subscription(self, user_id: int, telegram_payment_charge_id: str) -> bool:
        """Telegram's answer: True for a charge in `stars_subscriptions` (then it is gone), else False."""
        if self.fail_cancel is not None:
            raise self.fail_cancel
        self.cancelled_subscriptions.append((user_id, telegram_payment_charge_id))
        if telegram_payment_charge_id in self.stars_subscriptions:
            self.stars_subscriptions.discard(telegram_payment_charge_id)
            return True
        return False

    # ---------------------------------------------------------------- reading what was said

    def in_chat(self, chat_id: int) -> list[Message]:
        return [m for m in self.messages.values() if m.chat_id == chat_id]

    def last(self, chat_id: int = USER) -> Message:
        return self.in_chat(chat_id)[-1]

    def text(self, chat_id: int = USER) -> str:
        return self.last(chat_id).reply.text

    def all_text(self, chat_id: int = USER) -> str:
        return "\n---\n".join(m.reply.text for m in self.in_chat(chat_id))

    def find_button(self, label_part: str, chat_id: int = USER) -> tuple[Message, Button]:
        """The newest button whose label contains `label_part`."""
        for message in reversed(self.in_chat(chat_id)):
            for row in message.reply.buttons:
                for button in row:
                    if label_part in button.label:
                        return message, button
        raise AssertionError(f"no button {label_part!r}; labels: {self.labels(chat_id)}")

    def labels(self, chat_id: int = USER) -> list[str]:
        return [b.label for m in self.in_chat(chat_id) for row in m.reply.buttons for b in row]


class _DownUnitOfWork:
    """What opening a unit of work does while the database is down: the adapter's retryable error."""

    async def __aenter__(self) -> Any:
        raise TarotError(ErrorKind.DATABASE, "postgres 08006: connection refused", retryable=True)

    async def __aexit__(self, *exc: object) -> None:
        return None


class Outage:
    """A switch in front of a store's units of work: while `down`, or for the next `fail_next(n)`
    openings, a unit of work fails to open exactly as one does when the database is unreachable."""

    def __init__(self, factory: Callable[[], UnitOfWork]) -> None:
        self._factory = factory
        self.down = False
        self._failures = 0
        self.refused = 0

    def fail_next(self, count: int) -> None:
        self._failures = count

    def __call__(self) -> UnitOfWork:
        if self.down or self._failures > 0:
            self._failures = max(self._failures - 1, 0)
            self.refused += 1
            return _DownUnitOfWork()  # type: ignore[return-value]
        return self._factory()


class UnreachableRedis:
    """The Deduplicator and SessionStore ports while Redis is down: every call fails, retryable, as the
    Redis adapters report a refused connection. Counts the calls, so a test can say none were made."""

    def __init__(self) -> None:
        self.calls = 0

    def _refuse(self) -> TarotError:
        self.calls += 1
        return TarotError(ErrorKind.DATABASE, "redis: Error 111 connecting: refused", retryable=True)

    async def first_time(self, namespace: str, item_id: str, ttl_seconds: int) -> bool:
        raise self._refuse()

    async def load(self, key: str) -> dict[str, Any] | None:
        raise self._refuse()

    async def save(self, key: str, state: Any, ttl_seconds: int | None = None) -> None:
        raise self._refuse()

    async def delete(self, key: str) -> None:
        raise self._refuse()


class Bot:
    """A Dialog over the memory adapters, with a clock that stands still and generous limits.
    `bot.outage` takes the database down; `redis=UnreachableRedis()` runs it with Redis down."""

    def __init__(
        self,
        *,
        config: DialogConfig | None = None,
        welcome: int = 20,
        daily: bool = True,
        gateways: Sequence[PaymentGateway] = (),
        limits: Mapping[str, RateLimit] = GENEROUS,
        dialog_type: type[Dialog] = Dialog,
        redis: UnreachableRedis | None = None,
        renderer: SpreadRenderer | None = None,
        **config_changes: Any,
    ) -> None:
        self.store = MemoryStore()
        self.outage = Outage(self.store.uow)
        self.clock = ManualClock()
        catalog = evolve(
            default_catalog(), promotions=Promotions(welcome_credits=welcome, daily_free_card=daily)
        )
        self.services = Services(uow=self.outage, clock=self.clock, random=SeededRandom(1), catalog=catalog)
        self.interpreter = StreamingInterpreter("primary")
        self.fallback = StreamingInterpreter("offline")
        self.users = UserService(self.services)
        self.credits = CreditService(self.services)
        self.readings = ReadingService(self.services, self.interpreter, self.fallback)
        self.payments = PaymentService(self.services, gateways)
        self.sessions: Any = redis or MemorySessionStore(self.clock)
        self.limiter = MemoryRateLimiter(self.clock)
        self.dedup: Any = redis or MemoryDeduplicator(self.clock)
        base = config or DialogConfig(
            admin_ids=frozenset({ADMIN}), limits=limits, payment_retry_delays=(0.0, 0.0, 0.0)
        )
        self.config = evolve(base, **config_changes)
        self.dialog = dialog_type(
            users=self.users,
            readings=self.readings,
            credits=self.credits,
            payments=self.payments,
            sessions=self.sessions,
            rate_limiter=self.limiter,
            dedup=self.dedup,
            clock=self.clock,
            catalog=catalog,
            config=self.config,
            random=SeededRandom(2),
            renderer=renderer,
        )
        self.out = RecordingOutbox()
        self.update_id = 0
        self.query_id = 5000

    def next_update(self) -> int:
        self.update_id += 1
        return self.update_id

    async def say(
        self, text: str, user: int = USER, lang: str | None = "en", name: str | None = "Ann"
    ) -> None:
        update = self.next_update()
        await self.dialog.handle(
            IncomingMessage(
                update, chat_id=user, sender=Sender(user, lang, name), text=text, message_id=update
            ),
            self.out,
        )

    def sessions_dump(self) -> list[str]:
        """Every session state and button token the dialog keeps in process, as stored (JSON text)."""
        entries = getattr(self.sessions, "_entries", {})
        return [text for _, _, text in entries.values()]

    async def ask(self, text: str, user: int = USER, lang: str | None = "en") -> None:
        """Type a question and take the reading offered for it (only that press charges)."""
        await self.say(text, user=user, lang=lang)
        offer = self.out.last(user)
        (read,) = offer.reply.buttons[0] if offer.reply.buttons else (None,)
        assert read is not None and read.label.startswith(READ_FOR), f"no offer: {offer.reply.text!r}"
        await self.click(read.token.encode(), offer.message_id, user)

    async def click(self, data: bytes, message_id: int = 0, user: int = USER, chat: int | None = None) -> int:
        """Press raw callback data; asserts the query was answered exactly once. Returns the query id."""
        self.query_id += 1
        query = self.query_id
        await self.dialog.handle(
            IncomingCallback(
                self.next_update(), chat_id=user if chat is None else chat, sender=Sender(user, "en"),
                message_id=message_id, query_id=query, data=data,
            ),
            self.out,
        )  # fmt: skip
        answers = [a for a in self.out.callback_answers if a[0] == query]
        assert len(answers) == 1, f"callback {query} answered {len(answers)} times"
        return query

    async def press(self, label_part: str, user: int = USER) -> int:
        message, button = self.out.find_button(label_part, user)
        return await self.click(button.token.encode(), message.message_id, user)

    def answer_of(self, query: int) -> tuple[str | None, bool]:
        (answer,) = [(text, alert) for q, text, alert in self.out.callback_answers if q == query]
        return answer

    async def pre_checkout(self, payload: str, amount: int, currency: str = "XTR", user: int = USER) -> bool:
        self.query_id += 1
        query = self.query_id
        await self.dialog.handle(
            PreCheckoutQuery(self.next_update(), Sender(user, "en"), query, payload, currency, amount),
            self.out,
        )
        answers = [a for a in self.out.pre_checkout_answers if a[0] == query]
        assert len(answers) == 1, f"pre-checkout {query} answered {len(answers)} times"
        return answers[0][1]

    async def paid(
        self, payload: str, amount: int, charge: str = "charge-1", currency: str = "XTR", user: int = USER,
        *, first: bool = False, renewal: bool = False, until: datetime | None = None,
    ) -> None:  # fmt: skip
        """Telegram's successful payment; `first`/`renewal` for a Stars subscription's payments."""
        await self.dialog.handle(
            SuccessfulPayment(
                self.next_update(), user, Sender(user, "en"), payload, currency, amount, charge,
                recurring_init=first, recurring_used=first or renewal, subscription_until=until,
            ),
            self.out,
        )

    async def refunded(self, payload: str, amount: int, charge: str, user: int = USER) -> None:
        """Telegram's service message that the Stars payment `charge` was refunded."""
        await self.dialog.handle(
            RefundedPayment(self.next_update(), user, Sender(user, "en"), payload, "XTR", amount, charge),
            self.out,
        )

    async def user(self, tg: int = USER) -> User:
        return await self.users.find(f"telegram:{tg}")

    async def available(self, tg: int = USER) -> int:
        return (await self.credits.balance((await self.user(tg)).id)).available

    async def spent(self, tg: int = USER) -> int:
        """What the person's stored readings and follow-ups cost, in total."""
        user = await self.user(tg)
        readings, _ = await self.readings.history(user.id, limit=10_000)
        return sum(r.cost + sum(f.cost for f in r.follow_ups) for r in readings)


async def bought(bot: Bot, product_label: str = "Starter pack") -> tuple[str, int]:
    """Open /buy, press a product and return the invoice's (payload, amount): a pack's invoice message,
    or a subscription's exported link."""
    await bot.say("/buy")
    links = len(bot.out.links)
    await bot.press(product_label)
    if len(bot.out.links) > links:
        invoice = bot.out.links[-1]
        return invoice.payload, invoice.amount
    _, invoice, _ = bot.out.invoices[-1]
    return invoice.payload, invoice.amount
