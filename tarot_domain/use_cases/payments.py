"""Payments: orders, checkout, what providers tell us, and what operators decide.

There is one way money changes the books: a provider event through `PaymentService.apply` (Stripe's
webhooks, Telegram Stars' successful payments and refunds alike; see payment_events.py), or an
operator's decision on a flagged payment through `decide`. Both end in a transition of the `Payment`
aggregate (tarot_domain.model.payments) booked by payment_books.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from enum import Enum

from attrs import evolve, frozen

from tarot_domain.model.errors import TarotError, forbidden, not_found
from tarot_domain.model.localized import pick
from tarot_domain.model.payments import Change, Payment, PaymentStatus, StatusChange, payment_error
from tarot_domain.model.products import STARS, STRIPE
from tarot_domain.model.subscriptions import Standing, standing
from tarot_domain.model.users import User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.payment_books import ISSUANCE, ORDER_SEPARATOR
from tarot_domain.use_cases.payment_events import EventApplier, EventOutcome, outcome_of
from tarot_domain.use_cases.stars import StarsDesk, StarsRefunder
from tarot_domain.use_cases.users import load_active_user
from tarot_ports.payments import (
    CheckoutRequest,
    CheckoutSession,
    PaymentGateway,
    PaymentRefunded,
    ProviderEvent,
    RefundRequested,
    RenewalStopped,
    SubscriptionEnded,
)

__all__ = [
    "Checkout",
    "EventOutcome",
    "PaymentService",
    "StarsRefund",
    "StarsRefundStatus",
    "StarsRefunder",
    "payment_error",
]


@frozen
class Checkout:
    order: Payment
    session: CheckoutSession


StarsSubscriptionCanceller = Callable[[User, str], Awaitable[bool]]
"""Stops a Telegram Stars subscription from renewing: (buyer, the charge id of its first payment) →
False when Telegram knows no subscription by that charge (a one-off purchase, or the buyer has no
Telegram account); raises TarotError(PAYMENT) when Telegram cannot be asked."""


class StarsRefundStatus(Enum):
    REFUNDED = "refunded"  # Telegram returned the Stars and the credits were taken back now
    RECORDED_BEFORE = "recorded_before"  # Telegram returned them; this refund had been applied already
    NOT_REFUNDABLE = "not_refundable"  # not Stars money we still hold: Telegram was not asked
    NO_ACCOUNT = "no_account"  # the buyer has no Telegram account on record: refund by hand


class RefundStatus(Enum):
    DONE = "done"  # the money went back and its credits were taken back
    REQUESTED = "requested"  # Stars: asked; the bot returns it (the `stars-refunds` job)
    REFUSED = "refused"  # the provider would not: the payment is flagged
    WAITING = "waiting"  # the provider could not be asked now; the request stays


@frozen
class OperatorRefund:
    """What `refund_order` did: the payment as it stands, and the claw-back when the money went back."""

    status: RefundStatus
    payment: Payment
    event: EventOutcome | None = None
    detail: str = ""


@frozen
class StarsRefund:
    """What an operator's Stars refund did; `event` is the claw-back when Telegram was asked."""

    status: StarsRefundStatus
    order: Payment
    buyer: User | None = None
    event: EventOutcome | None = None


class PaymentService:
    def __init__(self, services: Services, gateways: Iterable[PaymentGateway] = ()) -> None:
        self._s = services
        self._gateways = {g.provider: g for g in gateways}
        self._events = EventApplier(services, self._gateways)
        self.stars = StarsDesk(services, self.apply)
        """Telegram Stars reconciliation and money going back (use_cases/stars.py)."""

    # ----------------------------------------------------------------- orders and checkout

    async def create_order(
        self, user_id: str, product_id: str, provider: str, currency: str | None = None
    ) -> Payment:
        """Record an order before sending the customer to pay; its id travels with the payment."""
        if provider not in ISSUANCE:
            raise payment_error(f"unknown provider {provider!r}")
        catalog = self._s.catalog
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            user = await load_active_user(uow, user_id)
            if user.purchases_frozen:
                raise forbidden(f"purchases frozen for {user_id}", "error.purchases_frozen")
            if self._events.books.is_tier(product_id):
                price = catalog.tier(product_id).price(provider, currency)
                credits = catalog.tier(product_id).monthly_credits
            else:
                price = catalog.pack(product_id).price(provider, currency)
                credits = catalog.pack_credits(product_id, user.tier_at(now))
            order = Payment(
                id=f"ord_{self._s.new_id()}",
                provider=provider,
                user_id=user.id,
                product_id=product_id,
                amount=price.amount,
                currency=price.currency,
                credits=credits,
                status=PaymentStatus.CREATED,
                created_at=now,
                history=(StatusChange(PaymentStatus.CREATED, now),),
            )
            await uow.payments.add(order)
            await uow.commit()
        return order

    async def start_checkout(
        self,
        user_id: str,
        product_id: str,
        provider: str,
        currency: str | None,
        success_url: str,
        cancel_url: str,
        language: str = "en",
    ) -> Checkout:
        """Create the order, then the provider's hosted checkout for it (no unit of work held while the
        provider answers). A failed checkout marks the order FAILED and re-raises."""
        gateway = self._gateway(provider)
        order = await self.create_order(user_id, product_id, provider, currency)
        catalog = self._s.catalog
        is_tier = self._events.books.is_tier(product_id)
        name = catalog.tier(product_id).name if is_tier else catalog.pack(product_id).name
        request = CheckoutRequest(
            order=order,
            product_name=pick(name, language),
            subscription=is_tier,
            success_url=success_url,
            cancel_url=cancel_url,
            language=language,
        )
        try:
            session = await gateway.create_checkout(request)
        except TarotError as error:
            await self._note(order.id, PaymentStatus.FAILED, f"checkout failed: {error.detail}"[:500])
            raise
        await self._note(order.id, PaymentStatus.CREATED, f"checkout {session.id}")
        return Checkout(order, session)

    async def check_payable(self, order_id: str, amount: int, currency: str) -> Payment:
        """Before money moves (Telegram's pre-checkout): a known, unpaid order for exactly this price (or
        a live Telegram Stars subscription's order, should Telegram check a renewal too).
        Raises NOT_FOUND (`error.unknown_order`), PAYMENT (`error.order_paid` for an order paid
        already, `error.order_not_payable` otherwise), FORBIDDEN (`error.purchases_frozen`) or
        DATABASE when the order cannot be read."""
        async with self._s.uow() as uow:
            order = await uow.payments.get(order_id)
            if order is None:
                raise not_found(f"no order {order_id}", "error.unknown_order")
            user = await uow.users.get(order.user_id)
        renewing = order.provider == STARS and order.period_end is not None and not order.renewal_stopped
        if order.received and not renewing:  # a live Stars subscription's renewal may be checked too
            raise payment_error(f"order {order_id} is paid already", "error.order_paid")
        if order.status is not PaymentStatus.CREATED and not renewing:
            raise payment_error(f"order {order_id} is {order.status.value}", "error.order_not_payable")
        if (order.amount, order.currency) != (amount, currency):
            raise payment_error(
                f"order {order_id} costs {order.amount} {order.currency}", "error.order_not_payable"
            )
        if user is not None and user.active and user.purchases_frozen:
            raise forbidden(f"order {order_id}'s buyer has purchases frozen", "error.purchases_frozen")
        if user is None or not user.active:
            raise payment_error(f"order {order_id}'s buyer may not pay", "error.order_not_payable")
        return order

    async def order(self, user_id: str, order_id: str) -> Payment:
        """One of the person's orders; someone else's is as unknown as a missing one (NOT_FOUND)."""
        async with self._s.uow() as uow:
            await load_active_user(uow, user_id)
            order = await uow.payments.get(order_id)
        if order is None or order.user_id != user_id:
            raise not_found(f"no order {order_id} for {user_id}", "error.unknown_order")
        return order

    # ----------------------------------------------------------------- ending subscriptions

    async def end_subscriptions(self, user_id: str, stars: StarsSubscriptionCanceller) -> list[Payment]:
        """Before a person is forgotten: stop every subscription they pay for from renewing, at its
        provider (Telegram Stars through `stars`, others through their gateway), then record each end
        as the provider's own word would be (a CANCELLED history entry; the tier ends), once.

        Returns the subscription orders that were renewing and are stopped now. A provider that cannot
        be asked raises PAYMENT before anything of that order is recorded, so the caller can stop and
        try again later rather than forget someone who would still be charged.
        """
        catalog = self._s.catalog
        tiers = {t.id for t in catalog.tiers}
        async with self._s.uow() as uow:
            buyer = await load_active_user(uow, user_id)
            orders = await uow.payments.list_for_user(user_id, limit=1000)
        live = [
            o for o in orders
            if o.product_id in tiers and ORDER_SEPARATOR not in o.id and o.granted > 0
            and not o.subscription_ended
        ]  # fmt: skip
        stopped: list[Payment] = []
        for order in live:
            if order.provider == STARS:
                renewing = bool(order.provider_ref) and await stars(buyer, order.provider_ref or "")
                subscription = order.provider_ref or order.id
            else:
                cancelled = await self._gateway(order.provider).cancel_subscription(
                    order.id, order.provider_ref
                )
                renewing, subscription = cancelled is not None, cancelled or order.id
            await self.apply(SubscriptionEnded(order.provider, f"forget:{order.id}", order.id, subscription))
            if renewing:
                stopped.append(order)
        return stopped

    async def stop_renewals(self, user_id: str, stars: StarsSubscriptionCanceller) -> list[Payment]:
        """/subscription's cancel: every Telegram Stars subscription of the person stops renewing
        (`payments.botCancelStarsSubscription` through `stars`) and is recorded so; the tier runs until
        the period paid for ends. Returns the subscriptions stopped now. PAYMENT when Telegram cannot
        be asked (nothing of that subscription is recorded)."""
        async with self._s.uow() as uow:
            buyer = await load_active_user(uow, user_id)
            orders = await uow.payments.list_for_user(user_id, limit=1000)
        tiers = {t.id for t in self._s.catalog.tiers}
        live = [
            o for o in orders
            if o.provider == STARS and o.product_id in tiers and ORDER_SEPARATOR not in o.id
            and o.period_end is not None and o.provider_ref and not o.renewal_stopped
        ]  # fmt: skip
        stopped: list[Payment] = []
        for order in live:
            charge = order.provider_ref or ""
            await stars(buyer, charge)  # False: Telegram knows it no more (it ran out); record it anyway
            outcome = await self.apply(RenewalStopped(STARS, f"stop:{order.id}", order.id, charge))
            stopped.append(outcome.payment or order)
        return stopped

    async def standing(self, user_id: str) -> Standing | None:
        """The person's tier in force and how it goes on (model/subscriptions.py), None without one."""
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            user = await load_active_user(uow, user_id)
            orders = await uow.payments.list_for_user(user_id, limit=1000)
        return standing(user, orders, now)

    async def orders(self, user_id: str, limit: int = 20) -> list[Payment]:
        """The person's orders and the money recorded against them, newest first (a forgotten person's
        too: operators refund them; frontends look the person up first)."""
        async with self._s.uow() as uow:
            return await uow.payments.list_for_user(user_id, limit=limit)

    # ----------------------------------------------------------------- provider events

    async def apply(self, event: ProviderEvent) -> EventOutcome:
        """Apply one provider event exactly once (see payment_events.py for order and repetition).

        Returns `applied=False` for a duplicate and for an event about nothing we sold, `flagged=True`
        for money recorded whose credits wait for an operator. Store failures raise DATABASE and a
        failed fresh look-up raises PAYMENT (both retryable): nothing was applied, so the provider
        should deliver the event again.
        """
        return await self._events.apply(event)

    # ----------------------------------------------------------------- operators

    async def flagged(self, limit: int = 100) -> list[Payment]:
        """Payments whose credits wait for an operator, oldest first."""
        async with self._s.uow() as uow:
            return await uow.payments.list_flagged(limit)

    async def decide(self, payment_id: str, grant: bool, note: str) -> EventOutcome:
        """An operator grants a flagged payment's credits (a tier's also starts or extends it) or
        refuses them for good (the money should then be refunded at the provider). NOT_FOUND; PAYMENT
        (`error.not_flagged`) for a payment that waits for no decision."""
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            payment = await uow.payments.get(payment_id)
            if payment is None:
                raise not_found(f"no payment {payment_id}", "error.unknown_order")
            booked = await self._events.books.book(uow, payment.decide(grant, now, note[:200]), now)
            await uow.commit()
        return outcome_of(booked)

    async def request_refund(self, payment_id: str, amount: int | None, idempotency_key: str) -> str:
        """Ask the provider to refund money we hold (an operator's action). The credits are taken back
        when the provider reports the refund, like any other refund."""
        async with self._s.uow() as uow:
            payment = await uow.payments.get(payment_id)
        if payment is None:
            raise not_found(f"no payment {payment_id}", "error.unknown_order")
        if not payment.received or payment.provider_ref is None:
            raise payment_error(
                f"payment {payment_id} has no settled money to refund", "error.order_not_payable"
            )
        return await self._gateway(payment.provider).refund(payment.provider_ref, amount, idempotency_key)

    async def refund_order(
        self, payment_id: str, reason: str, stars: StarsRefunder | None = None
    ) -> OperatorRefund:
        """An operator returns all the money of a payment (an order, or money recorded against one),
        with its balancing claw-back. Stripe: refunded through the gateway and the claw-back booked now
        (Stripe's later `charge.refunded` changes nothing). Telegram Stars: the refund is requested;
        with `stars` (a process that reaches Telegram) it is carried out now, else the bot carries it
        out. NOT_FOUND; PAYMENT (`error.order_not_payable`) for money we do not hold."""
        async with self._s.uow() as uow:
            payment = await uow.payments.get(payment_id)
        if payment is None:
            raise not_found(f"no payment {payment_id}", "error.unknown_order")
        ref = payment.provider_ref
        if not payment.received or ref is None or payment.refunded_amount >= payment.amount:
            raise payment_error(
                f"payment {payment_id} has no money left to refund", "error.order_not_payable"
            )
        note = reason.strip()[:200] or "asked by an operator"
        if payment.provider == STRIPE:
            refund_id = await self._gateway(STRIPE).refund(ref, None, f"operator-refund:{payment.id}")
            event = await self.apply(
                PaymentRefunded(STRIPE, f"operator-refund:{refund_id}", ref, payment.amount)
            )
            return OperatorRefund(RefundStatus.DONE, event.payment or payment, event)
        asked = await self.apply(
            RefundRequested(payment.provider, f"refund-ask:{ref}:v{payment.version}", ref, note)
        )
        payment = asked.payment or payment
        if stars is None:
            return OperatorRefund(RefundStatus.REQUESTED, payment)
        done = await self.stars.carry_out(payment.id, stars)
        if done is None:
            return OperatorRefund(RefundStatus.REQUESTED, payment)
        status = {"returned": RefundStatus.DONE, "refused": RefundStatus.REFUSED}.get(
            done.status, RefundStatus.WAITING
        )
        return OperatorRefund(
            status,
            done.outcome.payment if done.outcome and done.outcome.payment else payment,
            done.outcome,
            done.detail,
        )

    async def refund_stars_order(self, order_id: str, refund: StarsRefunder) -> StarsRefund:
        """An operator refunds Telegram Stars money in full (an order, or a flagged charge recorded
        against one): Telegram returns the Stars first (`refund`), then the refund is applied like any
        provider event (`refund:<charge id>`), so it takes the credits back once per charge. An unknown
        payment or buyer raises NOT_FOUND; anything but Stars money not yet refunded is left alone."""
        async with self._s.uow() as uow:
            order = await uow.payments.get(order_id)
            buyer = await uow.users.get(order.user_id) if order is not None else None
        if order is None:
            raise not_found(f"no order {order_id}", "error.unknown_order")
        charge = order.provider_ref
        held = order.received and order.refunded_amount < order.amount
        if order.provider != STARS or not held or not charge:
            return StarsRefund(StarsRefundStatus.NOT_REFUNDABLE, order)
        if buyer is None:
            raise not_found(f"no user {order.user_id}", "error.unknown_user")
        if not await refund(buyer, charge):
            return StarsRefund(StarsRefundStatus.NO_ACCOUNT, order, buyer)
        event = await self.apply(PaymentRefunded(STARS, f"refund:{charge}", charge, order.amount))
        status = StarsRefundStatus.REFUNDED if event.applied else StarsRefundStatus.RECORDED_BEFORE
        return StarsRefund(status, order, buyer, event)

    # ----------------------------------------------------------------- steps

    def _gateway(self, provider: str) -> PaymentGateway:
        gateway = self._gateways.get(provider)
        if gateway is None:
            raise payment_error(f"payments through {provider!r} are not configured", "error.payments_off")
        return gateway

    async def _note(self, payment_id: str, status: PaymentStatus, note: str) -> None:
        """A checkout's fate on the order's history (FAILED closes an order nobody paid)."""
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            payment = await uow.payments.get(payment_id)
            if payment is None:
                return
            after = evolve(payment, status=status) if not payment.received else payment
            await self._events.books.book(uow, Change(after, StatusChange(status, now, note)), now)
            await uow.commit()
