"""The jobs that need the bot's Telegram connection (see runners/jobs.py for what each does): Stars
reconciliation, Stars refunds that wait, and the pass reminders. `tarot bot` and `tarot serve` start
them once the bot is logged in (`bot_job_runner`), under the same job locks as every other job, so
any number of bot processes can run them: of overlapping runs one works, and every effect is
exactly once in the database whatever runs when.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from runners.jobs import Counts, Job, JobRunner, JobSettings, make_job_lock
from tarot_domain.model.users import User
from tarot_domain.use_cases.context import Services
from tarot_domain.use_cases.payments import PaymentService
from tarot_domain.use_cases.reminders import remind_ending_passes
from tarot_ports.notices import Notice, Notifier
from tarot_ports.stars import StarsAccount

if TYPE_CHECKING:
    from runners.assemble import Opened

RECONCILE_STARS, STARS_REFUNDS, PASS_REMINDERS = "reconcile-stars", "stars-refunds", "pass-reminders"


class DialogNotifier:
    """The `Notifier` port through the dialog's words (in each person's language) and the bot's outbox."""

    def __init__(self, dialog: Any, outbox: Any) -> None:
        self._dialog = dialog
        self._outbox = outbox

    async def notify(self, user: User, notice: Notice) -> bool:
        return bool(await self._dialog.notify(self._outbox, user, notice))


def build_stars_jobs(
    *,
    payments: PaymentService,
    services: Services,
    account: StarsAccount,
    notifier: Notifier,
    settings: JobSettings | None = None,
) -> list[Job]:
    s = settings or JobSettings()
    stars, clock = payments.stars, services.clock

    async def reconcile() -> Counts:
        return await stars.reconcile(account, clock.now() - s.stars_lookback, notifier)

    async def refunds() -> Counts:
        return dict(await stars.return_money(account.refund, notifier))

    async def reminders() -> Counts:
        return await remind_ending_passes(services, notifier, s.reminder_lead)

    return [
        Job(RECONCILE_STARS, s.stars_reconcile_every, reconcile, lock_ttl=600.0, retry_after=s.retry_after),
        Job(STARS_REFUNDS, s.stars_refunds_every, refunds, idle_level=logging.DEBUG),
        Job(PASS_REMINDERS, s.reminders_every, reminders, lock_ttl=600.0, retry_after=s.retry_after),
    ]


async def bot_job_runner(opened: Opened, dialog: Any, outbox: Any, client: Any) -> JobRunner | None:
    """The bot's jobs over the opened adapters and the logged-in Telethon client (None with `JOBS=off`
    or Stars off)."""
    from adapters.telegram.stars import TelegramStarsAccount
    from runners.container import resolve

    c, settings = opened.container, opened.settings
    if not settings.jobs or not settings.telegram_stars:
        return None
    store = await resolve(c.gateways.store)
    jobs = build_stars_jobs(
        payments=await resolve(c.use_cases.payments),
        services=await resolve(c.use_cases.services),
        account=TelegramStarsAccount(outbox, client),
        notifier=DialogNotifier(dialog, outbox),
    )
    lock = make_job_lock(redis=await resolve(c.gateways.redis), postgres=store.postgres)
    return JobRunner(jobs, lock)
