"""The service's Prometheus metrics: counted in plain Python, written out by `prometheus-client`.

Nothing global: each `Metrics` keeps its own counts (so tests and several containers in one process
never share a sample), and a runner passes it where counting happens. The names and labels of the
`tarot_*` samples are the ones operators' dashboards already use (a test compares them); the reading
outcomes are counted from the use cases' event stream (`MetricsEvents`), so every frontend's readings
are counted alike.

Why counts are kept here and not in `prometheus_client`'s own metric objects: importing that package
costs about 40 ms, which `tarot read` and `tarot chat` paid at every start to count readings nobody
scrapes. It is imported at the first `render()` (a scrape), where one collector turns the counts into
metric families beside the process and GC collectors, in the same text format as before.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:  # prometheus_client loads at the first scrape
    from prometheus_client import CollectorRegistry
    from prometheus_client.metrics_core import Metric

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

Labels = tuple[str, ...]


class _Labelled:
    """A metric's name, help and label names, and the check every update makes: exactly those labels.
    Updates take a lock because the picture renderer and other work run in threads beside the loop."""

    def __init__(self, name: str, help_text: str, labels: Sequence[str]) -> None:
        self.name, self.help_text, self.label_names = name, help_text, tuple(labels)
        self._lock = threading.Lock()

    def _key(self, labels: dict[str, str]) -> Labels:
        if set(labels) != set(self.label_names):
            raise ValueError(f"{self.name} takes labels {self.label_names}, got {tuple(labels)}")
        return tuple(str(labels[name]) for name in self.label_names)

    def _shown(self, keys: list[Labels]) -> list[Labels]:
        """The label sets to write: those counted, or the one empty set of a metric without labels
        (which Prometheus shows at zero from the start)."""
        found = sorted(keys)
        return found if found or self.label_names else [()]


class Counter(_Labelled):
    """A labelled counter: `inc(amount, **labels)` with exactly its label names, never negative."""

    def __init__(self, name: str, help_text: str, labels: Sequence[str] = ()) -> None:
        super().__init__(name, help_text, labels)
        self._values: dict[Labels, float] = {}

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError("a counter only goes up")
        key = self._key(labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        return self._values.get(self._key(labels), 0.0)

    def family(self) -> Metric:
        from prometheus_client.metrics_core import CounterMetricFamily

        family = CounterMetricFamily(self.name, self.help_text, labels=self.label_names)
        with self._lock:
            values = dict(self._values)
        for key in self._shown(list(values)):
            family.add_metric(key, values.get(key, 0.0))
        return family


class _Series:
    """One label set of a histogram: the count in each bucket (not cumulative; the last is +Inf) and the
    sum of what was observed."""

    __slots__ = ("counts", "total")

    def __init__(self, buckets: int) -> None:
        self.counts = [0] * buckets
        self.total = 0.0


class Histogram(_Labelled):
    """A labelled histogram: `observe(value, **labels)`; `count(**labels)` for tests and checks."""

    def __init__(
        self,
        name: str,
        help_text: str,
        labels: Sequence[str] = (),
        buckets: Sequence[float] = DEFAULT_BUCKETS,
    ) -> None:
        super().__init__(name, help_text, labels)
        self.buckets = tuple(sorted(buckets))
        self._series: dict[Labels, _Series] = {}

    def observe(self, value: float, **labels: str) -> None:
        key = self._key(labels)
        slot = bisect_left(self.buckets, value)  # the first bound >= value (a bucket is "le"); past all: +Inf
        with self._lock:
            series = self._series.get(key)
            if series is None:
                series = self._series[key] = _Series(len(self.buckets) + 1)
            series.counts[slot] += 1
            series.total += value

    def count(self, **labels: str) -> int:
        found = self._series.get(self._key(labels))
        return sum(found.counts) if found else 0

    def family(self) -> Metric:
        from prometheus_client.metrics_core import HistogramMetricFamily
        from prometheus_client.utils import floatToGoString

        family = HistogramMetricFamily(self.name, self.help_text, labels=self.label_names)
        # Bounds written as prometheus-client writes them ("1.0", "+Inf"): dashboards match on `le`.
        bounds = [*(floatToGoString(bound) for bound in self.buckets), "+Inf"]  # type: ignore[no-untyped-call]
        with self._lock:
            series = {key: (list(found.counts), found.total) for key, found in self._series.items()}
        for key in self._shown(list(series)):
            counts, total = series.get(key, ([0] * len(bounds), 0.0))
            cumulative, running = [], 0
            for bound, n in zip(bounds, counts, strict=True):
                running += n
                cumulative.append((bound, float(running)))
            family.add_metric(key, cumulative, total)
        return family


class Metrics:
    """The service's metrics. Counting never fails a request: callers pass plain strings."""

    def __init__(self) -> None:
        self._registry: CollectorRegistry | None = None
        self._admission: Admission | None = None

        self.readings = Counter(
            "tarot_readings_total", "Readings served.", ("spread", "interpreter", "fallback")
        )
        self.reading_seconds = Histogram(
            "tarot_reading_duration_seconds", "Time to serve a reading.", ("spread",), READING_BUCKETS
        )
        self.interpreter_calls = Counter(
            "tarot_interpreter_calls_total", "Calls to an interpreter.", ("interpreter", "outcome")
        )
        self.interpreter_tokens = Counter(
            "tarot_interpreter_tokens_total", "Tokens used by interpreters.", ("interpreter", "kind")
        )
        self.credits_spent = Counter(
            "tarot_credits_spent_total", "Credits charged for readings.", ("spread",)
        )
        self.credits_granted = Counter("tarot_credits_granted_total", "Credits granted.", ("source",))
        self.payments = Counter("tarot_payments_total", "Payment status changes.", ("provider", "status"))
        self.webhooks = Counter(
            "tarot_webhook_events_total", "Provider webhook events received.", ("provider", "result")
        )
        self.errors = Counter("tarot_errors_total", "Errors answered, by kind.", ("kind",))
        self.rate_limited = Counter(
            "tarot_rate_limited_total", "Requests refused by a rate limit.", ("scope",)
        )
        self.http_requests = Counter(
            "tarot_http_requests_total", "HTTP requests answered.", ("method", "route", "status")
        )
        self.http_seconds = Histogram(
            "tarot_http_request_duration_seconds", "Time to answer an HTTP request.", ("route",)
        )
        self.safety_screens = Counter(
            "tarot_safety_screen_total",
            "Texts through the safety screen, by outcome (kind or none) and stage; never the text.",
            ("kind", "stage"),
        )
        self.fallbacks = Counter(
            "tarot_reading_fallbacks_total",
            "Answers the offline reader wrote because the interpreter failed.",
            ("kind", "reason"),
        )
        self.refused = Counter(
            "tarot_readings_refused_total", "Reading requests ended by a domain error.", ("kind", "error")
        )
        self.follow_ups = Counter(
            "tarot_follow_ups_total", "Follow-up questions answered.", ("interpreter", "fallback")
        )

    def watch_admission(self, admission: Admission) -> Admission:
        """Readings in flight (admitted, not yet saved) and the limit, read at each scrape."""
        self._admission = admission
        return admission

    def collect(self) -> Iterator[Metric]:
        """The `tarot_*` families as they stand (prometheus_client's custom-collector interface)."""
        from prometheus_client.metrics_core import GaugeMetricFamily

        for metric in vars(self).values():
            if isinstance(metric, Counter | Histogram):
                yield metric.family()
        admission = self._admission
        if admission is not None:
            yield GaugeMetricFamily(
                "tarot_readings_in_flight", "Readings admitted and not yet finished.", admission.in_flight
            )
            yield GaugeMetricFamily("tarot_readings_in_flight_limit", "TAROT_MAX_IN_FLIGHT.", admission.limit)

    def render(self) -> str:
        from prometheus_client import CollectorRegistry, GCCollector, ProcessCollector, generate_latest

        if self._registry is None:
            registry = CollectorRegistry(auto_describe=True)
            ProcessCollector(registry=registry)
            GCCollector(registry=registry)
            registry.register(self)
            self._registry = registry
        return generate_latest(self._registry).decode("utf-8")


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
