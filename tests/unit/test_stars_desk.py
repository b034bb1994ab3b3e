"""The Stars desk on the memory store with a hand-written Stars account: reconciliation books what the
messages missed once, money we cannot accept goes back once, Telegram refusing leaves a visible state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from attrs import define, evolve, field

from adapters.memory.clock import ManualClock
from adapters.memory.randomness import SeededRandom
from adapters.memory.storage import MemoryStore
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import PaymentStatus
from tarot_domain.model.products import STARS, Promotions, default_catalog
from tarot_domain.model.users import User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService, RefundStatus
from tarot_domain.use_cases.users import UserService
from tarot_ports.notices import ChargeBooked, ChargeReturned, Notice
from tarot_ports.payments import PaymentSucceeded, ProviderPayment
from tarot_ports.stars import StarsCharge

NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
BUYER = "telegram:42"


@define
class FakeStarsAccount:
    """Telegram's side: the transactions it lists, the refunds it was asked for, and what it answers."""

    listed: list[StarsCharge] = field(factory=list)
    returned: list[str] = field(factory=list)
    refuse: TarotError | None = None

    async def charges(self, since: datetime) -> list[StarsCharge]:
        return [c for c in self.listed if c.at >= since]

    async def refund(self, buyer: User, charge_id: str) -> bool:
        if self.refuse is not None:
            raise self.refuse
        if buyer.external_ref is None:
            return False
        self.returned.append(charge_id)
        return True


@define
class Told:
    notices: list[tuple[str, Notice]] = field(factory=list)

    async def notify(self, user: User, notice: Notice) -> bool:
        self.notices.append((user.id, notice))
        return True


class World:
    def __init__(self) -> None:
        self.store = MemoryStore()
        self.clock = ManualClock(NOW)
        catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=0))
        self.services = Services(
            uow=self.store.uow, clock=self.clock, random=SeededRandom(3), catalog=catalog
        )
        self.payments = PaymentService(self.services)
        self.credits = CreditService(self.services)
        self.account = FakeStarsAccount()
        self.told = Told()

    async def buyer(self) -> User:
        return (await UserService(self.services).register(BUYER, "en")).user

    async def order(self, user: User, product: str = "starter") -> str:
        return (await self.payments.create_order(user.id, product, STARS)).id

    async def paid(self, order_id: str, charge: str, amount: int = 150) -> None:
        facts = ProviderPayment(STARS, order_id, charge, amount, "XTR")
        await self.payments.apply(PaymentSucceeded(STARS, f"tg:{charge}", facts))

    def charge(self, charge: str, order_id: str, hours_ago: int, **more: object) -> StarsCharge:
        return StarsCharge(charge, order_id, BUYER, 150, NOW - timedelta(hours=hours_ago), **more)  # type: ignore[arg-type]

    async def reconcile(self) -> dict[str, int]:
        return await self.payments.stars.reconcile(self.account, NOW - timedelta(days=7), self.told)

    async def available(self, user: User) -> int:
        return (await self.credits.balance(user.id)).available


async def test_a_double_charge_is_returned_once_whoever_runs_and_however_often() -> None:
    w = World()
    user = await w.buyer()
    order = await w.order(user)
    await w.paid(order, "stxA1")
    await w.paid(order, "stxA2")  # a second pre-checkout slipped through
    assert await w.available(user) == 50
    first = await w.payments.stars.return_money(w.account.refund, w.told)
    second = await w.payments.stars.return_money(w.account.refund, w.told)
    assert (first["returned"], second["returned"]) == (1, 0) and w.account.returned == ["stxA2"]
    # Telegram then lists both charges and the refund: nothing is booked or returned again.
    w.account.listed = [
        w.charge("stxA1", order, 5), w.charge("stxA2", order, 4), w.charge("stxA2", order, 3, refunded=True),
    ]  # fmt: skip
    counts = await w.reconcile()
    assert counts == {"listed": 3, "booked": 0, "flagged": 0}
    assert w.account.returned == ["stxA2"] and await w.available(user) == 50
    ((_, notice),) = w.told.notices
    assert notice == ChargeReturned(order, 150, "already_paid", 0)
    assert (await w.credits.check()).ok


async def test_a_missed_charge_and_a_missed_refund_are_booked_once_and_the_buyer_told() -> None:
    w = World()
    user = await w.buyer()
    kept, refunded = await w.order(user), await w.order(user)
    await w.paid(refunded, "stxR")  # booked live; Telegram refunded it without a message reaching us
    w.account.listed = [
        w.charge("stxK", kept, 6), w.charge("stxR", refunded, 9),
        w.charge("stxR", refunded, 2, refunded=True), w.charge("stxX", "ord_from_another_bot", 1),
    ]  # fmt: skip
    counts = await w.reconcile()
    assert counts == {"listed": 4, "booked": 1, "flagged": 0, "refunds": 1, "unknown": 1}
    assert await w.available(user) == 50  # the missed pack; the refunded one's credits went back
    assert w.told.notices == [(user.id, ChargeBooked(kept, 50))]
    again = await w.reconcile()
    assert (again["booked"], again.get("refunds", 0)) == (0, 0) and await w.available(user) == 50
    assert (await w.credits.check()).ok


async def test_telegram_refusing_a_refund_flags_the_money_and_is_not_asked_again() -> None:
    w = World()
    user = await w.buyer()
    order = await w.order(user)
    await w.paid(order, "stxA1")
    await w.paid(order, "stxA2", amount=90)  # another amount than the order's
    w.account.refuse = TarotError(ErrorKind.PAYMENT, "CHARGE_NOT_FOUND: too late", retryable=False)
    assert (await w.payments.stars.return_money(w.account.refund))["refused"] == 1
    (flagged,) = await w.payments.flagged()
    assert flagged.id == f"{order}/stxA2" and flagged.status is PaymentStatus.REFUND_FAILED
    assert "CHARGE_NOT_FOUND" in (flagged.flag or "") and flagged.refund_request is None
    assert (await w.payments.stars.return_money(w.account.refund)) == {}  # nothing waits any more
    granted = await w.payments.decide(flagged.id, True, "the buyer keeps the credits")
    assert granted.credits_granted == 50 and await w.available(user) == 100
    assert (await w.credits.check()).ok


async def test_telegram_unreachable_leaves_the_refund_waiting_for_the_next_run() -> None:
    w = World()
    user = await w.buyer()
    order = await w.order(user)
    await w.paid(order, "stxA1")
    await w.paid(order, "stxA2")
    w.account.refuse = TarotError(ErrorKind.PAYMENT, "connection reset", retryable=True)
    assert (await w.payments.stars.return_money(w.account.refund))["waiting"] == 1
    assert await w.payments.flagged() != [] and w.account.returned == []
    w.account.refuse = None
    assert (await w.payments.stars.return_money(w.account.refund))["returned"] == 1
    assert w.account.returned == ["stxA2"] and await w.payments.flagged() == []


async def test_an_operator_refund_is_requested_then_carried_out_with_its_claw_back() -> None:
    w = World()
    user = await w.buyer()
    order = await w.order(user)
    await w.paid(order, "stxA1")
    asked = await w.payments.refund_order(order, "asked by the buyer")  # the CLI: no Telegram here
    assert asked.status is RefundStatus.REQUESTED and asked.payment.refund_request == "asked by the buyer"
    again = await w.payments.refund_order(order, "asked twice")  # a second request changes nothing
    assert again.payment.refund_request == "asked by the buyer"
    counts = await w.payments.stars.return_money(w.account.refund, w.told)  # the bot's job
    assert counts["returned"] == 1 and w.account.returned == ["stxA1"] and await w.available(user) == 0
    ((_, notice),) = w.told.notices
    assert notice == ChargeReturned(order, 150, "requested", 50)
    async with w.store.uow() as uow:
        stored = await uow.payments.get(order)
    assert stored is not None and stored.status is PaymentStatus.REFUNDED and stored.refund_request is None
    assert (await w.credits.check()).ok


async def test_a_buyer_who_was_forgotten_cannot_be_refunded_and_an_operator_sees_it() -> None:
    w = World()
    user = await w.buyer()
    order = await w.order(user)
    await w.paid(order, "stxA1")
    await w.paid(order, "stxA2")
    await UserService(w.services).forget(user.id)
    assert (await w.payments.stars.return_money(w.account.refund))["refused"] == 1
    (flagged,) = await w.payments.flagged()
    assert "no Telegram account" in (flagged.flag or "") and w.account.returned == []
