"""Readings in the chat: choosing a spread, the questionnaire, the question, follow-ups and history."""

from __future__ import annotations

from datetime import timedelta

from dialog_support import GENEROUS, USER, Bot

from tarot_ports.rate_limit import RateLimit


async def started(welcome: int = 20, **changes: object) -> Bot:
    bot = Bot(welcome=welcome, **changes)  # type: ignore[arg-type]
    await bot.say("/start")
    return bot


async def test_read_pick_a_spread_type_a_question_and_get_a_streamed_reading() -> None:
    bot = await started()
    await bot.say("/read")
    assert "you have 20" in bot.out.text()
    labels = bot.out.labels()
    assert "Past, Present, Future (12)" in labels and "Single Card (5)" in labels
    menu = bot.out.last()
    await bot.press("Past, Present, Future")
    assert bot.out.last() is menu and menu.edits == 1  # the menu turns into the chosen spread
    assert (
        "Past, Present, Future: 3 cards, 12 credits" in menu.reply.text
        and "type your question" in menu.reply.text
    )

    await bot.say("Will the move go well?")
    reading = bot.out.last()
    assert bot.out.typed == [USER]
    assert reading.edits == 1 and len(bot.out.deltas[reading.message_id]) == 3  # streamed, then final
    text = reading.reply.text
    assert "Will the move go well?" in text and "[primary]" in text
    assert "12 credits were used; 8 remain." in text
    assert [b.label for row in reading.reply.buttons for b in row] == ["Ask a follow-up (2)", "New reading"]
    assert await bot.available() == 8
    # The flow is over: the next plain text is a new quick reading, not this spread's question again.
    assert bot.interpreter.requests[-1].spread_id == "three"


async def test_plain_text_outside_a_flow_is_offered_and_only_the_press_charges() -> None:
    bot = await started()
    await bot.say("What should I focus on?")
    offer = bot.out.last()
    assert offer.reply.text == (
        "For this question I suggest “Past, Present, Future”: 3 cards for 12 credits. You have 20 credits; "
        "nothing is charged until you tap."
    )
    assert [[b.label for b in row] for row in offer.reply.buttons] == [
        ["Read for 12 credits"],
        ["Choose another spread", "Cancel"],
    ]
    assert bot.interpreter.requests == [] and bot.out.typed == []
    assert await bot.available() == 20 and (await bot.credits.balance((await bot.user()).id)).pending_out == 0
    read = offer.reply.buttons[0][0]
    await bot.press("Read for 12 credits")
    assert bot.interpreter.requests[-1].spread_id == "three"
    assert bot.interpreter.requests[-1].question == "What should I focus on?"
    assert await bot.available() == 8 and await bot.spent() == 12
    assert offer.reply.buttons == ()  # the offer now says what is being read, without its buttons
    query = await bot.click(read.token.encode(), offer.message_id)  # pressed again
    assert bot.answer_of(query)[0] == "This button has expired. Please start again."
    assert len(bot.interpreter.requests) == 1 and await bot.available() == 8


async def test_anything_typed_outside_a_flow_is_only_an_offer() -> None:
    bot = await started()
    for text in ("hello there", "helo", "3", "🔮", "ok thanks"):
        await bot.say(text)
        assert "Read for 12 credits" in bot.out.labels(), text
    assert bot.interpreter.requests == [] and await bot.available() == 20 and await bot.spent() == 0


async def test_cancelling_an_offer_charges_nothing_and_spends_its_read_button() -> None:
    bot = await started()
    await bot.say("Will it work out?")
    offer, read = bot.out.find_button("Read for 12 credits")
    await bot.press("Cancel")
    assert offer.reply.text == "Alright, nothing was charged." and offer.reply.buttons == ()
    query = await bot.click(read.token.encode(), offer.message_id)
    assert bot.answer_of(query)[0] == "This button has expired. Please start again."
    assert bot.interpreter.requests == [] and await bot.available() == 20


async def test_choosing_another_spread_keeps_the_question_and_names_the_new_price() -> None:
    bot = await started()
    await bot.users.set_tier((await bot.user()).id, "tier-basic", None)
    await bot.say("Is he the one?")
    offer, read = bot.out.find_button("Read for 12 credits")
    await bot.press("Choose another spread")
    assert bot.out.last() is offer and "Choose a spread." in offer.reply.text  # the offer became the menu
    await bot.press("Yes or No")
    assert offer.reply.text == "“Yes or No” costs 5 credits; you have 20. Shall I read the cards?"
    assert bot.interpreter.requests == []
    await bot.press("Read for 5 credits")
    request = bot.interpreter.requests[-1]
    assert (request.spread_id, request.question) == ("yes-no", "Is he the one?")
    assert await bot.available() == 15
    query = await bot.click(read.token.encode(), offer.message_id)  # the first offer's button is spent
    assert bot.answer_of(query)[0] == "This button has expired. Please start again."
    # A spread with a questionnaire asks it first; the question typed at the start is read after it.
    await bot.say("How will my career go?")
    await bot.press("Choose another spread")
    await bot.press("Career")
    assert "Question 1 of 2" in bot.out.text()
    await bot.say("nurse")
    await bot.press("Skip")
    assert "“Career” costs 12 credits; you have 15." in bot.out.text()
    await bot.press("Read for 12 credits")
    request = bot.interpreter.requests[-1]
    assert (request.spread_id, request.question) == ("career", "How will my career go?")
    assert [(a.item_id, a.answer) for a in request.answers] == [("role", "nurse")]
    assert await bot.available() == 3


async def test_no_credits_offers_the_packs_as_buttons_and_nothing_is_charged() -> None:
    bot = await started(welcome=3)
    await bot.say("Will it rain?")
    assert bot.out.text() == (
        "“Past, Present, Future” costs 12 credits and you have 3. Choose a pack below to top up, or a "
        "smaller spread with /read."
    )
    packs = [b.label for row in bot.out.last().reply.buttons for b in row]
    assert packs == [
        "Starter pack: 50 credits · 150 ⭐", "Basic pack: 120 credits · 300 ⭐",
        "Premium pack: 300 credits · 650 ⭐", "Professional pack: 1000 credits · 1750 ⭐",
        "Unlimited pack: 5000 credits · 7500 ⭐",
    ]  # fmt: skip
    await bot.press("Starter pack")  # a pack button is a real order
    ((_, invoice, _),) = bot.out.invoices
    assert invoice.amount == 150
    await bot.say("/read")
    await bot.press("Past, Present, Future")
    assert "costs 12 credits and you have 3" in bot.out.text() and "Starter pack" in bot.out.labels()[-5]
    assert await bot.available() == 3 and await bot.spent() == 0
    assert bot.interpreter.requests == []
    assert (await bot.credits.check()).ok


async def test_a_small_balance_is_offered_the_spread_it_covers() -> None:
    bot = await started(welcome=7)
    await bot.say("Anything for me today?")
    assert "I suggest “Single Card”: 1 card for 5 credits. You have 7 credits" in bot.out.text()
    await bot.press("Read for 5 credits")
    assert bot.interpreter.requests[-1].spread_id == "single" and await bot.available() == 2


async def test_without_purchases_not_enough_points_to_smaller_spreads() -> None:
    bot = await started(welcome=3, stars_enabled=False)
    await bot.say("Will it rain?")
    hint = "Choose a smaller spread with /read, or try /daily for a free card of the day."
    assert bot.out.text().endswith(hint)
    assert bot.out.last().reply.buttons == ()


async def test_empty_and_overlong_questions_are_refused_and_the_flow_waits() -> None:
    bot = await started()
    await bot.say("/read")
    await bot.press("Single Card")
    await bot.say("   \u200b  ")
    assert "can't be empty" in bot.out.text()
    await bot.say("x" * 501)
    assert "501 characters" in bot.out.text() and "500" in bot.out.text()
    await bot.say("y" * 100_000)
    assert "500" in bot.out.text()
    assert bot.interpreter.requests == [] and await bot.available() == 20
    await bot.say("A fine question")
    assert bot.interpreter.requests[-1].spread_id == "single"
    assert await bot.available() == 15


async def test_career_questionnaire_one_question_at_a_time_with_skip() -> None:
    bot = await started()
    await bot.users.set_tier((await bot.user()).id, "tier-premium", None)
    await bot.say("/read")
    await bot.press("Career")
    assert "Question 1 of 2" in bot.out.text() and "current role" in bot.out.text()
    await bot.say("nurse")
    assert "Question 2 of 2" in bot.out.text()
    await bot.press("Skip")
    assert "type your question" in bot.out.text()
    await bot.say("Should I change jobs?")
    request = bot.interpreter.requests[-1]
    assert request.spread_id == "career" and request.question == "Should I change jobs?"
    assert [(a.item_id, a.answer) for a in request.answers] == [("role", "nurse")]
    assert await bot.available() == 8


async def test_a_stale_skip_button_changes_nothing() -> None:
    bot = await started()
    await bot.users.set_tier((await bot.user()).id, "tier-premium", None)
    await bot.say("/read")
    await bot.press("Career")
    first_skip = bot.out.find_button("Skip")
    await bot.press("Skip")  # skips question 1
    query = await bot.click(first_skip[1].token.encode(), first_skip[0].message_id)  # pressed again
    assert bot.answer_of(query)[0] == "This button has expired. Please start again."
    assert "Question 2 of 2" in bot.out.text()


async def test_over_long_questionnaire_answer_is_refused() -> None:
    bot = await started()
    await bot.users.set_tier((await bot.user()).id, "tier-premium", None)
    await bot.say("/read career")
    await bot.say("z" * 301)
    assert "300" in bot.out.text()
    await bot.say("designer")
    assert "Question 2 of 2" in bot.out.text()


async def test_a_locked_spread_names_the_tier_and_starts_nothing() -> None:
    bot = await started()
    await bot.say("/read")
    assert "🔒 Celtic Cross (15)" in bot.out.labels()
    query = await bot.press("Celtic Cross")
    text, alert = bot.answer_of(query)
    assert alert and text is not None and "Premium subscription" in text and "/buy" in text
    await bot.ask("Anything?")  # no flow was started: the three-card offer
    assert bot.interpreter.requests[-1].spread_id == "three"


async def test_follow_ups_up_to_the_limit() -> None:
    bot = await started(welcome=100)
    await bot.ask("How is my week?")
    for n in range(3):
        await bot.press("Ask a follow-up")
        assert f"({3 - n} left, 2 credits each)" in bot.out.text()
        await bot.say(f"And then {n}?")
        assert f"about And then {n}?" in bot.out.text() and "2 credits were used" in bot.out.text()
    assert "Ask a follow-up" not in [b.label for row in bot.out.last().reply.buttons for b in row]
    assert await bot.available() == 100 - 12 - 3 * 2
    # An old follow-up button pressed after the limit: refused politely, nothing charged.
    message, button = bot.out.find_button("Ask a follow-up")
    await bot.click(button.token.encode(), message.message_id)
    assert "at most 3 follow-up" in bot.out.text()
    assert await bot.available() == 82 and await bot.spent() == 18


async def test_the_same_button_pressed_twice_charges_once() -> None:
    bot = await started()
    await bot.say("/read")
    message, button = bot.out.find_button("Past, Present, Future")
    await bot.click(button.token.encode(), message.message_id)
    await bot.click(button.token.encode(), message.message_id)  # a double press: the same flow again
    await bot.say("Once?")
    assert await bot.available() == 8 and len(bot.interpreter.requests) == 1


async def test_an_expensive_spread_asks_to_confirm_and_a_double_press_charges_once() -> None:
    bot = await started(welcome=300)
    await bot.users.set_tier((await bot.user()).id, "tier-premium", None)
    await bot.say("/read month-ahead")
    await bot.press("Skip")
    await bot.press("Skip")
    await bot.say("What will this month bring?")
    assert "costs 100 credits; you have 300" in bot.out.text()
    assert bot.interpreter.requests == []
    message, yes = bot.out.find_button("Read for 100 credits")
    _, no = bot.out.find_button("Cancel")
    assert no in message.reply.buttons[1]
    await bot.click(yes.token.encode(), message.message_id)
    second = await bot.click(yes.token.encode(), message.message_id)
    assert bot.answer_of(second)[0] == "This button has expired. Please start again."
    assert len(bot.interpreter.requests) == 1 and await bot.available() == 200
    cancel = await bot.click(no.token.encode(), message.message_id)  # too late to cancel: already read
    assert bot.answer_of(cancel)[0] == "This button has expired. Please start again."


async def test_cancelling_a_confirmation_charges_nothing() -> None:
    bot = await started(welcome=300)
    await bot.users.set_tier((await bot.user()).id, "tier-premium", None)
    await bot.say("/read month-ahead")
    await bot.press("Skip")
    await bot.press("Skip")
    await bot.say("What will this month bring?")
    message, yes = bot.out.find_button("Read for 100 credits")
    await bot.press("Cancel")
    assert "nothing was charged" in bot.out.text()
    query = await bot.click(yes.token.encode(), message.message_id)
    assert bot.answer_of(query)[0] == "This button has expired. Please start again."
    assert await bot.available() == 300


async def test_cancel_leaves_a_flow() -> None:
    bot = await started()
    await bot.say("/cancel")
    assert bot.out.text() == "There's nothing to cancel."
    await bot.say("/read")
    await bot.press("Single Card")
    await bot.say("/cancel")
    assert bot.out.text().startswith("Cancelled.")
    await bot.ask("Now what?")
    assert bot.interpreter.requests[-1].spread_id == "three"


async def test_daily_card_is_free_once_a_day() -> None:
    bot = await started()
    await bot.say("/daily")
    first = bot.out.text()
    assert "Your card of the day" in first and "This reading was free; you have 20 credits." in first
    await bot.say("/daily")
    assert bot.out.text() == first  # the same card again, still free
    assert len(bot.interpreter.requests) == 1 and await bot.available() == 20
    bot.clock.advance(timedelta(days=1))
    await bot.say("/daily")
    assert len(bot.interpreter.requests) == 2 and await bot.available() == 20


async def test_the_offline_fallback_is_marked_and_free() -> None:
    bot = await started()
    bot.interpreter.fail = True
    await bot.ask("Is the reader there?")
    assert "classic offline reading" in bot.out.text() and "[offline]" in bot.out.text()
    assert await bot.available() == 20


async def test_history_pages_of_five_and_reopening_a_reading() -> None:
    bot = await started(welcome=200)
    for n in range(7):
        await bot.ask(f"Question number {n}")
        bot.clock.advance(60)
    await bot.say("/history")
    menu = bot.out.last()
    assert "1–5 of 7" in menu.reply.text and "Question number 6" in menu.reply.text
    assert bot.out.labels()[-6:] == ["1", "2", "3", "4", "5", "Older »"]
    await bot.press("Older »")
    assert bot.out.last() is menu and "6–7 of 7" in menu.reply.text and "Question number 0" in menu.reply.text
    await bot.press("« Newer")
    assert "1–5 of 7" in menu.reply.text
    await bot.press("5")
    opened = bot.out.last()
    assert (
        opened is not menu and "Question number 2" in opened.reply.text and "[primary]" in opened.reply.text
    )
    assert "Ask a follow-up (2)" in [b.label for row in opened.reply.buttons for b in row]


async def test_history_when_empty() -> None:
    bot = await started()
    await bot.say("/history")
    assert "no readings yet" in bot.out.text()


async def test_command_rate_limit_on_a_button_is_a_popup() -> None:
    limits = dict(GENEROUS)
    limits["commands_per_user"] = RateLimit(rate=1, period=10, burst=2)
    bot = await started(limits=limits)  # /start used one
    await bot.say("/read")
    query = await bot.press("Single Card")
    text, alert = bot.answer_of(query)
    assert alert and text == "You're going a little fast. Please try again in 10 seconds."
