"""Odd and huge Unicode through the reading use case: refused cleanly or served exactly once.

Questions, questionnaire answers, idempotency keys, spread, deck and language ids are drawn from text
that breaks naive code: right-to-left and bidi overrides, zero-width and format characters, emoji with
joiners, combining marks, NUL and other controls, lone surrogates, line separators, and strings of
up to 10,000 characters. Through `ReadingService` on the memory adapters (the offline interpreter as
the interpreter, so its text building is fuzzed too), every request either

- is refused with TarotError(VALIDATION, INSUFFICIENT_CREDITS or FORBIDDEN) and changes nothing at
  all: no balance, no hold, no reading; or
- succeeds once: the user's balance drops by exactly the spread's cost, the stored question is clean
  (1..500 characters, no control or format characters), and repeating the request returns the same
  reading without charging again.
"""

from __future__ import annotations

import asyncio
import unicodedata
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from adapters.memory.clock import ManualClock
from adapters.memory.randomness import SeededRandom
from adapters.memory.storage import MemoryStore
from adapters.offline.interpreter import OfflineInterpreter
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.ledger import (
    ISSUANCE_GRANTS,
    TransferKind,
    TransferRequest,
    invariant_violations,
    user_account,
)
from tarot_domain.model.spreads import all_spreads, get_spread
from tarot_domain.model.users import Preferences, User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.readings import ReadingRequest, ReadingService

# SCREENED: random text can read as a crisis (the screen errs on the side of care); it too changes nothing.
REFUSALS = {ErrorKind.VALIDATION, ErrorKind.INSUFFICIENT_CREDITS, ErrorKind.FORBIDDEN, ErrorKind.SCREENED}
NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
# user id → (credits, tier, active): rich and tierless, poor, premium, and one who is switched off.
USERS = {
    "rich": (100_000, None, True),
    "poor": (3, None, True),
    "premium": (100_000, "tier-premium", True),
    "gone": (100_000, None, False),
}

ODD = [
    "\u200f", "\u200e", "\u202e", "\u2066", "\u2069",  # RTL/LTR marks, bidi override and isolates
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad",  # zero-width, BOM, soft hyphen
    "\x00", "\x01", "\x1b[2J", "\x7f", "\x85", "\r\n", "\t", "\u2028", "\u2029", "\v\f",
    "\ud800", "\udfff", "\ud83d",  # lone surrogates (str holds them; UTF-8 cannot)
    "👩\u200d👩\u200d👧", "🏳️\u200d🌈", "🔮", "🇺🇦", "e\u0301", "\u0301", "й", "ǅ", "ß", "İ",
    "שלום", "مرحبا", "Чи буде добрий урожай?", "日本語", "\U0001f9d9\U0001f3fd", "\U000e0041",
    "\uffff", "\ufffd", "\U0010ffff", " ", "\u3000", "\u00a0", "?", "%s", "{0}", "'; DROP TABLE users; --",
]  # fmt: skip

pieces = st.sampled_from(ODD)
odd_text = st.one_of(
    st.text(max_size=60),
    st.text(st.characters(codec=None), max_size=60),  # every code point, surrogates included
    st.lists(st.one_of(pieces, st.text(max_size=5)), max_size=30).map("".join),
    st.builds(lambda piece, n: piece * n, pieces, st.integers(1, 10_000)),  # up to 10k repeats
    st.builds(lambda c, n: c * n, st.characters(codec=None), st.integers(400, 10_000)),
    st.just("x" * 500),
    st.just("x" * 501),
    st.just("é" * 500),
    st.just("e\u0301" * 500),  # 1000 code points, 500 after NFC
)
plain_keys = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_.:", min_size=1, max_size=100)
keys = st.one_of(plain_keys, odd_text, st.sampled_from(["k" * 100, "k" * 101, "ключ", "k\u200b", "🔑"]))
# Valid ids repeated so that most examples get past them (sampled_from picks every element alike).
VALID_SPREADS = [sp.id for sp in all_spreads()]
spread_ids = st.sampled_from(VALID_SPREADS * 4 + ["", "nope", "three\x00", "ТРИ", "Three"])
deck_ids = st.sampled_from([None] * 10 + ["rider-waite", "thoth", "marseille", "", "tarot\u200b"])
languages = st.sampled_from([None] * 10 + ["en", "uk", "", "EN", "uk\x00", "xx", "український"])
answer_lists = st.one_of(st.just(()), st.lists(odd_text, max_size=5).map(tuple))
# Odd text in one field at a time, the rest plausible, so most examples reach the store.
questions = st.one_of(
    odd_text,
    st.lists(st.one_of(pieces, st.text(max_size=8)), min_size=1, max_size=12).map(
        lambda parts: "Q " + "".join(parts)
    ),
)

requests = st.fixed_dictionaries(
    {
        "user": st.sampled_from(sorted(USERS)),
        "spread": spread_ids,
        "question": questions,
        "key": keys,
        "deck": deck_ids,
        "language": languages,
        "reversals": st.one_of(st.none(), st.booleans()),
        "answers": answer_lists,
    }
)


async def build() -> tuple[MemoryStore, ReadingService]:
    store = MemoryStore()
    async with store.uow() as uow:
        for user_id, (credits, tier, active) in USERS.items():
            user = User(
                user_id, f"api:fuzz:{user_id}", Preferences(language="en"), NOW, NOW, active=active,
                tier_id=tier, tier_until=None if tier is None else NOW.replace(year=2027),
            )  # fmt: skip
            await uow.users.add(user)
            grant = TransferRequest(
                f"seed:{user_id}", ISSUANCE_GRANTS, user_account(user_id), credits, TransferKind.GRANT
            )
            await uow.ledger.submit(grant, NOW)
        await uow.commit()
    services = Services(uow=store.uow, clock=ManualClock(NOW), random=SeededRandom(5))
    return store, ReadingService(services, OfflineInterpreter(), OfflineInterpreter())


async def snapshot(store: MemoryStore) -> tuple[Any, ...]:
    async with store.uow() as uow:
        balances = sorted(
            (b.account, b.posted, b.pending_out, b.pending_in) for b in await uow.ledger.balances()
        )
        pending = sorted(t.id for t in await uow.ledger.pending())
        readings = [await uow.readings.count_for_user(u) for u in USERS]
        problems = invariant_violations({b.account: b for b in await uow.ledger.balances()}, [], None)
    assert problems == [], problems
    return tuple(balances), tuple(pending), tuple(readings)


def is_clean(text: str) -> bool:
    return all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text)


async def run(raw: dict[str, Any], refusals: set[ErrorKind] = REFUSALS) -> None:
    store, readings = await build()
    request = ReadingRequest(
        user_id=raw["user"], spread_id=raw["spread"], question=raw["question"], idempotency_key=raw["key"],
        deck_id=raw["deck"], language=raw["language"], reversals=raw["reversals"], answers=raw["answers"],
    )  # fmt: skip
    before = await snapshot(store)
    try:
        result = await readings.request_reading(request)
    except TarotError as error:
        assert error.kind in refusals, f"{error.kind}: {error.detail}"
        assert await snapshot(store) == before, "a refused request changed the store"
        event(f"refused: {error.kind.value} ({error.message_key})")
        return
    spread = get_spread(raw["spread"])
    reading = result.reading
    assert not result.replayed and not reading.fallback and result.charged == spread.cost
    assert 1 <= len(reading.question) <= 500 and is_clean(reading.question), repr(reading.question[:80])
    assert all(is_clean(a.answer) and a.answer for a in reading.answers)
    assert reading.interpretation.text.strip()
    async with store.uow() as uow:
        balance = await uow.ledger.balance(user_account(raw["user"]))
    assert balance.posted == USERS[raw["user"]][0] - spread.cost and balance.pending_out == 0
    after = await snapshot(store)
    again = await readings.request_reading(request)  # the same request again: the same reading, once
    assert again.replayed and again.reading.id == reading.id
    assert await snapshot(store) == after
    event("served")


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(requests)
def test_odd_unicode_is_refused_cleanly_or_served_exactly_once(raw: dict[str, Any]) -> None:
    asyncio.run(run(raw))


QUESTIONNAIRE = get_spread("relationship")  # premium opens it; it asks questions
PLAIN = {
    "user": "premium", "spread": QUESTIONNAIRE.id, "question": "Will it last?", "key": "k1", "deck": None,
    "language": None, "reversals": None, "answers": (),
}  # fmt: skip
one_odd_field = st.one_of(
    st.builds(lambda q: {"question": q}, questions),
    st.builds(lambda k: {"key": k}, keys),
    st.builds(
        lambda a: {"answers": a}, st.lists(odd_text, min_size=1, max_size=len(QUESTIONNAIRE.questionnaire))
    ),
    st.builds(lambda q, a: {"question": q, "answers": (a,)}, questions, odd_text),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(one_odd_field)
def test_one_odd_field_in_a_payable_request_is_served_or_refused_as_validation(odd: dict[str, Any]) -> None:
    """A user who can pay for a spread their tier opens: the text fields alone decide, so any refusal
    here can only be VALIDATION (or the safety screen's SCREENED), and a served request is charged
    exactly once."""
    odd_fields = {**PLAIN, **odd, "answers": tuple(odd.get("answers", ()))}
    asyncio.run(run(odd_fields, {ErrorKind.VALIDATION, ErrorKind.SCREENED}))
