"""How orders and the jobs' money news read in a chat: a purchase's line (/history, the admin's /refund)
and each `Notice` (tarot_ports/notices.py) as a message with its buttons."""

from __future__ import annotations

from datetime import datetime

from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.turn import Rows
from adapters.telegram.texts import t
from tarot_domain.model.errors import TarotError
from tarot_domain.model.localized import pick
from tarot_domain.model.payments import Payment, PaymentStatus
from tarot_domain.model.products import Catalog
from tarot_ports.notices import ChargeBooked, ChargeReturned, Notice, PassEnding

SHOWN_STATUSES = {
    PaymentStatus.PAID: "paid",
    PaymentStatus.FLAGGED: "checking",
    PaymentStatus.REFUND_FAILED: "checking",
    PaymentStatus.REFUSED: "refused",
    PaymentStatus.REFUNDED: "refunded",
    PaymentStatus.DISPUTED: "disputed",
    PaymentStatus.DISPUTE_WON: "paid",
    PaymentStatus.DISPUTE_LOST: "refunded",
}
"""What a person sees of a payment's status; money that never arrived is not listed at all."""


def product_name(catalog: Catalog, product_id: str, lang: str) -> str:
    try:
        if product_id in {plan.id for plan in catalog.tiers}:
            return pick(catalog.tier(product_id).name, lang)
        return pick(catalog.pack(product_id).name, lang)
    except TarotError:  # a product retired since
        return product_id


def price_text(amount: int, currency: str) -> str:
    if currency == "XTR":
        return f"{amount} ⭐"
    return f"{amount / 100:.2f} {currency}"


def day(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d") if moment is not None else "—"


def purchased(payments: list[Payment]) -> list[Payment]:
    """The payments a person paid for, newest first (orders nobody paid are left out)."""
    return [p for p in payments if p.status in SHOWN_STATUSES]


def purchase_line(payment: Payment, catalog: Catalog, lang: str) -> str:
    status = t(f"purchase.status_{SHOWN_STATUSES[payment.status]}", lang)
    return t(
        "purchase.line", lang, date=day(payment.created_at),
        product=product_name(catalog, payment.product_id, lang),
        price=price_text(payment.amount, payment.currency), order=payment.id, status=status,
    )  # fmt: skip


async def notice_reply(conv: Conversation, chat: int, lang: str, notice: Notice) -> tuple[str, Rows]:
    """The message telling `notice` in `lang`, with its buttons (issued for the person's chat)."""
    catalog = conv.catalog
    if isinstance(notice, ChargeBooked):
        if notice.tier_id is not None:
            tier = product_name(catalog, notice.tier_id, lang)
            order, until, credits = notice.order_id, day(notice.tier_until), notice.credits
            text = t("notice.booked_tier", lang, order=order, tier=tier, until=until, credits=credits)
        else:
            text = t("notice.booked", lang, order=notice.order_id, credits=notice.credits)
        return text, ()
    if isinstance(notice, ChargeReturned):
        text = t(f"notice.returned_{notice.reason}", lang, order=notice.order_id, amount=notice.amount,
                 credits=notice.credits_taken)  # fmt: skip
        return text, ()
    assert isinstance(notice, PassEnding)
    tier = product_name(catalog, notice.tier_id, lang)
    subscribe = await conv.button_for(chat, chat, t("button.menu_buy", lang), "menu_buy")
    stop = await conv.button_for(chat, chat, t("button.reminders_off", lang), "reminders_off")
    return t("notice.pass_ending", lang, tier=tier, until=day(notice.until)), ((subscribe,), (stop,))
