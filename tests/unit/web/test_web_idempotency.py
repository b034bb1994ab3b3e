"""Idempotency-Key as the IETF draft asks: a key remembers its request's fingerprint; another body is
422, the same request while the first is served is 409 with Retry-After, a finished one is replayed,
and a failed one frees its key."""

from __future__ import annotations

import asyncio
from typing import Any

from web_support import ALPHA, build_web_world, problem_of, serving

from adapters.http.idempotency import fingerprint
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind
from tarot_domain.use_cases.readings import ReadingService
from tarot_ports.interpreter import InterpretationRequest, OnDelta

READING = {"spread": "three", "question": "What should I focus on?"}


def key(value: str) -> dict[str, str]:
    return {**ALPHA, "Idempotency-Key": value}


class SlowInterpreter:
    """Waits for `release` before answering, as an LLM that takes seconds does."""

    name = "slow"

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.release = asyncio.Event()

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        self.entered.set()
        await self.release.wait()
        return Interpretation("The cards speak slowly.", self.name)

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        return Interpretation("Slowly.", self.name)


def test_the_fingerprint_ignores_key_order_and_spacing_but_not_content() -> None:
    a = fingerprint("POST", "/v1/users/u/readings", {"spread": "three", "question": "q"})
    b = fingerprint("POST", "/v1/users/u/readings", {"question": "q", "spread": "three"})
    assert a == b
    assert a != fingerprint("POST", "/v1/users/u/readings", {"spread": "three", "question": "q2"})
    assert a != fingerprint("POST", "/v1/users/v/readings", {"spread": "three", "question": "q"})


async def test_the_same_key_with_another_body_is_422_and_charges_nothing_more() -> None:
    world = build_web_world(welcome_credits=100)
    async with serving(world) as client:
        first = await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))
        other = await client.post(
            "/v1/users/u1/readings", json={**READING, "question": "Something else?"}, headers=key("k")
        )
        problem = await problem_of(other)
        available = await world.available("alpha", "u1")
    assert first.status == 201 and other.status == 422
    assert problem["type"] == "/problems/idempotency-key-reused" and problem["kind"] == "validation"
    assert available == 88 and len(world.store.state.readings) == 1


async def test_the_same_request_while_the_first_is_served_is_409_with_retry_after() -> None:
    world = build_web_world(welcome_credits=100)
    slow = SlowInterpreter()
    world.deps = _with_interpreter(world, slow)
    async with serving(world) as client:
        first = asyncio.create_task(client.post("/v1/users/u1/readings", json=READING, headers=key("k")))
        await asyncio.wait_for(slow.entered.wait(), 5)
        busy = await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))
        problem = await problem_of(busy)
        slow.release.set()
        done = await first
        data = await done.json()
        replay = await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))
        replayed = await replay.json()
    assert busy.status == 409 and busy.headers["Retry-After"] == "2"
    assert problem["type"] == "/problems/in-progress" and problem["retryable"] is True
    assert done.status == 201 and replay.status == 201 and replayed == data
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert await world.available("alpha", "u1") == 88  # charged once


async def test_a_failed_request_frees_its_key_for_a_retry() -> None:
    world = build_web_world(welcome_credits=5)
    async with serving(world) as client:
        poor = await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))
        user_id = await world.user_id("alpha", "u1")
        await world.credits.grant(user_id, 50, reason="top-up")
        retried = await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))
    assert poor.status == 402 and retried.status == 201
    assert "Idempotent-Replayed" not in retried.headers


async def test_a_replay_after_the_record_expired_still_refuses_another_request() -> None:
    """The store's own replay (the reading kept under its key) answers when the key's record is gone;
    a different request under that key is still refused."""
    world = build_web_world(welcome_credits=100)
    async with serving(world) as client:
        first = await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))
        world.clock.advance(2 * 86_400)  # the idempotency record (a day) is gone; the reading stays
        same = await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))
        other = await client.post(
            "/v1/users/u1/readings", json={**READING, "question": "Another one?"}, headers=key("k")
        )
        data, again = await first.json(), await same.json()
    assert same.status == 201 and same.headers["Idempotent-Replayed"] == "true" and again["id"] == data["id"]
    assert other.status == 422
    assert await world.available("alpha", "u1") == 88


async def test_keys_belong_to_their_client() -> None:
    from web_support import BETA

    world = build_web_world(welcome_credits=100)
    async with serving(world) as client:
        a = await client.post("/v1/users/u1/readings", json=READING, headers=key("k"))
        b = await client.post("/v1/users/u1/readings", json=READING, headers={**BETA, "Idempotency-Key": "k"})
    assert a.status == 201 and b.status == 201 and "Idempotent-Replayed" not in b.headers


def _with_interpreter(world: Any, interpreter: Any) -> Any:
    from attrs import evolve

    readings = ReadingService(world.services, interpreter, interpreter)
    return evolve(world.deps, readings=readings)
