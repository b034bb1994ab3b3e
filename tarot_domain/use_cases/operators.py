"""What an operator does to a person's account from `tarot admin`: suspend and unsuspend it, lift a
purchase freeze after a lost dispute, and read the service's numbers.

A suspended account keeps everything (its identity, credits, readings, payments) but can start nothing:
every use case that loads the user refuses with `error.user_suspended`. A forgotten person cannot be
suspended or found: their account has no identity left.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from attrs import evolve, frozen

from tarot_domain.model.errors import not_found
from tarot_domain.model.figures import Figures
from tarot_domain.model.users import User, check_external_ref
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.payment_books import FREEZE_SCAN
from tarot_ports.storage import UnitOfWork

WEEK = timedelta(days=7)


@frozen
class AccountChange:
    """`changed` is False when the account already was as asked (the command is safe to repeat);
    `payments`: the payments whose freeze was lifted."""

    user: User
    changed: bool
    payments: tuple[str, ...] = ()


async def _by_ref(uow: UnitOfWork, external_ref: str) -> User:
    user = await uow.users.get_by_ref(check_external_ref(external_ref))
    if user is None:
        raise not_found(f"unknown user {external_ref}", "error.unknown_user")
    return user


class OperatorService:
    def __init__(self, services: Services) -> None:
        self._s = services

    async def set_suspended(self, external_ref: str, suspended: bool) -> AccountChange:
        async with self._s.uow() as uow:
            user = await _by_ref(uow, external_ref)
            if user.active != suspended:
                return AccountChange(user, changed=False)
            updated = evolve(user, active=not suspended)
            await uow.users.update(updated)
            await uow.commit()
        return AccountChange(updated, changed=True)

    async def unfreeze(self, external_ref: str, note: str) -> AccountChange:
        """Let a buyer whose purchases a lost dispute froze buy again. Raises PAYMENT
        (`error.dispute_open`) while any of their disputes is still open; changes nothing then."""
        now = self._s.clock.now()
        async with self._s.uow() as uow:
            user = await _by_ref(uow, external_ref)
            lifted: list[str] = []
            for payment in await uow.payments.list_for_user(user.id, limit=FREEZE_SCAN):
                change = payment.lift_freeze(now, note)
                if change is not None:
                    await uow.payments.update(change.payment, change.entry)
                    lifted.append(payment.id)
            if not user.purchases_frozen and not lifted:
                return AccountChange(user, changed=False)
            updated = evolve(user, purchases_frozen=False)
            await uow.users.update(updated)
            await uow.commit()
        return AccountChange(updated, changed=True, payments=tuple(lifted))

    async def stats(self) -> Figures:
        """Counted inside the store; "today" is the UTC calendar day, "7 days" the last 168 hours."""
        now = self._s.clock.now().astimezone(UTC)
        day_start = datetime(now.year, now.month, now.day, tzinfo=UTC)
        async with self._s.uow() as uow:
            return await uow.audit.figures(day_start, now - WEEK)
