"""The bot when the process carries as many readings as it may (TAROT_MAX_IN_FLIGHT): a polite pause
in the person's language, nothing charged, and the reading goes ahead once a place is free."""

from __future__ import annotations

import pytest
from dialog_support import Bot


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "nothing was charged"), ("uk", "кредити не списано")],
)
async def test_a_full_house_gets_a_polite_pause_and_no_charge(lang: str, words: str) -> None:
    bot = Bot(welcome=50)
    await bot.say("/start", lang=lang)
    admission = bot.readings.admission
    admission.in_flight = admission.limit  # every place taken by readings in flight elsewhere
    await bot.ask("What does the week hold for me?", lang=lang)
    assert words in bot.out.text()
    assert "Traceback" not in bot.out.all_text()
    assert await bot.available() == 50 and bot.interpreter.requests == []
    admission.in_flight = 0
    await bot.ask("What does the week hold for me?", lang=lang)
    assert len(bot.interpreter.requests) == 1 and await bot.available() < 50
