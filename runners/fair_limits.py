"""The fair limits from the environment: readings per person by tier, follow-ups, commands, and the
global LLM budget (README, Fair limits). Each `LIMIT_*` variable sets one number of one named limit;
the defaults are `tarot_ports.rate_limit.RateLimits`, so `runners/variables.py` and a test keep
the documented defaults equal to them.
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import evolve, frozen

from tarot_ports.rate_limit import RateLimit, RateLimits

HOUR, MINUTE = 3600, 60
MAX = 1_000_000


@frozen
class LimitVariable:
    """`name` sets the `part` ("rate" or "burst") of the limit `field`; a rate counts per `period`
    (and with `burst_too` sets the burst as well: a period's worth may start at once, no more)."""

    name: str
    field: str
    part: str
    period: int
    burst_too: bool = False


LIMIT_VARIABLES: tuple[LimitVariable, ...] = (
    LimitVariable("LIMIT_READINGS_PER_HOUR", "readings_per_user", "rate", HOUR),
    LimitVariable("LIMIT_READINGS_BURST", "readings_per_user", "burst", HOUR),
    LimitVariable("LIMIT_SUBSCRIBER_READINGS_PER_HOUR", "subscriber_readings_per_user", "rate", HOUR),
    LimitVariable("LIMIT_SUBSCRIBER_READINGS_BURST", "subscriber_readings_per_user", "burst", HOUR),
    LimitVariable("LIMIT_FOLLOW_UPS_PER_HOUR", "follow_ups_per_user", "rate", HOUR),
    LimitVariable("LIMIT_FOLLOW_UPS_BURST", "follow_ups_per_user", "burst", HOUR),
    LimitVariable("LIMIT_COMMANDS_PER_MINUTE", "commands_per_user", "rate", MINUTE),
    LimitVariable("LIMIT_COMMANDS_BURST", "commands_per_user", "burst", MINUTE),
    LimitVariable("LIMIT_LLM_READINGS_PER_MINUTE", "llm_readings_global", "rate", MINUTE, burst_too=True),
    LimitVariable("LIMIT_API_CALLS_PER_MINUTE", "api_calls_per_client", "rate", MINUTE),
    LimitVariable("LIMIT_API_CALLS_BURST", "api_calls_per_client", "burst", MINUTE),
    LimitVariable("LIMIT_API_READINGS_PER_MINUTE", "api_readings_per_client", "rate", MINUTE),
    LimitVariable("LIMIT_API_READINGS_BURST", "api_readings_per_client", "burst", MINUTE),
)

Integer = Callable[[str, int, int, int], int]
"""(variable, default, lowest, highest) → the value set, or the default (problems reported by the reader)."""


def default_of(variable: LimitVariable) -> int:
    limit: RateLimit = getattr(RateLimits(), variable.field)
    return limit.rate if variable.part == "rate" else limit.burst


def read_limits(integer: Integer) -> RateLimits:
    limits = RateLimits()
    for variable in LIMIT_VARIABLES:
        value = integer(variable.name, default_of(variable), 1, MAX)
        current: RateLimit = getattr(limits, variable.field)
        if variable.part == "rate":
            burst = value if variable.burst_too else current.burst
            changed = RateLimit(rate=value, period=variable.period, burst=burst)
        else:
            changed = RateLimit(rate=current.rate, period=current.period, burst=value)
        limits = evolve(limits, **{variable.field: changed})
    return limits


def effective_limits(limits: RateLimits) -> dict[str, int]:
    """Every `LIMIT_*` variable with the value in force (for `tarot config`)."""
    shown: dict[str, int] = {}
    for variable in LIMIT_VARIABLES:
        limit: RateLimit = getattr(limits, variable.field)
        shown[variable.name] = limit.rate if variable.part == "rate" else limit.burst
    return shown
