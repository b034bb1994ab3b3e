"""The ledger's rules (LedgerBook): idempotency, holds, claw-backs and the invariants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    ISSUANCE_STRIPE,
    REVENUE_READINGS,
    LedgerBook,
    TransferKind,
    TransferRequest,
    TransferState,
    invariant_violations,
    user_account,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)
ALICE = user_account("alice")


def grant(tid: str, amount: int, account: str = ALICE) -> TransferRequest:
    return TransferRequest(tid, ISSUANCE_GRANTS, account, amount, TransferKind.GRANT, "test")


def hold(
    tid: str, amount: int, account: str = ALICE, ttl: timedelta = timedelta(minutes=10)
) -> TransferRequest:
    return TransferRequest(
        tid, account, REVENUE_READINGS, amount, TransferKind.READING, "r", pending=True, hold_ttl=ttl
    )


def claw(tid: str, amount: int, account: str = ALICE) -> TransferRequest:
    return TransferRequest(
        tid, account, ISSUANCE_STRIPE, amount, TransferKind.CLAWBACK, "refund", balancing=True
    )


def test_replay_with_same_fields_returns_the_original_and_moves_nothing() -> None:
    book = LedgerBook()
    first = book.submit(grant("g1", 30), T0)
    again = book.submit(grant("g1", 30), T0 + timedelta(hours=1))
    assert again == first
    assert book.balance(ALICE).posted == 30


def test_replay_with_different_fields_is_a_conflict_and_changes_nothing() -> None:
    book = LedgerBook()
    book.submit(grant("g1", 30), T0)
    with pytest.raises(TarotError) as caught:
        book.submit(grant("g1", 31), T0)
    assert caught.value.kind is ErrorKind.CONFLICT
    assert book.balance(ALICE).posted == 30


def test_spending_more_than_available_is_refused_and_changes_nothing() -> None:
    book = LedgerBook()
    book.submit(grant("g1", 10), T0)
    book.submit(hold("h1", 6), T0)
    with pytest.raises(TarotError) as caught:
        book.submit(hold("h2", 5), T0)
    assert caught.value.kind is ErrorKind.INSUFFICIENT_CREDITS
    assert caught.value.params == {"needed": 5, "available": 4}
    assert book.get("h2") is None
    assert book.balance(ALICE).available == 4


def test_hold_lifecycle_post_void_and_expiry() -> None:
    book = LedgerBook()
    book.submit(grant("g", 50), T0)
    book.submit(hold("posted", 10), T0)
    book.submit(hold("voided", 10), T0)
    book.submit(hold("expired", 10, ttl=timedelta(minutes=1)), T0)
    assert book.balance(ALICE).available == 20

    assert book.post("posted", T0).state is TransferState.POSTED
    assert book.post("posted", T0).state is TransferState.POSTED  # idempotent
    assert book.void("voided", T0).state is TransferState.VOIDED
    with pytest.raises(TarotError):
        book.post("voided", T0)
    with pytest.raises(TarotError):
        book.void("posted", T0)
    with pytest.raises(TarotError) as late:
        book.post("expired", T0 + timedelta(minutes=1))
    assert late.value.message_key == "error.hold_expired"

    swept = book.expire_due(T0 + timedelta(minutes=1))
    assert [t.id for t in swept] == ["expired"]
    assert book.expire_due(T0 + timedelta(minutes=2)) == []
    balance = book.balance(ALICE)
    assert (balance.posted, balance.pending_out, balance.available) == (40, 0, 40)
    assert book.balance(REVENUE_READINGS).posted == 10


def test_clawback_takes_what_is_available_and_reports_the_shortfall() -> None:
    book = LedgerBook()
    book.submit(grant("g", 30), T0)
    book.submit(hold("h", 20), T0)
    result = book.clawback(claw("c1", 25), T0)
    assert (result.taken, result.shortfall) == (10, 15)
    assert book.balance(ALICE).available == 0
    assert book.clawback(claw("c1", 25), T0) == result  # replay
    nothing = book.clawback(claw("c2", 5), T0)
    assert (nothing.taken, nothing.shortfall) == (0, 5)
    book.submit(grant("g2", 8), T0)
    assert book.clawback(claw("c2", 5), T0).taken == 0  # a replay never takes credits received since
    assert book.balance(ALICE).available == 8


def test_requests_reject_nonsense() -> None:
    for bad in (0, -5, True, 2.5):
        with pytest.raises(TarotError):
            TransferRequest("x", ISSUANCE_GRANTS, ALICE, bad, TransferKind.GRANT)  # type: ignore[arg-type]
    with pytest.raises(TarotError):
        TransferRequest("x", ALICE, ALICE, 1, TransferKind.GRANT)
    with pytest.raises(TarotError):
        TransferRequest("", ISSUANCE_GRANTS, ALICE, 1, TransferKind.GRANT)


USERS = [user_account(name) for name in ("u1", "u2", "u3")]
ids = st.integers(min_value=0, max_value=12).map(lambda n: f"t{n}")
amounts = st.integers(min_value=1, max_value=40)


class LedgerMachine(RuleBasedStateMachine):
    """Random sequences of every ledger operation, replays included; the invariants always hold."""

    @initialize()
    def start(self) -> None:
        self.book = LedgerBook()
        self.now = T0
        self.requests: dict[str, TransferRequest] = {}

    def _try(self, request: TransferRequest) -> None:
        before = self.book.copy()
        try:
            if request.balancing:
                self.book.clawback(request, self.now)
            else:
                self.book.submit(request, self.now)
        except TarotError as error:
            assert error.kind in (ErrorKind.INSUFFICIENT_CREDITS, ErrorKind.CONFLICT)
            assert self.book.transfers == before.transfers  # a refusal changes nothing
            assert self.book.balances == before.balances
            return
        self.requests.setdefault(request.id, request)

    @rule(tid=ids, user=st.sampled_from(USERS), amount=amounts)
    def grant(self, tid: str, user: str, amount: int) -> None:
        self._try(grant(f"g{tid}", amount, user))

    @rule(tid=ids, user=st.sampled_from(USERS), amount=amounts, ttl=st.integers(1, 20))
    def hold(self, tid: str, user: str, amount: int, ttl: int) -> None:
        self._try(hold(f"h{tid}", amount, user, timedelta(minutes=ttl)))

    @rule(tid=ids, user=st.sampled_from(USERS), amount=amounts)
    def clawback(self, tid: str, user: str, amount: int) -> None:
        self._try(claw(f"c{tid}", amount, user))

    @rule(tid=ids)
    def replay(self, tid: str) -> None:
        for prefix in "ghc":
            request = self.requests.get(f"{prefix}{tid}")
            if request is not None:
                before = self.book.balances.copy()
                self._try(request)
                assert self.book.balances == before

    @rule(tid=ids, post=st.booleans())
    def resolve(self, tid: str, post: bool) -> None:
        transfer = self.book.get(f"h{tid}")
        if transfer is None:
            return
        try:
            (self.book.post if post else self.book.void)(transfer.id, self.now)
        except TarotError as error:
            assert error.kind is ErrorKind.CONFLICT

    @rule(minutes=st.integers(0, 15))
    def tick_and_sweep(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)
        self.book.expire_due(self.now)

    @invariant()
    def invariants_hold(self) -> None:
        if hasattr(self, "book"):
            assert invariant_violations(self.book.balances, self.book.pending_transfers(), self.now) == []
            for user in USERS:
                balance = self.book.balance(user)
                assert balance.available >= 0
                expected_pending = sum(t.amount for t in self.book.pending_transfers() if t.debit == user)
                assert balance.pending_out == expected_pending


TestLedgerMachine = LedgerMachine.TestCase
TestLedgerMachine.settings = settings(
    max_examples=150, stateful_step_count=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
