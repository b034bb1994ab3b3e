"""The HTTP adapter (aiohttp): API v1 for other frontends (problem+json errors, idempotency keys, rate
limit headers, an OpenAPI 3.1 description), the payment providers' webhooks, health, readiness and
metrics. It drives the domain through its use cases and knows no other adapter: the runner gives it
ports (`WebDeps`), the providers' webhook readers among them, and an `HttpObserver` for metrics.
"""

from adapters.http.app import ListenError, create_app, serve
from adapters.http.auth import ApiClient, ApiKeys
from adapters.http.deps import ApiLimits, HttpObserver, SilentObserver, WebDeps
from adapters.http.middlewares import RequestIdFilter, current_request_id

__all__ = [
    "ApiClient",
    "ApiKeys",
    "ApiLimits",
    "HttpObserver",
    "ListenError",
    "RequestIdFilter",
    "SilentObserver",
    "WebDeps",
    "create_app",
    "current_request_id",
    "serve",
]
