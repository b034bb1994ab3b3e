"""Applying what a provider tells us about money, exactly once, in any order.

Every provider event (Stripe's webhooks, and Telegram Stars: the successful payment `tg:<charge>` and
a refund `refund:<charge>`) goes through `apply` and is applied in ONE unit of work together with its
processed-event id, so a redelivery is a no-op and a crash applied all of it or nothing. The provider's
id for the money (`provider_ref`, unique per provider in the store) is the second guard: the same money
reported under another event id is recognised and changes nothing.

Rules that make out-of-order and repeated deliveries end in the same state:
- Money is *settled* once per payment, whichever event reports it first. A refund or dispute about money
  we have not settled yet (it overtook the success event) settles it first, from the facts the event
  carries or from fresh state fetched through the `PaymentGateway` (before the unit of work opens).
- Money we cannot simply accept is recorded and **flagged**: it grants nothing until an operator decides.
  That is a second charge for an order that is paid already, an amount or currency other than the
  order's, an invoice naming a one-off pack order, and a renewal that does not carry its tier's
  configured price in the order's currency (a discount we did not issue, another currency, `XXX`).
  Such money is kept as a payment of its own, `<order>/<invoice or provider ref>`, so its refunds and
  disputes find it and the order itself is left as it was. Telegram Stars money of this kind is also
  asked back at once (`refund_request`): use_cases/stars.py returns it to the buyer.
- Subscriptions: the first invoice settles the order itself (its `checkout.session.completed` and its
  `invoice.paid`, whichever comes first, grant that period once); each renewal is a payment
  `<order>/<invoice>`. A grant starts or extends the tier unless the subscription has ended. A Telegram
  Stars subscription's renewal (`recurring_used`) is `<order>/<charge id>`, priced as its order was (the
  price of a Stars subscription is fixed when it starts), and runs the tier to its `period_end`.
- Refunds, disputes and inquiries are the aggregate's transitions (tarot_domain.model.payments); the
  books follow its `credits_due` (tarot_domain.use_cases.payment_books).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from attrs import evolve, frozen

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import Change, Payment, PaymentStatus, StatusChange
from tarot_domain.model.products import STARS, Catalog
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.payment_books import ORDER_SEPARATOR, Booked, PaymentBooks
from tarot_ports.payments import (
    DisputeUpdated,
    EventIgnored,
    PaymentFailed,
    PaymentGateway,
    PaymentRefunded,
    PaymentSucceeded,
    ProviderEvent,
    ProviderPayment,
    RefundRefused,
    RefundRequested,
    RenewalStopped,
    SubscriptionEnded,
)
from tarot_ports.storage import UnitOfWork


@frozen
class EventOutcome:
    """What applying an event did: `applied` is False for a duplicate or an event about nothing we
    sold; `duplicate` says the event (or the same money under another event id) was applied before;
    `flagged` says the money was recorded but its credits wait for an operator."""

    applied: bool
    payment: Payment | None = None
    credits_granted: int = 0
    credits_taken: int = 0
    shortfall: int = 0
    credits_restored: int = 0
    note: str = ""
    flagged: bool = False
    duplicate: bool = False


def outcome_of(booked: Booked) -> EventOutcome:
    flagged = booked.payment.status is PaymentStatus.FLAGGED and booked.granted == 0
    return EventOutcome(
        True, booked.payment, booked.granted, booked.taken, booked.shortfall, booked.restored,
        flagged=flagged,
    )  # fmt: skip


def _give_back(anchor: Payment) -> bool:
    """Money we cannot accept is returned at once where we can return it ourselves (Telegram Stars)."""
    return anchor.provider == STARS


def period_payment_id(payment: ProviderPayment) -> str:
    """Our id for the money: the order, or `<order>/<invoice>` for a subscription's later period."""
    if payment.invoice_id is None or payment.first_period:
        return payment.order_id
    return f"{payment.order_id}{ORDER_SEPARATOR}{payment.invoice_id}"


class EventApplier:
    def __init__(self, services: Services, gateways: Mapping[str, PaymentGateway]) -> None:
        self._s = services
        self._gateways = gateways
        self.books = PaymentBooks(services.catalog)

    @property
    def _catalog(self) -> Catalog:
        return self._s.catalog

    async def apply(self, event: ProviderEvent) -> EventOutcome:
        facts = await self._fresh_facts(event)
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            if not await uow.events.mark(event.provider, event.event_id, now):
                return EventOutcome(applied=False, note="duplicate", duplicate=True)
            outcome = await self._dispatch(uow, event, facts, now)
            await uow.commit()
        return outcome

    async def _dispatch(
        self, uow: UnitOfWork, event: ProviderEvent, facts: ProviderPayment | None, now: datetime
    ) -> EventOutcome:
        if isinstance(event, PaymentSucceeded):
            return await self.settle(uow, event.payment, now, event.event_id)
        if isinstance(event, PaymentFailed | SubscriptionEnded | RenewalStopped):
            return await self._close_order(uow, event, now)
        if isinstance(event, EventIgnored):
            return EventOutcome(False, note=event.reason)
        if isinstance(event, RefundRequested | RefundRefused):
            return await self._refund_news(uow, event, now)
        payment, implied = await self._resolve(uow, event, facts, now)
        if payment is None:
            return EventOutcome(False, note=f"no {event.provider} payment {event.provider_ref}")
        if isinstance(event, PaymentRefunded):
            change = payment.refund(event.refunded_total, now, event.event_id)
        else:
            change = payment.report_dispute(event.dispute_id, event.status, event.amount, now, event.event_id)
        if change is None:
            return EventOutcome(implied > 0, payment, credits_granted=implied, note="nothing changes")
        booked = await self.books.book(uow, change, now, refreeze=isinstance(event, DisputeUpdated))
        return outcome_of(Booked(booked.payment, implied, booked.taken, booked.shortfall, booked.restored))

    # ------------------------------------------------------------------ money arriving

    async def settle(
        self, uow: UnitOfWork, facts: ProviderPayment, now: datetime, source: str
    ) -> EventOutcome:
        """Accept money once: grant, flag, or recognise it as already recorded."""
        anchor = await uow.payments.get(facts.order_id)
        if anchor is None or anchor.provider != facts.provider:
            return EventOutcome(False, note=f"no {facts.provider} order {facts.order_id}")
        if facts.provider_ref is not None:
            known = await uow.payments.get_by_provider_ref(facts.provider, facts.provider_ref)
            if known is not None:
                note = f"{facts.provider_ref} is recorded as {known.id}"
                return EventOutcome(False, known, note=note, duplicate=True)
        problem = self._invoice_problem(anchor, facts)
        payment_id = period_payment_id(facts)
        if payment_id != anchor.id:  # a renewal: its own payment, flagged when it is not one we sold
            return await self._settle_period(uow, anchor, payment_id, facts, problem, now, source)
        if problem is None and anchor.received:
            if facts.provider_ref is None or anchor.provider_ref is None:
                return await self._learn_ref(uow, anchor, facts.provider_ref, now)
            problem = f"a second charge for order {anchor.id}, paid before as {anchor.provider_ref}"
        if problem is None and (anchor.amount, anchor.currency) != (facts.amount, facts.currency):
            paid, price = f"{facts.amount} {facts.currency}", f"{anchor.amount} {anchor.currency}"
            problem = f"paid {paid}, but order {anchor.id} costs {price}"
        if problem is not None:
            return await self._flag_money(uow, anchor, facts, problem, now, source)
        change = anchor.pay(facts.provider_ref, now, source, period_end=facts.period_end)
        return outcome_of(await self.books.book(uow, change, now))

    def _invoice_problem(self, anchor: Payment, facts: ProviderPayment) -> str | None:
        """Why an invoice is not a period we sold, or None (also for money that is no invoice)."""
        if facts.invoice_id is None:
            return None
        if not self.books.is_tier(anchor.product_id):
            return f"invoice {facts.invoice_id} names the one-off order {anchor.id}"
        if facts.first_period:
            return None  # the order's own price is checked like any order's
        tier = self._catalog.tier(anchor.product_id)
        try:
            price = tier.price(anchor.provider, anchor.currency)
        except TarotError:
            return f"{tier.id} has no {anchor.provider} price in {anchor.currency}"
        if anchor.provider == STARS:  # Telegram charges what the subscription cost when it started
            price = evolve(price, amount=anchor.amount, currency=anchor.currency)
        if facts.currency != price.currency:
            return f"renewal paid in {facts.currency or '?'}; {tier.id} is priced in {price.currency}"
        if facts.amount < price.amount:
            price_text = f"{price.amount} {price.currency}"
            return f"renewal paid {facts.amount} of {price_text}: a discount we did not issue"
        if facts.amount > price.amount:
            return f"renewal paid {facts.amount}, more than the {price.amount} {price.currency} price"
        return None

    async def _settle_period(
        self, uow: UnitOfWork, anchor: Payment, payment_id: str, facts: ProviderPayment,
        problem: str | None, now: datetime, source: str,
    ) -> EventOutcome:  # fmt: skip
        period = await uow.payments.get(payment_id)
        if period is not None and period.received:
            return await self._learn_ref(uow, period, facts.provider_ref, now)
        if period is None:
            period = self._money_record(anchor, payment_id, facts, now, f"invoice {facts.invoice_id}")
            await self._add(uow, period)
        change = period.pay(facts.provider_ref, now, source, flag=problem, give_back=_give_back(anchor))
        return outcome_of(await self.books.book(uow, change, now))

    async def _flag_money(
        self, uow: UnitOfWork, anchor: Payment, facts: ProviderPayment, problem: str, now: datetime,
        source: str,
    ) -> EventOutcome:  # fmt: skip
        # The same money told twice (a subscription's session and its first invoice) names one record.
        suffix = facts.invoice_id or facts.provider_ref or source
        record_id = f"{anchor.id}{ORDER_SEPARATOR}{suffix}"
        recorded = await uow.payments.get(record_id)
        if recorded is not None:
            return await self._learn_ref(uow, recorded, facts.provider_ref, now)
        record = self._money_record(anchor, record_id, facts, now, f"money for order {anchor.id}")
        await self._add(uow, record)
        change = record.pay(facts.provider_ref, now, source, flag=problem, give_back=_give_back(anchor))
        return outcome_of(await self.books.book(uow, change, now))

    @staticmethod
    def _money_record(
        anchor: Payment, payment_id: str, facts: ProviderPayment, now: datetime, note: str
    ) -> Payment:
        return Payment(
            id=payment_id,
            provider=facts.provider,
            user_id=anchor.user_id,
            product_id=anchor.product_id,
            amount=facts.amount,
            currency=facts.currency,
            credits=anchor.credits,
            status=PaymentStatus.CREATED,
            created_at=now,
            history=(StatusChange(PaymentStatus.CREATED, now, note),),
            period_end=facts.period_end,
        )

    async def _add(self, uow: UnitOfWork, payment: Payment) -> None:
        try:
            await uow.payments.add(payment)
        except TarotError as error:
            if error.kind is not ErrorKind.CONFLICT:
                raise
            raise TarotError(
                ErrorKind.DATABASE, f"payment {payment.id} was created concurrently", retryable=True
            ) from error

    async def _learn_ref(
        self, uow: UnitOfWork, payment: Payment, ref: str | None, now: datetime
    ) -> EventOutcome:
        """Money we settled already; a telling that names its provider id teaches it to us."""
        if ref is not None and payment.provider_ref is None:
            note = StatusChange(payment.status, now, f"provider reference {ref}")
            payment = await uow.payments.update(evolve(payment, provider_ref=ref), note)
        return EventOutcome(False, payment, note="already settled")

    # ------------------------------------------------------------------ refunds and disputes

    async def _fresh_facts(self, event: ProviderEvent) -> ProviderPayment | None:
        """For a refund or dispute about money we have not settled and the event does not describe,
        ask the provider (before any unit of work opens, so no transaction waits on the network)."""
        if not isinstance(event, PaymentRefunded | DisputeUpdated) or event.payment is not None:
            return None
        async with self._s.uow() as uow:
            known = await uow.payments.get_by_provider_ref(event.provider, event.provider_ref)
        if known is not None and known.received:
            return None
        gateway = self._gateways.get(event.provider)
        return None if gateway is None else await gateway.find_payment(event.provider_ref)

    async def _resolve(
        self,
        uow: UnitOfWork,
        event: PaymentRefunded | DisputeUpdated,
        facts: ProviderPayment | None,
        now: datetime,
    ) -> tuple[Payment | None, int]:
        """The settled payment behind the event, settling it first when the event overtook it;
        returns it with the credits that settling granted."""
        payment = await uow.payments.get_by_provider_ref(event.provider, event.provider_ref)
        if payment is not None and payment.received:
            return payment, 0
        facts = event.payment or facts
        if facts is None:
            return payment, 0
        if facts.provider_ref is None:
            facts = ProviderPayment(
                facts.provider, facts.order_id, event.provider_ref, facts.amount, facts.currency,
                facts.invoice_id, facts.first_period,
            )  # fmt: skip
        settled = await self.settle(uow, facts, now, f"{event.event_id} (implied)")
        found = await uow.payments.get_by_provider_ref(event.provider, event.provider_ref)
        return found, settled.credits_granted

    async def _refund_news(
        self, uow: UnitOfWork, event: RefundRequested | RefundRefused, now: datetime
    ) -> EventOutcome:
        """A refund asked for, or refused by the provider: the payment's state, no credits move."""
        payment = await uow.payments.get_by_provider_ref(event.provider, event.provider_ref)
        if payment is None:
            return EventOutcome(False, note=f"no {event.provider} payment {event.provider_ref}")
        if isinstance(event, RefundRequested):
            change = payment.ask_refund(now, event.reason)
        else:
            change = payment.refund_refused(now, event.detail)
        if change is None:
            return EventOutcome(False, payment, note="nothing changes")
        return outcome_of(await self.books.book(uow, change, now))

    # ------------------------------------------------------------------ orders closing

    async def _close_order(
        self, uow: UnitOfWork, event: PaymentFailed | SubscriptionEnded | RenewalStopped, now: datetime
    ) -> EventOutcome:
        order = await uow.payments.get(event.order_id)
        if order is None or order.provider != event.provider:
            return EventOutcome(False, note=f"no {event.provider} order {event.order_id}")
        change: Change | None
        if isinstance(event, PaymentFailed):
            change = order.fail(now, event.reason, event.expired)
        elif isinstance(event, RenewalStopped):
            change = order.stop_renewal(now, f"subscription {event.subscription_id} will not renew")
        else:
            change = order.end_subscription(now, f"subscription {event.subscription_id} ended")
        if change is None:
            ended = not isinstance(event, PaymentFailed) and order.renewal_stopped
            note = "subscription already ended" if ended else f"order is {order.status.value}"
            return EventOutcome(False, order, note=note)
        booked = await self.books.book(uow, change, now)
        if isinstance(event, SubscriptionEnded):
            user = await uow.users.get(order.user_id)
            if user is not None and user.tier_id == order.product_id:
                await uow.users.update(evolve(user, tier_id=None, tier_until=None))
        return EventOutcome(True, booked.payment)
