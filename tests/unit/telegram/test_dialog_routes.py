"""The core and its feature tables: /help is the tables, names are owned once, and every free text
passes the intake before anything else happens to it."""

from __future__ import annotations

from typing import Any

import pytest
from dialog_support import ADMIN, Bot, listed

from adapters.telegram.dialog import Dialog
from adapters.telegram.dialog.help import listing
from adapters.telegram.dialog.routes import NO_FLOW, Routes, RouteTable
from adapters.telegram.dialog.turn import Turn
from adapters.telegram.events import Reply

UNKNOWN = "Sorry, I don't know that command. /help lists what I can do."


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_help_lists_exactly_the_registered_commands_each_with_its_words(lang: str) -> None:
    bot = Bot()
    routes = bot.dialog.routes
    await bot.say("/help", lang=lang)
    everyone = listed(bot.out.text())
    assert set(everyone) == set(routes.commands)
    assert all(len(line) > len(f"/{name} — ") for name, line in everyone.items())  # described, not bare
    await bot.say("/help", user=ADMIN, lang=lang)
    admin_help = bot.out.text(ADMIN)
    assert set(listed(admin_help)) == set(routes.commands) | set(routes.admin_commands)
    admin_part = admin_help.split("\n\n")[-1]
    assert set(listed(admin_part)) == set(routes.admin_commands)
    assert all(len(line) > len(f"/{name} — ") for name, line in listed(admin_part).items())


async def test_every_command_in_help_is_answered_by_its_feature() -> None:
    bot = Bot()
    await bot.say("/start")
    await bot.say("/help", user=ADMIN)
    for name in listed(bot.out.text(ADMIN)):
        await bot.say(f"/{name}", user=ADMIN)
        assert bot.out.text(ADMIN) != UNKNOWN, name


def test_the_pack_decides_the_words_and_order_and_the_tables_which_lines() -> None:
    template = "Title:\n/b — bee\n/gone <x> — retired\n/a — ay\n\nFooter /a"
    assert listing(template, ["a", "b"]) == "Title:\n/b — bee\n/a — ay\n\nFooter /a"
    assert listing(template, ["a", "new"]) == "Title:\n/a — ay\n/new\n\nFooter /a"  # never hidden
    assert listing("No lines", ["x"]) == "No lines\n/x"


async def _noop(*args: Any) -> None:
    return None


@pytest.mark.parametrize(
    "tables",
    [
        [Routes(commands={"x": _noop}), Routes(commands={"x": _noop})],
        [Routes(commands={"x": _noop}), Routes(admin_commands={"x": _noop})],
        [Routes(commands={"help": _noop})],
        [Routes(commands={"Read": _noop})],
        [Routes(actions={"open": _noop}), Routes(actions={"open": _noop})],
        [Routes(texts={"answers": _noop}), Routes(texts={"answers": _noop})],
        [Routes(pre_checkout=_noop, paid=_noop)],  # a second payment feature
    ],
)
def test_a_name_owned_twice_is_refused_when_the_dialog_is_built(tables: list[Routes]) -> None:
    base = Routes(texts={NO_FLOW: _noop}, pre_checkout=_noop, paid=_noop)
    RouteTable([base])
    with pytest.raises(ValueError):
        RouteTable([base, *tables])


def test_the_features_own_distinct_names() -> None:
    routes = Bot().dialog.routes  # building it is the check; a few owners, to show what it holds
    assert {"read", "daily", "buy", "history", "forget", "cancel"} <= set(routes.commands)
    assert {"spread", "confirm", "product", "open", "lang"} <= set(routes.actions)
    assert set(routes.texts) == {NO_FLOW, "answers", "question", "followup"}


# ---------------------------------------------------------------------------------------- intake


class ScreenedDialog(Dialog):
    """The core with an intake that answers any text mentioning "storm" itself, as a screen would."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.seen: list[tuple[str, str]] = []

    async def intake(self, turn: Turn, text: str) -> bool:
        self.seen.append((text, turn.me.id))  # the person is loaded before the intake
        if "storm" not in text:
            return True
        await turn.out.send(turn.chat, Reply("Held by the intake."))
        return False


def screened(**config: Any) -> tuple[Bot, ScreenedDialog]:
    bot = Bot(dialog_type=ScreenedDialog, **config)
    assert isinstance(bot.dialog, ScreenedDialog)
    return bot, bot.dialog


async def held_and_nothing_moved(bot: Bot, dialog: ScreenedDialog, text: str, spent_before: int) -> None:
    assert dialog.seen[-1][0] == text
    assert bot.out.text() == "Held by the intake."
    assert not any(label.startswith("Read for") for label in bot.out.labels())
    assert await bot.spent() == spent_before and await bot.available() == 20 - spent_before
    assert (await bot.credits.balance((await bot.user()).id)).pending_out == 0


async def test_plain_text_is_held_by_the_intake_before_any_reading() -> None:
    bot, dialog = screened()
    await bot.say("/start")
    await bot.say("a storm inside")
    await held_and_nothing_moved(bot, dialog, "a storm inside", 0)
    assert bot.interpreter.requests == [] and bot.out.typed == []
    readings, total = await bot.readings.history((await bot.user()).id, limit=5)
    assert total == 0 and readings == []
    await bot.ask("A calm question")  # the next text goes through, to an offer
    assert bot.interpreter.requests[-1].question == "A calm question"


async def test_the_question_is_held_before_the_price_is_asked_and_the_flow_stays() -> None:
    bot, dialog = screened(confirm_from=1)  # every spread asks to confirm its price first
    await bot.say("/read single")
    await bot.say("storm question")
    await held_and_nothing_moved(bot, dialog, "storm question", 0)
    await bot.say("calm question")  # still the single card's question: the flow was not touched
    assert "Shall I read the cards?" in bot.out.text()
    await bot.press("Read for 5 credits")
    assert bot.interpreter.requests[-1].spread_id == "single"


async def test_a_questionnaire_answer_is_held_and_not_stored() -> None:
    bot, dialog = screened()
    await bot.say("/start")
    await bot.users.set_tier((await bot.user()).id, "tier-premium", None)
    await bot.say("/read career")
    await bot.say("storm chaser")
    await held_and_nothing_moved(bot, dialog, "storm chaser", 0)
    await bot.say("nurse")  # still question 1: the held answer was not recorded
    assert "Question 2 of 2" in bot.out.text()
    await bot.press("Skip")
    await bot.say("Should I change jobs?")
    assert [(a.item_id, a.answer) for a in bot.interpreter.requests[-1].answers] == [("role", "nurse")]


async def test_a_follow_up_is_held_and_not_charged() -> None:
    bot, dialog = screened()
    await bot.ask("How is my week?")
    await bot.press("Ask a follow-up")
    await bot.say("and the storm?")
    await held_and_nothing_moved(bot, dialog, "and the storm?", 12)
    assert bot.interpreter.follow_ups == []
    await bot.say("and then?")  # still awaited as the follow-up
    assert bot.interpreter.follow_ups == ["and then?"]


async def test_commands_and_presses_do_not_pass_the_intake_but_every_free_text_does_once() -> None:
    bot, dialog = screened()
    await bot.say("/read single")
    await bot.press("Cancel")
    await bot.say("/balance")
    assert dialog.seen == []
    await bot.ask("one")
    await bot.press("Ask a follow-up")
    await bot.say("two")
    assert [text for text, _ in dialog.seen] == ["one", "two"]
