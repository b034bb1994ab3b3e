"""Telegram Stars: invoices, pre-checkout, successful payments once; Stripe links; admin commands."""

from __future__ import annotations

import logging

from dialog_support import ADMIN, OTHER, USER, Bot, UnreachableRedis, bought

from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import PaymentStatus


async def test_buy_lists_packs_and_tiers_and_sends_a_stars_invoice_for_a_new_order() -> None:
    bot = Bot()
    await bot.say("/buy")
    labels = bot.out.labels()
    assert "Starter pack: 50 credits · 150 ⭐" in labels
    assert "Premium subscription: 500/month · 750 ⭐" in labels
    await bot.press("Starter pack")
    ((chat, invoice, _),) = bot.out.invoices
    assert chat == USER and invoice.currency == "XTR" and invoice.amount == 150
    assert invoice.title == "Starter pack" and "50 credits" in invoice.description
    async with bot.store.uow() as uow:
        order = await uow.payments.get(invoice.payload)
    assert order is not None and order.status is PaymentStatus.CREATED and order.provider == "stars"
    assert order.user_id == (await bot.user()).id and (order.amount, order.currency) == (150, "XTR")


async def test_pre_checkout_accepts_only_the_real_order_at_its_price() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    assert await bot.pre_checkout(payload, amount)
    assert not await bot.pre_checkout("ord_forged", amount)
    assert not await bot.pre_checkout(payload, amount - 1)
    assert not await bot.pre_checkout(payload, amount, currency="USD")
    assert not await bot.pre_checkout(payload, amount, user=OTHER)  # someone else's order
    refusals = [error for _, ok, error in bot.out.pre_checkout_answers if not ok]
    assert len(refusals) == 4 and all(refusals)


async def test_a_successful_payment_credits_once_even_when_delivered_twice() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    assert await bot.pre_checkout(payload, amount)
    await bot.paid(payload, amount, charge="tg-charge-1")
    assert bot.out.text() == "Thank you! ⭐ 50 credits were added; you now have 70."
    sent = len(bot.out.messages)
    await bot.paid(payload, amount, charge="tg-charge-1")  # the same service message, a new update id
    assert len(bot.out.messages) == sent and await bot.available() == 70
    assert not await bot.pre_checkout(payload, amount)  # paid orders are not payable again
    assert (await bot.credits.check()).ok


async def test_a_subscription_starts_the_tier() -> None:
    bot = Bot()
    payload, amount = await bought(bot, "Premium subscription")
    assert amount == 750
    await bot.paid(payload, amount, charge="c-sub")
    assert "Premium subscription is active until 2026-02-01" in bot.out.text()
    assert await bot.available() == 520
    await bot.say("/read")
    assert "Career (12)" in bot.out.labels()


async def test_a_mismatched_payment_is_returned_at_once_and_the_payer_is_told() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    await bot.paid(payload, amount - 50, charge="odd")
    assert bot.out.text() == (
        "This payment didn't match the order's price, so we've sent your 100 ⭐ straight back. "
        "Please start a new purchase with /buy."
    )
    assert bot.out.refunds == [(USER, "odd")]
    assert await bot.available() == 20 and await bot.payments.flagged() == []
    async with bot.store.uow() as uow:
        record = await uow.payments.get(f"{payload}/odd")
        order = await uow.payments.get(payload)
    assert record is not None and record.status is PaymentStatus.REFUNDED and record.refund_request is None
    assert order is not None and order.status is PaymentStatus.CREATED  # still payable at its price
    assert (await bot.credits.check()).ok


async def test_money_telegram_will_not_return_is_flagged_for_an_operator() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    bot.out.fail_refund = TarotError(
        ErrorKind.PAYMENT, "Telegram refused to refund charge odd: too late", retryable=False
    )
    await bot.paid(payload, amount - 50, charge="odd")
    assert "check it by hand" in bot.out.text() and "Reference: odd." in bot.out.text()
    (flagged,) = await bot.payments.flagged()
    assert flagged.id == f"{payload}/odd" and flagged.status is PaymentStatus.REFUND_FAILED
    assert (flagged.flag or "").startswith("refund failed") and flagged.refund_request is None
    assert await bot.available() == 20
    refused = await bot.payments.decide(flagged.id, False, "contacted the buyer")
    assert refused.payment is not None and refused.payment.status is PaymentStatus.REFUSED
    assert (await bot.credits.check()).ok


async def test_pre_checkout_says_why_it_refuses_a_paid_or_unknown_order() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    await bot.paid(payload, amount, charge="tg-charge-1")
    assert not await bot.pre_checkout(payload, amount)
    assert not await bot.pre_checkout("ord_nobody_made", amount)
    (paid_answer, unknown_answer) = [error for _, _, error in bot.out.pre_checkout_answers[-2:]]
    assert paid_answer == "This order is already paid, so there's nothing more to pay. See /balance."
    assert unknown_answer == "We don't recognise this order. Please start a new purchase with /buy."


async def test_a_second_charge_for_a_paid_order_is_recorded_against_it_and_returned_once() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    await bot.paid(payload, amount, charge="tg-charge-1")
    await bot.paid(payload, amount, charge="tg-charge-2")  # two pre-checkouts slipped through
    assert bot.out.text() == (
        "This order was already paid, so we've sent your 150 ⭐ straight back. Nothing else has changed."
    )
    assert bot.out.refunds == [(USER, "tg-charge-2")]
    assert await bot.available() == 70  # the pack once
    async with bot.store.uow() as uow:
        second = await uow.payments.get(f"{payload}/tg-charge-2")
    assert second is not None and second.provider_ref == "tg-charge-2"
    assert second.status is PaymentStatus.REFUNDED and second.flag is None
    sent = len(bot.out.messages)
    await bot.paid(payload, amount, charge="tg-charge-2")  # redelivered: nothing more
    await bot.refunded(payload, amount, charge="tg-charge-2")  # Telegram's word of the refund
    assert len(bot.out.messages) == sent and bot.out.refunds == [(USER, "tg-charge-2")]
    assert await bot.available() == 70 and await bot.payments.flagged() == []
    assert (await bot.credits.check()).ok


async def test_payments_never_touch_redis_and_book_once_while_it_is_down() -> None:
    redis = UnreachableRedis()
    bot = Bot(redis=redis)
    user = await bot.users.register(f"telegram:{USER}", "en", "Ann")  # known from before the outage
    order = await bot.payments.create_order(user.user.id, "starter", "stars")
    assert await bot.pre_checkout(order.id, order.amount)
    await bot.paid(order.id, order.amount, charge="tg-charge-1")
    assert bot.out.text() == "Thank you! ⭐ 50 credits were added; you now have 70."
    await bot.paid(order.id, order.amount, charge="tg-charge-1")  # the same message delivered again
    assert await bot.available() == 70 and redis.calls == 0
    assert not await bot.pre_checkout(order.id, order.amount)  # paid: refused, still without Redis
    await bot.say("/balance")  # anything else does need Redis, and says so
    assert bot.out.text() == "We're having a technical hiccup. Please try again in a moment."
    assert redis.calls == 1 and (await bot.credits.check()).ok


async def test_pre_checkout_while_the_database_is_down_is_refused_saying_why() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    bot.outage.down = True
    assert not await bot.pre_checkout(payload, amount)
    ((_, ok, reason),) = bot.out.pre_checkout_answers
    assert not ok and reason == (
        "We can't check this order right now, so no money was taken. Please try again in a few minutes."
    )
    bot.outage.down = False
    assert await bot.pre_checkout(payload, amount)


async def test_a_payment_while_the_database_is_down_is_retried_then_told_honestly(caplog) -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    bot.outage.down = True
    with caplog.at_level(logging.ERROR, logger="adapters.telegram"):
        await bot.paid(payload, amount, charge="tg-charge-7")
    assert bot.outage.refused >= 4  # the first attempt and three retries (the language look-up too)
    assert bot.out.text() == (
        "We received your payment, thank you. Your credits will appear within a few minutes. "
        "Reference: tg-charge-7."
    )
    (line,) = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert "NOT booked" in line and "tg-charge-7" in line and payload in line and "150 XTR" in line
    bot.outage.down = False
    assert await bot.available() == 20  # nothing was booked
    await bot.paid(payload, amount, charge="tg-charge-7")  # Telegram's catch-up, or the reconciliation
    assert await bot.available() == 70 and (await bot.credits.check()).ok


async def test_a_payment_booked_on_a_retry_is_thanked_once() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    bot.outage.fail_next(3)  # the language look-up and two attempts fail, the third attempt books
    await bot.paid(payload, amount, charge="tg-charge-8")
    assert bot.out.text() == "Thank you! ⭐ 50 credits were added; you now have 70."
    assert await bot.available() == 70


async def test_a_refund_telegram_reports_takes_the_credits_back_once() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    await bot.paid(payload, amount, charge="tg-charge-3")
    await bot.refunded(payload, amount, "tg-charge-3")
    assert bot.out.text() == f"Your payment for order {payload} was refunded; 50 credits were removed."
    sent = len(bot.out.messages)
    await bot.refunded(payload, amount, "tg-charge-3")
    assert len(bot.out.messages) == sent and await bot.available() == 20
    assert (await bot.credits.check()).ok


async def test_checkout_link_when_stripe_is_configured() -> None:
    calls: list[tuple[str, str]] = []

    async def checkout(user_id: str, product_id: str) -> str:
        calls.append((user_id, product_id))
        return f"https://pay.example/{product_id}"

    bot = Bot(checkout_url_factory=checkout)
    await bot.say("/buy")
    await bot.press("Basic pack")
    assert bot.out.invoices  # Stars too
    (button,) = bot.out.last().reply.buttons[0]
    assert button.url == "https://pay.example/basic" and button.token == ""
    assert calls == [((await bot.user()).id, "basic")]


async def test_card_only_and_no_purchases() -> None:
    async def checkout(user_id: str, product_id: str) -> str:
        return "https://pay.example/x"

    bot = Bot(stars_enabled=False, checkout_url_factory=checkout)
    await bot.say("/buy")
    assert "Starter pack: 50 credits" in bot.out.labels()
    await bot.press("Starter pack")
    assert bot.out.invoices == [] and bot.out.last().reply.buttons[0][0].url == "https://pay.example/x"

    closed = Bot(stars_enabled=False)
    await closed.say("/buy")
    assert closed.out.text() == "Purchases aren't available here right now."
    await closed.say("/balance")
    assert closed.out.last().reply.buttons == ()


async def test_admin_grant() -> None:
    bot = Bot()
    await bot.say("/start")
    await bot.say(f"/grant {USER} 15 goodwill for the outage", user=ADMIN)
    assert bot.out.text(ADMIN) == f"Granted 15 credits to telegram:{USER}; they now have 35."
    assert bot.out.text(USER) == "You received 15 credits: goodwill for the outage"
    await bot.say(f"/grant telegram:{USER} 5 again", user=ADMIN)
    assert await bot.available() == 40
    for bad in ("/grant", f"/grant {USER} lots of", f"/grant {USER} 5", "/grant bob 5 x"):
        await bot.say(bad, user=ADMIN)
        assert bot.out.text(ADMIN).startswith("Usage: /grant")
    await bot.say(f"/grant {USER} 0 nothing", user=ADMIN)
    assert "from 1 to" in bot.out.text(ADMIN)
    await bot.say("/grant 424242 5 nobody", user=ADMIN)
    assert bot.out.text(ADMIN) == "Sorry, we couldn't find that."
    assert await bot.available() == 40


async def test_admin_commands_are_refused_to_others() -> None:
    bot = Bot()
    await bot.say("/start")
    for command in (f"/grant {USER} 1000 mine", "/stats", "/refund ord_x"):
        await bot.say(command)
        assert bot.out.text() == "Sorry, that isn't available to you."
    assert await bot.available() == 20


async def test_admin_stats() -> None:
    bot = Bot()
    await bot.say("/start")
    await bot.say("/stats", user=ADMIN)
    text = bot.out.text(ADMIN)
    assert text.startswith("Users: 2\nLedger: ok (")


async def test_admin_refund_of_a_stars_payment_claws_back() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    await bot.paid(payload, amount, charge="tg-charge-9")
    await bot.ask("Spend a little")  # 12 of the 70
    await bot.say(f"/refund {payload}", user=ADMIN)
    assert bot.out.refunds == [(USER, "tg-charge-9")]
    assert bot.out.text(ADMIN) == f"Refunded 150 ⭐ for order {payload}: took 50 credits back (shortfall 0)."
    assert "refunded; 50 credits were removed" in bot.out.text(USER)
    assert await bot.available() == 8
    await bot.say(f"/refund {payload}", user=ADMIN)  # again: not a paid order any more
    assert "is not a paid Telegram Stars order (status refunded)" in bot.out.text(ADMIN)
    assert len(bot.out.refunds) == 1
    await bot.say("/refund ord_missing", user=ADMIN)
    assert bot.out.text(ADMIN) == "We couldn't find that order."
    await bot.say("/refund", user=ADMIN)
    assert bot.out.text(ADMIN) == "Usage: /refund <order id>"
    assert (await bot.credits.check()).ok


async def test_admin_refund_for_a_buyer_who_left_is_left_to_do_by_hand() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    await bot.paid(payload, amount, charge="tg-charge-7")
    await bot.say("/forget")
    await bot.press("Yes, delete my data")
    await bot.say(f"/refund {payload}", user=ADMIN)
    told = bot.out.text(ADMIN)
    assert told == f"Order {payload}'s buyer has no Telegram account on record; refund by hand."
    assert bot.out.refunds == [] and (await bot.credits.check()).ok


async def test_a_refund_the_database_cannot_book_is_logged_for_the_operator(caplog) -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    await bot.paid(payload, amount, charge="tg-charge-4")
    sent = len(bot.out.messages)
    bot.outage.down = True
    with caplog.at_level(logging.ERROR, logger="adapters.telegram"):
        await bot.refunded(payload, amount, "tg-charge-4")
    (line,) = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert "Stars refund NOT booked" in line and "tg-charge-4" in line
    assert len(bot.out.messages) == sent  # the buyer is not asked to do anything
    bot.outage.down = False
    await bot.refunded(payload, amount, "tg-charge-4")
    assert await bot.available() == 20 and (await bot.credits.check()).ok
