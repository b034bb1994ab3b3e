"""Prometheus metrics written by hand: counters and histograms, rendered in the text exposition format.

Nothing global: a runner makes one `Metrics` and passes it where counting happens. Label values are
escaped as the format asks (backslash, double quote, newline); a histogram's buckets are cumulative
and end with `+Inf`, followed by `_sum` and `_count`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from typing import Protocol

from tarot_domain.model.events import Event, Screened
from tarot_domain.model.readings import FollowUp, Interpretation, Reading
from tarot_domain.model.safety import SafetyKind, UnsafeAnswer
from tarot_ports.interpreter import InterpretationRequest, Interpreter, OnDelta

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
DEFAULT_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
READING_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0)

LabelValues = tuple[str, ...]
SCREEN_KINDS: tuple[str, ...] = (*(kind.value for kind in SafetyKind), "none")
"""The fixed values of `tarot_safety_screen_total`'s `kind` label (its `stage` label: ScreenStage)."""


def escape_label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def format_value(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if math.isnan(value):
        return "NaN"
    if float(value).is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(float(value))


def _labels(names: Sequence[str], values: Sequence[str], extra: tuple[str, str] | None = None) -> str:
    pairs = [f'{n}="{escape_label(v)}"' for n, v in zip(names, values, strict=True)]
    if extra is not None:
        pairs.append(f'{extra[0]}="{escape_label(extra[1])}"')
    return "{" + ",".join(pairs) + "}" if pairs else ""


class _Metric(Protocol):
    def render(self) -> list[str]: ...


class Counter:
    def __init__(self, name: str, help_text: str, labels: Sequence[str] = ()) -> None:
        self.name, self.help, self.label_names = name, help_text, tuple(labels)
        self._values: dict[LabelValues, float] = {}

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError("a counter only goes up")
        key = self._key(labels)
        self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        return self._values.get(self._key(labels), 0.0)

    def _key(self, labels: dict[str, str]) -> LabelValues:
        if set(labels) != set(self.label_names):
            raise ValueError(f"{self.name} takes labels {self.label_names}, got {tuple(labels)}")
        return tuple(str(labels[n]) for n in self.label_names)

    def render(self) -> list[str]:
        lines = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} counter"]
        for key in sorted(self._values):
            lines.append(f"{self.name}{_labels(self.label_names, key)} {format_value(self._values[key])}")
        return lines


class Histogram:
    def __init__(
        self,
        name: str,
        help_text: str,
        labels: Sequence[str] = (),
        buckets: Sequence[float] = DEFAULT_BUCKETS,
    ) -> None:
        self.name, self.help, self.label_names = name, help_text, tuple(labels)
        self.buckets = tuple(sorted(buckets))
        self._series: dict[LabelValues, tuple[list[int], list[float]]] = {}

    def observe(self, value: float, **labels: str) -> None:
        if set(labels) != set(self.label_names):
            raise ValueError(f"{self.name} takes labels {self.label_names}, got {tuple(labels)}")
        key = tuple(str(labels[n]) for n in self.label_names)
        counts, totals = self._series.setdefault(key, ([0] * (len(self.buckets) + 1), [0.0]))
        for index, bound in enumerate(self.buckets):
            if value <= bound:
                counts[index] += 1
        counts[-1] += 1
        totals[0] += value

    def count(self, **labels: str) -> int:
        key = tuple(str(labels[n]) for n in self.label_names)
        series = self._series.get(key)
        return 0 if series is None else series[0][-1]

    def render(self) -> list[str]:
        lines = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} histogram"]
        for key in sorted(self._series):
            counts, totals = self._series[key]
            for bound, count in zip((*self.buckets, math.inf), counts, strict=True):
                labels = _labels(self.label_names, key, ("le", format_value(bound)))
                lines.append(f"{self.name}_bucket{labels} {count}")
            plain = _labels(self.label_names, key)
            lines.append(f"{self.name}_sum{plain} {format_value(totals[0])}")
            lines.append(f"{self.name}_count{plain} {counts[-1]}")
        return lines


class Metrics:
    """The service's metrics. Counting never fails a request: callers pass plain strings."""

    def __init__(self) -> None:
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
        self._all: tuple[_Metric, ...] = (
            self.readings, self.reading_seconds, self.interpreter_calls, self.interpreter_tokens,
            self.credits_spent, self.credits_granted, self.payments, self.webhooks, self.errors,
            self.rate_limited, self.http_requests, self.http_seconds, self.safety_screens,
        )  # fmt: skip

    def render(self) -> str:
        lines: list[str] = []
        for metric in self._all:
            lines.extend(metric.render())
        return "\n".join(lines) + "\n"

    def record_reading(self, reading: Reading, seconds: float, replayed: bool) -> None:
        if replayed:
            return
        interpreter = reading.interpretation.interpreter
        fallback = "true" if reading.fallback else "false"
        self.readings.inc(spread=reading.spread_id, interpreter=interpreter, fallback=fallback)
        self.reading_seconds.observe(seconds, spread=reading.spread_id)
        if reading.cost > 0:
            self.credits_spent.inc(reading.cost, spread=reading.spread_id)


class MetricsEvents:
    """The EventSink port on `Metrics`: what use cases report, counted (labels only, never text)."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def emit(self, event: Event) -> None:
        if isinstance(event, Screened):
            kind = "none" if event.kind is None else event.kind.value
            self._metrics.safety_screens.inc(kind=kind, stage=event.stage.value)


class MeteredInterpreter:
    """An Interpreter that counts its inner interpreter's calls, outcomes and tokens (`unsafe`: an
    answer on a framed topic that failed the safety check)."""

    def __init__(self, inner: Interpreter, metrics: Metrics) -> None:
        self._inner = inner
        self._metrics = metrics

    @property
    def name(self) -> str:
        return self._inner.name

    async def interpret(
        self, request: InterpretationRequest, on_delta: OnDelta | None = None
    ) -> Interpretation:
        started = time.monotonic()
        try:
            result = await self._inner.interpret(request, on_delta)
        except BaseException as error:
            self._failed(error)
            raise
        self._count(result, time.monotonic() - started)
        return result

    async def follow_up(
        self,
        reading: Reading,
        earlier: tuple[FollowUp, ...],
        question: str,
        on_delta: OnDelta | None = None,
        *,
        safety: SafetyKind | None = None,
    ) -> Interpretation:
        started = time.monotonic()
        try:
            result = await self._inner.follow_up(reading, earlier, question, on_delta, safety=safety)
        except BaseException as error:
            self._failed(error)
            raise
        self._count(result, time.monotonic() - started)
        return result

    def _failed(self, error: BaseException) -> None:
        outcome = "unsafe" if isinstance(error, UnsafeAnswer) else "error"
        self._metrics.interpreter_calls.inc(interpreter=self._inner.name, outcome=outcome)

    def _count(self, result: Interpretation, _seconds: float) -> None:
        outcome = "cached" if result.cached else "ok"
        self._metrics.interpreter_calls.inc(interpreter=self._inner.name, outcome=outcome)
        if result.prompt_tokens:
            self._metrics.interpreter_tokens.inc(
                result.prompt_tokens, interpreter=self._inner.name, kind="prompt"
            )
        if result.completion_tokens:
            self._metrics.interpreter_tokens.inc(
                result.completion_tokens, interpreter=self._inner.name, kind="completion"
            )
