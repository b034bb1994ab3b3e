"""Everything the HTTP adapter uses, given by the runner (tests give memory adapters).

The adapter reaches the domain through its use cases and the world through ports; what it reports for
metrics goes to an `HttpObserver` the runner implements (the adapter knows no metrics library).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Protocol

from attrs import Factory, field, frozen

from adapters.http.auth import ApiKeys
from tarot_domain.model.products import Catalog, default_catalog
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.readings import ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.clock import Clock
from tarot_ports.idempotency import IdempotencyStore
from tarot_ports.payments import PaymentWebhooks
from tarot_ports.rate_limit import RateLimit, RateLimiter, RateLimits

Ping = Callable[[], Awaitable[object]]
Closer = Callable[[], Awaitable[None]]

API_MAX_BODY = 64 * 1024
WEBHOOK_MAX_BODY = 512 * 1024
BODY_TIMEOUT = 10.0  # seconds a client has to send its whole body
DEFAULT_SUCCESS_URL = "https://example.invalid/paid"
DEFAULT_CANCEL_URL = "https://example.invalid/cancelled"


class HttpObserver(Protocol):
    """What the adapter reports; none of these may raise or block."""

    def request(self, method: str, route: str, status: int, seconds: float) -> None: ...
    def error(self, kind: str) -> None: ...
    def rate_limited(self, scope: str) -> None: ...
    def credits_granted(self, amount: int, source: str) -> None: ...
    def webhook(self, provider: str, result: str) -> None: ...
    def payment(self, provider: str, status: str) -> None: ...
    def exposition(self) -> tuple[bytes, str]:
        """The body and content type `/metrics` answers with."""
        ...


class SilentObserver:
    def request(self, method: str, route: str, status: int, seconds: float) -> None: ...
    def error(self, kind: str) -> None: ...
    def rate_limited(self, scope: str) -> None: ...
    def credits_granted(self, amount: int, source: str) -> None: ...
    def webhook(self, provider: str, result: str) -> None: ...
    def payment(self, provider: str, status: str) -> None: ...

    def exposition(self) -> tuple[bytes, str]:
        return b"", "text/plain; version=0.0.4; charset=utf-8"


@frozen(kw_only=True)
class ApiLimits:
    """`calls`: any call about one person, per client; `readings`: what calls the interpreter (readings,
    follow-ups, the day's first card) for one person, per client; `llm`: the budget every interpreter call
    shares with the bot and every other process (`tarot_ports.rate_limit.LLM_BUDGET_KEY`)."""

    calls: RateLimit = field(factory=lambda: RateLimits().api_calls_per_client)
    readings: RateLimit = field(factory=lambda: RateLimits().api_readings_per_client)
    llm: RateLimit = field(factory=lambda: RateLimits().llm_readings_global)


@frozen(kw_only=True)
class WebDeps:
    users: UserService
    credits: CreditService
    readings: ReadingService
    payments: PaymentService
    rate_limiter: RateLimiter
    idempotency: IdempotencyStore
    clock: Clock
    catalog: Catalog = Factory(default_catalog)
    api_keys: ApiKeys = Factory(ApiKeys)
    webhooks: Sequence[PaymentWebhooks] = ()
    checkout_provider: str | None = None
    success_url: str = DEFAULT_SUCCESS_URL
    cancel_url: str = DEFAULT_CANCEL_URL
    currencies: tuple[str, ...] = ("USD", "UAH")
    pings: Mapping[str, Ping] = Factory(dict)
    ping_timeout: float = 2.0
    observer: HttpObserver = Factory(SilentObserver)
    limits: ApiLimits = Factory(ApiLimits)
    max_body_bytes: int = API_MAX_BODY
    webhook_max_body_bytes: int = WEBHOOK_MAX_BODY
    body_timeout: float = BODY_TIMEOUT
    cors_origins: tuple[str, ...] = ()
    closers: Sequence[Closer] = ()
