"""Payments: orders, and applying what providers tell us exactly once.

Every provider event is applied in ONE unit of work together with its processed-event id, so a
redelivered event is a no-op and a crash either applied all of it or nothing. Ledger transfer ids are
derived from our order id, so even two different events about the same payment cannot grant twice.
Claw-backs are balancing (they take what is left and record the shortfall) and restores give back
exactly what was taken.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import evolve, frozen

from tarot_domain.model.errors import ErrorKind, TarotError, forbidden, not_found
from tarot_domain.model.ledger import (
    ISSUANCE_STARS,
    ISSUANCE_STRIPE,
    TransferKind,
    TransferRequest,
    user_account,
)
from tarot_domain.model.payments import Payment, PaymentStatus, StatusChange
from tarot_domain.model.products import STARS, STRIPE
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.users import load_active_user
from tarot_ports.storage import UnitOfWork

SUBSCRIPTION_PERIOD = timedelta(days=31)
ISSUANCE = {STRIPE: ISSUANCE_STRIPE, STARS: ISSUANCE_STARS}


@frozen
class EventOutcome:
    """What applying an event did: `applied` is False for a duplicate or an event about nothing we sold."""

    applied: bool
    payment: Payment | None = None
    credits_granted: int = 0
    credits_taken: int = 0
    shortfall: int = 0


def payment_error(detail: str, message_key: str = "error.payment", *, retryable: bool = False) -> TarotError:
    return TarotError(ErrorKind.PAYMENT, detail, message_key=message_key, retryable=retryable)


class PaymentService:
    def __init__(self, services: Services) -> None:
        self._s = services

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

    async def mark_paid(
        self, provider: str, order_id: str, provider_ref: str, amount: int, currency: str, event_id: str
    ) -> EventOutcome:
        """Money arrived: grant the pack's credits or start/extend the subscription, once."""
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            if not await uow.events.mark(provider, event_id, now):
                return EventOutcome(applied=False, payment=await uow.payments.get(order_id))
            order = await uow.payments.get(order_id)
            if order is None or order.provider != provider:
                raise not_found(f"no {provider} order {order_id}", "error.unknown_order")
            if (order.amount, order.currency) != (amount, currency):
                # Never grant on a mismatch; record it so an operator can look.
                await uow.payments.update(
                    order, StatusChange(order.status, now, f"amount mismatch: paid {amount} {currency}")
                )
                await uow.commit()
                raise payment_error(
                    f"{order_id}: paid {amount} {currency}, expected {order.amount} {order.currency}"
                )
            if order.status is not PaymentStatus.CREATED:
                await uow.commit()  # the event is recorded; the order was settled by an earlier one
                return EventOutcome(applied=False, payment=order)
            granted = await self._grant(uow, order, now)
            paid = evolve(order, status=PaymentStatus.PAID, provider_ref=provider_ref)
            await uow.payments.update(paid, StatusChange(PaymentStatus.PAID, now, event_id))
            await uow.commit()
        return EventOutcome(applied=True, payment=paid, credits_granted=granted)

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
            total = min(max(refunded_total, order.refunded_amount), order.amount)
            if total == order.refunded_amount:
                await uow.commit()
                return EventOutcome(applied=False, payment=order)
            owed = (
                order.credits * total // order.amount - order.credits * order.refunded_amount // order.amount
            )
            taken = shortfall = 0
            if owed > 0:
                result = await uow.ledger.clawback(
                    TransferRequest(
                        id=f"refund:{order.id}:{total}",
                        debit=user_account(order.user_id),
                        credit=ISSUANCE[provider],
                        amount=owed,
                        kind=TransferKind.CLAWBACK,
                        reference=order.id,
                        balancing=True,
                    ),
                    now,
                )
                taken, shortfall = result.taken, result.shortfall
            note = f"refunded {total}/{order.amount}; took {taken} credits, shortfall {shortfall}"
            updated = evolve(order, status=PaymentStatus.REFUNDED, refunded_amount=total)
            await uow.payments.update(updated, StatusChange(PaymentStatus.REFUNDED, now, note))
            await uow.commit()
        return EventOutcome(True, updated, credits_taken=taken, shortfall=shortfall)

    async def _grant(self, uow: UnitOfWork, order: Payment, now: datetime) -> int:
        catalog = self._s.catalog
        if order.product_id in {t.id for t in catalog.tiers}:
            user = await uow.users.get(order.user_id)
            if user is None:
                raise not_found(f"no user {order.user_id}", "error.unknown_user")
            start = (
                user.tier_until
                if user.tier_id == order.product_id and user.tier_until and user.tier_until > now
                else now
            )
            await uow.users.update(
                evolve(user, tier_id=order.product_id, tier_until=start + SUBSCRIPTION_PERIOD)
            )
            kind = TransferKind.SUBSCRIPTION
        else:
            kind = TransferKind.PURCHASE
        if order.credits <= 0:
            return 0
        await uow.ledger.submit(
            TransferRequest(
                id=f"purchase:{order.id}",
                debit=ISSUANCE[order.provider],
                credit=user_account(order.user_id),
                amount=order.credits,
                kind=kind,
                reference=order.id,
            ),
            now,
        )
        return order.credits
