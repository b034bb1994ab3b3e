"""Menus and buttons: the greeting's main menu, every reading's buttons, and Telegram's command menus
generated from the route tables like /help, so the two cannot drift apart."""

from __future__ import annotations

import pytest
from dialog_support import ADMIN, USER, Bot, listed

from adapters.telegram.events import MenuCommand


def rows(bot: Bot, user: int = USER) -> list[list[str]]:
    return [[b.label for b in row] for row in bot.out.last(user).reply.buttons]


async def test_start_greets_with_the_main_menu_and_each_button_does_what_its_command_does() -> None:
    bot = Bot()
    await bot.say("/start")
    assert rows(bot) == [["🔮 Reading", "🌞 Card of the day"], ["Balance", "⭐ Buy", "Help"]]
    await bot.press("Reading")
    assert bot.out.text().startswith("Choose a spread.") and "Past, Present, Future (12)" in bot.out.labels()
    await bot.press("Card of the day")
    assert "Your card of the day" in bot.out.text() and await bot.available() == 20
    await bot.press("Balance")
    assert bot.out.text() == "You have 20 credits."
    await bot.press("Buy")
    assert bot.out.text().endswith("Top up with Telegram Stars ⭐. Choose a pack or a monthly subscription:")
    await bot.press("Help")
    assert bot.out.text().startswith("What I can do:")
    await bot.say("/start")  # welcome back: the same menu
    assert bot.out.text().startswith("Welcome back, Ann! You have 20 credits.")
    assert rows(bot) == [["🔮 Reading", "🌞 Card of the day"], ["Balance", "⭐ Buy", "Help"]]


async def test_the_main_menu_in_ukrainian_and_without_what_is_not_offered() -> None:
    bot = Bot()
    await bot.say("/start", lang="uk")
    assert rows(bot) == [["🔮 Розклад", "🌞 Карта дня"], ["Баланс", "⭐ Купити", "Довідка"]]
    closed = Bot(stars_enabled=False, daily=False)
    await closed.say("/start")
    assert rows(closed) == [["🔮 Reading"], ["Balance", "Help"]]


async def test_every_main_menu_button_is_routed() -> None:
    bot = Bot()
    await bot.say("/start")
    actions = bot.dialog.routes.actions
    for row in bot.out.last().reply.buttons:
        for button in row:
            action = await bot.dialog._buttons.resolve(USER, USER, button.token.encode())
            assert action is not None and action.name in actions, button.label


async def test_every_reading_ends_with_follow_up_and_new_reading() -> None:
    bot = Bot(welcome=100)
    await bot.ask("A reading")
    assert rows(bot) == [["Ask a follow-up (2)"], ["New reading"]]
    await bot.press("Ask a follow-up")
    await bot.say("And?")
    assert rows(bot) == [["Ask a follow-up (2)"], ["New reading"]]
    await bot.say("/daily")
    assert rows(bot) == [["Ask a follow-up (2)"], ["New reading"]]
    await bot.say("/read single")
    await bot.say("Chosen on purpose")
    assert rows(bot) == [["Ask a follow-up (2)"], ["New reading"]]
    bot.interpreter.fail = True
    await bot.ask("The offline one")
    assert "classic offline reading" in bot.out.text() and rows(bot) == [
        ["Ask a follow-up (2)"],
        ["New reading"],
    ]
    await bot.press("New reading")
    assert bot.out.text().startswith("Choose a spread.")


@pytest.mark.parametrize(("lang_code", "lang"), [("", "en"), ("uk", "uk")])
async def test_command_menus_are_the_help_commands_with_their_words(lang_code: str, lang: str) -> None:
    bot = Bot()
    menus = bot.dialog.command_menus()
    assert set(menus.everyone) == set(menus.admins) == {"", "uk"}
    assert menus.admin_ids == frozenset({ADMIN})
    await bot.say("/help", lang=lang)
    helped = listed(bot.out.text())
    everyone = menus.everyone[lang_code]
    assert [c.name for c in everyone] == [*helped, "help"]  # /help's order, then /help itself
    assert set(helped) == set(bot.dialog.routes.commands)
    for command in everyone:
        words = helped.get(command.name, "").split(" — ", 1)[-1]
        assert command.description[:1].isupper() and 3 <= len(command.description) <= 256
        if command.name != "help":
            assert command.description.lower() == words.lower()
    admin = menus.admins[lang_code]
    assert [c.name for c in admin][: len(helped)] == list(helped)
    assert {c.name for c in admin} == {*bot.dialog.routes.commands, *bot.dialog.routes.admin_commands, "help"}


def test_command_menu_entries_read_well_in_english() -> None:
    menus = Bot().dialog.command_menus()
    assert MenuCommand("read", "Choose a spread and ask your question") in menus.everyone[""]
    assert MenuCommand("help", "What I can do") in menus.everyone[""]
    assert MenuCommand("grant", "Give credits") in menus.admins[""]
    assert MenuCommand("read", "Обрати розклад і поставити запитання") in menus.everyone["uk"]
