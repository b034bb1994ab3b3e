"""Every backend against LedgerBook, the reference rules, under random sequences of operations.

The store is built once per test, in the test body on its own event loop, and reset per example (a
fixture per example would be too slow). Each step runs the same operation on a LedgerBook and on the
store (one unit of work each) and demands the same outcome; after each step balances, pending holds
and every account's history must match.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from tarot_domain.model.errors import TarotError
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    ISSUANCE_STRIPE,
    REVENUE_READINGS,
    LedgerBook,
    TransferKind,
    TransferRequest,
    user_account,
)

pytestmark = pytest.mark.contract

USERS = st.sampled_from(["a", "b", "c"])
IDS = st.sampled_from([f"t{i}" for i in range(12)])  # few ids, so replays and clashes happen often
EXAMPLES = {"memory": 60, "sqlite": 15, "postgres": 15}


def _outcome(fn: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", fn()
    except TarotError as error:
        return error.kind.value, None


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self, runner: asyncio.Runner, backend: Any, start: Any) -> None:
        super().__init__()
        self.runner = runner
        self.backend = backend
        runner.run(backend.reset())
        self.book = LedgerBook()
        self.now = start
        self.requests: list[TransferRequest] = []

    # ------------------------------------------------------------------ plumbing

    def _store(self, op: Callable[[Any], Any], commit: bool = True) -> Any:
        async def run() -> Any:
            async with self.backend.uow() as uow:
                result = await op(uow)
                if commit:
                    await uow.commit()
                return result

        return self.runner.run(run())

    def _same(self, model: Callable[[], Any], store: Callable[[Any], Any]) -> None:
        expected = _outcome(model)
        actual = _outcome(lambda: self._store(store))
        assert actual == expected, f"{self.backend.kind}: store gave {actual}, LedgerBook {expected}"

    def _submit(self, request: TransferRequest) -> None:
        self.requests.append(request)
        if request.balancing:
            self._same(
                lambda: self.book.clawback(request, self.now),
                lambda uow: uow.ledger.clawback(request, self.now),
            )
        else:
            self._same(
                lambda: self.book.submit(request, self.now), lambda uow: uow.ledger.submit(request, self.now)
            )

    # ------------------------------------------------------------------ rules

    @rule(transfer_id=IDS, user=USERS, amount=st.integers(1, 40), purchase=st.booleans())
    def grant(self, transfer_id: str, user: str, amount: int, purchase: bool) -> None:
        debit, kind = (
            (ISSUANCE_STRIPE, TransferKind.PURCHASE) if purchase else (ISSUANCE_GRANTS, TransferKind.GRANT)
        )
        self._submit(TransferRequest(transfer_id, debit, user_account(user), amount, kind))

    @rule(transfer_id=IDS, user=USERS, amount=st.integers(1, 30), ttl=st.integers(1, 15))
    def hold(self, transfer_id: str, user: str, amount: int, ttl: int) -> None:
        self._submit(
            TransferRequest(
                transfer_id,
                user_account(user),
                REVENUE_READINGS,
                amount,
                TransferKind.READING,
                reference="r",
                pending=True,
                hold_ttl=timedelta(minutes=ttl),
            )
        )

    @rule(transfer_id=IDS, user=USERS, amount=st.integers(1, 30))
    def spend(self, transfer_id: str, user: str, amount: int) -> None:
        self._submit(
            TransferRequest(transfer_id, user_account(user), REVENUE_READINGS, amount, TransferKind.FOLLOW_UP)
        )

    @rule(transfer_id=IDS, user=USERS, amount=st.integers(1, 60))
    def clawback(self, transfer_id: str, user: str, amount: int) -> None:
        self._submit(
            TransferRequest(
                transfer_id,
                user_account(user),
                ISSUANCE_STRIPE,
                amount,
                TransferKind.CLAWBACK,
                balancing=True,
            )
        )

    @precondition(lambda self: bool(self.requests))
    @rule(data=st.data())
    def replay(self, data: st.DataObject) -> None:
        self._submit(data.draw(st.sampled_from(self.requests)))

    @rule(transfer_id=IDS)
    def post(self, transfer_id: str) -> None:
        self._same(
            lambda: self.book.post(transfer_id, self.now), lambda uow: uow.ledger.post(transfer_id, self.now)
        )

    @rule(transfer_id=IDS)
    def void(self, transfer_id: str) -> None:
        self._same(
            lambda: self.book.void(transfer_id, self.now), lambda uow: uow.ledger.void(transfer_id, self.now)
        )

    @rule()
    def expire(self) -> None:
        self._same(lambda: self.book.expire_due(self.now), lambda uow: uow.ledger.expire_due(self.now))

    @rule(minutes=st.integers(0, 12), seconds=st.integers(0, 59))
    def advance(self, minutes: int, seconds: int) -> None:
        self.now += timedelta(minutes=minutes, seconds=seconds)

    @rule(transfer_id=IDS, user=USERS, amount=st.integers(1, 40))
    def abandoned(self, transfer_id: str, user: str, amount: int) -> None:
        """A unit of work left without commit changes nothing, whatever it did."""
        request = TransferRequest(
            transfer_id, ISSUANCE_GRANTS, user_account(user), amount, TransferKind.GRANT
        )
        with contextlib.suppress(TarotError):
            self._store(lambda uow: uow.ledger.submit(request, self.now), commit=False)

    # ------------------------------------------------------------------ invariants

    @invariant()
    def same_books(self) -> None:
        accounts = [user_account(u) for u in "abc"] + [ISSUANCE_GRANTS, ISSUANCE_STRIPE, REVENUE_READINGS]

        async def read(uow: Any) -> tuple[Any, Any, Any]:
            balances = {b.account: b for b in await uow.ledger.balances()}
            pending = await uow.ledger.pending()
            histories = {a: await uow.ledger.history(a, limit=1000) for a in accounts}
            return balances, pending, histories

        balances, pending, histories = self._store(read, commit=False)
        assert balances == self.book.balances
        assert pending == self.book.pending_transfers()
        assert histories == {a: self.book.history(a) for a in accounts}


@pytest.mark.parametrize("kind", ["memory", "sqlite", "postgres"])
def test_backend_behaves_like_ledgerbook(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path, open_backend_fn, make
) -> None:
    pg = request.getfixturevalue("pg_url") if kind == "postgres" else None
    with asyncio.Runner() as runner:
        stack = contextlib.AsyncExitStack()
        backend = runner.run(stack.enter_async_context(open_backend_fn(kind, tmp_path, pg)))
        try:
            run_state_machine_as_test(
                lambda: LedgerMachine(runner, backend, make.now),
                settings=settings(
                    max_examples=EXAMPLES[kind],
                    stateful_step_count=30,
                    deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
                ),
            )
        finally:
            runner.run(stack.aclose())
