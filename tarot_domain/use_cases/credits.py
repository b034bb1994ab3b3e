"""Credits: grants, balances, history, the sweeper that releases expired holds, and the audit."""

from __future__ import annotations

from tarot_domain.model.audit import DEFAULT_LIMIT, AuditReport
from tarot_domain.model.errors import not_found, validation
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    Balance,
    Transfer,
    TransferKind,
    TransferRequest,
    user_account,
)
from tarot_domain.use_cases.context import Services

MAX_GRANT = 1_000_000


LedgerReport = AuditReport  # the report's earlier name


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

    async def check(self, limit: int = DEFAULT_LIMIT) -> AuditReport:
        """Every check of the books (tarot_domain.model.audit), each broken one named; the store runs
        them set-based, so this holds at most `limit` lines in memory whatever the ledger's size."""
        async with self._s.uow() as uow:
            return await uow.audit.audit(self._s.clock.now(), limit)
