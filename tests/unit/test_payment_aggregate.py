"""The Payment aggregate on its own: the credits a state leaves with the buyer, and what each transition
asks the ledger to move. No store, no use case: plain values in, plain values out."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from tarot_domain.model.errors import TarotError
from tarot_domain.model.payments import (
    Change,
    Dispute,
    Movement,
    Payment,
    PaymentStatus,
    credits_due,
)

AT = datetime(2026, 3, 1, tzinfo=UTC)


def order(amount: int = 599, credits: int = 120) -> Payment:
    return Payment("ord_1", "stripe", "u1", "basic", amount, "USD", credits, PaymentStatus.CREATED, AT)


def booked(change: Change | None, available: int = 10**9) -> Payment:
    """The state after the ledger carried out `change`, the buyer having `available` credits."""
    assert change is not None
    return change.booked(min(change.movement.clawback, available))


def paid(amount: int = 599, credits: int = 120) -> Payment:
    return booked(order(amount, credits).pay("pi_1", AT, "evt_paid"))


def test_paying_grants_the_credits_once() -> None:
    change = order().pay("pi_1", AT, "evt_paid")
    assert change.movement == Movement(grant=120)
    state = change.payment
    assert (state.status, state.granted, state.due) == (PaymentStatus.PAID, 120, 120)
    with pytest.raises(TarotError) as caught:
        change.payment.pay("pi_2", AT, "evt_again")
    assert caught.value.message_key == "error.order_paid"


def test_flagged_money_grants_nothing_until_an_operator_grants_it() -> None:
    flagged = booked(order().pay("pi_1", AT, "evt", flag="paid 1 of 599"))
    assert (flagged.status, flagged.granted, flagged.due, flagged.flag) == (
        PaymentStatus.FLAGGED, 0, 0, "paid 1 of 599",
    )  # fmt: skip
    refunded = booked(flagged.refund(300, AT, "evt_r"))  # refunded while it waits: nothing to take
    assert refunded.due == 0 and refunded.taken == 0
    granted = refunded.decide(True, AT, "looked fine")
    assert granted.movement == Movement(grant=120, clawback=60)  # the refunded share goes straight back
    assert booked(granted).flag is None
    with pytest.raises(TarotError):
        booked(granted).decide(False, AT, "too late")
    refused = booked(flagged.decide(False, AT, "fraud"))
    assert (refused.status, refused.due, refused.flag) == (PaymentStatus.REFUSED, 0, None)


def test_refunds_count_by_total_and_take_their_share() -> None:
    half = booked(paid().refund(300, AT, "r1"))
    assert (half.refunded_amount, half.due, half.taken) == (300, 60, 60)
    assert half.refund(100, AT, "r0") is None  # an older total, late
    assert booked(half.refund(599, AT, "r2")).due == 0


def test_an_inquiry_freezes_and_takes_nothing_and_warning_closed_ends_it() -> None:
    inquiry = booked(paid().report_dispute("dp_1", "warning_needs_response", 599, AT, "e1"))
    assert inquiry.due == 120 and inquiry.freezes and inquiry.status is PaymentStatus.DISPUTED
    closed = booked(inquiry.report_dispute("dp_1", "warning_closed", 599, AT, "e2"))
    assert closed.due == 120 and not closed.freezes and closed.held == 120


def test_inquiry_then_full_refund_then_inquiry_closed_leaves_nothing() -> None:
    """The issue's case: a fully refunded 50-credit pack used to leave the buyer 30 of its credits."""
    state = paid(amount=299, credits=50)
    for step in (
        lambda p: p.report_dispute("dp_1", "warning_needs_response", 299, AT, "e1"),
        lambda p: p.refund(299, AT, "e2"),
        lambda p: p.report_dispute("dp_1", "warning_closed", 299, AT, "e3"),
    ):
        state = booked(step(state))
    assert (state.due, state.held) == (0, 0)


def test_a_chargeback_takes_once_per_payment_however_it_is_reported() -> None:
    state = paid()
    takes = []
    for dispute_id, status in (
        ("dp_1", "warning_needs_response"),  # an inquiry
        ("dp_1", "needs_response"),  # it escalates on the same id
        ("dp_2", "needs_response"),  # and, as Stripe may do, as a second dispute too
        ("dp_2", "under_review"),
    ):
        change = state.report_dispute(dispute_id, status, 599, AT, f"{dispute_id}:{status}")
        state = booked(change)
        takes.append(change.movement.clawback if change else 0)
    assert takes == [0, 120, 0, 0] and state.due == 0 and state.taken == 120


def test_a_restore_never_gives_back_more_than_the_payment_still_pays_for() -> None:
    disputed = booked(paid().report_dispute("dp_1", "needs_response", 599, AT, "e1"))
    assert disputed.taken == 120
    refunded = booked(disputed.refund(300, AT, "e2"))  # a refund while the dispute runs
    won = booked(refunded.report_dispute("dp_1", "won", 599, AT, "e3"))
    assert (won.due, won.restored, won.held) == (60, 60, 60)


def test_a_refund_then_a_won_dispute_creates_nothing() -> None:
    refunded = booked(paid().refund(300, AT, "r1"))
    disputed = booked(refunded.report_dispute("dp_1", "needs_response", 299, AT, "d1"))
    assert disputed.due == 0  # the dispute took all the money the refund left
    won = booked(disputed.report_dispute("dp_1", "won", 299, AT, "d2"))
    assert won.held == won.due == 60


def test_a_shortfall_is_forgiven_before_anything_is_restored() -> None:
    """The buyer spent 100 of 120 before the chargeback: only 20 could be taken, so winning gives back
    those 20 and no more (the 100 were spent on readings the payment did pay for)."""
    disputed = booked(paid().report_dispute("dp_1", "needs_response", 599, AT, "d1"), available=20)
    assert (disputed.taken, disputed.held, disputed.due) == (20, 100, 0)
    won = disputed.report_dispute("dp_1", "won", 599, AT, "d2")
    assert won is not None and won.movement == Movement(restore=20)


def test_a_late_opening_never_reopens_a_closed_dispute() -> None:
    lost_first = booked(paid().report_dispute("dp_1", "lost", 599, AT, "closed"))
    assert lost_first.due == 0 and lost_first.freezes and lost_first.status is PaymentStatus.DISPUTE_LOST
    assert lost_first.report_dispute("dp_1", "needs_response", 599, AT, "opened") is None


STATUSES = ["warning_needs_response", "warning_under_review", "needs_response", "under_review"]


@pytest.mark.parametrize("final", ["won", "lost", "warning_closed"])
def test_one_dispute_ends_the_same_whatever_order_its_news_arrives_in(final: str) -> None:
    history = [*STATUSES, final] if final != "warning_closed" else [*STATUSES[:2], final]
    ends = set()
    for permutation in itertools.permutations(history):
        state = paid()
        for status in permutation:
            change = state.report_dispute("dp_1", status, 599, AT, status)
            state = booked(change) if change is not None else state
        ends.add((state.dispute("dp_1"), state.due, state.held))
    assert len(ends) == 1, ends


def test_an_unknown_status_is_treated_as_a_chargeback() -> None:
    assert Dispute("dp_1", "some_future_status", 599).withdraws


@given(
    amount=st.integers(1, 10_000),
    credits=st.integers(0, 5_000),
    refunded=st.integers(0, 12_000),
    withdrawn=st.integers(0, 12_000),
)
def test_credits_due_never_exceed_the_grant_and_all_money_gone_takes_all(
    amount: int, credits: int, refunded: int, withdrawn: int
) -> None:
    state = evolve(
        paid(amount, credits),
        refunded_amount=min(refunded, amount),
        disputes=(Dispute("dp", "needs_response", withdrawn),) if withdrawn else (),
    )
    due = credits_due(state)
    assert 0 <= due <= credits
    if min(refunded, amount) + withdrawn >= amount:
        assert due == 0
    if not refunded and not withdrawn:
        assert due == credits


# ---------------------------------------------------------------------- money going back, renewals


def returned_money() -> Payment:
    """A second charge, flagged as it arrived and asked back at once (Telegram Stars)."""
    return booked(order().pay("stx_2", AT, "tg:stx_2", flag="a second charge", give_back=True))


def test_money_asked_back_as_it_arrives_waits_grants_nothing_and_clears_once_returned() -> None:
    money = returned_money()
    assert (money.status, money.granted, money.flag, money.refund_request) == (
        PaymentStatus.FLAGGED, 0, "a second charge", "a second charge",
    )  # fmt: skip
    back = booked(money.refund(599, AT, "refund:stx_2"))
    assert (back.status, back.flag, back.refund_request, back.held) == (PaymentStatus.REFUNDED, None, None, 0)
    partly = booked(money.refund(100, AT, "refund:stx_2"))
    assert partly.refund_request == "a second charge"  # all of it was asked for


def test_a_refused_refund_flags_the_payment_and_the_operator_decides() -> None:
    refused = booked(returned_money().refund_refused(AT, "CHARGE_NOT_FOUND"))
    assert refused.status is PaymentStatus.REFUND_FAILED and refused.refund_request is None
    assert refused.flag == "refund failed (a second charge): CHARGE_NOT_FOUND"
    assert refused.refund_refused(AT, "again") is None  # nothing waits any more
    granted = refused.decide(True, AT, "keep it")
    assert granted.payment.status is PaymentStatus.PAID and granted.movement.grant == 120
    assert refused.decide(False, AT, "no").payment.status is PaymentStatus.REFUSED


def test_a_grant_calls_the_refund_off_and_a_paid_orders_failed_refund_cannot_be_refused() -> None:
    grant = returned_money().decide(True, AT, "the buyer wanted two")
    assert grant.payment.refund_request is None and grant.movement.grant == 120
    asked = booked(paid().ask_refund(AT, "the buyer asked"))  # type: ignore[arg-type]
    assert asked.refund_request == "the buyer asked" and asked.ask_refund(AT, "twice") is None
    failed = booked(asked.refund_refused(AT, "too late"))
    assert failed.status is PaymentStatus.PAID and failed.flag is not None and failed.held == 120
    with pytest.raises(TarotError):
        failed.decide(False, AT, "take them")  # only a refund takes granted credits back
    assert failed.decide(True, AT, "dismissed").payment.flag is None
    with pytest.raises(TarotError):
        order().ask_refund(AT, "nothing was paid")


def test_a_stopped_renewal_is_recorded_once_and_keeps_the_money_and_its_period() -> None:
    ends = datetime(2026, 3, 31, tzinfo=UTC)
    sub = booked(order().pay("stx_1", AT, "tg:stx_1", period_end=ends))
    assert sub.period_end == ends and not sub.renewal_stopped
    change = sub.stop_renewal(AT, "stopped through /subscription")
    assert change is not None and change.movement.empty
    assert change.entry.status is PaymentStatus.RENEWAL_STOPPED
    stopped = evolve(sub, history=(*sub.history, change.entry))
    assert stopped.renewal_stopped and not stopped.subscription_ended
    assert stopped.stop_renewal(AT, "again") is None
