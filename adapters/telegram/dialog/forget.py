"""/forget: erase the person's data, after a confirming press (the "keep" press revokes it).

The confirmation names what goes: the readings (how many), the preferences, the credits left, and an
active subscription with the days it has left. Confirming first stops every subscription from renewing
at its provider (a Stars subscription through Telegram's `payments.botCancelStarsSubscription`, a
Stripe one through the Stripe gateway), and only then erases: if a provider cannot be asked, nothing is
erased and the person is told to try again, since a forgotten person could no longer stop a charge.
"""

from __future__ import annotations

import logging
import math

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Turn
from adapters.telegram.events import IncomingCallback
from adapters.telegram.texts import t
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.localized import pick
from tarot_domain.use_cases.erasure import erase_person

log = logging.getLogger("adapters.telegram")
DAY = 86400


class ForgetFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(
            commands={"forget": self._cmd_forget}, actions={"forget": self._on_forget, "keep": self._on_keep}
        )

    async def _cmd_forget(self, turn: Turn, args: str) -> None:
        c, lang = self._c, turn.lang
        yes = await c.button(turn, t("button.forget_yes", lang), "forget", once=True)
        no = await c.button(turn, t("button.forget_no", lang), "keep", revokes=yes.token)
        await c.send(turn, await self._what_goes(turn), ((yes,), (no,)))

    async def _what_goes(self, turn: Turn) -> str:
        c, user, lang = self._c, turn.me, turn.lang
        _, readings = await c.readings.history(user.id, limit=1)
        parts = [
            t("forget.confirm_readings", lang, count=readings)
            if readings
            else t("forget.confirm_no_readings", lang)
        ]
        available = await c.available(user.id)
        if available > 0:
            parts.append(t("forget.confirm_credits", lang, available=available))
        tier = c.tier(user)
        if tier is not None:
            name = pick(c.catalog.tier(tier).name, lang)
            if user.tier_until is None:
                parts.append(t("forget.confirm_tier_forever", lang, tier=name))
            else:
                days = max(1, math.ceil((user.tier_until - c.clock.now()).total_seconds() / DAY))
                parts.append(t("forget.confirm_tier", lang, tier=name, days=days))
        parts.append(t("forget.confirm_final", lang))
        return " ".join(parts)

    async def _on_forget(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        c, user = self._c, turn.me

        await turn.answer()
        try:  # the one erasure every frontend uses: subscriptions stopped first, then the data
            erasure = await erase_person(c.users, c.payments, user.id, c.stars_canceller(turn))
        except TarotError as error:
            if error.kind is not ErrorKind.PAYMENT:
                raise
            log.warning("update %s: a subscription could not be cancelled: %r", turn.event.update_id, error)
            await c.show(turn, t("forget.not_now", turn.lang), edit=event.message_id)
            return
        await c.clear_flow(turn)
        text = t("forget.done", turn.lang, count=erasure.readings)
        if erasure.stopped:
            text += " " + t("forget.subscription_cancelled", turn.lang)
        await c.show(turn, text, edit=event.message_id)

    async def _on_keep(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        if not await self._c.revoke_paired(turn, action):  # "delete" was pressed first
            return
        await turn.answer()
        await self._c.show(turn, t("forget.kept", turn.lang), edit=event.message_id)
