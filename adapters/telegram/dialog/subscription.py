"""/subscription: the tier in force, how it goes on, and the way to stop it renewing; the opt-out of
the reminder that a one-off pass is ending.

A Telegram Stars subscription is stopped through `payments.botCancelStarsSubscription` (the Outbox's
`cancel_stars_subscription`, as /forget does) after a confirming press; the tier stays until the period
paid for ends, and the person is told that date. Telegram never tells a bot when a buyer cancels in
their own app, so what is shown is what we know: the date the current period ends.
"""

from __future__ import annotations

import logging

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.money_texts import day, price_text, product_name
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Rows, Turn
from adapters.telegram.events import IncomingCallback
from adapters.telegram.texts import t
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.subscriptions import Standing

log = logging.getLogger("adapters.telegram")


class SubscriptionFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(
            commands={"subscription": self._cmd_subscription},
            actions={
                "sub_stop": self._on_stop,
                "sub_stop_yes": self._on_stop_yes,
                "sub_keep": self._on_keep,
                "reminders_off": self._on_reminders_off,
                "reminders_on": self._on_reminders_on,
            },
        )

    async def _cmd_subscription(self, turn: Turn, args: str) -> None:
        text, rows = await self._overview(turn)
        await self._c.send(turn, text, rows)

    async def _overview(self, turn: Turn) -> tuple[str, Rows]:
        c, lang = self._c, turn.lang
        standing = await c.payments.standing(turn.me.id)
        if standing is None:
            buy = await c.button(turn, t("button.menu_buy", lang), "menu_buy")
            return t("subscription.none", lang), ((buy,),)
        tier = product_name(c.catalog, standing.tier_id, lang)
        line, rows = await self._how_it_goes_on(turn, standing)
        return "\n".join([t("subscription.tier", lang, tier=tier), line]), rows

    async def _how_it_goes_on(self, turn: Turn, standing: Standing) -> tuple[str, Rows]:
        c, lang, until = self._c, turn.lang, day(standing.until)
        order = standing.order
        if standing.until is None:
            return t("subscription.forever", lang), ()
        if standing.stars_subscription and order is not None and standing.renews:
            stop = await c.button(turn, t("button.stop_renewal", lang), "sub_stop")
            price = price_text(order.amount, order.currency)
            return t("subscription.renews_stars", lang, until=until, price=price), ((stop,),)
        if standing.renews:
            return t("subscription.renews_card", lang, until=until), ()
        buy = await c.button(turn, t("button.menu_buy", lang), "menu_buy")
        if not standing.one_off:
            return t("subscription.ends", lang, until=until), ((buy,),)
        on = turn.me.reminders
        toggle = await c.button(
            turn, t("button.reminders_off" if on else "button.reminders_on", lang),
            "reminders_off" if on else "reminders_on",
        )  # fmt: skip
        key = "subscription.pass_reminded" if on else "subscription.pass"
        return t(key, lang, until=until), ((buy,), (toggle,))

    # ------------------------------------------------------------------ stopping the renewals

    async def _on_stop(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        c, lang = self._c, turn.lang
        await turn.answer()
        standing = await c.payments.standing(turn.me.id)
        if standing is None or not standing.renews or not standing.stars_subscription:
            await c.show(turn, t("subscription.nothing_to_stop", lang), edit=event.message_id)
            return
        yes = await c.button(turn, t("button.stop_renewal_yes", lang), "sub_stop_yes", once=True)
        keep = await c.button(turn, t("button.stop_renewal_no", lang), "sub_keep", revokes=yes.token)
        tier = product_name(c.catalog, standing.tier_id, lang)
        text = t("subscription.stop_confirm", lang, tier=tier, until=day(standing.until))
        await c.show(turn, text, ((yes,), (keep,)), edit=event.message_id)

    async def _on_stop_yes(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        c, lang = self._c, turn.lang

        await turn.answer()
        try:
            stopped = await c.payments.stop_renewals(turn.me.id, c.stars_canceller(turn))
        except TarotError as error:
            if error.kind is not ErrorKind.PAYMENT:
                raise
            log.warning("update %s: renewals not stopped: %r", turn.event.update_id, error)
            await c.show(turn, t("subscription.stop_failed", lang), edit=event.message_id)
            return
        user = await c.users.get(turn.me.id)
        key = "subscription.stopped" if stopped else "subscription.nothing_to_stop"
        await c.show(turn, t(key, lang, until=day(user.tier_until)), edit=event.message_id)

    async def _on_keep(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        if not await self._c.revoke_paired(turn, action):  # "stop" was pressed first
            return
        await turn.answer()
        await self._c.show(turn, t("subscription.kept", turn.lang), edit=event.message_id)

    # ------------------------------------------------------------------ the pass reminder

    async def _on_reminders_off(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        await self._c.users.set_reminders(turn.me.id, False)
        await turn.answer(t("reminders.off", turn.lang))
        await self._c.send(turn, t("reminders.off", turn.lang))

    async def _on_reminders_on(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        await self._c.users.set_reminders(turn.me.id, True)
        await turn.answer(t("reminders.on", turn.lang))
        await self._c.send(turn, t("reminders.on", turn.lang))
