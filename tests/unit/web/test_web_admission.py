"""The API when the process carries as many readings as it may (TAROT_MAX_IN_FLIGHT): 503 busy with
Retry-After, as problem+json, nothing charged; a place free again serves the same request."""

from __future__ import annotations

from web_support import ALPHA, build_web_world, problem_of, serving

READING = {"spread": "three", "question": "What should I focus on?"}


async def test_a_full_house_is_a_503_busy_with_retry_after_and_no_charge() -> None:
    world = build_web_world(welcome_credits=100)
    admission = world.deps.readings.admission
    headers = {**ALPHA, "Idempotency-Key": "k-1", "Accept-Language": "uk"}
    async with serving(world) as client:
        admission.in_flight = admission.limit
        refused = await client.post("/v1/users/u1/readings", json=READING, headers=headers)
        assert refused.status == 503 and refused.headers["Retry-After"] == "2"
        body = await problem_of(refused)
        assert (body["type"], body["kind"], body["retryable"]) == ("/problems/busy", "rate_limited", True)
        assert body["message_key"] == "error.busy" and "кредити не списано" in body["detail"]
        assert await world.available("alpha", "u1") == 100
        admission.in_flight = 0
        served = await client.post("/v1/users/u1/readings", json=READING, headers=headers)
        assert served.status == 201 and await world.available("alpha", "u1") == 88
