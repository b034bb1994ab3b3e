"""Random conversations: the dialog never raises, answers every query once, and credits move only
through a completed reading (or a real payment, which random input cannot forge)."""

from __future__ import annotations

import asyncio
from typing import Any

from dialog_support import USER, Bot
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

COMMANDS = [
    "/start", "/read", "/read single", "/read nonsense", "/daily", "/spreads", "/balance", "/buy", "/history",
    "/deck", "/language", "/help", "/cancel", "/grant 111 500 free", "/stats", "/refund ord_1", "/unknown",
    "/start@tarot_bot extra", "/READ",
]  # fmt: skip
ODD_TEXT = ["", " ", "\u200b", "\ud800 lone surrogate", "\x00\x01\x1b[2J", "🔮" * 600, "е́" * 300, "/"]

events = st.one_of(
    st.tuples(st.just("say"), st.sampled_from(COMMANDS)),
    st.tuples(st.just("say"), st.text(max_size=80)),
    st.tuples(st.just("say"), st.sampled_from(ODD_TEXT)),
    st.tuples(st.just("say"), st.builds(lambda c, n: c * n, st.characters(), st.integers(400, 30_000))),
    st.tuples(st.just("junk"), st.binary(max_size=100)),
    st.tuples(st.just("press"), st.integers(min_value=0, max_value=10_000)),
    st.tuples(st.just("pay"), st.tuples(st.text(max_size=20), st.integers(-5, 10_000))),
    st.tuples(st.just("fail"), st.booleans()),
    st.tuples(st.just("wait"), st.integers(0, 4000)),
)


async def play(steps: list[tuple[str, Any]]) -> None:
    bot = Bot()
    await bot.say("/start")
    for kind, value in steps:
        if kind == "say":
            await bot.say(value)
        elif kind == "junk":
            await bot.click(value, message_id=101)
        elif kind == "press":
            shown = [
                (m.message_id, b.token)
                for m in bot.out.in_chat(USER)
                for row in m.reply.buttons
                for b in row
                if b.token and not b.label.startswith(("Yes, delete", "Так, видалити"))
            ]
            if shown:
                message_id, token = shown[value % len(shown)]
                await bot.click(token.encode(), message_id)
        elif kind == "pay":
            payload, amount = value
            await bot.pre_checkout(payload, amount)
            await bot.paid(payload, amount, charge=f"c{payload}")
        elif kind == "fail":
            bot.interpreter.fail = value
        else:
            bot.clock.advance(value)
        balance = await bot.credits.balance((await bot.user()).id)
        assert balance.pending_out == 0  # no hold survives a handled update
        assert balance.available + await bot.spent() == 20, (kind, value)
    assert (await bot.credits.check()).ok
    event("some credits spent" if await bot.spent() else "nothing spent")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events, min_size=1, max_size=40))
def test_random_conversations_never_raise_or_move_credits_without_a_reading(
    steps: list[tuple[str, Any]],
) -> None:
    asyncio.run(play(steps))
