"""Health, readiness, metrics, request ids, the OpenAPI document and graceful shutdown."""

from __future__ import annotations

import asyncio
import logging
import re

import httpx
import pytest
from attrs import evolve
from exposition import sample_names, sample_value, samples
from web_support import ALPHA, build_web_world, serving

from adapters.http import RequestIdFilter, serve
from runners.metrics import Counter, Histogram, Metrics


async def test_healthz_and_request_ids() -> None:
    world = build_web_world()
    async with serving(world) as client:
        response = await client.get("/healthz")
        assert response.status == 200 and (await response.json()) == {"status": "ok"}
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-Id"])
        echoed = await client.get("/healthz", headers={"X-Request-Id": "abc-123"})
        assert echoed.headers["X-Request-Id"] == "abc-123"
        replaced = await client.get("/healthz", headers={"X-Request-Id": "bad id\twith tabs"})
        assert replaced.headers["X-Request-Id"] != "bad id\twith tabs"
        unauthorized = await client.get("/v1/spreads")
        assert unauthorized.headers["X-Request-Id"]


async def test_readyz_reports_each_dependency() -> None:
    world = build_web_world()

    async def redis_ok() -> None:
        return None

    world.pings["redis"] = redis_ok
    async with serving(world) as client:
        ready = await client.get("/readyz")
        assert ready.status == 200
        assert (await ready.json())["checks"] == {"database": "ok", "redis": "ok"}
        world.database.down = True
        down = await client.get("/readyz")
        body = await down.json()
    assert down.status == 503 and body["status"] == "unavailable"
    assert body["checks"]["redis"] == "ok" and "connection refused" in body["checks"]["database"]
    assert body["reason"].startswith("database:")


async def test_readyz_times_out_a_hanging_ping_and_hides_passwords() -> None:
    world = build_web_world()

    async def hangs() -> None:
        await asyncio.sleep(10)

    async def leaky() -> None:
        raise OSError("cannot reach postgresql://tarot:s3cret@db:5432/tarot")

    world.pings["redis"] = hangs
    world.pings["database"] = leaky
    world.deps = evolve(world.deps, ping_timeout=0.05)
    async with serving(world) as client:
        response = await client.get("/readyz")
        body = await response.json()
    assert response.status == 503
    assert "no answer" in body["checks"]["redis"]
    assert "s3cret" not in body["reason"] and "***@" in body["checks"]["database"]


async def test_metrics_parse_as_the_prometheus_text_format() -> None:
    world = build_web_world()
    async with serving(world) as client:
        for n in range(2):
            headers = {**ALPHA, "Idempotency-Key": f"k{n}"}
            await client.post(
                "/v1/users/u1/readings", json={"spread": "single", "question": "Why?"}, headers=headers
            )
        await client.get("/v1/spreads")  # 401
        response = await client.get("/metrics")
        text = await response.text()
    assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    found = samples(text)  # prometheus-client's own parser: strict about the format

    def value(name: str, **labels: str) -> float | None:
        return found.get((name, frozenset(labels.items())))

    assert value("tarot_readings_total", spread="single", interpreter="offline", fallback="false") == 2
    assert value("tarot_reading_duration_seconds_count", spread="single") == 2
    assert value("tarot_reading_duration_seconds_bucket", spread="single", le="+Inf") == 2
    assert value("tarot_interpreter_calls_total", interpreter="offline", outcome="ok") == 2
    assert value("tarot_credits_spent_total", spread="single") == 10
    assert value("tarot_credits_granted_total", source="welcome") == 100
    assert value("tarot_errors_total", kind="unauthorized") == 1
    assert value("process_cpu_seconds_total") is not None  # prometheus-client's process collector
    assert any(name == "python_gc_collections_total" for name, _ in found)  # and its GC collector


# The samples the hand-written exposition produced before prometheus-client (every metric touched once).
SAMPLES_BEFORE = {
    "tarot_credits_granted_total", "tarot_credits_spent_total", "tarot_errors_total",
    "tarot_http_request_duration_seconds_bucket", "tarot_http_request_duration_seconds_count",
    "tarot_http_request_duration_seconds_sum", "tarot_http_requests_total", "tarot_interpreter_calls_total",
    "tarot_interpreter_tokens_total", "tarot_payments_total", "tarot_rate_limited_total",
    "tarot_reading_duration_seconds_bucket", "tarot_reading_duration_seconds_count",
    "tarot_reading_duration_seconds_sum", "tarot_readings_total", "tarot_safety_screen_total",
    "tarot_webhook_events_total",
}  # fmt: skip
LABELS_BEFORE = {
    "tarot_readings_total": ("spread", "interpreter", "fallback"),
    "tarot_reading_duration_seconds": ("spread",),
    "tarot_interpreter_calls_total": ("interpreter", "outcome"),
    "tarot_interpreter_tokens_total": ("interpreter", "kind"),
    "tarot_credits_spent_total": ("spread",),
    "tarot_credits_granted_total": ("source",),
    "tarot_payments_total": ("provider", "status"),
    "tarot_webhook_events_total": ("provider", "result"),
    "tarot_errors_total": ("kind",),
    "tarot_rate_limited_total": ("scope",),
    "tarot_http_requests_total": ("method", "route", "status"),
    "tarot_http_request_duration_seconds": ("route",),
    "tarot_safety_screen_total": ("kind", "stage"),
}
ADDED = {"tarot_reading_fallbacks_total", "tarot_readings_refused_total", "tarot_follow_ups_total"}


def test_the_sample_names_and_labels_are_the_ones_dashboards_already_use() -> None:
    metrics = Metrics()
    touched = 0
    for attribute in vars(metrics).values():
        if isinstance(attribute, Counter):
            attribute.inc(**{name: "x" for name in attribute.label_names})
        elif isinstance(attribute, Histogram):
            attribute.observe(1.0, **{name: "x" for name in attribute.label_names})
        else:
            continue
        touched += 1
        if attribute.name not in ADDED:
            assert attribute.label_names == LABELS_BEFORE[attribute.name]
    assert touched == len(LABELS_BEFORE) + len(ADDED)
    ours = {name for name in sample_names(metrics.render()) if name.startswith("tarot_")}
    assert ours - ADDED == SAMPLES_BEFORE
    assert ours & ADDED == ADDED


def test_histograms_are_cumulative_counters_refuse_bad_input_and_labels_are_escaped() -> None:
    metrics = Metrics()
    route = 'a"b\\c\nd'
    for value in (0.05, 0.5, 5.0):
        metrics.http_seconds.observe(value, route=route)
    text = metrics.render()
    assert 'route="a\\"b\\\\c\\nd"' in text  # escaped as the format asks
    assert sample_value(text, "tarot_http_request_duration_seconds_bucket", route=route, le="0.1") == 1
    assert sample_value(text, "tarot_http_request_duration_seconds_bucket", route=route, le="1.0") == 2
    assert sample_value(text, "tarot_http_request_duration_seconds_bucket", route=route, le="+Inf") == 3
    assert metrics.http_seconds.count(route=route) == 3
    with pytest.raises(ValueError):
        metrics.errors.inc(-1, kind="x")
    with pytest.raises(ValueError):
        metrics.errors.inc(kind="x", other="y")
    assert not any(name.startswith("tarot_") for name in sample_names(Metrics().render()))  # nothing shared


async def test_every_log_line_of_a_request_carries_its_id(caplog: pytest.LogCaptureFixture) -> None:
    world = build_web_world()
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.INFO, logger="adapters.http"):
        async with serving(world) as client:
            response = await client.get(
                "/v1/users/nobody/balance", headers={**ALPHA, "X-Request-Id": "req-42"}
            )
    assert response.status == 404
    lines = [r for r in caplog.records if r.name == "adapters.http"]
    assert len(lines) >= 2  # the not-found error and the access line
    assert all(getattr(r, "request_id", None) == "req-42" and "req-42" in r.getMessage() for r in lines)


async def test_openapi_document_describes_the_api() -> None:
    world = build_web_world()
    async with serving(world) as client:
        document = await (await client.get("/openapi.json")).json()
    assert document["openapi"] == "3.1.0"
    operations = {op["operationId"] for path in document["paths"].values() for op in path.values()}
    assert {
        "listSpreads", "getSpread", "listDecks", "listCards", "getCard", "listProducts",
        "createUser", "getUser", "updateUser", "deleteUser",
        "createReading", "listReadings", "getReading", "createFollowUp", "drawDailyCard",
        "getBalance", "listLedger", "createCheckout", "listOrders", "getOrder", "createRefund",
    } == operations  # fmt: skip
    schemas = document["components"]["schemas"]
    products = schemas["NewCheckout"]["properties"]["product"]["enum"]
    assert "starter" in products and "tier-premium" in products
    reading = schemas["ReadingView"]["properties"]
    assert "support" in reading and "lean" in reading
    problem = schemas["ProblemBody"]["properties"]
    assert {"type", "title", "status", "detail", "kind", "retryable", "errors"} <= set(problem)
    create = document["paths"]["/v1/users/{ref}/readings"]["post"]
    assert "application/problem+json" in create["responses"]["422"]["content"]
    assert "RateLimit-Remaining" in create["responses"]["429"]["headers"]


async def test_shutdown_lets_an_in_flight_request_finish() -> None:
    world = build_web_world()
    release = asyncio.Event()
    entered = asyncio.Event()
    closed: list[str] = []

    async def slow_ping() -> None:
        entered.set()
        await release.wait()

    async def closer() -> None:
        closed.append("closed")

    world.pings["slow"] = slow_ping
    deps = evolve(world.deps, closers=(closer,), ping_timeout=10.0)
    stop = asyncio.Event()
    ports: list[int] = []
    listening = asyncio.Event()

    def started(port: int) -> None:
        ports.append(port)
        listening.set()

    server = asyncio.create_task(serve(deps, "127.0.0.1", 0, stop=stop, started=started))
    await asyncio.wait_for(listening.wait(), 5)
    async with httpx.AsyncClient() as http:
        request = asyncio.create_task(http.get(f"http://127.0.0.1:{ports[0]}/readyz"))
        await entered.wait()
        stop.set()  # shutdown starts while the request is in flight
        await asyncio.sleep(0.05)
        assert not server.done() and not closed
        release.set()
        response = await request
    await asyncio.wait_for(server, 5)
    assert response.status_code == 200 and closed == ["closed"]
