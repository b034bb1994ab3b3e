"""Payments: orders, checkout, and applying what providers tell us exactly once.

Every provider event is applied in ONE unit of work together with its processed-event id, so a
redelivered event is a no-op and a crash either applied all of it or nothing. Ledger transfer ids are
derived from our payment ids, so even two different events about the same money cannot grant twice.
Claw-backs are balancing (they take what is left and record the shortfall) and restores give back
exactly what was taken.

Rules that make out-of-order and repeated deliveries end in the same state:

- *Settling* (granting a payment's credits) happens once per payment, whichever event reports the
  money first. A payment has been settled when its history holds a PAID entry.
- A refund or dispute about money we have not settled yet (it overtook the success event) settles it
  first, in the same unit of work: the provider's word about the money comes with the event, or is
  fetched fresh through the `PaymentGateway` port (outside any unit of work). A later success event
  then finds the payment settled and changes nothing.
- Refunds are applied by *total refunded so far*, so partial refunds in any order take the same.
- A dispute's opening is claimed under the processed-event key `dispute:<id>`. A closing that arrives
  first claims it too: a won dispute then has nothing to restore and its late opening does nothing; a
  lost one applies the opening's claw-back and freeze itself.
- Subscriptions: the subscription's first invoice settles the order itself, so its
  `checkout.session.completed` and its `invoice.paid` (whichever comes first) grant that period once;
  every later invoice becomes a payment `<order id>/<invoice id>` with its own grant. Each grant also
  starts or extends the tier, unless the subscription has already ended (a CANCELLED entry in the
  order's history), so a late invoice after the end grants credits but does not revive the tier.
- Concurrent deliveries: the processed-event id is claimed first, so one event applies once however
  many deliveries race; two *different* events about one payment are kept apart by claiming the
  payment's version (`version:<id>:<history length>`) before storing its new state, so a stale
  computation fails (retryable) instead of taking credits twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime, timedelta
from enum import Enum

from attrs import evolve, frozen

from tarot_domain.model.errors import ErrorKind, TarotError, forbidden, not_found
from tarot_domain.model.ledger import (
    ISSUANCE_STARS,
    ISSUANCE_STRIPE,
    TransferKind,
    TransferRequest,
    user_account,
)
from tarot_domain.model.localized import pick
from tarot_domain.model.payments import Payment, PaymentStatus, StatusChange
from tarot_domain.model.products import STARS, STRIPE
from tarot_domain.model.users import User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.users import load_active_user
from tarot_ports.payments import (
    CheckoutRequest,
    CheckoutSession,
    DisputeClosed,
    DisputeOpened,
    EventIgnored,
    PaymentFailed,
    PaymentGateway,
    PaymentRefunded,
    PaymentSucceeded,
    ProviderEvent,
    ProviderPayment,
    SubscriptionEnded,
)
from tarot_ports.storage import UnitOfWork

SUBSCRIPTION_PERIOD = timedelta(days=31)
ISSUANCE = {STRIPE: ISSUANCE_STRIPE, STARS: ISSUANCE_STARS}
PERIOD_SEPARATOR = "/"


@frozen
class EventOutcome:
    """What applying an event did: `applied` is False for a duplicate or an event about nothing we sold."""

    applied: bool
    payment: Payment | None = None
    credits_granted: int = 0
    credits_taken: int = 0
    shortfall: int = 0
    credits_restored: int = 0
    note: str = ""


@frozen
class Checkout:
    order: Payment
    session: CheckoutSession


StarsRefunder = Callable[[User, str], Awaitable[bool]]
"""Returns one Stars charge to its buyer through Telegram: (buyer, charge id) → False when the buyer has
no Telegram account to refund to; raises TarotError(PAYMENT) when Telegram refuses."""


StarsSubscriptionCanceller = Callable[[User, str], Awaitable[bool]]
"""Stops a Telegram Stars subscription from renewing: (buyer, the charge id of its first payment) →
False when Telegram knows no subscription by that charge (a one-off purchase, or the buyer has no
Telegram account); raises TarotError(PAYMENT) when Telegram cannot be asked."""


class StarsRefundStatus(Enum):
    REFUNDED = "refunded"  # Telegram returned the Stars and the credits were taken back now
    RECORDED_BEFORE = "recorded_before"  # Telegram returned them; this refund had been applied already
    NOT_REFUNDABLE = "not_refundable"  # not a paid Stars order: Telegram was not asked
    NO_ACCOUNT = "no_account"  # the buyer has no Telegram account on record: refund by hand


@frozen
class StarsRefund:
    """What an operator's Stars refund did; `event` is the claw-back when Telegram was asked."""

    status: StarsRefundStatus
    order: Payment
    buyer: User | None = None
    event: EventOutcome | None = None


def payment_error(detail: str, message_key: str = "error.payment", *, retryable: bool = False) -> TarotError:
    return TarotError(ErrorKind.PAYMENT, detail, message_key=message_key, retryable=retryable)


def is_settled(payment: Payment) -> bool:
    """Whether the payment's credits were granted (its history holds a PAID entry)."""
    return payment.status is PaymentStatus.PAID or any(
        c.status is PaymentStatus.PAID for c in payment.history
    )


def subscription_ended(order: Payment) -> bool:
    return any(c.status is PaymentStatus.CANCELLED for c in order.history)


def period_payment_id(payment: ProviderPayment) -> str:
    """Our id for the money: the order, or `<order>/<invoice>` for a subscription's later period."""
    if payment.invoice_id is None or payment.first_period:
        return payment.order_id
    return f"{payment.order_id}{PERIOD_SEPARATOR}{payment.invoice_id}"


class _Mismatch(Exception):
    def __init__(self, order: Payment, amount: int, currency: str) -> None:
        super().__init__(order.id)
        self.order, self.amount, self.currency = order, amount, currency


class PaymentService:
    def __init__(self, services: Services, gateways: Iterable[PaymentGateway] = ()) -> None:
        self._s = services
        self._gateways = {g.provider: g for g in gateways}

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
            if product_id in {t.id for t in catalog.tiers}:
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
        is_tier = product_id in {t.id for t in catalog.tiers}
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
            await self._record(order.id, PaymentStatus.FAILED, f"checkout failed: {error.detail}"[:500])
            raise
        await self._record(order.id, PaymentStatus.CREATED, f"checkout {session.id}")
        return Checkout(order, session)

    async def request_refund(self, payment_id: str, amount: int | None, idempotency_key: str) -> str:
        """Ask the provider to refund a settled payment (an operator's action). The credits are taken
        back when the provider reports the refund, like any other refund."""
        async with self._s.uow() as uow:
            payment = await uow.payments.get(payment_id)
        if payment is None:
            raise not_found(f"no payment {payment_id}", "error.unknown_order")
        if not is_settled(payment) or payment.provider_ref is None:
            raise payment_error(
                f"payment {payment_id} has no settled money to refund", "error.order_not_payable"
            )
        return await self._gateway(payment.provider).refund(payment.provider_ref, amount, idempotency_key)

    async def refund_stars_order(self, order_id: str, refund: StarsRefunder) -> StarsRefund:
        """An operator refunds a paid Telegram Stars order in full: Telegram returns the Stars first
        (`refund`), then the credits are taken back like any refund, once per charge. An unknown order
        or buyer raises NOT_FOUND; anything but a paid Stars order is left alone (NOT_REFUNDABLE)."""
        async with self._s.uow() as uow:
            order = await uow.payments.get(order_id)
            buyer = await uow.users.get(order.user_id) if order is not None else None
        if order is None:
            raise not_found(f"no order {order_id}", "error.unknown_order")
        charge = order.provider_ref
        if order.provider != STARS or order.status is not PaymentStatus.PAID or not charge:
            return StarsRefund(StarsRefundStatus.NOT_REFUNDABLE, order)
        if buyer is None:
            raise not_found(f"no user {order.user_id}", "error.unknown_user")
        if not await refund(buyer, charge):
            return StarsRefund(StarsRefundStatus.NO_ACCOUNT, order, buyer)
        event = await self.mark_refunded(STARS, charge, order.amount, event_id=f"refund:{charge}")
        status = StarsRefundStatus.REFUNDED if event.applied else StarsRefundStatus.RECORDED_BEFORE
        return StarsRefund(status, order, buyer, event)

    async def check_payable(self, order_id: str, amount: int, currency: str) -> Payment:
        """Before money moves (Telegram's pre-checkout): a known, unpaid order for exactly this price."""
        async with self._s.uow() as uow:
            order = await uow.payments.get(order_id)
            if order is None:
                raise not_found(f"no order {order_id}", "error.unknown_order")
            user = await uow.users.get(order.user_id)
        if order.status is not PaymentStatus.CREATED:
            raise payment_error(f"order {order_id} is {order.status.value}", "error.order_not_payable")
        if (order.amount, order.currency) != (amount, currency):
            raise payment_error(
                f"order {order_id} costs {order.amount} {order.currency}", "error.order_not_payable"
            )
        if user is None or not user.active or user.purchases_frozen:
            raise payment_error(f"order {order_id}'s buyer may not pay", "error.order_not_payable")
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
            if o.product_id in tiers and PERIOD_SEPARATOR not in o.id and is_settled(o)
            and not subscription_ended(o)
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

    # ----------------------------------------------------------------- events (Telegram's two calls)

    async def mark_paid(
        self, provider: str, order_id: str, provider_ref: str, amount: int, currency: str, event_id: str
    ) -> EventOutcome:
        """Money arrived: grant the pack's credits or start/extend the subscription, once.

        An unknown order raises NOT_FOUND (and the event stays unrecorded); a wrong amount is recorded
        on the order and raises PAYMENT, never granting.
        """
        now = self._s.clock.now()
        facts = ProviderPayment(provider, order_id, provider_ref, amount, currency)
        async with self._s.uow() as uow:
            if not await uow.events.mark(provider, event_id, now):
                return EventOutcome(applied=False, payment=await uow.payments.get(order_id))
            order = await uow.payments.get(order_id)
            if order is None or order.provider != provider:
                raise not_found(f"no {provider} order {order_id}", "error.unknown_order")
            try:
                payment, granted, applied = await self._settle(uow, facts, now, event_id)
            except _Mismatch as mismatch:
                await self._record_mismatch(uow, mismatch, now)
                await uow.commit()
                raise self._mismatch_error(mismatch) from None
            await uow.commit()
        return EventOutcome(applied=applied, payment=payment, credits_granted=granted)

    async def mark_refunded(
        self, provider: str, provider_ref: str, refunded_total: int, event_id: str
    ) -> EventOutcome:
        """Take back credits in proportion to the amount refunded so far (balancing: never below zero)."""
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            if not await uow.events.mark(provider, event_id, now):
                return EventOutcome(applied=False)
            order = await uow.payments.get_by_provider_ref(provider, provider_ref)
            if order is None:
                await uow.commit()
                return EventOutcome(applied=False)
            outcome = await self._refund(uow, order, refunded_total, now)
            await uow.commit()
        return outcome

    # ----------------------------------------------------------------- events (any provider)

    async def apply(self, event: ProviderEvent) -> EventOutcome:
        """Apply one provider event exactly once (see the module's rules for order and repetition).

        Returns `applied=False` for a duplicate and for an event about nothing we sold. A payment for the
        wrong amount is recorded on the order and raises PAYMENT (not retryable). Store failures raise
        DATABASE and a failed fresh look-up raises PAYMENT (retryable): nothing was applied, so the
        provider should deliver the event again.
        """
        facts = await self._fresh_facts(event)
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            if not await uow.events.mark(event.provider, event.event_id, now):
                return EventOutcome(applied=False, note="duplicate")
            try:
                outcome = await self._dispatch(uow, event, facts, now)
            except _Mismatch as mismatch:
                await self._record_mismatch(uow, mismatch, now)
                await uow.commit()
                raise self._mismatch_error(mismatch) from None
            await uow.commit()
        return outcome

    async def _dispatch(
        self, uow: UnitOfWork, event: ProviderEvent, facts: ProviderPayment | None, now: datetime
    ) -> EventOutcome:
        if isinstance(event, PaymentSucceeded):
            payment, granted, applied = await self._settle(uow, event.payment, now, event.event_id)
            if payment is None:
                return EventOutcome(False, note=f"no {event.provider} order {event.payment.order_id}")
            return EventOutcome(applied, payment, credits_granted=granted)
        if isinstance(event, PaymentFailed):
            return await self._fail(uow, event, now)
        if isinstance(event, SubscriptionEnded):
            return await self._end_subscription(uow, event, now)
        if isinstance(event, EventIgnored):
            return EventOutcome(False, note=event.reason)
        payment, granted = await self._resolve(uow, event.provider, event.provider_ref, facts, event, now)
        if payment is None:
            return EventOutcome(False, note=f"no {event.provider} payment {event.provider_ref}")
        if isinstance(event, PaymentRefunded):
            outcome = await self._refund(uow, payment, event.refunded_total, now)
        elif isinstance(event, DisputeOpened):
            outcome = await self._open_dispute(uow, payment, event.dispute_id, event.amount, now)
        else:
            outcome = await self._close_dispute(uow, payment, event, now)
        return evolve(outcome, credits_granted=granted, applied=outcome.applied or granted > 0)

    # ----------------------------------------------------------------- steps

    def _gateway(self, provider: str) -> PaymentGateway:
        gateway = self._gateways.get(provider)
        if gateway is None:
            raise payment_error(f"payments through {provider!r} are not configured", "error.payments_off")
        return gateway

    async def _record(self, payment_id: str, status: PaymentStatus, note: str) -> None:
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            payment = await uow.payments.get(payment_id)
            if payment is None:
                return
            changed = payment if is_settled(payment) else evolve(payment, status=status)
            await uow.payments.update(changed, StatusChange(status, now, note))
            await uow.commit()

    async def _fresh_facts(self, event: ProviderEvent) -> ProviderPayment | None:
        """For a refund or dispute about money we have not settled and the event does not describe,
        ask the provider (before any unit of work opens, so no transaction waits on the network)."""
        if (
            not isinstance(event, PaymentRefunded | DisputeOpened | DisputeClosed)
            or event.payment is not None
        ):
            return None
        async with self._s.uow() as uow:
            known = await uow.payments.get_by_provider_ref(event.provider, event.provider_ref)
        if known is not None and is_settled(known):
            return None
        gateway = self._gateways.get(event.provider)
        return None if gateway is None else await gateway.find_payment(event.provider_ref)

    async def _resolve(
        self,
        uow: UnitOfWork,
        provider: str,
        provider_ref: str,
        facts: ProviderPayment | None,
        event: PaymentRefunded | DisputeOpened | DisputeClosed,
        now: datetime,
    ) -> tuple[Payment | None, int]:
        """The settled payment behind `provider_ref`, settling it first when the event overtook it."""
        payment = await uow.payments.get_by_provider_ref(provider, provider_ref)
        if payment is not None and is_settled(payment):
            return payment, 0
        facts = event.payment or facts
        if facts is None:
            return payment, 0
        if facts.provider_ref is None:
            facts = evolve(facts, provider_ref=provider_ref)
        settled, granted, _ = await self._settle(uow, facts, now, f"{event.event_id} (implied)")
        return settled, granted

    async def _settle(
        self, uow: UnitOfWork, facts: ProviderPayment, now: datetime, source: str
    ) -> tuple[Payment | None, int, bool]:
        """Grant a payment's credits once. Returns (payment or None when unknown, granted, applied)."""
        payment_id = period_payment_id(facts)
        anchor = await uow.payments.get(facts.order_id)
        if anchor is None or anchor.provider != facts.provider:
            return None, 0, False
        payment = anchor if payment_id == anchor.id else await uow.payments.get(payment_id)
        if payment is None:
            payment = Payment(
                id=payment_id,
                provider=facts.provider,
                user_id=anchor.user_id,
                product_id=anchor.product_id,
                amount=facts.amount,
                currency=facts.currency,
                credits=anchor.credits,
                status=PaymentStatus.CREATED,
                created_at=now,
                history=(StatusChange(PaymentStatus.CREATED, now, f"invoice {facts.invoice_id}"),),
            )
            try:
                await uow.payments.add(payment)
            except TarotError as error:
                if error.kind is not ErrorKind.CONFLICT:
                    raise
                raise TarotError(
                    ErrorKind.DATABASE, f"payment {payment_id} was created concurrently", retryable=True
                ) from error
        if is_settled(payment):
            if facts.provider_ref is not None and payment.provider_ref is None:
                payment = evolve(payment, provider_ref=facts.provider_ref)
                await uow.payments.update(payment)
            return payment, 0, False
        if (payment.amount, payment.currency) != (facts.amount, facts.currency):
            raise _Mismatch(payment, facts.amount, facts.currency)
        granted = await self._grant(uow, payment, now, anchor)
        paid = evolve(
            payment, status=PaymentStatus.PAID, provider_ref=facts.provider_ref or payment.provider_ref
        )
        return await self._change(uow, paid, StatusChange(PaymentStatus.PAID, now, source)), granted, True

    async def _record_mismatch(self, uow: UnitOfWork, mismatch: _Mismatch, now: datetime) -> None:
        """Never grant on a mismatch; record it so an operator can look."""
        order = mismatch.order
        note = f"amount mismatch: paid {mismatch.amount} {mismatch.currency}"
        await uow.payments.update(order, StatusChange(order.status, now, note))

    @staticmethod
    def _mismatch_error(mismatch: _Mismatch) -> TarotError:
        order = mismatch.order
        paid = f"{mismatch.amount} {mismatch.currency}"
        return payment_error(f"{order.id}: paid {paid}, expected {order.amount} {order.currency}")

    async def _grant(self, uow: UnitOfWork, payment: Payment, now: datetime, anchor: Payment) -> int:
        catalog = self._s.catalog
        if payment.product_id in {t.id for t in catalog.tiers}:
            user = await uow.users.get(payment.user_id)
            if user is None:
                raise not_found(f"no user {payment.user_id}", "error.unknown_user")
            if not subscription_ended(anchor):
                start = (
                    user.tier_until
                    if user.tier_id == payment.product_id and user.tier_until and user.tier_until > now
                    else now
                )
                await uow.users.update(
                    evolve(user, tier_id=payment.product_id, tier_until=start + SUBSCRIPTION_PERIOD)
                )
            kind = TransferKind.SUBSCRIPTION
        else:
            kind = TransferKind.PURCHASE
        if payment.credits <= 0:
            return 0
        await uow.ledger.submit(
            TransferRequest(
                id=f"purchase:{payment.id}",
                debit=ISSUANCE[payment.provider],
                credit=user_account(payment.user_id),
                amount=payment.credits,
                kind=kind,
                reference=payment.id,
            ),
            now,
        )
        return payment.credits

    async def _refund(
        self, uow: UnitOfWork, order: Payment, refunded_total: int, now: datetime
    ) -> EventOutcome:
        total = min(max(refunded_total, order.refunded_amount), order.amount)
        if total == order.refunded_amount:
            return EventOutcome(applied=False, payment=order)
        owed = order.credits * total // order.amount - order.credits * order.refunded_amount // order.amount
        taken, shortfall = await self._take_back(uow, order, f"refund:{order.id}:{total}", owed, now)
        note = f"refunded {total}/{order.amount}; took {taken} credits, shortfall {shortfall}"
        updated = evolve(order, status=PaymentStatus.REFUNDED, refunded_amount=total)
        updated = await self._change(uow, updated, StatusChange(PaymentStatus.REFUNDED, now, note))
        return EventOutcome(True, updated, credits_taken=taken, shortfall=shortfall)

    async def _take_back(
        self, uow: UnitOfWork, payment: Payment, transfer_id: str, owed: int, now: datetime
    ) -> tuple[int, int]:
        """A balancing claw-back of `owed` credits for `payment`: (taken, shortfall). Nothing owed: (0, 0)."""
        if owed <= 0:
            return 0, 0
        result = await uow.ledger.clawback(
            TransferRequest(
                id=transfer_id,
                debit=user_account(payment.user_id),
                credit=ISSUANCE[payment.provider],
                amount=owed,
                kind=TransferKind.CLAWBACK,
                reference=payment.id,
                balancing=True,
            ),
            now,
        )
        return result.taken, result.shortfall

    async def _open_dispute(
        self, uow: UnitOfWork, payment: Payment, dispute_id: str, amount: int, now: datetime
    ) -> EventOutcome:
        """Take back the disputed share of the credits (balancing) and freeze the buyer's purchases."""
        if not await uow.events.mark(payment.provider, f"dispute:{dispute_id}", now):
            return EventOutcome(False, payment, note=f"dispute {dispute_id} already opened or closed")
        return await self._dispute_clawback(uow, payment, dispute_id, amount, now)

    async def _dispute_clawback(
        self, uow: UnitOfWork, payment: Payment, dispute_id: str, amount: int, now: datetime
    ) -> EventOutcome:
        still_held = payment.credits - payment.credits * payment.refunded_amount // payment.amount
        owed = min(still_held, payment.credits * min(max(amount, 0), payment.amount) // payment.amount)
        taken, shortfall = await self._take_back(uow, payment, f"dispute:{dispute_id}", owed, now)
        await self._set_frozen(uow, payment.user_id, True)
        note = f"dispute {dispute_id} opened for {amount}; took {taken} credits, shortfall {shortfall}"
        updated = evolve(payment, status=PaymentStatus.DISPUTED)
        updated = await self._change(uow, updated, StatusChange(PaymentStatus.DISPUTED, now, note))
        return EventOutcome(True, updated, credits_taken=taken, shortfall=shortfall)

    async def _close_dispute(
        self, uow: UnitOfWork, payment: Payment, event: DisputeClosed, now: datetime
    ) -> EventOutcome:
        """Won: give back exactly what the opening took and unfreeze. Lost: the opening's effect stays."""
        opening_missed = await uow.events.mark(payment.provider, f"dispute:{event.dispute_id}", now)
        taken = shortfall = restored = 0
        if not event.won:
            if opening_missed:  # the opening overtook us: take what it would have taken, freeze
                opened = await self._dispute_clawback(uow, payment, event.dispute_id, event.amount, now)
                taken, shortfall = opened.credits_taken, opened.shortfall
                payment = opened.payment or payment
            status, note = PaymentStatus.DISPUTE_LOST, f"dispute {event.dispute_id} lost ({event.status})"
        else:
            clawback = await uow.ledger.get(f"dispute:{event.dispute_id}")
            if clawback is not None and clawback.amount > 0:
                await uow.ledger.submit(
                    TransferRequest(
                        id=f"dispute-restore:{event.dispute_id}",
                        debit=ISSUANCE[payment.provider],
                        credit=user_account(payment.user_id),
                        amount=clawback.amount,
                        kind=TransferKind.RESTORE,
                        reference=payment.id,
                    ),
                    now,
                )
                restored = clawback.amount
            others = await uow.payments.list_for_user(payment.user_id, limit=1000)
            if not any(p.id != payment.id and p.status is PaymentStatus.DISPUTED for p in others):
                await self._set_frozen(uow, payment.user_id, False)
            status = PaymentStatus.DISPUTE_WON
            note = f"dispute {event.dispute_id} {event.status}; restored {restored} credits"
        updated = await self._change(uow, evolve(payment, status=status), StatusChange(status, now, note))
        return EventOutcome(
            True, updated, credits_taken=taken, shortfall=shortfall, credits_restored=restored
        )

    async def _change(self, uow: UnitOfWork, payment: Payment, change: StatusChange) -> Payment:
        """Store a new state of a payment read in this unit of work, with its history entry.

        Optimistic concurrency through the processed-event store: the key `version:<id>:<history length>`
        is claimed first, so of two units of work that computed from the same version, the later one
        fails (retryable, the provider delivers again) instead of applying a stale computation. Every
        change appends to the history, so the next change in the same unit of work claims the next key.
        """
        version = f"version:{payment.id}:{len(payment.history)}"
        if not await uow.events.mark(payment.provider, version, change.at):
            raise TarotError(ErrorKind.DATABASE, f"payment {payment.id} changed concurrently", retryable=True)
        await uow.payments.update(payment, change)
        return await uow.payments.get(payment.id) or payment

    async def _set_frozen(self, uow: UnitOfWork, user_id: str, frozen_: bool) -> None:
        user = await uow.users.get(user_id)
        if user is not None and user.purchases_frozen != frozen_:
            await uow.users.update(evolve(user, purchases_frozen=frozen_))

    async def _fail(self, uow: UnitOfWork, event: PaymentFailed, now: datetime) -> EventOutcome:
        order = await uow.payments.get(event.order_id)
        if order is None or order.provider != event.provider:
            return EventOutcome(False, note=f"no {event.provider} order {event.order_id}")
        if order.status is not PaymentStatus.CREATED:
            return EventOutcome(False, order, note=f"order is {order.status.value}")
        status = PaymentStatus.CANCELLED if event.expired else PaymentStatus.FAILED
        updated = evolve(order, status=status)
        updated = await self._change(uow, updated, StatusChange(status, now, event.reason[:500]))
        return EventOutcome(True, updated)

    async def _end_subscription(
        self, uow: UnitOfWork, event: SubscriptionEnded, now: datetime
    ) -> EventOutcome:
        """Record the end on the order (a CANCELLED history entry; the money's status stays) and end
        the buyer's tier when it is this subscription's."""
        order = await uow.payments.get(event.order_id)
        if order is None or order.provider != event.provider:
            return EventOutcome(False, note=f"no {event.provider} order {event.order_id}")
        if subscription_ended(order):
            return EventOutcome(False, order, note="subscription already ended")
        note = f"subscription {event.subscription_id} ended"
        order = await self._change(uow, order, StatusChange(PaymentStatus.CANCELLED, now, note))
        user = await uow.users.get(order.user_id)
        if user is not None and user.tier_id == order.product_id:
            await uow.users.update(evolve(user, tier_id=None, tier_until=None))
        return EventOutcome(True, order)
