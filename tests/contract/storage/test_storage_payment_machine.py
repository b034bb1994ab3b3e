"""Random sequences of provider events against a small model of the money, on every backend.

One buyer has a Stripe pack (120 credits for 599 USD) and a Telegram Stars pack (50 credits for 150 ⭐).
Hypothesis draws what Stripe will say about the card payment: partial and full refunds, and up to two
disputes, each an inquiry or a chargeback with its own path (opened, escalated, under review, won, lost,
`warning_closed`). Then it delivers that news in any order, each piece any number of times, under its
own event id or a new one (Stripe reports one escalation as several events), interleaved with Telegram
Stars news (the charge, a second charge for the paid order, their refunds, the operator's decision on
the flagged one, the second charge returned to the buyer by the Stars desk), a Stars subscription's
payments (its first, its renewals in any order, each under Telegram's period end, refunds, the renewal
stopped through /subscription), other credits and spending (so claw-backs fall short).

The model knows only what was delivered: the money refunded, each dispute's furthest status, which
Stars charge came first. From that alone it says what each payment still pays for. After every step:
- the credits each payment leaves with the buyer (its grant − claw-backs + restores, read from the
  ledger) are never below what it pays for and exceed it by no more than its claw-backs' shortfall
  (credits the buyer had already spent), so with nothing spent they are exactly what it pays for;
- the buyer's purchases are frozen exactly while a dispute is open or lost;
- the tier runs to the latest period end of the subscription payments that arrived, and the renewal
  is stopped exactly when it was stopped; no charge is ever returned to the buyer twice;
- `CreditService.check()` (what `tarot admin check` runs) finds nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from attrs import define, evolve, field
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from adapters.memory.clock import ManualClock
from adapters.memory.randomness import SeededRandom
from tarot_domain.model.ledger import REVENUE_READINGS, TransferKind, TransferRequest, user_account
from tarot_domain.model.products import STARS, STRIPE, Promotions, default_catalog
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.users import UserService
from tarot_ports.payments import (
    DisputeUpdated,
    PaymentRefunded,
    PaymentSucceeded,
    ProviderEvent,
    ProviderPayment,
)

pytestmark = pytest.mark.contract

T = TypeVar("T")
EXAMPLES = {"memory": 300, "sqlite": 12, "postgres": 12}
CLOSED_WITHOUT_CHARGEBACK = {"won", "warning_closed"}
WITHDRAWING = {"needs_response", "under_review", "lost"}
PATHS = (
    ("warning_needs_response",),
    ("warning_needs_response", "warning_closed"),
    ("warning_needs_response", "warning_under_review", "warning_closed"),
    ("warning_needs_response", "needs_response", "won"),
    ("warning_needs_response", "needs_response", "under_review", "lost"),
    ("needs_response",),
    ("needs_response", "won"),
    ("needs_response", "under_review", "won"),
    ("needs_response", "lost"),
)
CARD_AMOUNT, CARD_CREDITS = 599, 120  # the "basic" pack in USD
STARS_CREDITS = 50  # the "starter" pack
SUB_AMOUNT, SUB_CREDITS = 250, 150  # the "tier-basic" subscription in Stars
PERIOD = timedelta(seconds=2592000)
SUB_CHARGES = ("tg_s0", "tg_s1", "tg_s2")  # its first payment, then renewals


@define
class News:
    """One thing Stripe will say; `step` orders a dispute's path (-1 for anything else)."""

    event: ProviderEvent
    dispute: str = ""
    step: int = -1


@define
class Model:
    """What was delivered, and what it means for the money."""

    paths: dict[str, tuple[tuple[str, ...], int]] = field(factory=dict)  # id → (path, amount)
    card_paid: bool = False
    refunded: int = 0
    steps: dict[str, set[int]] = field(factory=dict)
    stars_charges: list[str] = field(factory=list)  # in the order they first arrived
    stars_refunded: set[str] = field(factory=set)
    second_granted: bool = False
    second_returned: bool = False
    sub_until: dict[str, datetime] = field(factory=dict)  # subscription charges delivered → period end
    sub_refunded: set[str] = field(factory=set)
    stopped: bool = False

    def sub_pays_for(self, charge: str) -> int:
        return SUB_CREDITS if charge in self.sub_until and charge not in self.sub_refunded else 0

    def status(self, dispute: str) -> str | None:
        """The furthest step delivered (a path's steps only ever move on, its closing last)."""
        path, _ = self.paths[dispute]
        seen = self.steps.get(dispute, set())
        return path[max(seen)] if seen else None

    def card_pays_for(self) -> int:
        if not self.card_paid:
            return 0
        chargeback = max(
            (amount for d, (_, amount) in self.paths.items() if self.status(d) in WITHDRAWING), default=0
        )
        gone = min(CARD_AMOUNT, self.refunded + chargeback)
        return CARD_CREDITS - CARD_CREDITS * gone // CARD_AMOUNT

    def stars_pays_for(self, charge: str) -> int:
        if charge not in self.stars_charges or charge in self.stars_refunded:
            return 0
        first = self.stars_charges[0] == charge
        return STARS_CREDITS if first or self.second_granted else 0

    def frozen(self) -> bool:
        statuses = [self.status(d) for d in self.paths]
        return any(s is not None and s not in CLOSED_WITHOUT_CHARGEBACK for s in statuses)


class PaymentMachine(RuleBasedStateMachine):
    def __init__(self, runner: asyncio.Runner, backend: Any, make: Any) -> None:
        super().__init__()
        self.runner, self.backend, self.make = runner, backend, make
        runner.run(backend.reset())
        self.clock = ManualClock(make.now)
        catalog = evolve(default_catalog(), promotions=Promotions(welcome_credits=0))
        self.services = Services(uow=backend.uow, clock=self.clock, random=SeededRandom(7), catalog=catalog)
        self.payments = PaymentService(self.services)
        self.credits = CreditService(self.services)
        self.user_id = self._run(UserService(self.services).register("telegram:7", "en")).user.id
        self.card = self._run(self.payments.create_order(self.user_id, "basic", STRIPE, "USD"))
        self.stars = self._run(self.payments.create_order(self.user_id, "starter", STARS))
        self.sub = self._run(self.payments.create_order(self.user_id, "tier-basic", STARS))
        self.returned: list[str] = []  # charges the Stars desk asked Telegram to return
        self.model = Model()
        self.news: list[News] = []
        self.spent = 0
        self.counter = 0

    def _run(self, work: Awaitable[T]) -> T:
        return self.runner.run(work)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ what Stripe will say

    @initialize(
        refunds=st.lists(st.integers(1, CARD_AMOUNT), max_size=2, unique=True),
        disputes=st.lists(st.tuples(st.sampled_from(PATHS), st.integers(1, CARD_AMOUNT)), max_size=2),
    )
    def plan(self, refunds: list[int], disputes: list[tuple[tuple[str, ...], int]]) -> None:
        facts = ProviderPayment(STRIPE, self.card.id, "pi_card", CARD_AMOUNT, "USD")
        self.news.append(News(PaymentSucceeded(STRIPE, "evt_paid", facts)))
        for n, total in enumerate(sorted(refunds)):
            self.news.append(News(PaymentRefunded(STRIPE, f"evt_refund_{n}", "pi_card", total, facts)))
        for n, (path, amount) in enumerate(disputes):
            dispute_id = f"dp_{n}"
            self.model.paths[dispute_id] = (path, amount)
            for step, status in enumerate(path):
                event = DisputeUpdated(
                    STRIPE, f"evt_{dispute_id}_{step}", "pi_card", dispute_id, status, amount, facts
                )
                self.news.append(News(event, dispute_id, step))

    # ------------------------------------------------------------------ delivering it, in any order

    @rule(pick=st.integers(0, 99), new_id=st.booleans())
    def deliver(self, pick: int, new_id: bool) -> None:
        news = self.news[pick % len(self.news)]
        event = news.event
        if new_id:  # the same news under another event id (say, funds_withdrawn after .updated)
            self.counter += 1
            event = evolve(event, event_id=f"{event.event_id}_again_{self.counter}")
        self._run(self.payments.apply(event))
        self.model.card_paid = True  # every piece of news carries the payment's facts
        if isinstance(event, PaymentRefunded):
            self.model.refunded = max(self.model.refunded, event.refunded_total)
        if news.dispute:
            self.model.steps.setdefault(news.dispute, set()).add(news.step)

    @rule(charge=st.sampled_from(["tg_a", "tg_b"]))
    def stars_payment(self, charge: str) -> None:
        """Telegram's successful payment; the second charge for the order is flagged, not granted."""
        facts = ProviderPayment(STARS, self.stars.id, charge, self.stars.amount, "XTR")
        self._run(self.payments.apply(PaymentSucceeded(STARS, f"tg:{charge}", facts)))
        if charge not in self.model.stars_charges:
            self.model.stars_charges.append(charge)

    @precondition(lambda self: bool(self.model.stars_charges))
    @rule(data=st.data())
    def stars_refund(self, data: st.DataObject) -> None:
        charge = data.draw(st.sampled_from(self.model.stars_charges))
        self._run(self.payments.apply(PaymentRefunded(STARS, f"refund:{charge}", charge, self.stars.amount)))
        self.model.stars_refunded.add(charge)

    @precondition(lambda self: len(self.model.stars_charges) == 2)
    @rule(grant=st.booleans())
    def operator_decides(self, grant: bool) -> None:
        flagged = [p.id for p in self._run(self.payments.flagged())]
        second = f"{self.stars.id}/{self.model.stars_charges[1]}"
        if second not in flagged:
            return  # decided before
        self._run(self.payments.decide(second, grant, "machine"))
        self.model.second_granted = grant

    @precondition(lambda self: len(self.model.stars_charges) == 2)
    @rule()
    def stars_desk_returns_money(self) -> None:
        """The Stars desk carries out the refunds that wait: the second charge, unless an operator
        granted it (a grant calls the refund off) or it went back already."""

        async def refund(buyer: Any, charge: str) -> bool:
            self.returned.append(charge)
            return True

        self._run(self.payments.stars.return_money(refund))
        second = self.model.stars_charges[1]
        if not self.model.second_granted and second not in self.model.stars_refunded:
            self.model.stars_refunded.add(second)
            self.model.second_returned = True

    # ------------------------------------------------------------------ a Stars subscription

    @rule(n=st.integers(0, len(SUB_CHARGES) - 1))
    def subscription_payment(self, n: int) -> None:
        """Its first payment (`recurring_init`) or a renewal (`recurring_used`), in any order, each
        dated by Telegram; a renewal after the renewal was stopped is still money that arrived."""
        charge, until = SUB_CHARGES[n], self.make.now + PERIOD * (n + 1)
        facts = ProviderPayment(
            STARS, self.sub.id, charge, SUB_AMOUNT, "XTR", invoice_id=charge, first_period=n == 0,
            period_end=until,
        )  # fmt: skip
        self._run(self.payments.apply(PaymentSucceeded(STARS, f"tg:{charge}", facts)))
        self.model.sub_until.setdefault(charge, until)

    @precondition(lambda self: bool(self.model.sub_until))
    @rule(data=st.data())
    def subscription_refund(self, data: st.DataObject) -> None:
        charge = data.draw(st.sampled_from(sorted(self.model.sub_until)))
        self._run(self.payments.apply(PaymentRefunded(STARS, f"refund:{charge}", charge, SUB_AMOUNT)))
        self.model.sub_refunded.add(charge)

    @rule()
    def subscription_stopped(self) -> None:
        """/subscription's stop: only a subscription whose first payment arrived can be stopped."""

        async def cancel(buyer: Any, charge: str) -> bool:
            return True

        stopped = self._run(self.payments.stop_renewals(self.user_id, cancel))
        live = SUB_CHARGES[0] in self.model.sub_until and not self.model.stopped
        assert [o.id for o in stopped] == ([self.sub.id] if live else [])
        self.model.stopped = self.model.stopped or live

    # ------------------------------------------------------------------ the buyer's other credits

    @rule(amount=st.integers(1, 40))
    def grant(self, amount: int) -> None:
        self._run(self.credits.grant(self.user_id, amount, "other credits"))

    @rule(amount=st.integers(1, 60))
    def spend(self, amount: int) -> None:
        """A reading paid from whatever the buyer has (skipped when they cannot afford it)."""
        available = self._run(self.credits.balance(self.user_id)).available
        if available < amount:
            return
        self.counter += 1
        hold = f"hold:spend-{self.counter}"

        async def read() -> None:
            async with self.backend.uow() as uow:
                request = TransferRequest(
                    hold, user_account(self.user_id), REVENUE_READINGS, amount, TransferKind.READING,
                    reference="reading",
                )  # fmt: skip
                await uow.ledger.submit(request, self.clock.now())
                reading = self.make.reading(
                    f"r{self.counter}", self.user_id, f"k{self.counter}", hold_id=hold, cost=amount
                )
                await uow.readings.add(reading)
                await uow.commit()

        self._run(read())
        self.spent += amount

    # ------------------------------------------------------------------ what must hold

    def _position(self, payment_id: str) -> tuple[int, int]:
        """(credits the payment left with the buyer, shortfall of its claw-backs), from the ledger."""

        async def read() -> list[Any]:
            async with self.backend.uow() as uow:
                return await uow.ledger.history(user_account(self.user_id), limit=10_000)

        held = shortfall = 0
        for t in self._run(read()):
            if t.reference != payment_id:
                continue
            if t.kind in (TransferKind.PURCHASE, TransferKind.SUBSCRIPTION, TransferKind.RESTORE):
                held += t.amount
            elif t.kind is TransferKind.CLAWBACK:
                held -= t.amount
                shortfall += t.requested - t.amount
        return held, shortfall

    @invariant()
    def credits_follow_what_each_payment_pays_for(self) -> None:
        first_charge = self.model.stars_charges[:1]
        expected = {
            self.card.id: self.model.card_pays_for(),
            self.stars.id: self.model.stars_pays_for(first_charge[0]) if first_charge else 0,
        }
        if len(self.model.stars_charges) == 2:
            second = self.model.stars_charges[1]
            expected[f"{self.stars.id}/{second}"] = self.model.stars_pays_for(second)
        for n, charge in enumerate(SUB_CHARGES):
            if charge in self.model.sub_until:
                payment_id = self.sub.id if n == 0 else f"{self.sub.id}/{charge}"
                expected[payment_id] = self.model.sub_pays_for(charge)
        for payment_id, pays_for in expected.items():
            held, shortfall = self._position(payment_id)
            assert pays_for <= held <= pays_for + shortfall, (payment_id, held, pays_for, shortfall)
            if self.spent == 0:
                assert held == pays_for, (payment_id, held, pays_for)

    @invariant()
    def purchases_frozen_while_a_dispute_is_open(self) -> None:
        user = self._run(UserService(self.services).find("telegram:7"))
        assert user.purchases_frozen == self.model.frozen()

    @invariant()
    def the_tier_follows_the_subscriptions_periods(self) -> None:
        user = self._run(UserService(self.services).find("telegram:7"))
        ends = self.model.sub_until.values()
        assert user.tier_until == (max(ends) if ends else None)
        assert user.tier_id == ("tier-basic" if ends else None)

        async def order() -> Any:
            async with self.backend.uow() as uow:
                return await uow.payments.get(self.sub.id)

        assert self._run(order()).renewal_stopped == self.model.stopped

    @invariant()
    def no_charge_goes_back_twice(self) -> None:
        assert len(self.returned) == len(set(self.returned)) <= 1
        assert bool(self.returned) == self.model.second_returned

    @invariant()
    def the_books_pass_the_audit(self) -> None:
        report = self._run(self.credits.check())
        assert report.ok, report.violations


@pytest.mark.parametrize("kind", ["memory", "sqlite", "postgres"])
def test_payments_follow_the_model_under_any_order_of_events(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path, open_backend_fn: Callable[..., Any], make: Any
) -> None:
    pg = request.getfixturevalue("pg_url") if kind == "postgres" else None
    with asyncio.Runner() as runner:
        stack = contextlib.AsyncExitStack()
        backend = runner.run(stack.enter_async_context(open_backend_fn(kind, tmp_path, pg)))
        try:
            run_state_machine_as_test(
                lambda: PaymentMachine(runner, backend, make),
                settings=settings(
                    max_examples=EXAMPLES[kind],
                    stateful_step_count=30,
                    deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
                ),
            )
        finally:
            runner.run(stack.aclose())
