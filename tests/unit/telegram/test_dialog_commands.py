"""Commands and preferences: /start, /help, /spreads, /balance, /deck, /language, /forget, bad input."""

from __future__ import annotations

import logging

import pytest
from dialog_support import ADMIN, OTHER, USER, Bot

from adapters.telegram.events import IncomingMessage, Sender
from adapters.telegram.texts import t


async def test_start_welcomes_in_the_clients_language_and_grants_once() -> None:
    bot = Bot()
    await bot.say("/start", lang="uk-UA", name="Оксана")
    assert bot.out.text().startswith("Оксана, вітаю!") and "20 безкоштовних кредитів" in bot.out.text()
    user = await bot.user()
    assert user.external_ref == f"telegram:{USER}" and user.preferences.language == "uk"
    await bot.say("/start", lang="uk", name="Оксана")
    assert bot.out.text().startswith("Оксана, з поверненням!") and "20" in bot.out.text()
    assert await bot.available() == 20


async def test_first_contact_without_start_registers_and_greets() -> None:
    bot = Bot()
    await bot.say("/balance", name=None)
    texts = [m.reply.text for m in bot.out.in_chat(USER)]
    assert texts[0].startswith("Welcome, friend!") and texts[1] == "You have 20 credits."


async def test_help_lists_commands_and_admin_ones_only_for_admins() -> None:
    bot = Bot()
    await bot.say("/help")
    assert "/read" in bot.out.text() and "/forget" in bot.out.text() and "/grant" not in bot.out.text()
    await bot.say("/help", user=ADMIN)
    assert "/grant" in bot.out.text(ADMIN) and "/refund" in bot.out.text(ADMIN)


@pytest.mark.parametrize("command", ["/nope", "/", "/ space", "/путь", "/READX@tarot_bot"])
async def test_unknown_commands_get_a_pointer_to_help(command: str) -> None:
    bot = Bot()
    await bot.say("/start")
    await bot.say(command)
    assert bot.out.text() == "Sorry, I don't know that command. /help lists what I can do."
    assert await bot.available() == 20


async def test_commands_ignore_case_and_a_bot_suffix() -> None:
    bot = Bot()
    await bot.say("/BALANCE@tarot_bot")
    assert bot.out.text() == "You have 20 credits."


async def test_spreads_lists_every_spread_with_locks() -> None:
    bot = Bot()
    await bot.say("/spreads")
    text = bot.out.text()
    assert "Past, Present, Future (three): 3 cards, 12 credits" in text
    assert "Celtic Cross (celtic-cross): 10 cards, 15 credits 🔒 needs the Premium subscription" in text
    assert "Life Path" in text and "needs the Professional subscription" in text
    await bot.press("Choose a spread")
    assert "Choose a spread." in bot.out.text()


async def test_balance_shows_holds_and_subscription() -> None:
    bot = Bot()
    await bot.say("/start")
    until = bot.clock.now().replace(year=2026, month=3, day=1)
    await bot.users.set_tier((await bot.user()).id, "tier-basic", until)
    await bot.say("/balance")
    assert bot.out.text() == "You have 20 credits.\nSubscription: Basic subscription, until 2026-03-01."
    await bot.press("Buy credits")
    assert "Telegram Stars" in bot.out.text()


async def test_language_change_persists() -> None:
    bot = Bot()
    await bot.say("/start")
    await bot.say("/language")
    assert bot.out.labels()[-2:] == ["English", "Українська"]
    menu = bot.out.last()
    await bot.press("Українська")
    assert menu.reply.text == "Готово: тепер я розмовляю українською."
    assert (await bot.user()).preferences.language == "uk"
    await bot.say("/balance", lang="en")  # the client's language no longer decides
    assert bot.out.text() == "На вашому балансі 20 кредитів."
    await bot.ask("Що мене чекає?")
    assert bot.interpreter.requests[-1].language == "uk"
    assert "Використано 12 кредитів" in bot.out.text()


async def test_deck_and_reversals_change_and_persist() -> None:
    bot = Bot()
    await bot.say("/deck")
    menu = bot.out.last()
    assert "Deck: Rider–Waite–Smith" in menu.reply.text
    assert "Reversed cards: on" in menu.reply.text
    await bot.press("Thoth")
    assert "Deck: Thoth" in menu.reply.text and "✓ Thoth Tarot" in bot.out.labels()
    message, off = bot.out.find_button("Turn reversed cards off")
    await bot.click(off.token.encode(), message.message_id)
    await bot.click(off.token.encode(), message.message_id)  # pressed twice: still off, not toggled back
    assert "Reversed cards: off" in menu.reply.text
    prefs = (await bot.user()).preferences
    assert (prefs.deck_id, prefs.reversals) == ("thoth", False)
    await bot.ask("A question")
    request = bot.interpreter.requests[-1]
    assert request.deck_id == "thoth" and not any(c.reversed for c in request.cards)


async def test_forget_after_confirmation_erases_the_data() -> None:
    bot = Bot()
    await bot.ask("Tell me something")
    user_id = (await bot.user()).id
    await bot.say("/forget")
    assert "8 remaining credits will be lost" in bot.out.text()
    menu = bot.out.last()
    message, yes = bot.out.find_button("Yes, delete my data")
    await bot.click(yes.token.encode(), message.message_id)
    assert menu.reply.text.startswith("Done: your data is erased (1 reading).")
    gone = await bot.users.get(user_id)
    assert not gone.active and gone.external_ref is None
    async with bot.store.uow() as uow:
        (stored,) = await uow.readings.list_for_user(user_id)
    assert stored.question == "" and stored.interpretation.text == ""
    query = await bot.click(yes.token.encode(), message.message_id)  # pressed again: nothing more happens
    assert bot.answer_of(query)[0] == "This button has expired. Please start again."
    assert (await bot.credits.check()).ok


async def test_forget_declined_keeps_everything() -> None:
    bot = Bot()
    await bot.say("/forget")
    message, yes = bot.out.find_button("Yes, delete my data")
    await bot.press("No, keep it")
    assert bot.out.text() == "Nothing was deleted."
    query = await bot.click(yes.token.encode(), message.message_id)
    assert bot.answer_of(query)[0] == "This button has expired. Please start again."
    assert (await bot.user()).active


async def test_a_duplicate_update_id_is_ignored_silently() -> None:
    bot = Bot()
    await bot.say("/start")
    event = IncomingMessage(77, chat_id=USER, sender=Sender(USER, "en"), text="Question?", message_id=77)
    await bot.dialog.handle(event, bot.out)
    count = len(bot.out.messages)
    assert bot.out.labels().count("Read for 12 credits") == 1
    await bot.dialog.handle(event, bot.out)
    assert len(bot.out.messages) == count and bot.out.labels().count("Read for 12 credits") == 1


async def test_an_unexpected_failure_is_logged_and_answered_politely(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = Bot()
    await bot.say("/start")

    async def broken(user_id: str) -> object:
        raise RuntimeError("boom")

    bot.credits.balance = broken  # type: ignore[method-assign,assignment]
    with caplog.at_level(logging.ERROR, logger="adapters.telegram"):
        await bot.say("/balance")
    assert bot.out.text() == "We're having a technical hiccup. Please try again in a moment."
    assert any("update 2 failed" in r.getMessage() for r in caplog.records)


async def test_every_bot_key_exists_in_both_languages_with_the_same_placeholders() -> None:
    import string

    from tarot_domain.content.registry import pack_module
    from tarot_domain.content.shapes import Text

    def fields(text: Text) -> set[str]:
        forms = [text] if isinstance(text, str) else [text.other, text.one, text.few, text.many]
        return {f for form in forms for _, f, _, _ in string.Formatter().parse(form) if f}

    en, uk = (getattr(pack_module(code, "bot"), "MESSAGES", {}) for code in ("en", "uk"))
    assert en and set(en) == set(uk)
    for key in en:
        assert fields(en[key]) == fields(uk[key]), key
    assert t("error.rate_limited", "uk", seconds=5).endswith("за 5 секунд.")  # shared keys fall through
    assert t("no.such.key", "uk") == "no.such.key"


async def test_two_people_do_not_share_flows() -> None:
    bot = Bot()
    await bot.say("/read")
    await bot.press("Single Card")
    await bot.ask("Hello there", user=OTHER)
    assert bot.interpreter.requests[-1].spread_id == "three"  # OTHER had no flow: an offer, then a press
    await bot.say("Mine")
    assert bot.interpreter.requests[-1].spread_id == "single"


async def test_basic_opens_the_everyday_topic_spreads_and_says_so() -> None:
    bot = Bot(welcome=100)
    await bot.say("/spreads")
    assert (
        "Relationship (relationship): 5 cards, 12 credits; asks 2 short questions first 🔒 needs the Basic"
        in (bot.out.text())
    )
    assert (
        "Celtic Cross (celtic-cross): 10 cards, 15 credits 🔒 needs the Premium subscription"
        in bot.out.text()
    )
    await bot.users.set_tier((await bot.user()).id, "tier-basic", None)
    await bot.say("/read")
    labels = bot.out.labels()
    for opened in ("Relationship (12)", "Career (12)", "The Week Ahead (20)", "Past, Present, Future (12)"):
        assert opened in labels
    for locked in ("🔒 Celtic Cross (15)", "🔒 The Month Ahead (100)", "🔒 Life Path (1000)"):
        assert locked in labels
    await bot.say("/buy")
    assert (
        "The Basic subscription gives 150 credits a month and 10% extra on packs, and opens “Relationship”, "
        "“Career” and “The Week Ahead”." in bot.out.text()
    )
    await bot.say("/language")
    await bot.press("Українська")
    await bot.say("/buy")
    assert (
        "Базова підписка — це 150 кредитів щомісяця, бонус 10% до пакетів і доступ до розкладів «Стосунки»"
        in (bot.out.text())
    )
