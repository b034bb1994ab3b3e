"""/forget with care: the confirmation names what goes, a subscription is cancelled at its provider
before anything is erased (and nothing is erased when it cannot be), and coming back is a fresh start
with no "0 free credits" welcome."""

from __future__ import annotations

from datetime import timedelta

from dialog_support import USER, Bot, bought

from adapters.memory.payment_gateway import MemoryPaymentGateway
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.payments import PaymentStatus
from tarot_domain.model.products import STRIPE
from tarot_domain.model.users import Preferences
from tarot_ports.payments import PaymentSucceeded, ProviderPayment, SubscriptionEnded


async def confirm_forget(bot: Bot) -> str:
    await bot.say("/forget")
    asked = bot.out.text()
    await bot.press("Yes, delete my data")
    return asked


async def test_the_confirmation_names_every_thing_that_goes() -> None:
    bot = Bot(welcome=100)
    await bot.ask("One")
    await bot.ask("Two")
    await bot.users.set_tier(
        (await bot.user()).id, "tier-premium", bot.clock.now() + timedelta(days=12, hours=3)
    )
    await bot.say("/forget")
    assert bot.out.text() == (
        "This erases your account with your 2 readings, their follow-ups and your preferences (deck, "
        "reversed cards, language). Your 76 remaining credits will be lost. Your Premium subscription, "
        "with 13 days left, ends now and will not renew, so nothing more is charged. This can't be undone. "
        "Delete everything?"
    )
    await bot.say("/language")
    await bot.press("Українська")
    await bot.say("/forget")
    assert bot.out.text() == (
        "Буде видалено ваш обліковий запис, 2 розклади з уточненнями й ваші налаштування (колода, "
        "перевернуті карти, мова). Залишок на балансі (76 кредитів) згорить. Преміум-підписка (діє ще "
        "13 днів) завершиться зараз і не поновиться, тож більше нічого не буде списано. Цю дію не можна "
        "скасувати. Видалити все?"
    )


async def test_with_nothing_but_an_account_the_confirmation_is_short() -> None:
    bot = Bot(welcome=0)
    await bot.say("/forget")
    assert bot.out.text() == (
        "This erases your account and your preferences (deck, reversed cards, language). This can't be "
        "undone. Delete everything?"
    )


async def test_a_stars_subscription_is_cancelled_through_telegram_before_the_data_goes() -> None:
    bot = Bot()
    payload, amount = await bought(bot, "Premium subscription")
    await bot.paid(payload, amount, charge="stx-sub")
    bot.out.stars_subscriptions.add("stx-sub")  # Telegram holds it as a renewing subscription
    await bot.say("/deck")
    await bot.press("Thoth")
    user = await bot.user()
    assert "Premium subscription, with 31 days left, ends now" in await confirm_forget(bot)
    assert bot.out.cancelled_subscriptions == [(USER, "stx-sub")] and bot.out.stars_subscriptions == set()
    assert bot.out.text() == (
        "Done: your data is erased (0 readings). Send /start if you ever want to come back. Your "
        "subscription was cancelled and will not be charged again."
    )
    gone = await bot.users.get(user.id)
    assert (gone.active, gone.external_ref, gone.display_name, gone.tier_id) == (False, None, None, None)
    assert gone.preferences == Preferences()  # the deck chosen is forgotten too
    async with bot.store.uow() as uow:
        order = await uow.payments.get(payload)
    assert order is not None and order.subscription_ended and order.status is PaymentStatus.PAID
    assert (await bot.credits.check()).ok


async def test_a_one_off_stars_tier_is_ended_and_nothing_claims_a_cancellation() -> None:
    bot = Bot()
    payload, amount = await bought(bot, "Basic subscription")
    await bot.paid(payload, amount, charge="stx-once")  # Telegram: no subscription by this charge
    await confirm_forget(bot)
    assert bot.out.cancelled_subscriptions == [(USER, "stx-once")]
    assert (
        bot.out.text() == "Done: your data is erased (0 readings). Send /start if you ever want to come back."
    )
    async with bot.store.uow() as uow:
        order = await uow.payments.get(payload)
    assert order is not None and order.subscription_ended


async def test_telegram_failing_to_cancel_erases_nothing() -> None:
    bot = Bot()
    payload, amount = await bought(bot, "Premium subscription")
    await bot.paid(payload, amount, charge="stx-sub")
    bot.out.stars_subscriptions.add("stx-sub")
    await bot.ask("Keep me")
    bot.out.fail_cancel = TarotError(ErrorKind.PAYMENT, "Telegram is down")
    await confirm_forget(bot)
    assert bot.out.text() == (
        "I couldn't cancel your subscription just now, so nothing was deleted and nothing more was charged. "
        "Please try /forget again in a few minutes."
    )
    user = await bot.user()
    assert user.active and user.tier_id == "tier-premium"
    readings, total = await bot.readings.history(user.id)
    assert total == 1 and readings[0].question == "Keep me"
    async with bot.store.uow() as uow:
        order = await uow.payments.get(payload)
    assert order is not None and not order.subscription_ended
    bot.out.fail_cancel = None
    await confirm_forget(bot)
    assert "Your subscription was cancelled" in bot.out.text() and not (await bot.users.get(user.id)).active


async def stripe_subscriber(bot: Bot, gateway: MemoryPaymentGateway) -> str:
    """A Basic subscription bought through Stripe Checkout and paid (its first invoice)."""
    await bot.say("/start")
    user = await bot.user()
    checkout = await bot.payments.start_checkout(
        user.id, "tier-basic", STRIPE, "USD", "https://x/ok", "https://x/no"
    )
    order = checkout.order
    paid = ProviderPayment(STRIPE, order.id, "pi_first", order.amount, order.currency, "in_first", True)
    await bot.payments.apply(PaymentSucceeded(STRIPE, "evt_paid", paid))
    gateway.declare_subscription(order.id, "sub_123")
    return order.id


async def test_a_stripe_subscription_is_cancelled_through_the_gateway() -> None:
    gateway = MemoryPaymentGateway()
    bot = Bot(gateways=[gateway])
    order_id = await stripe_subscriber(bot, gateway)
    assert "Basic subscription, with 31 days left" in await confirm_forget(bot)
    assert gateway.cancelled == ["sub_123"]
    assert "Your subscription was cancelled" in bot.out.text()
    # Stripe then tells us the subscription ended: already recorded, nothing more happens.
    late = await bot.payments.apply(SubscriptionEnded(STRIPE, "evt_deleted", order_id, "sub_123"))
    assert not late.applied and late.note == "subscription already ended"


async def test_stripe_unreachable_erases_nothing() -> None:
    gateway = MemoryPaymentGateway()
    bot = Bot(gateways=[gateway])
    await stripe_subscriber(bot, gateway)
    gateway.fail_with = TarotError(ErrorKind.PAYMENT, "stripe down", retryable=True)
    await confirm_forget(bot)
    assert bot.out.text().startswith("I couldn't cancel your subscription just now")
    assert (await bot.user()).active and gateway.cancelled == []


async def test_coming_back_after_forget_is_a_fresh_start_without_a_zero_credit_gift() -> None:
    bot = Bot()
    await bot.say("/start")
    await confirm_forget(bot)
    await bot.say("/start")
    welcome = bot.out.text()
    assert welcome.startswith(
        "Welcome, Ann! 🔮 Good to see you again. Your earlier data was deleted as you asked"
    )
    assert "free credit" not in welcome and "0 " not in welcome
    assert bot.out.last().reply.buttons[0][0].label == "🔮 Reading"
    assert await bot.available() == 0
    fresh = Bot()  # coming back without /start: the first message greets the same way
    await fresh.say("/start")
    await confirm_forget(fresh)
    await fresh.say("/balance", lang="uk")
    first, balance = (m.reply.text for m in fresh.out.in_chat(USER)[-2:])
    assert (
        first.startswith("Ann, вітаю! 🔮 Рада бачити вас знову.")
        and "безкоштов" not in first.split("/daily")[0]
    )
    assert balance == "На вашому балансі 0 кредитів."


async def test_no_welcome_grant_means_no_talk_of_one() -> None:
    bot = Bot(welcome=0)
    await bot.say("/start")
    assert bot.out.text().startswith("Welcome, Ann! 🔮 I'm your tarot reader.\n\nType your question")
    assert "free credit" not in bot.out.text()
