"""Hostile and broken bodies: deep nesting is a clear 400 (the API and the webhook alike), size is
bounded, a slow client is answered 408, a client that goes away mid-body is logged as the client's
doing (never a 500, never "internal"), and a webhook signed in the far future is refused."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
from web_support import ALPHA, SECRET, build_web_world, event, problem_of, serving, session, signed

from adapters.http import create_app
from adapters.http.wire import MAX_DEPTH, nesting_depth
from adapters.stripe_http.webhooks import SignatureError, WebhookVerifier, compute_signature, sign

READING = {"spread": "three", "question": "What should I focus on?"}


def key(value: str) -> dict[str, str]:
    return {**ALPHA, "Idempotency-Key": value, "Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("raw", "depth"),
    [
        (b"{}", 1),
        (b'{"a": [1, {"b": []}]}', 4),
        (b'{"a": "[[[[[[[[[[", "b": "}}}"}', 1),  # brackets inside strings do not count
        (b'{"a": "\\"[[["}', 1),  # nor after an escaped quote
        (b"[" * 100_000, MAX_DEPTH + 1),  # counting stops past the limit
    ],
)
def test_nesting_is_measured_without_a_parser(raw: bytes, depth: int) -> None:
    assert nesting_depth(raw, MAX_DEPTH) == depth


async def test_a_deeply_nested_body_is_a_clear_400() -> None:
    world = build_web_world()
    deep = b'{"spread": ' + b"[" * 5000 + b"]" * 5000 + b"}"  # 10 KB, deeper than Python's recursion limit
    async with serving(world) as client:
        response = await client.post("/v1/users/u1/readings", data=deep, headers=key("k"))
        problem = await problem_of(response)
    assert response.status == 400 and problem["type"] == "/problems/body-too-deep"
    assert str(MAX_DEPTH) in problem["detail"]
    assert 'tarot_errors_total{kind="internal"}' not in world.metrics.render()


async def test_a_deeply_nested_signed_webhook_is_a_clear_400() -> None:
    world = build_web_world()
    deep = b'{"id": "evt", "type": "x", "data": {"object": ' + b"[" * 5000 + b"]" * 5000 + b"}}"
    body, headers = signed(deep, world.now_ts())
    async with serving(world) as client:
        response = await client.post("/webhooks/stripe", data=body, headers=headers)
        problem = await problem_of(response)
    assert response.status == 400 and problem["type"] == "/problems/body-too-deep"


async def test_oversized_and_broken_bodies_are_refused() -> None:
    world = build_web_world(max_body_bytes=1024)
    async with serving(world) as client:
        statuses = []
        for raw in (b"{not json", b"[1, 2]", b"\xff\xfe"):
            response = await client.post("/v1/users/u1/readings", data=raw, headers=key("k"))
            statuses.append((response.status, (await problem_of(response))["type"]))
        big = {"spread": "three", "question": "q", "answers": ["x" * 2000]}
        large = await client.post("/v1/users/u1/readings", json=big, headers=key("k"))
        large_problem = await problem_of(large)
    assert statuses == [
        (400, "/problems/body-not-json"), (400, "/problems/validation"), (400, "/problems/body-not-json"),
    ]  # fmt: skip
    assert large.status == 413 and large_problem["type"] == "/problems/body-too-large"


async def _raw_exchange(port: int, request: bytes, *, then_close: bool, wait: float) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    await writer.drain()
    if then_close:
        writer.close()
        await asyncio.sleep(wait)
        return b""
    try:
        return await asyncio.wait_for(reader.read(65536), wait)
    finally:
        writer.close()


def _head(length: int) -> bytes:
    return (
        f"POST /v1/users/u1/readings HTTP/1.1\r\nHost: x\r\nAuthorization: {ALPHA['Authorization']}\r\n"
        f"Idempotency-Key: k\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
    ).encode()


async def _served(world: object, **overrides: object) -> tuple[object, int]:
    from aiohttp import web
    from attrs import evolve

    deps = evolve(world.deps, **overrides)  # type: ignore[attr-defined]
    runner = web.AppRunner(create_app(deps), access_log=None, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, runner.addresses[0][1]


async def test_a_slow_client_is_answered_408() -> None:
    world = build_web_world()
    runner, port = await _served(world, body_timeout=0.2)
    try:
        answer = await _raw_exchange(port, _head(100) + b'{"spread": "th', then_close=False, wait=5)
    finally:
        await runner.cleanup()  # type: ignore[attr-defined]
    assert answer.startswith(b"HTTP/1.1 408") and b"body-timeout" in answer
    assert 'tarot_errors_total{kind="internal"}' not in world.metrics.render()


async def test_a_client_that_vanishes_mid_body_is_its_own_problem(caplog: pytest.LogCaptureFixture) -> None:
    world = build_web_world()
    runner, port = await _served(world, body_timeout=5)
    try:
        with caplog.at_level(logging.DEBUG):
            await _raw_exchange(port, _head(500) + b'{"spread": "th', then_close=True, wait=0.5)
    finally:
        await runner.cleanup()  # type: ignore[attr-defined]
    metrics = world.metrics.render()
    assert 'tarot_errors_total{kind="internal"}' not in metrics
    assert 'tarot_errors_total{kind="client_gone"} 1' in metrics
    assert any("went away" in r.getMessage() and r.levelno == logging.INFO for r in caplog.records)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not [r for r in caplog.records if r.exc_info]
    assert not world.store.state.readings


def test_webhook_signatures_dated_beyond_the_tolerance_either_way_are_refused() -> None:
    now = 1_800_000_000
    verifier = WebhookVerifier([SECRET], clock=lambda: float(now))
    body = json.dumps(event("evt_1", "checkout.session.completed", session("ord_1", 599))).encode()
    for moment in (now - 301, now + 301, now + 10 * 365 * 86_400):
        with pytest.raises(SignatureError):
            verifier.verify(body, sign(body, SECRET, moment))
    for moment in (now - 299, now, now + 299):
        assert verifier.verify(body, f"t={moment},v1={compute_signature(body, SECRET, moment)}") == moment
