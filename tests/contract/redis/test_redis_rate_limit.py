"""RateLimiter contract: GCRA arithmetic, exact under concurrency, on memory and Redis alike."""

from __future__ import annotations

import asyncio
import uuid
from typing import TYPE_CHECKING, Any

import pytest
from redis.exceptions import NoScriptError

from adapters.redis.client import LuaScript
from adapters.redis.rate_limit import GCRA, RedisRateLimiter
from tarot_ports.rate_limit import DEFAULT_LIMITS, RateLimit, RateLimits

if TYPE_CHECKING:  # the fixtures' types; conftest is not importable at run time
    from conftest import Backend, RedisBackend

pytestmark = pytest.mark.contract

# T = 100 ms: short enough for real sleeps, long enough that a round trip is noise against it.
TENTHS = RateLimit(rate=10, period=1.0, burst=5)
T = TENTHS.emission_interval


async def test_burst_then_steady_rate(backend: Backend) -> None:
    limiter, line = backend.limiter(), backend.timeline
    before_first = line.elapsed()
    for left in (4, 3, 2, 1, 0):
        decision = await limiter.check("k", TENTHS)
        assert (decision.allowed, decision.remaining, decision.retry_after) == (True, left, 0.0)
        if left == 4:
            after_first = line.elapsed()
    before_denied = line.elapsed()
    denied = await limiter.check("k", TENTHS)
    after_denied = line.elapsed()
    assert not denied.allowed and denied.remaining == 0
    # The bucket was emptied when the server saw the first check and refills from there; what the server
    # counted lies between the time strictly between the two calls and the time around both of them.
    least, most = before_denied - after_first, after_denied - before_first
    for seen, full in ((denied.retry_after, T), (denied.reset_after, 5 * T)):
        assert full - most - line.tolerance <= seen <= full - least + line.tolerance, (seen, least, most)

    await line.advance(denied.retry_after + line.margin)
    for _ in range(3):  # then exactly one every T
        assert (await limiter.check("k", TENTHS)).allowed
        again = await limiter.check("k", TENTHS)
        assert not again.allowed
        assert again.retry_after == pytest.approx(T, abs=line.tolerance + line.margin)
        await line.advance(again.retry_after + line.margin)


async def test_full_again_after_reset_after(backend: Backend) -> None:
    limiter, line = backend.limiter(), backend.timeline
    for _ in range(3):
        last = await limiter.check("k", TENTHS)
    assert last.reset_after == pytest.approx(3 * T, abs=line.tolerance)
    await line.advance(last.reset_after + line.margin)
    assert [(await limiter.check("k", TENTHS)).allowed for _ in range(6)] == [True] * 5 + [False]


async def test_cost_counts_several_and_zero_only_reports(backend: Backend) -> None:
    limiter, line = backend.limiter(), backend.timeline
    peek = await limiter.check("k", TENTHS, cost=0)
    assert (peek.allowed, peek.remaining, peek.reset_after) == (True, 5, 0.0)
    assert (await limiter.check("k", TENTHS, cost=3)).remaining == 2
    too_dear = await limiter.check("k", TENTHS, cost=3)
    assert not too_dear.allowed and too_dear.remaining == 2  # what is left, though not enough
    assert too_dear.retry_after == pytest.approx(T, abs=line.tolerance)
    assert (await limiter.check("k", TENTHS, cost=0)).remaining == 2
    assert (await limiter.check("k", TENTHS, cost=2)).allowed


async def test_keys_are_independent(backend: Backend) -> None:
    limiter = backend.limiter()
    one = RateLimit(rate=1, period=60, burst=1)
    assert (await limiter.check("a", one)).allowed
    assert not (await limiter.check("a", one)).allowed
    assert (await limiter.check("b", one)).allowed


async def test_impossible_requests_are_programming_errors(backend: Backend) -> None:
    limiter = backend.limiter()
    with pytest.raises(ValueError, match="cost"):
        await limiter.check("k", TENTHS, cost=6)
    with pytest.raises(ValueError, match="cost"):
        await limiter.check("k", TENTHS, cost=-1)
    with pytest.raises(ValueError, match="invalid"):
        await limiter.check("k", RateLimit(rate=0, period=1, burst=1))


async def test_a_thousand_concurrent_checks_let_exactly_the_burst_through(backend: Backend) -> None:
    limiter = backend.limiter()
    hourly = RateLimit(rate=1, period=3600, burst=10)  # nothing refills during the test
    decisions = await asyncio.gather(*(limiter.check("hot", hourly) for _ in range(1000)))
    assert sum(d.allowed for d in decisions) == 10
    assert sorted(d.remaining for d in decisions if d.allowed) == list(range(10))


async def test_default_limits_are_usable(backend: Backend) -> None:
    limiter = backend.limiter()
    assert set(DEFAULT_LIMITS) == {
        "readings_per_user",
        "subscriber_readings_per_user",
        "follow_ups_per_user",
        "llm_readings_global",
        "commands_per_user",
        "outgoing_global",
        "outgoing_per_chat",
        "api_calls_per_client",
        "api_readings_per_client",
    }
    assert DEFAULT_LIMITS["readings_per_user"] == RateLimits().readings_per_user
    for name, limit in DEFAULT_LIMITS.items():
        assert limit.rate >= 1 and limit.period > 0 and limit.burst >= 1
        allowed = [(await limiter.check(f"{name}:u1", limit)).allowed for _ in range(limit.burst + 1)]
        assert allowed == [True] * limit.burst + [False]


# Redis only: what the memory twin has no counterpart for.


async def test_key_lives_exactly_as_long_as_the_bucket_is_not_full(redis_backend: RedisBackend) -> None:
    limiter = RedisRateLimiter(redis_backend.client, prefix=redis_backend.prefix)
    decision = await limiter.check("k", TENTHS, cost=3)
    pttl = await redis_backend.client.pttl(redis_backend.prefix + "k")
    assert abs(pttl / 1000 - decision.reset_after) <= 0.010
    assert (await limiter.check("other", TENTHS, cost=0)).allowed
    assert not await redis_backend.client.exists(redis_backend.prefix + "other")  # reporting writes nothing


async def test_scripts_missing_from_the_server_are_sent_in_full(redis_backend: RedisBackend) -> None:
    # A script the server has never seen, so no SCRIPT FLUSH disturbs others sharing the server.
    fresh = LuaScript(f"-- {uuid.uuid4()}\nreturn ARGV[1] + 1")
    assert not (await redis_backend.client.script_exists(fresh.sha))[0]
    assert await fresh(redis_backend.client, [], [41]) == 42  # NOSCRIPT, then EVAL
    assert (await redis_backend.client.script_exists(fresh.sha))[0]
    assert await fresh(redis_backend.client, [], [1]) == 2  # EVALSHA
    await RedisRateLimiter(redis_backend.client).load_script()
    assert (await redis_backend.client.script_exists(GCRA.sha))[0]


class _ForgetfulServer:
    """The real client, except that its first EVALSHA answers NOSCRIPT, as a restarted server would."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self.forgot = 0

    async def evalsha(self, *args: Any) -> Any:
        if not self.forgot:
            self.forgot += 1
            raise NoScriptError("NOSCRIPT No matching script.")
        return await self._client.evalsha(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)


async def test_the_limiter_sends_its_script_again_when_the_server_lost_it(
    redis_backend: RedisBackend,
) -> None:
    server = _ForgetfulServer(redis_backend.client)
    limiter = RedisRateLimiter(server, prefix=redis_backend.prefix)  # type: ignore[arg-type]
    limit = RateLimit(rate=1, period=3600, burst=2)
    first = await limiter.check("k", limit)  # NOSCRIPT, then EVAL: decided, not failed open
    assert server.forgot == 1 and first.allowed and first.remaining == 1
    assert (await limiter.check("k", limit)).remaining == 0  # EVALSHA from here on, the same bucket
    assert not (await limiter.check("k", limit)).allowed


async def test_a_remembered_limit_still_checks_each_cost(redis_backend: RedisBackend) -> None:
    limiter = RedisRateLimiter(redis_backend.client, prefix=redis_backend.prefix)
    assert (await limiter.check("k", TENTHS, cost=5)).allowed
    with pytest.raises(ValueError, match="cost 6"):
        await limiter.check("k", TENTHS, cost=6)
    with pytest.raises(ValueError, match="invalid rate limit"):
        await limiter.check("k", RateLimit(rate=0, period=1, burst=1))


async def test_instances_on_separate_connections_share_buckets(redis_backend: RedisBackend) -> None:
    limit = RateLimit(rate=1, period=3600, burst=2)
    first = RedisRateLimiter(redis_backend.client, prefix=redis_backend.prefix)
    second = RedisRateLimiter(redis_backend.connect(), prefix=redis_backend.prefix)
    assert (await first.check("k", limit)).allowed
    assert (await second.check("k", limit)).allowed
    assert not (await first.check("k", limit)).allowed
