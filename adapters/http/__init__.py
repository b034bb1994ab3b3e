"""The HTTP adapter (aiohttp): API v1 for other frontends (problem+json errors, idempotency keys, rate
limit headers, an OpenAPI 3.1 description), the payment providers' webhooks, health, readiness and
metrics. It drives the domain through its use cases and knows no other adapter: the runner gives it
ports (`WebDeps`), the providers' webhook readers among them, and an `HttpObserver` for metrics.

The names are loaded on first use, so that reading the settings (`adapters.http.auth`) does not
import aiohttp: commands that serve nothing start without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "ListenError": "app",
    "create_app": "app",
    "serve": "app",
    "ApiClient": "auth",
    "ApiKeys": "auth",
    "ApiLimits": "deps",
    "HttpObserver": "deps",
    "SilentObserver": "deps",
    "WebDeps": "deps",
    "RequestIdFilter": "middlewares",
    "current_request_id": "middlewares",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # looked up once
    return value
