"""Credits and buying them: /balance, /buy (packs and tiers, with what each tier opens), Telegram Stars
invoices and the two updates Telegram sends about them (the pre-checkout query and the successful
payment), Stripe links; and the pack buttons every "not enough credits" offers (`pack_rows`).

Packs are sold with a Stars invoice; tiers as Stars subscriptions, through an invoice link
(`payments.exportInvoice` with `subscription_period` 2592000) that charges again every 30 days until
cancelled (/subscription). Each renewal arrives as a successful payment of its own (`recurring_used`)
and runs the tier to the date Telegram gives (`subscription_until_date`).

Every Stars update is applied exactly once by the payment use case (`PaymentService.apply`, like
Stripe's events), keyed by Telegram's charge id; none of them touches Redis. A payment that cannot be
booked because the database is down is retried with backoff, then logged at ERROR with its charge id,
payload and amount, and the person is told the truth: the payment arrived, the credits will follow.
Money we cannot accept (a second charge for a paid order, a wrong amount) is given back at once
(use_cases/stars.py), and the person is told so; should Telegram refuse, an operator decides.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Rows, Turn
from adapters.telegram.events import (
    SUBSCRIPTION_PERIOD,
    Button,
    IncomingCallback,
    Invoice,
    PreCheckoutQuery,
    RefundedPayment,
    SuccessfulPayment,
)
from adapters.telegram.texts import and_list, t
from tarot_domain.model.errors import ErrorKind, TarotError, error_message
from tarot_domain.model.localized import pick
from tarot_domain.model.payments import ORDER_SEPARATOR, Payment
from tarot_domain.model.products import STARS, Catalog
from tarot_domain.model.spreads import all_spreads
from tarot_domain.model.users import User
from tarot_domain.use_cases.payments import EventOutcome
from tarot_ports.payments import PaymentRefunded, PaymentSucceeded, ProviderPayment

log = logging.getLogger("adapters.telegram")

REFUSALS = {"error.order_paid": "pay.already_paid", "error.unknown_order": "pay.unknown_order"}
"""A pre-checkout refused for these reasons says so in the dialog's own words."""


def can_buy(conv: Conversation) -> bool:
    return conv.config.stars_enabled or conv.config.checkout_url_factory is not None


async def pack_rows(conv: Conversation, turn: Turn) -> Rows:
    """One button per credit pack, with the buyer's tier bonus and (where Stars are sold) the price;
    none where nothing can be bought here. /buy lists them, and so does every "not enough credits"."""
    if not can_buy(conv):
        return ()
    lang, tier = turn.lang, conv.tier(turn.me)
    rows: list[tuple[Button, ...]] = []
    for pack in conv.catalog.packs:
        name, credits = pick(pack.name, lang), conv.catalog.pack_credits(pack.id, tier)
        if conv.config.stars_enabled:
            label = t("buy.pack_button", lang, name=name, credits=credits, price=pack.price(STARS).amount)
        else:
            label = t("buy.pack_card_button", lang, name=name, credits=credits)
        rows.append((await conv.button(turn, label, "product", product=pack.id),))
    return tuple(rows)


def tier_lines(catalog: Catalog, lang: str) -> list[str]:
    """What each subscription gives, with the spreads it opens beyond the free ones (`Catalog.can_use`
    is the gate every frontend enforces; this only says it)."""
    lines = []
    for plan in catalog.tiers:
        opened = [s for s in all_spreads() if s.id not in catalog.free_spreads and plan.allows(s.id)]
        names = and_list([t("buy.quoted", lang, name=pick(s.name, lang)) for s in opened], lang)
        key = "buy.tier_line_all" if plan.spreads is None else "buy.tier_line"
        lines.append(
            t(
                key, lang, tier=pick(plan.name, lang), credits=plan.monthly_credits,
                bonus=plan.pack_bonus_percent, spreads=names,
            )
        )  # fmt: skip
    return lines


class BuyingFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(
            commands={"balance": self._cmd_balance, "buy": self._cmd_buy},
            actions={
                "menu_buy": self._on_menu_buy,
                "menu_balance": self._on_menu_balance,
                "product": self._on_product,
            },
            pre_checkout=self._pre_checkout,
            paid=self._paid,
            refunded=self._refunded,
        )

    def _is_tier(self, product_id: str) -> bool:
        return product_id in {plan.id for plan in self._c.catalog.tiers}

    # ------------------------------------------------------------------ the balance and the menu

    async def _cmd_balance(self, turn: Turn, args: str) -> None:
        c, user, lang = self._c, turn.me, turn.lang
        balance = await c.credits.balance(user.id)
        lines = [t("balance.text", lang, available=balance.available)]
        if balance.pending_out:
            lines.append(t("balance.pending", lang, pending=balance.pending_out))
        tier_id = c.tier(user)
        if tier_id is not None:
            tier = pick(c.catalog.tier(tier_id).name, lang)
            if user.tier_until is not None:
                lines.append(t("balance.tier", lang, tier=tier, until=user.tier_until.strftime("%Y-%m-%d")))
            else:
                lines.append(t("balance.tier_forever", lang, tier=tier))
        buttons: Rows = ()
        if can_buy(c):
            buttons = ((await c.button(turn, t("button.buy", lang), "menu_buy"),),)
        await c.send(turn, "\n".join(lines), buttons)

    async def _on_menu_balance(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        await turn.answer()
        await self._cmd_balance(turn, "")

    async def _cmd_buy(self, turn: Turn, args: str) -> None:
        await self._buy_menu(turn)

    async def _on_menu_buy(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        await turn.answer()
        await self._buy_menu(turn)

    async def _buy_menu(self, turn: Turn) -> None:
        c, lang = self._c, turn.lang
        stars = c.config.stars_enabled
        if not can_buy(c):
            await c.send(turn, t("buy.unavailable", lang))
            return
        rows = list(await pack_rows(c, turn))
        for plan in c.catalog.tiers:
            name, credits = pick(plan.name, lang), plan.monthly_credits
            if stars:
                label = t("buy.tier_button", lang, name=name, credits=credits, price=plan.price(STARS).amount)
            else:
                label = t("buy.tier_card_button", lang, name=name, credits=credits)
            rows.append((await c.button(turn, label, "product", product=plan.id),))
        lines = [*tier_lines(c.catalog, lang), t("buy.header" if stars else "buy.header_card", lang)]
        await c.send(turn, "\n\n".join(lines), tuple(rows))

    # ------------------------------------------------------------------ an order: invoice or link

    async def _on_product(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        c, user, lang = self._c, turn.me, turn.lang
        product = str(action.args.get("product"))
        await turn.answer()
        if c.config.stars_enabled:
            order = await c.payments.create_order(user.id, product, STARS)
            invoice = self._invoice(order.id, product, order.amount, order.currency, order.credits, lang)
            if invoice.subscription_period is None:
                await turn.out.send_invoice(turn.chat, invoice)
            else:  # a subscription is bought through its link
                url = await turn.out.invoice_link(invoice)
                button = Button(t("button.subscribe", lang, price=order.amount), url=url)
                await c.send(turn, t("buy.subscribe_link", lang, name=invoice.title), ((button,),))
        factory = c.config.checkout_url_factory
        if factory is not None:
            url = await factory(user.id, product)
            await c.send(turn, t("buy.card_link", lang), ((Button(t("button.checkout", lang), url=url),),))

    def _invoice(
        self, order_id: str, product: str, amount: int, currency: str, credits: int, lang: str
    ) -> Invoice:
        catalog = self._c.catalog
        period: int | None = None
        if self._is_tier(product):
            plan = catalog.tier(product)
            name = pick(plan.name, lang)
            description = t(
                "buy.invoice_tier", lang, name=name, credits=credits, bonus=plan.pack_bonus_percent
            )
            period = SUBSCRIPTION_PERIOD
        else:
            name = pick(catalog.pack(product).name, lang)
            description = t("buy.invoice_pack", lang, credits=credits)
        # Telegram's limits: title 1–32 characters, description 1–255.
        return Invoice(
            title=name[:32], description=description[:255], payload=order_id, amount=amount,
            currency=currency, label=name[:32], subscription_period=period,
        )  # fmt: skip

    # ------------------------------------------------------------------ Telegram's payment updates

    async def _pre_checkout(self, turn: Turn, query: PreCheckoutQuery) -> None:
        """Answered at once: yes only for this person's own known, unpaid order at its exact price. A
        refusal says why: paid already, unknown, or not checkable now (the database is down)."""
        c = self._c
        ok, reason = False, t("pay.refused", turn.lang)
        try:
            user = await c.users.find(f"telegram:{query.sender.user_id}")
            turn.lang = user.preferences.language
            reason = t("pay.refused", turn.lang)
            if c.config.stars_enabled:
                order = await c.payments.check_payable(query.payload, query.total_amount, query.currency)
                ok = order.user_id == user.id and order.provider == STARS
        except TarotError as error:
            log.info("update %s: pre-checkout refused: %r", query.update_id, error)
            reason = self._refusal(error, turn.lang) or reason
        turn.answered = True
        await turn.out.answer_pre_checkout(query.query_id, ok, None if ok else reason)

    @staticmethod
    def _refusal(error: TarotError, lang: str) -> str | None:
        if error.kind is ErrorKind.DATABASE:
            return t("pay.unreadable", lang)
        if error.message_key in REFUSALS:
            return t(REFUSALS[error.message_key], lang)
        return None if error.kind is ErrorKind.NOT_FOUND else error_message(error, lang)

    async def _paid(self, turn: Turn, payment: SuccessfulPayment) -> None:
        """Money was taken: book it (retrying while the database fails), then tell the truth."""
        c = self._c
        charge = payment.telegram_payment_charge_id
        # A stranger's payment is still applied, and told in their client's language.
        with contextlib.suppress(TarotError):
            turn.lang = (await c.users.find(f"telegram:{payment.sender.user_id}")).preferences.language
        facts = ProviderPayment(
            STARS, payment.payload, charge, payment.total_amount, payment.currency,
            invoice_id=charge if payment.recurring_used else None, first_period=not payment.renewal,
            period_end=payment.subscription_until,
        )  # fmt: skip
        try:
            outcome = await self._book(PaymentSucceeded(STARS, f"tg:{charge}", facts))
        except Exception as error:
            # Not booked. This line is what the Stars reconciliation and support search for.
            log.error(
                "update %s: Stars payment NOT booked: charge %s, payload %r, amount %s %s: %r",
                payment.update_id, charge, payment.payload, payment.total_amount, payment.currency, error,
            )  # fmt: skip
            await c.send(turn, t("pay.pending", turn.lang, ref=charge))
            return
        if outcome.duplicate:
            log.info("update %s: Stars payment %s already booked", payment.update_id, charge)
            return
        if outcome.flagged or outcome.payment is None:
            # Money we could not simply accept (flagged: see `tarot admin payments --flagged`), or
            # money for an order we do not know, which only this line records.
            level = logging.WARNING if outcome.flagged else logging.ERROR
            log.log(
                level, "update %s: Stars payment %s (payload %r, %s %s) not accepted: %s",
                payment.update_id, charge, payment.payload, payment.total_amount, payment.currency,
                outcome.payment.flag if outcome.payment else outcome.note,
            )  # fmt: skip
            if outcome.payment is not None and await self._give_back(turn, outcome.payment, payment):
                return
            await c.send(turn, t("pay.flagged", turn.lang, ref=charge))
            return
        if not outcome.applied:
            log.info("update %s: Stars payment %s: %s", payment.update_id, charge, outcome.note)
            return
        await self._thank(turn, outcome.payment, outcome.credits_granted, charge)

    async def _give_back(self, turn: Turn, money: Payment, payment: SuccessfulPayment) -> bool:
        """Return money we could not accept at once, and say so; False when it could not go back now
        (the reconciliation job tries again, or an operator decides)."""

        async def refund(buyer: User, charge: str) -> bool:
            await turn.out.refund_stars(payment.sender.user_id, charge)
            return True

        try:
            done = await self._c.payments.stars.carry_out(money.id, refund)
        except TarotError as error:
            log.warning("update %s: Stars charge %s not returned now: %r", payment.update_id, money.id, error)
            return False
        if done is None or done.status != "returned":
            return False
        key = "pay.returned_wrong_amount" if done.reason == "wrong_amount" else "pay.returned_already_paid"
        await self._c.send(turn, t(key, turn.lang, amount=money.amount))
        return True

    async def _book(self, event: PaymentSucceeded | PaymentRefunded) -> EventOutcome:
        """Apply the news, retrying with backoff while the failure is one a retry can cure."""
        delays = self._c.config.payment_retry_delays
        for attempt in range(len(delays) + 1):
            try:
                return await self._c.payments.apply(event)
            except TarotError as error:
                if not error.retryable or attempt == len(delays):
                    raise
                log.warning("Stars event %s: attempt %d failed: %r", event.event_id, attempt + 1, error)
                await asyncio.sleep(delays[attempt])
        raise AssertionError("unreachable")  # the loop returns or raises

    async def _thank(self, turn: Turn, order: Payment, granted: int, charge: str) -> None:
        c = self._c
        try:
            available = await c.available(order.user_id)
            if self._is_tier(order.product_id):
                buyer = await c.users.get(order.user_id)
                until = buyer.tier_until.strftime("%Y-%m-%d") if buyer.tier_until else "—"
                tier = pick(c.catalog.tier(order.product_id).name, turn.lang)
                key = "pay.renewed" if ORDER_SEPARATOR in order.id else "pay.thanks_tier"
                text = t(key, turn.lang, tier=tier, until=until, credits=granted, available=available)
            else:
                text = t("pay.thanks_pack", turn.lang, credits=granted, available=available)
        except TarotError as error:  # booked; only the balance could not be read
            log.warning("Stars payment %s booked; could not read the balance: %r", charge, error)
            text = t("pay.booked", turn.lang, ref=charge)
        await c.send(turn, text)

    async def _refunded(self, turn: Turn, refund: RefundedPayment) -> None:
        """Telegram says a Stars payment was refunded: take its credits back once (an operator's /refund
        booked it already; a refund Telegram made itself is booked here)."""
        c = self._c
        charge = refund.telegram_payment_charge_id
        event = PaymentRefunded(STARS, f"refund:{charge}", charge, refund.total_amount)
        try:
            outcome = await self._book(event)
        except Exception as error:  # nothing to ask of the buyer; the line is for the operator
            log.error(
                "update %s: Stars refund NOT booked: charge %s, payload %r, amount %s %s: %r",
                refund.update_id, charge, refund.payload, refund.total_amount, refund.currency, error,
            )  # fmt: skip
            return
        if not outcome.applied or outcome.payment is None:
            log.info("update %s: Stars refund %s already booked: %s", refund.update_id, charge, outcome.note)
            return
        with contextlib.suppress(TarotError):
            turn.lang = (await c.users.get(outcome.payment.user_id)).preferences.language
        order = outcome.payment.id
        await c.send(turn, t("pay.refunded_user", turn.lang, order=order, credits=outcome.credits_taken))
