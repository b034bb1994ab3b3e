"""Admin commands, for the configured admin ids only: /grant, /stats and /refund (Telegram Stars):
`/refund <order id>` refunds it, `/refund <telegram id>` offers that person's recent refundable Stars
orders as buttons."""

from __future__ import annotations

import logging
import re

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation, telegram_id
from adapters.telegram.dialog.money_texts import purchase_line, purchased
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Turn
from adapters.telegram.events import IncomingCallback, Reply
from adapters.telegram.texts import t
from tarot_domain.model.errors import TarotError, not_found
from tarot_domain.model.products import STARS
from tarot_domain.model.users import User
from tarot_domain.use_cases.payments import StarsRefundStatus
from tarot_domain.use_cases.users import is_not_found

log = logging.getLogger("adapters.telegram")


REFUNDABLE_SHOWN = 8


class AdminFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(
            admin_commands={"grant": self._cmd_grant, "stats": self._cmd_stats, "refund": self._cmd_refund},
            actions={"refund_order": self._on_refund_order},
        )

    async def _find(self, ref: str) -> User:
        """The person an admin names; an unknown one is a plain NOT_FOUND (the admin is told so)."""
        try:
            return await self._c.users.find(ref)
        except TarotError as error:
            if is_not_found(error):
                raise not_found(f"no user {ref}") from error
            raise

    async def _tell(self, turn: Turn, chat: int, text: str, what: str) -> None:
        """Tell another person what an admin did for them; they may have blocked the bot, so only log."""
        if chat == turn.chat:
            return
        try:
            await turn.out.send(chat, Reply(text))
        except Exception:
            log.warning("update %s: could not tell %s about a %s", turn.event.update_id, chat, what)

    async def _cmd_grant(self, turn: Turn, args: str) -> None:
        c, lang = self._c, turn.lang
        parts = args.split(maxsplit=2)
        who = parts[0] if parts else ""
        ref = who if who.startswith("telegram:") else f"telegram:{who}" if who.isdigit() else ""
        if len(parts) < 3 or not ref or not re.fullmatch(r"-?\d{1,9}", parts[1]):
            await c.send(turn, t("admin.grant_usage", lang))
            return
        amount, reason = int(parts[1]), parts[2]
        target = await self._find(ref)
        await c.credits.grant(target.id, amount, reason, transfer_id=f"tg-grant:{turn.event.update_id}")
        available = await c.available(target.id)
        await c.send(turn, t("admin.granted", lang, amount=amount, ref=ref, available=available))
        target_chat = telegram_id(ref)
        if target_chat is not None:
            note = t("admin.granted_user", target.preferences.language, amount=amount, reason=reason)
            await self._tell(turn, target_chat, note, "grant")

    async def _cmd_stats(self, turn: Turn, args: str) -> None:
        c, lang = self._c, turn.lang
        users = await c.users.count()
        report = await c.credits.check()
        ledger = (
            t("admin.stats_ok", lang)
            if report.ok
            else t("admin.stats_violations", lang, count=len(report.violations))
        )
        text = t(
            "admin.stats", lang, users=users, ledger=ledger, accounts=report.accounts, pending=report.pending
        )
        if report.violations:
            text += "\n" + "\n".join(f"• {v}" for v in report.violations[:10])
        await c.send(turn, text)

    async def _cmd_refund(self, turn: Turn, args: str) -> None:
        c, lang = self._c, turn.lang
        order_id = args.split()[0] if args.split() else ""
        if not order_id:
            await c.send(turn, t("admin.refund_usage", lang))
            return
        who = order_id if order_id.startswith("telegram:") else f"telegram:{order_id}"
        if order_id.isdigit() or order_id.startswith("telegram:"):
            await self._offer_orders(turn, who)
            return
        await self._refund(turn, order_id)

    async def _offer_orders(self, turn: Turn, ref: str) -> None:
        """A person's recent Stars purchases that still hold money, one button each."""
        c, lang = self._c, turn.lang
        target = await self._find(ref)
        held = [
            p for p in purchased(await c.payments.orders(target.id, limit=50))
            if p.provider == STARS and p.provider_ref and p.refunded_amount < p.amount
        ][:REFUNDABLE_SHOWN]  # fmt: skip
        if not held:
            await c.send(turn, t("admin.refund_none", lang, ref=ref))
            return
        lines = [t("admin.refund_choose", lang, ref=ref), *(purchase_line(p, c.catalog, lang) for p in held)]
        rows = []
        for p in held:
            label = t("admin.refund_button", lang, order=p.id, amount=p.amount)
            rows.append((await c.button(turn, label, "refund_order", once=True, order=p.id),))
        await c.send(turn, "\n".join(lines), tuple(rows))

    async def _on_refund_order(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        await turn.answer()
        if turn.tg_user not in self._c.config.admin_ids:  # the token was issued to an admin, but be sure
            return
        await self._refund(turn, str(action.args.get("order")))

    async def _refund(self, turn: Turn, order_id: str) -> None:
        c, lang = self._c, turn.lang

        async def through_telegram(buyer: User, charge: str) -> bool:
            chat = telegram_id(buyer.external_ref or "")
            if chat is None:
                return False
            await turn.out.refund_stars(chat, charge)
            return True

        refund = await c.payments.refund_stars_order(order_id, through_telegram)
        order, status = refund.order, refund.status
        if status is StarsRefundStatus.NOT_REFUNDABLE:
            await c.send(turn, t("admin.refund_not_stars", lang, order=order.id, status=order.status.value))
            return
        if status is StarsRefundStatus.NO_ACCOUNT:
            await c.send(turn, t("admin.refund_no_chat", lang, order=order.id))
            return
        if status is StarsRefundStatus.RECORDED_BEFORE or refund.event is None or refund.buyer is None:
            await c.send(turn, t("admin.refund_recorded_before", lang, amount=order.amount, order=order.id))
            return
        taken, shortfall = refund.event.credits_taken, refund.event.shortfall
        text = t(
            "admin.refunded", lang, amount=order.amount, order=order.id, taken=taken, shortfall=shortfall
        )
        await c.send(turn, text)
        buyer, buyer_chat = refund.buyer, telegram_id(refund.buyer.external_ref or "")
        if buyer_chat is not None:
            note = t("pay.refunded_user", buyer.preferences.language, order=order.id, credits=taken)
            await self._tell(turn, buyer_chat, note, "refund")
