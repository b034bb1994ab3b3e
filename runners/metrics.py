"""The service's Prometheus metrics, on `prometheus-client`, with its process and GC collectors.

Nothing global: each `Metrics` has its own registry (so tests and several containers in one process
never share a sample), and a runner passes it where counting happens. The names and labels of the
`tarot_*` samples are the ones operators' dashboards already use (a test compares them); the reading
outcomes are counted from the use cases' event stream (`MetricsEvents`), so every frontend's readings
are counted alike.
"""

from __future__ import annotations

from collections.abc import Sequence

import prometheus_client
from prometheus_client import CollectorRegistry, Gauge, GCCollector, ProcessCollector, generate_latest

from tarot_domain.model.events import (
    Event,
    FallbackReason,
    InterpreterFailed,
    ReadingCompleted,
    ReadingKind,
    ReadingRefused,
    Screened,
)
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind
from tarot_domain.use_cases.admission import Admission
from tarot_ports.interpreter import InterpretationRequest, Interpreter, OnDelta

# `generate_latest` writes the classic text format, version 0.0.4.
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
DEFAULT_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
READING_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0)

SCREEN_KINDS: tuple[str, ...] = (*(kind.value for kind in SafetyKind), "none")
"""The fixed values of `tarot_safety_screen_total`'s `kind` label (its `stage` label: ScreenStage)."""
COUNTED_READINGS = frozenset({ReadingKind.READING, ReadingKind.DAILY})  # follow-ups have their own counter
FAILED_OUTCOME = {
    FallbackReason.API: "error",
    FallbackReason.INTERNAL: "error",
    FallbackReason.UNSAFE: "unsafe",
}


class Counter:
    """A labelled counter: `inc(amount, **labels)` with exactly its label names, never negative."""

    def __init__(
        self, name: str, help_text: str, labels: Sequence[str] = (), registry: CollectorRegistry | None = None
    ) -> None:
        self.name, self.label_names = name, tuple(labels)
        self._registry = registry or CollectorRegistry(auto_describe=True)
        self._metric = prometheus_client.Counter(name, help_text, self.label_names, registry=self._registry)

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError("a counter only goes up")
        self._child(labels).inc(amount)

    def value(self, **labels: str) -> float:
        _check(self.name, self.label_names, labels)
        found = self._registry.get_sample_value(self.name, {k: str(v) for k, v in labels.items()})
        return found or 0.0

    def _child(self, labels: dict[str, str]) -> prometheus_client.Counter:
        _check(self.name, self.label_names, labels)
        if not self.label_names:
            return self._metric
        return self._metric.labels(**{k: str(v) for k, v in labels.items()})


class Histogram:
    """A labelled histogram: `observe(value, **labels)`; `count(**labels)` for tests and checks."""

    def __init__(
        self,
        name: str,
        help_text: str,
        labels: Sequence[str] = (),
        buckets: Sequence[float] = DEFAULT_BUCKETS,
        registry: CollectorRegistry | None = None,
    ) -> None:
        self.name, self.label_names = name, tuple(labels)
        self._registry = registry or CollectorRegistry(auto_describe=True)
        self._metric = prometheus_client.Histogram(
            name, help_text, self.label_names, buckets=tuple(buckets), registry=self._registry
        )

    def observe(self, value: float, **labels: str) -> None:
        _check(self.name, self.label_names, labels)
        child = (
            self._metric.labels(**{k: str(v) for k, v in labels.items()})
            if self.label_names
            else self._metric
        )
        child.observe(value)

    def count(self, **labels: str) -> int:
        found = self._registry.get_sample_value(f"{self.name}_count", {k: str(v) for k, v in labels.items()})
        return int(found or 0)


def _check(name: str, expected: tuple[str, ...], labels: dict[str, str]) -> None:
    if set(labels) != set(expected):
        raise ValueError(f"{name} takes labels {expected}, got {tuple(labels)}")


class Metrics:
    """The service's metrics. Counting never fails a request: callers pass plain strings."""

    def __init__(self) -> None:
        prometheus_client.disable_created_metrics()  # type: ignore[no-untyped-call]  # no `_created` twins
        self.registry = registry = CollectorRegistry(auto_describe=True)
        ProcessCollector(registry=registry)
        GCCollector(registry=registry)

        def counter(name: str, help_text: str, labels: Sequence[str]) -> Counter:
            return Counter(name, help_text, labels, registry)

        self.readings = counter(
            "tarot_readings_total", "Readings served.", ("spread", "interpreter", "fallback")
        )
        self.reading_seconds = Histogram(
            "tarot_reading_duration_seconds", "Time to serve a reading.", ("spread",), READING_BUCKETS,
            registry,
        )  # fmt: skip
        self.interpreter_calls = counter(
            "tarot_interpreter_calls_total", "Calls to an interpreter.", ("interpreter", "outcome")
        )
        self.interpreter_tokens = counter(
            "tarot_interpreter_tokens_total", "Tokens used by interpreters.", ("interpreter", "kind")
        )
        self.credits_spent = counter(
            "tarot_credits_spent_total", "Credits charged for readings.", ("spread",)
        )
        self.credits_granted = counter("tarot_credits_granted_total", "Credits granted.", ("source",))
        self.payments = counter("tarot_payments_total", "Payment status changes.", ("provider", "status"))
        self.webhooks = counter(
            "tarot_webhook_events_total", "Provider webhook events received.", ("provider", "result")
        )
        self.errors = counter("tarot_errors_total", "Errors answered, by kind.", ("kind",))
        self.rate_limited = counter(
            "tarot_rate_limited_total", "Requests refused by a rate limit.", ("scope",)
        )
        self.http_requests = counter(
            "tarot_http_requests_total", "HTTP requests answered.", ("method", "route", "status")
        )
        self.http_seconds = Histogram(
            "tarot_http_request_duration_seconds", "Time to answer an HTTP request.", ("route",),
            registry=registry,
        )  # fmt: skip
        self.safety_screens = counter(
            "tarot_safety_screen_total",
            "Texts through the safety screen, by outcome (kind or none) and stage; never the text.",
            ("kind", "stage"),
        )
        self.fallbacks = counter(
            "tarot_reading_fallbacks_total",
            "Answers the offline reader wrote because the interpreter failed.",
            ("kind", "reason"),
        )
        self.refused = counter(
            "tarot_readings_refused_total", "Reading requests ended by a domain error.", ("kind", "error")
        )
        self.follow_ups = counter(
            "tarot_follow_ups_total", "Follow-up questions answered.", ("interpreter", "fallback")
        )

    def watch_admission(self, admission: Admission) -> Admission:
        """Readings in flight (admitted, not yet saved) and the limit, read at each scrape."""
        in_flight = Gauge(
            "tarot_readings_in_flight", "Readings admitted and not yet finished.", registry=self.registry
        )
        in_flight.set_function(lambda: admission.in_flight)
        limit = Gauge("tarot_readings_in_flight_limit", "TAROT_MAX_IN_FLIGHT.", registry=self.registry)
        limit.set(admission.limit)
        return admission

    def render(self) -> str:
        return generate_latest(self.registry).decode("utf-8")


class MetricsEvents:
    """The EventSink port on `Metrics`: what use cases report, counted (labels only, never text)."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def emit(self, event: Event) -> None:
        m = self._metrics
        if isinstance(event, Screened):
            kind = "none" if event.kind is None else event.kind.value
            m.safety_screens.inc(kind=kind, stage=event.stage.value)
        elif isinstance(event, ReadingCompleted):
            fallback = "true" if event.fallback is not None else "false"
            if event.kind in COUNTED_READINGS:
                m.readings.inc(spread=event.spread_id, interpreter=event.interpreter, fallback=fallback)
                m.reading_seconds.observe(event.seconds, spread=event.spread_id)
            else:
                m.follow_ups.inc(interpreter=event.interpreter, fallback=fallback)
            if event.cost > 0:
                m.credits_spent.inc(event.cost, spread=event.spread_id)
        elif isinstance(event, InterpreterFailed):
            m.interpreter_calls.inc(interpreter=event.interpreter, outcome=FAILED_OUTCOME[event.reason])
            m.fallbacks.inc(kind=event.kind.value, reason=event.reason.value)
        elif isinstance(event, ReadingRefused):
            m.refused.inc(kind=event.kind.value, error=event.error_kind)


class MeteredInterpreter:
    """An Interpreter that counts its inner interpreter's answers (`ok`, `cached`) and tokens. Failures
    are counted from the use case's `InterpreterFailed` event, with the reason the reading fell back."""

    def __init__(self, inner: Interpreter, metrics: Metrics) -> None:
        self._inner = inner
        self._metrics = metrics

    @property
    def name(self) -> str:
        return self._inner.name

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        return self._count(await self._inner.interpret(request, on_delta))

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        return self._count(await self._inner.follow_up(reading, earlier, question, on_delta, safety=safety))

    def _count(self, result: Interpretation) -> Interpretation:
        name = self._inner.name
        self._metrics.interpreter_calls.inc(interpreter=name, outcome="cached" if result.cached else "ok")
        if result.prompt_tokens:
            self._metrics.interpreter_tokens.inc(result.prompt_tokens, interpreter=name, kind="prompt")
        if result.completion_tokens:
            self._metrics.interpreter_tokens.inc(
                result.completion_tokens, interpreter=name, kind="completion"
            )
        return result
