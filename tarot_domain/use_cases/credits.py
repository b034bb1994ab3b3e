"""Credits: grants, balances, history and the sweeper that releases expired holds."""

from __future__ import annotations

from attrs import frozen

from tarot_domain.model.errors import not_found, validation
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    Balance,
    Transfer,
    TransferKind,
    TransferRequest,
    invariant_violations,
    user_account,
)
from tarot_domain.use_cases.context import Services

MAX_GRANT = 1_000_000


@frozen
class LedgerReport:
    violations: tuple[str, ...]
    accounts: int
    pending: int

    @property
    def ok(self) -> bool:
        return not self.violations


class CreditService:
    def __init__(self, services: Services) -> None:
        self._s = services

    async def grant(self, user_id: str, amount: int, reason: str, transfer_id: str | None = None) -> Transfer:
        """Give credits from the grants account; replaying `transfer_id` grants once."""
        if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount <= MAX_GRANT:
            raise validation(f"grant must be 1..{MAX_GRANT} credits", "error.bad_amount", limit=MAX_GRANT)
        reason = reason.strip()
        if not reason:
            raise validation("a grant needs a reason", "error.grant_reason")
        async with self._s.uow() as uow:
            if await uow.users.get(user_id) is None:
                raise not_found(f"no user {user_id}", "error.unknown_user")
            transfer = await uow.ledger.submit(
                TransferRequest(
                    id=transfer_id or f"grant:{self._s.new_id()}",
                    debit=ISSUANCE_GRANTS,
                    credit=user_account(user_id),
                    amount=amount,
                    kind=TransferKind.GRANT,
                    reference=reason[:200],
                ),
                self._s.clock.now(),
            )
            await uow.commit()
        return transfer

    async def balance(self, user_id: str) -> Balance:
        async with self._s.uow() as uow:
            return await uow.ledger.balance(user_account(user_id))

    async def history(self, user_id: str, limit: int = 50, offset: int = 0) -> list[Transfer]:
        async with self._s.uow() as uow:
            return await uow.ledger.history(user_account(user_id), limit, offset)

    async def sweep(self) -> list[Transfer]:
        """Release every hold whose time is up (a crashed reading never strands credits)."""
        async with self._s.uow() as uow:
            expired = await uow.ledger.expire_due(self._s.clock.now())
            await uow.commit()
        return expired

    async def check(self) -> LedgerReport:
        """Every ledger invariant, named when broken."""
        async with self._s.uow() as uow:
            balances = await uow.ledger.balances()
            pending = await uow.ledger.pending()
            stored_holds = await uow.readings.hold_ids()
            posted_spend: list[Transfer] = []
            for balance in balances:
                if balance.account.startswith("revenue:"):
                    posted_spend.extend(await uow.ledger.history(balance.account, limit=10**9))
        problems = invariant_violations({b.account: b for b in balances}, pending, self._s.clock.now())
        for transfer in posted_spend:
            if (
                transfer.kind in (TransferKind.READING, TransferKind.FOLLOW_UP)
                and transfer.state.value == "posted"
                and transfer.id not in stored_holds
            ):
                problems.append(f"charged-without-reading: {transfer.id}")
        return LedgerReport(tuple(problems), accounts=len(balances), pending=len(pending))
