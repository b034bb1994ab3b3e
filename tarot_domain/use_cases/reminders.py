"""The reminder that a one-off tier pass is ending (the `pass-reminders` job).

Passes sold before tiers renewed as Telegram Stars subscriptions simply end. A few days before one
does (`lead`, 3 days), its buyer hears so once, with a way to subscribe and a way to never hear it
again (`User.reminders`). "Once" holds across runs, restarts and processes: the reminder for a pass is
a processed event (`notice`, `pass-ending:<order id>`) recorded when it went out, under the job's lock;
a pass bought later is another order, so it gets its own reminder. Subscriptions that renew, and tiers
no order of ours keeps, get none.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import timedelta

from tarot_domain.model.subscriptions import standing
from tarot_domain.use_cases.context import Services
from tarot_ports.notices import Notifier, PassEnding

log = logging.getLogger("tarot_domain.reminders")

NOTICES = "notice"
REMINDER_LEAD = timedelta(days=3)
BATCH = 500


def reminder_id(order_id: str) -> str:
    return f"pass-ending:{order_id}"


async def remind_ending_passes(
    services: Services, notifier: Notifier, lead: timedelta = REMINDER_LEAD, limit: int = BATCH
) -> dict[str, int]:
    """Remind every buyer whose one-off pass ends within `lead` and who was not reminded of it yet.
    Counts `due` (passes ending soon), `reminded`, `unreachable` (recorded, so never retried) and
    `failed` (left for the next run)."""
    now = services.clock.now()
    async with services.uow() as uow:
        ending = await uow.users.list_tier_ending(now, now + lead, limit)
    counts: Counter[str] = Counter()
    for user in ending:
        async with services.uow() as uow:
            orders = await uow.payments.list_for_user(user.id, limit=1000)
        kept = standing(user, orders, now)
        if kept is None or not kept.one_off or kept.order is None or kept.until is None:
            continue
        counts["due"] += 1
        key = reminder_id(kept.order.id)
        async with services.uow() as uow:  # asks without recording: rolled back
            if not await uow.events.mark(NOTICES, key, now):
                continue
        try:
            reached = await notifier.notify(user, PassEnding(kept.order.id, kept.tier_id, kept.until))
        except Exception as error:
            counts["failed"] += 1
            log.warning("pass reminder for %s not sent, tried next run: %r", kept.order.id, error)
            continue
        async with services.uow() as uow:
            await uow.events.mark(NOTICES, key, services.clock.now())
            await uow.commit()
        counts["reminded" if reached else "unreachable"] += 1
    return {"due": 0, "reminded": 0, **counts}
