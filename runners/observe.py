"""The HTTP adapter's observer on the service's metrics (runners/metrics.py): what the adapter reports,
counted under the sample names the service has always exposed."""

from __future__ import annotations

from runners.metrics import CONTENT_TYPE, Metrics


class MetricsObserver:
    """`adapters.http.HttpObserver` on `Metrics`."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def request(self, method: str, route: str, status: int, seconds: float) -> None:
        self._metrics.http_requests.inc(method=method, route=route, status=str(status))
        self._metrics.http_seconds.observe(seconds, route=route)

    def error(self, kind: str) -> None:
        self._metrics.errors.inc(kind=kind)

    def rate_limited(self, scope: str) -> None:
        self._metrics.rate_limited.inc(scope=scope)

    def credits_granted(self, amount: int, source: str) -> None:
        self._metrics.credits_granted.inc(amount, source=source)

    def webhook(self, provider: str, result: str) -> None:
        self._metrics.webhooks.inc(provider=provider, result=result)

    def payment(self, provider: str, status: str) -> None:
        self._metrics.payments.inc(provider=provider, status=status)

    def exposition(self) -> tuple[bytes, str]:
        return self._metrics.render().encode(), CONTENT_TYPE
