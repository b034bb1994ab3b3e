"""Ending a Telegram Stars subscription, as an MTProto request (the dialog's /forget asks for it through
the `Outbox`)."""

from __future__ import annotations

import logging
from typing import Any

from telethon import errors, utils  # type: ignore[import-untyped]
from telethon.tl import functions  # type: ignore[import-untyped]

from tarot_domain.model.errors import ErrorKind, TarotError

log = logging.getLogger("adapters.telegram")


async def cancel_stars_subscription(outbox: Any, client: Any, user_id: int, charge_id: str) -> bool:
    """`payments.botCancelStarsSubscription` (without `restore`: no renewal, and the person cannot turn it
    back on). CHARGE_ID_INVALID means no subscription by that charge (a one-off payment): False."""
    try:
        user = utils.get_input_user(await client.get_input_entity(user_id))
        await outbox.invoke(
            functions.payments.BotCancelStarsSubscriptionRequest(user_id=user, charge_id=charge_id)
        )
    except errors.RPCError as error:
        if error.message == "CHARGE_ID_INVALID":
            log.info("Stars charge %s started no subscription; nothing to cancel", charge_id)
            return False
        raise TarotError(
            ErrorKind.PAYMENT, f"Telegram refused to cancel the subscription of charge {charge_id}: {error}"
        ) from error
    except (ValueError, TypeError) as error:  # the user cannot be addressed
        raise TarotError(
            ErrorKind.PAYMENT, f"cannot cancel a subscription of user {user_id}: {error}"
        ) from error
    return True
