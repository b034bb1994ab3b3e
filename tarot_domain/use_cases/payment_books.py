"""Carrying out a payment's `Change` inside a unit of work: the ledger first, then the new state.

The aggregate (tarot_domain.model.payments) decides; this module only books what it decided:
- the grant `purchase:<payment id>` (a tier's grant also starts or extends the buyer's tier, unless the
  subscription has ended: by 31 days, or to the `period_end` its provider dated), a balancing
  claw-back `clawback:<payment id>:v<version>` and a restore `restore:<payment id>:v<version>`. Ids
  come from the version the change was computed from, so a retry after a rollback books the same ids,
  and a change computed from a stale read collides with the one that was not stale (reported as a
  retryable DATABASE error, like the store's own version check);
- then the state, saved over its version by `PaymentRepository.update`;
- after dispute news, the buyer's purchase freeze: frozen while any of their payments has an open or
  lost dispute.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import evolve, frozen

from tarot_domain.model.errors import ErrorKind, TarotError, not_found
from tarot_domain.model.ledger import (
    ISSUANCE_STARS,
    ISSUANCE_STRIPE,
    TransferKind,
    TransferRequest,
    user_account,
)
from tarot_domain.model.payments import ORDER_SEPARATOR, Change, Payment, order_id_of

__all__ = ["ISSUANCE", "ORDER_SEPARATOR", "Booked", "PaymentBooks", "order_id_of", "stale"]
from tarot_domain.model.products import STARS, STRIPE, Catalog
from tarot_ports.storage import UnitOfWork

SUBSCRIPTION_PERIOD = timedelta(days=31)
ISSUANCE = {STRIPE: ISSUANCE_STRIPE, STARS: ISSUANCE_STARS}
FREEZE_SCAN = 1000  # a buyer's payments looked at to decide the freeze


@frozen
class Booked:
    """A change as booked: the stored payment and what moved (`shortfall`: what a claw-back could not
    take because the buyer had spent it)."""

    payment: Payment
    granted: int = 0
    taken: int = 0
    shortfall: int = 0
    restored: int = 0


def stale(payment: Payment) -> TarotError:
    return TarotError(
        ErrorKind.DATABASE, f"payment {payment.id} changed concurrently (v{payment.version})", retryable=True
    )


class PaymentBooks:
    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def is_tier(self, product_id: str) -> bool:
        return product_id in {t.id for t in self._catalog.tiers}

    async def book(self, uow: UnitOfWork, change: Change, now: datetime, *, refreeze: bool = False) -> Booked:
        payment, movement = change.payment, change.movement
        taken = shortfall = 0
        try:
            if movement.grant:
                await self._grant(uow, payment, movement.grant, now)
            if movement.clawback:
                result = await uow.ledger.clawback(
                    self._request(payment, "clawback", movement.clawback, TransferKind.CLAWBACK), now
                )
                taken, shortfall = result.taken, result.shortfall
            if movement.restore:
                await uow.ledger.submit(
                    self._request(payment, "restore", movement.restore, TransferKind.RESTORE), now
                )
        except TarotError as error:
            if error.kind is ErrorKind.CONFLICT:  # a version's transfer id already booked otherwise
                raise stale(payment) from error
            raise
        stored = await uow.payments.update(change.booked(taken), change.entry)
        if refreeze:
            await self._refreeze(uow, stored)
        return Booked(stored, movement.grant, taken, shortfall, movement.restore)

    def _request(self, payment: Payment, what: str, amount: int, kind: TransferKind) -> TransferRequest:
        back = kind is TransferKind.CLAWBACK
        buyer, issuance = user_account(payment.user_id), ISSUANCE[payment.provider]
        return TransferRequest(
            id=f"{what}:{payment.id}:v{payment.version}",
            debit=buyer if back else issuance,
            credit=issuance if back else buyer,
            amount=amount,
            kind=kind,
            reference=payment.id,
            balancing=back,
        )

    async def _grant(self, uow: UnitOfWork, payment: Payment, credits: int, now: datetime) -> None:
        kind = TransferKind.PURCHASE
        if self.is_tier(payment.product_id):
            kind = TransferKind.SUBSCRIPTION
            await self._extend_tier(uow, payment, now)
        await uow.ledger.submit(
            TransferRequest(
                id=f"purchase:{payment.id}",
                debit=ISSUANCE[payment.provider],
                credit=user_account(payment.user_id),
                amount=credits,
                kind=kind,
                reference=payment.id,
            ),
            now,
        )

    async def _extend_tier(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None:
        user = await uow.users.get(payment.user_id)
        if user is None:
            raise not_found(f"no user {payment.user_id}", "error.unknown_user")
        order = payment if order_id_of(payment.id) == payment.id else None
        order = order or await uow.payments.get(order_id_of(payment.id))
        if order is not None and order.subscription_ended:
            return  # a late invoice after the end grants its credits but does not revive the tier
        current = user.tier_id == payment.product_id and user.tier_until and user.tier_until > now
        start = user.tier_until if current and user.tier_until else now
        until = start + SUBSCRIPTION_PERIOD
        if payment.period_end is not None:  # the provider dates the period: it runs exactly that long
            until = max(payment.period_end, start) if current else payment.period_end
        await uow.users.update(evolve(user, tier_id=payment.product_id, tier_until=until))

    async def _refreeze(self, uow: UnitOfWork, changed: Payment) -> None:
        user = await uow.users.get(changed.user_id)
        if user is None:
            return
        others = await uow.payments.list_for_user(user.id, limit=FREEZE_SCAN)
        frozen_ = changed.freezes or any(p.freezes for p in others if p.id != changed.id)
        if user.purchases_frozen != frozen_:
            await uow.users.update(evolve(user, purchases_frozen=frozen_))
