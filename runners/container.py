"""Dependency-injector containers (confined to runners/).

- `Core`: settings, the clock, randomness, the product catalog, metrics, the event stream (the use
  cases' events, to the metrics and the log), the crisis helplines in force, the spread picture's
  renderer (Pillow, imported when first resolved; the bot, `tarot read --image` and `tarot chat` share it).
- `MemoryGateways` / `RealGateways`: every port, with IDENTICAL provider names (`uow_factory`,
  `closing_uow_factory`, `interpreter`, `fallback`, `sessions`, `rate_limiter`, `dedup`, `cache`,
  `payment_gateways`, `pings`).
  The real one chooses each adapter from the settings (sqlite or postgres, memory or redis, offline or
  openai_http, Stripe on or off); pools and HTTP clients are async `Resource`s, opened by
  `await container.init_resources()` and closed by `await container.shutdown_resources()`.
- `UseCases`: the domain's services, taking both of the above as `DependenciesContainer`s.
- `InProcess` (memory, for `tarot read`/`tarot chat` and embedders) and `Service` (real, for `tarot bot`,
  `tarot web`, `tarot serve`): the thin roots runners build. Nothing is built at import time, and
  runners resolve what they need explicitly (no `@inject` wiring).
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, TypeVar

from attrs import evolve

from adapters.memory.cache import MemoryCache
from adapters.memory.dedup import MemoryDeduplicator
from adapters.memory.idempotency import MemoryIdempotencyStore
from adapters.memory.rate_limit import MemoryRateLimiter
from adapters.memory.sessions import MemorySessionStore
from adapters.memory.storage import MemoryStore
from adapters.offline.interpreter import OfflineInterpreter
from adapters.system.clock import SystemClock
from adapters.system.randomness import SecretsRandom
from runners.config import Settings
from runners.events import EventLog, EventStream
from runners.injector import containers, providers
from runners.metrics import MeteredInterpreter, Metrics, MetricsEvents
from runners.stores import StoreHandle, open_store
from tarot_domain.model.products import Catalog, Promotions, default_catalog
from tarot_domain.use_cases.admission import Admission
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.credits import CreditService
from tarot_domain.use_cases.readings import ReadingService
from tarot_domain.use_cases.users import UserService
from tarot_ports.cache import Cache
from tarot_ports.clock import Clock
from tarot_ports.dedup import Deduplicator
from tarot_ports.events import EventSink
from tarot_ports.idempotency import IdempotencyStore
from tarot_ports.interpreter import Interpreter
from tarot_ports.randomness import RandomSource
from tarot_ports.rate_limit import RateLimiter
from tarot_ports.renderer import SpreadRenderer
from tarot_ports.sessions import SessionStore
from tarot_ports.storage import UnitOfWorkFactory

if TYPE_CHECKING:  # for annotations only: these modules load when their adapter (or use case) is used
    from redis.asyncio import Redis

    from adapters.stripe_http.client import StripeClient
    from tarot_domain.use_cases.payments import PaymentService
    from tarot_ports.payments import PaymentGateway, PaymentWebhooks

T = TypeVar("T")
Ping = Callable[[], Awaitable[object]]


def build_catalog(settings: Settings) -> Catalog:
    base = default_catalog()
    promotions = evolve(
        base.promotions,
        welcome_credits=settings.welcome_credits,
        daily_free_card=settings.daily_free_card,
        follow_up_cost=settings.follow_up_cost,
    )
    return evolve(base, promotions=promotions)


def watched_admission(limit: int, metrics: Metrics) -> Admission:
    return metrics.watch_admission(Admission(limit))


def hold_ttl(settings: Settings) -> timedelta:
    return timedelta(seconds=settings.hold_ttl_seconds)


async def resolve(provider: Callable[[], T | Awaitable[T]]) -> T:
    """A provider's value: providers that depend on async resources hand back awaitables."""
    value = provider()
    if inspect.isawaitable(value):
        return await value
    return value


# ------------------------------------------------------------------ resources (opened once per process)
# Every function below is typed with the port it provides, and every provider with the port too: an
# adapter that stops conforming to its port (a renamed method, a changed signature) fails `mypy --strict`
# here, where it is chosen, instead of at the first call in production.


async def store_resource(database_url: str | None, pool_size: int) -> AsyncIterator[StoreHandle]:
    async with open_store(database_url, pool_max=pool_size) as store:
        yield store


async def redis_resource(redis_url: str | None) -> AsyncIterator[Redis | None]:
    if not redis_url:
        yield None
        return
    from adapters.redis.client import create_redis

    redis = create_redis(redis_url)
    try:
        yield redis
    finally:
        await redis.aclose()


async def interpreter_resource(
    settings: Settings, cache: Cache, metrics: Metrics
) -> AsyncIterator[Interpreter]:
    """OpenAI-compatible when `OPENAI_API_KEY` is set, the offline composer otherwise; metered either way."""
    if settings.openai is None:
        yield MeteredInterpreter(OfflineInterpreter(), metrics)
        return
    from adapters.openai_http.interpreter import OpenAIInterpreter

    async with OpenAIInterpreter(settings.openai, cache=cache) as interpreter:
        yield MeteredInterpreter(interpreter, metrics)


async def stripe_resource(settings: Settings) -> AsyncIterator[StripeClient | None]:
    if not settings.stripe_on or settings.web.stripe_secret_key is None:
        yield None
        return
    from adapters.stripe_http.client import API_BASE, StripeClient

    client = StripeClient(settings.web.stripe_secret_key, base_url=settings.web.stripe_api_base or API_BASE)
    try:
        yield client
    finally:
        await client.aclose()


# ------------------------------------------------------------------ choosing adapters (typed by port)


def pillow_renderer() -> SpreadRenderer:
    """The spread picture drawn with Pillow; imported here, so a command that draws nothing never loads it."""
    from adapters.pillow.renderer import PillowSpreadRenderer

    return PillowSpreadRenderer()


def memory_uow(store: MemoryStore) -> UnitOfWorkFactory:
    return store.uow


def store_uow(store: StoreHandle) -> UnitOfWorkFactory:
    return store.uow_factory


def store_closing_uow(store: StoreHandle) -> UnitOfWorkFactory:
    return store.closing_uow_factory or store.uow_factory


def sessions_for(redis: Redis | None, clock: Clock) -> SessionStore:
    if redis is None:
        return MemorySessionStore(clock)
    from adapters.redis.sessions import RedisSessionStore

    return RedisSessionStore(redis)


def rate_limiter_for(redis: Redis | None, clock: Clock) -> RateLimiter:
    if redis is None:
        return MemoryRateLimiter(clock)
    from adapters.redis.rate_limit import RedisRateLimiter

    return RedisRateLimiter(redis)


def dedup_for(redis: Redis | None, clock: Clock) -> Deduplicator:
    if redis is None:
        return MemoryDeduplicator(clock)
    from adapters.redis.dedup import RedisDeduplicator

    return RedisDeduplicator(redis)


def cache_for(redis: Redis | None, clock: Clock) -> Cache:
    if redis is None:
        return MemoryCache(clock)
    from adapters.redis.cache import RedisCache

    return RedisCache(redis)


def idempotency_for(redis: Redis | None, clock: Clock) -> IdempotencyStore:
    if redis is None:
        return MemoryIdempotencyStore(clock)
    from adapters.redis.idempotency import RedisIdempotencyStore

    return RedisIdempotencyStore(redis)


def payment_gateways_for(stripe: StripeClient | None) -> tuple[PaymentGateway, ...]:
    if stripe is None:
        return ()
    from adapters.stripe_http.gateway import StripePaymentGateway

    return (StripePaymentGateway(stripe),)


def webhooks_for(stripe: StripeClient | None, settings: Settings) -> tuple[PaymentWebhooks, ...]:
    """Each provider's verified webhook reader (Stripe's signature check and event translation)."""
    if stripe is None:
        return ()
    from adapters.stripe_http.webhooks import StripeWebhooks

    return (StripeWebhooks(settings.web.stripe_webhook_secrets, stripe),)


def pings_for(store: StoreHandle, redis: Redis | None) -> Mapping[str, Ping]:
    """What `/readyz` checks: the database always, Redis when configured."""
    pings: dict[str, Ping] = {"database": store.ping}
    if redis is not None:
        from adapters.redis.client import translate_errors

        async def ping_redis() -> None:
            async with translate_errors("ping"):
                await redis.ping()

        pings["redis"] = ping_redis
    return pings


def payment_service(services: Services, gateways: tuple[PaymentGateway, ...]) -> PaymentService:
    """The payments use case, imported when first asked for: `tarot read` never is, and starts sooner."""
    from tarot_domain.use_cases.payments import PaymentService

    return PaymentService(services, gateways)


# ------------------------------------------------------------------ containers


class Core(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    clock: providers.Singleton[Clock] = providers.Singleton(SystemClock)
    randomness: providers.Singleton[RandomSource] = providers.Singleton(SecretsRandom)
    catalog = providers.Singleton(build_catalog, settings)
    hold_ttl = providers.Callable(hold_ttl, settings)
    metrics = providers.Singleton(Metrics)
    events: providers.Singleton[EventSink] = providers.Singleton(
        EventStream, providers.Singleton(MetricsEvents, metrics), providers.Singleton(EventLog)
    )
    helplines = settings.provided.helplines
    renderer: providers.Singleton[SpreadRenderer] = providers.Singleton(pillow_renderer)
    admission = providers.Singleton(watched_admission, settings.provided.in_flight_limit, metrics)


class MemoryGateways(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    store = providers.Singleton(MemoryStore)
    uow_factory: providers.Singleton[UnitOfWorkFactory] = providers.Singleton(memory_uow, store)
    closing_uow_factory: providers.Singleton[UnitOfWorkFactory] = providers.Singleton(memory_uow, store)
    sessions: providers.Singleton[SessionStore] = providers.Singleton(MemorySessionStore, core.clock)
    rate_limiter: providers.Singleton[RateLimiter] = providers.Singleton(MemoryRateLimiter, core.clock)
    dedup: providers.Singleton[Deduplicator] = providers.Singleton(MemoryDeduplicator, core.clock)
    cache: providers.Singleton[Cache] = providers.Singleton(MemoryCache, core.clock)
    idempotency: providers.Singleton[IdempotencyStore] = providers.Singleton(
        MemoryIdempotencyStore, core.clock
    )
    interpreter: providers.Singleton[Interpreter] = providers.Singleton(OfflineInterpreter)
    fallback: providers.Singleton[Interpreter] = providers.Singleton(OfflineInterpreter)
    payment_gateways: providers.Object[tuple[PaymentGateway, ...]] = providers.Object(())
    webhooks: providers.Object[tuple[PaymentWebhooks, ...]] = providers.Object(())
    pings: providers.Object[Mapping[str, Ping]] = providers.Object({})


class RealGateways(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    store: providers.Resource[StoreHandle] = providers.Resource(
        store_resource, core.settings.provided.database_url, core.settings.provided.database_pool_size
    )
    uow_factory: providers.Singleton[UnitOfWorkFactory] = providers.Singleton(store_uow, store)
    closing_uow_factory: providers.Singleton[UnitOfWorkFactory] = providers.Singleton(
        store_closing_uow, store
    )
    redis: providers.Resource[Redis | None] = providers.Resource(
        redis_resource, core.settings.provided.redis_url
    )
    sessions: providers.Singleton[SessionStore] = providers.Singleton(sessions_for, redis, core.clock)
    rate_limiter: providers.Singleton[RateLimiter] = providers.Singleton(rate_limiter_for, redis, core.clock)
    dedup: providers.Singleton[Deduplicator] = providers.Singleton(dedup_for, redis, core.clock)
    cache: providers.Singleton[Cache] = providers.Singleton(cache_for, redis, core.clock)
    idempotency: providers.Singleton[IdempotencyStore] = providers.Singleton(
        idempotency_for, redis, core.clock
    )
    interpreter: providers.Resource[Interpreter] = providers.Resource(
        interpreter_resource, core.settings, cache, core.metrics
    )
    fallback: providers.Singleton[Interpreter] = providers.Singleton(
        MeteredInterpreter, providers.Singleton(OfflineInterpreter), core.metrics
    )
    stripe: providers.Resource[StripeClient | None] = providers.Resource(stripe_resource, core.settings)
    payment_gateways: providers.Singleton[tuple[PaymentGateway, ...]] = providers.Singleton(
        payment_gateways_for, stripe
    )
    webhooks: providers.Singleton[tuple[PaymentWebhooks, ...]] = providers.Singleton(
        webhooks_for, stripe, core.settings
    )
    pings: providers.Singleton[Mapping[str, Ping]] = providers.Singleton(pings_for, store, redis)


class UseCases(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    gateways = providers.DependenciesContainer()
    services = providers.Singleton(
        Services,
        uow=gateways.uow_factory,
        clock=core.clock,
        random=core.randomness,
        catalog=core.catalog,
        hold_ttl=core.hold_ttl,
        helplines=core.helplines,
        events=core.events,
        closing_uow=gateways.closing_uow_factory,
    )
    users = providers.Singleton(UserService, services)
    credits = providers.Singleton(CreditService, services)
    readings = providers.Singleton(
        ReadingService,
        services,
        interpreter=gateways.interpreter,
        fallback=gateways.fallback,
        admission=core.admission,
    )
    payments: providers.Singleton[PaymentService] = providers.Singleton(
        payment_service, services, gateways.payment_gateways
    )


class InProcess(containers.DeclarativeContainer):
    """Everything in memory: `tarot read`, `tarot chat` and embedders who want no servers at all."""

    settings = providers.Dependency(instance_of=Settings)
    core = providers.Container(Core, settings=settings)
    gateways = providers.Container(MemoryGateways, core=core)
    use_cases = providers.Container(UseCases, core=core, gateways=gateways)


class Service(containers.DeclarativeContainer):
    """The serving processes: adapters chosen from the settings, resources opened and closed once."""

    settings = providers.Dependency(instance_of=Settings)
    core = providers.Container(Core, settings=settings)
    gateways = providers.Container(RealGateways, core=core)
    use_cases = providers.Container(UseCases, core=core, gateways=gateways)


def in_process(settings: Settings | None = None, promotions: Promotions | None = None) -> InProcess:
    container = InProcess(settings=settings or Settings())
    if promotions is not None:
        container.core.catalog.override(providers.Object(evolve(default_catalog(), promotions=promotions)))
    return container


def service(settings: Settings) -> Service:
    return Service(settings=settings)
