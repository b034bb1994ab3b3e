"""Tiers as Telegram Stars subscriptions in the dialog: sold through an invoice link, each renewal
granted once and running the tier to Telegram's date, /subscription (its renewal, stopping it), the
pass reminder and its opt-out, purchases in /history, the admin's /refund by person."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dialog_support import ADMIN, USER, Bot, bought

from adapters.telegram.events import SUBSCRIPTION_PERIOD
from runners.stars_jobs import DialogNotifier
from tarot_domain.model.payments import PaymentStatus
from tarot_domain.use_cases.reminders import remind_ending_passes
from tarot_ports.payments import PaymentSucceeded, ProviderPayment

START = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
PERIOD = timedelta(seconds=SUBSCRIPTION_PERIOD)


async def subscribed(bot: Bot) -> tuple[str, int]:
    payload, amount = await bought(bot, "Premium subscription")
    assert await bot.pre_checkout(payload, amount)
    await bot.paid(payload, amount, charge="sub-1", first=True, until=START + PERIOD)
    return payload, amount


async def test_a_tier_is_sold_as_a_stars_subscription_through_its_invoice_link() -> None:
    bot = Bot()
    payload, amount = await bought(bot, "Premium subscription")
    (link,) = bot.out.links
    assert bot.out.invoices == []  # no one-off invoice message for a tier
    assert (link.subscription_period, link.currency, link.amount) == (2592000, "XTR", 750)
    assert "Renews every 30 days" in link.description
    message, button = bot.out.find_button("Subscribe")
    assert button.url == "https://t.me/$stars-invoice-1" and button.label == "Subscribe · 750 ⭐ a month"
    assert "renews every 30 days until you cancel it" in message.reply.text
    async with bot.store.uow() as uow:
        order = await uow.payments.get(payload)
    assert order is not None and order.status is PaymentStatus.CREATED and order.amount == amount


async def test_each_renewal_is_granted_once_and_runs_the_tier_to_telegrams_date() -> None:
    bot = Bot()
    payload, amount = await subscribed(bot)
    assert "active until 2026-01-31" in bot.out.text() and await bot.available() == 520
    assert (await bot.user()).tier_until == START + PERIOD

    bot.clock.set(START + PERIOD)  # Telegram charges again when the period ends
    assert await bot.pre_checkout(payload, amount)  # were a renewal checked, it would pass
    await bot.paid(payload, amount, charge="sub-2", renewal=True, until=START + 2 * PERIOD)
    assert bot.out.text() == (
        "Your Premium subscription has renewed and now runs until 2026-03-02. 500 credits were added;"
        " you now have 1020."
    )
    sent = len(bot.out.messages)
    await bot.paid(payload, amount, charge="sub-2", renewal=True, until=START + 2 * PERIOD)  # redelivered
    assert len(bot.out.messages) == sent and await bot.available() == 1020
    user = await bot.user()
    assert user.tier_until == START + 2 * PERIOD
    async with bot.store.uow() as uow:
        renewal = await uow.payments.get(f"{payload}/sub-2")
    assert renewal is not None and renewal.granted == 500 and renewal.period_end == START + 2 * PERIOD

    bot.clock.set(START + 2 * PERIOD + timedelta(seconds=1))  # no renewal came: the tier simply ends
    assert user.tier_at(bot.clock.now()) is None
    await bot.say("/subscription")
    assert "no subscription" in bot.out.text()
    assert (await bot.credits.check()).ok


async def test_a_renewal_at_another_price_is_returned_not_granted() -> None:
    bot = Bot()
    payload, amount = await subscribed(bot)
    await bot.paid(payload, amount - 100, charge="sub-odd", renewal=True, until=START + 2 * PERIOD)
    assert bot.out.refunds == [(USER, "sub-odd")] and "straight back" in bot.out.text()
    assert await bot.available() == 520 and (await bot.user()).tier_until == START + PERIOD


async def test_subscription_shows_the_renewal_and_stops_it_through_telegram_after_a_confirmation() -> None:
    bot = Bot()
    await subscribed(bot)
    bot.out.stars_subscriptions.add("sub-1")
    await bot.say("/subscription")
    text = bot.out.text()
    assert "Your subscription: Premium subscription." in text
    assert "renews on 2026-01-31 for 750 ⭐" in text
    await bot.press("Stop renewing")
    assert "stays active until 2026-01-31" in bot.out.text() and bot.out.cancelled_subscriptions == []
    await bot.press("Yes, stop renewing")
    assert bot.out.cancelled_subscriptions == [(USER, "sub-1")]
    assert bot.out.text() == "Done: your subscription won't renew. It stays active until 2026-01-31."
    user = await bot.user()
    assert user.tier_id == "tier-premium" and user.tier_until == START + PERIOD  # paid-for period stays
    await bot.say("/subscription")
    assert "ends on 2026-01-31 and won't renew" in bot.out.text()
    assert "Stop renewing" not in bot.out.labels()[-2:]
    async with bot.store.uow() as uow:
        orders = await uow.payments.list_for_user(user.id)
    (order,) = [o for o in orders if o.product_id == "tier-premium"]
    assert order.renewal_stopped and not order.subscription_ended
    assert (await bot.credits.check()).ok


async def test_keeping_the_subscription_spends_the_stop_button() -> None:
    bot = Bot()
    await subscribed(bot)
    await bot.say("/subscription")
    await bot.press("Stop renewing")
    _, yes = bot.out.find_button("Yes, stop renewing")
    await bot.press("No, keep it")
    assert bot.out.text() == "Alright, your subscription carries on."
    query = await bot.click(yes.token.encode())
    assert bot.answer_of(query)[0] == "This button has expired. Please start again."
    assert bot.out.cancelled_subscriptions == []


async def test_telegram_unreachable_stops_nothing() -> None:
    from tarot_domain.model.errors import ErrorKind, TarotError

    bot = Bot()
    await subscribed(bot)
    bot.out.fail_cancel = TarotError(ErrorKind.PAYMENT, "Telegram refused: INTERNAL")
    await bot.say("/subscription")
    await bot.press("Stop renewing")
    await bot.press("Yes, stop renewing")
    assert "couldn't reach Telegram" in bot.out.text()
    assert (await bot.payments.standing((await bot.user()).id)).renews  # type: ignore[union-attr]


async def one_off_pass(bot: Bot, charge: str = "pass-1") -> str:
    """A Premium pass bought the old way: a one-off invoice, no subscription behind it."""
    user = await bot.user()
    order = await bot.payments.create_order(user.id, "tier-premium", "stars")
    facts = ProviderPayment("stars", order.id, charge, order.amount, "XTR")
    await bot.payments.apply(PaymentSucceeded("stars", f"tg:{charge}", facts))
    return order.id


async def test_a_pass_is_reminded_once_three_days_before_it_ends_even_across_restarts() -> None:
    bot = Bot()
    await bot.say("/start")
    order_id = await one_off_pass(bot)
    user = await bot.user()
    assert user.tier_until == START + timedelta(days=31)
    notifier = DialogNotifier(bot.dialog, bot.out)
    assert (await remind_ending_passes(bot.services, notifier))["due"] == 0  # not yet

    bot.clock.set(START + timedelta(days=28, hours=1))
    assert (await remind_ending_passes(bot.services, notifier))["reminded"] == 1
    reminder = bot.out.last()
    assert reminder.reply.text.startswith("Your Premium subscription ends on 2026-02-01.")
    assert [b.label for row in reminder.reply.buttons for b in row] == ["⭐ Buy", "Don't remind me"]

    again = await remind_ending_passes(bot.services, notifier)  # the next hourly run
    restarted = Bot()  # a new process over the same database: its own dialog, sessions and outbox
    restarted.store, restarted.clock = bot.store, bot.clock
    later = await remind_ending_passes(bot.services, DialogNotifier(restarted.dialog, restarted.out))
    assert (again["reminded"], later["reminded"]) == (0, 0) and restarted.out.messages == {}
    async with bot.store.uow() as uow:
        assert not await uow.events.mark("notice", f"pass-ending:{order_id}", bot.clock.now())

    await bot.say("/subscription")
    assert "bought once, so it ends on 2026-02-01" in bot.out.text()


async def test_the_reminder_can_be_turned_off_and_on() -> None:
    bot = Bot()
    await bot.say("/start")
    await one_off_pass(bot)
    bot.clock.set(START + timedelta(days=29))
    notifier = DialogNotifier(bot.dialog, bot.out)
    await remind_ending_passes(bot.services, notifier)
    await bot.press("Don't remind me")
    assert bot.out.text() == "Understood: no more reminders before a subscription ends."
    assert (await bot.user()).reminders is False
    second = await one_off_pass(bot, "pass-2")  # another pass, another order: still no reminder
    assert (await bot.user()).tier_until == START + timedelta(days=62)
    bot.clock.set(START + timedelta(days=59, hours=1))
    assert (await remind_ending_passes(bot.services, notifier))["due"] == 0
    await bot.say("/subscription")
    await bot.press("Remind me before it ends")
    assert (await bot.user()).reminders is True
    assert (await remind_ending_passes(bot.services, notifier))["reminded"] == 1
    async with bot.store.uow() as uow:  # the reminder recorded is the second pass's
        assert not await uow.events.mark("notice", f"pass-ending:{second}", bot.clock.now())


async def test_a_renewing_subscription_gets_no_pass_reminder_and_blocked_chats_are_not_retried() -> None:
    bot = Bot()
    await subscribed(bot)
    bot.clock.set(START + PERIOD - timedelta(days=2))
    notifier = DialogNotifier(bot.dialog, bot.out)
    assert (await remind_ending_passes(bot.services, notifier))["due"] == 0

    other = Bot()
    await other.say("/start")
    await one_off_pass(other)
    other.clock.set(START + timedelta(days=29))
    other.out.unreachable.add(USER)
    quiet = DialogNotifier(other.dialog, other.out)
    assert (await remind_ending_passes(other.services, quiet))["unreachable"] == 1
    other.out.unreachable.clear()
    assert (await remind_ending_passes(other.services, quiet))["reminded"] == 0


async def test_history_lists_purchases_with_their_order_ids() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    await bot.paid(payload, amount, charge="c-1")
    await bought(bot, "Basic pack")  # never paid: not a purchase
    await bot.say("/history")
    text = bot.out.text()
    assert "You have no readings yet." in text and "Your purchases" in text
    assert f"• 2026-01-01 · Starter pack · 150 ⭐ · paid · {payload}" in text
    assert "Basic pack" not in text
    await bot.ask("Will the garden grow?")
    await bot.say("/history")
    assert f"Starter pack · 150 ⭐ · paid · {payload}" in bot.out.text()


async def test_the_admin_refund_offers_a_persons_orders_as_buttons() -> None:
    bot = Bot()
    payload, amount = await bought(bot)
    await bot.paid(payload, amount, charge="c-1")
    await bot.say(f"/refund {USER}", user=ADMIN)
    text = bot.out.text(ADMIN)
    assert text.startswith(f"Orders of telegram:{USER} that still hold Stars") and payload in text
    await bot.press(f"Refund 150 ⭐ · {payload}", user=ADMIN)
    assert bot.out.refunds == [(USER, "c-1")]
    assert "took 50 credits back" in bot.out.text(ADMIN) and await bot.available() == 20
    await bot.say(f"/refund telegram:{USER}", user=ADMIN)
    assert bot.out.text(ADMIN) == f"telegram:{USER} has no Stars order left to refund."
    assert (await bot.credits.check()).ok
