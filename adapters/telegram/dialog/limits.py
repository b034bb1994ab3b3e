"""Fair limits: how often a person may start what costs an interpreter call, the one guard on what
the LLM may cost across everyone, and the message that says when they can go on.

- Readings are paced per person by tier: without a subscription `readings_per_user` (5 an hour, 3 at
  once), with any tier `subscriber_readings_per_user` (30 an hour). The two buckets have their own keys,
  so someone who subscribes starts on a full bucket instead of waiting out the free one.
- Follow-up questions have their own bucket (`follow_ups_per_user`); they never use up readings.
- Every interpreter call (a reading, a follow-up, a day's first card) also passes the global budget
  (`llm_readings_global`), checked after the person's own limit: someone hammering at their limit is
  stopped there and never drains the budget everyone shares.
- What is free and calls no interpreter never counts: the day's card shown again, history,
  preferences, help, menus. (Every update still passes the generous `commands_per_user` flood guard.)

The limiter is the RateLimiter port, so with Redis every process shares the same buckets. A refusal is
a RATE_LIMITED error whose message names the limit and says, in the person's language, how long until
they can go on; nothing has been held or charged when it is raised.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from adapters.telegram.texts import t
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_ports.rate_limit import DEFAULT_LIMITS, RateLimit, RateLimiter

READINGS_FREE = "readings_per_user"
READINGS_SUBSCRIBER = "subscriber_readings_per_user"
FOLLOW_UPS = "follow_ups_per_user"
LLM_BUDGET = "llm_readings_global"
COMMANDS = "commands_per_user"


def wait_text(seconds: float, lang: str) -> str:
    """How long until `seconds` have passed, rounded up to what a person reads: "40 seconds",
    "12 minutes", "1 hour and 5 minutes" (counted phrases, so every language declines them)."""
    whole = max(1, math.ceil(seconds))
    if whole < 60:
        return t("wait.seconds", lang, seconds=whole)
    minutes = math.ceil(whole / 60)
    if minutes < 60:
        return t("wait.minutes", lang, minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if minutes == 0:
        return t("wait.hours", lang, hours=hours)
    return t("wait.hours_minutes", lang, hours=hours, minutes=minutes)


def hourly(limit: RateLimit) -> int:
    """The limit's long-run pace as readings an hour (what the message tells the person)."""
    return max(1, round(limit.rate * 3600 / limit.period))


class FairLimits:
    """The dialog's limits over the RateLimiter port; `limits` may name only some (the rest default)."""

    def __init__(self, limiter: RateLimiter, limits: Mapping[str, RateLimit]) -> None:
        self._limiter = limiter
        self._limits = limits

    def limit(self, name: str) -> RateLimit:
        return self._limits.get(name) or DEFAULT_LIMITS[name]

    async def _passes(self, name: str, key: str) -> float | None:
        """None when allowed (and counted); else the seconds until it would be."""
        decision = await self._limiter.check(key, self.limit(name))
        return None if decision.allowed else max(1.0, decision.retry_after)

    async def commands(self, tg_user: int, *, lang: str) -> None:
        """The flood guard every message and press passes."""
        wait = await self._passes(COMMANDS, f"commands:{tg_user}")
        if wait is not None:
            raise _limited("limit.commands", f"commands:{tg_user}", lang, wait)

    async def reading(self, tg_user: int, *, subscribed: bool, lang: str) -> None:
        """A new reading (any spread, not the day's card): the person's tier's limit, then the budget."""
        name, tier = (READINGS_SUBSCRIBER, "sub") if subscribed else (READINGS_FREE, "free")
        wait = await self._passes(name, f"readings:{tier}:{tg_user}")
        if wait is not None:
            key = "limit.readings_subscriber" if subscribed else "limit.readings_free"
            raise _limited(
                key, f"readings:{tier}:{tg_user}", lang, wait,
                rate=hourly(self.limit(name)), subscriber_rate=hourly(self.limit(READINGS_SUBSCRIBER)),
            )  # fmt: skip
        await self.interpreter(lang)

    async def follow_up(self, tg_user: int, *, lang: str) -> None:
        wait = await self._passes(FOLLOW_UPS, f"followups:{tg_user}")
        if wait is not None:
            raise _limited(
                "limit.follow_ups", f"followups:{tg_user}", lang, wait, rate=hourly(self.limit(FOLLOW_UPS))
            )
        await self.interpreter(lang)

    async def interpreter(self, lang: str) -> None:
        """The global budget alone (the day's first card: free, once a day, but an interpreter call)."""
        wait = await self._passes(LLM_BUDGET, "llm:readings")
        if wait is not None:
            raise _limited("limit.busy", "llm:readings", lang, wait)


def _limited(message_key: str, key: str, lang: str, wait: float, **params: int) -> TarotError:
    return TarotError(
        ErrorKind.RATE_LIMITED,
        f"{key}: retry in {wait:.0f}s",
        message_key=message_key,
        params={**params, "wait": wait_text(wait, lang), "seconds": math.ceil(wait)},
    )
