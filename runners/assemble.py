"""Frontends built from one `Service` container: the web app's dependencies, the Telegram dialog and the
background jobs. `tarot web`, `tarot bot` and `tarot serve` differ only in which of these they run.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from attrs import frozen

from runners.config import Settings
from runners.container import Service, resolve, service
from runners.startup import StartupError, preflight
from tarot_domain.model.errors import TarotError

if TYPE_CHECKING:
    from adapters.http import WebDeps


@frozen
class Opened:
    """A `Service` container whose resources are open; closed when the `open_service` block ends."""

    container: Service
    settings: Settings


@contextlib.asynccontextmanager
async def open_service(settings: Settings, *, run_jobs: bool = False) -> AsyncIterator[Opened]:
    """Open every resource the settings choose; with `run_jobs` (and `JOBS=on`) also run the background
    jobs, which stop before the resources they use are closed. A database or Redis that cannot be
    reached, or a store that cannot be opened, is a StartupError before anything runs."""
    await preflight(settings)
    container = service(settings)
    try:
        opening = container.init_resources()
        if opening is not None:
            await opening
    except TarotError as error:  # a store that cannot be opened (a SQLite file in a read-only folder)
        closing = container.shutdown_resources()
        if closing is not None:
            await closing
        raise StartupError(f"cannot open the store: {error.detail}") from None
    runner = None
    try:
        opened = Opened(container, settings)
        if run_jobs and settings.jobs:
            runner = await job_runner(opened)
            runner.start()
        yield opened
    finally:
        if runner is not None:
            await runner.stop()
        closing = container.shutdown_resources()
        if closing is not None:
            await closing


async def job_runner(opened: Opened) -> Any:
    """The hold sweeper, the retention purge and (with Stripe) reconciliation, each under a lock that
    every process sharing the store sees (runners/jobs.py)."""
    from runners.jobs import JobRunner, JobSettings, StripeEventFeed, build_jobs, make_job_lock

    c, settings = opened.container, opened.settings
    store = await resolve(c.gateways.store)
    stripe = await resolve(c.gateways.stripe)
    jobs = build_jobs(
        credits=await resolve(c.use_cases.credits),
        uow_factory=store.uow_factory,
        clock=c.core.clock(),
        payments=await resolve(c.use_cases.payments) if stripe else None,
        event_feed=StripeEventFeed(stripe) if stripe else None,
        settings=JobSettings(retention_days=settings.retention_days),
    )
    return JobRunner(jobs, make_job_lock(redis=await resolve(c.gateways.redis), postgres=store.postgres))


async def web_deps(opened: Opened) -> WebDeps:
    """The HTTP adapter's dependencies over the opened adapters (the payment providers' webhook readers
    come from the container, so the adapter knows no provider)."""
    from adapters.http import ApiLimits, WebDeps
    from adapters.http.deps import DEFAULT_CANCEL_URL, DEFAULT_SUCCESS_URL
    from runners.observe import MetricsObserver

    c, settings = opened.container, opened.settings
    gateways = await resolve(c.gateways.payment_gateways)
    return WebDeps(
        users=await resolve(c.use_cases.users),
        credits=await resolve(c.use_cases.credits),
        readings=await resolve(c.use_cases.readings),
        payments=await resolve(c.use_cases.payments),
        rate_limiter=await resolve(c.gateways.rate_limiter),
        idempotency=await resolve(c.gateways.idempotency),
        clock=c.core.clock(),
        catalog=c.core.catalog(),
        api_keys=settings.web.api_keys,
        webhooks=await resolve(c.gateways.webhooks),
        checkout_provider=gateways[0].provider if gateways else None,
        pings=await resolve(c.gateways.pings),
        observer=MetricsObserver(c.core.metrics()),
        limits=ApiLimits(
            calls=settings.limits.api_calls_per_client,
            readings=settings.limits.api_readings_per_client,
            llm=settings.limits.llm_readings_global,
        ),
        success_url=settings.web.success_url or DEFAULT_SUCCESS_URL,
        cancel_url=settings.web.cancel_url or DEFAULT_CANCEL_URL,
        cors_origins=settings.web.cors_origins,
    )


async def dialog(opened: Opened) -> Any:
    """The Telegram conversation (adapters.telegram.dialog.Dialog) over the opened adapters."""
    from adapters.telegram.dialog import Dialog, DialogConfig

    c, settings = opened.container, opened.settings
    payments = await resolve(c.use_cases.payments)
    checkout = None
    if settings.telegram_checkout_links and settings.stripe_on:
        success = settings.web.success_url or "https://example.invalid/paid"
        cancel = settings.web.cancel_url or "https://example.invalid/cancelled"

        async def checkout(user_id: str, product_id: str) -> str:
            started = await payments.start_checkout(user_id, product_id, "stripe", None, success, cancel)
            return str(started.session.url)

    return Dialog(
        users=await resolve(c.use_cases.users),
        readings=await resolve(c.use_cases.readings),
        credits=await resolve(c.use_cases.credits),
        payments=payments,
        sessions=await resolve(c.gateways.sessions),
        rate_limiter=await resolve(c.gateways.rate_limiter),
        dedup=await resolve(c.gateways.dedup),
        clock=c.core.clock(),
        catalog=c.core.catalog(),
        config=DialogConfig(
            admin_ids=settings.telegram_admin_ids,
            stars_enabled=settings.telegram_stars,
            checkout_url_factory=checkout,
            limits=settings.limits.as_mapping(),
        ),
        random=c.core.randomness(),
        renderer=c.core.renderer(),
    )
